// Config objects that decide an endpoint away from the SDK call. mem0's TypeScript SDK: its
// `Memory` config and its provider classes, also as the library's own examples import them
// (a relative path into its source folder). Spring `@Value` fields that hand a property of the
// application's own to a client builder: the properties line that sets it is the use. Fixtures are our own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Engine } from '../../src/core/engine';
import { npmPackageName } from '../../src/core/resolve/not-endpoints';
import type { EnvLookup } from '../../src/core/resolve/values';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const setEnv = (values: Record<string, string>): EnvLookup => (name) =>
  name in values ? { state: 'set', value: values[name]!, where: { file: 'package.json', line: 2 } } : { state: 'unset' };
const brief = (file: string, text: string, values: Record<string, string> = {}): [number, string | null, string | null][] =>
  engine.analyze(file, text, { env: setEnv(values) }).endpoints.map((e) => [text.slice(0, e.range.start).split('\n').length, e.provider, e.host]);

describe('mem0-ts config objects', () => {
  const memoryConfig = [
    'const memory = new Memory({',
    '  embedder: {',
    '    provider: "ollama",',
    '    config: { model: "nomic-embed-text" },',
    '  },',
    '  llm: {',
    '    provider: "groq",',
    '    config: { model: "llama-3.3-70b-versatile" },',
    '  },',
    '});',
  ];

  describe('the library\'s own examples, importing its source folder', () => {
    it('reads new Memory({...}) imported from mem0ai\'s src/oss/src by a relative path', () => {
      const text = ['import { Memory } from "../src";', ...memoryConfig].join('\n');
      assert.deepEqual(brief('ts-sdk/src/oss/demos/chat.ts', text), [
        [4, 'self-hosted', 'localhost'],
        [8, 'groq', 'api.groq.com'],
      ]);
    });

    it('reads it below a package.json naming mem0ai-oss, and not below another package', () => {
      const text = ['import { Memory } from "../src/memory";', ...memoryConfig].join('\n');
      assert.deepEqual(brief('oss/examples/chat.ts', text, { [npmPackageName('oss')]: 'mem0ai-oss' }).map(([, p]) => p), ['self-hosted', 'groq']);
      // An application's own Memory class in a folder of the same shape is not mem0's.
      assert.deepEqual(brief('oss/examples/chat.ts', text, { [npmPackageName('oss')]: 'notes-app' }), []);
      assert.deepEqual(brief('app/examples/chat.ts', text), []);
    });
  });

  describe('a provider class constructed directly', () => {
    it('reads MistralLLM from the library\'s source as a mistral llm part', () => {
      const text = [
        'import { MistralLLM } from "../../src/llms/mistral";',
        '',
        'const llm = new MistralLLM({',
        '  apiKey: process.env.MISTRAL_API_KEY,',
        '  model: "mistral-small-latest",',
        '});',
      ].join('\n');
      assert.deepEqual(brief('ts-sdk/src/oss/demos/llms/mistral.ts', text), [[3, 'mistral', 'api.mistral.ai']]);
    });

    it('takes the class\'s own default, with no config merge: LMStudioLLM alone is local, through Memory it gets the merged OpenAI URL', () => {
      const direct = 'import { LMStudioLLM } from "mem0ai/oss";\nconst llm = new LMStudioLLM({ model: "qwen2.5-7b" });\n';
      assert.deepEqual(brief('app.ts', direct), [[2, 'self-hosted', 'localhost']]);
      // mem0-ts ConfigManager.mergeConfig fills the llm part's baseURL with https://api.openai.com/v1, which the class passes on (OllamaLLM as its host).
      const merged = 'import { Memory } from "mem0ai/oss";\nconst m = new Memory({ llm: { provider: "ollama", config: { model: "llama3.1:8b" } } });\n';
      assert.deepEqual(brief('app.ts', merged).map(([, p, h]) => [p, h]), [['openai', 'api.openai.com'], ['openai', 'api.openai.com']]);
    });

    it('applies the class\'s own env variable and default URL (XAILLM, DeepSeekLLM)', () => {
      const text = 'import { XAILLM, DeepSeekLLM } from "mem0ai/oss";\nconst a = new XAILLM({ apiKey: "k" });\nconst b = new DeepSeekLLM({ apiKey: "k" });\n';
      assert.deepEqual(brief('app.ts', text), [[2, 'xai', 'api.x.ai'], [3, 'deepseek', 'api.deepseek.com']]);
      assert.deepEqual(brief('app.ts', text, { XAI_API_BASE: 'http://localhost:9000/v1' })[0], [2, 'self-hosted', 'localhost']);
    });

    it('reads the URL a class is given, and says so when its config is not readable', () => {
      const text = [
        'import { OpenAIEmbedder, AnthropicLLM } from "mem0ai/oss";',
        'const e = new OpenAIEmbedder({ baseURL: "http://10.0.0.5:8080/v1", model: "bge" });',
        'export function make(cfg: LLMConfig) { return new AnthropicLLM(cfg); }',
      ].join('\n');
      const found = engine.analyze('app.ts', text).endpoints;
      assert.deepEqual(found.map((e) => [e.provider, e.host]), [['self-hosted', '10.0.0.5'], [null, null]]);
      assert.match(found[1]!.unknown ?? '', /not a literal/);
    });

    it('leaves a class of the same name from another package alone', () => {
      const text = 'import { MistralLLM } from "./mistral";\nconst llm = new MistralLLM({ apiKey: "k" });\n';
      assert.deepEqual(brief('src/app.ts', text), []);
    });
  });
});

