// Azure OpenAI resources: the region and deployment type that decide EU residency live in
// infrastructure code (Terraform, Bicep, ARM templates) or, failing that, in the policy;
// code only names the resource (`https://NAME.openai.azure.com`, `resourceName: 'NAME'`).
// InfrastructureReader reads the IaC; endpoints that name a resource the workspace
// describes inherit its region and deployment type (applyAzureResources).

import type { DeploymentType, Provider, Source } from '../catalog/types';
import type { Endpoint, Fix, ResolvedLocation } from '../model';
import type { AzureResourceFacts } from '../policy/policy';
import type { BicepFile, BicepResource, BicepValue } from '../scan/config/bicep';
import type { HclFile, TfAttribute, TfBlock } from '../scan/config/hcl';
import { entryOf, located, scalarEntry, type CEntry, type CNode, type Located } from '../scan/config/tree';
import type { Span, Value } from '../scan/ir';
import { lineAndColumn } from '../text';
import type { CatalogIndex } from './catalog-index';
import { hostTarget, makeEndpoint, type Target } from './endpoint';
import { fixOf } from './fixes';
import { HOLE, parseUrl } from './hosts';
import { evaluate, formatWhere, isKnown, type EnvLookup, type EnvValue, type EnvWhere, type EvalContext } from './values';

/** An Azure OpenAI account defined in the workspace's infrastructure code. */
export interface AzureResource {
  /** The resource (custom subdomain) name, lower case. */
  name: string;
  /** Null when the location is chosen at deploy time (a parameter without default). */
  region: string | null;
  /** SKUs of its deployments (GlobalStandard, DataZoneStandard, Standard, ...). */
  skus: string[];
  /** Why a deployment's SKU could not be read, when one could not. */
  unreadable?: string;
  file: string;
  line: number;
  /** `azurerm_cognitive_account.eu` */
  resource: string;
}

/**
 * Residency from the deployments: a Global* SKU processes anywhere whatever the region;
 * an unreadable SKU could be global, so the verdict stays unknown.
 */
export function applyAzureDeployments(endpoint: Endpoint, provider: Provider, region: string | null, skus: string[], unreadable?: string): void {
  const global = skus.find((s) => /^Global/i.test(s));
  const dataZone = skus.find((s) => /^DataZone/i.test(s));
  const account = endpoint.location;
  if (global) {
    endpoint.euResident = false;
    endpoint.location = globalPlacement(global, region, provider.posture.euResidency.sources);
    endpoint.conditions = [];
  } else if (dataZone && account) {
    // Judged as the deployment's own endpoint judges it (deploymentEndpoint).
    const placed = dataZonePlacement(provider, account, region, dataZone, account.sources);
    endpoint.location = placed.location;
    endpoint.euResident = placed.location.euResident;
    if (placed.unknown) endpoint.unknown = placed.unknown;
  } else if (unreadable && endpoint.euResident !== false) {
    endpoint.euResident = null;
    endpoint.unknown = `${unreadable}, and a Global deployment would process data outside ${region ?? 'the account\'s region'}`;
  }
}

/** Where a Global* deployment may process: any Azure region, whatever the account's. */
function globalPlacement(sku: string, region: string | null, sources: Source[]): ResolvedLocation {
  return { id: 'global', name: `any Azure region (${sku} deployment of ${region ? `a ${region}` : 'an'} account)`, jurisdiction: 'global', countries: 'worldwide', euResident: false, sources };
}

/**
 * Where a data-zone deployment of an account in `region` may process: every country of the
 * data zone of the account's jurisdiction, or, outside the zones Microsoft documents, unknown.
 */
function dataZonePlacement(provider: Provider, account: ResolvedLocation, region: string | null, sku: string, sources: Source[]): { location: ResolvedLocation; unknown?: string } {
  const zone = provider.dataZones?.find((z) => z.jurisdictions.includes(account.jurisdiction));
  if (zone) {
    return {
      location: { id: zone.id, name: `${zone.name}, for a ${sku} deployment of a ${region} account`, jurisdiction: account.jurisdiction, countries: zone.countries, euResident: zone.euResident, sources: [...zone.sources, ...sources] },
    };
  }
  return {
    location: { ...account, countries: null, euResident: null },
    unknown: `Microsoft documents data zones for accounts in the United States and in EU member nations; ${region} (${account.name}) is in neither, so where a ${sku} deployment processes data is not documented`,
  };
}

/**
 * Gives Azure OpenAI endpoints whose host names a resource (and says nothing of its
 * region) the region and deployment type the workspace's Terraform defines for it, or
 * else the policy's `azure.resources`. Endpoints of unknown resources get a hint.
 */
export function applyAzureResources(endpoints: Endpoint[], index: CatalogIndex, defined: AzureResource[], declared: Record<string, AzureResourceFacts>, policyFile?: string): Endpoint[] {
  const provider = index.providers.get('azure-openai');
  if (!provider) return endpoints;
  const byName = new Map<string, AzureResource[]>();
  for (const r of defined) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const out = endpoints.map((e) => {
    if (e.provider !== 'azure-openai' || e.region || !e.host || e.declaration) return e;
    const match = index.matchHost(e.host);
    if (!match?.pattern.pattern.startsWith('{resource}')) return e;
    const name = e.host.slice(0, e.host.indexOf('.'));
    const defs = byName.get(name) ?? [];
    const regions = new Set(defs.map((d) => d.region ?? 'deploy-time'));
    if (regions.size > 1) {
      return { ...e, unknown: `${name} is defined in several regions in the workspace (${defs.map((d) => `${d.region ?? 'a deploy-time location'} in ${d.file}:${d.line}`).join(', ')})` };
    }
    const def = defs[0];
    // Own keys only: a resource named like an Object method (constructor) must not find it, also in a policy copied to a worker.
    const stated = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const facts = def
      ? { region: def.region, skus: defs.flatMap((d) => d.skus), unreadable: defs.find((d) => d.unreadable)?.unreadable }
      : stated ? { region: stated.region.toLowerCase(), skus: stated.deployment ? [stated.deployment] : [] } : undefined;
    if (!facts) {
      return e.unknown
        ? { ...e, unknown: `${e.unknown}; no Terraform, Bicep or ARM template in the workspace defines the resource "${name}", so state its region and deployment type in the policy (azure: resources: ${name}: { region, deployment })` }
        : e;
    }
    const where = def ? `${def.resource} in ${def.file}:${def.line}` : `the policy's azure.resources.${name}`;
    const deployments = facts.skus.length ? ` (deployments: ${facts.skus.join(', ')})` : '';
    const source = def
      ? { name: def.resource, value: `${def.region ?? 'location set at deploy time'}${facts.skus.length ? ` (${facts.skus.join(', ')})` : ''}`, file: def.file, line: def.line }
      : { name: `azure.resources.${name}`, value: facts.region ?? '', file: policyFile ?? 'policy', line: stated?.line ?? 1 };
    if (!facts.region) {
      // Defined here, but placed at deploy time: only a Global* deployment decides.
      const placed: Endpoint = { ...e, via: `${e.via}; ${where} is placed at deploy time${deployments}`, env: [...(e.env ?? []), source] };
      applyAzureDeployments(placed, provider, null, facts.skus, facts.unreadable);
      return placed;
    }
    const location = index.location(provider, facts.region, match.pattern);
    const inherited: Endpoint = {
      ...e,
      region: facts.region,
      location,
      euResident: location.euResident,
      via: `${e.via}; ${where} puts it in ${facts.region}${deployments}`,
      env: [...(e.env ?? []), source],
    };
    delete inherited.unknown;
    if (location.note && location.euResident !== false) inherited.conditions = [...e.conditions, location.note];
    applyAzureDeployments(inherited, provider, facts.region, facts.skus, facts.unreadable);
    return inherited;
  });
  // Fallback chains point at endpoints by identity: point them at the new objects.
  const renamed = new Map(endpoints.map((e, i) => [e, out[i]!]));
  for (const e of out) if (e.fallbacks) e.fallbacks = e.fallbacks.map((f) => ({ ...f, endpoint: renamed.get(f.endpoint) ?? f.endpoint }));
  return out;
}

/** What the reader needs of the config resolver it works for. */
export interface InfrastructureHost {
  readonly file: string;
  readonly index: CatalogIndex;
  readonly endpoints: Endpoint[];
  readonly definitions: { name: string; value: string; offset: number }[];
  readonly azureResources: DefinedResource[];
  readonly consumed: Set<number>;
  push(value: Located, target: Target, via: string, euFix?: Fix, unknown?: string): void;
  url(value: Located, llmContext?: boolean, via?: string, unknown?: string): void;
}

/** An Azure resource as a file defines it (its line is worked out by the engine). */
export type DefinedResource = Omit<AzureResource, 'line'> & { offset: number };

/**
 * Reads Azure OpenAI accounts and their deployments from Terraform, Bicep and ARM
 * templates, for the config resolver of one file.
 */
export class InfrastructureReader {
  constructor(private readonly host: InfrastructureHost) {}

  // ---- Terraform ----------------------------------------------------------------------

  /**
   * Terraform: Azure OpenAI accounts with their location and deployments. A variable's
   * default counts unless a .tfvars file in the workspace sets the variable (`tfvar:`
   * names in `env`); several different values leave it unknown.
   */
  terraform(hcl: HclFile, env: EnvLookup): void {
    const ctx: EvalContext = { parser: hcl.parser, assignments: new Map(), unstable: new Set(), env };
    const dir = moduleDir(this.host.file);
    const resources = hcl.body.blocks.filter((b) => b.type === 'resource');
    const variables = new Map<string, Value>();
    for (const b of hcl.body.blocks) {
      const def = b.type === 'variable' ? b.attributes.get('default') : undefined;
      if (def && b.labels[0]) variables.set(b.labels[0], def.value);
    }
    // The module calls in the workspace that target this folder, with the inputs each passes.
    const calls = envValues(env(tfCallName(dir))).map((c) => JSON.parse(c) as ModuleCall);
    const tf: TfModuleFile = { hcl, env, dir, resources, calls, ctx, variables };
    const resolveTf = (v: Value, depth = 0): TfValue => terraformValue(tf, v, depth);
    this.terraformModuleInputs(hcl, dir, resolveTf);
    // Where each resource is, for the module's other files (`location = azurerm_resource_group.this.location`).
    for (const r of resources) {
      const location = r.attributes.get('location');
      if (!location || !r.labels[1]) continue;
      this.host.definitions.push({ name: tfResourceName(dir, `${r.labels[0]}.${r.labels[1]}.location`), value: sentValue(dir, location.value, resolveTf, `location of ${r.labels[0]}.${r.labels[1]}`), offset: location.value.s });
    }
    this.terraformDeployments(tf, resolveTf);
    this.walkHclStrings(hcl.body, ctx);
  }

  /**
   * A Terraform file's Azure OpenAI accounts and deployments. A module's deployments that loop
   * over an input its callers in the workspace pass (`for_each = var.deployment`) are reported
   * by those callers, where their SKUs are written: only when every call of the module reports
   * them, the deployment's SKU is the one each caller passes, and its account is where the
   * callers' `location` puts it. Otherwise the module reports them itself (unknown where it
   * cannot read them).
   */
  private terraformDeployments(tf: TfModuleFile, resolveTf: (v: Value) => TfValue): void {
    const { hcl, env, dir, resources } = tf;
    const accounts = resources.filter((r) => r.labels[0] === 'azurerm_cognitive_account');
    // Locals that are the callers' location (`location = coalesce(var.location, ...)`), for the module's other files too.
    const locals = hcl.body.blocks.filter((b) => b.type === 'locals').flatMap((b) => [...b.attributes]);
    for (const [name, attr] of locals) {
      if (isCallerLocation(attr.value)) this.host.definitions.push({ name: tfLocalName(dir, name), value: 'var.location', offset: attr.value.s });
    }
    const fromCaller = (d: TfBlock): boolean => reportedByCallers(tf, d, accounts, locals);
    const allDeployments = resources.filter((r) => r.labels[0] === 'azurerm_cognitive_deployment');
    const deployments = allDeployments.filter((d) => !fromCaller(d));
    const libraryAccounts = new Set(allDeployments.filter(fromCaller).map((d) => tfRefOf(d, 'cognitive_account_id')));
    this.terraformDeploymentsElsewhere(tf, resolveTf, deployments, accounts);
    const llmAccounts = accounts.filter((account) => {
      const kind = account.attributes.get('kind');
      const kindText = kind ? resolveTf(kind.value).text : null;
      return kindText === 'OpenAI' || kindText === 'AIServices';
    });
    for (const account of llmAccounts) {
      const ref = `azurerm_cognitive_account.${account.labels[1]}.id`;
      // An account whose deployments all come from callers is a library's: its callers are the uses.
      if (libraryAccounts.has(ref) && !deployments.some((d) => tfRefOf(d, 'cognitive_account_id') === ref)) continue;
      const elsewhere = env(tfDeploymentName(dir, ref));
      const skus = elsewhere.state === 'set' ? [elsewhere.value] : elsewhere.state === 'conflict' ? elsewhere.values.map((v) => v.value) : [];
      this.azureAccount(account, deployments, resolveTf, skus);
    }
    // A deployment that names no account (`cognitive_account_id = var.account_id`) is still
    // a model deployment: its own endpoint, in a region this file does not give.
    for (const d of deployments) {
      const link = d.attributes.get('cognitive_account_id');
      if (/^azurerm_cognitive_account\.[^.]+\.id$/.test((link && refPath(link.value)) ?? '')) continue;
      const label = `azurerm_cognitive_deployment.${d.labels[1]}`;
      this.host.endpoints.push(this.deploymentEndpoint(tfDeployment(d, resolveTf), {
        region: null, name: null, resource: 'an account this file does not name',
        why: `the account of ${label} is not a reference to an account (cognitive_account_id), so its region is not known here`,
      }));
    }
  }

