// Offsets to lines and columns. Lines and columns are 1-based; columns count UTF-16
// code units, as VS Code and SARIF (columnKind utf16CodeUnits) do.

import { HOLE } from './scan/tokens';

/** One offset's line and column; for many offsets of one text, keep a LineIndex. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).position(offset);
}

/** Precomputed line starts, for converting many offsets of one text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    const line = lastAtOrBelow(this.starts, offset);
    return { line: line + 1, column: offset - this.starts[line]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next).replace(/\r?\n$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }
}

/** The index of the last element of an ascending array that is at most `value` (0 when none is). */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * C0 controls (tab and line feed included: in workspace text they would forge layout),
 * DEL, C1 controls, and the bidi controls: LRM, RLM, ALM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Workspace text shown to a person (a terminal, a diagnostic) with its control and bidi
 * characters as visible escapes (`\x1b`, `\u202e`): an ESC sequence could drive a terminal,
 * a bidi override make a line read differently from what it holds. Nothing is removed.
 */
export function visibleControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A value for people to read: each part that cannot be read statically shown as `…` (never the raw marker). */
export function shownValue(value: string): string {
  return value.split(HOLE).join('…');
}

/** The UTF-16 encoding a byte-order mark announces, if any (the engine decodes such files as UTF-16). */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
