// An AWS CDK app as a source of env values: a Lambda function's `environment` reaches the
// code of its asset folder (and no other), a value taken from the CDK context is the app's
// cdk.json value, and a value taken from a construct's props that no construction passes stays
// unknown, said plainly (cdk-props-flow.test.ts follows props that constructions pass).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toJson } from '../../src/cli/report';
import { scan } from '../../src/cli/scan';
import { Engine, formatOf, placeEnv, scopedEnv, setsValuesOnly, type EnvDefinition } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import type { WorkspaceIndex } from '../../src/core/workspace';
import { indexFolder } from '../support/workspace-scan';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = 'test/fixtures/cdk-environment';
const TODAY = '2026-12-01';
const engine = new Engine();

/** Each code endpoint: where, the region, and the lines its value comes from (with the setting behind them). */
function answers(endpoints: Endpoint[]): string[] {
  return endpoints
    .filter((e) => formatOf(e.file)?.kind === 'code')
    .map((e) => `${e.file}:${e.range.start} ${e.region} <- ${(e.env ?? []).map((x) => `${x.file}:${x.line}${x.through ? ` (${x.through})` : ''}`).join(', ')}`)
    .sort();
}

function indexOf(folder: string): WorkspaceIndex {
  return indexFolder(path.join(ROOT, folder), engine, TODAY);
}

function byLine(endpoints: Endpoint[], file: string, text: string): Endpoint {
  const source = fs.readFileSync(path.join(ROOT, FIXTURE, file), 'utf8');
  const line = source.split('\n').findIndex((l) => l.includes(text)) + 1;
  const found = endpoints.find((e) => e.file === file && source.slice(0, e.range.start).split('\n').length === line);
  assert.ok(found, `an endpoint at ${file}:${line}`);
  return found;
}

/** One CDK file and one Python file, analysed as the workspace passes do. */
function analyseTogether(files: Record<string, string>): Endpoint[] {
  const first = Object.entries(files).map(([file, text]) => engine.analyze(file, text, { env: () => ({ state: 'unset' }), force: setsValuesOnly(formatOf(file)) }));
  const code = Object.keys(files).filter((f) => formatOf(f)?.kind === 'code');
  const lookup = scopedEnv(placeEnv(first.flatMap((r) => r.env), code, []));
  return Object.entries(files).flatMap(([file, text]) => engine.analyze(file, text, { env: lookup(file) }).endpoints);
}

