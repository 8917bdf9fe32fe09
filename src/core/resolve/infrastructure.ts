// Azure OpenAI resources: the region and deployment type that decide EU residency live in
// infrastructure code (Terraform) or, failing that, in the policy; code only names the
// resource (`https://NAME.openai.azure.com`, `resourceName: 'NAME'`). Endpoints that name
// a resource the workspace describes inherit its region and deployment type.

import type { Provider } from '../catalog/types';
import type { Endpoint } from '../model';
import type { AzureResourceFacts } from '../policy/policy';
import type { CatalogIndex } from './catalog-index';

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
    const stated = declared[name];
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
