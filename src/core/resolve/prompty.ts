// Prompty files (`.prompty`): a YAML front matter whose `model.configuration` (or, since
// Prompty 0.2, `model.connection`) names an executor by its `type` and gives the SDK
// client's options, with `${env:NAME}` / `${env:NAME:default}` read where it runs.

import { entryOf, located, scalarEntry, type CNode } from '../scan/config/tree';
import type { ConfigResolver } from './config';
import { configuredUrl, fillPlaceholders, type PlaceholderSyntax } from './placeholders';
import type { EnvLookup } from './values';

type MapNode = Extract<CNode, { k: 'map' }>;

const ENV_PLACEHOLDER: PlaceholderSyntax = { pattern: /\$\{env:([^}:]+)(?::([^}]*))?\}/gi };

/** The endpoint a Prompty file's model configuration sends its prompt to. */
export function promptyModel(r: ConfigResolver, root: CNode, env: EnvLookup): void {
  const model = mapEntry(root, 'model');
  const config = model && (mapEntry(model, 'configuration') ?? mapEntry(model, 'connection'));
  const typeNode = config && scalarEntry(config.entries, 'type');
  const type = String(typeNode?.v ?? '').trim();
  if (!typeNode || !type) {
    // The executor comes from a prompty.json or from the code that runs the file: still a model call, to a place not known here.
    const at = entryOf(root, 'model') ?? root;
    r.push({ text: '', s: at.s, e: at.s, cs: at.s, ce: at.s, verbatim: false }, { provider: null, host: null, region: null }, 'Prompty file with no model executor', undefined,
      'the file does not say which executor runs the prompt (no model configuration type); it comes from a prompty.json or from the code that runs the prompt, so where the prompt goes is not known here');
    return;
  }
  const executor = r.index.catalog.prompty.find((x) => x.types.includes(type));
  const client = r.index.clientById(executor?.client);
  const via = (what: string): string => `Prompty ${type} configuration: ${what}`;
  if (!executor) {
    r.push(located(typeNode), { provider: null, host: null, region: null }, via('an executor the catalog does not know'), undefined,
      `the Prompty executor "${type}" is not one the catalog knows, so where it sends the prompt is not known`);
    return;
  }
  const keys = client?.signal.options.url ?? executor.url ?? [];
  const set = config.entries.find((e) => keys.includes(e.key) && e.value.k === 'scalar' && String(e.value.v ?? '').trim() !== '');
  if (set?.value.k === 'scalar') {
    const value = fillPlaceholders(set.value, env, ENV_PLACEHOLDER);
    configuredUrl(r, client?.provider ?? null, value, via(`${set.key} ${value.describe}`));
    r.consumed.add(set.value.s);
    return;
  }
  // No URL key: the client reads its env variable where it runs, then uses its default (none for Azure).
  const name = client?.signal.env?.url?.[0];
  const fallback = client?.signal.defaults.baseUrl;
  const implied = name ? `\${env:${name}${fallback ? `:${fallback}` : ''}}` : fallback;
  if (!implied) {
    r.push(located(typeNode), { provider: client?.provider ?? null, host: null, region: null }, via(`no ${keys.join(' or ') || 'endpoint'} set`), undefined,
      `the configuration sets no ${keys.join(' or ') || 'endpoint'}, so where it sends the prompt is not known`);
    return;
  }
  const value = fillPlaceholders(typeNode, env, ENV_PLACEHOLDER, implied);
  configuredUrl(r, client?.provider ?? null, value, via(`no ${keys[0]} set, so the client reads ${value.describe}`));
}

function mapEntry(node: CNode | undefined, key: string): MapNode | undefined {
  const value = entryOf(node, key);
  return value?.k === 'map' ? value : undefined;
}
