// A byte-level prefilter: one pass of an Aho-Corasick automaton (ASCII case-insensitive)
// over the raw bytes tells whether a file can contain any signal the scanners look for.
// Files without one are never decoded or parsed. The anchors come from the catalog, so
// a new host or SDK can never be filtered out by a stale list.

import type { Catalog, ClientSignal, Provider } from '../catalog/types';
import { WAIVER_MARKER } from '../policy/waivers';
import { normalizeKey, urlOptionKeys } from '../resolve/catalog-index';
import { LLM_SERVER_ANCHORS } from '../resolve/hosts';

/** Above this many states a table is stored compact (see Prefilter): the catalog's own have about 2,500. */
const COMPACT_FROM_STATES = 4096;

export class Prefilter {
  /** True when the bytes contain at least one anchor (ignoring ASCII case). */
  readonly test: (bytes: Uint8Array) => boolean;
  readonly testString: (text: string) => boolean;
  readonly anchors: string[];

  /**
   * Transitions indexed by `state * 256 + byte`, holding the next state already times 256:
   * one table load per byte. (A byte-class table is 7x smaller but needs a second load
   * per byte and measured a third slower.) A large automaton (the variables a large
   * workspace's code reads: 5,600 states, 5.8 MB) holds plain 16-bit states instead, half
   * the memory for a shift per byte; it only reads config files. Each layout has its own
   * loop, so the catalog's filters, which read every file, keep theirs monomorphic.
   *
   * `minLength`: shorter words are dropped (the catalog's: too common to tell anything). A
   * name the workspace defines is asked for however short it is (`URL`): 1.
   */
  constructor(words: string[], minLength = 4) {
    this.anchors = minimalAnchors(words, minLength);
    const { delta, firstAccepting, compact } = buildAutomaton(this.anchors);
    if (compact) {
      this.test = (bytes) => {
        let s = 0;
        for (let i = 0, n = bytes.length; i < n; i++) {
          s = delta[(s << 8) | bytes[i]!]!;
          if (s >= firstAccepting) return true;
        }
        return false;
      };
      this.testString = (text) => {
        let s = 0;
        for (let i = 0, n = text.length; i < n; i++) {
          const c = text.charCodeAt(i);
          s = delta[(s << 8) | (c < 128 ? c : 0)]!;
          if (s >= firstAccepting) return true;
        }
        return false;
      };
    } else {
      const accepting = firstAccepting * 256;
      this.test = (bytes) => {
        let s = 0;
        for (let i = 0, n = bytes.length; i < n; i++) {
          s = delta[s + bytes[i]!]!;
          if (s >= accepting) return true;
        }
        return false;
      };
      this.testString = (text) => {
        let s = 0;
        for (let i = 0, n = text.length; i < n; i++) {
          const c = text.charCodeAt(i);
          // Anchors are ASCII; any other character can only break a match.
          s = delta[s + (c < 128 ? c : 0)]!;
          if (s >= accepting) return true;
        }
        return false;
      };
    }
  }
}

/** What a prefilter offers: its anchors, and whether bytes or text hold one. */
export interface AnchorTest {
  readonly anchors: string[];
  test(bytes: Uint8Array): boolean;
  testString(text: string): boolean;
}

/** The anchors a Prefilter of these words tests (without building its automaton). */
export function prefilterAnchors(words: string[]): string[] {
  return minimalAnchors(words);
}

/**
 * Several prefilters in one automaton: one pass over a file tells which groups of anchors it
 * holds, where separate Prefilters would take a pass each. A group matches exactly when the
 * Prefilter of its anchors would (same anchors, same ASCII case folding, same bytes and text).
 */
export class PrefilterGroups {
  /** As Prefilter's, without absorbing: the scan goes on for the groups not yet seen. */
  private readonly delta: Uint32Array;
  /** States at or above this (times 256) end an anchor of some group. */
  private readonly firstOutput: number;
  /** By state, the groups (bit i: groups[i]) one of whose anchors ends there. */
  private readonly outputs: Uint32Array;

