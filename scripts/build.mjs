// Bundles the CLI, the extension (desktop and web) and the extension-host test suites with esbuild. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--cli`: only the command-line bundles, which are all the npm package ships (`files` in package.json).
const cliOnly = process.argv.includes('--cli');
const CLI_BUNDLES = ['dist/cli.js', 'dist/cli-main.js', 'dist/lsp.js'];
/** The most dist/cli.js (entry.ts) may weigh, source maps apart. */
const ENTRY_MAX_BYTES = 64 * 1024;
// `--extension-only`: only what the VSIX ships (the extension's bundles, the webview, codicons),
// for scripts/package-vsix.mjs. `--outdir DIR`: write those under DIR instead of the dev dist/.
const extensionOnly = process.argv.includes('--extension-only');
const EXTENSION_BUNDLES = ['dist/extension.js', 'dist/index-worker.js', 'dist/web/extension.js', 'dist/web/index-worker.js', 'dist/webview/matrix.js'];
const outdirArg = process.argv.indexOf('--outdir');
const outRoot = outdirArg >= 0 ? process.argv[outdirArg + 1] : '.';
if (outdirArg >= 0 && !outRoot) {
  console.error('build: --outdir needs a folder');
  process.exit(2);
}

// `npm pack` and `npm publish` run `prepare` after `prepack`: with `--skip-when-packing` (the
// prepare script) the dev build does not overwrite the production bundles prepack just made.
if (process.argv.includes('--skip-when-packing') && ['pack', 'publish'].includes(process.env.npm_command ?? '')) {
  console.error(`build: skipped under npm ${process.env.npm_command} (prepack built the package's bundles)`);
  process.exit(0);
}

// What the bundles are built from: the sources, the package and its locked dependencies. The
// scan cache is kept per build (src/cli/cache-file.ts), and reads it without hashing a bundle.
const buildId = (() => {
  const hash = createHash('sha256');
  for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' }).sort()) {
    if (/\.(ts|js|json)$/.test(file)) hash.update(file).update(readFileSync(join('src', file)));
  }
  for (const file of ['package.json', 'package-lock.json']) hash.update(file).update(readFileSync(file));
  return hash.digest('base64url');
})();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // src/cli/package-info.ts reads these (and package.json itself when run from sources).
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __REPOSITORY__: JSON.stringify(pkg.repository ?? null),
    __HOMEPAGE__: JSON.stringify(pkg.homepage ?? null),
    __BUILD_ID__: JSON.stringify(buildId),
  },
};

// The web extension runs in VS Code's web worker extension host (a browser worker): a Node
// built-in that slips into its bundle fails the build, naming the file that imports it.
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !builtins.has(bare) && !builtins.has(bare.split('/')[0])) return undefined;
      return { errors: [{ text: `the web extension cannot use the Node built-in "${args.path}" (imported by ${args.importer})` }] };
    });
  },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  // A package's browser build first, then as for Node (jsonc-parser's ESM build).
  mainFields: ['browser', 'module', 'main'],
  plugins: [noNodeBuiltins],
};

// The extension bundles note when they start loading (src/extension/load-time.ts reads it): the bench reports the load time.
// The directive first: a banner line before esbuild's "use strict" would make it a plain
// expression and the whole bundle sloppy-mode code.
const loadStart = { js: '"use strict";\nvar __llmcLoadStart = performance.now();' };

const builds = [
  // The CLI's start: answers a repeated `scan --cache` from its last run (src/cli/last-run.ts),
  // else loads cli-main.js. Kept small: the engine is not in it (the build fails if it grows).
  { ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // `llm-compliance lsp`: loaded by cli-main.js only for that command, so a scan never parses it.
  { ...common, entryPoints: ['src/cli/lsp.ts'], outfile: 'dist/lsp.js' },
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: loadStart },
  { ...common, entryPoints: ['src/extension/index-worker.ts'], outfile: 'dist/index-worker.js' },
  // The web extension (package.json `browser`) and its index worker, a Web Worker.
  { ...web, format: 'cjs', entryPoints: ['src/extension/extension-web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], banner: loadStart },
  { ...web, format: 'iife', entryPoints: ['src/extension/index-worker-web.ts'], outfile: 'dist/web/index-worker.js' },
  // The matrix view's front end, for the webview (a browser page).
  {
    ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/matrix.ts'], outfile: 'dist/webview/matrix.js',
  },
  // The real-extension-host suite: loaded by VS Code as extensionTestsPath (mocha stays external, from node_modules).
  {
    ...common,
    entryPoints: readdirSync('test/integration').filter((f) => f.endsWith('.ts')).map((f) => `test/integration/${f}`),
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  },
  // The web worker extension host's suite (run.mjs --web): mocha's browser build, bundled in.
  {
    ...web,
    format: 'cjs',
    entryPoints: ['test/integration-web/index.ts'],
    outfile: 'out/test/integration-web/index.js',
    external: ['vscode'],
    inject: ['test/integration-web/process-shim.ts'],
    logLevel: 'warning',
  },
];

// Codicons for the webviews, served from the extension (no remote content).
if (!cliOnly) {
  mkdirSync(join(outRoot, 'dist/codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${f}`, join(outRoot, `dist/codicons/${f}`));
}

const wanted = cliOnly ? CLI_BUNDLES : extensionOnly ? EXTENSION_BUNDLES : undefined;
const selected = (wanted ? builds.filter((b) => wanted.includes(b.outfile)) : builds)
  .map((b) => (b.outfile ? { ...b, outfile: join(outRoot, b.outfile) } : { ...b, outdir: join(outRoot, b.outdir) }));
if (watch) {
  for (const b of selected) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(selected.map((b) => esbuild.build(b)));
  // One character outside ASCII (a regex literal or a comment esbuild leaves as written) makes
  // V8 hold the whole CLI source as UTF-16: 3 MB instead of 1.5 MB for every scan.
  for (const b of selected.filter((b) => CLI_BUNDLES.some((f) => b.outfile === join(outRoot, f)))) {
    const at = readFileSync(b.outfile, 'latin1').search(/[^\x00-\x7f]/);
    if (at >= 0) {
      console.error(`build: ${b.outfile} has a non-ASCII character at offset ${at}; write it as \\uXXXX in the source`);
      process.exit(1);
    }
  }
  // The start of every run: the engine slipping into it would cost every run its parse.
  const start = selected.find((b) => b.outfile === join(outRoot, 'dist/cli.js'));
  if (start && readFileSync(start.outfile).length > ENTRY_MAX_BYTES) {
    console.error(`build: dist/cli.js is ${readFileSync(start.outfile).length} bytes, more than ${ENTRY_MAX_BYTES}: has an import pulled the engine into src/cli/entry.ts?`);
    process.exit(1);
  }
}
