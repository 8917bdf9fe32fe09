// The workspace inventory: one FolderScan per workspace folder, fed by editor events
// (debounced per document) and file watchers, started with a cancellable progress
// notification. Views (diagnostics, status bar, hovers, fixes) read it and listen to it.

import * as vscode from 'vscode';
import { type IndexChannel, IndexWorker } from './index-client';
import { FolderScan, notebookOf, notebookSource, type FileSource, type PlacedEndpoint, type PlacedFinding } from './folder-scan';
import { setting } from './settings';

export class Inventory implements vscode.Disposable {
  private readonly folders = new Map<string, FolderScan>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The update each debounce timer will run. */
  private readonly pending = new Map<string, () => void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<FolderScan | undefined>();
  /** Fires when a folder's results change (undefined: folders were added or removed). */
  readonly onDidChange = this.changed.event;
  private loading: Promise<void> = Promise.resolve();
  private enabled = setting('enable');

  private worker: IndexWorker | undefined;
  private firstLoad = true;
  /**
   * Whether every folder is read whole. Until then a folder with no policy at or above it only
   * has its open files checked (its whole-workspace scan would cost every window that merely
   * contains a package.json); showing the sidebar, Rescan or a policy appearing reads it all.
   */
  private wholeWorkspace = false;
  /** Whether start() ran: asked for before it, the whole scan is simply the first one. */
  private started = false;

