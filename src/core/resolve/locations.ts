// Region and zone ids to locations, with the catalog's jurisdiction facts.

import type { Catalog, HostPattern, Provider, RegionSet } from '../catalog/types';
import type { ResolvedLocation } from '../model';

export class Locations {
  private readonly sets = new Map<string, { set: RegionSet; patterns: RegExp[] }>();

  constructor(catalog: Catalog) {
    for (const set of catalog.regionSets) {
      this.sets.set(set.id, { set, patterns: set.patterns.map((p) => new RegExp(`^(?:${p.pattern})$`)) });
    }
  }

  /** The region set a provider's regions belong to (the first host pattern that names one). */
  regionSetOf(provider: Provider): string | undefined {
    return provider.hosts.find((h) => h.regionSet)?.regionSet;
  }

  /**
   * Looks `id` up in the provider's own locations, then in the region set of the host
   * pattern (or of the provider). Unknown ids give a location with `euResident: null`.
   */
  resolve(provider: Provider, id: string, pattern?: HostPattern): ResolvedLocation {
    const own = provider.locations?.find((l) => l.id === id);
    if (own) return { ...own };
    const setId = pattern?.regionSet ?? this.regionSetOf(provider);
    const entry = setId ? this.sets.get(setId) : undefined;
    if (entry) {
      const known = entry.set.locations.find((l) => l.id === id);
      if (known) return { ...known };
      for (let i = 0; i < entry.patterns.length; i++) {
        if (entry.patterns[i]!.test(id)) {
          const p = entry.set.patterns[i]!;
          return {
            id, name: id, jurisdiction: p.jurisdiction, euResident: p.euResident, countries: p.countries, oneOf: true,
            ...(p.note ? { note: p.note } : {}), sources: p.sources,
          };
        }
      }
    }
    return {
      id, name: id, jurisdiction: 'unknown', euResident: null, countries: null,
      note: `"${id}" is not a region the catalog knows for ${provider.name}.`, sources: [],
    };
  }

  /** Whether `id` is a known region or zone for the provider (used to tell regions from other strings). */
  isKnown(provider: Provider, id: string): boolean {
    if (provider.locations?.some((l) => l.id === id)) return true;
    const setId = this.regionSetOf(provider);
    const entry = setId ? this.sets.get(setId) : undefined;
    return !!entry && (entry.set.locations.some((l) => l.id === id) || entry.patterns.some((re) => re.test(id)));
  }
}
