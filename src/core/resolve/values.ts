// Evaluates code values to text: literals, constants assigned once in the file,
// concatenations and interpolations, env reads with defaults, and the wrappers that
// only carry a string (new Uri(...), String::from(...)). What cannot be known becomes a
// HOLE, with the reason kept for the message.

import type { Assignment, Span, Value } from '../scan/ir';
import type { CodeParser } from '../scan/parse';
import { firstFrom } from '../scan/tokens';
import { HOLE } from './hosts';
import { fieldAt, instanceOf, modelClasses } from './settings';

/** A piece of resolved text and where it came from. */
export interface Piece {
  text: string;
  /** Source offsets of the text; `verbatim` when the source spells it exactly (no escapes). */
  s: number;
  e: number;
  verbatim: boolean;
}

export interface Resolved {
  /** The text, with HOLE where a part is unknown. */
  text: string;
  pieces: Piece[];
  /** The text that decides the value: the literal when one literal supplies it, else the expression. */
  span: Span;
  /** The value comes from this environment variable: set in the workspace (`where`), or its default in code (`defaulted`). */
  env?: { name: string; defaulted: boolean; where?: EnvWhere; unseen?: boolean; setElsewhere?: string };
  /** An unresolved dotted name, e.g. `Region.EU_CENTRAL_1`, for callers that understand it. */
  symbol?: string;
  /** Why the value (or a part of it) is unknown, as a predicate: "is read from ...". */
  why?: string;
  /** Start offsets of default literals the value did not take (`X ?? "default"` when X is set). */
  shadowed?: number[];
  /** The value is a constant another module of the workspace exports (`name`), set at `where`. */
  imported?: { name: string; where: EnvWhere };
}

/**
 * What the workspace says about an environment variable. `unseen` means the workspace's
 * env files were not read (a single file checked in the editor), so a default in code
 * only holds if the variable is unset at run time.
 */
export type EnvValue =
  | { state: 'set'; value: string; where: EnvWhere }
  | { state: 'conflict'; values: { value: string; where: EnvWhere }[] }
  /** `elsewhere`: lines that set it for other folders' code only. */
  | { state: 'unset'; elsewhere?: EnvWhere[] }
  | { state: 'unseen' };

export type EnvLookup = (name: string) => EnvValue;

/** The config line that sets a variable. */
export interface EnvWhere {
  file: string;
  line: number;
  /** The file is tied to no code (a Kubernetes manifest, a dotenv file in a folder without code): it applies workspace-wide. */
  unscoped?: true;
  /** Where the line takes its value from, when that is another setting (a CDK Lambda's variable from the CDK context). */
  through?: string;
}

export function formatWhere(w: EnvWhere): string {
  return `${w.file}:${w.line}${w.unscoped ? ', unscoped' : ''}${w.through ? `, from ${w.through}` : ''}`;
}

/** The lookup for a scan that has not read the workspace's env files. */
export const UNSEEN_ENV: EnvLookup = () => ({ state: 'unseen' });

export interface EvalContext {
  parser: CodeParser;
  assignments: Map<string, Assignment[]>;
  /** Names bound by parameters, loops, destructuring and the like: never constants. */
  unstable: Set<string>;
  env: EnvLookup;
  /** The constant an imported name stands for, when a module of the workspace exports one (modules.ts). */
  imported?: (path: string) => { value: string; name: string; where: EnvWhere } | undefined;
  /** Nothing imports this file (a notebook): its own calls of a function are all the calls there are. */
  ownCallsOnly?: boolean;
  /** Python: a parameter's value from the calls the workspace's modules make (calls.ts); undefined when none is known. */
  fromCallers?: (path: string, at: Span, ctx: EvalContext, depth: number) => Resolved | undefined;
  /** Python: whether the class whose `__init__` makes this assignment is called from other modules of the workspace (calls.ts). */
  initCalled?: (a: Assignment) => boolean;
  /** The workspace's values, read without citing them on an endpoint (a config file the code names, config-files.ts). */
  workspace?: EnvLookup;
}

const MAX_DEPTH = 6;

