// mem0 is configured with a dict whose `llm` and `embedder` parts each name a provider and its
// options; mem0 then builds that provider's SDK client. Each part is an endpoint, found where
// the provider is named, with mem0's own env variables and defaults. Fixtures are our own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { catalog } from '../../src/core/catalog/data';
import { Engine } from '../../src/core/engine';
import type { EnvLookup } from '../../src/core/resolve/values';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const brief = (file: string, text: string, env?: EnvLookup) =>
  engine.analyze(file, text, env ? { env } : {}).endpoints.map((e) => ({
    line: text.slice(0, e.range.start).split('\n').length,
    provider: e.provider,
    host: e.host,
    region: e.region,
    unknown: e.unknown ?? null,
  }));
const setEnv = (values: Record<string, string>): EnvLookup => (name) =>
  name in values ? { state: 'set', value: values[name]!, where: { file: '.env', line: 1 } } : { state: 'unset' };

describe('mem0 provider configs', () => {
  it('names only clients the catalog has, each with mem0\'s own source', () => {
    const ids = new Set(catalog.providers.flatMap((p) => p.clients.map((c) => c.id)));
    for (const library of catalog.configLibraries ?? []) {
      for (const p of library.providers) {
        if (p.client) assert.ok(ids.has(p.client), `${library.id} ${p.key}: ${p.client}`);
        assert.ok(p.sources.every((s) => s.url.startsWith('https://github.com/mem0ai/mem0/blob/')), `${p.key}`);
      }
    }
  });

  describe('Python', () => {
    it('reports each part where its provider is named, with mem0\'s defaults', () => {
      const text = [
        'from mem0 import Memory',
        '',
        'settings = {',
        '    "llm": {',
        '        "provider": "xai",',
        '        "config": {"model": "grok-3", "temperature": 0.2},',
        '    },',
        '    "embedder": {"provider": "openai", "config": {"model": "text-embedding-3-small"}},',
        '}',
        'memory = Memory.from_config(settings)',
      ].join('\n');
      assert.deepEqual(brief('agent.py', text).map((e) => [e.line, e.provider, e.host]), [
        [5, 'xai', 'api.x.ai'],
        [8, 'openai', 'api.openai.com'],
      ]);
    });

    it('gives Memory() with no config OpenAI for both parts, at the call', () => {
      const text = 'from mem0 import AsyncMemory\n\nstore = AsyncMemory()\n';
      // The llm and embedder parts reach the same endpoint from the same call: one use.
      assert.deepEqual(brief('store.py', text).map((e) => [e.line, e.provider, e.host]), [[3, 'openai', 'api.openai.com']]);
    });

    it('takes the Bedrock region from AWS_REGION where it runs, else mem0\'s us-west-2', () => {
      const text = [
        'from mem0.memory.main import Memory',
        'm = Memory.from_config({',
        '    "llm": {"provider": "aws_bedrock", "config": {"model": "anthropic.claude-3-haiku-20240307-v1:0"}},',
        '    "embedder": {"provider": "aws_bedrock", "config": {"model": "amazon.titan-embed-text-v2:0"}},',
        '})',
      ].join('\n');
      assert.deepEqual(brief('mem.py', text).map((e) => [e.line, e.region, e.host]), [
        [3, 'us-west-2', 'bedrock-runtime.us-west-2.amazonaws.com'],
        [4, 'us-west-2', 'bedrock-runtime.us-west-2.amazonaws.com'],
      ]);
      assert.deepEqual(brief('mem.py', text, setEnv({ AWS_REGION: 'eu-central-1' })).map((e) => [e.line, e.provider, e.region]), [
        [3, 'aws-bedrock', 'eu-central-1'],
        [4, 'aws-bedrock', 'eu-central-1'],
      ]);
    });

    it('follows an explicit base URL, a nested Azure endpoint and a region key', () => {
      const text = [
        'from mem0 import Memory',
        'm = Memory.from_config({',
        '    "llm": {"provider": "openai", "config": {"openai_base_url": "https://eu.api.openai.com/v1"}},',
        '    "embedder": {"provider": "azure_openai", "config": {"azure_kwargs": {"azure_endpoint": "https://acme.openai.azure.com/"}}},',
        '})',
        'b = Memory.from_config({"llm": {"provider": "aws_bedrock", "config": {"aws_region": "eu-west-3"}}, "embedder": {"provider": "ollama", "config": {"ollama_base_url": "http://192.168.1.20:11434"}}})',
      ].join('\n');
      assert.deepEqual(brief('mem.py', text).map((e) => [e.line, e.provider, e.host]), [
        [3, 'openai', 'eu.api.openai.com'],
        [4, 'azure-openai', 'acme.openai.azure.com'],
        [6, 'aws-bedrock', 'bedrock-runtime.eu-west-3.amazonaws.com'],
        [6, 'self-hosted', '192.168.1.20'],
      ]);
    });

    it('reads MemoryConfig and LlmConfig, and the gemini Vertex AI switch', () => {
      const text = [
        'from mem0 import Memory',
        'from mem0.configs.base import MemoryConfig',
        'from mem0.llms.configs import LlmConfig',
        'cfg = MemoryConfig(llm=LlmConfig(provider="gemini", config={"vertexai": True, "location": "europe-west4"}))',
        'm = Memory(cfg)',
        'g = Memory(MemoryConfig(llm=LlmConfig(provider="gemini"), embedder={"provider": "huggingface"}))',
      ].join('\n');
      const found = brief('mem.py', text).map((e) => [e.line, e.provider, e.region]);
      assert.deepEqual(found.filter(([, p]) => p !== 'openai'), [
        [4, 'google-vertex-ai', 'europe-west4'],
        [6, 'google-gemini-api', 'global'],
      ]);
      // huggingface without a base URL is a local model: nothing for the embedder at line 6.
      assert.deepEqual(found.filter(([line]) => line === 6).map(([, p]) => p), ['google-gemini-api']);
    });

    it('follows the SDK\'s GOOGLE_GENAI_USE_VERTEXAI switch where mem0 leaves vertexai out', () => {
      const text = 'from mem0 import Memory\nm = Memory.from_config({"llm": {"provider": "gemini"}, "embedder": {"provider": "gemini"}})\n';
      assert.deepEqual(brief('m.py', text).map((e) => e.provider), ['google-gemini-api', 'google-gemini-api']);
      assert.deepEqual(brief('m.py', text, setEnv({ GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_LOCATION: 'europe-west1' })).map((e) => [e.provider, e.region]), [
        ['google-vertex-ai', 'europe-west1'],
        ['google-vertex-ai', 'europe-west1'],
      ]);
      assert.deepEqual(brief('m.py', text, setEnv({ GOOGLE_GENAI_USE_VERTEXAI: 'false' })).map((e) => e.provider), ['google-gemini-api', 'google-gemini-api']);
    });

    it('switches mem0\'s OpenAI LLM to OpenRouter when OPENROUTER_API_KEY is set', () => {
      const text = 'from mem0 import Memory\nm = Memory.from_config({"llm": {"provider": "openai", "config": {}}})\n';
      // The embedder (left out, so OpenAI) first, at the call; then the llm part.
      const hosts = (env?: EnvLookup) => brief('m.py', text, env).map((e) => e.host);
      assert.deepEqual(hosts(), ['api.openai.com', 'api.openai.com']);
      assert.deepEqual(hosts(setEnv({ OPENROUTER_API_KEY: 'sk-or-1' })), ['api.openai.com', 'openrouter.ai']);
    });

    it('reports a provider it cannot read, or one the catalog has no client for, with provider null', () => {
      const text = [
        'import os',
        'from mem0 import Memory',
        'm = Memory.from_config({',
        '    "llm": {"provider": os.environ["LLM_PROVIDER"]},',
        '    "embedder": {"provider": "someone-new"},',
        '})',
        'def build(conf):',
        '    return Memory.from_config(conf)',
      ].join('\n');
      const found = brief('m.py', text);
      assert.deepEqual(found.map((e) => [e.line, e.provider, e.host]), [
        [4, null, null],
        [5, null, null],
        [8, null, null],
      ]);
      assert.match(found[0]!.unknown ?? '', /LLM_PROVIDER/);
      assert.match(found[1]!.unknown ?? '', /embedder provider "someone-new"/);
      assert.match(found[2]!.unknown ?? '', /not a literal in this file/);
    });

    it('leaves a Memory class of another module alone', () => {
      const text = 'from langgraph.store import Memory\nm = Memory.from_config({"llm": {"provider": "openai"}})\nn = Memory()\n';
      assert.deepEqual(brief('other.py', text), []);
    });

    it('keeps mem0\'s own provider modules quiet: each application config is reported instead', () => {
      const text = [
        'import os',
        'from openai import OpenAI',
        '',
        'class XAILLM:',
        '    def __init__(self, config):',
        '        base_url = config.xai_base_url or os.getenv("XAI_API_BASE") or "https://api.x.ai/v1"',
        '        self.client = OpenAI(api_key=config.api_key, base_url=base_url)',
      ].join('\n');
      assert.deepEqual(brief('mem0/llms/xai.py', text), []);
      assert.deepEqual(brief('vendor/site-packages/mem0/embeddings/xai.py', text), []);
      // The same class in an application's own folder is a use.
      assert.notDeepEqual(brief('app/llms/xai.py', text), []);
    });
  });

  describe('TypeScript (mem0ai/oss)', () => {
    it('reports each part of new Memory({...})', () => {
      const text = [
        'import { Memory } from "mem0ai/oss";',
        '',
        'const memory = new Memory({',
        '  embedder: { provider: "ollama", config: { model: "nomic-embed-text" } },',
        '  llm: { provider: "mistral", config: { model: "mistral-small-latest" } },',
        '});',
      ].join('\n');
      assert.deepEqual(brief('mem.ts', text).map((e) => [e.line, e.provider, e.host]), [
        [4, 'self-hosted', 'localhost'],
        [5, 'mistral', 'api.mistral.ai'],
      ]);
    });

    it('follows a config held in a variable, with an explicit URL', () => {
      const text = [
        'import { Memory } from "mem0ai/oss";',
        'const config = {',
        '  llm: { provider: "ollama", config: { url: "http://ollama.internal:11434" } },',
        '  embedder: { provider: "aws_bedrock", config: { awsRegion: "eu-west-1" } },',
        '};',
        'export const memory = new Memory(config);',
        'export const again = Memory.fromConfig({ embedder: { provider: "openai", config: { baseURL: "https://llm-gw.example.org/v1" } } });',
      ].join('\n');
      assert.deepEqual(brief('mem.ts', text).map((e) => [e.line, e.provider, e.host]), [
        [3, 'self-hosted', 'ollama.internal'],
        [4, 'aws-bedrock', 'bedrock-runtime.eu-west-1.amazonaws.com'],
        // fromConfig: the llm part left out is OpenAI's; the embedder goes to its gateway, whose provider is not known.
        [7, 'openai', 'api.openai.com'],
        [7, null, 'llm-gw.example.org'],
      ]);
    });

    it('reads the Azure endpoint from modelProperties, and the provider key in any case', () => {
      const text = [
        'import { Memory } from "mem0ai/oss";',
        'const m = new Memory({',
        '  llm: { provider: "Azure_OpenAI", config: { apiKey: "k", modelProperties: { endpoint: "https://acme-sweden.openai.azure.com/", deployment: "gpt-4o" } } },',
        '  embedder: { provider: "gemini", config: { model: "text-embedding-004" } },',
        '});',
      ].join('\n');
      assert.deepEqual(brief('m.ts', text).map((e) => [e.line, e.provider, e.host]), [
        [3, 'azure-openai', 'acme-sweden.openai.azure.com'],
        [4, 'google-gemini-api', 'generativelanguage.googleapis.com'],
      ]);
    });

    it('gives an LLM part without a URL the OpenAI URL mem0-ts fills in', () => {
      const text = 'import { Memory } from "mem0ai/oss";\nconst m = new Memory({ llm: { provider: "xai", config: { model: "grok-4" } } });\n';
      // mem0-ts ConfigManager.mergeConfig: the llm part's baseURL defaults to https://api.openai.com/v1, which XAILLM passes on.
      assert.deepEqual(brief('m.ts', text).map((e) => [e.line, e.provider, e.host]), [
        [2, 'openai', 'api.openai.com'],
        [2, 'openai', 'api.openai.com'],
      ]);
      const [, llm] = engine.analyze('m.ts', text).endpoints;
      assert.match(llm!.via, /mem0 llm provider "xai" builds openai-node/);
    });

    it('keeps mem0ai\'s own provider source quiet when its package.json names the package', () => {
      const provider = [
        'import { Ollama } from "ollama";',
        'export class OllamaLLM {',
        '  private readonly host: string;',
        '  constructor(config: { url?: string }) {',
        '    this.host = config.url || "http://localhost:11434";',
        '    this.client = new Ollama({ host: this.host });',
        '  }',
        '}',
      ].join('\n');
      const scan = (manifest: string): string[] => {
        const dir = tempWorkspace({ 'sdk/package.json': manifest, 'sdk/src/oss/src/llms/ollama.ts': provider });
        try {
          const json = JSON.parse(runCli(['scan', '.', '--format', 'json'], dir).stdout) as { endpoints: { file: string; line: number }[] };
          return json.endpoints.map((e) => `${e.file}:${e.line}`);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      assert.deepEqual(scan('{ "name": "mem0ai", "version": "1.0.0" }'), []);
      // Another package's folder of that shape is an application's code: its client is a use.
      assert.notDeepEqual(scan('{ "name": "my-agent", "version": "1.0.0" }'), []);
    });

    it('leaves the project\'s own Memory class alone', () => {
      const text = 'import { Memory } from "./memory";\nconst m = new Memory({ llm: { provider: "openai", config: {} } });\n';
      assert.deepEqual(brief('m.ts', text), []);
    });
  });
});
