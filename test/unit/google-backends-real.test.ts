// Google backends as real code picks them: an ADK agent run by Vertex AI Agent Engine's
// AdkApp, pydantic-settings values, and a Vertex switch copied inside an `if` that tests it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { Engine } from '../../src/core/engine';
import { brief, found, notebook, vertex } from '../support/found';

describe('Google backends on real code: ADK agents run by Vertex AI Agent Engine (AdkApp)', () => {
  const agentLines = (wrap: string[]): string[] => [
    'import vertexai',
    'from google.adk.agents import Agent',
    'from vertexai.preview import reasoning_engines',
    'vertexai.init(project="acme-prod", location="europe-west4")',
    'helper = Agent(',
    '    name="helper",',
    '    model="gemini-2.5-flash",',
    ')',
    ...wrap,
  ];

  it('an Agent handed to reasoning_engines.AdkApp(agent=...) runs on Vertex AI in the vertexai.init location', () => {
    const text = agentLines(['app = reasoning_engines.AdkApp(agent=helper, enable_tracing=True)']).join('\n');
    assert.deepEqual(brief(found('deploy.py', text)), [vertex(4, 'europe-west4'), vertex(5, 'europe-west4')]);
  });

  it('the same Agent without the wrapper stays on the Gemini API (no switch is set)', () => {
    const text = agentLines(['app = helper']).join('\n');
    assert.deepEqual(brief(found('deploy.py', text)).map((e) => e.provider), ['google-vertex-ai', 'google-gemini-api']);
  });

  it('vertexai.agent_engines.AdkApp, imported by name, with the Agent built in place', () => {
    const text = [
      'import vertexai',
      'from google.adk import Agent',
      'from vertexai.agent_engines import AdkApp',
      'vertexai.init(location="europe-west1")',
      'app = AdkApp(agent=Agent(name="x", model="gemini-2.0-flash"))',
    ].join('\n');
    assert.deepEqual(brief(found('app.py', text)), [vertex(4, 'europe-west1'), vertex(5, 'europe-west1')]);
  });

  it('AdkApp overrides an env switch set off and the env location: set_up() writes both', () => {
    const text = agentLines(['app = reasoning_engines.AdkApp(agent=helper)']).join('\n');
    const list = found('deploy.py', text, { GOOGLE_GENAI_USE_VERTEXAI: '0', GOOGLE_CLOUD_LOCATION: 'us-east4' });
    assert.deepEqual(brief(list)[1], vertex(5, 'europe-west4'));
  });

  it('the init that counts is the one before the AdkApp, even when it follows the Agent', () => {
    const text = [
      'import vertexai',
      'from google.adk.agents import Agent',
      'from vertexai import agent_engines',
      'root = Agent(name="r", model="gemini-2.0-flash")',
      'vertexai.init(project="p", location="europe-west3")',
      'remote = agent_engines.AdkApp(agent=root)',
    ].join('\n');
    assert.deepEqual(brief(found('deploy.py', text))[0], vertex(4, 'europe-west3'));
  });

  it('without vertexai.init in any module of the workspace, the SDK default (another module\'s init: vertex-init-scope.test.ts)', () => {
    const text = [
      'from google.adk.agents import Agent',
      'from vertexai import agent_engines',
      'root = Agent(name="r", model="gemini-2.0-flash")',
      'remote = agent_engines.AdkApp(agent=root)',
    ].join('\n');
    const [e] = found('deploy.py', text);
    assert.deepEqual(brief([e!]), [vertex(3, 'us-central1')]);
    assert.match(e!.via, /no module of the workspace calls vertexai\.init\(\)/);
  });

  it('in a notebook: the init in an early cell, the Agent and the AdkApp in later ones', () => {
    const text = notebook([
      ['import vertexai', 'REGION = "europe-west9"', 'vertexai.init(project="p", location=REGION)'],
      ['from google.adk.agents import Agent', 'analyst = Agent(name="a", model="gemini-2.0-flash", tools=[])'],
      ['from vertexai.preview import reasoning_engines', 'app = reasoning_engines.AdkApp(agent=analyst)'],
    ]);
    const list = found('agent.ipynb', text);
    assert.deepEqual(list.map((e) => [e.provider, e.region]), [['google-vertex-ai', 'europe-west9'], ['google-vertex-ai', 'europe-west9']]);
    assert.match(list[1]!.via, /AdkApp/);
  });

  it('the sub-agents of a wrapped agent (also of a workflow agent) run under the same AdkApp', () => {
    const text = [
      'import vertexai',
      'from google.adk.agents import Agent, SequentialAgent',
      'from vertexai import agent_engines',
      'vertexai.init(location="europe-west4")',
      'writer = Agent(name="w", model="gemini-2.0-flash")',
      'checker = Agent(name="c", model="gemini-2.0-flash")',
      'pipeline = SequentialAgent(name="p", sub_agents=[writer, checker])',
      'root = Agent(name="r", model="gemini-2.0-flash", sub_agents=[pipeline])',
      'loose = Agent(name="l", model="gemini-2.0-flash")',
      'app = agent_engines.AdkApp(agent=root)',
    ].join('\n');
    assert.deepEqual(found('agents.py', text).map((e) => [e.line, e.provider, e.region]), [
      [4, 'google-vertex-ai', 'europe-west4'],
      [5, 'google-vertex-ai', 'europe-west4'],
      [6, 'google-vertex-ai', 'europe-west4'],
      [8, 'google-vertex-ai', 'europe-west4'],
      [9, 'google-gemini-api', 'global'],
    ]);
  });

  it('a class named AdkApp from elsewhere, or another keyword, does not count', () => {
    for (const wrap of [['from mylib import AdkApp', 'app = AdkApp(agent=helper)'], ['app = reasoning_engines.AdkApp(other=helper)']]) {
      const text = agentLines(wrap).join('\n');
      assert.equal(found('deploy.py', text)[1]!.provider, 'google-gemini-api', wrap.join('; '));
    }
  });
});

