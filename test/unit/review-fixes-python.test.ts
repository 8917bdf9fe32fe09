// Fail-closed fixes from the review of issue 11: an env variable a file sets after a use whose
// order the file does not tell (a JS/TS function or arrow, a Python lambda) is reported with
// both values; langchain-google-genai's project= does not select Vertex AI when vertexai=False
// or GOOGLE_GENAI_USE_VERTEXAI=false switches it off; a GenerativeModel takes the location of a
// vertexai.init only when that init runs first (top level, written before it).
import * as assert from 'node:assert/strict';
import { bedrock, brief, found, lineOf, notebook, vertex, type Found } from '../support/found';

describe('review fixes: an env variable set after a use whose order the file does not tell', () => {
  const js = [
    'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";',
    'function make() {',
    '  return new BedrockRuntimeClient({});',
    '}',
    'process.env.AWS_REGION = "us-east-1";',
    'const client = make();',
    '',
  ].join('\n');

  it('a JS function: reported once with the file\'s value and once with the workspace\'s', () => {
    const list = found('app.js', js, { AWS_REGION: 'eu-central-1' });
    assert.deepEqual(brief(list), [bedrock(3, 'us-east-1'), bedrock(3, 'eu-central-1')]);
    assert.match(list[0]!.via, /app\.js:5/);
    assert.match(list[1]!.via, /\.env:1/);
  });

  it('without a workspace value: the file\'s value, and the variable left unset', () => {
    assert.deepEqual(brief(found('app.js', js)), [bedrock(3, 'us-east-1'), bedrock(3, null)]);
  });

  it('the same value in the file and the workspace is one endpoint', () => {
    assert.deepEqual(brief(found('app.js', js, { AWS_REGION: 'us-east-1' })), [bedrock(3, 'us-east-1')]);
  });

  it('a TypeScript arrow function', () => {
    const ts = [
      'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";',
      'const make = () => new BedrockRuntimeClient({});',
      'process.env.AWS_REGION = "us-east-1";',
      'export const client = make();',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('app.ts', ts, { AWS_REGION: 'eu-central-1' })), [bedrock(2, 'us-east-1'), bedrock(2, 'eu-central-1')]);
  });

  it('a Python lambda, also inside a dict or a call\'s arguments', () => {
    const py = [
      'import os',
      'from anthropic import AnthropicBedrock',
      'make = lambda: AnthropicBedrock()',
      'makers = {"a": 1, "b": lambda: AnthropicBedrock()}',
      'later = run(lambda region, retries: AnthropicBedrock())',
      'os.environ["AWS_REGION"] = "us-east-1"',
      'client = make()',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('lam.py', py, { AWS_REGION: 'eu-central-1' })), [
      bedrock(3, 'us-east-1'), bedrock(3, 'eu-central-1'),
      bedrock(4, 'us-east-1'), bedrock(4, 'eu-central-1'),
      bedrock(5, 'us-east-1'), bedrock(5, 'eu-central-1'),
    ]);
  });

  it('Python top-level code keeps its order; a def written before the assignment may run before or after it: both values', () => {
    const py = [
      'import os',
      'from anthropic import AnthropicBedrock',
      'early = AnthropicBedrock()',
      'pair = (lambda: 1), AnthropicBedrock()',
      'def later():',
      '    return AnthropicBedrock()',
      'os.environ["AWS_REGION"] = "us-east-1"',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('a.py', py, { AWS_REGION: 'eu-central-1' })), [bedrock(3, 'eu-central-1'), bedrock(4, 'eu-central-1'), bedrock(6, 'us-east-1'), bedrock(6, 'eu-central-1')]);
  });
});

