// `scan --format sarif|cyclonedx|github|gitlab` (issue 14): SARIF as GitHub code scanning reads it,
// a CycloneDX 1.6 AI-BOM valid against the official schema, workflow-command annotations
// that no scanned text can turn into a second command, and GitLab's Code Quality report.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core';
import { toCycloneDx } from '../../src/cli/format/cyclonedx';
import { FORMAT_NAMES } from '../../src/cli/format/formats';
import { command, githubAnnotations } from '../../src/cli/format/github';
import { type CodeQualityIssue, toCodeQuality } from '../../src/cli/format/gitlab';
import { FINGERPRINT_KEY, toSarif } from '../../src/cli/format/sarif';
import { packageInfo, PACKAGE_INFO, repositoryWebUrl } from '../../src/cli/package-info';
import type { ScanReport } from '../../src/cli/report';
import { scan } from '../../src/cli/scan';
import { ROOT, runCli, tempWorkspace } from '../support/cli';
import { cycloneDxValidator } from '../support/cyclonedx';
import { sarifValidator } from '../support/sarif';

const TODAY = '2026-11-27';
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string }; homepage: string };
const WORKSPACES = path.join(ROOT, 'test', 'fixtures', 'workspaces');

interface SarifRule { id: string; helpUri: string; fullDescription: { text: string }; properties: { tags: string[]; precision: string; 'security-severity': string } }
interface SarifResult { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }
interface SarifLog { runs: { tool: { driver: { informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[] }

interface CdxProperty { name: string; value: string }
interface CdxService { 'bom-ref': string; name: string; endpoints?: string[]; properties: CdxProperty[]; data: { flow: string; classification: string }[] }
interface Bom { serialNumber: string; metadata: { timestamp?: string; tools: { components: { name: string; version: string }[] }; component: { name: string } }; services: CdxService[]; components: { type: string; name: string }[] }

const prop = (s: { properties: CdxProperty[] }, name: string): string[] => s.properties.filter((p) => p.name === `llm-compliance:${name}`).map((p) => p.value);

describe('output formats', () => {
  it('are those of the DESIGN contract, in its order, then GitLab\'s', () => {
    assert.deepEqual(FORMAT_NAMES, ['text', 'json', 'sarif', 'cyclonedx', 'github', 'gitlab']);
    const r = runCli(['scan', 'examples', '--format', 'xml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown format "xml" \(expected text, json, sarif, cyclonedx, github, gitlab\)/);
  });

  describe('package links', () => {
    it('come from package.json: the repository as a web address, and the homepage', () => {
      assert.equal(PACKAGE_INFO.repository, 'https://github.com/llm-compliance/llm-compliance');
      assert.equal(PACKAGE_INFO.repository, repositoryWebUrl(pkg.repository));
      assert.equal(PACKAGE_INFO.homepage, pkg.homepage);
      assert.equal(PACKAGE_INFO.version, pkg.version);
      assert.equal(repositoryWebUrl('git+https://example.com/a/b.git'), 'https://example.com/a/b');
      assert.equal(packageInfo({ repository: 'https://example.com/a/b' }).homepage, 'https://example.com/a/b');
    });
  });

  describe('SARIF for GitHub code scanning', () => {
    // What GitHub reads is listed on "SARIF support for code scanning"
    // (https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning).
    const r = runCli(['scan', 'examples', '--format', 'sarif', '--date', TODAY]);
    const log = JSON.parse(r.stdout) as SarifLog;
    const run = log.runs[0]!;

    it('is valid SARIF 2.1.0 and keeps the exit code', () => {
      assert.equal(r.status, 1, r.stderr);
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    });

    it('links every rule to its page at this version, and the tool to its home page', () => {
      assert.equal(run.tool.driver.informationUri, pkg.homepage);
      for (const rule of run.tool.driver.rules) {
        assert.equal(rule.helpUri, `https://github.com/llm-compliance/llm-compliance/blob/v${pkg.version}/docs/rules/${rule.id}.md`);
        assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`)));
      }
    });

    it('gives every rule what code scanning ranks by: security-severity (tagged security) and precision', () => {
      for (const rule of run.tool.driver.rules) {
        const score = rule.properties['security-severity'];
        assert.equal(typeof score, 'string', rule.id);
        assert.match(score, /^\d{1,2}\.\d$/, rule.id);
        assert.ok(Number(score) > 0 && Number(score) <= 10, rule.id);
        assert.ok(['very-high', 'high', 'medium', 'low'].includes(rule.properties.precision), rule.id);
        // Code scanning reads security-severity only for rules tagged `security`.
        assert.ok(rule.properties.tags.includes('security'), rule.id);
        // Its limit for fullDescription.text.
        assert.ok(rule.fullDescription.text.length <= 1000, rule.id);
      }
      const byId = new Map(run.tool.driver.rules.map((x) => [x.id, x.properties['security-severity']]));
      // A missing BAA with PHI is high; a waiver problem and a file not fully read are low.
      assert.ok(Number(byId.get('LLMC001')) >= 7 && Number(byId.get('LLMC001')) < 9);
      assert.ok(Number(byId.get('LLMC007')) < 4 && Number(byId.get('LLMC008')) < 4);
    });

    it('shows each rule\'s values on its generated page', () => {
      for (const rule of RULES) {
        const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
        assert.ok(page.includes(`| Security severity (GitHub code scanning) | ${rule.securitySeverity} (`), rule.id);
        assert.ok(page.includes(`| Precision | ${rule.precision} |`), rule.id);
      }
    });

    it('fingerprints every result distinctly under the documented key', () => {
      const prints = run.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]);
      assert.equal(FINGERPRINT_KEY, 'llmCompliance/v1');
      assert.ok(prints.every((p) => typeof p === 'string' && /^[0-9a-f]{16}(:\d+)?$/.test(p)));
      assert.equal(new Set(prints).size, prints.length);
      // primaryLocationLineHash is left to upload-sarif, which computes it only when it is missing.
      assert.ok(run.results.every((x) => !('primaryLocationLineHash' in x.partialFingerprints)));
    });

    it('keeps fingerprints when lines move, and two findings on one line apart', async () => {
      const code = 'from openai import OpenAI\na = OpenAI(); b = OpenAI()\n';
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\n', 'app.py': code });
      const prints = async (): Promise<{ line: number; print: string }[]> => {
        const report = await scan(['.'], { cwd: dir, today: TODAY });
        const sarif = toSarif(report, '0.0.0', 'file:///w/') as SarifLog;
        return sarif.runs[0]!.results.map((x) => ({ line: x.locations[0]!.physicalLocation.region.startLine, print: x.partialFingerprints[FINGERPRINT_KEY]! }));
      };
      const before = await prints();
      assert.equal(before.length, 2);
      assert.deepEqual(before.map((x) => x.line), [2, 2]);
      assert.notEqual(before[0]!.print, before[1]!.print);
      fs.writeFileSync(path.join(dir, 'app.py'), `# a comment\n\n\n${code}`);
      const after = await prints();
      assert.deepEqual(after.map((x) => x.line), [5, 5]);
      assert.deepEqual(after.map((x) => x.print), before.map((x) => x.print));
    });
  });

  describe('--format cyclonedx', () => {
    let validate: ReturnType<typeof cycloneDxValidator>;
    before(function () {
      this.timeout(60_000);
      validate = cycloneDxValidator();
    });
    const valid = (bom: unknown): void => assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const cdx = (args: string[], cwd = ROOT, env: Record<string, string> = {}): { status: number | null; bom: Bom; stdout: string } => {
      const r = runCli(['scan', ...args, '--format', 'cyclonedx'], cwd, env);
      return { status: r.status, bom: JSON.parse(r.stdout) as Bom, stdout: r.stdout };
    };

    it('describes the examples as a valid CycloneDX 1.6 BOM: one service per endpoint, with verdicts', () => {
      const { status, bom } = cdx(['examples', '--date', TODAY]);
      assert.equal(status, 1);
      valid(bom);
      assert.deepEqual(bom.metadata.tools.components.map((c) => [c.name, c.version]), [['llm-compliance', pkg.version]]);
      assert.equal(bom.metadata.component.name, 'examples');
      const refs = bom.services.map((s) => s['bom-ref']);
      assert.equal(new Set(refs).size, refs.length);
      const triage = bom.services.find((s) => s['bom-ref'] === 'service:aws-bedrock/bedrock-runtime.us-east-1.amazonaws.com/us-east-1')!;
      assert.deepEqual(triage.endpoints, ['https://bedrock-runtime.us-east-1.amazonaws.com']);
      assert.deepEqual(prop(triage, 'euResident'), ['false']);
      assert.deepEqual(prop(triage, 'verdict'), ['fail']);
      assert.ok(prop(triage, 'failingRules')[0]!.split(',').includes('LLMC002'));
      assert.ok(prop(triage, 'use').includes('examples/api/app/triage.py:7'));
      assert.deepEqual(triage.data.map((d) => d.flow), ['inbound', 'outbound']);
      // Unknown stays unknown: Bedrock's BAA is not confirmed by AWS in the catalog.
      assert.deepEqual(prop(triage, 'baaAvailable'), ['unknown']);
      const selfHosted = bom.services.find((s) => prop(s, 'provider')[0] === 'self-hosted')!;
      assert.ok(!('x-trust-boundary' in selfHosted));
      assert.ok(bom.components.every((c) => c.type === 'machine-learning-model'));
      assert.ok(bom.components.some((c) => c.name === 'gemini-2.0-flash'));
    });

    it('is reproducible: the same bytes twice, a content-derived serial, a timestamp only from SOURCE_DATE_EPOCH', () => {
      const a = cdx(['examples', '--date', TODAY]);
      const b = cdx(['examples', '--date', TODAY]);
      assert.equal(a.stdout, b.stdout);
      assert.equal(a.bom.metadata.timestamp, undefined);
      const dated = cdx(['examples', '--date', TODAY], ROOT, { SOURCE_DATE_EPOCH: '1764806400' });
      assert.equal(dated.bom.metadata.timestamp, '2025-12-04T00:00:00Z');
      valid(dated.bom);
      assert.notEqual(dated.bom.serialNumber, a.bom.serialNumber);
    });

    it('is valid without a policy, with every verdict not-checked', () => {
      const dir = tempWorkspace({ 'app.py': 'from openai import OpenAI\nclient = OpenAI()\n' });
      const { status, bom } = cdx(['.'], dir);
      assert.equal(status, 0);
      valid(bom);
      assert.deepEqual(bom.services.map((s) => prop(s, 'verdict')[0]), ['not-checked']);
      assert.deepEqual(bom.services[0]!.data.map((d) => d.classification), ['unknown', 'unknown']);
    });

    it('is valid with waivers, and names each waiver\'s reason', () => {
      const { bom } = cdx(['.', '--date', TODAY], path.join(WORKSPACES, 'waivers'));
      valid(bom);
      const waived = bom.services.filter((s) => prop(s, 'waived')[0] === 'true');
      assert.ok(waived.length > 0);
      assert.ok(waived.some((s) => prop(s, 'waiverReason').some((r) => r.endsWith(': translation of public docs only'))));
    });

    it('is valid for unknown regions and hosts, and says unknown', () => {
      for (const folder of ['envs', 'iac', 'routing', 'gateway', 'deployments', 'quiet']) {
        const { bom } = cdx(['.', '--date', TODAY], path.join(WORKSPACES, folder));
        valid(bom);
      }
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n', 'app.py': 'import os, boto3\nc = boto3.client("bedrock-runtime", region_name=os.environ["R"])\n' });
      const { bom } = cdx(['.'], dir);
      valid(bom);
      const bedrock = bom.services.find((s) => prop(s, 'provider')[0] === 'aws-bedrock')!;
      assert.deepEqual(prop(bedrock, 'region'), ['unknown']);
      assert.deepEqual(prop(bedrock, 'euResident'), ['unknown']);
      assert.ok(!bedrock.endpoints, 'no URL is guessed for an unknown host');
    });

    it('fails the schema check on a deliberately broken BOM', () => {
      const { bom } = cdx(['examples', '--date', TODAY]);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a BOM broken on purpose, any shape
      type Loose = any;
      const broken = (change: (b: Loose) => void): boolean => {
        const copy: Loose = JSON.parse(JSON.stringify(bom));
        change(copy);
        return validate(copy);
      };
      assert.equal(broken(() => undefined), true);
      assert.equal(broken((b) => (b.services[0].data[0].flow = 'sideways')), false);
      assert.equal(broken((b) => delete b.bomFormat), false);
      assert.equal(broken((b) => (b.serialNumber = 'not-a-uuid')), false);
      assert.equal(broken((b) => (b.metadata.timestamp = 'yesterday')), false);
      assert.equal(broken((b) => (b.components[0].type = 'llm')), false);
      assert.equal(broken((b) => (b.services[0].properties[0].extra = 1)), false);
    });

    it('keeps a hostile host out of the endpoint URLs and valid', () => {
      const report: ScanReport = {
        endpoints: [{ file: 'a.py', range: { start: 0, end: 1 }, provider: null, host: 'evil host\u202e/x', region: null, location: null, euResident: null, baaAvailable: null, via: 'URL literal', conditions: [], model: 'm\u0000' }],
        findings: [], notes: [], filesScanned: 1, policy: null, texts: new Map([['a.py', 'x\n']]),
      };
      const bom = toCycloneDx(report, { info: PACKAGE_INFO, projectName: 'p' }) as unknown as Bom;
      valid(bom);
      assert.equal(bom.services[0]!.endpoints, undefined);
    });
  });

  describe('--format github', () => {
    /** How the Actions runner reads a line: `::name k=v,k=v::data`, with its unescaping. */
    const parseCommand = (line: string): { name: string; props: Record<string, string>; data: string } | undefined => {
      if (!line.startsWith('::')) return undefined;
      const end = line.indexOf('::', 2);
      if (end < 0) return undefined;
      const [name, ...rest] = line.slice(2, end).split(' ');
      const props: Record<string, string> = {};
      const unProp = (v: string): string => v.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
      for (const kv of rest.join(' ').split(',').filter(Boolean)) {
        const i = kv.indexOf('=');
        props[kv.slice(0, i)] = unProp(kv.slice(i + 1));
      }
      return { name: name!, props, data: line.slice(end + 2).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%') };
    };
    const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029|\u0085/;

    it('writes one annotation per unwaived finding and per unreported note, then a summary line', () => {
      const r = runCli(['scan', 'examples', '--format', 'github', '--date', TODAY]);
      assert.equal(r.status, 1, r.stderr);
      const json = JSON.parse(runCli(['scan', 'examples', '--format', 'json', '--date', TODAY]).stdout) as { findings: { suppressed?: unknown; severity: string; file: string; line: number; ruleId: string }[] };
      const lines = r.stdout.split('\n').slice(0, -1);
      const commands = lines.slice(0, -1).map(parseCommand);
      const active = json.findings.filter((f) => !f.suppressed);
      assert.equal(commands.length, active.length);
      for (const [i, f] of active.entries()) {
        const c = commands[i]!;
        assert.equal(c.name, { error: 'error', warning: 'warning', note: 'notice' }[f.severity]);
        assert.equal(c.props.file, f.file);
        assert.equal(c.props.line, String(f.line));
        assert.ok(c.props.title!.startsWith(`${f.ruleId} `));
      }
      assert.match(lines.at(-1)!, /^llm-compliance: \d+ findings \(\d+ error, \d+ warning, \d+ note\), \d+ waived; \d+ endpoint uses in \d+ files scanned; 1 file not fully analysed$/);
    });

    it('annotates files not fully analysed when no policy made them findings', () => {
      const dir = tempWorkspace({ 'b.py': Buffer.from('from openai import OpenAI\nx = "\xff\xfe"\nc = OpenAI()\n', 'latin1') });
      const r = runCli(['scan', '.', '--format', 'github'], dir);
      assert.equal(r.status, 0, r.stderr);
      const [note, summary] = r.stdout.trimEnd().split('\n');
      const c = parseCommand(note!)!;
      assert.equal(c.name, 'warning');
      assert.equal(c.props.file, 'b.py');
      assert.match(c.data, /not valid UTF-8/);
      assert.match(summary!, /^llm-compliance: no policy: nothing checked .*; 1 file not fully analysed$/);
    });

    it('never lets a hostile file name or message start a second command', async () => {
      const hostile = 'x\n::error file=pwn.py::owned,line=1%0A\u2028::warning::y\r.py';
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\n', [hostile]: 'from openai import OpenAI\nclient = OpenAI()\n' });
      const report = await scan(['.'], { cwd: dir, today: TODAY });
      assert.equal(report.findings.length, 1);
      report.findings[0]!.message = 'evil\r\n::error::second %0A::notice::third\u2029::warning::fourth \u001b[2J';
      report.notes.push({ kind: 'parse-error', file: hostile, line: 1, message: 'bad\n::error::x' });
      const out = [...githubAnnotations(report)];
      const lines = out.join('\n').split(LINE_BREAKS);
      assert.equal(lines.length, 3, JSON.stringify(lines));
      const commands = lines.slice(0, 2).map(parseCommand);
      assert.deepEqual(commands.map((c) => c?.name), ['error', 'warning']);
      // The runner reads back the name and the text, with every control shown, never obeyed.
      assert.equal(commands[0]!.props.file, 'x\\x0a::error file=pwn.py::owned,line=1%0A\\u2028::warning::y\\x0d.py');
      assert.equal(commands[0]!.props.line, '2');
      assert.equal(commands[0]!.data, 'evil\\x0d\\x0a::error::second %0A::notice::third\\u2029::warning::fourth \\x1b[2J');
      assert.ok(!lines[2]!.startsWith('::'));
    });

    it('escapes as @actions/core does, and keeps one intended line break in the message', () => {
      assert.equal(command('notice', [['file', 'a,b:c%'], ['line', 3], ['col', undefined]], ['50% done', 'next']), '::notice file=a%2Cb%3Ac%25,line=3::50%25 done%0Anext');
    });
  });

  describe('--format gitlab (Code Quality)', () => {
    const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];
    /** What GitLab's Code Quality page says each issue must carry. */
    const assertIssue = (i: CodeQualityIssue): void => {
      assert.deepEqual(Object.keys(i).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      for (const key of ['description', 'check_name', 'fingerprint'] as const) assert.ok(typeof i[key] === 'string' && i[key].length > 0, key);
      assert.ok(SEVERITIES.includes(i.severity), i.severity);
      assert.ok(!i.location.path.startsWith('/') && !i.location.path.startsWith('./'), i.location.path);
      assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
      assert.ok(i.location.lines.end >= i.location.lines.begin);
    };

    it('lists every unwaived finding once, with the SARIF output\'s fingerprints, and keeps the exit code', () => {
      const r = runCli(['scan', 'examples', '--format', 'gitlab', '--date', TODAY]);
      assert.equal(r.status, 1, r.stderr);
      const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
      issues.forEach(assertIssue);
      const json = JSON.parse(runCli(['scan', 'examples', '--format', 'json', '--date', TODAY]).stdout) as { findings: { file: string; line: number; ruleId: string; severity: string; suppressed?: unknown }[] };
      const active = json.findings.filter((f) => !f.suppressed);
      assert.ok(active.length < json.findings.length, 'the premise: examples/ has a waived finding');
      assert.deepEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name}`), active.map((f) => `${f.file}:${f.line} ${f.ruleId}`));
      assert.deepEqual(issues.map((i) => i.severity), active.map((f) => ({ error: 'major', warning: 'minor', note: 'info' })[f.severity]));
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
      const sarif = JSON.parse(runCli(['scan', 'examples', '--format', 'sarif', '--date', TODAY]).stdout) as { runs: { results: (SarifResult & { suppressions?: unknown[] })[] }[] };
      const sarifPrints = sarif.runs[0]!.results.filter((x) => !x.suppressions?.length).map((x) => x.partialFingerprints[FINGERPRINT_KEY]);
      assert.deepEqual(issues.map((i) => i.fingerprint), sarifPrints);
    });

    it('says which files were not fully analysed when no policy made them findings, and is an empty list when there is nothing', () => {
      const dir = tempWorkspace({ 'a.py': 'from openai import OpenAI\nclient = OpenAI()\n', 'b.py': Buffer.from('from openai import OpenAI\nx = "\xff\xfe"\nc = OpenAI()\n', 'latin1') });
      const r = runCli(['scan', '.', '--format', 'gitlab'], dir);
      assert.equal(r.status, 0, r.stderr);
      const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
      issues.forEach(assertIssue);
      assert.deepEqual(issues.map((i) => [i.check_name, i.location.path, i.severity]), [['LLMC008', 'b.py', 'minor']]);
      assert.match(issues[0]!.description, /not valid UTF-8.*could go unchecked/);
      assert.deepEqual(JSON.parse(runCli(['scan', '.', '--format', 'gitlab'], tempWorkspace({ 'a.py': 'print(1)\n' })).stdout), []);
    });

    it('keeps fingerprints when lines move, as SARIF does', async () => {
      const code = 'from openai import OpenAI\na = OpenAI(); b = OpenAI()\n';
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\n', 'app.py': code });
      const prints = async () => toCodeQuality(await scan(['.'], { cwd: dir, today: TODAY })).map((i) => i.fingerprint);
      const before = await prints();
      assert.equal(new Set(before).size, 2);
      fs.writeFileSync(path.join(dir, 'app.py'), `# moved\n\n${code}`);
      assert.deepEqual(await prints(), before);
    });

    it('writes control and bidi characters in paths and messages as JSON escapes', () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\n', 'a\u202e\u0007.py': 'from openai import OpenAI\nclient = OpenAI()\n' });
      const r = runCli(['scan', '.', '--format', 'gitlab'], dir);
      assert.ok(!r.stdout.includes('\u202e') && !r.stdout.includes('\u0007'), r.stdout);
      assert.equal((JSON.parse(r.stdout) as CodeQualityIssue[])[0]!.location.path, 'a\u202e\u0007.py');
    });
  });
});
