// A workspace folder's files and what the engine finds in them, kept current one file at a
// time. The editor feeds it files as they open, change, appear and disappear; it re-analyses
// the changed file, and then only the files whose inputs that change touched: code that
// reads an env variable whose value moved, config files a newly read variable makes worth
// reading. The answers are the CLI's: the same three passes, done incrementally.

import { formatOf, calleesNeeded, mayImportProjectModule, placeEnv, scopedEnv, setsValuesOnly, wantedCallees, type Engine, type FileFormat, type FileResult } from './engine';
import type { Endpoint, Finding, ScanNote } from './model';
import type { InlineWaiver } from './policy/waivers';
import type { Policy } from './policy/policy';
import type { EnvLookup } from './resolve/values';
import { Prefilter } from './scan/prefilter';
import { LineIndex } from './text';

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
}

interface Entry {
  /** Code and notebooks are analysed first; config files after, with the variables code reads in mind. */
  code: boolean;
  /** Kept to re-analyse when the workspace's env values, or the variables code reads, change ('' for code that reads none). */
  content: Uint8Array | string;
  /** Analysed with every variable unset, recording the ones read. */
  first: FileResult;
  reads: string[];
  /** Config files: read without an LLM signal of their own, because they set values code reads. */
  forced: boolean;
  /** Analysed again with the values the workspace's config files set; `reads` are the variables that analysis read. */
  withEnv?: { key: string; reads: string[]; result: FileResult };
  /** Python code that names a callee whose parameter matters: the calls of the callees (`key`) it publishes. */
  calls?: { key: string; env: FileResult['env']; notes: ScanNote[] };
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private wantedKey = '';
  private wanted: Prefilter | undefined;
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

  /** Adds or replaces a file (a path relative to the folder, with `/`). Files the engine does not scan are ignored. */
  set(file: string, content: Uint8Array | string): void {
    const format = formatOf(file);
    if (!format) return;
    this.analyzeFirst(file, format, content);
    this.changed();
  }

  private analyzeFirst(file: string, format: FileFormat, content: Uint8Array | string): void {
    const code = format.kind === 'code' || format.kind === 'notebook';
    const reads = new Set<string>();
    const env: EnvLookup = (name) => (reads.add(name), { state: 'unset' });
    const forced = !code && this.shouldForce(format, content);
    const first = this.engine.analyze(file, content, { ...this.sizeLimit, env, force: forced });
    // Code that reads no variable is never analysed again, unless it imports the project's own
    // modules (it may use a constant one exports) or is Python (it may call a function another
    // module's parameter takes its value from, however it imports it): otherwise its bytes need not be kept.
    const kept = !code || reads.size > 0 || mayImportProjectModule(content) || /\.(?:py|ipynb)$/i.test(file);
    this.entries.set(file, { code, content: kept ? content : '', first, reads: [...reads], forced });
  }

