// Constants imported from another module of the workspace: `import { BASE_URL } from
// "@/app/constant"` (JS/TS, through the tsconfig/jsconfig `paths`), `from pkg.settings
// import BASE_URL` (Python). A module publishes its constants as workspace values under
// names keyed by the module (as Terraform defaults and Bicep parameters travel between
// files), and the importing file looks them up through the same env lookup, so the CLI's
// passes and the editor's index carry them, and re-analyse importers when they change.

import { dirOf, joinPath } from '../env-scope';
import type { CodeLanguage } from '../catalog/types';
import { entryOf, type ConfigTree } from '../scan/config/tree';
import type { CodeParser, CodeStructure } from '../scan/parse';
import type { ImportMap } from '../scan/imports';
import type { Token } from '../scan/tokens';
import type { Assignment, Value } from '../scan/ir';
import { instanceOf, modelClasses, nestedModel } from './settings';
import { evaluate, isKnown, UNSEEN_ENV, type EnvLookup, type EnvWhere, type EvalContext } from './values';

/** The lookup name of constant `name` exported by `module` (a path without its extension). */
export function exportName(module: string, name: string): string {
  return `export:${module}:${name}`;
}

const DISPATCH = '\u0001dispatch\u0001';

/** The lookup name of the branches of a Python factory (`get_llm`, `Memory`, `Provider.from_provider`) a module publishes (dispatch.ts). */
export function dispatchName(module: string, name: string): string {
  return exportName(module, DISPATCH + name);
}

/** The lookup name of a tsconfig/jsconfig file's module resolution settings. */
export function compilerConfigName(file: string): string {
  return `tsconfig:${file}`;
}

/** Whether a file is a TypeScript or JavaScript project file (`tsconfig.json`, `tsconfig.base.json`, `jsconfig.json`). */
export function isCompilerConfig(file: string): boolean {
  return /^[tj]sconfig(?:\.[\w-]+)?\.json$/i.test(file.slice(file.lastIndexOf('/') + 1));
}

/**
 * The names code may write for the constants modules publish whose values `matters` picks
 * (`OPENAI_BASE_URL` of `export:app/constant:OPENAI_BASE_URL`), with the names re-exports
 * give them (`export { OPENAI_BASE_URL as PRIMARY } from`).
 */
export function exportedNames(definitions: { name: string; value: string }[], matters: (value: string) => boolean): string[] {
  const names = new Set<string>();
  const links: [string, string, string][] = [];
  // A default export is imported under any name (`import url from "./def"`): the importing code writes its module's name.
  const add = (module: string, name: string): void => {
    names.add(name);
    if (name === 'default' && module) names.add(module.slice(module.lastIndexOf('/') + 1));
  };
  for (const d of definitions) {
    if (!d.name.startsWith('export:')) continue;
    const module = d.name.slice('export:'.length, d.name.lastIndexOf(':'));
    let name = d.name.slice(d.name.lastIndexOf(':') + 1);
    // A factory's branches: code that calls it writes its last name (`from_provider`).
    if (name.startsWith(DISPATCH)) name = name.slice(name.lastIndexOf('.') + 1).replace(DISPATCH, '');
    // The engine's own names (STAR_NAMES, `defines`): nothing importing code writes.
    else if (name.startsWith('\u0001')) continue;
    if (d.value.startsWith(LINK)) links.push([module, name, d.value.slice(d.value.lastIndexOf('\n') + 1)]);
    else if (matters(d.value)) add(module, name);
  }
  for (const [module, name, original] of links) if (names.has(original) && !name.startsWith('*')) add(module, name);
  // An exact tsconfig alias (`"@upstream": ["src/lib/host.ts"]`) is all the importing code may write of a default export's module.
  if (names.has('default')) for (const d of definitions) if (d.name.startsWith(compilerConfigName(''))) for (const alias of exactAliases(d.value)) names.add(alias);
  // No importing code need write `default`, which most component files do (`export default function`).
  names.delete('default');
  return [...names].sort();
}

/** The `paths` keys of a published tsconfig (compilerConfig) that name one module, not a pattern. */
function exactAliases(published: string): string[] {
  return Object.keys(parseSettings(published)?.paths ?? {}).filter((k) => k && !k.includes('*'));
}

