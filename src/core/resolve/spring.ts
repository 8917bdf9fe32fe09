// Spring AI's Spring Boot starters: the `spring.ai.*` properties of application.yml and
// application.properties (and their profile variants) that pick an endpoint, with the
// starter's default when only a key or a model is configured. LangChain4j's starters
// (`langchain4j.open-ai.chat-model.*`, one client per model block) and Quarkus extensions
// (`quarkus.langchain4j.openai.*`) are catalogued the same way and read here too. Property names are matched
// as Spring Boot's relaxed binding does (base-url, baseUrl and base_url are one property),
// and `${NAME:default}` placeholders read NAME from the file or the environment.

import type { Provider, SpringAiStarter } from '../catalog/types';
import { located, type CNode } from '../scan/config/tree';
import type { ConfigResolver } from './config';
import { applyProfile, defaultHostTarget, inferenceProfile } from './endpoint';
import { profileSwapFix } from './fixes';
import { HOLE } from './hosts';
import { carryValue, configuredUrl, fillPlaceholders, type FilledValue } from './placeholders';
import type { EnvLookup } from './values';

export interface Property {
  /** Path segments in relaxed form (lower case, no `-` or `_`). */
  path: string[];
  /** The property as written, for messages. */
  name: string;
  /** `relaxedKey(name)`, built along the walk: asked of every scalar of every YAML file. */
  key: string;
  node: Extract<CNode, { k: 'scalar' }>;
}

/**
 * The Spring AI artifacts a Maven or Gradle build file declares (outside comments), as a
 * definition its module's properties files read: a starter's properties without its
 * starter on the classpath configure nothing.
 */
export function springAiStarters(file: string, text: string): { name: string; value: string; offset: number } {
  const code = text.replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  const artifacts = [...new Set([...code.matchAll(/(?:spring-ai|quarkus-langchain4j|langchain4j)-[a-z0-9-]*[a-z0-9]/g)].map((m) => m[0]))].sort();
  return { name: startersName(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''), value: artifacts.join(','), offset: 0 };
}

/** The env-lookup name under which a folder's build file tells its Spring AI artifacts. */
export function startersName(dir: string): string {
  return `springai:${dir}`;
}

/** The env-lookup name under which a module's application properties tell where a starter's client goes (its host, or region). */
export function springAiEndpointName(module: string, prefix: string): string {
  return `springai-endpoint:${module}:${prefix}`;
}

/** What a module's properties publish when its starter's endpoint is not known. */
export const UNKNOWN_VALUE = '?';

/** The Maven/Gradle module a source or resource file belongs to: the folder above `src/main/` (or `src/test/`), else its own folder. */
export function springModule(file: string): string {
  const m = /^(?:(.*)\/)?src\/(?:main|test)\//.exec(file);
  if (m) return m[1] ?? '';
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
}

/** application-<profile>.yml / .yaml / .properties (and bootstrap-<profile>.*). */
const PROFILE_FILE = /(?:^|\/)(?:application|bootstrap)-[^/]+\.(?:ya?ml|properties)$/i;
/** Properties (relaxed) that give a starter its own account: set in a profile, the profile configures the starter itself. */
const CREDENTIALS = new Set(['apikey', 'openaiapikey', 'projectid', 'accesskey']);

const relaxed = (segment: string): string => segment.toLowerCase().replace(/[-_]/g, '');
const split = (name: string): string[] => name.split('.').filter((s) => s !== '').map(relaxed);
/** Spring Boot's relaxed binding: `gemini.project-id`, `gemini.projectId` and `gemini.project_id` are one property. */
export const relaxedKey = (name: string): string => split(name).join('.');

/** Reads the `spring.ai.*` properties of one YAML document or .properties file. */
export function springAiProperties(r: ConfigResolver, root: CNode, env: EnvLookup, all = flatten(root)): void {
  const { starters, roots } = startersOf(r.index.catalog.springAi);
  const properties = all.filter((p) => p.path.length > 2 && roots.has(p.path[0]!));
  if (!properties.length) return;
  // A profile (application-dev.yml, or a document activated on a profile) is laid over the
  // base file: what it leaves unset comes from there, so only what it sets itself counts.
  const profile = PROFILE_FILE.test(r.file) || all.some((p) => ['spring.config.activate.onprofile', 'spring.profiles'].includes(p.path.join('.')));
  const claimed = new Set<Property>();
  for (const starter of starters) {
    const prefix = split(starter.prefix);
    const mine = properties.filter((p) => !claimed.has(p) && startsWith(p.path, prefix));
    for (const p of mine) claimed.add(p);
    const provider = r.index.providers.get(starter.provider);
    if (mine.length && provider) new StarterReader(r, starter, provider, all, env, profile).read(mine.map((p) => ({ ...p, path: p.path.slice(prefix.length) })));
  }
}

