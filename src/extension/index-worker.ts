// The inventory's analysis runs here, in a worker thread, so that no file, however large,
// blocks the extension host: the main thread only reads files, posts them here, and shows
// the results. One WorkspaceIndex per workspace folder.

import { parentPort } from 'node:worker_threads';
import { Engine } from '../core/engine';
import { WorkspaceIndex } from '../core/workspace';
import type { IndexFailure, IndexRequest, IndexResults } from './index-protocol';

const engine = new Engine();
const indexes = new Map<string, { index: WorkspaceIndex; sent: Map<string, string> }>();

parentPort!.on('message', (m: IndexRequest) => {
  if (m.type === 'reset') {
    indexes.set(m.folder, { index: new WorkspaceIndex(engine, m.policy, m.sizeLimitSetting ? { sizeLimitSetting: m.sizeLimitSetting } : {}), sent: new Map() });
    return;
  }
  const entry = indexes.get(m.folder);
  if (!entry) return;
  const { index } = entry;
  switch (m.type) {
    case 'set':
      index.set(m.file, m.content);
      break;
    case 'note':
      index.setNote(m.file, m.note);
      break;
    case 'delete':
      index.delete(m.file);
      break;
    case 'dispose':
      indexes.delete(m.folder);
      break;
    case 'results': {
      let results: ReturnType<WorkspaceIndex['results']>;
      try {
        results = index.results();
      } catch (err) {
        const failure: IndexFailure = { type: 'error', id: m.id, message: err instanceof Error ? err.stack ?? err.message : String(err) };
        parentPort!.postMessage(failure);
        break;
      }
      const { endpoints, findings, notes, texts } = results;
      // Texts the main thread already has are not sent again.
      const changed: [string, string][] = [];
      for (const [file, text] of texts) if (entry.sent.get(file) !== text) changed.push([file, text]);
      const removed = [...entry.sent.keys()].filter((f) => !texts.has(f));
      entry.sent = texts;
      const reply: IndexResults = { type: 'results', folder: m.folder, id: m.id, endpoints, findings, notes, changedTexts: changed, removedTexts: removed };
      parentPort!.postMessage(reply);
      break;
    }
  }
});
