// The Compliance Matrix view: the catalog as a live table (src/core/matrix.ts), with the
// active folder's policy highlighted and a requirement filter that can be written into
// the policy file. The webview only renders; this side computes and validates.

import * as vscode from 'vscode';
import { catalog, complianceMatrix, filterMatrix, MATRIX_COLUMNS, matrixMarkdown, type MatrixRow, type Requirement, todayUtc } from '../../core';
import { parseViewRequest, type MatrixMessage } from '../../webview/protocol';
import { VIEWS } from '../contributions';
import type { Inventory } from '../inventory';
import { page, webviewRoots } from './html';
import { writeRequirements } from './policy-edit';

export class MatrixView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  /** The ticked requirements; undefined until the user ticks one: then the policy's are ticked. */
  private chosen: Requirement[] | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly inventory: Inventory,
    private readonly log: vscode.LogOutputChannel,
    private readonly openProvider: (id: string) => void,
  ) {
    this.subscriptions.push(
      inventory.onDidChange(() => this.post()),
      vscode.window.onDidChangeActiveTextEditor(() => this.post()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, localResourceRoots: webviewRoots(this.extensionUri) };
    view.webview.html = page(view.webview, this.extensionUri, { title: vscode.l10n.t('Compliance Matrix'), styles: ['matrix.css'], script: 'matrix.js', body: '<main id="root"></main>' });
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      view.onDidChangeVisibility(() => view.visible && this.post()),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  /** The rows as the view shows them now (all of them, or those the filter keeps). */
  rows(filter: Requirement[] = this.filter): MatrixRow[] {
    return filterMatrix(this.allRows(), filter);
  }

  private allRows(): MatrixRow[] {
    const scan = this.inventory.activeScan();
    return complianceMatrix(catalog, { today: todayUtc(), ...(scan ? { policy: scan.policy } : {}) });
  }

  /** What is ticked: the user's choice, else the active policy's requirements. */
  private get filter(): Requirement[] {
    return this.chosen ?? [...(this.inventory.activeScan()?.policy.require ?? [])];
  }

  /** Whether the view is resolved and shown (for tests). */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  get currentFilter(): Requirement[] {
    return [...this.filter];
  }

  setFilter(requirements: Requirement[]): void {
    this.chosen = [...requirements];
    this.post();
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${VIEWS.matrix.id}.focus`);
  }

  markdown(): string {
    return matrixMarkdown(this.rows(), { catalogVersion: catalog.version, today: todayUtc(), requirements: this.filter });
  }

  private async receive(raw: unknown): Promise<void> {
    const request = parseViewRequest(raw);
    if (!request) {
      this.log.warn(`Compliance Matrix: ignored a malformed message from the view: ${String(JSON.stringify(raw)).slice(0, 200)}`);
      return;
    }
    switch (request.type) {
      case 'ready':
        return this.post();
      case 'filter':
        return this.setFilter(request.requirements);
      case 'openProvider':
        if (catalog.providers.some((p) => p.id === request.provider)) this.openProvider(request.provider);
        return;
      case 'export':
        await vscode.commands.executeCommand('llmCompliance.exportMatrix');
        return;
      case 'writePolicy': {
        const scan = this.inventory.activeScan();
        if (scan) await writeRequirements(scan, request.requirements, this.log);
        return;
      }
    }
  }

  private post(): void {
    if (!this.view?.visible) return;
    const scan = this.inventory.activeScan();
    const message: MatrixMessage = {
      type: 'matrix',
      columns: MATRIX_COLUMNS.map((c) => ({ id: c.id, title: c.title, requirement: c.requirement ?? null })),
      rows: this.rows(),
      total: catalog.providers.length,
      filter: this.filter,
      policy: { require: scan?.policy.require ?? [], baa: scan?.policy.baa ?? [], file: scan?.policy.source ?? null, folder: scan?.folder.name ?? null, loading: scan?.busy ?? false },
      catalogVersion: catalog.version,
      today: todayUtc(),
    };
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
