// The policy text with the matrix filter's requirements: only `require:` changes.

import * as jsonc from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { parsePolicy, type Requirement } from '../../core/policy/policy';

/** The policy text with `require:` set; throws when the result would not be a valid policy. */
export function withRequirements(file: string, text: string, requirements: Requirement[]): string {
  let out: string;
  if (file.endsWith('.json')) {
    out = jsonc.applyEdits(text, jsonc.modify(text, ['require'], requirements, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  } else {
    const doc = parseDocument(text);
    const list = doc.createNode(requirements);
    list.flow = true;
    doc.set('require', list);
    out = doc.toString();
  }
  parsePolicy(file, out); // never write a policy the engine would reject
  return out;
}

