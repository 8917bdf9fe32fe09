// LLMC001: under `require: [hipaa]`, a signed BAA must cover the endpoint and what its request uses.

import type { Provider } from '../catalog/types';
import type { Endpoint } from '../model';
import { clip, PASS, shortName, verdictOf, type EndpointCheck, type RuleContext, type RuleMeta, type Verdict } from './context';
import { baaCoverageUnknown } from './llmc003-location-unknown';

export const meta: RuleMeta<'LLMC001'> = {
  id: 'LLMC001',
  name: 'EndpointNotCoveredByBaa',
  title: 'Endpoint not covered by a signed BAA',
  requirements: ['hipaa'],
  defaultSeverity: 'error',
  securitySeverity: '8.5',
  precision: 'high',
  ratingReason: 'High, not critical: sending PHI to a processor without a BAA is a HIPAA breach, but a static scan cannot see whether this call carries PHI. Precision high: hand-judged samples of reported endpoints on whole real repositories were 89% right (311 of 350, docs/accuracy), and matched EU/BAA verdicts about 98%; not very-high, as first runs on unseen frameworks scored lower.',
  summary: 'The policy requires HIPAA, and this LLM endpoint is not covered by a Business Associate Agreement the organisation has signed.',
  description: [
    'Fires when the policy lists `hipaa` under `require:` and an LLM endpoint belongs to a provider that is not in the policy\'s `baa:` list, or to a provider or host the catalog says offers no BAA at all (for example the Gemini Developer API, DeepSeek, or the Hugging Face router). It also fires, even for a provider under `baa:`, when the request uses a feature that provider\'s BAA leaves out (the catalog\'s `baaExcludedFeatures`, from the vendor\'s page: for Anthropic, code execution, web fetch, the Files API, batches and others), in the same call as the model or through the client the endpoint is assigned to; where the file uses such a feature but the engine cannot tie it to the endpoint, coverage is unknown (LLMC003).',
    '',
    'Protected health information may only go to a business associate under a signed BAA. A provider\'s BAA usually needs a particular plan and covers only some services: the finding quotes the catalog\'s tier and conditions with their sources.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `api.openai.com: no signed BAA with OpenAI — sign one and add openai to baa:`. The offered BAA tier, its conditions and sources, and the providers you already have a BAA with are the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** an endpoint of a provider listed under `baa:` whose BAA covers that host. Sign the provider\'s BAA and add its id to `baa:`, or move the call to a provider you already have a BAA with (the finding lists them).',
    '',
    'Self-hosted endpoints (localhost, private addresses) do not involve a third-party processor and are not checked by this rule.',
  ].join('\n'),
};

export function create(ctx: RuleContext): EndpointCheck {
  return ctx.required.has('hipaa') ? (endpoint) => judge(endpoint, ctx) : () => PASS;
}

function judge(endpoint: Endpoint, ctx: RuleContext): Verdict {
  const provider = ctx.processorOf(endpoint);
  if (!provider) return verdictOf([], [{ requirement: 'hipaa' }]);
  const { policy, index } = ctx;
  const what = ctx.describe(endpoint);
  const pattern = endpoint.host ? index.matchHost(endpoint.host)?.pattern : undefined;
  const fact = index.baaFact(provider, pattern);
  const baaSources = fact.sources;
  const excluded = endpoint.baaExclusion;
  const who = shortName(provider.operator);
  const report = (message: string, remedy: string, sources = baaSources, details: (string | undefined)[] = []): Verdict =>
    verdictOf([ctx.finding(endpoint, { rule: meta, requirement: 'hipaa', message, remedy, sources, details })]);
  if (fact.value === 'not-available') {
    return report(`${what}: ${shortName(provider.name)} offers no BAA for this service — ${shortAlternatives(ctx, provider)}`,
      listedAlternatives(ctx, provider), baaSources, [`${provider.name} offers no BAA for this service.`, fact.note, ...(fact.conditions ?? [])]);
  }
  if (!policy.baa.includes(provider.id)) {
    const offer = fact.value === 'available'
      ? `${provider.name} offers one${fact.tier ? ` (${fact.tier})` : ''}.`
      : fact.value === 'case-by-case' ? `${provider.name} considers a BAA case by case.` : `Whether ${provider.name} offers one is unknown.`;
    const step = fact.value === 'available' ? `sign one and add ${provider.id} to baa:`
      : fact.value === 'case-by-case' ? `ask ${who} for one (case by case) and add ${provider.id} to baa:`
      : `none is known to be offered; ${shortAlternatives(ctx, provider)}`;
    return report(`${what}: no signed BAA with ${who} — ${step}`,
      `Sign it and add ${provider.id} to baa:, or ${listedAlternatives(ctx, provider, true)}`, baaSources, [offer, excluded?.reason, fact.note, ...(fact.conditions ?? [])]);
  }
  if (excluded && endpoint.baaAvailable === false) {
    // A signed BAA that leaves out a feature this request uses does not cover the request.
    return report(`${what}: ${who}'s BAA does not cover ${clip(excluded.feature, 40)} — keep it out of requests with PHI`,
      `Leave ${excluded.feature} out of requests that carry PHI, or make them through a service whose BAA covers it.`, [...excluded.sources, ...baaSources], [excluded.reason]);
  }
  // The feature is used in the file but not tied to this endpoint: coverage is unknown, which is LLMC003's.
  if (excluded && endpoint.baaAvailable === null) return verdictOf([baaCoverageUnknown(endpoint, ctx, provider, excluded, baaSources)]);
  return PASS;
}

/** "use aws-bedrock or azure-openai (baa:)": the alternatives, short enough for a message. */
function shortAlternatives(ctx: RuleContext, current: Provider): string {
  const covered = ctx.policy.baa.filter((id) => id !== current.id && ctx.index.providers.get(id)?.posture.baa.value === 'available');
  if (!covered.length) return 'use a provider that offers one';
  return `use ${covered.slice(0, 2).join(' or ')}${covered.length > 2 ? ' or another' : ''} (under baa:)`;
}

function listedAlternatives(ctx: RuleContext, current: Provider, lowercase = false): string {
  const covered = ctx.policy.baa.filter((id) => id !== current.id && ctx.index.providers.get(id)?.posture.baa.value === 'available');
  if (covered.length) return `${lowercase ? 'use' : 'Use'} a provider you have a BAA with: ${covered.join(', ')}.`;
  return `${lowercase ? 'use' : 'Use'} a provider that offers a BAA and add it to baa:.`;
}
