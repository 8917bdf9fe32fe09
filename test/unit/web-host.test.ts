// The web extension's index worker: dist/web/index-worker.js (built by `npm run build`) run
// the way a browser runs a Web Worker, in a context with no Node globals (no process,
// require or Buffer), driven through the same IndexWorker client as the desktop's worker
// thread. On examples/ both give the same results, and a failing Web Worker is reported as
// a crashed worker thread is.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyPolicy } from '../../src/core';
import { IndexWorker, transferable } from '../../src/extension/index-client';
import { nodeIndexWorker } from '../../src/extension/node-host';
import { webIndexWorker } from '../../src/extension/web-host';
import { analyseInWorker, WORKSPACES } from '../support/editor-workspace';
import { VmWorker } from '../support/vm-worker';

const DIST = path.resolve(__dirname, '../../dist');

/** Everything an index worker makes of a workspace: the policy, which files it scans, and the results. */
async function analyse(worker: IndexWorker, workspace: string): Promise<string> {
  const { policy, scanned, results: { endpoints, findings, notes, texts } } = await analyseInWorker(worker, workspace);
  return JSON.stringify({ policy, scanned, endpoints, findings, notes, texts: [...texts] });
}

describe('web host', () => {
  it('the web index worker runs with no Node globals and gives the desktop worker\'s results on examples/ and every fixture workspace', async () => {
    const web = new IndexWorker(webIndexWorker(new VmWorker(path.join(DIST, 'web/index-worker.js'))), (err) => assert.fail(err));
    const desktop = new IndexWorker(nodeIndexWorker(path.join(DIST, 'index-worker.js')), (err) => assert.fail(err));
    try {
      let findings = 0;
      for (const workspace of WORKSPACES) {
        const fromWeb = await analyse(web, workspace);
        findings += (JSON.parse(fromWeb) as { findings: unknown[] }).findings.length;
        assert.equal(fromWeb, await analyse(desktop, workspace), workspace);
      }
      assert.ok(WORKSPACES.length >= 5 && findings >= 50, `${findings} findings in ${WORKSPACES.length} workspaces`);
    } finally {
      web.dispose();
      desktop.dispose();
    }
  });

  it('a Web Worker that throws counts as crashed: what waits is rejected and the failure reported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-web-worker-'));
    const script = path.join(dir, 'crash.js');
    fs.writeFileSync(script, "self.onmessage = (e) => { if (e.data.type === 'results') throw new Error('boom'); };\n");
    let reported: Error | undefined;
    const worker = new IndexWorker(webIndexWorker(new VmWorker(script)), (err) => (reported = err));
    try {
      const index = worker.folder('app', emptyPolicy(), []);
      await assert.rejects(index.results(), /boom/);
      assert.equal(worker.failed, true);
      assert.match(String(reported), /the analysis worker failed: .*boom/);
      assert.throws(() => index.set('a.py', 'x = 1\n'));
    } finally {
      worker.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands a file\'s bytes over only when they fill their buffer', () => {
    const whole = new Uint8Array([1, 2, 3]);
    assert.deepEqual(transferable({ type: 'set', folder: 'f', file: 'a.py', content: whole }), [whole.buffer]);
    assert.deepEqual(transferable({ type: 'set', folder: 'f', file: 'a.py', content: whole.subarray(1) }), []);
    assert.deepEqual(transferable({ type: 'set', folder: 'f', file: 'a.py', content: 'x = 1' }), []);
    assert.deepEqual(transferable({ type: 'delete', folder: 'f', file: 'a.py' }), []);
  });
});