/**
 * Spellings of an import of the project's own modules (`from "./`, `from "@/` and other
 * aliases, Python's `from `): code with one may use a constant another module exports, so an index keeps it.
 */
export const PROJECT_IMPORT_ANCHORS = [
  ...['./', '../', '@', '~/', '#'].flatMap((p) => [`from "${p}`, `from '${p}`, `require("${p}`, `require('${p}`]),
  'from ',
];

/** The lookup name of the names a Python module's `__all__` lists: those `from m import *` binds. */
function starNamesName(module: string): string {
  return exportName(module, STAR_NAMES);
}

/**
 * A Python module's `__all__`, when it sets one: the names as a JSON list when it is a literal
 * list (or tuple) of strings set once, else a value no name is in (which names `import *`
 * binds is not known).
 */
function publishStarNames(module: string, parser: CodeParser, structure: CodeStructure, out: ExportedValue[]): void {
  const list = structure.assignments.get('__all__');
  if (!list?.length) return;
  // Named anywhere but its one assignment (`__all__.remove(...)`, `del __all__[0]`): changed in place.
  let named = 0;
  for (const t of parser.tokens) if (t.v === '__all__' && t.t === 'id') named++;
  const value = list.length === 1 && named === 1 && !list[0]!.compound && parser.atTopLevel(list[0]!) ? parser.valueOf(list[0]!) : undefined;
  const items = value?.k === 'arr' ? value.items : value ? parser.pythonTupleItems(value) : undefined;
  const names = items?.every((v) => v.k === 'str') ? items.map((v) => v.v) : undefined;
  out.push({ name: starNamesName(module), value: names ? JSON.stringify(names) : UNKNOWN_STAR_NAMES, offset: list[0]!.s });
}

/** The export name under which a module publishes its `__all__` (no exported constant of its own). */
const STAR_NAMES = '\u0001all\u0001';

/** `__all__` set in a way the scan does not read. */
const UNKNOWN_STAR_NAMES = '\u0001unknown\u0001';

/** Whether `from module import *` binds `name` there: listed in `__all__` when the module sets one, else not a private name. */
function starImports(module: string, name: string, env: EnvLookup): boolean {
  const all = env(starNamesName(module));
  if (all.state === 'unset') return !name.startsWith('_');
  if (all.state !== 'set') return false;
  return starNames(all.value).has(name);
}

/**
 * The `__all__` lists read lately, as sets: asked at every use of a name `import *` may bind
 * (a list read per use made a file's reading quadratic), of each candidate module in turn.
 */
const starNamesRead = new Map<string, Set<string>>();

function starNames(value: string): Set<string> {
  const known = starNamesRead.get(value);
  if (known) return known;
  if (starNamesRead.size >= 16) starNamesRead.clear();
  let names = new Set<string>();
  try {
    const list: unknown = JSON.parse(value);
    if (Array.isArray(list)) names = new Set(list.filter((n): n is string => typeof n === 'string'));
  } catch {
    // UNKNOWN_STAR_NAMES: no name.
  }
  starNamesRead.set(value, names);
  return names;
}

/** A value that stands for another module's export (`export { X } from "./y"`), not a constant of its own. */
const LINK = '\u0001link\u0001';
/** A value that is a pydantic settings field (see publishSettings), read where the importing code runs. */
const SETTING = '\u0001setting\u0001';
/** At most this many `export * from` lines of one module are followed. */
const MAX_STARS = 8;
/** How many re-exports and `extends` are followed before giving up (also ends cycles). */
const MAX_HOPS = 4;
const MAX_VALUE_LENGTH = 2048;
const MAX_EXPORTS = 1000;

/** The module a file is: its path without the extension; a package's `index.ts` or `__init__.py` is its folder. */
export function moduleKeyOf(file: string): string {
  const bare = file.replace(/\.(?:[cm]?[jt]sx?|pyi?)$/, '');
  return /(?:^|\/)(?:index|__init__)$/.test(bare) ? dirOf(bare) : bare;
}

export interface ExportedValue {
  name: string;
  value: string;
  offset: number;
}

