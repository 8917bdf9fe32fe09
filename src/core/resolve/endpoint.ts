// Building an Endpoint from what was resolved: provider, host, region, and the verdicts
// that follow from the catalog. Shared by the code and config resolvers.

import type { HostPattern, Provider } from '../catalog/types';
import { euResidentFor, judgeZone, unionCountries } from '../catalog/zones';
import type { Endpoint, Fix, ResolvedLocation } from '../model';
import type { Span } from '../scan/ir';
import { baaAvailable, type CatalogIndex, type UnlistedMatch } from './catalog-index';
import { HOLE, type HostMatch, type Lookalike, type ParsedUrl } from './hosts';

export interface Target {
  provider: Provider | null;
  host: string | null;
  region: string | null;
  pattern?: HostPattern;
  /**
   * The processor is not known for sure: the SDK's provider is assumed, but its URL
   * comes from somewhere the engine cannot see. Verdicts then stay unknown.
   */
  verdictsUnknown?: boolean;
  /** The host only looks like a catalogued one. */
  lookalike?: Lookalike;
  /** The host is an LLM API of a vendor that is no catalog provider. */
  unlisted?: UnlistedMatch;
}

/** Where a catalogued host leads: its provider, region and pattern. A host with an unresolved part is not a host. */
export function hostTarget(match: HostMatch, host: string): Target {
  return { provider: match.provider, host: host.includes(HOLE) ? null : host, region: match.region, pattern: match.pattern };
}

/** A host that only looks like a catalogued one: no provider, and the endpoint says what it imitates. */
export function lookalikeTarget(host: string, lookalike: Lookalike): Target {
  return { provider: null, host: host.includes(HOLE) ? null : host, region: null, lookalike };
}

/**
 * A host that belongs to no catalog provider. When it is a known vendor's LLM API (DashScope,
 * BigModel) the endpoint names the vendor and, where the vendor says, where it processes data.
 */
export function uncataloguedHostTarget(index: CatalogIndex, url: ParsedUrl): Target {
  const host = url.host;
  const unlisted = index.unlistedHost(host, url.path) ?? undefined;
  const region = unlisted?.host.processing.value?.id ?? null;
  return { provider: null, host: host.includes(HOLE) ? null : host, region, ...(unlisted ? { unlisted } : {}) };
}

/** Why an uncatalogued host's verdicts are open: the message of `unknown`. */
export function uncataloguedHostWhy(target: Target, host: string): string {
  const api = target.unlisted?.api;
  if (!api) return `${host} is not a host the catalog knows; declare where it processes data in the policy`;
  return target.unlisted!.host.processing.value
    ? `${host} is ${api.vendor}'s API, which is not a catalog provider: its BAA and certifications are not known`
    : `${host} is ${api.vendor}'s API, which is not a catalog provider, and ${api.vendor}'s own pages do not say where it processes data; declare it in the policy`;
}

/**
 * Where an unlisted vendor's host processes data, as its own page says. Inside the EU it
 * is still no pass (null): only a catalog provider's facts are reviewed enough to vouch for.
 */
function unlistedLocation(match: UnlistedMatch): ResolvedLocation | null {
  const fact = match.host.processing;
  const place = fact.value;
  if (!place) return null;
  return {
    id: place.id, name: place.name, jurisdiction: place.jurisdiction, countries: place.countries,
    euResident: euResidentFor(place.countries) === false ? false : null,
    ...(fact.note ? { note: fact.note } : {}), sources: fact.sources,
  };
}

/** A host the code never names: a default. Its provider is the catalog's when it knows the host, else `provider`. */
export function defaultHostTarget(index: CatalogIndex, provider: Provider, host: string | null): Target {
  const match = host ? index.matchHost(host) : null;
  return match && host ? hostTarget(match, host) : { provider, host, region: null };
}

export interface EndpointExtras {
  sdk?: string;
  model?: string;
  unknown?: string;
  conditions?: string[];
  euFix?: Fix;
}

export function makeEndpoint(
  index: CatalogIndex,
  file: string,
  span: Span,
  target: Target,
  via: string,
  extras: EndpointExtras = {},
): Endpoint {
  const { provider, host, region, pattern } = target;
  let location = target.unlisted ? unlistedLocation(target.unlisted) : null;
  if (provider && region) location = index.location(provider, region, pattern);
  else if (provider && pattern?.location) location = index.location(provider, pattern.location, pattern);
  const conditions = [...(extras.conditions ?? [])];
  // A place outside the EU-27 may still pass a wider residency zone: its note then qualifies that pass.
  if (location?.note && (location.euResident !== false || judgeZone(location.countries ?? null, 'eu-adequacy').inside === true)) conditions.push(location.note);
  const baaFact = provider ? index.baaFact(provider, pattern) : null;
  let unknown = extras.unknown;
  const fake = target.lookalike;
  if (fake?.readings) {
    unknown = `URL parsers disagree on its host: a WHATWG parser (JavaScript SDKs) sends requests to ${fake.readings.whatwg}, an RFC 3986 parser (Python's httpx and urllib) to ${fake.readings.rfc3986}; a base URL must name one host`;
  } else if (fake) {
    unknown = `${host ?? 'the host'} is not ${fake.of}, it only looks like it (${fake.chars.join(', ')}); the catalog's facts about ${fake.of} do not apply, and requests go to whoever holds ${host ?? 'that name'}`;
  }
  if (!unknown && target.unlisted && host) unknown = uncataloguedHostWhy(target, host);
  if (!unknown && provider && !location && !target.verdictsUnknown) {
    unknown = host ? `${host} does not say which region it is in` : 'the region is not set where the engine can see it';
  }
  const endpoint: Endpoint = {
    file,
    range: { start: span.s, end: span.e },
    provider: provider?.id ?? null,
    host,
    region: region ?? location?.id ?? null,
    location,
    euResident: target.verdictsUnknown ? null : (location?.euResident ?? null),
    baaAvailable: target.verdictsUnknown || !baaFact ? null : baaAvailable(baaFact),
    via: target.unlisted ? `${via}: ${target.unlisted.api.vendor} (not a catalog provider)` : via,
    conditions,
  };
  if (target.unlisted) endpoint.vendor = target.unlisted.api.vendor;
  if (target.verdictsUnknown) endpoint.assumedProvider = true;
  if (fake) endpoint.lookalikeOf = fake.of;
  if (extras.sdk) endpoint.sdk = extras.sdk;
  if (extras.model) endpoint.model = extras.model;
  if (unknown) endpoint.unknown = unknown;
  if (extras.euFix) endpoint.euFix = extras.euFix;
  return endpoint;
}

