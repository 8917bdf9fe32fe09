// Precision, recall and EU/BAA attribute accuracy on real public code, labelled before the
// tool was run on it (docs/accuracy/real; first-run figures beside the later ones in
// docs/accuracy/README.md). The code is read from local git snapshots: where a snapshot is
// not on the machine the set is reported as not scored, never as passing.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { addScore, attributeAccuracy, emptyRealScore, haveSnapshot, precision, realSets, recall, scoreRepo, summary } from '../support/real-code';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

describe('real public code, labelled blind (docs/accuracy/real)', () => {
  for (const set of realSets()) {
    it(`${set.name}: precision and recall of at least 0.95, EU/BAA attributes at least 0.97`, function () {
      this.timeout(300_000);
      const present = set.repos.filter(haveSnapshot);
      for (const repo of set.repos.filter((r) => !present.includes(r))) console.log(`      not scored: no snapshot of ${repo.repo}@${repo.commit.slice(0, 7)} under LLMC_MIRROR`);
      if (present.length === 0) this.skip();
      const total = emptyRealScore();
      for (const repo of present) addScore(total, scoreRepo(repo, CLI));
      console.log(`      ${summary(set.name, total)}`);
      for (const line of total.lines.filter((l) => !l.startsWith('NOTE'))) console.log(`        ${line}`);
      assert.ok(recall(total) >= 0.95, `recall ${recall(total)}`);
      assert.ok(precision(total) >= 0.95, `precision ${precision(total)}`);
      assert.ok(attributeAccuracy(total) >= 0.97, `EU/BAA attributes ${attributeAccuracy(total)}`);
    });
  }
});
