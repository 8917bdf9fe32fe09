// Mended after the full-folder sample of issue 11: LangChain Google embeddings given a
// project are Vertex AI, as the chat class is.
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
