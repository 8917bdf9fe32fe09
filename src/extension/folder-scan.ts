// One workspace folder of the inventory: every scannable file of the folder, analysed in the
// background and kept current by document events and file watchers. Each folder has its
// own policy and its own WorkspaceIndex (src/core/workspace.ts), which does the judging;
// this file only feeds it files and hands its results to the views. Work runs in short
// slices that yield to the extension host, so typing never waits for a scan.

import * as vscode from 'vscode';
import { formatOf, tooLargeNote, type Engine } from '../core/engine';
import { ignoreLayer, isExcluded, type IgnoreLayer } from '../core/files';
import type { Endpoint, Finding, ScanNote } from '../core/model';
import { emptyPolicy, parsePolicy, PolicyError, POLICY_FILE_NAMES, type Policy, type PolicyProblem } from '../core/policy/policy';
import { WorkspaceIndex, type WorkspaceResults } from '../core/workspace';
import { setting } from './settings';
import { parseNotebook, type NotebookCell } from '../core/scan/config/notebook';
import { LineIndex } from '../core/text';

/** Longest stretch of work before yielding to the extension host. */
const SLICE_MS = 20;

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

type Source = { kind: 'disk' } | { kind: 'text'; text: string; version: number } | { kind: 'delete' };

export class FolderScan {
  policy: Policy = emptyPolicy();
  policyUri: vscode.Uri | undefined;
  /** Set while the policy file cannot be read; the last valid policy (or none) stays in force. */
  policyProblems: PolicyProblem[] = [];
  results: WorkspaceResults = { endpoints: [], findings: [], notes: [], texts: new Map() };
  /** Files skipped because the initial scan was cancelled. */
  cancelled = false;
  findings: PlacedFinding[] = [];
  endpoints: PlacedEndpoint[] = [];
  private index: WorkspaceIndex;
  private layers: IgnoreLayer[] = [];
  private readonly queue = new Map<string, Source>();
  /** The document (or notebook) version each file was analysed at, for files read from an open editor. */
  private readonly versions = new Map<string, number>();
  /** Versions of the texts behind the current results. */
  private publishedVersions = new Map<string, number>();
  private pumping: Promise<void> | undefined;
  private readonly cellMaps = new Map<string, { notebook: vscode.NotebookDocument; cells: NotebookCell[] }>();

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly engine: Engine,
    private readonly log: vscode.LogOutputChannel,
    private readonly onResults: (scan: FolderScan) => void,
    lastPolicy?: Policy,
  ) {
    if (lastPolicy) this.policy = lastPolicy;
    this.index = new WorkspaceIndex(engine, this.policy);
  }

  /** Reads the policy and the ignore files, then every scannable file of the folder. */
  async load(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<void> {
    await this.loadPolicy();
    this.index = new WorkspaceIndex(this.engine, this.effectivePolicy(), {});
    this.versions.clear();
    this.queue.clear();
    this.cancelled = false;
    const files = await this.listFiles(token);
    const open = openContents(this.folder);
    let done = 0;
    for (const rel of files) {
      if (token?.isCancellationRequested) {
        this.cancelled = true;
        this.log.warn(`${this.folder.name}: scan cancelled after ${done} of ${files.length} files; open files are still checked.`);
        break;
      }
      this.queue.set(rel, open.get(rel) ?? { kind: 'disk' });
      if (this.queue.size >= 200) {
        await this.pump();
        done = files.length - this.queue.size;
        progress?.report({ message: `${this.folder.name}: ${done} of ${files.length} files`, increment: (200 / files.length) * 100 });
      }
    }
    for (const [rel, source] of open) if (!this.queue.has(rel) && this.isScanned(rel)) this.queue.set(rel, source);
    await this.pump();
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

  isScanned(rel: string): boolean {
    return formatOf(rel) !== null && !isExcluded(rel, this.layers);
  }

  /** Queues a file: from an open editor's text, from disk, or gone. */
  update(rel: string, source: Source): Promise<void> {
    if (source.kind !== 'delete' && !this.isScanned(rel)) return Promise.resolve();
    if (source.kind === 'delete' && !this.index.has(rel)) {
      // A folder was deleted: everything below it goes.
      for (const file of this.index.files()) if (file.startsWith(`${rel}/`)) this.queue.set(file, source);
    } else this.queue.set(rel, source);
    return this.pump();
  }

  /** Whether the results for a file were computed from this document version (fixes are only offered then). */
  isCurrent(rel: string, version: number | undefined): boolean {
    return this.publishedVersions.get(rel) === version;
  }

  get busy(): boolean {
    return this.pumping !== undefined || this.queue.size > 0;
  }

  whenIdle(): Promise<void> {
    return this.pumping ?? Promise.resolve();
  }

  /** Runs queued work in slices; results are published once nothing is left, so stale results never show. */
  private pump(): Promise<void> {
    this.pumping ??= this.work().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  private async work(): Promise<void> {
    let deadline = Date.now() + SLICE_MS;
    const breathe = async (): Promise<void> => {
      if (Date.now() < deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
      deadline = Date.now() + SLICE_MS;
    };
    const maxBytes = this.effectivePolicy().maxFileSizeKb * 1024;
    for (;;) {
      while (this.queue.size) {
        const [rel, source] = this.queue.entries().next().value as [string, Source];
        this.queue.delete(rel);
        if (source.kind === 'delete') {
          this.index.delete(rel);
          this.versions.delete(rel);
        } else if (source.kind === 'text') {
          this.index.set(rel, source.text);
          this.versions.set(rel, source.version);
        } else {
          this.versions.delete(rel);
          await this.readFromDisk(rel, maxBytes);
        }
        await breathe();
      }
      const steps = this.index.settle();
      while (!steps.next().done) await breathe();
      if (!this.queue.size) break;
    }
    this.results = this.index.results();
    this.publishedVersions = new Map(this.versions);
    this.place();
    this.onResults(this);
  }

  private async readFromDisk(rel: string, maxBytes: number): Promise<void> {
    const uri = this.uriOf(rel);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxBytes) {
        this.index.setNote(rel, tooLargeNote(rel, stat.size, maxBytes));
        return;
      }
      this.index.set(rel, await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') this.index.delete(rel);
      else this.index.setNote(rel, { kind: 'unreadable', file: rel, message: `not readable: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  /** The files to scan: those the engine reads, minus dependency folders, `files.exclude`, .gitignore and the policy's ignores. */
  private async listFiles(token?: vscode.CancellationToken): Promise<string[]> {
    const gitignores = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/.gitignore'), null, undefined, token);
    const layers: IgnoreLayer[] = [];
    if (this.policy.ignore.length) layers.push(ignoreLayer('', this.policy.ignore));
    for (const uri of gitignores.sort((a, b) => a.path.length - b.path.length)) {
      const rel = this.relative(uri);
      if (rel === undefined || isExcluded(rel, layers)) continue;
      try {
        layers.push(ignoreLayer(rel.slice(0, rel.length - '.gitignore'.length), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
      } catch {
        // An unreadable .gitignore ignores nothing, as in the CLI.
      }
    }
    this.layers = layers;
    // findFiles applies files.exclude when no exclude pattern is given.
    const all = await vscode.workspace.findFiles(new vscode.RelativePattern(this.folder, '**/*'), undefined, undefined, token);
    return all.map((u) => this.relative(u)).filter((rel): rel is string => rel !== undefined && this.isScanned(rel)).sort();
  }

  private async loadPolicy(): Promise<void> {
    this.policyProblems = [];
    this.policyUri = undefined;
    for (const name of POLICY_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(this.folder.uri, name);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      }
      this.policyUri = uri;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      try {
        this.policy = parsePolicy(name, open ? open.getText() : text);
        this.log.info(`${this.folder.name}: policy ${name}: requires ${this.policy.require.join(', ') || 'nothing'}`);
      } catch (err) {
        this.policyProblems = err instanceof PolicyError ? err.problems : [{ file: name, line: 1, column: 1, message: String(err) }];
        const kept = this.policy.source ? 'the last valid version stays in force' : 'no requirements are checked until it is fixed';
        this.log.error(`${this.folder.name}: the policy ${name} is invalid; ${kept}:\n${this.policyProblems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`);
      }
      return;
    }
    this.policy = emptyPolicy();
  }

  /** The policy with the editor's own size limit, when one is set. */
  private effectivePolicy(): Policy {
    const max = setting('maxFileSizeKb');
    return max ? { ...this.policy, maxFileSizeKb: max } : this.policy;
  }

  /** Puts findings and endpoints where the editor shows them (notebook cells included). */
  private place(): void {
    this.cellMaps.clear();
    for (const nb of vscode.workspace.notebookDocuments) {
      const rel = this.relative(nb.uri);
      const text = rel !== undefined ? this.results.texts.get(rel) : undefined;
      if (rel !== undefined && text !== undefined && this.versions.has(rel)) this.cellMaps.set(rel, { notebook: nb, cells: parseNotebook(text).cells });
    }
    this.findings = [];
    for (const finding of this.results.findings) {
      const place = this.placeOf(finding.file, finding.range.start, finding.range.end);
      if (place) this.findings.push({ ...place, finding, folder: this });
    }
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
      const a = cellOffset(cells.cells, start);
      const b = cellOffset(cells.cells, Math.max(start, end - 1));
      const cell = a && cells.notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code)[a.cell];
      if (!a || !b || !cell || a.cell !== b.cell) return undefined;
      const doc = cell.document;
      return { uri: doc.uri, range: new vscode.Range(doc.positionAt(a.offset), doc.positionAt(end > start ? b.offset + 1 : a.offset)) };
    }
    const uri = this.uriOf(rel);
    if (text === undefined) return { uri, range: new vscode.Range(0, 0, 0, 0) };
    const lines = new LineIndex(text);
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

  /** Diagnostics in the policy file for the problems that make it invalid. */
  policyDiagnostics(): [vscode.Uri, vscode.Diagnostic[]] | undefined {
    if (!this.policyUri) return undefined;
    return [this.policyUri, this.policyProblems.map((p) => {
      const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
      const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), `Invalid policy: ${p.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'llm-compliance';
      d.code = 'policy';
      return d;
    })];
  }

  notes(): ScanNote[] {
    return this.results.notes;
  }
}

/** Open editors' texts (and open notebooks, as notebook JSON) for the files of a folder. */
export function openContents(folder: vscode.WorkspaceFolder): Map<string, Source> {
  const out = new Map<string, Source>();
  const rel = (uri: vscode.Uri): string | undefined => {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    return uri.scheme === folder.uri.scheme && uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  };
  for (const doc of vscode.workspace.textDocuments) {
    const r = rel(doc.uri);
    if (r !== undefined) out.set(r, { kind: 'text', text: doc.getText(), version: doc.version });
  }
  for (const nb of vscode.workspace.notebookDocuments) {
    const r = rel(nb.uri);
    if (r !== undefined && r.endsWith('.ipynb')) out.set(r, notebookSource(nb));
  }
  return out;
}

/** An open notebook as notebook JSON (code cells, one source line per string, as Jupyter writes it). */
export function notebookSource(nb: vscode.NotebookDocument): Source {
  const code = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
  const language = code[0]?.document.languageId ?? 'python';
  const json = JSON.stringify({
    metadata: { kernelspec: { language } },
    cells: code.map((c) => ({ cell_type: 'code', source: c.document.getText().split(/(?<=\n)/) })),
  }, null, 1);
  return { kind: 'text', text: json, version: nb.version };
}

function cellOffset(cells: NotebookCell[], raw: number): { cell: number; offset: number } | undefined {
  for (let i = 0; i < cells.length; i++) {
    const map = cells[i]!.rawOffset;
    if (raw < map[0]! || raw > map[map.length - 1]!) continue;
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid]! <= raw) lo = mid;
      else hi = mid - 1;
    }
    return { cell: i, offset: lo };
  }
  return undefined;
}
