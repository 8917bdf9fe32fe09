// Hand-written lexers for the languages the engine scans. They are exact about what
// matters here: where comments and strings begin and end, what a string's value is,
// and which parts of an interpolated string are code. Measured against tree-sitter's
// WASM grammars they are an order of magnitude faster (see docs/architecture.md).

import { LineIndex } from '../text';
import { decodeEscape } from './escapes';
import type { BracketProblem, LexLanguage, TemplatePart, Token } from './tokens';

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

export interface LexResult {
  tokens: Token[];
  /** Brackets without a partner: the first in text order, and how many (the tokens are balanced all the same). */
  brackets?: { first: BracketProblem; count: number };
  /**
   * The first string never closed. `toEnd`: it ran over line breaks to the end of the file,
   * so the code after it was read as text; otherwise it stopped at the end of its line.
   * (In JS/TS only the former counts: JSX text with an apostrophe is valid code.)
   */
  unterminated?: { offset: number; toEnd: boolean };
  /** Where comments are (start and end offsets), in order: only there can a waiver be written. */
  comments: { s: number; e: number }[];
}

/**
 * Lexes a file. The tokens always have balanced brackets: a closer that nothing opened is
 * dropped, and an opener that is never closed gets a `missing` closer where the code
 * shows it ends (see BracketRecovery). Everything else is as written.
 */
