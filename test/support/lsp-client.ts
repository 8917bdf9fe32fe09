// A minimal Language Server Protocol client for tests: JSON-RPC with Content-Length framing
// over a child process's stdio, written here by hand so the server is checked against the
// wire format itself, not against the library it is built with.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CLI } from './cli';

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; source: string; message: string }[];
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** The latest diagnostics per document URI, and who waits for the next ones. */
  readonly diagnostics = new Map<string, PublishedDiagnostics['diagnostics']>();
  private waiters: { uri: string; resolve: (d: PublishedDiagnostics['diagnostics']) => void }[] = [];
  stderr = '';
  /** Messages the server showed the user (window/showMessage, window/showMessageRequest). */
  readonly messages: string[] = [];

  constructor(args: string[] = ['lsp', '--stdio'], cwd?: string) {
    this.child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe', ...(cwd ? { cwd } : {}) });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string, timeoutMs = 20000): Promise<PublishedDiagnostics['diagnostics']> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    this.notify('exit', null);
    return exited;
  }

  kill(): void {
    this.child.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.method === 'window/showMessage' || message.method === 'window/showMessageRequest') this.messages.push((message.params as { message: string }).message);
    if (message.id !== undefined) {
      // A request from the server (capability registration, a message with actions): answered empty.
      this.send({ id: message.id, result: null });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as PublishedDiagnostics;
      this.diagnostics.set(uri, diagnostics);
      const ready = this.waiters.filter((w) => w.uri === uri);
      this.waiters = this.waiters.filter((w) => w.uri !== uri);
      for (const w of ready) w.resolve(diagnostics);
    }
  }
}
