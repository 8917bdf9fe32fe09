// What the fuzzer mutates: every file the engine scans under examples/ and test/fixtures/,
// the policy files found there (plus a few that use every policy key), and glob patterns
// (the policies' ignore:, waiver paths and gateway.allow, the repository's .gitignore).
// Loaded in sorted order, so a seed draws the same inputs on every machine.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOf } from '../../src/core/engine';
import { parsePolicy, POLICY_FILE_NAMES } from '../../src/core/policy/policy';

export const ROOT = path.resolve(__dirname, '..', '..');
const SEED_DIRS = ['examples', 'test/fixtures'];

export interface SeedFile {
  /** Path inside its workspace (examples/api/app.py -> api/app.py), as the engine sees it. */
  path: string;
  /** Path from the repository root, for messages. */
  origin: string;
  bytes: Uint8Array;
  format: string;
  /** Index into `policies` of the policy of the workspace the file comes from, if it has one. */
  policy?: number;
}

export interface SeedPolicy {
  origin: string;
  /** `.llm-compliance.yaml` or `.llm-compliance.json`. */
  name: string;
  text: string;
  /** Only mutated, never the policy a mutated file is checked under (it leans on what the engine may refuse). */
  mutateOnly?: true;
}

export interface Corpus {
  files: SeedFile[];
  /** Indexes into `files`, by format. */
  byFormat: Map<string, number[]>;
  policies: SeedPolicy[];
  patterns: string[];
  /** The small workspace every mutated policy is checked against (examples/, without its policy). */
  workspace: { path: string; bytes: Uint8Array }[];
}

/** The per-format label used in counts: the language for code, else the config format. */
export function formatLabel(file: string): string | null {
  const format = formatOf(file);
  if (!format) return null;
  if (format.kind === 'code') return format.lang;
  if (format.kind === 'terraform' && format.varsOnly) return 'tfvars';
  return format.kind;
}

/** Policies that use every key the schema knows, with anchors and aliases where YAML allows them. */
const BUILT_IN_POLICIES: SeedPolicy[] = [
  {
    origin: 'built-in: every key',
    name: '.llm-compliance.yaml',
    text: `$schema: ./schemas/policy.schema.json
require: [hipaa, eu-residency, soc2-type2, iso27001]
baa: [aws-bedrock, google-vertex-ai, azure-openai]
severity:
  LLMC003: warning
  LLMC006: note
failOn: warning
ignore: ["vendor/**", "**/legacy/", "!legacy/keep.py"]
residency: eea
maxFileSizeKb: 512
gateway:
  hosts: [litellm.northwind.internal, "https://gw.example.com:4000/v1"]
  allow: ["litellm/**"]
azure:
  resources:
    acme-swe:
      region: swedencentral
      deployment: DataZoneStandard
waivers:
  - rule: [LLMC002, LLMC003]
    paths: ["web/**"]
    provider: anthropic
    reason: "Marketing copy only; DPA signed (RISK-19)."
    expires: 2099-12-31
    owner: marketing
  - rule: LLMC006
    paths: ["api/**", "notebooks/**"]
    reason: Moves to the proxy with CLIN-88.
`,
  },
  {
    origin: 'built-in: anchors and aliases',
    name: '.llm-compliance.yaml',
    mutateOnly: true,
    text: `require: [hipaa, eu-residency]
baa: &signed [aws-bedrock]
ignore: [&legacy "legacy/**"]
waivers:
  - rule: LLMC002
    paths: [*legacy]
    reason: Legacy code, retired with TICKET-7.
  - rule: LLMC001
    paths: ["api/**"]
    reason: The API moves to Bedrock with TICKET-9.
`,
  },
  {
    origin: 'built-in: JSON',
    name: '.llm-compliance.json',
    text: `{
  "require": ["hipaa", "eu-residency"],
  "baa": ["aws-bedrock", "azure-openai"],
  "severity": { "LLMC003": "error" },
  "failOn": "note",
  "ignore": ["build/"],
  "waivers": [
    { "rule": "LLMC002", "paths": ["infra/**"], "reason": "Load test (RISK-12).", "expires": "2099-01-01", "owner": "platform" }
  ],
  "gateway": { "hosts": ["llm.acme.internal"], "allow": ["gateway/**"] }
}
`,
  },
];

const BUILT_IN_PATTERNS = [
  '*.py', '**/*.ts', 'legacy/', '/legacy/', '**/legacy/**', '!keep.py', 'a/**/b', '**/a/**/a/**/b', 'src/*/x?.js', '[a-c]*.env',
  '\\#hash', 'trailing\\ ', '**', '*', '/', 'node_modules', '.env*', 'docs/**/*.md', '!**/important/**', 'a/b/c/d/e/f/g/h/i/j/**',
];

export function loadCorpus(root = ROOT): Corpus {
  const policies: SeedPolicy[] = [];
  const files: SeedFile[] = [];
  for (const dir of SEED_DIRS) {
    for (const origin of listFiles(path.join(root, dir)).map((f) => path.relative(root, f).split(path.sep).join('/'))) {
      const base = origin.slice(origin.lastIndexOf('/') + 1);
      const text = (): string => fs.readFileSync(path.join(root, origin), 'utf8');
      if (POLICY_FILE_NAMES.includes(base)) policies.push({ origin, name: base.endsWith('.json') ? '.llm-compliance.json' : '.llm-compliance.yaml', text: text() });
      const format = formatLabel(origin);
      if (!format) continue;
      files.push({ path: workspacePath(origin), origin, bytes: fs.readFileSync(path.join(root, origin)), format });
    }
  }
  // A file of a workspace with a policy is checked under that policy as often as not.
  for (const file of files) {
    const dir = workspaceDir(file.origin);
    const own = policies.findIndex((p) => p.origin.startsWith(dir) && !p.origin.slice(dir.length).includes('/'));
    if (own >= 0) file.policy = own;
  }
  policies.push(...BUILT_IN_POLICIES);
  const byFormat = new Map<string, number[]>();
  files.forEach((f, i) => byFormat.set(f.format, [...(byFormat.get(f.format) ?? []), i]));
  const patterns = new Set(BUILT_IN_PATTERNS);
  for (const p of policies) {
    try {
      const policy = parsePolicy(p.name, p.text);
      for (const x of [...policy.ignore, ...policy.waivers.flatMap((w) => w.paths), ...(policy.gateway?.allow ?? [])]) patterns.add(x);
    } catch {
      // A seed policy the engine refuses still serves as text to mutate.
    }
  }
  const gitignore = path.join(root, '.gitignore');
  if (fs.existsSync(gitignore)) for (const line of fs.readFileSync(gitignore, 'utf8').split('\n')) if (line.trim()) patterns.add(line);
  // Without its policy: a mutated policy takes that place.
  const workspace = files.filter((f) => f.origin.startsWith('examples/') && !POLICY_FILE_NAMES.includes(f.path)).map((f) => ({ path: f.path, bytes: f.bytes }));
  return { files, byFormat, policies, patterns: [...patterns].sort(), workspace };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The folder a seed file's workspace starts at: examples/, a test workspace, or a corpus root. */
function workspaceDir(origin: string): string {
  const m = /^(examples\/|test\/fixtures\/workspaces\/[^/]+\/|test\/fixtures\/[^/]+\/)/.exec(origin);
  return m ? m[1]! : '';
}

function workspacePath(origin: string): string {
  return origin.slice(workspaceDir(origin).length);
}
