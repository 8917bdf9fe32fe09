// Runs the extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3), installed
// by setup.sh under .vscode-test/, opened in Debian's chromium by playwright-core.
//
// The suite, --ui and --web test what users install: the VSIX `npm run package` built
// (.build/llm-compliance-<version>.vsix), installed with `code-server --install-extension`
// (--web: its files, unzipped). `--dev` runs them on the development folder (dist/) instead;
// --demo, --screenshot and --first-diagnostics always do.
//
//   node scripts/vscode-test/run.mjs                 the extension-host suite on a copy of examples/ (exit code = result)
//   node scripts/vscode-test/run.mjs --demo          VS Code with the extension on a copy of examples/, until Ctrl+C
//   node scripts/vscode-test/run.mjs --screenshot F  the same, headless, saved as a PNG of the diagnostics
//   node scripts/vscode-test/run.mjs --ui [--theme light] [--shots DIR]
//                                                    a browser-level test of the sidebar (matrix, filter, tree),
//                                                    optionally saving screenshots of it; then of the walkthrough
//                                                    on a folder without a policy (walkthrough-test.mjs)
//   node scripts/vscode-test/run.mjs --web           the web extension's suite (test/integration-web) in the web
//                                                    worker extension host, on a copy of examples/
//   node scripts/vscode-test/run.mjs --first-diagnostics
//                                                    times the first diagnostics on a copy of examples/ (for
//                                                    scripts/bench/first-diagnostics.mjs; figures to LLMC_FIRST_DIAGNOSTICS_OUT)
//
// The workbench's `payload` URL parameter passes extensionDevelopmentPath and
// extensionTestsPath, the same contract as @vscode/test-electron: the suite runs inside the
// real Node extension host and reports its exit code through window.codeAutomationExit.
// Everything binds to 127.0.0.1 and the whole process group is stopped at the end.
//
// --web stages a copy of the extension without `main`: code-server then runs its `browser`
// build in the browser's web worker extension host, as vscode.dev would, and the suite
// (bundled for the browser) reports its results as a console line the driver collects.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import { entryData, zipEntries } from '../check-vsix.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** publisher.name: the publisher is a placeholder a release replaces. */
const EXTENSION_ID = `${MANIFEST.publisher}.${MANIFEST.name}`;
const HARNESS = process.env.LLMC_VSCODE_TEST_DIR ?? path.join(ROOT, '.vscode-test');
const CODE_SERVER = path.join(HARNESS, 'node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROME ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const mode = args.includes('--first-diagnostics') ? 'first' : args.includes('--demo') ? 'demo' : args.includes('--screenshot') ? 'screenshot' : args.includes('--ui') ? 'ui' : args.includes('--web') ? 'web' : 'test';
// The installed VSIX, unless --dev (the tools that show or time the extension use the dev build).
const fromVsix = !args.includes('--dev') && ['test', 'ui', 'web'].includes(mode);
const theme = args.includes('--theme') ? args[args.indexOf('--theme') + 1] : 'dark';
const timeoutMs = Number(process.env.LLMC_TEST_TIMEOUT_MS ?? 600_000);
const t0 = Date.now();
const log = (...a) => console.log(`[vscode-test ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

if (!fs.existsSync(CODE_SERVER) || !fs.existsSync(CHROMIUM)) {
  console.error(`The real-VS-Code harness is not installed (${fs.existsSync(CODE_SERVER) ? CHROMIUM : CODE_SERVER} is missing).\nRun: npm run test:setup   (installs chromium with apt-get and code-server under .vscode-test/)`);
  process.exit(1);
}
const WEB_SUITE = 'out/test/integration-web/index.js';
const extensionBuild = mode === 'web' ? ['dist/web/extension.js', 'dist/web/index-worker.js'] : ['dist/extension.js'];
// The suite compares the diagnostics with the CLI's findings: the CLI is not in the VSIX.
const suiteBuild = mode === 'web' ? [WEB_SUITE, 'dist/cli.js'] : mode === 'test' ? ['out/test/integration/index.js', 'dist/cli.js'] : [];
for (const built of [...(fromVsix ? [] : extensionBuild), ...suiteBuild]) {
  if (!fs.existsSync(path.join(ROOT, built))) {
    console.error(`${built} is missing: run npm run build first.`);
    process.exit(1);
  }
}
const VSIX = fromVsix ? freshVsix() : undefined;

const run = fs.mkdtempSync(path.join(HARNESS, 'run-'));
const workspace = path.join(run, 'examples');
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
// The suite runs in a multi-root workspace: examples/ and a second folder with a policy of its own.
const multiRoot = path.join(run, 'llmc.code-workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspaces/gateway'), path.join(run, 'gateway'), { recursive: true });
// And a service of a repository whose policy lies one folder above it (git refuses a `.git` in a fixture: made here).
fs.cpSync(path.join(ROOT, 'test/fixtures/parent-policy'), path.join(run, 'monorepo'), { recursive: true });
fs.mkdirSync(path.join(run, 'monorepo/.git'));
// A symlinked folder: the CLI never follows one, so the editor must not either.
fs.symlinkSync(path.join(run, 'examples/api'), path.join(run, 'monorepo/service/linked-api'), 'dir');
// And a folder with endpoints but no policy anywhere above it: nothing may look compliant there.
fs.cpSync(path.join(ROOT, 'examples/api'), path.join(run, 'no-policy'), { recursive: true });
fs.writeFileSync(multiRoot, JSON.stringify({ folders: [{ path: 'examples' }, { path: 'gateway' }, { path: 'monorepo/service' }, { path: 'no-policy' }] }, null, 2));
for (const d of ['ud/User', 'exts', 'tmp', 'xdg']) fs.mkdirSync(path.join(run, d), { recursive: true });
fs.writeFileSync(path.join(run, 'ud/User/settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.hover.sticky': true,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
}, null, 2));
const results = path.join(run, 'test-results.json');
/** The staged web extension (--web). */
let webStage;
const port = Number(args[args.indexOf('--port') + 1]) || await freePort();
const base = `http://127.0.0.1:${port}`;

// The extension host inherits this environment.
const env = {
  ...process.env,
  XDG_CONFIG_HOME: path.join(run, 'xdg'), XDG_DATA_HOME: path.join(run, 'xdg'), TMPDIR: path.join(run, 'tmp'),
  EXTENSIONS_GALLERY: '{"serviceUrl":""}', LLMC_TEST_RESULTS: results, LLMC_CLI: path.join(ROOT, 'dist/cli.js'),
  // The suite checks that the extension it tests is the one this run meant (installed, or the dev folder).
  ...(fromVsix && mode !== 'web' ? { LLMC_EXTENSION_INSTALLED: path.join(run, 'exts') } : { LLMC_EXTENSION_INSTALLED: '' }),
};
if (VSIX && mode !== 'web') installVsix(VSIX);
const server = spawn(CODE_SERVER, [
  '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
  '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', path.join(run, 'ud'), '--extensions-dir', path.join(run, 'exts'),
], { env, detached: true, stdio: ['ignore', fs.openSync(path.join(run, 'server.log'), 'w'), fs.openSync(path.join(run, 'server.log'), 'a')] });
let stopped = false;
const stop = () => {
  if (stopped) return;
  stopped = true;
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
};
process.on('exit', stop);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stop();
    // The demo ends with Ctrl+C: its copy of examples/ goes too. A failed test run keeps its logs.
    if (mode === 'demo') fs.rmSync(run, { recursive: true, force: true });
    process.exit(130);
  });
}

