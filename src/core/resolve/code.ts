// Source code to endpoints: SDK client constructions (with their options, env reads and
// SDK defaults), LiteLLM model strings, and URLs of LLM APIs in string literals.

import type { ClientSignal, CodeLanguage, ConfiguredProvider, ModelStringRouter, Provider, ProviderConfigLibrary, ProviderId, PromptyExecutor } from '../catalog/types';
import type { Countries } from '../catalog/zones';
import { MAX_ENDPOINTS_PER_FILE, type Endpoint, type Fix, type ScanNote, type TextEdit } from '../model';
import type { Assignment, Call, Span, Value } from '../scan/ir';
import { isProjectClass } from '../scan/imports';
import { lex } from '../scan/lexer';
import { parseNotes } from '../scan/notes';
import { CodeParser, MAX_TRY_NESTING, type CodeStructure } from '../scan/parse';
import { firstFrom, type Token } from '../scan/tokens';
import { lineAndColumn } from '../text';
import { normalizeKey, pathEndsWith, type CatalogIndex, type ConfigLibraryClass } from './catalog-index';
import { CDK_BEDROCK_SIGNALS, CDK_STACK_REGION, CDK_STACK_REGION_UNKNOWN, cdkProfileGeography } from './cdk';
import { applyGlobalOnlyModel, applyProfile, defaultHostTarget, linkFallbacks, hostTarget, inferenceProfile, lookalikeTarget, makeEndpoint, profileOfGeography, profileOfPrefix, uncataloguedHostTarget, uncataloguedHostWhy, type EndpointExtras, type Target } from './endpoint';
import { allOf, countriesOfHost, fixOf, hostSwapFix, profileSwapFix, regionSwapFix } from './fixes';
import { hasUrlScheme, HOLE, isPlaceholderValue, looksLikeLlmServer, parseUrl, type ParsedUrl } from './hosts';
import { isMockedIo, mockedRegions, mocksCall, type MockedRegion } from './mocks';
import { exportedConstants, importedConstant, importsProjectName, type ExportedValue } from './modules';
import { dirOf, joinPath } from '../env-scope';
import { CallerArguments, publishedCalls, readingShown } from './calls';
import { configFileEndpoints } from './config-files';
import { modelSettingEndpoint } from './model-settings';
import { dispatchedEndpoints, expectedToRaise, publishedBranches } from './dispatch';
import { goModuleName, goSdkDefaultHosts, isAdministration, isExampleName, isJsLibrarySource, isModelList, isNotServer, isPythonLibrarySource, isTestFile, npmPackageName, pythonSdkDefaultHosts } from './not-endpoints';
import { springAiBeans } from './spring-beans';
import { springValueDefinition, springValueFields, type SpringValueField } from './spring-values';
import { applyBaaExclusions } from './baa-features';
import { ENV_CALLS, ENV_INDEXED, ENV_OBJECTS, evaluate, findAssignment, formatWhere, isKnown, setElsewhere, type EnvLookup, type EnvValue, type EnvWhere, type EvalContext, type Resolved } from './values';

export interface CodeFile {
  file: string;
  text: string;
  lang: CodeLanguage;
  /** The line of an offset as the file shows it, when `text` is not the file itself (a notebook's code cells). */
  lineOf?: (offset: number) => number;
  /**
   * Parts of `text` that run as programs of their own (a notebook cell written to disk by
   * `%%writefile`): env variables set outside such a part do not reach it, nor the reverse.
   */
  separatePrograms?: Span[];
}

interface Option {
  name: string;
  value: Value;
}

/** Env variable names that say they hold an endpoint URL (AZURE_OPENAI_ENDPOINT, OPENAI_BASE_URL). */
const URL_NAME = /(?:URL|URI|ENDPOINT|BASE)$/i;

/** Why a host with a placeholder label is not known. */
const PLACEHOLDER_WHY = 'is a placeholder for a person to fill in (as written in the workspace), so where requests go is not known';

/**
 * SDK URL option names too generic to make a local URL an LLM server on their own: an MCP
 * transport's or a webhook's `url` is no LLM API (`url: "http://localhost:8084/sse"`).
 */
const GENERIC_URL_KEYS = new Set(['url', 'uri', 'endpoint', 'host', 'server', 'address']);

/** Names under which a local URL is an LLM server (`vllmUrl`, `OLLAMA_BASE`). */
const LLM_NAME = /llm|ollama|openai|llama|lmstudio|lm_studio|inference/i;

/** The name a Go file's package clause gives (`package openaiclient`). */
function goPackageName(tokens: Token[]): string | undefined {
  const at = tokens.findIndex((t) => t.t === 'id' && t.v === 'package');
  return at >= 0 && tokens[at + 1]?.t === 'id' ? tokens[at + 1]!.v : undefined;
}

/** HTTP calls that send a GET to their first argument (see isWholeGetUrl): `fetch`, `urlopen`, and `x.get`/`x.Get` of an HTTP client. */
const GET_CALL = /^(?:fetch|urlopen|get|Get)$/;

/** The workspace value a file publishes when it calls this process-wide init (`vertexai.init`). */
const INIT_CALL = 'init-call:';
const initCallName = (callee: string): string => `${INIT_CALL}${callee}`;
/** Whether a published value says that a file calls a process-wide init (also published by notebooks, which import modules). */
export const isInitCall = (v: { name: string }): boolean => v.name.startsWith(INIT_CALL);

/** At most this many variables set to different values are followed, each for at most this many values. */
const MAX_FORKED_VARIABLES = 3;
const MAX_FORKED_VALUES = 8;

/** A code file parsed, with what its passes share. */
interface ParsedCode {
  input: CodeFile;
  index: CatalogIndex;
  parser: CodeParser;
  structure: CodeStructure;
  callers: CallerArguments | undefined;
  /** The workspace's env (with the values other modules' calls pass, for Python parameters). */
  workspace: EnvLookup;
  /** Where the call or literal being resolved starts: a variable the file sets reaches only code that runs after it. */
  useAt: number;
  /** Variables the file sets where it cannot tell whether they run before a use that reads them: their values. */
  undecided: Map<string, SetEnv>;
}

/** What one pass over a file's calls and literals, under one env, finds. */
interface Pass {
  endpoints: Endpoint[];
  conflicts: Map<Endpoint, string[]>;
  tooDeepTries: number[];
  springValueUses: ExportedValue[];
  initCalls: ExportedValue[];
  readsOf: Map<Endpoint, string[]>;
  stoppedAt?: number;
}

/**
 * The endpoints of a code file, and notes on what in it could not be read as written.
 * `stoppedAt`: where it stopped making endpoints, past MAX_ENDPOINTS_PER_FILE.
 */
export function resolveCode(input: CodeFile, index: CatalogIndex, env: EnvLookup): { endpoints: Endpoint[]; notes: ScanNote[]; stoppedAt?: number; exports: ExportedValue[] } {
  const { text, lang } = input;
  const { tokens, brackets, unterminated } = lex(text, lang);
  const parser = CodeParser.forFile(text, tokens, lang, (path) => index.isInteresting(lang, path));
  const structure = parser.parseFile();
  // Python parameters take the values other modules' calls pass (calls.ts); a notebook has only its own calls.
  const callers = lang === 'python' && !/\.ipynb$/i.test(input.file) ? new CallerArguments(input.file, parser, structure, env) : undefined;
  const code: ParsedCode = { input, index, parser, structure, callers, workspace: callers ? callers.env() : env, useAt: text.length, undecided: new Map() };
  env = withOwnEnv(code);
  const first = resolvePass(code, env);
  const notes = (): ScanNote[] => {
    const out = parseNotes(input.file, text, brackets, parser.tooDeep(), unterminated);
    if (first.tooDeepTries.length) {
      out.push({
        kind: 'parse-error', file: input.file, line: lineAndColumn(text, first.tooDeepTries[0]!).line,
        message: `not analysed: the fallbacks of try statements nested more than ${MAX_TRY_NESTING} deep (${first.tooDeepTries.length})`,
      });
    }
    return out;
  };
  const baaMarks = { file: input.file, tokens, lineOf: input.lineOf ?? ((offset: number) => lineAndColumn(text, offset).line), providerOf: (id: ProviderId) => index.providers.get(id) };
  // Before publishing: a factory branch carries its BAA exclusion to the calls that choose it.
  applyBaaExclusions(first.endpoints, baaMarks);
  // A Python module's factories publish what each literal branch builds, for the modules that call them (dispatch.ts).
  const branches = lang === 'python' && !/\.ipynb$/i.test(input.file) ? publishedBranches(input.file, text, first.endpoints, first.readsOf) : [];
  const stopped = { ...(first.stoppedAt === undefined ? {} : { stoppedAt: first.stoppedAt }), exports: [...exportedConstants(input.file, lang, parser, structure), ...first.springValueUses, ...branches, ...first.initCalls] };
  if (first.conflicts.size === 0) return { endpoints: first.endpoints, notes: notes(), ...stopped };
  const forksOf = forkedEndpoints(code, first, env);
  const out = first.endpoints.flatMap((e) => forksOf.get(e) ?? [e]);
  // Fallbacks point at endpoints by identity: a chain to a forked endpoint reaches each of its forks.
  for (const e of out) if (e.fallbacks) e.fallbacks = e.fallbacks.flatMap((f) => (forksOf.get(f.endpoint) ?? [f.endpoint]).map((endpoint) => ({ ...f, endpoint })));
  applyBaaExclusions(out, baaMarks);
  return { endpoints: out, notes: notes(), ...stopped };
}

/** The env as the file's code reads it: a variable the file itself sets (`os.environ["OPENAI_BASE_URL"] = ...`) before the SDK reads it. */
function withOwnEnv(code: ParsedCode): EnvLookup {
  const { input, parser, structure, workspace } = code;
  // Most files set none: a lookup of any other name need not try each spelling (it is asked for every client and default).
  const setHere = envNamesSet(structure.assignments);
  return (name) => {
    const own = setHere.has(name) ? inFileEnv(name, structure.assignments, parser, input, code.useAt, (v) => evaluate(v, { parser, assignments: structure.assignments, unstable: structure.unstable, env: workspace }).text) : undefined;
    if (!own) return workspace(name);
    if (own.runsFirst) return own.value;
    // The use may run before or after it (a JS function, a Python lambda): the endpoint is forked below, once per value.
    const others = workspaceValues(workspace(name)).filter((v) => v.state !== 'set' || v.value !== own.value.value);
    if (!others.length) return own.value;
    code.undecided.set(name, own.value);
    return { state: 'conflict', values: [own.value, ...others.filter((v) => v.state === 'set')].map(({ value, where }) => ({ value, where })) };
  };
}

/** What the calls being resolved read from the env. */
interface EnvReads {
  /** The env, recording each read. */
  tracked: EnvLookup;
  /** The values read since the last tag. */
  consulted: Map<string, EnvValue>;
  /** Called after each call or literal is resolved: its new endpoints (from `before`) take the values it read. */
  tag: (endpoints: Endpoint[], before: number) => void;
  readsOf: Map<Endpoint, string[]>;
  conflicts: Map<Endpoint, string[]>;
}

/**
 * Each endpoint remembers the workspace env values it was resolved from, and the
 * variables it read that the workspace sets to several values.
 */
function trackReads(lookup: EnvLookup): EnvReads {
  const consulted = new Map<string, EnvValue>();
  // Every name each call's endpoints asked, set or not: a factory's branch copied to a call site in another module says what it read.
  const asked = new Set<string>();
  const readsOf = new Map<Endpoint, string[]>();
  const conflicts = new Map<Endpoint, string[]>();
  const tracked: EnvLookup = (name) => {
    asked.add(name);
    const v = lookup(name);
    if (v.state === 'set' || v.state === 'conflict') consulted.set(name, v);
    return v;
  };
  const tag = (endpoints: Endpoint[], before: number): void => {
    for (let i = before; i < endpoints.length; i++) readsOf.set(endpoints[i]!, [...asked]);
    asked.clear();
    if (consulted.size === 0) return;
    // A parameter's reading (calls.ts) is cited as the call that decides it, in words.
    const sources = [...consulted].flatMap(([name, v]) => (v.state === 'set' ? [{ name, value: readingShown(v.value), ...v.where }] : []));
    const forked = [...consulted].filter(([, v]) => v.state === 'conflict').map(([name]) => name);
    for (let i = before; i < endpoints.length; i++) {
      if (sources.length) endpoints[i]!.env = [...sources];
      if (forked.length) conflicts.set(endpoints[i]!, forked);
    }
    consulted.clear();
  };
  return { tracked, consulted, tag, readsOf, conflicts };
}

/** One pass over the file's calls and literals under `lookup`. */
function resolvePass(code: ParsedCode, lookup: EnvLookup): Pass {
  const { input, index, parser, structure, callers, workspace } = code;
  const reads = trackReads(lookup);
  // A constant imported from another module of the workspace is cited like an env value: the line that sets it.
  const imported = (path: string): ReturnType<NonNullable<EvalContext['imported']>> => {
    const c = importedConstant(input.file, input.lang, parser.imports, path, lookup);
    if (c) reads.consulted.set(c.lookupName, { state: 'set', value: c.value, where: c.where });
    return c;
  };
  const ctx: EvalContext = { parser, assignments: structure.assignments, unstable: structure.unstable, env: reads.tracked, workspace: lookup, imported, ownCallsOnly: /\.ipynb$/i.test(input.file),
    ...(callers ? { fromCallers: callers.fromCallers.bind(callers), initCalled: callers.initCalled.bind(callers) } : {}) };
  // What a folder's go.mod or package.json names: read untracked, as it is no value an endpoint is resolved from.
  const manifest = (name: string): string | undefined => {
    const v = workspace(name);
    return v.state === 'set' ? v.value : undefined;
  };
  const r = new CodeResolver(input, index, ctx, structure.keyOf, structure.isChecked, manifest, structure.calls);
  const stoppedAt = resolveInOrder(code, r, reads);
  r.profiles(structure.strings);
  r.handlerFallbacks(structure.assignments);
  r.spreadSharedConstants();
  return { endpoints: r.endpoints, conflicts: reads.conflicts, tooDeepTries: r.tooDeepTries, springValueUses: r.springValueUses, initCalls: r.initCalls(), readsOf: reads.readsOf, ...(stoppedAt === undefined ? {} : { stoppedAt }) };
}

/**
 * The file's calls, then its literals, dispatched factories, config dicts, imported uses and
 * Spring beans, each tagged with what it read. Returns where it stopped, past the endpoint cap.
 */
function resolveInOrder(code: ParsedCode, r: CodeResolver, { tracked, tag }: EnvReads): number | undefined {
  const { input, index, parser, structure } = code;
  const { text, lang } = input;
  // Past the cap the engine reports only the first endpoints anyway (with a note): stop making them.
  let stoppedAt: number | undefined;
  for (const call of structure.calls) {
    if (r.endpoints.length > MAX_ENDPOINTS_PER_FILE) {
      stoppedAt = call.s;
      break;
    }
    const before = r.endpoints.length;
    code.useAt = call.s;
    r.call(call);
    for (let i = before; i < r.endpoints.length; i++) r.endpoints[i]!.call ??= { start: call.s, end: call.e };
    tag(r.endpoints, before);
  }
  for (const tok of stoppedAt === undefined ? structure.strings : []) {
    if (r.endpoints.length > MAX_ENDPOINTS_PER_FILE) {
      stoppedAt = tok.s;
      break;
    }
    const before = r.endpoints.length;
    code.useAt = tok.s;
    r.literal(tok);
    tag(r.endpoints, before);
  }
  if (stoppedAt === undefined) {
    const before = r.endpoints.length;
    // Calls that pick a branch of another module's factory by a literal name (dispatch.ts).
    r.endpoints.push(...dispatchedEndpoints(input.file, parser, structure, tracked, (at) => isTestFile(input.file) && expectedToRaise(text, at)));
    tag(r.endpoints, before);
  }
  if (stoppedAt === undefined) {
    const before = r.endpoints.length;
    r.configDicts();
    tag(r.endpoints, before);
  }
  for (const use of stoppedAt === undefined ? structure.importedUses : []) {
    const before = r.endpoints.length;
    code.useAt = use.s;
    r.importedUse(use);
    tag(r.endpoints, before);
  }
  code.useAt = text.length;
  if (lang === 'java') {
    const before = r.endpoints.length;
    r.endpoints.push(...springAiBeans(input.file, parser, index, tracked));
    tag(r.endpoints, before);
  }
  return stoppedAt;
}

/**
 * A variable set to different values in different files (dev and production): the
 * endpoint is reported once per value, each linked to the line that sets it. Each of the
 * first pass's endpoints that forks, to its forks.
 */
function forkedEndpoints(code: ParsedCode, first: Pass, env: EnvLookup): Map<Endpoint, Endpoint[]> {
  const names = [...new Set([...first.conflicts.values()].flat())].slice(0, MAX_FORKED_VARIABLES);
  const spanOf = (e: Endpoint): string => `${e.range.start}:${e.range.end}`;
  const forksOf = new Map<Endpoint, Endpoint[]>();
  for (const name of names) {
    const own = code.undecided.get(name);
    const values = workspaceValues(code.workspace(name));
    // The file's own value, where the order is not known, beside the workspace's (or the variable left unset).
    const forks = own ? [own, ...values.filter((v) => v.state !== 'set' || v.value !== own.value)] : values;
    // Too many values to report one by one: the endpoint stays unknown, listing them all.
    if (forks.length < 2 || forks.length > MAX_FORKED_VALUES) continue;
    const open = new Map([...first.conflicts].filter(([, n]) => n.includes(name)).map(([e]) => [spanOf(e), e]));
    for (const value of forks) {
      const pinned: EnvLookup = (n) => (n === name ? value : env(n));
      for (const e of resolvePass(code, pinned).endpoints) {
        const original = open.get(spanOf(e));
        if (!original || (value.state === 'set' && !e.env?.some((x) => x.name === name))) continue;
        forksOf.set(original, [...(forksOf.get(original) ?? []), e]);
      }
    }
  }
  return forksOf;
}

/** Only the calls a Python file makes of the named imported functions and classes (resolve/calls.ts). */
export function callsOfModule(input: CodeFile, index: CatalogIndex, callees: string[]): ExportedValue[] {
  const { tokens } = lex(input.text, input.lang);
  const parser = CodeParser.forFile(input.text, tokens, input.lang, (path) => index.isInteresting(input.lang, path));
  return publishedCalls(input.file, parser, parser.parseFile(), new Set(callees), input.lineOf);
}

/** Only the constants a module exports (one read for its re-exports, with no LLM signal of its own). */
export function moduleExports(input: CodeFile, index: CatalogIndex): ExportedValue[] {
  const { tokens } = lex(input.text, input.lang);
  const parser = CodeParser.forFile(input.text, tokens, input.lang, (path) => index.isInteresting(input.lang, path));
  return exportedConstants(input.file, input.lang, parser, parser.parseFile());
}

/** Where a file sets an env variable itself: the objects values.ts reads them from, and `environ` imported alone. */
const ENV_TARGETS = [...ENV_OBJECTS, 'environ.'];

/** The last names of the env-reading spellings values.ts knows: `getenv(`, `environ[`, `env.X`. */
const ENV_READERS = new Set([...ENV_CALLS, ...ENV_INDEXED].map((c) => c.slice(c.lastIndexOf('.') + 1)));
const ENV_HOLDERS = new Set(ENV_OBJECTS.map((o) => o.slice(0, -1)).map((o) => o.slice(o.lastIndexOf('.') + 1)));

/** Names of the env variables a file reads anywhere (`os.environ["X"]`, `getenv("X")`, `process.env.X`), by those spellings. */
function envNamesRead(tokens: Token[]): string[] {
  const names = new Set<string>();
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const before = tokens[i - 2]!;
    // The spelling first: most tokens fail it on a comparison, where the name's shape took a regular expression each.
    const read = t.t === 'str' ? (prev.v === '(' || prev.v === '[') && ENV_READERS.has(before.v) : t.t === 'id' && prev.v === '.' && ENV_HOLDERS.has(before.v);
    if (read && /^[A-Z][A-Z0-9_]*$/.test(t.v)) names.add(t.v);
  }
  return [...names];
}

