// The desktop extension's entry (package.json `main`): the shared activation with the index
// worker in a Node worker thread.

import * as vscode from 'vscode';
import { activateWith, type Api } from './activate';
import type { IndexChannel } from './index-client';
import { nodeIndexWorker } from './node-host';

export type { Api } from './activate';

const SCRIPT = 'index-worker.js';
/** When this bundle was loaded: the start of activation, as the log and the bench time it. */
const loadedAt = Date.now();

/**
 * The analysis worker, started as this bundle loads (it sits beside it in dist/): loading its
 * engine takes a few hundred milliseconds of CPU, which then overlap the rest of VS Code's
 * activation instead of following it. The first scan adopts it; deactivate() stops it if not.
 */
let early: IndexChannel | undefined = vscode.workspace.getConfiguration('llmCompliance').get('enable', true) && typeof __dirname === 'string'
  ? nodeIndexWorker(`${__dirname}/${SCRIPT}`)
  : undefined;

export function activate(context: vscode.ExtensionContext): Api {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', SCRIPT).fsPath;
  return activateWith(context, {
    loadedAt,
    startIndexWorker: () => {
      const worker = early ?? nodeIndexWorker(script);
      early = undefined;
      return worker;
    },
  });
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code; a worker started early and never used is stopped here.
  early?.terminate();
  early = undefined;
}
