// LiteLLM (and libraries built on it: crewai LLM, LangChain ChatLiteLLM, the LiteLLM
// proxy config.yaml) picks the provider from the "provider/model" string.
// NOTE: LiteLLM's `region_name: "eu"` in a proxy model_list is a routing label for
// LiteLLM's own region-based routing, not a location; it is deliberately not a region option.
import type { LiteLlmPrefix, LiteLlmSignals, ProviderId, Source } from '../types';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, ghTree, src } from './common';

const PROVIDERS_DOCS = src('https://docs.litellm.ai/docs/providers', RESEARCH_SNAPSHOT);
const BEDROCK_DOCS = src('https://docs.litellm.ai/docs/providers/bedrock', RESEARCH_SNAPSHOT);
const BEDROCK_BASE = src(
  'https://github.com/BerriAI/litellm/blob/main/litellm/llms/bedrock/base_aws_llm.py',
  RESEARCH_SNAPSHOT,
);
const VERTEX_DOCS = src('https://docs.litellm.ai/docs/providers/vertex', RESEARCH_SNAPSHOT);
const VERTEX_BASE = gh('BerriAI/litellm', '01a772fe', 'litellm/llms/vertex_ai/vertex_llm_base.py', RESEARCH_SNAPSHOT);
// Without a prefix, get_llm_provider() looks the name up in LiteLLM's model lists
// (open_ai_chat_completion_models, anthropic_models, ...). Only the families whose names
// are unambiguous are listed; any other bare name stays unresolved.
const PROVIDER_LOGIC = gh('BerriAI/litellm', '001a933c', 'litellm/litellm_core_utils/get_llm_provider_logic.py', CHECKED_TODAY);
const OPENAI_TEXT_DOCS = src('https://docs.litellm.ai/docs/providers/text_completion_openai', CHECKED_TODAY);
const ANTHROPIC_DOCS = src('https://docs.litellm.ai/docs/providers/anthropic', CHECKED_TODAY);
const ROUTING_DOCS = src('https://docs.litellm.ai/docs/proxy/customer_routing', CHECKED_TODAY);
// crewai LLM(model="bedrock/us.amazon.nova-pro-v1:0") in .../crew.ai/curriculum_agent/llm_config.py
const CREWAI_SAMPLE = ghTree('aws-samples/amazon-bedrock-samples', '85fba9d9', '2026-08-21');
const CREWAI_LLMS = src('https://docs.crewai.com/learn/llm-connections', '2026-12-03');
const GCP_LITELLM_SAMPLE = gh(
  'GoogleCloudPlatform/generative-ai',
  '23b75dab',
  'open-models/use-cases/model_garden_litellm_inference.ipynb',
  '2026-08-21',
);

function px(prefix: string, provider: ProviderId, sources: Source[], region?: { defaultRegion: string | null; regionEnv: string[] }): LiteLlmPrefix {
  return region ? { prefix, provider, defaultRegion: region.defaultRegion, regionEnv: region.regionEnv, sources } : { prefix, provider, sources };
}

const BEDROCK_REGION = { defaultRegion: 'us-west-2', regionEnv: ['AWS_REGION_NAME', 'AWS_REGION'] };
const VERTEX_REGION = { defaultRegion: 'us-central1', regionEnv: ['VERTEXAI_LOCATION'] };
const P = [PROVIDERS_DOCS];

