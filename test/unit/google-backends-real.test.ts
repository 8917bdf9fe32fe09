// Google backends as real code picks them: an ADK agent run by Vertex AI Agent Engine's
// AdkApp, pydantic-settings values, and a Vertex switch copied inside an `if` that tests it.
import * as assert from 'node:assert/strict';
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

  it('without vertexai.init in the file the location is not known (another module may call it)', () => {
    const text = [
      'from google.adk.agents import Agent',
      'from vertexai import agent_engines',
      'root = Agent(name="r", model="gemini-2.0-flash")',
      'remote = agent_engines.AdkApp(agent=root)',
    ].join('\n');
    const [e] = found('deploy.py', text);
    assert.deepEqual(brief([e!]), [vertex(3, null)]);
    assert.match(e!.unknown ?? '', /vertexai\.init/);
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

  it('a class named AdkApp from elsewhere, or another keyword, does not count', () => {
    for (const wrap of [['from mylib import AdkApp', 'app = AdkApp(agent=helper)'], ['app = reasoning_engines.AdkApp(other=helper)']]) {
      const text = agentLines(wrap).join('\n');
      assert.equal(found('deploy.py', text)[1]!.provider, 'google-gemini-api', wrap.join('; '));
    }
  });
});
