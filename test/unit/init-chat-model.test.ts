// LangChain's universal factories (Python init_chat_model / init_embeddings, JS initChatModel)
// pick the provider from model_provider=, a "provider:model" prefix or the model name, build
// that provider's LangChain class and forward their other options to it. Fixtures are our own.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { Engine } from '../../src/core/engine';

const engine = new Engine();
const found = (file: string, text: string) =>
  engine.analyze(file, text).endpoints.map((e) => ({
    line: text.slice(0, e.range.start).split('\n').length,
    provider: e.provider,
    host: e.host,
    region: e.region,
    sdk: e.sdk ?? null,
    unknown: e.unknown ?? null,
  }));
const py = (...lines: string[]): string => ['from langchain.chat_models import init_chat_model', '', ...lines, ''].join('\n');
const ts = (...lines: string[]): string => ['import { initChatModel } from "langchain/chat_models/universal";', '', ...lines, ''].join('\n');

describe('LangChain init_chat_model / initChatModel', () => {
  it('takes the provider from model_provider= (Python) and modelProvider (JS)', () => {
    assert.deepEqual(found('agent.py', py('llm = init_chat_model("claude-sonnet-4-5", model_provider="anthropic", temperature=0)')).map((e) => [e.line, e.provider, e.host, e.sdk]), [
      [3, 'anthropic', 'api.anthropic.com', 'langchain-chat-anthropic'],
    ]);
    // The JS key is spelt with a dash; the Gemini API, not the Vertex AI that "gemini" alone would infer.
    const js = ts('const model = await initChatModel("gemini-2.0-flash", {', '  modelProvider: "google-genai",', '  temperature: 0,', '});');
    assert.deepEqual(found('node.ts', js).map((e) => [e.line, e.provider, e.host, e.sdk]), [[3, 'google-gemini-api', 'generativelanguage.googleapis.com', 'langchain-google-genai']]);
    // Python writes the key with underscores, and accepts it with dashes or capitals too.
    assert.deepEqual(found('agent.py', py('llm = init_chat_model("gemini-2.5-flash", model_provider="Google-GenAI")')).map((e) => e.provider), ['google-gemini-api']);
  });

  it('takes the provider from a "provider:model" string, only for a key LangChain knows', () => {
    const text = py(
      'a = init_chat_model("openai:gpt-4o-mini")',
      'b = init_chat_model("groq:llama-3.3-70b-versatile")',
      'c = init_chat_model("bedrock_converse:anthropic.claude-3-haiku", region_name="eu-central-1")',
      'd = init_chat_model("someone:gpt-4o")',
    );
    assert.deepEqual(found('agent.py', text).map((e) => [e.line, e.provider, e.host]), [
      [3, 'openai', 'api.openai.com'],
      [4, 'groq', 'api.groq.com'],
      [5, 'aws-bedrock', 'bedrock-runtime.eu-central-1.amazonaws.com'],
      // "someone" is no LangChain key, so the whole string is the model name, which names no provider.
      [6, null, null],
    ]);
  });

  it('infers the provider from the model name by each language\'s own table', () => {
    const pyText = py('a = init_chat_model("gpt-4o")', 'b = init_chat_model("grok-3")', 'c = init_chat_model("gemini-2.5-pro", location="europe-west4")');
    assert.deepEqual(found('agent.py', pyText).map((e) => [e.line, e.provider, e.host]), [
      [3, 'openai', 'api.openai.com'],
      [4, 'xai', 'api.x.ai'],
      // "gemini" means Vertex AI in Python's table, and location= is forwarded to ChatVertexAI.
      [5, 'google-vertex-ai', 'europe-west4-aiplatform.googleapis.com'],
    ]);
    // JS infers no xai from "grok", and its "gemini" means @langchain/google-vertexai, which the catalog has no client for.
    const jsText = ts('const a = await initChatModel("gpt-5-mini");', 'const b = await initChatModel("grok-3");', 'const c = await initChatModel("gemini-2.5-pro");');
    const js = found('node.ts', jsText);
    assert.deepEqual(js.map((e) => [e.line, e.provider, e.host]), [
      [3, 'openai', 'api.openai.com'],
      [4, null, null],
      [5, null, null],
    ]);
    assert.match(js[1]!.unknown ?? '', /"grok-3" names no provider/);
    assert.match(js[2]!.unknown ?? '', /no client for .*"google-vertexai"/);
  });

  it('reads the options it forwards to the class: a base_url wins over the default', () => {
    const text = py('llm = init_chat_model("openai:gpt-4o", base_url="https://my-gateway.example.eu/v1")', 'plain = init_chat_model("openai:gpt-4o")');
    const [forwarded, plain] = engine.analyze('agent.py', text).endpoints;
    assert.equal(forwarded!.host, 'my-gateway.example.eu');
    assert.equal(forwarded!.sdk, 'langchain-chatopenai');
    // The default host's fix may insert the option into the factory call, which forwards it.
    assert.equal(plain!.host, 'api.openai.com');
    const edit = plain!.euFix?.edits[0];
    assert.ok(edit, 'a fix that sets base_url');
    assert.match(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), /init_chat_model\("openai:gpt-4o", base_url="https:\/\/eu\.api\.openai\.com\/v1"\)/);
    const js = ts('const m = await initChatModel("claude-3-5-haiku", { modelProvider: "anthropic", clientOptions: { baseURL: "https://proxy.example.eu" } });');
    assert.deepEqual(found('node.ts', js).map((e) => [e.provider, e.host]), [[null, 'proxy.example.eu']]);
  });

  it('forwards a backend switch too: vertexai=True on google_genai is Vertex AI, a computed one is not known', () => {
    const text = py(
      'llm = init_chat_model("gemini-2.5-flash", model_provider="google_genai", vertexai=True, location="europe-west1")',
      'other = init_chat_model("gemini-2.5-flash", model_provider="google_genai", vertexai=settings.use_vertex)',
    );
    const endpoints = found('agent.py', text);
    assert.deepEqual(endpoints.map((e) => [e.provider, e.region]), [['google-vertex-ai', 'europe-west1'], [null, null]]);
    assert.match(endpoints[1]!.unknown ?? '', /vertexai= is computed at run time/);
  });

  it('reads a Bedrock profile from the model id after the "provider:" prefix', () => {
    const text = py('llm = init_chat_model("bedrock_converse:us.anthropic.claude-3-7-sonnet-20250219-v1:0", region_name="eu-central-1")');
    const [endpoint] = engine.analyze('agent.py', text).endpoints;
    assert.equal(endpoint!.region, 'eu-central-1');
    // The us. profile may process requests in the US, whatever the region.
    assert.equal(endpoint!.euResident, false);
    assert.equal(endpoint!.model, 'us.anthropic.claude-3-7-sonnet-20250219-v1:0');
  });

  it('reads an options object held in a variable, and never assumes a default past one it cannot read', () => {
    const js = [
      'import { initChatModel } from "langchain";',
      'const opts = { modelProvider: "anthropic" };',
      'const a = await initChatModel("house-model", opts);',
      'const b = await initChatModel("gpt-4o", config.llm);',
      '',
    ].join('\n');
    const endpoints = found('node.ts', js);
    assert.deepEqual(endpoints.map((e) => [e.line, e.provider, e.host]), [[3, 'anthropic', 'api.anthropic.com'], [4, 'openai', null]]);
    assert.match(endpoints[1]!.unknown ?? '', /config\.llm/);
    const [kwargs] = engine.analyze('agent.py', py('llm = init_chat_model("gpt-4o", **settings)')).endpoints;
    assert.deepEqual([kwargs!.provider, kwargs!.host, kwargs!.euResident], ['openai', null, null]);
  });

  it('reports a provider chosen at run time as an LLM call whose provider is not known', () => {
    const js = ts(
      'export async function modelFor(config) {',
      '  const { modelName, modelProvider } = getModelConfig(config);',
      '  return await initChatModel(modelName, { modelProvider, temperature: 0 });',
      '}',
    );
    const jsFound = found('utils.ts', js);
    assert.deepEqual(jsFound.map((e) => [e.line, e.provider, e.host]), [[5, null, null]]);
    assert.match(jsFound[0]!.unknown ?? '', /provider is `modelProvider`, not known statically/);
    const configurable = found('node.ts', ts('const m = await initChatModel(undefined, { temperature: 0 });'));
    assert.deepEqual(configurable.map((e) => [e.line, e.provider]), [[3, null]]);
    assert.match(configurable[0]!.unknown ?? '', /no model is named/);
    const pyText = py(
      'import os',
      'a = init_chat_model(os.environ["CHAT_MODEL"])',
      'b = init_chat_model(temperature=0)',
      'c = init_chat_model("openai:gpt-4o", configurable_fields="any")',
      'd = init_chat_model("openai:gpt-4o", configurable_fields=["temperature"])',
    );
    const pyFound = found('agent.py', pyText);
    assert.deepEqual(pyFound.map((e) => [e.line, e.provider]), [[4, null], [5, null], [6, null], [7, 'openai']]);
    assert.match(pyFound[0]!.unknown ?? '', /model is `os.environ\["CHAT_MODEL"\]`, not known statically/);
    assert.match(pyFound[1]!.unknown ?? '', /no model is named/);
    assert.match(pyFound[2]!.unknown ?? '', /configurable_fields= lets the model/);
  });

  it('follows init_embeddings, whose provider is provider= or a "provider:model" prefix', () => {
    const text = [
      'from langchain.embeddings import init_embeddings',
      '',
      'a = init_embeddings("openai:text-embedding-3-small")',
      'b = init_embeddings("amazon.titan-embed-text-v2:0", provider="bedrock", region_name="eu-west-1")',
      'c = init_embeddings("text-embedding-3-small")',
      '',
    ].join('\n');
    assert.deepEqual(found('embed.py', text).map((e) => [e.line, e.provider, e.host]), [
      [3, 'openai', 'api.openai.com'],
      [4, 'aws-bedrock', 'bedrock-runtime.eu-west-1.amazonaws.com'],
      // No name inference for embeddings: LangChain itself raises here.
      [5, null, null],
    ]);
  });

  it('leaves a same-named function from another module alone', () => {
    const pyText = ['from my_project.llm import init_chat_model', '', 'llm = init_chat_model("openai:gpt-4o")', ''].join('\n');
    assert.deepEqual(found('agent.py', pyText), []);
    const jsText = ['import { initChatModel } from "./models";', '', 'const m = await initChatModel("gpt-4o", { modelProvider: "openai" });', ''].join('\n');
    assert.deepEqual(found('node.ts', jsText), []);
  });

  it('maps every provider key to a client signal the catalog has, or to null on purpose', () => {
    const ids = new Set(catalog.providers.flatMap((p) => p.clients.map((c) => c.id)));
    for (const router of catalog.routers ?? []) {
      for (const [key, id] of Object.entries(router.providers)) assert.ok(id === null || ids.has(id), `${router.id}: ${key} -> ${id}`);
      for (const i of router.inferred ?? []) assert.ok(i.key in router.providers, `${router.id}: inferred key ${i.key}`);
    }
  });
});
