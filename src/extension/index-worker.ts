// The index worker on the desktop: a Node worker thread (started by node-host.ts).

import { parentPort } from 'node:worker_threads';
import type { IndexRequest } from './index-protocol';
import { serveIndex } from './index-service';

parentPort!.on('message', (m: IndexRequest) => serveIndex(m, (reply) => parentPort!.postMessage(reply)));
