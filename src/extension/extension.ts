// VS Code glue: runs the engine on open documents and shows its findings as
// diagnostics. All judging happens in src/core; this file only connects it to the editor.

import * as vscode from 'vscode';
import { Engine, formatOf } from '../core/engine';
import type { Finding } from '../core/model';
import { emptyPolicy, parsePolicy, PolicyError, POLICY_FILE_NAMES, type Policy } from '../core/policy/policy';

const SOURCE = 'llm-compliance';

export function activate(context: vscode.ExtensionContext): void {
  const engine = new Engine();
  const diagnostics = vscode.languages.createDiagnosticCollection(SOURCE);
  const output = vscode.window.createOutputChannel('LLM Compliance', { log: true });
  const policies = new Map<string, Policy>();
  context.subscriptions.push(diagnostics, output);

  const policyFor = async (folder: vscode.WorkspaceFolder | undefined): Promise<Policy> => {
    if (!folder) return emptyPolicy();
    const key = folder.uri.toString();
    const cached = policies.get(key);
    if (cached) return cached;
    let policy = emptyPolicy();
    for (const name of POLICY_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      try {
        policy = parsePolicy(name, new TextDecoder().decode(bytes));
      } catch (err) {
        const message = err instanceof PolicyError ? err.message : String(err);
        output.error(`Policy ${uri.fsPath} is invalid; no requirements are checked until it is fixed:\n${message}`);
        void vscode.window.showErrorMessage(`LLM Compliance: the policy ${name} is invalid. See the output channel.`);
      }
      break;
    }
    policies.set(key, policy);
    return policy;
  };

  const check = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'vscode-vfs' && doc.uri.scheme !== 'untitled') return;
    const rel = vscode.workspace.asRelativePath(doc.uri, false);
    if (!formatOf(rel)) return;
    const policy = await policyFor(vscode.workspace.getWorkspaceFolder(doc.uri));
    const result = engine.analyze(rel, doc.getText(), { maxFileSize: policy.maxFileSizeKb * 1024 });
    for (const note of result.notes) output.warn(`${note.file}: ${note.message}`);
    // Waived findings are accepted risks: the editor shows the rest, as the CLI fails on the rest.
    // The policy's azure.resources apply in the editor too (the workspace's IaC needs the inventory).
    const endpoints = engine.withWorkspaceFacts(result.endpoints, [], policy);
    const findings = engine.evaluate(endpoints, policy, { waivers: result.waivers });
    diagnostics.set(doc.uri, findings.filter((f) => f.file === rel && !f.suppression).map((f) => toDiagnostic(doc, f)));
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void check(d)),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (POLICY_FILE_NAMES.some((n) => d.uri.path.endsWith(`/${n}`))) {
        policies.clear();
        for (const doc of vscode.workspace.textDocuments) void check(doc);
      } else void check(d);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => void check(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)),
  );
  for (const doc of vscode.workspace.textDocuments) void check(doc);
}

function toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
  const range = new vscode.Range(doc.positionAt(f.range.start), doc.positionAt(f.range.end));
  const severity = f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const d = new vscode.Diagnostic(range, f.message, severity);
  d.source = SOURCE;
  d.code = f.ruleId;
  return d;
}

export function deactivate(): void {
  // Nothing to release: subscriptions are disposed by VS Code.
}
