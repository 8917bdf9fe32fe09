// Differential check of scan --cache: fill the cache on a tree, change one file (delete it,
// empty it, or give it another file's bytes), then compare the cached scan (entries placed)
// with an uncached one, in every format. Usage: npx tsx scripts/cache-fuzz.ts TREE... (MUTATIONS=delete,empty,bytes-of to choose)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../src/cli/scan';
import { FORMAT_NAMES, formatOutput } from '../src/cli/format/formats';

const TODAY = '2026-12-01';

function age(dir: string): void {
  const then = new Date(Date.now() - 3600_000);
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(dir, file), then, then);
}

async function run(dir: string, cacheFolder?: string): Promise<string[]> {
  const report = await scan(['.'], { cwd: dir, today: TODAY, ...(cacheFolder ? { cacheFolder } : {}) });
  return FORMAT_NAMES.map((format) => [...formatOutput(format, report, { version: '1.0.0', rootUri: 'file:///w/', paths: ['.'], color: false, verbose: true, showWaived: true, width: 0, quiet: false, sourceDateEpoch: '0' })].join(''));
}

function copyTree(from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-fuzz-'));
  fs.cpSync(from, dir, { recursive: true });
  age(dir);
  return dir;
}

async function main(): Promise<void> {
  let failures = 0;
  let checked = 0;
  const only = process.env.MUTATIONS?.split(',');
  for (const tree of process.argv.slice(2)) {
    const files = fs.readdirSync(tree, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(tree, f)).isFile());
    const mutations: [string, string, (dir: string) => void][] = [];
    for (const f of files) {
      if (path.basename(f).startsWith('.llm-compliance')) continue;
      mutations.push(['delete', f, (dir) => fs.rmSync(path.join(dir, f))]);
      mutations.push(['empty', f, (dir) => fs.writeFileSync(path.join(dir, f), '')]);
      const ext = path.extname(f);
      const other = files.find((g) => g !== f && path.extname(g) === ext && fs.readFileSync(path.join(tree, g), 'utf8') !== fs.readFileSync(path.join(tree, f), 'utf8'));
      if (other) mutations.push([`bytes-of:${other}`, f, (dir) => fs.copyFileSync(path.join(tree, other), path.join(dir, f))]);
    }
    // The cache as the pristine tree leaves it, copied for each mutation.
    const base = copyTree(tree);
    const pristineCache = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-fuzz-cache-'));
    await run(base, pristineCache);
    for (const [what, file, mutate] of mutations) {
      if (only && !only.some((m) => what.startsWith(m))) continue;
      const dir = copyTree(tree);
      // The cache is keyed by cwd: write the pristine one for this copy.
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-fuzz-cache-'));
      await run(dir, cache);
      for (const f of fs.readdirSync(cache)) if (f.endsWith('.results.json')) fs.rmSync(path.join(cache, f));
      mutate(dir);
      let cached: string[], plain: string[];
      try {
        plain = await run(dir);
      } catch (err) {
        console.log(`skip ${what} ${file}: ${String(err).slice(0, 80)}`);
        continue;
      }
      try {
        cached = await run(dir, cache);
      } catch (err) {
        failures++;
        console.log(`THROWS cached ${tree} ${what} ${file}: ${String(err)}`);
        continue;
      }
      checked++;
      for (const [i, format] of FORMAT_NAMES.entries()) {
        if (cached[i] !== plain[i]) {
          failures++;
          console.log(`DIFF ${tree} ${what} ${file} (${format})`);
          fs.writeFileSync(`/tmp/fuzz-diff-cached.${format}`, cached[i]!);
          fs.writeFileSync(`/tmp/fuzz-diff-plain.${format}`, plain[i]!);
          break;
        }
      }
      // A second cached run (results replayed, or entries placed again) gives the same.
      const again = await run(dir, cache);
      if (again.join() !== plain.join()) {
        failures++;
        console.log(`DIFF (second cached run) ${tree} ${what} ${file}`);
      }
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }
  console.log(`checked ${checked}, ${failures} differences`);
}

void main();
