// One engine, every host: on examples/ and every fixture workspace, the desktop extension's
// index worker (a Node worker thread), the web extension's (the browser bundle, with no Node
// globals) and the Language Server give the same findings, compared as an editor shows them:
// file, range, severity, rule and message of every unwaived finding.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineIndex, type Finding } from '../../src/core';
import { IndexWorker } from '../../src/extension/index-client';
import { nodeIndexWorker } from '../../src/extension/node-host';
import { webIndexWorker } from '../../src/extension/web-host';
import { ROOT } from '../support/cli';
import { LspClient, type PublishedDiagnostics } from '../support/lsp-client';
import { analyseInWorker, WORKSPACES } from '../support/editor-workspace';
import { VmWorker } from '../support/vm-worker';

const DIST = path.join(ROOT, 'dist');
const SEVERITY: Record<Finding['severity'], number> = { error: 1, warning: 2, note: 3 };

/** An extension host's findings, as its diagnostics show them (0-based lines and UTF-16 columns). */
async function fromIndexWorker(worker: IndexWorker, workspace: string): Promise<string[]> {
  const { findings, texts } = (await analyseInWorker(worker, workspace)).results;
  return findings.filter((f) => !f.suppression).map((f) => {
    const lines = new LineIndex(texts.get(f.file) ?? '');
    const a = lines.position(f.range.start);
    const b = lines.position(f.range.end);
    return `${f.file} ${a.line - 1}:${a.column - 1}-${b.line - 1}:${b.column - 1} ${SEVERITY[f.severity]} ${f.ruleId} ${f.message}`;
  }).sort();
}

/** The Language Server's diagnostics for every file of the folder, published when it starts. */
async function fromLanguageServer(workspace: string): Promise<string[]> {
  const root = path.join(ROOT, workspace);
  const client = new LspClient();
  try {
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
    client.notify('initialized', {});
    // Answered after the diagnostics published on `initialized`: the server handles messages in order.
    await client.request('textDocument/hover', { textDocument: { uri: pathToFileURL(path.join(root, 'none.py')).href }, position: { line: 0, character: 0 } });
    return [...client.diagnostics].flatMap(([uri, list]: [string, PublishedDiagnostics['diagnostics']]) => {
      const file = path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
      return list.map((d) => `${file} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);
    }).sort();
  } finally {
    client.kill();
  }
}

describe('desktop, web and Language Server hosts', function () {
  this.timeout(120000);

  it('give byte-identical findings on examples/ and every fixture workspace', async () => {
    const desktop = new IndexWorker(nodeIndexWorker(path.join(DIST, 'index-worker.js')), (err) => assert.fail(err));
    const web = new IndexWorker(webIndexWorker(new VmWorker(path.join(DIST, 'web/index-worker.js'))), (err) => assert.fail(err));
    try {
      let compared = 0;
      for (const workspace of WORKSPACES) {
        const onDesktop = await fromIndexWorker(desktop, workspace);
        assert.deepEqual(await fromIndexWorker(web, workspace), onDesktop, `${workspace}: web and desktop`);
        assert.deepEqual(await fromLanguageServer(workspace), onDesktop, `${workspace}: Language Server and desktop`);
        compared += onDesktop.length;
      }
      assert.ok(compared >= 50, `${compared} findings compared`);
    } finally {
      desktop.dispose();
      web.dispose();
    }
  });
});
