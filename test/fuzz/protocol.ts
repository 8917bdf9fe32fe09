// Messages between the fuzz runner and its worker thread.

import type { Case } from './cases';
import type { CaseStats, Failure } from './oracles';

export interface WorkerInit {
  /** The repository root the corpus is read from. */
  root: string;
}

/** Run (or shrink) input `index` of run `seed`, or the given saved case. */
export type ToWorker =
  | { type: 'run'; seed: number; index: number; case?: Case }
  | { type: 'shrink'; seed: number; index: number; case?: Case; keys: string[]; budgetMs: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; index: number; format: string; size: number; ms: number; heapMb: number; failures: Failure[]; stats: CaseStats }
  | { type: 'shrunk'; index: number; case: Case };
