// Values that reach a client from around its call: each client construction is its own use,
// also when two of them share the line that decides where they send requests, and an options
// object held by a name counts inside the options it is passed in. Fixtures are our own.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';

const engine = new Engine();
const found = (file: string, text: string) =>
  engine.analyze(file, text).endpoints.map((e) => ({
    line: text.slice(0, e.range.start).split('\n').length,
    provider: e.provider,
    host: e.host,
    via: e.via,
  }));

describe('clients that share the value that decides their endpoint', () => {
  it('reports an LLM and its embedding model that share one base URL as two uses, each at its own argument', () => {
    const text = [
      'import os',
      'from llama_index.llms.ollama import Ollama',
      'from llama_index.embeddings.ollama import OllamaEmbedding',
      '',
      'def setup():',
      '    server = os.getenv("LOCAL_MODELS_URL") or "http://127.0.0.1:11434"',
      '    chat = Ollama(model="llama3.1", base_url=server)',
      '    vectors = OllamaEmbedding(model_name="nomic-embed-text", base_url=server)',
      '    return chat, vectors',
      '',
    ].join('\n');
    const endpoints = found('settings.py', text);
    // One value given to two clients: each client is reported where it names the value (spreadSharedConstants).
    assert.deepEqual(endpoints.map((e) => [e.line, e.provider, e.host]), [
      [7, 'self-hosted', '127.0.0.1'],
      [8, 'self-hosted', '127.0.0.1'],
    ]);
    assert.deepEqual(endpoints.map((e) => e.via.split(':')[0]).sort(), ['Ollama()', 'OllamaEmbedding()']);
  });

  it('reports two clients spreading one settings dict as two uses', () => {
    const text = [
      'import os',
      'from llama_index.llms.azure_openai import AzureOpenAI',
      'from llama_index.embeddings.azure_openai import AzureOpenAIEmbedding',
      '',
      'def setup():',
      '    shared = {',
      '        "api_key": os.getenv("AZURE_KEY"),',
      '        "azure_endpoint": os.getenv("AZURE_OPENAI_ENDPOINT"),',
      '        "api_version": "2024-10-21",',
      '    }',
      '    chat = AzureOpenAI(model="gpt-4.1", deployment_name="chat", **shared)',
      '    vectors = AzureOpenAIEmbedding(model="text-embedding-3-large", deployment_name="vectors", **shared)',
      '',
    ].join('\n');
    assert.deepEqual(found('settings.py', text).map((e) => [e.line, e.provider, e.host]), [
      // The host is read from an env variable nobody sets: each use is at its client's call.
      [11, 'azure-openai', null],
      [12, 'azure-openai', null],
    ]);
  });

  it('keeps a URL literal that is also a client\'s base URL as one endpoint', () => {
    const text = ['from openai import OpenAI', '', 'client = OpenAI(base_url="https://api.mistral.ai/v1")', ''].join('\n');
    assert.deepEqual(found('app.py', text).map((e) => [e.line, e.provider, e.host]), [[3, 'mistral', 'api.mistral.ai']]);
  });

  it('keeps a client built inside the arguments of another call as one endpoint', () => {
    const text = [
      'from crewai import Agent, LLM',
      '',
      'writer = Agent(',
      '    role="Writer",',
      '    goal="Write",',
      '    backstory="Writes",',
      '    llm=LLM(model="gpt-4o-mini"),',
      ')',
      '',
    ].join('\n');
    assert.deepEqual(found('crew.py', text).map((e) => [e.line, e.provider, e.host]), [[7, 'openai', 'api.openai.com']]);
  });
});

describe('an options object held by a name inside the options', () => {
  it('reads LlamaIndex TS Ollama\'s config.host from `{ model, config }` with `const config = { host }`', () => {
    const text = [
      'import { Ollama, OllamaEmbedding } from "@llamaindex/ollama";',
      '',
      'export function setup() {',
      '  const config = {',
      '    host: process.env.LOCAL_MODELS_URL ?? "http://10.1.2.3:11434",',
      '  };',
      '  const chat = new Ollama({ model: "llama3.1", config });',
      '  const vectors = new OllamaEmbedding({ model: "nomic-embed-text", config });',
      '  return { chat, vectors };',
      '}',
      '',
    ].join('\n');
    const endpoints = found('settings.ts', text);
    // The SDK default is 127.0.0.1: 10.1.2.3 shows the config was read, at the line that sets it.
    assert.deepEqual(endpoints.map((e) => [e.line, e.provider, e.host]), [
      [5, 'self-hosted', '10.1.2.3'],
      [5, 'self-hosted', '10.1.2.3'],
    ]);
    assert.ok(endpoints.every((e) => e.via.includes('config.host')), endpoints.map((e) => e.via).join('\n'));
  });
});

