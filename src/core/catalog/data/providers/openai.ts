import type { Provider } from '../../types';
import { EEA } from '../../zones';
import {
  CHECKED_TODAY,
  CHECKED_VENDOR_REVIEW,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_CASRAI,
  GPAI_DIGINTO,
  GPAI_EC_INVITE,
  GPAI_SIGNATORY_NOTE,
  RESEARCH_SNAPSHOT,
  gh,
  ghTree,
  src,
} from '../common';
import { SPRING_AI_OPENAI_API, SPRING_AI_OPENAI_DOCS } from '../spring-ai';
import { langchainJsSource } from '../partners';

const LC4J_OPENAI = src('https://docs.langchain4j.dev/integrations/language-models/open-ai', CHECKED_TODAY);
const RESIDENCY = src('https://developers.openai.com/api/docs/guides/data-residency', CHECKED_TODAY);
const RESIDENCY_HELP = src(
  'https://help.openai.com/en/articles/10503543-data-residency-for-the-openai-api',
  CHECKED_TODAY,
);
const RESIDENCY_ASIA = src('https://openai.com/index/introducing-data-residency-in-asia', RESEARCH_SNAPSHOT);
const BAA = src(
  'https://help.openai.com/en/articles/8660679-how-can-i-get-a-business-associate-agreement-baa-with-openai-for-the-api-services',
  CHECKED_VENDOR_REVIEW,
);
const YOUR_DATA = src('https://developers.openai.com/api/docs/guides/your-data', CHECKED_TODAY);
const SECURITY = src('https://openai.com/security-and-privacy/', CHECKED_TODAY);
const APT = src('https://aiprovidertrust.com/offerings/openai-api/', CHECKED_TODAY, true);
const TRUSTATLAS = src('https://trustatlas.pages.dev/vendors/openai/procurement-pack', CHECKED_TODAY, true);

const PY_CLIENT = gh('openai/openai-python', 'e43b4224', 'src/openai/_client.py', '2026-08-21');
const PY_MODULE_CLIENT = gh('openai/openai-python', '0005b7c9', 'src/openai/__init__.py', CHECKED_TODAY);
// openai < 1.0: module attributes read OPENAI_API_BASE, default https://api.openai.com/v1.
const PY_V0 = src('https://github.com/openai/openai-python/blob/v0.28.1/openai/__init__.py', CHECKED_TODAY);
const PY_RESIDENCY = gh('openai/openai-python', 'e43b4224', 'src/openai/_data_residency.py', '2026-08-21');
const NODE_RESIDENCY = gh('openai/openai-node', '7b7d6ca7', 'src/internal/data-residency.ts', '2026-08-21');
const NODE_CLIENT = gh('openai/openai-node', '7b7d6ca7', 'src/client.ts', '2026-08-21');
const GO_RESIDENCY = gh('openai/openai-go', '4e5a07a', 'option/data_residency.go', '2026-08-21');
const JAVA = ghTree('openai/openai-java', '5f499c32', RESEARCH_SNAPSHOT);
const DOTNET = ghTree('openai/openai-dotnet', 'b3b4bbbc', RESEARCH_SNAPSHOT);
const RUST = gh('64bit/async-openai', 'ca74607', 'async-openai/src/config.rs', '2026-07-31');
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/openai/src/openai-provider.ts', '2026-08-22');
const LANGCHAIN = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/openai/langchain_openai/chat_models/base.py',
  RESEARCH_SNAPSHOT,
);
const SK = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'dotnet/samples/Concepts/ChatCompletion/LMStudio_ChatCompletion.cs',
  '2026-08-20',
);
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/openai/openaillm_option.go', '2026-01-11');

const PROJECT_CONDITION =
  'Regional host only. Residency applies only when the API key belongs to a project created with this data-residency region (or a Global project with per-request residency enabled) and the model/endpoint is eligible; the hostname alone is not proof. System data (billing, usage, metadata, structured-output schemas) is excluded.';

