// Component configs (AutoGen's `ChatCompletionClient.load_component(config)`, in YAML or JSON):
// `provider:` names a model client class by its import path and `config:` holds its keyword
// arguments, so the class's catalog signal says where requests go, as if the code built it.
// Settings that list models by type (GraphRAG's `models:`) name the client the same way.
// Code that builds its clients from such a file (`load_component(yaml.safe_load(open(...)))`)
// finds it through the workspace's values: the file publishes its text under its path
// (configFileName), and config-files.ts reads it again where the code loads it.

import type { ClientSignal, Provider } from '../catalog/types';
import type { Endpoint } from '../model';
import { entryOf, located, parseJson, parseYaml, scalarEntry, type CNode, type ConfigTree } from '../scan/config/tree';
import type { CatalogIndex } from './catalog-index';
import { ConfigResolver } from './config';
import { configuredUrl, fillPlaceholders, type PlaceholderSyntax } from './placeholders';
import type { EnvLookup } from './values';

type MapNode = Extract<CNode, { k: 'map' }>;
type Scalar = Extract<CNode, { k: 'scalar' }>;

/** How the implied value names the env variable the client reads (the same form as Prompty's). */
const IMPLIED_ENV: PlaceholderSyntax = { pattern: /\$\{env:([^}:]+)(?::([^}]*))?\}/gi };

/** Every `{provider: <module.Class>, config: {...}}` mapping of a config tree whose class is a catalog Python client. */
export function componentConfigs(r: ConfigResolver, root: CNode, env: EnvLookup): void {
  const work: CNode[] = [root];
  for (let node = work.pop(); node; node = work.pop()) {
    if (node.k === 'seq') work.push(...node.items);
    if (node.k !== 'map') continue;
    component(r, node, env);
    typedModels(r, node, env);
    work.push(...node.entries.map((e) => e.value));
  }
}

