// A Web Worker for tests: runs a script in a fresh context that has only what a browser
// worker has (as far as the scripts need), with messages delivered asynchronously.
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import type { WebWorkerLike } from '../../src/extension/web-host';

export /** A Web Worker running a script in a fresh context that has only what a browser worker has (as far as the script needs). */
class VmWorker implements WebWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private readonly scope: { onmessage?: (event: { data: unknown }) => void };
  private terminated = false;

  constructor(script: string) {
    const scope: Record<string, unknown> = {
      console, TextDecoder, TextEncoder, URL, URLSearchParams, setTimeout, clearTimeout, queueMicrotask, structuredClone,
      postMessage: (data: unknown) => this.deliver(() => this.onmessage?.({ data: structuredClone(data) } as MessageEvent)),
    };
    scope.self = scope;
    this.scope = vm.createContext(scope);
    vm.runInContext(fs.readFileSync(script, 'utf8'), this.scope, { filename: script });
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    const data: unknown = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    this.deliver(() => this.scope.onmessage?.({ data }));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Asynchronously, as a worker's messages arrive; an uncaught error goes to onerror, as in a browser. */
  private deliver(run: () => void): void {
    setImmediate(() => {
      if (this.terminated) return;
      try {
        run();
      } catch (err) {
        this.onerror?.({ message: err instanceof Error ? err.message : String(err), preventDefault: () => undefined } as ErrorEvent);
      }
    });
  }
}
