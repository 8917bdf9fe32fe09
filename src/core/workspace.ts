// A workspace folder's files and what the engine finds in them, kept current one file at a
// time. The editor feeds it files as they open, change, appear and disappear; it re-analyses
// the changed file, and then only the files whose inputs that change touched: code that
// reads an env variable whose value moved, config files a newly read variable makes worth
// reading. analyzeWorkspace (below) runs the same passes once over a whole workspace, for
// batch hosts (the CLI): one algorithm, whichever host asks.

import { formatOf, readLimit, calleesNeeded, mayImportProjectModule, placeEnv, scopedEnv, setsValuesOnly, wantedCallees, type Engine, type FileFormat, type FileResult } from './engine';
import type { Endpoint, Finding, ScanNote } from './model';
import type { InlineWaiver } from './policy/waivers';
import type { Policy } from './policy/policy';
import type { EnvLookup } from './resolve/values';
import { byteSketch, sketchMayHold } from './scan/byte-sketch';
import { Prefilter, type AnchorTest } from './scan/prefilter';
import { SettableNames } from './scan/settable-names';
import { restoredResult, storedResult, type StoredResult } from './stored';
import { LineIndex, utf16Encoding } from './text';

export interface WorkspaceResults {
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  /** Decoded text of the files the findings point into, by path. */
  texts: Map<string, string>;
}

export interface WorkspaceIndexOptions {
  /** A file's path relative to the policy file's folder; the identity when the policy sits at the root. */
  pathForPolicy?: (file: string) => string;
  /** YYYY-MM-DD for waiver expiry; today (UTC) when absent. */
  today?: () => string;
  /** Where the size limit comes from, when not the policy (an editor setting), for the notes. */
  sizeLimitSetting?: string;
  /** Notes about the folder rather than one file's analysis (ignore patterns that were refused). */
  folderNotes?: ScanNote[];
  /**
   * Reads a file again when a later pass needs it. A host whose files stay on disk (the CLI)
   * gives it, and the index keeps no file's bytes; without it the index keeps the bytes it needs.
   */
  reread?: (file: string) => Uint8Array | string | ScanNote;
}

/** A file's first analysis, with every variable unset: what the index needs to place it (firstAnalysis). */
export interface FirstAnalysis {
  first: FileResult;
  /** The env variables that analysis read. */
  reads: string[];
  /** Whether later passes may need the file's bytes again. */
  kept: boolean;
  /** Whether it was read without an LLM signal of its own (a file that sets values). */
  forced: boolean;
  /** Kept code that read no variable, for a host that reads bytes again: what they hold (byte-sketch.ts). */
  sketch?: Uint32Array;
}

/**
 * Content as the engine reads it, for an anchor test: UTF-16 bytes (after a byte-order mark,
 * engine.ts decode) as their text, where the names code writes are ASCII; other bytes as they are.
 */
function asDecoded(content: Uint8Array | string): Uint8Array | string {
  if (typeof content === 'string') return content;
  const utf16 = utf16Encoding(content);
  return utf16 ? new TextDecoder(utf16).decode(content) : content;
}

/** Whether content holds one of a filter's anchors, read as the engine reads it (asDecoded). */
function holdsAnchor(filter: AnchorTest, content: Uint8Array | string): boolean {
  const read = asDecoded(content);
  return typeof read === 'string' ? filter.testString(read) : filter.test(read);
}

/**
 * The first analysis of a file, as the index makes it when the file arrives. `wanted`: the
 * variables code reads, when known (a config file that may set one is read without a signal).
 */