/**
 * The constants a code file exports, as workspace values: JS/TS `export const NAME = ...`
 * (and `export { NAME }`), re-exports (`export { X } from`, `export * from`) as links;
 * Python module-level names assigned once. Only values the file alone decides (no env
 * read, no import) are published, so they are the same in every pass; text with spaces
 * (a prompt, a message) is no endpoint setting and stays out.
 */
export function exportedConstants(file: string, lang: CodeLanguage, parser: CodeParser, structure: CodeStructure): ExportedValue[] {
  if (lang !== 'js' && lang !== 'python') return [];
  const module = moduleKeyOf(file);
  const out: ExportedValue[] = [];
  const ctx: EvalContext = { parser, assignments: structure.assignments, unstable: structure.unstable, env: UNSEEN_ENV };
  const publishValue = (value: Value, exported: string): void => {
    // A name set only further down is not set yet when the export is read (a hoisted `var` is undefined).
    if (readsLater(value, structure.assignments, parser)) return;
    const r = evaluate(value, ctx);
    // Endpoints, hosts, regions and model ids hold no spaces; prompts and messages do, and are left out.
    if (!isKnown(r) || r.env || r.imported || r.text.length > MAX_VALUE_LENGTH || /\s/.test(r.text)) return;
    out.push({ name: exportName(module, exported), value: r.text, offset: value.s });
  };
  /** `readAt`: where a snapshot of the value is exported (`export default X`), which must come after X is set. */
  const publish = (local: string, exported: string, readAt = Infinity): void => {
    const list = structure.assignments.get(local);
    if (list?.length !== 1 || list[0]!.compound || structure.unstable.has(local)) return;
    const a = list[0]!;
    if (parser.atTopLevel(a) && a.s < readAt) publishValue(parser.valueOf(a), exported);
  };
  if (lang === 'python') {
    // `from overrides import *` (Django's local settings) may replace any name after it is set.
    if (parser.tokens.some((t, i) => t.v === 'import' && parser.tokens[i + 1]?.v === '*')) return out;
    for (const name of structure.assignments.keys()) {
      if (/^[A-Za-z_]\w*$/.test(name) && out.length < MAX_EXPORTS) publish(name, name);
    }
    publishStarNames(module, parser, structure, out);
    publishSettings(module, parser, structure, ctx, out);
    return out;
  }
  publishCommonJs(parser, structure, (local, exported) => out.length < MAX_EXPORTS && publish(local, exported), (value, exported) => out.length < MAX_EXPORTS && publishValue(value, exported));
  const { tokens } = parser;
  let stars = 0;
  for (let i = 0; i < tokens.length && out.length < MAX_EXPORTS; i++) {
    if (tokens[i]!.v !== 'export' || tokens[i]!.t !== 'id' || !atStatementStart(tokens, i)) continue;
    const next = tokens[i + 1];
    if (next?.v === 'default' && tokens[i + 2] && tokens[i + 2]!.t !== 'nl') {
      // `export default BASE_URL` (a constant of the module) or `export default "https://..."`.
      const end = expressionEnd(parser, i + 2);
      const only = tokens[i + 2]!;
      if (end === i + 3 && only.t === 'id') publish(only.v, 'default', tokens[i]!.s);
      else publishValue(parser.parseRange(i + 2, end), 'default');
    } else if (next?.v === 'const' && tokens[i + 2]?.t === 'id') {
      publish(tokens[i + 2]!.v, tokens[i + 2]!.v);
    } else if (next?.v === '{') {
      const names: [string, string][] = [];
      let j = i + 2;
      for (; j < tokens.length && j < i + 1000 && tokens[j]!.v !== '}'; j++) {
        const t = tokens[j]!;
        if (t.t !== 'id' || t.v === 'type') continue;
        const renamed = tokens[j + 1]?.v === 'as' && tokens[j + 2]?.t === 'id';
        names.push([t.v, renamed ? tokens[j + 2]!.v : t.v]);
        if (renamed) j += 2;
      }
      const from = tokens[j + 1]?.v === 'from' && tokens[j + 2]?.t === 'str' ? tokens[j + 2]!.v : undefined;
      for (const [local, exported] of names) {
        if (from === undefined) publish(local, exported);
        else out.push({ name: exportName(module, exported), value: link(file, from, local), offset: tokens[i]!.s });
      }
    } else if (next?.v === '*' && tokens[i + 2]?.v === 'from' && tokens[i + 3]?.t === 'str' && stars < MAX_STARS) {
      out.push({ name: exportName(module, `*${stars++}`), value: link(file, tokens[i + 3]!.v, '*'), offset: tokens[i]!.s });
    }
  }
  return out;
}

