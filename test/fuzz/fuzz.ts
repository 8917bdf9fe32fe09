// Runs fuzz inputs in worker threads, each under a heap limit and a watchdog: an input that
// takes longer than the hang bound gets its worker terminated (a hang), one that needs more
// heap than the limit kills it (a memory failure); either way a fresh worker takes over and
// the run goes on. Failing inputs are saved as reproducers; the summary has the figures.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseFormat, generateCase, WORKSPACE_ENV, type Case } from './cases';
import { loadCorpus, ROOT, type Corpus } from './corpus';
import { failureClass, type Category, type Failure } from './oracles';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

export interface FuzzOptions {
  seed: number;
  /** Inputs to run (from index `first`). */
  count: number;
  first?: number;
  /** Stop starting new inputs after this many seconds. */
  seconds?: number;
  /** Where reproducers and summary.json go; nothing is written when undefined. */
  out?: string;
  workers?: number;
  /** An input running longer is a hang (ms). */
  hangMs?: number;
  /** The worker's old-generation heap limit (MB): an input needing more is a memory failure. */
  heapMb?: number;
  /** Reproducers saved per failure class. */
  savePerClass?: number;
  /** Shrink the first reproducer of each class for up to this long (ms); 0 to skip. */
  shrinkMs?: number;
  /** Saved cases to run instead of generated ones. */
  cases?: Case[];
  log?: (line: string) => void;
  progressEverySec?: number;
}

export interface FailureClass {
  key: string;
  category: Category;
  inputs: number;
  /** The first failing input's index, message and reproducer folder. */
  first: { index: number; message: string; dir?: string; minimal?: string };
}

export interface Summary {
  seed: number;
  inputs: number;
  seconds: number;
  perFormat: Record<string, number>;
  /** Inputs with at least one failure of each category. */
  failing: Record<Category, number>;
  failingInputs: number;
  fixesChecked: number;
  maxInput: { ms: number; index: number; format: string; size: number; phases?: Record<string, number> };
  /** Mean and 99th percentile of the time per input (ms), of the inputs that finished before the watchdog. */
  meanMs: number;
  p99Ms: number;
  maxHeapMb: number;
  classes: FailureClass[];
  workerRestarts: number;
}

const CATEGORIES: Category[] = ['crash', 'hang', 'memory', 'invalid-output', 'fix', 'policy', 'host'];
const WORKER_SCRIPT = path.join(__dirname, 'worker.ts');

interface Outcome {
  index: number;
  format: string;
  size: number;
  ms: number;
  heapMb: number;
  failures: Failure[];
  fixesChecked: number;
  phases?: Record<string, number>;
}

/** One worker thread, with the input it is working on. */
class Slot {
  private worker!: Worker;
  private pending: ((msg: FromWorker | { type: 'died'; error: Error; outOfMemory: boolean }) => void) | undefined;
  restarts = -1;

  constructor(private readonly heapMb: number) {}

