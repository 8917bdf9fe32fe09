// One fuzz input, drawn from the corpus by (seed, index) alone: a mutated file in a small
// workspace, a mutated policy, or glob patterns against deep paths.

import { POLICY_FILE_NAMES } from '../../src/core/policy/policy';
import type { Corpus, SeedPolicy } from './corpus';
import { fromBinary, mutate, show, toBinary, utf8 } from './mutate';
import { inputSeed, Rng } from './rng';

/** The .env every mutated file is analysed with: it sets variables the seed files read. */
export const WORKSPACE_ENV = [
  'OPENAI_BASE_URL=https://api.openai.com/v1',
  'AZURE_OPENAI_ENDPOINT=https://acme-swe.openai.azure.com',
  'AWS_REGION=us-east-1',
  'BILLING_BEDROCK_REGION=us-east-1',
  'ANTHROPIC_BASE_URL=https://api.anthropic.com',
  'GOOGLE_CLOUD_LOCATION=us-central1',
  '',
].join('\n');

interface Common {
  seed: number;
  index: number;
  /** Where the input came from, and the mutations applied, in order. */
  origin: string;
  chain: string[];
  /** For a case read back from a reproducer: the reproducer's folder. */
  savedIn?: string;
}

export interface FileCase extends Common {
  kind: 'file';
  /** The path the engine is given (relative, with `/`). */
  file: string;
  format: string;
  content: Uint8Array;
  /** Handed to the engine as a (lossily decoded) string, as the editor does for open documents, instead of bytes. */
  asString: boolean;
  policy: SeedPolicy;
}

export interface PolicyCase extends Common {
  kind: 'policy';
  /** `.llm-compliance.yaml` or `.llm-compliance.json`. */
  name: string;
  text: string;
}

export interface GlobCase extends Common {
  kind: 'glob';
  patterns: string[];
  paths: string[];
}

export type Case = FileCase | PolicyCase | GlobCase;

/** The format label counted in the summary. */
export function caseFormat(c: Case): string {
  return c.kind === 'file' ? c.format : c.kind;
}

export function generateCase(corpus: Corpus, seed: number, index: number): Case {
  const rng = new Rng(inputSeed(seed, index));
  const kind = rng.weighted([['file', 80], ['policy', 14], ['glob', 6]] as const);
  if (kind === 'glob') return { kind, seed, index, ...globInput(rng, corpus) };
  if (kind === 'policy') {
    const policy = rng.pick(corpus.policies);
    const donors = corpus.policies.filter((p) => p.name === policy.name);
    const { data, chain } = mutate(utf8(policy.text), { rng, format: 'policy', donor: () => utf8(rng.pick(donors).text) });
    return { kind, seed, index, origin: policy.origin, chain, name: policy.name, text: Buffer.from(data, 'latin1').toString('utf8') };
  }
  // Formats in equal measure, so the rare ones (Bicep, tfvars) are not starved by Python.
  const formats = [...corpus.byFormat.keys()].sort();
  const format = rng.pick(formats);
  const same = corpus.byFormat.get(format)!;
  const seedFile = corpus.files[rng.pick(same)]!;
  const donorPool = rng.chance(0.8) ? same : corpus.files.map((_, i) => i);
  const { data, chain } = mutate(toBinary(seedFile.bytes), { rng, format, donor: () => toBinary(corpus.files[rng.pick(donorPool)]!.bytes) });
  // A policy file seed is scanned as YAML/JSON, but not as the workspace's policy (that one stays unmutated).
  let file = POLICY_FILE_NAMES.includes(seedFile.path) ? `config/${seedFile.path}` : seedFile.path;
  if (rng.chance(0.04)) {
    // A hostile folder name: the path reaches every output format.
    const name = rng.pick(['\u001b[2Jdir', 'a\u202eyp.evil', 'sp ace', '%2e%2e', 'tab\there', 'new\nline', 'x\u0085y', 'ünï', 'q"uote', 'back\\slash', 'CR\rdir']);
    file = `${name}/${file}`;
    chain.push(`path ${show(file, 40)}`);
  }
  const policy = seedFile.policy !== undefined && rng.chance(0.5) ? corpus.policies[seedFile.policy]! : rng.pick(corpus.policies.filter((p) => !p.mutateOnly));
  const asString = rng.chance(0.15);
  return { kind: 'file', seed, index, origin: seedFile.origin, chain, file, format, content: fromBinary(data), asString, policy };
}

const GLOB_TOKENS = ['**', '*', '?', 'a', 'b', '/', '!', '[a-b]', '[!a]', '\\', '.', 'legacy', ' ', '#', '**/', '/**', 'a*', '[', ']', '{a,b}', '\\*'];
const SEGMENTS = ['a', 'a', 'a', 'b', 'aa', 'ab', 'legacy', 'src', '.x', 'a b', '#c', '!d', '[e]', 'ü', 'node_modules', 'x.py'];

/** Patterns (mutated seeds, random token strings, and shapes known to backtrack) against deep paths. */
function globInput(rng: Rng, corpus: Corpus): Omit<GlobCase, 'kind' | 'seed' | 'index'> {
  const patterns: string[] = [];
  const chain: string[] = [];
  const count = rng.range(1, 6);
  for (let i = 0; i < count; i++) {
    // Shapes known to backtrack are a few; on an engine that backtracks, each costs the watchdog's 10 s.
    const how = rng.weighted([['seed', 4], ['random', 3], ['nested', 1]] as const);
    let p: string;
    if (how === 'seed') {
      p = rng.pick(corpus.patterns);
      for (let n = rng.range(0, 3); n > 0; n--) {
        const at = rng.int(p.length + 1);
        p = p.slice(0, at) + rng.pick(GLOB_TOKENS) + p.slice(at);
      }
    } else if (how === 'random') {
      p = Array.from({ length: rng.range(1, 40) }, () => rng.pick(GLOB_TOKENS)).join('');
    } else {
      const k = rng.range(2, 25);
      p = rng.pick([
        () => `${'**/a/'.repeat(k)}b`,
        () => `${'a*'.repeat(k)}b`,
        () => `${'**/'.repeat(k)}c`,
        () => `${'*?'.repeat(k)}!`,
        () => `${'[a-z]*'.repeat(k)}#`,
        () => `${'a/**/'.repeat(k)}b/**`,
        () => `/${'*/'.repeat(k)}**/z`,
      ])();
    }
    if (!p) continue;
    patterns.push(p);
    chain.push(`pattern ${show(p, 60)} (${how})`);
  }
  const paths: string[] = [];
  for (let n = rng.range(10, 30); n > 0; n--) {
    const depth = rng.logRange(1, 60);
    const segments = rng.chance(0.4)
      ? [...Array.from({ length: depth }, () => 'a'), rng.pick(['b', 'c', 'x.py', 'a'])]
      : Array.from({ length: depth }, () => (rng.chance(0.1) ? 'a'.repeat(rng.logRange(1, 200)) : rng.pick(SEGMENTS)));
    paths.push(segments.join('/') + (rng.chance(0.3) ? '/' : ''));
  }
  return { origin: 'glob patterns', chain, patterns, paths };
}