/**
 * The fields of the pydantic settings and model classes a Python module defines, under
 * `Class.field` (and `Class.field.inner` through a nested model), and the same under a
 * module-level instance (`settings = Settings()` then `settings.field`): which env variables
 * set each, and its default. The importing file reads those variables where it runs.
 */
function publishSettings(module: string, parser: CodeParser, structure: CodeStructure, ctx: EvalContext, out: ExportedValue[]): void {
  const classes = modelClasses(parser, structure.assignments);
  if (!classes.size) return;
  const known = (v: Value | undefined): string | undefined => {
    const r = v && evaluate(v, ctx);
    return r && isKnown(r) && !r.env && !r.imported && r.text.length <= MAX_VALUE_LENGTH && !/\s/.test(r.text) ? r.text : undefined;
  };
  const fields: [string, Setting, number][] = [];
  for (const [name, cls] of classes) {
    for (const [fieldName, field] of cls.fields) {
      const value = known(field.default);
      if (field.env.length || value !== undefined) fields.push([`${name}.${fieldName}`, { env: field.env, ...(value !== undefined ? { value } : {}) }, field.at]);
      const inner = cls.nestedFromEnv ? undefined : nestedModel(classes, field);
      for (const [innerName, innerField] of inner?.fields ?? []) {
        const innerValue = known(innerField.default);
        if (innerField.env.length || innerValue !== undefined) {
          fields.push([`${name}.${fieldName}.${innerName}`, { env: innerField.env, ...(innerValue !== undefined ? { value: innerValue } : {}), unless: field.env }, innerField.at]);
        }
      }
    }
  }
  const instances = [...structure.assignments].flatMap(([name, list]) => {
    if (list.length !== 1 || list[0]!.compound || !parser.atTopLevel(list[0]!)) return [];
    const made = instanceOf(parser.valueOf(list[0]!));
    return made && classes.has(made.cls) && made.passed.size === 0 ? [[name, made.cls] as const] : [];
  });
  for (const [path, setting, offset] of fields) {
    const publishAs = [path, ...instances.filter(([, cls]) => path.startsWith(`${cls}.`)).map(([name, cls]) => name + path.slice(cls.length))];
    for (const name of publishAs) if (out.length < MAX_EXPORTS) out.push({ name: exportName(module, name), value: SETTING + JSON.stringify(setting), offset });
  }
}

/** A published settings field: the env variables that set it, its default, and the variables that, set, replace its whole parent model. */
interface Setting {
  env: string[];
  value?: string;
  unless?: string[];
}

/** The value a settings field has where the importing code runs: its env variable, else its default. */
function settingValue(published: string, where: EnvWhere, lookupName: string, name: string, env: EnvLookup): ImportedConstant | undefined {
  let setting: Setting;
  try {
    setting = JSON.parse(published.slice(SETTING.length)) as Setting;
  } catch {
    return undefined;
  }
  const isSet = (n: string): boolean => { const s = env(n).state; return s === 'set' || s === 'conflict'; };
  if (setting.unless?.some(isSet)) return undefined;
  const from = setting.env.find(isSet);
  if (from) {
    const v = env(from);
    return v.state === 'set' ? { value: v.value, where: v.where, lookupName: from, name: from } : undefined;
  }
  return setting.value !== undefined ? { value: setting.value, where, lookupName, name } : undefined;
}

/**
 * CommonJS exports: `module.exports = { BASE_URL: "...", MODEL }`, `exports.BASE_URL = ...`
 * and `module.exports.BASE_URL = ...`, each set once at the top level of the module.
 */
