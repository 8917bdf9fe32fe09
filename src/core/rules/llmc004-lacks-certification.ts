// LLMC004: under `require:` of a certification (SOC 2 Type II, ISO/IEC 27001, ISO/IEC 42001) or
// the EU AI Act GPAI Code of Practice, the endpoint's provider must hold it, with a source.

import type { Fact, GpaiStatus, Provider, Source } from '../catalog/types';
import type { Endpoint } from '../model';
import type { Requirement } from '../policy/policy';
import { PASS, shortName, verdictOf, type EndpointCheck, type RuleContext, type RuleMeta, type Verdict } from './context';

export const meta: RuleMeta<'LLMC004'> = {
  id: 'LLMC004',
  name: 'ProviderLacksCertification',
  title: 'Provider lacks a required certification',
  requirements: ['soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
  defaultSeverity: 'error',
  securitySeverity: '5.0',
  precision: 'medium',
  ratingReason: 'Medium: a missing or unconfirmed certification is a procurement and assurance gap, not data sent where it must not go. Precision medium: many findings say the certification \'cannot be confirmed\' (only third parties report it), not that the provider lacks it.',
  summary: 'The policy requires a certification (SOC 2 Type II, ISO/IEC 27001, ISO/IEC 42001) or the EU AI Act GPAI Code of Practice, and the endpoint\'s provider lacks it or it cannot be confirmed.',
  description: [
    'Fires when the policy lists `soc2-type2`, `iso27001`, `iso42001` or `eu-ai-act-gpai` under `require:` and the catalog says the endpoint\'s provider does not hold it, or the catalog cannot confirm it (sources conflict or none was found). For `eu-ai-act-gpai`, a host of other developers\' models (Bedrock, Vertex AI, Groq, Together, ...) depends on the model\'s developer and is reported as not confirmed.',
    '',
    'A certification that cannot be confirmed is reported, never assumed: the message says which, and why.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `api.anthropic.com: SOC 2 Type II not confirmed for Anthropic Claude API — use a provider that holds it`. Why each certification could not be confirmed, with its sources, is in the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** a provider whose catalog entry shows the certification with a source.',
  ].join('\n'),
};

const CERTIFICATIONS: { requirement: Requirement; label: string; short: string; fact: (p: Provider) => Fact<boolean> | Fact<GpaiStatus> }[] = [
  { requirement: 'soc2-type2', label: 'SOC 2 Type II', short: 'SOC 2 Type II', fact: (p) => p.posture.soc2Type2 },
  { requirement: 'iso27001', label: 'ISO/IEC 27001', short: 'ISO 27001', fact: (p) => p.posture.iso27001 },
  { requirement: 'iso42001', label: 'ISO/IEC 42001', short: 'ISO 42001', fact: (p) => p.posture.iso42001 },
  { requirement: 'eu-ai-act-gpai', label: 'the EU AI Act GPAI Code of Practice', short: 'the GPAI code', fact: (p) => p.posture.euAiActGpai },
];

export function create(ctx: RuleContext): EndpointCheck {
  const wanted = CERTIFICATIONS.filter((c) => ctx.required.has(c.requirement));
  return wanted.length ? (endpoint) => judge(endpoint, ctx, wanted) : () => PASS;
}

function judge(endpoint: Endpoint, ctx: RuleContext, wanted: typeof CERTIFICATIONS): Verdict {
  const provider = ctx.processorOf(endpoint);
  if (!provider) return verdictOf([], wanted.map((c) => ({ requirement: c.requirement })));
  const missing: string[] = [];
  const failed: Requirement[] = [];
  const lacks: string[] = [];
  const unconfirmed: string[] = [];
  const notes: (string | undefined)[] = [];
  const sources: Source[] = [];
  for (const cert of wanted) {
    const fact = cert.fact(provider);
    const verdict = certVerdict(fact);
    if (verdict === 'ok') continue;
    failed.push(cert.requirement);
    missing.push(verdict === 'no' ? `lacks ${cert.label}` : `${cert.label} cannot be confirmed`);
    (verdict === 'no' ? lacks : unconfirmed).push(cert.short);
    notes.push(fact.note ? `${cert.label}: ${fact.note}` : undefined);
    sources.push(...fact.sources);
  }
  if (!missing.length) return PASS;
  const reqs = wanted.map((c) => c.requirement);
  // The finding's requirement names only what fails (hover verdicts and the JSON read it); the remedy names all that is required.
  const who = shortName(provider.name);
  const subject = ctx.describe(endpoint);
  const forWho = subject.startsWith(who) ? '' : ` for ${who}`;
  const what = [lacks.length ? `${who} lacks ${joinAnd(lacks)}` : '', unconfirmed.length ? `${joinAnd(unconfirmed)} not confirmed${lacks.length ? '' : forWho}` : ''].filter(Boolean).join('; ');
  return verdictOf([ctx.finding(endpoint, {
    rule: meta, requirement: failed.join(','), message: `${subject}: ${what} — use a provider that holds ${missing.length > 1 ? 'them' : 'it'}`,
    remedy: `The policy requires ${reqs.join(', ')}; use a provider whose catalog entry shows ${missing.length > 1 ? 'them' : 'it'}.`, sources,
    details: [`${provider.name} ${missing.join('; ')}.`, ...notes],
  })]);
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function certVerdict(fact: Fact<boolean> | Fact<GpaiStatus>): 'ok' | 'no' | 'unknown' {
  const v = fact.value;
  if (v === true || v === 'signatory') return 'ok';
  if (v === false || v === 'not-signed' || v === 'partial') return 'no';
  return 'unknown';
}
