// `--format gitlab`: GitLab's Code Quality report (`artifacts: reports: codequality:`), which the
// merge request widget and changes view read. GitLab's "Code Quality" page
// (https://docs.gitlab.com/ci/testing/code_quality/) documents the subset of the Code Climate
// format it reads: an array of issues, each with description, check_name, fingerprint, severity
// (info, minor, major, critical or blocker) and location.path with location.lines.begin.

import type { Severity } from '../../core';
import { Positions, type ScanReport } from '../report';
import { findingFingerprints } from './fingerprint';

/** As ESLint's and Ruff's GitLab formats rank theirs: errors above warnings, notes as information. */
const CODE_QUALITY_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', note: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor' | 'info';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Every unwaived finding as a Code Quality issue (GitLab has no notion of an accepted risk: a
 * waived finding would show as an open issue). Paths are the report's, relative to the working
 * directory: run the scan from the repository's root, as GitLab resolves them from there.
 */
export function toCodeQuality(report: ScanReport): CodeQualityIssue[] {
  const pos = new Positions(report.texts);
  const fingerprintOf = findingFingerprints(pos);
  // Every finding takes its id in report order, waived ones too, so ids agree with the SARIF output's.
  const issues = report.findings.map((f) => ({ f, fingerprint: fingerprintOf(f) }));
  const findings = issues.filter(({ f }) => !f.suppression).map(({ f, fingerprint }): CodeQualityIssue => {
    const r = pos.region(f.file, f.range);
    return {
      description: `${f.ruleId} ${f.message}`,
      check_name: f.ruleId,
      fingerprint,
      severity: CODE_QUALITY_SEVERITY[f.severity],
      location: { path: f.file, lines: { begin: r.line, end: r.endLine } },
    };
  });
  // A file not fully analysed is never silently clean: under a policy it is an LLMC008 finding
  // already, without one it is said here.
  const asFinding = new Set(report.findings.filter((f) => f.ruleId === NOT_ANALYSED).map((f) => f.file));
  const seen = new Map<string, number>();
  const notes = report.notes.filter((n) => !asFinding.has(n.file)).map((n): CodeQualityIssue => {
    const id = `note:${n.kind}:${n.file}:${n.line ?? 0}`;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return {
      description: `${NOT_ANALYSED} ${n.message}. An LLM endpoint here could go unchecked.`,
      check_name: NOT_ANALYSED,
      fingerprint: count === 1 ? id : `${id}:${count}`,
      severity: 'minor',
      location: { path: n.file, lines: { begin: n.line ?? 1, end: n.line ?? 1 } },
    };
  });
  return [...findings, ...notes];
}

const NOT_ANALYSED = 'LLMC008';
