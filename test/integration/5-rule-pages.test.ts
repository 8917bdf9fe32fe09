// Rule pages render: a diagnostic's code link, as the workbench opens it (the Problems view,
// the hover and the marker peek call the opener with commands allowed), shows the bundled
// docs/rules page in the Markdown preview, not as an editable file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, until } from './support';

/** What the workbench's opener does with a `command:` link: the path is the command, the query its JSON arguments. */
async function follow(target: vscode.Uri): Promise<unknown> {
  assert.equal(target.scheme, 'command');
  const args: unknown = target.query ? JSON.parse(target.query) : [];
  return vscode.commands.executeCommand(target.path, ...(Array.isArray(args) ? args : [args]));
}

const activeTab = (): vscode.Tab | undefined => vscode.window.tabGroups.activeTabGroup.activeTab;

suite('rule pages', () => {
  test('the code link of a finding shows its rule page rendered, in the Markdown preview', async () => {
    await api();
    // Any open finding (earlier suites fixed some): the first error with a rule code.
    const d = await until('a finding', () => vscode.languages.getDiagnostics().flatMap(([, list]) => list)
      .find((x) => x.source === 'llm-compliance' && typeof x.code === 'object' && /^LLMC\d{3}$/.test(String(x.code.value))));
    assert.ok(typeof d.code === 'object');
    const rule = String(d.code.value);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await follow(d.code.target), true);
    const tab = await until('a Markdown preview tab', () => {
      const t = activeTab();
      return t?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) ? t : undefined;
    });
    assert.ok(tab.label.includes(rule), tab.label);
    // Not the Markdown source in a text editor.
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith(`/docs/rules/${rule}.md`)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a tree tooltip links each rule id to the same page', async () => {
    const { sidebar } = await api();
    const links: string[] = [];
    for (const p of sidebar.tree.getChildren()) for (const e of sidebar.tree.getChildren(p)) for (const l of sidebar.tree.getChildren(e)) {
      const tip = sidebar.tree.getTreeItem(l).tooltip;
      if (tip instanceof vscode.MarkdownString) links.push(...[...tip.value.matchAll(/\]\((command:[^ )]+)/g)].map((m) => m[1]!));
    }
    assert.ok(links.length > 0, 'the tooltips have rule links');
    for (const link of new Set(links)) {
      const uri = vscode.Uri.parse(link);
      assert.equal(uri.path, 'llmCompliance.openRule');
      assert.match(String((JSON.parse(uri.query) as unknown[])[0]), /^LLMC\d{3}$/);
    }
    await follow(vscode.Uri.parse(links[0]!));
    await until('a Markdown preview tab', () => {
      const t = activeTab();
      return t?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) ? t : undefined;
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