let code = 3;
try {
  await waitForServer();
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // Installed: a development extension is still needed to run a suite, so an empty one stands in.
  const extension = mode === 'web' ? stageWebExtension() : VSIX ? stubExtension() : ROOT;
  const payload = VSIX && mode === 'ui' ? [] : [['extensionDevelopmentPath', remote(extension)]];
  if (mode === 'test') payload.push(['extensionTestsPath', remote(path.join(ROOT, 'out/test/integration/index.js'))]);
  if (mode === 'web') payload.push(['extensionTestsPath', remote(path.join(extension, WEB_SUITE))]);
  if (mode === 'first') payload.push(['extensionTestsPath', remote(path.join(ROOT, 'scripts/bench/first-diagnostics-probe.cjs'))]);
  const open = mode === 'test' ? `workspace=${encodeURIComponent(multiRoot)}` : `folder=${encodeURIComponent(workspace)}`;
  const url = `${base}/?${open}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  if (mode === 'demo') code = await demo(url);
  else code = await drive(url);
} catch (err) {
  console.error('vscode-test failed:', err);
} finally {
  stop();
  if (fs.existsSync(results)) {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    for (const f of r.failures) console.log(`FAIL ${f.title}\n${f.error}\n`);
    console.log(`${mode === 'web' ? 'web ' : ''}extension-host suite: ${r.passes.length} passed, ${r.failures.length} failed`);
  } else if (mode === 'test' || mode === 'web') console.log(`no results were written; see ${path.join(run, 'server.log')}`);
  if (code === 0 && !process.env.LLMC_KEEP_RUN) fs.rmSync(run, { recursive: true, force: true });
}
process.exit(code);

async function drive(url) {
  const require = createRequire(path.join(HARNESS, 'package.json'));
  const { chromium } = require('playwright-core');
  const profile = path.join(run, 'chromium');
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  // Webviews live on a cross-site <uuid>.localhost origin and need third-party cookies for their service worker.
  fs.writeFileSync(path.join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1, colorScheme: theme === 'light' ? 'light' : 'dark',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    let finish;
    const done = new Promise((resolve) => (finish = resolve));
    // The web suite has no file system: its results come as one console line.
    const webResults = (line) => {
      const at = line.indexOf('LLMC_WEB_RESULTS ');
      if (at >= 0) fs.writeFileSync(results, line.slice(at + 'LLMC_WEB_RESULTS '.length));
      return at >= 0;
    };
    await context.exposeFunction('codeAutomationLog', (type, a) => (mode === 'web' && webResults((a ?? []).map(String).join(' '))) || console.log('[vscode]', type, ...(a ?? [])));
    await context.exposeFunction('codeAutomationExit', (c) => finish(c));
    const page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (e) => log('page error:', e.message));
    if (mode === 'web') page.on('console', (m) => webResults(m.text()));
    if (mode === 'web') void watchSidebar(page);
    log('opening VS Code', mode === 'test' ? 'to run the extension-host suite' : mode === 'web' ? 'to run the web extension\'s suite in the web worker extension host' : mode === 'first' ? 'to time the first diagnostics' : 'to take a screenshot');
    const opened = Date.now();
    // On a loaded machine the workbench can take longer than playwright's default 30 s to load.
    await page.goto(url, { timeout: 120_000 });
    if (mode === 'screenshot') return await screenshot(page, args[args.indexOf('--screenshot') + 1]);
    const vscodeActivation = mode === 'first' ? runningExtensionsActivation(page) : undefined;
    if (mode === 'ui') return (await sidebarTest(page, args.includes('--shots') ? args[args.indexOf('--shots') + 1] : undefined)) || await (await import('./walkthrough-test.mjs')).walkthroughTest(page, { root: ROOT, run, log, open: (folder) => url.replace(/folder=[^&]*/, `folder=${encodeURIComponent(folder)}`) });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
    const c = await Promise.race([done, timeout]);
    if (c === 'timeout') log(`no result after ${timeoutMs / 1000} s`);
    // The probe times the extension host's events; the window's opening is timed here, on the same clock.
    const out = process.env.LLMC_FIRST_DIAGNOSTICS_OUT;
    if (mode === 'first' && out && fs.existsSync(out)) {
      const vscodeActivationMs = await Promise.race([vscodeActivation, new Promise((resolve) => setTimeout(resolve, 5000))]);
      fs.writeFileSync(out, JSON.stringify({ ...JSON.parse(fs.readFileSync(out, 'utf8')), windowOpened: opened, vscodeActivationMs }, null, 2));
    }
    return c === 'timeout' ? 2 : c;
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The web extension as vscode.dev would load it: package.json without `main` (so only the
 * `browser` build can run), the files the web build uses, the suite (VS Code runs a suite in
 * the extension host of the extension whose folder holds it), and the CLI's JSON findings
 * for the same copy of examples/, which the suite compares the diagnostics with.
 */
function stageWebExtension() {
  const stage = (webStage = path.join(run, 'web-extension'));
  // The VSIX's files (what the Marketplace serves to vscode.dev), or the dev folder's (--dev).
  if (VSIX) unzipExtension(VSIX, stage);
  else for (const p of ['package.json', 'package.nls.json', 'l10n', 'dist/web', 'dist/webview', 'dist/codicons', 'media', 'schemas', 'docs/rules']) fs.cpSync(path.join(ROOT, p), path.join(stage, p), { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(stage, 'package.json'), 'utf8'));
  delete pkg.main;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
  fs.cpSync(path.join(ROOT, path.dirname(WEB_SUITE)), path.join(stage, path.dirname(WEB_SUITE)), { recursive: true });
  // Which files these are, for the suite to check.
  fs.writeFileSync(path.join(stage, 'staged-from.json'), JSON.stringify({ vsix: VSIX ? path.basename(VSIX) : null }));
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'scan', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`the CLI failed on examples/ (exit ${cli.status}): ${cli.stderr}`);
  fs.writeFileSync(path.join(stage, 'cli-findings.json'), cli.stdout);
  return stage;
}

/**
 * The VSIX `npm run package` built, refused when it is missing or older than what it is built
 * from (a test of a stale package would pass or fail for the wrong code).
 */
function freshVsix() {
  const vsix = path.join(ROOT, '.build', `${MANIFEST.name}-${MANIFEST.version}.vsix`);
  if (!fs.existsSync(vsix)) {
    console.error(`${path.relative(ROOT, vsix)} is missing: run npm run package first (or --dev to test the development folder).`);
    process.exit(1);
  }
  const newest = (p) => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) return { file: p, mtime: st.mtimeMs };
    return fs.readdirSync(p).map((f) => newest(path.join(p, f))).reduce((a, b) => (b.mtime > a.mtime ? b : a), { file: p, mtime: 0 });
  };
  const sources = ['src', 'package.json', 'package.nls.json', 'l10n', 'media', 'schemas/policy.schema.json', 'docs/rules', 'README.md', 'CHANGELOG.md', 'LICENSE', 'node_modules/@vscode/codicons/dist', 'scripts/build.mjs', 'scripts/package-vsix.mjs']
    .filter((p) => fs.existsSync(path.join(ROOT, p))).map((p) => newest(path.join(ROOT, p)));
  const latest = sources.reduce((a, b) => (b.mtime > a.mtime ? b : a));
  if (latest.mtime > fs.statSync(vsix).mtimeMs) {
    console.error(`${path.relative(ROOT, vsix)} is older than ${path.relative(ROOT, latest.file)}: run npm run package again (or --dev to test the development folder).`);
    process.exit(1);
  }
  return vsix;
}

/** Installs the VSIX into this run's extensions folder, as a user's `code --install-extension` does. */
function installVsix(vsix) {
  log('installing', path.relative(ROOT, vsix));
  const r = spawnSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', path.join(run, 'exts'), '--user-data-dir', path.join(run, 'ud')], { env, encoding: 'utf8' });
  const installed = fs.readdirSync(path.join(run, 'exts')).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
  if (r.status !== 0 || installed.length !== 1) {
    console.error(`code-server --install-extension failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

/** An extension without contributions or code: the development extension a suite needs, so the tested one is the installed one. */
function stubExtension() {
  const stub = path.join(run, 'suite-host');
  fs.mkdirSync(stub);
  fs.writeFileSync(path.join(stub, 'package.json'), JSON.stringify({
    name: 'suite-host', publisher: 'llm-compliance-tests', version: '0.0.0', engines: { vscode: '*' },
    description: 'Stands in as the development extension so the extension-host suite runs against the installed VSIX.',
  }, null, 2));
  return stub;
}

/** The VSIX's `extension/` folder, written to `dest` (read with check-vsix.mjs's zip reader). */
function unzipExtension(vsix, dest) {
  const zip = fs.readFileSync(vsix);
  for (const e of zipEntries(zip)) {
    if (!e.name.startsWith('extension/') || e.name.endsWith('/')) continue;
    const to = path.join(dest, e.name.slice('extension/'.length));
    if (!to.startsWith(dest + path.sep)) throw new Error(`${e.name} would be written outside ${dest}`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, entryData(zip, e));
  }
}

/** The README's picture: a file with findings, a hover, and the Problems view. */
async function screenshot(page, out) {
  if (!out) throw new Error('--screenshot needs a file name');
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
  // The status bar item appears when the workspace scan is done.
  await scanned(page);
  const open = async (file) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(file, { delay: 20 });
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
  };
  await pickTheme(page);
  await open('triage.py');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(1500);
  // Hover the Bedrock region on line 7 through the editor's "show hover" on a cursor there.
  await page.keyboard.press('Control+G');
  await page.keyboard.type('7:60');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover', { state: 'visible', timeout: 15_000 }).catch(() => log('no hover appeared'));
  await page.waitForTimeout(1500);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await page.screenshot({ path: out });
  log('wrote', out);
  return 0;
}

