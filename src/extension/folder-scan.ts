// One workspace folder of the inventory: every scannable file of the folder, analysed in the
// background and kept current by document events and file watchers. Each folder has its
// own policy and its own WorkspaceIndex (src/core/workspace.ts), which does the judging in
// the index worker thread; this file feeds it files and places its results in the editor.

import * as vscode from 'vscode';
import { ALWAYS_SKIPPED_FOLDERS, checksNothing, decodePolicy, emptyPolicy, type Endpoint, type Finding, formatOf, lastAtOrBelow, LineIndex, MAX_POLICY_FILE_BYTES, nearestPolicy, type NotebookCell, parseNotebook, type Policy, POLICY_FILE_NAMES, PolicyError, type PolicyProblem, readLimit, type Requirement, tooLargeNote, type WorkspaceResults } from '../core';
import type { FolderIndex, IndexWorker } from './index-client';
import { setting } from './settings';

/** Files read from disk at once during the initial scan. */
const READ_AHEAD = 16;

/** Where a range of an analysed file is in the editor: the file itself, or a notebook cell. */
export interface Place {
  uri: vscode.Uri;
  range: vscode.Range;
}

export interface PlacedFinding extends Place {
  finding: Finding;
  folder: FolderScan;
}

export interface PlacedEndpoint extends Place {
  endpoint: Endpoint;
  folder: FolderScan;
}

/** Where a file's content comes from: the disk, an open editor (with its version), or nowhere any more. */
export type FileSource = { kind: 'disk' } | { kind: 'text'; text: string; version: number } | { kind: 'delete' };

export class FolderScan {
  policy: Policy = emptyPolicy();
  policyUri: vscode.Uri | undefined;
  /** The folder's path from the policy's folder ('sub/') when the policy lies above the folder; '' otherwise. */
  private policyBase = '';
  /** Watches a policy above the folder (the folder's own watcher does not reach it). */
  private policyWatcher: vscode.FileSystemWatcher | undefined;
  /** Set while the policy file cannot be read; the last valid policy (or none) stays in force. */
  policyProblems: PolicyProblem[] = [];
  results: WorkspaceResults = { endpoints: [], findings: [], notes: [], texts: new Map() };
  /** Files skipped because the initial scan was cancelled. */
  cancelled = false;
  /**
   * Whether every file of the folder is read (true), or only open files (false): a folder with
   * no policy at or above it is not read whole until someone asks (the sidebar shown, Rescan).
   */
  whole = true;
  /** The search for the policy file at or above the folder: once per FolderScan (a change of it loads a new one). */
  private policySearch: Promise<{ folder: vscode.Uri; name: string } | undefined> | undefined;
  /** Set when the folder's scan failed (a crashed worker): its empty results must not read as clean. */
  failed = false;

