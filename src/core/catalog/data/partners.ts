// Provider classes of the LangChain partner packages (Python `langchain_<vendor>`, JS
// `@langchain/<vendor>`), of LlamaIndex's TypeScript (`@llamaindex/<vendor>`) and Python
// (`llama_index.<kind>.<vendor>`) integrations, and the ollama libraries' default client.
// Each default host, base-URL option and env variable is the one the library's own source
// reads, at the commit cited. Like frameworks.ts, each list is added to its provider's
// `clients` in index.ts.
//
// JS classes are named by their package (`@langchain/groq.ChatGroq`), as the imports qualify
// them, so a class of the same name from another package stays quiet. LlamaIndex TS classes
// also came from the `llamaindex` umbrella package before the provider packages split out.
import type { ClientSignal, ProviderId } from '../types';
import { CHECKED_FRAMEWORKS as D, gh } from './common';

/** A file of a LangChain JS provider package (`langchain-openai/src/...`); also cited by the provider files' LangChain signals. */
export const langchainJsSource = (path: string) => gh('langchain-ai/langchainjs', '62fc484b2a0d1ec5b8bebff4a8a0efe6300ada72', `libs/providers/${path}`, D);
const LCJS = langchainJsSource;
const LC = (commit: string, path: string) => gh('langchain-ai/langchain', commit, `libs/partners/${path}`, D);
const LC_COHERE = (path: string) => gh('langchain-ai/langchain-cohere', '6833d1746886f3cb0fdbc4c1b4a18095264c512a', `libs/cohere/langchain_cohere/${path}`, D);
const LC_TOGETHER = (path: string) => gh('langchain-ai/langchain-together', '172b429fbc742b5295aefd508adf8949725d43c6', `libs/together/langchain_together/${path}`, D);
const LITS = (path: string) => gh('run-llama/LlamaIndexTS', 'acd9b66de4ec1305d8f7e87832cc68093116bb16', `packages/providers/${path}`, D);
// The `azure: {...}` option of @llamaindex/openai, before Azure moved to @llamaindex/azure (May 2025).
const LITS_AZURE = (path: string) => gh('run-llama/LlamaIndexTS', 'c719b968f3749f5731c55b45ee154a72ac0263fd', `packages/providers/openai/src/${path}`, D);
const LI = (commit: string, path: string) => gh('run-llama/llama_index', commit, `llama-index-integrations/${path}`, D);
const OLLAMA_JS = (path: string) => gh('ollama/ollama-js', 'f23d7eeb6de12916dc0ebd9f95e273acc0af01e8', path, D);
const OLLAMA_PY = (path: string) => gh('ollama/ollama-python', '25b93290d8cd07b0d00732641f812ee34fd4c989', path, D);

/** JS callees of a class exported by `@llamaindex/<pkg>` and, in older releases, by `llamaindex`. */
const llamaindexTs = (pkg: string, classes: string[]): string[] => classes.flatMap((c) => [`@llamaindex/${pkg}.${c}`, `llamaindex.${c}`]);

/** Python callees of LangChain partner classes, imported from the package or from its module (`langchain_cohere.chat_models`). */
const langchainPy = (pkg: string, modules: Record<string, string[]>): string[] =>
  Object.entries(modules).flatMap(([module, classes]) => classes.flatMap((c) => [`${pkg}.${c}`, `${pkg}.${module}.${c}`]));

/** The functions of the ollama libraries' module-level default client (`ollama.chat(...)`). */
const OLLAMA_METHODS = ['chat', 'generate', 'embed', 'embeddings', 'list', 'pull', 'push', 'create', 'delete', 'copy', 'show', 'ps'];

