// Inline waivers in each comment syntax, and what makes a waiver count.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import { emptyPolicy, parsePolicy } from '../../src/core/policy/policy';
import { findInlineWaivers } from '../../src/core/policy/waivers';

const engine = new Engine();
const policy = { ...emptyPolicy(), require: ['eu-residency' as const], source: '.llm-compliance.yaml' };

/** Rule ids of the findings for one file, waived ones marked. */
function verdicts(file: string, text: string, today = '2026-11-27', p = policy): string[] {
  const result = engine.analyze(file, text);
  return engine.evaluate(result.endpoints, p, { waivers: result.waivers, today }).map((f) => `${f.ruleId}${f.suppression ? ' waived' : ''}`);
}

describe('waivers', () => {
  it('are read in each comment syntax, on the line or on the comment lines above it', () => {
    assert.deepEqual(verdicts('a.go', 'package a\n\nimport "github.com/openai/openai-go"\n\n// llm-compliance-ignore LLMC002 -- load test only\n// (second comment line)\nvar c = openai.NewClient()\n'), ['LLMC002 waived']);
    assert.deepEqual(verdicts('a.ts', 'import OpenAI from "openai";\nconst c = new OpenAI(); /* llm-compliance-ignore LLMC002 -- demo data */\n'), ['LLMC002 waived']);
    assert.deepEqual(verdicts('.env', 'OPENAI_BASE_URL=https://api.openai.com/v1  # llm-compliance-ignore LLMC002 -- CI smoke test\n'), ['LLMC002 waived']);
    assert.deepEqual(verdicts('main.tf', 'resource "azurerm_cognitive_account" "a" {\n  kind = "OpenAI"\n  # llm-compliance-ignore LLMC002 -- US pilot (RISK-4)\n  location = "eastus"\n}\n'), ['LLMC002 waived']);
  });

  it('cover only their own line, or the first code line below a comment line', () => {
    const text = 'from openai import OpenAI\n# llm-compliance-ignore LLMC002 -- pilot\n\na = OpenAI()\nb = OpenAI()\n';
    assert.deepEqual(verdicts('a.py', text), ['LLMC002 waived', 'LLMC002']);
  });

  it('parse rules, reason, expiry and owner', () => {
    const [w] = findInlineWaivers('a.py', 'x = 1  # llm-compliance-ignore LLMC001, LLMC002: vendor review pending; expires=2027-01-31; owner=@alice\n', { kind: 'code', lang: 'python' });
    assert.deepEqual({ rules: w?.rules, reason: w?.reason, expires: w?.expires, owner: w?.owner }, { rules: ['LLMC001', 'LLMC002'], reason: 'vendor review pending', expires: '2027-01-31', owner: '@alice' });
  });

  it('waive nothing, and are reported, without a reason, after expiry, with a bad date or an unknown rule', () => {
    const call = 'from openai import OpenAI\nc = OpenAI()  # llm-compliance-ignore ';
    assert.deepEqual(verdicts('a.py', `${call}LLMC002\n`), ['LLMC002', 'LLMC007']);
    assert.deepEqual(verdicts('a.py', `${call}LLMC002 -- pilot; expires=2026-11-26\n`), ['LLMC002', 'LLMC007']);
    assert.deepEqual(verdicts('a.py', `${call}LLMC002 -- pilot; expires=2026-11-27\n`), ['LLMC002 waived'], 'the expiry day itself still counts');
    assert.deepEqual(verdicts('a.py', `${call}LLMC002 -- pilot; expires=31/12/2027\n`), ['LLMC002', 'LLMC007']);
    assert.deepEqual(verdicts('a.py', `${call}LLMC042 -- pilot\n`), ['LLMC002', 'LLMC007']);
    assert.deepEqual(verdicts('a.py', `${call}-- pilot\n`), ['LLMC002', 'LLMC007']);
  });

  it('in the policy match rule, paths relative to the policy, and provider', () => {
    const p = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    paths: ["legacy/**"]\n    provider: anthropic\n    reason: retiring in Q1\n');
    const run = (file: string, text: string): string[] => {
      const r = engine.analyze(file, text);
      return engine.evaluate(r.endpoints, p, { today: '2026-11-27', pathForPolicy: (f) => f.replace(/^repo\//, '') }).map((f) => `${f.ruleId}${f.suppression ? ' waived' : ''}`);
    };
    assert.deepEqual(run('repo/legacy/a.py', 'from anthropic import Anthropic\nc = Anthropic()\n'), ['LLMC002 waived']);
    assert.deepEqual(run('repo/legacy/b.py', 'from openai import OpenAI\nc = OpenAI()\n'), ['LLMC002'], 'another provider');
    assert.deepEqual(run('repo/app/a.py', 'from anthropic import Anthropic\nc = Anthropic()\n'), ['LLMC002'], 'another path');
  });

  it('are rejected in the policy when malformed, with the line', () => {
    assert.throws(() => parsePolicy('p.yaml', 'waivers:\n  - rule: LLMC099\n    reason: x\n'), /p\.yaml:2:\d+: waivers\.0\.rule must be one of: LLMC001/);
    assert.throws(() => parsePolicy('p.yaml', 'waivers:\n  - rule: LLMC002\n    expires: next year\n'), /waivers\.0\.expires/);
    assert.throws(() => parsePolicy('p.yaml', 'gateway:\n  allow: [x]\n'), /gateway/);
  });

  it('never grow broader than written: misspelt fields and block comments followed by code', () => {
    assert.deepEqual(verdicts('a.py', 'from openai import OpenAI\nc = OpenAI()  # llm-compliance-ignore LLMC002 -- pilot; expiry=2024-01-31\n'), ['LLMC002', 'LLMC007']);
    const ts = 'import OpenAI from "openai";\n/* llm-compliance-ignore LLMC002 -- approved */ const eu = new OpenAI({ baseURL: "https://eu.api.openai.com/v1" });\nconst us = new OpenAI();\n';
    assert.deepEqual(verdicts('a.ts', ts, undefined, { ...policy, residency: 'eu-adequacy' }), ['LLMC002']);
    assert.equal(findInlineWaivers('a.ts', ts, { kind: 'code', lang: 'js' })[0]?.reason, 'approved');
  });

  it('in the policy match paths from the policy folder, not at any depth', () => {
    const p = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    paths: ["legacy/"]\n    reason: retiring\n');
    const run = (file: string): string[] => {
      const r = engine.analyze(file, 'from openai import OpenAI\nc = OpenAI()\n');
      return engine.evaluate(r.endpoints, p, { today: '2026-11-27' }).map((f) => `${f.ruleId}${f.suppression ? ' waived' : ''}`);
    };
    assert.deepEqual(run('legacy/a.py'), ['LLMC002 waived']);
    assert.deepEqual(run('services/payments/legacy/a.py'), ['LLMC002']);
  });
});

