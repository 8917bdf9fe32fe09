// LLM client code to embed in about 5% of the source files: SDK client constructions,
// base URLs, region options and raw HTTP calls for OpenAI, Azure OpenAI, Anthropic,
// Bedrock, Vertex AI, Gemini, Mistral and LiteLLM, in the shapes real projects use
// (after the labelled corpus in test/fixtures/corpus). Each returns the imports the
// file header needs and a body to place among the file's other code.

import { NOUNS, sentence } from './words.mjs';

const AWS = ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1', 'us-east-1', 'us-west-2'];
const GCP = ['europe-west1', 'europe-west4', 'europe-west9', 'us-central1', 'us-east4'];
const OPENAI_BASE = ['https://api.openai.com/v1', 'https://eu.api.openai.com/v1'];
const GPT = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'o4-mini'];
const CLAUDE = ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'];
const BEDROCK_MODEL = ['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'eu.amazon.nova-lite-v1:0', 'anthropic.claude-3-5-haiku-20241022-v1:0'];
const GEMINI = ['gemini-2.5-flash', 'gemini-2.5-pro'];
const azureResource = (r) => `${r.pick(['contoso', 'northwind', 'acme', 'fabrikam'])}-${r.pick(['eu', 'sweden', 'weu', 'prod', 'us'])}`;
const fn = (r) => `${r.pick(['summarize', 'classify', 'draft', 'translate', 'answer', 'extract'])}_${r.pick(NOUNS)}`;
const camelFn = (r) => fn(r).replace(/_(\w)/g, (_, c) => c.toUpperCase());
const awsConst = (region) => region.toUpperCase().replace(/-/g, '_');
const dotnetRegion = (region) => region.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase()).replace(/^(Eu|Us)/, (m) => m.toUpperCase());

const python = [
  (r) => ({ imports: ['from openai import OpenAI'], body: `client = OpenAI()\n\n\ndef ${fn(r)}(text: str) -> str:\n    """${sentence(r)}."""\n    response = client.chat.completions.create(\n        model="${r.pick(GPT)}",\n        messages=[{"role": "user", "content": f"${sentence(r, 3, 6)}:\\n{text}"}],\n    )\n    return response.choices[0].message.content` }),
  (r) => ({ imports: ['from openai import OpenAI'], body: `OPENAI_BASE_URL = os.environ.get("OPENAI_BASE_URL", "${r.pick(OPENAI_BASE)}")\nclient = OpenAI(base_url=OPENAI_BASE_URL, api_key=os.environ["OPENAI_API_KEY"])` }),
  (r) => ({ imports: ['import anthropic'], body: `client = anthropic.Anthropic()\n\n\ndef ${fn(r)}(text: str) -> str:\n    message = client.messages.create(\n        model="${r.pick(CLAUDE)}",\n        max_tokens=${r.pick([256, 512, 1024])},\n        messages=[{"role": "user", "content": f"${sentence(r, 3, 6)}: {text}"}],\n    )\n    return message.content[0].text` }),
  (r) => ({ imports: ['from anthropic import AnthropicBedrock'], body: `client = AnthropicBedrock(aws_region="${r.pick(AWS)}")` }),
  (r) => ({ imports: ['import boto3'], body: `bedrock_runtime = boto3.client("bedrock-runtime", region_name="${r.pick(AWS)}")\n\n\ndef ${fn(r)}(text: str) -> str:\n    response = bedrock_runtime.converse(\n        modelId="${r.pick(BEDROCK_MODEL)}",\n        messages=[{"role": "user", "content": [{"text": text}]}],\n        inferenceConfig={"maxTokens": 512},\n    )\n    return response["output"]["message"]["content"][0]["text"]` }),
  (r) => ({ imports: ['from google import genai'], body: `genai_client = genai.Client(vertexai=True, project="${r.pick(NOUNS)}-ml", location="${r.pick(GCP)}")` }),
  (r) => ({ imports: ['import vertexai', 'from vertexai.generative_models import GenerativeModel'], body: `LOCATION = "${r.pick(GCP)}"\nvertexai.init(project="${r.pick(NOUNS)}-analytics", location=LOCATION)\nmodel = GenerativeModel("${r.pick(GEMINI)}")` }),
  () => ({ imports: ['from mistralai import Mistral'], body: `mistral = Mistral(api_key=os.environ["MISTRAL_API_KEY"], server_url="https://api.eu.mistral.ai")` }),
  (r) => ({ imports: ['import litellm'], body: `def ${fn(r)}(prompt: str):\n    return litellm.completion(\n        model="bedrock/${r.pick(BEDROCK_MODEL)}",\n        messages=[{"role": "user", "content": prompt}],\n        aws_region_name="${r.pick(AWS)}",\n    )` }),
  (r) => ({ imports: ['from openai import AzureOpenAI'], body: `azure_client = AzureOpenAI(\n    azure_endpoint="https://${azureResource(r)}.openai.azure.com/",\n    api_version="2024-10-21",\n    api_key=os.environ["AZURE_OPENAI_API_KEY"],\n)` }),
  (r) => ({ imports: [], body: `ANTHROPIC_URL = "https://api.anthropic.com/v1/messages"\n\n\ndef ${fn(r)}(prompt: str) -> dict:\n    headers = {"x-api-key": os.environ["ANTHROPIC_API_KEY"], "anthropic-version": "2023-06-01"}\n    body = {"model": "${r.pick(CLAUDE)}", "max_tokens": 512, "messages": [{"role": "user", "content": prompt}]}\n    return requests.post(ANTHROPIC_URL, headers=headers, json=body, timeout=60).json()` }),
  (r) => ({ imports: ['from anthropic import AnthropicVertex'], body: `claude = AnthropicVertex(region="${r.pick(GCP)}", project_id="${r.pick(NOUNS)}-prod")` }),
];

