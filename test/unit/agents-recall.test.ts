// Agent frameworks whose model is left out or given as a name: strands' Agent builds its
// default BedrockModel, ADK's Agent resolves a model name it cannot read to Gemini,
// Semantic Kernel's Azure AI Inference connectors are Azure (Foundry), env-file templates
// (`env.example`, `.env-example`) document the values, a placeholder value sets no region,
// and a backend switch is a setting of its own when its file sets no location.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { Engine, formatOf, workspaceEnv } from '../../src/core/engine';
import { isDocumentationEnv } from '../../src/core/env-scope';
import type { Endpoint } from '../../src/core/model';
import { isPlaceholderValue } from '../../src/core/resolve/hosts';

const engine = new Engine();

/** The endpoints of one file, with the workspace setting these env variables. */
function endpoints(file: string, lines: string[], env: Record<string, string> = {}): Endpoint[] {
  const defs = Object.entries(env).map(([name, value], i) => ({ name, value, file: '.env', line: i + 1 }));
  return engine.analyze(file, lines.join('\n') + '\n', { env: workspaceEnv(defs) }).endpoints;
}

/** What the tests compare: provider, host, region, EU verdict and the line. */
function brief(list: Endpoint[], text: string): { provider: string | null; host: string | null; region: string | null; eu: boolean | null; line: number }[] {
  return list.map((e) => ({ provider: e.provider, host: e.host, region: e.region, eu: e.euResident, line: text.slice(0, e.range.start).split('\n').length }));
}

function found(file: string, lines: string[], env: Record<string, string> = {}): ReturnType<typeof brief> {
  return brief(endpoints(file, lines, env), lines.join('\n') + '\n');
}

describe('agents: strands Agent without a model object', () => {
  const IMP = 'from strands import Agent';

  it('Agent() is strands\' default BedrockModel: region from the AWS config (unknown), the default global. profile fails EU residency', () => {
    const list = endpoints('agent.py', [IMP, '', 'helper = Agent(', '    system_prompt="Answer in one sentence.",', ')']);
    assert.equal(list.length, 1);
    const [e] = list;
    assert.deepEqual([e!.provider, e!.host, e!.region, e!.euResident], ['aws-bedrock', null, null, false]);
    assert.match(e!.model ?? '', /^global\./);
    assert.match(e!.conditions.join(' '), /global cross-region inference profile/);
  });

  it('the region still comes from AWS_REGION where the workspace sets it, and the global. default keeps EU residency false there', () => {
    assert.deepEqual(found('agent.py', [IMP, 'helper = Agent(tools=[lookup])'], { AWS_REGION: 'eu-central-1' }), [
      { provider: 'aws-bedrock', host: 'bedrock-runtime.eu-central-1.amazonaws.com', region: 'eu-central-1', eu: false, line: 2 },
    ]);
  });

  it('Agent(model="<Bedrock model id>") is a BedrockModel with that id: an in-region id leaves EU unknown, a us. profile fails it', () => {
    assert.deepEqual(found('agent.py', [IMP, 'a = Agent(model="anthropic.claude-3-5-haiku-20241022-v1:0")']), [{ provider: 'aws-bedrock', host: null, region: null, eu: null, line: 2 }]);
    assert.deepEqual(found('agent.py', [IMP, 'a = Agent(model="us.amazon.nova-lite-v1:0")']), [{ provider: 'aws-bedrock', host: null, region: null, eu: false, line: 2 }]);
    assert.deepEqual(found('agent.py', [IMP, 'a = Agent(model="eu.amazon.nova-lite-v1:0")'], { AWS_REGION: 'eu-west-3' }).map((e) => e.eu), [true]);
  });

  it('a model id read from the environment is a Bedrock model id too', () => {
    assert.deepEqual(found('agent.py', [IMP, 'import os', 'a = Agent(model=os.environ["MODEL_ID"])']).map((e) => e.provider), ['aws-bedrock']);
  });

  it('a model object is reported where it is built, once; one the engine cannot see (a parameter) is not taken for Bedrock', () => {
    const built = found('agent.py', [IMP, 'from strands.models import BedrockModel', 'm = BedrockModel(model_id="eu.amazon.nova-lite-v1:0", region_name="eu-west-1")', 'a = Agent(model=m)']);
    assert.deepEqual(built, [{ provider: 'aws-bedrock', host: 'bedrock-runtime.eu-west-1.amazonaws.com', region: 'eu-west-1', eu: true, line: 3 }]);
    assert.deepEqual(found('agent.py', [IMP, 'def make(model):', '    return Agent(model=model)']), []);
    const ollama = found('agent.py', [IMP, 'from strands.models.ollama import OllamaModel', 'a = Agent(model=OllamaModel(host="http://localhost:11434", model_id="llama3"))']);
    assert.equal(ollama.filter((e) => e.provider === 'aws-bedrock').length, 0);
  });

  it('BedrockModel() without model_id gets the same default profile', () => {
    assert.deepEqual(found('agent.py', ['from strands.models import BedrockModel', 'm = BedrockModel(region_name="eu-central-1")']).map((e) => [e.region, e.eu]), [['eu-central-1', false]]);
  });

  it('LiteLLMModel(model_id="<provider>/<model>") routes like LiteLLM, with client_args["api_base"] deciding the host', () => {
    const imp = 'from strands.models.litellm import LiteLLMModel';
    assert.deepEqual(found('agent.py', [imp, 'm = LiteLLMModel(model_id="anthropic/claude-3-7-sonnet-latest", params={"max_tokens": 1000})']).map((e) => [e.provider, e.host]), [['anthropic', 'api.anthropic.com']]);
    assert.deepEqual(found('agent.py', [imp, 'm = LiteLLMModel(model_id="azure/gpt-4.1-mini")']).map((e) => e.provider), ['azure-openai']);
    assert.deepEqual(
      found('agent.py', [imp, 'm = LiteLLMModel(client_args={"api_base": "https://acme.openai.azure.com"}, model_id="azure/gpt-4.1-mini")']).map((e) => [e.provider, e.host]),
      [['azure-openai', 'acme.openai.azure.com']],
    );
  });

  it('an Agent class from another library stays quiet', () => {
    assert.deepEqual(found('agent.py', ['from mygame.units import Agent', 'a = Agent()', 'b = Agent(model="soldier")']), []);
  });
});

