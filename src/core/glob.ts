// .gitignore patterns, matched in time proportional to pattern length x path length.
//
// A pattern is compiled to a list of segments (split at `/`): a `**` segment, or a glob of
// literals, `?`, `*` and bracket expressions. A path is matched segment by segment while
// keeping the set of pattern positions still alive (as a DFA would), so a pattern full of
// `**` cannot backtrack: each (pattern segment, path segment) pair is tried at most once.
// Within a segment, `*` is matched greedily with one resume point, which is quadratic at
// worst (O(pattern segment x path segment)) and never exponential.
//
// The syntax is git's (gitignore(5) and wildmatch.c), as the `ignore` package reads it;
// test/unit/glob.test.ts checks the two agree on generated patterns and paths. Deliberate
// differences: matching is case-sensitive (git's default, core.ignorecase=false, where
// `ignore` folds case by default: folding would let a pattern waive or hide more than it
// names), and a wildcard after an escaped slash (`*\/**`) never matches the folder itself,
// as in git (`ignore` matches `c/` there). Characters are UTF-16 code units, as in `ignore`
// (git counts bytes: `?` against a non-ASCII character differs).

/** Folders whose per-rule match states are kept (a walk needs the current folder's ancestors). */
const PREFIX_CACHE = 256;
/** Longer patterns are refused: nobody writes them, and each match costs pattern x path. */
export const MAX_PATTERN_LENGTH = 4096;
/** More `**` than this in one pattern is refused. */
export const MAX_GLOBSTARS = 64;

type Token =
  | { kind: 'literal'; code: number }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; test: (code: number) => boolean };

/** `**`: any number of whole path segments (at least one when it ends the pattern). */
interface Globstar {
  kind: 'globstar';
  min: 0 | 1;
}

type Segment = Token[] | Globstar;

interface Rule {
  negative: boolean;
  /** A trailing `/`: only folders match. */
  dirOnly: boolean;
  segments: Segment[];
  /** Segments without wildcards: a path lacking any of them cannot match (checked before the segment walk). */
  literals: string[];
}

/** A pattern this matcher will not run, and why. */
export interface RefusedPattern {
  /** 1-based line in the .gitignore text, or 1-based index in a list of patterns. */
  line: number;
  pattern: string;
  reason: string;
}

/** Why a pattern would be refused (too long, too many `**`), or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  const globstars = pattern.match(/\*\*+/g)?.length ?? 0;
  if (globstars > MAX_GLOBSTARS) return `pattern with more than ${MAX_GLOBSTARS} "**"`;
  return undefined;
}

/**
 * A list of .gitignore patterns: a .gitignore file's text, or a list of patterns (the
 * policy's `ignore:`, waiver `paths`). The last pattern that matches a path decides,
 * and nothing under an excluded folder can be re-included.
 *
 * When any pattern is refused (see `patternProblem`), the whole list matches nothing:
 * skipping one `!` re-inclusion would hide files, so the caller reports `refused` and
 * every path is treated as not matched (scanned, not waived, not allowed).
 */
export class PathPatterns {
  readonly refused: RefusedPattern[] = [];
  private readonly rules: Rule[] = [];
  private readonly folderCache = new Map<string, boolean>();
  /** Per folder, each rule's live positions after it (null: cannot match below), most recently used last. */
  private readonly prefixes = new Map<string, (Uint8Array | null)[]>();

  constructor(patterns: string | readonly string[]) {
    const lines = typeof patterns === 'string' ? splitLines(patterns) : patterns.map((p, i) => ({ text: p, line: i + 1 }));
    // A pattern written again later makes the earlier copy moot (the last match decides): keep the last.
    const last = new Map<string, Rule>();
    for (const [i, { text, line }] of lines.entries()) {
      const body = i === 0 && text.startsWith('\uFEFF') ? text.slice(1) : text;
      const problem = patternProblem(body);
      if (problem) {
        this.refused.push({ line, pattern: body, reason: problem });
        continue;
      }
      const rule = parseRule(body, typeof patterns !== 'string');
      if (!rule) continue;
      last.delete(body);
      last.set(body, rule);
    }
    if (!this.refused.length) this.rules.push(...last.values());
  }

