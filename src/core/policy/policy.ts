// The policy file: parsed with real YAML/JSON parsers, validated against
// schemas/policy.schema.json, and never loosened silently. Every problem carries the
// file, line and reason.

import type { ErrorObject } from 'ajv';
import validatePolicy from './validate-policy.generated';
import policySchema from '../../../schemas/policy.schema.json';
import type { ProviderId } from '../catalog/types';
import { DEFAULT_RESIDENCY_ZONE, type ResidencyZone } from '../catalog/zones';
import type { RuleId, Severity, TextRange } from '../model';
import { normalizeHost } from '../resolve/hosts';
import { PathPatterns, patternProblem } from '../glob';
import { parseJson, parseYaml, type CEntry, type CNode, type ParseProblem } from '../scan/config/tree';
import { closestMatch } from '../suggest';
import { LineIndex, visibleControls } from '../text';

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
  /** What `eu-residency` accepts: the EU-27 (`eu`, the default), the EEA, or the EEA plus countries with an EU adequacy decision. */
  residency: ResidencyZone;
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
/** A policy is a short file: a larger one is refused unread, so that no path (a FIFO, /dev/zero, a huge file) can stall the reader. */
export const MAX_POLICY_FILE_BYTES = 256 * 1024;

/** No requirements: the scan reports the inventory and no findings. */
export function emptyPolicy(): Policy {
  return {
    require: [], baa: [], severity: {}, failOn: 'error', ignore: [], residency: DEFAULT_RESIDENCY_ZONE, maxFileSizeKb: DEFAULT_MAX_FILE_SIZE_KB,
    waivers: [], azureResources: Object.create(null) as Record<string, AzureResourceFacts>,
  };
}

export interface PolicyProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** At most this many problems are reported, then how many more there are. */
export const MAX_REPORTED_POLICY_PROBLEMS = 20;
const MAX_MESSAGE_LENGTH = 200;

export class PolicyError extends Error {
  readonly problems: PolicyProblem[];

  constructor(problems: PolicyProblem[]) {
    // One more problem is shown rather than counted.
    const extra = problems.length - MAX_REPORTED_POLICY_PROBLEMS;
    const kept = (extra > 1 ? [...problems.slice(0, MAX_REPORTED_POLICY_PROBLEMS), { ...problems[MAX_REPORTED_POLICY_PROBLEMS]!, message: `and ${extra} more problems` }] : problems)
      // Messages quote the policy's text: shown in a terminal or the Problems view, its controls are visible escapes.
      .map((p) => ({ ...p, message: visibleControls(p.message.length > MAX_MESSAGE_LENGTH ? `${p.message.slice(0, MAX_MESSAGE_LENGTH)}…` : p.message) }));
    super(kept.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.name = 'PolicyError';
    this.problems = kept;
  }
}

/**
 * A policy file's bytes as text: refused when larger than MAX_POLICY_FILE_BYTES or not
 * valid UTF-8 (with the line and column of the first bad byte), never decoded loosely.
 */
export function decodePolicy(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_POLICY_FILE_BYTES) throw new PolicyError([{ file, line: 1, column: 1, message: tooLarge() }]);
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return new TextDecoder().decode(bytes);
  let lineStart = bad;
  while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a) lineStart--;
  const line = 1 + bytes.subarray(0, lineStart).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
  const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
  throw new PolicyError([{ file, line, column, message: `not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save the policy as UTF-8` }]);
}

function tooLarge(): string {
  return `larger than ${MAX_POLICY_FILE_BYTES / 1024} KiB; a policy is a short file`;
}

