// The policy file: parsed with real YAML/JSON parsers, validated against
// schemas/policy.schema.json, and never loosened silently. Every problem carries the
// file, line and reason.

import Ajv, { type ErrorObject } from 'ajv';
import policySchema from '../../../schemas/policy.schema.json';
import type { ProviderId } from '../catalog/types';
import type { RuleId, Severity, TextRange } from '../model';
import { normalizeHost } from '../resolve/hosts';
import { PathPatterns } from '../glob';
import { parseJson, parseYaml, type CNode } from '../scan/config/tree';
import { lineAndColumn } from '../text';

export const REQUIREMENTS = ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/** A waiver written in the policy file: an accepted risk, with who accepted it, why, and until when. */
export interface PolicyWaiver {
  rules: RuleId[];
  /** .gitignore-style patterns relative to the policy file's folder; none means every path. */
  paths: string[];
  provider?: ProviderId;
  reason?: string;
  /** YYYY-MM-DD; the waiver stops waiving after this day. */
  expires?: string;
  owner?: string;
  /** Where the entry sits in the policy file (offsets into its text, and its line). */
  range: TextRange;
  line: number;
}

/** What the policy says about an Azure resource that no IaC in the workspace describes. */
export interface AzureResourceFacts {
  region: string;
  deployment?: string;
  /** The entry's line in the policy file. */
  line?: number;
}

export interface Policy {
  require: Requirement[];
  baa: ProviderId[];
  severity: Partial<Record<RuleId, Severity | 'off'>>;
  failOn: Severity;
  ignore: string[];
  euResidency: { strict: boolean };
  maxFileSizeKb: number;
  waivers: PolicyWaiver[];
  /** The team's LLM gateway: LLM calls must go through these hosts (LLMC006), except from the `allow` paths (the gateway's own config). */
  gateway?: { hosts: string[]; allow: string[] };
  /** Region and deployment type of Azure resources named in code, when the workspace holds no IaC for them. */
  azureResources: Record<string, AzureResourceFacts>;
  /** Where the policy came from, for messages; undefined for the built-in empty policy. */
  source?: string;
  /** The policy file's text, for the positions of findings about the policy itself. */
  text?: string;
}

/**
 * A matcher for the policy's path patterns (waivers, gateway.allow): .gitignore syntax,
 * anchored at the policy's folder, so `legacy/` means that folder and not every folder
 * named legacy (write `**\/legacy/` for that). Paths outside the folder never match.
 */
export function pathMatcher(patterns: string[]): (relativePath: string) => boolean {
  const rules = new PathPatterns(patterns.map((p) => (p.startsWith('/') || p.startsWith('**') || p.startsWith('!') ? p : `/${p}`)));
  return (rel) => rel !== '' && rel !== '..' && !rel.startsWith('../') && rules.ignores(rel);
}

export const POLICY_FILE_NAMES = ['.llm-compliance.yaml', '.llm-compliance.yml', '.llm-compliance.json'];
export const DEFAULT_MAX_FILE_SIZE_KB = 1024;
/** A policy file is a few lines: anything larger is refused, never read to the end. */
export const MAX_POLICY_FILE_BYTES = 256 * 1024;

/** No requirements: the scan reports the inventory and no findings. */
export function emptyPolicy(): Policy {
  return {
    require: [], baa: [], severity: {}, failOn: 'error', ignore: [], euResidency: { strict: false }, maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB,
    waivers: [], azureResources: {},
  };
}

