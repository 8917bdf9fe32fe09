// The list of rules: one module per rule (`llmcNNN-*.ts`, each exporting `meta` and its check).
// SARIF rule descriptors, docs/rules/*.md, the schemas' rule ids and the editor settings are
// generated from it (scripts/generate.ts). Rule ids are a contract and keep their numbers.

import type { RuleId } from '../model';
import type { RuleMeta } from './context';
import * as notCoveredByBaa from './llmc001-not-covered-by-baa';
import * as outsideEu from './llmc002-outside-eu';
import * as locationUnknown from './llmc003-location-unknown';
import * as lacksCertification from './llmc004-lacks-certification';
import * as fallbackNotCompliant from './llmc005-fallback-not-compliant';
import * as gatewayBypassed from './llmc006-gateway-bypassed';
import * as waiverInvalid from './llmc007-waiver-invalid';
import * as notAnalysed from './llmc008-not-analysed';

export type { RuleMeta, RulePrecision } from './context';

/** Every rule, in id order (the order of the docs and of SARIF's `rules`). */
export const RULE_MODULES = [
  notCoveredByBaa, outsideEu, locationUnknown, lacksCertification, fallbackNotCompliant, gatewayBypassed, waiverInvalid, notAnalysed,
] as const;

/** The rule ids the list holds. */
type ListedRuleId = (typeof RULE_MODULES)[number]['meta']['id'];
// model.ts spells RuleId out (rule modules import model.ts, so it cannot import this list back
// without an import cycle); the compiler holds the two equal: a rule missing on either side fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const LIST_MATCHES_RULE_ID: Same<ListedRuleId, RuleId> = true;
void LIST_MATCHES_RULE_ID;

export const RULES: readonly RuleMeta[] = RULE_MODULES.map((m) => m.meta);

export function ruleMeta(id: RuleId): RuleMeta {
  const meta = RULES.find((r) => r.id === id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  return meta;
}
