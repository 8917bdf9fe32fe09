// Agent and RAG framework classes (Semantic Kernel Python, Google ADK, LangChain's Google
// switches, LlamaIndex, crewai, strands, the Claude Agent SDK, Voyage AI): each resolves to
// its provider, host and region, env switches move it to another provider, and a class of
// the same name from another library stays quiet.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { targets as found, type Placed as Found } from '../support/found';

const engine = new Engine();

const at = (provider: string, host: string | null, region: string | null): Found => ({ provider, host, region });
const GEMINI_API = at('google-gemini-api', 'generativelanguage.googleapis.com', 'global');
const vertex = (region: string): Found => at('google-vertex-ai', region === 'global' ? 'aiplatform.googleapis.com' : `${region}-aiplatform.googleapis.com`, region);
const bedrock = (region: string): Found => at('aws-bedrock', `bedrock-runtime.${region}.amazonaws.com`, region);
const ANTHROPIC_API = at('anthropic', 'api.anthropic.com', 'global');

describe('framework classes: Semantic Kernel Python connectors', () => {
  const SK_GOOGLE = 'from semantic_kernel.connectors.ai.google.google_ai import GoogleAIChatCompletion, GoogleAITextEmbedding';

  it('GoogleAIChatCompletion is the Gemini API, and Vertex AI with use_vertexai=True in its region', () => {
    assert.deepEqual(found('a.py', [SK_GOOGLE, 'chat = GoogleAIChatCompletion(gemini_model_id="gemini-2.0-flash", api_key=key)']), [GEMINI_API]);
    assert.deepEqual(
      found('a.py', [SK_GOOGLE, 'chat = GoogleAIChatCompletion(gemini_model_id="gemini-2.0-flash", use_vertexai=True, project_id="acme", region="europe-west4")']),
      [vertex('europe-west4')],
    );
  });

  it('GOOGLE_AI_USE_VERTEXAI and GOOGLE_AI_CLOUD_REGION, the settings it reads, flip an embedding service to Vertex AI', () => {
    const code = [SK_GOOGLE, 'embed = GoogleAITextEmbedding(embedding_model_id="text-embedding-004")'];
    assert.deepEqual(found('a.py', code), [GEMINI_API]);
    assert.deepEqual(found('a.py', code, { GOOGLE_AI_USE_VERTEXAI: 'true', GOOGLE_AI_CLOUD_REGION: 'europe-west1' }), [vertex('europe-west1')]);
  });

  it('VertexAIChatCompletion takes its region, VERTEX_AI_REGION, or the Vertex AI SDK default', () => {
    const imp = 'from semantic_kernel.connectors.ai.google.vertex_ai import VertexAIChatCompletion';
    assert.deepEqual(found('a.py', [imp, 'chat = VertexAIChatCompletion(project_id="acme", region="europe-west3")']), [vertex('europe-west3')]);
    assert.deepEqual(found('a.py', [imp, 'chat = VertexAIChatCompletion(project_id="acme")'], { VERTEX_AI_REGION: 'europe-west9' }), [vertex('europe-west9')]);
    assert.deepEqual(found('a.py', [imp, 'chat = VertexAIChatCompletion(project_id="acme")']), [vertex('us-central1')]);
  });

  it('BedrockChatCompletion takes the AWS region of its environment, or of the boto3 client handed to it (reported once)', () => {
    const imp = 'from semantic_kernel.connectors.ai.bedrock import BedrockChatCompletion';
    assert.deepEqual(found('a.py', [imp, 'chat = BedrockChatCompletion(model_id="anthropic.claude-3-haiku-20240307-v1:0")'], { AWS_REGION: 'eu-west-3' }), [bedrock('eu-west-3')]);
    assert.deepEqual(
      found('a.py', [imp, 'import boto3', 'chat = BedrockChatCompletion(model_id="m", runtime_client=boto3.client("bedrock-runtime", region_name="eu-central-1"))']),
      [bedrock('eu-central-1')],
    );
    const unknown = found('a.py', [imp, 'chat = BedrockChatCompletion(model_id="m")']);
    assert.deepEqual(unknown, [at('aws-bedrock', null, null)]);
  });

  it('OpenAI, Anthropic, Mistral and Ollama connectors reach their SDK defaults', () => {
    assert.deepEqual(found('a.py', ['from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion', 'chat = OpenAIChatCompletion(ai_model_id="gpt-4o")']), [
      at('openai', 'api.openai.com', 'global'),
    ]);
    assert.deepEqual(found('a.py', ['from semantic_kernel.connectors.ai.anthropic import AnthropicChatCompletion', 'chat = AnthropicChatCompletion(ai_model_id="claude-sonnet-4")']), [ANTHROPIC_API]);
    assert.deepEqual(found('a.py', ['from semantic_kernel.connectors.ai.mistral_ai import MistralAITextEmbedding', 'e = MistralAITextEmbedding(ai_model_id="mistral-embed")']).map((e) => e.provider), ['mistral']);
    assert.deepEqual(found('a.py', ['from semantic_kernel.connectors.ai.ollama import OllamaChatCompletion', 'chat = OllamaChatCompletion(ai_model_id="llama3", host="http://10.0.0.5:11434")']).map((e) => e.provider), ['self-hosted']);
  });

  it('an OpenAI client handed to the OpenAI connector decides the host, and is reported once', () => {
    const text = ['from openai import AsyncOpenAI', 'from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion', 'chat = OpenAIChatCompletion(ai_model_id="m", async_client=AsyncOpenAI(base_url="https://api.mistral.ai/v1"))'];
    assert.deepEqual(found('a.py', text), [at('mistral', 'api.mistral.ai', 'global')]);
  });
});

