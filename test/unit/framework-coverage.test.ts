// Provider classes of the LangChain partner packages (Python and JS), LlamaIndex's
// TypeScript and Python integrations, and the ollama libraries' default client: each goes
// to its library's default host, follows the base-URL option and the env variable the
// library reads, and a class of the same name from another package stays quiet.
import * as assert from 'node:assert/strict';
import { targets as found, type Placed as Found } from '../support/found';

const at = (provider: string, host: string | null, region: string | null = 'global'): Found => ({ provider, host, region });
/** A private server given as the base URL: self-hosted at that address. */
const PRIVATE_URL = 'http://10.20.30.40:8000/v1';
const PRIVATE = at('self-hosted', '10.20.30.40', 'self');

describe('framework coverage: LangChain partner packages (Python)', () => {
  it('langchain_cohere ChatCohere and CohereEmbeddings reach Cohere, base_url or CO_API_URL elsewhere', () => {
    const imp = 'from langchain_cohere import ChatCohere, CohereEmbeddings';
    assert.deepEqual(found('a.py', [imp, 'llm = ChatCohere(model="command-r-plus")']), [at('cohere', 'api.cohere.com')]);
    assert.deepEqual(found('a.py', [imp, `emb = CohereEmbeddings(model="embed-v4.0", base_url="${PRIVATE_URL}")`]), [PRIVATE]);
    assert.deepEqual(found('a.py', [imp, 'emb = CohereEmbeddings(model="embed-v4.0")'], { CO_API_URL: PRIVATE_URL }), [PRIVATE]);
    assert.deepEqual(found('a.py', ['from langchain_cohere.chat_models import ChatCohere', 'llm = ChatCohere()']), [at('cohere', 'api.cohere.com')]);
  });

  it('langchain_fireworks ChatFireworks follows base_url and FIREWORKS_API_BASE; FireworksEmbeddings is fixed to Fireworks', () => {
    const imp = 'from langchain_fireworks import ChatFireworks, FireworksEmbeddings';
    const chat = 'llm = ChatFireworks(model="accounts/fireworks/models/llama-v3p1-70b-instruct")';
    assert.deepEqual(found('a.py', [imp, chat]), [at('fireworks', 'api.fireworks.ai')]);
    assert.deepEqual(found('a.py', [imp, `llm = ChatFireworks(model="m", base_url="${PRIVATE_URL}")`]), [PRIVATE]);
    assert.deepEqual(found('a.py', [imp, chat], { FIREWORKS_API_BASE: PRIVATE_URL }), [PRIVATE]);
    assert.deepEqual(found('a.py', [imp, 'emb = FireworksEmbeddings()'], { FIREWORKS_API_BASE: PRIVATE_URL }), [at('fireworks', 'api.fireworks.ai')]);
  });

  it('langchain_together ChatTogether and TogetherEmbeddings follow base_url and TOGETHER_API_BASE', () => {
    const imp = 'from langchain_together import ChatTogether, TogetherEmbeddings';
    assert.deepEqual(found('a.py', [imp, 'llm = ChatTogether(model="meta-llama/Llama-3-70b-chat-hf")']), [at('together', 'api.together.xyz')]);
    assert.deepEqual(found('a.py', [imp, `emb = TogetherEmbeddings(model="m", base_url="${PRIVATE_URL}")`]), [PRIVATE]);
    assert.deepEqual(found('a.py', [imp, 'emb = TogetherEmbeddings(model="m")'], { TOGETHER_API_BASE: PRIVATE_URL }), [PRIVATE]);
  });

  it('langchain_deepseek ChatDeepSeek follows api_base and DEEPSEEK_API_BASE', () => {
    const imp = 'from langchain_deepseek import ChatDeepSeek';
    assert.deepEqual(found('a.py', [imp, 'llm = ChatDeepSeek(model="deepseek-chat")']), [at('deepseek', 'api.deepseek.com', 'cn')]);
    assert.deepEqual(found('a.py', [imp, `llm = ChatDeepSeek(model="deepseek-chat", api_base="${PRIVATE_URL}")`]), [PRIVATE]);
    assert.deepEqual(found('a.py', [imp, 'llm = ChatDeepSeek(model="deepseek-chat")'], { DEEPSEEK_API_BASE: PRIVATE_URL }), [PRIVATE]);
  });

  it('langchain_xai ChatXAI follows xai_api_base', () => {
    const imp = 'from langchain_xai import ChatXAI';
    assert.deepEqual(found('a.py', [imp, 'llm = ChatXAI(model="grok-4")']), [at('xai', 'api.x.ai')]);
    assert.deepEqual(found('a.py', [imp, `llm = ChatXAI(model="grok-4", xai_api_base="${PRIVATE_URL}")`]), [PRIVATE]);
  });

  it('ChatPerplexity from langchain_perplexity or langchain_community reaches Perplexity', () => {
    assert.deepEqual(found('a.py', ['from langchain_perplexity import ChatPerplexity', 'llm = ChatPerplexity(model="sonar")']), [at('perplexity', 'api.perplexity.ai')]);
    assert.deepEqual(found('a.py', ['from langchain_community.chat_models import ChatPerplexity', 'llm = ChatPerplexity(model="sonar")']), [at('perplexity', 'api.perplexity.ai')]);
  });

  it('langchain_groq ChatGroq follows GROQ_API_BASE, then the groq client\'s GROQ_BASE_URL', () => {
    const code = ['from langchain_groq import ChatGroq', 'llm = ChatGroq(model="llama-3.3-70b-versatile")'];
    assert.deepEqual(found('a.py', code), [at('groq', 'api.groq.com')]);
    assert.deepEqual(found('a.py', code, { GROQ_API_BASE: PRIVATE_URL }), [PRIVATE]);
    assert.deepEqual(found('a.py', code, { GROQ_BASE_URL: PRIVATE_URL }), [PRIVATE]);
  });

  it('langchain_community ChatLiteLLM takes its provider from the model string, as LiteLLM does', () => {
    const imp = 'from langchain_community.chat_models import ChatLiteLLM';
    assert.deepEqual(found('a.py', [imp, 'llm = ChatLiteLLM(model="groq/llama-3.1-8b-instant")']).map((e) => e.provider), ['groq']);
    assert.deepEqual(found('a.py', [imp, 'llm = ChatLiteLLM(model="mistral/mistral-large-latest")']).map((e) => e.provider), ['mistral']);
  });

  it('classes of the same names from another package stay quiet', () => {
    for (const cls of ['ChatCohere', 'ChatFireworks', 'FireworksEmbeddings', 'ChatTogether', 'ChatDeepSeek', 'ChatXAI', 'ChatPerplexity']) {
      assert.deepEqual(found('a.py', [`from acme.models import ${cls}`, `llm = ${cls}(model="m")`]), [], cls);
    }
  });
});

