// One finding per problem. A value set in a config line (`OPENAI_BASE_URL=` in .env, a compose
// `environment:` entry) and read by code is an endpoint at both places, and both fail the same
// way: the finding stays at the setting, where the fix belongs, and lists the reading code as
// related information; the reading code's identical finding is dropped. A reading finding is
// kept when it is not the same problem (another verdict, another waiver state) or when it
// carries a quick fix of its own, which the setting's finding could not offer.

import type { Finding } from '../model';
import type { EvaluateOptions } from './context';

/** The findings without the reading code's copies of a setting's finding. */
export function onePerProblem(findings: Finding[], options: EvaluateOptions): Finding[] {
  const lineOf = options.lineOf;
  if (!lineOf) return findings;
  const atSettings = new Set<string>();
  for (const f of findings) {
    if (f.endpoint) atSettings.add(`${f.file}:${lineOf(f.file, f.endpoint.range.start)}|${problemKey(f)}`);
  }
  return findings.filter((f) => !(f.endpoint && !f.fixes.length
    && (f.endpoint.env ?? []).some((x) => x.file !== f.file && atSettings.has(`${x.file}:${x.line}|${problemKey(f)}`))));
}

/** What makes two findings the same problem: the rule, the requirement, the verdict's severity, where the endpoint goes, and whether a waiver accepts it. */
function problemKey(f: Finding): string {
  const e = f.endpoint!;
  return JSON.stringify([f.ruleId, f.requirement, f.severity, f.provider, e.host ?? null, e.region ?? null, !!f.suppression]);
}
