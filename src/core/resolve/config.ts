// Config files to endpoints: LLM env variables (.env, compose, Kubernetes, CI), LiteLLM
// proxy model lists, URLs of LLM APIs in values, and Azure OpenAI accounts in Terraform.

import type { LiteLlmPrefix, Provider } from '../catalog/types';
import type { Endpoint, Fix } from '../model';
import type { EnvAssignment } from '../scan/config/dotenv';
import type { BicepFile, BicepResource, BicepValue } from '../scan/config/bicep';
import type { HclFile, TfBlock } from '../scan/config/hcl';
import type { CNode, CEntry } from '../scan/config/tree';
import type { Span, Value } from '../scan/ir';
import type { CatalogIndex } from './catalog-index';
import { applyAzureDeployments, type AzureResource } from './infrastructure';
import { applyGlobalOnlyModel, applyProfile, linkFallbacks, defaultHostTarget, hostTarget, inferenceProfile, makeEndpoint, type Target } from './endpoint';
import { looksLikeLlmServer, parseUrl, type ParsedUrl } from './hosts';
import { hostSwapFix, profileSwapFix, regionSwapFix } from './fixes';
import { evaluate, formatWhere, isKnown, type EnvLookup, type EvalContext, type Piece } from './values';

const FALLBACK_KEYS = new Set(['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks']);

/** Names that look like environment variables (UPPER_SNAKE_CASE with an underscore). */
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** A scalar value with where it sits in the file. */
interface Located {
  text: string;
  s: number;
  e: number;
  /** Content offsets (inside quotes) and whether the source spells the text exactly. */
  cs: number;
  ce: number;
  verbatim: boolean;
}

export class ConfigResolver {
  readonly endpoints: Endpoint[] = [];
  /** Environment variables this file sets (for code elsewhere that reads them). */
  readonly definitions: { name: string; value: string; offset: number }[] = [];
  private readonly consumed = new Set<number>();
  /** Azure OpenAI accounts this (Terraform) file defines, for code elsewhere that names them. */
  readonly azureResources: (Omit<AzureResource, 'line'> & { offset: number })[] = [];
  /** Portkey configs already read (a nested strategy is read with its parent). */
  private readonly portkeyDone = new Set<CNode>();
  /** LiteLLM model_list deployments by model_name. */
  private readonly modelGroups = new Map<string, Endpoint[]>();

  constructor(
    private readonly file: string,
    private readonly index: CatalogIndex,
  ) {}

  // ---- environment variables ---------------------------------------------------------

  /** Env assignments from one file or block; shared region variables count when a flag of the provider is set beside them. */
  env(assignments: { name: string; value: Located }[]): void {
    for (const a of assignments) if (a.value.text.trim() !== '') this.definitions.push({ name: a.name, value: a.value.text.trim(), offset: a.value.s });
    const flagged = new Set<string>();
    for (const a of assignments) {
      for (const ref of this.index.envSignals(a.name)) {
        if (ref.signal.specific && (ref.signal.kind !== 'flag' || /^(?:1|true|yes|on)$/i.test(a.value.text.trim()))) flagged.add(ref.provider.id);
      }
    }
    for (const a of assignments) this.envVar(a.name, a.value, flagged);
  }

  private envVar(name: string, value: Located, flagged: Set<string>): void {
    const text = value.text.trim();
    if (text === '' || this.consumed.has(value.s)) return;
    const signals = this.index.envSignals(name);
    const via = `${name}=${text.length > 60 ? text.slice(0, 57) + '...' : text}`;
    const url = parseUrl(text);
    if (url) {
      const urlSignal = signals.find((r) => r.signal.kind === 'url');
      const match = this.index.matchHost(url.host);
      if (match) {
        const llmContext = !!urlSignal || looksLikeLlmServer(url);
        if (match.provider.kind === 'self-hosted' && !llmContext) return;
        this.push(value, hostTarget(match, url.host), via,
          this.hostFix(value, url, match.provider, match.region));
      } else if (urlSignal) {
        this.push(value, { provider: null, host: url.host, region: null }, via, undefined,
          `${url.host} is not a host the catalog knows; declare where it processes data in the policy`);
      }
      return;
    }
    for (const ref of signals) {
      if (ref.signal.kind !== 'region') continue;
      if (!ref.signal.specific && !flagged.has(ref.provider.id)) continue;
      this.region(ref.provider, value, via);
      return;
    }
  }