describe('framework coverage: LangChain partner packages (JS)', () => {
  it('@langchain/cohere ChatCohere and CohereEmbeddings reach Cohere', () => {
    const imp = 'import { ChatCohere, CohereEmbeddings } from "@langchain/cohere";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new ChatCohere({ model: "command-r-plus" });']), [at('cohere', 'api.cohere.com')]);
    assert.deepEqual(found('a.ts', [imp, 'const emb = new CohereEmbeddings({ model: "embed-v4.0" });']), [at('cohere', 'api.cohere.com')]);
  });

  it('@langchain/fireworks ChatFireworks follows configuration.baseURL and FIREWORKS_API_BASE', () => {
    const imp = 'import { ChatFireworks } from "@langchain/fireworks";';
    const chat = 'const llm = new ChatFireworks({ model: "accounts/fireworks/models/llama-v3p1-8b-instruct" });';
    assert.deepEqual(found('a.ts', [imp, chat]), [at('fireworks', 'api.fireworks.ai')]);
    assert.deepEqual(found('a.ts', [imp, `const llm = new ChatFireworks({ model: "m", configuration: { baseURL: "${PRIVATE_URL}" } });`]), [PRIVATE]);
    assert.deepEqual(found('a.ts', [imp, chat], { FIREWORKS_API_BASE: PRIVATE_URL }), [PRIVATE]);
  });

  it('@langchain/together-ai, @langchain/deepseek and @langchain/xai reach their vendors, or the base URL given', () => {
    assert.deepEqual(found('a.ts', ['import { ChatTogetherAI } from "@langchain/together-ai";', 'const llm = new ChatTogetherAI({ model: "m" });']), [at('together', 'api.together.xyz')]);
    assert.deepEqual(found('a.ts', ['import { TogetherAIEmbeddings } from "@langchain/together-ai";', 'const emb = new TogetherAIEmbeddings({ model: "m" });']), [at('together', 'api.together.xyz')]);
    assert.deepEqual(found('a.ts', ['import { ChatDeepSeek } from "@langchain/deepseek";', 'const llm = new ChatDeepSeek({ model: "deepseek-reasoner" });']), [at('deepseek', 'api.deepseek.com', 'cn')]);
    assert.deepEqual(
      found('a.ts', ['import { ChatDeepSeek } from "@langchain/deepseek";', `const llm = new ChatDeepSeek({ model: "m", configuration: { baseURL: "${PRIVATE_URL}" } });`]),
      [PRIVATE],
    );
    assert.deepEqual(found('a.ts', ['import { ChatXAI } from "@langchain/xai";', 'const llm = new ChatXAI({ model: "grok-3" });']), [at('xai', 'api.x.ai')]);
    assert.deepEqual(found('a.ts', ['import { ChatXAI } from "@langchain/xai";', `const llm = new ChatXAI({ model: "grok-3", baseURL: "${PRIVATE_URL}" });`]), [PRIVATE]);
  });

  it('@langchain/groq ChatGroq follows baseUrl; @langchain/perplexity ChatPerplexity reaches Perplexity', () => {
    const imp = 'import { ChatGroq } from "@langchain/groq";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new ChatGroq({ model: "llama-3.3-70b-versatile" });']), [at('groq', 'api.groq.com')]);
    assert.deepEqual(found('a.ts', [imp, `const llm = new ChatGroq({ model: "m", baseUrl: "${PRIVATE_URL}" });`]), [PRIVATE]);
    assert.deepEqual(found('a.ts', ['import { ChatPerplexity } from "@langchain/perplexity";', 'const llm = new ChatPerplexity({ model: "sonar" });']), [at('perplexity', 'api.perplexity.ai')]);
  });

  it('@langchain/ibm ChatWatsonx takes its serviceUrl, and without one the region is unknown', () => {
    const imp = 'import { ChatWatsonx } from "@langchain/ibm";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new ChatWatsonx({ model: "m", serviceUrl: process.env.SERVICE_URL, version: "2024-05-31" });']), [at('ibm-watsonx', null, null)]);
    const eu = found('a.ts', [imp, 'const llm = new ChatWatsonx({ model: "ibm/granite-3-8b-instruct", serviceUrl: "https://eu-de.ml.cloud.ibm.com", version: "2024-05-31" });']);
    assert.deepEqual(eu.map((e) => [e.provider, e.host]), [['ibm-watsonx', 'eu-de.ml.cloud.ibm.com']]);
  });

  it('classes of the same names from another package stay quiet', () => {
    for (const cls of ['ChatCohere', 'ChatFireworks', 'ChatTogetherAI', 'ChatDeepSeek', 'ChatXAI', 'ChatGroq', 'ChatPerplexity', 'ChatWatsonx']) {
      assert.deepEqual(found('a.ts', [`import { ${cls} } from "@acme/models";`, `const llm = new ${cls}({ model: "m" });`]), [], cls);
    }
  });
});

