// The extension activates where it has work (a policy or a file it scans at a folder's root, a
// document of a language it reads), not in every window, and without making VS Code search the tree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { formatOf, POLICY_FILE_NAMES } from '../../src/core';
import { ACTIVATION_EVENTS, ACTIVATION_FILES, PROJECT_MARKERS } from '../../src/extension/contributions';
import { ROOT } from '../support/cli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };

describe('activation events', () => {
  it('package.json has the generated list, and never activates on startup or on everything', () => {
    assert.deepEqual(pkg.activationEvents, ACTIVATION_EVENTS);
    assert.ok(!pkg.activationEvents.some((e) => e === '*' || e === 'onStartupFinished'), pkg.activationEvents.join(', '));
  });

  it('every policy file name activates it', () => {
    for (const name of POLICY_FILE_NAMES) assert.ok(pkg.activationEvents.includes(`workspaceContains:${name}`), name);
  });

  it('each workspaceContains names one root file, no glob, that is a policy, a file the engine scans or a declared project marker', () => {
    const names = pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
    assert.deepEqual(names, [...ACTIVATION_FILES]);
    for (const name of names) {
      assert.doesNotMatch(name, /[*?{}[\]/]/, `${name}: a glob or a path makes VS Code search the workspace at startup`);
      assert.ok(POLICY_FILE_NAMES.includes(name) || formatOf(name) !== null || (PROJECT_MARKERS as readonly string[]).includes(name), `${name} is not scanned`);
    }
    // A marker is a file the engine does not read (else it belongs with the scanned ones).
    for (const name of PROJECT_MARKERS) assert.equal(formatOf(name), null, name);
  });
});

describe('extension bundles', () => {
  // The load-time banner comes before esbuild's own directive: were it not a directive itself,
  // the whole bundle would run as sloppy-mode code.
  for (const bundle of ['dist/extension.js', 'dist/web/extension.js']) {
    it(`${bundle} runs in strict mode (its first statement is "use strict")`, function () {
      const file = path.join(ROOT, bundle);
      if (!fs.existsSync(file)) this.skip();
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /^"use strict";\s/, text.slice(0, 80));
      // And the code after it is strict: sloppy mode would let this assignment pass silently.
      assert.throws(() => vm.runInNewContext(`${text.slice(0, text.indexOf('\n'))}\nundeclaredByTheTest = 1;`), (e: Error) => e.name === 'ReferenceError');
    });
  }
});
