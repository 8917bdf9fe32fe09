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
    this.item.name = 'LLM Compliance';
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
      this.item.text = '$(error) LLM scan failed';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.command = commandId('showOutput');
      tooltip.appendMarkdown(`The scan of ${names(failed)} failed, so its files are not checked (see the log). [Rescan](command:${commandId('rescan')})\n\n`);
    } else if (broken.length) {
      this.item.text = '$(error) LLM policy invalid';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.command = { title: 'Open policy', command: 'vscode.open', arguments: [broken[0]!.policyUri] };
      tooltip.appendMarkdown(`The policy file in ${names(broken)} is invalid (see its problems). ${broken[0]!.policy.source ? 'The last valid version is still applied.' : 'No requirements are checked until it is fixed.'}\n\n`);
    } else if (noPolicy.length) {
      // Nothing is required, so nothing fails: a count would read as "compliant". Say what is missing, and the click writes it.
      const what = noPolicy.some((s) => s.policy.source) ? 'nothing checked' : 'no policy';
      this.item.text = noPolicy.length === scans.length ? `$(shield) LLM: ${what}` : `$(shield) ${active.length} · LLM: ${what} in ${noPolicy.length} folder${noPolicy.length === 1 ? '' : 's'}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.command = { title: 'Create Policy…', command: commandId('createPolicy'), arguments: noPolicy.length === 1 ? [{ folder: noPolicy[0]!.folder.uri.toString() }] : [] };
    } else {
      this.item.text = `$(shield) ${active.length}`;
      this.item.backgroundColor = undefined;
      this.item.command = commandId('openProblems');
    }
    tooltip.appendMarkdown(`**LLM Compliance**: ${active.length} finding${active.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
    tooltip.appendMarkdown(`${waived ? ` · ${waived} waived` : ''} · ${endpoints} endpoint${endpoints === 1 ? '' : 's'}\n\n`);
    if (noPolicy.length) tooltip.appendMarkdown(`No policy file, or one that requires nothing, in ${names(noPolicy)}: its endpoints are listed but not checked against any requirement. [Create one](command:${commandId('createPolicy')})\n\n`);
    const openOnly = scans.filter((s) => !s.whole);
    if (openOnly.length) tooltip.appendMarkdown(`Only open files are checked in ${names(openOnly)} until the sidebar is shown or the workspace is rescanned. [Scan the workspace](command:${commandId('rescan')})\n\n`);
    if (scans.some((s) => s.cancelled)) tooltip.appendMarkdown('The workspace scan was cancelled: only the files scanned so far and open files are counted. [Rescan](command:' + commandId('rescan') + ')\n\n');
    tooltip.isTrusted = { enabledCommands: [commandId('createPolicy'), commandId('rescan')] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