  /**
   * A deployment of an account in another file of the module (deployments.tf) travels there
   * as a value, read like a variable default; an unreadable SKU travels as "?". Where the
   * account's file sent its place back, the deployment is an endpoint here, at its SKU.
   */
  private terraformDeploymentsElsewhere({ env, dir }: TfModuleFile, resolveTf: (v: Value) => TfValue, deployments: TfBlock[], accounts: TfBlock[]): void {
    for (const d of deployments) {
      const link = d.attributes.get('cognitive_account_id');
      const linked = link ? refPath(link.value) : null;
      if (!linked || accounts.some((a) => linked === `azurerm_cognitive_account.${a.labels[1]}.id`)) continue;
      const sku = d.blocks.find((b) => b.type === 'sku' || b.type === 'scale');
      const attr = sku?.attributes.get('name') ?? sku?.attributes.get('type');
      this.host.definitions.push({ name: tfDeploymentName(dir, linked), value: (attr ? resolveTf(attr.value).text : null) ?? '?', offset: d.s });
      // The account's file sends its place back: the deployment is an endpoint here, at its SKU.
      const account = env(tfAccountName(dir, linked));
      if (account.state === 'set' || account.state === 'conflict') {
        this.host.endpoints.push(this.deploymentEndpoint(tfDeployment(d, resolveTf), accountPlaceFrom(account, linked, d, resolveTf)));
      }
    }
  }

