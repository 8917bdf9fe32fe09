// The root's `vscode:prepublish`: `vsce package` or `vsce publish` run at the root would pack the
// development tree (sources, tests, dev bundles with source maps). The VSIX is built from a
// staged folder instead; its package.json has no such script, so vsce runs there.
console.error([
  'Refusing to package the repository root with vsce: it is the development tree (and the npm CLI package).',
  'Build the VSIX with:   npm run package          (writes .build/llm-compliance-<version>.vsix)',
  'Publish that file with: npx vsce publish --packagePath .build/llm-compliance-<version>.vsix',
].join('\n'));
process.exit(1);
