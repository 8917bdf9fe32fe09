// The desktop's index worker: a Node worker thread running dist/index-worker.js. The only
// Node built-in the extension host uses; the web has web-host.ts instead.

import { Worker } from 'node:worker_threads';
import type { IndexChannel } from './index-client';
import type { IndexReply } from './index-protocol';

export function nodeIndexWorker(script: string): IndexChannel {
  const worker = new Worker(script);
  return {
    postMessage: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onStop) {
      worker.on('message', (m: IndexReply) => onReply(m));
      worker.on('error', onStop);
      worker.on('exit', (code) => onStop(new Error(`the analysis worker exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}
