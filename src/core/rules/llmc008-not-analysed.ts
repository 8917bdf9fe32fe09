// LLMC008: a file (or part of one) the engine could not fully analyse is a finding, never
// a silent pass. Each scan note becomes one finding; an internal error is always an error.

import type { Finding, NoteKind, ScanNote } from '../model';
import type { Policy } from '../policy/policy';
import { severityOf } from './rules';

const REMEDY: Record<NoteKind, string> = {
  'skipped-too-large': 'Raise maxFileSizeKb in the policy, or, if the file holds no LLM code, add it to ignore:.',
  'skipped-binary': 'Save it as UTF-8 text, or, if it is not source, add it to ignore:.',
  'invalid-encoding': 'Save the file as UTF-8.',
  unreadable: 'Make it readable to the scan, or add it to ignore:.',
  'parse-error': 'Fix the syntax error.',
  'internal-error': 'This is a bug in LLM Compliance: please report it with the file\'s shape. Waive LLMC008 for this path only if the file is known to hold no LLM endpoint.',
};

export function notAnalysedFindings(notes: ScanNote[], policy: Policy): Finding[] {
  const configured = severityOf('LLMC008', policy);
  const out: Finding[] = [];
  for (const note of notes) {
    // An engine bug must never lower the exit code: only a waiver accepts it.
    const severity = note.kind === 'internal-error' ? 'error' : configured;
    if (!severity) continue;
    const remedy = REMEDY[note.kind];
    out.push({
      ruleId: 'LLMC008',
      severity,
      file: note.file,
      range: note.range ?? { start: 0, end: 0 },
      provider: null,
      message: `Not fully analysed: ${note.message}. An LLM endpoint here could go unchecked. ${remedy}`,
      requirement: 'analysis',
      remedy,
      details: [],
      sources: [],
      fixes: [],
    });
  }
  return out;
}
