// What the files of the scan cache share (cache.ts, last-run.ts): where they live, how one is
// written (whole or not at all, yours alone) and read (only when its checksum holds), and the
// stat rule that says a file is unchanged. No engine import: the start of the CLI reads the
// cache with it before the engine is loaded.

import { constants as bufferConstants } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readRegularFile } from './regular-file';

/**
 * A stat within this long of the last run's start is not trusted: a file written in the same
 * clock tick as it was read may have changed without its stat showing it (git's "racy clean").
 */
const RACY_MS = 2000;

/** A file's stat, as far as it tells a change. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** The folder --cache uses without --cache-location: LLM_COMPLIANCE_CACHE_DIR, else the system's cache folder. */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LLM_COMPLIANCE_CACHE_DIR) return env.LLM_COMPLIANCE_CACHE_DIR;
  const home = os.homedir();
  const base = platform === 'win32' ? env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')
    : platform === 'darwin' ? path.join(home, 'Library', 'Caches')
    : env.XDG_CACHE_HOME || path.join(home, '.cache');
  return path.join(base, 'llm-compliance');
}

/**
 * A file's stat, or undefined when there is none to take: gone, or refused (EACCES in a folder
 * that can be listed but not searched, ELOOP): the read then gives the file's note, as without the cache.
 */
export function statIfAny(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

export function statOf(stat: FileStat): FileStat {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
}

/** Whether a file's stat now is the one stored, and older than the run that stored it by RACY_MS. */
export function unchangedSince(startedAt: number, now: FileStat, stored: FileStat): boolean {
  return now.size === stored.size && now.mtimeMs === stored.mtimeMs && now.ctimeMs === stored.ctimeMs && now.ino === stored.ino
    && stored.mtimeMs < startedAt - RACY_MS;
}

export function isStat(s: Partial<FileStat> | null | undefined): s is FileStat {
  return typeof s === 'object' && s !== null && [s.size, s.mtimeMs, s.ctimeMs, s.ino].every((n) => typeof n === 'number');
}

/**
 * Who the files are read as: the effective user and groups; on Windows, which has neither, the
 * user's name (an elevated and a plain process of one user are not told apart). A file one user
 * can read gives another a note ("not readable"), so what a cache kept answers only the same reader.
 */
export function reader(): (string | number | number[] | null)[] {
  if (!process.geteuid) return [os.userInfo().username];
  return [process.geteuid(), process.getegid?.() ?? null, process.getgroups?.().sort((a, b) => a - b) ?? null];
}

export function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** Writes a cache file whole: a checksum line, then the JSON. Replaced at once, never left half-written. */
export function writeCacheFile(file: string, body: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Created afresh, never opened through what is there (a link someone planted in a shared folder would be written through).
    fs.rmSync(temporary, { force: true });
    // Encoded once, for both the checksum and the file (each took as long again from the string).
    const json = Buffer.from(JSON.stringify(body));
    // Yours alone: it holds the text of the files with findings.
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${digest(json)}\n`), json]), { flag: 'wx', mode: 0o600 });
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * A cache file's JSON; undefined when there is none; a problem when it cannot be used (damaged,
 * not a file, unreadable). Never read past what a string can hold, nor from a FIFO or a device
 * put in its place (readRegularFile).
 */
export function readCacheFile(file: string): { value: unknown } | { problem: string } | undefined {
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(file, bufferConstants.MAX_STRING_LENGTH);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : { problem: `${file} cannot be read (${code ?? String(err)})` };
  }
  if (!('bytes' in read)) return { problem: `${file} is ${'tooLarge' in read ? 'too large to be a cache' : `${read.notRegular}, not a file`}` };
  // The first line is the checksum of the rest: a file damaged in any byte (cut short, edited) is not used.
  const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || bytes.toString('latin1', 0, newline) !== digest(bytes.subarray(newline + 1))) {
    return { problem: `${file} is damaged (its checksum does not match: cut short, changed, or not ours)` };
  }
  try {
    return { value: JSON.parse(bytes.toString('utf8', newline + 1)) };
  } catch {
    return { problem: `${file} is not valid JSON (not ours)` };
  }
}

declare const __BUILD_ID__: string | undefined;
let build: string | undefined;

/**
 * The build of the tool: in the bundles, the hash of what they were built from (the sources,
 * package.json and its locked dependencies: scripts/build.mjs). Run from sources (tests, tsx),
 * the sources of the CLI and the core.
 */
export function engineBuild(): string {
  if (typeof __BUILD_ID__ === 'string') return __BUILD_ID__;
  if (build !== undefined) return build;
  const hash = createHash('sha256');
  const src = path.resolve(__dirname, '..');
  for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.ts') || file.endsWith('.json')) hash.update(file).update(fs.readFileSync(path.join(src, file)));
  }
  return (build = hash.digest('base64url'));
}