/** What the sidebar must show, from the engine itself (bundled from src/core), not from a copy of its answers. */
async function expectations() {
  const esbuild = await import('esbuild');
  const entry = path.join(run, 'expect-entry.mjs');
  fs.writeFileSync(entry, `export { catalog } from ${JSON.stringify(path.join(ROOT, 'src/core/catalog/data'))};\nexport { complianceMatrix, filterMatrix, MATRIX_COLUMNS } from ${JSON.stringify(path.join(ROOT, 'src/core/matrix.ts'))};\nexport { parsePolicy } from ${JSON.stringify(path.join(ROOT, 'src/core/policy/policy.ts'))};\n`);
  const outfile = path.join(run, 'expect.cjs');
  await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' });
  const core = createRequire(import.meta.url)(outfile);
  const today = new Date().toISOString().slice(0, 10);
  const policy = core.parsePolicy('.llm-compliance.yaml', fs.readFileSync(path.join(workspace, '.llm-compliance.yaml'), 'utf8'));
  const all = core.complianceMatrix(core.catalog, { today, policy });
  const columns = core.MATRIX_COLUMNS.filter((c) => policy.require.includes(c.requirement)).map((c) => c.id);
  return { all, policy, columns, preTicked: core.filterMatrix(all, policy.require), hipaaEu: core.filterMatrix(all, ['hipaa', 'eu-residency']) };
}

