// Which fixes "fix all" applies together, as the extension and the Language Server both ask.
import * as assert from 'node:assert/strict';
import { clearFix, fixAllOf, type Finding, type Fix } from '../../src/core';

const fix = (title: string, start: number, end: number, preferred = false): Fix => ({ title, edits: [{ start, end, newText: title }], ...(preferred ? { isPreferred: true } : {}) });
const finding = (...fixes: Fix[]) => ({ finding: { fixes } as unknown as Finding });

describe('fix all', () => {
  it('takes the preferred fix, or the only one, and none from a finding with several and no preferred one', () => {
    assert.equal(clearFix(finding(fix('a', 0, 1), fix('b', 2, 3, true)).finding)?.title, 'b');
    assert.equal(clearFix(finding(fix('a', 0, 1)).finding)?.title, 'a');
    assert.equal(clearFix(finding(fix('a', 0, 1), fix('b', 2, 3)).finding), undefined);
  });

  it('applies a shared fix once, skips one that touches text an earlier one changes (an equal insertion point too), and what the host refuses', () => {
    const chosen = fixAllOf([
      finding(fix('one', 0, 5)),
      finding(fix('one', 0, 5)), // the same endpoint's second finding
      finding(fix('overlaps', 4, 8)),
      finding(fix('insert', 10, 10)),
      finding(fix('insert-again', 10, 10)),
      finding(fix('refused', 20, 21)),
      finding(fix('later', 30, 31)),
    ], (_item, f) => f.title !== 'refused');
    assert.deepEqual(chosen.map((c) => c.fix.title), ['one', 'insert', 'later']);
  });
});