export const ENV_CALLS = new Set([
  'os.getenv', 'getenv', 'os.environ.get', 'environ.get', 'os.Getenv', 'os.LookupEnv', 'System.getenv', 'System.getProperty',
  'Environment.GetEnvironmentVariable', 'env.var', 'std.env.var', 'env.var_os', 'std.env.var_os', 'dotenv.get', 'config.get',
  'Deno.env.get', 'os.environ.setdefault',
]);
export const ENV_OBJECTS = ['process.env.', 'import.meta.env.', 'os.environ.', 'Bun.env.', 'Deno.env.'];
export const ENV_INDEXED = new Set(['process.env', 'os.environ', 'import.meta.env', 'environ', 'Bun.env']);
/** Calls that only carry their first argument's text. */
const WRAPPERS = new Set([
  'Uri', 'System.Uri', 'URL', 'URI', 'URI.create', 'Url.parse', 'url.Parse', 'url.URL', 'String.from', 'String', 'str', 'String.valueOf',
  'httpx.URL', 'Region.of', 'Region.new', 'RegionEndpoint.GetBySystemName', 'aws.String', 'Some', 'Ok', 'to_string', 'Optional.of',
  'strings.TrimSpace', 'strings.TrimSuffix', 'url.parse', 'new URL',
]);
const DEFAULTING_METHODS = new Set(['unwrap_or', 'unwrap_or_else', 'orElse', 'orElseGet', 'or', 'or_else', 'getOrDefault', 'get_or']);

export function evaluate(value: Value, ctx: EvalContext, depth = 0): Resolved {
  if (depth > MAX_DEPTH) return unknown(value, 'is computed through too many steps');
  switch (value.k) {
    case 'str':
      return literal(value, ctx);
    case 'lit':
      return { text: String(value.v), pieces: [], span: value };
    case 'tmpl':
      return joinParts(value, ctx, depth);
    case 'ref':
      return evaluateRef(value, ctx, depth);
    case 'call':
      return evaluateCall(value, ctx, depth);
    case 'index': {
      const target = value.target.k === 'ref' ? value.target.path : '';
      if (ENV_INDEXED.has(target) && value.index.k === 'str') return envRead(value.index.v, undefined, value, ctx, depth);
      return unknown(value, 'is read from a collection');
    }
    case 'alt': {
      // `a ?? b`: a when set, else b. Only an environment variable that is unset in the
      // workspace falls through to the default; any other unknown `a` could hold anything.
      const first = evaluate(value.options[0]!, ctx, depth + 1);
      // The defaults not taken are part of the same setting, not endpoints of their own.
      const rest = value.options.slice(1).flatMap((o) => (o.k === 'str' ? [o.s, o.cs] : o.k === 'ref' ? [o.s] : []));
      if (!first.text.includes(HOLE) || !first.env || first.env.defaulted) return { ...first, shadowed: rest };
      const next = evaluate(value.options[1]!, ctx, depth + 1);
      if (next.text.includes(HOLE) || value.options.length > 2) return { ...first, shadowed: rest };
      return { ...next, env: { name: first.env.name, defaulted: true } };
    }
    case 'arr':
    case 'obj':
    case 'other':
      return unknown(value, 'is computed at run time');
  }
}

function literal(value: Extract<Value, { k: 'str' }>, ctx: EvalContext): Resolved {
  const raw = ctx.parser.text.slice(value.cs, value.ce);
  return {
    text: value.v,
    pieces: [{ text: value.v, s: value.cs, e: value.ce, verbatim: raw === value.v }],
    span: { s: value.s, e: value.e },
  };
}

function unknown(span: Span, why: string): Resolved {
  return { text: HOLE, pieces: [], span: { s: span.s, e: span.e }, why };
}

function joinParts(value: Extract<Value, { k: 'tmpl' }>, ctx: EvalContext, depth: number): Resolved {
  let text = '';
  const pieces: Piece[] = [];
  let why: string | undefined;
  let env: Resolved['env'];
  let imported: Resolved['imported'];
  for (const part of value.parts) {
    const r = evaluate(part, ctx, depth + 1);
    // An unknown part stays one HOLE, however long it would be.
    text += r.text.includes(HOLE) && r.text.length > 1 && !r.pieces.length ? HOLE : r.text;
    for (const piece of r.pieces) pieces.push(piece); // (a spread of many arguments can overflow the stack)
    why ??= r.why;
    env ??= r.env;
    imported ??= r.imported;
  }
  // One literal that supplies all known text decides; otherwise the whole expression does.
  return { text, pieces, span: { s: value.s, e: value.e }, ...(why ? { why } : {}), ...(env ? { env } : {}), ...(imported ? { imported } : {}) };
}

