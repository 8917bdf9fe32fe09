// Host names to providers, using the catalog's host patterns. Hosts may contain HOLE
// characters where a value could not be resolved statically (f"https://{LOC}-aiplatform...").

import type { Catalog, HostPattern, Provider } from '../catalog/types';
import { CONFUSABLES } from './confusables';
import { HOLE } from '../scan/tokens';
import { labelToUnicode } from './punycode';

export { HOLE };

export interface HostMatch {
  provider: Provider;
  pattern: HostPattern;
  /** Region from `{region}` or the pattern's fixed location; null when neither. */
  region: string | null;
  /** `{region}` was there but could not be resolved. */
  regionUnknown: boolean;
}

interface CompiledPattern {
  re: RegExp;
  provider: Provider;
  pattern: HostPattern;
  regionGroup: number;
  literalLength: number;
}

const LABEL = `(?:[a-z0-9-]|${HOLE})+`;

export class HostMatcher {
  private readonly compiled: CompiledPattern[] = [];

  constructor(catalog: Catalog) {
    for (const provider of catalog.providers) {
      for (const pattern of provider.hosts) this.compiled.push(compile(provider, pattern));
    }
    // Most specific first: `aiplatform.eu.rep.googleapis.com` before `{region}-aiplatform.googleapis.com`.
    this.compiled.sort((a, b) => b.literalLength - a.literalLength);
  }

  match(host: string): HostMatch | null {
    const h = host.toLowerCase().replace(/\.$/, '');
    for (const c of this.compiled) {
      const m = c.re.exec(h);
      if (!m) continue;
      const regionText = c.regionGroup > 0 ? (m[c.regionGroup] ?? null) : null;
      const regionUnknown = regionText !== null && regionText.includes(HOLE);
      return {
        provider: c.provider,
        pattern: c.pattern,
        region: regionUnknown ? null : (regionText ?? c.pattern.location ?? null),
        regionUnknown,
      };
    }
    return null;
  }

  /**
   * The catalogued host that `host` (as parseUrl gives it) only looks like: non-ASCII
   * characters that Unicode lists as confusable with ASCII ones, or ASCII letters with marks
   * added, in a host the catalog does not know. Null for a catalogued host or any other, and
   * for imitations of self-hosted names.
   */
  /**
   * Why a URL's host cannot be trusted, if it cannot: URL parsers read different hosts from
   * it, or its host only looks like a catalogued one. Either way it is no provider's.
   */
  spoof(url: ParsedUrl): Lookalike | null {
    if (url.otherHost !== undefined) return { of: url.otherHost, chars: [], readings: { whatwg: url.host, rfc3986: url.otherHost } };
    return this.match(url.host) ? null : this.lookalike(url.host);
  }

  lookalike(host: string): Lookalike | null {
    // Most hosts are ASCII through and through: nothing to imitate with.
    if (!/xn--|[^\0-\x7f]/i.test(host)) return null;
    const unicode = host.split('.').map((label) => labelToUnicode(label) ?? label).join('.');
    let skeleton = '';
    const chars: string[] = [];
    for (const c of unicode) {
      if (c.charCodeAt(0) < 0x80) {
        skeleton += c;
        continue;
      }
      const confusable = CONFUSABLES.get(c);
      // A letter with marks added (á, ö, ạ) looks like the letter without them.
      const ascii = confusable?.ascii ?? c.normalize('NFD').replace(/\p{M}/gu, '');
      if (!/^[a-z0-9-]$/.test(ascii)) return null;
      skeleton += ascii;
      const what = `${confusable ? `${confusable.script} ` : ''}U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} for ${ascii}`;
      if (!chars.includes(what)) chars.push(what);
    }
    if (chars.length === 0 || this.match(host)) return null;
    // Names on your own network (localhost, *.internal) have no provider facts to borrow.
    const imitated = this.match(skeleton);
    if (!imitated || imitated.provider.kind === 'self-hosted') return null;
    // With a part unknown (HOLE), the catalog's pattern says what is imitated.
    return { of: skeleton.includes(HOLE) ? imitated.pattern.pattern : skeleton, chars };
  }
}

/** A host that is not a catalogued one but is written to look like it, or a URL whose host depends on who parses it. */
export interface Lookalike {
  /** The catalogued host it imitates (or the other host the URL names). */
  of: string;
  /** Which characters imitate which ASCII ones ("Cyrillic U+0430 for a"). */
  chars: string[];
  /** Set when URL parsers disagree: the host each reads. */
  readings?: { whatwg: string; rfc3986: string };
}

