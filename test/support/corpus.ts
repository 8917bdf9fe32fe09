// Precision and recall of the engine over the labelled fixture corpus
// (test/fixtures/corpus/labels.yaml, written independently of the engine).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { LineIndex } from '../../src/core/text';
import { Positions } from '../../src/cli/report';
import { scan } from '../../src/cli/scan';

export const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
export const HOLDOUT = path.join(__dirname, '..', 'fixtures', 'holdout');
export const BLIND = path.join(__dirname, '..', 'fixtures', 'blind');

export interface Label {
  line?: number;
  lines?: number[];
  provider: string;
  host?: string;
  region?: string | null;
}

export interface Miss {
  file: string;
  line: number;
  text: string;
  detail: string;
}

export interface CorpusScore {
  labelled: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  unlabelledFiles: string[];
  byFormat: Map<string, { tp: number; fp: number; fn: number }>;
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full, base));
    else if (e.name !== 'labels.yaml') out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

export function scoreCorpus(dir = CORPUS, engine = new Engine()): CorpusScore {
  const labels = parse(fs.readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as Record<string, Label[] | null>;
  const score = emptyScore();
  for (const file of listFiles(dir)) {
    if (!(file in labels)) score.unlabelledFiles.push(file);
    const bytes = fs.readFileSync(path.join(dir, file));
    scoreFile(score, file, labels[file] ?? [], engine.analyze(file, bytes).endpoints, bytes.toString('utf8'));
  }
  return finish(score);
}

export const WORKSPACES = path.join(__dirname, '..', 'fixtures', 'workspaces');
/** The day the workspaces' waivers are judged on, so that the labels do not expire. */
export const WORKSPACES_DATE = '2026-11-27';

export interface WorkspaceScore extends CorpusScore {
  /** Findings ("RULE LINE", " waived") that differ from the labels, per file. */
  unexpectedFindings: string[];
  missingFindings: string[];
  findings: number;
}

/**
 * Each top-level folder of test/fixtures/workspaces scanned as one workspace (its env
 * files, Terraform and policy), as the CLI does: endpoints scored like the corpora,
 * findings (with waivers) compared exactly.
 */
export async function scoreWorkspaces(dir = WORKSPACES): Promise<WorkspaceScore> {
  const labels = parse(fs.readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as { endpoints: Record<string, Label[] | null>; findings: Record<string, string[]> };
  const score: WorkspaceScore = { ...emptyScore(), unexpectedFindings: [], missingFindings: [], findings: 0 };
  const found = new Map<string, Endpoint[]>();
  const findings = new Map<string, string[]>();
  for (const folder of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const report = await scan([folder], { cwd: dir, today: WORKSPACES_DATE });
    for (const e of report.endpoints) found.set(e.file, [...(found.get(e.file) ?? []), e]);
    const pos = new Positions(report.texts);
    for (const f of report.findings) findings.set(f.file, [...(findings.get(f.file) ?? []), `${f.ruleId} ${pos.region(f.file, f.range).line}${f.suppression ? ' waived' : ''}`]);
  }
  for (const file of listFiles(dir).filter((f) => !f.endsWith('.llm-compliance.yaml'))) {
    if (!(file in labels.endpoints)) score.unlabelledFiles.push(file);
    scoreFile(score, file, labels.endpoints[file] ?? [], found.get(file) ?? [], fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  for (const file of new Set([...Object.keys(labels.findings), ...findings.keys()])) {
    const expected = [...(labels.findings[file] ?? [])];
    const actual = [...(findings.get(file) ?? [])];
    score.findings += expected.length;
    for (const f of actual) {
      const i = expected.indexOf(f);
      if (i >= 0) expected.splice(i, 1);
      else score.unexpectedFindings.push(`${file}: ${f}`);
    }
    for (const f of expected) score.missingFindings.push(`${file}: ${f}`);
  }
  return { ...finish(score), unexpectedFindings: score.unexpectedFindings, missingFindings: score.missingFindings, findings: score.findings };
}

function emptyScore(): CorpusScore {
  return {
    labelled: 0, found: 0, truePositives: 0, precision: 0, recall: 0,
    falsePositives: [], falseNegatives: [], unlabelledFiles: [], byFormat: new Map(),
  };
}

function finish<T extends CorpusScore>(score: T): T {
  score.precision = score.found ? score.truePositives / score.found : 1;
  score.recall = score.labelled ? score.truePositives / score.labelled : 1;
  return score;
}

/** Matches one file's endpoints against its labels. */
function scoreFile(score: CorpusScore, file: string, labels: Label[], found: Endpoint[], text: string): void {
  const expected = [...labels];
  const lineIndex = new LineIndex(text);
  const lineText = (n: number): string => lineIndex.lineText(n).trim();
  const fmt = file.split('/')[0]!;
  const bucket = score.byFormat.get(fmt) ?? { tp: 0, fp: 0, fn: 0 };
  score.byFormat.set(fmt, bucket);
  score.labelled += expected.length;
  score.found += found.length;
  const unmatched = new Set(expected.map((_, i) => i));
  for (const e of found) {
    const line = lineIndex.position(e.range.start).line;
    const i = [...unmatched].find((k) => matches(expected[k]!, e, line));
    if (i !== undefined) {
      unmatched.delete(i);
      score.truePositives++;
      bucket.tp++;
    } else {
      bucket.fp++;
      const near = expected.find((l) => (l.lines ?? [l.line]).includes(line));
      score.falsePositives.push({ file, line, text: lineText(line), detail: `${describe(e)}${near ? `; label says ${JSON.stringify(near)}` : ''}` });
    }
  }
  for (const i of unmatched) {
    const l = expected[i]!;
    const line = l.line ?? l.lines?.[0] ?? 0;
    bucket.fn++;
    score.falseNegatives.push({ file, line, text: lineText(line), detail: `expected ${JSON.stringify(l)}` });
  }
}

function matches(label: Label, e: Endpoint, line: number): boolean {
  if (!(label.lines ?? [label.line]).includes(line)) return false;
  if (label.provider !== e.provider) return false;
  if (label.host !== undefined && label.host !== e.host) return false;
  if (label.region !== undefined && label.region !== e.region) return false;
  return true;
}

function describe(e: Endpoint): string {
  return `found ${e.provider} host=${e.host} region=${e.region} (${e.via})`;
}
