// `llm-compliance scan [PATH...] [--policy FILE] [--format text|json|sarif|cyclonedx|github|gitlab]` (with
// --workspace DIR FILE... for a subset judged in its workspace, and - for stdin),
// `llm-compliance init` (init.ts), and `llm-compliance lsp --stdio`, the Language Server
// for other editors (lsp.ts).
// Exit codes: 0 nothing at or above the failing severity, 1 findings, 2 usage or input error.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { closestMatch, type Engine, isDate, PolicyError, todayUtc, visibleControls } from '../core';
import { InitError, runInit } from './init';
import type * as Lsp from './lsp';
import { FORMAT_NAMES, formatOutput, isFormat } from './format/formats';
import { terminalOf, writeOutput } from './output';
import { exitCodeOf, failingOnly, tooManyWarnings, warningCount } from './report';
import { isScanWorker, runScanWorker } from './workers';
import { PACKAGE_INFO } from './package-info';
import { readStream, scan, systemReason } from './scan';
import { UsageError } from './usage-error';
import { defaultCacheFolder } from './cache-file';
import { OPTION_COMMAND, OPTIONS } from './options';
import { OutputKeeper, runKey, saveLastRun } from './last-run';


const HELP = `Usage: llm-compliance scan [PATH...] [options]
       llm-compliance scan --workspace DIR [FILE...] [options]
       llm-compliance scan --changed-since REF [DIR] [options]
       llm-compliance scan - --stdin-filename PATH [--workspace DIR] [options]
       llm-compliance init [--require LIST] [--baa LIST] [--gateway HOST] [--residency ZONE] [--yes]
       llm-compliance lsp --stdio

Finds every LLM API endpoint in source and config files, works out provider, host and
region, and checks them against the policy (.llm-compliance.yaml at the scanned folder).

The init command writes .llm-compliance.yaml in the current folder. On a terminal it asks
(PHI? EU personal data? which BAAs are signed? certifications? a gateway?); with answer
flags or --yes it never asks:
  --require LIST         hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai (or none)
  --baa LIST             providers whose BAA your organisation has signed (e.g. aws-bedrock,azure-openai)
  --gateway HOST         the team's LLM gateway: every call must go through it (repeatable)
  --residency ZONE       what eu-residency accepts: eu (default), eea or eu-adequacy
  --yes                  do not ask; without --require the policy requires nothing yet

The lsp command runs a Language Server on stdin/stdout for editors other than VS Code
(diagnostics, hovers, quick fixes and fix-all for each workspace folder).

With --workspace DIR the whole folder is read for context (its policy, .env files, compose,
Kubernetes and Terraform settings, values shared across files) and only the FILEs given
(files or folders inside DIR; all when none) are reported on. A finding is reported when any
file it involves is given: the line it sits on, the code that reads its setting, the config
line a value came from. Giving the policy file reports everything. Pre-commit hooks use it:
  llm-compliance scan --workspace . <staged files...>
With -, the content read from stdin is judged as the file PATH in the workspace (DIR, or the
current folder), in place of what is on disk: editors lint unsaved buffers this way.

Options:
  --policy FILE          policy file (default: .llm-compliance.yaml/.json in the first PATH)
  --format NAME          output format (default: text):
                           text, json, sarif (GitHub code scanning), cyclonedx (CycloneDX 1.6
                           AI-BOM), github (GitHub Actions annotations), gitlab (GitLab Code
                           Quality report)
  --output FILE          write the output to FILE instead of stdout
  --date YYYY-MM-DD      judge waiver expiry as of this day (default: today, UTC), to reproduce an audit
  --verbose              text format: also list endpoints that pass
  --show-waived          text format: also list waived findings (the summary counts them)
  --workspace DIR        read all of DIR for context (and its policy), report only on the FILEs given
  --changed-since REF    read all of the folder given (. by default) for context, report only on the
                         files changed since the git ref REF (from where it and HEAD diverge, to the
                         working tree, untracked files too): a pull request's files
  --stdin-filename PATH  with -: the file the content on stdin is judged as (required with -)
  --cache                keep each file's analysis and use it again while the file is unchanged (by
                         its stat, else its content hash); values shared across files are re-checked
                         every run. The output is the same as without it
  --cache-location DIR   where --cache keeps it (implies --cache; default LLM_COMPLIANCE_CACHE_DIR,
                         else the system's cache folder, e.g. ~/.cache/llm-compliance)
  -q, --quiet            only the findings that fail the run (at or above the policy's failOn, or
                         warnings past --max-warnings); text: nothing else, and nothing at all when
                         the run passes. JSON/SARIF: findings/results filtered the same way, the
                         endpoint inventory and notes complete
  --max-warnings N       also fail (exit 1) when there are more than N unwaived warnings, even if
                         failOn lets warnings pass (for a ratchet: no new warnings)
  --color, --no-color    text format: force colours on or off (the later one wins). Otherwise as
                         Node decides: FORCE_COLOR (1, 2, 3, true or empty: on; else off), then
                         only on a terminal, never with NO_COLOR, NODE_DISABLE_COLORS or TERM=dumb
  -h, --help             show this help
  -v, --version          show the version

Text output is wrapped at the terminal's width; piped or written to a file it is not wrapped.
Exit codes: 0 no finding at or above the policy's failOn severity, 1 findings, 2 usage or input error.
`;

