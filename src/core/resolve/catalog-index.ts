// Lookup structures built once from the catalog: hosts, locations, SDK clients by
// language and callee name, env variables, LiteLLM prefixes, and the endpoint
// verdicts (EU residency, BAA) that follow from them.

import type {
  BaaFact, Catalog, ClientSignal, CodeLanguage, ConfigFileLoader, EnvSignal, HostPattern, LiteLlmPrefix, Provider, ProviderConfigLibrary, ProviderId, Source,
  UnlistedLlmApi, UnlistedLlmHost,
} from '../catalog/types';
import type { ResolvedLocation } from '../model';
import { compileHostPattern, HostMatcher, isPrivateAddress, type HostMatch } from './hosts';
import { Locations } from './locations';

export interface EnvSignalRef {
  provider: Provider;
  signal: EnvSignal;
}

/** A class of a vendor that is no catalog provider (catalog `unlistedApis[].clients`). */
export interface VendorClient {
  api: UnlistedLlmApi;
  signal: ClientSignal;
}

/** A configured library's provider class (`mem0ai/oss.MistralLLM`): the part and provider key it stands for. */
export interface ConfigLibraryClass {
  library: ProviderConfigLibrary;
  part: string;
  key: string;
}

/** A host of an LLM API whose vendor is not a catalog provider (catalog `unlistedApis`). */
export interface UnlistedMatch {
  api: UnlistedLlmApi;
  host: UnlistedLlmHost;
}

export class CatalogIndex {
  readonly hosts: HostMatcher;
  readonly locations: Locations;
  readonly providers = new Map<ProviderId, Provider>();
  private readonly clientsByLang = new Map<CodeLanguage, Map<string, { provider: Provider; signal: ClientSignal }[]>>();
  private readonly env = new Map<string, EnvSignalRef[]>();
  private readonly litellmTails: Set<string>;
  private readonly routerTails: Set<string>;
  /** Entry points of libraries configured with a provider per part (mem0 `Memory`, `from_config`), by language and qualified name. */
  private readonly configLibraryCallees = new Map<string, ProviderConfigLibrary>();
  private readonly configLibraryTails = new Set<string>();
  private initCallees: string[] | undefined;
  private readonly configFileLoaders: { loader: ConfigFileLoader; callees: RegExp[] }[];
  /** The provider classes of those libraries (`mem0ai/oss.MistralLLM`), by language and qualified name: the part and provider key each stands for. */
  private readonly configLibraryClasses = new Map<string, ConfigLibraryClass>();
  /** Calls a client may be handed to that decide its backend (AdkApp), or that replace it (set_default_openai_client): parsed too, to be found. */
  private readonly wrapperTails = new Set<string>();
  private readonly prefixes: LiteLlmPrefix[];
  private readonly bareModels: { pattern: RegExp; provider: ProviderId; sources: Source[] }[];
  /** Models each provider serves only from its global location (Gemini previews on Vertex AI). */
  readonly globalOnly = new Map<ProviderId, RegExp>();
  private readonly patterns = new Map<string, RegExp>();
  private readonly urlOptionNames = new Set<string>();
  /** The Go SDK packages the catalog models (import paths), each with its clients' default hosts. */
  readonly goSdk: { package: string; hosts: string[] }[];
  private readonly unlisted: (UnlistedMatch & { re: RegExp; literalLength: number })[] = [];
  /** Classes of vendors that are no catalog providers, by language and callee name. */
  private readonly vendorClientsByLang = new Map<CodeLanguage, Map<string, VendorClient[]>>();
  /** Python modules the catalog ties client classes to (`semantic_kernel.connectors.ai.nvidia`), each with those classes' default hosts. */
  readonly pySdk: { module: string; hosts: string[] }[];