describe('framework coverage: LlamaIndex TypeScript', () => {
  it('@llamaindex/openai OpenAI and OpenAIEmbedding reach OpenAI, or their baseURL', () => {
    const imp = 'import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new OpenAI({ model: "gpt-4o-mini" });']), [at('openai', 'api.openai.com')]);
    assert.deepEqual(found('a.ts', [imp, 'const emb = new OpenAIEmbedding({ model: "text-embedding-3-small" });']), [at('openai', 'api.openai.com')]);
    assert.deepEqual(found('a.ts', [imp, `const emb = new OpenAIEmbedding({ model: "m", baseURL: "${PRIVATE_URL}" });`]), [PRIVATE]);
  });

  it('the azure option makes @llamaindex/openai Azure OpenAI, at azure.endpoint or AZURE_OPENAI_ENDPOINT', () => {
    const imp = 'import { OpenAI, OpenAIEmbedding } from "@llamaindex/openai";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new OpenAI({ model: "gpt-4o", azure: { endpoint: "https://acme-chat.openai.azure.com", deployment: "gpt-4o" } });']), [
      at('azure-openai', 'acme-chat.openai.azure.com', null),
    ]);
    assert.deepEqual(found('a.ts', [imp, 'const emb = new OpenAIEmbedding({ azure: { deployment: "embed" } });'], { AZURE_OPENAI_ENDPOINT: 'https://acme-embed.openai.azure.com/' }), [
      at('azure-openai', 'acme-embed.openai.azure.com', null),
    ]);
  });

  it('@llamaindex/google Gemini is the Gemini API, and Vertex AI in its location with the vertex option', () => {
    const imp = 'import { Gemini, GeminiEmbedding, GEMINI_MODEL } from "@llamaindex/google";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new Gemini({ model: GEMINI_MODEL.GEMINI_2_0_FLASH });']), [at('google-gemini-api', 'generativelanguage.googleapis.com')]);
    assert.deepEqual(found('a.ts', [imp, 'const emb = new GeminiEmbedding();']), [at('google-gemini-api', 'generativelanguage.googleapis.com')]);
    assert.deepEqual(found('a.ts', [imp, 'const llm = new Gemini({ vertex: { project: "acme", location: "europe-west4" } });']), [
      at('google-vertex-ai', 'europe-west4-aiplatform.googleapis.com', 'europe-west4'),
    ]);
  });

  it('@llamaindex/mistral, anthropic, groq, deepseek, fireworks, together, xai and perplexity reach their vendors', () => {
    const cases: [string, string, Found][] = [
      ['mistral', 'MistralAI', at('mistral', 'api.mistral.ai')],
      ['mistral', 'MistralAIEmbedding', at('mistral', 'api.mistral.ai')],
      ['anthropic', 'Anthropic', at('anthropic', 'api.anthropic.com')],
      ['groq', 'Groq', at('groq', 'api.groq.com')],
      ['deepseek', 'DeepSeekLLM', at('deepseek', 'api.deepseek.com', 'cn')],
      ['fireworks', 'FireworksLLM', at('fireworks', 'api.fireworks.ai')],
      ['fireworks', 'FireworksEmbedding', at('fireworks', 'api.fireworks.ai')],
      ['together', 'TogetherLLM', at('together', 'api.together.xyz')],
      ['xai', 'XAILLM', at('xai', 'api.x.ai')],
      ['perplexity', 'Perplexity', at('perplexity', 'api.perplexity.ai')],
    ];
    for (const [pkg, cls, expected] of cases) {
      assert.deepEqual(found('a.ts', [`import { ${cls} } from "@llamaindex/${pkg}";`, `const llm = new ${cls}({ model: "m" });`]), [expected], cls);
    }
    assert.deepEqual(
      found('a.ts', ['import { TogetherLLM } from "@llamaindex/together";', `const llm = new TogetherLLM({ model: "m", additionalSessionOptions: { baseURL: "${PRIVATE_URL}" } });`]),
      [PRIVATE],
    );
  });

  it('@llamaindex/ollama Ollama and OllamaEmbedding are self-hosted at config.host, else 127.0.0.1', () => {
    const imp = 'import { Ollama, OllamaEmbedding } from "@llamaindex/ollama";';
    assert.deepEqual(found('a.ts', [imp, 'const emb = new OllamaEmbedding({ model: "nomic-embed-text" });']), [at('self-hosted', '127.0.0.1', 'self')]);
    assert.deepEqual(found('a.ts', [imp, 'const llm = new Ollama({ model: "llama3.1", config: { host: "http://10.20.30.40:11434" } });']), [PRIVATE]);
  });

  it('classes of the same names from another package stay quiet', () => {
    for (const cls of ['Gemini', 'GeminiEmbedding', 'MistralAI', 'MistralAIEmbedding', 'OpenAIEmbedding', 'OllamaEmbedding', 'DeepSeekLLM', 'TogetherLLM', 'XAILLM']) {
      assert.deepEqual(found('a.ts', [`import { ${cls} } from "@acme/llms";`, `const llm = new ${cls}({ model: "m" });`]), [], cls);
    }
  });
});

