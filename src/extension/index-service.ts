// The inventory's analysis runs here, in a worker (a worker thread on the desktop,
// index-worker.ts; a Web Worker on the web, index-worker-web.ts), so that no file, policy or
// path pattern, however large or hostile, blocks the extension host: the main thread only
// reads files, posts them here, and shows the results. One WorkspaceIndex per workspace folder.

import { Engine, gitignoreLayer, type IgnoreLayer, isExcluded, parsePolicy, PolicyError, policyLayer, refusedPatternNotes, WorkspaceIndex } from '../core';
import type { IndexQueries, IndexQuery, IndexReply, IndexRequest } from './index-protocol';
import { withRequirements } from './sidebar/policy-edit-text';

interface Folder {
  index: WorkspaceIndex;
  /** The .gitignore files and the policy's ignore:, outermost first. */
  layers: IgnoreLayer[];
  /** The texts last sent to the host, so that unchanged ones are not sent again. */
  sent: Map<string, string>;
}

const engine = new Engine();
const folders = new Map<string, Folder>();

/** Handles one request; a query's reply goes to `reply`. */
export function serveIndex(m: IndexRequest, reply: (r: IndexReply) => void): void {
  if ('id' in m) {
    let r: IndexReply;
    try {
      r = { type: 'reply', id: m.id, answer: answer(m) };
    } catch (err) {
      r = { type: 'error', id: m.id, message: err instanceof Error ? err.stack ?? err.message : String(err) };
    }
    reply(r);
    return;
  }
  if (m.type === 'reset') {
    const base = m.policyBase ?? '';
    const layers = ignoreLayers(m.policy.ignore, base, m.gitignores);
    // Refused patterns ignore nothing, as in the CLI, and say so.
    const folderNotes = layers.flatMap((layer) => (layer.policy ? [] : refusedPatternNotes(layer, `${layer.prefix}.gitignore`)));
    // Waiver paths are relative to the policy's folder, as in the CLI.
    const index = new WorkspaceIndex(engine, m.policy, { ...(m.sizeLimitSetting ? { sizeLimitSetting: m.sizeLimitSetting } : {}), folderNotes, ...(base ? { pathForPolicy: (file: string) => `${base}${file}` } : {}) });
    folders.set(m.folder, { index, layers, sent: new Map() });
    return;
  }
  const folder = folders.get(m.folder);
  if (!folder) return;
  switch (m.type) {
    case 'set':
      folder.index.set(m.file, m.content);
      break;
    case 'note':
      folder.index.setNote(m.file, m.note);
      break;
    case 'delete':
      folder.index.delete(m.file);
      break;
    case 'dispose':
      folders.delete(m.folder);
      break;
  }
}

function answer(m: IndexQuery): IndexQueries[typeof m.type]['answer'] {
  switch (m.type) {
    case 'parsePolicy':
      try {
        return { policy: parsePolicy(m.file, m.text) };
      } catch (err) {
        if (err instanceof PolicyError) return { problems: err.problems };
        throw err;
      }
    case 'withRequirements':
      return withRequirements(m.file, m.text, m.requirements);
    case 'scanned': {
      const folder = folders.get(m.folder);
      return folder ? m.files.filter((f) => !isExcluded(f, folder.layers)) : [];
    }
    case 'results': {
      const folder = folders.get(m.folder);
      if (!folder) throw new Error(`no index for ${m.folder}`);
      const { endpoints, findings, notes, texts } = folder.index.results();
      // Texts the main thread already has are not sent again.
      const changedTexts: [string, string][] = [];
      for (const [file, text] of texts) if (folder.sent.get(file) !== text) changedTexts.push([file, text]);
      const removedTexts = [...folder.sent.keys()].filter((f) => !texts.has(f));
      folder.sent = texts;
      return { endpoints, findings, notes, changedTexts, removedTexts };
    }
  }
}

/** The policy's ignore: (its patterns relative to the policy's folder) and each .gitignore (outermost first) that is not itself in an ignored folder. */
function ignoreLayers(policyIgnore: string[], policyBase: string, gitignores: [string, string][]): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  if (policyIgnore.length) layers.push(policyLayer(policyIgnore, policyBase));
  for (const [rel, text] of [...gitignores].sort(([a], [b]) => a.length - b.length)) {
    if (isExcluded(rel, layers)) continue;
    layers.push(gitignoreLayer(rel.slice(0, rel.length - '.gitignore'.length), text));
  }
  return layers;
}
