// Config objects that decide an endpoint away from the SDK call. mem0's TypeScript SDK: its
// `Memory` config and its provider classes, also as the library's own examples import them
// (a relative path into its source folder). Fixtures are our own.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import { npmPackageName } from '../../src/core/resolve/not-endpoints';
import type { EnvLookup } from '../../src/core/resolve/values';

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