function publishCommonJs(parser: CodeParser, structure: CodeStructure, publish: (local: string, exported: string) => unknown, publishValue: (value: Value, exported: string) => unknown): void {
  // The exports object handed to code (`Object.assign(module.exports, ...)`) or written by a computed key: any export may change.
  if (exportsEscape(parser.tokens)) return;
  const whole = structure.assignments.get('module.exports');
  for (const [name, list] of structure.assignments) {
    // (`exports.X` no longer reaches the module's exports once `module.exports` is replaced, nor
    // does `module.exports.X` set before it is.)
    const m = /^(module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(name);
    // (`default` is no default export: an ES import of CommonJS gets the whole exports object.)
    if (m && m[2] !== 'default' && (!whole || (m[1] && whole.every((w) => w.s < list[0]!.s)))) publish(name, m[2]!);
  }
  if (whole?.length !== 1 || whole[0]!.compound || !parser.atTopLevel(whole[0]!)) return;
  const value = parser.valueOf(whole[0]!);
  if (value.k !== 'obj') return;
  // A spread (`...base`) may replace any key written before it.
  const last = value.entries.map((e) => e.key).lastIndexOf('...');
  for (const entry of value.entries.slice(last + 1)) {
    // `module.exports.X = ...` elsewhere (in a function that runs later) replaces the key.
    if (/^[A-Za-z_$][\w$]*$/.test(entry.key) && entry.key !== 'default' && !structure.assignments.has(`module.exports.${entry.key}`)) publishValue(entry.value, entry.key);
  }
}

/** Whether the module's exports object is passed to a call (`Object.assign(exports, ...)`) or indexed (`exports[k] =`). */
function exportsEscape(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.v !== 'exports' || t.t !== 'id') continue;
    const whole = tokens[i - 1]?.v === '.' && tokens[i - 2]?.v === 'module';
    if (tokens[i - 1]?.v === '.' && !whole) continue;
    const before = tokens[whole ? i - 3 : i - 1];
    if (tokens[i + 1]?.v === '[' || before?.v === '(' || before?.v === ',') return true;
  }
  return false;
}

/** Whether `value` reads a name the module sets (at its top level) only after the value: not set yet when it is read. */
function readsLater(value: Value, assignments: Map<string, Assignment[]>, parser: CodeParser, depth = 0): boolean {
  if (depth > 16) return true;
  const later = (v: Value): boolean => readsLater(v, assignments, parser, depth + 1);
  switch (value.k) {
    case 'ref': {
      const dot = value.path.indexOf('.');
      const list = assignments.get(dot < 0 ? value.path : value.path.slice(0, dot));
      return !!list?.some((a) => a.s > value.s && parser.atTopLevel(a));
    }
    case 'tmpl': return value.parts.some(later);
    case 'alt': return value.options.some(later);
    case 'arr': return value.items.some(later);
    case 'obj': return value.entries.some((e) => later(e.value));
    case 'index': return later(value.target) || later(value.index);
    case 'call': return value.call.args.some((a) => later(a.value));
    default: return false;
  }
}

/** The token index where the expression starting at `i` ends: the end of its line or `;`, past brackets. */
function expressionEnd(parser: CodeParser, i: number): number {
  const { tokens } = parser;
  let j = i;
  for (; j < tokens.length && tokens[j]!.t !== 'nl' && tokens[j]!.v !== ';'; j++) {
    if (tokens[j]!.v === '(' || tokens[j]!.v === '[' || tokens[j]!.v === '{') j = Math.max(j, parser.closeOf(j));
  }
  return j;
}

function atStatementStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.t === 'nl' || (prev.t === 'p' && (prev.v === ';' || prev.v === '}'));
}

function link(file: string, spec: string, name: string): string {
  return `${LINK}${file}\n${spec}\n${name}`;
}

/**
 * A tsconfig/jsconfig file's module resolution settings (`compilerOptions.baseUrl` and
 * `paths`, and the file it `extends`), published for the code under it.
 */
