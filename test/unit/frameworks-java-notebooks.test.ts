// Issue 11, items 2 and 3 (part): regions set outside the Bedrock call (boto3 sessions and
// botocore Config objects), Spring AI (Java builders and Spring Boot properties), and
// notebooks (kernels, languages, and size measured on the code, not the outputs).
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const found = (file: string, text: string, env = workspaceEnv([])) =>
  engine.analyze(file, text, { env }).endpoints.map((e) => ({ provider: e.provider, host: e.host, region: e.region }));
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

describe('boto3: the region set on a session or a Config object', () => {
  it('reads region_name from a Session kept in a variable', () => {
    const text = [
      'import boto3',
      'session = boto3.Session(region_name="eu-west-3")',
      'bedrock = session.client("bedrock-runtime")',
    ].join('\n');
    const result = engine.analyze('a.py', text, { env: workspaceEnv([]) });
    assert.deepEqual(result.endpoints.map((e) => [e.region, e.host]), [['eu-west-3', 'bedrock-runtime.eu-west-3.amazonaws.com']]);
    // The line that decides is the session's region, not the client call.
    assert.equal(lineOf(text, result.endpoints[0]!.range.start), 2);
  });

  it('finds the client whatever the session variable is called', () => {
    const text = [
      'import boto3',
      'aws = boto3.session.Session(profile_name="dev", region_name="us-west-2")',
      'llm = aws.client(service_name="bedrock-runtime")',
    ].join('\n');
    assert.deepEqual(found('a.py', text), [{ provider: 'aws-bedrock', host: 'bedrock-runtime.us-west-2.amazonaws.com', region: 'us-west-2' }]);
  });

  it('still reads a Session chained in place', () => {
    const text = 'import boto3\nc = boto3.Session(region_name="eu-west-1").client("bedrock-runtime")\n';
    assert.deepEqual(found('a.py', text).map((e) => e.region), ['eu-west-1']);
  });

  it('reads region_name from a botocore Config kept in a variable', () => {
    const text = [
      'import boto3',
      'from botocore.config import Config',
      'cfg = Config(region_name="eu-central-1", retries={"max_attempts": 3})',
      'client = boto3.client("bedrock-runtime", config=cfg)',
    ].join('\n');
    assert.deepEqual(found('a.py', text).map((e) => e.region), ['eu-central-1']);
    const dotted = text.replace('from botocore.config import Config', 'import botocore.config').replace('cfg = Config(', 'cfg = botocore.config.Config(');
    assert.deepEqual(found('a.py', dotted).map((e) => e.region), ['eu-central-1']);
  });

  it('lets the Config beat the session, and the call beat both, as botocore does', () => {
    const text = [
      'import boto3',
      'from botocore.config import Config',
      'cfg = Config(region_name="eu-north-1")',
      'session = boto3.Session(region_name="us-east-1")',
      'a = session.client("bedrock-runtime", config=cfg)',
      'b = session.client("bedrock-runtime", region_name="eu-south-1", config=cfg)',
    ].join('\n');
    assert.deepEqual(found('a.py', text).map((e) => e.region).sort(), ['eu-north-1', 'eu-south-1']);
  });

  it('stays quiet for a session that makes an S3 client', () => {
    const text = [
      'import boto3',
      'session = boto3.Session(region_name="us-east-1")',
      's3 = session.client("s3")',
      'other = boto3.Session(region_name="us-east-1").client("s3")',
    ].join('\n');
    assert.deepEqual(found('a.py', text), []);
  });

  it('does not take an HTTP client held in a variable for the client settings', () => {
    // Only settings objects passed by name count; an httpx client's base_url is its own.
    const text = [
      'import boto3, httpx',
      'http = httpx.Client(base_url="https://example.org", region_name="us-east-1")',
      'bedrock = boto3.client("bedrock-runtime", http_client=http)',
    ].join('\n');
    const [endpoint] = engine.analyze('a.py', text, { env: workspaceEnv([]) }).endpoints;
    assert.equal(endpoint?.region, null);
  });
});