/** Browser-level test: the sidebar renders the catalog's matrix, the filter narrows it, a tree item opens the editor at its line. */
async function sidebarTest(page, shots) {
  const expect = await expectations();
  const check = (ok, what) => {
    if (!ok) throw new Error(`sidebar test: ${what}`);
    log('ok:', what);
  };
  await scanned(page);
  await pickTheme(page);
  log('theme:', await page.evaluate(() => document.querySelector('.monaco-workbench')?.className.match(/vscode-theme-\S+/)?.[0]));
  await page.locator('.activitybar .action-item a[aria-label^="LLM Compliance"]').first().click();
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const rows = view.locator('#root [data-row]');
  await rows.first().waitFor({ timeout: 30_000 });
  // Widen the side bar, as a user reading a table would.
  await matrixWidth(page, view, 800);
  await view.locator('table.matrix').waitFor();
  const ids = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-provider')));
  const ticked = await view.locator('input[data-requirement]:checked').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-requirement')));
  check(JSON.stringify(ticked.sort()) === JSON.stringify([...expect.policy.require].sort()), `the requirement boxes start ticked as the policy's: ${ticked.join(', ')}`);
  check(JSON.stringify(await ids()) === JSON.stringify(expect.preTicked.map((r) => r.provider)), `so the matrix starts with ${expect.preTicked.map((r) => r.provider).join(', ')}`);
  await matrixLayout(view, 800, expect.columns, check);
  for (const r of expect.policy.require) await view.locator(`#req-${r}`).uncheck();
  await view.locator('#summary').filter({ hasText: 'Tick what' }).waitFor();
  check(JSON.stringify(await ids()) === JSON.stringify(expect.all.map((r) => r.provider)), `with nothing ticked the matrix shows the ${expect.all.length} catalog providers in catalog order`);
  for (const row of expect.all) {
    const cells = await view.locator(`tr[data-provider="${row.provider}"] td.cell`).evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-column'), td.getAttribute('data-status')])));
    const want = Object.fromEntries(Object.entries(row.cells).map(([col, c]) => [col, c.status]));
    check(JSON.stringify(cells, Object.keys(want)) === JSON.stringify(want), `${row.provider}: each cell's status is the catalog's`);
  }
  check(await view.locator('thead th.required').count() === expect.columns.length, `the ${expect.columns.length} columns the examples policy requires are highlighted`);
  // A sidebar's widths: every policy column in view, nothing overlapping, cards and no sideways scrolling below 500 px.
  // (The endpoint tree folds away meanwhile, so the pictures show the matrix.)
  const treeHeader = page.locator('.pane-header', { hasText: 'Endpoints in This Workspace' });
  await treeHeader.click();
  for (const width of [800, 400, 300]) {
    await matrixWidth(page, view, width);
    await matrixLayout(view, width, expect.columns, check);
    if (shots) await shot(page.locator('.part.sidebar'), path.join(shots, `matrix-${width}-${theme}.png`));
  }
  await view.locator('#show-all').click();
  check(await view.locator('li.card').first().locator('.field').count() === Object.keys(expect.all[0].cells).length, '"Show all requirements" shows every column in each card');
  await matrixLayout(view, 300, expect.columns, check);
  await view.locator('#show-all').click();
  await treeHeader.click();
  await matrixWidth(page, view, 800);
  await view.locator('#req-hipaa').check();
  await view.locator('#req-eu-residency').check();
  await page.waitForTimeout(300);
  await view.locator('#summary').filter({ hasText: 'meet' }).waitFor();
  check(JSON.stringify(await ids()) === JSON.stringify(expect.hipaaEu.map((r) => r.provider)), `HIPAA + EU residency leaves ${expect.hipaaEu.map((r) => r.provider).join(', ')}`);
  const verdict = await view.locator('#summary').textContent();
  check(verdict.startsWith(`${expect.hipaaEu.length} of ${expect.all.length} providers meet`), `the verdict counts the rows shown: "${verdict}"`);
  const withEu = expect.hipaaEu.find((r) => (r.cells.eu.endpoints ?? []).length > 0);
  check(!!withEu && await view.locator(`tr[data-provider="${withEu.provider}"] ul.endpoints li`).count() > 0, 'the EU endpoints of the remaining providers are listed');
  if (shots) await shot(page, path.join(shots, `sidebar-${theme}.png`));
  // Keyboard: one tab stop, arrows move across the grid.
  const first = expect.hipaaEu[0].provider;
  await view.locator(`tr[data-provider="${first}"] button.provider`).focus();
  await page.keyboard.press('ArrowRight');
  check(await view.locator(':focus').getAttribute('data-column') === 'baa', 'ArrowRight moves from a provider to its HIPAA BAA cell');
  await page.keyboard.press('ArrowDown');
  const below = expect.hipaaEu[1].provider;
  check(await view.locator(':focus').evaluate((e) => e.closest('tr').getAttribute('data-provider')) === below, `ArrowDown moves to ${below}`);
  check(await view.locator('table.matrix [tabindex="0"]').count() === 1, 'the grid has a single tab stop');
  // The endpoint tree: provider, endpoint, place; a click opens the editor at the line.
  const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Endpoints in This Workspace' }) });
  await tree.locator('.monaco-list-row', { hasText: 'bedrock-runtime.us-east-1.amazonaws.com' }).first().click();
  const place = tree.locator('.monaco-list-row', { hasText: 'api/app/triage.py:7' }).first();
  await place.waitFor({ timeout: 15_000 });
  await place.click();
  await page.locator('.tabs-container .tab.active', { hasText: 'triage.py' }).waitFor({ timeout: 15_000 });
  const cursor = page.locator('.statusbar-item[id="status.editor.selection"]');
  await cursor.filter({ hasText: /Ln 7, Col \d+/ }).waitFor({ timeout: 15_000 });
  check(true, 'clicking api/app/triage.py:7 in the tree opens triage.py at line 7');
  return 0;
}

