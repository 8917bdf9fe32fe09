// What the engine reports: endpoints (every LLM endpoint use, whatever the policy),
// findings (endpoints that break the policy), and notes (files skipped or degraded).

import type { Location, ProviderId, Source } from './catalog/types';
import type { Countries } from './catalog/zones';

export type Severity = 'error' | 'warning' | 'note';

/** Severities in order, for thresholds and for the weaker of two. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** A half-open range of UTF-16 offsets into a file's text. */
export interface TextRange {
  start: number;
  end: number;
}

export interface TextEdit extends TextRange {
  newText: string;
}

/** A change that makes a finding go away, as exact text edits in the endpoint's file. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one clear fix (shown first, applied by "fix all"). */
  isPreferred?: boolean;
  /** The countries the place it moves to may process data in: the fix is offered only when they fit the policy's residency zone. */
  countries?: Countries;
}

/** How a location was resolved, for messages and hovers. */
export interface ResolvedLocation {
  /** The region or zone id ('eu-central-1', 'global', 'eu'). */
  id: string;
  name: string;
  jurisdiction: string;
  euResident: boolean | null;
  /** The countries it may process data in; absent when built without them (judged by `euResident` alone). */
  countries?: Countries;
  /** `countries` are candidates: the place is in one of them, not known which (an unlisted region). */
  oneOf?: true;
  note?: string;
  sources: Source[];
}

export interface Endpoint {
  /** File path as given to the engine (relative, with `/`). */
  file: string;
  /** The text that decides the endpoint: the URL, the region argument, or the call when a default applies. */
  range: TextRange;
  /** Null when the host is set as an LLM endpoint but belongs to no catalogued provider. */
  provider: ProviderId | null;
  host: string | null;
  region: string | null;
  location: ResolvedLocation | null;
  euResident: boolean | null;
  baaAvailable: boolean | null;
  /**
   * A feature the provider's BAA does not cover, used by this request (`baaAvailable` false) or
   * elsewhere in its file (`baaAvailable` null): the feature as the vendor names it, why, and the vendor's page.
   */
  baaExclusion?: { feature: string; reason: string; sources: Source[] };
  /** How it was found, in a few words: "OpenAI() with no base_url: SDK default", "URL literal". */
  via: string;
  /** Client signal id when an SDK construction was recognised. */
  sdk?: string;
  model?: string;
  /** The provider is assumed from the SDK, but the URL it is sent to is not known. */
  assumedProvider?: boolean;
  /** Why the host or region could not be determined statically. */
  unknown?: string;
  /** The vendor of an LLM API that is no catalog provider (`provider` is null), when the catalog knows the host. */
  vendor?: string;
  /** The catalogued host this endpoint's host only looks like (`xn--pi-6kc.openai.com` for api.openai.com): it is not that provider. */
  lookalikeOf?: string;
  /** Conditions that apply to the verdict (e.g. the EU host needs an EU-residency project). */
  conditions: string[];
  /** Edits that would move this endpoint into the EU, when the engine can write them. */
  euFix?: Fix;
  /** Workspace lines (.env, compose, Kubernetes, CI, Terraform) that set the values this endpoint was resolved from. */
  env?: EnvSource[];
  /** Where requests go when this endpoint fails (a LiteLLM fallback, a Portkey target, an except branch), in the same file. */
  fallbacks?: Fallback[];
  /** Infrastructure that provides the endpoint (a Terraform Azure OpenAI account), not code or config that calls it. */
  declaration?: true;
  /**
   * The call that made this endpoint, when a call made it: two clients that share one URL line
   * (an LLM and its embedding model) are two uses of it, reported on that line.
   */
  call?: TextRange;
}

export interface Fallback {
  endpoint: Endpoint;
  /** How the chain is written: "router_settings.fallbacks", "except branch", ... */
  via: string;
}

/** An environment variable's value, and the config line that sets it. */
export interface EnvSource {
  name: string;
  value: string;
  file: string;
  line: number;
  /** The file is tied to no code (a Kubernetes manifest, Helm values, a dotenv file in a folder without code): it applies workspace-wide. */
  unscoped?: true;
  /** Where this line takes its value from, when another setting gives it (a CDK Lambda variable from the cdk.json context). */
  through?: string;
}

export type RuleId = 'LLMC001' | 'LLMC002' | 'LLMC003' | 'LLMC004' | 'LLMC005' | 'LLMC006' | 'LLMC007' | 'LLMC008';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  file: string;
  range: TextRange;
  provider: ProviderId | null;
  message: string;
  /** The requirement the endpoint fails ('hipaa', 'eu-residency', 'soc2-type2', ...). */
  requirement: string;
  /** What would pass, in one sentence. */
  remedy: string;
  /** Conditions and caveats from the catalog that qualify the verdict. */
  details: string[];
  /** Catalog facts the verdict rests on. */
  sources: Source[];
  fixes: Fix[];
  /** The endpoint judged; absent for findings about a waiver (LLMC007) or a file (LLMC008). */
  endpoint?: Endpoint;
  /** Other lines that explain the finding: the config line that sets a value, the weak link of a fallback chain. */
  related?: RelatedLocation[];
  /** Set when a waiver accepts the finding: it stays in the output, and no longer fails the run. */
  suppression?: Suppression;
  /** Endpoints that read this setting and fail the same way: their copies of the finding were folded into this one (one finding per problem). */
  readers?: Endpoint[];
}

/** A line elsewhere that explains a finding: by offsets in a file the engine read, or by line (a config line from another scan phase). */
export interface RelatedLocation {
  file: string;
  message: string;
  range?: TextRange;
  line?: number;
}

export interface Suppression {
  kind: 'inline' | 'policy';
  reason: string;
  expires?: string;
  owner?: string;
  /** Where the waiver is written. */
  file: string;
  line: number;
}

/**
 * Endpoints reported for one file at most. More is generated or hostile text (each costs
 * output in every format); the file then gets a note, so it is never taken as clean.
 */
export const MAX_ENDPOINTS_PER_FILE = 10_000;

/** Why a file was not fully analysed. `internal-error` is a bug in the engine, never the file's fault. */
export type NoteKind = 'skipped-binary' | 'skipped-too-large' | 'invalid-encoding' | 'unreadable' | 'parse-error' | 'internal-error';

/**
 * A file, or part of one, that was not fully analysed, and why. Under a policy each note is
 * also an LLMC008 finding: what could not be read is never reported as clean.
 */
export interface ScanNote {
  kind: NoteKind;
  file: string;
  message: string;
  line?: number;
  /** The text the note is about (the line `line` names), when the file's text was decoded. */
  range?: TextRange;
}

export type { Location, ProviderId };
