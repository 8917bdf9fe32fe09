// Runs the engine over files on disk. Used by the CLI, the benchmark and the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../core/engine';
import type { ScanNote } from '../core/model';
import { emptyPolicy, parsePolicy, POLICY_FILE_NAMES, type Policy } from '../core/policy/policy';
import type { ScanReport } from './report';
import { analyze, analyzeSequential, type FileJob } from './analyze-files';
import { walk, type WalkProblem } from './walk';

export interface ScanOptions {
  /** Policy file given on the command line; otherwise looked up at the first scanned folder. */
  policyFile?: string;
  cwd?: string;
  /** The bundled script to start worker threads from; without it the scan runs in this thread. */
  workerScript?: string;
}

/** Finds the policy for a scan: the given file, or one at the root of the first scanned folder. */
export function findPolicy(roots: string[], given: string | undefined, cwd: string): { policy: Policy; file?: string } {
  const load = (file: string): Policy => {
    const text = fs.readFileSync(file, 'utf8');
    return parsePolicy(relative(cwd, file), text);
  };
  if (given) return { policy: load(path.resolve(cwd, given)), file: path.resolve(cwd, given) };
  for (const root of roots) {
    const dir = fs.statSync(root).isDirectory() ? root : path.dirname(root);
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return { policy: load(candidate), file: candidate };
    }
  }
  return { policy: emptyPolicy() };
}

export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  for (const root of roots) {
    if (!fs.existsSync(root)) throw new UsageError(`path not found: ${relative(cwd, root) || root}`);
  }
  const { policy, file: policyFile } = findPolicy(roots, options.policyFile, cwd);
  const problems: WalkProblem[] = [];
  const policyIgnore = policyFile && policy.ignore.length ? { base: path.dirname(policyFile), patterns: policy.ignore } : undefined;
  const jobs: FileJob[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const file of walk(root, policyIgnore, problems)) {
      if (seen.has(file)) continue;
      seen.add(file);
      jobs.push({ abs: file, rel: relative(cwd, file) });
    }
  }
  const maxFileSize = policy.maxFileSizeKb * 1024;
  const outcome = options.workerScript === undefined ? analyzeSequential(jobs, maxFileSize) : await analyze(jobs, maxFileSize, options.workerScript);
  const notes = [...outcome.notes, ...problems.map((p): ScanNote => ({ kind: 'unreadable', file: relative(cwd, p.file), message: p.message }))];
  const findings = new Engine().evaluate(outcome.endpoints, policy);
  return {
    endpoints: outcome.endpoints,
    findings,
    notes,
    filesScanned: outcome.filesScanned,
    policy: policyFile ? policy : policy.require.length ? policy : null,
    texts: new Map(outcome.texts),
  };
}

export function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

export class UsageError extends Error {}