export function lex(text: string, lang: LexLanguage, passes?: 1 | 2): LexResult {
  // `passes` is for tests: the first pass alone, or the second even where it would be the first again.
  const first = new Lexer(text, lang, new BracketRecovery(text, lang, null));
  const tokens = first.run();
  const { suspects } = first.recovery;
  const unterminated = first.unterminated === undefined ? {} : { unterminated: first.unterminated };
  if (!suspects || passes === 1 || (passes !== 2 && !first.recovery.wouldCloseEarly())) return { tokens, brackets: first.recovery.summary(), comments: first.comments, ...unterminated };
  // Openers without a closer of their own are closed where their lines end, which a
  // second pass can do now that it knows which openers they are.
  const second = new Lexer(text, lang, new BracketRecovery(text, lang, suspects));
  return { tokens: second.run(), brackets: second.recovery.summary(), comments: second.comments, ...unterminated };
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const kindOf = (opener: string): number => (opener === '(' ? 0 : opener === '[' ? 1 : 2);

/**
 * Code being lexed: the file, or an interpolation hole, which ends at its first `}` that
 * closes nothing inside it. Holes are frames on a stack rather than recursive calls, so
 * however deep strings nest in holes, the JS stack does not grow.
 */
class Frame {
  readonly tokens: Token[] = [];
  /**
   * The open brackets, innermost last, as their indexes in `tokens` (a closer put in before
   * a trailing line break moves only that break) and whether newlines inside each do not end
   * a statement: ( and [ (but Go's `const (` groups), and Python's {. Typed arrays: a file
   * can open a million brackets, and these are two numbers each, not two array slots.
   */
  private openAt = new Int32Array(16);
  private joins = new Uint8Array(16);
  /** How many brackets are open. */
  open = 0;
  /** How many of each opener are open, by kindOf: a closer of a kind with none open is stray. */
  readonly counts = [0, 0, 0];
  /** Open brackets that join lines. */
  depth = 0;
  /** A string waiting for the hole above this frame. */
  pending: StringScan | null = null;

  constructor(
    readonly end: number,
    readonly isHole: boolean,
  ) {}

  /** The innermost open bracket (there must be one). */
  top(): Token {
    return this.tokens[this.openAt[this.open - 1]!]!;
  }

  /** Opens the bracket just pushed to `tokens`. */
  push(joinsLines: boolean): void {
    if (this.open === this.openAt.length) {
      const at = new Int32Array(this.open * 2);
      at.set(this.openAt);
      this.openAt = at;
      const joins = new Uint8Array(this.open * 2);
      joins.set(this.joins);
      this.joins = joins;
    }
    this.openAt[this.open] = this.tokens.length - 1;
    this.joins[this.open++] = joinsLines ? 1 : 0;
    this.counts[kindOf(this.top().v)]!++;
    if (joinsLines) this.depth++;
  }

  /** Closes the innermost open bracket; returns its token. */
  pop(): Token {
    const b = this.top();
    this.counts[kindOf(b.v)]!--;
    if (this.joins[--this.open]) this.depth--;
    return b;
  }
}

/**
 * How brackets without a partner are recovered, as error-tolerant parsers do it: a closer
 * of a kind that is not open is dropped; a closer of a kind open further out closes the
 * brackets inside it first (`keys[)` closes the `[`); what is still open at the end is
 * closed there. When that happened, a second pass closes each opener involved before the
 * first line that is not indented under the line that opened it, if it is still open
 * there: so a missing `)` ends its call where its line ends, and the rest of the file is
 * read as the statements it is.
 */
class BracketRecovery {
  /** The first bracket problem in text order, and how many there are (one file can hold millions: no list of them). */
  private firstOffset = -1;
  private firstBracket = '';
  private firstStray = false;
  private count = 0;
  /** Offsets of openers that had no closer of their own, or took a closer past others that had none. */
  suspects: Uint8Array | null = null;
  private lines?: LineIndex;
  private readonly indents = new Map<number, number>();
  /** First pass: (line break, innermost open bracket) offset pairs, for every line break with a bracket open (see wouldCloseEarly). */
  private readonly openAtBreaks: number[] = [];

  constructor(
    private readonly text: string,
    private readonly lang: LexLanguage,
    /** Second pass: the openers the first found unclosed. */
    readonly closeEarly: Uint8Array | null,
  ) {}

  stray(offset: number, v: string): void {
    this.problem(offset, v, true);
  }

  neverClosed(b: Token): void {
    this.problem(b.s, b.v, false);
    this.suspect(b);
  }

  private problem(offset: number, v: string, stray: boolean): void {
    this.count++;
    if (this.firstOffset < 0 || offset < this.firstOffset) {
      this.firstOffset = offset;
      this.firstBracket = v;
      this.firstStray = stray;
    }
  }

  /** See LexResult.brackets. */
  summary(): LexResult['brackets'] {
    if (this.firstOffset < 0) return undefined;
    const v = this.firstBracket;
    return { first: { offset: this.firstOffset, message: this.firstStray ? `unexpected "${v}"` : `"${v}" is never closed` }, count: this.count };
  }

  /** An opener closed by a closer that first had to close others: the closer may not be its own. */
  suspect(b: Token): void {
    // Only the first pass looks for them (a byte per offset: a file can hold a million).
    if (!this.closeEarly) (this.suspects ??= new Uint8Array(this.text.length))[b.s] = 1;
  }

  /** A line break at `nl` with `b` the innermost open bracket. */
  lineBreak(b: Token, nl: number): void {
    if (!this.closeEarly) this.openAtBreaks.push(nl, b.s);
  }

  /**
   * Whether a second pass, closing the suspects early, would lex otherwise than the first.
   * The two run alike up to the first line break where the innermost open bracket is a
   * suspect that ends there, so only the line breaks with one open need a look: without
   * one, the second pass would be the first again (twice the tokens, for nothing).
   */
  wouldCloseEarly(): boolean {
    const { suspects, openAtBreaks } = this;
    if (!suspects) return false;
    for (let i = 0; i < openAtBreaks.length; i += 2) {
      if (suspects[openAtBreaks[i + 1]!] && this.lineEnds(openAtBreaks[i + 1]!, openAtBreaks[i]!)) return true;
    }
    return false;
  }

  /** Whether the opener should be closed at the line break at `nl`: the next code line is not indented under its line. */
  endsBefore(b: Token, nl: number): boolean {
    return !!this.closeEarly?.[b.s] && this.lineEnds(b.s, nl);
  }

  /** Whether the code line after the line break at `nl` is not indented under the line of the opener at `opener`. */
  private lineEnds(opener: number, nl: number): boolean {
    const { text } = this;
    let p = nl + 1;
    while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
    const c = text.charCodeAt(p);
    // A blank line, a comment or a closer decides nothing.
    if (Number.isNaN(c) || c === C_NL || c === C_CR || OPENER[text[p]!] !== undefined) return false;
    if (c === C_HASH && (this.lang === 'python' || this.lang === 'hcl')) return false;
    if (c === C_SLASH && (text.charCodeAt(p + 1) === C_SLASH || text.charCodeAt(p + 1) === C_STAR) && this.lang !== 'python') return false;
    return p - nl - 1 <= this.indentOf(opener);
  }

  private indentOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    const start = offset - this.lines.position(offset).column + 1;
    let indent = this.indents.get(start);
    if (indent === undefined) {
      indent = 0;
      while (this.text.charCodeAt(start + indent) === 32 || this.text.charCodeAt(start + indent) === 9) indent++;
      this.indents.set(start, indent);
    }
    return indent;
  }
}

