// The extension host's side of the index worker: one worker for all folders, messages
// answered in order. The worker is a Node worker thread on the desktop (node-host.ts) and a
// Web Worker on the web (web-host.ts); this side only sees an IndexChannel.

import type { Policy, PolicyProblem, Requirement, ScanNote, WorkspaceResults } from '../core';
import type { IndexQueries, IndexReply, IndexRequest } from './index-protocol';

/** A started index worker, whatever runs it. */
export interface IndexChannel {
  postMessage(request: IndexRequest, transfer: ArrayBuffer[]): void;
  /** Replies, and the worker stopping (an uncaught error or an exit): it is not used again after that. */
  listen(onReply: (reply: IndexReply) => void, onStop: (err: Error) => void): void;
  terminate(): void;
}

/** The buffers a request can hand over instead of copying: the bytes of a file read from disk, when they fill their buffer. */
export function transferable(request: IndexRequest): ArrayBuffer[] {
  return request.type === 'set' && typeof request.content !== 'string' && request.content.byteOffset === 0
    && request.content.byteLength === request.content.buffer.byteLength ? [request.content.buffer as ArrayBuffer] : [];
}

export class IndexWorker {
  private nextId = 1;
  private nextFolder = 1;
  private readonly waiting = new Map<number, { resolve: (answer: unknown) => void; reject: (err: Error) => void }>();
  private failure: Error | undefined;

  constructor(private readonly worker: IndexChannel, onError: (err: Error) => void) {
    const reply = (m: IndexReply): void => {
      const waiter = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'error') waiter?.reject(new Error(m.message));
      else waiter?.resolve(m.answer);
    };
    const fail = (err: Error): void => {
      if (this.failure) return;
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
      onError(err);
    };
    worker.listen(reply, fail);
  }

  /** A worker that stopped cannot be used again; the inventory starts a new one. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  post(request: IndexRequest): void {
    if (this.failure) throw this.failure;
    // Bytes read from disk are handed over, not copied.
    this.worker.postMessage(request, transferable(request));
  }

  /** Asks the worker, which answers in order. */
  ask<K extends keyof IndexQueries>(type: K, request: IndexQueries[K]['request']): Promise<IndexQueries[K]['answer']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      this.post({ ...request, type, id } as IndexRequest);
    });
  }

  /** The policy file's text, parsed and validated in the worker. */
  parsePolicy(file: string, text: string): Promise<{ policy: Policy } | { problems: PolicyProblem[] }> {
    return this.ask('parsePolicy', { file, text });
  }

  /** The policy text with `require:` set; rejects when that would not be a valid policy. */
  withRequirements(file: string, text: string, requirements: Requirement[]): Promise<string> {
    return this.ask('withRequirements', { file, text, requirements });
  }

  /** A new index for a folder: each load gets its own key, so a superseded load's late messages reach nothing. */
  folder(name: string, policy: Policy, gitignores: [string, string][], options: { sizeLimitSetting?: string; policyBase?: string } = {}): FolderIndex {
    const key = `${this.nextFolder++}:${name}`;
    this.post({ type: 'reset', folder: key, policy, gitignores, ...options });
    return new FolderIndex(this, key);
  }

  dispose(): void {
    this.failure ??= new Error('the analysis worker was stopped');
    this.worker.terminate();
  }
}

export class FolderIndex {
  private readonly files = new Set<string>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly worker: IndexWorker, private readonly key: string) {}

  has(file: string): boolean {
    return this.files.has(file);
  }

  list(): string[] {
    return [...this.files];
  }

  /** Those of the paths the folder scans (not ignored by .gitignore, the policy or a skipped folder). */
  async scanned(files: string[]): Promise<Set<string>> {
    return new Set(files.length ? await this.worker.ask('scanned', { folder: this.key, files }) : []);
  }

  set(file: string, content: Uint8Array | string): void {
    this.files.add(file);
    this.worker.post({ type: 'set', folder: this.key, file, content });
  }

  setNote(file: string, note: ScanNote): void {
    this.files.add(file);
    this.worker.post({ type: 'note', folder: this.key, file, note });
  }

  delete(file: string): void {
    this.files.delete(file);
    this.worker.post({ type: 'delete', folder: this.key, file });
  }

  /** Everything posted so far, analysed and judged. */
  async results(): Promise<WorkspaceResults> {
    const r = await this.worker.ask('results', { folder: this.key });
    for (const file of r.removedTexts) this.texts.delete(file);
    for (const [file, text] of r.changedTexts) this.texts.set(file, text);
    return { endpoints: r.endpoints, findings: r.findings, notes: r.notes, texts: new Map(this.texts) };
  }

  dispose(): void {
    if (!this.worker.failed) this.worker.post({ type: 'dispose', folder: this.key });
  }
}