function firstAnalysis(engine: Engine, file: string, content: Uint8Array | string, options: { maxFileSize: number; sizeLimitSetting?: string; wanted?: SettableNames; sketch?: boolean }): FirstAnalysis | undefined {
  const format = formatOf(file);
  if (!format) return undefined;
  const code = format.kind === 'code' || format.kind === 'notebook';
  const reads = new Set<string>();
  const env: EnvLookup = (name) => (reads.add(name), { state: 'unset' });
  const forced = !code && forcedRead(format, content, options.wanted);
  const first = engine.analyze(file, content, { maxFileSize: options.maxFileSize, ...(options.sizeLimitSetting ? { sizeLimitSetting: options.sizeLimitSetting } : {}), env, force: forced });
  // Code that reads no variable is never analysed again, unless it imports the project's own
  // modules (it may use a constant one exports) or is Python (it may call a function another
  // module's parameter takes its value from, however it imports it): otherwise its bytes need not be kept.
  const kept = !code || reads.size > 0 || mayImportProjectModule(asDecoded(content)) || /\.(?:py|ipynb)$/i.test(file);
  // Such code is asked later whether it names a constant another module exports (importsConstant): the sketch spares reading it again to hear no.
  // (UTF-16 bytes hold no ASCII name as such: their test reads the decoded text, which a sketch of the bytes cannot stand for.)
  const sketch = options.sketch && code && kept && reads.size === 0 && content instanceof Uint8Array && !utf16Encoding(content) ? byteSketch(content) : undefined;
  return { first, reads: [...reads], kept, forced, ...(sketch ? { sketch } : {}) };
}

/**
 * First analyses made outside the index, in a host's worker threads: each result goes to
 * WorkspaceIndex.add. `wanted` as analyzeWorkspace passes it with the config files.
 */
export function firstAnalyzer(engine: Engine, options: { maxFileSize: number; wanted?: string[] }): (file: string, content: Uint8Array) => FirstAnalysis | undefined {
  const wanted = SettableNames.of(options.wanted ?? []);
  // Its results go to an index that reads the bytes again (WorkspaceIndex.add): sketched.
  return (file, content) => firstAnalysis(engine, file, content, { maxFileSize: options.maxFileSize, ...(wanted ? { wanted } : {}), sketch: true });
}

/** Whether a config file is read without an LLM signal of its own: it sets values, or may set a variable code reads. */
function forcedRead(format: FileFormat, content: Uint8Array | string, wanted: SettableNames | undefined): boolean {
  if (setsValuesOnly(format)) return true;
  return wanted?.test(content) ?? false;
}

interface Entry {
  /** Code and notebooks are analysed first; config files after, with the variables code reads in mind. */
  code: boolean;
  /**
   * Kept to re-analyse when the workspace's env values, or the variables code reads, change
   * ('' for code that reads none; null: the host reads it again when needed).
   */
  content: Uint8Array | string | null;
  /** Analysed with every variable unset, recording the ones read. */
  first: FileResult;
  reads: string[];
  /** Config files: read without an LLM signal of their own, because they set values code reads. */
  forced: boolean;
  /** Analysed again with the values the workspace's config files set; `reads` are the variables that analysis read. */
  withEnv?: { key: string; reads: string[]; result: FileResult };
  /** Why a later pass could not read the file again (its earlier analysis stands, and this note says it is incomplete). */
  unread?: ScanNote;
  /** Config files: the variables code read (WorkspaceIndex.wantedKey) when the file was last tested for them. */
  testedFor?: string;
  /** Python code that names a callee whose parameter matters: the calls of the callees (`key`) it publishes. */
  calls?: { key: string; env: FileResult['env']; notes: ScanNote[] };
  /** Python code: whether it names one of the callees (`key`), so that an unchanged file is not read again to ask. */
  callerOf?: { key: string; caller: boolean };
  /** Code that read no variable: whether it names a constant a module exports (`key`: WorkspaceIndex.importableKey). */
  importerOf?: { key: string; importer: boolean };
  /** The first analysis's sketch of the bytes (FirstAnalysis.sketch), when the index does not keep them. */
  sketch?: Uint32Array;
}

/**
 * A file's entry as plain data (JSON), for a host that keeps the index's analyses between
 * runs (the CLI's --cache). The filter keys many entries share are numbers into
 * IndexState.keys; everything else is as the entry holds it.
 */
export interface StoredEntry {
  code: boolean;
  /** Whether later passes may need the bytes (the host reads them again). */
  kept: boolean;
  first: StoredResult;
  reads: number[];
  forced: boolean;
  testedFor?: number;
  /** `sameText`: the result's text is left out, being the first analysis's. */
  withEnv?: { key: string; reads: number[]; result: StoredResult; sameText?: true };
  calls?: { key: number; env: FileResult['env']; notes: ScanNote[] };
  callerOf?: { key: number; caller: boolean };
  importerOf?: { key: number; importer: boolean };
}

