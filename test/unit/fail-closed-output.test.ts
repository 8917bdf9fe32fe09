// Issue 10, the output side: globs that cannot stall the walk (row 4), a walk that stays in
// the scanned folders (row 13), SARIF in time linear in the report (row 5), terminal-safe
// text (row 9), and output that does not depend on readdir order (row 12).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathMatcher } from '../../src/core/policy/policy';
import { jsonChunks } from '../../src/cli/format/json-stream';
import { toCycloneDx } from '../../src/cli/format/cyclonedx';
import { toCodeQuality } from '../../src/cli/format/gitlab';
import { githubAnnotations } from '../../src/cli/format/github';
import { toSarif } from '../../src/cli/format/sarif';
import { PACKAGE_INFO } from '../../src/cli/package-info';
import { toText } from '../../src/cli/format/text';
import { toJson, type ScanReport } from '../../src/cli/report';
import { scan } from '../../src/cli/scan';
import { walk, type WalkProblem } from '../../src/cli/walk';
import { ROOT, runCli, tempWorkspace } from '../support/cli';

const TODAY = '2026-11-27';
/** node:fs itself (an `import * as` binding is a read-only view), to patch readdirSync where the walk reads it. */
const realFs = createRequire(__filename)('node:fs') as typeof fs;
const OPENAI_CLIENT = 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.openai.com/v1")\n';

/** `a/**\/a/**\/.../b`: each `**` doubled the work of a regular-expression matcher on a path of a's. */
const nestedGlobstars = (n: number): string => Array.from({ length: n }, () => 'a').join('/**/') + '/b';