class Lexer {
  private pos = 0;
  /** The file's frame, then one per interpolation hole being lexed. */
  private readonly frames: Frame[];
  /** The last of them. */
  private frame: Frame;
  /** See LexResult.unterminated. */
  unterminated?: { offset: number; toEnd: boolean };
  /** See LexResult.comments. */
  readonly comments: { s: number; e: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly lang: LexLanguage,
    readonly recovery: BracketRecovery,
  ) {
    this.frame = new Frame(text.length, false);
    this.frames = [this.frame];
  }

  run(): Token[] {
    const { text, lang } = this;
    for (;;) {
      const frame = this.frame;
      const end = frame.end;
      if (this.pos >= end) {
        if (this.endFrame(frame)) return frame.tokens;
        continue;
      }
      const c = text.charCodeAt(this.pos);
      if (c === C_NL) {
        this.lineBreak(frame, this.pos);
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
      if (c === C_RBRACE && frame.isHole && frame.counts[2] === 0) {
        this.endFrame(frame); // the hole's end
        continue;
      }
      this.punct(c);
    }
  }

  /** Closes what the frame left open; for a hole, hands its tokens to the string waiting for them. True at the file's end. */
  private endFrame(frame: Frame): boolean {
    while (frame.open) this.closeMissing(frame);
    if (!frame.isHole) return true;
    this.frames.pop();
    const outer = (this.frame = this.frames[this.frames.length - 1]!);
    // The string waiting for this hole reads on (to its end, or to its next hole).
    outer.pending!.holeDone(frame.tokens, this.pos);
    this.read(outer, outer.pending!);
    return false;
  }

  private begin(scan: StringScan): void {
    this.read(this.frame, scan);
  }

  private read(frame: Frame, scan: StringScan): void {
    const r = scan.scan();
    if (typeof r === 'number') {
      frame.pending = scan;
      this.frame = new Frame(scan.end, true);
      this.frames.push(this.frame);
      this.pos = r;
      return;
    }
    frame.pending = null;
    this.push(r);
    this.pos = r.e;
  }

  private push(tok: Token): void {
    this.frame.tokens.push(tok);
    if (tok.bad && this.unterminated === undefined) {
      const toEnd = tok.e >= this.text.length && this.text.lastIndexOf('\n', tok.e - 1) > tok.s;
      if (toEnd || this.lang !== 'js') this.unterminated = { offset: tok.s, toEnd };
    }
  }

  private lineBreak(frame: Frame, at: number): void {
    const { recovery } = this;
    if (recovery.closeEarly) {
      while (frame.open && recovery.endsBefore(frame.top(), at)) this.closeMissing(frame);
    } else if (frame.open) recovery.lineBreak(frame.top(), at);
    this.newline(at);
  }

  private newline(at: number): void {
    const frame = this.frame;
    if (frame.depth > 0) return;
    const last = frame.tokens[frame.tokens.length - 1];
    if (last && last.t !== 'nl') frame.tokens.push({ t: 'nl', s: at, e: at + 1, v: '\n' });
  }

  private punct(c: number): void {
    const { text } = this;
    const frame = this.frame;
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
    if (op === '(' || op === '[' || op === '{') {
      // Go's `const (` / `var (` groups hold statements, so newlines in them still count.
      const prev = frame.tokens[frame.tokens.length - 1];
      const group = this.lang === 'go' && op === '(' && prev?.t === 'id' && GO_GROUPS.has(prev.v);
      const joinsLines = op === '{' ? this.lang === 'python' : !group;
      frame.tokens.push({ t: 'p', s, e: this.pos, v: op });
      frame.push(joinsLines);
      return;
    }
    if (op === ')' || op === ']' || op === '}') {
      const opener = OPENER[op]!;
      if (frame.counts[kindOf(opener)] === 0) {
        this.recovery.stray(s, op);
        return;
      }
      if (frame.top().v !== opener) {
        while (frame.top().v !== opener) this.closeMissing(frame);
        this.recovery.suspect(frame.top());
      }
      frame.pop();
    }
    this.push({ t: 'p', s, e: this.pos, v: op });
  }

  /** Closes the innermost open bracket with a closer the text lacks, right after the last token. */
  private closeMissing(frame: Frame): void {
    const b = frame.pop();
    this.recovery.neverClosed(b);
    const { tokens } = frame;
    const lastIsBreak = tokens[tokens.length - 1]!.t === 'nl' && tokens.length > 1;
    const last = tokens[tokens.length - (lastIsBreak ? 2 : 1)]!;
    const v = CLOSER[b.v]!;
    // Closers put in at one place are alike: they share a token (a million unclosed openers, one closer).
    const closer: Token = last.missing && last.v === v ? last : { t: 'p', s: last.e, e: last.e, v, missing: true };
    if (lastIsBreak) tokens.splice(tokens.length - 1, 0, closer);
    else tokens.push(closer);
  }

  /** Skips a comment at the current position; true when one was skipped. */
  private comment(c: number): boolean {
    const { text, lang } = this;
    const end = this.frame.end;
    const n = text.charCodeAt(this.pos + 1);
    const lineComment = (lang === 'python' || lang === 'hcl') && c === C_HASH ? true : (c === C_SLASH && n === C_SLASH && lang !== 'python') || this.csharpDirective(c);
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

  /** A C# preprocessor line (`#region Don't touch`): not code, and its text is no string. */
  private csharpDirective(c: number): boolean {
    if (c !== C_HASH || this.lang !== 'csharp') return false;
    let p = this.pos - 1;
    while (p >= 0 && (this.text.charCodeAt(p) === 32 || this.text.charCodeAt(p) === 9)) p--;
    return p < 0 || this.text.charCodeAt(p) === C_NL;
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
    const { tokens } = this.frame;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i]!;
      if (t.t === 'nl') continue;
      if (t.t === 'num' || t.t === 'str' || t.t === 'tmpl') return false;
      if (t.t === 'id') return REGEX_PRECEDERS.has(t.v);
      // `</` is a JSX closing tag, not a regex (which would swallow the `}` after `</p>}`).
      if (t.v === '<' && t.e === this.pos) return false;
      return !(t.v === ')' || t.v === ']' || t.v === '}' || t.v === '++' || t.v === '--');
    }
    return true;
  }

