// Spring `@Value("${some.key}")` fields and parameters: a property of the application's own
// (not a starter's) that the code hands to a client builder (`.location(location)`). The code
// publishes which property decides which client's region or URL; the module's application
// properties then report the line that sets it, as a .env line that sets a variable code reads.

import type { ProviderId } from '../catalog/types';
import type { CNode } from '../scan/config/tree';
import type { Token } from '../scan/tokens';
import type { ConfigResolver } from './config';
import { HOLE } from './hosts';
import { carryValue, configuredUrl, fillPlaceholders } from './placeholders';
import { flatten, relaxedKey, springModule } from './spring';
import { formatWhere, type EnvLookup } from './values';

/** A field or parameter Spring fills from a property: `@Value("${key:default}") String name`. */
export interface SpringValueField {
  key: string;
  /** Where the annotation is (the line a use cites). */
  at: number;
}

/** The env-lookup name under which code tells that a module's property decides a client's region or URL (`region:google-vertex-ai`). */
export function springValueUseName(module: string, key: string): string {
  return relaxedUseName(module, relaxedKey(key));
}

function relaxedUseName(module: string, relaxed: string): string {
  return `spring-value-use:${module}:${relaxed}`;
}

/** What a use publishes: the role the property plays and the provider of the client it configures. */
export function springValueUse(role: 'region' | 'url', provider: string): string {
  return `${role}:${provider}`;
}

export function parseSpringValueUse(value: string): { role: 'region' | 'url'; provider: string } | undefined {
  const m = /^(region|url):(.+)$/.exec(value);
  return m ? { role: m[1] as 'region' | 'url', provider: m[2]! } : undefined;
}

/** `${key}` or `${key:default}`: the property, with the default the annotation gives when it is unset. */
const PLACEHOLDER = /^\$\{([^}:]+)(?::[^}]*)?\}$/;
/** Tokens between the annotation and the name it fills: modifiers, a type, other annotations. */
const MAX_DECLARATION_TOKENS = 16;

/** The Java fields and parameters of a file that `@Value` fills from one property, by their name. */
export function springValueFields(tokens: Token[]): Map<string, SpringValueField> {
  const out = new Map<string, SpringValueField>();
  for (let i = 0; i + 4 < tokens.length; i++) {
    if (tokens[i]!.v !== '@' || tokens[i + 1]!.v !== 'Value' || tokens[i + 2]!.v !== '(' || tokens[i + 3]!.t !== 'str' || tokens[i + 4]!.v !== ')') continue;
    const m = PLACEHOLDER.exec(tokens[i + 3]!.v.trim());
    if (!m) continue;
    // The declared name: the last identifier before `;`, `=`, `,` or `)` (the type comes first).
    for (let j = i + 5; j < Math.min(tokens.length - 1, i + 5 + MAX_DECLARATION_TOKENS); j++) {
      const t = tokens[j]!;
      if (t.v === '{' || t.v === '}' || t.v === '(') break;
      if (t.t === 'id' && [';', '=', ',', ')'].includes(tokens[j + 1]!.v)) {
        out.set(t.v, { key: m[1]!.trim(), at: tokens[i]!.s });
        break;
      }
    }
  }
  return out;
}

/** The definition a code file publishes for a `@Value` property that decides a client's region or URL. */
export function springValueDefinition(file: string, field: SpringValueField, role: 'region' | 'url', provider: string): { name: string; value: string; offset: number } {
  return { name: springValueUseName(springModule(file), field.key), value: springValueUse(role, provider), offset: field.at };
}

/**
 * The properties of one application.properties / YAML document that the module's code gives a
 * client as its region or URL through `@Value`: each is reported on its line, with its
 * `${ENV:default}` placeholders filled in from the environment (unknown when nothing sets them).
 */
export function springValueProperties(r: ConfigResolver, root: CNode, env: EnvLookup, all = flatten(root)): void {
  const module = springModule(r.file);
  for (const p of all) {
    if (r.consumed.has(p.node.s) || String(p.node.v ?? '').trim() === '') continue;
    const v = env(relaxedUseName(module, p.key));
    if (v.state !== 'set') continue;
    const use = parseSpringValueUse(v.value);
    const provider = use ? r.index.providers.get(use.provider as ProviderId) : undefined;
    if (!use || !provider) continue;
    const value = fillPlaceholders(p.node, env, {
      pattern: /\$\{([^}:]+)(?::([^}]*))?\}/g,
      inFile: (name) => all.find((q) => q.path.join('.') === relaxedKey(name) && q !== p),
    });
    const via = `${p.name} ${value.describe}, the ${use.role === 'region' ? 'location' : 'URL'} the code's @Value field gives ${provider.name} (${formatWhere(v.where)})`;
    const before = r.endpoints.length;
    if (use.role === 'url') configuredUrl(r, provider, value, via);
    else if (value.located.text.includes(HOLE)) r.push(value.located, { provider, host: null, region: null }, via, undefined, `the region ${value.why ?? 'is not known'}`);
    else r.region(provider, value.located, via);
    r.consumed.add(p.node.s);
    carryValue(r.endpoints.slice(before), value);
  }
}
