// Precision and recall over the labelled fixture corpus. The figures are printed on
// every run and quoted in the README.
import * as assert from 'node:assert/strict';
import { BLIND, CORPUS, HOLDOUT, scoreCorpus, scoreWorkspaces, type CorpusScore } from '../support/corpus';

function report(name: string, s: CorpusScore): void {
  const pct = (x: number): string => x.toFixed(3);
  console.log(`\n      ${name}: ${s.labelled} labelled endpoint uses, ${s.found} found, ${s.truePositives} correct`);
  console.log(`      precision ${pct(s.precision)}  recall ${pct(s.recall)}`);
  for (const [format, b] of [...s.byFormat].sort()) console.log(`        ${format.padEnd(10)} tp ${b.tp}  fp ${b.fp}  fn ${b.fn}`);
  for (const m of s.falsePositives) console.log(`      FP ${m.file}:${m.line}  ${m.detail}`);
  for (const m of s.falseNegatives) console.log(`      FN ${m.file}:${m.line}  ${m.detail}`);
}

describe('labelled corpora', () => {
  // test/fixtures/corpus was written with the engine; holdout and blind were written later
  // by authors who never saw the engine (their first-run figures are in the README).
  for (const [name, dir] of [['test/fixtures/corpus', CORPUS], ['test/fixtures/holdout', HOLDOUT], ['test/fixtures/blind', BLIND]] as const) {
    it(`${name}: precision and recall of at least 0.95`, () => {
      const s = scoreCorpus(dir);
      report(name, s);
      assert.deepEqual(s.unlabelledFiles, [], 'every corpus file must be labelled');
      assert.ok(s.labelled >= 80, `only ${s.labelled} labelled uses`);
      assert.ok(s.precision >= 0.95, `precision ${s.precision}`);
      assert.ok(s.recall >= 0.95, `recall ${s.recall}`);
    });
  }
});

describe('labelled workspaces (env files, Terraform, routing, gateway, waivers)', () => {
  it('test/fixtures/workspaces: precision and recall of at least 0.95, and exactly the labelled findings', async () => {
    const s = await scoreWorkspaces();
    report('test/fixtures/workspaces', s);
    console.log(`      findings: ${s.findings} labelled, ${s.unexpectedFindings.length} unexpected, ${s.missingFindings.length} missing`);
    for (const f of s.unexpectedFindings) console.log(`      unexpected finding ${f}`);
    for (const f of s.missingFindings) console.log(`      missing finding ${f}`);
    assert.deepEqual(s.unlabelledFiles, [], 'every workspace file must be labelled');
    assert.ok(s.precision >= 0.95, `precision ${s.precision}`);
    assert.ok(s.recall >= 0.95, `recall ${s.recall}`);
    assert.deepEqual([...s.unexpectedFindings, ...s.missingFindings], []);
  });
});
