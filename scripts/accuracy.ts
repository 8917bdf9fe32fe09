// Scores the built CLI on the real-code label sets in docs/accuracy/real and prints every
// false positive, false negative and wrong attribute. `npm run accuracy [-- --cli FILE]`.
import * as path from 'node:path';
import { addScore, emptyRealScore, haveSnapshot, realSets, scoreRepo, summary } from '../test/support/real-code';

const at = process.argv.indexOf('--cli');
const cli = path.resolve(at > 0 ? process.argv[at + 1]! : path.join(__dirname, '..', 'dist', 'cli.js'));
const all = emptyRealScore();
for (const set of realSets()) {
  const total = emptyRealScore();
  for (const repo of set.repos) {
    if (!haveSnapshot(repo)) {
      console.log(`  ${repo.repo}@${repo.commit.slice(0, 7)}: no snapshot on this machine, not scored`);
      continue;
    }
    const s = scoreRepo(repo, cli);
    console.log(`  ${summary(`${repo.repo}@${repo.commit.slice(0, 7)}`, s)}`);
    addScore(total, s);
  }
  console.log(summary(`set ${set.name}`, total));
  addScore(all, total);
}
console.log(summary('all sets', all));
for (const line of all.lines) console.log(line);
