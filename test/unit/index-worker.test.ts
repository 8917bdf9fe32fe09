// The editor's analysis worker (dist/index-worker.js, built by `npm run build`): results
// come back in order, superseded loads cannot leak into new ones, and a crash rejects
// what is waiting instead of hanging the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyPolicy, parsePolicy } from '../../src/core/policy/policy';
import { IndexWorker } from '../../src/extension/index-client';
import { nodeIndexWorker } from '../../src/extension/node-host';

const SCRIPT = path.resolve(__dirname, '../../dist/index-worker.js');

describe('index worker', () => {
  it('analyses posted files and sends each text once', async () => {
    const worker = new IndexWorker(nodeIndexWorker(SCRIPT), (err) => assert.fail(err));
    try {
      const index = worker.folder('app', parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\nresidency: eu-adequacy\n'), []);
      index.set('app.py', 'from openai import OpenAI\nclient = OpenAI()\n');
      const first = await index.results();
      assert.deepEqual(first.findings.map((f) => `${f.file} ${f.ruleId}`), ['app.py LLMC002']);
      assert.ok(first.texts.get('app.py')?.includes('OpenAI()'));
      index.set('app.py', 'from openai import OpenAI\nclient = OpenAI(base_url="https://eu.api.openai.com/v1")\n');
      const second = await index.results();
      assert.deepEqual(second.findings, []);
      assert.ok(second.texts.get('app.py')?.includes('eu.api.openai.com'));
    } finally {
      worker.dispose();
    }
  });

  it('keeps a superseded load of a folder apart from the new one', async () => {
    const worker = new IndexWorker(nodeIndexWorker(SCRIPT), (err) => assert.fail(err));
    try {
      const old = worker.folder('app', emptyPolicy(), []);
      const fresh = worker.folder('app', emptyPolicy(), []);
      old.set('late.py', 'from openai import OpenAI\nclient = OpenAI()\n');
      fresh.set('app.py', 'import anthropic\nclient = anthropic.Anthropic()\n');
      const r = await fresh.results();
      assert.deepEqual(r.endpoints.map((e) => e.file), ['app.py']);
      assert.ok(r.texts.has('app.py'));
    } finally {
      worker.dispose();
    }
  });

  it('parses policies, writes require: and matches ignore patterns, so the extension host does none of it', async () => {
    const worker = new IndexWorker(nodeIndexWorker(SCRIPT), (err) => assert.fail(err));
    try {
      const parsed = await worker.parsePolicy('.llm-compliance.yaml', 'require: [hipaa]\nignore: ["legacy/"]\n');
      assert.ok('policy' in parsed && parsed.policy.require[0] === 'hipaa');
      const broken = await worker.parsePolicy('.llm-compliance.yaml', 'require: [hipa]\n');
      assert.ok('problems' in broken && broken.problems[0]!.line === 1, JSON.stringify(broken));
      assert.equal(await worker.withRequirements('.llm-compliance.yaml', 'require: [hipaa]\n', ['eu-residency']), 'require: [eu-residency]\n');
      await assert.rejects(worker.withRequirements('.llm-compliance.yaml', 'baa: [nobody]\n', ['hipaa']), /baa/);
      const policy = 'policy' in parsed ? parsed.policy : emptyPolicy();
      // A .gitignore inside an ignored folder does not apply.
      const index = worker.folder('app', policy, [['.gitignore', 'build/\n*.gen.py\n'], ['build/.gitignore', '!x.py\n'], ['sub/.gitignore', 'old.ts\n!keep.gen.py\n']]);
      const files = ['app.py', 'legacy/old.py', 'build/x.py', 'a.gen.py', 'node_modules/x/index.js', 'sub/app.ts', 'sub/old.ts', 'sub/keep.gen.py'];
      assert.deepEqual([...await index.scanned(files)].sort(), ['app.py', 'sub/app.ts', 'sub/keep.gen.py']);
    } finally {
      worker.dispose();
    }
  });

  it('reports a refused ignore pattern as the CLI does: it ignores nothing, and an LLMC008 says so', async () => {
    const worker = new IndexWorker(nodeIndexWorker(SCRIPT), (err) => assert.fail(err));
    try {
      const policy = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\n');
      const index = worker.folder('app', policy, [['.gitignore', `legacy/\n${'**/a'.repeat(70)}\n`]]);
      assert.deepEqual([...await index.scanned(['legacy/a.py'])], ['legacy/a.py']);
      const r = await index.results();
      assert.deepEqual(r.findings.map((f) => `${f.ruleId} ${f.file}`), ['LLMC008 .gitignore']);
      assert.match(r.findings[0]!.message, /refused/);
    } finally {
      worker.dispose();
    }
  });

  it('rejects waiting requests when the worker dies, and says it failed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-worker-'));
    const script = path.join(dir, 'crash.js');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'results') throw new Error('boom'); });\n");
    let reported: Error | undefined;
    const worker = new IndexWorker(nodeIndexWorker(script), (err) => (reported = err));
    try {
      const index = worker.folder('app', emptyPolicy(), []);
      await assert.rejects(index.results(), /boom/);
      assert.equal(worker.failed, true);
      assert.match(String(reported), /boom/);
      assert.throws(() => index.set('a.py', 'x = 1\n'));
    } finally {
      worker.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a worker that failed before anyone listened (the desktop starts it as the bundle loads)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-worker-'));
    const script = path.join(dir, 'fails-at-start.js');
    fs.writeFileSync(script, "throw new Error('cannot load');\n");
    const channel = nodeIndexWorker(script);
    try {
      // Long enough for the worker to start and fail with no listener attached.
      await new Promise((r) => setTimeout(r, 1500));
      let reported: Error | undefined;
      const worker = new IndexWorker(channel, (err) => (reported = err));
      assert.match(String(reported), /cannot load/);
      assert.equal(worker.failed, true);
      await assert.rejects(worker.parsePolicy('.llm-compliance.yaml', 'require: []\n'), /cannot load/);
    } finally {
      channel.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
