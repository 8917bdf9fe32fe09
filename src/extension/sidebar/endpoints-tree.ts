// Endpoints in This Workspace: the inventory as a tree, provider > endpoint (host and
// region) > each place it is used, with verdict icons and counts. A click opens the place;
// places with a compliant swap get an inline action that applies it.

import * as vscode from 'vscode';
import { catalog, clearFix, type Endpoint, endpointsJudgedBy, type Finding, SEVERITY_RANK } from '../../core';
import { fixAllEdit } from '../actions';
import { escapeMarkdown } from '../markdown';
import { commandId, TREE_ITEMS } from '../contributions';
import { ruleDocLink } from '../rule-docs';
import type { FolderScan, PlacedEndpoint, PlacedFinding } from '../folder-scan';
import type { Inventory } from '../inventory';

type Verdict = 'error' | 'warning' | 'note' | 'waived' | 'pass' | 'listed';

/** A provider, or one endpoint (host and region) of it, with its uses. */
export interface GroupNode {
  kind: 'provider' | 'endpoint';
  provider: string | null;
  label: string;
  uses: Use[];
}

/** The first row while a folder has no policy: what is missing, and a click that writes it. */
export interface NoPolicyNode {
  kind: 'no-policy';
  folders: FolderScan[];
}

export type EndpointNode = GroupNode | { kind: 'location'; use: Use } | NoPolicyNode;

export interface Use {
  placed: PlacedEndpoint;
  /** The findings about this use (waived ones too). */
  findings: PlacedFinding[];
  verdict: Verdict;
}

const names = new Map(catalog.providers.map((p) => [p.id, p.name]));

export class EndpointsTree implements vscode.TreeDataProvider<EndpointNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EndpointNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly inventory: Inventory) {
    this.subscription = inventory.onDidChange(() => this.changed.fire(undefined));
  }

  /** Every endpoint use with its findings and verdict. */
  uses(): Use[] {
    // A finding carries the endpoint it judges (two endpoints can share a range: one per env value).
    const byEndpoint = new Map<Endpoint, PlacedFinding[]>();
    for (const p of this.inventory.findings()) {
      // Also the endpoints of the code that reads a setting: their problem is reported once, at the setting.
      for (const e of endpointsJudgedBy(p.finding)) byEndpoint.set(e, [...(byEndpoint.get(e) ?? []), p]);
    }
    return this.inventory.endpoints().map((placed) => {
      const findings = byEndpoint.get(placed.endpoint) ?? [];
      return { placed, findings, verdict: verdictOf(findings.map((f) => f.finding), placed.folder.policy.require.length > 0 || !!placed.folder.policy.gateway) };
    });
  }

  getChildren(node?: EndpointNode): EndpointNode[] {
    if (!node) {
      const groups = group(this.uses(), (u) => u.placed.endpoint.provider ?? '');
      const providers = [...groups].map(([id, uses]): GroupNode => ({ kind: 'provider', provider: id || null, label: id ? names.get(id as never) ?? id : vscode.l10n.t('Unknown provider'), uses }))
        .sort((a, b) => failing(b) - failing(a) || a.label.localeCompare(b.label));
      // Only above endpoints: an empty tree shows the welcome view (package.json viewsWelcome) instead.
      const unchecked = this.inventory.scans().filter((scan) => scan.unchecked);
      return unchecked.length && providers.length ? [{ kind: 'no-policy', folders: unchecked }, ...providers] : providers;
    }
    if (node.kind === 'provider') {
      const groups = group(node.uses, (u) => `${u.placed.endpoint.host ?? 'host unknown'} · ${u.placed.endpoint.region ?? 'region unknown'}`);
      return [...groups].map(([label, uses]): GroupNode => ({ kind: 'endpoint', provider: node.provider, label, uses })).sort((a, b) => a.label.localeCompare(b.label));
    }
    if (node.kind === 'endpoint') return node.uses.map((use): EndpointNode => ({ kind: 'location', use }));
    return [];
  }

  getTreeItem(node: EndpointNode): vscode.TreeItem {
    if (node.kind === 'no-policy') return noPolicyItem(node);
    if (node.kind === 'location') {
      const { placed, findings, verdict } = node.use;
      const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
      const label = `${multiRoot ? `${placed.folder.folder.name}/` : ''}${placed.endpoint.file}:${placed.range.start.line + 1}`;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      item.description = verdict === 'listed' ? vscode.l10n.t('not checked: no policy · {0}', placed.endpoint.via) : placed.endpoint.via;
      item.iconPath = iconOf(verdict);
      item.resourceUri = placed.uri;
      item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [placed.uri, { selection: placed.range, preview: true }] };
      item.contextValue = findings.some((f) => !f.finding.suppression && clearFix(f.finding)) ? TREE_ITEMS.fixable : TREE_ITEMS.location;
      item.tooltip = tooltipOf(node.use);
      item.accessibilityInformation = { label: `${label}, ${verdictWords()[verdict]}` };
      return item;
    }
    const count = node.uses.length;
    const bad = failing(node);
    const item = new vscode.TreeItem(node.label, node.kind === 'provider' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    const unchecked = node.uses.filter((u) => u.verdict === 'listed').length;
    item.description = [
      count === 1 ? vscode.l10n.t('1 use') : vscode.l10n.t('{0} uses', count),
      ...(bad ? [vscode.l10n.t('{0} failing', bad)] : []),
      ...(unchecked ? [unchecked === count ? vscode.l10n.t('not checked: no policy') : vscode.l10n.t('{0} not checked: no policy', unchecked)] : []),
    ].join(' · ');
    item.iconPath = iconOf(worst(node.uses.map((u) => u.verdict)));
    item.contextValue = node.kind === 'provider' ? (node.provider ? TREE_ITEMS.provider : TREE_ITEMS.unknownProvider) : TREE_ITEMS.endpoint;
    item.accessibilityInformation = { label: `${node.label}, ${item.description}, ${verdictWords()[worst(node.uses.map((u) => u.verdict))]}` };
    item.id = `${node.kind}:${node.provider ?? ''}:${node.label}`;
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  /** Applies the compliant swap of a place (the inline action). */
  async applyFix(node: EndpointNode | undefined): Promise<boolean> {
    if (node?.kind !== 'location') return false;
    const { placed } = node.use;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === placed.uri.toString());
    if (open?.isDirty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the file has unsaved changes; use the quick fix in the editor.'));
      return false;
    }
    // The edit is at the offsets of the analysed text: only while the file still is that text.
    const now = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(placed.uri));
    if (now !== placed.folder.results.texts.get(placed.endpoint.file)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the file changed since it was checked; try again in a moment.'));
      return false;
    }
    const edit = fixAllEdit(node.use.findings.filter((f) => !f.finding.suppression));
    return edit ? vscode.workspace.applyEdit(edit) : false;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function group<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(keyOf(t), [...(out.get(keyOf(t)) ?? []), t]);
  return out;
}

