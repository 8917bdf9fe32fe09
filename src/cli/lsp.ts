// `llm-compliance lsp --stdio`: the engine as a Language Server, for editors other than VS
// Code (Neovim, Helix, Zed, JetBrains, Sublime). A thin host like the extension: it lists and
// reads each workspace folder as the CLI does, keeps the core's WorkspaceIndex current with
// the open documents, and turns its findings into diagnostics, hovers and code actions.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type Hover, type InitializeResult, type Range, type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  checksNothing, emptyPolicy, Engine, type Finding, type Fix, fixAllOf, formatOf, type IgnoreLayer, isExcluded, LineIndex, NO_POLICY_CODE, noPolicyHints, type Policy, POLICY_FILE_NAMES, PolicyError, type PolicyProblem, readLimit,
  type ScanNote, type Severity, WorkspaceIndex, type WorkspaceResults,
} from '../core';
import { readForScan } from './read-file';
import { findPolicy } from './scan';
import { problemNote, walk, type WalkProblem } from './walk';

const SOURCE = 'llm-compliance';
/** The code action kind for "fix all" (also for codeActionsOnSave), as the VS Code extension names it. */
const FIX_ALL = `${CodeActionKind.SourceFixAll}.llmCompliance`;
/** How long edits are let settle before the workspace is judged again. */
const DEBOUNCE_MS = 150;

/** One workspace folder: its policy, the walk's rules, its index, and what it last published. */
class Folder {
  policy: Policy = emptyPolicy();
  policyFile: string | undefined;
  policyProblems: PolicyProblem[] = [];
  index: WorkspaceIndex;
  /** Why the folder could not be read at all (it is gone, or not a folder); said, never silent. */
  failure: string | undefined;
  /** The ignore rules the walk read (policy, .gitignore files): a file it did not meet is judged by them. */
  private layers: IgnoreLayer[] = [];
  /** Files changed in open documents since the last publish, with their text. */
  readonly pending = new Map<string, string>();
  /** What was last sent per file, so that only changes are sent again. */
  published = new Map<string, string>();
  results: WorkspaceResults | undefined;

  constructor(readonly root: string, private readonly engine: Engine) {
    this.index = new WorkspaceIndex(engine, this.policy);
  }

  /** Reads the policy and every file the CLI would scan, code first (as the CLI does). */
  async load(): Promise<void> {
    this.policyProblems = [];
    this.failure = undefined;
    this.results = undefined;
    try {
      const found = await findPolicy([this.root], undefined, this.root);
      this.policy = found.policy;
      this.policyFile = found.file;
    } catch (err) {
      // A broken policy is shown on the policy file; until it is fixed nothing is judged against it.
      if (!(err instanceof PolicyError)) return this.fail(err);
      this.policy = emptyPolicy();
      this.policyProblems = err.problems;
    }
    const problems: WalkProblem[] = [];
    const ignore = this.policyFile && this.policy.ignore.length ? { base: path.dirname(this.policyFile), patterns: this.policy.ignore } : undefined;
    this.layers = [];
    let files: string[];
    try {
      files = [...walk(this.root, ignore, problems, [this.root], this.layers)].map((abs) => this.relative(abs)!);
    } catch (err) {
      return this.fail(err);
    }
    this.index = new WorkspaceIndex(this.engine, this.policy, {
      pathForPolicy: (file) => path.relative(this.policyFile ? path.dirname(this.policyFile) : this.root, path.join(this.root, file)).split(path.sep).join('/'),
      folderNotes: problems.map((p) => problemNote(p, this.relative(p.file) ?? p.file)),
    });
    await this.index.addAll({ files, read: (file) => this.readFromDisk(file) });
  }

  private fail(err: unknown): void {
    this.failure = `${this.root} cannot be analysed: ${err instanceof Error ? err.message : String(err)}`;
    this.index = new WorkspaceIndex(this.engine, emptyPolicy());
  }

  /** Whether the CLI would scan this file: a format the engine reads, outside dependency folders and ignored paths. */
  inScope(file: string): boolean {
    return this.index.has(file) || (formatOf(file) !== null && !isExcluded(file, this.layers));
  }

