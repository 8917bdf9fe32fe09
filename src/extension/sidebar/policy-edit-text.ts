// The policy text with the matrix filter's requirements: only the `require:` value changes
// (a text edit at the parsed node's range, so comments and layout stay as written).

import * as jsonc from 'jsonc-parser';
import { isNode, parseDocument } from 'yaml';
import { parsePolicy, type Requirement } from '../../core/policy/policy';

/** The policy text with `require:` set; throws when the result would not be a valid policy. */
export function withRequirements(file: string, text: string, requirements: Requirement[]): string {
  let out: string;
  if (file.endsWith('.json')) {
    out = jsonc.applyEdits(text, jsonc.modify(text, ['require'], requirements, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  } else {
    const value = `[${requirements.join(', ')}]`;
    const node = parseDocument(text).get('require', true);
    if (isNode(node) && node.range) {
      // A block sequence's range ends after its line break: keep that.
      let end = node.range[1];
      while (end > node.range[0] && /\s/.test(text[end - 1]!)) end--;
      out = text.slice(0, node.range[0]) + value + text.slice(end);
    }
    else {
      // No require: yet: a new line after the leading comments.
      const head = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text)![0].length;
      out = `${text.slice(0, head)}require: ${value}\n${text.slice(head)}`;
    }
  }
  parsePolicy(file, out); // never write a policy the engine would reject
  return out;
}
