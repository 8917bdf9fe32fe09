// The web extension in the web worker extension host of a real browser (code-server's, in
// chromium): it runs there with no Node, its diagnostics on examples/ are the CLI's findings,
// and the sidebar's tree and matrix resolve and show. The driver (run.mjs --web) stages the extension
// with `main` removed, so only the `browser` build can run, and puts the CLI's JSON for the
// same copy of examples/ beside it (cli-findings.json).
import * as vscode from 'vscode';
import { catalog } from '../../src/core/catalog/data';
import type { Api } from '../../src/extension/activate';

import pkg from '../../package.json';

const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

interface CliJson {
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string; suppressed?: unknown }[];
  summary: { endpoints: number; findings: number; suppressed: number };
}

/** No node:assert in a browser: equality as JSON, with both sides in the message. */
function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual, null, 1);
  const e = JSON.stringify(expected, null, 1);
  if (a !== e) throw new Error(`${what}\nexpected: ${e}\nactual:   ${a}`);
}

function ok(value: unknown, what: string): void {
  if (!value) throw new Error(what);
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  ok(ext, `${EXTENSION_ID} is not loaded`);
  const exports = await ext!.activate();
  await exports.inventory.whenIdle();
  return exports;
}

async function cliFindings(): Promise<CliJson> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'cli-findings.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as CliJson;
}

suite('web extension', () => {
  test('runs in the web worker extension host, from the browser build, with no Node', async () => {
    const { inventory } = await api();
    same(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
    same(typeof (globalThis as { process?: unknown }).process, 'undefined', 'typeof process');
    same(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { main?: string; browser?: string };
    same([pkg.main, pkg.browser], [undefined, './dist/web/extension.js'], 'the staged package.json has only the browser entry');
    ok(inventory.scans().length === 1 && !inventory.scans()[0]!.busy, 'the folder was scanned');
  });

  test('is the VSIX\'s files (or, with run.mjs --dev, the development folder\'s)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const read = async (rel: string): Promise<Uint8Array | undefined> => vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, rel)).then((b) => b, () => undefined);
    const staged = JSON.parse(new TextDecoder().decode(await read('staged-from.json'))) as { vsix: string | null };
    const pkg = ext.packageJSON as { scripts?: unknown; devDependencies?: unknown };
    if (staged.vsix) {
      same([pkg.scripts, pkg.devDependencies], [undefined, undefined], `the manifest of ${staged.vsix} has no npm-only fields`);
      same(await read('dist/web/extension.js.map'), undefined, 'no source map is shipped');
      ok(await read('dist/web/extension.js'), 'the browser build is there');
    } else {
      ok(pkg.scripts, 'the development manifest has its npm scripts');
    }
  });

  test('the diagnostics of every file are the CLI\'s findings: rule, range, severity and message', async () => {
    const { inventory } = await api();
    const json = await cliFindings();
    const scan = inventory.scans()[0]!;
    const fromCli = json.findings.filter((f) => !f.suppressed)
      .map((f) => `${f.file} ${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message}`).sort();
    const fromEditor = vscode.languages.getDiagnostics().flatMap(([uri, list]) => list.filter((d) => d.source === 'llm-compliance').map((d) => {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const severity = d.severity === vscode.DiagnosticSeverity.Information ? 'note' : vscode.DiagnosticSeverity[d.severity].toLowerCase();
      const { start, end } = d.range;
      return `${scan.relative(uri) ?? uri.toString()} ${code} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${severity} ${d.message}`;
    })).sort();
    ok(fromCli.length >= 10, `the CLI found ${fromCli.length} findings in examples/`);
    same(fromEditor, fromCli, 'diagnostics against the CLI\'s findings');
    same(scan.endpoints.length, json.summary.endpoints, 'endpoints');
    same(scan.findings.filter((p) => p.finding.suppression).length, json.summary.suppressed, 'suppressed findings');
  });

  test('the endpoint tree holds every inventory endpoint once', async () => {
    const { inventory, sidebar } = await api();
    const places: string[] = [];
    for (const p of sidebar.tree.getChildren()) {
      for (const e of sidebar.tree.getChildren(p)) for (const l of sidebar.tree.getChildren(e)) if (l.kind === 'location') places.push(`${l.use.placed.endpoint.file}:${l.use.placed.endpoint.range.start}`);
    }
    ok(places.length > 0, 'the tree has places');
    same(places.sort(), inventory.endpoints().map((e) => `${e.endpoint.file}:${e.endpoint.range.start}`).sort(), 'tree places against the inventory');
  });

  test('the matrix has one row per catalog provider', async () => {
    const { sidebar } = await api();
    same(sidebar.matrix.rows([]).map((r) => r.provider), catalog.providers.map((p) => p.id), 'matrix rows');
    same(await vscode.commands.executeCommand('llmCompliance.focusProvider', 'aws-bedrock'), true, 'provider details open');
    same(sidebar.provider.shown, 'aws-bedrock', 'the provider shown');
  });

  test('the browser shows the sidebar: the matrix webview\'s rows and the endpoint tree\'s', async function () {
    this.timeout(180_000);
    const { sidebar } = await api();
    await sidebar.matrix.reveal();
    // The driver watches the browser and writes what the sidebar shows beside the extension.
    const file = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'browser-sidebar.json');
    // The driver waits for the webview's rows, then for the tree to settle: on a loaded 2-core
    // machine that took over 30 s, so the wait is generous (and this test's timeout longer still).
    const end = Date.now() + 120_000;
    let shown: { matrix: string[]; tree: [number, string][] } | undefined;
    while (!shown) {
      ok(Date.now() < end, 'the browser did not show the sidebar within 120 s');
      shown = await vscode.workspace.fs.readFile(file).then((b) => JSON.parse(new TextDecoder().decode(b)) as typeof shown, () => undefined);
      if (!shown) await new Promise((r) => setTimeout(r, 200));
    }
    ok(sidebar.matrix.visible, 'the matrix view is resolved and visible');
    // The policy's requirements start ticked: the rows are those that meet them.
    same(shown.matrix, sidebar.matrix.rows().map((r) => r.provider), 'the rows of the matrix webview');
    // Providers expanded, endpoints collapsed; the rows the list renders are the first ones.
    const label = (n: Parameters<typeof sidebar.tree.getTreeItem>[0]): string => {
      const l = sidebar.tree.getTreeItem(n).label;
      return typeof l === 'string' ? l : l?.label ?? '';
    };
    const expected = sidebar.tree.getChildren().flatMap((p): [number, string][] => [[1, label(p)], ...sidebar.tree.getChildren(p).map((e): [number, string] => [2, label(e)])]);
    ok(shown.tree.length > 0, 'the tree shows rows');
    same(shown.tree, expected.slice(0, shown.tree.length), 'the rows of the endpoint tree');
  });
});
