// "Fix all": which of a file's fixes are applied together. The extension and the Language
// Server both offer it, so the choice is made once, here.

import type { Finding, Fix, TextEdit } from './model';

/** The one clear fix of a finding: the preferred one, or the only one. */
export function clearFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((f) => f.isPreferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
}

/**
 * Each finding's clear fix, each once (findings on one endpoint share a fix), none touching
 * text an earlier one changes. `usable` refuses a fix the host cannot apply (an edit that
 * falls in another notebook cell).
 */
export function fixAllOf<T extends { finding: Finding }>(items: T[], usable: (item: T, fix: Fix) => boolean = () => true): { item: T; fix: Fix }[] {
  const chosen: { item: T; fix: Fix }[] = [];
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const fix = clearFix(item.finding);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!usable(item, fix) || fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...fix.edits);
    chosen.push({ item, fix });
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start === b.start && a.end === b.end) || (a.start < b.end && b.start < a.end);
}
