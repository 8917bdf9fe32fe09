// Endpoint x catalog x policy -> findings. Each finding says what was found, why it
// fails, and what would pass, and carries the catalog sources it rests on.

import type { Fact, GpaiStatus, Provider, Source } from '../catalog/types';
import { describeCountries, endpointZoneVerdict, judgeZone, ZONE_LABEL, ZONE_SOURCES, type ResidencyZone, type ZoneVerdict } from '../catalog/zones';
import { SEVERITY_RANK, type Endpoint, type Finding, type Fix, type RelatedLocation, type ResolvedLocation, type RuleId, type Severity } from '../model';
import { pathMatcher, type Policy, type Requirement } from '../policy/policy';
import type { CatalogIndex } from '../resolve/catalog-index';
import { euSwapCountries } from '../resolve/fixes';
import { HOLE } from '../scan/tokens';
import { severityOf } from './rules';

const CERTIFICATIONS: { requirement: Requirement; label: string; fact: (p: Provider) => Fact<boolean> | Fact<GpaiStatus> }[] = [
  { requirement: 'soc2-type2', label: 'SOC 2 Type II', fact: (p) => p.posture.soc2Type2 },
  { requirement: 'iso27001', label: 'ISO/IEC 27001', fact: (p) => p.posture.iso27001 },
  { requirement: 'iso42001', label: 'ISO/IEC 42001', fact: (p) => p.posture.iso42001 },
  { requirement: 'eu-ai-act-gpai', label: 'the EU AI Act GPAI Code of Practice', fact: (p) => p.posture.euAiActGpai },
];

export interface EvaluateOptions {
  /** A file's path relative to the policy file's folder, for the policy's path patterns. */
  pathForPolicy?: (file: string) => string;
  /** The 1-based line of an offset, to link a config line to the code that reads it. */
  lineOf?: (file: string, offset: number) => number;
}

