// How large V8 lets the young generation grow during a scan. It doubles its two semi-spaces
// up to 16 MB each, 32 MB resident for the whole run, a sixth of a large scan's peak. Held
// at 8 MB each (16 MB), the 10k-file bench tree peaks about 25 MB lower at the same CPU time;
// held at 1 MB each, a fifth more CPU time went to promoting what outlives the smaller
// generation (figures in CHANGELOG). Node fixes --max-semi-space-size at start-up, but V8
// reads --semi-space-growth-factor at each growth, so the CLI allows growth below the size
// and stops it there (also after V8 shrank the space, which it may after a full GC).

import * as v8 from 'node:v8';

const HELD_AT = 16 * 1024 * 1024;
let growing = true;

/** Called as the scan reads each file: cheap (one heap statistics call), and a no-op once settled. */
export function holdYoungGeneration(): void {
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young) return;
  const grow = young.space_size < HELD_AT;
  if (grow === growing) return;
  growing = grow;
  v8.setFlagsFromString(`--semi-space-growth-factor=${grow ? 2 : 1}`);
}