describe('Google backends on real code: pydantic settings values', () => {
  const settingsFile = (classBody: string[], use: string): string => [
    'import vertexai',
    'from pydantic import BaseModel, Field',
    'from pydantic_settings import BaseSettings, SettingsConfigDict',
    'class Settings(BaseSettings):',
    ...classBody.map((l) => `    ${l}`),
    'conf = Settings()',
    use,
  ].join('\n');
  const prefixed = ['model_config = SettingsConfigDict(env_prefix="SVC_")', 'VERTEX_REGION: str = Field(default="europe-west4")'];
  const region = (text: string, env: Record<string, string> = {}): (string | null)[] => found('settings.py', text, env).map((e) => e.region);

  it('a field reads its default when the env variable (with the env_prefix) is not set', () => {
    assert.deepEqual(region(settingsFile(prefixed, 'vertexai.init(location=conf.VERTEX_REGION)')), ['europe-west4']);
  });

  it('the env variable of the prefixed name wins over the default, and the endpoint cites it', () => {
    const [e] = found('settings.py', settingsFile(prefixed, 'vertexai.init(location=conf.VERTEX_REGION)'), { SVC_VERTEX_REGION: 'us-east5' });
    assert.equal(e!.region, 'us-east5');
    assert.match(e!.via, /SVC_VERTEX_REGION/);
  });

  it('names match the environment case-insensitively unless case_sensitive=True', () => {
    const lower = ['vertex_region: str = "europe-west4"'];
    assert.deepEqual(region(settingsFile(lower, 'vertexai.init(location=conf.vertex_region)'), { VERTEX_REGION: 'us-west1' }), ['us-west1']);
    const strict = ['model_config = SettingsConfigDict(case_sensitive=True)', 'vertex_region: str = "europe-west4"'];
    assert.deepEqual(region(settingsFile(strict, 'vertexai.init(location=conf.vertex_region)'), { VERTEX_REGION: 'us-west1' }), ['europe-west4']);
  });

  it('a dict model_config is read; forms it cannot read leave the field unknown, never its default', () => {
    const dict = ['model_config = {"env_prefix": "APP_"}', 'REGION: str = "europe-west4"'];
    assert.deepEqual(region(settingsFile(dict, 'vertexai.init(location=conf.REGION)'), { APP_REGION: 'us-east1' }), ['us-east1']);
    const choices = ['REGION: str = Field("europe-west4", validation_alias=AliasChoices("AWS_REGION", "VERTEX_REGION"))'];
    assert.deepEqual(region(settingsFile(choices, 'vertexai.init(location=conf.REGION)'), { VERTEX_REGION: 'us-east1' }), [null]);
    const computed = ['model_config = make_config()', 'REGION: str = "europe-west4"'];
    assert.deepEqual(region(settingsFile(computed, 'vertexai.init(location=conf.REGION)')), [null]);
    for (const spread of ['model_config = SettingsConfigDict(**opts)', 'model_config = {**BASE}']) {
      assert.deepEqual(region(settingsFile([spread, 'REGION: str = "europe-west4"'], 'vertexai.init(location=conf.REGION)')), [null], spread);
    }
  });

  it('with env_nested_delimiter, a nested model\'s field may be set by PARENT__CHILD: not followed', () => {
    const text = [
      'import vertexai',
      'from pydantic import BaseModel',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      'class Vertex(BaseModel):',
      '    region: str = "europe-west4"',
      'class Settings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_nested_delimiter="__")',
      '    vertex: Vertex = Vertex()',
      'conf = Settings()',
      'vertexai.init(location=conf.vertex.region)',
    ].join('\n');
    assert.deepEqual(region(text, { VERTEX__REGION: 'us-east1' }), [null]);
  });

  it('an alias names the env variable itself; pydantic v1\'s inner Config sets the prefix', () => {
    const alias = ['where: str = Field("europe-west4", alias="VERTEX_AI_LOCATION")'];
    assert.deepEqual(region(settingsFile(alias, 'vertexai.init(location=conf.where)'), { VERTEX_AI_LOCATION: 'asia-east1' }), ['asia-east1']);
    const v1 = ['region: str = "europe-west4"', 'class Config:', '    env_prefix = "OLD_"'];
    assert.deepEqual(region(settingsFile(v1, 'vertexai.init(location=conf.region)'), { OLD_REGION: 'europe-west9' }), ['europe-west9']);
  });

  it('a keyword given when the instance is made wins; a default_factory or an unknown field stays unknown', () => {
    assert.deepEqual(region(settingsFile(prefixed, 'conf2 = Settings(VERTEX_REGION="europe-west1")\nvertexai.init(location=conf2.VERTEX_REGION)')), ['europe-west1']);
    assert.deepEqual(region(settingsFile(['VERTEX_REGION: str = Field(default_factory=pick)'], 'vertexai.init(location=conf.VERTEX_REGION)')), [null]);
    assert.deepEqual(region(settingsFile(prefixed, 'vertexai.init(location=conf.OTHER)')), [null]);
  });

  it('a class that is no pydantic model is not read', () => {
    const text = ['import vertexai', 'class Settings:', '    REGION = "europe-west4"', 'conf = Settings()', 'vertexai.init(location=conf.REGION)'].join('\n');
    assert.deepEqual(region(text), [null]);
  });

  it('a nested model\'s field is its default, so an ADK Agent given it is found (and on Gemini without a switch)', () => {
    const text = [
      'from google.adk import Agent',
      'from pydantic import BaseModel, Field',
      'from pydantic_settings import BaseSettings',
      'class Models(BaseModel):',
      '    main: str = Field(default="gemini-2.0-flash")',
      'class Settings(BaseSettings):',
      '    models: Models = Field(default=Models())',
      'conf = Settings()',
      'root = Agent(model=conf.models.main, name="root")',
    ].join('\n');
    assert.deepEqual(found('agent.py', text).map((e) => [e.line, e.provider]), [[9, 'google-gemini-api']]);
    assert.deepEqual(found('agent.py', text, { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_LOCATION: 'europe-west4' }).map((e) => [e.provider, e.region]), [['google-vertex-ai', 'europe-west4']]);
  });
});

