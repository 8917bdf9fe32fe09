// What the engine could not fully analyse is a finding (LLMC008), never a silent pass;
// NULs in comments do not hide code; a waiver counts only in a comment.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Engine } from '../../src/core/engine';
import { MAX_ENDPOINTS_PER_FILE } from '../../src/core/model';
import { emptyPolicy, parsePolicy } from '../../src/core/policy/policy';
import { runCli, tempWorkspace } from '../support/cli';

interface Out {
  endpoints: { file: string; host: string | null }[];
  findings: { ruleId: string; severity: string; file: string; line: number; message: string; suppressed?: unknown }[];
  notes: { kind: string; file: string; line?: number }[];
  summary: { findings: number; notFullyAnalysed: number };
}
function scan(files: Record<string, string | Uint8Array>, ...args: string[]): { status: number | null; out: Out; stderr: string } {
  const r = runCli(['scan', '.', '--format', 'json', '--date', '2026-11-27', ...args], tempWorkspace(files));
  return { status: r.status, out: JSON.parse(r.stdout || '{}') as Out, stderr: r.stderr };
}
const EU = 'require: [eu-residency]\n';
const OPENAI_JS = 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: "https://api.openai.com/v1" });\n';

describe('fail closed: files not fully analysed', () => {
  it('row 2: a NUL byte in a JS comment does not hide the file\'s api.openai.com client', () => {
    const { status, out } = scan({ '.llm-compliance.yaml': EU, 'a.js': `// \0\n${OPENAI_JS}` });
    assert.deepEqual(out.endpoints.map((e) => e.host), ['api.openai.com']);
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC002']);
    assert.equal(status, 1);
  });

  it('a NUL in a string is no note; a NUL in code is scanned around, with an LLMC008 at its line', () => {
    const inString = scan({ '.llm-compliance.yaml': EU, 'a.py': 'from openai import OpenAI\nx = "a\0b"\nOpenAI()\n' });
    assert.deepEqual(inString.out.findings.map((f) => f.ruleId), ['LLMC002']);
    const inCode = scan({ '.llm-compliance.yaml': EU, 'a.py': 'from openai import OpenAI\nx = 1 \0 2\nOpenAI()\n' });
    assert.deepEqual(inCode.out.findings.map((f) => `${f.ruleId}:${f.line}`).sort(), ['LLMC002:3', 'LLMC008:2']);
  });

  it('reads UTF-16 files with a byte-order mark', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OPENAI_JS, 'utf16le')]);
    const utf16be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(OPENAI_JS, 'utf16le').swap16()]));
    const { status, out } = scan({ '.llm-compliance.yaml': EU, 'le.ts': utf16le, 'be.ts': utf16be });
    assert.deepEqual(out.endpoints.map((e) => `${e.file} ${e.host}`).sort(), ['be.ts api.openai.com', 'le.ts api.openai.com']);
    assert.equal(out.notes.length, 0);
    assert.equal(status, 1);
  });

  it('every note is an LLMC008 finding under a policy, counted in the summary; failOn decides', () => {
    const files = {
      '.llm-compliance.yaml': `${EU}maxFileSizeKb: 1\n`,
      'big.py': `from openai import OpenAI\n${'# padding\n'.repeat(200)}`,
      'blob.json': new Uint8Array([0x7b, 0x00, 0xff, ...Buffer.from('openai')]),
      'latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nfrom openai import OpenAI\n')]),
      'broken.yaml': 'env:\n  OPENAI_BASE_URL: [unclosed\n',
    };
    const { status, out } = scan(files);
    assert.deepEqual(out.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}`).sort(), [
      'LLMC008 warning big.py', 'LLMC008 warning blob.json', 'LLMC008 warning broken.yaml', 'LLMC008 warning latin1.py',
    ]);
    assert.equal(out.summary.notFullyAnalysed, 4);
    assert.equal(out.summary.findings, 4);
    assert.equal(status, 0, 'warnings do not fail under failOn: error');
    const strict = scan({ ...files, '.llm-compliance.yaml': `${EU}maxFileSizeKb: 1\nfailOn: warning\n` });
    assert.equal(strict.status, 1);
    const asErrors = scan({ ...files, '.llm-compliance.yaml': `${EU}maxFileSizeKb: 1\nseverity: { LLMC008: error }\n` });
    assert.equal(asErrors.status, 1);
  });

  it('a notebook whose JSON breaks after its first cells is scanned as far as it reads, with an LLMC008', () => {
    const cell = (src: string): string => JSON.stringify({ cell_type: 'code', source: [src] });
    const nb = `{"metadata": {"kernelspec": {"language": "python"}}, "cells": [${cell('from openai import OpenAI\nOpenAI()\n')}, {"cell_type": "code", "source": ["x = ` ;
    const { status, out } = scan({ '.llm-compliance.yaml': EU, 'nb.ipynb': nb });
    assert.deepEqual(out.findings.map((f) => f.ruleId).sort(), ['LLMC002', 'LLMC008']);
    assert.equal(status, 1);
  });

  it('a policy waiver for LLMC008 accepts a file, with its reason; without a policy the scan is an inventory', () => {
    const files = { 'fixtures/blob.json': new Uint8Array([0x7b, 0x00, 0xff, ...Buffer.from('openai')]) };
    const waived = scan({
      ...files,
      '.llm-compliance.yaml': `${EU}failOn: warning\nwaivers:\n  - rule: LLMC008\n    paths: ["fixtures/**"]\n    reason: "Recorded HTTP fixtures, no code"\n`,
    });
    assert.equal(waived.status, 0);
    assert.equal(waived.out.findings[0]?.ruleId, 'LLMC008');
    assert.ok(waived.out.findings[0]?.suppressed);
    const inventory = scan(files);
    assert.equal(inventory.status, 0);
    assert.deepEqual(inventory.out.findings, []);
    assert.deepEqual(inventory.out.notes.map((n) => n.kind), ['skipped-binary']);
  });

  it('an internal error is an LLMC008 error whatever severity: says, and only a waiver accepts it', () => {
    const engine = new Engine(undefined, { fault: (pass) => { if (pass === 'scan') throw new Error('boom'); } });
    const r = engine.analyze('a.py', 'from openai import OpenAI\nOpenAI(base_url="https://api.openai.com/v1")\n');
    assert.deepEqual(r.notes.map((n) => n.kind), ['internal-error']);
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.openai.com'], 'the lexical fallback still finds the URL');
    for (const severity of ['off', 'note', 'warning']) {
      const policy = parsePolicy('.llm-compliance.yaml', `require: []\nseverity: { LLMC008: ${severity} }\n`);
      const findings = engine.evaluate(r.endpoints, policy, { notes: r.notes });
      assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['LLMC008 error'], severity);
      assert.match(findings[0]!.message, /internal error while scanning: boom/);
    }
    assert.deepEqual(engine.evaluate(r.endpoints, emptyPolicy(), { notes: r.notes }), [], 'no policy: nothing is judged');
  });
});

