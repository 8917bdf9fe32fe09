// Where a folder's policy is: the folder, then each folder above it up to the repository
// root (the first folder with a `.git`), nearest first. Every host looks it up this way,
// over its own file system, so a sub-project opened on its own is judged by the policy the
// CLI applies to it in CI.

import { POLICY_FILE_NAMES } from './policy';

export interface PolicyLookup<Folder> {
  /** The folder above, or undefined at the top (of the file system, or of what the host can see). */
  parent(folder: Folder): Folder | undefined;
  /** Whether an entry of this name is in the folder: anything there counts (a policy that cannot be read is an error, never "no policy"). */
  has(folder: Folder, name: string): Promise<boolean> | boolean;
}

/** The nearest policy file at or above `start`, or undefined when there is none up to the repository root. */
export async function nearestPolicy<Folder>(start: Folder, lookup: PolicyLookup<Folder>): Promise<{ folder: Folder; name: string } | undefined> {
  for (let folder: Folder | undefined = start; folder !== undefined; folder = lookup.parent(folder)) {
    for (const name of POLICY_FILE_NAMES) if (await lookup.has(folder, name)) return { folder, name };
    if (await lookup.has(folder, '.git')) return undefined;
  }
  return undefined;
}
