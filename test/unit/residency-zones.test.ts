// Residency zones: the policy's `residency:` (eu, the default; eea; eu-adequacy) decides what
// eu-residency accepts, judged on the countries the catalog records for every region and zone.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { EEA, EU_MEMBER_STATES, euResidentFor, judgeZone } from '../../src/core/catalog/zones';
import { Engine } from '../../src/core/engine';
import { complianceMatrix } from '../../src/core/matrix';
import type { Endpoint, Finding, Fix } from '../../src/core/model';
import { emptyPolicy, parsePolicy, PolicyError, type Policy } from '../../src/core/policy/policy';
import { policyTemplate } from '../../src/core/policy/template';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const policy = (extra = ''): Policy => parsePolicy('.llm-compliance.yaml', `require: [eu-residency]\n${extra}`);
const EU = policy();
const EEA_POLICY = policy('residency: eea\n');
const ADEQUACY = policy('residency: eu-adequacy\n');

function endpoints(file: string, text: string, p: Policy = EU): Endpoint[] {
  const r = engine.analyze(file, text);
  return engine.withWorkspaceFacts(r.endpoints, r.azureResources, p, []);
}
function judge(file: string, text: string, p: Policy): Finding[] {
  return engine.evaluate(endpoints(file, text, p), p);
}
const rules = (findings: Finding[]): string[] => findings.map((f) => f.ruleId);

function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

// An Azure OpenAI account the policy places (no IaC in the workspace), reached by name in code.
const AZURE_CODE = 'from openai import AzureOpenAI\nclient = AzureOpenAI(azure_endpoint="https://acme-nordic.openai.azure.com")\n';
const azurePolicy = (region: string, residency = ''): Policy =>
  policy(`${residency}azure:\n  resources:\n    acme-nordic: { region: ${region}, deployment: Standard }\n`);

