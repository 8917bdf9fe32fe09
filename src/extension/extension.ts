// VS Code glue: starts the workspace inventory and connects it to diagnostics, hovers,
// quick fixes, commands and the status bar. All judging happens in src/core.

import * as vscode from 'vscode';
import { ActionsProvider } from './actions';
import { registerCommands } from './commands';
import { DiagnosticsView } from './diagnostics';
import { HoverProvider } from './hover';
import { Inventory } from './inventory';
import { StatusView } from './status';

/** What the extension exports: the inventory, for tests and for other extensions. */
export interface Api {
  inventory: Inventory;
}

export function activate(context: vscode.ExtensionContext): Api {
  const log = vscode.window.createOutputChannel('LLM Compliance', { log: true });
  const inventory = new Inventory(vscode.Uri.joinPath(context.extensionUri, 'dist', 'index-worker.js').fsPath, log);
  // Every file the engine scans: code, config, IaC and notebooks (also unsaved and virtual ones).
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: 'untitled' }, { scheme: 'vscode-notebook-cell' }];
  context.subscriptions.push(
    log,
    inventory,
    new DiagnosticsView(inventory, context.extensionUri),
    new StatusView(inventory),
    vscode.languages.registerHoverProvider(selector, new HoverProvider(inventory)),
    vscode.languages.registerCodeActionsProvider(selector, new ActionsProvider(inventory), ActionsProvider.metadata),
  );
  registerCommands(context, inventory, log);
  void inventory.reload();
  return { inventory };
}

export function deactivate(): void {
  // Subscriptions are disposed by VS Code.
}