  /**
   * `module "x" { source = "./modules/openai"; location = "swedencentral" }`: the inputs of a
   * local module travel to its folder's files (as `var.location` there). A value this file
   * cannot read travels as unknown, so the module's default does not stand in for it.
   */
  private terraformModuleInputs(hcl: HclFile, dir: string, resolveTf: (v: Value) => TfValue): void {
    for (const block of hcl.body.blocks) {
      if (block.type !== 'module') continue;
      const kind = block.attributes.get('kind');
      const kindText = kind ? resolveTf(kind.value).text : null;
      // Without a kind, a module that takes model deployments of the OpenAI format makes an OpenAI account.
      const list = deploymentList(block);
      const openAiModels = !kind && list !== undefined && hasOpenAiModels(list[1].value);
      const reported = (kindText === 'OpenAI' || kindText === 'AIServices' || openAiModels) && this.terraformModuleAccount(block, resolveTf);
      const source = block.attributes.get('source');
      const path = source?.value.k === 'str' ? source.value.v : null;
      if (!path || !/^\.\.?\//.test(path)) continue; // registry and remote modules are not in the workspace
      const target = joinPath(dir, path);
      const call = `module "${block.labels[0] ?? ''}" in ${this.host.file}`;
      const inputs = [...block.attributes.keys()].filter((name) => !TF_MODULE_META.includes(name));
      // The module learns of every call (a call that reports nothing keeps the module's own deployments reported)...
      this.host.definitions.push({ name: tfCallName(target), value: JSON.stringify({ call, inputs } satisfies ModuleCall), offset: block.s });
      // ...and that this caller reports the deployments it passes (they are uses here, not there).
      if (reported && list) this.host.definitions.push({ name: tfCallerName(target, list[0]), value: call, offset: list[1].value.s });
      for (const name of inputs) {
        const attr = block.attributes.get(name)!;
        this.host.definitions.push({ name: tfInputName(target, name), value: sentValue(dir, attr.value, resolveTf, `the value of ${name}`), offset: attr.value.s });
      }
    }
  }

  /**
   * A module call that makes an Azure OpenAI account (`kind = "OpenAI"`, as the Azure
   * Verified Module does): its deployments (`cognitive_deployments = { x = { scale = { type
   * = "Standard" } } }`) are endpoints here, where their SKUs are written; without any, its
   * `location` line is.
   */
  private terraformModuleAccount(block: TfBlock, resolveTf: (v: Value) => TfValue): boolean {
    const location = block.attributes.get('location');
    if (!location) return false;
    const loc = resolveTf(location.value);
    const nameAttr = block.attributes.get('custom_subdomain_name') ?? block.attributes.get('name');
    const name = nameAttr ? resolveTf(nameAttr.value).text : null;
    const field = (o: Value | undefined, key: string): Value | undefined => (o?.k === 'obj' ? o.entries.find((e) => e.key === key)?.value : undefined);
    const list = deploymentList(block)?.[1];
    const module = `module "${block.labels[0] ?? ''}"`;
    const items: [string, Value][] = list?.value.k === 'obj' ? list.value.entries.map((e) => [e.key, e.value])
      : list?.value.k === 'arr' ? list.value.items.map((v, i) => [String(i), v]) : [];
    const declared: DeclaredDeployment[] = [];
    if (list && !items.length && list.value.k !== 'obj' && list.value.k !== 'arr') {
      const v = list.value;
      declared.push({ label: `the deployments of ${module}`, at: { text: '', s: v.s, e: v.e, cs: v.s, ce: v.e, verbatim: false }, sku: null, why: `the deployments of ${module} are not written in this file` });
    }
    for (const [key, v] of items) {
      const label = `deployment ${key} of ${module}`;
      const skuValue = field(field(v, 'sku'), 'name') ?? field(field(v, 'scale'), 'type') ?? field(v, 'sku_name') ?? field(v, 'scale_type');
      if (!skuValue) {
        declared.push({ label, at: { text: '', s: v.s, e: v.s + 1, cs: v.s, ce: v.s, verbatim: false }, sku: null, why: `${label} sets no SKU, so the module's default applies (not read across files)` });
        continue;
      }
      const r = resolveTf(skuValue);
      const at: Located = { text: r.text ?? '', s: skuValue.s, e: skuValue.e, cs: r.cs, ce: r.ce, verbatim: r.verbatim };
      const own = r.verbatim && r.text !== null && r.cs >= skuValue.s && r.ce <= skuValue.e;
      declared.push({ label, at, sku: r.text, ...(r.text ? {} : { why: `the SKU of ${label} is not a literal or a variable default` }), ...(own ? { edit: at } : {}) });
    }
    const value: Located = { text: loc.text ?? '', s: location.value.s, e: location.value.e, cs: loc.cs, ce: loc.ce, verbatim: loc.verbatim };
    const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
    this.azureAccountEndpoint(value, { region, name, resource: module, ...(loc.why ? { why: loc.why } : {}) }, declared);
    return true;
  }

  private azureAccount(account: TfBlock, deployments: TfBlock[], resolveTf: (v: Value) => TfValue, skusElsewhere: string[]): void {
    const location = account.attributes.get('location');
    if (!location) return;
    const loc = resolveTf(location.value);
    const subdomain = account.attributes.get('custom_subdomain_name');
    const name = subdomain ? resolveTf(subdomain.value).text : null;
    // Deployments in the module's other files (deployments.tf) take its place from here; a
    // location from a variable travels as that variable, which they resolve themselves.
    const variable = refPath(location.value)?.match(/^var\.([\w-]+)$/)?.[1];
    const place: PublishedAccount = { region: loc.text, name, resource: `azurerm_cognitive_account.${account.labels[1]}`, ...(variable ? { variable } : {}), ...(loc.why ? { why: loc.why } : {}) };
    this.host.definitions.push({ name: tfAccountName(moduleDir(this.host.file), `azurerm_cognitive_account.${account.labels[1]}.id`), value: JSON.stringify(place), offset: location.value.s });
    const span = location.value;
    const value: Located = { text: loc.text ?? '', s: span.s, e: span.e, cs: loc.cs, ce: loc.ce, verbatim: loc.verbatim };
    const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
    // Deployments of this account: a Global* SKU processes anywhere, whatever the region.
    // One whose account or SKU cannot be read could be global: then the verdict is unknown.
    const accountRef = `azurerm_cognitive_account.${account.labels[1]}.id`;
    const own: DeclaredDeployment[] = [];
    const skus: string[] = [];
    let unreadable: string | undefined;
    for (const d of deployments) {
      const link = d.attributes.get('cognitive_account_id');
      const linked = link ? refPath(link.value) : null;
      if (linked !== accountRef) {
        if (!linked) unreadable ??= `the account of deployment "${d.labels[1]}" is not a reference in this file`;
        continue;
      }
      own.push(tfDeployment(d, resolveTf));
    }
    for (const sku of skusElsewhere) {
      if (sku === '?') unreadable ??= 'the SKU of a deployment in another file of the module is not a literal or a variable default';
      else skus.push(sku);
    }
    this.azureAccountEndpoint(value, { region, name, resource: `azurerm_cognitive_account.${account.labels[1]}`, ...(loc.why ? { why: loc.why } : {}) }, own, skus, unreadable, skusElsewhere.length > 0);
  }

  /**
   * An Azure OpenAI account defined in infrastructure code. Each deployment declared for it
   * is its own endpoint, at its SKU (deploymentEndpoint); the account's location line is
   * one only when none is. Code elsewhere that names the account inherits its region and
   * all its deployments' SKUs (applyAzureResources): a Global* one processes anywhere, an
   * unreadable one could be global. `skusElsewhere` are SKUs of deployments in other files.
   */
  private azureAccountEndpoint(value: Located, account: AccountPlace, declared: DeclaredDeployment[], skusElsewhere: string[] = [], unreadableElsewhere?: string, endpointsElsewhere = false): void {
    const { region, name, resource, why } = account;
    const skus = [...declared.flatMap((d) => (d.sku ? [d.sku] : [])), ...skusElsewhere];
    const unreadable = declared.find((d) => !d.sku)?.why ?? unreadableElsewhere;
    this.host.consumed.add(value.s);
    if (name) this.host.azureResources.push({ name: name.toLowerCase(), region, skus, ...(unreadable ? { unreadable } : {}), file: this.host.file, offset: value.s, resource });
    for (const d of declared) this.host.endpoints.push(this.deploymentEndpoint(d, account));
    if (declared.length || endpointsElsewhere) return;
    // The location line is the use: so is the parameters file's line that sets it (LABELLING: only without deployments in view).
    if (account.locationParam) this.host.definitions.push({ name: bicepLocationName(this.host.file, account.locationParam), value: resource, offset: value.s });
    const provider = this.host.index.providers.get('azure-openai')!;
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
    const host = name && pattern ? pattern.pattern.replace('{resource}', name.toLowerCase()) : null;
    const via = `${resource} in ${region ?? 'an unresolved location'}${why ? ` (${why})` : ''}${skus.length ? ` (deployments: ${skus.join(', ')})` : ''}`;
    const endpoint = makeEndpoint(this.host.index, this.host.file, { s: value.s, e: value.e }, { provider, host, region, ...(pattern ? { pattern } : {}) }, via,
      region ? {} : { unknown: why ?? 'the account location is not a literal or a parameter default in this file' });
    // A Global* deployment processes anywhere, whatever (or wherever) the account's location.
    if (region || skus.some((x) => /^Global/i.test(x))) applyAzureDeployments(endpoint, provider, region, skus, unreadable);
    endpoint.declaration = true;
    this.host.endpoints.push(endpoint);
  }

  /**
   * One model deployment: the account's host and region, and where its deployment type
   * (from the catalog) processes prompts: anywhere (Global*), the data zone of the
   * account's region (DataZone*), or that region (Standard). A Global* deployment on an
   * account whose region keeps a DataZone (or regional) type in the EU gets a fix that
   * changes only the SKU.
   */
  private deploymentEndpoint(d: DeclaredDeployment, account: AccountPlace): Endpoint {
    const { index, file } = this.host;
    const provider = index.providers.get('azure-openai')!;
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'))!;
    const { region, name } = account;
    const host = name ? pattern.pattern.replace('{resource}', name.toLowerCase()) : null;
    const type = d.sku ? provider.deploymentTypes?.find((t) => t.sku.toLowerCase() === d.sku!.toLowerCase()) : undefined;
    const via = `${d.label}: ${d.sku ?? 'an unread'} deployment${d.skuFrom ? ` (${d.skuFrom})` : ''} of ${account.resource} in ${region ?? 'an unresolved location'}${account.why ? ` (${account.why})` : ''}`;
    const endpoint = makeEndpoint(index, file, { s: d.at.s, e: d.at.e }, { provider, host, region, pattern }, via, region ? {} : { unknown: account.why ?? 'the account location is not a literal or a parameter default in this file' });
    endpoint.declaration = true;
    const accountLocation = endpoint.location;
    if (!type) {
      // Unread or unknown: it could be a Global type, which leaves any region.
      if (endpoint.euResident !== false) {
        endpoint.euResident = null;
        endpoint.unknown = d.sku
          ? `"${d.sku}" is not a deployment type the catalog knows, so where ${d.label} processes data is unknown`
          : `${d.why ?? `the SKU of ${d.label} cannot be read`}, and a Global deployment would process data outside ${region ?? 'the account\'s region'}`;
      }
      return endpoint;
    }
    if (type.scope === 'global') {
      endpoint.location = globalPlacement(type.sku, region, type.sources);
      // Where the data may go is anywhere: the account's region stays in the location's name and the via.
      endpoint.region = 'global';
      endpoint.euResident = false;
      endpoint.conditions = type.note ? [type.note] : [];
      delete endpoint.unknown;
      const fix = region && accountLocation ? this.globalDeploymentFix(d, type, provider, accountLocation) : undefined;
      if (fix) endpoint.euFix = fix;
    } else if (type.scope === 'data-zone' && accountLocation) {
      endpoint.conditions = type.note ? [type.note] : [];
      const placed = dataZonePlacement(provider, accountLocation, region, type.sku, type.sources);
      endpoint.location = placed.location;
      endpoint.euResident = placed.location.euResident;
      if (placed.unknown) endpoint.unknown = placed.unknown;
    }
    return endpoint;
  }

  /** GlobalStandard -> DataZoneStandard where the account's region is in the EU data zone, else the regional type where the region is EU-resident. */
  private globalDeploymentFix(d: DeclaredDeployment, type: DeploymentType, provider: Provider, accountLocation: NonNullable<Endpoint['location']>): Fix | undefined {
    if (!d.edit) return undefined;
    const zone = provider.dataZones?.find((z) => z.jurisdictions.includes(accountLocation.jurisdiction));
    const [target, countries] = zone?.euResident === true && type.dataZoneAlternative ? [type.dataZoneAlternative, zone.countries]
      : accountLocation.euResident === true && type.regionalAlternative ? [type.regionalAlternative, accountLocation.countries ?? null]
      : [undefined, null];
    if (!target) return undefined;
    return fixOf(`Use a ${target} deployment instead of ${type.sku}`, [{ start: d.edit.cs, end: d.edit.ce, newText: target }], countries);
  }

  // ---- ARM templates ------------------------------------------------------------------

  /**
   * ARM JSON (also what Bicep compiles to): Azure OpenAI accounts with their location and
   * deployments. Expressions resolve through parameter defaults and variables;
   * `resourceGroup().location` and parameters without default are chosen at deploy time.
   */
  armTemplate(root: Extract<CNode, { k: 'map' }>): void {
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
    const all = armResources(root);
    const nameOf = (r: Extract<CNode, { k: 'map' }>): string | null => {
      const n = armString(r, 'name');
      return typeof n?.v === 'string' ? resolve(n.v).text : null;
    };
    // A deployment names its account by nesting, by `acct/dep`, or by format/concat of the account's name.
    const accountNameOf = (d: ArmResource): string | null => {
      if (d.parent) return nameOf(d.parent);
      const raw = String(armString(d.node, 'name')?.v ?? '');
      const literal = resolve(raw).text;
      if (literal?.includes('/')) return literal.split('/')[0]!;
      const first = /^\[(?:format\('\{0\}\/[^']*',\s*|concat\()\s*((?:parameters|variables)\('[^']+'\))/i.exec(raw);
      return first ? resolve(`[${first[1]}]`).text : null;
    };
    const deployments = all.filter((r) => /^Microsoft\.CognitiveServices\/accounts\/deployments$/i.test(r.type));
    for (const account of all.filter((r) => /^Microsoft\.CognitiveServices\/accounts$/i.test(r.type))) {
      const kind = armString(account.node, 'kind');
      if (kind?.v !== 'OpenAI' && kind?.v !== 'AIServices') continue;
      const location = armString(account.node, 'location');
      if (!location || typeof location.v !== 'string') continue;
      const loc = resolve(location.v);
      const accountName = nameOf(account.node);
      const subdomain = armString(account.node, 'properties', 'customSubDomainName');
      const name = (typeof subdomain?.v === 'string' ? resolve(subdomain.v).text : null) ?? accountName;
      const own: DeclaredDeployment[] = [];
      let unreadable: string | undefined;
      for (const d of deployments) {
        const owner = accountNameOf(d);
        const label = `deployment ${String(armString(d.node, 'name')?.v ?? '')}`;
        if (owner === null) unreadable ??= `the account of ${label} cannot be read`;
        if (owner === null || owner !== accountName) continue;
        const sku = armString(d.node, 'sku', 'name');
        const text = typeof sku?.v === 'string' ? resolve(sku.v).text : null;
        const at = sku ? located(sku) : { text: '', s: d.node.s, e: d.node.s + 1, cs: d.node.s, ce: d.node.s, verbatim: false };
        own.push({ label, at, sku: text, ...(text ? {} : { why: `the SKU of ${label} is not a literal or a parameter default` }), ...(text && text === sku?.v && at.verbatim ? { edit: at } : {}) });
      }
      const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
      const at: Located = loc.text === location.v ? located(location) : { ...located(location), verbatim: false };
      this.azureAccountEndpoint(at, { region, name, resource: `ARM account ${accountName ?? ''}`.trim(), ...(loc.why ? { why: loc.why } : {}) }, own, [], unreadable);
    }
  }

  // ---- Bicep --------------------------------------------------------------------------

  /**
   * Bicep: Azure OpenAI accounts (Microsoft.CognitiveServices/accounts) with their location
   * and deployments (nested, `parent:`, named `acct/dep`, or looped over an array of
   * objects), and module calls that pass an account its `deployments` and `location`. A
   * parameter takes its value from a module call in another file or an azd parameters file
   * (`bicepparam:` names in `env`) before its default.
   */
  bicep(file: BicepFile, env: EnvLookup): void {
    const self = this.host.file;
    const dir = moduleDir(self);
    this.host.definitions.push({ name: bicepFileName(self), value: self, offset: 0 });
    const { follow, resolve } = this.bicepValues(file, env);
    const deployments = file.resources.filter((r) => /^Microsoft\.CognitiveServices\/accounts\/deployments(?:@|$)/i.test(r.type));
    // Callers in the workspace pass this module its deployments: they report them, when every
    // call of the module does (directly or through modules that pass the list on), the
    // deployment's SKU is the item's the callers pass, its account is an OpenAI one and at the
    // `location` they pass. Otherwise the module reports them itself.
    const accounts = file.resources.filter((r) => /^Microsoft\.CognitiveServices\/accounts@/i.test(r.type));
    const library = (d: BicepResource): d is LibraryDeployment => isLibraryDeployment(file, d, accounts, resolve);
    // The callers learn that the list they pass becomes deployments here, at the location they pass.
    for (const d of deployments) if (library(d)) this.host.definitions.push({ name: bicepLibraryName(self, d.loopOver.path), value: 'location', offset: d.body.s });
    const fromCaller = (d: BicepResource): boolean => library(d) && bicepReportedByCallers(env, self, d.loopOver.path, 'location');
    this.bicepAccounts(file, accounts, deployments, fromCaller, follow, resolve);
    for (const m of file.modules) this.bicepModuleCall(file, m, dir, env, bicepField, follow, resolve, bicepLocated);
    const urls = (v: BicepValue): UrlValues => this.bicepUrlValues(file, v, env, follow, resolve);
    this.bicepUrls(file, resolve);
    this.bicepEnvSettings(file, resolve, urls);
  }

  /**
   * How a Bicep file's expressions read: `follow` gives the node an expression stands for (loop
   * items, parameter defaults and variables followed); `resolve` its text, or why it is unknown.
   */
  private bicepValues(file: BicepFile, env: EnvLookup): { follow: BicepFollow; resolve: BicepFullResolve } {
    const self = this.host.file;
    const follow = (v: BicepValue | undefined, bound: BicepBound, depth = 0): BicepValue | undefined => {
      // A call (`concat(a, b)`) is a value of its own, read for its arguments where that matters.
      if (v?.k !== 'ref' || v.parts || depth > 8) return v;
      const [head, ...rest] = v.path.split('.');
      const base = bound.get(head!) ?? (file.params.has(head!) ? file.params.get(head!) : file.vars.get(head!));
      if (!base || (!bound.has(head!) && file.params.has(head!) && passedIn(env(bicepParamName(self, head!))))) return undefined;
      return follow(bicepField(follow(base, bound, depth + 1), ...rest), bound, depth + 1);
    };
    const resolve: BicepFullResolve = (v, bound = NO_BINDINGS, depth = 0) => {
      if (!v || depth > 8) return { text: null };
      if (v.k === 'str') return { text: v.v, literal: v };
      const chosen = requiredParamChoice(file, v);
      if (chosen) return resolve(chosen, bound, depth + 1);
      if (v.k !== 'ref') {
        // The expression as written, to the end of its line (an `other` value may span only its first token).
        const code = file.text?.slice(v.s).split('\n', 1)[0]!.trim() ?? '';
        return { text: null, why: code ? `\`${code.length > 60 ? `${code.slice(0, 57)}...` : code}\` is computed at deploy time` : 'is computed' };
      }
      if (/^resourceGroup\(\)\.location$/.test(v.path)) return { text: null, why: 'the location is the resource group\'s, chosen at deploy time' };
      const head = v.path.split('.')[0]!;
      if (!bound.has(head) && file.params.has(head) && head === v.path) {
        const passed = env(bicepParamName(self, head));
        if (passed.state === 'set') return this.passedBicepParam(head, passed.value, passed.where, env);
        if (passed.state === 'conflict') return { text: null, why: `param ${head} is given different values (${passed.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})` };
        const fallback = file.params.get(head);
        if (!fallback) return { text: null, why: `param ${head} has no default: its value is given at deploy time` };
        // Said as it is (following the default would only find that it is no literal).
        if (fallback.k === 'ref' && /^resourceGroup\(\)\.location$/.test(fallback.path)) return { text: null, why: `param ${head} defaults to the resource group's location, chosen at deploy time` };
      }
      const node = follow(v, bound);
      if (node && node !== v) return resolve(node, bound, depth + 1);
      return { text: null, why: `${v.path} is not a literal or parameter default in this file` };
    };
    return { follow, resolve };
  }

  /**
   * The file's Azure OpenAI accounts with the deployments it reports for them, then the
   * deployments of accounts it does not define, each its own endpoint.
   */
  private bicepAccounts(file: BicepFile, accounts: BicepResource[], deployments: BicepResource[], fromCaller: (d: BicepResource) => boolean, follow: BicepFollow, resolve: BicepFullResolve): void {
    const seen = new Set<BicepResource>();
    for (const account of accounts) {
      const kind = resolve(bicepField(account.body, 'kind')).text;
      if (kind !== 'OpenAI' && kind !== 'AIServices') {
        for (const d of deployments) if (bicepAccountOf(d) === account.symbol && kind !== null) seen.add(d);
        continue;
      }
      const location = bicepField(account.body, 'location');
      const own = deployments.filter((d) => bicepAccountOf(d) === account.symbol);
      own.forEach((d) => seen.add(d));
      if (!location || (own.length && own.every(fromCaller))) continue;
      const loc = resolve(location);
      const name = resolve(bicepField(account.body, 'properties', 'customSubDomainName')).text ?? resolve(bicepField(account.body, 'name')).text;
      const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
      const param = bicepParamOf(file, location);
      const place: AccountPlace = { region, name, resource: `resource ${account.symbol}`, ...(loc.why ? { why: loc.why } : {}), ...(param ? { locationParam: param } : {}) };
      const list = own.filter((d) => !fromCaller(d)).flatMap((d) => this.bicepDeclared(file, d, place, follow, resolve));
      const unlinked = deployments.find((d) => bicepAccountOf(d) === undefined);
      this.azureAccountEndpoint(bicepLocated(location), place, list, [],
        unlinked ? `the account of deployment ${unlinked.symbol} cannot be read` : undefined);
    }
    // Deployments of an account this file does not define (`existing`, or unreadable): their own endpoints.
    for (const d of deployments) {
      if (seen.has(d) || fromCaller(d)) continue;
      const owner = bicepAccountOf(d);
      const place: AccountPlace = {
        region: null, name: null, resource: owner ? `account ${owner}` : 'an account this file does not name',
        why: owner ? `account ${owner} is not defined with its location in this file` : `the account of deployment ${d.symbol} cannot be read`,
      };
      for (const dep of this.bicepDeclared(file, d, place, follow, resolve)) this.host.endpoints.push(this.deploymentEndpoint(dep, place));
    }
  }

  /** A Bicep deployment's SKU; in a loop, one per item of the list it loops over. */
  private bicepDeclared(file: BicepFile, d: BicepResource, account: AccountPlace, follow: BicepFollow, resolve: BicepFullResolve): DeclaredDeployment[] {
    const skuOf = (bound: BicepBound): BicepValue | undefined => {
      const sku = bicepField(d.body, 'sku');
      if (sku?.k === 'other' && d.loopVar && file.text) {
        // `sku: contains(item, 'sku') ? item.sku : {...}`: the item's own SKU when it has one.
        const code = file.text.slice(sku.s, sku.e);
        const own = bicepField(bound.get(d.loopVar), 'sku');
        if (own && new RegExp(`^contains\\(\\s*${d.loopVar}\\s*,\\s*'sku'\\s*\\)\\s*\\?\\s*${d.loopVar}\\.sku\\b`).test(code)) return bicepField(own, 'name');
      }
      return bicepField(follow(sku, bound), 'name') ?? bicepField(d.body, 'sku', 'name');
    };
    const one = (label: string, bound: BicepBound, anchor: BicepValue): DeclaredDeployment => {
      const expr = skuOf(bound);
      const r = resolve(expr, bound);
      const inItem = bound.size > 0 && r.literal !== undefined;
      const at = bicepLocated(inItem ? r.literal! : expr ?? anchor);
      if (expr?.k === 'ref' && !bound.has(expr.path)) this.skuParameter(file, expr, label, account);
      return {
        label, at, sku: r.text, ...(r.text && r.why ? { skuFrom: r.why } : {}),
        ...(r.text ? {} : { why: `the SKU of ${label} ${r.why ? `is unknown (${r.why})` : 'is not a literal or a parameter default'}` }),
        ...(r.literal && (inItem || r.literal === expr) && r.literal.verbatim ? { edit: bicepLocated(r.literal) } : {}),
      };
    };
    if (!d.loop) return [one(`resource ${d.symbol}`, NO_BINDINGS, d.body)];
    const list = follow(d.loopOver, NO_BINDINGS);
    // An empty default (`param deployments array = []`) says the list is given at deploy time.
    if (list?.k !== 'arr' || !list.items.length || !d.loopVar) {
      return [{ label: `resource ${d.symbol}`, at: bicepLocated(bicepField(d.body, 'sku') ?? d.body), sku: null, why: `the SKU of deployment ${d.symbol} comes from a loop over a list that is not written in this file` }];
    }
    return list.items.map((item, i) => {
      const name = resolve(bicepField(item, 'name')).text;
      return one(`resource ${d.symbol}[${i}]${name ? ` (${name})` : ''}`, new Map([[d.loopVar!, item]]), item);
    });
  }

  /**
   * A URL a Bicep value builds (a literal, `'https://${name}.openai.azure.com/'`, or
   * `format('https://{0}.services.ai.azure.com/api/projects/{1}', ...)`): each part this file
   * resolves (parameters with the values callers and parameters files give, variables), HOLE
   * for the rest, with why. Null for a value that is no http(s) URL.
   */
  private bicepUrl(file: BicepFile, v: BicepValue, resolve: BicepResolve): BicepUrl | null {
    const unknown: string[] = [];
    const part = (r: { text: string | null; why?: string }, what: string): string => {
      if (r.text !== null) return r.text;
      unknown.push(r.why ?? `${what} is not known here`);
      return HOLE;
    };
    // A computed argument is shown as written (resolve shows the rest of its line).
    const argument = (arg: BicepValue, n: string): { text: string | null; why?: string } => {
      const r = resolve(arg);
      const code = file.text?.slice(arg.s, arg.e).replace(/\s+/g, ' ') ?? '';
      return r.text === null && arg.k === 'other' ? { text: null, why: `{${n}} is \`${code.length > 60 ? `${code.slice(0, 57)}...` : code}\`, computed at deploy time` } : r;
    };
    let shown: string;
    let text: string;
    if (v.k === 'str') shown = text = v.v;
    else if (v.k === 'tmpl') {
      shown = v.raw;
      text = v.raw.replace(/\$\{([^}]*)\}/g, (_, expr: string) => part(this.bicepExpression(file, expr.trim(), v, resolve), `\`${expr.trim()}\``));
    } else if (v.k === 'ref' && v.path === 'format()' && v.args?.[0]?.k === 'str') {
      const args = v.args;
      shown = v.args[0].v;
      text = shown.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, n: string) => {
        const arg = args[Number(n) + 1];
        return arg ? part(argument(arg, n), `{${n}}`) : part({ text: null, why: `format() has no argument ${n}` }, '');
      });
    } else return null;
    if (!/^https?:\/\//i.test(text.trim())) return null;
    // The unknown parts left of the host's end are the host's (parts are replaced left to right).
    const url = parseUrl(text.trim());
    const lead = text.length - text.trimStart().length;
    const inHost = url ? text.slice(0, lead + url.hostEnd).split(HOLE).length - 1 : unknown.length;
    return { text, shown, hostUnknown: unknown.slice(0, inHost), at: `${this.host.file}:${lineAndColumn(file.text ?? '', v.s).line}` };
  }

