// The status bar item: the workspace's count of unwaived findings; opens the Problems view.
// It says so plainly when a policy file is invalid, or missing (warning-coloured: no count
// that could pass for "compliant"; the click creates one).

import * as vscode from 'vscode';
import { commandId } from './contributions';
import type { Inventory } from './inventory';
import { escapeMarkdown } from './markdown';

const names = (scans: { folder: vscode.WorkspaceFolder }[]): string => scans.map((s) => escapeMarkdown(s.folder.name)).join(', ');

export class StatusView implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('llmCompliance.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly inventory: Inventory) {
    this.item.name = vscode.l10n.t('LLM Compliance');
    this.subscription = inventory.onDidChange(() => this.refresh());
    this.refresh();
    this.item.show();
  }

  refresh(): void {
    const scans = this.inventory.scans();
    const findings = this.inventory.findings().map((p) => p.finding);
    const active = findings.filter((f) => !f.suppression);
    const waived = findings.length - active.length;
    const files = new Set(active.map((f) => f.file)).size;
    const endpoints = this.inventory.endpoints().length;
    const broken = scans.filter((s) => s.policyProblems.length);
    const noPolicy = scans.filter((s) => s.unchecked);
    const tooltip = new vscode.MarkdownString(undefined, true);
    const failed = scans.filter((s) => s.failed);
    if (failed.length) {
      // Its results are empty because it was not read, not because it is clean.
      this.item.text = `$(error) ${vscode.l10n.t('LLM scan failed')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.command = commandId('showOutput');
      tooltip.appendMarkdown(`${vscode.l10n.t('The scan of {0} failed, so its files are not checked (see the log).', names(failed))} [${vscode.l10n.t('Rescan')}](command:${commandId('rescan')})\n\n`);
    } else if (broken.length) {
      this.item.text = `$(error) ${vscode.l10n.t('LLM policy invalid')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.command = { title: vscode.l10n.t('Open policy'), command: 'vscode.open', arguments: [broken[0]!.policyUri] };
      tooltip.appendMarkdown(`${vscode.l10n.t('The policy file in {0} is invalid (see its problems).', names(broken))} ${broken[0]!.policy.source ? vscode.l10n.t('The last valid version is still applied.') : vscode.l10n.t('No requirements are checked until it is fixed.')}\n\n`);
    } else if (noPolicy.length) {
      // Nothing is required, so nothing fails: a count would read as "compliant". Say what is missing, and the click writes it.
      const nothing = noPolicy.some((s) => s.policy.source);
      this.item.text = `$(shield) ${noPolicy.length === scans.length
        ? (nothing ? vscode.l10n.t('LLM: nothing checked') : vscode.l10n.t('LLM: no policy'))
        : noPolicy.length === 1
          ? (nothing ? vscode.l10n.t('{0} · LLM: nothing checked in 1 folder', active.length) : vscode.l10n.t('{0} · LLM: no policy in 1 folder', active.length))
          : (nothing ? vscode.l10n.t('{0} · LLM: nothing checked in {1} folders', active.length, noPolicy.length) : vscode.l10n.t('{0} · LLM: no policy in {1} folders', active.length, noPolicy.length))}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.command = { title: vscode.l10n.t('Create Policy…'), command: commandId('createPolicy'), arguments: noPolicy.length === 1 ? [{ folder: noPolicy[0]!.folder.uri.toString() }] : [] };
    } else {
      this.item.text = `$(shield) ${active.length}`;
      this.item.backgroundColor = undefined;
      this.item.command = commandId('openProblems');
    }
    const counts = [
      vscode.l10n.t('{0} in {1}', active.length === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', active.length), files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', files)),
      ...(waived ? [vscode.l10n.t('{0} waived', waived)] : []),
      endpoints === 1 ? vscode.l10n.t('1 endpoint') : vscode.l10n.t('{0} endpoints', endpoints),
    ];
    tooltip.appendMarkdown(`**${vscode.l10n.t('LLM Compliance')}**: ${counts.join(' · ')}\n\n`);
    if (noPolicy.length) tooltip.appendMarkdown(`${vscode.l10n.t('No policy file, or one that requires nothing, in {0}: its endpoints are listed but not checked against any requirement.', names(noPolicy))} [${vscode.l10n.t('Create one')}](command:${commandId('createPolicy')})\n\n`);
    const openOnly = scans.filter((s) => !s.whole);
    if (openOnly.length) tooltip.appendMarkdown(`${vscode.l10n.t('Only open files are checked in {0} until the sidebar is shown or the workspace is rescanned.', names(openOnly))} [${vscode.l10n.t('Scan the workspace')}](command:${commandId('rescan')})\n\n`);
    if (scans.some((s) => s.cancelled)) tooltip.appendMarkdown(`${vscode.l10n.t('The workspace scan was cancelled: only the files scanned so far and open files are counted.')} [${vscode.l10n.t('Rescan')}](command:${commandId('rescan')})\n\n`);
    tooltip.isTrusted = { enabledCommands: [commandId('createPolicy'), commandId('rescan')] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
