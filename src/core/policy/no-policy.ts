// Without a policy nothing is required, so nothing can fail; but a folder with LLM endpoints
// and no findings must not look compliant. Each place an endpoint is chosen gets one
// information-level hint that it was not checked. One function, so the editor and the
// Language Server say the same thing at the same places.

import type { Endpoint, TextRange } from '../model';
import { shownValue, visibleControls } from '../text';
import type { Policy } from './policy';

/** The diagnostic code of a no-policy hint (not a rule: no policy can turn it on or off). */
export const NO_POLICY_CODE = 'no-policy';

export interface NoPolicyHint {
  file: string;
  range: TextRange;
  message: string;
}

const NO_POLICY = ': not checked — no policy in this folder';
const NOTHING_REQUIRED = ': not checked — the policy requires nothing';

/**
 * Whether a folder's endpoints go unchecked: no policy, or one that requires nothing and names
 * no gateway (what `llm-compliance init --yes` writes). Either must not look compliant.
 */
export function checksNothing(policy: Pick<Policy, 'require' | 'gateway'>): boolean {
  return policy.require.length === 0 && !policy.gateway;
}
/** Messages stay short enough to read whole in the Problems view. */
export const NO_POLICY_HINT_MAX = 120;

/** What an endpoint is called in a hint: its host, else its provider, else what little is known. */
function nameOf(e: Endpoint): string {
  return visibleControls(shownValue(e.host ?? e.provider ?? e.vendor ?? 'LLM endpoint'));
}

/** One hint per place (endpoints resolved from several env values share a place), in file and offset order. */
export function noPolicyHints(endpoints: readonly Endpoint[], policy?: Pick<Policy, 'source'>): NoPolicyHint[] {
  const suffix = policy?.source ? NOTHING_REQUIRED : NO_POLICY;
  const byPlace = new Map<string, { file: string; range: TextRange; names: string[] }>();
  for (const e of endpoints) {
    const key = `${e.file}\u0000${e.range.start}\u0000${e.range.end}`;
    const place = byPlace.get(key) ?? { file: e.file, range: { start: e.range.start, end: e.range.end }, names: [] };
    const name = nameOf(e);
    if (!place.names.includes(name)) place.names.push(name);
    byPlace.set(key, place);
  }
  return [...byPlace.values()]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start || a.range.end - b.range.end))
    .map(({ file, range, names }) => ({ file, range, message: `${shorten(names.join(', '), NO_POLICY_HINT_MAX - suffix.length)}${suffix}` }));
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