export function evaluateEndpoints(endpoints: Endpoint[], policy: Policy, index: CatalogIndex, options: EvaluateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const required = new Set(policy.require);
  const gateway = policy.gateway;
  if (required.size === 0 && !gateway) return findings;
  const gatewayAllowed = gateway?.allow.length ? pathMatcher(gateway.allow) : undefined;
  const own = new Map<Endpoint, Finding[]>();
  // Config lines that code reads (`OPENAI_BASE_URL=` in .env read by OpenAI() in app.py), to link both ways.
  const readers = new Map<string, { reader: Endpoint; name: string }[]>();
  for (const e of endpoints) {
    for (const x of e.env ?? []) {
      const key = `${x.file}:${x.line}`;
      const list = readers.get(key);
      if (list) list.push({ reader: e, name: x.name });
      else readers.set(key, [{ reader: e, name: x.name }]);
    }
  }
  for (const endpoint of endpoints) {
    const provider = endpoint.provider ? index.providers.get(endpoint.provider) : undefined;
    const mine: Finding[] = [];
    own.set(endpoint, mine);
    const add = (ruleId: RuleId, requirement: string, message: string, remedy: string, sources: Source[], fixes: Fix[] = [], details: (string | undefined)[] = []): void => {
      const severity = severityFor(ruleId, requirement, endpoint, policy);
      if (!severity) return;
      const related: RelatedLocation[] = (endpoint.env ?? []).map((x) => ({
        file: x.file, line: x.line,
        message: (x.value.includes(HOLE) ? `${x.name} is set here, to a value that cannot be read statically` : `${x.name}=${x.value} is set here`)
          + (x.through ? `, from ${x.through}` : '') + (x.unscoped ? ' (unscoped: tied to no code folder, it applies workspace-wide)' : ''),
      }));
      const line = options.lineOf && readers.size ? options.lineOf(endpoint.file, endpoint.range.start) : undefined;
      const reading = line ? readers.get(`${endpoint.file}:${line}`) ?? [] : [];
      for (const { reader, name } of reading.slice(0, MAX_READERS)) related.push({ file: reader.file, range: reader.range, message: `${name} is read here` });
      if (reading.length > MAX_READERS) related.push({ file: endpoint.file, range: endpoint.range, message: `and read in ${reading.length - MAX_READERS} more places` });
      const finding: Finding = {
        ruleId, severity, file: endpoint.file, range: endpoint.range, provider: endpoint.provider, message: `${message} ${remedy}`,
        requirement, remedy, details: details.filter((d): d is string => !!d), sources, fixes, endpoint,
        ...(related.length ? { related } : {}),
      };
      findings.push(finding);
      mine.push(finding);
    };
    const what = describeEndpoint(endpoint, provider);
    const unknownFor: string[] = [];
    let residencyUnknown: string | undefined;
    const processorUnknown = !provider || endpoint.assumedProvider === true;

    // The team's gateway: its own routes are judged where it is configured.
    if (gateway && endpoint.host && gateway.hosts.includes(endpoint.host.toLowerCase())) continue;
    if (provider?.kind === 'self-hosted') continue;

    const gatewayApplies = gateway && !endpoint.declaration && !gatewayAllowed?.(options.pathForPolicy?.(endpoint.file) ?? endpoint.file);
    if (gatewayApplies && !processorUnknown) {
      add('LLMC006', 'gateway', `${what} is called directly, not through the team's gateway (${gateway.hosts.join(', ')}).`,
        'Send the call to the gateway: set the SDK\'s base URL to the gateway host.', []);
    } else if (gatewayApplies) {
      // The base URL is not known: it may or may not be the gateway.
      unknownFor.push('gateway');
    }

    // HIPAA: a signed BAA must cover the endpoint.
    if (required.has('hipaa')) {
      if (!provider || processorUnknown) unknownFor.push('hipaa');
      else {
        const pattern = endpoint.host ? index.matchHost(endpoint.host)?.pattern : undefined;
        const fact = index.baaFact(provider, pattern);
        const listed = policy.baa.includes(provider.id);
        const baaSources = fact.sources;
        const excluded = endpoint.baaExclusion;
        if (fact.value === 'not-available') {
          add('LLMC001', 'hipaa', `${what} is not covered by a BAA: ${provider.name} offers none for this service.`,
            listedAlternatives(policy, index, provider), baaSources, [], [fact.note, ...(fact.conditions ?? [])]);
        } else if (!listed) {
          const offer = fact.value === 'available'
            ? `${provider.name} offers one${fact.tier ? ` (${fact.tier})` : ''}`
            : fact.value === 'case-by-case' ? `${provider.name} considers a BAA case by case` : `whether ${provider.name} offers one is unknown`;
          add('LLMC001', 'hipaa', `${what} is not covered by a signed BAA: the policy requires HIPAA and baa: does not list ${provider.id}; ${offer}.`,
            `Sign it and add ${provider.id} to baa:, or ${listedAlternatives(policy, index, provider, true)}`, baaSources, [], [excluded?.reason, fact.note, ...(fact.conditions ?? [])]);
        } else if (excluded && endpoint.baaAvailable === false) {
          // A signed BAA that leaves out a feature this request uses does not cover the request.
          add('LLMC001', 'hipaa', `${what} is not covered for this use: ${excluded.reason}`,
            `Leave ${excluded.feature} out of requests that carry PHI, or make them through a service whose BAA covers it.`, [...excluded.sources, ...baaSources]);
        } else if (excluded && endpoint.baaAvailable === null) {
          add('LLMC003', 'hipaa', `${what}: whether ${provider.operator}'s BAA covers its requests cannot be determined statically; ${excluded.reason}`,
            `Keep ${excluded.feature} out of requests that carry PHI; written in the same call as the model, the engine can tell which requests use it.`, [...excluded.sources, ...baaSources]);
        }
      }
    }

    // EU residency, inside the policy's zone (the EU-27 unless `residency:` widens it).
    if (required.has('eu-residency')) {
      const loc = endpoint.location;
      const zone = policy.residency;
      let verdict = endpointZoneVerdict(endpoint, zone);
      // A vendor that is no catalog provider never passes on its own word alone: only a failure is certain.
      if (verdict.inside === true && !provider) verdict = { inside: null, outside: [] };
      if (verdict.inside === false) {
        add('LLMC002', 'eu-residency', `${what} does not keep data in ${ZONE_LABEL[zone]}: ${whyOutside(loc, verdict, zone)}.`,
          residencyAdvice(provider, index, zone), [...(loc?.sources ?? []), ...(zone === 'eu' ? [] : ZONE_SOURCES[zone]), ...(provider?.euSwap?.sources ?? [])],
          euFixes(endpoint, zone), endpoint.conditions);
      } else if (verdict.inside === null) {
        unknownFor.push('eu-residency');
        residencyUnknown = whyUnknownCountries(loc, zone);
      }
    }

    // Certifications and the GPAI Code of Practice.
    if (provider && !processorUnknown) {
      const missing: string[] = [];
      const notes: (string | undefined)[] = [];
      const sources: Source[] = [];
      for (const cert of CERTIFICATIONS) {
        if (!required.has(cert.requirement)) continue;
        const fact = cert.fact(provider);
        const verdict = certVerdict(fact);
        if (verdict === 'ok') continue;
        missing.push(verdict === 'no' ? `lacks ${cert.label}` : `${cert.label} cannot be confirmed`);
        notes.push(fact.note ? `${cert.label}: ${fact.note}` : undefined);
        sources.push(...fact.sources);
      }
      if (missing.length) {
        const reqs = CERTIFICATIONS.filter((c) => required.has(c.requirement)).map((c) => c.requirement);
        add('LLMC004', reqs.join(','), `${what}: ${provider.name} ${missing.join('; ')}.`,
          `The policy requires ${reqs.join(', ')}; use a provider whose catalog entry shows ${missing.length > 1 ? 'them' : 'it'}.`, sources, [], notes);
      }
    } else {
      for (const c of CERTIFICATIONS) if (required.has(c.requirement)) unknownFor.push(c.requirement);
    }

    if (unknownFor.length) {
      const why = endpoint.unknown ?? residencyUnknown ?? 'the provider or region is not known';
      const fixes = unknownFor.includes('eu-residency') ? euFixes(endpoint, policy.residency) : [];
      add('LLMC003', unknownFor.join(','), `${what}: the location cannot be determined statically, because ${why}. The policy's ${unknownFor.join(', ')} requirement${unknownFor.length > 1 ? 's depend' : ' depends'} on it.`,
        fixes.length ? 'Set it explicitly, for example with the quick fix.' : 'Set the endpoint or region explicitly where the engine can see it (code or workspace config).',
        endpoint.location?.sources ?? [], fixes);
    }
  }
  findings.push(...fallbackFindings(endpoints, own, policy, index));
  return findings;
}

