// The scan cache (scan --cache), two files per set of scanned folders:
// - the entries: each file's analysis from the last run (the core's WorkspaceIndex.exportState),
//   placed again while the file's bytes are the same, known by its stat (size, times, inode)
//   when that is older than the last run, or else by the hash of its content; the cross-file
//   passes then re-run only where the values they read moved (their keys are stored too);
// - the results: the last run's whole results, replayed when no file's stat moved and the
//   policy, the day and the folder's walk are the same, so that the entries need not be loaded.
// A cache written by another build of the tool, with another size limit, for other folders or
// by another user is not used; one that does not parse is ignored with a message. Either is rewritten.

import * as path from 'node:path';
import { restoreResults, storeResults, type IndexState, type ScanNote, type StoredEntry, type StoredResults, type WorkspaceAnalysis } from '../core';
import { digest, engineBuild, type FileStat, isStat, readCacheFile, reader, statIfAny, statOf, unchangedSince, writeCacheFile } from './cache-file';
import { readForScan } from './read-file';

/** Bumped when the file's layout changes. */
const LAYOUT = 1;

/** What is known of a file's bytes as they were analysed: the stat taken before reading them, and their hash. */
export interface FileStamp extends FileStat {
  hash: string;
}

interface ResultsFile {
  layout: number;
  scope: string;
  startedAt: number;
  /** The policy, the day, the walk's problems: what the results depend on besides the files. */
  inputs: string;
  /** Every file the scan listed, read or not (one too large has a note that depends on its size). */
  files: [string, FileStat][];
  filesScanned: number;
  results: StoredResults;
}

interface CacheFile {
  layout: number;
  /** The build of the tool, the size limit, the scanned folders and who reads them: any other gives a different analysis. */
  scope: string;
  /** When the run that wrote it started (ms since the epoch). */
  startedAt: number;
  keys: string[];
  /** By path (pairs, so that no path can be mistaken for an object's own key). */
  files: [string, { stamp: FileStamp; entry: StoredEntry }][];
}

export class ScanCache {
  private readonly startedAt = Date.now();
  private loaded: { cache?: CacheFile } | undefined;
  private previousFiles = new Map<string, { stamp: FileStamp; entry: StoredEntry }>();
  private readonly stamps = new Map<string, FileStamp>();
  /** Files read that gave a note (too large, unreadable), by their stat: the results depend on it. */
  private readonly noted = new Map<string, FileStat>();
  /** Files whose bytes changed between two reads in this run: their entries are not kept. */
  private readonly unsteady = new Set<string>();
  /** The stats a replay found unchanged, by path. */
  private replayed: Map<string, FileStat> | undefined;
  /** Files placed from the cache with their stat trusted: when that is all of them, the entries are already what this run would write. */
  private trusted = 0;
  /** Why a cache file on disk was not used (it did not parse), to say once. */
  readonly problems: string[] = [];

  private constructor(private readonly base: string, private readonly scope: string) {}

  /**
   * The cache for a scan of `roots` from `cwd` in `folder`: one pair of files per set of
   * scanned folders and user, so that scans of different projects (or users) do not evict each other.
   */
  static open(folder: string, scan: { cwd: string; roots: string[]; maxFileSize: number }): ScanCache {
    const where = digest(JSON.stringify([scan.cwd, scan.roots, reader()])).slice(0, 16);
    return new ScanCache(path.join(folder, `scan-${where}`), digest(JSON.stringify([LAYOUT, engineBuild(), process.version, scan.maxFileSize, scan.cwd, scan.roots, reader()])));
  }

  /** Where the cache keeps its entries (its results lie beside it). */
  get file(): string {
    return `${this.base}.json`;
  }

  private get resultsFile(): string {
    return `${this.base}.results.json`;
  }

  /**
   * The last run's results, when every file the scan lists (`files`, by path, at their
   * absolute paths) has the stat it had then, older than that run, and `inputs` (the policy,
   * the day, the walk's problems) are the same. Otherwise undefined, and the scan runs.
   */
  replay(files: Map<string, string>, inputs: unknown): Pick<WorkspaceAnalysis, 'endpoints' | 'findings' | 'notes' | 'texts' | 'filesScanned'> | undefined {
    const kept = this.readCacheFile(this.resultsFile, isResultsFile);
    if (!kept || kept.inputs !== digest(JSON.stringify(inputs)) || kept.files.length !== files.size) return undefined;
    for (const [rel, stat] of kept.files) {
      const abs = files.get(rel);
      const now = abs === undefined ? undefined : statIfAny(abs);
      if (!now || !unchangedSince(kept.startedAt, now, stat)) return undefined;
    }
    this.replayed = new Map(kept.files);
    return { ...restoreResults(kept.results), filesScanned: kept.filesScanned };
  }

