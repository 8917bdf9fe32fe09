// vertexai.init() sets the location for the whole process. A client that takes it (Vertex AI's
// GenerativeModel, LangChain's Vertex AI classes) is in the init's location when the file calls
// it first; when another module calls it, the location is unknown; when no module of the
// workspace calls it, the SDK's own env variables and default apply.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { lineOf, lineWith, scanFiles } from '../support/workspace-scan';

const MODEL_ONLY = [
  'from vertexai.generative_models import GenerativeModel',
  '',
  'model = GenerativeModel("gemini-2.0-flash")',
  '',
].join('\n');

const INIT_ELSEWHERE = [
  'import vertexai',
  '',
  'def setup():',
  '    vertexai.init(project="clinic-ai", location="europe-west4")',
  '',
].join('\n');

const LANGCHAIN_AFTER_INIT = [
  'import vertexai',
  'from langchain_google_vertexai import VertexAI, VertexAIEmbeddings',
  '',
  'REGION = "europe-west4"',
  'vertexai.init(project="clinic-ai", location=REGION)',
  'llm = VertexAI(model_name="gemini-2.0-flash")',
  'own = VertexAIEmbeddings(model_name="text-embedding-005", location="us-east4")',
  '',
].join('\n');

const POLICY = 'require: [eu-residency]\n';

describe('the location vertexai.init() sets for the process', () => {
  it('reaches a LangChain Vertex AI class made after it at the top of the file; its own location= wins', () => {
    const found = new Engine().analyze('app/chain.py', LANGCHAIN_AFTER_INIT, { env: workspaceEnv([]) }).endpoints;
    const at = (needle: string) => found.find((e) => lineOf(LANGCHAIN_AFTER_INIT, e.range.start) === lineWith(LANGCHAIN_AFTER_INIT, needle));
    assert.equal(at('llm = VertexAI(')?.region, 'europe-west4');
    assert.equal(at('own = VertexAIEmbeddings(')?.region, 'us-east4');
  });

  it('is the SDK default when no module of the workspace calls vertexai.init, and says so', async () => {
    const { endpoints } = await scanFiles({ 'app/model.py': MODEL_ONLY }, POLICY);
    const model = endpoints.find((e) => e.file === 'app/model.py');
    assert.equal(model?.region, 'us-central1');
    assert.match(model?.via ?? '', /no module of the workspace calls vertexai\.init\(\) or aiplatform\.init\(\)/);
  });

  it('is unknown when another module calls vertexai.init, which may have run first', async () => {
    const { endpoints } = await scanFiles({ 'app/model.py': MODEL_ONLY, 'app/setup.py': INIT_ELSEWHERE }, POLICY);
    const model = endpoints.find((e) => e.file === 'app/model.py');
    assert.ok(model);
    assert.deepEqual([model.provider, model.region], ['google-vertex-ai', null]);
    assert.match(model.unknown ?? '', /set by vertexai\.init\(\) or aiplatform\.init\(\) elsewhere in the program/);
  });

  it('never overrides a location the client is given itself, wherever the init is', async () => {
    const own = 'from langchain_google_vertexai import ChatVertexAI\n\nchat = ChatVertexAI(model="gemini-2.0-flash", location="europe-west1")\n';
    const { endpoints } = await scanFiles({ 'app/chat.py': own, 'app/setup.py': INIT_ELSEWHERE }, POLICY);
    assert.equal(endpoints.find((e) => e.file === 'app/chat.py')?.region, 'europe-west1');
  });

  it('is unknown where the workspace is not seen (one file analysed on its own)', () => {
    const found = new Engine().analyze('app/model.py', MODEL_ONLY).endpoints;
    assert.equal(found.length, 1);
    assert.equal(found[0]!.region, null);
  });
});
