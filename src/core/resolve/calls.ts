// Python: a parameter's value from the calls other modules of the workspace make. A file
// publishes its calls of names it imports (`LLMService(region_name="eu-west-1")` after
// `from backend.services.llm_service import LLMService`): for each call, what it passes by
// keyword and by position, read as the evaluator reads it (a literal, an env read, or
// opaque with the reason), and whether it spreads `*args`/`**kwargs`. A use of the name
// other than a call (passed on, assigned, subclassed) publishes that the calls are not all
// known. The defining module reads a parameter of a top-level function, or of a top-level
// class's `__init__`, from all the calls found (its own included): nothing passed is the
// default, one value is that value, several values are one reading each (a fork, as an env
// variable with several values), and anything opaque leaves it unknown, saying why. A
// function no other module calls keeps its parameter unknown: it may be a library's entry,
// unless its own file runs as a program (`if __name__ == "__main__":`) and calls it.
// Calls in test files count only for code that is itself test code.

import type { CodeParser, CodeStructure } from '../scan/parse';
import type { Assignment, Span, Value } from '../scan/ir';
import type { Token } from '../scan/tokens';
import { lineAndColumn } from '../text';
import { HOLE } from './hosts';
import { isTestFile } from './not-endpoints';
import { moduleCandidates, moduleKeyOf, type ExportedValue } from './modules';
import { envRead, evaluate, formatWhere, isKnown, UNSEEN_ENV, type EnvLookup, type EnvValue, type EnvWhere, type EvalContext, type Resolved } from './values';

/** The lookup name of the calls files publish of `name` from a module whose last part is `last` (`llm_service`); `*`: any name of it. */
export function callsName(last: string, name: string): string {
  return `calls:${last}:${name}`;
}

/** Whether a workspace value is a file's published calls. */
export function isCallsName(name: string): boolean {
  return name.startsWith('calls:');
}

/** The callee names a file's reads ask the workspace's calls of (code that calls them must be read, signal or not). */
export function wantedCallees(reads: string[]): string[] {
  const out = new Set<string>();
  for (const r of reads) {
    const m = /^calls:[^:]*:([A-Za-z_]\w*)$/.exec(r);
    if (m) out.add(m[1]!);
  }
  return [...out].sort();
}

/**
 * The callees whose calls must be read, given those the code asks about (`wantedCallees`):
 * a call of one that passes on a parameter of its caller's own function or class asks
 * about that function's calls too. `definitions`: the calls published so far.
 */
export function calleesNeeded(asked: string[], definitions: { name: string; value: string }[]): string[] {
  const out = new Set(asked);
  for (let grew = true, round = 0; grew && round <= MAX_HOPS; round++) {
    grew = false;
    for (const d of definitions) {
      if (!isCallsName(d.name) || !out.has(d.name.slice(d.name.lastIndexOf(':') + 1))) continue;
      let p: Published;
      try {
        p = JSON.parse(d.value) as Published;
      } catch {
        continue;
      }
      for (const call of p.calls) {
        for (const given of [...call.args, ...Object.values(call.kw)]) {
          if ('param' in given && !out.has(given.of)) {
            out.add(given.of);
            grew = true;
          }
        }
      }
    }
  }
  return [...out].sort();
}

/** What one call passes for one argument. */
type Passed =
  | { v: string }
  /** An env read, with the literal default it falls back to. */
  | { env: string; d?: string }
  /** A parameter of the caller's own top-level function or class (`of`), at position `at`, with its default: what its callers pass. */
  | { param: string; of: string; at: number; d?: Passed }
  | { why: string };

interface PublishedCall {
  line: number;
  args: Passed[];
  kw: Record<string, Passed>;
  /** `*args` or `**kwargs`: what else it passes is not known. */
  spread?: true;
}

/** A file's calls of one imported name (the value published under callsName). */
interface Published {
  file: string;
  /** The module as the import writes it (`backend.services.llm_service`). */
  spec: string;
  calls: PublishedCall[];
  /** A use other than a call, at this line: the name may be called anywhere. */
  escapes?: number;
  /** The escape is a call of the name that cannot be matched to its module (a re-export, `import *`, a path not found). */
  unmatched?: true;
}

/** The module part of callsName under which every call of a name is published too, whatever module it names. */
const ANY_MODULE = '?';

