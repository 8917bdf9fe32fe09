// LLMC008: a file (or part of one) the engine could not fully analyse is a finding, never
// a silent pass. Each scan note becomes one finding; an internal error is always an error.

import type { Finding, NoteKind, ScanNote } from '../model';
import type { Policy } from '../policy/policy';
import { clip, ruleSeverity, type RuleMeta } from './context';

export const meta: RuleMeta<'LLMC008'> = {
  id: 'LLMC008',
  name: 'FileNotFullyAnalysed',
  title: 'File not fully analysed',
  requirements: [],
  defaultSeverity: 'warning',
  securitySeverity: '3.0',
  precision: 'very-high',
  ratingReason: 'Low: nothing is known to be wrong, but an endpoint in the file could go unchecked (fail closed). Precision very-high: the file really was not fully read (a parse error, a size cap).',
  summary: 'A file the scan should check could not be fully analysed, so an LLM endpoint in it could go unchecked.',
  description: [
    'Fires, whenever a policy file is in force, for each file (or part of a file) the engine could not fully analyse:',
    '',
    '- the file is over `maxFileSizeKb`, or cannot be read (permissions, a link to outside the scanned folder);',
    '- it looks binary (NUL bytes in code, or it is not text at all) and mentions an LLM provider, SDK or endpoint variable;',
    '- it is not valid UTF-8 (it was scanned with the invalid bytes replaced);',
    '- it does not parse (malformed YAML, JSON, TOML, HCL or notebook JSON: then only its URLs and env variables were checked), or part of it is nested deeper than the engine follows;',
    '- its code (or Bicep) has unbalanced brackets, or a string that is never closed (in JavaScript and TypeScript, one that runs to the end of the file): the engine read it as if repaired, so the code around that line may be misread. One finding per file, at the first such line, with a count;',
    '- it holds more than 10,000 LLM endpoints (the first 10,000 are reported);',
    '- a `.gitignore` pattern in it was refused as too complex (then that file ignores nothing);',
    '- the engine itself failed on it (an internal error).',
    '',
    'A compliance gate that passes because it could not read something is worse than none: what was not analysed is reported, never treated as clean. `failOn` decides whether these findings fail the run, like any other. An **internal error** is always an `error`, whatever `severity:` says, so a bug in the engine can never turn a failing project green; only a waiver accepts it.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `Not fully analysed: not valid YAML (line 6: Unexpected scalar at node end); scanned lexically for URLs and env variables — fix the syntax error`. A long parser message is clipped in the message and kept whole in the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** make the file analysable: fix the syntax error the message names, save it as UTF-8, raise `maxFileSizeKb`, or, if it holds no LLM code (generated data, a fixture), add it to `ignore:` or waive LLMC008 for its path with a reason. Report internal errors: they are bugs.',
  ].join('\n'),
};

/** What would pass, in a few words, for the message. */
const SHORT_REMEDY: Record<NoteKind, string> = {
  'skipped-too-large': 'raise maxFileSizeKb or ignore it',
  'skipped-binary': 'save it as UTF-8 text or ignore it',
  'invalid-encoding': 'save it as UTF-8',
  unreadable: 'make it readable or ignore it',
  'parse-error': 'fix the syntax error',
  'internal-error': 'a bug: please report it',
};

const REMEDY: Record<NoteKind, string> = {
  'skipped-too-large': 'Raise maxFileSizeKb in the policy, or, if the file holds no LLM code, add it to ignore:.',
  'skipped-binary': 'Save it as UTF-8 text, or, if it is not source, add it to ignore:.',
  'invalid-encoding': 'Save the file as UTF-8.',
  unreadable: 'Make it readable to the scan, or add it to ignore:.',
  'parse-error': 'Fix the syntax error.',
  'internal-error': 'This is a bug in LLM Compliance: please report it with the file\'s shape. Waive LLMC008 for this path only if the file is known to hold no LLM endpoint.',
};

/** One finding for each note: what the engine could not fully analyse. */
export function check(notes: ScanNote[], policy: Policy): Finding[] {
  const configured = ruleSeverity(meta, policy);
  const out: Finding[] = [];
  for (const note of notes) {
    // An engine bug must never lower the exit code: only a waiver accepts it.
    const severity = note.kind === 'internal-error' ? 'error' : configured;
    if (!severity) continue;
    const remedy = REMEDY[note.kind];
    out.push({
      ruleId: meta.id,
      severity,
      file: note.file,
      range: note.range ?? { start: 0, end: 0 },
      provider: null,
      // A note on a file whose text was not kept (a .gitignore) names its line in words.
      message: `Not fully analysed: ${clip(note.message, 130)}${note.line && !note.range ? ` (line ${note.line})` : ''} — ${SHORT_REMEDY[note.kind]}`,
      requirement: 'analysis',
      remedy,
      // The parser's full text, which the message may clip, and what is at stake.
      details: [`${note.message}.`, 'An LLM endpoint here could go unchecked.'],
      sources: [],
      fixes: [],
    });
  }
  return out;
}
