// Mended after the full-folder samples of issue 11: which Google backend a client reaches when
// its switch is a project=, an expression, or a variable the file sets while it runs.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();
describe('LangChain Google embeddings given a project', () => {
  it('is Vertex AI (project= selects it, as for the chat class), in us-central1 unless a location is given', () => {
    const imp = 'from langchain_google_genai import GoogleGenerativeAIEmbeddings';
    const out = (line: string) => engine.analyze('a.py', `${imp}\n${line}\n`, { env: workspaceEnv([]) }).endpoints.map((e) => [e.provider, e.region]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005", project=PROJECT_ID, location="europe-west3")'), [['google-vertex-ai', 'europe-west3']]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005", project=PROJECT_ID)'), [['google-vertex-ai', 'us-central1']]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005")'), [['google-gemini-api', 'global']]);
  });
});

describe('a backend switch whose value is decided at run time', () => {
  const found = (text: string) => engine.analyze('a.py', text, { env: workspaceEnv([]) }).endpoints.map((e) => [e.provider, e.region, e.unknown ?? null]);

  it('vertexai=<expression> leaves the provider unknown instead of taking the Gemini API default', () => {
    const [provider, region, unknown] = found('from google import genai\ndef make(cfg):\n    return genai.Client(vertexai=cfg.vertexai, location="global")\n')[0] ?? [];
    assert.equal(provider, null);
    assert.equal(region, null);
    assert.match(String(unknown), /vertexai= is computed at run time/);
    assert.deepEqual(found('from google import genai\nc = genai.Client(vertexai=True, location="europe-west4")\n'), [['google-vertex-ai', 'europe-west4', null]]);
  });

  it('a switch variable the file sets in a setup function leaves the bare client unknown; a plain client keeps the default', () => {
    const setup = 'import os\nfrom google import genai\ndef setup(flag):\n    os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = str(flag)\nsetup(True)\nclient = genai.Client()\n';
    assert.deepEqual(found(setup).map(([p]) => p), [null]);
    assert.deepEqual(found('from google import genai\nclient = genai.Client()\n').map(([p]) => p), ['google-gemini-api']);
  });
});

describe('project= does not decide the backend when the switch beside it cannot be read', () => {
  const providers = (text: string) => engine.analyze('a.py', text, { env: workspaceEnv([]) }).endpoints.map((e) => e.provider);

  it('vertexai=<expression> with project= is unknown, not Vertex AI in its location', () => {
    assert.deepEqual(providers('from langchain_google_genai import ChatGoogleGenerativeAI\nllm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", vertexai=config.USE_VERTEX, project="p", location="europe-west4")\n'), [null]);
    assert.deepEqual(providers('from langchain_google_genai import GoogleGenerativeAIEmbeddings\ne = GoogleGenerativeAIEmbeddings(vertexai=flag, project="p", location="europe-west4")\n'), [null]);
  });

  it('a switch variable the file sets while it runs makes project= undecided too; vertexai=0 is off', () => {
    const setup = 'import os\nfrom langchain_google_genai import ChatGoogleGenerativeAI\ndef setup(flag):\n    os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = str(flag)\nllm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", project="p", location="europe-west4")\n';
    assert.deepEqual(providers(setup), [null]);
    assert.deepEqual(providers('from langchain_google_genai import ChatGoogleGenerativeAI\nllm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", vertexai=0, project="p")\n'), ['google-gemini-api']);
    assert.deepEqual(providers('from langchain_google_genai import ChatGoogleGenerativeAI\nllm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", project="p", location="europe-west4")\n'), ['google-vertex-ai']);
  });
});