export function compilerConfig(file: string, tree: ConfigTree): ExportedValue[] {
  const root = tree.roots[0];
  if (root?.k !== 'map') return [];
  const options = entryOf(root, 'compilerOptions');
  const baseUrl = entryOf(options, 'baseUrl');
  const paths = entryOf(options, 'paths');
  const ext = entryOf(root, 'extends');
  const settings: CompilerSettings = {};
  if (baseUrl?.k === 'scalar' && typeof baseUrl.v === 'string') settings.baseUrl = baseUrl.v;
  if (paths?.k === 'map') {
    settings.paths = {};
    for (const { key, value } of paths.entries) {
      const targets = value.k === 'seq' ? value.items.flatMap((t) => (t.k === 'scalar' && typeof t.v === 'string' ? [t.v] : [])) : [];
      settings.paths[key] = targets;
    }
  }
  if (ext?.k === 'scalar' && typeof ext.v === 'string') settings.extends = ext.v;
  return [{ name: compilerConfigName(file), value: JSON.stringify(settings), offset: root.s }];
}

interface CompilerSettings {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  extends?: string;
}

/** A constant found in another module: its value, where it is set, and how the import names it. */
export interface ImportedConstant {
  value: string;
  where: EnvWhere;
  /** The name the value is published under (for the endpoint's provenance). */
  lookupName: string;
  /** `OPENAI_BASE_URL`, as the defining module names it. */
  name: string;
}

/**
 * The value of an imported name (`path` as the code writes it: `BASE_URL`, `constants.BASE_URL`)
 * when a module of the workspace exports it as a constant; undefined otherwise (not
 * imported from the project, module not in the workspace, not a constant there).
 */
export function importedConstant(file: string, lang: CodeLanguage, imports: ImportMap, path: string, env: EnvLookup): ImportedConstant | undefined {
  if (lang !== 'js' && lang !== 'python') return undefined;
  const dot = path.indexOf('.');
  const head = dot < 0 ? path : path.slice(0, dot);
  const qualified = imports.get(head);
  if (!qualified) return dot < 0 && lang === 'python' ? starImported(file, imports, path, env) : undefined;
  // Python: an `import *` after the name's own import binds it again when its module exports the name.
  if (dot < 0 && lang === 'python' && imports.stars.length > (imports.starsBefore.get(head) ?? imports.stars.length)) return starImported(file, imports, path, env);
  // Python: a relative import (`from .config import X`) names one module of the file's own package.
  const dots = lang === 'python' ? imports.relative.get(head) ?? 0 : 0;
  const relative = (s: string): string => (dots ? '.'.repeat(dots) + s.replace(/^\.+/, '') : s);
  let spec: string;
  let name: string;
  const fromDefault = dot < 0 ? imports.defaults.get(head) : undefined;
  const required = dot < 0 ? undefined : imports.required.get(head);
  if (fromDefault !== undefined) {
    // `import url from "./def"`: the module's default export, whatever the local name.
    [spec, name] = [fromDefault, 'default'];
  } else if (required !== undefined) {
    // `const cfg = require("./cjs")`, then `cfg.BASE_URL`: one of the module's exports.
    name = path.slice(dot + 1);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
    spec = required;
  } else if (dot < 0) {
    // A named import: the module, then the name it exports.
    const m = /^(.+)\.([A-Za-z_$][\w$]*)$/.exec(qualified);
    if (!m) return undefined;
    [spec, name] = [m[1]!, m[2]!];
  } else {
    // A default import's member is the default export's (`import ts from "./settings"`; the map holds `./settings.ts`).
    if (imports.defaults.has(head)) return undefined;
    // A module imported whole (`import * as c`, Python `import pkg.settings as c`), then one of its names.
    name = path.slice(dot + 1);
    // Python: or a class or instance imported by name, then its field (`Settings.region`, `settings.region`).
    const owner = lang === 'python' ? /^(.+)\.([A-Za-z_]\w*)$/.exec(qualified) : null;
    const field = owner && /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(name) ? lookupExport(file, lang, relative(owner[1]!), `${owner[2]!}.${name}`, env, 0, new Set()) : undefined;
    if (field) return field;
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
    spec = qualified;
  }
  return lookupExport(file, lang, relative(spec), name, env, 0, new Set());
}

/**
 * A name a Python file does not bind itself, from its `from m import *`: the last such import
 * decides (a later one may rebind the name, whether or not the workspace holds its module).
 */