describe('agents: Google ADK Agent with a model name the engine cannot read', () => {
  const IMP = 'from google.adk.agents import Agent';
  const GEMINI_API = { provider: 'google-gemini-api', host: 'generativelanguage.googleapis.com', region: 'global', eu: false };

  it('model=os.getenv(...) and model=constants.MODEL are model names, which ADK resolves to Gemini (the Gemini API by default)', () => {
    assert.deepEqual(found('agent.py', [IMP, 'import os', 'root = Agent(model=os.getenv("ROOT_MODEL"), name="root")']), [{ ...GEMINI_API, line: 3 }]);
    assert.deepEqual(found('agent.py', [IMP, 'from .shared import settings', 'root = Agent(model=settings.MODEL, name="root")']), [{ ...GEMINI_API, line: 3 }]);
  });

  it('GOOGLE_GENAI_USE_VERTEXAI moves it to Vertex AI in GOOGLE_CLOUD_LOCATION', () => {
    const r = found('agent.py', [IMP, 'import os', 'root = Agent(model=os.getenv("ROOT_MODEL"), name="root")'], { GOOGLE_GENAI_USE_VERTEXAI: '1', GOOGLE_CLOUD_LOCATION: 'europe-west4' });
    assert.deepEqual(r.map((e) => [e.provider, e.region, e.eu]), [['google-vertex-ai', 'europe-west4', true]]);
  });

  it('a model object (a lower-case name the file does not define, or a model class) is not taken for Gemini', () => {
    assert.deepEqual(found('agent.py', [IMP, 'from .models import claude_llm', 'root = Agent(model=claude_llm, name="root")']), []);
    assert.deepEqual(found('agent.py', [IMP, 'from .models import make_llm', 'root = Agent(model=make_llm(), name="root")']), []);
  });
});

describe('agents: Semantic Kernel Azure AI Inference connectors', () => {
  const IMP = 'from semantic_kernel.connectors.ai.azure_ai_inference import AzureAIInferenceChatCompletion, AzureAIInferenceTextEmbedding';

  it('without an endpoint they are Azure (Foundry) with the host unknown; AZURE_AI_INFERENCE_ENDPOINT or endpoint= names it', () => {
    const bare = endpoints('chat.py', [IMP, 'chat = AzureAIInferenceChatCompletion(ai_model_id="phi-4")']);
    assert.deepEqual(bare.map((e) => [e.provider, e.host, e.euResident]), [['azure-openai', null, null]]);
    assert.match(bare[0]!.unknown ?? '', /AZURE_AI_INFERENCE_ENDPOINT/);
    assert.deepEqual(found('chat.py', [IMP, 'embed = AzureAIInferenceTextEmbedding(ai_model_id="e")'], { AZURE_AI_INFERENCE_ENDPOINT: 'https://acme.services.ai.azure.com/models' }).map((e) => [e.provider, e.host]), [
      ['azure-openai', 'acme.services.ai.azure.com'],
    ]);
    assert.deepEqual(found('chat.py', [IMP, 'chat = AzureAIInferenceChatCompletion(ai_model_id="m", endpoint="https://acme.services.ai.azure.com/models")']).map((e) => [e.provider, e.host, e.line]), [
      ['azure-openai', 'acme.services.ai.azure.com', 2],
    ]);
  });

  it('an endpoint that is not a URL ("...") leaves the host unknown, still Azure', () => {
    assert.deepEqual(found('chat.py', [IMP, 'chat = AzureAIInferenceChatCompletion(ai_model_id="m", endpoint="...", api_key="...")']).map((e) => [e.provider, e.host]), [['azure-openai', null]]);
  });
});

