// ESLint flat config: typescript-eslint with type information, plus the rule that keeps
// the engine (src/core) free of `vscode` and Node built-ins so one engine serves the
// CLI, the desktop extension and the web extension.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const publicEntryOnly = { regex: '^(\\.\\./)+core/', message: 'Hosts use the engine through its public entry: import from the core folder itself (src/core/index.ts).' };

export default tseslint.config(
  { ignores: ['src/**/*.generated.js', 'dist/**', '.build/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.bench/**', '.fuzz/**', 'test/fixtures/**', 'examples/**', '**/*.mjs', 'scripts/**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is the shared engine: no vscode API here.' }, ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in the web extension too: no Node built-ins.' }))],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core runs in the web extension too.' },
        { name: 'Buffer', message: 'Use Uint8Array and TextDecoder in src/core.' },
        { name: 'require', message: 'Use imports.' },
        { name: 'fetch', message: 'The engine never makes network calls.' },
        { name: 'window', message: 'src/core runs in the CLI too: no DOM.' },
        { name: 'document', message: 'src/core runs in the CLI too: no DOM.' },
        { name: 'XMLHttpRequest', message: 'The engine never makes network calls.' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  {
    // Hosts use the engine through its public entry only (src/core/index.ts), so the modules
    // behind it can be split and moved without touching a host.
    files: ['src/cli/**/*.ts', 'src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [publicEntryOnly] }],
    },
  },
  {
    // The CLI's start (dist/cli.js) answers a repeated `scan --cache` without loading the engine:
    // it takes the two small modules it needs from behind the entry, which would pull in all of it.
    files: ['src/cli/last-run.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...publicEntryOnly, regex: '^(\\.\\./)+core/(?!day$|text$)' }] }],
    },
  },
  {
    // A hostile policy or .gitignore can make parsing or pattern matching slow: the extension
    // host never does either; the index worker (index-service.ts) does.
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/index-service.ts', 'src/extension/sidebar/policy-edit-text.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['yaml', 'ignore', 'jsonc-parser'].map((name) => ({ name, message: 'Parse in the index worker, not on the extension host.' })),
        patterns: [
          publicEntryOnly,
          { regex: '^(\\.\\./)+core$', importNames: ['parsePolicy'], message: 'Policies are parsed and matched in the index worker (ask it through IndexWorker).' },
          { regex: '^(\\.\\./)+core$', importNames: ['isExcluded', 'isIgnored', 'gitignoreLayer', 'policyLayer'], message: 'Paths are matched in the index worker (FolderIndex.scanned).' },
          { regex: '^(\\.\\./)+core$', importNames: ['Engine', 'WorkspaceIndex', 'analyzeWorkspace', 'firstAnalyzer'], message: 'Analysis runs in the index worker, not on the extension host.' },
          { group: ['**/sidebar/policy-edit-text'], message: 'Analysis runs in the index worker, not on the extension host.' },
        ],
      }],
    },
  },
  {
    // The web extension runs these files too (in a browser): Node only in the desktop's own
    // files. (Node built-in imports fail the web build, scripts/build.mjs.)
    files: ['src/extension/**/*.ts', 'src/webview/**/*.ts'],
    ignores: ['src/extension/extension.ts', 'src/extension/node-host.ts', 'src/extension/index-worker.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The web extension has no Node process.' },
        { name: 'Buffer', message: 'Use Uint8Array and TextDecoder: the web extension has no Buffer.' },
        { name: '__dirname', message: 'The web extension has no file paths: use context.extensionUri.' },
        { name: 'require', message: 'Use imports.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
