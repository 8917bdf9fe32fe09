// Finds the files to scan under the given paths: respects .gitignore files (nested too),
// the policy's `ignore:` patterns and the usual dependency folders, never follows
// symlinked folders, and only yields files the engine has a scanner for.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf } from '../core/engine';
import { ALWAYS_SKIPPED_FOLDERS, ignoreLayer, isIgnored, type IgnoreLayer } from '../core/files';

export interface WalkProblem {
  file: string;
  message: string;
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
    if (!fromBase.startsWith('..')) layers.push({ ...ignoreLayer('', policyIgnore.patterns), under: fromBase ? `${fromBase}/` : '' });
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
      here = [...layers, ignoreLayer(rel, fs.readFileSync(`${dir}/.gitignore`, 'utf8'))];
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED_FOLDERS.has(name) || isIgnored(`${rel}${name}/`, here)) continue;
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