  /** `groups`: each group's anchors, as a Prefilter's `anchors` (lower case); up to 32 groups. */
  constructor(groups: readonly (readonly string[])[]) {
    if (groups.length > 32) throw new Error('PrefilterGroups: at most 32 groups');
    const built = buildGroupAutomaton(groups.map((anchors) => anchors.map((w) => w.toLowerCase())));
    this.delta = built.delta;
    this.outputs = built.outputs;
    this.firstOutput = built.firstOutput * 256;
  }

  /**
   * The groups of `mask` the content holds an anchor of. The scan stops early once a group of
   * `stop` is seen (the groups not yet seen then read as absent), or once every group of `mask` is.
   */
  scan(content: Uint8Array | string, mask: number, stop = 0): number {
    // Two loops, each on one type, as Prefilter's test and testString (one loop on both is slower).
    return (typeof content === 'string' ? this.scanText(content, mask, stop) : this.scanBytes(content, mask, stop)) & mask;
  }

  private scanBytes(bytes: Uint8Array, mask: number, stop: number): number {
    const { delta, outputs, firstOutput } = this;
    let s = 0;
    let found = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      s = delta[s + bytes[i]!]!;
      if (s >= firstOutput) {
        found |= outputs[s >>> 8]!;
        if ((found & stop) !== 0 || (found & mask) === mask) break;
      }
    }
    return found;
  }

  private scanText(text: string, mask: number, stop: number): number {
    const { delta, outputs, firstOutput } = this;
    let s = 0;
    let found = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      // Anchors are ASCII; any other character can only break a match.
      s = delta[s + (c < 128 ? c : 0)]!;
      if (s >= firstOutput) {
        found |= outputs[s >>> 8]!;
        if ((found & stop) !== 0 || (found & mask) === mask) break;
      }
    }
    return found;
  }

  /** One group (its bit) tested as a Prefilter of `anchors` would be, on this automaton's table. */
  group(bit: number, anchors: string[]): AnchorTest {
    // (The scan reports every group it passed, not only this one.)
    return { anchors, test: (bytes) => (this.scanBytes(bytes, bit, bit) & bit) !== 0, testString: (text) => (this.scanText(text, bit, bit) & bit) !== 0 };
  }
}

/** Characters that end a URL's authority, or the URL (as the URL parser and prose do). */
const AUTHORITY_END = new Set([0x2f, 0x5c, 0x3f, 0x23, 0x22, 0x27, 0x60, 0x20, 0x09, 0x0a, 0x0d, 0x3c, 0x3e, 0x29, 0x5d, 0x7d, 0x2c]);

/**
 * Whether a URL's host holds a non-ASCII character or a Punycode label (`xn--`): a host
 * that imitates a catalogued one (`api.оpenai.com` with a Cyrillic о) contains none of
 * the catalog's anchors, so such a file must be read to be judged a look-alike.
 */
export function mayHoldLookalikeHost(content: Uint8Array | string): boolean {
  const text = typeof content === 'string';
  const at = text ? (i: number): number => content.charCodeAt(i) : (i: number): number => content[i]!;
  // The next ':' (native search, on bytes or text alike).
  const colon = text ? (from: number): number => content.indexOf(':', from) : (from: number): number => content.indexOf(0x3a, from);
  const n = content.length;
  for (let i = colon(0); i >= 0; i = colon(i + 1)) {
    if (at(i + 1) !== 0x2f || at(i + 2) !== 0x2f) continue;
    for (let j = i + 3; j < n && j < i + 3 + 256; j++) {
      const c = at(j);
      if (AUTHORITY_END.has(c)) break;
      if (c >= 0x80) return true;
      if ((c | 0x20) === 0x78 && (at(j + 1) | 0x20) === 0x6e && at(j + 2) === 0x2d && at(j + 3) === 0x2d) return true; // xn--
    }
  }
  return false;
}

/** Drops every word that contains a shorter anchor: the shorter one already matches. */
function minimalAnchors(words: string[], minLength = 4): string[] {
  const sorted = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= Math.max(1, minLength)))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const out: string[] = [];
  for (const w of sorted) if (!out.some((a) => w.includes(a))) out.push(w);
  return out;
}

