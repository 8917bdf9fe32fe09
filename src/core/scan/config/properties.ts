// Java .properties files (Spring Boot's application.properties): `key=value`, `key: value`
// or `key value` lines, `#`/`!` comments, `\` line continuations and escapes. Read into the
// config tree as one flat map whose keys are the dotted property names.

import type { CEntry, CNode, ConfigTree } from './tree';

export function parseProperties(text: string): ConfigTree {
  const entries: CEntry[] = [];
  let i = 0;
  while (i < text.length) {
    // A logical line: leading blanks skipped, comment lines dropped.
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) i++;
    const c = text[i];
    if (c === undefined) break;
    if (c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || c === '!') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    const keyS = i;
    const key = readPart(text, i, true);
    i = key.end;
    // The separator: blanks, then at most one `=` or `:`, then blanks.
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\f') i++;
    if (text[i] === '=' || text[i] === ':') i++;
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\f') i++;
    const value = readPart(text, i, false);
    i = value.end;
    const end = value.text.length ? value.contentEnd : value.start;
    const node: CNode = { k: 'scalar', v: value.text, s: value.start, e: end, cs: value.start, ce: end, verbatim: text.slice(value.start, end) === value.text };
    entries.push({ key: key.text, keyS, value: node });
  }
  return { roots: [{ k: 'map', entries, s: 0, e: text.length }], problems: [] };
}

/** A key (up to an unescaped separator) or a value (to the end of the logical line), unescaped. */
function readPart(text: string, start: number, isKey: boolean): { text: string; start: number; end: number; contentEnd: number } {
  let out = '';
  let i = start;
  let contentEnd = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') break;
    if (isKey && (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f')) break;
    if (c === '\\') {
      const n = text[i + 1];
      if (n === undefined) {
        i++;
        break;
      }
      if (n === '\n' || n === '\r') {
        // A continuation: the next line's leading blanks are not part of the value.
        i += n === '\r' && text[i + 2] === '\n' ? 3 : 2;
        while (text[i] === ' ' || text[i] === '\t' || text[i] === '\f') i++;
        continue;
      }
      if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        out += n === 't' ? '\t' : n === 'n' ? '\n' : n === 'r' ? '\r' : n === 'f' ? '\f' : n;
        i += 2;
      }
      contentEnd = i;
      continue;
    }
    out += c;
    i++;
    if (c !== ' ' && c !== '\t' && c !== '\f') contentEnd = i;
  }
  // Trailing blanks of a value are kept by Java; a URL or region never has them, so they are trimmed.
  return { text: isKey ? out : out.trimEnd(), start, end: i, contentEnd };
}
