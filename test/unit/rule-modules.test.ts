// Each rule module on its own: a small input that triggers it and one that must not, calling
// the module directly; and the list of rules, which the docs, schemas, settings and SARIF follow.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toSarif } from '../../src/cli/format/sarif';
import { Engine } from '../../src/core/engine';
import type { Endpoint, Finding, RuleId, ScanNote } from '../../src/core/model';
import { parsePolicy, type Policy } from '../../src/core/policy/policy';
import { createRuleContext, type OpenRequirement, type RuleContext } from '../../src/core/rules/context';
import { evaluateEndpoints } from '../../src/core/rules/evaluate';
import * as llmc001 from '../../src/core/rules/llmc001-not-covered-by-baa';
import * as llmc002 from '../../src/core/rules/llmc002-outside-eu';
import * as llmc003 from '../../src/core/rules/llmc003-location-unknown';
import * as llmc004 from '../../src/core/rules/llmc004-lacks-certification';
import * as llmc005 from '../../src/core/rules/llmc005-fallback-not-compliant';
import * as llmc006 from '../../src/core/rules/llmc006-gateway-bypassed';
import * as llmc007 from '../../src/core/rules/llmc007-waiver-invalid';
import * as llmc008 from '../../src/core/rules/llmc008-not-analysed';
import { RULE_MODULES, RULES, ruleMeta } from '../../src/core/rules/rules';

const ROOT = path.resolve(__dirname, '../..');
const engine = new Engine();
const policyOf = (yaml: string): Policy => parsePolicy('.llm-compliance.yaml', yaml);
const contextOf = (policy: Policy, endpoints: Endpoint[] = []): RuleContext => createRuleContext(endpoints, policy, engine.index);
/** The one endpoint the engine finds in a snippet. */
function endpointIn(file: string, text: string): Endpoint {
  const found = engine.analyze(file, text).endpoints;
  assert.equal(found.length, 1, `one endpoint in ${text}`);
  return found[0]!;
}
const ids = (findings: readonly (Finding | undefined)[]): (RuleId | undefined)[] => findings.map((f) => f?.ruleId);

const OPENAI = endpointIn('app.py', 'from openai import OpenAI\nclient = OpenAI()\n');
const ANTHROPIC = endpointIn('app.py', 'import anthropic\nclient = anthropic.Anthropic()\n');
const BEDROCK_US = endpointIn('app.py', 'import boto3\nclient = boto3.client("bedrock-runtime", region_name="us-east-1")\n');
const BEDROCK_EU = endpointIn('app.py', 'import boto3\nclient = boto3.client("bedrock-runtime", region_name="eu-central-1")\n');

