// Spring AI model beans injected into Java code: a constructor or `@Bean` method that takes
// an `OpenAiChatModel` (or a generic `ChatModel` / `ChatClient.Builder`), or an `@Autowired`
// field of that type, gets the client the module's starter auto-configures, so it calls the
// endpoint the module's application properties give that starter (its default when they
// set none). Each injection is a use.

import type { SpringAiStarter } from '../catalog/types';
import type { Endpoint } from '../model';
import type { CodeParser } from '../scan/parse';
import type { CatalogIndex } from './catalog-index';
import { defaultHostTarget, makeEndpoint } from './endpoint';
import { springAiEndpointName, springModule, startersName, UNKNOWN_VALUE } from './spring';
import { formatWhere, type EnvLookup } from './values';

const SPRING_AI = 'org.springframework.ai.';
/** The generic types whose bean is whichever chat model the module's starter makes. */
const GENERIC = new Set([`${SPRING_AI}chat.model.ChatModel`, `${SPRING_AI}chat.client.ChatClient.Builder`]);

export function springAiBeans(file: string, parser: CodeParser, index: CatalogIndex, env: EnvLookup): Endpoint[] {
  const starters = index.catalog.springAi.filter((s) => s.chatModels?.length);
  const out: Endpoint[] = [];
  const { tokens } = parser;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'id' || !(isParameterType(parser, i) || isAutowiredField(parser, i))) continue;
    // `ChatClient.Builder b`: the type is the dotted path ending here.
    const path = tokens[i - 1]?.v === '.' && tokens[i - 2]?.t === 'id' ? `${tokens[i - 2]!.v}.${t.v}` : t.v;
    const head = path.split('.')[0]!;
    const qualified = parser.imports.get(head);
    if (!qualified?.startsWith(SPRING_AI)) continue;
    const type = qualified + path.slice(head.length);
    const span = { s: tokens[path === t.v ? i : i - 2]!.s, e: t.e };
    if (GENERIC.has(type)) {
      const active = activeStarters(file, env, starters);
      // No build file known: the properties file reports the starter's endpoint; nothing more to say here.
      if (!active || active.length === 0) continue;
      if (active.length > 1) {
        out.push(makeEndpoint(index, file, span, { provider: null, host: null, region: null }, `${path} injected: the build has ${active.length} Spring AI chat starters`, {
          unknown: `the module's build declares several chat model starters (${active.map((s) => s.prefix).join(', ')}), so which one is injected depends on the application's configuration`,
        }));
        continue;
      }
      out.push(starterEndpoint(file, span, `${path} injected, the module's only chat starter`, active[0]!, index, env));
      continue;
    }
    const starter = starters.find((s) => s.chatModels!.some((m) => `${qualified.slice(0, qualified.lastIndexOf('.') + 1)}${m}` === type));
    if (starter) out.push(starterEndpoint(file, span, `${t.v} injected`, starter, index, env));
  }
  return out;
}

/** The endpoint a starter's auto-configured client calls, as the module's application properties configure it. */
function starterEndpoint(file: string, span: { s: number; e: number }, what: string, starter: SpringAiStarter, index: CatalogIndex, env: EnvLookup): Endpoint {
  const provider = index.providers.get(starter.provider)!;
  const name = springAiEndpointName(springModule(file), starter.prefix);
  const v = env(name);
  if (v.state === 'set' && v.value !== UNKNOWN_VALUE) {
    const via = `${what}: ${starter.prefix} in ${formatWhere(v.where)}`;
    // A host, or a region for the starters that take one.
    if (v.value.includes('.') || v.value.includes(':') || v.value === 'localhost') return makeEndpoint(index, file, span, defaultHostTarget(index, provider, v.value), via);
    return makeEndpoint(index, file, span, { provider, host: null, region: v.value }, via);
  }
  if (v.state === 'unset' && (starter.defaults.host || starter.defaults.region)) {
    const via = `${what}: no ${starter.prefix} endpoint in the module's application properties, so the starter's default ${starter.defaults.baseUrl ?? starter.defaults.host ?? starter.defaults.region}`;
    return starter.defaults.host
      ? makeEndpoint(index, file, span, defaultHostTarget(index, provider, starter.defaults.host), via)
      : makeEndpoint(index, file, span, { provider, host: null, region: starter.defaults.region! }, via);
  }
  const why = v.state === 'unseen' ? 'the module\'s application properties were not read' : 'the module\'s application properties do not settle it';
  return makeEndpoint(index, file, span, { provider, host: null, region: null }, `${what}: ${starter.prefix}`, { unknown: `where the starter's client goes is not known: ${why}` });
}

/** The chat starters the nearest build file declares; undefined when no build file is known. */
function activeStarters(file: string, env: EnvLookup, starters: SpringAiStarter[]): SpringAiStarter[] | undefined {
  const parts = file.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const v = env(startersName(parts.slice(0, n).join('/')));
    if (v.state !== 'set') continue;
    const artifacts = v.value.split(',');
    return starters.filter((s) => s.artifacts.some((a) => artifacts.includes(a)));
  }
  return undefined;
}

/**
 * Whether the type name at `i` declares a parameter of a constructor or method (what
 * Spring injects): `Name(Type name, ...) {`. Not a local variable, field or cast.
 */
function isParameterType(parser: CodeParser, i: number): boolean {
  const { tokens } = parser;
  const name = tokens[i + 1];
  const after = tokens[i + 2];
  if (name?.t !== 'id' || (after?.v !== ',' && after?.v !== ')')) return false;
  // Back to the `(` that opens the list: past annotations, modifiers and earlier parameters.
  let j = i - 1;
  for (let depth = 0; j >= 0; j--) {
    const v = tokens[j]!.v;
    if (v === ')') depth++;
    else if (v === '(' && depth > 0) depth--;
    else if (v === '(') break;
    else if (v === ';' || v === '{' || v === '}') return false;
  }
  if (j < 1 || tokens[j - 1]?.t !== 'id') return false;
  const close = parser.closeOf(j);
  const next = tokens[close + 1];
  return next?.v === '{' || next?.v === 'throws';
}

/** Whether the type name at `i` declares a field Spring fills: `@Autowired private Type name;`. */
function isAutowiredField(parser: CodeParser, i: number): boolean {
  const { tokens } = parser;
  if (tokens[i + 1]?.t !== 'id' || tokens[i + 2]?.v !== ';') return false;
  // Back over modifiers (and the `ChatClient.` of a dotted type) to the annotation.
  let j = i - 1;
  while (j >= 0 && (tokens[j]!.t === 'nl' || tokens[j]!.v === '.' || /^(?:private|protected|public|final|ChatClient)$/.test(tokens[j]!.v))) j--;
  return tokens[j]?.v === 'Autowired' && tokens[j - 1]?.v === '@';
}