describe('Google backends on real code: an agent project with a settings module and an env template', () => {
  let dir: string;
  const write = (file: string, lines: string[]): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), lines.join('\n') + '\n');
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'google-backends-'));
    write('shop/.env.example', ['# 1: Vertex AI, 0: Gemini API', 'GOOGLE_GENAI_USE_VERTEXAI=1', 'GOOGLE_CLOUD_PROJECT=your-project', 'GOOGLE_CLOUD_LOCATION=europe-west1']);
    write('shop/helpdesk/settings.py', [
      'from pydantic import BaseModel, Field',
      'from pydantic_settings import BaseSettings, SettingsConfigDict',
      'class ModelChoice(BaseModel):',
      '    model: str = Field(default="gemini-2.5-flash")',
      'class AppSettings(BaseSettings):',
      '    model_config = SettingsConfigDict(env_prefix="GOOGLE_", case_sensitive=True)',
      '    choice: ModelChoice = Field(default=ModelChoice())',
      '    CLOUD_LOCATION: str = Field(default="us-east1")',
    ]);
    write('shop/helpdesk/agent.py', [
      'from google.adk import Agent',
      'from .settings import AppSettings',
      'conf = AppSettings()',
      'root_agent = Agent(',
      '    model=conf.choice.model,',
      '    name="helpdesk",',
      ')',
    ]);
    write('shop/deployment/deploy.py', [
      'import vertexai',
      'from helpdesk.settings import AppSettings',
      'conf = AppSettings()',
      'vertexai.init(',
      '    project="p",',
      '    location=conf.CLOUD_LOCATION,',
      ')',
    ]);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lineOf = (e: { file: string; range: { start: number } }): number => fs.readFileSync(path.join(dir, e.file), 'utf8').slice(0, e.range.start).split('\n').length;
  const report = async (): Promise<string[][]> => (await scan(['.'], { cwd: dir, today: '2026-12-03' })).endpoints
    .map((e) => [`${e.file}:${lineOf(e)}`, String(e.provider), String(e.region)]);

  it('the location, the agent (model from a nested settings model) and the init all say Vertex AI in the env template\'s location', async () => {
    assert.deepEqual(await report(), [
      ['shop/.env.example:4', 'google-vertex-ai', 'europe-west1'],
      ['shop/deployment/deploy.py:6', 'google-vertex-ai', 'europe-west1'],
      ['shop/helpdesk/agent.py:4', 'google-vertex-ai', 'europe-west1'],
    ]);
  });

  it('without the env value, the settings field\'s default applies', async () => {
    write('shop/.env.example', ['GOOGLE_GENAI_USE_VERTEXAI=1']);
    const got = await report();
    assert.deepEqual(got.find((e) => e[0]!.startsWith('shop/deployment/')), ['shop/deployment/deploy.py:6', 'google-vertex-ai', 'us-east1']);
  });

  it('a module-level instance imported by name carries its class\'s fields', async () => {
    write('shop/helpdesk/settings.py', [
      'from pydantic_settings import BaseSettings',
      'class AppSettings(BaseSettings):',
      '    VERTEX_LOCATION: str = "europe-west3"',
      'settings = AppSettings()',
    ]);
    write('shop/deployment/deploy.py', ['import vertexai', 'from helpdesk.settings import settings', 'vertexai.init(location=settings.VERTEX_LOCATION)']);
    const got = await report();
    assert.deepEqual(got.find((e) => e[0]!.startsWith('shop/deployment/')), ['shop/deployment/deploy.py:3', 'google-vertex-ai', 'europe-west3']);
  });
});

