// Issue 10, fail closed, for the policy and the config trees: a policy is read only from a
// regular file of sane size, every construct that could loosen it is an error with
// file:line:column, and no YAML/JSON/TOML/notebook input is quadratic or deep enough to
// overflow the stack; what cannot be read is a parse problem, never a silent drop.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import type { ScanNote } from '../../src/core/model';
import * as policyModule from '../../src/core/policy/policy';
import { parsePolicy, PolicyError } from '../../src/core/policy/policy';
import { parseYaml } from '../../src/core/scan/config/tree';
import { CLI, tempWorkspace } from '../support/cli';

const engine = new Engine();
const APP = { 'app.py': 'from openai import OpenAI\nclient = OpenAI()\n' };

/** The CLI with a time limit: a hang is a failure, not a stuck test run. */
function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function problems(file: string, text: string): { line: number; column: number; message: string }[] {
  try {
    parsePolicy(file, text);
  } catch (err) {
    assert.ok(err instanceof PolicyError, String(err));
    return err.problems.map(({ line, column, message }) => ({ line, column, message }));
  }
  assert.fail(`expected the policy to be rejected: ${JSON.stringify(text.slice(0, 200))}`);
}

function elapsed<T>(work: () => T): { result: T; ms: number } {
  const start = Date.now();
  const result = work();
  return { result, ms: Date.now() - start };
}

