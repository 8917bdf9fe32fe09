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

/** Ignore rules and the folder they are relative to (as a `/`-separated prefix of paths below it). */
interface IgnoreLayer {
  prefix: string;
  rules: Ignore;
}

/** Yields absolute paths of scannable files under `root` (a folder or a single file). */
export function* walk(root: string, policyIgnore: { base: string; patterns: string[] } | undefined, problems: WalkProblem[]): Generator<string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (err) {
    problems.push({ file: root, message: `not readable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return;
  }
  if (stat.isFile()) {
    if (formatOf(root.split(path.sep).join('/'))) yield root;
    return;
  }
  const layers: IgnoreLayer[] = [];
  if (policyIgnore && policyIgnore.patterns.length) {
    // Policy patterns are relative to the policy's folder; express the walk root relative to it.
    const fromBase = path.relative(policyIgnore.base, root).split(path.sep).join('/');
    if (!fromBase.startsWith('..')) layers.push({ prefix: fromBase ? `${fromBase}/` : '', rules: ignore().add(policyIgnore.patterns) });
  }
  yield* walkDir(root, '', layers, problems);
}

/** `rel` is the folder's path below the walk root, with a trailing `/` (empty for the root). */
function* walkDir(dir: string, rel: string, layers: IgnoreLayer[], problems: WalkProblem[]): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    problems.push({ file: dir, message: `folder not readable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
    return;
  }
  let here = layers;
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    try {
      here = [...layers, { prefix: rel, rules: ignore().add(fs.readFileSync(`${dir}/.gitignore`, 'utf8')) }];
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(name) || isIgnored(`${rel}${name}/`, here)) continue;
      yield* walkDir(`${dir}/${name}`, `${rel}${name}/`, here, problems);
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileLink(`${dir}/${name}`))) {
      // Symlinked files are scanned; symlinked folders are not followed (they can loop).
      if (!formatOf(name) || isIgnored(`${rel}${name}`, here)) continue;
      yield `${dir}/${name}`;
    }
  }
}

function isFileLink(full: string): boolean {
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false; // a dangling link
  }
}

function isIgnored(rel: string, layers: IgnoreLayer[]): boolean {
  for (const layer of layers) {
    if (!rel.startsWith(layer.prefix)) continue;
    const inner = rel.slice(layer.prefix.length);
    if (inner && layer.rules.ignores(inner)) return true;
  }
  return false;
}