describe('rule modules', () => {
  describe('LLMC001 not covered by a BAA', () => {
    const ctx = contextOf(policyOf('require: [hipaa]\nbaa: [anthropic]\n'));
    const check = llmc001.create(ctx);

    it('fires on a provider the policy has no BAA with, and not on one it has', () => {
      assert.deepEqual(ids(check(OPENAI).findings), ['LLMC001']);
      // The host, the missing BAA with whom, and the short remedy; the offered tier is a detail.
      assert.equal(check(OPENAI).findings[0]!.message, 'api.openai.com: no signed BAA with OpenAI — sign one and add openai to baa:');
      assert.match(check(OPENAI).findings[0]!.details[0]!, /^OpenAI API offers one \(/);
      assert.match(check(OPENAI).findings[0]!.remedy, /use a provider you have a BAA with: anthropic/);
      assert.deepEqual(check(ANTHROPIC), { findings: [], open: [] });
    });

    it('leaves hipaa open for LLMC003 when the processor is only assumed, and hands it an untied excluded feature', () => {
      assert.deepEqual(check({ ...OPENAI, assumedProvider: true }).open, [{ requirement: 'hipaa' }]);
      const untied = { ...ANTHROPIC, baaAvailable: null, baaExclusion: { feature: 'Files API', reason: 'the file uses the Files API.', sources: [] } };
      assert.deepEqual(ids(check(untied).findings), ['LLMC003']);
      assert.deepEqual(ids(check({ ...untied, baaAvailable: false }).findings), ['LLMC001']);
    });

    it('does nothing without the hipaa requirement', () => {
      assert.deepEqual(llmc001.create(contextOf(policyOf('require: [eu-residency]\n')))(OPENAI), { findings: [], open: [] });
    });
  });

  describe('LLMC002 outside the EU', () => {
    const check = llmc002.create(contextOf(policyOf('require: [eu-residency]\n')));

    it('fires on a US region, with the fix to an EU one, and not on an EU region', () => {
      const [finding] = check(BEDROCK_US).findings;
      assert.equal(finding?.ruleId, 'LLMC002');
      assert.equal(finding.message, 'bedrock-runtime.us-east-1.amazonaws.com processes data outside the EU — use the EU region eu-central-1');
      assert.match(finding.details[0]!, /^It processes data in the United States \(outside the EU\) \(location: US East/);
      assert.deepEqual(check(BEDROCK_EU), { findings: [], open: [] });
    });

    it('leaves a region whose countries are unknown open, with the reason', () => {
      const open = check({ ...BEDROCK_US, location: { ...BEDROCK_US.location!, countries: null } }).open;
      assert.equal(open.length, 1);
      assert.equal(open[0]!.requirement, 'eu-residency');
      assert.match(open[0]!.why ?? '', /does not know which countries/);
    });
  });

  describe('LLMC003 location unknown', () => {
    const ctx = contextOf(policyOf('require: [eu-residency, soc2-type2]\n'));
    const open: OpenRequirement[] = [{ requirement: 'eu-residency', why: 'the region is read at run time' }, { requirement: 'soc2-type2' }];

    it('reports what the other rules left open, in their order, and nothing when nothing is open', () => {
      const finding = llmc003.check(OPENAI, ctx, open);
      assert.equal(finding?.ruleId, 'LLMC003');
      assert.equal(finding?.requirement, 'eu-residency,soc2-type2');
      assert.equal(finding.message, 'api.openai.com: EU residency and SOC 2 cannot be checked — the region is read at run time');
      assert.deepEqual(finding.details, ['The location cannot be determined statically, because the region is read at run time.', 'The policy\'s eu-residency, soc2-type2 requirements depend on it.']);
      assert.equal(finding?.severity, 'warning');
      assert.equal(llmc003.check(OPENAI, ctx, []), undefined);
    });

    it('makes a lookalike host an error under residency, unless the policy turns the rule off', () => {
      assert.equal(llmc003.check({ ...OPENAI, lookalikeOf: 'api.openai.com' }, ctx, open)?.severity, 'error');
      assert.equal(llmc003.check({ ...OPENAI, lookalikeOf: 'api.openai.com' }, contextOf(policyOf('require: [eu-residency]\nseverity:\n  LLMC003: off\n')), open), undefined);
    });

    it('is what evaluate reports for boto3 without a region', () => {
      const unlocated = endpointIn('app.py', 'import boto3\nclient = boto3.client("bedrock-runtime")\n');
      assert.deepEqual(ids(evaluateEndpoints([unlocated], policyOf('require: [eu-residency]\n'), engine.index)), ['LLMC003']);
    });
  });

  describe('LLMC004 lacks a certification', () => {
    it('fires when the catalog cannot confirm the certification, and not when it is not required', () => {
      const check = llmc004.create(contextOf(policyOf('require: [soc2-type2]\n')));
      const [finding] = check(ANTHROPIC).findings;
      assert.equal(finding?.ruleId, 'LLMC004');
      assert.equal(finding.message, 'api.anthropic.com: SOC 2 Type II not confirmed for Anthropic Claude API — use a provider that holds it');
      assert.match(finding.details[0]!, /^Anthropic Claude API SOC 2 Type II cannot be confirmed\.$/);
      assert.deepEqual(llmc004.create(contextOf(policyOf('require: [hipaa]\nbaa: [anthropic]\n')))(ANTHROPIC), { findings: [], open: [] });
    });

    it('names only the certifications that fail as its requirement (the hover\'s verdict reads it)', () => {
      // OpenAI's SOC 2 Type II is confirmed in the catalog, its ISO 27001 is not.
      const [finding] = llmc004.create(contextOf(policyOf('require: [soc2-type2, iso27001]\n')))(OPENAI).findings;
      assert.equal(finding?.requirement, 'iso27001');
      assert.match(finding.remedy, /requires soc2-type2, iso27001/);
    });

    it('leaves the certification open when the processor is only assumed', () => {
      const check = llmc004.create(contextOf(policyOf('require: [soc2-type2, iso27001]\n')));
      assert.deepEqual(check({ ...ANTHROPIC, assumedProvider: true }), { findings: [], open: [{ requirement: 'soc2-type2' }, { requirement: 'iso27001' }] });
    });
  });

  describe('LLMC005 fallback to a non-compliant endpoint', () => {
    const ctx = contextOf(policyOf('require: [eu-residency]\n'));
    const start: Endpoint = { ...BEDROCK_EU, fallbacks: [{ endpoint: BEDROCK_US, via: 'except branch' }] };
    const failing: Finding = { ...llmc002.create(ctx)(BEDROCK_US).findings[0]! };

    it('fires on the start of a chain whose target fails, naming the weakest link', () => {
      const [finding, ...rest] = llmc005.check([start, BEDROCK_US], ctx, new Map([[start, []], [BEDROCK_US, [failing]]]));
      assert.equal(rest.length, 0);
      assert.equal(finding?.ruleId, 'LLMC005');
      assert.equal(finding?.endpoint, start);
      assert.equal(finding.message, 'bedrock-runtime.eu-central-1.amazonaws.com falls back to bedrock-runtime.us-east-1.amazonaws.com (except branch): data outside the EU — fall back only to compliant endpoints');
      assert.match(finding.details[0]!, /\(Amazon Bedrock, eu-central-1\) falls back \(except branch\) to .*\(Amazon Bedrock, us-east-1\)/);
      assert.equal(finding.details[1], `LLMC002: ${failing.message}`);
      assert.equal(finding?.related?.[0]?.message, `the weakest link: ${ctx.describe(BEDROCK_US)}`);
    });

    it('does not fire when the target passes, or when the start fails the same way', () => {
      assert.deepEqual(llmc005.check([start, BEDROCK_US], ctx, new Map([[start, []], [BEDROCK_US, []]])), []);
      assert.deepEqual(llmc005.check([start, BEDROCK_US], ctx, new Map([[start, [failing]], [BEDROCK_US, [failing]]])), []);
    });

    it('runs after the endpoint rules in evaluate, from their findings', () => {
      assert.deepEqual(ids(evaluateEndpoints([start, BEDROCK_US], policyOf('require: [eu-residency]\n'), engine.index)), ['LLMC002', 'LLMC005']);
    });
  });

  describe('LLMC006 gateway bypassed', () => {
    const ctx = contextOf(policyOf('gateway:\n  hosts: [llm.internal.example.com]\n  allow: ["proxy/**"]\n'));
    const check = llmc006.create(ctx);

    it('fires on a direct call to a provider, and not under an allowed path', () => {
      assert.deepEqual(ids(check(OPENAI).findings), ['LLMC006']);
      assert.equal(check(OPENAI).findings[0]!.message, 'api.openai.com bypasses the gateway — set the SDK\'s base URL to llm.internal.example.com');
      assert.deepEqual(check({ ...OPENAI, file: 'proxy/app.py' }), { findings: [], open: [] });
    });

    it('leaves the gateway open when the processor is only assumed, and does nothing without a gateway', () => {
      assert.deepEqual(check({ ...OPENAI, assumedProvider: true }).open, [{ requirement: 'gateway' }]);
      assert.deepEqual(llmc006.create(contextOf(policyOf('require: [hipaa]\n')))(OPENAI), { findings: [], open: [] });
    });
  });

  describe('LLMC007 waiver invalid', () => {
    const isRule = (id: string): boolean => RULES.some((r) => r.id === id);

    it('finds what makes a waiver waive nothing, and nothing in a valid one', () => {
      assert.match(llmc007.waiverProblem({ rules: ['LLMC002'] }, '2026-11-27', isRule) ?? '', /has no reason/);
      assert.match(llmc007.waiverProblem({ rules: ['LLMC002'], reason: 'ok', expires: '2026-01-01' }, '2026-11-27', isRule) ?? '', /expired on 2026-01-01/);
      assert.match(llmc007.waiverProblem({ rules: ['LLMC007'], reason: 'ok' }, '2026-11-27', isRule) ?? '', /"LLMC007", which is not a rule it can waive/);
      assert.match(llmc007.waiverProblem({ rules: ['LLMC002'], reason: 'ok', malformed: 'until=x' }, '2026-11-27', isRule) ?? '', /"until=x"/);
      assert.equal(llmc007.waiverProblem({ rules: ['LLMC002'], reason: 'approved in SEC-142', expires: '2027-03-31' }, '2026-11-27', isRule), undefined);
    });

    it('is a finding at the waiver, unless the policy turns the rule off', () => {
      const range = { start: 3, end: 9 };
      assert.deepEqual(ids([llmc007.check('app.py', range, 'This waiver has no reason.', policyOf('require: [hipaa]\n'))]), ['LLMC007']);
      assert.equal(llmc007.check('app.py', range, 'm', policyOf('require: [hipaa]\nseverity:\n  LLMC007: off\n')), undefined);
    });
  });

  describe('LLMC008 not fully analysed', () => {
    const note = (kind: ScanNote['kind']): ScanNote => ({ kind, file: 'broken.yaml', message: 'not valid YAML (line 3: bad indentation)' });

    it('makes each note a finding; an internal error is an error whatever the policy says', () => {
      const policy = policyOf('require: [hipaa]\nseverity:\n  LLMC008: note\n');
      const findings = llmc008.check([note('parse-error'), note('internal-error')], policy);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['LLMC008', 'note'], ['LLMC008', 'error']]);
      assert.equal(findings[0]!.message, 'Not fully analysed: not valid YAML (line 3: bad indentation) — fix the syntax error');
      assert.deepEqual(findings[0]!.details, ['not valid YAML (line 3: bad indentation).', 'An LLM endpoint here could go unchecked.']);
    });

    it('reports nothing without notes, and only internal errors when the rule is off', () => {
      assert.deepEqual(llmc008.check([], policyOf('require: [hipaa]\n')), []);
      const off = policyOf('require: [hipaa]\nseverity:\n  LLMC008: off\n');
      assert.deepEqual(ids(llmc008.check([note('parse-error'), note('internal-error')], off)), ['LLMC008']);
    });
  });

  describe('the list of rules', () => {
    const listed = RULE_MODULES.map((m) => m.meta.id);

    it('holds every rule id once, in id order, each from the module named after it', () => {
      assert.deepEqual(listed, ['LLMC001', 'LLMC002', 'LLMC003', 'LLMC004', 'LLMC005', 'LLMC006', 'LLMC007', 'LLMC008']);
      const files = fs.readdirSync(path.join(ROOT, 'src/core/rules')).filter((f) => /^llmc\d{3}-.*\.ts$/.test(f)).sort();
      assert.deepEqual(files.map((f) => f.slice(0, 7).toUpperCase()), listed);
      const modules = [llmc001, llmc002, llmc003, llmc004, llmc005, llmc006, llmc007, llmc008];
      assert.deepEqual(modules.map((m) => m.meta.id), listed);
      assert.ok(modules.every((m, i) => RULE_MODULES[i]!.meta === m.meta));
      assert.deepEqual(RULES.map((r) => r.id), listed);
      for (const id of listed) assert.equal(ruleMeta(id).id, id);
    });

    it('is what the generated docs, schema, editor settings and SARIF rules list', () => {
      const docs = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => /^LLMC\d{3}\.md$/.test(f)).map((f) => f.slice(0, 7)).sort();
      assert.deepEqual(docs, listed);
      for (const rule of RULES) assert.ok(fs.readFileSync(path.join(ROOT, `docs/rules/${rule.id}.md`), 'utf8').includes(`# ${rule.id}: ${rule.title}\n`));
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/policy.schema.json'), 'utf8')) as { definitions: { ruleId: { enum: string[] } } };
      assert.deepEqual(schema.definitions.ruleId.enum, listed);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
      assert.deepEqual(Object.keys(pkg.contributes.configuration.properties['llmCompliance.severity']?.properties ?? {}), listed);
      const sarif = toSarif({ endpoints: [], findings: [], notes: [], filesScanned: 0, policy: null, texts: new Map() }, '0.0.0', 'file:///w/') as { runs: { tool: { driver: { rules: { id: string; name: string }[] } } }[] };
      const rules = sarif.runs[0]!.tool.driver.rules;
      assert.deepEqual(rules.map((r) => r.id), listed);
      assert.deepEqual(rules.map((r) => r.name), RULES.map((r) => r.name));
    });
  });
});