describe('framework classes: Google ADK', () => {
  const AGENT = ['from google.adk.agents import Agent', 'root_agent = Agent(name="helper", model="gemini-2.0-flash", instruction="Help.")'];

  it('Agent(model="gemini-...") is the Gemini API by default', () => {
    assert.deepEqual(found('agent.py', AGENT), [GEMINI_API]);
    assert.deepEqual(found('agent.py', AGENT, { GOOGLE_GENAI_USE_VERTEXAI: 'FALSE' }), [GEMINI_API]);
  });

  it('GOOGLE_GENAI_USE_VERTEXAI=true moves it to Vertex AI in GOOGLE_CLOUD_LOCATION, else "global"', () => {
    assert.deepEqual(found('agent.py', AGENT, { GOOGLE_GENAI_USE_VERTEXAI: 'TRUE', GOOGLE_CLOUD_LOCATION: 'europe-west1' }), [vertex('europe-west1')]);
    assert.deepEqual(found('agent.py', AGENT, { GOOGLE_GENAI_USE_VERTEXAI: '1' }), [vertex('global')]);
  });

  it('the Gemini model class follows the same switch', () => {
    const text = ['from google.adk.models import Gemini', 'model = Gemini(model="gemini-2.5-flash")'];
    assert.deepEqual(found('a.py', text), [GEMINI_API]);
    assert.deepEqual(found('a.py', text, { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_LOCATION: 'europe-west4' }), [vertex('europe-west4')]);
  });

  it('an environment set both ways gives one endpoint per value', () => {
    const defs = [
      { name: 'GOOGLE_GENAI_USE_VERTEXAI', value: 'true', file: 'prod/.env', line: 1 },
      { name: 'GOOGLE_GENAI_USE_VERTEXAI', value: 'false', file: 'dev/.env', line: 1 },
    ];
    const providers = engine.analyze('agent.py', AGENT.join('\n') + '\n', { env: workspaceEnv(defs) }).endpoints.map((e) => e.provider).sort();
    assert.deepEqual(providers, ['google-gemini-api', 'google-vertex-ai']);
  });

  it('a model that is not a Gemini string, and an Agent or Gemini class from elsewhere, stay quiet', () => {
    assert.deepEqual(found('a.py', ['from google.adk.agents import Agent', 'a = Agent(name="x", model=make_model())']), []);
    assert.deepEqual(found('a.py', ['from myapp.agents import Agent', 'a = Agent(name="x", model="gemini-2.0-flash")']), []);
    assert.deepEqual(found('a.py', ['from myapp.models import Gemini', 'g = Gemini(model="gemini-2.0-flash")']), []);
  });

  it('LiteLlm(model="provider/...") is a LiteLLM model string', () => {
    const text = ['from google.adk.agents import Agent', 'from google.adk.models.lite_llm import LiteLlm', 'a = Agent(name="x", model=LiteLlm(model="anthropic/claude-sonnet-4"))'];
    assert.deepEqual(found('a.py', text), [ANTHROPIC_API]);
  });
});

