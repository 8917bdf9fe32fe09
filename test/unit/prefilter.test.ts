// The prefilter must never drop a file that holds an anchor: it is checked against a
// plain substring search on random text, and every labelled file must pass it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Engine, formatOf } from '../../src/core/engine';
import { Prefilter } from '../../src/core/scan/prefilter';
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
});
