// Messages between the extension host and the index worker (index-worker.ts). Everything
// that parses a policy or matches a path pattern happens in the worker: a hostile policy
// or .gitignore can make either slow, and the extension host must never stall.

import type { Endpoint, Finding, Policy, PolicyProblem, Requirement, ScanNote } from '../core';

/** Requests that change a folder's index; none is answered. */
export type IndexUpdate =
  /** A new index for a folder, with its policy and the .gitignore files that apply (path of each, its text). */
  /** `policyBase`: the folder's path from the policy's folder ('sub/'), when the policy lies above it. */
  | { type: 'reset'; folder: string; policy: Policy; sizeLimitSetting?: string; policyBase?: string; gitignores: [string, string][] }
  | { type: 'set'; folder: string; file: string; content: Uint8Array | string }
  | { type: 'note'; folder: string; file: string; note: ScanNote }
  | { type: 'delete'; folder: string; file: string }
  | { type: 'dispose'; folder: string };

/** Requests answered by a reply with the same id, each with the answer's type. */
export interface IndexQueries {
  /** Everything posted so far for the folder, analysed and judged. */
  results: { request: { folder: string }; answer: IndexResults };
  /** Which of these paths the folder scans: not in a skipped folder, a .gitignore'd one or the policy's ignore:. */
  scanned: { request: { folder: string; files: string[] }; answer: string[] };
  /** A policy file's text, parsed and validated. */
  parsePolicy: { request: { file: string; text: string }; answer: { policy: Policy } | { problems: PolicyProblem[] } };
  /** The policy text with `require:` set, checked to be a valid policy (an error when it would not be). */
  withRequirements: { request: { file: string; text: string; requirements: Requirement[] }; answer: string };
}

export type IndexQuery = { [K in keyof IndexQueries]: { type: K; id: number } & IndexQueries[K]['request'] }[keyof IndexQueries];

export type IndexRequest = IndexUpdate | IndexQuery;

export type IndexReply = { type: 'reply'; id: number; answer: unknown } | { type: 'error'; id: number; message: string };

export interface IndexResults {
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  /** Analysed texts that are new or changed since the last results, and files whose text is gone. */
  changedTexts: [string, string][];
  removedTexts: string[];
}