/** What a test can put in place of the real thing: an engine with faults injected. */
export interface MainDeps {
  engine?: Engine;
  /** What `scan -` reads (process.stdin otherwise). */
  stdin?: NodeJS.ReadableStream;
}

export async function main(argv: string[], deps: MainDeps = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return usage(argsProblem(err));
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${PACKAGE_INFO.version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  const given = argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]!);
  const misplaced = given.find((name) => OPTION_COMMAND[name] && command && OPTION_COMMAND[name] !== command && ['scan', 'init', 'lsp'].includes(command));
  if (misplaced) return usage(`--${misplaced} belongs to the ${OPTION_COMMAND[misplaced]} command, not ${command}`);
  if (command === 'lsp') {
    if (!values.stdio || paths.length) return usage('the lsp command talks over stdin/stdout: run "llm-compliance lsp --stdio"');
    // Runs until the client sends exit (the connection ends the process then).
    loadLanguageServer().startLanguageServer(process.stdin, process.stdout, deps.engine);
    return new Promise(() => undefined);
  }
  if (command === 'init') {
    if (paths.length) return usage(`init writes the policy in the current folder and takes no path (got "${paths[0]}"): cd there first`);
    try {
      return await runInit(values, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true && process.stdout.isTTY === true, cwd: process.cwd() });
    } catch (err) {
      if (err instanceof InitError) return usage(err.message);
      throw err;
    }
  }
  if (command !== 'scan') {
    const meant = command ? closestMatch(command, ['scan', 'init', 'lsp']) : undefined;
    return usage(command ? `unknown command "${command}"${meant ? `; did you mean ${meant}?` : ''} (expected scan, init or lsp)` : 'missing command (expected scan, init or lsp)');
  }
  const format = values.format;
  if (!isFormat(format)) return usage(`unknown format "${format}" (expected ${FORMAT_NAMES.join(', ')})`);

  if (values.date !== undefined && !isDate(values.date)) return usage(`--date must be a day as YYYY-MM-DD, not "${values.date}"`);
  const maxWarnings = maxWarningsOf(values['max-warnings']);
  if (typeof maxWarnings === 'string') return usage(maxWarnings);
  const stdinProblem = stdinUsage(paths, values['stdin-filename']);
  if (stdinProblem) return usage(stdinProblem);
  const stdinFile = values['stdin-filename'];
  const changedSince = values['changed-since'];
  if (changedSince !== undefined && (stdinFile !== undefined || values.workspace !== undefined || paths.length > 1)) {
    return usage('--changed-since takes one folder (the workspace, . when none), not --workspace, stdin or files: git says which files to report on');
  }
  const gate = maxWarnings === undefined ? {} : { maxWarnings };
  if (values['cache-location'] === '') return usage('--cache-location needs a folder');
  const cacheFolder = values['cache-location'] ?? (values.cache ? defaultCacheFolder() : undefined);
  // Read once, before the scan: the day the waivers are judged against and the terminal the
  // output is formatted for are what the kept run is keyed by (a run can end after midnight).
  const today = values.date ?? todayUtc();
  const terminal = terminalOf(argv, values.output);
  const key = cacheFolder === undefined ? undefined : runKey(argv, terminal, today);

  let scanned;
  try {
    // The bundle starts worker threads from itself (see the bottom of this file).
    scanned = await scan(stdinFile === undefined ? paths : [], {
      ...(values.policy ? { policyFile: values.policy } : {}),
      today,
      ...(values.workspace !== undefined ? { workspace: values.workspace } : {}),
      ...(changedSince !== undefined ? { changedSince, workspace: paths[0] ?? '.' } : {}),
      ...(stdinFile !== undefined ? { stdin: { file: stdinFile, read: (limit: number) => readStream(deps.stdin ?? process.stdin, limit) } } : {}),
      workerScript: __filename.endsWith('.js') ? __filename : undefined,
      ...(cacheFolder !== undefined ? { cacheFolder } : {}),
      ...(deps.engine ? { engine: deps.engine } : {}),
    });
  } catch (err) {
    if (err instanceof PolicyError) {
      process.stderr.write(`llm-compliance: invalid policy: ${err.problems.map((p) => visibleControls(`${p.file}:${p.line}:${p.column}: ${p.message}`)).join('\n  ')}\n`);
      return 2;
    }
    if (err instanceof UsageError) return usage(err.message, err.pointToHelp);
    if (isNodeError(err) && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR')) {
      return usage(`cannot read ${err.path ?? 'a file'}: ${systemReason(err)}`);
    }
    throw err;
  }

  deps.engine?.checkpoint('report');
  // --quiet lists only what fails the run; the exit code is the same either way.
  const report = values.quiet ? failingOnly(scanned, gate) : scanned;
  // Written as it is serialised: a large report is never one string (V8 caps strings at about 512 MB).
  const chunks = formatOutput(format, report, {
    version: PACKAGE_INFO.version, rootUri: pathToFileURL(process.cwd()).href + '/', paths, color: format === 'text' && terminal.color, verbose: values.verbose, showWaived: values['show-waived'],
    width: terminal.width, quiet: values.quiet, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  });
  // With --cache, the output is kept with what the scan depended on, for the next run of the same command.
  const kept = scanned.dependencies && key !== undefined ? new OutputKeeper() : undefined;
  try {
    await writeOutput(kept ? kept.tee(chunks) : chunks, values.output);
  } catch (err) {
    // Only the system's write errors; a fault in a formatter stays an internal error.
    if (!isNodeError(err) || !err.syscall) throw err;
    return usage(`cannot write ${values.output ?? 'the output'}: ${err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'its folder does not exist' : systemReason(err)}`);
  }
  let notices = '';
  // The text output says it in its last line; JSON and SARIF stay as they are (a contract), so the hint goes to stderr.
  if (!report.policy && (format !== 'text' || values.output || values.quiet)) {
    const n = report.endpoints.length;
    notices += `llm-compliance: no policy file: ${n} endpoint${n === 1 ? '' : 's'} found, none checked; run "llm-compliance init" to create one\n`;
  }
  if (tooManyWarnings(scanned, gate)) {
    notices += `llm-compliance: too many warnings: ${warningCount(scanned)}, more than --max-warnings ${maxWarnings}\n`;
  }
  if (notices) process.stderr.write(notices);
  const code = exitCodeOf(scanned, gate);
  const text = kept?.text;
  if (text !== undefined) saveLastRun(cacheFolder!, argv, key!, scanned.dependencies!, { text, notices, code });
  return code;
}