function evaluateRef(value: Extract<Value, { k: 'ref' }>, ctx: EvalContext, depth: number): Resolved {
  const path = value.path;
  for (const prefix of ENV_OBJECTS) {
    if (path.startsWith(prefix)) return envRead(path.slice(prefix.length), undefined, value, ctx, depth);
  }
  const assigned = findAssignment(path, value.s, ctx);
  if (assigned === 'bound at run time') {
    const passed = passedIn(path, value, ctx, depth);
    if (passed) return passed;
  }
  if (typeof assigned === 'string') {
    const why = assigned === 'bound at run time' ? 'a parameter, loop variable or other run-time binding' : assigned === 'changed by +=' ? 'changed in place' : 'assigned more than once';
    return { ...unknown(value, `comes from \`${path}\`, which is ${why}`), symbol: path };
  }
  if (assigned) {
    // Python: an `import *` run after the assignment (before the use) may bind the name again.
    if (ctx.parser.lang === 'python' && !path.includes('.') && starImportAfter(assigned, value.s, ctx.parser)) {
      return { ...unknown(value, `comes from \`${path}\`, which an \`import *\` after it may set again`), symbol: path };
    }
    const v = ctx.parser.valueOf(assigned);
    // Defaults filled in when the value is empty read as `value ?? default`.
    if (assigned.defaults?.length === 1) {
      const fallback = ctx.parser.valueOf(assigned.defaults[0]!);
      return evaluate({ k: 'alt', options: [v, fallback], s: v.s, e: fallback.e }, ctx, depth + 1);
    }
    if (assigned.defaults?.length) return { ...unknown(value, `comes from \`${path}\`, which is assigned more than once`), symbol: path };
    const r = evaluate(v, ctx, depth + 1);
    // Nothing in this file to point at (an env read, with no value or one from an env file;
    // a parameter, `self.region = region`, whose callers pass the value): the use is where it
    // is reported, so two uses of one variable stay two. So is an attribute set in another
    // method (`__init__`) from what its callers pass.
    const block = ctx.parser.blockOf(assigned);
    const passedByCallers = v.k === 'ref' && ctx.unstable.has(v.path);
    if ((!r.pieces.length && (!isKnown(r) || r.env || passedByCallers)) || value.s < block.s || value.s > block.e) return { ...r, span: { s: value.s, e: value.e } };
    return r;
  }
  const setting = settingsField(path, value, ctx, depth);
  if (setting) return setting;
  // Imported from another module of the workspace that sets it once: its value, reported at this use.
  const imported = ctx.imported?.(path);
  if (imported) {
    // `cfg.X` where `cfg` here is a parameter or assigned again is not the module it is imported as.
    const rebound = reboundHead(path, value.s, ctx);
    // Set elsewhere in this file, in code that may run before the use (`function setup() { cfg.X = ... }`,
    // JS `X = ...` after `let { X } = require(...)`): the import's value may be replaced.
    if (!rebound && ctx.assignments.get(path)?.some((a) => path.includes('.') || (ctx.parser.lang === 'js' && !a.declares))) {
      return { ...unknown(value, `comes from \`${path}\`, which this file also sets elsewhere`), symbol: path };
    }
    return rebound ? { ...unknown(value, `comes from \`${path}\`, whose \`${path.slice(0, path.indexOf('.'))}\` is ${rebound}`), symbol: path } : importedValue(imported, value);
  }
  const option = commandLineOption(path, value, ctx, depth);
  if (option) return option;
  return { ...unknown(value, `comes from \`${path}\`, which is not defined in this file`), symbol: path };
}

/**
 * Python argparse: `args.region` after `args = parser.parse_args()` (or a call of a top-level
 * function of the file whose one return is `parser.parse_args()`) is the `--region` option's default
 * where the program is run without the option, as an env read falls back to its default;
 * reported at the use, as an env read is. An option with no literal default stays unknown.
 */
