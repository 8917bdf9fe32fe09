// Provider details: the endpoints (which keep data in the EU, which a BAA covers), the
// posture with conditions and sources, this workspace's uses, and the questions a buyer
// should ask with the answers the catalog has. Unknowns are said to be unknown.

import * as vscode from 'vscode';
import { catalog, complianceMatrix, type Fact, MATRIX_COLUMNS, type MatrixCell, type Provider, type Source, todayUtc } from '../../core';
import type { Inventory } from '../inventory';
import { escapeHtml as h, page, webviewRoots } from './html';

export interface BuyerQuestion {
  question: string;
  /** What the catalog knows, or null: ask the vendor. */
  answer: string | null;
  sources: Source[];
}

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
    this.panel.title = `${provider.name}: compliance`;
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
    const baaSigned = policy ? policy.baa.includes(p.id) : null;
    const uses = this.inventory.endpoints().filter((e) => e.endpoint.provider === p.id);
    const sets = new Map(catalog.regionSets.map((r) => [r.id, r]));
    const hosts = p.hosts.map((host) => {
      const places = [...(p.locations ?? []), ...(host.regionSet ? sets.get(host.regionSet)?.locations ?? [] : [])];
      const loc = host.location ? places.find((l) => l.id === host.location) : undefined;
      const regional = !loc && host.pattern.includes('{region}') && host.regionSet;
      const eu = loc ? (loc.euResident === null ? 'unknown' : loc.euResident ? 'yes' : 'no')
        : regional ? (places.some((l) => l.euResident === true) ? 'by region: EU regions exist' : 'by region: no EU region') : 'unknown';
      return `<tr><td><code>${h(host.pattern)}</code></td><td>${loc ? `${h(loc.name)} (${h(loc.jurisdiction)})` : h(host.location ?? 'not stated')}</td><td class="v-${eu === 'yes' || eu === 'no' || eu === 'unknown' ? eu : 'by-region'}">${h(eu)}</td><td>${h(host.note ?? '')}</td></tr>`;
    }).join('');
    const posture = MATRIX_COLUMNS.map((c) => cellRow(c.title, row.cells[c.id], c.requirement !== undefined && row.fails.includes(c.requirement))).join('');
    const questions = buyerQuestions(p).map((q) => `<li><strong>${h(q.question)}</strong><br>${q.answer === null ? '<span class="unknown">Not in the catalog: ask the vendor.</span>' : h(q.answer)}${q.sources.length ? ` ${sources(q.sources)}` : ''}</li>`).join('');
    const policyLine = policy
      ? `${h(policy.source ?? 'The policy')} requires ${policy.require.map(h).join(', ') || 'nothing'}${policy.require.includes('hipaa') ? `; the BAA with ${h(p.name)} is ${baaSigned ? '<strong>listed as signed</strong>' : '<strong>not listed as signed</strong> (baa:)'}` : ''}.${row.fails.length ? ` <span class="fails">Cannot meet: ${row.fails.map(h).join(', ')}.</span>` : ''}`
      : 'No policy file in this workspace.';
    return `<main>
<h1>${h(p.name)} <span class="id">${h(p.id)}</span></h1>
<p class="meta">Operated by ${h(p.operator)} · ${h(p.kind)} · catalog ${h(catalog.version)}</p>
<p>${policyLine}</p>
<h2>In this workspace</h2>
<p>${uses.length ? `${uses.length} use${uses.length === 1 ? '' : 's'}: ${[...new Set(uses.map((u) => `${u.endpoint.host ?? 'host unknown'} (${u.endpoint.region ?? 'region unknown'})`))].map(h).join(', ')}.` : 'Not used in this workspace.'}</p>
<h2>Endpoints</h2>
<table><thead><tr><th>Host</th><th>Location</th><th>EU</th><th>Note</th></tr></thead><tbody>${hosts}</tbody></table>
<p class="meta">HIPAA BAA for this provider: ${h(row.cells.baa.label)}${p.posture.baa.tier ? ` (${h(p.posture.baa.tier)})` : ''}; it covers an endpoint only when signed.</p>
<h2>Posture</h2>
<table><thead><tr><th>Fact</th><th>Value</th><th>Conditions and notes</th><th>Sources (checked)</th></tr></thead><tbody>${posture}</tbody></table>
<h2>Questions to ask before buying</h2>
<ol class="questions">${questions}</ol>
</main>`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

function cellRow(title: string, c: MatrixCell, fails: boolean): string {
  const flags = [c.uncertain ? 'uncertain' : '', c.stale ? 'stale' : ''].filter(Boolean).join(', ');
  return `<tr class="${fails ? 'fails' : ''}"><th>${h(title)}</th><td class="v-${c.status}">${h(c.label)}${flags ? ` <span class="flag">(${flags})</span>` : ''}</td><td>${[...c.details, ...(c.endpoints ?? []).map((e) => `EU: ${e}`)].map((d) => `<div>${h(d)}</div>`).join('')}</td><td>${sources(c.sources)}</td></tr>`;
}

function sources(list: Source[]): string {
  return [...new Map(list.map((s) => [s.url, s])).values()]
    .map((s) => `<a href="${h(s.url)}" title="${h(s.url)}">${h(hostOf(s.url))}</a> <span class="checked">(${h(s.checked)}${s.thirdParty ? ', third party' : ''})</span>`)
    .join(' · ');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const factText = (f: Fact<unknown>, show: (v: never) => string): string | null =>
  f.value === null ? (f.note ? `Unknown. ${f.note}` : null) : `${show(f.value as never)}${f.note ? `. ${f.note}` : ''}${f.uncertain ? ' (uncertain)' : ''}`;

/** The procurement questions, answered from the catalog where it can. */
export function buyerQuestions(p: Provider): BuyerQuestion[] {
  const x = p.posture;
  const subprocessorNotes = [...(p.locations ?? []).map((l) => l.note), ...(p.notes ?? [])].filter((n): n is string => !!n && /sub-?processor/i.test(n));
  return [
    { question: 'Which plan or tier does the BAA need, and what does it exclude?', answer: factText(x.baa, (v: string) => [`BAA ${v.replace(/-/g, ' ')}`, x.baa.tier && `tier: ${x.baa.tier}`, ...(x.baa.conditions ?? [])].filter(Boolean).join('; ')), sources: x.baa.sources },
    { question: 'Can we read the SOC 2 Type II report, and which services and criteria does it cover?', answer: factText(x.soc2Type2, (v: boolean) => (v ? 'A SOC 2 Type II report exists' : 'No SOC 2 Type II report')), sources: x.soc2Type2.sources },
    { question: 'Is our data used to train models by default, and how do we opt out?', answer: factText(x.trainingOnDataByDefault, (v: boolean) => (v ? 'Yes, by default' : 'No, not by default')), sources: x.trainingOnDataByDefault.sources },
    { question: 'Where are prompts and outputs processed and stored; can we keep them in the EU?', answer: factText(x.euResidency, (v: boolean) => (v ? `EU options: ${(x.euResidency.options ?? []).join('; ') || 'yes'}` : 'No EU-resident option')), sources: x.euResidency.sources },
    { question: 'Which sub-processors see our data?', answer: subprocessorNotes.length ? subprocessorNotes.join(' ') : null, sources: [] },
    { question: 'How long are prompts, outputs and logs retained by default, and can retention be set to zero?', answer: factText(x.retentionDefault, (v: string) => v), sources: x.retentionDefault.sources },
    { question: 'How quickly are security incidents and breaches notified to customers?', answer: null, sources: [] },
  ];
}