describe('residency zones', () => {
  describe('Norway is in the EEA, not the EU', () => {
    it('fails the default eu zone, naming Norway, and passes eea and eu-adequacy', () => {
      const eu = azurePolicy('norwayeast');
      const [endpoint] = endpoints('app.py', AZURE_CODE, eu);
      assert.equal(endpoint?.region, 'norwayeast');
      assert.equal(endpoint?.euResident, false, 'euResident is about the 27 member states');
      const findings = judge('app.py', AZURE_CODE, eu);
      assert.deepEqual(rules(findings), ['LLMC002']);
      assert.match(findings[0]!.message, /^acme-nordic\.openai\.azure\.com processes data outside the EU — /);
      assert.match(findings[0]!.details[0]!, /^It processes data in Norway \(EEA, not EU\)/);
      assert.deepEqual(judge('app.py', AZURE_CODE, azurePolicy('norwayeast', 'residency: eea\n')), []);
      assert.deepEqual(judge('app.py', AZURE_CODE, azurePolicy('norwayeast', 'residency: eu-adequacy\n')), []);
    });

    it('an EU region passes every zone', () => {
      for (const residency of ['', 'residency: eea\n', 'residency: eu-adequacy\n']) {
        assert.deepEqual(judge('app.py', AZURE_CODE, azurePolicy('swedencentral', residency)), [], residency);
      }
    });
  });

  describe('zones that include the UK or Switzerland', () => {
    const cases: [string, string, RegExp][] = [
      ['OpenRouter EU (EU/EEA, UK, Switzerland)', 'from openai import OpenAI\nc = OpenAI(base_url="https://eu.openrouter.ai/api/v1")\n', /the United Kingdom/],
      ['OpenAI Europe (EEA + Switzerland)', 'from openai import OpenAI\nc = OpenAI(base_url="https://eu.api.openai.com/v1")\n', /Switzerland/],
      ['Mistral EU/EFTA', 'from mistralai import Mistral\nc = Mistral(server_url="https://api.eu.mistral.ai")\n', /Switzerland/],
      ['AWS Zurich (eu-central-2)', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-2")\n', /Switzerland \(outside the EU\)/],
      ['GCP London (europe-west2)', 'import vertexai\nvertexai.init(project="p", location="europe-west2")\n', /the United Kingdom \(outside the EU\)/],
    ];
    for (const [what, text, names] of cases) {
      it(`${what}: fails eu and eea naming the country, passes eu-adequacy`, () => {
        const eu = judge('app.py', text, EU);
        assert.deepEqual(rules(eu), ['LLMC002'], what);
        assert.match(eu[0]!.message, /data outside the EU — /);
        assert.match(eu[0]!.details[0]!, names);
        const eea = judge('app.py', text, EEA_POLICY);
        assert.deepEqual(rules(eea), ['LLMC002'], what);
        assert.match(eea[0]!.message, /data outside the EEA — /);
        assert.match(eea[0]!.details[0]!, /outside the EEA/);
        assert.deepEqual(judge('app.py', text, ADEQUACY), [], what);
      });
    }

    it('where the zone passes, the vendor\'s conditions travel with the endpoint (OpenAI: a project created with EU data residency)', () => {
      const [endpoint] = endpoints('app.py', cases[1]![1], ADEQUACY);
      assert.ok(endpoint?.conditions.some((c) => /European data residency/.test(c)), JSON.stringify(endpoint?.conditions));
    });

    it('the zone names the countries that break it, grouped by standing', () => {
      const [finding] = judge('app.py', cases[1]![1], EU);
      assert.match(finding!.details[0]!, /may process data in Iceland, Liechtenstein and Norway \(EEA, not EU\); and Switzerland \(outside the EU\)/);
    });
  });

  describe('countries without a general adequacy decision never pass', () => {
    it('a US region fails eu-adequacy (the Data Privacy Framework covers certified companies, not regions)', () => {
      const findings = judge('app.py', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n', ADEQUACY);
      assert.deepEqual(rules(findings), ['LLMC002']);
      assert.match(findings[0]!.message, /processes data outside the EEA \+ adequacy zone — use the EU region eu-central-1$/);
      assert.match(findings[0]!.details[0]!, /the United States \(outside the EEA; .*Data Privacy Framework/);
    });

    it('a Canadian region fails eu-adequacy (its decision covers commercial organisations only)', () => {
      const findings = judge('app.py', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="ca-central-1")\n', ADEQUACY);
      assert.deepEqual(rules(findings), ['LLMC002']);
      assert.match(findings[0]!.details[0]!, /Canada \(outside the EEA; .*PIPEDA/);
    });

    it('a global endpoint fails every zone: it may process data in any region worldwide', () => {
      for (const p of [EU, EEA_POLICY, ADEQUACY]) {
        const findings = judge('app.py', 'from anthropic import Anthropic\nc = Anthropic()\n', p);
        assert.deepEqual(rules(findings), ['LLMC002']);
        assert.match(findings[0]!.message, /^api\.anthropic\.com may process data outside /);
        assert.match(findings[0]!.details[0]!, /any region worldwide/);
      }
    });

    it('a Japanese region passes eu-adequacy; an unlisted region whose country is one of several is unknown there, not a pass', () => {
      assert.deepEqual(judge('app.py', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="ap-northeast-1")\n', ADEQUACY), []);
      const unlisted = judge('app.py', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="ap-southeast-9")\n', ADEQUACY);
      assert.deepEqual(rules(unlisted), ['LLMC003']);
      assert.match(unlisted[0]!.details[0]!, /ap-southeast-9 is not a region the catalog lists, and only some of the countries .* are inside the EEA or a country with an EU adequacy decision/);
      // Under eu the same unlisted region is outside whichever Asia-Pacific country it is in.
      assert.deepEqual(rules(judge('app.py', 'import boto3\nb = boto3.client("bedrock-runtime", region_name="ap-southeast-9")\n', EU)), ['LLMC002']);
    });

    it('a zone the vendor does not define stays unknown (LLMC003), never a pass', () => {
      const text = 'from openai import OpenAI\nc = OpenAI(base_url="https://eu-west-1.api.x.ai/v1")\n';
      for (const p of [EU, EEA_POLICY, ADEQUACY]) {
        const findings = judge('app.py', text, p);
        assert.deepEqual(rules(findings), ['LLMC003']);
        assert.match(findings[0]!.details[0]!, /the catalog does not know which countries eu-west-1 \(Ireland\) regional endpoint may process data in/);
      }
    });
  });

  describe('the policy', () => {
    it('defaults to eu, the 27 member states', () => {
      assert.equal(emptyPolicy().residency, 'eu');
      assert.equal(EU.residency, 'eu');
      assert.equal(ADEQUACY.residency, 'eu-adequacy');
    });

    it('a new policy that requires eu-residency writes the zone out, with what each choice means', () => {
      const text = policyTemplate({ require: ['eu-residency'], baa: [] });
      assert.match(text, /^residency: eu$/m);
      assert.match(text, /eu-adequacy/);
      assert.equal(parsePolicy('.llm-compliance.yaml', text).residency, 'eu');
      assert.doesNotMatch(policyTemplate({ require: ['hipaa'], baa: [] }), /residency:/);
    });

    it('refuses an unknown zone with the allowed values and its line', () => {
      assert.throws(() => policy('residency: eu27\n'), (err: unknown) => {
        assert.ok(err instanceof PolicyError);
        assert.deepEqual(err.problems.map((p) => [p.line, p.message]), [[2, 'residency "eu27" is not known; did you mean eu? (one of: eu, eea, eu-adequacy)']]);
        return true;
      });
    });

    it('says what replaced euResidency.strict', () => {
      assert.throws(() => policy('euResidency: { strict: true }\n'), /\.llm-compliance\.yaml:2:1: euResidency was replaced by residency: eu \| eea \| eu-adequacy/);
    });
  });

  describe('fixes land inside the zone', () => {
    const mistral = 'from mistralai import Mistral\nc = Mistral(server_url="https://api.mistral.ai")\n';

    it('no move to an EU/EFTA zone under eu or eea; the remedy says the EU option is not inside', () => {
      for (const p of [EU, EEA_POLICY]) {
        const findings = judge('app.py', mistral, p);
        assert.deepEqual(rules(findings), ['LLMC002']);
        assert.deepEqual(findings[0]!.fixes, []);
        assert.match(findings[0]!.remedy, new RegExp(`EU option is not inside ${p.residency === 'eu' ? 'the EU' : 'the EEA'} either`));
      }
    });

    it('under eu-adequacy the move is offered, and applying it leaves no finding', () => {
      const [finding] = judge('app.py', mistral, ADEQUACY);
      const fix = finding?.fixes[0];
      assert.ok(fix, 'a fix');
      const fixed = applyFix(mistral, fix);
      assert.ok(fixed.includes('https://api.eu.mistral.ai'), fixed);
      assert.deepEqual(judge('app.py', fixed, ADEQUACY), []);
    });

    it('a move to an EU region is offered under every zone and clears the finding under the default', () => {
      const text = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
      for (const p of [EU, EEA_POLICY, ADEQUACY]) {
        const [finding] = judge('app.py', text, p);
        const fix = finding?.fixes[0];
        assert.ok(fix, `a fix under ${p.residency}`);
        assert.deepEqual(judge('app.py', applyFix(text, fix), EU), []);
      }
    });

    it('a London region with a global inference profile fails eu-adequacy: the countries of the profile count too, not only those of the region', () => {
      const text = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-west-2")\nb.converse(modelId="global.anthropic.claude-sonnet-4-5-20250929-v1:0", messages=[])\n';
      const findings = judge('app.py', text, ADEQUACY);
      assert.deepEqual(rules(findings), ['LLMC002']);
      assert.match(findings[0]!.details[0]!, /any region worldwide/);
    });
  });

  describe('the CLI', () => {
    it('JSON endpoints keep euResident about the EU-27 and add the countries they may process in', () => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': 'require: [eu-residency]\nresidency: eea\n',
        'app.py': 'import boto3\nfrom openai import OpenAI\nc = OpenAI(base_url="https://eu.api.openai.com/v1")\nb = boto3.client("bedrock-runtime", region_name="ap-southeast-9")\n',
      });
      const r = runCli(['scan', '.', '--format', 'json'], dir);
      assert.equal(r.status, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { endpoints: { host: string; euResident: boolean | null; countries: unknown }[]; findings: { ruleId: string; message: string; details: string[] }[] };
      const openai = out.endpoints.find((e) => e.host === 'eu.api.openai.com')!;
      assert.equal(openai.euResident, false);
      assert.ok(Array.isArray(openai.countries) && openai.countries.includes('CH') && openai.countries.includes('NO'), JSON.stringify(openai.countries));
      // An unlisted region: its country is one of several, so no list is claimed.
      assert.equal(out.endpoints.find((e) => e.host?.includes('ap-southeast-9'))!.countries, null);
      assert.ok(out.findings.some((f) => f.ruleId === 'LLMC002' && /data outside the EEA/.test(f.message) && /Switzerland \(outside the EEA\)/.test(f.details[0]!)));
    });
  });

  describe('the catalog', () => {
    const places = [
      ...catalog.regionSets.flatMap((s) => s.locations.map((l) => ({ where: `${s.id}/${l.id}`, countries: l.countries, euResident: l.euResident, oneOf: false }))),
      ...catalog.regionSets.flatMap((s) => s.patterns.map((p) => ({ where: `${s.id}/${p.pattern}`, countries: p.countries, euResident: p.euResident, oneOf: true }))),
      ...catalog.providers.flatMap((p) => (p.locations ?? []).map((l) => ({ where: `${p.id}/${l.id}`, countries: l.countries, euResident: l.euResident, oneOf: false }))),
    ];

    it('every region and zone records its countries, and euResident follows from them (the EU-27)', () => {
      for (const p of places) {
        assert.ok(p.countries === null || p.countries === 'worldwide' || p.countries === 'self' || p.countries.every((c) => /^[A-Z]{2}$/.test(c)), p.where);
        assert.equal(p.euResident, euResidentFor(p.countries, p.oneOf), p.where);
      }
    });

    it('Norway, Switzerland and the UK are never EU-resident', () => {
      for (const p of places) {
        if (Array.isArray(p.countries) && p.countries.some((c) => ['NO', 'CH', 'GB'].includes(c))) assert.notEqual(p.euResident, true, p.where);
      }
    });

    it('zones are the EU-27, the EEA (+ IS, LI, NO) and the EEA plus general adequacy decisions; the US and Canada are not in any', () => {
      assert.equal(EU_MEMBER_STATES.length, 27);
      assert.equal(EEA.length, 30);
      assert.equal(judgeZone(['NO'], 'eu').inside, false);
      assert.equal(judgeZone(['NO', 'IS', 'LI'], 'eea').inside, true);
      assert.equal(judgeZone(['CH', 'GB', 'JP'], 'eu-adequacy').inside, true);
      for (const zone of ['eu', 'eea', 'eu-adequacy'] as const) {
        assert.equal(judgeZone(['US'], zone).inside, false, zone);
        assert.equal(judgeZone(['CA'], zone).inside, false, zone);
        assert.equal(judgeZone(null, zone).inside, null, zone);
        assert.equal(judgeZone('worldwide', zone).inside, false, zone);
      }
    });

    it('the matrix does not claim EU residency for a zone wider than the EU', () => {
      const rows = complianceMatrix(catalog, { today: '2026-12-03' });
      const row = (id: string) => rows.find((r) => r.provider === id)!;
      for (const id of ['openai', 'mistral', 'openrouter']) {
        assert.equal(row(id).cells.eu.status, 'conditional', id);
        assert.match(row(id).cells.eu.label, /^not EU-only/, id);
        assert.deepEqual(row(id).can.residency, { eu: false, eea: false, 'eu-adequacy': true }, id);
      }
      assert.equal(row('aws-bedrock').cells.eu.status, 'yes');
      assert.deepEqual(row('aws-bedrock').can.residency, { eu: true, eea: true, 'eu-adequacy': true });
      const adequacy = complianceMatrix(catalog, { today: '2026-12-03', policy: { require: ['eu-residency'], baa: [], residency: 'eu-adequacy' } });
      assert.deepEqual(adequacy.find((r) => r.provider === 'openai')!.fails, []);
    });
  });
});