  private region(provider: Provider, value: Located, via: string): void {
    const region = value.text.trim();
    const built = this.index.hostForRegion(provider, region);
    const target: Target = { provider, host: built?.host ?? null, region, ...(built ? { pattern: built.pattern } : {}) };
    this.push(value, target, via, this.regionFix(value, provider, region));
  }

  // ---- YAML / JSON / TOML trees -------------------------------------------------------

  tree(root: CNode): void {
    if (root.k === 'map' && /deploymentTemplate\.json/i.test(String(scalarEntry(root.entries, '$schema')?.v ?? ''))) this.armTemplate(root);
    this.walk(root, []);
    if (this.modelGroups.size) this.fallbackChains(root, []);
  }

  /**
   * LiteLLM proxy routing: `fallbacks: [{gpt-4o: [claude]}]` (also context_window_ and
   * content_policy_fallbacks, under router_settings or litellm_settings) and
   * `default_fallbacks: [claude]`, linking model_list groups by their model_name.
   */
  private fallbackChains(node: CNode, path: string[]): void {
    if (node.k === 'seq') node.items.forEach((item, i) => this.fallbackChains(item, [...path, String(i)]));
    if (node.k !== 'map') return;
    for (const e of node.entries) {
      const via = [...path, e.key].slice(-2).join('.');
      if (FALLBACK_KEYS.has(e.key) && e.value.k === 'seq') {
        for (const item of e.value.items) {
          if (item.k !== 'map') continue;
          for (const pair of item.entries) {
            const to = pair.value.k === 'seq' ? pair.value.items.flatMap((n) => (n.k === 'scalar' ? this.modelGroups.get(String(n.v)) ?? [] : [])) : [];
            for (const from of this.modelGroups.get(pair.key) ?? []) linkFallbacks(from, to, via);
          }
        }
      } else if (e.key === 'default_fallbacks' && e.value.k === 'seq') {
        const names = e.value.items.flatMap((n) => (n.k === 'scalar' ? [String(n.v)] : []));
        const to = names.flatMap((n) => this.modelGroups.get(n) ?? []);
        for (const [name, group] of this.modelGroups) if (!names.includes(name)) for (const from of group) linkFallbacks(from, to, via);
      } else {
        this.fallbackChains(e.value, [...path, e.key]);
      }
    }
  }

