// Precision, recall and EU/BAA attribute accuracy on slices of real public repositories,
// labelled by hand before the tool was run on them (docs/accuracy/real/). The code itself
// is not in this project: each label file names a repository and commit, and the slice is
// read from a local git snapshot of it (LLMC_MIRROR, default /work/.mirror/<owner>+<name>/repo).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

export const REAL_SETS = path.join(__dirname, '..', '..', 'docs', 'accuracy', 'real');
export const MIRROR = process.env.LLMC_MIRROR ?? '/work/.mirror';

export interface RealLabel {
  line?: number;
  lines?: number[];
  provider: string | null;
  host?: string | null;
  region?: string | null;
  eu?: boolean | null;
  baa?: boolean | null;
  note?: string;
}

interface RealFileLabels {
  endpoints?: RealLabel[];
  quiet?: { line: number; why: string }[];
}

export interface RealRepoLabels {
  repo: string;
  commit: string;
  slice: string[];
  files: Record<string, RealFileLabels | null>;
}

/** One endpoint as the CLI's JSON prints it. */
interface Reported {
  file: string;
  line: number;
  provider: string | null;
  host: string | null;
  region: string | null;
  euResident: boolean | null;
  baaAvailable: boolean | null;
  via: string;
}

export interface RealScore {
  labelled: number;
  quietPlaces: number;
  quietKept: number;
  found: number;
  truePositives: number;
  attributesLabelled: number;
  attributesRight: number;
  lines: string[];
}

export function emptyRealScore(): RealScore {
  return { labelled: 0, quietPlaces: 0, quietKept: 0, found: 0, truePositives: 0, attributesLabelled: 0, attributesRight: 0, lines: [] };
}

export function addScore(into: RealScore, s: RealScore): void {
  into.labelled += s.labelled;
  into.quietPlaces += s.quietPlaces;
  into.quietKept += s.quietKept;
  into.found += s.found;
  into.truePositives += s.truePositives;
  into.attributesLabelled += s.attributesLabelled;
  into.attributesRight += s.attributesRight;
  into.lines.push(...s.lines);
}

export const precision = (s: RealScore): number => (s.found ? s.truePositives / s.found : 1);
export const recall = (s: RealScore): number => (s.labelled ? s.truePositives / s.labelled : 1);
export const attributeAccuracy = (s: RealScore): number => (s.attributesLabelled ? s.attributesRight / s.attributesLabelled : 1);

/** The label sets: each subfolder of docs/accuracy/real is a set, each YAML in it one repository. */
export function realSets(dir = REAL_SETS): { name: string; repos: RealRepoLabels[] }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      repos: fs.readdirSync(path.join(dir, name)).filter((f) => f.endsWith('.yaml')).sort()
        .map((f) => parse(fs.readFileSync(path.join(dir, name, f), 'utf8')) as RealRepoLabels),
    }));
}

export function snapshotOf(repo: string): string {
  return path.join(MIRROR, repo.replace('/', '+'), 'repo');
}

