// The day waivers expire against. Its own module: the CLI's start (cli/last-run.ts) keys a kept
// run by the day without loading the rest of the engine.

/** Today in UTC as YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