  async start(): Promise<void> {
    this.restarts++;
    // Workers do not inherit the tsx loader: register it in the worker before loading the TypeScript.
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(WORKER_SCRIPT)});`;
    const init: WorkerInit = { root: ROOT };
    // The engine prints nothing; whatever a library prints in the worker is dropped, not mixed into the progress.
    this.worker = new Worker(boot, { eval: true, workerData: init, resourceLimits: { maxOldGenerationSizeMb: this.heapMb }, stdout: true, stderr: true });
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.on('message', (msg: FromWorker) => this.settle(msg));
    this.worker.on('error', (error: Error & { code?: string }) => this.settle({ type: 'died', error, outOfMemory: error.code === 'ERR_WORKER_OUT_OF_MEMORY' }));
    this.worker.on('exit', (code) => this.settle({ type: 'died', error: new Error(`worker exited with code ${code}`), outOfMemory: false }));
    const first = await new Promise<FromWorker | { type: 'died'; error: Error }>((resolve) => (this.pending = resolve));
    if (first.type !== 'ready') throw new Error(`the fuzz worker did not start: ${first.type === 'died' ? first.error.stack : first.type}`);
  }

  private settle(msg: FromWorker | { type: 'died'; error: Error; outOfMemory: boolean }): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(msg);
  }

  /** Sends a job; resolves with the worker's answer, or with why it has none (timeout, death). */
  send(job: ToWorker, timeoutMs: number): Promise<FromWorker | { type: 'died'; error: Error; outOfMemory: boolean } | { type: 'timeout'; cpuMs: number }> {
    return new Promise((resolve) => {
      const cpu = process.cpuUsage();
      const timer = setTimeout(() => {
        this.pending = undefined;
        const used = process.cpuUsage(cpu);
        resolve({ type: 'timeout', cpuMs: (used.user + used.system) / 1000 });
      }, timeoutMs);
      this.pending = (msg) => {
        clearTimeout(timer);
        resolve(msg);
      };
      this.worker.postMessage(job);
    });
  }

  async restart(): Promise<void> {
    this.pending = undefined;
    this.worker.removeAllListeners();
    await this.worker.terminate();
    await this.start();
  }

  async stop(): Promise<void> {
    this.pending = undefined;
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}

export async function runFuzz(options: FuzzOptions): Promise<Summary> {
  const log = options.log ?? (() => undefined);
  const hangMs = options.hangMs ?? 10_000;
  const heapMb = options.heapMb ?? 1024;
  const savePerClass = options.savePerClass ?? 3;
  const shrinkMs = options.shrinkMs ?? 0;
  const first = options.first ?? 0;
  const total = options.cases?.length ?? options.count;
  const corpus = loadCorpus();
  const caseOf = (index: number): Case => options.cases?.[index - first] ?? generateCase(corpus, options.seed, index);
  const job = (index: number): ToWorker => ({ type: 'run', seed: options.seed, index, ...(options.cases ? { case: caseOf(index) } : {}) });

  const summary: Summary = {
    seed: options.seed, inputs: 0, seconds: 0, perFormat: {}, failing: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    failingInputs: 0, fixesChecked: 0, maxInput: { ms: 0, index: -1, format: '', size: 0 }, meanMs: 0, p99Ms: 0, maxHeapMb: 0, classes: [], workerRestarts: 0,
  };
  const classes = new Map<string, FailureClass>();
  const saved = new Map<string, number>();
  const toShrink: { index: number; key: string }[] = [];

  const times: number[] = [];
  const record = (o: Outcome): void => {
    summary.inputs++;
    if (!o.failures.some((f) => f.category === 'hang' && f.oracle.startsWith('over '))) times.push(o.ms);
    summary.perFormat[o.format] = (summary.perFormat[o.format] ?? 0) + 1;
    summary.fixesChecked += o.fixesChecked;
    if (o.ms > summary.maxInput.ms) summary.maxInput = { ms: o.ms, index: o.index, format: o.format, size: o.size, ...(o.phases ? { phases: o.phases } : {}) };
    summary.maxHeapMb = Math.max(summary.maxHeapMb, o.heapMb);
    if (!o.failures.length) return;
    summary.failingInputs++;
    for (const category of new Set(o.failures.map((f) => f.category))) summary.failing[category]++;
    const keys = [...new Set(o.failures.map(failureClass))];
    let dir: string | undefined;
    // Saved once per input, under the first of its classes that still wants reproducers.
    const wanting = keys.find((k) => (saved.get(k) ?? 0) < savePerClass);
    const c = caseOf(o.index);
    if (c.savedIn) dir = c.savedIn;
    else if (wanting && options.out) dir = saveReproducer(options.out, c, o.failures, wanting);
    for (const key of keys) {
      const f = o.failures.find((x) => failureClass(x) === key)!;
      const cls = classes.get(key);
      if (cls) cls.inputs++;
      else {
        classes.set(key, { key, category: f.category, inputs: 1, first: { index: o.index, message: f.message, ...(dir ? { dir } : {}) } });
        if (dir && f.category !== 'hang' && f.category !== 'memory') toShrink.push({ index: o.index, key });
        log(`  new failure class [${key}] at input ${o.index}${dir ? ` -> ${path.relative(process.cwd(), dir)}` : ''}\n      ${f.message.slice(0, 300)}`);
      }
      if (dir) saved.set(key, (saved.get(key) ?? 0) + 1);
    }
  };

  const slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => new Slot(heapMb));
  await Promise.all(slots.map((s) => s.start()));
  // The clock starts once the workers are up (compiling the TypeScript and the grammars takes a few seconds).
  const started = performance.now();
  const deadline = options.seconds ? started + options.seconds * 1000 : Infinity;
  let next = first;
  let lastProgress = started;
  const progress = (): void => {
    const now = performance.now();
    if (now - lastProgress < (options.progressEverySec ?? 10) * 1000) return;
    lastProgress = now;
    const rate = summary.inputs / ((now - started) / 1000);
    log(`  ${summary.inputs}/${total} inputs, ${rate.toFixed(0)}/s, failing inputs: ${summary.failingInputs} (${CATEGORIES.map((c) => `${c} ${summary.failing[c]}`).join(', ')})`);
  };

  const runOn = async (slot: Slot, index: number, retried = false, starved = false): Promise<void> => {
    const answer = await slot.send(job(index), hangMs);
    if (answer.type === 'result') {
      const failures = retried
        ? [...answer.failures, { category: 'memory' as const, oracle: `over ${heapMb} MB of heap after other inputs`, message: `ran out of memory after other inputs, but not alone in a fresh worker (${answer.heapMb.toFixed(0)} MB after it): heap kept across inputs?` }]
        : answer.failures;
      record({ index, format: answer.format, size: answer.size, ms: answer.ms, heapMb: answer.heapMb, failures, fixesChecked: answer.stats.fixesChecked, phases: answer.stats.phases });
      return;
    }
    const c = caseOf(index);
    const format = caseFormat(c);
    const size = c.kind === 'file' ? c.content.byteLength : c.kind === 'policy' ? c.text.length : c.patterns.join('').length;
    await slot.restart();
    // CPU time is the process's, shared by the workers: each is taken to have had its share.
    if (answer.type === 'timeout' && !starved && answer.cpuMs / slots.length < hangMs * 0.8) {
      // The machine is busy (other processes had the cores): the input did not get its 10 s. Once more.
      log(`  input ${index} timed out with ${(answer.cpuMs / 1000).toFixed(1)} s of CPU in ${hangMs / 1000} s; running it again`);
      await runOn(slot, index, retried, true);
    } else if (answer.type === 'timeout') {
      record({ index, format, size, ms: hangMs, heapMb: 0, failures: [{ category: 'hang', oracle: `over ${hangMs / 1000} s on ${format}`, message: `no answer after ${hangMs} ms (${size} bytes; ${c.chain.join(' | ')})` }], fixesChecked: 0 });
    } else if (answer.type === 'died' && answer.outOfMemory && !retried) {
      // Heap kept from earlier inputs could be to blame: run it again in the fresh worker.
      log(`  input ${index} ran out of memory; running it again in a fresh worker`);
      await runOn(slot, index, true, starved);
    } else if (answer.type === 'died') {
      const category: Category = answer.outOfMemory ? 'memory' : 'crash';
      record({ index, format, size, ms: 0, heapMb: answer.outOfMemory ? heapMb : 0, failures: [{ category, oracle: answer.outOfMemory ? `over ${heapMb} MB of heap on ${format}` : 'worker died', message: `${answer.error.message} (${size} bytes; ${c.chain.join(' | ')})` }], fixesChecked: 0 });
    }
  };

  try {
    await Promise.all(slots.map(async (slot) => {
      while (next < first + total && performance.now() < deadline) {
        await runOn(slot, next++);
        progress();
      }
    }));
    // The first reproducer of each class, made small.
    if (shrinkMs > 0) {
      for (const { index, key } of toShrink) {
        const answer = await slots[0]!.send({ type: 'shrink', seed: options.seed, index, keys: [key], budgetMs: shrinkMs, ...(options.cases ? { case: caseOf(index) } : {}) }, shrinkMs + hangMs * 3);
        if (answer.type !== 'shrunk') {
          await slots[0]!.restart();
          continue;
        }
        const cls = classes.get(key)!;
        cls.first.minimal = writeCase(path.join(cls.first.dir!, 'minimal'), answer.case);
        log(`  shrunk [${key}]: ${answer.case.chain[answer.case.chain.length - 1]}`);
      }
    }
  } finally {
    summary.workerRestarts = slots.reduce((n, s) => n + s.restarts, 0);
    await Promise.all(slots.map((s) => s.stop()));
  }
  summary.seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  summary.meanMs = times.reduce((n, t) => n + t, 0) / Math.max(1, times.length);
  summary.p99Ms = times[Math.max(0, Math.ceil(times.length * 0.99) - 1)] ?? 0;
  summary.classes = [...classes.values()].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || b.inputs - a.inputs);
  if (options.out) {
    fs.mkdirSync(options.out, { recursive: true });
    fs.writeFileSync(path.join(options.out, `summary-${options.seed}.json`), JSON.stringify(summary, null, 2) + '\n');
  }
  return summary;
}

// ---- reproducers --------------------------------------------------------------------------

/** Saves a failing input as `<out>/<seed>/<index>-<class>/` with case.json and the workspace it ran in. */
function saveReproducer(out: string, c: Case, failures: Failure[], key: string): string {
  const slug = key.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
  const dir = path.join(out, String(c.seed), `${String(c.index).padStart(7, '0')}-${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  writeCase(path.join(dir, 'input'), c, failures);
  return dir;
}