describe('framework coverage: LlamaIndex Python embeddings', () => {
  it('AzureOpenAIEmbedding is Azure OpenAI at azure_endpoint or AZURE_OPENAI_ENDPOINT', () => {
    const imp = 'from llama_index.embeddings.azure_openai import AzureOpenAIEmbedding';
    assert.deepEqual(found('a.py', [imp, 'emb = AzureOpenAIEmbedding(model="text-embedding-3-large", deployment_name="emb", azure_endpoint="https://acme.openai.azure.com/", api_version="2024-02-01")']), [
      at('azure-openai', 'acme.openai.azure.com', null),
    ]);
    assert.deepEqual(found('a.py', [imp, 'emb = AzureOpenAIEmbedding(deployment_name="emb")'], { AZURE_OPENAI_ENDPOINT: 'https://acme-se.openai.azure.com' }), [
      at('azure-openai', 'acme-se.openai.azure.com', null),
    ]);
  });

  it('OllamaEmbedding is self-hosted at base_url, else localhost', () => {
    const imp = 'from llama_index.embeddings.ollama import OllamaEmbedding';
    assert.deepEqual(found('a.py', [imp, 'emb = OllamaEmbedding(model_name="nomic-embed-text")']), [at('self-hosted', 'localhost', 'self')]);
    assert.deepEqual(found('a.py', [imp, 'emb = OllamaEmbedding(model_name="nomic-embed-text", base_url="http://10.20.30.40:11434")']), [PRIVATE]);
  });

  it('an AzureOpenAIEmbedding or OllamaEmbedding of another package stays quiet', () => {
    assert.deepEqual(found('a.py', ['from acme.embeddings import AzureOpenAIEmbedding', 'emb = AzureOpenAIEmbedding(model="m")']), []);
    assert.deepEqual(found('a.py', ['from acme.embeddings import OllamaEmbedding', 'emb = OllamaEmbedding(model_name="m")']), []);
  });
});