type SetEnv = Extract<EnvValue, { state: 'set' }>;

/** The names of the env variables a file assigns (`os.environ["X"] = ...`), in any spelling of ENV_TARGETS. */
function envNamesSet(assignments: Map<string, Assignment[]>): Set<string> {
  const names = new Set<string>();
  for (const key of assignments.keys()) {
    for (const prefix of ENV_TARGETS) if (key.startsWith(prefix)) names.add(key.slice(prefix.length));
  }
  return names;
}

/** A workspace lookup as the values an endpoint may be resolved with: each of a conflict's, or the one state. */
function workspaceValues(v: EnvValue): EnvValue[] {
  return v.state === 'conflict' ? v.values.map(({ value, where }): SetEnv => ({ state: 'set', value, where })) : [v];
}

/**
 * The literal value the file assigns to an environment variable once, at its top level.
 * One set inside a function may never run (a test helper), so it does not count. It reaches
 * code at `useAt` when it runs first: it comes earlier in the file (a notebook's cells run in
 * order), or the use is in a Python function or class body, which runs when called. Code
 * written earlier at a Python module's or cell's top level runs before it, so does not see
 * it. Elsewhere the order is not known (`runsFirst: false`): a JS/TS, Go, Java or C#
 * function, arrow or method, or a Python lambda, runs whenever it is called. A separate
 * program (a `%%writefile` cell) sees only what it sets itself.
 */
function inFileEnv(name: string, assignments: Map<string, Assignment[]>, parser: CodeParser, input: CodeFile, useAt: number, read: (v: Value) => string): { value: SetEnv; runsFirst: boolean } | undefined {
  for (const prefix of ENV_TARGETS) {
    const list = assignments.get(prefix + name);
    if (!list) continue;
    const value = list.length === 1 && !list[0]!.compound ? parser.valueOf(list[0]!) : undefined;
    if (!value || !parser.atTopLevel(list[0]!)) return undefined;
    // A value the file computes (`= REGION`) is read as any value is; one it cannot read stays unknown (HOLE), never the workspace's.
    const text = value.k === 'str' ? value.v : read(value);
    const at = list[0]!.s;
    const programOf = (offset: number): Span | undefined => input.separatePrograms?.find((p) => p.s <= offset && offset < p.e);
    if (programOf(at) !== programOf(useAt)) return undefined;
    // Code written after the assignment runs after it; code before it only when it is a
    // function or lambda body, which may be called before or after: both values then count.
    const runsFirst = at < useAt;
    if (!runsFirst && input.lang === 'python' && !parser.insideDefinition(useAt) && !parser.insideLambda(useAt)) return undefined;
    const line = input.lineOf ? input.lineOf(at) : lineAndColumn(parser.text, at).line;
    return { value: { state: 'set', value: text, where: { file: input.file, line } }, runsFirst };
  }
  return undefined;
}

/** A client whose backend cannot be told, and why. */
type UndecidedClient = { provider: Provider; signal: ClientSignal; undecided: string };

/** An SDK client's call being resolved, with what each step of reading it needs. */
interface ClientSite {
  call: Call;
  provider: Provider;
  signal: ClientSignal;
  /** How the endpoint was found, in words, after the call (and the router or wrapper). */
  via: (what: string) => string;
  extras: { sdk: string };
  /** Whether the call takes the client's options (a router's method takes none). */
  takesOptions: boolean;
}

class CodeResolver {
  readonly endpoints: Endpoint[] = [];
  /** Where try statements nested too deep to link their fallbacks start. */
  tooDeepTries: number[] = [];
  /** Start offsets of literals already accounted for by a client or LiteLLM call. */
  private readonly consumed = new Set<number>();
  /** Start offsets of model ids written inside a client's construction: that client's model, not the file's. */
  private readonly ownModels = new Set<number>();
  private fields?: { field: string; a: Assignment }[];
  /** Names assigned by key or property (`args.base_url` for `args["base_url"] = ...`), by the object's name. */
  private keysWritten?: Map<string, string[]>;
  /** Literal URLs in tests are expectations, mocks and fixtures (clients built there still count). */
  private readonly inTest: boolean;
  /** Java fields and parameters `@Value` fills from a property, read when a client option names one. */
  private springValues?: Map<string, SpringValueField>;
  /** The properties such fields give a client as its region or URL (definitions the module's application properties read). */
  readonly springValueUses: ExportedValue[] = [];
  /** When the file is the source of an SDK the catalog models: its clients' default hosts, reported where the clients are built. */
  private sdkDefaultHosts?: Set<string>;
  /** In a test file: where part of an SDK package is mocked (worked out on first need). */
  private mocks?: MockedRegion[];
  /** When the file is a configured library's own provider source (mem0/llms/): that library (worked out on first need, null for none). */
  private librarySourceOf?: ProviderConfigLibrary | null;
  private routerLibrarySourceOf?: ModelStringRouter | null;
  /** By dict name, where a method first changes it in the file (-1: nowhere). */
  private firstChange?: Map<string, number>;
  /** By signal id, whether the file calls a function that replaces its default client. */
  private replacedDefault?: Map<string, boolean>;
  /** See methodCallSites. */
  private methodCalls?: Map<string, number[]>;
  /** Endpoints reported at a constant's literal, with the argument that names the constant (noteArgument). */
  private readonly arguments = new Map<Endpoint, Span>();

  constructor(
    private readonly input: CodeFile,
    private readonly index: CatalogIndex,
    private readonly ctx: EvalContext,
    /** The name a string literal is given to (`base_url=`, `apiBase:`). */
    private readonly keyOf: (tok: Token) => string | undefined,
    /** Whether a string literal is compared or searched for (`url.includes("...")`). */
    private readonly isChecked: (tok: Token) => boolean,
    /** What a manifest the workspace has defines, by its lookup name (a folder's go.mod module path, its package.json name). */
    private readonly manifest: (name: string) => string | undefined,
    /** Every call of the file, for the calls that configure a client process-wide (vertexai.init). */
    private readonly fileCalls: Call[],
  ) {
    this.inTest = isTestFile(input.file);
  }

  /** Whether a host is a default of the SDK whose Go or Python source the file is (asked only when a URL would be reported: it reads the workspace's go.mod files). */
  private isSdkDefaultHost(host: string): boolean {
    if (!this.sdkDefaultHosts) {
      this.sdkDefaultHosts = this.input.lang === 'go' ? goSdkDefaultHosts(this.input.file, goPackageName(this.ctx.parser.tokens), this.index.goSdk, (dir) => this.manifest(goModuleName(dir)))
        : this.input.lang === 'python' ? pythonSdkDefaultHosts(this.input.file, this.index.pySdk) : new Set();
      // A configured library's provider source names the defaults it passes to its clients (mem0's "https://api.x.ai/v1").
      for (const p of this.librarySource()?.providers ?? []) {
        const host = p.defaults?.host ?? this.index.clientById(p.client)?.signal.defaults.host;
        if (host) this.sdkDefaultHosts.add(host.toLowerCase());
      }
      // So does a model-string router's (pydantic-ai's providers/groq.py: "https://api.groq.com").
      for (const id of Object.values(this.routerLibrarySource()?.providers ?? {})) {
        const host = this.index.clientById(id)?.signal.defaults.host;
        if (host) this.sdkDefaultHosts.add(host.toLowerCase());
      }
    }
    return this.sdkDefaultHosts.has(host);
  }


  /**
   * The configured library whose own provider source this file is: a Python module it names
   * (mem0/llms/), or a folder below the package.json of its JS package (mem0ai's src/oss/src/llms/).
   */
  private librarySource(): ProviderConfigLibrary | undefined {
    if (this.librarySourceOf === undefined) {
      const { file, lang } = this.input;
      const packageOf = (dir: string): string | undefined => this.manifest(npmPackageName(dir));
      this.librarySourceOf = (this.index.catalog.configLibraries ?? []).find((l) => (lang === 'python' && isPythonLibrarySource(file, l.libraryModules))
        || (lang === 'js' && isJsLibrarySource(file, l.libraryFolders ?? [], packageOf))) ?? null;
    }
    return this.librarySourceOf ?? undefined;
  }

  /**
   * The model-string router whose library's own provider modules this Python file is in
   * (pydantic_ai/providers/, ModelStringRouter.libraryModules), wherever the import root is.
   */
  private routerLibrarySource(): ModelStringRouter | undefined {
    if (this.routerLibrarySourceOf === undefined) {
      const { file, lang } = this.input;
      this.routerLibrarySourceOf = lang === 'python' ? (this.index.catalog.routers ?? []).find((r) => r.libraryModules && isPythonLibrarySource(file, r.libraryModules)) ?? null : null;
    }
    return this.routerLibrarySourceOf ?? undefined;
  }

  call(call: Call): void {
    // The clients a configured library's provider classes build are reported at each application's config;
    // those a router's provider classes build, where an application names the model.
    if (this.librarySource() || this.routerLibrarySource()) return;
    const before = this.endpoints.length;
    // `Agent` counts only as imported from crewai (`crewai.Agent`), so the import's qualified name is asked too.
    // Given no model string, such an agent builds its framework's default LLM, a client signal of its own.
    const liteLlmCall = this.index.isLiteLlmCall(call.callee) || this.index.isLiteLlmCall(this.ctx.parser.qualify(call.callee));
    if (liteLlmCall && (this.liteLlmModelOption(call, this.readOptions(call)) || !this.matchClient(call))) {
      this.liteLlm(call);
      this.modelProfile(call, this.index.catalog.litellm.modelOptions, before);
      return;
    }
    // `const vertex = createVertex(...)` then `vertex("model")`: the local name is a client
    // made by a factory (reported there), not the SDK's default instance.
    if (!call.callee.includes('.') && !call.isNew && this.isMadeClient(call.callee, call.s)) return;
    if (this.routed(call) || this.configured(call) || this.promptyRun(call) || this.configFileLoad(call)) return;
    call = this.onHeldObject(call);
    const match = this.matchClient(call);
    if (!match) {
      this.vendorCall(call);
      return;
    }
    const handed = this.handedClient(call);
    if (handed) {
      this.throughHandedClient(call, match.provider, match.signal, handed, before);
      return;
    }
    if (match.undecided) {
      // `vertexai=client.vertexai`: which backend the SDK picks is decided at run time.
      this.endpoints.push(makeEndpoint(this.index, this.input.file, this.callSpan(call), { provider: null, host: null, region: null },
        `${shortCallee(call)}: the backend switch ${match.undecided}`, { unknown: `${match.undecided}, which chooses between ${match.provider.name} and another backend` }));
      return;
    }
    if (this.inTest && this.isMocked(call)) return;
    // Handed an API object built elsewhere (Spring AI's `.openAiApi(api)`): reported where that is built.
    if (findOption(this.readOptions(call), match.signal.options.client)) return;
    if (match.signal.id === 'cdk-bedrock-inference-profile') {
      this.cdkInferenceProfile(call, match.provider, match.signal);
      return;
    }
    this.client(call, match.provider, match.signal, undefined, match.wrapper);
    this.modelProfile(call, match.signal.options.model ?? [], before, match.signal.defaults.model);
  }

  /**
   * Whether a client call in a test runs against a mock: what sends its requests is patched
   * where the call is (`with patch("sdk._internal.Transport")`, `jest.mock("sdk")`, see
   * mocksCall), or the client is handed a test double for its I/O (`transport=mock_transport`).
   * It reaches no server.
   */
  private isMocked(call: Call): boolean {
    this.mocks ??= mockedRegions(this.ctx.parser, this.input.lang);
    const callee = this.ctx.parser.qualify(call.callee);
    const here = this.mocks.filter((m) => m.s <= call.s && call.s < m.e);
    if (here.some((m) => mocksCall(m, callee, (method) => this.callsMethodIn(method, m)))) return true;
    return this.readOptions(call).some((o) => isMockedIo(o.name, o.value.k === 'call' ? { k: 'call', callee: o.value.call.callee } : o.value));
  }

  /** Where each method name is called (`x.name(...)`), in file order: found once for the whole file. */
  private methodCallSites(): Map<string, number[]> {
    if (!this.methodCalls) {
      this.methodCalls = new Map();
      const { tokens } = this.ctx.parser;
      for (let i = 1; i + 1 < tokens.length; i++) {
        if (tokens[i]!.t !== 'id' || tokens[i - 1]!.v !== '.' || tokens[i + 1]!.v !== '(') continue;
        const list = this.methodCalls.get(tokens[i]!.v) ?? [];
        list.push(tokens[i]!.s);
        this.methodCalls.set(tokens[i]!.v, list);
      }
    }
    return this.methodCalls;
  }

  /** Whether the file calls a method of this name (`x.name(...)`) inside a range. */
  private callsMethodIn(name: string, range: { s: number; e: number }): boolean {
    const at = this.methodCallSites().get(name) ?? [];
    const k = firstFrom(at, range.s, (s) => s);
    return k < at.length && at[k]! < range.e;
  }

  /**
   * A call through a model-string router. A method of a router's client (aisuite
   * `client.chat.completions.create(model="openai:gpt-4o")`), or a router's factory function
   * (LangChain `init_chat_model("gpt-4o", base_url=...)`): the provider key picks the SDK client
   * the router builds, whose defaults and env variables then apply. Returns whether it was one.
   */
  private routed(call: Call): boolean {
    for (const router of this.index.catalog.routers ?? []) {
      if (!router.languages.includes(this.input.lang)) continue;
      if (router.functions) {
        const qualified = this.ctx.parser.qualify(call.callee);
        if (!router.functions.some((f) => pathEndsWith(qualified, f))) continue;
        this.routedFactory(call, router);
        return true;
      }
      const method = router.methods?.find((m) => call.callee.endsWith(`.${m}`));
      if (!method || !router.client) continue;
      const receiver = call.callee.slice(0, -method.length - 1);
      const assigned = findAssignment(receiver, call.s, this.ctx);
      const made = assigned && typeof assigned !== 'string' ? this.ctx.parser.valueOf(assigned) : undefined;
      const ownClient = made?.k === 'call' && pathEndsWith(this.ctx.parser.qualify(made.call.callee), router.client);
      // An agent imported from another module: only a model string naming a key the router knows says it is one.
      const imported = !ownClient && router.importedReceivers && !receiver.includes('.') && this.ctx.parser.qualify(receiver) !== receiver;
      if (!ownClient && !imported) continue;
      const opt = findOption(this.readOptions(call), router.modelOptions);
      if (!opt && router.modelOptional) return true;
      if (opt && this.routedLocally(opt, router)) return true;
      // Models tried in turn (`for model, key in models: agent.run_stream(..., model=model)`): one endpoint each.
      const looped = opt && this.loopedStrings(opt.value);
      if (looped) {
        for (const value of looped) this.routedMethodModel(call, router, value);
        return true;
      }
      const picked = routerKey(router, undefined, opt && this.written(opt.value));
      if (imported && !('key' in picked)) continue;
      const target = 'key' in picked ? this.index.clientById(router.providers[picked.key]) : undefined;
      if (target) this.client(call, target.provider, target.signal, { id: router.id, forwards: false });
      else this.routedUnknown(call, router, 'why' in picked ? picked.why : `the catalog does not say which client ${router.id} builds for its provider key "${picked.key}"`);
      return true;
    }
    return false;
  }

  /** One model of a router's method call: its key picks the client, else the call is still an LLM call to a place not known. */
  private routedMethodModel(call: Call, router: ModelStringRouter, value: Value): void {
    const picked = routerKey(router, undefined, this.written(value));
    const target = 'key' in picked ? this.index.clientById(router.providers[picked.key]) : undefined;
    if (target) this.client(call, target.provider, target.signal, { id: router.id, forwards: false });
    else this.routedUnknown(call, router, 'why' in picked ? picked.why : `the catalog does not say which client ${router.id} builds for its provider key "${picked.key}"`);
  }

  /**
   * The strings a Python loop variable takes from a literal list (`for model, key in MODELS:` over
   * `MODELS = [("openai:gpt-4o", "OPENAI_API_KEY"), ...]`), or undefined when they are not all literal.
   */
  private loopedStrings(value: Value): Value[] | undefined {
    if (value.k !== 'ref' || value.path.includes('.')) return undefined;
    const loop = this.ctx.parser.pythonLoopOver(value.path, value.s);
    if (!loop) return undefined;
    let list: Value | undefined = loop.iterable;
    if (list.k === 'ref') {
      const assigned = findAssignment(list.path, loop.at, this.ctx);
      list = assigned && typeof assigned !== 'string' ? this.ctx.parser.valueOf(assigned) : undefined;
    }
    if (list?.k !== 'arr' || list.items.length === 0) return undefined;
    const picked = list.items.map((item) => {
      const tuple = item.k === 'arr' ? item.items : this.ctx.parser.pythonTupleItems(item);
      return tuple ? tuple[loop.index] : loop.index === 0 ? item : undefined;
    });
    return picked.every((v): v is Value => v?.k === 'str') ? picked : undefined;
  }

  /**
   * A router's factory function (`init_chat_model`, `initChatModel`): its options other than the
   * model and provider are handed to the client it builds, so they are read as that client's.
   */
  private routedFactory(call: Call, router: ModelStringRouter): void {
    const { options } = this.callOptions(call, FACTORY_OPTIONS_ARG);
    const runtime = findOption(options, router.runtimeOptions ?? []);
    if (runtime && !this.fixesModel(runtime, router)) {
      this.routedUnknown(call, router, `${runtime.name}= lets the model and its provider be chosen at run time`);
      return;
    }
    const model = findOption(options, router.modelOptions);
    // `initChatModel(undefined, {...})`, `init_chat_model(model=None)`: a model left to be configured.
    if (!model || (model.value.k === 'lit' && model.value.v === null) || (model.value.k === 'ref' && model.value.path === 'undefined')) {
      // pydantic-ai `Agent()`: the model is named where it runs (`agent.run(..., model=...)`), reported there.
      if (router.modelOptional) return;
      this.routedUnknown(call, router, 'no model is named, so the model and its provider are chosen at run time');
      return;
    }
    const named = findOption(options, router.providerOptions ?? []);
    if (this.routedLocally(model, router) || (named && router.takesObjects && this.isBuiltObject(named.value))) return;
    const picked = routerKey(router, named && this.written(named.value), this.written(model.value));
    if ('why' in picked) {
      this.routedUnknown(call, router, picked.why);
      return;
    }
    const id = router.providers[picked.key];
    const target = this.index.clientById(id);
    if (!target) {
      this.routedUnknown(call, router, id === undefined ? `${router.id} has no provider "${picked.key}"` : `the catalog has no client for what ${router.id} builds for provider "${picked.key}"`);
      return;
    }
    // Matched as a direct call of the class would be, so its backend switches (vertexai=True) count.
    const asClass = this.matchClient({ ...call, callee: target.signal.callees[0]! });
    const sameClass = asClass?.signal.packages.some((p) => target.signal.packages.includes(p)) ? asClass : undefined;
    if (sameClass?.undecided) {
      this.routedUnknown(call, router, `${sameClass.undecided}, which chooses between ${sameClass.provider.name} and another backend`);
      return;
    }
    const match = sameClass ?? target;
    const before = this.endpoints.length;
    this.client(call, match.provider, match.signal, { id: router.id, forwards: router.forwardsOptions !== false });
    this.modelProfile(call, router.modelOptions, before, match.signal.defaults.model, picked.model);
  }

