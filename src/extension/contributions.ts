// The extension's settings and commands: one typed source. `npm run generate` writes
// package.json's `contributes.configuration` and `contributes.commands` from it, and the
// extension reads settings through `setting()` below, so names cannot drift apart.

import { POLICY_FILE_NAMES, RULES } from '../core';

export const SECTION = 'llmCompliance';

/**
 * Project files the engine does not read that still mark a project in a language it reads
 * (a Python project often has nothing else at its root).
 */
export const PROJECT_MARKERS = ['requirements.txt', 'Pipfile', 'setup.cfg'] as const;

/**
 * Files whose presence at a folder's root activates the extension: the policy files, the
 * manifests and configs that projects calling LLM APIs keep at their root (each one a file the
 * engine scans; a unit test checks it), and the project markers above. Exact names only: a
 * `**` glob in `workspaceContains` makes VS Code search the whole tree at every startup.
 */
export const ACTIVATION_FILES = [
  ...POLICY_FILE_NAMES,
  ...PROJECT_MARKERS,
  '.env', '.env.example', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml', 'Dockerfile',
  'package.json', 'pyproject.toml', 'setup.py', 'main.py', 'app.py', 'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Cargo.toml',
  'appsettings.json', 'main.tf', 'main.bicep', 'azure.yaml', 'cdk.json',
  // Deployment-only repositories: a Helm chart, a kustomization, a Terraform module without main.tf.
  '.env.local', 'Chart.yaml', 'values.yaml', 'kustomization.yaml', 'variables.tf', 'terraform.tfvars',
] as const;

/**
 * Languages whose documents activate it when opened: the code languages the engine reads and
 * the IaC/env languages other extensions define. Not YAML, JSON or TOML: every window opens
 * those (settings, CI files), and a folder whose configs matter has one of the files above.
 */
export const ACTIVATION_LANGUAGES = [
  'python', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'go', 'java', 'csharp', 'rust',
  'dockerfile', 'dotenv', 'terraform', 'bicep', 'prompty',
] as const;

/** package.json `capabilities` (their descriptions show in VS Code's trust and virtual-workspace notices). */
export const CAPABILITIES = {
  untrustedWorkspaces: { supported: true, description: 'The engine only reads files; it executes nothing from the workspace.' },
  virtualWorkspaces: {
    supported: 'limited',
    description: 'Files are read through VS Code\'s file system API, so virtual file systems (github.dev, vscode.dev) work, but the workspace is listed with VS Code\'s file search: a virtual file system that offers no file search is never scanned.',
  },
} as const;

/** package.json `activationEvents`; commands, views and walkthroughs activate it implicitly (VS Code 1.74+). */
export const ACTIVATION_EVENTS = [
  ...ACTIVATION_FILES.map((f) => `workspaceContains:${f}`),
  ...ACTIVATION_LANGUAGES.map((l) => `onLanguage:${l}`),
  'onNotebook:jupyter-notebook',
];

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
  openWalkthrough: { title: 'Set Up a Policy (Walkthrough)' },
  askPhi: { title: 'Policy Question: Protected Health Information?', hidden: true },
  askEu: { title: 'Policy Question: EU Personal Data?', hidden: true },
  askCertifications: { title: 'Policy Question: Certifications?', hidden: true },
  askGateway: { title: 'Policy Question: LLM Gateway?', hidden: true },
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
export const TREE_ITEMS = { provider: 'provider', unknownProvider: 'provider-unknown', endpoint: 'endpoint', location: 'location', fixable: 'location-fixable', noPolicy: 'no-policy' } as const;

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

/** Context key: some folder has no policy (and none a broken one); src/extension/no-policy.ts sets it. */
export const NO_POLICY_CONTEXT = `${SECTION}.noPolicy`;

/** The endpoints tree when it is empty and a folder has no policy. */
export const VIEWS_WELCOME = [
  {
    view: VIEWS.endpoints.id,
    contents: `No policy file in this workspace: LLM endpoints are listed, but nothing is checked against HIPAA, EU residency or certifications.\n[Create Policy…](command:${commandId('createPolicy')})\n[Open the Walkthrough](command:${commandId('openWalkthrough')})`,
    when: NO_POLICY_CONTEXT,
  },
];

/** The walkthrough: the decision flow, one question a step, ending with the policy written. Texts in media/walkthrough/. */
const step = (id: string, title: string, description: string, command: CommandName) => ({
  id, title, description: `${description}\n[${id === 'write' ? 'Create Policy' : 'Answer'}](command:${commandId(command)})`,
  // A question's step is done once it is answered (not when its prompt opens: the walkthrough
  // would take the focus from the questions that follow); the last one when the command runs.
  media: { markdown: `media/walkthrough/${id}.md` }, completionEvents: [id === 'write' ? `onCommand:${commandId(command)}` : `onContext:${answeredContext(id)}`],
});
/** Context key set when a walkthrough question is answered. */
export const answeredContext = (question: string): string => `${SECTION}.answered.${question}`;
/** The walkthrough's own id (its full id is `publisher.name#setup`). */
export const SETUP_WALKTHROUGH = 'setup';
export const WALKTHROUGHS = [
  {
    id: SETUP_WALKTHROUGH,
    title: 'Set Up an LLM Compliance Policy',
    description: 'Four questions about your workload; the answers become .llm-compliance.yaml, and every LLM endpoint is checked against it.',
    steps: [
      step('phi', 'Does the workload touch health data (PHI)?', 'If prompts can carry protected health information, HIPAA applies: every endpoint needs a BAA your organisation has signed.', 'askPhi'),
      step('eu', 'Does it handle EU personal data?', 'If data about people in the EU must stay in Europe, choose where it may be processed: the EU, the EEA, or EU adequacy countries.', 'askEu'),
      step('certifications', 'Which certifications does procurement ask for?', 'SOC 2 Type II, ISO/IEC 27001, ISO/IEC 42001, the EU AI Act GPAI Code of Practice: none, some or all.', 'askCertifications'),
      step('gateway', 'Must calls go through your LLM gateway?', 'If your team routes LLM calls through a gateway (audit logs, keys), name its hosts; direct calls are then reported.', 'askGateway'),
      step('write', 'Write the policy', 'Creates .llm-compliance.yaml at the folder\'s root from your answers (questions you skipped are asked now).', 'createPolicy'),
    ],
  },
];