describe('framework coverage: the ollama default client', () => {
  it('Python ollama.chat() and a function imported from ollama use 127.0.0.1, or OLLAMA_HOST', () => {
    assert.deepEqual(found('a.py', ['import ollama', 'reply = ollama.chat(model="llama3.1", messages=msgs)']), [at('self-hosted', '127.0.0.1', 'self')]);
    assert.deepEqual(found('a.py', ['from ollama import embed', 'vec = embed(model="nomic-embed-text", input="hi")']), [at('self-hosted', '127.0.0.1', 'self')]);
    assert.deepEqual(found('a.py', ['import ollama', 'models = ollama.list()'], { OLLAMA_HOST: 'http://10.20.30.40:11434' }), [PRIVATE]);
  });

  it('JS `import ollama from "ollama"` calls go to 127.0.0.1', () => {
    assert.deepEqual(found('a.ts', ['import ollama from "ollama";', 'const models = await ollama.list();']), [at('self-hosted', '127.0.0.1', 'self')]);
    assert.deepEqual(found('a.js', ['const ollama = require("ollama");', 'const r = await ollama.chat({ model: "llama3.1", messages });']), [at('self-hosted', '127.0.0.1', 'self')]);
  });

  it('a client made by the program, a local chat() and another module\'s default export stay quiet', () => {
    // The client is reported where it is built, once; its method calls are not new endpoints.
    assert.deepEqual(found('a.py', ['from ollama import Client', 'ollama = Client(host="http://10.20.30.40:11434")', 'ollama.chat(model="m", messages=[])']), [PRIVATE]);
    assert.deepEqual(found('a.py', ['def chat(model, messages):', '    return model', 'chat(model="m", messages=[])']), []);
    assert.deepEqual(found('a.ts', ['import ollama from "./my-ollama";', 'await ollama.list();']), []);
  });
});

