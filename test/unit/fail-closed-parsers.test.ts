// Code parsers that recover like real ones (issue 10, rows 1, 11 and part of 13): an
// unbalanced bracket is repaired where it is and the rest of the file is still analysed;
// nesting is bounded without the JS stack, with a note for what was skipped; and no input
// makes the code, HCL or Bicep scanners super-linear.
import * as assert from 'node:assert/strict';
import { Engine, type FileResult } from '../../src/core/engine';
import { ConfigResolver } from '../../src/core/resolve/config';
import type { CNode } from '../../src/core/scan/config/tree';
import { lex } from '../../src/core/scan/lexer';
import { CodeParser } from '../../src/core/scan/parse';
import type { LexLanguage } from '../../src/core/scan/tokens';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const BIG = { maxFileSize: 64 * 1024 * 1024 };

interface Expected {
  host: string;
  region?: string;
}

/** Each expected endpoint is found (by host, and region when given). */
function assertFound(r: FileResult, expected: readonly Expected[], context: string): void {
  const found = r.endpoints.map((e) => `${e.host}@${e.region}`);
  for (const x of expected) {
    assert.ok(r.endpoints.some((e) => e.host === x.host && (x.region === undefined || e.region === x.region)), `${context}: ${x.host} ${x.region ?? ''} not in [${found.join(', ')}]; notes: ${r.notes.map((n) => n.message).join(' | ')}`);
  }
}

function assertNoInternalError(r: FileResult, context: string): void {
  assert.ok(!r.notes.some((n) => /internal error/.test(n.message)), `${context}: ${r.notes.map((n) => n.message).join(' | ')}`);
}

const BEDROCK_US = { host: 'bedrock-runtime.us-east-1.amazonaws.com', region: 'us-east-1' };
const OPENAI = { host: 'api.openai.com' };

/** A small program per language: a client with a literal setting, then a client on its SDK's default endpoint. */
interface Shape {
  file: string;
  lines: string[];
  /** Where a line goes "in the middle": between the two clients, with this indentation. */
  middle: number;
  indent: string;
  /** A statement assigning an expression, in the language. */
  stmt: (expr: string) => string;
  /** The line of the client on its SDK's default, and that line with `arg` as an argument. */
  callLine: number;
  call: (arg: string) => string;
  expected: Expected[];
}

const SHAPES: Shape[] = [
  {
    file: 'app.py',
    lines: ['import boto3', 'from openai import OpenAI', '', 'bedrock = boto3.client("bedrock-runtime", region_name="us-east-1")', 'client = OpenAI()'],
    middle: 4, indent: '', stmt: (e) => `x = ${e}`, expected: [BEDROCK_US, OPENAI],
    callLine: 4, call: (a) => `client = OpenAI(api_key=${a})`,
  },
  {
    file: 'app.ts',
    lines: ['import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";', 'import OpenAI from "openai";', '', 'const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });', 'const client = new OpenAI();'],
    middle: 4, indent: '', stmt: (e) => `const x = ${e};`, expected: [BEDROCK_US, OPENAI],
    callLine: 4, call: (a) => `const client = new OpenAI({ apiKey: ${a} });`,
  },
  {
    file: 'app.js',
    lines: ['const { BedrockRuntimeClient } = require("@aws-sdk/client-bedrock-runtime");', 'const OpenAI = require("openai");', '', 'function make() {', '  const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });', '  const client = new OpenAI();', '  return [bedrock, client];', '}'],
    middle: 5, indent: '  ', stmt: (e) => `const x = ${e};`, expected: [BEDROCK_US, OPENAI],
    callLine: 5, call: (a) => `  const client = new OpenAI({ apiKey: ${a} });`,
  },
  {
    file: 'app.go',
    lines: ['package main', '', 'import (', '\t"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"', '\t"github.com/openai/openai-go"', ')', '', 'func main() {', '\tbedrock := bedrockruntime.NewFromConfig(cfg, func(o *bedrockruntime.Options) {', '\t\to.Region = "us-east-1"', '\t})', '\tclient := openai.NewClient()', '}'],
    middle: 11, indent: '\t', stmt: (e) => `x := ${e}`, expected: [BEDROCK_US, OPENAI],
    callLine: 11, call: (a) => `\tclient := openai.NewClient(option.WithAPIKey(${a}))`,
  },
  {
    file: 'App.java',
    lines: ['import software.amazon.awssdk.regions.Region;', 'import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;', 'import com.anthropic.client.okhttp.AnthropicOkHttpClient;', '', 'public class App {', '    private final BedrockRuntimeClient bedrock = BedrockRuntimeClient.builder().region(Region.US_EAST_1).build();', '    private final AnthropicClient client = AnthropicOkHttpClient.fromEnv();', '}'],
    middle: 6, indent: '    ', stmt: (e) => `int x = ${e};`, expected: [BEDROCK_US, { host: 'api.anthropic.com' }],
    callLine: 6, call: (a) => `    private final AnthropicClient client = AnthropicOkHttpClient.builder().apiKey(${a}).build();`,
  },
  {
    file: 'App.cs',
    lines: ['using Amazon;', 'using Amazon.BedrockRuntime;', 'using OpenAI.Chat;', '', 'public class App', '{', '    private readonly AmazonBedrockRuntimeClient _bedrock = new(RegionEndpoint.USEast1);', '    private readonly ChatClient _client = new ChatClient(model: "gpt-4o-mini", apiKey: "k");', '}'],
    middle: 7, indent: '    ', stmt: (e) => `int x = ${e};`, expected: [BEDROCK_US, OPENAI],
    callLine: 7, call: (a) => `    private readonly ChatClient _client = new ChatClient(model: "gpt-4o-mini", apiKey: ${a});`,
  },
  {
    file: 'main.rs',
    lines: ['use async_openai::{config::OpenAIConfig, Client};', '', 'async fn run() {', '    let groq = Client::with_config(OpenAIConfig::new().with_api_base("https://api.groq.com/openai/v1"));', '    let client = Client::new();', '}'],
    middle: 4, indent: '    ', stmt: (e) => `let x = ${e};`, expected: [{ host: 'api.groq.com' }, OPENAI],
    callLine: 4, call: (a) => `    let client = Client::with_config(OpenAIConfig::new().with_api_key(${a}));`,
  },
];

