// Bedrock resources a CDK stack declares: an agent's foundation model and a knowledge base's
// embeddings model run in the stack's region (unknown unless the scan can see it, said so);
// a cross-region inference profile's geoRegion decides where its prompts are processed.
import * as assert from 'node:assert/strict';
import { Engine, formatOf, placeEnv, scopedEnv, setsValuesOnly } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';

const engine = new Engine();

function endpoints(file: string, text: string): Endpoint[] {
  return engine.analyze(file, text, { force: true }).endpoints;
}

/** Files analysed as the workspace passes do: first the values each sets, then each with the values that reach it. */
function workspace(files: Record<string, string>): Endpoint[] {
  const first = Object.entries(files).map(([file, text]) => engine.analyze(file, text, { env: () => ({ state: 'unset' }), force: setsValuesOnly(formatOf(file)) }));
  const code = Object.keys(files).filter((f) => formatOf(f)?.kind === 'code');
  const lookup = scopedEnv(placeEnv(first.flatMap((r) => r.env), code, []));
  return Object.entries(files).flatMap(([file, text]) => engine.analyze(file, text, { env: lookup(file) }).endpoints);
}

/** The endpoint reported on the line that contains `marker`. */
function at(found: Endpoint[], text: string, marker: string): Endpoint {
  const line = text.split('\n').findIndex((l) => l.includes(marker)) + 1;
  const hit = found.find((e) => text.slice(0, e.range.start).split('\n').length === line);
  assert.ok(hit, `an endpoint on line ${line} (${marker}); found ${found.map((e) => text.slice(0, e.range.start).split('\n').length).join(', ')}`);
  return hit;
}

const TS_STACK = `import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { bedrock } from '@cdklabs/generative-ai-cdk-constructs';

export class LibraryStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const shelf = new bedrock.VectorKnowledgeBase(this, 'Shelf', {
      embeddingsModel: bedrock.BedrockFoundationModel.TITAN_EMBED_TEXT_V2_1024,
      instruction: 'Answer from the catalogue of the library.',
    });
    new bedrock.Agent(this, 'Librarian', {
      foundationModel: bedrock.BedrockFoundationModel.AMAZON_NOVA_PRO_V1,
      instruction: 'Help readers find books.',
      knowledgeBases: [shelf],
    });
  }
}
`;

const PY_STACK = `from aws_cdk import Stack
from constructs import Construct
from cdklabs.generative_ai_cdk_constructs import bedrock
from aws_cdk import aws_bedrock_alpha as alpha


class ClaimsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        kb = bedrock.KnowledgeBase(self, "Policies",
            embeddings_model=bedrock.BedrockFoundationModel.COHERE_EMBED_MULTILINGUAL_V3)
        alpha.Agent(self, "Adjuster",
            foundation_model=alpha.BedrockFoundationModel.AMAZON_NOVA_LITE_V1,
            instruction="Sort insurance claims.")
`;