describe('framework coverage: settings objects of the LangChain JS classes', () => {
  it('ChatOpenAI and OpenAIEmbeddings follow configuration.baseURL; one read from the environment leaves the host unknown', () => {
    const imp = 'import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";';
    assert.deepEqual(found('a.ts', [imp, `const emb = new OpenAIEmbeddings({ configuration: { baseURL: "${PRIVATE_URL}" } });`]), [PRIVATE]);
    assert.deepEqual(found('a.ts', [imp, 'const llm = new ChatOpenAI({ model: "m", configuration: { baseURL: process.env.LLM_BASE_URL } });']), [
      { provider: null, host: null, region: null },
    ]);
  });

  it('ChatMistralAI follows serverURL and ChatAnthropic clientOptions.baseURL', () => {
    assert.deepEqual(found('a.ts', ['import { ChatMistralAI } from "@langchain/mistralai";', `const llm = new ChatMistralAI({ model: "m", serverURL: "${PRIVATE_URL}" });`]), [PRIVATE]);
    assert.deepEqual(found('a.ts', ['import { ChatAnthropic } from "@langchain/anthropic";', `const llm = new ChatAnthropic({ model: "m", clientOptions: { baseURL: "${PRIVATE_URL}" } });`]), [PRIVATE]);
  });

  it('AzureChatOpenAI is Azure OpenAI at its instance name, endpoint or AZURE_OPENAI_API_INSTANCE_NAME', () => {
    const imp = 'import { AzureChatOpenAI, AzureOpenAIEmbeddings } from "@langchain/openai";';
    assert.deepEqual(found('a.ts', [imp, 'const llm = new AzureChatOpenAI({ azureOpenAIApiInstanceName: "acme", azureOpenAIApiDeploymentName: "gpt-4o" });']), [
      at('azure-openai', 'acme.openai.azure.com', null),
    ]);
    assert.deepEqual(found('a.ts', [imp, 'const emb = new AzureOpenAIEmbeddings({ azureOpenAIEndpoint: "https://acme-emb.openai.azure.com/", azureOpenAIApiDeploymentName: "e" });']), [
      at('azure-openai', 'acme-emb.openai.azure.com', null),
    ]);
    assert.deepEqual(found('a.ts', [imp, 'const llm = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: "gpt-4o" });'], { AZURE_OPENAI_API_INSTANCE_NAME: 'acme-se' }), [
      at('azure-openai', 'acme-se.openai.azure.com', null),
    ]);
  });
});

describe('framework coverage: LlamaIndex Python classes of catalog providers', () => {
  it('Cohere, Together, Fireworks, DeepSeek, Perplexity and OpenRouter classes reach their vendors, or their api_base', () => {
    const cases: [string, string, Found][] = [
      ['llama_index.embeddings.cohere', 'CohereEmbedding', at('cohere', 'api.cohere.com')],
      ['llama_index.llms.together', 'TogetherLLM', at('together', 'api.together.xyz')],
      ['llama_index.llms.fireworks', 'Fireworks', at('fireworks', 'api.fireworks.ai')],
      ['llama_index.llms.deepseek', 'DeepSeek', at('deepseek', 'api.deepseek.com', 'cn')],
      ['llama_index.llms.perplexity', 'Perplexity', at('perplexity', 'api.perplexity.ai')],
      ['llama_index.llms.openrouter', 'OpenRouter', at('openrouter', 'openrouter.ai')],
    ];
    for (const [module, cls, expected] of cases) {
      assert.deepEqual(found('a.py', [`from ${module} import ${cls}`, `llm = ${cls}(model="m")`]), [expected], cls);
      assert.deepEqual(found('a.py', [`from acme.llms import ${cls}`, `llm = ${cls}(model="m")`]), [], `${cls} of another package`);
    }
    assert.deepEqual(found('a.py', ['from llama_index.llms.deepseek import DeepSeek', `llm = DeepSeek(model="deepseek-chat", api_base="${PRIVATE_URL}")`]), [PRIVATE]);
    assert.deepEqual(found('a.py', ['from llama_index.embeddings.cohere import CohereEmbedding', 'emb = CohereEmbedding(model_name="embed-v4.0")'], { CO_API_URL: PRIVATE_URL }), [PRIVATE]);
  });
});

describe('framework coverage: databricks-langchain', () => {
  it('ChatDatabricks and DatabricksEmbeddings are Databricks in the workspace DATABRICKS_HOST names, unknown without it', () => {
    const chat = ['from databricks_langchain import ChatDatabricks', 'llm = ChatDatabricks(endpoint="databricks-meta-llama-3-3-70b-instruct")'];
    assert.deepEqual(found('a.py', chat), [at('databricks', null, null)]);
    assert.deepEqual(found('a.py', chat, { DATABRICKS_HOST: 'https://adb-1234567890123456.7.azuredatabricks.net' }), [
      at('databricks', 'adb-1234567890123456.7.azuredatabricks.net', null),
    ]);
    assert.deepEqual(found('a.py', ['from langchain_databricks.embeddings import DatabricksEmbeddings', 'emb = DatabricksEmbeddings(endpoint="databricks-bge-large-en")']), [at('databricks', null, null)]);
    assert.deepEqual(found('a.py', ['from acme.models import ChatDatabricks', 'llm = ChatDatabricks(endpoint="e")']), []);
  });
});