/** Stored entries, with the strings they share (filter keys, variable names) numbered. */
export interface IndexState {
  keys: string[];
  /** Each file's entry, by its path (pairs: a path is any string, `__proto__` too). */
  files: [string, StoredEntry][];
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private wantedKey = '';
  private wanted: SettableNames | undefined;
  private importableKey = '';
  /** Names of constants code files export with an LLM value (Engine.importableNames). */
  private importable: Prefilter | undefined;
  /** The env values that reach each file. */
  private env: (file: string) => EnvLookup = scopedEnv([]);
  private envDefinitionsKey = '';
  private settled = true;
  /** Counts the caller's changes, so that a settle() interrupted by one does not count as done. */
  private changes = 0;

  constructor(
    private readonly engine: Engine,
    private readonly policy: Policy,
    private readonly options: WorkspaceIndexOptions = {},
  ) {}

  files(): string[] {
    return [...this.entries.keys()];
  }

  has(file: string): boolean {
    return this.entries.has(file);
  }

  /**
   * The variables the code files read, which config files are then read for. A host adding a
   * whole workspace adds its code first and asks this before adding the config files, so that
   * each is read once (settle() would read again those that name one).
   */
  codeReads(): string[] {
    const wanted = [...new Set([...this.entries.values()].filter((e) => e.code).flatMap((e) => e.reads))].sort();
    const wantedKey = wanted.join('\n');
    if (wantedKey !== this.wantedKey) {
      this.wantedKey = wantedKey;
      this.wanted = SettableNames.of(wanted);
    }
    return wanted;
  }

  /** Adds or replaces a file (a path relative to the folder, with `/`). Files the engine does not scan are ignored. */
  set(file: string, content: Uint8Array | string): void {
    if (!formatOf(file)) return;
    this.analyzeFirst(file, content);
    this.changed();
  }

  private analyzeFirst(file: string, content: Uint8Array | string): void {
    const analysis = firstAnalysis(this.engine, file, content, { ...this.sizeLimit, ...(this.wanted ? { wanted: this.wanted } : {}), sketch: this.options.reread !== undefined });
    if (analysis) this.place(file, analysis, content);
  }

  /** Adds a file analysed by firstAnalysis() elsewhere (a host's worker thread); its bytes are read again through `reread`. */
  add(file: string, analysis: FirstAnalysis): void {
    if (!this.options.reread) throw new Error('WorkspaceIndex.add needs the reread option: the index has no bytes of its own to re-analyse');
    this.place(file, analysis, null);
    this.changed();
  }

  private place(file: string, { first, reads, kept, forced, sketch }: FirstAnalysis, content: Uint8Array | string | null): void {
    const reread = kept && this.options.reread !== undefined;
    this.entries.set(file, { code: isCodeFile(file), content: kept ? (reread ? null : content) : '', first, reads, forced, testedFor: this.wantedKey, ...(reread && sketch ? { sketch } : {}) });
  }

  /** The bytes of a file a later pass needs ('' when they were not kept, or can no longer be read, which is noted). */
  private contentOf(file: string, entry: Entry): Uint8Array | string {
    if (entry.content !== null) return entry.content;
    const read = this.options.reread?.(file) ?? '';
    if (read instanceof Uint8Array || typeof read === 'string') return read;
    // Said even if a later pass reads it: the pass that could not may have left its analysis short.
    entry.unread = read;
    return '';
  }

  private changed(): void {
    this.settled = false;
    this.changes++;
  }

  /**
   * Adds a whole workspace's files (a host's first load), in path order and code first: the
   * variables code reads decide which config files are read without a signal of their own,
   * so each is read once. On the source's worker threads when it lends them (which needs
   * `reread`). Returns how many files were read.
   */
  async addAll(source: WorkspaceSource): Promise<number> {
    const files = source.files.filter((file) => formatOf(file)).sort();
    const code = await this.addPart(source, files.filter(isCodeFile), []);
    return code + await this.addPart(source, files.filter((file) => !isCodeFile(file)), this.codeReads());
  }

