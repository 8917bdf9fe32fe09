// The result of a CLI scan, and its JSON form (a contract: see DESIGN.md).

import type { Dependencies } from './last-run';
import { type Endpoint, endpointCountries, endpointsJudgedBy, type Finding, type Fix, formatOf, LineIndex, type Policy, type RelatedLocation, type ScanNote, SEVERITY_RANK, shownValue, type TextRange } from '../core';

export interface ScanReport {
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  filesScanned: number;
  policy: Policy | null;
  /** Decoded text of files with endpoints, by the file path used in the report. */
  texts: Map<string, string>;
  /** The policy file's report path, when one is in force. */
  policyFile?: string;
  /** Every file the walk found for the engine, by report path (a host-side list: what a subset is chosen from). */
  files?: string[];
  /** Set when the report speaks for some files of a workspace analysed whole (reportFor). */
  scope?: { paths: string[]; workspaceFilesScanned: number };
  /** With --cache: what the scan depended on besides its command line (last-run.ts). */
  dependencies?: Dependencies;
}

export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class Positions {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly texts: Map<string, string>) {}

  private index(file: string): LineIndex {
    let index = this.indexes.get(file);
    if (!index) {
      index = new LineIndex(this.texts.get(file) ?? '');
      this.indexes.set(file, index);
    }
    return index;
  }

  lineText(file: string, line: number): string {
    return this.index(file).lineText(line);
  }

  region(file: string, range: TextRange): Region {
    const index = this.index(file);
    const a = index.position(range.start);
    const b = index.position(range.end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/*
 * Report order. The same workspace gives the same bytes in every format, whatever order
 * the file system lists it in (CI and a laptop differ). Strings compare by UTF-16 code
 * units, never by locale.
 *   endpoints: file, start offset, end offset, provider, host, region, via, model, SDK,
 *              then the config lines (file:line) its values came from
 *   findings:  file, start offset, end offset, rule id, severity (error first), message, provider,
 *              waived after unwaived, then its related locations
 *   notes:     file, line (none first), kind, message
 *   a finding's related locations: file, line, message; a fix's edits: start, end, new text
 * Kept in the order the engine gives (it does not depend on the file system): a finding's
 * fixes (the preferred one first), fallback chains (in chain order), conditions, sources,
 * env sources, and SARIF's rules (by id, as `ruleIndex` refers to them).
 */

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File, then start and end offsets. */
export function byPlace<T extends { file: string; range: TextRange }>(a: T, b: T): number {
  return compareText(a.file, b.file) || a.range.start - b.range.start || a.range.end - b.range.end;
}

export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  const sources = (e: Endpoint): string => (e.env ?? []).map((x) => `${x.file}:${x.line}`).join('\n');
  return byPlace(a, b) || compareText(a.provider ?? '', b.provider ?? '') || compareText(a.host ?? '', b.host ?? '') || compareText(a.region ?? '', b.region ?? '')
    || compareText(a.via, b.via) || compareText(a.model ?? '', b.model ?? '') || compareText(a.sdk ?? '', b.sdk ?? '') || compareText(sources(a), sources(b));
}

export function compareNotes(a: ScanNote, b: ScanNote): number {
  return compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.kind, b.kind) || compareText(a.message, b.message);
}

/** Findings in report order, each with its related locations and fix edits in order (copies: the engine's objects stay as they are). */
export function inReportOrder(findings: Finding[], pos: Positions): Finding[] {
  const keyOf = (r: RelatedLocation): { file: string; line: number; message: string } => ({ file: r.file, line: relatedLine(pos, r), message: r.message });
  const relatedKey = new Map<Finding, string>();
  const ordered = findings.map((f): Finding => {
    const related = f.related?.map((r) => ({ r, k: keyOf(r) })).sort((a, b) => compareText(a.k.file, b.k.file) || a.k.line - b.k.line || compareText(a.k.message, b.k.message));
    const copy: Finding = {
      ...f,
      fixes: f.fixes.map((fix) => ({ ...fix, edits: [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.newText, b.newText)) })),
      ...(related ? { related: related.map((x) => x.r) } : {}),
    };
    relatedKey.set(copy, (related ?? []).map((x) => `${x.k.file}:${x.k.line}:${x.k.message}`).join('\n'));
    return copy;
  });
  return ordered.sort((a, b) => byPlace(a, b) || compareText(a.ruleId, b.ruleId) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareText(a.message, b.message)
    || compareText(a.provider ?? '', b.provider ?? '') || Number(!!a.suppression) - Number(!!b.suppression) || compareText(relatedKey.get(a)!, relatedKey.get(b)!));
}

