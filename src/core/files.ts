// Which files a workspace scan reads: dependency and tool folders are always skipped, and
// .gitignore files and the policy's `ignore:` patterns apply, each from its own folder.
// Shared by the CLI's walk of the disk and the editor's list of workspace files.

import { PathPatterns } from './glob';

export const ALWAYS_SKIPPED_FOLDERS = new Set([
  '.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.terraform',
  '.vscode-test', '.next', '.nuxt', 'bower_components', '.gradle', '.idea',
]);

/**
 * Ignore rules and the folder they are relative to: `prefix` when that folder is below the
 * root (a .gitignore), or `under` when the root is below it (the policy's folder, when a
 * subfolder is scanned). Both are `/`-separated and end in `/`, or are '' for the root.
 */
export interface IgnoreLayer {
  prefix: string;
  under?: string;
  rules: PathPatterns;
}

export function ignoreLayer(prefix: string, patterns: string | string[]): IgnoreLayer {
  return { prefix, rules: new PathPatterns(patterns) };
}

/** Whether a path (relative to the root; folders end in `/`) is ignored by a layer above it. */
export function isIgnored(rel: string, layers: IgnoreLayer[]): boolean {
  for (const layer of layers) {
    if (!rel.startsWith(layer.prefix)) continue;
    const inner = (layer.under ?? '') + rel.slice(layer.prefix.length);
    if (inner && layer.rules.ignores(inner)) return true;
  }
  return false;
}

/** For a flat list of files: skipped when any folder on the path is skipped or ignored, or the file itself is ignored. */
export function isExcluded(rel: string, layers: IgnoreLayer[]): boolean {
  const parts = rel.split('/');
  let dir = '';
  for (const part of parts.slice(0, -1)) {
    if (ALWAYS_SKIPPED_FOLDERS.has(part)) return true;
    dir += `${part}/`;
    if (isIgnored(dir, layers)) return true;
  }
  return isIgnored(rel, layers);
}