/**
 * What the browser shows of the web extension's sidebar once the suite reveals it: the
 * providers of the matrix webview's rows, and the endpoint tree's rows (level and label) as
 * they settle. Written beside the staged extension for the suite to check: the extension
 * host stops when the suite ends, and its views with it.
 */
async function watchSidebar(page) {
  const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Endpoints in This Workspace' }) }).locator('.monaco-list-row');
  const rows = () => tree.evaluateAll((trs) => trs.map((tr) => [Number(tr.getAttribute('aria-level')), tr.querySelector('.label-name')?.textContent ?? '']));
  // Webviews are nested frames (the provider details are one too): the matrix is the one with its table.
  const matrix = async () => {
    for (const frame of page.frames()) {
      const ids = await frame.$$eval('#root [data-row]', (trs) => trs.map((tr) => tr.getAttribute('data-provider'))).catch(() => []);
      if (ids.length) return ids;
    }
    return [];
  };
  const end = Date.now() + timeoutMs;
  try {
    while (Date.now() < end) {
      const ids = await matrix();
      if (ids.length) {
        // The tree's rows and the matrix's (the policy's requirements start ticked), once they stop changing.
        let last = '';
        let now = JSON.stringify({ matrix: ids, tree: await rows() });
        while (now !== last) {
          last = now;
          await page.waitForTimeout(500);
          now = JSON.stringify({ matrix: await matrix(), tree: await rows() });
        }
        fs.writeFileSync(path.join(webStage, 'browser-sidebar.json'), now);
        return;
      }
      await page.waitForTimeout(250);
    }
  } catch (err) {
    // The page closes when the run ends; the suite reports what it did not see.
    if (!page.isClosed()) log('watching the sidebar failed:', err.message);
  }
}