  /** Whether a path (relative, `/`-separated; folders end in `/`) is excluded, by itself or by a folder above it. */
  ignores(path: string): boolean {
    if (!this.rules.length || path === '' || path.startsWith('/')) return false;
    for (let slash = path.indexOf('/'); slash >= 0 && slash < path.length - 1; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash + 1);
      let excluded = this.folderCache.get(folder);
      if (excluded === undefined) this.folderCache.set(folder, (excluded = this.decides(folder)));
      if (excluded) return true;
    }
    return this.decides(path);
  }

  /**
   * For this path alone (not the folders above it): true when the last matching pattern
   * excludes it, false when it is a `!` that re-includes it, undefined when none matches.
   */
  verdict(path: string): boolean | undefined {
    if (!this.rules.length || path === '' || path.startsWith('/')) return undefined;
    const isDir = path.endsWith('/');
    const parts = (isDir ? path.slice(0, -1) : path).split('/');
    const last = parts[parts.length - 1]!;
    const folder = path.slice(0, path.length - last.length - (isDir ? 1 : 0));
    const present = new Set(parts);
    let states: (Uint8Array | null)[] | undefined;
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i]!;
      if (rule.dirOnly && !isDir) continue;
      if (rule.literals.some((l) => !present.has(l))) continue;
      // A pattern ends where the path ends: its last segment (unless `**`) must take the path's last.
      const tail = rule.segments[rule.segments.length - 1]!;
      if (Array.isArray(tail) && !matchSegment(tail, last)) continue;
      states ??= this.statesOf(folder);
      const live = this.liveAfter(i, folder, states);
      if (live && stepLive(rule.segments, live, last)?.[rule.segments.length] === 1) return !rule.negative;
    }
    return undefined;
  }

  /**
   * A rule's live positions after a folder's segments (`a/b/`; '' for the top), or null when
   * none is left. Kept per folder for the most recent folders, so a walk that asks about
   * `a/`, `a/b/`, `a/b/c.py` in turn steps each rule once per level, not once per level and
   * ancestor (which made deep trees under long pattern lists quadratic in the depth).
   */
  private liveAfter(rule: number, folder: string, states: (Uint8Array | null)[]): Uint8Array | null {
    const known = states[rule];
    if (known !== undefined) return known;
    const pattern = this.rules[rule]!.segments;
    // The nearest folder above this one whose states for the rule are known, then down from there.
    let from = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
    while (from !== '' && this.prefixes.get(from)?.[rule] === undefined) from = from.slice(0, from.lastIndexOf('/', from.length - 2) + 1);
    let live: Uint8Array | null = from === '' ? initialLive(pattern) : this.prefixes.get(from)![rule] ?? null;
    for (let at = from.length; at < folder.length; ) {
      const end = folder.indexOf('/', at);
      live = live && stepLive(pattern, live, folder.slice(at, end));
      at = end + 1;
      const below = at === folder.length ? states : this.prefixes.get(folder.slice(0, at));
      if (below) below[rule] = live;
    }
    return (states[rule] = live);
  }

  private decides(path: string): boolean {
    return this.verdict(path) === true;
  }

  /** The per-rule states of a folder ('' for the top), created when missing, moved to the most recent end. */
  private statesOf(folder: string): (Uint8Array | null)[] {
    let states = this.prefixes.get(folder);
    if (states) this.prefixes.delete(folder);
    else states = [];
    this.prefixes.set(folder, states);
    if (this.prefixes.size > PREFIX_CACHE) this.prefixes.delete(this.prefixes.keys().next().value!);
    return states;
  }
}

/** Lines of a .gitignore, as git splits them: LF or CRLF, one CR dropped at the very end. */
function splitLines(text: string): { text: string; line: number }[] {
  const body = text.endsWith('\r') ? text.slice(0, -1) : text;
  return body.split(/\r?\n/).map((t, i) => ({ text: t, line: i + 1 })).filter((l) => l.text !== '');
}

