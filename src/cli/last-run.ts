// The last run of `scan --cache` for a command line, kept whole: its output, its exit code, and
// everything it depended on besides its key (the command line, the user, the environment it
// read and the day): the folders it listed, the files it read or looked at, the paths it looked
// for, the links it followed. The next run of the same command, where none of these moved,
// writes that output again without loading the engine: dist/cli.js (entry.ts) asks here first.
// So this module imports no more of the engine than the day and the escaping of control characters.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { todayUtc } from '../core/day';
import { visibleControls } from '../core/text';
import { defaultCacheFolder, digest, engineBuild, type FileStat, readCacheFile, reader, statIfAny, statOf, unchangedSince, writeCacheFile } from './cache-file';
import { codeOf } from './regular-file';
import { OPTIONS } from './options';
import { type Terminal, terminalOf, writeOutput } from './output';

/** Bumped when the record's layout, or what its key holds, changes. */
const LAYOUT = 1;
/** Records kept in a cache folder (one per folder run from, command line and user): the oldest go first. */
const KEPT_RECORDS = 32;
/** Output longer than this (in characters) is not kept: it would be held in memory to be written. */
const MAX_KEPT_OUTPUT = 16 * 1024 * 1024;

/** What a run depended on besides its command line, environment and day. */
export interface Dependencies {
  /** When the run started (ms since the epoch): a stat taken within RACY_MS of it is not trusted. */
  startedAt: number;
  /** Folders listed, with what they held (listingOf), or the error code that refused them. */
  folders: [string, string][];
  /**
   * Files read or looked at, with their stat before as [size, mtimeMs, ctimeMs, ino] (null: none
   * could be taken), most recently changed first. Paths below the folder run from are relative to it.
   */
  files: [string, [number, number, number, number] | null][];
  /** Paths looked for, and whether anything was there (lstat: a broken link counts). */
  present: [string, boolean][];
  /** Links resolved, and where they led (an error code when nowhere). */
  links: [string, string][];
}

/** What a scan with --cache notes as it runs, for the record of the run (scan.ts fills it). */
export class RunLog {
  readonly startedAt = Date.now();
  private readonly folders: [string, string][] = [];
  private readonly files: [string, FileStat | null][] = [];
  private readonly present: [string, boolean][] = [];
  private readonly links: [string, string][] = [];

  /** A folder listed (or the error that refused it). */
  listed(dir: string, entries: fs.Dirent[] | NodeJS.ErrnoException): void {
    this.folders.push([dir, Array.isArray(entries) ? listingOf(entries) : refusal(entries)]);
  }

  /** Takes a file's stat now, before it is read or judged. */
  stat(file: string): void {
    const stat = statIfAny(file);
    this.files.push([file, stat ? statOf(stat) : null]);
  }

  /** Whether anything is at a path (as lstat sees it), as found. */
  looked(file: string, found: boolean): void {
    this.present.push([file, found]);
  }

  /** Where a link led (or the error code). */
  resolved(link: string, target: string | NodeJS.ErrnoException): void {
    this.links.push([link, typeof target === 'string' ? target : refusal(target)]);
  }

  /** Everything noted, with the stats of the files the scan analysed (by absolute path). */
  dependencies(analysed: [string, FileStat][]): Dependencies {
    const changed = (stat: FileStat | null): number => stat?.mtimeMs ?? Number.MAX_VALUE;
    const files = [...this.files, ...analysed].sort(([, a], [, b]) => changed(b) - changed(a))
      .map(([file, s]): Dependencies['files'][number] => [shortened(file), s && [s.size, s.mtimeMs, s.ctimeMs, s.ino]]);
    return { startedAt: this.startedAt, folders: this.folders, files, present: this.present, links: this.links };
  }
}

/** A path below the folder run from, relative to it (the record is that folder's: the key holds it); others as they are. */
function shortened(file: string): string {
  const cwd = process.cwd();
  return file.startsWith(cwd) && file[cwd.length] === path.sep ? file.slice(cwd.length + 1) : file;
}

/** How a listing or a link refused is recorded (and compared): its error code, marked. */
function refusal(err: unknown): string {
  return `!${codeOf(err)}`;
}

/** What a listing or a link resolution gives now, in the record's terms. */
function attempt(read: () => string): string {
  try {
    return read();
  } catch (err) {
    return refusal(err);
  }
}

/** A folder's entries as a string that changes when any is added, removed, renamed or changes kind. */
function listingOf(entries: fs.Dirent[]): string {
  const kind = (e: fs.Dirent): string => (e.isFile() ? 'f' : e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : 'o');
  return entries.map((e) => `${kind(e)}${e.name}`).sort().join('/');
}

/** What the run wrote, to be written again. */
export interface RunOutput {
  /** The output (stdout, or the --output file). */
  text: string;
  /** What went to stderr after it (the hints), not the cache's own messages. */
  notices: string;
  code: number;
}

interface RunRecord {
  layout: number;
  build: string;
  key: string;
  deps: Dependencies;
  output: RunOutput;
}

/** Collects the chunks of an output as they are written; undefined once it is too long to keep. */
export class OutputKeeper {
  private chunks: string[] | undefined = [];
  private length = 0;

  *tee(chunks: Iterable<string>): Iterable<string> {
    for (const chunk of chunks) {
      this.length += chunk.length;
      if (this.length > MAX_KEPT_OUTPUT) this.chunks = undefined;
      this.chunks?.push(chunk);
      yield chunk;
    }
  }

  get text(): string | undefined {
    return this.chunks?.join('');
  }
}

/**
 * Keeps this run (its output and what it depended on) for the next run of the same command line.
 * A record that cannot be written is said on stderr; the run's result stands.
 */