/**
 * The activation time VS Code itself measured for the extension (code loading + the activate
 * call), as its Running Extensions editor shows it; the first-diagnostics probe opens that editor.
 */
async function runningExtensionsActivation(page) {
  const time = page.locator('.monaco-list-row', { hasText: EXTENSION_ID }).locator('.activation-time').filter({ hasText: /\d+ms/ }).first();
  try {
    await time.waitFor({ timeout: 240_000 });
    const m = /(\d+)ms/.exec(await time.textContent());
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the workspace scan: the status bar item shows its count when the inventory is ready. */
async function scanned(page) {
  await page.waitForSelector('[id$="llmCompliance.status"]', { timeout: 60_000 });
  await page.waitForFunction(() => /\d/.test(document.querySelector('[id$="llmCompliance.status"]')?.textContent ?? ''), null, { timeout: 60_000 });
}

/** The colour theme (--theme), picked as a user does: in this web workbench the theme settings
 * resolve before the built-in themes are registered and fall back to another theme. */
async function pickTheme(page) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern' }).first().click();
  await page.waitForTimeout(800);
}

/** Drags the side bar's edge until the matrix webview is `width` CSS pixels wide. */
async function matrixWidth(page, view, width) {
  const inner = () => view.locator('body').evaluate(() => window.innerWidth);
  for (let i = 0; i < 4; i++) {
    const now = await inner();
    if (Math.abs(now - width) <= 1) return;
    const bar = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(bar.x + bar.width - 1, bar.y + 300);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width - 1 + (width - now), bar.y + 300, { steps: 6 });
    await page.mouse.up();
    await page.waitForTimeout(400);
  }
  const got = await inner();
  if (Math.abs(got - width) > 1) throw new Error(`sidebar test: could not make the matrix ${width} px wide (it is ${got} px)`);
}

