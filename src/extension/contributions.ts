// The extension's settings and commands: one typed source. `npm run generate` writes
// package.json's `contributes.configuration` and `contributes.commands` from it, and the
// extension reads settings through `setting()` below, so names cannot drift apart.

import { RULES } from '../core/rules/rules';

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
} as const;

export type CommandName = keyof typeof COMMANDS;
export const commandId = (name: CommandName): string => `${SECTION}.${name}`;
export const CATEGORY = 'LLM Compliance';
