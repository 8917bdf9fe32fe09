// The output formats of `llm-compliance scan --format NAME`: main.ts looks the name up here, so a
// format is added in this folder alone. Each one yields its output in chunks of about 64 KB
// (a large report is never one string).

import * as path from 'node:path';
import { PACKAGE_INFO } from '../package-info';
import { toJson, type ScanReport } from '../report';
import { toCycloneDx } from './cyclonedx';
import { toCodeQuality } from './gitlab';
import { githubAnnotations } from './github';
import { jsonChunks } from './json-stream';
import { toSarif } from './sarif';
import { textLines } from './text';

export interface FormatContext {
  /** The tool's version, as `--version` prints it. */
  version: string;
  /** The working directory as a file URL ending in `/` (SARIF's %SRCROOT%). */
  rootUri: string;
  /** The scanned paths as given (the first names the project in an AI-BOM). */
  paths: string[];
  /** Text only: */
  color: boolean;
  verbose: boolean;
  showWaived: boolean;
  width: number;
  /** --quiet: only what fails the run, and no chatter. */
  quiet: boolean;
  /** SOURCE_DATE_EPOCH, for a reproducible CycloneDX timestamp. */
  sourceDateEpoch?: string | undefined;
}

const FORMATS = {
  text: (report: ScanReport, c: FormatContext) => linesIn(textLines(report, { color: c.color, verbose: c.verbose, showWaived: c.showWaived, width: c.width, quiet: c.quiet })),
  json: (report: ScanReport) => jsonDocument(toJson(report)),
  sarif: (report: ScanReport, c: FormatContext) => jsonDocument(toSarif(report, c.version, c.rootUri)),
  cyclonedx: (report: ScanReport, c: FormatContext) =>
    jsonDocument(toCycloneDx(report, { info: { ...PACKAGE_INFO, version: c.version }, projectName: path.basename(path.resolve(c.paths[0] ?? '.')), sourceDateEpoch: c.sourceDateEpoch })),
  github: (report: ScanReport) => linesIn(githubAnnotations(report)),
  gitlab: (report: ScanReport) => jsonDocument(toCodeQuality(report)),
} satisfies Record<string, (report: ScanReport, context: FormatContext) => Iterable<string>>;

export type FormatName = keyof typeof FORMATS;

/** The format names, in the order the help lists them (a contract: DESIGN.md). */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormat(name: string | undefined): name is FormatName {
  return name !== undefined && Object.hasOwn(FORMATS, name);
}

/** The output of a report in a format, chunk by chunk. */
export function formatOutput(format: FormatName, report: ScanReport, context: FormatContext): Iterable<string> {
  return FORMATS[format](report, context);
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