// TypeScript and JavaScript share these; `t` adds the type annotations.
const js = [
  (r, t) => ({ imports: ['import OpenAI from "openai";'], body: `const openai = new OpenAI();\n\nexport async function ${camelFn(r)}(text${t ? ': string' : ''}) {\n  const res = await openai.chat.completions.create({\n    model: "${r.pick(GPT)}",\n    messages: [{ role: "user", content: \`${sentence(r, 3, 6)}: \${text}\` }],\n  });\n  return res.choices[0].message.content;\n}` }),
  (r) => ({ imports: ['import OpenAI from "openai";'], body: `const BASE_URL = "${r.pick(OPENAI_BASE)}";\n\nexport const client = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY,\n  baseURL: BASE_URL,\n});` }),
  (r, t) => ({ imports: ['import Anthropic from "@anthropic-ai/sdk";'], body: `const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\n\nexport async function ${camelFn(r)}(prompt${t ? ': string' : ''}) {\n  const msg = await anthropic.messages.create({ model: "${r.pick(CLAUDE)}", max_tokens: 1024, messages: [{ role: "user", content: prompt }] });\n  return msg.content;\n}` }),
  (r) => ({ imports: ['import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";'], body: `const bedrock = new BedrockRuntimeClient({ region: "${r.pick(AWS)}" });\nconst MODEL_ID = "${r.pick(BEDROCK_MODEL)}";` }),
  (r) => ({ imports: ['import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";', 'import { createGoogleVertex } from "@ai-sdk/google-vertex";'], body: `const bedrockProvider = createAmazonBedrock({ region: "${r.pick(AWS)}" });\nconst vertexProvider = createGoogleVertex({ project: "${r.pick(NOUNS)}-ml", location: "${r.pick(GCP)}" });` }),
  (r) => ({ imports: ['import { GoogleGenAI } from "@google/genai";'], body: `const ai = new GoogleGenAI({\n  vertexai: true,\n  project: process.env.GOOGLE_CLOUD_PROJECT,\n  location: "${r.pick(GCP)}",\n});` }),
  (r, t) => ({ imports: [], body: `export async function ${camelFn(r)}(prompt${t ? ': string' : ''}) {\n  const res = await fetch("https://api.mistral.ai/v1/chat/completions", {\n    method: "POST",\n    headers: { Authorization: \`Bearer \${process.env.MISTRAL_API_KEY}\`, "Content-Type": "application/json" },\n    body: JSON.stringify({ model: "mistral-small-latest", messages: [{ role: "user", content: prompt }] }),\n  });\n  return res.json();\n}` }),
  () => ({ imports: ['import { Mistral } from "@mistralai/mistralai";'], body: `const mistral = new Mistral({\n  apiKey: process.env.MISTRAL_API_KEY,\n  serverURL: "https://api.eu.mistral.ai",\n});` }),
  (r) => ({ imports: ['import { AzureOpenAI } from "openai";'], body: `const azure = new AzureOpenAI({\n  endpoint: "https://${azureResource(r)}.openai.azure.com/",\n  apiVersion: "2024-10-21",\n  deployment: "${r.pick(GPT)}",\n});` }),
];

const go = [
  (r) => ({ imports: ['"github.com/openai/openai-go"', '"github.com/openai/openai-go/option"'], body: `func newOpenAI() openai.Client {\n\treturn openai.NewClient(\n\t\toption.WithAPIKey(os.Getenv("OPENAI_API_KEY")),\n\t\toption.WithBaseURL("${r.pick(OPENAI_BASE)}/"),\n\t)\n}` }),
  (r) => ({ imports: ['"github.com/aws/aws-sdk-go-v2/config"', '"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"'], body: `func newBedrock(ctx context.Context) (*bedrockruntime.Client, error) {\n\tcfg, err := config.LoadDefaultConfig(ctx)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {\n\t\to.Region = "${r.pick(AWS)}"\n\t}), nil\n}` }),
  () => ({ imports: ['"github.com/anthropics/anthropic-sdk-go"'], body: 'var claude = anthropic.NewClient()' }),
  (r) => ({ imports: ['"google.golang.org/genai"'], body: `func newGenAI(ctx context.Context) (*genai.Client, error) {\n\treturn genai.NewClient(ctx, &genai.ClientConfig{\n\t\tProject:  "${r.pick(NOUNS)}-prod",\n\t\tLocation: "${r.pick(GCP)}",\n\t\tBackend:  genai.BackendVertexAI,\n\t})\n}` }),
];

