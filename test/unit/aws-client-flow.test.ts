// How the AWS Bedrock region reaches a model class in Python that is handed a client built
// elsewhere in the file (LangChain's `client=`): the class sends its prompts through that
// client, so it is a use of its own in the client's region, and its model id may name an
// inference profile that moves processing out of that region (issue 11, holdout-3).
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import { bedrock, brief, found, lineOf } from '../support/found';

const engine = new Engine();

describe('AWS client flow: a model class handed a client held in a variable', () => {
  it('reports the model class at its own call, in the region of the client it is handed, beside the client', () => {
    const text = [
      'import boto3',
      'from botocore.config import Config',
      'from langchain_aws import ChatBedrockConverse',
      '',
      'runtime = boto3.client("bedrock-runtime", config=Config(region_name="eu-west-3", retries={"max_attempts": 2}))',
      'runtime.apply_guardrail(guardrailIdentifier="g", guardrailVersion="1", source="INPUT", content=[])',
      '',
      'chat = ChatBedrockConverse(',
      '    model="anthropic.claude-3-haiku-20240307-v1:0",',
      '    client=runtime,',
      ')',
    ].join('\n');
    const got = found('agent.py', text);
    assert.deepEqual(brief(got), [bedrock(lineOf(text, 'Config(region_name'), 'eu-west-3'), bedrock(lineOf(text, 'chat = '), 'eu-west-3')]);
    assert.match(got[1]!.via, /^ChatBedrockConverse\(\): client=runtime, boto3\.client\(\)/);
  });

  it('gives each model class that shares one client its own use, inside a function with other definitions between', () => {
    const text = [
      'import boto3',
      'from langchain_aws import ChatBedrockConverse',
      'from langchain_aws.embeddings.bedrock import BedrockEmbeddings',
      '',
      'def build():',
      '    rt = boto3.client("bedrock-runtime", region_name="eu-central-1")',
      '    llm = ChatBedrockConverse(model="amazon.nova-lite-v1:0", client=rt)',
      '',
      '    def load(path: str = "rows.csv"):',
      '        return open(path).read()',
      '',
      '    vectors = BedrockEmbeddings(client=rt, model_id="amazon.titan-embed-text-v2:0")',
      '    return llm, vectors, load',
    ].join('\n');
    assert.deepEqual(brief(found('rag.py', text)), [
      bedrock(lineOf(text, 'rt = '), 'eu-central-1'),
      bedrock(lineOf(text, 'llm = '), 'eu-central-1'),
      bedrock(lineOf(text, 'vectors = '), 'eu-central-1'),
    ]);
  });

  it('follows a client a boto3 Session in a variable makes', () => {
    const text = [
      'import boto3',
      'from langchain_aws import ChatBedrock',
      'session = boto3.Session(region_name="eu-north-1")',
      'rt = session.client("bedrock-runtime")',
      'model = ChatBedrock(model_id="mistral.mistral-large-2402-v1:0", client=rt)',
    ].join('\n');
    assert.deepEqual(brief(found('app.py', text)), [bedrock(3, 'eu-north-1'), bedrock(5, 'eu-north-1')]);
  });

  it('judges the model class by its own model id: a global. profile leaves the EU although the client is in an EU region', () => {
    const text = [
      'import boto3',
      'from langchain_aws import ChatBedrockConverse',
      'rt = boto3.client("bedrock-runtime", region_name="eu-central-1")',
      'llm = ChatBedrockConverse(model="global.anthropic.claude-sonnet-4-20250514-v1:0", client=rt)',
    ].join('\n');
    const eu = (text: string): (boolean | null)[] => euOf('app.py', text);
    assert.deepEqual(eu(text), [true, false]);
    // The same class given the EU profile stays in the EU.
    assert.deepEqual(eu(text.replace('global.anthropic', 'eu.anthropic')), [true, true]);
  });
});

describe('AWS client flow: where the client alone is the use', () => {
  it('keeps one use when the client is built inside the model class call', () => {
    const text = [
      'import boto3',
      'from langchain_aws import ChatBedrockConverse',
      'llm = ChatBedrockConverse(model="amazon.nova-pro-v1:0", client=boto3.client("bedrock-runtime", region_name="eu-west-1"))',
    ].join('\n');
    assert.deepEqual(brief(found('app.py', text)), [bedrock(3, 'eu-west-1')]);
  });
});

/** The EU verdict of each endpoint of one file, in order. */
function euOf(file: string, text: string): (boolean | null)[] {
  return engine.analyze(file, text).endpoints.map((e) => e.euResident);
}
