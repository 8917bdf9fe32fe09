// The CI integrations run the command lines they declare, with the local build in place of the
// released CLI: the GitHub Action's scan script as action.yml wires it, the GitLab snippet's
// script lines, and the pre-commit hook's entry as pre-commit calls it (from the scanned
// repository's root, with the staged files). Their pinned versions are this release's.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatOf } from '../../src/core';
import { CLI, EXAMPLES, ROOT, runCli } from '../support/cli';
import { sarifValidator } from '../support/sarif';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run { status: number | null; stdout: string; stderr: string }

function bash(script: string, cwd: string, env: Record<string, string>): Run {
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the example workspace: a scanned project of its own, with its root as cwd. */
function examplesCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-ci-'));
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

interface JsonReport { findings: { ruleId: string; file: string; line: number; suppressed?: unknown }[] }
const unsuppressed = (r: JsonReport, file?: string) => r.findings.filter((f) => !f.suppressed && (!file || f.file === file)).map((f) => `${f.file}:${f.line}:${f.ruleId}`).sort();

describe('GitHub Action (action.yml)', function () {
  this.timeout(120_000);
  interface Step { id?: string; run?: string; uses?: string; env?: Record<string, string>; if?: string; with?: Record<string, string> }
  const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
  const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

  /**
   * Runs the scan step as the runner would: its env with `${{ inputs.* }}` from `inputs` (else the
   * input's default), the CLI the install step would have given replaced by the local build.
   */
  function runScanStep(inputs: Record<string, string>, readOnlyToken = false, context: { cwd?: string; baseRef?: string } = {}): Run & { outputs: Record<string, string> } {
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-gh-')), 'output');
    fs.writeFileSync(outputFile, '');
    const env: Record<string, string> = { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: path.dirname(outputFile) };
    for (const [name, value] of Object.entries(scanStep.env ?? {})) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
      if (input) env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
      else if (value === '${{ steps.install.outputs.cli }}') env[name] = CLI;
      else if (name === 'LLMC_READ_ONLY_TOKEN') env[name] = String(readOnlyToken);
      else if (value === '${{ github.base_ref }}') env[name] = context.baseRef ?? '';
      else assert.fail(`the test does not know how to evaluate ${name}: ${value}`);
    }
    const r = bash(scanStep.run!, context.cwd ?? ROOT, env);
    const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { ...r, outputs };
  }

  it('is a composite action whose scan step passes every input through the environment', () => {
    assert.equal(action.runs.using, 'composite');
    assert.match(scanStep.run!, /scripts\/action\/scan\.sh/);
    // Inputs reach the script as variables, never spliced into its text (script injection).
    for (const s of action.runs.steps) assert.doesNotMatch(s.run ?? '', /\$\{\{/, `step ${s.id ?? s.uses} splices an expression into its script`);
    const wired = Object.values(scanStep.env ?? {}).join(' ');
    for (const input of ['path', 'policy', 'fail-on-findings', 'upload-sarif', 'changed-only']) assert.ok(wired.includes(`inputs.${input} `), `input ${input} is not passed to the scan`);
    const upload = action.runs.steps.find((s) => s.id === 'upload')!;
    assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.with?.sarif_file, '${{ steps.scan.outputs.sarif-file }}');
  });

  it('the sample workflow (docs/ci) pins this release and passes only inputs the action has', () => {
    const workflow = parseYaml(fs.readFileSync(path.join(ROOT, 'docs/ci/github-workflow.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('llm-compliance/llm-compliance@'));
    assert.equal(uses.length, 1);
    assert.equal(uses[0]!.uses, `llm-compliance/llm-compliance@v${VERSION}`);
    for (const key of Object.keys(uses[0]!.with ?? {})) assert.ok(key in action.inputs, `unknown input ${key}`);
    assert.equal(workflow.permissions['security-events'], 'write');
  });

  it('writes valid SARIF with the findings for code scanning, and fails on them', () => {
    const r = runScanStep({ path: 'examples', 'upload-sarif': 'true' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.outputs.report, 'sarif');
    assert.equal(r.outputs['exit-code'], '1');
    const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: { results: { suppressions?: unknown[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const json = JSON.parse(runCli(['scan', 'examples', '--format', 'json']).stdout) as JsonReport;
    assert.equal(sarif.runs[0]!.results.filter((x) => !x.suppressions?.length).length, unsuppressed(json).length);
    assert.match(r.stdout, new RegExp(`llm-compliance: ${unsuppressed(json).length} findings \\(`));
  });

  it('reports but passes with fail-on-findings: false; a usage error still fails', () => {
    const passed = runScanStep({ path: 'examples', 'upload-sarif': 'true', 'fail-on-findings': 'false' });
    assert.equal(passed.status, 0, passed.stderr);
    assert.equal(passed.outputs['exit-code'], '1');
    assert.match(passed.stdout, /^::warning /m);
    const broken = runScanStep({ path: 'examples', policy: 'no-such-policy.yaml', 'fail-on-findings': 'false' });
    assert.equal(broken.status, 2);
    assert.equal(broken.outputs['exit-code'], '2');
    assert.equal(broken.outputs['sarif-file'], undefined);
    const typo = runScanStep({ path: 'examples', 'fail-on-findings': 'yes' });
    assert.equal(typo.status, 2);
    assert.match(typo.stdout, /fail-on-findings must be true or false/);
  });

  describe('on a pull request (changed-only)', () => {
    const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir, stdio: 'pipe' });
    /** A clone whose base branch is origin/main, and a pull request that makes b.py fail beside an a.py that already did. */
    function pullRequest(withBase = true): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-pr-'));
      fs.writeFileSync(path.join(dir, '.llm-compliance.yaml'), 'require: [eu-residency]\n');
      fs.writeFileSync(path.join(dir, 'a.py'), US);
      fs.writeFileSync(path.join(dir, 'b.py'), EU);
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'base');
      if (withBase) git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
      git(dir, 'checkout', '-qb', 'pr');
      fs.writeFileSync(path.join(dir, 'b.py'), US);
      git(dir, 'commit', '-qam', 'pr');
      return dir;
    }
    const US = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const EU = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n';
    const annotated = (r: Run) => [...new Set([...r.stdout.matchAll(/^::error file=([^,]+),/gm)].map((m) => m[1]))].sort();

    it('annotates only the files the pull request changes (auto), and everything when asked not to', () => {
      const dir = pullRequest();
      const changed = runScanStep({ 'upload-sarif': 'false' }, false, { cwd: dir, baseRef: 'main' });
      assert.equal(changed.status, 1, changed.stdout + changed.stderr);
      assert.deepEqual(annotated(changed), ['b.py']);
      const all = runScanStep({ 'upload-sarif': 'false', 'changed-only': 'false' }, false, { cwd: dir, baseRef: 'main' });
      assert.deepEqual(annotated(all), ['a.py', 'b.py']);
      const push = runScanStep({ 'upload-sarif': 'false' }, false, { cwd: dir });
      assert.deepEqual(annotated(push), ['a.py', 'b.py']);
    });

    it('reports everything, saying why, when the base is not in the clone; uploads whole SARIF unless told otherwise', () => {
      const shallow = runScanStep({ 'upload-sarif': 'false' }, false, { cwd: pullRequest(false), baseRef: 'main' });
      assert.match(shallow.stdout, /^::notice title=llm-compliance::changed-only: origin\/main is not in this clone/m);
      assert.deepEqual(annotated(shallow), ['a.py', 'b.py']);
      const dir = pullRequest();
      const files = (r: Run & { outputs: Record<string, string> }) => {
        const sarif = JSON.parse(fs.readFileSync(r.outputs['sarif-file']!, 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        return [...new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri))].sort();
      };
      assert.deepEqual(files(runScanStep({ 'upload-sarif': 'true' }, false, { cwd: dir, baseRef: 'main' })), ['a.py', 'b.py']);
      assert.deepEqual(files(runScanStep({ 'upload-sarif': 'true', 'changed-only': 'true' }, false, { cwd: dir, baseRef: 'main' })), ['b.py']);
      const typo = runScanStep({ 'changed-only': 'yes' }, false, { cwd: dir, baseRef: 'main' });
      assert.equal(typo.status, 2);
      assert.match(typo.stdout, /changed-only must be auto, true or false/);
    });
  });

  it('prints annotations instead where the token cannot upload (auto) or when asked (false)', () => {
    for (const r of [runScanStep({ path: 'examples' }, true), runScanStep({ path: 'examples', 'upload-sarif': 'false' })]) {
      assert.equal(r.outputs.report, 'github');
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^::error file=examples\/[^,\n]+,line=\d+/m);
      assert.equal(r.outputs['sarif-file'], undefined);
    }
  });
});

describe('GitLab CI snippet (docs/ci/gitlab-ci.yml)', function () {
  this.timeout(120_000);
  const job = (parseYaml(fs.readFileSync(path.join(ROOT, 'docs/ci/gitlab-ci.yml'), 'utf8')) as Record<string, { image: string; script: string[]; artifacts: { reports: { codequality: string } } }>)['llm-compliance']!;

  it('runs the pinned release; its script writes the Code Quality report and fails the job on findings', () => {
    assert.match(job.image, /^node:(2\d|[3-9]\d)/);
    const released = /npx --yes llm-compliance@(\S+)/g;
    assert.deepEqual([...new Set(job.script.flatMap((l) => [...l.matchAll(released)].map((m) => m[1])))], [VERSION]);
    const project = examplesCopy();
    try {
      // GitLab runs each line in turn and stops at the first that fails.
      const status = job.script.map((line) => bash(line.replace(released, `node ${JSON.stringify(CLI)}`), project, {}).status);
      assert.deepEqual(status, [0, 1]);
      const report = JSON.parse(fs.readFileSync(path.join(project, job.artifacts.reports.codequality), 'utf8')) as { check_name: string; location: { path: string } }[];
      assert.ok(report.length > 0 && report.every((i) => /^LLMC\d{3}$/.test(i.check_name) && fs.existsSync(path.join(project, i.location.path))));
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('README "Use in CI"', () => {
  it('pins this release wherever it names one', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('\n## ', readme.indexOf('## Use in CI') + 1));
    const pins = [...section.matchAll(/llm-compliance@v?(\d[^\s`]*)|rev: v(\S+)/g)].map((m) => m[1] ?? m[2]);
    assert.ok(pins.length >= 4, `found ${pins.length} pins`);
    assert.deepEqual([...new Set(pins)], [VERSION]);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(120_000);
  interface Hook { id: string; entry: string; language: string; pass_filenames?: boolean; require_serial?: boolean; files: string }
  const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'llm-compliance')!;
  // pre-commit's `files` is a Python regex searched in the path; `(?i)` is its inline flag.
  const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), hook.files.startsWith('(?i)') ? 'i' : '');

  /** What pre-commit runs: entry, then the hook's args, then the staged files, from the project's root. */
  function commit(project: string, args: string[], staged: string[]): Run {
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    assert.equal(command, 'llm-compliance');
    return bash(['node', CLI, ...entryArgs, ...args, ...staged].map((a) => `'${a}'`).join(' '), project, { LLM_COMPLIANCE_CACHE_DIR: path.join(project, '..', `${path.basename(project)}-cache`) });
  }

  it('installs as a Node package and is given the staged files', () => {
    assert.equal(hook.language, 'node');
    assert.notEqual(hook.pass_filenames, false);
    assert.equal(hook.require_serial, true);
    const config = parseYaml(fs.readFileSync(path.join(ROOT, 'docs/ci/pre-commit-config.yaml'), 'utf8')) as { repos: { rev: string; hooks: { id: string }[] }[] };
    assert.equal(config.repos[0]!.rev, `v${VERSION}`);
    assert.ok(config.repos[0]!.hooks.every((h) => hooks.some((k) => k.id === h.id)));
  });

  it('its files pattern takes every file the scanner reads', () => {
    const names = new Set<string>();
    const collect = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) collect(path.join(dir, e.name));
        else names.add(path.relative(ROOT, path.join(dir, e.name)).split(path.sep).join('/'));
      }
    };
    for (const dir of ['examples', 'test/fixtures', 'src', 'docs', 'scripts', 'schemas']) collect(path.join(ROOT, dir));
    // Every extension seen in the repository, and the special names formatOf knows, at a root and deeper.
    const extensions = new Set([...names].map((n) => path.extname(n)).filter(Boolean));
    for (const ext of extensions) names.add(`a/b${ext}`).add(`b${ext.toUpperCase()}`);
    for (const special of ['.env', '.env.local', '.env-prod', 'prod.env', '.envrc', 'env.example', 'env-sample', 'Dockerfile', 'Dockerfile.dev', 'api.dockerfile', 'Containerfile', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'go.mod', 'application-dev.yml', 'main.parameters.json', 'x.bicepparam']) {
      names.add(special).add(`svc/${special}`);
    }
    const missed = [...names].filter((n) => formatOf(n) && !files.test(n));
    assert.deepEqual(missed, []);
    // Taken but not read is harmless (the CLI skips it) only for lock files and declarations.
    const extra = [...names].filter((n) => !formatOf(n) && files.test(n) && !/(lock|\.d\.ts)$|lock\.(json|ya?ml)$|shrinkwrap\.json$|go\.sum$/i.test(n));
    assert.deepEqual(extra, []);
    assert.ok(!files.test('README.md') && !files.test('docs/logo.png'));
  });

  it('reports the staged files with the whole repository as context, and fails on findings', () => {
    const project = examplesCopy();
    try {
      const workspace = JSON.parse(runCli(['scan', '.', '--format', 'json'], project).stdout) as JsonReport;
      // docker-compose.yml takes its Azure region from the repository's other files: alone, the scan cannot tell it.
      const alone = JSON.parse(runCli(['scan', 'docker-compose.yml', '--policy', '.llm-compliance.yaml', '--format', 'json'], project).stdout) as JsonReport;
      assert.notDeepEqual(unsuppressed(alone), unsuppressed(workspace, 'docker-compose.yml'), 'the example no longer needs context');

      // A staged file that sets values for others (compose) reports everything, as a full scan does.
      const json = commit(project, ['--format', 'json'], ['docker-compose.yml', 'web/src/lib/telemetry.ts']);
      assert.equal(json.status, 1, json.stderr);
      assert.deepEqual(unsuppressed(JSON.parse(json.stdout) as JsonReport), unsuppressed(workspace));

      // Staged code alone: its findings, not everything (unresolved endpoints' findings stay in every subset).
      const code = commit(project, ['--format', 'json'], ['api/app/triage.py', 'web/src/lib/telemetry.ts']);
      assert.equal(code.status, 1, code.stderr);
      const staged = unsuppressed(JSON.parse(code.stdout) as JsonReport);
      for (const finding of unsuppressed(workspace, 'api/app/triage.py')) assert.ok(staged.includes(finding), finding);
      assert.ok(staged.every((f) => unsuppressed(workspace).includes(f)));
      assert.ok(staged.length < unsuppressed(workspace).length && staged.length > 0, staged.join('\n'));

      const text = commit(project, [], ['api/app/triage.py']);
      assert.equal(text.status, 1, text.stderr);
      assert.match(text.stdout, /triage\.py/);
      assert.doesNotMatch(text.stdout, /docker-compose\.yml/);
      const clean = commit(project, [], ['web/src/lib/telemetry.ts']);
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