  /** Whether nothing is checked here: no policy, or one that requires nothing (a broken policy is reported as such instead). */
  get unchecked(): boolean {
    return checksNothing(this.policy) && !this.policyProblems.length;
  }
  findings: PlacedFinding[] = [];
  endpoints: PlacedEndpoint[] = [];
  private index: FolderIndex | undefined;
  /** Files larger than this are noted, not read (the policy's limit, or the editor setting's); set per load, as a change of either reloads. */
  private maxBytes = 0;
  private readonly queue = new Map<string, FileSource>();
  /** Updates between their call and their place in the queue. */
  private readonly updating = new Set<Promise<void>>();
  /** The document (or notebook) version each file was analysed at, for files read from an open editor. */
  private readonly versions = new Map<string, number>();
  /** Versions of the texts behind the current results. */
  private publishedVersions = new Map<string, number>();
  private pumping: Promise<void> | undefined;
  /** Set until the first load has read every file: results are held until then. */
  private loading = true;
  /** Open notebooks: each scanned cell with its map from the analysed JSON. */
  private readonly cellMaps = new Map<string, { cells: vscode.NotebookCell[]; maps: NotebookCell[] }>();
  /** Line indexes of the analysed texts, built once per set of results. */
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly worker: IndexWorker,
    private readonly log: vscode.LogOutputChannel,
    private readonly onResults: (scan: FolderScan) => void,
    /** A policy above the folder changed: the inventory scans again. */
    private readonly onPolicyChange: () => void,
    lastPolicy?: Policy,
  ) {
    if (lastPolicy) this.policy = lastPolicy;
  }

  /**
   * Reads the policy and the ignore files, then every scannable file of the folder (open
   * editors' texts first), and publishes the folder's results once, when all are read: a
   * file's verdict can depend on files not read yet (a value set in .env, a constant another
   * module exports, a gateway's routes), so nothing partial is ever shown.
   */
  async load(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken, share = 1): Promise<void> {
    try {
      await this.readAll(progress, token, share);
    } finally {
      this.loading = false;
    }
    await this.whenIdle();
    await this.pump();
  }

  private async readAll(progress: vscode.Progress<{ message?: string; increment?: number }> | undefined, token: vscode.CancellationToken | undefined, share: number): Promise<void> {
    // The file search and the .gitignore files do not wait for the policy (which the analysis worker, still starting, parses).
    const listing = this.whole ? this.listCandidates(token) : Promise.resolve([]);
    const ignores = this.readGitignores(token);
    listing.catch(() => undefined);
    ignores.catch(() => undefined);
    await this.loadPolicy();
    const gitignores = await ignores;
    this.index?.dispose();
    const sizeLimitSetting = this.sizeLimitSetting();
    const index = (this.index = this.worker.folder(this.folder.name, this.effectivePolicy(), gitignores, { ...(sizeLimitSetting ? { sizeLimitSetting } : {}), policyBase: this.policyBase }));
    this.maxBytes = this.effectivePolicy().maxFileSizeKb * 1024;
    this.versions.clear();
    this.queue.clear();
    this.cancelled = false;
    this.failed = false;
    const candidates = await listing;
    // Open files first: they are posted before the rest. Their texts are taken just before the
    // worker is asked (no await between): an edit after that is asked about, and queued, after them.
    const open = this.openSources();
    const scanned = await index.scanned([...new Set([...candidates, ...[...open.keys()].filter((rel) => formatOf(rel))])]);
    for (const [rel, source] of open) if (scanned.has(rel)) this.queue.set(rel, source);
    await this.pump();
    const files = candidates.filter((rel) => scanned.has(rel)).sort();
    let reported = 0;
    for (let i = 0; i < files.length; i += READ_AHEAD) {
      if (token?.isCancellationRequested) {
        this.cancelled = true;
        this.log.warn(`${this.folder.name}: scan cancelled after ${i} of ${files.length} files; open files are still checked.`);
        break;
      }
      // An open editor's text wins over the disk.
      const batch = files.slice(i, i + READ_AHEAD).filter((rel) => !this.versions.has(rel) && !this.queue.has(rel));
      await Promise.all(batch.map((rel) => this.readFromDisk(index, rel)));
      if (index !== this.index) return; // loaded again meanwhile
      const done = Math.min(i + READ_AHEAD, files.length);
      const percent = (100 * done) / files.length;
      if (percent - reported >= 2 || done === files.length) {
        progress?.report({ message: vscode.l10n.t('{0}: {1} of {2} files', this.folder.name, done, files.length), increment: (percent - reported) * share });
        reported = percent;
      }
    }
  }

  /** Open editors' texts (and open notebooks, as notebook JSON) for this folder's files. */
  private openSources(): Map<string, FileSource> {
    const out = new Map<string, FileSource>();
    for (const doc of vscode.workspace.textDocuments) {
      const rel = this.relative(doc.uri);
      if (rel !== undefined) out.set(rel, { kind: 'text', text: doc.getText(), version: doc.version });
    }
    for (const nb of vscode.workspace.notebookDocuments) {
      const rel = this.relative(nb.uri);
      if (rel !== undefined && rel.endsWith('.ipynb')) out.set(rel, notebookSource(nb));
    }
    return out;
  }

  /** A path relative to the folder, with `/`, or undefined for a URI outside it. */
  relative(uri: vscode.Uri): string | undefined {
    const root = this.folder.uri;
    if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  uriOf(rel: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder.uri, ...rel.split('/'));
  }

  isPolicyFile(rel: string): boolean {
    return POLICY_FILE_NAMES.includes(rel);
  }

  /** Whether the folder's index holds a file (read whole, or opened while only open files are read). */
  holds(rel: string): boolean {
    return this.index?.has(rel) ?? false;
  }

  /** Whether a path is under a dependency folder, or ignored by a .gitignore or the policy (asked of the worker, which holds the patterns). */
  async isIgnored(rel: string): Promise<boolean> {
    return !(await this.index?.scanned([rel]))?.has(rel);
  }

  /** Queues a file: from an open editor's text, from disk, or gone. Counts as busy from the call on. */
  update(rel: string, source: FileSource): Promise<void> {
    const update = this.queueUpdate(rel, source);
    this.updating.add(update);
    return update.finally(() => this.updating.delete(update));
  }

  private async queueUpdate(rel: string, source: FileSource): Promise<void> {
    if (source.kind !== 'delete' && (!formatOf(rel) || (await this.isIgnored(rel)))) return;
    if (source.kind === 'delete' && !this.index?.has(rel)) {
      // A folder was deleted: everything below it goes.
      for (const file of this.index?.list() ?? []) if (file.startsWith(`${rel}/`)) this.queue.set(file, source);
    } else this.queue.set(rel, source);
    return this.pump();
  }

  /** Whether the results for a file were computed from this document version (fixes are only offered then). */
  isCurrent(rel: string, version: number | undefined): boolean {
    return this.publishedVersions.get(rel) === version;
  }

  get busy(): boolean {
    return this.loading || this.pumping !== undefined || this.queue.size > 0 || this.updating.size > 0;
  }

  async whenIdle(): Promise<void> {
    // Updates still asking the worker whether their file is scanned come first.
    await Promise.all(this.updating);
    return this.pumping;
  }

  /** Posts queued files to the worker; results are published once nothing is left (and the first load is done), so stale or partial results never show. */
  private pump(): Promise<void> {
    this.pumping ??= this.work().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  private async work(): Promise<void> {
    try {
      await this.post();
    } catch (err) {
      this.log.error(`${this.folder.name}: analysis failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    }
  }

  private async post(): Promise<void> {
    const index = this.index;
    if (!index) return;
    let results: WorkspaceResults;
    let versions: Map<string, number>;
    do {
      while (this.queue.size) {
        const [rel, source] = this.queue.entries().next().value as [string, FileSource];
        this.queue.delete(rel);
        if (source.kind === 'delete') {
          index.delete(rel);
          this.versions.delete(rel);
        } else if (source.kind === 'text') {
          index.set(rel, source.text);
          this.versions.set(rel, source.version);
        } else {
          this.versions.delete(rel);
          await this.readFromDisk(index, rel);
        }
      }
      // Until every file is read, a file's results may still change: load() asks for them at its end.
      if (this.loading) return;
      versions = new Map(this.versions);
      results = await index.results();
    } while (this.queue.size && index === this.index);
    if (index !== this.index) return; // the folder was loaded again meanwhile
    this.results = results;
    this.publishedVersions = versions;
    this.place();
    this.onResults(this);
  }

  private async readFromDisk(index: FolderIndex, rel: string): Promise<void> {
    const uri = this.uriOf(rel);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > readLimit(rel, this.maxBytes)) {
        index.setNote(rel, tooLargeNote(rel, stat.size, this.maxBytes, this.sizeLimitSetting()));
        return;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      // Opened or edited while it was read: the editor's text (queued or posted) wins.
      if (this.versions.has(rel) || this.queue.has(rel)) return;
      index.set(rel, bytes);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') index.delete(rel);
      else index.setNote(rel, { kind: 'unreadable', file: rel, message: `not readable: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  /** The .gitignore files of the folder (path, text) outside dependency folders; the worker decides which apply. */
  private async readGitignores(token?: vscode.CancellationToken): Promise<[string, string][]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/.gitignore'), null, undefined, token);
    const out: [string, string][] = [];
    for (const uri of uris) {
      const rel = this.relative(uri);
      if (rel === undefined || rel.split('/').some((part) => ALWAYS_SKIPPED_FOLDERS.has(part))) continue;
      try {
        out.push([rel, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))]);
      } catch {
        // An unreadable .gitignore ignores nothing, as in the CLI.
      }
    }
    return out;
  }

  /** The files the engine reads, minus `files.exclude` and symlinked folders; the worker then drops dependency folders, .gitignore's and the policy's ignores. */
  private async listCandidates(token?: vscode.CancellationToken): Promise<string[]> {
    // findFiles applies files.exclude when no exclude pattern is given.
    const all = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*'), undefined, undefined, token);
    return this.withoutLinkedFolders(all.map((u) => this.relative(u)).filter((rel): rel is string => rel !== undefined && formatOf(rel) !== null));
  }

  /**
   * The files not under a symlinked folder: the CLI never follows one (a link can loop, or
   * lead out of the workspace), and the file search does unless told not to.
   */
  private async withoutLinkedFolders(files: string[]): Promise<string[]> {
    const folders = new Set(files.flatMap((rel) => rel.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    const linked = new Set<string>();
    await Promise.all([...folders].map(async (rel) => {
      try {
        if ((await vscode.workspace.fs.stat(this.uriOf(rel))).type & vscode.FileType.SymbolicLink) linked.add(rel);
      } catch {
        // Gone meanwhile: its files fail to read, and say so.
      }
    }));
    if (!linked.size) return files;
    return files.filter((rel) => !rel.split('/').slice(0, -1).some((_, i, parts) => linked.has(parts.slice(0, i + 1).join('/'))));
  }

  /** The policy text with `require:` set, written by the worker; rejects when it would not be a valid policy. */
  withRequirements(file: string, text: string, requirements: Requirement[]): Promise<string> {
    return this.worker.withRequirements(file, text, requirements);
  }

  /**
   * The nearest policy at or above the folder, up to the repository root, as the CLI finds it
   * (core/policy/discovery.ts): a sub-project opened on its own is judged by the policy CI applies.
   * Only directory listings: cheap, and the inventory decides from it whether to read the folder whole.
   */
  findPolicy(): Promise<{ folder: vscode.Uri; name: string } | undefined> {
    return (this.policySearch ??= this.searchPolicy());
  }

  private async searchPolicy(): Promise<{ folder: vscode.Uri; name: string } | undefined> {
    // Listings, not stat: a dangling link named like a policy is a broken policy (as in the CLI), never "no policy".
    const listings = new Map<string, Promise<Set<string> | undefined>>();
    const listing = (uri: vscode.Uri): Promise<Set<string> | undefined> => {
      let names = listings.get(uri.toString());
      if (!names) listings.set(uri.toString(), (names = Promise.resolve(vscode.workspace.fs.readDirectory(uri)).then((list) => new Set(list.map(([name]) => name)), () => undefined)));
      return names;
    };
    const found = await nearestPolicy(this.folder.uri, {
      // At a drive's or the file system's root there is nothing above.
      parent: (uri) => (/^\/?$|^\/[a-z]:\/?$/i.test(uri.path) ? undefined : vscode.Uri.joinPath(uri, '..')),
      // A folder that cannot be listed (a virtual file system's parent) is the top of what can be seen: the search stops there.
      has: async (uri, name) => (await listing(uri))?.has(name) ?? name === '.git',
    });
    return found;
  }

  /** Reads the policy findPolicy() found; none: the empty policy. */
  private async loadPolicy(): Promise<void> {
    this.policyProblems = [];
    this.policyUri = undefined;
    this.policyBase = '';
    this.policyWatcher?.dispose();
    this.policyWatcher = undefined;
    const found = await this.findPolicy();
    const folderPath = this.folder.uri.path.replace(/\/+$/, '');
    if (found && found.folder !== this.folder.uri) {
      // Above the folder: its patterns and waiver paths are relative to its own folder, and no folder watcher sees it change.
      const from = `${found.folder.path.replace(/\/+$/, '')}/`;
      this.policyBase = `${folderPath.slice(from.length)}/`;
      this.policyWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(found.folder, found.name));
      const reload = (): void => this.onPolicyChange();
      this.policyWatcher.onDidChange(reload);
      this.policyWatcher.onDidCreate(reload);
      this.policyWatcher.onDidDelete(reload);
    }
    for (const name of found ? [found.name] : []) {
      const uri = vscode.Uri.joinPath(found!.folder, name);
      let text: string;
      try {
        text = await readPolicyFile(uri);
      } catch (err) {
        // Listed but unreadable (a dangling link, no permission): a broken policy, never "no policy" (that would turn checks off).
        this.policyUri = uri;
        this.policyProblems = err instanceof PolicyError ? err.problems : [{ file: name, line: 1, column: 1, message: `cannot be read: ${err instanceof Error ? err.message : String(err)}` }];
        this.log.error(`${this.folder.name}: the policy ${name} cannot be read; ${this.policy.source ? 'the last valid version stays in force' : 'no requirements are checked until it can be'}.`);
        return;
      }
      this.policyUri = uri;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let parsed: { policy: Policy } | { problems: PolicyProblem[] };
      try {
        parsed = await this.worker.parsePolicy(name, open ? open.getText() : text);
      } catch (err) {
        parsed = { problems: [{ file: name, line: 1, column: 1, message: `could not be checked: ${err instanceof Error ? err.message : String(err)}` }] };
      }
      if ('policy' in parsed) {
        this.policy = parsed.policy;
        this.log.info(`${this.folder.name}: policy ${name}: requires ${this.policy.require.join(', ') || 'nothing'}`);
      } else {
        this.policyProblems = parsed.problems;
        const kept = this.policy.source ? 'the last valid version stays in force' : 'no requirements are checked until it is fixed';
        this.log.error(`${this.folder.name}: the policy ${name} is invalid; ${kept}:\n${this.policyProblems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`);
      }
      return;
    }
    this.policy = emptyPolicy();
  }

  /** Where the size limit comes from when the editor setting sets it (for the notes). */
  private sizeLimitSetting(): string | undefined {
    return setting('maxFileSizeKb') ? 'setting llmCompliance.maxFileSizeKb' : undefined;
  }

  /** The policy with the editor's own size limit, when one is set. */
  private effectivePolicy(): Policy {
    const max = setting('maxFileSizeKb');
    return max ? { ...this.policy, maxFileSizeKb: max } : this.policy;
  }

  /** Puts findings and endpoints where the editor shows them (notebook cells included). */
  private place(): void {
    this.cellMaps.clear();
    this.lineIndexes.clear();
    for (const nb of vscode.workspace.notebookDocuments) {
      const rel = this.relative(nb.uri);
      const text = rel !== undefined ? this.results.texts.get(rel) : undefined;
      if (rel !== undefined && text !== undefined && this.versions.has(rel)) this.cellMaps.set(rel, { cells: scannedCells(nb), maps: parseNotebook(text).cells });
    }
    // A finding that cannot be placed (no text: a binary or too-large file) sits at the file's start, never dropped.
    this.findings = this.results.findings.map((finding) => ({
      ...(this.placeOf(finding.file, finding.range.start, finding.range.end) ?? { uri: this.uriOf(finding.file), range: new vscode.Range(0, 0, 0, 0) }),
      finding,
      folder: this,
    }));
    this.endpoints = [];
    for (const endpoint of this.results.endpoints) {
      const place = this.placeOf(endpoint.file, endpoint.range.start, endpoint.range.end);
      if (place) this.endpoints.push({ ...place, endpoint, folder: this });
    }
  }

  /** Where offsets of an analysed file are in the editor. */
  placeOf(rel: string, start: number, end: number): Place | undefined {
    const text = this.results.texts.get(rel);
    const cells = this.cellMaps.get(rel);
    if (cells) {
      const a = cellOffset(cells.maps, start);
      const b = cellOffset(cells.maps, Math.max(start, end - 1));
      const cell = a && cells.cells[a.cell];
      if (!a || !b || !cell || a.cell !== b.cell) return undefined;
      const doc = cell.document;
      return { uri: doc.uri, range: new vscode.Range(doc.positionAt(a.offset), doc.positionAt(end > start ? b.offset + 1 : a.offset)) };
    }
    const uri = this.uriOf(rel);
    if (text === undefined) return undefined;
    let lines = this.lineIndexes.get(rel);
    if (!lines) this.lineIndexes.set(rel, (lines = new LineIndex(text)));
    const p = (o: number): vscode.Position => {
      const { line, column } = lines.position(o);
      return new vscode.Position(line - 1, column - 1);
    };
    return { uri, range: new vscode.Range(p(start), p(end)) };
  }

  /** A replacement text as the editor needs it: notebook JSON escapes undone inside a cell. */
  editText(rel: string, newText: string): string {
    return this.cellMaps.has(rel) ? (JSON.parse(`"${newText}"`) as string) : newText;
  }

  /** Stops this scan: a load or update still running sees its index gone and stops posting. */
  dispose(): void {
    this.policyWatcher?.dispose();
    this.index?.dispose();
    this.index = undefined;
  }
}

/**
 * A policy file's text. Only a regular file of sane size is read (a FIFO would never end, a
 * link to a device never stop), and text that is not UTF-8 is refused with its line, not guessed.
 */
async function readPolicyFile(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File)) throw new Error('it is not a regular file');
  if (stat.size > MAX_POLICY_FILE_BYTES) throw new Error(`it is larger than ${MAX_POLICY_FILE_BYTES / 1024} KB`);
  return decodePolicy(uri.path.slice(uri.path.lastIndexOf('/') + 1), await vscode.workspace.fs.readFile(uri));
}