describe('agents: placeholder values and backend switches in env files', () => {
  it('placeholder values: YOUR_VALUE_HERE, YOUR VALUE HERE, your-project-id, <region>, {location}; real values are not', () => {
    for (const v of ['YOUR_VALUE_HERE', 'YOUR VALUE HERE', 'your-project-id', '<region>', '{location}', 'changeme']) assert.equal(isPlaceholderValue(v), true, v);
    for (const v of ['europe-west4', 'us-central1', 'global', 'eu', 'my-project', 'eu-west-3']) assert.equal(isPlaceholderValue(v), false, v);
  });

  it('a placeholder location sets no region; the switch beside it is the setting, reported with the region unknown', () => {
    const text = 'GOOGLE_GENAI_USE_VERTEXAI=1\nGOOGLE_API_KEY=YOUR_VALUE_HERE\nGOOGLE_CLOUD_LOCATION=YOUR VALUE HERE\n';
    const list = engine.analyze('agent/.env', text).endpoints;
    assert.deepEqual(brief(list, text), [{ provider: 'google-vertex-ai', host: null, region: null, eu: null, line: 1 }]);
    assert.match(list[0]!.unknown ?? '', /placeholder/);
  });

  it('a switch in a file that sets the location is not reported again: the location line is the endpoint', () => {
    const text = 'GOOGLE_GENAI_USE_VERTEXAI=true\nGOOGLE_CLOUD_LOCATION=europe-west1\n';
    assert.deepEqual(brief(engine.analyze('.env', text).endpoints, text), [
      { provider: 'google-vertex-ai', host: 'europe-west1-aiplatform.googleapis.com', region: 'europe-west1', eu: true, line: 2 },
    ]);
  });

  it('a switch set off, or a file without one, reports nothing', () => {
    assert.deepEqual(engine.analyze('.env', 'GOOGLE_GENAI_USE_VERTEXAI=0\nGOOGLE_CLOUD_PROJECT=acme\n').endpoints, []);
  });

  it('code reading a placeholder location gets no region from it, and not the code\'s fallback either', () => {
    for (const placeholder of ['YOUR_VALUE_HERE', 'xxxx', 'placeholder']) {
      const r = found('tools.py', ['import os', 'from google import genai', 'client = genai.Client(vertexai=True, location=os.getenv("GOOGLE_CLOUD_LOCATION", "us-central1"))'], {
        GOOGLE_CLOUD_LOCATION: placeholder,
      });
      assert.deepEqual(r.map((e) => [e.provider, e.region, e.eu]), [['google-vertex-ai', null, null]], placeholder);
    }
    const [adk] = endpoints('agent.py', ['from google.adk.agents import Agent', 'root = Agent(model="gemini-2.0-flash", name="root")'], { GOOGLE_GENAI_USE_VERTEXAI: '1', GOOGLE_CLOUD_LOCATION: 'YOUR VALUE HERE' });
    assert.deepEqual([adk!.provider, adk!.region], ['google-vertex-ai', null]);
    assert.match(adk!.unknown ?? '', /GOOGLE_CLOUD_LOCATION="YOUR VALUE HERE" is a placeholder/);
  });
});

describe('agents: env-file templates named env.example and .env-example', () => {
  it('are dotenv files that document the values', () => {
    for (const name of ['env.example', '.env-example', 'app/env.sample', '.env-template', 'agent/.env-copy']) {
      assert.equal(formatOf(name)?.kind, 'dotenv', name);
      assert.equal(isDocumentationEnv(name), true, name);
    }
    // `.env-prod` sets values as `.env.prod` does; it documents nothing.
    assert.equal(formatOf('deploy/.env-prod')?.kind, 'dotenv');
    assert.equal(isDocumentationEnv('deploy/.env-prod'), false);
    assert.equal(formatOf('environment.py')?.kind, 'code');
    assert.equal(formatOf('env-setup.sh'), null);
  });

  it('serve the code of their folder: an ADK agent there runs on Vertex AI in the documented location', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-recall-'));
    try {
      fs.mkdirSync(path.join(dir, 'svc', 'app'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'svc', '.env-example'), 'GOOGLE_GENAI_USE_VERTEXAI=1\nGOOGLE_CLOUD_LOCATION=europe-west1\nAGENT_MODEL=gemini-2.0-flash-001\n');
      fs.writeFileSync(path.join(dir, 'svc', 'app', 'agent.py'), 'import os\nfrom google.adk.agents import Agent\nroot = Agent(model=os.getenv("AGENT_MODEL"), name="root")\n');
      const report = await scan(['.'], { cwd: dir, today: '2026-12-03' });
      const got = report.endpoints.map((e) => [e.file, e.provider, e.region]).sort();
      assert.deepEqual(got, [
        ['svc/.env-example', 'google-vertex-ai', 'europe-west1'],
        ['svc/app/agent.py', 'google-vertex-ai', 'europe-west1'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
