// Every host finds a folder's policy the same way: the nearest at or above the folder, up to
// the repository root. A service opened on its own in the editor, or in an LSP editor, is
// judged by the repository's policy, as the CLI judges it in CI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nearestPolicy, parsePolicy } from '../../src/core';
import { IndexWorker } from '../../src/extension/index-client';
import { nodeIndexWorker } from '../../src/extension/node-host';
import { ROOT, runCli } from '../support/cli';

const REPO = path.join(ROOT, 'test/fixtures/parent-policy');
const SERVICE = path.join(REPO, 'service');

/** A file tree as a lookup: folders are paths with `/`, entries the names present in each. */
function lookup(tree: Record<string, string[]>) {
  return {
    parent: (dir: string) => (dir === '' ? undefined : dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : ''),
    has: (dir: string, name: string) => (tree[dir] ?? []).includes(name),
  };
}

describe('policy discovery', () => {
  it('takes the nearest policy at or above the folder, and never looks past the repository root', async () => {
    assert.deepEqual(await nearestPolicy('repo/svc', lookup({ 'repo/svc': ['app.py'], repo: ['.git', '.llm-compliance.yaml'] })), { folder: 'repo', name: '.llm-compliance.yaml' });
    assert.deepEqual(await nearestPolicy('repo/svc', lookup({ 'repo/svc': ['.llm-compliance.json'], repo: ['.git', '.llm-compliance.yaml'] })), { folder: 'repo/svc', name: '.llm-compliance.json' });
    assert.equal(await nearestPolicy('repo/svc', lookup({ repo: ['.git'], '': ['.llm-compliance.yaml'] })), undefined, 'a policy above the repository is not this repository\'s');
    assert.deepEqual(await nearestPolicy('a/b', lookup({ '': ['.llm-compliance.yml'] })), { folder: '', name: '.llm-compliance.yml' });
  });

  it('the editor\'s index worker, given the policy above the folder, gives the CLI\'s findings for the folder', async () => {
    const cli = JSON.parse(runCli(['scan', '.', '--format', 'json'], SERVICE).stdout) as { findings: { file: string; ruleId: string; line: number; suppressed?: unknown }[]; summary: { policy: string } };
    assert.equal(cli.summary.policy, '../.llm-compliance.yaml');
    const worker = new IndexWorker(nodeIndexWorker(path.join(ROOT, 'dist/index-worker.js')), (err) => assert.fail(err));
    try {
      const policy = parsePolicy('.llm-compliance.yaml', fs.readFileSync(path.join(REPO, '.llm-compliance.yaml'), 'utf8'));
      const index = worker.folder('service', policy, [], { policyBase: 'service/' });
      const files = ['app.py', 'waived.py', 'legacy/old.py'];
      const scanned = await index.scanned(files);
      assert.deepEqual([...scanned].sort(), ['app.py', 'waived.py'], 'the policy\'s ignore: is relative to its own folder');
      for (const file of scanned) index.set(file, new Uint8Array(fs.readFileSync(path.join(SERVICE, file))));
      const { findings, texts } = await index.results();
      const line = (file: string, offset: number) => texts.get(file)!.slice(0, offset).split('\n').length;
      const shown = (list: { file: string; ruleId: string; line: number; suppressed: boolean }[]) => list.map((f) => `${f.file}:${f.line} ${f.ruleId}${f.suppressed ? ' waived' : ''}`).sort();
      assert.deepEqual(
        shown(findings.map((f) => ({ file: f.file, ruleId: f.ruleId, line: line(f.file, f.range.start), suppressed: f.suppression !== undefined }))),
        shown(cli.findings.map((f) => ({ ...f, suppressed: f.suppressed !== undefined }))),
      );
      assert.ok(cli.findings.some((f) => f.file === 'waived.py' && f.suppressed), 'the waiver path is relative to the policy\'s folder');
    } finally {
      worker.dispose();
    }
  });
});