describe('fail closed: policy and config trees', () => {
  describe('malformed YAML is read in linear time (row 3)', () => {
    const broken = `a: ${'} '.repeat(60_000)}`;

    it('reports 60,000 stray closers in a policy as the first 20 problems and where reading stopped', function () {
      this.timeout(120_000);
      const { result, ms } = elapsed(() => problems('p.yaml', broken));
      assert.equal(result.length, 21);
      assert.deepEqual(result[0], { line: 1, column: 4, message: 'not valid YAML: unexpected "}" here' });
      assert.deepEqual(result[20], { line: 1, column: 44, message: 'not valid YAML: stopped reading after 20 problems' });
      assert.ok(ms < 10_000, `${ms} ms`);
    });

    it('falls back on 60,000 stray closers in a config file without stalling', function () {
      this.timeout(120_000);
      const { result, ms } = elapsed(() => engine.analyze('deploy.yaml', `${broken}\nurl: https://api.openai.com/v1\n`));
      assert.deepEqual(result.notes.map((n) => [n.kind, n.line]), [['parse-error', 1]]);
      assert.deepEqual(result.endpoints.map((e) => e.host), ['api.openai.com']);
      assert.ok(ms < 10_000, `${ms} ms`);
    });

    it('reads TOML with 60,000 tables in linear time', function () {
      this.timeout(120_000);
      const text = Array.from({ length: 60_000 }, (_, i) => `[t${i}]`).join('\n') + '\n[llm]\nbase_url = "https://api.openai.com/v1"\n';
      const { result, ms } = elapsed(() => engine.analyze('pyproject.toml', text, { force: true }));
      assert.deepEqual(result.notes, []);
      assert.deepEqual(result.endpoints.map((e) => e.host), ['api.openai.com']);
      assert.ok(ms < 10_000, `${ms} ms`);
    });

    it('caps the problems of a policy the schema rejects everywhere, in linear time', function () {
      this.timeout(120_000);
      const text = Array.from({ length: 15_000 }, (_, i) => `unknown${i}: 1`).join('\n');
      const { result, ms } = elapsed(() => problems('p.yaml', text));
      assert.equal(result.length, 21);
      assert.deepEqual(result[20], { line: 21, column: 1, message: 'and 14980 more problems' });
      assert.ok(ms < 10_000, `${ms} ms`);
    });
  });

  describe('YAML aliases (row 6)', () => {
    const aliasWaiver = [
      'require: [eu-residency]',
      'waivers:',
      '  - rule: LLMC001',
      '    paths: [&legacy "legacy/**"]',
      '    reason: not used',
      '  - rule: LLMC002',
      '    paths: [*legacy]',
      '    reason: legacy code moves to the EU endpoint in Q3',
      '',
    ].join('\n');

    it('resolve in a waiver\'s paths to the anchored value', () => {
      assert.deepEqual(parsePolicy('p.yaml', aliasWaiver).waivers.map((w) => w.paths), [['legacy/**'], ['legacy/**']]);
    });

    it('keep a waiver on an alias to its paths, so the run still fails outside them', () => {
      const r = run(['scan', '.', '--format', 'json'], tempWorkspace({ ...APP, '.llm-compliance.yaml': aliasWaiver }));
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { findings: { ruleId: string; suppressed?: unknown; suppressions?: unknown }[] };
      assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC002']);
      assert.ok(!out.findings[0]!.suppressed && !out.findings[0]!.suppressions, JSON.stringify(out.findings[0]));
    });

    it('without an anchor before them are an error with file:line:column in a policy', () => {
      assert.deepEqual(problems('p.yaml', 'require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    paths: [*legacy]\n    reason: r\n'), [
        { line: 4, column: 13, message: 'not valid YAML: alias *legacy has no anchor &legacy before it' },
      ]);
      assert.match(problems('p.yaml', 'ignore: &a [x, *a]\n')[0]!.message, /alias \*a is inside the node it names/);
    });

    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array<string>(10).fill(`*a${i}`).join(', ')}]`)].join('\n');

    it('that expand beyond the budget (billion laughs) are an error in a policy and a parse problem in a config file', function () {
      this.timeout(60_000);
      const [first] = problems('p.yaml', `require: [hipaa]\n${bomb}\n`);
      assert.match(first!.message, /^not valid YAML: aliases expand to more than 100000 nodes$/);
      const { result, ms } = elapsed(() => engine.analyze('compose.yaml', `${bomb}\nurl: https://api.openai.com/v1\n`, { force: true }));
      assert.deepEqual(result.notes.map((n) => n.kind), ['parse-error']);
      assert.match(result.notes[0]!.message, /aliases expand to more than/);
      assert.deepEqual(result.endpoints.map((e) => e.host), ['api.openai.com']);
      assert.ok(ms < 10_000, `${ms} ms`);
    });

    it('merge keys add the entries a mapping does not set itself (compose environment blocks)', () => {
      const tree = parseYaml('x-env: &env {A: "1", B: "2"}\nx-more: &more {B: "4", C: "5"}\nservice:\n  environment:\n    <<: [*env, *more]\n    B: "3"\n');
      assert.deepEqual(tree.problems, []);
      const root = tree.roots[0]!;
      assert.ok(root.k === 'map');
      const env = root.entries.find((e) => e.key === 'service')!.value;
      assert.ok(env.k === 'map');
      const block = env.entries[0]!.value;
      assert.ok(block.k === 'map');
      assert.deepEqual(block.entries.map((e) => [e.key, e.value.k === 'scalar' ? e.value.v : null]).sort(), [['A', '1'], ['B', '3'], ['C', '5']]);
    });
  });

  describe('the policy file itself (row 8)', () => {
    const isWindows = process.platform === 'win32';

    function refusal(files: Record<string, string>, setUp: (dir: string) => void, args: string[] = []): string {
      const dir = tempWorkspace({ ...APP, ...files });
      setUp(dir);
      const r = run(['scan', '.', ...args], dir);
      assert.equal(r.status, 2, `status ${r.status}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.split('\n').length, 2, r.stderr); // one line and its line break
      return r.stderr;
    }

    it('is refused, not waited for, when it is a FIFO (found or given)', function () {
      if (isWindows) this.skip();
      this.timeout(60_000);
      const fifo = (dir: string): void => void spawnSync('mkfifo', [path.join(dir, '.llm-compliance.yaml')]);
      assert.match(refusal({}, fifo), /^llm-compliance: invalid policy: \.llm-compliance\.yaml:1:1: cannot be read: it is a FIFO, not a regular file\n$/);
      assert.match(refusal({}, fifo, ['--policy', '.llm-compliance.yaml']), /\.llm-compliance\.yaml:1:1: cannot be read: it is a FIFO/);
    });

    it('is refused when it links to a device, without reading it', function () {
      if (isWindows) this.skip();
      this.timeout(60_000);
      const stderr = refusal({}, (dir) => fs.symlinkSync('/dev/zero', path.join(dir, '.llm-compliance.yaml')));
      assert.match(stderr, /^llm-compliance: invalid policy: \.llm-compliance\.yaml:1:1: cannot be read: it is a character device, not a regular file\n$/);
    });

    it('names a directory, and a link to nothing, instead of ignoring it or saying EISDIR', function () {
      if (isWindows) this.skip();
      assert.match(refusal({}, (dir) => fs.mkdirSync(path.join(dir, '.llm-compliance.yaml'))), /\.llm-compliance\.yaml:1:1: cannot be read: it is a directory, not a regular file\n$/);
      assert.match(refusal({}, (dir) => fs.symlinkSync('missing.yaml', path.join(dir, '.llm-compliance.yaml'))), /\.llm-compliance\.yaml:1:1: cannot be read: it does not exist/);
      assert.equal(refusal({}, () => undefined, ['--policy', 'nowhere.yaml']), 'llm-compliance: policy file not found: nowhere.yaml\n');
    });

    it('is refused over MAX_POLICY_FILE_BYTES, and read up to it', () => {
      const max = policyModule.MAX_POLICY_FILE_BYTES;
      assert.equal(max, 256 * 1024);
      const policy = (size: number): string => {
        const head = 'require: [eu-residency]\n';
        return head + '#'.repeat(size - head.length - 1) + '\n';
      };
      assert.match(refusal({ '.llm-compliance.yaml': policy(max + 1) }, () => undefined), /\.llm-compliance\.yaml:1:1: larger than 256 KiB; a policy is a short file\n$/);
      assert.equal(run(['scan', '.'], tempWorkspace({ ...APP, '.llm-compliance.yaml': policy(max) })).status, 1);
    });

    it('is refused when it is not valid UTF-8, with the line and column of the bad byte', () => {
      const bytes = Buffer.concat([Buffer.from('require: [eu-residency]\nbaa: []  # caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
      const dir = tempWorkspace({ ...APP, '.llm-compliance.yaml': bytes });
      const r = run(['scan', '.'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, 'llm-compliance: invalid policy: .llm-compliance.yaml:2:15: not valid UTF-8 (byte 0xe9); save the policy as UTF-8\n');
    });
  });

  describe('path patterns the matcher refuses are policy errors, never patterns that silently match nothing', () => {
    const refused = '**/a'.repeat(70);
    for (const [where, text, line] of [
      ['ignore:', `ignore: ["legacy/", "${refused}"]\n`, 1],
      ['a waiver\'s paths', `require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    reason: "bench"\n    paths:\n      - "${refused}"\n`, 6],
      ['gateway.allow', `gateway:\n  hosts: [gw.example.com]\n  allow:\n    - "${refused}"\n`, 4],
    ] as const) {
      it(where, () => {
        const [problem, ...rest] = problems('.llm-compliance.yaml', text);
        assert.equal(rest.length, 0);
        assert.equal(problem!.line, line);
        assert.match(problem!.message, /path pattern refused: pattern with more than 64 "\*\*"/);
      });
    }
  });

  describe('policy validation (row 10)', () => {
    for (const [what, text, expected] of [
      ['__proto__ at the top', 'require: [eu-residency]\n__proto__: 5\n', [2, 1, '"__proto__" cannot be a key in a policy']],
      ['__proto__ under severity', 'require: [eu-residency]\nseverity: {__proto__: {LLMC002: "off"}}\n', [2, 12, '"__proto__" cannot be a key in a policy']],
      ['constructor as an Azure resource', 'azure:\n  resources:\n    constructor: {region: swedencentral}\n', [3, 5, '"constructor" cannot be a key in a policy']],
      ['prototype in JSON', '{"require": ["hipaa"], "prototype": 1}', [1, 24, '"prototype" cannot be a key in a policy']],
      ['a complex key', '? [require]\n: [eu-residency]\n', [1, 3, 'not valid YAML: a mapping key must be a single value, not a list or mapping']],
      ['a number as key', 'require: [hipaa]\nseverity:\n  1: error\n', [3, 3, 'the key "1" is a number; keys in a policy are plain strings']],
      ['a boolean as key', 'true: [hipaa]\n', [1, 1, 'the key "true" is a boolean; keys in a policy are plain strings']],
      ['a tagged key', '!!str require: [hipaa]\n', [1, 7, 'the key "require" is tagged !!str; keys in a policy are plain strings']],
      ['.inf', 'maxFileSizeKb: .inf\n', [1, 16, '.inf is not a finite number']],
      ['-.inf', 'maxFileSizeKb: -.inf\n', [1, 16, '-.inf is not a finite number']],
      ['.nan', 'maxFileSizeKb: .nan\n', [1, 16, '.nan is not a finite number']],
      ['1e999 in JSON', '{"maxFileSizeKb": 1e999}', [1, 19, '1e999 is not a finite number']],
      ['a size beyond any file', 'maxFileSizeKb: 1e300\n', [1, 16, 'maxFileSizeKb must be <= 262144']],
      ['a binary tag', 'require: [!!binary aGlwYWE=]\n', [1, 20, 'YAML tags (!!binary) are not allowed in a policy; write the value plainly']],
      ['a custom tag on a list', 'require: !seq [hipaa]\n', [1, 15, 'YAML tags (!seq) are not allowed in a policy; write the value plainly']],
      ['a repeated key in a waiver', 'waivers:\n  - rule: LLMC002\n    reason: a\n    paths: [x]\n    paths: [y]\n', [5, 5, '"paths" appears twice; merge the two']],
      ['two documents', 'require: [hipaa]\n---\nrequire: []\n', [3, 1, 'a policy file holds one document']],
      ['an empty file', '', [1, 1, 'the policy is empty; write `require: []` to require nothing']],
      ['only comments', '# require: [hipaa]\n', [1, 1, 'the policy is empty; write `require: []` to require nothing']],
      ['a scalar', 'hipaa\n', [1, 1, 'the policy must be a mapping (require:, baa:, ...)']],
      ['require: with nothing after it', 'require:\nbaa: [aws-bedrock]\n', [1, 9, 'require must be a list']],
      ['a waiver that is not a mapping', 'waivers:\n  - LLMC002\n', [2, 5, 'waivers.0 must be a mapping']],
      ['an empty list item', 'require:\n  -\n  - hipaa\n', [2, 4, 'require.0 must be one of: hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai']],
      ['a waiver on an empty list of paths (which would waive every path)', 'require: [eu-residency]\nwaivers:\n  - {rule: LLMC002, reason: r, paths: []}\n', [3, 39, 'waivers.0.paths must not be empty (leave paths out to waive every path)']],
      ['an Azure resource given twice', 'azure:\n  resources:\n    Acme: {region: swedencentral}\n    acme: {region: eastus}\n', [4, 5, 'the Azure resource "acme" appears twice (names ignore case); merge the two']],
    ] as const) {
      it(`refuses ${what} with file:line:column`, () => {
        const file = text.startsWith('{') ? 'p.json' : 'p.yaml';
        const [line, column, message] = expected;
        assert.deepEqual(problems(file, text)[0], { line, column, message });
      });
    }

    it('never lets __proto__ under severity turn a rule off', () => {
      const r = run(['scan', '.'], tempWorkspace({ ...APP, '.llm-compliance.yaml': 'require: [eu-residency]\nseverity: {__proto__: {LLMC002: "off"}}\n' }));
      assert.equal(r.status, 2, r.stdout);
    });

    it('gives a documented meaning to a byte-order mark, {} and YAML merge keys, none of them looser than written', () => {
      assert.deepEqual(parsePolicy('p.yaml', '\uFEFFrequire: [hipaa]\n').require, ['hipaa']);
      assert.deepEqual(parsePolicy('p.json', '\uFEFF{"require": ["hipaa"]}').require, ['hipaa']);
      assert.deepEqual(parsePolicy('p.yaml', '{}\n').require, []);
      const merged = parsePolicy('p.yaml', 'require: [eu-residency]\nwaivers:\n  - &w {rule: LLMC002, reason: r, paths: [a/]}\n  - {<<: *w, paths: [b/]}\n');
      assert.deepEqual(merged.waivers.map((w) => [w.rules, w.paths, w.reason]), [[['LLMC002'], ['a/'], 'r'], [['LLMC002'], ['b/'], 'r']]);
    });

    it('looks Azure resources up without a prototype: a resource named constructor is just a name', () => {
      const r = run(['scan', '.', '--format', 'json'], tempWorkspace({
        'app.py': 'from openai import AzureOpenAI\nc = AzureOpenAI(azure_endpoint="https://constructor.openai.azure.com")\n',
        '.llm-compliance.yaml': 'require: [eu-residency]\n',
      }));
      assert.equal(r.stderr, '');
      const out = JSON.parse(r.stdout) as { endpoints: { host: string }[]; findings: { ruleId: string }[] };
      assert.deepEqual(out.endpoints.map((e) => e.host), ['constructor.openai.azure.com']);
      assert.deepEqual(out.findings.map((f) => f.ruleId), ['LLMC003']);
    });

    it('finds Azure resources among the policy\'s own keys only, also in a copy with a prototype (as a worker receives it)', () => {
      const { endpoints } = engine.analyze('app.py', 'from openai import AzureOpenAI\nc = AzureOpenAI(azure_endpoint="https://constructor.openai.azure.com")\n');
      const copied = { ...parsePolicy('p.yaml', 'require: [eu-residency]\n'), azureResources: {} };
      const notes: ScanNote[] = [];
      const [endpoint] = engine.withWorkspaceFacts(endpoints, [], copied, notes);
      assert.deepEqual(notes, []);
      assert.equal(endpoint?.host, 'constructor.openai.azure.com');
      assert.equal(endpoint.region, null);
    });
  });

  describe('deep nesting (row 11)', () => {
    it('in a JSON or YAML policy is a PolicyError naming the file, not a stack overflow', () => {
      for (const depth of [100_000, 1_000]) {
        assert.deepEqual(problems('p.json', `{"require": ${'['.repeat(depth)}${']'.repeat(depth)}}`), [
          { line: 1, column: 212, message: 'not valid JSON: nested deeper than 200 levels' },
        ]);
        assert.deepEqual(problems('p.yaml', `require: ${'['.repeat(depth)}${']'.repeat(depth)}\n`), [
          { line: 1, column: 209, message: 'not valid YAML: nested deeper than 200 levels' },
        ]);
      }
    });

    it('is measured on the indicators of YAML itself: brackets and dashes inside scalars and comments are text', () => {
      const brackets = '['.repeat(1_000);
      const dashes = '- '.repeat(300);
      const text = `plain: a${brackets}\nquoted: "${brackets}"\nsingle: '${brackets}'\nblock: |\n  ${brackets}\n  ${dashes}\n# ${brackets} ${dashes}\nmulti: a\n  ${brackets}\n`;
      const tree = parseYaml(text);
      assert.deepEqual(tree.problems, []);
      assert.equal(tree.roots.length, 1);
    });

    const url = 'https://api.openai.com/v1';
    const deepFiles = (depth: number): [string, string, number][] => [
      ['flow.yaml', `url: ${url}\na: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 2],
      ['dashes.yaml', `- ${url}\n- ${'- '.repeat(depth)}x\n`, 2],
      // Found by the fuzzer: in a flow collection, each `a:` nests a pair in the yaml parser.
      ['pairs.yaml', `url: ${url}\na: [b, ${'a: '.repeat(depth)}]\n`, 2],
      ...(depth <= 1_000 ? [['block.yaml', `url: ${url}\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, 202] as [string, string, number]] : []),
      ['deep.json', `{"url": "${url}",\n"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`, 2],
      ['arrays.toml', `url = "${url}"\na = ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 2],
      ['dotted.toml', `url = "${url}"\n${'a.'.repeat(depth)}b = 1\n`, 2],
      ['deep.ipynb', `{"metadata": {"url": "${url}"},\n"cells": ${'['.repeat(depth)}${']'.repeat(depth)}}`, 2],
    ];

    for (const depth of [1_000, 100_000]) {
      it(`${depth.toLocaleString('en')} deep in YAML, JSON, TOML and notebooks is a parse problem with its line, and the rest is still scanned`, function () {
        this.timeout(60_000);
        for (const [file, text, line] of deepFiles(depth)) {
          const result = engine.analyze(file, text, { force: true });
          assert.deepEqual(result.notes.map((n) => [n.kind, n.line]), [['parse-error', line]], `${file}: ${JSON.stringify(result.notes)}`);
          assert.match(result.notes[0]!.message, /nested deeper than 200 levels|excessively nested/, file);
          assert.deepEqual(result.endpoints.map((e) => e.host), ['api.openai.com'], file);
        }
      });
    }
  });
});
