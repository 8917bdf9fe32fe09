// Which extension the suite tests: by default the VSIX `npm run package` built, installed
// into the run's extensions folder (the driver names it in LLMC_EXTENSION_INSTALLED); with
// run.mjs --dev, the development folder. A suite that tested the wrong one would prove nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './support';

suite('the extension under test', () => {
  test('is the installed VSIX, with the staged manifest and no dev files (or, with --dev, the development folder)', () => {
    const ours = vscode.extensions.all.filter((e) => e.id.toLowerCase() === EXTENSION_ID);
    assert.equal(ours.length, 1, `one ${EXTENSION_ID}: ${ours.map((e) => e.extensionPath).join(', ')}`);
    const ext = ours[0]!;
    const pkg = ext.packageJSON as Record<string, unknown>;
    const installed = process.env.LLMC_EXTENSION_INSTALLED;
    if (installed) {
      assert.ok(ext.extensionPath.startsWith(path.resolve(installed) + path.sep), `${ext.extensionPath} is inside the extensions folder ${installed}`);
      assert.equal(pkg.scripts, undefined, 'the VSIX manifest has no npm scripts');
      assert.equal(pkg.devDependencies, undefined, 'the VSIX manifest has no devDependencies');
      for (const dev of ['dist/extension.js.map', 'dist/cli.js', 'src', 'test']) assert.ok(!fs.existsSync(path.join(ext.extensionPath, dev)), `${dev} is not installed`);
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist/extension.js')), 'dist/extension.js is installed');
    } else {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, 'src/extension/extension.ts')), `${ext.extensionPath} is the development folder`);
      assert.ok(pkg.scripts, 'the development manifest has its npm scripts');
    }
  });
});
