// One engine, every host: on examples/ and every fixture workspace, the desktop extension's
// index worker (a Node worker thread), the web extension's (the browser bundle, with no Node
// globals) and the Language Server give the same findings, compared as an editor shows them:
// file, range, severity, rule and message of every unwaived finding.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { LineIndex, NO_POLICY_CODE, NO_POLICY_HINT_MAX, noPolicyHints, type Finding } from '../../src/core';
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
  const root = path.resolve(ROOT, workspace);
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

  it('mark the same places "not checked" with the same words on a folder without a policy, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-nopolicy-'));
    fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
    fs.rmSync(path.join(dir, '.llm-compliance.yaml'));
    const desktop = new IndexWorker(nodeIndexWorker(path.join(DIST, 'index-worker.js')), (err) => assert.fail(err));
    try {
      // As the extension's DiagnosticsView places them: the core's hints at the analysed text's lines.
      const { results } = await analyseInWorker(desktop, dir);
      assert.deepEqual(results.findings.filter((f) => !f.suppression), [], 'no policy: no findings');
      const inEditor = noPolicyHints(results.endpoints).map((h) => {
        const lines = new LineIndex(results.texts.get(h.file) ?? '');
        const a = lines.position(h.range.start);
        const b = lines.position(h.range.end);
        return `${h.file} ${a.line - 1}:${a.column - 1}-${b.line - 1}:${b.column - 1} 3 ${NO_POLICY_CODE} ${h.message}`;
      }).sort();
      const places = new Set(results.endpoints.map((e) => `${e.file}:${e.range.start}:${e.range.end}`));
      assert.equal(inEditor.length, places.size, 'one hint per place an endpoint is chosen');
      assert.ok(inEditor.length >= 20, `${inEditor.length} hints`);
      assert.ok(inEditor.every((d) => d.split(` ${NO_POLICY_CODE} `)[1]!.length <= NO_POLICY_HINT_MAX));
      const fromServer = await fromLanguageServer(dir);
      assert.deepEqual(fromServer.filter((d) => d.includes(` ${NO_POLICY_CODE} `)), inEditor, 'Language Server and desktop');
      assert.ok(!fromServer.some((d) => / LLMC\d{3} /.test(d)), 'the Language Server reports no rule without a policy');
    } finally {
      desktop.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
