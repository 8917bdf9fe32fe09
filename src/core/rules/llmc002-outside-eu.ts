// LLMC002: under `require: [eu-residency]`, every country the endpoint may process data in must
// lie inside the policy's residency zone (the EU-27 unless `residency:` widens it).

import type { Provider } from '../catalog/types';
import { describeCountries, endpointZoneVerdict, judgeZone, ZONE_LABEL, ZONE_SOURCES, type ResidencyZone, type ZoneVerdict } from '../catalog/zones';
import type { Endpoint, Fix, ResolvedLocation } from '../model';
import type { CatalogIndex } from '../resolve/catalog-index';
import { euSwapCountries } from '../resolve/fixes';
import { clip, PASS, shortName, verdictOf, type EndpointCheck, type RuleContext, type RuleMeta, type Verdict } from './context';

export const meta: RuleMeta<'LLMC002'> = {
  id: 'LLMC002',
  name: 'EndpointOutsideEu',
  title: 'Endpoint does not keep data in the EU',
  requirements: ['eu-residency'],
  defaultSeverity: 'error',
  securitySeverity: '7.5',
  precision: 'high',
  ratingReason: 'High: personal data leaving the residency zone is an unlawful transfer under GDPR chapter V unless another safeguard applies, which a scan cannot see. Precision high, as for LLMC001: 89% of reported endpoints right in whole-repository samples, EU verdicts about 98% (docs/accuracy).',
  summary: 'The policy requires EU data residency, and this LLM endpoint may process data outside the policy\'s residency zone (the EU-27 by default).',
  description: [
    'Fires when the policy lists `eu-residency` under `require:` and the endpoint may process data in a country outside the policy\'s residency zone. The catalog records, for every region and vendor zone, the countries it may process data in; the endpoint passes only when every one of them is inside the zone, and the finding names the country that breaks it (for example "Norway (EEA, not EU)").',
    '',
    'The zone is the policy\'s `residency:`. `eu` (the default): the 27 EU member states. `eea`: the EU plus Iceland, Liechtenstein and Norway. `eu-adequacy`: the EEA plus countries with a general EU adequacy decision (Andorra, Argentina, the Faroe Islands, Guernsey, Israel, the Isle of Man, Japan, Jersey, New Zealand, South Korea, Switzerland, the United Kingdom, Uruguay). Canada and the United States do not count: their decisions cover only some organisations (commercial organisations under PIPEDA; companies certified under the EU-US Data Privacy Framework), which a region cannot show.',
    '',
    'Under the default `eu` zone the rule fires on a US or global host (`api.openai.com`, `api.anthropic.com`), a non-EU region (`us-east-1`), a region in Europe but outside the EU (AWS `eu-west-2` London and `eu-central-2` Zurich, GCP `europe-west2` and `europe-west6`, Azure UK, Switzerland and Norway, IBM `eu-gb`), a Vertex AI `global` location, an Azure OpenAI `Global*` deployment (each deployment in Terraform, Bicep or ARM is its own endpoint, reported on its SKU: a `GlobalStandard` deployment of an account in an EU region fails, a `DataZoneStandard` one beside it stays in the EU data zone and passes), and on vendor European zones that are wider than the EU (OpenAI\'s EEA and Switzerland, Mistral\'s EU/EFTA, OpenRouter\'s EU/EEA, UK and Switzerland). Countries a vendor does not name are unknown (LLMC003), never a pass.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `api.mistral.ai may process data outside the EU — Mistral AI API has no option inside the EU`. The countries that break the zone, the location, the provider\'s EU option in full and its conditions are the finding\'s details and remedy. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** a host or region whose countries are all inside the zone. Where the provider has one inside the zone, the finding carries the exact edit (for example `us-east-1` to `eu-central-1`, `global` to `europe-west4`, an Azure deployment SKU `GlobalStandard` to `DataZoneStandard`, `api.openai.com` to `eu.api.openai.com` under `residency: eu-adequacy`); a move to a place outside the zone is never offered. Some options carry conditions (OpenAI\'s EU host needs a project created with EU data residency); the finding says so.',
  ].join('\n'),
};

export function create(ctx: RuleContext): EndpointCheck {
  return ctx.required.has('eu-residency') ? (endpoint) => judge(endpoint, ctx) : () => PASS;
}

