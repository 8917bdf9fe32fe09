// A config file with no LLM signal of its own is read when it may set a variable code reads
// (workspace.ts forcedRead): it writes the name whole and in its case, as each way a config
// sets a value needs. A mention in another case, or inside a longer name, sets nothing code
// reads, and the file is not read for it.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, Engine, firstAnalyzer, parsePolicy, type WorkspaceSource } from '../../src/core';
import { isSettableName, SettableNames } from '../../src/core/scan/settable-names';

const engine = new Engine();
const URL = 'https://gateway.internal.example/v1';
const encode = (text: string) => new TextEncoder().encode(text);

/** The first analysis of a config file, with `reads` as the variables code reads. */
function first(file: string, text: string, reads: string[]) {
  return firstAnalyzer(engine, { maxFileSize: 1 << 20, wanted: reads })(file, encode(text))!;
}

describe('config files read for the variables code reads', () => {
  const sets: [string, string, string][] = [
    ['a workflow env mapping (YAML key)', '.github/workflows/ci.yml', `jobs:\n  test:\n    env:\n      MODEL_GATEWAY: ${URL}\n`],
    ['a JSON key', 'settings.json', `{"env": {"MODEL_GATEWAY": "${URL}"}}\n`],
    ['a TOML key', 'deploy.toml', `[env]\nMODEL_GATEWAY = "${URL}"\n`],
    ['a .properties key', 'conf/app.properties', `MODEL_GATEWAY=${URL}\n`],
    ['a Kubernetes env item', 'k8s/deploy.yaml', `spec:\n  containers:\n    - env:\n        - name: MODEL_GATEWAY\n          value: ${URL}\n`],
    ['a Kubernetes env item in flow style, quoted', 'k8s/deploy.yaml', `env: [{name: "MODEL_GATEWAY", value: "${URL}"}]\n`],
    ['a compose-style environment entry outside a compose file', 'stack.yml', `services:\n  api:\n    environment:\n      - MODEL_GATEWAY=${URL}\n`],
    ['a broken YAML file, read lexically', 'values.yaml', `MODEL_GATEWAY: ${URL}\n  bad: [\n`],
    ['a JSON5 key', 'env.json5', `{"MODEL_GATEWAY": "${URL}"}\n`],
  ];
  for (const [how, file, text] of sets) {
    it(`reads ${how} (${file})`, () => {
      const analysis = first(file, text, ['MODEL_GATEWAY', 'export:src/app:MODEL']);
      assert.equal(analysis.forced, true);
      assert.deepEqual(analysis.first.env.map((d) => [d.name, d.value]), [['MODEL_GATEWAY', URL]]);
      // Without the read, the same file is no LLM config: it is not read at all.
      const unread = first(file, text, ['OTHER_NAME']);
      assert.equal(unread.forced, false);
      assert.deepEqual(unread.first.env, []);
    });
  }

  it('reads a Kubernetes env item whose name is no ENV_NAME (no underscore), in JSON and TOML too', () => {
    const items: [string, string][] = [
      ['k8s/deploy.yaml', `env:\n  - name: LIMIT\n    value: "40"\n`],
      ['task.json', `{"env": [{"name": "LIMIT", "value": "40"}]}\n`],
      ['task.toml', `[[env]]\nname = "LIMIT"\nvalue = "40"\n`],
    ];
    for (const [file, text] of items) {
      const analysis = first(file, text, ['LIMIT']);
      assert.equal(analysis.forced, true, file);
      assert.deepEqual(analysis.first.env.map((d) => [d.name, d.value]), [['LIMIT', '40']], file);
    }
  });

  it('reads a Kubernetes env item whose name is no identifier, in lower case', () => {
    const text = `env:\n  - name: model.gateway-url\n    value: ${URL}\n`;
    const analysis = first('k8s/deploy.yaml', text, ['model.gateway-url']);
    assert.equal(analysis.forced, true);
    assert.deepEqual(analysis.first.env.map((d) => d.name), ['model.gateway-url']);
    assert.equal(first('k8s/deploy.yaml', text.replace('name: model', 'name: xmodel'), ['model.gateway-url']).forced, false);
  });

  it('gives the value of a .NET-style name with a `:` (no engine lookup name) that a Kubernetes env item sets to the code that reads it', async () => {
    const files: Record<string, string> = {
      'app.py': 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["Upstream:Addr"])\n',
      'deploy/app.yaml': `spec:\n  containers:\n    - env:\n        - name: "Upstream:Addr"\n          value: ${URL}\n`,
    };
    const source: WorkspaceSource = { files: Object.keys(files), read: (file) => encode(files[file]!) };
    const result = await analyzeWorkspace(engine, parsePolicy('.llm-compliance.yaml', 'require: []\n'), source);
    assert.equal(result.endpoints.find((e) => e.file === 'app.py')?.host, 'gateway.internal.example');
    // Beside no `name` and `value` keys, the name sets nothing.
    assert.equal(first('notes.yaml', 'see: "Upstream:Addr"\n', ['Upstream:Addr']).forced, false);
  });

  const mentions: [string, string, string][] = [
    ['in lower case', 'docs/notes.yaml', 'steps:\n  - run: echo "set model_gateway in your shell"\n'],
    ['in another case, as a key', 'app.json', `{"Model_Gateway": "${URL}"}\n`],
    ['inside a longer name', 'ci.yml', `env:\n  MY_MODEL_GATEWAY_URL: ${URL}\n`],
    ['as the start of a longer name', 'ci.yml', `env:\n  MODEL_GATEWAY2: ${URL}\n`],
    ['as the engine\'s own lookup name of a constant', 'notes.toml', 'ref = "export:src/app:MODEL"\n'],
    ['as a name that is no ENV_NAME, in a value', 'queries.toml', 'recent = "SELECT id FROM events WHERE status = $1 LIMIT 40"\n'],
    ['as a name that is no ENV_NAME, as a key', 'limits.yaml', 'LIMIT: 40\nname: api\n'],
  ];
  for (const [how, file, text] of mentions) {
    it(`does not read a file that names a variable code reads only ${how}`, () => {
      const analysis = first(file, text, ['MODEL_GATEWAY', 'export:src/app:MODEL', 'model', 'LIMIT']);
      assert.equal(analysis.forced, false);
      assert.deepEqual(analysis.first.env, []);
    });
  }

  it('gives the value a Kubernetes manifest with no LLM signal sets to the code that reads it', async () => {
    const files: Record<string, string> = {
      'app.py': 'import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["MODEL_GATEWAY"])\n',
      'deploy/app.yaml': `spec:\n  containers:\n    - env:\n        - name: MODEL_GATEWAY\n          value: ${URL}\n`,
      // Mentions the variable in another case only: not read, and sets nothing.
      'deploy/readme.yaml': 'notes: model_gateway is set in app.yaml\n',
    };
    const reads: string[] = [];
    const source: WorkspaceSource = { files: Object.keys(files), read: (file) => (reads.push(file), encode(files[file]!)) };
    const result = await analyzeWorkspace(engine, parsePolicy('.llm-compliance.yaml', 'require: []\n'), source);
    const endpoint = result.endpoints.find((e) => e.file === 'app.py');
    assert.ok(endpoint, 'the client is an endpoint');
    assert.equal(endpoint.host, 'gateway.internal.example');
    assert.equal(result.filesScanned, 3);
  });
  it('reads a manifest saved as UTF-16 with a byte-order mark, as the engine decodes it (Windows tools write these)', async () => {
    const manifest = `spec:\n  containers:\n    - env:\n        - name: MODEL_GATEWAY\n          value: ${URL}\n`;
    const utf16le = (text: string): Uint8Array => {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
      return bytes;
    };
    const files: Record<string, Uint8Array> = {
      'app.py': encode('import os\nfrom openai import OpenAI\n\nclient = OpenAI(base_url=os.environ["MODEL_GATEWAY"])\n'),
      'deploy/app.yaml': utf16le(manifest),
      // The same mention in another case is still no setting, in UTF-16 too.
      'deploy/notes.yaml': utf16le('notes: model_gateway is set in app.yaml\n'),
    };
    const source: WorkspaceSource = { files: Object.keys(files), read: (file) => files[file]! };
    const result = await analyzeWorkspace(engine, parsePolicy('.llm-compliance.yaml', 'require: []\n'), source);
    const endpoint = result.endpoints.find((e) => e.file === 'app.py');
    assert.ok(endpoint, 'the client is an endpoint');
    assert.equal(endpoint.host, 'gateway.internal.example');
    assert.equal(firstAnalyzer(engine, { maxFileSize: 1 << 20, wanted: ['MODEL_GATEWAY'] })('deploy/notes.yaml', files['deploy/notes.yaml']!)!.forced, false);
    const big = utf16le(`env:\n  - name: MODEL_GATEWAY\n    value: ${URL}\n`);
    // Big-endian too.
    for (let i = 2; i < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1]!, big[i]!];
    big.set([0xfe, 0xff]);
    assert.equal(SettableNames.of(['MODEL_GATEWAY'])!.test(big), true);
  });
});


