// Model clients built from a config file the code names: AutoGen's
// `ChatCompletionClient.load_component(config)` where `config` was read from
// `model_config.yaml`, GraphRAG's search tools' `from_settings(root_dir, config_filepath)`.
// The file publishes its text under its path (component-config.ts); here the code's call
// finds it and reports the clients it builds at the call, as the file says, naming the file.
//
// Which file: a relative path is opened from the working directory, which a scan cannot see.
// Scripts and samples are run from their own folder (AutoGen's samples say so), else from a
// folder above, so the nearest of the code's folder and its ancestors that holds the file
// wins; a path built on `__file__` is the code's own folder. A template beside a missing
// file (`model_config_template.yaml`, `settings.example.yaml`) documents the values a person
// copies into it, as `.env.example` documents `.env`: used, and said so, only where the file is missing.

import type { ConfigFileLoader } from '../catalog/types';
import type { Endpoint } from '../model';
import type { Call, Span, Value } from '../scan/ir';
import type { CatalogIndex } from './catalog-index';
import { CONFIG_TOO_LARGE, configFileName, loadedConfigClients } from './component-config';
import { dirOf, joinPath } from '../env-scope';
import { evaluate, findAssignment, isKnown, type EnvLookup, type EnvWhere, type EvalContext } from './values';

/** Calls that return a config read from a file they are handed (a stream or its text). */
const READERS = new Set(['yaml.safe_load', 'yaml.load', 'yaml.full_load', 'yaml.unsafe_load', 'json.load', 'json.loads']);
/** Calls that open or read the file at their first argument. */
const OPENERS = new Set(['open', 'io.open', 'codecs.open', 'builtins.open', 'Path', 'pathlib.Path', 'PurePath', 'pathlib.PurePath']);
/** Methods that read the file of the object they are called on (`Path(p).read_text()`). */
const READ_METHODS = new Set(['read', 'read_text', 'read_bytes', 'open']);

export interface LoaderSite {
  file: string;
  index: CatalogIndex;
  ctx: EvalContext;
  /** The workspace's values, read without citing them (the file's text is no env value). */
  workspace: EnvLookup;
  span: Span;
  label: string;
}

/** A file as the code names it: relative to the working directory, or to the code's own folder (`__file__`). */
interface NamedFile {
  /** Paths relative to the folder searched (`model_config.yaml`; GraphRAG's root_dir with each default name). */
  paths: string[];
  fromCode: boolean;
}

/** The endpoints of a loader call: the clients of the file it reads, or one whose provider is not known, with why. */
export function configFileEndpoints(call: Call, loader: ConfigFileLoader, site: LoaderSite, unknown: (via: string, why: string) => Endpoint): Endpoint[] {
  const named = namedFile(call, loader, site.ctx);
  const whyNot = (why: string): Endpoint[] => (loader.buildsModelClient ? [unknown(`${site.label}: config file not read`, why)] : []);
  if ('why' in named) return whyNot(named.why);
  const shown = named.paths.join(' or ');
  const found = lookUp(named, site);
  if (found === 'unseen') return whyNot(`${shown} is read where the code runs, and this analysis does not see the workspace's other files`);
  if (!found) return whyNot(`${shown} is not in the workspace (looked for ${named.fromCode ? 'beside this file' : 'in this file\'s folder and the folders above it, where it may be run from'}), so which model client it configures is not known`);
  const out: Endpoint[] = [];
  for (const { path, value, where } of found) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const documented = where.file !== path;
    const from = documented
      ? `${base} is not in the workspace; ${where.file}:${where.line}, the template it is copied from, documents its values (as .env.example does)`
      : `${where.file}:${where.line}`;
    if (value === CONFIG_TOO_LARGE) {
      if (loader.buildsModelClient) out.push(unknown(`${site.label}: ${from}`, `${where.file} is too large to be read for the code that loads it, so which model client it configures is not known here`));
      continue;
    }
    const clients = loadedConfigClients(site.file, site.index, where.file, value, site.ctx.env, loader.models);
    if (!clients.length && loader.buildsModelClient) {
      const what = loader.models ? `no ${loader.models.join(' or ')} of a type the catalog knows` : 'no model client the catalog knows';
      out.push(unknown(`${site.label}: ${from}`, `${where.file} names ${what}, so where its requests go is not known`));
    }
    for (const e of clients) {
      // The config's own line is reported in the config; here the use is the call, and a fix belongs in the file.
      delete e.euFix;
      out.push({ ...e, range: { start: site.span.s, end: site.span.e }, via: `${site.label}: ${from}: ${e.via}` });
    }
  }
  return out;
}