export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export class PolicyError extends Error {
  constructor(readonly problems: PolicyProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'PolicyError';
  }
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Parses and validates a policy file's text. Throws PolicyError with every problem found. */
export function parsePolicy(file: string, text: string): Policy {
  const isJson = file.toLowerCase().endsWith('.json');
  const tree = isJson ? parseJson(text) : parseYaml(text);
  const problems: PolicyProblem[] = tree.problems.map((p) => ({ file, ...lineAndColumn(text, p.offset), message: `not valid ${isJson ? 'JSON' : 'YAML'}: ${p.message}` }));
  if (problems.length) throw new PolicyError(problems);
  if (tree.roots.length > 1) throw new PolicyError([{ file, ...lineAndColumn(text, tree.roots[1]!.s), message: 'a policy file holds one document' }]);
  const root = tree.roots[0];
  const duplicate = root ? firstDuplicateKey(root) : undefined;
  // A repeated key would silently replace the first (require: twice loosens the policy).
  if (duplicate) throw new PolicyError([{ file, ...lineAndColumn(text, duplicate.keyS), message: `"${duplicate.key}" appears twice; merge the two` }]);
  const data = root ? toPlain(root) : {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PolicyError([{ file, line: 1, column: 1, message: 'the policy must be a mapping (require:, baa:, ...)' }]);
  }
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(policySchema);
  if (!validator(data)) {
    throw new PolicyError(collapseAlternatives(validator.errors ?? []).map((err) => ({ file, ...positionOf(text, root, err), message: describeError(err) })));
  }
  const raw = data as Partial<Omit<Policy, 'waivers' | 'gateway' | 'azureResources'>> & {
    waivers?: RawWaiver[];
    gateway?: { hosts: string[]; allow?: string[] };
    azure?: { resources?: Record<string, AzureResourceFacts> };
  };
  const base = emptyPolicy();
  const waiverNodes = root?.k === 'map' ? root.entries.find((e) => e.key === 'waivers')?.value : undefined;
  const waivers = (raw.waivers ?? []).map((w, i): PolicyWaiver => {
    const node = waiverNodes?.k === 'seq' ? waiverNodes.items[i] : undefined;
    const range = { start: node?.s ?? 0, end: node?.e ?? 0 };
    const rules = (typeof w.rule === 'string' ? [w.rule] : w.rule ?? []) as RuleId[];
    return {
      rules, paths: w.paths ?? [], range, line: lineAndColumn(text, range.start).line,
      ...(w.provider ? { provider: w.provider } : {}),
      ...(w.reason?.trim() ? { reason: w.reason.trim() } : {}),
      ...(w.expires ? { expires: w.expires } : {}),
      ...(w.owner ? { owner: w.owner } : {}),
    };
  });
  return {
    require: raw.require ?? base.require,
    baa: raw.baa ?? base.baa,
    severity: raw.severity ?? base.severity,
    failOn: raw.failOn ?? base.failOn,
    ignore: raw.ignore ?? base.ignore,
    euResidency: { strict: raw.euResidency?.strict ?? false },
    maxFileSizeKb: raw.maxFileSizeKb ?? base.maxFileSizeKb,
    waivers,
    // A host given as a URL (https://gw.example.com:4000/v1) means its host name.
    ...(raw.gateway ? { gateway: { hosts: raw.gateway.hosts.map((h) => normalizeHost(h)), allow: raw.gateway.allow ?? [] } } : {}),
    azureResources: Object.fromEntries(Object.entries(raw.azure?.resources ?? {}).map(([name, facts]) => [name.toLowerCase(), { ...facts, line: lineOfKey(text, root, ['azure', 'resources', name]) }])),
    source: file,
    text,
  };
}

/** The line of a key in the policy's tree (1 when it cannot be found). */
function lineOfKey(text: string, root: CNode | undefined, path: string[]): number {
  let node = root;
  let offset = 0;
  for (const key of path) {
    const entry = node?.k === 'map' ? node.entries.find((e) => e.key === key) : undefined;
    if (!entry) return 1;
    offset = entry.keyS;
    node = entry.value;
  }
  return lineAndColumn(text, offset).line;
}

interface RawWaiver {
  rule?: string | string[];
  paths?: string[];
  provider?: ProviderId;
  reason?: string;
  expires?: string;
  owner?: string;
}

function firstDuplicateKey(node: CNode): { key: string; keyS: number } | undefined {
  if (node.k === 'seq') {
    for (const item of node.items) {
      const d = firstDuplicateKey(item);
      if (d) return d;
    }
  }
  if (node.k !== 'map') return undefined;
  const seen = new Set<string>();
  for (const e of node.entries) {
    if (seen.has(e.key)) return { key: e.key, keyS: e.keyS };
    seen.add(e.key);
    const d = firstDuplicateKey(e.value);
    if (d) return d;
  }
  return undefined;
}

function toPlain(node: CNode): unknown {
  if (node.k === 'scalar') return node.v;
  if (node.k === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}

/** The line and column of the value an Ajv error points at. */
function positionOf(text: string, root: CNode | undefined, err: ErrorObject): { line: number; column: number } {
  let node = root;
  let offset = root?.s ?? 0;
  const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (err.keyword === 'additionalProperties') segments.push(String((err.params as { additionalProperty: string }).additionalProperty));
  for (const seg of segments) {
    if (!node) break;
    if (node.k === 'map') {
      const entry = node.entries.find((e) => e.key === seg);
      if (!entry) break;
      offset = err.keyword === 'additionalProperties' && seg === segments[segments.length - 1] ? entry.keyS : entry.value.s;
      node = entry.value;
    } else if (node.k === 'seq') {
      const item = node.items[Number(seg)];
      if (!item) break;
      offset = item.s;
      node = item;
    } else break;
  }
  return lineAndColumn(text, offset);
}

/**
 * A value that may take several forms (`rule: LLMC002` or a list) fails each form
 * separately; one message per value is enough: the enum's, which lists what is allowed.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept = new Set<string>();
  return errors.filter((e) => {
    if (!alternatives.has(e.instancePath)) return true;
    if (kept.has(e.instancePath)) return false;
    const best = errors.find((x) => x.instancePath === e.instancePath && x.keyword === 'enum') ?? e;
    if (best !== e) return false;
    kept.add(e.instancePath);
    return true;
  });
}

function describeError(err: ErrorObject): string {
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : 'policy';
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown key "${(err.params as { additionalProperty: string }).additionalProperty}" in ${where}`;
    case 'enum':
      return `${where} must be one of: ${((err.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    case 'type':
      return `${where} must be ${(err.params as { type: string }).type === 'array' ? 'a list' : `a ${(err.params as { type: string }).type}`}`;
    case 'uniqueItems':
      return `${where} lists the same value twice`;
    default:
      return `${where} ${err.message ?? 'is not valid'}`;
  }
}
