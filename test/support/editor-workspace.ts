// A workspace folder handed to an extension's index worker as the editor hands it: the
// policy parsed by the worker, the files the editor lists (dependency folders skipped), the
// .gitignore files, and every scanned file's bytes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_SKIPPED_FOLDERS, emptyPolicy, formatOf, type Policy, type WorkspaceResults } from '../../src/core';
import type { IndexWorker } from '../../src/extension/index-client';
import { ROOT } from './cli';

/** examples/ and every fixture workspace: each has its policy at its root. */
export const WORKSPACES = ['examples', ...fs.readdirSync(path.join(ROOT, 'test/fixtures/workspaces'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `test/fixtures/workspaces/${d.name}`)];

/** The files of a workspace the engine reads, as the editor lists them, and its .gitignore files. */
function filesOf(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = `${prefix}${d.name}`;
    if (d.isDirectory()) return ALWAYS_SKIPPED_FOLDERS.has(d.name) ? [] : filesOf(path.join(dir, d.name), `${rel}/`);
    return formatOf(rel) || d.name === '.gitignore' ? [rel] : [];
  });
}

/** What an index worker makes of a workspace (a path under the project root, or absolute): its policy, the files it scans, and the results. */
export async function analyseInWorker(worker: IndexWorker, workspace: string): Promise<{ policy: Policy; scanned: string[]; results: WorkspaceResults }> {
  const dir = path.resolve(ROOT, workspace);
  // A folder without a policy is analysed as the editor does: under the empty policy.
  const policyFile = path.join(dir, '.llm-compliance.yaml');
  const parsed = fs.existsSync(policyFile) ? await worker.parsePolicy('.llm-compliance.yaml', fs.readFileSync(policyFile, 'utf8')) : { policy: emptyPolicy() };
  assert.ok('policy' in parsed, JSON.stringify(parsed));
  const files = filesOf(dir);
  const gitignores = files.filter((f) => f === '.gitignore' || f.endsWith('/.gitignore')).map((f): [string, string] => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  const index = worker.folder(workspace, parsed.policy, gitignores);
  const scanned = [...await index.scanned(files.filter((f) => formatOf(f)))].sort();
  for (const file of scanned) index.set(file, new Uint8Array(fs.readFileSync(path.join(dir, file))));
  return { policy: parsed.policy, scanned, results: await index.results() };
}
