// The two files for the per-file latency figure: exactly 1,000 lines of Python and of
// TypeScript in the workspace's style (functions, classes, constants, comments,
// f-strings / template literals), with six different LLM client constructions spread
// through each. This is what the editor re-analyses on every change.

import { WRITERS } from './code.mjs';
import { llmTemplates } from './llm.mjs';
import { Rng } from './prng.mjs';

const LINES = 1000;
const CLIENTS = 6;

export function latencyFile(kind) {
  const r = new Rng(kind === 'py' ? 1001 : 2002);
  const writer = WRITERS[kind];
  const typed = kind === 'ts';
  const snippets = r.shuffle([...llmTemplates(kind)]).slice(0, CLIENTS).map((t) => t(r, typed));
  const file = {};
  const out = writer.header(r, [...new Set(snippets.flatMap((s) => s.imports))], file).trimEnd().split('\n');
  const gap = kind === 'py' ? ['', ''] : [''];
  const add = (code) => out.push(...gap, ...code.split('\n'));
  const budget = (code) => gap.length + code.split('\n').length;

  // Room for the snippets first, then ordinary units, with a snippet after every ~1/6 of them.
  let left = LINES - out.length - snippets.reduce((n, s) => n + budget(s.body), 0);
  const units = [];
  for (let misses = 0; misses < 30;) {
    const u = writer.unit(r, file);
    if (budget(u) > left) {
      misses++;
      continue;
    }
    units.push(u);
    left -= budget(u);
  }
  const every = Math.max(1, Math.floor(units.length / CLIENTS));
  units.forEach((u, i) => {
    if (i % every === 0 && snippets.length) add(snippets.shift().body);
    add(u);
  });
  for (const s of snippets) add(s.body);
  // Pad to exactly 1,000 lines with short constants.
  for (let n = 1; out.length < LINES; n++) out.push(kind === 'py' ? `RETRY_LIMIT_${n} = ${n * 3}` : `export const RETRY_LIMIT_${n} = ${n * 3};`);
  return { name: kind === 'py' ? 'latency/assistant.py' : 'latency/assistant.ts', text: out.join('\n') + '\n' };
}
