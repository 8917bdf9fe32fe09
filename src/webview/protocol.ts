// Messages between the compliance-matrix webview and the extension. Both sides validate
// what they receive: a webview is a separate page and its messages are untrusted input.

import type { ColumnId, MatrixRow } from '../core/matrix';
import type { Requirement } from '../core/policy/policy';
import { REQUIREMENT_LABELS } from '../core/policy/requirement-labels';

// From the labels, not policy.ts: the webview bundle must not pull in the policy validator.
const REQUIREMENTS = Object.keys(REQUIREMENT_LABELS) as Requirement[];

export interface MatrixColumnInfo {
  id: ColumnId;
  title: string;
  requirement: Requirement | null;
}

/** Extension -> webview. */
export interface MatrixMessage {
  type: 'matrix';
  columns: MatrixColumnInfo[];
  rows: MatrixRow[];
  /** How many providers the catalog has (rows are those the filter keeps). */
  total: number;
  /** The requirement filter: rows shown are those that can meet all of them. */
  filter: Requirement[];
  /** Requirements of the active folder's policy (highlighted columns), and where that policy is. */
  policy: { require: Requirement[]; baa: string[]; file: string | null; folder: string | null; loading: boolean };
  catalogVersion: string;
  today: string;
}

/** Webview -> extension. */
export type ViewRequest =
  | { type: 'ready' }
  | { type: 'filter'; requirements: Requirement[] }
  | { type: 'writePolicy'; requirements: Requirement[] }
  | { type: 'openProvider'; provider: string }
  | { type: 'export' };

const isRequirements = (x: unknown): x is Requirement[] =>
  Array.isArray(x) && x.length <= REQUIREMENTS.length && x.every((r) => (REQUIREMENTS as readonly unknown[]).includes(r));

/** The request, if the value is a well-formed one; undefined otherwise. */
export function parseViewRequest(value: unknown): ViewRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'export':
      return { type: m.type };
    case 'filter':
    case 'writePolicy':
      return isRequirements(m.requirements) ? { type: m.type, requirements: [...new Set(m.requirements)] } : undefined;
    case 'openProvider':
      return typeof m.provider === 'string' && /^[a-z0-9-]{1,40}$/.test(m.provider) ? { type: 'openProvider', provider: m.provider } : undefined;
    default:
      return undefined;
  }
}

export function isMatrixMessage(value: unknown): value is MatrixMessage {
  const m = value as Partial<MatrixMessage> | null;
  return typeof m === 'object' && m !== null && m.type === 'matrix' && Array.isArray(m.rows) && Array.isArray(m.columns) && Array.isArray(m.filter);
}
