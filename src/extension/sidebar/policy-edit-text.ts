// The policy text with the matrix filter's requirements: only the `require:` value changes
// (a text edit at the parsed node's range, in the value's own style), so comments, layout,
// line endings and indentation stay as written.

import * as jsonc from 'jsonc-parser';
import { isMap, isNode, isSeq, parseDocument } from 'yaml';
import { parsePolicy, type Requirement } from '../../core';

/** The policy text with `require:` set; throws when the result would not be a valid policy. */
export function withRequirements(file: string, text: string, requirements: Requirement[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out: string;
  if (file.endsWith('.json')) {
    const tabs = /\n\t/.test(text);
    const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
    out = jsonc.applyEdits(text, jsonc.modify(text, ['require'], requirements, { formattingOptions: { insertSpaces: !tabs, tabSize: tabs ? 1 : indent, eol } }));
  } else {
    const doc = parseDocument(text, { prettyErrors: false });
    const node = doc.get('require', true);
    if (isNode(node) && node.range) {
      // A block sequence's range ends after its line break: keep that.
      let end = node.range[1];
      while (end > node.range[0] && /\s/.test(text[end - 1]!)) end--;
      const start = node.range[0];
      const indent = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
      const value = isSeq(node) && !node.flow && /^[ \t]*$/.test(indent)
        ? requirements.map((r) => `- ${r}`).join(`${eol}${indent}`)
        : `[${requirements.join(', ')}]`;
      out = text.slice(0, start) + value + text.slice(end);
    } else {
      // No require: yet: a new first key of the mapping (after any comments and `---`).
      const line = `require: [${requirements.join(', ')}]${eol}`;
      const at = isMap(doc.contents) && doc.contents.range ? doc.contents.range[0] : text.length;
      out = text.slice(0, at) + (at === text.length && text && !text.endsWith('\n') ? eol : '') + line + text.slice(at);
    }
  }
  parsePolicy(file, out); // never write a policy the engine would reject
  return out;
}