describe('Spring @Value properties given to a client builder', () => {
  type Found = { file: string; line: number; provider: string | null; host: string | null; region: string | null; euResident: boolean | null };
  const scan = (files: Record<string, string>): Found[] => {
    const dir = tempWorkspace(files);
    try {
      const json = JSON.parse(runCli(['scan', '.', '--format', 'json'], dir).stdout) as { endpoints: Found[] };
      return json.endpoints;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const app = (builder: string): string => [
    'package demo;',
    'import dev.langchain4j.model.vertexai.gemini.VertexAiGeminiChatModel;',
    'import dev.langchain4j.model.openai.OpenAiChatModel;',
    'import org.springframework.beans.factory.annotation.Value;',
    'import org.springframework.stereotype.Component;',
    '',
    '@Component',
    'public class Models {',
    '  @Value("${assistant.vertex.region}")',
    '  private String region;',
    '',
    '  private final String gateway;',
    '',
    '  Models(@Value("${assistant.gateway-url:http://localhost:4000/v1}") String gateway) {',
    '    this.gateway = gateway;',
    '  }',
    '',
    builder,
    '}',
  ].join('\n');
  const vertex = '  Object chat() { return VertexAiGeminiChatModel.builder().project("p").location(region).modelName("gemini-2.0-flash").build(); }';
  const openai = '  Object chat() { return OpenAiChatModel.builder().baseUrl(gateway).apiKey("k").build(); }';
  const at = (found: Found[], file: string): Found[] => found.filter((e) => e.file === file);

  it('reports the properties line that sets the region, with the region it names', () => {
    const found = scan({
      'svc/src/main/java/demo/Models.java': app(vertex),
      'svc/src/main/resources/application.properties': 'server.port=8080\nassistant.vertex.region=europe-west4\n',
    });
    assert.deepEqual(at(found, 'svc/src/main/resources/application.properties').map((e) => [e.line, e.provider, e.region, e.euResident]),
      [[2, 'google-vertex-ai', 'europe-west4', true]]);
  });

  it('keeps a region from an env variable the repository does not set unknown, in YAML too (relaxed names)', () => {
    const found = scan({
      'svc/src/main/java/demo/Models.java': app(vertex),
      'svc/src/main/resources/application.yml': 'assistant:\n  vertex:\n    Region: ${ASSISTANT_REGION}\n',
    });
    assert.deepEqual(at(found, 'svc/src/main/resources/application.yml').map((e) => [e.line, e.provider, e.region, e.euResident]),
      [[3, 'google-vertex-ai', null, null]]);
  });

  it('fills ${ENV:default} from the workspace, and reads a URL given to .baseUrl(...)', () => {
    const found = scan({
      'svc/src/main/java/demo/Models.java': app(openai),
      'svc/src/main/resources/application.properties': 'assistant.gateway-url=${GATEWAY_URL:https://api.openai.com/v1}\n',
    });
    assert.deepEqual(at(found, 'svc/src/main/resources/application.properties').map((e) => [e.line, e.provider, e.host]),
      [[1, 'openai', 'api.openai.com']]);
  });

  it('stays quiet on properties no client is given, and on the same key in another module', () => {
    const found = scan({
      'svc/src/main/java/demo/Models.java': app(vertex),
      'svc/src/main/resources/application.properties': 'assistant.gateway-url=http://10.1.2.3:4000/v1\nassistant.greeting=hello\n',
      'other/src/main/resources/application.properties': 'assistant.vertex.region=us-central1\n',
    });
    assert.deepEqual(found.filter((e) => e.file.endsWith('.properties')), []);
  });
});
