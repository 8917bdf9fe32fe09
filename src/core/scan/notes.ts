// Notes on what a parse could not take as written, so that a file read only in part is
// never taken for a clean one.

import type { ScanNote } from '../model';
import { LineIndex } from '../text';
import { MAX_NESTING } from './parse';
import type { LexResult } from './lexer';

/**
 * One note for unbalanced brackets (the lexer repaired them, so what they enclose may be
 * misread), one for a string never closed (the rest of the file was read as its text), and
 * one for expressions nested too deep to analyse (each became an unknown value), each at
 * the line of its first case.
 */
export function parseNotes(file: string, text: string, brackets: LexResult['brackets'], tooDeep: number[], unterminated?: { offset: number; toEnd: boolean }): ScanNote[] {
  const notes: ScanNote[] = [];
  if (!brackets && !tooDeep.length && unterminated === undefined) return notes;
  const lines = new LineIndex(text);
  const more = (n: number): string => (n > 1 ? `, and ${n - 1} more` : '');
  if (brackets) {
    notes.push({
      kind: 'parse-error', file, line: lines.position(brackets.first.offset).line,
      message: `unbalanced brackets (${brackets.first.message}${more(brackets.count)}): read as if repaired, so the code around them may be misread`,
    });
  }
  if (unterminated) {
    notes.push({
      kind: 'parse-error', file, line: lines.position(unterminated.offset).line,
      message: unterminated.toEnd
        ? 'not analysed: a string that is never closed runs from here to the end of the file, so the code after it was read as text'
        : 'a string that is never closed ends with its line: the rest of the line was read as its text',
    });
  }
  if (tooDeep.length) {
    notes.push({
      kind: 'parse-error', file, line: lines.position(tooDeep.reduce((a, b) => Math.min(a, b))).line,
      message: `not analysed: an expression nested more than ${MAX_NESTING} levels deep${more(tooDeep.length)}`,
    });
  }
  return notes;
}
