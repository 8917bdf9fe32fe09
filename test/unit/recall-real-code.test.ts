// Endpoint uses that real repositories write and the engine used to miss: langchaingo
// clients in Go, LangChain's community Ollama classes, crewai model strings, the older
// Gemini JS SDK, and OpenAI clients set up for Azure OpenAI by hand. Fixtures are our own.
import { baaAvailable } from '../../src/core/resolve/catalog-index';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Engine } from '../../src/core/engine';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const found = (file: string, text: string) =>
  engine.analyze(file, text).endpoints.map((e) => ({
    line: text.slice(0, e.range.start).split('\n').length,
    provider: e.provider,
    host: e.host,
    baa: e.baaAvailable,
  }));

describe('recall on shapes seen in real code', () => {
  describe('langchaingo (Go)', () => {
    const client = (pkg: string, call: string): string =>
      ['package main', '', 'import (', `\t"github.com/tmc/langchaingo/llms/${pkg}"`, ')', '', 'func main() {', `\tllm, _ := ${call}`, '\t_ = llm', '}', ''].join('\n');

    it('knows the default host of each provider package', () => {
      const cases: [string, string, string, string][] = [
        ['anthropic', 'anthropic.New(anthropic.WithModel("claude-x"))', 'anthropic', 'api.anthropic.com'],
        ['mistral', 'mistral.New(mistral.WithModel("m"))', 'mistral', 'api.mistral.ai'],
        ['cohere', 'cohere.New()', 'cohere', 'api.cohere.ai'],
        ['huggingface', 'huggingface.New()', 'huggingface', 'api-inference.huggingface.co'],
        ['ollama', 'ollama.New(ollama.WithModel("m"))', 'self-hosted', '127.0.0.1'],
      ];
      for (const [pkg, call, provider, host] of cases) {
        assert.deepEqual(found('main.go', client(pkg, call)).map((e) => [e.line, e.provider, e.host]), [[8, provider, host]], pkg);
      }
    });

    it('follows the option that moves the client elsewhere', () => {
      // Read as the client's option (its sdk), not only as a URL literal.
      const via = (pkg: string, call: string) => engine.analyze('main.go', client(pkg, call)).endpoints.map((e) => [e.sdk, e.provider, e.host]);
      assert.deepEqual(via('ollama', 'ollama.New(ollama.WithServerURL("http://gpu-box.internal:11434"))'), [['langchaingo-ollama', 'self-hosted', 'gpu-box.internal']]);
      assert.deepEqual(via('mistral', 'mistral.New(mistral.WithEndpoint("https://api.eu.mistral.ai"))'), [['langchaingo-mistral', 'mistral', 'api.eu.mistral.ai']]);
    });

    it('reads a constant declared in a `const ( ... )` group', () => {
      const text = [
        'package main',
        '',
        'import "github.com/tmc/langchaingo/llms/openai"',
        '',
        'const (',
        '\tretries  = 3',
        '\tlocalLLM = "http://localhost:8000/v1"',
        ')',
        '',
        'func main() {',
        '\tllm, _ := openai.New(openai.WithBaseURL(localLLM))',
        '\t_ = llm',
        '}',
      ].join('\n');
      assert.deepEqual(found('main.go', text).map((e) => [e.line, e.provider, e.host]), [[7, 'self-hosted', 'localhost']]);
    });
  });

  describe('Python frameworks', () => {
    it('gives LangChain community Ollama classes their own default, and the ollama package its own', () => {
      const text = [
        'from langchain_community.llms import Ollama',
        'from langchain.chat_models import ChatOllama',
        'import ollama',
        '',
        'writer = Ollama(model="llama3")',
        'chat = ChatOllama(model="llama3")',
        'raw = ollama.Client()',
      ].join('\n');
      assert.deepEqual(found('agents.py', text).map((e) => [e.line, e.host]), [[5, 'localhost'], [6, 'localhost'], [7, '127.0.0.1']]);
    });

    it('routes crewai model strings, given to LLM or straight to an Agent', () => {
      const text = [
        'from crewai import Agent, LLM',
        '',
        'class Crew:',
        '    llm = LLM(model="gpt-4o")',
        '',
        'def researcher():',
        '    return Agent(role="r", goal="g", backstory="b", llm="claude-3-5-haiku-20241022")',
      ].join('\n');
      assert.deepEqual(found('crew.py', text).map((e) => [e.line, e.provider, e.host]), [
        [4, 'openai', 'api.openai.com'],
        [7, 'anthropic', 'api.anthropic.com'],
      ]);
    });

    it('follows an aisuite "provider:model" string to the SDK client aisuite builds', () => {
      const text = [
        'import aisuite as ai',
        '',
        'def ask(question):',
        '    client = ai.Client()',
        '    first = client.chat.completions.create(model="openai:gpt-4o-mini", messages=[])',
        '    second = client.chat.completions.create(model="someone:m", messages=[])',
        '    return first, second',
      ].join('\n');
      const endpoints = engine.analyze('flow.py', text).endpoints;
      assert.deepEqual(endpoints.map((e) => [e.provider, e.host, e.sdk ?? null]), [
        ['openai', 'api.openai.com', 'openai-python'],
        [null, null, null],
      ]);
      // The router's method takes no base_url: no fix may insert one there.
      assert.equal(endpoints[0]!.euFix, undefined);
      assert.match(endpoints[1]!.unknown ?? '', /provider key "someone"/);
    });

    it('leaves an Agent that is not crewai\'s alone', () => {
      const text = 'from crewai import LLM\nfrom my_agents import Agent\n\nhelper = Agent(llm="gpt-4o")\n';
      assert.deepEqual(found('other.py', text), []);
    });
  });

  describe('TypeScript clients', () => {
    it('knows the older @google/generative-ai SDK calls the Gemini API', () => {
      const text = 'import { GoogleGenerativeAI } from "@google/generative-ai"\nconst genAI = new GoogleGenerativeAI(process.env.GOOGLE_KEY!)\n';
      assert.deepEqual(found('route.ts', text).map((e) => [e.line, e.provider, e.host]), [[2, 'google-gemini-api', 'generativelanguage.googleapis.com']]);
    });

    it('takes an OpenAI client set up with Azure\'s path, query or header for Azure OpenAI, host unknown', () => {
      const text = [
        'import OpenAI from "openai"',
        'export function clients(settings: { endpoint: string; key: string; other: string }, deployment: string) {',
        '  const byPath = new OpenAI({ apiKey: settings.key, baseURL: `${settings.endpoint}/openai/deployments/${deployment}` })',
        '  const byQuery = new OpenAI({ baseURL: settings.endpoint, defaultQuery: { "api-version": "2024-10-21" } })',
        '  const byHeader = new OpenAI({ baseURL: settings.endpoint, defaultHeaders: { "api-key": settings.key } })',
        '  const unknown = new OpenAI({ baseURL: settings.other })',
        '  return [byPath, byQuery, byHeader, unknown]',
        '}',
      ].join('\n');
      const endpoints = engine.analyze('route.ts', text).endpoints;
      // The Azure OpenAI answers carry what the catalog says of its BAA.
      const azureBaa = baaAvailable(engine.catalog.providers.find((p) => p.id === 'azure-openai')!.posture.baa);
      assert.deepEqual(endpoints.map((e) => [e.provider, e.host, e.baaAvailable]), [
        ['azure-openai', null, azureBaa],
        ['azure-openai', null, azureBaa],
        ['azure-openai', null, azureBaa],
        [null, null, null],
      ]);
      // Azure's marks are evidence; a base URL with none replaces the SDK's default with a server nobody knows.
      assert.deepEqual(endpoints.map((e) => e.assumedProvider === true), [false, false, false, false]);
      assert.match(endpoints[1]!.via, /api-version query parameter/);
    });

    it('says in the CLI output when the provider is only the SDK\'s assumption', () => {
      // Options the engine cannot read may or may not replace the SDK's default: the provider is its assumption.
      const dir = tempWorkspace({ 'route.ts': 'import OpenAI from "openai"\nexport const c = (opts: object) => new OpenAI(opts)\n' });
      try {
        const json = JSON.parse(runCli(['scan', '.', '--format', 'json'], dir).stdout) as { endpoints: { provider: string; assumedProvider?: boolean }[] };
        assert.deepEqual(json.endpoints.map((e) => [e.provider, e.assumedProvider]), [['openai', true]]);
        assert.match(runCli(['scan', '.'], dir).stdout, /openai \(assumed\)/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads Azure\'s marks in the Python SDK\'s spelling too', () => {
      const text = 'import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=os.environ["LLM_URL"], default_query={"api-version": "2024-10-21"})\n';
      assert.deepEqual(found('app.py', text).map((e) => [e.provider, e.host]), [['azure-openai', null]]);
    });
  });
});
