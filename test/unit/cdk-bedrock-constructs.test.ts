// Bedrock resources a CDK stack declares: an agent's foundation model and a knowledge base's
// embeddings model run in the stack's region (unknown unless the scan can see it, said so);
// a cross-region inference profile's geoRegion decides where its prompts are processed.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';

const engine = new Engine();

function endpoints(file: string, text: string): Endpoint[] {
  return engine.analyze(file, text, { force: true }).endpoints;
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
});