  private changed(): void {
    this.settled = false;
    this.changes++;
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
    // Pass 2: config files that set a variable code reads are read even without an LLM signal.
    const wanted = [...new Set([...this.entries.values()].filter((e) => e.code).flatMap((e) => e.reads))].sort();
    const wantedKey = wanted.join('\n');
    if (wantedKey !== this.wantedKey) {
      this.wantedKey = wantedKey;
      this.wanted = wanted.length ? new Prefilter(wanted) : undefined;
    }
    for (const [file, entry] of this.entries) {
      if (entry.code) continue;
      const format = formatOf(file)!;
      if (this.shouldForce(format, entry.content) === entry.forced) continue;
      this.analyzeFirst(file, format, entry.content);
      yield file;
    }
    // Pass 3: files that read a variable some config file sets, with the values now known.
    // In path order, as the CLI sorts them: which line is cited must not depend on the order files arrived in.
    // Values set by config files, and the constants code files export for the modules that import them (as the CLI).
    // As the CLI: Python code that names a function or class whose parameter decides an endpoint
    // publishes its calls of it, signal or not; one that passes on a parameter of its own function
    // asks about that function's calls in turn.
    const asked = wantedCallees([...this.entries.values()].filter((e) => e.code).flatMap((e) => e.reads));
    let callees: string[] = [];
    for (let round = 0; round < 4; round++) {
      const next = calleesNeeded(asked, [...this.entries.values()].flatMap((e) => (e.calls?.key === callees.join('\n') ? e.calls.env : [])));
      if (next.join('\n') === callees.join('\n')) break;
      callees = next;
      const key = callees.join('\n');
      const calleeFilter = new Prefilter(callees);
      for (const [file, entry] of this.entries) {
        // A call may reach a function however it is imported (`import pkg.mod as m`): callers need only name it.
        const caller = /\.(?:py|ipynb)$/i.test(file) && entry.content !== ''
          && (typeof entry.content === 'string' ? calleeFilter.testString(entry.content) : calleeFilter.test(entry.content));
        if (!caller) {
          entry.calls = undefined;
          continue;
        }
        if (entry.calls?.key === key) continue;
        const result = this.engine.analyze(file, entry.content, { ...this.sizeLimit, force: true, callsOf: callees });
        entry.calls = { key, env: result.env, notes: result.notes.filter((n) => n.kind === 'internal-error') };
        yield file;
      }
    }
    if (!callees.length) for (const entry of this.entries.values()) entry.calls = undefined;
    const configs = [...this.entries.values()].filter((e) => !e.code);
    const definitions = sortByPlace([...this.entries.values()].flatMap((e) => [...e.first.env, ...(e.calls?.env ?? [])]));
    // Each value reaches the code its file serves (env-scope.ts), as in the CLI: where the code is decides.
    const codeFiles = [...this.entries.keys()].filter(isCodeFile).sort();
    const placed = placeEnv(definitions, codeFiles, configs.flatMap((e) => e.first.envFiles ?? []));
    const definitionsKey = JSON.stringify(placed);
    if (definitionsKey !== this.envDefinitionsKey) {
      this.envDefinitionsKey = definitionsKey;
      this.env = scopedEnv(placed);
    }
    const defined = new Set(definitions.map((d) => d.name));
    const importable = this.engine.importableNames(definitions);
    if (importable.join('\n') !== this.importableKey) {
      this.importableKey = importable.join('\n');
      this.importable = importable.length ? new Prefilter(importable) : undefined;
    }
    for (const [file, entry] of this.entries) {
      // As the CLI: code that read nothing but names such a constant is read again, past the prefilter.
      const importer = entry.code && entry.reads.length === 0 && entry.content !== '' && this.importable !== undefined
        && (typeof entry.content === 'string' ? this.importable.testString(entry.content) : this.importable.test(entry.content));
      if (!importer && !entry.reads.some((n) => defined.has(n))) {
        entry.withEnv = undefined;
        continue;
      }
      // Keyed by every variable either analysis read: some are read only once another is set
      // (GOOGLE_CLOUD_LOCATION after GOOGLE_GENAI_USE_VERTEXAI=true).
      const lookup = this.env(file);
      const keyOf = (names: string[]): string => JSON.stringify([...new Set([...entry.reads, ...names])].sort().map((n) => [n, lookup(n)]));
      if (entry.withEnv && entry.withEnv.key === keyOf(entry.withEnv.reads)) continue;
      const reads = new Set<string>();
      const env: EnvLookup = (name) => (reads.add(name), lookup(name));
      // As the CLI's third pass: only value-setting files are read without a signal of their own.
      const force = setsValuesOnly(formatOf(file)) || importer;
      const result = this.engine.analyze(file, entry.content, { ...this.sizeLimit, env, force });
      entry.withEnv = { key: keyOf([...reads]), reads: [...reads], result };
      yield file;
    }
    // A change made between the steps (by the caller) needs another settle().
    this.settled = this.changes === start;
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
    // A file whose calls could not be read says so (as in the CLI).
    const callNotes = [...this.entries.keys()].sort().flatMap((file) => this.entries.get(file)!.calls?.notes ?? []);
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

  /** Whether a config file is read without an LLM signal of its own: it sets values, or names a variable code reads. */
  private shouldForce(format: FileFormat, content: Uint8Array | string): boolean {
    if (setsValuesOnly(format)) return true;
    if (!this.wanted) return false;
    return typeof content === 'string' ? this.wanted.testString(content) : this.wanted.test(content);
  }
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
