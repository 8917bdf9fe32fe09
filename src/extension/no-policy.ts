// A workspace folder without a policy: nothing is required, so nothing can fail. The editor
// says so everywhere (status bar, diagnostics, tree); this file keeps the context key the
// sidebar's welcome view reads, and offers, once per workspace, to create a policy.

import * as vscode from 'vscode';
import { commandId, NO_POLICY_CONTEXT } from './contributions';
import type { Inventory } from './inventory';

/** workspaceState key: the notice was answered (a policy created, the walkthrough opened, or "Don't Show Again"). */
export const NOTICE_STATE = 'llmCompliance.noPolicyNotice';

/** The notice's buttons, in the display language. */
export const noticeActions = () => ({ create: vscode.l10n.t('Create Policy…'), walkthrough: vscode.l10n.t('Open Walkthrough'), never: vscode.l10n.t('Don\'t Show Again') });

type Show = (message: string, ...items: string[]) => Thenable<string | undefined>;

export class NoPolicyState implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private last: boolean | undefined;
  /** The notice was offered on its own this session (once at most). */
  offered = false;

  constructor(
    private readonly inventory: Inventory,
    readonly state: vscode.Memento,
    /** No notice on its own (the extension-host tests): `offer()` still shows it when asked. */
    private readonly quiet: boolean,
  ) {
    this.subscription = inventory.onDidChange(() => this.refresh());
    this.refresh();
  }

  /** The folders without a policy (and without a broken one), once the scan has read the policies. */
  folders(): string[] {
    return this.inventory.scans().filter((s) => s.unchecked).map((s) => s.folder.name);
  }

  private refresh(): void {
    const none = this.folders().length > 0;
    if (none !== this.last) void vscode.commands.executeCommand('setContext', NO_POLICY_CONTEXT, none);
    this.last = none;
    // Offered once the scan has settled (policies read), not on a folder's first partial results.
    if (none && !this.quiet && !this.offered) {
      this.offered = true;
      void this.inventory.whenIdle().then(() => this.offer());
    }
  }

  /**
   * Offers to create a policy, unless every folder has one or the notice was answered before in
   * this workspace. Resolves to the action taken (undefined: not shown, or closed).
   */
  async offer(show: Show = vscode.window.showWarningMessage): Promise<string | undefined> {
    const folders = this.folders();
    if (!folders.length || this.state.get(NOTICE_STATE)) return undefined;
    const endpoints = this.inventory.endpoints().filter((e) => folders.includes(e.folder.folder.name)).length;
    const actions = noticeActions();
    const one = folders.length === 1;
    const message = one
      ? endpoints === 0 ? vscode.l10n.t('LLM Compliance: {0} has no policy file, so LLM endpoints are listed but not checked against HIPAA, EU residency or any other requirement.', folders[0]!)
        : endpoints === 1 ? vscode.l10n.t('LLM Compliance: {0} has no policy file, so its 1 LLM endpoint use is listed but not checked against HIPAA, EU residency or any other requirement.', folders[0]!)
          : vscode.l10n.t('LLM Compliance: {0} has no policy file, so its {1} LLM endpoint uses are listed but not checked against HIPAA, EU residency or any other requirement.', folders[0]!, endpoints)
      : endpoints === 0 ? vscode.l10n.t('LLM Compliance: {0} folders have no policy file, so LLM endpoints are listed but not checked against HIPAA, EU residency or any other requirement.', folders.length)
        : endpoints === 1 ? vscode.l10n.t('LLM Compliance: {0} folders have no policy file, so their 1 LLM endpoint use is listed but not checked against HIPAA, EU residency or any other requirement.', folders.length)
          : vscode.l10n.t('LLM Compliance: {0} folders have no policy file, so their {1} LLM endpoint uses are listed but not checked against HIPAA, EU residency or any other requirement.', folders.length, endpoints);
    const pick = await show(message, actions.create, actions.walkthrough, actions.never);
    // Closed without a choice: offered again next session. Any choice: never again in this workspace.
    if (pick) await this.state.update(NOTICE_STATE, pick === actions.never ? 'dismissed' : 'answered');
    if (pick === actions.create) void vscode.commands.executeCommand(commandId('createPolicy'));
    if (pick === actions.walkthrough) void vscode.commands.executeCommand(commandId('openWalkthrough'));
    return pick;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
