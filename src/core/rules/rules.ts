// Rule metadata: the one source for SARIF rule descriptors, docs/rules/*.md and help
// text. Rule ids are a contract and keep their numbers.

import type { RuleId, Severity } from '../model';
import type { Policy } from '../policy/policy';

export interface RuleMeta {
  id: RuleId;
  /** Short PascalCase name (SARIF `name`). */
  name: string;
  title: string;
  requirements: string[];
  defaultSeverity: Severity;
  /** One sentence. */
  summary: string;
  /** Markdown: what it checks, why, how to fix, how to waive. */
  description: string;
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'LLMC001',
    name: 'EndpointNotCoveredByBaa',
    title: 'Endpoint not covered by a signed BAA',
    requirements: ['hipaa'],
    defaultSeverity: 'error',
    summary: 'The policy requires HIPAA, and this LLM endpoint is not covered by a Business Associate Agreement the organisation has signed.',
    description: [
      'Fires when the policy lists `hipaa` under `require:` and an LLM endpoint belongs to a provider that is not in the policy\'s `baa:` list, or to a provider or host the catalog says offers no BAA at all (for example the Gemini Developer API, DeepSeek, or the Hugging Face router). It also fires, even for a provider under `baa:`, when the request uses a feature that provider\'s BAA leaves out (the catalog\'s `baaExcludedFeatures`, from the vendor\'s page: for Anthropic, code execution, web fetch, the Files API, batches and others), in the same call as the model or through the client the endpoint is assigned to; where the file uses such a feature but the engine cannot tie it to the endpoint, coverage is unknown (LLMC003).',
      '',
      'Protected health information may only go to a business associate under a signed BAA. A provider\'s BAA usually needs a particular plan and covers only some services: the finding quotes the catalog\'s tier and conditions with their sources.',
      '',
      '**What passes:** an endpoint of a provider listed under `baa:` whose BAA covers that host. Sign the provider\'s BAA and add its id to `baa:`, or move the call to a provider you already have a BAA with (the finding lists them).',
      '',
      'Self-hosted endpoints (localhost, private addresses) do not involve a third-party processor and are not checked by this rule.',
    ].join('\n'),
  },
  {
    id: 'LLMC002',
    name: 'EndpointOutsideEu',
    title: 'Endpoint does not keep data in the EU',
    requirements: ['eu-residency'],
    defaultSeverity: 'error',
    summary: 'The policy requires EU data residency, and this LLM endpoint may process data outside the policy\'s residency zone (the EU-27 by default).',
    description: [
      'Fires when the policy lists `eu-residency` under `require:` and the endpoint may process data in a country outside the policy\'s residency zone. The catalog records, for every region and vendor zone, the countries it may process data in; the endpoint passes only when every one of them is inside the zone, and the message names the country that breaks it (for example "Norway (EEA, not EU)").',
      '',
      'The zone is the policy\'s `residency:`. `eu` (the default): the 27 EU member states. `eea`: the EU plus Iceland, Liechtenstein and Norway. `eu-adequacy`: the EEA plus countries with a general EU adequacy decision (Andorra, Argentina, the Faroe Islands, Guernsey, Israel, the Isle of Man, Japan, Jersey, New Zealand, South Korea, Switzerland, the United Kingdom, Uruguay). Canada and the United States do not count: their decisions cover only some organisations (commercial organisations under PIPEDA; companies certified under the EU-US Data Privacy Framework), which a region cannot show.',
      '',
      'Under the default `eu` zone the rule fires on a US or global host (`api.openai.com`, `api.anthropic.com`), a non-EU region (`us-east-1`), a region in Europe but outside the EU (AWS `eu-west-2` London and `eu-central-2` Zurich, GCP `europe-west2` and `europe-west6`, Azure UK, Switzerland and Norway, IBM `eu-gb`), a Vertex AI `global` location, an Azure OpenAI `Global*` deployment (each deployment in Terraform, Bicep or ARM is its own endpoint, reported on its SKU: a `GlobalStandard` deployment of an account in an EU region fails, a `DataZoneStandard` one beside it stays in the EU data zone and passes), and on vendor European zones that are wider than the EU (OpenAI\'s EEA and Switzerland, Mistral\'s EU/EFTA, OpenRouter\'s EU/EEA, UK and Switzerland). Countries a vendor does not name are unknown (LLMC003), never a pass.',
      '',
      '**What passes:** a host or region whose countries are all inside the zone. Where the provider has one inside the zone, the finding carries the exact edit (for example `us-east-1` to `eu-central-1`, `global` to `europe-west4`, an Azure deployment SKU `GlobalStandard` to `DataZoneStandard`, `api.openai.com` to `eu.api.openai.com` under `residency: eu-adequacy`); a move to a place outside the zone is never offered. Some options carry conditions (OpenAI\'s EU host needs a project created with EU data residency); the message says so.',
    ].join('\n'),
  },
  {
    id: 'LLMC003',
    name: 'EndpointLocationUnknown',
    title: 'Endpoint location cannot be determined',
    requirements: ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
    defaultSeverity: 'warning',
    summary: 'A requirement of the policy depends on where this LLM call goes, and that cannot be determined statically.',
    description: [
      'Fires when a requirement depends on the endpoint and the engine cannot tell it: the base URL or region is read from an environment variable that has no value in the workspace, is computed at run time, is left to the SDK\'s runtime configuration (boto3 without `region_name`), or the host is not in the catalog (a private gateway), or the host does not reveal the region (`NAME.openai.azure.com`).',
      '',
      'An unknown location is never treated as compliant.',
      '',
      'Which workspace values count follows how they reach a process: a dotenv file applies to code in its own folder and below (the nearest folder whose real `.env*` sets the variable wins; a nearer `.env.example`, `example.env` or `sample.env` forks with it, since either may be what runs), a compose service\'s `environment:`/`env_file:` to its `build:` context, a GitHub Actions `env:` to the job\'s working directory, a Dockerfile `ENV` to the code of its folder, an AWS CDK Lambda function\'s `environment` to the code of its asset folder (a `tryGetContext` value is the app\'s `cdk.json` context; a value from props is set but unknown). A variable set only for another folder\'s code does not count here, and the message says where it is set. Kubernetes and Helm values, which are tied to no code, apply only where nothing closer sets the variable and are marked unscoped. A placeholder value (`https://your-resource-name.openai.azure.com`) counts as not set.',
      '',
      '**What passes:** make the endpoint explicit. Set the region or base URL in code or in a workspace config file the engine reads, or (where the finding offers it) apply the quick fix that sets an EU region explicitly.',
    ].join('\n'),
  },
  {
    id: 'LLMC004',
    name: 'ProviderLacksCertification',
    title: 'Provider lacks a required certification',
    requirements: ['soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
    defaultSeverity: 'error',
    summary: 'The policy requires a certification (SOC 2 Type II, ISO/IEC 27001, ISO/IEC 42001) or the EU AI Act GPAI Code of Practice, and the endpoint\'s provider lacks it or it cannot be confirmed.',
    description: [
      'Fires when the policy lists `soc2-type2`, `iso27001`, `iso42001` or `eu-ai-act-gpai` under `require:` and the catalog says the endpoint\'s provider does not hold it, or the catalog cannot confirm it (sources conflict or none was found). For `eu-ai-act-gpai`, a host of other developers\' models (Bedrock, Vertex AI, Groq, Together, ...) depends on the model\'s developer and is reported as not confirmed.',
      '',
      'A certification that cannot be confirmed is reported, never assumed: the message says which, and why.',
      '',
      '**What passes:** a provider whose catalog entry shows the certification with a source.',
    ].join('\n'),
  },
  {
    id: 'LLMC005',
    name: 'FallbackReachesNonCompliantEndpoint',
    title: 'Fallback chain reaches a non-compliant endpoint',
    requirements: ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'],
    defaultSeverity: 'error',
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
      '**What passes:** fall back only to endpoints that pass the policy (another EU region of the same provider, another covered deployment), or remove the fallback.',
    ].join('\n'),
  },
  {
    id: 'LLMC006',
    name: 'GatewayBypassed',
    title: 'LLM call bypasses the team\'s gateway',
    requirements: ['gateway'],
    defaultSeverity: 'error',
    summary: 'The policy names an LLM gateway, and this call goes straight to a provider instead.',
    description: [
      'Fires when the policy sets `gateway.hosts` and an LLM endpoint reaches a catalogued provider directly instead of one of those hosts. Teams route LLM traffic through a gateway for audit logging, key management and redaction; a direct call escapes all three.',
      '',
      'Paths listed under `gateway.allow` (the gateway\'s own configuration, such as a LiteLLM proxy `config.yaml`) may call providers directly. Endpoints on a gateway host are not judged by the other rules: the gateway\'s own routes are, where its configuration is in the workspace. An endpoint whose URL cannot be determined is reported by LLMC003 instead.',
      '',
      '**What passes:** send the call to the gateway (set the SDK\'s base URL to the gateway host).',
    ].join('\n'),
  },
  {
    id: 'LLMC007',
    name: 'WaiverInvalid',
    title: 'Waiver without a reason, expired, or malformed',
    requirements: [],
    defaultSeverity: 'warning',
    summary: 'A waiver must say which rule, why, and until when: one without a reason, past its expiry or naming no valid rule does not waive anything.',
    description: [
      'Waivers are audit records of accepted risks. They are written inline, in a comment on the finding\'s line or on the comment lines directly above it:',
      '',
      '```python',
      'client = OpenAI()  # llm-compliance-ignore LLMC002 -- US-only model approved in SEC-142; expires=2027-03-31; owner=alice',
      '```',
      '',
      'or in the policy file under `waivers:` (with `rule`, `paths`, `reason`, `expires`, `owner`, optional `provider`).',
      '',
      'This rule fires on the waiver itself when it has no reason, when its expiry date has passed (the waiver then stops waiving, and the finding it covered is reported again), when the expiry is not a date (YYYY-MM-DD), or when it names no rule or an unknown one. Waived findings stay in the JSON output (with `suppressed`) and appear in SARIF as suppressions with their justification; they do not fail the run.',
      '',
      '**What passes:** give the waiver a reason and, ideally, an owner and an expiry date; renew or remove it when it expires.',
    ].join('\n'),
  },
  {
    id: 'LLMC008',
    name: 'FileNotFullyAnalysed',
    title: 'File not fully analysed',
    requirements: [],
    defaultSeverity: 'warning',
    summary: 'A file the scan should check could not be fully analysed, so an LLM endpoint in it could go unchecked.',
    description: [
      'Fires, whenever a policy file is in force, for each file (or part of a file) the engine could not fully analyse:',
      '',
      '- the file is over `maxFileSizeKb`, or cannot be read (permissions, a link to outside the scanned folder);',
      '- it looks binary (NUL bytes in code, or it is not text at all) and mentions an LLM provider, SDK or endpoint variable;',
      '- it is not valid UTF-8 (it was scanned with the invalid bytes replaced);',
      '- it does not parse (malformed YAML, JSON, TOML, HCL or notebook JSON: then only its URLs and env variables were checked), or part of it is nested deeper than the engine follows;',
      '- its code (or Bicep) has unbalanced brackets, or a string that is never closed (in JavaScript and TypeScript, one that runs to the end of the file): the engine read it as if repaired, so the code around that line may be misread. One finding per file, at the first such line, with a count;',
      '- it holds more than 10,000 LLM endpoints (the first 10,000 are reported);',
      '- a `.gitignore` pattern in it was refused as too complex (then that file ignores nothing);',
      '- the engine itself failed on it (an internal error).',
      '',
      'A compliance gate that passes because it could not read something is worse than none: what was not analysed is reported, never treated as clean. `failOn` decides whether these findings fail the run, like any other. An **internal error** is always an `error`, whatever `severity:` says, so a bug in the engine can never turn a failing project green; only a waiver accepts it.',
      '',
      '**What passes:** make the file analysable: fix the syntax error the message names, save it as UTF-8, raise `maxFileSizeKb`, or, if it holds no LLM code (generated data, a fixture), add it to `ignore:` or waive LLMC008 for its path with a reason. Report internal errors: they are bugs.',
    ].join('\n'),
  },
];

/** The severity the policy gives a rule, or undefined when it turns the rule off. */
export function severityOf(rule: RuleId, policy: Pick<Policy, 'severity'>): Severity | undefined {
  const s = policy.severity[rule] ?? ruleMeta(rule).defaultSeverity;
  return s === 'off' ? undefined : s;
}

export function ruleMeta(id: RuleId): RuleMeta {
  const meta = RULES.find((r) => r.id === id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  return meta;
}
