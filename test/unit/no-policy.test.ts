// Without a policy, each place an endpoint is chosen gets one short "not checked" hint
// (core/policy/no-policy.ts), the same for the editor and the Language Server.
import * as assert from 'node:assert/strict';
import { checksNothing, type Endpoint, NO_POLICY_HINT_MAX, noPolicyHints, parsePolicy } from '../../src/core';

const endpoint = (file: string, start: number, host: string | null, extra: Partial<Endpoint> = {}): Endpoint => ({
  file, range: { start, end: start + 10 }, provider: null, host, region: null, location: null, euResident: null, baaAvailable: null, via: 'URL literal', conditions: [], ...extra,
});

describe('no-policy hints', () => {
  it('also cover a policy that requires nothing (what init --yes writes), in its own words', () => {
    const nothing = parsePolicy('.llm-compliance.yaml', 'require: []\n');
    assert.equal(checksNothing(nothing), true);
    assert.equal(checksNothing(parsePolicy('.llm-compliance.yaml', 'require: [hipaa]\n')), false);
    assert.equal(checksNothing(parsePolicy('.llm-compliance.yaml', 'require: []\ngateway:\n  hosts: [gw.internal]\n')), false);
    assert.deepEqual(noPolicyHints([endpoint('a.py', 1, 'api.openai.com')], nothing).map((h) => h.message), ['api.openai.com: not checked — the policy requires nothing']);
  });

  it('say each place was not checked, once per place, in file and offset order', () => {
    const hints = noPolicyHints([
      endpoint('b.py', 5, 'api.openai.com'),
      endpoint('a.py', 40, 'api.mistral.ai'),
      endpoint('a.py', 3, 'api.anthropic.com'),
      // Two env values resolved at one place: one hint naming both.
      endpoint('a.py', 40, 'api.eu.mistral.ai'),
      endpoint('a.py', 40, 'api.mistral.ai'),
    ]);
    assert.deepEqual(hints.map((h) => `${h.file}:${h.range.start} ${h.message}`), [
      'a.py:3 api.anthropic.com: not checked — no policy in this folder',
      'a.py:40 api.mistral.ai, api.eu.mistral.ai: not checked — no policy in this folder',
      'b.py:5 api.openai.com: not checked — no policy in this folder',
    ]);
  });

  it('name an endpoint without a host by its provider, and never pass a control character through', () => {
    const [byProvider, unknown, hostile] = noPolicyHints([
      endpoint('a.py', 1, null, { provider: 'aws-bedrock' }),
      endpoint('a.py', 20, null),
      endpoint('a.py', 30, 'evil\u001b[31m.example\u202e.com'),
    ]);
    assert.equal(byProvider!.message, 'aws-bedrock: not checked — no policy in this folder');
    assert.equal(unknown!.message, 'LLM endpoint: not checked — no policy in this folder');
    assert.equal(hostile!.message, 'evil\\x1b[31m.example\\u202e.com: not checked — no policy in this folder');
  });

  it(`stay within ${NO_POLICY_HINT_MAX} characters however long the host`, () => {
    const hints = noPolicyHints([endpoint('a.py', 1, `${'x'.repeat(300)}.example.com`), ...Array.from({ length: 12 }, (_, i) => endpoint('b.py', 1, `host-${i}.example.com`))]);
    for (const h of hints) {
      assert.ok(h.message.length <= NO_POLICY_HINT_MAX, `${h.message.length}: ${h.message}`);
      assert.ok(h.message.endsWith(': not checked — no policy in this folder'));
    }
    assert.match(hints[0]!.message, /^x+…: not checked/);
  });

  it('say nothing when there is no endpoint', () => {
    assert.deepEqual(noPolicyHints([]), []);
  });
});
