// Python patterns from real agent samples that the engine missed or misread: Vertex AI's
// GenerativeModel using the location of the file's vertexai.init, env values from env files
// reported where the code uses them, env variables a file sets reaching only code that runs
// after them (notebook cells in order, `%%writefile` cells as programs of their own), and a
// Bedrock model id that belongs to the client it is written in.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import { bedrock, brief, found, lineOf, notebook, vertex } from '../support/found';

const engine = new Engine();

describe('real-code gaps: Vertex AI GenerativeModel and vertexai.init', () => {
  it('GenerativeModel takes the location the same file passes to vertexai.init, reported at the model', () => {
    const text = [
      'import vertexai',
      'from vertexai.generative_models import GenerativeModel',
      'vertexai.init(project="acme", location="europe-west4")',
      'model = GenerativeModel("gemini-2.0-flash")',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('a.py', text)), [vertex(3, 'europe-west4'), vertex(4, 'europe-west4')]);
  });

  it('from_cached_content and the preview module are the same model class', () => {
    const text = [
      'from google.cloud import aiplatform',
      'from vertexai.preview.generative_models import GenerativeModel',
      'aiplatform.init(project="acme", location="europe-west1")',
      'def build(cache):',
      '    return GenerativeModel.from_cached_content(cached_content=cache)',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('a.py', text)), [vertex(3, 'europe-west1'), vertex(5, 'europe-west1')]);
  });

  it('without an init in any module of the workspace, the SDK default, saying so (another module\'s init: vertex-init-scope.test.ts)', () => {
    const [e] = found('a.py', ['from vertexai.generative_models import GenerativeModel', 'model = GenerativeModel("gemini-2.0-flash")', ''].join('\n'));
    assert.deepEqual({ line: e!.line, provider: e!.provider, region: e!.region }, vertex(2, 'us-central1'));
    assert.match(e!.via, /no module of the workspace calls vertexai\.init\(\)/);
  });

  it('inits that set different locations leave the model unknown', () => {
    const text = [
      'import vertexai',
      'from vertexai.generative_models import GenerativeModel',
      'vertexai.init(location="europe-west4")',
      'vertexai.init(location="us-east4")',
      'model = GenerativeModel("gemini-2.0-flash")',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('a.py', text)).at(-1), vertex(5, null));
  });

  it('an init without a location leaves the SDK env variable, then its default, to decide', () => {
    const text = ['import vertexai', 'from vertexai.generative_models import GenerativeModel', 'vertexai.init(project="acme")', 'model = GenerativeModel("gemini-2.0-flash")', ''].join('\n');
    assert.deepEqual(brief(found('a.py', text)).at(-1), vertex(4, 'us-central1'));
    assert.deepEqual(brief(found('a.py', text, { GOOGLE_CLOUD_REGION: 'europe-west3' })).at(-1), vertex(4, 'europe-west3'));
  });

  it('a GenerativeModel of the Gemini API SDK is not Vertex AI', () => {
    const list = found('a.py', ['import google.generativeai as genai', 'model = genai.GenerativeModel("gemini-1.5-flash")', ''].join('\n'));
    assert.ok(list.every((e) => e.provider !== 'google-vertex-ai'));
  });
});

describe('real-code gaps: a value from an env file is reported where the code uses it', () => {
  const text = [
    'import os',
    'import vertexai',
    'from google.cloud import aiplatform',
    'LOCATION = os.getenv("GOOGLE_CLOUD_LOCATION")',
    'aiplatform.init(project="acme", location=LOCATION)',
    'vertexai.init(project="acme", location=LOCATION)',
    '',
  ].join('\n');

  it('two calls reading one variable are two uses, each on its own line', () => {
    assert.deepEqual(brief(found('a.py', text, { GOOGLE_CLOUD_LOCATION: 'europe-west4' })), [vertex(5, 'europe-west4'), vertex(6, 'europe-west4')]);
  });

  it('a placeholder value stays unknown, on the same lines as an unset variable', () => {
    assert.deepEqual(brief(found('a.py', text, { GOOGLE_CLOUD_LOCATION: 'YOUR_VALUE_HERE' })), [vertex(5, null), vertex(6, null)]);
    assert.deepEqual(brief(found('a.py', text)), [vertex(5, null), vertex(6, null)]);
  });

  it('a default written in the code decides both calls: two uses, each at its own call (the fix edits the literal)', () => {
    const withDefault = text.replace('os.getenv("GOOGLE_CLOUD_LOCATION")', 'os.getenv("GOOGLE_CLOUD_LOCATION", "us-east4")');
    assert.deepEqual(brief(found('a.py', withDefault)), [vertex(5, 'us-east4'), vertex(6, 'us-east4')]);
  });
});