function buildAutomaton(words: string[]): { delta: Uint16Array | Uint32Array; firstAccepting: number; compact: boolean } {
  // Trie over lower-case bytes.
  const children: Map<number, number>[] = [new Map<number, number>()];
  const terminal: boolean[] = [false];
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let n = children[s]!.get(c);
      if (n === undefined) {
        n = children.length;
        children.push(new Map<number, number>());
        terminal.push(false);
        children[s]!.set(c, n);
      }
      s = n;
    }
    terminal[s] = true;
  }
  const n = children.length;
  // Breadth-first failure links; accepting states absorb (we only need "any match").
  const fail = new Int32Array(n);
  const order: number[] = [];
  const queue = [0];
  const accepting = [...terminal];
  while (queue.length) {
    const s = queue.shift()!;
    order.push(s);
    for (const [c, t] of children[s]!) {
      if (s !== 0) {
        let f = fail[s]!;
        while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
        const cand = children[f]!.get(c);
        fail[t] = cand !== undefined && cand !== t ? cand : 0;
      }
      if (accepting[fail[t]!]) accepting[t] = true;
      queue.push(t);
    }
  }
  // Renumber so that accepting states come last.
  const renum = new Int32Array(n);
  let next = 0;
  for (const s of order) if (!accepting[s]) renum[s] = next++;
  const firstAccepting = next;
  for (const s of order) if (accepting[s]) renum[s] = next++;
  // Rows in breadth-first order, straight into the final table (no second table of the
  // same size to renumber from: the workspace's `wanted` filter has thousands of states):
  // a state's row is its failure state's row (filled before it, copied natively) with its
  // own children on top; accepting states absorb. Next states are stored times 256, or as
  // they are in a compact table.
  const compact = n > COMPACT_FROM_STATES && n <= 0x10000;
  const scale = compact ? 1 : 256;
  const delta = compact ? new Uint16Array(n * 256) : new Uint32Array(n * 256);
  for (const s of order) {
    const row = renum[s]! * 256;
    if (accepting[s]) delta.fill(renum[s]! * scale, row, row + 256);
    else {
      if (s !== 0) delta.copyWithin(row, renum[fail[s]!]! * 256, renum[fail[s]!]! * 256 + 256);
      for (const [c, t] of children[s]!) {
        delta[row + c] = renum[t]! * scale;
        if (c >= 97 && c <= 122) delta[row + c - 32] = renum[t]! * scale;
      }
    }
  }
  return { delta, firstAccepting, compact };
}

/** A trie of the groups' anchors, as Aho-Corasick goto/failure transitions (not absorbing) with each state's groups. */
function buildGroupAutomaton(groups: readonly (readonly string[])[]): { delta: Uint32Array; outputs: Uint32Array; firstOutput: number } {
  const children: Map<number, number>[] = [new Map<number, number>()];
  const own: number[] = [0];
  groups.forEach((anchors, g) => {
    for (const w of anchors) {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        let n = children[s]!.get(c);
        if (n === undefined) {
          n = children.length;
          children.push(new Map<number, number>());
          own.push(0);
          children[s]!.set(c, n);
        }
        s = n;
      }
      own[s]! |= 1 << g;
    }
  });
  const n = children.length;
  const fail = new Int32Array(n);
  const out = Uint32Array.from(own);
  const order: number[] = [];
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    order.push(s);
    for (const [c, t] of children[s]!) {
      if (s !== 0) {
        let f = fail[s]!;
        while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
        const cand = children[f]!.get(c);
        fail[t] = cand !== undefined && cand !== t ? cand : 0;
      }
      // A state's failure state comes earlier in breadth-first order: its groups are complete.
      out[t] = out[t]! | out[fail[t]!]!;
      queue.push(t);
    }
  }
  // Each row is its failure state's row with its own children on top (breadth-first, so that row is done).
  const raw = new Int32Array(n * 256);
  for (const s of order) {
    const row = s * 256;
    if (s !== 0) raw.copyWithin(row, fail[s]! * 256, fail[s]! * 256 + 256);
    for (const [c, t] of children[s]!) {
      raw[row + c] = t;
      if (c >= 97 && c <= 122) raw[row + c - 32] = t;
    }
  }
  // States with groups last, so one comparison per byte tells whether to look.
  const renum = new Int32Array(n);
  let next = 0;
  for (const s of order) if (out[s] === 0) renum[s] = next++;
  const firstOutput = next;
  for (const s of order) if (out[s] !== 0) renum[s] = next++;
  const delta = new Uint32Array(n * 256);
  const outputs = new Uint32Array(n);
  for (let s = 0; s < n; s++) {
    const from = s * 256;
    const to = renum[s]! * 256;
    outputs[renum[s]!] = out[s]!;
    for (let b = 0; b < 256; b++) delta[to + b] = renum[raw[from + b]!]! * 256;
  }
  return { delta, outputs, firstOutput };
}