/** Unbalanced brackets of each kind: closers nothing opened, openers never closed, and closers of the wrong kind. */
const BREAKS: [string, string][] = [
  ['a stray )', '1)'], ['a stray ]', '1]'], ['a stray }', '1}'],
  ['an unclosed (', 'f(1,'], ['an unclosed [', '[1,'], ['an unclosed {', '{'],
  ['keys[) (issue 10, row 1)', 'g(keys[)'], ['( closed by ]', 'f(a]'], ['{ closed by ]', '{a: [1}'],
];

/** Broken arguments of the default client: `keys[` makes `OpenAI(api_key=keys[)`, the shape of issue 10's row 1. */
const BROKEN_ARGUMENTS = ['keys[', 'keys[1', 'f(1', 'f(keys[1]', '{a: 1', '1]', '1}', 'g(1]', '[1, {2)'];

/** The shape with the default client's argument `arg`. */
function withArgument(shape: Shape, arg: string): string {
  const lines = [...shape.lines];
  lines[shape.callLine] = shape.call(arg);
  return lines.join('\n') + '\n';
}

function insertAt(shape: Shape, where: 'start' | 'middle' | 'end', line: string): string {
  const lines = [...shape.lines];
  if (where === 'start') lines.unshift(line);
  else if (where === 'middle') lines.splice(shape.middle, 0, shape.indent + line);
  else lines.push(line);
  return lines.join('\n') + '\n';
}

/** A Jupyter notebook whose code cells hold these lines, one cell per group. */
function notebook(cells: string[][]): string {
  return JSON.stringify({
    cells: cells.map((lines) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)) })),
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1);
}

