// A short, fixed-seed fuzz run (test/fuzz): mutated examples and fixtures in every format,
// mutated policies and glob patterns, each in a worker under the 10 s watchdog and the
// 1 GB heap limit. Any crash, hang, memory failure, invalid output, fix that does not
// round-trip or policy read unlike its file fails the test, with the classes and the
// reproducers (under the system's temporary folder) in the message. The long run is
// `npm run fuzz -- --count 100000` (figures in the README).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatSummary, runFuzz } from '../fuzz/fuzz';

const SEED = 20261127;
const INPUTS = 1500;
const SECONDS = 30;

describe('fuzz (short run)', function () {
  // The run stops starting inputs after SECONDS; one more may take the watchdog's 10 s, and the workers a few to start.
  this.timeout((SECONDS + 60) * 1000);

  it(`${INPUTS} mutated inputs (seed ${SEED}, at most ${SECONDS} s): no crash, hang, memory failure or invalid output`, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-fuzz-'));
    const summary = await runFuzz({ seed: SEED, count: INPUTS, seconds: SECONDS, out, savePerClass: 1 });
    const report = formatSummary(summary);
    console.log(report.replace(/^/gm, '      '));
    const classes = summary.classes.map((c) => `${c.inputs} x ${c.key}`).join('\n  ');
    assert.equal(summary.failingInputs, 0, `${summary.failingInputs} failing inputs (figures above, reproducers under ${out}):\n  ${classes}`);
    assert.ok(summary.inputs >= Math.min(INPUTS, 300), `only ${summary.inputs} inputs ran in ${SECONDS} s`);
  });
});