  private readFromDisk(file: string): Uint8Array | ScanNote {
    const maxFileSize = this.policy.maxFileSizeKb * 1024;
    return readForScan(path.join(this.root, file), file, readLimit(file, maxFileSize), maxFileSize);
  }

  /** A file as it is on disk (a closed document, or one changed by another program); gone from the index when it is gone from disk. */
  setFromDisk(file: string): void {
    if (!this.inScope(file)) return;
    const read = this.readFromDisk(file);
    if (read instanceof Uint8Array) this.index.set(file, read);
    else if (/ENOENT|ENOTDIR/.test(read.message)) this.index.delete(file);
    else this.index.setNote(file, read);
  }

  /** A file or a folder removed from disk: its files leave the index. */
  deleteFromDisk(rel: string): void {
    for (const file of this.index.files()) if (file === rel || file.startsWith(`${rel}/`)) this.index.delete(file);
  }

  relative(abs: string): string | undefined {
    const rel = path.relative(this.root, abs);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  }

  uriOf(file: string): string {
    return pathToFileURL(path.join(this.root, file)).href;
  }

  /** Whether a change to this path changes the rules the folder is read by: its policy (wherever it is) or a .gitignore. */
  changesRules(abs: string): boolean {
    if (abs === this.policyFile) return true;
    // A policy file in the folder or any folder above it may now be the nearest (or stop being it).
    if (POLICY_FILE_NAMES.includes(path.basename(abs))) return isInside(this.root, path.dirname(abs));
    const rel = this.relative(abs);
    // A .gitignore in an ignored or dependency folder changes nothing (npm install writes hundreds).
    return rel !== undefined && path.basename(abs) === '.gitignore' && !isExcluded(rel, this.layers);
  }
}

