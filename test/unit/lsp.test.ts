// `llm-compliance lsp --stdio`, driven over stdio as Neovim or Helix would: the diagnostics
// are the CLI's findings, edits are judged as they are typed, and quick fixes remove what they fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXAMPLES, ROOT, runCli, tempWorkspace } from '../support/cli';
import { LspClient, type PublishedDiagnostics } from '../support/lsp-client';

interface CliFinding { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string; suppressed?: unknown }
interface CodeAction { title: string; kind: string; isPreferred?: boolean; edit?: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } }

const SEVERITY: Record<string, number> = { error: 1, warning: 2, note: 3 };
const uriOf = (file: string) => pathToFileURL(file).href;

/** The CLI's findings of one file, in the shape an LSP client sees them. */
function cliDiagnostics(root: string, cwdRel: string, file: string): string[] {
  const out = JSON.parse(runCli(['scan', '.', '--format', 'json'], root).stdout) as { findings: CliFinding[] };
  return out.findings.filter((f) => f.file === path.posix.join(cwdRel, file) && !f.suppressed)
    .map((f) => `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${SEVERITY[f.severity]} ${f.ruleId} ${f.message}`).sort();
}

function shown(diagnostics: PublishedDiagnostics['diagnostics']): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`).sort();
}

/** Applies LSP text edits to a text (offsets by line and UTF-16 character). */
function applyEdits(text: string, edits: NonNullable<CodeAction['edit']>['changes'][string]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  return [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)).reduce((t, e) => t.slice(0, at(e.range.start)) + e.newText + t.slice(at(e.range.end)), text);
}

async function started(root: string): Promise<{ client: LspClient; init: { capabilities: Record<string, unknown> } }> {
  const client = new LspClient();
  const init = await client.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: {}, workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }] });
  client.notify('initialized', {});
  return { client, init };
}

describe('llm-compliance lsp --stdio', function () {
  this.timeout(60000);

  it('answers initialize, and didOpen with the CLI\'s diagnostics for the file', async () => {
    const file = path.join(EXAMPLES, 'api/app/triage.py');
    const { client, init } = await started(EXAMPLES);
    try {
      assert.equal(init.capabilities.hoverProvider, true);
      assert.ok(init.capabilities.codeActionProvider);
      const published = client.nextDiagnostics(uriOf(file));
      client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'python', version: 1, text: fs.readFileSync(file, 'utf8') } });
      const expected = cliDiagnostics(EXAMPLES, '', 'api/app/triage.py');
      assert.ok(expected.length >= 2, 'the file has findings');
      assert.deepEqual(shown(await published), expected);
      // Every other file of the folder is published too, as the CLI reports it.
      for (const other of ['litellm/config.yaml', 'web/src/lib/assistant.ts', '.env']) {
        assert.deepEqual(shown(client.diagnostics.get(uriOf(path.join(EXAMPLES, other))) ?? []), cliDiagnostics(EXAMPLES, '', other), other);
      }
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  for (const folder of ['examples', ...fs.readdirSync(path.join(ROOT, 'test/fixtures/workspaces'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `test/fixtures/workspaces/${e.name}`)]) {
    it(`publishes the CLI's findings for every file of ${folder}`, async () => {
      const root = path.join(ROOT, folder);
      const cli = JSON.parse(runCli(['scan', '.', '--format', 'json'], root).stdout) as { findings: CliFinding[] };
      const expected = new Map<string, string[]>();
      for (const f of cli.findings.filter((x) => !x.suppressed)) {
        expected.set(f.file, [...(expected.get(f.file) ?? []), `${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${SEVERITY[f.severity]} ${f.ruleId} ${f.message}`]);
      }
      const { client } = await started(root);
      try {
        // Answered after the diagnostics published on `initialized`: the server handles messages in order.
        await client.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(root, 'none.py')) }, position: { line: 0, character: 0 } });
        const published = new Map([...client.diagnostics].map(([uri, d]) => [path.relative(root, fileURLToPath(uri)).split(path.sep).join('/'), shown(d)] as const).filter(([, d]) => d.length));
        assert.deepEqual(new Map([...published].sort()), new Map([...expected].map(([f, d]) => [f, d.sort()] as const).sort()));
        // Every fixture has findings but `quiet`, whose files only look like endpoints.
        assert.equal(expected.size > 0, !folder.endsWith('/quiet'));
      } finally {
        client.kill();
      }
    });
  }

  it('judges unsaved edits, offers the fix, and the finding is gone once the fix is applied', async () => {
    const bedrock = 'import boto3\n\nclient = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const root = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n', 'app.py': bedrock });
    const uri = uriOf(path.join(root, 'app.py'));
    const client = new LspClient();
    try {
      let next = client.nextDiagnostics(uri);
      await client.request('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: {} });
      client.notify('initialized', {});
      assert.ok((await next).some((d) => d.code === 'LLMC002'), 'the file on disk breaks the policy');
      next = client.nextDiagnostics(uri);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import os\n\nprint(os.getcwd())\n' } });
      assert.deepEqual(await next, [], 'the open document (not the disk) is judged');
      next = client.nextDiagnostics(uri);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: bedrock }] });
      const found = await next;
      const eu = found.find((d) => d.code === 'LLMC002');
      assert.ok(eu, `an EU residency finding: ${JSON.stringify(found)}`);

      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: eu.range.start });
      assert.match(hover?.contents.value ?? '', /us-east-1/);

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: eu.range, context: { diagnostics: [eu] } });
      const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
      assert.ok(fix?.edit, `a preferred quick fix: ${JSON.stringify(actions)}`);
      const fixed = applyEdits(bedrock, fix.edit.changes[uri]!);
      assert.match(fixed, /region_name="eu-/);
      next = client.nextDiagnostics(uri);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
      assert.deepEqual((await next).filter((d) => d.code === 'LLMC002'), []);

      const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.deepEqual(fixAll, [], 'nothing left to fix');
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  it('fix-all applies every clear fix of the document at once, and follows files changed on disk', async () => {
    const two = 'import boto3\n\na = boto3.client("bedrock-runtime", region_name="us-east-1")\nb = boto3.client("bedrock-runtime", region_name="us-west-2")\n';
    const root = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n', 'app.py': two, 'other.py': 'x = 1\n' });
    const uri = uriOf(path.join(root, 'app.py'));
    const otherUri = uriOf(path.join(root, 'other.py'));
    const client = new LspClient();
    try {
      let next = client.nextDiagnostics(uri);
      await client.request('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
      client.notify('initialized', {});
      assert.equal((await next).filter((d) => d.code === 'LLMC002').length, 2);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: two } });
      const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.equal(fixAll?.kind, 'source.fixAll.llmCompliance');
      const fixed = applyEdits(two, fixAll.edit!.changes[uri]!);
      assert.doesNotMatch(fixed, /us-/);
      next = client.nextDiagnostics(uri);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      assert.deepEqual((await next).filter((d) => d.code === 'LLMC002'), []);
      // Another program writes other.py: the watched-files notification brings it in.
      fs.writeFileSync(path.join(root, 'other.py'), two);
      next = client.nextDiagnostics(otherUri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: otherUri, type: 2 }] });
      assert.equal((await next).filter((d) => d.code === 'LLMC002').length, 2);
      fs.rmSync(path.join(root, 'other.py'));
      next = client.nextDiagnostics(otherUri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: otherUri, type: 3 }] });
      assert.deepEqual(await next, [], 'a deleted file\'s diagnostics are cleared');
    } finally {
      client.kill();
    }
  });

  it('shows a broken policy on the policy file instead of going quiet', async () => {
    const root = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa\n', 'app.py': 'from openai import OpenAI\nclient = OpenAI()\n' });
    const policyUri = uriOf(path.join(root, '.llm-compliance.yaml'));
    const client = new LspClient();
    try {
      const published = client.nextDiagnostics(policyUri);
      await client.request('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: {} });
      client.notify('initialized', {});
      const diagnostics = await published;
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => d.severity === 1 && /Invalid policy/.test(d.message)), JSON.stringify(diagnostics));
    } finally {
      client.kill();
    }
  });

  it('keeps serving the other folders when one cannot be read, and says so', async () => {
    const file = path.join(EXAMPLES, 'api/app/triage.py');
    const client = new LspClient();
    try {
      const published = client.nextDiagnostics(uriOf(file));
      await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: 'file:///nonexistent-llmc-folder', name: 'gone' }, { uri: 'file://server/share/x', name: 'unc' }, { uri: uriOf(EXAMPLES), name: 'examples' }] });
      client.notify('initialized', {});
      assert.ok((await published).length >= 2);
      assert.match(client.messages.join('\n'), /nonexistent-llmc-folder cannot be analysed/);
    } finally {
      client.kill();
    }
  });

  it('judges only the files the CLI scans: not dependency folders, ignored paths, or documents never saved once closed', async () => {
    const root = tempWorkspace({
      '.llm-compliance.yaml': 'require: [eu-residency]\nignore: ["vendor/**"]\n',
      'app.py': 'x = 1\n',
      '.gitignore': 'build/\n',
    });
    const bedrock = 'import boto3\nc = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const { client } = await started(root);
    try {
      await client.request('textDocument/hover', { textDocument: { uri: uriOf(path.join(root, 'none.py')) }, position: { line: 0, character: 0 } });
      const opened = ['node_modules/openai/lib.py', 'vendor/x.py', 'build/gen.py', 'scratch.py'];
      for (const [i, rel] of opened.entries()) client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(path.join(root, rel)), languageId: 'python', version: 1, text: bedrock + `# ${i}\n` } });
      const scratch = uriOf(path.join(root, 'scratch.py'));
      assert.ok((await client.nextDiagnostics(scratch)).some((d) => d.code === 'LLMC002'), 'a new file in scope is judged as typed');
      for (const rel of opened.slice(0, 3)) assert.equal(client.diagnostics.get(uriOf(path.join(root, rel))), undefined, `${rel} is not judged`);
      const cleared = client.nextDiagnostics(scratch);
      client.notify('textDocument/didClose', { textDocument: { uri: scratch } });
      assert.deepEqual(await cleared, [], 'a document never saved leaves no diagnostics once closed');
    } finally {
      client.kill();
    }
  });

  it('re-reads a policy above the folder when it changes', async () => {
    const repo = tempWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.llm-compliance.yaml': 'require: [eu-residency]\n', 'sub/app.py': 'import boto3\nc = boto3.client("bedrock-runtime", region_name="us-east-1")\n' });
    const root = path.join(repo, 'sub');
    const uri = uriOf(path.join(root, 'app.py'));
    const client = new LspClient();
    try {
      let next = client.nextDiagnostics(uri);
      await client.request('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
      client.notify('initialized', {});
      assert.ok((await next).some((d) => d.code === 'LLMC002'), 'the policy one folder up applies');
      fs.writeFileSync(path.join(repo, '.llm-compliance.yaml'), 'require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    paths: ["sub/app.py"]\n    reason: accepted for the test\n');
      next = client.nextDiagnostics(uri);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(repo, '.llm-compliance.yaml')), type: 2 }] });
      assert.deepEqual((await next).filter((d) => d.code === 'LLMC002'), [], 'the waiver in the changed policy applies');
    } finally {
      client.kill();
    }
  });

  it('follows a folder renamed on disk, reported as one change for the folder', async () => {
    const bedrock = 'import boto3\nc = boto3.client("bedrock-runtime", region_name="us-east-1")\n';
    const root = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n', 'src/app.py': bedrock });
    const client = new LspClient();
    try {
      let next = client.nextDiagnostics(uriOf(path.join(root, 'src/app.py')));
      await client.request('initialize', { processId: process.pid, rootUri: uriOf(root), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
      client.notify('initialized', {});
      assert.ok((await next).some((d) => d.code === 'LLMC002'));
      fs.renameSync(path.join(root, 'src'), path.join(root, 'lib'));
      next = client.nextDiagnostics(uriOf(path.join(root, 'lib/app.py')));
      const cleared = client.nextDiagnostics(uriOf(path.join(root, 'src/app.py')));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'src')), type: 3 }, { uri: uriOf(path.join(root, 'lib')), type: 1 }] });
      assert.ok((await next).some((d) => d.code === 'LLMC002'), 'the moved file is judged where it now is');
      assert.deepEqual(await cleared, [], 'and no longer where it was');
    } finally {
      client.kill();
    }
  });

  it('refuses to start without --stdio, saying how to run it', () => {
    const r = runCli(['lsp']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /lsp --stdio/);
  });
});
