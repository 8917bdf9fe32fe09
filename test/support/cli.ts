// Runs the built CLI (dist/cli.js) as a child process, as CI and users do.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliResult {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder with the given files (path -> content). */
export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-test-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

/**
 * A copy of the built CLI (its bundles: dist/cli.js loads dist/cli-main.js) in a new folder
 * beside `dir`, readable by every user: tests that run it as another user (root reads
 * everything) start it from there, wherever the repository lives. Returns the copy's cli.js.
 */
export function copyCli(dir: string): string {
  const copy = `${dir}-cli`;
  fs.mkdirSync(copy, { mode: 0o755 });
  fs.chmodSync(copy, 0o755);
  for (const bundle of ['cli.js', 'cli-main.js', 'lsp.js']) {
    fs.copyFileSync(path.join(ROOT, 'dist', bundle), path.join(copy, bundle));
    fs.chmodSync(path.join(copy, bundle), 0o644);
  }
  return path.join(copy, 'cli.js');
}