/**
 * The matrix's layout at the view's width, measured in the browser: every column the policy
 * requires lies inside the viewport for every provider, no two header cells, cells or card
 * fields overlap, the pinned "Provider" header stays on top when the table scrolls sideways,
 * no check date shows in a cell, and below 500 px the cards need no sideways scrolling.
 */
async function matrixLayout(view, width, columns, check) {
  const problems = await view.locator('body').evaluate(async (_body, { columns, narrow }) => {
    const out = [];
    const vw = document.documentElement.clientWidth;
    const box = (e) => e.getBoundingClientRect();
    const inView = (what, r) => {
      if (r.width < 1 || r.height < 1) out.push(`${what} is not shown`);
      else if (r.left < -0.5 || r.right > vw + 0.5) out.push(`${what} lies outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
    };
    const disjoint = (named) => {
      for (let i = 0; i < named.length; i++) for (let j = i + 1; j < named.length; j++) {
        const [a, ra] = named[i];
        const [b, rb] = named[j];
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 0.5 && h > 0.5) out.push(`${a} overlaps ${b}`);
      }
    };
    if (narrow) {
      if (!document.querySelector('ul.cards') || document.querySelector('table.matrix')) out.push('below 500 px the matrix is not cards');
      if (document.documentElement.scrollWidth > vw) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${vw})`);
      for (const card of document.querySelectorAll('li.card')) {
        const id = card.getAttribute('data-provider');
        inView(`${id}'s card`, box(card));
        const named = [[`${id} name`, box(card.querySelector('.card-head'))]];
        for (const col of columns) {
          const field = card.querySelector(`.field[data-column="${col}"]`);
          if (!field) { out.push(`${id}'s card has no ${col}`); continue; }
          for (const part of field.children) {
            inView(`${id} ${col} ${part.tagName}`, box(part));
            named.push([`${id} ${col} ${part.tagName}`, box(part)]);
          }
        }
        disjoint(named);
      }
    } else {
      const wrap = document.querySelector('.table-wrap');
      if (!wrap) return ['at 500 px and wider the matrix is not a table'];
      const head = [...document.querySelectorAll('table.matrix thead th')];
      const corner = head[0];
      for (const col of columns) {
        const th = document.querySelector(`table.matrix thead th[data-column="${col}"]`);
        if (th) inView(`the ${col} header`, box(th));
        else out.push(`no ${col} column`);
      }
      disjoint(head.map((th) => [`header ${th.textContent}`, box(th)]));
      for (const tr of document.querySelectorAll('table.matrix tbody tr')) {
        const id = tr.getAttribute('data-provider');
        const named = [[`${id} name`, box(tr.querySelector('th'))]];
        for (const col of columns) {
          const td = tr.querySelector(`td[data-column="${col}"]`);
          inView(`${id} ${col}`, box(td));
          named.push([`${id} ${col}`, box(td)]);
        }
        disjoint(named);
      }
      // Scrolled sideways, the pinned corner must stay on top of the headers that scroll under it.
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.scrollLeft = Math.min(wrap.scrollWidth - wrap.clientWidth, 120);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const r = box(corner);
        const hit = document.elementFromPoint(r.left + r.width - 4, r.top + r.height / 2);
        if (!corner.contains(hit)) out.push(`scrolled sideways, "${hit?.textContent}" covers the pinned Provider header`);
        wrap.scrollLeft = 0;
      }
    }
    // Check dates on hover only: the tooltip names them, the cell's text does not.
    for (const c of document.querySelectorAll('.cell')) {
      const dates = [...(c.getAttribute('title') ?? '').matchAll(/checked (\d{4}-\d\d-\d\d)/g)].map((m) => m[1]);
      if (!dates.length && c.getAttribute('data-status') !== 'unknown') out.push(`${c.closest('[data-row]').getAttribute('data-provider')} ${c.getAttribute('data-column')} has no check date on hover`);
      if (dates.some((d) => c.innerText.includes(d))) out.push(`a check date shows in ${c.closest('[data-row]').getAttribute('data-provider')} ${c.getAttribute('data-column')}`);
    }
    return out;
  }, { columns, narrow: width < 500 });
  check(problems.length === 0, `at ${width} px the matrix shows ${columns.join(', ')} for every provider, nothing overlaps${width < 500 ? ', no sideways scrolling' : ''}${problems.length ? `:\n  ${problems.slice(0, 12).join('\n  ')}` : ''}`);
}

/** A screenshot of the page, or of one part of it (a locator). */
async function shot(target, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await new Promise((r) => setTimeout(r, 500));
  await target.screenshot({ path: file });
  log('wrote', file);
}

async function demo(url) {
  console.log(`\nVS Code with LLM Compliance on a copy of examples/ is at:\n\n  ${url}\n\nOpen it in a browser on this machine (files.exclude, Problems view: Ctrl+Shift+M). Ctrl+C stops it.\n`);
  if (process.env.DISPLAY && !process.env.CI) spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).on('error', () => {});
  await new Promise(() => {});
  return 0;
}

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}; see ${path.join(run, 'server.log')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('code-server did not start within 60 s');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

