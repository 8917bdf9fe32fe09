// Shrinks a failing input to a small one that still fails the same way: chunks of the text
// are deleted, halving the chunk size when none can go (delta debugging, simplified), until
// the time budget runs out. Hangs and memory failures are not shrunk (each try could take
// the whole watchdog period); their mutator chain says how they were made.

import type { Case } from './cases';
import { fromBinary, toBinary } from './mutate';
import { failureClass, type Checker } from './oracles';

export function shrink(checker: Checker, c: Case, keys: string[], budgetMs: number): Case {
  const deadline = performance.now() + budgetMs;
  const fails = (candidate: Case): boolean => checker.check(candidate).failures.some((f) => keys.includes(failureClass(f)));
  const note = (before: number, after: number): string[] => [...c.chain, `shrunk from ${before} to ${after}`];
  if (c.kind === 'file') {
    const data = reduce(toBinary(c.content), (d) => fails({ ...c, content: fromBinary(d) }), deadline);
    return { ...c, content: fromBinary(data), chain: note(c.content.byteLength, data.length) };
  }
  if (c.kind === 'policy') {
    const text = reduce(c.text, (t) => fails({ ...c, text: t }), deadline);
    return { ...c, text, chain: note(c.text.length, text.length) };
  }
  let { patterns, paths } = c;
  patterns = reduceList(patterns, (p) => fails({ ...c, patterns: p, paths }), deadline);
  paths = reduceList(paths, (p) => fails({ ...c, patterns, paths: p }), deadline);
  return { ...c, patterns, paths, chain: [...c.chain, `shrunk to ${patterns.length} patterns x ${paths.length} paths`] };
}

function reduce(data: string, fails: (d: string) => boolean, deadline: number): string {
  // Whole lines first (readable reproducers), then any run of characters.
  for (const unit of ['line', 'char'] as const) {
    let parts = unit === 'line' ? data.split(/(?<=\n)/) : [...data];
    parts = reduceList(parts, (p) => fails(p.join('')), deadline);
    data = parts.join('');
  }
  return data;
}

function reduceList<T>(items: T[], fails: (items: T[]) => boolean, deadline: number): T[] {
  let chunk = Math.max(1, items.length >> 1);
  while (performance.now() < deadline) {
    let removed = false;
    for (let i = 0; i < items.length && performance.now() < deadline;) {
      const candidate = [...items.slice(0, i), ...items.slice(i + chunk)];
      if (candidate.length < items.length && fails(candidate)) {
        items = candidate;
        removed = true;
      } else i += chunk;
    }
    if (chunk === 1 && !removed) break;
    if (!removed) chunk = Math.max(1, chunk >> 1);
  }
  return items;
}