/** Starts a server on the given streams (stdin/stdout for `--stdio`); it runs until the client sends exit. */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, engine = new Engine()): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const folders: Folder[] = [];
  let timer: NodeJS.Timeout | undefined;
  let watchesFiles = false;
  let warnedOutside = false;

  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined; // a file URL this platform cannot name (file://server/share on Linux)
    }
  };
  const folderOf = (uri: string): { folder: Folder; file: string } | undefined => {
    const abs = pathOf(uri);
    if (abs === undefined) return undefined;
    for (const folder of folders) {
      const file = folder.relative(abs);
      if (file !== undefined) return { folder, file };
    }
    return undefined;
  };
  /** A document no folder analyses is said once, not silently left without diagnostics. */
  const outside = (uri: string): void => {
    if (warnedOutside) return;
    warnedOutside = true;
    void connection.window.showWarningMessage(`LLM Compliance analyses the files of the workspace folders only; ${uri} is outside them. Open its project folder to check it.`);
  };

  /** Brings the folders up to date with the open documents, and sends the diagnostics that changed. */
  const publish = (): void => {
    clearTimeout(timer);
    timer = undefined;
    for (const folder of folders) {
      for (const [file, text] of folder.pending) if (folder.inScope(file)) folder.index.set(file, text);
      if (folder.pending.size || !folder.results) folder.results = folder.index.results();
      folder.pending.clear();
      const byFile = diagnosticsOf(folder, folder.results, documents);
      for (const file of folder.published.keys()) if (!byFile.has(file)) byFile.set(file, []);
      const sent = new Map<string, string>();
      for (const [file, diagnostics] of byFile) {
        const key = JSON.stringify(diagnostics);
        if (diagnostics.length) sent.set(file, key);
        if (folder.published.get(file) !== key) void connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
      }
      folder.published = sent;
    }
  };
  const publishSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(publish, DEBOUNCE_MS);
  };
  /** The folder's results with every edit so far applied (a hover or code action right after typing). */
  const resultsOf = (folder: Folder): WorkspaceResults => {
    if (folder.pending.size || !folder.results) publish();
    return folder.results!;
  };
  const reload = async (folder: Folder): Promise<void> => {
    await folder.load();
    if (folder.failure) void connection.window.showErrorMessage(`LLM Compliance: ${folder.failure}`);
    for (const document of documents.all()) {
      const place = folderOf(document.uri);
      if (place?.folder === folder && folder.inScope(place.file)) folder.pending.set(place.file, document.getText());
    }
    folder.results = undefined;
    publishSoon();
  };

  connection.onInitialize((params): InitializeResult => {
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    for (const uri of roots) {
      const root = pathOf(uri);
      if (root !== undefined) folders.push(new Folder(root, engine));
    }
    watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
      },
      serverInfo: { name: 'llm-compliance' },
    };
  });

  connection.onInitialized(async () => {
    if (watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    // One folder that cannot be read never stops the others.
    for (const folder of folders) {
      await folder.load();
      if (folder.failure) void connection.window.showErrorMessage(`LLM Compliance: ${folder.failure}`);
    }
    publish();
  });

  documents.onDidChangeContent(({ document }) => {
    const place = folderOf(document.uri);
    if (!place) return outside(document.uri);
    // Files the CLI would not scan (dependency folders, ignored paths) are not judged, nor do they feed the others.
    if (!place.folder.inScope(place.file)) return;
    place.folder.pending.set(place.file, document.getText());
    publishSoon();
  });
  documents.onDidClose(({ document }) => {
    const place = folderOf(document.uri);
    if (!place) return;
    // Back to what is on disk (unsaved edits are gone with the document); a file never saved leaves the index.
    place.folder.pending.delete(place.file);
    place.folder.setFromDisk(place.file);
    place.folder.results = undefined;
    publishSoon();
  });
  documents.onDidSave(({ document }) => {
    const abs = pathOf(document.uri);
    for (const folder of folders) if (abs !== undefined && folder.changesRules(abs)) void reload(folder);
  });
  // Files changed by other programs (git checkout, a formatter), when the client watches for us.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    // Each folder read again at most once per batch of changes.
    const reloads = new Set<Folder>();
    for (const { uri, type } of changes) {
      const abs = pathOf(uri);
      if (abs === undefined) continue;
      for (const folder of folders) if (folder.changesRules(abs)) reloads.add(folder);
      const place = folderOf(uri);
      if (!place || reloads.has(place.folder) || documents.get(uri)) continue;
      if (type === FileChangeType.Deleted) place.folder.deleteFromDisk(place.file);
      // A folder that appears (a rename, a checkout) is reported as one change: its files are placed by the walk's rules.
      else if (fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) reloads.add(place.folder);
      else place.folder.setFromDisk(place.file);
      place.folder.results = undefined;
    }
    for (const folder of reloads) void reload(folder);
    publishSoon();
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const place = folderOf(textDocument.uri);
    const document = documents.get(textDocument.uri);
    if (!place || !document) return null;
    const offset = document.offsetAt(position);
    const results = resultsOf(place.folder);
    const endpoints = results.endpoints.filter((e) => e.file === place.file && e.range.start <= offset && offset <= e.range.end);
    if (!endpoints.length) return null;
    const findings = results.findings.filter((f) => f.file === place.file && !f.suppression && f.range.start <= offset && offset <= f.range.end);
    const yesNo = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');
    const lines = endpoints.map((e) => `**${e.host ?? 'host unknown'}** — ${e.provider ?? 'provider unknown'}, region ${e.region ?? 'unknown'}; EU resident: ${yesNo(e.euResident)}; BAA available: ${yesNo(e.baaAvailable)}`);
    for (const f of findings) lines.push(`${f.ruleId} (${f.severity}): ${f.message}`);
    return { contents: { kind: 'markdown', value: lines.join('\n\n') } };
  });

  connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    const place = folderOf(textDocument.uri);
    const document = documents.get(textDocument.uri);
    if (!place || !document) return [];
    const findings = resultsOf(place.folder).findings.filter((f) => f.file === place.file && !f.suppression && f.fixes.length);
    const wanted = (kind: string): boolean => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix)) {
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      for (const f of findings.filter((x) => x.range.start <= to && from <= x.range.end)) {
        for (const fix of f.fixes) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred === true, edit: { changes: { [textDocument.uri]: editsOf(document, fix) } } });
        }
      }
    }
    if (wanted(FIX_ALL)) {
      const edits = fixAllEdits(document, findings);
      if (edits.length) actions.push({ title: 'Fix all LLM Compliance problems with a clear fix', kind: FIX_ALL, edit: { changes: { [textDocument.uri]: edits } } });
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** Each file's diagnostics: unwaived findings, the policy's problems, and without a policy the notes and a hint at each endpoint. */
function diagnosticsOf(folder: Folder, results: WorkspaceResults, documents: TextDocuments<TextDocument>): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  const add = (file: string, d: Diagnostic): void => void byFile.set(file, [...(byFile.get(file) ?? []), d]);
  const lines = linesOf(folder, results.texts, documents);
  for (const f of results.findings) if (!f.suppression) add(f.file, toDiagnostic(folder, f, lines));
  // Without a policy the notes say what was not analysed (under one, each is an LLMC008 finding above).
  if (!folder.policy.source) for (const note of results.notes) add(note.file, noteDiagnostic(note));
  // Without one (and none broken), each endpoint says it was not checked: an empty list must not read as compliant.
  if (checksNothing(folder.policy) && !folder.policyProblems.length) {
    for (const h of noPolicyHints(results.endpoints, folder.policy)) add(h.file, { range: rangeOf(lines(h.file), h.range.start, h.range.end), severity: DiagnosticSeverity.Information, code: NO_POLICY_CODE, source: SOURCE, message: h.message });
  }
  // Problems name the policy file relative to the folder (findPolicy's working directory).
  for (const p of folder.policyProblems) add(p.file, policyDiagnostic(p));
  return byFile;
}

