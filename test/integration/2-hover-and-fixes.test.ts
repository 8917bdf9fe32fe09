// Hovers and quick fixes in the real editor: each kind of fix applies through VS Code's
// own code-action API and the diagnostic clears; fix-all and codeActionsOnSave work.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnostics, text, until, uri, write } from './support';

async function actionsAt(target: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  await vscode.window.showTextDocument(target);
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', target, range, kind)) ?? [];
}

function finding(target: vscode.Uri, rule: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(target).find((d) => d.source === 'llm-compliance' && codeOf(d) === rule);
}

async function hoverAt(target: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', target, at);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Markdown source as read: escapes removed. */
function plain(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()<>#+\-.!|$])/g, '$1');
}

/** The command links of a hover, with their decoded arguments. */
function commandLinks(md: string): { command: string; args: unknown[] }[] {
  return [...md.matchAll(/\]\(command:([\w.]+)\?([^)\s]*)\)/g)].map((m) => ({ command: m[1]!, args: JSON.parse(decodeURIComponent(m[2]!)) as unknown[] }));
}

suite('hover and quick fixes', () => {
  test('a hover starts with a verdict per requirement, then provider, host and region in words, the facts with sources and dates, what would pass, and commands; never the message twice', async () => {
    await api();
    const target = uri('api/app/triage.py');
    const d = finding(target, 'LLMC002');
    assert.ok(d);
    const md = await hoverAt(target, d.range.start.translate(0, 2));
    const shown = plain(md);
    // The policy requires hipaa (aws-bedrock is under baa:), eu-residency and soc2-type2, in that order, and names a gateway (LLMC006 waived for api/**).
    assert.equal(md.split('\n')[0], '**✓ BAA · ✗ EU · ✗ SOC 2 · ✗ gateway (waived)**  ', md);
    for (const expected of ['Amazon Bedrock', '`bedrock-runtime.us-east-1.amazonaws.com`', 'US East (N. Virginia)', 'LLMC002', 'HIPAA BAA', 'SOC 2 Type II']) {
      assert.ok(shown.includes(expected), `hover lacks ${expected}:\n${md}`);
    }
    assert.match(md, /\]\(https:\/\/[^)]+\) \(20\d\d-\d\d-\d\d/, 'a source link with its check date');
    assert.match(shown, /To pass: Invoke from an EU region such as eu-central-1/, 'what would pass, in full');
    // The diagnostic above the hover says what is wrong; the hover does not repeat it.
    assert.ok(!shown.includes(d.message), `the message is repeated:\n${md}`);
    // Human words, not raw catalog values.
    assert.doesNotMatch(shown, /not-available|case-by-case|global, global/);
    const commands = commandLinks(md);
    assert.deepEqual([...new Set(commands.map((c) => c.command))].sort(), ['llmCompliance.addWaiver', 'llmCompliance.applyEndpointFix', 'llmCompliance.focusProvider', 'llmCompliance.openRule']);
    const fix = commands.find((c) => c.command === 'llmCompliance.applyEndpointFix');
    assert.deepEqual(fix?.args, [{ uri: target.toString(), line: d.range.start.line, character: d.range.start.character, ruleId: 'LLMC002' }]);
    assert.ok(commands.some((c) => c.command === 'llmCompliance.focusProvider' && c.args[0] === 'aws-bedrock'));
    // Every command a link runs is one the hover trusts, and exists.
    const all = await vscode.commands.getCommands(true);
    for (const c of commands) assert.ok(all.includes(c.command), `${c.command} is not a command`);
    // Short: hovers ran to 2,400 characters (issue 13); this one holds three findings with their facts. Counted as shown (link targets aside).
    const visible = plain(md.replace(/\]\([^)]*\)/g, ']'));
    assert.ok(visible.length < 1800, `the hover shows ${visible.length} characters`);
  });

  test('a global endpoint reads "any region worldwide", and the hover\'s fix link applies the fix', async () => {
    await api();
    const anthropic = uri('web/src/lib/assistant.ts');
    // One finding per problem: the finding is at the setting in .env, and the code that reads it is related.
    const a = vscode.languages.getDiagnostics(uri('.env')).find((x) => x.source === 'llm-compliance' && x.message.startsWith('api.anthropic.com'));
    assert.ok(a, 'a finding on api.anthropic.com at its setting in .env');
    const reader = a.relatedInformation?.find((r) => r.location.uri.toString() === anthropic.toString());
    assert.ok(reader, 'the code that reads the setting is related');
    assert.ok(!vscode.languages.getDiagnostics(anthropic).some((x) => x.range.contains(reader.location.range.start)), 'reported once');
    // Its hover still gives the verdict, and says where the finding is reported.
    const global = await hoverAt(anthropic, reader.location.range.start.translate(0, 1));
    assert.match(plain(global), /Anthropic global inference, any region worldwide/, global);
    assert.equal(global.split('\n')[0], '**✗ BAA · ✗ EU · ✗ SOC 2 · ✗ gateway**  ', global);
    assert.ok(global.includes('(reported at examples/\\.env:3, the setting)'), global);
    await write('api/app/hoverfix.py', 'import boto3\n\nclient = boto3.client("bedrock-runtime", region_name="us-west-2")\n');
    const target = uri('api/app/hoverfix.py');
    try {
      await vscode.window.showTextDocument(target);
      await until('LLMC002 in hoverfix.py', () => finding(target, 'LLMC002'));
      const d = finding(target, 'LLMC002')!;
      const fix = commandLinks(await hoverAt(target, d.range.start.translate(0, 1))).find((c) => c.command === 'llmCompliance.applyEndpointFix');
      assert.ok(fix, 'the hover offers the fix');
      assert.equal(await vscode.commands.executeCommand(fix.command, ...fix.args), true);
      await until('LLMC002 cleared in hoverfix.py', () => !finding(target, 'LLMC002'));
      assert.match((await vscode.workspace.openTextDocument(target)).getText(), /region_name="eu-central-1"/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(target);
    }
  });

  test('swap the region: the preferred fix applies and the LLMC002 clears', async () => {
    await api();
    const target = uri('api/app/triage.py');
    const d = finding(target, 'LLMC002')!;
    const fix = (await actionsAt(target, d.range)).find((a) => a.title.startsWith('Use the EU region eu-central-1'));
    assert.ok(fix?.edit, 'a region swap is offered');
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(doc.getText(), /region_name="eu-central-1"/);
    await until('LLMC002 cleared in triage.py', () => !finding(target, 'LLMC002'));
  });

  test('insert the EU base_url where the SDK default applies: the LLMC002 clears', async () => {
    await api();
    const target = uri('api/app/search.py');
    // OpenAI's European data residency may use Switzerland: it fits `residency: eu-adequacy`, not the default EU-27.
    const policy = await text('.llm-compliance.yaml');
    const offered = async (): Promise<vscode.CodeAction | undefined> => {
      const d = finding(target, 'LLMC002');
      return d && (await actionsAt(target, d.range)).find((a) => a.title.startsWith('Set base_url to the EU endpoint'));
    };
    assert.equal(await offered(), undefined, 'not offered under the EU-27');
    await write('.llm-compliance.yaml', `${policy}\nresidency: eu-adequacy\n`);
    try {
      let fix: vscode.CodeAction | undefined;
      for (const end = Date.now() + 20_000; !(fix = await offered()) && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
      assert.ok(fix?.edit, 'the insertion is offered under eu-adequacy');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match((await vscode.workspace.openTextDocument(target)).getText(), /eu\.api\.openai\.com/);
      await until('LLMC002 cleared in search.py', () => !finding(target, 'LLMC002'));
    } finally {
      await write('.llm-compliance.yaml', policy);
      // Back under the EU-27, the EU host fails again: wait for that before the next test.
      await until('the EU-27 policy is back in force', () => finding(target, 'LLMC002'));
    }
  });

  test('waive with a reason: a comment in the file\'s syntax, and the finding is waived, not reported', async () => {
    await api();
    const target = uri('api/app/translate.py');
    const d = finding(target, 'LLMC001')!;
    const offered = (await actionsAt(target, d.range)).find((a) => a.title === 'Waive LLMC001 here with a reason…');
    assert.ok(offered?.command, 'the waiver action is offered');
    const [args] = offered.command.arguments as [Record<string, unknown>];
    assert.equal(await vscode.commands.executeCommand(offered.command.command, { ...args, reason: 'Mistral DPA under review', expires: '2027-03-31' }), true);
    const text = (await vscode.workspace.openTextDocument(target)).getText();
    assert.match(text, /\n# llm-compliance-ignore LLMC001 -- Mistral DPA under review; expires=2027-03-31\nmistral = Mistral\(/);
    await until('LLMC001 waived in translate.py', () => diagnostics(target).filter((x) => x.startsWith('LLMC001 8:')).length === 0);
    assert.ok(!diagnostics(target).some((x) => x.startsWith('LLMC007 8:')), 'the new waiver is valid');
  });

  test('fix all in a file, as a quick fix and as source.fixAll.llmCompliance', async () => {
    await api();
    await write('api/app/regions.py', [
      'import boto3',
      '',
      'east = boto3.client("bedrock-runtime", region_name="us-east-1")',
      'west = boto3.client("bedrock-runtime", region_name="us-west-2")',
      '',
    ].join('\n'));
    const target = uri('api/app/regions.py');
    await vscode.window.showTextDocument(target);
    await until('two LLMC002 in the new file', () => diagnostics(target).filter((x) => x.startsWith('LLMC002')).length === 2);
    const whole = new vscode.Range(0, 0, 5, 0);
    assert.ok((await actionsAt(target, new vscode.Range(2, 60, 2, 60))).some((a) => a.title === 'Fix all LLM Compliance findings in this file'));
    const [all] = await actionsAt(target, whole, 'source.fixAll.llmCompliance');
    assert.ok(all?.edit, 'source.fixAll.llmCompliance is provided');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await until('no LLMC002 left', () => !diagnostics(target).some((x) => x.startsWith('LLMC002')));
    assert.doesNotMatch((await vscode.workspace.openTextDocument(target)).getText(), /us-(east|west)/);
  });

  test('editor.codeActionsOnSave runs the fix-all on save', async () => {
    await api();
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.llmCompliance': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      await write('api/app/onsave.py', 'import boto3\n\nclient = boto3.client("bedrock-runtime", region_name="us-west-2")\n');
      const target = uri('api/app/onsave.py');
      const editor = await vscode.window.showTextDocument(target);
      await until('LLMC002 in onsave.py', () => finding(target, 'LLMC002'));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# edited\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.doesNotMatch(saved, /us-west-2/, saved);
      assert.match(saved, /^# edited\n/);
    } finally {
      await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
