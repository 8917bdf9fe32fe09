// Runs the engine over files on disk. Used by the CLI, the benchmark and the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { calleesNeeded, formatOf, placeEnv, wantedCallees, type Engine, type EnvDefinition } from '../core/engine';
import type { ScanNote } from '../core/model';
import { decodePolicy, emptyPolicy, MAX_POLICY_FILE_BYTES, parsePolicy, POLICY_FILE_NAMES, PolicyError, type Policy } from '../core/policy/policy';
import { sortByPlace } from '../core/workspace';
import { byPlace, compareEndpoints, compareNotes, compareText, inReportOrder, Positions, type ScanReport } from './report';
import { analyze, theEngine, type FileJob, type Outcome, type Pass } from './analyze-files';
import { readRegularFile, type ReadResult } from './read-file';
import { walk, type WalkProblem } from './walk';

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

/** Finds the policy for a scan: the given file, or the nearest one at or above the first scanned folder. */
export function findPolicy(roots: string[], given: string | undefined, cwd: string): { policy: Policy; file?: string } {
  const load = (file: string): Policy => {
    const shown = relative(cwd, file);
    return parsePolicy(shown, decodePolicy(shown, readPolicyFile(file, shown)));
  };
  if (given) return { policy: load(path.resolve(cwd, given)), file: path.resolve(cwd, given) };
  // The nearest policy at or above the first scanned folder, up to the repository root.
  const first = roots[0]!;
  for (let dir = fs.statSync(first).isDirectory() ? first : path.dirname(first); ; dir = path.dirname(dir)) {
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // lstat: a policy that is there but unreadable (a broken link, a directory) is an error, never "no policy".
      if (fs.lstatSync(candidate, { throwIfNoEntry: false })) return { policy: load(candidate), file: candidate };
    }
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return { policy: emptyPolicy() };
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

function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'it does not exist (or is a link to nothing)', EACCES: 'permission denied', EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links', EISDIR: 'it is a directory, not a regular file', EAGAIN: 'it is not a regular file (reading would block)',
  };
  return (code && reasons[code]) ?? (err instanceof Error ? err.message : String(err));
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
    for (const file of walk(root, policyIgnore, problems, roots)) {
      if (seen.has(file)) continue;
      seen.add(file);
      jobs.push({ abs: file, rel: relative(cwd, file) });
    }
  }
  // Path order, not the order readdir listed them in: every pass below then runs in the same order everywhere.
  jobs.sort((a, b) => compareText(a.rel, b.rel));
  const maxFileSize = policy.maxFileSizeKb * 1024;
  // Code first, noting the env variables each file's endpoints read; then the config
  // files, also those that only set such a variable; then every file that read a variable
  // (or a Terraform variable) some config file sets, again with the values now known.
  const isCode = (job: FileJob): boolean => { const kind = formatOf(job.rel)?.kind; return kind === 'code' || kind === 'notebook'; };
  const engine = options.engine ?? theEngine();
  const run = (part: FileJob[], pass: Pass): Promise<Outcome> => analyze(part, maxFileSize, pass, options.engine ? undefined : options.workerScript, engine);
  const code = await run(jobs.filter(isCode), {});
  const config = await run(jobs.filter((j) => !isCode(j)), { wanted: [...new Set(code.envReads.flatMap(([, names]) => names))] });
  // Python code that calls a function or class whose parameter decides an endpoint publishes
  // its calls of it (resolve/calls.ts), LLM signal or not: the code that names one is read for them.
  // A caller that passes on a parameter of its own function asks about that function's calls in turn.
  const asked = new Set<string>();
  let calls: EnvDefinition[] = [];
  // A file whose calls could not be read: said, so a parameter never looks decided by the calls that were.
  let callNotes: ScanNote[] = [];
  const definersAsk = wantedCallees(code.envReads.flatMap(([, names]) => names));
  for (let round = 0; round < 4; round++) {
    const fresh = calleesNeeded(definersAsk, calls).filter((n) => !asked.has(n));
    if (!fresh.length) break;
    for (const n of fresh) asked.add(n);
    const callers = await run(jobs.filter((j) => /\.(?:py|ipynb)$/i.test(j.rel)), { wanted: fresh, onlyWanted: true, callsOf: [...asked].sort() });
    // A file read again, with more names, replaces what it published before.
    const again = new Set(callers.analyzed);
    calls = [...calls.filter((d) => !again.has(d.file)), ...callers.env];
    callNotes = [...callNotes.filter((n) => !again.has(n.file)), ...callers.notes.filter((n) => n.kind === 'internal-error')];
  }
  // Values set by config files, and the constants code files export for the modules that import them.
  const values = [...code.env, ...config.env, ...calls];
  const defined = new Set(values.map((d) => d.name));
  const reads = [...code.envReads, ...config.envReads];
  const rerun = new Set(reads.filter(([, names]) => names.some((n) => defined.has(n))).map(([file]) => file));
  // In path order, as the editor's index: which line a value is cited from must not depend on readdir order.
  // Each value reaches the code its file serves (env-scope.ts): where the code is decides.
  const placed = placeEnv(sortByPlace(values), jobs.filter(isCode).map((j) => j.rel), config.envFiles);
  const again = rerun.size ? await run(jobs.filter((j) => rerun.has(j.rel)), { env: placed }) : undefined;
  // Code that read nothing but names a constant another module exports (an LLM URL) may use it
  // without an LLM signal of its own (`fetch(XAI_BASE_URL)`): read it again, with the values.
  const importable = engine.importableNames(code.env);
  const readers = new Set(reads.map(([file]) => file));
  const importers = importable.length
    ? await run(jobs.filter((j) => isCode(j) && !readers.has(j.rel)), { env: placed, wanted: importable, onlyWanted: true })
    : undefined;
  for (const file of importers?.analyzed ?? []) rerun.add(file);
  const later = [again, importers].filter((o): o is Outcome => o !== undefined);
  const first = <T extends { file: string }>(list: T[]): T[] => list.filter((x) => !rerun.has(x.file));
  const all = {
    endpoints: [...first([...code.endpoints, ...config.endpoints]), ...later.flatMap((o) => o.endpoints)],
    notes: [...first([...code.notes, ...config.notes]), ...later.flatMap((o) => o.notes), ...callNotes],
    texts: [...[...code.texts, ...config.texts].filter(([f]) => !rerun.has(f)), ...later.flatMap((o) => o.texts)],
    waivers: [...first([...code.waivers, ...config.waivers]), ...later.flatMap((o) => o.waivers)],
    azureResources: [...first([...code.azureResources, ...config.azureResources]), ...later.flatMap((o) => o.azureResources)],
  };
  // In path order from here on, never in the order the file system listed the files.
  const notes = [
    ...all.notes,
    ...problems.map((p): ScanNote => ({ kind: p.kind ?? 'unreadable', file: relative(cwd, p.file), ...(p.line ? { line: p.line } : {}), message: p.message })),
  ];
  const endpoints = engine.withWorkspaceFacts(all.endpoints.sort(byPlace), sortByPlace(all.azureResources), policy, notes).sort(compareEndpoints);
  const texts = new Map(all.texts);
  // Findings about the policy's own waivers point into the policy file.
  if (policyFile && policy.source && policy.text !== undefined) texts.set(policy.source, policy.text);
  const policyDir = policyFile ? path.dirname(policyFile) : cwd;
  const positions = new Positions(texts);
  const findings = engine.evaluate(endpoints, policy, {
    waivers: all.waivers.sort(byPlace),
    notes,
    lineOf: (file, offset) => positions.region(file, { start: offset, end: offset }).line,
    pathForPolicy: (file) => path.relative(policyDir, path.resolve(cwd, file)).split(path.sep).join('/'),
    ...(options.today ? { today: options.today } : {}),
  });
  return {
    endpoints,
    findings: inReportOrder(findings, positions),
    // Sorted last: judging may add a note of its own.
    notes: notes.sort(compareNotes),
    filesScanned: config.filesScanned + code.filesScanned,
    policy: policyFile ? policy : null,
    texts,
  };
}

export function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

export class UsageError extends Error {}
