// Backslash escapes in quoted strings, as each language reads them. A URL's host can hang
// on one (`"https://eu.api.openai.com\100api.openai.com"` is `...com@api.openai.com` in
// Python), so an escape is either decoded exactly as the language does, or the value is
// unknown there (HOLE): never a guess that happens to look harmless.

import { HOLE, type LexLanguage } from './tokens';

interface Grammar {
  /** Single-character escapes. */
  simple: Record<string, string>;
  /** Octal escapes: the most digits, and whether exactly that many are required (Go). */
  octal?: { max: number; exact: boolean };
  /** `\xHH`: the fewest and most hex digits (C# takes 1 to 4). */
  hex?: { min: number; max: number };
  /** `\uXXXX` (Java also `\uuXXXX`), `\u{...}` (JavaScript, Rust), `\UXXXXXXXX`. */
  u4: boolean;
  uBraces: boolean;
  u8: boolean;
  /** What a backslash before any other character means: dropped (JavaScript), kept (Python), or a compile error. */
  other: 'drop' | 'keep' | 'error';
}

const BASE: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

const GRAMMARS: Record<LexLanguage, Grammar> = {
  // Bicep is lexed as JavaScript; its escapes (\n \r \t \\ \' \$ \u{...}) are a subset.
  js: { simple: { ...BASE, b: '\b', f: '\f', v: '\v', '`': '`', $: '$' }, octal: { max: 3, exact: false }, hex: { min: 2, max: 2 }, u4: true, uBraces: true, u8: false, other: 'drop' },
  python: { simple: { ...BASE, a: '\x07', b: '\b', f: '\f', v: '\v' }, octal: { max: 3, exact: false }, hex: { min: 2, max: 2 }, u4: true, uBraces: false, u8: true, other: 'keep' },
  go: { simple: { ...BASE, a: '\x07', b: '\b', f: '\f', v: '\v' }, octal: { max: 3, exact: true }, hex: { min: 2, max: 2 }, u4: true, uBraces: false, u8: true, other: 'error' },
  java: { simple: { ...BASE, b: '\b', f: '\f', s: ' ' }, octal: { max: 3, exact: false }, u4: true, uBraces: false, u8: false, other: 'error' },
  csharp: { simple: { ...BASE, '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v' }, hex: { min: 1, max: 4 }, u4: true, uBraces: false, u8: true, other: 'error' },
  rust: { simple: { ...BASE, '0': '\0' }, hex: { min: 2, max: 2 }, u4: false, uBraces: true, u8: false, other: 'error' },
  hcl: { simple: BASE, u4: true, uBraces: false, u8: true, other: 'error' },
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * Decodes the escape at `p` (a backslash) as `lang` reads it: the text, and the length
 * consumed. HOLE stands for what cannot be known: an escape the language refuses (the code
 * does not compile), a malformed one, or a Python `\N{name}`.
 */
export function decodeEscape(text: string, p: number, lang: LexLanguage): [string, number] {
  const g = GRAMMARS[lang];
  const n = text[p + 1];
  if (n === undefined) return ['\\', 1];
  // A line continuation (JavaScript, Python; elsewhere the string has ended at the line break).
  if (n === '\n') return ['', 2];
  if (n === '\r') return ['', text[p + 2] === '\n' ? 3 : 2];
  if (g.octal && n >= '0' && n <= '7') {
    let len = 1;
    while (len < g.octal.max && text[p + 1 + len]! >= '0' && text[p + 1 + len]! <= '7') len++;
    if (g.octal.exact && len < g.octal.max) return [HOLE, 1 + len];
    // Java and JavaScript read three digits only up to \377.
    if (len === 3 && n > '3' && lang !== 'python' && lang !== 'go') len = 2;
    return [String.fromCharCode(parseInt(text.slice(p + 1, p + 1 + len), 8) & 0xffff), 1 + len];
  }
  const simple = g.simple[n];
  if (simple !== undefined) return [simple, 2];
  if (n === 'x' && g.hex) {
    const [c, len] = codePoint(text, p + 2, g.hex.min, g.hex.max, 2);
    return lang === 'rust' && c > '\x7f' ? [HOLE, len] : [c, len]; // Rust: \x up to 7F only
  }
  if (n === 'u' && g.uBraces && text[p + 2] === '{') {
    // At most eight characters inside (Rust allows `_` between digits): looking further would make many `\u{` quadratic.
    const within = text.slice(p + 3, p + 12).indexOf('}');
    const close = within < 0 ? -1 : p + 3 + within;
    const written = close >= 0 ? text.slice(p + 3, close) : '';
    const inner = lang === 'rust' ? written.replaceAll('_', '') : written;
    const cp = HEX.test(inner) && inner.length <= 6 ? parseInt(inner, 16) : NaN;
    return cp <= 0x10ffff ? [String.fromCodePoint(cp), close - p + 1] : [HOLE, 2];
  }
  if (n === 'u' && g.u4) {
    // Java reads any number of u's (`\uu0040`).
    let us = 1;
    if (lang === 'java') while (text[p + 1 + us] === 'u') us++;
    return codePoint(text, p + 1 + us, 4, 4, 1 + us);
  }
  if (n === 'U' && g.u8) return codePoint(text, p + 2, 8, 8, 2);
  if (n === 'N' && lang === 'python' && text[p + 2] === '{') return [HOLE, 2];
  if (g.other === 'drop') return [n, 2];
  if (g.other === 'keep') return [`\\${n}`, 2];
  return [HOLE, 2];
}

/** The character of `min` to `max` hex digits at `at`, `prefix` characters after the backslash (itself included), or HOLE when malformed. */
function codePoint(text: string, at: number, min: number, max: number, prefix: number): [string, number] {
  let len = 0;
  while (len < max && HEX.test(text[at + len] ?? '')) len++;
  if (len < min) return [HOLE, prefix + len];
  const cp = parseInt(text.slice(at, at + len), 16);
  return cp <= 0x10ffff ? [String.fromCodePoint(cp), prefix + len] : [HOLE, prefix + len];
}