describe('real-code gaps: env variables a file sets reach only code that runs after them', () => {
  it('in a script: a client made before the assignment does not see it, one after it does, one in a function may (both values)', () => {
    const text = [
      'import os',
      'import boto3',
      'early = boto3.client("bedrock-runtime")',
      'def later():',
      '    return boto3.client("bedrock-runtime")',
      'os.environ["AWS_REGION"] = "eu-west-1"',
      'after = boto3.client("bedrock-runtime")',
      '',
    ].join('\n');
    assert.deepEqual(brief(found('a.py', text)), [bedrock(3, null), bedrock(5, 'eu-west-1'), bedrock(5, null), bedrock(7, 'eu-west-1')]);
  });

  it('in a notebook: cells run in order, and the value is cited at its line in the notebook file', () => {
    const text = notebook([
      ['import boto3', 'first = boto3.client("bedrock-runtime")'],
      ['import os', 'os.environ["AWS_REGION"] = "eu-central-1"'],
      ['second = boto3.client("bedrock-runtime")'],
    ]);
    const list = found('n.ipynb', text);
    assert.deepEqual(brief(list), [bedrock(lineOf(text, 'first ='), null), bedrock(lineOf(text, 'second ='), 'eu-central-1')]);
    assert.match(list[1]!.via, new RegExp(`n\\.ipynb:${lineOf(text, 'os.environ')}\\)`));
  });

  it('a %%writefile cell is a program of its own: the notebook\'s env assignments do not reach it, nor its own the notebook', () => {
    const text = notebook([
      ['import os', 'os.environ["AWS_REGION"] = "eu-central-1"'],
      ['%%writefile app.py', 'import os', 'import boto3', 'os.environ["AWS_DEFAULT_REGION"] = "eu-west-3"', 'inside = boto3.client("bedrock-runtime")'],
      ['import boto3', 'os.environ.pop("AWS_REGION")', 'outside = boto3.client("bedrock-runtime", region_name=os.environ["AWS_DEFAULT_REGION"])'],
    ]);
    assert.deepEqual(brief(found('n.ipynb', text)), [bedrock(lineOf(text, 'inside ='), 'eu-west-3'), bedrock(lineOf(text, 'outside ='), null)]);
  });
});

describe('real-code gaps: a Bedrock model id written inside one client\'s construction', () => {
  const eu = (file: string, text: string): (boolean | null)[] => engine.analyze(file, text).endpoints.map((e) => e.euResident);

  it('is that client\'s model, not the model of the file\'s other clients', () => {
    const text = [
      'import boto3',
      'from strands.models import BedrockModel',
      'guard = boto3.client("bedrock-runtime")',
      'model = BedrockModel(model_id="us.anthropic.claude-3-7-sonnet-20250219-v1:0")',
      '',
    ].join('\n');
    assert.deepEqual(eu('a.py', text), [null, false]);
  });

  it('one kept in a constant or passed elsewhere still counts against every client of the file', () => {
    const text = [
      'import boto3',
      'from strands.models import BedrockModel',
      'MODEL = "us.anthropic.claude-3-7-sonnet-20250219-v1:0"',
      'runtime = boto3.client("bedrock-runtime")',
      'model = BedrockModel(model_id=MODEL)',
      'runtime.converse(modelId=MODEL, messages=[])',
      '',
    ].join('\n');
    assert.deepEqual(eu('a.py', text), [false, false]);
  });
});
