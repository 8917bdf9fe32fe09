// EU swaps as text edits: replace a host with the provider's EU host, or a region with
// the provider's EU region, wherever the source spells it exactly. Shared by the code
// and config resolvers, which both describe a value as literal pieces with offsets.

import type { Provider } from '../catalog/types';
import type { Fix, TextEdit } from '../model';
import type { CatalogIndex } from './catalog-index';
import type { Piece } from './values';

/** Replace the host with the provider's EU host, or the region inside it with the EU region. */
export function hostSwapFix(index: CatalogIndex, pieces: Piece[], provider: Provider, host: string, region: string | null): Fix | undefined {
  const swap = provider.euSwap;
  if (!swap) return undefined;
  const euHost = swap.hosts?.[host];
  if (euHost) return fixOf(`Use the EU endpoint ${euHost}`, replaceInPieces(pieces, host, euHost));
  if (region && host.includes(region)) return regionSwapFix(index, pieces, provider, region);
  return undefined;
}

/** Replace a region outside the EU with the provider's EU region. */
export function regionSwapFix(index: CatalogIndex, pieces: Piece[], provider: Provider, region: string): Fix | undefined {
  const euRegion = provider.euSwap?.region;
  if (!euRegion || region === euRegion || index.location(provider, region).euResident === true) return undefined;
  return fixOf(`Use the EU region ${euRegion}`, replaceInPieces(pieces, region, euRegion));
}

export function fixOf(title: string, edits: TextEdit[]): Fix | undefined {
  return edits.length ? { title, edits, isPreferred: true } : undefined;
}

/** Edits replacing every occurrence of `from` inside the pieces the source spells exactly. */
function replaceInPieces(pieces: Piece[], from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const p of pieces) {
    if (!p.verbatim) continue;
    for (let i = p.text.indexOf(from); i >= 0; i = p.text.indexOf(from, i + from.length)) {
      edits.push({ start: p.s + i, end: p.s + i + from.length, newText: to });
    }
  }
  return edits;
}