  /**
   * Whether a router's model option reaches no API from here: a model object built elsewhere
   * (`Agent(OpenAIChatModel(...))`, reported where it is built) or a model that runs in the process (`"test"`).
   */
  private routedLocally(model: Option, router: ModelStringRouter): boolean {
    if (router.takesObjects && this.isBuiltObject(model.value)) return true;
    const r = evaluate(model.value, this.ctx);
    return isKnown(r) && (router.localModels ?? []).includes(r.text);
  }

  /** A class built in place or held by a name assigned one (`provider=GroqProvider(...)`, `model = OpenAIChatModel(...)`). */
  private isBuiltObject(value: Value, carriers: readonly string[] = []): boolean {
    let v: Value | undefined = value;
    if (v.k === 'ref') {
      const assigned = findAssignment(v.path, v.s, this.ctx);
      v = assigned && typeof assigned !== 'string' ? this.ctx.parser.valueOf(assigned) : undefined;
    }
    // Python names classes in CapWords; a lower-case function (`get_model()`) may return a model string.
    if (v?.k !== 'call' || !/^[A-Z]/.test(v.call.callee.slice(v.call.callee.lastIndexOf('.') + 1))) return false;
    // Reported where it is built only if the catalog knows the class (a client, a router's model class, or one of
    // `carriers`, which hold a client reported where that is built); another (`FallbackModel(...)`) leaves the model unknown.
    const qualified = this.ctx.parser.qualify(v.call.callee);
    return [qualified, v.call.callee].some((name) => this.index.clientsFor(this.input.lang, name).length > 0 || this.index.vendorClientsFor(this.input.lang, name).length > 0)
      || (this.index.catalog.routers ?? []).some((r) => r.languages.includes(this.input.lang)
        && (r.functions?.some((f) => pathEndsWith(qualified, f)) || r.localModelClasses?.some((f) => pathEndsWith(qualified, f))))
      || carriers.includes(qualified);
  }

  /** A value as evaluated, with its source text (for saying what is not known). */
  private written(value: Value): WrittenValue {
    return { value: evaluate(value, this.ctx), written: this.input.text.slice(value.s, value.e) };
  }

  /** Whether a literal list of configurable fields leaves the model, its provider and its URL fixed. */
  private fixesModel(opt: Option, router: ModelStringRouter): boolean {
    const v = opt.value;
    const fixed = ['model', ...(router.providerOptions ?? [])];
    return v.k === 'arr' && v.items.every((i) => i.k === 'str' && !fixed.includes(i.v) && i.v !== 'any' && !this.index.isUrlOptionName(i.v));
  }

  /** Still an LLM call: which provider it reaches is what is not known. */
  private routedUnknown(call: Call, router: ModelStringRouter, why: string): void {
    this.endpoints.push(makeEndpoint(this.index, this.input.file, this.callSpan(call), { provider: null, host: null, region: null }, `${shortCallee(call)}: ${router.id} picks the provider`, { unknown: why }));
  }

  /**
   * The entry point of a library configured with a provider per part (mem0
   * `Memory.from_config({"llm": {"provider": "xai", "config": {...}}})`): each part's provider
   * key picks the SDK client the library builds, the part's config keys (renamed as the
   * catalog says) are that client's options, and the library's own env variables and
   * defaults apply. A part left out gets the library's default provider. Returns whether the
   * call was such an entry point.
   */
  private configured(call: Call): boolean {
    const qualified = this.libraryQualified(call.callee);
    const library = this.index.configLibraryFor(this.input.lang, qualified);
    if (!library) {
      const constructed = this.index.configLibraryClassFor(this.input.lang, qualified);
      if (constructed) this.constructedPart(call, constructed);
      return constructed !== undefined;
    }
    const arg = call.args.find((a) => a.name !== undefined && library.configArguments.includes(a.name)) ?? call.args.find((a) => !a.name);
    let config: Option[] = [];
    if (arg) {
      const read = this.configEntries(arg.value, library);
      if (!read || read.opaque) {
        this.unknownProvider(this.callSpan(call), `${shortCallee(call)}: ${library.id} config`,
          `the ${library.id} config comes from \`${read?.opaque ?? this.input.text.slice(arg.value.s, arg.value.e)}\`, which is not a literal in this file, so which providers it names is not known`);
        return true;
      }
      config = read.options;
    }
    for (const part of library.parts) this.configuredPart(call, library, part, findOption(config, [part.key]));
    return true;
  }

  /**
   * A call that builds model clients from a config file this code names (AutoGen
   * `load_component` of a YAML it reads, GraphRAG tools' `from_settings`): the file's clients,
   * reported here (config-files.ts). Returns whether the call was one.
   */
  private configFileLoad(call: Call): boolean {
    const loader = this.index.configFileLoaderFor(this.input.lang, this.ctx.parser.qualify(call.callee));
    if (!loader) return false;
    const span = this.callSpan(call);
    const site = { file: this.input.file, index: this.index, ctx: this.ctx, workspace: this.ctx.workspace ?? this.ctx.env, span, label: shortCallee(call) };
    this.endpoints.push(...configFileEndpoints(call, loader, site, (via, unknown) => makeEndpoint(this.index, this.input.file, span, { provider: null, host: null, region: null }, via, { unknown })));
    return true;
  }

  /**
   * A `.prompty` file run with a configuration written here (`prompty.execute("chat.prompty",
   * configuration={"azure_endpoint": ...})`). Its keys override the file's, so when it names the
   * executor (`type`) or an endpoint key, this call decides where the prompt goes and is reported
   * here; the executor is its `type`, else the one whose client alone takes that key
   * (`azure_endpoint` is Azure OpenAI's). Otherwise the file's own configuration applies, reported
   * in the file. Returns whether the call was such a run.
   */
  private promptyRun(call: Call): boolean {
    const qualified = this.ctx.parser.qualify(call.callee);
    const runner = (this.index.catalog.promptyRunners ?? []).find((r) => r.callees.some((c) => pathEndsWith(qualified, c)));
    if (!runner) return false;
    const arg = call.args.find((a) => a.name === runner.configuration.name) ?? call.args.filter((a) => !a.name)[runner.configuration.index];
    if (!arg) return true;
    const label = `${shortCallee(call)}: Prompty configuration`;
    const config = this.literalValue(arg.value);
    if (config?.k !== 'obj') {
      this.unknownProvider(this.callSpan(call), label, `the configuration \`${this.input.text.slice(arg.value.s, arg.value.e)}\` is not a literal in this file and overrides the .prompty file's, so where the prompt goes is not known`);
      return true;
    }
    const options: Option[] = config.entries.map((e) => ({ name: e.key, value: e.value }));
    const urlKeys = (x: PromptyExecutor): string[] => this.index.clientById(x.client)?.signal.options.url ?? x.url ?? [];
    const typeOpt = findOption(options, ['type']);
    let executor: PromptyExecutor | undefined;
    if (typeOpt) {
      const type = evaluate(typeOpt.value, this.ctx);
      executor = isKnown(type) ? this.index.catalog.prompty.find((x) => x.types.includes(type.text.trim())) : undefined;
      if (!executor) {
        this.unknownProvider(this.callSpan(call), `${label} type ${describe(type)}`, `the Prompty executor ${isKnown(type) ? `"${type.text}" is not one the catalog knows` : type.why ?? 'is computed at run time'}, so where the prompt goes is not known`);
        return true;
      }
    } else {
      const given = options.filter((o) => this.index.catalog.prompty.some((x) => urlKeys(x).includes(o.name)));
      if (!given.length) return true;
      const takers = this.index.catalog.prompty.filter((x) => given.some((o) => urlKeys(x).includes(o.name)));
      if (takers.length !== 1) {
        this.unknownProvider(this.callSpan(call), label, `${given[0]!.name} is a key of several Prompty executors, and the .prompty file's type picks one`);
        return true;
      }
      executor = takers[0]!;
    }
    const target = this.index.clientById(executor.client);
    const id = `Prompty ${executor.types[0]} configuration`;
    if (target) {
      this.client(call, target.provider, target.signal, { id, forwards: false }, undefined, { options, at: this.callSpan(call) });
      return true;
    }
    // An executor that builds no catalog client (serverless): its endpoint key's host decides the provider.
    const urlOpt = findOption(options, urlKeys(executor));
    const r = urlOpt ? this.resolve(urlOpt.value) : undefined;
    const endpoint = r && this.fromUrl(r, null, undefined, `${shortCallee(call)}: ${id}, ${urlOpt!.name} ${describe(r)}`, {});
    if (endpoint) this.endpoints.push(endpoint);
    else this.unknownProvider(this.callSpan(call), `${shortCallee(call)}: ${id}`, `the ${executor.types[0]} executor's endpoint is not known statically`);
    return true;
  }

  /**
   * A configured library's config written as a dict this file hands to none of the library's
   * entry points (mem0's server builds `DEFAULT_CONFIG`, another module passes it to
   * `Memory.from_config`). Known by keys only that library's config has (`configMarkers`), each
   * part is reported as at an entry point. A dict in a test is a fixture, not a use.
   */
  configDicts(): void {
    if (this.inTest || this.librarySource()) return;
    for (const library of this.index.catalog.configLibraries ?? []) {
      const markers = library.configMarkers ?? [];
      // A marker key is written in the file's text (read first: most files have none, and then no dict is parsed).
      if (!markers.some((m) => this.input.text.includes(m))) continue;
      if (this.fileCalls.some((c) => this.index.configLibraryFor(this.input.lang, this.ctx.parser.qualify(c.callee)) === library)) continue;
      for (const [name, list] of this.ctx.assignments) {
        if (list.length !== 1 || list[0]!.compound) continue;
        const value = this.ctx.parser.valueOf(list[0]!);
        if (value.k !== 'obj') continue;
        const options: Option[] = value.entries.map((e) => ({ name: e.key, value: e.value }));
        if (!findOption(options, markers) || !library.parts.some((p) => findOption(options, [p.key]))) continue;
        const holder: Call = { callee: name, isNew: false, args: [], chain: [], s: value.s, e: value.e, calleeS: value.s, calleeE: value.s, open: -1, close: -1 };
        for (const part of library.parts) this.configuredPart(holder, library, part, findOption(options, [part.key]));
      }
    }
  }

  /**
   * A callee as its import qualifies it; in a configured library's own code (its examples), a
   * relative import of a module in the folder the library publishes (`../src` in mem0-ts's
   * src/oss/examples/) is named by the import path it is published under (`mem0ai/oss.Memory`).
   */
  private libraryQualified(callee: string): string {
    const qualified = this.ctx.parser.qualify(callee);
    // Only a library's own names are looked for there: each look asks the workspace's package.json files.
    if (this.input.lang !== 'js' || !qualified.startsWith('.') || !this.index.isConfigLibraryName(qualified)) return qualified;
    const target = this.ctx.parser.imports.get(callee.split('.')[0]!);
    if (target === undefined) return qualified;
    // A named import is `module.Name`; a namespace import is the module alone (`../src`).
    const dot = target.lastIndexOf('.');
    const spec = /^[A-Za-z_$][\w$]*$/.test(target.slice(dot + 1)) ? target.slice(0, dot) : target;
    const module = joinPath(dirOf(this.input.file), spec);
    if (module === null) return qualified;
    const rest = qualified.slice(spec.length + 1);
    const packageOf = (dir: string): string | undefined => this.manifest(npmPackageName(dir));
    for (const library of this.index.catalog.configLibraries ?? []) {
      for (const { package: name, entry } of library.libraryFolders ?? []) {
        // Asked as of a file in the module's folder, so `../src` (its index) and `../src/llms/mistral` both count.
        if (entry && isJsLibrarySource(`${module}/index.ts`, [{ package: name, folders: [entry.folder] }], packageOf)) return `${entry.module}.${rest}`;
      }
    }
    return qualified;
  }

  /**
   * A configured library's provider class constructed by the application itself (mem0-ts's
   * `new MistralLLM({ apiKey, model })`): its argument is the part's config, read as at an
   * entry point, but no config merge fills in what it leaves out.
   */
  private constructedPart(call: Call, constructed: ConfigLibraryClass): void {
    const { library, part, key } = constructed;
    const label = `${shortCallee(call)}: ${library.id} ${part}`;
    const arg = call.args.find((a) => !a.name);
    const entries = arg ? this.configEntries(arg.value, library) : { options: [] };
    if (!entries) {
      this.unknownProvider(this.callSpan(call), label, `its config \`${this.input.text.slice(arg!.value.s, arg!.value.e)}\` is not a literal in this file, so which endpoint it sets is not known`);
      return;
    }
    this.configuredClient(call, library, part, key, entries, this.callSpan(call), label, false);
  }

  /** One part of a configured library (`llm`, `embedder`): the client its provider key picks, with its config keys. */
  private configuredPart(call: Call, library: ProviderConfigLibrary, part: ProviderConfigLibrary['parts'][number], written: Option | undefined): void {
    const label = `${shortCallee(call)}: ${library.id} ${part.key}`;
    const entries = written ? this.configEntries(written.value, library) : { options: [] };
    if (!entries || entries.opaque) {
      const at = written!.value;
      this.unknownProvider(at, label, `the ${part.key} part is \`${entries?.opaque ?? this.input.text.slice(at.s, at.e)}\`, not a literal in this file, so its provider is not known`);
      return;
    }
    const providerOpt = findOption(entries.options, [library.providerKey]);
    const provider = providerOpt ? evaluate(providerOpt.value, this.ctx) : undefined;
    if (provider && !isKnown(provider)) {
      this.unknownProvider(provider.span, `${label} provider ${describe(provider)}`, `the ${part.key} provider ${provider.why ?? 'is computed at run time'}, so which client ${library.id} builds is not known`);
      return;
    }
    // mem0-ts's factories match the key in lower case; mem0's Python factory as written.
    const named = provider ? provider.text.trim() : part.defaultProvider;
    const key = this.input.lang === 'js' ? named.toLowerCase() : named;
    // The endpoint is reported where the provider is named, else where the part is, else at the call.
    const at: Span = provider?.span ?? (written ? written.value : this.callSpan(call));
    const configOpt = findOption(entries.options, [library.configKey]);
    const settings = configOpt ? this.configEntries(configOpt.value, library) : { options: [] };
    const read = { options: settings?.options ?? [], opaque: settings ? settings.opaque : this.input.text.slice(configOpt!.value.s, configOpt!.value.e) };
    this.configuredClient(call, library, part.key, key, read, at, label, true);
  }

  /**
   * The client a configured part's provider key picks (`partKey`, `key`), with the part's config
   * keys (`read`). `merged`: reached through the library's entry point, whose config merge may
   * give the part a URL of its own (`mergedUrl`).
   */
  private configuredClient(call: Call, library: ProviderConfigLibrary, partKey: string, key: string, read: { options: Option[]; opaque?: string | undefined }, at: Span, label: string, merged: boolean): void {
    const { options, opaque } = read;
    const candidates = library.providers.filter((p) => p.key === key && p.parts.includes(partKey) && p.languages.includes(this.input.lang));
    let chosen: ConfiguredProvider | undefined;
    for (const c of candidates) {
      const { key: switchKey, oneOf = [], env = [] } = c.when ?? {};
      // A switch read from the environment where it runs (an API key, GOOGLE_GENAI_USE_VERTEXAI=true).
      if (env.some((name) => this.envIsSet(name))) chosen ??= c;
      const opt = switchKey ? findOption(options, [switchKey]) : undefined;
      if (!opt) continue;
      if (this.isOneOf(opt, oneOf)) chosen ??= c;
      else if (!isKnown(evaluate(opt.value, this.ctx)) && opt.value.k !== 'lit') {
        this.unknownProvider(at, `${label} provider "${key}"`, `${switchKey} in its config is computed at run time, and it picks the backend`);
        return;
      }
    }
    chosen ??= candidates.find((p) => !p.when);
    if (!chosen) {
      this.unknownProvider(at, `${label} provider "${key}"`, `the catalog does not say which client ${library.id} builds for its ${partKey} provider "${key}"`);
      return;
    }
    const url = findOption(options, chosen.url);
    // A local model (sentence-transformers, fastembed) sends nothing anywhere.
    if (!chosen.client || (chosen.localWithoutUrl && !url && !opaque)) return;
    const target = this.index.clientById(chosen.client);
    if (!target) {
      this.unknownProvider(at, `${label} provider "${key}"`, `the catalog has no client ${chosen.client}`);
      return;
    }
    // The library's config merge fills in a base URL its class reads (mem0-ts: the default config's OpenAI URL).
    const mergedUrl = library.parts.find((p) => p.key === partKey)?.mergedUrl;
    const fill = merged && mergedUrl && mergedUrl.languages.includes(this.input.lang) && !mergedUrl.except.includes(key) && chosen.url?.includes('baseURL') ? mergedUrl : undefined;
    // The library passes its own options, env variables and defaults; the client's own switches and requirements are the library's business.
    const { id, languages, callees, packages } = target.signal;
    const defaults = fill?.defaults ?? chosen.defaults;
    const signal: ClientSignal = {
      id, languages, callees, packages,
      options: { ...(chosen.url ? { url: chosen.url } : {}), ...(chosen.region ? { region: chosen.region } : {}), ...(chosen.model ? { model: chosen.model } : {}) },
      env: { ...target.signal.env, ...chosen.env, ...(fill ? { url: [] } : {}) },
      defaults: defaults ?? target.signal.defaults,
      sources: fill ? [...chosen.sources, ...fill.sources] : chosen.sources,
    };
    const before = this.endpoints.length;
    this.client(call, target.provider, signal, { id: `${library.id} ${partKey} provider "${key}"`, forwards: false }, undefined, { options, ...(opaque ? { opaque } : {}), at, ...(defaults ? { defaultsOf: library.id } : {}) });
    this.configuredProfile(options, chosen.model, before);
  }

  /** A Bedrock model id in a configured part (`"model": "us.anthropic..."`) that names a profile beyond the EU. */
  private configuredProfile(options: Option[], names: string[] | undefined, from: number): void {
    const bedrock = this.index.providers.get('aws-bedrock');
    const opt = findOption(options, names);
    const added = this.endpoints.slice(from).filter((e) => e.provider === 'aws-bedrock');
    if (!bedrock || !opt || added.length === 0) return;
    const r = evaluate(opt.value, this.ctx);
    const profile = isKnown(r) ? inferenceProfile(bedrock, r.text) : null;
    if (profile) for (const e of added) applyProfile(e, profile, r.text);
  }

  /**
   * The entries of a configured library's dict or config class (`{"llm": ...}`,
   * `LlmConfig(provider=..., config=...)`), from a variable assigned once in this file too;
   * nested dicts also under dotted names (`azure_kwargs.azure_endpoint`). `opaque`: where
   * entries come from that the engine cannot read (`**base`). Undefined when it is no such value.
   */
  private configEntries(value: Value, library: ProviderConfigLibrary): { options: Option[]; opaque?: string } | undefined {
    const v = this.literalValue(value);
    const options: Option[] = [];
    let opaque: string | undefined;
    const add = (name: string, item: Value): void => {
      if (name === '**' || name === '...') {
        opaque ??= this.input.text.slice(item.s, item.e);
        return;
      }
      options.push({ name, value: item });
      const inner = this.literalValue(item);
      if (inner?.k === 'obj') for (const e of inner.entries) if (e.key !== '**' && e.key !== '...') options.push({ name: `${name}.${e.key}`, value: e.value });
    };
    if (v?.k === 'obj') for (const e of v.entries) add(e.key, e.value);
    else if (v?.k === 'call' && library.configClasses.includes(v.call.callee.slice(v.call.callee.lastIndexOf('.') + 1))) {
      for (const a of v.call.args) if (a.name) add(a.name, a.value);
    } else return undefined;
    return opaque ? { options, opaque } : { options };
  }

  /** A use of an LLM whose provider is not known: reported so, never skipped. */
  private unknownProvider(span: Span, via: string, unknown: string): void {
    this.endpoints.push(makeEndpoint(this.index, this.input.file, span, { provider: null, host: null, region: null }, via, { unknown }));
  }

