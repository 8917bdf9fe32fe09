// `npm run fuzz -- [--count N] [--seed S] [--seconds T] [--out DIR] [--workers W]`
//   mutates the examples' and fixtures' files, policies and glob patterns and checks every
//   input (see oracles.ts). Prints the seed (random unless given), progress and a summary;
//   saves each failing input under DIR (default .fuzz/) and exits 1 when any input failed.
// `npm run fuzz -- --seed S --index I`   reruns one input of a run.
// `npm run fuzz -- --replay DIR`         reruns the reproducers saved under DIR.

import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSummary, readCases, runFuzz } from './fuzz';

const HELP = `Usage: npm run fuzz -- [options]
  --count N        inputs to run (default 10000)
  --seed S         run seed, an integer (default: random, printed)
  --index I        run only input I of the seed's run (with --seed)
  --seconds T      stop starting inputs after T seconds
  --out DIR        where reproducers and the summary go (default .fuzz)
  --workers W      worker threads (default 1)
  --hang-ms MS     an input running longer is a hang (default 10000)
  --heap-mb MB     worker heap limit; an input needing more is a memory failure (default 1024)
  --shrink-ms MS   time to shrink the first reproducer of each failure class (default 20000; 0: off)
  --replay DIR     run the cases saved under DIR (case.json files) instead of generated ones
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' }, seed: { type: 'string' }, index: { type: 'string' }, seconds: { type: 'string' }, out: { type: 'string' },
      workers: { type: 'string' }, 'hang-ms': { type: 'string' }, 'heap-mb': { type: 'string' }, 'shrink-ms': { type: 'string' }, replay: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const int = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
    return n;
  };
  const seed = int('seed', values.seed, randomInt(2 ** 31));
  const index = values.index === undefined ? undefined : int('index', values.index, 0);
  const out = path.resolve(values.out ?? '.fuzz');
  const cases = values.replay ? readCases(path.resolve(values.replay)) : undefined;
  if (cases && !cases.length) throw new Error(`no case.json under ${values.replay}`);
  const count = cases?.length ?? (index !== undefined ? 1 : int('count', values.count, 10_000));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  log(cases ? `fuzz: replaying ${cases.length} saved cases from ${values.replay}` : `fuzz: seed ${seed}, ${count} inputs${index !== undefined ? ` (input ${index})` : ''}${values.seconds ? `, at most ${values.seconds} s` : ''}`);
  const summary = await runFuzz({
    seed: cases ? -1 : seed, count, ...(index !== undefined ? { first: index } : {}), ...(cases ? { cases } : { out }),
    ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
    workers: int('workers', values.workers, 1),
    hangMs: int('hang-ms', values['hang-ms'], 10_000),
    heapMb: int('heap-mb', values['heap-mb'], 1024),
    shrinkMs: int('shrink-ms', values['shrink-ms'], 20_000),
    log,
  });
  process.stdout.write(formatSummary(summary) + '\n');
  if (!cases) log(`reproducers and summary-${seed}.json: ${path.relative(process.cwd(), out) || '.'}`);
  return summary.failingInputs ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