export function haveSnapshot(repo: RealRepoLabels): boolean {
  try {
    execFileSync('git', ['--git-dir', snapshotOf(repo.repo), 'cat-file', '-e', `${repo.commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes the slice's files, as they are at the labelled commit, into a fresh folder. */
export function materialise(repo: RealRepoLabels): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-real-'));
  for (const file of repo.slice) {
    const bytes = execFileSync('git', ['--git-dir', snapshotOf(repo.repo), 'show', `${repo.commit}:${file}`], { maxBuffer: 256 * 1024 * 1024 });
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
  }
  return dir;
}

/** Runs the built CLI over one materialised slice and scores it against its labels. */
export function scoreRepo(repo: RealRepoLabels, cli: string): RealScore {
  const dir = materialise(repo);
  try {
    let out: string;
    try {
      out = execFileSync(process.execPath, [cli, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    } catch (err) {
      // Exit code 1 (findings) still prints the report.
      out = (err as { stdout?: string }).stdout ?? '';
      if (!out) throw err;
    }
    const reported = (JSON.parse(out) as { endpoints: Reported[] }).endpoints;
    return scoreReported(repo, reported);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function scoreReported(repo: RealRepoLabels, reported: Reported[]): RealScore {
  const s = emptyRealScore();
  const inSlice = new Set(repo.slice);
  const where = (file: string, line: number): string => `${repo.repo}:${file}:${line}`;
  for (const file of repo.slice) {
    const labels = repo.files[file] ?? {};
    const expected = [...(labels.endpoints ?? [])];
    const found = reported.filter((e) => e.file === file);
    s.labelled += expected.length;
    s.found += found.length;
    const unmatched = new Set(expected.map((_, i) => i));
    for (const e of found) {
      const i = [...unmatched].find((k) => matches(expected[k]!, e));
      if (i === undefined) {
        const near = expected.find((l) => spans(l, e.line));
        s.lines.push(`FP ${where(file, e.line)}  ${describe(e)}${near ? `; label says ${JSON.stringify(near)}` : ''}`);
        continue;
      }
      unmatched.delete(i);
      s.truePositives++;
      const label = expected[i]!;
      for (const [attr, want, got] of [['eu', label.eu, e.euResident], ['baa', label.baa, e.baaAvailable]] as const) {
        if (want === undefined) continue;
        s.attributesLabelled++;
        if (want === got) s.attributesRight++;
        else s.lines.push(`ATTR ${where(file, e.line)}  ${attr} expected ${want}, got ${got}  (${describe(e)})`);
      }
    }
    for (const i of unmatched) {
      const l = expected[i]!;
      s.lines.push(`FN ${where(file, l.line ?? l.lines?.[0] ?? 0)}  expected ${JSON.stringify(l)}`);
    }
    for (const q of labels.quiet ?? []) {
      s.quietPlaces++;
      if (!found.some((e) => e.line === q.line)) s.quietKept++;
    }
  }
  for (const e of reported.filter((r) => !inSlice.has(r.file))) s.lines.push(`NOTE ${where(e.file, e.line)} outside the slice: ${describe(e)}`);
  return s;
}

/**
 * `lines: [a, b]` marks a use that spans several lines (a multi-line call): any line from
 * the first to the last is right. Hosts are compared without a port (the engine reports
 * the host name, some labels wrote `localhost:11434`) and loopback names are one host.
 */
function matches(label: RealLabel, e: Reported): boolean {
  if (!spans(label, e.line)) return false;
  if (label.provider !== e.provider) return false;
  if (label.host !== undefined && hostName(label.host) !== hostName(e.host)) return false;
  if (label.region !== undefined && label.region !== e.region) return false;
  return true;
}

/** The host without a port; the loopback names are one host (labels wrote `localhost` where SDK docs say 127.0.0.1). */
function spans(label: RealLabel, line: number): boolean {
  const lines = label.lines ?? [label.line!];
  return line >= Math.min(...lines) && line <= Math.max(...lines);
}

function hostName(host: string | null): string | null {
  if (host === null) return null;
  const name = host.replace(/:\d+$/, '');
  return name === '127.0.0.1' || name === '[::1]' ? 'localhost' : name;
}

function describe(e: Reported): string {
  return `found ${e.provider} host=${e.host} region=${e.region} eu=${e.euResident} baa=${e.baaAvailable} (${e.via})`;
}

export function summary(name: string, s: RealScore): string {
  const f = (x: number): string => x.toFixed(3);
  return `${name}: ${s.labelled} endpoint uses and ${s.quietPlaces} quiet places labelled; ${s.found} found, ${s.truePositives} right; ` +
    `precision ${f(precision(s))}  recall ${f(recall(s))}  quiet kept ${s.quietKept}/${s.quietPlaces}  EU/BAA ${s.attributesRight}/${s.attributesLabelled} = ${f(attributeAccuracy(s))}`;
}
