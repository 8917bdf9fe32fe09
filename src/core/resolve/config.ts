// Config files to endpoints: LLM env variables (.env, compose, Kubernetes, CI), LiteLLM
// proxy model lists and their fallbacks, Portkey targets, and URLs of LLM APIs in values.
// Infrastructure as code (Terraform, Bicep, ARM) is read by infrastructure.ts.

import type { LiteLlmPrefix, Provider } from '../catalog/types';
import type { Endpoint, Fix } from '../model';
import type { EnvAssignment } from '../scan/config/dotenv';
import type { BicepFile } from '../scan/config/bicep';
import type { HclFile } from '../scan/config/hcl';
import { located, scalarEntry, type CNode, type Located } from '../scan/config/tree';
import { envScopesOf, type EnvFileUse, type EnvScope } from '../env-scope';
import type { CatalogIndex } from './catalog-index';
import { InfrastructureReader, type DefinedResource } from './infrastructure';
import { applyGlobalOnlyModel, applyProfile, linkFallbacks, defaultHostTarget, hostTarget, inferenceProfile, lookalikeTarget, makeEndpoint, uncataloguedHostTarget, uncataloguedHostWhy, type Target } from './endpoint';
import { hasLlmPath, hasUrlScheme, HOLE, isPlaceholderValue, looksLikeLlmServer, parseUrl, type ParsedUrl } from './hosts';
import { hostSwapFix, profileSwapFix, regionSwapFix } from './fixes';
import { isRunRecord, modelSettingEndpoint } from './model-settings';
import { isModelList, isNotServer } from './not-endpoints';
import type { EnvLookup, Piece } from './values';

const FALLBACK_KEYS = new Set(['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks']);

