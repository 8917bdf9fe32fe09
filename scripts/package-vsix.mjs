// `npm run package`: the VS Code extension as a VSIX, .build/llm-compliance-<version>.vsix.
//
// The root package.json is also the npm CLI package (its `files` lists the CLI), and vsce
// refuses a .vscodeignore beside `files`; so the extension is staged in .build/vsix/ instead:
// a production build of only its bundles, a package.json without the npm-only fields, and the
// documents, media and schema it uses at run time. vsce packs that folder, then
// scripts/check-vsix.mjs checks what the zip holds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILD = path.join(ROOT, '.build');
const STAGE = path.join(BUILD, 'vsix');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = path.join(BUILD, `${pkg.name}-${pkg.version}.vsix`);

/** The repository's files the extension reads at run time (the bundles are built, not copied). */
const RUNTIME = [
  'README.md', 'CHANGELOG.md', 'LICENSE',
  // jsonValidation and yamlValidation
  'schemas/policy.schema.json',
  // the icon, the activity bar's icon, the webviews' stylesheets, the walkthrough's pages
  ...['icon.png', 'activity-bar.svg', 'matrix.css', 'provider.css'].map((f) => `media/${f}`),
  ...fs.readdirSync(path.join(ROOT, 'media/walkthrough')).map((f) => `media/walkthrough/${f}`),
  // the rule pages, opened by src/extension/rule-docs.ts
  ...fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => /^LLMC\d{3}\.md$/.test(f)).map((f) => `docs/rules/${f}`),
];
/** Localisation, when the manifest has it. */
const L10N = ['package.nls.json', ...fs.readdirSync(ROOT).filter((f) => /^package\.nls\..+\.json$/.test(f)), 'l10n'];
/** Fields only the npm package (the CLI) and the development tree use. */
const NPM_ONLY = ['files', 'bin', 'scripts', 'devDependencies', 'dependencies', 'optionalDependencies', 'peerDependencies', 'private', 'type', 'exports', 'types', 'publishConfig'];

function step(what, fn) {
  const t = Date.now();
  const r = fn();
  console.log(`package: ${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return r;
}

fs.rmSync(STAGE, { recursive: true, force: true });
fs.mkdirSync(STAGE, { recursive: true });

step('production build of the extension bundles', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production', '--extension-only', '--outdir', STAGE], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`the build failed (exit ${r.status})`);
});

step('staged the manifest, documents, media and schema', () => {
  const manifest = { ...pkg };
  for (const f of NPM_ONLY) delete manifest[f];
  // The VSIX runs on VS Code's own Node: the CLI's Node requirement is not the extension's.
  manifest.engines = { vscode: pkg.engines.vscode };
  fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const f of [...RUNTIME, ...L10N.filter((f) => fs.existsSync(path.join(ROOT, f)))]) {
    fs.cpSync(path.join(ROOT, f), path.join(STAGE, f), { recursive: true });
  }
  // Everything staged ships; this only keeps strays out should a build ever leave one.
  fs.writeFileSync(path.join(STAGE, '.vscodeignore'), '**/*.map\n**/*.ts\n.vscodeignore\n');
});

await (async () => {
  const t = Date.now();
  fs.rmSync(out, { force: true });
  const { createVSIX } = createRequire(import.meta.url)('@vscode/vsce');
  await createVSIX({ cwd: STAGE, packagePath: out, dependencies: false });
  console.log(`package: vsce packed ${path.relative(ROOT, out)} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
})();

const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-vsix.mjs'), out], { cwd: ROOT, stdio: 'inherit' });
process.exitCode = check.status ?? 1;
