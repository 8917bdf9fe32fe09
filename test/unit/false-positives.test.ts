// Text that names an LLM API without using it must not become an endpoint: comparisons
// and searches, sentences, test expectations, placeholders and examples, model lists, DNS
// zones, and the project's own classes named like SDKs.
// Each case has a twin that is a real use, so that a rule that silences too much fails.
import { baaAvailable } from '../../src/core/resolve/catalog-index';
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { isTestFile } from '../../src/core/resolve/not-endpoints';

const engine = new Engine();
const hosts = (file: string, text: string): (string | null)[] => engine.analyze(file, text).endpoints.map((e) => e.host);
const providers = (file: string, text: string): (string | null)[] => engine.analyze(file, text).endpoints.map((e) => e.provider);

describe('false positives: comparisons and searches', () => {
  it('skips a host looked for with includes/startsWith or compared with ===, in TypeScript', () => {
    const text = [
      'export function pickHeader(base: string, u: URL) {',
      '  if (base.includes("api.groq.com")) return "groq";',
      '  if (base?.startsWith("https://api.mistral.ai")) return "mistral";',
      '  if (u.host === "api.deepseek.com" || "api.x.ai" == u.host) return "other";',
      '  switch (u.host) { case "api.together.xyz": return "together"; }',
      '  if (["api.openai.com", "api.fireworks.ai"].includes(u.host)) return "openai";',
      '  return "none";',
      '}',
    ].join('\n');
    assert.deepEqual(hosts('src/headers.ts', text), []);
  });

  it('still reports a URL that is sent to, beside one that is compared', () => {
    const text = [
      'const target = "https://api.mistral.ai/v1/chat/completions";',
      'if (target !== "https://api.groq.com/openai/v1") await fetch(target, { method: "POST" });',
    ].join('\n');
    assert.deepEqual(hosts('src/send.ts', text), ['api.mistral.ai']);
  });

  it('skips Python membership tests, startswith and ==, but not a loop over URLs', () => {
    const checks = [
      'def kind(url):',
      '    if "api.anthropic.com" in url:',
      '        return 1',
      '    if url.startswith(("https://api.cohere.com", "https://api.groq.com")):',
      '        return 2',
      '    if host not in ("api.openai.com",) or url == "https://api.x.ai/v1":',
      '        return 3',
    ].join('\n');
    assert.deepEqual(hosts('kind.py', checks), []);
    const loop = 'import requests\nfor url in ["https://api.mistral.ai/v1/chat/completions"]:\n    requests.post(url, json={})\n';
    assert.deepEqual(hosts('send.py', loop), ['api.mistral.ai']);
  });

  it('skips Go strings.Contains/HasPrefix and Java equals/contains', () => {
    const go = 'package p\n\nimport "strings"\n\nfunc isGroq(u string) bool {\n\treturn strings.Contains(u, "api.groq.com") || strings.HasPrefix(u, "https://api.openai.com")\n}\n';
    assert.deepEqual(hosts('p/check.go', go), []);
    const java = 'class C {\n  boolean m(String h) {\n    return "api.mistral.ai".equals(h) || h.contains("api.cohere.com");\n  }\n}\n';
    assert.deepEqual(hosts('src/main/java/C.java', java), []);
  });

  it('skips a URL mentioned inside a sentence', () => {
    const text = 'throw new Error("Set apiBase to https://api.mistral.ai/v1 in your settings");\nconst hint = "https://api.groq.com/openai/v1 is rate limited, try later";\n';
    assert.deepEqual(hosts('src/errors.ts', text), []);
  });
});

describe('false positives: tests', () => {
  it('knows test files by the common runners\' conventions', () => {
    for (const path of ['tests/conftest.py', 'pkg/test_client.py', 'pkg/client_test.py', 'llm/x_test.go', 'src/a.test.ts', 'src/a.spec.tsx',
      'core/llm/Foo.vitest.ts', 'src/test/java/com/acme/ClientTest.java', 'app/__tests__/x.js', 'lib/test-utils/mock.ts']) {
      assert.equal(isTestFile(path), true, path);
    }
    for (const path of ['src/contest.py', 'src/latest.ts', 'app/testimonials/page.tsx', 'src/main/java/com/acme/Client.java', 'attestation/run.go']) {
      assert.equal(isTestFile(path), false, path);
    }
  });

  it('skips expected URLs and mock bases in a test, but reports an SDK client built there', () => {
    const text = [
      'import OpenAI from "openai";',
      'const expected = "https://api.openai.com/v1/chat/completions";',
      'const mock = { apiBase: "https://api.mistral.ai/v1" };',
      'const real = new OpenAI({ baseURL: "https://api.groq.com/openai/v1" });',
    ].join('\n');
    assert.deepEqual(hosts('src/client.test.ts', text), ['api.groq.com']);
    assert.deepEqual(hosts('src/client.ts', text).sort(), ['api.groq.com', 'api.mistral.ai', 'api.openai.com']);
  });
});

