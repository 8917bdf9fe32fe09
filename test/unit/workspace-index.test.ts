// The editor's incremental index must give the CLI's answers, before and after edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { folderPolicy } from '../support/workspace-scan';
import { walk } from '../../src/cli/walk';
import { Engine } from '../../src/core/engine';
import type { Finding } from '../../src/core/model';
import { parsePolicy } from '../../src/core/policy/policy';
import { WorkspaceIndex, type WorkspaceResults } from '../../src/core/workspace';

const TODAY = '2026-11-27';
const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['examples', ...['envs', 'gateway', 'iac', 'quiet', 'routing', 'waivers'].map((w) => `test/fixtures/workspaces/${w}`)];
const engine = new Engine();

// The CLI lists related locations in report order (file, line), the editor as the engine gives them: compare them as sets.
const findingKey = (f: Finding) => `${f.file} ${f.range.start}-${f.range.end} ${f.ruleId} ${f.severity}${f.suppression ? ' waived' : ''}: ${f.message} ${JSON.stringify((f.related ?? []).map((r) => JSON.stringify(r)).sort())}`;
const summary = (r: Pick<WorkspaceResults, 'endpoints' | 'findings'>) => ({
  endpoints: r.endpoints.map((e) => `${e.file} ${e.range.start}-${e.range.end} ${e.provider} ${e.host} ${e.region} ${e.euResident} ${e.baaAvailable} ${e.via} ${JSON.stringify(e.env ?? [])}`).sort(),
  findings: r.findings.map(findingKey).sort(),
});

function indexOf(folder: string): { index: WorkspaceIndex; files: string[] } {
  const abs = path.join(ROOT, folder);
  const policy = folderPolicy(abs);
  const index = new WorkspaceIndex(engine, policy, { today: () => TODAY });
  const files = [...walk(abs, policy.ignore.length ? { base: abs, patterns: policy.ignore } : undefined, [])].map((f) => path.relative(abs, f).split(path.sep).join('/'));
  for (const file of files) index.set(file, fs.readFileSync(path.join(abs, file)));
  return { index, files };
}

describe('workspace index', () => {
  for (const folder of FOLDERS) {
    it(`gives the CLI's endpoints and findings for ${folder}`, async () => {
      const abs = path.join(ROOT, folder);
      const cli = await scan(['.'], { cwd: abs, today: TODAY });
      const { index } = indexOf(folder);
      assert.deepEqual(summary(index.results()), summary(cli));
    });
  }

  it('after an .env edit, gives what a fresh index gives, re-analysing only the readers', () => {
    const { index } = indexOf('examples');
    const before = summary(index.results());
    const env = fs.readFileSync(path.join(ROOT, 'examples/.env'), 'utf8');
    const edited = env.replace('ANTHROPIC_BASE_URL=https://api.anthropic.com', 'ANTHROPIC_BASE_URL=https://litellm.northwind.internal');
    assert.notEqual(edited, env);
    index.set('.env', edited);
    const touched = [...index.settle()];
    const after = summary(index.results());
    assert.notDeepEqual(after, before);
    const fresh = indexOf('examples').index;
    fresh.set('.env', edited);
    assert.deepEqual(after, summary(fresh.results()));
    assert.ok(touched.length > 0 && touched.length < 4, `re-analysed: ${touched.join(', ')}`);
  });

  it('re-analyses when a variable read only once another is set changes (GOOGLE_CLOUD_LOCATION after GOOGLE_GENAI_USE_VERTEXAI)', () => {
    const policy = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\n');
    const code = 'from google import genai\n\nclient = genai.Client()\n';
    const ci = (location: string) => `jobs:\n  eval:\n    env:\n      GOOGLE_CLOUD_LOCATION: ${location}\n      GOOGLE_GENAI_USE_VERTEXAI: "true"\n`;
    const index = new WorkspaceIndex(engine, policy, { today: () => TODAY });
    index.set('eval.py', code);
    index.set('ci.yml', ci('europe-west4'));
    // One finding per problem: a failing value is reported at its setting, with the reading code as related information.
    const onCode = () => index.results().findings.filter((f) => f.file === 'eval.py' || f.related?.some((r) => r.file === 'eval.py')).map((f) => f.ruleId);
    assert.deepEqual(onCode(), []);
    index.set('ci.yml', ci('us-central1'));
    const fresh = new WorkspaceIndex(engine, policy, { today: () => TODAY });
    fresh.set('ci.yml', ci('us-central1'));
    fresh.set('eval.py', code);
    assert.deepEqual(summary(index.results()), summary(fresh.results()));
    assert.deepEqual(onCode(), ['LLMC002']);
  });

  it('gives the same answer whatever order files arrive in, and after random edits and deletes', () => {
    const { index, files } = indexOf('test/fixtures/workspaces/envs');
    const abs = path.join(ROOT, 'test/fixtures/workspaces/envs');
    const expected = summary(index.results());
    // A fixed pseudo-random sequence: delete and re-add files in another order, with settles between.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const file = files[next() % files.length]!;
      index.delete(file);
      if (next() % 2) index.results();
      index.set(file, fs.readFileSync(path.join(abs, file)));
      if (next() % 3 === 0) index.results();
    }
    assert.deepEqual(summary(index.results()), expected);
  });

  it('forgets a deleted file and its env values', () => {
    const { index } = indexOf('test/fixtures/workspaces/envs');
    const before = summary(index.results());
    const file = index.files().find((f) => f.endsWith('.env') || f.includes('.env.'));
    assert.ok(file);
    assert.ok(index.delete(file));
    const after = summary(index.results());
    assert.notDeepEqual(after, before);
    assert.ok(after.endpoints.every((e) => !e.startsWith(`${file} `)));
  });
});
