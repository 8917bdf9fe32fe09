// Model clients built from a config file the code names: AutoGen's `load_component` of a dict
// read from a YAML/JSON file, GraphRAG's search tools' `from_settings`. The clients are the
// file's, reported at the call that builds them (and still in the file). Fixtures are our own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Engine } from '../../src/core/engine';
import { documentedConfigFile } from '../../src/core/resolve/component-config';
import type { Endpoint } from '../../src/core/model';
import { tempWorkspace } from '../support/cli';
import { indexFolder, lineOf, scanFiles, type Files } from '../support/workspace-scan';

const NO_POLICY = 'require: []\n';
type Row = [string, number, string | null, string | null];
const rows = (endpoints: Endpoint[], files: Files): Row[] =>
  endpoints.map((e): Row => [e.file, lineOf(files[e.file]!, e.range.start), e.provider, e.host]);
/** Only the endpoints in code files (config files report their own lines as before). */
const inCode = (r: { endpoints: Endpoint[] }, files: Files): Row[] => rows(r.endpoints.filter((e) => e.file.endsWith('.py')), files);

const AGENT = [
  'import yaml',
  'from autogen_core.models import ChatCompletionClient',
  '',
  'async def build():',
  '    with open("llm.yaml") as handle:',
  '        settings = yaml.safe_load(handle)',
  '    return ChatCompletionClient.load_component(settings)',
  '',
].join('\n');
const GEMINI = 'provider: autogen_ext.models.openai.OpenAIChatCompletionClient\nconfig:\n  model: gemini-2.0-flash\n';
const CLAUDE = 'provider: autogen_ext.models.anthropic.AnthropicChatCompletionClient\nconfig:\n  model: claude-sonnet-4-5\n';
const LOCAL = 'provider: autogen_ext.models.openai.OpenAIChatCompletionClient\nconfig:\n  model: llama3\n  base_url: http://localhost:11434/v1\n';

