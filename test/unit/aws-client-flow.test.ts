// How the AWS Bedrock region reaches a model class in Python that is handed a client built
// elsewhere in the file (LangChain's `client=`): the class sends its prompts through that
// client, so it is a use of its own in the client's region, and its model id may name an
// inference profile that moves processing out of that region (issue 11, holdout-3).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { scan } from '../../src/cli/scan';
import { Engine } from '../../src/core/engine';
import { tempWorkspace } from '../support/cli';
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

describe('AWS client flow: a region a script passes its own class from a command-line option', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** `line region` (or `line ? why`) of each endpoint the CLI finds in `runner.py`. */
  async function placedIn(text: string): Promise<string[]> {
    const dir = tempWorkspace({ 'runner.py': text });
    made.push(dir);
    const { endpoints } = await scan(['.'], { cwd: dir, today: '2026-12-03' });
    return endpoints.map((e) => `${lineAt(text, e.range.start)} ${e.region ?? `? ${e.unknown ?? ''}`}`);
  }
  const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

  const script = (option: string, guard = 'if __name__ == "__main__":\n    main()'): string => [
    'import argparse',
    'import boto3',
    '',
    'class Replayer:',
    '    def __init__(self, source, region="ap-south-1"):',
    '        self.source = source',
    '        self.region = region',
    '        self.runtime = boto3.client(',
    '            service_name="bedrock-runtime",',
    '            region_name=self.region,',
    '        )',
    '',
    'def read_options():',
    '    p = argparse.ArgumentParser()',
    '    p.add_argument("--source", required=True)',
    `    ${option}`,
    '    return p.parse_args()',
    '',
    'def main():',
    '    opts = read_options()',
    '    Replayer(source=opts.source, region=opts.aws_region).runtime',
    '',
    guard,
  ].join('\n');

  it('reads the option\'s default where the file runs as a program that builds the class itself', async () => {
    const text = script('p.add_argument("--aws-region", "-r", default="eu-south-1", help="where to call")');
    assert.deepEqual(await placedIn(text), [`${lineOf(text, 'region_name=self.region')} eu-south-1`]);
  });

  it('follows the option to its `dest=` name, and stays unknown when the option has no default', async () => {
    const named = script('p.add_argument("--target", dest="aws_region", default="eu-west-1")');
    assert.deepEqual(await placedIn(named), [`${lineOf(named, 'region_name=self.region')} eu-west-1`]);
    const bare = script('p.add_argument("--aws-region")');
    const [only] = await placedIn(bare);
    assert.match(only!, /^10 \? .*--aws-region/);
  });

  it('follows an attribute read in another method only while __init__ is the one place that writes it', async () => {
    const lazy = [
      'import boto3',
      '',
      'class Speaker:',
      '    def __init__(self, region="eu-west-3"):',
      '        self.region = region',
      '        self.client = None',
      '',
      '    def connect(self):',
      '        self.client = boto3.client("bedrock-runtime", region_name=self.region)',
      '',
      'if __name__ == "__main__":',
      '    Speaker().connect()',
    ].join('\n');
    assert.deepEqual(await placedIn(lazy), ['9 eu-west-3']);
    const moved = lazy.replace('        self.client = None', '        self.client = None\n\n    def move(self):\n        self.region = "us-west-2"');
    const [only] = await placedIn(moved);
    assert.match(only!, /^12 \? /);
  });

  it('keeps the class\'s region unknown in a module that does not run as a program (it may be a library\'s entry)', async () => {
    const text = script('p.add_argument("--aws-region", default="eu-south-1")', '');
    const [only] = await placedIn(text);
    assert.match(only!, /^10 \? /);
  });
});
