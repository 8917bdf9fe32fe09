// Text output for people, as the best linters print it: grouped by file (files with errors
// first), in each file errors, then warnings, then notes (each by position), waived findings
// only with --show-waived, then the endpoint inventory (without requirements, or --verbose);
// then notes and a summary line. Without a policy the last line says that nothing was checked.
// With --quiet: the failing findings and a count line, nothing else (nothing when none fail).
//
// Layout: `  LINE:COL  SEVERITY  RULE     message`, with the message column at MESSAGE_COLUMN.
// Related lines and fixes are labelled in the rule column. With a width, everything in the
// message column is wrapped there with a hanging indent (see wrap.ts for how columns are counted).

import { type Endpoint, endpointsJudgedBy, type Finding, visibleControls } from '../../core';
import { activeFindings, compareText, filesNotFullyAnalysed, Positions, relatedLine, type ScanReport } from '../report';
import { wrapText } from './wrap';

export interface TextOptions {
  color: boolean;
  /** Also list endpoints that pass, under the findings. */
  verbose?: boolean;
  /** List waived findings (hidden by default; the summary counts them). */
  showWaived?: boolean;
  /** Wrap at this many columns; 0 or undefined: one line per item, never wrapped. */
  width?: number;
  /**
   * --quiet (given a report of the failing findings only, failingOnly): those findings and a
   * count, nothing else: no inventory, no notes list, no summary when nothing fails.
   */
  quiet?: boolean;
}

/** Where messages start: 2 + position (9) + 1 + severity (7) + 2 + rule id (7) + 2. */
export const MESSAGE_COLUMN = 30;
/** Below this many columns for the message, lines are allowed to run past the terminal's width rather than wrap a word a line. */
const MIN_MESSAGE_WIDTH = 24;

export function toText(report: ScanReport, options: TextOptions): string {
  return [...textLines(report, options)].join('\n') + '\n';
}

type Paint = Record<'red' | 'yellow' | 'green' | 'blue' | 'cyan' | 'dim' | 'underline' | 'bold', (s: string) => string>;

interface Row {
  rank: number;
  line: number;
  column: number;
  lines: string[];
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, note: 2 };
const WAIVED_RANK = 3;
const ENDPOINT_RANK = 4;

/**
 * The report's lines (without line breaks), one at a time. Every piece of
 * workspace text goes through `esc`: file names, messages, hosts, waiver reasons, notes.
 */
export function* textLines(report: ScanReport, options: TextOptions): Generator<string> {
  const c = colors(options.color);
  const pos = new Positions(report.texts);
  const width = options.width && options.width > 0 ? Math.max(options.width - MESSAGE_COLUMN, MIN_MESSAGE_WIDTH) : 0;
  const byFile = new Map<string, Row[]>();
  const add = (file: string, row: Row): void => {
    const rows = byFile.get(file);
    if (rows) rows.push(row);
    else byFile.set(file, [row]);
  };
  const showInventory = !options.quiet && (!report.policy || report.policy.require.length === 0 || options.verbose);
  for (const f of report.findings) {
    if (f.suppression && !options.showWaived) continue;
    const r = pos.region(f.file, f.range);
    add(f.file, { rank: f.suppression ? WAIVED_RANK : SEVERITY_ORDER[f.severity], line: r.line, column: r.column, lines: findingLines(f, pos, c, width) });
  }
  if (showInventory) {
    for (const e of report.endpoints) {
      const r = pos.region(e.file, e.range);
      add(e.file, { rank: ENDPOINT_RANK, line: r.line, column: r.column, lines: endpointLines(e, c, width) });
    }
  }
  const worst = (rows: Row[]): number => Math.min(...rows.map((r) => r.rank));
  // Worst first, then by path in code-unit order, as the JSON: localeCompare would depend on the machine's locale.
  for (const [file, rows] of [...byFile].sort(([a, ra], [b, rb]) => worst(ra) - worst(rb) || compareText(a, b))) {
    yield c.underline(visibleControls(file));
    // Stable: rows at one place keep the report's order.
    rows.sort((a, b) => a.rank - b.rank || a.line - b.line || a.column - b.column);
    for (const row of rows) {
      const [first, ...rest] = row.lines;
      yield `  ${c.dim(`${row.line}:${row.column}`.padEnd(9))} ${first}`;
      yield* rest;
    }
    yield '';
  }

  if (options.quiet) {
    if (report.findings.length) yield `${c.red('✖')} ${problemCounts(report.findings)} in ${plural(new Set(report.findings.map((f) => f.file)).size, 'file')}`;
    return;
  }
  // Under a policy each note is an LLMC008 finding, listed with its file above.
  if (report.notes.length && !report.policy) {
    yield c.underline('Notes');
    for (const n of report.notes) yield `  ${visibleControls(n.file)}${n.line ? `:${n.line}` : ''}  ${c.dim(visibleControls(n.message))}`;
    yield '';
  }
  yield summaryLine(report, c, options.showWaived === true);
  if (!report.policy) {
    const n = report.endpoints.length;
    const warning = `Warning: no policy file, so no requirement was checked (${n} endpoint${n === 1 ? '' : 's'} found, none checked). Run "llm-compliance init" to create .llm-compliance.yaml.`;
    for (const line of wrapText(warning, options.width ?? 0)) yield c.yellow(line);
  }
}

