// The provider catalog's shape. The data lives in ./data, validates against
// schemas/catalog.schema.json, and every fact carries its sources and check date.

/**
 * Where a location may process data: ISO 3166-1 alpha-2 codes (it may use any of them),
 * 'worldwide' when nothing pins it (any country), 'self' for your own infrastructure (no
 * third-party processor), or null when the vendor does not say which countries.
 */
export type Countries = readonly string[] | 'worldwide' | 'self' | null;

/** Provider ids are a contract (policy files and output use them). */
export const PROVIDER_IDS = [
  'openai',
  'azure-openai',
  'anthropic',
  'google-gemini-api',
  'google-vertex-ai',
  'aws-bedrock',
  'mistral',
  'cohere',
  'groq',
  'together',
  'fireworks',
  'deepseek',
  'xai',
  'perplexity',
  'openrouter',
  'huggingface',
  'ibm-watsonx',
  'databricks',
  'self-hosted',
  'vercel-ai-gateway',
  'portkey',
  'voyage-ai',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** Languages whose SDK calls the code scanners understand. `js` covers JS, TS, JSX, TSX. */
export type CodeLanguage = 'python' | 'js' | 'go' | 'java' | 'csharp' | 'rust';

export interface Source {
  url: string;
  /** YYYY-MM-DD: when the fact was last checked against this source. */
  checked: string;
  /**
   * The source is not the vendor's own text (aggregator, press, analyst, community answer).
   * Must agree with the provider's `vendorDomains` for posture facts (test/unit/catalog-sources.test.ts).
   */
  thirdParty?: boolean;
}

/** A fact with evidence. `value: null` means unknown, and `note` then says why. */
export interface Fact<T> {
  value: T | null;
  note?: string;
  /** Sources conflict, or only third parties state it. */
  uncertain?: boolean;
  /**
   * What the vendor's own page says about the fact, in a few words. Required for a negative
   * value ('not-available', false, 'not-signed'), so a "no" never rests on silence.
   */
  vendorStatement?: string;
  sources: Source[];
}

export type BaaStatus = 'available' | 'not-available' | 'case-by-case' | 'not-applicable';
export interface BaaFact extends Fact<BaaStatus> {
  /** Plan or tier the BAA needs (e.g. "Enterprise", "pay-per-token with compliance profile"). */
  tier?: string;
  conditions?: string[];
}

/**
 * A feature the vendor's BAA does not cover although the API it belongs to is covered
 * (Anthropic's HIPAA-ready API blocks code execution, the Files API, ...). A request that
 * uses it is not covered, whatever the provider's BAA says.
 */
export interface BaaExcludedFeature {
  /** Stable id: 'code-execution', 'files-api'. */
  id: string;
  /** As the vendor names it: 'Code execution tool'. */
  name: string;
  /**
   * false: the vendor's page says the BAA does not cover it. null: the page says it is not
   * covered unless listed as eligible (beta features), or only some settings of it are not.
   */
  covered: false | null;
  /**
   * What shows a request uses it, as written in code: a tool type string or an SDK helper
   * (`code_execution_*`, `codeExecution_*`: a trailing `*` matches a version, text that starts with a digit), a request
   * key (`mcp_servers`), or a member path on the client (`beta.files`). Strings match whole
   * string literals; names match identifiers (a dotted path, its identifiers in a row).
   */
  marks: string[];
  /** Marks that are request keys: they count only where they name a value (`mcp_servers=`, `mcp_servers:`). */
  keys?: string[];
  /** What the vendor's page says, in a few words. */
  vendorStatement: string;
  sources: Source[];
}

export type GpaiStatus = 'signatory' | 'partial' | 'not-signed' | 'not-applicable';

export interface Posture {
  baa: BaaFact;
  soc2Type2: Fact<boolean>;
  iso27001: Fact<boolean>;
  iso42001: Fact<boolean>;
  euAiActGpai: Fact<GpaiStatus>;
  /** Whether an EU-resident option exists; `options` names the endpoints or regions. */
  euResidency: Fact<boolean> & { options?: string[] };
  trainingOnDataByDefault: Fact<boolean>;
  retentionDefault: Fact<string>;
}

/** A region or zone an endpoint can send data to. */
export interface Location {
  /** The id as written in code and config: 'eu-central-1', 'europe-west4', 'westeurope', 'eu', 'global'. */
  id: string;
  name: string;
  /** Where the data is processed, for display: 'EU', 'EEA', 'CH', 'UK', 'US', 'JP', ..., 'EU-zone', 'global', 'self'. */
  jurisdiction: string;
  /** The countries it may process data in (ISO 3166-1 alpha-2): what residency zones are judged on. */
  countries: Countries;
  /** Inside the 27 EU member states: follows from `countries` (a catalog test checks it). */
  euResident: boolean | null;
  note?: string;
  sources: Source[];
}

/** Classifies region ids a set does not list, by naming scheme (e.g. ^us- is in the US). */
export interface RegionPattern {
  /** A regular expression (source text) matched against the whole region id. */
  pattern: string;
  jurisdiction: string;
  /** An unlisted region of this scheme is in one of these countries (not known which); null when the scheme does not say. */
  countries: readonly string[] | null;
  euResident: boolean | null;
  note?: string;
  sources: Source[];
}

export interface RegionSet {
  id: string;
  name: string;
  locations: Location[];
  patterns: RegionPattern[];
}

/**
 * A host an LLM API is reached at. Placeholders: `{region}` (an id of `regionSet`),
 * `{resource}` (an account or resource name), `*` (any label sequence).
 */
export interface HostPattern {
  pattern: string;
  /** The location a host without `{region}` always reaches (id in the provider's locations or the region set). */
  location?: string;
  regionSet?: string;
  /** A BAA fact for this host that differs from the provider's (e.g. a router vs. dedicated endpoints). */
  baa?: BaaFact;
  note?: string;
  sources: Source[];
}

export interface ClientOptions {
  /** Option names that carry the base URL or endpoint. `$0` means the first positional argument. */
  url?: string[];
  /**
   * Options that hand the client an API object built elsewhere (Spring AI's
   * `.openAiApi(api)`): the endpoint is reported where that object is built.
   */
  client?: string[];
  region?: string[];
  /** Azure-style resource name from which the host is built. */
  resource?: string[];
  model?: string[];
  /** Options that hold query parameters sent with every request (`defaultQuery`). */
  query?: string[];
  /** Options that hold headers sent with every request (`defaultHeaders`). */
  headers?: string[];
}

/** How an SDK client is constructed, and what it does when nothing is set. */
export interface ClientSignal {
  id: string;
  languages: CodeLanguage[];
  /** Callee names; matched against the end of the dotted callee path (`OpenAI` matches `openai.OpenAI`). */
  callees: string[];
  /** The callees are whole import paths: `agents.Agent` (the OpenAI Agents SDK's) is not `google.adk.agents.Agent`. */
  wholePath?: boolean;
  /**
   * Public constants of the library that applications pass as the client's URL
   * (AutoGen's `AnthropicConstants.Endpoint`), with the value its source gives them. The
   * literal in the library's own declaration is its default, not a use.
   */
  libraryConstants?: { name: string; value: string }[];
  /** The call only counts when this positional argument is one of these strings (boto3.client("bedrock-runtime")). */
  requireArg?: {
    index: number;
    oneOf: string[];
    /**
     * Values of `oneOf` that name a management API (boto3.client("bedrock")), which sends no
     * prompts: such a call counts when its file calls one of `methods`, the management calls
     * that do send content to be processed in the client's region (a batch inference job), or
     * none of the management calls that would show what it is for.
     */
    controlPlane?: {
      values: string[];
      methods: string[];
      /**
       * Prefixes of the management calls (`list_foundation_models`, `create_guardrail`) that
       * show what the file uses such a client for: one that shows none (a factory that
       * returns it) may start a job elsewhere, so it counts.
       */
      managementPrefixes: string[];
    };
  };
  /**
   * The call only counts when this option is set to one of these literal values
   * (genai.Client(vertexai=True)), or, when the call does not set it, one of `env` is true
   * in the workspace's env files (GOOGLE_GENAI_USE_VERTEXAI=true).
   */
  requireOption?: {
    name: string;
    oneOf: (string | boolean)[];
    env?: string[];
    /** Or a string matching this regular expression (an AI SDK gateway model id, 'openai/gpt-4o'). */
    pattern?: string;
    /** Or any value at all: setting the option selects the backend (langchain-google-genai `project=`). */
    anyValue?: boolean;
    /**
     * Or a string the engine cannot read: an env read, or a constant by its UPPER_CASE name
     * (`model=os.getenv("MODEL")`, `model=constants.MODEL`). A model object stays out.
     */
    unreadString?: boolean;
    /**
     * A value the engine cannot read that is no model object the catalog knows leaves the
     * backend unknown (the OpenAI Agents SDK's `model=` may name a `litellm/` model): reported
     * with the provider unknown, never the default and never nothing.
     */
    unreadUndecided?: boolean;
    /** With `unreadUndecided`: the framework's model classes that hold a client given to them (reported where that is built). */
    modelCarriers?: string[];
    /** Or any string at all, read or not (strands `Agent(model="<Bedrock model id>")`). */
    anyString?: boolean;
    /** Or the option left out: the SDK then builds its default (strands `Agent()` is a BedrockModel). */
    absent?: boolean;
    /**
     * With `absent`: options that may carry the left-out one instead (crewai `Agent(config=...)`,
     * whose YAML may set `llm`). Given one, the backend is not known statically.
     */
    carriedBy?: string[];
    /**
     * With `absent`: env variables the SDK reads the left-out model from, in order (crewai's
     * `MODEL`). One set where the code runs to a model of another provider (by LiteLLM's
     * routing) makes the backend unknown here.
     */
    modelEnv?: string[];
  };
  /**
   * The call only counts when one of these env variables is true where the code runs: a
   * backend switch the SDK reads (CLAUDE_CODE_USE_BEDROCK=1, GOOGLE_GENAI_USE_VERTEXAI=true).
   * A signal whose switch is on wins over the same callee's signals without one.
   */
  requireEnv?: string[];
  /**
   * The call does not count when it sets this option to one of these literal values, or,
   * when it leaves the option out, one of `env` is set to a false value (`0`, `false`, `no`,
   * `off`) where the code runs: a switch-off the SDK checks before the option that selects
   * the backend (langchain-google-genai reads `vertexai=False` before `project=`).
   */
  unless?: { name: string; oneOf: (string | boolean)[]; env?: string[] };
  /**
   * Calls that set this client's options for the whole process (`vertexai.init(location=...)`
   * before `GenerativeModel(...)`): one in the same file gives the client its options. Without
   * one, another module may make it, so the options are not known (the defaults are not assumed).
   */
  configuredBy?: string[];
  /**
   * The call only counts when its result (in place or in a variable) is handed to one of
   * these calls as this keyword option: ADK's `Agent` inside Vertex AI Agent Engine's
   * `AdkApp(agent=...)`, which runs it on Vertex AI. Such a signal wins over the callee's
   * others, and `configuredBy` is read where the wrapping call is made.
   */
  wrappedBy?: {
    callees: string[];
    option: string;
    /** Calls that hand what they are given in this list option on to the wrapper's run (an ADK agent's `sub_agents=[...]`). */
    parents?: { callees: string[]; option: string };
  };
  /**
   * Calls that hand the framework a client of the program's own for every call after them
   * (openai-agents `set_default_openai_client(AsyncOpenAI(base_url=...))`): with one in the file,
   * this call's requests go through that client, reported where it is built.
   */
  replacedBy?: string[];
  packages: string[];
  /**
   * The SDK's module-level default client (`import openai; openai.chat.completions.create(...)`):
   * the module's name. Its options are module attributes (`openai.base_url = ...`) set anywhere in the file.
   */
  moduleClient?: string;
  options: ClientOptions;
  /** Environment variables the SDK reads when the option is absent, in order. */
  env?: { url?: string[]; region?: string[]; resource?: string[] };
  /** What the SDK uses when neither option nor env variable is set. `region: null` means it has no default. */
  defaults: {
    host?: string;
    /** The full default base URL when the SDK's option takes one (`https://api.openai.com/v1`). */
    baseUrl?: string;
    region?: string | null;
    /** The model the SDK picks when none is given, when that decides where data goes (a Bedrock inference profile). */
    model?: string;
  };
  note?: string;
  sources: Source[];
}

/** An environment variable that selects an endpoint or region when set in config files. */
export interface EnvSignal {
  name: string;
  /** `flag` variables select the provider (GOOGLE_GENAI_USE_VERTEXAI) and make shared region variables in the same file count. */
  kind: 'url' | 'region' | 'resource' | 'flag';
  /** True when the variable alone identifies this provider (VERTEXAI_LOCATION); false for shared ones (AWS_REGION). */
  specific: boolean;
  sources: Source[];
}

/** What would keep data in the EU for this provider, when a swap exists. */
export interface EuSwap {
  /** Host replacements: global host -> EU host. */
  hosts?: Record<string, string>;
  /** Suggested EU region for region-based providers. */
  region?: string;
  /** Inference-profile prefix that keeps processing in the EU (Bedrock `eu.`). */
  profilePrefix?: string;
  /** One sentence for messages: what would pass. */
  advice: string;
  sources: Source[];
}

export type ProviderKind = 'model-developer' | 'cloud' | 'host' | 'router' | 'self-hosted';

export interface Provider {
  id: ProviderId;
  name: string;
  kind: ProviderKind;
  /** The company that processes the data. */
  operator: string;
  /**
   * The vendor's own domains ('openai.com' also covers help.openai.com) or 'host/path'
   * prefixes ('github.com/openai'). A yes/no posture fact rests on a source there (for the
   * GPAI code, on the European Commission's list); anything else is a third party.
   */
  vendorDomains: string[];
  hosts: HostPattern[];
  /** Provider-specific zones referenced by hosts (OpenAI `eu`, Mistral `eu`, ...). */
  locations?: Location[];
  posture: Posture;
  clients: ClientSignal[];
  env: EnvSignal[];
  euSwap?: EuSwap;
  /** Models served only from the provider's global location: a regional location cannot keep them in the region. */
  globalOnlyModels?: { pattern: string; note: string; sources: Source[] };
  /**
   * What only this provider's requests carry (a URL path, a query parameter, a header). An
   * OpenAI-compatible client whose host is unknown but whose settings carry one calls this provider.
   */
  requestMarks?: { paths: string[]; queryKeys: string[]; headerKeys: string[]; note?: string; sources: Source[] };
  /** Features of the provider's API that its BAA does not cover, as the vendor lists them, with the code that shows a request uses one. */
  baaExcludedFeatures?: BaaExcludedFeature[];
  notes?: string[];
  /** Deployment types (SKUs) of a cloud account and where each processes prompts (Azure OpenAI). */
  deploymentTypes?: DeploymentType[];
  /** Data zones a `data-zone` deployment type processes in, by the jurisdiction of the account's region. */
  dataZones?: DataZone[];
}

/** A deployment type as IaC names it (`sku.name`, `scale.type`), and where it processes prompts. */
export interface DeploymentType {
  /** `GlobalStandard`, `DataZoneStandard`, `Standard`, ... */
  sku: string;
  /** `global`: any region of the provider; `data-zone`: the data zone of the account's region; `regional`: the account's region. */
  scope: 'global' | 'data-zone' | 'regional';
  /** For a global type: the data-zone and regional types that bill and scale the same way (what a fix switches to). */
  dataZoneAlternative?: string;
  regionalAlternative?: string;
  note?: string;
  sources: Source[];
}

/** A data zone: the accounts whose region has one of `jurisdictions` process data-zone deployments within it. */
export interface DataZone {
  id: string;
  name: string;
  jurisdictions: string[];
  /** Where a data-zone deployment may process: every country of the zone. */
  countries: Countries;
  euResident: boolean | null;
  sources: Source[];
}

export interface LiteLlmPrefix {
  /** Model-string prefix including the slash: 'bedrock/'. */
  prefix: string;
  provider: ProviderId;
  /** Region LiteLLM uses when none is given; null = none documented. */
  defaultRegion?: string | null;
  /** Env variables LiteLLM reads for the region, in order. */
  regionEnv?: string[];
  sources: Source[];
}

/** A model name LiteLLM routes without a prefix ('gpt-4o' -> OpenAI), from its model lists. */
export interface LiteLlmBareModel {
  /** Regular expression the whole model name matches. */
  pattern: string;
  provider: ProviderId;
  sources: Source[];
}

/** LiteLLM (and libraries built on it) pick the provider from the model string. */
export interface LiteLlmSignals {
  /** Call names that take a LiteLLM model string (`completion`, `litellm.acompletion`, crewai `LLM`). */
  callees: string[];
  modelOptions: string[];
  urlOptions: string[];
  regionOptions: string[];
  prefixes: LiteLlmPrefix[];
  bareModels: LiteLlmBareModel[];
  sources: Source[];
}

/**
 * A Spring AI Spring Boot starter: the properties (application.yml / .properties) that
 * pick its endpoint, and what it uses when they are not set.
 */
export interface SpringAiStarter {
  /** Property prefix, in Spring Boot's canonical form (`spring.ai.openai`); any property under it shows the starter is configured. */
  prefix: string;
  provider: ProviderId;
  /** Maven artifact ids of the starter (1.0 names and the earlier ones): without one in the module's build, the properties are inert. */
  artifacts: string[];
  /** Properties below the prefix that carry the base URL or endpoint; each matches the end of a property's path (`chat.base-url` too). */
  url?: string[];
  region?: string[];
  /** Properties that, when set, send requests to another provider's default host instead (Azure's `openai-api-key`: OpenAI). */
  switchTo?: { property: string; provider: ProviderId }[];
  /** The chat model classes the starter auto-configures as beans: code that has one injected uses the starter's endpoint. */
  chatModels?: string[];
  /**
   * Properties below the prefix of which one must be set for the starter to make its client
   * (LangChain4j's `@ConditionalOnProperty(PREFIX + ".chat-model.api-key")`, or `enabled`
   * set to true): a block with none set configures nothing. An api-key may come from the
   * environment, so a block gated only by api-keys counts even without one in its file.
   */
  activatedBy?: string[];
  /** What the starter uses when none is set. `region: null`: it has no default (the application does not start without one). */
  defaults: { host?: string; baseUrl?: string; region?: string | null };
  note?: string;
  sources: Source[];
}

/**
 * A Prompty executor: the `type` of a `.prompty` file's `model.configuration` (or
 * `connection`) names it, and it builds an SDK client from the configuration's other keys.
 */
export interface PromptyExecutor {
  types: string[];
  /** The catalog client (ClientSignal id) it builds: its URL options, env variables and default say where requests go. */
  client?: string;
  /** Keys that carry the endpoint when it builds no catalog client (serverless `endpoint`); the host decides the provider. */
  url?: string[];
  note?: string;
  sources: Source[];
}

/**
 * A call that runs a `.prompty` file with a configuration written in the code
 * (`prompty.execute("chat.prompty", configuration={...})`): its keys override the file's.
 */
export interface PromptyRunner {
  callees: string[];
  /** The configuration argument: by this keyword, or at this position. */
  configuration: { name: string; index: number };
  sources: Source[];
}

/**
 * A client that picks the provider from a "provider:model" string given to its methods
 * (aisuite: `client.chat.completions.create(model="openai:gpt-4o")`), then calls that
 * provider through the provider's own SDK client.
 */
export interface ModelStringRouter {
  id: string;
  languages: CodeLanguage[];
  /** The constructor, qualified by its import (`aisuite.Client`), whose methods take the model string. */
  client?: string;
  /** The client's methods that take the model string. */
  methods?: string[];
  /**
   * Or factory functions, qualified by their imports (`langchain.chat_models.init_chat_model`),
   * that build the provider's own client and forward their other options to it (`base_url=`,
   * `region_name=`), so those options are read as that client's.
   */
  functions?: string[];
  modelOptions: string[];
  /** Options that name the provider key outright (`model_provider=`); they win over the model string. */
  providerOptions?: string[];
  /** Options that leave the model to be chosen at run time (`configurable_fields=`). */
  runtimeOptions?: string[];
  /** Between the provider key and the model name. */
  separator: string;
  /**
   * Provider key -> the id of the SDK client signal the router builds for it; null for a key the
   * router knows whose client the catalog does not model.
   */
  providers: Record<string, string | null>;
  /** A "key:model" prefix counts only for a key in `providers`; any other string is all model name. */
  knownPrefixesOnly?: boolean;
  /** Model-name prefixes the router itself infers a key from when none is named, in its order. */
  inferred?: { prefix: string; key: string }[];
  /** The router lower-cases the key and writes `-` as `_` before looking it up (`google-genai`). */
  snakeCaseKeys?: boolean;
  /** The key when no provider option names one (pydantic-ai `OpenAIChatModel("gpt-4o")` is `openai`); the model string is then all model name. */
  defaultKey?: string;
  /**
   * Where the router's calls take no client options of their own (pydantic-ai `Agent(...)`): a factory's
   * other options are not handed to the client it builds. Factories forward them unless this is false.
   */
  forwardsOptions?: boolean;
  /** A call without a model decides nothing (pydantic-ai `Agent()` gets its model per run, `agent.run(...)` keeps the agent's). */
  modelOptional?: boolean;
  /**
   * The model or provider option may be an object (`Agent(OpenAIChatModel(...))`, `provider=GroqProvider(...)`):
   * a class built in place or held by a name is reported where it is built.
   */
  takesObjects?: boolean;
  /** Model strings that run in the process and reach no API (pydantic-ai `"test"`). */
  localModels?: string[];
  /** Model classes that run in the process, calling no API (pydantic-ai's `TestModel`, `FunctionModel`). */
  localModelClasses?: string[];
  /**
   * A method called on a name imported from another module (an agent built there) counts when its
   * model string names a key the router knows: the import says nothing of the receiver's class.
   */
  importedReceivers?: boolean;
  /**
   * Python modules that hold the library's own provider and model classes (`pydantic_ai.providers`):
   * the clients built there are the library's internals, reported where an application names a model.
   */
  libraryModules?: string[];
  sources: Source[];
}

/**
 * A library an application configures with a dict that names a provider for each of its
 * parts (mem0: `Memory.from_config({"llm": {"provider": "xai", "config": {...}}})`), and
 * that builds that provider's SDK client from the part's `config`.
 */
export interface ProviderConfigLibrary {
  id: string;
  /** Constructors and factory methods that take the config, as their import qualifies them (`mem0.Memory.from_config`). */
  callees: { language: CodeLanguage; names: string[] }[];
  /** The arguments that hold the config, by keyword (`config_dict=`); else the first positional one. */
  configArguments: string[];
  /** Keyword-built classes that hold the config or one part (`MemoryConfig(llm=LlmConfig(provider=..., config=...))`), by their last name. */
  configClasses: string[];
  /** The parts that each name a provider, with the provider a part left out (or its key left out) gets. */
  parts: ConfigLibraryPart[];
  /**
   * Top-level keys only this library's config has (mem0's `vector_store`, `history_db_path`): a
   * dict with one of them and a part, handed to no entry point in its file (another module
   * passes it on), is still that library's config and reported the same way.
   */
  configMarkers?: string[];
  providerKey: string;
  configKey: string;
  providers: ConfiguredProvider[];
  /**
   * Python modules that hold the library's own provider classes (`mem0.llms`): the clients
   * built there are the library's internals, reported where an application configures it.
   */
  libraryModules: string[];
  /**
   * The same for JS/TS: the library's npm package and the folders below its package.json that hold
   * its provider classes. `entry` is the folder whose modules the package publishes under an import
   * path (`src/oss/src` is `mem0ai/oss`): the library's own examples import it by a relative path.
   */
  libraryFolders?: { package: string; folders: string[]; entry?: { folder: string; module: string } }[];
  sources: Source[];
}

/** A part of a configured library's config (`llm`, `embedder`). */
export interface ConfigLibraryPart {
  key: string;
  /** The provider a part left out (or its provider key left out) gets. */
  defaultProvider: string;
  /**
   * What the library's config merge passes as the part's base URL when the config sets none, in
   * place of the provider class's own default (mem0-ts gives every LLM part but vllm's
   * https://api.openai.com/v1). A provider class constructed directly gets none of it.
   */
  mergedUrl?: { languages: CodeLanguage[]; except: string[]; defaults: { host: string; baseUrl: string }; note: string; sources: Source[] };
}

/** A provider key of a ProviderConfigLibrary part, and the SDK client it builds from the part's config. */
export interface ConfiguredProvider {
  key: string;
  parts: string[];
  languages: CodeLanguage[];
  /**
   * Only when the part's config sets `key` to one of `oneOf` (gemini `vertexai: True`), or one of
   * `env` is set where it runs (mem0's OpenAI class switches to OpenRouter on OPENROUTER_API_KEY).
   * Such an entry wins over one without.
   */
  when?: { key?: string; oneOf?: (string | boolean)[]; env?: string[] };
  /** The catalog client (ClientSignal id) it builds; absent for one that runs the model in the application's process. */
  client?: string;
  /** Config keys that carry the base URL or region, in the order the library reads them (`azure_kwargs.azure_endpoint` is nested). */
  url?: string[];
  region?: string[];
  /** Config keys that carry the model id (a Bedrock inference profile decides where data goes). */
  model?: string[];
  /** The env variables the library reads when the key is absent, in place of the client's own (it passes the value on explicitly). */
  env?: { url?: string[]; region?: string[] };
  /** What the library passes when neither key nor env variable is set, in place of the client's defaults. */
  defaults?: { host?: string; baseUrl?: string; region?: string | null };
  /** Without a URL the provider runs in the application's own process (a local embedding model): no endpoint. */
  localWithoutUrl?: boolean;
  /**
   * The library's class for this provider, per part, by its import path (`llm:
   * 'mem0ai/oss.MistralLLM'`): an application may construct it itself with the part's config.
   */
  classes?: Record<string, string>;
  note?: string;
  sources: Source[];
}

export interface Catalog {
  /** YYYY-MM-DD of the catalog's last review. */
  version: string;
  /** Facts checked longer ago than this are shown as stale. */
  reviewWindowDays: number;
  regionSets: RegionSet[];
  providers: Provider[];
  litellm: LiteLlmSignals;
  portkey: PortkeySignals;
  /** Spring AI's starters, and LangChain4j's Spring Boot starters and Quarkus extensions (read alike). */
  springAi: SpringAiStarter[];
  prompty: PromptyExecutor[];
  promptyRunners?: PromptyRunner[];
  routers?: ModelStringRouter[];
  /** Libraries configured with a provider per part (mem0). */
  configLibraries?: ProviderConfigLibrary[];
  /** LLM APIs of vendors that are not catalog providers: reported by host, with no posture facts. */
  unlistedApis?: UnlistedLlmApi[];
  /** Settings files that list models by a type naming the client a tool builds (GraphRAG's `models:`). */
  modelSettings?: ModelSettingsFormat[];
  /** Calls that build model clients from a config file the code names (AutoGen's `load_component`, GraphRAG tools' `from_settings`). */
  configFileLoaders?: ConfigFileLoader[];
}

/**
 * A call that builds model clients from a YAML or JSON file the code names: the config handed to
 * it was read from that file (`load_component(yaml.safe_load(open("model_config.yaml")))`), or
 * it takes the file's path (`from_settings(root_dir, config_filepath)`). The clients are the
 * file's (component configs, a settings file's `models:`), reported at the call.
 */
export interface ConfigFileLoader {
  id: string;
  languages: CodeLanguage[];
  /** Callees qualified by their imports; `*` stands for any dotted path (`autogen_agentchat.*.load_component`). */
  callees: string[];
  /** The argument holding the config as read from the file (a dict), by keyword or position. */
  config?: { name: string; index: number };
  /** The argument naming the file. */
  path?: { name: string; index: number };
  /** The argument naming the folder searched for `files` when no path is given. */
  root?: { name: string; index: number; files: string[] };
  /** The entries of the settings' `models:` it builds (GraphRAG's ids); absent: every component config in the file. */
  models?: string[];
  /** It always builds a model client: a file that cannot be read leaves that client's provider unknown (else nothing is said). */
  buildsModelClient: boolean;
  sources: Source[];
}

/**
 * A tool's settings file that lists its models under one key, each with a `type` that names the
 * client the tool builds (GraphRAG 2.x `models: {default_chat_model: {type: openai_chat, api_base: ...}}`).
 */
export interface ModelSettingsFormat {
  id: string;
  /** The key holding the models, by name (`models`). */
  listKey: string;
  typeKey: string;
  /** Type -> the catalog client (ClientSignal id) the tool builds for it. */
  types: Record<string, string>;
  /** Keys of a model that carry its base URL. */
  url: string[];
  sources: Source[];
}

/**
 * A well-known LLM inference API whose vendor is not a catalog provider (Alibaba's DashScope,
 * Zhipu's BigModel). A use of one is reported with `provider: null`, its host and the vendor's
 * name; its BAA and certifications stay unknown. Only where the vendor's own page says where
 * requests are processed does the engine know that (and so fail a residency zone).
 */
export interface UnlistedLlmApi {
  /** The vendor and product, as messages name it: 'Alibaba Cloud Model Studio (DashScope)'. */
  vendor: string;
  /** The vendor's own domains (as a provider's): a processing place rests on a page there. */
  vendorDomains: string[];
  hosts: UnlistedLlmHost[];
  /**
   * SDK and framework classes that call this vendor's API (LangChain's `ChatNVIDIA`, Semantic
   * Kernel's `NvidiaChatCompletion`), named by their import path. Built without a base URL, one
   * calls `defaults.host`, which is one of `hosts`; without `defaults.host` (no page of the
   * vendor's names it) the call is still reported, with its host unknown.
   */
  clients?: ClientSignal[];
  note?: string;
}

export interface UnlistedLlmHost {
  /** The host (`*` for any label sequence, as in HostPattern). */
  pattern: string;
  /** Pages that show the host serves the vendor's LLM API. */
  sources: Source[];
  /** The host also serves the vendor's web pages: only the bare host and URLs under these paths are its API. */
  apiPaths?: string[];
  /** Where requests to this host are processed, as the vendor's own page states; `value: null` with the claim (if any) in `note` when none does. */
  processing: Fact<ProcessingPlace>;
}

/** Where an unlisted API processes requests: the place as its vendor names it, and its countries. */
export interface ProcessingPlace {
  /** The vendor's region id where it has one ('cn-beijing'), else a short id of the place. */
  id: string;
  name: string;
  jurisdiction: string;
  countries: Countries;
}

/** How Portkey gateway configs name their targets (`targets: [{provider: "bedrock", aws_region: ...}]`). */
export interface PortkeySignals {
  /** Portkey provider slug -> catalog provider. */
  slugs: Record<string, ProviderId>;
  /** Target keys that carry the region, the Azure resource name, and a custom base URL. */
  regionKeys: string[];
  resourceKeys: string[];
  urlKeys: string[];
  sources: Source[];
}
