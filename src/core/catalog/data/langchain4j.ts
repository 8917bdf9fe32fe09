// LangChain4j (Java): its Spring Boot starters' and the Quarkus extension's connection
// properties (application.properties / application.yml, read by resolve/spring.ts like
// Spring AI's), and the model builders the provider files do not list. Property names,
// activation conditions and defaults are read from the starters' auto-configuration and
// properties classes (langchain4j-spring), the Quarkus extension's config interfaces
// (quarkus-langchain4j), and the model classes' builders (langchain4j).
import type { ClientSignal, ProviderId, Source, SpringAiStarter } from '../types';
import { gh } from './common';

const CHECKED = '2026-12-03';
const spring = (path: string): Source => gh('langchain4j/langchain4j-spring', '7b5434999861e80ed203f49a59a2f3aa15b687b5', path, CHECKED);
const quarkus = (path: string): Source => gh('quarkiverse/quarkus-langchain4j', 'bf6b33894907b8970db4f82aaf22635c5f533f2e', `model-providers/${path}`, CHECKED);
const lc4j = (path: string): Source => gh('langchain4j/langchain4j', 'b8b809ed57e4b65ec9b87a27c25564bdd4a80e4b', path, CHECKED);

/**
 * One LangChain4j Spring Boot starter: each model block (`chat-model`, `streaming-chat-model`,
 * ...) under its prefix is a bean of its own, with its own base URL, made only when its
 * activating property is set (`@ConditionalOnProperty(PREFIX + ".chat-model.api-key")`).
 */
function springStarter(prefix: string, blocks: string[], starter: Omit<SpringAiStarter, 'prefix'>): SpringAiStarter[] {
  return blocks.map((block) => ({ ...starter, prefix: `${prefix}.${block}` }));
}

const OPENAI_SPRING = 'langchain4j-open-ai-spring-boot-starter/src/main/java/dev/langchain4j/openai/spring';
const AZURE_SPRING = 'langchain4j-azure-open-ai-spring-boot-starter/src/main/java/dev/langchain4j/azure/openai/spring';
const OLLAMA_SPRING = 'langchain4j-ollama-spring-boot-starter/src/main/java/dev/langchain4j/ollama/spring';
const MISTRAL_SPRING = 'langchain4j-mistral-ai-spring-boot-starter/src/main/java/dev/langchain4j/mistralai/spring';
const ANTHROPIC_SPRING = 'langchain4j-anthropic-spring-boot-starter/src/main/java/dev/langchain4j/anthropic/spring';
const GEMINI_SPRING = 'langchain4j-google-ai-gemini-spring-boot-starter/src/main/java/dev/langchain4j/googleaigemini/spring';
const VERTEX_SPRING = 'langchain4j-vertex-ai-gemini-spring-boot-starter/src/main/java/dev/langchain4j/vertexai/gemini/spring';

const OPENAI_MODEL = lc4j('langchain4j-open-ai/src/main/java/dev/langchain4j/model/openai/OpenAiChatModel.java');
const MISTRAL_MODEL = lc4j('langchain4j-mistral-ai/src/main/java/dev/langchain4j/model/mistralai/MistralAiChatModel.java');
const ANTHROPIC_MODEL = lc4j('langchain4j-anthropic/src/main/java/dev/langchain4j/model/anthropic/AnthropicChatModel.java');
const GEMINI_SERVICE = lc4j('langchain4j-google-ai-gemini/src/main/java/dev/langchain4j/model/googleai/GeminiService.java');
const BEDROCK_MODEL = lc4j('langchain4j-bedrock/src/main/java/dev/langchain4j/model/bedrock/AbstractBedrockChatModel.java');
const OLLAMA_CLIENT = lc4j('langchain4j-ollama/src/main/java/dev/langchain4j/model/ollama/OllamaClient.java');