/** The file a loader call reads, from its arguments. */
function namedFile(call: Call, loader: ConfigFileLoader, ctx: EvalContext): NamedFile | { why: string } {
  const arg = (spec: { name: string; index: number } | undefined): Value | undefined =>
    spec && (call.args.find((a) => a.name === spec.name) ?? call.args.filter((a) => !a.name)[spec.index])?.value;
  if (loader.config) {
    const config = arg(loader.config);
    if (!config) return { why: 'no config is passed' };
    return readFrom(config, ctx);
  }
  const path = arg(loader.path);
  if (path && !(path.k === 'lit' && path.v === null)) return pathOf(path, ctx);
  // No file named: the tool looks for its default names in the root folder.
  const root = arg(loader.root);
  const files = loader.root?.files ?? [];
  if (!root) return { why: 'no settings file or root folder is passed' };
  const dir = pathOf(root, ctx);
  if ('why' in dir) return dir;
  return { paths: files.map((f) => joinPath(dir.paths[0]!, f) ?? f), fromCode: dir.fromCode };
}

/** `yaml.safe_load(f)` with `f` from `with open("x.yaml") as f:`, `json.load(open(...))`, `yaml.safe_load(Path(...).read_text())`. */
function readFrom(value: Value, ctx: EvalContext, depth = 0): NamedFile | { why: string } {
  const written = (v: Value): string => (v.k === 'ref' ? v.path : v.k === 'call' ? `${v.call.callee}(...)` : 'an expression');
  let v: Value | undefined = value;
  if (v.k === 'ref' && !v.path.includes('.')) {
    const assigned = findAssignment(v.path, v.s, ctx);
    if (typeof assigned === 'string') return { why: `the config \`${v.path}\` is ${assigned}, not read from a YAML or JSON file this code names` };
    v = assigned ? ctx.parser.valueOf(assigned) : undefined;
  }
  if (v?.k !== 'call' || depth > 2) return { why: `the config comes from \`${written(value)}\`, not from a YAML or JSON file this code reads by name` };
  const callee = ctx.parser.qualify(v.call.callee);
  if (!READERS.has(callee)) return { why: `the config comes from \`${written(v)}\`, not from a YAML or JSON file this code reads by name` };
  const source = v.call.args.find((a) => !a.name)?.value;
  return source ? fileOf(source, ctx, depth) : { why: `\`${v.call.callee}()\` reads no file here` };
}

/** The file a stream or a read is of: `open(p)`, `Path(p).read_text()`, a name bound by `with open(p) as f`. */
function fileOf(value: Value, ctx: EvalContext, depth: number): NamedFile | { why: string } {
  if (value.k === 'ref' && !value.path.includes('.')) {
    const opened = withTarget(value.path, value.s, ctx);
    if (opened) return fileOf(opened, ctx, depth + 1);
    const assigned = findAssignment(value.path, value.s, ctx);
    if (assigned && typeof assigned !== 'string' && depth < 3) return fileOf(ctx.parser.valueOf(assigned), ctx, depth + 1);
  }
  if (value.k === 'call') {
    const { call } = value;
    const callee = ctx.parser.qualify(call.callee);
    // `open(p).read()`: the method is chained on the opening call.
    if (OPENERS.has(callee)) {
      const p = call.args.find((a) => !a.name || a.name === 'file')?.value;
      if (p) return pathOf(p, ctx);
    }
    const method = call.callee.slice(call.callee.lastIndexOf('.') + 1);
    if (call.receiver && READ_METHODS.has(method)) return fileOf({ k: 'call', call: call.receiver, s: call.receiver.s, e: call.receiver.e }, ctx, depth + 1);
  }
  return { why: 'the file it is read from is not named in this code' };
}