/** A finding's lines: the message, then each related place and fix, labelled in the rule column and wrapped in the message column. */
function findingLines(f: Finding, pos: Positions, c: Paint, width: number): string[] {
  const esc = visibleControls;
  const s = f.suppression;
  if (s) {
    const terms = [s.owner ? `owner ${s.owner}` : '', s.expires ? `until ${s.expires}` : ''].filter(Boolean).join(', ');
    return block(c.dim('waived '), c.dim(esc(f.ruleId)), esc(`${s.reason}${terms ? ` (${terms})` : ''} [${s.file}:${s.line}]`), width, c.dim);
  }
  const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('note   ');
  const lines = block(sev, c.dim(esc(f.ruleId).padEnd(7)), esc(f.message), width);
  for (const rel of f.related ?? []) lines.push(...block(null, c.dim('related'), esc(`${rel.file}:${relatedLine(pos, rel)}: ${rel.message}`), width, c.dim));
  for (const fix of f.fixes) lines.push(...block(null, c.green('fix    '), esc(fix.title), width));
  return lines;
}

function endpointLines(e: Endpoint, c: Paint, width: number): string[] {
  const esc = visibleControls;
  const eu = e.euResident === true ? c.green('EU') : e.euResident === false ? c.red('non-EU') : c.yellow('EU?');
  const baa = e.baaAvailable === true ? 'BAA offered' : e.baaAvailable === false ? 'no BAA' : 'BAA ?';
  const where = esc([e.host, e.region && !e.host?.includes(e.region) ? e.region : null].filter(Boolean).join(' ')) || c.dim('location unknown');
  const provider = esc(e.provider ? `${e.provider}${e.assumedProvider ? ' (assumed)' : ''}` : 'unknown');
  // The provider takes the severity and rule columns; the rest starts in the message column.
  const first = `${c.cyan(provider.padEnd(MESSAGE_COLUMN - 13))} ${where}  ${c.dim('·')} ${eu} ${c.dim('·')} ${baa}`;
  return [first, ...wrapText(esc(e.via), width).map((l) => `${' '.repeat(MESSAGE_COLUMN)}${c.dim(l)}`)];
}

/**
 * One item in the columns: an optional severity, a label in the rule column, and text in the
 * message column, wrapped there with a hanging indent. The first line has no indent when a
 * severity starts it (the position column goes before it); otherwise lines start at column 0.
 */
function block(severity: string | null, label: string, text: string, width: number, paint: (s: string) => string = (s) => s): string[] {
  const [first = '', ...rest] = wrapText(text, width);
  const hang = ' '.repeat(MESSAGE_COLUMN);
  const head = severity !== null ? `${severity}  ${label}  ${paint(first)}` : `${' '.repeat(21)}${label}  ${paint(first)}`;
  return [head, ...rest.map((l) => `${hang}${paint(l)}`)];
}

function summaryLine(report: ScanReport, c: Paint, showWaived: boolean): string {
  const active = activeFindings(report);
  const waived = report.findings.length - active.length;
  const filesWithFindings = new Set(active.map((f) => f.file)).size;
  // Waived endpoints are counted as waived, not as compliant.
  const flagged = new Set(report.findings.flatMap(endpointsJudgedBy));
  const passing = report.endpoints.filter((e) => !flagged.has(e)).length;
  const parts: string[] = [];
  if (report.policy && (report.policy.require.length || report.policy.gateway || report.findings.length)) {
    parts.push(active.length ? `${c.red('✖')} ${problemCounts(active)} in ${plural(filesWithFindings, 'file')}` : `${c.green('✔')} no findings`);
    if (waived) parts.push(showWaived ? `${waived} waived` : `${waived} waived (--show-waived)`);
    parts.push(`${plural(report.endpoints.length, 'endpoint')} (${passing} compliant)`);
  } else {
    parts.push(`${plural(report.endpoints.length, 'endpoint')} found`);
  }
  // A subset of a workspace (--workspace DIR FILE...): the files reported on, and how many gave context.
  parts.push(`${plural(report.filesScanned, 'file')} scanned${report.scope ? ` (${report.scope.workspaceFilesScanned} read in the workspace for context)` : ''}`);
  const partial = filesNotFullyAnalysed(report);
  if (partial) parts.push(c.yellow(`${partial} not fully analysed`));
  parts.push(report.policy?.source ? visibleControls(`policy ${report.policy.source} (requires ${report.policy.require.join(', ') || 'nothing'})`) : 'no policy');
  return parts.join(c.dim('  ·  '));
}

/** "2 errors, 1 warning" (notes only when there are some). */
function problemCounts(findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;
  return [plural(errors, 'error'), plural(warnings, 'warning'), notes ? plural(notes, 'note') : ''].filter(Boolean).join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function colors(on: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string): string => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), blue: wrap(34, 39), cyan: wrap(36, 39), dim: wrap(2, 22), underline: wrap(4, 24), bold: wrap(1, 22) };
}
