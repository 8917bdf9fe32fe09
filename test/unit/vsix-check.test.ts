// scripts/check-vsix.mjs, which `npm run package` runs on the VSIX it built, on small zips
// written here: a package with what the manifest names passes, and each rule fails alone.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { ROOT } from '../support/cli';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip as yazl (vsce) writes one: deflated entries, a central directory, the end record. */
function zip(files: Record<string, string | Buffer>, { store = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = store ? data : deflateRawSync(data);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(store ? 0 : 8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The manifest as the staging writes it: the root package.json without the npm-only fields. */
function manifest(): Record<string, unknown> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  for (const f of ['files', 'bin', 'scripts', 'devDependencies']) delete pkg[f];
  return pkg;
}

/** What a good VSIX of this repository holds (contents are placeholders: the check reads names). */
function goodFiles(pkg = manifest()): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    'extension.vsixmanifest': '<PackageManifest/>',
    '[Content_Types].xml': '<Types/>',
    'extension/package.json': JSON.stringify(pkg),
    'extension/readme.md': '# readme',
    'extension/changelog.md': '# changelog',
    'extension/LICENSE.txt': 'MIT',
  };
  const walkthrough = fs.readdirSync(path.join(ROOT, 'media/walkthrough')).map((f) => `media/walkthrough/${f}`);
  const rules = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => /^LLMC\d{3}\.md$/.test(f)).map((f) => `docs/rules/${f}`);
  for (const f of [
    'dist/extension.js', 'dist/index-worker.js', 'dist/web/extension.js', 'dist/web/index-worker.js', 'dist/webview/matrix.js',
    'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'media/icon.png', 'media/activity-bar.svg', 'media/matrix.css', 'media/provider.css',
    'schemas/policy.schema.json', 'package.nls.json', 'l10n/bundle.l10n.json', ...walkthrough, ...rules,
  ]) files[`extension/${f}`] = `/* ${f} */`;
  return files;
}

let dir: string;
function check(files: Record<string, string | Buffer>, opts?: { store?: boolean }): { status: number | null; stderr: string; stdout: string } {
  const file = path.join(dir, 'test.vsix');
  fs.writeFileSync(file, zip(files, opts));
  return checkFile(file);
}
function checkFile(file: string): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-vsix.mjs'), file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}
function without(files: Record<string, string | Buffer>, name: string): Record<string, string | Buffer> {
  assert.ok(name in files, `${name} is in the good package`);
  return Object.fromEntries(Object.entries(files).filter(([n]) => n !== name));
}

describe('check-vsix (the VSIX npm run package ships)', () => {
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-vsix-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a package with the files the manifest and the code name, deflated or stored, and lists them', () => {
    for (const store of [false, true]) {
      const r = check(goodFiles(), { store });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /extension\/dist\/extension\.js/);
      assert.match(r.stdout, new RegExp(`${Object.keys(goodFiles()).length} files`));
    }
  });

  it('fails a package over 1 MiB', () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 7);
    const r = check({ ...goodFiles(), 'extension/dist/extension.js': big }, { store: true });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /over the 1048576-byte \(1 MiB\) limit/);
  });

  for (const [name, why] of [
    ['extension/dist/extension.js.map', 'a source map'],
    ['extension/src/core/engine.ts', 'tests or sources'],
    ['extension/scripts/generate.ts', 'a TypeScript source'],
    ['extension/out/test/integration/index.js', 'tests or sources'],
    ['extension/dist/1-diagnostics.test.js', 'a test'],
    ['extension/dist/cli.js', 'a CLI bundle'],
    ['extension/dist/cli-main.js', 'a CLI bundle'],
    ['extension/dist/lsp.js', 'a CLI bundle'],
    ['extension/node_modules/yaml/index.js', 'node_modules'],
  ] as const) {
    it(`fails a package holding ${name} (${why})`, () => {
      const r = check({ ...goodFiles(), [name]: 'x' });
      assert.equal(r.status, 1);
      assert.ok(r.stderr.includes(`${name} is ${why}`), r.stderr);
    });
  }

  it('fails a file that is not on the list of what the extension ships (screenshots, accuracy logs, the catalog schema)', () => {
    for (const name of ['extension/docs/images/editor.png', 'extension/docs/accuracy/README.md', 'extension/schemas/catalog.schema.json', 'extension/examples/api/app/triage.py']) {
      const r = check({ ...goodFiles(), [name]: 'x' });
      assert.equal(r.status, 1);
      assert.ok(r.stderr.includes(`${name} is not on the list`), r.stderr);
    }
  });

  it('fails when a file the manifest names is missing: main, browser, icon, schema, activity bar icon, walkthrough page', () => {
    for (const f of ['dist/extension.js', 'dist/web/extension.js', 'media/icon.png', 'schemas/policy.schema.json', 'media/activity-bar.svg', 'media/walkthrough/phi.md']) {
      const r = check(without(goodFiles(), `extension/${f}`));
      assert.equal(r.status, 1);
      assert.ok(r.stderr.includes(`the manifest names ${f}, which is not in the package`), r.stderr);
    }
  });

  it('fails when a file the code loads is missing: a rule page, the webview bundle, codicons, the index worker', () => {
    for (const f of ['docs/rules/LLMC001.md', 'dist/webview/matrix.js', 'dist/codicons/codicon.ttf', 'dist/index-worker.js', 'dist/web/index-worker.js']) {
      const r = check(without(goodFiles(), `extension/${f}`));
      assert.equal(r.status, 1);
      assert.ok(r.stderr.includes(`the extension loads ${f}, which is not in the package`), r.stderr);
    }
  });

  it('checks l10n and %placeholders% when the manifest has them', () => {
    const pkg = { ...manifest(), l10n: './l10n', displayName: '%displayName%' };
    const r = check(without(without(goodFiles(pkg), 'extension/l10n/bundle.l10n.json'), 'extension/package.nls.json'));
    assert.equal(r.status, 1);
    assert.ok(r.stderr.includes('declares l10n ./l10n, but the package has no file under it'), r.stderr);
    assert.ok(r.stderr.includes('package.nls.json is missing'), r.stderr);
    const ok = check({ ...goodFiles(pkg), 'extension/l10n/bundle.l10n.de.json': '{}' });
    assert.equal(ok.status, 0, ok.stderr);
  });

  it('fails a manifest that still has npm-only fields', () => {
    const r = check(goodFiles({ ...manifest(), scripts: { 'vscode:prepublish': 'x' }, devDependencies: {} }));
    assert.equal(r.status, 1);
    assert.ok(r.stderr.includes('the npm-only field "scripts"') && r.stderr.includes('"devDependencies"'), r.stderr);
  });

  it('fails what is not a readable zip, or a zip without a manifest, without crashing', () => {
    const notZip = path.join(dir, 'not.vsix');
    fs.writeFileSync(notZip, 'PK but not a zip');
    let r = checkFile(notZip);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read the zip: not a zip file/);
    const truncated = zip(goodFiles());
    fs.writeFileSync(notZip, Buffer.concat([truncated.subarray(0, 100), truncated.subarray(truncated.length - 22)]));
    r = checkFile(notZip);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read the zip/);
    r = check(without(goodFiles(), 'extension/package.json'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /extension\/package\.json is missing/);
    r = checkFile(path.join(dir, 'missing.vsix'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /does not exist/);
  });
});
