// The extension's commands. Those that ask questions also take their answers as an argument,
// so scripts, keybindings and tests can run them without prompts.

import * as vscode from 'vscode';
import { catalog, isDate, POLICY_FILE_NAMES, policyTemplate, type ProviderId, type Requirement, REQUIREMENT_LABELS, REQUIREMENTS, type RuleId, waiverCommentEdit, WaiverInputError } from '../core';
import { commentFor, currentFindings, fixAllEdit } from './actions';
import { commandId, type CommandName } from './contributions';
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

export interface CreatePolicyArgs {
  folder?: string;
  require?: Requirement[];
  baa?: ProviderId[];
}

export function registerCommands(context: vscode.ExtensionContext, inventory: Inventory, sidebar: Sidebar, log: vscode.LogOutputChannel): void {
  const commands: Record<CommandName, (...args: never[]) => unknown> = {
    rescan: () => inventory.reload(),
    showOutput: () => log.show(),
    openProblems: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
    fixAllInFile: async () => {
      const editor = vscode.window.activeTextEditor;
      const findings = editor && currentFindings(inventory, editor.document);
      const edit = findings && fixAllEdit(findings);
      if (!edit) return void vscode.window.showInformationMessage('LLM Compliance: nothing in this file has an automatic fix.');
      return vscode.workspace.applyEdit(edit);
    },
    addWaiver: (args: WaiverArgs) => addWaiver(inventory, args),
    createPolicy: (args: CreatePolicyArgs = {}) => createPolicy(args),
    revealMatrix: () => sidebar.matrix.reveal(),
    focusProvider: async (arg?: string | EndpointNode) => {
      const id = typeof arg === 'string' ? arg : arg && arg.kind !== 'location' ? arg.provider : (await vscode.window.showQuickPick(
        catalog.providers.map((p) => ({ label: p.name, description: p.id, id: p.id })), { title: 'Show provider details' }))?.id;
      return id ? sidebar.provider.show(id) : false;
    },
    exportMatrix: async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: sidebar.matrix.markdown() });
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    },
    applyEndpointFix: (node?: EndpointNode) => sidebar.tree.applyFix(node),
    openRule: (id?: string) => openRuleDoc(context.extensionUri, id),
  };
  for (const [name, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(commandId(name as CommandName), run));
}

async function addWaiver(inventory: Inventory, args: WaiverArgs): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const position = new vscode.Position(args.line, args.character);
  const placed = currentFindings(inventory, document)?.find((p) => p.finding.ruleId === args.ruleId && p.range.start.isEqual(position));
  const comment = placed && commentFor(document, placed);
  if (!placed || !comment) {
    void vscode.window.showWarningMessage('LLM Compliance: the finding has changed since; try again on the current one.');
    return false;
  }
  const version = document.version;
  const reason = args.reason ?? await vscode.window.showInputBox({
    title: `Waive ${args.ruleId} on this line`,
    prompt: 'Why is this risk accepted? The reason is kept in the code as an audit record.',
    placeHolder: 'e.g. kiosk pilot, non-clinical text only',
    ignoreFocusOut: true,
    validateInput: (v) => validate(() => waiverCommentEdit('', 0, comment, args.ruleId, v)),
  });
  if (reason === undefined) return false;
  const expires = args.expires ?? await vscode.window.showInputBox({
    title: `Waive ${args.ruleId}: expiry`,
    prompt: 'Until when (YYYY-MM-DD)? Leave empty for no expiry; an expired waiver is reported and waives nothing.',
    placeHolder: 'YYYY-MM-DD (optional)',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isDate(v.trim()) ? undefined : 'Write a date as YYYY-MM-DD, or leave it empty.'),
  });
  if (expires === undefined) return false;
  if (document.version !== version) {
    void vscode.window.showWarningMessage('LLM Compliance: the file changed while you answered; run the waiver again on the current finding.');
    return false;
  }
  try {
    const e = waiverCommentEdit(document.getText(), document.offsetAt(placed.range.start), comment, args.ruleId, reason, expires.trim() || undefined);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(e.start), e.newText);
    return await vscode.workspace.applyEdit(edit);
  } catch (err) {
    if (!(err instanceof WaiverInputError)) throw err;
    void vscode.window.showErrorMessage(`LLM Compliance: ${err.message}`);
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

async function createPolicy(args: CreatePolicyArgs): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = args.folder ? folders.find((f) => f.uri.toString() === args.folder)
    : folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the policy for?' }) : folders[0];
  if (!folder) {
    if (!folders.length) void vscode.window.showWarningMessage('LLM Compliance: open a folder first; the policy file lives at its root.');
    return undefined;
  }
  for (const name of POLICY_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(`LLM Compliance: ${folder.name} already has ${name}; it is open for editing.`);
      return existing;
    }
  }
  const require = args.require ?? (await vscode.window.showQuickPick(
    REQUIREMENTS.map((r) => ({ label: REQUIREMENT_LABELS[r].label, detail: REQUIREMENT_LABELS[r].detail, id: r, picked: r === 'hipaa' || r === 'eu-residency' })),
    { title: 'Create policy (1/2): what must every LLM endpoint meet?', canPickMany: true, ignoreFocusOut: true },
  ))?.map((p) => p.id);
  if (!require) return undefined;
  let baa = args.baa ?? [];
  if (!args.baa && require.includes('hipaa')) {
    const offered = catalog.providers.filter((p) => p.posture.baa.value === 'available' || p.posture.baa.value === 'case-by-case');
    const picked = await vscode.window.showQuickPick(
      offered.map((p) => ({ label: p.name, description: p.id, detail: `BAA ${p.posture.baa.value}${p.posture.baa.tier ? ` · ${p.posture.baa.tier}` : ''}`, id: p.id })),
      { title: 'Create policy (2/2): which providers\' BAAs has your organisation signed?', canPickMany: true, ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    baa = picked.map((p) => p.id);
  }
  const uri = vscode.Uri.joinPath(folder.uri, POLICY_FILE_NAMES[0]!);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(policyTemplate({ require, baa })));
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
