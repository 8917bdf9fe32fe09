// Bad input never crashes a scan and never silently drops checks: every problem is a
// note in the output, and the other files are still scanned.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import { copyCli, runCli, tempWorkspace } from '../support/cli';

const GOOD = { 'good.py': 'from openai import OpenAI\nclient = OpenAI()\n' };

interface Out { endpoints: { file: string }[]; notes: { kind: string; file: string; line?: number; message: string }[] }
function scanJson(dir: string): Out {
  const r = runCli(['scan', '.', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Out;
}

describe('bad input', () => {
  it('skips a binary file that mentions an LLM provider with a note, and one that does not in silence', () => {
    // NUL bytes and bytes that are not UTF-8: not text in any encoding the engine reads.
    const blob = (word: string): Uint8Array => new Uint8Array([0x7b, 0x00, 0xff, 0x02, ...Buffer.from(word)]);
    const out = scanJson(tempWorkspace({ ...GOOD, 'blob.json': blob('openai'), 'image.json': blob('pixels') }));
    assert.deepEqual(out.notes.map((n) => [n.kind, n.file]), [['skipped-binary', 'blob.json']]);
    assert.deepEqual(out.endpoints.map((e) => e.file), ['good.py']);
  });

  it('skips a file over the size limit with a note that says so', () => {
    const big = 'from openai import OpenAI\nclient = OpenAI()\n' + '# padding\n'.repeat(300);
    const out = scanJson(tempWorkspace({ ...GOOD, 'big.py': big, '.llm-compliance.yaml': 'maxFileSizeKb: 1\n' }));
    assert.equal(out.notes.length, 1);
    assert.equal(out.notes[0]!.kind, 'skipped-too-large');
    assert.match(out.notes[0]!.message, /over the 1 KB limit/);
    assert.deepEqual(out.endpoints.map((e) => e.file), ['good.py']);
  });

  it('scans a file with invalid UTF-8, with a note', () => {
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nfrom openai import OpenAI\nc = OpenAI()\n')]);
    const out = scanJson(tempWorkspace({ 'latin1.py': bytes }));
    assert.deepEqual(out.notes.map((n) => n.kind), ['invalid-encoding']);
    assert.deepEqual(out.endpoints.map((e) => e.file), ['latin1.py']);
  });

  for (const [file, content, line] of [
    // YAML notices the unclosed `[` where the file ends.
    ['broken.yaml', 'services:\n  api:\n    environment:\n      OPENAI_BASE_URL: https://api.openai.com/v1\n    ports: [80\n', 6],
    ['broken.json', '{\n  "apiBase": "https://api.openai.com/v1",\n  "x": }\n', 3],
    ['broken.toml', 'base_url = "https://api.openai.com/v1"\n[table\n', 2],
    ['broken.tf', 'locals {\n  url = "https://api.openai.com/v1"\n', 1],
    ['broken.ipynb', '{"cells": [ {"source": ["OpenAI(base_url=\\"https://api.openai.com/v1\\")"] \n', 2],
  ] as const) {
    it(`scans malformed ${path.extname(file)} lexically with a note giving the line`, () => {
      const out = scanJson(tempWorkspace({ ...GOOD, [file]: content }));
      assert.equal(out.notes.length, 1, JSON.stringify(out.notes));
      assert.equal(out.notes[0]!.kind, 'parse-error');
      assert.equal(out.notes[0]!.file, file);
      assert.equal(out.notes[0]!.line, line, out.notes[0]!.message);
      assert.match(out.notes[0]!.message, /scanned lexically/);
      assert.deepEqual(out.endpoints.map((e) => e.file).sort(), [file, 'good.py'].sort());
    });
  }

  it('reports an unreadable file and scans the rest', function () {
    const dir = tempWorkspace({ ...GOOD, 'secret.py': 'from openai import OpenAI\nOpenAI()\n' });
    fs.chmodSync(path.join(dir, 'secret.py'), 0o000);
    fs.chmodSync(dir, 0o755);
    // root reads everything, so run the CLI as an unprivileged user there, from a copy
    // of the (self-contained) bundle that user can reach wherever the repository lives.
    const asRoot = process.getuid?.() === 0;
    const cli = copyCli(dir);
    const r = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json'], {
      cwd: dir, encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Out;
    assert.deepEqual(out.notes.map((n) => [n.kind, n.file]), [['unreadable', 'secret.py']]);
    assert.match(out.notes[0]!.message, /EACCES/);
    assert.deepEqual(out.endpoints.map((e) => e.file), ['good.py']);
  });

  it('never throws on random bytes or random text, whatever the file type', () => {
    const engine = new Engine();
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'openai(){}[]"\'`$#/*\\\n =:,.-_azAZ09 https://api.openai.com region_name os.getenv f"{x}" <<EOF\n';
    for (const ext of ['py', 'ts', 'go', 'java', 'cs', 'rs', 'yaml', 'json', 'toml', 'tf', 'ipynb', 'env']) {
      for (let i = 0; i < 150; i++) {
        const len = Math.floor(rand() * 400);
        let text = 'openai ';
        for (let j = 0; j < len; j++) text += alphabet[Math.floor(rand() * alphabet.length)];
        const bytes = new Uint8Array(len).map(() => Math.floor(rand() * 256));
        assert.doesNotThrow(() => engine.analyze(`f.${ext}`, text), `${ext}: ${JSON.stringify(text)}`);
        assert.doesNotThrow(() => engine.analyze(`f.${ext}`, bytes));
      }
    }
  });
});
