// AutoGen 0.4+ (autogen-ext): model clients built in code (`OpenAIChatCompletionClient(model=...,
// base_url=...)`) or from a component config (`provider: autogen_ext.models.openai.OpenAIChatCompletionClient`
// with `config: {model, base_url}`, loaded by `ChatCompletionClient.load_component(...)`), whose
// config keys are the class's keyword arguments.
import type { ClientSignal, ConfigFileLoader, ModelSettingsFormat, ProviderId } from '../types';
import { CHECKED_FRAMEWORKS as D, gh } from './common';

const AG = 'microsoft/autogen';
const AG_COMMIT = '027ecf0a379bcc1d09956d46d12d44a3ad9cee14';
const ext = (path: string) => gh(AG, AG_COMMIT, `python/packages/autogen-ext/src/autogen_ext/models/${path}`, D);
const OPENAI_CLIENT = ext('openai/_openai_client.py');
const OPENAI_MODEL_INFO = ext('openai/_model_info.py');
const ANTHROPIC_CLIENT = ext('anthropic/_anthropic_client.py');
const OLLAMA_CLIENT = ext('ollama/_ollama_client.py');
const AZURE_AI_CLIENT = ext('azure/_azure_ai_client.py');

const PACKAGES = ['autogen-ext'];
/** As imported (`from autogen_ext.models.openai import OpenAIChatCompletionClient`) or named by a component config's provider. */
const cls = (module: string, name: string): string[] => [`autogen_ext.models.${module}.${name}`];
const OPENAI_CLASS = cls('openai', 'OpenAIChatCompletionClient');

/**
 * OpenAIChatCompletionClient without base_url: a model name starting "gemini-" or "claude-" gets
 * that vendor's OpenAI-compatible base URL instead of OpenAI's (autogen-ext sets it before building AsyncOpenAI).
 */
const byModelPrefix = (id: string, prefix: string, host: string, baseUrl: string): ClientSignal => ({
  id, languages: ['python'], callees: OPENAI_CLASS, packages: PACKAGES,
  requireOption: { name: 'model', oneOf: [], pattern: `^${prefix}` },
  options: { url: ['base_url'], model: ['model'] },
  defaults: { host, baseUrl },
  note: `A model name starting "${prefix}" without base_url goes to ${baseUrl} (autogen-ext's own default for it).`,
  sources: [OPENAI_CLIENT, OPENAI_MODEL_INFO],
});

export const autogenClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  openai: [{
    id: 'autogen-openai', languages: ['python'], callees: OPENAI_CLASS, packages: PACKAGES,
    options: { url: ['base_url'], model: ['model'] }, env: { url: ['OPENAI_BASE_URL'] },
    defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    note: 'Builds AsyncOpenAI(**config): base_url, else OPENAI_BASE_URL, else api.openai.com. Any OpenAI-compatible host (Ollama, vLLM) decides the provider.',
    sources: [OPENAI_CLIENT],
  }],
  'google-gemini-api': [byModelPrefix('autogen-openai-gemini', 'gemini-', 'generativelanguage.googleapis.com', 'https://generativelanguage.googleapis.com/v1beta/openai/')],
  anthropic: [
    byModelPrefix('autogen-openai-claude', 'claude-', 'api.anthropic.com', 'https://api.anthropic.com/v1/'),
    {
      id: 'autogen-anthropic', languages: ['python'], callees: cls('anthropic', 'AnthropicChatCompletionClient'), packages: PACKAGES,
      options: { url: ['base_url'], model: ['model'] }, env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      note: 'Builds AsyncAnthropic(**config), which reads ANTHROPIC_BASE_URL when base_url is left out.',
      sources: [ANTHROPIC_CLIENT],
    },
  ],
  'aws-bedrock': [{
    id: 'autogen-anthropic-bedrock', languages: ['python'], callees: cls('anthropic', 'AnthropicBedrockChatCompletionClient'), packages: PACKAGES,
    options: { region: ['bedrock_info.aws_region'], model: ['model'] },
    defaults: { region: null },
    note: 'Builds AsyncAnthropicBedrock in bedrock_info["aws_region"] (required).',
    sources: [ANTHROPIC_CLIENT],
  }],
  'azure-openai': [
    {
      id: 'autogen-azure-openai', languages: ['python'], callees: cls('openai', 'AzureOpenAIChatCompletionClient'), packages: PACKAGES,
      options: { url: ['azure_endpoint', 'base_url'], model: ['azure_deployment', 'model'] }, env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      note: 'Builds AsyncAzureOpenAI(**config): azure_endpoint, else AZURE_OPENAI_ENDPOINT. Region and deployment type are read from IaC.',
      sources: [OPENAI_CLIENT],
    },
    {
      id: 'autogen-azure-ai', languages: ['python'], callees: cls('azure', 'AzureAIChatCompletionClient'), packages: PACKAGES,
      options: { url: ['endpoint'], model: ['model'] },
      defaults: {},
      note: 'Azure AI Foundry model inference (also GitHub Models): endpoint is required and has no default; the host decides the provider.',
      sources: [AZURE_AI_CLIENT],
    },
  ],
  'self-hosted': [{
    id: 'autogen-ollama', languages: ['python'], callees: cls('ollama', 'OllamaChatCompletionClient'), packages: PACKAGES,
    options: { url: ['host'], model: ['model'] }, env: { url: ['OLLAMA_HOST'] },
    defaults: { host: '127.0.0.1' },
    note: 'Builds ollama.AsyncClient(host=...): host, else OLLAMA_HOST, else http://127.0.0.1:11434.',
    sources: [OLLAMA_CLIENT],
  }],
};