/**
 * A host that only looks like a catalogued one (LLMC003 with `lookalikeOf`) is an error under a
 * residency or BAA requirement, whatever severity the policy gives LLMC003, unless it is off.
 */
function severityFor(ruleId: RuleId, requirement: string, endpoint: Endpoint, policy: Policy): Severity | undefined {
  const severity = severityOf(ruleId, policy);
  const spoofed = ruleId === 'LLMC003' && endpoint.lookalikeOf !== undefined && requirement.split(',').some((r) => r === 'hipaa' || r === 'eu-residency');
  return severity && spoofed ? 'error' : severity;
}

/** The endpoint's move into the EU, only when every country it leads to is inside the policy's zone (else the finding would stay). */
function euFixes(endpoint: Endpoint, zone: ResidencyZone): Fix[] {
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

const FAILING: readonly RuleId[] = ['LLMC001', 'LLMC002', 'LLMC004', 'LLMC003'];
/** Related locations listed for one config line read in many places. */
const MAX_READERS = 20;
const FALLBACK_REMEDY = 'Fall back only to endpoints that pass the policy, or remove the fallback.';

/**
 * LLMC005: an endpoint that passes, whose fallback chain (followed transitively) reaches
 * one that fails a requirement the first one meets. The weakest link is the target that
 * fails the most; a target that only cannot be located ranks below one that fails.
 */
function fallbackFindings(endpoints: Endpoint[], own: Map<Endpoint, Finding[]>, policy: Policy, index: CatalogIndex): Finding[] {
  const severity = severityOf('LLMC005', policy);
  if (!severity) return [];
  const out: Finding[] = [];
  const failed = (e: Endpoint): Finding[] => (own.get(e) ?? []).filter((f) => FAILING.includes(f.ruleId));
  for (const start of endpoints) {
    if (!start.fallbacks?.length) continue;
    const passes = new Set(FAILING.filter((r) => !failed(start).some((f) => f.ruleId === r)));
    let weakest: { target: Endpoint; via: string; reasons: Finding[]; score: number } | undefined;
    // Breadth-first over the chain; each endpoint once, however the fallbacks loop.
    const seen = new Set<Endpoint>([start]);
    const queue: { target: Endpoint; via: string }[] = [];
    const visit = (list: Endpoint['fallbacks']): void => {
      for (const f of list ?? []) {
        if (seen.has(f.endpoint)) continue;
        seen.add(f.endpoint);
        queue.push({ target: f.endpoint, via: f.via });
      }
    };
    visit(start.fallbacks);
    for (let head = 0; head < queue.length; head++) {
      const { target, via } = queue[head]!;
      const reasons = failed(target).filter((f) => passes.has(f.ruleId));
      const score = reasons.reduce((n, f) => n + (f.ruleId === 'LLMC003' ? 1 : 10), 0);
      if (score > (weakest?.score ?? 0)) weakest = { target, via, reasons, score };
      visit(target.fallbacks);
    }
    if (!weakest) continue;
    const provider = start.provider ? index.providers.get(start.provider) : undefined;
    const target = weakest.target;
    const targetName = describeEndpoint(target, target.provider ? index.providers.get(target.provider) : undefined);
    const why = [...new Set(weakest.reasons.map((f) => FAILS[f.ruleId]))].join(', and ');
    const requirement = [...new Set(weakest.reasons.flatMap((f) => f.requirement.split(',')))].join(',');
    // A chain whose weakest link is only unlocated is no worse than that link's own finding.
    const link = weakest.reasons.reduce<Severity>((m, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[m] ? f.severity : m), 'note');
    out.push({
      ruleId: 'LLMC005', severity: SEVERITY_RANK[link] < SEVERITY_RANK[severity] ? link : severity, file: start.file, range: start.range, provider: start.provider,
      message: `${describeEndpoint(start, provider)} falls back (${weakest.via}) to ${targetName}, which ${why}. ${FALLBACK_REMEDY}`,
      requirement, remedy: FALLBACK_REMEDY,
      details: weakest.reasons.map((f) => f.message), sources: weakest.reasons.flatMap((f) => f.sources), fixes: [], endpoint: start,
      related: [{ file: target.file, range: target.range, message: `the weakest link: ${targetName}` }],
    });
  }
  return out;
}

const FAILS: Partial<Record<RuleId, string>> = {
  LLMC001: 'is not covered by a signed BAA',
  LLMC002: 'does not keep data in the EU',
  LLMC003: 'cannot be located statically',
  LLMC004: 'lacks a required certification',
};


function certVerdict(fact: Fact<boolean> | Fact<GpaiStatus>): 'ok' | 'no' | 'unknown' {
  const v = fact.value;
  if (v === true || v === 'signatory') return 'ok';
  if (v === false || v === 'not-signed' || v === 'partial') return 'no';
  return 'unknown';
}

/** "Iowa, USA" rather than "Iowa, USA, US"; "Anthropic global inference" rather than "..., global". */
function placeOf(loc: ResolvedLocation): string {
  if (loc.name.includes(loc.jurisdiction) || loc.jurisdiction === 'global' || loc.jurisdiction === 'unknown') return loc.name;
  return `${loc.name} (${loc.jurisdiction})`;
}

export function describeEndpoint(endpoint: Endpoint, provider: Provider | undefined): string {
  const parts: string[] = [];
  if (endpoint.host) parts.push(endpoint.host);
  else if (endpoint.region) parts.push(`region ${endpoint.region}`);
  const who = provider?.name ?? (endpoint.vendor ? `${endpoint.vendor}, not a catalog provider` : 'an uncatalogued LLM endpoint');
  return parts.length ? `${parts.join(' ')} (${who}${endpoint.region && endpoint.host ? `, ${endpoint.region}` : ''})` : who;
}

function listedAlternatives(policy: Policy, index: CatalogIndex, current: Provider, lowercase = false): string {
  const covered = policy.baa.filter((id) => id !== current.id && index.providers.get(id)?.posture.baa.value === 'available');
  if (covered.length) return `${lowercase ? 'use' : 'Use'} a provider you have a BAA with: ${covered.join(', ')}.`;
  return `${lowercase ? 'use' : 'Use'} a provider that offers a BAA and add it to baa:.`;
}
