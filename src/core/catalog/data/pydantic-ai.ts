// Pydantic AI: `Agent("groq:llama-3.3-70b-versatile")` names its model as "provider:model";
// pydantic_ai.models.infer_model splits it at the first ":" and builds the provider class that
// providers.infer_provider_class names for the key (GroqProvider, OpenAIProvider, ...), each
// with its own default base URL and env variables. The same provider classes may be built by
// hand (`OpenAIChatModel("gpt-4o", provider=OpenAIProvider(base_url=...))`), and a model may be
// chosen per run (`agent.run(..., model="openai:gpt-4o")`, `agent.override(model=...)`).
// The prefix table is kept here, as data, so any reader of a "provider:model" string can use it.
import type { ClientSignal, ModelStringRouter, ProviderId } from '../types';
import { CHECKED_FRAMEWORKS as D, gh, src } from './common';

const PAI = 'pydantic/pydantic-ai';
const PAI_COMMIT = '4fda38988f2939fa6ea9cdefcf120693e10ef491';
const pai = (path: string) => gh(PAI, PAI_COMMIT, `pydantic_ai_slim/pydantic_ai/${path}`, D);
const provider = (name: string) => pai(`providers/${name}.py`);
const INFER = pai('providers/__init__.py');
const INFER_MODEL = pai('models/__init__.py');
const AGENT = pai('agent/__init__.py');
const MODELS_DOCS = src('https://ai.pydantic.dev/models/overview/', D);
// pydantic-ai 1.x: `google-gla` (GoogleProvider, the Gemini API) and `google-vertex` (GoogleCloudProvider) were
// the keys, and GoogleProvider(vertexai=True) still built a Vertex AI client; 2.x keeps `google` and `google-cloud`.
const PAI_1X = '61c71f01b613094f18bc1e91fdd307f78b95ef5d';
const GOOGLE_OLD = gh(PAI, PAI_1X, 'pydantic_ai_slim/pydantic_ai/providers/__init__.py', D);
const GOOGLE_OLD_PROVIDER = gh(PAI, PAI_1X, 'pydantic_ai_slim/pydantic_ai/providers/google.py', D);

// Older pydantic-ai (PR #1239 removed it in March 2025): VertexAIModel(model_name, region='us-central1').
const VERTEX_MODEL_OLD = gh(PAI, '514433accf36446130fbfcf25bd4942af9b21b55', 'pydantic_ai_slim/pydantic_ai/models/vertexai.py', D);

const PACKAGES = ['pydantic-ai', 'pydantic-ai-slim'];
/** The provider classes, as their module qualifies them (`from pydantic_ai.providers.groq import GroqProvider`). */
const cls = (module: string, name: string): string[] => [`pydantic_ai.providers.${module}.${name}`];

/** A provider class with a fixed base URL that a caller cannot change but by handing it a client. */
const fixed = (id: string, module: string, name: string, host: string, baseUrl: string): ClientSignal => ({
  id, languages: ['python'], callees: cls(module, name), packages: PACKAGES,
  options: { client: ['openai_client'] }, defaults: { host, baseUrl }, sources: [provider(module), INFER],
});

