// Agent and RAG frameworks whose model classes reach several providers (Semantic Kernel's
// Python connectors, Google ADK, LlamaIndex, strands, the Claude Agent SDK, LangChain's
// Google switches). Like litellm.ts, kept beside the provider files rather than spread
// through them: each list is added to its provider's `clients` in index.ts.
//
// Framework classes with common names (`Agent`, `Gemini`, `query`, `BedrockModel`) are
// named by their import path, so a class of that name from another library stays quiet.
import type { ClientSignal, ProviderId } from '../types';
import { CHECKED_FRAMEWORKS as D, gh, src } from './common';

const SK = 'microsoft/semantic-kernel';
const SK_COMMIT = 'b39d95a34435f4c1d55dd00c86120ce118d847e1';
const SK_CONNECTORS = 'python/semantic_kernel/connectors/ai';
const sk = (path: string) => gh(SK, SK_COMMIT, `${SK_CONNECTORS}/${path}`, D);
const SK_GOOGLE_AI = sk('google/google_ai/services/google_ai_chat_completion.py');
const SK_GOOGLE_AI_SETTINGS = sk('google/google_ai/google_ai_settings.py');
const SK_VERTEX = sk('google/vertex_ai/services/vertex_ai_chat_completion.py');
const SK_VERTEX_SETTINGS = sk('google/vertex_ai/vertex_ai_settings.py');
const SK_BEDROCK = sk('bedrock/services/bedrock_base.py');
const SK_OPENAI = sk('open_ai/services/open_ai_chat_completion.py');
const SK_ANTHROPIC = sk('anthropic/services/anthropic_chat_completion.py');
const SK_MISTRAL = sk('mistral_ai/services/mistral_ai_chat_completion.py');
const SK_OLLAMA = sk('ollama/services/ollama_chat_completion.py');
const AIPLATFORM_INIT = src('https://github.com/googleapis/python-aiplatform/blob/main/google/cloud/aiplatform/initializer.py', D);

const ADK_GEMINI = gh('google/adk-python', 'e643f5f9e4b71b12ac63d0d45d049312e0fdf98b', 'src/google/adk/models/google_llm.py', D);
const ADK_DOCS = src('https://google.github.io/adk-docs/agents/models/', D);
const PY_GENAI = gh('googleapis/python-genai', '66807187', 'google/genai/_api_client.py', D);
// AdkApp.__init__ keeps vertexai.init()'s project and location (initializer.global_config);
// set_up(), run before any query, sets GOOGLE_GENAI_USE_VERTEXAI=1 and GOOGLE_CLOUD_LOCATION to
// that location, so the wrapped agent's Gemini calls go to Vertex AI there (both templates).
const ADK_APP = gh('googleapis/python-aiplatform', 'e5ced937033f0b194ccad6acc65ea03869d1847b', 'vertexai/agent_engines/templates/adk.py', D);
const ADK_APP_PREVIEW = gh('googleapis/python-aiplatform', 'f1236cabc2da7e97591127d77e9cbd7835514543', 'vertexai/preview/reasoning_engines/templates/adk.py', D);

const LC_GENAI = gh('langchain-ai/langchain-google', '75f75815e0fdb8b719a1cb576184cc4833a68a16', 'libs/genai/langchain_google_genai/_common.py', D);
const LC_GENAI_EMBEDDINGS = gh('langchain-ai/langchain-google', '75f75815e0fdb8b719a1cb576184cc4833a68a16', 'libs/genai/langchain_google_genai/embeddings.py', D);

