// `scan --changed-since REF`: which files a branch changed, as git says. Changes are counted
// from where REF and HEAD diverge (the merge base, as a pull request's diff is), up to the
// working tree: commits, staged and unstaged edits, and untracked files that are not ignored.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from './usage-error';

/** Absolute real paths (symlinks resolved, as git gives them) under the repository's top folder. */
export interface Changes {
  /** Changed since the ref, and still there. */
  changed: string[];
  deleted: string[];
  /** What git ignores (an ignored folder as one entry ending in `/`): git cannot say whether those changed. */
  ignored: string[];
}

export function changedSince(ref: string, dir: string): Changes {
  // A ref that looks like an option would be read as one by git.
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`--changed-since needs a git ref (a branch, tag or commit), not "${ref}"`);
  const top = git(['rev-parse', '--show-toplevel'], dir, () => `--changed-since needs a git repository, and ${dir} is not in one`).replace(/\n$/, '');
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top, () => `--changed-since: git knows no commit "${ref}" (in a shallow clone, fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
  const base = git(['merge-base', ref, 'HEAD'], top, () => `--changed-since: "${ref}" and HEAD share no history in this clone (a shallow clone? fetch more of it, e.g. fetch-depth: 0)`).trim();
  const changes: Changes = { changed: [], deleted: [], ignored: [] };
  // -z: paths exactly as stored, never quoted; --no-renames: a rename is its new path changed and its old one deleted.
  const diff = git(['diff', '--name-status', '-z', '--no-renames', '--no-ext-diff', base, '--'], top, () => `--changed-since: git diff against ${ref} failed`).split('\0');
  for (let i = 0; i + 1 < diff.length; i += 2) {
    (diff[i] === 'D' ? changes.deleted : changes.changed).push(path.join(top, diff[i + 1]!));
  }
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top, () => '--changed-since: git ls-files failed').split('\0');
  changes.changed.push(...untracked.filter(Boolean).map((file) => path.join(top, file)));
  // --directory: node_modules/ is one entry, not its hundred thousand files.
  const ignored = git(['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], top, () => '--changed-since: git ls-files failed').split('\0');
  changes.ignored.push(...ignored.filter(Boolean).map((entry) => path.join(top, entry) + (entry.endsWith('/') ? '/' : '')));
  return changes;
}

/** Runs git in `cwd`; a failure is a usage error with git's own first line after ours. */
function git(args: string[], cwd: string, problem: () => string): string {
  // core.fsmonitor off: a repository's own config could otherwise name a program for git to run.
  const r = spawnSync('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOBUFS') throw new UsageError(`${problem()} (git's answer was over 256 MB)`, false);
  if (r.error) throw new UsageError(`--changed-since needs git, which could not be run: ${r.error.message}`, false);
  if (r.status !== 0) {
    const said = r.stderr.trim().split('\n')[0];
    throw new UsageError(`${problem()}${said ? ` (git: ${said})` : ''}`, false);
  }
  return r.stdout;
}
