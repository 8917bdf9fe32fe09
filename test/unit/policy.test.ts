// The policy file: validated against its schema, errors with file, line and reason,
// never silently ignored or loosened.
import * as assert from 'node:assert/strict';
import { parsePolicy, PolicyError } from '../../src/core/policy/policy';
import { policyTemplate, type PolicyChoices } from '../../src/core/policy/template';
import { runCli, tempWorkspace } from '../support/cli';

function problems(file: string, text: string): { line: number; column: number; message: string }[] {
  try {
    parsePolicy(file, text);
  } catch (err) {
    assert.ok(err instanceof PolicyError);
    return err.problems.map(({ line, column, message }) => ({ line, column, message }));
  }
  assert.fail('expected the policy to be rejected');
}

describe('policy', () => {
  it('written from the create-policy answers, parses to those answers', () => {
    for (const choices of [
      { require: [], baa: [] },
      { require: ['hipaa', 'eu-residency'], baa: ['aws-bedrock', 'azure-openai'] },
      { require: ['soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'], baa: [] },
      { require: ['eu-residency'], baa: [], residency: 'eea', gateway: ['litellm.corp.internal', 'gw: [x]\n"y"'] },
    ] as PolicyChoices[]) {
      const policy = parsePolicy('.llm-compliance.yaml', policyTemplate(choices));
      assert.deepEqual([policy.require, policy.baa], [choices.require, choices.baa]);
      assert.equal(policy.residency, choices.residency ?? 'eu');
      assert.deepEqual(policy.gateway?.hosts, choices.gateway);
    }
  });

  it('reads the contract minimum', () => {
    const p = parsePolicy('.llm-compliance.yaml', 'require: [hipaa, eu-residency]\nbaa: [aws-bedrock, google-vertex-ai, azure-openai]\n');
    assert.deepEqual(p.require, ['hipaa', 'eu-residency']);
    assert.deepEqual(p.baa, ['aws-bedrock', 'google-vertex-ai', 'azure-openai']);
    assert.equal(p.failOn, 'error');
  });

  it('reads JSON policies with the same schema', () => {
    const p = parsePolicy('.llm-compliance.json', '{ "require": ["soc2-type2"], "severity": { "LLMC004": "warning" }, "failOn": "warning" }');
    assert.deepEqual(p.severity, { LLMC004: 'warning' });
    assert.equal(p.failOn, 'warning');
  });

  it('rejects an unknown requirement with its line', () => {
    assert.deepEqual(problems('p.yaml', '# policy\nrequire:\n  - hipaa\n  - gdpr\n'), [
      { line: 4, column: 5, message: 'require.1 must be one of: hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai' },
    ]);
  });

  it('rejects an unknown key instead of ignoring it (a typo must not turn checks off)', () => {
    assert.deepEqual(problems('p.yaml', 'requires: [hipaa]\n'), [{ line: 1, column: 1, message: 'unknown key "requires" in policy; did you mean require?' }]);
  });

  it('rejects an unknown provider id in baa:', () => {
    const [p] = problems('p.yaml', 'require: [hipaa]\nbaa: [brock]\n');
    assert.equal(p?.line, 2);
    assert.match(p.message, /^baa\.0 must be one of: openai, azure-openai/);
  });

  it('suggests what a misspelt value or key most likely meant ("did you mean")', () => {
    const messages = (text: string): string[] => problems('p.yaml', text).map((p) => p.message);
    assert.deepEqual(messages('require: [hipa]\n'), ['require.0 "hipa" is not known; did you mean hipaa? (one of: hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai)']);
    assert.match(messages('require: [HIPAA]\n')[0]!, /did you mean hipaa\?/);
    assert.match(messages('require: [soc2]\n')[0]!, /did you mean soc2-type2\?/);
    // The provider list is too long to repeat after a suggestion.
    assert.deepEqual(messages('require: [hipaa]\nbaa: [bedrock, opena]\n'), ['baa.0 "bedrock" is not known; did you mean aws-bedrock?', 'baa.1 "opena" is not known; did you mean openai?']);
    assert.deepEqual(messages('requir: [hipaa]\n'), ['unknown key "requir" in policy; did you mean require?']);
    assert.deepEqual(messages('gateway:\n  hosts: [gw]\n  alow: ["x/**"]\n'), ['unknown key "alow" in gateway; did you mean allow?']);
    assert.match(messages('severity: { LLMC03: off }\n').join('\n'), /^severity "LLMC03" is not known; did you mean LLMC003\?/);
    assert.deepEqual(messages('gateway: {}\n'), ['gateway needs hosts:']);
    // Nothing close: the allowed values, no guess.
    assert.deepEqual(messages('require: [gdpr]\n'), ['require.0 must be one of: hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai']);
  });

  it('rejects malformed YAML and JSON with the line of the error', () => {
    assert.equal(problems('p.yaml', 'require: [hipaa\nbaa: x\n')[0]?.line, 2);
    const [json] = problems('p.json', '{\n  "require": ["hipaa"],,\n}');
    assert.equal(json?.line, 2);
    assert.match(json.message, /^not valid JSON/);
  });

  it('says what is wrong with broken YAML and JSON in words, not the parser\'s', () => {
    const first = (file: string, text: string): string => problems(file, text)[0]!.message;
    assert.equal(first('p.yaml', 'require: [hipaa\nbaa: x\n'), 'not valid YAML: a list opened with "[" is not closed with "]"');
    assert.equal(first('p.yaml', 'require:\n\t- hipaa\n'), 'not valid YAML: a tab indents this line; indent YAML with spaces');
    assert.equal(first('p.yaml', 'require: "hipaa\n'), 'not valid YAML: a quoted value is not closed');
    assert.equal(first('p.yaml', 'require: [hipaa]\nbaa\n'), 'not valid YAML: a key without ":" (write key: value)');
    assert.equal(first('p.yaml', 'require: [hipaa]\n  baa: [x]\n'), 'not valid YAML: this key is indented differently from the keys above it');
    assert.equal(first('p.json', '{"require": ['), 'not valid JSON: a "]" is missing');
    assert.equal(first('p.json', '{"require" ["hipaa"]}'), 'not valid JSON: a ":" is expected');
    for (const text of ['a: b: c\n', '- a\nb: c\n', 'x: {a\n']) assert.doesNotMatch(first('p.yaml', text), /at line \d|token|implicit|Flow/i, text);
  });

    it('rejects a repeated key, which would silently replace the first', () => {
    assert.deepEqual(problems('p.yaml', 'require: [hipaa]\nbaa: [openai]\nrequire: [soc2-type2]\n'), [
      { line: 3, column: 1, message: '"require" appears twice; merge the two' },
    ]);
    assert.equal(problems('p.json', '{"require": ["hipaa"], "require": []}')[0]?.message, '"require" appears twice; merge the two');
  });

  it('rejects a policy that is not a mapping', () => {
    assert.match(problems('p.yaml', '- hipaa\n')[0]!.message, /must be a mapping/);
  });

  it('makes the CLI exit 2 with file, line and reason on stderr', () => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\nfailOn: critical\n', 'app.py': 'from openai import OpenAI\nc = OpenAI()\n' });
    const r = runCli(['scan', dir]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^llm-compliance: invalid policy: .*\.llm-compliance\.yaml:2:9: failOn must be one of: error, warning, note\n/);
  });

  it('applies severities from the policy and can turn a rule off', () => {
    const files = { 'app.py': 'from openai import OpenAI\nc = OpenAI()\n' };
    const json = (policy: string) => JSON.parse(runCli(['scan', '.', '--format', 'json'], tempWorkspace({ ...files, '.llm-compliance.yaml': policy })).stdout);
    const base = json('require: [hipaa, eu-residency]\n');
    assert.deepEqual(base.findings.map((f: { ruleId: string }) => f.ruleId), ['LLMC001', 'LLMC002']);
    const tuned = json('require: [hipaa, eu-residency]\nseverity: { LLMC001: warning, LLMC002: "off" }\n');
    assert.deepEqual(tuned.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity]), [['LLMC001', 'warning']]);
  });

  it('skips paths listed under ignore:', () => {
    const dir = tempWorkspace({
      '.llm-compliance.yaml': 'require: [eu-residency]\nignore: ["legacy/"]\n',
      'legacy/old.py': 'from openai import OpenAI\nc = OpenAI()\n',
      'app.py': 'from openai import OpenAI\nc = OpenAI()\n',
    });
    const out = JSON.parse(runCli(['scan', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(out.endpoints.map((e: { file: string }) => e.file), ['app.py']);
  });

  it('applies ignore: from the policy folder when a subfolder is scanned', () => {
    const dir = tempWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.llm-compliance.yaml': 'require: [eu-residency]\nignore: ["services/legacy/", "**/fixtures/"]\n',
      'services/legacy/old.py': 'from openai import OpenAI\nc = OpenAI()\n',
      'services/fixtures/f.py': 'from openai import OpenAI\nc = OpenAI()\n',
      'services/app.py': 'from openai import OpenAI\nc = OpenAI()\n',
    });
    const out = JSON.parse(runCli(['scan', 'services', '--format', 'json'], dir).stdout);
    assert.deepEqual(out.endpoints.map((e: { file: string }) => e.file), ['services/app.py']);
  });
});
