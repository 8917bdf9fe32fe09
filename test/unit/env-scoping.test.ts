// Env values reach only the code their file serves: dotenv files their folder (the nearest
// folder setting the variable wins; example files document the values), compose services
// their build context, workflows their working directory. Values tied to no code apply only
// where nothing tied sets the variable, and say so. The CLI and the editor's index agree.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { Engine, formatOf, placeEnv, scopedEnv, workspaceEnv, type EnvDefinition } from '../../src/core/engine';
import { isDocumentationEnv } from '../../src/core/env-scope';
import { baaAvailable } from '../../src/core/resolve/catalog-index';
import type { Endpoint, Finding } from '../../src/core/model';
import type { WorkspaceIndex } from '../../src/core/workspace';
import { indexFolder } from '../support/workspace-scan';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = 'test/fixtures/env-scoping';
const TODAY = '2026-12-01';
const engine = new Engine();

/** For each code file: the endpoints it resolves, each with the config lines its values come from. */
const EXPECTED: Record<string, string[]> = {
  'main.py': ['api.openai.com <- .env:2'],
  'projects/alpha/app.py': ['eu.api.openai.com <- projects/alpha/.env:1'],
  'projects/beta/app.ts': ['api.groq.com <- projects/beta/.env:1'],
  // gamma documents a value (example.env) nearer than the root's real .env: either may be what runs.
  'projects/gamma/agent.py': ['api.mistral.ai <- projects/gamma/example.env:2', 'api.openai.com <- .env:2'],
  'projects/delta/bot.py': ['api.openai.com <- .env:2'],
  'services/api/server.py': ['api.anthropic.com <- docker-compose.yml:7'],
  'services/api/summarize.py': ['bedrock-runtime.eu-central-1.amazonaws.com <- config/api.env:1'],
  'services/web/generate.py': ['europe-west4-aiplatform.googleapis.com <- docker-compose.yml:12'],
  'evals/run_eval.py': ['europe-west1-aiplatform.googleapis.com <- .github/workflows/eval.yml:10, .github/workflows/eval.yml:11'],
  'tools/batch.py': [
    'bedrock-runtime.eu-west-1.amazonaws.com <- deploy/staging.env:1 (unscoped)',
    'bedrock-runtime.us-east-1.amazonaws.com <- k8s/deployment.yaml:13 (unscoped)',
  ],
};

