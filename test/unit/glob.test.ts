// The .gitignore matcher (src/core/glob.ts): git's syntax, in time linear in pattern x path.
// The `ignore` package (a dev dependency) is the oracle for the differential test.
import * as assert from 'node:assert/strict';
import ignore from 'ignore';
import { MAX_GLOBSTARS, MAX_PATTERN_LENGTH, PathPatterns } from '../../src/core/glob';

/** mulberry32: a small seeded generator, so every run tests the same cases. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pattern pieces: literals, wildcards, globstars, separators, bracket expressions (ranges,
// negation, a leading `]`, POSIX classes, unterminated ones), escapes, trailing spaces,
// comments and negations (a `#` or `!` piece can land first).
const PIECES = [
  'a', 'b', 'c', 'A', '.', '-', 'x', ' ', '\t', '*', '*', '**', '***', '?', '/', '/', '!', '#',
  '[ab]', '[!a]', '[^b]', '[a-c]', '[c-a]', '[]a]', '[a-]', '[!]', '[\\]]', '[[:alpha:]]', '[[:digit:]x]', '[[:bogus:]]', '[a',
  '\\*', '\\?', '\\[', '\\ ', '\\\\', '\\a', '\\!', '\\#', '\uFEFF',
];
const SEGMENTS = ['a', 'b', 'c', 'ab', 'ba', 'A', '.a', 'a.b', '*', ' ', 'a ', ']', '-', 'x', '1', '!a', '#a', '[a', '\\', '?'];

describe('glob: .gitignore patterns', () => {
  describe('agree with the `ignore` package on generated patterns and paths', () => {
    for (const seed of [1, 2, 3]) {
      it(`seed ${seed}`, () => {
        const next = random(seed);
        const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
        const pattern = (): string => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(PIECES)).join('') + (next() < 0.15 ? '  ' : '');
        const pathOf = (): string => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(SEGMENTS)).join('/') + (next() < 0.3 ? '/' : '');
        const mismatches: string[] = [];
        let matched = 0;
        let tested = 0;
        for (let k = 0; k < 3000; k++) {
          const patterns = Array.from({ length: 1 + Math.floor(next() * 3) }, pattern);
          // A .gitignore's text (LF or CRLF), or a list as the policy gives (entries may end in line breaks).
          const input = next() < 0.5
            ? patterns.join(pick(['\n', '\r\n', '\n\n'])) + pick(['', '\r', '\n', '\r\n'])
            : patterns.map((p) => p + pick(['', '\r', '\n', ' \r\n', '\t']));
          // Case-sensitive, as git (core.ignorecase=false): see the deliberate differences below.
          const oracle = ignore({ ignorecase: false }).add(input);
          const ours = new PathPatterns(input);
          for (let j = 0; j < 10; j++) {
            const p = pathOf();
            const want = oracle.ignores(p);
            tested++;
            if (want) matched++;
            if (ours.ignores(p) !== want && mismatches.length < 10) mismatches.push(`${JSON.stringify(input)} ${JSON.stringify(p)}: ignore says ${want}`);
          }
        }
        assert.deepEqual(mismatches, []);
        // The generator must exercise both answers.
        assert.ok(matched > tested / 10 && matched < tested / 2, `${matched} of ${tested} matched`);
      });
    }
  });

  describe('gitignore semantics', () => {
    const cases: [string, string, boolean][] = [
      // comments, blank lines, trailing spaces and escapes
      ['# comment\n\nfoo', 'foo', true],
      ['# foo', '# foo', false],
      ['\\#foo', '#foo', true],
      ['foo   ', 'foo', true],
      ['foo\\ ', 'foo ', true],
      ['foo\\ ', 'foo', false],
      ['\\!keep', '!keep', true],
      // negation, and no re-inclusion under an excluded folder
      ['*.log\n!keep.log', 'keep.log', false],
      ['*.log\n!keep.log', 'x.log', true],
      ['build/\n!build/keep.py', 'build/keep.py', true],
      ['build/*\n!build/keep.py', 'build/keep.py', false],
      // anchoring: a slash at the start or in the middle anchors, else any depth
      ['foo', 'a/b/foo', true],
      ['/foo', 'a/foo', false],
      ['/foo', 'foo', true],
      ['a/foo', 'x/a/foo', false],
      ['a/foo', 'a/foo', true],
      // a trailing slash: folders only (and what is under them)
      ['foo/', 'foo', false],
      ['foo/', 'foo/', true],
      ['foo/', 'x/foo/y.py', true],
      // `**`
      ['**/foo', 'foo', true],
      ['**/foo', 'a/b/foo', true],
      ['foo/**', 'foo/', false],
      ['foo/**', 'foo/a/b', true],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['a/**/b', 'a/x/y/c', false],
      ['a**b', 'a/x/b', false],
      ['a**b', 'axyb', true],
      ['/**', 'any/thing', true],
      // `*`, `?` and bracket expressions stay within one segment
      ['*.py', 'src/app.py', true],
      ['src/*.py', 'src/x/app.py', false],
      ['?.py', 'ab.py', false],
      ['[a-c].py', 'b.py', true],
      ['[!a-c].py', 'b.py', false],
      ['[^a-c].py', 'd.py', true],
      ['[]x].py', '].py', true],
      ['[[:digit:]].py', '7.py', true],
      ['[[:nope:]].py', '7.py', false],
      ['[ab', '[ab', false],
      ['\\*.py', 'x.py', false],
      ['\\*.py', '*.py', true],
      ['\\[a].py', '[a].py', true],
    ];
    for (const [patterns, path, expected] of cases) {
      it(`${JSON.stringify(patterns)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}`, () => {
        assert.equal(new PathPatterns(patterns).ignores(path), expected);
        assert.equal(ignore({ ignorecase: false }).add(patterns).ignores(path), expected, 'the oracle agrees');
      });
    }
  });

  describe('deliberate differences from the `ignore` package', () => {
    it('is case-sensitive, as git by default: folding case would waive or hide more than a pattern names', () => {
      assert.equal(new PathPatterns('Legacy/').ignores('legacy/app.py'), false);
      assert.equal(ignore().add('Legacy/').ignores('legacy/app.py'), true);
    });

    it('reads an escaped slash as a separator, as git does, and never as a match for the folder itself', () => {
      // Both agree here:
      assert.equal(new PathPatterns('a\\/b').ignores('a/b'), true);
      assert.equal(new PathPatterns('\\/a').ignores('a'), false);
      assert.equal(new PathPatterns('a\\/').ignores('a/'), false);
      // `ignore` lets a trailing wildcard after an escaped slash match the folder (`c/`); git does not.
      assert.equal(new PathPatterns('*\\/**').ignores('c/'), false);
      assert.equal(ignore({ ignorecase: false }).add('*\\/**').ignores('c/'), true);
    });
  });

  describe('bounded work', () => {
    it('matches nested `**` against a deep path without backtracking', () => {
      const pattern = Array.from({ length: 40 }, () => 'a').join('/**/') + '/b';
      const deep = Array.from({ length: 200 }, () => 'a').join('/') + '/c';
      const started = Date.now();
      assert.equal(new PathPatterns(pattern).ignores(deep), false);
      assert.equal(new PathPatterns(pattern).ignores(`${deep.slice(0, -1)}b`), true);
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    });

    it('matches many `*` in one segment in quadratic time at most', () => {
      const pattern = `${'*a'.repeat(1000)}b`;
      const started = Date.now();
      assert.equal(new PathPatterns(pattern).ignores('a'.repeat(4000)), false);
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    });

    it('refuses a pattern too long or with too many `**`, and then the whole list matches nothing', () => {
      const long = new PathPatterns(`*.py\n${'x'.repeat(MAX_PATTERN_LENGTH + 1)}\n`);
      assert.deepEqual(long.refused.map((r) => [r.line, r.reason]), [[2, `pattern longer than ${MAX_PATTERN_LENGTH} characters`]]);
      assert.equal(long.ignores('app.py'), false);
      const stars = new PathPatterns(['keep/', `${'**/'.repeat(MAX_GLOBSTARS + 1)}x`]);
      assert.deepEqual(stars.refused.map((r) => r.line), [2]);
      assert.equal(stars.ignores('keep/x'), false);
      assert.deepEqual(new PathPatterns(`${'**/'.repeat(MAX_GLOBSTARS)}x`).refused, []);
    });
  });
});