/** What fails a run besides the policy's failOn: --max-warnings (undefined: no limit). */
export interface RunGate {
  maxWarnings?: number;
}

/** Whether the unwaived warnings are more than --max-warnings allows (ESLint's rule: more than N fails). */
export function tooManyWarnings(report: ScanReport, gate: RunGate = {}): boolean {
  return gate.maxWarnings !== undefined && warningCount(report) > gate.maxWarnings;
}

export function warningCount(report: ScanReport): number {
  return activeFindings(report).filter((f) => f.severity === 'warning').length;
}

/**
 * Whether a finding fails the run: unwaived and at or above the policy's failOn severity, or a
 * warning when there are more than --max-warnings of them.
 */
export function failsRun(report: ScanReport, gate: RunGate = {}): (f: Finding) => boolean {
  const threshold = SEVERITY_RANK[report.policy?.failOn ?? 'error'];
  const warningsFail = tooManyWarnings(report, gate);
  return (f) => !f.suppression && (SEVERITY_RANK[f.severity] >= threshold || (warningsFail && f.severity === 'warning'));
}

/** The exit code: 1 when a finding fails the run (failsRun), else 0. */
export function exitCodeOf(report: ScanReport, gate: RunGate = {}): number {
  return report.findings.some(failsRun(report, gate)) ? 1 : 0;
}

/**
 * --quiet: the findings that fail the run, and no others (waived ones, those below failOn).
 * Endpoints and notes stay: the endpoint inventory is a contract of the JSON output.
 */
export function failingOnly(report: ScanReport, gate: RunGate = {}): ScanReport {
  return { ...report, findings: report.findings.filter(failsRun(report, gate)) };
}

/**
 * The part of a complete analysis that concerns some files (`scan --workspace DIR FILE...`,
 * `--changed-since`): the whole workspace was analysed, so values, settings and the policy
 * came from every file, and this keeps what the given paths (report paths: files, or folders
 * for everything under them) answer for. Fails closed: a finding stays when any file it
 * involves is given: its own file, the code that reads its setting (one finding per problem
 * sits at the setting, with the readers' endpoints), the config lines its endpoints' values
 * came from, and its related lines. Notes (and LLMC008) stay for a given file or a folder
 * that holds one. Giving the policy file gives everything: it decides every verdict.
 */
export function reportFor(report: ScanReport, paths: string[], policyFile?: string): ScanReport {
  const exact = new Set(paths);
  // '.' is the working directory: every report path that does not climb out of it.
  const everything = exact.has('.');
  // Set lookups on a file's folders, not a scan of every path per file: pre-commit passes thousands.
  const given = (file: string): boolean => (everything && !file.startsWith('../') && !file.startsWith('/'))
    || exact.has(file) || folders(file).some((d) => exact.has(d));
  const scope = { paths, workspaceFilesScanned: report.filesScanned };
  // The policy decides every verdict; a file that sets values for others (a .env, compose,
  // Kubernetes, Terraform, package.json) can change findings in files that no longer name it
  // (a value taken out falls back to a default elsewhere): either gives everything.
  // Paths themselves too: a deleted file (--changed-since) is in no list of files scanned.
  if ((policyFile !== undefined && given(policyFile)) || paths.some(setsValuesForOthers) || (report.files ?? []).some((file) => given(file) && setsValuesForOthers(file))) return { ...report, scope };
  // A note on a folder (unreadable, say) that holds a given file speaks for it too.
  const holders = new Set(paths.flatMap(folders));
  const concerns = (file: string): boolean => given(file) || holders.has(file);
  // Where an endpoint could not be determined (LLMC003), it may hang on any file: a module that
  // lost the constant it imported names nothing any more.
  const involves = (f: Finding): boolean => concerns(f.file) || (paths.length > 0 && f.ruleId === UNDETERMINED)
    || endpointsJudgedBy(f).some((e) => given(e.file) || (e.env ?? []).some((x) => given(x.file)))
    || (f.related ?? []).some((r) => given(r.file));
  const notes = report.notes.filter((n) => concerns(n.file));
  const unread = new Set(notes.filter((n) => n.kind === 'unreadable' || n.kind === 'skipped-too-large').map((n) => n.file));
  return {
    ...report,
    endpoints: report.endpoints.filter((e) => given(e.file)),
    findings: report.findings.filter(involves),
    notes,
    filesScanned: (report.files ?? []).filter((file) => given(file) && !unread.has(file)).length,
    scope,
  };
}