const PROFILE = /^(?:bedrock\/(?:converse\/|invoke\/)?)?(?:arn:aws[\w-]*:bedrock:[\w-]*:\d*:(?:application-)?inference-profile\/)?(global|us-gov|us|eu|apac|jp|au)\.[a-z0-9-]+\.[\w.:-]+$/;

/** The cross-region inference profile a Bedrock model id names (`global.anthropic...`), if any. */
export function inferenceProfile(provider: Provider, modelId: string): { prefix: string; location: ResolvedLocation } | null {
  const m = PROFILE.exec(modelId.trim());
  return m ? profileOfGeography(provider, m[1]!) : null;
}

/** The profile a model id names by its prefix when the rest is not known (`global.` + a model id read elsewhere). */
export function profileOfPrefix(provider: Provider, text: string): { prefix: string; location: ResolvedLocation } | null {
  const m = /^(global|us-gov|us|eu|apac|jp|au)\.([^]?)/.exec(text.trim());
  return m && m[2] === HOLE ? profileOfGeography(provider, m[1]!) : null;
}

/** The profile of a geography (`global`, `eu`, `us`, ...: the prefix of its model ids), when the catalog has it. */
export function profileOfGeography(provider: Provider, geography: string): { prefix: string; location: ResolvedLocation } | null {
  const location = provider.locations?.find((l) => l.id === `profile:${geography}`);
  return location ? { prefix: `${geography}.`, location: { ...location } } : null;
}

/**
 * A model id's profile decides where a Bedrock request is processed when it reaches
 * beyond the EU: the endpoint then fails EU residency whatever its region says.
 */
export function applyProfile(endpoint: Endpoint, profile: { prefix: string; location: ResolvedLocation }, modelId: string, fix?: Fix): void {
  if (profile.location.euResident !== false) return;
  // A region outside the EU already fails, and says where; otherwise the profile is why.
  const regionFails = endpoint.euResident === false;
  if (!regionFails) {
    endpoint.location = profile.location;
    endpoint.euResident = false;
  } else if (endpoint.location) {
    // The region and the profile both decide where data goes: a zone must hold the countries of both.
    endpoint.location = { ...endpoint.location, countries: unionCountries(endpoint.location.countries ?? null, profile.location.countries ?? null) };
    // Candidates of an unlisted region, joined with the profile's countries, are no longer "one of".
    delete endpoint.location.oneOf;
  }
  endpoint.model = modelId;
  endpoint.conditions = [`The model id ${modelId} is a ${profile.location.name}: requests may be processed outside the region they are sent to.`];
  // One fix must clear the finding, so the region swap and the profile swap travel
  // together; a profile swap alone cannot help a region outside the EU.
  if (fix && endpoint.euFix) {
    endpoint.euFix = {
      ...endpoint.euFix, title: `${endpoint.euFix.title} and the EU inference profile`, edits: [...endpoint.euFix.edits, ...fix.edits],
      countries: unionCountries(endpoint.euFix.countries ?? null, fix.countries ?? null),
    };
  }
  else if (fix && !regionFails) endpoint.euFix = fix;
}

/** Records that requests to `from` go to `to` when it fails (LLMC005 follows the chain). */
export function linkFallbacks(from: Endpoint, to: Endpoint[], via: string): void {
  if (to.length === 0) return;
  const list = (from.fallbacks ??= []);
  // The endpoints already linked, kept while the list is the same (an endpoint linked many times stays linear).
  let known = linked.get(from);
  if (!known || known.list !== list || known.length !== list.length) known = { list, length: list.length, set: new Set(list.map((f) => f.endpoint)) };
  for (const endpoint of to) {
    if (endpoint === from || known.set.has(endpoint)) continue;
    known.set.add(endpoint);
    list.push({ endpoint, via });
  }
  known.length = list.length;
  linked.set(from, known);
  if (list.length === 0) delete from.fallbacks;
}

const linked = new WeakMap<Endpoint, { list: NonNullable<Endpoint['fallbacks']>; length: number; set: Set<Endpoint> }>();

/**
 * A model served only from the provider's global location (Gemini previews on Vertex AI)
 * cannot stay in a regional endpoint's region: the call fails there, and the setting that
 * works processes data anywhere. The EU verdict becomes unknown, with Google's reason.
 */
export function applyGlobalOnlyModel(index: CatalogIndex, endpoint: Endpoint, provider: Provider, modelId: string): boolean {
  const rule = provider.globalOnlyModels;
  if (!rule || index.globalOnly.get(provider.id)?.test(modelId.trim()) !== true) return false;
  if (endpoint.euResident !== true) return false;
  endpoint.euResident = null;
  endpoint.model ??= modelId;
  endpoint.unknown = `the model ${modelId} is served only from the global location: ${rule.note}`;
  delete endpoint.euFix;
  return true;
}
