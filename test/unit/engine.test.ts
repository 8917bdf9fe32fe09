// Engine details that the corpora do not pin down: syntax forms that must not hide a
// value, and how one text found by two routes is reported.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';

const engine = new Engine();
const found = (file: string, text: string) =>
  engine.analyze(file, text).endpoints.map((e) => ({ provider: e.provider, host: e.host, region: e.region }));

describe('engine', () => {
  it('sees through TypeScript `as const` and `satisfies`', () => {
    const text = [
      'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";',
      'const REGION = "eu-central-1" as const;',
      'const opts = { region: "us-east-1" } satisfies { region: string };',
      'export const a = new BedrockRuntimeClient({ region: REGION });',
      'export const b = new BedrockRuntimeClient(opts);',
    ].join('\n');
    assert.deepEqual(found('a.ts', text).map((e) => e.region), ['eu-central-1', 'us-east-1']);
  });

  it('reads a Python annotated assignment', () => {
    const text = 'from openai import OpenAI\nBASE: str = "https://api.mistral.ai/v1"\nclient = OpenAI(base_url=BASE)\n';
    assert.deepEqual(found('a.py', text), [{ provider: 'mistral', host: 'api.mistral.ai', region: 'global' }]);
  });

  it('reports a literal reached through two constructions once', () => {
    const text = [
      'var client = new OpenAIClient(',
      '    new ApiKeyCredential(key),',
      '    new OpenAIClientOptions { Endpoint = new Uri("https://api.mistral.ai/v1") });',
    ].join('\n');
    assert.equal(found('A.cs', 'using OpenAI;\n' + text).length, 1);
  });

  it('keeps one constant that two clients send to different regions as two endpoints', () => {
    const text = [
      'import boto3',
      'SERVICE = "bedrock-runtime"',
      'eu = boto3.client(SERVICE, region_name="eu-central-1")',
      'us = boto3.client(SERVICE, region_name="us-east-1")',
    ].join('\n');
    assert.deepEqual(found('a.py', text).map((e) => e.region).sort(), ['eu-central-1', 'us-east-1']);
  });
});
