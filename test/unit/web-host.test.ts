// The web extension's index worker: dist/web/index-worker.js (built by `npm run build`) run
// the way a browser runs a Web Worker, in a context with no Node globals (no process,
// require or Buffer), driven through the same IndexWorker client as the desktop's worker
// thread. On examples/ both give the same results, and a failing Web Worker is reported as
// a crashed worker thread is.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { ALWAYS_SKIPPED_FOLDERS, emptyPolicy, formatOf } from '../../src/core';
import { IndexWorker, transferable } from '../../src/extension/index-client';
import { nodeIndexWorker } from '../../src/extension/node-host';
import { webIndexWorker, type WebWorkerLike } from '../../src/extension/web-host';

const DIST = path.resolve(__dirname, '../../dist');
const ROOT = path.resolve(__dirname, '../..');
/** examples/ and every fixture workspace: each has its policy at its root. */
const WORKSPACES = ['examples', ...fs.readdirSync(path.join(ROOT, 'test/fixtures/workspaces'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `test/fixtures/workspaces/${d.name}`)];

/** A Web Worker running a script in a fresh context that has only what a browser worker has (as far as the script needs). */
class VmWorker implements WebWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private readonly scope: { onmessage?: (event: { data: unknown }) => void };
  private terminated = false;

  constructor(script: string) {
    const scope: Record<string, unknown> = {
      console, TextDecoder, TextEncoder, URL, URLSearchParams, setTimeout, clearTimeout, queueMicrotask, structuredClone,
      postMessage: (data: unknown) => this.deliver(() => this.onmessage?.({ data: structuredClone(data) } as MessageEvent)),
    };
    scope.self = scope;
    this.scope = vm.createContext(scope);
    vm.runInContext(fs.readFileSync(script, 'utf8'), this.scope, { filename: script });
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    const data: unknown = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    this.deliver(() => this.scope.onmessage?.({ data }));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Asynchronously, as a worker's messages arrive; an uncaught error goes to onerror, as in a browser. */
  private deliver(run: () => void): void {
    setImmediate(() => {
      if (this.terminated) return;
      try {
        run();
      } catch (err) {
        this.onerror?.({ message: err instanceof Error ? err.message : String(err), preventDefault: () => undefined } as ErrorEvent);
      }
    });
  }
}

/** The files of a workspace the engine reads, as the editor lists them (dependency folders skipped), and its .gitignore files. */
function filesOf(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = `${prefix}${d.name}`;
    if (d.isDirectory()) return ALWAYS_SKIPPED_FOLDERS.has(d.name) ? [] : filesOf(path.join(dir, d.name), `${rel}/`);
    return formatOf(rel) || d.name === '.gitignore' ? [rel] : [];
  });
}

/** Everything an index worker makes of a workspace: the policy, which files it scans, and the results. */
async function analyse(worker: IndexWorker, workspace: string): Promise<string> {
  const dir = path.join(ROOT, workspace);
  const parsed = await worker.parsePolicy('.llm-compliance.yaml', fs.readFileSync(path.join(dir, '.llm-compliance.yaml'), 'utf8'));
  assert.ok('policy' in parsed, JSON.stringify(parsed));
  const files = filesOf(dir);
  const gitignores = files.filter((f) => f === '.gitignore' || f.endsWith('/.gitignore')).map((f): [string, string] => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  const index = worker.folder(workspace, parsed.policy, gitignores);
  const scanned = [...await index.scanned(files.filter((f) => formatOf(f)))].sort();
  for (const file of scanned) index.set(file, new Uint8Array(fs.readFileSync(path.join(dir, file))));
  const { endpoints, findings, notes, texts } = await index.results();
  return JSON.stringify({ policy: parsed.policy, scanned, endpoints, findings, notes, texts: [...texts] });
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
