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
const EXAMPLES = path.resolve(__dirname, '../../examples');

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

/** The files of examples/ the engine reads, as the editor lists them (dependency folders skipped). */
function exampleFiles(dir = EXAMPLES, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = `${prefix}${d.name}`;
    if (d.isDirectory()) return ALWAYS_SKIPPED_FOLDERS.has(d.name) ? [] : exampleFiles(path.join(dir, d.name), `${rel}/`);
    return formatOf(rel) ? [rel] : [];
  });
}

/** Everything an index worker makes of examples/: the policy, which files it scans, and the results. */
async function analyseExamples(worker: IndexWorker): Promise<string> {
  const policyText = fs.readFileSync(path.join(EXAMPLES, '.llm-compliance.yaml'), 'utf8');
  const parsed = await worker.parsePolicy('.llm-compliance.yaml', policyText);
  assert.ok('policy' in parsed, JSON.stringify(parsed));
  const gitignores = exampleFiles().filter((f) => f.endsWith('.gitignore')).map((f): [string, string] => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]);
  const index = worker.folder('examples', parsed.policy, gitignores);
  const scanned = [...await index.scanned(exampleFiles())].sort();
  for (const file of scanned) index.set(file, new Uint8Array(fs.readFileSync(path.join(EXAMPLES, file))));
  const { endpoints, findings, notes, texts } = await index.results();
  return JSON.stringify({ policy: parsed.policy, scanned, endpoints, findings, notes, texts: [...texts] });
}

describe('web host', () => {
  it('the web index worker runs with no Node globals and gives the desktop worker\'s results on examples/', async () => {
    const web = new IndexWorker(webIndexWorker(new VmWorker(path.join(DIST, 'web/index-worker.js'))), (err) => assert.fail(err));
    const desktop = new IndexWorker(nodeIndexWorker(path.join(DIST, 'index-worker.js')), (err) => assert.fail(err));
    try {
      const fromWeb = await analyseExamples(web);
      const parsed = JSON.parse(fromWeb) as { findings: { ruleId: string }[]; endpoints: unknown[] };
      assert.ok(parsed.findings.length >= 10 && parsed.endpoints.length >= 10, `${parsed.findings.length} findings, ${parsed.endpoints.length} endpoints`);
      assert.equal(fromWeb, await analyseExamples(desktop));
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