export const litellm: LiteLlmSignals = {
  callees: [
    'completion',
    'acompletion',
    'embedding',
    'aembedding',
    'text_completion',
    'atext_completion',
    'litellm.completion',
    'litellm.acompletion',
    'litellm.embedding',
    'litellm.aembedding',
    'litellm.text_completion',
    'LLM',
    'ChatLiteLLM',
    // Google ADK's LiteLlm(model="openai/gpt-4o") model class.
    'LiteLlm',
    // Router(model_list=[...], fallbacks=[...]): each model_list entry is a deployment.
    'Router',
    'litellm.Router',
    // crewai Agent(llm="gpt-4o-mini"): a model string given to an agent goes through the same routing.
    'crewai.Agent',
    // strands LiteLLMModel(model_id="azure/gpt-4o", client_args={...}) hands both to litellm.acompletion.
    'strands.models.LiteLLMModel',
    'strands.models.litellm.LiteLLMModel',
  ],
  modelOptions: ['model', 'llm', 'model_id'],
  urlOptions: ['api_base', 'base_url', 'client_args.api_base', 'client_args.base_url'],
  regionOptions: ['aws_region_name', 'vertex_location', 'vertex_ai_location'],
  prefixes: [
    px('openai/', 'openai', P),
    px('azure/', 'azure-openai', P),
    px('azure_ai/', 'azure-openai', P),
    px('anthropic/', 'anthropic', P),
    // Bedrock: region from aws_region_name, then AWS_REGION_NAME, AWS_REGION, the boto3
    // session, and finally us-west-2. Model ids may carry eu./us./global. profiles.
    px('bedrock/converse/', 'aws-bedrock', [BEDROCK_DOCS, BEDROCK_BASE], BEDROCK_REGION),
    px('bedrock/invoke/', 'aws-bedrock', [BEDROCK_DOCS, BEDROCK_BASE], BEDROCK_REGION),
    px('bedrock/', 'aws-bedrock', [BEDROCK_DOCS, BEDROCK_BASE, CREWAI_SAMPLE], BEDROCK_REGION),
    px('bedrock_mantle/', 'aws-bedrock', P),
    // Vertex AI: vertex_location / VERTEXAI_LOCATION, else us-central1 (global-only models
    // are switched to the global endpoint).
    px('vertex_ai/', 'google-vertex-ai', [VERTEX_DOCS, VERTEX_BASE, GCP_LITELLM_SAMPLE], VERTEX_REGION),
    px('gemini/', 'google-gemini-api', P),
    px('mistral/', 'mistral', P),
    px('cohere/', 'cohere', P),
    px('cohere_chat/', 'cohere', P),
    px('groq/', 'groq', P),
    px('together_ai/', 'together', P),
    px('fireworks_ai/', 'fireworks', P),
    px('deepseek/', 'deepseek', P),
    px('xai/', 'xai', P),
    px('perplexity/', 'perplexity', P),
    px('voyage/', 'voyage-ai', [src('https://docs.litellm.ai/docs/providers/voyage', '2026-12-03')]),
    px('openrouter/', 'openrouter', P),
    // The gateway, not the model's maker, processes the request (vercel_ai_gateway/openai/gpt-4o).
    px('vercel_ai_gateway/', 'vercel-ai-gateway', [src('https://docs.litellm.ai/docs/providers/vercel_ai_gateway', CHECKED_TODAY)]),
    px('huggingface/', 'huggingface', P),
    px('watsonx/', 'ibm-watsonx', P),
    px('databricks/', 'databricks', P),
    px('ollama/', 'self-hosted', P),
    px('ollama_chat/', 'self-hosted', P),
    px('hosted_vllm/', 'self-hosted', P),
    px('lm_studio/', 'self-hosted', P),
  ],
  bareModels: [
    {
      pattern: '^(?:gpt-(?:3\\.5|4|5)[\\w.:-]*|chatgpt-[\\w.-]+|o[134](?:-[\\w.-]+)?|text-embedding-(?:3-small|3-large|ada-002)|dall-e-[23])$',
      provider: 'openai',
      sources: [PROVIDER_LOGIC, OPENAI_TEXT_DOCS],
    },
    { pattern: '^claude-[\\w.-]+$', provider: 'anthropic', sources: [PROVIDER_LOGIC, ANTHROPIC_DOCS] },
  ],
  sources: [PROVIDERS_DOCS, ROUTING_DOCS, CREWAI_SAMPLE, CREWAI_LLMS, GCP_LITELLM_SAMPLE, gh('google/adk-python', '79961122bf104b28d730f885aea97a81bb60e9a7', 'src/google/adk/models/lite_llm.py', '2026-12-03'), gh('strands-agents/sdk-python', '1232230daa4385fd6470be29013eb2375d7a307c', 'src/strands/models/litellm.py', '2026-12-03')],
};
