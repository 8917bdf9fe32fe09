// The npm package as `npm pack` makes it from a fresh clone (what `npm publish` uploads and
// pre-commit installs): exactly the CLI's production bundles and the package's documents, and,
// installed offline into an empty folder, a CLI that reports what the dev build reports.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../support/cli';

const EXAMPLES_DATE = '2026-11-27';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment without the outer npm's settings (the suite may run under `npm test`). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(command: string, args: string[], options: SpawnSyncOptions): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...cleanEnv(), npm_config_update_notifier: 'false' }, maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A copy of the files a clone of this checkout has (tracked and not ignored), sharing node_modules. */
function cloneLike(): string {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  assert.equal(listed.status, 0, listed.stderr);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-pack-'));
  for (const rel of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, rel);
    // ls-files also lists deleted-but-tracked files and the node_modules symlink.
    if (rel === 'node_modules' || !fs.existsSync(from) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, rel));
  }
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

interface PackEntry { filename: string; files: { path: string }[] }

/** A registry on localhost that holds one package: the tarball just packed. */
async function localRegistry(tarball: string, version: string): Promise<{ url: string; close: () => void }> {
  const bytes = fs.readFileSync(tarball);
  const server = http.createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    if (req.url === '/llm-compliance') {
      const dist = {
        tarball: `http://127.0.0.1:${port}/llm-compliance.tgz`,
        shasum: createHash('sha1').update(bytes).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      };
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name: 'llm-compliance', 'dist-tags': { latest: version }, versions: { [version]: { ...manifest, dist } } }));
    } else if (req.url === '/llm-compliance.tgz') {
      res.end(bytes);
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** Runs a command without blocking the event loop (the local registry answers meanwhile). */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm package', function () {
  this.timeout(180_000);
  let clone: string;
  let packed: PackEntry;
  let installDir: string;

  before(() => {
    clone = cloneLike();
    const out = path.join(clone, '.pack-out');
    fs.mkdirSync(out);
    // As pre-commit does (and a developer's checkout is): `npm install` has run prepare, the dev
    // build of every bundle with source maps, before `npm pack`.
    const dev = run(NPM, ['run', 'prepare'], { cwd: clone });
    assert.equal(dev.status, 0, dev.stderr);
    assert.ok(fs.existsSync(path.join(clone, 'dist/extension.js')) && fs.existsSync(path.join(clone, 'dist/cli.js.map')));
    // The real lifecycle: prepack (production CLI build), then prepare (which must not rebuild).
    const r = run(NPM, ['pack', '--json', '--pack-destination', out], { cwd: clone });
    assert.equal(r.status, 0, r.stderr);
    // Lifecycle scripts may print to stdout before npm's JSON.
    packed = (JSON.parse(r.stdout.slice(r.stdout.indexOf('[\n'))) as PackEntry[])[0]!;
    installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-install-'));
    // Offline: the package has no runtime dependencies, so nothing is fetched.
    const install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(out, packed.filename)], { cwd: installDir });
    assert.equal(install.status, 0, install.stderr);
  });

  after(() => {
    for (const dir of [clone, installDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds exactly the CLI bundles, the documents and package.json', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'dist/lsp.js', 'package.json']);
  });

  it('installs globally as pre-commit installs it (npm install -g of the tarball, its own prefix)', () => {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-prefix-'));
    try {
      const install = run(NPM, ['install', '-g', '--offline', '--no-audit', '--no-fund', path.join(clone, '.pack-out', packed.filename)], { cwd: clone, env: { ...cleanEnv(), npm_config_prefix: prefix } });
      assert.equal(install.status, 0, install.stderr);
      const bin = process.platform === 'win32' ? path.join(prefix, 'llm-compliance.cmd') : path.join(prefix, 'bin', 'llm-compliance');
      const version = run(bin, ['--version'], { cwd: ROOT, shell: process.platform === 'win32' });
      assert.equal(version.status, 0, version.stderr);
      assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    } finally {
      fs.rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('installs nothing but itself (no runtime dependencies)', () => {
    const installed = fs.readdirSync(path.join(installDir, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['llm-compliance']);
    const manifest = JSON.parse(fs.readFileSync(path.join(installDir, 'node_modules/llm-compliance/package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
  });

  it('ships production bundles: minified, no source map reference', () => {
    for (const bundle of ['cli.js', 'cli-main.js', 'lsp.js']) {
      const text = fs.readFileSync(path.join(installDir, 'node_modules/llm-compliance/dist', bundle), 'utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, bundle);
      // A dev build has tens of thousands of lines; a minified one a few hundred at most.
      assert.ok(text.split('\n').length < 2000, `${bundle} is not minified (${text.split('\n').length} lines)`);
    }
  });

  it('its llm-compliance command scans the examples as the dev build does', () => {
    const bin = path.join(installDir, 'node_modules', '.bin', process.platform === 'win32' ? 'llm-compliance.cmd' : 'llm-compliance');
    const args = ['scan', 'examples', '--format', 'json', '--date', EXAMPLES_DATE];
    const installed = run(bin, args, { cwd: ROOT, env: { ...cleanEnv(), NO_COLOR: '1' }, shell: process.platform === 'win32' });
    assert.equal(installed.status, 1, installed.stderr);
    const report = JSON.parse(installed.stdout) as { endpoints: unknown[]; findings: { ruleId: string }[] };
    assert.ok(report.endpoints.length >= 15 && report.findings.length > 0);
    assert.equal(installed.stdout, runCli(args).stdout);
    const version = run(bin, ['--version'], { cwd: ROOT, shell: process.platform === 'win32' });
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it("is what the GitHub Action installs: the release with the action's own version, from the registry", async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const registry = await localRegistry(path.join(clone, '.pack-out', packed.filename), version);
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-runner-'));
    try {
      const outputFile = path.join(runnerTemp, 'output');
      fs.writeFileSync(outputFile, '');
      const env = { ...cleanEnv(), npm_config_registry: registry.url, npm_config_cache: path.join(runnerTemp, 'npm-cache'), GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: outputFile };
      const r = await runAsync('bash', [path.join(ROOT, 'scripts/action/install-cli.sh')], runnerTemp, { ...env, LLMC_VERSION: '' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^llm-compliance ${version.replace(/\./g, '\\.')}$`, 'm'));
      const cli = /^cli=(.+)$/m.exec(fs.readFileSync(outputFile, 'utf8'))?.[1];
      assert.equal(cli, path.join(runnerTemp, 'llm-compliance-cli/node_modules/llm-compliance/dist/cli.js'));
      const scan = run(process.execPath, [cli, 'scan', 'examples', '--format', 'json', '--date', EXAMPLES_DATE], { cwd: ROOT });
      assert.equal(scan.stdout, runCli(['scan', 'examples', '--format', 'json', '--date', EXAMPLES_DATE]).stdout);
      // Nothing npm would read as a path, a URL or an option.
      for (const bad of ['../evil', 'file:/tmp/x', '--registry=http://x']) {
        const refused = await runAsync('bash', [path.join(ROOT, 'scripts/action/install-cli.sh')], runnerTemp, { ...env, LLMC_VERSION: bad });
        assert.equal(refused.status, 2, bad);
      }
    } finally {
      registry.close();
      fs.rmSync(runnerTemp, { recursive: true, force: true });
    }
  });
});