function judge(endpoint: Endpoint, ctx: RuleContext): Verdict {
  const provider = ctx.providerOf(endpoint);
  const loc = endpoint.location;
  const zone = ctx.policy.residency;
  let verdict = endpointZoneVerdict(endpoint, zone);
  // A vendor that is no catalog provider never passes on its own word alone: only a failure is certain.
  if (verdict.inside === true && !provider) verdict = { inside: null, outside: [] };
  if (verdict.inside === null) {
    const why = whyUnknownCountries(loc, zone);
    return verdictOf([], [{ requirement: 'eu-residency', ...(why ? { why } : {}) }]);
  }
  if (verdict.inside === true) return PASS;
  const fixes = euFixes(endpoint, zone);
  const why = whyOutside(loc, verdict, zone);
  return verdictOf([ctx.finding(endpoint, {
    rule: meta, requirement: 'eu-residency',
    message: `${ctx.describe(endpoint)} ${why.startsWith('it processes') ? 'processes' : 'may process'} data outside ${ZONE_SHORT[zone]} — ${shortAdvice(fixes, provider, ctx.index, zone)}`,
    remedy: residencyAdvice(provider, ctx.index, zone),
    sources: [...(loc?.sources ?? []), ...(zone === 'eu' ? [] : ZONE_SOURCES[zone]), ...(provider?.euSwap?.sources ?? [])],
    fixes, details: [`${why.charAt(0).toUpperCase()}${why.slice(1)}.`, ...endpoint.conditions],
  })]);
}

/** How a message names the zone. */
export const ZONE_SHORT: Record<ResidencyZone, string> = { eu: 'the EU', eea: 'the EEA', 'eu-adequacy': 'the EEA + adequacy zone' };

/** What would pass, in a few words: the quick fix, the provider's EU option, or that it has none inside the zone. */
function shortAdvice(fixes: Fix[], provider: Provider | undefined, index: CatalogIndex, zone: ResidencyZone): string {
  const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  if (fix) return clip(`${fix.title.charAt(0).toLowerCase()}${fix.title.slice(1)}`, 80);
  const swap = provider?.euSwap;
  if (!provider || !swap) return `move it to an endpoint inside ${ZONE_SHORT[zone]}`;
  const name = shortName(provider.name);
  if (judgeZone(euSwapCountries(index, provider), zone).inside === true) return `use ${name}'s EU option`;
  return `${name} has no option inside ${ZONE_SHORT[zone]}`;
}

/** The endpoint's move into the EU, only when every country it leads to is inside the policy's zone (else the finding would stay). */
export function euFixes(endpoint: Endpoint, zone: ResidencyZone): Fix[] {
  const fix = endpoint.euFix;
  return fix && judgeZone(fix.countries ?? null, zone).inside === true ? [fix] : [];
}

/** Which countries break the zone, and where the endpoint is: "it processes data in Norway (EEA, not EU) (location: Norway East)". */
function whyOutside(loc: ResolvedLocation | null, verdict: ZoneVerdict, zone: ResidencyZone): string {
  if (verdict.outside !== 'worldwide' && verdict.outside.length === 0) return `it processes data in ${loc ? placeOf(loc) : 'a location outside the EU'}`;
  const several = verdict.outside === 'worldwide' || (Array.isArray(loc?.countries) && loc.countries.length > 1);
  const verb = loc?.oneOf ? 'is in one of' : several ? 'may process data in' : 'processes data in';
  return `it ${verb} ${describeCountries(verdict.outside, zone)}${loc ? ` (location: ${loc.name})` : ''}`;
}

/** Why the location's countries leave the zone verdict open, when they are why. */
function whyUnknownCountries(loc: ResolvedLocation | null, zone: ResidencyZone): string | undefined {
  if (loc?.oneOf && Array.isArray(loc.countries)) {
    return `${loc.id} is not a region the catalog lists, and only some of the countries a region named like it may be in are inside ${ZONE_LABEL[zone]}`;
  }
  if (loc?.countries !== null) return undefined;
  return `the catalog does not know which countries ${loc.name.includes(loc.id) ? loc.name : `${loc.id} (${loc.name})`} may process data in`;
}

/** What would pass: the provider's EU option when it lies inside the zone, else that it does not. */
function residencyAdvice(provider: Provider | undefined, index: CatalogIndex, zone: ResidencyZone): string {
  const swap = provider?.euSwap;
  if (!provider || !swap) return `Move the call to an endpoint or region inside ${ZONE_LABEL[zone]}.`;
  const target = judgeZone(euSwapCountries(index, provider), zone);
  if (target.inside === true) return swap.advice;
  const why = target.inside === null ? ' (the countries it uses are not known)' : '';
  return `${provider.name}'s EU option is not inside ${ZONE_LABEL[zone]} either${why}: use another provider or region inside it, or a wider \`residency:\` in the policy if that zone is acceptable.`;
}

/** "Iowa, USA" rather than "Iowa, USA, US"; "Anthropic global inference" rather than "..., global". */
function placeOf(loc: ResolvedLocation): string {
  if (loc.name.includes(loc.jurisdiction) || loc.jurisdiction === 'global' || loc.jurisdiction === 'unknown') return loc.name;
  return `${loc.name} (${loc.jurisdiction})`;
}