describe('fail closed: waivers only in comments', () => {
  it('reads waiver comments in linear time after long runs of blanks (found by the fuzzer; 126,000 blanks took 21 s)', function () {
    this.timeout(15_000);
    const blanks = ' '.repeat(126_000);
    const text = `from openai import OpenAI\nOpenAI()  # llm-compliance-ignore LLMC002 -- r\n${blanks}x# llm-compliance-ignore LLMC002 -- r\n${blanks}x\n`;
    const r = new Engine().analyze('a.py', text);
    assert.equal(r.waivers.length, 2);
  });

  it('reads thousands of waiver lines in a row in linear time, each covering the code line below them (the second long fuzz run)', function () {
    this.timeout(15_000);
    const text = `[llm]\n${'# llm-compliance-ignore LLMC002 -- staging only\n'.repeat(20_000)}base_url = "https://api.openai.com/v1"\n`;
    const started = performance.now();
    const r = new Engine().analyze('settings.toml', text);
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
    assert.equal(r.waivers.length, 20_000);
    assert.ok(r.waivers.every((w) => text.slice(w.covers.start, w.covers.end) === 'base_url = "https://api.openai.com/v1"'));
  });

  it('reads a waiver with a long run of blanks inside it in linear time, fields and all (the long fuzz run: 268,000 blanks took minutes)', function () {
    this.timeout(15_000);
    const blanks = ' '.repeat(200_000); // four runs: under the 1 MB default limit
    const text = `import OpenAI from "openai";\n// llm-compliance-ignore LLMC002 -- A/B test${blanks}x; expires=2027-03-01; owner=growth${blanks}\nconst c = new OpenAI();\n/* llm-compliance-ignore LLMC002 -- r${blanks}*/${blanks}\n`;
    const started = performance.now();
    const r = new Engine().analyze('a.ts', text);
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(r.waivers.map((w) => [w.reason?.slice(-1), w.expires, w.owner]), [['x', '2027-03-01', 'growth'], ['r', undefined, undefined]]);
  });

  const policy = parsePolicy('.llm-compliance.yaml', EU);
  const judged = (file: string, text: string): string[] => {
    const engine = new Engine();
    const r = engine.analyze(file, text);
    return engine.evaluate(r.endpoints, policy, { waivers: r.waivers, notes: r.notes, today: '2026-11-27' }).map((f) => `${f.ruleId}${f.suppression ? ' waived' : ''}`);
  };
  const MARK = 'llm-compliance-ignore LLMC002 -- reviewed';

  for (const [file, text] of [
    ['a.py', `from openai import OpenAI\nc = OpenAI(); note = "# ${MARK}"\n`],
    ['a.py', `from openai import OpenAI\nnote = """\n# ${MARK}\n"""\nc = OpenAI()\n`],
    ['a.ts', `import OpenAI from "openai";\nconst c = new OpenAI(); const s = "// ${MARK}";\n`],
    ['a.ts', `import OpenAI from "openai";\nconst s = \`\n// ${MARK}\n\`;\nconst c = new OpenAI();\n`],
    ['a.go', `package main\nimport "github.com/openai/openai-go"\nvar s = \`\n// ${MARK}\n\`\nvar c = openai.NewClient()\n`],
    ['config.yaml', `model_list:\n  - litellm_params:\n      note: "# ${MARK}"\n      api_base: https://api.openai.com/v1\n`],
    ['config.yaml', `model_list:\n  - litellm_params:\n      note: |\n        # ${MARK}\n      api_base: https://api.openai.com/v1\n`],
    ['.env', `NOTE="# ${MARK}"\nOPENAI_BASE_URL=https://api.openai.com/v1\n`],
    ['a.toml', `note = """\n# ${MARK}\n"""\nbase_url = "https://api.openai.com/v1"\n`],
  ] as const) {
    it(`row 13: a waiver marker inside a string waives nothing (${file}: ${JSON.stringify(text.split('\n')[1])})`, () => {
      assert.deepEqual(judged(file, text), ['LLMC002']);
    });
  }

  for (const [file, text] of [
    ['a.py', `from openai import OpenAI\nc = OpenAI()  # ${MARK}\n`],
    ['a.ts', `import OpenAI from "openai";\n/* ${MARK} */\nconst c = new OpenAI();\n`],
    ['config.yaml', `model_list:\n  - litellm_params:\n      # ${MARK}\n      api_base: https://api.openai.com/v1\n`],
    ['.env', `# ${MARK}\nOPENAI_BASE_URL=https://api.openai.com/v1\n`],
    ['a.toml', `base_url = "https://api.openai.com/v1" # ${MARK}\n`],
    ['a.ipynb', JSON.stringify({ metadata: { kernelspec: { language: 'python' } }, cells: [{ cell_type: 'code', source: ['from openai import OpenAI\n', `c = OpenAI()  # ${MARK}\n`] }] })],
  ] as const) {
    it(`a waiver in a comment still waives (${file})`, () => {
      assert.deepEqual(judged(file, text), ['LLMC002 waived']);
    });
  }
});