/** The catalog's starters in the order they claim properties, and their first path parts: the same for every document read. */
const starterOrders = new WeakMap<readonly SpringAiStarter[], { starters: SpringAiStarter[]; roots: Set<string> }>();

function startersOf(list: readonly SpringAiStarter[]): { starters: SpringAiStarter[]; roots: Set<string> } {
  let known = starterOrders.get(list);
  if (!known) {
    // Longest prefix first: spring.ai.vertex.ai.gemini is not spring.ai.vertex.ai.embedding.
    const starters = [...list].sort((a, b) => b.prefix.length - a.prefix.length);
    starterOrders.set(list, (known = { starters, roots: new Set(starters.map((s) => split(s.prefix)[0]!)) }));
  }
  return known;
}

class StarterReader {
  constructor(
    private readonly r: ConfigResolver,
    private readonly starter: SpringAiStarter,
    private readonly provider: Provider,
    private readonly all: Property[],
    private readonly env: EnvLookup,
    private readonly profile: boolean,
  ) {}

  read(props: Property[]): void {
    const before = this.r.endpoints.length;
    this.endpoints(props);
    // The module's code that has the starter's model injected uses this endpoint (spring-beans.ts).
    const made = this.r.endpoints.slice(before);
    if (made.length === 1 && !this.profile) {
      const e = made[0]!;
      this.r.definitions.push({ name: springAiEndpointName(springModule(this.r.file), this.starter.prefix), value: e.host ?? e.region ?? UNKNOWN_VALUE, offset: e.range.start });
    }
    // A Bedrock model id with an inference-profile prefix beyond the EU (`us.`, `global.`) decides, whatever the region.
    for (const p of props) {
      const model = String(p.node.v ?? '').trim();
      const profile = p.path.at(-1) === 'model' ? inferenceProfile(this.provider, model) : null;
      if (!profile) continue;
      const fix = p.node.verbatim ? profileSwapFix(this.provider, model, p.node.cs, profile.prefix) : undefined;
      for (const e of this.r.endpoints.slice(before)) applyProfile(e, profile, model, fix);
    }
  }

  /**
   * Whether the block sets a property that makes the starter build its client (LangChain4j's
   * api-key, or enabled=true). A profile may leave it to the base file.
   */
  private activated(props: Property[]): boolean {
    const names = this.starter.activatedBy;
    if (!names || this.profile) return true;
    // An api-key is a secret the environment usually supplies (Spring's relaxed binding reads
    // LANGCHAIN4J_OPEN_AI_CHAT_MODEL_API_KEY too): a block configured without one may still be live.
    if (names.every((n) => n.endsWith('api-key'))) return true;
    return props.some((p) => names.some((n) => endsWith(p.path, split(n))) && (p.path.at(-1) === 'enabled' ? /^true$/i.test(String(p.node.v).trim()) : String(p.node.v ?? '').trim() !== ''));
  }

  private endpoints(props: Property[]): void {
    const { starter, provider } = this;
    // A block whose client is never made (no api-key set) configures nothing, whatever its base URL says.
    if (!this.activated(props)) return;
    const matching = (names: string[] | undefined): Property[] => props.filter((p) => (names ?? []).some((n) => endsWith(p.path, split(n))) && String(p.node.v ?? '').trim() !== '');
    const urls = matching(starter.url);
    for (const p of urls) this.url(p);
    if (urls.length) return;
    const regions = matching(starter.region);
    for (const p of regions) this.region(p);
    if (regions.length) return;
    // A starter turned off (`enabled: false`) makes no client of its own.
    if (props.some((p) => p.path.at(-1) === 'enabled' && /^false$/i.test(String(p.node.v)))) return;
    // A profile that only tunes options inherits the base file's endpoint; one with its own credentials stands alone.
    if (this.profile && !props.some((p) => CREDENTIALS.has(p.path.at(-1)!))) return;
    if (!this.onClasspath()) return;
    const at = props.find((p) => p.path.at(-1) === 'apikey') ?? props[0]!;
    for (const sw of starter.switchTo ?? []) {
      const set = props.find((p) => endsWith(p.path, split(sw.property)) && String(p.node.v ?? '').trim() !== '');
      const other = this.r.index.providers.get(sw.provider);
      if (!set || !other) continue;
      const host = this.r.index.defaultHost(other);
      this.r.push(located(set.node), defaultHostTarget(this.r.index, other, host), `${set.name} is set, so the starter calls ${other.name}${host ? ` at ${host}` : ''}`);
      return;
    }
    const { host, region } = starter.defaults;
    if (host) {
      this.r.push(located(at.node), defaultHostTarget(this.r.index, provider, host), `${starter.prefix}: no ${starter.url?.[0] ?? 'endpoint'} set, so the starter's default ${starter.defaults.baseUrl ?? host}`);
    } else if (region) {
      this.r.region(provider, { ...located(at.node), text: region }, `${starter.prefix}: no ${starter.region?.[0] ?? 'region'} set, so the starter's default ${region}`, false);
    } else {
      const missing = [...(starter.url ?? []), ...(starter.region ?? [])].map((n) => `${starter.prefix}.${n}`).join(' or ');
      this.r.push(located(at.node), { provider, host: null, region: null }, `${starter.prefix}: no endpoint set`, undefined,
        `${missing} is not set in this file; it must come from another profile or the environment where the application runs`);
    }
  }

