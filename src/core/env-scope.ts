// Which env values reach which code. A dotenv file serves the code in its own folder and
// below (for each variable, the nearest folder whose real env files set it wins; an
// example/sample/template file that only documents the values forks with it when nearer,
// and stands alone only where nothing real sets the variable); a compose
// service's values serve the code of its build context; a GitHub workflow's serve the job's
// working directory. A value nothing ties to code (a Kubernetes manifest, Helm values, a
// dotenv file in a folder with no code) applies workspace-wide, but only where no tied
// value sets that variable, and it says so in its provenance. An AWS CDK Lambda function's
// `environment` serves the code of its asset folder (resolve/cdk.ts); a value it takes from
// the CDK context (`tryGetContext`) is looked up where the CDK app runs, in its cdk.json.

import { cdkContextName, type EnvLookup, type EnvWhere } from './resolve/values';
import { HOLE } from './scan/tokens';
import { entryOf, scalarEntry, type CNode } from './scan/config/tree';

/** An environment variable set in a config file (.env, compose, Kubernetes, CI). */
export interface EnvDefinition {
  name: string;
  value: string;
  file: string;
  line: number;
  /** Which code the value reaches (env-scope.ts); absent for Terraform values, which reach their module by name. */
  scope?: EnvScope;
}

/**
 * Which code an env definition reaches, as the file that sets it says. Absent: not an env
 * variable this applies to (Terraform values, scoped by their names), workspace-wide as ever.
 */
export type EnvScope =
  /** A dotenv file in `dir`: until placed, its reach depends on where the code is. */
  | { kind: 'dotenv'; dir: string; documentation?: true }
  /** A compose service's build context, a workflow job's working directory (`by` says which). */
  | { kind: 'folder'; dir: string; by: string }
  /** Tied to no code: applies where nothing tied sets the variable. */
  | { kind: 'none' };

/** A compose service that loads a dotenv file (`env_file:`) into the code of its build context. */
export interface EnvFileUse {
  /** The dotenv file, relative to the same root as every path, with `/`. */
  file: string;
  dir: string;
  by: string;
}

/** Dotenv names that document the expected values rather than set them (`.env.example`, `example.env`, `.env-example`). */
export function isDocumentationEnv(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  return /(?:^|[.-])(?:example|sample|template|tmpl|dist|copy)(?:\.|$)/.test(base);
}

