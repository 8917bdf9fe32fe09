// Finds the files to scan under the given paths: respects .gitignore files (nested too),
// the policy's `ignore:` patterns and the usual dependency folders, never follows
// symlinked folders, and only yields files the engine has a scanner for.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { formatOf } from '../core/engine';

const ALWAYS_SKIPPED = new Set([
  '.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.terraform',
  '.vscode-test', '.next', '.nuxt', 'bower_components', '.gradle', '.idea',
]);

export interface WalkProblem {
  file: string;
  message: string;
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

/** Yields absolute paths of scannable files under `root` (a folder or a single file). */
export function* walk(root: string, policyIgnore: { base: string; patterns: string[] } | undefined, problems: WalkProblem[]): Generator<string> {
  const stat = safeStat(root, problems);
  if (!stat) return;
  if (stat.isFile()) {
    if (formatOf(root.split(path.sep).join('/'))) yield root;
    return;
  }
  const layers: IgnoreLayer[] = [];
  if (policyIgnore && policyIgnore.patterns.length) layers.push({ dir: policyIgnore.base, rules: ignore().add(policyIgnore.patterns) });
  yield* walkDir(root, layers, problems);
}

function* walkDir(dir: string, layers: IgnoreLayer[], problems: WalkProblem[]): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ file: dir, message: `folder not readable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return;
  }
  const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
  let here = layers;
  if (gitignore) {
    try {
      here = [...layers, { dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) }];
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(full, true, here)) continue;
      yield* walkDir(full, here, problems);
    } else if (entry.isFile()) {
      if (!formatOf(entry.name) || isIgnored(full, false, here)) continue;
      yield full;
    }
  }
}

function isIgnored(full: string, isDir: boolean, layers: IgnoreLayer[]): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.dir, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function safeStat(p: string, problems: WalkProblem[]): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch (err) {
    problems.push({ file: p, message: `not readable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return undefined;
  }
}
