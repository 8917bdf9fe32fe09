// The provider catalog: region sets, one file per provider (in PROVIDER_IDS order), the
// LiteLLM signals, the framework classes of frameworks.ts and partners.ts and the LLM APIs of vendors that
// are not providers (unlisted-apis.ts). Validated against
// schemas/catalog.schema.json.
import type { Catalog, Provider } from '../types';
import { PROVIDER_IDS } from '../types';
import { litellm } from './litellm';
import { routers } from './routers';
import { pydanticAiClients, pydanticAiRouters } from './pydantic-ai';
import { autogenClients, autogenConfigFileLoaders, graphragSettings } from './autogen';
import { configLibraries } from './mem0';
import { portkey } from './portkey-routing';
import { regionSets } from './regions';
import { prompty, promptyRunners } from './prompty';
import { springAi } from './spring-ai';
import { langchain4jClients, langchain4jStarters } from './langchain4j';
import { autogenDotnetClients } from './autogen-dotnet';
import { unlistedApis } from './unlisted-apis';
import { provider as openai } from './providers/openai';
import { provider as azureOpenai } from './providers/azure-openai';
import { provider as anthropic } from './providers/anthropic';
import { provider as googleGeminiApi } from './providers/google-gemini-api';
import { provider as googleVertexAi } from './providers/google-vertex-ai';
import { provider as awsBedrock } from './providers/aws-bedrock';
import { provider as mistral } from './providers/mistral';
import { provider as cohere } from './providers/cohere';
import { provider as groq } from './providers/groq';
import { provider as together } from './providers/together';
import { provider as fireworks } from './providers/fireworks';
import { provider as deepseek } from './providers/deepseek';
import { provider as xai } from './providers/xai';
import { provider as perplexity } from './providers/perplexity';
import { provider as openrouter } from './providers/openrouter';
import { provider as huggingface } from './providers/huggingface';
import { provider as ibmWatsonx } from './providers/ibm-watsonx';
import { provider as databricks } from './providers/databricks';
import { provider as selfHosted } from './providers/self-hosted';
import { provider as vercelAiGateway } from './providers/vercel-ai-gateway';
import { provider as portkeyGateway } from './providers/portkey';
import { provider as voyageAi } from './providers/voyage-ai';
import { frameworkClients } from './frameworks';
import { partnerClients } from './partners';

const byId: Record<(typeof PROVIDER_IDS)[number], Provider> = {
  openai,
  'azure-openai': azureOpenai,
  anthropic,
  'google-gemini-api': googleGeminiApi,
  'google-vertex-ai': googleVertexAi,
  'aws-bedrock': awsBedrock,
  mistral,
  cohere,
  groq,
  together,
  fireworks,
  deepseek,
  xai,
  perplexity,
  openrouter,
  huggingface,
  'ibm-watsonx': ibmWatsonx,
  databricks,
  'self-hosted': selfHosted,
  'vercel-ai-gateway': vercelAiGateway,
  portkey: portkeyGateway,
  'voyage-ai': voyageAi,
};

/** A provider with the framework classes that reach it (frameworks.ts, pydantic-ai.ts, autogen.ts, partners.ts, langchain4j.ts, autogen-dotnet.ts) after its own SDKs'. */
function withFrameworks(provider: Provider): Provider {
  const extra = [...(frameworkClients[provider.id] ?? []), ...(pydanticAiClients[provider.id] ?? []), ...(autogenClients[provider.id] ?? []), ...(partnerClients[provider.id] ?? []), ...(langchain4jClients[provider.id] ?? []), ...(autogenDotnetClients[provider.id] ?? [])];
  return extra.length ? { ...provider, clients: [...provider.clients, ...extra] } : provider;
}

export const catalog: Catalog = {
  version: '2026-12-03',
  reviewWindowDays: 180,
  regionSets,
  providers: PROVIDER_IDS.map((id) => withFrameworks(byId[id])),
  litellm,
  portkey,
  // LangChain4j's Spring Boot starters and Quarkus extensions are read the same way as Spring AI's.
  springAi: [...springAi, ...langchain4jStarters],
  prompty,
  promptyRunners,
  routers: [...routers, ...pydanticAiRouters],
  configLibraries,
  unlistedApis,
  modelSettings: [graphragSettings],
  configFileLoaders: autogenConfigFileLoaders,
};