/** The index of the first byte that does not start or continue a valid UTF-8 sequence (-1 when all are valid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence, and the range of its second byte (which rules out overlong forms and surrogates).
    const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : [0, 0, 0];
    if (!length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

/** Keys that would reach an object's prototype if the policy were ever read into a plain object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses and validates a policy file's text. Throws PolicyError with every problem found. */
export function parsePolicy(file: string, text: string): Policy {
  // Text is at most as long as its UTF-8 bytes: the size cap holds for text read by others (the editor) too.
  if (text.length > MAX_POLICY_FILE_BYTES) throw new PolicyError([{ file, line: 1, column: 1, message: tooLarge() }]);
  const lines = new LineIndex(text);
  const at = (offset: number, message: string): PolicyProblem => ({ file, ...lines.position(offset), message });
  const isJson = file.toLowerCase().endsWith('.json');
  const tree = isJson ? parseJson(text) : parseYaml(text);
  if (tree.problems.length) throw new PolicyError(tree.problems.map((p) => at(p.offset, `not valid ${isJson ? 'JSON' : 'YAML'}: ${isJson ? jsonProblem(p.message) : yamlProblem(p.message)}`)));
  if (tree.roots.length > 1) throw new PolicyError([at(tree.roots[1]!.s, 'a policy file holds one document')]);
  const root = tree.roots[0];
  // An empty file may be one cut short: it must not pass as "no requirements".
  if (!root) throw new PolicyError([at(0, 'the policy is empty; write `require: []` to require nothing')]);
  if (root.k !== 'map') throw new PolicyError([at(root.s, 'the policy must be a mapping (require:, baa:, ...)')]);
  const wrong = unreadableParts(root, text);
  if (wrong.length) throw new PolicyError(wrong.map((w) => at(w.offset, w.message)));
  const data = toPlain(root);
  const keys = new KeyIndex();
  if (!validatePolicy(data)) {
    throw new PolicyError(collapseAlternatives(validatePolicy.errors ?? []).map((err) => at(keys.offsetOf(root, err), describeError(err, err.propertyName ?? valueAt(data, err.instancePath)))));
  }
  // A path pattern the matcher refuses would silently match nothing: say so where it is written.
  const patternLists = [keys.entry(root, 'ignore')?.value, keys.entry(keys.entry(root, 'gateway')?.value, 'allow')?.value];
  const waiverList = keys.entry(root, 'waivers')?.value;
  if (waiverList?.k === 'seq') for (const w of waiverList.items) patternLists.push(keys.entry(w, 'paths')?.value);
  const refused = patternLists.flatMap((list) => (list?.k === 'seq' ? list.items : []))
    .flatMap((item) => {
      const problem = item.k === 'scalar' ? patternProblem(String(item.v)) : undefined;
      return problem ? [at(item.s, `path pattern refused: ${problem}`)] : [];
    });
  if (refused.length) throw new PolicyError(refused);
  const raw = data as Partial<Omit<Policy, 'waivers' | 'gateway' | 'azureResources'>> & {
    waivers?: RawWaiver[];
    gateway?: { hosts: string[]; allow?: string[] };
    azure?: { resources?: Record<string, AzureResourceFacts> };
  };
  const base = emptyPolicy();
  const waiverNodes = keys.entry(root, 'waivers')?.value;
  const waivers = (raw.waivers ?? []).map((w, i): PolicyWaiver => {
    const node = waiverNodes?.k === 'seq' ? waiverNodes.items[i] : undefined;
    const range = { start: node?.s ?? 0, end: node?.e ?? 0 };
    const rules = (typeof w.rule === 'string' ? [w.rule] : w.rule ?? []) as RuleId[];
    return {
      rules, paths: w.paths ?? [], range, line: lines.position(range.start).line,
      ...(w.provider ? { provider: w.provider } : {}),
      ...(w.reason?.trim() ? { reason: w.reason.trim() } : {}),
      ...(w.expires ? { expires: w.expires } : {}),
      ...(w.owner ? { owner: w.owner } : {}),
    };
  });
  // Resource names come from the workspace's code: looked up in an object without a prototype, "constructor" is just a name.
  const azureResources = Object.create(null) as Record<string, AzureResourceFacts>;
  const resourceNodes = keys.entry(keys.entry(root, 'azure')?.value, 'resources')?.value;
  for (const [name, facts] of Object.entries(raw.azure?.resources ?? {})) {
    const keyS = keys.entry(resourceNodes, name)?.keyS ?? 0;
    // Azure resource names ignore case: two spellings of one name would silently replace each other.
    if (name.toLowerCase() in azureResources) throw new PolicyError([at(keyS, `the Azure resource "${name}" appears twice (names ignore case); merge the two`)]);
    azureResources[name.toLowerCase()] = { ...facts, line: lines.position(keyS).line };
  }
  return {
    require: raw.require ?? base.require,
    baa: raw.baa ?? base.baa,
    severity: { ...raw.severity },
    failOn: raw.failOn ?? base.failOn,
    ignore: raw.ignore ?? base.ignore,
    residency: raw.residency ?? base.residency,
    maxFileSizeKb: raw.maxFileSizeKb ?? base.maxFileSizeKb,
    waivers,
    // A host given as a URL (https://gw.example.com:4000/v1) means its host name.
    ...(raw.gateway ? { gateway: { hosts: raw.gateway.hosts.map((h) => normalizeHost(h)), allow: raw.gateway.allow ?? [] } } : {}),
    azureResources,
    source: file,
    text,
  };
}