describe('model clients built from a config file the code names', () => {
  it('reports load_component of a YAML opened in a with statement at the call, with the file\'s client', async () => {
    const files = { 'bot/agent.py': AGENT, 'bot/llm.yaml': GEMINI };
    const r = await scanFiles(files, NO_POLICY);
    assert.deepEqual(inCode(r, files), [['bot/agent.py', 7, 'google-gemini-api', 'generativelanguage.googleapis.com']]);
    const call = r.endpoints.find((e) => e.file === 'bot/agent.py')!;
    assert.match(call.via, /bot\/llm\.yaml:1/);
    assert.equal(call.euFix, undefined);
    // Read as text through pathlib, then parsed.
    const text = { 'bot/agent.py': AGENT.replace('    with open("llm.yaml") as handle:\n        settings = yaml.safe_load(handle)', '    settings = json.loads(Path("llm.json").read_text())'), 'bot/llm.json': '{"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient", "config": {"model": "claude-3-5-haiku"}}' };
    assert.deepEqual(inCode(await scanFiles(text, NO_POLICY), text), [['bot/agent.py', 6, 'anthropic', 'api.anthropic.com']]);
  });

  it('uses a template beside a missing file as the values it documents, and says so; the real file wins over it', async () => {
    const template = { 'bot/agent.py': AGENT, 'bot/llm_template.yaml': CLAUDE };
    const documented = await scanFiles(template, NO_POLICY);
    assert.deepEqual(inCode(documented, template), [['bot/agent.py', 7, 'anthropic', 'api.anthropic.com']]);
    assert.match(documented.endpoints.find((e) => e.file === 'bot/agent.py')!.via, /llm\.yaml is not in the workspace; bot\/llm_template\.yaml:1, the template .*documents/);
    const both = { ...template, 'bot/llm.yaml': LOCAL };
    assert.deepEqual(inCode(await scanFiles(both, NO_POLICY), both), [['bot/agent.py', 7, 'self-hosted', 'localhost']]);
  });

  it('looks for a relative path from the code\'s folder up, the nearest folder first; a path built on __file__ only beside the code', async () => {
    const up = { 'app/src/agent.py': AGENT, 'app/llm.yaml': CLAUDE, 'llm.yaml': LOCAL };
    assert.deepEqual(inCode(await scanFiles(up, NO_POLICY), up), [['app/src/agent.py', 7, 'anthropic', 'api.anthropic.com']]);
    const beside = [
      'import json, os',
      'from autogen_core.models import ChatCompletionClient',
      'config = json.load(open(os.path.join(os.path.dirname(__file__), "client.json")))',
      'client = ChatCompletionClient.load_component(config)',
      '',
    ].join('\n');
    const json = '{"provider": "autogen_ext.models.anthropic.AnthropicChatCompletionClient", "config": {"model": "claude-haiku-4-5"}}\n';
    const found = { 'svc/run.py': beside, 'svc/client.json': json };
    assert.deepEqual(inCode(await scanFiles(found, NO_POLICY), found), [['svc/run.py', 4, 'anthropic', 'api.anthropic.com']]);
    // Not in a folder above: __file__ pins the code's own folder.
    const above = { 'svc/run.py': beside, 'client.json': json };
    const r = await scanFiles(above, NO_POLICY);
    assert.deepEqual(inCode(r, above), [['svc/run.py', 4, null, null]]);
    assert.match(r.endpoints.find((e) => e.file === 'svc/run.py')!.unknown!, /client\.json is not in the workspace \(looked for beside this file\)/);
  });

  it('reads the client\'s env variables where the code runs', async () => {
    const files = { 'bot/agent.py': AGENT, 'bot/llm.yaml': 'provider: autogen_ext.models.openai.OpenAIChatCompletionClient\nconfig:\n  model: gpt-4o\n', 'bot/.env': 'OPENAI_BASE_URL=https://api.mistral.ai/v1\n' };
    assert.deepEqual(inCode(await scanFiles(files, NO_POLICY), files), [['bot/agent.py', 7, 'mistral', 'api.mistral.ai']]);
  });

  it('leaves a model client whose config file is missing or not named here unknown, and says nothing of an agent\'s', async () => {
    const missing = { 'bot/agent.py': AGENT };
    const r = await scanFiles(missing, NO_POLICY);
    assert.deepEqual(inCode(r, missing), [['bot/agent.py', 7, null, null]]);
    assert.match(r.endpoints[0]!.unknown!, /llm\.yaml is not in the workspace/);
    const passed = [
      'from autogen_core.models import ChatCompletionClient',
      'from autogen_agentchat.agents import AssistantAgent',
      'def make(config, agent_config):',
      '    agent = AssistantAgent.load_component(agent_config)',
      '    return ChatCompletionClient.load_component(config)',
      '',
    ].join('\n');
    const files = { 'lib/factory.py': passed };
    const unknown = await scanFiles(files, NO_POLICY);
    assert.deepEqual(inCode(unknown, files), [['lib/factory.py', 5, null, null]]);
    assert.match(unknown.endpoints[0]!.unknown!, /`config` is bound at run time, not read from a YAML or JSON file this code names/);
  });

  it('reports each client of an agent config an agent is loaded from', async () => {
    const code = [
      'import yaml',
      'from autogen_agentchat.agents import AssistantAgent',
      'agent = AssistantAgent.load_component(yaml.safe_load(open("agent.yaml")))',
      '',
    ].join('\n');
    const agent = [
      'provider: autogen_agentchat.agents.AssistantAgent',
      'config:',
      '  name: helper',
      '  model_client:',
      '    provider: autogen_ext.models.anthropic.AnthropicChatCompletionClient',
      '    config:',
      '      model: claude-sonnet-4-5',
      '',
    ].join('\n');
    const files = { 'team/main.py': code, 'team/agent.yaml': agent };
    assert.deepEqual(inCode(await scanFiles(files, NO_POLICY), files), [['team/main.py', 3, 'anthropic', 'api.anthropic.com']]);
  });

  it('reads GraphRAG settings for from_settings: the chat model for global search, chat and embedding models for local search', async () => {
    const code = [
      'from pathlib import Path',
      'from autogen_ext.tools.graphrag import GlobalSearchTool, LocalSearchTool',
      'g = GlobalSearchTool.from_settings(root_dir=Path("rag"))',
      'l = LocalSearchTool.from_settings(Path("."), Path("./rag/settings.yaml"))',
      '',
    ].join('\n');
    const settings = [
      'models:',
      '  default_chat_model:',
      '    type: openai_chat',
      '    model: gpt-4o-mini',
      '  default_embedding_model:',
      '    type: azure_openai_embedding',
      '    api_base: https://contoso-sweden.openai.azure.com',
      '  spare_model:',
      '    type: openai_chat',
      '    api_base: http://localhost:8000/v1',
      '',
    ].join('\n');
    const files = { 'search/app.py': code, 'search/rag/settings.yaml': settings };
    assert.deepEqual(inCode(await scanFiles(files, NO_POLICY), files).sort(), [
      ['search/app.py', 3, 'openai', 'api.openai.com'],
      ['search/app.py', 4, 'azure-openai', 'contoso-sweden.openai.azure.com'],
      ['search/app.py', 4, 'openai', 'api.openai.com'],
    ]);
  });

  it('gives the editor\'s index the CLI\'s answer, and follows edits of the config file', async () => {
    const files: Files = { 'bot/agent.py': AGENT, 'bot/llm.yaml': GEMINI, 'bot/llm_template.yaml': CLAUDE };
    const dir = tempWorkspace(files);
    try {
      const index = indexFolder(dir, new Engine(), '2026-12-03');
      const code = (): Row[] => rows(index.results().endpoints.filter((e) => e.file.endsWith('.py')), files);
      assert.deepEqual(code(), inCode(await scanFiles(files, NO_POLICY), files));
      index.set('bot/llm.yaml', LOCAL);
      assert.deepEqual(code(), [['bot/agent.py', 7, 'self-hosted', 'localhost']]);
      index.delete('bot/llm.yaml');
      assert.deepEqual(code(), [['bot/agent.py', 7, 'anthropic', 'api.anthropic.com']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file a template documents', () => {
    assert.equal(documentedConfigFile('a/model_config_template.yaml'), 'a/model_config.yaml');
    assert.equal(documentedConfigFile('settings.example.yml'), 'settings.yml');
    assert.equal(documentedConfigFile('client-sample.json'), 'client.json');
    assert.equal(documentedConfigFile('a/model_config.yaml'), undefined);
  });
});
