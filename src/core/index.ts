// The engine's public entry: everything a host (the CLI, the desktop and web extensions, the
// LSP server) may use. Hosts import from here only (an ESLint rule holds them to it), so the
// modules behind it can be split and moved without touching a host.

export * from './model';
export { Engine, internalError, tooLargeNote, type EngineOptions, type FileResult, type ScanPass } from './engine';
export { formatOf, readLimit, type FileFormat } from './formats';
export { analyzeWorkspace, firstAnalyzer, WorkspaceIndex, type FirstAnalysis, type IndexState, type StoredEntry, type WorkspaceAnalysis, type WorkspaceIndexOptions, type WorkspaceResults, type WorkspaceSource } from './workspace';
export { restoreResults, storeResults, type StoredResults } from './stored';
export { ALWAYS_SKIPPED_FOLDERS, gitignoreLayer, isExcluded, isIgnored, policyLayer, refusedPatternNotes, type IgnoreLayer } from './files';
export { decodePolicy, emptyPolicy, MAX_POLICY_FILE_BYTES, parsePolicy, POLICY_FILE_NAMES, PolicyError, REQUIREMENTS, type Policy, type PolicyProblem, type Requirement } from './policy/policy';
export { type PolicyChoices, policyTemplate, providersOfferingBaa, providersWithUnconfirmedBaa } from './policy/template';
export { REQUIREMENT_LABELS } from './policy/requirement-labels';
export { todayUtc } from './day';
export { isDate, lineCommentOf, waiverCommentEdit, WaiverInputError } from './policy/waivers';
export { nearestPolicy, type PolicyLookup } from './policy/discovery';
export { checksNothing, NO_POLICY_CODE, NO_POLICY_HINT_MAX, noPolicyHints, type NoPolicyHint } from './policy/no-policy';
export { RULES, ruleMeta } from './rules/rules';
export { clearFix, fixAllOf } from './fix-all';
export { endpointsJudgedBy } from './rules/one-per-problem';
export { catalog } from './catalog/data';
export type { Fact, Provider, ProviderId, Source } from './catalog/types';
export { PROVIDER_IDS } from './catalog/types';
export { endpointCountries, RESIDENCY_ZONES, type ResidencyZone } from './catalog/zones';
export { type CellStatus, type ColumnId, complianceMatrix, filterMatrix, MATRIX_COLUMNS, matrixMarkdown, type MatrixCell, type MatrixRow, type Unmet } from './matrix';
export { lastAtOrBelow, LineIndex, shownValue, visibleControls } from './text';
export { closestMatch } from './suggest';
export { parseNotebook, type NotebookCell } from './scan/config/notebook';
