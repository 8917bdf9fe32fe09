// VS Code glue: starts the workspace inventory and connects it to diagnostics, hovers,
// quick fixes, commands and the status bar. All judging happens in src/core. Shared by the
// desktop entry (extension.ts) and the web entry (extension-web.ts), which differ only in
// how they start the index worker.

import * as vscode from 'vscode';
import { ActionsProvider } from './actions';
import { DiagnosticsView } from './diagnostics';
import { HoverProvider } from './hover';
import type { IndexChannel } from './index-client';
import { Inventory } from './inventory';
import { StatusView } from './status';
import { NoPolicyState } from './no-policy';
import { registerCommands, type Sidebar } from './commands';
import { VIEWS } from './contributions';
import { EndpointsTree } from './sidebar/endpoints-tree';
import { MatrixView } from './sidebar/matrix-view';
import { ProviderPanel } from './sidebar/provider-panel';

/** What the extension exports: the inventory and the sidebar's models, for tests and for other extensions. */
export interface Api {
  inventory: Inventory;
  sidebar: Sidebar;
  /** The no-policy context key and notice. */
  noPolicy: NoPolicyState;
  status: StatusView;
  /** How long loading the bundle and activate() took (ms, performance.now()); for the log and the bench. */
  activation: ActivationTimes;
}

export interface ActivationTimes {
  /** From the bundle's first line (the build's banner) to the end of its top-level code; 0 when not bundled. */
  loadMs: number;
  /** activate(), from its call to its return (to its promise's end on the web). */
  activateMs: number;
}

/** What a host entry gives: how to start the index worker (again after a crash). */
export interface Host {
  startIndexWorker(): IndexChannel;
  /** When the extension's bundle was loaded (Date.now()), the start of its activation; activateWith's call when not given. */
  loadedAt?: number;
  /** How long the bundle took to load (load-time.ts), and when activate() was called (performance.now()). */
  loadMs?: number;
  calledAt?: number;
}

export function activateWith(context: vscode.ExtensionContext, host: Host): Api {
  const calledAt = host.calledAt ?? performance.now();
  const log = vscode.window.createOutputChannel('LLM Compliance', { log: true });
  const inventory = new Inventory(() => host.startIndexWorker(), log, host.loadedAt);
  const status = new StatusView(inventory);
  // Files of the workspace folders (local, remote or virtual) and notebook cells; the inventory decides which it scans.
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-notebook-cell' }];
  context.subscriptions.push(
    log,
    inventory,
    new DiagnosticsView(inventory),
    status,
    vscode.languages.registerHoverProvider(selector, new HoverProvider(inventory)),
    vscode.languages.registerCodeActionsProvider(selector, new ActionsProvider(inventory), ActionsProvider.metadata),
  );
  const provider = new ProviderPanel(context.extensionUri, inventory);
  const matrix = new MatrixView(context.extensionUri, inventory, log, (id) => provider.show(id));
  const tree = new EndpointsTree(inventory);
  // The extension-host tests stay quiet: a notice would sit over the UI they drive.
  const noPolicy = new NoPolicyState(inventory, context.workspaceState, context.extensionMode === vscode.ExtensionMode.Test);
  const treeView = vscode.window.createTreeView(VIEWS.endpoints.id, { treeDataProvider: tree, showCollapseAll: true });
  const describeTree = (): void => {
    const uses = tree.uses();
    const failing = uses.filter((u) => u.verdict === 'error' || u.verdict === 'warning').length;
    treeView.description = uses.length ? [vscode.l10n.t('{0} uses', uses.length), ...(failing ? [vscode.l10n.t('{0} failing', failing)] : [])].join(' · ') : '';
    // Without a policy an empty tree shows the welcome view (viewsWelcome), which a message would hide.
    treeView.message = uses.length || noPolicy.folders().length || inventory.scans().some((s) => s.busy) ? undefined : vscode.l10n.t('No LLM endpoints found in this workspace.');
  };
  // Showing the sidebar reads folders without a policy whole (until then only their open files are checked).
  const scanWorkspace = (): void => void inventory.scanWorkspace();
  context.subscriptions.push(
    provider, matrix, tree, treeView, noPolicy,
    vscode.window.registerWebviewViewProvider(VIEWS.matrix.id, {
      resolveWebviewView: (view) => {
        scanWorkspace();
        matrix.resolveWebviewView(view);
      },
    }),
    inventory.onDidChange(describeTree),
    treeView.onDidChangeVisibility((e) => e.visible && scanWorkspace()),
  );
  if (treeView.visible) scanWorkspace();
  const sidebar = { matrix, tree, provider };
  registerCommands(context, inventory, sidebar, log);
  void inventory.start();
  const activation = { loadMs: host.loadMs ?? 0, activateMs: performance.now() - calledAt };
  inventory.logActivation(activation);
  return { inventory, sidebar, noPolicy, status, activation };
}