export const langchain4jStarters: SpringAiStarter[] = [
  ...springStarter('langchain4j.open-ai', ['chat-model', 'streaming-chat-model', 'language-model', 'streaming-language-model', 'embedding-model', 'moderation-model', 'image-model'], {
    provider: 'openai',
    artifacts: ['langchain4j-open-ai-spring-boot-starter', 'langchain4j-open-ai-spring-boot4-starter'],
    url: ['base-url'],
    activatedBy: ['api-key'],
    defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1' },
    note: 'A model block without base-url uses OpenAiChatModel\'s default https://api.openai.com/v1.',
    sources: [spring(`${OPENAI_SPRING}/AutoConfig.java`), spring(`${OPENAI_SPRING}/ChatModelProperties.java`), OPENAI_MODEL],
  }),
  ...springStarter('langchain4j.azure-open-ai', ['chat-model', 'streaming-chat-model', 'embedding-model', 'image-model'], {
    provider: 'azure-openai',
    artifacts: ['langchain4j-azure-open-ai-spring-boot-starter', 'langchain4j-azure-open-ai-spring-boot4-starter'],
    url: ['endpoint'],
    activatedBy: ['api-key', 'non-azure-api-key'],
    switchTo: [{ property: 'non-azure-api-key', provider: 'openai' }],
    defaults: {},
    note: 'The endpoint has no default; with non-azure-api-key the client calls OpenAI, not Azure.',
    sources: [spring(`${AZURE_SPRING}/AutoConfig.java`), spring(`${AZURE_SPRING}/ChatModelProperties.java`)],
  }),
  ...springStarter('langchain4j.ollama', ['chat-model', 'streaming-chat-model', 'language-model', 'streaming-language-model', 'embedding-model'], {
    provider: 'self-hosted',
    artifacts: ['langchain4j-ollama-spring-boot-starter', 'langchain4j-ollama-spring-boot4-starter'],
    url: ['base-url'],
    activatedBy: ['base-url'],
    defaults: {},
    note: 'Each model bean is made only when its base-url is set.',
    sources: [spring(`${OLLAMA_SPRING}/AutoConfig.java`), spring(`${OLLAMA_SPRING}/ChatModelProperties.java`)],
  }),
  ...springStarter('langchain4j.mistral-ai', ['chat-model', 'streaming-chat-model', 'embedding-model', 'fim-model', 'streaming-fim-model', 'moderation-model'], {
    provider: 'mistral',
    artifacts: ['langchain4j-mistral-ai-spring-boot-starter', 'langchain4j-mistral-ai-spring-boot4-starter'],
    url: ['base-url'],
    activatedBy: ['api-key'],
    defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai/v1' },
    sources: [spring(`${MISTRAL_SPRING}/AutoConfig.java`), spring(`${MISTRAL_SPRING}/ChatModelProperties.java`), MISTRAL_MODEL],
  }),
  ...springStarter('langchain4j.anthropic', ['chat-model', 'streaming-chat-model'], {
    provider: 'anthropic',
    artifacts: ['langchain4j-anthropic-spring-boot-starter', 'langchain4j-anthropic-spring-boot4-starter'],
    url: ['base-url'],
    activatedBy: ['api-key'],
    defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com/v1/' },
    sources: [spring(`${ANTHROPIC_SPRING}/AutoConfig.java`), spring(`${ANTHROPIC_SPRING}/ChatModelProperties.java`), ANTHROPIC_MODEL],
  }),
  ...springStarter('langchain4j.google-ai-gemini', ['chat-model', 'streaming-chat-model', 'embedding-model'], {
    provider: 'google-gemini-api',
    artifacts: ['langchain4j-google-ai-gemini-spring-boot-starter', 'langchain4j-google-ai-gemini-spring-boot4-starter'],
    url: ['base-url'],
    activatedBy: ['api-key'],
    defaults: { host: 'generativelanguage.googleapis.com', baseUrl: 'https://generativelanguage.googleapis.com/v1beta' },
    sources: [spring(`${GEMINI_SPRING}/AutoConfig.java`), spring(`${GEMINI_SPRING}/ChatModelProperties.java`), GEMINI_SERVICE],
  }),
  ...springStarter('langchain4j.vertex-ai-gemini', ['chat-model', 'streaming-chat-model'], {
    provider: 'google-vertex-ai',
    artifacts: ['langchain4j-vertex-ai-gemini-spring-boot-starter', 'langchain4j-vertex-ai-gemini-spring-boot4-starter'],
    region: ['location'],
    activatedBy: ['enabled'],
    defaults: { region: null },
    note: 'A model bean is made only with enabled=true; project and location are required.',
    sources: [spring(`${VERTEX_SPRING}/AutoConfig.java`), spring(`${VERTEX_SPRING}/ChatModelProperties.java`)],
  }),
  // Quarkus: one client per extension (named configurations `quarkus.langchain4j.openai.<name>.*`
  // are read as the same one); the extension is active when it is on the classpath.
  {
    prefix: 'quarkus.langchain4j.openai',
    provider: 'openai',
    artifacts: ['quarkus-langchain4j-openai'],
    url: ['base-url'],
    defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com/v1/' },
    sources: [quarkus('openai/openai-vanilla/runtime/src/main/java/io/quarkiverse/langchain4j/openai/runtime/config/LangChain4jOpenAiConfig.java')],
  },
  {
    prefix: 'quarkus.langchain4j.azure-openai',
    provider: 'azure-openai',
    artifacts: ['quarkus-langchain4j-azure-openai'],
    url: ['endpoint'],
    defaults: {},
    note: 'The endpoint, else https://{resource-name}.{domain-name}/openai/deployments/{deployment-name}; the engine reads only the endpoint.',
    sources: [quarkus('openai/azure-openai/runtime/src/main/java/io/quarkiverse/langchain4j/azure/openai/runtime/config/LangChain4jAzureOpenAiConfig.java')],
  },
  {
    prefix: 'quarkus.langchain4j.ollama',
    provider: 'self-hosted',
    artifacts: ['quarkus-langchain4j-ollama'],
    url: ['base-url'],
    defaults: { host: 'localhost', baseUrl: 'http://localhost:11434' },
    sources: [quarkus('ollama/runtime/src/main/java/io/quarkiverse/langchain4j/ollama/runtime/OllamaRecorder.java')],
  },
  {
    prefix: 'quarkus.langchain4j.mistralai',
    provider: 'mistral',
    artifacts: ['quarkus-langchain4j-mistral-ai'],
    url: ['base-url'],
    defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai/v1/' },
    sources: [quarkus('mistral/runtime/src/main/java/io/quarkiverse/langchain4j/mistralai/runtime/config/LangChain4jMistralAiConfig.java')],
  },
  {
    prefix: 'quarkus.langchain4j.anthropic',
    provider: 'anthropic',
    artifacts: ['quarkus-langchain4j-anthropic'],
    url: ['base-url'],
    defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com/v1/' },
    sources: [quarkus('anthropic/runtime/src/main/java/io/quarkiverse/langchain4j/anthropic/runtime/config/LangChain4jAnthropicConfig.java')],
  },
  {
    prefix: 'quarkus.langchain4j.vertexai.gemini',
    provider: 'google-vertex-ai',
    artifacts: ['quarkus-langchain4j-vertex-ai-gemini'],
    region: ['location'],
    defaults: { region: null },
    note: 'location has no real default (the placeholder "dummy").',
    sources: [quarkus('google/vertex-ai-gemini/runtime/src/main/java/io/quarkiverse/langchain4j/vertexai/runtime/gemini/config/LangChain4jVertexAiGeminiConfig.java')],
  },
  {
    prefix: 'quarkus.langchain4j.bedrock',
    provider: 'aws-bedrock',
    artifacts: ['quarkus-langchain4j-bedrock'],
    region: ['aws.region'],
    defaults: { region: null },
    note: 'Without aws.region the AWS default region provider chain decides (the environment where it runs).',
    sources: [quarkus('bedrock/runtime/src/main/java/io/quarkiverse/langchain4j/bedrock/runtime/config/AwsConfig.java')],
  },
];