  /**
   * A Bedrock model id given in the same call (`model="bedrock/global.anthropic..."`) that names
   * a profile beyond the EU; without one, the SDK's own default model (`defaultModel`) decides.
   */
  private modelProfile(call: Call, names: string[], from: number, defaultModel?: string, routedModel?: string): void {
    const bedrock = this.index.providers.get('aws-bedrock');
    const added = this.endpoints.slice(from).filter((e) => e.provider === 'aws-bedrock');
    if (!bedrock || added.length === 0) return;
    const options = this.readOptions(call);
    const opt = findOption(options, names) ?? (call.args[0] && !call.args[0].name ? { name: '$0', value: call.args[0].value } : undefined);
    if (!opt) {
      const profile = defaultModel ? inferenceProfile(bedrock, defaultModel) : null;
      if (profile) for (const e of added) applyProfile(e, profile, defaultModel!);
      return;
    }
    // A CDK agent's model may be a cross-region inference profile made in the stack.
    const cdkProfile = this.cdkProfileGeography(opt.value);
    const geoProfile = cdkProfile ? profileOfGeography(bedrock, cdkProfile) : null;
    if (geoProfile) {
      for (const e of added) applyProfile(e, geoProfile, `${geoProfile.prefix}* (CrossRegionInferenceProfile)`);
      return;
    }
    const r = evaluate(opt.value, this.ctx);
    if (opt.value.k === 'str') this.ownModels.add(opt.value.s);
    // A router's model string without its "key:" prefix (`bedrock_converse:eu.anthropic...`).
    const modelId = routedModel ?? r.text;
    // Only the prefix may be known (a CDK inference profile's id in the Lambda env): it still names the geography.
    const profile = isKnown(r) ? inferenceProfile(bedrock, modelId) : routedModel ? null : profileOfPrefix(bedrock, modelId);
    if (!profile) return;
    const piece = r.pieces.length === 1 && r.pieces[0]!.verbatim ? r.pieces[0]! : undefined;
    const fix = piece ? profileSwapFix(bedrock, piece.text, piece.s, profile.prefix) : undefined;
    // An unknown part is shown as `*` (`global.*`).
    for (const e of added) applyProfile(e, profile, modelId.split(HOLE).join('*'), fix);
  }

  /** The geography of a CDK cross-region inference profile made here or held in a variable (`foundationModel: cris`). */
  private cdkProfileGeography(value: Value): string | undefined {
    let v = value;
    if (v.k === 'ref') {
      const assigned = findAssignment(v.path, v.s, this.ctx);
      if (!assigned || typeof assigned === 'string') return undefined;
      v = this.ctx.parser.valueOf(assigned);
    }
    if (v.k !== 'call' || this.matchClient(v.call)?.signal.id !== 'cdk-bedrock-inference-profile') return undefined;
    const geo = findOption(this.readOptions(v.call), ['geoRegion', 'geo_region']);
    return geo ? cdkProfileGeography(geo.value) : undefined;
  }

  /**
   * A cross-region inference profile a CDK stack uses (`CrossRegionInferenceProfile.fromConfig({ geoRegion })`):
   * its geography decides where prompts are processed, reported on `geoRegion`. The region
   * it is invoked from is the stack's, not known here.
   */
  private cdkInferenceProfile(call: Call, provider: Provider, signal: ClientSignal): void {
    const opt = findOption(this.readOptions(call), ['geoRegion', 'geo_region']);
    const geography = opt ? cdkProfileGeography(opt.value) : undefined;
    const profile = geography ? profileOfGeography(provider, geography) : null;
    const at = opt ? { s: opt.value.s, e: opt.value.e } : this.callSpan(call);
    const via = `${shortCallee(call)}: ${profile ? `${profile.location.name}` : 'geoRegion not read'}`;
    const endpoint = makeEndpoint(this.index, this.input.file, at, { provider, host: null, region: null }, via, {
      sdk: signal.id,
      unknown: profile ? CDK_STACK_REGION_UNKNOWN : `the profile's geography (geoRegion) is not a literal this scan can read, and ${CDK_STACK_REGION_UNKNOWN}`,
    });
    if (profile) {
      endpoint.location = profile.location;
      endpoint.euResident = profile.location.euResident;
      if (profile.location.jurisdiction === 'global') endpoint.region = 'global';
      // The EU member of the same enum keeps processing in the EU geography (from a stack in an EU region).
      const eu = profileOfGeography(provider, 'eu');
      const member = /\.([A-Z_]+)$/.exec(this.input.text.slice(at.s, at.e));
      if (profile.location.euResident === false && eu && member) {
        const fix = fixOf('Use the EU cross-region inference profile (CrossRegionInferenceProfileRegion.EU)', [{ start: at.e - member[1]!.length, end: at.e, newText: 'EU' }], eu.location.countries ?? null);
        if (fix) endpoint.euFix = fix;
      }
    }
    this.endpoints.push(endpoint);
  }

  /**
   * `session = boto3.Session(region_name=...)` then `session.client("bedrock-runtime")`: a
   * method called on a variable that holds a call's result is read as if chained on that
   * call (`boto3.Session(...).client(...)`), so the object's own settings count. Only when
   * that names a client the catalog knows, which the variable's name alone may not.
   */
  private onHeldObject(call: Call): Call {
    const parts = call.callee.split('.');
    if (call.receiver || call.isNew || parts.length !== 2) return call;
    const assigned = findAssignment(parts[0]!, call.s, this.ctx);
    if (!assigned || typeof assigned === 'string') return call;
    const held = this.ctx.parser.valueOf(assigned);
    if (held.k !== 'call') return call;
    const callee = `${held.call.callee}.${parts[1]!}`;
    const known = this.index.clientsFor(this.input.lang, this.ctx.parser.qualify(callee)).length > 0 || this.index.clientsFor(this.input.lang, callee).length > 0;
    return known ? { ...call, callee, receiver: held.call } : call;
  }

  private isMadeClient(name: string, at: number): boolean {
    const assigned = findAssignment(name, at, this.ctx);
    if (!assigned || typeof assigned === 'string') return false;
    // Any call result (a factory like createOpenAICompatible) is not the SDK's default
    // instance; `OpenAI = None` after a failed import is.
    return this.ctx.parser.valueOf(assigned).k === 'call';
  }

  /**
   * A client or credentials object built by another recognised call that this call is handed
   * (ChatBedrockConverse(client=bedrock), ModelInference(credentials=creds), in a variable or in
   * place): that call's endpoint is reported there. The client when it is held in a variable
   * and handed by keyword; `in place` when it is built inside this call (by keyword: an options
   * object passed positionally is no client), `other` for one passed positionally.
   */
  private handedClient(call: Call): { client: Call; option: string } | 'in place' | 'other' | undefined {
    for (const arg of call.args) {
      if (arg.name && arg.value.k === 'call' && this.matchClient(arg.value.call)) return 'in place';
      if (arg.value.k !== 'ref') continue;
      const assigned = findAssignment(arg.value.path, arg.value.s, this.ctx);
      if (!assigned || typeof assigned === 'string') continue;
      const value = this.ctx.parser.valueOf(assigned);
      if (value.k === 'call' && this.matchClient(value.call)) return arg.name ? { client: value.call, option: `${arg.name}=${arg.value.path}` } : 'other';
    }
    return undefined;
  }

  /**
   * A model class that picks the model and sends its prompts through a client held in a
   * variable is a use of its own (the client's statement may serve several, and other calls
   * too), where that client's endpoint (reported earlier in this file) applies: the client's
   * host and region, then the model id's inference profile, which may move processing out of
   * that region. A client built in place is part of this call, one use; without a model option,
   * or with a client not reported in this file, the client's own line is the only use.
   */
  private throughHandedClient(call: Call, provider: Provider, signal: ClientSignal, handed: ReturnType<CodeResolver['handedClient']>, before: number): void {
    if (typeof handed !== 'object' || !signal.options.model?.length) return;
    const reached = this.endpoints.slice(0, before).filter((e) => e.call?.start === handed.client.s && e.provider === provider.id);
    if (reached.length !== 1) return;
    const client = reached[0]!;
    const span = this.callSpan(call);
    const use: Endpoint = {
      ...client,
      range: { start: span.s, end: span.e },
      via: `${shortCallee(call)}: ${handed.option}, ${client.via}`,
      sdk: signal.id,
      conditions: [...client.conditions],
      ...(client.env ? { env: [...client.env] } : {}),
    };
    // The client's fix edits the client's own line: offered there, not again here. The call that made it is this one.
    delete use.euFix;
    delete use.call;
    this.endpoints.push(use);
    this.modelProfile(call, signal.options.model, before);
  }

  // ---- SDK clients ------------------------------------------------------------------

  private matchClient(call: Call): { provider: Provider; signal: ClientSignal; undecided?: string; wrapper?: Call } | undefined {
    // A class the project defines itself (`import { OpenAI } from "./OpenAI.js"`) is not the SDK's client.
    const root = call.callee.split('.')[0]!;
    if (this.input.lang === 'js' && isProjectClass(this.ctx.parser.imports.get(root), call.callee.split('.').at(-1)!)) return undefined;
    const qualified = this.ctx.parser.qualify(call.callee);
    const candidates = qualified === call.callee
      ? this.index.clientsFor(this.input.lang, call.callee)
      : [...this.index.clientsFor(this.input.lang, qualified), ...this.index.clientsFor(this.input.lang, call.callee)];
    // A wrapper that decides the backend (AdkApp) is asked first: it overrides the env switches.
    if (candidates.some((c) => c.signal.wrappedBy)) candidates.sort((a, b) => Number(!!b.signal.wrappedBy) - Number(!!a.signal.wrappedBy));
    let fallback: { provider: Provider; signal: ClientSignal } | undefined;
    let required: { provider: Provider; signal: ClientSignal } | undefined;
    /** A backend switch written with a value the engine cannot read (`vertexai=cfg.vertex`). */
    let undecided: UndecidedClient | undefined;
    /** A backend's env switch (requireEnv) that the file sets while it runs, to a value not known here. */
    let switched: UndecidedClient | undefined;
    for (const c of candidates) {
      const { requireArg, requireOption, requireEnv, unless, wrappedBy, replacedBy } = c.signal;
      if (c.signal.moduleClient && !this.isModule(call.callee, c.signal.moduleClient)) continue;
      // A whole import path names the framework unless the project's own package of that name defines the class (its own `agents.Agent`).
      if (c.signal.wholePath && (!c.signal.callees.includes(qualified)
        || importsProjectName(this.input.file, qualified.slice(0, qualified.lastIndexOf('.')), qualified.slice(qualified.lastIndexOf('.') + 1), (name) => this.manifest(name) !== undefined))) continue;
      // The framework was handed the program's own client (reported where that is built).
      if (replacedBy && this.replacesDefault(c.signal.id, replacedBy)) continue;
      const wrapper = wrappedBy && this.wrapperOf(call, wrappedBy);
      if (wrappedBy && !wrapper) continue;
      if (unless) {
        const off = this.switchedOff(call, unless);
        if (off === 'unknown') undecided ??= { ...c, undecided: `the switch ${unless.name}= (or ${unless.env?.join(', ') ?? 'its env variable'}) is not known statically` };
        if (off !== false) continue;
      }
      // Past a matched signal only a backend switch can still win (and only its variables are read).
      if (required && !requireEnv) continue;
      // A backend switch the SDK reads from the environment (CLAUDE_CODE_USE_BEDROCK=1).
      if (requireEnv && !requireEnv.some((name) => this.envIsTrue(name))) {
        switched ??= this.switchedAtRunTime(c, requireEnv);
        continue;
      }
      if (requireArg && !this.hasRequiredArg(call, requireArg)) continue;
      if (requireOption) {
        const option = this.requiredOption(call, c.provider, requireOption);
        if (option.met === 'absent') {
          if (requireEnv) return c;
          required ??= c;
          continue;
        }
        if (!option.met) {
          if (option.switchedBy) undecided ??= this.switchedAtRunTime(c, option.switchedBy);
          else if (option.undecided !== undefined) undecided ??= { ...c, undecided: option.undecided };
          continue;
        }
      }
      // A switched-on backend or a deciding wrapper wins at once; a matched argument or option over a plain callee.
      if (wrapper) return { ...c, wrapper };
      if (requireEnv) return c;
      if (requireArg || requireOption) required ??= c;
      else fallback ??= c;
    }
    // The switch to another backend is set at run time to a value the engine cannot read: neither backend is known.
    return switched ?? required ?? undecided ?? fallback;
  }

  /** A backend's env switch the file itself sets while it runs: which backend is not known. */
  private switchedAtRunTime(c: { provider: Provider; signal: ClientSignal }, names: readonly string[]): UndecidedClient | undefined {
    const set = names.find((name) => this.setAtRunTime(name));
    return set ? { ...c, undecided: `${set} is set by this file at run time` } : undefined;
  }

  /** Whether the call passes the service a client signal requires (boto3.client("bedrock-runtime")), one that processes content. */
  private hasRequiredArg(call: Call, requireArg: NonNullable<ClientSignal['requireArg']>): boolean {
    // The argument may also be passed by keyword (boto3.client(service_name="bedrock-runtime")).
    const positional = call.args.filter((a) => !a.name)[requireArg.index];
    const candidates = positional ? [positional] : call.args.filter((a) => a.name);
    const named = candidates.map((a) => evaluate(a.value, this.ctx).text).find((text) => requireArg.oneOf.includes(text));
    return named !== undefined && this.sendsContent(named, requireArg.controlPlane);
  }

  /**
   * Whether the call meets a client signal's required option: `given` as required, or left out
   * where leaving it out selects the backend (`absent`). Unmet: `undecided` says why the backend
   * cannot be told; `switchedBy` names the env switches the file may set at run time.
   */
  private requiredOption(call: Call, provider: Provider, requireOption: NonNullable<ClientSignal['requireOption']>): { met: 'given' | 'absent' } | { met: false; undecided?: string; switchedBy?: readonly string[] } {
    const opt = findOption(this.readOptions(call), [requireOption.name]);
    if (!opt) {
      // The SDK's switch may be an env variable the workspace sets (GOOGLE_GENAI_USE_VERTEXAI=true);
      // or leaving the option out is itself what selects the backend (strands `Agent()`).
      if (!requireOption.absent && !requireOption.env?.some((name) => this.envIsTrue(name))) return { met: false, switchedBy: requireOption.env ?? [] };
      // Left out here, but perhaps given another way (crewai `config=`, options spread in, the MODEL env variable).
      const carrier = requireOption.carriedBy?.find((name) => findOption(this.readOptions(call), [name]))
        ?? (requireOption.absent && this.callOptions(call).opaque ? `**${this.callOptions(call).opaque}` : undefined);
      const otherModel = carrier ? undefined : this.modelEnvOfOtherProvider(requireOption.modelEnv ?? [], provider);
      if (carrier || otherModel) return { met: false, undecided: carrier ? `${requireOption.name}= may be given through ${carrier.startsWith('**') ? carrier : `${carrier}=`}` : otherModel! };
      return { met: 'absent' };
    }
    const r = evaluate(opt.value, this.ctx);
    // Enum-like values stay symbols: genai.BackendVertexAI.
    const matchesPattern = requireOption.pattern !== undefined && isKnown(r) && this.index.pattern(requireOption.pattern).test(r.text);
    const unread = isUnreadString(r);
    const matchesString = (requireOption.anyString && ((isKnown(r) && opt.value.k !== 'lit') || unread)) || (requireOption.unreadString && unread);
    const truthy = !isKnown(r) && requireOption.oneOf.includes(true) && this.testedTrue(call, opt.value);
    if (requireOption.anyValue || matchesPattern || matchesString || truthy || this.isOneOf(opt, requireOption.oneOf)) return { met: 'given' };
    if (!isKnown(r) && (requireOption.oneOf.includes(true) || (requireOption.unreadUndecided && !this.isBuiltObject(opt.value, requireOption.modelCarriers)))) {
      return { met: false, undecided: `${requireOption.name}= is computed at run time` };
    }
    return { met: false };
  }

  /** Whether the file calls one of `replacedBy` (`set_default_openai_client`), read once per signal. */
  private replacesDefault(id: string, replacedBy: readonly string[]): boolean {
    this.replacedDefault ??= new Map();
    let replaced = this.replacedDefault.get(id);
    if (replaced === undefined) {
      replaced = this.fileCalls.some((f) => replacedBy.some((name) => pathEndsWith(this.ctx.parser.qualify(f.callee), name)));
      this.replacedDefault.set(id, replaced);
    }
    return replaced;
  }

  /** A management API's client counts only when the file calls one of its methods that process content (a batch job). */
  private sendsContent(service: string, controlPlane: NonNullable<NonNullable<ClientSignal['requireArg']>['controlPlane']> | undefined): boolean {
    if (!controlPlane?.values.includes(service)) return true;
    const called = this.methodCallSites();
    if (controlPlane.methods.some((m) => called.has(m))) return true;
    return ![...called.keys()].some((m) => controlPlane.managementPrefixes.some((p) => m.startsWith(p)));
  }

  /**
   * A class of a vendor that is no catalog provider (`ChatNVIDIA(...)`, `GigaChat(...)`), tied to
   * its import path: its base URL option, else its env variable, else the vendor's default host.
   * An explicit URL resolves as any client's does (a NIM on localhost is self-hosted).
   */
  private vendorCall(call: Call): void {
    const qualified = this.ctx.parser.qualify(call.callee);
    const [match] = this.index.vendorClientsFor(this.input.lang, qualified);
    if (!match || this.handedClient(call) || (this.inTest && this.isMocked(call))) return;
    const { api, signal } = match;
    const { options, opaque } = this.callOptions(call);
    if (findOption(options, signal.options.client)) return; // reported where that client is built
    const via = (what: string): string => `${shortCallee(call)}: ${what}`;
    const extras = { sdk: signal.id };
    const callSpan = this.callSpan(call);
    const off = signal.unless ? this.switchedOff(call, signal.unless) : false;
    if (off === true) return; // local inference (Nomic's inference_mode="local")
    if (off === 'unknown') {
      this.endpoints.push(makeEndpoint(this.index, this.input.file, callSpan, { provider: null, host: null, region: null }, via(`${signal.unless!.name}= not known statically`),
        { ...extras, unknown: `${signal.unless!.name}= is computed at run time: the class may call ${api.vendor}'s API or run locally` }));
      return;
    }
    const urlOpt = findOption(options, signal.options.url);
    if (urlOpt) {
      const r = evaluate(urlOpt.value, this.ctx);
      const endpoint = this.fromUrl(r, null, signal, via(`${urlOpt.name} ${describe(r)}`), extras);
      if (endpoint) {
        this.consume(r);
        this.endpoints.push(endpoint);
        return;
      }
    }
    if (opaque && signal.options.url?.length) {
      this.endpoints.push(makeEndpoint(this.index, this.input.file, callSpan, { provider: null, host: null, region: null }, via(`options from ${opaque}`),
        { ...extras, unknown: `the class's options come from \`${opaque}\`, which is not a literal in this file, and may set its base URL` }));
      return;
    }
    const urlEnv = this.implicitEnv(signal.env?.url);
    const fromEnv = this.urlFromEnv(urlEnv, null, signal, callSpan, (read) => via(`no endpoint set, so the library reads ${read}`), extras);
    if (fromEnv) {
      this.endpoints.push(fromEnv);
      return;
    }
    const conditions = urlEnv.condition ? { conditions: [urlEnv.condition] } : {};
    const host = signal.defaults.host;
    const defaultUrl = host ? parseUrl(`https://${host}`) : null;
    if (defaultUrl) {
      this.endpoints.push(makeEndpoint(this.index, this.input.file, callSpan, uncataloguedHostTarget(this.index, defaultUrl),
        via(`no endpoint set${urlEnv.text}, so the library default ${host}`), { ...extras, ...conditions }));
      return;
    }
    // No page of the vendor's names the host: still its API, reported with what is not known.
    const endpoint = makeEndpoint(this.index, this.input.file, callSpan, { provider: null, host: null, region: null },
      via(`no endpoint set${urlEnv.text}: ${api.vendor} (not a catalog provider)`),
      { ...extras, ...conditions, unknown: `an uncatalogued LLM API of ${api.vendor}: which host it calls and where it processes data are not known; declare it in the policy` });
    endpoint.vendor = api.vendor;
    this.endpoints.push(endpoint);
  }

