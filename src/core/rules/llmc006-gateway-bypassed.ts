// LLMC006: with `gateway.hosts` in the policy, an endpoint must go through the team's gateway.

import { pathMatcher } from '../policy/policy';
import { clip, PASS, verdictOf, type EndpointCheck, type RuleContext, type RuleMeta } from './context';

export const meta: RuleMeta<'LLMC006'> = {
  id: 'LLMC006',
  name: 'GatewayBypassed',
  title: 'LLM call bypasses the team\'s gateway',
  requirements: ['gateway'],
  defaultSeverity: 'error',
  securitySeverity: '6.0',
  precision: 'high',
  ratingReason: 'Medium: the call skips the team\'s gateway (its logging, redaction and allow-list), which is a control gap rather than a known exposure. Precision high: it fires on endpoints the scan found (89% right in whole-repository samples, docs/accuracy) whose host is not the gateway.',
  summary: 'The policy names an LLM gateway, and this call goes straight to a provider instead.',
  description: [
    'Fires when the policy sets `gateway.hosts` and an LLM endpoint reaches a catalogued provider directly instead of one of those hosts. Teams route LLM traffic through a gateway for audit logging, key management and redaction; a direct call escapes all three.',
    '',
    'Paths listed under `gateway.allow` (the gateway\'s own configuration, such as a LiteLLM proxy `config.yaml`) may call providers directly. Endpoints on a gateway host are not judged by the other rules: the gateway\'s own routes are, where its configuration is in the workspace. An endpoint whose URL cannot be determined is reported by LLMC003 instead.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `api.openai.com bypasses the gateway — set the SDK\'s base URL to litellm.northwind.internal`. Every gateway host of the policy is listed in the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** send the call to the gateway (set the SDK\'s base URL to the gateway host).',
  ].join('\n'),
};

/** Judges each endpoint; the gateway's `allow:` paths are compiled once per evaluation. */
export function create(ctx: RuleContext): EndpointCheck {
  const gateway = ctx.policy.gateway;
  if (!gateway) return () => PASS;
  const allowed = gateway.allow.length ? pathMatcher(gateway.allow) : undefined;
  return (endpoint) => {
    if (endpoint.declaration || allowed?.(ctx.options.pathForPolicy?.(endpoint.file) ?? endpoint.file)) return PASS;
    // The base URL is not known: it may or may not be the gateway.
    if (!ctx.processorOf(endpoint)) return verdictOf([], [{ requirement: 'gateway' }]);
    return verdictOf([ctx.finding(endpoint, {
      rule: meta, requirement: 'gateway',
      message: `${ctx.describe(endpoint)} bypasses the gateway — set the SDK's base URL to ${clip(gateway.hosts[0]!, 50)}${gateway.hosts.length > 1 ? ' (or another gateway host)' : ''}`,
      details: [`The call goes to the provider directly, not through the team's gateway (${gateway.hosts.join(', ')}).`],
      remedy: 'Send the call to the gateway: set the SDK\'s base URL to the gateway host.', sources: [],
    })]);
  };
}
