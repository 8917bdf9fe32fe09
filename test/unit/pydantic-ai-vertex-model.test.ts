// pydantic-ai's VertexAIModel (until March 2025): the model class itself chose the Vertex AI region
// (us-central1 by default). Sample apps still pin those versions; an Agent given one is the model's use.
import * as assert from 'node:assert/strict';
import { found } from '../support/found';

describe('pydantic-ai VertexAIModel (older versions)', () => {
  it('is Vertex AI in its region=, else us-central1; the Agent it is handed adds no unknown use', () => {
    const text = [
      'from pydantic_ai import Agent',
      'from pydantic_ai.models.vertexai import VertexAIModel',
      '',
      'agent = Agent(model=VertexAIModel(model_name="gemini-1.5-pro", region="europe-west4"), system_prompt="Summarise.")',
      'plain = VertexAIModel("gemini-1.5-flash")',
      '',
    ].join('\n');
    assert.deepEqual(found('agent.py', text).map((e) => [e.line, e.provider, e.region]), [
      [4, 'google-vertex-ai', 'europe-west4'],
      [5, 'google-vertex-ai', 'us-central1'],
    ]);
  });
});