  private async addPart(source: WorkspaceSource, all: string[], wanted: string[]): Promise<number> {
    const { maxFileSize } = this.sizeLimit;
    // Files the host kept from an earlier run (unchanged since) are placed as they were, not read.
    const kept = new Map(all.flatMap((file) => { const stored = source.stored?.(file); return stored ? [[file, stored] as const] : []; }));
    const files = all.filter((file) => !kept.has(file));
    const outcomes = await source.analyzeFirst?.(files, maxFileSize, wanted);
    const analysed = outcomes && new Map(files.map((file, i) => [file, outcomes[i]]));
    let read = 0;
    for (const file of all) {
      const stored = kept.get(file);
      if (stored) {
        this.restore(file, stored);
        read++;
        continue;
      }
      // Read one at a time, as it is analysed: a workspace's bytes are never all held at once.
      const outcome = analysed ? analysed.get(file) : source.read(file, readLimit(file, maxFileSize));
      if (!outcome) continue;
      if ('kind' in outcome) {
        this.setNote(file, outcome);
        continue;
      }
      if (outcome instanceof Uint8Array) this.set(file, outcome);
      else this.add(file, outcome);
      read++;
    }
    return read;
  }

  /**
   * The entries of `files` as plain data (StoredEntry), for a host to keep between runs. A file
   * a later pass could not read again is left out: its analysis may be short.
   */
  exportState(files: Iterable<string>): IndexState {
    const keys = new Map<string, number>();
    const ref = (key: string): number => {
      let at = keys.get(key);
      if (at === undefined) keys.set(key, (at = keys.size));
      return at;
    };
    const out: [string, StoredEntry][] = [];
    for (const file of files) {
      const e = this.entries.get(file);
      if (!e || e.unread || !this.settled) continue;
      const first = storedResult(e.first);
      const sameText = e.withEnv?.result.text !== undefined && e.withEnv.result.text === e.first.text;
      const withResult = e.withEnv && storedResult(sameText ? { ...e.withEnv.result, text: undefined } : e.withEnv.result);
      // (A result whose fallbacks leave the file is not kept: the next run analyses it again.)
      if (!first || (e.withEnv && !withResult)) continue;
      out.push([file, {
        code: e.code, kept: e.content !== '', first, reads: e.reads.map(ref), forced: e.forced,
        ...(e.testedFor !== undefined ? { testedFor: ref(e.testedFor) } : {}),
        ...(e.withEnv && withResult ? { withEnv: { key: e.withEnv.key, reads: e.withEnv.reads.map(ref), result: withResult, ...(sameText ? { sameText } : {}) } } : {}),
        ...(e.calls ? { calls: { ...e.calls, key: ref(e.calls.key) } } : {}),
        ...(e.callerOf ? { callerOf: { ...e.callerOf, key: ref(e.callerOf.key) } } : {}),
        ...(e.importerOf ? { importerOf: { ...e.importerOf, key: ref(e.importerOf.key) } } : {}),
      }]);
    }
    return { keys: [...keys.keys()], files: out };
  }

  /** Places a file's entry as exportState gave it (the host vouches the file is unchanged); its bytes are read again through `reread`. */
  private restore(file: string, stored: StoredEntry & { keys: string[] }): void {
    if (!this.options.reread) throw new Error('WorkspaceIndex: restoring an entry needs the reread option');
    // A number the keys do not have (a damaged cache) matches no key, so that pass runs again.
    const key = (at: number): string => stored.keys[at] ?? '\u0000unknown';
    const names = (at: number[]): string[] => at.map((n) => stored.keys[n]).filter((n) => n !== undefined);
    const { withEnv } = stored;
    const first = restoredResult(stored.first);
    this.entries.set(file, {
      code: stored.code, content: stored.kept ? null : '', first, reads: names(stored.reads), forced: stored.forced,
      ...(stored.testedFor !== undefined ? { testedFor: key(stored.testedFor) } : {}),
      ...(withEnv ? { withEnv: { key: withEnv.key, reads: names(withEnv.reads), result: restoredResult(withEnv.sameText ? { ...withEnv.result, text: first.text } : withEnv.result) } } : {}),
      ...(stored.calls ? { calls: { ...stored.calls, key: key(stored.calls.key) } } : {}),
      ...(stored.callerOf ? { callerOf: { ...stored.callerOf, key: key(stored.callerOf.key) } } : {}),
      ...(stored.importerOf ? { importerOf: { ...stored.importerOf, key: key(stored.importerOf.key) } } : {}),
    });
    this.changed();
  }

