// `scan --cache`: files unchanged since the last run keep their analysis, the cross-file passes
// re-run where the values they read moved, and the output is the uncached run's, byte for byte.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/core';
import { scan } from '../../src/cli/scan';
import { CLI, copyCli, EXAMPLES, ROOT, runCli, tempWorkspace } from '../support/cli';
import { FORMAT_NAMES, formatOutput } from '../../src/cli/format/formats';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

const EU_POLICY = 'require: [eu-residency]\n';
const READS_ENV = 'import os\nimport openai\nclient = openai.OpenAI(base_url=os.environ["OPENAI_BASE_URL"])\n';

/** Every file's times an hour back, so that a cached run trusts their stat (a file written in the last seconds is hashed). */
function age(dir: string): void {
  const then = new Date(Date.now() - 3600_000);
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(dir, file), then, then);
}

function cacheFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-cache-'));
}

/** A scan in this process that counts the files it reads and analyses. */
async function counted(dir: string, cache: string): Promise<{ json: string; reads: string[]; decodes: string[] }> {
  const reads: string[] = [];
  const decodes: string[] = [];
  const engine = new Engine(undefined, { fault: (pass, file) => { if (pass === 'read') reads.push(file!); if (pass === 'decode') decodes.push(file!); } });
  const report = await scan(['.'], { cwd: dir, engine, cacheFolder: cache, today: '2026-12-01' });
  const json = JSON.stringify({ endpoints: report.endpoints, findings: report.findings, notes: report.notes, filesScanned: report.filesScanned });
  return { json, reads, decodes };
}

const json = (dir: string, ...args: string[]) => runCli(['scan', '.', '--format', 'json', '--date', '2026-12-01', ...args], dir);

