// What must hold for every fuzz input. Runs inside the fuzz worker; each check that fails
// adds a Failure (category, oracle, message), and the run goes on with the next check.
//
//   crash           an exception escapes the engine, the workspace pipeline, an output
//                   formatter, parsePolicy (other than PolicyError) or the path matcher; or
//                   the engine caught one itself and fell back ("internal error" note)
//   invalid-output  JSON off the DESIGN.md contract or a range outside the file; SARIF off
//                   the 2.1.0 schema; raw control or bidi characters in text output or in a
//                   policy error; a policy error positioned outside the policy's text
//   fix             a quick fix breaks the syntax of a file that parsed, or leaves its finding
//   policy          a policy the engine accepts but reads differently from the YAML/JSON
//                   parser (dropped aliases or complex keys, prototype keys, non-finite numbers)
//   host            an endpoint decided by a URL literal whose host is not the one the WHATWG
//                   URL parser (which the SDKs use) reads from it
//   hang            (also) path matching over the bound below
// Hangs over 10 s and memory failures are caught by the parent (run.ts), not here.

import { isDeepStrictEqual } from 'node:util';
import { runInNewContext } from 'node:vm';
import { parseAllDocuments } from 'yaml';
import { toSarif } from '../../src/cli/format/sarif';
import { toText } from '../../src/cli/format/text';
import { toJson, type ScanReport } from '../../src/cli/report';
import { Engine, formatOf, type FileResult } from '../../src/core/engine';
import { isExcluded, policyLayer } from '../../src/core/files';
import type { TextEdit, TextRange } from '../../src/core/model';
import { DEFAULT_MAX_FILE_SIZE_KB, parsePolicy, pathMatcher, PolicyError, REQUIREMENTS, type Policy } from '../../src/core/policy/policy';
import policySchema from '../../schemas/policy.schema.json';
import { WorkspaceIndex } from '../../src/core/workspace';
import { syntaxErrors } from '../support/parse-check';
import { sarifValidator } from '../support/sarif';
import { WORKSPACE_ENV, type Case, type FileCase, type GlobCase, type PolicyCase } from './cases';
import type { Corpus, SeedPolicy } from './corpus';

export type Category = 'crash' | 'hang' | 'memory' | 'invalid-output' | 'fix' | 'policy' | 'host';

export interface Failure {
  category: Category;
  /** Which check failed, in a few words ("engine.analyze threw", "SARIF schema"). */
  oracle: string;
  message: string;
  stack?: string;
}

/**
 * The class a failure is counted under: the check, and for crashes and policy gaps the gist
 * of the message (numbers and quoted text dropped), so one bug is one class.
 */
export function failureClass(f: Failure): string {
  const gist = (s: string): string => s.replace(/\/\^.*\/[a-z]*:/, '/…/:').replace(/"[^"]*"|'[^']*'/g, '…').replace(/\d+/g, 'N').slice(0, 90);
  if (f.category === 'crash') {
    const internal = /internal error[^:]*: (.*?)(?:; scanned|$)/.exec(f.message);
    return `crash: ${f.oracle}: ${gist(internal ? internal[1]! : f.message)}`;
  }
  if (f.category === 'policy') return `policy: ${f.oracle}: ${gist(f.message.split(':')[0]!)}`;
  return `${f.category}: ${f.oracle}`;
}

export interface CaseStats {
  fixesChecked: number;
  endpoints: number;
  findings: number;
  /** Milliseconds per phase (engine.analyze, workspace pipeline, toSarif, parse check, ...). */
  phases: Record<string, number>;
}

/** Waiver expiry is judged as of this day, so that a run does not change with the date. */
const TODAY = '2026-11-27';
/** Patterns x paths of one glob input must be matched within this (a hang when over). */
export const GLOB_BOUND_MS = 1000;
/** Fixes re-checked per input: each costs a workspace analysis and two parses. */
const MAX_FIXES_PER_INPUT = 3;
/**
 * Over this size an input has one fix re-checked, and not parsed: tree-sitter's error recovery
 * takes seconds on a big broken file, which the watchdog would count against the engine.
 */
