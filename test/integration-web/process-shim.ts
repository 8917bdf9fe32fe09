// mocha's browser build reads `process` (stdout, nextTick); the web worker extension host has
// none. esbuild injects this into the suite's bundle as a module-local binding, so the
// extension host's global `process` stays absent and the suite can check that it is.
export const process = {
  env: {},
  argv: [],
  browser: true,
  platform: 'browser',
  cwd: (): string => '/',
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]): void => void Promise.resolve().then(() => fn(...args)),
  stdout: { write: (s: string): boolean => (console.log(s), true) },
  on: (): void => undefined,
  removeListener: (): void => undefined,
  listenerCount: (): number => 0,
};
