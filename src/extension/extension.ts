// The desktop extension's entry (package.json `main`): the shared activation with the index
// worker in a Node worker thread.

import * as vscode from 'vscode';
import { activateWith, type Api } from './activate';
import { nodeIndexWorker } from './node-host';

export type { Api } from './activate';

export function activate(context: vscode.ExtensionContext): Api {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'index-worker.js').fsPath;
  return activateWith(context, { startIndexWorker: () => nodeIndexWorker(script) });
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code.
}
