// How long the extension's bundle took to load: scripts/build.mjs puts a first line in each
// extension bundle that notes performance.now() before any of its code runs.

declare const __llmcLoadStart: number | undefined;

/** Milliseconds from the bundle's first line to now (call it from the entry's top level); 0 when run unbundled. */
export function bundleLoadMs(): number {
  return typeof __llmcLoadStart === 'number' ? performance.now() - __llmcLoadStart : 0;
}
