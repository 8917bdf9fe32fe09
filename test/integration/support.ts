// Helpers for the extension-host suite: the extension's API, waiting for the inventory to
// settle, and reading diagnostics and files of the examples/ copy the driver opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Api } from '../../src/extension/extension';
import pkg from '../../package.json';

/** publisher.name from package.json: the publisher there is a placeholder a release replaces. */
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const exports = await ext.activate();
  await exports.inventory.whenIdle();
  return exports;
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the driver opens a copy of examples/');
  return f;
}

export function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
}

/** Waits until the inventory is idle and a condition holds (diagnostics are published asynchronously). */
export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const { inventory } = await api();
  const end = Date.now() + timeoutMs;
  for (;;) {
    await inventory.whenIdle();
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension's diagnostics of a file, as `RULE line:col-line:col severity` (1-based, as the CLI prints). */
export function diagnostics(target: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(target)
    .filter((d) => d.source === 'llm-compliance')
    .map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${vscode.DiagnosticSeverity[d.severity].toLowerCase()}`)
    .sort();
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function text(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
}

export async function write(rel: string, content: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode(content));
}