describe('false positives: placeholders and examples', () => {
  it('reads placeholder host labels as unknown, and ordinary names as hosts', () => {
    const placeholders = ['your-resource-name', 'YOUR-ENDPOINT-HERE', 'YOUR_AZURE_OPENAI', '<your-resource>', '{resource}', 'xxxx', 'resource-name', 'ENDPOINT'];
    for (const label of placeholders) {
      assert.deepEqual(hosts('src/a.ts', `const u = "https://${label}.openai.azure.com/";`), [], label);
    }
    for (const label of ['mycompany-ai', 'contoso-eastus', 'example-openai', 'ACME-AI']) {
      assert.deepEqual(hosts('src/a.ts', `const u = "https://${label}.openai.azure.com/";`), [`${label.toLowerCase()}.openai.azure.com`], label);
    }
  });

  it('skips a placeholder= prop and an example value, but not a base URL', () => {
    const text = [
      '<input placeholder="https://api.openai.com/v1" />;',
      'export const Vendor = { ExampleEndpoint: "https://api.anthropic.com", BaseUrl: "https://api.mistral.ai" };',
    ].join('\n');
    assert.deepEqual(hosts('src/settings.tsx', text), ['api.mistral.ai']);
  });

  it('does not report a placeholder in an env file, and the code that reads it gets the provider with the host unknown', () => {
    assert.deepEqual(hosts('.env.sample', 'AZURE_OPENAI_ENDPOINT=https://YOUR-RESOURCE-NAME.openai.azure.com/\n'), []);
    assert.deepEqual(hosts('.env', 'AZURE_OPENAI_ENDPOINT=https://contoso-swe.openai.azure.com/\n'), ['contoso-swe.openai.azure.com']);
    const env = workspaceEnv([{ name: 'AZURE_OPENAI_ENDPOINT', value: 'https://YOUR-RESOURCE-NAME.openai.azure.com/', file: '.env.sample', line: 1 }]);
    const code = 'import os\nfrom openai import OpenAI\nclient = OpenAI(base_url=os.environ["AZURE_OPENAI_ENDPOINT"] + "/openai/v1/")\n';
    const [e, ...rest] = engine.analyze('app.py', code, { env }).endpoints;
    assert.equal(rest.length, 0);
    assert.equal(e?.provider, 'azure-openai');
    assert.equal(e?.host, null);
    assert.match(e?.unknown ?? '', /placeholder/);
  });
});

describe('false positives: model lists, DNS zones, library defaults', () => {
  it('skips a local server\'s model list, not a chat request, and never a cloud API\'s /models prefix', () => {
    const text = 'await fetch("http://localhost:11434/api/tags");\nawait fetch("http://localhost:8000/v1/models");\nawait fetch("https://openrouter.ai/api/v1/chat/completions");\n';
    assert.deepEqual(hosts('src/models.ts', text), ['openrouter.ai']);
    // `.../models` is also the prefix of real calls (`${GEMINI}/gemini-1.5-flash:generateContent`, Hugging Face's `/models/` + model).
    const prefixes = 'const GEMINI = "https://generativelanguage.googleapis.com/v1beta/models";\nconst HF = "https://api-inference.huggingface.co/models/";\n';
    assert.deepEqual(hosts('src/rest.ts', prefixes), ['generativelanguage.googleapis.com', 'api-inference.huggingface.co']);
  });

  it('skips an Azure private DNS zone name, not the account it serves', () => {
    const tf = [
      'resource "azurerm_private_dns_zone" "openai" {',
      '  name                = "privatelink.openai.azure.com"',
      '  resource_group_name = "rg"',
      '}',
      'locals {',
      '  endpoint = "https://contoso-swe.openai.azure.com/"',
      '}',
    ].join('\n');
    assert.deepEqual(hosts('infra/dns.tf', tf), ['contoso-swe.openai.azure.com']);
  });

  it('reports a default URL constant in a Go internal package: an application\'s own internal/ calls the API too', () => {
    const go = 'package client\n\nconst defaultBaseURL = "https://api.mistral.ai/v1"\n';
    assert.deepEqual(hosts('internal/llm/client.go', go), ['api.mistral.ai']);
    assert.deepEqual(hosts('cmd/app/client.go', go), ['api.mistral.ai']);
  });
});