/** Only a dotted class path names a component: `provider: openai` elsewhere is some other tool's key. */
const CLASS_PATH = /^[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+$/;

function component(r: ConfigResolver, node: MapNode, env: EnvLookup): void {
  const providerNode = scalarEntry(node.entries, 'provider');
  const path = typeof providerNode?.v === 'string' ? providerNode.v.trim() : '';
  if (!providerNode || !CLASS_PATH.test(path)) return;
  const config = entryOf(node, 'config');
  const options = config?.k === 'map' ? config : undefined;
  const match = pick(r.index.clientsFor('python', path), options);
  if (!match) return;
  configuredClient(r, providerNode, options, match, env, `component config ${path.slice(path.lastIndexOf('.') + 1)}`);
}

/** A tool's settings that list models by type (GraphRAG `models: {id: {type: openai_chat, api_base}}`); `only`: the ids a caller builds. */
function typedModels(r: ConfigResolver, node: MapNode, env: EnvLookup, only?: string[]): void {
  for (const format of r.index.catalog.modelSettings ?? []) {
    const models = entryOf(node, format.listKey);
    if (models?.k !== 'map') continue;
    for (const { key, value } of models.entries) {
      if (value.k !== 'map' || (only && !only.includes(key))) continue;
      const typeNode = scalarEntry(value.entries, format.typeKey);
      const client = r.index.clientById(format.types[String(typeNode?.v ?? '').trim()]);
      if (!typeNode || !client) continue;
      configuredClient(r, typeNode, value, client, env, `${format.id} ${key} (${String(typeNode.v)})`, format.url);
    }
  }
}

/**
 * The endpoint of a client built from a config's keys: its URL key, else its region key, else the
 * env variable the client reads where it runs and then its default, reported at `anchor`.
 */
function configuredClient(
  r: ConfigResolver, anchor: Scalar, options: MapNode | undefined, match: { provider: Provider; signal: ClientSignal }, env: EnvLookup, what: string,
  urlKeys = match.signal.options.url ?? [],
): void {
  const { provider, signal } = match;
  const via = (detail: string): string => `${what}: ${detail}`;
  const urlKey = urlKeys.find((k) => stringAt(options, k) !== undefined);
  if (urlKey) {
    const set = stringAt(options, urlKey)!;
    const value = fillPlaceholders(set, env, IMPLIED_ENV);
    configuredUrl(r, provider, value, via(`${urlKey} ${value.describe}`));
    r.consumed.add(set.s);
    return;
  }
  const regionKey = (signal.options.region ?? []).find((k) => stringAt(options, k) !== undefined);
  if (regionKey) {
    const set = stringAt(options, regionKey)!;
    r.region(provider, located(set), via(`${regionKey} ${String(set.v)}`));
    r.consumed.add(set.s);
    return;
  }
  // No URL key: the client reads its env variable where it runs, then uses its default.
  const name = signal.env?.url?.[0];
  const fallback = signal.defaults.baseUrl ?? (signal.defaults.host ? `https://${signal.defaults.host}` : undefined);
  const implied = name ? `\${env:${name}${fallback ? `:${fallback}` : ''}}` : fallback;
  if (!implied) {
    const keys = [...urlKeys, ...(signal.options.region ?? [])];
    r.push(located(anchor), { provider, host: null, region: null }, via(`no ${keys.join(' or ') || 'endpoint'} set`), undefined,
      `the config sets no ${keys.join(' or ') || 'endpoint'}, so where ${signal.id} sends requests is not known here`);
    return;
  }
  const value = fillPlaceholders(anchor, env, IMPLIED_ENV, implied);
  configuredUrl(r, provider, value, via(`no ${urlKeys[0] ?? 'base URL'} set, so the client reads ${value.describe}`));
}

/** The class's signal for this config: one whose required option the config sets as it asks (`model: gemini-...`) before the plain one. */
function pick(candidates: { provider: Provider; signal: ClientSignal }[], options: MapNode | undefined): { provider: Provider; signal: ClientSignal } | undefined {
  const fits = (signal: ClientSignal): boolean => {
    const want = signal.requireOption;
    if (!want) return true;
    const set = stringAt(options, want.name)?.v;
    if (set === undefined) return !!want.absent;
    return want.oneOf.includes(String(set)) || (want.pattern !== undefined && new RegExp(want.pattern).test(String(set)));
  };
  const usable = candidates.filter((c) => !c.signal.requireEnv && !c.signal.wrappedBy && !c.signal.unless && fits(c.signal));
  return usable.find((c) => c.signal.requireOption) ?? usable[0];
}

/** A string value at a dotted key of the config (`bedrock_info.aws_region`). */
function stringAt(node: MapNode | undefined, key: string): Scalar | undefined {
  let at: CNode | undefined = node;
  for (const part of key.split('.')) at = at?.k === 'map' ? entryOf(at, part) : undefined;
  return at?.k === 'scalar' && typeof at.v === 'string' && at.v.trim() !== '' ? at : undefined;
}

// ---- files named in code -----------------------------------------------------------------

/** The lookup name under which a model config file is published, by its path. */
export function configFileName(path: string): string {
  return `config-file:${path}`;
}

/**
 * The file a template documents (`model_config_template.yaml` for `model_config.yaml`,
 * `settings.example.yaml`), as `.env.example` documents `.env`: the values a person copies.
 */
export function documentedConfigFile(file: string): string | undefined {
  const m = /^(.*\/)?([^/]+?)[._-](?:example|sample|template|tmpl)(\.(?:ya?ml|json))$/i.exec(file);
  return m ? `${m[1] ?? ''}${m[2]}${m[3]}` : undefined;
}

/** Larger files are not carried between files: the code that loads one says its clients are not known. */
const MAX_PUBLISHED_CONFIG = 64 * 1024;
/** The value published for a file over that size. */
export const CONFIG_TOO_LARGE = '\u0001config-too-large\u0001';

/**
 * A YAML/JSON file that configures model clients (an AutoGen component config, a GraphRAG
 * settings file), published for the code that loads it by name: its text, under its own path,
 * or under the path of the file it documents when it is a template. Cited at its first line that says so.
 */
export function publishedConfigFile(file: string, text: string, tree: ConfigTree, index: CatalogIndex): { name: string; value: string; offset: number }[] {
  const root = tree.roots.length === 1 ? tree.roots[0] : undefined;
  if (root?.k !== 'map') return [];
  const provider = scalarEntry(root.entries, 'provider');
  const component = typeof provider?.v === 'string' && CLASS_PATH.test(provider.v.trim()) ? provider : undefined;
  const models = (index.catalog.modelSettings ?? []).map((f) => root.entries.find((e) => e.key === f.listKey && e.value.k === 'map')).find((e) => e);
  const at = component?.s ?? models?.keyS;
  if (at === undefined) return [];
  return [{ name: configFileName(documentedConfigFile(file) ?? file), value: text.length <= MAX_PUBLISHED_CONFIG ? text : CONFIG_TOO_LARGE, offset: at }];
}

/**
 * The clients a published config file builds where code loads it, in that code's file and
 * with its env (the clients read their variables where the code runs): every component
 * config, or the settings' `models` of these ids. Ranges are the config text's; the caller moves them.
 */
export function loadedConfigClients(codeFile: string, index: CatalogIndex, configFile: string, text: string, env: EnvLookup, models?: string[]): Endpoint[] {
  const tree = /\.json$/i.test(configFile) ? parseJson(text) : parseYaml(text);
  const root = tree.roots[0];
  if (tree.problems.length || root?.k !== 'map') return [];
  const r = new ConfigResolver(codeFile, index, text);
  if (models) typedModels(r, root, env, models);
  else componentConfigs(r, root, env);
  return r.endpoints;
}
