// Runs the engine over files on disk (and one file's content from stdin). Used by the CLI, the
// benchmark and the tests.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, decodePolicy, emptyPolicy, Engine, firstAnalyzer, formatOf, type IgnoreLayer, internalError, isExcluded, MAX_POLICY_FILE_BYTES, nearestPolicy, parsePolicy, type Policy, PolicyError, POLICY_FILE_NAMES, readLimit, type ScanNote, todayUtc, tooLargeNote, visibleControls, type WorkspaceAnalysis, type WorkspaceSource } from '../core';
import { ScanCache } from './cache';
import { RunLog } from './last-run';
import { compareEndpoints, compareNotes, inReportOrder, Positions, reportFor, type ScanReport } from './report';
import { readForScan } from './read-file';
import { readRegularFile, type ReadResult } from './regular-file';
import { analyzeInWorkers, type FileJob } from './workers';
import { problemNote, walk, type WalkProblem } from './walk';
import { changedSince } from './git';
import { UsageError } from './usage-error';
import { holdYoungGeneration } from './young-generation';

export interface ScanOptions {
  /** Policy file given on the command line; otherwise looked up at the first scanned folder. */
  policyFile?: string;
  cwd?: string;
  /** The bundled script to start worker threads from; without it the scan runs in this thread. */
  workerScript?: string;
  /** YYYY-MM-DD for waiver expiry (--date, or the day the CLI read once); defaults to today in UTC. */
  today?: string;
  /** The engine to scan with in this thread (tests inject faults through it); the shared one otherwise. */
  engine?: Engine;
  /** The folder of the scan cache (--cache): files unchanged since the last run keep their analysis. */
  cacheFolder?: string;
}

/**
 * Finds the policy for a scan: the given file, or the nearest one at or above the first scanned
 * folder (up to the repository root). What it looked at goes to `log`.
 */
