// Issue 11 (holdout-4): LangChain4j in Java. Its Spring Boot starters and Quarkus extensions
// configured in application.properties / application.yml, its model builders without an
// endpoint (Bedrock's default region, Mistral's default URL, Ollama's required base URL),
// and where a use is reported when a client's location is a constant of the file.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
/** provider, host, region and line of each endpoint of one file. */
const uses = (file: string, text: string, env = workspaceEnv([])) =>
  engine.analyze(file, text, { env }).endpoints.map((e) => ({ provider: e.provider, host: e.host, region: e.region, line: lineOf(text, e.range.start) }));

describe('LangChain4j Spring Boot starters', () => {
  const PROPS = 'src/main/resources/application.properties';

  it('reads an OpenAI model block with only an api-key as the default api.openai.com, at the api-key', () => {
    const text = 'langchain4j.open-ai.chat-model.model-name=gpt-4o-mini\nlangchain4j.open-ai.chat-model.api-key=${OPENAI_API_KEY}\n';
    assert.deepEqual(uses(PROPS, text), [{ provider: 'openai', host: 'api.openai.com', region: 'global', line: 2 }]);
  });

  it('counts each model block as its own client (chat and streaming)', () => {
    const text = [
      'langchain4j.open-ai.chat-model.api-key=k',
      'langchain4j.open-ai.streaming-chat-model.api-key=k',
      'langchain4j.open-ai.streaming-chat-model.base-url=https://api.groq.com/openai/v1',
    ].join('\n');
    assert.deepEqual(uses(PROPS, text).map((u) => [u.provider, u.host, u.line]), [['openai', 'api.openai.com', 1], ['groq', 'api.groq.com', 3]]);
  });

  it('counts a block whose api-key the environment may supply, but no Vertex AI block left without enabled=true', () => {
    // The beans are @ConditionalOnProperty(...api-key), and Spring also binds that key from the
    // environment (secrets rarely sit in the file): a configured block may be live, so it is reported.
    assert.deepEqual(uses(PROPS, 'langchain4j.open-ai.chat-model.log-requests=true\nlangchain4j.open-ai.chat-model.model-name=gpt-4o\n'), [{ provider: 'openai', host: 'api.openai.com', region: 'global', line: 1 }]);
    assert.deepEqual(uses(PROPS, 'langchain4j.vertex-ai-gemini.chat-model.location=us-central1\nlangchain4j.vertex-ai-gemini.chat-model.project=p\n'), []);
  });

  it('reads the YAML form, and Vertex AI Gemini blocks turned on with enabled=true', () => {
    const yaml = 'langchain4j:\n  vertex-ai-gemini:\n    chat-model:\n      enabled: true\n      project: p\n      location: europe-west4\n';
    assert.deepEqual(uses('src/main/resources/application.yml', yaml), [{ provider: 'google-vertex-ai', host: 'europe-west4-aiplatform.googleapis.com', region: 'europe-west4', line: 6 }]);
  });

  it('keeps an Azure endpoint read from an unset variable unknown, and sends non-azure-api-key to OpenAI', () => {
    const azure = 'langchain4j.azure-open-ai.chat-model.api-key=${AZURE_OPENAI_KEY}\nlangchain4j.azure-open-ai.chat-model.endpoint=${AZURE_OPENAI_ENDPOINT}\n';
    assert.deepEqual(uses(PROPS, azure), [{ provider: 'azure-openai', host: null, region: null, line: 2 }]);
    const openai = 'langchain4j.azure-open-ai.chat-model.non-azure-api-key=${OPENAI_API_KEY}\nlangchain4j.azure-open-ai.chat-model.deployment-name=gpt-4o\n';
    assert.deepEqual(uses(PROPS, openai).map((u) => [u.provider, u.host]), [['openai', 'api.openai.com']]);
  });

  it('reads Ollama and Mistral blocks', () => {
    assert.deepEqual(uses(PROPS, 'langchain4j.ollama.chat-model.base-url=http://localhost:11434\nlangchain4j.ollama.chat-model.model-name=llama3\n').map((u) => u.provider), ['self-hosted']);
    assert.deepEqual(uses(PROPS, 'langchain4j.mistral-ai.chat-model.api-key=x\n').map((u) => [u.provider, u.host]), [['mistral', 'api.mistral.ai']]);
  });

  it('drops the properties when the module\'s build has LangChain4j but not the starter', () => {
    const pom = (artifact: string) => `<project><dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>${artifact}</artifactId></dependency></dependencies></project>\n`;
    const props = 'langchain4j.open-ai.chat-model.api-key=x\n';
    const scan = (build: string) => engine.analyze('app/src/main/resources/application.properties', props, { env: workspaceEnv(engine.analyze('app/pom.xml', build, { force: true }).env) }).endpoints.map((e) => e.provider);
    assert.deepEqual(scan(pom('langchain4j-open-ai')), []);
    assert.deepEqual(scan(pom('langchain4j-open-ai-spring-boot-starter')), ['openai']);
  });
});