/** Names that look like environment variables (UPPER_SNAKE_CASE with an underscore). */
export const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export class ConfigResolver {
  readonly endpoints: Endpoint[] = [];
  /** Environment variables this file sets (for code elsewhere that reads them), with the code they reach. */
  readonly definitions: { name: string; value: string; offset: number; scope?: EnvScope }[] = [];
  /** Dotenv files a compose service loads into its build context's code. */
  readonly envFiles: EnvFileUse[] = [];
  /** The env blocks of a compose file or workflow that are tied to code (by their node). */
  private envScopes = new Map<CNode, EnvScope>();
  /** Start offsets of values already reported (a URL inside a LiteLLM entry is not reported again). */
  readonly consumed = new Set<number>();
  /** Azure OpenAI accounts this (Terraform, Bicep, ARM) file defines, for code elsewhere that names them. */
  readonly azureResources: DefinedResource[] = [];
  /** Portkey configs already read (a nested strategy is read with its parent). */
  private readonly portkeyDone = new Set<CNode>();
  /** LiteLLM model_list deployments by model_name. */
  private readonly modelGroups = new Map<string, Endpoint[]>();

  /** The keys set beside the value being read (its mapping's, or its env file's), for model settings. */
  private siblings: Set<string> | undefined;

  constructor(
    readonly file: string,
    readonly index: CatalogIndex,
    /** The file's text, where a value's parts must be found in it (URLs inside a script). */
    private readonly text = '',
  ) {}

  // ---- environment variables ---------------------------------------------------------

  /**
   * Env assignments from one file or block; shared region variables count when a flag of
   * the provider is set beside them. `scope`: the code they reach (none known: untied).
   */
  env(assignments: { name: string; value: Located }[], scope: EnvScope = { kind: 'none' }): void {
    for (const a of assignments) if (a.value.text.trim() !== '') this.definitions.push({ name: a.name, value: filledInWhereItRuns(a.value.text.trim()), offset: a.value.s, scope });
    const flagged = new Set<string>();
    for (const a of assignments) {
      for (const ref of this.index.envSignals(a.name)) {
        if (ref.signal.specific && (ref.signal.kind !== 'flag' || /^(?:1|true|yes|on)$/i.test(a.value.text.trim()))) flagged.add(ref.provider.id);
      }
    }
    const before = this.endpoints.length;
    // A model setting beside a base URL for its client (`OPENAI_BASE_URL=...` in the same env file) is not the default.
    this.siblings = new Set(assignments.filter((a) => a.value.text.trim() !== '').map((a) => a.name));
    for (const a of assignments) this.envVar(a.name, a.value, flagged);
    this.siblings = undefined;
    this.switches(assignments, before);
  }

  /**
   * A backend switch set on (GOOGLE_GENAI_USE_VERTEXAI=1) in a file that sets no location or
   * URL for that provider (or only a placeholder): the switch is then the setting that sends
   * the SDK's requests to that provider, reported on its line with the region unknown. When
   * the same file sets the location, that line is the endpoint, and the switch is not reported again.
   */
  private switches(assignments: { name: string; value: Located }[], before: number): void {
    const reported = new Set(this.endpoints.slice(before).map((e) => e.provider));
    for (const a of assignments) {
      const text = a.value.text.trim();
      if (this.consumed.has(a.value.s) || !/^(?:1|true|yes|on)$/i.test(text)) continue;
      const ref = this.index.envSignals(a.name).find((r) => r.signal.kind === 'flag' && r.signal.specific);
      if (!ref || reported.has(ref.provider.id)) continue;
      reported.add(ref.provider.id);
      const placeholder = assignments.find((x) => isPlaceholderValue(x.value.text) && this.index.envSignals(x.name).some((r) => r.provider === ref.provider && r.signal.kind === 'region'));
      this.push(a.value, { provider: ref.provider, host: null, region: null }, `${a.name}=${text} switches the SDK to ${ref.provider.name}`, undefined,
        placeholder
          ? `the location ${placeholder.name} in this file is a placeholder for a person to fill in`
          : 'this file sets no location; the SDK reads it where it runs, or uses its default');
    }
  }

  private envVar(name: string, value: Located, flagged: Set<string>): void {
    const text = value.text.trim();
    if (text === '' || this.consumed.has(value.s)) return;
    const signals = this.index.envSignals(name);
    const via = `${name}=${text.length > 60 ? text.slice(0, 57) + '...' : text}`;
    const filled = filledInWhereItRuns(text);
    const url = parseUrl(filled);
    if (url) {
      // A placeholder or DNS zone is no endpoint here; code that reads the variable still gets the value, as a placeholder.
      if (isNotServer(url)) return;
      if (this.lookalike(value, url, via)) return;
      const urlSignal = signals.find((r) => r.signal.kind === 'url');
      const match = this.index.matchHost(url.host);
      if (match) {
        const llmContext = !!urlSignal || looksLikeLlmServer(url);
        if (match.provider.kind === 'self-hosted' && !llmContext) return;
        this.push(value, hostTarget(match, url.host), via,
          filled === text ? this.hostFix(value, url, match.provider, match.region) : undefined);
      } else {
        // A known vendor's LLM API (DashScope, BigModel) counts in any variable, another host only in one an SDK reads for its URL.
        const target = uncataloguedHostTarget(this.index, url);
        if (target.unlisted || urlSignal) this.push(value, target, via, undefined, uncataloguedHostWhy(target, url.host));
      }
      return;
    }
    if (this.modelSetting(name, value)) return;
    if (hasUrlScheme(text) && signals.some((r) => r.signal.kind === 'url')) {
      this.push(value, { provider: null, host: null, region: null }, via, undefined, 'the URL parser refuses the value, so where requests go is not known');
      return;
    }
    for (const ref of signals) {
      if (ref.signal.kind !== 'region') continue;
      if (!ref.signal.specific && !flagged.has(ref.provider.id)) continue;
      // A placeholder (`YOUR VALUE HERE`) sets no region: code that reads it finds the placeholder.
      if (isPlaceholderValue(text)) return;
      if (filled.includes(HOLE)) {
        // `${LOCATION}`: another variable's value, filled in where it runs.
        this.push(value, { provider: ref.provider, host: null, region: null }, via, undefined, `the region ${text} is filled in where it runs, from a value not known here`);
        return;
      }
      this.region(ref.provider, value, via);
      return;
    }
  }

  /** An endpoint in a region; `fixable` when the value's own text names the region (not a default). */
  region(provider: Provider, value: Located, via: string, fixable = true): void {
    const region = value.text.trim();
    const built = this.index.hostForRegion(provider, region);
    const target: Target = { provider, host: built?.host ?? null, region, ...(built ? { pattern: built.pattern } : {}) };
    this.push(value, target, via, fixable ? this.regionFix(value, provider, region) : undefined);
  }

  /** Whether the file records a run (model-settings.ts): asked per value, so answered once. */
  private runRecord: boolean | undefined;

  /** A model setting whose value is a "provider:model" string (model-settings.ts); whether it was one. */
  private modelSetting(key: string | undefined, value: Located): boolean {
    if (this.consumed.has(value.s) || (this.runRecord ??= isRunRecord(this.file))) return false;
    const siblings = this.siblings;
    const override = (names: string[]): string | undefined => {
      const set = names.find((n) => siblings?.has(n));
      return set && `${set} is set beside it, which may send this client elsewhere`;
    };
    const endpoint = modelSettingEndpoint(this.index, this.file, key, value.text.trim(), { s: value.s, e: value.e }, override);
    if (!endpoint) return false;
    this.consumed.add(value.s);
    this.endpoints.push(endpoint);
    return true;
  }

  // ---- YAML / JSON / TOML trees -------------------------------------------------------

  tree(root: CNode): void {
    if (root.k === 'map' && /deploymentTemplate\.json/i.test(String(scalarEntry(root.entries, '$schema')?.v ?? ''))) new InfrastructureReader(this).armTemplate(root);
    const { scopes, envFiles } = envScopesOf(root, this.file);
    this.envScopes = scopes;
    this.envFiles.push(...envFiles);
    this.walk(root);
    if (this.modelGroups.size) this.fallbackChains(root);
  }

  /**
   * LiteLLM proxy routing: `fallbacks: [{gpt-4o: [claude]}]` (also context_window_ and
   * content_policy_fallbacks, under router_settings or litellm_settings) and
   * `default_fallbacks: [claude]`, linking model_list groups by their model_name.
   */
  private fallbackChains(root: CNode): void {
    // A work list of nodes with their own key and their parent's, so no depth is too deep.
    const work: { node: CNode; key?: string; parent?: string }[] = [{ node: root }];
    for (let item = work.pop(); item; item = work.pop()) {
      const { node, key, parent } = item;
      const via = parent === undefined ? key : `${parent}.${key}`;
      if (key !== undefined && FALLBACK_KEYS.has(key) && node.k === 'seq') {
        for (const entry of node.items) {
          if (entry.k !== 'map') continue;
          for (const pair of entry.entries) {
            const to = pair.value.k === 'seq' ? pair.value.items.flatMap((n) => (n.k === 'scalar' ? this.modelGroups.get(String(n.v)) ?? [] : [])) : [];
            for (const from of this.modelGroups.get(pair.key) ?? []) linkFallbacks(from, to, via!);
          }
        }
      } else if (key === 'default_fallbacks' && node.k === 'seq') {
        const names = node.items.flatMap((n) => (n.k === 'scalar' ? [String(n.v)] : []));
        const to = names.flatMap((n) => this.modelGroups.get(n) ?? []);
        for (const [name, group] of this.modelGroups) if (!names.includes(name)) for (const from of group) linkFallbacks(from, to, via!);
      } else if (node.k === 'seq') {
        for (let i = node.items.length - 1; i >= 0; i--) work.push({ node: node.items[i]!, key: String(i), parent: key });
      } else if (node.k === 'map') {
        for (let i = node.entries.length - 1; i >= 0; i--) work.push({ node: node.entries[i]!.value, key: node.entries[i]!.key, parent: key });
      }
    }
  }

  /** Every node, in file order, from a work list (so no depth is too deep); `key` is the node's own key or index. */
  private walk(root: CNode): void {
    const work: { node: CNode; key?: string; urlKey?: boolean; siblings?: Set<string> }[] = [{ node: root }];
    for (let item = work.pop(); item; item = work.pop()) {
      const { node, key } = item;
      this.siblings = item.siblings;
      // Under a key that SDKs use for the base URL (apiBase, base_url), a local URL is an LLM server too.
      if (item.urlKey && node.k === 'scalar' && typeof node.v === 'string') this.url(located(node), true);
      if (node.k === 'scalar') {
        if (typeof node.v === 'string' && !ENV_NAME.test(key ?? '')) this.modelSetting(key, located(node));
        if (typeof node.v === 'string') this.url(located(node));
        if (typeof node.v === 'string' && key === 'run' && WORKFLOW.test(this.file)) this.scriptUrls(node);
        continue;
      }
      if (node.k === 'seq') {
        const envItems = this.envListItems(node, key);
        if (envItems) this.env(envItems, this.envScopes.get(node));
        for (let i = node.items.length - 1; i >= 0; i--) work.push({ node: node.items[i]!, key: String(i) });
        continue;
      }
      this.mapNode(node);
      // The keys of this mapping that hold a value: a model setting's neighbours.
      const siblings = new Set(node.entries.filter((e) => e.value.k !== 'scalar' || (e.value.v !== null && e.value.v !== '')).map((e) => e.key));
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        work.push({ node: e.value, key: e.key, siblings, urlKey: e.value.k === 'scalar' && typeof e.value.v === 'string' && this.index.isUrlOptionName(e.key) });
      }
    }
    this.siblings = undefined;
  }

  /** What a mapping says as a whole: a LiteLLM model_list entry, Portkey targets, env variables. */
  private mapNode(node: Extract<CNode, { k: 'map' }>): void {
    const params = node.entries.find((e) => e.key === 'litellm_params');
    if (params?.value.k === 'map') {
      const before = this.endpoints.length;
      this.liteLlmEntry(params.value);
      const name = scalarEntry(node.entries, 'model_name');
      if (name && typeof name.v === 'string') this.modelGroups.set(name.v, [...(this.modelGroups.get(name.v) ?? []), ...this.endpoints.slice(before)]);
    }
    const targets = node.entries.find((e) => e.key === 'targets');
    if (targets?.value.k === 'seq' && node.entries.some((e) => e.key === 'strategy') && !this.portkeyDone.has(node)) this.portkeyTargets(node, targets.value);
    const envEntries = node.entries.filter((e) => ENV_NAME.test(e.key) && e.value.k === 'scalar' && e.value.v !== null);
    if (envEntries.length) {
      this.env(envEntries.map((e) => ({ name: e.key, value: located(e.value as Extract<CNode, { k: 'scalar' }>) })), this.envScopes.get(node));
    }
  }

  /** Kubernetes `env: [{name, value}]` and compose `environment: ["K=V"]` lists (`key`: the list's own key). */
  private envListItems(node: Extract<CNode, { k: 'seq' }>, key: string | undefined): { name: string; value: Located }[] | null {
    const out: { name: string; value: Located }[] = [];
    for (const item of node.items) {
      if (item.k === 'map') {
        const name = scalarEntry(item.entries, 'name');
        const value = scalarEntry(item.entries, 'value');
        if (name && value && typeof name.v === 'string') out.push({ name: name.v, value: located(value) });
      } else if (item.k === 'scalar' && typeof item.v === 'string' && (key === 'environment' || key === 'env')) {
        const eq = item.v.indexOf('=');
        if (eq > 0 && ENV_NAME.test(item.v.slice(0, eq))) {
          const offset = item.verbatim ? item.cs + eq + 1 : item.s;
          const text = item.v.slice(eq + 1);
          out.push({ name: item.v.slice(0, eq), value: { text, s: offset, e: offset + text.length, cs: offset, ce: offset + text.length, verbatim: item.verbatim } });
        }
      }
    }
    return out.length ? out : null;
  }

  /** A LiteLLM proxy `model_list` entry. */
  private liteLlmEntry(params: Extract<CNode, { k: 'map' }>): void {
    const { litellm } = this.index.catalog;
    const model = litellm.modelOptions.map((k) => scalarEntry(params.entries, k)).find((n) => n && typeof n.v === 'string');
    if (!model || typeof model.v !== 'string') return;
    const prefix = this.index.litellmPrefix(model.v);
    if (!prefix) return;
    const provider = this.index.providers.get(prefix.provider);
    if (!provider) return;
    const modelNode = located(model);
    this.consumed.add(model.s);
    const before = this.endpoints.length;
    this.liteLlmTarget(params, provider, prefix, model.v, modelNode);
    for (const e of this.endpoints.slice(before)) applyGlobalOnlyModel(this.index, e, provider, model.v.slice(prefix.prefix.length));
    // A Bedrock profile beyond the EU in the model id decides, whatever the region.
    const profile = provider.id === 'aws-bedrock' ? inferenceProfile(provider, model.v) : null;
    if (profile) {
      const fix = modelNode.verbatim ? profileSwapFix(provider, modelNode.text, modelNode.cs, profile.prefix) : undefined;
      for (const e of this.endpoints.slice(before)) applyProfile(e, profile, model.v, fix);
    }
  }

  private liteLlmTarget(params: Extract<CNode, { k: 'map' }>, provider: Provider, prefix: LiteLlmPrefix, modelId: string, modelNode: Located): void {
    const { litellm } = this.index.catalog;
    const via = `LiteLLM model ${modelId}`;
    const apiBase = litellm.urlOptions.map((k) => scalarEntry(params.entries, k)).find((n) => n && typeof n.v === 'string');
    if (apiBase && typeof apiBase.v === 'string') {
      this.consumed.add(apiBase.s);
      const value = located(apiBase);
      if (apiBase.v.startsWith('os.environ/')) {
        this.push(value, { provider, host: null, region: null }, `${via}, api_base from ${apiBase.v.slice(11)}`, undefined,
          `api_base is read from the environment variable ${apiBase.v.slice(11)}, which has no value here`);
        return;
      }
      const url = parseUrl(apiBase.v.trim());
      if (url && this.lookalike(value, url, `${via}, api_base ${url.host}`)) return;
      const match = url ? this.index.matchHost(url.host) : null;
      if (url && match) {
        this.push(value, hostTarget(match, url.host), `${via}, api_base ${url.host}`,
          this.hostFix(value, url, match.provider, match.region));
        return;
      }
      const target = url ? uncataloguedHostTarget(this.index, url) : { provider: null, host: null, region: null };
      this.push(value, target, `${via}, api_base ${apiBase.v}`, undefined,
        url ? uncataloguedHostWhy(target, url.host) : `${apiBase.v} is not a host the catalog knows; declare where it processes data in the policy`);
      return;
    }
    const regionNode = litellm.regionOptions.map((k) => scalarEntry(params.entries, k)).find((n) => n && typeof n.v === 'string');
    if (regionNode && typeof regionNode.v === 'string') {
      this.consumed.add(regionNode.s);
      if (regionNode.v.startsWith('os.environ/')) {
        this.push(located(regionNode), { provider, host: null, region: null }, `${via}, region from ${regionNode.v.slice(11)}`, undefined,
          `the region is read from the environment variable ${regionNode.v.slice(11)}, which has no value here`);
        return;
      }
      this.region(provider, located(regionNode), `${via}, region ${regionNode.v}`);
      return;
    }
    if (prefix.defaultRegion) {
      const built = this.index.hostForRegion(provider, prefix.defaultRegion);
      this.push(modelNode, { provider, host: built?.host ?? null, region: prefix.defaultRegion, ...(built ? { pattern: built.pattern } : {}) },
        `${via}: no region set, so LiteLLM's default ${prefix.defaultRegion}`);
      return;
    }
    this.push(modelNode, defaultHostTarget(this.index, provider, this.index.defaultHost(provider)), via);
  }

  /**
   * A Portkey gateway config: `strategy: {mode: fallback}` with `targets` naming a
   * provider (and its region or resource). Each target is an endpoint reached through
   * Portkey; in fallback mode the first falls back to the others.
   */
  private portkeyTargets(root: Extract<CNode, { k: 'map' }>, rootTargets: Extract<CNode, { k: 'seq' }>): Endpoint[] {
    // Strategies nested in targets are a stack of frames, not recursion, so no depth is too deep.
    interface Strategy { targets: Extract<CNode, { k: 'seq' }>; mode: unknown; reached: Endpoint[][]; next: number }
    const open = (config: Extract<CNode, { k: 'map' }>, targets: Extract<CNode, { k: 'seq' }>): Strategy => {
      this.portkeyDone.add(config);
      const strategy = config.entries.find((e) => e.key === 'strategy')?.value;
      return { targets, mode: strategy?.k === 'map' ? scalarEntry(strategy.entries, 'mode')?.v : undefined, reached: [], next: 0 };
    };
    const stack = [open(root, rootTargets)];
    for (;;) {
      const top = stack[stack.length - 1]!;
      const target = top.targets.items[top.next++];
      if (target) {
        if (target.k !== 'map') continue;
        const nested = target.entries.find((e) => e.key === 'targets');
        // A target that is itself a strategy: its own endpoints, its own chain.
        if (nested?.value.k === 'seq') stack.push(open(target, nested.value));
        else {
          const added = this.portkeyTarget(target);
          if (added) top.reached.push(added);
        }
        continue;
      }
      if (top.mode === 'fallback') {
        const rest = top.reached.slice(1).flat();
        for (const first of top.reached[0] ?? []) linkFallbacks(first, rest, 'Portkey fallback targets');
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) return top.reached.flat();
      parent.reached.push(top.reached.flat());
    }
  }

  /** One Portkey target naming a provider: the endpoints it adds (undefined when it names none). */
  private portkeyTarget(target: Extract<CNode, { k: 'map' }>): Endpoint[] | undefined {
    const { portkey } = this.index.catalog;
    const before = this.endpoints.length;
    const slugNode = scalarEntry(target.entries, 'provider') ?? scalarEntry(target.entries, 'virtual_key');
    if (!slugNode || typeof slugNode.v !== 'string') return undefined;
    const slug = slugNode.v;
    const via = `Portkey target ${slug}`;
    const condition = 'Sent through the Portkey gateway, itself a processor of the request with its own terms.';
    const providerId = slugNode === scalarEntry(target.entries, 'provider') ? portkey.slugs[slug.replace(/^@/, '')] : undefined;
    const provider = providerId && !slug.startsWith('@') ? this.index.providers.get(providerId) : undefined;
    this.consumed.add(slugNode.s);
    if (!provider) {
      // `@openai-prod` and virtual keys name an integration set up in Portkey's dashboard.
      this.push(located(slugNode), { provider: null, host: null, region: null }, via, undefined,
        `the target ${slug} is an integration configured in Portkey, not in the workspace`);
    } else {
      const url = portkey.urlKeys.map((k) => scalarEntry(target.entries, k)).find((n) => n && typeof n.v === 'string');
      const region = portkey.regionKeys.map((k) => scalarEntry(target.entries, k)).find((n) => n && typeof n.v === 'string');
      const resource = portkey.resourceKeys.map((k) => scalarEntry(target.entries, k)).find((n) => n && typeof n.v === 'string');
      if (url) this.url(located(url), true);
      else if (region) this.region(provider, located(region), `${via}, region ${String(region.v)}`);
      else if (resource) {
        const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
        const host = pattern ? pattern.pattern.replace('{resource}', String(resource.v).toLowerCase()) : null;
        this.push(located(resource), { provider, host, region: null, ...(pattern ? { pattern } : {}) }, `${via}, resource ${String(resource.v)}`);
      } else this.push(located(slugNode), defaultHostTarget(this.index, provider, this.index.defaultHost(provider)), via);
    }
    const added = this.endpoints.slice(before);
    for (const e of added) if (e.provider) e.conditions = [...e.conditions, condition];
    // A Bedrock model id in override_params may name a profile beyond the EU.
    const params = target.entries.find((e) => e.key === 'override_params')?.value;
    const model = params?.k === 'map' ? scalarEntry(params.entries, 'model') : undefined;
    const profile = provider?.id === 'aws-bedrock' && typeof model?.v === 'string' ? inferenceProfile(provider, model.v) : null;
    if (profile && model && typeof model.v === 'string') {
      const fix = model.verbatim ? profileSwapFix(provider!, model.v, model.cs, profile.prefix) : undefined;
      for (const e of added) applyProfile(e, profile, model.v, fix);
    }
    return added;
  }

  /** A URL of a known LLM API in any string value; `llmContext` when the key says it is an LLM base URL. */
  url(value: Located, llmContext = false, via = 'URL of an LLM API in a config value', unknown?: string): void {
    if (this.consumed.has(value.s)) return;
    const url = parseUrl(value.text.trim());
    if (!url || isNotServer(url) || this.lookalike(value, url, via)) return;
    const match = this.index.matchHost(url.host);
    if (!match) {
      // A known vendor's LLM API that is no catalog provider (DashScope, BigModel): reported by host.
      const target = uncataloguedHostTarget(this.index, url);
      if (target.unlisted && target.host) this.push(value, target, via);
      return;
    }
    if (match.provider.kind === 'self-hosted' && !llmContext && !looksLikeLlmServer(url)) return;
    this.push(value, hostTarget(match, url.host), via,
      this.hostFix(value, url, match.provider, match.region), unknown);
  }

  /**
   * A workflow step's `run:` script that sends a request to an LLM API (`curl
   * http://localhost:11434/api/generate ...`): each URL in it is a use. A local server
   * counts only at an inference path (a readiness probe hits its port too), and a model
   * list (`/api/tags`, `/v1/models`) is not a call to a model.
   */
  private scriptUrls(node: Extract<CNode, { k: 'scalar' }>): void {
    const script = this.text.slice(node.s, node.e);
    for (const m of script.matchAll(/https?:\/\/[^\s'"`\\|;&<>()]+/g)) {
      const s = node.s + m.index;
      const url = parseUrl(m[0]);
      if (!url || isModelList(url) || this.consumed.has(s)) continue;
      const match = this.index.matchHost(url.host);
      if (match?.provider.kind === 'self-hosted' && !hasLlmPath(url)) continue;
      this.url({ text: m[0], s, e: s + m[0].length, cs: s, ce: s + m[0].length, verbatim: true }, true, 'URL of an LLM API called in a workflow step\'s script');
    }
  }

  // ---- infrastructure as code (read by InfrastructureReader) -------------------------

  terraform(hcl: HclFile, env: EnvLookup): void {
    new InfrastructureReader(this).terraform(hcl, env);
  }

  bicep(file: BicepFile, env: EnvLookup): void {
    new InfrastructureReader(this).bicep(file, env);
  }

  /** A YAML or JSON file a Bicep template loads and passes on as model deployments: its items are the deployments. */
  bicepLoaded(root: CNode, env: EnvLookup): void {
    new InfrastructureReader(this).loadedDeployments(root, env);
  }

  /** A parameters file's values for a Bicep template's parameters: those that set an OpenAI account's location or a deployment's SKU are endpoints. */
  bicepParameters(template: string, settings: { param: string; value: Located }[], env: EnvLookup, lineOf: (offset: number) => number): void {
    new InfrastructureReader(this).deploymentSkuSettings(template, settings, env, lineOf);
  }

  // ---- helpers ------------------------------------------------------------------------

  push(value: Located, target: Target, via: string, euFix?: Fix, unknown?: string): void {
    this.consumed.add(value.s);
    this.endpoints.push(
      makeEndpoint(this.index, this.file, { s: value.s, e: value.e }, target, via, {
        ...(euFix ? { euFix } : {}),
        ...(unknown ? { unknown } : {}),
      }),
    );
  }

  /** Reports a URL whose host cannot be trusted (a look-alike, or parsers that disagree); false for any other. */
  private lookalike(value: Located, url: ParsedUrl, via: string): boolean {
    const lookalike = this.index.hosts.spoof(url);
    if (lookalike) this.push(value, lookalikeTarget(url.host, lookalike), via);
    return lookalike !== null;
  }

  private hostFix(value: Located, url: ParsedUrl, provider: Provider, region: string | null): Fix | undefined {
    // parseUrl saw the trimmed text; shift back to the value's own offsets.
    const lead = value.text.length - value.text.trimStart().length;
    return hostSwapFix(this.index, value.text, pieceOf(value), { ...url, hostStart: url.hostStart + lead, hostEnd: url.hostEnd + lead }, provider, region);
  }

  private regionFix(value: Located, provider: Provider, region: string): Fix | undefined {
    return regionSwapFix(this.index, pieceOf(value), provider, region);
  }
}

function pieceOf(value: Located): Piece[] {
  return [{ text: value.text, s: value.cs, e: value.ce, verbatim: value.verbatim }];
}

/** GitHub Actions workflow files. */
const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/**
 * `${VAR}` in a value is filled in where it runs (compose and dotenv interpolation, and
 * `${{ vars.X }}` in a workflow): that part is unknown here, so
 * `https://${RESOURCE}.openai.azure.com` is an Azure host whose resource is not known, not
 * a host nobody knows, and `${{ vars.LLM_URL }}` is an unknown URL, not a known non-URL.
 */
function filledInWhereItRuns(text: string): string {
  return text.includes('${') ? text.replace(/\$\{\{[^}]*\}\}|\$\{[^}]*\}/g, HOLE) : text;
}

/** Env assignments of a .env file in the resolver's shape. */
export function dotenvAssignments(list: EnvAssignment[]): { name: string; value: Located }[] {
  return list.map((a) => ({ name: a.name, value: { text: a.value, s: a.s, e: a.e, cs: a.s, ce: a.e, verbatim: a.verbatim } }));
}
