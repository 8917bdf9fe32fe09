// .env files (dotenv syntax, also `export` lines as in .envrc): names, values and the
// offsets of each value.

import { HOLE } from '../tokens';

export interface EnvAssignment {
  name: string;
  value: string;
  /** Offsets of the name, and of the value's content (inside quotes). */
  s: number;
  e: number;
  verbatim: boolean;
}

/**
 * Escapes in double quotes. python-dotenv decodes \\ \' \" \a \b \f \n \r \t \v; Node's dotenv
 * only \n and \r, keeping the backslash of the others. A value they read differently is
 * unknown (HOLE): `"https://api.openai.com\"@eu.api.openai.com"` is eu.api.openai.com to
 * one and api.openai.com to the other. Any other backslash stays, as in both.
 */
const BOTH_DECODE: Record<string, string> = { n: '\n', r: '\r' };
/** python-dotenv decodes these; Node's dotenv keeps their backslash. */
const READERS_DISAGREE = new Set(['\\', "'", '"', 'a', 'b', 'f', 't', 'v']);

const LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*/;

export function parseDotenv(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  let offset = 0;
  while (offset < text.length) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = text.length;
    const line = text.slice(offset, nl);
    const m = LINE.exec(line);
    if (m) {
      const name = m[1]!;
      const p = offset + m[0].length;
      const q = text[p];
      let s: number;
      let e: number;
      let value: string;
      let end = nl;
      if (q === '"' || q === "'" || q === '`') {
        // Quoted values may span lines; double quotes allow escapes.
        s = p + 1;
        let i = s;
        value = '';
        let disagree = false;
        while (i < text.length && text[i] !== q) {
          if (q === '"' && text[i] === '\\' && i + 1 < text.length) {
            const n = text[i + 1]!;
            if (READERS_DISAGREE.has(n)) disagree = true;
            value += BOTH_DECODE[n] ?? `\\${n}`;
            i += 2;
            continue;
          }
          value += text[i];
          i++;
        }
        // Read differently by different readers: what the program sees is not known.
        if (disagree) value = HOLE;
        e = i;
        const after = text.indexOf('\n', i);
        end = after < 0 ? text.length : after;
      } else {
        // Unquoted: up to an inline comment (` #`) or the end of the line.
        const rest = text.slice(p, nl);
        const hash = rest.search(/[ \t]#/);
        value = (hash >= 0 ? rest.slice(0, hash) : rest).trimEnd();
        s = p;
        e = p + value.length;
      }
      out.push({ name, value, s, e, verbatim: text.slice(s, e) === value });
      offset = end + 1;
      continue;
    }
    offset = nl + 1;
  }
  return out;
}