/** What each code file got, paths taken relative to the fixture (`prefix` is where it lies from the scan's folder). */
function answers(endpoints: Endpoint[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of endpoints) {
    const file = e.file.slice(prefix.length);
    const kind = formatOf(file)?.kind;
    if (kind !== 'code') continue;
    const sources = (e.env ?? []).map((x) => `${x.file.slice(prefix.length)}:${x.line}${x.unscoped ? ' (unscoped)' : ''}`).sort();
    (out[file] ??= []).push(`${e.host} <- ${sources.join(', ')}`);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

function indexOf(folder: string): WorkspaceIndex {
  return indexFolder(path.join(ROOT, folder), engine, TODAY);
}

const summary = (r: { endpoints: Endpoint[]; findings: Finding[] }) => ({
  endpoints: r.endpoints.map((e) => `${e.file} ${e.range.start} ${e.host} ${e.region} ${e.baaAvailable} ${e.via} ${JSON.stringify(e.env ?? [])}`).sort(),
  findings: r.findings.map((f) => `${f.file} ${f.range.start} ${f.ruleId}: ${f.message} ${JSON.stringify((f.related ?? []).map((x) => x.message).sort())}`).sort(),
});

describe('env scoping', () => {
  it('gives each code file the values that reach it, with their provenance, in the CLI scan', async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    assert.deepEqual(answers(cli.endpoints), EXPECTED);
  });

  it('answers the same when the scan runs from another folder (paths then start above the fixture)', async () => {
    const cli = await scan([FIXTURE], { cwd: ROOT, today: TODAY });
    assert.deepEqual(answers(cli.endpoints, `${FIXTURE}/`), EXPECTED);
  });

  it("gives the CLI's answers in the editor's workspace index", async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    const results = indexOf(FIXTURE).results();
    assert.deepEqual(answers(results.endpoints), EXPECTED);
    assert.deepEqual(summary(results), summary(cli));
  });

  it('lets a value set for a folder whose code never reads it reach no other folder', async () => {
    // projects/beta/.env sets AWS_REGION=us-west-2; only tools/ and services/api/ read AWS_REGION.
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    assert.deepEqual(cli.endpoints.filter((e) => e.region === 'us-west-2' || (e.env ?? []).some((x) => x.value === 'us-west-2')), []);
    assert.deepEqual(cli.findings.filter((f) => /us-west-2/.test(f.message) || (f.related ?? []).some((r) => /us-west-2/.test(r.message))), []);
  });

  it('says in a finding that a forked value comes from a file tied to no code', async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    const batch = cli.findings.filter((f) => f.file === 'tools/batch.py');
    assert.deepEqual(batch.map((f) => [f.ruleId, f.endpoint?.region]), [['LLMC002', 'us-east-1']]);
    assert.deepEqual(batch[0]?.related?.map((r) => r.message), ['AWS_REGION=us-east-1 is set here (unscoped: tied to no code folder, it applies workspace-wide)']);
  });

  it('follows edits in the index as a fresh index would: a removed .env leaves its example, new code ties a folder', () => {
    const index = indexOf(FIXTURE);
    index.delete('projects/alpha/.env');
    // With only the documentation file left in the folder, its value is the one the code is expected to get.
    assert.deepEqual(answers(index.results().endpoints)['projects/alpha/app.py'], ['api.openai.com <- projects/alpha/.env.example:2']);
    // Code in deploy/ ties deploy/staging.env to it: tools/ no longer gets that value.
    index.set('deploy/smoke.py', 'import boto3\nsmoke = boto3.client("bedrock-runtime")\n');
    const after = answers(index.results().endpoints);
    assert.deepEqual(after['tools/batch.py'], ['bedrock-runtime.us-east-1.amazonaws.com <- k8s/deployment.yaml:13 (unscoped)']);
    assert.deepEqual(after['deploy/smoke.py'], ['bedrock-runtime.eu-west-1.amazonaws.com <- deploy/staging.env:1']);
    const fresh = indexOf(FIXTURE);
    fresh.delete('projects/alpha/.env');
    fresh.set('deploy/smoke.py', 'import boto3\nsmoke = boto3.client("bedrock-runtime")\n');
    assert.deepEqual(summary(index.results()), summary(fresh.results()));
  });

  it('says when a variable is set only for other folders, and takes the default in code', () => {
    const placed = placeEnv([
      { name: 'OPENAI_BASE_URL', value: 'https://eu.api.openai.com/v1', file: 'api/.env', line: 1, scope: { kind: 'dotenv', dir: 'api' } },
    ], ['api/main.py', 'web/chat.py'], []);
    const text = 'import os\nfrom openai import OpenAI\na = OpenAI()\nb = OpenAI(base_url=os.getenv("OPENAI_BASE_URL", "https://api.openai.com/v1"))\n';
    const endpoints = engine.analyze('web/chat.py', text, { env: scopedEnv(placed)('web/chat.py') }).endpoints;
    assert.deepEqual(endpoints.map((e) => e.host), ['api.openai.com', 'api.openai.com']);
    for (const e of endpoints) assert.match(e.via, /set only for other folders' code, in api\/\.env:1/);
    // Its own folder's code gets the value (the default literal not taken is reported as a URL of its own, as ever).
    const own = engine.analyze('api/main.py', text, { env: scopedEnv(placed)('api/main.py') }).endpoints.filter((e) => e.sdk);
    assert.deepEqual(own.map((e) => e.host), ['eu.api.openai.com', 'eu.api.openai.com']);
  });

  it('reads which code a compose service and a workflow job reach, and leaves the rest untied', () => {
    const compose = [
      'services:',
      '  api:',
      '    build: { context: ../api }',
      '    env_file: [{ path: ./api.env, required: false }]',
      '    environment: { OPENAI_BASE_URL: "https://eu.api.openai.com/v1" }',
      '  db:',
      '    image: postgres',
      '    environment: ["OPENAI_BASE_URL=https://api.openai.com/v1"]',
    ].join('\n');
    const r = engine.analyze('ops/compose.yaml', compose, { force: true });
    assert.deepEqual(r.env.map((d) => [d.line, d.scope]), [[5, { kind: 'folder', dir: 'api', by: 'compose service api' }], [8, { kind: 'none' }]]);
    assert.deepEqual(r.envFiles, [{ file: 'ops/api.env', dir: 'api', by: 'compose service api' }]);
    const workflow = [
      'env: { LOC_A: europe-west1 }',
      'defaults: { run: { working-directory: app } }',
      'jobs:',
      '  one:',
      '    env: { LOC_B: europe-west1 }',
      '    steps:',
      '      - run: make',
      '        working-directory: ${{ matrix.dir }}',
      '        env: { LOC_C: europe-west1 }',
      '  two:',
      '    defaults: { run: { working-directory: ./tools/../cli } }',
      '    env: { LOC_D: europe-west1 }',
    ].join('\n');
    const w = engine.analyze('repo/.github/workflows/ci.yml', workflow, { force: true });
    assert.deepEqual(w.env.map((d) => [d.name, d.scope]), [
      ['LOC_A', { kind: 'folder', dir: 'repo/app', by: 'workflow' }],
      ['LOC_B', { kind: 'folder', dir: 'repo/app', by: 'workflow job one' }],
      ['LOC_C', { kind: 'none' }],
      ['LOC_D', { kind: 'folder', dir: 'repo/cli', by: 'workflow job two' }],
    ]);
  });

  it('reads example, sample and template env files as documentation of the values', () => {
    for (const name of ['.env.example', 'example.env', 'sample.env', '.env.sample', '.env.template', 'app/.env.dist']) {
      assert.equal(formatOf(name)?.kind, 'dotenv', name);
      assert.equal(isDocumentationEnv(name), true, name);
    }
    for (const name of ['.env', '.env.production', 'prod.env', 'examples/.env']) assert.equal(isDocumentationEnv(name), false, name);
  });

  it('never lets a documentation file hide a value that may really run: it forks with a real or an untied one', () => {
    const lookup = (defs: EnvDefinition[], file: string) => {
      const v = scopedEnv(defs)(file)('AWS_REGION');
      return v.state === 'conflict' ? v.values.map((x) => x.value).sort() : v.state === 'set' ? [v.value] : [];
    };
    const doc = { name: 'AWS_REGION', value: 'eu-central-1', file: '.env.example', line: 1, scope: { kind: 'dotenv' as const, dir: '', documentation: true as const } };
    const k8s = { name: 'AWS_REGION', value: 'us-east-1', file: 'deploy/deployment.yaml', line: 9, scope: { kind: 'none' as const } };
    assert.deepEqual(lookup([doc, k8s], 'src/main.py'), ['eu-central-1', 'us-east-1']);
    const real = { name: 'AWS_REGION', value: 'us-east-1', file: '.env', line: 1, scope: { kind: 'dotenv' as const, dir: '' } };
    const nearerDoc = { ...doc, file: 'app/.env.example', scope: { ...doc.scope, dir: 'app' } };
    assert.deepEqual(lookup([real, nearerDoc], 'app/main.py'), ['eu-central-1', 'us-east-1']);
    // A real file in the same folder wins over its own documentation.
    assert.deepEqual(lookup([{ ...real, file: 'app/.env', scope: { kind: 'dotenv' as const, dir: 'app' } }, nearerDoc], 'app/main.py'), ['us-east-1']);
  });

  it('gives an Azure OpenAI base URL read from the environment the same BAA answer however the code reads it', () => {
    const reads: [string, string][] = [
      ['a.py', 'import os\nfrom openai import AzureOpenAI\nc = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"])\n'],
      ['b.py', 'from openai import AzureOpenAI\nc = AzureOpenAI(api_version="2024-10-21")\n'],
      ['c.py', 'from semantic_kernel.connectors.ai.open_ai import AzureChatCompletion\nc = AzureChatCompletion()\n'],
      ['d.py', 'import os\nfrom langchain_openai import AzureChatOpenAI\nc = AzureChatOpenAI(azure_endpoint=os.getenv("AZURE_OPENAI_ENDPOINT"))\n'],
      ['e.ts', 'import { AzureOpenAI } from "openai";\nconst c = new AzureOpenAI({ endpoint: process.env.AZURE_OPENAI_ENDPOINT });\n'],
      ['F.cs', 'class F { void M() { var c = new AzureOpenAIClient(new Uri(Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT")!), cred); } }\n'],
    ];
    const judged = (env: EnvDefinition[]) => reads.map(([file, text]) => {
      const [e] = engine.analyze(file, text, { env: workspaceEnv(env) }).endpoints;
      return `${file}: ${e?.provider} ${e?.host} baa=${e?.baaAvailable} assumed=${e?.assumedProvider ?? false}`;
    });
    // What the catalog says of Azure OpenAI's BAA: a BAA covers the provider's service, whichever resource.
    const azureBaa = baaAvailable(engine.catalog.providers.find((p) => p.id === 'azure-openai')!.posture.baa);
    // Unknown where it runs: AZURE_OPENAI_ENDPOINT is read by Azure's SDKs alone, so the provider is
    // known (not assumed) and its BAA applies; the host stays unknown, in every file.
    assert.deepEqual(judged([]), reads.map(([f]) => `${f}: azure-openai null baa=${azureBaa} assumed=false`));
    // Set in the workspace: the host decides, the same in every file.
    const set = [{ name: 'AZURE_OPENAI_ENDPOINT', value: 'https://acme-swc.openai.azure.com/', file: '.env', line: 1 }];
    assert.deepEqual(judged(set), reads.map(([f]) => `${f}: azure-openai acme-swc.openai.azure.com baa=${azureBaa} assumed=false`));
 
    // Filled in where it runs (`${RESOURCE}`): an Azure host whose resource is unknown, for the compose line and its readers alike.
    const compose = engine.analyze('compose.yaml', 'services:\n  app:\n    build: .\n    environment:\n      AZURE_OPENAI_ENDPOINT: https://${AZURE_OPENAI_RESOURCE}.openai.azure.com\n', { force: true });
    assert.deepEqual(compose.endpoints.map((e) => `${e.provider} baa=${e.baaAvailable} assumed=${e.assumedProvider ?? false}`), [`azure-openai baa=${azureBaa} assumed=false`]);
    assert.deepEqual(judged(compose.env), reads.map(([f]) => `${f}: azure-openai null baa=${azureBaa} assumed=false`));
    // A workflow expression is as unknown as no value at all: the same answer as when nothing sets it.
    const workflow = engine.analyze('.github/workflows/ci.yml', 'jobs:\n  eval:\n    env:\n      AZURE_OPENAI_ENDPOINT: ${{ vars.AZURE_OPENAI_ENDPOINT }}\n', { force: true });
    assert.deepEqual(judged(workflow.env), reads.map(([f]) => `${f}: azure-openai null baa=${azureBaa} assumed=false`));
  });
});
