// Findings as diagnostics: rule id as the code (linking to the rule's page), severity from
// the policy (or the editor-only override), related lines from the engine. Waived findings
// are accepted risks and are not shown, as the CLI does not fail on them. Policy problems
// show in the policy file; what was not fully analysed is an LLMC008 finding under a policy,
// and an information note without one.

import * as vscode from 'vscode';
import { type Finding, NO_POLICY_CODE, noPolicyHints, type Severity } from '../core';
import type { FolderScan, PlacedFinding } from './folder-scan';
import type { Inventory } from './inventory';
import { ruleDocLink } from './rule-docs';
import { setting } from './settings';
import type { EditorSeverity } from './contributions';

export const SOURCE = 'llm-compliance';

export class DiagnosticsView implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly inventory: Inventory) {
    this.subscription = inventory.onDidChange(() => this.refresh());
  }

  refresh(): void {
    const byUri = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic): void => {
      const key = uri.toString();
      const entry = byUri.get(key) ?? [uri, []];
      entry[1].push(d);
      byUri.set(key, entry);
    };
    const overrides = setting('severity');
    for (const scan of this.inventory.scans()) {
      if (scan.policyUri) for (const d of policyDiagnostics(scan)) add(scan.policyUri, d);
      for (const placed of scan.findings) {
        if (placed.finding.suppression) continue;
        const severity = editorSeverity(placed.finding.severity, overrides[placed.finding.ruleId]);
        if (severity !== undefined) add(placed.uri, this.toDiagnostic(placed, severity));
      }
      // Under a policy each note is an LLMC008 finding (above); without one, the notes say what was not analysed.
      if (!scan.policy.source) for (const note of scan.results.notes) {
        const line = Math.max(0, (note.line ?? 1) - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 0), vscode.l10n.t('LLM Compliance: {0}', note.message), vscode.DiagnosticSeverity.Information);
        d.source = SOURCE;
        d.code = note.kind;
        add(scan.uriOf(note.file), d);
      }
      for (const d of noPolicyDiagnostics(scan)) add(d.uri, d.diagnostic);
    }
    this.collection.clear();
    for (const [uri, list] of byUri.values()) this.collection.set(uri, list);
  }

  private toDiagnostic(placed: PlacedFinding, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
    const { finding: f, folder } = placed;
    const d = new vscode.Diagnostic(placed.range, f.message, severity);
    d.source = SOURCE;
    // The rule's page, rendered (rule-docs.ts): a file target would open the Markdown source for editing.
    d.code = { value: f.ruleId, target: ruleDocLink(f.ruleId) };
    const related = relatedOf(folder, f);
    if (related.length) d.relatedInformation = related;
    return d;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/** Without a policy (and none broken), each endpoint's place says it was not checked (core/policy/no-policy.ts); the quick fix creates one. */
export function noPolicyDiagnostics(scan: FolderScan): { uri: vscode.Uri; diagnostic: vscode.Diagnostic }[] {
  if (!scan.unchecked) return [];
  return noPolicyHints(scan.results.endpoints, scan.policy).flatMap((h) => {
    const place = scan.placeOf(h.file, h.range.start, h.range.end);
    if (!place) return [];
    const d = new vscode.Diagnostic(place.range, h.message, vscode.DiagnosticSeverity.Information);
    d.source = SOURCE;
    d.code = NO_POLICY_CODE;
    return [{ uri: place.uri, diagnostic: d }];
  });
}

/** The problems that make the policy file invalid, at their lines in it. */
function policyDiagnostics(scan: FolderScan): vscode.Diagnostic[] {
  return scan.policyProblems.map((p) => {
    const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
    const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), vscode.l10n.t('Invalid policy: {0}', p.message), vscode.DiagnosticSeverity.Error);
    d.source = SOURCE;
    d.code = 'policy';
    return d;
  });
}

function relatedOf(scan: FolderScan, f: Finding): vscode.DiagnosticRelatedInformation[] {
  return (f.related ?? []).flatMap((r) => {
    const place = r.range ? scan.placeOf(r.file, r.range.start, r.range.end) : { uri: scan.uriOf(r.file), range: new vscode.Range((r.line ?? 1) - 1, 0, (r.line ?? 1) - 1, 0) };
    return place ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(place.uri, place.range), r.message)] : [];
  });
}

function editorSeverity(severity: Severity, override: EditorSeverity | undefined): vscode.DiagnosticSeverity | undefined {
  switch (override ?? severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'note':
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
    default: return undefined;
  }
}
