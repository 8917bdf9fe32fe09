// The desktop extension's entry (package.json `main`): the shared activation with the index
// worker in a Node worker thread.

import * as vscode from 'vscode';
import { activateWith, type Api } from './activate';
import { bundleLoadMs } from './load-time';
import { nodeIndexWorker } from './node-host';

export type { Api } from './activate';

const SCRIPT = 'index-worker.js';
/** When this bundle was loaded: the start of activation, as the log and the bench time it. */
const loadedAt = Date.now();
const loadMs = bundleLoadMs();

export function activate(context: vscode.ExtensionContext): Api {
  const calledAt = performance.now();
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', SCRIPT).fsPath;
  // The worker (and the engine it loads) starts with the first scan, after activate() returns.
  return activateWith(context, { loadedAt, loadMs, calledAt, startIndexWorker: () => nodeIndexWorker(script) });
}

export function deactivate(): void {
  // Subscriptions (the inventory and its worker) are disposed by VS Code.
}
