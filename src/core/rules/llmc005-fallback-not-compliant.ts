// LLMC005: an endpoint that passes must not fall back to one that does not. It reads the
// findings the per-endpoint rules gave every endpoint (see evaluate.ts), so it runs after them.

import { SEVERITY_RANK, type Endpoint, type Finding, type RuleId, type Severity } from '../model';
import { ZONE_SHORT } from './llmc002-outside-eu';
import { clip, describeEndpoint, MAX_MESSAGE, ruleSeverity, type RuleContext, type RuleMeta } from './context';

export const meta: RuleMeta<'LLMC005'> = {
  id: 'LLMC005',
  name: 'FallbackReachesNonCompliantEndpoint',
  title: 'Fallback chain reaches a non-compliant endpoint',
  requirements: ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
  defaultSeverity: 'error',
  securitySeverity: '7.0',
  precision: 'medium',
  ratingReason: 'High (the lowest high): when the primary fails, data goes where LLMC001/LLMC002 forbid, but only then. Precision medium: fallback chains are read in one file, and no real-code sample has measured this rule alone.',
  summary: 'This LLM endpoint passes the policy, but when it fails, requests fall back to one that does not.',
  description: [
    'Fires on the first endpoint of a routing chain when the endpoint itself passes the policy and a target it falls back to does not. The message names the weakest link (the target that fails the most requirements) and the related location points at it. Chains the engine follows, within one file:',
    '',
    '- LiteLLM proxy config: `router_settings.fallbacks`, `litellm_settings.fallbacks`, `context_window_fallbacks`, `content_policy_fallbacks` (model names mapped to `model_list` entries) and `default_fallbacks`;',
    '- LiteLLM in code: `Router(model_list=[...], fallbacks=[{...}])` and `completion(model=..., fallbacks=[...])`;',
    '- Portkey configs with `strategy: { mode: fallback }` and `targets`;',
    '- a `try` block that calls one client and an `except` / `catch` block that calls another.',
    '',
    'A fallback runs exactly when something goes wrong, so the data goes there on the worst day: a chain is as compliant as its weakest link. The failing target also gets its own LLMC001/LLMC002/LLMC004 finding on its line.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `northwind-eu.openai.azure.com falls back to api.openai.com (router_settings.fallbacks): no signed BAA, data outside the EU — fall back only to compliant endpoints`. Both endpoints in full and the weakest link\'s own findings are the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** fall back only to endpoints that pass the policy (another EU region of the same provider, another covered deployment), or remove the fallback.',
  ].join('\n'),
};

/** The rules whose findings make a fallback target fail, and how a message says so. */
const FAILS: Partial<Record<RuleId, string>> = {
  LLMC001: 'no signed BAA',
  LLMC002: 'data outside',
  LLMC004: 'a required certification missing',
  LLMC003: 'location unknown',
};
const REMEDY = 'Fall back only to endpoints that pass the policy, or remove the fallback.';
const SHORT_REMEDY = ' — fall back only to compliant endpoints';

interface Link { target: Endpoint; via: string; reasons: Finding[]; score: number }

/**
 * An endpoint that passes, whose fallback chain (followed transitively) reaches one that fails
 * a requirement the first one meets. `own` holds each endpoint's findings from the rules above.
 */
export function check(endpoints: readonly Endpoint[], ctx: RuleContext, own: ReadonlyMap<Endpoint, readonly Finding[]>): Finding[] {
  const severity = ruleSeverity(meta, ctx.policy);
  if (!severity) return [];
  const failed = (e: Endpoint): Finding[] => (own.get(e) ?? []).filter((f) => f.ruleId in FAILS);
  const out: Finding[] = [];
  for (const start of endpoints) {
    if (!start.fallbacks?.length) continue;
    const weakest = weakestLink(start, failed);
    if (weakest) out.push(chainFinding(start, weakest, severity, ctx));
  }
  return out;
}

/** The target that fails the most of what `start` passes; one that only cannot be located ranks below one that fails. */
function weakestLink(start: Endpoint, failed: (e: Endpoint) => Finding[]): Link | undefined {
  const startFails = new Set(failed(start).map((f) => f.ruleId));
  let weakest: Link | undefined;
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
    const reasons = failed(target).filter((f) => !startFails.has(f.ruleId));
    const score = reasons.reduce((n, f) => n + (f.ruleId === 'LLMC003' ? 1 : 10), 0);
    if (score > (weakest?.score ?? 0)) weakest = { target, via, reasons, score };
    visit(target.fallbacks);
  }
  return weakest;
}

function chainFinding(start: Endpoint, weakest: Link, severity: Severity, ctx: RuleContext): Finding {
  const target = weakest.target;
  const targetName = ctx.describe(target);
  const why = [...new Set(weakest.reasons.map((f) => (f.ruleId === 'LLMC002' ? `data outside ${ZONE_SHORT[ctx.policy.residency]}` : FAILS[f.ruleId])))].join(', ');
  const requirement = [...new Set(weakest.reasons.flatMap((f) => f.requirement.split(',')))].join(',');
  // A chain whose weakest link is only unlocated is no worse than that link's own finding.
  const link = weakest.reasons.reduce<Severity>((m, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[m] ? f.severity : m), 'note');
  // The shortest that fits: the way it falls back and the remedy are also in details and `remedy`.
  const via = clip(weakest.via, 30);
  const message = [`${ctx.describe(start)} falls back to ${targetName} (${via}): ${why}${SHORT_REMEDY}`, `${ctx.describe(start)} falls back to ${targetName}: ${why}${SHORT_REMEDY}`]
    .find((m) => m.length <= MAX_MESSAGE) ?? `${ctx.describe(start)} falls back to ${targetName}: ${why}`;
  const full = (e: Endpoint): string => describeEndpoint(e, ctx.providerOf(e));
  return {
    ruleId: meta.id, severity: SEVERITY_RANK[link] < SEVERITY_RANK[severity] ? link : severity, file: start.file, range: start.range, provider: start.provider,
    message,
    requirement, remedy: REMEDY,
    details: [`${full(start)} falls back (${weakest.via}) to ${full(target)}.`, ...weakest.reasons.map((f) => `${f.ruleId}: ${f.message}`)], sources: weakest.reasons.flatMap((f) => f.sources), fixes: [], endpoint: start,
    related: [{ file: target.file, range: target.range, message: `the weakest link: ${targetName}` }],
  };
}
