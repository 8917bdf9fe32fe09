// Frameworks whose default model reaches a provider with no SDK client in the code: the
// OpenAI Agents SDK's Agent, crewAI's Agent without llm=, agno's OpenAI classes. Each
// reaches the provider's default host unless the program hands it something else, and a
// class of the same name from another framework stays with that framework. Also calls that
// run a .prompty file with a configuration written in the code, which overrides the file's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { folderPolicy } from '../support/workspace-scan';
import { Engine } from '../../src/core/engine';
import { WorkspaceIndex } from '../../src/core/workspace';
import { targets, type Placed } from '../support/found';
import { found } from '../support/found';

const OPENAI: Placed = { provider: 'openai', host: 'api.openai.com', region: 'global' };
const UNKNOWN: Placed = { provider: null, host: null, region: null };

describe('agent frameworks: default models', () => {
  describe('OpenAI Agents SDK', () => {
    const IMPORT = 'from agents import Agent, Runner';

    it('Agent with an OpenAI model name, or none, goes to api.openai.com', () => {
      assert.deepEqual(targets('bot.py', [IMPORT, 'helper = Agent(name="helper", instructions="be brief", model="gpt-4.1-mini")']), [OPENAI]);
      assert.deepEqual(targets('bot.py', [IMPORT, 'helper = Agent(name="helper", instructions="be brief")']), [OPENAI]);
    });

    it('a model name read at run time, options spread in, or a model class the catalog does not know leave the provider unknown (a litellm/ model goes elsewhere)', () => {
      assert.deepEqual(targets('bot.py', [IMPORT, 'import os', 'helper = Agent(name="helper", model=os.environ["AGENT_MODEL"])']), [UNKNOWN]);
      assert.deepEqual(targets('bot.py', [IMPORT, 'from app.settings import settings', 'helper = Agent(name="helper", model=settings.model_name)']), [UNKNOWN]);
      assert.deepEqual(targets('bot.py', [IMPORT, 'def build(**kw):', '    return Agent(name="helper", **kw)']), [UNKNOWN]);
      assert.deepEqual(targets('bot.py', [IMPORT, 'from myproviders import RouterModel', 'helper = Agent(name="helper", model=RouterModel("x"))']), [UNKNOWN]);
    });

    it('OPENAI_BASE_URL where it runs moves it, as the SDK client reads it', () => {
      const hosts = targets('bot.py', [IMPORT, 'helper = Agent(name="helper", model="gpt-4.1")'], { OPENAI_BASE_URL: 'http://localhost:8000/v1' });
      assert.deepEqual(hosts.map((e) => e.provider), ['self-hosted']);
    });

    it('a litellm/ model name is LiteLLM\'s, a Model object is reported where it is built', () => {
      assert.deepEqual(targets('bot.py', [IMPORT, 'helper = Agent(name="helper", model="litellm/anthropic/claude-sonnet-4")']).map((e) => e.provider), []);
      const own = targets('bot.py', [
        IMPORT, 'from agents import OpenAIChatCompletionsModel', 'from openai import AsyncOpenAI',
        'client = AsyncOpenAI(base_url="https://api.mistral.ai/v1")',
        'helper = Agent(name="helper", model=OpenAIChatCompletionsModel(model="mistral-small", openai_client=client))',
      ]);
      assert.deepEqual(own.map((e) => e.host), ['api.mistral.ai']);
    });

    it('a client given to set_default_openai_client() replaces the default: only that client is reported', () => {
      const text = [
        'from agents import Agent, set_default_openai_client', 'from openai import AsyncOpenAI',
        'set_default_openai_client(AsyncOpenAI(base_url="https://api.groq.com/openai/v1"))',
        'helper = Agent(name="helper", model="llama-3.3-70b")',
      ];
      assert.deepEqual(targets('bot.py', text).map((e) => e.host), ['api.groq.com']);
    });

    it('an Agent from a package whose path only ends in agents (Google ADK) is not the OpenAI Agents SDK\'s', () => {
      assert.deepEqual(targets('bot.py', ['from google.adk.agents import Agent', 'sub = Agent(name="sub", instruction="x")']), []);
      assert.deepEqual(targets('bot.py', ['from myapp.agents import Agent', 'sub = Agent(name="sub", model="gpt-4o")']), []);
    });

    it('`from agents import Agent` beside the project\'s own agents package is the project\'s class, in the CLI and the editor', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-agents-'));
      try {
        // The project's package has no LLM signal of its own: it is known by its path alone.
        fs.mkdirSync(path.join(dir, 'app', 'agents'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'app', 'agents', '__init__.py'), 'class Agent:\n    def __init__(self, name, model=None):\n        self.model = model\n');
        fs.writeFileSync(path.join(dir, 'app', 'main.py'), 'from agents import Agent\n\nplanner = Agent(name="planner", model="gpt-4o")\n');
        // Code in another folder, where no agents package is found going up, imports the SDK.
        fs.mkdirSync(path.join(dir, 'tools'));
        fs.writeFileSync(path.join(dir, 'tools', 'bot.py'), 'from agents import Agent\n\nhelper = Agent(name="helper", model="gpt-4o")\n');
        const cli = await scan(['.'], { cwd: dir, today: '2026-12-03' });
        assert.deepEqual(cli.endpoints.map((e) => [e.file, e.provider]), [['tools/bot.py', 'openai']]);
        const index = new WorkspaceIndex(new Engine(), folderPolicy(dir), { today: () => '2026-12-03' });
        for (const f of ['app/agents/__init__.py', 'app/main.py', 'tools/bot.py']) index.set(f, fs.readFileSync(path.join(dir, f)));
        assert.deepEqual(index.results().endpoints.map((e) => e.file), ['tools/bot.py']);
        // Without the package, the same import is the SDK's again: the index re-reads its importer.
        index.delete('app/agents/__init__.py');
        assert.deepEqual(index.results().endpoints.map((e) => e.file).sort(), ['app/main.py', 'tools/bot.py']);
        // A package of that name that does not define Agent (an examples folder's own agents/) shadows nothing,
        // and a module named agents.py cannot shadow its own import.
        index.set('app/agents/__init__.py', '');
        index.set('writer/agents.py', 'from agents import Agent\n\nwriter = Agent(name="writer", model="gpt-4o")\n');
        assert.deepEqual(index.results().endpoints.map((e) => e.file).sort(), ['app/main.py', 'tools/bot.py', 'writer/agents.py']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('crewAI Agent without llm=', () => {
    const IMPORT = 'from crewai import Agent, Crew, Task';

    it('builds crewAI\'s default LLM: an OpenAI model at api.openai.com, on the Agent line', () => {
      const text = [IMPORT, 'writer = Agent(', '    role="Writer",', '    goal="Write",', '    backstory="Writes",', ')'].join('\n');
      assert.deepEqual(found('crew.py', text).map((e) => [e.line, e.provider]), [[2, 'openai']]);
      assert.deepEqual(targets('crew.py', [IMPORT, 'writer = Agent(role="Writer", goal="Write", backstory="b")']), [OPENAI]);
    });

    it('the base URL variables crewAI reads move it', () => {
      const moved = targets('crew.py', [IMPORT, 'writer = Agent(role="Writer", goal="g", backstory="b")'], { OPENAI_API_BASE: 'http://10.1.2.3:11434/v1' });
      assert.deepEqual(moved.map((e) => e.provider), ['self-hosted']);
    });

    it('MODEL naming another provider\'s model where it runs makes the provider unknown; an OpenAI model keeps OpenAI', () => {
      const code = [IMPORT, 'writer = Agent(role="Writer", goal="g", backstory="b")'];
      assert.deepEqual(targets('crew.py', code, { MODEL: 'anthropic/claude-sonnet-4' }), [UNKNOWN]);
      assert.deepEqual(targets('crew.py', code, { OPENAI_MODEL_NAME: 'gpt-4o-mini' }), [OPENAI]);
    });

    it('with config= (agents.yaml may set llm) the provider is unknown, not assumed', () => {
      const agent = found('crew.py', [IMPORT, 'def writer(self):', '    return Agent(config=self.agents_config["writer"], verbose=True)'].join('\n'));
      assert.deepEqual(agent.map((e) => e.provider), [null]);
      assert.match(agent[0]!.unknown ?? '', /config=/);
    });

    it('an llm= model string or object is still read where it is given, once', () => {
      assert.deepEqual(targets('crew.py', [IMPORT, 'writer = Agent(role="W", goal="g", backstory="b", llm="groq/llama-3.1-8b-instant")']).map((e) => e.provider), ['groq']);
      assert.deepEqual(targets('crew.py', [IMPORT, 'from crewai import LLM', 'writer = Agent(role="W", goal="g", backstory="b", llm=LLM(model="mistral/mistral-large-latest"))']).map((e) => e.provider), ['mistral']);
    });

    it('an Agent class of another library without a model stays quiet', () => {
      assert.deepEqual(targets('crew.py', ['from mylib import Agent', 'writer = Agent(role="W")']), []);
    });
  });

  describe('agno OpenAI models', () => {
    it('OpenAIChat and OpenAIResponses without base_url reach api.openai.com; base_url decides the host', () => {
      assert.deepEqual(targets('coach.py', ['from agno.agent import Agent', 'from agno.models.openai import OpenAIChat', 'agent = Agent(model=OpenAIChat(id="gpt-4.1-nano"))']), [OPENAI]);
      assert.deepEqual(targets('coach.py', ['from agno.models.openai import OpenAIResponses', 'm = OpenAIResponses(id="gpt-5-mini")']), [OPENAI]);
      assert.deepEqual(targets('coach.py', ['from agno.models.openai import OpenAIChat', 'm = OpenAIChat(id="x", base_url="https://api.deepseek.com")']).map((e) => e.provider), ['deepseek']);
    });
  });

  describe('Prompty runs with a configuration in the code', () => {
    const IMPORT = ['import os', 'import prompty', 'import prompty.azure'];

    it('an azure_endpoint in the configuration is Azure OpenAI at that endpoint, reported at the run while the env value is unknown', () => {
      const text = [...IMPORT, 'def answer(q):', '    cfg = {', '        "azure_endpoint": os.environ["AZURE_OPENAI_ENDPOINT"],', '        "api_version": "2024-08-01-preview",', '    }',
        '    return prompty.execute(', '        "chat.prompty",', '        inputs={"question": q},', '        configuration=cfg,', '    )'].join('\n');
      assert.deepEqual(found('chat.py', text).map((e) => [e.line, e.provider]), [[9, 'azure-openai']]);
      assert.deepEqual(targets('chat.py', text.split('\n'), { AZURE_OPENAI_ENDPOINT: 'https://acme-eu.openai.azure.com/' }).map((e) => e.host), ['acme-eu.openai.azure.com']);
    });

    it('a type in the configuration picks the executor; base_url then decides the host', () => {
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", configuration={"type": "openai", "base_url": "http://localhost:1234/v1"})']).map((e) => e.provider), ['self-hosted']);
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", {"type": "openai"})']), [OPENAI]);
    });

    it('a configuration without the executor or an endpoint leaves the file\'s own, reported in the file', () => {
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", configuration={"api_version": "2024-10-21"})']), []);
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", inputs={"q": 1})']), []);
    });

    it('a configuration the engine cannot read, a key several executors take, or an unknown type is reported as unknown', () => {
      assert.deepEqual(targets('chat.py', [...IMPORT, 'def run(cfg):', '    return prompty.execute("a.prompty", configuration=cfg)']), [UNKNOWN]);
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", configuration={"type": "my_own"})']), [UNKNOWN]);
      // base_url is both the OpenAI and the Azure OpenAI client's: the file's type decides, which is not read here.
      assert.deepEqual(targets('chat.py', [...IMPORT, 'r = prompty.execute("a.prompty", configuration={"base_url": os.environ["LLM_URL"]})']), [UNKNOWN]);
    });

    it('an execute() of another library is no Prompty run', () => {
      assert.deepEqual(targets('jobs.py', ['import os', 'from mydb import execute', 'execute("select 1", configuration={"azure_endpoint": os.environ["AZURE_OPENAI_ENDPOINT"]})']), []);
    });
  });

  describe('a configured library\'s own TypeScript provider source without its package.json in the scan', () => {
    const provider = [
      'import type { Mistral } from "@mistralai/mistralai";',
      'export class MistralLLM {',
      '  constructor(config: { apiKey: string }) {',
      '    this.client = new Mistral({ apiKey: config.apiKey });',
      '  }',
      '}',
    ];

    it('is quiet in a folder path of three or more parts that names the library (mem0ai\'s src/oss/src/llms)', () => {
      assert.deepEqual(targets('mem0-ts/src/oss/src/llms/mistral.ts', provider), []);
    });

    it('is reported in a short folder path an application may have too (src/llms)', () => {
      assert.deepEqual(targets('app/src/llms/mistral.ts', provider).map((e) => e.provider), ['mistral']);
    });
  });

  describe('a mem0 config dict handed on to another module', () => {
    const CONFIG = [
      'import os',
      'from server_state import initialize_state',
      'DEFAULT_CONFIG = {',
      '    "vector_store": {"provider": "pgvector", "config": {"host": "db"}},',
      '    "llm": {',
      '        "provider": "openai",',
      '        "config": {"api_key": os.environ.get("OPENAI_API_KEY"), "model": "gpt-5-mini"},',
      '    },',
      '    "embedder": {"provider": "ollama", "config": {"model": "nomic-embed-text"}},',
      '    "history_db_path": "/app/history.db",',
      '}',
      'initialize_state(DEFAULT_CONFIG)',
    ];

    it('is mem0\'s config by its own keys (vector_store, history_db_path): each part reported where its provider is named', () => {
      assert.deepEqual(found('main.py', CONFIG.join('\n')).map((e) => [e.line, e.provider]), [[6, 'openai'], [9, 'self-hosted']]);
      assert.deepEqual(targets('main.py', CONFIG)[0], OPENAI);
    });

    it('is reported once when the file hands it to Memory itself', () => {
      const text = [...CONFIG.slice(0, -1), 'from mem0 import Memory', 'memory = Memory.from_config(DEFAULT_CONFIG)'];
      assert.deepEqual(targets('main.py', text).map((e) => e.provider), ['openai', 'self-hosted']);
    });

    it('a dict with llm and embedder parts but none of mem0\'s own keys, or one in a test, is not taken for one', () => {
      const other = CONFIG.filter((l) => !l.includes('vector_store') && !l.includes('history_db_path'));
      assert.deepEqual(targets('main.py', other), []);
      assert.deepEqual(targets('tests/test_server.py', CONFIG), []);
    });
  });
});

