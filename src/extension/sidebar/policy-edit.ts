// Writes the matrix's requirement filter into the folder's policy file: only the
// `require:` entry changes (comments and everything else stay), or a new policy is created.

import * as vscode from 'vscode';
import { POLICY_FILE_NAMES, policyTemplate, type Requirement } from '../../core';
import type { FolderScan } from '../folder-scan';

export async function writeRequirements(scan: FolderScan, requirements: Requirement[], log: vscode.LogOutputChannel): Promise<boolean> {
  // While the folder reloads its policy is not known yet: look on disk, never overwrite one.
  const uri = scan.policyUri ?? (await existingPolicy(scan.folder));
  if (!uri) {
    const created = vscode.Uri.joinPath(scan.folder.uri, POLICY_FILE_NAMES[0]!);
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(policyTemplate({ require: requirements, baa: [] })));
    await vscode.window.showTextDocument(created, { preview: false });
    return true;
  }
  if (scan.policyUri && scan.policyProblems.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: the policy file has problems; fix them before writing requirements into it.'));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.isDirty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: {0} has unsaved changes; save or revert them first, so they are not saved with the new requirements.', vscode.workspace.asRelativePath(uri)));
    return false;
  }
  let text: string;
  try {
    text = await scan.withRequirements(uri.path, doc.getText(), requirements);
  } catch (err) {
    log.error(`Could not write require: into ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('LLM Compliance: could not update the policy file; see the log.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  // An edit, not a file write: it can be undone, and saving it reloads the policy.
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await doc.save();
  await vscode.window.showTextDocument(doc, { preview: false });
  return true;
}

async function existingPolicy(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  for (const name of POLICY_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // not this name
    }
  }
  return undefined;
}
