// pydantic models and pydantic-settings classes (`class Config(BaseSettings)`): a settings
// field is read from the environment variable of its name (after the class's env_prefix,
// case-insensitively unless case_sensitive=True; an alias replaces the name), else it
// keeps its default. A plain model's field is its default. Only classes the scanned files
// define are read: `configs = Config()` then `configs.CLOUD_LOCATION`, or a nested model
// `configs.agent.model`. https://docs.pydantic.dev/latest/concepts/pydantic_settings/

import type { Assignment, Value } from '../scan/ir';
import type { CodeParser } from '../scan/parse';
import { pathEndsWith } from './catalog-index';

export interface ModelField {
  /** Env variables that set it, in the order they are tried ([] for a plain model's field). */
  env: string[];
  /** Its default, when it has one; a nested model's default is a call of that class. */
  default?: Value;
  /** Where it is declared. */
  at: number;
}

export interface ModelClass {
  fields: Map<string, ModelField>;
  /** `env_nested_delimiter` is set: `PARENT__CHILD` variables may set a nested model's fields, which are not followed. */
  nestedFromEnv?: true;
}

const cache = new WeakMap<CodeParser, Map<string, ModelClass>>();

/** The pydantic model and settings classes a Python file defines, by name. */
export function modelClasses(parser: CodeParser, assignments: Map<string, Assignment[]>): Map<string, ModelClass> {
  const known = cache.get(parser);
  if (known) return known;
  const classes = new Map<string, ModelClass>();
  cache.set(parser, classes);
  if (parser.lang !== 'python') return classes;
  const { tokens, text } = parser;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'id' || t.v !== 'class' || tokens[i + 1]!.t !== 'id' || tokens[i + 2]!.v !== '(') continue;
    const close = parser.closeOf(i + 2);
    const bases: string[] = [];
    for (let j = i + 3; j < close; j++) {
      if (tokens[j]!.t !== 'id') continue;
      let path = tokens[j]!.v;
      while (tokens[j + 1]?.v === '.' && tokens[j + 2]?.t === 'id') path += `.${tokens[(j += 2)]!.v}`;
      bases.push(parser.qualify(path));
    }
    const settings = bases.some((b) => pathEndsWith(b, 'BaseSettings'));
    if (!settings && !bases.some((b) => pathEndsWith(b, 'BaseModel'))) continue;
    const body = parser.statementBlock('def', text.lastIndexOf('\n', t.s - 1) + 1);
    if (!body) continue;
    const cls = readClass(parser, assignments, body, settings);
    if (cls) classes.set(tokens[i + 1]!.v, cls);
  }
  return classes;
}

/** A class's fields; undefined when its configuration is written in a form not read here (its fields then stay unknown). */
function readClass(parser: CodeParser, assignments: Map<string, Assignment[]>, body: { s: number; e: number }, settings: boolean): ModelClass | undefined {
  // The class's own statements (a nested `class Config:` of pydantic v1 holds env_prefix).
  const own = new Map<string, Assignment>();
  const nested = new Map<string, Assignment>();
  for (const [name, list] of assignments) {
    for (const a of list) {
      if (a.s <= body.s || a.s >= body.e || a.compound) continue;
      const block = parser.blockOf(a);
      if (block.s === body.s && block.e === body.e) own.set(name, a);
      else nested.set(name, a);
    }
  }
  const options = own.get('model_config');
  const config = options ? parser.valueOf(options) : undefined;
  // `model_config = SettingsConfigDict(...)` or a dict literal; anything else is not read.
  const configCall = config?.k === 'call' && ['SettingsConfigDict', 'ConfigDict'].some((c) => pathEndsWith(parser.qualify(config.call.callee), c));
  if (config && !configCall && config.k !== 'obj') return undefined;
  // `SettingsConfigDict(**opts)`, `{**BASE}`: options spread in from elsewhere are not read.
  if (config?.k === 'call' && config.call.args.some((a) => a.name?.startsWith('*'))) return undefined;
  if (config?.k === 'obj' && config.entries.some((e) => e.key.startsWith('*') || e.key.startsWith('.') || e.key === '')) return undefined;
  const option = (name: string): Value | undefined => {
    if (config?.k === 'call') return config.call.args.find((a) => a.name === name)?.value;
    if (config?.k === 'obj') return config.entries.find((e) => e.key === name)?.value;
    const a = nested.get(name);
    return a ? parser.valueOf(a) : undefined;
  };
  const prefixValue = option('env_prefix');
  if (prefixValue && prefixValue.k !== 'str') return undefined;
  const prefix = prefixValue?.k === 'str' ? prefixValue.v : '';
  const sensitive = option('case_sensitive');
  if (sensitive && sensitive.k !== 'lit') return undefined;
  const caseSensitive = sensitive?.k === 'lit' && sensitive.v === true;
  const fields = new Map<string, ModelField>();
  for (const [name, a] of own) {
    if (name === 'model_config' || !/^[A-Za-z]\w*$/.test(name)) continue;
    const value = parser.valueOf(a);
    const field = value.k === 'call' && pathEndsWith(parser.qualify(value.call.callee), 'Field') ? value.call : undefined;
    const arg = (key: string): Value | undefined => field?.args.find((x) => x.name === key)?.value;
    const positional = field?.args.find((x) => !x.name)?.value;
    const fallback = field ? arg('default') ?? (positional?.k === 'other' ? undefined : positional) : value;
    const alias = arg('validation_alias') ?? arg('alias') ?? arg('env');
    // `AliasChoices(...)`, `AliasPath(...)`: which variables set it is not read, so the field is left out (unknown).
    if (settings && alias && alias.k !== 'str') continue;
    const env = !settings ? [] : alias?.k === 'str' ? [alias.v] : [`${prefix}${name}`];
    if (settings && !caseSensitive && env[0] !== env[0]!.toUpperCase()) env.push(env[0]!.toUpperCase());
    fields.set(name, { env, ...(fallback && !arg('default_factory') ? { default: fallback } : {}), at: a.s });
  }
  return { fields, ...(option('env_nested_delimiter') ? { nestedFromEnv: true as const } : {}) };
}

/**
 * The field a path names on an instance (`agent.model` of `Config()`), following a field
 * whose default is another model of the file; undefined when a step is not such a field.
 */
export function fieldAt(classes: Map<string, ModelClass>, cls: ModelClass, path: string[], isSet: (env: string) => boolean): ModelField | undefined {
  let current = cls;
  for (let i = 0; i < path.length; i++) {
    const field = current.fields.get(path[i]!);
    if (!field || i === path.length - 1) return field;
    // A nested model the environment sets whole (as JSON) is not followed.
    const inner = nestedModel(classes, field);
    if (!inner || field.env.some(isSet) || current.nestedFromEnv) return undefined;
    current = inner;
  }
  return undefined;
}

/** The model class a field's default makes (`Field(default=AgentModel())`), if the file defines it. */
export function nestedModel(classes: Map<string, ModelClass>, field: ModelField): ModelClass | undefined {
  return field.default?.k === 'call' ? classes.get(field.default.call.callee) : undefined;
}

/** The instance a name holds when it is assigned a call of a class with no arguments, or only keyword ones: the class name and those arguments. */
export function instanceOf(value: Value): { cls: string; passed: Map<string, Value> } | undefined {
  if (value.k !== 'call' || value.call.callee.includes('.') || value.call.args.some((a) => !a.name || a.name.startsWith('*'))) return undefined;
  return { cls: value.call.callee, passed: new Map(value.call.args.map((a) => [a.name!, a.value])) };
}