function commandLineOption(path: string, at: Extract<Value, { k: 'ref' }>, ctx: EvalContext, depth: number): Resolved | undefined {
  const parts = path.split('.');
  if (ctx.parser.lang !== 'python' || parts.length !== 2) return undefined;
  const made = findAssignment(parts[0]!, at.s, ctx);
  const value = made && typeof made !== 'string' ? ctx.parser.valueOf(made) : undefined;
  // Parsed here, or by a top-level function of the file whose one return is that parse.
  const returned = value?.k === 'call' && !isParseArgs(value) ? ctx.parser.pythonReturnOf(value.call.callee)?.value : value;
  if (!returned || !isParseArgs(returned)) return undefined;
  const option = ctx.parser.pythonCommandLineOption(parts[1]!);
  if (!option) return undefined;
  const r = option.fallback ? evaluate(option.fallback, ctx, depth + 1) : undefined;
  if (!r || !isKnown(r)) return { ...unknown(at, `comes from the command-line option ${option.flag}, which has no literal default that surely applies here (none, required, or changed by set_defaults)`), symbol: path };
  return { ...r, pieces: [], span: { s: at.s, e: at.e } };
}

/** `<parser>.parse_args()` on the command line; `parse_args(["--region", ...])` parses a list the code gives, and is not followed. */
function isParseArgs(v: Value): boolean {
  return v.k === 'call' && /(?:^|\.)parse_args$/.test(v.call.callee) && v.call.args.length === 0;
}

/**
 * Why the first name of a dotted path is not (only) the module an import or `require` binds it
 * to where it is used, or undefined when it is.
 */
function reboundHead(path: string, useAt: number, ctx: EvalContext): string | undefined {
  const dot = path.indexOf('.');
  if (dot < 0) return undefined;
  const head = findAssignment(path.slice(0, dot), useAt, ctx);
  if (head === undefined) return undefined;
  if (typeof head === 'string') return head === 'bound at run time' ? 'a parameter, loop variable or other run-time binding' : head === 'changed by +=' ? 'changed in place' : 'assigned more than once';
  // `const cfg = require("./config")` is the binding itself.
  const v = ctx.parser.valueOf(head);
  return v.k === 'call' && v.call.callee === 'require' ? undefined : 'assigned in this file';
}

/** Whether a Python `import *` runs after the top-level assignment `a` and before the use at `useAt` (a function's body runs later). */
function starImportAfter(a: Assignment, useAt: number, parser: EvalContext['parser']): boolean {
  const { starAt } = parser.imports;
  if (!starAt.length || !parser.atTopLevel(a)) return false;
  const until = parser.insideDefinition(useAt) ? Infinity : useAt;
  // (Ascending: the first after the assignment decides; a file of many `import *` and uses stays linear.)
  const first = starAt[firstFrom(starAt, a.s + 1, (x) => x)];
  return first !== undefined && first < until;
}

function importedValue(imported: NonNullable<ReturnType<NonNullable<EvalContext['imported']>>>, at: Span): Resolved {
  return { text: imported.value, pieces: [], span: { s: at.s, e: at.e }, imported: { name: imported.name, where: imported.where } };
}

/**
 * A field of a pydantic model or settings instance (`configs.CLOUD_LOCATION` after
 * `configs = Config()`): a keyword given when it is made, else the env variable the
 * settings class reads, else the field's default (settings.ts). A class another module of
 * the workspace defines is looked up through the fields that module publishes (modules.ts).
 */