  private regexLiteral(s: number): void {
    const { text } = this;
    const end = this.frame.end;
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
    const { text } = this;
    const end = this.frame.end;
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
        const [decoded, len] = decodeEscape(text, p, this.lang);
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
    const { text } = this;
    const end = this.frame.end;
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
    const { text } = this;
    const end = this.frame.end;
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

  /** Starts an interpolated string: JS template, C# $"", HCL "${}" (see TemplateScan). */
  private interpolated(s: number, contentStart: number, terminator: string, open: string, escapes: boolean, hcl = false, raw = false, verbatim = false): void {
    const options = { terminator, open, escapes, hcl, raw, verbatim };
    this.begin(new TemplateScan(this.text, this.lang, s, contentStart, this.frame.end, options));
  }

  private heredoc(s: number): boolean {
    const { text } = this;
    const frame = this.frame;
    const end = frame.end;
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
    const options = { terminator: '\u0000', open: '${', escapes: false, hcl: true, raw: false, verbatim: false };
    this.begin(new TemplateScan(text, 'hcl', s, contentStart, contentEnd, options, { s, e, bad: !found }));
    return true;
  }

  private pythonString(s: number, quoteAt: number, raw: boolean, fstring: boolean): void {
    this.begin(new PythonStringScan(this.text, s, quoteAt, this.frame.end, raw, fstring));
  }
}

/** A string whose holes are lexed as code, read in steps: up to each hole, then on from its end. */
interface StringScan {
  /** Where the string (and its holes) must end. */
  readonly end: number;
  /** Reads on: the offset where a hole's code starts, or the string's token once it ends. */
  scan(): number | Token;
  /** The hole's tokens, lexed up to `holeEnd` (its closing `}`, or the end). */
  holeDone(tokens: Token[], holeEnd: number): void;
}

interface TemplateOptions {
  terminator: string;
  /** What starts a hole: `${`, `{`, `{{` (C# raw strings with $$). */
  open: string;
  escapes: boolean;
  hcl: boolean;
  raw: boolean;
  verbatim: boolean;
}

/** An interpolated string: JS template, C# $"", HCL "${}" and heredocs. `open` starts a hole; `}` ends it. */
class TemplateScan implements StringScan {
  private parts: TemplatePart[] | undefined;
  private p: number;
  private lit = '';
  private litStart: number;
  private holeAt = 0;
  private holeOpen = '';
  private readonly multiline: boolean;

