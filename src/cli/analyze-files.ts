// Reads and analyses files, in this thread or spread over worker threads. The caller
// sorts the results into walk order, so parallel and sequential scans print the same report.

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine, formatOf, internalError, mayImportProjectModule, readLimit, scopedEnv, setsValuesOnly, tooLargeNote, type EnvDefinition, type EnvFileUse } from '../core/engine';
import type { EnvLookup } from '../core/resolve/values';
import { Prefilter } from '../core/scan/prefilter';
import type { Endpoint, ScanNote } from '../core/model';
import type { InlineWaiver } from '../core/policy/waivers';
import type { AzureResource } from '../core/resolve/infrastructure';
import { readRegularFile } from './read-file';

export interface FileJob {
  abs: string;
  rel: string;
}

export interface Outcome {
  endpoints: Endpoint[];
  notes: ScanNote[];
  /** Environment variables set by the files analysed. */
  env: EnvDefinition[];
  /** Dotenv files the analysed compose files load into a build context's code. */
  envFiles: EnvFileUse[];
  /** For each file, the environment variables its endpoints depend on. */
  envReads: [string, string[]][];
  /** Decoded text of files with endpoints or waivers. */
  texts: [string, string][];
  waivers: InlineWaiver[];
  azureResources: AzureResource[];
  filesScanned: number;
  /** With `onlyWanted`: the files that named a wanted name, and so were analysed. */
  analyzed: string[];
}

/**
 * How a batch is analysed: with the env variables the workspace sets (`env`, placed: each
 * file sees the values that reach it), or, before they are known, recording which ones
 * each file reads (they are taken as unset). Config files that mention a `wanted`
 * variable are read even without an LLM signal.
 */
export interface Pass {
  env?: EnvDefinition[];
  wanted?: string[];
  /** Analyse only the files that name a `wanted` name (code that uses another module's constant), forced past the prefilter. */
  onlyWanted?: true;
  /** Read only the Python calls of these names (Engine AnalyzeOptions.callsOf). */
  callsOf?: string[];
}

interface WorkerInput extends Pass {
  llmComplianceWorker: true;
  jobs: FileJob[];
  maxFileSize: number;
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

let engine: Engine | undefined;
/** One engine per thread: building its catalog index and prefilters takes a few milliseconds. */
export function theEngine(): Engine {
  return (engine ??= new Engine());
}

export function analyzeSequential(jobs: FileJob[], maxFileSize: number, pass: Pass = {}, engine = theEngine()): Outcome {
  const out: Outcome = { endpoints: [], notes: [], env: [], envFiles: [], envReads: [], texts: [], waivers: [], azureResources: [], filesScanned: 0, analyzed: [] };
  const known = pass.env ? scopedEnv(pass.env) : undefined;
  const wanted = pass.wanted?.length ? new Prefilter(pass.wanted) : undefined;
  for (const job of jobs) {
    // A file read again only for the names it may use: what reading it says was said the first time.
    const bytes = readFile(job, maxFileSize, pass.onlyWanted ? [] : out.notes, engine);
    if (!bytes) continue;
    if (pass.onlyWanted) {
      // As the editor's index: only code that imports the project's own modules can use their constants;
      // a call may reach a function however it is imported (`import pkg.mod as m`), so callers need only name it.
      if (!wanted?.test(bytes) || (!pass.callsOf && !mayImportProjectModule(bytes))) continue;
      out.analyzed.push(job.rel);
    }
    out.filesScanned++;
    const reads = new Set<string>();
    const env: EnvLookup = known?.(job.rel) ?? ((name) => (reads.add(name), { state: 'unset' }));
    // .env and .tfvars files only set values (for code elsewhere): always read them.
    const force = wanted?.test(bytes) === true || setsValuesOnly(formatOf(job.rel));
    const result = engine.analyze(job.rel, bytes, { maxFileSize, env, force, ...(pass.callsOf ? { callsOf: pass.callsOf } : {}) });
    for (const e of result.endpoints) out.endpoints.push(e);
    for (const n of result.notes) out.notes.push(n);
    for (const d of result.env) out.env.push(d);
    for (const u of result.envFiles ?? []) out.envFiles.push(u);
    for (const w of result.waivers) out.waivers.push(w);
    for (const r of result.azureResources) out.azureResources.push(r);
    if (reads.size) out.envReads.push([job.rel, [...reads]]);
    if (result.text !== undefined) out.texts.push([job.rel, result.text]);
  }
  return out;
}

/**
 * How many threads a large scan uses. On two cores, two workers ran slower than one
 * thread (V8's background compiler and GC threads need the cores too), so workers start
 * from three cores. LLMC_THREADS overrides.
 */
export function scanThreads(): number {
  const cores = availableParallelism();
  return Number(process.env.LLMC_THREADS) || (cores > 2 ? Math.min(cores - 1, 8) : 1);
}

/** Analyses on several threads when there are enough files and this code runs from the bundle. */
export async function analyze(jobs: FileJob[], maxFileSize: number, pass: Pass, workerScript: string | undefined, engine = theEngine()): Promise<Outcome> {
  const threads = scanThreads();
  if (!workerScript || threads < 2 || jobs.length < PARALLEL_THRESHOLD) return analyzeSequential(jobs, maxFileSize, pass, engine);
  // Interleave so that each worker gets a similar mix of folders and file sizes.
  const slices: FileJob[][] = Array.from({ length: threads }, () => []);
  jobs.forEach((job, i) => slices[i % threads]!.push(job));
  const parts = await Promise.all(slices.map((slice) => runInWorker(workerScript, { llmComplianceWorker: true, jobs: slice, maxFileSize, ...pass })));
  const merged: Outcome = {
    endpoints: parts.flatMap((p) => p.endpoints),
    notes: parts.flatMap((p) => p.notes),
    env: parts.flatMap((p) => p.env),
    envFiles: parts.flatMap((p) => p.envFiles),
    envReads: parts.flatMap((p) => p.envReads),
    texts: parts.flatMap((p) => p.texts),
    waivers: parts.flatMap((p) => p.waivers),
    azureResources: parts.flatMap((p) => p.azureResources),
    filesScanned: parts.reduce((n, p) => n + p.filesScanned, 0),
    analyzed: parts.flatMap((p) => p.analyzed),
  };
  return merged;
}

function runInWorker(script: string, input: WorkerInput): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (out: Outcome) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}

/** The worker side: analyse the jobs handed over and post the outcome back. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.llmComplianceWorker === true;
}

export function runScanWorker(): void {
  const input = workerData as WorkerInput;
  parentPort!.postMessage(analyzeSequential(input.jobs, input.maxFileSize, input));
}

/** Reads a file: too-large files are reported without reading them, FIFOs and devices are never read. */
function readFile(job: FileJob, maxFileSize: number, notes: ScanNote[], engine: Engine): Uint8Array | undefined {
  try {
    engine.checkpoint('read', job.rel);
    const read = readRegularFile(job.abs, readLimit(job.rel, maxFileSize));
    if ('bytes' in read) return read.bytes;
    notes.push('tooLarge' in read ? tooLargeNote(job.rel, read.tooLarge, maxFileSize) : { kind: 'unreadable', file: job.rel, message: `not read: it is ${read.notRegular}, not a regular file` });
  } catch (err) {
    // The file system's refusal is the file's state; anything else is a bug of ours.
    const code = (err as NodeJS.ErrnoException).code;
    notes.push(code ? { kind: 'unreadable', file: job.rel, message: `not readable: ${code}` } : internalError(job.rel, 'reading the file', err));
  }
  return undefined;
}
