// The CLI's start (dist/cli.js). A `scan --cache` whose last run still holds is answered here
// (last-run.ts), in a bundle small enough to load at once; anything else loads the CLI itself
// (dist/cli-main.js: the engine, the catalog, the formats), which stays off that path.

import { createRequire } from 'node:module';
import { replayLastRun } from './last-run';
import type * as Main from './main';

const argv = process.argv.slice(2);
const runCli = (): void => (createRequire(__filename)(__filename.endsWith('.js') ? './cli-main.js' : './main') as typeof Main).run(argv);
replayLastRun(argv).then(
  (code) => (code === undefined ? runCli() : void (process.exitCode = code)),
  // A fault in answering from the cache never stops the scan: it runs, as without the cache.
  () => runCli(),
);