const LI = 'run-llama/llama_index';
const LI_GENAI = gh(LI, '28c0aab8c77d61b18e61da95fd8e38c383a5e267', 'llama-index-integrations/llms/llama-index-llms-google-genai/llama_index/llms/google_genai/client.py', D);
const LI_VERTEX = gh(LI, '611cb46c7a6dbc3cd77950b6e4593f0ad8c5943a', 'llama-index-integrations/llms/llama-index-llms-vertex/llama_index/llms/vertex/base.py', D);
const LI_MISTRAL = gh(LI, '694ef35852dcc3f8042bf2f24a64aa3b127a3919', 'llama-index-integrations/llms/llama-index-llms-mistralai/llama_index/llms/mistralai/base.py', D);
const LI_OPENAI_LIKE = gh(LI, '0f8133088aa7c80522bd0b0fcfd01e3c200bebbb', 'llama-index-integrations/llms/llama-index-llms-openai-like/llama_index/llms/openai_like/base.py', D);
const LI_BEDROCK_EMBEDDING = gh(LI, '7a7d1c1b3ee89d6deb1092c5e9d929fa2ab15f5b', 'llama-index-integrations/embeddings/llama-index-embeddings-bedrock/llama_index/embeddings/bedrock/base.py', D);
const LI_GEMINI = src('https://developers.llamaindex.ai/python/examples/llm/gemini/', D);

const STRANDS = 'strands-agents/sdk-python';
const STRANDS_BEDROCK = gh(STRANDS, 'd661562fbc56b7389f006e79d7d36bcd1436dbc7', 'src/strands/models/bedrock.py', D);
const STRANDS_ANTHROPIC = gh(STRANDS, 'dd4f4562c9fe7b3ee9392b781778f9b730952292', 'src/strands/models/anthropic.py', D);
const STRANDS_OPENAI = gh(STRANDS, '0db76418615874ee4be2425b4561aa2ca1d53b6e', 'src/strands/models/openai.py', D);
const STRANDS_HEAD = '1232230daa4385fd6470be29013eb2375d7a307c';
const STRANDS_AGENT = gh(STRANDS, STRANDS_HEAD, 'src/strands/agent/agent.py', D);
const STRANDS_DEFAULT_MODEL = gh(STRANDS, STRANDS_HEAD, 'src/strands/models/bedrock.py', D);
// strands' default Bedrock model since 1.38: a global. profile, whatever the region (before, the region's geographic profile).
const STRANDS_DEFAULT_MODEL_ID = 'global.anthropic.claude-sonnet-4-6';
const SK_AZURE_AI_INFERENCE = sk('azure_ai_inference/azure_ai_inference_settings.py');
const AZURE_AI_INFERENCE_PY = gh('Azure/azure-sdk-for-python', 'f5863ea2bd3dd7979ac1b1673b13b90f179068f4', 'sdk/ai/azure-ai-inference/azure/ai/inference/_patch.py', D);

// The OpenAI Agents SDK (`from agents import Agent`): a model name without a litellm/ or any-llm/
// prefix, or no model (OPENAI_DEFAULT_MODEL, else its default), goes to OpenAIProvider, whose
// AsyncOpenAI takes base_url from OPENAI_BASE_URL unless set_default_openai_client() gave it a client.
const OAI_AGENTS = 'openai/openai-agents-python';
const OAI_AGENTS_HEAD = '7f7a44f8dc0650296bd5ab6c745c9bcbaa6ac3b7';
const OAI_AGENTS_MULTI = gh(OAI_AGENTS, OAI_AGENTS_HEAD, 'src/agents/models/multi_provider.py', D);
const OAI_AGENTS_PROVIDER = gh(OAI_AGENTS, OAI_AGENTS_HEAD, 'src/agents/models/openai_provider.py', D);
const OAI_AGENTS_DEFAULT_MODEL = gh(OAI_AGENTS, OAI_AGENTS_HEAD, 'src/agents/models/default_models.py', D);
// crewAI's create_llm(None): model from MODEL, MODEL_NAME or OPENAI_MODEL_NAME, else DEFAULT_LLM_MODEL
// (an OpenAI model); base URL from BASE_URL, OPENAI_API_BASE or OPENAI_BASE_URL.
const CREWAI_HEAD = 'f4731f5025f861c78e3af0487cc80bf5e7c64782';
const CREWAI_LLM_UTILS = gh('crewAIInc/crewAI', CREWAI_HEAD, 'lib/crewai/src/crewai/utilities/llm_utils.py', D);
const CREWAI_AGENT = gh('crewAIInc/crewAI', CREWAI_HEAD, 'lib/crewai/src/crewai/agent/core.py', D);
// agno's OpenAIChat/OpenAIResponses pass base_url to the OpenAI SDK only when set (the SDK then reads OPENAI_BASE_URL).
const AGNO_HEAD = '9644f22982ae017eaa4ad85c561d927d9ac03119';
const AGNO_OPENAI_CHAT = gh('agno-agi/agno', AGNO_HEAD, 'libs/agno/agno/models/openai/chat.py', D);
const AGNO_OPENAI_RESPONSES = gh('agno-agi/agno', AGNO_HEAD, 'libs/agno/agno/models/openai/responses.py', D);

