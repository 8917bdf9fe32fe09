// scan's linter conventions (issue 14): --workspace DIR FILE... (a subset judged with the whole
// folder's context, failing closed), - with --stdin-filename, --quiet, --max-warnings, and when
// the text output is coloured. Runs main() in this process with stdout and stderr captured,
// and the built dist/cli.js as a child process for stdin and the colour environment.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { WriteStream } from 'node:tty';
import { colorFlag, useColor, type ColorContext } from '../../src/cli/color';
import { main } from '../../src/cli/main';
import { reportFor, type ScanReport } from '../../src/cli/report';
import { CLI, tempWorkspace } from '../support/cli';
import { sarifValidator } from '../support/sarif';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() in `cwd`, with stdout and stderr captured (and stdin from `input` when given). */
async function runMain(args: string[], cwd: string, input?: string | Buffer): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const { stdout, stderr } = process;
  const write = { out: stdout.write.bind(stdout), err: stderr.write.bind(stderr) };
  const before = process.cwd();
  const capture = (into: string[]) => ((chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.chdir(cwd);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await main(args, input === undefined ? {} : { stdin: Readable.from([Buffer.from(input)]) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.chdir(before);
  }
}

interface JsonOut {
  endpoints: { file: string; line: number }[];
  findings: { file: string; line: number; ruleId: string; severity: string; suppressed?: unknown; related?: { file: string }[] }[];
  notes: { file: string; kind: string }[];
  summary: { filesScanned: number; findings: number; suppressed: number; scope?: { paths: string[]; workspaceFilesScanned: number } };
}

const json = (r: Run): JsonOut => JSON.parse(r.stdout) as JsonOut;
const placesOf = (out: JsonOut): string[] => out.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}${f.suppressed ? ' waived' : ''}`).sort();

const EU_POLICY = 'require: [eu-residency]\n';
const READS_ENV = 'import os\nimport openai\nclient = openai.OpenAI(base_url=os.environ["OPENAI_BASE_URL"])\n';
/** An uncatalogued host: LLMC003, a warning by default. */
const UNKNOWN_HOST = 'import openai\nc = openai.OpenAI(base_url="https://llm.example.invalid/v1")\n';
const BEDROCK_EU = 'import boto3\nb = boto3.client("bedrock-runtime", region_name="eu-central-1")\n';

describe('scan options (issue 14)', function () {
  // Scans in this process; the machine may be busy.
  this.timeout(120_000);

  describe('--workspace DIR FILE...', () => {
    const files = {
      '.llm-compliance.yaml': EU_POLICY,
      '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n',
      'app/a.py': READS_ENV,
      'app/b.py': UNKNOWN_HOST,
      'lib/c.py': BEDROCK_EU,
    };

    it('reports the finding at an unstaged setting that the given file reads (one finding per problem sits at the setting)', async () => {
      const dir = tempWorkspace(files);
      const whole = json(await runMain(['scan', '.', '--format', 'json'], dir));
      // The premise: the finding that judges a.py sits at .env, with a.py only as its reader.
      assert.ok(!whole.findings.some((f) => f.file === 'app/a.py'), JSON.stringify(whole.findings));
      assert.ok(whole.findings.some((f) => f.file === '.env' && f.ruleId === 'LLMC002' && f.related?.some((r) => r.file === 'app/a.py')));
      const r = await runMain(['scan', '--workspace', '.', 'app/a.py', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      const out = json(r);
      // b.py's endpoint could not be resolved: whatever it hangs on may be a.py, so it stays (fail closed).
      assert.deepEqual(placesOf(out), ['.env:1 LLMC002', 'app/b.py:2 LLMC003']);
      assert.deepEqual(out.endpoints.map((e) => e.file), ['app/a.py']);
      assert.equal(out.summary.filesScanned, 1);
    });

    it('leaves out what the given files do not involve, and exits on theirs alone', async () => {
      const dir = tempWorkspace(files);
      const b = await runMain(['scan', '--workspace', '.', 'app/b.py', '--format', 'json'], dir);
      // LLMC003 is a warning: the .env error concerns a.py, not b.py.
      assert.equal(b.code, 0, b.stdout);
      assert.deepEqual(placesOf(json(b)), ['app/b.py:2 LLMC003']);
      const c = await runMain(['scan', '--workspace', '.', 'lib/c.py', '--format', 'json'], dir);
      assert.equal(c.code, 0);
      assert.deepEqual(placesOf(json(c)), ['app/b.py:2 LLMC003']);
      assert.deepEqual(json(c).endpoints.map((e) => e.file), ['lib/c.py']);
      const scope = json(c).summary.scope;
      assert.deepEqual(scope?.paths, ['lib/c.py']);
      assert.ok((scope?.workspaceFilesScanned ?? 0) > json(c).summary.filesScanned, JSON.stringify(json(c).summary));
      assert.equal(json(await runMain(['scan', '.', '--format', 'json'], dir)).summary.scope, undefined);
      // A file that sets values given: everything, as a full scan (see the next tests).
      assert.deepEqual(placesOf(json(await runMain(['scan', '--workspace', '.', '.env', '--format', 'json'], dir))), ['.env:1 LLMC002', 'app/b.py:2 LLMC003']);
    });

    it('takes a folder as every file under it, and the policy file as everything', async () => {
      const dir = tempWorkspace(files);
      assert.deepEqual(placesOf(json(await runMain(['scan', '--workspace', '.', 'app', '--format', 'json'], dir))), ['.env:1 LLMC002', 'app/b.py:2 LLMC003']);
      const all = json(await runMain(['scan', '.', '--format', 'json'], dir));
      const withPolicy = json(await runMain(['scan', '--workspace', '.', '.llm-compliance.yaml', '--format', 'json'], dir));
      assert.deepEqual(placesOf(withPolicy), placesOf(all));
      assert.equal(withPolicy.endpoints.length, all.endpoints.length);
    });

    it('reports everything when a given file sets values for others: a value taken out of it moves the finding to code that no longer names it', async () => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': EU_POLICY,
        // OPENAI_BASE_URL (an EU gateway) taken out in this commit: the SDK's default applies, and the finding sits at app.py.
        '.env': 'LOG_LEVEL=debug\n',
        'app.py': 'import openai\nclient = openai.OpenAI()\n',
        'other.py': BEDROCK_EU,
      });
      const whole = json(await runMain(['scan', '.', '--format', 'json'], dir));
      assert.deepEqual(placesOf(whole), ['app.py:2 LLMC002']);
      for (const setting of ['.env', 'compose.yaml', 'k8s/deploy.yaml', 'package.json']) {
        fs.mkdirSync(path.dirname(path.join(dir, setting)), { recursive: true });
        if (!fs.existsSync(path.join(dir, setting))) fs.writeFileSync(path.join(dir, setting), setting.endsWith('.json') ? '{}\n' : 'x: 1\n');
        const r = json(await runMain(['scan', '--workspace', '.', setting, '--format', 'json'], dir));
        assert.deepEqual(placesOf(r), placesOf(whole), setting);
      }
      // A code file alone is judged precisely.
      assert.deepEqual(placesOf(json(await runMain(['scan', '--workspace', '.', 'other.py', '--format', 'json'], dir))), []);
    });

    it('keeps a code finding whose value came from a given config file (not folded: the setting\'s verdict is waived, the code\'s is not)', async () => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': EU_POLICY,
        '.env': '# llm-compliance-ignore LLMC002 -- test only; expires=2099-01-01; owner=qa\nOPENAI_BASE_URL=https://api.openai.com/v1\n',
        'app.py': 'import openai\nclient = openai.OpenAI()\n',
      });
      const r = await runMain(['scan', '--workspace', '.', '.env', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stdout);
      assert.deepEqual(placesOf(json(r)), ['.env:2 LLMC002 waived', 'app.py:2 LLMC002']);
    });

    it('fails on a given file that could not be fully analysed (LLMC008), and not on another one', async () => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': `${EU_POLICY}failOn: warning\n`,
        'bad.py': Buffer.from('import openai\u0000\nc = openai.OpenAI(base_url="https://api.mistral.ai/v1")\n'),
        'ok.py': BEDROCK_EU,
      });
      const bad = await runMain(['scan', '--workspace', '.', 'bad.py', '--format', 'json'], dir);
      assert.equal(bad.code, 1);
      assert.ok(json(bad).findings.some((f) => f.ruleId === 'LLMC008' && f.file === 'bad.py'), bad.stdout);
      assert.deepEqual(json(bad).notes.map((n) => n.file), ['bad.py']);
      const ok = await runMain(['scan', '--workspace', '.', 'ok.py', '--format', 'json'], dir);
      assert.equal(ok.code, 0, ok.stdout);
      assert.deepEqual(json(ok).notes, []);
    });

    it('says in text how many files gave context', async () => {
      const dir = tempWorkspace(files);
      const r = await runMain(['scan', '--workspace', '.', 'app/a.py'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /1 file scanned \(5 read in the workspace for context\)/);
    });

    it('refuses paths outside DIR, a DIR that is no folder, and a missing file, with a one-line reason', async () => {
      const dir = tempWorkspace({ ...files, 'outside.py': BEDROCK_EU });
      const cases: [string[], string][] = [
        [['scan', '--workspace', 'app', 'lib/c.py'], 'lib/c.py is outside the workspace app: only files inside it can be judged with its context'],
        [['scan', '--workspace', 'app', '../x.py'], '../x.py is outside the workspace app: only files inside it can be judged with its context'],
        [['scan', '--workspace', 'nope', 'a.py'], 'workspace folder not found: nope'],
        [['scan', '--workspace', 'lib/c.py'], '--workspace lib/c.py is not a folder (give the folder to read for context, then the files to report on)'],
        [['scan', '--workspace', '.', 'app/gone.py'], 'path not found: app/gone.py'],
      ];
      for (const [args, reason] of cases) {
        const r = await runMain(args, dir);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.equal(r.stderr.split('\n')[0], `llm-compliance: ${reason}`);
      }
    });
  });

  describe('reportFor (the filter --changed-since reuses)', () => {
    const range = { start: 0, end: 1 };
    const finding = (file: string, extra: object = {}) => ({ ruleId: 'LLMC005', severity: 'error', file, range, provider: null, message: 'm', requirement: 'eu-residency', remedy: '', details: [], sources: [], fixes: [], ...extra });
    const report = {
      endpoints: [], notes: [{ kind: 'unreadable', file: 'locked', message: 'folder not readable: EACCES' }], filesScanned: 3, policy: null, texts: new Map(), files: ['x.py', 'y.py', 'locked/z.py'],
      findings: [
        finding('x.py', { related: [{ file: 'y.py', line: 2, message: 'the weak link' }] }),
        finding('z.py'),
        // One finding per problem: at the setting, the reading code only among its readers (no related line here).
        finding('.env', { endpoint: { file: '.env', range }, readers: [{ file: 'r.py', range }] }),
        // A value from a config file, named only in the endpoint's env sources.
        finding('s.py', { endpoint: { file: 's.py', range, env: [{ name: 'OPENAI_BASE_URL', value: 'x', file: 'deploy/k8s.yaml', line: 4 }] } }),
      ],
    } as unknown as ScanReport;

    it('keeps a finding through its related lines, and a note on a folder that holds a given file', () => {
      assert.deepEqual(reportFor(report, ['y.py']).findings.map((f) => f.file), ['x.py']);
      assert.deepEqual(reportFor(report, ['z.py']).findings.map((f) => f.file), ['z.py']);
      assert.deepEqual(reportFor(report, ['y.py']).notes, []);
      assert.deepEqual(reportFor(report, ['locked/z.py']).notes.map((n) => n.file), ['locked']);
      assert.equal(reportFor(report, ['y.py', 'x.py']).filesScanned, 2);
      assert.deepEqual(reportFor(report, ['y.py']).scope, { paths: ['y.py'], workspaceFilesScanned: 3 });
    });

    it('keeps a finding at a setting for the code that reads it, and a code finding for the config file its value came from', () => {
      assert.deepEqual(reportFor(report, ['r.py']).findings.map((f) => f.file), ['.env']);
      assert.deepEqual(reportFor(report, ['deploy']).findings.map((f) => f.file), ['s.py']);
      assert.deepEqual(reportFor(report, ['q.py']).findings, []);
    });

    it('matches folders by whole path segments, and takes . as every path that stays in the working directory', () => {
      assert.equal(reportFor(report, ['loc']).filesScanned, 0);
      assert.deepEqual(reportFor(report, ['loc']).notes, []);
      assert.deepEqual(reportFor(report, ['locked']).notes.map((n) => n.file), ['locked']);
      assert.equal(reportFor(report, ['.']).findings.length, report.findings.length);
      assert.deepEqual(reportFor({ ...report, findings: [finding('../up.py')] } as unknown as ScanReport, ['.']).findings, []);
    });
  });

  describe('--quiet', () => {
    const files = { '.llm-compliance.yaml': EU_POLICY, '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n', 'a.py': READS_ENV, 'b.py': UNKNOWN_HOST, 'c.py': BEDROCK_EU };

    it('text: only the failing findings and their count; nothing when the run passes', async () => {
      const dir = tempWorkspace(files);
      const loud = await runMain(['scan', '.'], dir);
      assert.match(loud.stdout, /LLMC003/);
      const r = await runMain(['scan', '.', '--quiet', '--verbose', '--show-waived'], dir);
      assert.equal(r.code, 1);
      assert.equal(r.stdout.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l)).length, 1, r.stdout);
      assert.match(r.stdout, /^\.env\n {2}1:17 +error +LLMC002 /);
      assert.ok(!/LLMC003|b\.py|endpoint|scanned|policy/.test(r.stdout), r.stdout);
      assert.equal(r.stdout.trimEnd().split('\n').at(-1), '✖ 1 error, 0 warnings in 1 file');
      const passing = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'b.py': UNKNOWN_HOST, 'c.py': BEDROCK_EU });
      const quiet = await runMain(['scan', '.', '-q'], passing);
      assert.deepEqual([quiet.code, quiet.stdout, quiet.stderr], [0, '', '']);
    });

    it('JSON and SARIF: findings that fail, the endpoint inventory and notes complete, the same exit code', async () => {
      const dir = tempWorkspace(files);
      const full = json(await runMain(['scan', '.', '--format', 'json'], dir));
      const r = await runMain(['scan', '.', '--format', 'json', '-q'], dir);
      assert.equal(r.code, 1);
      const quiet = json(r);
      assert.deepEqual(quiet.endpoints, full.endpoints);
      assert.deepEqual(placesOf(quiet), ['.env:1 LLMC002']);
      assert.equal(quiet.summary.findings, 1);
      const sarif = JSON.parse((await runMain(['scan', '.', '--format', 'sarif', '--quiet'], dir)).stdout) as { runs: { results: { ruleId: string }[] }[] };
      const validate = sarifValidator();
      assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
      assert.deepEqual(sarif.runs[0]!.results.map((x) => x.ruleId), ['LLMC002']);
    });

    it('without a policy prints nothing on stdout and the no-policy hint on stderr', async () => {
      const r = await runMain(['scan', '.', '-q'], tempWorkspace({ 'a.py': UNKNOWN_HOST }));
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^llm-compliance: no policy file: 1 endpoint found, none checked; run "llm-compliance init"/);
    });
  });

  describe('--max-warnings', () => {
    const files = { '.llm-compliance.yaml': EU_POLICY, 'b.py': UNKNOWN_HOST, 'c.py': BEDROCK_EU };

    it('fails with more than N unwaived warnings although failOn: error lets them pass', async () => {
      const dir = tempWorkspace(files);
      assert.equal((await runMain(['scan', '.'], dir)).code, 0);
      assert.equal((await runMain(['scan', '.', '--max-warnings', '1'], dir)).code, 0);
      const r = await runMain(['scan', '.', '--max-warnings', '0', '--format', 'json'], dir);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, 'llm-compliance: too many warnings: 1, more than --max-warnings 0\n');
      // --quiet then shows the warnings: they fail the run.
      const quiet = await runMain(['scan', '.', '--max-warnings=0', '-q'], dir);
      assert.equal(quiet.code, 1);
      assert.match(quiet.stdout, /warning +LLMC003/);
      assert.equal((await runMain(['scan', '.', '--max-warnings=-1'], dir)).code, 0);
    });

    it('does not count waived warnings, and refuses a value that is no count', async () => {
      const dir = tempWorkspace({ ...files, 'b.py': UNKNOWN_HOST.replace('/v1")', '/v1")  # llm-compliance-ignore LLMC003 -- internal test host') });
      assert.equal((await runMain(['scan', '.', '--max-warnings', '0'], dir)).code, 0);
      for (const value of ['x', '1.5', '-2', '']) {
        const r = await runMain(['scan', '.', `--max-warnings=${value}`], dir);
        assert.equal(r.code, 2, value);
        assert.match(r.stderr, /^llm-compliance: --max-warnings must be a whole number of warnings \(0 or more\)/);
      }
    });
  });

  describe('- with --stdin-filename', () => {
    it('judges stdin as the named file, in place of its disk content, with the workspace as context', async () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n', 'app/a.py': BEDROCK_EU, 'b.py': UNKNOWN_HOST });
      const onDisk = await runMain(['scan', '--workspace', '.', 'app/a.py', '--format', 'json'], dir);
      assert.equal(onDisk.code, 0);
      const r = await runMain(['scan', '-', '--stdin-filename', 'app/a.py', '--format', 'json'], dir, READS_ENV);
      assert.equal(r.code, 1, r.stderr);
      const out = json(r);
      // The buffer reads OPENAI_BASE_URL, which .env sets: the finding at the setting judges it (b.py's unresolved endpoint stays in every subset).
      assert.deepEqual(placesOf(out), ['.env:1 LLMC002', 'b.py:2 LLMC003']);
      assert.deepEqual(out.endpoints.map((e) => `${e.file}:${e.line}`), ['app/a.py:3']);
    });

    it('judges a file not yet on disk, and reports nothing for a path the workspace ignores', async () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, '.gitignore': 'build/\n' });
      const fresh = json(await runMain(['scan', '-', '--stdin-filename', 'new/x.py', '--format', 'json'], dir, 'import openai\nc = openai.OpenAI()\n'));
      assert.deepEqual(placesOf(fresh), ['new/x.py:2 LLMC002']);
      const ignored = await runMain(['scan', '-', '--stdin-filename', 'build/x.py', '--format', 'json'], dir, 'import openai\nc = openai.OpenAI()\n');
      assert.equal(ignored.code, 0);
      assert.deepEqual([json(ignored).endpoints, json(ignored).findings], [[], []]);
    });

    it('treats size, binary content and encoding as it does a file on disk', async () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': `${EU_POLICY}maxFileSizeKb: 1\n` });
      const big = json(await runMain(['scan', '-', '--stdin-filename', 'big.py', '--format', 'json'], dir, `import openai\n${'# padding\n'.repeat(200)}`));
      assert.deepEqual(big.notes.map((n) => `${n.file} ${n.kind}`), ['big.py skipped-too-large']);
      const nul = json(await runMain(['scan', '-', '--stdin-filename', 'nul.py', '--format', 'json'], dir, Buffer.from('import openai\u0000\nc = openai.OpenAI()\n')));
      assert.ok(nul.findings.some((f) => f.ruleId === 'LLMC008' && f.file === 'nul.py'), JSON.stringify(nul.findings));
      const latin1 = json(await runMain(['scan', '-', '--stdin-filename', 'l.py', '--format', 'json'], dir, Buffer.from([...Buffer.from('import openai\n# caf'), 0xe9, ...Buffer.from('\nc = openai.OpenAI()\n')])));
      assert.deepEqual(latin1.notes.map((n) => `${n.file} ${n.kind}`), ['l.py invalid-encoding']);
      assert.ok(latin1.findings.some((f) => f.ruleId === 'LLMC002'), 'still scanned');
    });

    it('exits 2 when - and --stdin-filename do not go together', async () => {
      const dir = tempWorkspace({ 'a.py': BEDROCK_EU });
      const cases: [string[], string][] = [
        [['scan', '-'], 'scan - reads a file from stdin and needs --stdin-filename PATH, the file it is judged as'],
        [['scan', 'a.py', '--stdin-filename', 'a.py'], '--stdin-filename names the file read from stdin: give - as the path (scan - --stdin-filename PATH)'],
        [['scan', '-', 'a.py', '--stdin-filename', 'a.py'], 'scan - reads one file from stdin: give no other paths'],
        [['scan', '-', '--stdin-filename', '../a.py'], '../a.py is outside the workspace .: only files inside it can be judged with its context'],
        [['scan', '-', '--stdin-filename', '.'], '--stdin-filename . is a folder: name the file the content on stdin is judged as'],
      ];
      for (const [args, reason] of cases) {
        const r = await runMain(args, dir, '');
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stderr.split('\n')[0], `llm-compliance: ${reason}`);
      }
    });
  });

  describe('colour', () => {
    const base: ColorContext = { flag: undefined, env: {}, isTTY: true, toStdout: true, colorDepth: (env) => (env.TERM === 'xterm-256color' ? 8 : env.TERM === 'xterm' ? 4 : 1) };
    const cases: [string, Partial<ColorContext>, boolean][] = [
      ['a colour terminal', { env: { TERM: 'xterm-256color' } }, true],
      ['a terminal of 2 colours (no TERM)', { env: {} }, false],
      ['piped', { isTTY: false, env: { TERM: 'xterm' } }, false],
      ['NO_COLOR on a terminal', { env: { TERM: 'xterm', NO_COLOR: '1' } }, false],
      ['NO_COLOR empty still counts (Node checks that it is set)', { env: { TERM: 'xterm', NO_COLOR: '' } }, false],
      ['NODE_DISABLE_COLORS', { env: { TERM: 'xterm', NODE_DISABLE_COLORS: '1' } }, false],
      ['TERM=dumb', { env: { TERM: 'dumb' } }, false],
      ['FORCE_COLOR=1 piped', { isTTY: false, env: { FORCE_COLOR: '1' } }, true],
      ['FORCE_COLOR empty', { isTTY: false, env: { FORCE_COLOR: '' } }, true],
      ['FORCE_COLOR=true', { isTTY: false, env: { FORCE_COLOR: 'true' } }, true],
      ['FORCE_COLOR=3', { isTTY: false, env: { FORCE_COLOR: '3' } }, true],
      ['FORCE_COLOR wins over NO_COLOR', { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, true],
      ['FORCE_COLOR wins over TERM=dumb', { env: { FORCE_COLOR: '2', TERM: 'dumb' } }, true],
      ['FORCE_COLOR=0 on a colour terminal', { env: { FORCE_COLOR: '0', TERM: 'xterm-256color' } }, false],
      ['FORCE_COLOR=false', { env: { FORCE_COLOR: 'false', TERM: 'xterm' } }, false],
      ['FORCE_COLOR=yes (not a value Node knows: off)', { env: { FORCE_COLOR: 'yes', TERM: 'xterm' } }, false],
      ['FORCE_COLOR does not colour a file (--output)', { isTTY: false, toStdout: false, env: { FORCE_COLOR: '1' } }, false],
      ['--color piped', { flag: 'always', isTTY: false }, true],
      ['--color with NO_COLOR and to a file', { flag: 'always', isTTY: false, toStdout: false, env: { NO_COLOR: '1' } }, true],
      ['--no-color with FORCE_COLOR', { flag: 'never', env: { FORCE_COLOR: '1', TERM: 'xterm' } }, false],
    ];
    for (const [name, given, expected] of cases) {
      it(`${name}: ${expected ? 'colours' : 'no colours'}`, () => assert.equal(useColor({ ...base, ...given }), expected));
    }

    it('the later of --color and --no-color wins, and nothing after --', () => {
      assert.equal(colorFlag(['scan', '--color', '--no-color']), 'never');
      assert.equal(colorFlag(['scan', '--no-color', '.', '--color']), 'always');
      assert.equal(colorFlag(['scan', '.']), undefined);
      assert.equal(colorFlag(['scan', '--', '--color']), undefined);
    });

    it('agrees with Node\'s own getColorDepth on the environments it reads (when no FORCE_COLOR or NO_COLOR is set)', () => {
      const depth = (env: Record<string, string | undefined>): number => WriteStream.prototype.getColorDepth.call(undefined, env);
      for (const env of [{ TERM: 'xterm' }, { TERM: 'xterm-256color' }, { TERM: 'dumb' }, {}, { COLORTERM: 'truecolor' }]) {
        assert.equal(useColor({ ...base, env, colorDepth: depth }), depth(env) > 2, JSON.stringify(env));
      }
    });
  });

  it('--help names the options, and they belong to scan', async () => {
    const help = await runMain(['--help'], process.cwd());
    for (const option of ['--workspace DIR', '--stdin-filename PATH', '-q, --quiet', '--max-warnings N', '--color, --no-color', 'scan - --stdin-filename PATH']) assert.ok(help.stdout.includes(option), option);
    const r = await runMain(['init', '--quiet'], process.cwd());
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'llm-compliance: --quiet belongs to the scan command, not init');
  });

  describe('the built CLI as a child process', () => {
    const run = (args: string[], cwd: string, env: Record<string, string>, input?: string) => spawnSync(process.execPath, [CLI, ...args], {
      cwd, encoding: 'utf8', input,
      // Only what the test sets: nothing from the runner's terminal.
      env: { PATH: process.env.PATH ?? '', ...env },
    });

    it('reads stdin as the named file', () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'a.py': BEDROCK_EU });
      const r = run(['scan', '-', '--stdin-filename', 'a.py', '--format', 'json'], dir, {}, 'import openai\nc = openai.OpenAI()\n');
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(placesOf(JSON.parse(r.stdout) as JsonOut), ['a.py:2 LLMC002']);
      const clean = run(['scan', '-', '--stdin-filename', 'a.py'], dir, {}, BEDROCK_EU);
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    });

    it('reads stdin as the named file when worker threads analyse the rest of a large workspace', () => {
      const many = Object.fromEntries(Array.from({ length: 420 }, (_, i) => [`pkg/m${i}.py`, `x = ${i}\n`]));
      const dir = tempWorkspace({ ...many, '.llm-compliance.yaml': EU_POLICY, 'a.py': BEDROCK_EU });
      // The workers read files from disk: the buffer must be analysed in its place, not a.py's disk content.
      const r = run(['scan', '-', '--stdin-filename', 'a.py', '--format', 'json'], dir, { LLMC_THREADS: '2' }, 'import openai\nc = openai.OpenAI()\n');
      assert.equal(r.status, 1, r.stderr);
      assert.deepEqual(placesOf(JSON.parse(r.stdout) as JsonOut), ['a.py:2 LLMC002']);
    });

    it('colours piped text only when FORCE_COLOR or --color asks, and --no-color wins', () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': EU_POLICY, 'b.py': UNKNOWN_HOST });
      const coloured = (env: Record<string, string>, ...flags: string[]): boolean => {
        const r = run(['scan', '.', ...flags], dir, env);
        assert.equal(r.status, 0, r.stderr);
        return r.stdout.includes('\u001b[');
      };
      assert.equal(coloured({}), false);
      assert.equal(coloured({ FORCE_COLOR: '1' }), true);
      assert.equal(coloured({ FORCE_COLOR: '1', NO_COLOR: '1' }), true);
      assert.equal(coloured({ FORCE_COLOR: '0' }, '--color'), true);
      assert.equal(coloured({ FORCE_COLOR: '1' }, '--no-color'), false);
      assert.equal(coloured({ FORCE_COLOR: '0' }), false);
      assert.equal(coloured({ NO_COLOR: '1' }, '--color'), true);
      const json = run(['scan', '.', '--format', 'json', '--color'], dir, { FORCE_COLOR: '1' });
      assert.ok(!json.stdout.includes('\u001b['), 'never in JSON');
    });
  });
});