describe('false positives: JS/TS imports', () => {
  it('does not take the project\'s own class for the SDK client of the same name', () => {
    const own = 'import Anthropic from "./llms/Anthropic.js";\nconst { OpenAI } = require("../OpenAI");\nconst a = new Anthropic(options);\nconst b = new OpenAI();\n';
    assert.deepEqual(providers('src/router.ts', own), []);
    const sdk = 'import Anthropic from "@anthropic-ai/sdk";\nconst { OpenAI } = require("openai");\nconst a = new Anthropic();\nconst b = new OpenAI();\n';
    assert.deepEqual(hosts('src/router.ts', sdk), ['api.anthropic.com', 'api.openai.com']);
    assert.deepEqual(hosts('src/plain.ts', 'const b = new OpenAI();\n'), ['api.openai.com']);
    // A project module named otherwise may only re-export the SDK's class: still the SDK.
    const reexported = 'import * as sdk from "@/lib/llm";\nimport { Anthropic } from "./clients";\nconst b = new sdk.OpenAI();\nconst a = new Anthropic();\n';
    assert.deepEqual(hosts('src/c.ts', reexported), ['api.openai.com', 'api.anthropic.com']);
  });
});

describe('false positives: whose API a computed base URL is', () => {
  it('takes Azure OpenAI from its own path or its own env variable when the host is computed, and stays unknown otherwise', () => {
    const found = (text: string) => engine.analyze('src/route.ts', text).endpoints.map((e) => [e.provider, e.host, e.baaAvailable]);
    const azureBaa = baaAvailable(engine.catalog.providers.find((p) => p.id === 'azure-openai')!.posture.baa);
    const deployments = 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: `${profile.endpoint}/openai/deployments/${profile.deployment}` });\n';
    assert.deepEqual(found(deployments), [['azure-openai', null, azureBaa]]);
    const byEnv = 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: process.env.AZURE_OPENAI_ENDPOINT });\n';
    assert.deepEqual(found(byEnv), [['azure-openai', null, azureBaa]]);
    // `/openai/v1` is Groq's path too (api.groq.com/openai/v1): alone it is no evidence of Azure.
    // Without a mark the provider is unknown too: the SDK's default was replaced by a URL nobody can read here.
    const v1 = 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: settings.endpoint + "/openai/v1/" });\n';
    assert.deepEqual(found(v1), [[null, null, null]]);
    const other = 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: `${profile.endpoint}/v1` });\n';
    assert.deepEqual(found(other), [[null, null, null]]);
  });
});

describe('false positives: a placeholder the code reads', () => {
  it('says the host is a placeholder, not that it is computed, when the env file only shows its shape', () => {
    const env = workspaceEnv([{ name: 'OPENAI_BASE_URL', value: 'https://your-gateway.corp.example/v1', file: '.env.example', line: 3 }]);
    const [e] = engine.analyze('app.py', 'from openai import OpenAI\nclient = OpenAI()\n', { env }).endpoints;
    assert.equal(e?.host, null);
    assert.match(e?.unknown ?? '', /placeholder/);
  });
});

describe('false positives: local URLs that are not LLM servers', () => {
  it('an MCP transport\'s url is quiet; a base URL, an LLM port or path, or an LLM name still counts', () => {
    const hosts = (text: string) => engine.analyze('src/agent.ts', text).endpoints.map((e) => e.host);
    const mcp = 'import { openai } from "@ai-sdk/openai";\nconst mcp = await createMCPClient({ transport: { type: "sse", url: "http://localhost:8084/sse" } });\nconst model = openai("gpt-4o");\n';
    assert.deepEqual(hosts(mcp), ['api.openai.com']);
    // (The import is the file's LLM signal, which a local URL's base-URL name needs beside it.)
    assert.deepEqual(hosts('import OpenAI from "openai";\nconst llm = { baseURL: "http://localhost:8084/v1" };\n'), ['localhost']);
    assert.deepEqual(hosts('const llm = { url: "http://localhost:11434" };\n'), ['localhost']);
    assert.deepEqual(hosts('const llm = { url: "http://localhost:8084/v1/chat/completions" };\n'), ['localhost']);
    assert.deepEqual(hosts('const ollamaUrl = "http://localhost:8084";\n'), ['localhost']);
  });
});

describe('false positives: placeholders are whole words', () => {
  it('keeps real hosts whose labels only start like a placeholder word or are a generic noun', () => {
    const hosts = (text: string) => engine.analyze('src/app.py', text).endpoints.map((e) => e.host);
    assert.deepEqual(hosts('import openai\nURL = "https://yourhealth-prod.openai.azure.com/"\nBASE_URL = "http://vllm.service.internal:8000/v1"\n'), ['yourhealth-prod.openai.azure.com', 'vllm.service.internal']);
    assert.deepEqual(hosts('import openai\nURL = "https://your-resource-name.openai.azure.com/"\nURL2 = "https://resource-name.openai.azure.com/"\n'), []);
  });
});
