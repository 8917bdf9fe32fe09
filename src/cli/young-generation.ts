// How large V8 lets the young generation grow during a scan. It doubles its two semi-spaces
// up to 16 MB each: 32 MB resident for the whole run, a sixth of a large scan's peak. Held
// at 8 MB each (16 MB in all), the 10k-file bench tree peaked 25-40 MB lower at the same CPU
// time; held smaller it got worse on both counts (1 MB semi-spaces: a fifth more CPU time;
// 4 MB: more promoted to the old generation, which then grew by more than was saved).
// Node fixes --max-semi-space-size at start-up, but V8 reads --semi-space-growth-factor at
// each growth: growth is allowed below the size and stopped there (and allowed again if V8
// shrinks the space after a full GC). It applies to the process that runs the scan.

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
