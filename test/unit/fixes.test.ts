// Fixes are safe: each changes only what it must, leaves the file parseable, and the
// finding is gone afterwards. Every fix the engine offers on the examples and the
// labelled corpus is applied and checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine, formatOf } from '../../src/core/engine';
import { lineCommentOf, waiverCommentEdit, WaiverInputError } from '../../src/core/policy/waivers';
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
          // One setting used in several places (vertexai.init's location, used by each GenerativeModel)
          // is one edit that clears each finding offering it, and nothing else.
          const sameEdit = before.filter((f) => f.fixes.some((g) => JSON.stringify(g.edits) === JSON.stringify(fix.edits))).length;
          assert.equal(after.length, before.length - sameEdit, `${file}: "${fix.title}" should clear exactly the findings it is offered for`);
          applied++;
          titles.add(fix.title.replace(/ [\w.-]+$/, ''));
        }
      }
    }
    console.log(`      ${applied} fixes applied and checked (${[...titles].join('; ')})`);
    assert.ok(applied >= 20, `only ${applied} fixes`);
  });

  it("waiver comments, in each file's comment syntax, waive exactly their finding and keep the file parseable", () => {
    const strict = { ...policy, require: ['eu-residency' as const, 'hipaa' as const], source: '.llm-compliance.yaml' };
    let applied = 0;
    for (const full of [...files(EXAMPLES), ...files(CORPUS)]) {
      const file = path.relative(ROOT, full).split(path.sep).join('/');
      const comment = lineCommentOf(formatOf(file));
      if (!comment) continue;
      const text = fs.readFileSync(full, 'utf8');
      const analyze = (t: string) => { const r = engine.analyze(file, t); return engine.evaluate(r.endpoints, strict, { waivers: r.waivers, today: '2026-11-27' }); };
      const active = (t: string) => analyze(t).filter((f) => !f.suppression);
      const before = active(text);
      for (const finding of before.filter((f) => f.ruleId !== 'LLMC007').slice(0, 3)) {
        const edit = waiverCommentEdit(text, finding.range.start, comment, finding.ruleId, 'accepted for the pilot', '2027-01-31');
        const fixed = applyFix(text, { title: 'waive', edits: [edit] });
        assert.deepEqual(syntaxErrors(file, fixed), [], `${file} after a waiver comment`);
        const after = active(fixed);
        assert.equal(after.length, before.length - 1, `${file}: the waiver should take exactly one finding off (${finding.ruleId} at ${finding.range.start})`);
        assert.ok(analyze(fixed).some((f) => f.ruleId === finding.ruleId && f.suppression?.reason === 'accepted for the pilot'));
        applied++;
      }
    }
    assert.ok(applied >= 20, `only ${applied} waiver comments`);
  });

  it('waiver comments refuse a missing reason or a bad date rather than write a waiver that waives nothing', () => {
    assert.throws(() => waiverCommentEdit('x = 1\n', 0, '#', 'LLMC002', '  '), WaiverInputError);
    assert.throws(() => waiverCommentEdit('x = 1\n', 0, '#', 'LLMC002', 'ok', '2027-02-30'), WaiverInputError);
    assert.throws(() => waiverCommentEdit('x = 1\n', 0, '#', 'LLMC002', 'owner=me'), WaiverInputError);
    assert.throws(() => waiverCommentEdit('x = 1\n', 0, '#', 'LLMC002', 'Validated by legal for the pilot'), WaiverInputError);
    assert.deepEqual(waiverCommentEdit('a\r\n    x = 1\r\n', 9, '#', 'LLMC002', 'pilot'), { start: 3, end: 3, newText: '    # llm-compliance-ignore LLMC002 -- pilot\r\n' });
  });
});