describe('fail closed: output', () => {
  describe('row 4: glob matching cannot backtrack', () => {
    it('walks a 40-deep tree under a .gitignore of nested ** quickly, and still applies it', function () {
      this.timeout(120_000);
      const dir = tempWorkspace({ '.gitignore': `${nestedGlobstars(10)}\n` });
      const deep = path.join(dir, ...Array.from({ length: 40 }, () => 'a'));
      fs.mkdirSync(path.join(deep, 'b'), { recursive: true });
      fs.writeFileSync(path.join(deep, 'kept.py'), OPENAI_CLIENT);
      fs.writeFileSync(path.join(deep, 'b', 'ignored.py'), OPENAI_CLIENT);
      const started = Date.now();
      const files = [...walk(dir, undefined, [])].map((f) => path.basename(f));
      const took = Date.now() - started;
      assert.deepEqual(files, ['kept.py']);
      assert.ok(took < 2000, `the walk took ${took} ms`);
    });

    it('matches waiver paths and gateway.allow (the policy matcher) against deep paths quickly', function () {
      this.timeout(120_000);
      const matches = pathMatcher([nestedGlobstars(10)]);
      const deep = Array.from({ length: 40 }, () => 'a').join('/');
      const started = Date.now();
      assert.equal(matches(`${deep}/x.py`), false);
      assert.equal(matches(`${deep}/b`), true);
      const took = Date.now() - started;
      assert.ok(took < 2000, `matching took ${took} ms`);
    });

    it('reports a refused .gitignore pattern as a note and then ignores nothing from that file', async () => {
      const dir = tempWorkspace({ '.gitignore': `skipped/\n${'x'.repeat(5000)}\n`, 'skipped/app.py': OPENAI_CLIENT });
      const report = await scan(['.'], { cwd: dir, today: TODAY });
      assert.deepEqual(report.endpoints.map((e) => e.file), ['skipped/app.py']);
      const note = report.notes.find((n) => n.file === '.gitignore');
      assert.equal(note?.kind, 'parse-error');
      assert.equal(note?.line, 2);
      assert.match(note?.message ?? '', /longer than 4096 characters/);
    });
  });

  describe('.gitignore files layer as git layers them', () => {
    // Over-ignoring is failing open: a file git tracks but the scan skips is never checked.
    const files = {
      '.gitignore': 'build/\n*.gen.py\n',
      'sub/.gitignore': '!keep.gen.py\n',
      'build/.gitignore': '!x.py\n',
      'sub/keep.gen.py': OPENAI_CLIENT,
      'sub/drop.gen.py': OPENAI_CLIENT,
      'build/x.py': OPENAI_CLIENT,
      'app.py': OPENAI_CLIENT,
    };
    it('a deeper .gitignore\'s ! re-includes a file a .gitignore above excluded; an excluded folder stays excluded', () => {
      const dir = tempWorkspace(files);
      const scanned = [...walk(dir, undefined, [])].map((f) => path.relative(dir, f)).sort();
      assert.deepEqual(scanned, ['app.py', 'sub/keep.gen.py']);
    });
    it('the policy\'s ignore: excludes whatever a .gitignore re-includes', () => {
      const dir = tempWorkspace(files);
      const scanned = [...walk(dir, { base: dir, patterns: ['sub/'] }, [])].map((f) => path.relative(dir, f)).sort();
      assert.deepEqual(scanned, ['app.py']);
    });
  });

  describe('row 13: symlinked files stay inside the scanned folders', () => {
    it('does not read a file symlink to outside the scanned tree, and says so', async () => {
      const outside = tempWorkspace({ 'secret.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n' });
      const dir = tempWorkspace({ 'app.py': 'x = 1\n' });
      fs.symlinkSync(path.join(outside, 'secret.env'), path.join(dir, 'x.env'));
      const report = await scan(['.'], { cwd: dir, today: TODAY });
      assert.deepEqual(report.endpoints, []);
      const note = report.notes.find((n) => n.file === 'x.env');
      assert.equal(note?.kind, 'unreadable');
      assert.match(note?.message ?? '', /outside the scanned folders: not read/);
    });

    it('reads a symlink to a file inside the tree; skips links to folders and dangling links quietly', async () => {
      const dir = tempWorkspace({ 'shared/llm.py': OPENAI_CLIENT });
      fs.mkdirSync(path.join(dir, 'app'));
      fs.symlinkSync(path.join(dir, 'shared', 'llm.py'), path.join(dir, 'app', 'llm.py'));
      fs.symlinkSync(path.join(dir, 'shared'), path.join(dir, 'app', 'shared.py'));
      fs.symlinkSync(path.join(dir, 'missing.py'), path.join(dir, 'app', 'gone.py'));
      const report = await scan(['.'], { cwd: dir, today: TODAY });
      assert.deepEqual(report.endpoints.map((e) => e.file), ['app/llm.py', 'shared/llm.py']);
      assert.deepEqual(report.notes, []);
    });

    it('never opens a FIFO, linked or not, and says it was not read', function () {
      if (process.platform === 'win32') this.skip();
      const dir = tempWorkspace({ 'app.py': 'x = 1\n' });
      execFileSync('mkfifo', [path.join(dir, 'pipe.env')]);
      fs.symlinkSync(path.join(dir, 'pipe.env'), path.join(dir, 'linked.env'));
      const problems: WalkProblem[] = [];
      const files = [...walk(dir, undefined, problems)].map((f) => path.basename(f));
      assert.deepEqual(files, ['app.py']);
      assert.deepEqual(problems.map((p) => path.basename(p.file)).sort(), ['linked.env', 'pipe.env']);
      assert.ok(problems.every((p) => /not a regular file/.test(p.message)));
    });
  });

  describe('row 5: SARIF in time linear in the report', () => {
    let report: ScanReport;
    before(async function () {
      this.timeout(60_000);
      const call = (i: number): string => `const c${i}=new OpenAI({baseURL:"https://api.openai.com/v1"});`;
      const line = Array.from({ length: 8000 }, (_, i) => call(i)).join('');
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\nmaxFileSizeKb: 4096\n', 'min.js': `import OpenAI from "openai";\n${line}\n` });
      report = await scan(['.'], { cwd: dir, today: TODAY });
    });

    it('writes 8,000 findings on one minified line as SARIF in well under the time it took (54 s)', function () {
      this.timeout(120_000);
      assert.ok(report.findings.length >= 8000, `${report.findings.length} findings`);
      const started = Date.now();
      const sarif = JSON.stringify(toSarif(report, '0.0.0', 'file:///w/'), null, 2);
      const took = Date.now() - started;
      assert.ok(sarif.length > 1_000_000);
      assert.ok(took < 5000, `SARIF took ${took} ms`);
    });

    it('writes them as a CycloneDX BOM and as annotations in time linear in the report too', function () {
      this.timeout(120_000);
      let started = Date.now();
      const bom = JSON.stringify(toCycloneDx(report, { info: PACKAGE_INFO, projectName: 'p' }));
      assert.ok(Date.now() - started < 5000, `CycloneDX took ${Date.now() - started} ms`);
      assert.ok(bom.length > 100_000);
      started = Date.now();
      const annotations = [...githubAnnotations(report)];
      assert.ok(Date.now() - started < 5000, `annotations took ${Date.now() - started} ms`);
      assert.equal(annotations.length, report.findings.length + 1);
    });

    it('streams JSON in bounded chunks that add up to JSON.stringify', async () => {
      const value = toJson(report);
      const chunks = [...jsonChunks(value)];
      assert.ok(chunks.length > 10);
      assert.ok(chunks.every((c) => c.length < 1 << 20), 'no chunk over 1 MB');
      assert.equal(chunks.join(''), JSON.stringify(value, null, 2));
      const examples = await scan(['examples'], { cwd: ROOT, today: TODAY });
      const sarif = toSarif(examples, '0.0.0', 'file:///w/');
      assert.equal([...jsonChunks(sarif)].join(''), JSON.stringify(sarif, null, 2));
      // Values serialised whole at every depth, those JSON.stringify writes as null or leaves out included.
      const deep = { a: [{ b: [[], {}, [1, [2, { c: 'x\ny', d: [null, () => 1, undefined, Symbol('s')] }]]] }, 'z'], e: { f: { g: [new Date(0), { toJSON: () => 'j' }] } }, h: () => 1, i: undefined };
      assert.equal([...jsonChunks(deep)].join(''), JSON.stringify(deep, null, 2));
      // Every depth up to 12 (SARIF stops near 5), walked through objects and one-element arrays alike.
      const leaves = [-0, 'a\u2028b', [], {}, [1, [2]], { k: [null, { m: 'n' }] }, undefined, () => 1, new Date(0), 'x'.repeat(300)];
      let nested: unknown = leaves;
      for (let depth = 0; depth <= 12; depth++) {
        assert.equal([...jsonChunks(nested)].join(''), JSON.stringify(nested, null, 2), `depth ${depth}`);
        nested = depth % 2 ? [nested] : { [`k${depth}`]: nested, z: 1 };
      }
    });
  });

  describe('row 9: workspace text never reaches the terminal raw', () => {
    const ESC = '\u001b';
    const RLO = '\u202e';

    it('escapes control and bidi characters from file names, .env values and waiver reasons in text output', async () => {
      const dir = tempWorkspace({
        // YAML's own escapes (\e, \u202e) put the raw characters into the reason.
        '.llm-compliance.yaml': 'require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    paths: ["waived/**"]\n    reason: "ok \\e]0;pwned\\e\\\\ \\u202efdp.exe"\n',
        [`evil${ESC}[2J.env`]: `OPENAI_BASE_URL=https://api.openai.com/v1${ESC}[8m\n`,
        'app.py': 'from openai import OpenAI\nimport os\nclient = OpenAI(base_url=os.environ["OPENAI_BASE_URL"])\n',
        'waived/app.py': OPENAI_CLIENT,
        [`bad${RLO}.yaml`]: 'base_url: https://api.openai.com/v1\nkey: [unclosed\n',
      });
      const report = await scan(['.'], { cwd: dir, today: TODAY });
      for (const color of [false, true]) {
        const text = toText(report, { color, verbose: true, showWaived: true });
        // Our own colours are the only escape sequences; no other control or bidi character is left.
        const raw = color ? text.replace(new RegExp(`${ESC}\\[(?:2|4|22|24|3[1-69])m`, 'g'), '') : text;
        assert.ok(![...raw].some((ch) => /[\p{Cc}\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u.test(ch) && ch !== '\n'), 'no raw control or bidi character');
        assert.match(text, /evil\\x1b\[2J\.env/);
        assert.match(text, /\\x1b\]0;pwned/);
        assert.match(text, /bad\\u202e\.yaml/);
      }
    });

    it('escapes them in messages on stderr (a policy error quotes the policy)', () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n"bogus\\e[2J": 1\n', 'app.py': OPENAI_CLIENT });
      const r = runCli(['scan', '.'], dir);
      assert.equal(r.status, 2);
      assert.ok(!r.stderr.includes(ESC), r.stderr);
      assert.match(r.stderr, /bogus\\x1b\[2J/);
    });

    it('writes bidi controls in JSON, SARIF and CycloneDX as \\u escapes: the text is safe to print, the values are unchanged', () => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': 'require: [eu-residency]\n',
        'app.py': `from openai import OpenAI\nclient = OpenAI()  # llm-compliance-ignore LLMC002 -- public ${RLO}atad only\n`,
      });
      for (const format of ['json', 'sarif', 'cyclonedx']) {
        const r = runCli(['scan', '.', '--format', format], dir);
        assert.equal(r.status, 0, r.stderr);
        assert.ok(!r.stdout.includes(RLO), `${format}: no raw U+202E`);
        assert.ok(r.stdout.includes('public \\u202eatad only'), format);
        assert.ok(JSON.stringify(JSON.parse(r.stdout)).includes(`public ${RLO}atad only`), format);
      }
    });
  });

  describe('row 12: output does not depend on readdir order', () => {
    const WORKSPACES = ['examples', 'test/fixtures/workspaces/envs', 'test/fixtures/workspaces/routing', 'test/fixtures/workspaces/waivers'];

    let shuffled = 0;
    /** Every format's bytes for a scan made while readdirSync lists each folder in a shuffled order. */
    async function outputs(folder: string, seed: number | undefined): Promise<string[]> {
      const original = realFs.readdirSync;
      let s = seed ?? 0;
      const next = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 2 ** 32);
      if (seed !== undefined) {
        (realFs as { readdirSync: unknown }).readdirSync = (...args: Parameters<typeof fs.readdirSync>) => {
          const list = [...(original(...args) as unknown[])];
          shuffled++;
          for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(next() * (i + 1));
            [list[i], list[j]] = [list[j], list[i]];
          }
          return list;
        };
      }
      try {
        const report = await scan(['.'], { cwd: path.join(ROOT, folder), today: TODAY });
        return [
          JSON.stringify(toJson(report), null, 2),
          JSON.stringify(toSarif(report, '0.0.0', 'file:///w/'), null, 2),
          toText(report, { color: false, verbose: true, showWaived: true }),
          JSON.stringify(toCycloneDx(report, { info: PACKAGE_INFO, projectName: 'p' }), null, 2),
          [...githubAnnotations(report)].join('\n'),
          JSON.stringify(toCodeQuality(report), null, 2),
        ];
      } finally {
        (realFs as { readdirSync: unknown }).readdirSync = original;
      }
    }

    for (const folder of WORKSPACES) {
      it(`gives the same JSON, SARIF, text, CycloneDX, annotation and Code Quality bytes for ${folder} under shuffled readdir`, async function () {
        this.timeout(60_000);
        const expected = await outputs(folder, undefined);
        shuffled = 0;
        for (const seed of [1, 2, 3]) {
          const got = await outputs(folder, seed);
          for (const [i, format] of ['json', 'sarif', 'text', 'cyclonedx', 'github', 'gitlab'].entries()) assert.equal(got[i], expected[i], `${format}, seed ${seed}`);
        }
        assert.ok(shuffled >= 3, 'the walk lists folders with the shuffled readdirSync');
      });
    }

    it('sorts arrays by the documented keys: findings by file, line and rule; related by file and line', async () => {
      const report = await scan(['.'], { cwd: path.join(ROOT, 'examples'), today: TODAY });
      const json = toJson(report) as { findings: { file: string; line: number; column: number; ruleId: string; related?: { file: string; line: number }[] }[]; endpoints: { file: string; line: number }[] };
      const sorted = <T>(list: T[], key: (x: T) => (string | number)[]): boolean =>
        list.every((x, i) => i === 0 || compareKeys(key(list[i - 1]!), key(x)) <= 0);
      assert.ok(sorted(json.endpoints, (e) => [e.file, e.line]));
      assert.ok(sorted(json.findings, (f) => [f.file, f.line, f.column, f.ruleId]));
      for (const f of json.findings) assert.ok(sorted(f.related ?? [], (r) => [r.file, r.line]));
    });
  });
});

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}