const BIG_INPUT = 100_000;
/** The engine's note when it caught an exception of its own and fell back. */
const INTERNAL_ERROR = /internal error/i;
/** Terminal controls that must not reach text output raw: C0 but tab and newline, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The policy's top-level keys, as the schema lists them. */
const KNOWN_POLICY_KEYS = new Set(Object.keys(policySchema.properties));

export class Checker {
  private readonly engine = new Engine();
  private readonly validateSarif = sarifValidator();
  private readonly policies = new Map<SeedPolicy, Policy>();

  constructor(private readonly corpus: Corpus) {}

  check(c: Case): { failures: Failure[]; stats: CaseStats } {
    const out = new Failures();
    const stats: CaseStats = { fixesChecked: 0, endpoints: 0, findings: 0, phases: out.phases };
    if (c.kind === 'file') this.checkFile(c, out, stats);
    else if (c.kind === 'policy') this.checkPolicy(c, out, stats);
    else this.checkGlob(c, out);
    return { failures: out.list, stats };
  }

  // ---- files ------------------------------------------------------------------------

  private checkFile(c: FileCase, out: Failures, stats: CaseStats): void {
    const content = c.asString ? Buffer.from(c.content).toString('utf8') : c.content;
    // 1. The engine alone, forced past the prefilter so that every mutated file is parsed.
    const direct = out.guard('engine.analyze threw', () => this.engine.analyze(c.file, content, { force: true }));
    if (direct) this.checkFileResult(direct, out);
    // 2. The workspace pipeline (the editor's index, the CLI's passes) and every output format.
    const policy = this.policyOf(c.policy);
    const files = this.workspaceFiles(c, content);
    const report = out.guard('workspace pipeline threw', () => workspaceReport(this.engine, policy, files));
    if (!report) return;
    stats.endpoints = report.endpoints.length;
    stats.findings = report.findings.length;
    this.checkReport(report, out);
    // 3. Quick fixes round-trip.
    const text = report.texts.get(c.file);
    if (text === undefined) return;
    let parsedBefore: boolean | undefined;
    for (const finding of report.findings) {
      if (finding.file !== c.file) continue;
      for (const fix of finding.fixes) {
        if (stats.fixesChecked >= (text.length > BIG_INPUT ? 1 : MAX_FIXES_PER_INPUT)) return;
        stats.fixesChecked++;
        const edits = [...fix.edits].sort((a, b) => a.start - b.start);
        if (edits.some((e, i) => e.start < 0 || e.end < e.start || e.end > text.length || (i > 0 && e.start < edits[i - 1]!.end))) {
          out.add('invalid-output', 'fix edits out of range', `"${fix.title}": edits ${JSON.stringify(edits.map((e) => [e.start, e.end]))} in a text of ${text.length}`);
          continue;
        }
        let fixed = text;
        for (const e of [...edits].reverse()) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
        parsedBefore ??= text.length <= BIG_INPUT && out.time('parse check', () => parses(c.file, text)).length === 0;
        const errors = parsedBefore ? out.time('parse check', () => parses(c.file, fixed)) : [];
        if (errors.length) out.add('fix', 'fix breaks the syntax', `"${fix.title}" (${finding.ruleId}): ${errors[0]}`);
        const after = out.guard('workspace pipeline threw', () => workspaceReport(this.engine, policy, files.map((f) => (f.path === c.file ? { path: f.path, content: fixed } : f))));
        if (!after) continue;
        // Where the finding and the edits are in the fixed text: a finding of the same rule there is the same finding.
        const places = [mapRange(finding.range, edits), ...newRanges(edits)];
        // Other findings of the rule stay where they were (a call around the fixed URL, say, with its own endpoint).
        const others = report.findings.filter((f) => f !== finding && f.file === c.file && f.ruleId === finding.ruleId && !sameRange(f.range, finding.range)).map((f) => mapRange(f.range, edits));
        const still = after.findings.find((f) => f.file === c.file && f.ruleId === finding.ruleId && !f.suppression && places.some((p) => overlaps(p, f.range)) && !others.some((o) => sameRange(o, f.range)));
        if (still) out.add('fix', 'fix does not clear its finding', `"${fix.title}" (${finding.ruleId}): after it, ${still.ruleId} "${still.message.slice(0, 120)}"`);
      }
    }
  }

