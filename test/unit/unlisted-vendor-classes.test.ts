// Classes of LLM vendors that are not catalog providers (catalog `unlistedApis[].clients`):
// LangChain's ChatNVIDIA or GigaChat, Semantic Kernel's NvidiaChatCompletion. Built without a
// base URL, each is reported with provider null, the vendor and the vendor's default host;
// an explicit base URL resolves as any client's; a class of the same name from another
// module, and the default inside the library's own source, stay quiet.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { Engine, workspaceEnv, type EnvDefinition } from '../../src/core/engine';
import { catalogAnchors, Prefilter } from '../../src/core/scan/prefilter';
import type { Endpoint } from '../../src/core/model';
import { lineAndColumn } from '../../src/core/text';

const engine = new Engine();
const analyze = (file: string, lines: string[], env: EnvDefinition[] = []): (Endpoint & { line: number })[] => {
  const text = lines.join('\n') + '\n';
  return engine.analyze(file, text, { env: workspaceEnv(env) }).endpoints.map((e) => ({ ...e, line: lineAndColumn(text, e.range.start).line }));
};
const summary = (e: Endpoint & { line: number }): { line: number; provider: string | null; vendor?: string; host: string | null } =>
  ({ line: e.line, provider: e.provider, ...(e.vendor ? { vendor: e.vendor } : {}), host: e.host });

