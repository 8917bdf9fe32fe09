// Mended after the full-folder sample of issue 11: a host given to a notebook variable that
// nothing reads sends nothing; LangChain Google embeddings given a project are Vertex AI.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();
const notebook = (cells: string[][]): string => JSON.stringify({
  metadata: { kernelspec: { language: 'python', name: 'python3' } },
  nbformat: 4,
  nbformat_minor: 5,
  cells: cells.map((lines) => ({ cell_type: 'code', metadata: {}, outputs: [], source: lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l)) })),
});
const hosts = (file: string, text: string) =>
  engine.analyze(file, text, { env: workspaceEnv([]) }).endpoints.map((e) => [e.host, e.region]);

describe('a host kept in a variable nothing reads', () => {
  const formCell = [
    'SERVICE = "aiplatform.googleapis.com"  # @param {type:"string"}',
    'ENDPOINT = "europe-west4-aiplatform.googleapis.com"  # @param {type:"string"}',
  ];

  it('is not an endpoint in a notebook; the variable that reaches the client is', () => {
    const text = notebook([formCell, ['from google.cloud import aiplatform', 'aiplatform.init(project="p", location="europe-west4", api_endpoint=ENDPOINT)']]);
    assert.deepEqual(hosts('nb.ipynb', text), [['europe-west4-aiplatform.googleapis.com', 'europe-west4']]);
  });

  it('counts a read inside an f-string of a later cell', () => {
    const text = notebook([formCell, ['url = f"https://{SERVICE}/v1/projects"', 'print(url)']]);
    const spans = engine.analyze('nb.ipynb', text, { env: workspaceEnv([]) }).endpoints.map((e) => text.slice(e.range.start, e.range.end));
    // The variable's own line is still reported (spans are in the notebook's JSON text).
    assert.ok(spans.some((s) => s.includes('aiplatform.googleapis.com') && !s.includes('{SERVICE}')), spans.join(' | '));
    assert.ok(!spans.some((s) => s.includes('europe-west4')), spans.join(' | '));
  });

  it('still counts in a module, whose names other modules may import', () => {
    assert.deepEqual(hosts('settings.py', formCell.join('\n')).map(([host]) => host),
      ['aiplatform.googleapis.com', 'europe-west4-aiplatform.googleapis.com']);
  });
});

describe('LangChain Google embeddings given a project', () => {
  it('is Vertex AI (project= selects it, as for the chat class), in us-central1 unless a location is given', () => {
    const imp = 'from langchain_google_genai import GoogleGenerativeAIEmbeddings';
    const out = (line: string) => engine.analyze('a.py', `${imp}\n${line}\n`, { env: workspaceEnv([]) }).endpoints.map((e) => [e.provider, e.region]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005", project=PROJECT_ID, location="europe-west3")'), [['google-vertex-ai', 'europe-west3']]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005", project=PROJECT_ID)'), [['google-vertex-ai', 'us-central1']]);
    assert.deepEqual(out('e = GoogleGenerativeAIEmbeddings(model="text-embedding-005")'), [['google-gemini-api', 'global']]);
  });
});