export function dirOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** `rel` taken from `dir` ('' is the root), with `.` and `..` resolved; null for an absolute path or a URL. */
export function joinPath(dir: string, rel: string): string | null {
  if (/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(rel) || rel.includes('${')) return null;
  const out = dir === '' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Whether `file` lies in folder `dir` or below. */
export function isWithin(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(`${dir}/`);
}

/**
 * Decides the reach of the workspace's env definitions: a dotenv file serves its folder
 * when code lies in or below it, and the build context of each compose service that loads
 * it; one with neither is tied to no code.
 */
export function placeEnv(definitions: EnvDefinition[], codeFiles: Iterable<string>, uses: EnvFileUse[]): EnvDefinition[] {
  const codeDirs = new Set<string>();
  for (const file of codeFiles) {
    // Every ancestor folder of a code file holds code.
    for (let dir = dirOf(file); ; dir = dirOf(dir)) {
      if (codeDirs.has(dir)) break;
      codeDirs.add(dir);
      if (dir === '') break;
    }
  }
  const usesOf = new Map<string, EnvFileUse[]>();
  for (const u of uses) usesOf.set(u.file, [...(usesOf.get(u.file) ?? []), u]);
  const out: EnvDefinition[] = [];
  for (const d of definitions) {
    if (d.scope?.kind !== 'dotenv') {
      out.push(d);
      continue;
    }
    const loaded = usesOf.get(d.file) ?? [];
    if (codeDirs.has(d.scope.dir)) out.push(d);
    for (const u of loaded) out.push({ ...d, scope: { kind: 'folder', dir: u.dir, by: u.by } });
    if (!codeDirs.has(d.scope.dir) && !loaded.length) out.push({ ...d, scope: { kind: 'none' } });
  }
  return out;
}

/**
 * The env lookup for each file, from placed definitions (see `placeEnv`). Definitions
 * without a scope, or never placed, reach every file, as one workspace-wide set.
 */
export function scopedEnv(definitions: EnvDefinition[]): (file: string) => EnvLookup {
  const byName = new Map<string, EnvDefinition[]>();
  for (const d of definitions) {
    const list = byName.get(d.name);
    if (list) list.push(d);
    else byName.set(d.name, [d]);
  }
  const following = new Set<string>();
  const lookup = (file: string): EnvLookup => (name) => {
    const defs = byName.get(name);
    if (!defs) return { state: 'unset' };
    // A link to the CDK context or to a construct's props is followed to the value it stands for.
    const reaching = reachingDefinitions(defs, file).map((d) => (d.value.startsWith(CONTEXT_LINK) || d.value.startsWith(PROP_LINK) ? followCdkLink(d, lookup, following) : d));
    if (reaching.length) return valueOf(reaching);
    return { state: 'unset', elsewhere: defs.map(whereOf) };
  };
  return lookup;
}

/**
 * The definitions of one variable that reach a file. Tied ones first: the nearest folder's
 * real dotenv files (`.env`, `.env.local`), and the innermost compose build context or
 * workflow working directory. Documentation (`.env.example`) is not loaded as such: nearer
 * than the real file it forks with it, and where nothing real is tied it forks with any
 * untied value (Kubernetes, Helm), which may be what really runs. Else the untied ones.
 */
function reachingDefinitions(defs: EnvDefinition[], file: string): EnvDefinition[] {
  const nearest = (list: EnvDefinition[]): EnvDefinition[] => {
    const deepest = Math.max(-1, ...list.map(depthOf));
    return list.filter((d) => depthOf(d) === deepest);
  };
  const reaching = defs.filter((d) => d.scope && d.scope.kind !== 'none' && isWithin(file, d.scope.dir));
  const dotenv = reaching.filter((d) => d.scope?.kind === 'dotenv');
  const real = nearest(dotenv.filter((d) => !(d.scope?.kind === 'dotenv' && d.scope.documentation)));
  const documentation = nearest(dotenv.filter((d) => d.scope?.kind === 'dotenv' && d.scope.documentation));
  const folder = nearest(reaching.filter((d) => d.scope?.kind !== 'dotenv'));
  const untied = defs.filter((d) => !d.scope || d.scope.kind === 'none');
  // Documentation nearer than the real file describes what this project expects to be set;
  // which of the two runs depends on how it is deployed, so both count (a fork).
  const expected = documentation.length && depthOf(documentation[0]!) > Math.max(-1, ...real.map(depthOf)) ? documentation : [];
  if (real.length || folder.length) return [...real, ...expected, ...folder];
  return [...documentation, ...untied];
}

function depthOf(d: EnvDefinition): number {
  const dir = d.scope && d.scope.kind !== 'none' ? d.scope.dir : '';
  return dir === '' ? 0 : dir.split('/').length;
}

function whereOf(d: EnvDefinition & { through?: string }): EnvWhere {
  return { file: d.file, line: d.line, ...(d.scope?.kind === 'none' ? { unscoped: true as const } : {}), ...(d.through ? { through: d.through } : {}) };
}

/** One value, or several (a conflict: which applies depends on how the code is run). */
function valueOf(defs: (EnvDefinition & { through?: string })[]): ReturnType<EnvLookup> {
  const distinct = [...new Map(defs.map((d) => [d.value, d])).values()];
  if (distinct.length === 1) return { state: 'set', value: distinct[0]!.value, where: whereOf(distinct[0]!) };
  return { state: 'conflict', values: distinct.map((d) => ({ value: d.value, where: whereOf(d) })) };
}

// ---- AWS CDK context -------------------------------------------------------------------

const CONTEXT_LINK = '\u0001cdk-context\u0001';

/**
 * A Lambda environment value taken from the CDK context (`tryGetContext("k") ?? "d"`): which
 * value it is depends on the cdk.json of the app that defines the function, so it is looked
 * up from that file when code reads the variable. `fallback`: the default written in the CDK code.
 */
export function cdkContextLink(key: string, fallback?: string): string {
  return `${CONTEXT_LINK}${key}${fallback === undefined ? '' : `\u0001${fallback}`}`;
}

/** What a CDK context link stands for, seen from the file that defines the function. */
function followContextLink(d: EnvDefinition, lookup: (file: string) => EnvLookup): EnvDefinition & { through: string } {
  const [key = '', fallback] = d.value.slice(CONTEXT_LINK.length).split('\u0001');
  const context = lookup(d.file)(cdkContextName(key));
  if (context.state === 'set') return { ...d, value: context.value, through: `CDK context ${key} in ${context.where.file}:${context.where.line}` };
  if (context.state === 'conflict') return { ...d, value: HOLE, through: `CDK context ${key}, which has different values in the workspace` };
  if (fallback !== undefined) return { ...d, value: fallback, through: `CDK context ${key}, which no cdk.json of the app sets, so the default in code` };
  return { ...d, value: HOLE, through: `CDK context ${key}, which no cdk.json of the app sets` };
}

// ---- AWS CDK construct props -------------------------------------------------------------

/** A construct class of the CDK app: its module (see moduleKeyOf) and its name, `lib/constructs/api#Api`. */
export function cdkClassKey(module: string, name: string): string {
  return `${module}#${name}`;
}

/** The lookup name of what a construction of `cls` passes as `key` in its props (`new Api(this, "Api", { key: value })`). */
export function cdkPropName(cls: string, key: string): string {
  return `cdk-prop:${cls}.${key}`;
}

/** The lookup name of the keys each construction of `cls` passes, comma-separated (`*` when they are not all written out). */
export function cdkPropSitesName(cls: string): string {
  return `cdk-prop-sites:${cls}`;
}

const PROP_LINK = '\u0001cdk-prop\u0001';

/**
 * A value taken from the props of the construct it is written in (`props.key`): what its
 * constructions pass. `fallback`: the default written beside it (`props.key ?? "us-east-1"`),
 * which a construction that leaves the key out gets.
 */
export function cdkPropLink(cls: string, key: string, fallback?: string): string {
  return `${PROP_LINK}${cls}\u0001${key}${fallback === undefined ? '' : `\u0001${fallback}`}`;
}

/**
 * What a link in a CDK value stands for: the context's value (cdk.json), or the value every
 * construction of the construct passes for that prop; a value passed on from the props of the
 * construct that makes this one is followed by the same lookup, up to the app. Constructions
 * that disagree, leave the prop out (with no default beside it), or pass props not written out
 * leave it unknown, and say so. `following`: the props being followed, so a construct that
 * makes itself cannot loop.
 */
function followCdkLink(d: EnvDefinition, lookup: (file: string) => EnvLookup, following: Set<string>): EnvDefinition & { through: string } {
  if (d.value.startsWith(CONTEXT_LINK)) return followContextLink(d, lookup);
  const [cls = '', key = '', fallback] = d.value.slice(PROP_LINK.length).split('\u0001');
  const className = cls.slice(cls.indexOf('#') + 1);
  const name = `props.${key} of ${className}`;
  const unknown = (why: string): EnvDefinition & { through: string } => ({ ...d, value: HOLE, through: `${name} (not known: ${why})` });
  const id = cdkPropName(cls, key);
  if (following.has(id)) return unknown(`${className} passes it on to itself`);
  const env = lookup(d.file);
  const sites = env(cdkPropSitesName(cls));
  const siteList = sites.state === 'set' ? [sites] : sites.state === 'conflict' ? sites.values : [];
  if (!siteList.length) return unknown(`no construction of ${className} is in the scanned CDK code`);
  const spread = siteList.find((x) => x.value === '*');
  if (spread) return unknown(`the construction at ${spread.where.file}:${spread.where.line} passes props not written out`);
  const without = siteList.find((x) => !x.value.split(',').includes(key));
  if (without && fallback === undefined) return unknown(`the construction at ${without.where.file}:${without.where.line} does not pass ${key}`);
  const omitted = `${name}, which the construction at ${without?.where.file}:${without?.where.line} leaves out, so the default in code`;
  // No construction passes it: each gets the default.
  if (without && siteList.every((x) => !x.value.split(',').includes(key))) return { ...d, value: fallback!, through: omitted };
  following.add(id);
  let passed: ReturnType<EnvLookup>;
  try {
    passed = env(id);
  } finally {
    following.delete(id);
  }
  if (passed.state === 'conflict') return unknown(`its constructions pass different values, at ${passed.values.map((x) => `${x.where.file}:${x.where.line}`).join(', ')}`);
  if (passed.state !== 'set') return unknown(`no construction of ${className} is in the scanned CDK code`);
  // Some pass it, some leave it to the default: one value only when the two agree.
  if (without && passed.value !== fallback) return unknown(`its constructions pass different values, at ${passed.where.file}:${passed.where.line} and (the default) ${without.where.file}:${without.where.line}`);
  const at = `${name} from ${passed.where.file}:${passed.where.line}`;
  if (passed.where.through) return { ...d, value: passed.value, through: `${at}, ${passed.where.through}` };
  return { ...d, value: passed.value, through: passed.value.includes(HOLE) ? `${at} (not known: computed there)` : at };
}

/** The env blocks of a compose file or GitHub workflow and the code each reaches; dotenv files a compose service loads. */
export function envScopesOf(root: CNode, file: string): { scopes: Map<CNode, EnvScope>; envFiles: EnvFileUse[] } {
  const scopes = new Map<CNode, EnvScope>();
  const envFiles: EnvFileUse[] = [];
  if (root.k !== 'map') return { scopes, envFiles };
  const at = file.indexOf('.github/workflows/');
  const jobs = entryOf(root, 'jobs');
  if ((at === 0 || file[at - 1] === '/') && jobs?.k === 'map') {
    workflowScopes(root, jobs, at > 0 ? file.slice(0, at - 1) : '', scopes);
    return { scopes, envFiles };
  }
  const services = entryOf(root, 'services');
  if (services?.k !== 'map') return { scopes, envFiles };
  for (const { key, value: service } of services.entries) {
    if (service.k !== 'map') continue;
    const build = entryOf(service, 'build');
    const context = build?.k === 'scalar' ? build.v : build?.k === 'map' ? scalarEntry(build.entries, 'context')?.v : undefined;
    // A service that only runs an image is tied to no code here.
    const dir = typeof context === 'string' ? joinPath(dirOf(file), context) : null;
    if (dir === null) continue;
    const by = `compose service ${key}`;
    const env = entryOf(service, 'environment');
    if (env) scopes.set(env, { kind: 'folder', dir, by });
    const envFile = entryOf(service, 'env_file');
    const paths = envFile?.k === 'scalar' ? [envFile] : envFile?.k === 'seq' ? envFile.items : [];
    for (const p of paths) {
      const path = p.k === 'scalar' ? p.v : p.k === 'map' ? scalarEntry(p.entries, 'path')?.v : undefined;
      const loaded = typeof path === 'string' ? joinPath(dirOf(file), path) : null;
      if (loaded !== null) envFiles.push({ file: loaded, dir, by });
    }
  }
  return { scopes, envFiles };
}

/** `env:` at the workflow, job and step levels reaches the working directory there (the repository root by default). */
function workflowScopes(root: Extract<CNode, { k: 'map' }>, jobs: Extract<CNode, { k: 'map' }>, repo: string, scopes: Map<CNode, EnvScope>): void {
  // undefined: not set here, so inherited; null: set to something that cannot be followed (an expression).
  const workingDir = (node: CNode, key: 'defaults' | 'step'): string | null | undefined => {
    const wd = key === 'step' ? entryOf(node, 'working-directory') : entryOf(entryOf(entryOf(node, 'defaults'), 'run'), 'working-directory');
    if (!wd) return undefined;
    return wd.k === 'scalar' && typeof wd.v === 'string' ? joinPath(repo, wd.v) : null;
  };
  const tie = (env: CNode | undefined, dir: string | null, by: string): void => {
    if (env && dir !== null) scopes.set(env, { kind: 'folder', dir, by });
  };
  const top = workingDir(root, 'defaults');
  const rootDir = top === undefined ? repo : top;
  tie(entryOf(root, 'env'), rootDir, 'workflow');
  for (const { key, value: job } of jobs.entries) {
    if (job.k !== 'map') continue;
    const own = workingDir(job, 'defaults');
    const jobDir = own === undefined ? rootDir : own;
    tie(entryOf(job, 'env'), jobDir, `workflow job ${key}`);
    const steps = entryOf(job, 'steps');
    for (const step of steps?.k === 'seq' ? steps.items : []) {
      const stepOwn = workingDir(step, 'step');
      tie(entryOf(step, 'env'), stepOwn === undefined ? jobDir : stepOwn, `workflow job ${key}`);
    }
  }
}
