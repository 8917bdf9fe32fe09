// The desktop's index worker: a Node worker thread running dist/index-worker.js. The only
// Node built-in the extension host uses; the web has web-host.ts instead.

import { Worker } from 'node:worker_threads';
import type { IndexChannel } from './index-client';
import type { IndexReply } from './index-protocol';

export function nodeIndexWorker(script: string): IndexChannel {
  const worker = new Worker(script);
  // The worker may be started before anyone listens (extension.ts starts it as the bundle
  // loads): a failure meanwhile is kept and reported to the listener when it comes.
  let stopped: Error | undefined;
  let onStopped: ((err: Error) => void) | undefined;
  const stop = (err: Error): void => {
    if (onStopped) onStopped(err);
    else stopped ??= err;
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`the analysis worker exited with code ${code}`)));
  return {
    postMessage: (request, transfer) => worker.postMessage(request, transfer),
    listen(onReply, onStop) {
      worker.on('message', (m: IndexReply) => onReply(m));
      onStopped = onStop;
      if (stopped) onStop(stopped);
    },
    terminate: () => void worker.terminate(),
  };
}