interface RawWaiver {
  rule?: string | string[];
  paths?: string[];
  provider?: ProviderId;
  reason?: string;
  expires?: string;
  owner?: string;
}

/**
 * What the schema cannot see once the tree is plain data, each with where it is: a key
 * that is not a plain string, a prototype key, a key given twice (the second would
 * silently replace the first), a YAML tag, a number that is not finite.
 */
function unreadableParts(root: CNode, text: string): ParseProblem[] {
  const found: ParseProblem[] = [];
  // Aliases share nodes: each is checked once.
  const seen = new Set<CNode>();
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.tag) found.push({ offset: node.s, message: `YAML tags (${node.tag}) are not allowed in a policy; write the value plainly` });
    if (node.k === 'scalar') {
      if (typeof node.v === 'number' && !Number.isFinite(node.v)) found.push({ offset: node.s, message: `${text.slice(node.s, Math.min(node.e, node.s + 20))} is not a finite number` });
      continue;
    }
    if (node.k === 'seq') {
      for (const item of node.items) stack.push(item);
      continue;
    }
    const keys = new Set<string>();
    for (const e of node.entries) {
      if (e.notPlainKey) found.push({ offset: e.keyS, message: `the key ${quote(e.key)} is ${e.notPlainKey}; keys in a policy are plain strings` });
      else if (PROTOTYPE_KEYS.has(e.key)) found.push({ offset: e.keyS, message: `${quote(e.key)} cannot be a key in a policy` });
      else if (keys.has(e.key)) found.push({ offset: e.keyS, message: `${quote(e.key)} appears twice; merge the two` });
      keys.add(e.key);
      stack.push(e.value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** A key from the policy in a message: quoted and short (the CLI escapes control characters when it prints). */
function quote(key: string): string {
  return `"${key.length > 60 ? `${key.slice(0, 60)}…` : key}"`;
}

/** The tree as plain data for the schema, in objects without a prototype: no key can reach one. */
function toPlain(node: CNode): unknown {
  if (node.k === 'scalar') return node.v;
  if (node.k === 'seq') return node.items.map(toPlain);
  const out = Object.create(null) as Record<string, unknown>;
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}

/** The entries of the policy's mappings by key, indexed on first use: a policy may hold thousands of keys with problems. */
class KeyIndex {
  private readonly maps = new Map<CNode, Map<string, CEntry>>();

  entry(node: CNode | undefined, key: string): CEntry | undefined {
    if (node?.k !== 'map') return undefined;
    let keys = this.maps.get(node);
    if (!keys) this.maps.set(node, (keys = new Map(node.entries.map((e) => [e.key, e]))));
    return keys.get(key);
  }

  /** The offset of the value an Ajv error points at (of the key, for an unknown key). */
  offsetOf(root: CNode, err: ErrorObject): number {
    let node: CNode | undefined = root;
    let offset = root.s;
    const segments = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const unknownKey = err.keyword === 'additionalProperties';
    if (unknownKey) segments.push(String((err.params as { additionalProperty: string }).additionalProperty));
    for (const [i, seg] of segments.entries()) {
      const entry = this.entry(node, seg);
      const next: CNode | undefined = entry?.value ?? (node?.k === 'seq' ? node.items[Number(seg)] : undefined);
      if (!next) break;
      offset = entry && unknownKey && i === segments.length - 1 ? entry.keyS : next.s;
      node = next;
    }
    return offset;
  }
}

/**
 * A value that may take several forms (`rule: LLMC002` or a list) fails each form
 * separately; one message per value is enough: the enum's, which lists what is allowed.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  // A key that is not allowed fails its enum (which names the key) and propertyNames (which does not): the first is enough.
  errors = errors.filter((e) => e.keyword !== 'propertyNames');
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const best = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (!alternatives.has(e.instancePath)) continue;
    const kept = best.get(e.instancePath);
    if (!kept || (kept.keyword !== 'enum' && e.keyword === 'enum')) best.set(e.instancePath, e);
  }
  return errors.filter((e) => !alternatives.has(e.instancePath) || best.get(e.instancePath) === e);
}

function describeError(err: ErrorObject, value: unknown): string {
  const where = err.instancePath ? err.instancePath.slice(1).replace(/\//g, '.') : 'policy';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      // The key an earlier build read: say what replaced it rather than only that it is unknown.
      if (key === 'euResidency' && !err.instancePath) return 'euResidency was replaced by residency: eu | eea | eu-adequacy (the default eu is what strict: true meant)';
      const meant = closestMatch(key, schemaKeysAt(err.instancePath));
      return `unknown key ${quote(key)} in ${where}${meant ? `; did you mean ${meant}?` : ''}`;
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const meant = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      if (!meant) return `${where} must be one of: ${allowed.join(', ')}`;
      // The whole list only while it fits the message's length cap.
      const guess = `${where} ${quote(String(value))} is not known; did you mean ${meant}?`;
      const withList = `${guess} (one of: ${allowed.join(', ')})`;
      return withList.length <= MAX_MESSAGE_LENGTH ? withList : guess;
    }
    case 'type': {
      const { type } = err.params as { type: string };
      return `${where} must be ${type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : type === 'integer' ? 'an integer' : `a ${type}`}`;
    }
    case 'required':
      return `${where} needs ${(err.params as { missingProperty: string }).missingProperty}:`;
    case 'minItems':
      return `${where} must not be empty${/^waivers\.\d+\.paths$/.test(where) ? ' (leave paths out to waive every path)' : ''}`;
    case 'uniqueItems':
      return `${where} lists the same value twice`;
    default:
      return `${where} ${err.message ?? 'is not valid'}`;
  }
}

/** The value at a JSON pointer in the policy's plain data (undefined when there is none). */
function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const seg of pointer.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(seg)] : (node as Record<string, unknown>)[seg];
  }
  return node;
}

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
}

