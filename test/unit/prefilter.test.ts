// The prefilter must never drop a file that holds an anchor: it is checked against a
// plain substring search on random text, and every labelled file must pass it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine, formatOf } from '../../src/core/engine';
import { catalog } from '../../src/core/catalog/data';
import { CDK_APP_ANCHORS, CDK_LAMBDA_ANCHORS } from '../../src/core/resolve/cdk';
import { catalogAnchors, mayHoldLookalikeHost, Prefilter, PrefilterGroups } from '../../src/core/scan/prefilter';
import { BLIND, CORPUS, HOLDOUT } from '../support/corpus';

describe('prefilter', () => {
  it('agrees with a naive case-insensitive search', () => {
    const words = ['openai', 'bedrock-runtime', 'anthropic', 'aiplatform', ':11434', 'genai.client', 'abab', 'babb'];
    const pf = new Prefilter(words);
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const alphabet = 'abAB-.:1234openiOPENIbedrockgai ';
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const len = rand(60);
      for (let j = 0; j < len; j++) text += alphabet[rand(alphabet.length)];
      const expected = pf.anchors.some((w) => text.toLowerCase().includes(w));
      assert.equal(pf.testString(text), expected, JSON.stringify(text));
      assert.equal(pf.test(new TextEncoder().encode(text)), expected, JSON.stringify(text));
    }
  });

  it('agrees with a naive search with thousands of anchors (the compact table a large workspace gets)', () => {
    let seed = 11;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789';
    const words = Array.from({ length: 1500 }, () => Array.from({ length: 6 + rand(8) }, () => letters[rand(letters.length)]).join(''));
    const pf = new Prefilter(words);
    const lower = pf.anchors;
    for (let i = 0; i < 3000; i++) {
      // Random text around pieces of anchors, so that matches half start and some complete.
      const w = lower[rand(lower.length)]!;
      const piece = i % 3 ? w.slice(0, 1 + rand(w.length)) : w;
      const text = `${letters[rand(letters.length)]}x${i % 2 ? piece.toUpperCase() : piece}${letters[rand(letters.length)]} é${piece.slice(1)}`;
      const expected = lower.some((a) => text.toLowerCase().includes(a));
      assert.equal(pf.testString(text), expected, JSON.stringify(text));
      assert.equal(pf.test(new TextEncoder().encode(text)), expected, JSON.stringify(text));
    }
  });

  it('keeps only the shortest of nested anchors', () => {
    assert.deepEqual(new Prefilter(['openai', 'azureopenai', 'OPENAI_BASE_URL', 'groq']).anchors, ['groq', 'openai']);
  });

  it('never hides what the resolver would report: a local server known by its key, port or path', () => {
    const engine = new Engine();
    const cases: [string, string][] = [
      ['llm.yaml', 'llm:\n  api_base: http://10.0.0.5:8000\n'],
      ['llm.yaml', 'llm:\n  apiBase: http://10.0.0.5:8000\n'],
      ['app.ts', 'export const server = "http://10.0.0.5:8000/v1/chat/completions";\n'],
      ['app.py', 'URL = "http://127.0.0.1:1234"\n'],
      ['app.py', 'URL = "http://10.1.2.3:8080/api/generate"\n'],
    ];
    for (const [file, text] of cases) {
      assert.equal(engine.analyze(file, new TextEncoder().encode(text)).endpoints.length, 1, `${file}: ${text}`);
      assert.equal(engine.analyze(file, new TextEncoder().encode(text), { force: true }).endpoints.length, 1, `${file} (forced): ${text}`);
    }
  });

  it('lets every file with a labelled endpoint through', () => {
    const engine = new Engine();
    for (const dir of [CORPUS, HOLDOUT, BLIND]) {
      const labels = parse(fs.readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as Record<string, unknown[] | null>;
      for (const [file, expected] of Object.entries(labels)) {
        if (!expected?.length) continue;
        const kind = formatOf(file)?.kind;
        const pf = kind === 'code' || kind === 'notebook' ? engine.prefilters.code : engine.prefilters.config;
        assert.ok(pf.test(fs.readFileSync(path.join(dir, file))), file);
      }
    }
  });

  describe('PrefilterGroups (one pass for several prefilters)', () => {
    let seed = 3;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % n;
    /** Random text from pieces of the anchors (whole, cut, in another case), noise, and non-ASCII. */
    const randomText = (anchors: string[], noise: string): string => {
      let text = '';
      const parts = rand(12);
      for (let j = 0; j < parts; j++) {
        const pick = rand(6);
        if (pick <= 1) {
          const a = anchors[rand(anchors.length)]!;
          const piece = pick === 0 ? a : a.slice(rand(a.length), rand(a.length + 1) + 1);
          text += rand(2) ? piece.toUpperCase() : piece;
        } else {
          for (let k = rand(8); k > 0; k--) text += noise[rand(noise.length)];
        }
      }
      return text;
    };
    /** Checks every group against its own Prefilter, and the early stops. */
    const agree = (groups: Prefilter[], scanner: PrefilterGroups, text: string): number => {
      const bytes = new TextEncoder().encode(text);
      const all = (1 << groups.length) - 1;
      const expected = groups.reduce((bits, p, g) => bits | (p.testString(text) ? 1 << g : 0), 0);
      assert.equal(groups.reduce((bits, p, g) => bits | (p.test(bytes) ? 1 << g : 0), 0), expected, `bytes and text agree: ${JSON.stringify(text)}`);
      for (const content of [text, bytes]) {
        assert.equal(scanner.scan(content, all), expected, JSON.stringify(text));
        const mask = 1 + rand(all);
        assert.equal(scanner.scan(content, mask), expected & mask, JSON.stringify(text));
        // Stopping at a group: that group is found exactly when its Prefilter finds it, and nothing is found that is not there.
        const stop = 1 << rand(groups.length);
        const early = scanner.scan(content, all, stop);
        assert.equal(early & stop, expected & stop, JSON.stringify(text));
        assert.equal(early & ~expected, 0, JSON.stringify(text));
        if (!(expected & stop)) assert.equal(early, expected, JSON.stringify(text));
      }
      return expected;
    };

    it('finds each group exactly when its own Prefilter does (small groups sharing prefixes and suffixes)', () => {
      const words = [['openai', 'abab', ':11434'], ['babb', 'openair', 'aiplatform', 'zyz-a'], ['genai.client', 'abab'], ['bedrock-runtime', 'nai.c']];
      const groups = words.map((w) => new Prefilter(w));
      const scanner = new PrefilterGroups(groups.map((p) => p.anchors));
      const seen = new Set<number>();
      for (let i = 0; i < 5000; i++) seen.add(agree(groups, scanner, randomText(words.flat(), 'abAB-.:1234 \né')));
      assert.ok(seen.size > 8, `many combinations of groups are tried (${seen.size})`);
    });

    it('finds the engine\'s groups (catalog, ://, CDK, re-exports) exactly when the separate passes did', () => {
      const engine = new Engine();
      for (const kind of ['code', 'config'] as const) {
        assert.deepEqual(engine.prefilters[kind].anchors, new Prefilter(catalogAnchors(catalog, kind)).anchors);
        const words = [catalogAnchors(catalog, kind), CDK_LAMBDA_ANCHORS, CDK_APP_ANCHORS, ['export * from', 'export {']];
        const groups = words.map((w) => new Prefilter(w));
        const separate = new PrefilterGroups(groups.map((p) => p.anchors));
        const scanner = new PrefilterGroups([...groups.map((p) => p.anchors), ['://']]);
        for (let i = 0; i < 3000; i++) {
          // Half the texts from the other groups' anchors only: the catalog's are so many that they would be in nearly every text.
          const others = [...words.slice(1).flat(), '://', 'https://', 'xn--'];
          const text = randomText(i % 2 ? [...words.flat(), ...others] : others, 'abcxyz:/.-_ "\'\n\u00e9\u043e');
          const found = agree(groups, separate, text);
          const withScheme = scanner.scan(text, 31);
          assert.equal(withScheme & 15, found);
          assert.equal((withScheme & 16) !== 0, text.includes('://'), JSON.stringify(text));
          // The look-alike search is skipped without `://`: it could never have found one.
          if (mayHoldLookalikeHost(text)) assert.ok(withScheme & 16, JSON.stringify(text));
          // The engine's prefilters test on the same table as a Prefilter of the catalog's anchors.
          assert.equal(engine.prefilters[kind].testString(text), groups[0]!.testString(text), JSON.stringify(text));
          assert.equal(engine.prefilters[kind].test(new TextEncoder().encode(text)), groups[0]!.testString(text), JSON.stringify(text));
        }
      }
    });
  });
});