export async function findPolicy(roots: string[], given: string | undefined, cwd: string, log?: RunLog): Promise<{ policy: Policy; file?: string }> {
  const load = (file: string): Policy => {
    log?.stat(file);
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
    has: (dir, name) => {
      const found = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined;
      log?.looked(path.join(dir, name), found);
      return found;
    },
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

/** One file whose content comes from elsewhere than the disk (scan - --stdin-filename). */
export interface ContentOverride {
  /** The path it is judged as, as the user typed it (relative to the cwd, or absolute). */
  file: string;
  /** Its bytes, read up to `limit` (and one byte more, to tell that it is larger). */
  read(limit: number): Promise<ReadResult>;
}

export interface SubsetOptions {
  /** The folder analysed whole for context (scan --workspace DIR); the cwd when only stdin is given. */
  workspace?: string;
  /** The file read from stdin, judged in the workspace in place of its disk content. */
  stdin?: ContentOverride;
  /** A git ref: report on the files of the workspace changed since it (scan --changed-since). */
  changedSince?: string;
}

export async function scan(paths: string[], options: ScanOptions & SubsetOptions = {}): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  // With the cache, what the scan depended on is noted, for the next run to tell whether anything moved
  // (not stdin's content, nor what git says changed: those scans are never answered from the cache).
  const log = options.cacheFolder !== undefined && !options.stdin && options.changedSince === undefined && !options.engine ? new RunLog() : undefined;
  if (options.workspace !== undefined || options.stdin || options.changedSince !== undefined) return scanSubset(paths, options, cwd, log);
  const typed = paths.length ? paths : ['.'];
  const roots = typed.map((p) => path.resolve(cwd, p));
  // Said back as the user typed it: an absolute path stays absolute.
  const missing = typed.find((p, i) => !fs.existsSync(roots[i]!));
  if (missing !== undefined) throw new UsageError(`path not found: ${missing}`, false);
  return analyse(roots, options, cwd, log);
}

/**
 * `scan --workspace DIR [FILE...]` and `scan -`: the whole folder is analysed (policy, env
 * files, deployment settings, values across files), then the report keeps what concerns the
 * given files (reportFor). Each FILE must lie inside DIR.
 */
async function scanSubset(paths: string[], options: ScanOptions & SubsetOptions, cwd: string, log: RunLog | undefined): Promise<ScanReport> {
  const shownDir = options.workspace ?? '.';
  const dir = path.resolve(cwd, shownDir);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`workspace folder not found: ${shownDir}`, false);
  if (!stat.isDirectory()) {
    throw new UsageError(options.changedSince !== undefined
      ? `--changed-since takes a folder to read for context (git says which files to report on), and ${shownDir} is a file`
      : `--workspace ${shownDir} is not a folder (give the folder to read for context, then the files to report on)`);
  }
  if (options.changedSince !== undefined) return reportOnChanges(options.changedSince, dir, options, cwd);
  const typed = options.stdin ? [options.stdin.file] : paths;
  for (const file of typed) {
    const abs = path.resolve(cwd, file);
    if (!isInside(abs, dir)) throw new UsageError(`${file} is outside the workspace ${shownDir}: only files inside it can be judged with its context`);
    log?.stat(abs);
    if (!options.stdin && !fs.existsSync(abs)) throw new UsageError(`path not found: ${file}`, false);
    if (options.stdin && fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--stdin-filename ${file} is a folder: name the file the content on stdin is judged as`);
  }
  const selected = typed.map((file) => {
    const abs = path.resolve(cwd, file);
    return abs === cwd ? '.' : relative(cwd, abs);
  });
  // The policy is the workspace's (found at DIR), whichever files are reported.
  const report = await analyse([dir], options, cwd, log);
  return selected.length ? reportFor(report, selected, report.policyFile) : report;
}

/**
 * `scan --changed-since REF [DIR]`: DIR analysed whole, the report kept to what the files changed
 * since REF answer for, deleted ones included (a deleted .env gives everything, as an edited one
 * does). Nothing changed reports nothing.
 */
async function reportOnChanges(ref: string, dir: string, options: ScanOptions & SubsetOptions, cwd: string): Promise<ScanReport> {
  const changes = changedSince(ref, dir);
  const report = await analyse([dir], options, cwd);
  // git gives real paths: DIR (or the policy) reached through a symlink is compared as its target, reported as typed.
  const realDir = fs.realpathSync.native(dir);
  const asTyped = (real: string): string => relative(cwd, path.join(dir, path.relative(realDir, real)));
  const given = [...changes.changed, ...changes.deleted].filter((file) => isInside(file, realDir)).map(asTyped);
  const policy = report.policyFile === undefined ? undefined : fs.realpathSync.native(path.resolve(cwd, report.policyFile));
  // The policy decides every verdict, wherever it lies (--policy FILE, or a parent folder's).
  if (policy !== undefined && [...changes.changed, ...changes.deleted].includes(policy)) given.push(report.policyFile!);
  // A file git ignores but the scan read (a rule outside DIR, .git/info/exclude) may have changed
  // unseen, so it is given too (and one that sets values gives everything).
  const ignored = changes.ignored.map((entry) => entry.replace(/\/$/, '')).filter((entry) => isInside(entry, realDir)).map(asTyped);
  const unseen = (report.files ?? []).filter((file) => ignored.some((entry) => file === entry || file.startsWith(`${entry}/`)));
  return reportFor(report, [...new Set([...given, ...unseen])].sort(), report.policyFile);
}

async function analyse(roots: string[], options: ScanOptions & SubsetOptions, cwd: string, log?: RunLog): Promise<ScanReport> {
  const { policy, file: policyFile } = await findPolicy(roots, options.policyFile, cwd, log);
  const problems: WalkProblem[] = [];
  const policyIgnore = policyFile && policy.ignore.length ? { base: path.dirname(policyFile), patterns: policy.ignore } : undefined;
  const jobs = new Map<string, FileJob>();
  const layers: IgnoreLayer[] = [];
  for (const root of roots) {
    for (const file of walk(root, policyIgnore, problems, roots, layers, log)) {
      const rel = relative(cwd, file);
      if (!jobs.has(rel)) jobs.set(rel, { abs: file, rel });
    }
  }
  // (Built on first use: a replayed scan needs none.)
  const engine = (): Engine => options.engine ?? theEngine();
  const maxFileSize = policy.maxFileSizeKb * 1024;
  const stdin = options.stdin && await readOverride(options.stdin, roots[0]!, jobs, layers, cwd, maxFileSize);
  const { workerScript } = options;
  const cache = options.cacheFolder === undefined ? undefined : ScanCache.open(options.cacheFolder, { cwd, roots, maxFileSize });
  const folderNotes = problems.map((p) => problemNote(p, relative(cwd, p.file)));
  // What the results depend on besides the files (the policy decides pathForPolicy's base too).
  const today = options.today ?? todayUtc();
  const inputs = [policy, policyFile ?? null, today, folderNotes];
  const read = (rel: string, limit: number): Uint8Array | ScanNote => {
    try {
      engine().checkpoint('read', rel);
    } catch (err) {
      return internalError(rel, 'reading the file', err);
    }
    if (stdin && rel === stdin.rel) return stdin.content;
    holdYoungGeneration();
    const abs = jobs.get(rel)!.abs;
    return cache ? cache.read(rel, abs, limit, maxFileSize) : readForScan(abs, rel, limit, maxFileSize);
  };
  // The core runs the passes (core/workspace.ts); this host lists, reads, and may lend threads.
  const source: WorkspaceSource = {
    files: [...jobs.keys()],
    read,
    // (The file given on stdin is never taken from the cache, nor put in it.)
    ...(cache ? { stored: (rel: string) => (stdin?.rel === rel ? undefined : cache.stored(rel, jobs.get(rel)!.abs, readLimit(rel, maxFileSize))) } : {}),
    // On worker threads when the scan is large enough and cores allow (not with a test's engine).
    ...(workerScript && !options.engine
      ? {
        analyzeFirst: async (files, max, wanted) => {
          // The workers read from disk: the file given on stdin is analysed here.
          const at = stdin ? files.indexOf(stdin.rel) : -1;
          const outcomes = await analyzeInWorkers(workerScript, files.filter((_, i) => i !== at).map((rel) => jobs.get(rel)!), max, wanted, cache);
          if (!outcomes || at < 0) return outcomes;
          const content = read(files[at]!, readLimit(files[at]!, max));
          outcomes.splice(at, 0, content instanceof Uint8Array ? firstAnalyzer(engine(), { maxFileSize: max, wanted })(files[at]!, content) : content);
          return outcomes;
        },
      }
      : {}),
  };
  const policyDir = policyFile ? path.dirname(policyFile) : cwd;
  // (A scan with a file from stdin is never replayed: its content is not the disk's.)
  const replayed = cache && !stdin ? cache.replay(new Map([...jobs].map(([rel, job]) => [rel, job.abs])), inputs) : undefined;
  const analysed = replayed ? undefined : await analyzeWorkspace(engine(), policy, source, {
    folderNotes,
    pathForPolicy: (file) => path.relative(policyDir, path.resolve(cwd, file)).split(path.sep).join('/'),
    today: () => today,
  });
  const analysis = replayed ?? analysed!;
  if (cache) {
    for (const problem of cache.problems) process.stderr.write(`llm-compliance: the cache ${visibleControls(problem)}: it is ignored, and rewritten\n`);
    if (analysed) saveCache(cache, analysed, stdin ? undefined : [...jobs.keys()], inputs);
  }
  // Every file's stat known (none changed during the run): the next run can tell whether it would find the same.
  const analysedStats = log && cache?.listedStats([...jobs.keys()]);
  const positions = new Positions(analysis.texts);
  return {
    endpoints: analysis.endpoints.sort(compareEndpoints),
    findings: inReportOrder(analysis.findings, positions),
    notes: analysis.notes.sort(compareNotes),
    filesScanned: analysis.filesScanned,
    policy: policyFile ? policy : null,
    texts: analysis.texts,
    files: [...jobs.keys()],
    ...(policyFile ? { policyFile: relative(cwd, policyFile) } : {}),
    ...(analysedStats ? { dependencies: log.dependencies(analysedStats.map(([rel, stat]) => [jobs.get(rel)!.abs, stat])) } : {}),
  };
}

/**
 * Keeps this run's analyses for the next, and its results for the files listed (none with a
 * file from stdin: its bytes are not the disk's); a cache that cannot be written is said, and the scan stands.
 */
function saveCache(cache: ScanCache, analysis: WorkspaceAnalysis, files: string[] | undefined, inputs: unknown): void {
  try {
    // (The stdin file is never read through the cache, so it has no stamp, and no entry is kept for it.)
    cache.save(analysis.exportState(cache.files()), analysis, files, inputs);
  } catch (err) {
    process.stderr.write(`llm-compliance: the cache ${visibleControls(cache.file)} could not be written: ${visibleControls(systemReason(err))}\n`);
  }
}

/**
 * The stdin file's content, read now, with the size cap a file on disk has. It joins the
 * scan where the walk would have listed it (a new file not yet on disk), and not when the
 * workspace ignores it or no scanner reads its kind: then nothing is reported for it.
 */
async function readOverride(given: ContentOverride, dir: string, jobs: Map<string, FileJob>, layers: IgnoreLayer[], cwd: string, maxFileSize: number): Promise<{ rel: string; content: Uint8Array | ScanNote }> {
  const abs = path.resolve(cwd, given.file);
  const rel = relative(cwd, abs);
  const inWorkspace = path.relative(dir, abs).split(path.sep).join('/');
  if (!jobs.has(rel) && !fs.lstatSync(abs, { throwIfNoEntry: false }) && formatOf(inWorkspace) && !isExcluded(inWorkspace, layers)) jobs.set(rel, { abs, rel });
  const read = await given.read(readLimit(rel, maxFileSize));
  const content = 'bytes' in read ? read.bytes
    : 'tooLarge' in read ? tooLargeNote(rel, read.tooLarge, maxFileSize)
    : { kind: 'unreadable' as const, file: rel, message: `not read: stdin is ${read.notRegular}` };
  return { rel, content };
}

/** Reads a stream to its end, or to `limit` bytes and one more (then it is too large, and the rest is not read). */
export async function readStream(stream: NodeJS.ReadableStream, limit: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > limit) return { tooLarge: length };
  }
  return { bytes: Buffer.concat(chunks, length) };
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

let sharedEngine: Engine | undefined;
/** One engine per thread: building its catalog index and prefilters takes a few milliseconds. */
function theEngine(): Engine {
  return (sharedEngine ??= new Engine());
}

export function relative(cwd: string, file: string): string {
  // A normalised path below cwd (what the walk gives) is a slice of it: path.relative costs more, 10,000 times a scan.
  const below = file.startsWith(cwd) && file[cwd.length] === path.sep && !cwd.endsWith(path.sep);
  const rel = below ? file.slice(cwd.length + 1) : path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