/** At most this many calls of one name are published per file; past that the calls are not all known. */
const MAX_CALLS = 50;
const ENV_PROBE = '\u0002';

/** The calls a Python file makes of the names `callees` it imports, as workspace values (see the header). */
export function publishedCalls(file: string, parser: CodeParser, structure: CodeStructure, callees: Set<string>, shownLine?: (offset: number) => number): ExportedValue[] {
  if (parser.lang !== 'python') return [];
  const { tokens } = parser;
  // Only what the defining modules ask about (`callees`): most imported names are a library's.
  const found = new Map<string, Published & { offset: number }>();
  const entry = (spec: string, name: string, offset: number): Published & { offset: number } => {
    if (name !== '*' && !callees.has(name)) return { file, spec, calls: [], offset };
    const key = `${spec}\n${name}`;
    let e = found.get(key);
    if (!e) found.set(key, (e = { file, spec, calls: [], offset }));
    return e;
  };
  const ctx: EvalContext = { parser, assignments: structure.assignments, unstable: structure.unstable, env: UNSEEN_ENV };
  // A notebook's code is its cells joined: a line is cited as the notebook file shows it.
  const lineAt = (offset: number): number => (shownLine ? shownLine(offset) : lineAndColumn(parser.text, offset).line);
  const lineOf = (i: number): number => lineAt(tokens[i]!.s);
  // `C.build()` may make a C inside (`cls(...)`): C's own calls are not all seen, so C (`pkg.mod.C`) is marked as used otherwise.
  const ownerOf = (spec: string, offset: number): void => {
    const dot = spec.lastIndexOf('.');
    if (dot > 0) entry(spec.slice(0, dot), spec.slice(dot + 1), offset).escapes ??= lineAt(offset);
  };
  const skip = importStatements(tokens);
  const starImport = tokens.some((x, k) => x.v === '*' && tokens[k - 1]?.v === 'import');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'id' || skip.has(i) || (i > 0 && tokens[i - 1]!.v === '.')) continue;
    const qualified = parser.imports.get(t.v);
    // A name a `from m import *` may bring (which module's is not known): its calls may be any same-named callee's.
    if (qualified === undefined && starImport && callees.has(t.v) && tokens[i + 1]?.v === '(') entry('*', t.v, t.s).escapes ??= lineOf(i);
    if (qualified === undefined) continue;
    if (qualified.endsWith('.*')) continue;
    // The dotted path written from the imported name: `LLMService`, `services.make_client`.
    let j = i;
    while (tokens[j + 1]?.v === '.' && tokens[j + 2]?.t === 'id') j += 2;
    const path = [qualified, ...tokens.slice(i + 1, j + 1).filter((x) => x.t === 'id').map((x) => x.v)].join('.');
    const dot = path.lastIndexOf('.');
    if (dot <= 0) {
      // A module imported whole and used bare (`import config`, then `f(config)`): any of its names may be called anywhere.
      if (tokens[j + 1]?.v !== '.' && !harmless(tokens, i, j)) entry(path, '*', t.s).escapes ??= lineOf(i);
      continue;
    }
    const spec = path.slice(0, dot);
    const name = path.slice(dot + 1);
    const owner = spec.slice(spec.lastIndexOf('.') + 1);
    if (!callees.has(name) && !(j > i && callees.has(owner))) continue;
    if (tokens[j + 1]?.v !== '(') {
      if (!harmless(tokens, i, j)) {
        entry(spec, name, t.s).escapes ??= lineOf(i);
        if (j > i) ownerOf(spec, t.s);
      }
      continue;
    }
    if (j > i) ownerOf(spec, t.s);
    const e = entry(spec, name, t.s);
    if (e.calls.length >= MAX_CALLS) e.escapes ??= lineOf(i);
    else e.calls.push(callAt(parser, ctx, j + 1, lineOf(i)));
    // `svc = LLMService()` then `svc.region = ...`: the instance's fields are set here too, after its __init__.
    const held = heldBy(tokens, i);
    if (held && new RegExp(`(?<![\\w.])${held.replace(/\./g, '\\s*\\.\\s*')}\\s*\\.\\s*\\w+\\s*=(?!=)`).test(parser.text)) e.escapes ??= lineOf(i);
  }
  const out: ExportedValue[] = [];
  for (const [key, { offset, ...published }] of found) {
    const name = key.slice(key.indexOf('\n') + 1);
    const last = published.spec.slice(published.spec.lastIndexOf('.') + 1);
    if (!last || published.spec.startsWith('.')) continue;
    // Under its module's last name, for the defining module; and under the name alone, so that a definer
    // also sees the calls it cannot match (a package re-exporting it, a path the search does not find).
    if (last !== '*') out.push({ name: callsName(last, name), value: JSON.stringify(published), offset });
    if (name !== '*') out.push({ name: callsName(ANY_MODULE, name), value: JSON.stringify(published), offset });
  }
  return out;
}