export const partnerClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  openai: [
    {
      id: 'llamaindex-ts-openai',
      languages: ['js'],
      callees: llamaindexTs('openai', ['OpenAI', 'OpenAIEmbedding']),
      packages: ['@llamaindex/openai', 'llamaindex'],
      options: { url: ['baseURL', 'additionalSessionOptions.baseURL'], model: ['model'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'Builds the OpenAI SDK client with baseURL, else OPENAI_BASE_URL.',
      sources: [LITS('openai/src/llm.ts'), LITS('openai/src/embedding.ts')],
    },
  ],
  'azure-openai': [
    {
      id: 'llamaindex-ts-openai-azure',
      languages: ['js'],
      callees: llamaindexTs('openai', ['OpenAI', 'OpenAIEmbedding']),
      requireOption: { name: 'azure', oneOf: [], anyValue: true },
      packages: ['@llamaindex/openai', 'llamaindex'],
      options: { url: ['azure.endpoint'], model: ['azure.deployment', 'model'] },
      env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      note: 'new OpenAI({ azure: {...} }) builds an AzureOpenAI client: the endpoint is azure.endpoint, else AZURE_OPENAI_ENDPOINT. Before May 2025 AZURE_OPENAI_ENDPOINT alone also switched it to Azure, which is not modelled (the class is then reported as OpenAI).',
      sources: [LITS_AZURE('llm.ts'), LITS_AZURE('azure.ts')],
    },
    {
      id: 'langchain-azure-openai-js',
      languages: ['js'],
      callees: ['@langchain/openai.AzureChatOpenAI', '@langchain/openai.AzureOpenAIEmbeddings', '@langchain/azure-openai.AzureChatOpenAI'],
      packages: ['@langchain/openai', '@langchain/azure-openai'],
      options: { url: ['azureOpenAIBasePath', 'azureOpenAIEndpoint'], resource: ['azureOpenAIApiInstanceName'], model: ['azureOpenAIApiDeploymentName', 'deploymentName'] },
      env: { url: ['AZURE_OPENAI_BASE_PATH', 'AZURE_OPENAI_ENDPOINT'], resource: ['AZURE_OPENAI_API_INSTANCE_NAME'] },
      defaults: { region: null },
      note: 'The endpoint is azureOpenAIBasePath, else azureOpenAIEndpoint, else https://<azureOpenAIApiInstanceName>.openai.azure.com, each with its AZURE_OPENAI_* variable.',
      sources: [LCJS('langchain-openai/src/utils/azure.ts'), LCJS('langchain-openai/src/azure/chat_models/common.ts')],
    },
    {
      id: 'llamaindex-azure-openai-embedding',
      languages: ['python'],
      callees: ['embeddings.azure_openai.AzureOpenAIEmbedding'],
      packages: ['llama-index-embeddings-azure-openai'],
      options: { url: ['azure_endpoint', 'api_base'], model: ['azure_deployment', 'deployment_name', 'model'] },
      env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      note: 'azure_endpoint, else AZURE_OPENAI_ENDPOINT (the OpenAI SDK\'s AzureOpenAI client).',
      sources: [gh('run-llama/llama_index', '6592809c0ef037057cf5c958f749bfe895d66a1f', 'llama-index-integrations/embeddings/llama-index-embeddings-azure-openai/llama_index/embeddings/azure_openai/base.py', D)],
    },
  ],
  'google-gemini-api': [
    {
      id: 'llamaindex-ts-gemini',
      languages: ['js'],
      callees: llamaindexTs('google', ['Gemini', 'GeminiEmbedding']),
      packages: ['@llamaindex/google', 'llamaindex'],
      options: { model: ['model'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'The Gemini API with GOOGLE_API_KEY unless vertex: {...} is given (Gemini) or vertexai: true (GeminiEmbedding).',
      sources: [LITS('google/src/base.ts'), LITS('google/src/GeminiEmbedding.ts')],
    },
  ],
  'google-vertex-ai': [
    {
      id: 'llamaindex-ts-gemini-vertex',
      languages: ['js'],
      callees: llamaindexTs('google', ['Gemini']),
      requireOption: { name: 'vertex', oneOf: [], anyValue: true },
      packages: ['@llamaindex/google', 'llamaindex'],
      options: { region: ['vertex.location'], model: ['model'] },
      defaults: { region: 'global' },
      note: 'vertex: { project, location } builds a Vertex AI google-genai client in that location; without them, Vertex AI express mode with the API key (location "global").',
      sources: [LITS('google/src/base.ts')],
    },
    {
      id: 'llamaindex-ts-gemini-embedding-vertex',
      languages: ['js'],
      callees: llamaindexTs('google', ['GeminiEmbedding']),
      requireOption: { name: 'vertexai', oneOf: [true] },
      packages: ['@llamaindex/google', 'llamaindex'],
      options: { region: ['location'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'GeminiEmbedding hands its options to google-genai\'s GoogleGenAI, so vertexai: true selects Vertex AI.',
      sources: [LITS('google/src/GeminiEmbedding.ts')],
    },
  ],
  anthropic: [
    {
      id: 'llamaindex-ts-anthropic',
      languages: ['js'],
      callees: llamaindexTs('anthropic', ['Anthropic']),
      packages: ['@llamaindex/anthropic', 'llamaindex'],
      options: { url: ['baseURL'], model: ['model'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      sources: [LITS('anthropic/src/llm.ts')],
    },
  ],
  mistral: [
    {
      id: 'llamaindex-ts-mistral',
      languages: ['js'],
      callees: llamaindexTs('mistral', ['MistralAI', 'MistralAIEmbedding']),
      packages: ['@llamaindex/mistral', 'llamaindex'],
      options: { model: ['model'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      note: 'Builds the Mistral SDK client with the API key only: always the SDK\'s default server.',
      sources: [LITS('mistral/src/llm.ts'), LITS('mistral/src/embedding.ts')],
    },
  ],
  cohere: [
    {
      id: 'llamaindex-cohere-embedding',
      languages: ['python'],
      callees: ['embeddings.cohere.CohereEmbedding'],
      packages: ['llama-index-embeddings-cohere'],
      options: { url: ['base_url'], model: ['model_name'] },
      env: { url: ['CO_API_URL'] },
      defaults: { host: 'api.cohere.com' },
      note: 'base_url is handed to cohere.ClientV2, which falls back to CO_API_URL and then its default host.',
      sources: [LI('893c44ab4ce3f624392734dd3f5c0976cd9e92c3', 'embeddings/llama-index-embeddings-cohere/llama_index/embeddings/cohere/base.py')],
    },
    {
      id: 'langchain-cohere',
      languages: ['python'],
      callees: langchainPy('langchain_cohere', { chat_models: ['ChatCohere'], embeddings: ['CohereEmbeddings'], rerank: ['CohereRerank'], llms: ['Cohere'] }),
      packages: ['langchain-cohere'],
      options: { url: ['base_url'], model: ['model'] },
      env: { url: ['CO_API_URL'] },
      defaults: { host: 'api.cohere.com' },
      note: 'base_url is handed to cohere.Client, which falls back to CO_API_URL and then its default host.',
      sources: [LC_COHERE('llms.py'), LC_COHERE('embeddings.py')],
    },
    {
      id: 'langchain-cohere-js',
      languages: ['js'],
      callees: ['@langchain/cohere.ChatCohere', '@langchain/cohere.CohereEmbeddings', '@langchain/cohere.CohereRerank', '@langchain/cohere.Cohere'],
      packages: ['@langchain/cohere'],
      options: { model: ['model'] },
      defaults: { host: 'api.cohere.com' },
      note: 'Builds CohereClient with the token only: the SDK\'s default environment. A client passed as client: is reported where it is built.',
      sources: [LCJS('langchain-cohere/src/client.ts')],
    },
  ],
  groq: [
    {
      id: 'langchain-groq-js',
      languages: ['js'],
      callees: ['@langchain/groq.ChatGroq'],
      packages: ['@langchain/groq'],
      options: { url: ['baseUrl'], model: ['model'] },
      defaults: { host: 'api.groq.com' },
      note: 'baseUrl is handed to the groq-sdk client as its baseURL.',
      sources: [LCJS('langchain-groq/src/chat_models.ts')],
    },
  ],
  together: [
    {
      id: 'llamaindex-together',
      languages: ['python'],
      callees: ['llms.together.TogetherLLM'],
      packages: ['llama-index-llms-together'],
      options: { url: ['api_base'], model: ['model'] },
      defaults: { host: 'api.together.xyz', baseUrl: 'https://api.together.xyz/v1' },
      sources: [LI('bbe6449790cbe51bf6273ac4064e0fe8d7da958e', 'llms/llama-index-llms-together/llama_index/llms/together/base.py')],
    },
    {
      id: 'langchain-together',
      languages: ['python'],
      callees: langchainPy('langchain_together', { chat_models: ['ChatTogether'], embeddings: ['TogetherEmbeddings'], llms: ['Together'] }),
      packages: ['langchain-together'],
      options: { url: ['base_url', 'together_api_base'], model: ['model'] },
      env: { url: ['TOGETHER_API_BASE'] },
      defaults: { host: 'api.together.xyz', baseUrl: 'https://api.together.xyz/v1' },
      sources: [LC_TOGETHER('chat_models.py'), LC_TOGETHER('embeddings.py')],
    },
    {
      id: 'langchain-together-js',
      languages: ['js'],
      callees: ['@langchain/together-ai.ChatTogetherAI', '@langchain/together-ai.TogetherAIEmbeddings', '@langchain/together-ai.TogetherAI'],
      packages: ['@langchain/together-ai'],
      options: { url: ['configuration.baseURL'], model: ['model'] },
      defaults: { host: 'api.together.xyz', baseUrl: 'https://api.together.xyz/v1' },
      note: 'ChatTogetherAI takes configuration.baseURL; the embeddings class always calls the default host.',
      sources: [LCJS('langchain-together-ai/src/chat_models.ts'), LCJS('langchain-together-ai/src/embeddings.ts')],
    },
    {
      id: 'llamaindex-ts-together',
      languages: ['js'],
      callees: llamaindexTs('together', ['TogetherLLM', 'TogetherEmbedding']),
      packages: ['@llamaindex/together', 'llamaindex'],
      options: { url: ['additionalSessionOptions.baseURL'], model: ['model'] },
      defaults: { host: 'api.together.xyz', baseUrl: 'https://api.together.xyz/v1' },
      sources: [LITS('together/src/llm.ts'), LITS('together/src/embedding.ts')],
    },
  ],
  fireworks: [
    {
      id: 'llamaindex-fireworks',
      languages: ['python'],
      callees: ['llms.fireworks.Fireworks'],
      packages: ['llama-index-llms-fireworks'],
      options: { url: ['api_base'], model: ['model'] },
      defaults: { host: 'api.fireworks.ai', baseUrl: 'https://api.fireworks.ai/inference/v1' },
      note: 'api_base defaults to the Fireworks URL, so FIREWORKS_API_BASE is read only when api_base=None is passed.',
      sources: [LI('58a43282cdc0451f54a99efd41619570f855b9b0', 'llms/llama-index-llms-fireworks/llama_index/llms/fireworks/base.py')],
    },
    {
      id: 'langchain-fireworks',
      languages: ['python'],
      callees: langchainPy('langchain_fireworks', { chat_models: ['ChatFireworks'], llms: ['Fireworks'] }),
      packages: ['langchain-fireworks'],
      options: { url: ['base_url', 'fireworks_api_base'], model: ['model'] },
      env: { url: ['FIREWORKS_API_BASE'] },
      defaults: { host: 'api.fireworks.ai', baseUrl: 'https://api.fireworks.ai/inference/v1' },
      sources: [LC('cb160aa7c1fa58350b6e8fd9ce3b9cc6f5ce93cf', 'fireworks/langchain_fireworks/chat_models.py')],
    },
    {
      id: 'langchain-fireworks-embeddings',
      languages: ['python'],
      callees: langchainPy('langchain_fireworks', { embeddings: ['FireworksEmbeddings'] }),
      packages: ['langchain-fireworks'],
      options: { model: ['model'] },
      defaults: { host: 'api.fireworks.ai', baseUrl: 'https://api.fireworks.ai/inference/v1' },
      note: 'Builds its OpenAI client with the Fireworks base URL fixed.',
      sources: [LC('67e87c79238bf73c18b5b0c6be09dd3e798fcae1', 'fireworks/langchain_fireworks/embeddings.py')],
    },
    {
      id: 'langchain-fireworks-js',
      languages: ['js'],
      callees: ['@langchain/fireworks.ChatFireworks', '@langchain/fireworks.FireworksEmbeddings', '@langchain/fireworks.Fireworks'],
      packages: ['@langchain/fireworks'],
      options: { url: ['configuration.baseURL'], model: ['model'] },
      env: { url: ['FIREWORKS_API_BASE', 'FIREWORKS_BASE_URL'] },
      defaults: { host: 'api.fireworks.ai', baseUrl: 'https://api.fireworks.ai/inference/v1' },
      note: 'ChatFireworks: configuration.baseURL, else FIREWORKS_API_BASE or FIREWORKS_BASE_URL; the embeddings and completion classes use the default host.',
      sources: [LCJS('langchain-fireworks/src/chat_models.ts'), LCJS('langchain-fireworks/src/embeddings.ts')],
    },
    {
      id: 'llamaindex-ts-fireworks',
      languages: ['js'],
      callees: llamaindexTs('fireworks', ['FireworksLLM', 'FireworksEmbedding']),
      packages: ['@llamaindex/fireworks', 'llamaindex'],
      options: { url: ['additionalSessionOptions.baseURL'], model: ['model'] },
      defaults: { host: 'api.fireworks.ai', baseUrl: 'https://api.fireworks.ai/inference/v1' },
      sources: [LITS('fireworks/src/llm.ts'), LITS('fireworks/src/embedding.ts')],
    },
  ],
  deepseek: [
    {
      id: 'llamaindex-deepseek',
      languages: ['python'],
      callees: ['llms.deepseek.DeepSeek'],
      packages: ['llama-index-llms-deepseek'],
      options: { url: ['api_base'], model: ['model'] },
      defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com' },
      sources: [LI('9a7c05043f291c9b640bd1616cd57774fad0cb0a', 'llms/llama-index-llms-deepseek/llama_index/llms/deepseek/base.py')],
    },
    {
      id: 'langchain-deepseek',
      languages: ['python'],
      callees: langchainPy('langchain_deepseek', { chat_models: ['ChatDeepSeek'] }),
      packages: ['langchain-deepseek'],
      options: { url: ['api_base'], model: ['model'] },
      env: { url: ['DEEPSEEK_API_BASE'] },
      defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com/v1' },
      sources: [LC('ee48f478958a9db9c025e1e3e9aa39befccca7d8', 'deepseek/langchain_deepseek/chat_models.py')],
    },
    {
      id: 'langchain-deepseek-js',
      languages: ['js'],
      callees: ['@langchain/deepseek.ChatDeepSeek'],
      packages: ['@langchain/deepseek'],
      options: { url: ['configuration.baseURL'], model: ['model'] },
      defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com' },
      sources: [LCJS('langchain-deepseek/src/chat_models.ts')],
    },
    {
      id: 'llamaindex-ts-deepseek',
      languages: ['js'],
      callees: llamaindexTs('deepseek', ['DeepSeekLLM']),
      packages: ['@llamaindex/deepseek', 'llamaindex'],
      options: { url: ['additionalSessionOptions.baseURL'], model: ['model'] },
      defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com/v1' },
      sources: [LITS('deepseek/src/llm.ts')],
    },
  ],
  xai: [
    {
      id: 'langchain-xai',
      languages: ['python'],
      callees: langchainPy('langchain_xai', { chat_models: ['ChatXAI'] }),
      packages: ['langchain-xai'],
      options: { url: ['xai_api_base'], model: ['model'] },
      defaults: { host: 'api.x.ai', baseUrl: 'https://api.x.ai/v1' },
      sources: [LC('cbcb8d54e381d0d62e12895bf0a13942d2565a0b', 'xai/langchain_xai/chat_models.py')],
    },
    {
      id: 'langchain-xai-js',
      languages: ['js'],
      callees: ['@langchain/xai.ChatXAI', '@langchain/xai.ChatXAIResponses'],
      packages: ['@langchain/xai'],
      options: { url: ['baseURL'], model: ['model'] },
      defaults: { host: 'api.x.ai', baseUrl: 'https://api.x.ai/v1' },
      sources: [LCJS('langchain-xai/src/chat_models/completions.ts'), LCJS('langchain-xai/src/chat_models/responses.ts')],
    },
    {
      id: 'llamaindex-ts-xai',
      languages: ['js'],
      callees: llamaindexTs('xai', ['XAILLM']),
      packages: ['@llamaindex/xai', 'llamaindex'],
      options: { url: ['additionalSessionOptions.baseURL'], model: ['model'] },
      defaults: { host: 'api.x.ai', baseUrl: 'https://api.x.ai/v1' },
      sources: [LITS('xai/src/llm.ts')],
    },
  ],
  perplexity: [
    {
      id: 'llamaindex-perplexity',
      languages: ['python'],
      callees: ['llms.perplexity.Perplexity'],
      packages: ['llama-index-llms-perplexity'],
      options: { url: ['api_base'], model: ['model'] },
      defaults: { host: 'api.perplexity.ai', baseUrl: 'https://api.perplexity.ai' },
      sources: [LI('660eb5531dcea834a6b79cf1522ba90a4c68953e', 'llms/llama-index-llms-perplexity/llama_index/llms/perplexity/base.py')],
    },
    {
      id: 'langchain-perplexity',
      languages: ['python', 'js'],
      callees: [
        ...langchainPy('langchain_perplexity', { chat_models: ['ChatPerplexity'] }),
        ...langchainPy('langchain_community.chat_models', { perplexity: ['ChatPerplexity'] }),
        '@langchain/perplexity.ChatPerplexity',
        '@langchain/community/chat_models/perplexity.ChatPerplexity',
      ],
      packages: ['langchain-perplexity', 'langchain-community', '@langchain/perplexity', '@langchain/community'],
      options: { model: ['model'] },
      defaults: { host: 'api.perplexity.ai', baseUrl: 'https://api.perplexity.ai' },
      note: 'Builds its client with the Perplexity base URL fixed (langchain_community.chat_models.ChatPerplexity likewise).',
      sources: [LC('863d8169c15c97efd9548277ad1617ef560acaef', 'perplexity/langchain_perplexity/chat_models.py'), LCJS('langchain-perplexity/src/chat_models.ts')],
    },
    {
      id: 'llamaindex-ts-perplexity',
      languages: ['js'],
      callees: llamaindexTs('perplexity', ['Perplexity']),
      packages: ['@llamaindex/perplexity', 'llamaindex'],
      options: { url: ['additionalSessionOptions.baseURL'], model: ['model'] },
      defaults: { host: 'api.perplexity.ai', baseUrl: 'https://api.perplexity.ai' },
      sources: [LITS('perplexity/src/llm.ts')],
    },
  ],
  openrouter: [
    {
      id: 'llamaindex-openrouter',
      languages: ['python'],
      callees: ['llms.openrouter.OpenRouter'],
      packages: ['llama-index-llms-openrouter'],
      options: { url: ['api_base'], model: ['model'] },
      defaults: { host: 'openrouter.ai', baseUrl: 'https://openrouter.ai/api/v1' },
      note: 'api_base defaults to the OpenRouter URL, so OPENROUTER_API_BASE is read only when api_base=None is passed.',
      sources: [LI('bdc56a68298484274d07771bb14868fd48d307f8', 'llms/llama-index-llms-openrouter/llama_index/llms/openrouter/base.py')],
    },
  ],
  databricks: [
    {
      id: 'langchain-databricks',
      languages: ['python'],
      callees: [
        ...langchainPy('databricks_langchain', { chat_models: ['ChatDatabricks'], embeddings: ['DatabricksEmbeddings'] }),
        ...langchainPy('langchain_databricks', { chat_models: ['ChatDatabricks'], embeddings: ['DatabricksEmbeddings'] }),
      ],
      packages: ['databricks-langchain', 'langchain-databricks'],
      options: { model: ['endpoint', 'model'] },
      env: { url: ['DATABRICKS_HOST'] },
      defaults: { region: null },
      note: 'endpoint= names a Model Serving endpoint of the workspace; the workspace host comes from the Databricks config (DATABRICKS_HOST or a profile), not from code.',
      sources: [gh('databricks/databricks-ai-bridge', '2921b9f70c723cf31c7a3570d036cbfb8100c2ac', 'integrations/langchain/src/databricks_langchain/embeddings.py', D)],
    },
  ],
  'ibm-watsonx': [
    {
      id: 'langchain-ibm-js',
      languages: ['js'],
      callees: ['@langchain/community/chat_models/ibm.ChatWatsonx', '@langchain/ibm.ChatWatsonx', '@langchain/ibm.WatsonxEmbeddings', '@langchain/ibm.WatsonxLLM'],
      packages: ['@langchain/ibm', '@langchain/community'],
      options: { url: ['serviceUrl'], model: ['model'] },
      defaults: { region: null },
      note: 'serviceUrl is required (the watsonx.ai region\'s URL); there is no default.',
      sources: [LCJS('langchain-ibm/src/chat_models/ibm.ts')],
    },
  ],
  'self-hosted': [
    {
      id: 'llamaindex-ts-ollama',
      languages: ['js'],
      callees: llamaindexTs('ollama', ['Ollama', 'OllamaEmbedding']),
      packages: ['@llamaindex/ollama', 'llamaindex'],
      options: { url: ['config.host'], model: ['model'] },
      defaults: { host: '127.0.0.1' },
      note: 'config: { host } is handed to ollama-js, whose default is http://127.0.0.1:11434.',
      sources: [LITS('ollama/src/llm.ts'), OLLAMA_JS('src/constant.ts')],
    },
    {
      id: 'llamaindex-ollama-embedding',
      languages: ['python'],
      callees: ['embeddings.ollama.OllamaEmbedding'],
      packages: ['llama-index-embeddings-ollama'],
      options: { url: ['base_url'], model: ['model_name'] },
      defaults: { host: 'localhost' },
      note: 'Default base_url http://localhost:11434.',
      sources: [gh('run-llama/llama_index', '694ef35852dcc3f8042bf2f24a64aa3b127a3919', 'llama-index-integrations/embeddings/llama-index-embeddings-ollama/llama_index/embeddings/ollama/base.py', D)],
    },
    {
      id: 'ollama-python-default-client',
      languages: ['python'],
      callees: OLLAMA_METHODS.map((m) => `ollama.${m}`),
      moduleClient: 'ollama',
      packages: ['ollama'],
      options: {},
      env: { url: ['OLLAMA_HOST'] },
      defaults: { host: '127.0.0.1' },
      note: 'ollama.chat(...) and the other module functions use a Client() built at import: OLLAMA_HOST, else http://127.0.0.1:11434.',
      sources: [OLLAMA_PY('ollama/__init__.py'), OLLAMA_PY('ollama/_client.py')],
    },
    {
      id: 'ollama-js-default-client',
      languages: ['js'],
      // `import ollama from "ollama"` binds the package's default export, a default-configured Ollama instance.
      callees: OLLAMA_METHODS.map((m) => `ollama.ollama.${m}`),
      packages: ['ollama'],
      options: {},
      defaults: { host: '127.0.0.1' },
      note: 'The default export is new Ollama() with http://127.0.0.1:11434; ollama-js reads no host variable.',
      sources: [OLLAMA_JS('src/index.ts'), OLLAMA_JS('src/constant.ts')],
    },
  ],
};