function failing(node: { uses: Use[] }): number {
  return node.uses.filter((u) => u.verdict === 'error' || u.verdict === 'warning').length;
}

function verdictOf(findings: Finding[], hasPolicy: boolean): Verdict {
  const open = findings.filter((f) => !f.suppression);
  if (open.length) return open.reduce((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w.severity] ? f : w)).severity;
  if (findings.length) return 'waived';
  return hasPolicy ? 'pass' : 'listed';
}

const verdictWords = (): Record<Verdict, string> => ({
  error: vscode.l10n.t('fails the policy'), warning: vscode.l10n.t('fails the policy (warning)'), note: vscode.l10n.t('has a note'), waived: vscode.l10n.t('waived'), pass: vscode.l10n.t('meets the policy'), listed: vscode.l10n.t('not checked: no policy'),
});

const ORDER: Verdict[] = ['listed', 'pass', 'waived', 'note', 'warning', 'error'];
function worst(verdicts: Verdict[]): Verdict {
  return verdicts.reduce((w, v) => (ORDER.indexOf(v) > ORDER.indexOf(w) ? v : w), 'listed');
}

function iconOf(v: Verdict): vscode.ThemeIcon {
  switch (v) {
    case 'error': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'note': return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'waived': return new vscode.ThemeIcon('circle-slash');
    case 'pass': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'listed': return new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
}

function tooltipOf(use: Use): vscode.MarkdownString {
  // appendText turns every space into &nbsp;, which leaves the hover no place to wrap but mid-word:
  // escaped text as Markdown paragraphs keeps the spaces.
  const md = new vscode.MarkdownString();
  const paragraph = (text: string): void => void md.appendMarkdown(`${escapeMarkdown(text)}\n\n`);
  const e = use.placed.endpoint;
  paragraph(`${e.host ?? vscode.l10n.t('host unknown')} · ${e.region ?? vscode.l10n.t('region unknown')} · ${e.via}`);
  // Each rule id links to its page, rendered (the only command these tooltips may run).
  md.isTrusted = { enabledCommands: [commandId('openRule')] };
  for (const f of use.findings) {
    md.appendMarkdown(`[${f.finding.ruleId}](${ruleDocLink(f.finding.ruleId).toString()} "${vscode.l10n.t('Show the rule\'s page')}")`);
    paragraph(`${f.finding.suppression ? ` ${vscode.l10n.t('(waived)')}` : ''}: ${f.finding.message}`);
  }
  if (!use.findings.length) paragraph(use.verdict === 'pass' ? vscode.l10n.t('Meets the policy.') : vscode.l10n.t('Not checked: this folder has no policy, so nothing is required of this endpoint yet.'));
  return md;
}

function noPolicyItem(node: NoPolicyNode): vscode.TreeItem {
  const folders = node.folders.map((s) => s.folder.name).join(', ');
  const item = new vscode.TreeItem(vscode.l10n.t('No policy: endpoints not checked'), vscode.TreeItemCollapsibleState.None);
  item.description = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folders} · ${vscode.l10n.t('Create Policy…')}` : vscode.l10n.t('Create Policy…');
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.command = { title: vscode.l10n.t('Create Policy…'), command: commandId('createPolicy'), arguments: node.folders.length === 1 ? [{ folder: node.folders[0]!.folder.uri.toString() }] : [] };
  item.tooltip = vscode.l10n.t('No policy file in {0}: the endpoints below are listed, but nothing is required of them, so none can fail. Click to create a policy.', folders);
  item.contextValue = TREE_ITEMS.noPolicy;
  item.id = 'no-policy';
  return item;
}