function settingsField(path: string, at: Extract<Value, { k: 'ref' }>, ctx: EvalContext, depth: number): Resolved | undefined {
  const parts = path.split('.');
  if (ctx.parser.lang !== 'python' || parts.length < 2) return undefined;
  const made = findAssignment(parts[0]!, at.s, ctx);
  if (!made || typeof made === 'string') return undefined;
  const instance = instanceOf(ctx.parser.valueOf(made));
  if (!instance) return undefined;
  const rest = parts.slice(1);
  const passed = instance.passed.get(rest[0]!);
  if (passed) return rest.length === 1 ? evaluate(passed, ctx, depth + 1) : undefined;
  const classes = modelClasses(ctx.parser, ctx.assignments);
  const cls = classes.get(instance.cls);
  if (!cls) {
    const imported = ctx.imported?.(`${instance.cls}.${rest.join('.')}`);
    return imported ? importedValue(imported, at) : undefined;
  }
  const isSet = (name: string): boolean => ['set', 'conflict'].includes(ctx.env(name).state);
  const field = fieldAt(classes, cls, rest, isSet);
  if (!field) return undefined;
  const name = field.env.find(isSet) ?? field.env[0];
  if (name) return envRead(name, field.default, at, ctx, depth);
  return field.default ? evaluate(field.default, ctx, depth + 1) : undefined;
}

/**
 * Go: a parameter whose every call in the file passes the same known value (`run(host)`
 * after `host := os.Getenv("X")` with its default) has that value. Reported where the
 * parameter is used: one value may reach several clients.
 */
function passedIn(path: string, value: Extract<Value, { k: 'ref' }>, ctx: EvalContext, depth: number): Resolved | undefined {
  let args: Value[] = [];
  if (ctx.parser.lang === 'go') {
    const param = ctx.parser.goParameter(path, value.s);
    args = param ? ctx.parser.goCallArguments(param.fn, param.index) : [];
  } else if (ctx.parser.lang === 'python' && ctx.ownCallsOnly) {
    args = ctx.parser.pythonPassedValues(path, value.s) ?? [];
  } else if (ctx.fromCallers) {
    return ctx.fromCallers(path, value, ctx, depth);
  }
  if (!args.length) return undefined;
  const values = args.map((a) => evaluate(a, ctx, depth + 1));
  const first = values[0]!;
  if (!isKnown(first) || values.some((v) => v.text !== first.text)) return undefined;
  return { ...first, span: { s: value.s, e: value.e }, pieces: values.flatMap((v) => v.pieces) };
}

/**
 * The one assignment a name at `useAt` refers to: among the assignments in blocks that
 * enclose the use, those of the innermost block. More than one there means the value
 * depends on the path taken, so it is not a constant.
 */
/** Why a name has no single value: it is a parameter or loop variable, or assigned more than once. */
export type Ambiguity = 'bound at run time' | 'changed by +=' | 'assigned more than once';

export function findAssignment(path: string, useAt: number, ctx: Pick<EvalContext, 'assignments' | 'parser' | 'unstable' | 'ownCallsOnly' | 'initCalled'>): Assignment | Ambiguity | undefined {
  const candidates = [path];
  const dot = path.lastIndexOf('.');
  if (/^(?:self|this|Self|cls|static)\./.test(path) && dot > 0) candidates.push(path.slice(dot + 1));
  // A comprehension's own loop variable (`[f(REGION) for REGION in ...]`) is no constant.
  if (!path.includes('.') && ctx.parser.boundByComprehension(path, useAt)) return 'bound at run time';
  for (const name of candidates) {
    // Python run top to bottom: the last top-level assignment before a top-level use is the value.
    const sequential = name === path ? ctx.parser.lastTopLevelAssignment(name, ctx.assignments.get(name) ?? [], useAt) : undefined;
    if (sequential) return sequential;
    // A Go name is a parameter only inside the function that declares it; elsewhere its assignments decide.
    if (ctx.unstable.has(name) && (ctx.parser.lang !== 'go' || ctx.parser.goParameter(name, useAt) || !ctx.assignments.get(name)?.some((a) => a.declares))) return 'bound at run time';
    const list = ctx.assignments.get(name);
    if (!list || list.length === 0) continue;
    // Python: also bound by a statement the assignments do not cover (`with f() as (X, m):`, `from m import (X, ...)`).
    if (ctx.parser.pythonBoundOtherwise(name, list)) return 'bound at run time';
    const { compound, reassigned } = summaryOf(list);
    if (compound) return 'changed by +=';
    // A reassignment (`x = ...` after `let x`) may run on some paths only.
    if (reassigned) return 'assigned more than once';
    // The innermost block holding the use decides; two assignments in it are ambiguous.
    let best: ScopeGroup | undefined;
    for (const g of scopeGroups(list, ctx.parser)) {
      if (g.s <= useAt && useAt <= g.e && (!best || g.e - g.s < best.e - best.s)) best = g;
    }
    // `self.x` set once, in the `__init__` of the class whose method uses it.
    if (!best && list.length === 1 && name.startsWith('self.') && (ctx.ownCallsOnly || ctx.initCalled?.(list[0]!)) && ctx.parser.setInInitOfClassAround(list[0]!, useAt)) return list[0];
    if (!best) return list.length === 1 ? undefined : 'assigned more than once';
    return best.assignments.length === 1 ? best.assignments[0] : 'assigned more than once';
  }
  return undefined;
}