// The Claude Agent SDK runs Claude Code, which picks its backend from the environment.
const CLAUDE_BEDROCK = src('https://code.claude.com/docs/en/amazon-bedrock', D);
const CLAUDE_VERTEX = src('https://code.claude.com/docs/en/google-vertex-ai', D);
const CLAUDE_AGENT_SDK = src('https://code.claude.com/docs/en/agent-sdk/overview', D);

// `from google.adk.agents import Agent`, `from google.adk import Agent`, ... as qualified by the imports.
const ADK_AGENTS = ['adk.Agent', 'adk.agents.Agent', 'adk.agents.LlmAgent', 'adk.agents.llm_agent.Agent', 'adk.agents.llm_agent.LlmAgent'];
const ADK_GEMINI_CLASS = ['adk.models.Gemini', 'adk.models.google_llm.Gemini'];
// Vertex AI Agent Engine's wrapper for an ADK agent (`reasoning_engines.AdkApp(agent=root_agent)`).
// Its sub-agents (also of ADK's workflow agents) run in the same process, after set_up().
const ADK_APP_WRAPPER = {
  callees: ['reasoning_engines.AdkApp', 'reasoning_engines.templates.adk.AdkApp', 'agent_engines.AdkApp', 'agent_engines.templates.adk.AdkApp'],
  option: 'agent',
  parents: { callees: [...ADK_AGENTS, 'adk.agents.SequentialAgent', 'adk.agents.ParallelAgent', 'adk.agents.LoopAgent'], option: 'sub_agents' },
};
// A model name ADK resolves to its Gemini class; one the engine cannot read is taken to be one,
// since without extra registrations ADK's registry knows only Gemini names.
const ADK_GEMINI_MODEL = { name: 'model', oneOf: [], pattern: '^gemini-', unreadString: true };
// The switches google-genai's Client() reads when ADK builds it without arguments.
const GENAI_VERTEX_SWITCH = ['GOOGLE_GENAI_USE_VERTEXAI', 'GOOGLE_GENAI_USE_ENTERPRISE'];
// langchain-google-genai checks vertexai=, then GOOGLE_GENAI_USE_VERTEXAI, before project=: either switched off keeps the Gemini Developer API.
const VERTEX_SWITCHED_OFF = { name: 'vertexai', oneOf: [false], env: ['GOOGLE_GENAI_USE_VERTEXAI'] };

const CLAUDE_AGENT_CALLEES = [
  'claude_agent_sdk.query',
  'claude_agent_sdk.ClaudeSDKClient',
  '@anthropic-ai/claude-agent-sdk.query',
];

