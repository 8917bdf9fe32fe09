// `scan --cache` answers a repeated command from its last run (src/cli/last-run.ts) without
// loading the engine, byte for byte as a scan would, and runs the scan again whenever anything
// the last one depended on moved: a file, a folder's entries, a policy above, a link, the day,
// the command line or what the terminal makes of the output.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORMAT_NAMES } from '../../src/cli/format/formats';
import { CLI, copyCli, EXAMPLES, ROOT, tempWorkspace } from '../support/cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const EU_POLICY = 'require: [eu-residency]\n';
const US_BEDROCK = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
const EU_BEDROCK = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-west-1")\n';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Whether the run loaded the CLI's main bundle (the engine): false when the last run answered. */
  scanned: boolean;
}

/** Runs the built CLI, telling from Node's module log whether it loaded the engine's bundle. */
function run(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  // Colours off, unless the case sets FORCE_COLOR (not the test runner's own; with NO_COLOR beside it, Node warns).
  const inherited = { ...process.env };
  delete inherited.FORCE_COLOR;
  delete inherited.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...inherited, ...(env.FORCE_COLOR === undefined ? { NO_COLOR: '1' } : {}), NODE_DEBUG: 'module', ...env },
  });
  // (Node colours the process id in its log when FORCE_COLOR is set.)
  // eslint-disable-next-line no-control-regex -- the escape codes of Node's own log
  const debug = (line: string): string | undefined => /^MODULE (?:\u001b\[\d+m)?\d+(?:\u001b\[\d+m)?: (.*)/.exec(line)?.[1];
  const log = r.stderr.split('\n');
  const own = log.filter((line) => debug(line) === undefined).join('\n');
  return { status: r.status, stdout: r.stdout, stderr: own, scanned: log.some((line) => /^load ".*cli-main\.js"/.test(debug(line) ?? '')) };
}

function cacheFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-cache-'));
}

/** Every file's times an hour back: a stat taken within two seconds of a run is not trusted. */
function age(dir: string): void {
  const then = new Date(Date.now() - 3600_000);
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(dir, file), then, then);
  fs.utimesSync(dir, then, then);
}

function same(a: Run, b: Run, what: string): void {
  assert.equal(a.stdout, b.stdout, `${what}: stdout`);
  assert.equal(a.stderr, b.stderr, `${what}: stderr`);
  assert.equal(a.status, b.status, `${what}: exit code`);
}

