// The CLI's worker threads: on machines with cores to spare, the first analysis of a large
// scan's files is spread over them (the core's analyzeWorkspace asks through
// WorkspaceSource.analyzeFirst); everything after it runs in the main thread.

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine, type FirstAnalysis, firstAnalyzer, readLimit, type ScanNote } from '../core';
import { readForScan } from './read-file';
import { type FileStamp, readStamped, type ScanCache } from './cache';
import type { FileStat } from './cache-file';

export interface FileJob {
  abs: string;
  rel: string;
}

type Outcome = FirstAnalysis | ScanNote | undefined;

interface WorkerInput {
  llmComplianceWorker: true;
  jobs: FileJob[];
  maxFileSize: number;
  wanted: string[];
  /** Whether to stamp each file read (for the scan cache). */
  stamp: boolean;
}

interface WorkerOutput {
  outcomes: Outcome[];
  /** Per job: the stamp of the bytes read, or the stat of a file not read (too large, unreadable: its note depends on it). */
  stamps: (FileStamp | FileStat | undefined)[];
}

/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/**
 * How many threads a large scan uses. On two cores, two workers ran slower than one
 * thread (V8's background compiler and GC threads need the cores too), so workers start
 * from three cores. LLMC_THREADS overrides.
 */
export function scanThreads(): number {
  const cores = availableParallelism();
  return Number(process.env.LLMC_THREADS) || (cores > 2 ? Math.min(cores - 1, 8) : 1);
}

/** The first analyses of `jobs` on worker threads started from `script`, or undefined when one thread does better. */
export async function analyzeInWorkers(script: string, jobs: FileJob[], maxFileSize: number, wanted: string[], cache?: ScanCache): Promise<Outcome[] | undefined> {
  const threads = scanThreads();
  if (threads < 2 || jobs.length < PARALLEL_THRESHOLD) return undefined;
  // Interleave so that each worker gets a similar mix of folders and file sizes.
  const slices: FileJob[][] = Array.from({ length: threads }, () => []);
  jobs.forEach((job, i) => slices[i % threads]!.push(job));
  const parts = await Promise.all(slices.map((slice) => runInWorker(script, { llmComplianceWorker: true, jobs: slice, maxFileSize, wanted, stamp: cache !== undefined })));
  return jobs.map((job, i) => {
    const part = parts[i % threads]!;
    cache?.record(job.rel, part.stamps[Math.floor(i / threads)]);
    return part.outcomes[Math.floor(i / threads)];
  });
}

function runInWorker(script: string, input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (out: WorkerOutput) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}

/** The worker side: read and analyse the jobs handed over, and post the outcomes back in their order. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.llmComplianceWorker === true;
}

export function runScanWorker(): void {
  const { jobs, maxFileSize, wanted, stamp } = workerData as WorkerInput;
  const analyze = firstAnalyzer(new Engine(), { maxFileSize, wanted });
  const out: WorkerOutput = { outcomes: [], stamps: [] };
  for (const job of jobs) {
    const limit = readLimit(job.rel, maxFileSize);
    const read = stamp ? readStamped(job.abs, job.rel, limit, maxFileSize) : { content: readForScan(job.abs, job.rel, limit, maxFileSize) };
    out.outcomes.push(read.content instanceof Uint8Array ? analyze(job.rel, read.content) : read.content);
    out.stamps.push(read.stamp);
  }
  parentPort!.postMessage(out);
}