// GraphRAG 2.x (used by AutoGen's GraphRAG tools): settings.yaml lists `models:` by id, each with a
// `type` whose client fnllm builds: OpenAI's (api_base optional) or Azure OpenAI's (api_base required).
const GRAPHRAG = 'microsoft/graphrag';
const GRAPHRAG_2X = 'e5d6bc5dcdd2884631dcb14f159bd800a955b88e';
export const graphragSettings: ModelSettingsFormat = {
  id: 'graphrag-models',
  listKey: 'models',
  typeKey: 'type',
  types: {
    openai_chat: 'openai-python',
    openai_embedding: 'openai-python',
    azure_openai_chat: 'openai-azure',
    azure_openai_embedding: 'openai-azure',
  },
  url: ['api_base'],
  sources: [gh(GRAPHRAG, GRAPHRAG_2X, 'graphrag/config/enums.py', D), gh(GRAPHRAG, GRAPHRAG_2X, 'graphrag/language_model/providers/fnllm/utils.py', D)],
};

// Calls that build model clients from a file the code names. `load_component` takes the config
// as read from a YAML/JSON file (`yaml.safe_load(open("model_config.yaml"))`); on
// ChatCompletionClient it always builds a model client, on an agent or team it builds whatever
// clients the file's components name. GraphRAG's search tools take the settings file itself
// (or search root_dir for settings.yaml/.yml/.json, as GraphRAG's load_config does) and build
// the models with GraphRAG's fixed ids: the chat model, and for local search the embedding model too.
const COMPONENT_CONFIG = gh(AG, AG_COMMIT, 'python/packages/autogen-core/src/autogen_core/_component_config.py', D);
const GRAPHRAG_TOOL = (name: string) => gh(AG, AG_COMMIT, `python/packages/autogen-ext/src/autogen_ext/tools/graphrag/${name}`, D);
const GRAPHRAG_LOAD_CONFIG = gh(GRAPHRAG, GRAPHRAG_2X, 'graphrag/config/load_config.py', D);
const GRAPHRAG_DEFAULTS = gh(GRAPHRAG, GRAPHRAG_2X, 'graphrag/config/defaults.py', D);
const GRAPHRAG_FILES = { name: 'root_dir', index: 0, files: ['settings.yaml', 'settings.yml', 'settings.json'] };

export const autogenConfigFileLoaders: ConfigFileLoader[] = [
  {
    id: 'autogen-load-model-client', languages: ['python'],
    callees: ['autogen_core.models.ChatCompletionClient.load_component', 'autogen_ext.models.*.load_component'],
    config: { name: 'model', index: 0 }, buildsModelClient: true, sources: [COMPONENT_CONFIG],
  },
  {
    id: 'autogen-load-component', languages: ['python'],
    callees: ['autogen_agentchat.*.load_component', 'autogen_core.*.load_component', 'autogen_ext.*.load_component'],
    config: { name: 'model', index: 0 }, buildsModelClient: false, sources: [COMPONENT_CONFIG],
  },
  {
    id: 'autogen-graphrag-global-search', languages: ['python'],
    callees: ['autogen_ext.tools.graphrag.GlobalSearchTool.from_settings'],
    path: { name: 'config_filepath', index: 1 }, root: GRAPHRAG_FILES, models: ['default_chat_model'],
    buildsModelClient: true, sources: [GRAPHRAG_TOOL('_global_search.py'), GRAPHRAG_LOAD_CONFIG, GRAPHRAG_DEFAULTS],
  },
  {
    id: 'autogen-graphrag-local-search', languages: ['python'],
    callees: ['autogen_ext.tools.graphrag.LocalSearchTool.from_settings'],
    path: { name: 'config_filepath', index: 1 }, root: GRAPHRAG_FILES, models: ['default_chat_model', 'default_embedding_model'],
    buildsModelClient: true, sources: [GRAPHRAG_TOOL('_local_search.py'), GRAPHRAG_LOAD_CONFIG, GRAPHRAG_DEFAULTS],
  },
];
