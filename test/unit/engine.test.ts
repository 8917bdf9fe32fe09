// Engine details that the corpora do not pin down: syntax forms that must not hide a
// value, and how one text found by two routes is reported.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { parsePolicy } from '../../src/core/policy/policy';

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

  it('tells the openai module-level client from a variable named openai', () => {
    const variable = 'from openai import OpenAI\nopenai = OpenAI(base_url="https://api.mistral.ai/v1")\nr = openai.chat.completions.create(model="m", messages=[])\n';
    assert.deepEqual(found('a.py', variable), [{ provider: 'mistral', host: 'api.mistral.ai', region: 'global' }]);
    const aliased = 'import openai as oai\noai.base_url = "https://api.mistral.ai/v1/"\nr = oai.chat.completions.create(model="m", messages=[])\n';
    assert.deepEqual(found('b.py', aliased), [{ provider: 'mistral', host: 'api.mistral.ai', region: 'global' }]);
  });

  it('does not pick one of several module attribute values', () => {
    const text = 'import openai, os\nif os.environ.get("AZ"):\n    openai.api_base = "https://x.openai.azure.com/"\nelse:\n    openai.api_base = "https://api.openai.com/v1"\nopenai.ChatCompletion.create(engine="e", messages=[])\n';
    const call = engine.analyze('a.py', text).endpoints.find((e) => e.range.start === text.indexOf('openai.ChatCompletion'));
    assert.equal(call?.host, null);
    assert.match(call?.unknown ?? '', /openai\.api_base \(set in 2 places\)/);
  });

  it('routes bare LiteLLM model names only for families LiteLLM lists', () => {
    const text = 'from litellm import completion\ncompletion(model="o3-mini", messages=[])\ncompletion(model="gemini-1.5-pro", messages=[])\ncompletion(model="gpt-oss-20b", messages=[])\n';
    assert.deepEqual(found('a.py', text), [{ provider: 'openai', host: 'api.openai.com', region: 'global' }]);
  });

  it('keeps the endpoints of a notebook cell of any size', () => {
    const lines = ['from openai import OpenAI\n', 'client = OpenAI()\n', ...Array.from({ length: 150_000 }, (_, i) => `x${i} = ${i}\n`)];
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: lines, outputs: [] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const result = engine.analyze('big.ipynb', nb, { maxFileSize: 10 * 1024 * 1024 });
    assert.deepEqual(result.notes, []);
    assert.deepEqual(result.endpoints.map((e) => e.host), ['api.openai.com']);
  });

  it('says when a region default from code holds only while the env variable is unset', () => {
    const text = 'import os, litellm\nlitellm.completion(model="bedrock/anthropic.claude-3-haiku-20240307-v1:0", aws_region_name=os.getenv("AWS_REGION", "us-east-1"))\n';
    const [e] = engine.analyze('a.py', text).endpoints;
    assert.equal(e?.region, 'us-east-1');
    assert.deepEqual(e?.conditions, ['Unless AWS_REGION is set where it runs.']);
  });

  it('reads .tfvars whatever the case of the extension', () => {
    const result = engine.analyze('infra/PROD.TFVARS', 'location = "swedencentral"\n', { force: true });
    assert.deepEqual(result.env.map((d) => [d.name, d.value]), [['tfvar:infra:location', 'swedencentral']]);
  });

  it('builds the Azure host from a resource name the workspace sets', () => {
    const text = 'import { createAzure } from "@ai-sdk/azure";\nexport const az = createAzure();\n';
    const env = (name: string) => (name === 'AZURE_RESOURCE_NAME' ? { state: 'set' as const, value: 'myres', where: { file: '.env', line: 1 } } : { state: 'unset' as const });
    const [e] = engine.analyze('a.ts', text, { env }).endpoints;
    assert.equal(e?.host, 'myres.openai.azure.com');
    assert.match(e?.unknown ?? '', /does not say which region/);
    const [bare] = engine.analyze('a.ts', text).endpoints;
    assert.match(bare?.unknown ?? '', /no resource name is set in the code/);
  });

  it('reports an endpoint once per value when environments set a variable differently, each linked to its line', () => {
    const text = 'from openai import OpenAI\nclient = OpenAI()\nother = OpenAI(base_url="https://api.mistral.ai/v1")\n';
    const env = workspaceEnv([
      { name: 'OPENAI_BASE_URL', value: 'https://eu.api.openai.com/v1', file: 'deploy/dev.env', line: 3 },
      { name: 'OPENAI_BASE_URL', value: 'https://api.openai.com/v1', file: 'deploy/prod.env', line: 7 },
    ]);
    const endpoints = engine.analyze('a.py', text, { env }).endpoints;
    // euResident is about the 27 EU member states: OpenAI's European zone also uses Iceland, Liechtenstein, Norway and Switzerland.
    assert.deepEqual(endpoints.map((e) => [e.host, e.euResident, e.env?.map((x) => `${x.file}:${x.line}`)]), [
      ['eu.api.openai.com', false, ['deploy/dev.env:3']],
      ['api.openai.com', false, ['deploy/prod.env:7']],
      ['api.mistral.ai', false, undefined],
    ]);
    const one = workspaceEnv([{ name: 'OPENAI_BASE_URL', value: 'https://eu.api.openai.com/v1', file: '.env', line: 2 }]);
    const [set] = engine.analyze('a.py', text, { env: one }).endpoints;
    assert.deepEqual(set?.env, [{ name: 'OPENAI_BASE_URL', value: 'https://eu.api.openai.com/v1', file: '.env', line: 2 }]);
  });

  it('keeps function scopes apart when a Python signature spans several lines', () => {
    const fn = (name: string) => `def ${name}(\n    credential,\n):\n    ep = os.environ["AZURE_OPENAI_ENDPOINT"]\n    return AsyncOpenAI(base_url=f"{ep}/openai/v1/", api_key=credential)\n`;
    const text = `import os\nfrom openai import AsyncOpenAI\n\n${fn('chat')}\n${fn('embed')}`;
    const env = workspaceEnv([{ name: 'AZURE_OPENAI_ENDPOINT', value: 'https://x-swe.openai.azure.com', file: '.env', line: 1 }]);
    assert.deepEqual(engine.analyze('a.py', text, { env }).endpoints.map((e) => e.host), ['x-swe.openai.azure.com', 'x-swe.openai.azure.com']);
  });

  it('reports the Vercel AI Gateway for a model id held in a variable', () => {
    const text = 'import { gateway } from "@ai-sdk/gateway";\nexport const pick = (id: string) => gateway.languageModel(id);\n';
    assert.deepEqual(found('a.ts', text), [{ provider: 'vercel-ai-gateway', host: 'ai-gateway.vercel.sh', region: 'global' }]);
  });

  it('gives each boto3 Bedrock service its own host', () => {
    // The control plane counts where it runs a batch job over the data (see aws-region-flow.test.ts).
    const text = 'import boto3\nc = boto3.client("bedrock", region_name="us-west-2")\nr = boto3.client("bedrock-runtime", region_name="eu-west-1")\nc.create_model_invocation_job(jobName="j")\n';
    assert.deepEqual(found('a.py', text).map((e) => e.host), ['bedrock.us-west-2.amazonaws.com', 'bedrock-runtime.eu-west-1.amazonaws.com']);
  });

  it('lets only a top-level assignment of an env variable in the file override the workspace', () => {
    const env = workspaceEnv([{ name: 'AWS_REGION', value: 'us-east-1', file: '.env', line: 1 }]);
    const inHelper = 'import os, boto3\nbedrock = boto3.client("bedrock-runtime")\ndef for_tests():\n    os.environ["AWS_REGION"] = "eu-central-1"\n';
    assert.equal(engine.analyze('a.py', inHelper, { env }).endpoints[0]?.region, 'us-east-1');
    const atTop = 'import os, boto3\nos.environ["AWS_REGION"] = "eu-central-1"\nbedrock = boto3.client("bedrock-runtime")\n';
    assert.equal(engine.analyze('a.py', atTop, { env }).endpoints[0]?.region, 'eu-central-1');
  });

  it('keeps an endpoint unknown, not partly forked, when a variable has too many values', () => {
    const defs = Array.from({ length: 9 }, (_, i) => ({ name: 'LOC', value: i === 8 ? 'us-central1' : `europe-west${i + 1}`, file: `.env.${i}`, line: 1 }));
    const text = 'import os\nfrom google import genai\nc = genai.Client(vertexai=True, location=os.environ["LOC"])\n';
    const endpoints = engine.analyze('a.py', text, { env: workspaceEnv(defs) }).endpoints;
    assert.deepEqual(endpoints.map((e) => [e.region, e.euResident]), [[null, null]]);
    assert.match(endpoints[0]?.unknown ?? '', /us-central1 in \.env\.8:1/);
  });

  it('points a fallback at each fork of an endpoint that environments set differently', () => {
    const text = 'import os, boto3\nprimary = boto3.client("bedrock-runtime", region_name="eu-central-1")\nbackup = boto3.client("bedrock-runtime", region_name=os.environ["BACKUP_REGION"])\ntry:\n    primary.converse()\nexcept Exception:\n    backup.converse()\n';
    const env = workspaceEnv([
      { name: 'BACKUP_REGION', value: 'eu-west-1', file: '.env.dev', line: 1 },
      { name: 'BACKUP_REGION', value: 'us-east-1', file: '.env.prod', line: 1 },
    ]);
    const [primary] = engine.analyze('a.py', text, { env }).endpoints;
    assert.deepEqual(primary?.fallbacks?.map((f) => f.endpoint.region), ['eu-west-1', 'us-east-1']);
  });

  it('reports a call whose base URL is unknown as LLMC003 under a gateway policy, and a direct one as LLMC006', () => {
    const policy = parsePolicy('.llm-compliance.yaml', 'gateway:\n  hosts: ["https://llm-gw.corp.example:4000/v1"]\n');
    const text = 'import os\nfrom openai import OpenAI\na = OpenAI(base_url=os.environ["LLM_URL"])\nb = OpenAI(base_url="https://llm-gw.corp.example/v1")\nc = OpenAI()\n';
    const r = engine.analyze('a.py', text);
    assert.deepEqual(engine.evaluate(r.endpoints, policy).map((f) => f.ruleId), ['LLMC003', 'LLMC006']);
  });
});

