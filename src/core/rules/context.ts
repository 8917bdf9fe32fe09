// What every rule module shares: the shape of its metadata, and what a check receives (the
// endpoints, the policy, the catalog, and one way to make a finding). Each rule lives in its
// own module `llmcNNN-*.ts` exporting `meta` and its check; rules.ts lists them.
//
// Rules run in three places, in this order, and a later rule may read what an earlier one found:
// - per endpoint (evaluate.ts): LLMC006, LLMC001, LLMC002, LLMC004 judge it, then LLMC003
//   reports the requirements they could not judge;
// - across endpoints (evaluate.ts): LLMC005 follows fallback chains, from the findings above;
// - on the scan's notes (LLMC008, engine.ts) and on the waivers (LLMC007, policy/waivers.ts).

import type { Provider, Source } from '../catalog/types';
import type { Endpoint, Finding, Fix, RelatedLocation, RuleId, Severity } from '../model';
import type { Policy, Requirement } from '../policy/policy';
import type { CatalogIndex } from '../resolve/catalog-index';
import { HOLE } from '../scan/tokens';

/** A rule's metadata: the one source for SARIF rule descriptors, docs/rules/*.md and help text. */
/** SARIF's `precision` values, as GitHub code scanning reads them. */
export type RulePrecision = 'very-high' | 'high' | 'medium' | 'low';

export interface RuleMeta<Id extends RuleId = RuleId> {
  /** A contract: rule ids keep their numbers. */
  id: Id;
  /** Short PascalCase name (SARIF `name`). */
  name: string;
  title: string;
  requirements: string[];
  defaultSeverity: Severity;
  /**
   * How grave a finding is, as GitHub code scanning scores security results: a number from 0.0
   * to 10.0 written as a string (9.0 and above critical, 7.0–8.9 high, 4.0–6.9 medium, below 4
   * low). `ratingReason` says why.
   */
  securitySeverity: string;
  /** How often the rule's findings are right (SARIF `precision`), from the measured accuracy. */
  precision: RulePrecision;
  /** Why the rule has its security severity and precision (shown on its page). */
  ratingReason: string;
  /** One sentence. */
  summary: string;
  /** Markdown: what it checks, why, how to fix, how to waive. */
  description: string;
}

/** The severity the policy gives a rule, or undefined when it turns the rule off. */
export function ruleSeverity(meta: RuleMeta, policy: Pick<Policy, 'severity'>): Severity | undefined {
  const s = policy.severity[meta.id] ?? meta.defaultSeverity;
  return s === 'off' ? undefined : s;
}

/** A requirement a per-endpoint rule could not judge, for LLMC003 to report. */
export interface OpenRequirement {
  requirement: string;
  /** Why, when the rule knows better than the endpoint's own `unknown`. */
  why?: string;
}

/** What a per-endpoint rule found: its findings, in order, and what it left open. */
export interface Verdict {
  readonly findings: readonly Finding[];
  readonly open: readonly OpenRequirement[];
}

export const PASS: Verdict = Object.freeze({ findings: [], open: [] });

/** What a rule puts in an endpoint's finding; the context adds the rest. */
export interface FindingInput {
  rule: RuleMeta;
  requirement: string;
  /**
   * What is wrong, read at a glance (the Problems view, a CLI line): the place (its host, or the
   * provider's short name), the problem, and the short remedy, in at most MAX_MESSAGE characters.
   * The long form (provider detail, tiers, conditions, countries) goes in `remedy` and `details`.
   */
  message: string;
  /** What would pass, in full (the hover, the JSON output, SARIF). */
  remedy: string;
  sources: Source[];
  fixes?: Fix[];
  details?: (string | undefined)[];
  /** An error whatever severity the policy gives the rule (unless it turns it off). */
  asError?: boolean;
}

export interface EvaluateOptions {
  /** A file's path relative to the policy file's folder, for the policy's path patterns. */
  pathForPolicy?: (file: string) => string;
  /** The 1-based line of an offset, to link a config line to the code that reads it. */
  lineOf?: (file: string, offset: number) => number;
}

/** What a check receives. Read-only: rules share nothing else. */
export interface RuleContext {
  policy: Policy;
  index: CatalogIndex;
  required: ReadonlySet<Requirement>;
  options: EvaluateOptions;
  /** The endpoint's catalog provider, if any. */
  providerOf(endpoint: Endpoint): Provider | undefined;
  /** The endpoint's provider when it is known to process the data (not only assumed). */
  processorOf(endpoint: Endpoint): Provider | undefined;
  /** "api.openai.com", or "Amazon Bedrock in us-east-1" without a host: the endpoint as messages name it. */
  describe(endpoint: Endpoint): string;
  /** A finding at the endpoint, or undefined when the policy turns the rule off. */
  finding(endpoint: Endpoint, input: FindingInput): Finding | undefined;
}

/** Related locations listed for one config line read in many places. */
const MAX_READERS = 20;

