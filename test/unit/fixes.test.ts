// Fixes are safe: each changes only what it must, leaves the file parseable, and the
// finding is gone afterwards. Every fix the engine offers on the examples and the
// labelled corpus is applied and checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import type { Fix } from '../../src/core/model';
import { emptyPolicy } from '../../src/core/policy/policy';
import { EXAMPLES, ROOT } from '../support/cli';
import { CORPUS } from '../support/corpus';
import { initParsers, syntaxErrors } from '../support/parse-check';

const engine = new Engine();
const policy = { ...emptyPolicy(), require: ['eu-residency' as const] };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

export function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('quick fixes', () => {
  before(initParsers);

  it('apply cleanly to every fixable finding in the examples and the corpus', () => {
    let applied = 0;
    const titles = new Set<string>();
    for (const full of [...files(EXAMPLES), ...files(CORPUS)]) {
      const file = path.relative(ROOT, full).split(path.sep).join('/');
      const text = fs.readFileSync(full, 'utf8');
      const before = engine.evaluate(engine.analyze(file, text).endpoints, policy);
      for (const finding of before) {
        for (const fix of finding.fixes) {
          const fixed = applyFix(text, fix);
          assert.deepEqual(syntaxErrors(file, text), [], `${file} must parse before the fix`);
          assert.deepEqual(syntaxErrors(file, fixed), [], `${file} after "${fix.title}"`);
          // Only the edited characters changed.
          const changed = fix.edits.reduce((n, e) => n + Math.abs(e.newText.length - (e.end - e.start)), 0);
          assert.equal(fixed.length - text.length, fix.edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0));
          assert.ok(changed < 80, `${file}: "${fix.title}" changes too much`);
          // The finding is gone: no endpoint near the edit fails EU residency any more.
          const after = engine.evaluate(engine.analyze(file, fixed).endpoints, policy);
          const first = Math.min(...fix.edits.map((e) => e.start));
          const shift = fixed.length - text.length;
          const stillFailing = after.filter((f) => f.range.start <= first + Math.max(shift, 0) + 1 && f.range.end >= first);
          assert.deepEqual(stillFailing.map((f) => `${f.ruleId} ${f.message}`), [], `${file}: "${fix.title}" did not clear the finding`);
          assert.equal(after.length, before.length - 1, `${file}: "${fix.title}" should clear exactly one finding`);
          applied++;
          titles.add(fix.title.replace(/ [\w.-]+$/, ''));
        }
      }
    }
    console.log(`      ${applied} fixes applied and checked (${[...titles].join('; ')})`);
    assert.ok(applied >= 20, `only ${applied} fixes`);
  });
});
