// Clients and factories that pick the provider from a "provider:model" string (aisuite,
// LangChain's init_chat_model), then call it through that provider's own SDK client, whose
// defaults and env variables then apply.
import type { ModelStringRouter } from '../types';
import { gh } from './common';

const AISUITE_CLIENT = gh('andrewyng/aisuite', '06938e8b', 'aisuite/client.py', '2026-12-03');
const AISUITE_OPENAI = gh('andrewyng/aisuite', '00f909f6', 'aisuite/providers/openai_provider.py', '2026-12-03');

// LangChain's universal factories build the provider's own LangChain class and hand it every
// other keyword (base_url, region_name, ...). The key comes from model_provider=, else from a
// "key:model" prefix naming a key LangChain supports, else from LangChain's own table of model
// name prefixes; Python and JS differ (JS also infers gpt-5/o4 and pplx, Python deepseek and grok).
const LC_PY_CHAT = gh('langchain-ai/langchain', '1996d81d72f70c0df87b8965df9b7050e00115f4', 'libs/langchain_v1/langchain/chat_models/base.py', '2026-12-03');
const LC_PY_EMBEDDINGS = gh('langchain-ai/langchain', '5d1a9397f52e7e9be27852fda6dc378095c33c21', 'libs/langchain_v1/langchain/embeddings/base.py', '2026-12-03');
const LC_JS_UNIVERSAL = gh('langchain-ai/langchainjs', '62fc484b2a0d1ec5b8bebff4a8a0efe6300ada72', 'libs/langchain/src/chat_models/universal.ts', '2026-12-03');

/** The keys `_init_chat_model_helper` knows (Python), to the catalog's signal for the class it builds. */
const LC_PY_CHAT_PROVIDERS: Record<string, string | null> = {
  openai: 'langchain-chatopenai',
  anthropic: 'langchain-chat-anthropic',
  azure_openai: 'langchain-azure-chat-openai',
  azure_ai: null, // langchain-azure-ai's AzureAIChatCompletionsModel
  cohere: 'langchain-cohere',
  google_vertexai: 'langchain-vertexai',
  google_genai: 'langchain-google-genai',
  fireworks: 'langchain-fireworks',
  ollama: 'langchain-ollama',
  together: 'langchain-together',
  mistralai: 'langchain-mistralai',
  huggingface: null, // ChatHuggingFace: a local pipeline or any Hugging Face endpoint
  groq: 'langchain-groq',
  bedrock: 'langchain-bedrock',
  bedrock_converse: 'langchain-bedrock',
  google_anthropic_vertex: null, // langchain-google-vertexai's ChatAnthropicVertex
  deepseek: 'langchain-deepseek',
  nvidia: null, // langchain-nvidia-ai-endpoints' ChatNVIDIA
  ibm: 'langchain-ibm',
  xai: 'langchain-xai',
  perplexity: 'langchain-perplexity',
};

/** MODEL_PROVIDER_CONFIG of langchain's universal.ts (JS), to the catalog's signal for the class it builds. */
const LC_JS_CHAT_PROVIDERS: Record<string, string | null> = {
  openai: 'langchain-chatopenai',
  anthropic: 'langchain-chat-anthropic',
  azure_openai: 'langchain-azure-openai-js',
  cohere: 'langchain-cohere-js',
  google: null, // @langchain/google's ChatGoogle (Gemini API or Vertex AI)
  'google-vertexai': null, // @langchain/google-vertexai's ChatVertexAI
  'google-vertexai-web': null,
  'google-genai': 'langchain-google-genai',
  ollama: 'langchain-ollama',
  mistralai: 'langchain-mistralai',
  mistral: 'langchain-mistralai',
  groq: 'langchain-groq-js',
  bedrock: 'langchain-bedrock',
  aws: 'langchain-bedrock',
  deepseek: 'langchain-deepseek-js',
  xai: 'langchain-xai-js',
  cerebras: null, // @langchain/cerebras
  fireworks: 'langchain-fireworks-js',
  together: 'langchain-together-js',
  perplexity: 'langchain-perplexity',
};