describe('Quarkus LangChain4j extensions', () => {
  const PROPS = 'src/main/resources/application.properties';

  it('reads the OpenAI extension configured by its api-key as api.openai.com, once', () => {
    const text = 'quarkus.langchain4j.openai.chat-model.temperature=0.5\nquarkus.langchain4j.openai.timeout=60s\n\nquarkus.langchain4j.openai.api-key=${OPENAI_API_KEY}\n';
    assert.deepEqual(uses(PROPS, text), [{ provider: 'openai', host: 'api.openai.com', region: 'global', line: 4 }]);
  });

  it('reads a base-url, an Azure endpoint and Ollama\'s default', () => {
    assert.deepEqual(uses(PROPS, 'quarkus.langchain4j.openai.base-url=https://api.mistral.ai/v1/\n').map((u) => u.provider), ['mistral']);
    assert.deepEqual(uses(PROPS, 'quarkus.langchain4j.azure-openai.endpoint=https://contoso.openai.azure.com/openai/deployments/gpt4\n').map((u) => [u.provider, u.host]), [['azure-openai', 'contoso.openai.azure.com']]);
    assert.deepEqual(uses(PROPS, 'quarkus.langchain4j.ollama.chat-model.model-id=llama3\n').map((u) => [u.provider, u.host]), [['self-hosted', 'localhost']]);
  });

  it('leaves other Quarkus settings alone', () => {
    assert.deepEqual(uses(PROPS, 'quarkus.http.port=8080\nquarkus.langchain4j.timeout=60s\nquarkus.langchain4j.log-requests=true\n'), []);
  });
});

describe('LangChain4j model builders without an endpoint', () => {
  it('BedrockChatModel without .region(...) uses us-east-1; with one, that region; with a client, none of its own', () => {
    const java = (options: string) => [
      'import dev.langchain4j.model.bedrock.BedrockChatModel;',
      'import software.amazon.awssdk.regions.Region;',
      'class A {',
      '  ChatModel m = BedrockChatModel.builder()',
      `      ${options}`,
      '      .build();',
      '}',
    ].join('\n');
    assert.deepEqual(uses('A.java', java('.modelId("anthropic.claude-3-haiku-20240307-v1:0")')), [{ provider: 'aws-bedrock', host: 'bedrock-runtime.us-east-1.amazonaws.com', region: 'us-east-1', line: 4 }]);
    assert.deepEqual(uses('A.java', java('.region(Region.EU_CENTRAL_1).modelId("eu.amazon.nova-lite-v1:0")')).map((u) => u.region), ['eu-central-1']);
    assert.deepEqual(uses('A.java', java('.client(runtimeClient)')), []);
  });

  it('MistralAiChatModel without .baseUrl(...) calls api.mistral.ai; Spring AI\'s class of that name is reported at its MistralAiApi', () => {
    const lc4j = 'import dev.langchain4j.model.mistralai.MistralAiChatModel;\nclass A { Object m = MistralAiChatModel.builder().apiKey(k).build(); }\n';
    assert.deepEqual(uses('A.java', lc4j).map((u) => [u.provider, u.host]), [['mistral', 'api.mistral.ai']]);
    const springAi = 'import org.springframework.ai.mistralai.MistralAiChatModel;\nclass A { Object m = MistralAiChatModel.builder().mistralAiApi(api).build(); }\n';
    assert.deepEqual(uses('A.java', springAi), []);
  });

  it('OllamaChatModel with a base URL computed at run time (env or a test container) is self-hosted', () => {
    const text = [
      'import dev.langchain4j.model.ollama.OllamaChatModel;',
      'class T {',
      '  void a() { OllamaChatModel.builder().baseUrl(System.getenv("OLLAMA_BASE_URL")).modelName("llama3").build(); }',
      '  void b() { OllamaChatModel.builder().baseUrl(baseUrl(ollama)).build(); }',
      '}',
    ].join('\n');
    assert.deepEqual(uses('T.java', text).map((u) => [u.provider, u.line]), [['self-hosted', 3], ['self-hosted', 4]]);
  });
});

