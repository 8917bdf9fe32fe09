// Finds the files to scan under the given paths: respects .gitignore files (nested too),
// the policy's `ignore:` patterns and the usual dependency folders, never follows
// symlinked folders, never reads outside the scanned folders, and only yields files the
// engine has a scanner for.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_SKIPPED_FOLDERS, formatOf, gitignoreLayer, type IgnoreLayer, isIgnored, type NoteKind, policyLayer, refusedPatternNotes, type ScanNote } from '../core';
import type { RunLog } from './last-run';
import { codeOf } from './regular-file';

/** A file or pattern the walk could not use; the scan reports each as a note. */
export interface WalkProblem {
  file: string;
  message: string;
  /** 'unreadable' when not given. */
  kind?: NoteKind;
  line?: number;
}

/** A walk problem as the scan note that reports it, with its file as the report shows it. */
export function problemNote(p: WalkProblem, shown: string): ScanNote {
  return { kind: p.kind ?? 'unreadable', file: shown, ...(p.line ? { line: p.line } : {}), message: p.message };
}

export interface PolicyIgnore {
  /** The policy's folder: its patterns are relative to it. */
  base: string;
  patterns: string[];
}

/**
 * Yields absolute paths of scannable files under `root` (a folder or a single file).
 * A symlinked file is read only when its target lies inside one of `scannedRoots`
 * (default: `root`), so a workspace cannot make the scan read `/etc/passwd`. The ignore
 * layers it read (the policy's, each .gitignore's) are added to `seenLayers`, so a host can
 * judge a path the walk did not meet (a file created later) by the same rules. What it looked
 * at goes to `log` (scan --cache keeps it, to tell whether the next run would find the same).
 */
export function* walk(root: string, policyIgnore: PolicyIgnore | undefined, problems: WalkProblem[], scannedRoots: string[] = [root], seenLayers: IgnoreLayer[] = [], log?: RunLog): Generator<string> {
  let stat: fs.Stats;
  log?.stat(root);
  try {
    stat = fs.statSync(root);
  } catch (err) {
    problems.push({ file: root, message: `not readable: ${codeOf(err)}` });
    return;
  }
  if (stat.isFile()) {
    // A file named on the command line is read wherever it points: the user chose it.
    if (formatOf(root.split(path.sep).join('/'))) yield root;
    return;
  }
  if (!stat.isDirectory()) {
    problems.push({ file: root, message: 'not a regular file or folder (a FIFO, socket or device): not read' });
    return;
  }
  const layers: IgnoreLayer[] = [];
  if (policyIgnore && policyIgnore.patterns.length) {
    // Policy patterns are relative to the policy's folder; express the walk root relative to it.
    const fromBase = path.relative(policyIgnore.base, root).split(path.sep).join('/');
    if (!fromBase.startsWith('..')) {
      // (parsePolicy refuses a pattern the matcher would refuse, with its line.)
      layers.push(policyLayer(policyIgnore.patterns, fromBase ? `${fromBase}/` : ''));
    }
  }
  seenLayers.push(...layers);
  const realRoots = scannedRoots.flatMap((r) => {
    try {
      const real = fs.realpathSync(r);
      log?.resolved(r, real);
      return [real];
    } catch (err) {
      log?.resolved(r, err as NodeJS.ErrnoException);
      return [];
    }
  });
  yield* walkDir(root, '', layers, problems, realRoots, seenLayers, log);
}

/** `rel` is the folder's path below the walk root, with a trailing `/` (empty for the root). */
function* walkDir(dir: string, rel: string, layers: IgnoreLayer[], problems: WalkProblem[], realRoots: string[], seenLayers: IgnoreLayer[], log: RunLog | undefined): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    log?.listed(dir, entries);
  } catch (err) {
    log?.listed(dir, err as NodeJS.ErrnoException);
    problems.push({ file: dir, message: `folder not readable: ${codeOf(err)}` });
    return;
  }
  let here = layers;
  if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
    log?.stat(`${dir}/.gitignore`);
    try {
      const layer = gitignoreLayer(rel, fs.readFileSync(`${dir}/.gitignore`, 'utf8'));
      for (const note of refusedPatternNotes(layer, `${dir}/.gitignore`)) problems.push(note);
      here = [...layers, layer];
      seenLayers.push(layer);
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  for (const entry of entries) {
    const name = entry.name;
    const full = `${dir}/${name}`;
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED_FOLDERS.has(name) || isIgnored(`${rel}${name}/`, here)) continue;
      yield* walkDir(full, `${rel}${name}/`, here, problems, realRoots, seenLayers, log);
      continue;
    }
    if (!formatOf(name) || isIgnored(`${rel}${name}`, here)) continue;
    if (entry.isFile()) yield full;
    else if (entry.isSymbolicLink()) {
      if (isLinkToScan(full, realRoots, problems, log)) yield full;
    } else problems.push({ file: full, message: 'not a regular file (a FIFO, socket or device): not read' });
  }
}

/**
 * Whether a symlink is a file to scan: its target must be a regular file inside a scanned
 * folder. Links to folders are not followed (they can loop) and dangling links have
 * nothing to read: both are skipped quietly. Anything else is skipped with a note.
 */
function isLinkToScan(link: string, realRoots: string[], problems: WalkProblem[], log: RunLog | undefined): boolean {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(link);
  } catch (err) {
    log?.resolved(link, err as NodeJS.ErrnoException);
    return unreadableLink(link, err, problems);
  }
  log?.resolved(link, target);
  log?.stat(target);
  try {
    stat = fs.statSync(target);
  } catch (err) {
    return unreadableLink(link, err, problems);
  }
  if (stat.isDirectory()) return false;
  if (!realRoots.some((root) => isInside(target, root))) {
    problems.push({ file: link, message: `symlink to ${target}, outside the scanned folders: not read` });
    return false;
  }
  if (!stat.isFile()) {
    // Opening a FIFO would wait for a writer; a device can be endless.
    problems.push({ file: link, message: `symlink to ${target}, not a regular file: not read` });
    return false;
  }
  return true;
}

/** A link that leads nowhere is skipped quietly; one the system refuses, with a note. */
function unreadableLink(link: string, err: unknown, problems: WalkProblem[]): false {
  const code = codeOf(err);
  if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ELOOP') problems.push({ file: link, message: `symlink not readable: ${code}` });
  return false;
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
