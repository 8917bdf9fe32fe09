// `llm-compliance lsp --stdio`: the engine as a Language Server, for editors other than VS
// Code (Neovim, Helix, Zed, JetBrains, Sublime). A thin host like the extension: it lists and
// reads each workspace folder as the CLI does, keeps the core's WorkspaceIndex current with
// the open documents, and turns its findings into diagnostics, hovers and code actions.

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Connection, type Diagnostic, type Hover, type InitializeResult, type Range, type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  emptyPolicy, Engine, type Finding, type Fix, LineIndex, type Policy, PolicyError, type PolicyProblem, readLimit, type ScanNote, type Severity, WorkspaceIndex,
} from '../core';
import { readForScan } from './read-file';
import { findPolicy } from './scan';
import { walk, type WalkProblem } from './walk';

const SOURCE = 'llm-compliance';
/** The code action kind for "fix all" (also for codeActionsOnSave), as the VS Code extension names it. */
const FIX_ALL = `${CodeActionKind.SourceFixAll}.llmCompliance`;
/** How long edits are let settle before the workspace is judged again. */
const DEBOUNCE_MS = 150;

/** One workspace folder: its policy, its index, and the files it last published diagnostics for. */
class Folder {
  policy: Policy = emptyPolicy();
  policyFile: string | undefined;
  policyProblems: PolicyProblem[] = [];
  index!: WorkspaceIndex;
  published = new Set<string>();

  constructor(readonly root: string, private readonly engine: Engine, private readonly documents: TextDocuments<TextDocument>) {}

  /** Reads the policy and every file the CLI would scan. */
  load(): void {
    this.policyProblems = [];
    try {
      const found = findPolicy([this.root], undefined, this.root);
      this.policy = found.policy;
      this.policyFile = found.file;
    } catch (err) {
      // A broken policy is shown on the policy file; until it is fixed nothing is judged against it.
      if (!(err instanceof PolicyError)) throw err;
      this.policy = emptyPolicy();
      this.policyProblems = err.problems;
    }
    const maxFileSize = this.policy.maxFileSizeKb * 1024;
    this.index = new WorkspaceIndex(this.engine, this.policy, {
      pathForPolicy: (file) => path.relative(this.policyFile ? path.dirname(this.policyFile) : this.root, path.join(this.root, file)).split(path.sep).join('/'),
      reread: (file) => this.documents.get(this.uriOf(file))?.getText() ?? readForScan(path.join(this.root, file), file, readLimit(file, maxFileSize), maxFileSize),
    });
    const problems: WalkProblem[] = [];
    const ignore = this.policyFile && this.policy.ignore.length ? { base: path.dirname(this.policyFile), patterns: this.policy.ignore } : undefined;
    for (const abs of walk(this.root, ignore, problems)) this.setFromDisk(this.relative(abs)!);
    for (const p of problems) this.index.setNote(this.relative(p.file) ?? p.file, { kind: p.kind ?? 'unreadable', file: this.relative(p.file) ?? p.file, ...(p.line ? { line: p.line } : {}), message: p.message });
  }

  /** A file as it is on disk (a closed document, or one changed by another program). */
  setFromDisk(file: string): void {
    const maxFileSize = this.policy.maxFileSizeKb * 1024;
    const read = readForScan(path.join(this.root, file), file, readLimit(file, maxFileSize), maxFileSize);
    if (read instanceof Uint8Array) this.index.set(file, read);
    else this.index.setNote(file, read);
  }