export function createRuleContext(endpoints: readonly Endpoint[], policy: Policy, index: CatalogIndex, options: EvaluateOptions = {}): RuleContext {
  const providerOf = (e: Endpoint): Provider | undefined => (e.provider ? index.providers.get(e.provider) : undefined);
  const readers = readersOf(endpoints);
  return {
    policy, index, options, required: new Set(policy.require), providerOf,
    processorOf: (e) => (e.assumedProvider === true ? undefined : providerOf(e)),
    describe: (e) => subjectOf(e, providerOf(e)),
    finding: (endpoint, input) => {
      const configured = ruleSeverity(input.rule, policy);
      if (!configured) return undefined;
      const related = relatedOf(endpoint, readers, options);
      return {
        ruleId: input.rule.id, severity: input.asError ? 'error' : configured, file: endpoint.file, range: endpoint.range, provider: endpoint.provider,
        message: input.message, requirement: input.requirement, remedy: input.remedy,
        details: (input.details ?? []).filter((d): d is string => !!d), sources: input.sources, fixes: input.fixes ?? [], endpoint,
        ...(related.length ? { related } : {}),
      };
    },
  };
}

type Readers = Map<string, { reader: Endpoint; name: string }[]>;

/** Config lines that code reads (`OPENAI_BASE_URL=` in .env read by OpenAI() in app.py), to link both ways. */
function readersOf(endpoints: readonly Endpoint[]): Readers {
  const readers: Readers = new Map();
  for (const e of endpoints) {
    for (const x of e.env ?? []) {
      const key = `${x.file}:${x.line}`;
      const list = readers.get(key);
      if (list) list.push({ reader: e, name: x.name });
      else readers.set(key, [{ reader: e, name: x.name }]);
    }
  }
  return readers;
}

/** The config lines that set the endpoint's values, and, for a config line, the code that reads it. */
function relatedOf(endpoint: Endpoint, readers: Readers, options: EvaluateOptions): RelatedLocation[] {
  const related: RelatedLocation[] = (endpoint.env ?? []).map((x) => ({
    file: x.file, line: x.line,
    message: (x.value.includes(HOLE) ? `${x.name} is set here, to a value that cannot be read statically` : `${x.name}=${x.value} is set here`)
      + (x.through ? `, from ${x.through}` : '') + (x.unscoped ? ' (unscoped: tied to no code folder, it applies workspace-wide)' : ''),
  }));
  const line = options.lineOf && readers.size ? options.lineOf(endpoint.file, endpoint.range.start) : undefined;
  const reading = line ? readers.get(`${endpoint.file}:${line}`) ?? [] : [];
  for (const { reader, name } of reading.slice(0, MAX_READERS)) related.push({ file: reader.file, range: reader.range, message: `${name} is read here` });
  if (reading.length > MAX_READERS) related.push({ file: endpoint.file, range: endpoint.range, message: `and read in ${reading.length - MAX_READERS} more places` });
  return related;
}

/** The longest a finding's message should be: it must read at a glance, in one Problems row or CLI line. */
export const MAX_MESSAGE = 200;

/** "api.openai.com (OpenAI API, global)": the endpoint in full, with the provider's catalog name. */
export function describeEndpoint(endpoint: Endpoint, provider: Provider | undefined): string {
  const parts: string[] = [];
  if (endpoint.host) parts.push(endpoint.host);
  else if (endpoint.region) parts.push(`region ${endpoint.region}`);
  const who = provider?.name ?? (endpoint.vendor ? `${endpoint.vendor}, not a catalog provider` : 'an uncatalogued LLM endpoint');
  return parts.length ? `${parts.join(' ')} (${who}${endpoint.region && endpoint.host ? `, ${endpoint.region}` : ''})` : who;
}

/**
 * The endpoint as a message names it: its host; without one, the provider's short name (and the
 * region); never the catalog's long product name. Text from the scanned file is clipped.
 */
export function subjectOf(endpoint: Endpoint, provider: Provider | undefined): string {
  if (endpoint.host) return clip(endpoint.host, 60);
  const where = endpoint.region ? ` in ${clip(endpoint.region, 30)}` : '';
  if (provider) return `${shortName(provider.name)}${where}`;
  if (endpoint.vendor) return `${clip(endpoint.vendor, 30)} (not in the catalog)${where}`;
  return `An uncatalogued LLM endpoint${where}`;
}

/** "Azure OpenAI" for "Azure OpenAI / Microsoft Foundry (models sold by Azure)": a catalog name without its asides. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^()]*\)/g, '').split(' / ')[0]!.trim() || name;
}

/** At most `max` characters of `text` on one line, cut at a word where one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(\u2014-]+$/, '')}…`;
}

/** How messages name a requirement. */
const REQUIREMENT_WORDS: Record<string, string> = {
  hipaa: 'HIPAA', 'eu-residency': 'EU residency', 'soc2-type2': 'SOC 2', iso27001: 'ISO 27001', iso42001: 'ISO 42001', 'eu-ai-act-gpai': 'the GPAI code', gateway: 'the gateway',
};

/** "HIPAA and EU residency"; "5 requirements" when the list would not read at a glance. */
export function requirementWords(requirements: readonly string[]): string {
  if (requirements.length > 3) return `${requirements.length} requirements`;
  const words = requirements.map((r) => REQUIREMENT_WORDS[r] ?? r);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

/** The findings of a verdict that the policy leaves on. */
export function verdictOf(findings: (Finding | undefined)[], open: OpenRequirement[] = []): Verdict {
  return { findings: findings.filter((f): f is Finding => f !== undefined), open };
}

/** A per-endpoint rule's check, made once per evaluation by the rule's `create(ctx)`. */
export type EndpointCheck = (endpoint: Endpoint) => Verdict;
