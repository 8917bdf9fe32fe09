// Text output for people: grouped by file, one line per finding (or per endpoint when
// there is no policy), then notes and a summary line.

import { type Endpoint, type Finding, visibleControls } from '../../core';
import { activeFindings, compareText, filesNotFullyAnalysed, Positions, relatedLine, type ScanReport } from '../report';

export interface TextOptions {
  color: boolean;
  /** Also list endpoints that pass, under the findings. */
  verbose?: boolean;
}

export function toText(report: ScanReport, options: TextOptions): string {
  return [...textLines(report, options)].join('\n') + '\n';
}

/**
 * The report's lines (without line breaks), one at a time. Every piece of
 * workspace text goes through `esc`: file names, messages, hosts, waiver reasons, notes.
 */
export function* textLines(report: ScanReport, options: TextOptions): Generator<string> {
  const c = colors(options.color);
  const esc = visibleControls;
  const pos = new Positions(report.texts);
  const byFile = new Map<string, { findings: Finding[]; endpoints: Endpoint[] }>();
  const group = (file: string): { findings: Finding[]; endpoints: Endpoint[] } => {
    let g = byFile.get(file);
    if (!g) byFile.set(file, (g = { findings: [], endpoints: [] }));
    return g;
  };
  const showInventory = !report.policy || report.policy.require.length === 0 || options.verbose;
  for (const f of report.findings) group(f.file).findings.push(f);
  if (showInventory) for (const e of report.endpoints) group(e.file).endpoints.push(e);

  // By path in code-unit order, as the JSON: localeCompare would depend on the machine's locale.
  for (const [file, g] of [...byFile].sort(([a], [b]) => compareText(a, b))) {
    yield c.underline(esc(file));
    const rows: { line: number; column: number; text: string }[] = [];
    const indent = ' '.repeat(22);
    for (const f of g.findings) {
      const r = pos.region(f.file, f.range);
      if (f.suppression) {
        const s = f.suppression;
        const terms = [s.owner ? `owner ${s.owner}` : '', s.expires ? `until ${s.expires}` : ''].filter(Boolean).join(', ');
        rows.push({ line: r.line, column: r.column, text: c.dim(esc(`waived   ${f.ruleId}  ${s.reason}${terms ? ` (${terms})` : ''}  [${s.file}:${s.line}]`)) });
        continue;
      }
      const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('note   ');
      let text = `${sev}  ${c.dim(esc(f.ruleId))}  ${esc(f.message)}`;
      for (const rel of f.related ?? []) text += `\n${indent}${c.dim(esc(`${rel.file}:${relatedLine(pos, rel)}: ${rel.message}`))}`;
      for (const fix of f.fixes) text += `\n${indent}${c.green('fix:')} ${esc(fix.title)}`;
      rows.push({ line: r.line, column: r.column, text });
    }
    for (const e of g.endpoints) {
      const r = pos.region(e.file, e.range);
      const eu = e.euResident === true ? c.green('EU') : e.euResident === false ? c.red('non-EU') : c.yellow('EU?');
      const baa = e.baaAvailable === true ? 'BAA offered' : e.baaAvailable === false ? 'no BAA' : 'BAA ?';
      const where = esc([e.host, e.region && !e.host?.includes(e.region) ? e.region : null].filter(Boolean).join(' ')) || c.dim('location unknown');
      rows.push({ line: r.line, column: r.column, text: `${c.cyan(esc(e.provider ? `${e.provider}${e.assumedProvider ? ' (assumed)' : ''}` : 'unknown').padEnd(18))} ${where}  ${c.dim('·')} ${eu} ${c.dim('·')} ${baa}\n${indent}${c.dim(esc(e.via))}` });
    }
    // Stable: rows at one place keep the report's order.
    rows.sort((a, b) => a.line - b.line || a.column - b.column);
    for (const row of rows) yield `  ${c.dim(`${row.line}:${row.column}`.padEnd(9))} ${row.text}`;
    yield '';
  }

  // Under a policy each note is an LLMC008 finding, listed with its file above.
  if (report.notes.length && !report.policy) {
    yield c.underline('Notes');
    for (const n of report.notes) yield `  ${esc(n.file)}${n.line ? `:${n.line}` : ''}  ${c.dim(esc(n.message))}`;
    yield '';
  }

  const active = activeFindings(report);
  const errors = active.filter((f) => f.severity === 'error').length;
  const warnings = active.filter((f) => f.severity === 'warning').length;
  const notes = active.length - errors - warnings;
  const waived = report.findings.length - active.length;
  const filesWithFindings = new Set(active.map((f) => f.file)).size;
  // Waived endpoints are counted as waived, not as compliant.
  const flagged = new Set(report.findings.map((f) => f.endpoint));
  const passing = report.endpoints.filter((e) => !flagged.has(e)).length;
  const parts: string[] = [];
  if (report.policy && (report.policy.require.length || report.policy.gateway || report.findings.length)) {
    const problems = [plural(errors, 'error'), plural(warnings, 'warning'), notes ? plural(notes, 'note') : ''].filter(Boolean).join(', ');
    parts.push(active.length ? `${c.red('✖')} ${problems} in ${plural(filesWithFindings, 'file')}` : `${c.green('✔')} no findings`);
    if (waived) parts.push(`${waived} waived`);
    parts.push(`${plural(report.endpoints.length, 'endpoint')} (${passing} compliant)`);
  } else {
    parts.push(`${plural(report.endpoints.length, 'endpoint')} found`);
  }
  parts.push(`${plural(report.filesScanned, 'file')} scanned`);
  const partial = filesNotFullyAnalysed(report);
  if (partial) parts.push(c.yellow(`${partial} not fully analysed`));
  parts.push(report.policy?.source ? esc(`policy ${report.policy.source} (requires ${report.policy.require.join(', ') || 'nothing'})`) : 'no policy: inventory only');
  yield parts.join(c.dim('  ·  '));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function colors(on: boolean): Record<'red' | 'yellow' | 'green' | 'blue' | 'cyan' | 'dim' | 'underline', (s: string) => string> {
  const wrap = (open: number, close: number) => (s: string): string => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), blue: wrap(34, 39), cyan: wrap(36, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