  relative(abs: string): string | undefined {
    const rel = path.relative(this.root, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  }

  uriOf(file: string): string {
    return pathToFileURL(path.join(this.root, file)).href;
  }

  isPolicy(abs: string): boolean {
    return abs === this.policyFile || (!this.policyFile && /^\.llm-compliance\.(?:ya?ml|json)$/.test(path.basename(abs)) && path.dirname(abs) === this.root);
  }
}

/** Starts a server on the given streams (stdin/stdout for `--stdio`); resolves when the client exits. */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, engine = new Engine()): Connection {
  const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const folders: Folder[] = [];
  let timer: NodeJS.Timeout | undefined;
  let watchesFiles = false;

  const folderOf = (uri: string): { folder: Folder; file: string } | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const abs = fileURLToPath(uri);
    for (const folder of folders) {
      const file = folder.relative(abs);
      if (file !== undefined) return { folder, file };
    }
    return undefined;
  };

  const publish = (): void => {
    for (const folder of folders) {
      const results = folder.index.results();
      const byFile = new Map<string, Diagnostic[]>();
      const add = (file: string, d: Diagnostic): void => void byFile.set(file, [...(byFile.get(file) ?? []), d]);
      const lines = linesOf(folder, results.texts, documents);
      for (const f of results.findings) if (!f.suppression) add(f.file, toDiagnostic(folder, f, lines));
      // Without a policy the notes say what was not analysed (under one, each is an LLMC008 finding above).
      if (!folder.policy.source) for (const note of results.notes) add(note.file, noteDiagnostic(note));
      // Problems name the policy file relative to the folder (findPolicy's working directory).
      for (const p of folder.policyProblems) add(p.file, policyDiagnostic(p));
      for (const file of folder.published) if (!byFile.has(file)) void connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics: [] });
      for (const [file, diagnostics] of byFile) void connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
      folder.published = new Set(byFile.keys());
    }
  };
  const publishSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(publish, DEBOUNCE_MS);
  };

  connection.onInitialize((params): InitializeResult => {
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    for (const uri of roots) if (uri.startsWith('file:')) folders.push(new Folder(fileURLToPath(uri), engine, documents));
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

  connection.onInitialized(() => {
    if (watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    for (const folder of folders) folder.load();
    publish();
  });

  documents.onDidChangeContent(({ document }) => {
    const place = folderOf(document.uri);
    if (!place) return;
    if (place.folder.isPolicy(fileURLToPath(document.uri))) return;
    place.folder.index.set(place.file, document.getText());
    publishSoon();
  });
  documents.onDidClose(({ document }) => {
    const place = folderOf(document.uri);
    if (!place || place.folder.isPolicy(fileURLToPath(document.uri))) return;
    // Back to what is on disk: unsaved edits are gone with the document.
    place.folder.setFromDisk(place.file);
    publishSoon();
  });
  documents.onDidSave(({ document }) => {
    const place = folderOf(document.uri);
    if (place?.folder.isPolicy(fileURLToPath(document.uri))) {
      place.folder.load();
      publishSoon();
    }
  });
  // Files changed by other programs (git checkout, a formatter), when the client watches for us.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const reload = new Set<Folder>();
    for (const { uri, type } of changes) {
      const place = folderOf(uri);
      if (!place || documents.get(uri)) continue;
      // A new file is placed by the walk's rules (.gitignore, the policy's ignores): read the folder again.
      if (place.folder.isPolicy(fileURLToPath(uri)) || type === FileChangeType.Created) reload.add(place.folder);
      else if (type === FileChangeType.Deleted) place.folder.index.delete(place.file);
      else if (place.folder.index.files().includes(place.file)) place.folder.setFromDisk(place.file);
    }
    for (const folder of reload) folder.load();
    publishSoon();
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const place = folderOf(textDocument.uri);
    const document = documents.get(textDocument.uri);
    if (!place || !document) return null;
    const offset = document.offsetAt(position);
    const results = place.folder.index.results();
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
    const findings = place.folder.index.results().findings.filter((f) => f.file === place.file && !f.suppression && f.fixes.length);
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

/** Every finding's one clear fix (the preferred one, or the only one), each edit once, none overlapping another. */
function fixAllEdits(document: TextDocument, findings: Finding[]): LspTextEdit[] {
  const taken: [number, number][] = [];
  const seen = new Set<string>();
  const edits: LspTextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
    const key = JSON.stringify(fix?.edits);
    if (!fix || seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end))) continue;
    for (const e of fix.edits) taken.push([e.start, e.end]);
    edits.push(...editsOf(document, fix));
  }
  return edits;
}