  /** The mutated file in a small workspace: its policy (as a file too, as the CLI walks it) and a .env. */
  private workspaceFiles(c: FileCase, content: Uint8Array | string): { path: string; content: Uint8Array | string }[] {
    const files = [{ path: c.file, content }];
    if (c.file !== c.policy.name) files.push({ path: c.policy.name, content: c.policy.text });
    if (c.file !== '.env') files.push({ path: '.env', content: WORKSPACE_ENV });
    return files;
  }

  private policyOf(seed: SeedPolicy): Policy {
    let policy = this.policies.get(seed);
    if (!policy) this.policies.set(seed, (policy = parsePolicy(seed.name, seed.text)));
    return policy;
  }

  /** What Engine.analyze returned is in range of the text it read. */
  private checkFileResult(result: FileResult, out: Failures): void {
    for (const n of result.notes) if (INTERNAL_ERROR.test(n.message)) out.add('crash', 'internal error note', n.message);
    const text = result.text;
    if (text === undefined) return;
    const ranges: [string, TextRange][] = [];
    for (const e of result.endpoints) {
      ranges.push(['endpoint', e.range]);
      for (const x of e.euFix?.edits ?? []) ranges.push(['endpoint fix edit', x]);
      for (const f of e.fallbacks ?? []) if (f.endpoint.file === result.file) ranges.push(['fallback', f.endpoint.range]);
    }
    for (const w of result.waivers) ranges.push(['waiver', w.range], ['waiver covers', w.covers]);
    for (const [what, r] of ranges) {
      if (!(r.start >= 0 && r.start <= r.end && r.end <= text.length)) out.add('invalid-output', 'range outside the file', `${what} ${r.start}-${r.end} in a text of ${text.length}`);
    }
    // An endpoint decided by a URL literal has the host the WHATWG URL parser (the SDKs') gives it, or none.
    const lexical = result.notes.some((n) => /scanned lexically/.test(n.message));
    for (const e of result.endpoints) {
      const m = /^(["'`]?)((?:https?|wss?):\/\/[^"'`\s]*)["'`]?$/.exec(text.slice(e.range.start, e.range.end));
      // A config file that did not parse was searched lexically: its URLs are read as written.
      const literal = m && (lexical ? m[2]! : valueAsRead(m[2]!, result.file, m[1] || text.charAt(e.range.start - 1)));
      const sdkHost = literal === undefined || literal === null ? undefined : urlHost(literal);
      if (sdkHost === undefined || e.host === null) continue;
      const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host; // an IPv6 address
      // (Either as given, or as the URL parser reads it back: a host ending in two dots keeps one.)
      if (e.host !== sdkHost && urlHost(`https://${host}/`) !== sdkHost) out.add('host', 'host unlike the URL parser', `${JSON.stringify(literal)}: the engine says ${JSON.stringify(e.host)} (${e.provider}), the URL parser ${JSON.stringify(sdkHost)}`);
    }
  }

  /** Every output format of a workspace's results. */
  private checkReport(report: ScanReport, out: Failures): void {
    for (const n of report.notes) if (INTERNAL_ERROR.test(n.message)) out.add('crash', 'internal error note', n.message);
    for (const f of report.findings) if (INTERNAL_ERROR.test(f.message)) out.add('crash', 'internal error finding', f.message);
    const json = out.guard('toJson threw', () => JSON.parse(JSON.stringify(toJson(report))) as unknown);
    if (json !== undefined) for (const problem of jsonContractProblems(json, report.texts).slice(0, 3)) out.add('invalid-output', problem.oracle, problem.message);
    const sarif = out.guard('toSarif threw', () => JSON.parse(JSON.stringify(toSarif(report, '0.0.0-fuzz', 'file:///workspace/'))) as unknown);
    if (sarif !== undefined && !this.validateSarif(sarif)) {
      const e = this.validateSarif.errors?.[0];
      out.add('invalid-output', 'SARIF schema', `${e?.instancePath} ${e?.message}`);
    }
    const text = out.guard('toText threw', () => toText(report, { color: false, verbose: true }));
    if (text !== undefined) {
      const m = RAW_CONTROL.exec(text);
      if (m) out.add('invalid-output', `raw ${controlName(m[0])} in text output`, `${codePoint(m[0])} in ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 40))}`);
    }
  }

  // ---- policies ---------------------------------------------------------------------

  private checkPolicy(c: PolicyCase, out: Failures, stats: CaseStats): void {
    let policy: Policy;
    try {
      policy = out.time('parsePolicy', () => parsePolicy(c.name, c.text));
    } catch (err) {
      if (!(err instanceof PolicyError)) {
        out.add('crash', 'parsePolicy threw other than PolicyError', errorMessage(err), errorStack(err));
        return;
      }
      const lines = lineLengths(c.text);
      for (const p of err.problems) {
        if (!positionInside(lines, p.line, p.column)) out.add('invalid-output', 'policy error outside the text', `${p.line}:${p.column} (the text has ${lines.length} lines): ${p.message.slice(0, 100)}`);
      }
      const m = RAW_CONTROL.exec(err.message);
      if (m) out.add('invalid-output', `raw ${controlName(m[0])} in a policy error`, `${codePoint(m[0])} in ${JSON.stringify(err.message.slice(Math.max(0, m.index - 40), m.index + 40))}`);
      return;
    }
    for (const problem of policyShapeProblems(policy, c.text)) out.add('policy', 'accepted policy malformed', problem);
    for (const problem of out.time('policy reference reading', () => policyReadingProblems(policy, c.name, c.text))) out.add('policy', 'policy read unlike its parser', problem);
    // The accepted policy at work: its waivers, gateway and severities over the examples workspace.
    const report = out.guard('workspace pipeline threw', () => workspaceReport(this.engine, policy, [...this.corpus.workspace.map((f) => ({ path: f.path, content: f.bytes })), { path: c.name, content: c.text }]));
    if (report) {
      stats.endpoints = report.endpoints.length;
      stats.findings = report.findings.length;
      this.checkReport(report, out);
    }
    const patterns = [...policy.ignore, ...policy.waivers.flatMap((w) => w.paths), ...(policy.gateway?.allow ?? [])];
    if (patterns.length) this.checkGlob({ patterns, paths: DEEP_PATHS }, out);
  }

  // ---- glob patterns ----------------------------------------------------------------

  private checkGlob(c: Pick<GlobCase, 'patterns' | 'paths'>, out: Failures): void {
    const start = performance.now();
    out.guard('pathMatcher threw', () => {
      const matches = pathMatcher(c.patterns);
      for (const p of c.paths) matches(p);
    });
    out.guard('ignore layer threw', () => {
      const layers = [policyLayer(c.patterns)];
      for (const p of c.paths) isExcluded(p, layers);
    });
    const ms = performance.now() - start;
    if (ms > GLOB_BOUND_MS) out.add('hang', 'path matching over the bound', `${Math.round(ms)} ms for ${c.patterns.length} patterns x ${c.paths.length} paths (bound ${GLOB_BOUND_MS} ms)`);
  }
}

/** Deep paths every accepted policy's patterns are matched against. */
const DEEP_PATHS = [
  `${'a/'.repeat(40)}b.py`, `${'a/'.repeat(40)}a/`, 'legacy/x.py', 'api/app/triage.py', `${'src/'.repeat(30)}x.ts`, `${'a'.repeat(300)}/b.py`, 'litellm/config.yaml',
];

/** The workspace pipeline over in-memory files, as a report the output formats take. */
function workspaceReport(engine: Engine, policy: Policy, files: { path: string; content: Uint8Array | string }[]): ScanReport {
  const index = new WorkspaceIndex(engine, policy, { today: () => TODAY });
  for (const f of files) index.set(f.path, f.content);
  const r = index.results();
  return { endpoints: r.endpoints, findings: r.findings, notes: r.notes, filesScanned: index.files().length, policy: policy.source ? policy : null, texts: r.texts };
}

/** A range of the text before `edits` (sorted, not overlapping) in the text after them. */
function mapRange(range: TextRange, edits: TextEdit[]): TextRange {
  const map = (offset: number, end: boolean): number => {
    let shift = 0;
    for (const e of edits) {
      if (e.end <= offset && !(end && e.start === offset && e.end === offset)) shift += e.newText.length - (e.end - e.start);
      else if (e.start < offset) return e.start + shift + (end ? e.newText.length : 0); // inside an edit: its new text
    }
    return offset + shift;
  };
  return { start: map(range.start, false), end: map(range.end, true) };
}

/** Where each edit's new text lies in the text after all of them. */
function newRanges(edits: TextEdit[]): TextRange[] {
  let shift = 0;
  return edits.map((e) => {
    const r = { start: e.start + shift, end: e.start + shift + e.newText.length };
    shift += e.newText.length - (e.end - e.start);
    return r;
  });
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Whether two ranges share a character (an empty range counts as the character after it). */
function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < Math.max(b.end, b.start + 1) && b.start < Math.max(a.end, a.start + 1);
}

/** The host name as WHATWG URL reads it (lower case, IDNA, no trailing dot), or undefined when it does not parse. */
function urlHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** Syntax errors of a text for its format ([] when it parses); tree-sitter for code. */
function parses(file: string, text: string): string[] {
  try {
    // The yaml package's pretty errors are quadratic on broken files: ask for plain ones.
    if (formatOf(file)?.kind === 'yaml') return parseAllDocuments(text, { prettyErrors: false }).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : []));
    return syntaxErrors(file, text);
  } catch (err) {
    return [errorMessage(err)];
  }
}