  constructor(
    private readonly text: string,
    private readonly lang: LexLanguage,
    private readonly s: number,
    private readonly contentStart: number,
    readonly end: number,
    private readonly o: TemplateOptions,
    /** The token's own span, when it is not the string's (a heredoc's marker lines). */
    private readonly span?: { s: number; e: number; bad: boolean },
  ) {
    this.p = contentStart;
    this.litStart = contentStart;
    this.multiline = o.terminator !== '"' || o.verbatim || o.hcl;
  }

  private closeLit(at: number): void {
    if (this.lit.length > 0 || !this.parts) (this.parts ??= []).push({ lit: this.lit, s: this.litStart, e: at });
    this.lit = '';
  }

  scan(): number | Token {
    const { text, end, o } = this;
    let p = this.p;
    let bad = true;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (text.startsWith(o.terminator, p)) {
        if (o.verbatim && text.charCodeAt(p + 1) === C_DQ) {
          this.lit += '"';
          p += 2;
          continue;
        }
        bad = false;
        break;
      }
      if (d === C_NL && !this.multiline) break;
      if (o.escapes && !o.raw && d === C_BACKSLASH) {
        const [decoded, len] = decodeEscape(text, p, this.lang);
        this.lit += decoded;
        p += len;
        continue;
      }
      if (o.hcl && (text.startsWith('$${', p) || text.startsWith('%%{', p))) {
        this.lit += text.slice(p + 1, p + 3);
        p += 3;
        continue;
      }
      if (!o.hcl && !o.raw && o.open === '{' && text.startsWith('{{', p)) {
        this.lit += '{';
        p += 2;
        continue;
      }
      if (!o.hcl && !o.raw && o.open === '{' && text.startsWith('}}', p)) {
        this.lit += '}';
        p += 2;
        continue;
      }
      const holeOpen = text.startsWith(o.open, p) ? o.open : o.hcl && text.startsWith('%{', p) ? '%{' : null;
      if (holeOpen) {
        this.closeLit(p);
        this.holeAt = p;
        this.holeOpen = holeOpen;
        this.p = p;
        return p + holeOpen.length;
      }
      this.lit += text[p];
      p++;
    }
    this.closeLit(p);
    const e = bad ? p : p + o.terminator.length;
    const { s, contentStart } = this;
    const parts = this.parts!;
    const tok: Token = parts.length === 1 && 'lit' in parts[0]!
      ? { t: 'str', s, e, v: parts[0].lit, cs: contentStart, ce: p, bad }
      : { t: 'tmpl', s, e, v: '', parts, cs: contentStart, ce: p, bad };
    return this.span ? { ...tok, ...this.span } : tok;
  }

