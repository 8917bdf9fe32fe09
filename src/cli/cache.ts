// The scan cache (scan --cache): each file's analysis from the last run (the core's
// WorkspaceIndex.exportState), kept on disk and placed again while the file's bytes are the
// same. A file is known unchanged by its stat (size, times, inode) when that is older than the
// last run, or else by the hash of its content; the cross-file passes then re-run only where
// the values they read moved (their keys are stored with the entries). A cache written by
// another build of the tool, with another size limit, for other folders, or that does not
// parse is ignored whole, and rewritten.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IndexState, ScanNote, StoredEntry } from '../core';
import { readForScan } from './read-file';

/** Bumped when the file's layout changes. */
const LAYOUT = 1;
/**
 * A stat within this long of the last run's start is not trusted: a file written in the same
 * clock tick as it was read may have changed without its stat showing it (git's "racy clean").
 */
const RACY_MS = 2000;

/** What is known of a file's bytes as they were analysed: the stat taken before reading them, and their hash. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
}

interface CacheFile {
  layout: number;
  /** The build of the tool, the size limit and the scanned folders: any other gives a different analysis. */
  scope: string;
  /** When the run that wrote it started (ms since the epoch). */
  startedAt: number;
  keys: string[];
  /** By path (pairs, so that no path can be mistaken for an object's own key). */
  files: [string, { stamp: FileStamp; entry: StoredEntry }][];
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

export class ScanCache {
  private readonly startedAt = Date.now();
  private readonly previous: CacheFile | undefined;
  private readonly previousFiles: Map<string, { stamp: FileStamp; entry: StoredEntry }>;
  private readonly stamps = new Map<string, FileStamp>();
  /** Files whose bytes changed between two reads in this run: their entries are not kept. */
  private readonly unsteady = new Set<string>();
  /** Files placed from the cache with their stat trusted: when that is all of them, the cache is already what this run would write. */
  private trusted = 0;
  /** Why the cache on disk was not used (it did not parse, or was cut short), to say once. */
  readonly problem: string | undefined;

  private constructor(readonly file: string, private readonly scope: string) {
    const loaded = load(file, scope);
    this.previous = loaded.cache;
    this.previousFiles = new Map(loaded.cache?.files);
    this.problem = loaded.problem;
  }

  /**
   * The cache for a scan of `roots` from `cwd` in `folder`: one file per set of scanned
   * folders, so that scans of different projects do not evict each other.
   */
  static open(folder: string, scan: { cwd: string; roots: string[]; maxFileSize: number }): ScanCache {
    const where = digest(JSON.stringify([scan.cwd, scan.roots])).slice(0, 16);
    return new ScanCache(path.join(folder, `scan-${where}.json`), digest(JSON.stringify([LAYOUT, engineBuild(), scan.maxFileSize, scan.cwd, scan.roots])));
  }

  /**
   * The stored entry of `rel` (at `abs`) when the file is unchanged since it was stored, with
   * the keys it refers to; otherwise undefined, and the file is analysed afresh.
   */
  stored(rel: string, abs: string, limit: number): (StoredEntry & { keys: string[] }) | undefined {
    const kept = this.previousFiles.get(rel);
    if (!kept) return undefined;
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const old = kept.stamp;
    let stamp: FileStamp | undefined;
    if (sameStat(stat, old) && old.mtimeMs < this.previous!.startedAt - RACY_MS) {
      stamp = old;
      this.trusted++;
    } else {
      // Touched, copied or checked out again: the same bytes keep their analysis.
      const read = readForScan(abs, rel, limit, limit);
      if (!(read instanceof Uint8Array) || digest(read) !== old.hash) return undefined;
      stamp = stampOf(stat, read);
    }
    this.stamps.set(rel, stamp);
    return { ...kept.entry, keys: this.previous!.keys };
  }

  /** Reads a file for the scan, noting its stamp (first read) or that it changed since (a later one). */
  read(rel: string, abs: string, limit: number, maxFileSize: number): Uint8Array | ScanNote {
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    const content = readForScan(abs, rel, limit, maxFileSize);
    if (!(content instanceof Uint8Array) || !stat) {
      // Not read (too large, unreadable): nothing is kept for it, unless it was read before in this run.
      if (this.stamps.has(rel)) this.unsteady.add(rel);
      return content;
    }
    this.record(rel, stampOf(stat, content));
    return content;
  }

  /** A file read elsewhere (a worker thread), with the stamp taken there. */
  record(rel: string, stamp: FileStamp): void {
    const earlier = this.stamps.get(rel);
    if (!earlier) this.stamps.set(rel, stamp);
    else if (earlier.hash !== stamp.hash) this.unsteady.add(rel);
  }

