// One finding per problem. A value set in a config line (`OPENAI_BASE_URL=` in .env, a compose
// `environment:` entry) and read by code is an endpoint at both places, and both fail the same
// way: the finding stays at the setting, where the fix belongs, and lists the reading code as
// related information; the reading code's identical finding is dropped. A reading finding is
// kept when it is not the same problem (another verdict, another waiver state) or when it
// carries a quick fix of its own, which the setting's finding could not offer.

import type { Endpoint, Finding } from '../model';
import type { EvaluateOptions } from './context';

/** The findings without the reading code's copies of a setting's finding; the setting's finding lists their endpoints as `readers`. */
export function onePerProblem(findings: Finding[], options: EvaluateOptions): Finding[] {
  const lineOf = options.lineOf;
  if (!lineOf) return findings;
  const atSettings = new Map<string, Finding>();
  for (const f of findings) {
    const key = f.endpoint && `${f.file}:${lineOf(f.file, f.endpoint.range.start)}|${problemKey(f)}`;
    if (key && !atSettings.has(key)) atSettings.set(key, f);
  }
  const folded = new Map<Finding, Finding>();
  for (const f of findings) {
    if (!f.endpoint || f.fixes.length) continue;
    const setting = (f.endpoint.env ?? []).filter((x) => x.file !== f.file).map((x) => atSettings.get(`${x.file}:${x.line}|${problemKey(f)}`)).find((s) => s && s !== f);
    if (setting) folded.set(f, setting);
  }
  if (!folded.size) return findings;
  const readers = new Map<Finding, Endpoint[]>();
  for (const f of folded.keys()) {
    // A setting may itself read one (compose reads .env): the last in the chain stands for all.
    let setting = folded.get(f)!;
    for (const seen = new Set([f]); folded.has(setting) && !seen.has(setting); seen.add(setting)) setting = folded.get(setting)!;
    if (folded.has(setting)) folded.delete(f); // a cycle: keep the finding rather than lose it
    else readers.set(setting, [...(readers.get(setting) ?? []), f.endpoint!]);
  }
  return findings.filter((f) => !folded.has(f)).map((f) => (readers.has(f) ? { ...f, readers: readers.get(f) } : f));
}

/** What makes two findings the same problem: the rule, the requirement, the verdict's severity, where the endpoint goes, and whether a waiver accepts it. */
function problemKey(f: Finding): string {
  const e = f.endpoint!;
  return JSON.stringify([f.ruleId, f.requirement, f.severity, f.provider, e.host ?? null, e.region ?? null, !!f.suppression]);
}

/** The endpoints a finding judges: its own, and those of the code that reads its setting. */
export function endpointsJudgedBy(f: Finding): Endpoint[] {
  return f.endpoint ? [f.endpoint, ...(f.readers ?? [])] : [];
}