/** The name (or dotted path) a call starting at token `i` is assigned to (`svc = C(...)`, `self.svc = C(...)`). */
function heldBy(tokens: Token[], i: number): string | undefined {
  if (tokens[i - 1]?.v !== '=') return undefined;
  const parts: string[] = [];
  let k = i - 2;
  while (tokens[k]?.t === 'id') {
    parts.unshift(tokens[k]!.v);
    if (tokens[k - 1]?.v !== '.') break;
    k -= 2;
  }
  return parts.length ? parts.join('.') : undefined;
}

/** What the call whose `(` is token `open` passes. */
export function callAt(parser: CodeParser, ctx: EvalContext, open: number, line: number): PublishedCall {
  const { tokens } = parser;
  const call: PublishedCall = { line, args: [], kw: {} };
  for (const item of parser.itemsOf(open)) {
    const first = tokens[item.from]!;
    if (first.v === '*' || first.v === '**') call.spread = true;
    else if (first.t === 'id' && tokens[item.from + 1]?.v === '=') call.kw[first.v] = passed(parser.parseRange(item.from + 2, item.to), ctx);
    else call.args.push(passed(parser.parseRange(item.from, item.to), ctx));
  }
  return call;
}

/** An argument as the evaluator reads it where it is written, the same in every pass. */
function passed(value: Value, ctx: EvalContext): Passed {
  if (value.k === 'ref') {
    const param = viaParameter(value, ctx);
    if (param) return param;
  }
  const r = evaluate(value, ctx);
  if (r.env) {
    // An env read as such (not text built around one): read again where the parameter is used, in the same process.
    const probe = evaluate(value, { ...ctx, env: () => ({ state: 'set', value: ENV_PROBE, where: { file: '', line: 0 } }) });
    if (probe.text !== ENV_PROBE) return { why: `is built from the environment variable ${r.env.name}` };
    return { env: r.env.name, ...(isKnown(r) && r.env.defaulted ? { d: r.text } : {}) };
  }
  if (isKnown(r) && !r.imported) return { v: r.text };
  return { why: r.why ?? 'is computed at run time' };
}

/**
 * A parameter of the top-level function (or class `__init__`) around the call, passed on as
 * it came: its callers decide it. Only when the body never assigns the name and the function
 * is used nowhere else in its own file (its calls there are not published).
 */
function viaParameter(value: Extract<Value, { k: 'ref' }>, ctx: EvalContext): Passed | undefined {
  const { parser } = ctx;
  if (value.path.includes('.') || !ctx.unstable.has(value.path) || ctx.assignments.has(value.path)) return undefined;
  const found = parser.pythonParameter(value.path, value.s);
  if (!found) return undefined;
  const { tokens } = parser;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t === 'id' && t.v === found.callee && !(i > 0 && ['.', 'def', 'class'].includes(tokens[i - 1]!.v)) && !harmless(tokens, i, i)) {
      return { why: `comes from \`${value.path}\`, a parameter of ${found.callee}, which its own module also uses` };
    }
  }
  const d = found.fallback ? passed(defaultValue(found.fallback, ctx), ctx) : undefined;
  return { param: value.path, of: found.callee, at: found.index, ...(d ? { d } : {}) };
}

/**
 * The value a parameter's default stands for. A default names a module-level constant
 * (`region=BEDROCK_REGION`): evaluated when the def runs, so that constant's one top-level
 * assignment (the parser counts every name in a parameter list as a run-time binding).
 */
function defaultValue(fallback: Value, ctx: EvalContext): Value {
  if (fallback.k !== 'ref' || fallback.path.includes('.')) return fallback;
  const list = ctx.assignments.get(fallback.path);
  const a = list?.length === 1 ? list[0]! : undefined;
  return a && !a.compound && ctx.parser.atTopLevel(a) && a.s < fallback.s ? ctx.parser.valueOf(a) : fallback;
}