  holeDone(tokens: Token[], holeEnd: number): void {
    // C# format specifiers and alignment ({x,10:N2}) are not code.
    if (this.lang === 'csharp') tokens = cutAtTopLevel(tokens, [':', ',']);
    if (this.o.hcl && this.holeOpen === '%{') tokens = [];
    this.parts!.push({ expr: tokens, s: this.holeAt, e: Math.min(holeEnd + 1, this.end) });
    this.p = holeEnd + 1;
    this.litStart = this.p;
  }
}

/** A Python string: plain, raw, bytes, f-strings and t-strings (whose `{...}` are code). */
class PythonStringScan implements StringScan {
  /** Made at the first hole: most strings have none. */
  private parts: TemplatePart[] | undefined;
  private readonly q: number;
  private readonly triple: boolean;
  private readonly contentStart: number;
  private p: number;
  private lit = '';
  private litStart: number;
  private holeAt = 0;

  constructor(
    private readonly text: string,
    private readonly s: number,
    quoteAt: number,
    readonly end: number,
    private readonly raw: boolean,
    private readonly fstring: boolean,
  ) {
    this.q = text.charCodeAt(quoteAt);
    this.triple = text.charCodeAt(quoteAt + 1) === this.q && text.charCodeAt(quoteAt + 2) === this.q;
    this.contentStart = quoteAt + (this.triple ? 3 : 1);
    this.p = this.contentStart;
    this.litStart = this.contentStart;
  }

  scan(): number | Token {
    const { text, end, q, triple } = this;
    let p = this.p;
    let bad = true;
    while (p < end) {
      const d = text.charCodeAt(p);
      if (d === q && (!triple || (text.charCodeAt(p + 1) === q && text.charCodeAt(p + 2) === q))) {
        bad = false;
        break;
      }
      if (d === C_NL && !triple) break;
      if (d === C_BACKSLASH) {
        if (this.raw) {
          this.lit += text.slice(p, p + 2);
          p += 2;
        } else {
          const [decoded, len] = decodeEscape(text, p, 'python');
          this.lit += decoded;
          p += len;
        }
        continue;
      }
      if (this.fstring && d === C_LBRACE) {
        if (text.charCodeAt(p + 1) === C_LBRACE) {
          this.lit += '{';
          p += 2;
          continue;
        }
        if (this.lit.length > 0 || !this.parts) (this.parts ??= []).push({ lit: this.lit, s: this.litStart, e: p });
        this.lit = '';
        this.holeAt = p;
        this.p = p;
        return p + 1;
      }
      if (this.fstring && d === C_RBRACE && text.charCodeAt(p + 1) === C_RBRACE) {
        this.lit += '}';
        p += 2;
        continue;
      }
      this.lit += text[p];
      p++;
    }
    const e = bad ? p : p + (triple ? 3 : 1);
    const { parts, s, contentStart } = this;
    if (!parts) return { t: 'str', s, e, v: this.lit, cs: contentStart, ce: p, bad };
    if (this.lit.length > 0) parts.push({ lit: this.lit, s: this.litStart, e: p });
    return { t: 'tmpl', s, e, v: '', parts, cs: contentStart, ce: p, bad };
  }

  holeDone(tokens: Token[], holeEnd: number): void {
    this.parts!.push({ expr: cutAtTopLevel(tokens, ['!', ':', '=']), s: this.holeAt, e: Math.min(holeEnd + 1, this.end) });
    this.p = holeEnd + 1;
    this.litStart = this.p;
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