// ---- JSON contract ----------------------------------------------------------------------

/** Departures of `toJson`'s output from the DESIGN.md contract, with every position inside its file. */
export function jsonContractProblems(json: unknown, texts: Map<string, string>): { oracle: string; message: string }[] {
  const problems: { oracle: string; message: string }[] = [];
  const shape = (message: string): void => void problems.push({ oracle: 'JSON contract', message });
  const lines = new Map<string, number[]>();
  const linesOf = (file: string): number[] | undefined => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    let l = lines.get(file);
    if (!l) lines.set(file, (l = lineLengths(text)));
    return l;
  };
  const isPositive = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 1;
  const region = (where: string, file: string, r: Record<string, unknown>): void => {
    const { line, column, endLine, endColumn } = r;
    if (!isPositive(line) || !isPositive(column) || !isPositive(endLine) || !isPositive(endColumn)) return shape(`${where}: line/column not integers >= 1: ${JSON.stringify({ line, column, endLine, endColumn })}`);
    if (endLine < line || (endLine === line && endColumn < column)) return shape(`${where}: ends before it starts`);
    const l = linesOf(file);
    // A file with no text (binary, too large, unreadable) can only be named, at its start (LLMC008).
    if (!l) return line === 1 && column === 1 && endLine === 1 && endColumn === 1 ? undefined : shape(`${where}: no text for ${JSON.stringify(file)}`);
    if (!positionInside(l, line, column) || !positionInside(l, endLine, endColumn)) {
      problems.push({ oracle: 'range outside the file', message: `${where}: ${line}:${column}-${endLine}:${endColumn} in a file of ${l.length} lines (last ${l[l.length - 1]} long)` });
    }
  };
  const isNullable = (x: unknown, type: string): boolean => x === null || typeof x === type;
  if (!isObject(json) || !Array.isArray(json.endpoints) || !Array.isArray(json.findings) || !Array.isArray(json.notes) || !isObject(json.summary)) {
    shape('not { endpoints: [], findings: [], notes: [], summary: {} }');
    return problems;
  }
  json.endpoints.forEach((e: unknown, i) => {
    const where = `endpoints[${i}]`;
    if (!isObject(e) || typeof e.file !== 'string' || !e.file) return shape(`${where}: no file`);
    region(where, e.file, e);
    if (!isNullable(e.provider, 'string') || !isNullable(e.host, 'string') || !isNullable(e.region, 'string')) shape(`${where}: provider/host/region must be strings or null`);
    if (!isNullable(e.euResident, 'boolean') || !isNullable(e.baaAvailable, 'boolean')) shape(`${where}: euResident/baaAvailable must be true, false or null`);
    if (typeof e.via !== 'string') shape(`${where}: via must be a string`);
  });
  json.findings.forEach((f: unknown, i) => {
    const where = `findings[${i}]`;
    if (!isObject(f) || typeof f.file !== 'string' || !f.file) return shape(`${where}: no file`);
    if (typeof f.ruleId !== 'string' || !/^LLMC\d{3}$/.test(f.ruleId)) shape(`${where}: ruleId ${JSON.stringify(f.ruleId)}`);
    if (!['error', 'warning', 'note'].includes(f.severity as string)) shape(`${where}: severity ${JSON.stringify(f.severity)}`);
    if (typeof f.message !== 'string' || !f.message) shape(`${where}: no message`);
    if (!isNullable(f.provider, 'string')) shape(`${where}: provider must be a string or null`);
    region(where, f.file, f);
    if (!Array.isArray(f.fixes)) return shape(`${where}: fixes must be a list`);
    f.fixes.forEach((x: unknown, j) => {
      if (!isObject(x) || typeof x.title !== 'string' || typeof x.isPreferred !== 'boolean' || !Array.isArray(x.edits)) return shape(`${where}.fixes[${j}]: not { title, isPreferred, edits }`);
      x.edits.forEach((e: unknown, k) => (isObject(e) && typeof e.newText === 'string' ? region(`${where}.fixes[${j}].edits[${k}]`, f.file as string, e) : shape(`${where}.fixes[${j}].edits[${k}]: no newText`)));
    });
    if (f.related !== undefined) {
      if (!Array.isArray(f.related)) return shape(`${where}: related must be a list`);
      f.related.forEach((r: unknown, j) => {
        if (!isObject(r) || typeof r.file !== 'string' || !isPositive(r.line) || typeof r.message !== 'string') return shape(`${where}.related[${j}]: not { file, line >= 1, message }`);
        const l = linesOf(r.file);
        if (l && r.line > l.length) problems.push({ oracle: 'range outside the file', message: `${where}.related[${j}]: line ${r.line} in a file of ${l.length} lines` });
      });
    }
  });
  json.notes.forEach((n: unknown, i) => {
    if (!isObject(n) || typeof n.kind !== 'string' || typeof n.file !== 'string' || typeof n.message !== 'string') return shape(`notes[${i}]: not { kind, file, message }`);
    if (n.line !== undefined && !isPositive(n.line)) shape(`notes[${i}]: line ${JSON.stringify(n.line)}`);
  });
  const s = json.summary;
  if (!Number.isInteger(s.filesScanned) || s.endpoints !== json.endpoints.length || !Number.isInteger(s.findings) || !Number.isInteger(s.suppressed)
    || (s.findings as number) + (s.suppressed as number) !== json.findings.length || !isNullable(s.policy, 'string')) {
    shape(`summary ${JSON.stringify(s)} does not add up`);
  }
  return problems;
}