describe('review fixes: langchain-google-genai project= with Vertex AI switched off', () => {
  const embeddings = (extra: string): string => [
    'from langchain_google_genai import GoogleGenerativeAIEmbeddings',
    `emb = GoogleGenerativeAIEmbeddings(model="gemini-embedding-001", project="my-proj", location="europe-west4"${extra})`,
    '',
  ].join('\n');
  const chat = (extra: string): string => [
    'from langchain_google_genai import ChatGoogleGenerativeAI',
    `llm = ChatGoogleGenerativeAI(model="gemini-2.5-flash", project="my-proj", location="europe-west4"${extra})`,
    '',
  ].join('\n');
  const providers = (file: string, text: string, env: Record<string, string> = {}): (string | null)[] => found(file, text, env).map((e) => e.provider);

  it('vertexai=False keeps the Gemini Developer API, for the embeddings and the chat class', () => {
    assert.deepEqual(providers('a.py', embeddings(', vertexai=False')), ['google-gemini-api']);
    assert.deepEqual(providers('c.py', chat(', vertexai=False')), ['google-gemini-api']);
  });

  it('GOOGLE_GENAI_USE_VERTEXAI=false in the workspace does too', () => {
    assert.deepEqual(providers('b.py', embeddings(''), { GOOGLE_GENAI_USE_VERTEXAI: 'false' }), ['google-gemini-api']);
    assert.deepEqual(providers('c.py', chat(''), { GOOGLE_GENAI_USE_VERTEXAI: '0' }), ['google-gemini-api']);
  });

  it('still Vertex AI with project= alone, or with the switch on', () => {
    assert.deepEqual(brief(found('b.py', embeddings(''))), [vertex(2, 'europe-west4')]);
    assert.deepEqual(brief(found('c.py', chat(''))), [vertex(2, 'europe-west4')]);
    assert.deepEqual(brief(found('c.py', chat(''), { GOOGLE_GENAI_USE_VERTEXAI: 'true' })), [vertex(2, 'europe-west4')]);
    assert.deepEqual(brief(found('c.py', chat(', vertexai=True'), { GOOGLE_GENAI_USE_VERTEXAI: 'false' })), [vertex(2, 'europe-west4')]);
  });
});

describe('review fixes: vertexai.init counts only where it surely runs before the model', () => {
  const model = (before: string[], after: string[] = []): string => [
    'import vertexai',
    'from vertexai.generative_models import GenerativeModel',
    ...before,
    'model = GenerativeModel("gemini-1.5-pro")',
    ...after,
    '',
  ].join('\n');
  const modelOf = (file: string, text: string): Found & { unknown?: string } => {
    const e = found(file, text).find((x) => x.line === lineOf(text, 'model = '));
    assert.ok(e, 'the model is reported');
    return e;
  };

  it('an init in a function (which may never be called) leaves the location unknown', () => {
    const e = modelOf('a.py', model(['def use_eu():', '    vertexai.init(project="p", location="europe-west4")']));
    assert.equal(e.region, null);
    assert.match(e.unknown ?? '', /only inside a function or class or after this client/);
  });

  it('an init after the model, or in a class body, leaves it unknown', () => {
    assert.equal(modelOf('a.py', model([], ['vertexai.init(project="p", location="europe-west4")'])).region, null);
    assert.equal(modelOf('a.py', model(['class Setup:', '    vertexai.init(project="p", location="europe-west4")'])).region, null);
  });

  it('a top-level init before the model still gives it the location, also in an earlier notebook cell', () => {
    assert.equal(modelOf('a.py', model(['if True:', '    vertexai.init(project="p", location="europe-west4")'])).region, 'europe-west4');
    const cells = [
      ['import vertexai', 'vertexai.init(project="p", location="europe-west4")'],
      ['from vertexai.generative_models import GenerativeModel', 'model = GenerativeModel("gemini-1.5-pro")'],
    ];
    assert.equal(modelOf('n.ipynb', notebook(cells)).region, 'europe-west4');
    assert.equal(modelOf('n.ipynb', notebook([cells[1]!, cells[0]!])).region, null);
  });
});
