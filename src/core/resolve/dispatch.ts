// Python factories that pick a client by name: `def from_provider(provider, **kwargs): if
// provider == "openai": llm = ChatOpenAI(**kwargs) elif ...` (or `match provider: case
// "openai":`). The defining module publishes, with its constants (modules.ts), the endpoints
// each literal branch builds, as it resolved them; a call in another module that passes a
// literal (`from_provider("nebius", ...)`) is then an endpoint use at the call, with the
// branch's answer. Calls are read as calls.ts reads them for parameters. A call passing a
// value not known here stays as it was (the factory's own endpoints still report each branch).

import type { Endpoint } from '../model';
import type { CodeParser, CodeStructure } from '../scan/parse';
import { lineAndColumn } from '../text';
import { callAt } from './calls';
import { dispatchName, moduleCandidates, moduleKeyOf, type ExportedValue } from './modules';
import { ENV_OBJECTS, formatWhere, UNSEEN_ENV, type EnvLookup, type EvalContext } from './values';

/** An endpoint as a branch builds it: what a call site copies. */
type BranchEndpoint = Omit<Endpoint, 'file' | 'range' | 'call' | 'euFix' | 'fallbacks' | 'env' | 'declaration'> & { line: number; reads: string[] };

interface Published {
  file: string;
  /** The factory as a caller names it. */
  fn: string;
  param: string;
  /** The parameter's position in a call (without `self`/`cls`). */
  at: number;
  branches: Record<string, BranchEndpoint[]>;
}

/** How many lines up the blocks around a line are looked for. */
const MAX_LINES_UP = 400;

/** A block header above a line: its text from its first character, and where that is. */
interface Header {
  text: string;
  s: number;
  indent: number;
}