describe('A client\'s location given as a constant of the file', () => {
  const text = [
    'import dev.langchain4j.model.vertexai.gemini.VertexAiGeminiChatModel;',
    'class Examples {',
    '  private static final String LOCATION = "us-central1";',
    '  void a() {',
    '    VertexAiGeminiChatModel.builder()',
    '        .project("p")',
    '        .location(LOCATION)',
    '        .build();',
    '  }',
    '  void b() {',
    '    VertexAiGeminiStreamingChatModel.builder()',
    '        .location(LOCATION)',
    '        .build();',
    '  }',
    '}',
  ].join('\n');

  it('is one use per client, at the argument that names the constant', () => {
    assert.deepEqual(uses('Examples.java', text), [
      { provider: 'google-vertex-ai', host: 'us-central1-aiplatform.googleapis.com', region: 'us-central1', line: 7 },
      { provider: 'google-vertex-ai', host: 'us-central1-aiplatform.googleapis.com', region: 'us-central1', line: 12 },
    ]);
  });

  it('keeps the fix on the constant\'s literal', () => {
    const [first] = engine.analyze('Examples.java', text, { env: workspaceEnv([]) }).endpoints;
    const edit = first?.euFix?.edits[0];
    assert.ok(edit, 'a fix to an EU region');
    assert.equal(lineOf(text, edit.start), 3);
    assert.equal(text.slice(edit.start, edit.end), 'us-central1');
  });

  it('does the same for a base URL constant in Python', () => {
    const py = 'from openai import OpenAI\nBASE = "https://api.mistral.ai/v1"\na = OpenAI(base_url=BASE)\nb = OpenAI(base_url=BASE)\n';
    assert.deepEqual(uses('a.py', py).map((u) => [u.provider, u.line]), [['mistral', 3], ['mistral', 4]]);
  });

  it('still reports a literal written in the call at the literal', () => {
    const py = 'from openai import OpenAI\na = OpenAI(\n    base_url="https://api.mistral.ai/v1",\n)\n';
    assert.deepEqual(uses('a.py', py).map((u) => u.line), [3]);
  });
});

describe('AutoGen for .NET: its config classes and its Anthropic client', () => {
  it('reads OpenAIConfig as api.openai.com and AzureOpenAIConfig at the endpoint it is given', () => {
    const text = [
      'using AutoGen;',
      'var openai = new OpenAIConfig(key, "gpt-4o-mini");',
      'var endpoint = Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT") ?? throw new Exception("set it");',
      'var azure = new AzureOpenAIConfig(endpoint, "gpt-4o", key);',
      'var eu = new AzureOpenAIConfig("https://contoso.openai.azure.com/", "gpt-4o", key);',
    ].join('\n');
    assert.deepEqual(uses('Config.cs', text).map((u) => [u.provider, u.host, u.line]), [
      ['openai', 'api.openai.com', 2],
      ['azure-openai', null, 4],
      ['azure-openai', 'contoso.openai.azure.com', 5],
    ]);
  });

  it('knows the value of AnthropicConstants.Endpoint given to an AnthropicClient, and keeps the library\'s own declaration quiet', () => {
    const sample = 'using AutoGen.Anthropic.Utils;\nvar client = new AnthropicClient(new HttpClient(), AnthropicConstants.Endpoint, apiKey);\n';
    assert.deepEqual(uses('Sample.cs', sample).map((u) => [u.provider, u.host, u.line]), [['anthropic', 'api.anthropic.com', 2]]);
    const own = [
      'namespace AutoGen.Anthropic.Utils;',
      'public static class AnthropicConstants',
      '{',
      '    public static string Endpoint = "https://api.anthropic.com/v1/messages";',
      '}',
    ].join('\n');
    assert.deepEqual(uses('AnthropicConstants.cs', own), []);
    // The same URL in an application's own class is still a use.
    assert.deepEqual(uses('Settings.cs', own.replace('class AnthropicConstants', 'class Settings')).map((u) => u.provider), ['anthropic']);
  });

  it('leaves an AnthropicClient given a URL it cannot read without a host', () => {
    const text = 'var client = new AnthropicClient(http, settings.Url, apiKey);\n';
    assert.deepEqual(uses('Sample.cs', text).map((u) => u.host), [null]);
  });
});