const summaries = new WeakMap<Assignment[], { compound: boolean; reassigned: boolean }>();

/** Whether a name is changed in place, or assigned again, somewhere: once per name, not at each of its many uses. */
function summaryOf(list: Assignment[]): { compound: boolean; reassigned: boolean } {
  let summary = summaries.get(list);
  if (!summary) summaries.set(list, (summary = { compound: list.some((a) => a.compound), reassigned: list.length > 1 && list.some((a) => !a.declares) }));
  return summary;
}

interface ScopeGroup { s: number; e: number; assignments: Assignment[] }
const scopeGroupCache = new WeakMap<Assignment[], ScopeGroup[]>();

/** The assignments to one name grouped by the block they are in (a file has few blocks per name, and many lookups). */
function scopeGroups(list: Assignment[], parser: EvalContext['parser']): ScopeGroup[] {
  let groups = scopeGroupCache.get(list);
  if (groups) return groups;
  const byBlock = new Map<string, ScopeGroup>();
  for (const a of list) {
    const block = parser.blockOf(a);
    const key = `${block.s}:${block.e}`;
    const group = byBlock.get(key);
    if (group) group.assignments.push(a);
    else byBlock.set(key, { s: block.s, e: block.e, assignments: [a] });
  }
  groups = [...byBlock.values()];
  scopeGroupCache.set(list, groups);
  return groups;
}

function evaluateCall(value: Extract<Value, { k: 'call' }>, ctx: EvalContext, depth: number): Resolved {
  const call = value.call;
  const callee = call.callee.replace(/^new\s+/, '');
  const firstArg = call.args[0]?.value;
  if (ENV_CALLS.has(callee) || /(?:^|\.)getenv$/i.test(callee)) {
    const name = firstArg ? evaluate(firstArg, ctx, depth + 1) : undefined;
    if (!name || name.text.includes(HOLE)) return unknown(value, 'is read from an environment variable whose name is computed');
    let fallback = call.args[1]?.value;
    // Rust `env::var("X").unwrap_or("d")`, Java `Optional...orElse("d")`.
    for (const link of call.chain) if (DEFAULTING_METHODS.has(link.callee) && link.args[0]) fallback = link.args[0].value;
    return envRead(name.text, fallback, value, ctx, depth);
  }
  // AWS CDK: `this.node.tryGetContext("key")`, the app's cdk.json "context" (env-scope.ts).
  if (/(?:^|\.)node\.tryGetContext$/.test(callee) && firstArg?.k === 'str') return contextRead(firstArg.v, value, ctx);
  // C# target-typed `new("...")` and the wrappers only carry their first argument.
  if (callee === 'new' || WRAPPERS.has(callee) || WRAPPERS.has(callee.slice(callee.lastIndexOf('.') + 1))) {
    if (firstArg) {
      const inner = evaluate(firstArg, ctx, depth + 1);
      return inner;
    }
  }
  // `endpoint.rstrip('/')`, `url.trim()`: the text, tidied.
  const method = /^(.+)\.(rstrip|strip|trim|trimEnd|trim_end|removesuffix|TrimEnd|Trim)$/.exec(callee);
  if (method && value.call.args.length <= 1) {
    const inner = evaluate({ k: 'ref', path: method[1]!, s: value.s, e: call.calleeE }, ctx, depth + 1);
    if (!isKnown(inner)) return inner;
    const arg = firstArg?.k === 'str' ? firstArg.v : undefined;
    const text = method[2] === 'removesuffix' && arg ? (inner.text.endsWith(arg) ? inner.text.slice(0, -arg.length) : inner.text)
      : arg ? inner.text.replace(new RegExp(`[${arg.replace(/[\]\\^-]/g, '\\$&')}]+$`), '') : inner.text.trim();
    return { ...inner, text };
  }
  if (callee === 'urljoin' || callee === 'urllib.parse.urljoin' || callee === 'path.join' || callee === 'posixpath.join') {
    const parts = call.args.map((a) => evaluate(a.value, ctx, depth + 1));
    const text = parts.map((p) => p.text.replace(/\/$/, '')).join('/');
    return { text, pieces: parts.flatMap((p) => p.pieces), span: { s: value.s, e: value.e } };
  }
  return unknown(value, `comes from a call to \`${call.callee}\``);
}