  private walk(node: CNode, path: string[]): void {
    if (node.k === 'scalar') {
      if (typeof node.v === 'string') this.url(located(node));
      return;
    }
    if (node.k === 'seq') {
      const envItems = this.envListItems(node, path);
      if (envItems) this.env(envItems);
      node.items.forEach((item, i) => this.walk(item, [...path, String(i)]));
      return;
    }
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
      this.env(envEntries.map((e) => ({ name: e.key, value: located(e.value as Extract<CNode, { k: 'scalar' }>) })));
    }
    for (const e of node.entries) {
      // Under a key that SDKs use for the base URL (apiBase, base_url), a local URL is an LLM server too.
      if (e.value.k === 'scalar' && typeof e.value.v === 'string' && this.index.isUrlOptionName(e.key)) this.url(located(e.value), true);
      this.walk(e.value, [...path, e.key]);
    }
  }

  /** Kubernetes `env: [{name, value}]` and compose `environment: ["K=V"]` lists. */
  private envListItems(node: Extract<CNode, { k: 'seq' }>, path: string[]): { name: string; value: Located }[] | null {
    const key = path[path.length - 1];
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
    for (const e of this.endpoints.slice(before)) applyGlobalOnlyModel(e, provider, model.v.slice(prefix.prefix.length));
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
      const url = parseUrl(apiBase.v);
      const match = url ? this.index.matchHost(url.host) : null;
      if (url && match) {
        this.push(value, hostTarget(match, url.host), `${via}, api_base ${url.host}`,
          this.hostFix(value, url, match.provider, match.region));
        return;
      }
      this.push(value, { provider: null, host: url?.host ?? null, region: null }, `${via}, api_base ${apiBase.v}`, undefined,
        `${url?.host ?? apiBase.v} is not a host the catalog knows; declare where it processes data in the policy`);
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
  private portkeyTargets(config: Extract<CNode, { k: 'map' }>, targets: Extract<CNode, { k: 'seq' }>): Endpoint[] {
    const { portkey } = this.index.catalog;
    const strategy = config.entries.find((e) => e.key === 'strategy')?.value;
    const mode = strategy?.k === 'map' ? scalarEntry(strategy.entries, 'mode')?.v : undefined;
    const reached: Endpoint[][] = [];
    this.portkeyDone.add(config);
    for (const target of targets.items) {
      if (target.k !== 'map') continue;
      const nested = target.entries.find((e) => e.key === 'targets');
      if (nested?.value.k === 'seq') {
        // A target that is itself a strategy: its own endpoints, its own chain.
        reached.push(this.portkeyTargets(target, nested.value));
        continue;
      }
      const before = this.endpoints.length;
      const slugNode = scalarEntry(target.entries, 'provider') ?? scalarEntry(target.entries, 'virtual_key');
      if (!slugNode || typeof slugNode.v !== 'string') continue;
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
      reached.push(added);
    }
    if (mode === 'fallback') for (const first of reached[0] ?? []) linkFallbacks(first, reached.slice(1).flat(), 'Portkey fallback targets');
    return reached.flat();
  }

  /** A URL of a known LLM API in any string value; `llmContext` when the key says it is an LLM base URL. */
  url(value: Located, llmContext = false): void {
    if (this.consumed.has(value.s)) return;
    const url = parseUrl(value.text.trim());
    if (!url) return;
    const match = this.index.matchHost(url.host);
    if (!match) return;
    if (match.provider.kind === 'self-hosted' && !llmContext && !looksLikeLlmServer(url)) return;
    this.push(value, hostTarget(match, url.host), 'URL of an LLM API in a config value',
      this.hostFix(value, url, match.provider, match.region));
  }

  // ---- Terraform ----------------------------------------------------------------------

  /**
   * Terraform: Azure OpenAI accounts with their location and deployments. A variable's
   * default counts unless a .tfvars file in the workspace sets the variable (`tfvar:`
   * names in `env`); several different values leave it unknown.
   */
  terraform(hcl: HclFile, env: EnvLookup): void {
    const ctx: EvalContext = { parser: hcl.parser, assignments: new Map(), unstable: new Set(), env };
    const dir = moduleDir(this.file);
    const resources = hcl.body.blocks.filter((b) => b.type === 'resource');
    const variables = new Map<string, Value>();
    for (const b of hcl.body.blocks) {
      const def = b.type === 'variable' ? b.attributes.get('default') : undefined;
      if (def && b.labels[0]) variables.set(b.labels[0], def.value);
    }
    const resolveTf = (v: Value, depth = 0): TfValue => {
      if (v.k === 'str') return { text: v.v, span: v, verbatim: hcl.parser.text.slice(v.cs, v.ce) === v.v, cs: v.cs, ce: v.ce };
      const path = refPath(v);
      if (path && depth < 4) {
        const parts = path.split('.');
        if (parts[0] === 'var' && parts[1]) {
          const set = env(tfvarName(dir, parts[1]));
          if (set.state === 'set') return { text: set.value, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${parts[1]} is set in ${formatWhere(set.where)}` };
          if (set.state === 'conflict') return { text: null, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${parts[1]} is set to different values in .tfvars files (${set.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})` };
          const def = variables.get(parts[1]);
          if (def) return resolveTf(def, depth + 1);
          const elsewhere = env(tfDefaultName(dir, parts[1]));
          if (elsewhere.state === 'set') return { text: elsewhere.value, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${parts[1]} defaults to "${elsewhere.value}" in ${formatWhere(elsewhere.where)}` };
        } else if (parts.length >= 3) {
          const target = resources.find((r) => r.labels[0] === parts[0] && r.labels[1] === parts[1]);
          const attr = target?.attributes.get(parts[2]!);
          if (attr) return resolveTf(attr.value, depth + 1);
        }
      }
      const r = evaluate(v, ctx);
      return { text: isKnown(r) ? r.text : null, span: v, verbatim: false, cs: v.s, ce: v.e };
    };
    const deployments = resources.filter((r) => r.labels[0] === 'azurerm_cognitive_deployment');
    const accounts = resources.filter((r) => r.labels[0] === 'azurerm_cognitive_account');
    // A deployment of an account in another file of the module (deployments.tf) travels
    // there as a value, read like a variable default; an unreadable SKU travels as "?".
    for (const d of deployments) {
      const link = d.attributes.get('cognitive_account_id');
      const linked = link ? refPath(link.value) : null;
      if (!linked || accounts.some((a) => linked === `azurerm_cognitive_account.${a.labels[1]}.id`)) continue;
      const sku = d.blocks.find((b) => b.type === 'sku' || b.type === 'scale');
      const attr = sku?.attributes.get('name') ?? sku?.attributes.get('type');
      this.definitions.push({ name: tfDeploymentName(dir, linked), value: (attr ? resolveTf(attr.value).text : null) ?? '?', offset: d.s });
    }
    for (const account of accounts) {
      const kind = account.attributes.get('kind');
      const kindText = kind ? resolveTf(kind.value).text : null;
      if (kindText !== 'OpenAI' && kindText !== 'AIServices') continue;
      const ref = `azurerm_cognitive_account.${account.labels[1]}.id`;
      const elsewhere = env(tfDeploymentName(dir, ref));
      const skus = elsewhere.state === 'set' ? [elsewhere.value] : elsewhere.state === 'conflict' ? elsewhere.values.map((v) => v.value) : [];
      this.azureAccount(account, deployments, resolveTf, skus);
    }
    this.walkHclStrings(hcl.body, ctx);
  }

  private azureAccount(account: TfBlock, deployments: TfBlock[], resolveTf: (v: Value) => TfValue, skusElsewhere: string[]): void {
    const provider = this.index.providers.get('azure-openai');
    const location = account.attributes.get('location');
    if (!provider || !location) return;
    const loc = resolveTf(location.value);
    const subdomain = account.attributes.get('custom_subdomain_name');
    const name = subdomain ? resolveTf(subdomain.value).text : null;
    const span = location.value;
    const value: Located = { text: loc.text ?? '', s: span.s, e: span.e, cs: loc.cs, ce: loc.ce, verbatim: loc.verbatim };
    const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
    // Deployments of this account: a Global* SKU processes anywhere, whatever the region.
    // One whose account or SKU cannot be read could be global: then the verdict is unknown.
    const accountRef = `azurerm_cognitive_account.${account.labels[1]}.id`;
    const skus: string[] = [];
    let unreadable: string | undefined;
    for (const d of deployments) {
      const link = d.attributes.get('cognitive_account_id');
      const linked = link ? refPath(link.value) : null;
      if (linked !== accountRef) {
        if (!linked) unreadable ??= `the account of deployment "${d.labels[1]}" is not a reference in this file`;
        continue;
      }
      const sku = d.blocks.find((b) => b.type === 'sku' || b.type === 'scale');
      const attr = sku?.attributes.get('name') ?? sku?.attributes.get('type');
      const text = attr ? resolveTf(attr.value).text : null;
      if (text) skus.push(text);
      else unreadable ??= `the SKU of deployment "${d.labels[1]}" is not a literal or a variable default`;
    }
    for (const sku of skusElsewhere) {
      if (sku === '?') unreadable ??= 'the SKU of a deployment in another file of the module is not a literal or a variable default';
      else skus.push(sku);
    }
    this.azureAccountEndpoint(value, region, name, skus, unreadable, `azurerm_cognitive_account.${account.labels[1]}`, loc.why);
  }

  /**
   * An Azure OpenAI account defined in infrastructure code: its location decides, unless
   * a Global* deployment processes anywhere; an unreadable SKU could be global. Code
   * elsewhere that names the account inherits all this (see infrastructure.ts).
   */
  private azureAccountEndpoint(value: Located, region: string | null, name: string | null, skus: string[], unreadable: string | undefined, resource: string, why?: string): void {
    const provider = this.index.providers.get('azure-openai')!;
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
    const host = name && pattern ? pattern.pattern.replace('{resource}', name.toLowerCase()) : null;
    const via = `${resource} in ${region ?? 'an unresolved location'}${why ? ` (${why})` : ''}${skus.length ? ` (deployments: ${skus.join(', ')})` : ''}`;
    const endpoint = makeEndpoint(this.index, this.file, { s: value.s, e: value.e }, { provider, host, region, ...(pattern ? { pattern } : {}) }, via,
      region ? {} : { unknown: why ?? 'the account location is not a literal or a parameter default in this file' });
    // A Global* deployment processes anywhere, whatever (or wherever) the account's location.
    if (region || skus.some((x) => /^Global/i.test(x))) applyAzureDeployments(endpoint, provider, region, skus, unreadable);
    endpoint.declaration = true;
    this.consumed.add(value.s);
    if (name) this.azureResources.push({ name: name.toLowerCase(), region, skus, ...(unreadable ? { unreadable } : {}), file: this.file, offset: value.s, resource });
    this.endpoints.push(endpoint);
  }

  // ---- ARM templates ------------------------------------------------------------------

  /**
   * ARM JSON (also what Bicep compiles to): Azure OpenAI accounts with their location and
   * deployments. Expressions resolve through parameter defaults and variables;
   * `resourceGroup().location` and parameters without default are chosen at deploy time.
   */
  private armTemplate(root: Extract<CNode, { k: 'map' }>): void {
    const section = (name: string): CEntry[] => {
      const v = root.entries.find((e) => e.key === name)?.value;
      return v?.k === 'map' ? v.entries : [];
    };
    const params = section('parameters');
    const vars = section('variables');
    const resolve = (text: string, depth = 0): { text: string | null; why?: string } => {
      if (!text.startsWith('[')) return { text };
      const expr = text.slice(1, -1).trim();
      if (/^resourceGroup\(\)\.location$/i.test(expr)) return { text: null, why: 'the location is the resource group\'s, chosen at deploy time' };
      const ref = /^(parameters|variables)\('([^']+)'\)$/i.exec(expr);
      if (!ref || depth > 4) return { text: null, why: `${expr} is computed at deploy time` };
      const entry = ref[1]!.toLowerCase() === 'parameters'
        ? params.find((e) => e.key === ref[2])?.value
        : vars.find((e) => e.key === ref[2])?.value;
      const value = entry?.k === 'map' ? scalarEntry(entry.entries, 'defaultValue') : entry?.k === 'scalar' ? entry : undefined;
      if (typeof value?.v !== 'string') return { text: null, why: `${ref[1]}('${ref[2]}') has no literal default: its value is given at deploy time` };
      return resolve(value.v, depth + 1);
    };
    const str = (node: CNode | undefined, ...path: string[]): Extract<CNode, { k: 'scalar' }> | undefined => {
      let v = node;
      for (const key of path.slice(0, -1)) v = v?.k === 'map' ? v.entries.find((e) => e.key === key)?.value : undefined;
      return v?.k === 'map' ? scalarEntry(v.entries, path[path.length - 1]!) : undefined;
    };
    // Resources, with nested ones (an account's `resources: [deployments]`) and their parent.
    const all: { node: Extract<CNode, { k: 'map' }>; type: string; parent?: Extract<CNode, { k: 'map' }> }[] = [];
    const collect = (list: CNode | undefined, parent?: { node: Extract<CNode, { k: 'map' }>; type: string }): void => {
      for (const r of list?.k === 'seq' ? list.items : []) {
        if (r.k !== 'map') continue;
        const written = String(str(r, 'type')?.v ?? '');
        const type = parent && !written.includes('/') ? `${parent.type}/${written}` : written;
        all.push({ node: r, type, ...(parent ? { parent: parent.node } : {}) });
        collect(r.entries.find((e) => e.key === 'resources')?.value, { node: r, type });
      }
    };
    collect(root.entries.find((e) => e.key === 'resources')?.value);
    const nameOf = (r: Extract<CNode, { k: 'map' }>): string | null => {
      const n = str(r, 'name');
      return typeof n?.v === 'string' ? resolve(n.v).text : null;
    };
    // A deployment names its account by nesting, by `acct/dep`, or by format/concat of the account's name.
    const accountNameOf = (d: (typeof all)[number]): string | null => {
      if (d.parent) return nameOf(d.parent);
      const raw = String(str(d.node, 'name')?.v ?? '');
      const literal = resolve(raw).text;
      if (literal?.includes('/')) return literal.split('/')[0]!;
      const first = /^\[(?:format\('\{0\}\/[^']*',\s*|concat\()\s*((?:parameters|variables)\('[^']+'\))/i.exec(raw);
      return first ? resolve(`[${first[1]}]`).text : null;
    };
    const deployments = all.filter((r) => /^Microsoft\.CognitiveServices\/accounts\/deployments$/i.test(r.type));
    for (const account of all.filter((r) => /^Microsoft\.CognitiveServices\/accounts$/i.test(r.type))) {
      const kind = str(account.node, 'kind');
      if (kind?.v !== 'OpenAI' && kind?.v !== 'AIServices') continue;
      const location = str(account.node, 'location');
      if (!location || typeof location.v !== 'string') continue;
      const loc = resolve(location.v);
      const accountName = nameOf(account.node);
      const subdomain = str(account.node, 'properties', 'customSubDomainName');
      const name = (typeof subdomain?.v === 'string' ? resolve(subdomain.v).text : null) ?? accountName;
      const skus: string[] = [];
      let unreadable: string | undefined;
      for (const d of deployments) {
        const owner = accountNameOf(d);
        if (owner === null) unreadable ??= `the account of deployment ${String(str(d.node, 'name')?.v ?? '')} cannot be read`;
        if (owner === null || owner !== accountName) continue;
        const sku = str(d.node, 'sku', 'name');
        const text = typeof sku?.v === 'string' ? resolve(sku.v).text : null;
        if (text) skus.push(text);
        else unreadable ??= `the SKU of deployment ${String(str(d.node, 'name')?.v ?? '')} is not a literal or a parameter default`;
      }
      const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
      const at: Located = loc.text === location.v ? located(location) : { ...located(location), verbatim: false };
      this.azureAccountEndpoint(at, region, name, skus, unreadable, `ARM account ${accountName ?? ''}`.trim(), loc.why);
    }
  }

  // ---- Bicep --------------------------------------------------------------------------

  /** Bicep: Azure OpenAI accounts (Microsoft.CognitiveServices/accounts) with their location and deployments. */
  bicep(file: BicepFile): void {
    const resolve = (v: BicepValue | undefined, depth = 0): { text: string | null; why?: string } => {
      if (!v || depth > 4) return { text: null };
      if (v.k === 'str') return { text: v.v };
      if (v.k !== 'ref') return { text: null, why: 'is computed' };
      if (/^resourceGroup\(\)\.location$/.test(v.path)) return { text: null, why: 'the location is the resource group\'s, chosen at deploy time' };
      if (file.params.has(v.path)) {
        const def = file.params.get(v.path);
        return def ? resolve(def, depth + 1) : { text: null, why: `param ${v.path} has no default: its value is given at deploy time` };
      }
      if (file.vars.has(v.path)) return resolve(file.vars.get(v.path), depth + 1);
      return { text: null, why: `${v.path} is not a literal or parameter default in this file` };
    };
    const field = (obj: BicepValue, ...path: string[]): BicepValue | undefined => {
      let v: BicepValue | undefined = obj;
      for (const key of path) v = v?.k === 'obj' ? v.entries.find((e) => e.key === key)?.value : undefined;
      return v;
    };
    const deployments = file.resources.filter((r) => /^Microsoft\.CognitiveServices\/accounts\/deployments(?:@|$)/i.test(r.type));
    // A deployment names its account by nesting, `parent: acct`, or `name: '${acct.name}/gpt-4o'`.
    const accountOf = (d: BicepResource): string | undefined => {
      if (d.parent) return d.parent;
      const parent = field(d.body, 'parent');
      if (parent?.k === 'ref') return parent.path;
      const name = field(d.body, 'name');
      return name?.k === 'tmpl' ? /^\$\{(\w+)\.name\}\//.exec(name.raw)?.[1] : undefined;
    };
    for (const account of file.resources.filter((r) => /^Microsoft\.CognitiveServices\/accounts@/i.test(r.type))) {
      const kind = resolve(field(account.body, 'kind')).text;
      if (kind !== 'OpenAI' && kind !== 'AIServices') continue;
      const location = field(account.body, 'location');
      if (!location) continue;
      const loc = resolve(location);
      const name = resolve(field(account.body, 'properties', 'customSubDomainName')).text ?? resolve(field(account.body, 'name')).text;
      const skus: string[] = [];
      let unreadable: string | undefined;
      for (const d of deployments) {
        const owner = accountOf(d);
        if (owner === undefined) unreadable ??= `the account of deployment ${d.symbol} cannot be read`;
        if (owner !== account.symbol) continue;
        const sku = resolve(field(d.body, 'sku', 'name')).text;
        if (sku) skus.push(sku);
        else unreadable ??= `the SKU of deployment ${d.symbol} is not a literal or a parameter default${d.loop ? ' (it comes from a loop)' : ''}`;
      }
      const at: Located = location.k === 'str'
        ? { text: location.v, s: location.s, e: location.e, cs: location.cs, ce: location.ce, verbatim: location.verbatim }
        : { text: '', s: location.s, e: location.e, cs: location.s, ce: location.e, verbatim: false };
      const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
      this.azureAccountEndpoint(at, region, name, skus, unreadable, `resource ${account.symbol}`, loc.why);
    }
  }

  private walkHclStrings(block: TfBlock, ctx: EvalContext): void {
    for (const attr of block.attributes.values()) this.hclValue(attr.value, ctx);
    for (const child of block.blocks) this.walkHclStrings(child, ctx);
  }

  private hclValue(v: Value, ctx: EvalContext): void {
    if (v.k === 'str') {
      const raw = ctx.parser.text.slice(v.cs, v.ce);
      this.url({ text: v.v, s: v.s, e: v.e, cs: v.cs, ce: v.ce, verbatim: raw === v.v });
    } else if (v.k === 'obj') v.entries.forEach((e) => this.hclValue(e.value, ctx));
    else if (v.k === 'arr') v.items.forEach((i) => this.hclValue(i, ctx));
  }

  // ---- helpers ------------------------------------------------------------------------

  private push(value: Located, target: Target, via: string, euFix?: Fix, unknown?: string): void {
    this.consumed.add(value.s);
    this.endpoints.push(
      makeEndpoint(this.index, this.file, { s: value.s, e: value.e }, target, via, {
        ...(euFix ? { euFix } : {}),
        ...(unknown ? { unknown } : {}),
      }),
    );
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

interface TfValue {
  text: string | null;
  span: Span;
  verbatim: boolean;
  cs: number;
  ce: number;
  /** Where a value from outside the file came from, or why it is unknown. */
  why?: string;
}

/** A reference (`azurerm_x.y.id`), also written as a lone interpolation (`"${azurerm_x.y.id}"`). */
function refPath(v: Value): string | null {
  if (v.k === 'ref') return v.path;
  if (v.k === 'tmpl') {
    const code = v.parts.filter((p) => !(p.k === 'str' && p.v === ''));
    if (code.length === 1 && code[0]!.k === 'ref') return code[0].path;
  }
  return null;
}

/** A Terraform module is a folder: the one the file is in. */
export function moduleDir(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
}

/** The env-lookup name under which .tfvars values of a Terraform module folder travel. */
export function tfvarName(dir: string, variable: string): string {
  return `tfvar:${dir}:${variable}`;
}

/** The env-lookup name under which a deployment's SKU travels to the file of its account. */
export function tfDeploymentName(dir: string, accountRef: string): string {
  return `tfdeployment:${dir}:${accountRef}`;
}

/** The env-lookup name under which a variable's default travels to the module's other .tf files. */
export function tfDefaultName(dir: string, variable: string): string {
  return `tfdefault:${dir}:${variable}`;
}

function scalarEntry(entries: CEntry[], key: string): Extract<CNode, { k: 'scalar' }> | undefined {
  const e = entries.find((x) => x.key === key);
  return e?.value.k === 'scalar' ? e.value : undefined;
}

function located(node: Extract<CNode, { k: 'scalar' }>): Located {
  return { text: String(node.v ?? ''), s: node.s, e: node.e, cs: node.cs, ce: node.ce, verbatim: node.verbatim };
}

/** Env assignments of a .env file in the resolver's shape. */
export function dotenvAssignments(list: EnvAssignment[]): { name: string; value: Located }[] {
  return list.map((a) => ({ name: a.name, value: { text: a.value, s: a.s, e: a.e, cs: a.s, ce: a.e, verbatim: a.verbatim } }));
}