/** The keys the schema allows in the mapping at a JSON pointer: what a misspelt key is compared with. */
function schemaKeysAt(pointer: string): string[] {
  const definitions = (policySchema as { definitions?: Record<string, SchemaNode> }).definitions ?? {};
  const resolve = (n: SchemaNode | undefined): SchemaNode | undefined => (n?.$ref ? definitions[n.$ref.split('/').pop()!] : n);
  let node = resolve(policySchema as SchemaNode);
  for (const seg of pointer.split('/').slice(1)) {
    const extra = node?.additionalProperties;
    node = resolve(node?.properties?.[seg] ?? (/^\d+$/.test(seg) && node?.items ? node.items : typeof extra === 'object' ? extra : undefined));
  }
  return Object.keys(node?.properties ?? {}).filter((k) => k !== '$schema');
}

/** jsonc-parser's error codes (CloseBracketExpected) in words. */
const JSON_PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'not a valid number', PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected', ColonExpected: 'a ":" is expected', CommaExpected: 'a "," is expected',
  CloseBraceExpected: 'a "}" is missing', CloseBracketExpected: 'a "]" is missing', EndOfFileExpected: 'text after the end of the document',
  InvalidCommentToken: 'a comment is not closed', UnexpectedEndOfComment: 'a comment is not closed', UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short', InvalidUnicode: 'a \\u escape is not valid', InvalidEscapeCharacter: 'a \\ escape is not valid',
  InvalidCharacter: 'a control character inside a string',
};

function jsonProblem(code: string): string {
  return JSON_PROBLEMS[code] ?? (/^[A-Z][A-Za-z]+$/.test(code) ? code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase() : code);
}

/** The YAML library's usual complaints in words (the position is given apart); others as it words them, without its own position. */
const YAML_PROBLEMS: [RegExp, string][] = [
  [/^Flow sequence in block collection must be sufficiently indented and end with a \]/, 'a list opened with "[" is not closed with "]"'],
  [/^Flow map in block collection must be sufficiently indented and end with a \}/, 'a mapping opened with "{" is not closed with "}"'],
  [/^Tabs are not allowed as indentation/, 'a tab indents this line; indent YAML with spaces'],
  [/^All mapping items must start at the same column/, 'this key is indented differently from the keys above it'],
  [/^Missing closing "?quote/, 'a quoted value is not closed'],
  [/^Implicit map keys need to be followed by map values/, 'a key without ":" (write key: value)'],
  [/^Nested mappings are not allowed in compact mappings/, 'two ":" in one value (quote a value that holds ": ")'],
];

function yamlProblem(message: string): string {
  const known = YAML_PROBLEMS.find(([pattern]) => pattern.test(message))?.[1];
  if (known) return known;
  // "Unexpected flow-map-end token in YAML stream: "}"": the library's token names say little; the text says more.
  const unexpected = /^Unexpected .*?(?:token in YAML stream(?:: (".*"))?|at node end)/.exec(message);
  if (unexpected) return unexpected[1] ? `unexpected ${unexpected[1]} here` : 'unexpected text here';
  return message.replace(/ at line \d+, column \d+:?$/, '');
}