  /** A file that could not be read (too large, unreadable): it has no endpoints, only the note saying why. */
  setNote(file: string, note: ScanNote): void {
    const first: FileResult = { file, endpoints: [], notes: [note], env: [], waivers: [], azureResources: [] };
    this.entries.set(file, { code: true, content: '', first, reads: [], forced: false });
    this.changed();
  }

  delete(file: string): boolean {
    const had = this.entries.delete(file);
    if (had) this.changed();
    return had;
  }

  /**
   * Brings every file up to date with the others: one re-analysis per step, so a caller
   * with a time budget can yield between steps. Done when the generator returns.
   */
  *settle(): Generator<string, void, void> {
    if (this.settled) return;
    const start = this.changes;
    yield* this.configsCodeReads();
    yield* this.callers();
    yield* this.withValues(this.placeValues());
    // A change made between the steps (by the caller) needs another settle().
    this.settled = this.changes === start;
  }

  /** Pass 2: config files that name a variable code reads are read even without an LLM signal. */
  private *configsCodeReads(): Generator<string, void, void> {
    this.codeReads();
    for (const [file, entry] of this.entries) {
      // Tested already for these variables (added after the code, or unchanged since): not read again.
      if (entry.code || entry.content === '' || entry.testedFor === this.wantedKey) continue;
      const content = this.contentOf(file, entry);
      if (content === '') continue;
      entry.testedFor = this.wantedKey;
      if (forcedRead(formatOf(file)!, content, this.wanted) === entry.forced) continue;
      this.analyzeFirst(file, content);
      yield file;
    }
  }

  /**
   * Python code that names a function or class whose parameter decides an endpoint publishes
   * its calls of it, signal or not; a caller that passes on a parameter of its own function
   * asks about that function's calls in turn (up to 4 rounds).
   */
  private *callers(): Generator<string, void, void> {
    const asked = wantedCallees([...this.entries.values()].filter((e) => e.code).flatMap((e) => e.reads));
    let callees: string[] = [];
    for (let round = 0; round < 4; round++) {
      const next = calleesNeeded(asked, [...this.entries.values()].flatMap((e) => (e.calls?.key === callees.join('\n') ? e.calls.env : [])));
      if (next.join('\n') === callees.join('\n')) break;
      callees = next;
      yield* this.callsOf(callees);
    }
    if (!callees.length) for (const entry of this.entries.values()) entry.calls = undefined;
  }

  private *callsOf(callees: string[]): Generator<string, void, void> {
    const key = callees.join('\n');
    // However short a name, a caller writes it (`ask(url)`): none is dropped.
    const calleeFilter = new Prefilter(callees, 1);
    for (const [file, entry] of this.entries) {
      // A call may reach a function however it is imported (`import pkg.mod as m`): callers need only name it.
      if (entry.callerOf?.key !== key) {
        const content = /\.(?:py|ipynb)$/i.test(file) && entry.content !== '' ? this.contentOf(file, entry) : '';
        entry.callerOf = { key, caller: content !== '' && holdsAnchor(calleeFilter, content) };
      }
      if (!entry.callerOf.caller) {
        entry.calls = undefined;
        continue;
      }
      if (entry.calls?.key === key) continue;
      const content = this.contentOf(file, entry);
      if (content === '') {
        entry.calls = undefined;
        continue;
      }
      const result = this.engine.analyze(file, content, { ...this.sizeLimit, force: true, callsOf: callees });
      entry.calls = { key, env: result.env, notes: result.notes.filter((n) => n.kind === 'internal-error') };
      yield file;
    }
  }

