// A folder without a policy is not read whole at activation: only its open files are checked
// (and say "not checked"), a file changed on disk is not read, and showing the sidebar reads
// the folder whole. Runs first, before any suite shows the sidebar; folders with a policy are
// read whole from the start.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, until } from './support';

const NAME = 'no-policy';
const root = (): vscode.WorkspaceFolder => vscode.workspace.workspaceFolders!.find((f) => f.name === NAME)!;

suite('lazy workspace scan', () => {
  test('without a policy only open files are checked, never shown as compliant, until the sidebar is shown', async () => {
    const { inventory, status } = await api();
    const scanOf = () => inventory.scans().find((s) => s.folder.name === NAME)!;
    for (const s of inventory.scans()) {
      if (s.folder.name === NAME) assert.equal(s.whole, false, `${s.folder.name} has no policy: read for its open files only`);
      else assert.equal(s.whole, true, `${s.folder.name} has a policy: read whole`);
    }
    assert.deepEqual(scanOf().endpoints, [], 'no file of the folder is read while none is open');
    assert.ok(inventory.endpoints().length > 0, 'the folders with a policy are scanned');
    assert.match((status.item.tooltip as vscode.MarkdownString).value, /Only open files are checked in no\\-policy until the sidebar is shown/);

    // An open file is checked, with the "not checked" hint, not as compliant.
    const file = vscode.Uri.joinPath(root().uri, 'app', 'billing.py');
    await vscode.window.showTextDocument(file);
    await until('the open file is checked', () => scanOf().endpoints.length > 0);
    assert.deepEqual([...new Set(scanOf().endpoints.map((e) => e.uri.toString()))], [file.toString()], 'only the open file');
    const codes = vscode.languages.getDiagnostics(file).filter((d) => d.source === 'llm-compliance').map(codeOf);
    assert.ok(codes.length && codes.every((c) => c === 'no-policy'), codes.join(', '));

    // A file written on disk is not read while the folder is not read whole.
    const extra = vscode.Uri.joinPath(root().uri, 'app', 'lazy_extra.py');
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('from openai import OpenAI\nclient = OpenAI(base_url="https://api.openai.com/v1")\n'));
    await new Promise((r) => setTimeout(r, 1500));
    await inventory.whenIdle();
    assert.ok(!scanOf().endpoints.some((e) => e.uri.toString() === extra.toString()), 'a closed file is not read');

    // Showing the sidebar reads the folder whole.
    await vscode.commands.executeCommand('workbench.view.extension.llmCompliance');
    await until('the folder is read whole', () => scanOf().whole && new Set(scanOf().endpoints.map((e) => e.uri.toString())).size > 2);
    assert.ok(scanOf().endpoints.some((e) => e.uri.toString() === extra.toString()), 'the file written meanwhile is read too');
    assert.doesNotMatch((status.item.tooltip as vscode.MarkdownString).value, /Only open files are checked/);
    await vscode.workspace.fs.delete(extra);
    await until('the extra file is gone', () => !scanOf().endpoints.some((e) => e.uri.toString() === extra.toString()));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
