// Runs the engine over files on disk. Used by the CLI, the benchmark and the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, decodePolicy, emptyPolicy, Engine, internalError, MAX_POLICY_FILE_BYTES, nearestPolicy, parsePolicy, type Policy, PolicyError, POLICY_FILE_NAMES, type WorkspaceSource } from '../core';
import { compareEndpoints, compareNotes, inReportOrder, Positions, type ScanReport } from './report';
import { readForScan, readRegularFile, type ReadResult } from './read-file';
import { analyzeInWorkers, type FileJob } from './workers';
import { problemNote, walk, type WalkProblem } from './walk';

export interface ScanOptions {
  /** Policy file given on the command line; otherwise looked up at the first scanned folder. */
  policyFile?: string;
  cwd?: string;
  /** The bundled script to start worker threads from; without it the scan runs in this thread. */
  workerScript?: string;
  /** YYYY-MM-DD for waiver expiry (tests); defaults to today in UTC. */
  today?: string;
  /** The engine to scan with in this thread (tests inject faults through it); the shared one otherwise. */
  engine?: Engine;
}

/** Finds the policy for a scan: the given file, or the nearest one at or above the first scanned folder (up to the repository root). */
export async function findPolicy(roots: string[], given: string | undefined, cwd: string): Promise<{ policy: Policy; file?: string }> {
  const load = (file: string): Policy => {
    const shown = relative(cwd, file);
    return parsePolicy(shown, decodePolicy(shown, readPolicyFile(file, shown)));
  };
  if (given) {
    // Named by the user: said back as they typed it.
    const stat = fs.statSync(path.resolve(cwd, given), { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`policy file not found: ${given}`, false);
    if (stat.isDirectory()) throw new UsageError(`--policy ${given} is a folder; give the policy file (${POLICY_FILE_NAMES.join(', ')})`, false);
    return { policy: load(path.resolve(cwd, given)), file: path.resolve(cwd, given) };
  }
  const first = roots[0]!;
  const found = await nearestPolicy(fs.statSync(first).isDirectory() ? first : path.dirname(first), {
    parent: (dir) => (path.dirname(dir) === dir ? undefined : path.dirname(dir)),
    // lstat: a policy that is there but unreadable (a broken link, a directory) is an error, never "no policy".
    has: (dir, name) => fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined,
  });
  if (!found) return { policy: emptyPolicy() };
  const file = path.join(found.folder, found.name);
  return { policy: load(file), file };
}

/** A policy file's bytes: a regular file only (a link is followed), never read past the size cap. */
function readPolicyFile(file: string, shown: string): Uint8Array {
  const refuse = (reason: string): PolicyError => new PolicyError([{ file: shown, line: 1, column: 1, message: `cannot be read: ${reason}` }]);
  let read: ReadResult;
  try {
    read = readRegularFile(file, MAX_POLICY_FILE_BYTES);
  } catch (err) {
    throw refuse(systemReason(err));
  }
  if ('notRegular' in read) throw refuse(`it is ${read.notRegular}, not a regular file`);
  if ('tooLarge' in read) throw new PolicyError([{ file: shown, line: 1, column: 1, message: `larger than ${MAX_POLICY_FILE_BYTES / 1024} KiB; a policy is a short file` }]);
  return read.bytes;
}

export function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'it does not exist (or is a link to nothing)', EACCES: 'permission denied', EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links', EISDIR: 'it is a directory, not a regular file', EAGAIN: 'it is not a regular file (reading would block)',
  };
  return (code && reasons[code]) ?? (err instanceof Error ? err.message : String(err));
}

export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  const typed = paths.length ? paths : ['.'];
  const roots = typed.map((p) => path.resolve(cwd, p));
  // Said back as the user typed it: an absolute path stays absolute.
  const missing = typed.find((p, i) => !fs.existsSync(roots[i]!));
  if (missing !== undefined) throw new UsageError(`path not found: ${missing}`, false);
  const { policy, file: policyFile } = await findPolicy(roots, options.policyFile, cwd);
  const problems: WalkProblem[] = [];
  const policyIgnore = policyFile && policy.ignore.length ? { base: path.dirname(policyFile), patterns: policy.ignore } : undefined;
  const jobs = new Map<string, FileJob>();
  for (const root of roots) {
    for (const file of walk(root, policyIgnore, problems, roots)) {
      const rel = relative(cwd, file);
      if (!jobs.has(rel)) jobs.set(rel, { abs: file, rel });
    }
  }
  const engine = options.engine ?? theEngine();
  const maxFileSize = policy.maxFileSizeKb * 1024;
  const { workerScript } = options;
  // The core runs the passes (core/workspace.ts); this host lists, reads, and may lend threads.
  const source: WorkspaceSource = {
    files: [...jobs.keys()],
    read: (rel, limit) => {
      try {
        engine.checkpoint('read', rel);
      } catch (err) {
        return internalError(rel, 'reading the file', err);
      }
      return readForScan(jobs.get(rel)!.abs, rel, limit, maxFileSize);
    },
    // On worker threads when the scan is large enough and cores allow (not with a test's engine).
    ...(workerScript && !options.engine
      ? { analyzeFirst: (files, max, wanted) => analyzeInWorkers(workerScript, files.map((rel) => jobs.get(rel)!), max, wanted) }
      : {}),
  };
  const policyDir = policyFile ? path.dirname(policyFile) : cwd;
  const analysis = await analyzeWorkspace(engine, policy, source, {
    folderNotes: problems.map((p) => problemNote(p, relative(cwd, p.file))),
    pathForPolicy: (file) => path.relative(policyDir, path.resolve(cwd, file)).split(path.sep).join('/'),
    ...(options.today ? { today: () => options.today! } : {}),
  });
  const positions = new Positions(analysis.texts);
  return {
    endpoints: analysis.endpoints.sort(compareEndpoints),
    findings: inReportOrder(analysis.findings, positions),
    notes: analysis.notes.sort(compareNotes),
    filesScanned: analysis.filesScanned,
    policy: policyFile ? policy : null,
    texts: analysis.texts,
  };
}

let sharedEngine: Engine | undefined;
/** One engine per thread: building its catalog index and prefilters takes a few milliseconds. */
function theEngine(): Engine {
  return (sharedEngine ??= new Engine());
}

export function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

export class UsageError extends Error {
  /** Whether to point to --help: not for input that is simply missing (a path, a policy file). */
  constructor(message: string, readonly pointToHelp = true) {
    super(message);
  }
}
