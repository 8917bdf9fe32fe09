// The inventory stays current: an .env edit moves findings between the setting and the code
// that reads it, notebooks are checked cell by cell, a broken policy is reported in the policy file,
// and a new policy from the create command takes effect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parsePolicy } from '../../src/core/policy/policy';
import { api, codeOf, diagnostics, folder, text, until, uri, write } from './support';

suite('live updates', () => {
  test('changing ANTHROPIC_BASE_URL in .env (unsaved) moves the findings between the setting and the code that reads it', async () => {
    await api();
    const code = uri('web/src/lib/assistant.ts');
    const env = await vscode.workspace.openTextDocument(uri('.env'));
    const line = env.getText().split('\n').findIndex((l) => l.startsWith('ANTHROPIC_BASE_URL='));
    const onClient = () => diagnostics(code).filter((d) => / 12:/.test(d)).map((d) => d.split(' ')[0]);
    const onSetting = () => diagnostics(env.uri).filter((d) => d.includes(` ${line + 1}:`)).map((d) => d.split(' ')[0]);
    // No BAA in the policy, outside the EU, SOC 2 Type II not confirmed by Anthropic's own pages, not through the gateway:
    // one finding per problem, at the setting, with the reading code as related information.
    const problems = ['LLMC001', 'LLMC002', 'LLMC004', 'LLMC006'];
    assert.deepEqual([onSetting(), onClient()], [problems, []]);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(env.uri, env.lineAt(line).range, '# ANTHROPIC_BASE_URL moved to the deployment');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Unset, the SDK's default host applies: the same problems, now at the code.
    await until('the SDK default reaches assistant.ts', () => onClient().length === problems.length && onSetting().length === 0);
    // Undo: the findings go back to the setting.
    await vscode.commands.executeCommand('workbench.action.files.revert', env.uri);
    await vscode.window.showTextDocument(env);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until('the findings go back to the setting', () => onSetting().length === problems.length && onClient().length === 0);
  });

  test('a notebook open in the notebook editor is checked cell by cell, and its fix applies in the cell', async () => {
    await api();
    const nb = await vscode.workspace.openNotebookDocument(uri('notebooks/summary_eval.ipynb'));
    await vscode.window.showNotebookDocument(nb);
    // A raw cell (VS Code shows it as a code cell in the language "raw") is not code: it must not hide the others.
    const raw = new vscode.WorkspaceEdit();
    raw.set(nb.uri, [vscode.NotebookEdit.insertCells(0, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'judge = "not python"', 'raw')])]);
    assert.ok(await vscode.workspace.applyEdit(raw));
    const onCells = () => nb.getCells().flatMap((c) => vscode.languages.getDiagnostics(c.document.uri).filter((d) => d.source === 'llm-compliance').map((d) => ({ cell: c, d })));
    const hit = await until('LLMC002 in a cell', () => onCells().find((x) => codeOf(x.d) === 'LLMC002'));
    assert.equal(hit.cell.document.getText(hit.d.range), '"us-central1"');
    assert.deepEqual(diagnostics(nb.uri), [], 'the file itself carries none while its cells do');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', hit.cell.document.uri, hit.d.range);
    const fix = actions.find((a) => a.title.startsWith('Use the EU region europe-west4'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join('; '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(hit.cell.document.getText(), /vertex_location="europe-west4"/);
    await until('the LLMC002 clears in the cell', () => !onCells().some((x) => codeOf(x.d) === 'LLMC002'));
  });

  test('a broken policy shows its error in the policy file, and the last valid policy stays in force', async () => {
    await api();
    const original = await text('.llm-compliance.yaml');
    const policy = uri('.llm-compliance.yaml');
    try {
      await write('.llm-compliance.yaml', original.replace('require: [hipaa, eu-residency, soc2-type2]', 'require: [hipaa, eu-residency, soc2]'));
      const problem = await until('an error in the policy file', () => vscode.languages.getDiagnostics(policy).find((d) => d.source === 'llm-compliance'));
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(problem.range.start.line, original.split('\n').findIndex((l) => l.startsWith('require:')));
      assert.match(problem.message, /soc2/);
      assert.ok(diagnostics(uri('web/src/lib/assistant.ts')).length > 0, 'checks are not silently turned off');
    } finally {
      await write('.llm-compliance.yaml', original);
    }
    await until('the policy error clears', () => !vscode.languages.getDiagnostics(policy).some((d) => d.source === 'llm-compliance'));
  });

  test('a JSON policy is validated by VS Code against the contributed schema', async () => {
    await api();
    const gateway = vscode.workspace.workspaceFolders!.find((f) => f.name === 'gateway')!;
    const file = vscode.Uri.joinPath(gateway.uri, '.llm-compliance.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{\n  "require": ["hipaa", "gdpr"],\n  "failOn": "error"\n}\n'));
    try {
      await vscode.window.showTextDocument(file);
      const problem = await until('the JSON language service flags "gdpr"', () => vscode.languages.getDiagnostics(file).find((d) => d.source !== 'llm-compliance' && d.range.start.line === 1), 30_000);
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(problem.message, /hipaa|eu-residency|Value is not accepted/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });

  test('editor settings: a severity override, and a size limit that is reported rather than silently skipping', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('llmCompliance');
    const code = uri('web/src/lib/assistant.ts');
    try {
      await config.update('severity', { LLMC006: 'hint' }, vscode.ConfigurationTarget.Workspace);
      await until('LLMC006 shown as a hint', () => diagnostics(code).some((d) => d.startsWith('LLMC006') && d.endsWith(' hint')));
      await config.update('maxFileSizeKb', 1, vscode.ConfigurationTarget.Workspace);
      const terraform = uri('infra/main.tf'); // 1.5 KB
      // Under the folder's policy a file that is not analysed is a finding (LLMC008), never a silent pass.
      const note = await until('LLMC008 on the too-large file', () => vscode.languages.getDiagnostics(terraform).find((d) => codeOf(d) === 'LLMC008'));
      assert.equal(note.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(note.message, /not scanned: .* over the 1 KB limit \(setting llmCompliance\.maxFileSizeKb\)/);
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('maxFileSizeKb', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('back to normal', () => diagnostics(code).some((d) => d.startsWith('LLMC006') && d.endsWith(' error')));
  });

  test('Create Policy File writes a valid policy from the answers, and it takes effect', async () => {
    await api();
    const policy = uri('.llm-compliance.yaml');
    await vscode.workspace.fs.delete(policy);
    const inExamples = (u: vscode.Uri) => vscode.workspace.getWorkspaceFolder(u)?.name === 'examples';
    await until('no requirements without a policy', () => !vscode.languages.getDiagnostics().some(([u, ds]) => inExamples(u) && ds.some((d) => d.source === 'llm-compliance' && codeOf(d).startsWith('LLMC'))));
    const created = await vscode.commands.executeCommand<vscode.Uri>('llmCompliance.createPolicy', { folder: folder().uri.toString(), require: ['eu-residency'], baa: [] });
    assert.equal(created?.toString(), policy.toString());
    assert.deepEqual(parsePolicy('.llm-compliance.yaml', await text('.llm-compliance.yaml')).require, ['eu-residency']);
    const setting = uri('.env');
    await until('EU residency is checked, HIPAA is not', () => diagnostics(setting).some((d) => d.startsWith('LLMC002')) && !diagnostics(setting).some((d) => d.startsWith('LLMC001')));
  });
});