  constructor(
    private readonly startWorker: () => IndexChannel,
    private readonly log: vscode.LogOutputChannel,
    /** When activation began (Date.now()): the log and the bench time the first results from it. */
    readonly activatedAt = Date.now(),
  ) {
    const w = vscode.workspace;
    this.disposables.push(
      this.changed,
      w.onDidChangeWorkspaceFolders(() => void this.reload()),
      w.onDidOpenTextDocument((d) => this.fromEditor(d.uri, () => this.textOf(d))),
      w.onDidChangeTextDocument((e) => e.contentChanges.length && this.fromEditor(e.document.uri, () => this.textOf(e.document), setting('debounceMs'))),
      // Closed without saving: the disk is the truth again.
      w.onDidCloseTextDocument((d) => this.fromEditor(d.uri, () => ({ kind: 'disk' }))),
      w.onDidOpenNotebookDocument((nb) => this.fromEditor(nb.uri, () => notebookSource(nb))),
      w.onDidChangeNotebookDocument((e) => this.fromEditor(e.notebook.uri, () => notebookSource(e.notebook), setting('debounceMs'))),
      w.onDidCloseNotebookDocument((nb) => this.fromEditor(nb.uri, () => ({ kind: 'disk' }))),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('llmCompliance.enable') || e.affectsConfiguration('llmCompliance.maxFileSizeKb') || e.affectsConfiguration('files.exclude')) void this.reload();
        else if (e.affectsConfiguration('llmCompliance.severity')) this.changed.fire(undefined);
      }),
    );
    const watcher = w.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.fromDisk(uri)),
      watcher.onDidChange((uri) => this.fromDisk(uri)),
      watcher.onDidDelete((uri) => this.fromDisk(uri, true)),
    );
  }

  /**
   * The first scan, after activation returns: the worker's start, its engine and the file
   * search then never delay activate(). Waiters (whenIdle) wait for it from now on.
   */
  start(): Promise<void> {
    this.started = true;
    this.loading = new Promise((resolve) => setTimeout(resolve, 0));
    return this.reload();
  }

  /** Notes in the log how long loading the bundle and activate() took. */
  logActivation(t: { loadMs: number; activateMs: number }): void {
    this.log.info(`Activated in ${t.activateMs.toFixed(1)} ms (bundle loaded in ${t.loadMs.toFixed(1)} ms).`);
  }

  /** Reads every folder whole, also those without a policy (the sidebar was shown, or Rescan). */
  scanWorkspace(): Promise<void> {
    if (this.wholeWorkspace) return this.loading;
    this.wholeWorkspace = true;
    if (!this.started) return this.loading;
    this.log.info('Scanning the whole workspace (asked for by the sidebar or Rescan).');
    return this.reload();
  }

  /** Rescan: every folder whole, from the start. */
  rescan(): Promise<void> {
    this.wholeWorkspace = true;
    return this.reload();
  }

  /** Scans every folder again from the start (on start, and when policies, ignores or settings change). */
  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.loadAll()).catch((err: unknown) => {
      this.log.error(`The workspace scan failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    });
    return this.loading;
  }

  /** The analysis worker; a new one after a crash (the crash is reported, and Rescan starts over). */
  private analysisWorker(): IndexWorker {
    if (!this.worker || this.worker.failed) {
      this.worker?.dispose();
      this.worker = new IndexWorker(this.startWorker(), (err) => {
        this.log.error(`The analysis worker stopped: ${err.stack ?? err.message}. Run "LLM Compliance: Rescan Workspace" to start again.`);
        void vscode.window.showErrorMessage(vscode.l10n.t('LLM Compliance: the analysis stopped unexpectedly; diagnostics are out of date until you rescan. See the log.'), vscode.l10n.t('Rescan')).then((pick) => {
          if (pick) void this.reload();
        });
      });
    }
    return this.worker;
  }

  private async loadAll(): Promise<void> {
    this.enabled = setting('enable');
    // A policy that turns invalid keeps the last valid one in force: a typo must not turn checks off.
    const lastPolicies = new Map([...this.folders].map(([key, scan]) => [key, scan.policy]));
    for (const scan of this.folders.values()) scan.dispose();
    this.folders.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
    if (!this.enabled) {
      this.log.info('Disabled by llmCompliance.enable.');
      this.changed.fire(undefined);
      return;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    const worker = this.analysisWorker();
    for (const folder of folders) {
      const key = folder.uri.toString();
      this.folders.set(key, new FolderScan(folder, worker, this.log, (s) => this.changed.fire(s), () => void this.reload(), lastPolicies.get(key)));
    }
    const started = Date.now();
    // A folder is read whole when it has a policy (a broken one too: its problems must show) or when asked for.
    const scans = [...this.folders.values()];
    await Promise.all(scans.map(async (scan) => {
      scan.whole = this.wholeWorkspace || (await scan.findPolicy().catch(() => undefined)) !== undefined;
    }));
    const loadAll = async (progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<void> => {
      for (const scan of scans) {
        // One folder's failure (a crashed worker) must not leave the others unread, and busy for ever.
        await scan.load(progress, token, 1 / scans.length).catch((err: unknown) => {
          scan.failed = true;
          this.log.error(`${scan.folder.name}: the scan failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        });
      }
    };
    // Only open files to check: no progress notification for that.
    if (scans.some((s) => s.whole)) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('LLM Compliance: scanning the workspace'), cancellable: true }, loadAll);
    } else await loadAll();
    const files = scans.reduce((n, s) => n + s.results.texts.size, 0);
    const sinceActivation = this.firstLoad ? `, ${Date.now() - this.activatedAt} ms after activation` : '';
    this.firstLoad = false;
    const partial = scans.filter((s) => !s.whole).map((s) => s.folder.name);
    const openOnly = partial.length ? `; open files only in ${partial.join(', ')} (no policy; the sidebar or Rescan reads them whole)` : '';
    this.log.info(`Scanned ${folders.length} folder(s) in ${Date.now() - started} ms${sinceActivation}: ${this.endpoints().length} endpoints, ${this.findings().length} findings (${files} files with endpoints or waivers)${openOnly}.`);
    this.changed.fire(undefined);
  }

  /** Resolves when no scan, debounce or re-analysis is pending. */
  async whenIdle(): Promise<void> {
    for (;;) {
      await this.loading;
      if (this.timers.size) await new Promise((r) => setTimeout(r, 50));
      else {
        await Promise.all([...this.folders.values()].map((s) => s.whenIdle()));
        if (!this.timers.size && ![...this.folders.values()].some((s) => s.busy)) return;
      }
    }
  }

  /** Runs the pending (debounced) updates of a document's folder now and waits for its results. */
  async flush(uri: vscode.Uri): Promise<void> {
    const scan = this.scanOf(uri);
    for (const [key, run] of [...this.pending]) {
      if (this.scanOf(vscode.Uri.parse(key)) !== scan) continue;
      clearTimeout(this.timers.get(key));
      run();
    }
    await scan?.whenIdle();
  }

  scans(): FolderScan[] {
    return [...this.folders.values()];
  }

  scanOf(uri: vscode.Uri): FolderScan | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(notebookOf(uri)?.uri ?? uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /** The folder the sidebar speaks for: the active editor's, else the first. */
  activeScan(): FolderScan | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return (uri && this.scanOf(uri)) || this.scans()[0];
  }

  findings(): PlacedFinding[] {
    return this.scans().flatMap((s) => s.findings);
  }

  endpoints(): PlacedEndpoint[] {
    return this.scans().flatMap((s) => s.endpoints);
  }

  private textOf(d: vscode.TextDocument): { kind: 'text'; text: string; version: number } | undefined {
    // Cells are analysed as part of their notebook.
    return d.uri.scheme === 'vscode-notebook-cell' ? undefined : { kind: 'text', text: d.getText(), version: d.version };
  }

  private fromEditor(uri: vscode.Uri, source: () => FileSource | undefined, delay = 0): void {
    if (!this.enabled) return;
    const scan = this.scanOf(uri);
    const rel = scan?.relative(uri);
    if (!scan || rel === undefined || scan.isPolicyFile(rel)) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    const run = (): void => {
      this.timers.delete(key);
      this.pending.delete(key);
      const s = source();
      if (s) void scan.update(rel, s);
    };
    if (delay > 0) {
      this.timers.set(key, setTimeout(run, delay));
      this.pending.set(key, run);
    } else run();
  }

  private fromDisk(uri: vscode.Uri, deleted = false): void {
    if (!this.enabled) return;
    const scan = this.scanOf(uri);
    const rel = scan?.relative(uri);
    if (!scan || rel === undefined) return;
    // The policy and ignore files decide what is scanned and how: start the folder over.
    const startOver = (): void => {
      this.log.info(`${scan.folder.name}: ${rel} changed; scanning the folder again.`);
      void this.reload();
    };
    if (scan.isPolicyFile(rel)) return startOver();
    if (rel === '.gitignore' || rel.endsWith('/.gitignore')) {
      void scan.isIgnored(rel).then((ignored) => ignored || startOver());
      return;
    }
    // A folder read for its open files only: other files are not read until it is read whole.
    if (!scan.whole && !deleted && !scan.holds(rel)) return;
    // An open editor's text wins over the disk until it is closed.
    if (!deleted && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    if (!deleted && vscode.workspace.notebookDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    void scan.update(rel, deleted ? { kind: 'delete' } : { kind: 'disk' });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.worker?.dispose();
  }
}