describe('fail closed: special files named on the command line', () => {
  it('a FIFO given as the path to scan is reported, never opened', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempWorkspace({ '.llm-compliance.yaml': EU });
    execFileSync('mkfifo', [`${dir}/pipe.py`]);
    const r = runCli(['scan', 'pipe.py', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC008']);
    assert.match(out.findings[0]!.message, /not a regular file or folder/);
  });
});

describe('fixes under the EU-27 residency zone (the default)', () => {
  it('offer no move to an EU zone that may also use Switzerland or the UK: the finding would stay', () => {
    const engine = new Engine();
    const text = 'from mistralai import Mistral\nclient = Mistral(server_url="https://api.mistral.ai")\n';
    const r = engine.analyze('a.py', text);
    const lax = engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', `${EU}residency: eu-adequacy\n`));
    assert.deepEqual(lax.flatMap((f) => f.fixes.map((x) => x.title)), ['Use the EU endpoint api.eu.mistral.ai']);
    const strict = engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', EU));
    assert.deepEqual(strict.map((f) => f.ruleId), ['LLMC002']);
    assert.deepEqual(strict.flatMap((f) => f.fixes), []);
  });

  it('offer no inserted EU option either, when the call relies on the SDK default host (found by the fuzzer)', () => {
    const engine = new Engine();
    const r = engine.analyze('a.py', 'from langchain_mistralai import ChatMistralAI\nllm = ChatMistralAI()\n');
    const lax = engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', `${EU}residency: eu-adequacy\n`));
    assert.deepEqual(lax.flatMap((f) => f.fixes.map((x) => x.title)), ['Set endpoint to the EU endpoint api.eu.mistral.ai']);
    const strict = engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', EU));
    assert.deepEqual(strict.flatMap((f) => f.fixes), []);
  });
});

describe('fail closed: a call whose ) is missing', () => {
  it('its range ends inside the file (the fuzzer found it one past the end after bracket recovery); no option is inserted where its end is only a guess', () => {
    const engine = new Engine();
    const text = 'from langchain_mistralai import ChatMistralAI\nllm = ChatMistralAI(';
    const r = engine.analyze('a.py', text);
    assert.deepEqual(r.endpoints.map((e) => e.host), ['api.mistral.ai']);
    assert.ok(r.endpoints[0]!.range.end <= text.length, `range ${JSON.stringify(r.endpoints[0]!.range)} in a text of ${text.length}`);
    assert.deepEqual(engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', EU)).flatMap((f) => f.fixes), []);
  });
});

describe('fail closed: more endpoints in one file than are reported', () => {
  it('reports the first 10,000 in text order, and a note, so the file is never taken as clean', () => {
    const text = `from openai import OpenAI\n${'OpenAI()\n'.repeat(12_000)}x = "https://api.deepseek.com"\n`;
    const r = new Engine().analyze('a.py', text, { maxFileSize: 10 * 1024 * 1024 });
    assert.equal(r.endpoints.length, MAX_ENDPOINTS_PER_FILE);
    assert.ok(r.endpoints.every((e) => e.host === 'api.openai.com'));
    assert.deepEqual(r.notes.map((n) => [n.kind, n.line]), [['skipped-too-large', 10_003]]); // where the resolver stopped
    assert.match(r.notes[0]!.message, /more than 10,000 LLM endpoints in one file; 10,000 are reported, and the rest is not checked/);
  });
});

describe('fail closed: found in review', () => {
  const engine = new Engine();
  const AT = 'https://eu.api.openai.com%sapi.openai.com/v1';
  for (const [file, escape, host, make] of [
    ['a.py', '\\100', 'api.openai.com', (u: string) => `from openai import OpenAI\nOpenAI(base_url="${u}")\n`],
    ['a.py', '\\U00000040', 'api.openai.com', (u: string) => `from openai import OpenAI\nOpenAI(base_url="${u}")\n`],
    ['a.py', '\\N{COMMERCIAL AT}', null, (u: string) => `from openai import OpenAI\nOpenAI(base_url="${u}")\n`],
    ['a.go', '\\100', 'api.openai.com', (u: string) => `package main\nimport "github.com/openai/openai-go"\nvar c = openai.NewClient(option.WithBaseURL("${u}"))\n`],
    ['a.go', '\\U00000040', 'api.openai.com', (u: string) => `package main\nimport "github.com/openai/openai-go"\nvar c = openai.NewClient(option.WithBaseURL("${u}"))\n`],
    ['A.java', '\\uu0040', 'api.openai.com', (u: string) => `class A { OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl("${u}").build(); }\n`],
    ['A.java', '\\100', 'api.openai.com', (u: string) => `class A { OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl("${u}").build(); }\n`],
    ['main.rs', '\\u{00_40}', 'api.openai.com', (u: string) => `fn run() { let c = async_openai::Client::with_config(OpenAIConfig::new().with_api_base("${u}")); }\n`],
    ['a.ts', '\\100', 'api.openai.com', (u: string) => `import OpenAI from "openai";\nnew OpenAI({ baseURL: "${u}" });\n`],
    ['a.ts', '\\u{40}', 'api.openai.com', (u: string) => `import OpenAI from "openai";\nnew OpenAI({ baseURL: "${u}" });\n`],
    ['A.cs', '\\x0040', 'api.openai.com', (u: string) => `var c = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("${u}") });\n`],
  ] as const) {
    it(`reads ${escape} in ${file} as the language does (an @ there sends the request to api.openai.com), or as unknown`, () => {
      assert.deepEqual(engine.analyze(file, make(AT.replace('%s', escape))).endpoints.map((e) => e.host), [host]);
    });
  }

  it('a double-quoted .env value that python-dotenv and Node\'s dotenv read differently is unknown, not either host', () => {
    const env = { '.env': 'OPENAI_BASE_URL="https://api.openai.com\\"@eu.api.openai.com/v1"\n', 'a.ts': 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });\n' };
    const dir = tempWorkspace({ ...env, '.llm-compliance.yaml': EU });
    const r = runCli(['scan', '.', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual(out.endpoints.map((e) => e.host), [null]);
    assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC003']);
  });

  it('unbalanced brackets in Bicep are an LLMC008 too', () => {
    const text = "var tags = {\n  a: 'b'\n\nresource a 'Microsoft.CognitiveServices/accounts@2023-05-01' = {\n  name: 'x'\n  location: 'eastus'\n  kind: 'OpenAI'\n}\n";
    const r = engine.analyze('main.bicep', text);
    assert.deepEqual(r.endpoints.map((e) => e.host), ['x.openai.azure.com']);
    assert.deepEqual(r.notes.map((n) => [n.kind, n.line]), [['parse-error', 1]]);
  });

  it('a file whose endpoints are found twice each still gets the note when the resolver stops early', () => {
    const client = 'var c = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://eu.api.openai.com/v1") });\n';
    const text = `${client.repeat(5_001)}var d = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });\n`;
    const r = new Engine().analyze('A.cs', text, { maxFileSize: 10 * 1024 * 1024 });
    assert.deepEqual(r.notes.map((n) => n.kind), ['skipped-too-large']);
  });
});

describe('fail closed: found by the long fuzz run', () => {
  const engine = new Engine();
  const hosts = (file: string, text: string): (string | null)[] => engine.analyze(file, text).endpoints.map((e) => e.host);

  it('a backslash before a plain character is dropped in JavaScript, kept in Python; elsewhere the code does not compile, so the host is unknown', () => {
    const url = 'https://openrouter.ai\\.evil.example/api/v1';
    assert.deepEqual(hosts('a.ts', `import OpenAI from "openai";\nnew OpenAI({ baseURL: "${url}" });\n`), ['openrouter.ai.evil.example']);
    assert.deepEqual(hosts('a.py', `from openai import OpenAI\nOpenAI(base_url="${url}")\n`), ['openrouter.ai']);
    assert.deepEqual(hosts('a.go', `package main\nimport "github.com/openai/openai-go"\nvar c = openai.NewClient(option.WithBaseURL("${url}"))\n`), [null]);
    // In a double-quoted .env value too (python-dotenv and Node's dotenv both keep it).
    assert.deepEqual(hosts('.env', `ANTHROPIC_BASE_URL="https://api.anthropic.com\\.evil.example"\n`), ['api.anthropic.com']);
  });

  it('the EU inference-profile fix moves every non-EU model id the file\'s Bedrock clients are judged by, so the finding clears', () => {
    const text = 'import boto3\nc = boto3.client("bedrock-runtime", region_name="eu-central-1")\na = "us.anthropic.claude-sonnet-4-20250514-v1:0"\nb = "us.meta.llama3-2-3b-instruct-v1:0"\n';
    const policy = parsePolicy('.llm-compliance.yaml', EU);
    const findings = engine.evaluate(engine.analyze('a.py', text).endpoints, policy);
    const fix = findings.flatMap((f) => f.fixes)[0]!;
    assert.equal(fix.title, 'Use the EU inference profile eu. (2 model ids)');
    let fixed = text;
    for (const e of [...fix.edits].sort((x, y) => y.start - x.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    assert.deepEqual(engine.evaluate(engine.analyze('a.py', fixed).endpoints, policy).map((f) => f.ruleId), []);
  });

  it('offers no fix that edits a YAML anchor through an alias (it would change the other users of the anchor)', () => {
    const text = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0\n      aws_region_name: &r eu-west-3\n  - model_name: b\n    litellm_params:\n      model: vertex_ai/gemini-2.5-pro\n      vertex_location: *r\n';
    const r = engine.analyze('config.yaml', text);
    const vertex = r.endpoints.find((e) => e.provider === 'google-vertex-ai')!;
    assert.equal(vertex.region, 'eu-west-3');
    assert.equal(vertex.euFix, undefined);
    // Nor through the anchor itself (found in review): a Bedrock fix there moved the Vertex location too.
    const us = engine.analyze('config.yaml', text.replace('eu.anthropic', 'us.anthropic').replace('eu-west-3', 'us-east-1'));
    assert.deepEqual(us.endpoints.filter((e) => e.provider === 'aws-bedrock').flatMap((e) => e.euFix?.edits ?? []).filter((x) => x.newText.startsWith('eu-')), []);
  });

  it('inserts no option into a call the lexer had to repair (a string in it never closed)', () => {
    const text = 'from langchain_mistralai import ChatMistralAI\nllm = ChatMistralAI(\n    model="mistral-large-latest",\n    endpoinu.mistral.ai/v1",\n)\n';
    const r = engine.analyze('a.py', text);
    assert.deepEqual(engine.evaluate(r.endpoints, parsePolicy('.llm-compliance.yaml', EU)).flatMap((f) => f.fixes), []);
  });

  it('an empty value at the end of a broken notebook string keeps an empty range inside the file', () => {
    const text = '{"cells":[{"cell_type":"code","source":["import ollama\\n", "ollama.Client(host=,\n';
    const r = engine.analyze('n.ipynb', text);
    assert.ok(r.endpoints.length > 0);
    for (const e of r.endpoints) assert.ok(e.range.start <= e.range.end && e.range.end <= text.length, JSON.stringify(e.range));
  });
});