  /** A part of an interpolated string (`${name}`, `${account.name}`): what this file makes of it. */
  private bicepExpression(file: BicepFile, expr: string, at: BicepValue, resolve: BicepResolve): { text: string | null; why?: string } {
    if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(expr)) return { text: null, why: `\`${expr}\` is computed at deploy time` };
    const [head, ...rest] = expr.split('.');
    const module = file.modules.find((m) => m.symbol === head);
    if (module) return { text: null, why: `${expr} is an output of module ${head} (${module.type}), not followed into it` };
    const resource = file.resources.find((r) => r.symbol === head);
    if (resource && rest.join('.') === 'name') {
      const name = resource.body.k === 'obj' ? resource.body.entries.find((e) => e.key === 'name')?.value : undefined;
      const r = resolve(name);
      if (r.text !== null) return r;
      const whose = resource.existing ? `${head} is an existing resource (made outside this template), and its name` : `the name of ${head}`;
      return { text: null, why: `${whose} ${r.why ? `is unknown (${r.why})` : 'is not known here'}` };
    }
    if (resource) return { text: null, why: `${expr} is a property of ${resource.existing ? 'the existing resource' : 'resource'} ${head}, known only at deploy time` };
    return resolve({ k: 'ref', path: expr, s: at.s, e: at.e });
  }

  /**
   * URLs of a catalogued LLM API that a template writes or builds: each is a use where it is
   * written, its provider known by the host pattern and its host only when every part of it
   * resolves; otherwise the endpoint says which part is unknown and why.
   */
  private bicepUrls(file: BicepFile, resolve: BicepResolve): void {
    for (const v of bicepValues(file)) {
      const url = this.bicepUrl(file, v, resolve);
      if (!url) continue;
      const literal = v.k === 'str';
      const at: Located = { text: url.text, s: v.s, e: v.e, cs: literal ? v.cs : v.s, ce: literal ? v.ce : v.e, verbatim: literal && v.verbatim };
      const via = literal ? 'URL of an LLM API in a Bicep value' : `URL built as ${shownUrl(url.shown)}`;
      this.host.url(at, false, via, url.hostUnknown.length ? `the host is not known here: ${url.hostUnknown.join('; ')}` : undefined);
    }
  }

  /**
   * The URLs a value may hold: built here (a variable, a branch of a condition), or passed
   * to a parameter by the module calls of this file (`bicepurl:` names); `unread`, the
   * branches that are something else (a module output, a resource property) not read here.
   */
  private bicepUrlValues(file: BicepFile, value: BicepValue, env: EnvLookup, follow: BicepFollow, resolve: BicepResolve): UrlValues {
    const out: UrlValues = { urls: [], unread: [] };
    const work = [{ v: value, depth: 0 }];
    for (let item = work.pop(); item; item = work.pop()) {
      const { v, depth } = item;
      if (depth > 8) continue;
      const url = this.bicepUrl(file, v, resolve);
      if (url) out.urls.push(url);
      if (url || v.k === 'str' || v.k === 'lit' || v.k === 'tmpl') continue;
      if (v.k === 'ref' && !v.parts) {
        if (file.params.has(v.path)) {
          const passed = env(bicepUrlName(this.host.file, v.path));
          if (passedIn(passed)) {
            for (const sent of envValues(passed).map((x) => JSON.parse(x) as UrlValues)) {
              out.urls.push(...sent.urls);
              out.unread.push(...sent.unread);
            }
            continue;
          }
        }
        const node = follow(v, new Map());
        const module = file.modules.find((m) => m.symbol === v.path.split('.')[0]);
        if (node && node !== v) work.push({ v: node, depth: depth + 1 });
        else out.unread.push(module ? `${v.path} (an output of module ${module.symbol})` : v.path);
        continue;
      }
      if (v.k === 'other' && v.parts) {
        // A condition's branches are its values; what it tests is not.
        const code = file.text?.slice(v.s, v.e) ?? '';
        const q = conditionAt(code);
        for (const p of v.parts) if (q < 0 || p.s >= v.s + q) work.push({ v: p, depth: depth + 1 });
        // Parts leave literals out: a branch that is a literal is a value too (an empty one is no URL).
        for (const literal of conditionBranchLiterals(code, v.s)) work.push({ v: literal, depth: depth + 1 });
        continue;
      }
      out.unread.push(file.text?.slice(v.s, v.e).split('\n', 1)[0]!.trim() ?? 'a computed value');
    }
    return out;
  }

  /**
   * Environment variables a template gives the apps it deploys (container apps' `env: [{ name,
   * value }]`, app settings), named for one provider's SDK (AZURE_OPENAI_ENDPOINT) and set
   * from a value known only at deploy time (`openAi.outputs.endpoint`, a parameter): a
   * setting of that provider whose host and region are unknown here. Literal values are
   * URLs like any other (or no endpoint at all).
   */
  private bicepEnvSettings(file: BicepFile, resolve: BicepResolve, urls: (v: BicepValue) => UrlValues): void {
    for (const v of bicepValues(file)) {
      if (v.k !== 'obj') continue;
      const name = v.entries.find((e) => e.key === 'name')?.value;
      const value = v.entries.find((e) => e.key === 'value')?.value;
      const setting = name?.k === 'str' && value !== undefined;
      const pairs: [string, BicepValue][] = setting ? [[name.v, value]] : v.entries.map((e) => [e.key, e.value]);
      for (const [variable, set] of pairs) {
        // A setting (`{ name, value }`, or an app setting's upper-case key) holding a URL this template or its caller builds.
        if ((setting || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(variable)) && !this.host.consumed.has(set.s) && this.bicepUrlSetting(file, variable, set, urls(set))) continue;
        const urlVariable = this.host.index.envSignals(variable).some((r) => r.signal.kind === 'url' && r.signal.specific);
        if (!urlVariable || this.host.consumed.has(set.s)) continue;
        // An account's variable (AZURE_OPENAI_ENDPOINT) keeps its provider; one that overrides a public default (OPENAI_BASE_URL) does not.
        const provider = this.host.index.ownerOfUrlVariable(variable) ?? null;
        const r = resolve(set);
        if (r.text !== null) continue;
        const code = file.text?.slice(set.s, set.e).replace(/\s+/g, ' ') ?? '';
        const shown = code.length > 60 ? `${code.slice(0, 57)}...` : code;
        this.host.push({ text: '', s: set.s, e: set.e, cs: set.s, ce: set.e, verbatim: false }, { provider, host: null, region: null },
          `${variable} = \`${shown}\` in the app's environment`,
          undefined, `${variable} is set from a value known only at deploy time (${r.why ?? 'computed'}), such as a created account's endpoint, so its host and region are not known here`);
      }
    }
  }

  /**
   * An app setting whose value may be a URL of a catalogued LLM API built in the workspace
   * (`value: projectEndpoint`, a parameter a caller passes such a URL): a use, on the setting,
   * of the provider its host names, one per provider. The host is known only when every
   * value the setting may take is that one host, fully resolved. False when it holds none.
   */
  private bicepUrlSetting(file: BicepFile, variable: string, set: BicepValue, values: UrlValues): boolean {
    const byProvider = new Map<Provider, { url: BicepUrl; host: string }[]>();
    for (const url of values.urls) {
      const parsed = parseUrl(url.text.trim());
      const match = parsed ? this.host.index.matchHost(parsed.host) : null;
      if (!parsed || !match || match.provider.kind === 'self-hosted') continue;
      byProvider.set(match.provider, [...(byProvider.get(match.provider) ?? []), { url, host: parsed.host }]);
    }
    const code = file.text?.slice(set.s, set.e).replace(/\s+/g, ' ') ?? '';
    const shown = code.length > 60 ? `${code.slice(0, 57)}...` : code;
    for (const [provider, found] of byProvider) {
      const hosts = new Set(found.map((f) => f.host));
      const host = hosts.size === 1 && !values.unread.length && !found[0]!.host.includes(HOLE) ? found[0]!.host : null;
      const match = this.host.index.matchHost(found[0]!.host);
      const built = [...new Set(found.map((f) => `${shownUrl(f.url.shown)} (${f.url.at})`))].join(' or ');
      const others = values.unread.length ? `; otherwise it is ${values.unread.map((u) => `\`${u.length > 70 ? `${u.slice(0, 67)}...` : u}\``).join(', ')}, not read here` : '';
      const why = [
        ...found.flatMap((f) => (f.url.hostUnknown.length ? [`the URL built in ${f.url.at}, whose host is not known there (${f.url.hostUnknown.join('; ')})`] : [])),
        ...(hosts.size > 1 ? [`one of ${hosts.size} hosts`] : []),
        ...(values.unread.length ? ['or a value not read here'] : []),
      ];
      const target = host && match ? hostTarget(match, host) : { provider, host: null, region: match?.region ?? null, ...(match ? { pattern: match.pattern } : {}) };
      const endpoint = makeEndpoint(this.host.index, this.host.file, { s: set.s, e: set.e }, target, `${variable} = \`${shown}\` in the app's environment: ${built}${others}`,
        host ? {} : { unknown: `${variable} is ${why.length ? why.join(', ') : 'a URL whose host is not known here'}` });
      endpoint.env = found.map((f) => ({ name: variable, value: shownUrl(f.url.shown), file: f.url.at.slice(0, f.url.at.lastIndexOf(':')), line: Number(f.url.at.slice(f.url.at.lastIndexOf(':') + 1)) }));
      this.host.consumed.add(set.s);
      this.host.endpoints.push(endpoint);
    }
    return byProvider.size > 0;
  }

  /**
   * `module openAi 'core/ai/cognitiveservices.bicep' = { params: { location: ..., deployments: [ { sku: { name: ... } } ] } }`:
   * the deployments passed are endpoints here, where their SKUs are written. The module's
   * parameters travel to its file, and a note that its deployments are reported here.
   */
  private bicepModuleCall(
    file: BicepFile,
    m: BicepResource,
    dir: string,
    env: EnvLookup,
    field: (obj: BicepValue | undefined, ...path: string[]) => BicepValue | undefined,
    follow: (v: BicepValue | undefined, bound: Map<string, BicepValue>) => BicepValue | undefined,
    resolve: (v: BicepValue | undefined, bound?: Map<string, BicepValue>) => { text: string | null; why?: string; literal?: Extract<BicepValue, { k: 'str' }> },
    located: (v: BicepValue) => Located,
  ): void {
    const local = !/^(?:br|ts)[:/]/.test(m.type);
    const target = local ? joinPath(dir, m.type) : null;
    const call = `module ${m.symbol} in ${this.host.file}`;
    // The module learns of every call: one that reports nothing keeps the module's own deployments reported.
    if (target) this.host.definitions.push({ name: bicepCallName(target), value: call, offset: m.body.s });
    if (m.loop) return;
    const params = field(m.body, 'params');
    if (params?.k !== 'obj') return;
    if (target) {
      for (const { key, value } of params.entries) {
        if (value.k !== 'str' && value.k !== 'ref') continue;
        const r = resolve(value);
        // The caller's own parameter may be set by its azd parameters file, which the module's file can look up.
        const own = value.k === 'ref' && file.params.has(value.path);
        const sent = own
          ? referenceValue({ names: [bicepParamName(this.host.file, value.path)], label: `param ${value.path} of ${this.host.file}`, text: r.text, ...(r.why ? { why: r.why } : {}) })
          : r.text ?? unknownValue(r.why ?? `${key} is computed`);
        this.host.definitions.push({ name: bicepParamName(target, key), value: sent, offset: value.s });
      }
      // A URL the module is passed (built here, or passed to this file in turn) travels to it, for the settings it makes of it.
      for (const { key, value } of params.entries) {
        const values = this.bicepUrlValues(file, value, env, follow, resolve);
        if (values.urls.length) this.host.definitions.push({ name: bicepUrlName(target, key), value: JSON.stringify(values), offset: value.s });
      }
    }
    // The caller's own parameters it passes on as they are (`location: location`), by the module's parameter they fill.
    const passes: Record<string, string> = Object.fromEntries(params.entries.flatMap(({ key, value }) => (value.k === 'ref' && !value.parts && file.params.has(value.path) ? [[key, value.path]] : [])));
    if (target) {
      // A list this file's callers give it and it gives on (`deployments: models`): its
      // deployments are reported where those callers write them (bicepLibraryLocation).
      for (const { key, value } of params.entries) {
        if (value.k !== 'ref' || value.parts || !isBicepListParam(file, value.path)) continue;
        const forward = JSON.stringify({ call, from: this.host.file, param: value.path, target, targetParam: key, passes } satisfies BicepForward);
        this.host.definitions.push({ name: bicepForwardName(this.host.file, value.path), value: forward, offset: value.s });
        this.host.definitions.push({ name: bicepForwardedName(target, key), value: forward, offset: value.s });
      }
    }
    for (const { key, value: passed } of params.entries) this.bicepModuleDeployments(file, m, target, call, key, passed, passes, env, field, follow, resolve, located);
  }

  /**
   * A list of model deployments a module call passes (`deployments: [...]`, or any list of
   * objects with a `model`): endpoints here, where their SKUs are written, when the module
   * makes them deployments of an OpenAI account, itself or through modules that pass the
   * list on, at the location this call passes. A list this file is itself given and passes on
   * is reported by its callers when they all report it.
   */
  private bicepModuleDeployments(
    file: BicepFile,
    m: BicepResource,
    target: string | null,
    call: string,
    key: string,
    passed: BicepValue,
    passes: Record<string, string>,
    env: EnvLookup,
    field: (obj: BicepValue | undefined, ...path: string[]) => BicepValue | undefined,
    follow: (v: BicepValue | undefined, bound: Map<string, BicepValue>) => BicepValue | undefined,
    resolve: (v: BicepValue | undefined, bound?: Map<string, BicepValue>) => { text: string | null; why?: string; literal?: Extract<BicepValue, { k: 'str' }> },
    located: (v: BicepValue) => Located,
  ): void {
    const items = this.bicepDeploymentItems(passed, follow);
    const models = items.length > 0 && items.every((item) => field(item, 'model') !== undefined);
    // Lists read from a YAML or JSON file (`loadYamlContent('ai.yaml').deployments`): that file reports their items.
    const loaded = this.loadedLists(file, passed);
    if (key !== 'deployments' && !models && !loaded.length) return;
    // The module parameter that must carry the account's location, when the list reaches an account module's deployments.
    const library = target ? bicepLibraryLocation(env, target, key) : null;
    const own = passed.k === 'ref' && !passed.parts && file.params.has(passed.path) ? passed.path : undefined;
    if (own && library && Object.hasOwn(passes, library) && bicepReportedByCallers(env, this.host.file, own, passes[library]!)) return;
    if (!items.length && !loaded.length && follow(passed, new Map())?.k === 'arr') return;
    const params = field(m.body, 'params');
    const kind = resolve(field(params, 'kind')).text;
    const openAiFormat = items.some((item) => resolve(field(item, 'model', 'format')).text === 'OpenAI');
    const openAi = key === 'deployments' && (kind === 'OpenAI' || kind === 'AIServices' || (kind === null && (/cognitive|openai/i.test(m.type) || openAiFormat)));
    // A module the scan cannot read (not in the workspace, or from a registry) that is given
    // OpenAI-format model deployments makes them on an account: reported here, never dropped.
    const unreadModule = target === null || !passedIn(env(bicepFileName(target)));
    const reaches = openAi || (models && (library !== null || (unreadModule && openAiFormat)));
    const sendsLoaded = loaded.length > 0 && (openAi || library !== null || unreadModule);
    // A loaded list the workspace does not show (no such file, or no model list there) is one unread deployment here: fail closed.
    const unseen = loaded.filter((l) => !passedIn(env(bicepModelsName(l.file, l.path.join('.')))));
    const labelOf = (item: BicepValue, i: number): string => `${key}[${i}]${resolve(field(item, 'name')).text ? ` (${resolve(field(item, 'name')).text})` : ''} of module ${m.symbol}`;
    const locationParam = library ?? 'location';
    const location = field(params, locationParam);
    const loc = location ? resolve(location) : { text: null, why: `module ${m.symbol} is not passed ${locationParam === 'location' ? 'a location' : `${locationParam} (the account's location)`}, so the module's default applies (not read across files)` };
    const name = openAi ? resolve(field(params, 'customSubDomainName')).text ?? resolve(field(params, 'name')).text : null;
    const region = loc.text?.toLowerCase().replace(/\s+/g, '') ?? null;
    const resource = `module ${m.symbol} (${m.type})`;
    const param = bicepParamOf(file, location);
    const place: AccountPlace = { region, name, resource, ...(loc.why ? { why: loc.why } : {}), ...(param ? { locationParam: param } : {}) };
    // Told before the module's own analysis can say where the list goes, so on what the list looks like.
    if (openAi || models || sendsLoaded) {
      if (target) this.host.definitions.push({ name: bicepCallerName(target, key), value: call, offset: m.body.s });
      items.forEach((item, i) => this.skuParameter(file, field(item, 'sku', 'name'), labelOf(item, i), place));
    }
    if (!reaches && !sendsLoaded) return;
    for (const list of loaded) {
      const use: LoadedList = { call, template: this.host.file, key, path: list.path, account: place, ...(openAi ? {} : { openAiFormat: true }) };
      this.host.definitions.push({ name: bicepLoadName(list.file), value: JSON.stringify(use), offset: list.at });
    }
    // A list computed in a way not read here still goes to the module: it is one unread deployment here.
    const unread: DeclaredDeployment[] = (items.length || sendsLoaded) && !(sendsLoaded && unseen.length) ? [] : [{
      label: `the deployments of module ${m.symbol}`, at: located(passed), sku: null,
      why: unseen.length
        ? `the deployments passed to module ${m.symbol} are read from ${unseen.map((l) => `${l.path.join('.')} in ${l.file}`).join(', ')}, which the workspace does not show as a list of model deployments`
        : `the deployments passed to module ${m.symbol} are computed (${resolve(passed).why ?? 'not a list written in this file'})`,
    }];
    const declared = unread.concat(items.map((item, i): DeclaredDeployment => {
      const label = labelOf(item, i);
      const r = resolve(field(item, 'sku', 'name'));
      return {
        label, at: located(r.literal ?? field(item, 'sku', 'name') ?? item), sku: r.text, ...(r.text && r.why ? { skuFrom: r.why } : {}),
        ...(r.text ? {} : { why: field(item, 'sku') ? `the SKU of ${label} is not a literal or a parameter default` : `${label} sets no SKU, so the module's default applies (not read across files)` }),
        ...(r.literal?.verbatim && (r.literal === field(item, 'sku', 'name') || soleDefault(file, field(item, 'sku', 'name'), r.literal)) ? { edit: located(r.literal) } : {}),
      };
    }));
    // Code that names the account cannot see the loaded SKUs (one may be Global): its verdict stays unknown.
    const loadedSkus = sendsLoaded ? `its deployments are read from ${loaded.map((l) => l.file).join(', ')} (reported there)` : undefined;
    this.azureAccountEndpoint(located(location ?? m.body), place, declared, [], loadedSkus, sendsLoaded && !unseen.length);
  }

  /**
   * The lists a value reads from YAML or JSON files the template loads (`var ai =
   * loadYamlContent('./ai.yaml')`, then `ai.deployments`): Bicep's documented file functions.
   */
  private loadedLists(file: BicepFile, passed: BicepValue): { file: string; path: string[]; at: number }[] {
    const out: { file: string; path: string[]; at: number }[] = [];
    const work = [passed];
    for (let v = work.pop(), n = 0; v && n < 100; v = work.pop(), n++) {
      if ((v.k === 'other' || v.k === 'ref') && v.parts) work.push(...v.parts);
      if (v.k === 'arr') work.push(...v.items);
      if (v.k !== 'ref' || v.parts) continue;
      const [head, ...path] = v.path.split('.');
      const source = file.vars.get(head!);
      const call = source?.k === 'ref' && file.text ? /^load(?:Yaml|Json)Content\(\s*'([^'$]+)'\s*\)$/.exec(file.text.slice(source.s, source.e).trim()) : null;
      if (call && path.length) out.push({ file: joinPath(moduleDir(this.host.file), call[1]!), path, at: v.s });
    }
    return out;
  }

  /**
   * The deployment objects a module call may pass: a written list, a variable holding one
   * (or one object), or an expression over such variables (`deployEval ? union([evalDeployment],
   * defaults) : defaults`), where every object either branch may pass counts.
   */
  private bicepDeploymentItems(passed: BicepValue | undefined, follow: (v: BicepValue | undefined, bound: Map<string, BicepValue>) => BicepValue | undefined): BicepValue[] {
    const out: BicepValue[] = [];
    const seen = new Set<BicepValue>();
    // A stack (in written order): an operator chain may have more operands than a call takes arguments.
    const work = passed ? [{ v: passed, depth: 0 }] : [];
    for (let item = work.pop(); item; item = work.pop()) {
      // A call (`union(a, [b])`) is read for its arguments; any other reference for what it stands for.
      const v = item.v.k === 'ref' && item.v.parts ? item.v : follow(item.v, new Map());
      if (!v || seen.has(v) || item.depth > 8) continue;
      seen.add(v);
      const inner = v.k === 'arr' ? v.items : (v.k === 'other' || v.k === 'ref') ? v.parts ?? [] : [];
      if (v.k === 'obj' && item.depth > 0) out.push(v);
      else for (let k = inner.length - 1; k >= 0; k--) work.push({ v: inner[k]!, depth: item.depth + 1 });
    }
    return out;
  }

  /** A deployment's SKU that is a parameter of this file: its parameters file learns what it sets, and where the account is (deploymentSkuSettings). */
  private skuParameter(file: BicepFile, expr: BicepValue | undefined, label: string, account: AccountPlace): void {
    if (expr?.k !== 'ref' || !file.params.has(expr.path)) return;
    const use: SkuUse = { label, region: account.region, resource: account.resource, ...(account.why ? { why: account.why } : {}), ...(account.locationParam ? { locationParam: account.locationParam } : {}) };
    this.host.definitions.push({ name: bicepSkuName(this.host.file, expr.path), value: JSON.stringify(use), offset: expr.s });
  }

  /**
   * A parameters file (azd `main.parameters.json`, `.bicepparam`) that sets an OpenAI
   * account's location or a deployment's SKU: a setting, like a .env line, reported where it
   * is written as well as on the deployment it feeds. A Global* SKU processes anywhere; any
   * other is placed by its account's location (read from this file when it sets that too).
   * An azd `${VAR}` with no value in the workspace is unknown, and reported as such.
   * With no fix: the deployment's own line is where its type is changed.
   */
  deploymentSkuSettings(template: string, settings: { param: string; value: Located }[], env: EnvLookup, lineOf: (offset: number) => number): void {
    const provider = this.host.index.providers.get('azure-openai');
    if (!provider) return;
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
    const readSetting = (param: string, value: Located): { text: string | null; why?: string } => this.passedBicepParam(param, value.text, { file: this.host.file, line: lineOf(value.s) }, env);
    for (const { param, value } of settings) {
      const accounts = env(bicepLocationName(template, param));
      if (passedIn(accounts)) {
        const r = readSetting(param, value);
        const region = r.text?.toLowerCase().replace(/\s+/g, '') ?? null;
        const via = `${r.why ?? `param ${param} is ${r.text}`}; it is the location of ${envValues(accounts).join(', ')}`;
        const endpoint = makeEndpoint(this.host.index, this.host.file, { s: value.s, e: value.e }, { provider, host: null, region, ...(pattern ? { pattern } : {}) }, via,
          region ? {} : { unknown: r.why ?? `param ${param} is not known here` });
        endpoint.declaration = true;
        this.host.endpoints.push(endpoint);
      }
      const used = env(bicepSkuName(template, param));
      if (used.state !== 'set' && used.state !== 'conflict') continue;
      const r = readSetting(param, value);
      const type = r.text ? provider.deploymentTypes?.find((t) => t.sku.toLowerCase() === r.text!.toLowerCase()) : undefined;
      const uses = (used.state === 'set' ? [used] : used.values).map((u) => ({ use: JSON.parse(u.value) as SkuUse, where: u.where }));
      const usesText = `it is the SKU of ${uses.map((u) => `${u.use.label} (${formatWhere(u.where)})`).join(', ')}`;
      if (type?.scope !== 'global') {
        // Placed by the account: where this file sets the account's location too, that value.
        const places = uses.map(({ use }): AccountPlace => {
          const location = use.locationParam ? settings.find((x) => x.param === use.locationParam) : undefined;
          if (!location) return { region: use.region, name: null, resource: use.resource, ...(use.why ? { why: use.why } : {}) };
          const l = readSetting(use.locationParam!, location.value);
          return { region: l.text?.toLowerCase().replace(/\s+/g, '') ?? null, name: null, resource: use.resource, ...(l.why ? { why: l.why } : {}) };
        });
        const place = new Set(places.map((x) => x.region)).size === 1 ? places[0]!
          : { region: null, name: null, resource: 'accounts in different locations', why: `the deployments it is the SKU of are in ${places.map((x) => x.region ?? 'an unresolved location').join(', ')}` };
        const endpoint = this.deploymentEndpoint({
          label: `param ${param}`, at: value, sku: r.text,
          ...(r.text ? (r.why ? { skuFrom: r.why } : {}) : { why: r.why ?? `param ${param} is not known here` }),
        }, place);
        endpoint.via = `${endpoint.via}; ${usesText}`;
        this.host.endpoints.push(endpoint);
        continue;
      }
      const via = `${r.why ?? `param ${param} is ${r.text}`}; ${usesText}`;
      const endpoint = makeEndpoint(this.host.index, this.host.file, { s: value.s, e: value.e }, { provider, host: null, region: 'global' }, via);
      endpoint.location = globalPlacement(type.sku, null, type.sources);
      endpoint.euResident = false;
      endpoint.conditions = type.note ? [type.note] : [];
      endpoint.declaration = true;
      this.host.endpoints.push(endpoint);
    }
  }

  /**
   * A YAML or JSON file a Bicep template loads (`loadYamlContent('ai.yaml')`) and passes a list
   * of on to an account as its model deployments: each item is a deployment, reported here at
   * its SKU, in the account's place as the template's module call gives it.
   */
  loadedDeployments(root: CNode, env: EnvLookup): void {
    // Its top-level lists of model deployments, for the templates that load it to know they are read here.
    for (const entry of root.k === 'map' ? root.entries : []) {
      const items = entry.value.k === 'seq' ? entry.value.items : [];
      if (items.length && items.every((item) => entryOf(item, 'model') !== undefined)) this.host.definitions.push({ name: bicepModelsName(this.host.file, entry.key), value: entry.key, offset: entry.value.s });
    }
    for (const value of envValues(env(bicepLoadName(this.host.file)))) {
      const list = JSON.parse(value) as LoadedList;
      let node: CNode | undefined = root;
      for (const key of list.path) node = entryOf(node, key);
      const items = node?.k === 'seq' ? node.items : [];
      if (!items.length || !items.every((item) => entryOf(item, 'model') !== undefined)) continue;
      const format = (item: CNode): unknown => { const f = entryOf(entryOf(item, 'model'), 'format'); return f?.k === 'scalar' ? f.v : undefined; };
      if (list.openAiFormat && !items.some((item) => format(item) === 'OpenAI')) continue;
      // The template read the location before its parameters file was seen: a value that file gives is looked up here.
      let account = list.account;
      const param = account.locationParam;
      const given = param ? env(bicepParamName(list.template, param)) : undefined;
      if (param && given?.state === 'set') {
        const r = this.passedBicepParam(param, given.value, given.where, env);
        account = { ...account, region: r.text?.toLowerCase().replace(/\s+/g, '') ?? null, ...(r.why ? { why: r.why } : {}) };
      } else if (param && given?.state === 'conflict') {
        account = { ...account, region: null, why: `param ${param} is given different values (${given.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})` };
      }
      items.forEach((item, i) => {
        const name = entryOf(item, 'name');
        const label = `${list.path.join('.')}[${i}]${name?.k === 'scalar' ? ` (${String(name.v)})` : ''}, passed as ${list.key} by ${list.call}`;
        const sku = entryOf(entryOf(item, 'sku'), 'name');
        const text = sku?.k === 'scalar' && typeof sku.v === 'string' ? sku.v : null;
        const at = sku?.k === 'scalar' ? located(sku) : { text: '', s: item.s, e: item.s + 1, cs: item.s, ce: item.s, verbatim: false };
        this.host.consumed.add(at.s);
        this.host.endpoints.push(this.deploymentEndpoint({
          label, at, sku: text,
          ...(text ? {} : { why: sku ? `the SKU of ${label} is not a string` : `${label} sets no SKU, so the module's default applies (not read across files)` }),
          ...(text && at.verbatim ? { edit: at } : {}),
        }, account));
      });
    }
  }

  /** A parameter's value from a module call or an azd parameters file: `${VAR}` and `${VAR=default}` read the env azd deploys with. */
  private passedBicepParam(param: string, value: string, where: EnvWhere, env: EnvLookup): { text: string | null; why?: string } {
    const passed = passedValue(value, env);
    if (passed.found && !passed.found.value.startsWith(REFERENCE_MARK)) return this.passedBicepParam(param, passed.found.value, passed.found.where, env);
    if (passed.text === null) return { text: null, why: `param ${param} is passed by ${formatWhere(where)}, where ${passed.why}` };
    if (value.startsWith(REFERENCE_MARK)) return { text: passed.text, why: `param ${param} is passed by ${formatWhere(where)}${passed.why ? `, where ${passed.why}` : ''}` };
    const azd = /^\$\{(\w+)(?:=([^}]*))?\}$/.exec(value);
    if (!azd) {
      if (value.includes('${')) return { text: null, why: `param ${param} is "${value}" in ${formatWhere(where)}, filled in only at deploy time` };
      return { text: value, why: `param ${param} is set in ${formatWhere(where)}` };
    }
    const [, name, fallback] = azd;
    const set = env(name!);
    if (set.state === 'set') return { text: set.value, why: `param ${param} is ${value} in ${formatWhere(where)}, and ${name} is set in ${formatWhere(set.where)}` };
    if (set.state === 'conflict') return { text: null, why: `param ${param} is ${value} in ${formatWhere(where)}, and ${name} is set to different values in the workspace` };
    if (fallback !== undefined && fallback !== '') return { text: fallback, why: `param ${param} is ${value} in ${formatWhere(where)}: ${name} is not set in the workspace, so azd uses the default ${fallback} unless the azd environment sets it` };
    return { text: null, why: `param ${param} is ${value} in ${formatWhere(where)}, and ${name} is not set in the workspace: its value is given at deploy time (azd environment or prompt)` };
  }

  /** URLs in every string of the file's attributes, in file order; nested blocks and values are a work list, so no nesting is too deep. */
  private walkHclStrings(body: TfBlock, ctx: EvalContext): void {
    const blocks = [body];
    for (let block = blocks.pop(); block; block = blocks.pop()) {
      const values = [...block.attributes.values()].map((a) => a.value).reverse();
      for (let v = values.pop(); v; v = values.pop()) {
        if (v.k === 'str') {
          const raw = ctx.parser.text.slice(v.cs, v.ce);
          this.host.url({ text: v.v, s: v.s, e: v.e, cs: v.cs, ce: v.ce, verbatim: raw === v.v });
        } else if (v.k === 'obj') {
          for (let k = v.entries.length - 1; k >= 0; k--) values.push(v.entries[k]!.value);
        } else if (v.k === 'arr') {
          for (let k = v.items.length - 1; k >= 0; k--) values.push(v.items[k]!);
        }
      }
      for (let k = block.blocks.length - 1; k >= 0; k--) blocks.push(block.blocks[k]!);
    }
  }

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