const UNDETERMINED = 'LLMC003';

/** Every scanned file but code (notebooks and Prompty files are code too) may set values other files read. */
function setsValuesForOthers(file: string): boolean {
  const kind = formatOf(file)?.kind;
  return kind !== undefined && kind !== 'code' && kind !== 'notebook' && kind !== 'prompty';
}

/** The folders holding a report path, nearest last: `a/b/c.py` → `a`, `a/b`. */
function folders(file: string): string[] {
  const out: string[] = [];
  for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) out.push(file.slice(0, i));
  return out;
}

/** Findings no waiver accepts. */
export function activeFindings(report: ScanReport): Finding[] {
  return report.findings.filter((f) => !f.suppression);
}

/** How many files have a part that was not fully analysed (each has a note, and under a policy an LLMC008 finding). */
export function filesNotFullyAnalysed(report: ScanReport): number {
  return new Set(report.notes.map((n) => n.file)).size;
}

/** The line of a related location (given by offsets or by line). */
export function relatedLine(pos: Positions, r: RelatedLocation): number {
  return r.range ? pos.region(r.file, r.range).line : (r.line ?? 1);
}

export function toJson(report: ScanReport): unknown {
  const pos = new Positions(report.texts);
  const fixJson = (file: string, fix: Fix): unknown => ({
    title: fix.title,
    isPreferred: fix.isPreferred ?? false,
    edits: fix.edits.map((e) => ({ ...pos.region(file, e), newText: e.newText })),
  });
  return {
    endpoints: report.endpoints.map((e) => {
      const r = pos.region(e.file, e.range);
      return {
        file: e.file,
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        endColumn: r.endColumn,
        provider: e.provider,
        host: e.host,
        region: e.region,
        euResident: e.euResident,
        baaAvailable: e.baaAvailable,
        // Why a BAA the provider offers does not (or may not) cover this use: a feature its BAA leaves out.
        ...(e.baaExclusion ? { baaReason: e.baaExclusion.reason } : {}),
        // ISO 3166 codes, 'worldwide', 'self', or null: what residency zones are judged on.
        countries: endpointCountries(e),
        via: e.via,
        // The provider is only the SDK's: the URL it is sent to is not known.
        ...(e.assumedProvider ? { assumedProvider: true } : {}),
        // A known vendor's LLM API that is no catalog provider (provider is null).
        ...(e.vendor ? { vendor: e.vendor } : {}),
        ...(e.sdk ? { sdk: e.sdk } : {}),
        ...(e.model ? { model: e.model } : {}),
        ...(e.unknown ? { unknown: e.unknown } : {}),
        ...(e.conditions.length ? { conditions: e.conditions } : {}),
        ...(e.env?.length ? { env: e.env.map((x) => ({ ...x, value: shownValue(x.value) })) } : {}),
        ...(e.fallbacks?.length
          ? { fallbacks: e.fallbacks.map((f) => ({ line: pos.region(f.endpoint.file, f.endpoint.range).line, provider: f.endpoint.provider, host: f.endpoint.host, region: f.endpoint.region, via: f.via })) }
          : {}),
      };
    }),
    findings: report.findings.map((f) => {
      const r = pos.region(f.file, f.range);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        file: f.file,
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        endColumn: r.endColumn,
        provider: f.provider,
        message: f.message,
        requirement: f.requirement,
        // The long form the message leaves out: what would pass, and the facts behind the verdict.
        remedy: f.remedy,
        details: f.details,
        fixes: f.fixes.map((x) => fixJson(f.file, x)),
        sources: [...new Set(f.sources.map((s) => s.url))],
        ...(f.related?.length ? { related: f.related.map((r) => ({ file: r.file, line: relatedLine(pos, r), message: r.message })) } : {}),
        ...(f.suppression ? { suppressed: f.suppression } : {}),
      };
    }),
    notes: report.notes.map((n) => ({ kind: n.kind, file: n.file, ...(n.line ? { line: n.line } : {}), message: n.message })),
    summary: {
      filesScanned: report.filesScanned,
      endpoints: report.endpoints.length,
      findings: activeFindings(report).length,
      suppressed: report.findings.length - activeFindings(report).length,
      notFullyAnalysed: filesNotFullyAnalysed(report),
      policy: report.policy?.source ?? null,
      // `scan --workspace DIR FILE...`: the paths reported on, and how many files were read for context.
      ...(report.scope ? { scope: report.scope } : {}),
    },
  };
}
