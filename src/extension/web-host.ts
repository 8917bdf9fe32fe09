// The web's index worker (vscode.dev, github.dev, code-server's web worker extension host):
// a Web Worker nested in the extension host's own worker, running dist/web/index-worker.js.

import type { IndexChannel } from './index-client';
import type { IndexReply } from './index-protocol';

/** The part of a Web Worker the channel uses (the global Worker in a browser). */
export interface WebWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

export function webIndexWorker(worker: WebWorkerLike): IndexChannel {
  return {
    postMessage: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onStop) {
      worker.onmessage = (e) => onReply(e.data as IndexReply);
      // A Web Worker goes on after an uncaught error, in a state no one knows: it counts as
      // stopped (the inventory starts a new one on the next scan), as a crashed worker thread does.
      worker.onerror = (e) => {
        e.preventDefault();
        onStop(new Error(`the analysis worker failed: ${e.message || 'unknown error'}`));
      };
      worker.onmessageerror = () => onStop(new Error('the analysis worker sent a message that could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}