  /**
   * The call that this call's result is handed to as the wrapper's option, in place
   * (`AdkApp(agent=Agent(...))`) or through a variable assigned once (`root = Agent(...)`
   * then `AdkApp(agent=root)`), in the same file; or, through `parents`, the wrapper of an
   * agent that lists it among its sub-agents (`Agent(sub_agents=[helper])`).
   */
  private wrapperOf(call: Call, wrappedBy: NonNullable<ClientSignal['wrappedBy']>, depth = 0): Call | undefined {
    const { parser } = this.ctx;
    const named = (c: Call, callees: string[]): boolean => callees.some((name) => pathEndsWith(parser.qualify(c.callee), name));
    const holds = (holder: Call, v: Value): boolean => {
      if (v.k === 'call') return v.call.s === call.s;
      if (v.k !== 'ref' || holder.s < call.s) return false;
      const assigned = findAssignment(v.path, v.s, this.ctx);
      if (!assigned || typeof assigned === 'string') return false;
      const held = parser.valueOf(assigned);
      return held.k === 'call' && held.call.s === call.s;
    };
    for (const c of this.fileCalls) {
      if (c === call) continue;
      if (named(c, wrappedBy.callees)) {
        const arg = c.args.find((a) => a.name === wrappedBy.option);
        if (arg && holds(c, arg.value)) return c;
      } else if (wrappedBy.parents && depth < 4 && named(c, wrappedBy.parents.callees)) {
        const list = c.args.find((a) => a.name === wrappedBy.parents!.option)?.value;
        if (list?.k !== 'arr' || !list.items.some((item) => holds(c, item))) continue;
        const wrapper = this.wrapperOf(c, wrappedBy, depth + 1);
        if (wrapper) return wrapper;
      }
    }
    return undefined;
  }

  /**
   * Whether the call sits in the body of an `if` whose condition is a plain `and` chain with
   * this very expression as an operand (`if ... and client.vertexai and ...:` around
   * `genai.Client(vertexai=client.vertexai)`): where the call runs, the value is truthy.
   */
  private testedTrue(call: Call, value: Value): boolean {
    const { parser } = this.ctx;
    const text = parser.text.slice(value.s, value.e).replace(/\s+/g, ' ').trim();
    return parser.andConditionsAround(call.s).some((operands) => operands.includes(text));
  }

  /** Whether an option is written as one of these values (a literal, a constant, an enum symbol). */
  private isOneOf(opt: Option, oneOf: (string | boolean)[]): boolean {
    const r = evaluate(opt.value, this.ctx);
    const value = opt.value.k === 'lit' ? opt.value.v : r.text;
    return oneOf.some((v) => v === value || String(v) === r.text || (r.symbol !== undefined && v === r.symbol));
  }

  /**
   * Whether the call switches the signal's backend off: the option written as one of the
   * values, or left out with its env switch false; 'unknown' when the option's value cannot
   * be read or the file sets the env switch while it runs.
   */
  private switchedOff(call: Call, unless: NonNullable<ClientSignal['unless']>): boolean | 'unknown' {
    const opt = findOption(this.readOptions(call), [unless.name]);
    if (opt) {
      if (this.isOneOf(opt, unless.oneOf)) return true;
      const r = evaluate(opt.value, this.ctx);
      if (isKnown(r) && /^(?:0|false|no|off)$/i.test(r.text.trim())) return true;
      return isKnown(r) || opt.value.k === 'lit' ? false : 'unknown';
    }
    if (unless.env?.some((name) => this.setAtRunTime(name))) return 'unknown';
    return unless.env?.some((name) => this.envIsFalse(name)) ?? false;
  }

  /**
   * Whether the file itself sets an env variable to a value the engine cannot read, or only
   * in code that may not run (`os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = str(flag)` in a setup function).
   */
  private setAtRunTime(name: string): boolean {
    const { parser } = this.ctx;
    return ENV_TARGETS.some((prefix) => (this.ctx.assignments.get(prefix + name) ?? [])
      .some((a) => a.compound || parser.valueOf(a).k !== 'str' || !parser.atTopLevel(a)));
  }

  /** Whether the workspace sets an env variable to a value that is not empty or false (`0`, `false`, `no`, `off`), in one of its environments. */
  private envIsSet(name: string): boolean {
    const v = this.ctx.env(name);
    return (v.state === 'set' && !/^(?:|0|false|no|off)$/i.test(v.value.trim())) || v.state === 'conflict';
  }

  /**
   * Why the backend is unknown when the SDK reads its model from env variables (crewai's MODEL,
   * first set wins) and the one set where the code runs names a model another provider serves.
   */
  private modelEnvOfOtherProvider(names: string[], provider: Provider): string | undefined {
    for (const name of names) {
      const v = this.ctx.env(name);
      if (v.state === 'unset' || v.state === 'unseen') continue;
      const values = v.state === 'set' ? [v.value] : v.values.map((x) => x.value);
      const other = values.find((value) => this.index.litellmPrefix(value.trim())?.provider !== provider.id);
      return other === undefined ? undefined : `the model is ${name} (${other}) where it runs, which may be another provider's`;
    }
    return undefined;
  }

  /** Whether the workspace sets an env variable to a true value (`1`, `true`, `yes`, `on`). */
  private envIsTrue(name: string): boolean {
    const v = this.ctx.env(name);
    return v.state === 'set' && /^(?:1|true|yes|on)$/i.test(v.value.trim());
  }

  /** Whether the workspace sets an env variable to a false value (`0`, `false`, `no`, `off`). */
  private envIsFalse(name: string): boolean {
    const v = this.ctx.env(name);
    return v.state === 'set' && /^(?:0|false|no|off)$/i.test(v.value.trim());
  }

  /** Whether the callee starts with an imported module (`openai.chat...` after `import openai`), not a variable of that name. */
  private isModule(callee: string, module: string): boolean {
    // `from ollama import chat`: a bare name imported from the module is its default client's function.
    if (!callee.includes('.')) return this.ctx.parser.qualify(callee) === `${module}.${callee}`;
    const root = callee.slice(0, callee.indexOf('.'));
    return this.ctx.parser.imports.get(root) === module;
  }