/** Token indices of import statements (their names are no uses). */
function importStatements(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (t.t !== 'id' || (t.v !== 'from' && t.v !== 'import') || (prev && prev.t !== 'nl' && prev.v !== ';')) continue;
    let depth = 0;
    let j = i;
    for (; j < tokens.length && !(tokens[j]!.t === 'nl' && depth === 0); j++) {
      if (tokens[j]!.v === '(') depth++;
      else if (tokens[j]!.v === ')') depth--;
      out.add(j);
    }
    i = j;
  }
  return out;
}

/**
 * Whether the use of a name at tokens i..j does not let it be called elsewhere: a type
 * annotation (`-> C`, `x: C`, `Optional[C]`), an isinstance check, an `except` clause.
 */
function harmless(tokens: Token[], i: number, j: number): boolean {
  const prev = tokens[i - 1]?.v;
  if (prev === '->' || prev === 'except') return true;
  // The innermost bracket around the use.
  let depth = 0;
  let k = i - 1;
  for (; k >= 0 && k > i - 2000; k--) {
    const v = tokens[k]!.v;
    if (tokens[k]!.t !== 'p') continue;
    if (v === ')' || v === ']' || v === '}') depth++;
    else if (v === '(' || v === '[' || v === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  const open = k >= 0 ? tokens[k] : undefined;
  const before = k > 0 ? tokens[k - 1] : undefined;
  // A parameter or statement annotation (not a dict entry, not a lambda's body).
  if (prev === ':' && open?.v !== '{' && !tokens.slice(Math.max(0, i - 64), i).some((x) => x.v === 'lambda')) return true;
  // A subscript (`Optional[C]`, `Dict[str, C]`): a type, or a lookup, neither a call.
  if (open?.v === '[' && before && (before.t === 'id' || before.v === ']' || before.v === ')') && !['in', 'return', 'yield', 'and', 'or', 'not', 'else', 'if', '='].includes(before.v)) return true;
  if (open?.v === '(' && before && ['isinstance', 'issubclass', 'except'].includes(before.v)) return true;
  // A keyword argument's name (`f(C=1)`), not the imported C.
  return j === i && tokens[j + 1]?.v === '=' && tokens[j + 2]?.v !== '=' && (prev === '(' || prev === ',');
}

/** A parameter as the defining file sees it. */
interface Parameter {
  callee: string;
  index: number;
  name: string;
  fallback?: Value;
}

/** How many calls deep a parameter passed on from a caller's own parameter is followed. */
const MAX_HOPS = 3;

/** A passed value as a reading: its text, an env read, or opaque (with why). */
function readingOf(given: Passed): string {
  if ('v' in given) return given.v;
  if ('env' in given) return `${ENV}${given.env}${given.d === undefined ? '' : `\u0001${given.d}`}`;
  if ('param' in given) return `${OPAQUE}comes from another parameter, \`${given.param}\``;
  return `${OPAQUE}${given.why}`;
}

/** Value markers of the readings (a literal reading is its text). */
const DEFAULT = '\u0001default';
const ENV = '\u0001env\u0001';
const OPAQUE = '\u0001opaque\u0001';

/** A value as an endpoint cites it: a parameter's reading in words (the default, an env read), any other value as it is. */
export function readingShown(value: string): string {
  if (value === DEFAULT) return '(the parameter\'s default)';
  if (value.startsWith(ENV)) return `(read from ${value.slice(ENV.length).split('\u0001')[0]!})`;
  if (value.startsWith(OPAQUE)) return '(not known)';
  return value;
}

/**
 * The defining file's side: `env` answers the readings of a parameter under a name of its
 * own (so several readings fork the endpoint as several env values do); `fromCallers` is the
 * parameter's value; `initCalled` whether a class's `__init__` is called from other modules.
 */
export class CallerArguments {
  private readonly module: string;
  private readonly last: string;
  private readonly parameters = new Map<string, Parameter>();
  private readonly ownCalls = new Map<string, Published | undefined>();

  constructor(private readonly file: string, private readonly parser: CodeParser, private readonly structure: CodeStructure, private readonly outer: EnvLookup) {
    this.module = moduleKeyOf(file);
    this.last = this.module.slice(this.module.lastIndexOf('/') + 1);
  }

  /** The env lookup, answering the parameter names fromCallers asks about. */
  env(): EnvLookup {
    return (name) => {
      const p = this.parameters.get(name);
      return p ? this.readings(p) : this.outer(name);
    };
  }

  fromCallers(path: string, at: Span, ctx: EvalContext, depth: number): Resolved | undefined {
    const found = this.parser.pythonParameter(path, at.s);
    if (!found) return undefined;
    // A parameter its own function rebinds (`if ...: region = "us-east-1"`, a loop over it) is no longer what the calls pass.
    if (this.parser.pythonBindsWithin(path, found.body.s, found.body.e, this.structure.assignments.get(path) ?? [])) return undefined;
    const key = `argument:${this.module}:${found.callee}(${path})`;
    this.parameters.set(key, { ...found, name: path });
    const v = ctx.env(key);
    const span = { s: at.s, e: at.e };
    if (v.state === 'conflict') {
      const shown = v.values.map((x) => `${readingShown(x.value)} from ${formatWhere(x.where)}`).join(', ');
      return { text: HOLE, pieces: [], span, symbol: path, why: `comes from \`${path}\`, which the calls of ${found.callee} in the workspace pass different values (${shown})` };
    }
    if (v.state !== 'set') return undefined;
    if (v.value === DEFAULT) {
      const r = evaluate(defaultValue(found.fallback!, ctx), ctx, depth + 1);
      return { ...r, span };
    }
    if (v.value.startsWith(OPAQUE)) return { text: HOLE, pieces: [], span, symbol: path, why: v.value.slice(OPAQUE.length) };
    if (v.value.startsWith(ENV)) {
      const [name = '', d] = v.value.slice(ENV.length).split('\u0001');
      const fallback: Value | undefined = d === undefined ? undefined : { k: 'str', v: d, s: at.s, e: at.e, cs: at.s, ce: at.e };
      return { ...envRead(name, fallback, at, ctx, depth), pieces: [] };
    }
    return { text: v.value, pieces: [], span };
  }

  /** Whether the class whose `__init__` makes `a` is called from another module of the workspace (so its calls are known). */
  initCalled(a: Assignment): boolean {
    const cls = this.parser.pythonInitClassOf(a);
    return cls !== undefined && (this.published(cls).length > 0 || this.programCalls(cls));
  }

  /** Whether this file runs as a program (`if __name__ == "__main__":`) and calls `callee` itself: those calls run. */
  private programCalls(callee: string): boolean {
    return /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/m.test(this.parser.text) && (this.own(callee)?.calls.length ?? 0) > 0;
  }

  /** The calls of `callee` published by other modules that import this one. */
  private published(callee: string, module = this.module, file = this.file): Published[] {
    const out: Published[] = [];
    const last = module.slice(module.lastIndexOf('/') + 1);
    const values = (name: string): Published[] => {
      const v = this.outer(name);
      const raw = v.state === 'set' ? [v.value] : v.state === 'conflict' ? v.values.map((x) => x.value) : [];
      return raw.flatMap((value) => {
        try {
          return [JSON.parse(value) as Published];
        } catch {
          return [];
        }
      });
    };
    // Tests exercise the code with values of their own (and mocks built from the class): what the application passes decides.
    const counts = (p: Published): boolean => p.file !== file && !(isTestFile(p.file) && !isTestFile(file));
    // The import names this module (Python finds a package from the importing file's folder up).
    const names = (p: Published): boolean => p.spec !== '*' && moduleCandidates(p.file, 'python', p.spec, this.outer).includes(module);
    for (const name of [callsName(last, callee), callsName(last, '*')]) for (const p of values(name)) if (counts(p) && names(p)) out.push(p);
    // A call of a same-named callee this module cannot be matched to (a package that re-exports it,
    // `from m import *`, a path the search does not find) may be of this one: its calls are not all known.
    if (out.length) {
      const unmatched = values(callsName(ANY_MODULE, callee)).find((p) => counts(p) && !names(p) && (p.calls.length > 0 || p.escapes !== undefined));
      if (unmatched) out.push({ file: unmatched.file, spec: unmatched.spec, calls: [], escapes: unmatched.escapes ?? unmatched.calls[0]!.line, unmatched: true });
    }
    return out;
  }

  /** This file's own calls of `callee` (and whether it uses it otherwise). */
  private own(callee: string): Published | undefined {
    if (this.ownCalls.has(callee)) return this.ownCalls.get(callee);
    const { parser } = this;
    const { tokens } = parser;
    const ctx: EvalContext = { parser, assignments: this.structure.assignments, unstable: this.structure.unstable, env: UNSEEN_ENV };
    const own: Published = { file: this.file, spec: '', calls: [] };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t !== 'id' || t.v !== callee || (i > 0 && ['.', 'def', 'class'].includes(tokens[i - 1]!.v))) continue;
      const line = lineAndColumn(parser.text, t.s).line;
      if (tokens[i + 1]?.v === '(') own.calls.push(callAt(parser, ctx, i + 1, line));
      else if (!harmless(tokens, i, i)) own.escapes ??= line;
    }
    this.ownCalls.set(callee, own);
    return own;
  }

  /** The distinct values the calls pass for a parameter: set (one), conflict (several), unset (no other module calls it). */
  private readings(p: Parameter): EnvValue {
    const readings = new Map<string, EnvWhere>();
    const r = this.gather(this.module, this.file, p.callee, p.name, p.index, p.fallback ? DEFAULT : undefined, 0, readings);
    if (r) return r;
    const values = [...readings].map(([value, where]) => ({ value, where }));
    if (!values.length) return { state: 'unset' };
    return values.length === 1 ? { state: 'set', ...values[0]! } : { state: 'conflict', values };
  }

  /**
   * Adds to `out` what each call of `callee` (defined in `module`) passes for its parameter
   * `name`; `omitted` is the reading of a call that leaves it out. A value that is itself a
   * parameter of the caller is read from that caller's callers, up to MAX_HOPS. Returns the
   * first opaque reading, or unset when no other module calls it.
   */
  private gather(module: string, file: string, callee: string, name: string, index: number, omitted: string | undefined, hops: number, out: Map<string, EnvWhere>): EnvValue | undefined {
    const others = this.published(callee, module, file);
    if (!others.length && !(file === this.file && this.programCalls(callee))) return { state: 'unset' };
    const own = file === this.file ? this.own(callee) : undefined;
    const opaque = (why: string, where: EnvWhere): EnvValue => ({ state: 'set', value: `${OPAQUE}comes from \`${name}\`, a parameter of ${callee}, ${why}`, where });
    for (const pub of own ? [...others, own] : others) {
      if (pub.escapes !== undefined) {
        const where = { file: pub.file, line: pub.escapes };
        if (pub.unmatched) return opaque(`which ${formatWhere(where)} may call through an import not matched to its module (a package re-exporting it, \`import *\`, a path not found), so not all its calls are known`, where);
        return opaque(`which ${formatWhere(where)} uses other than by calling it, so not all its calls are known`, where);
      }
      for (const call of pub.calls) {
        const where = { file: pub.file, line: call.line };
        const given = call.kw[name] ?? call.args[index];
        if (!given) {
          if (call.spread) return opaque(`which the call in ${formatWhere(where)} may pass through *args or **kwargs`, where);
          if (omitted === undefined) return opaque(`that the call in ${formatWhere(where)} leaves out`, where);
          if (!out.has(omitted)) out.set(omitted, where);
        } else if ('param' in given) {
          // The caller passes on a parameter of its own: its callers decide.
          if (hops >= MAX_HOPS) return opaque(`which the call in ${formatWhere(where)} passes on from further calls than are followed`, where);
          const leftOut = given.d === undefined ? undefined : readingOf(given.d);
          if (leftOut?.startsWith(OPAQUE)) return opaque(`which the call in ${formatWhere(where)} passes on from \`${given.param}\`, whose default is not known here`, where);
          const r = this.gather(moduleKeyOf(pub.file), pub.file, given.of, given.param, given.at, leftOut, hops + 1, out);
          if (r?.state === 'unset') return opaque(`which the call in ${formatWhere(where)} passes on from \`${given.param}\` of ${given.of}, which no other module of the workspace calls`, where);
          if (r) return r;
        } else {
          const reading = readingOf(given);
          if (reading.startsWith(OPAQUE)) return opaque(`which the call in ${formatWhere(where)} passes a value that ${reading.slice(OPAQUE.length)}`, where);
          if (!out.has(reading)) out.set(reading, where);
        }
      }
    }
    return undefined;
  }
}
