// Residency zones: which countries count as "inside" for the policy's `residency:` choice,
// and the test that an endpoint's countries fit a zone. The catalog records, for every
// region and vendor zone, the ISO 3166-1 alpha-2 codes it may process data in
// (`Countries`); a zone passes only when every one of them is inside.
import type { Countries, Source } from './types';

export type { Countries };

export const RESIDENCY_ZONES = ['eu', 'eea', 'eu-adequacy'] as const;
export type ResidencyZone = (typeof RESIDENCY_ZONES)[number];
export const DEFAULT_RESIDENCY_ZONE: ResidencyZone = 'eu';

const EC_ADEQUACY: Source = {
  url: 'https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en',
  checked: '2026-12-03',
};
const EU_COUNTRIES: Source = { url: 'https://european-union.europa.eu/principles-countries-history/eu-countries_en', checked: '2026-12-03' };
const EEA_AGREEMENT: Source = { url: 'https://www.efta.int/eea', checked: '2026-12-03' };

/** The 27 EU member states (Greece is EL in EU usage, GR in ISO 3166). */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV',
  'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];
/** EEA members that are not EU member states (EFTA states in the EEA Agreement; Switzerland is not one). */
export const EEA_NOT_EU: readonly string[] = ['IS', 'LI', 'NO'];
/** EU-27 + IS, LI, NO. */
export const EEA: readonly string[] = [...EU_MEMBER_STATES, ...EEA_NOT_EU];

/**
 * Countries with an EU adequacy decision that covers transfers generally, as the European
 * Commission lists them. Conservative choice: the decisions the Commission qualifies
 * (Canada: commercial organisations under PIPEDA; the United States: only organisations
 * certified under the EU-US Data Privacy Framework) are not counted, because a region's
 * country cannot show that the endpoint's operator is covered.
 */
