// Dockerfiles: the `ENV` instructions that reach the image the file builds, which set
// environment variables for the code it runs (https://docs.docker.com/reference/dockerfile/#env).
// Both forms: `ENV K=V K2="v 2"` and the legacy `ENV K V` (one variable, the rest of the
// line). Read as Docker reads them: the escape character (`\`, or the `# escape=` directive)
// continues a line, comment lines inside an instruction are dropped, heredoc bodies are not
// instructions, and in a multi-stage build only the final stage (and the stages it is built
// `FROM`) reaches the image. A value that substitutes another variable (`$X`, `${X}`) is
// filled in at build time, as in a .env file.

import type { EnvAssignment } from './dotenv';

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;

interface Stage {
  name?: string;
  base: string;
  env: EnvAssignment[];
}

export function parseDockerfileEnv(text: string): EnvAssignment[] {
  const escape = /^#[ \t]*escape[ \t]*=[ \t]*`/im.test(text.slice(0, 200)) ? '`' : '\\';
  const stages: Stage[] = [];
  const lines = physicalLines(text);
  for (let i = 0; i < lines.length; i++) {
    // One instruction: its lines joined, with the offset in the file of each character kept.
    let chars = '';
    const at: number[] = [];
    let heredoc: { tag: string; dash: boolean } | undefined;
    for (; i < lines.length; i++) {
      const { s, e } = lines[i]!;
      const line = text.slice(s, e);
      if (chars === '' && /^[ \t]*(?:#|$)/.test(line)) break; // a comment or blank line between instructions
      if (chars !== '' && /^[ \t]*#/.test(line)) continue; // a comment inside an instruction is dropped
      const continued = line.trimEnd().endsWith(escape);
      const keep = continued ? line.trimEnd().slice(0, -1) : line;
      for (let k = 0; k < keep.length; k++) {
        chars += keep[k];
        at.push(s + k);
      }
      if (!continued) {
        const h = /<<(-?)["']?([A-Za-z_][\w]*)["']?/.exec(keep);
        if (h && /^[ \t]*(?:RUN|COPY|ADD)\b/i.test(chars)) heredoc = { tag: h[2]!, dash: h[1] === '-' };
        break;
      }
      chars += ' ';
      at.push(e);
    }
    if (heredoc) {
      // The heredoc's body is data for the instruction, up to its closing tag.
      while (i + 1 < lines.length) {
        i++;
        const body = text.slice(lines[i]!.s, lines[i]!.e);
        if ((heredoc.dash ? body.trim() : body.replace(/\r$/, '')) === heredoc.tag) break;
      }
    }
    const from = /^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(\S+)(?:[ \t]+AS[ \t]+(\S+))?/i.exec(chars);
    if (from) {
      stages.push({ base: from[1]!.toLowerCase(), ...(from[2] ? { name: from[2].toLowerCase() } : {}), env: [] });
      continue;
    }
    const env = /^[ \t]*ENV[ \t]+/i.exec(chars);
    if (!env) continue;
    if (!stages.length) stages.push({ base: '', env: [] });
    stages.at(-1)!.env.push(...envInstruction(text, chars, at, env[0].length, escape));
  }
  // The final stage, then each stage it is built from.
  const out: EnvAssignment[] = [];
  const seen = new Set<Stage>();
  for (let stage = stages.at(-1); stage && !seen.has(stage); stage = stages.find((x) => x.name === stage.base)) {
    seen.add(stage);
    out.unshift(...stage.env);
  }
  return out;
}

function physicalLines(text: string): { s: number; e: number }[] {
  const out: { s: number; e: number }[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    out.push({ s, e: text[e - 1] === '\r' ? e - 1 : e });
    s = e + 1;
  }
  return out;
}

/** The variables of one `ENV` instruction: `chars` from index `from`, `at` each character's offset in the file. */
function envInstruction(text: string, chars: string, at: number[], from: number, escape: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const first = NAME.exec(chars.slice(from));
  if (!first) return out;
  if (chars[from + first[0].length] !== '=') {
    // Legacy form: `ENV NAME value with spaces`, quotes around the whole value removed.
    let v = from + first[0].length;
    while (chars[v] === ' ' || chars[v] === '\t') v++;
    let end = chars.length;
    while (end > v && /\s/.test(chars[end - 1]!)) end--;
    if ((chars[v] === '"' || chars[v] === "'") && chars[end - 1] === chars[v] && end - v >= 2) [v, end] = [v + 1, end - 1];
    if (end > v) out.push(assignment(text, first[0], chars.slice(v, end), at[v]!, at[end - 1]! + 1));
    return out;
  }
  let i = from;
  while (i < chars.length) {
    while (i < chars.length && /\s/.test(chars[i]!)) i++;
    const m = NAME.exec(chars.slice(i));
    if (!m || chars[i + m[0].length] !== '=') break;
    const name = m[0];
    i += m[0].length + 1;
    // The value, up to unquoted white space; quotes removed, escapes read.
    let value = '';
    let quote: string | undefined;
    const start = i;
    for (; i < chars.length; i++) {
      const c = chars[i]!;
      if (!quote && /\s/.test(c)) break;
      if (c === escape && i + 1 < chars.length && quote !== "'") {
        value += chars[++i];
        continue;
      }
      if (!quote && (c === '"' || c === "'")) quote = c;
      else if (quote === c) quote = undefined;
      else value += c;
    }
    if (i === start) continue;
    // A value quoted whole is located by its content, as in a .env file.
    const whole = (chars[start] === '"' || chars[start] === "'") && chars[i - 1] === chars[start] && i - start >= 2 && value === chars.slice(start + 1, i - 1);
    out.push(whole ? assignment(text, name, value, at[start + 1] ?? at[start]!, at[i - 2]! + 1) : assignment(text, name, value, at[start]!, at[i - 1]! + 1));
  }
  return out;
}

function assignment(text: string, name: string, raw: string, s: number, e: number): EnvAssignment {
  // `$X` is written `${X}`, as in a .env file: another variable's value, filled in at build time.
  const value = raw.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '${$1}');
  return { name, value, s, e, verbatim: text.slice(s, e) === value };
}
