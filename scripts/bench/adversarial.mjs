// Adversarial inputs for the benchmark: the shapes that once made the scan hang, grow
// without bound or pass a failing project (issue 10), each written as a small workspace
// of about 1 MB (policy files: their 256 KB cap). The benchmark runs the CLI on each, in
// every output format, and reports seconds per MB of input; the target is 2 s/MB.

import * as fs from 'node:fs';
import * as path from 'node:path';

const MB = 1000 * 1000;
const EU = 'require: [eu-residency]\n';

/** Repeats `unit` until the text reaches `bytes`. */
const fill = (unit, bytes = MB) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const nest = (open, close, depth, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

/** name -> { what, files: {path: text | Buffer} }; a `.llm-compliance.yaml` with eu-residency unless the input is the policy. */
function inputs() {
  const OPENAI_PY = 'from openai import OpenAI\nclient = OpenAI()\n';
  const OPENAI_TS = 'import OpenAI from "openai";\nconst client = new OpenAI();\n';
  const deepDir = Array.from({ length: 40 }, () => 'a').join('/');
  return {
    'stray-brackets.py': { what: 'row 1: unbalanced brackets, 1 MB of `OpenAI(api_key=keys[)`', files: { 'app.py': OPENAI_PY + fill('client = OpenAI(api_key=keys[)\n') } },
    'unclosed-openers.py': { what: 'row 1: 1 MB of `[` that nothing closes, after a client', files: { 'app.py': `${OPENAI_PY}x = ${fill('[')}\n` } },
    'unclosed-calls.ts': { what: 'row 1: 1 MB of client calls whose `)` is missing, one per line', files: { 'app.ts': OPENAI_TS + fill('const c = new OpenAI({ baseURL: "https://api.openai.com/v1" }\n') } },
    'nul-in-comments.js': { what: 'row 2: NUL bytes in comments of a JS file', files: { 'app.js': OPENAI_TS + fill('// \0 comment\nnew OpenAI({ baseURL: "https://api.openai.com/v1" });\n') } },
    'yaml-flow-ends.yaml': { what: 'row 3: `a: ` then `} ` repeated (quadratic error formatting)', files: { 'config.yaml': `url: https://api.openai.com/v1\na: ${fill('} ')}` } },
    'yaml-flow-ends.policy': { what: 'row 3: the same as a policy file (256 KB)', files: { '.llm-compliance.yaml': `a: ${fill('} ', 256 * 1024 - 8)}`, 'app.py': OPENAI_PY }, policy: true },
    'gitignore-nested-globstars': {
      what: 'row 4: .gitignore of nested `**/a/**/a/...` patterns against a 40-deep tree',
      files: {
        '.gitignore': fill(`${Array.from({ length: 20 }, () => '**/a').join('/')}/b\n`),
        [`${deepDir}/app.py`]: OPENAI_PY,
      },
    },
    'gitignore-distinct-globstars': {
      what: 'row 4: 1 MB of distinct nested-** patterns that no cheap check rules out (each must be matched) against a 40-deep tree',
      files: {
        '.gitignore': (() => {
          let text = '';
          for (let i = 0; text.length < MB; i++) text += `${'**/a/'.repeat(1 + (Math.floor(i / 41) % 60))}b${'*'.repeat((i % 41) % 3 + 1)}${'x'.repeat(i % 41)}/**/a\n`;
          return text;
        })(),
        [`${deepDir}/app.py`]: OPENAI_PY,
      },
    },
    'policy-nested-globstars': {
      what: 'row 4: policy ignore: and waiver paths of nested `**/a/**` patterns (256 KB)',
      files: {
        '.llm-compliance.yaml': `${EU}ignore:\n${fill(`  - "${Array.from({ length: 20 }, () => '**/a').join('/')}/b"\n`, 120 * 1024)}waivers:\n  - rule: LLMC002\n    reason: "bench"\n    paths:\n${fill(`      - "${Array.from({ length: 20 }, () => '**/a').join('/')}/c"\n`, 120 * 1024)}`,
        [`${deepDir}/app.py`]: OPENAI_PY,
      },
      policy: true,
    },
    'one-line-8000-calls': {
      what: 'row 5: 4 files of 8,000 calls on one minified line (SARIF fingerprints, output size)',
      files: Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`min${i}.js`, `import OpenAI from "openai";${fill('new OpenAI({baseURL:"https://api.openai.com/v1"});', MB / 4)}`])),
    },
    'policy-alias-bomb': {
      what: 'row 6: a policy whose aliases expand exponentially (billion laughs)',
      files: {
        '.llm-compliance.yaml': `${EU}x0: &a0 ["lol"]\n${Array.from({ length: 30 }, (_, i) => `x${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]\n`).join('')}`,
        'app.py': OPENAI_PY,
      },
      policy: true,
    },
    'confusable-hosts.py': {
      what: 'row 7: 1 MB of base URLs with fullwidth, ideographic-dot, zero-width and look-alike hosts',
      files: { 'app.py': `from openai import OpenAI\n${fill('OpenAI(base_url="https://ａｐｉ。openai\u200b.com\\\\@eu.api.openai.com/v1")\nOpenAI(base_url="https://api.оpenai.com/v1")\n')}` },
    },
    'control-characters.env': {
      what: 'row 9: ESC sequences and bidi overrides in values and names (text output)',
      files: { '.env': fill('OPENAI_BASE_URL=https://\u001b]0;pwned\u0007\u001b[2Japi.openai.com\u202e/v1\n'), 'app.py': OPENAI_PY },
    },
    'policy-proto-keys': {
      what: 'row 10: a policy of prototype keys, complex keys and infinities (256 KB)',
      files: { '.llm-compliance.yaml': `${EU}${fill('__proto__: 5\n? [require]\n: x\nmaxFileSizeKb: .inf\n', 250 * 1024)}`, 'app.py': OPENAI_PY },
      policy: true,
    },
    ...Object.fromEntries([
      ['py', 'app.py', OPENAI_PY, '(', ')'],
      ['ts', 'app.ts', OPENAI_TS, '[', ']'],
      ['go', 'main.go', 'package main\nimport "github.com/openai/openai-go"\nvar c = openai.NewClient()\n', '(', ')'],
      ['tf', 'main.tf', 'locals {\n  url = "https://api.openai.com/v1"\n}\n', '[', ']'],
      ['json', 'config.json', '', '[', ']'],
      ['yaml', 'config.yaml', '', '[', ']'],
      ['toml', 'config.toml', '', '[', ']'],
      ['bicep', 'main.bicep', "resource a 'Microsoft.CognitiveServices/accounts@2023-05-01' = {\n  name: 'x'\n  location: 'eastus'\n  kind: 'OpenAI'\n}\n", '[', ']'],
    ].map(([ext, file, head, open, close]) => {
      const depth = 250_000;
      const body = ext === 'json' ? `{"url": "https://api.openai.com/v1", "x": ${nest(open, close, depth)}}`
        : ext === 'yaml' ? `url: https://api.openai.com/v1\nx: ${nest(open, close, depth)}\n`
        : ext === 'toml' ? `url = "https://api.openai.com/v1"\nx = ${nest(open, close, depth)}\n`
        : ext === 'bicep' ? `${head}var x = ${open.repeat(depth * 2)}\n`
        : `${head}x = ${nest(open, close, depth)}\n${head}`;
      return [`nesting.${ext}`, { what: `rows 11 and 13: brackets nested ${depth.toLocaleString('en-US')} deep (Bicep: never closed)`, files: { [file]: body } }];
    })),
    'policy-nested.json': {
      what: 'row 11: a JSON policy nested 100,000 deep',
      files: { '.llm-compliance.json': `{"require": ["eu-residency"], "x": ${nest('[', ']', 100_000)}}`, 'app.py': OPENAI_PY },
      policy: true,
    },
    'notebook-huge-cell.ipynb': {
      what: 'a notebook whose one code cell is 1 MB of client calls',
      files: { 'nb.ipynb': JSON.stringify({ metadata: { kernelspec: { language: 'python' } }, cells: [{ cell_type: 'code', source: [OPENAI_PY, ...Array.from({ length: 40_000 }, () => 'OpenAI()\n')] }] }) },
    },
    'long-concatenation.py': { what: 'a 1 MB chain of string concatenations', files: { 'app.py': `from openai import OpenAI\nu = "https://api.openai.com"${fill(' + "/v1"')}\nOpenAI(base_url=u)\n` } },
    'many-assignments.py': { what: 'one name assigned 100,000 times, then used', files: { 'app.py': `from openai import OpenAI\n${fill('u = "https://api.openai.com/v1"\n')}OpenAI(base_url=u)\n` } },
  };
}

/** Writes each input as a workspace under `root`; returns [{ name, what, dir, bytes, policy }]. */
export function writeAdversarial(root) {
  fs.rmSync(root, { recursive: true, force: true });
  const out = [];
  for (const [name, input] of Object.entries(inputs())) {
    const dir = path.join(root, name);
    const files = input.policy ? input.files : { '.llm-compliance.yaml': EU, ...input.files };
    let bytes = 0;
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
      bytes += Buffer.byteLength(content);
    }
    out.push({ name, what: input.what, dir, bytes });
  }
  return out;
}
