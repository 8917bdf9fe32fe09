// Runs the engine over files on disk. Used by the CLI, the benchmark and the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, tooLargeNote } from '../core/engine';
import type { Endpoint, ScanNote } from '../core/model';
import { emptyPolicy, parsePolicy, POLICY_FILE_NAMES, type Policy } from '../core/policy/policy';
import type { ScanReport } from './report';
import { walk, type WalkProblem } from './walk';

export interface ScanOptions {
  /** Policy file given on the command line; otherwise looked up at the first scanned folder. */
  policyFile?: string;
  cwd?: string;
  engine?: Engine;
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

export function scan(paths: string[], options: ScanOptions = {}): ScanReport {
  const cwd = options.cwd ?? process.cwd();
  const roots = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  for (const root of roots) {
    if (!fs.existsSync(root)) throw new UsageError(`path not found: ${relative(cwd, root) || root}`);
  }
  const { policy, file: policyFile } = findPolicy(roots, options.policyFile, cwd);
  const engine = options.engine ?? new Engine();
  const endpoints: Endpoint[] = [];
  const notes: ScanNote[] = [];
  const texts = new Map<string, string>();
  const problems: WalkProblem[] = [];
  const policyIgnore = policyFile && policy.ignore.length ? { base: path.dirname(policyFile), patterns: policy.ignore } : undefined;
  const maxFileSize = policy.maxFileSizeKb * 1024;
  const seen = new Set<string>();
  let filesScanned = 0;
  for (const root of roots) {
    for (const file of walk(root, policyIgnore, problems)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const rel = relative(cwd, file);
      const bytes = readFile(file, maxFileSize, rel, notes);
      if (!bytes) continue;
      filesScanned++;
      const result = engine.analyze(rel, bytes, { maxFileSize });
      endpoints.push(...result.endpoints);
      notes.push(...result.notes);
      if (result.text !== undefined) texts.set(rel, result.text);
    }
  }
  for (const p of problems) notes.push({ kind: 'unreadable', file: relative(cwd, p.file), message: p.message });
  const findings = engine.evaluate(endpoints, policy);
  return { endpoints, findings, notes, filesScanned, policy: policyFile ? policy : policy.require.length ? policy : null, texts };
}

/** Reads a file; too-large files are reported without reading them whole. */
function readFile(file: string, maxFileSize: number, rel: string, notes: ScanNote[]): Uint8Array | undefined {
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) {
      notes.push(tooLargeNote(rel, size, maxFileSize));
      return undefined;
    }
    return fs.readFileSync(file);
  } catch (err) {
    notes.push({ kind: 'unreadable', file: rel, message: `not readable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
}

export function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

export class UsageError extends Error {}
