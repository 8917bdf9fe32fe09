// l10n: package.json names its user-facing strings as %key% from package.nls.json, and the
// extension's messages go through vscode.l10n.t, whose English texts l10n/bundle.l10n.json holds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { l10nBundle, unlocalizedNotifications } from '../../scripts/l10n-bundle';
import { ROOT } from '../support/cli';

const read = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
const pkg = read('package.json') as { l10n?: string; contributes: unknown };
const nls = read('package.nls.json') as Record<string, string>;

/** Every string in a JSON value. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

/** A folder with one TypeScript file, for the extractor. */
function withSource(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-l10n-'));
  fs.writeFileSync(path.join(dir, 'a.ts'), text);
  return dir;
}

describe('l10n', () => {
  it('every %key% in package.json is in package.nls.json, and every entry there is used', () => {
    const keys = strings(pkg).flatMap((s) => [...s.matchAll(/^%([\w.-]+)%$/g)].map((m) => m[1]!));
    assert.ok(keys.length > 40, `${keys.length} keys`);
    for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, `%${k}% has no text in package.nls.json`);
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'unused package.nls.json entries');
  });

  it('the contributions a user reads are all %key% placeholders', () => {
    const c = pkg.contributes as { commands: { title: string; category: string }[]; views: Record<string, { name: string }[]>; walkthroughs: { title: string; steps: { title: string; description: string }[] }[]; configuration: { properties: Record<string, { markdownDescription: string }> } };
    const shown = [
      ...c.commands.flatMap((x) => [x.title, x.category]),
      ...Object.values(c.views).flat().map((v) => v.name),
      ...c.walkthroughs.flatMap((w) => [w.title, ...w.steps.flatMap((s) => [s.title, s.description])]),
      ...Object.values(c.configuration.properties).map((p) => p.markdownDescription),
    ];
    for (const s of shown) assert.match(s, /^%[\w.-]+%$/);
  });

  it('package.json points VS Code at l10n/, whose bundle holds exactly the messages of the vscode.l10n.t calls', () => {
    assert.equal(pkg.l10n, './l10n');
    const bundle = read('l10n/bundle.l10n.json') as Record<string, string>;
    assert.deepEqual(bundle, l10nBundle(path.join(ROOT, 'src/extension')));
    assert.ok(Object.keys(bundle).length > 50, `${Object.keys(bundle).length} messages`);
    for (const [k, v] of Object.entries(bundle)) assert.equal(v, k);
  });

  it('the extractor keys a message by its literal, not its format arguments, and refuses a computed message', () => {
    const dir = withSource("import * as vscode from 'vscode';\nconst n = 2;\nvscode.l10n.t('{0} files in {1}', n, `x${n}`);\nvscode.l10n.t(`plain`);\nconst f = () => vscode.l10n.t('nested {0}', vscode.l10n.t('inner'));\n");
    assert.deepEqual(l10nBundle(dir), { '{0} files in {1}': '{0} files in {1}', 'inner': 'inner', 'nested {0}': 'nested {0}', 'plain': 'plain' });
    assert.throws(() => l10nBundle(withSource("import * as vscode from 'vscode';\nconst n = 1;\nvscode.l10n.t(`${n} files`);\n")), /a\.ts:3: vscode\.l10n\.t needs a literal message/);
    assert.throws(() => l10nBundle(withSource("import * as vscode from 'vscode';\nconst m = 'x';\nvscode.l10n.t(m);\n")), /literal message/);
  });

  it('every notification the extension shows is a vscode.l10n.t message', () => {
    assert.deepEqual(unlocalizedNotifications(path.join(ROOT, 'src/extension')), []);
    assert.deepEqual(unlocalizedNotifications(withSource("import * as vscode from 'vscode';\nvoid vscode.window.showWarningMessage('not translated');\n")), ['a.ts:2']);
  });
});
