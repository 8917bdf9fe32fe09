// Dockerfiles: the `ENV` instructions, which set environment variables for the code the
// image runs (https://docs.docker.com/reference/dockerfile/#env). Both forms: `ENV K=V K2="v 2"`
// and the legacy `ENV K V` (one variable, the rest of the line); `\` continues a line.
// A value that substitutes another variable (`$X`, `${X}`) is filled in at build time, as in a .env file.

import type { EnvAssignment } from './dotenv';

const ENV_LINE = /^[ \t]*ENV[ \t]+/i;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;

export function parseDockerfileEnv(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  let offset = 0;
  while (offset < text.length) {
    // An instruction runs to the first line that does not end in `\`.
    let end = offset;
    for (;;) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      if (!/\\\r?$/.test(text.slice(end, nl))) {
        end = nl;
        break;
      }
      end = nl + 1;
    }
    const head = ENV_LINE.exec(text.slice(offset, end));
    if (head) out.push(...envInstruction(text, offset + head[0].length, end));
    offset = end + 1;
  }
  return out;
}

/** The variables of one `ENV` instruction whose arguments span [from, to). */
function envInstruction(text: string, from: number, to: number): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  let i = from;
  const skipBlanks = (): void => {
    while (i < to && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n' || (text[i] === '\\' && /^\\\r?\n/.test(text.slice(i, i + 3))))) i++;
  };
  skipBlanks();
  const first = NAME.exec(text.slice(i, to));
  if (!first) return out;
  if (text[i + first[0].length] !== '=') {
    // Legacy form: `ENV NAME value with spaces`.
    const s = i + first[0].length;
    let v = s;
    while (v < to && (text[v] === ' ' || text[v] === '\t')) v++;
    const value = text.slice(v, to).replace(/\r$/, '').trimEnd();
    if (value) out.push(assignment(first[0], value, v, v + value.length, true));
    return out;
  }
  while (i < to) {
    skipBlanks();
    const m = NAME.exec(text.slice(i, to));
    if (!m || text[i + m[0].length] !== '=') break;
    const name = m[0];
    i += m[0].length + 1;
    const q = text[i];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, i + 1);
      const e = close < 0 || close > to ? to : close;
      out.push(assignment(name, text.slice(i + 1, e), i + 1, e, true));
      i = e + 1;
    } else {
      let e = i;
      while (e < to && !/\s/.test(text[e]!)) e++;
      out.push(assignment(name, text.slice(i, e), i, e, true));
      i = e;
    }
  }
  return out;
}

function assignment(name: string, raw: string, s: number, e: number, verbatim: boolean): EnvAssignment {
  // `$X` is written `${X}`, as in a .env file: another variable's value, filled in at build time.
  const value = raw.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '${$1}');
  return { name, value, s, e, verbatim: verbatim && value === raw };
}
