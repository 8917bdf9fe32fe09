// Spring AI: its Spring Boot starters' connection properties (application.yml and
// application.properties) and the sources its Java client signals share. Property names,
// prefixes and defaults are read from the connection-properties classes and the reference
// docs of release 1.1.8; 2.0 keeps the prefixes (its Vertex Gemini starter became
// spring.ai.google.genai).
import type { Source, SpringAiStarter } from '../types';
import { CHECKED_TODAY, gh, src } from './common';

const V1_1_8 = 'eb3992ca27a9931ca79d7e2a817badfbb0fa6867';
const V2_0 = 'fd3fd6ec700340b90c3d516be57c6e6c87dd7df1';
const AUTO = 'auto-configurations/models';
const DOCS = 'spring-ai-docs/src/main/antora/modules/ROOT/pages/api/chat';

export const springAiSource = (path: string, commit = V1_1_8): Source => gh('spring-projects/spring-ai', commit, path, CHECKED_TODAY);
const docs = (page: string): Source => src(`https://docs.spring.io/spring-ai/reference/api/chat/${page}.html`, CHECKED_TODAY);

export const SPRING_AI_OPENAI_API = springAiSource('models/spring-ai-openai/src/main/java/org/springframework/ai/openai/api/OpenAiApi.java');
export const SPRING_AI_ANTHROPIC_API = springAiSource('models/spring-ai-anthropic/src/main/java/org/springframework/ai/anthropic/api/AnthropicApi.java');
export const SPRING_AI_MISTRAL_API = springAiSource('models/spring-ai-mistral-ai/src/main/java/org/springframework/ai/mistralai/api/MistralAiApi.java');
export const SPRING_AI_OLLAMA_API = springAiSource('models/spring-ai-ollama/src/main/java/org/springframework/ai/ollama/api/OllamaApi.java');
export const SPRING_AI_BEDROCK_PROXY = springAiSource('models/spring-ai-bedrock-converse/src/main/java/org/springframework/ai/bedrock/converse/BedrockProxyChatModel.java');
export const SPRING_AI_AZURE_DOCS = docs('azure-openai-chat');
export const SPRING_AI_VERTEX_DOCS = docs('vertexai-gemini-chat');
export const SPRING_AI_OPENAI_DOCS = docs('openai-chat');

