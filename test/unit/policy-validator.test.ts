// The policy schema is validated by code generated at build time (Ajv standalone), so a
// policy can be read where `new Function` is refused (the web extension's sandbox).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parsePolicy, PolicyError } from '../../src/core';
import validatePolicy from '../../src/core/policy/validate-policy.generated';
import { ROOT } from '../support/cli';

const SAMPLES: unknown[] = [
  { require: ['hipaa', 'eu-residency'] },
  { require: [] },
  { require: ['hipaa'], baa: ['aws-bedrock'], failOn: 'warning', residency: 'eea' },
  { require: 'hipaa' },
  { require: ['nonsense'] },
  { requires: ['hipaa'] },
  { require: ['hipaa'], waivers: [{ rule: 'LLMC001', reason: 'r', expires: '2026-13-40' }] },
  { require: ['hipaa'], ignore: [''] },
  { require: ['hipaa'], gateway: { hosts: [] } },
  { require: ['hipaa'], maxFileSizeKb: -1 },
];

describe('the precompiled policy validator', () => {
  it('reads a policy where the Function constructor is refused', () => {
    const real = globalThis.Function;
    const refuse = new Proxy(real, {
      construct() { throw new Error('new Function refused'); },
      apply() { throw new Error('Function() refused'); },
    });
    (globalThis as { Function: unknown }).Function = refuse;
    try {
      assert.deepEqual(parsePolicy('.llm-compliance.yaml', 'require: [hipaa]\nbaa: [aws-bedrock]\n').require, ['hipaa']);
      assert.throws(() => parsePolicy('.llm-compliance.yaml', 'require: [hipaaa]\n'), PolicyError);
    } finally {
      (globalThis as { Function: unknown }).Function = real;
    }
  });

  it('judges every sample as Ajv compiling the schema at run time does, with the same errors', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/policy.schema.json'), 'utf8')) as object;
    const compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const sample of SAMPLES) {
      const ok = compiled(sample);
      assert.equal(validatePolicy(sample), ok, JSON.stringify(sample));
      assert.deepEqual(validatePolicy.errors ?? null, compiled.errors ?? null, JSON.stringify(sample));
    }
    assert.ok(SAMPLES.some((s) => !compiled(s)) && SAMPLES.some((s) => compiled(s)), 'the samples include valid and invalid policies');
  });
});