  constructor(readonly catalog: Catalog) {
    this.hosts = new HostMatcher(catalog);
    this.locations = new Locations(catalog);
    for (const provider of catalog.providers) {
      this.providers.set(provider.id, provider);
      for (const signal of provider.clients) {
        for (const lang of signal.languages) {
          let byTail = this.clientsByLang.get(lang);
          if (!byTail) this.clientsByLang.set(lang, (byTail = new Map<string, { provider: Provider; signal: ClientSignal }[]>()));
          for (const callee of [...signal.wrappedBy?.callees ?? [], ...signal.wrappedBy?.parents?.callees ?? [], ...signal.replacedBy ?? []]) this.wrapperTails.add(lastSegment(callee));
          for (const callee of signal.callees) {
            const tail = lastSegment(callee);
            const list = byTail.get(tail) ?? [];
            list.push({ provider, signal });
            byTail.set(tail, list);
          }
        }
      }
      for (const signal of provider.env) {
        const list = this.env.get(signal.name) ?? [];
        list.push({ provider, signal });
        this.env.set(signal.name, list);
      }
    }
    this.litellmTails = new Set(catalog.litellm.callees.map(lastSegment));
    this.routerTails = new Set([
      ...(catalog.routers ?? []).flatMap((r) => [...(r.methods ?? []), ...(r.functions ?? [])]),
      // Calls that run a .prompty file with a configuration of their own.
      ...(catalog.promptyRunners ?? []).flatMap((r) => r.callees),
      // Calls that build model clients from a file the code names (load_component, from_settings).
      ...(catalog.configFileLoaders ?? []).flatMap((l) => l.callees),
    ].map(lastSegment));
    this.configFileLoaders = (catalog.configFileLoaders ?? []).map((loader) => ({
      loader,
      // `*` stands for any dotted path between the package and the method.
      callees: loader.callees.map((c) => new RegExp(`^${c.split('*').map((part) => part.replace(/[.]/g, '\\.')).join('[\\w.]+')}$`)),
    }));
    for (const library of catalog.configLibraries ?? []) {
      for (const { language, names } of library.callees) {
        for (const name of names) {
          this.configLibraryCallees.set(`${language}:${name}`, library);
          this.configLibraryTails.add(lastSegment(name));
        }
      }
      for (const provider of library.providers) {
        for (const [part, name] of Object.entries(provider.classes ?? {})) {
          for (const language of provider.languages) this.configLibraryClasses.set(`${language}:${name}`, { library, part, key: provider.key });
          this.configLibraryTails.add(lastSegment(name));
        }
      }
    }
    for (const name of urlOptionKeys(catalog)) this.urlOptionNames.add(normalizeKey(name));
    this.prefixes = [...catalog.litellm.prefixes].sort((a, b) => b.prefix.length - a.prefix.length);
    this.bareModels = catalog.litellm.bareModels.map((b) => ({ ...b, pattern: new RegExp(b.pattern) }));
    for (const p of catalog.providers) if (p.globalOnlyModels) this.globalOnly.set(p.id, new RegExp(p.globalOnlyModels.pattern, 'i'));
    this.goSdk = catalog.providers.flatMap((p) => p.clients.filter((c) => c.languages.includes('go'))
      .flatMap((c) => c.packages.map((pkg) => ({ package: pkg, hosts: c.defaults.host ? [c.defaults.host.toLowerCase()] : [] }))));
    for (const api of catalog.unlistedApis ?? []) {
      for (const host of api.hosts) this.unlisted.push({ api, host, ...compileHostPattern(host.pattern) });
      for (const signal of api.clients ?? []) {
        for (const lang of signal.languages) {
          let byTail = this.vendorClientsByLang.get(lang);
          if (!byTail) this.vendorClientsByLang.set(lang, (byTail = new Map<string, VendorClient[]>()));
          for (const callee of signal.callees) byTail.set(lastSegment(callee), [...(byTail.get(lastSegment(callee)) ?? []), { api, signal }]);
        }
      }
    }
    const pythonClients = [...catalog.providers.flatMap((p) => p.clients), ...(catalog.unlistedApis ?? []).flatMap((a) => a.clients ?? [])]
      .filter((c) => c.languages.includes('python') && c.defaults.host);
    this.pySdk = pythonClients.flatMap((c) => c.callees.filter((callee) => callee.includes('.'))
      .map((callee) => ({ module: callee.slice(0, callee.lastIndexOf('.')), hosts: [c.defaults.host!.toLowerCase()] })));
    this.unlisted.sort((a, b) => b.literalLength - a.literalLength);
  }

  /**
   * The LLM API of a vendor that is no catalog provider at this host (DashScope, BigModel), if
   * any. On a host that also serves the vendor's web pages, only its API paths (or the bare
   * host, as a base URL is written) are the API.
   */
  unlistedHost(host: string, path = ''): UnlistedMatch | null {
    const h = host.toLowerCase().replace(/\.$/, '');
    const m = this.unlisted.find((u) => u.re.test(h));
    if (!m) return null;
    const paths = m.host.apiPaths;
    if (paths && path !== '' && path !== '/' && !paths.some((p) => path === p || path.startsWith(`${p}/`))) return null;
    return { api: m.api, host: m.host };
  }

  /** A catalog regular expression (a client's option pattern), compiled once. */
  pattern(source: string): RegExp {
    let re = this.patterns.get(source);
    if (!re) this.patterns.set(source, (re = new RegExp(source)));
    return re;
  }