const java = [
  (r) => ({ imports: ['software.amazon.awssdk.regions.Region', 'software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient'], body: `    private final BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder()\n            .region(Region.${awsConst(r.pick(AWS))})\n            .build();` }),
  () => ({ imports: ['com.anthropic.client.AnthropicClient', 'com.anthropic.client.okhttp.AnthropicOkHttpClient'], body: '    private final AnthropicClient claude = AnthropicOkHttpClient.fromEnv();' }),
  (r) => ({ imports: ['com.openai.client.OpenAIClient', 'com.openai.client.okhttp.OpenAIOkHttpClient'], body: `    private static final String BASE_URL = "${r.pick(OPENAI_BASE)}";\n    private final OpenAIClient openai = OpenAIOkHttpClient.builder()\n            .apiKey(System.getenv("OPENAI_API_KEY"))\n            .baseUrl(BASE_URL)\n            .build();` }),
];

const csharp = [
  (r) => ({ imports: ['OpenAI.Chat'], body: `    private readonly ChatClient _chat = new ChatClient(model: "${r.pick(GPT)}", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY"));` }),
  (r) => ({ imports: ['Amazon', 'Amazon.BedrockRuntime'], body: `    private readonly AmazonBedrockRuntimeClient _bedrock = new(RegionEndpoint.${dotnetRegion(r.pick(AWS))});` }),
  (r) => ({ imports: ['Azure', 'Azure.AI.OpenAI'], body: `    private readonly AzureOpenAIClient _azure = new AzureOpenAIClient(\n        new Uri("https://${azureResource(r)}.openai.azure.com/"),\n        new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY")));` }),
];

const rust = [
  (r) => ({ imports: ['use serde_json::json;'], body: `pub async fn ask_claude(prompt: &str) -> Result<serde_json::Value, reqwest::Error> {\n    let body = json!({ "model": "${r.pick(CLAUDE)}", "max_tokens": 512, "messages": [{ "role": "user", "content": prompt }] });\n    reqwest::Client::new()\n        .post("https://api.anthropic.com/v1/messages")\n        .header("x-api-key", std::env::var("ANTHROPIC_API_KEY").unwrap_or_default())\n        .json(&body)\n        .send()\n        .await?\n        .json()\n        .await\n}` }),
  () => ({ imports: ['use async_openai::Client;'], body: 'pub fn openai_client() -> Client<async_openai::config::OpenAIConfig> {\n    Client::new()\n}' }),
  (r) => ({ imports: ['use async_openai::{config::AzureConfig, Client};'], body: `pub fn azure_client() -> Client<AzureConfig> {\n    let config = AzureConfig::new()\n        .with_api_base("https://${azureResource(r)}.openai.azure.com")\n        .with_api_version("2024-10-21")\n        .with_deployment_id("${r.pick(GPT)}");\n    Client::with_config(config)\n}` }),
];

const TEMPLATES = { py: python, ts: js, tsx: js, js, go, java, cs: csharp, rs: rust };

/** Every LLM snippet template for a source kind; call one as `t(r, typed)`. */
export function llmTemplates(kind) {
  const list = TEMPLATES[kind];
  if (!list) throw new Error(`no LLM snippets for ${kind}`);
  return list;
}

/** An LLM snippet for a source file of the given kind. */
export function llmSnippet(r, kind) {
  return r.pick(llmTemplates(kind))(r, kind === 'ts' || kind === 'tsx');
}

// Config entries that configure LLM endpoints, for the config writers.
export const LLM_ENV = [
  (r) => `OPENAI_BASE_URL=${r.pick(OPENAI_BASE)}`,
  () => 'ANTHROPIC_BASE_URL=https://api.anthropic.com',
  (r) => `AZURE_OPENAI_ENDPOINT=https://${azureResource(r)}.openai.azure.com/`,
  () => 'MISTRAL_SERVER_URL=https://api.eu.mistral.ai',
  (r) => `BEDROCK_ENDPOINT=https://bedrock-runtime.${r.pick(AWS)}.amazonaws.com`,
  (r) => `VERTEXAI_LOCATION=${r.pick(GCP)}`,
  () => 'DEEPSEEK_BASE_URL=https://api.deepseek.com',
];
export { AWS, GCP, GPT, BEDROCK_MODEL, GEMINI, CLAUDE, azureResource };