export const provider: Provider = {
  id: 'openai',
  name: 'OpenAI API',
  kind: 'model-developer',
  operator: 'OpenAI',
  vendorDomains: ['openai.com', 'github.com/openai'],
  hosts: [
    {
      pattern: 'api.openai.com',
      location: 'global',
      note: 'Default global endpoint (https://api.openai.com/v1): no residency guarantee.',
      sources: [PY_CLIENT, RESIDENCY],
    },
    {
      pattern: 'mtls.api.openai.com',
      location: 'global',
      note: 'mTLS variant of the global endpoint used by openai-python with an x509 identity.',
      sources: [PY_CLIENT],
    },
    { pattern: 'eu.api.openai.com', location: 'eu', note: PROJECT_CONDITION, sources: [RESIDENCY, RESIDENCY_HELP, NODE_RESIDENCY] },
    { pattern: 'us.api.openai.com', location: 'us', note: PROJECT_CONDITION, sources: [RESIDENCY, NODE_RESIDENCY] },
    { pattern: 'au.api.openai.com', location: 'au', note: PROJECT_CONDITION, sources: [RESIDENCY] },
    { pattern: 'in.api.openai.com', location: 'in', note: PROJECT_CONDITION, sources: [RESIDENCY] },
    { pattern: 'jp.api.openai.com', location: 'jp', note: PROJECT_CONDITION, sources: [RESIDENCY] },
    { pattern: 'ae.api.openai.com', location: 'ae', note: PROJECT_CONDITION, sources: [NODE_RESIDENCY, PY_RESIDENCY] },
  ],
  locations: [
    {
      id: 'global',
      name: 'OpenAI global infrastructure',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Global projects may be processed in any region; sub-processors include Microsoft (many countries) and Cloudflare.',
      sources: [RESIDENCY],
    },
    {
      id: 'eu',
      name: 'Europe (EEA + Switzerland)',
      jurisdiction: 'EEA+CH',
      countries: [...EEA, 'CH'],
      euResident: false,
      note: 'Not EU-only: the zone is the EEA and Switzerland, so it passes `residency: eu-adequacy`, not `eu` or `eea`. Requests for eligible endpoints and models are processed in the EEA and Switzerland, and persisted data stays in Europe, only for projects created with European data residency (chosen at creation, cannot be changed). Eligibility: contact sales / approved organizations.',
      sources: [RESIDENCY, RESIDENCY_HELP],
    },
    { id: 'us', name: 'United States', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [RESIDENCY, RESIDENCY_HELP] },
    { id: 'au', name: 'Australia', jurisdiction: 'AU', countries: ['AU'], euResident: false, sources: [RESIDENCY, RESIDENCY_ASIA] },
    { id: 'in', name: 'India', jurisdiction: 'IN', countries: ['IN'], euResident: false, sources: [RESIDENCY, RESIDENCY_ASIA] },
    { id: 'jp', name: 'Japan', jurisdiction: 'JP', countries: ['JP'], euResident: false, sources: [RESIDENCY, RESIDENCY_ASIA] },
    {
      id: 'ae',
      name: 'United Arab Emirates',
      jurisdiction: 'AE',
      countries: ['AE'],
      euResident: false,
      note: 'Host taken from the SDK DataResidency enum (global|us|eu|ae).',
      sources: [NODE_RESIDENCY],
    },
  ],
  posture: {
    baa: {
      value: 'available',
      tier: 'API platform; request via baa@openai.com, reviewed case by case',
      conditions: [
        'A BAA must be signed before sending PHI; most API services are covered, with a few listed exceptions.',
        'Third-party summaries report that coverage is limited to Zero-Data-Retention-eligible endpoints and that stateful endpoints (Assistants, Files, stored Responses) are out of scope; the exception list was not retrieved.',
        'Under the "OpenAI Business Associate and Healthcare Addendum", BAA-eligible endpoints stay usable for PHI when Eyes Off / Safety Retention applies to the organization.',
      ],
      sources: [BAA, YOUR_DATA],
    },
    soc2Type2: {
      value: true,
      note: 'The API is covered by OpenAI SOC 2 Type 2 report (Security and Confidentiality; the trust portal lists Availability and Privacy too). Report access via trust.openai.com.',
      sources: [SECURITY, APT],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from OpenAI\'s own pages: third parties report ISO/IEC 27001:2022 (with 27017/27018/27701) listed on trust.openai.com for the API Platform; neither the trust portal nor the certificate was read.',
      sources: [APT, TRUSTATLAS],
    },
    iso42001: {
      value: null,
      note: 'CONFLICTING: aiprovidertrust (verified 2026-07-05) says ISO/IEC 42001:2023 is listed on the trust portal; TrustAtlas shows "No / not disclosed" and EFROS reported none as of May 2026. No primary certificate seen.',
      uncertain: true,
      sources: [APT, TRUSTATLAS],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: GPAI_SIGNATORY_NOTE,
      sources: [GPAI_EC_INVITE, GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_AICV],
    },
    euResidency: {
      value: true,
      options: ['eu.api.openai.com with a project created with European data residency', 'data_residency="eu" / dataResidency: "eu" in the SDKs'],
      note: 'Europe = EEA + Switzerland. Only eligible organizations (originally Enterprise + ZDR-eligible; now via sales), only eligible endpoints/models; 10% uplift for models released on or after 2026-03-05.',
      sources: [RESIDENCY, RESIDENCY_HELP],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Since 2023-03-01 API data is not used to train or improve models unless the customer opts in.',
      vendorStatement: 'Data sent to the API is not used to train or improve OpenAI models unless you explicitly opt in.',
      sources: [YOUR_DATA],
    },
    retentionDefault: {
      value: 'Abuse-monitoring logs (may include prompts and responses) kept up to 30 days; application state of stateful endpoints kept until deleted. Zero Data Retention and Modified Abuse Monitoring need prior approval.',
      sources: [YOUR_DATA, APT],
    },
  },
  clients: [
    {
      id: 'openai-python',
      languages: ['python'],
      callees: ['OpenAI', 'AsyncOpenAI'],
      packages: ['openai', 'llama-index-llms-openai'],
      options: { url: ['base_url', 'api_base'], region: ['data_residency'], query: ['default_query'], headers: ['default_headers'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'data_residency ("global"|"us"|"eu"|"ae") selects the regional host and is mutually exclusive with base_url. api_base is the LlamaIndex OpenAI(...) spelling. The client is also used with base_url for DeepSeek, OpenRouter, vLLM, Ollama, Vertex, Gemini: the resolved host decides the provider.',
      sources: [PY_CLIENT, PY_RESIDENCY],
    },
    {
      id: 'openai-python-module',
      languages: ['python'],
      callees: [
        'openai.chat.completions.create',
        'openai.completions.create',
        'openai.embeddings.create',
        'openai.responses.create',
        'openai.images.generate',
        'openai.audio.transcriptions.create',
        'openai.audio.speech.create',
        'openai.moderations.create',
      ],
      packages: ['openai'],
      moduleClient: 'openai',
      options: { url: ['base_url'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'The module-level client is an OpenAI() built from module attributes (openai.base_url = ...) on first use.',
      sources: [PY_MODULE_CLIENT],
    },
    {
      id: 'openai-python-v0',
      languages: ['python'],
      callees: [
        'openai.ChatCompletion.create',
        'openai.ChatCompletion.acreate',
        'openai.Completion.create',
        'openai.Completion.acreate',
        'openai.Embedding.create',
        'openai.Embedding.acreate',
      ],
      packages: ['openai'],
      moduleClient: 'openai',
      options: { url: ['api_base'] },
      env: { url: ['OPENAI_API_BASE'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'openai < 1.0: openai.api_base (or api_base= on the call) sets the endpoint; with api_type "azure" it is the Azure resource URL.',
      sources: [PY_V0],
    },
    {
      id: 'openai-node',
      languages: ['js'],
      callees: ['OpenAI'],
      packages: ['openai'],
      options: { url: ['baseURL'], region: ['dataResidency'], query: ['defaultQuery'], headers: ['defaultHeaders'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'dataResidency and baseURL are mutually exclusive.',
      sources: [NODE_CLIENT, NODE_RESIDENCY],
    },
    {
      id: 'openai-go',
      languages: ['go'],
      callees: ['openai.NewClient'],
      packages: ['github.com/openai/openai-go'],
      options: { url: ['WithBaseURL'], region: ['WithDataResidency'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'option.WithDataResidency(option.DataResidencyEU) selects eu.api.openai.com.',
      sources: [GO_RESIDENCY],
    },
    {
      id: 'openai-java',
      languages: ['java'],
      callees: [
        'OpenAIOkHttpClient.builder',
        'OpenAIOkHttpClient.fromEnv',
        'OpenAIOkHttpClientAsync.builder',
        'OpenAIOkHttpClientAsync.fromEnv',
      ],
      packages: ['com.openai:openai-java'],
      options: { url: ['baseUrl'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'The base URL can also come from the JVM system property openai.baseUrl.',
      sources: [JAVA],
    },
    {
      id: 'langchain4j-openai',
      languages: ['java'],
      callees: ['OpenAiChatModel.builder', 'OpenAiStreamingChatModel.builder', 'OpenAiEmbeddingModel.builder'],
      packages: ['dev.langchain4j:langchain4j-open-ai', 'dev.langchain4j.model.openai'],
      options: { url: ['baseUrl'], client: ['openAiApi'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'LangChain4j: .baseUrl(...) points the OpenAI client at another host (the host then decides the provider). Spring AI\'s classes of the same names take an OpenAiApi (.openAiApi(api)), reported where that is built.',
      sources: [LC4J_OPENAI, SPRING_AI_OPENAI_DOCS],
    },
    {
      id: 'spring-ai-openai',
      languages: ['java'],
      callees: ['OpenAiApi.builder', 'OpenAiApi', 'OpenAiImageApi.builder', 'OpenAiAudioApi.builder', 'OpenAiModerationApi.builder'],
      packages: ['org.springframework.ai:spring-ai-openai', 'org.springframework.ai.openai'],
      options: { url: ['baseUrl', '$0'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com' },
      note: 'Spring AI: OpenAiApi.builder().baseUrl(...) (or new OpenAiApi(baseUrl, apiKey)); without a base URL, https://api.openai.com.',
      sources: [SPRING_AI_OPENAI_API],
    },
    {
      id: 'openai-dotnet',
      languages: ['csharp'],
      callees: ['OpenAIClient', 'ChatClient', 'EmbeddingClient', 'OpenAIClientOptions'],
      packages: ['OpenAI'],
      options: { url: ['Endpoint', 'endpoint', '$0'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'The endpoint is set through OpenAIClientOptions { Endpoint = new Uri(...) }. $0 only matters when it is a URL (legacy Azure.AI.OpenAI 1.x OpenAIClient(new Uri(endpoint), credential)); otherwise it is an API key or model name.',
      sources: [DOTNET],
    },
    {
      id: 'async-openai-rust',
      languages: ['rust'],
      callees: ['OpenAIConfig.new', 'async_openai.Client.new'],
      packages: ['async-openai'],
      options: { url: ['with_api_base'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      sources: [RUST],
    },
    {
      id: 'langchain-chatopenai',
      languages: ['python', 'js'],
      callees: ['ChatOpenAI', 'OpenAIEmbeddings'],
      packages: ['langchain-openai', '@langchain/openai'],
      options: { url: ['base_url', 'openai_api_base', 'baseURL', 'configuration.baseURL'], model: ['model', 'model_name'] },
      env: { url: ['OPENAI_API_BASE', 'OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'LangChain still reads the legacy OPENAI_API_BASE. In JS the base URL usually sits inside configuration: { baseURL }.',
      sources: [LANGCHAIN, langchainJsSource('langchain-openai/src/chat_models/base.ts')],
    },
    {
      id: 'vercel-ai-openai',
      languages: ['js'],
      callees: ['createOpenAI', 'openai'],
      packages: ['@ai-sdk/openai'],
      options: { url: ['baseURL'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'openai(...) is the default provider instance.',
      sources: [VERCEL],
    },
    {
      id: 'semantic-kernel-openai',
      languages: ['csharp'],
      callees: ['AddOpenAIChatCompletion', 'AddOpenAITextEmbeddingGeneration'],
      packages: ['Microsoft.SemanticKernel'],
      options: { url: ['endpoint'], model: ['modelId'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'endpoint: is often a local server (LM Studio, Ollama); the resolved host decides the provider.',
      sources: [SK],
    },
    {
      id: 'langchaingo-openai',
      languages: ['go'],
      callees: ['openai.New'],
      packages: ['github.com/tmc/langchaingo/llms/openai'],
      options: { url: ['WithBaseURL'], model: ['WithModel'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      sources: [LANGCHAINGO],
    },
  ],
  env: [
    { name: 'OPENAI_BASE_URL', kind: 'url', specific: true, sources: [PY_CLIENT, NODE_CLIENT] },
    { name: 'OPENAI_API_BASE', kind: 'url', specific: true, sources: [LANGCHAIN] },
  ],
  euSwap: {
    hosts: { 'api.openai.com': 'eu.api.openai.com' },
    advice:
      'Use eu.api.openai.com (or data_residency="eu") with an API key from a project created with European data residency; the host alone is not enough, and only eligible organizations, endpoints and models qualify.',
    sources: [RESIDENCY, RESIDENCY_HELP],
  },
  notes: [
    'Flag store=True, the stateful Responses API, Assistants, Files and vector stores under a BAA policy: they keep application state and may be outside BAA scope.',
    'OpenAI also announced residency in the UK, Canada, South Korea and Singapore; their API hostnames were not found.',
  ],
};
