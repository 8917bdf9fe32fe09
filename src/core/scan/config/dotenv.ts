// .env files (dotenv syntax, also `export` lines as in .envrc): names, values and the
// offsets of each value.

export interface EnvAssignment {
  name: string;
  value: string;
  /** Offsets of the name, and of the value's content (inside quotes). */
  s: number;
  e: number;
  verbatim: boolean;
}

/**
 * The escapes python-dotenv decodes in double quotes; any other backslash stays, as in
 * every dotenv reader (Node's dotenv keeps even these but `\n` and `\r`), so that
 * `"https://api.anthropic.com\.evil.example"` keeps the backslash a URL parser reads.
 */
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', "'": "'", '\\': '\\',
};

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
        while (i < text.length && text[i] !== q) {
          if (q === '"' && text[i] === '\\' && i + 1 < text.length) {
            const n = text[i + 1]!;
            value += DOUBLE_QUOTED_ESCAPES[n] ?? `\\${n}`;
            i += 2;
            continue;
          }
          value += text[i];
          i++;
        }
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