describe('AWS CDK Bedrock constructs', () => {
  it('reports an agent and a knowledge base in a TypeScript stack as Bedrock uses in the unknown stack region', () => {
    const found = endpoints('lib/library-stack.ts', TS_STACK);
    assert.equal(found.length, 2);
    for (const marker of ['new bedrock.VectorKnowledgeBase', 'new bedrock.Agent']) {
      const e = at(found, TS_STACK, marker);
      assert.equal(e.provider, 'aws-bedrock');
      assert.equal(e.region, null);
      assert.equal(e.euResident, null);
      assert.match(e.unknown ?? '', /stack's region is chosen when the CDK app is deployed/);
    }
  });

  it('reports the same constructs in a Python stack (generative-ai-cdk-constructs and aws_bedrock_alpha)', () => {
    const found = endpoints('stacks/claims_stack.py', PY_STACK);
    assert.deepEqual(found.map((e) => e.provider), ['aws-bedrock', 'aws-bedrock']);
    assert.equal(at(found, PY_STACK, 'bedrock.KnowledgeBase(').region, null);
    assert.equal(at(found, PY_STACK, 'alpha.Agent(').euResident, null);
  });

  it('judges an L1 CfnAgent by the inference profile in its model id', () => {
    const text = `import * as bedrock from 'aws-cdk-lib/aws-bedrock';
new bedrock.CfnAgent(stack, 'Triage', { agentName: 'triage', foundationModel: 'us.anthropic.claude-3-5-haiku-20241022-v1:0' });
new bedrock.CfnAgent(stack, 'Local', { agentName: 'local', foundationModel: 'anthropic.claude-3-5-haiku-20241022-v1:0' });
`;
    const found = endpoints('lib/agents.ts', text);
    assert.equal(at(found, text, "'Triage'").euResident, false);
    assert.equal(at(found, text, "'Local'").euResident, null);
  });

  it('takes the geography of a cross-region inference profile from geoRegion, reported there', () => {
    const text = `import * as bedrock from '@aws-cdk/aws-bedrock-alpha';
const model = bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0;
const anywhere = bedrock.CrossRegionInferenceProfile.fromConfig({
  geoRegion: bedrock.CrossRegionInferenceProfileRegion.GLOBAL,
  model,
});
const europe = bedrock.CrossRegionInferenceProfile.fromConfig({
  geoRegion: bedrock.CrossRegionInferenceProfileRegion.EU,
  model,
});
const states = bedrock.CrossRegionInferenceProfile.fromConfig({
  geoRegion: bedrock.CrossRegionInferenceProfileRegion.US_GOV,
  model,
});
`;
    const found = endpoints('lib/profiles.ts', text);
    assert.equal(found.length, 3);
    const global = at(found, text, 'Region.GLOBAL');
    assert.deepEqual([global.region, global.euResident], ['global', false]);
    const eu = at(found, text, 'Region.EU');
    assert.deepEqual([eu.region, eu.euResident, eu.location?.id], [null, true, 'profile:eu']);
    const gov = at(found, text, 'Region.US_GOV');
    assert.deepEqual([gov.euResident, gov.location?.id], [false, 'profile:us-gov']);
    // The fix names the EU member of the same enum; the EU profile needs none.
    const edit = global.euFix?.edits[0];
    assert.ok(edit);
    assert.equal(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), text.replace('Region.GLOBAL', 'Region.EU'));
    assert.equal(eu.euFix, undefined);
  });

  it('reads from_config(geo_region=...) in Python', () => {
    const text = `from cdklabs.generative_ai_cdk_constructs import bedrock
profile = bedrock.CrossRegionInferenceProfile.from_config(
    geo_region=bedrock.CrossRegionInferenceProfileRegion.APAC,
    model=bedrock.BedrockFoundationModel.AMAZON_NOVA_MICRO_V1)
`;
    const e = at(endpoints('stack.py', text), text, 'geo_region=');
    assert.deepEqual([e.euResident, e.location?.id], [false, 'profile:apac']);
  });

  it('leaves classes of the same name from other packages alone', () => {
    const text = `import { Agent, KnowledgeBase } from './domain';
const a = new Agent(this, 'Agent', { foundationModel: 'anything' });
const k = new KnowledgeBase(this, 'Kb', { embeddingsModel: 'anything' });
`;
    assert.deepEqual(endpoints('lib/domain-stack.ts', text), []);
  });

  it('takes the region of the stack from the app in bin/, and says where it is set', () => {
    const app = `import * as cdk from 'aws-cdk-lib';
import { LibraryStack } from '../lib/library-stack';
const app = new cdk.App();
new LibraryStack(app, 'Library', { env: { account: '111122223333', region: 'eu-west-3' } });
`;
    const found = workspace({ 'bin/library.ts': app, 'lib/library-stack.ts': TS_STACK });
    const agent = at(found.filter((e) => e.file === 'lib/library-stack.ts'), TS_STACK, 'new bedrock.Agent');
    assert.deepEqual([agent.region, agent.euResident], ['eu-west-3', true]);
    assert.deepEqual(agent.env?.map((x) => `${x.file}:${x.line}`), ['bin/library.ts:4']);
  });

  it('keeps the region unknown when the app deploys to CDK_DEFAULT_REGION (Python app, cdk.Environment)', () => {
    const app = `import os
import aws_cdk as cdk
from stacks.claims_stack import ClaimsStack

app = cdk.App()
ClaimsStack(app, "Claims", env=cdk.Environment(account=os.getenv("CDK_DEFAULT_ACCOUNT"), region=os.getenv("CDK_DEFAULT_REGION")))
app.synth()
`;
    const found = workspace({ 'app.py': app, 'stacks/claims_stack.py': PY_STACK });
    const agent = at(found.filter((e) => e.file === 'stacks/claims_stack.py'), PY_STACK, 'alpha.Agent(');
    assert.deepEqual([agent.region, agent.euResident], [null, null]);
    assert.match(agent.unknown ?? '', /app\.py:6/);
    // A literal region in the same kind of app decides.
    const eu = workspace({ 'app.py': app.replace('os.getenv("CDK_DEFAULT_REGION")', '"eu-north-1"'), 'stacks/claims_stack.py': PY_STACK });
    assert.equal(at(eu.filter((e) => e.file === 'stacks/claims_stack.py'), PY_STACK, 'alpha.Agent(').region, 'eu-north-1');
  });

  it('gives no stack the region of another stack of the same app: with stacks in different regions, unknown', () => {
    const app = `import * as cdk from 'aws-cdk-lib';
import { LibraryStack } from '../lib/library-stack';
import { WebStack } from '../lib/web-stack';

const app = new cdk.App();
new WebStack(app, 'Web', { env: { region: 'eu-west-1' } });
new LibraryStack(app, 'Library');
`;
    const found = workspace({ 'bin/app.ts': app, 'lib/library-stack.ts': TS_STACK });
    const agent = at(found, TS_STACK, 'bedrock.Agent(');
    assert.deepEqual([agent.region, agent.euResident], [null, null]);
    // All stacks in one region: that region.
    const one = workspace({ 'bin/app.ts': app.replace("new LibraryStack(app, 'Library');", "new LibraryStack(app, 'Library', { env: { region: 'eu-west-1' } });"), 'lib/library-stack.ts': TS_STACK });
    assert.equal(at(one, TS_STACK, 'bedrock.Agent(').region, 'eu-west-1');
  });

  it('does not give one app\'s stack region to the stacks of another app', () => {
    const app = `import * as cdk from 'aws-cdk-lib';
new cdk.Stack(new cdk.App(), 'Other', { env: { region: 'us-east-1' } });
`;
    const found = workspace({ 'other-app/bin/other.ts': app, 'library/lib/library-stack.ts': TS_STACK });
    assert.equal(at(found.filter((e) => e.file === 'library/lib/library-stack.ts'), TS_STACK, 'new bedrock.Agent').region, null);
  });

  it('gives an agent whose model is a cross-region inference profile that profile\'s geography', () => {
    const text = `import * as bedrock from '@aws-cdk/aws-bedrock-alpha';
const cris = bedrock.CrossRegionInferenceProfile.fromConfig({
  geoRegion: bedrock.CrossRegionInferenceProfileRegion.US,
  model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
});
new bedrock.Agent(this, 'Planner', { foundationModel: cris, instruction: 'Plan trips.' });
new bedrock.Agent(this, 'Writer', { foundationModel: bedrock.BedrockFoundationModel.AMAZON_NOVA_LITE_V1, instruction: 'Write.' });
`;
    const found = endpoints('lib/agents.ts', text);
    const planner = at(found, text, "'Planner'");
    assert.deepEqual([planner.euResident, planner.location?.id], [false, 'profile:us']);
    assert.equal(at(found, text, "'Writer'").euResident, null);
  });

  it('passes an inference profile id set in a Lambda environment on to the Bedrock client that reads it', () => {
    const stack = `import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as bedrock from '@aws-cdk/aws-bedrock-alpha';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { AgentFunction } from '../constructs/agent-function';

export class ForecastStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const profile = bedrock.CrossRegionInferenceProfile.fromConfig({
      geoRegion: bedrock.CrossRegionInferenceProfileRegion.GLOBAL,
      model: bedrock.BedrockFoundationModel.ANTHROPIC_CLAUDE_3_5_SONNET_V2_0,
    });
    new AgentFunction(this, 'Forecaster', {
      entry: path.join(__dirname, '..', 'functions', 'forecast'),
      runtime: Runtime.PYTHON_3_12,
      environment: { FORECAST_MODEL: profile.inferenceProfileId },
    });
  }
}
`;
    const handler = `import os
from strands.models import BedrockModel

model = BedrockModel(model_id=os.environ["FORECAST_MODEL"])
`;
    const found = workspace({ 'infra/stacks/forecast-stack.ts': stack, 'infra/functions/forecast/handler.py': handler });
    const client = at(found.filter((e) => e.file === 'infra/functions/forecast/handler.py'), handler, 'BedrockModel(');
    assert.deepEqual([client.euResident, client.model], [false, 'global.*']);
    assert.deepEqual(client.env?.map((x) => `${x.file}:${x.line}`), ['infra/stacks/forecast-stack.ts:17']);
    // The same code without the stack: the model id is not known.
    const alone = at(workspace({ 'infra/functions/forecast/handler.py': handler }), handler, 'BedrockModel(');
    assert.equal(alone.euResident, null);
  });
});
