// The extension's settings and commands: one typed source. `npm run generate` writes
// package.json's `contributes.configuration` and `contributes.commands` from it, and the
// extension reads settings through `setting()` below, so names cannot drift apart.

import { RULES } from '../core';

export const SECTION = 'llmCompliance';

/** Severities the editor can show; 'off' hides a rule in the editor only (the CLI still fails on it). */
export const EDITOR_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type EditorSeverity = (typeof EDITOR_SEVERITIES)[number];

export interface Settings {
  enable: boolean;
  severity: Partial<Record<string, EditorSeverity>>;
  maxFileSizeKb: number | null;
  debounceMs: number;
}

/** JSON-schema properties for package.json, keyed by setting name without the section. */
export const SETTINGS: { [K in keyof Settings]: { default: Settings[K]; schema: Record<string, unknown>; description: string } } = {
  enable: {
    default: true,
    schema: { type: 'boolean' },
    description: 'Check LLM endpoints in this workspace. Turn off to clear the diagnostics and stop scanning.',
  },
  severity: {
    default: {},
    schema: {
      type: 'object',
      properties: Object.fromEntries(RULES.map((r) => [r.id, { type: 'string', enum: [...EDITOR_SEVERITIES], description: r.title }])),
      additionalProperties: false,
    },
    description: 'Editor-only severity per rule (for example `{"LLMC006": "hint"}`). The policy file decides what fails CI; this only changes how findings look here.',
  },
  maxFileSizeKb: {
    default: null,
    schema: { type: ['number', 'null'], minimum: 1 },
    description: 'Largest file the editor scans, in KB. Unset: the policy\'s `maxFileSizeKb` (1024 by default). Larger files are reported, not scanned.',
  },
  debounceMs: {
    default: 300,
    schema: { type: 'number', minimum: 0, maximum: 5000 },
    description: 'How long to wait after the last keystroke before checking a file again, in milliseconds.',
  },
};

export const COMMANDS = {
  rescan: { title: 'Rescan Workspace', icon: '$(refresh)' },
  createPolicy: { title: 'Create Policy File…' },
  showOutput: { title: 'Show Log' },
  addWaiver: { title: 'Waive This Finding with a Reason…', hidden: true },
  fixAllInFile: { title: 'Fix All Fixable Findings in This File' },
  openProblems: { title: 'Show Findings in the Problems View', hidden: true },
  revealMatrix: { title: 'Show Compliance Matrix', icon: '$(table)' },
  focusProvider: { title: 'Show Provider Details…', icon: '$(info)' },
  exportMatrix: { title: 'Export Compliance Matrix as Markdown', icon: '$(export)' },
  applyEndpointFix: { title: 'Apply the Compliant Swap', icon: '$(lightbulb-autofix)', hidden: true },
  openRule: { title: 'Show Rule Documentation…' },
} as const;

export type CommandName = keyof typeof COMMANDS;
export const commandId = (name: CommandName): string => `${SECTION}.${name}`;
export const CATEGORY = 'LLM Compliance';

/** The sidebar: an activity-bar container with the matrix (a webview) and the endpoint inventory (a tree). */
export const VIEW_CONTAINER = { id: 'llmCompliance', title: 'LLM Compliance', icon: 'media/activity-bar.svg' };
export const VIEWS = {
  matrix: { id: 'llmCompliance.matrix', name: 'Compliance Matrix', type: 'webview' },
  endpoints: { id: 'llmCompliance.endpoints', name: 'Endpoints in This Workspace', type: 'tree' },
} as const;

/** Tree item kinds (TreeItem.contextValue), for the inline actions below. */
export const TREE_ITEMS = { provider: 'provider', unknownProvider: 'provider-unknown', endpoint: 'endpoint', location: 'location', fixable: 'location-fixable' } as const;

export const MENUS = {
  'view/title': [
    { command: 'exportMatrix', when: `view == ${VIEWS.matrix.id}`, group: 'navigation' },
    { command: 'rescan', when: `view == ${VIEWS.endpoints.id}`, group: 'navigation' },
  ],
  'view/item/context': [
    { command: 'applyEndpointFix', when: `view == ${VIEWS.endpoints.id} && viewItem == ${TREE_ITEMS.fixable}`, group: 'inline' },
    { command: 'focusProvider', when: `view == ${VIEWS.endpoints.id} && viewItem == ${TREE_ITEMS.provider}`, group: 'inline' },
  ],
} as const satisfies Record<string, readonly { command: CommandName; when: string; group: string }[]>;