/**
 * The words whose presence means a file may hold an LLM endpoint, from the catalog.
 * Code needs SDK names as well as hosts; config files only matter through hosts,
 * LLM-specific env variables, LiteLLM entries, base-URL keys and Terraform accounts,
 * which keeps package.json-style mentions of "openai" from costing a parse.
 */
export function catalogAnchors(catalog: Catalog, kind: 'code' | 'config'): string[] {
  // A waiver comment must be read (and checked) even in a file with no other signal.
  const words: string[] = [WAIVER_MARKER];
  for (const p of catalog.providers) words.push(...providerAnchors(p, kind));
  // LLM APIs of vendors that are no catalog providers are found by their hosts and their classes.
  for (const api of catalog.unlistedApis ?? []) {
    for (const h of api.hosts) words.push(h.pattern.replace(/^\*\./, ''));
    if (kind === 'code') for (const c of api.clients ?? []) words.push(...clientAnchors(c));
  }
  // LiteLLM calls are imported from litellm (or named by a provider prefix in the model string).
  for (const px of catalog.litellm.prefixes) words.push(px.prefix);
  words.push(...(kind === 'code' ? codeAnchors(catalog) : configAnchors(catalog)));
  // A model setting written as a router's "provider:model" string (`FAST_LLM=openai:gpt-4o`, resolve/model-settings.ts).
  for (const r of catalog.routers ?? []) if (r.separator) for (const key of Object.keys(r.providers)) words.push(`${key}${r.separator}`);
  // Local LLM servers found by port, API path or name (vLLM, llama.cpp, Ollama) in a raw URL or constant.
  words.push(...LLM_SERVER_ANCHORS, 'llama', 'vllm');
  return words;
}

/** A provider's anchors: its hosts, its env variables, and in code its clients and init calls. */
function providerAnchors(p: Provider, kind: 'code' | 'config'): string[] {
  const words: string[] = [];
  // Self-hosted hosts (localhost, *.local) only count in LLM contexts, which have anchors of their own.
  if (p.kind !== 'self-hosted') {
    for (const h of p.hosts) {
      // The leftmost literal part names the service (`bedrock-runtime`, `aiplatform.googleapis.com`);
      // the shared domain suffix (`amazonaws.com`) alone would match every AWS URL.
      const runs = h.pattern.split(/\{region\}|\{resource\}|\*/).map((r) => r.replace(/^[.-]+|[.-]+$/g, '')).filter((r) => r.length >= 4);
      if (runs[0]) words.push(runs[0]);
    }
  }
  if (kind === 'code') for (const c of p.clients) words.push(...clientAnchors(c));
  // An init that sets clients' options for the process (`aip.init` after `from google.cloud import aiplatform as aip`):
  // its module is named in the file, and the file must be read so that no client elsewhere takes the SDK default in its stead.
  if (kind === 'code') for (const c of p.clients) for (const init of c.configuredBy ?? []) words.push(init.slice(0, init.indexOf('.')));
  // Shared variables (AWS_REGION) only count next to a specific one, which is an anchor itself.
  for (const e of p.env) if (e.specific) words.push(e.name);
  return words;
}