describe('Google backends on real code: a switch beside its location in one env file', () => {
  it('is one setting: the location line is the endpoint, the switch is not reported again', () => {
    const text = 'GOOGLE_GENAI_USE_VERTEXAI=1\nGOOGLE_CLOUD_LOCATION=europe-west4\n';
    const byLine = [...new Engine().analyze('svc/.env', text).endpoints].sort((a, b) => a.range.start - b.range.start);
    assert.deepEqual(byLine.map((e) => [text.slice(0, e.range.start).split('\n').length, e.provider, e.region]), [[2, 'google-vertex-ai', 'europe-west4']]);
  });
});

describe('Google backends on real code: a Vertex switch copied inside an if that tests it', () => {
  const py = (condition: string, body = ['    return genai.Client(vertexai=current.vertexai, project="p", location="global")']): string => [
    'from google import genai',
    'current = make_client()',
    'def for_preview(name):',
    ...condition.split('\n').map((l) => `    ${l}`),
    ...body.map((l) => `    ${l}`),
    '    return current',
  ].join('\n');
  const providers = (text: string, file = 'clients.py'): (string | null)[] => found(file, text).map((e) => e.provider);

  it('an operand of a plain `and` chain, over several lines in brackets: the client is Vertex AI in "global"', () => {
    const text = py('if (\n    name.endswith("-preview")\n    and current.vertexai\n    and current.location != "global"\n):');
    assert.deepEqual(brief(found('clients.py', text)), [vertex(9, 'global')]);
  });

  it('a one-operand condition and an elif count; JS `&&` too', () => {
    assert.deepEqual(providers(py('if current.vertexai:')), ['google-vertex-ai']);
    assert.deepEqual(providers(py('if name == "x":\n    pass\nelif ready and current.vertexai:')), ['google-vertex-ai']);
    const js = [
      'import { GoogleGenAI } from "@google/genai";',
      'export function forPreview(current, name) {',
      '  if (name.endsWith("-preview") && current.vertexai) {',
      '    return new GoogleGenAI({ vertexai: current.vertexai, project: "p", location: "global" });',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(providers(js, 'clients.ts'), ['google-vertex-ai']);
  });

  it('anything else stays undecided: an `or`, a negation, another expression, the else branch, code after the if', () => {
    for (const condition of ['if ready or current.vertexai:', 'if not current.vertexai:', 'if current.vertexai == False:', 'if other.vertexai:']) {
      assert.deepEqual(providers(py(condition)), [null], condition);
    }
    assert.deepEqual(providers(py('if current.vertexai:\n    pass\nelse:')), [null]);
    assert.deepEqual(providers(py('if current.vertexai:\n    pass', ['return genai.Client(vertexai=current.vertexai, location="global")'])), [null]);
  });
});
