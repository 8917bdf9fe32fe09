// LLMC007: a waiver must say which rule, why, and until when. One that does not waives
// nothing and is itself a finding. policy/waivers.ts applies the waivers and asks this rule.

import type { Finding, TextRange } from '../model';
import type { Policy } from '../policy/policy';
import { clip, ruleSeverity, type RuleMeta } from './context';

export const meta: RuleMeta<'LLMC007'> = {
  id: 'LLMC007',
  name: 'WaiverInvalid',
  title: 'Waiver without a reason, expired, or malformed',
  requirements: [],
  defaultSeverity: 'warning',
  securitySeverity: '2.0',
  precision: 'very-high',
  ratingReason: 'Low: a waiver problem is an audit-record problem; the finding it covered is reported on its own. Precision very-high: it parses the waiver text itself; nothing is inferred.',
  summary: 'A waiver must say which rule, why, and until when: one without a reason, past its expiry or naming no valid rule does not waive anything.',
  description: [
    'Waivers are audit records of accepted risks. They are written inline, in a comment on the finding\'s line or on the comment lines directly above it:',
    '',
    '```python',
    'client = OpenAI()  # llm-compliance-ignore LLMC002 -- US-only model approved in SEC-142; expires=2027-03-31; owner=alice',
    '```',
    '',
    'or in the policy file under `waivers:` (with `rule`, `paths`, `reason`, `expires`, `owner`, optional `provider`).',
    '',
    'This rule fires on the waiver itself when it has no reason, when its expiry date has passed (the waiver then stops waiving, and the finding it covered is reported again), when the expiry is not a date (YYYY-MM-DD), or when it names no rule or an unknown one. Waived findings stay in the JSON output (with `suppressed`) and appear in SARIF as suppressions with their justification; they do not fail the run.',
    '',
    '**What passes:** give the waiver a reason and, ideally, an owner and an expiry date; renew or remove it when it expires.',
  ].join('\n'),
};

/** What a waiver says, as written (inline or in the policy). */
export interface WaiverText {
  rules: string[];
  reason?: string | undefined;
  expires?: string | undefined;
  /** A field it does not know (inline waivers only). */
  malformed?: string | undefined;
}

/**
 * Why a waiver does not count, as a predicate ("has no reason"), or undefined when it does.
 * `isRule` says which ids are rules (the list of rules imports this module, so it is passed in).
 */
export function waiverProblem(w: WaiverText, today: string, isRule: (id: string) => boolean): string | undefined {
  if (w.malformed) return `has "${clip(w.malformed, 40)}", which is not a field it knows (expires=YYYY-MM-DD, owner=NAME)`;
  if (w.rules.length === 0) return 'names no rule (write it as `llm-compliance-ignore LLMC002 -- reason`)';
  const unknown = w.rules.filter((r) => r === meta.id || !isRule(r));
  if (unknown.length) return `names ${clip(unknown.map((r) => `"${r}"`).join(', '), 50)}, which ${unknown.length > 1 ? 'are not rules' : 'is not a rule'} it can waive`;
  if (!w.reason) return 'has no reason (a waiver must say why the risk is accepted)';
  if (w.expires !== undefined) {
    if (!isDate(w.expires)) return `has the expiry "${clip(w.expires, 30)}", which is not a date (YYYY-MM-DD)`;
    if (w.expires < today) return `expired on ${w.expires}`;
  }
  return undefined;
}

/** The finding at a waiver that waives nothing, or undefined when the policy turns the rule off. */
export function check(file: string, range: TextRange, message: string, policy: Pick<Policy, 'severity'>): Finding | undefined {
  const severity = ruleSeverity(meta, policy);
  if (!severity) return undefined;
  return {
    ruleId: meta.id, severity, file, range, provider: null, message, requirement: 'waivers',
    remedy: 'Give the waiver a reason and a future expiry date, or remove it.', details: [], sources: [], fixes: [],
  };
}

/** A real day written as YYYY-MM-DD. */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