describe('classes of vendors that are not catalog providers', () => {
  describe('built without a base URL: provider null, the vendor and its default host', () => {
    const cases: { name: string; file: string[]; vendor: string; host: string }[] = [
      {
        name: 'LangChain ChatNVIDIA and NVIDIAEmbeddings',
        file: ['from langchain_nvidia_ai_endpoints import ChatNVIDIA, NVIDIAEmbeddings', '', 'chat = ChatNVIDIA(model="meta/llama-3.1-8b-instruct")', 'vectors = NVIDIAEmbeddings(model="nvidia/nv-embedqa-e5-v5")'],
        vendor: 'NVIDIA API Catalog',
        host: 'integrate.api.nvidia.com',
      },
      {
        name: 'Semantic Kernel NvidiaChatCompletion and NvidiaTextEmbedding',
        file: ['from semantic_kernel.connectors.ai.nvidia import NvidiaChatCompletion, NvidiaTextEmbedding', '', 'kernel.add_service(NvidiaChatCompletion(ai_model_id="meta/llama-3.1-70b-instruct"))', 'embedder = NvidiaTextEmbedding()'],
        vendor: 'NVIDIA API Catalog',
        host: 'integrate.api.nvidia.com',
      },
      {
        name: 'LlamaIndex NVIDIA, from the package and from its module',
        file: ['from llama_index.llms.nvidia import NVIDIA', 'from llama_index.llms.nvidia.base import NVIDIA as NvidiaLLM', '', 'llm = NVIDIA(model="meta/llama-3.1-70b-instruct")', 'other = NvidiaLLM()'],
        vendor: 'NVIDIA API Catalog',
        host: 'integrate.api.nvidia.com',
      },
      {
        name: 'GigaChat from langchain_gigachat and GigaChatEmbeddings from langchain_community',
        file: ['from langchain_gigachat.chat_models import GigaChat', 'from langchain_community.embeddings import GigaChatEmbeddings', '', 'llm = GigaChat(credentials=token, verify_ssl_certs=False)', 'emb = GigaChatEmbeddings(credentials=token)'],
        vendor: 'Sber GigaChat',
        host: 'gigachat.devices.sberbank.ru',
      },
      {
        name: 'DashScopeEmbeddings and ChatTongyi (Alibaba DashScope)',
        file: ['from langchain_community.embeddings import DashScopeEmbeddings', 'from langchain_community.chat_models.tongyi import ChatTongyi', '', 'store_embeddings = DashScopeEmbeddings(model="text-embedding-v2")', 'qwen = ChatTongyi(model="qwen-max")'],
        vendor: 'Alibaba DashScope',
        host: 'dashscope.aliyuncs.com',
      },
      {
        name: 'NomicEmbeddings',
        file: ['from langchain_nomic import NomicEmbeddings', '', 'embedder = NomicEmbeddings(model="nomic-embed-text-v1.5")', 'other = NomicEmbeddings(model="nomic-embed-text-v1.5", inference_mode="remote")'],
        vendor: 'Nomic Atlas',
        host: 'api-atlas.nomic.ai',
      },
      {
        name: 'ChatNetmind and NetmindEmbeddings',
        file: ['import langchain_netmind as nm', '', 'llm = nm.ChatNetmind(model="meta-llama/Llama-3.3-70B-Instruct")', 'emb = nm.NetmindEmbeddings(model="nvidia/NV-Embed-v2")'],
        vendor: 'NetMind AI',
        host: 'api.netmind.ai',
      },
    ];
    it('a file whose only signal is such a class passes the prefilter (the CLI reads it)', () => {
      const prefilter = new Prefilter(catalogAnchors(catalog, 'code'));
      const files = [
        'from langchain_nvidia_ai_endpoints import ChatNVIDIA\nchat = ChatNVIDIA()\n',
        'from semantic_kernel.connectors.ai.nvidia import NvidiaTextEmbedding\nsvc = NvidiaTextEmbedding()\n',
        'from langchain_gigachat import GigaChat\nchat = GigaChat()\n',
        'from langchain_nomic import NomicEmbeddings\nvectors = NomicEmbeddings()\n',
        'from langchain_netmind import ChatNetmind\nchat = ChatNetmind()\n',
      ];
      for (const text of files) assert.ok(prefilter.testString(text), text);
    });

    for (const c of cases) {
      it(c.name, () => {
        const found = analyze('app/rag.py', c.file);
        assert.deepEqual(found.map(summary), [
          { line: c.file.length - 1, provider: null, vendor: c.vendor, host: c.host },
          { line: c.file.length, provider: null, vendor: c.vendor, host: c.host },
        ]);
        for (const e of found) {
          assert.equal(e.baaAvailable, null);
          assert.ok(e.sdk, 'the class is named as the SDK');
          assert.match(e.via, new RegExp(`${c.vendor} \\(not a catalog provider\\)`));
        }
      });
    }

    it('where the vendor\'s page places the default host, that place applies (DashScope\'s China (Beijing) host fails EU residency)', () => {
      const [qwen] = analyze('app/qwen.py', ['from langchain_community.chat_models import ChatTongyi', 'llm = ChatTongyi()']);
      assert.equal(qwen?.region, 'cn-beijing');
      assert.equal(qwen?.euResident, false);
    });

    it('where it does not, the processing place stays unknown', () => {
      const [nim] = analyze('app/nim.py', ['from langchain_nvidia_ai_endpoints import ChatNVIDIA', 'llm = ChatNVIDIA()']);
      assert.equal(nim?.location, null);
      assert.equal(nim?.euResident, null);
      assert.match(nim?.unknown ?? '', /NVIDIA API Catalog's own pages do not say where it processes data/);
    });

    it('a class whose vendor has no page naming its host is still reported: the vendor, the host unknown', () => {
      const vendorWithoutHost = structuredClone(catalog);
      const gigachat = vendorWithoutHost.unlistedApis!.find((a) => a.vendor === 'Sber GigaChat')!;
      for (const c of gigachat.clients!) delete c.defaults.host;
      const e = new Engine(vendorWithoutHost);
      const [found, ...rest] = e.analyze('app/chat.py', 'from langchain_gigachat import GigaChat\nllm = GigaChat(credentials=token)\n').endpoints;
      assert.deepEqual(rest, []);
      assert.equal(found?.provider, null);
      assert.equal(found?.host, null);
      assert.equal(found?.vendor, 'Sber GigaChat');
      assert.match(found?.unknown ?? '', /an uncatalogued LLM API of Sber GigaChat/);
    });
  });

  describe('a base URL set in the call or the environment wins', () => {
    it('a NIM on this machine is self-hosted; another vendor\'s host is that vendor\'s', () => {
      const found = analyze('app/nim.py', [
        'from langchain_nvidia_ai_endpoints import ChatNVIDIA',
        'from semantic_kernel.connectors.ai.nvidia import NvidiaChatCompletion',
        'local = ChatNVIDIA(base_url="http://localhost:8000/v1", model="meta/llama3-8b-instruct")',
        'sk = NvidiaChatCompletion(base_url="https://api.openai.com/v1")',
      ]);
      assert.deepEqual(found.map(summary), [
        { line: 3, provider: 'self-hosted', host: 'localhost' },
        { line: 4, provider: 'openai', host: 'api.openai.com' },
      ]);
    });

    it('a base URL the engine cannot read leaves the provider and host unknown, never the default', () => {
      const found = analyze('app/giga.py', ['import os', 'from langchain_gigachat import GigaChat', 'llm = GigaChat(base_url=os.environ["LLM_URL"])']);
      assert.deepEqual(found.map(summary), [{ line: 3, provider: null, host: null }]);
      assert.match(found[0]!.unknown ?? '', /base URL/);
    });

    it('the env variable the library reads, set in the workspace', () => {
      const env: EnvDefinition[] = [{ name: 'NVIDIA_BASE_URL', value: 'http://nim.internal:8000/v1', file: '.env', line: 1 }];
      const found = analyze('app/nim.py', ['from langchain_nvidia_ai_endpoints import NVIDIAEmbeddings', 'e = NVIDIAEmbeddings()'], env);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.host, 'nim.internal');
      assert.notEqual(found[0]!.vendor, 'NVIDIA API Catalog');
    });

    it('a client handed in is reported where it is built, not as the default', () => {
      const found = analyze('app/sk.py', [
        'from openai import AsyncOpenAI',
        'from semantic_kernel.connectors.ai.nvidia import NvidiaChatCompletion',
        'service = NvidiaChatCompletion(client=AsyncOpenAI(base_url="http://localhost:8000/v1"))',
      ]);
      assert.deepEqual(found.map((e) => e.host), ['localhost']);
    });

    it('Nomic embeddings computed locally send nothing; a mode computed at run time is not assumed remote or local', () => {
      const found = analyze('app/embed.py', [
        'from langchain_nomic import NomicEmbeddings',
        'local = NomicEmbeddings(model="nomic-embed-text-v1.5", inference_mode="local")',
        'either = NomicEmbeddings(model="nomic-embed-text-v1.5", inference_mode=settings.mode)',
      ]);
      assert.deepEqual(found.map(summary), [{ line: 3, provider: null, host: null }]);
      assert.match(found[0]!.unknown ?? '', /inference_mode= is computed at run time/);
    });
  });

  describe('tied to the import', () => {
    it('a class of the same name from another module, or one the file defines, is not the vendor\'s', () => {
      const found = analyze('app/wrappers.py', [
        'from myapp.llm import ChatNVIDIA',
        'from company.sber import GigaChat',
        'class NomicEmbeddings:',
        '    pass',
        '',
        'a = ChatNVIDIA(model="x")',
        'b = GigaChat()',
        'c = NomicEmbeddings()',
      ]);
      assert.deepEqual(found, []);
    });

    it('the same class imported from the vendor\'s module, or under another name, is', () => {
      const found = analyze('app/chat.py', ['from langchain_nvidia_ai_endpoints import ChatNVIDIA as Chat', 'import langchain_gigachat', 'a = Chat()', 'b = langchain_gigachat.GigaChat()']);
      assert.deepEqual(found.map((e) => e.vendor), ['NVIDIA API Catalog', 'Sber GigaChat']);
    });
  });

  describe('the library\'s own source', () => {
    const settings = [
      'from pydantic import SecretStr',
      'from semantic_kernel.kernel_pydantic import KernelBaseSettings',
      '',
      'class NvidiaSettings(KernelBaseSettings):',
      '    api_key: SecretStr | None = None',
      '    base_url: str = "https://integrate.api.nvidia.com/v1"',
      '    fallback_url: str = "https://dashscope.aliyuncs.com/api/v1"',
    ];

    it('keeps quiet on the default host inside the package folders of a class the catalog ties to them', () => {
      // The NVIDIA default is the connector's own; DashScope is no default of this package: reported.
      assert.deepEqual(analyze('python/semantic_kernel/connectors/ai/nvidia/settings/nvidia_settings.py', settings).map((e) => e.line), [7]);
      assert.deepEqual(analyze('.venv/lib/python3.12/site-packages/semantic_kernel/connectors/ai/nvidia/settings/nvidia_settings.py', settings).map((e) => e.line), [7]);
    });

    it('and inside a package folder whose name is the library\'s own (langchain_nvidia_ai_endpoints/)', () => {
      assert.deepEqual(analyze('libs/ai-endpoints/langchain_nvidia_ai_endpoints/_common.py', settings).map((e) => e.line), [7]);
    });

    it('still reports the same default in an application\'s own folders, also one named like a one-word package', () => {
      assert.deepEqual(analyze('app/settings/nvidia_settings.py', settings).map((e) => e.line), [6, 7]);
      assert.deepEqual(analyze('src/connectors/ai/nvidia/settings.py', settings).map((e) => e.line), [6, 7]);
      const giga = ['GIGACHAT_URL = "https://gigachat.devices.sberbank.ru/api/v1/chat/completions"'];
      assert.deepEqual(analyze('app/gigachat/client.py', giga).map((e) => e.host), ['gigachat.devices.sberbank.ru']);
    });
  });

  describe('the catalog', () => {
    it('each class\'s default host is one of its vendor\'s hosts, and each callee names its module', () => {
      for (const api of catalog.unlistedApis ?? []) {
        for (const c of api.clients ?? []) {
          if (c.defaults.host) assert.ok(api.hosts.some((h) => h.pattern === c.defaults.host), `${c.id}: ${c.defaults.host} is a host of ${api.vendor}`);
          for (const callee of c.callees) assert.ok(callee.includes('.'), `${c.id}: ${callee} is qualified by its import`);
          assert.ok(c.sources.length > 0, `${c.id} has sources`);
        }
      }
    });
  });
});