  /** Whether a call to `calleePath` in `lang` may construct a client, call LiteLLM or a model-string router's method or factory. */
  isInteresting(lang: CodeLanguage, calleePath: string): boolean {
    const tail = lastSegment(calleePath);
    return this.clientsByLang.get(lang)?.has(tail) === true || this.vendorClientsByLang.get(lang)?.has(tail) === true
      || this.litellmTails.has(tail) || this.routerTails.has(tail) || this.wrapperTails.has(tail) || this.configLibraryTails.has(tail);
  }

  /** The call that builds model clients from a file the code names, for this qualified callee (`autogen_core.models.ChatCompletionClient.load_component`). */
  configFileLoaderFor(lang: CodeLanguage, qualified: string): ConfigFileLoader | undefined {
    return this.configFileLoaders.find((l) => l.loader.languages.includes(lang) && l.callees.some((re) => re.test(qualified)))?.loader;
  }

  /** The library configured with a provider per part whose entry point this qualified callee is (`mem0.Memory.from_config`). */
  configLibraryFor(lang: CodeLanguage, qualified: string): ProviderConfigLibrary | undefined {
    return this.configLibraryCallees.get(`${lang}:${qualified}`);
  }

  /** Whether a callee's last name is a configured library's entry point or provider class (`Memory`, `MistralLLM`). */
  isConfigLibraryName(calleePath: string): boolean {
    return this.configLibraryTails.has(lastSegment(calleePath));
  }

  /** The configured library's provider class this qualified callee is (`mem0ai/oss.MistralLLM`), with its part and provider key. */
  configLibraryClassFor(lang: CodeLanguage, qualified: string): ConfigLibraryClass | undefined {
    return this.configLibraryClasses.get(`${lang}:${qualified}`);
  }

  /**
   * Classes of vendors that are no catalog providers whose callee matches the end of
   * `calleePath`, most qualified first. Their callees name the import path, so a class of the
   * same name from another module matches none.
   */
  vendorClientsFor(lang: CodeLanguage, calleePath: string): VendorClient[] {
    return mostQualifiedFirst(this.vendorClientsByLang.get(lang)?.get(lastSegment(calleePath)), calleePath);
  }

  /** A client signal by its id, with its provider. */
  clientById(id: string | null | undefined): { provider: Provider; signal: ClientSignal } | undefined {
    for (const provider of this.catalog.providers) {
      const signal = provider.clients.find((c) => c.id === id);
      if (signal) return { provider, signal };
    }
    return undefined;
  }

  /** Client signals whose callee matches the end of `calleePath`. */
  clientsFor(lang: CodeLanguage, calleePath: string): { provider: Provider; signal: ClientSignal }[] {
    return mostQualifiedFirst(this.clientsByLang.get(lang)?.get(lastSegment(calleePath)), calleePath);
  }

  /** Whether a config key is one SDKs use for an LLM base URL (base_url, apiBase, api_base, ...). */
  isUrlOptionName(key: string): boolean {
    return this.urlOptionNames.has(normalizeKey(key));
  }

  isLiteLlmCall(calleePath: string): boolean {
    return this.catalog.litellm.callees.some((c) => pathEndsWith(calleePath, c));
  }

  /** How LiteLLM routes a model string: by its 'provider/' prefix, else by a known bare name (prefix ''). */
  litellmPrefix(model: string): LiteLlmPrefix | undefined {
    const prefixed = this.prefixes.find((p) => model.startsWith(p.prefix));
    if (prefixed) return prefixed;
    const bare = this.bareModels.find((b) => b.pattern.test(model));
    return bare && { prefix: '', provider: bare.provider, sources: bare.sources };
  }

  /** The calls that set clients' options for the whole process (`vertexai.init`), from the signals' `configuredBy`. */
  configuringCallees(): string[] {
    this.initCallees ??= [...new Set(this.catalog.providers.flatMap((p) => p.clients.flatMap((c) => c.configuredBy ?? [])))];
    return this.initCallees;
  }

  /**
   * The provider whose SDK alone reads this env variable for its URL, when a value not known here
   * still says whose API it is: an SDK with no public default host (AZURE_OPENAI_ENDPOINT names an
   * account of that provider; OLLAMA_HOST a server of that runtime). A variable that overrides a
   * public default (OPENAI_BASE_URL) exists to send requests elsewhere, to any server speaking that
   * protocol, so an unknown value of it says nothing about whose server it is.
   */
  ownerOfUrlVariable(name: string): Provider | undefined {
    const owner = this.envSignals(name).find((ref) => ref.signal.kind === 'url' && ref.signal.specific)?.provider;
    const overridesDefault = owner?.kind !== 'self-hosted' && owner?.clients.some((signal) => signal.defaults.host !== undefined);
    return overridesDefault ? undefined : owner;
  }

