// Messages read at a glance (issue 13): a finding's message names the place and the problem, with
// a short remedy, in at most 200 characters, and typically (the median on examples/) in 120. The
// long form (provider detail, conditions, tiers, sources) stays in `details`, `remedy` and the hover.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import type { Finding } from '../../src/core';
import { Engine } from '../../src/core/engine';
import { parsePolicy } from '../../src/core/policy/policy';
import { ROOT } from '../support/cli';

const MAX = 200;
const TYPICAL = 120;
// The examples' waivers expire; judge them as of a fixed day.
const TODAY = '2026-11-27';

/** Every folder under test/fixtures (and examples/) that has its own policy file. */
function policyFolders(): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') visit(full);
      else if (/^\.llm-compliance\.(ya?ml|json)$/.test(e.name)) out.push(dir);
    }
  };
  visit(path.join(ROOT, 'test', 'fixtures'));
  return out.sort();
}

/** A policy that turns every rule on, in each residency zone, so each message shape is exercised on every fixture. */
function strictPolicy(residency: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-msg-'));
  const file = path.join(dir, '.llm-compliance.yaml');
  fs.writeFileSync(file, [
    'require: [hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai]',
    'baa: [aws-bedrock, anthropic, google-vertex-ai]',
    `residency: ${residency}`,
    'gateway:',
    '  hosts: [llm-gateway.internal.example, backup-gateway.internal.example]',
  ].join('\n'));
  return file;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function tooLong(findings: Finding[]): string[] {
  return findings.filter((f) => f.message.length > MAX).map((f) => `${f.ruleId} ${f.file} (${f.message.length}): ${f.message}`);
}

describe('finding messages read at a glance', function () {
  this.timeout(600_000);

  it(`on examples/: median <= ${TYPICAL} characters, none over ${MAX}`, async () => {
    const report = await scan(['examples'], { cwd: ROOT, today: TODAY });
    const lengths = report.findings.map((f) => f.message.length);
    assert.ok(lengths.length >= 20, `examples/ should show every rule (found ${lengths.length} findings)`);
    assert.deepEqual(tooLong(report.findings), []);
    assert.ok(median(lengths) <= TYPICAL, `median ${median(lengths)} > ${TYPICAL}`);
  });

  it(`on every fixture workspace with its own policy: none over ${MAX}`, async () => {
    const folders = policyFolders();
    assert.ok(folders.length >= 8, `found ${folders.length} fixture workspaces`);
    const long: string[] = [];
    let count = 0;
    for (const dir of folders) {
      const report = await scan([path.relative(ROOT, dir)], { cwd: ROOT, today: TODAY });
      count += report.findings.length;
      long.push(...tooLong(report.findings));
    }
    assert.ok(count > 50, `only ${count} findings`);
    assert.deepEqual(long, []);
  });

  for (const residency of ['eu', 'eea', 'eu-adequacy']) {
    it(`on all of test/fixtures and examples/ under a policy with every rule on (residency: ${residency}): none over ${MAX}`, async () => {
      const report = await scan(['test/fixtures', 'examples'], { cwd: ROOT, today: TODAY, policyFile: strictPolicy(residency) });
      assert.ok(report.findings.length > 1000, `only ${report.findings.length} findings`);
      for (const rule of ['LLMC001', 'LLMC002', 'LLMC003', 'LLMC004', 'LLMC005', 'LLMC006', 'LLMC008']) {
        assert.ok(report.findings.some((f) => f.ruleId === rule), `no ${rule} finding to measure`);
      }
      assert.deepEqual(tooLong(report.findings), []);
    });
  }

  it(`stays under ${MAX} with hostile input: a long host, a long waiver field, a long parser error, long env names`, () => {
    const engine = new Engine();
    const policy = parsePolicy('.llm-compliance.yaml', `require: [hipaa, eu-residency, soc2-type2]\ngateway:\n  hosts: [${'g'.repeat(120)}.example]\n`);
    const host = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.openai.azure.com`;
    const files: Record<string, string> = {
      'a.py': `from openai import OpenAI\nc = OpenAI(base_url="https://${host}/openai/v1")  # llm-compliance-ignore LLMC002 -- x; ${'z'.repeat(150)}=1\n`,
      'b.py': `import os\nfrom openai import OpenAI\nc = OpenAI(base_url=os.environ["${'VERY_LONG_NAME_'.repeat(12)}"])\n`,
      'c.yaml': `model_list:\n  - model_name: x\n    litellm_params: { model: "openai/gpt-4o", api_base: "https://${host}" }\n  ${'"'.repeat(3)}${'y: ['.repeat(40)}\n`,
    };
    const findings: Finding[] = [];
    for (const [file, text] of Object.entries(files)) {
      const r = engine.analyze(file, text);
      findings.push(...engine.evaluate(r.endpoints, policy, { waivers: r.waivers, today: TODAY, notes: r.notes }));
    }
    assert.ok(findings.length >= 4, findings.map((f) => f.ruleId).join(' '));
    assert.deepEqual(tooLong(findings), []);
  });
});