/** The env-lookup name under which a resource's attribute (`azurerm_resource_group.this.location`) travels to the module's other .tf files. */
export function tfResourceName(dir: string, attribute: string): string {
  return `tfresource:${dir}:${attribute}`;
}

/**
 * A Terraform value as it travels to another file: the text; for the module's own variable
 * or a resource in another of its files, a reference the receiver looks up (it may be set
 * where only the receiver can look: a .tfvars, another file's default); else unknown, with why.
 */
function sentValue(dir: string, value: Value, resolveTf: (v: Value) => TfValue, what: string): string {
  const v = resolveTf(value);
  const path = refPath(value);
  const variable = path?.match(/^var\.([\w-]+)$/)?.[1];
  if (variable) {
    return referenceValue({ names: [tfInputName(dir, variable), tfvarName(dir, variable), tfDefaultName(dir, variable)], label: `var.${variable} of the calling module`, text: v.text, ...(v.text === null ? { why: v.why ?? `var.${variable} of the calling module has no value in the workspace` } : {}) });
  }
  const resource = path?.match(/^[\w-]+\.[\w-]+\.location$/)?.[0];
  if (resource && v.text === null) return referenceValue({ names: [tfResourceName(dir, resource)], label: resource, text: null, why: v.why ?? `${resource} is not set in this module` });
  return v.text ?? unknownValue(v.why ?? `${what} is not a literal or a variable default`);
}

