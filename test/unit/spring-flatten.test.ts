// flatten() builds each property's relaxed key along its walk instead of from its name: the
// two must agree for any key spelling (dots, empty parts, `-`/`_`, case, list items), since
// the key is the lookup name Spring `@Value` uses publish under.
import * as assert from 'node:assert/strict';
import { flatten, relaxedKey } from '../../src/core/resolve/spring';
import { parseYaml, type CNode } from '../../src/core/scan/config/tree';

const KEYS = ['', '.', '..', 'a', 'a.b', '.a', 'a.', 'A-B_c', '-', '_', '-.x', 'x..y', 'Σ', 'ΑΣ', 'spring.ai.openai', 'base-url', '[0]', 'k[1].z'];

function scalar(): CNode {
  return { k: 'scalar', v: 'v', s: 0, e: 0, cs: 0, ce: 0, verbatim: true };
}

/** A tree of maps and lists `depth` deep whose keys are drawn from KEYS by a seeded counter. */
function tree(depth: number, seed: { n: number }): CNode {
  if (depth === 0) return scalar();
  const pick = (): string => KEYS[(seed.n = (seed.n * 1103515245 + 12345) % 2147483648) % KEYS.length]!;
  if (seed.n % 3 === 0) return { k: 'seq', items: [tree(depth - 1, seed), tree(depth - 1, seed)], s: 0, e: 0 };
  return { k: 'map', entries: [pick(), pick(), pick()].map((key) => ({ key, keyS: 0, value: tree(depth - 1, seed) })), s: 0, e: 0 };
}

describe('spring flatten', () => {
  it("gives each property relaxedKey of its name, whatever the keys' spelling", () => {
    let properties = 0;
    for (let n = 1; n <= 200; n++) {
      for (const p of flatten(tree(4, { n }))) {
        assert.equal(p.key, relaxedKey(p.name), `name ${JSON.stringify(p.name)}`);
        properties++;
      }
    }
    assert.ok(properties > 1000);
  });

  it('relaxes a parsed file as Spring Boot binds it', () => {
    const { roots } = parseYaml('spring:\n  ai.OpenAI:\n    base_url: x\n    list:\n      - a\n      - Model-Name: y\n');
    assert.deepEqual(flatten(roots[0]!).map((p) => [p.name, p.key]), [
      ['spring.ai.OpenAI.base_url', 'spring.ai.openai.baseurl'],
      ['spring.ai.OpenAI.list[0]', 'spring.ai.openai.list[0]'],
      ['spring.ai.OpenAI.list[1].Model-Name', 'spring.ai.openai.list[1].modelname'],
    ]);
  });
});
