// Provider details: the endpoints (which keep data in the EU, which a BAA covers), the
// posture with conditions and sources, this workspace's uses, and the questions a buyer
// should ask with the answers the catalog has. Unknowns are said to be unknown.

import * as vscode from 'vscode';
import { catalog, complianceMatrix, type Provider, todayUtc } from '../../core';
import type { Inventory } from '../inventory';
import { page, webviewRoots } from './html';
import { providerBody } from './provider-text';

export { buyerQuestions, type BuyerQuestion } from './provider-text';

export class ProviderPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The provider shown, for tests and for re-rendering when the inventory changes. */
  shown: string | undefined;
  private readonly subscription: vscode.Disposable;

  private html = '';

  constructor(private readonly extensionUri: vscode.Uri, private readonly inventory: Inventory) {
    this.subscription = inventory.onDidChange(() => this.shown && this.panel && this.render(this.shown));
  }

  show(id: string): boolean {
    const provider = catalog.providers.find((p) => p.id === id);
    if (!provider) return false;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('llmCompliance.provider', provider.name, vscode.ViewColumn.Active,
        { enableScripts: false, localResourceRoots: webviewRoots(this.extensionUri) });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
        this.html = '';
      });
    }
    this.panel.title = vscode.l10n.t('{0}: compliance', provider.name);
    this.render(id);
    this.panel.reveal();
    return true;
  }

  private render(id: string): void {
    const provider = catalog.providers.find((p) => p.id === id)!;
    this.shown = id;
    // Only when something changed: setting the HTML again scrolls the reader back to the top.
    const body = this.body(provider);
    if (body === this.html) return;
    this.html = body;
    this.panel!.webview.html = page(this.panel!.webview, this.extensionUri, { title: provider.name, styles: ['provider.css'], body });
  }

  private body(p: Provider): string {
    // The same folder as the matrix: the active editor's, else the first.
    const policy = this.inventory.activeScan()?.policy;
    const row = complianceMatrix(catalog, { today: todayUtc(), ...(policy ? { policy } : {}) }).find((r) => r.provider === p.id)!;
    const uses = this.inventory.endpoints().filter((e) => e.endpoint.provider === p.id)
      .map((u) => `${u.endpoint.host ?? 'host unknown'} (${u.endpoint.region ?? 'region unknown'})`);
    return providerBody(p, row, { uses, ...(policy ? { policy: { require: policy.require, baa: policy.baa, source: policy.source ?? null } } : {}) });
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}