  /**
   * The stored entry of `rel` (at `abs`) when the file is unchanged since it was stored, with
   * the keys it refers to; otherwise undefined, and the file is analysed afresh.
   */
  stored(rel: string, abs: string, limit: number): (StoredEntry & { keys: string[] }) | undefined {
    const previous = this.entries();
    const kept = this.previousFiles.get(rel);
    if (!previous || !kept) return undefined;
    const stat = statIfAny(abs);
    if (!stat?.isFile()) return undefined;
    const old = kept.stamp;
    let stamp: FileStamp | undefined;
    if (unchangedSince(previous.startedAt, stat, old)) {
      stamp = old;
      this.trusted++;
    } else {
      // Touched, copied or checked out again: the same bytes keep their analysis.
      const read = readForScan(abs, rel, limit, limit);
      if (!(read instanceof Uint8Array) || digest(read) !== old.hash) return undefined;
      stamp = stampOf(stat, read);
    }
    this.stamps.set(rel, stamp);
    return { ...kept.entry, keys: previous.keys };
  }

  /** Reads a file for the scan, noting what readStamped tells of it. */
  read(rel: string, abs: string, limit: number, maxFileSize: number): Uint8Array | ScanNote {
    const { content, stamp } = readStamped(abs, rel, limit, maxFileSize);
    this.record(rel, stamp);
    return content;
  }

  /**
   * What a read (here, or in a worker thread) told of a file: its first read's stamp; a stat
   * alone for one not read (too large, unreadable), whose results depend on it. A later read
   * with other bytes, or none, means it changed during the run: no entry is kept for it.
   */
  record(rel: string, stamp: FileStamp | FileStat | undefined): void {
    const earlier = this.stamps.get(rel);
    if (stamp && 'hash' in stamp) {
      if (!earlier) this.stamps.set(rel, stamp);
      else if (earlier.hash !== stamp.hash) this.unsteady.add(rel);
    } else if (earlier) {
      this.unsteady.add(rel);
    } else if (stamp) {
      this.noted.set(rel, stamp);
    }
  }

  /** The files whose entries may be kept: read (or placed) once, with the same bytes every time. */
  files(): string[] {
    return [...this.stamps.keys()].filter((rel) => !this.unsteady.has(rel));
  }

  /**
   * Writes this run's entries (when they differ from the cache's: a file read afresh, one whose
   * stat moved, one gone; placed entries settle to what they were) and its results, for the
   * files the scan listed (`files`; none: no results are kept). Each file is replaced whole, never left half-written.
   */
  save(state: IndexState, analysis: WorkspaceAnalysis, files: string[] | undefined, inputs: unknown): void {
    const previous = this.entries();
    if (!previous || this.trusted !== this.previousFiles.size || this.stamps.size !== this.trusted || this.unsteady.size > 0) {
      const kept: CacheFile['files'] = [];
      for (const [rel, entry] of state.files) {
        const stamp = this.stamps.get(rel);
        if (stamp && !this.unsteady.has(rel)) kept.push([rel, { stamp, entry }]);
      }
      writeCacheFile(this.file, { layout: LAYOUT, scope: this.scope, startedAt: this.startedAt, keys: state.keys, files: kept } satisfies CacheFile);
    }
    // Results are kept only when every listed file's stat is known (a replay checks each).
    const stats = files && this.listedStats(files);
    const results = stats && storeResults(analysis);
    if (!results) return;
    writeCacheFile(this.resultsFile, {
      layout: LAYOUT, scope: this.scope, startedAt: this.startedAt, inputs: digest(JSON.stringify(inputs)), files: stats, filesScanned: analysis.filesScanned, results,
    } satisfies ResultsFile);
  }

  /**
   * The stat of each of `files` as this run found it (before reading it, or unchanged since the
   * run it replays), or undefined when one has none: not listed, changed during the run, or refused.
   */
  listedStats(files: string[]): [string, FileStat][] | undefined {
    const stats: [string, FileStat][] = [];
    for (const rel of files) {
      const stat = this.unsteady.has(rel) ? undefined : this.stamps.get(rel) ?? this.noted.get(rel) ?? this.replayed?.get(rel);
      if (!stat) return undefined;
      stats.push([rel, statOf(stat)]);
    }
    return stats;
  }

