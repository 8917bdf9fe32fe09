// Building an Endpoint from what was resolved: provider, host, region, and the verdicts
// that follow from the catalog. Shared by the code and config resolvers.

import type { HostPattern, Provider } from '../catalog/types';
import type { Endpoint, Fix } from '../model';
import type { Span } from '../scan/ir';
import { baaAvailable, type CatalogIndex } from './catalog-index';

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
  let location = null;
  if (provider && region) location = index.location(provider, region, pattern);
  else if (provider && pattern?.location) location = index.location(provider, pattern.location, pattern);
  const conditions = [...(extras.conditions ?? [])];
  if (location?.note && location.euResident !== false) conditions.push(location.note);
  const baaFact = provider ? index.baaFact(provider, pattern) : null;
  let unknown = extras.unknown;
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
    via,
    conditions,
  };
  if (target.verdictsUnknown) endpoint.assumedProvider = true;
  if (extras.sdk) endpoint.sdk = extras.sdk;
  if (extras.model) endpoint.model = extras.model;
  if (unknown) endpoint.unknown = unknown;
  if (extras.euFix) endpoint.euFix = extras.euFix;
  return endpoint;
}