describe('fail-closed parsers: unbalanced brackets recover locally (issue 10, row 1)', () => {
  it('keeps the Bedrock us-east-1 client above `OpenAI(api_key=keys[)`, so the scan fails under eu-residency', () => {
    const dir = tempWorkspace({
      'app.py': 'import boto3\nfrom openai import OpenAI\nbedrock = boto3.client("bedrock-runtime", region_name="us-east-1")\nclient = OpenAI(api_key=keys[)\n',
      '.llm-compliance.yaml': 'require: [eu-residency]\n',
    });
    const r = runCli(['scan', '.', '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const out = JSON.parse(r.stdout) as { endpoints: { line: number; host: string }[]; findings: { ruleId: string; line: number }[]; notes: { kind: string; line?: number; message: string }[] };
    assert.deepEqual(out.endpoints.map((e) => [e.line, e.host]), [[3, 'bedrock-runtime.us-east-1.amazonaws.com'], [4, 'api.openai.com']]);
    // The bracket is reported too (LLMC008, where the broken line starts), beside the client it broke.
    assert.deepEqual(out.findings.map((f) => [f.ruleId, f.line]), [['LLMC002', 3], ['LLMC008', 4], ['LLMC002', 4]]);
    assert.deepEqual(out.notes.map((n) => [n.kind, n.line]), [['parse-error', 4]]);
    assert.match(out.notes[0]!.message, /unbalanced brackets \("\[" is never closed\)/);
  });

  for (const shape of SHAPES) {
    it(`${shape.file}: every kind of unbalanced bracket, at the start, middle and end, keeps both clients and says so`, () => {
      assertFound(engine.analyze(shape.file, insertAt(shape, 'end', '')), shape.expected, `${shape.file} as written`);
      for (const [name, expr] of BREAKS) {
        for (const where of ['start', 'middle', 'end'] as const) {
          const context = `${shape.file} with ${name} at the ${where}`;
          const r = engine.analyze(shape.file, insertAt(shape, where, shape.stmt(expr)));
          assertNoInternalError(r, context);
          assertFound(r, shape.expected, context);
          assert.ok(r.notes.some((n) => n.kind === 'parse-error' && /unbalanced brackets/.test(n.message)), `${context}: no note`);
        }
      }
    });

    it(`${shape.file}: a broken argument of the client itself (\`OpenAI(api_key=keys[)\`) keeps both clients and says so`, () => {
      assertFound(engine.analyze(shape.file, withArgument(shape, '"k"')), shape.expected, `${shape.file} as written`);
      for (const arg of BROKEN_ARGUMENTS) {
        const context = `${shape.file} with the argument ${arg}`;
        const r = engine.analyze(shape.file, withArgument(shape, arg));
        assertNoInternalError(r, context);
        assertFound(r, shape.expected, context);
        assert.deepEqual(r.notes.map((n) => [n.kind, n.line, /unbalanced brackets/.test(n.message)]), [['parse-error', shape.callLine + 1, true]], context);
      }
    });
  }

  it('notebooks: every kind of unbalanced bracket in the first, middle or last cell keeps both clients, with the note at the notebook line', () => {
    const cells = [['import boto3', 'from openai import OpenAI'], ['bedrock = boto3.client("bedrock-runtime", region_name="us-east-1")'], ['client = OpenAI()']];
    for (const [name, expr] of BREAKS) {
      for (const at of [0, 1, 2]) {
        const broken = cells.map((c, i) => (i === at ? [...c, `x = ${expr}`] : c));
        const text = notebook(broken);
        const context = `notebook with ${name} in cell ${at + 1}`;
        const r = engine.analyze('nb.ipynb', text);
        assertNoInternalError(r, context);
        assertFound(r, [BEDROCK_US, OPENAI], context);
        const note = r.notes.find((n) => /unbalanced brackets/.test(n.message));
        assert.ok(note, `${context}: no note`);
        const lineOfBreak = text.split('\n').findIndex((l) => l.includes(`x = ${JSON.stringify(expr).slice(1, -1)}`)) + 1;
        assert.equal(note.line, lineOfBreak, context);
      }
    }
    const r = engine.analyze('nb.ipynb', notebook([...cells.slice(0, 2), ['client = OpenAI(api_key=keys[)']]));
    assertFound(r, [BEDROCK_US, OPENAI], 'notebook with OpenAI(api_key=keys[)');
    assert.deepEqual(r.notes.map((n) => n.kind), ['parse-error']);
  });

  it('repairs what a line breaks, not the rest of the file: statements after an unclosed bracket are statements again', () => {
    // The assignment after the unclosed `(` is read, so the client takes its base URL.
    const text = 'from openai import OpenAI\nx = compute(1,\nURL = "https://api.deepseek.com"\nclient = OpenAI(base_url=URL)\n';
    const r = engine.analyze('app.py', text);
    assertFound(r, [{ host: 'api.deepseek.com' }], 'python');
    assert.deepEqual(r.notes.map((n) => n.line), [2]);
    const ts = 'import OpenAI from "openai";\nfunction f() {\n  g(1,\n}\nconst URL = "https://api.deepseek.com";\nconst client = new OpenAI({ baseURL: URL });\n';
    assertFound(engine.analyze('app.ts', ts), [{ host: 'api.deepseek.com' }], 'ts');
  });

  it('says so when a string is never closed and turns the rest of the file into text', () => {
    // A docstring that lost a quote: CPython rejects the file; the clients after it cannot be read.
    const text = 'import boto3\n"""Clients.""\nbedrock = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const r = engine.analyze('app.py', text);
    assert.deepEqual(r.notes.map((n) => [n.kind, n.line]), [['parse-error', 2]]);
    assert.match(r.notes[0]!.message, /never closed runs from here to the end of the file/);
    for (const [file, broken] of [['app.ts', 'import OpenAI from "openai";\nconst s = `unclosed\nconst c = new OpenAI();\n'], ['main.rs', 'fn main() {\n    let s = "unclosed;\n    let c = async_openai::Client::new();\n}\n']]) {
      const notes = engine.analyze(file!, broken!).notes;
      assert.ok(notes.some((n) => n.kind === 'parse-error' && n.line === 2 && /never closed runs/.test(n.message)), `${file}: ${JSON.stringify(notes)}`);
    }
    // One left open at its line's end costs the rest of that line (a call's closing `)`, the next argument's comma).
    const line = engine.analyze('app.py', 'import vertexai\nvertexai.init(\n    project="acme,\n    location="europe-west6",\n)\n');
    assert.deepEqual(line.notes.map((n) => [n.kind, n.line, /never closed ends with its line/.test(n.message)]), [['parse-error', 3, true]]);
    // Valid code stays quiet: JSX text with an apostrophe, a C# #region with one.
    assert.deepEqual(engine.analyze('A.tsx', 'import OpenAI from "openai";\nconst c = new OpenAI();\nexport const A = () => <p>Don\'t stop</p>;').notes, []);
    assert.deepEqual(engine.analyze('A.cs', 'using OpenAI.Chat;\nclass A {\n    #region Don\'t touch\n    ChatClient c = new ChatClient(model: "m", apiKey: "k");\n    #endregion\n}\n').notes, []);
    assert.match(engine.analyze('main.tf', 'locals {\n  a = "https://api.openai.com/v1\n}\n').notes[0]?.message ?? '', /not valid HCL/);
  });

  it('leaves valid code alone: the JSX closing tag `</p>}` is not a regular expression', () => {
    const text = 'import OpenAI from "openai";\nexport function A({ x }) {\n  return <div>{x && <p>{x}</p>}</div>;\n}\nconst URL = "https://api.deepseek.com";\nexport const client = new OpenAI({ baseURL: URL });\n';
    const r = engine.analyze('A.tsx', text);
    assert.deepEqual(r.notes, []);
    assertFound(r, [{ host: 'api.deepseek.com' }], 'tsx');
  });
});

/** A seeded generator (mulberry32): failures reproduce. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const SOUP = ['(', ')', '[', ']', '{', '}', '(', ')', 'a', ' ', '\n', '"s"', 'f(', '`${', '}`', 'x = ', ',', ':', '.', '=>', '$"{', '"', "'"];
const LANGS: LexLanguage[] = ['python', 'js', 'go', 'java', 'csharp', 'rust', 'hcl'];

describe('fail-closed parsers: no index leaves the token array', () => {
  it('the lexers balance every bracket, whatever the input (seeded random soups, every language)', () => {
    const next = rng(10);
    for (let k = 0; k < 400; k++) {
      const lang = LANGS[k % LANGS.length]!;
      let text = '';
      for (let i = 0, n = 1 + next(60); i < n; i++) text += SOUP[next(SOUP.length)];
      const check = (tokens: ReturnType<typeof lex>['tokens']): void => {
        const stack: string[] = [];
        for (const t of tokens) {
          if (t.parts) for (const p of t.parts) if ('expr' in p) check(p.expr);
          if (t.t !== 'p') continue;
          if ('([{'.includes(t.v)) stack.push(t.v);
          else if (')]}'.includes(t.v)) assert.equal(stack.pop(), { ')': '(', ']': '[', '}': '{' }[t.v], `${lang} ${JSON.stringify(text)}`);
          if (t.missing) assert.equal(t.s, t.e);
        }
        assert.deepEqual(stack, [], `${lang} ${JSON.stringify(text)}`);
      };
      check(lex(text, lang).tokens);
    }
  });

  it('skips the second pass only where it would redo the first: the same tokens as with it (seeded random soups, every language)', () => {
    const next = rng(13);
    // CRLF, tabs and multi-line strings with holes (heredocs, triple quotes) too: each pass must see the same breaks.
    const pieces = [...SOUP, '\n  ', '\n    ', '\nx = f(', '\n  y[', '# c\n', '// c\n', '\r\n', '\r\n  ', '\n\t', '\t', 'f"""{', '"""', '<<EOT\n${', '\nEOT\n', '/* c\n*/'];
    let redone = 0;
    for (let k = 0; k < 600; k++) {
      const lang = LANGS[k % LANGS.length]!;
      let text = '';
      for (let i = 0, n = 1 + next(40); i < n; i++) text += pieces[next(pieces.length)];
      const twice = lex(text, lang, 2);
      assert.deepEqual(lex(text, lang), twice, `${lang} ${JSON.stringify(text)}`);
      if (JSON.stringify(twice.tokens) !== JSON.stringify(lex(text, lang, 1).tokens)) redone++;
    }
    // The soups do reach the second pass: the shortcut is tested where it must not be taken.
    assert.ok(redone > 30, `${redone}`);
  });

  it('an opener never closed costs its own token only: the closers put in at one place share one', () => {
    const { tokens, brackets } = lex(`x = ${'['.repeat(10_000)}\ny = (1,\n`, 'python');
    const missing = tokens.filter((t) => t.missing);
    assert.equal(missing.length, 10_001);
    assert.deepEqual([...new Set(missing)].map((t) => [t.v, t.s]), [[']', 10_004], [')', 10_012]]);
    assert.deepEqual(brackets, { first: { offset: 4, message: '"[" is never closed' }, count: 10_001 });
  });

  it('the code parser finds a closer inside the file for every opener, even for tokens that do not balance', () => {
    const next = rng(11);
    for (let k = 0; k < 300; k++) {
      const tokens = Array.from({ length: 1 + next(30) }, (_, i) => ({ t: 'p' as const, s: i, e: i + 1, v: '()[]{}'[next(6)]! }));
      const parser = new CodeParser(tokens.map((t) => t.v).join(''), tokens, 'js', () => true);
      tokens.forEach((t, i) => {
        if (!'([{'.includes(t.v)) return;
        const close = parser.closeOf(i);
        assert.ok(close >= i && close < tokens.length, `${i} -> ${close}`);
      });
      parser.parseFile();
      assert.doesNotThrow(() => parser.parseRange(0, tokens.length));
    }
  });

  it('no random bracket soup in any code language makes the engine fall back with an internal error', () => {
    const next = rng(12);
    const pieces = ['(', ')', '[', ']', '{', '}', 'a', 'f(', 'k[', ', ', '.b', '"s"'];
    for (let k = 0; k < 300; k++) {
      const shape = SHAPES[k % SHAPES.length]!;
      let soup = '';
      for (let i = 0, n = 1 + next(12); i < n; i++) soup += pieces[next(pieces.length)];
      const where = (['start', 'middle', 'end', 'argument'] as const)[next(4)]!;
      const r = engine.analyze(shape.file, where === 'argument' ? withArgument(shape, soup) : insertAt(shape, where, shape.stmt(soup)));
      const context = `${shape.file} with ${soup} at the ${where}`;
      assertNoInternalError(r, context);
      assertFound(r, shape.expected, context);
    }
  });
});