  /** The files whose entries may be kept: read (or placed) once, with the same bytes every time. */
  files(): string[] {
    return [...this.stamps.keys()].filter((rel) => !this.unsteady.has(rel));
  }

  /**
   * Whether this run's entries would differ from the cache's: a file read afresh, one whose
   * stat moved, one gone. (Placed entries settle to what they were: the passes are deterministic.)
   */
  changed(): boolean {
    return !this.previous || this.trusted !== this.previousFiles.size || this.stamps.size !== this.trusted || this.unsteady.size > 0;
  }

  /** Writes the entries of this run (the file is replaced whole, never left half-written). */
  save(state: IndexState): void {
    const files: CacheFile['files'] = [];
    for (const [rel, entry] of state.files) {
      const stamp = this.stamps.get(rel);
      if (stamp && !this.unsteady.has(rel)) files.push([rel, { stamp, entry }]);
    }
    const body: CacheFile = { layout: LAYOUT, scope: this.scope, startedAt: this.startedAt, keys: state.keys, files };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, JSON.stringify(body));
      fs.renameSync(temporary, this.file);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
}

/** The stamp of bytes read after `stat` was taken. */
export function stampOf(stat: fs.Stats, bytes: Uint8Array): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, hash: digest(bytes) };
}

function sameStat(stat: fs.Stats, stamp: FileStamp): boolean {
  return stat.size === stamp.size && stat.mtimeMs === stamp.mtimeMs && stat.ctimeMs === stamp.ctimeMs && stat.ino === stamp.ino;
}

function digest(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

function load(file: string, scope: string): { cache?: CacheFile; problem?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { problem: `cannot be read (${code ?? String(err)})` };
  }
  let cache: unknown;
  try {
    cache = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON (cut short, or not ours)' };
  }
  if (!isCacheFile(cache)) return { problem: 'is not a cache this tool wrote' };
  // Another build, size limit or folder set: expected after an upgrade, said nowhere.
  return cache.scope === scope && cache.layout === LAYOUT ? { cache } : {};
}

/** The shape of a cache file, checked before anything in it is used. */
function isCacheFile(value: unknown): value is CacheFile {
  const c = value as Partial<CacheFile> | null;
  if (typeof c !== 'object' || c === null || typeof c.layout !== 'number' || typeof c.scope !== 'string' || typeof c.startedAt !== 'number') return false;
  if (!Array.isArray(c.keys) || !c.keys.every((k) => typeof k === 'string') || !Array.isArray(c.files)) return false;
  return c.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && isStamp(f[1]?.stamp) && isEntry(f[1].entry));
}

function isStamp(s: Partial<FileStamp> | undefined): boolean {
  return typeof s === 'object' && s !== null && typeof s.hash === 'string' && [s.size, s.mtimeMs, s.ctimeMs, s.ino].every((n) => typeof n === 'number');
}

function isEntry(e: Partial<StoredEntry> | undefined): boolean {
  const result = (r: unknown): boolean => {
    const fields = r as Record<string, unknown> | null;
    if (typeof fields !== 'object' || fields === null || !['endpoints', 'notes', 'env', 'waivers', 'azureResources'].every((k) => Array.isArray(fields[k]))) return false;
    // A fallback is another of the file's endpoints, by its position.
    const endpoints = fields.endpoints as { fallbacks?: { endpoint?: unknown }[] }[];
    return endpoints.every((e) => e.fallbacks === undefined || (Array.isArray(e.fallbacks) && e.fallbacks.every((f) => Number.isInteger(f?.endpoint) && (f.endpoint as number) >= 0 && (f.endpoint as number) < endpoints.length)));
  };
  return typeof e === 'object' && e !== null && typeof e.code === 'boolean' && typeof e.kept === 'boolean' && typeof e.forced === 'boolean'
    && Array.isArray(e.reads) && result(e.first) && (e.withEnv === undefined || result(e.withEnv.result));
}

let build: string | undefined;

/**
 * The running build of the tool: the bundle's own bytes (the engine and the catalog are in
 * it). Run from sources (tests, tsx), the sources of the CLI and the core.
 */
function engineBuild(): string {
  if (build !== undefined) return build;
  const hash = createHash('sha256');
  if (__filename.endsWith('.js')) {
    hash.update(fs.readFileSync(__filename));
  } else {
    const src = path.resolve(__dirname, '..');
    for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
      if (file.endsWith('.ts') || file.endsWith('.json')) hash.update(file).update(fs.readFileSync(path.join(src, file)));
    }
  }
  return (build = hash.digest('base64url'));
}
