// The extension host's side of the index worker: one worker thread for all folders,
// messages answered in order.

import { Worker } from 'node:worker_threads';
import type { ScanNote } from '../core/model';
import type { Policy } from '../core/policy/policy';
import type { WorkspaceResults } from '../core/workspace';
import type { IndexRequest, IndexResults } from './index-protocol';

export class IndexWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: IndexResults) => void>();
  private failure: Error | undefined;

  constructor(script: string, onError: (err: Error) => void) {
    this.worker = new Worker(script);
    this.worker.on('message', (m: IndexResults) => {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      onError(err);
    });
  }

  post(request: IndexRequest): void {
    if (this.failure) throw this.failure;
    // Bytes read from disk are handed over, not copied.
    const transfer = request.type === 'set' && typeof request.content !== 'string' && request.content.byteOffset === 0
      && request.content.byteLength === request.content.buffer.byteLength ? [request.content.buffer as ArrayBuffer] : [];
    this.worker.postMessage(request, transfer);
  }

  /** A folder's index, as seen from the extension host. */
  folder(key: string, policy: Policy): FolderIndex {
    this.post({ type: 'reset', folder: key, policy });
    return new FolderIndex(this, key);
  }

  results(folder: string): Promise<IndexResults> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, resolve);
      this.post({ type: 'results', folder, id });
    });
  }

  dispose(): void {
    void this.worker.terminate();
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
    const r = await this.worker.results(this.key);
    for (const file of r.removedTexts) this.texts.delete(file);
    for (const [file, text] of r.changedTexts) this.texts.set(file, text);
    return { endpoints: r.endpoints, findings: r.findings, notes: r.notes, texts: new Map(this.texts) };
  }

  dispose(): void {
    this.worker.post({ type: 'dispose', folder: this.key });
  }
}