describe('fail-closed parsers: nesting is bounded, not by the JS stack (issue 10, row 11)', () => {
  // Before and after the deep part an SDK-default client; the deep part is a setting of a
  // third client, which the engine must parse: past the bound it is unknown, with a note.
  const CASES: { file: string; make: (open: string, close: string) => string; open: string; close: string; deepLine: number; expected: Expected[] }[] = [
    { file: 'app.py', open: '(', close: ')', deepLine: 3, expected: [OPENAI], make: (o, c) => `from openai import OpenAI\na = OpenAI()\nc = OpenAI(base_url=${o}"https://api.deepseek.com"${c})\nb = OpenAI()\n` },
    { file: 'app.py', open: '[', close: '][0]', deepLine: 3, expected: [OPENAI], make: (o, c) => `from openai import OpenAI\na = OpenAI()\nc = OpenAI(base_url=${o}"https://api.deepseek.com"${c})\nb = OpenAI()\n` },
    { file: 'app.ts', open: '(', close: ')', deepLine: 3, expected: [OPENAI], make: (o, c) => `import OpenAI from "openai";\nconst a = new OpenAI();\nconst c = new OpenAI({ baseURL: ${o}"https://api.deepseek.com"${c} });\nconst b = new OpenAI();\n` },
    { file: 'app.ts', open: '{ a: ', close: ' }.a', deepLine: 3, expected: [OPENAI], make: (o, c) => `import OpenAI from "openai";\nconst a = new OpenAI();\nconst c = new OpenAI({ baseURL: ${o}"https://api.deepseek.com"${c} });\nconst b = new OpenAI();\n` },
    { file: 'app.go', open: 'f(', close: ')', deepLine: 5, expected: [OPENAI], make: (o, c) => `package main\nimport "github.com/openai/openai-go"\nfunc main() {\n\ta := openai.NewClient()\n\tc := openai.NewClient(option.WithBaseURL(${o}"https://api.deepseek.com"${c}))\n\tb := openai.NewClient()\n}\n` },
    { file: 'App.java', open: '(', close: ')', deepLine: 3, expected: [{ host: 'api.anthropic.com' }], make: (o, c) => `class App {\n  AnthropicClient a = AnthropicOkHttpClient.fromEnv();\n  AnthropicClient c = AnthropicOkHttpClient.builder().baseUrl(${o}"https://api.deepseek.com"${c}).build();\n  AnthropicClient b = AnthropicOkHttpClient.fromEnv();\n}\n` },
    { file: 'App.cs', open: '(', close: ')', deepLine: 3, expected: [OPENAI], make: (o, c) => `class App {\n  ChatClient a = new ChatClient(model: "gpt-4o", apiKey: "k");\n  ChatClient c = new ChatClient(model: "gpt-4o", apiKey: "k", options: new OpenAIClientOptions { Endpoint = new Uri(${o}"https://api.deepseek.com"${c}) });\n  ChatClient b = new ChatClient(model: "gpt-4o", apiKey: "k");\n}\n` },
    { file: 'main.rs', open: '(', close: ')', deepLine: 3, expected: [OPENAI], make: (o, c) => `fn run() {\n    let a = async_openai::Client::new();\n    let c = async_openai::Client::with_config(OpenAIConfig::new().with_api_base(${o}"https://api.deepseek.com"${c}));\n    let b = async_openai::Client::new();\n}\n` },
  ];
  for (const depth of [1_000, 100_000]) {
    for (const c of CASES) {
      it(`${c.file}: \`${c.open}\` nested ${depth.toLocaleString('en')} deep is skipped with a note; the clients before and after are found`, function () {
        this.timeout(20_000);
        const text = c.make(c.open.repeat(depth), c.close.repeat(depth));
        const r = engine.analyze(c.file, text, BIG);
        assertNoInternalError(r, c.file);
        const defaults = r.endpoints.filter((e) => e.host === c.expected[0]!.host);
        assert.equal(defaults.length, 2, `${c.file}: ${JSON.stringify(r.endpoints.map((e) => [e.host, e.range]))} ${r.notes.map((n) => n.message).join(' | ')}`);
        // The deep setting is unknown, never the literal it hides nor the SDK default.
        assert.ok(r.endpoints.some((e) => e.host === null), `${c.file}: no unknown endpoint for the deep setting`);
        const note = r.notes.find((n) => /nested more than 100 levels deep/.test(n.message));
        assert.ok(note, `${c.file}: ${r.notes.map((n) => n.message).join(' | ')}`);
        assert.equal(note.kind, 'parse-error');
        assert.equal(note.line, c.deepLine);
      });
    }
  }

  for (const depth of [1_000, 100_000]) {
    it(`interpolations nested ${depth.toLocaleString('en')} deep (template literals, f-strings, C# $"") lex without recursion`, function () {
      this.timeout(20_000);
      const ts = `import OpenAI from "openai";\nconst a = new OpenAI();\nconst x = ${'`${'.repeat(depth)}1${'}`'.repeat(depth)};\nconst b = new OpenAI({ baseURL: "https://api.deepseek.com" });\n`;
      const py = `from openai import OpenAI\na = OpenAI()\nx = ${'f"{'.repeat(depth)}1${'}"'.repeat(depth)}\nb = OpenAI(base_url="https://api.deepseek.com")\n`;
      const cs = `class A {\n  ChatClient a = new ChatClient(model: "m", apiKey: "k");\n  string x = ${'$"{'.repeat(depth)}1${'}"'.repeat(depth)};\n  ChatClient b = new ChatClient(model: "m", apiKey: "k", options: new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });\n}\n`;
      for (const [file, text] of [['a.ts', ts], ['a.py', py], ['A.cs', cs]] as const) {
        const r = engine.analyze(file, text, BIG);
        assertNoInternalError(r, file);
        assertFound(r, [OPENAI, { host: 'api.deepseek.com' }], file);
      }
      // The value itself is parsed to the bound, then unknown, with a note.
      const used = `from openai import OpenAI\nx = ${'f"{'.repeat(depth)}1${'}"'.repeat(depth)}\nc = OpenAI(base_url=x)\n`;
      const r = engine.analyze('b.py', used, BIG);
      assert.deepEqual(r.notes.map((n) => [n.line, /nested more than 100 levels/.test(n.message)]), [[2, true]]);
    });
  }

  for (const depth of [1_000, 100_000]) {
    it(`Terraform: lists and blocks nested ${depth.toLocaleString('en')} deep keep the URLs before and after`, function () {
      this.timeout(20_000);
      const list = `locals {\n  a = "https://api.openai.com/v1"\n  x = ${'['.repeat(depth)}1${']'.repeat(depth)}\n  b = "https://api.deepseek.com"\n}\n`;
      const blocks = `locals {\n  a = "https://api.openai.com/v1"\n}\n${'x {\n'.repeat(depth)}${'}\n'.repeat(depth)}locals {\n  b = "https://api.deepseek.com"\n}\n`;
      for (const [name, text] of [['list', list], ['blocks', blocks]] as const) {
        const r = engine.analyze('main.tf', text, BIG);
        assertNoInternalError(r, name);
        assertFound(r, [OPENAI, { host: 'api.deepseek.com' }], name);
      }
      assert.deepEqual(engine.analyze('main.tf', list, BIG).notes.map((n) => [n.line, /nested more than 100 levels/.test(n.message)]), [[3, true]]);
    });

    it(`Bicep: values nested ${depth.toLocaleString('en')} deep keep the Azure OpenAI accounts before and after`, function () {
      this.timeout(20_000);
      const account = (symbol: string, location: string): string =>
        `resource ${symbol} 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: '${symbol}'\n  location: '${location}'\n  kind: 'OpenAI'\n  properties: {\n    customSubDomainName: '${symbol}'\n  }\n}\n`;
      const text = `${account('first', 'eastus')}var x = ${'['.repeat(depth)}${']'.repeat(depth)}\nvar y = ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n${account('second', 'swedencentral')}`;
      const r = engine.analyze('main.bicep', text, BIG);
      assertNoInternalError(r, 'bicep');
      assertFound(r, [{ host: 'first.openai.azure.com', region: 'eastus' }, { host: 'second.openai.azure.com', region: 'swedencentral' }], 'bicep');
      assert.deepEqual(r.notes.map((n) => [n.line, /nested more than 100 levels/.test(n.message)]), [[9, true]]);
    });
  }

  it('Rust `use` groups nested 100,000 deep are read without recursion', function () {
    this.timeout(20_000);
    const text = `use a::${'{b::'.repeat(100_000)}c${'}'.repeat(100_000)};\nfn main() {\n    let client = async_openai::Client::new();\n}\n`;
    const r = engine.analyze('main.rs', text, BIG);
    assertNoInternalError(r, 'rust');
    assertFound(r, [OPENAI], 'rust');
  });

  it('config trees 100,000 deep (maps, ARM resources; Portkey strategies 1,000 deep) are walked from a work list', function () {
    this.timeout(20_000);
    // Built directly: how deep a YAML/JSON reader lets a tree get is its own business.
    const scalar = (v: string): CNode => ({ k: 'scalar', v, s: 0, e: v.length, cs: 0, ce: v.length, verbatim: true });
    const map = (entries: [string, CNode][]): CNode => ({ k: 'map', entries: entries.map(([key, value]) => ({ key, keyS: 0, value })), s: 0, e: 0 });
    const seq = (items: CNode[]): CNode => ({ k: 'seq', items, s: 0, e: 0 });
    const depth = 100_000;
    let deep = map([['base_url', scalar('https://api.deepseek.com')]]);
    for (let i = 0; i < depth; i++) deep = i % 2 ? map([['k', deep]]) : seq([deep]);
    let portkey = map([['strategy', map([['mode', scalar('fallback')]])], ['targets', seq([map([['provider', scalar('openai')]])])]]);
    // (Each strategy level links every endpoint below it to its other targets: quadratic in
    // the nesting by design, so 1,000 levels here.)
    for (let i = 0; i < 1_000; i++) portkey = map([['strategy', map([['mode', scalar('fallback')]])], ['targets', seq([portkey, map([['provider', scalar('anthropic')]])])]]);
    let resource = map([['type', scalar('Microsoft.CognitiveServices/accounts')], ['kind', scalar('OpenAI')], ['name', scalar('deep')], ['location', scalar('westeurope')]]);
    for (let i = 0; i < depth; i++) resource = map([['type', scalar('Microsoft.Resources/deployments')], ['resources', seq([resource])]]);
    const arm = map([['$schema', scalar('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#')], ['resources', seq([resource])]]);
    for (const [name, root, expected] of [
      ['maps and lists', deep, [{ host: 'api.deepseek.com' }]],
      ['Portkey', portkey, [OPENAI, { host: 'api.anthropic.com' }]],
      ['ARM', arm, [{ host: 'deep.openai.azure.com', region: 'westeurope' }]],
    ] as const) {
      const r = new ConfigResolver('config.json', engine.index);
      r.tree(root);
      assertFound({ file: 'config.json', endpoints: r.endpoints, notes: [], env: [], waivers: [], azureResources: [] }, expected, name);
    }
  });
});