/** A notebook with these code cells (each a list of lines), metadata and outputs. */
function notebook(cells: string[][], metadata: object = {}, outputs: object[] = []): string {
  return JSON.stringify({
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
    cells: cells.map((lines) => ({ cell_type: 'code', metadata: {}, outputs, source: lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l)) })),
  }, null, 1);
}
const OPENAI_CELL = ['from openai import OpenAI', 'client = OpenAI()'];

describe('notebooks: the language comes from the metadata, or from the cells', () => {
  const analyze = (text: string, options = {}) => engine.analyze('nb.ipynb', text, { env: workspaceEnv([]), ...options });

  it('reads a notebook whose language fields are empty as Python when its cells look like Python, without a note', () => {
    for (const metadata of [{ kernelspec: { language: '', name: '' }, language_info: { name: '' } }, {}, { kernelspec: { display_name: 'Python 3' } }]) {
      const r = analyze(notebook([OPENAI_CELL], metadata));
      assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com'], JSON.stringify(metadata));
      assert.deepEqual(r.notes, []);
    }
  });

  it('takes the first language field that is filled in: kernelspec, language_info, then the kernel name', () => {
    const r = analyze(notebook([OPENAI_CELL], { kernelspec: { language: '', name: 'python3' }, language_info: { name: '' } }));
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.deepEqual(r.notes, []);
  });

  it('reads the kernels of the other languages the engine knows (TypeScript, Java, C#)', () => {
    const ts = notebook([['import OpenAI from "openai";', 'const client = new OpenAI({ baseURL: "https://api.mistral.ai/v1" });']], { kernelspec: { name: 'tslab', language: 'typescript' } });
    assert.deepEqual(analyze(ts).endpoints.map((e) => e.provider), ['mistral']);
    const java = notebook([['var client = OpenAIOkHttpClient.builder().baseUrl("https://api.deepseek.com").build();']], { kernelspec: { name: 'java', language: 'java' }, language_info: { name: 'Java' } });
    assert.deepEqual(analyze(java).endpoints.map((e) => e.provider), ['deepseek']);
    const csharp = notebook([['var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") });']],
      { kernelspec: { name: '.net-csharp', language: 'C#' } });
    assert.deepEqual(analyze(csharp).endpoints.map((e) => e.provider), ['groq']);
  });

  it('analyses Python-looking cells of a kernel it does not read as Python, and says so', () => {
    const r = analyze(notebook([OPENAI_CELL], { kernelspec: { name: 'sparkkernel', language: 'scala' } }));
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0]!.message, /"scala".*analysed as Python/);
  });

  it('never drops a notebook in another language in silence: a note, and the LLM URLs of its code cells', () => {
    const r = analyze(notebook([
      ['library(httr)', '# see https://api.anthropic.com/v1/messages', 'res <- POST("https://api.openai.com/v1/chat/completions", body = req)'],
    ], { kernelspec: { name: 'ir', language: 'R' }, language_info: { name: 'R' } }));
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com']);
    const text = notebook([['res <- POST("https://api.openai.com/v1/chat/completions")']], { kernelspec: { language: 'R' } });
    const [endpoint] = analyze(text).endpoints;
    assert.equal(text.slice(endpoint!.range.start, endpoint!.range.end), 'https://api.openai.com/v1/chat/completions');
    assert.equal(r.notes.length, 1);
    assert.match(r.notes[0]!.message, /language is "r".*only LLM URLs/);
    // With no language named and nothing that looks like Python, the same.
    const unnamed = analyze(notebook([['res <- POST("https://api.openai.com/v1/chat/completions")']]));
    assert.deepEqual(unnamed.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.match(unnamed.notes[0]!.message, /names no language/);
  });

  it('keeps hosts in the outputs of a notebook in another language quiet', () => {
    const outputs = [{ output_type: 'stream', name: 'stdout', text: ['POST https://api.openai.com/v1/chat/completions 200\n'] }];
    const r = analyze(notebook([['x <- 1']], { kernelspec: { language: 'R' } }, outputs));
    assert.deepEqual(r.endpoints, []);
  });
});