describe('framework classes: LangChain Google switches', () => {
  const IMP = 'from langchain_google_genai import ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings';

  it('ChatGoogleGenerativeAI is the Gemini API unless vertexai=True, which is Vertex AI in its location', () => {
    assert.deepEqual(found('a.py', [IMP, 'llm = ChatGoogleGenerativeAI(model="gemini-2.5-pro")']), [GEMINI_API]);
    assert.deepEqual(found('a.py', [IMP, 'llm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", vertexai=True, location="europe-west4")']), [vertex('europe-west4')]);
    assert.deepEqual(found('a.py', [IMP, 'llm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", vertexai=True)']), [vertex('global')]);
  });

  it('GOOGLE_GENAI_USE_VERTEXAI or a project= also select Vertex AI', () => {
    assert.deepEqual(found('a.py', [IMP, 'llm = ChatGoogleGenerativeAI(model="gemini-2.5-pro")'], { GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_CLOUD_LOCATION: 'europe-west1' }), [vertex('europe-west1')]);
    assert.deepEqual(found('a.py', [IMP, 'llm = ChatGoogleGenerativeAI(model="gemini-2.5-pro", project=PROJECT_ID, location="europe-west8")']), [vertex('europe-west8')]);
  });

  it('the embeddings class on Vertex AI defaults to us-central1', () => {
    assert.deepEqual(found('a.py', [IMP, 'e = GoogleGenerativeAIEmbeddings(model="text-embedding-004", vertexai=True)']), [vertex('us-central1')]);
  });

  it('ChatVertexAI(location=...) and ChatBedrock / ChatBedrockConverse(region_name=...) keep working; ChatBedrockConverse reads AWS_REGION', () => {
    assert.deepEqual(found('a.py', ['from langchain_google_vertexai import ChatVertexAI', 'llm = ChatVertexAI(model="gemini-2.5-pro", location="europe-west9")']), [vertex('europe-west9')]);
    assert.deepEqual(found('a.py', ['from langchain_aws import ChatBedrock', 'llm = ChatBedrock(model_id="m", region_name="eu-north-1")']), [bedrock('eu-north-1')]);
    assert.deepEqual(found('a.py', ['from langchain_aws import ChatBedrockConverse', 'llm = ChatBedrockConverse(model="m")'], { AWS_REGION: 'eu-south-1' }), [bedrock('eu-south-1')]);
  });
});

describe('framework classes: crewai and strands', () => {
  it('crewai LLM(model="bedrock/...") is Bedrock', () => {
    const r = found('a.py', ['from crewai import LLM', 'llm = LLM(model="bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", aws_region_name="eu-central-1")']);
    assert.deepEqual(r, [bedrock('eu-central-1')]);
  });

  it('strands BedrockModel takes region_name or AWS_REGION; without either the region is unknown (the AWS config, outside the repository, comes before strands\' us-west-2)', () => {
    const imp = 'from strands.models import BedrockModel';
    assert.deepEqual(found('a.py', [imp, 'm = BedrockModel(model_id="eu.amazon.nova-pro-v1:0", region_name="eu-west-1")']), [bedrock('eu-west-1')]);
    assert.deepEqual(found('a.py', [imp, 'm = BedrockModel(model_id="amazon.nova-pro-v1:0")'], { AWS_REGION: 'eu-central-1' }), [bedrock('eu-central-1')]);
    assert.deepEqual(found('a.py', [imp, 'm = BedrockModel(model_id="amazon.nova-pro-v1:0")']), [at('aws-bedrock', null, null)]);
  });

  it('strands AnthropicModel and OpenAIModel: the SDK default, or client_args["base_url"]', () => {
    assert.deepEqual(found('a.py', ['from strands.models.anthropic import AnthropicModel', 'm = AnthropicModel(model_id="claude-sonnet-4", max_tokens=1024)']), [ANTHROPIC_API]);
    assert.deepEqual(found('a.py', ['from strands.models.openai import OpenAIModel', 'm = OpenAIModel(model_id="gpt-4o")']), [at('openai', 'api.openai.com', 'global')]);
    assert.deepEqual(
      found('a.py', ['from strands.models.openai import OpenAIModel', 'm = OpenAIModel(client_args={"api_key": KEY, "base_url": "https://api.mistral.ai/v1"}, model_id="mistral-large-latest")']),
      [at('mistral', 'api.mistral.ai', 'global')],
    );
  });

  it('a BedrockModel from another library stays quiet', () => {
    assert.deepEqual(found('a.py', ['from myorm.models import BedrockModel', 'row = BedrockModel(region_name="us-east-1")']), []);
  });
});

