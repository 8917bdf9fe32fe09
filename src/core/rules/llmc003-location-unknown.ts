// LLMC003: a requirement depends on where the endpoint sends data, and that cannot be told
// statically. It reports what the other per-endpoint rules left open (see evaluate.ts).

import type { Provider, Source } from '../catalog/types';
import type { Endpoint, Finding } from '../model';
import { clip, MAX_MESSAGE, type OpenRequirement, requirementWords, type RuleContext, type RuleMeta, shortName } from './context';
import { euFixes } from './llmc002-outside-eu';

export const meta: RuleMeta<'LLMC003'> = {
  id: 'LLMC003',
  name: 'EndpointLocationUnknown',
  title: 'Endpoint location cannot be determined',
  requirements: ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
  defaultSeverity: 'warning',
  securitySeverity: '4.0',
  precision: 'medium',
  ratingReason: 'Medium (the lowest medium): nothing is known to be wrong, only that a requirement cannot be checked here. Precision medium: the location is truly unknown to the scan, but often the deployment sets it to a compliant value, so many of these need no change.',
  summary: 'A requirement of the policy depends on where this LLM call goes, and that cannot be determined statically.',
  description: [
    'Fires when a requirement depends on the endpoint and the engine cannot tell it: the base URL or region is read from an environment variable that has no value in the workspace, is computed at run time, is left to the SDK\'s runtime configuration (boto3 without `region_name`), or the host is not in the catalog (a private gateway), or the host does not reveal the region (`NAME.openai.azure.com`).',
    '',
    'An unknown location is never treated as compliant.',
    '',
    'Which workspace values count follows how they reach a process: a dotenv file applies to code in its own folder and below (the nearest folder whose real `.env*` sets the variable wins; a nearer `.env.example`, `example.env` or `sample.env` forks with it, since either may be what runs), a compose service\'s `environment:`/`env_file:` to its `build:` context, a GitHub Actions `env:` to the job\'s working directory, a Dockerfile `ENV` to the code of its folder, an AWS CDK Lambda function\'s `environment` to the code of its asset folder (a `tryGetContext` value is the app\'s `cdk.json` context; a value from props is set but unknown). A variable set only for another folder\'s code does not count here, and the finding says where it is set. Kubernetes and Helm values, which are tied to no code, apply only where nothing closer sets the variable and are marked unscoped. A placeholder value (`https://your-resource-name.openai.azure.com`) counts as not set.',
    '',
    '**The message** reads at a glance (at most 200 characters): the host, or the provider\'s short name when there is no host, the problem and a short remedy, for example `Amazon Bedrock: EU residency cannot be checked — the region is read from the environment variable BILLING_BEDROCK_REGION, which no env file in the workspace sets`. The reason is clipped to fit; the full reason and the requirements that depend on it are the finding\'s details. They are in the hover, in `remedy` and `details` of the JSON output, and in each SARIF result\'s `properties`.',
    '',
    '**What passes:** make the endpoint explicit. Set the region or base URL in code or in a workspace config file the engine reads, or (where the finding offers it) apply the quick fix that sets an EU region explicitly.',
  ].join('\n'),
};

/** One finding for all the requirements the other rules could not judge on this endpoint, in their order. */
export function check(endpoint: Endpoint, ctx: RuleContext, open: readonly OpenRequirement[]): Finding | undefined {
  if (!open.length) return undefined;
  const requirements = open.map((o) => o.requirement);
  const why = endpoint.unknown ?? open.find((o) => o.why)?.why ?? 'the provider or region is not known';
  const fixes = requirements.includes('eu-residency') ? euFixes(endpoint, ctx.policy.residency) : [];
  const head = `${ctx.describe(endpoint)}: ${requirementWords(requirements)} cannot be checked — `;
  return ctx.finding(endpoint, {
    rule: meta, requirement: requirements.join(','), asError: spoofed(endpoint, requirements),
    message: `${head}${shortWhy(why, endpoint.host, MAX_MESSAGE - head.length)}`,
    remedy: fixes.length ? 'Set it explicitly, for example with the quick fix.' : 'Set the endpoint or region explicitly where the engine can see it (code or workspace config).',
    sources: endpoint.location?.sources ?? [], fixes,
    details: [`The location cannot be determined statically, because ${why}.`, `The policy's ${requirements.join(', ')} requirement${requirements.length > 1 ? 's depend' : ' depends'} on it.`],
  });
}

/** Why, in what room is left: its first clause, the host named as "the host" (the message starts with it). */
function shortWhy(why: string, host: string | null, room: number): string {
  let first = why.split('; ')[0]!;
  if (host && first.startsWith(`${host} `)) first = `the host${first.slice(host.length)}`;
  return clip(first, Math.max(40, room));
}

/**
 * LLMC001 asks this when a signed BAA covers the provider but the file uses a feature the BAA
 * leaves out without the engine tying it to this endpoint: whether the BAA covers it is unknown.
 */
export function baaCoverageUnknown(endpoint: Endpoint, ctx: RuleContext, provider: Provider, excluded: NonNullable<Endpoint['baaExclusion']>, baaSources: Source[]): Finding | undefined {
  return ctx.finding(endpoint, {
    rule: meta, requirement: 'hipaa', asError: spoofed(endpoint, ['hipaa']),
    message: `${ctx.describe(endpoint)}: BAA coverage unknown — the file uses ${clip(excluded.feature, 40)}, which ${clip(shortName(provider.operator), 30)}'s BAA leaves out`,
    remedy: `Keep ${excluded.feature} out of requests that carry PHI; written in the same call as the model, the engine can tell which requests use it.`,
    details: [`Whether ${provider.operator}'s BAA covers its requests cannot be determined statically: ${excluded.reason}`],
    sources: [...excluded.sources, ...baaSources],
  });
}

/**
 * A host that only looks like a catalogued one (`lookalikeOf`) is an error under a residency or
 * BAA requirement, whatever severity the policy gives LLMC003, unless it is off.
 */
function spoofed(endpoint: Endpoint, requirements: string[]): boolean {
  return endpoint.lookalikeOf !== undefined && requirements.some((r) => r === 'hipaa' || r === 'eu-residency');
}
