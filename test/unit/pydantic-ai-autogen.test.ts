// Pydantic AI ("provider:model" strings through its own provider table, per-run models, model
// and provider classes, its provider modules as library internals) and AutoGen (autogen-ext
// model clients, component configs). Fixtures are our own, written for these tests.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { catalog } from '../../src/core/catalog/data';
import { PYDANTIC_AI_PROVIDER_KEYS } from '../../src/core/catalog/data/pydantic-ai';

const engine = new Engine();
type Row = [number, string | null, string | null, string | null];
/** line, provider, host, region of each endpoint, with the workspace setting these env variables. */
const rows = (file: string, lines: string[], env: Record<string, string> = {}): Row[] => {
  const text = lines.join('\n') + '\n';
  const defs = Object.entries(env).map(([name, value], i) => ({ name, value, file: '.env', line: i + 1 }));
  return engine.analyze(file, text, { env: workspaceEnv(defs) }).endpoints
    .map((e): Row => [text.slice(0, e.range.start).split('\n').length, e.provider, e.host, e.region]);
};

describe('Pydantic AI', () => {
  it('routes Agent("provider:model") through pydantic-ai\'s own provider keys, with each provider class\'s default host', () => {
    assert.deepEqual(rows('bot.py', [
      'from pydantic_ai import Agent',
      "triage = Agent('groq:llama-3.3-70b-versatile')",
      "writer = Agent(model='anthropic:claude-sonnet-4-5', instructions='Write.')",
      "gla = Agent('google-gla:gemini-2.0-flash')",
      "newer = Agent('google:gemini-2.5-flash')",
      "cloud = Agent('google-vertex:gemini-2.0-flash')",
      "seek = Agent('deepseek:deepseek-chat')",
      "router = Agent('openrouter:openai/gpt-4o')",
    ]), [
      [2, 'groq', 'api.groq.com', 'global'],
      [3, 'anthropic', 'api.anthropic.com', 'global'],
      [4, 'google-gemini-api', 'generativelanguage.googleapis.com', 'global'],
      [5, 'google-gemini-api', 'generativelanguage.googleapis.com', 'global'],
      // google-vertex (1.x) and google-cloud build GoogleCloudProvider: Vertex AI, us-central1 unless set.
      [6, 'google-vertex-ai', 'us-central1-aiplatform.googleapis.com', 'us-central1'],
      [7, 'deepseek', 'api.deepseek.com', 'cn'],
      [8, 'openrouter', 'openrouter.ai', 'global'],
    ]);
  });

  it('reads the provider\'s own env variable: GROQ_BASE_URL moves Agent("groq:...") and GOOGLE_CLOUD_LOCATION the Vertex location', () => {
    const lines = ['from pydantic_ai import Agent', "a = Agent('groq:llama-3.3-70b-versatile')", "b = Agent('google-cloud:gemini-2.5-pro')"];
    assert.deepEqual(rows('bot.py', lines, { GROQ_BASE_URL: 'http://10.0.0.7:8000', GOOGLE_CLOUD_LOCATION: 'europe-west4' }).map((r) => r.slice(1)), [
      ['self-hosted', '10.0.0.7', 'self'],
      ['google-vertex-ai', 'europe-west4-aiplatform.googleapis.com', 'europe-west4'],
    ]);
  });

  it('resolves a model string held in a constant or in an env read with a default, as the engine does for any value', () => {
    assert.deepEqual(rows('agents.py', [
      'import os',
      'from pydantic_ai import Agent',
      "MODEL = 'openai:gpt-4o'",
      "chosen = os.getenv('SUPPORT_MODEL', 'mistral:mistral-large-latest')",
      'first = Agent(MODEL, output_type=str)',
      'second = Agent(chosen)',
    ]).map((r) => r.slice(0, 3)), [
      [5, 'openai', 'api.openai.com'],
      [6, 'mistral', 'api.mistral.ai'],
    ]);
  });

  it('reads a parameterised Agent[Deps, Output](...) as a call of Agent', () => {
    assert.deepEqual(rows('typed.py', [
      'from pydantic_ai import Agent',
      'planner = Agent[None, str](',
      "    'openai:gpt-4o-mini',",
      ')',
    ]).map((r) => r.slice(0, 3)), [[2, 'openai', 'api.openai.com']]);
  });

  it('reports the model chosen per run or by override(), and stays quiet where no model is named', () => {
    assert.deepEqual(rows('runs.py', [
      'from pydantic_ai import Agent',
      'helper = Agent()',
      'async def go():',
      "    await helper.run('hello', model='cohere:command-r-plus')",
      "    await helper.run('hello again')",
      "    with helper.override(model='xai:grok-3'):",
      '        pass',
      "    async with helper.realtime('openai:gpt-realtime').session() as s:",
      '        pass',
      "    offline = Agent('test')",
    ]).map((r) => r.slice(0, 3)), [
      [4, 'cohere', 'api.cohere.com'],
      [6, 'xai', 'api.x.ai'],
      [8, 'openai', 'api.openai.com'],
    ]);
  });

  it('reports each model a loop tries from a literal list, and an unknown one where the list is not literal', () => {
    assert.deepEqual(rows('compare.py', [
      'from pydantic_ai import Agent',
      'agent = Agent()',
      "CANDIDATES = [('openai:gpt-4o', 'OPENAI_API_KEY'), ('groq:llama-3.3-70b-versatile', 'GROQ_API_KEY')]",
      'async def main():',
      '    for name, key in CANDIDATES:',
      "        await agent.run('hi', model=name)",
      '    for name in load_models():',
      "        await agent.run('hi', model=name)",
    ]).map((r) => r.slice(0, 2)), [
      [6, 'openai'],
      [6, 'groq'],
      [8, null],
    ]);
  });

  it('counts override(model=...) on an agent imported from another module only for a key pydantic-ai knows', () => {
    assert.deepEqual(rows('compare.py', [
      'from myapp.agents import planner',
      "with planner.override(model='anthropic:claude-3-5-haiku-latest'):",
      '    pass',
      "with planner.override(model='whatever'):",
      '    pass',
    ]).map((r) => r.slice(0, 2)), [[2, 'anthropic']]);
  });

  it('reports a model class at its provider: the provider class built in place, a provider key, or the class\'s own default', () => {
    assert.deepEqual(rows('models.py', [
      'from pydantic_ai import Agent',
      'from pydantic_ai.models.openai import OpenAIChatModel',
      'from pydantic_ai.models.groq import GroqModel',
      'from pydantic_ai.providers.openai import OpenAIProvider',
      'from pydantic_ai.providers.groq import GroqProvider',
      "local = OpenAIChatModel('qwen3', provider=OpenAIProvider(base_url='http://localhost:11434/v1'))",
      "plain = OpenAIChatModel('gpt-4o')",
      "keyed = OpenAIChatModel('deepseek-chat', provider='deepseek')",
      "fast = GroqModel('llama-3.3-70b-versatile', provider=GroqProvider(api_key='k'))",
      'a = Agent(local)',
      "b = Agent(OpenAIChatModel('gpt-4o-mini'))",
    ]).map((r) => r.slice(0, 3)), [
      [6, 'self-hosted', 'localhost'],
      [7, 'openai', 'api.openai.com'],
      [8, 'deepseek', 'api.deepseek.com'],
      [9, 'groq', 'api.groq.com'],
      // Agent(model object) is reported where the object is built.
      [11, 'openai', 'api.openai.com'],
    ]);
  });

  it('keeps pydantic-ai\'s own provider modules quiet wherever the import root is, but not an application\'s providers/ folder', () => {
    const source = [
      'import os',
      'from groq import AsyncGroq',
      'class GroqProvider:',
      '    def __init__(self, base_url=None):',
      "        base_url = base_url or os.getenv('GROQ_BASE_URL', 'https://api.groq.com')",
      '        self._client = AsyncGroq(base_url=base_url)',
    ];
    assert.deepEqual(rows('pydantic_ai_slim/pydantic_ai/providers/groq.py', source), []);
    assert.deepEqual(rows('site-packages/pydantic_ai/providers/groq.py', source), []);
    assert.notDeepEqual(rows('myapp/providers/groq.py', source), []);
  });

  it('maps every key of the table to a catalog client, or to null for a vendor the catalog has no provider for', () => {
    for (const [key, id] of Object.entries(PYDANTIC_AI_PROVIDER_KEYS)) {
      if (id === null) continue;
      assert.ok(catalog.providers.some((p) => p.clients.some((c) => c.id === id)), `${key} -> ${id}`);
    }
    // A key the catalog has no provider for is still an LLM call, to a place not known here.
    assert.deepEqual(rows('bot.py', ['from pydantic_ai import Agent', "a = Agent('cerebras:llama3.1-8b')"]).map((r) => r.slice(0, 3)), [[2, null, null]]);
  });
});

