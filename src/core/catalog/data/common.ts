// Shared dates and sources used by several provider files.
import type { Source } from '../types';

/** Facts re-checked against a stored copy of the source during the 2026-11-27 review. */
export const CHECKED_TODAY = '2026-11-27';
/**
 * Facts re-checked on 2026-12-03 against the vendor's own pages (trust centres, docs, terms)
 * in the stored corpus: a yes/no rests on such a page or became null with the claim in the note.
 */
export const CHECKED_VENDOR_REVIEW = '2026-12-03';
/** Facts taken from the research snapshot whose source carries no better date. */
export const RESEARCH_SNAPSHOT = '2026-08-31';

export function src(url: string, checked: string, thirdParty?: boolean): Source {
  return thirdParty ? { url, checked, thirdParty: true } : { url, checked };
}

/** GitHub source file at a commit (SDK evidence). */
export function gh(repo: string, commit: string, path: string, checked: string): Source {
  return { url: `https://github.com/${repo}/blob/${commit}/${path}`, checked };
}

/** GitHub repository tree at a commit, when the exact file path was not recorded. */
export function ghTree(repo: string, commit: string, checked: string): Source {
  return { url: `https://github.com/${repo}/tree/${commit}`, checked };
}

// EU AI Act GPAI Code of Practice signatory list. The Commission's own list page was not in
// the stored corpus (re-searched 2026-12-03): only these third-party reports of it, so every
// signatory status stays null with the reported status in the note.
export const GPAI_BACKFIELD = src('https://backfield.net/river/card/3707', CHECKED_TODAY, true);
export const GPAI_DIGINTO = src('https://diginto.tech/big-tech-signs-eu-ai-code-but-ai-act-rules-loom', CHECKED_TODAY, true);
export const GPAI_CASRAI = src('https://casrai.org/wp/gpai-code-signatories/', CHECKED_TODAY, true);
export const GPAI_AICV = src('https://aicompliancevendors.com/blog/gpai-code-of-practice-signatories-2026', CHECKED_TODAY, true);
export const GPAI_LEGISLOGIQ = src('https://www.legislogiq.com/our-work/leadingtechoeugpai', CHECKED_TODAY, true);
/** The Commission's invitation to sign: it says the list would be published on 2025-08-01, not who is on it. */
export const GPAI_EC_INVITE = src(
  'https://digital-strategy.ec.europa.eu/en/library/ai-office-invites-providers-sign-gpai-code-practice',
  CHECKED_VENDOR_REVIEW,
);

export const GPAI_SIGNATORY_NOTE =
  'UNKNOWN until the Commission\'s signatory list (published 2025-08-01) is read: several third parties report a full signature (all three chapters).';

/** The research's SDK/host survey (detection-patterns.md) and compliance facts snapshot. */
export const LITELLM_DOCS = src('https://docs.litellm.ai/docs/providers', RESEARCH_SNAPSHOT);

/** Framework SDK behaviour (Semantic Kernel, ADK, LlamaIndex, strands, Claude Agent SDK, Voyage AI) checked on 2026-12-03. */
export const CHECKED_FRAMEWORKS = '2026-12-03';
