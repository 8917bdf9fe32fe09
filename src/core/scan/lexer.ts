// Hand-written lexers for the languages the engine scans. They are exact about what
// matters here: where comments and strings begin and end, what a string's value is,
// and which parts of an interpolated string are code. Measured against tree-sitter's
// WASM grammars they are an order of magnitude faster (see docs/architecture.md).

import type { LexLanguage, TemplatePart, Token } from './tokens';

const C_SLASH = 47;
const C_STAR = 42;
const C_NL = 10;
const C_CR = 13;
const C_BACKSLASH = 92;
const C_DQ = 34;
const C_SQ = 39;
const C_BT = 96;
const C_HASH = 35;
const C_LBRACE = 123;
const C_RBRACE = 125;
const C_DOLLAR = 36;
const C_AT = 64;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdStart(c: number, lang: LexLanguage): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127 || (c === C_DOLLAR && lang === 'js');
}
function isIdPart(c: number, lang: LexLanguage): boolean {
  return isIdStart(c, lang) || isDigit(c) || (c === 45 && lang === 'hcl');
}

// Longest first within each leading character.
const MULTI_OPS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '??=', '||=', '&&=',
  '::', '=>', '==', '!=', ':=', '??', '||', '&&', '?.', '->', '<=', '>=', '+=', '-=', '*=', '/=', '%=',
  '|=', '&=', '^=', '<<', '>>', '++', '--', '**', '..',
];
const OPS_BY_CHAR = new Map<number, string[]>();
for (const op of MULTI_OPS) {
  const c = op.charCodeAt(0);
  const list = OPS_BY_CHAR.get(c) ?? [];
  list.push(op);
  OPS_BY_CHAR.set(c, list);
}

