// The index worker on the web: a Web Worker (started by web-host.ts).

import type { IndexRequest } from './index-protocol';
import { serveIndex } from './index-service';

self.onmessage = (e: MessageEvent<IndexRequest>) => serveIndex(e.data, (reply) => self.postMessage(reply));
