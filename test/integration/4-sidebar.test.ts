// The sidebar's models in the real extension host: the tree is the inventory, the matrix is
// the catalog, the filter keeps what can meet the requirements, the export and provider
// details say what the catalog says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalog } from '../../src/core/catalog/data';
import { MATRIX_COLUMNS, meets } from '../../src/core/matrix';
import { buyerQuestions } from '../../src/extension/sidebar/provider-panel';
import { writeRequirements } from '../../src/extension/sidebar/policy-edit';
import { api, until } from './support';

suite('sidebar', () => {
  test('the endpoint tree holds every inventory endpoint once, grouped by provider then host and region', async () => {
    const { inventory, sidebar } = await api();
    const providers = sidebar.tree.getChildren();
    const places: string[] = [];
    for (const p of providers) {
      for (const e of sidebar.tree.getChildren(p)) {
        assert.equal(e.kind, 'endpoint');
        for (const l of sidebar.tree.getChildren(e)) {
          assert.ok(l.kind === 'location');
          assert.equal(l.use.placed.endpoint.provider ?? null, p.kind === 'provider' ? p.provider : undefined);
          places.push(`${l.use.placed.folder.folder.name}/${l.use.placed.endpoint.file}:${l.use.placed.endpoint.range.start}`);
        }
      }
    }
    const inventoryPlaces = inventory.endpoints().map((e) => `${e.folder.folder.name}/${e.endpoint.file}:${e.endpoint.range.start}`);
    assert.deepEqual(places.sort(), inventoryPlaces.sort());
    // Verdicts follow the findings: a place with an open error finding is an error.
    const uses = sidebar.tree.uses();
    for (const u of uses) {
      const open = u.findings.filter((f) => !f.finding.suppression);
      if (open.some((f) => f.finding.severity === 'error')) assert.equal(u.verdict, 'error');
      else if (!open.length && u.findings.length) assert.equal(u.verdict, 'waived');
    }
    // Tooltips keep their spaces (MarkdownString.appendText makes each one &nbsp;, so hovers wrapped mid-word).
    let tooltips = 0;
    for (const p of providers.filter((x) => x.kind === 'provider')) for (const e of sidebar.tree.getChildren(p)) for (const l of sidebar.tree.getChildren(e)) {
      if (l.kind !== 'location') continue;
      const tip = sidebar.tree.getTreeItem(l).tooltip;
      assert.ok(tip instanceof vscode.MarkdownString);
      assert.ok(!tip.value.includes('&nbsp;') && / \S+ /.test(tip.value), `tooltip of ${l.use.placed.endpoint.file}: ${tip.value.slice(0, 80)}`);
      tooltips++;
    }
    assert.ok(tooltips > 0);
    // The first row is the no-policy folder's warning (5-no-policy); then the providers.
    const item = sidebar.tree.getTreeItem(providers.find((p) => p.kind === 'provider')!);
    assert.match(String(item.description), /^\d+ uses?/);
  });

  test('the matrix has one row per catalog provider and each cell is the catalog fact', async () => {
    const { sidebar } = await api();
    const rows = sidebar.matrix.rows([]);
    assert.deepEqual(rows.map((r) => r.provider), catalog.providers.map((p) => p.id));
    for (const p of catalog.providers) {
      const row = rows.find((r) => r.provider === p.id)!;
      assert.deepEqual(Object.keys(row.cells), MATRIX_COLUMNS.map((c) => c.id));
      const expectBool = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no');
      assert.equal(row.cells.soc2.status, expectBool(p.posture.soc2Type2.value), `${p.id} SOC 2`);
      assert.equal(row.cells.iso27001.status, expectBool(p.posture.iso27001.value), `${p.id} ISO 27001`);
      // A European option wider than the EU (EEA + Switzerland, + UK) is no EU residency: conditional, saying so.
      if (p.posture.euResidency.value === true && row.cells.eu.status === 'conditional') assert.match(row.cells.eu.label, /not EU-only/, `${p.id} EU`);
      else assert.equal(row.cells.eu.status, expectBool(p.posture.euResidency.value), `${p.id} EU`);
      assert.deepEqual(row.cells.baa.sources, p.posture.baa.sources);
      if (p.posture.baa.value === null) assert.equal(row.cells.baa.status, 'unknown');
    }
  });

  test('the HIPAA + EU filter keeps exactly the providers that meet both under the active policy: a BAA listed as signed, an EU option', async () => {
    const { inventory, sidebar } = await api();
    const policy = inventory.activeScan()!.policy;
    const kept = sidebar.matrix.rows(['hipaa', 'eu-residency']).map((r) => r.provider);
    const rows = sidebar.matrix.rows([]);
    const expected = catalog.providers.filter((p) => p.kind === 'self-hosted' || (policy.baa.includes(p.id) && p.posture.baa.value !== 'not-available'
      && rows.find((r) => r.provider === p.id)!.can.residency[policy.residency ?? 'eu'])).map((p) => p.id);
    assert.deepEqual(kept, expected);
    // Anthropic has no EU option and no signed BAA, OpenAI offers a BAA the policy has not signed.
    assert.ok(!kept.includes('anthropic') && !kept.includes('openai'));
    assert.ok(rows.every((r) => kept.includes(r.provider) === (meets(r, 'hipaa', policy) && meets(r, 'eu-residency', policy))));
    // The rows the filter drops are the rows whose judgement (unmet, what `fails` reads) says they miss one: one judgement.
    assert.ok(rows.every((r) => kept.includes(r.provider) === !(r.unmet.hipaa || r.unmet['eu-residency'])));
  });

  test('the ticked requirements start as the active policy\'s', async () => {
    const { inventory, sidebar } = await api();
    assert.deepEqual(sidebar.matrix.currentFilter, inventory.activeScan()!.policy.require);
  });

  test('Export writes the matrix as Markdown, every provider with its values and sources', async () => {
    const { sidebar } = await api();
    // The export is what the view shows: with nothing ticked, every provider (the policy's requirements start ticked).
    const ticked = sidebar.matrix.currentFilter;
    sidebar.matrix.setFilter([]);
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('llmCompliance.exportMatrix');
    const text = doc.getText();
    assert.equal(doc.languageId, 'markdown');
    for (const p of catalog.providers) assert.ok(text.includes(`| ${p.name} (\`${p.id}\`) |`), p.id);
    assert.ok(text.includes('https://'), 'sources are linked');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    sidebar.matrix.setFilter(ticked);
  });

  test('provider details open for a provider and the buyer questions answer from the catalog or say unknown', async () => {
    const { sidebar } = await api();
    assert.equal(await vscode.commands.executeCommand('llmCompliance.focusProvider', 'aws-bedrock'), true);
    assert.equal(sidebar.provider.shown, 'aws-bedrock');
    const questions = buyerQuestions(catalog.providers.find((p) => p.id === 'openai')!);
    assert.ok(questions.length >= 7);
    assert.ok(questions.find((q) => q.question.startsWith('Which plan or tier'))?.answer?.includes('BAA available'));
    assert.equal(questions.find((q) => q.question.startsWith('How quickly are security incidents'))?.answer, null);
    assert.equal(await vscode.commands.executeCommand('llmCompliance.focusProvider', 'no-such-provider'), false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the tree\'s inline swap applies the fix and the place turns compliant', async () => {
    const { sidebar } = await api();
    const fixable = sidebar.tree.uses().find((u) => u.findings.some((f) => !f.finding.suppression && f.finding.ruleId === 'LLMC002' && f.finding.fixes.some((x) => x.isPreferred)));
    assert.ok(fixable, 'a place with a swap');
    const node = { kind: 'location' as const, use: fixable };
    assert.equal(sidebar.tree.getTreeItem(node).contextValue, 'location-fixable');
    const file = fixable.placed.uri;
    assert.equal(await vscode.commands.executeCommand('llmCompliance.applyEndpointFix', node), true);
    const { inventory } = await api();
    await inventory.whenIdle();
    const failingLines = (): number[] => sidebar.tree.uses()
      .filter((u) => u.placed.uri.toString() === file.toString() && u.findings.some((f) => !f.finding.suppression && f.finding.ruleId === 'LLMC002'))
      .map((u) => u.placed.range.start.line);
    assert.ok(!failingLines().includes(fixable.placed.range.start.line), `still failing on line ${fixable.placed.range.start.line + 1} of ${file.path}`);
  });

  test('the filter written into the policy changes only require:, and the policy takes effect', async () => {
    const { inventory } = await api();
    const scan = inventory.scans().find((x) => x.folder.name === 'examples')!;
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(scan.policyUri!));
    assert.equal(await writeRequirements(scan, ['hipaa', 'eu-residency'], vscode.window.createOutputChannel('test', { log: true })), true);
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(scan.policyUri!));
    assert.notEqual(after, before);
    assert.equal(after.replace(/^require:.*$/m, ''), before.replace(/^require:.*$/m, ''), 'only the require: line changed');
    await until('the new requirements apply', () => {
      const s = inventory.scans().find((x) => x.folder.name === 'examples');
      return s && JSON.stringify(s.policy.require) === JSON.stringify(['hipaa', 'eu-residency']);
    });
  });
});