function starImported(file: string, imports: ImportMap, name: string, env: EnvLookup): ImportedConstant | undefined {
  const { stars } = imports;
  const spec = stars[stars.length - 1];
  // An `import *` under `if`/`try` (or `if TYPE_CHECKING:`) may not have run: the name may be another's, or unbound.
  if (spec === undefined || imports.conditionalStars.has(stars.length - 1)) return undefined;
  return lookupExport(file, 'python', spec, name, env, 0, new Set(), true);
}

function lookupExport(file: string, lang: CodeLanguage, spec: string, name: string, env: EnvLookup, hops: number, seen: Set<string>, star = false): ImportedConstant | undefined {
  if (hops > MAX_HOPS) return undefined;
  let candidates = moduleCandidates(file, lang, spec, env);
  if (star) {
    // Which module the import finds is decided before its `__all__` is: a candidate that defines the name but hides it hides it.
    const defining = candidates.filter((m) => env(exportName(m, name)).state === 'set');
    if (defining.some((m) => !starImports(m, name, env))) return undefined;
    candidates = defining;
  }
  // Python finds the package by searching up from the file (the import map drops relative
  // dots): when two candidate modules export the name, which one is imported is not known.
  if (lang === 'python' && candidates.filter((m) => env(exportName(m, name)).state === 'set').length > 1) return undefined;
  for (const module of candidates) {
    const direct = exportName(module, name);
    const found = follow(direct, name, lang, env, hops, seen);
    if (found) return found;
    // (`export * from` re-exports every name but the default.)
    if (lang !== 'js' || name === 'default') continue;
    for (let i = 0; i < MAX_STARS; i++) {
      const star = env(exportName(module, `*${i}`));
      if (star.state !== 'set') break;
      const hit = viaLink(star.value, name, lang, env, hops, seen);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The published value under `lookupName`, following a re-export to the module it names. */
function follow(lookupName: string, name: string, lang: CodeLanguage, env: EnvLookup, hops: number, seen: Set<string>): ImportedConstant | undefined {
  if (seen.has(lookupName)) return undefined;
  seen.add(lookupName);
  const v = env(lookupName);
  // Unset (not a module of the workspace), unseen (one file checked alone) or set to several values: not known.
  if (v.state !== 'set') return undefined;
  if (v.value.startsWith(LINK)) return viaLink(v.value, name, lang, env, hops, seen);
  if (v.value.startsWith(SETTING)) return settingValue(v.value, v.where, lookupName, name, env);
  return { value: v.value, where: v.where, lookupName, name };
}

function viaLink(value: string, name: string, lang: CodeLanguage, env: EnvLookup, hops: number, seen: Set<string>): ImportedConstant | undefined {
  const [from, spec, original] = value.slice(LINK.length).split('\n');
  if (from === undefined || spec === undefined || original === undefined) return undefined;
  return lookupExport(from, lang, spec, original === '*' ? name : original, env, hops + 1, seen);
}

/**
 * The lookup name under which a Python module of the workspace says it defines or imports
 * `name`, read or not: a project package named like a framework's import (its own `agents`
 * with its own `Agent`) shadows the framework for the code that imports it.
 */
export function pythonModuleDefines(module: string, name: string): string {
  return exportName(module, `\u0001defines\u0001${name}`);
}

/**
 * Whether `from spec import name` in a Python file finds a module of the workspace, other
 * than the file itself, that defines or imports `name` (`has`: whether a lookup name is set).
 */
export function importsProjectName(file: string, spec: string, name: string, has: (lookupName: string) => boolean): boolean {
  const own = moduleKeyOf(file);
  return pythonModuleCandidates(dirOf(file), spec).some((m) => m !== own && has(pythonModuleDefines(m, name)));
}

/**
 * `from .settings import X` (the import map drops the dots) and `from pkg.settings import X`:
 * the package is found from the importing file's folder up.
 */
function pythonModuleCandidates(dir: string, spec: string): string[] {
  const dots = /^\.*/.exec(spec)![0].length;
  if (dots) {
    // Relative: one dot is the file's own package, each further dot its parent.
    let base: string | null = dir;
    for (let k = 1; k < dots && base !== null; k++) base = base === '' ? null : dirOf(base);
    const m = base === null || dots === spec.length ? null : joinPath(base, spec.slice(dots).replace(/\./g, '/'));
    return m === null ? [] : [m];
  }
  const rel = spec.replace(/\./g, '/');
  return ancestors(dir).flatMap((d) => [joinPath(d, rel), joinPath(d, `src/${rel}`)]).filter((m): m is string => m !== null);
}

/** The modules an import specifier may name, nearest first, as workspace module keys. */
export function moduleCandidates(file: string, lang: CodeLanguage, spec: string, env: EnvLookup): string[] {
  const dir = dirOf(file);
  if (lang === 'python') return pythonModuleCandidates(dir, spec);
  const bare = (p: string | null): string | null => (p === null ? null : moduleKeyOf(p.replace(/\/$/, '')));
  if (spec.startsWith('./') || spec.startsWith('../')) {
    const m = bare(joinPath(dir, spec));
    return m === null ? [] : [m];
  }
  const config = compilerSettings(dir, env);
  if (config) {
    const out: string[] = [];
    const base = config.baseUrl !== undefined ? joinPath(config.baseDir, config.baseUrl) : config.pathsDir;
    for (const [pattern, targets] of Object.entries(config.paths ?? {})) {
      const star = pattern.indexOf('*');
      const matched = star < 0 ? (spec === pattern ? '' : undefined)
        : spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)) && spec.length >= pattern.length - 1
          ? spec.slice(star, spec.length - (pattern.length - star - 1)) : undefined;
      if (matched === undefined || base === null) continue;
      for (const t of targets) {
        const m = bare(joinPath(base, t.replace('*', matched)));
        if (m !== null) out.push(m);
      }
    }
    if (config.baseUrl !== undefined && base !== null && !spec.startsWith('@/') && !spec.startsWith('~/')) {
      const m = bare(joinPath(base, spec));
      if (m !== null) out.push(m);
    }
    return out;
  }
  // No tsconfig/jsconfig seen: `@/` and `~/` are, by the frameworks' convention, the project's
  // root or its `src/` folder; a module is only taken when one there exports the name.
  const alias = /^[@~]\/(.+)$/.exec(spec);
  if (!alias) return [];
  return ancestors(dir).flatMap((d) => [bare(joinPath(d, alias[1]!)), bare(joinPath(d, `src/${alias[1]!}`))]).filter((m): m is string => m !== null);
}

/** `dir` and its ancestors, nearest first ('' is the root). */
function ancestors(dir: string): string[] {
  const out = [dir];
  while (out[out.length - 1] !== '') out.push(dirOf(out[out.length - 1]!));
  return out;
}

/** The nearest tsconfig/jsconfig above a folder, with what it `extends` merged in. */
function compilerSettings(dir: string, env: EnvLookup): (CompilerSettings & { baseDir: string; pathsDir: string }) | undefined {
  for (const d of ancestors(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const file = d ? `${d}/${name}` : name;
      const own = readSettings(file, env);
      if (!own) continue;
      let merged = { ...own, baseDir: d, pathsDir: d };
      // Inherited settings fill in what this file leaves out, relative to the file that sets them.
      let current = own;
      let at = d;
      for (let hop = 0; current.extends && hop < MAX_HOPS; hop++) {
        const parentFile = joinPath(at, current.extends.endsWith('.json') ? current.extends : `${current.extends}.json`);
        const parent = parentFile === null ? undefined : readSettings(parentFile, env);
        if (!parent || parentFile === null) break;
        at = dirOf(parentFile);
        if (merged.baseUrl === undefined && parent.baseUrl !== undefined) merged = { ...merged, baseUrl: parent.baseUrl, baseDir: at };
        if (merged.paths === undefined && parent.paths !== undefined) merged = { ...merged, paths: parent.paths, pathsDir: at };
        current = parent;
      }
      return merged;
    }
  }
  return undefined;
}

function readSettings(file: string, env: EnvLookup): CompilerSettings | undefined {
  const v = env(compilerConfigName(file));
  return v.state === 'set' ? parseSettings(v.value) : undefined;
}

/** A tsconfig's settings as compilerConfig published them (undefined for a value that is not). */
function parseSettings(published: string): CompilerSettings | undefined {
  try {
    return JSON.parse(published) as CompilerSettings;
  } catch {
    return undefined;
  }
}