describe('scan --cache (issue 15)', function () {
  this.timeout(120_000);

  // Every tree the tests know: examples/ and each fixture folder, in each format.
  const trees = [EXAMPLES, ...fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name)).filter((dir) => fs.statSync(dir).isDirectory())];
  it(`gives the uncached output byte for byte: filling the cache, replaying its results, placing its entries (${trees.length} trees, ${FORMAT_NAMES.length} formats)`, async () => {
    let findings = 0;
    for (const tree of trees) {
      const cache = cacheFolder();
      const run = async (cacheFolder?: string) => {
        const report = await scan(['.'], { cwd: tree, today: '2026-12-01', ...(cacheFolder ? { cacheFolder } : {}) });
        return FORMAT_NAMES.map((format) => [...formatOutput(format, report, { version: '1.0.0', rootUri: 'file:///w/', paths: ['.'], color: false, verbose: true, showWaived: true, width: 0, quiet: false, sourceDateEpoch: '0' })].join(''));
      };
      const plain = await run();
      findings += JSON.parse(plain[FORMAT_NAMES.indexOf('json')]!).findings.length;
      assert.deepEqual(await run(cache), plain, `${tree}: the run that fills the cache`);
      assert.deepEqual(await run(cache), plain, `${tree}: a run that replays its results`);
      // Without the results, each file's entry is placed and the cross-file passes run on them.
      for (const results of fs.readdirSync(cache).filter((f) => f.endsWith('.results.json'))) fs.rmSync(path.join(cache, results));
      assert.deepEqual(await run(cache), plain, `${tree}: a run that places the entries`);
    }
    assert.ok(findings > 50, `the trees have findings to compare (${findings})`);
  });

  it('reads no file again while none changed, and only the changed one (with the files that read its values) after an edit', async () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n', 'app/a.py': READS_ENV, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n', 'app/c.py': 'print("no LLM")\n' });
    age(dir);
    const cache = cacheFolder();
    const first = await counted(dir, cache);
    assert.ok(first.decodes.length >= 3, first.decodes.join());
    const again = await counted(dir, cache);
    assert.deepEqual(again.reads, []);
    assert.deepEqual(again.decodes, []);
    assert.equal(again.json, first.json);

    // The .env's value moves to an EU host: the .env is read afresh, a.py (which reads it) again with the new value.
    fs.writeFileSync(path.join(dir, '.env'), 'OPENAI_BASE_URL=https://example-eu.openai.azure.com/openai/v1\n');
    const edited = await counted(dir, cache);
    assert.deepEqual([...new Set(edited.decodes)].sort(), ['.env', 'app/a.py']);
    const fresh = await counted(dir, cacheFolder());
    assert.equal(edited.json, fresh.json);
    assert.notEqual(edited.json, first.json);
  });

  it('trusts content, not times: a touched file keeps its analysis, a file changed behind an old mtime is read afresh', async () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n' });
    age(dir);
    const cache = cacheFolder();
    await counted(dir, cache);
    const file = path.join(dir, 'app/b.py');
    fs.utimesSync(file, new Date(), new Date());
    const touched = await counted(dir, cache);
    assert.deepEqual(touched.decodes, []);

    // Same size, mtime put back: the inode's change time still moves, so the file is hashed and found changed.
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n');
    fs.utimesSync(file, atime, mtime);
    const changed = await counted(dir, cache);
    assert.deepEqual(changed.decodes, ['app/b.py']);
    assert.equal(changed.json, (await counted(dir, cacheFolder())).json);
    assert.match(changed.json, /us-east-1/);
  });

  it('drops what a deleted file found, and analyses a new one', async () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n' });
    age(dir);
    const cache = cacheFolder();
    assert.match((await counted(dir, cache)).json, /app\/b\.py/);
    fs.rmSync(path.join(dir, 'app/b.py'));
    fs.writeFileSync(path.join(dir, 'app/n.py'), 'import anthropic\nc = anthropic.Anthropic()\n');
    const after = await counted(dir, cache);
    assert.doesNotMatch(after.json, /app\/b\.py/);
    assert.deepEqual(after.decodes, ['app/n.py']);
    assert.equal(after.json, (await counted(dir, cacheFolder())).json);
  });

  it('ignores a damaged or foreign cache, says so for a damaged one, and writes a good one in its place', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n' });
    const cache = cacheFolder();
    const plain = json(dir);
    json(dir, '--cache-location', cache);
    const files = fs.readdirSync(cache).map((name) => path.join(cache, name)).sort();
    // The last run's output (last-run.ts), the entries, the results.
    assert.deepEqual(files.map((f) => path.basename(f).replace(/^(scan|run)-[\w-]+/, '$1')), ['run.json', 'scan.json', 'scan.results.json']);
    const good = files.map((f) => fs.readFileSync(f, 'utf8'));

    const damages = (text: string) => [text.slice(0, text.length / 2), '{"layout":1,"scope":"x","startedAt":0,"keys":[],"files":[["app/b.py",{"stamp":{}}]]}', '\u0000\u0001binary'];
    for (const [damage, said] of [[0, /damaged/], [1, /damaged/], [2, /damaged/]] as const) {
      // Every file damaged: neither the output nor the results can be replayed, nor the entries placed.
      files.forEach((f, i) => fs.writeFileSync(f, damages(good[i]!)[damage]!));
      const r = json(dir, '--cache-location', cache);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.status, plain.status);
      assert.match(r.stderr, said);
      assert.match(r.stderr, /ignored, and rewritten/);
      for (const f of files) assert.equal(body(fs.readFileSync(f, 'utf8')).layout, 1);
    }
    // Still JSON, still of this scope, one value changed (a byte gone bad, a hand edit): the checksum tells.
    for (const [i, f] of files.entries()) {
      const text = good[i]!;
      fs.writeFileSync(f, text.replace('us-east-1', 'eu-west-1'));
      assert.notEqual(fs.readFileSync(f, 'utf8'), text);
    }
    const edited = json(dir, '--cache-location', cache);
    assert.equal(edited.stdout, plain.stdout);
    assert.match(edited.stderr, /damaged/);
    // Neither a FIFO (which would wait for a writer) nor a device stands for it.
    for (const f of files) {
      fs.rmSync(f);
      if (process.platform !== 'win32') spawnSync('mkfifo', [f]);
    }
    if (process.platform !== 'win32') {
      const fifo = runCli(['scan', '.', '--format', 'json', '--date', '2026-12-01', '--cache-location', cache], dir);
      assert.equal(fifo.stdout, plain.stdout);
      assert.match(fifo.stderr, /is a FIFO, not a file: it is ignored/);
    }
    for (const f of files) fs.rmSync(f, { force: true });
    json(dir, '--cache-location', cache);
    // Another build's, or another size limit's: nothing in it is used (one that claims the file clean is not believed).
    for (const [i, f] of files.entries()) {
      const foreign = body(good[i]!) as unknown as { scope?: string; build?: string; output?: { text: string; code: number }; results?: { findings: unknown[] }; files: [string, { entry?: { first: { endpoints: unknown[] } } }][] };
      if (foreign.output) {
        foreign.build = 'another build';
        foreign.output = { ...foreign.output, text: '{}', code: 0 };
      } else {
        foreign.scope = 'another build';
        if (foreign.results) foreign.results.findings = [];
        for (const [, kept] of foreign.files) if (kept.entry) kept.entry.first.endpoints = [];
      }
      fs.writeFileSync(f, withChecksum(JSON.stringify(foreign)));
    }
    const r = json(dir, '--cache-location', cache);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.stderr, plain.stderr);
  });

  it('replays the last results while no file changed, without loading the entries; a changed policy, day, or file scans again', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n', 'app/big.py': `x = "${'a'.repeat(2048)}"\n` });
    fs.appendFileSync(path.join(dir, '.llm-compliance.yaml'), 'maxFileSizeKb: 1\n');
    age(dir);
    const cache = cacheFolder();
    const first = json(dir, '--cache-location', cache);
    assert.match(first.stdout, /app\/big\.py/, 'the too-large file has its note');
    const entries = fs.readdirSync(cache).find((f) => f.startsWith('scan-') && !f.includes('.results.'))!;
    // Damaged entries go unnoticed while the results replay: they are never read. (Without the
    // last run's output, which would answer before the results are read: last-run.test.ts.)
    fs.writeFileSync(path.join(cache, entries), 'damaged');
    forgetLastRuns(cache);
    const replayed = json(dir, '--cache-location', cache);
    assert.equal(replayed.stdout, first.stdout);
    assert.equal(replayed.stderr, first.stderr);

    // Each of these changes what the results depend on: the scan runs (and finds the damaged entries).
    const changes: [string, () => void, string[]][] = [
      ['the policy', () => fs.writeFileSync(path.join(dir, '.llm-compliance.yaml'), 'require: [hipaa]\nmaxFileSizeKb: 1\n'), []],
      ['the day', () => undefined, ['--date', '2027-06-01']],
      ['a too-large file', () => fs.appendFileSync(path.join(dir, 'app/big.py'), '# more\n'), []],
      ['a new file', () => fs.writeFileSync(path.join(dir, 'app/n.py'), 'import anthropic\nc = anthropic.Anthropic()\n'), []],
    ];
    for (const [what, change, args] of changes) {
      fs.writeFileSync(path.join(cache, entries), 'damaged');
      change();
      const cached = json(dir, '--cache-location', cache, ...args);
      const plain = json(dir, ...args);
      assert.equal(cached.stdout, plain.stdout, what);
      assert.match(cached.stderr, /damaged/, `${what}: the scan ran`);
    }
  });

  it('replays the results of a scan on worker threads that had a file too large to read', () => {
    const many = Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`m/m${i}.py`, `x = ${i}\n`]));
    const dir = tempWorkspace({ ...many, '.llm-compliance.yaml': `${EU_POLICY}maxFileSizeKb: 1\n`, 'app/big.py': `x = "${'a'.repeat(2048)}"\n` });
    age(dir);
    const cache = cacheFolder();
    const threads = { LLMC_THREADS: '2' };
    const run = () => runCli(['scan', '.', '--format', 'json', '--date', '2026-12-01', '--cache-location', cache], dir, threads);
    const first = run();
    assert.match(first.stdout, /app\/big\.py/, 'the too-large file has its note');
    const results = fs.readdirSync(cache).filter((f) => f.endsWith('.results.json'));
    assert.equal(results.length, 1, 'the results are kept');
    // Damaged entries go unnoticed while the results replay.
    fs.writeFileSync(path.join(cache, fs.readdirSync(cache).find((f) => f.startsWith('scan-') && !f.includes('.results.'))!), 'damaged');
    forgetLastRuns(cache);
    const replayed = run();
    assert.equal(replayed.stdout, first.stdout);
    assert.equal(replayed.stderr, first.stderr);
  });

  it('takes its folder from LLM_COMPLIANCE_CACHE_DIR with --cache, and says when it cannot write there (the scan stands)', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n' });
    const plain = json(dir);
    const cache = cacheFolder();
    const r = runCli(['scan', '.', '--format', 'json', '--date', '2026-12-01', '--cache'], dir, { LLM_COMPLIANCE_CACHE_DIR: cache });
    assert.equal(r.stdout, plain.stdout);
    assert.equal(fs.readdirSync(cache).length, 3);

    const blocked = path.join(cache, 'a-file');
    fs.writeFileSync(blocked, '');
    const unwritable = json(dir, '--cache-location', blocked);
    assert.equal(unwritable.stdout, plain.stdout);
    assert.equal(unwritable.status, plain.status);
    assert.match(unwritable.stderr, /could not be written/);
  });

  it('gives a file whose stat is refused its note, as without the cache (this thread and worker threads)', () => {
    // A folder that can be listed but not searched (644): the walk lists its file, whose stat
    // and read both fail with EACCES. root reads everything, so the CLI runs as nobody there,
    // from a copy of the bundle that user can reach (as in bad-input.test.ts).
    const many = Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`m/m${i}.py`, `x = ${i}\n`]));
    for (const [what, files] of [['one thread', {}], ['worker threads', many]] as const) {
      const dir = tempWorkspace({ ...files, '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n', 'shut/x.py': 'import openai\nc = openai.OpenAI()\n' });
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'shut'), 0o644);
      const cache = cacheFolder();
      fs.chmodSync(cache, 0o777);
      const cli = copyCli(dir);
      const asRoot = process.getuid?.() === 0;
      const run = (...extra: string[]) => spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--date', '2026-12-01', ...extra], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, LLMC_THREADS: '2' }, ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      const plain = run();
      assert.match(plain.stdout, /"file": "shut\/x\.py",\s*"message": "not readable: EACCES"/, `${what}: ${plain.stderr}`);
      for (const pass of ['filling the cache', 'with the cache filled']) {
        const cached = run('--cache-location', cache);
        assert.equal(cached.stderr, plain.stderr, `${what}, ${pass}`);
        assert.equal(cached.stdout, plain.stdout, `${what}, ${pass}`);
        assert.equal(cached.status, plain.status, `${what}, ${pass}`);
      }
      fs.chmodSync(path.join(dir, 'shut'), 0o755);
    }
  });

  it('writes nothing outside its folder: a link planted where it writes its temporary file is not followed', async () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n' });
    const cache = cacheFolder();
    const plain = await counted(dir, cache);
    const names = fs.readdirSync(cache);
    assert.equal(names.length, 2);
    // Someone who can write in a shared cache folder links the next temporary names (this process's id) to a file of the user's.
    const precious = path.join(tempWorkspace({ 'precious.txt': 'precious\n' }), 'precious.txt');
    for (const name of names) {
      fs.rmSync(path.join(cache, name));
      fs.symlinkSync(precious, path.join(cache, `${name}.${process.pid}.tmp`));
    }
    assert.equal((await counted(dir, cache)).json, plain.json);
    assert.equal(fs.readFileSync(precious, 'utf8'), 'precious\n');
    // The cache is written all the same, in its folder.
    assert.deepEqual(fs.readdirSync(cache).sort(), names.sort());
    for (const name of names) assert.equal(body(fs.readFileSync(path.join(cache, name), 'utf8')).layout, 1);
  });

  it('never takes the stdin file from the cache, nor puts it there', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n' });
    const cache = cacheFolder();
    json(dir, '--cache-location', cache);
    const us = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const withCache = runStdin(dir, us, ['--cache-location', cache]);
    const without = runStdin(dir, us, []);
    assert.equal(withCache.stdout, without.stdout);
    assert.match(withCache.stdout, /us-east-1/);
    // The disk's file is still judged by its own bytes afterwards.
    assert.doesNotMatch(json(dir, '--cache-location', cache).stdout, /us-east-1/);
  });
});

/** Removes the last runs' outputs (last-run.ts), which would answer a repeated command before the results are read. */
function forgetLastRuns(cache: string): void {
  for (const name of fs.readdirSync(cache).filter((f) => f.startsWith('run-'))) fs.rmSync(path.join(cache, name));
}

/** A cache file's JSON, after its checksum line. */
function body(text: string): { layout: number } {
  return JSON.parse(text.slice(text.indexOf('\n') + 1)) as { layout: number };
}

/** JSON as the cache writes it, after the checksum of its bytes. */
function withChecksum(json: string): string {
  return `${createHash('sha256').update(json).digest('base64url')}\n${json}`;
}

function runStdin(dir: string, content: string, extra: string[]): { stdout: string } {
  const r = spawnSync(process.execPath, [CLI, 'scan', '-', '--stdin-filename', 'app/b.py', '--format', 'json', '--date', '2026-12-01', ...extra], { cwd: dir, input: content, encoding: 'utf8' });
  return { stdout: r.stdout };
}