/** The open notebook a cell document belongs to. */
export function notebookOf(cell: vscode.Uri): vscode.NotebookDocument | undefined {
  if (cell.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document.uri.toString() === cell.toString()));
}

/** The cells the engine reads: code cells, not raw ones (which VS Code shows as code cells in the language `raw`). */
function scannedCells(nb: vscode.NotebookDocument): vscode.NotebookCell[] {
  return nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId !== 'raw');
}

/** An open notebook as notebook JSON (code cells, one source line per string, as Jupyter writes it). */
export function notebookSource(nb: vscode.NotebookDocument): FileSource {
  const code = scannedCells(nb);
  const language = code[0]?.document.languageId ?? 'python';
  const json = JSON.stringify({
    metadata: { kernelspec: { language } },
    cells: code.map((c) => ({ cell_type: 'code', source: c.document.getText().split(/(?<=\n)/) })),
  }, null, 1);
  return { kind: 'text', text: json, version: nb.version };
}

function cellOffset(cells: NotebookCell[], raw: number): { cell: number; offset: number } | undefined {
  const cell = cells.findIndex((c) => raw >= c.rawOffset[0]! && raw <= c.rawOffset[c.rawOffset.length - 1]!);
  return cell < 0 ? undefined : { cell, offset: lastAtOrBelow(cells[cell]!.rawOffset, raw) };
}
