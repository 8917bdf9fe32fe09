// Rule pages: docs/rules/LLMCnnn.md, bundled with the extension, shown rendered.
//
// A diagnostic's code link (`diagnostic.code.target`) is opened by the workbench's opener
// with `allowCommands: true` (VS Code 1.100: the Problems view's code link, the editor
// hover's and the marker peek's), so a `command:` target runs this command, which shows the
// page in the Markdown preview, on the desktop and on the web alike. A plain file target
// opened the generated Markdown as an editable file.

import * as vscode from 'vscode';
import { RULES, type RuleId } from '../core';
import { commandId } from './contributions';

export const isRuleId = (id: unknown): id is RuleId => typeof id === 'string' && RULES.some((r) => r.id === id);

/** The bundled page of a rule. */
export function ruleDocFile(extensionUri: vscode.Uri, id: RuleId): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
}

/** A link that shows the rule's page rendered: for `diagnostic.code.target` and Markdown (with the command enabled). */
export function ruleDocLink(id: RuleId): vscode.Uri {
  return vscode.Uri.parse(`command:${commandId('openRule')}?${encodeURIComponent(JSON.stringify([id]))}`);
}

/** Shows the rule's page in the Markdown preview, or as text where no preview is available. */
export async function openRuleDoc(extensionUri: vscode.Uri, id: unknown): Promise<boolean> {
  const rule = isRuleId(id) ? id : (await vscode.window.showQuickPick(RULES.map((r) => ({ label: r.id, description: r.title })), { title: vscode.l10n.t('Show rule documentation') }))?.label;
  if (!isRuleId(rule)) return false;
  const file = ruleDocFile(extensionUri, rule);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', file);
  } catch {
    // The built-in Markdown extension is disabled: the source, read-only in a preview tab, is the next best thing.
    await vscode.window.showTextDocument(file, { preview: true });
  }
  return true;
}