  /**
   * The values config files set, placed where they reach (env-scope.ts: where the code is
   * decides), and the constants code files export for the modules that import them, in path
   * order (which line is cited must not depend on the order files arrived in). Returns the
   * names set.
   */
  private placeValues(): Set<string> {
    const configs = [...this.entries.values()].filter((e) => !e.code);
    const definitions = sortByPlace([...this.entries.values()].flatMap((e) => [...e.first.env, ...(e.calls?.env ?? [])]));
    const codeFiles = [...this.entries.keys()].filter(isCodeFile).sort();
    const placed = placeEnv(definitions, codeFiles, configs.flatMap((e) => e.first.envFiles ?? []));
    const definitionsKey = JSON.stringify(placed);
    if (definitionsKey !== this.envDefinitionsKey) {
      this.envDefinitionsKey = definitionsKey;
      this.env = scopedEnv(placed);
    }
    const importable = this.engine.importableNames(definitions);
    if (importable.join('\n') !== this.importableKey) {
      this.importableKey = importable.join('\n');
      // A constant named in fewer than 4 characters (`URL`) is asked for too (the sketch never rules one out).
      this.importable = importable.length ? new Prefilter(importable, 1) : undefined;
    }
    return new Set(definitions.map((d) => d.name));
  }

  /** Pass 3: files that read a variable the workspace sets, or name a constant a module exports, read with the values. */
  private *withValues(defined: Set<string>): Generator<string, void, void> {
    for (const [file, entry] of this.entries) {
      const reader = entry.reads.some((n) => defined.has(n));
      // Code that read nothing but names such a constant is read again, past the prefilter.
      const importer = entry.code && entry.reads.length === 0 && entry.content !== '' && this.importable !== undefined && this.importsConstant(file, entry);
      if (!importer && !reader) {
        entry.withEnv = undefined;
        continue;
      }
      // Keyed by every variable either analysis read: some are read only once another is set
      // (GOOGLE_CLOUD_LOCATION after GOOGLE_GENAI_USE_VERTEXAI=true).
      const lookup = this.env(file);
      const keyOf = (names: string[]): string => JSON.stringify([importer, ...[...new Set([...entry.reads, ...names])].sort().map((n) => [n, lookup(n)])]);
      if (entry.withEnv && entry.withEnv.key === keyOf(entry.withEnv.reads)) continue;
      const content = this.contentOf(file, entry);
      // (A file the host can no longer read keeps its first analysis.)
      if (content === '') {
        entry.withEnv = undefined;
        continue;
      }
      const reads = new Set<string>();
      const env: EnvLookup = (name) => (reads.add(name), lookup(name));
      // Only value-setting files are read without a signal of their own.
      const force = setsValuesOnly(formatOf(file)) || importer;
      const result = this.engine.analyze(file, content, { ...this.sizeLimit, env, force });
      // The same bytes decode to the same text: one copy is kept, not two.
      if (result.text !== undefined && result.text === entry.first.text) result.text = entry.first.text;
      entry.withEnv = { key: keyOf([...reads]), reads: [...reads], result };
      yield file;
    }
  }

  /** Whether code names a constant a module exports (asked once per file and set of names). */
  private importsConstant(file: string, entry: Entry): boolean {
    if (entry.importerOf?.key !== this.importableKey) {
      // Bytes whose sketch rules every name out are not read again (most code names none).
      const content = !entry.sketch || sketchMayHold(entry.sketch, this.importable!.anchors) ? this.contentOf(file, entry) : '';
      entry.importerOf = { key: this.importableKey, importer: content !== '' && holdsAnchor(this.importable!, content) };
    }
    return entry.importerOf.importer;
  }