  /** The entries of the last run, read on first use (a replayed scan never needs them). */
  private entries(): CacheFile | undefined {
    if (!this.loaded) {
      const cache = this.readCacheFile(this.file, isCacheFile);
      this.loaded = { ...(cache ? { cache } : {}) };
      this.previousFiles = new Map(cache?.files);
    }
    return this.loaded.cache;
  }

  /** A cache file of ours, for this scope; a damaged one is noted (this.problems) and not used. */
  private readCacheFile<T extends { layout: number; scope: string }>(file: string, valid: (value: unknown) => value is T): T | undefined {
    const read = readCacheFile(file);
    if (read && 'problem' in read) this.problems.push(read.problem);
    if (!read || !('value' in read)) return undefined;
    if (!valid(read.value)) {
      this.problems.push(`${file} is not a cache this tool wrote`);
      return undefined;
    }
    // Another build, size limit or folder set: expected after an upgrade, said nowhere.
    return read.value.layout === LAYOUT && read.value.scope === this.scope ? read.value : undefined;
  }
}

/**
 * A file read for the scan, with the stat taken before reading it: a stamp (with the hash of
 * the bytes) when it was read, the stat alone when it was not (undefined without a stat).
 */
export function readStamped(abs: string, rel: string, limit: number, maxFileSize: number): { content: Uint8Array | ScanNote; stamp?: FileStamp | FileStat } {
  const stat = statIfAny(abs);
  const content = readForScan(abs, rel, limit, maxFileSize);
  return { content, ...(stat ? { stamp: content instanceof Uint8Array ? stampOf(stat, content) : statOf(stat) } : {}) };
}

/** The stamp of bytes read after `stat` was taken. */
function stampOf(stat: FileStat, bytes: Uint8Array): FileStamp {
  return { ...statOf(stat), hash: digest(bytes) };
}

/** The shape of an entries file, checked before anything in it is used. */
function isCacheFile(value: unknown): value is CacheFile {
  const c = value as Partial<CacheFile> | null;
  if (!isHeader(c) || !Array.isArray(c.keys) || !c.keys.every((k) => typeof k === 'string') || !Array.isArray(c.files)) return false;
  return c.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && isStat(f[1]?.stamp) && typeof f[1].stamp.hash === 'string' && isEntry(f[1].entry));
}

/** The shape of a results file. */
function isResultsFile(value: unknown): value is ResultsFile {
  const c = value as Partial<ResultsFile> | null;
  if (!isHeader(c) || typeof c.inputs !== 'string' || typeof c.filesScanned !== 'number' || !Array.isArray(c.files)) return false;
  if (!c.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && isStat(f[1]))) return false;
  const r = c.results as Partial<StoredResults> | undefined;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.notes) || !Array.isArray(r.texts) || !r.texts.every((t) => Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string')) return false;
  if (!hasEndpoints(r) || !Array.isArray(r.findings)) return false;
  // A finding's endpoint and readers are endpoints of the results, by position.
  const n = r.endpoints!.length;
  return r.findings.every((f) => typeof f === 'object' && f !== null && (f.endpoint === undefined || isPosition(f.endpoint, n)) && (f.readers === undefined || (Array.isArray(f.readers) && f.readers.every((e) => isPosition(e, n)))));
}

function isHeader<T extends { layout?: unknown; scope?: unknown; startedAt?: unknown }>(c: T | null): c is T {
  return typeof c === 'object' && c !== null && typeof c.layout === 'number' && typeof c.scope === 'string' && typeof c.startedAt === 'number';
}

function isPosition(value: unknown, length: number): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/** Endpoints whose fallbacks are other endpoints of the same list, by position. */
function hasEndpoints(r: unknown): boolean {
  const endpoints = (r as { endpoints?: unknown }).endpoints;
  if (!Array.isArray(endpoints)) return false;
  return (endpoints as { fallbacks?: { endpoint?: unknown }[] }[]).every((e) => typeof e === 'object' && e !== null
    && (e.fallbacks === undefined || (Array.isArray(e.fallbacks) && e.fallbacks.every((f) => isPosition(f?.endpoint, endpoints.length)))));
}

function isEntry(e: Partial<StoredEntry> | undefined): boolean {
  const result = (r: unknown): boolean => typeof r === 'object' && r !== null && hasEndpoints(r) && ['notes', 'env', 'waivers', 'azureResources'].every((k) => Array.isArray((r as Record<string, unknown>)[k]));
  return typeof e === 'object' && e !== null && typeof e.code === 'boolean' && typeof e.kept === 'boolean' && typeof e.forced === 'boolean'
    && Array.isArray(e.reads) && result(e.first) && (e.withEnv === undefined || result(e.withEnv.result));
}