/** LangChain4j model builders, by provider (added to each provider's clients in index.ts). */
export const langchain4jClients: Partial<Record<ProviderId, ClientSignal[]>> = {
  'aws-bedrock': [
    {
      id: 'langchain4j-bedrock',
      languages: ['java'],
      callees: ['BedrockChatModel.builder', 'BedrockStreamingChatModel.builder'],
      packages: ['dev.langchain4j:langchain4j-bedrock', 'dev.langchain4j.model.bedrock'],
      options: { region: ['region'], client: ['client'], model: ['modelId'] },
      defaults: { region: 'us-east-1' },
      note: 'LangChain4j: without .region(...) (or a .client(...) built elsewhere) the model uses Region.US_EAST_1; the model id may carry an eu./us./global. inference-profile prefix.',
      sources: [BEDROCK_MODEL],
    },
  ],
  mistral: [
    {
      id: 'langchain4j-mistral',
      languages: ['java'],
      callees: ['MistralAiChatModel.builder', 'MistralAiStreamingChatModel.builder', 'MistralAiEmbeddingModel.builder'],
      packages: ['dev.langchain4j:langchain4j-mistral-ai', 'dev.langchain4j.model.mistralai'],
      options: { url: ['baseUrl'], client: ['mistralAiApi'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai/v1' },
      note: 'LangChain4j: default base URL https://api.mistral.ai/v1. Spring AI\'s classes of the same names take a MistralAiApi (.mistralAiApi(api)), reported where that is built.',
      sources: [MISTRAL_MODEL],
    },
  ],
  'self-hosted': [
    {
      id: 'langchain4j-ollama',
      languages: ['java'],
      callees: ['OllamaChatModel.builder', 'OllamaStreamingChatModel.builder', 'OllamaEmbeddingModel.builder', 'OllamaLanguageModel.builder'],
      packages: ['dev.langchain4j:langchain4j-ollama', 'dev.langchain4j.model.ollama'],
      options: { url: ['baseUrl'], client: ['ollamaApi'] },
      defaults: {},
      note: 'LangChain4j: .baseUrl(...) is required (no default). Spring AI\'s classes of the same names take an OllamaApi (.ollamaApi(api)), reported where that is built.',
      sources: [OLLAMA_CLIENT],
    },
  ],
};
