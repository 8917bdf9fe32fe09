// Whose word a source is. A yes/no posture fact must rest on the vendor's own page (its
// domains are listed per provider) or, for the EU AI Act GPAI Code of Practice, on the
// European Commission's signatory list; everything else is a third party's claim.
import type { Posture, Provider, Source } from './types';

/** The Commission publishes the GPAI Code of Practice and its signatory list. */
export const GPAI_AUTHORITY_DOMAINS = ['ec.europa.eu'];

/** User-written pages on a vendor's site (Q&A answers, community forums) are not the vendor's word. */
const COMMUNITY_PAGES = [/^learn\.microsoft\.com\/[^/]+\/answers\//, /^community\./];

/** `host/path` of an https URL, lower-cased host, without query or fragment; null when it is not one. */
function hostAndPath(url: string): string | null {
  const m = /^https:\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}${m[2] || '/'}` : null;
}

/** `domain` is a host ('openai.com', which covers its subdomains) or a 'host/path' prefix ('github.com/openai'). */
export function onDomain(url: string, domain: string): boolean {
  const at = hostAndPath(url);
  if (!at) return false;
  const slash = domain.indexOf('/');
  const host = (slash < 0 ? domain : domain.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : domain.slice(slash).toLowerCase();
  const urlHost = at.slice(0, at.indexOf('/'));
  if (urlHost !== host && !urlHost.endsWith(`.${host}`)) return false;
  // Paths compare whole segments: github.com/openai does not cover github.com/openai-community.
  const urlPath = at.slice(urlHost.length).toLowerCase();
  return path === '' || urlPath === path || urlPath.startsWith(`${path}/`);
}

/** The source is one of the vendor's own pages (not a community page hosted on its site). */
export function isVendorSource(source: Source, provider: Provider): boolean {
  const at = hostAndPath(source.url);
  if (!at || COMMUNITY_PAGES.some((re) => re.test(at))) return false;
  return provider.vendorDomains.some((d) => onDomain(source.url, d));
}

/** A source that can carry a yes/no for this posture fact: the vendor's page, or the Commission's for the GPAI code. */
export function isFirstParty(source: Source, provider: Provider, fact: keyof Posture): boolean {
  if (isVendorSource(source, provider)) return true;
  return fact === 'euAiActGpai' && GPAI_AUTHORITY_DOMAINS.some((d) => onDomain(source.url, d));
}