export const pydanticAiClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  openai: [{
    id: 'pydantic-ai-openai', languages: ['python'], callees: cls('openai', 'OpenAIProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['openai_client'] }, env: { url: ['OPENAI_BASE_URL'] },
    defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    note: 'Builds AsyncOpenAI(base_url=...), which falls back to OPENAI_BASE_URL, then api.openai.com; any OpenAI-compatible host decides the provider.',
    sources: [provider('openai'), INFER],
  }],
  'azure-openai': [{
    id: 'pydantic-ai-azure', languages: ['python'], callees: cls('azure', 'AzureProvider'), packages: PACKAGES,
    options: { url: ['azure_endpoint'], client: ['openai_client'] }, env: { url: ['AZURE_OPENAI_ENDPOINT'] },
    defaults: { region: null }, sources: [provider('azure'), INFER],
  }],
  anthropic: [{
    id: 'pydantic-ai-anthropic', languages: ['python'], callees: cls('anthropic', 'AnthropicProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['anthropic_client'] }, env: { url: ['ANTHROPIC_BASE_URL'] },
    defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
    note: 'Builds AsyncAnthropic(base_url=...); the SDK reads ANTHROPIC_BASE_URL when it is None. An anthropic_client= (Bedrock, Vertex, Foundry) is reported where it is built.',
    sources: [provider('anthropic'), INFER],
  }],
  'google-gemini-api': [{
    id: 'pydantic-ai-google', languages: ['python'], callees: cls('google', 'GoogleProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['client'] },
    unless: { name: 'vertexai', oneOf: [true] },
    defaults: { host: 'generativelanguage.googleapis.com' },
    note: 'GoogleProvider builds google-genai\'s Client(vertexai=False): the Gemini Developer API. Older versions took vertexai=True for Vertex AI (now GoogleCloudProvider).',
    sources: [provider('google'), INFER, GOOGLE_OLD, GOOGLE_OLD_PROVIDER],
  }],
  'google-vertex-ai': [
    {
      id: 'pydantic-ai-google-cloud', languages: ['python'], callees: cls('google_cloud', 'GoogleCloudProvider'), packages: PACKAGES,
      options: { region: ['location'], url: ['base_url'], client: ['client'] }, env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'us-central1' },
      note: 'Vertex AI in location=, else GOOGLE_CLOUD_LOCATION, else us-central1 (with only an API key, Vertex AI express mode).',
      sources: [provider('google_cloud'), INFER],
    },
    {
      id: 'pydantic-ai-vertexai-model', languages: ['python'], callees: ['pydantic_ai.models.vertexai.VertexAIModel'], packages: PACKAGES,
      options: { region: ['region'], model: ['model_name', '$0'] },
      defaults: { region: 'us-central1' },
      note: 'Older pydantic-ai (until March 2025): VertexAIModel(model_name, region=...) sends to {region}-aiplatform.googleapis.com, us-central1 by default.',
      sources: [VERTEX_MODEL_OLD],
    },
    {
      id: 'pydantic-ai-google-vertex', languages: ['python'], callees: cls('google', 'GoogleProvider'), packages: PACKAGES,
      requireOption: { name: 'vertexai', oneOf: [true] },
      options: { region: ['location'], url: ['base_url'], client: ['client'] }, env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'us-central1' },
      note: 'pydantic-ai 1.x: GoogleProvider(vertexai=True) hands over to GoogleCloudProvider, Vertex AI in us-central1 unless location= or GOOGLE_CLOUD_LOCATION says otherwise.',
      sources: [GOOGLE_OLD_PROVIDER, provider('google_cloud')],
    },
  ],
  'aws-bedrock': [{
    id: 'pydantic-ai-bedrock', languages: ['python'], callees: cls('bedrock', 'BedrockProvider'), packages: PACKAGES,
    options: { region: ['region_name'], url: ['base_url'], client: ['bedrock_client'] }, env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
    defaults: { region: null }, sources: [provider('bedrock'), INFER],
  }],
  groq: [{
    id: 'pydantic-ai-groq', languages: ['python'], callees: cls('groq', 'GroqProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['groq_client'] }, env: { url: ['GROQ_BASE_URL'] },
    defaults: { host: 'api.groq.com', baseUrl: 'https://api.groq.com' },
    note: 'base_url, else GROQ_BASE_URL, else https://api.groq.com.',
    sources: [provider('groq'), INFER],
  }],
  mistral: [{
    id: 'pydantic-ai-mistral', languages: ['python'], callees: cls('mistral', 'MistralProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['mistral_client'] },
    defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' }, sources: [provider('mistral'), INFER],
  }],
  cohere: [{
    id: 'pydantic-ai-cohere', languages: ['python'], callees: cls('cohere', 'CohereProvider'), packages: PACKAGES,
    options: { client: ['cohere_client'] }, env: { url: ['CO_BASE_URL'] },
    defaults: { host: 'api.cohere.com' }, sources: [provider('cohere'), INFER],
  }],
  deepseek: [fixed('pydantic-ai-deepseek', 'deepseek', 'DeepSeekProvider', 'api.deepseek.com', 'https://api.deepseek.com')],
  openrouter: [fixed('pydantic-ai-openrouter', 'openrouter', 'OpenRouterProvider', 'openrouter.ai', 'https://openrouter.ai/api/v1')],
  together: [fixed('pydantic-ai-together', 'together', 'TogetherProvider', 'api.together.xyz', 'https://api.together.xyz/v1')],
  fireworks: [fixed('pydantic-ai-fireworks', 'fireworks', 'FireworksProvider', 'api.fireworks.ai', 'https://api.fireworks.ai/inference/v1')],
  'vercel-ai-gateway': [fixed('pydantic-ai-vercel', 'vercel', 'VercelProvider', 'ai-gateway.vercel.sh', 'https://ai-gateway.vercel.sh/v1')],
  xai: [{
    id: 'pydantic-ai-xai', languages: ['python'], callees: cls('xai', 'XaiProvider'), packages: PACKAGES,
    options: { client: ['xai_client'] }, defaults: { host: 'api.x.ai' }, sources: [provider('xai'), INFER],
  }],
  huggingface: [{
    id: 'pydantic-ai-huggingface', languages: ['python'], callees: cls('huggingface', 'HuggingFaceProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['hf_client'] },
    defaults: { host: 'router.huggingface.co' },
    note: 'AsyncInferenceClient: the Hugging Face router unless base_url= names an endpoint.',
    sources: [provider('huggingface'), INFER],
  }],
  'self-hosted': [{
    id: 'pydantic-ai-ollama', languages: ['python'], callees: cls('ollama', 'OllamaProvider'), packages: PACKAGES,
    options: { url: ['base_url'], client: ['openai_client'] }, env: { url: ['OLLAMA_BASE_URL'] },
    defaults: {},
    note: 'base_url or OLLAMA_BASE_URL is required (no default): the host decides (a local server, or Ollama\'s cloud).',
    sources: [provider('ollama'), INFER],
  }],
};

/** infer_provider_class's keys (and the older google-gla / google-vertex) -> the catalog signal of the provider class it builds. */
export const PYDANTIC_AI_PROVIDER_KEYS: Record<string, string | null> = {
  openai: 'pydantic-ai-openai',
  'openai-chat': 'pydantic-ai-openai',
  'openai-responses': 'pydantic-ai-openai',
  azure: 'pydantic-ai-azure',
  'azure-responses': 'pydantic-ai-azure',
  anthropic: 'pydantic-ai-anthropic',
  google: 'pydantic-ai-google',
  'google-gla': 'pydantic-ai-google',
  'google-cloud': 'pydantic-ai-google-cloud',
  'google-vertex': 'pydantic-ai-google-cloud',
  bedrock: 'pydantic-ai-bedrock',
  'bedrock-mantle': null, // Bedrock's OpenAI-compatible Mantle endpoint
  groq: 'pydantic-ai-groq',
  mistral: 'pydantic-ai-mistral',
  cohere: 'pydantic-ai-cohere',
  deepseek: 'pydantic-ai-deepseek',
  openrouter: 'pydantic-ai-openrouter',
  together: 'pydantic-ai-together',
  fireworks: 'pydantic-ai-fireworks',
  vercel: 'pydantic-ai-vercel',
  xai: 'pydantic-ai-xai',
  huggingface: 'pydantic-ai-huggingface',
  ollama: 'pydantic-ai-ollama',
  // Vendors the catalog has no provider for.
  cerebras: null,
  crusoe: null,
  moonshotai: null,
  heroku: null,
  github: null,
  litellm: null,
  nebius: null,
  ovhcloud: null,
  alibaba: null,
  sambanova: null,
  snowflake: null,
  zai: null,
};

const PAI_LIBRARY = ['pydantic_ai.providers', 'pydantic_ai.models'];
const COMMON = {
  languages: ['python' as const],
  separator: ':',
  providers: PYDANTIC_AI_PROVIDER_KEYS,
  knownPrefixesOnly: true,
  forwardsOptions: false,
  takesObjects: true,
  localModels: ['test'],
  localModelClasses: ['pydantic_ai.models.test.TestModel', 'pydantic_ai.models.function.FunctionModel'],
  libraryModules: PAI_LIBRARY,
};

/** The model classes (pydantic_ai.models.*), with the provider key each uses when provider= is left out. */
const MODEL_CLASSES: { module: string; names: string[]; key: string }[] = [
  { module: 'openai', names: ['OpenAIChatModel', 'OpenAIResponsesModel', 'OpenAIModel'], key: 'openai' },
  { module: 'anthropic', names: ['AnthropicModel'], key: 'anthropic' },
  { module: 'google', names: ['GoogleModel'], key: 'google' },
  { module: 'gemini', names: ['GeminiModel'], key: 'google-gla' },
  { module: 'groq', names: ['GroqModel'], key: 'groq' },
  { module: 'mistral', names: ['MistralModel'], key: 'mistral' },
  { module: 'cohere', names: ['CohereModel'], key: 'cohere' },
  { module: 'bedrock', names: ['BedrockConverseModel'], key: 'bedrock' },
  { module: 'huggingface', names: ['HuggingFaceModel'], key: 'huggingface' },
  { module: 'openrouter', names: ['OpenRouterModel'], key: 'openrouter' },
  { module: 'xai', names: ['XaiModel'], key: 'xai' },
];

export const pydanticAiRouters: ModelStringRouter[] = [
  {
    ...COMMON,
    id: 'pydantic-ai-agent',
    functions: ['pydantic_ai.Agent', 'pydantic_ai.agent.Agent'],
    modelOptions: ['$0', 'model'],
    modelOptional: true,
    sources: [AGENT, INFER_MODEL, INFER, MODELS_DOCS],
  },
  {
    ...COMMON,
    id: 'pydantic-ai-agent-run',
    client: 'pydantic_ai.Agent',
    // The model for one run, or for the runs inside `with agent.override(model=...)`; without one the agent's own.
    methods: ['run', 'run_sync', 'run_stream', 'run_stream_sync', 'run_stream_events', 'iter', 'override', 'to_cli', 'to_cli_sync'],
    modelOptions: ['model'],
    modelOptional: true,
    importedReceivers: true,
    sources: [AGENT, INFER_MODEL],
  },
  {
    ...COMMON,
    id: 'pydantic-ai-agent-realtime',
    client: 'pydantic_ai.Agent',
    methods: ['realtime'],
    modelOptions: ['$0', 'model'],
    importedReceivers: true,
    sources: [AGENT, INFER_MODEL],
  },
  ...MODEL_CLASSES.map((m): ModelStringRouter => ({
    ...COMMON,
    id: `pydantic-ai-${m.module}-model`,
    functions: m.names.map((n) => `pydantic_ai.models.${m.module}.${n}`),
    modelOptions: ['$0', 'model_name'],
    providerOptions: ['provider'],
    defaultKey: m.key,
    sources: [pai(`models/${m.module === 'gemini' ? 'google' : m.module}.py`), INFER],
  })),
];
