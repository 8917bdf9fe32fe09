// JSON.stringify(value, null, 2) in chunks: a report with many findings never becomes one
// string (V8 caps strings at about 512 MB, and one copy of the whole output is enough).
// Objects and one-element arrays (SARIF's `runs`) are walked; every element of a longer
// array (an endpoint, a finding, a SARIF result) is serialised on its own.

import { escapeJsonText } from './escape';

const CHUNK = 1 << 16;

/** The chunks of `JSON.stringify(value, null, 2)` (with `escapeJsonText` applied), about 64 KB each. */
export function* jsonChunks(value: unknown): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const piece of pieces(value, '')) {
    pending.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      yield escapeJsonText(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield escapeJsonText(pending.join(''));
}

function* pieces(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 1) {
    yield '[';
    for (const [i, item] of value.entries()) yield `${i ? ',' : ''}\n${inner}${whole(item === undefined ? null : item, inner)}`;
    yield `\n${indent}]`;
  } else if (Array.isArray(value) && value.length === 1) {
    yield `[\n${inner}`;
    yield* pieces(value[0] === undefined ? null : value[0], inner);
    yield `\n${indent}]`;
  } else if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (!entries.length) {
      yield '{}';
      return;
    }
    yield '{';
    for (const [i, [key, v]] of entries.entries()) {
      yield `${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `;
      yield* pieces(v, inner);
    }
    yield `\n${indent}}`;
  } else yield whole(value, indent);
}

/**
 * One value, indented to sit at `indent` (two spaces a level). Put that many arrays deep,
 * JSON.stringify indents it so itself: no second pass over the text to indent each line.
 */
function whole(value: unknown, indent: string): string {
  const levels = indent.length / 2;
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2) ?? 'null';
  // The k-th array adds `[\n` and 2k spaces before the value, `\n`, 2(k-1) spaces and `]` after it.
  return json.slice(levels * (levels + 3), json.length - levels * (levels + 1));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
