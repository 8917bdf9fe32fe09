// EU swaps as text edits: replace a host with the provider's EU host (or the host of its
// EU region), or a region value with the EU region, where the source spells it exactly.
// Edits touch only the host, a whole region value, or a `/locations/<region>/` path
// segment, never other text that happens to contain the same letters.

import type { Provider } from '../catalog/types';
import { unionCountries, type Countries } from '../catalog/zones';
import type { Fix, TextEdit } from '../model';
import type { CatalogIndex } from './catalog-index';
import { HOLE, type ParsedUrl } from './hosts';
import type { Piece } from './values';

/** Replace a URL's host with the provider's EU host, or with the host of its EU region. */
export function hostSwapFix(
  index: CatalogIndex, text: string, pieces: Piece[], url: ParsedUrl, provider: Provider, region: string | null,
): Fix | undefined {
  const swap = provider.euSwap;
  if (!swap) return undefined;
  let euHost = swap.hosts?.[url.host];
  let title = `Use the EU endpoint ${euHost}`;
  if (!euHost && region && swap.region && index.location(provider, region).euResident !== true) {
    euHost = index.hostForRegion(provider, swap.region)?.host;
    title = `Use the EU region ${swap.region}`;
  }
  if (!euHost) return undefined;
  const placed = placePieces(text, pieces);
  if (!placed) return undefined;
  const edits: TextEdit[] = [];
  const host = editAt(placed, url.hostStart, url.hostEnd, euHost);
  if (!host) return undefined;
  edits.push(host);
  // A Vertex path names the location too: /locations/us-central1/.
  if (region && swap.region && title.startsWith('Use the EU region')) {
    const segment = `/locations/${region}/`;
    for (let i = text.indexOf(segment, url.hostEnd); i >= 0; i = text.indexOf(segment, i + segment.length)) {
      const edit = editAt(placed, i + 11, i + 11 + region.length, swap.region);
      if (edit) edits.push(edit);
    }
  }
  return fixOf(title, edits, countriesOfHost(index, euHost));
}

/** The countries the place `host` serves may process data in (null when the host names no known place). */
export function countriesOfHost(index: CatalogIndex, host: string): Countries {
  const target = index.matchHost(host);
  return target?.region ? index.location(target.provider, target.region, target.pattern).countries ?? null : null;
}

/** Where the provider's EU swap (hosts, region, inference profile) may process data: what its advice leads to. */
export function euSwapCountries(index: CatalogIndex, provider: Provider): Countries {
  const swap = provider.euSwap;
  if (!swap) return null;
  const places: Countries[] = Object.values(swap.hosts ?? {}).map((host) => countriesOfHost(index, host));
  if (swap.region) places.push(index.location(provider, swap.region).countries ?? null);
  if (swap.profilePrefix) places.push(profileCountries(provider, swap.profilePrefix));
  return places.length ? places.reduce(unionCountries) : null;
}

/** Replace a region value outside the EU (the whole value) with the provider's EU region. */
export function regionSwapFix(index: CatalogIndex, pieces: Piece[], provider: Provider, region: string): Fix | undefined {
  const euRegion = provider.euSwap?.region;
  if (!euRegion || region === euRegion || index.location(provider, region).euResident === true) return undefined;
  const piece = pieces.length === 1 ? pieces[0] : undefined;
  if (!piece?.verbatim || piece.text.trim() !== region) return undefined;
  const at = piece.s + piece.text.indexOf(region);
  return fixOf(`Use the EU region ${euRegion}`, [{ start: at, end: at + region.length, newText: euRegion }], index.location(provider, euRegion).countries ?? null);
}

/**
 * Replace a Bedrock inference-profile prefix (`us.`, `global.`) in a model id with the EU
 * one. `text` is the id as the source spells it (verbatim), starting at offset `start`.
 */
export function profileSwapFix(provider: Provider, text: string, start: number, prefix: string): Fix | undefined {
  const eu = provider.euSwap?.profilePrefix;
  const at = text.indexOf(prefix);
  if (!eu || at < 0) return undefined;
  return fixOf(`Use the EU inference profile ${eu}`, [{ start: start + at, end: start + at + prefix.length, newText: eu }], profileCountries(provider, eu));
}

/** The countries of the inference profile a model-id prefix names (`eu.` -> the `profile:eu` location). */
function profileCountries(provider: Provider, prefix: string): Countries {
  return provider.locations?.find((l) => l.id === `profile:${prefix.replace(/\.$/, '')}`)?.countries ?? null;
}

/** One fix made of several, all applied together (their edits never overlap: each is its own literal). */
export function allOf(fixes: Fix[], titleSuffix: string): Fix | undefined {
  const [first] = fixes;
  return first && fixOf(`${first.title}${titleSuffix}`, fixes.flatMap((f) => f.edits), fixes.map((f) => f.countries ?? null).reduce(unionCountries));
}

/** A fix carries the countries of the place it moves the endpoint to: evaluation offers it only when they fit the policy's zone. */
export function fixOf(title: string, edits: TextEdit[], countries: Countries): Fix | undefined {
  return edits.length ? { title, edits, isPreferred: true, countries } : undefined;
}

interface Placed {
  piece: Piece;
  /** Where the piece's text starts in the resolved text. */
  at: number;
}

/** Where each literal piece sits in the resolved text (unknown parts are HOLE characters). */
function placePieces(text: string, pieces: Piece[]): Placed[] | undefined {
  const out: Placed[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    while (text[cursor] === HOLE) cursor++;
    if (!text.startsWith(piece.text, cursor)) return undefined;
    out.push({ piece, at: cursor });
    cursor += piece.text.length;
  }
  return out;
}

/** An edit replacing text[from, to) when one verbatim piece spells all of it. */
function editAt(placed: Placed[], from: number, to: number, newText: string): TextEdit | undefined {
  const p = placed.find((x) => x.at <= from && to <= x.at + x.piece.text.length);
  if (!p?.piece.verbatim) return undefined;
  return { start: p.piece.s + (from - p.at), end: p.piece.s + (to - p.at), newText };
}
