// `llm-compliance scan [PATH...] [--policy FILE] [--format text|json|sarif]`, and
// `llm-compliance lsp --stdio`, the Language Server for other editors (lsp.ts).
// Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.

import { once } from 'node:events';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Engine, isDate, PolicyError, visibleControls } from '../core';
import { jsonChunks } from './format/json-stream';
import type * as Lsp from './lsp';
import { toSarif } from './format/sarif';
import { textLines } from './format/text';
import { exitCodeOf, toJson } from './report';
import { isScanWorker, runScanWorker } from './workers';
import { scan, UsageError } from './scan';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `Usage: llm-compliance scan [PATH...] [options]
       llm-compliance lsp --stdio

Finds every LLM API endpoint in source and config files, works out provider, host and
region, and checks them against the policy (.llm-compliance.yaml at the scanned folder).

The lsp command runs a Language Server on stdin/stdout for editors other than VS Code
(diagnostics, hovers, quick fixes and fix-all for each workspace folder).

Options:
  --policy FILE          policy file (default: .llm-compliance.yaml/.json in the first PATH)
  --format text|json|sarif  output format (default: text)
  --output FILE          write the output to FILE instead of stdout
  --date YYYY-MM-DD      judge waiver expiry as of this day (default: today, UTC), to reproduce an audit
  --verbose              text format: also list endpoints that pass
  --no-color             text format: no colours (also when NO_COLOR is set)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no finding at or above the policy's failOn severity, 1 findings, 2 usage or input error.
`;

/** What a test can put in place of the real thing: an engine with faults injected. */
export interface MainDeps {
  engine?: Engine;
}

export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        date: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        stdio: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === 'lsp') {
    if (!values.stdio || paths.length) return usage('the lsp command talks over stdin/stdout: run "llm-compliance lsp --stdio"');
    // Runs until the client sends exit (the connection ends the process then).
    loadLanguageServer().startLanguageServer(process.stdin, process.stdout, deps.engine);
    return new Promise(() => undefined);
  }
  if (command !== 'scan') return usage(command ? `unknown command "${command}" (expected "scan" or "lsp")` : 'missing command (expected "scan" or "lsp")');
  if (values.stdio) return usage('--stdio belongs to the lsp command');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return usage(`unknown format "${format}" (expected text, json or sarif)`);

  if (values.date !== undefined && !isDate(values.date)) return usage(`--date must be a day as YYYY-MM-DD, not "${values.date}"`);

  let report;
  try {
    // The bundle starts worker threads from itself (see the bottom of this file).
    report = await scan(paths, {
      ...(values.policy ? { policyFile: values.policy } : {}),
      ...(values.date ? { today: values.date } : {}),
      workerScript: __filename.endsWith('.js') ? __filename : undefined,
      ...(deps.engine ? { engine: deps.engine } : {}),
    });
  } catch (err) {
    if (err instanceof PolicyError) {
      process.stderr.write(`llm-compliance: invalid policy: ${err.problems.map((p) => visibleControls(`${p.file}:${p.line}:${p.column}: ${p.message}`)).join('\n  ')}\n`);
      return 2;
    }
    if (err instanceof UsageError) return usage(err.message);
    if (isNodeError(err) && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR')) {
      return usage(`cannot read ${err.path ?? 'a file'}: ${err.code}`);
    }
    throw err;
  }

  deps.engine?.checkpoint('report');
  const color = format === 'text' && !values['no-color'] && !process.env.NO_COLOR && !values.output && process.stdout.isTTY === true;
  // Written as it is serialised: a large report is never one string (V8 caps strings at about 512 MB).
  const chunks = format === 'json' ? jsonDocument(toJson(report))
    : format === 'sarif' ? jsonDocument(toSarif(report, VERSION, pathToFileURL(process.cwd()).href + '/'))
    : linesIn(textLines(report, { color, verbose: values.verbose }));
  try {
    await writeOutput(chunks, values.output);
  } catch (err) {
    // Only the system's write errors; a fault in a formatter stays an internal error.
    if (!isNodeError(err) || !err.syscall) throw err;
    return usage(`cannot write ${values.output ?? 'the output'}: ${err.code ?? err.message}`);
  }
  return exitCodeOf(report);
}

/** The language server is a bundle of its own (dist/lsp.js): a scan never loads or parses its code. */
function loadLanguageServer(): typeof Lsp {
  return createRequire(__filename)(__filename.endsWith('.js') ? './lsp.js' : './lsp') as typeof Lsp;
}

function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}

/** Lines joined into chunks of about 64 KB, each line ending in a line break. */
function* linesIn(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Writes chunk by chunk to the file, or to stdout waiting for it to drain. */
async function writeOutput(chunks: Iterable<string>, file: string | undefined): Promise<void> {
  if (file === undefined) {
    for (const chunk of chunks) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
    return;
  }
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function usage(reason: string): number {
  // The reason can quote a path or an argument: no raw control characters to the terminal.
  process.stderr.write(`llm-compliance: ${visibleControls(reason)}\nRun "llm-compliance --help" for usage.\n`);
  return 2;
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}

if (isScanWorker()) {
  runScanWorker();
} else if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`llm-compliance: internal error: ${detail.split('\n').map(visibleControls).join('\n')}\n`);
      process.exitCode = 2;
    },
  );
}