describe('notebooks: the size limit applies to the code cells, not the outputs', () => {
  // About 2 MB of output (an embedded plot), with one client in the code.
  const plot = 'iVBORw0KGgo' + 'A'.repeat(2 * 1024 * 1024);
  const outputs = [{ output_type: 'display_data', data: { 'image/png': plot, 'text/plain': ['POST https://api.anthropic.com/v1/messages'] }, metadata: {} }];
  const big = notebook([OPENAI_CELL, ['print("done")']], { kernelspec: { language: 'python' } }, outputs);

  it('scans a notebook over the limit because of its outputs, and only its code', () => {
    assert.ok(big.length > 1024 * 1024);
    const r = engine.analyze('big.ipynb', big, { env: workspaceEnv([]), maxFileSize: 1024 * 1024 });
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.deepEqual(r.notes, []);
  });

  it('reports a notebook whose code cells are over the limit, as too large', () => {
    const code = notebook([OPENAI_CELL, [`DATA = "${'x'.repeat(4096)}"`]], { kernelspec: { language: 'python' } });
    const r = engine.analyze('code.ipynb', code, { env: workspaceEnv([]), maxFileSize: 2048 });
    assert.deepEqual(r.endpoints, []);
    assert.equal(r.notes[0]?.kind, 'skipped-too-large');
    assert.match(r.notes[0].message, /code cells hold 5 KB, over the 2 KB limit/);
  });

  it('is read by the CLI past maxFileSizeKb, where the outputs make it large', () => {
    const r = runCli(['scan', '.', '--format', 'json'], tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\nmaxFileSizeKb: 1024\n', 'big.ipynb': big }));
    const out = JSON.parse(r.stdout) as { endpoints: { host: string }[]; findings: { ruleId: string }[] };
    assert.deepEqual(out.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC002']);
  });

  it('reports a notebook over the read limit for notebooks, and any other file over the limit itself', () => {
    const r = engine.analyze('huge.ipynb', big, { env: workspaceEnv([]), maxFileSize: 16 * 1024 });
    assert.deepEqual(r.endpoints, []);
    assert.match(r.notes[0]!.message, /over the 1\.0 MB limit \(64 times policy maxFileSizeKb, for a notebook with its outputs\)/);
    const py = engine.analyze('big.py', 'from openai import OpenAI\nclient = OpenAI()\n' + '#'.repeat(4096), { maxFileSize: 2048 });
    assert.deepEqual(py.endpoints, []);
    assert.match(py.notes[0]!.message, /over the 2 KB limit \(policy maxFileSizeKb\)$/);
  });
});

describe('Spring AI in Java: the API objects carry the endpoint', () => {
  const java = (body: string): string => `package demo;\n\nclass AiConfig {\n${body}\n}\n`;
  const of = (text: string) => found('AiConfig.java', text);

  it('reads OpenAiApi.builder().baseUrl(...), and its default without one', () => {
    const text = java([
      '  OpenAiApi deepseek() { return OpenAiApi.builder().baseUrl("https://api.deepseek.com").apiKey(key).build(); }',
      '  OpenAiApi openai() { return OpenAiApi.builder().apiKey(key).build(); }',
      '  MistralAiApi mistral() { return new MistralAiApi(key); }',
      '  AnthropicApi claude() { return AnthropicApi.builder().apiKey(key).build(); }',
      '  OllamaApi local() { return OllamaApi.builder().baseUrl("http://localhost:11434").build(); }',
    ].join('\n'));
    assert.deepEqual(of(text).map((e) => [e.provider, e.host]), [
      ['deepseek', 'api.deepseek.com'], ['openai', 'api.openai.com'], ['mistral', 'api.mistral.ai'], ['anthropic', 'api.anthropic.com'], ['self-hosted', 'localhost'],
    ]);
  });

  it('reports a chat model built on an API object where that object is built, not again with a default', () => {
    const text = java([
      '  ChatModel chat(OpenAiApi api) { return OpenAiChatModel.builder().openAiApi(api).build(); }',
      '  ChatModel claude(AnthropicApi anthropicApi) { return AnthropicChatModel.builder().anthropicApi(anthropicApi).build(); }',
      '  ChatModel gemini(VertexAI vertex) { return VertexAiGeminiChatModel.builder().vertexAI(vertex).build(); }',
    ].join('\n'));
    assert.deepEqual(of(text), []);
    // LangChain4j's classes of the same names still have their default.
    assert.deepEqual(of(java('  ChatModel lc() { return OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o").build(); }')).map((e) => e.host), ['api.openai.com']);
  });

  it('reads the Azure SDK\'s OpenAIClientBuilder that AzureOpenAiChatModel is given', () => {
    const text = java([
      '  ChatModel azure() {',
      '    var clientBuilder = new OpenAIClientBuilder().credential(new AzureKeyCredential(key)).endpoint("https://contoso-eu.openai.azure.com/");',
      '    return AzureOpenAiChatModel.builder().openAIClientBuilder(clientBuilder).build();',
      '  }',
    ].join('\n'));
    assert.deepEqual(of(text).map((e) => [e.provider, e.host]), [['azure-openai', 'contoso-eu.openai.azure.com']]);
  });

  it('reads BedrockProxyChatModel\'s region, and the us-east-1 it falls back to', () => {
    const text = java([
      '  ChatModel eu() { return BedrockProxyChatModel.builder().credentialsProvider(creds).region(Region.EU_CENTRAL_1).build(); }',
      '  ChatModel other() { return BedrockProxyChatModel.builder().credentialsProvider(creds).build(); }',
      '  ChatModel given(BedrockRuntimeClient client) { return BedrockProxyChatModel.builder().bedrockRuntimeClient(client).build(); }',
    ].join('\n'));
    assert.deepEqual(of(text).map((e) => e.region), ['eu-central-1', 'us-east-1']);
    // In the editor, where the env files are not read, the default holds only while AWS_REGION is unset.
    const [, fallback] = engine.analyze('AiConfig.java', text).endpoints;
    assert.deepEqual(fallback?.conditions, ['Unless AWS_REGION is set where it runs.']);
  });

  it('reads the location of a VertexAI, by constructor or builder', () => {
    const text = java([
      '  VertexAI eu() { return new VertexAI("my-project", "europe-west4"); }',
      '  VertexAI us() { return new VertexAI.Builder().setProjectId("my-project").setLocation("us-central1").build(); }',
    ].join('\n'));
    assert.deepEqual(of(text).map((e) => [e.provider, e.region]), [['google-vertex-ai', 'europe-west4'], ['google-vertex-ai', 'us-central1']]);
  });
});

describe('Spring AI starters: spring.ai.* properties in application.yml and .properties', () => {
  const endpoints = (file: string, text: string, env = workspaceEnv([])) => engine.analyze(file, text, { env }).endpoints;
  const set = (name: string, value: string) => workspaceEnv([{ name, value, file: '.env', line: 1 }]);

  it('gives the starter\'s default host when only the API key is set, at the key\'s line', () => {
    const yml = 'spring:\n  application:\n    name: demo\n  ai:\n    openai:\n      api-key: ${OPENAI_API_KEY}\n      chat:\n        options:\n          model: gpt-4o\n';
    const [e] = endpoints('src/main/resources/application.yml', yml);
    assert.deepEqual([e?.provider, e?.host, lineOf(yml, e!.range.start)], ['openai', 'api.openai.com', 6]);
    const props = 'spring.ai.anthropic.api-key=${ANTHROPIC_API_KEY}\nspring.ai.mistralai.api-key=x\n';
    assert.deepEqual(endpoints('application.properties', props).map((x) => x.host), ['api.anthropic.com', 'api.mistral.ai']);
  });

  it('reads base-url, endpoint, location and region however the keys are nested or spelt', () => {
    const yml = [
      'spring.ai:',
      '  openai.baseUrl: https://api.groq.com/openai',
      '  azure:',
      '    openai:',
      '      endpoint: https://contoso-eu.openai.azure.com/',
      '  vertex.ai.gemini:',
      '    project-id: p',
      '    location: europe-west4',
      '  bedrock:',
      '    aws:',
      '      region: eu-west-1',
      '  ollama:',
      '    base_url: http://localhost:11434',
    ].join('\n');
    assert.deepEqual(endpoints('application-eu.yaml', yml).map((e) => [e.provider, e.host, e.region]), [
      ['groq', 'api.groq.com', 'global'],
      ['azure-openai', 'contoso-eu.openai.azure.com', null],
      ['google-vertex-ai', 'europe-west4-aiplatform.googleapis.com', 'europe-west4'],
      ['aws-bedrock', 'bedrock-runtime.eu-west-1.amazonaws.com', 'eu-west-1'],
      ['self-hosted', 'localhost', 'self'],
    ]);
  });

  it('takes a model\'s own base-url (spring.ai.openai.chat.base-url) in place of the default', () => {
    const props = 'spring.ai.openai.api-key=k\nspring.ai.openai.chat.base-url=https://api.together.xyz\n';
    assert.deepEqual(endpoints('application.properties', props).map((e) => e.provider), ['together']);
  });

  it('reads ${VAR:default}: the workspace\'s value when it sets VAR, else the default, said so', () => {
    const props = 'spring.ai.openai.base-url=${OPENAI_BASE_URL:https://api.openai.com}\n';
    const fromEnv = endpoints('application.properties', props, set('OPENAI_BASE_URL', 'https://api.mistral.ai'));
    assert.deepEqual(fromEnv.map((e) => [e.provider, e.env?.map((x) => x.name)]), [['mistral', ['OPENAI_BASE_URL']]]);
    const unset = endpoints('application.properties', props);
    assert.deepEqual(unset.map((e) => [e.host, e.conditions]), [['api.openai.com', []]]);
    assert.match(unset[0]!.via, /which no env file in the workspace sets, so its default/);
    // The default's own text is what the endpoint points at, so a fix can edit it.
    assert.equal(props.slice(unset[0]!.range.start, unset[0]!.range.end), 'https://api.openai.com');
    // In the editor (env files not read) the default holds only while the variable is unset.
    const unseen = engine.analyze('application.properties', props).endpoints;
    assert.deepEqual(unseen[0]?.conditions, ['Unless OPENAI_BASE_URL is set where it runs.']);
  });

  it('leaves a placeholder without a default that nothing sets unknown, with the starter\'s provider', () => {
    const [e] = endpoints('application.yml', 'spring:\n  ai:\n    azure:\n      openai:\n        endpoint: ${AZURE_OPENAI_ENDPOINT}\n');
    assert.deepEqual([e?.provider, e?.host, e?.euResident], ['azure-openai', null, null]);
    assert.match(e!.unknown!, /AZURE_OPENAI_ENDPOINT, which no env file in the workspace sets/);
  });

  it('reads a placeholder naming another property of the same file', () => {
    const yml = 'llm:\n  url: https://api.deepseek.com\nspring:\n  ai:\n    openai:\n      base-url: ${llm.url}\n';
    // One endpoint, decided by the property the base URL names (not a second one for the literal).
    assert.deepEqual(endpoints('application.yml', yml).map((e) => [e.provider, lineOf(yml, e.range.start), e.via]),
      [['deepseek', 2, 'spring.ai.openai.base-url from llm.url="https://api.deepseek.com"']]);
  });

  it('sends Azure\'s starter to OpenAI when only openai-api-key is set, and says the endpoint is missing otherwise', () => {
    assert.deepEqual(endpoints('application.properties', 'spring.ai.azure.openai.openai-api-key=${OPENAI_KEY}\n').map((e) => [e.provider, e.host]), [['openai', 'api.openai.com']]);
    const [e] = endpoints('application.properties', 'spring.ai.azure.openai.api-key=${AZURE_KEY}\n');
    assert.deepEqual([e?.provider, e?.host], ['azure-openai', null]);
    assert.match(e!.unknown!, /spring\.ai\.azure\.openai\.endpoint is not set in this file/);
  });

  it('gives Bedrock us-east-1 when no region is set, and fails an EU policy on a us. model id', () => {
    const yml = 'spring:\n  ai:\n    bedrock:\n      converse:\n        chat:\n          options:\n            model: us.anthropic.claude-3-7-sonnet-20250219-v1:0\n';
    const [e] = endpoints('application.yml', yml);
    assert.deepEqual([e?.region, e?.euResident], ['us-east-1', false]);
    const eu = yml.replace('us.anthropic', 'eu.anthropic') + '      aws:\n        region: eu-central-1\n';
    assert.deepEqual(endpoints('application.yml', eu).map((x) => [x.region, x.euResident]), [['eu-central-1', true]]);
  });

  it('counts options in lists as configuring the starter', () => {
    const yml = 'spring:\n  ai:\n    azure:\n      openai:\n        chat:\n          options:\n            function-callbacks:\n              - name: weather\n';
    assert.deepEqual(endpoints('application.yml', yml).map((e) => [e.provider, e.host]), [['azure-openai', null]]);
  });

  it('leaves Vertex AI Gemini without a location unknown (the starter needs one)', () => {
    const [e] = endpoints('application.yml', 'spring:\n  ai:\n    vertex:\n      ai:\n        gemini:\n          project-id: my-project\n');
    assert.deepEqual([e?.provider, e?.region, e?.euResident], ['google-vertex-ai', null, null]);
  });

  it('reports each profile document of a YAML file', () => {
    const yml = [
      'spring.ai.openai.base-url: https://api.openai.com',
      '---',
      'spring.config.activate.on-profile: eu',
      'spring.ai.openai.base-url: https://eu.api.openai.com',
    ].join('\n');
    assert.deepEqual(endpoints('application.yml', yml).map((e) => [e.host, e.via]), [
      ['api.openai.com', 'spring.ai.openai.base-url "https://api.openai.com"'],
      ['eu.api.openai.com', 'spring.ai.openai.base-url "https://eu.api.openai.com"'],
    ]);
  });

  it('lets a profile that only tunes options inherit the base file\'s endpoint, and reads one with its own key', () => {
    const options = 'spring:\n  ai:\n    openai:\n      chat:\n        options:\n          model: gpt-4o-mini\n';
    assert.deepEqual(endpoints('src/main/resources/application.yml', options).map((e) => e.host), ['api.openai.com']);
    assert.deepEqual(endpoints('src/main/resources/application-dev.yml', options), []);
    assert.deepEqual(endpoints('application.yml', `spring.config.activate.on-profile: dev\n${options}`), []);
    const own = 'spring.ai.anthropic.api-key=${CLAUDE_KEY}\nspring.ai.anthropic.chat.options.model=claude-sonnet-4-5\n';
    assert.deepEqual(endpoints('application-claude.properties', own).map((e) => e.host), ['api.anthropic.com']);
    // What a profile sets itself always counts.
    assert.deepEqual(endpoints('application-dev.yml', 'spring.ai.openai.base-url: https://api.fireworks.ai/inference\n').map((e) => e.provider), ['fireworks']);
  });

  it('stays quiet for other properties: not under spring.ai, a disabled starter, comments, other .properties files', () => {
    assert.deepEqual(endpoints('application.yml', 'app:\n  openai:\n    model: gpt-4o\n    api-key: x\n'), []);
    assert.deepEqual(endpoints('application.yml', 'spring:\n  ai:\n    retry:\n      max-attempts: 3\n'), []);
    assert.deepEqual(endpoints('application.yml', 'spring:\n  ai:\n    openai:\n      chat:\n        enabled: false\n'), []);
    assert.deepEqual(endpoints('application.yml', 'spring:\n  ai:\n    mcp:\n      client:\n        streamable-http:\n          connections:\n            s1:\n              url: http://localhost:8080\n'), []);
    assert.deepEqual(endpoints('application.properties', '# spring.ai.openai.api-key=x\n! spring.ai.anthropic.api-key=y\nserver.port=8080\n'), []);
    assert.deepEqual(endpoints('messages.properties', 'greeting=Hello\nopenai.help=See the OpenAI docs\n'), []);
  });

  it('reads .properties continuations and escapes', () => {
    const props = 'spring.ai.openai.base-url = https\\://api.mistral.ai\\\n    /v1\n';
    assert.deepEqual(endpoints('application.properties', props).map((e) => e.provider), ['mistral']);
  });

  it('lets the CLI find an application.properties with only an API key, and re-read it with the workspace\'s values', () => {
    const r = runCli(['scan', '.', '--format', 'json'], tempWorkspace({
      'src/main/resources/application.properties': 'spring.ai.openai.api-key=${OPENAI_API_KEY}\nspring.ai.anthropic.base-url=${CLAUDE_URL}\n',
      '.env': 'CLAUDE_URL=https://api.anthropic.com\n',
    }));
    const out = JSON.parse(r.stdout) as { endpoints: { file: string; provider: string; line: number }[] };
    const mine = out.endpoints.filter((e) => e.file.endsWith('application.properties'));
    assert.deepEqual(mine.map((e) => [e.provider, e.line]), [['openai', 1], ['anthropic', 2]]);
  });
});

describe('.properties files: hostile input', () => {
  it('never throws on random text, and stays linear on a long file', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = 'spring.ai.openai.base-url=:\\ \n\r\t#!${}:https://api.openai.com/uxyz';
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 200 }, () => alphabet[rand(alphabet.length)]).join('');
      assert.doesNotThrow(() => engine.analyze('application.properties', text, { force: true }));
    }
    const long = 'spring.ai.openai.base-url=https://api.openai.com\\\n'.repeat(20_000) + 'x\n';
    const started = Date.now();
    engine.analyze('application.properties', long, { force: true, maxFileSize: 4 * 1024 * 1024 });
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});