export function envRead(name: string, fallback: Value | undefined, at: Span, ctx: EvalContext, depth: number): Resolved {
  const span = { s: at.s, e: at.e };
  const env = ctx.env(name);
  if (env.state === 'set') {
    // Set where it runs to something this scan cannot follow (`${X}`, a CDK construct's props).
    const why = env.value.includes(HOLE) ? { why: `is read from ${name}, which ${formatWhere(env.where)} sets to a value not known here` } : {};
    return { text: env.value, pieces: [], span, env: { name, defaulted: false, where: env.where }, ...why };
  }
  if (env.state === 'conflict') {
    const values = env.values.map((v) => `${v.value} in ${formatWhere(v.where)}`).join(', ');
    return { text: HOLE, pieces: [], span, env: { name, defaulted: false }, why: `is read from ${name}, which has different values in the workspace (${values})` };
  }
  if (fallback) {
    const r = evaluate(fallback, ctx, depth + 1);
    // Set only for other folders' code: say so beside the default taken.
    const setElsewhere = env.state === 'unset' && env.elsewhere?.length ? unsetWhy(env) : undefined;
    if (!r.text.includes(HOLE)) return { ...r, env: { name, defaulted: true, unseen: env.state === 'unseen', ...(setElsewhere ? { setElsewhere } : {}) } };
  }
  const why = env.state === 'unset'
    ? `is read from the environment variable ${name}, which ${unsetWhy(env)}`
    : `is read from the environment variable ${name}, whose value is not known here`;
  return { text: HOLE, pieces: [], span, env: { name, defaulted: false }, why };
}

/** A CDK context value: unknown, marked as read, when no cdk.json of the app sets it (so `?? "default"` applies). */
function contextRead(key: string, at: Span, ctx: EvalContext): Resolved {
  const span = { s: at.s, e: at.e };
  const name = cdkContextName(key);
  const context = ctx.env(name);
  if (context.state === 'set') return { text: context.value, pieces: [], span, env: { name, defaulted: false, where: context.where } };
  const why = context.state === 'conflict' ? `is the CDK context value ${key}, which has different values in the workspace`
    : context.state === 'unset' ? `is the CDK context value ${key}, which no cdk.json of this app sets` : `is the CDK context value ${key}, not known here`;
  return { text: HOLE, pieces: [], span, env: { name, defaulted: false }, why };
}

/** Why a variable has no value for this file: nothing sets it, or only files for other folders' code do. */
export function unsetWhy(env: Extract<EnvValue, { state: 'unset' }>): string {
  return env.elsewhere?.length ? `no env file for this folder sets${setElsewhere(env.elsewhere)}` : 'no env file in the workspace sets';
}

/** ` (set only for other folders' code, in a/.env:1)`, or '' when nothing sets it. */
export function setElsewhere(elsewhere: EnvWhere[]): string {
  if (!elsewhere.length) return '';
  const shown = elsewhere.slice(0, 3).map(formatWhere).join(', ');
  return ` (set only for other folders' code, in ${shown}${elsewhere.length > 3 ? ', ...' : ''})`;
}

/** Whether the resolved text is fully known. */
export function isKnown(r: Resolved): boolean {
  return !r.text.includes(HOLE);
}

/** The lookup name of a CDK context value (`cdk.json` "context", read by `tryGetContext`). */
export function cdkContextName(key: string): string {
  return `cdk-context:${key}`;
}
