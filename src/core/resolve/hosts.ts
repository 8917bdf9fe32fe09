// Host names to providers, using the catalog's host patterns. Hosts may contain HOLE
// characters where a value could not be resolved statically (f"https://{LOC}-aiplatform...").

import type { Catalog, HostPattern, Provider } from '../catalog/types';

/** Stands for text whose value is not known statically. */
export const HOLE = '\u0000';

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
}

function compile(provider: Provider, pattern: HostPattern): CompiledPattern {
  let source = '';
  let group = 0;
  let regionGroup = 0;
  let literalLength = 0;
  const re = /\{region\}|\{resource\}|\*|[^{*]+/g;
  for (const m of pattern.pattern.matchAll(re)) {
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
  return { re: new RegExp(`^${source}$`), provider, pattern, regionGroup, literalLength };
}

export interface ParsedUrl {
  host: string;
  port: string | null;
  path: string;
  /** Offsets of the host within the input text. */
  hostStart: number;
  hostEnd: number;
}

const SCHEME = /^(?:https?|wss?|grpcs?):\/\//i;
// HOLE (\u0000) may stand in for any unresolved part of a host.
// eslint-disable-next-line no-control-regex
const BARE_HOST = /^(?:[a-z0-9\u0000](?:[a-z0-9\u0000-]*[a-z0-9\u0000])?\.)+[a-z\u0000][a-z0-9\u0000-]*(?::\d+)?(?:\/|$)/i;

/**
 * The host of a URL, or of a bare host name (`api.openai.com`, `localhost:11434`).
 * Text that merely mentions a URL inside a sentence is not an endpoint and gives null.
 */
export function parseUrl(text: string): ParsedUrl | null {
  let start = 0;
  const scheme = SCHEME.exec(text);
  if (scheme) start = scheme[0].length;
  else if (!BARE_HOST.test(text) && !/^(?:localhost|\[::1\])(?::\d+)?(?:\/|$)/i.test(text)) return null;
  // Skip user info.
  const at = text.indexOf('@', start);
  const slash = text.indexOf('/', start);
  if (at >= 0 && (slash < 0 || at < slash)) start = at + 1;
  let end = start;
  if (text[start] === '[') {
    end = text.indexOf(']', start) + 1;
    if (end <= 0) return null;
  } else {
    while (end < text.length && !'/:?#'.includes(text[end]!)) end++;
  }
  const host = text.slice(start, end);
  if (host.length === 0 || /\s/.test(host)) return null;
  let port: string | null = null;
  let p = end;
  if (text[p] === ':') {
    let q = p + 1;
    while (q < text.length && (/[0-9]/.test(text[q]!) || text[q] === HOLE)) q++;
    port = text.slice(p + 1, q);
    p = q;
  }
  const rest = text.slice(p);
  const pathEnd = rest.search(/[?#]/);
  return { host: host.toLowerCase(), port, path: pathEnd >= 0 ? rest.slice(0, pathEnd) : rest, hostStart: start, hostEnd: end };
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

/** Text that must be in a file for one of its URLs to look like an LLM server (prefilter anchors). */
export const LLM_SERVER_ANCHORS = [...LLM_PORTS.map((p) => `:${p}`), ...LLM_PATHS];

/** Whether a (local) URL is an LLM server by its port (Ollama, LM Studio) or API path. */
export function looksLikeLlmServer(url: ParsedUrl): boolean {
  return (url.port !== null && LLM_PORTS.includes(url.port)) || LLM_PATH.test(url.path);
}