  /**
   * `router`: the call goes through a router that builds this SDK client itself; a router's
   * method takes none of the client's options, a router's factory forwards its own to it.
   * `wrapper`: the call this client is handed to (AdkApp), which reads the process-wide init where it is made.
   * `given`: the options a configured library passes to the client it builds (mem0's part
   * config), where its endpoint is reported, and whose defaults apply.
   */
  private client(call: Call, provider: Provider, signal: ClientSignal, router?: { id: string; forwards: boolean }, wrapper?: Call, given?: { options: Option[]; opaque?: string; at: Span; defaultsOf?: string }): void {
    const takesOptions = !router || router.forwards;
    // A factory's positional arguments are its own (the model string), not the client's.
    const read = given ? { options: [...given.options], opaque: given.opaque } : takesOptions ? this.callOptions(call, router ? FACTORY_OPTIONS_ARG : 0) : { options: [], opaque: undefined };
    const options = router && !given ? read.options.filter((o) => !o.name.startsWith('$')) : read.options;
    const callOpaque = read.opaque;
    const moduleSet = signal.moduleClient && call.callee.includes('.') ? this.moduleAttributes(call.callee.slice(0, call.callee.indexOf('.')), signal) : undefined;
    if (moduleSet) options.push(...moduleSet.options);
    let initNote = '';
    const via = (what: string): string => `${shortCallee(call)}: ${router ? `${router.id} builds ${signal.id}, ` : ''}${wrapper ? `run by ${shortCallee(wrapper)}, ` : ''}${what}${initNote}`;
    const site: ClientSite = { call, provider, signal, via, extras: { sdk: signal.id }, takesOptions };
    const init = this.initOptions(site, options, wrapper);
    if (init === 'reported') return;
    initNote = init.note;
    const { configured } = init;
    // Options the engine cannot read only matter to an SDK that takes an endpoint option at all.
    const { url, region, resource } = signal.options;
    const opaque = url?.length || region?.length || resource?.length ? callOpaque ?? moduleSet?.opaque ?? configured?.opaque : undefined;
    // The service a generic client factory is asked for (boto3.client("bedrock")) picks its host.
    const serviceArg = signal.requireArg ? call.args.filter((a) => !a.name)[signal.requireArg.index] ?? call.args.find((a) => a.name === 'service_name') : undefined;
    const service = serviceArg ? evaluate(serviceArg.value, this.ctx).text : undefined;
    if (this.fromEndpointOptions(site, options, configured, service)) return;

    const callSpan = given?.at ?? this.callSpan(call);
    const defaultOf = given?.defaultsOf ? `${given.defaultsOf}'s default` : 'the SDK default';
    if (opaque) {
      // The endpoint may be set in options the engine cannot read: never assume the default.
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, { provider, host: null, region: null, verdictsUnknown: true }, via(`options from ${opaque}`), {
          ...site.extras,
          unknown: `the client's options come from \`${opaque}\`, which is not a literal in this file`,
        }),
      );
      return;
    }
    // Nothing set in the call: the SDK reads its env variables, then uses its default.
    if (this.hostFromEnvOrDefault(site, callSpan, defaultOf)) return;
    this.regionFromEnvOrDefault(site, callSpan, defaultOf, service);
  }

  /**
   * Options set process-wide by an init call (`vertexai.init`), added to `options` and reported
   * at this client, which uses them. 'reported': the init may not have run when the client is
   * made, so its endpoint is reported unknown.
   */
  private initOptions({ call, provider, signal, via, extras }: ClientSite, options: Option[], wrapper: Call | undefined): { configured?: { at: Span; opaque?: string }; note: string } | 'reported' {
    // A client given its own location or URL does not take the init's.
    const setsOwn = !!(findOption(options, signal.options.region) ?? findOption(options, signal.options.url));
    if (!signal.configuredBy || setsOwn) return { note: '' };
    const init = this.configuringOptions(signal, wrapper ?? call);
    if (init && init !== 'not-first') {
      options.push(...init.options);
      return { configured: { at: this.callSpan(call), ...(init.opaque ? { opaque: init.opaque } : {}) }, note: '' };
    }
    if (init || !this.initCalledNowhere(signal.configuredBy)) {
      const names = signal.configuredBy.map((c) => `${c}()`).join(' or ');
      const unknown = init
        ? `the location is set by ${names}, which this file calls only inside a function or class or after this client, so it may not have run when the client is made (or the SDK's default applies)`
        : `the location is set by ${names} elsewhere in the program (or the SDK's default applies); this file does not call it`;
      this.endpoints.push(makeEndpoint(this.index, this.input.file, this.callSpan(call), { provider, host: null, region: null },
        via(`options from ${names}, ${init ? 'not called at the top of this file before it' : 'not called in this file'}`), { ...extras, unknown }));
      return 'reported';
    }
    // Otherwise no module of the workspace calls the init: the SDK's env variables and default apply.
    return { note: ` (no module of the workspace calls ${signal.configuredBy.map((c) => `${c}()`).join(' or ')})` };
  }

  /** The endpoint a client's URL, resource or region option sets; false when it has none that does. */
  private fromEndpointOptions(site: ClientSite, options: Option[], configured: { at: Span; opaque?: string } | undefined, service: string | undefined): boolean {
    const { call, provider, signal, via, extras } = site;
    const urlOpt = findOption(options, signal.options.url);
    if (urlOpt && this.fromUrlOption(site, urlOpt, options, configured)) return true;

    const resourceOpt = findOption(options, signal.options.resource);
    if (resourceOpt && !urlOpt) {
      const r = this.resolve(resourceOpt.value);
      this.endpoints.push(this.resourceEndpoint(r, r.span, provider, via(`${resourceOpt.name} ${describe(r)}`), extras));
      return true;
    }

    const regionOpt = findOption(options, signal.options.region);
    if (regionOpt) {
      this.noteSpringValue(regionOpt.value, 'region', provider);
      const setAway = configured?.at ?? this.regionSetAway(regionOpt, call);
      const endpoint = this.regionOption(regionOpt, provider, via, extras, service, setAway);
      this.endpoints.push(endpoint);
      if (!setAway) this.noteArgument(endpoint, regionOpt.value, call);
      return true;
    }
    return false;
  }

  /** The endpoint a client's URL option sets; false when the option holds no URL. */
  private fromUrlOption({ call, provider, signal, via, extras }: ClientSite, urlOpt: Option, options: Option[], configured: { at: Span } | undefined): boolean {
    this.noteSpringValue(urlOpt.value, 'url', provider);
    const value = this.libraryConstant(evaluate(urlOpt.value, this.ctx), signal);
    const r = configured ? { ...value, span: configured.at } : value;
    // A positional argument is only the URL when it holds one ($0 may be an API key), or is read
    // from a variable named for one (`new Uri(Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT"))`).
    const positional = urlOpt.name.startsWith('$');
    const holdsUrl = !!parseUrl(r.text) || (!isKnown(r) && !!r.env && !r.env.defaulted && URL_NAME.test(r.env.name));
    const marked = this.markedProvider(options, signal, r);
    const how = via(`${urlOpt.name} ${describe(r)}${marked ? `, with ${marked.mark}, which only ${marked.provider.name} requests carry` : ''}`);
    // A host computed at run time is decided by no text outside the call (the value only
    // derives it): the use is the client's construction, as for an env read (LABELLING).
    const parsed = parseUrl(r.text.trim());
    const computedHost = !configured && !isKnown(r) && (!parsed || parsed.host.includes(HOLE)) && (r.span.e <= call.s || r.span.s >= call.e);
    const endpoint = positional && !holdsUrl ? null : this.fromUrl(computedHost ? { ...r, span: this.callSpan(call) } : r, provider, signal, how, extras, marked?.provider);
    if (!endpoint) return false;
    this.consume(r);
    this.endpoints.push(endpoint);
    if (!configured) this.noteArgument(endpoint, urlOpt.value, call);
    return true;
  }

  /** A client that sets no endpoint: the host its SDK reads from env variables or defaults to; false when only a region decides it. */
  private hostFromEnvOrDefault({ call, provider, signal, via, extras, takesOptions }: ClientSite, callSpan: Span, defaultOf: string): boolean {
    const urlEnv = this.implicitEnv(signal.env?.url);
    const fromEnv = this.urlFromEnv(urlEnv, provider, signal, callSpan, (read) => via(`no endpoint set, so the SDK reads ${read}`), extras);
    if (fromEnv) {
      this.endpoints.push(fromEnv);
      return true;
    }
    const resourceEnv = this.implicitEnv(signal.env?.resource);
    if (resourceEnv.kind === 'set' || resourceEnv.kind === 'conflict') {
      const r = this.resolve({ k: 'ref', path: `process.env.${resourceEnv.name}`, s: callSpan.s, e: callSpan.e });
      this.endpoints.push(this.resourceEndpoint(r, callSpan, provider, via(`no resource set, so the SDK reads ${describe(r).replace(/^from /, '')}`), extras));
      return true;
    }
    if (signal.defaults.host) {
      const host = signal.defaults.host;
      const target = defaultHostTarget(this.index, provider, host);
      const fix = takesOptions ? this.insertUrlFix(call, provider, signal, host) : undefined;
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, target, via(`no endpoint set${urlEnv.text}, so ${defaultOf} ${host}`), {
          ...extras,
          ...(urlEnv.condition ? { conditions: [urlEnv.condition] } : {}),
          ...(fix ? { euFix: fix } : {}),
        }),
      );
      return true;
    }
    if (signal.env?.url?.length && !signal.env.region && !signal.defaults.region) {
      // The SDK takes its base URL from an env variable with no value here: as unknown as when the
      // code reads that variable itself (azure_endpoint=os.environ[...]), so judged the same way.
      const owner = signal.env.url.map((name) => this.index.ownerOfUrlVariable(name)).find((p) => p !== undefined);
      const target = owner ? { provider: owner, host: null, region: null } : { provider, host: null, region: null, verdictsUnknown: true };
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, target, via('no endpoint set'), {
          ...extras,
          unknown: `no endpoint is set in the code${urlEnv.text}; the SDK reads ${signal.env.url.join(' or ')} where it runs, so where it sends requests is not known`,
          ...(urlEnv.condition ? { conditions: [urlEnv.condition] } : {}),
        }),
      );
      return true;
    }
    if (signal.env?.resource && !signal.env.region) {
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, { provider, host: null, region: null }, via('no resource set'), {
          ...extras,
          unknown: `no resource name is set in the code${resourceEnv.text}; the SDK reads ${signal.env.resource.join(' or ')} where it runs`,
        }),
      );
      return true;
    }
    return false;
  }

  /** A client that sets no endpoint and whose SDK has no default host: the region it reads from env variables or defaults to. */
  private regionFromEnvOrDefault({ call, provider, signal, via, extras, takesOptions }: ClientSite, callSpan: Span, defaultOf: string, service: string | undefined): void {
    // A resource a CDK stack declares is in the stack's region, which the app sets (cdk.ts).
    const regionEnv = this.implicitEnv(CDK_BEDROCK_SIGNALS.has(signal.id) ? [CDK_STACK_REGION] : signal.env?.region);
    const fix = takesOptions ? this.insertRegionFix(call, provider, signal) : undefined;
    if (regionEnv.kind === 'set' || regionEnv.kind === 'conflict') {
      const r = this.resolve({ k: 'ref', path: `process.env.${regionEnv.name}`, s: callSpan.s, e: callSpan.e });
      const region = this.regionOf(r, provider);
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, this.regionTarget(provider, region, service), via(`${CDK_BEDROCK_SIGNALS.has(signal.id) ? 'in its stack\'s region' : 'no region set, so the SDK reads'} ${describe(r).replace(/^from /, '')}`), {
          ...extras,
          ...(region ? {} : { unknown: regionUnknownWhy(r) }),
        }),
      );
      return;
    }
    const defaultRegion = signal.defaults.region;
    if (defaultRegion) {
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, callSpan, this.regionTarget(provider, defaultRegion, service),
          via(`no region set${regionEnv.text}, so ${defaultOf} ${defaultRegion}`),
          { ...extras, ...(regionEnv.condition ? { conditions: [regionEnv.condition] } : {}), ...(fix ? { euFix: fix } : {}) }),
      );
      return;
    }
    this.endpoints.push(
      makeEndpoint(this.index, this.input.file, callSpan, { provider, host: null, region: null }, via('no region set'), {
        ...extras,
        unknown: CDK_BEDROCK_SIGNALS.has(signal.id) ? CDK_STACK_REGION_UNKNOWN : `no region is set in the code${regionEnv.text}; the SDK takes it from its runtime configuration`,
        ...(fix ? { euFix: fix } : {}),
      }),
    );
  }

  /** The endpoint of the URL an SDK reads from its env variable when no option sets one; null when the workspace does not set it. */
  private urlFromEnv(urlEnv: ReturnType<CodeResolver['implicitEnv']>, provider: Provider | null, signal: ClientSignal, at: Span, via: (read: string) => string, extras: { sdk?: string }): Endpoint | null {
    if (urlEnv.kind !== 'set' && urlEnv.kind !== 'conflict') return null;
    const r = this.resolve({ k: 'ref', path: `process.env.${urlEnv.name}`, s: at.s, e: at.e });
    return this.fromUrl(r, provider, signal, via(describe(r).replace(/^from /, '')), extras);
  }

  /**
   * The environment variables an SDK reads when an option is absent: the first one the
   * workspace sets, or a phrase saying that none is set (or that the env files were not read).
   */
  private implicitEnv(names: string[] | undefined):
    | { kind: 'set' | 'conflict'; name: string; text: string; condition?: undefined }
    | { kind: 'none'; text: string; condition?: string } {
    if (!names?.length) return { kind: 'none', text: '' };
    let unseen = false;
    const elsewhere: EnvWhere[] = [];
    for (const name of names) {
      const v = this.ctx.env(name);
      if (v.state === 'set' || v.state === 'conflict') return { kind: v.state, name, text: '' };
      if (v.state === 'unseen') unseen = true;
      if (v.state === 'unset') elsewhere.push(...(v.elsewhere ?? []));
    }
    const list = names.join(' / ');
    if (unseen) return { kind: 'none', text: '', condition: `Unless ${list} is set where it runs.` };
    return { kind: 'none', text: elsewhere.length ? ` and no env file for this folder sets ${list}${setElsewhere(elsewhere)}` : ` and no env file in the workspace sets ${list}` };
  }

  /**
   * The provider whose own request marks (Azure OpenAI's api-version query parameter, api-key
   * header, /openai/deployments/ path) an OpenAI-compatible client's settings carry.
   */
  private markedProvider(options: Option[], signal: ClientSignal, url: Resolved): { provider: Provider; mark: string } | undefined {
    const keysOf = (names: string[] | undefined): string[] => {
      const v = this.literalValue(findOption(options, names)?.value);
      return v?.k === 'obj' ? v.entries.map((e) => e.key.toLowerCase()) : [];
    };
    const query = keysOf(signal.options.query);
    const headers = keysOf(signal.options.headers);
    const path = url.text.toLowerCase();
    for (const provider of this.index.catalog.providers) {
      const marks = provider.requestMarks;
      if (!marks) continue;
      const inPath = marks.paths.find((p) => path.includes(p));
      if (inPath) return { provider, mark: `the path ${inPath}` };
      const inQuery = marks.queryKeys.find((k) => query.includes(k));
      if (inQuery) return { provider, mark: `the ${inQuery} query parameter` };
      const inHeaders = marks.headerKeys.find((k) => headers.includes(k));
      if (inHeaders) return { provider, mark: `the ${inHeaders} header` };
    }
    return undefined;
  }

  /**
   * The provider of a base URL whose host is unknown, when the env variable it is read from
   * is one that only that provider's SDK reads (AZURE_OPENAI_ENDPOINT). Request marks such as
   * Azure's /openai/deployments/ path are `markedProvider`'s.
   */
  private ownerOfUnknownHost(r: Resolved): Provider | undefined {
    return r.env && !r.env.defaulted ? this.index.ownerOfUrlVariable(r.env.name) : undefined;
  }

  /**
   * An endpoint from a URL value; null when the value holds no host at all. `marked`: the
   * provider the client's own settings point to, which decides when the host is unknown.
   */
  private fromUrl(r: Resolved, sdkProvider: Provider | null, signal: ClientSignal | undefined, via: string, extras: { sdk?: string; model?: string }, marked?: Provider): Endpoint | null {
    const url = parseUrl(r.text.trim());
    const refused = !url && isKnown(r) && hasUrlScheme(r.text.trim());
    if (!url && isKnown(r) && !refused) return null; // a known value that is not a URL: not an endpoint setting
    const hostUnknownWhy = `the host ${r.why ?? (url?.placeholder ? PLACEHOLDER_WHY : 'is computed at run time')}`;
    if (marked && (!url || url.host.includes(HOLE))) {
      // Its own marks say which provider it is, not the SDK: its facts apply; the region stays unknown.
      return makeEndpoint(this.index, this.input.file, r.span, { provider: marked, host: null, region: null }, via, { ...extras, unknown: hostUnknownWhy });
    }
    if (!url || url.host === HOLE || url.host.startsWith(HOLE) && !url.host.includes('.')) {
      // The host is unknown, but a variable only one provider's SDK reads still says whose API it is.
      const owner = this.ownerOfUnknownHost(r);
      if (owner) return makeEndpoint(this.index, this.input.file, r.span, { provider: owner, host: null, region: null }, via, { ...extras, unknown: hostUnknownWhy });
      // The whole base URL is unknown (or not one the URL parser accepts). A cloud SDK with a
      // public default host sent elsewhere may reach any server that speaks its protocol
      // (OpenAI-compatible ones above all), so its provider is not known. One without a default
      // (Azure's) keeps its provider, not its verdicts; a local server's SDK (Ollama) reaches a
      // server of that runtime, self-hosted wherever it runs.
      // A vendor's class that is no catalog provider's (sdkProvider null) may reach any server alike.
      const elsewhere = !sdkProvider || (signal?.defaults.host !== undefined && sdkProvider.kind !== 'self-hosted');
      const target = elsewhere || !sdkProvider ? { provider: null, host: null, region: null } : { provider: sdkProvider, host: null, region: null, verdictsUnknown: true };
      return makeEndpoint(this.index, this.input.file, r.span, target, via, {
        ...extras,
        unknown: refused ? 'the URL parser refuses the base URL, so where the SDK sends requests is not known' : `the base URL ${r.why ?? (url?.placeholder ? PLACEHOLDER_WHY : 'is computed at run time')}`,
      });
    }
    const lookalike = this.index.hosts.spoof(url);
    if (lookalike) return makeEndpoint(this.index, this.input.file, r.span, lookalikeTarget(url.host, lookalike), via, extras);
    const match = this.index.matchHost(url.host);
    if (!match) {
      const hostKnown = !url.host.includes(HOLE);
      const target = uncataloguedHostTarget(this.index, url);
      return makeEndpoint(this.index, this.input.file, r.span, target, via, {
        ...extras,
        unknown: hostKnown
          ? uncataloguedHostWhy(target, url.host)
          : `the host ${r.why ?? (url.placeholder ? PLACEHOLDER_WHY : 'is computed at run time')}`,
      });
    }
    const fix = this.hostFix(r, url, match.provider, match.region);
    const target = hostTarget(match, url.host);
    return makeEndpoint(this.index, this.input.file, r.span, target, via, {
      ...extras,
      conditions: conditionsOf(r),
      ...(url.placeholder ? { unknown: `the host ${PLACEHOLDER_WHY}` } : {}),
      ...(match.regionUnknown ? { unknown: `the region in the host ${r.why ?? 'is computed at run time'}` } : {}),
      ...(fix ? { euFix: fix } : {}),
    });
  }

  // ---- LiteLLM ----------------------------------------------------------------------

  private liteLlm(call: Call): void {
    const { litellm } = this.index.catalog;
    const { options, opaque } = this.callOptions(call);
    const label = shortCallee(call).replace(/\(\)$/, '');
    const modelOpt = this.liteLlmModelOption(call, options);
    if (!modelOpt && opaque && !findOption(options, ['model_list'])) {
      // ChatLiteLLM(**kwargs): the model string, and so the provider, comes from options the engine cannot read.
      this.endpoints.push(makeEndpoint(this.index, this.input.file, this.callSpan(call), { provider: null, host: null, region: null }, `${label}(): model from ${opaque}`,
        { sdk: 'litellm', unknown: `the model string comes from \`${opaque}\`, which is not a literal in this file, so which provider it calls is not known` }));
      return;
    }
    const main = modelOpt ? this.liteLlmModel(modelOpt, options, label) : [];
    // Router(model_list=[{model_name, litellm_params}], fallbacks=[{"a": ["b"]}]).
    const groups = new Map<string, Endpoint[]>();
    const list = this.literalValue(findOption(options, ['model_list'])?.value);
    for (const item of list?.k === 'arr' ? list.items : []) {
      const entry = this.literalValue(item);
      if (entry?.k !== 'obj') continue;
      const name = entry.entries.find((e) => e.key === 'model_name');
      const params = this.literalValue(entry.entries.find((e) => e.key === 'litellm_params')?.value);
      if (params?.k !== 'obj') continue;
      const paramOptions = params.entries.map((e) => ({ name: e.key, value: e.value }));
      const model = findOption(paramOptions, litellm.modelOptions);
      if (!model) continue;
      const added = this.liteLlmModel(model, paramOptions, 'model_list');
      const key = name ? evaluate(name.value, this.ctx) : undefined;
      if (key && isKnown(key)) groups.set(key.text, [...(groups.get(key.text) ?? []), ...added]);
    }
    // completion(model=..., fallbacks=["openai/gpt-4o"]): each fallback is a model string of its own.
    const fallbacks = this.literalValue(findOption(options, ['fallbacks'])?.value);
    for (const item of fallbacks?.k === 'arr' ? fallbacks.items : []) {
      const target = this.literalValue(item);
      if (target?.k === 'obj') {
        for (const e of target.entries) {
          const from = groups.get(e.key) ?? [];
          const names = this.literalValue(e.value);
          const to = (names?.k === 'arr' ? names.items : []).flatMap((n) => groups.get(evaluate(n, this.ctx).text) ?? []);
          for (const f of from) linkFallbacks(f, to, 'Router fallbacks');
        }
      } else if (target) {
        const added = this.liteLlmModel({ name: 'fallbacks', value: target }, [], `${label} fallback`);
        for (const m of main) linkFallbacks(m, added, `${label}(fallbacks=[...])`);
      }
    }
  }

  /** The model string of a LiteLLM call: a model option, else its first positional argument. */
  private liteLlmModelOption(call: Call, options: Option[]): Option | undefined {
    return findOption(options, this.index.catalog.litellm.modelOptions) ?? (call.args[0] && !call.args[0].name ? { name: 'model', value: call.args[0].value } : undefined);
  }

  /** A value written as a literal in this file: the literal itself, or the one assignment of a name. */
  private literalValue(value: Value | undefined): Value | undefined {
    if (value?.k !== 'ref') return value;
    const assigned = findAssignment(value.path, value.s, this.ctx);
    return assigned && typeof assigned !== 'string' ? this.ctx.parser.valueOf(assigned) : undefined;
  }

  /** The endpoint a LiteLLM model string reaches, with the call's url and region options. Returns what it added. */
  private liteLlmModel(modelOpt: Option, options: Option[], label: string): Endpoint[] {
    const before = this.endpoints.length;
    this.liteLlmTarget(modelOpt, options, label);
    return this.endpoints.slice(before);
  }

  private liteLlmTarget(modelOpt: Option, options: Option[], label: string): void {
    const { litellm } = this.index.catalog;
    const model = this.resolve(modelOpt.value);
    if (!isKnown(model)) return;
    const prefix = this.index.litellmPrefix(model.text);
    if (!prefix) return;
    const provider = this.index.providers.get(prefix.provider);
    if (!provider) return;
    const modelName = model.text.slice(prefix.prefix.length);
    const extras = { sdk: 'litellm', model: modelName };
    const via = (what: string): string => `${label}(model="${model.text}"): ${what}`;

    const urlOpt = findOption(options, litellm.urlOptions);
    if (urlOpt) {
      const r = this.resolve(urlOpt.value);
      const endpoint = this.fromUrl(r, provider, undefined, via(`${urlOpt.name} ${describe(r)}`), extras);
      if (endpoint) {
        this.endpoints.push(endpoint);
        return;
      }
    }
    const regionOpt = findOption(options, litellm.regionOptions);
    if (regionOpt) {
      this.endpoints.push(this.regionOption(regionOpt, provider, via, extras));
      return;
    }
    this.consume(model);
    if (prefix.defaultRegion !== undefined) {
      const regionEnv = this.implicitEnv(prefix.regionEnv);
      if (regionEnv.kind === 'set' || regionEnv.kind === 'conflict') {
        const r = this.resolve({ k: 'ref', path: `process.env.${regionEnv.name}`, s: model.span.s, e: model.span.e });
        const region = this.regionOf(r, provider);
        this.endpoints.push(
          makeEndpoint(this.index, this.input.file, model.span, this.regionTarget(provider, region), via(`no region set, so LiteLLM reads ${describe(r).replace(/^from /, '')}`),
            { ...extras, ...(region ? {} : { unknown: regionUnknownWhy(r) }) }),
        );
        return;
      }
      const region = prefix.defaultRegion;
      this.endpoints.push(
        makeEndpoint(this.index, this.input.file, model.span, this.regionTarget(provider, region),
          via(region ? `no region set${regionEnv.text}, so LiteLLM's default ${region}` : 'no region set'),
          {
            ...extras,
            ...(region ? {} : { unknown: 'LiteLLM documents no default region here' }),
            ...(region && regionEnv.condition ? { conditions: [regionEnv.condition] } : {}),
          }),
      );
      return;
    }
    const host = this.index.defaultHost(provider);
    this.endpoints.push(
      makeEndpoint(this.index, this.input.file, model.span, defaultHostTarget(this.index, provider, host),
        via(host ? `LiteLLM sends it to ${host}` : 'provider from the model prefix'), extras),
    );
  }

  // ---- string literals --------------------------------------------------------------

  literal(tok: Token): void {
    if (this.consumed.has(tok.s) || (tok.cs !== undefined && this.consumed.has(tok.cs))) return;
    // Not a use: an expectation or mock in a test, a URL compared or searched for, an example shown to a person.
    if (this.inTest || this.isChecked(tok) || isExampleName(this.keyOf(tok))) return;
    let r: Resolved;
    const fromEnv = this.envUrlWithPath(tok);
    if (fromEnv) r = fromEnv;
    else if (tok.t === 'str') {
      // A URL or host has a dot or a colon; most strings (messages, keys) have neither or are too long.
      if (tok.v.length < 6 || tok.v.length > 2048 || (!tok.v.includes('.') && !tok.v.includes(':'))) return;
      r = {
        text: tok.v,
        pieces: [{ text: tok.v, s: tok.cs ?? tok.s, e: tok.ce ?? tok.e, verbatim: this.input.text.slice(tok.cs, tok.ce) === tok.v }],
        span: { s: tok.s, e: tok.e },
      };
    } else {
      const first = tok.parts?.[0];
      if (!first || !('lit' in first) || !/^(?:https?|wss?):\/\//i.test(first.lit)) return;
      r = evaluate(CodeParser.parseHole(this.ctx.parser, [tok]), this.ctx);
    }
    if (this.declaresLibraryConstant(tok)) return;
    const key = this.keyOf(tok);
    // A Python setting that names its model as "provider:model" (`"FAST_LLM": "openai:gpt-4o"`) chooses that provider.
    // Whether this is a "provider:model" setting at all first; the token scans after.
    const setWhereItRuns = (names: string[]): string | undefined => {
      const env = this.implicitEnv(names);
      return env.kind === 'none' ? undefined : `${env.name} is set where it runs, which sends this client to a host not read here`;
    };
    const candidate = this.input.lang === 'python' && tok.t === 'str'
      ? modelSettingEndpoint(this.index, this.input.file, key, tok.v, { s: tok.s, e: tok.e }, setWhereItRuns)
      : undefined;
    const setting = candidate && !this.isKeywordArgument(tok) && !this.usedByName(tok) ? candidate : undefined;
    if (setting) {
      this.endpoints.push(setting);
      return;
    }
    this.urlInValue(tok, r, key, {
      found: fromEnv?.env?.where ? `URL of an LLM API: ${fromEnv.env.name} (${formatWhere(fromEnv.env.where)}) with a path written here, ${fromEnv.text}` : key ? `URL of an LLM API in ${key}` : 'URL of an LLM API in a string',
      lookalike: key ? `URL in ${key}` : 'URL in a string',
    });
  }

  /** Whether a string is a keyword argument of a call (`create(model="...")`): the call's own reading decides, not a setting's. */
  private isKeywordArgument(tok: Token): boolean {
    const { tokens } = this.ctx.parser;
    const i = firstFrom(tokens, tok.s, (t) => t.s);
    return tokens[i - 1]?.v === '=' && tokens[i - 2]?.t === 'id' && (tokens[i - 3]?.v === '(' || tokens[i - 3]?.v === ',');
  }

  /**
   * Whether a string assigned to a name (`MODEL = "openai:gpt-4o"`) is used by name elsewhere in
   * the file: the code that uses it (`Agent(MODEL)`) is read there, and the setting is not reported again.
   */
  private usedByName(tok: Token): boolean {
    const { tokens } = this.ctx.parser;
    const i = firstFrom(tokens, tok.s, (t) => t.s);
    if (tokens[i - 1]?.v !== '=') return false;
    const name = tokens[i - 2]?.t === 'id' ? tokens[i - 2]!.v : tokens[i - 4]?.t === 'id' && tokens[i - 3]?.t === 'id' ? tokens[i - 4]!.v : undefined;
    return name !== undefined && tokens.filter((t) => t.t === 'id' && t.v === name).length > 1;
  }

  /**
   * A use of a constant imported from another module of the workspace
   * (`serverConfig.url || OPENAI_BASE_URL`): an LLM URL there is used here, as a literal would be.
   */
  importedUse(use: CodeStructure['importedUses'][number]): void {
    if (this.consumed.has(use.s)) return;
    if (this.inTest || this.isChecked(use.tok) || isExampleName(this.keyOf(use.tok))) return;
    // A name only `import *` may bind (Python) that the file binds itself here is its own: what it
    // holds is reported where it is set.
    if (!this.ctx.parser.imports.has(use.path) && !use.path.includes('.') && findAssignment(use.path, use.s, this.ctx) !== undefined) return;
    const r = evaluate({ k: 'ref', path: use.path, s: use.s, e: use.e }, this.ctx);
    if (!r.imported || !isKnown(r)) return;
    const key = this.keyOf(use.tok);
    const from = `, ${use.path} imported from ${formatWhere(r.imported.where)}`;
    this.urlInValue(use.tok, r, key, { found: `${key ? `URL of an LLM API in ${key}` : 'URL of an LLM API in a string'}${from}`, lookalike: `${key ? `URL in ${key}` : 'URL in a string'}${from}` });
  }

  /** An endpoint for a URL of an LLM API written at `tok` (or imported there), given to `key`; `via` says how it is written. */
  private urlInValue(tok: Token, r: Resolved, key: string | undefined, via: { found: string; lookalike: string }): void {
    const url = parseUrl(r.text.trim());
    // A URL inside a sentence (a help or error message) is mentioned, not used.
    if (!url || isNotServer(url) || /\s/.test(r.text.trim())) return;
    const lookalike = this.index.hosts.spoof(url);
    const match = this.index.matchHost(url.host);
    if (lookalike) {
      this.endpoints.push(makeEndpoint(this.index, this.input.file, r.span, lookalikeTarget(url.host, lookalike), via.lookalike));
      return;
    }
    // A known vendor's LLM API that is no catalog provider (DashScope, BigModel): reported by host.
    const unlisted = match ? undefined : uncataloguedHostTarget(this.index, url);
    if (!match && !(unlisted?.unlisted && unlisted.host)) return;
    if (this.isSdkDefaultHost(url.host)) return;
    if (!match) {
      this.endpoints.push(makeEndpoint(this.index, this.input.file, r.span, unlisted!, key ? `URL of an LLM API in ${key}` : 'URL of an LLM API in a string', { conditions: conditionsOf(r) }));
      return;
    }
    // A model list sends no prompt: on a local server wherever it is written, on a cloud API
    // only as the whole URL of a GET (elsewhere `.../models` may be the prefix of real calls).
    if (isModelList(url) && (match.provider.kind === 'self-hosted' || this.isWholeGetUrl(tok))) return;
    if (isAdministration(url)) return;
    // A local URL is an LLM server when its port, path or the name it is given says so.
    const llmContext = looksLikeLlmServer(url)
      || (key !== undefined && ((this.index.isUrlOptionName(key) && !GENERIC_URL_KEYS.has(normalizeKey(key))) || LLM_NAME.test(key)));
    if (match.provider.kind === 'self-hosted' && !llmContext) return;
    const fix = this.hostFix(r, url, match.provider, match.region);
    const target = hostTarget(match, url.host);
    this.endpoints.push(
      makeEndpoint(this.index, this.input.file, r.span, target, via.found, {
        conditions: conditionsOf(r),
        ...(match.regionUnknown ? { unknown: `the region in the host ${r.why ?? 'is computed at run time'}` } : {}),
        ...(fix ? { euFix: fix } : {}),
      }),
    );
  }

  /**
   * A request URL made of a base URL the workspace sets for an env variable and a path written
   * here (`process.env.OLLAMA_URL + "/api/chat"`, `${process.env.OLLAMA_URL}/api/chat`), with
   * the value that reaches this file; undefined when the token is no such path, or the
   * variable has no value here (nothing to tell where it goes).
   */
  private envUrlWithPath(tok: Token): Resolved | undefined {
    let value: Value;
    if (tok.t === 'str') {
      if (!tok.v.startsWith('/')) return undefined;
      const { tokens } = this.ctx.parser;
      const at = firstFrom(tokens, tok.s, (t) => t.s);
      if (tokens[at]?.s !== tok.s || tokens[at - 1]?.v !== '+') return undefined;
      // The left operand: a name path, possibly indexed or called (`os.environ["X"]`, `os.getenv("X")`).
      let start = at - 2;
      while (start > 0) {
        const t = tokens[start]!;
        if (t.v === ')' || t.v === ']') start = this.ctx.parser.openOf(start) - 1;
        else if (t.t === 'id' || t.v === '.' || t.v === '!') start--;
        else break;
      }
      value = CodeParser.parseHole(this.ctx.parser, tokens.slice(start + 1, at + 1));
    } else {
      const first = tok.parts?.find((p) => !('lit' in p) || p.lit !== '');
      if (!first || 'lit' in first) return undefined;
      value = CodeParser.parseHole(this.ctx.parser, [tok]);
    }
    const r = evaluate(value, this.ctx);
    return r.env?.where && !r.env.defaulted && isKnown(r) ? r : undefined;
  }

  /**
   * Whether a string literal is the whole URL argument of an HTTP GET (`fetch("...")`,
   * `requests.get("...")`, `http.Get("...")`). A `fetch` given options is a GET only when
   * they are written here and name no other method; `urlopen` given data sends a POST.
   */
  private isWholeGetUrl(tok: Token): boolean {
    const { parser } = this.ctx;
    const { tokens } = parser;
    const i = firstFrom(tokens, tok.s, (t) => t.s);
    if (tokens[i]?.s !== tok.s || tokens[i - 1]?.v !== '(') return false;
    // The call whose argument list the literal opens: its callee is the name path before `(`.
    let start = i - 2;
    while (tokens[start - 1]?.v === '.' && tokens[start - 2]?.t === 'id') start -= 2;
    const parsed = tokens[start]?.t === 'id' ? parser.parseRange(start, parser.closeOf(i - 1) + 1) : undefined;
    if (parsed?.k !== 'call' || parsed.call.args[0]?.value.s !== tok.s || parsed.call.args[0].value.k !== 'str') return false;
    const { callee, args } = parsed.call;
    const name = callee.slice(callee.lastIndexOf('.') + 1);
    if (!GET_CALL.test(name) || (name === callee && name !== 'fetch' && name !== 'urlopen')) return false;
    if (name === 'urlopen') return !args.slice(1).some((a) => a.name === undefined || a.name === 'data');
    if (name !== 'fetch' || args.length === 1) return true;
    const options = args[1]!.value;
    if (options.k !== 'obj') return false;
    // Options spread in from elsewhere may set the method.
    if (options.entries.some((e) => e.key.startsWith('...'))) return false;
    const method = options.entries.find((e) => e.key === 'method');
    return method === undefined || (method.value.k === 'str' && method.value.v.toUpperCase() === 'GET');
  }

  /**
   * Bedrock model ids elsewhere in the file (`converse(modelId="global.anthropic...")`):
   * a profile beyond the EU makes the file's Bedrock clients fail EU residency, since the
   * engine cannot tell which client sends which model.
   */
  profiles(strings: Token[]): void {
    this.globalOnlyModels(strings);
    const bedrock = this.index.providers.get('aws-bedrock');
    const clients = this.endpoints.filter((e) => e.provider === 'aws-bedrock' && e.model === undefined);
    if (!bedrock || clients.length === 0) return;
    // An id written inside one client's construction (`BedrockModel(model_id="us....")`) goes
    // through that client only; one in a constant or elsewhere may reach any of them.
    const outside = strings.flatMap((tok) => {
      const profile = tok.t === 'str' && !this.ownModels.has(tok.s) ? inferenceProfile(bedrock, tok.v) : null;
      return profile && profile.location.euResident === false ? [{ tok, profile }] : [];
    });
    if (outside.length) {
      // Every such id counts against the clients, so the fix moves them all (or it would not clear the finding).
      const fixes = outside.map(({ tok, profile }) => (tok.cs !== undefined && this.input.text.slice(tok.cs, tok.ce) === tok.v ? profileSwapFix(bedrock, tok.v, tok.cs, profile.prefix) : undefined));
      const fix = fixes.every((f) => f !== undefined) ? allOf(fixes, outside.length > 1 ? ` (${outside.length} model ids)` : '') : undefined;
      const first = outside[0]!;
      for (const e of clients) applyProfile(e, first.profile, first.tok.v, fix);
      return;
    }
    // A model id the workspace sets (BEDROCK_MODEL_ID=us.anthropic... in .env) that the file reads.
    for (const name of envNamesRead(this.ctx.parser.tokens)) {
      const v = this.ctx.env(name);
      if (v.state !== 'set') continue;
      const profile = inferenceProfile(bedrock, v.value);
      if (!profile || profile.location.euResident !== false) continue;
      for (const e of clients) {
        applyProfile(e, profile, v.value);
        e.env = [...(e.env ?? []), { name, value: v.value, ...v.where }];
      }
      return;
    }
  }

  /** A global-only model named anywhere in the file (`generate_content(model="gemini-3-pro-preview")`) for its regional clients. */
  private globalOnlyModels(strings: Token[]): void {
    for (const provider of this.index.catalog.providers) {
      if (!provider.globalOnlyModels) continue;
      const clients = this.endpoints.filter((e) => e.provider === provider.id && e.euResident === true);
      if (clients.length === 0) continue;
      // A model the endpoint names itself (LiteLLM's vertex_ai/gemini-...-preview) decides for it alone.
      for (const e of clients) if (e.model) applyGlobalOnlyModel(this.index, e, provider, e.model);
      const rule = this.index.globalOnly.get(provider.id)!;
      const model = strings.find((tok) => tok.t === 'str' && rule.test(tok.v));
      if (model) for (const e of clients) if (!e.model) applyGlobalOnlyModel(this.index, e, provider, model.v);
    }
  }

  /**
   * `try: eu.chat(...) except: us.chat(...)`: the clients a `try` body uses fall back to
   * those its `except` / `catch` blocks use. A client is used by its variable's name or
   * built in place.
   */
  handlerFallbacks(assignments: Map<string, Assignment[]>): void {
    if (this.endpoints.length < 2) return;
    const { statements, tooDeep } = this.ctx.parser.tryStatements();
    this.tooDeepTries = tooDeep;
    if (!statements.length) return;
    const { tokens } = this.ctx.parser;
    // Endpoints by start, so that those inside a range are found by binary search.
    const sorted = [...this.endpoints].sort((a, b) => a.range.start - b.range.start);
    const inside = (s: number, e: number): Endpoint[] => {
      const out: Endpoint[] = [];
      for (let i = firstFrom(sorted, s, (x) => x.range.start); i < sorted.length && sorted[i]!.range.start < e; i++) if (sorted[i]!.range.end <= e) out.push(sorted[i]!);
      return out;
    };
    // Which endpoints each variable holds: those built inside its one assignment.
    const held = new Map<string, Endpoint[]>();
    for (const [name, list] of assignments) {
      if (list.length !== 1 || name.includes('.')) continue;
      const a = list[0]!;
      const found = inside(tokens[a.from]?.s ?? 0, tokens[a.to - 1]?.e ?? 0);
      if (found.length) held.set(name, found);
    }
    const used = (range: { s: number; e: number }): Endpoint[] => {
      const out = new Set(inside(range.s, range.e));
      for (let i = firstFrom(tokens, range.s, (t) => t.s); i < tokens.length && tokens[i]!.e <= range.e; i++) {
        const t = tokens[i]!;
        if (t.t !== 'id' || tokens[i - 1]?.v === '.') continue;
        for (const x of held.get(t.v) ?? []) out.add(x);
      }
      return [...out];
    };
    for (const { body, handlers } of statements) {
      const primary = used(body);
      if (!primary.length) continue;
      const inPrimary = new Set(primary);
      const backup = handlers.flatMap(used).filter((x) => !inPrimary.has(x));
      for (const p of primary) linkFallbacks(p, backup, `${this.input.lang === 'python' ? 'except' : 'catch'} branch`);
    }
  }

  // ---- helpers ----------------------------------------------------------------------

  /** The call's options, plus fields a callback sets inside its parentheses (Go `func(o *Options) { o.Region = "..." }`). */
  private readOptions(call: Call): Option[] {
    return this.callOptions(call).options;
  }

  /**
   * Options of a module-level client: the module's attributes (`openai.base_url = ...`),
   * set once anywhere in the file. One set in several places is not a literal the engine can pick.
   */
  private moduleAttributes(root: string, signal: ClientSignal): { options: Option[]; opaque?: string } {
    const options: Option[] = [];
    let opaque: string | undefined;
    const { url = [], region = [], resource = [] } = signal.options;
    for (const attribute of [...url, ...region, ...resource]) {
      const list = this.ctx.assignments.get(`${root}.${attribute}`);
      if (!list) continue;
      if (list.length === 1 && !list[0]!.compound) options.push({ name: attribute, value: this.ctx.parser.valueOf(list[0]!) });
      else opaque ??= `${root}.${attribute} (set in ${list.length} places)`;
    }
    return opaque ? { options, opaque } : { options };
  }

  /**
   * The call's options, with option objects passed by name (`new OpenAI(opts)`, `OpenAI(**cfg)`;
   * in JS a name as the options argument, the first but for a router's factory, whose first is the model)
   * read from their literal in this file, and the fields a callback sets inside the
   * parentheses (Go `func(o *Options) { o.Region = "..." }`). `opaque` names what could
   * not be read, so a missing option may be set there.
   */
  private callOptions(call: Call, optionsArg = 0): { options: Option[]; opaque?: string } {
    const options = optionsOf(call, (v) => this.literalValue(v));
    let opaque: string | undefined;
    const passed = call.args.filter((a, i) => a.name === '**' || a.name === '...' || (i === optionsArg && !a.name && this.input.lang === 'js' && a.value.k === 'ref'));
    for (const arg of passed) {
      const v = arg.value;
      const assigned = v.k === 'ref' ? findAssignment(v.path, v.s, this.ctx) : undefined;
      const assignedValue = assigned && typeof assigned !== 'string' ? this.ctx.parser.valueOf(assigned) : undefined;
      const literal = assignedValue?.k === 'call' ? this.returnedDict(assignedValue.call) ?? assignedValue : assignedValue;
      if (literal?.k === 'obj' && v.k === 'ref') {
        const written = this.writtenInto(v.path, call);
        for (const e of literal.entries) if (!written.options.some((o) => o.name === e.key)) options.push({ name: e.key, value: e.value });
        options.push(...written.options);
        if (written.opaque) opaque ??= written.opaque;
      }
      // A string (`groq(MODEL)` with `const MODEL = '...'`) is a model id, not an options object.
      else if (literal?.k === 'str' || literal?.k === 'tmpl' || literal?.k === 'lit') continue;
      else opaque ??= v.k === 'ref' ? v.path : this.input.text.slice(v.s, v.e);
    }
    if (call.open >= 0) {
      const fields = this.fieldAssignments();
      for (let i = firstFrom(fields, call.open + 1, (f) => f.a.s); i < fields.length && fields[i]!.a.s < call.close; i++) {
        options.push({ name: fields[i]!.field, value: this.ctx.parser.valueOf(fields[i]!.a) });
      }
    }
    return opaque ? { options, opaque } : { options };
  }

  /**
   * The dict literal a Python options name gets from a function of this file that always
   * returns it (`cfg = llm_config()` with `def llm_config(): c = {...}; return c`), so the
   * keys it sets (`api_base=os.getenv(...)`) are read as if written at the call.
   */
  private returnedDict(call: Call): Value | undefined {
    if (call.args.length > 0 || call.chain.length > 0) return undefined;
    const returned = this.ctx.parser.pythonReturnOf(call.callee);
    if (!returned) return undefined;
    let value: Value | undefined = returned.value;
    if (value.k === 'ref') {
      const name = value.path;
      const a = findAssignment(name, returned.at, this.ctx);
      // Only a dict nothing touches between its literal and the return: a key written into it
      // (`c["base_url"] = ...`), an update, or a call it is passed to may set the endpoint.
      const { tokens } = this.ctx.parser;
      let touched = false;
      if (a && typeof a !== 'string') {
        for (let i = firstFrom(tokens, a.s, (t) => t.s) + 1; i < tokens.length && tokens[i]!.s < returned.at && !touched; i++) {
          const t = tokens[i]!;
          touched = t.t === 'id' && t.v === name && !(tokens[i - 1]?.t === 'p' && tokens[i - 1]!.v === '.');
        }
      }
      value = a && typeof a !== 'string' && !touched ? this.ctx.parser.valueOf(a) : undefined;
    }
    return value?.k === 'obj' ? value : undefined;
  }

  /**
   * The keys written into an options dict or object after its literal and before the call that
   * is passed it (`args["base_url"] = ...`, `opts.baseURL = ...`). A key written only on some
   * paths to the call, or more than once, or a dict changed by a method (`args.update(...)`),
   * is opaque: the option may or may not be set there.
   */
  private writtenInto(path: string, call: Call): { options: Option[]; opaque?: string } {
    const options: Option[] = [];
    let opaque: string | undefined;
    const prefix = `${path}.`;
    if (!this.keysWritten) {
      this.keysWritten = new Map();
      for (const name of this.ctx.assignments.keys()) {
        const dot = name.lastIndexOf('.');
        if (dot > 0) this.keysWritten.set(name.slice(0, dot), [...(this.keysWritten.get(name.slice(0, dot)) ?? []), name]);
      }
    }
    for (const name of this.keysWritten.get(path) ?? []) {
      const before = (this.ctx.assignments.get(name) ?? []).filter((a) => a.s < call.s);
      if (!before.length) continue;
      const only = before.length === 1 ? before[0]! : undefined;
      if (only && !only.compound && this.alwaysRunsBefore(only, call.s)) {
        options.push({ name: name.slice(prefix.length), value: this.ctx.parser.valueOf(only) });
      } else opaque ??= `${path}[${JSON.stringify(name.slice(prefix.length))}] (set on some paths only)`;
    }
    // Where a method first changes the dict (read once per name).
    this.firstChange ??= new Map();
    let first = this.firstChange.get(path);
    if (first === undefined) {
      first = this.input.text.search(new RegExp(`(?:^|[^\\w.])${path.replace(/[.$]/g, '\\$&')}\\s*(?:\\.\\s*(?:update|setdefault|__setitem__)\\s*\\(|\\|=)`));
      this.firstChange.set(path, first);
    }
    if (first >= 0 && first < call.s) opaque ??= `${path} (changed by a method before the call)`;
    return opaque ? { options, opaque } : { options };
  }

  /**
   * Whether a statement before `at` runs on every path to it: in Python no line between them is
   * indented less than the statement (an `else:` or the end of its `if`); elsewhere `at` is inside
   * the statement's block.
   */
  private alwaysRunsBefore(a: Assignment, at: number): boolean {
    const text = this.input.text;
    if (this.input.lang !== 'python') {
      const block = this.ctx.parser.blockOf(a);
      return block.s <= at && at <= block.e;
    }
    const indentOf = (lineStart: number): number => {
      let i = lineStart;
      while (text[i] === ' ' || text[i] === '\t') i++;
      return text[i] === '\n' || text[i] === '\r' || text[i] === '#' || i >= text.length ? Infinity : i - lineStart;
    };
    const own = indentOf(text.lastIndexOf('\n', a.s - 1) + 1);
    for (let line = text.indexOf('\n', a.s) + 1; line > 0 && line <= at; line = text.indexOf('\n', line) + 1) {
      if (indentOf(line) < own) return false;
    }
    return true;
  }

  /** The process-wide init calls this file makes (`vertexai.init`), published so that files without one can tell whether any module makes one. */
  initCalls(): ExportedValue[] {
    // A notebook's init counts too: the modules it imports build their clients in its process.
    const out: ExportedValue[] = [];
    for (const name of this.index.configuringCallees()) {
      const call = this.fileCalls.find((c) => pathEndsWith(this.ctx.parser.qualify(c.callee), name));
      if (call) out.push({ name: initCallName(name), value: 'called', offset: call.s });
    }
    return out;
  }

  /** Whether the workspace is known to make none of these init calls (each file publishes the ones it makes). */
  private initCalledNowhere(inits: string[]): boolean {
    return inits.every((name) => this.ctx.env(initCallName(name)).state === 'unset');
  }

  /**
   * The endpoint options the file's process-wide init calls set (`vertexai.init(location=...)`),
   * undefined when the file makes none, or 'not-first' when none surely runs before the client.
   * Inits that set an option to different expressions leave it opaque: which one runs last is not known.
   */
  private configuringOptions(signal: ClientSignal, client: Call): { options: Option[]; opaque?: string } | 'not-first' | undefined {
    const all = this.fileCalls.filter((c) => c !== client && signal.configuredBy!.some((name) => pathEndsWith(this.ctx.parser.qualify(c.callee), name)));
    if (!all.length) return undefined;
    // Only an init that surely runs before the client counts: one at the top level (of the module
    // or a notebook cell) written before it. One in a function may never be called.
    const { parser } = this.ctx;
    const inits = all.filter((c) => c.s < client.s && !parser.insideDefinition(c.s) && !parser.insideLambda(c.s));
    if (!inits.length) return 'not-first';
    const { url = [], region = [] } = signal.options;
    const options: Option[] = [];
    let opaque: string | undefined;
    for (const name of [...url, ...region]) {
      const set = inits.flatMap((c) => this.readOptions(c).filter((o) => o.name === name));
      const texts = new Set(set.map((o) => this.input.text.slice(o.value.s, o.value.e)));
      if (texts.size === 1) options.push(set[0]!);
      else if (texts.size > 1) opaque ??= `${name} set to ${texts.size} different values by ${signal.configuredBy!.join(' / ')}()`;
    }
    return opaque ? { options, opaque } : { options };
  }

  /** Assignments to a field (`o.Region = ...`), in file order, for reading callbacks quickly. */
  private fieldAssignments(): { field: string; a: Assignment }[] {
    if (this.fields) return this.fields;
    this.fields = [];
    for (const [name, list] of this.ctx.assignments) {
      const dot = name.lastIndexOf('.');
      if (dot < 0) continue;
      for (const a of list) if (!a.compound) this.fields.push({ field: name.slice(dot + 1), a });
    }
    return this.fields.sort((x, y) => x.a.s - y.a.s);
  }

  private resolve(value: Value): Resolved {
    const r = evaluate(value, this.ctx);
    this.consume(r);
    return r;
  }

  /** Marks the literals a resolved value came from, so they are not reported again as raw URLs. */
  private consume(r: Resolved): void {
    this.consumed.add(r.span.s);
    // Pieces start where a literal's content starts (after its quote).
    for (const p of r.pieces) this.consumed.add(p.s);
    for (const s of r.shadowed ?? []) this.consumed.add(s);
  }

  /** An endpoint named by a resource (`{resource}.openai.azure.com`): the host is known, its region is not. */
  private resourceEndpoint(r: Resolved, span: Span, provider: Provider, via: string, extras: EndpointExtras): Endpoint {
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
    const host = isKnown(r) && pattern ? pattern.pattern.replace('{resource}', r.text.trim().toLowerCase()) : null;
    const target: Target = { provider, host, region: null, ...(pattern ? { pattern } : {}) };
    return makeEndpoint(this.index, this.input.file, span, target, via, {
      ...extras,
      unknown: host ? `${host} does not say which region the resource is in` : `the resource name ${r.why ?? 'is not known'}`,
    });
  }

  /**
   * An endpoint decided by a region option (`region_name="eu-west-3"`), with the swap to an EU
   * region. `at`: where it is reported when that is not the option (a client using an init's location).
   */
  private regionOption(opt: Option, provider: Provider, via: (what: string) => string, extras: EndpointExtras, service?: string, at?: Span): Endpoint {
    const r = this.resolve(opt.value);
    const region = this.regionOf(r, provider);
    const fix = region ? this.regionFix(r, provider, region) : undefined;
    return makeEndpoint(this.index, this.input.file, at ?? r.span, this.regionTarget(provider, region, service), via(`${opt.name} ${describe(r)}`), {
      ...extras,
      conditions: conditionsOf(r),
      ...(region ? {} : { unknown: isKnown(r) ? `the region "${r.text}" is a placeholder, not a region` : `the region ${r.why ?? 'is computed at run time'}` }),
      ...(fix ? { euFix: fix } : {}),
    });
  }

  /** A value that names one of the library's public constants (`AnthropicConstants.Endpoint`), as the catalog gives it. */
  private libraryConstant(r: Resolved, signal: ClientSignal): Resolved {
    const symbol = r.symbol;
    const known = !isKnown(r) && symbol ? signal.libraryConstants?.find((c) => pathEndsWith(symbol, c.name)) : undefined;
    return known ? { text: known.value, pieces: [], span: r.span, symbol } : r;
  }

  /**
   * Whether a literal is a library's own declaration of one of its public constants (the
   * `Endpoint = "..."` of `class AnthropicConstants`): the library's default, not a use.
   */
  private declaresLibraryConstant(tok: Token): boolean {
    const field = this.keyOf(tok);
    if (!field) return false;
    return this.index.catalog.providers.some((p) => p.clients.some((c) => c.languages.includes(this.input.lang) && (c.libraryConstants ?? []).some((k) => {
      const [owner, name] = [k.name.slice(0, k.name.lastIndexOf('.')), k.name.slice(k.name.lastIndexOf('.') + 1)];
      return name === field && new RegExp(`\\bclass\\s+${owner.slice(owner.lastIndexOf('.') + 1)}\\b`).test(this.input.text);
    })));
  }

  /**
   * A client reported at a constant's literal (`LOCATION = "us-central1"` given as
   * `.location(LOCATION)`) remembers the argument that names the constant: see
   * spreadSharedConstants.
   */
  /**
   * A Java field or parameter Spring fills from a property of the application's own
   * (`@Value("${app.gemini.location}") String location`) given as a client's region or URL:
   * published, so the module's application properties report the line that sets it.
   */
  private noteSpringValue(value: Value, role: 'region' | 'url', provider: Provider): void {
    if (this.input.lang !== 'java' || value.k !== 'ref') return;
    this.springValues ??= springValueFields(this.ctx.parser.tokens);
    const field = this.springValues.get(value.path.replace(/^this\./, ''));
    if (field) this.springValueUses.push(springValueDefinition(this.input.file, field, role, provider.id));
  }

  private noteArgument(endpoint: Endpoint, value: Value, call: Call): void {
    const { start, end } = endpoint.range;
    if (value.k === 'ref' && (start < call.s || end > call.e)) this.arguments.set(endpoint, { s: value.s, e: value.e });
  }

  /**
   * One constant given to several clients decides each of them: each client is then its own
   * use, at the argument that names the constant (one line cannot stand for two uses). A
   * constant given to one client stays reported at its literal, the text that decides. Either
   * way a fix edits the literal.
   */
  spreadSharedConstants(): void {
    const byLiteral = new Map<string, Endpoint[]>();
    for (const e of this.arguments.keys()) {
      const key = `${e.range.start}:${e.range.end}`;
      byLiteral.set(key, [...(byLiteral.get(key) ?? []), e]);
    }
    for (const group of byLiteral.values()) {
      const places = new Set(group.map((e) => this.arguments.get(e)!.s));
      if (places.size < 2) continue;
      for (const e of group) {
        const at = this.arguments.get(e)!;
        e.range = { start: at.s, end: at.e };
      }
    }
  }

  /**
   * A region taken from an object built in another statement (`session =
   * boto3.Session(region_name=REGION)`, then `session.client(...)`) whose text is not in
   * that statement either (a constant): reported at the client call, which decides the
   * endpoint, rather than at a constant two steps away that may feed other things too.
   */
  private regionSetAway(opt: Option, call: Call): Span | undefined {
    const held = call.receiver;
    const inside = (c: Call, span: Span): boolean => c.s <= span.s && span.e <= c.e;
    if (!held || inside(call, held) || !inside(held, opt.value)) return undefined;
    return inside(held, this.resolve(opt.value).span) ? undefined : this.callSpan(call);
  }

  private regionOf(r: Resolved, provider: Provider): string | null {
    // A placeholder (`<<region-name>>`, `YOUR_REGION`) is not a region.
    if (isKnown(r)) return /^[a-z]{2,}[a-z0-9-]*$/i.test(r.text.trim()) && !isPlaceholderValue(r.text) ? r.text.trim() : null;
    if (r.symbol) {
      const id = regionFromSymbol(r.symbol);
      if (id && this.index.locations.isKnown(provider, id)) return id;
    }
    return null;
  }

  private regionTarget(provider: Provider, region: string | null, service?: string): Target {
    if (!region) return { provider, host: null, region: null };
    const built = this.index.hostForRegion(provider, region, service);
    return { provider, host: built?.host ?? null, region, ...(built ? { pattern: built.pattern } : {}) };
  }

  private callSpan(call: Call): Span {
    const text = this.input.text;
    const end = call.close >= 0 ? call.e : call.calleeE;
    // Underline the whole call when it fits on one line, else just the callee.
    return text.slice(call.s, end).includes('\n') ? { s: call.s, e: call.calleeE } : { s: call.s, e: end };
  }

  /** `url` was parsed from the trimmed text; its offsets shift back by the leading space. */
  private hostFix(r: Resolved, url: ParsedUrl, provider: Provider, region: string | null): Fix | undefined {
    const lead = r.text.length - r.text.trimStart().length;
    return hostSwapFix(this.index, r.text, r.pieces, { ...url, hostStart: url.hostStart + lead, hostEnd: url.hostEnd + lead }, provider, region);
  }

  private regionFix(r: Resolved, provider: Provider, region: string): Fix | undefined {
    if (isKnown(r)) return regionSwapFix(this.index, r.pieces, provider, region);
    // Enum-style regions (Region.US_EAST_1) are rewritten in the same style.
    const euRegion = provider.euSwap?.region;
    const replacement = r.symbol && euRegion && this.index.location(provider, region).euResident !== true ? symbolForRegion(r.symbol, euRegion) : null;
    return replacement ? fixOf(`Use the EU region ${euRegion}`, [{ start: r.span.s, end: r.span.e, newText: replacement }], this.index.location(provider, euRegion!).countries ?? null) : undefined;
  }

  private insertUrlFix(call: Call, provider: Provider, signal: ClientSignal, host: string): Fix | undefined {
    const euHost = provider.euSwap?.hosts?.[host];
    const option = this.optionNameToInsert(signal, signal.options.url);
    if (!euHost || !option) return undefined;
    const base = signal.defaults.baseUrl ?? `https://${host}`;
    const url = base.replace(host, euHost);
    return this.insertOption(call, option, url, `Set ${option} to the EU endpoint ${euHost}`, countriesOfHost(this.index, euHost));
  }

  private insertRegionFix(call: Call, provider: Provider, signal: ClientSignal): Fix | undefined {
    const euRegion = provider.euSwap?.region;
    const option = this.optionNameToInsert(signal, signal.options.region);
    if (!euRegion || !option) return undefined;
    return this.insertOption(call, option, euRegion, `Set ${option} to the EU region ${euRegion}`, this.index.location(provider, euRegion).countries ?? null);
  }

  /**
   * The option to add, spelled as this language's SDK spells it: snake_case keywords in
   * Python; in JavaScript only for an SDK of its own (a name shared with the Python SDK
   * may not be a real option there, and a fix must not merely look right).
   */
  private optionNameToInsert(signal: ClientSignal, names: string[] | undefined): string | undefined {
    // A module-level client is configured by module attributes, not by the call.
    if (signal.moduleClient) return undefined;
    const candidates = (names ?? []).filter((n) => !n.startsWith('$') && !/^with/i.test(n));
    if (this.input.lang === 'python') return candidates.find((n) => /^[a-z][a-z0-9_]*$/.test(n));
    if (this.input.lang === 'js' && signal.languages.length === 1) return candidates.find((n) => /^[a-z][A-Za-z0-9]*$/.test(n));
    return undefined;
  }

  /** Inserts `name="value"` into a Python call or `name: "value"` into a JS options object. */
  private insertOption(call: Call, name: string, value: string, title: string, countries: Countries): Fix | undefined {
    const fix = (edit: TextEdit): Fix | undefined => fixOf(title, [edit], countries);
    // Options from a spread or a variable may already set it; adding a second one can fail at run time.
    if (call.open < 0 || call.close < 0 || call.repaired || call.args.some((a) => a.name === '**' || a.name === '...' || a.name === '*')) return undefined;
    const lang = this.input.lang;
    const quoted = JSON.stringify(value);
    if (lang === 'python') {
      const hasArgs = call.args.length > 0;
      const positional = call.args.filter((a) => !a.name).length;
      // Keyword arguments go after positional ones.
      if (positional > 0) {
        const last = call.args.filter((a) => !a.name).at(-1)!;
        return fix({ start: last.e, end: last.e, newText: `, ${name}=${quoted}` });
      }
      return fix({ start: call.open + 1, end: call.open + 1, newText: `${name}=${quoted}${hasArgs ? ', ' : ''}` });
    }
    if (lang === 'js') {
      if (call.args.length === 0) {
        return fix({ start: call.open + 1, end: call.open + 1, newText: `{ ${name}: ${quoted} }` });
      }
      const first = call.args[0]!.value;
      if (first.k === 'obj') {
        const inner = this.input.text.slice(first.s + 1, first.e - 1).trim();
        const newText = inner.length ? ` ${name}: ${quoted},` : ` ${name}: ${quoted} `;
        return fix({ start: first.s + 1, end: first.s + 1, newText });
      }
    }
    return undefined;
  }
}

