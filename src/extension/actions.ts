// Quick fixes: each fix the engine attached to a finding (swap to the EU endpoint, region,
// inference profile or location; insert an explicit region), a waiver comment with a
// reason, fix-all in the file, and `source.fixAll.llmCompliance` for codeActionsOnSave.
// Fixes are offered only while the results match the document's text, so an edit is never
// applied at stale offsets.

import * as vscode from 'vscode';
import { clearFix, type Fix, fixAllOf, formatOf, lineCommentOf, NO_POLICY_CODE } from '../core';
import { commandId } from './contributions';
import { SOURCE } from './diagnostics';
import { notebookOf, type PlacedFinding } from './folder-scan';
import type { Inventory } from './inventory';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('llmCompliance');

export class ActionsProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly inventory: Inventory) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const create = this.createPolicyAction(document, context);
    if (create) return [create];
    // Right after typing (or on save) the results may be a keystroke behind: bring them up to date first.
    let findings = currentFindings(this.inventory, document);
    if (!findings) {
      await this.inventory.flush(document.uri);
      findings = currentFindings(this.inventory, document);
    }
    if (!findings) return [];
    if (context.only?.contains(FIX_ALL_KIND)) {
      const edit = fixAllEdit(findings);
      if (!edit) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all LLM Compliance findings'), FIX_ALL_KIND);
      action.edit = edit;
      return [action];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const placed of findings.filter((p) => p.range.intersection(range))) {
      const { finding } = placed;
      const diagnostics = context.diagnostics.filter((d) => d.source === SOURCE && codeOf(d) === finding.ruleId && d.range.isEqual(placed.range));
      for (const fix of finding.fixes) {
        const edit = fixEdit(placed, fix);
        if (!edit) continue;
        const action = new vscode.CodeAction(`${fix.title} (${finding.ruleId})`, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = diagnostics;
        action.isPreferred = fix.isPreferred === true;
        actions.push(action);
      }
      if (commentFor(document, placed)) {
        const waive = new vscode.CodeAction(vscode.l10n.t('Waive {0} here with a reason…', finding.ruleId), vscode.CodeActionKind.QuickFix);
        waive.command = { title: waive.title, command: commandId('addWaiver'), arguments: [{ uri: document.uri.toString(), ruleId: finding.ruleId, line: placed.range.start.line, character: placed.range.start.character }] };
        waive.diagnostics = diagnostics;
        actions.push(waive);
      }
    }
    // Same-endpoint findings share one fix; count distinct fixes.
    if (new Set(findings.map((p) => clearFix(p.finding)?.edits).filter(Boolean).map((e) => JSON.stringify(e))).size > 1 && actions.some((a) => a.edit)) {
      const all = new vscode.CodeAction(vscode.l10n.t('Fix all LLM Compliance findings in this file'), vscode.CodeActionKind.QuickFix);
      all.edit = fixAllEdit(findings);
      actions.push(all);
    }
    return actions;
  }

  /** On a no-policy hint: the one thing to do is to write a policy. */
  private createPolicyAction(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction | undefined {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return undefined;
    const hints = context.diagnostics.filter((d) => d.source === SOURCE && codeOf(d) === NO_POLICY_CODE);
    const scan = hints.length ? this.inventory.scanOf(notebookOf(document.uri)?.uri ?? document.uri) : undefined;
    if (!scan) return undefined;
    const action = new vscode.CodeAction(vscode.l10n.t('Create a policy for {0}…', scan.folder.name), vscode.CodeActionKind.QuickFix);
    action.command = { title: action.title, command: commandId('createPolicy'), arguments: [{ folder: scan.folder.uri.toString() }] };
    action.diagnostics = hints;
    action.isPreferred = true;
    return action;
  }
}

/** The file's unwaived findings, if the results were computed from the document as it is now. */
export function currentFindings(inventory: Inventory, document: vscode.TextDocument): PlacedFinding[] | undefined {
  const scan = inventory.scanOf(document.uri);
  if (!scan) return undefined;
  const notebook = notebookOf(document.uri);
  const rel = scan.relative(notebook?.uri ?? document.uri);
  if (rel === undefined || !scan.isCurrent(rel, notebook ? notebook.version : document.version)) return undefined;
  return scan.findings.filter((p) => !p.finding.suppression && p.uri.toString() === document.uri.toString());
}

/** A fix's edits in the finding's document (or cell), or undefined when one of them falls elsewhere. */
function editsOf(placed: PlacedFinding, fix: Fix): { range: vscode.Range; newText: string }[] | undefined {
  const out: { range: vscode.Range; newText: string }[] = [];
  for (const e of fix.edits) {
    const place = placed.folder.placeOf(placed.finding.file, e.start, e.end);
    if (!place || place.uri.toString() !== placed.uri.toString()) return undefined;
    out.push({ range: place.range, newText: placed.folder.editText(placed.finding.file, e.newText) });
  }
  return out;
}

function fixEdit(placed: PlacedFinding, fix: Fix): vscode.WorkspaceEdit | undefined {
  const edits = editsOf(placed, fix);
  if (!edits) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(placed.uri, e.range, e.newText);
  return edit;
}

/** Every finding's one clear fix, each once, none overlapping another (core/fix-all.ts). */
export function fixAllEdit(findings: PlacedFinding[]): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  for (const { item, fix } of fixAllOf(findings, (placed, f) => editsOf(placed, f) !== undefined)) {
    for (const e of editsOf(item, fix)!) edit.replace(item.uri, e.range, e.newText);
  }
  return edit.size ? edit : undefined;
}

/** The line comment to write a waiver with, in a file or a notebook cell; undefined where there is none (JSON). */
export function commentFor(document: vscode.TextDocument, placed: PlacedFinding): '#' | '//' | undefined {
  if (document.uri.scheme === 'vscode-notebook-cell') return document.languageId === 'python' ? '#' : /script/.test(document.languageId) ? '//' : undefined;
  return lineCommentOf(formatOf(placed.finding.file));
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
