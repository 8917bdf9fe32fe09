// Endpoint x catalog x policy -> findings, by the rule modules. Each finding says what was
// found, why it fails, and what would pass, and carries the catalog sources it rests on.

import type { Endpoint, Finding } from '../model';
import type { Policy } from '../policy/policy';
import type { CatalogIndex } from '../resolve/catalog-index';
import { createRuleContext, type EndpointCheck, type EvaluateOptions, type OpenRequirement, type RuleContext } from './context';
import * as notCoveredByBaa from './llmc001-not-covered-by-baa';
import * as outsideEu from './llmc002-outside-eu';
import * as locationUnknown from './llmc003-location-unknown';
import * as lacksCertification from './llmc004-lacks-certification';
import * as fallbackNotCompliant from './llmc005-fallback-not-compliant';
import * as gatewayBypassed from './llmc006-gateway-bypassed';

export type { EvaluateOptions } from './context';

/**
 * The rules that judge one endpoint, in the order their findings are listed and in which
 * LLMC003 names the requirements they leave open.
 */
const ENDPOINT_RULES = [gatewayBypassed, notCoveredByBaa, outsideEu, lacksCertification];

export function evaluateEndpoints(endpoints: Endpoint[], policy: Policy, index: CatalogIndex, options: EvaluateOptions = {}): Finding[] {
  if (policy.require.length === 0 && !policy.gateway) return [];
  const ctx = createRuleContext(endpoints, policy, index, options);
  const checks = ENDPOINT_RULES.map((rule) => rule.create(ctx));
  // Each endpoint's own findings, which LLMC005 reads to judge the chains that reach it.
  const own = new Map<Endpoint, Finding[]>();
  const findings: Finding[] = [];
  for (const endpoint of endpoints) {
    const mine = judged(endpoint, ctx) ? endpointFindings(endpoint, ctx, checks) : [];
    own.set(endpoint, mine);
    findings.push(...mine);
  }
  return [...findings, ...fallbackNotCompliant.check(endpoints, ctx, own)];
}

/** Endpoints on the team's gateway (its own routes are judged where it is configured) and self-hosted ones are not judged. */
function judged(endpoint: Endpoint, ctx: RuleContext): boolean {
  const gateway = ctx.policy.gateway;
  if (gateway && endpoint.host && gateway.hosts.includes(endpoint.host.toLowerCase())) return false;
  return ctx.providerOf(endpoint)?.kind !== 'self-hosted';
}

/** The endpoint rules' findings, then LLMC003's for what they could not judge. */
function endpointFindings(endpoint: Endpoint, ctx: RuleContext, checks: EndpointCheck[]): Finding[] {
  const findings: Finding[] = [];
  const open: OpenRequirement[] = [];
  for (const check of checks) {
    const verdict = check(endpoint);
    findings.push(...verdict.findings);
    open.push(...verdict.open);
  }
  const unknown = locationUnknown.check(endpoint, ctx, open);
  return unknown ? [...findings, unknown] : findings;
}
