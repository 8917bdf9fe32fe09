// The fuzz worker thread: draws each input from (seed, index), or takes a saved one, runs
// the oracles on it and reports the failures with the time and heap it took. The parent
// (fuzz.ts) runs it under resourceLimits and a watchdog, and restarts it when it dies.

import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { initParsers } from '../support/parse-check';
import { caseFormat, generateCase, type Case } from './cases';
import { loadCorpus } from './corpus';
import { Checker } from './oracles';
import { shrink } from './shrink';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

async function main(): Promise<void> {
  const { root } = workerData as WorkerInit;
  await initParsers();
  const corpus = loadCorpus(root);
  const checker = new Checker(corpus);
  const port = parentPort!;
  const post = (msg: FromWorker): void => port.postMessage(msg);
  port.on('message', (msg: ToWorker) => {
    const c: Case = msg.case ?? generateCase(corpus, msg.seed, msg.index);
    if (msg.type === 'shrink') {
      post({ type: 'shrunk', index: c.index, case: shrink(checker, c, msg.keys, msg.budgetMs) });
      return;
    }
    const start = performance.now();
    let outcome: ReturnType<Checker['check']>;
    try {
      outcome = checker.check(c);
    } catch (err) {
      // A bug in the oracles themselves: reported, never taken for a pass.
      outcome = { failures: [{ category: 'crash', oracle: 'fuzz harness threw', message: String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) }], stats: { fixesChecked: 0, endpoints: 0, findings: 0, phases: {} } };
    }
    const { failures, stats } = outcome;
    const ms = performance.now() - start;
    const size = c.kind === 'file' ? c.content.byteLength : c.kind === 'policy' ? c.text.length : c.patterns.join('').length;
    post({ type: 'result', index: c.index, format: caseFormat(c), size, ms, heapMb: getHeapStatistics().used_heap_size / 2 ** 20, failures, stats });
  });
  post({ type: 'ready' });
}

void main();