const GO_GROUPS = new Set(['const', 'var', 'import', 'type']);
const PY_PREFIX = /^(?:[rRbBuUfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;
const REGEX_PRECEDERS = new Set([
  'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await',
]);

interface LexResult {
  tokens: Token[];
  end: number;
  /** Where comments are (start and end offsets), in order: only there can a waiver be written. */
  comments: { s: number; e: number }[];
}

/** Lex `text` from `start`. With `stopAtBrace`, stop at the first unmatched `}` (an interpolation hole's end). */
export function lex(text: string, lang: LexLanguage, start = 0, end = text.length, stopAtBrace = false): LexResult {
  return new Lexer(text, lang, start, end, stopAtBrace).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private readonly comments: { s: number; e: number }[] = [];
  private pos: number;
  /** Depth of ( and [ (and { in Python): newlines inside them are not statement ends. */
  private depth = 0;
  private readonly parens: boolean[] = [];
  private braceDepth = 0;

  constructor(
    private readonly text: string,
    private readonly lang: LexLanguage,
    start: number,
    private readonly end: number,
    private readonly stopAtBrace: boolean,
  ) {
    this.pos = start;
  }

  run(): LexResult {
    const { text, lang, end } = this;
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      if (c === C_NL) {
        this.newline(this.pos);
        this.pos++;
        continue;
      }
      if (c === 32 || c === 9 || c === C_CR || c === 12 || c === 11) {
        this.pos++;
        continue;
      }
      if (c === C_BACKSLASH && lang === 'python') {
        // Explicit line joining.
        const n = text.charCodeAt(this.pos + 1);
        this.pos += n === C_CR && text.charCodeAt(this.pos + 2) === C_NL ? 3 : 2;
        continue;
      }
      if (this.comment(c)) continue;
      if (isIdStart(c, lang)) {
        if (this.prefixedString(c)) continue;
        const s = this.pos;
        let p = this.pos + 1;
        while (p < end && isIdPart(text.charCodeAt(p), lang)) p++;
        this.pos = p;
        this.push({ t: 'id', s, e: p, v: text.slice(s, p) });
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.pos + 1)))) {
        const s = this.pos;
        let p = this.pos + 1;
        while (p < end) {
          const d = text.charCodeAt(p);
          if (isDigit(d) || (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 95) p++;
          else if (d === 46 && isDigit(text.charCodeAt(p + 1))) p++;
          else break;
        }
        this.pos = p;
        this.push({ t: 'num', s, e: p, v: text.slice(s, p) });
        continue;
      }
      if (this.stringStart(c)) continue;
      if (c === C_LBRACE) this.braceDepth++;
      if (c === C_RBRACE) {
        if (this.braceDepth === 0 && this.stopAtBrace) return { tokens: this.tokens, end: this.pos, comments: this.comments };
        if (this.braceDepth > 0) this.braceDepth--;
      }
      this.punct(c);
    }
    return { tokens: this.tokens, end: this.pos, comments: this.comments };
  }

  private push(tok: Token): void {
    this.tokens.push(tok);
  }

  private newline(at: number): void {
    if (this.depth > 0) return;
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.t !== 'nl') this.tokens.push({ t: 'nl', s: at, e: at + 1, v: '\n' });
  }

  private punct(c: number): void {
    const { text } = this;
    const s = this.pos;
    let op = String.fromCharCode(c);
    const candidates = OPS_BY_CHAR.get(c);
    if (candidates) {
      for (const cand of candidates) {
        if (text.startsWith(cand, s)) {
          op = cand;
          break;
        }
      }
    }
    this.pos = s + op.length;
    if (op === '(' || op === '[' || (op === '{' && this.lang === 'python')) {
      // Go's `const (` / `var (` groups hold statements, so newlines in them still count.
      const prev = this.tokens[this.tokens.length - 1];
      const group = this.lang === 'go' && op === '(' && prev?.t === 'id' && GO_GROUPS.has(prev.v);
      this.parens.push(!group);
      if (!group) this.depth++;
    } else if (op === ')' || op === ']' || (op === '}' && this.lang === 'python')) {
      if (this.parens.pop() !== false) this.depth = Math.max(0, this.depth - 1);
    }
    this.push({ t: 'p', s, e: this.pos, v: op });
  }

  /** Skips a comment at the current position; true when one was skipped. */
  private comment(c: number): boolean {
    const { text, end, lang } = this;
    const n = text.charCodeAt(this.pos + 1);
    const lineComment = (lang === 'python' || lang === 'hcl') && c === C_HASH ? true : c === C_SLASH && n === C_SLASH && lang !== 'python';
    if (lineComment) {
      let p = this.pos;
      while (p < end && text.charCodeAt(p) !== C_NL) p++;
      this.comments.push({ s: this.pos, e: p });
      this.pos = p;
      return true;
    }
    if (c === C_SLASH && n === C_STAR && lang !== 'python') {
      let p = this.pos + 2;
      let nesting = 1;
      let sawNewline = false;
      while (p < end && nesting > 0) {
        const d = text.charCodeAt(p);
        if (d === C_STAR && text.charCodeAt(p + 1) === C_SLASH) {
          nesting--;
          p += 2;
        } else if (lang === 'rust' && d === C_SLASH && text.charCodeAt(p + 1) === C_STAR) {
          nesting++;
          p += 2;
        } else {
          if (d === C_NL) sawNewline = true;
          p++;
        }
      }
      if (sawNewline) this.newline(this.pos);
      this.comments.push({ s: this.pos, e: p });
      this.pos = p;
      return true;
    }
    return false;
  }

  /** Strings introduced by an identifier-like prefix: Python r"", f"", Rust r#""#, b"", C#-free. */
  private prefixedString(c: number): boolean {
    const { text, lang } = this;
    if (lang === 'python') {
      let p = this.pos;
      while (p < this.pos + 2 && isIdStart(text.charCodeAt(p), lang)) p++;
      const q = text.charCodeAt(p);
      if ((q === C_DQ || q === C_SQ) && PY_PREFIX.test(text.slice(this.pos, p))) {
        const prefix = text.slice(this.pos, p).toLowerCase();
        this.pythonString(this.pos, p, prefix.includes('r'), prefix.includes('f') || prefix.includes('t'));
        return true;
      }
      return false;
    }
    if (lang === 'rust') {
      // r"..", r#".."#, b"..", br"..", b'x'
      let p = this.pos;
      if (c === 98 /* b */) p++;
      const isRaw = text.charCodeAt(p) === 114; /* r */
      if (isRaw) p++;
      if (p === this.pos) return false;
      let hashes = 0;
      if (isRaw) while (text.charCodeAt(p + hashes) === C_HASH) hashes++;
      const q = text.charCodeAt(p + hashes);
      if (q === C_DQ && (isRaw || c === 98)) {
        if (isRaw) this.rawString(this.pos, p + hashes + 1, '"' + '#'.repeat(hashes));
        else this.quotedString(this.pos, p + 1, C_DQ, true);
        return true;
      }
      if (q === C_SQ && c === 98 && !isRaw) {
        this.quotedString(this.pos, p + 1, C_SQ, false);
        return true;
      }
    }
    return false;
  }

  private stringStart(c: number): boolean {
    const { text, lang } = this;
    const s = this.pos;
    switch (lang) {
      case 'python':
        if (c === C_DQ || c === C_SQ) {
          this.pythonString(s, s, false, false);
          return true;
        }
        return false;
      case 'js':
        if (c === C_DQ || c === C_SQ) {
          this.quotedString(s, s + 1, c, false);
          return true;
        }
        if (c === C_BT) {
          this.interpolated(s, s + 1, '`', '${', true);
          return true;
        }
        if (c === C_SLASH && this.regexAllowed()) {
          this.regexLiteral(s);
          return true;
        }
        return false;
      case 'go':
        if (c === C_DQ || c === C_SQ) {
          this.quotedString(s, s + 1, c, false);
          return true;
        }
        if (c === C_BT) {
          this.rawString(s, s + 1, '`');
          return true;
        }
        return false;
      case 'java':
        if (c === C_DQ && text.startsWith('"""', s)) {
          this.rawString(s, s + 3, '"""', true);
          return true;
        }
        if (c === C_DQ || c === C_SQ) {
          this.quotedString(s, s + 1, c, false);
          return true;
        }
        return false;
      case 'csharp':
        return (c === C_DQ || c === C_SQ || c === C_DOLLAR || c === C_AT) && this.csharpString(c, s);
      case 'rust':
        if (c === C_DQ) {
          this.quotedString(s, s + 1, C_DQ, true);
          return true;
        }
        if (c === C_SQ) {
          // A char literal ('a', '\n') or a lifetime ('a): only the former is a string.
          const n = text.charCodeAt(s + 1);
          if (n === C_BACKSLASH || text.charCodeAt(s + 2) === C_SQ) {
            this.quotedString(s, s + 1, C_SQ, false);
            return true;
          }
          return false;
        }
        return false;
      case 'hcl':
        if (c === C_DQ) {
          this.interpolated(s, s + 1, '"', '${', true, true);
          return true;
        }
        if (c === 60 /* < */ && text.startsWith('<<', s)) return this.heredoc(s);
        return false;
    }
  }

  private csharpString(c: number, s: number): boolean {
    const { text } = this;
    // Prefixes: $, @, $@, @$, and raw """ with any number of $.
    let p = s;
    let dollars = 0;
    let verbatim = false;
    while (text.charCodeAt(p) === C_DOLLAR) {
      dollars++;
      p++;
    }
    if (text.charCodeAt(p) === C_AT) {
      verbatim = true;
      p++;
      while (text.charCodeAt(p) === C_DOLLAR) {
        dollars++;
        p++;
      }
    }
    if (text.charCodeAt(p) !== C_DQ) {
      if (c === C_SQ) {
        this.quotedString(s, s + 1, C_SQ, false);
        return true;
      }
      return false;
    }
    if (text.startsWith('"""', p)) {
      let q = p;
      while (text.charCodeAt(q) === C_DQ) q++;
      const quotes = text.slice(p, q);
      if (dollars > 0) this.interpolated(s, q, quotes, '{'.repeat(dollars), true, false, true);
      else this.rawString(s, q, quotes, true);
      return true;
    }
    if (dollars > 0) {
      this.interpolated(s, p + 1, '"', '{', !verbatim, false, false, verbatim);
      return true;
    }
    if (verbatim) {
      this.verbatimString(s, p + 1);
      return true;
    }
    this.quotedString(s, s + 1, C_DQ, false);
    return true;
  }

  private regexAllowed(): boolean {
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i]!;
      if (t.t === 'nl') continue;
      if (t.t === 'num' || t.t === 'str' || t.t === 'tmpl') return false;
      if (t.t === 'id') return REGEX_PRECEDERS.has(t.v);
      return !(t.v === ')' || t.v === ']' || t.v === '}' || t.v === '++' || t.v === '--');
    }
    return true;
  }

  private regexLiteral(s: number): void {
    const { text, end } = this;
    let p = s + 1;
    let inClass = false;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d === C_NL) break;
      if (d === C_BACKSLASH) {
        p += 2;
        continue;
      }
      if (d === 91) inClass = true;
      else if (d === 93) inClass = false;
      else if (d === C_SLASH && !inClass) {
        p++;
        break;
      }
      p++;
    }
    while (p < end && isIdPart(text.charCodeAt(p), 'js')) p++;
    this.pos = p;
    // A regex is neither a string nor code we analyse; keep a placeholder token so that
    // the parser sees a value.
    this.push({ t: 'num', s, e: p, v: '/regex/' });
  }

  /** A quoted string with backslash escapes. Strings may not span lines unless `multiline`. */
  private quotedString(s: number, contentStart: number, quote: number, multiline: boolean): void {
    const { text, end } = this;
    let p = contentStart;
    let value = '';
    let chunk = p;
    let bad = true;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d === quote) {
        value += text.slice(chunk, p);
        bad = false;
        break;
      }
      if (d === C_NL && !multiline) break;
      if (d === C_BACKSLASH) {
        value += text.slice(chunk, p);
        const [decoded, len] = decodeEscape(text, p);
        value += decoded;
        p += len;
        chunk = p;
        continue;
      }
      p++;
    }
    if (bad) value += text.slice(chunk, p);
    const e = bad ? p : p + 1;
    this.pos = e;
    this.push({ t: 'str', s, e, v: value, cs: contentStart, ce: p, bad });
  }

  /** A string without escapes that ends at `terminator`. */
  private rawString(s: number, contentStart: number, terminator: string, trimIndent = false): void {
    const { text, end } = this;
    let p = text.indexOf(terminator, contentStart);
    const bad = p < 0 || p >= end;
    if (bad) p = end;
    let value = text.slice(contentStart, p);
    if (trimIndent) value = value.replace(/^[ \t]*\r?\n/, '');
    const e = bad ? end : p + terminator.length;
    this.pos = e;
    this.push({ t: 'str', s, e, v: value, cs: contentStart, ce: p, bad });
  }

  private verbatimString(s: number, contentStart: number): void {
    const { text, end } = this;
    let p = contentStart;
    let value = '';
    let bad = true;
    while (p < end) {
      if (text.charCodeAt(p) === C_DQ) {
        if (text.charCodeAt(p + 1) === C_DQ) {
          value += '"';
          p += 2;
          continue;
        }
        bad = false;
        break;
      }
      value += text[p];
      p++;
    }
    const e = bad ? p : p + 1;
    this.pos = e;
    this.push({ t: 'str', s, e, v: value, cs: contentStart, ce: p, bad });
  }

  /**
   * An interpolated string: JS template, C# $"", HCL "${}". Holes are lexed as code
   * in the same language. `open` starts a hole; `}` ends it.
   */
  private interpolated(
    s: number,
    contentStart: number,
    terminator: string,
    open: string,
    escapes: boolean,
    hcl = false,
    raw = false,
    verbatim = false,
  ): void {
    const { text, end } = this;
    const parts: TemplatePart[] = [];
    let p = contentStart;
    let lit = '';
    let litStart = p;
    let bad = true;
    const multiline = terminator !== '"' || verbatim || hcl;
    const closeLit = (at: number): void => {
      if (lit.length > 0 || parts.length === 0) parts.push({ lit, s: litStart, e: at });
      lit = '';
    };
    while (p < end) {
      const d = text.charCodeAt(p);
      if (text.startsWith(terminator, p)) {
        if (verbatim && text.charCodeAt(p + 1) === C_DQ) {
          lit += '"';
          p += 2;
          continue;
        }
        bad = false;
        break;
      }
      if (d === C_NL && !multiline) break;
      if (escapes && !raw && d === C_BACKSLASH) {
        const [decoded, len] = decodeEscape(text, p);
        lit += decoded;
        p += len;
        continue;
      }
      if (hcl && (text.startsWith('$${', p) || text.startsWith('%%{', p))) {
        lit += text.slice(p + 1, p + 3);
        p += 3;
        continue;
      }
      if (!hcl && !raw && open === '{' && text.startsWith('{{', p)) {
        lit += '{';
        p += 2;
        continue;
      }
      if (!hcl && !raw && open === '{' && text.startsWith('}}', p)) {
        lit += '}';
        p += 2;
        continue;
      }
      const holeOpen = text.startsWith(open, p) ? open : hcl && text.startsWith('%{', p) ? '%{' : null;
      if (holeOpen) {
        closeLit(p);
        const exprStart = p + holeOpen.length;
        const inner = lex(text, this.lang, exprStart, end, true);
        const exprEnd = inner.end;
        // C# format specifiers and alignment ({x,10:N2}) are not code.
        let tokens = inner.tokens;
        if (this.lang === 'csharp') tokens = cutAtTopLevel(tokens, [':', ',']);
        if (hcl && holeOpen === '%{') tokens = [];
        parts.push({ expr: tokens, s: p, e: Math.min(exprEnd + 1, end) });
        p = exprEnd + 1;
        litStart = p;
        continue;
      }
      lit += text[p];
      p++;
    }
    closeLit(p);
    const e = bad ? p : p + terminator.length;
    this.pos = e;
    if (parts.length === 1 && 'lit' in parts[0]!) {
      this.push({ t: 'str', s, e, v: parts[0].lit, cs: contentStart, ce: p, bad });
    } else {
      this.push({ t: 'tmpl', s, e, v: '', parts, cs: contentStart, ce: p, bad });
    }
  }

  private heredoc(s: number): boolean {
    const { text, end } = this;
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(s, Math.min(end, s + 200)));
    if (!m) return false;
    const marker = m[1]!;
    const contentStart = s + m[0].length;
    const re = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, 'm');
    const rest = text.slice(contentStart, end);
    const found = re.exec(rest);
    const contentEnd = found ? contentStart + found.index : end;
    const e = found ? contentEnd + found[0].length : end;
    // Heredocs are literal text with ${} holes; lex them like an HCL string.
    const sub = new Lexer(text, 'hcl', contentStart, contentEnd, false);
    sub.interpolated(s, contentStart, '\u0000', '${', false, true);
    const tok = sub.tokens[0];
    if (tok) this.push({ ...tok, s, e, bad: !found });
    this.pos = e;
    return true;
  }

  private pythonString(s: number, quoteAt: number, raw: boolean, fstring: boolean): void {
    const { text, end } = this;
    const q = text.charCodeAt(quoteAt);
    const triple = text.charCodeAt(quoteAt + 1) === q && text.charCodeAt(quoteAt + 2) === q;
    const qlen = triple ? 3 : 1;
    const contentStart = quoteAt + qlen;
    const parts: TemplatePart[] = [];
    let lit = '';
    let litStart = contentStart;
    let p = contentStart;
    let bad = true;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d === q && (!triple || (text.charCodeAt(p + 1) === q && text.charCodeAt(p + 2) === q))) {
        bad = false;
        break;
      }
      if (d === C_NL && !triple) break;
      if (d === C_BACKSLASH) {
        if (raw) {
          lit += text.slice(p, p + 2);
          p += 2;
        } else {
          const [decoded, len] = decodeEscape(text, p);
          lit += decoded;
          p += len;
        }
        continue;
      }
      if (fstring && d === C_LBRACE) {
        if (text.charCodeAt(p + 1) === C_LBRACE) {
          lit += '{';
          p += 2;
          continue;
        }
        if (lit.length > 0 || parts.length === 0) parts.push({ lit, s: litStart, e: p });
        lit = '';
        const inner = lex(text, 'python', p + 1, end, true);
        const tokens = cutAtTopLevel(inner.tokens, ['!', ':', '=']);
        parts.push({ expr: tokens, s: p, e: Math.min(inner.end + 1, end) });
        p = inner.end + 1;
        litStart = p;
        continue;
      }
      if (fstring && d === C_RBRACE && text.charCodeAt(p + 1) === C_RBRACE) {
        lit += '}';
        p += 2;
        continue;
      }
      lit += text[p];
      p++;
    }
    const e = bad ? p : p + qlen;
    this.pos = e;
    if (parts.length === 0) {
      this.push({ t: 'str', s, e, v: lit, cs: contentStart, ce: p, bad });
      return;
    }
    if (lit.length > 0) parts.push({ lit, s: litStart, e: p });
    this.push({ t: 'tmpl', s, e, v: '', parts, cs: contentStart, ce: p, bad });
  }
}

