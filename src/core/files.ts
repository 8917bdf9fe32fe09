// Which files a workspace scan reads: dependency and tool folders are always skipped, and
// .gitignore files and the policy's `ignore:` patterns apply, each from its own folder.
// Shared by the CLI's walk of the disk and the editor's list of workspace files.

import { PathPatterns } from './glob';
import type { ScanNote } from './model';

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
  /** The policy's `ignore:` only ever excludes; a .gitignore's `!` can re-include what a .gitignore above it excluded. */
  policy?: true;
}

/** A .gitignore file's patterns, for the folder `prefix` it sits in. */
export function gitignoreLayer(prefix: string, text: string): IgnoreLayer {
  return { prefix, rules: new PathPatterns(text) };
}

/** The policy's `ignore:` patterns; `under` is the scanned root's path below the policy's folder. */
export function policyLayer(patterns: string[], under = ''): IgnoreLayer {
  return { prefix: '', ...(under ? { under } : {}), rules: new PathPatterns(patterns), policy: true };
}

/**
 * Whether a path (relative to the root; folders end in `/`) is ignored, as git decides it:
 * the deepest .gitignore with a pattern for the path decides (a `!` there re-includes it),
 * and the policy's `ignore:` excludes whatever any .gitignore says. Folders above the path
 * are the caller's to check first: nothing below an ignored folder is scanned.
 */
export function isIgnored(rel: string, layers: IgnoreLayer[]): boolean {
  let verdict: boolean | undefined;
  let depth = -1;
  for (const layer of layers) {
    if (!rel.startsWith(layer.prefix)) continue;
    const inner = (layer.under ?? '') + rel.slice(layer.prefix.length);
    if (!inner) continue;
    if (layer.policy) {
      if (layer.rules.ignores(inner)) return true;
      continue;
    }
    const own = layer.rules.verdict(inner);
    if (own !== undefined && layer.prefix.length >= depth) {
      verdict = own;
      depth = layer.prefix.length;
    }
  }
  return verdict === true;
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

/**
 * A .gitignore with a refused pattern (too long, too many `**`) ignores nothing: notes that
 * say so, at each refused pattern's line. (The policy's patterns are refused by parsePolicy.)
 */
export function refusedPatternNotes(layer: IgnoreLayer, file: string): ScanNote[] {
  return layer.rules.refused.map((r) => ({
    kind: 'parse-error',
    file,
    line: r.line,
    message: `pattern refused (${r.reason}): no pattern of this file applies, so the files they name are scanned`,
  }));
}