export const ADEQUACY_COUNTRIES: readonly string[] = ['AD', 'AR', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY'];
/** Adequacy decisions limited to some organisations: why the zone does not count them. */
export const PARTIAL_ADEQUACY: Readonly<Record<string, string>> = {
  CA: 'its EU adequacy decision covers only commercial organisations under PIPEDA, which a region cannot show',
  US: 'its EU adequacy decision covers only companies certified under the EU-US Data Privacy Framework, which a region cannot show',
};
export const ZONE_SOURCES: Record<ResidencyZone, Source[]> = {
  eu: [EU_COUNTRIES],
  eea: [EU_COUNTRIES, EEA_AGREEMENT],
  'eu-adequacy': [EU_COUNTRIES, EEA_AGREEMENT, EC_ADEQUACY],
};

const MEMBERS: Record<ResidencyZone, ReadonlySet<string>> = {
  eu: new Set(EU_MEMBER_STATES),
  eea: new Set(EEA),
  'eu-adequacy': new Set([...EEA, ...ADEQUACY_COUNTRIES]),
};

/** How messages name a zone: "does not keep data in the EU". */
export const ZONE_LABEL: Record<ResidencyZone, string> = {
  eu: 'the EU',
  eea: 'the EEA',
  'eu-adequacy': 'the EEA or a country with an EU adequacy decision',
};

export function inZone(country: string, zone: ResidencyZone): boolean {
  return MEMBERS[zone].has(country);
}

export interface ZoneVerdict {
  /** True: every country it may use is inside; false: one is outside; null: not known. */
  inside: boolean | null;
  /** The countries outside the zone ('worldwide' when nothing pins it). */
  outside: string[] | 'worldwide';
}

/**
 * Whether `countries` fit the zone. `oneOf`: the place is in exactly one of them, not known
 * which (an unlisted region matched by its naming scheme), so a mix of inside and outside is
 * unknown rather than a failure. Unknown countries are never a pass.
 */
export function judgeZone(countries: Countries, zone: ResidencyZone, oneOf = false): ZoneVerdict {
  if (countries === 'self') return { inside: true, outside: [] };
  if (countries === 'worldwide') return { inside: false, outside: 'worldwide' };
  if (countries === null || countries.length === 0) return { inside: null, outside: [] };
  const outside = countries.filter((c) => !inZone(c, zone));
  if (outside.length === 0) return { inside: true, outside };
  return { inside: oneOf && outside.length < countries.length ? null : false, outside };
}

/** Where two places together may process data: the union; unknown or worldwide when either is. */
export function unionCountries(a: Countries, b: Countries): Countries {
  if (a === null || b === null) return null;
  if (a === 'worldwide' || b === 'worldwide') return 'worldwide';
  if (a === 'self') return b;
  if (b === 'self') return a;
  return [...new Set([...a, ...b])];
}

/** What the zone test needs of an endpoint (model.ts's Endpoint). */
export interface PlacedEndpoint {
  euResident: boolean | null;
  location: { euResident: boolean | null; countries?: Countries; oneOf?: true } | null;
}

/**
 * Whether an endpoint keeps data in the zone. Its `euResident` is the EU-27 verdict after all
 * the engine learnt (an inference profile, a model served only globally, an unreadable
 * deployment): inside the EU is inside every zone, and where it departs from its location's
 * own verdict, or is unknown, it decides. Otherwise the location's countries are judged.
 */
export function endpointZoneVerdict(e: PlacedEndpoint, zone: ResidencyZone): ZoneVerdict {
  const loc = e.location;
  if (e.euResident !== false || loc?.euResident !== false || loc.countries === undefined) return { inside: e.euResident, outside: [] };
  return judgeZone(loc.countries, zone, loc.oneOf === true);
}

/** The countries an endpoint may process data in, for output; null when unknown, when only candidates are known, or when the engine's verdict departs from its location's. */
export function endpointCountries(e: PlacedEndpoint): Countries {
  const loc = e.location;
  return !loc || loc.countries === undefined || loc.oneOf || e.euResident !== loc.euResident ? null : loc.countries;
}

/** EU residency in the JSON output's sense (the 27 member states). */
export function euResidentFor(countries: Countries, oneOf = false): boolean | null {
  return judgeZone(countries, 'eu', oneOf).inside;
}

const NAMES: Readonly<Record<string, string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', HR: 'Croatia', CY: 'Cyprus', CZ: 'Czechia', DK: 'Denmark', EE: 'Estonia',
  FI: 'Finland', FR: 'France', DE: 'Germany', GR: 'Greece', HU: 'Hungary', IE: 'Ireland', IT: 'Italy', LV: 'Latvia',
  LT: 'Lithuania', LU: 'Luxembourg', MT: 'Malta', NL: 'the Netherlands', PL: 'Poland', PT: 'Portugal', RO: 'Romania',
  SK: 'Slovakia', SI: 'Slovenia', ES: 'Spain', SE: 'Sweden', IS: 'Iceland', LI: 'Liechtenstein', NO: 'Norway',
  CH: 'Switzerland', GB: 'the United Kingdom', AD: 'Andorra', AR: 'Argentina', FO: 'the Faroe Islands', GG: 'Guernsey',
  IL: 'Israel', IM: 'the Isle of Man', JP: 'Japan', JE: 'Jersey', NZ: 'New Zealand', KR: 'South Korea', UY: 'Uruguay',
  US: 'the United States', CA: 'Canada', MX: 'Mexico', BR: 'Brazil', CL: 'Chile', ZA: 'South Africa', HK: 'Hong Kong',
  IN: 'India', SG: 'Singapore', AU: 'Australia', ID: 'Indonesia', MY: 'Malaysia', TH: 'Thailand', TW: 'Taiwan',
  BH: 'Bahrain', AE: 'the United Arab Emirates', QA: 'Qatar', SA: 'Saudi Arabia', CN: 'China',
};

export function countryName(code: string): string {
  return NAMES[code] ?? code;
}

/** Why a country is outside a zone, in a few words: "EEA, not EU". */
function standing(code: string, zone: ResidencyZone): string {
  if (zone === 'eu') return EEA_NOT_EU.includes(code) ? 'EEA, not EU' : 'outside the EU';
  if (zone === 'eea') return 'outside the EEA';
  return PARTIAL_ADEQUACY[code] ? `outside the EEA; ${PARTIAL_ADEQUACY[code]}` : 'outside the EEA, no EU adequacy decision';
}

/** "Norway (EEA, not EU)"; countries with the same standing share it: "Iceland, Liechtenstein and Norway (EEA, not EU); and Switzerland (outside the EU)". */
export function describeCountries(codes: readonly string[] | 'worldwide', zone: ResidencyZone): string {
  if (codes === 'worldwide') return 'any region worldwide';
  const groups = new Map<string, string[]>();
  for (const c of codes) {
    const why = standing(c, zone);
    groups.set(why, [...(groups.get(why) ?? []), countryName(c)]);
  }
  return joinAnd([...groups].map(([why, names]) => `${joinAnd(names)} (${why})`), '; ');
}

function joinAnd(items: string[], separator = ', '): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(separator)}${separator === ', ' ? ' and ' : '; and '}${items[items.length - 1]!}`;
}
