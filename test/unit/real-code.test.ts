// Precision, recall and EU/BAA attribute accuracy on real public code, labelled before the
// tool was run on it (docs/accuracy/real; first-run figures beside the later ones in
// docs/accuracy/README.md). The code is read from local git snapshots: where a snapshot is
// not on the machine the set is reported as not scored, never as passing.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { addScore, attributeAccuracy, emptyRealScore, haveSnapshot, precision, realSets, recall, scoreRepo, summary } from '../support/real-code';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

/** The goal (issue 11): precision and recall 0.95, EU/BAA attributes 0.97. */
const GOAL = { precision: 0.95, recall: 0.95, attributes: 0.97 };
/**
 * A ratchet below the goal: the figures reached so far (docs/accuracy/README.md), which no
 * change may lower. Raise them as the engine improves; the goal is not reached yet.
 */
const REACHED: Record<string, typeof GOAL> = {
  // The engine was tuned on these two sets' misses (docs/accuracy/README.md).
  'java-ts-go-iac': { precision: 0.99, recall: 0.98, attributes: 0.97 },
  // EU/BAA 0.99 below: the vendor classes found since (NvidiaChatCompletion here, GigaChat and
  // GigaChatEmbeddings in holdout) are labelled eu=false, which no page of NVIDIA's or Sber's
  // states; the catalog rule keeps their processing place unknown (eu null).
  'python-agents': { precision: 0.99, recall: 0.98, attributes: 0.99 },
  // Labelled after that tuning, each before any run (first runs: docs/accuracy/real-holdout-*-first-run*.txt);
  // the engine has since been improved on many of their misses too, so their first runs are the honest measure.
  // holdout-3 and holdout-4 have reached the goal, which is their floor now.
  // holdout was 0.78/0.77 for an hour: gpt-researcher's "openai:..." defaults then took the SDK
  // default although its compose file passes OPENAI_BASE_URL through from the host (a value not
  // known here); the review's fix made them unknown, as the engine answers OpenAI() there.
  holdout: { precision: 0.73, recall: 0.72, attributes: 0.98 },
  'holdout-2': { precision: 0.84, recall: 0.79, attributes: 1 },
};

describe('real public code, labelled blind (docs/accuracy/real)', () => {
  for (const set of realSets()) {
    const floor = REACHED[set.name] ?? GOAL;
    it(`${set.name}: no lower than reached so far (precision ${floor.precision}, recall ${floor.recall}, EU/BAA ${floor.attributes}; goal ${GOAL.precision}/${GOAL.recall}/${GOAL.attributes})`, function () {
      this.timeout(300_000);
      const present = set.repos.filter(haveSnapshot);
      for (const repo of set.repos.filter((r) => !present.includes(r))) console.log(`      not scored: no snapshot of ${repo.repo}@${repo.commit.slice(0, 7)} under LLMC_MIRROR`);
      if (present.length === 0) this.skip();
      const total = emptyRealScore();
      for (const repo of present) addScore(total, scoreRepo(repo, CLI));
      console.log(`      ${summary(set.name, total)}`);
      for (const line of total.lines.filter((l) => !l.startsWith('NOTE'))) console.log(`        ${line}`);
      assert.ok(recall(total) >= floor.recall, `recall ${recall(total)}`);
      assert.ok(precision(total) >= floor.precision, `precision ${precision(total)}`);
      assert.ok(attributeAccuracy(total) >= floor.attributes, `EU/BAA attributes ${attributeAccuracy(total)}`);
    });
  }
});