describe('AWS CDK Lambda environment', () => {
  it('gives the code of each function its environment, the CDK context behind it, and nothing to other folders', async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    const got = cli.endpoints.filter((e) => formatOf(e.file)?.kind === 'code');
    assert.equal(byLine(got, 'service/app/handler.py', 'chat =').region, 'eu-central-1');
    assert.deepEqual(byLine(got, 'service/app/handler.py', 'chat =').env?.map((x) => `${x.file}:${x.line} ${x.through}`),
      ['infra/lib/chat-stack.ts:21 CDK context inferenceRegion in infra/cdk.json:4']);
    assert.equal(byLine(got, 'service/app/handler.py', 'embeddings =').region, 'eu-west-3');
    // The container's own value, not the chat function's.
    assert.equal(byLine(got, 'worker/job.py', 'runtime =').region, 'eu-north-1');
    // Code no function deploys keeps its default, and says where the variable is set instead.
    const local = byLine(got, 'scripts/local.py', 'runtime =');
    assert.equal(local.region, 'us-east-1');
    assert.match(local.via, /set only for other folders' code, in infra\/lib\/chat-stack\.ts:21, infra\/lib\/chat-stack\.ts:31\)/);
    // The inline function sets ap-southeast-2 for no workspace code.
    assert.ok(!got.some((e) => e.region === 'ap-southeast-2'));
  });

  it('keeps a value the CDK code takes from its props unknown, and says which line sets it', async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    const summary = byLine(cli.endpoints, 'service/app/handler.py', 'summary =');
    assert.equal(summary.region, null);
    assert.equal(summary.euResident, null);
    // The stack's props are followed to its constructions: this fixture has none, and says so.
    assert.match(summary.unknown ?? '', /SUMMARY_REGION, which infra\/lib\/chat-stack\.ts:22, from props\.summaryRegion of ChatStack \(not known: no construction of ChatStack is in the scanned CDK code\) sets to a value not known here/);
    // The code's default "us-east-1" does not run there: the function always sets the variable.
    assert.ok(!cli.endpoints.some((e) => e.file === 'service/app/handler.py' && e.region === 'us-east-1'));
    // The JSON report shows the unknown part for people to read, never the engine's marker.
    const json = JSON.stringify(toJson(cli));
    assert.ok(json.includes('"name":"SUMMARY_REGION","value":"…"'), json);
    assert.ok(!json.includes('\\u0000'));
  });

  it("gives the CLI's answers in the editor's workspace index", async () => {
    const cli = await scan(['.'], { cwd: path.join(ROOT, FIXTURE), today: TODAY });
    const index = answers(indexOf(FIXTURE).results().endpoints);
    assert.deepEqual(index, answers(cli.endpoints));
    assert.ok(index.some((a) => a.includes('eu-central-1 <- infra/lib/chat-stack.ts:21 (CDK context inferenceRegion in infra/cdk.json:4)')), index.join('\n'));
  });

  it('follows an edit of cdk.json in the index to the code of the function', () => {
    const index = indexOf(FIXTURE);
    const chatRegion = (): string | null | undefined => byLine(index.results().endpoints, 'service/app/handler.py', 'chat =').region;
    assert.equal(chatRegion(), 'eu-central-1');
    const cdkJson = fs.readFileSync(path.join(ROOT, FIXTURE, 'infra/cdk.json'), 'utf8');
    index.set('infra/cdk.json', cdkJson.replace('"eu-central-1"', '"us-east-2"'));
    assert.equal(chatRegion(), 'us-east-2');
    index.set('infra/cdk.json', cdkJson.replace(/\s*"inferenceRegion": "eu-central-1",/, ''));
    // No context value: the default the CDK code writes beside tryGetContext.
    assert.equal(chatRegion(), 'us-west-2');
  });

  it('takes the default written beside tryGetContext when no cdk.json of the app sets the key', () => {
    const stack = [
      'import * as lambda from "aws-cdk-lib/aws-lambda";',
      'const region = app.node.tryGetContext("llmRegion") || "eu-west-1";',
      'new lambda.Function(stack, "Fn", {',
      '  code: lambda.Code.fromAsset(`${__dirname}/../fn`),',
      '  environment: { LLM_REGION: region },',
      '});',
    ].join('\n');
    const fn = 'import os, boto3\nc = boto3.client("bedrock-runtime", region_name=os.environ["LLM_REGION"])\n';
    const [endpoint] = analyseTogether({ 'cdk/cdk.json': '{ "context": { "otherKey": "us-east-2" } }', 'cdk/bin/app.ts': stack, 'cdk/fn/main.py': fn });
    assert.equal(endpoint?.region, 'eu-west-1');
    assert.match(endpoint?.via ?? '', /CDK context llmRegion, which no cdk\.json of the app sets, so the default in code/);
  });

  it("reads a CDK app's context only for the CDK code in its folder", () => {
    const stack = (dir: string): string => [
      'import { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";',
      `new NodejsFunction(this, "Fn", { entry: path.join(__dirname, "${dir}/index.ts"), environment: { LLM_REGION: this.node.tryGetContext("llmRegion") } });`,
    ].join('\n');
    const fn = 'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";\nexport const c = new BedrockRuntimeClient({ region: process.env.LLM_REGION });\n';
    const endpoints = analyseTogether({
      'a/cdk.json': '{ "context": { "llmRegion": "eu-west-1" } }',
      'a/lib/stack.ts': stack('../handler'),
      'a/handler/index.ts': fn,
      // b's app has no cdk.json setting the key: a's value must not reach it.
      'b/lib/stack.ts': stack('../handler'),
      'b/handler/index.ts': fn,
    });
    assert.equal(endpoints.find((e) => e.file === 'a/handler/index.ts')?.region, 'eu-west-1');
    const b = endpoints.find((e) => e.file === 'b/handler/index.ts');
    assert.equal(b?.region, null);
    assert.match(b?.unknown ?? '', /b\/lib\/stack\.ts:2, from CDK context llmRegion, which no cdk\.json of the app sets/);
  });

  it('sets nothing for inline code, for a class that is no CDK Lambda, or for a path it cannot place', () => {
    const defs = (text: string): EnvDefinition[] => engine.analyze('infra/stack.ts', text).env.filter((d) => d.name === 'LLM_REGION');
    const inline = 'import * as lambda from "aws-cdk-lib/aws-lambda";\nnew lambda.Function(this, "F", { code: lambda.Code.fromInline("x"), environment: { LLM_REGION: "eu-west-1" } });';
    assert.deepEqual(defs(inline), []);
    const mine = 'import { Function } from "./my-function";\nimport * as lambda from "aws-cdk-lib/aws-lambda";\nnew Function(this, "F", { code: lambda.Code.fromAsset(`${__dirname}/fn`), environment: { LLM_REGION: "eu-west-1" } });';
    assert.deepEqual(defs(mine), []);
    // A path relative to where the app runs: the value is real, but tied to no folder.
    const relative = 'import * as lambda from "aws-cdk-lib/aws-lambda";\nnew lambda.Function(this, "F", { code: lambda.Code.fromAsset("fn"), environment: { LLM_REGION: "eu-west-1" } });';
    assert.deepEqual(defs(relative).map((d) => d.scope), [{ kind: 'none' }]);
    const placed = 'import * as lambda from "aws-cdk-lib/aws-lambda";\nnew lambda.Function(this, "F", { code: lambda.Code.fromAsset(path.join(__dirname, "..", "fn")), environment: { LLM_REGION: "eu-west-1" } });';
    assert.deepEqual(defs(placed).map((d) => [d.value, d.scope]), [['eu-west-1', { kind: 'folder', dir: 'fn', by: 'CDK Lambda function "F"' }]]);
  });
});