export function saveLastRun(folder: string, argv: string[], key: string, deps: Dependencies, output: RunOutput): void {
  const file = recordFile(folder, argv);
  try {
    writeCacheFile(file, { layout: LAYOUT, build: engineBuild(), key, deps, output } satisfies RunRecord);
    pruneRecords(folder);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    process.stderr.write(`llm-compliance: the cache ${visibleControls(file)} could not be written: ${visibleControls(reason)}\n`);
  }
}

/**
 * Answers `scan --cache` from the last run of the same command line when nothing it depended on
 * moved: writes its output and notices again and gives its exit code. Undefined when the scan
 * must run (not a cached scan, no record, or something moved); no output has been written then
 * (a damaged record is said on stderr).
 */
export async function replayLastRun(argv: string[]): Promise<number | undefined> {
  const parsed = parse(argv);
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  const cached = values.cache || values['cache-location'] !== undefined;
  // stdin's content and git's view of the tree are not in the record: those scans always run.
  if (positionals[0] !== 'scan' || !cached || values['cache-location'] === '' || values.help || values.version
    || values['stdin-filename'] !== undefined || values['changed-since'] !== undefined || positionals.includes('-')) return undefined;
  const file = recordFile(values['cache-location'] ?? defaultCacheFolder(), argv);
  const read = readCacheFile(file);
  if (!read) return undefined;
  // (One written by another version of this file is replaced, said nowhere.)
  const layout = 'value' in read ? (read.value as Partial<RunRecord> | null)?.layout : undefined;
  if (typeof layout === 'number' && layout !== LAYOUT) return undefined;
  const problem = 'problem' in read ? read.problem : isRunRecord(read.value) ? undefined : `${file} is not a cache this tool wrote`;
  if (problem) {
    process.stderr.write(`llm-compliance: the cache ${visibleControls(problem)}: it is ignored, and rewritten\n`);
    return undefined;
  }
  const record = (read as { value: RunRecord }).value;
  if (record.key !== runKey(argv, terminalOf(argv, values.output), values.date ?? todayUtc()) || record.build !== engineBuild() || !stillHolds(record.deps)) return undefined;
  try {
    await writeOutput([record.output.text], values.output);
  } catch {
    // The file could not be opened or written: the run writes it afresh (truncating it), or says why, as it would.
    return undefined;
  }
  if (record.output.notices) process.stderr.write(record.output.notices);
  return record.output.code;
}

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch {
    return undefined;
  }
}

/** One record per folder run from, command line and user (users sharing a folder keep theirs apart). */
function recordFile(folder: string, argv: string[]): string {
  return path.join(folder, `run-${digest(JSON.stringify([process.cwd(), argv, reader()])).slice(0, 20)}.json`);
}

/**
 * Everything besides the files that the output depends on: the command line, the folder run
 * from, the Node that runs the engine (its regular expressions' Unicode tables), who reads the
 * files (reader), the day the waivers are judged against (--date, else the day the run read
 * before it scanned: a day that turns during the scan leaves a key no later run has),
 * SOURCE_DATE_EPOCH (CycloneDX), and what the terminal makes of text output.
 */
export function runKey(argv: string[], terminal: Terminal, today: string): string {
  return digest(JSON.stringify([LAYOUT, process.version, process.cwd(), reader(), argv, today, process.env.SOURCE_DATE_EPOCH ?? null, terminal.color, terminal.width]));
}

/** Whether everything the run depended on is as it was then, the most likely change checked first. */
function stillHolds(deps: Dependencies): boolean {
  const below = process.cwd() + path.sep;
  for (const [file, then] of deps.files) {
    const now = statIfAny(path.isAbsolute(file) ? file : below + file);
    if (then === null ? now !== undefined : now === undefined || !unchangedSince(deps.startedAt, now, { size: then[0], mtimeMs: then[1], ctimeMs: then[2], ino: then[3] })) return false;
  }
  for (const [dir, then] of deps.folders) {
    if (attempt(() => listingOf(fs.readdirSync(dir, { withFileTypes: true }))) !== then) return false;
  }
  for (const [file, then] of deps.present) {
    let found: boolean;
    try {
      found = fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
    if (found !== then) return false;
  }
  for (const [link, then] of deps.links) {
    if (attempt(() => fs.realpathSync(link)) !== then) return false;
  }
  return true;
}

/** Keeps the newest KEPT_RECORDS records of the folder (each command line has its own). */
function pruneRecords(folder: string): void {
  const records = fs.readdirSync(folder).filter((name) => /^run-[\w-]+\.json$/.test(name))
    .map((name) => ({ name, mtime: statIfAny(path.join(folder, name))?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of records.slice(KEPT_RECORDS)) fs.rmSync(path.join(folder, name), { force: true });
}

function isRunRecord(value: unknown): value is RunRecord {
  const r = value as Partial<RunRecord> | null;
  if (typeof r !== 'object' || r === null || typeof r.layout !== 'number' || typeof r.build !== 'string' || typeof r.key !== 'string') return false;
  const o = r.output;
  if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || typeof o.notices !== 'string' || !Number.isInteger(o.code)) return false;
  const d = r.deps;
  const pairs = (list: unknown, valid: (v: unknown) => boolean): boolean => Array.isArray(list) && list.every((p) => Array.isArray(p) && typeof p[0] === 'string' && valid(p[1]));
  return typeof d === 'object' && d !== null && typeof d.startedAt === 'number'
    && pairs(d.folders, (v) => typeof v === 'string') && pairs(d.files, (v) => v === null || (Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number')))
    && pairs(d.present, (v) => typeof v === 'boolean') && pairs(d.links, (v) => typeof v === 'string');
}