  envSignals(name: string): EnvSignalRef[] {
    return this.env.get(name) ?? [];
  }

  /** The host a provider's SDKs use when nothing is configured. */
  defaultHost(provider: Provider): string | null {
    for (const c of provider.clients) if (c.defaults.host) return c.defaults.host;
    const fixed = provider.hosts.find((h) => !/[{*]/.test(h.pattern) && h.location === 'global');
    return fixed?.pattern ?? null;
  }

  /** The host a region-based provider is reached at in `region` (Bedrock, Vertex, watsonx). */
  hostForRegion(provider: Provider, region: string, service?: string): { host: string; pattern: HostPattern } | null {
    const fixed = provider.hosts.find((h) => h.location === region && !/[{*]/.test(h.pattern));
    if (fixed) return { host: fixed.pattern, pattern: fixed };
    const regional = (h: HostPattern): boolean => h.pattern.includes('{region}') && !h.pattern.includes('{resource}') && !h.pattern.includes('*');
    // A service named in the call (boto3.client("bedrock")) picks its own host; else the provider's first.
    const templated = (service ? provider.hosts.find((h) => regional(h) && h.pattern.startsWith(`${service}.{region}`)) : undefined) ?? provider.hosts.find(regional);
    if (templated) return { host: templated.pattern.replace('{region}', region), pattern: templated };
    return null;
  }

  /** Matches a host, treating private addresses as self-hosted. */
  matchHost(host: string): HostMatch | null {
    const m = this.hosts.match(host);
    if (m) return m;
    if (isPrivateAddress(host)) {
      const provider = this.providers.get('self-hosted');
      const pattern = provider?.hosts[0];
      if (provider && pattern) {
        return { provider, pattern, region: pattern.location ?? null, regionUnknown: false };
      }
    }
    return null;
  }

  location(provider: Provider, region: string, pattern?: HostPattern): ResolvedLocation {
    return this.locations.resolve(provider, region, pattern);
  }

  /** The BAA fact that applies to a host (a host-level fact overrides the provider's). */
  baaFact(provider: Provider, pattern?: HostPattern): BaaFact {
    return pattern?.baa ?? provider.posture.baa;
  }
}

export function baaAvailable(fact: BaaFact): boolean | null {
  if (fact.value === 'available') return true;
  if (fact.value === 'not-available') return false;
  return null;
}

/** The signals whose callee matches the end of `calleePath`, the most qualified first: `langchain_community.llms.Ollama` over a bare `Ollama`. */
function mostQualifiedFirst<T extends { signal: ClientSignal }>(candidates: T[] | undefined, calleePath: string): T[] {
  const matched = (signal: ClientSignal): number => Math.max(...signal.callees.map((c) => (pathEndsWith(calleePath, c) ? c.length : -1)));
  return (candidates ?? [])
    .map((c) => ({ c, length: matched(c.signal) }))
    .filter((m) => m.length >= 0)
    .sort((a, b) => b.length - a.length)
    .map((m) => m.c);
}

export function lastSegment(path: string): string {
  const i = path.lastIndexOf('.');
  return i >= 0 ? path.slice(i + 1) : path;
}

/** `openai.OpenAI` ends with `OpenAI`; `myOpenAI` does not. Segments compare whole. */
export function pathEndsWith(path: string, suffix: string): boolean {
  if (path === suffix) return true;
  return path.endsWith(suffix) && path[path.length - suffix.length - 1] === '.';
}

/**
 * Keys that hold an LLM base URL (base_url, apiBase, OPENAI_API_BASE, ...): only names that
 * say what they hold, since `host` or `endpoint` alone are too common. They decide whether a
 * local URL is an LLM server, and the prefilter's anchors come from the same list, so what
 * the resolver reads is never filtered out before it.
 */
export function urlOptionKeys(catalog: Catalog): string[] {
  const keys = new Set(catalog.litellm.urlOptions);
  for (const clients of [...catalog.providers.map((p) => p.clients), ...(catalog.unlistedApis ?? []).map((a) => a.clients ?? [])]) {
    for (const c of clients) {
      for (const o of c.options.url ?? []) if (/url|base/i.test(o) && !/^with/i.test(o) && !o.startsWith('$')) keys.add(o);
    }
  }
  return [...keys];
}

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}