describe('keys written into an options dict before the call that spreads it', () => {
  const app = (...body: string[]): string =>
    ['import os', 'import openai', '', 'def make():', '    args = {}', ...body, ''].join('\n');

  it('reads a base URL written into the dict on the path to the call', () => {
    const text = app(
      '    if os.getenv("LOCAL_LLM_URL"):',
      '        args["api_key"] = "none"',
      '        args["base_url"] = "http://127.0.0.1:8080/v1"',
      '        return openai.AsyncOpenAI(**args)',
    );
    assert.deepEqual(found('app.py', text).map((e) => [e.line, e.provider, e.host]), [[8, 'self-hosted', '127.0.0.1']]);
  });

  it('never claims the SDK default when the written base URL is an env variable nobody sets', () => {
    const text = app(
      '    if os.getenv("LOCAL_LLM_URL"):',
      '        args["base_url"] = os.getenv("LOCAL_LLM_URL")',
      '        return openai.AsyncOpenAI(**args)',
    );
    const endpoints = found('app.py', text);
    assert.equal(endpoints.length, 1);
    assert.equal(endpoints[0]!.host, null, endpoints[0]!.via);
    assert.match(endpoints[0]!.via, /base_url from LOCAL_LLM_URL/);
  });

  it('leaves the options unknown when the key is written on some paths only, or the dict is changed by a method', () => {
    const somePaths = app('    if os.getenv("LOCAL_LLM_URL"):', '        args["base_url"] = "http://127.0.0.1:8080/v1"', '    return openai.OpenAI(**args)');
    const updated = app('    args.update(load_settings())', '    return openai.OpenAI(**args)');
    for (const text of [somePaths, updated]) {
      const endpoints = found('app.py', text);
      assert.deepEqual(endpoints.map((e) => [e.provider, e.host]), [['openai', null]], endpoints.map((e) => e.via).join('\n'));
    }
  });

  it('still takes the SDK default when nothing is written into the dict', () => {
    const text = app('    args["timeout"] = 30', '    return openai.OpenAI(**args)');
    assert.deepEqual(found('app.py', text).map((e) => [e.provider, e.host]), [['openai', 'api.openai.com']]);
  });

  it('reads a property set on a JS options object before it is passed', () => {
    const text = [
      'import OpenAI from "openai";',
      '',
      'const options = { apiKey: process.env.KEY };',
      'options.baseURL = "https://api.mistral.ai/v1";',
      'export const client = new OpenAI(options);',
      '',
    ].join('\n');
    assert.deepEqual(found('client.ts', text).map((e) => [e.line, e.provider, e.host]), [[4, 'mistral', 'api.mistral.ai']]);
  });
});

describe('a LiteLLM call whose model comes from options the engine cannot read', () => {
  it('reports ChatLiteLLM(**kwargs) with its provider unknown, not nothing', () => {
    const text = [
      'from langchain_community.chat_models.litellm import ChatLiteLLM',
      '',
      'def build(**kwargs):',
      '    return ChatLiteLLM(**kwargs)',
      '',
    ].join('\n');
    const endpoints = engine.analyze('chat.py', text).endpoints;
    assert.deepEqual(endpoints.map((e) => [e.provider, e.host, e.euResident, e.baaAvailable]), [[null, null, null, null]]);
    assert.match(endpoints[0]!.unknown ?? '', /model string comes from `kwargs`/);
  });

  it('still reads a model given beside the spread options', () => {
    const text = ['import litellm', '', 'def ask(**rest):', '    return litellm.completion(model="mistral/mistral-large-latest", **rest)', ''].join('\n');
    assert.deepEqual(found('ask.py', text).map((e) => [e.provider, e.host]), [['mistral', 'api.mistral.ai']]);
  });
});
