// The least any CLI scan of a tree does, in a process of its own: start Node, load the
// engine (the bundle the in-process figures use, as large as the CLI's), walk the tree with
// the CLI's walker, read every file, and run the engine's prefilter over it; no file is
// analysed. The benchmark times it against ripgrep, to show how much of a ratio target is
// left for the analysis itself. Prints {"files", "passed"} as JSON.
// Usage: node scripts/bench/floor.mjs ENGINE_BUNDLE FOLDER

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [bundle, folder] = process.argv.slice(2);
const lib = createRequire(import.meta.url)(path.resolve(bundle));
const engine = new lib.Engine();
let files = 0;
let passed = 0;
for (const file of lib.walk(folder, undefined, [])) {
  files++;
  const kind = lib.formatOf(file)?.kind;
  const prefilter = kind === 'code' || kind === 'notebook' ? engine.prefilters.code : engine.prefilters.config;
  if (prefilter.test(fs.readFileSync(file))) passed++;
}
process.stdout.write(`${JSON.stringify({ files, passed })}\n`);