describe('fail-closed parsers: linear time (issue 10, row 13)', () => {
  // Each input took tens of seconds or more before (quadratic); now well under a second.
  // The timeout is the bound: far above the fixed time, far below the old one.
  const N = 40_000;
  const ids = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');
  const CASES: [string, string, string][] = [
    ['Bicep `var x = [[[[...` of 2 MB after an Azure OpenAI account', 'main.bicep', `resource oai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'oai'\n  location: 'eastus'\n  kind: 'OpenAI'\n}\nvar x = ${'['.repeat(1024 * 1024)}${']'.repeat(1024 * 1024)}\n`],
    ['a concatenation chain "a" + "a" + ... used as a base URL', 'a.py', `from openai import OpenAI\nx = ${Array(N).fill('"a"').join(' + ')}\nc = OpenAI(base_url=x)\n`],
    ['adjacent Python string literals', 'a.py', `from openai import OpenAI\nx = ${Array(N).fill('"a"').join(' ')}\nc = OpenAI(base_url=x)\n`],
    ['an `or` chain', 'a.py', `from openai import OpenAI\nx = ${Array(N).fill('a').join(' or ')}\nc = OpenAI(base_url=x)\n`],
    ['a chained assignment a0 = a1 = ... (Python)', 'a.py', `from openai import OpenAI\n${ids(N, (i) => `a${i} = `)}"https://api.openai.com"\nc = OpenAI(base_url=a0)\n`],
    ['a chained assignment a0=a1=... (minified JS)', 'a.js', `import OpenAI from "openai";${ids(N, (i) => `a${i}=`)}"https://api.openai.com";const c=new OpenAI({baseURL:a0});\n`],
    ['one minified `var` declaring thousands of names', 'a.js', `import OpenAI from "openai";var ${Array.from({ length: N / 2 }, (_, i) => `a${i}="u"`).join(',')};const c=new OpenAI({baseURL:a1});\n`],
    ['a C# object initializer with thousands of members on one line', 'A.cs', `class A { void M() { var o = new OpenAIClientOptions { ${Array.from({ length: N / 2 }, (_, i) => `A${i} = 1`).join(', ')} }; var c = new OpenAIClient("k", o); } }\n`],
    ['a method chain of thousands of client calls on one line', 'A.cs', `class A { void M() { var k = Kernel.CreateBuilder()${'.AddOpenAIChatCompletion("gpt-4o", "k")'.repeat(N / 8)}.Build(); } }\n`],
    ['a Python line of `lambda lambda ...`', 'a.py', `from openai import OpenAI\nx = ${'lambda '.repeat(N)}\nc = OpenAI()\n`],
    ['a Terraform concatenation chain', 'main.tf', `locals {\n  x = ${Array(N).fill('"a"').join(' + ')}\n  u = "https://api.openai.com/v1"\n}\n`],
    ['1,500 nested try/catch blocks with a client in each', 'a.js', `import OpenAI from "openai";\nconst a = new OpenAI(); ${'try { '.repeat(1500)}const c = new OpenAI({baseURL: "https://api.deepseek.com"});${' } catch (e) { new OpenAI(); }'.repeat(1500)}\n`],
    ['1,400 nested Python try blocks', 'a.py', `from openai import OpenAI\na = OpenAI()\n${ids(1400, (i) => `${' '.repeat(i)}try:\n`)}${' '.repeat(1400)}c = OpenAI()\n${ids(1400, (i) => `${' '.repeat(1399 - i)}except E:\n${' '.repeat(1400 - i)}b = OpenAI()\n`)}`],
  ];
  for (const [name, file, text] of CASES) {
    it(`${name} (${(text.length / 1024).toFixed(0)} KB)`, function () {
      this.timeout(10_000);
      const r = engine.analyze(file, text, BIG);
      assertNoInternalError(r, name);
      assert.ok(r.endpoints.length > 0, name);
    });
  }

  it('4 MB of `\\u{` escapes in one string lexes in linear time', function () {
    this.timeout(10_000);
    const [tok] = lex(`"${'\\u{'.repeat(1024 * 1024)}"`, 'js').tokens;
    assert.equal(tok?.v, '\u0000{'.repeat(1024 * 1024)); // `\u` without hex digits is a syntax error: an unknown (HOLE)
  });

  it('an escape past the last code point (`"\\u{110000}"`) is unknown (HOLE), not an internal error', () => {
    assert.deepEqual(lex('"\\u{1F600}\\u{110000}"', 'js').tokens.map((t) => t.v), ['\u{1F600}\u0000{110000}']);
    const r = engine.analyze('a.js', 'import OpenAI from "openai";\nconst s = "\\u{110000}";\nconst c = new OpenAI();\n');
    assertNoInternalError(r, 'js');
    assertFound(r, [OPENAI], 'js');
  });

  it('long statements in fixed time per character: a 1 MB line of `a+a+...`, and many calls on one line', function () {
    this.timeout(10_000);
    const r = engine.analyze('a.js', `import OpenAI from "openai";\nconst s = ${'a+'.repeat(512 * 1024)}1;\nconst c = new OpenAI();\n`, BIG);
    assertFound(r, [OPENAI], 'long line');
    const calls = engine.analyze('a.py', `from openai import OpenAI\n${'OpenAI();'.repeat(9_000)}\n`, BIG);
    assert.equal(calls.endpoints.length, 9_000);
  });

  it('thousands of names each assigned and used once, and thousands of clients each under its own `if ... and X`', function () {
    this.timeout(10_000);
    const names = engine.analyze('a.py', `import boto3\n${ids(8_000, (i) => `r${i} = "eu-central-1"\nc${i} = boto3.client("bedrock-runtime", region_name=r${i})\n`)}`, BIG);
    assert.equal(names.endpoints.length, 8_000);
    const ifs = engine.analyze('b.py', `from google import genai\n${ids(8_000, (i) => `if a${i} and cfg.vertexai:\n    c${i} = genai.Client(vertexai=cfg.vertexai)\n`)}`, BIG);
    assert.equal(ifs.endpoints.length, 8_000);
  });

  it('a name assigned thousands of times and used thousands of times, and thousands of functions each assigning it', function () {
    this.timeout(10_000);
    const many = engine.analyze('a.py', `from openai import OpenAI\n${'x = "https://api.openai.com/v1"\n'.repeat(5_000)}${'c = OpenAI(base_url=x)\n'.repeat(5_000)}`, BIG);
    // Run top to bottom, every client takes the last assignment; one constant given to many
    // clients is a use at each client's argument, beside the other 4,999 URL literals.
    assert.equal(many.endpoints.length, 9_999);
    assert.equal(many.endpoints.filter((e) => e.via.startsWith('OpenAI()')).length, 5_000);
    const defs = engine.analyze('b.py', `from openai import OpenAI\n${ids(5_000, (i) => `def f${i}():\n    x = "u${i}"\n`)}x = "https://api.deepseek.com"\nc = OpenAI(base_url=x)\n`, BIG);
    assertFound(defs, [{ host: 'api.deepseek.com' }], 'defs');
  });
});