/** One pattern to a rule; undefined for comments, blank lines and patterns that can match nothing. */
function parseRule(pattern: string, fromList: boolean): Rule | undefined {
  let body = pattern;
  if (body.startsWith('#')) return undefined;
  const negative = body.startsWith('!');
  if (negative) body = body.slice(1);
  body = trimEnd(body, fromList);
  if (body === '' || hasTrailingBackslash(body)) return undefined;
  if (/^\/\*{2,}$/.test(body)) body = '**';
  const pieces = tokenize(body);
  if (!pieces) return undefined;
  // A slash at the start or in the middle anchors the pattern to its folder; otherwise it matches at any depth.
  const anchored = /\/(?!$)/.test(body);
  const dirOnly = pieces.at(-1) === '/';
  if (dirOnly) pieces.pop();
  if (pieces[0] === '/') pieces.shift();
  if (!pieces.length) return undefined;

  const segments: Segment[] = [];
  let current: Token[] = [];
  let openedByEscape = false;
  const endSegment = (closedByEscape: boolean): void => {
    // Two or more stars filling a segment are `**`; next to an escaped slash they are a `*` (as `ignore` reads them).
    const globstar = current.length >= 2 && current.every((t) => t.kind === 'star') && !openedByEscape && !closedByEscape;
    segments.push(globstar ? { kind: 'globstar', min: 0 } : current);
    current = [];
    openedByEscape = closedByEscape;
  };
  for (const piece of pieces) {
    if (piece === '/' || piece === '\\/') endSegment(piece === '\\/');
    else current.push(piece);
  }
  endSegment(false);
  // A trailing `**` means everything inside, not the folder itself.
  if (!Array.isArray(segments.at(-1))) segments[segments.length - 1] = { kind: 'globstar', min: 1 };
  if (!anchored && Array.isArray(segments[0])) segments.unshift({ kind: 'globstar', min: 0 });
  const literals = [...new Set(segments.flatMap((seg) => (Array.isArray(seg) && seg.every((t) => t.kind === 'literal')
    ? [String.fromCharCode(...seg.map((t) => (t as { code: number }).code))] : [])))];
  return { negative, dirOnly, segments, literals };
}

/**
 * Trailing spaces go unless escaped (`\ ` keeps one). A pattern from a list (not a file)
 * also loses trailing line breaks and blank lines, which git would never see.
 */
function trimEnd(body: string, fromList: boolean): string {
  let lineEnd = body.length;
  let end: number;
  for (;;) {
    if (fromList && body[lineEnd - 1] === '\r') lineEnd--;
    end = lineEnd;
    while (body[end - 1] === ' ') end--;
    if (!fromList || body[end - 1] !== '\n') break;
    lineEnd = end - 1;
  }
  if (end === lineEnd) return body.slice(0, lineEnd);
  let backslashes = 0;
  while (body[end - backslashes - 1] === '\\') backslashes++;
  return backslashes % 2 ? body.slice(0, end + 1) : body.slice(0, end);
}