/** Python: the expression a name is bound to by `with EXPR as name:` before `at`. */
function withTarget(name: string, at: number, ctx: EvalContext): Value | undefined {
  const { tokens } = ctx.parser;
  let found: Value | undefined;
  for (let i = 1; i + 1 < tokens.length && tokens[i]!.s < at; i++) {
    if (tokens[i]!.v !== 'as' || tokens[i + 1]!.v !== name || tokens[i + 1]!.t !== 'id') continue;
    // Back to the `with` (or the `,` between two items) that opens this item.
    let j = i - 1;
    let nesting = 0;
    for (; j >= 0 && tokens[j]!.t !== 'nl'; j--) {
      const v = tokens[j]!.v;
      if (v === ')' || v === ']') nesting++;
      else if (v === '(' || v === '[') nesting--;
      if (nesting === 0 && (v === 'with' || v === ',')) break;
    }
    if (j < 0 || (tokens[j]!.v !== 'with' && tokens[j]!.v !== ',')) continue;
    found = ctx.parser.parseRange(j + 1, i);
  }
  return found;
}

/** A path as written: a string (or a constant), `Path("...")`, or `os.path.join(os.path.dirname(__file__), "...")`. */
function pathOf(value: Value, ctx: EvalContext): NamedFile | { why: string } {
  if (value.k === 'call') {
    const callee = ctx.parser.qualify(value.call.callee);
    const args = value.call.args.filter((a) => !a.name).map((a) => a.value);
    if (OPENERS.has(callee) && callee !== 'open' && args.length === 1) return pathOf(args[0]!, ctx);
    if ((callee === 'os.path.join' || callee === 'path.join') && args.length >= 2 && isCodeFolder(args[0]!, ctx)) {
      const parts = args.slice(1).map((a) => evaluate(a, ctx));
      if (parts.every(isKnown)) return { paths: [parts.map((p) => p.text).join('/')], fromCode: true };
    }
  }
  const r = evaluate(value, ctx);
  if (!isKnown(r) || r.text.trim() === '') return { why: `the file's path ${r.why ?? 'is computed at run time'}` };
  if (joinPath('', r.text) === null) return { why: `the file's path ${r.text} is absolute, outside the workspace` };
  return { paths: [r.text], fromCode: false };
}

/** `os.path.dirname(__file__)`, also of its absolute or real path: the code's own folder. */
function isCodeFolder(value: Value, ctx: EvalContext): boolean {
  if (value.k !== 'call' || !/(?:^|\.)dirname$/.test(ctx.parser.qualify(value.call.callee))) return false;
  const inner = value.call.args[0]?.value;
  if (inner?.k === 'ref') return inner.path === '__file__';
  return inner?.k === 'call' && /(?:abspath|realpath)$/.test(inner.call.callee) && inner.call.args[0]?.value.k === 'ref' && (inner.call.args[0].value as { path: string }).path === '__file__';
}

/**
 * The published files for a named file: from the code's folder up (or only there), the
 * nearest folder that has it; the real file before a template that documents it.
 */
function lookUp(named: NamedFile, site: LoaderSite): { path: string; value: string; where: EnvWhere }[] | 'unseen' | undefined {
  const dirs: string[] = [];
  for (let dir = dirOf(site.file); ; dir = dirOf(dir)) {
    dirs.push(dir);
    if (dir === '' || named.fromCode) break;
  }
  for (const dir of dirs) {
    for (const rel of named.paths) {
      const path = joinPath(dir, rel);
      if (path === null) continue;
      const v = site.workspace(configFileName(path));
      if (v.state === 'unseen') return 'unseen';
      const values = v.state === 'set' ? [{ value: v.value, where: v.where }] : v.state === 'conflict' ? v.values : [];
      if (!values.length) continue;
      const real = values.filter((x) => x.where.file === path);
      return (real.length ? real : values).map((x) => ({ path, ...x }));
    }
  }
  return undefined;
}
