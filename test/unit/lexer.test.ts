// The lexers decide what is code, what is a string and what is a comment: nothing in
// a comment may be reported, and string values must be exact.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import { lex } from '../../src/core/scan/lexer';
import type { LexLanguage } from '../../src/core/scan/tokens';

const strings = (text: string, lang: LexLanguage): string[] => lex(text, lang).tokens.filter((t) => t.t === 'str').map((t) => t.v);
const engine = new Engine();
const hosts = (file: string, text: string): (string | null)[] => engine.analyze(file, text).endpoints.map((e) => e.host);

describe('lexers', () => {
  it('drop comments in every syntax', () => {
    assert.deepEqual(strings('# "a"\nx = "b"  # "c"\n', 'python'), ['b']);
    assert.deepEqual(strings('// "a"\n/* "b"\n "c" */ x = "d";', 'js'), ['d']);
    assert.deepEqual(strings('/* outer /* nested "a" */ still comment "b" */ let x = "c";', 'rust'), ['c']);
    assert.deepEqual(strings('# hash "a"\n// slash "b"\nx = "c"\n', 'hcl'), ['c']);
  });

  it('decode escapes, raw and verbatim strings', () => {
    assert.deepEqual(strings(String.raw`x = "a\"b\n" + r"c\d" + 'e\'f'`, 'python'), ['a"b\n', 'c\\d', "e'f"]);
    assert.deepEqual(strings('s := `raw "quoted"` + "x\\ty"', 'go'), ['raw "quoted"', 'x\ty']);
    assert.deepEqual(strings('var p = @"C:\\dir""q"; var r = """\n  raw "x"\n  """;', 'csharp'), ['C:\\dir"q', '  raw "x"\n  ']);
    assert.deepEqual(strings('let a = r#"has "quotes""#; let c = \'x\'; fn f<\'a>(s: &\'a str) {}', 'rust'), ['has "quotes"', 'x']);
    assert.deepEqual(strings('String s = """\n    text "block"\n    """;', 'java'), ['    text "block"\n    ']);
  });

  it('keep the code inside interpolations', () => {
    const [tmpl] = lex('f"https://{REGION}-aiplatform.googleapis.com/{x!r:>{w}}"', 'python').tokens;
    assert.equal(tmpl?.t, 'tmpl');
    assert.deepEqual(tmpl?.parts?.map((p) => ('lit' in p ? p.lit : p.expr.map((t) => t.v).join(' '))), ['https://', 'REGION', '-aiplatform.googleapis.com/', 'x']);
    const [js] = lex('`${base}/v1/${nested(`a${b}`)}`', 'js').tokens;
    assert.deepEqual(js?.parts?.filter((p) => 'expr' in p).length, 2);
    const [cs] = lex('$"{{literal}} {host,10:N} end"', 'csharp').tokens;
    assert.deepEqual(cs?.parts?.map((p) => ('lit' in p ? p.lit : p.expr.map((t) => t.v).join(''))), ['{literal} ', 'host', ' end']);
  });

  it('tell regular expressions from division in JS', () => {
    assert.deepEqual(strings('const re = /a"b/g; const half = total / 2; const s = "ok";', 'js'), ['ok']);
  });

  it('limit an unterminated string to its line', () => {
    // JSX text with an apostrophe must not swallow the rest of the file.
    const text = 'const el = <p>Don\'t stop</p>;\nconst client = new OpenAI({ baseURL: "https://api.deepseek.com" });\n';
    assert.deepEqual(hosts('App.tsx', text), ['api.deepseek.com']);
  });
});

describe('what stays quiet', () => {
  it('commented-out calls, docstrings and URLs inside sentences', () => {
    const py = [
      '"""Talks to https://api.openai.com in production."""',
      '# client = OpenAI(base_url="https://api.openai.com/v1")',
      'log.info("fallback to https://api.anthropic.com failed")',
      'DOCS = "see https://platform.openai.com/docs"',
      's3 = boto3.client("s3", region_name="us-east-1")',
    ].join('\n');
    assert.deepEqual(hosts('app.py', py), []);
  });

  it('tool schemas with a location and unrelated region keys', () => {
    const json = '{"type": "function", "parameters": {"properties": {"location": {"type": "string"}, "region": {"enum": ["us-east-1"]}}}}';
    assert.deepEqual(hosts('tools.json', json), []);
    assert.deepEqual(hosts('bucket.yaml', 'Resources:\n  Bucket:\n    Properties:\n      region: us-east-1\n'), []);
  });

  it('lock files, Markdown and notebook outputs', () => {
    assert.equal(engine.analyze('package-lock.json', '{"openai": {"resolved": "https://api.openai.com/x"}}').endpoints.length, 0);
    assert.equal(engine.analyze('README.md', 'Call https://api.openai.com/v1').endpoints.length, 0);
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['x = 1\n'], outputs: [{ text: ['https://api.openai.com/v1'] }] }, { cell_type: 'markdown', source: ['https://api.anthropic.com'] }], metadata: {} });
    assert.equal(engine.analyze('nb.ipynb', nb).endpoints.length, 0);
  });
});
