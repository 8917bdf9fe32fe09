// Tokens shared by the code lexers. Comments never become tokens, so nothing in a
// comment can ever be reported.

export type TokenType =
  | 'id' // identifier or keyword
  | 'str' // string literal, `v` holds the decoded value
  | 'tmpl' // interpolated string (f-string, template literal, $"..."), `parts` holds the pieces
  | 'num'
  | 'p' // punctuation / operator, `v` holds its text
  | 'nl'; // a line break outside parentheses and brackets (a possible statement end)

export interface Token {
  t: TokenType;
  /** Start offset in the text (inclusive). */
  s: number;
  /** End offset in the text (exclusive). */
  e: number;
  v: string;
  parts?: TemplatePart[];
  /** For `str`/`tmpl`: offset where the decoded content starts and ends (inside the quotes). */
  cs?: number;
  ce?: number;
  /** The string was not terminated; its value is not trusted. */
  bad?: boolean;
  /** A closing bracket the text lacks, put in by bracket recovery (zero width, after the last token it closes). */
  missing?: boolean;
}

/** A bracket with no partner: a closer nothing opened, or an opener never closed. */
export interface BracketProblem {
  message: string;
  offset: number;
}

/** A literal chunk of an interpolated string, or an embedded expression. */
export type TemplatePart = { lit: string; s: number; e: number } | { expr: Token[]; s: number; e: number };

/** An unknown part of a value (text computed at run time, an escape that cannot be read): never matched as a host's letters. */
export const HOLE = '\u0000';

export type LexLanguage = 'python' | 'js' | 'go' | 'java' | 'csharp' | 'rust' | 'hcl';


/** The index of the first item of a list sorted by start that starts at or after `offset` (binary search). */
export function firstFrom<T>(list: T[], offset: number, startOf: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(list[mid]!) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