export const frameworkClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  'azure-openai': [
    {
      id: 'azure-ai-inference-python',
      languages: ['python'],
      callees: ['inference.ChatCompletionsClient', 'inference.EmbeddingsClient', 'inference.ImageEmbeddingsClient',
        'inference.aio.ChatCompletionsClient', 'inference.aio.EmbeddingsClient', 'inference.aio.ImageEmbeddingsClient'],
      packages: ['azure-ai-inference'],
      options: { url: ['endpoint', '$0'], model: ['model'] },
      defaults: {},
      note: 'Azure AI Foundry model inference (also GitHub Models and serverless endpoints): endpoint is required and has no default; the host decides the provider, an unknown one keeps Azure with its verdicts unknown.',
      sources: [AZURE_AI_INFERENCE_PY],
    },
    {
      id: 'semantic-kernel-azure-ai-inference-python',
      languages: ['python'],
      callees: ['AzureAIInferenceChatCompletion', 'AzureAIInferenceTextEmbedding'],
      packages: ['semantic-kernel'],
      options: { url: ['endpoint'], model: ['ai_model_id'] },
      env: { url: ['AZURE_AI_INFERENCE_ENDPOINT'] },
      defaults: {},
      note: 'Azure AI Foundry model inference: the endpoint is endpoint= or AZURE_AI_INFERENCE_ENDPOINT (required, no default); a client passed as client=ChatCompletionsClient(...) is not read.',
      sources: [SK_AZURE_AI_INFERENCE],
    },
  ],
  openai: [
    {
      id: 'semantic-kernel-openai-python',
      languages: ['python'],
      callees: ['OpenAIChatCompletion', 'OpenAITextCompletion', 'OpenAITextEmbedding'],
      packages: ['semantic-kernel'],
      options: { model: ['ai_model_id'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'Builds an AsyncOpenAI client without a base URL (the SDK reads OPENAI_BASE_URL); a client passed as async_client=AsyncOpenAI(base_url=...) is reported where it is built.',
      sources: [SK_OPENAI],
    },
    {
      id: 'llamaindex-openai',
      languages: ['python'],
      callees: ['OpenAILike', 'OpenAIEmbedding'],
      packages: ['llama-index-llms-openai-like', 'llama-index-embeddings-openai'],
      options: { url: ['api_base'], model: ['model'] },
      env: { url: ['OPENAI_API_BASE'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'OpenAILike(api_base=...) is any OpenAI-compatible server: the host decides the provider. Without api_base it falls back to OpenAI\'s default, as LlamaIndex OpenAI does.',
      sources: [LI_OPENAI_LIKE],
    },
    {
      id: 'openai-agents-python',
      languages: ['python'],
      callees: ['agents.Agent', 'agents.agent.Agent'],
      wholePath: true,
      // A model name MultiProvider sends to OpenAI, or none; a Model object is reported where it is built; a name the
      // engine cannot read (or options spread in) may be a litellm/ model: unknown.
      requireOption: {
        name: 'model', oneOf: [], pattern: '^(?!litellm/|any-llm/)', unreadUndecided: true, absent: true,
        modelCarriers: ['agents.OpenAIChatCompletionsModel', 'agents.OpenAIResponsesModel', 'agents.models.openai_chatcompletions.OpenAIChatCompletionsModel', 'agents.models.openai_responses.OpenAIResponsesModel'],
      },
      replacedBy: ['agents.set_default_openai_client'],
      packages: ['openai-agents'],
      options: { model: ['model'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'Agent(model="gpt-...") or Agent() runs on OpenAIProvider: AsyncOpenAI with OPENAI_BASE_URL, else api.openai.com. A client given to set_default_openai_client() in the same file replaces it (reported where it is built). A model name read at run time may route elsewhere (litellm/...), so it leaves the provider unknown.',
      sources: [OAI_AGENTS_MULTI, OAI_AGENTS_PROVIDER, OAI_AGENTS_DEFAULT_MODEL],
    },
    {
      id: 'crewai-agent-default-llm',
      languages: ['python'],
      callees: ['crewai.Agent'],
      // Agent() without llm=: crewAI's default LLM. A model string or LLM object is read where it is given.
      requireOption: { name: 'llm', oneOf: [], absent: true, carriedBy: ['config'], modelEnv: ['MODEL', 'MODEL_NAME', 'OPENAI_MODEL_NAME'] },
      packages: ['crewai'],
      options: {},
      env: { url: ['BASE_URL', 'OPENAI_API_BASE', 'OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'An Agent without llm= builds the default LLM: model from MODEL, MODEL_NAME or OPENAI_MODEL_NAME, else an OpenAI model; base URL from BASE_URL, OPENAI_API_BASE or OPENAI_BASE_URL, else OpenAI\'s. With config= (agents.yaml) the llm may be set there, so the backend is not known.',
      sources: [CREWAI_LLM_UTILS, CREWAI_AGENT],
    },
    {
      id: 'agno-openai',
      languages: ['python'],
      callees: ['agno.models.openai.OpenAIChat', 'agno.models.openai.chat.OpenAIChat', 'agno.models.openai.OpenAIResponses', 'agno.models.openai.responses.OpenAIResponses'],
      packages: ['agno'],
      options: { url: ['base_url'], model: ['id'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'base_url is passed to the OpenAI SDK client only when set; without it the SDK reads OPENAI_BASE_URL, else api.openai.com.',
      sources: [AGNO_OPENAI_CHAT, AGNO_OPENAI_RESPONSES],
    },
    {
      id: 'strands-openai',
      languages: ['python'],
      callees: ['strands.models.OpenAIModel', 'strands.models.openai.OpenAIModel'],
      packages: ['strands-agents', 'strands'],
      options: { url: ['client_args.base_url'], model: ['model_id'] },
      env: { url: ['OPENAI_BASE_URL'] },
      defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
      note: 'client_args are passed to the OpenAI SDK client, so client_args={"base_url": ...} decides the host.',
      sources: [STRANDS_OPENAI],
    },
  ],
  anthropic: [
    {
      id: 'semantic-kernel-anthropic-python',
      languages: ['python'],
      callees: ['AnthropicChatCompletion'],
      packages: ['semantic-kernel'],
      options: { model: ['ai_model_id'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      sources: [SK_ANTHROPIC],
    },
    {
      id: 'strands-anthropic',
      languages: ['python'],
      callees: ['strands.models.AnthropicModel', 'strands.models.anthropic.AnthropicModel'],
      packages: ['strands-agents', 'strands'],
      options: { url: ['client_args.base_url'], model: ['model_id'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      sources: [STRANDS_ANTHROPIC],
    },
    {
      id: 'claude-agent-sdk',
      languages: ['python', 'js'],
      callees: CLAUDE_AGENT_CALLEES,
      packages: ['claude-agent-sdk', '@anthropic-ai/claude-agent-sdk'],
      options: {},
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com' },
      note: 'query() and ClaudeSDKClient run Claude Code, which uses the Anthropic API unless CLAUDE_CODE_USE_BEDROCK or CLAUDE_CODE_USE_VERTEX is set where it runs (also possible through ClaudeAgentOptions(env=...), which is not read).',
      sources: [CLAUDE_AGENT_SDK],
    },
  ],
  'google-gemini-api': [
    {
      id: 'semantic-kernel-google-ai-python',
      languages: ['python'],
      callees: ['GoogleAIChatCompletion', 'GoogleAITextCompletion', 'GoogleAITextEmbedding'],
      packages: ['semantic-kernel'],
      options: { model: ['gemini_model_id'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Without use_vertexai=True (or GOOGLE_AI_USE_VERTEXAI) the connector calls the Gemini Developer API with an API key.',
      sources: [SK_GOOGLE_AI, SK_GOOGLE_AI_SETTINGS],
    },
    {
      id: 'google-adk-gemini',
      languages: ['python'],
      callees: ADK_GEMINI_CLASS,
      packages: ['google-adk'],
      options: { model: ['model'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'ADK builds google-genai\'s Client() without arguments: the Gemini API unless GOOGLE_GENAI_USE_VERTEXAI is true where it runs.',
      sources: [ADK_GEMINI, ADK_DOCS],
    },
    {
      id: 'google-adk-agent-gemini',
      languages: ['python'],
      callees: ADK_AGENTS,
      requireOption: ADK_GEMINI_MODEL,
      packages: ['google-adk'],
      options: { model: ['model'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Agent(model="gemini-...") resolves the model string to ADK\'s Gemini class. Other model strings and model objects are left to their own classes.',
      sources: [ADK_GEMINI, ADK_DOCS],
    },
    {
      id: 'llamaindex-gemini',
      languages: ['python'],
      callees: ['llms.gemini.Gemini', 'embeddings.gemini.GeminiEmbedding', 'llms.google_genai.GoogleGenAI', 'embeddings.google_genai.GoogleGenAIEmbedding'],
      packages: ['llama-index-llms-gemini', 'llama-index-embeddings-gemini', 'llama-index-llms-google-genai', 'llama-index-embeddings-google-genai'],
      options: { model: ['model', 'model_name'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'GoogleGenAI moves to Vertex AI with vertexai_config=... or GOOGLE_GENAI_USE_VERTEXAI.',
      sources: [LI_GEMINI, LI_GENAI],
    },
  ],
  'google-vertex-ai': [
    {
      id: 'semantic-kernel-google-ai-vertex-python',
      languages: ['python'],
      callees: ['GoogleAIChatCompletion', 'GoogleAITextCompletion', 'GoogleAITextEmbedding'],
      requireOption: { name: 'use_vertexai', oneOf: [true], env: ['GOOGLE_AI_USE_VERTEXAI'] },
      packages: ['semantic-kernel'],
      options: { region: ['region'], model: ['gemini_model_id'] },
      env: { region: ['GOOGLE_AI_CLOUD_REGION'] },
      defaults: { region: null },
      note: 'use_vertexai=True needs a region (region= or GOOGLE_AI_CLOUD_REGION); the connector refuses to start without one.',
      sources: [SK_GOOGLE_AI, SK_GOOGLE_AI_SETTINGS],
    },
    {
      id: 'semantic-kernel-vertex-python',
      languages: ['python'],
      callees: ['VertexAIChatCompletion', 'VertexAITextCompletion', 'VertexAITextEmbedding'],
      packages: ['semantic-kernel'],
      options: { region: ['region'], model: ['gemini_model_id'] },
      env: { region: ['VERTEX_AI_REGION', 'GOOGLE_CLOUD_REGION', 'CLOUD_ML_REGION'] },
      defaults: { region: 'us-central1' },
      note: 'Calls vertexai.init(location=region); without a region (VERTEX_AI_REGION) the Vertex AI SDK\'s default applies.',
      sources: [SK_VERTEX, SK_VERTEX_SETTINGS, AIPLATFORM_INIT],
    },
    {
      id: 'google-adk-gemini-vertex',
      languages: ['python'],
      callees: ADK_GEMINI_CLASS,
      requireEnv: GENAI_VERTEX_SWITCH,
      packages: ['google-adk'],
      options: { model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'GOOGLE_GENAI_USE_VERTEXAI=true moves ADK\'s Gemini to Vertex AI; the location is GOOGLE_CLOUD_LOCATION, else google-genai\'s default "global".',
      sources: [ADK_GEMINI, ADK_DOCS, PY_GENAI],
    },
    {
      id: 'google-adk-agent-vertex',
      languages: ['python'],
      callees: ADK_AGENTS,
      requireOption: ADK_GEMINI_MODEL,
      requireEnv: GENAI_VERTEX_SWITCH,
      packages: ['google-adk'],
      options: { model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      sources: [ADK_GEMINI, ADK_DOCS, PY_GENAI],
    },
    {
      id: 'google-adk-agent-engine',
      languages: ['python'],
      callees: ADK_AGENTS,
      requireOption: ADK_GEMINI_MODEL,
      wrappedBy: ADK_APP_WRAPPER,
      configuredBy: ['vertexai.init', 'aiplatform.init'],
      packages: ['google-adk', 'google-cloud-aiplatform'],
      options: { region: ['location'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_REGION', 'CLOUD_ML_REGION'] },
      defaults: { region: 'us-central1' },
      note: 'An agent wrapped in Vertex AI Agent Engine\'s AdkApp(agent=...) runs on Vertex AI whatever GOOGLE_GENAI_USE_VERTEXAI says: AdkApp sets it to 1 and GOOGLE_CLOUD_LOCATION to the location vertexai.init() set before the AdkApp was made (else GOOGLE_CLOUD_REGION, CLOUD_ML_REGION, then us-central1).',
      sources: [ADK_APP, ADK_APP_PREVIEW, AIPLATFORM_INIT],
    },
    {
      id: 'langchain-google-genai-vertex',
      languages: ['python'],
      callees: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAI'],
      requireOption: { name: 'vertexai', oneOf: [true], env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['langchain-google-genai'],
      options: { region: ['location'], url: ['base_url'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'langchain-google-genai 4.x: vertexai=True or GOOGLE_GENAI_USE_VERTEXAI=true selects Vertex AI; location falls back to GOOGLE_CLOUD_LOCATION, then "global".',
      sources: [LC_GENAI],
    },
    {
      id: 'langchain-google-genai-vertex-project',
      languages: ['python'],
      callees: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAI'],
      requireOption: { name: 'project', oneOf: [], anyValue: true },
      unless: VERTEX_SWITCHED_OFF,
      packages: ['langchain-google-genai'],
      options: { region: ['location'], url: ['base_url'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'Without vertexai= or GOOGLE_GENAI_USE_VERTEXAI, passing project= (or credentials=) selects Vertex AI; vertexai=False or GOOGLE_GENAI_USE_VERTEXAI=false, checked first, keeps the Gemini Developer API.',
      sources: [LC_GENAI],
    },
    {
      id: 'langchain-google-genai-embeddings-vertex',
      languages: ['python'],
      callees: ['GoogleGenerativeAIEmbeddings'],
      requireOption: { name: 'vertexai', oneOf: [true], env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['langchain-google-genai'],
      options: { region: ['location'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'us-central1' },
      note: 'The embeddings class defaults to us-central1 (the chat class to "global").',
      sources: [LC_GENAI_EMBEDDINGS],
    },
    {
      id: 'langchain-google-genai-embeddings-vertex-project',
      languages: ['python'],
      callees: ['GoogleGenerativeAIEmbeddings'],
      requireOption: { name: 'project', oneOf: [], anyValue: true },
      unless: VERTEX_SWITCHED_OFF,
      packages: ['langchain-google-genai'],
      options: { region: ['location'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'us-central1' },
      note: 'As for the chat class: without vertexai= or GOOGLE_GENAI_USE_VERTEXAI, passing project= (or credentials=) selects Vertex AI.',
      sources: [LC_GENAI_EMBEDDINGS],
    },
    {
      id: 'llamaindex-google-genai-vertex',
      languages: ['python'],
      callees: ['llms.google_genai.GoogleGenAI', 'embeddings.google_genai.GoogleGenAIEmbedding'],
      requireOption: { name: 'vertexai_config', oneOf: [], anyValue: true, env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['llama-index-llms-google-genai', 'llama-index-embeddings-google-genai'],
      options: { region: ['vertexai_config.location'], model: ['model', 'model_name'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'vertexai_config={"project": ..., "location": ...} (or GOOGLE_GENAI_USE_VERTEXAI) builds a Vertex AI google-genai client; without a location, google-genai\'s default "global".',
      sources: [LI_GENAI, PY_GENAI],
    },
    {
      id: 'llamaindex-vertex',
      languages: ['python'],
      callees: ['llms.vertex.Vertex', 'embeddings.vertex.VertexTextEmbedding'],
      packages: ['llama-index-llms-vertex', 'llama-index-embeddings-vertex'],
      options: { region: ['location'], model: ['model'] },
      env: { region: ['GOOGLE_CLOUD_REGION', 'CLOUD_ML_REGION'] },
      defaults: { region: 'us-central1' },
      note: 'Calls vertexai.init(project, location): without a location the Vertex AI SDK\'s default applies.',
      sources: [LI_VERTEX, AIPLATFORM_INIT],
    },
    {
      id: 'claude-agent-sdk-vertex',
      languages: ['python', 'js'],
      callees: CLAUDE_AGENT_CALLEES,
      requireEnv: ['CLAUDE_CODE_USE_VERTEX'],
      packages: ['claude-agent-sdk', '@anthropic-ai/claude-agent-sdk'],
      options: {},
      env: { region: ['CLOUD_ML_REGION'], url: ['ANTHROPIC_VERTEX_BASE_URL'] },
      defaults: { region: null },
      note: 'CLAUDE_CODE_USE_VERTEX=1: Claude on Vertex AI in CLOUD_ML_REGION ("global" or a region).',
      sources: [CLAUDE_VERTEX, CLAUDE_AGENT_SDK],
    },
  ],
  'aws-bedrock': [
    {
      id: 'semantic-kernel-bedrock-python',
      languages: ['python'],
      callees: ['BedrockChatCompletion', 'BedrockTextCompletion', 'BedrockTextEmbedding'],
      packages: ['semantic-kernel'],
      options: { model: ['model_id'] },
      env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
      defaults: { region: null },
      note: 'Builds boto3.client("bedrock-runtime") with no region, so the region comes from the AWS configuration; a runtime_client=boto3.client(...) passed in is reported where it is built, and, when held in a variable, at this class too, in that client\'s region.',
      sources: [SK_BEDROCK],
    },
    {
      id: 'strands-bedrock',
      languages: ['python'],
      callees: ['strands.models.BedrockModel', 'strands.models.bedrock.BedrockModel'],
      packages: ['strands-agents', 'strands'],
      options: { region: ['region_name'], url: ['endpoint_url'], model: ['model_id'] },
      env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
      // us-west-2 is strands' last resort, after the boto3 session's region (AWS_DEFAULT_REGION or
      // ~/.aws/config, outside the repository): claiming it would be a guess, so the region stays unknown.
      defaults: { region: null, model: STRANDS_DEFAULT_MODEL_ID },
      note: 'region_name, else the boto3 session\'s region (AWS_DEFAULT_REGION or ~/.aws/config), else AWS_REGION, and only then us-west-2. Without model_id the default model is a global. inference profile (any commercial region).',
      sources: [STRANDS_BEDROCK, STRANDS_DEFAULT_MODEL],
    },
    {
      id: 'strands-agent-bedrock',
      languages: ['python'],
      callees: ['strands.Agent', 'strands.agent.Agent', 'strands.agent.agent.Agent'],
      // Agent() or Agent(model="<model id>") builds a BedrockModel; a model object is reported where it is built.
      requireOption: { name: 'model', oneOf: [], anyString: true, absent: true },
      packages: ['strands-agents', 'strands'],
      options: { model: ['model'] },
      env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
      defaults: { region: null, model: STRANDS_DEFAULT_MODEL_ID },
      note: 'An Agent without a model object uses BedrockModel: its region from the boto3 session (outside the repository), and without a model id the default global. inference profile (strands 1.38 and later; earlier versions used the region\'s geographic profile).',
      sources: [STRANDS_AGENT, STRANDS_DEFAULT_MODEL],
    },
    {
      id: 'llamaindex-bedrock-embedding',
      languages: ['python'],
      callees: ['embeddings.bedrock.BedrockEmbedding'],
      packages: ['llama-index-embeddings-bedrock'],
      options: { region: ['region_name'], model: ['model_name'] },
      env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
      defaults: { region: null },
      note: 'Without region_name the boto3 session\'s region applies. BedrockEmbedding is a common class name elsewhere, so only LlamaIndex\'s counts.',
      sources: [LI_BEDROCK_EMBEDDING],
    },
    {
      id: 'claude-agent-sdk-bedrock',
      languages: ['python', 'js'],
      callees: CLAUDE_AGENT_CALLEES,
      requireEnv: ['CLAUDE_CODE_USE_BEDROCK'],
      packages: ['claude-agent-sdk', '@anthropic-ai/claude-agent-sdk'],
      options: {},
      env: { region: ['AWS_REGION'], url: ['ANTHROPIC_BEDROCK_BASE_URL'] },
      defaults: { region: null },
      note: 'CLAUDE_CODE_USE_BEDROCK=1: Claude on Bedrock in AWS_REGION, which Claude Code requires (it does not read the region from ~/.aws/config).',
      sources: [CLAUDE_BEDROCK, CLAUDE_AGENT_SDK],
    },
  ],
  mistral: [
    {
      id: 'semantic-kernel-mistral-python',
      languages: ['python'],
      callees: ['MistralAIChatCompletion', 'MistralAITextEmbedding'],
      packages: ['semantic-kernel'],
      options: { model: ['ai_model_id'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      sources: [SK_MISTRAL],
    },
    {
      id: 'llamaindex-mistral',
      languages: ['python'],
      callees: ['llms.mistralai.MistralAI', 'embeddings.mistralai.MistralAIEmbedding'],
      packages: ['llama-index-llms-mistralai', 'llama-index-embeddings-mistralai'],
      options: { url: ['endpoint'], model: ['model', 'model_name'] },
      env: { url: ['MISTRAL_ENDPOINT'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      sources: [LI_MISTRAL],
    },
  ],
  'self-hosted': [
    {
      id: 'semantic-kernel-ollama-python',
      languages: ['python'],
      callees: ['OllamaChatCompletion', 'OllamaTextCompletion', 'OllamaTextEmbedding'],
      packages: ['semantic-kernel'],
      options: { url: ['host'], model: ['ai_model_id'] },
      env: { url: ['OLLAMA_HOST'] },
      defaults: { host: '127.0.0.1' },
      sources: [SK_OLLAMA],
    },
  ],
};