describe('AutoGen', () => {
  it('reads autogen-ext model clients built in code, with the OpenAI client\'s own base URLs for gemini- and claude- models', () => {
    assert.deepEqual(rows('team.py', [
      'from autogen_ext.models.openai import OpenAIChatCompletionClient, AzureOpenAIChatCompletionClient',
      'from autogen_ext.models.anthropic import AnthropicChatCompletionClient',
      'from autogen_ext.models.ollama import OllamaChatCompletionClient',
      "a = OpenAIChatCompletionClient(model='gpt-4o')",
      "b = OpenAIChatCompletionClient(model='gemini-2.0-flash')",
      "c = OpenAIChatCompletionClient(model='claude-3-5-haiku-20241022')",
      "d = OpenAIChatCompletionClient(model='llama3.2', base_url='http://localhost:11434/v1')",
      "e = AnthropicChatCompletionClient(model='claude-sonnet-4-5')",
      "f = OllamaChatCompletionClient(model='llama3.2')",
      "g = AzureOpenAIChatCompletionClient(azure_endpoint='https://contoso-eu.openai.azure.com/', model='gpt-4o')",
      'h = AzureOpenAIChatCompletionClient(**settings.client)',
    ]).map((r) => r.slice(0, 3)), [
      [4, 'openai', 'api.openai.com'],
      [5, 'google-gemini-api', 'generativelanguage.googleapis.com'],
      [6, 'anthropic', 'api.anthropic.com'],
      [7, 'self-hosted', 'localhost'],
      [8, 'anthropic', 'api.anthropic.com'],
      [9, 'self-hosted', '127.0.0.1'],
      [10, 'azure-openai', 'contoso-eu.openai.azure.com'],
      [11, 'azure-openai', null],
    ]);
  });

  it('reads a component config (provider: module.Class, config: keyword arguments) in YAML and JSON', () => {
    assert.deepEqual(rows('model_config.yaml', [
      '# the model the team uses',
      'provider: autogen_ext.models.openai.OpenAIChatCompletionClient',
      'config:',
      '  model: gpt-4o-mini',
    ]), [[2, 'openai', 'api.openai.com', 'global']]);
    assert.deepEqual(rows('model_config.yaml', [
      'provider: autogen_ext.models.openai.OpenAIChatCompletionClient',
      'config:',
      '  model: qwen2.5',
      '  base_url: http://localhost:11434/v1',
    ]).map((r) => r.slice(0, 3)), [[4, 'self-hosted', 'localhost']]);
    assert.deepEqual(rows('client.json', [
      '{"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient",',
      ' "config": {"model": "gemini-1.5-flash"}}',
    ]).map((r) => r.slice(0, 3)), [[1, 'google-gemini-api', 'generativelanguage.googleapis.com']]);
  });

  it('lets OPENAI_BASE_URL where the config is used move a component config without base_url', () => {
    assert.deepEqual(rows('model_config.yaml', [
      'provider: autogen_ext.models.openai.OpenAIChatCompletionClient',
      'config:',
      '  model: gpt-4o',
    ], { OPENAI_BASE_URL: 'https://api.mistral.ai/v1' }).map((r) => r.slice(1, 3)), [['mistral', 'api.mistral.ai']]);
  });

  it('reads GraphRAG settings: each of models: by its type, at the type line or at api_base', () => {
    assert.deepEqual(rows('settings.yaml', [
      'models:',
      '  default_chat_model:',
      '    type: openai_chat',
      '    model: gpt-4o-mini',
      '  default_embedding_model:',
      '    type: azure_openai_embedding',
      '    api_base: https://contoso-sweden.openai.azure.com',
      '    deployment_name: embed',
      '  helper_model:',
      '    type: azure_openai_chat',
      'other:',
      '  type: openai_chat',
    ]).map((r) => r.slice(0, 3)), [
      [3, 'openai', 'api.openai.com'],
      [7, 'azure-openai', 'contoso-sweden.openai.azure.com'],
      // Azure without api_base: GraphRAG refuses to start, and the endpoint AZURE_OPENAI_ENDPOINT would give is not known here.
      [10, 'azure-openai', null],
    ]);
  });

  it('ignores a provider key that names no catalog client class', () => {
    assert.deepEqual(rows('settings.yaml', [
      'llm:',
      '  provider: openai',
      'auth:',
      '  provider: autogen_ext.auth.azure.AzureTokenProvider',
      '  config:',
      '    provider_kind: DefaultAzureCredential',
    ]), []);
  });
});
