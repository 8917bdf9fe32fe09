// A cache with the right scope (copied from a good one) but a damaged body: the cached run
// must not crash, and must give the uncached output. Usage: node repro/hostile.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'cli.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-hostile-'));
fs.mkdirSync(path.join(dir, 'app'));
fs.writeFileSync(path.join(dir, '.llm-compliance.yaml'), 'require: [eu-residency]\n');
fs.writeFileSync(path.join(dir, 'app/b.py'), 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n');
const then = new Date(Date.now() - 3600_000);
for (const f of ['.llm-compliance.yaml', 'app/b.py', 'app']) fs.utimesSync(path.join(dir, f), then, then);
const run = (...extra) => spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', '--date', '2026-12-01', ...extra], { cwd: dir, encoding: 'utf8' });
const plain = run();
const damages = {
  'results: an endpoint {}': (r) => { r.results.endpoints[0] = {}; },
  'results: a note null': (r) => { r.results.notes.push(null); },
  'results: a finding {}': (r) => { r.results.findings.push({}); },
  'results: a finding without range': (r) => { delete r.results.findings[0].range; },
  'results: a text not a string': (r) => { r.results.texts = [['app/b.py', 5]]; },
  'results: a file stat negative size (still replays?)': (r) => { r.filesScanned = -1; },
  'entries: an endpoint {}': (e) => { e.files[0][1].entry.first.endpoints = [{}]; },
  'entries: a note null': (e) => { for (const [, f] of e.files) f.entry.first.notes.push(null); },
  'entries: env [null]': (e) => { for (const [, f] of e.files) f.entry.first.env.push(null); },
  'entries: text 5': (e) => { for (const [, f] of e.files) f.entry.first.text = 5; },
  'entries: reads ["x"]': (e) => { for (const [, f] of e.files) f.entry.reads = ['x']; },
};
for (const [what, damage] of Object.entries(damages)) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-hostile-cache-'));
  run('--cache-location', cache);
  const names = fs.readdirSync(cache);
  const results = path.join(cache, names.find((n) => n.endsWith('.results.json')));
  const entries = path.join(cache, names.find((n) => !n.endsWith('.results.json')));
  const target = what.startsWith('results') ? results : entries;
  if (!what.startsWith('results')) fs.rmSync(results);
  // (Since the checksum line: the body follows it; FORGE=1 writes a matching checksum, as someone forging it would.)
  const text = fs.readFileSync(target, 'utf8');
  const nl = text.indexOf('\n');
  const body = JSON.parse(nl < 0 ? text : text.slice(nl + 1));
  damage(body);
  const json = JSON.stringify(body);
  const sum = process.env.FORGE ? createHash('sha256').update(json).digest('base64url') : text.slice(0, nl);
  fs.writeFileSync(target, nl < 0 ? json : `${sum}\n${json}`);
  const r = run('--cache-location', cache);
  const same = r.stdout === plain.stdout && r.status === plain.status;
  console.log(`${same ? 'same     ' : 'DIFFERENT'} ${what}: exit ${r.status}${same ? '' : ` ${r.stderr.split('\n').slice(0, 2).join(' | ')}`}`);
}