/** The headers of the blocks around `offset`, innermost first, up to the file's top level (by indentation). */
function headersAround(text: string, offset: number): Header[] {
  const out: Header[] = [];
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let indent = indentOf(text, lineStart);
  // Bounded, so that thousands of clients in one long function stay linear: a branch that far up is not followed.
  for (let lines = 0; lineStart > 0 && indent > 0; lines++) {
    if (lines > MAX_LINES_UP) return [];
    const prevEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const line = text.slice(lineStart, prevEnd);
    const own = indentOf(text, lineStart);
    const body = line.trim();
    // Blank lines, comments and continuation lines (no `:` at the end) open no block.
    if (!body || body.startsWith('#') || own >= indent || !/:\s*(?:#.*)?$/.test(body)) continue;
    out.push({ text: body, s: lineStart + own, indent: own });
    indent = own;
  }
  return out;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}

const DISPATCH_IF = /^(?:if|elif)\s+([A-Za-z_]\w*)\s*==\s*(["'])([^"'\\]+)\2\s*:/;
// One literal, then `| literal` alternatives: each space belongs to one place, so no input backtracks.
const CASE = /^case\s+((["'])[^"'\\]+\2(?:\s*\|\s*(["'])[^"'\\]+\3)*)\s*:/;
const DEF = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;

/** The factory, parameter and literal of the one branch that tests a parameter around `offset`, if any. */
function branchAt(text: string, offset: number): { fn: string; param: string; at: number; literals: string[] } | undefined {
  const headers = headersAround(text, offset);
  const tests: { param: string; literals: string[] }[] = [];
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    const iff = DISPATCH_IF.exec(h.text);
    if (iff) tests.push({ param: iff[1]!, literals: [iff[3]!] });
    const cs = CASE.exec(h.text);
    const match = cs ? /^match\s+([A-Za-z_]\w*)\s*:/.exec(headers[i + 1]?.text ?? '') : null;
    if (cs && match) tests.push({ param: match[1]!, literals: [...cs[1]!.matchAll(/["']([^"'\\]+)["']/g)].map((m) => m[1]!) });
    const def = DEF.exec(h.text);
    if (!def) continue;
    // One test of one of the function's own parameters decides the branch; more (or none) is not a dispatch.
    const params = parametersOf(text, h.s);
    if (tests.length !== 1 || !params) return undefined;
    const rest = headers.slice(i + 1);
    const name = def[1]!;
    let fn: string;
    let shift = 0;
    if (rest.length === 0 && h.indent === 0) fn = name;
    else if (rest.length === 1 && rest[0]!.indent === 0 && /^class\s+[A-Za-z_]\w*/.test(rest[0]!.text)) {
      const cls = /^class\s+([A-Za-z_]\w*)/.exec(rest[0]!.text)![1]!;
      const decorators = decoratorsAbove(text, h.s);
      // Called on the class: its constructor, a classmethod or a staticmethod (an instance's methods are not followed).
      if (name === '__init__') [fn, shift] = [cls, 1];
      else if (decorators.includes('classmethod')) [fn, shift] = [`${cls}.${name}`, 1];
      else if (decorators.includes('staticmethod')) fn = `${cls}.${name}`;
      else return undefined;
    } else return undefined;
    const at = params.indexOf(tests[0]!.param) - shift;
    return at < 0 ? undefined : { fn, param: tests[0]!.param, at, literals: tests[0]!.literals };
  }
  return undefined;
}

/** The parameter names of the def whose header starts at `s` (`*args` and `**kwargs` by name); undefined when it cannot be read. */
function parametersOf(text: string, s: number): string[] | undefined {
  const open = text.indexOf('(', s);
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length && i < open + 4000; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const parts: string[] = [];
  let current = '';
  depth = 0;
  for (const c of text.slice(open + 1, close)) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p && p !== '/' && p !== '*').map((p) => /^\**([A-Za-z_]\w*)/.exec(p)?.[1] ?? '?');
}

/** The decorator names right above a def (`classmethod`, `staticmethod`). */
function decoratorsAbove(text: string, defStart: number): string[] {
  const out: string[] = [];
  let lineStart = text.lastIndexOf('\n', defStart - 1) + 1;
  while (lineStart > 0) {
    const prevEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const m = /^\s*@([\w.]+)/.exec(text.slice(lineStart, prevEnd));
    if (!m) break;
    out.push(m[1]!.slice(m[1]!.lastIndexOf('.') + 1));
  }
  return out;
}

/** Names an env lookup was asked that are env variables (not parameter readings or imported constants). */
const ENV_VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The branches of the file's factories, as workspace values: under the module, and under each
 * package above it (`from pkg import Factory` reaches a module inside pkg through its `__init__`;
 * two modules of one package that publish the same name make it ambiguous there).
 */
export function publishedBranches(file: string, text: string, endpoints: Endpoint[], readsOf: Map<Endpoint, string[]>): ExportedValue[] {
  const found = new Map<string, Published>();
  // Most files test no parameter against a literal at all: nothing to look up per endpoint.
  if (!endpoints.length || !/^[ \t]*(?:(?:if|elif)\s+[A-Za-z_]\w*\s*==\s*["']|case\s+["'])/m.test(text)) return [];
  for (const e of endpoints) {
    const offset = e.call?.start ?? e.range.start;
    const branch = branchAt(text, offset);
    if (!branch) continue;
    const key = `${branch.fn}\n${branch.param}`;
    let p = found.get(key);
    if (!p) found.set(key, (p = { file, fn: branch.fn, param: branch.param, at: branch.at, branches: {} }));
    const copy: BranchEndpoint = {
      provider: e.provider, host: e.host, region: e.region, location: e.location, euResident: e.euResident, baaAvailable: e.baaAvailable,
      via: e.via, conditions: e.conditions,
      ...(e.sdk ? { sdk: e.sdk } : {}), ...(e.model ? { model: e.model } : {}), ...(e.assumedProvider ? { assumedProvider: true } : {}),
      ...(e.unknown ? { unknown: e.unknown } : {}), ...(e.vendor ? { vendor: e.vendor } : {}), ...(e.lookalikeOf ? { lookalikeOf: e.lookalikeOf } : {}),
      ...(e.baaExclusion ? { baaExclusion: e.baaExclusion } : {}),
      line: lineAndColumn(text, offset).line, reads: (readsOf.get(e) ?? []).filter((n) => ENV_VARIABLE.test(n)),
    };
    for (const lit of branch.literals) (p.branches[lit] ??= []).push(copy);
  }
  const out: ExportedValue[] = [];
  let module = moduleKeyOf(file);
  const offset = 0;
  for (;;) {
    for (const p of found.values()) out.push({ name: dispatchName(module, p.fn), value: JSON.stringify(p), offset });
    const slash = module.lastIndexOf('/');
    if (slash < 0) break;
    module = module.slice(0, slash);
  }
  return out;
}

/**
 * The endpoints the calls in a Python file make through other modules' factories by passing
 * a literal name. `env`: the workspace lookup (it also finds the published branches).
 * `skip`: calls not to count (mocked in a test, expected to raise).
 */
export function dispatchedEndpoints(file: string, parser: CodeParser, structure: CodeStructure, env: EnvLookup, skip: (s: number) => boolean): Endpoint[] {
  if (parser.lang !== 'python') return [];
  const { tokens } = parser;
  const ctx: EvalContext = { parser, assignments: structure.assignments, unstable: structure.unstable, env: UNSEEN_ENV };
  const out: Endpoint[] = [];
  // A variable the calling function sets before the call (`os.environ["X"] = ...` in a test) reaches the branch.
  const setBefore = (name: string, at: number): boolean => {
    const def = headersAround(parser.text, at).find((h) => DEF.test(h.text));
    return ENV_OBJECTS.some((o) => (structure.assignments.get(o + name) ?? []).some((a) => a.s < at && (def ? a.s > def.s : true)));
  };
  // Callees no module publishes a factory for, asked once: a file calls the same ones many times (`os.getenv`), and each lookup asks the env per candidate module.
  const unpublished = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'id' || (i > 0 && ['.', 'def', 'class', 'import'].includes(tokens[i - 1]!.v))) continue;
    const qualified = parser.imports.get(t.v);
    if (!qualified) continue;
    let j = i;
    while (tokens[j + 1]?.v === '.' && tokens[j + 2]?.t === 'id') j += 2;
    if (tokens[j + 1]?.v !== '(' || skip(t.s)) continue;
    const path = [qualified, ...tokens.slice(i + 1, j + 1).filter((x) => x.t === 'id').map((x) => x.v)].join('.');
    const table = unpublished.has(path) ? undefined : lookup(file, path, env);
    if (!table) {
      unpublished.add(path);
      continue;
    }
    const call = callAt(parser, ctx, j + 1, 0);
    const given = call.kw[table.param] ?? call.args[table.at];
    if (!given || !('v' in given)) continue;
    const endpoints = table.branches[given.v];
    if (!endpoints) continue;
    const closeTok = parser.closeOf(j + 1);
    const range = { start: t.s, end: tokens[closeTok]?.e ?? tokens[j]!.e };
    const written = parser.text.slice(t.s, tokens[j]!.e);
    for (const b of endpoints) {
      const { line, reads, ...rest } = b;
      const where = formatWhere({ file: table.file, line });
      // The branch read variables the workspace (or this file) sets: its answer, made where they were unset, does not hold here.
      const setHere = reads.find((n) => setBefore(n, t.s) || ['set', 'conflict'].includes(env(n).state));
      const via = `${written}("${given.v}"): the "${given.v}" branch of ${table.fn}, ${where}, builds ${b.via}`;
      out.push(setHere
        ? { ...rest, file, range, call: range, via, host: null, region: null, location: null, euResident: null, baaAvailable: null, conditions: [], unknown: `the branch reads ${setHere}, which is set where it runs, so where it goes is not known here` }
        : { ...rest, file, range, call: range, via });
    }
  }
  return out;
}

/** The published branches a dotted callee path reaches (`pkg.mod.Factory.from_provider`), read from `file`. */
function lookup(file: string, path: string, env: EnvLookup): Published | undefined {
  const parts = path.split('.');
  // The factory is the last name (a function, a class) or the last two (a class's classmethod).
  for (const take of [1, 2]) {
    if (parts.length <= take) continue;
    const spec = parts.slice(0, -take).join('.');
    const name = parts.slice(-take).join('.');
    const hits = moduleCandidates(file, 'python', spec, env).map((m) => env(dispatchName(m, name))).filter((v) => v.state === 'set');
    if (hits.length !== 1 || hits[0]!.state !== 'set') continue;
    try {
      return JSON.parse(hits[0]!.value) as Published;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether a call at `offset` runs inside a block that expects it to raise (`with self.assertRaises(...)`, `with pytest.raises(...)`): it builds nothing. */
export function expectedToRaise(text: string, offset: number): boolean {
  return headersAround(text, offset).some((h) => /^with\s.*\b(?:assertRaises|assertRaisesRegex|raises)\s*\(/.test(h.text));
}
