// Scanning a throwaway workspace in process, as the CLI does, and placing what it finds on
// the lines of the files written for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { emptyPolicy, parsePolicy, type Policy } from '../../src/core';
import { walk } from '../../src/cli/walk';
import type { Engine } from '../../src/core/engine';
import type { Endpoint, Finding } from '../../src/core/model';
import { WorkspaceIndex } from '../../src/core/workspace';
import { tempWorkspace } from './cli';

export type Files = Record<string, string>;

/** Scans these files under this policy (`.llm-compliance.yaml`), then removes them. */
export async function scanFiles(files: Files, policy: string): Promise<{ endpoints: Endpoint[]; findings: Finding[] }> {
  const dir = tempWorkspace({ '.llm-compliance.yaml': policy, ...files });
  try {
    return await scan(['.'], { cwd: dir, today: '2026-12-03' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The 1-based line of the first occurrence of `needle`, which must be there. */
export const lineWith = (text: string, needle: string): number => {
  assert.ok(text.includes(needle), needle);
  return lineOf(text, text.indexOf(needle));
};

/** Each endpoint as [file, line, region, euResident]. */
export const placed = (r: { endpoints: Endpoint[] }, files: Files): [string, number, string | null, boolean | null][] =>
  r.endpoints.map((e): [string, number, string | null, boolean | null] => [e.file, lineOf(files[e.file]!, e.range.start), e.region, e.euResident]);

/** A folder's files in a WorkspaceIndex, as the editor indexes them, under the policy the CLI would find there. */
export function indexFolder(dir: string, engine: Engine, today: string): WorkspaceIndex {
  const policy = folderPolicy(dir);
  const index = new WorkspaceIndex(engine, policy, { today: () => today });
  for (const f of walk(dir, undefined, [])) index.set(path.relative(dir, f).split(path.sep).join('/'), fs.readFileSync(f));
  return index;
}

/** The policy at a test folder's root (test folders have no policy above them), or none. */
export function folderPolicy(dir: string): Policy {
  const file = path.join(dir, '.llm-compliance.yaml');
  return fs.existsSync(file) ? parsePolicy('.llm-compliance.yaml', fs.readFileSync(file, 'utf8')) : emptyPolicy();
}
