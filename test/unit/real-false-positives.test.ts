// False positives and misses found on real public code (issue 11): an SDK's own source,
// tests that run a client against a mock, an SDK sent to a base URL nobody can know, a
// provider's model list, and a request URL built from an env variable and a path.
// Each quiet case has a twin that is a real use, so that a rule that silences too much fails.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Engine, workspaceEnv, type EnvDefinition } from '../../src/core/engine';
import { goModuleDefinition, goModuleName } from '../../src/core/resolve/not-endpoints';
import { lineAndColumn } from '../../src/core/text';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const found = (file: string, text: string, env: EnvDefinition[] = []): { line: number; provider: string | null; host: string | null }[] =>
  engine.analyze(file, text, { env: workspaceEnv(env) }).endpoints.map((e) => ({ line: lineAndColumn(text, e.range.start).line, provider: e.provider, host: e.host }));
const lines = (file: string, text: string, env: EnvDefinition[] = []): number[] => found(file, text, env).map((e) => e.line);

describe('real false positives: the Go source of an SDK the catalog models', () => {
  const library = [
    'package chatclient',
    '',
    'const fallbackURL = "https://api.openai.com/v1"',
    '',
    'type Client struct{ baseURL string }',
    '',
    'func New(baseURL string) *Client {',
    '\tc := &Client{baseURL: baseURL}',
    '\tif c.baseURL == "" {',
    '\t\tc.baseURL = "https://api.anthropic.com/v1"',
    '\t}',
    '\treturn c',
    '}',
    '',
  ].join('\n');

  it('keeps quiet on the SDK default inside a vendored copy of the package and the internal client beneath it', () => {
    // langchaingo's openai package is github.com/tmc/langchaingo/llms/openai; its clients' default host is api.openai.com.
    // The Anthropic URL is no default of that package: reported.
    assert.deepEqual(lines('vendor/github.com/tmc/langchaingo/llms/openai/internal/chatclient/client.go', library), [10]);
    assert.deepEqual(lines('vendor/github.com/tmc/langchaingo/llms/openai/options.go', library.replace('package chatclient', 'package openai')), [10]);
  });

  it('still reports the same constants in an application, and an executable inside the SDK folder', () => {
    assert.deepEqual(lines('internal/chatclient/client.go', library), [3, 10]);
    assert.deepEqual(lines('app/llms/openaiish/client.go', library), [3, 10]);
    // The SDK's folders without its go.mod or a vendor/ layout: nothing says they are not an application's.
    assert.deepEqual(lines('llms/openai/internal/chatclient/client.go', library), [3, 10]);
    assert.deepEqual(lines('llms/openai/internal/chatclient/main.go', library.replace('package chatclient', 'package main')), [3, 10]);
  });

  it('still reports a construction of the SDK beside it', () => {
    const example = 'package main\n\nimport "github.com/tmc/langchaingo/llms/openai"\n\nfunc main() {\n\tllm, _ := openai.New()\n\t_ = llm\n}\n';
    assert.deepEqual(found('examples/chat/main.go', example).map((e) => e.host), ['api.openai.com']);
  });

  it('lets the go.mod above the file decide when the workspace has one', () => {
    const module = (path: string): EnvDefinition[] => [{ name: goModuleName(''), value: path, file: 'go.mod', line: 1 }];
    // An application whose folders happen to look like the SDK's.
    assert.deepEqual(lines('llms/openai/internal/chatclient/client.go', library, module('github.com/acme/bot')), [3, 10]);
    // An SDK at its repository's root (openai-go), major version suffix and all: its internal default is its own.
    assert.deepEqual(lines('internal/chatclient/client.go', library, module('github.com/openai/openai-go/v3')), [10]);
    assert.deepEqual(lines('llms/openai/internal/chatclient/client.go', library, module('github.com/tmc/langchaingo')), [10]);
    assert.deepEqual(lines('examples/chat/main.go', library.replace('package chatclient', 'package main'), module('github.com/openai/openai-go/v3')), [3, 10]);
  });

  it('reads the module path from go.mod in a CLI scan', () => {
    assert.deepEqual(goModuleDefinition('sdk/go.mod', '// the SDK\nmodule github.com/openai/openai-go/v3 // latest\n\ngo 1.22\n'), {
      name: goModuleName('sdk'), value: 'github.com/openai/openai-go/v3', offset: 18,
    });
    const dir = tempWorkspace({ 'go.mod': 'module github.com/acme/bot\n\ngo 1.22\n', 'llms/openai/internal/chatclient/client.go': library });
    try {
      const json = JSON.parse(runCli(['scan', '.', '--format', 'json'], dir).stdout) as { endpoints: { line: number }[] };
      assert.deepEqual(json.endpoints.map((e) => e.line), [3, 10]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('real false positives: client calls in tests that run against a mock', () => {
  const head = 'import os\nfrom unittest.mock import AsyncMock, patch\n\nfrom claude_agent_sdk import ClaudeSDKClient, query\n\n';

  it('keeps quiet on a call inside a with-block that patches the SDK, and reports the call after it', () => {
    const text = head + [
      'def test_one():',
      '    with (',
      '        patch("claude_agent_sdk._internal.client.Transport") as transport_cls,',
      '        patch.dict(os.environ, {"X": "1"}),',
      '    ):',
      '        transport_cls.return_value = AsyncMock()',
      '        replies = list(query(prompt="hello"))',
      '    after = query(prompt="outside the block")',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_agent.py', text), [13]);
  });

  it('keeps quiet on a call in a function decorated with a patch of the SDK, or after mocker.patch', () => {
    const text = head + [
      '@patch("claude_agent_sdk._internal.client.Transport")',
      'def test_decorated(transport_cls):',
      '    replies = query(prompt="hi")',
      '',
      'def test_mocker(mocker):',
      '    mocker.patch("claude_agent_sdk.query")',
      '    replies = query(prompt="hi")',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_agent.py', text), []);
  });

  it('reports a call in a test that patches only the environment or another package', () => {
    const text = head + [
      'def test_env():',
      '    with patch.dict(os.environ, {"ANTHROPIC_API_KEY": "k"}):',
      '        replies = query(prompt="real")',
      '',
      '@patch("requests.post")',
      'def test_other(post):',
      '    replies = query(prompt="real too")',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_agent.py', text), [8, 12]);
  });

  it('keeps quiet on a client handed a test double for its transport, not on one handed a real one', () => {
    const text = head + [
      'def test_transport():',
      '    fake_transport = AsyncMock()',
      '    mocked = ClaudeSDKClient(transport=fake_transport)',
      '    also_mocked = ClaudeSDKClient(transport=AsyncMock())',
      '    live = ClaudeSDKClient(transport=make_transport())',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_agent.py', text), [10]);
  });

  it('only silences in test files: the same code in an application is reported', () => {
    const text = head + 'def run():\n    with patch("claude_agent_sdk._internal.client.Transport"):\n        return query(prompt="hi")\n';
    assert.deepEqual(lines('app/agent.py', text), [8]);
  });

  it('keeps quiet on a client of a module that jest or vitest mocks for the whole file', () => {
    const text = 'import OpenAI from "openai";\nimport { vi } from "vitest";\n\nvi.mock("openai");\n\nconst client = new OpenAI();\n';
    assert.deepEqual(lines('src/chat.test.ts', text), []);
    const other = 'import OpenAI from "openai";\nimport { vi } from "vitest";\n\nvi.mock("./db");\n\nconst client = new OpenAI();\n';
    assert.deepEqual(lines('src/chat.test.ts', other), [6]);
  });
});

describe('real false positives: an SDK sent to a base URL that cannot be known', () => {
  it('gives no provider for an OpenAI SDK pointed at a user-chosen server, in TypeScript and Python', () => {
    const ts = 'import OpenAI from "openai";\n\nexport function clientFor(model: { base_url: string }) {\n  return new OpenAI({ baseURL: model.base_url });\n}\n';
    assert.deepEqual(found('app/custom.ts', ts), [{ line: 4, provider: null, host: null }]);
    const py = 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["LLM_BASE_URL"])\n';
    assert.deepEqual(found('app/custom.py', py), [{ line: 4, provider: null, host: null }]);
  });

  it('keeps the provider of an SDK that only speaks to its own service, and of the SDK default', () => {
    const azure = 'from openai import AzureOpenAI\n\nclient = AzureOpenAI(azure_endpoint=settings.endpoint, api_version="2024-10-21")\n';
    assert.deepEqual(found('app/azure.py', azure).map((e) => e.provider), ['azure-openai']);
    const plain = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';
    assert.deepEqual(found('app/plain.ts', plain), [{ line: 2, provider: 'openai', host: 'api.openai.com' }]);
  });
});

describe('real false positives: a provider model list', () => {
  it('keeps quiet on a model list fetched as the whole URL of a GET', () => {
    const ts = 'export async function models() {\n  const res = await fetch("https://openrouter.ai/api/v1/models");\n  return res.json();\n}\n';
    assert.deepEqual(lines('lib/models.ts', ts), []);
    const py = 'import requests\n\nmodels = requests.get("https://api.mistral.ai/v1/models", headers=h).json()\n';
    assert.deepEqual(lines('models.py', py), []);
  });

  it('still reports a chat request, and a models URL that is the prefix of other calls', () => {
    const ts = [
      'const chat = await fetch("https://openrouter.ai/api/v1/chat/completions", { method: "POST" });',
      'const GEMINI_MODELS = "https://generativelanguage.googleapis.com/v1beta/models";',
      'const res = await fetch(GEMINI_MODELS + "/gemini-2.0-flash:generateContent", { method: "POST" });',
    ].join('\n');
    assert.deepEqual(lines('lib/calls.ts', ts), [1, 2]);
  });
});

describe('real misses: a request URL from an env variable and a path', () => {
  const env: EnvDefinition[] = [{ name: 'LOCAL_LLM_URL', value: 'http://localhost:11434', file: '.env.local.example', line: 3 }];

  it('reports a concatenation and a template with the value the workspace sets', () => {
    const ts = [
      'export async function ask(messages: unknown[]) {',
      '  const a = await postJson(process.env.LOCAL_LLM_URL + "/api/chat", { messages });',
      '  const b = await fetch(`${process.env.LOCAL_LLM_URL}/api/generate`, { method: "POST" });',
      '  return [a, b];',
      '}',
    ].join('\n');
    assert.deepEqual(found('components/ask.ts', ts, env), [
      { line: 2, provider: 'self-hosted', host: 'localhost' },
      { line: 3, provider: 'self-hosted', host: 'localhost' },
    ]);
  });

  it('reports the Python form, and nothing when no value reaches the file or the path lists models', () => {
    const py = 'import os\nimport requests\n\nr = requests.post(os.environ["LOCAL_LLM_URL"] + "/v1/chat/completions", json={})\n';
    assert.deepEqual(lines('ask.py', py, env), [4]);
    assert.deepEqual(lines('ask.py', py), []);
    const tags = 'const tags = await fetch(process.env.LOCAL_LLM_URL + "/api/tags");\n';
    assert.deepEqual(lines('lib/tags.ts', tags, env), []);
  });
});