/** Line indexes for the texts findings point into: the text the engine read (offsets are into it), else the open document's. */
function linesOf(folder: Folder, texts: Map<string, string>, documents: TextDocuments<TextDocument>): (file: string) => LineIndex {
  const cache = new Map<string, LineIndex>();
  return (file) => {
    let index = cache.get(file);
    if (!index) cache.set(file, (index = new LineIndex(texts.get(file) ?? documents.get(folder.uriOf(file))?.getText() ?? '')));
    return index;
  };
}

function rangeOf(lines: LineIndex, start: number, end: number): Range {
  const a = lines.position(start);
  const b = lines.position(end);
  return { start: { line: a.line - 1, character: a.column - 1 }, end: { line: b.line - 1, character: b.column - 1 } };
}

function toDiagnostic(folder: Folder, f: Finding, lines: (file: string) => LineIndex): Diagnostic {
  const related = (f.related ?? []).map((r) => ({
    location: { uri: folder.uriOf(r.file), range: r.range ? rangeOf(lines(r.file), r.range.start, r.range.end) : lineRange((r.line ?? 1) - 1) },
    message: r.message,
  }));
  return {
    range: rangeOf(lines(f.file), f.range.start, f.range.end),
    severity: SEVERITIES[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    ...(related.length ? { relatedInformation: related } : {}),
  };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, note: DiagnosticSeverity.Information };

function noteDiagnostic(note: ScanNote): Diagnostic {
  return { range: lineRange(Math.max(0, (note.line ?? 1) - 1)), severity: DiagnosticSeverity.Information, code: note.kind, source: SOURCE, message: `LLM Compliance: ${note.message}` };
}

function policyDiagnostic(p: PolicyProblem): Diagnostic {
  const line = Math.max(0, p.line - 1);
  const character = Math.max(0, p.column - 1);
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, severity: DiagnosticSeverity.Error, code: 'policy', source: SOURCE, message: `Invalid policy: ${p.message}` };
}

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function editsOf(document: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
}

/** Every finding's one clear fix, each once, none overlapping another (core/fix-all.ts). */
function fixAllEdits(document: TextDocument, findings: Finding[]): LspTextEdit[] {
  return fixAllOf(findings.map((finding) => ({ finding }))).flatMap(({ fix }) => editsOf(document, fix));
}

/** Whether `file` is `folder` or lies below it. */
function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