/**
 * Writes a case: `case.json` (how to rerun it, what failed) and the files the engine read,
 * under `workspace/`, so that `node dist/cli.js scan <dir>/workspace` shows the same input.
 */
export function writeCase(dir: string, c: Case, failures?: Failure[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, Uint8Array | string][] = [];
  if (c.kind === 'file') {
    files.push([c.file, c.content]);
    if (c.file !== c.policy.name) files.push([c.policy.name, c.policy.text]);
    if (c.file !== '.env') files.push(['.env', WORKSPACE_ENV]);
  } else if (c.kind === 'policy') {
    files.push([c.name, c.text]);
    for (const f of loadCorpus().workspace) files.push([f.path, f.bytes]);
  } else {
    files.push(['.gitignore', c.patterns.join('\n') + '\n']);
  }
  const workspace = path.join(dir, 'workspace');
  for (const [file, content] of files) {
    const full = path.resolve(workspace, file);
    if (!full.startsWith(workspace + path.sep)) continue;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  const record = {
    rerun: c.savedIn ? undefined : `npm run fuzz -- --seed ${c.seed} --index ${c.index}`,
    replay: `npm run fuzz -- --replay ${path.relative(ROOT, dir)}`,
    ...c,
    savedIn: undefined,
    content: undefined, // in workspace/, byte for byte
    ...(c.kind === 'file' ? { policy: c.policy.origin, contentFile: `workspace/${c.file}` } : {}),
    ...(failures ? { failures } : {}),
  };
  fs.writeFileSync(path.join(dir, 'case.json'), JSON.stringify(record, null, 2) + '\n');
  return dir;
}

/** Reads the cases saved under `dir` (any depth) back, with their inputs from the files written beside them. */
export function readCases(dir: string, corpus: Corpus = loadCorpus()): Case[] {
  const found = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'case.json')
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  return found.map((file, i): Case => {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Case & { policy?: string };
    const base = path.dirname(file);
    // A reproducer folder holds input/ and, once shrunk, minimal/.
    const common = { seed: saved.seed, index: i, origin: saved.origin, chain: saved.chain, savedIn: path.dirname(base) };
    if (saved.kind === 'file') {
      const content = new Uint8Array(fs.readFileSync(path.join(base, 'workspace', saved.file)));
      const name = fs.existsSync(path.join(base, 'workspace', '.llm-compliance.json')) ? '.llm-compliance.json' : '.llm-compliance.yaml';
      const text = fs.readFileSync(path.join(base, 'workspace', name), 'utf8');
      const policy = corpus.policies.find((p) => p.origin === saved.policy && p.text === text) ?? { origin: String(saved.policy), name, text };
      return { ...common, kind: 'file', file: saved.file, format: saved.format, content, asString: saved.asString, policy };
    }
    if (saved.kind === 'policy') return { ...common, kind: 'policy', name: saved.name, text: fs.readFileSync(path.join(base, 'workspace', saved.name), 'utf8') };
    return { ...common, kind: 'glob', patterns: saved.patterns, paths: saved.paths };
  });
}