const prefixes = (key: string, ...names: string[]): { prefix: string; key: string }[] => names.map((prefix) => ({ prefix, key }));


export const routers: ModelStringRouter[] = [
  {
    id: 'aisuite',
    languages: ['python'],
    client: 'aisuite.Client',
    methods: ['chat.completions.create'],
    modelOptions: ['model'],
    separator: ':',
    // Only the keys whose provider class was read: OpenAI's passes its config to openai.OpenAI(**config).
    providers: { openai: 'openai-python' },
    sources: [AISUITE_CLIENT, AISUITE_OPENAI],
  },
  {
    id: 'langchain-init-chat-model',
    languages: ['python'],
    functions: [
      'langchain.chat_models.init_chat_model',
      'langchain.chat_models.base.init_chat_model',
      'langchain_classic.chat_models.init_chat_model',
      'langchain_classic.chat_models.base.init_chat_model',
    ],
    modelOptions: ['$0', 'model'],
    providerOptions: ['model_provider'],
    runtimeOptions: ['configurable_fields'],
    separator: ':',
    providers: LC_PY_CHAT_PROVIDERS,
    knownPrefixesOnly: true,
    inferred: [
      ...prefixes('openai', 'gpt-', 'o1', 'o3'),
      ...prefixes('anthropic', 'claude'),
      ...prefixes('cohere', 'command'),
      ...prefixes('fireworks', 'accounts/fireworks'),
      ...prefixes('google_vertexai', 'gemini'),
      ...prefixes('bedrock', 'amazon.'),
      ...prefixes('mistralai', 'mistral'),
      ...prefixes('deepseek', 'deepseek'),
      ...prefixes('xai', 'grok'),
      ...prefixes('perplexity', 'sonar'),
    ],
    snakeCaseKeys: true,
    sources: [LC_PY_CHAT],
  },
  {
    id: 'langchain-init-embeddings',
    languages: ['python'],
    functions: [
      'langchain.embeddings.init_embeddings',
      'langchain.embeddings.base.init_embeddings',
      'langchain_classic.embeddings.init_embeddings',
      'langchain_classic.embeddings.base.init_embeddings',
    ],
    modelOptions: ['$0', 'model'],
    providerOptions: ['provider'],
    separator: ':',
    // No inference from the model name: without provider= the string must be "key:model".
    providers: {
      azure_openai: 'langchain-azure-chat-openai',
      bedrock: 'langchain-bedrock',
      cohere: 'langchain-cohere',
      google_vertexai: 'langchain-vertexai',
      huggingface: null, // HuggingFaceEmbeddings runs a sentence-transformers model locally
      mistralai: 'langchain-mistralai',
      ollama: 'langchain-ollama',
      openai: 'langchain-chatopenai',
    },
    knownPrefixesOnly: true,
    sources: [LC_PY_EMBEDDINGS],
  },
  {
    id: 'langchain-init-chat-model-js',
    languages: ['js'],
    functions: ['langchain/chat_models/universal.initChatModel', 'langchain.initChatModel', '@langchain/classic/chat_models/universal.initChatModel'],
    modelOptions: ['$0'],
    providerOptions: ['modelProvider'],
    runtimeOptions: ['configurableFields'],
    separator: ':',
    providers: LC_JS_CHAT_PROVIDERS,
    knownPrefixesOnly: true,
    inferred: [
      ...prefixes('openai', 'gpt-3', 'gpt-4', 'gpt-5', 'o1', 'o3', 'o4'),
      ...prefixes('anthropic', 'claude'),
      ...prefixes('cohere', 'command'),
      ...prefixes('fireworks', 'accounts/fireworks'),
      ...prefixes('google-vertexai', 'gemini'),
      ...prefixes('bedrock', 'amazon.'),
      ...prefixes('mistralai', 'mistral'),
      ...prefixes('perplexity', 'sonar', 'pplx'),
    ],
    sources: [LC_JS_UNIVERSAL],
  },
];
