// A byte sketch may only rule an anchor out when the Prefilter would not find it in the same
// bytes (the index then skips reading the file again), and should rule most absent ones out.
import * as assert from 'node:assert/strict';
import { byteSketch, sketchMayHold } from '../../src/core/scan/byte-sketch';
import { Prefilter } from '../../src/core/scan/prefilter';

/** A seeded generator of small integers, so that a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) % n;
}

const ALPHABET = 'abcXYZ_0189.:/\u00e9';

function text(next: (n: number) => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[next(ALPHABET.length)];
  return out;
}

describe('byte sketch', () => {
  it('never rules out an anchor the Prefilter finds in the same bytes (any case, any size)', () => {
    const next = random(7);
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const anchors = [text(next, 4 + next(6)), text(next, 4 + next(6))];
      let body = text(next, next(3) ? next(200) : next(20_000));
      // Half the time the bytes hold an anchor, in another case.
      if (next(2)) {
        const at = next(body.length + 1);
        const anchor = anchors[next(2)]!;
        body = body.slice(0, at) + (next(2) ? anchor.toUpperCase() : anchor) + body.slice(at);
      }
      const bytes = new TextEncoder().encode(body);
      const holds = new Prefilter(anchors).test(bytes);
      if (holds) {
        found++;
        assert.equal(sketchMayHold(byteSketch(bytes), new Prefilter(anchors).anchors), true, `${JSON.stringify(anchors)} in ${JSON.stringify(body.slice(0, 80))}`);
      }
    }
    assert.ok(found > 1000);
  });

  it('rules out most anchors a file does not hold, and never a short or non-ASCII one', () => {
    const next = random(11);
    let ruledOut = 0;
    for (let round = 0; round < 200; round++) {
      const bytes = new TextEncoder().encode(text(next, 3000).replace(/e/g, ''));
      const sketch = byteSketch(bytes);
      if (!sketchMayHold(sketch, ['anthropic_url_e'])) ruledOut++;
      assert.equal(sketchMayHold(sketch, ['abc']), true);
      assert.equal(sketchMayHold(sketch, ['caf\u00e9_url']), true);
    }
    assert.ok(ruledOut > 180, `ruled out ${ruledOut} of 200`);
  });
});