/**
 * Whether a module's value is the `location` its callers pass: `var.location`, or
 * `coalesce(var.location, ...)`, which is that whenever a caller passes one.
 */
function isCallerLocation(v: Value): boolean {
  const first = v.k === 'call' && v.call.callee === 'coalesce' && !v.call.chain.length ? v.call.args[0]?.value : v;
  return first !== undefined && refPath(first) === 'var.location';
}

/** The env-lookup name under which a local that is the callers' location travels to the module's other .tf files. */
export function tfLocalName(dir: string, local: string): string {
  return `tflocal:${dir}:${local}`;
}

/** The env-lookup name under which every call of a Terraform module travels to the module's folder (a ModuleCall). */
export function tfCallName(dir: string): string {
  return `tfcall:${dir}`;
}

/** A module call as the module learns of it: who calls (`module "x" in FILE`) and which inputs it passes. */
/** The scalar at a path of keys in an ARM template's JSON. */
function armString(node: CNode | undefined, ...path: string[]): Extract<CNode, { k: 'scalar' }> | undefined {
  let v = node;
  for (const key of path.slice(0, -1)) v = entryOf(v, key);
  return v?.k === 'map' ? scalarEntry(v.entries, path[path.length - 1]!) : undefined;
}

/** An ARM template's resource, its type in full, and the resource it is nested in. */
interface ArmResource { node: Extract<CNode, { k: 'map' }>; type: string; parent?: Extract<CNode, { k: 'map' }> }

/**
 * An ARM template's resources, with nested ones (an account's `resources: [deployments]`) and
 * their parent: a work list, in file order (no nesting is too deep).
 */
function armResources(root: Extract<CNode, { k: 'map' }>): ArmResource[] {
  const all: ArmResource[] = [];
  const work: { r: CNode; parent?: { node: Extract<CNode, { k: 'map' }>; type: string } }[] = [];
  const collect = (list: CNode | undefined, parent?: { node: Extract<CNode, { k: 'map' }>; type: string }): void => {
    const items = list?.k === 'seq' ? list.items : [];
    for (let i = items.length - 1; i >= 0; i--) work.push({ r: items[i]!, ...(parent ? { parent } : {}) });
  };
  collect(root.entries.find((e) => e.key === 'resources')?.value);
  for (let item = work.pop(); item; item = work.pop()) {
    const { r, parent } = item;
    if (r.k !== 'map') continue;
    const written = String(armString(r, 'type')?.v ?? '');
    const type = parent && !written.includes('/') ? `${parent.type}/${written}` : written;
    all.push({ node: r, type, ...(parent ? { parent: parent.node } : {}) });
    collect(r.entries.find((e) => e.key === 'resources')?.value, { node: r, type });
  }
  return all;
}

/** A Terraform file of a module being read, with what its steps share. */
interface TfModuleFile {
  hcl: HclFile;
  env: EnvLookup;
  /** The module's folder. */
  dir: string;
  resources: TfBlock[];
  /** The module calls in the workspace that target this folder, with the inputs each passes. */
  calls: ModuleCall[];
  ctx: EvalContext;
  /** The defaults of the variables this file declares. */
  variables: Map<string, Value>;
}

/** The reference a Terraform block's attribute holds (`cognitive_account_id = azurerm_cognitive_account.x.id`). */
function tfRefOf(block: TfBlock, name: string): string | null {
  const attr = block.attributes.get(name);
  return attr ? refPath(attr.value) : null;
}

/**
 * A Terraform value: a literal, a variable (from the module calls that pass it, .tfvars files,
 * or its default), or a resource's attribute (in this file or another of the module).
 */
function terraformValue(tf: TfModuleFile, v: Value, depth: number): TfValue {
  const { hcl, env, dir, resources, ctx } = tf;
  const resolveTf = (next: Value, d: number): TfValue => terraformValue(tf, next, d);
  if (v.k === 'str') return { text: v.v, span: v, verbatim: hcl.parser.text.slice(v.cs, v.ce) === v.v, cs: v.cs, ce: v.ce };
  const path = refPath(v);
  if (path && depth < 4) {
    const parts = path.split('.');
    if (parts[0] === 'var' && parts[1]) {
      const variable = terraformVariable(tf, v, parts[1], depth, resolveTf);
      if (variable) return variable;
    } else if (parts.length >= 3) {
      const target = resources.find((r) => r.labels[0] === parts[0] && r.labels[1] === parts[1]);
      const attr = target?.attributes.get(parts[2]!);
      if (attr) return resolveTf(attr.value, depth + 1);
      // A resource in another file of the module (resource_group.tf): its value travels here.
      const other = target ? undefined : env(tfResourceName(dir, parts.slice(0, 3).join('.')));
      if (other?.state === 'set') {
        const passed = passedValue(other.value, env);
        const text = passed.found ? passed.found.value : passed.text;
        const why = passed.found ? `${passed.found.label} is set in ${formatWhere(passed.found.where)}` : passed.why;
        return { text, span: v, verbatim: false, cs: v.s, ce: v.e, why: `${parts.slice(0, 3).join('.')} is set in ${formatWhere(other.where)}${why ? `, where ${why}` : ''}` };
      }
    }
  }
  const r = evaluate(v, ctx);
  return { text: isKnown(r) ? r.text : null, span: v, verbatim: false, cs: v.s, ce: v.e };
}