describe('scan --cache: the last run answers a repeated command (issue 15)', function () {
  this.timeout(300_000);

  const trees = [EXAMPLES, ...fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name)).filter((dir) => fs.statSync(dir).isDirectory())];
  it(`writes the scan's output, notices and exit code byte for byte, without loading the engine (${trees.length} trees, every format)`, () => {
    let failing = 0;
    for (const [i, tree] of trees.entries()) {
      // Two formats a tree, so that every format is met: JSON, and one more in turn.
      for (const format of new Set(['json', FORMAT_NAMES[i % FORMAT_NAMES.length]!])) {
        const cache = cacheFolder();
        const args = ['scan', '.', '--format', format, '--date', '2026-12-01', '--max-warnings', '0'];
        const plain = run(tree, args, { SOURCE_DATE_EPOCH: '0' });
        const fill = run(tree, [...args, '--cache-location', cache], { SOURCE_DATE_EPOCH: '0' });
        same(fill, plain, `${tree} ${format}: the run that keeps its output`);
        const answered = run(tree, [...args, '--cache-location', cache], { SOURCE_DATE_EPOCH: '0' });
        same(answered, plain, `${tree} ${format}: the answer`);
        assert.equal(fill.scanned, true);
        assert.equal(answered.scanned, false, `${tree} ${format}: answered without the engine`);
        if (plain.status === 1) failing++;
      }
    }
    assert.ok(failing > 3, `some trees fail their policy, so exit codes and notices are compared (${failing})`);
  });

  it('writes --output FILE again, and runs the scan when the file cannot be written', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': US_BEDROCK });
    age(dir);
    const cache = cacheFolder();
    const out = path.join(cacheFolder(), 'report.sarif');
    const args = ['scan', 'app', '--format', 'sarif', '--output', out, '--cache-location', cache];
    const first = run(dir, args);
    const written = fs.readFileSync(out, 'utf8');
    fs.rmSync(out);
    const again = run(dir, args);
    same(again, first, 'answered');
    assert.equal(again.scanned, false);
    assert.equal(fs.readFileSync(out, 'utf8'), written);
    fs.rmSync(path.dirname(out), { recursive: true });
    const gone = run(dir, args);
    assert.equal(gone.scanned, true);
    assert.equal(gone.status, 2);
    assert.match(gone.stderr, /cannot write .*report\.sarif: its folder does not exist/);
  });

  it('runs the scan again when anything the last one depended on moved, and answers again once it is kept', () => {
    // repo/.git marks the repository root: the policy is looked for from proj up to repo.
    const repo = tempWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'proj/app/b.py': EU_BEDROCK, 'proj/app/c.py': 'print("no LLM")\n', 'proj/lib/target-eu.py': EU_BEDROCK, 'proj/lib/target-us.py': US_BEDROCK,
      'proj/node_modules/dep/x.py': US_BEDROCK, 'proj/.gitignore': 'generated/\n', 'proj/generated/g.py': US_BEDROCK,
    });
    const proj = path.join(repo, 'proj');
    fs.symlinkSync(path.join(proj, 'lib/target-eu.py'), path.join(proj, 'app/linked.py'));
    age(repo);
    const cache = cacheFolder();
    const args = ['scan', '.', '--format', 'json', '--date', '2026-12-01', '--cache-location', cache];
    const check = (what: string, change: () => void, expect: 'scans' | 'answers', env: Record<string, string> = {}, extra: string[] = []) => {
      change();
      const cached = run(proj, [...args, ...extra], env);
      assert.equal(cached.scanned, expect === 'scans', `${what}: ${expect}`);
      same(cached, run(proj, args.slice(0, -2).concat(extra), env), what);
      if (expect === 'scans') {
        // Kept again: the same command answers now (its files aged past the racy window first).
        age(repo);
        run(proj, [...args, ...extra], env);
        assert.equal(run(proj, [...args, ...extra], env).scanned, false, `${what}: answered once kept`);
      }
    };
    const b = path.join(proj, 'app/b.py');
    check('the first run', () => undefined, 'scans');
    check('nothing moved', () => undefined, 'answers');
    check('a file in an always-skipped folder', () => fs.writeFileSync(path.join(proj, 'node_modules/dep/y.py'), US_BEDROCK), 'answers');
    check('a file edited, its size and mtime put back', () => {
      const { atime, mtime } = fs.statSync(b);
      fs.writeFileSync(b, EU_BEDROCK.replace('eu-west-1', 'us-west-1'));
      fs.utimesSync(b, atime, mtime);
    }, 'scans');
    check('a new file', () => fs.writeFileSync(path.join(proj, 'app/n.py'), 'import anthropic\nc = anthropic.Anthropic()\n'), 'scans');
    check('a file deleted', () => fs.rmSync(path.join(proj, 'app/n.py')), 'scans');
    check('a .gitignore edited', () => fs.writeFileSync(path.join(proj, '.gitignore'), '# generated/ is scanned now\n'), 'scans');
    check('a policy put in the folder above', () => fs.writeFileSync(path.join(repo, '.llm-compliance.yaml'), EU_POLICY), 'scans');
    check('a repository root made below that policy', () => fs.mkdirSync(path.join(proj, '.git')), 'scans');
    check('a link pointed elsewhere', () => {
      fs.rmSync(path.join(proj, 'app/linked.py'));
      fs.symlinkSync(path.join(proj, 'lib/target-us.py'), path.join(proj, 'app/linked.py'));
    }, 'scans');
    check('another format', () => undefined, 'scans', {}, ['--format', 'text']);
    check('colours forced on', () => undefined, 'scans', { FORCE_COLOR: '1' }, ['--format', 'text']);
    check('SOURCE_DATE_EPOCH for CycloneDX', () => undefined, 'scans', { SOURCE_DATE_EPOCH: '86400' }, ['--format', 'cyclonedx']);
    // The day waivers expire against (a preload moves the clock's day forward a year).
    const later = path.join(cacheFolder(), 'later.js');
    fs.writeFileSync(later, 'const iso = Date.prototype.toISOString;\nDate.prototype.toISOString = function () { return iso.call(new Date(this.getTime() + 366 * 86400000)); };\n');
    const noDate = ['scan', '.', '--format', 'json', '--cache-location', cache];
    run(proj, noDate);
    assert.equal(run(proj, noDate).scanned, false, 'today: answered');
    assert.equal(run(proj, noDate, { NODE_OPTIONS: `--require ${later}` }).scanned, true, 'another day: scans');
  });

  it('keys a run by the day its waivers were judged against, not the day it ended (a run across midnight)', () => {
    const today = new Date().toISOString().slice(0, 10);
    const dir = tempWorkspace({
      '.llm-compliance.yaml': `${EU_POLICY}waivers:\n  - rule: LLMC002\n    paths: ["app/**"]\n    reason: "load test"\n    expires: ${today}\n`,
      'app/b.py': US_BEDROCK,
    });
    age(dir);
    const cache = cacheFolder();
    // The clock passes midnight once the scan has judged its waivers and writes its output.
    const midnight = path.join(cacheFolder(), 'midnight.js');
    fs.writeFileSync(midnight, [
      'const iso = Date.prototype.toISOString;', 'let shift = 0;', 'const write = process.stdout.write;',
      'process.stdout.write = function (...chunks) { shift = 86400000; return write.apply(this, chunks); };',
      'Date.prototype.toISOString = function () { return iso.call(new Date(this.getTime() + shift)); };', '',
    ].join('\n'));
    const tomorrow = path.join(cacheFolder(), 'tomorrow.js');
    fs.writeFileSync(tomorrow, 'const iso = Date.prototype.toISOString;\nDate.prototype.toISOString = function () { return iso.call(new Date(this.getTime() + 86400000)); };\n');
    const args = ['scan', '.', '--format', 'json'];
    const across = run(dir, [...args, '--cache-location', cache], { NODE_OPTIONS: `--require ${midnight}` });
    assert.equal(across.status, 0, 'judged on the day the waiver still holds');
    const plain = run(dir, args, { NODE_OPTIONS: `--require ${tomorrow}` });
    assert.equal(plain.status, 1, 'the next day the waiver has expired');
    same(run(dir, [...args, '--cache-location', cache], { NODE_OPTIONS: `--require ${tomorrow}` }), plain, 'the next day, with the cache');
  });

  it('never answers one user with what another user could read (root after nobody)', function () {
    // Run as nobody (root reads everything), from a copy of the bundles that user can reach.
    if (process.getuid?.() !== 0) this.skip();
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': US_BEDROCK });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'app/b.py'), 0o600);
    age(dir);
    const cache = cacheFolder();
    fs.chmodSync(cache, 0o777);
    const cli = copyCli(dir);
    const scan = (asNobody: boolean, extra: string[] = []) => {
      const r = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(asNobody ? { uid: 65534, gid: 65534 } : {}) });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, scanned: true };
    };
    assert.match(scan(true, ['--cache-location', cache]).stdout, /not readable: EACCES/, 'nobody cannot read app/b.py');
    const plain = scan(false);
    assert.equal(plain.status, 1, 'root reads it and finds the US region');
    same(scan(false, ['--cache-location', cache]), plain, 'root, with the cache nobody filled');
  });

  it('does not trust a file written within two seconds of the run that kept it', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': US_BEDROCK });
    const cache = cacheFolder();
    const args = ['scan', '.', '--format', 'json', '--cache-location', cache];
    run(dir, args);
    assert.equal(run(dir, args).scanned, true, 'files just written: their stat could hide a change in the same tick');
  });

  it('never answers a scan of stdin or of what git says changed', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': US_BEDROCK });
    age(dir);
    const cache = cacheFolder();
    const stdin = (): Run => {
      const r = spawnSync(process.execPath, [CLI, 'scan', '-', '--stdin-filename', 'app/b.py', '--format', 'json', '--cache-location', cache], {
        cwd: dir, input: EU_BEDROCK, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' },
      });
      return { status: r.status, stdout: r.stdout, stderr: '', scanned: /load ".*cli-main\.js"/.test(r.stderr) };
    };
    stdin();
    assert.equal(stdin().scanned, true);
    assert.match(stdin().stdout, /eu-west-1/);
    assert.equal(fs.readdirSync(cache).filter((f) => f.startsWith('run-')).length, 0, 'no output kept for stdin');
    spawnSync('git', ['init', '-q'], { cwd: dir });
    const changed = ['scan', '--changed-since', 'HEAD', '--format', 'json', '--cache-location', cache];
    run(dir, changed);
    assert.equal(run(dir, changed).scanned, true);
  });

  it('says a damaged record is ignored, runs the scan, and keeps a good one in its place', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'app/b.py': US_BEDROCK });
    age(dir);
    const cache = cacheFolder();
    const args = ['scan', '.', '--format', 'json', '--cache-location', cache];
    const first = run(dir, args);
    const record = path.join(cache, fs.readdirSync(cache).find((f) => f.startsWith('run-'))!);
    const good = fs.readFileSync(record, 'utf8');
    // A value changed behind the checksum's back: the findings said clean.
    fs.writeFileSync(record, good.replace('"code":1', '"code":0'));
    assert.notEqual(fs.readFileSync(record, 'utf8'), good);
    const damaged = run(dir, args);
    assert.equal(damaged.scanned, true);
    assert.equal(damaged.stdout, first.stdout);
    assert.equal(damaged.status, 1);
    assert.match(damaged.stderr, /the cache .*run-.*\.json is damaged .*: it is ignored, and rewritten/);
    const answered = run(dir, args);
    assert.equal(answered.scanned, false);
    same(answered, first, 'kept again');
  });

  it('keeps the newest 32 records of a cache folder', () => {
    const dir = tempWorkspace({ 'app/b.py': US_BEDROCK });
    age(dir);
    const cache = cacheFolder();
    const old = new Date(Date.now() - 86400_000);
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(cache, `run-old${i}.json`), '');
      fs.utimesSync(path.join(cache, `run-old${i}.json`), old, old);
    }
    run(dir, ['scan', '.', '--format', 'json', '--cache-location', cache]);
    const records = fs.readdirSync(cache).filter((f) => f.startsWith('run-'));
    assert.equal(records.length, 32);
    assert.equal(records.filter((f) => !f.startsWith('run-old')).length, 1, 'this run\'s record is kept');
  });
});
