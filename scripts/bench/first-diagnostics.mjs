// Time to first diagnostics in a real extension host: runs `scripts/vscode-test/run.mjs
// --first-diagnostics` (code-server + chromium, the integration tests' harness) a few times on
// a copy of examples/ and takes the medians of what its probe (first-diagnostics-probe.cjs)
// saw on the extension host's clock. `npm run bench` calls firstDiagnostics(); run alone with
// `node scripts/bench/first-diagnostics.mjs [runs]`. Without the harness it says so and skips.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS = process.env.LLMC_VSCODE_TEST_DIR ?? path.join(ROOT, '.vscode-test');
const CHROMIUM = process.env.CHROME ?? '/usr/bin/chromium';
/** Each run's limit: a run that takes longer is reported as failed, not waited for. */
const RUN_TIMEOUT_MS = 240_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Why the harness cannot run here, or undefined when it can. */
export function harnessMissing() {
  const codeServer = path.join(HARNESS, 'node_modules/.bin/code-server');
  if (!fs.existsSync(codeServer)) return `the real-VS-Code harness is not installed (${codeServer} is missing; npm run test:setup, or set LLMC_VSCODE_TEST_DIR)`;
  if (!fs.existsSync(CHROMIUM)) return `chromium is missing (${CHROMIUM})`;
  for (const built of ['dist/extension.js', 'dist/index-worker.js', 'out/test/integration/index.js']) {
    if (!fs.existsSync(path.join(ROOT, built))) return `${built} is missing: run npm run build first`;
  }
  return undefined;
}

/** One run: the probe's times (ms since the epoch) and what it saw, or an error. */
function once(log) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-first-')), 'first.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/vscode-test/run.mjs'), '--first-diagnostics'], {
    cwd: ROOT, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGTERM', maxBuffer: 64 << 20,
    env: { ...process.env, LLMC_VSCODE_TEST_DIR: HARNESS, LLMC_FIRST_DIAGNOSTICS_OUT: out, LLMC_TEST_TIMEOUT_MS: String(RUN_TIMEOUT_MS - 30_000) },
  });
  const raw = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : undefined;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (!raw || raw.windowOpened === undefined || raw.times.first === undefined || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}`;
    log(`first diagnostics: a run failed (${why}); last output:\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`);
    return undefined;
  }
  const t = raw.times;
  const s = (a, b) => (b - a) / 1000;
  return {
    windowToActivation: s(raw.windowOpened, t.active),
    hostToActivation: s(t.hostStart, t.active),
    activationToFirst: s(t.active, t.first),
    windowToFirst: s(raw.windowOpened, t.first),
    firstToLast: s(t.first, t.last ?? t.first),
    firstBeforeProbe: Boolean(t.firstBeforeProbe),
    activateMs: raw.activation?.activateMs,
    loadMs: raw.activation?.loadMs,
    vscodeActivationMs: raw.vscodeActivationMs,
    changes: raw.changes,
    files: raw.finalFiles,
    diagnostics: raw.finalDiagnostics,
    firstFiles: raw.firstFiles.length,
    changedLater: raw.changedLater,
  };
}

/** `runs` runs; medians in seconds, or { skipped } when the harness is not here. */
export function firstDiagnostics(runs = 3, log = (s) => process.stderr.write(`  ${s}\n`)) {
  const missing = harnessMissing();
  if (missing) return { skipped: missing };
  const all = [];
  const loadAverage = os.loadavg()[0];
  for (let i = 0; i < runs; i++) {
    log(`first diagnostics: run ${i + 1} of ${runs} (code-server + chromium on a copy of examples/)...`);
    const r = once(log);
    if (r) all.push(r);
  }
  if (!all.length) return { skipped: 'every run of the harness failed (see above)' };
  const m = (k) => median(all.map((r) => r[k]));
  /** The median of the runs that have the figure (VS Code's own one is read from its UI, and may be missing). */
  const some = (k) => (all.some((r) => typeof r[k] === 'number') ? median(all.filter((r) => typeof r[k] === 'number').map((r) => r[k])) : undefined);
  return {
    activateMs: some('activateMs'),
    loadMs: some('loadMs'),
    vscodeActivationMs: some('vscodeActivationMs'),
    runs: all,
    loadAverage,
    failedRuns: runs - all.length,
    windowToActivation: m('windowToActivation'),
    hostToActivation: m('hostToActivation'),
    activationToFirst: m('activationToFirst'),
    windowToFirst: m('windowToFirst'),
    firstToLast: m('firstToLast'),
    diagnostics: all[0].diagnostics,
    files: all[0].files,
    // Any file whose early diagnostics differed from its final ones, in any run.
    changedLater: [...new Set(all.flatMap((r) => r.changedLater))],
  };
}

const ms = (x) => (typeof x === 'number' ? `${x.toFixed(1)} ms` : 'not measured');
const msRuns = (f, k) => f.runs.map((r) => (typeof r[k] === 'number' ? r[k].toFixed(1) : '-')).join(' / ');

/** The report's lines. */
export function firstDiagnosticsReport(f) {
  if (f.skipped) return [`time to first diagnostics in a real extension host: skipped: ${f.skipped}`];
  const runs = (k) => f.runs.map((r) => r[k].toFixed(2)).join(' / ');
  return [
    `time to first diagnostics on examples/ in a real extension host (code-server + chromium; median of ${f.runs.length} run(s)${f.failedRuns ? `, ${f.failedRuns} failed` : ''}; load average ${f.loadAverage.toFixed(1)} at start)`,
    `  activation → first diagnostics   ${f.activationToFirst.toFixed(2)} s   (runs ${runs('activationToFirst')}; ${f.diagnostics} diagnostics in ${f.files} files)`,
    `  window open → activation         ${f.windowToActivation.toFixed(2)} s   (runs ${runs('windowToActivation')}; extension host start → activation ${f.hostToActivation.toFixed(2)} s)`,
    `  window open → first diagnostics  ${f.windowToFirst.toFixed(2)} s   (runs ${runs('windowToFirst')})`,
    `  activate()                       ${ms(f.activateMs)}   (runs ${msRuns(f, 'activateMs')}; bundle load ${ms(f.loadMs)}, runs ${msRuns(f, 'loadMs')})`,
    `  VS Code's activation time        ${ms(f.vscodeActivationMs)}   (runs ${msRuns(f, 'vscodeActivationMs')}; code loading + activate call, from its Running Extensions view)`,
    `  first → last change              ${f.firstToLast.toFixed(2)} s   (${f.changedLater.length ? `early diagnostics later changed in ${f.changedLater.join(', ')}` : 'no diagnostics shown early were changed later'})`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const f = firstDiagnostics(Number(process.argv[2]) || 3);
  process.stdout.write(`${firstDiagnosticsReport(f).join('\n')}\n`);
}
