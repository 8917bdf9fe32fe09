// The command line's options, for node:util's parseArgs: main.ts reads them, and so does
// last-run.ts, which answers a repeated `scan --cache` before the rest of the CLI is loaded.

export const OPTIONS = {
  policy: { type: 'string' },
  format: { type: 'string', default: 'text' },
  output: { type: 'string' },
  date: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  'show-waived': { type: 'boolean', default: false },
  'no-color': { type: 'boolean', default: false },
  color: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
  'max-warnings': { type: 'string' },
  workspace: { type: 'string' },
  'changed-since': { type: 'string' },
  'stdin-filename': { type: 'string' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  require: { type: 'string' },
  baa: { type: 'string' },
  gateway: { type: 'string', multiple: true },
  residency: { type: 'string' },
  yes: { type: 'boolean', short: 'y', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  stdio: { type: 'boolean', default: false },
} as const;

/** Which command each option belongs to (the rest are for every command). */
export const OPTION_COMMAND: Record<string, string> = {
  policy: 'scan', format: 'scan', output: 'scan', date: 'scan', verbose: 'scan', 'show-waived': 'scan', 'no-color': 'scan', color: 'scan',
  quiet: 'scan', 'max-warnings': 'scan', workspace: 'scan', 'changed-since': 'scan', 'stdin-filename': 'scan', cache: 'scan', 'cache-location': 'scan',
  require: 'init', baa: 'init', gateway: 'init', residency: 'init', yes: 'init', stdio: 'lsp',
};
