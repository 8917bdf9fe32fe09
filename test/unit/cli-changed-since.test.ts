// `scan --changed-since REF`: a pull request's files, judged with the whole workspace as context,
// on real git repositories made here.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const EU_POLICY = 'require: [eu-residency]\n';
const READS_ENV = 'import os\nimport openai\nclient = openai.OpenAI(base_url=os.environ["OPENAI_BASE_URL"])\n';
const BEDROCK_EU = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n';
const BEDROCK_US = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="us-east-1")\n';

interface JsonOut {
  endpoints: { file: string }[];
  findings: { file: string; line: number; ruleId: string; related?: { file: string }[] }[];
  summary: { filesScanned: number; scope?: { paths: string[] } };
}

function repo(files: Record<string, string>): string {
  const dir = tempWorkspace(files);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  return dir;
}

function commit(dir: string, files: Record<string, string | null>): void {
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) fs.rmSync(path.join(dir, rel));
    else {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  }
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qam', 'change', '--allow-empty'], { cwd: dir, stdio: 'pipe' });
}

const scan = (dir: string, ...args: string[]) => runCli(['scan', ...args, '--format', 'json'], dir);
const places = (out: JsonOut) => out.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();

describe('scan --changed-since (issue 15)', function () {
  this.timeout(120_000);
  const base = { '.llm-compliance.yaml': EU_POLICY, '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n', 'app/a.py': 'print("no LLM here yet")\n', 'lib/c.py': BEDROCK_EU };

  it('reports the finding at the .env setting when a changed file starts reading it (the .env itself unchanged)', () => {
    const dir = repo(base);
    commit(dir, { 'app/a.py': READS_ENV });
    const whole = JSON.parse(scan(dir, '.').stdout) as JsonOut;
    const setting = whole.findings.find((f) => f.file === '.env' && f.ruleId === 'LLMC002');
    assert.ok(setting?.related?.some((r) => r.file === 'app/a.py'), JSON.stringify(whole.findings));

    const r = scan(dir, '--changed-since', 'main');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(places(out), ['.env:1 LLMC002']);
    assert.deepEqual(out.endpoints.map((e) => e.file), ['app/a.py']);
    assert.deepEqual(out.summary.scope?.paths, ['app/a.py']);
  });

  it('reports nothing when nothing changed, and only the changed files otherwise', () => {
    const dir = repo({ ...base, 'app/a.py': READS_ENV });
    const none = scan(dir, '--changed-since', 'main');
    assert.equal(none.status, 0, none.stdout);
    assert.deepEqual(places(JSON.parse(none.stdout) as JsonOut), []);
    assert.equal(scan(dir, '.').status, 1, 'the premise: the whole workspace fails');

    commit(dir, { 'lib/c.py': `${BEDROCK_EU}# touched\n` });
    const c = scan(dir, '--changed-since', 'main');
    assert.equal(c.status, 0, c.stdout);
    assert.deepEqual((JSON.parse(c.stdout) as JsonOut).endpoints.map((e) => e.file), ['lib/c.py']);
  });

  it('counts staged, unstaged and untracked files, not ignored ones', () => {
    const dir = repo({ ...base, '.gitignore': 'build/\n' });
    fs.writeFileSync(path.join(dir, 'new.py'), BEDROCK_US);
    fs.mkdirSync(path.join(dir, 'build'));
    fs.writeFileSync(path.join(dir, 'build/gen.py'), BEDROCK_US);
    fs.writeFileSync(path.join(dir, 'lib/c.py'), BEDROCK_US);
    fs.writeFileSync(path.join(dir, 'staged.py'), BEDROCK_US);
    execFileSync('git', ['add', 'staged.py'], { cwd: dir });
    const out = JSON.parse(scan(dir, '--changed-since', 'main').stdout) as JsonOut;
    assert.deepEqual(places(out), ['lib/c.py:2 LLMC002', 'new.py:2 LLMC002', 'staged.py:2 LLMC002']);
  });

  it('counts from where the branch left the ref: later commits on the ref are not the branch\'s', () => {
    const dir = repo(base);
    commit(dir, { 'app/a.py': BEDROCK_US });
    execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
    commit(dir, { 'lib/c.py': BEDROCK_US });
    execFileSync('git', ['checkout', '-q', 'feature'], { cwd: dir });
    const out = JSON.parse(scan(dir, '--changed-since', 'main').stdout) as JsonOut;
    assert.deepEqual(out.summary.scope?.paths, ['app/a.py']);
  });

  it('reports everything when a file that sets values is deleted: its readers fall back to defaults', () => {
    const dir = repo({ '.llm-compliance.yaml': EU_POLICY, '.env': 'OPENAI_BASE_URL=https://gateway.example.eu/v1\nOTHER=1\n', 'app.py': 'import openai\nclient = openai.OpenAI()\n' });
    commit(dir, { '.env': null });
    const whole = JSON.parse(scan(dir, '.').stdout) as JsonOut;
    assert.ok(whole.findings.some((f) => f.file === 'app.py'), 'the premise: the default endpoint fails once the .env is gone');
    const r = scan(dir, '--changed-since', 'main');
    assert.equal(r.status, 1, r.stdout);
    assert.deepEqual(places(JSON.parse(r.stdout) as JsonOut), places(whole));
  });

  it('takes a folder: only changes inside it, with its own policy', () => {
    const dir = repo({ 'svc/.llm-compliance.yaml': EU_POLICY, 'svc/a.py': BEDROCK_EU, 'other/b.py': BEDROCK_EU });
    commit(dir, { 'svc/a.py': BEDROCK_US, 'other/b.py': BEDROCK_US });
    const out = JSON.parse(scan(dir, '--changed-since', 'main', 'svc').stdout) as JsonOut;
    assert.deepEqual(places(out), ['svc/a.py:2 LLMC002']);
  });

  it('reports everything when the policy changed, also one outside the folder (--policy) or reached through a link', () => {
    const dir = repo({ 'policy.yaml': 'require: []\n', 'svc/a.py': BEDROCK_US });
    commit(dir, { 'policy.yaml': EU_POLICY });
    const r = scan(dir, '--changed-since', 'main', 'svc', '--policy', 'policy.yaml');
    assert.equal(r.status, 1, r.stdout);
    assert.deepEqual(places(JSON.parse(r.stdout) as JsonOut), ['svc/a.py:2 LLMC002']);
    fs.symlinkSync(dir, `${dir}-link`);
    const linked = scan(`${dir}-link`, '--changed-since', 'main', '.', '--policy', 'policy.yaml');
    assert.deepEqual(places(JSON.parse(linked.stdout) as JsonOut), ['svc/a.py:2 LLMC002'], linked.stderr);
  });

  it('takes a folder reached through a symlink as its target', () => {
    const dir = repo(base);
    commit(dir, { 'lib/c.py': BEDROCK_US });
    fs.symlinkSync(dir, `${dir}-via`);
    const out = JSON.parse(runCli(['scan', '--changed-since', 'main', `${dir}-via`, '--format', 'json'], path.dirname(dir)).stdout) as JsonOut;
    assert.deepEqual(places(out), [`${path.basename(dir)}-via/lib/c.py:2 LLMC002`]);
  });

  it('reports everything when a file that sets values is read but ignored by git from outside the folder (its changes are not in git)', () => {
    const dir = repo({ '.gitignore': 'svc/.env\n', 'svc/.llm-compliance.yaml': EU_POLICY, 'svc/a.py': READS_ENV, 'svc/b.py': BEDROCK_EU });
    fs.writeFileSync(path.join(dir, 'svc/.env'), 'OPENAI_BASE_URL=https://api.openai.com/v1\n');
    const whole = JSON.parse(scan(dir, 'svc').stdout) as JsonOut;
    assert.deepEqual(places(whole), ['svc/.env:1 LLMC002'], 'the premise: the scan of svc reads the .env git ignores');
    const r = scan(dir, '--changed-since', 'main', 'svc');
    assert.equal(r.status, 1, r.stdout);
    assert.deepEqual(places(JSON.parse(r.stdout) as JsonOut), places(whole));
  });

  it('exits 2 with a one-line reason for an unknown ref, an option-like ref, no repository, and options it cannot go with', () => {
    const dir = repo(base);
    const plain = tempWorkspace({ 'a.py': BEDROCK_EU });
    const cases: [string[], string, RegExp][] = [
      [['--changed-since', 'no-such-branch'], dir, /git knows no commit "no-such-branch" \(in a shallow clone, fetch it first/],
      [['--changed-since=--output=x'], dir, /needs a git ref .*not "--output=x"/],
      [['--changed-since', 'main'], plain, /needs a git repository/],
      [['--changed-since', 'main', '--workspace', '.'], dir, /--changed-since takes one folder/],
      [['--changed-since', 'main', 'a', 'b'], dir, /--changed-since takes one folder/],
      [['--changed-since', 'main', 'lib/c.py'], dir, /--changed-since takes a folder to read for context .*lib\/c\.py is a file/],
    ];
    for (const [args, cwd, reason] of cases) {
      const r = scan(cwd, ...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr.split('\n')[0]!, reason);
      assert.equal(r.stdout, '');
    }
  });
});