describe('SettableNames', () => {
  it('leaves out the engine\'s own lookup names and names too short to anchor', () => {
    assert.equal(isSettableName('OPENAI_BASE_URL'), true);
    assert.equal(isSettableName('model.gateway-url'), true);
    assert.equal(isSettableName('AzureOpenAI:Endpoint'), true);
    for (const name of ['export:src/app:MODEL', 'npmpackage:web', 'config-file:conf/models.yaml', 'spring-value-use:app:spring.ai.url', 'cdk-prop-sites:Api', 'tsconfig:tsconfig.json', 'tfvar:infra:region', 'KEY', 'has space', 'naïve_name', 'export:m:\u0001defines\u0001Agent']) assert.equal(isSettableName(name), false, name);
    assert.equal(SettableNames.of(['export:a:B', 'URL']), undefined);
  });

  it('agrees with a naive search on random text, bytes and string alike: an ENV_NAME whole, in its case, or another name beside `name` and `value` keys', () => {
    const names = ['AB_CD', 'abcd', 'x.y-z', 'Q_RS', 'export:m:AB_CD', 'LIMIT'];
    const filter = SettableNames.of(names)!;
    const settable = names.filter(isSettableName);
    let seed = 11;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % n;
    const alphabet = 'aAbBcCdD_-.xyzQRS: \n"é';
    const word = /[A-Za-z0-9_]/;
    let hits = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const len = rand(40);
      for (let j = 0; j < len; j++) text += rand(8) === 0 ? [...settable, 'name', 'value'][rand(settable.length + 2)]! : alphabet[rand(alphabet.length)];
      const whole = (name: string): boolean => {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) if (!word.test(text[at - 1] ?? '') && !word.test(text[at + name.length] ?? '')) return true;
        return false;
      };
      const envName = (name: string): boolean => /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);
      const expected = settable.some((name) => whole(name) && (envName(name) || (whole('name') && whole('value'))));
      if (expected) hits++;
      assert.equal(filter.test(text), expected, JSON.stringify(text));
      assert.equal(filter.test(encode(text)), expected, JSON.stringify(text));
    }
    assert.ok(hits > 200 && hits < 3800, `both outcomes are tried (${hits} hits)`);
  });
});