/** `var.name`: a module's inputs come from the module blocks that call it, then .tfvars files, then its default; undefined when none sets it. */
function terraformVariable({ env, dir, calls, variables }: TfModuleFile, v: Value, name: string, depth: number, resolveTf: (v: Value, depth: number) => TfValue): TfValue | undefined {
  const input = env(tfInputName(dir, name));
  if (input.state === 'set') {
    const passed = passedValue(input.value, env);
    const text = passed.found ? passed.found.value : passed.text;
    const why = passed.found ? `${passed.found.label} is set in ${formatWhere(passed.found.where)}` : passed.why;
    // A call that does not pass the input gets the default: where that differs, which applies depends on the call.
    const omitting = calls.filter((c) => !c.inputs.includes(name)).map((c) => c.call);
    const def = variables.get(name);
    const fallback = !omitting.length ? undefined : def ? resolveTf(def, depth + 1).text : valueOf(env(tfDefaultName(dir, name)));
    if (omitting.length && fallback !== undefined && fallback !== text) {
      return { text: null, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} is ${text ?? 'unknown'} from the module call in ${formatWhere(input.where)}, but ${omitting.join(', ')} leave${omitting.length > 1 ? '' : 's'} it at its default${fallback === null ? '' : ` "${fallback}"`}` };
    }
    return { text, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} is passed by the module call in ${formatWhere(input.where)}${why ? `, where ${why}` : ''}` };
  }
  if (input.state === 'conflict') return { text: null, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} is passed different values by the module calls (${input.values.map((x) => formatWhere(x.where)).join(', ')})` };
  const set = env(tfvarName(dir, name));
  if (set.state === 'set') return { text: set.value, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} is set in ${formatWhere(set.where)}` };
  if (set.state === 'conflict') return { text: null, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} is set to different values in .tfvars files (${set.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})` };
  const def = variables.get(name);
  if (def) return resolveTf(def, depth + 1);
  const elsewhere = env(tfDefaultName(dir, name));
  if (elsewhere.state === 'set') return { text: elsewhere.value, span: v, verbatim: false, cs: v.s, ce: v.e, why: `var.${name} defaults to "${elsewhere.value}" in ${formatWhere(elsewhere.where)}` };
  return undefined;
}

/** Whether the module's callers report this deployment (see terraformDeployments). */
function reportedByCallers({ env, dir, calls }: TfModuleFile, d: TfBlock, accounts: TfBlock[], locals: [string, TfAttribute][]): boolean {
  const input = tfRefOf(d, 'for_each')?.match(/^var\.([\w-]+)$/)?.[1];
  if (input === undefined || !calls.length) return false;
  const reporting = new Set(envValues(env(tfCallerName(dir, input))));
  if (!calls.every((c) => reporting.has(c.call))) return false;
  const sku = d.blocks.find((b) => b.type === 'sku' || b.type === 'scale');
  const skuAttr = sku?.attributes.get('name') ?? sku?.attributes.get('type');
  // The SKU fields a caller reads from each deployment it passes (terraformModuleAccount).
  if (!/^each\.value\.(?:sku\.name|scale\.type|sku_name|scale_type)$/.test((skuAttr && refPath(skuAttr.value)) ?? '')) return false;
  const linked = tfRefOf(d, 'cognitive_account_id');
  const account = accounts.find((a) => linked === `azurerm_cognitive_account.${a.labels[1]}.id`);
  if (account) return atCallerLocation(env, dir, locals, account.attributes.get('location')?.value);
  const published = linked ? env(tfAccountName(dir, linked)) : undefined;
  return published?.state === 'set' && (JSON.parse(published.value) as PublishedAccount).variable === 'location';
}

/** Whether a location is the callers' (`var.location`, or a local that is). */
function atCallerLocation(env: EnvLookup, dir: string, locals: [string, TfAttribute][], v: Value | undefined): boolean {
  const local = v && refPath(v)?.match(/^local\.([\w-]+)$/)?.[1];
  if (!local) return v !== undefined && isCallerLocation(v);
  const here = locals.find(([name]) => name === local)?.[1];
  return here ? isCallerLocation(here.value) : valueOf(env(tfLocalName(dir, local))) === 'var.location';
}

interface ModuleCall {
  call: string;
  inputs: string[];
}

/** Module block attributes that are Terraform's own, not inputs of the module. */
const TF_MODULE_META = ['source', 'version', 'providers', 'count', 'for_each', 'depends_on'];

/** The env-lookup name that tells a Terraform module that a caller reports the deployments it passes as input `variable`. */
export function tfCallerName(dir: string, variable: string): string {
  return `tfcaller:${dir}:${variable}`;
}

const DEPLOYMENT_INPUTS = ['cognitive_deployments', 'deployments', 'deployment'];

/** The input of a module call that holds its model deployments: by its usual names, or any map or list of OpenAI-format models. */
function deploymentList(block: TfBlock): [string, TfAttribute] | undefined {
  for (const name of DEPLOYMENT_INPUTS) {
    const attr = block.attributes.get(name);
    if (attr) return [name, attr];
  }
  return [...block.attributes].find(([, attr]) => hasOpenAiModels(attr.value));
}

/** A map or list of model deployments of which one names the OpenAI format (`model_format = "OpenAI"` or `model = { format = "OpenAI" }`). */
function hasOpenAiModels(list: Value): boolean {
  const items = list.k === 'obj' ? list.entries.map((e) => e.value) : list.k === 'arr' ? list.items : [];
  return items.some((item) => {
    const format = item.k === 'obj' ? (item.entries.find((x) => x.key === 'model_format')?.value ?? item.entries.find((x) => x.key === 'model')?.value) : undefined;
    const text = format?.k === 'obj' ? format.entries.find((x) => x.key === 'format')?.value : format;
    return text?.k === 'str' && text.v === 'OpenAI';
  });
}

/** The env-lookup name under which a module call's input travels to the module's folder (as `var.NAME` there). */
export function tfInputName(dir: string, variable: string): string {
  return `tfinput:${dir}:${variable}`;
}

/** The env-lookup name under which a Bicep file's parameter value travels from a module call or an azd parameters file. */
export function bicepParamName(file: string, param: string): string {
  return `bicepparam:${file}:${param}`;
}

/** The env-lookup name under which a Bicep module learns the URLs a caller passes it as `param` (UrlValues as JSON). */
export function bicepUrlName(file: string, param: string): string {
  return `bicepurl:${file}:${param}`;
}

/** A URL a Bicep value builds: HOLE for each part the file that builds it does not know. */
interface BicepUrl {
  text: string;
  /** As written: the literal, the template, or format()'s format string. */
  shown: string;
  /** Why each unknown part of its host is unknown (none when the host is known). */
  hostUnknown: string[];
  /** Where it is built: `infra/main.bicep:198`. */
  at: string;
}

/** The URLs a value may hold, and its other values that are not read here (as written). */
interface UrlValues {
  urls: BicepUrl[];
  unread: string[];
}

type BicepResolve = (v: BicepValue | undefined) => { text: string | null; why?: string };
type BicepFollow = (v: BicepValue | undefined, bound: Map<string, BicepValue>) => BicepValue | undefined;

/** Loop variables bound to the item being read (`for d in deployments`). */
type BicepBound = Map<string, BicepValue>;
const NO_BINDINGS: BicepBound = new Map();
/** A Bicep value's text under loop bindings, why it is unknown, and the literal it comes from. */
type BicepFullResolve = (v: BicepValue | undefined, bound?: BicepBound, depth?: number) => { text: string | null; why?: string; literal?: Extract<BicepValue, { k: 'str' }> };

/** The value at a path of object keys in a Bicep value. */
function bicepField(obj: BicepValue | undefined, ...path: string[]): BicepValue | undefined {
  let v: BicepValue | undefined = obj;
  for (const key of path) v = v?.k === 'obj' ? v.entries.find((e) => e.key === key)?.value : undefined;
  return v;
}

function bicepLocated(v: BicepValue): Located {
  return v.k === 'str'
    ? { text: v.v, s: v.s, e: v.e, cs: v.cs, ce: v.ce, verbatim: v.verbatim }
    : { text: '', s: v.s, e: v.e, cs: v.s, ce: v.e, verbatim: false };
}

/** The account a Bicep deployment names by nesting, `parent: acct`, or `name: '${acct.name}/gpt-4o'`. */
function bicepAccountOf(d: BicepResource): string | undefined {
  if (d.parent) return d.parent;
  const parent = bicepField(d.body, 'parent');
  if (parent?.k === 'ref') return parent.path;
  const name = bicepField(d.body, 'name');
  return name?.k === 'tmpl' ? /^\$\{(\w+)\.name\}\//.exec(name.raw)?.[1] : undefined;
}

type LibraryDeployment = BicepResource & { loopVar: string; loopOver: Extract<BicepValue, { k: 'ref' }> };

/**
 * A deployment looped over a parameter its callers pass, whose SKU is the item's and whose
 * account is an OpenAI one at the `location` parameter: the callers may report it.
 */
function isLibraryDeployment(file: BicepFile, d: BicepResource, accounts: BicepResource[], resolve: BicepFullResolve): d is LibraryDeployment {
  if (!d.loop || !d.loopVar || d.loopOver?.k !== 'ref' || !file.params.has(d.loopOver.path)) return false;
  // The fields a caller reads from each deployment it passes (bicepModuleCall): `sku.name`.
  const sku = bicepField(d.body, 'sku');
  const item = d.loopVar;
  const skuCode = sku && file.text ? file.text.slice(sku.s, sku.e) : '';
  const skuName = bicepField(sku, 'name');
  const readsItem = new RegExp(`^(?:${item}\\.\\??sku\\b|contains\\(\\s*${item}\\s*,\\s*'sku'\\s*\\)\\s*\\?\\s*${item}\\.sku\\b)`).test(skuCode)
    || (skuName?.k === 'ref' && skuName.path === `${item}.sku.name`);
  const account = accounts.find((a) => a.symbol === bicepAccountOf(d));
  const location = bicepField(account?.body, 'location');
  const kind = resolve(bicepField(account?.body, 'kind')).text;
  return readsItem && location?.k === 'ref' && location.path === 'location' && file.params.has('location') && (kind === 'OpenAI' || kind === 'AIServices');
}

/** A URL as written, for messages: format()'s `{0}` and unknown parts as they are, cut short. */
function shownUrl(shown: string): string {
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
}

/**
 * The string literals written outside any bracket after position `from` of a condition's
 * code (its branches' own values, which parts leave out), as values at `offset` + their place.
 */
function branchLiterals(code: string, from: number, offset: number): BicepValue[] {
  const out: BicepValue[] = [];
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== "'") j += code[j] === '\\' ? 2 : 1;
      const inner = code.slice(i + 1, j);
      if (depth === 0 && inner !== '') {
        const s = offset + i;
        const e = offset + j + 1;
        out.push(inner.includes('${') ? { k: 'tmpl', raw: inner, s, e } : { k: 'str', v: inner, s, e, cs: s + 1, ce: e - 1, verbatim: !inner.includes('\\') });
      }
      i = j;
    }
  }
  return out;
}

/** Every value a Bicep file writes (parameter defaults, variables, resource and module bodies, and all they hold), in file order. */
function* bicepValues(file: BicepFile): Generator<BicepValue> {
  const text = file.text ?? '';
  const work: BicepValue[] = [...file.params.values(), ...file.vars.values(), ...file.resources.map((r) => r.body), ...file.modules.map((m) => m.body)]
    .filter((v): v is BicepValue => v !== undefined).reverse();
  // Pushed one by one: an operator chain may have more operands than a call takes arguments.
  const pushReversed = (values: BicepValue[]): void => {
    for (let k = values.length - 1; k >= 0; k--) work.push(values[k]!);
  };
  for (let v = work.pop(); v; v = work.pop()) {
    yield v;
    if (v.k === 'arr') pushReversed(v.items);
    if ((v.k === 'other' || v.k === 'ref') && v.parts) pushReversed(v.parts);
    if (v.k === 'other') pushReversed(conditionBranchLiterals(text.slice(v.s, v.e), v.s));
    if (v.k === 'obj') pushReversed(v.entries.map((e) => e.value));
  }
}

/** The position of a condition's `?` in its code (not `??` or `.?`), or -1. */
function conditionAt(code: string): number {
  return code.search(/(?<![?.])\?(?![?.])/);
}

/** The literals a condition's branches are (`cond ? 'https://...' : other`), which its parts leave out. */
function conditionBranchLiterals(code: string, offset: number): BicepValue[] {
  const q = conditionAt(code);
  return q < 0 ? [] : branchLiterals(code, q, offset);
}

/** The env-lookup name under which a Bicep file tells its parameters files that a parameter is a deployment's SKU (the value: which deployment). */
export function bicepSkuName(file: string, param: string): string {
  return `bicepsku:${file}:${param}`;
}

/** The env-lookup name under which a Bicep file tells its parameters files that a parameter is an OpenAI account's location (the value: which account). */
export function bicepLocationName(file: string, param: string): string {
  return `biceplocation:${file}:${param}`;
}

/** The env-lookup name under which a Bicep file says it is in the workspace (so its callers read it rather than report for it). */
export function bicepFileName(file: string): string {
  return `bicepfile:${file}`;
}

/** The env-lookup name under which a YAML or JSON file learns that a Bicep template loads it and passes a list in it on as model deployments (a LoadedList). */
export function bicepLoadName(file: string): string {
  return `bicepload:${file}`;
}

/** The env-lookup name under which a YAML or JSON file says that it holds a list of model deployments at `path` (for the templates that load it). */
export function bicepModelsName(file: string, path: string): string {
  return `bicepmodels:${file}:${path}`;
}

/** A list in a loaded file that a module call passes as deployments: the call, the path of the list in the file, and the account's place. */
interface LoadedList {
  call: string;
  /** The template that loads the file: a parameters file may set its location parameter. */
  template: string;
  key: string;
  path: string[];
  account: AccountPlace;
  /** Only a list whose models name the OpenAI format is an OpenAI account's (the call does not say the account's kind). */
  openAiFormat?: true;
}

/** What a parameters file learns of a deployment whose SKU is a parameter of its template: the deployment and where its account is. */
interface SkuUse {
  label: string;
  region: string | null;
  resource: string;
  why?: string;
  /** The template's parameter that is the account's location, which the same parameters file may set. */
  locationParam?: string;
}

/** The env-lookup name under which every call of a Bicep module travels to the module's file (`module SYMBOL in FILE`). */
export function bicepCallName(file: string): string {
  return `bicepcall:${file}`;
}

/** The env-lookup name that tells a Bicep module that a caller passes it deployments as parameter `param` (and reports them). */
export function bicepCallerName(file: string, param: string): string {
  return `bicepcaller:${file}:${param}`;
}

/** The env-lookup name under which a Bicep module tells its callers that its list parameter `param` becomes deployments of an OpenAI account (the value: the parameter that is the account's location). */
export function bicepLibraryName(file: string, param: string): string {
  return `biceplibrary:${file}:${param}`;
}

/** The env-lookup names under which a Bicep file's list parameter it passes on to a module travels: to its own callers (by its parameter) and to the module (by the module's). */
export function bicepForwardName(file: string, param: string): string {
  return `bicepforward:${file}:${param}`;
}

export function bicepForwardedName(target: string, param: string): string {
  return `bicepforwarded:${target}:${param}`;
}

/** A list parameter a Bicep file passes on as it is: `module SYMBOL in FROM` gives its `param` to `target` as `targetParam`. */
interface BicepForward {
  call: string;
  from: string;
  param: string;
  target: string;
  targetParam: string;
  /** The module's parameters this call fills with its own (module parameter -> own parameter). */
  passes: Record<string, string>;
}

/** How many modules a list may pass through before it is no longer followed (a guard against cycles too). */
const MODULE_CHAIN_DEPTH = 8;

function forwardsOf(value: EnvValue): BicepForward[] {
  return envValues(value).map((v) => JSON.parse(v) as BicepForward);
}

/** The own parameter a forwarding call fills the module's parameter `param` with, if it does. */
function passedAs(f: BicepForward, param: string): string | undefined {
  return Object.hasOwn(f.passes, param) ? f.passes[param] : undefined;
}

/**
 * Whether the list a caller passes a Bicep module as `param` becomes deployments of an OpenAI
 * account, in that module or through modules that pass it on unchanged; then the module's
 * parameter that must carry the account's location (every module between passes it on too).
 */
function bicepLibraryLocation(env: EnvLookup, file: string, param: string, path: string[] = []): string | null {
  const here = `${file}:${param}`;
  if (path.includes(here) || path.length >= MODULE_CHAIN_DEPTH) return null;
  const library = valueOf(env(bicepLibraryName(file, param)));
  if (library) return library;
  for (const f of forwardsOf(env(bicepForwardName(file, param)))) {
    const location = bicepLibraryLocation(env, f.target, f.targetParam, [...path, here]);
    const own = location === null ? undefined : passedAs(f, location);
    if (own) return own;
  }
  return null;
}

/**
 * Whether every call of a Bicep module in the workspace reports the deployments it passes as
 * `param` with the account's location as `location`: a caller that writes them, or a module
 * that passes on a list (and the location) its own callers all report, at any depth.
 */
function bicepReportedByCallers(env: EnvLookup, file: string, param: string, location: string, path: string[] = []): boolean {
  const here = `${file}:${param}`;
  if (path.includes(here) || path.length >= MODULE_CHAIN_DEPTH) return false;
  const calls = envValues(env(bicepCallName(file)));
  const reporting = new Set(envValues(env(bicepCallerName(file, param))));
  const forwards = forwardsOf(env(bicepForwardedName(file, param)));
  return calls.length > 0 && calls.every((call) => reporting.has(call) || forwards.some((f) => {
    const own = f.call === call ? passedAs(f, location) : undefined;
    return own !== undefined && bicepReportedByCallers(env, f.from, f.param, own, [...path, here]);
  }));
}

/** A parameter that holds a list: an array default, or declared `array` or `TYPE[]`. */
function isBicepListParam(file: BicepFile, name: string): boolean {
  if (!file.params.has(name)) return false;
  if (file.params.get(name)?.k === 'arr') return true;
  return file.text !== undefined && new RegExp(`^[ \\t]*param[ \\t]+${name}[ \\t]+(?:array\\b|[\\w.]+\\[\\])`, 'm').test(file.text);
}

/** A value that travels as unknown, with why: so a module's default never stands in for what its caller passes. */
const UNKNOWN_MARK = '\u0000';

/** Every value the workspace gives (none, one, or several that disagree). */
function envValues(value: EnvValue): string[] {
  return value.state === 'set' ? [value.value] : value.state === 'conflict' ? value.values.map((v) => v.value) : [];
}

/** The one value the workspace gives; null when several disagree; undefined when none. */
function valueOf(value: EnvValue): string | null | undefined {
  return value.state === 'set' ? value.value : value.state === 'conflict' ? null : undefined;
}

/** Whether the workspace gives a value (one, or several that disagree). */
function passedIn(value: EnvValue): boolean {
  return value.state === 'set' || value.state === 'conflict';
}

function unknownValue(why: string): string {
  return `${UNKNOWN_MARK}${why}`;
}

/**
 * A value the caller reads from its own variable or parameter: the env names that may set
 * it (in the caller's scope), and the caller's own reading for when none does.
 */
interface PassedReference {
  names: string[];
  label: string;
  text: string | null;
  why?: string;
}

const REFERENCE_MARK = '\u0001';

function referenceValue(ref: PassedReference): string {
  return `${REFERENCE_MARK}${JSON.stringify(ref)}`;
}

/** What a caller sent: a value, an unknown with why, or a reference looked up here (`found`: the value as set, for the receiver to read). */
function passedValue(value: string, env: EnvLookup, depth = 0): { text: string | null; why?: string; found?: { value: string; where: EnvWhere; label: string } } {
  if (value.startsWith(UNKNOWN_MARK)) return { text: null, why: value.slice(1) };
  if (!value.startsWith(REFERENCE_MARK)) return { text: value };
  const ref = JSON.parse(value.slice(1)) as PassedReference;
  for (const name of ref.names) {
    const set = env(name);
    // A module called by a module: what its caller was passed, in turn.
    if (set.state === 'set' && (set.value.startsWith(UNKNOWN_MARK) || set.value.startsWith(REFERENCE_MARK))) return depth < 4 ? passedValue(set.value, env, depth + 1) : { text: null, why: `${ref.label} is passed through too many modules` };
    if (set.state === 'set') return { text: set.value, found: { value: set.value, where: set.where, label: ref.label } };
    if (set.state === 'conflict') return { text: null, why: `${ref.label} is set to different values (${set.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})` };
  }
  return { text: ref.text, ...(ref.why ? { why: ref.why } : {}) };
}

/**
 * `!empty(p) ? p : fallback` where `p` is a parameter without default: its value. azd prompts
 * for a required parameter its parameters file leaves empty or unset (Azure/azure-dev#2896),
 * so such a parameter is never empty at deploy time and the fallback is never taken.
 */
function requiredParamChoice(file: BicepFile, v: BicepValue): Extract<BicepValue, { k: 'ref' }> | undefined {
  if (v.k !== 'other' || !file.text) return undefined;
  const m = /^!\s*empty\(\s*(\w+)\s*\)\s*\?\s*(\w+)\s*:/.exec(file.text.slice(v.s, v.e));
  if (!m || m[1] !== m[2] || !file.params.has(m[1]!) || file.params.get(m[1]!) !== undefined) return undefined;
  return v.parts?.find((p): p is Extract<BicepValue, { k: 'ref' }> => p.k === 'ref' && p.path === m[1]);
}

/** The parameter of this file a value is (`location`, or `!empty(p) ? p : ...` for a required `p`), if it is one. */
function bicepParamOf(file: BicepFile, v: BicepValue | undefined): string | undefined {
  const ref = v ? requiredParamChoice(file, v) ?? v : undefined;
  return ref?.k === 'ref' && !ref.parts && file.params.has(ref.path) ? ref.path : undefined;
}

/**
 * Whether `literal` is the default of the parameter `expr` names and nothing else in the file
 * uses that parameter: then editing the default changes this deployment's SKU alone (where
 * its endpoint is reported). A name found anywhere else (another use, a comment) says no.
 */
function soleDefault(file: BicepFile, expr: BicepValue | undefined, literal: BicepValue): boolean {
  if (expr?.k !== 'ref' || file.params.get(expr.path) !== literal || !file.text) return false;
  const uses = file.text.match(new RegExp(`(?<![\\w.$])${expr.path}(?!\\w)`, 'g'))?.length ?? 0;
  return uses === 2; // its declaration and this deployment
}

/** `dir` + a relative path (`./modules/openai`, `../core/ai/x.bicep`), with `.` and `..` worked out. */
export function joinPath(dir: string, relative: string): string {
  const parts = dir === '.' ? [] : dir.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/') || '.';
}

/** A model deployment of an account, as infrastructure code declares it. */
interface DeclaredDeployment {
  /** How the file names it: `azurerm_cognitive_deployment.chat`, `resource chat[0] (gpt-4o)`. */
  label: string;
  /** Its SKU as written (where its endpoint sits), or the deployment itself when no SKU is in view. */
  at: Located;
  /** Null when the SKU cannot be read; `why` says why. */
  sku: string | null;
  why?: string;
  /** Where a SKU read from outside the deployment came from (a parameters file, an azd default). */
  skuFrom?: string;
  /** The literal to edit for a fix: only one that belongs to this deployment alone. */
  edit?: Located;
}

/** The account a deployment belongs to, as far as the file tells. */
interface AccountPlace {
  region: string | null;
  /** Its resource (custom subdomain) name, for the host. */
  name: string | null;
  resource: string;
  /** Where the region came from, or why it is unknown. */
  why?: string;
  /** The parameter of the file that is the account's location, which a parameters file may set. */
  locationParam?: string;
}

/** The env-lookup name under which an account's place travels to the files of its module that declare its deployments. */
export function tfAccountName(dir: string, accountRef: string): string {
  return `tfaccount:${dir}:${accountRef}`;
}

/** An account's place as its file sends it to its deployments' files. */
interface PublishedAccount {
  region: string | null;
  name: string | null;
  resource: string;
  /** The module variable its location is, when the account's file could not read it. */
  variable?: string;
  why?: string;
}

function accountPlaceFrom(value: EnvValue, ref: string, d: TfBlock, resolveTf: (v: Value) => TfValue): AccountPlace {
  if (value.state !== 'set') return { region: null, name: null, resource: ref, why: `${ref} is defined more than once in the module` };
  const published = JSON.parse(value.value) as PublishedAccount;
  const where = `${published.resource} in ${formatWhere(value.where)}`;
  if (published.region === null && published.variable) {
    const v = resolveTf({ k: 'ref', path: `var.${published.variable}`, s: d.s, e: d.s });
    if (v.text !== null) return { region: v.text.toLowerCase().replace(/\s+/g, ''), name: published.name, resource: where, ...(v.why ? { why: v.why } : {}) };
  }
  return { region: published.region?.toLowerCase().replace(/\s+/g, '') ?? null, name: published.name, resource: where, ...(published.why ? { why: published.why } : {}) };
}

/** A Terraform deployment's SKU: `sku { name = ... }`, or the older `scale { type = ... }`. */
function tfDeployment(d: TfBlock, resolveTf: (v: Value) => TfValue): DeclaredDeployment {
  const label = `azurerm_cognitive_deployment.${d.labels[1]}`;
  const block = d.blocks.find((b) => b.type === 'sku' || b.type === 'scale');
  const attr = block?.attributes.get('name') ?? block?.attributes.get('type');
  if (!attr) return { label, at: { text: '', s: d.s, e: d.s + 8, cs: d.s, ce: d.s, verbatim: false }, sku: null, why: `${label} has no sku name or scale type` };
  const v = resolveTf(attr.value);
  const at: Located = { text: v.text ?? '', s: attr.value.s, e: attr.value.e, cs: v.cs, ce: v.ce, verbatim: v.verbatim };
  // A fix edits the literal only where the deployment writes it (a variable default may serve several).
  const own = v.verbatim && v.text !== null && v.cs >= attr.value.s && v.ce <= attr.value.e;
  return { label, at, sku: v.text, ...(v.text ? {} : { why: `the SKU of ${label} is not a literal or a variable default${v.why ? ` (${v.why})` : ''}` }), ...(own ? { edit: at } : {}) };
}
