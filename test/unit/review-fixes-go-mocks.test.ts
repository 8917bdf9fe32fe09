// Fail-closed fixes from the first review of issue 11 (REVIEW1 P1-5, P2-b, P2-c, P3-b): the
// rules that keep an SDK's own Go source, a mocked test and a model list quiet must not
// silence an application's real call.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Engine, workspaceEnv, type EnvDefinition } from '../../src/core/engine';
import { goModuleName, goSdkDefaultHosts } from '../../src/core/resolve/not-endpoints';
import { lineAndColumn } from '../../src/core/text';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const lines = (file: string, text: string, env: EnvDefinition[] = []): number[] =>
  engine.analyze(file, text, { env: workspaceEnv(env) }).endpoints.map((e) => lineAndColumn(text, e.range.start).line);

describe('review fixes: the Go SDK-source rule needs the layout or go.mod that says so', () => {
  // An application's own HTTP client, in a folder shaped like langchaingo's llms/openai.
  const client = [
    'package openai',
    '',
    'import "net/http"',
    '',
    'const chatURL = "https://api.openai.com/v1/chat/completions"',
    '',
    'func Complete() (*http.Response, error) { return http.Post(chatURL, "application/json", nil) }',
    '',
  ].join('\n');

  it('reports the file when a scan of one file or folder leaves the go.mod of the application out', () => {
    const dir = tempWorkspace({ 'go.mod': 'module github.com/acme/app\n\ngo 1.22\n', 'llms/openai/client.go': client });
    try {
      for (const target of ['.', 'llms', 'llms/openai/client.go']) {
        const json = JSON.parse(runCli(['scan', target, '--format', 'json'], dir).stdout) as { endpoints: { line: number; host: string }[] };
        assert.deepEqual(json.endpoints.map((e) => [e.line, e.host]), [[5, 'api.openai.com']], target);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an application with no go.mod whose folders look like the SDK', () => {
    assert.deepEqual(lines('internal/llms/openai/client.go', client), [5]);
    assert.deepEqual(lines('llms/openai/client.go', client), [5]);
  });

  it('keeps quiet on the default host in a vendor/ or module-cache copy of the SDK, and reports any other host there', () => {
    const other = client.replace('api.openai.com', 'api.anthropic.com');
    for (const dir of ['vendor/github.com/tmc/langchaingo/llms/openai', 'go/pkg/mod/github.com/tmc/langchaingo@v0.1.14/llms/openai/internal/openaiclient']) {
      assert.deepEqual(lines(`${dir}/client.go`, client), [], dir);
      assert.deepEqual(lines(`${dir}/client.go`, other), [5], dir);
    }
    // A module cache folder without its version is no module cache layout.
    assert.deepEqual(lines('pkg/mod/github.com/tmc/langchaingo/llms/openai/client.go', client), [5]);
  });

  it('keeps quiet only on the default hosts of the package the go.mod places the file in', () => {
    const module: EnvDefinition[] = [{ name: goModuleName(''), value: 'github.com/tmc/langchaingo', file: 'go.mod', line: 1 }];
    assert.deepEqual(lines('llms/openai/client.go', client, module), []);
    // The anthropic package's source naming OpenAI's host is no default of its own.
    assert.deepEqual(lines('llms/anthropic/client.go', client.replace('package openai', 'package anthropic'), module), [5]);
  });

  it('reads a module cache path with its escaped capitals as Go writes it', () => {
    const sdk = [{ package: 'github.com/Acme/sdk', hosts: ['api.acme.example'] }];
    assert.deepEqual([...goSdkDefaultHosts('pkg/mod/github.com/!acme/sdk@v1.2.0/internal/x.go', 'x', sdk, () => undefined)], ['api.acme.example']);
    assert.deepEqual([...goSdkDefaultHosts('pkg/mod/github.com/!acme/sdk@v1.2.0/cmd/main.go', 'main', sdk, () => undefined)], []);
  });
});

describe('review fixes: a mocked test silences a client only when what sends its requests is patched', () => {
  const head = 'from unittest.mock import patch\n\nfrom openai import OpenAI\n\n';
  const test = (patching: string): string => head + [
    'def test_chat():',
    `    with ${patching}:`,
    '        client = OpenAI()',
    '        client.chat.completions.create(model="gpt-4o", messages=[])',
    '',
  ].join('\n');

  it('reports a real client in a test that patches another part of the SDK', () => {
    // A retry policy patched around a live call: the request still goes out.
    assert.deepEqual(lines('tests/integration/test_chat.py', test('patch("openai._base_client.SyncAPIClient._should_retry", return_value=False)')), [7]);
    assert.deepEqual(lines('tests/integration/test_chat.py', test('patch.object(OpenAI, "_should_retry", return_value=False)')), [7]);
  });

  it('keeps quiet when the client class, its HTTP layer or the method called is patched', () => {
    for (const patching of [
      'patch("openai.OpenAI")',
      'patch("openai._base_client.SyncHttpxClientWrapper.send")',
      'patch("openai._base_client.SyncAPIClient.request")',
      'patch("openai.resources.chat.completions.Completions.create")',
    ]) {
      assert.deepEqual(lines('tests/test_chat.py', test(patching)), [], patching);
    }
  });

  it('keeps quiet after mocker.patch of the method called, to the end of that test function only', () => {
    const text = head + [
      'def test_mocked(mocker):',
      '    mocker.patch("openai.resources.chat.completions.Completions.create")',
      '    client = OpenAI()',
      '    client.chat.completions.create(model="gpt-4o", messages=[])',
      '',
      'def test_live():',
      '    client = OpenAI()',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_chat.py', text), [11]);
  });

  it('works out the mocked regions of 16,000 mocker.patch lines in one pass', () => {
    const many = Array.from({ length: 16_000 }, (_, k) => `    mocker.patch("openai.OpenAI", name="m${k}")`);
    const text = head + ['def test_many(mocker):', ...many, '    client = OpenAI()', ''].join('\n');
    const started = Date.now();
    assert.deepEqual(lines('tests/test_many.py', text), []);
    // Per patch, the old scan to the end of the block took 9 s or more here; one pass takes well under a second.
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });
});

describe('review fixes: a model list is quiet only as the URL of a GET', () => {
  const js = (call: string): string => `export async function models(opts) {\n  return ${call};\n}\n`;

  it('reports a model-list URL sent a POST, or options that may set the method', () => {
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models", { method: "POST", body: "{}" })')), [2]);
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models", opts)')), [2]);
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models", { ...opts })')), [2]);
    assert.deepEqual(lines('app/models.py', 'import requests\n\nr = requests.post("https://api.openai.com/v1/models", json={})\n'), [3]);
    assert.deepEqual(lines('app/models.py', 'from urllib.request import urlopen\n\nr = urlopen("https://api.openai.com/v1/models", b"{}")\n'), [3]);
  });

  it('keeps quiet on a GET of the model list, with or without options that say so', () => {
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models")')), []);
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models", { method: "GET", headers: { Authorization: "Bearer k" } })')), []);
    assert.deepEqual(lines('src/models.js', js('fetch("https://api.openai.com/v1/models", { headers: { method: "x" } })')), []);
    assert.deepEqual(lines('app/models.py', 'import requests\n\nr = requests.get("https://api.openai.com/v1/models", timeout=5)\n'), []);
    assert.deepEqual(lines('app/models.py', 'from urllib.request import urlopen\n\nr = urlopen("https://api.openai.com/v1/models", timeout=5)\n'), []);
    assert.deepEqual(lines('src/models.js', js('window.fetch("https://api.openai.com/v1/models")')), []);
  });
});

describe('review fixes: a patch of the internal method that carries out the function called', () => {
  it('keeps quiet on query() while the internal client method that runs it is patched, and reports another function', () => {
    const text = 'from unittest.mock import patch\n\nfrom claude_agent_sdk import query, list_sessions\n\n' + [
      'def test_query():',
      '    with patch("claude_agent_sdk._internal.client.InternalClient.process_query"):',
      '        replies = query(prompt="hi")',
      '',
    ].join('\n');
    assert.deepEqual(lines('tests/test_client.py', text), []);
    assert.deepEqual(lines('tests/test_client.py', text.replace('process_query', 'process_stats')), [7]);
  });
});

describe('second review: a patch that does not stop the request leaves the client reported', () => {
  it('another distribution of a namespace package, a response helper, or a method that sends nothing', () => {
    const live = (patchLine: string, imports: string, client: string) =>
      lines('tests/test_live.py', [imports, 'from unittest.mock import patch', 'def test_live():', `    with ${patchLine}:`, `        c = ${client}`, '        c.close()', ''].join('\n'));
    assert.deepEqual(live('patch("google.auth.transport.requests.AuthorizedSession.configure_mtls_channel")', 'from google import genai', 'genai.Client(vertexai=True, project="p", location="us-central1")'), [5]);
    assert.deepEqual(live('patch("openai._base_client.HttpxBinaryResponseContent")', 'from openai import OpenAI', 'OpenAI()'), [5]);
    assert.deepEqual(live('patch.object(OpenAI, "close")', 'from openai import OpenAI', 'OpenAI()'), [5]);
    // Its twin: the client's own HTTP layer patched keeps it quiet.
    assert.deepEqual(live('patch("openai._base_client.SyncAPIClient.send")', 'from openai import OpenAI', 'OpenAI()'), []);
  });

  it('a jest module mock whose factory keeps the real module mocks only part of it', () => {
    const ts = (factory: string) => lines('src/a.test.ts', ['import OpenAI from "openai";', `jest.mock("openai"${factory});`, 'test("x", () => {', '  const c = new OpenAI();', '});', ''].join('\n'));
    assert.deepEqual(ts(', () => ({ ...jest.requireActual("openai"), toFile: jest.fn() })'), [4]);
    assert.deepEqual(ts(''), []);
  });
});