export function formatSummary(s: Summary): string {
  const lines = [
    `${s.seed < 0 ? 'replay' : `seed ${s.seed}`}: ${s.inputs} inputs in ${s.seconds.toFixed(1)} s (${(s.inputs / Math.max(s.seconds, 0.001)).toFixed(0)}/s)`,
    `  per format: ${Object.entries(s.perFormat).sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f} ${n}`).join(', ')}`,
    `  crashes ${s.failing.crash}, hangs ${s.failing.hang}, memory failures ${s.failing.memory}, invalid outputs ${s.failing['invalid-output']}, fix round-trip failures ${s.failing.fix} (of ${s.fixesChecked} fixes), policies read unlike their file ${s.failing.policy}, hosts unlike the URL parser ${s.failing.host}`,
    `  time per input: mean ${s.meanMs.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(0)} ms, max ${s.maxInput.ms.toFixed(0)} ms (input ${s.maxInput.index}, ${s.maxInput.format}, ${s.maxInput.size} bytes); max heap after an input ${s.maxHeapMb.toFixed(0)} MB; worker restarts ${s.workerRestarts}`,
  ];
  const phases = Object.entries(s.maxInput.phases ?? {}).filter(([, ms]) => ms >= 1).sort(([, a], [, b]) => b - a);
  if (phases.length) lines.push(`  the slowest input's time: ${phases.map(([p, ms]) => `${p} ${ms.toFixed(0)} ms`).join(', ')}`);
  if (s.classes.length) {
    lines.push(`  ${s.failingInputs} failing inputs in ${s.classes.length} classes:`);
    for (const c of s.classes) {
      lines.push(`    ${String(c.inputs).padStart(6)}  ${c.key}`);
      lines.push(`            first: input ${c.first.index}${c.first.dir ? `, ${path.relative(process.cwd(), c.first.minimal ?? c.first.dir)}` : ''}: ${c.first.message.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  } else lines.push('  no failures');
  return lines.join('\n');
}