  /**
   * Whether the starter may be on the classpath: false only when build files in the
   * property file's folder or above are known and none declares it (a parent pom may).
   */
  private onClasspath(): boolean {
    const parts = this.r.file.split('/').slice(0, -1);
    let builds = 0;
    for (let n = parts.length; n >= 0; n--) {
      const v = this.env(startersName(parts.slice(0, n).join('/')));
      if (v.state === 'conflict' || v.state === 'unseen') return true;
      // A build file that names no Spring AI artifact literally (a Gradle version catalog's
      // `libs.spring.ai...`, a parent POM elsewhere) is no evidence that the starter is absent.
      if (v.state !== 'set' || v.value === '') continue;
      builds++;
      if (v.value.split(',').some((a) => this.starter.artifacts.includes(a))) return true;
    }
    return builds === 0;
  }

  private url(p: Property): void {
    const value = this.value(p);
    configuredUrl(this.r, this.provider, value, `${p.name} ${value.describe}`);
    this.r.consumed.add(p.node.s);
  }

  private region(p: Property): void {
    const value = this.value(p);
    const before = this.r.endpoints.length;
    if (value.located.text.includes(HOLE)) {
      this.r.push(value.located, { provider: this.provider, host: null, region: null }, `${p.name} ${value.describe}`, undefined, `the region ${value.why ?? 'is not known'}`);
    } else {
      this.r.region(this.provider, value.located, `${p.name} ${value.describe}`);
    }
    this.finish(before, value, p);
  }

  private finish(before: number, value: FilledValue, p: Property): void {
    // The property itself is read: the generic URL search must not report it again.
    this.r.consumed.add(p.node.s);
    carryValue(this.r.endpoints.slice(before), value);
  }

  /** A property's value with its `${NAME:default}` placeholders filled in from the file or the environment. */
  private value(p: Property): FilledValue {
    return fillPlaceholders(p.node, this.env, {
      pattern: /\$\{([^}:]+)(?::([^}]*))?\}/g,
      inFile: (name) => this.all.find((q) => q.path.join('.') === split(name).join('.') && q !== p),
    });
  }
}

/** Every scalar of the tree with its dotted path (nested YAML keys and flat `a.b.c` keys alike). */
export function flatten(root: CNode): Property[] {
  const out: Property[] = [];
  // `segments`: how many non-empty `.`-separated parts `name` has (relaxedKey keeps those, relaxed).
  const work: { node: CNode; path: string[]; name: string; key: string; segments: number }[] = [{ node: root, path: [], name: '', key: '', segments: 0 }];
  // Keys repeat across a file's mappings (`name`, `value`, `image`): each is split once.
  const splits = new Map<string, string[]>();
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, path, name, key, segments } = item;
    if (node.k === 'scalar') {
      out.push({ path, name, key, node });
    } else if (node.k === 'map') {
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i]!;
        let own = splits.get(e.key);
        if (!own) splits.set(e.key, (own = split(e.key)));
        // `a.b` + `.` + `c.d` splits into a's and c's parts: the relaxed key joins theirs.
        const childKey = !segments ? own.join('.') : !own.length ? key : `${key}.${own.join('.')}`;
        work.push({ node: e.value, path: [...path, ...own], name: name ? `${name}.${e.key}` : e.key, key: childKey, segments: segments + own.length });
      }
    } else {
      // A list item is a property too (`options.function-callbacks[0].name`): it shows the starter is configured.
      // `[i]` joins the name's last part (relaxing it changes neither), or is a part of its own after an empty one.
      const joins = name !== '' && !name.endsWith('.');
      for (let i = node.items.length - 1; i >= 0; i--) {
        const itemKey = joins ? `${key}[${i}]` : segments ? `${key}.[${i}]` : `[${i}]`;
        work.push({ node: node.items[i]!, path: [...path, String(i)], name: `${name}[${i}]`, key: itemKey, segments: joins ? segments : segments + 1 });
      }
    }
  }
  return out;
}

function startsWith(path: string[], prefix: string[]): boolean {
  return path.length > prefix.length && prefix.every((s, i) => path[i] === s);
}

function endsWith(path: string[], suffix: string[]): boolean {
  return path.length >= suffix.length && suffix.every((s, i) => path[path.length - suffix.length + i] === s);
}