export const springAi: SpringAiStarter[] = [
  {
    prefix: 'spring.ai.openai',
    provider: 'openai',
    artifacts: ['spring-ai-starter-model-openai', 'spring-ai-openai-spring-boot-starter'],
    chatModels: ['OpenAiChatModel'],
    url: ['base-url'],
    defaults: { host: 'api.openai.com', baseUrl: 'https://api.openai.com' },
    note: 'Each model may set its own base URL (spring.ai.openai.chat.base-url, .embedding.base-url, ...). Spring AI 2.0 also reads OPENAI_BASE_URL where it runs when no base-url is set.',
    sources: [
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-openai/src/main/java/org/springframework/ai/model/openai/autoconfigure/OpenAiConnectionProperties.java`),
      springAiSource('models/spring-ai-openai/src/main/java/org/springframework/ai/openai/setup/OpenAiSetup.java', V2_0),
      SPRING_AI_OPENAI_DOCS,
    ],
  },
  {
    prefix: 'spring.ai.azure.openai',
    provider: 'azure-openai',
    artifacts: ['spring-ai-starter-model-azure-openai', 'spring-ai-azure-openai-spring-boot-starter'],
    chatModels: ['AzureOpenAiChatModel'],
    url: ['endpoint'],
    switchTo: [{ property: 'openai-api-key', provider: 'openai' }],
    defaults: {},
    note: 'The endpoint has no default; with openai-api-key instead of api-key the starter calls OpenAI, not Azure.',
    sources: [
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-azure-openai/src/main/java/org/springframework/ai/model/azure/openai/autoconfigure/AzureOpenAiConnectionProperties.java`),
      SPRING_AI_AZURE_DOCS,
    ],
  },
  {
    prefix: 'spring.ai.anthropic',
    provider: 'anthropic',
    artifacts: ['spring-ai-starter-model-anthropic', 'spring-ai-anthropic-spring-boot-starter'],
    chatModels: ['AnthropicChatModel'],
    url: ['base-url'],
    defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
    sources: [
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-anthropic/src/main/java/org/springframework/ai/model/anthropic/autoconfigure/AnthropicConnectionProperties.java`),
      SPRING_AI_ANTHROPIC_API,
    ],
  },
  {
    prefix: 'spring.ai.bedrock',
    provider: 'aws-bedrock',
    artifacts: ['spring-ai-starter-model-bedrock-converse', 'spring-ai-starter-model-bedrock', 'spring-ai-bedrock-converse-spring-boot-starter', 'spring-ai-bedrock-ai-spring-boot-starter'],
    chatModels: ['BedrockProxyChatModel'],
    region: ['aws.region'],
    defaults: { region: 'us-east-1' },
    note: 'spring.ai.bedrock.aws.region defaults to us-east-1; the model id (spring.ai.bedrock.converse.chat.options.model) may carry an eu./us./global. inference-profile prefix.',
    sources: [
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-bedrock-ai/src/main/java/org/springframework/ai/model/bedrock/autoconfigure/BedrockAwsConnectionProperties.java`),
      springAiSource(`${DOCS}/bedrock-converse.adoc`),
    ],
  },
  {
    prefix: 'spring.ai.vertex.ai.gemini',
    provider: 'google-vertex-ai',
    artifacts: ['spring-ai-starter-model-vertex-ai-gemini', 'spring-ai-vertex-ai-gemini-spring-boot-starter'],
    chatModels: ['VertexAiGeminiChatModel'],
    region: ['location'],
    url: ['api-endpoint'],
    defaults: { region: null },
    note: 'project-id and location are required: the starter refuses to start without a location.',
    sources: [
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-vertex-ai/src/main/java/org/springframework/ai/model/vertexai/autoconfigure/gemini/VertexAiGeminiConnectionProperties.java`),
      springAiSource(`${AUTO}/spring-ai-autoconfigure-model-vertex-ai/src/main/java/org/springframework/ai/model/vertexai/autoconfigure/gemini/VertexAiGeminiChatAutoConfiguration.java`),
      SPRING_AI_VERTEX_DOCS,
    ],
  },
  {
    prefix: 'spring.ai.vertex.ai.embedding',
    provider: 'google-vertex-ai',
    artifacts: ['spring-ai-starter-model-vertex-ai-embedding', 'spring-ai-vertex-ai-embedding-spring-boot-starter'],
    region: ['location'],
    url: ['api-endpoint'],
    defaults: { region: null },
    sources: [springAiSource(`${AUTO}/spring-ai-autoconfigure-model-vertex-ai/src/main/java/org/springframework/ai/model/vertexai/autoconfigure/embedding/VertexAiEmbeddingConnectionProperties.java`)],
  },
  {
    prefix: 'spring.ai.mistralai',
    provider: 'mistral',
    artifacts: ['spring-ai-starter-model-mistral-ai', 'spring-ai-mistral-ai-spring-boot-starter'],
    chatModels: ['MistralAiChatModel'],
    url: ['base-url'],
    defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
    sources: [springAiSource(`${AUTO}/spring-ai-autoconfigure-model-mistral-ai/src/main/java/org/springframework/ai/model/mistralai/autoconfigure/MistralAiCommonProperties.java`)],
  },
  {
    prefix: 'spring.ai.deepseek',
    provider: 'deepseek',
    artifacts: ['spring-ai-starter-model-deepseek'],
    chatModels: ['DeepSeekChatModel'],
    url: ['base-url'],
    defaults: { host: 'api.deepseek.com', baseUrl: 'https://api.deepseek.com' },
    sources: [springAiSource(`${AUTO}/spring-ai-autoconfigure-model-deepseek/src/main/java/org/springframework/ai/model/deepseek/autoconfigure/DeepSeekConnectionProperties.java`)],
  },
  {
    prefix: 'spring.ai.ollama',
    provider: 'self-hosted',
    artifacts: ['spring-ai-starter-model-ollama', 'spring-ai-ollama-spring-boot-starter'],
    chatModels: ['OllamaChatModel'],
    url: ['base-url'],
    defaults: { host: 'localhost', baseUrl: 'http://localhost:11434' },
    sources: [springAiSource(`${AUTO}/spring-ai-autoconfigure-model-ollama/src/main/java/org/springframework/ai/model/ollama/autoconfigure/OllamaConnectionProperties.java`)],
  },
];