/** Keeps tokens up to the first top-level occurrence of one of `stops` (format specs in holes). */
function cutAtTopLevel(tokens: Token[], stops: string[]): Token[] {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'p') continue;
    if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
    else if (t.v === ')' || t.v === ']' || t.v === '}') depth--;
    else if (depth === 0 && stops.includes(t.v) && i > 0) return tokens.slice(0, i);
  }
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$',
};

/** Decodes the escape at `p` (a backslash). Returns the text and the length consumed. */
function decodeEscape(text: string, p: number): [string, number] {
  const n = text[p + 1];
  if (n === undefined) return ['\\', 1];
  if (n === '\n') return ['', 2];
  if (n === '\r') return ['', text[p + 2] === '\n' ? 3 : 2];
  const simple = SIMPLE_ESCAPES[n];
  if (simple !== undefined) return [simple, 2];
  if (n === 'x') {
    const hex = text.slice(p + 2, p + 4);
    if (/^[0-9a-fA-F]{2}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 4];
  }
  if (n === 'u') {
    if (text[p + 2] === '{') {
      const close = text.indexOf('}', p + 3);
      const hex = text.slice(p + 3, close);
      if (close > 0 && /^[0-9a-fA-F]{1,6}$/.test(hex)) return [String.fromCodePoint(parseInt(hex, 16)), close - p + 1];
    }
    const hex = text.slice(p + 2, p + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
  }
  return [n, 2];
}