describe('Spring AI starters: properties count only with their starter in the build', () => {
  const POM = (deps: string) => `<project>\n  <dependencies>\n${deps}\n  </dependencies>\n</project>\n`;
  const dep = (artifact: string) => `    <dependency><groupId>org.springframework.ai</groupId><artifactId>${artifact}</artifactId></dependency>`;
  const PROPS = 'spring.ai.openai.api-key=${OPENAI_API_KEY}\nspring.ai.anthropic.api-key=${ANTHROPIC_API_KEY}\n';
  /** The endpoints of the properties file, with the definitions the build files give. */
  const withBuilds = (builds: Record<string, string>, props = PROPS, file = 'app/src/main/resources/application.properties') => {
    const definitions = Object.entries(builds).flatMap(([path, text]) => engine.analyze(path, text).env);
    return engine.analyze(file, props, { env: workspaceEnv(definitions) }).endpoints.map((e) => e.provider);
  };

  it('keeps only the starters the module\'s pom.xml declares, outside comments', () => {
    const pom = POM([dep('spring-ai-starter-model-anthropic'), `<!--\n${dep('spring-ai-starter-model-openai')}\n-->`].join('\n'));
    assert.deepEqual(withBuilds({ 'app/pom.xml': pom }), ['anthropic']);
  });

  it('reads Gradle build files and the pre-1.0 starter names', () => {
    const gradle = 'dependencies {\n  implementation("org.springframework.ai:spring-ai-openai-spring-boot-starter")\n  // implementation("org.springframework.ai:spring-ai-starter-model-anthropic")\n}\n';
    assert.deepEqual(withBuilds({ 'app/build.gradle.kts': gradle }), ['openai']);
  });

  it('counts a starter a parent build declares, and keeps everything when no build file is known', () => {
    const parent = POM(dep('spring-ai-starter-model-openai'));
    assert.deepEqual(withBuilds({ 'app/pom.xml': POM(dep('spring-boot-starter-web')), 'pom.xml': parent }), ['openai']);
    assert.deepEqual(withBuilds({}), ['openai', 'anthropic']);
    // Where the build files were not read (the editor checking one file), nothing is dropped.
    assert.deepEqual(engine.analyze('app/src/main/resources/application.properties', PROPS).endpoints.map((e) => e.provider), ['openai', 'anthropic']);
  });

  it('keeps them when the build names its Spring AI artifacts only through a version catalog', () => {
    const gradle = 'dependencies {\n  implementation(libs.spring.ai.starter.model.openai)\n}\n';
    assert.deepEqual(withBuilds({ 'app/build.gradle.kts': gradle }), ['openai', 'anthropic']);
  });

  it('drops them in a CLI scan of the workspace too', () => {
    const r = runCli(['scan', '.', '--format', 'json'], tempWorkspace({
      'app/pom.xml': POM(dep('spring-ai-starter-model-anthropic')),
      'app/src/main/resources/application.properties': PROPS,
    }));
    const out = JSON.parse(r.stdout) as { endpoints: { provider: string; line: number }[] };
    assert.deepEqual(out.endpoints.map((e) => [e.provider, e.line]), [['anthropic', 2]]);
  });
});
