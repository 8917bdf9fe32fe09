// Checks a built VSIX by what its zip really holds (the central directory, read here with
// Node alone): at most 1 MiB, only the files the extension runs with, no tests, sources,
// source maps, CLI bundles or node_modules, and every file the manifest names present.
//
//   node scripts/check-vsix.mjs [file.vsix]     (default: .build/llm-compliance-<version>.vsix)
//
// Prints the files and exits 0, or prints each problem and exits 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
export const MAX_BYTES = 1024 * 1024;

/** Where a file may be in the package (paths inside the zip). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z]{2}(-[a-z]+)?)?\.json$/i,
  /^extension\/l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]+)?)?\.json$/i,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/(web\/)?(extension|index-worker)\.js$/,
  /^extension\/dist\/webview\/[\w-]+\.js$/,
  /^extension\/dist\/codicons\/codicon\.(css|ttf)$/,
  /^extension\/media\/[\w-]+\.(svg|css|png)$/,
  /^extension\/media\/walkthrough\/[\w-]+\.(md|svg|png)$/,
  /^extension\/schemas\/policy\.schema\.json$/,
  /^extension\/docs\/rules\/LLMC\d{3}\.md$/,
];

/** What must never ship, each with the reason given. */
const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'node_modules'],
  [/(^|\/)(test|tests|out|src)\//, 'tests or sources'],
  [/\.test\.[cm]?[jt]s$/, 'a test'],
  [/\.[cm]?ts$/, 'a TypeScript source'],
  [/\.map$/, 'a source map'],
  [/(^|\/)(cli|cli-main|lsp)\.js$/, 'a CLI bundle (the npm package ships it, not the extension)'],
  [/\.vsix$/, 'a package inside the package'],
];

/** Files the extension loads by path in its code (not named in the manifest), relative to extension/. */
function codeAssets(root) {
  const rules = fs.readdirSync(path.join(root, 'docs/rules')).filter((f) => /^LLMC\d{3}\.md$/.test(f)).map((f) => `docs/rules/${f}`);
  return ['dist/index-worker.js', 'dist/web/index-worker.js', 'dist/webview/matrix.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'media/matrix.css', 'media/provider.css', ...rules];
}

/**
 * The entries of a zip's central directory: name, sizes, compression method and where the
 * local header is. Throws on anything that is not a readable (non-ZIP64) zip.
 */
export function zipEntries(zip) {
  const EOCD = 0x06054b50;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) { end = i; break; }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not expected for a VSIX');
  if (offset + size > end) throw new Error('the central directory lies outside the file');
  const entries = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${n + 1} of ${count} is damaged`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry (stored or deflated). */
export function entryData(zip, entry) {
  const at = entry.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new Error(`${entry.name}: local header is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new Error(`${entry.name}: compression method ${entry.method} is not supported`);
}

/** Paths (relative to the extension folder) the manifest names. */
export function manifestFiles(pkg) {
  const out = [];
  const local = (p) => {
    if (typeof p !== 'string' || /^[a-z][\w+.-]*:/i.test(p) || p.startsWith('$(')) return;
    out.push(path.posix.normalize(p.replace(/^\.\//, '')));
  };
  const themed = (p) => (p && typeof p === 'object' ? [p.light, p.dark].forEach(local) : local(p));
  const js = (p) => typeof p === 'string' && local(/\.[cm]?js$/.test(p) ? p : `${p}.js`);
  js(pkg.main);
  js(pkg.browser);
  local(pkg.icon);
  const c = pkg.contributes ?? {};
  for (const v of [...(c.jsonValidation ?? []), ...(c.yamlValidation ?? [])]) local(v.url);
  for (const list of Object.values(c.viewsContainers ?? {})) for (const v of list ?? []) themed(v.icon);
  for (const v of Object.values(c.views ?? {}).flat()) themed(v?.icon);
  for (const cmd of c.commands ?? []) themed(cmd.icon);
  for (const w of c.walkthroughs ?? []) {
    for (const s of w.steps ?? []) {
      local(s.media?.markdown);
      local(s.media?.svg);
      themed(s.media?.image);
    }
  }
  return [...new Set(out)];
}

/** Every problem with the VSIX in `zip` (a Buffer); none means it may ship. */
export function checkVsix(zip, root = ROOT) {
  const problems = [];
  if (zip.length > MAX_BYTES) problems.push(`the package is ${zip.length} bytes, over the ${MAX_BYTES}-byte (1 MiB) limit`);
  let entries;
  try {
    entries = zipEntries(zip);
  } catch (err) {
    return [...problems, `cannot read the zip: ${err.message}`];
  }
  const names = new Set(entries.map((e) => e.name).filter((n) => !n.endsWith('/')));
  for (const name of names) {
    const bad = FORBIDDEN.find(([re]) => re.test(name));
    if (bad) problems.push(`${name} is ${bad[1]}: it must not ship`);
    else if (!ALLOWED.some((re) => re.test(name))) problems.push(`${name} is not on the list of files the extension ships`);
  }
  const manifest = entries.find((e) => e.name === 'extension/package.json');
  if (!manifest) return [...problems, 'extension/package.json is missing'];
  let pkg;
  try {
    pkg = JSON.parse(entryData(zip, manifest).toString('utf8'));
  } catch (err) {
    return [...problems, `extension/package.json cannot be read: ${err.message}`];
  }
  for (const f of manifestFiles(pkg)) if (!names.has(`extension/${f}`)) problems.push(`the manifest names ${f}, which is not in the package`);
  for (const f of codeAssets(root)) if (!names.has(`extension/${f}`)) problems.push(`the extension loads ${f}, which is not in the package`);
  if (pkg.l10n) {
    const dir = `extension/${path.posix.normalize(String(pkg.l10n).replace(/^\.\//, ''))}/`;
    if (![...names].some((n) => n.startsWith(dir))) problems.push(`the manifest declares l10n ${pkg.l10n}, but the package has no file under it`);
  }
  if (/"%[\w.-]+%"/.test(JSON.stringify(pkg)) && !names.has('extension/package.nls.json')) problems.push('the manifest uses %placeholders% but extension/package.nls.json is missing');
  for (const field of ['scripts', 'devDependencies', 'files', 'bin']) if (pkg[field] !== undefined) problems.push(`extension/package.json still has the npm-only field "${field}"`);
  return problems;
}

function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const file = process.argv[2] ?? path.join(ROOT, '.build', `${pkg.name}-${pkg.version}.vsix`);
  if (!fs.existsSync(file)) {
    console.error(`check-vsix: ${file} does not exist (npm run package builds it)`);
    return 1;
  }
  const zip = fs.readFileSync(file);
  const problems = checkVsix(zip);
  if (problems.length) {
    console.error(`check-vsix: ${path.relative(process.cwd(), file)} must not ship:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const entries = zipEntries(zip).filter((e) => !e.name.endsWith('/'));
  for (const e of entries) console.log(`  ${e.name.padEnd(44)} ${(e.size / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`check-vsix: ${path.relative(process.cwd(), file)}: ${entries.length} files, ${(zip.length / 1024).toFixed(1)} KB of ${MAX_BYTES / 1024} KB allowed`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
