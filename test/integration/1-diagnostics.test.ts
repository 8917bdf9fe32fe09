// Diagnostics in the real editor: rule ids, ranges, severities and links, on open and for
// unopened files; the same findings as the CLI's JSON for the same folder.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, diagnostics, EXTENSION_ID, until, uri } from './support';

interface CliJson {
  endpoints: unknown[];
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; suppressed?: unknown }[];
  summary: { endpoints: number; findings: number; suppressed: number };
}

function cli(root: vscode.WorkspaceFolder): Promise<CliJson> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return new Promise((resolve, reject) => {
    // The extension host's own Node (Electron's, as Node, on a desktop). The VSIX has no CLI:
    // the driver names the repository's (LLMC_CLI).
    execFile(process.execPath, [process.env.LLMC_CLI || path.join(ext.extensionPath, 'dist/cli.js'), 'scan', '.', '--format', 'json'],
      { cwd: root.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 << 20 },
      (err, stdout) => (stdout ? resolve(JSON.parse(stdout) as CliJson) : reject(err ?? new Error('no output'))));
  });
}

suite('diagnostics', () => {
  test('each folder of a multi-root workspace gets exactly the CLI findings for that folder, under its own policy (the service\'s one folder up)', async () => {
    const { inventory } = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), ['examples', 'gateway', 'service', 'no-policy']);
    // The folder without a policy has its own suite (5-no-policy).
    for (const root of folders.filter((f) => f.name !== 'no-policy')) {
      const json = await cli(root);
      const fromCli = json.findings.filter((f) => !f.suppressed).map((f) => `${f.file} ${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity}`).sort();
      const files = [...new Set(json.findings.map((f) => f.file))];
      const fromEditor = files.flatMap((f) => diagnostics(vscode.Uri.joinPath(root.uri, f)).map((d) => {
        const [rule, range, severity] = d.split(' ');
        return `${f} ${rule} ${range} ${severity === 'information' ? 'note' : severity}`;
      })).sort();
      assert.ok(fromCli.length >= 3, `the CLI found ${fromCli.length} findings in ${root.name}`);
      assert.deepEqual(fromEditor, fromCli, root.name);
      // The inventory's counts are the CLI summary's.
      const scan = inventory.scans().find((s) => s.folder.name === root.name)!;
      assert.equal(scan.endpoints.length, json.summary.endpoints, root.name);
      assert.equal(scan.findings.filter((p) => !p.finding.suppression).length, json.summary.findings, root.name);
      assert.equal(scan.findings.filter((p) => p.finding.suppression).length, json.summary.suppressed, root.name);
    }
    // The gateway folder's policy requires EU residency only; the examples' requires HIPAA too.
    const rules = (name: string) => new Set(inventory.scans().find((s) => s.folder.name === name)!.findings.map((p) => p.finding.ruleId));
    assert.ok(rules('examples').has('LLMC001') && !rules('gateway').has('LLMC001'));
    // The service has no policy of its own: the repository's, one folder up, applies, with its ignore: and waiver paths.
    const service = inventory.scans().find((s) => s.folder.name === 'service')!;
    assert.match(service.policyUri?.path ?? '', /\/monorepo\/\.llm-compliance\.yaml$/);
    assert.ok(service.findings.some((p) => p.finding.file === 'waived.py' && p.finding.suppression));
    assert.ok(!service.endpoints.some((p) => p.endpoint.file.startsWith('legacy/')));
    // A symlinked folder (linked-api -> examples/api) is not followed, as in the CLI.
    assert.ok(!service.endpoints.some((p) => p.endpoint.file.startsWith('linked-api/')));
  });

  test('a Bedrock client in us-east-1 is an LLMC002 error on its region, linked to the rule page', async () => {
    await api();
    const target = uri('api/app/triage.py');
    await vscode.window.showTextDocument(target);
    const d = vscode.languages.getDiagnostics(target).find((x) => x.source === 'llm-compliance' && typeof x.code === 'object' && x.code.value === 'LLMC002');
    assert.ok(d, diagnostics(target).join('\n'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const doc = await vscode.workspace.openTextDocument(target);
    assert.equal(doc.getText(d.range), '"us-east-1"');
    assert.match(d.message, /EU/);
    // The code link runs the command that shows the rule's page rendered (5-rule-pages.test.ts).
    assert.ok(typeof d.code === 'object' && d.code.target.scheme === 'command' && d.code.target.path === 'llmCompliance.openRule' && JSON.parse(d.code.target.query)[0] === 'LLMC002');
  });

  test('a finding in .env links to the code that reads the value', async () => {
    await api();
    const d = await until('.env diagnostics', () => vscode.languages.getDiagnostics(uri('.env')).find((x) => typeof x.code === 'object' && x.code.value === 'LLMC001'));
    assert.ok(d.relatedInformation?.some((r) => r.location.uri.path.endsWith('/web/src/lib/assistant.ts')), JSON.stringify(d.relatedInformation));
  });
});
