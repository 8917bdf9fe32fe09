// One workspace algorithm for every host: the core's analyzeWorkspace runs the passes that
// the CLI used to run itself, reading files through the host and keeping none of them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, emptyPolicy, Engine, firstAnalyzer, parsePolicy, WorkspaceIndex, type ScanNote, type WorkspaceResults, type WorkspaceSource } from '../../src/core';
import { EXAMPLES, runCli, tempWorkspace } from '../support/cli';

const TODAY = '2026-11-27';
const engine = new Engine();

function filesOf(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`]));
}

const summary = (r: Pick<WorkspaceResults, 'endpoints' | 'findings' | 'notes'>) => ({
  endpoints: r.endpoints.map((e) => `${e.file} ${e.range.start} ${e.provider} ${e.host} ${e.region} ${e.euResident} ${e.baaAvailable} ${e.via}`).sort(),
  findings: r.findings.map((f) => `${f.file} ${f.range.start} ${f.ruleId} ${f.severity} ${f.message}`).sort(),
  notes: r.notes.map((n) => `${n.file} ${n.kind} ${n.message}`).sort(),
});

/** The examples folder as a host gives it, counting the reads of each file. */
function examplesSource(reads: Map<string, number>, refuse?: (file: string, nth: number) => boolean): WorkspaceSource {
  return {
    files: filesOf(EXAMPLES),
    read(file) {
      const nth = (reads.get(file) ?? 0) + 1;
      reads.set(file, nth);
      if (refuse?.(file, nth)) return { kind: 'unreadable', file, message: 'not readable: EIO' } satisfies ScanNote;
      return fs.readFileSync(path.join(EXAMPLES, file));
    },
  };
}

describe('analyzeWorkspace (the core runs the passes, the host reads)', () => {
  const policy = parsePolicy('.llm-compliance.yaml', fs.readFileSync(path.join(EXAMPLES, '.llm-compliance.yaml'), 'utf8'));

  it('reads each file as it analyses it: a workspace\'s bytes are never all held at once', async () => {
    const events: string[] = [];
    const counting = new Engine(undefined, { fault: (pass, file) => { if (pass === 'decode') events.push(`analyse ${file}`); } });
    const source = examplesSource(new Map());
    const read = source.read.bind(source);
    await analyzeWorkspace(counting, policy, { ...source, read: (file, limit) => (events.push(`read ${file}`), read(file, limit)) }, { today: () => TODAY });
    const first = events.findIndex((e) => e.startsWith('analyse '));
    assert.ok(first > 0, events.join('\n'));
    // Only the file about to be analysed has been read before the first analysis.
    assert.deepEqual(events.slice(0, first).filter((e) => e.startsWith('read ')), [events[first - 1]]);
  });

  it('gives what the editor\'s WorkspaceIndex gives with every file in memory', async () => {
    const reads = new Map<string, number>();
    const batch = await analyzeWorkspace(engine, policy, examplesSource(reads), { today: () => TODAY });
    const index = new WorkspaceIndex(engine, policy, { today: () => TODAY });
    for (const file of filesOf(EXAMPLES)) index.set(file, fs.readFileSync(path.join(EXAMPLES, file)));
    assert.deepEqual(summary(batch), summary(index.results()));
    assert.ok(batch.findings.length > 10);
    // Every file it analyses is read first; later passes read again only the files they need.
    assert.equal(batch.filesScanned, [...reads.keys()].length);
    assert.ok([...reads.values()].some((n) => n > 1), 'a later pass reads a file again instead of keeping it');
  });

  it('says so when a later pass cannot read a file again, and keeps what the first read found', async () => {
    const clean = await analyzeWorkspace(engine, policy, examplesSource(new Map()), { today: () => TODAY });
    const reads = new Map<string, number>();
    // Every second read fails (code that reads a value the workspace sets is read again with it).
    const again = await analyzeWorkspace(engine, policy, examplesSource(reads, (_file, nth) => nth > 1), { today: () => TODAY });
    const refused = [...reads].filter(([, n]) => n > 1).map(([file]) => file);
    assert.ok(refused.length > 0, 'some file is read again');
    for (const file of refused) {
      assert.ok(again.notes.some((n) => n.file === file && /EIO/.test(n.message)), `${file}: the refused read is a note`);
      assert.ok(again.findings.some((f) => f.file === file && f.ruleId === 'LLMC008'), `${file}: and an LLMC008 finding`);
    }
    // Nothing the first read found is lost.
    const keys = (r: WorkspaceResults) => new Set(r.endpoints.map((e) => `${e.file} ${e.range.start}`));
    for (const key of keys(clean)) if (refused.some((f) => key.startsWith(`${f} `))) assert.ok(keys(again).has(key), key);
  });

  it('takes first analyses made elsewhere (a host\'s workers), and analyses itself when the host declines', async () => {
    const expected = summary(await analyzeWorkspace(engine, policy, examplesSource(new Map()), { today: () => TODAY }));
    const inMemory = examplesSource(new Map());
    const lent: WorkspaceSource = {
      ...inMemory,
      analyzeFirst: (files, maxFileSize, wanted) => {
        const analyze = firstAnalyzer(new Engine(), { maxFileSize, wanted });
        return Promise.resolve(files.map((file) => { const bytes = inMemory.read(file, maxFileSize); return bytes instanceof Uint8Array ? analyze(file, bytes) : bytes; }));
      },
    };
    assert.deepEqual(summary(await analyzeWorkspace(engine, policy, lent, { today: () => TODAY })), expected);
    const declined: WorkspaceSource = { ...inMemory, analyzeFirst: () => Promise.resolve(undefined) };
    assert.deepEqual(summary(await analyzeWorkspace(engine, policy, declined, { today: () => TODAY })), expected);
  });

  it('the CLI gives the same report on worker threads as on one thread', function () {
    this.timeout(120000);
    // Enough files for the workers to start (400), with an env value set in one folder and read in another.
    const files: Record<string, string> = {
      '.llm-compliance.yaml': 'require: [eu-residency]\n',
      'svc/.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n',
      'svc/app.py': 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["OPENAI_BASE_URL"])\n',
      'web/chat.ts': 'import Anthropic from "@anthropic-ai/sdk";\nexport const client = new Anthropic();\n',
    };
    for (let i = 0; i < 450; i++) files[`filler/m${i}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
    const dir = tempWorkspace(files);
    const run = (threads: string) => {
      const saved = process.env.LLMC_THREADS;
      process.env.LLMC_THREADS = threads;
      try {
        return runCli(['scan', '.', '--format', 'json', '--date', TODAY], dir);
      } finally {
        if (saved === undefined) delete process.env.LLMC_THREADS;
        else process.env.LLMC_THREADS = saved;
      }
    };
    const one = run('1');
    const two = run('2');
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, one.status, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.match(one.stdout, /api\.openai\.com/);
  });

  // A value that crosses modules (a constant another module exports, used by code with no
  // signal of its own; a call's argument) reaches them however the bytes are encoded and however short the name.
  describe('a value another module gives', () => {
    const utf16le = (text: string): Uint8Array => {
      const out = new Uint8Array(2 + text.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    const appEndpoints = async (files: Record<string, string | Uint8Array>): Promise<string[][]> => {
      const bytes = (file: string): Uint8Array => { const v = files[file]!; return typeof v === 'string' ? new TextEncoder().encode(v) : v; };
      const batch = await analyzeWorkspace(engine, emptyPolicy(), { files: Object.keys(files), read: bytes }, { today: () => TODAY });
      const index = new WorkspaceIndex(engine, emptyPolicy(), { today: () => TODAY });
      for (const file of Object.keys(files)) index.set(file, bytes(file));
      return [batch, index.results()].map((r) => r.endpoints.filter((e) => e.file === 'app.py').map((e) => `${e.provider} ${e.host}`));
    };
    const use = (name: string): string => `from config import ${name}\nimport requests\n\nrequests.post(${name})\n`;

    it('in a UTF-16 file (decoded as the engine decodes it)', async () => {
      const config = 'BASE_URL = "https://api.anthropic.com"\n';
      const plain = await appEndpoints({ 'config.py': config, 'app.py': use('BASE_URL') });
      assert.ok(plain[0]!.length > 0, 'the UTF-8 file is read with the value');
      assert.deepEqual(await appEndpoints({ 'config.py': config, 'app.py': utf16le(use('BASE_URL')) }), plain);
    });

    it('passed to a function by a UTF-16 caller', async () => {
      const files: Record<string, Uint8Array> = {
        'lib.py': new TextEncoder().encode('from openai import OpenAI\n\ndef make_client(url):\n    return OpenAI(base_url=url)\n'),
        'app.py': utf16le('import lib\n\nc = lib.make_client(url="https://api.mistral.ai/v1")\n'),
      };
      const r = await analyzeWorkspace(engine, emptyPolicy(), { files: Object.keys(files), read: (file) => files[file]! }, { today: () => TODAY });
      assert.deepEqual(r.endpoints.filter((e) => e.file === 'lib.py').map((e) => `${e.provider} ${e.host}`), ['mistral api.mistral.ai']);
    });

    it('named in fewer than 4 characters', async () => {
      const [batch, index] = await appEndpoints({ 'config.py': 'URL = "https://api.anthropic.com"\n', 'app.py': use('URL') });
      assert.ok(batch!.some((e) => e.includes('api.anthropic.com')), JSON.stringify(batch));
      assert.deepEqual(index, batch);
    });

    it('passed to a function named in fewer than 4 characters', async () => {
      const files: Record<string, string> = {
        'lib.py': 'from openai import OpenAI\n\ndef mk(url):\n    return OpenAI(base_url=url)\n',
        'app.py': 'import lib\n\nc = lib.mk(url="https://api.mistral.ai/v1")\n',
      };
      const r = await analyzeWorkspace(engine, emptyPolicy(), { files: Object.keys(files), read: (file) => new TextEncoder().encode(files[file]) }, { today: () => TODAY });
      // The function's client is placed by its callers' values, not left unknown.
      assert.deepEqual(r.endpoints.filter((e) => e.file === 'lib.py').map((e) => `${e.provider} ${e.host}`), ['mistral api.mistral.ai']);
    });
  });
});