function clientAnchors(c: ClientSignal): string[] {
  // A required argument (boto3.client("bedrock-runtime")) appears literally wherever the call does.
  if (c.requireArg) return c.requireArg.oneOf;
  // A whole import path (`agents.Agent`) is written as its module's import (`from agents import Agent`).
  if (c.wholePath) return c.callees.map((path) => path.slice(0, path.indexOf('.')));
  // A dotted callee is kept whole (`genai.client`); a bare one as `name(`, far more
  // selective than the name alone (`google(` against `google`).
  const callee = (name: string): string => (name.includes('.') ? name : `${name}(`);
  // A class name or a bare function is written in code as the catalog spells it; a
  // lower-case dotted path (`genai.Client`, `com.google.genai.Client.builder`) may be
  // imported under another name, so its packages are anchors too.
  const literalSafe = (name: string): boolean => !name.includes('.') || /^[A-Z]/.test(name);
  return [...c.callees.map(callee), ...(c.callees.every(literalSafe) ? [] : c.packages.flatMap(packageAnchors))];
}

function packageAnchors(pkg: string): string[] {
  if (pkg.includes(':')) return [pkg.slice(0, pkg.indexOf(':'))]; // Maven group id, as in `import com.openai...`
  if (pkg.startsWith('@')) return [pkg]; // npm scoped package, as imported
  const name = pkg.slice(pkg.lastIndexOf('/') + 1);
  return [name, name.replace(/-/g, '_'), name.replace(/-/g, '.')];
}

/** Anchors only code has: the packages and functions of LiteLLM, routers, Prompty, config loaders, Spring AI. */
function codeAnchors(catalog: Catalog): string[] {
  const words = ['litellm'];
  // A dotted LiteLLM callee (`crewai.Agent`) is imported from its package: the package name is in the file.
  for (const c of [...catalog.litellm.callees, ...(catalog.routers ?? []).flatMap((r) => (r.client ? [r.client] : []))]) if (c.includes('.')) words.push(c.slice(0, c.indexOf('.')));
  // A router's factory function is named where it is imported or called (init_chat_model: specific enough alone).
  // A plain class name (pydantic-ai's `Agent`) is too common a word: its package, imported by name, is the anchor.
  for (const r of catalog.routers ?? []) {
    for (const f of r.functions ?? []) {
      const name = f.slice(f.lastIndexOf('.') + 1);
      words.push(/^[A-Z][a-z]+$/.test(name) ? f.slice(0, f.search(/[./]/)) : name);
    }
  }
  // A run of a .prompty file imports its runtime (`import prompty`).
  for (const r of catalog.promptyRunners ?? []) for (const c of r.callees) words.push(c.slice(0, c.indexOf('.')));
  // A call that builds model clients from a file the code names is imported from its package (`autogen_core`).
  for (const l of catalog.configFileLoaders ?? []) for (const c of l.callees) words.push(c.slice(0, c.indexOf('.')));
  // A library configured with a provider per part is imported by its package name (`mem0`, `mem0ai/oss`).
  for (const library of catalog.configLibraries ?? []) for (const { names } of library.callees) for (const c of names) words.push(c.slice(0, c.search(/[./]/)));
  // Java code that has a Spring AI chat model (or a generic ChatModel / ChatClient.Builder) injected (spring-beans.ts).
  for (const s of catalog.springAi) words.push(...(s.chatModels ?? []));
  words.push('org.springframework.ai.chat.');
  // A pydantic settings class publishes its fields, which another module may hand to a client (resolve/settings.ts).
  words.push('BaseSettings');
  return words;
}

/** Anchors only config files have: base-URL keys, LiteLLM and Terraform/ARM accounts, Spring AI and Portkey keys. */
function configAnchors(catalog: Catalog): string[] {
  const words: string[] = [];
  // Keys such as apiBase or base_url give a local URL beside them away as an LLM server,
  // however they are spelt (api_base, apiBase, API-BASE).
  for (const key of urlOptionKeys(catalog)) words.push(key, normalizeKey(key));
  words.push('litellm_params', 'azurerm_cognitive_account', 'Microsoft.CognitiveServices/accounts');
  // Spring AI starters: `spring.ai.openai` in .properties files, and the key after `ai:` in
  // YAML (`openai:`, `vertex:`; a package.json writes `"openai":`).
  for (const s of catalog.springAi) words.push(s.prefix, `${s.prefix.split('.')[2]}:`);
  // Portkey targets name their provider by slug; "google" alone would let most GCP configs through.
  for (const slug of Object.keys(catalog.portkey.slugs)) if (slug !== 'google') words.push(slug);
  return words;
}