  /** Endpoints, findings and notes for the whole folder. Call after `settle()` has run to its end. */
  results(): WorkspaceResults {
    while (!this.settled) {
      const steps = this.settle();
      while (!steps.next().done) { /* finish any remaining work */ }
    }
    const current = [...this.entries.keys()].sort().map((file) => this.current(file));
    const texts = new Map<string, string>();
    for (const r of current) if (r.text !== undefined) texts.set(r.file, r.text);
    const { policy } = this;
    if (policy.source && policy.text !== undefined) texts.set(policy.source, policy.text);
    const lines = new Map<string, LineIndex>();
    const lineOf = (file: string, offset: number): number => {
      let index = lines.get(file);
      if (!index) lines.set(file, (index = new LineIndex(texts.get(file) ?? '')));
      return index.position(offset).line;
    };
    // A file whose calls could not be read, or that a later pass could not read again, says so.
    const callNotes = [...this.entries.keys()].sort().flatMap((file) => { const entry = this.entries.get(file)!; return [...entry.calls?.notes ?? [], ...entry.unread ? [entry.unread] : []]; });
    const notes = [...current.flatMap((r) => r.notes), ...callNotes, ...(this.options.folderNotes ?? [])];
    const endpoints = this.engine.withWorkspaceFacts(current.flatMap((r) => r.endpoints), sortByPlace(current.flatMap((r) => r.azureResources)), policy, notes);
    const waivers: InlineWaiver[] = current.flatMap((r) => r.waivers);
    const findings = this.engine.evaluate(endpoints, policy, {
      waivers,
      notes,
      lineOf,
      ...(this.options.pathForPolicy ? { pathForPolicy: this.options.pathForPolicy } : {}),
      ...(this.options.today ? { today: this.options.today() } : {}),
    });
    return { endpoints, findings, notes, texts };
  }

  /** The analysis of one file as it stands (with the workspace's env values when they matter). */
  current(file: string): FileResult {
    const entry = this.entries.get(file);
    if (!entry) throw new Error(`not in the index: ${file}`);
    return entry.withEnv?.result ?? entry.first;
  }

  private get sizeLimit(): { maxFileSize: number; sizeLimitSetting?: string } {
    const setting = this.options.sizeLimitSetting;
    return { maxFileSize: this.policy.maxFileSizeKb * 1024, ...(setting ? { sizeLimitSetting: setting } : {}) };
  }
}

/** What a host hands a whole-workspace analysis: its files, and how to read them. */
export interface WorkspaceSource {
  /** The files to analyse: paths relative to the workspace root, with `/`. */
  files: string[];
  /** A file's bytes (at most `limit` of them), or the note that says why it was not read. */
  read(file: string, limit: number): Uint8Array | ScanNote;
  /**
   * The first analyses of many files at once (a host's worker threads, each running
   * firstAnalyzer with `wanted`): a result, a note, or nothing for a file the engine does not
   * read, per file. Without it, or when it answers undefined, the files are analysed here, one by one.
   */
  analyzeFirst?(files: string[], maxFileSize: number, wanted: string[]): Promise<(FirstAnalysis | ScanNote | undefined)[] | undefined>;
  /**
   * A file's entry from an earlier run (WorkspaceIndex.exportState), with that run's keys, when
   * the host knows the file is unchanged since (a cache): it is placed as it was, not read.
   */
  stored?(file: string): (StoredEntry & { keys: string[] }) | undefined;
}

export interface WorkspaceAnalysis extends WorkspaceResults {
  /** How many files were read and analysed (or placed unchanged from a host's cache). */
  filesScanned: number;
  /** The analyses of `files` as plain data (WorkspaceIndex.exportState), for a host's cache. */
  exportState(files: Iterable<string>): IndexState;
}

/**
 * A whole workspace, analysed once: every host's batch scan (the CLI's) runs this, and the
 * editor keeps a WorkspaceIndex current instead, with the same passes. The files' bytes are
 * read again when a later pass needs them, never all kept at once.
 */
export async function analyzeWorkspace(engine: Engine, policy: Policy, source: WorkspaceSource, options: Omit<WorkspaceIndexOptions, 'reread'> = {}): Promise<WorkspaceAnalysis> {
  const maxFileSize = policy.maxFileSizeKb * 1024;
  const index = new WorkspaceIndex(engine, policy, { ...options, reread: (file) => source.read(file, readLimit(file, maxFileSize)) });
  const filesScanned = await index.addAll(source);
  return { ...index.results(), filesScanned, exportState: (files) => index.exportState(files) };
}

/** Code and notebooks: where they lie decides which env values reach them. */
function isCodeFile(file: string): boolean {
  const kind = formatOf(file)?.kind;
  return kind === 'code' || kind === 'notebook';
}

/** Env definitions and Azure resources in path order, then line order. */
export function sortByPlace<T extends { file: string; line: number }>(list: T[]): T[] {
  return list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
