// Stable ids for findings across runs, shared by the SARIF and GitLab Code Quality outputs so a
// finding keeps one id whichever report carries it.

import type { Finding } from '../../core';
import type { Positions } from '../report';

/** Lines longer than this (minified code) enter a fingerprint by their hash, not their text. */
const LONGEST_FINGERPRINT_LINE = 1024;

/**
 * A hash of the rule, file, provider, host, region and the finding's line text with its white
 * space collapsed (no line number: it survives lines moving above it), then `:N` for the N-th
 * finding (N >= 2) with the same hash in the order asked, so two findings on one line stay two.
 * Ask for every finding of a report in report order (waived ones too) for ids that agree between
 * formats.
 */
export function findingFingerprints(pos: Positions): (f: Finding) => string {
  // Each line is normalised once, however many findings it holds (a minified line can hold thousands).
  const lineParts = new Map<string, string>();
  const linePart = (file: string, line: number): string => {
    const key = `${line}:${file}`;
    let part = lineParts.get(key);
    if (part === undefined) {
      const text = pos.lineText(file, line).trim().replace(/\s+/g, ' ');
      part = text.length > LONGEST_FINGERPRINT_LINE ? `#${fnv(text)}` : text;
      lineParts.set(key, part);
    }
    return part;
  };
  const occurrences = new Map<string, number>();
  return (f) => {
    const line = pos.region(f.file, f.range).line;
    const hash = fnv(`${f.ruleId}|${f.file}|${f.provider}|${f.endpoint?.host}|${f.endpoint?.region}|${linePart(f.file, line)}`);
    const seen = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, seen);
    return seen === 1 ? hash : `${hash}:${seen}`;
  };
}

/** FNV-1a, 64 bits as hex: stable across runs and machines. */
function fnv(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