/** Length of each line (without its \n, with a \r before it), as the checks count positions: their own, not the engine's LineIndex. */
function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    out.push(i - start);
    start = i + 1;
  }
  out.push(text.length - start);
  return out;
}

/** A 1-based line and column that lies inside the text (the column may be one past the line's end). */
function positionInside(lines: number[], line: number, column: number): boolean {
  return line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]! + 1;
}

// ---- policies ---------------------------------------------------------------------------

/** What an accepted Policy must look like, whatever the text said. */
function policyShapeProblems(policy: Policy, text: string): string[] {
  const problems: string[] = [];
  const isStringList = (x: unknown, nonEmpty = false): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string' && (!nonEmpty || s.length > 0));
  if (!Array.isArray(policy.require) || !policy.require.every((r) => (REQUIREMENTS as readonly string[]).includes(r))) problems.push(`require: ${JSON.stringify(policy.require)}`);
  if (!isStringList(policy.baa, true)) problems.push(`baa: ${JSON.stringify(policy.baa)}`);
  if (!['error', 'warning', 'note'].includes(policy.failOn)) problems.push(`failOn: ${JSON.stringify(policy.failOn)}`);
  if (!isStringList(policy.ignore, true)) problems.push(`ignore: ${JSON.stringify(policy.ignore)}`);
  if (!(Number.isFinite(policy.maxFileSizeKb) && policy.maxFileSizeKb >= 1)) problems.push(`maxFileSizeKb: ${policy.maxFileSizeKb} is not a finite number >= 1`);
  for (const [id, value] of Object.entries(policy.severity)) {
    if (!/^LLMC\d{3}$/.test(id) || !['error', 'warning', 'note', 'off'].includes(value)) problems.push(`severity.${id}: ${JSON.stringify(value)}`);
  }
  // A rule's severity that is not the object's own key came from a prototype (`severity: {__proto__: ...}`).
  for (let id = 1; id <= 20; id++) {
    const rule = `LLMC${String(id).padStart(3, '0')}`;
    if (rule in policy.severity && !Object.hasOwn(policy.severity, rule)) problems.push(`severity.${rule} is inherited from a prototype, not written`);
  }
  policy.waivers.forEach((w, i) => {
    if (!w.rules.length || !w.rules.every((r) => /^LLMC\d{3}$/.test(r))) problems.push(`waivers[${i}].rule: ${JSON.stringify(w.rules)}`);
    if (!isStringList(w.paths, true)) problems.push(`waivers[${i}].paths: ${JSON.stringify(w.paths)}`);
    if (!(w.range.start >= 0 && w.range.start <= w.range.end && w.range.end <= text.length)) problems.push(`waivers[${i}] range ${w.range.start}-${w.range.end} outside the text`);
  });
  if (policy.gateway && (!isStringList(policy.gateway.hosts, true) || !policy.gateway.hosts.length || !isStringList(policy.gateway.allow, true))) problems.push(`gateway: ${JSON.stringify(policy.gateway)}`);
  const walk = (x: unknown, where: string): void => {
    if (x === null || typeof x !== 'object') return;
    const proto = Object.getPrototypeOf(x) as unknown;
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) problems.push(`${where} has a prototype other than Object's`);
    if (Object.hasOwn(x, '__proto__')) problems.push(`${where} has a "__proto__" key`);
    for (const [k, v] of Object.entries(x)) walk(v, `${where}.${k}`);
  };
  walk({ ...policy, text: undefined }, 'policy');
  return problems;
}

