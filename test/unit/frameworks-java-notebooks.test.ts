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
