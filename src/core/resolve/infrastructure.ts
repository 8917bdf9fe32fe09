// Azure OpenAI resources: the region and deployment type that decide EU residency live in
// infrastructure code (Terraform, Bicep, ARM templates) or, failing that, in the policy;
// code only names the resource (`https://NAME.openai.azure.com`, `resourceName: 'NAME'`).
// InfrastructureReader reads the IaC; endpoints that name a resource the workspace
// describes inherit its region and deployment type (applyAzureResources).

import type { Provider } from '../catalog/types';
import type { Endpoint, Fix } from '../model';
import type { AzureResourceFacts } from '../policy/policy';
import type { BicepFile, BicepResource, BicepValue } from '../scan/config/bicep';
import type { HclFile, TfBlock } from '../scan/config/hcl';
import { located, scalarEntry, type CEntry, type CNode, type Located } from '../scan/config/tree';
import type { Span, Value } from '../scan/ir';
import type { CatalogIndex } from './catalog-index';
import { makeEndpoint, type Target } from './endpoint';
import { evaluate, formatWhere, isKnown, type EnvLookup, type EvalContext } from './values';

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
  if (global) {
    endpoint.euResident = false;
    endpoint.location = {
      id: 'global', name: `any Azure region (${global} deployment of ${region ? `a ${region}` : 'an'} account)`, jurisdiction: 'global', euResident: false,
      sources: provider.posture.euResidency.sources,
    };
    endpoint.conditions = [];
  } else if (unreadable && endpoint.euResident !== false) {
    endpoint.euResident = null;
    endpoint.unknown = `${unreadable}, and a Global deployment would process data outside ${region ?? 'the account\'s region'}`;
  }
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
  url(value: Located, llmContext?: boolean): void;
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
      this.host.definitions.push({ name: tfDeploymentName(dir, linked), value: (attr ? resolveTf(attr.value).text : null) ?? '?', offset: d.s });
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
    const provider = this.host.index.providers.get('azure-openai');
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
    const provider = this.host.index.providers.get('azure-openai')!;
    const pattern = provider.hosts.find((h) => h.pattern.startsWith('{resource}'));
    const host = name && pattern ? pattern.pattern.replace('{resource}', name.toLowerCase()) : null;
    const via = `${resource} in ${region ?? 'an unresolved location'}${why ? ` (${why})` : ''}${skus.length ? ` (deployments: ${skus.join(', ')})` : ''}`;
    const endpoint = makeEndpoint(this.host.index, this.host.file, { s: value.s, e: value.e }, { provider, host, region, ...(pattern ? { pattern } : {}) }, via,
      region ? {} : { unknown: why ?? 'the account location is not a literal or a parameter default in this file' });
    // A Global* deployment processes anywhere, whatever (or wherever) the account's location.
    if (region || skus.some((x) => /^Global/i.test(x))) applyAzureDeployments(endpoint, provider, region, skus, unreadable);
    endpoint.declaration = true;
    this.host.consumed.add(value.s);
    if (name) this.host.azureResources.push({ name: name.toLowerCase(), region, skus, ...(unreadable ? { unreadable } : {}), file: this.host.file, offset: value.s, resource });
    this.host.endpoints.push(endpoint);
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
    const str = (node: CNode | undefined, ...path: string[]): Extract<CNode, { k: 'scalar' }> | undefined => {
      let v = node;
      for (const key of path.slice(0, -1)) v = v?.k === 'map' ? v.entries.find((e) => e.key === key)?.value : undefined;
      return v?.k === 'map' ? scalarEntry(v.entries, path[path.length - 1]!) : undefined;
    };
    // Resources, with nested ones (an account's `resources: [deployments]`) and their parent.
    // A work list of resources with their parent, in file order (no nesting is too deep).
    const all: { node: Extract<CNode, { k: 'map' }>; type: string; parent?: Extract<CNode, { k: 'map' }> }[] = [];
    const work: { r: CNode; parent?: { node: Extract<CNode, { k: 'map' }>; type: string } }[] = [];
    const collect = (list: CNode | undefined, parent?: { node: Extract<CNode, { k: 'map' }>; type: string }): void => {
      const items = list?.k === 'seq' ? list.items : [];
      for (let i = items.length - 1; i >= 0; i--) work.push({ r: items[i]!, ...(parent ? { parent } : {}) });
    };
    collect(root.entries.find((e) => e.key === 'resources')?.value);
    for (let item = work.pop(); item; item = work.pop()) {
      const { r, parent } = item;
      if (r.k !== 'map') continue;
      const written = String(str(r, 'type')?.v ?? '');
      const type = parent && !written.includes('/') ? `${parent.type}/${written}` : written;
      all.push({ node: r, type, ...(parent ? { parent: parent.node } : {}) });
      collect(r.entries.find((e) => e.key === 'resources')?.value, { node: r, type });
    }
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
