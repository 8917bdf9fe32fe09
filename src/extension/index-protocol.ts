// Messages between the extension host and the index worker (index-worker.ts).

import type { Endpoint, Finding, ScanNote } from '../core/model';
import type { Policy } from '../core/policy/policy';

export type IndexRequest =
  | { type: 'reset'; folder: string; policy: Policy; sizeLimitSetting?: string }
  | { type: 'set'; folder: string; file: string; content: Uint8Array | string }
  | { type: 'note'; folder: string; file: string; note: ScanNote }
  | { type: 'delete'; folder: string; file: string }
  | { type: 'dispose'; folder: string }
  | { type: 'results'; folder: string; id: number };

/** A request the worker could not answer (an engine bug): the extension host logs it and keeps going. */
export interface IndexFailure {
  type: 'error';
  id: number;
  message: string;
}

export interface IndexResults {
  type: 'results';
  folder: string;
  id: number;
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  /** Analysed texts that are new or changed since the last results, and files whose text is gone. */
  changedTexts: [string, string][];
  removedTexts: string[];
}
