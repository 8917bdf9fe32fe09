// The web extension's entry (package.json `browser`), for VS Code's web worker extension host
// (vscode.dev, github.dev, code-server): the shared activation with the index worker in a Web
// Worker. Bundled without Node built-ins (scripts/build.mjs fails the build if one slips in).

import * as vscode from 'vscode';
import { activateWith, type Api } from './activate';
import { bundleLoadMs } from './load-time';
import { webIndexWorker } from './web-host';

const loadedAt = Date.now();
const loadMs = bundleLoadMs();

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const calledAt = performance.now();
  const url = await workerScriptUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'index-worker.js'));
  return activateWith(context, { loadedAt, loadMs, calledAt, startIndexWorker: () => webIndexWorker(new Worker(url)) });
}

/**
 * A URL the extension host can start the worker script from. The extension's own files may
 * sit on a remote (code-server: vscode-remote://), and VS Code refuses to start a worker from
 * there, so the script is read through vscode.workspace.fs and started from a blob: URL.
 * Where no file system serves the extension's location (vscode.dev serves extensions over
 * https), the host is given the URL itself, which it loads into a worker of its own.
 */
async function workerScriptUrl(script: vscode.Uri): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(script);
  } catch {
    return script.toString(true);
  }
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'text/javascript' }));
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code.
}