/**
 * Options of a call however the language spells them: keywords, option objects, functional
 * options, builders, initializers. `held` gives the value a name holds, for config objects
 * passed by name (`config=cfg` after `cfg = Config(region_name=...)`).
 */
export function optionsOf(call: Call, held?: (v: Value) => Value | undefined): Option[] {
  const direct: Option[] = [];
  const nested: Option[] = [];
  let positional = 0;
  const fromObject = (obj: Value, out: Option[]): void => {
    if (obj.k !== 'obj') return;
    for (const e of obj.entries) {
      if (e.key === '...' || e.key === '**') continue;
      out.push({ name: e.key, value: e.value });
      // A settings object inside the options object (LangChain JS `configuration: { baseURL }`, LlamaIndex `azure: { endpoint }`),
      // also one held by a name (`const config = { host }` passed as `{ model, config }`).
      const inner = e.value.k === 'ref' ? held?.(e.value) : e.value;
      if (inner?.k === 'obj') for (const s of inner.entries) if (s.key !== '...' && s.key !== '**') nested.push({ name: `${e.key}.${s.key}`, value: s.value });
    }
  };
  for (const arg of call.args) {
    if (arg.name === '**' || arg.name === '...' || arg.name === '*') continue;
    if (arg.name) {
      direct.push({ name: arg.name, value: arg.value });
      collectNested(arg.value, nested);
      const config = arg.value.k === 'ref' ? held?.(arg.value) : undefined;
      if (config?.k === 'call' && isConfigObject(config.call)) collectNested(config, nested);
      // A settings dict passed by keyword (strands OpenAIModel(client_args={"base_url": ...})).
      if (arg.value.k === 'obj') for (const e of arg.value.entries) if (e.key !== '...' && e.key !== '**') nested.push({ name: `${arg.name}.${e.key}`, value: e.value });
      continue;
    }
    direct.push({ name: `$${positional++}`, value: arg.value });
    const v = arg.value;
    if (v.k === 'obj') fromObject(v, direct);
    else if (v.k === 'call' && /^(?:With|with_?)[A-Z_a-z]/.test(v.call.callee.slice(v.call.callee.lastIndexOf('.') + 1))) {
      // Go functional options: option.WithBaseURL("...").
      const name = v.call.callee.slice(v.call.callee.lastIndexOf('.') + 1);
      const first = v.call.args[0];
      if (first) direct.push({ name, value: first.value });
    } else collectNested(v, nested);
  }
  for (const link of call.chain) {
    const first = link.args[0];
    if (first) direct.push({ name: link.callee, value: first.value });
  }
  if (call.init) fromObject(call.init, direct);
  // Options set on the object the method is called on (a boto3 Session's region_name).
  if (call.receiver) for (const a of call.receiver.args) if (a.name && a.name.length > 2) nested.push({ name: a.name, value: a.value });
  return [...direct, ...nested];
}

