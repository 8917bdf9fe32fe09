// A folder without a policy in the real editor: nothing may look compliant. The status bar
// warns and creates one, each endpoint has a "not checked" hint with a quick fix, the tree
// says "not checked", the notice comes on its own (quiet only for a development extension
// under test) and works when asked, and a policy written from the walkthrough's answers
// takes effect everywhere.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NO_POLICY_HINT_MAX, parsePolicy } from '../../src/core';
import { COMMANDS, NO_POLICY_CONTEXT, VIEWS } from '../../src/extension/contributions';
import { noticeActions, NOTICE_STATE } from '../../src/extension/no-policy';
import { api, codeOf, EXTENSION_ID, until } from './support';

const NAME = 'no-policy';
const root = (): vscode.WorkspaceFolder => vscode.workspace.workspaceFolders!.find((f) => f.name === NAME)!;

suite('no policy', () => {
  test('the status bar item is a warning that creates the policy, never a clean count', async () => {
    const { status, inventory } = await api();
    const scan = inventory.scans().find((s) => s.folder.name === NAME)!;
    assert.ok(!scan.policy.source && !scan.policyProblems.length, 'the folder has no policy');
    assert.ok(scan.endpoints.length >= 3, `${scan.endpoints.length} endpoints`);
    // The other folders have policies: their count shows, with the folder that has none.
    assert.match(status.item.text, /^\$\(shield\) \d+ · LLM: no policy in 1 folder$/);
    assert.equal((status.item.backgroundColor)?.id, 'statusBarItem.warningBackground');
    const command = status.item.command as vscode.Command;
    assert.equal(command.command, 'llmCompliance.createPolicy');
    assert.deepEqual(command.arguments, [{ folder: root().uri.toString() }]);
  });

  test('each endpoint has a short information hint that it was not checked, with a quick fix that creates the policy', async () => {
    const { inventory } = await api();
    const scan = inventory.scans().find((s) => s.folder.name === NAME)!;
    const ours = vscode.languages.getDiagnostics().filter(([u]) => vscode.workspace.getWorkspaceFolder(u)?.name === NAME)
      .flatMap(([u, ds]) => ds.filter((d) => d.source === 'llm-compliance').map((d) => ({ u, d })));
    assert.ok(!ours.some(({ d }) => codeOf(d).startsWith('LLMC')), 'no rule is checked without a policy');
    const hints = ours.filter(({ d }) => codeOf(d) === 'no-policy');
    for (const e of scan.endpoints) {
      const hint = hints.find(({ u, d }) => u.toString() === e.uri.toString() && d.range.isEqual(e.range));
      assert.ok(hint, `a hint at ${e.endpoint.file}:${e.range.start.line + 1}`);
      assert.equal(hint.d.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(hint.d.message.length <= NO_POLICY_HINT_MAX, hint.d.message);
      assert.match(hint.d.message, /: not checked — no policy in this folder$/);
      if (e.endpoint.host) assert.ok(hint.d.message.includes(e.endpoint.host), hint.d.message);
    }
    const first = hints[0]!;
    await vscode.window.showTextDocument(first.u);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', first.u, first.d.range);
    const create = actions.find((a) => a.title === `Create a policy for ${NAME}…`);
    assert.ok(create, actions.map((a) => a.title).join('\n'));
    assert.equal(create.command?.command, 'llmCompliance.createPolicy');
    assert.deepEqual(create.command?.arguments, [{ folder: root().uri.toString() }]);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the endpoint tree says "not checked: no policy" above and on each of the folder\'s places, never "meets the policy"', async () => {
    const { sidebar } = await api();
    const [top] = sidebar.tree.getChildren();
    assert.equal(top?.kind, 'no-policy');
    const topItem = sidebar.tree.getTreeItem(top);
    assert.equal(topItem.label, 'No policy: endpoints not checked');
    assert.equal(topItem.command?.command, 'llmCompliance.createPolicy');
    const uses = sidebar.tree.uses().filter((u) => u.placed.folder.folder.name === NAME);
    assert.ok(uses.length >= 3);
    for (const use of uses) {
      const item = sidebar.tree.getTreeItem({ kind: 'location', use });
      assert.match(String(item.description), /^not checked: no policy · /);
      assert.notEqual((item.iconPath as vscode.ThemeIcon).id, 'pass');
      assert.match(String(item.accessibilityInformation?.label), /not checked: no policy$/);
    }
  });

  test('the welcome view and the walkthrough are contributed and their commands exist', async () => {
    const { noPolicy } = await api();
    assert.deepEqual(noPolicy.folders(), [NAME]);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsWelcome: { view: string; when: string; contents: string }[]; walkthroughs: { steps: { completionEvents: string[]; media: { markdown: string } }[] }[] } };
    const welcome = pkg.contributes.viewsWelcome.find((w) => w.view === VIEWS.endpoints.id);
    assert.equal(welcome?.when, NO_POLICY_CONTEXT);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const link of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(registered.has(link[1]!), link[1]);
    const steps = pkg.contributes.walkthroughs[0]!.steps;
    assert.equal(steps.length, 5);
    for (const s of steps) {
      for (const e of s.completionEvents) assert.ok(e.startsWith('onContext:llmCompliance.answered.') || registered.has(e.replace(/^onCommand:/, '')), e);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, s.media.markdown));
    }
    assert.ok(Object.keys(COMMANDS).every((c) => registered.has(`llmCompliance.${c}`)));
  });

  test('the notice comes on its own as installed (a development extension under test stays quiet), offers Create Policy when asked, and "Don\'t Show Again" holds', async () => {
    const { noPolicy } = await api();
    const NOTICE_ACTIONS = noticeActions();
    // The installed VSIX runs in production mode, as a user's does; only ExtensionMode.Test (run.mjs --dev) is quiet.
    const installed = !!process.env.LLMC_EXTENSION_INSTALLED;
    assert.equal(noPolicy.offered, installed, installed ? 'offered on its own, as a user sees it' : 'not offered on its own to a development extension under test');
    await noPolicy.state.update(NOTICE_STATE, undefined);
    const shown: { message: string; items: string[] }[] = [];
    const pick = (answer: string | undefined) => (message: string, ...items: string[]) => {
      shown.push({ message, items });
      return Promise.resolve(answer);
    };
    assert.equal(await noPolicy.offer(pick(undefined)), undefined);
    assert.equal(shown.length, 1);
    assert.match(shown[0]!.message, new RegExp(`${NAME} has no policy file, so its \\d+ LLM endpoint uses are listed but not checked`));
    assert.deepEqual(shown[0]!.items, Object.values(NOTICE_ACTIONS));
    // Closed without a choice: offered again; "Don't Show Again": never again here.
    assert.equal(await noPolicy.offer(pick(NOTICE_ACTIONS.never)), NOTICE_ACTIONS.never);
    assert.equal(shown.length, 2);
    assert.equal(await noPolicy.offer(pick(NOTICE_ACTIONS.create)), undefined);
    assert.equal(shown.length, 2, 'not shown after "Don\'t Show Again"');
  });

  test('a policy written from the answers takes effect: the warning, the hints and the tree row go, findings come', async () => {
    const { status, sidebar, noPolicy } = await api();
    const created = await vscode.commands.executeCommand<vscode.Uri>('llmCompliance.createPolicy', {
      folder: root().uri.toString(), require: ['hipaa', 'eu-residency'], baa: ['aws-bedrock'], residency: 'eea', gateway: ['llm-gateway.example.com'],
    });
    assert.ok(created);
    const policy = parsePolicy('.llm-compliance.yaml', new TextDecoder().decode(await vscode.workspace.fs.readFile(created)));
    assert.deepEqual([policy.require, policy.baa, policy.residency, policy.gateway?.hosts], [['hipaa', 'eu-residency'], ['aws-bedrock'], 'eea', ['llm-gateway.example.com']]);
    await until('the policy applies', () => !noPolicy.folders().length && /^\$\(shield\) \d+$/.test(status.item.text));
    assert.equal(status.item.backgroundColor, undefined);
    const inFolder = vscode.languages.getDiagnostics().filter(([u]) => vscode.workspace.getWorkspaceFolder(u)?.name === NAME).flatMap(([, ds]) => ds);
    assert.ok(!inFolder.some((d) => codeOf(d) === 'no-policy'), 'no hint is left');
    assert.ok(inFolder.some((d) => codeOf(d) === 'LLMC006'), 'the gateway is required now');
    assert.notEqual(sidebar.tree.getChildren()[0]?.kind, 'no-policy');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