/**
 * An accepted policy must say what its file says, as the yaml package (aliases resolved)
 * or JSON.parse read it: nothing dropped, nothing unknown let through.
 */
function policyReadingProblems(policy: Policy, name: string, text: string): string[] {
  let data: unknown;
  try {
    if (name.endsWith('.json')) data = JSON.parse(text);
    else {
      const docs = parseAllDocuments(text, { prettyErrors: false, logLevel: 'silent', uniqueKeys: false });
      const list = Array.isArray(docs) ? docs : [docs];
      if (list.length !== 1 || list[0]!.errors.length) return [];
      data = list[0]!.toJS({ maxAliasCount: 1000 });
    }
  } catch {
    return []; // the reference reading fails (comments in JSON, alias bombs): nothing to compare
  }
  if (data === null || data === undefined) data = {};
  if (!isObject(data)) return [`the file holds ${Array.isArray(data) ? 'a list' : typeof data}, not a mapping`];
  const problems: string[] = [];
  const unknown = Object.keys(data).filter((k) => !KNOWN_POLICY_KEYS.has(k));
  if (unknown.length) problems.push(`unknown top-level keys accepted: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
  const same = (what: string, read: unknown, expected: unknown): void => {
    if (!isDeepStrictEqual(read, expected)) problems.push(`${what}: read ${JSON.stringify(read)}, the file says ${JSON.stringify(expected)}`);
  };
  same('require', policy.require, data.require ?? []);
  same('baa', policy.baa, data.baa ?? []);
  same('failOn', policy.failOn, data.failOn ?? 'error');
  same('ignore', policy.ignore, data.ignore ?? []);
  same('maxFileSizeKb', policy.maxFileSizeKb, data.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB);
  same('severity', Object.entries(policy.severity), Object.entries(isObject(data.severity) ? data.severity : {}));
  const waivers = Array.isArray(data.waivers) ? (data.waivers as unknown[]) : [];
  same('number of waivers', policy.waivers.length, waivers.length);
  policy.waivers.forEach((w, i) => {
    const raw = waivers[i];
    if (!isObject(raw)) return;
    same(`waivers[${i}].rule`, w.rules, typeof raw.rule === 'string' ? [raw.rule] : raw.rule);
    same(`waivers[${i}].paths`, w.paths, raw.paths ?? []);
  });
  if (isObject(data.gateway)) {
    same('gateway.hosts count', policy.gateway?.hosts.length, Array.isArray(data.gateway.hosts) ? data.gateway.hosts.length : undefined);
    same('gateway.allow', policy.gateway?.allow, data.gateway.allow ?? []);
  }
  return problems;
}

// ---- helpers ----------------------------------------------------------------------------

class Failures {
  readonly list: Failure[] = [];
  private readonly seen = new Set<string>();

  add(category: Category, oracle: string, message: string, stack?: string): void {
    const key = `${category}|${oracle}|${message}`;
    if (this.seen.has(key) || this.list.length >= 20) return;
    this.seen.add(key);
    // Long messages (a regex built from a huge pattern) keep their start and their end, which says what went wrong.
    const short = message.length > 500 ? `${message.slice(0, 240)} … ${message.slice(-240)}` : message;
    this.list.push({ category, oracle, message: short, ...(stack ? { stack } : {}) });
  }

  /** Milliseconds spent in each phase (the guarded calls, by name), to tell where a slow input spends its time. */
  readonly phases: Record<string, number> = {};

  time<T>(phase: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.phases[phase] = (this.phases[phase] ?? 0) + performance.now() - start;
    }
  }

  /** Runs `fn`; an exception it throws is a crash of `oracle`. */
  guard<T>(oracle: string, fn: () => T): T | undefined {
    try {
      return this.time(oracle.replace(/ threw$/, ''), fn);
    } catch (err) {
      this.add('crash', oracle, errorMessage(err), errorStack(err));
      return undefined;
    }
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

function errorStack(err: unknown): string | undefined {
  return err instanceof Error ? err.stack?.split('\n').slice(0, 12).join('\n') : undefined;
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function controlName(c: string): string {
  const n = c.codePointAt(0)!;
  if (n === 0x1b) return 'ESC';
  if (n === 0x0d) return 'CR';
  if (n < 0x20) return 'C0 control';
  if (n === 0x7f) return 'DEL';
  if (n <= 0x9f) return 'C1 control';
  return 'bidi control';
}

/**
 * A URL literal's text as the program or config reader reads it (`quote`: the character
 * before it, if a quote), or undefined when the oracle cannot tell on its own. It does not
 * share the engine's escape tables: JavaScript literals are read by Node itself; in other
 * languages only `\\ \" \' \n \t \r` (the same everywhere) are decoded, and a literal with
 * any other escape is left unjudged (the engine may call its host unknown, never wrong).
 * Go's backtick strings, YAML's plain and single-quoted scalars and unquoted .env values
 * have no escapes.
 */
function valueAsRead(literal: string, file: string, quote: string): string | undefined {
  const format = formatOf(file);
  if (!literal.includes('\\')) return literal;
  if (!format || format.kind === 'notebook') return undefined;
  const js = (format.kind === 'code' && format.lang === 'js') || format.kind === 'bicep';
  if (format.kind === 'code' ? quote === '`' && !js : quote !== '"') return literal;
  if (js && format.kind === 'code') {
    // The literal holds no quote or blank (see the caller's pattern), so this evaluates one string literal and nothing else.
    try {
      return runInNewContext(`"${literal}"`, {}, { timeout: 100 }) as string;
    } catch {
      return undefined;
    }
  }
  const same: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t', r: '\r' };
  // .env readers agree on \n and \r only.
  const known = format.kind === 'dotenv' ? { n: '\n', r: '\r' } as Record<string, string> : same;
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    if (literal[i] !== '\\') {
      out += literal[i];
      continue;
    }
    const decoded = known[literal[i + 1] ?? ''];
    if (decoded === undefined) return undefined;
    out += decoded;
    i++;
  }
  return out;
}