function hasTrailingBackslash(body: string): boolean {
  let n = 0;
  while (body[body.length - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** A separator (`\\/` when escaped) or a token. */
type Piece = '/' | '\\/' | Token;

/** Tokens and separators; undefined when the pattern can match nothing (an unterminated `[`, a trailing `\/`). */
function tokenize(body: string): Piece[] | undefined {
  const out: Piece[] = [];
  for (let i = 0; i < body.length; ) {
    const ch = body[i]!;
    if (ch === '\\') {
      const next = body[i + 1]!;
      if (next === '/') {
        // git drops a final `/` before matching, which leaves a lone `\`, and strips only an
        // unescaped leading `/`, which leaves one to match against a relative path: nothing matches.
        if (i === 0 || i + 2 === body.length) return undefined;
        out.push('\\/');
      } else out.push({ kind: 'literal', code: next.charCodeAt(0) });
      i += 2;
    } else if (ch === '/') {
      out.push('/');
      i++;
    } else if (ch === '*') {
      out.push({ kind: 'star' });
      i++;
    } else if (ch === '?') {
      out.push({ kind: 'any' });
      i++;
    } else if (ch === '[') {
      const bracket = scanBracket(body, i);
      if (!bracket) return undefined;
      out.push(bracket.token);
      i = bracket.end + 1;
    } else {
      out.push({ kind: 'literal', code: body.charCodeAt(i) });
      i++;
    }
  }
  return out;
}

const POSIX_CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isDigit(c) || isUpper(c) || isLower(c),
  alpha: (c) => isUpper(c) || isLower(c),
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: isDigit,
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: isLower,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !isDigit(c) && !isUpper(c) && !isLower(c),
  space: (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d,
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * A bracket expression starting at `body[start] === '['`, read as git's wildmatch reads it:
 * `!` or `^` negates, a `]` right after the opening is a member, `\` escapes a member,
 * `a-z` is a range (a reversed one keeps only its first member), `[:alpha:]` a POSIX class.
 * Undefined when it never closes or names an unknown class: then the pattern matches nothing.
 */
function scanBracket(body: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = body[i] === '!' || body[i] === '^';
  if (negated) i++;
  const members: number[] = [];
  const ranges: [number, number][] = [];
  const classes: ((c: number) => boolean)[] = [];
  let prev: number | undefined;
  // The first member is taken whatever it is, so a leading `]` is a member.
  for (;;) {
    const ch = body[i];
    if (ch === undefined) return undefined;
    if (ch === '\\') {
      const escaped = body.charCodeAt(++i);
      if (Number.isNaN(escaped)) return undefined;
      members.push(escaped);
      prev = escaped;
    } else if (ch === '-' && prev !== undefined && i + 1 < body.length && body[i + 1] !== ']') {
      let to = body.charCodeAt(++i);
      if (to === 0x5c) to = body.charCodeAt(++i);
      if (Number.isNaN(to)) return undefined;
      if (prev <= to) ranges.push([prev, to]);
      prev = undefined;
    } else if (ch === '[' && body[i + 1] === ':') {
      const close = body.indexOf(']', i + 2);
      if (close < 0) return undefined;
      if (close > i + 2 && body[close - 1] === ':') {
        const name = body.slice(i + 2, close - 1);
        if (!Object.hasOwn(POSIX_CLASSES, name)) return undefined;
        classes.push(POSIX_CLASSES[name]!);
        prev = undefined;
        i = close;
      } else {
        // No `:]`: the `[` is a plain member.
        members.push(0x5b);
        prev = 0x5b;
      }
    } else {
      members.push(body.charCodeAt(i));
      prev = body.charCodeAt(i);
    }
    i++;
    if (body[i] === ']') break;
  }
  const test = (c: number): boolean => members.includes(c) || ranges.some(([lo, hi]) => c >= lo && c <= hi) || classes.some((f) => f(c));
  return { token: { kind: 'class', negated, test }, end: i };
}

/** The live pattern positions before any path segment (a path is matched by stepping them segment by segment). */
function initialLive(pattern: Segment[]): Uint8Array {
  const live = new Uint8Array(pattern.length + 1);
  live[0] = 1;
  skipOptional(pattern, live);
  return live;
}

/** The live positions after one more path segment; null when none is left (the pattern cannot match). */
function stepLive(pattern: Segment[], live: Uint8Array, part: string): Uint8Array | null {
  const m = pattern.length;
  const next = new Uint8Array(m + 1);
  let any = false;
  for (let i = 0; i < m; i++) {
    if (!live[i]) continue;
    const seg = pattern[i]!;
    if (!Array.isArray(seg)) {
      // `**` takes this segment and may take more; a `**` that needs one segment is now satisfied.
      next[i] = 1;
      if (seg.min === 1) next[i + 1] = 1;
      any = true;
    } else if (matchSegment(seg, part)) {
      next[i + 1] = 1;
      any = true;
    }
  }
  if (!any) return null;
  skipOptional(pattern, next);
  return next;
}

/** A live `**` that may take no segment makes the position after it live too. */
function skipOptional(pattern: Segment[], live: Uint8Array): void {
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    if (live[i] && !Array.isArray(seg) && seg.min === 0) live[i + 1] = 1;
  }
}

/** One path segment against one pattern segment: greedy `*` with a single resume point, O(pattern x text). */
function matchSegment(tokens: Token[], text: string): boolean {
  let t = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < text.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starAt = t++;
      resumeAt = i;
    } else if (token && matchesOne(token, text.charCodeAt(i))) {
      t++;
      i++;
    } else if (starAt >= 0) {
      t = starAt + 1;
      i = ++resumeAt;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function matchesOne(token: Token, code: number): boolean {
  switch (token.kind) {
    case 'literal':
      return token.code === code;
    case 'any':
      return true;
    case 'class':
      // A bracket expression never matches a separator (and a path segment holds none).
      return code !== 0x2f && token.test(code) !== token.negated;
    case 'star':
      return false;
  }
}