/** Options set on a config object passed to the call (botocore Config, OpenAIClientOptions { Endpoint = ... }). */
function collectNested(v: Value, out: Option[]): void {
  if (v.k !== 'call') return;
  for (const a of v.call.args) if (a.name && a.name.length > 2) out.push({ name: a.name, value: a.value });
  if (v.call.init?.k === 'obj') for (const e of v.call.init.entries) out.push({ name: e.key, value: e.value });
}

/**
 * A settings object (botocore `Config`, `ClientConfig`), whose options count where it is
 * passed even from a variable. Other objects held in variables (an HTTP client with its own
 * base URL) are not the client's settings.
 */
function isConfigObject(call: Call): boolean {
  return /Config$/.test(call.callee.slice(call.callee.lastIndexOf('.') + 1));
}

/** Why a region read from the environment is not known: no value here, or a placeholder to fill in. */
function regionUnknownWhy(r: Resolved): string {
  if (isKnown(r) && r.env) return `the region ${r.env.name}="${r.text.trim()}" is ${isPlaceholderValue(r.text) ? 'a placeholder for a person to fill in' : 'not a region name'}`;
  return `the region ${r.why ?? 'is not known'}`;
}

/**
 * A value that is a string the engine cannot read: an env read, or a name in UPPER_CASE
 * that this file does not define (`constants.MODEL`), which by convention is a constant
 * and not an object. An object built in this file resolves to its call, so stays out.
 */
function isUnreadString(r: Resolved): boolean {
  if (isKnown(r)) return false;
  return r.env !== undefined || (r.symbol !== undefined && /(?:^|\.)[A-Z][A-Z0-9_]*$/.test(r.symbol));
}

function findOption(options: Option[], names: string[] | undefined): Option | undefined {
  if (!names) return undefined;
  for (const name of names) {
    const found = options.find((o) => o.name === name || o.name.toLowerCase() === name.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

function shortCallee(call: Call): string {
  const tail = call.callee.split('.').slice(-2).join('.');
  return `${call.isNew ? 'new ' : ''}${tail}()`;
}

/** A default from code that the workspace's env files could not confirm (the editor checks one file). */
function conditionsOf(r: Resolved): string[] {
  return r.env?.unseen ? [`Unless ${r.env.name} is set where it runs.`] : [];
}

/** A value as evaluated, and as written in the source. */
type WrittenValue = { value: Resolved; written: string };

/** A router factory's options object in JS: `initChatModel(model, options)`. */
const FACTORY_OPTIONS_ARG = 1;

/**
 * The provider key a model-string router picks: the key option when there is one, else the
 * model string's "key:model" prefix (`model` is then the rest), else the router's own inference
 * from the model name; `why` says plainly why it is not known.
 */
export function routerKey(router: ModelStringRouter, named: WrittenValue | undefined, written: WrittenValue | undefined): { key: string; model?: string } | { why: string } {
  const spell = (key: string): string => (router.snakeCaseKeys ? key.toLowerCase().replace(/-/g, '_') : key);
  const unknown = (what: string, w: WrittenValue): string => `the ${what} is \`${w.written}\`, not known statically${w.value.env ? ` (${describe(w.value)})` : ''}`;
  if (named) return isKnown(named.value) ? { key: spell(named.value.text) } : { why: unknown('provider', named) };
  // A model class that picks its own provider (pydantic-ai OpenAIChatModel): the string is all model name.
  if (router.defaultKey) return { key: router.defaultKey };
  if (!written || !isKnown(written.value)) return { why: written && router.knownPrefixesOnly ? unknown('model', written) : 'the model string is not a literal "provider:model"' };
  const model = written.value;
  const at = model.text.indexOf(router.separator);
  const prefix = at < 0 ? undefined : model.text.slice(0, at);
  if (prefix !== undefined && (!router.knownPrefixesOnly || Object.keys(router.providers).includes(prefix))) return { key: spell(prefix), model: model.text.slice(at + router.separator.length) };
  const inferred = router.inferred?.find((i) => model.text.startsWith(i.prefix));
  if (inferred) return { key: inferred.key };
  return { why: router.knownPrefixesOnly ? `the model "${model.text}" names no provider ${router.id} knows, by a "provider${router.separator}" prefix or by its name` : 'the model string is not a literal "provider:model"' };
}

function describe(r: Resolved): string {
  if (r.env?.defaulted) {
    const fallback = r.imported ? `${r.imported.name}="${r.text}" (imported from ${formatWhere(r.imported.where)})` : `"${r.text}"`;
    return r.env.unseen ? `from ${r.env.name}, or ${fallback} when it is unset` : `from ${r.env.name}, which ${r.env.setElsewhere ?? 'no env file in the workspace sets'}, so its default ${fallback}`;
  }
  if (r.env) return isKnown(r) && r.env.where ? `from ${r.env.name}="${r.text}" (${formatWhere(r.env.where)})` : `from ${r.env.name}`;
  if (r.imported) return `"${r.text}" (${r.imported.name}, imported from ${formatWhere(r.imported.where)})`;
  if (isKnown(r)) return `"${r.text}"`;
  if (r.symbol) return r.symbol;
  return 'computed at run time';
}

/** `Region.EU_CENTRAL_1` (Java), `RegionEndpoint.EUCentral1` (.NET), `Region::EuCentral1` to `eu-central-1`. */
export function regionFromSymbol(symbol: string): string | null {
  const last = symbol.slice(symbol.lastIndexOf('.') + 1);
  if (/^[A-Z]{2,}(?:_[A-Z]+)*_\d+$/.test(last)) return last.toLowerCase().replace(/_/g, '-');
  const camel = /^([A-Z]{2,}|[A-Z][a-z]+)((?:[A-Z][a-z]+)+)(\d+)$/.exec(last);
  if (camel) {
    const words = camel[2]!.match(/[A-Z][a-z]+/g) ?? [];
    return [camel[1]!, ...words, camel[3]!].map((w) => w.toLowerCase()).join('-');
  }
  return null;
}

/** The symbol for `region` in the style of `like` (Region.US_EAST_1 -> Region.EU_CENTRAL_1). */
export function symbolForRegion(like: string, region: string): string | null {
  const dot = like.lastIndexOf('.');
  const prefix = like.slice(0, dot + 1);
  const last = like.slice(dot + 1);
  const parts = region.split('-');
  if (/^[A-Z_0-9]+$/.test(last)) return prefix + parts.join('_').toUpperCase();
  if (/^[A-Z]{2,}[A-Z][a-z]/.test(last)) {
    return prefix + parts[0]!.toUpperCase() + parts.slice(1).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  }
  return null;
}
