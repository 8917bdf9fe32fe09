// Config values that name environment variables in `${...}` placeholders (Spring's
// `${NAME:default}`, Prompty's `${env:NAME:default}`): the value filled in from the file
// or the workspace env, and the endpoint a filled-in base URL gives.

import type { Provider } from '../catalog/types';
import type { Endpoint, EnvSource } from '../model';
import { located, type CNode, type Located } from '../scan/config/tree';
import type { ConfigResolver } from './config';
import { HOLE, parseUrl } from './hosts';
import { formatWhere, unsetWhy, type EnvLookup } from './values';

type Scalar = Extract<CNode, { k: 'scalar' }>;

/** A value with its placeholders filled in. */
export interface FilledValue {
  /** What the value is, with HOLE where it is not known. */
  located: Located;
  /** Why a part is unknown. */
  why?: string;
  /** Workspace lines that set the values read. */
  env: EnvSource[];
  /** Said when a default in the file only holds while a variable is unset where it runs. */
  condition?: string;
  /** How the value was found, for `via`. */
  describe: string;
}

export interface PlaceholderSyntax {
  /** Matches one placeholder: group 1 the variable's name, group 2 its default (absent when none). */
  pattern: RegExp;
  /** Another setting of the same file that a name refers to (Spring's `${spring.ai.x}`). */
  inFile?: (name: string) => { node: Scalar; name: string } | undefined;
}

/**
 * A scalar's value with its placeholders filled in from the file or the environment.
 * `raw` stands for the node's text when the value is implied rather than written (an SDK
 * that reads a variable when the key is absent); such a value is never edited.
 */
export function fillPlaceholders(node: Scalar, env: EnvLookup, syntax: PlaceholderSyntax, raw = String(node.v ?? '').trim()): FilledValue {
  const written = raw === String(node.v ?? '').trim();
  const base = located(node);
  if (!raw.includes('${')) return { located: { ...base, text: raw }, env: [], describe: `"${raw}"` };
  let text = '';
  let why: string | undefined;
  let condition: string | undefined;
  const sources: EnvSource[] = [];
  const described: string[] = [];
  let defaultSpan: { s: number; e: number } | undefined;
  let fromSetting: Located | undefined;
  let last = 0;
  for (const m of raw.matchAll(syntax.pattern)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1]!.trim();
    const fallback = m[2];
    const inFile = syntax.inFile?.(name);
    const fileValue = inFile && !String(inFile.node.v ?? '').includes('${') ? String(inFile.node.v ?? '').trim() : undefined;
    const v = fileValue === undefined ? env(name) : undefined;
    if (fileValue !== undefined) {
      text += fileValue;
      fromSetting = located(inFile!.node);
      described.push(`from ${inFile!.name}="${fileValue}"`);
    } else if (v?.state === 'set' && v.value.includes(HOLE)) {
      // Set to something filled in where it runs (`${{ vars.X }}` in a workflow).
      text += HOLE;
      sources.push({ name, value: v.value, ...v.where });
      why ??= `is read from ${name}, which ${formatWhere(v.where)} sets to a value filled in where it runs`;
      described.push(`from ${name} (${formatWhere(v.where)})`);
    } else if (v?.state === 'set') {
      text += v.value;
      sources.push({ name, value: v.value, ...v.where });
      described.push(`${name}="${v.value}" (${formatWhere(v.where)})`);
    } else if (v?.state === 'conflict') {
      text += HOLE;
      why ??= `is read from ${name}, which has different values in the workspace (${v.values.map((x) => `${x.value} in ${formatWhere(x.where)}`).join(', ')})`;
      described.push(`from ${name}`);
    } else if (fallback !== undefined && fallback.trim() !== '') {
      text += fallback.trim();
      // The default's own text, so a fix can edit it where the file spells it plainly.
      const at = written && node.verbatim ? base.cs + String(node.v).indexOf(m[0]) + m[0].indexOf(':' + fallback) + 1 : undefined;
      if (at !== undefined) defaultSpan = { s: at + (fallback.length - fallback.trimStart().length), e: at + fallback.trimEnd().length };
      if (v?.state === 'unseen') condition = `Unless ${name} is set where it runs.`;
      described.push(v?.state === 'unseen' ? `from ${name}, or "${fallback.trim()}" when it is unset` : `from ${name}, which no env file in the workspace sets, so its default "${fallback.trim()}"`);
    } else {
      text += HOLE;
      why ??= v?.state === 'unset' ? `is read from the environment variable ${name}, which ${unsetWhy(v)}` : `is read from ${name}, whose value is not known here`;
      described.push(`from ${name}`);
    }
  }
  text += raw.slice(last);
  // A value that is exactly one default, or one other setting, is decided (and fixed) there; anything else is not edited.
  const one = raw.startsWith('${') && last === raw.length && described.length === 1;
  const whole = one && fromSetting ? { ...fromSetting, text: fromSetting.text.trim() }
    : one && defaultSpan ? { text, s: defaultSpan.s, e: defaultSpan.e, cs: defaultSpan.s, ce: defaultSpan.e, verbatim: true }
      : { ...base, text, verbatim: false };
  return { located: whole, env: sources, describe: described.join(' + '), ...(why ? { why } : {}), ...(condition ? { condition } : {}) };
}

/**
 * The endpoint of a base URL a config file gives a client of `provider` (null: the host
 * decides). A URL the catalog does not know, or one not known at all, keeps the client's
 * provider (if any) with its verdicts unknown.
 */
export function configuredUrl(r: ConfigResolver, provider: Provider | null, value: FilledValue, via: string): void {
  const before = r.endpoints.length;
  const known = !value.located.text.includes(HOLE);
  if (known) r.url(value.located, true, via);
  if (r.endpoints.length === before) {
    const host = known ? parseUrl(value.located.text)?.host ?? null : null;
    r.push(value.located, { provider: known ? null : provider, host, region: null, verdictsUnknown: true }, via, undefined,
      value.why ? `the base URL ${value.why}` : `${value.located.text} is not a URL of a host the catalog knows; declare where it processes data in the policy`);
  }
  carryValue(r.endpoints.slice(before), value);
}

/** Endpoints found from a filled-in value cite the env lines it read and the condition its default holds under. */
export function carryValue(endpoints: Endpoint[], value: FilledValue): void {
  for (const e of endpoints) {
    if (value.env.length) e.env = [...(e.env ?? []), ...value.env];
    if (value.condition) e.conditions = [...e.conditions, value.condition];
  }
}
