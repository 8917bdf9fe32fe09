// GitHub Actions workflow commands: one annotation per finding (`::error file=…,line=…::message`),
// shown on the pull request's diff and the run's summary, and one per file not fully analysed.
//
// Everything in an annotation comes from the scanned code (file names, hosts, parser messages),
// and the runner treats every output line that starts with `::` as a command. So each value is
// escaped as @actions/core escapes it (data: % CR LF; properties also : and ,), and before that
// every control, bidi and line-separator character is made visible (`\x1b`, `\u2028`): an
// annotation is always exactly one line, so no text can start a second command.

import { type Finding, type ScanNote, type Severity, RULES, visibleControls } from '../../core';
import { activeFindings, filesNotFullyAnalysed, Positions, type Region, type ScanReport } from '../report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', note: 'notice' };

/** Line breaks other than CR and LF (NEL is C1, which visibleControls already shows). */
const OTHER_LINE_BREAKS = /[\u2028\u2029]/g;

/** Text safe on one line: controls, bidi and line separators as visible escapes. */
function oneLine(text: string): string {
  return visibleControls(text).replace(OTHER_LINE_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** @actions/core's escapeData (the runner turns %0A back into a line break inside the message). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** @actions/core's escapeProperty. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command; the message's lines are joined by the one line break an annotation may hold (escaped). */
export function command(kind: string, properties: [string, string | number | undefined][], messageLines: string[]): string {
  const props = properties.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(oneLine(String(v)))}`).join(',');
  return `::${kind} ${props}::${escapeData(messageLines.map(oneLine).join('\n'))}`;
}

/** Columns only on a one-line region: GitHub ignores them on a region over several lines. */
function place(file: string, r: Region): [string, string | number | undefined][] {
  const oneLineRegion = r.line === r.endLine;
  return [['file', file], ['line', r.line], ['endLine', r.endLine], ['col', oneLineRegion ? r.column : undefined], ['endColumn', oneLineRegion ? r.endColumn : undefined]];
}

export function* githubAnnotations(report: ScanReport): Generator<string> {
  const pos = new Positions(report.texts);
  const titles = new Map(RULES.map((r) => [r.id, r.title]));
  // Waived findings are accepted risks: they stay out of the diff (the summary counts them).
  const active = activeFindings(report);
  for (const f of active) yield findingAnnotation(f, pos, titles.get(f.ruleId) ?? '');
  // Under a policy each note is also an LLMC008 finding at the same place: one annotation, not two.
  const asFinding = new Set(report.findings.filter((f) => f.ruleId === 'LLMC008').map((f) => f.file));
  for (const n of report.notes) if (!asFinding.has(n.file)) yield noteAnnotation(n);
  yield summaryLine(report, active);
}

function findingAnnotation(f: Finding, pos: Positions, title: string): string {
  // The message ends with the short remedy; the long form is in the JSON and SARIF output.
  return command(COMMAND[f.severity], [...place(f.file, pos.region(f.file, f.range)), ['title', `${f.ruleId} ${title}`]], [f.message]);
}

function noteAnnotation(n: ScanNote): string {
  return command('warning', [['file', n.file], ['line', n.line], ['title', 'llm-compliance: file not fully analysed']], [`${n.message}. An LLM endpoint here could go unchecked.`]);
}

/** The last line: plain text (never a command), with the figures the annotations leave out. */
function summaryLine(report: ScanReport, active: Finding[]): string {
  const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  const bySeverity = (s: Severity): number => active.filter((f) => f.severity === s).length;
  const waived = report.findings.length - active.length;
  const notAnalysed = filesNotFullyAnalysed(report);
  const parts = [
    report.policy
      ? `${count(active.length, 'finding')} (${bySeverity('error')} error, ${bySeverity('warning')} warning, ${bySeverity('note')} note)${waived ? `, ${waived} waived` : ''}`
      : 'no policy: nothing checked (run "llm-compliance init")',
    `${count(report.endpoints.length, 'endpoint use')} in ${count(report.filesScanned, 'file')} scanned`,
    ...(notAnalysed ? [`${count(notAnalysed, 'file')} not fully analysed`] : []),
  ];
  return `llm-compliance: ${parts.join('; ')}`;
}
