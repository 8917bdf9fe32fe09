// Azure AI Inference clients (azure-ai-inference): Azure AI Foundry model inference, and
// the same SDK pointed at GitHub Models or a serverless endpoint. The host decides.
import * as assert from 'node:assert/strict';
import { brief, found } from '../support/found';

describe('azure-ai-inference clients', () => {
  const code = [
    'import os',
    'from azure.ai.inference.aio import ChatCompletionsClient, EmbeddingsClient',
    'from azure.ai.inference import ChatCompletionsClient as SyncChat',
    'chat = ChatCompletionsClient(endpoint=os.environ["FOUNDRY_ENDPOINT"], credential=cred)',
    'github = SyncChat("https://models.github.ai/inference", cred)',
    'foundry = EmbeddingsClient(endpoint="https://contoso.services.ai.azure.com/models", credential=cred)',
  ].join('\n');

  it('are endpoints: an unknown endpoint stays Azure with its verdicts unknown, a known host decides', () => {
    assert.deepEqual(brief(found('app/main.py', code)), [
      { line: 4, provider: 'azure-openai', region: null },
      { line: 5, provider: null, region: null },
      { line: 6, provider: 'azure-openai', region: null },
    ]);
  });

  it('takes the endpoint from the workspace env', () => {
    const [e] = found('app/main.py', code, { FOUNDRY_ENDPOINT: 'https://api.mistral.ai/v1' });
    assert.equal(e!.provider, 'mistral');
  });

  it('are not another package\'s class of the same name', () => {
    assert.deepEqual(found('app/main.py', 'from mylib.clients import ChatCompletionsClient\nc = ChatCompletionsClient(endpoint="https://example.org")\n'), []);
  });
});
