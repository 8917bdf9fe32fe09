// Precision and recall of the engine over the labelled fixture corpus
// (test/fixtures/corpus/labels.yaml, written independently of the engine).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { LineIndex } from '../../src/core/text';

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
  const files = listFiles(dir);
  const score: CorpusScore = {
    labelled: 0, found: 0, truePositives: 0, precision: 0, recall: 0,
    falsePositives: [], falseNegatives: [], unlabelledFiles: [], byFormat: new Map(),
  };
  for (const file of files) {
    if (!(file in labels)) score.unlabelledFiles.push(file);
    const expected = [...(labels[file] ?? [])];
    const bytes = fs.readFileSync(path.join(dir, file));
    const text = bytes.toString('utf8');
    const lineIndex = new LineIndex(text);
    const lineText = (n: number): string => (text.split('\n')[n - 1] ?? '').trim();
    const found = engine.analyze(file, bytes).endpoints;
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
  score.precision = score.found ? score.truePositives / score.found : 1;
  score.recall = score.labelled ? score.truePositives / score.labelled : 1;
  return score;
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