describe('framework classes: Claude Agent SDK', () => {
  const PY = ['from claude_agent_sdk import query, ClaudeAgentOptions', 'async def main():', '    async for message in query(prompt="Summarise the notes", options=ClaudeAgentOptions()):', '        print(message)'];
  const TS = ['import { query } from "@anthropic-ai/claude-agent-sdk";', 'for await (const message of query({ prompt: "Summarise the notes" })) console.log(message);'];

  it('query() and ClaudeSDKClient use the Anthropic API by default, in Python and TypeScript', () => {
    assert.deepEqual(found('a.py', PY), [ANTHROPIC_API]);
    assert.deepEqual(found('a.ts', TS), [ANTHROPIC_API]);
    assert.deepEqual(found('a.py', ['from claude_agent_sdk import ClaudeSDKClient', 'client = ClaudeSDKClient()']), [ANTHROPIC_API]);
  });

  it('CLAUDE_CODE_USE_BEDROCK moves it to Bedrock in AWS_REGION, CLAUDE_CODE_USE_VERTEX to Vertex AI in CLOUD_ML_REGION', () => {
    assert.deepEqual(found('a.py', PY, { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-central-1' }), [bedrock('eu-central-1')]);
    assert.deepEqual(found('a.ts', TS, { CLAUDE_CODE_USE_VERTEX: '1', CLOUD_ML_REGION: 'europe-west1' }), [vertex('europe-west1')]);
    // Bedrock without AWS_REGION: Claude Code requires it, so the region is unknown, not guessed.
    assert.deepEqual(found('a.py', PY, { CLAUDE_CODE_USE_BEDROCK: '1' }), [at('aws-bedrock', null, null)]);
  });

  it('a query() from another module stays quiet', () => {
    assert.deepEqual(found('a.ts', ['import { query } from "./db";', 'const rows = query({ sql: "select 1" });']), []);
    assert.deepEqual(found('a.py', ['from app.db import query', 'rows = query(prompt="select 1")']), []);
  });
});

describe('framework classes: LlamaIndex', () => {
  it('Gemini and GoogleGenAI are the Gemini API; GoogleGenAI with vertexai_config is Vertex AI in its location', () => {
    assert.deepEqual(found('a.py', ['from llama_index.llms.gemini import Gemini', 'llm = Gemini(model="models/gemini-1.5-flash")']), [GEMINI_API]);
    assert.deepEqual(found('a.py', ['from llama_index.llms.google_genai import GoogleGenAI', 'llm = GoogleGenAI(model="gemini-2.0-flash")']), [GEMINI_API]);
    assert.deepEqual(
      found('a.py', ['from llama_index.llms.google_genai import GoogleGenAI', 'llm = GoogleGenAI(model="gemini-2.0-flash", vertexai_config={"project": "acme", "location": "europe-west4"})']),
      [vertex('europe-west4')],
    );
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.gemini import GeminiEmbedding', 'e = GeminiEmbedding(model_name="models/embedding-001")']), [GEMINI_API]);
  });

  it('MistralAI, OpenAILike(api_base=...), OpenAI, Anthropic', () => {
    assert.deepEqual(found('a.py', ['from llama_index.llms.mistralai import MistralAI', 'llm = MistralAI(model="mistral-large-latest")']), [at('mistral', 'api.mistral.ai', 'global')]);
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.mistralai import MistralAIEmbedding', 'e = MistralAIEmbedding(model_name="mistral-embed")']).map((e) => e.provider), ['mistral']);
    assert.deepEqual(found('a.py', ['from llama_index.llms.openai_like import OpenAILike', 'llm = OpenAILike(model="m", api_base="https://api.together.xyz/v1")']).map((e) => e.provider), ['together']);
    assert.deepEqual(found('a.py', ['from llama_index.llms.openai import OpenAI', 'llm = OpenAI(model="gpt-4o")']), [at('openai', 'api.openai.com', 'global')]);
    assert.deepEqual(found('a.py', ['from llama_index.llms.anthropic import Anthropic', 'llm = Anthropic(model="claude-sonnet-4")']), [ANTHROPIC_API]);
  });

  it('Bedrock, BedrockConverse and BedrockEmbedding take region_name; Vertex takes location', () => {
    assert.deepEqual(found('a.py', ['from llama_index.llms.bedrock_converse import BedrockConverse', 'llm = BedrockConverse(model="m", region_name="eu-west-1")']), [bedrock('eu-west-1')]);
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.bedrock import BedrockEmbedding', 'e = BedrockEmbedding(model_name="amazon.titan-embed-text-v2:0", region_name="eu-central-1")']), [bedrock('eu-central-1')]);
    assert.deepEqual(found('a.py', ['from llama_index.llms.vertex import Vertex', 'llm = Vertex(model="gemini-pro", project="acme", location="europe-west3")']), [vertex('europe-west3')]);
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.vertex import VertexTextEmbedding', 'e = VertexTextEmbedding(project="acme", location="europe-west1")']), [vertex('europe-west1')]);
  });

  it('a BedrockEmbedding or Vertex class of another library stays quiet', () => {
    assert.deepEqual(found('a.py', ['from .embedding import BedrockEmbedding', 'e = BedrockEmbedding(model_id="m", region="us-east-1")']), []);
    assert.deepEqual(found('a.py', ['from geometry import Vertex', 'v = Vertex(location="europe-west3")']), []);
  });
});

describe('Voyage AI', () => {
  it('voyageai.Client, LangChain and LlamaIndex embeddings reach api.voyageai.com', () => {
    const voyage = at('voyage-ai', 'api.voyageai.com', 'unknown');
    assert.deepEqual(found('a.py', ['import voyageai', 'vo = voyageai.Client()']), [voyage]);
    assert.deepEqual(found('a.py', ['import voyageai', 'vo = voyageai.AsyncClient(api_key=key)']), [voyage]);
    assert.deepEqual(found('a.py', ['from langchain_voyageai import VoyageAIEmbeddings', 'e = VoyageAIEmbeddings(model="voyage-3")']), [voyage]);
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.voyageai import VoyageEmbedding', 'e = VoyageEmbedding(model_name="voyage-3")']), [voyage]);
    assert.deepEqual(found('a.ts', ['import { VoyageEmbeddings } from "@langchain/community/embeddings/voyage";', 'const e = new VoyageEmbeddings({ inputType: "document" });']), [voyage]);
    assert.deepEqual(found('a.py', ['import requests', 'r = requests.post("https://api.voyageai.com/v1/embeddings", json=body)']), [voyage]);
    assert.deepEqual(found('a.py', ['import litellm', 'r = litellm.embedding(model="voyage/voyage-3", input=["x"])']), [voyage]);
  });

  it('its unknown facts are null, never a guess, and each names the page read', () => {
    const e = engine.analyze('a.py', 'import voyageai\nvo = voyageai.Client()\n').endpoints[0]!;
    assert.equal(e.euResident, null);
    assert.equal(e.baaAvailable, null);
    const provider = catalog.providers.find((p) => p.id === 'voyage-ai')!;
    for (const [name, fact] of Object.entries(provider.posture)) {
      assert.equal(fact.value, null, `${name} has no vendor page stating it`);
      assert.ok(fact.note && fact.sources.length > 0, `${name} says why and cites what was read`);
    }
  });

  it('a client named Client from another module stays quiet', () => {
    assert.deepEqual(found('a.py', ['import httpx', 'c = httpx.Client(base_url="https://example.com")']), []);
  });
});
