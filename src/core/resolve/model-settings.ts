// A setting that names a model as LangChain's "provider:model" string (`"FAST_LLM":
// "openai:gpt-4o"`, `EMBEDDING=openai:text-embedding-3-small`, `chat_model: anthropic:claude-...`)
// chooses that provider's client, whatever reads it. Strict on both sides, so that ordinary
// strings stay quiet: the key must name an LLM, chat, model or embedding setting, and the
// prefix must be one of the provider keys of LangChain's init_chat_model (the catalog's
// router table, the one list of them).

import type { Span } from '../scan/ir';
import type { CatalogIndex } from './catalog-index';
import { defaultHostTarget, makeEndpoint, type Target } from './endpoint';
import type { Endpoint } from '../model';

/** The catalog router whose provider keys a setting's prefix must be one of. */
const ROUTER = 'langchain-init-chat-model';

/** Words of a key that make it a model setting (`FAST_LLM`, `chatModel`, `EMBEDDING`, `embedder`). */
const SETTING_WORDS = new Set(['llm', 'llms', 'chat', 'model', 'models', 'embedding', 'embeddings', 'embedder', 'embed']);

/** `key:model`: a lower-case provider key, then a model id (no spaces; not `//`, which is a URL). */
const PROVIDER_MODEL = /^([a-z][a-z0-9_]*):(?!\/)([A-Za-z0-9][\w.:/@+-]*)$/;

/**
 * Whether a config file records what a run did rather than configures one (`benchmark_results/run.json`,
 * `example_output.json`, `logs/`): a model named there was used once, it chooses nothing.
 */
export function isRunRecord(file: string): boolean {
  const parts = file.toLowerCase().split('/');
  const base = parts.pop()!.replace(/\.[^.]*$/, '');
  const record = /(?:^|[_.-])(?:results?|outputs?|logs?|runs?|traces?)$/;
  // Folders only by a plural record name (`benchmark_results/`, `eval_run_results/`, `runs/`): `run/` or `deploy-run/` may hold a real config.
  const recordFolder = /(?:^|[_.-])(?:results|outputs|logs|traces|runs)$/;
  return record.test(base) || /(?:^|[_.-])(?:results?|outputs?)(?:[_.-]|$)/.test(base) || parts.some((p) => recordFolder.test(p));
}

/** Whether a key names an LLM, chat, model or embedding setting. */
export function isModelSettingKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => SETTING_WORDS.has(w));
}

/**
 * The endpoint a model setting's value chooses, at `span` (the value), or undefined when the
 * key is no model setting, the value no "provider:model" string, or the prefix no key LangChain knows.
 * `override` says why the client may not reach its default, given its URL option and env names
 * (a base URL for it set beside the setting, or where the code runs).
 */
export function modelSettingEndpoint(index: CatalogIndex, file: string, key: string | undefined, value: string, span: Span, override?: (urlNames: string[]) => string | undefined): Endpoint | undefined {
  if (key === undefined || value.length > 200) return undefined;
  // The value's shape first: most values fail it at once, where the key's test splits the key into words.
  const m = PROVIDER_MODEL.exec(value);
  if (!m || !isModelSettingKey(key)) return undefined;
  const router = index.catalog.routers?.find((r) => r.id === ROUTER);
  if (!router || !Object.hasOwn(router.providers, m[1]!)) return undefined;
  const client = index.clientById(router.providers[m[1]!]);
  const via = `${key} = "${value}": the "${m[1]}" provider of a LangChain-style model setting`;
  // A key LangChain knows whose class the catalog does not place (huggingface, nvidia): an LLM setting, place not known.
  if (!client) return makeEndpoint(index, file, span, { provider: null, host: null, region: null }, via, { model: m[2]!, unknown: `the catalog does not say where LangChain's "${m[1]}" provider sends requests` });
  const { provider, signal } = client;
  let target: Target;
  let unknown: string | undefined = override?.([...signal.env?.url ?? [], ...signal.options.url ?? []]);
  // Sent elsewhere, a client with a public default may reach any server that speaks its protocol: whose is not known.
  if (unknown) target = signal.defaults.host ? { provider: null, host: null, region: null } : { provider, host: null, region: null, verdictsUnknown: true };
  else if (signal.defaults.host) target = defaultHostTarget(index, provider, signal.defaults.host);
  else if (signal.defaults.region) {
    const built = index.hostForRegion(provider, signal.defaults.region);
    target = { provider, host: built?.host ?? null, region: signal.defaults.region, ...(built ? { pattern: built.pattern } : {}) };
  } else {
    target = { provider, host: null, region: null };
    unknown = `the ${provider.name} client takes its region or resource from where it runs, which a model setting does not say`;
  }
  return makeEndpoint(index, file, span, target, via, { sdk: signal.id, model: m[2]!, ...(unknown ? { unknown } : {}) });
}
