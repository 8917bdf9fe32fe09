// Draws a reproducible random sample of reported endpoints for judging by hand
// (docs/accuracy/full-folder-sample.md):
//   node scripts/sample-endpoints.mjs SEED N OUT.json NAME=scan.json [NAME=scan.json ...]
// Each scan.json is `llm-compliance scan --format json` output; the draw is uniform over
// all their endpoints, without replacement (a linear congruential generator from SEED).
import fs from 'node:fs';

const [seedArg, nArg, out, ...runs] = process.argv.slice(2);
if (!out || runs.length === 0) {
  console.error('usage: node scripts/sample-endpoints.mjs SEED N OUT.json NAME=scan.json ...');
  process.exit(2);
}
let state = Number(seedArg) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pool = runs.flatMap((run) => {
  const [repo, file] = run.split('=');
  return JSON.parse(fs.readFileSync(file, 'utf8')).endpoints.map((e) => ({ repo, ...e }));
});
const total = pool.length;
const picked = [];
for (let i = 0; i < Number(nArg) && pool.length; i++) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
const fields = ['repo', 'file', 'line', 'provider', 'host', 'region', 'euResident', 'baaAvailable', 'via', 'unknown'];
fs.writeFileSync(out, JSON.stringify(picked.map((e) => Object.fromEntries(fields.map((f) => [f, e[f]]))), null, 1));
console.log(`${total} endpoints in all; ${picked.length} picked`);
