// mem0 (the memory layer of many agent apps): an application configures it with a dict whose
// `llm` and `embedder` parts each name a provider and that provider's options, and mem0
// builds the provider's own SDK client from them. Read from mem0's source at one commit:
// which client each provider class builds, which config key or env variable it passes as the
// base URL or region, and what it passes when neither is set.
import type { ConfiguredProvider, ProviderConfigLibrary, Source } from '../types';
import { CHECKED_FRAMEWORKS, gh } from './common';

const MEM0_COMMIT = '8d5b7865bd0521e75fe9ab1b260eeccc83f8a378';
const mem0 = (path: string): Source => gh('mem0ai/mem0', MEM0_COMMIT, path, CHECKED_FRAMEWORKS);
const py = (path: string): Source => mem0(`mem0/${path}`);
const ts = (path: string): Source => mem0(`mem0-ts/src/oss/src/${path}`);

const LLM_FACTORY = py('utils/factory.py');
const EMBEDDER_BASE = py('configs/embeddings/base.py');
/** mem0-ts fills an LLM part's missing baseURL with its default config's OpenAI URL (for every provider but vllm). */
const TS_MERGE = ts('config/manager.ts');
const TS_DEFAULTS = ts('config/defaults.ts');
/** mem0-ts's own test: an ollama LLM part without url or baseURL gets https://api.openai.com/v1. */
const TS_MERGE_TEST = mem0('mem0-ts/src/oss/tests/config-manager.test.ts');
const TS_MERGED_NOTE = 'mem0-ts ConfigManager.mergeConfig gives an LLM part without baseURL or url the default config\'s https://api.openai.com/v1 (every provider but vllm), which its class passes on to its SDK client.';
/** The keys mem0-ts reads an LLM part's base URL from, in its order (snake_case ones from Python configs too). */
const TS_LLM_URL = ['baseURL', 'vllmBaseURL', 'vllm_base_url', 'lmstudio_base_url', 'url'];
const TS_OPENAI_DEFAULT = { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' };
/** mem0-ts's provider classes, as `mem0ai/oss` exports them (its examples import them from its source folder). */
const tsClass = (name: string): string => `mem0ai/oss.${name}`;

const GOOGLE_CLASSES = { llm: tsClass('GoogleLLM'), embedder: tsClass('GoogleEmbedder') };

const providers: ConfiguredProvider[] = [
  // ---- Python: mem0/llms/*.py, mem0/embeddings/*.py ----
  {
    key: 'openai', parts: ['llm'], languages: ['python'], client: 'openai-python', when: { env: ['OPENROUTER_API_KEY'] },
    url: ['openrouter_base_url'], env: { url: ['OPENROUTER_API_BASE'] }, defaults: { host: 'openrouter.ai', baseUrl: 'https://openrouter.ai/api/v1' },
    note: 'With OPENROUTER_API_KEY set where it runs: OpenAI(base_url=openrouter_base_url or OPENROUTER_API_BASE or https://openrouter.ai/api/v1).',
    sources: [py('llms/openai.py'), py('configs/llms/openai.py')],
  },
  {
    key: 'openai', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['openai_base_url'], env: { url: ['OPENAI_BASE_URL'] }, defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    note: 'OpenAI(base_url=openai_base_url or OPENAI_BASE_URL or https://api.openai.com/v1).',
    sources: [py('llms/openai.py'), LLM_FACTORY],
  },
  {
    key: 'openai_structured', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['openai_base_url'], env: { url: ['OPENAI_BASE_URL'] }, defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    sources: [py('llms/openai_structured.py')],
  },
  {
    key: 'openai', parts: ['embedder'], languages: ['python'], client: 'openai-python',
    url: ['openai_base_url'], env: { url: ['OPENAI_API_BASE', 'OPENAI_BASE_URL'] }, defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    sources: [py('embeddings/openai.py'), EMBEDDER_BASE],
  },
  {
    key: 'azure_openai', parts: ['llm'], languages: ['python'], client: 'openai-azure',
    url: ['azure_kwargs.azure_endpoint'], env: { url: ['LLM_AZURE_ENDPOINT'] },
    sources: [py('llms/azure_openai.py'), py('configs/llms/azure.py')],
  },
  {
    key: 'azure_openai_structured', parts: ['llm'], languages: ['python'], client: 'openai-azure',
    url: ['azure_kwargs.azure_endpoint'], env: { url: ['LLM_AZURE_ENDPOINT'] },
    sources: [py('llms/azure_openai_structured.py')],
  },
  {
    key: 'azure_openai', parts: ['embedder'], languages: ['python'], client: 'openai-azure',
    url: ['azure_kwargs.azure_endpoint'], env: { url: ['EMBEDDING_AZURE_ENDPOINT'] },
    sources: [py('embeddings/azure_openai.py')],
  },
  {
    key: 'anthropic', parts: ['llm'], languages: ['python'], client: 'anthropic-sdk',
    url: ['anthropic_base_url'],
    sources: [py('llms/anthropic.py')],
  },
  {
    key: 'aws_bedrock', parts: ['llm'], languages: ['python'], client: 'boto3-bedrock',
    region: ['aws_region'], model: ['model'], env: { region: ['AWS_REGION'] }, defaults: { region: 'us-west-2' },
    note: 'boto3.client("bedrock-runtime", region_name=aws_region or AWS_REGION or "us-west-2").',
    sources: [py('llms/aws_bedrock.py'), py('configs/llms/aws_bedrock.py')],
  },
  {
    key: 'aws_bedrock', parts: ['embedder'], languages: ['python'], client: 'boto3-bedrock',
    region: ['aws_region'], model: ['model'], env: { region: ['AWS_REGION'] }, defaults: { region: 'us-west-2' },
    sources: [py('embeddings/aws_bedrock.py'), EMBEDDER_BASE],
  },
  {
    key: 'gemini', parts: ['llm'], languages: ['python'], client: 'google-genai-python-vertex',
    when: { key: 'vertexai', oneOf: [true] }, region: ['location'],
    note: 'genai.Client(vertexai=True, project=..., location=...) when the config sets vertexai.',
    sources: [py('llms/gemini.py'), py('configs/llms/gemini.py')],
  },
  {
    key: 'gemini', parts: ['llm', 'embedder'], languages: ['python'], client: 'google-genai-python-vertex',
    when: { env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
    note: 'genai.Client(api_key=...) with GOOGLE_GENAI_USE_VERTEXAI on where it runs: the SDK picks Vertex AI, at GOOGLE_CLOUD_LOCATION.',
    sources: [py('llms/gemini.py'), py('embeddings/gemini.py')],
  },
  {
    key: 'gemini', parts: ['llm', 'embedder'], languages: ['python'], client: 'google-genai-python-gemini',
    note: 'genai.Client(api_key=...): the Gemini API.',
    sources: [py('llms/gemini.py'), py('embeddings/gemini.py')],
  },
  {
    key: 'groq', parts: ['llm'], languages: ['python'], client: 'groq-sdk',
    note: 'Groq(api_key=...): the SDK\'s own env variable and default host.',
    sources: [py('llms/groq.py')],
  },
  {
    key: 'together', parts: ['llm', 'embedder'], languages: ['python'], client: 'together-sdk',
    sources: [py('llms/together.py'), py('embeddings/together.py')],
  },
  {
    key: 'deepseek', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['deepseek_base_url'], env: { url: ['DEEPSEEK_API_BASE'] }, defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com' },
    sources: [py('llms/deepseek.py')],
  },
  {
    key: 'xai', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['xai_base_url'], env: { url: ['XAI_API_BASE'] }, defaults: { host: 'api.x.ai', baseUrl: 'https://api.x.ai/v1' },
    sources: [py('llms/xai.py')],
  },
  {
    key: 'vllm', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['vllm_base_url'], env: { url: ['VLLM_BASE_URL'] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:8000/v1' },
    sources: [py('llms/vllm.py'), py('configs/llms/vllm.py')],
  },
  {
    key: 'lmstudio', parts: ['llm'], languages: ['python'], client: 'openai-python',
    url: ['lmstudio_base_url'], env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:1234/v1' },
    sources: [py('llms/lmstudio.py'), py('configs/llms/lmstudio.py')],
  },
  {
    key: 'lmstudio', parts: ['embedder'], languages: ['python'], client: 'openai-python',
    url: ['lmstudio_base_url'], env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:1234/v1' },
    sources: [py('embeddings/lmstudio.py'), EMBEDDER_BASE],
  },
  {
    key: 'ollama', parts: ['llm', 'embedder'], languages: ['python'], client: 'ollama-python',
    url: ['ollama_base_url'],
    note: 'ollama.Client(host=ollama_base_url): without one, the SDK\'s OLLAMA_HOST and default.',
    sources: [py('llms/ollama.py'), py('embeddings/ollama.py')],
  },
  {
    key: 'huggingface', parts: ['embedder'], languages: ['python'], client: 'openai-python',
    url: ['huggingface_base_url'], env: { url: [] }, defaults: {}, localWithoutUrl: true,
    note: 'An OpenAI client for huggingface_base_url (a TEI server); without one, a local sentence-transformers model.',
    sources: [py('embeddings/huggingface.py')],
  },
  {
    key: 'fastembed', parts: ['embedder'], languages: ['python'], localWithoutUrl: true,
    note: 'fastembed TextEmbedding: a local model.',
    sources: [py('embeddings/fastembed.py')],
  },
  // ---- TypeScript: mem0ai/oss (mem0-ts/src/oss/src) ----
  {
    key: 'openai', parts: ['llm'], languages: ['js'], client: 'openai-node', classes: { llm: tsClass('OpenAILLM') },
    url: TS_LLM_URL,
    note: 'new OpenAI({ baseURL }): without one, the SDK\'s OPENAI_BASE_URL and default.',
    sources: [ts('llms/openai.ts')],
  },
  {
    key: 'openai', parts: ['embedder'], languages: ['js'], client: 'openai-node', classes: { embedder: tsClass('OpenAIEmbedder') },
    url: ['baseURL', 'lmstudio_base_url', 'url'],
    note: 'new OpenAI({ baseURL: baseURL || url }): without one, the SDK\'s OPENAI_BASE_URL and default.',
    sources: [ts('embeddings/openai.ts'), TS_MERGE],
  },
  {
    key: 'anthropic', parts: ['llm'], languages: ['js'], client: 'anthropic-sdk', classes: { llm: tsClass('AnthropicLLM') },
    url: TS_LLM_URL,
    note: 'new Anthropic({ apiKey, baseURL }) with baseURL only when set.',
    sources: [ts('llms/anthropic.ts')],
  },
  {
    key: 'xai', parts: ['llm'], languages: ['js'], client: 'openai-node', classes: { llm: tsClass('XAILLM') },
    url: TS_LLM_URL, env: { url: ['XAI_API_BASE'] }, defaults: { host: 'api.x.ai', baseUrl: 'https://api.x.ai/v1' },
    note: 'new OpenAI({ baseURL: baseURL || XAI_API_BASE || "https://api.x.ai/v1" }).',
    sources: [ts('llms/xai.ts')],
  },
  {
    key: 'ollama', parts: ['llm'], languages: ['js'], client: 'ollama-js-llamaindex', classes: { llm: tsClass('OllamaLLM') },
    url: ['url', ...TS_LLM_URL], env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:11434' },
    note: 'new Ollama({ host: url || baseURL || "http://localhost:11434" }).',
    sources: [ts('llms/ollama.ts')],
  },
  {
    key: 'ollama', parts: ['embedder'], languages: ['js'], client: 'ollama-js-llamaindex', classes: { embedder: tsClass('OllamaEmbedder') },
    url: ['url', 'baseURL', 'lmstudio_base_url'], env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:11434' },
    sources: [ts('embeddings/ollama.ts'), TS_MERGE],
  },
  ...['google', 'gemini'].flatMap((key): ConfiguredProvider[] => [
    {
      key, parts: ['llm', 'embedder'], languages: ['js'], client: 'google-genai-js-vertex', when: { env: ['GOOGLE_GENAI_USE_VERTEXAI'] }, classes: GOOGLE_CLASSES,
      note: 'new GoogleGenAI({ apiKey }) with GOOGLE_GENAI_USE_VERTEXAI on where it runs: the SDK picks Vertex AI.',
      sources: [ts('llms/google.ts'), ts('embeddings/google.ts'), ts('utils/factory.ts')],
    },
    {
      key, parts: ['llm', 'embedder'], languages: ['js'], client: 'google-genai-js-gemini', classes: GOOGLE_CLASSES,
      note: 'new GoogleGenAI({ apiKey }): the Gemini API.',
      sources: [ts('llms/google.ts'), ts('embeddings/google.ts'), ts('utils/factory.ts')],
    },
  ]),
  {
    key: 'groq', parts: ['llm'], languages: ['js'], client: 'groq-sdk', classes: { llm: tsClass('GroqLLM') },
    sources: [ts('llms/groq.ts')],
  },
  {
    key: 'azure_openai', parts: ['llm', 'embedder'], languages: ['js'], client: 'openai-azure', classes: { llm: tsClass('AzureOpenAILLM'), embedder: tsClass('AzureOpenAIEmbedder') },
    url: ['modelProperties.endpoint'],
    note: 'new AzureOpenAI({ endpoint: modelProperties.endpoint, ... }).',
    sources: [ts('llms/azure.ts'), ts('embeddings/azure.ts')],
  },
  {
    key: 'deepseek', parts: ['llm'], languages: ['js'], client: 'openai-node', classes: { llm: tsClass('DeepSeekLLM') },
    url: TS_LLM_URL, env: { url: ['DEEPSEEK_API_BASE'] }, defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com' },
    note: 'new OpenAI({ baseURL: baseURL || DEEPSEEK_API_BASE || "https://api.deepseek.com" }).',
    sources: [ts('llms/deepseek.ts')],
  },
  {
    key: 'lmstudio', parts: ['llm'], languages: ['js'], client: 'openai-node', classes: { llm: tsClass('LMStudioLLM') },
    url: TS_LLM_URL, env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:1234/v1' },
    note: 'An OpenAI client at baseURL ?? "http://localhost:1234/v1".',
    sources: [ts('llms/lmstudio.ts')],
  },
  {
    key: 'lmstudio', parts: ['embedder'], languages: ['js'], client: 'openai-node', classes: { embedder: tsClass('LMStudioEmbedder') },
    url: ['baseURL', 'lmstudio_base_url', 'url'], env: { url: [] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:1234/v1' },
    sources: [ts('embeddings/lmstudio.ts'), TS_MERGE],
  },
  {
    key: 'vllm', parts: ['llm'], languages: ['js'], client: 'openai-node', classes: { llm: tsClass('VllmLLM') },
    url: TS_LLM_URL, env: { url: ['VLLM_BASE_URL'] }, defaults: { host: 'localhost', baseUrl: 'http://localhost:8000/v1' },
    note: 'mem0-ts leaves a vllm part\'s baseURL empty: baseURL, vllmBaseURL, vllm_base_url, url, VLLM_BASE_URL, else http://localhost:8000/v1.',
    sources: [ts('llms/vllm.ts'), TS_MERGE, TS_MERGE_TEST],
  },
  {
    key: 'mistral', parts: ['llm'], languages: ['js'], client: 'mistralai-sdk', classes: { llm: tsClass('MistralLLM') },
    note: 'new Mistral({ apiKey }): the SDK\'s default server, whatever baseURL says.',
    sources: [ts('llms/mistral.ts')],
  },
  {
    key: 'aws_bedrock', parts: ['llm'], languages: ['js'], client: 'aws-sdk-js-bedrock', classes: { llm: tsClass('AWSBedrockLLM') },
    region: ['awsRegion', 'aws_region'], model: ['model'], env: { region: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }, defaults: { region: null },
    sources: [ts('llms/aws_bedrock.ts'), TS_MERGE],
  },
  {
    key: 'aws_bedrock', parts: ['embedder'], languages: ['js'], client: 'aws-sdk-js-bedrock', classes: { embedder: tsClass('AWSBedrockEmbedder') },
    region: ['awsRegion'], model: ['model'], env: { region: ['AWS_REGION'] }, defaults: { region: 'us-west-2' },
    sources: [ts('embeddings/aws_bedrock.ts'), TS_MERGE],
  },
];

export const configLibraries: ProviderConfigLibrary[] = [
  {
    id: 'mem0',
    callees: [
      {
        language: 'python',
        names: ['mem0.Memory', 'mem0.AsyncMemory', 'mem0.memory.main.Memory', 'mem0.memory.main.AsyncMemory']
          .flatMap((c) => [c, `${c}.from_config`]),
      },
      { language: 'js', names: ['mem0ai/oss.Memory', 'mem0ai/oss.Memory.fromConfig'] },
    ],
    configArguments: ['config', 'config_dict', 'configDict'],
    configClasses: ['MemoryConfig', 'LlmConfig', 'EmbedderConfig'],
    parts: [
      {
        key: 'llm', defaultProvider: 'openai',
        mergedUrl: { languages: ['js'], except: ['vllm'], defaults: TS_OPENAI_DEFAULT, note: TS_MERGED_NOTE, sources: [TS_MERGE, TS_DEFAULTS, TS_MERGE_TEST] },
      },
      { key: 'embedder', defaultProvider: 'openai' },
    ],
    // MemoryConfig's own fields (mem0/configs/base.py); embedchain's similar dicts have `vectordb`, not these.
    configMarkers: ['vector_store', 'history_db_path', 'graph_store'],
    providerKey: 'provider',
    configKey: 'config',
    providers,
    libraryModules: ['mem0.llms', 'mem0.embeddings'],
    // mem0ai's TypeScript source, also a package of its own (mem0ai-oss) in its src/oss folder.
    // Its provider classes, the factory that builds them from a config, and the default config.
    libraryFolders: [
      { package: 'mem0ai', folders: ['src/oss/src/llms', 'src/oss/src/embeddings', 'src/oss/src/utils', 'src/oss/src/config'], entry: { folder: 'src/oss/src', module: 'mem0ai/oss' } },
      { package: 'mem0ai-oss', folders: ['src/llms', 'src/embeddings', 'src/utils', 'src/config'], entry: { folder: 'src', module: 'mem0ai/oss' } },
    ],
    sources: [mem0('mem0-ts/package.json'), mem0('mem0-ts/src/oss/package.json'), py('memory/main.py'), py('configs/base.py'), py('llms/configs.py'), py('embeddings/configs.py'), LLM_FACTORY, ts('utils/factory.ts'), TS_DEFAULTS],
  },
];
