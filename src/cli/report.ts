// The result of a CLI scan, and its JSON form (a contract: see DESIGN.md).

import { SEVERITY_RANK, type Endpoint, type Finding, type Fix, type RelatedLocation, type ScanNote, type TextRange } from '../core/model';
import type { Policy } from '../core/policy/policy';
import { LineIndex } from '../core/text';

export interface ScanReport {
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  filesScanned: number;
  policy: Policy | null;
  /** Decoded text of files with endpoints, by the file path used in the report. */
  texts: Map<string, string>;
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


/** The exit code: 1 when an unwaived finding is at or above the policy's failing severity. */
export function exitCodeOf(report: ScanReport): number {
  const threshold = SEVERITY_RANK[report.policy?.failOn ?? 'error'];
  return activeFindings(report).some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
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
        via: e.via,
        ...(e.sdk ? { sdk: e.sdk } : {}),
        ...(e.model ? { model: e.model } : {}),
        ...(e.unknown ? { unknown: e.unknown } : {}),
        ...(e.conditions.length ? { conditions: e.conditions } : {}),
        ...(e.env?.length ? { env: e.env } : {}),
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
    },
  };
}
