// The extension's commands. Those that ask questions also take their answers as an argument,
// so scripts, keybindings and tests can run them without prompts.

import * as vscode from 'vscode';
import { catalog, isDate, type RuleId, waiverCommentEdit, WaiverInputError } from '../core';
import { commentFor, currentFindings, fixAllEdit } from './actions';
import { answeredContext, commandId, type CommandName, SETUP_WALKTHROUGH } from './contributions';
import { ask, createPolicy, type CreatePolicyArgs, type Draft, type Question } from './create-policy';
import type { Inventory } from './inventory';
import { openRuleDoc } from './rule-docs';
import type { EndpointNode, EndpointsTree } from './sidebar/endpoints-tree';
import type { MatrixView } from './sidebar/matrix-view';
import type { ProviderPanel } from './sidebar/provider-panel';

export interface Sidebar {
  matrix: MatrixView;
  tree: EndpointsTree;
  provider: ProviderPanel;
}

export interface WaiverArgs {
  uri: string;
  ruleId: RuleId;
  line: number;
  character: number;
  /** Given: no prompt. */
  reason?: string;
  expires?: string;
}

export type { CreatePolicyArgs } from './create-policy';

/** A finding's place, for its one clear fix. */
export interface FixArgs {
  uri: string;
  ruleId: RuleId;
  line: number;
  character: number;
}

export function registerCommands(context: vscode.ExtensionContext, inventory: Inventory, sidebar: Sidebar, log: vscode.LogOutputChannel): Draft {
  // The walkthrough's answers so far; Create Policy asks only what is still open.
  const draft: Draft = {};
  const answer = async (q: Question): Promise<boolean> => {
    const a = await ask(q);
    if (a !== undefined) {
      (draft as Record<Question, unknown>)[q] = a;
      await vscode.commands.executeCommand('setContext', answeredContext(q), true);
    }
    return a !== undefined;
  };
  const commands: Record<CommandName, (...args: never[]) => unknown> = {
    rescan: () => inventory.rescan(),
    showOutput: () => log.show(),
    openProblems: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
    fixAllInFile: async () => {
      const editor = vscode.window.activeTextEditor;
      const findings = editor && currentFindings(inventory, editor.document);
      const edit = findings && fixAllEdit(findings);
      if (!edit) return void vscode.window.showInformationMessage(vscode.l10n.t('LLM Compliance: nothing in this file has an automatic fix.'));
      return vscode.workspace.applyEdit(edit);
    },
    addWaiver: (args: WaiverArgs) => addWaiver(inventory, args),
    createPolicy: (args: CreatePolicyArgs = {}) => createPolicy(args ?? {}, draft),
    askPhi: () => answer('phi'),
    askEu: () => answer('eu'),
    askCertifications: () => answer('certifications'),
    askGateway: () => answer('gateway'),
    // A walkthrough's full id is the extension's (publisher.name, whatever the publisher) and its own.
    openWalkthrough: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${SETUP_WALKTHROUGH}`, false),
    revealMatrix: () => sidebar.matrix.reveal(),
    focusProvider: async (arg?: string | EndpointNode) => {
      const id = typeof arg === 'string' ? arg : arg && (arg.kind === 'provider' || arg.kind === 'endpoint') ? arg.provider : (await vscode.window.showQuickPick(
        catalog.providers.map((p) => ({ label: p.name, description: p.id, id: p.id })), { title: vscode.l10n.t('Show provider details') }))?.id;
      return id ? sidebar.provider.show(id) : false;
    },
    exportMatrix: async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: sidebar.matrix.markdown() });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    },
    // From the tree (a node) or from a hover's link (the finding's place).
    applyEndpointFix: (arg?: EndpointNode | FixArgs) => (arg && 'uri' in arg ? applyFixAt(inventory, arg) : sidebar.tree.applyFix(arg)),
    openRule: (id?: string) => openRuleDoc(context.extensionUri, id),
  };
  for (const [name, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(commandId(name as CommandName), run));
  return draft;
}

/** Applies the clear fix of the finding at a place, while the results match the document. */
async function applyFixAt(inventory: Inventory, args: FixArgs): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const position = new vscode.Position(args.line, args.character);
  const placed = currentFindings(inventory, document)?.find((p) => p.finding.ruleId === args.ruleId && p.range.start.isEqual(position));
  const edit = placed && fixAllEdit([placed]);
  if (!edit) {
    void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the finding has changed since; try again on the current one.'));
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}

async function addWaiver(inventory: Inventory, args: WaiverArgs): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const position = new vscode.Position(args.line, args.character);
  const placed = currentFindings(inventory, document)?.find((p) => p.finding.ruleId === args.ruleId && p.range.start.isEqual(position));
  const comment = placed && commentFor(document, placed);
  if (!placed || !comment) {
    void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the finding has changed since; try again on the current one.'));
    return false;
  }
  const version = document.version;
  const reason = args.reason ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Waive {0} on this line', args.ruleId),
    prompt: vscode.l10n.t('Why is this risk accepted? The reason is kept in the code as an audit record.'),
    placeHolder: vscode.l10n.t('e.g. kiosk pilot, non-clinical text only'),
    ignoreFocusOut: true,
    validateInput: (v) => validate(() => waiverCommentEdit('', 0, comment, args.ruleId, v)),
  });
  if (reason === undefined) return false;
  const expires = args.expires ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Waive {0}: expiry', args.ruleId),
    prompt: vscode.l10n.t('Until when (YYYY-MM-DD)? Leave empty for no expiry; an expired waiver is reported and waives nothing.'),
    placeHolder: vscode.l10n.t('YYYY-MM-DD (optional)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isDate(v.trim()) ? undefined : vscode.l10n.t('Write a date as YYYY-MM-DD, or leave it empty.')),
  });
  if (expires === undefined) return false;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the file changed while you answered; run the waiver again on the current finding.'));
    return false;
  }
  try {
    const e = waiverCommentEdit(document.getText(), document.offsetAt(placed.range.start), comment, args.ruleId, reason, expires.trim() || undefined);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(e.start), e.newText);
    return await vscode.workspace.applyEdit(edit);
  } catch (err) {
    if (!(err instanceof WaiverInputError)) throw err;
    void vscode.window.showErrorMessage(vscode.l10n.t('LLM Compliance: {0}', err.message));
    return false;
  }
}

function validate(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    return err instanceof WaiverInputError ? err.message : String(err);
  }
}