/** --max-warnings N: a count from 0 (-1, ESLint's default, means no limit), or why not. */
function maxWarningsOf(given: string | undefined): number | undefined | string {
  if (given === undefined || given.trim() === '-1') return undefined;
  return /^\s*\d{1,9}\s*$/.test(given) ? Number(given) : `--max-warnings must be a whole number of warnings (0 or more), not "${given}"`;
}

/** `scan -` reads one file's content from stdin and needs the path it is judged as; or why the command line does not fit. */
function stdinUsage(paths: string[], stdinFile: string | undefined): string | undefined {
  const dash = paths.includes('-');
  if (dash && stdinFile === undefined) return 'scan - reads a file from stdin and needs --stdin-filename PATH, the file it is judged as';
  if (!dash && stdinFile !== undefined) return '--stdin-filename names the file read from stdin: give - as the path (scan - --stdin-filename PATH)';
  if (dash && paths.length > 1) return 'scan - reads one file from stdin: give no other paths';
  if (stdinFile === '') return '--stdin-filename needs a path';
  return undefined;
}

/** parseArgs's complaint in the user's words, with the option they most likely meant. */
function argsProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const meant = option.startsWith('--') ? closestMatch(option.slice(2), Object.keys(OPTIONS)) : undefined;
    return `unknown option ${option}${meant ? `; did you mean --${meant}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
    if (/ambiguous/.test(message)) return `${option} needs a value, and what follows it looks like an option (write ${option}=VALUE if it is the value)`;
    return `${option} needs a value`;
  }
  return `cannot read the options: ${message.split('\n')[0]}`;
}

/** The language server is a bundle of its own (dist/lsp.js): a scan never loads or parses its code. */
function loadLanguageServer(): typeof Lsp {
  return createRequire(__filename)(__filename.endsWith('.js') ? './lsp.js' : './lsp') as typeof Lsp;
}

function usage(reason: string, pointToHelp = true): number {
  // The reason can quote a path or an argument: no raw control characters to the terminal.
  process.stderr.write(`llm-compliance: ${visibleControls(reason)}\n${pointToHelp ? 'Run "llm-compliance --help" for usage.\n' : ''}`);
  return 2;
}

function isNodeError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err;
}

/** Runs the CLI as a process: main's exit code, or 2 with the stack of an internal error. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`llm-compliance: internal error: ${detail.split('\n').map(visibleControls).join('\n')}\n`);
      process.exitCode = 2;
    },
  );
}

// dist/cli.js (entry.ts) loads this bundle (dist/cli-main.js) and calls run; worker threads start from it.
if (isScanWorker()) runScanWorker();
else if (require.main === module) run(process.argv.slice(2));