function compile(provider: Provider, pattern: HostPattern): CompiledPattern {
  return { ...compileHostPattern(pattern.pattern), provider, pattern };
}

/** A host pattern (`{region}`, `{resource}` and `*` placeholders) as a regular expression over a whole host. */
export function compileHostPattern(pattern: string): { re: RegExp; regionGroup: number; literalLength: number } {
  let source = '';
  let group = 0;
  let regionGroup = 0;
  let literalLength = 0;
  const re = /\{region\}|\{resource\}|\*|[^{*]+/g;
  for (const m of pattern.matchAll(re)) {
    const part = m[0];
    if (part === '{region}') {
      regionGroup = ++group;
      source += `(${LABEL})`;
    } else if (part === '{resource}') {
      source += LABEL;
    } else if (part === '*') {
      source += `${LABEL}(?:\\.${LABEL})*`;
    } else {
      literalLength += part.length;
      source += part.replace(/[.\\+?^$|()[\]]/g, '\\$&');
    }
  }
  return { re: new RegExp(`^${source}$`), regionGroup, literalLength };
}

export interface ParsedUrl {
  /**
   * The host as the WHATWG URL parser reads it (what the SDKs connect to): lower case, IDNA
   * mapped (fullwidth letters, ideographic full stops, ignored zero-width characters), Punycode
   * for what stays non-ASCII, percent-escapes decoded, no trailing dot. HOLE where unknown.
   */
  host: string;
  port: string | null;
  path: string;
  /** Offsets of the host as written in the input text (what a fix replaces). */
  hostStart: number;
  hostEnd: number;
  /**
   * The host an RFC 3986 parser (Python's httpx and urllib) reads, when it is another one:
   * those end the authority at `/ ? #` only, so `https://a.example\@b.example/` is a.example
   * to a JavaScript SDK and b.example to a Python one.
   */
  otherHost?: string;
  /** A label of the host is a placeholder for a person to fill in (`your-resource-name`); it is HOLE in `host`. */
  placeholder?: true;
}

// Schemes the engine reads. http(s) and ws(s) are "special" in the WHATWG URL standard: `\` is a
// path separator there, and any run of `/` and `\` may follow the colon.
const SPECIAL_SCHEME = /^(?:https?|wss?):[/\\\t\n\r]*/i;
const OTHER_SCHEME = /^grpcs?:\/\//i;
// A bare host has a dot (as the URL parser maps them) before any `/`, unless it is a loopback name.
const MAYBE_BARE_HOST = /^(?:[^/\\?#\s]*[.\u3002\uFF0E\uFF61]|localhost\b|\[::1\])/i;
// HOLE (\u0000) may stand in for any unresolved part of a host.
// eslint-disable-next-line no-control-regex
const BARE_HOST = /^(?:[a-z0-9\u0000](?:[a-z0-9\u0000-]*[a-z0-9\u0000])?\.)+[a-z\u0000][a-z0-9\u0000-]*$|^localhost$|^\[::1\]$/;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
// Letters, digits, hyphens and HOLE in non-empty labels: the URL parser only lower-cases such a
// host, unless its last label makes it an IPv4 address (`127.1`, `0x7f`) or a label is Punycode.
// eslint-disable-next-line no-control-regex
const PLAIN_HOST = /^(?!xn--)[a-z0-9\u0000-]+(?:\.(?!xn--)[a-z0-9\u0000-]+)*\.?$/i;
const NUMERIC_LABEL = /(?:^|\.)(?:[0-9]+|0x[0-9a-f]*)\.?$/i;
// The URL parser refuses HOLE in a host; this label fragment goes through it unchanged and back.
const HOLE_STAND_IN = 'hole-5f3c1e0';

/**
 * The host of a URL, or of a bare host name (`api.openai.com`, `localhost:11434`), as the
 * WHATWG URL parser (Node's and the browsers' `URL`, which the SDKs use) reads it.
 * Text that merely mentions a URL inside a sentence is not an endpoint and gives null, and so
 * does a URL the parser refuses (the SDK could not send anything to it).
 */
export function parseUrl(text: string): ParsedUrl | null {
  const scheme = SPECIAL_SCHEME.exec(text) ?? OTHER_SCHEME.exec(text);
  if (!scheme && !MAYBE_BARE_HOST.test(text)) return null;
  const special = !scheme || !/^grpc/i.test(scheme[0]);
  const start = scheme ? scheme[0].length : 0;
  // The authority ends at the path, query or fragment; the last `@` in it ends the user info.
  let end = start;
  while (end < text.length && !'/?#'.includes(text[end]!) && !(special && text[end] === '\\')) end++;
  const at = text.lastIndexOf('@', end - 1);
  if (!scheme && at >= start) return null; // a bare host has no user info (`bob@example.com` is an e-mail address)
  const hostStart = at >= start ? at + 1 : start;
  // The host ends at a `:` outside an IPv6 literal's brackets; the port follows.
  let hostEnd = hostStart;
  for (let inBrackets = false; hostEnd < end; hostEnd++) {
    const c = text[hostEnd];
    if (c === '[') inBrackets = true;
    else if (c === ']') inBrackets = false;
    else if (c === ':' && !inBrackets) break;
  }
  const written = text.slice(hostStart, hostEnd);
  const filled = withoutPlaceholders(written);
  const host = hostOfAuthority(filled ?? written);
  if (host === null || (!scheme && !BARE_HOST.test(host))) return null;
  let port: string | null = null;
  if (hostEnd < end) {
    port = text.slice(hostEnd + 1, end).replace(TAB_OR_NEWLINE, '');
    // eslint-disable-next-line no-control-regex
    if (!/^[0-9\u0000]*$/.test(port) || (!port.includes(HOLE) && Number(port) > 65535)) return null;
  }
  const rest = text.slice(end);
  const pathEnd = rest.search(/[?#]/);
  const path = pathEnd >= 0 ? rest.slice(0, pathEnd) : rest;
  const parsed: ParsedUrl = { host, port, path: special ? path.replace(/\\/g, '/') : path, hostStart, hostEnd };
  const otherHost = text[end] === '\\' ? rfc3986Host(text, start) : null;
  if (otherHost !== null && otherHost !== host) parsed.otherHost = otherHost;
  if (filled !== null) parsed.placeholder = true;
  return parsed;
}

/** Words that mark a host label as one for a person to fill in: `your-resource-name`, `YOUR_ENDPOINT`, `xxxx`. */
// `your` as a word of its own (`your-resource`, `YOUR_ENDPOINT`), never a prefix of one (`yourhealth-prod`).
const PLACEHOLDER_WORD = /^(?:your|x{3,}|placeholder|changeme|replaceme)$/;
/**
 * Whether a setting's whole value is a placeholder for a person to fill in (`YOUR_VALUE_HERE`,
 * `YOUR VALUE HERE`, `your-project-id`, `<region>`, `{location}`, `changeme`): as good as not set.
 */
export function isPlaceholderValue(text: string): boolean {
  const value = text.trim();
  if (/^(?:<[^<>]*>|\{[^{}]*\}|\[[^[\]]*\])$/.test(value)) return true;
  return value.toLowerCase().split(/[-_\s]+/).filter(Boolean).some((w) => PLACEHOLDER_WORD.test(w));
}

/** Labels made only of these words name the kind of thing to write there (`resource-name`, `endpoint`). */
const GENERIC_WORDS = new Set(['resource', 'name', 'endpoint', 'instance', 'service', 'account', 'subdomain', 'here']);
// One of these among the generic words: `service`, `name` or `account` alone label real hosts (`vllm.service.consul`).
const PLACEHOLDER_NOUNS = new Set(['resource', 'endpoint', 'instance', 'subdomain', 'here']);

/**
 * The host with each placeholder label replaced by HOLE, or null when it has none. A label
 * is a placeholder when it is in template brackets (`<resource>`, `{resource}`), a wildcard,
 * a word such as `your`/`YOUR_`/`xxx`, or only generic words (`resource-name`, `ENDPOINT`).
 * Not `my-`: real resources are named so (`mycompany-openai`). Not `example`: example.com
 * is a real reserved domain that docs and tests use for a gateway, an unknown host as written.
 * Not capitals alone: hosts are case-insensitive and written so (`EU.api.openai.com`).
 */
function withoutPlaceholders(host: string): string | null {
  const labels = host.split('.');
  let changed = false;
  const out = labels.map((label) => {
    const words = label.toLowerCase().split(/[-_\s]+/).filter(Boolean);
    const placeholder =
      /^(?:<[^<>]*>|\{[^{}]*\}|\*)$/.test(label) ||
      words.some((w) => PLACEHOLDER_WORD.test(w)) ||
      (labels.length > 1 && words.length > 0 && words.every((w) => GENERIC_WORDS.has(w)) && words.some((w) => PLACEHOLDER_NOUNS.has(w)));
    if (placeholder) changed = true;
    return placeholder ? HOLE : label;
  });
  return changed ? out.join('.') : null;
}

/** The host of an authority read as RFC 3986 does (it ends at `/ ? #`; `\` is just a character); null when there is none. */
function rfc3986Host(text: string, start: number): string | null {
  let end = start;
  while (end < text.length && !'/?#'.includes(text[end]!)) end++;
  const at = text.lastIndexOf('@', end - 1);
  const hostStart = at >= start ? at + 1 : start;
  const colon = text.indexOf(':', hostStart);
  return hostOfAuthority(text.slice(hostStart, colon >= 0 && colon < end ? colon : end));
}

/** Whether text starts as a URL of a scheme the engine reads (`https://`), whether or not the parser accepts the rest. */
export function hasUrlScheme(text: string): boolean {
  return /^(?:https?|wss?|grpcs?):\/\//i.test(text);
}

/**
 * A host as the policy names it (a bare name or a URL, `https://gw.example.com:4000/v1`),
 * normalised as the URL parser reads it, so that it compares equal to endpoints' hosts.
 */
export function normalizeHost(text: string): string {
  const bare = text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return parseUrl(`https://${bare}`)?.host ?? bare.toLowerCase().replace(/[:/].*$/, '');
}

/** The host the URL parser reads from the host part of an authority; null when it refuses it. */
function hostOfAuthority(raw: string): string | null {
  // A space is never part of a host (the parser refuses it): text that mentions a URL in a
  // sentence is turned away here, before a parse whose throw costs more than the parse.
  if (raw.includes(' ')) return null;
  // Plain ASCII names (the common case) come out of the parser lower-cased and nothing else.
  if (PLAIN_HOST.test(raw) && !NUMERIC_LABEL.test(raw)) return raw.toLowerCase().replace(/\.$/, '');
  // A non-special URL's authority may hold `\\`, which the parser refuses in a host.
  if (raw.replace(TAB_OR_NEWLINE, '') === '' || raw.includes('\\')) return null;
  // Any scheme's host is judged as a special URL's (IDNA, percent-decoding, IP forms).
  let hostname: string;
  try {
    // (Not URL.canParse: Node 20's gives false for some valid non-ASCII hosts once optimised.)
    hostname = new URL(`https://${raw.replaceAll(HOLE, HOLE_STAND_IN)}`).hostname;
  } catch {
    return null;
  }
  const labels = hostname.replace(/\.$/, '').split('.').map((label) => {
    // A label with HOLE and non-ASCII text comes back as Punycode: decode it to put HOLE back.
    const unicode = labelToUnicode(label);
    return unicode?.includes(HOLE_STAND_IN) ? unicode.replaceAll(HOLE_STAND_IN, HOLE) : label;
  });
  return labels.join('.') || null;
}

/**
 * Loopback, private and link-local IP addresses: an endpoint there is on your own network.
 * Host names such as `localhost` and `*.internal` are in the catalog's self-hosted provider.
 */
export function isPrivateAddress(host: string): boolean {
  if (host === '[::1]' || host === '::1') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** Ports and paths that give a URL on your own machine or network away as an LLM server. */
const LLM_PORTS = ['11434', '1234'];
// OpenAI-compatible /v1/chat/completions and /v1/completions, Ollama's /api/generate and
// llama.cpp's /completion. Paths other APIs share (/v1/messages, /api/chat) would make the
// prefilter pass a large share of ordinary code, which these anchors must not.
const LLM_PATHS = ['/completion', '/api/generate'];
const LLM_PATH = new RegExp(`(?:${LLM_PATHS.map((p) => p.replace(/\//g, '\\/')).join('|')})s?\\b`);

/** Whether a URL's path is one of the inference paths local LLM servers answer (not just their port). */
export function hasLlmPath(url: ParsedUrl): boolean {
  return LLM_PATH.test(url.path);
}

/** Text that must be in a file for one of its URLs to look like an LLM server (prefilter anchors). */
export const LLM_SERVER_ANCHORS = [...LLM_PORTS.map((p) => `:${p}`), ...LLM_PATHS];

/** Whether a (local) URL is an LLM server by its port (Ollama, LM Studio) or API path. */
export function looksLikeLlmServer(url: ParsedUrl): boolean {
  return (url.port !== null && LLM_PORTS.includes(url.port)) || LLM_PATH.test(url.path);
}
