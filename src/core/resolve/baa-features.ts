// A vendor's BAA may cover its API except named features (Anthropic's HIPAA-ready API does not
// cover code execution, web fetch, the Files API, ...). The catalog lists them with the code that
// shows a request uses one; this reads those marks in a code file and qualifies the BAA verdict
// of the provider's endpoints there: a request made in the same call as the mark is not covered,
// one elsewhere in the file may or may not use the feature, so its coverage is unknown.

import type { BaaExcludedFeature, Provider, ProviderId } from '../catalog/types';
import type { Endpoint, TextRange } from '../model';
import { matchBrackets } from '../scan/parse';
import { firstFrom, type Token } from '../scan/tokens';

interface MarkUse {
  feature: BaaExcludedFeature;
  /** As written: the string, identifier or key that matched. */
  text: string;
  s: number;
  e: number;
}

/** Where the engine read a mark and how it names lines (a notebook's cells are not the text's lines). */
export interface MarkContext {
  /** The file the marks are in: named in the reason, which may travel to another file's finding (a factory's branch). */
  file: string;
  tokens: Token[];
  lineOf: (offset: number) => number;
  providerOf: (id: ProviderId) => Provider | undefined;
}

/**
 * Sets `baaAvailable` (and says why in `baaExclusion`) for endpoints of a provider whose BAA
 * leaves out a feature this file uses. Only a covered verdict changes: an endpoint already
 * without a BAA, or with an unknown one, keeps it.
 */
export function applyBaaExclusions(endpoints: Endpoint[], ctx: MarkContext): void {
  const byProvider = new Map<ProviderId, MarkUse[]>();
  let match: Int32Array | undefined;
  for (const endpoint of endpoints) {
    if (endpoint.baaAvailable !== true || !endpoint.provider) continue;
    const features = ctx.providerOf(endpoint.provider)?.baaExcludedFeatures;
    if (!features?.length) continue;
    let uses = byProvider.get(endpoint.provider);
    if (!uses) byProvider.set(endpoint.provider, (uses = markUses(ctx.tokens, features)));
    if (!uses.length) continue;
    const tokens = ctx.tokens;
    match ??= matchBrackets(tokens);
    const made = endpoint.call ?? endpoint.range;
    const request = argumentList(tokens, match, enclosingParen(tokens, match, made.start));
    // A client assigned to a name sends the requests made through that name (`client.messages.create(...)`).
    const client = request ? '' : assignedName(tokens, made.start);
    const through = (u: MarkUse): boolean => {
      // The mark is a member of the client (`client.beta.files`), or an argument of a call on it (`client.messages.create(tools=[...])`).
      const at = firstFrom(tokens, u.s, (t) => t.s);
      if (tokens[at - 1]?.t === 'p' && tokens[at - 1]!.v === '.' && `${pathBefore(tokens, at - 1)}.`.startsWith(`${client}.`)) return true;
      const open = enclosingParen(tokens, match!, u.s);
      return open > 0 && pathBefore(tokens, open).startsWith(`${client}.`);
    };
    const inCall = (u: MarkUse): boolean => within(u, made) || (request !== null && within(u, request)) || (client !== '' && through(u));
    // The request's own marks decide; a not-covered feature outweighs one that may be covered.
    const own = uses.filter(inCall);
    const chosen = pick(own) ?? pick(uses)!;
    const sameCall = own.includes(chosen);
    const operator = ctx.providerOf(endpoint.provider)!.operator;
    const { name, covered, vendorStatement } = chosen.feature;
    const where = `${name} (${chosen.text} at ${ctx.file}:${ctx.lineOf(chosen.s)})`;
    const who = request || within(chosen, made) ? 'this request uses' : `requests made through ${client} use`;
    endpoint.baaAvailable = sameCall ? covered : null;
    const reason = sameCall
      ? `${who} ${where}, which ${operator}'s BAA does${covered === null ? ' not always' : ' not'} cover. ${vendorStatement}`
      : `coverage depends on a feature this file uses: ${where}, which ${operator}'s BAA does${covered === null ? ' not always' : ' not'} cover, in a request the engine cannot tie to this endpoint. ${vendorStatement}`;
    endpoint.baaExclusion = { feature: name, reason, sources: chosen.feature.sources };
  }
}

/** The use that weighs most: a feature the BAA does not cover, then the first in the text. */
function pick(uses: MarkUse[]): MarkUse | undefined {
  return uses.find((u) => u.feature.covered === false) ?? uses[0];
}

function within(use: MarkUse, range: TextRange): boolean {
  return use.s >= range.start && use.e <= range.end;
}

/** Every place the code names one of the features: a string literal, an identifier (or a dotted path of them), or a request key. */
function markUses(tokens: Token[], features: BaaExcludedFeature[]): MarkUse[] {
  const out: MarkUse[] = [];
  const starts = markStarts(features);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if ((tok.t !== 'str' || tok.bad) && tok.t !== 'id') continue;
    // Most tokens name no feature: one set lookup, or (for a versioned name) a few prefixes, decides.
    if (!starts.words.has(tok.v) && !((!starts.gapped || /[_-]\d/.test(tok.v)) && starts.versioned.some((p) => tok.v.startsWith(p)))) continue;
    if (tok.t === 'id' && inImport(tokens, i)) continue;
    for (const feature of features) {
      const path = feature.marks.find((m) => m.includes('.') && tok.t === 'id' && pathAt(tokens, i, m));
      if (path) {
        out.push({ feature, text: path, s: tok.s, e: tokens[i + path.split('.').length * 2 - 2]!.e });
        continue;
      }
      const whole = feature.marks.find((m) => !m.includes('.') && matchesMark(tok.v, m));
      if (whole) {
        out.push({ feature, text: tok.v, s: tok.s, e: tok.e });
        continue;
      }
      // A key counts where it names a value: `betas=[...]`, `betas: [...]`, `"betas": [...]`.
      const next = tokens[i + 1];
      if (feature.keys?.includes(tok.v) && next?.t === 'p' && (next.v === '=' || next.v === ':')) out.push({ feature, text: tok.v, s: tok.s, e: tok.e });
    }
  }
  return out;
}

/** What a token must be, or start with, to be the start of some mark or key: a first filter. */
function markStarts(features: BaaExcludedFeature[]): { words: Set<string>; versioned: string[]; gapped: boolean } {
  const words = new Set<string>();
  const versioned: string[] = [];
  for (const f of features) {
    for (const m of f.marks) {
      if (m.endsWith('*')) versioned.push(m.slice(0, -1));
      else words.add(m.includes('.') ? m.slice(0, m.indexOf('.')) : m);
    }
    for (const k of f.keys ?? []) words.add(k);
  }
  // Versioned marks end in `_` or `-` before the version (`code_execution_*`): a token without `_<digit>` or `-<digit>` is none of them.
  return { words, versioned, gapped: versioned.every((p) => /[_-]$/.test(p)) };
}

/** An import names a type or module (`import com.anthropic.models.beta.files.FileMetadata;`), not a request that uses it. */
function inImport(tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (tokens[j]?.t === 'p' && tokens[j]!.v === '.' && tokens[j - 1]?.t === 'id') j -= 2;
  const before = tokens[j];
  return before?.t === 'id' && IMPORT_WORDS.has(before.v);
}

const IMPORT_WORDS = new Set(['import', 'from', 'using', 'static', 'package']);

/**
 * `code_execution_*` matches a version of it, `code_execution_20250825`, and not another name
 * that starts alike (`code_execution_check`); a mark without `*` matches only itself.
 */
function matchesMark(value: string, mark: string): boolean {
  if (!mark.endsWith('*')) return value === mark;
  const prefix = mark.slice(0, -1);
  return value.startsWith(prefix) && /^\d/.test(value.slice(prefix.length));
}

/** Whether the identifiers of a dotted path (`beta.files`) start at token `i`, joined by dots. */
function pathAt(tokens: Token[], i: number, path: string): boolean {
  const parts = path.split('.');
  return parts.every((part, k) => {
    const id = tokens[i + 2 * k];
    const dot = tokens[i + 2 * k - 1];
    return id?.t === 'id' && id.v === part && (k === 0 || (dot?.t === 'p' && dot.v === '.'));
  });
}

/** Tokens that end an expression: past one, the code is another statement, not the same call's arguments. */
const STATEMENT = new Set([';', '=>']);
const STATEMENT_WORDS = new Set(['function', 'return', 'const', 'let', 'var', 'def', 'lambda', 'if', 'for', 'while', 'class']);

/**
 * The `(` of the call the text at `offset` is an argument of (`generateText({ model:
 * anthropic("..."), tools: ... })`): the innermost `( ... )` around it that a callee opens,
 * reached without leaving the expression. -1 when it stands in a statement of its own
 * (`client = Anthropic()`).
 */
function enclosingParen(tokens: Token[], match: Int32Array, offset: number): number {
  let j = firstFrom(tokens, offset, (t) => t.s) - 1;
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.t === 'nl' || (t.t === 'id' && STATEMENT_WORDS.has(t.v))) return -1;
    if (t.t === 'p') {
      if (STATEMENT.has(t.v)) return -1;
      if (t.v === ')' || t.v === ']' || t.v === '}') {
        const open = match[j]!;
        if (open < 0) return -1;
        j = open - 1;
        continue;
      }
      if (t.v === '(') {
        const callee = tokens[j - 1];
        const named = callee?.t === 'id' && !STATEMENT_WORDS.has(callee.v);
        return match[j]! > j && (named || (callee?.t === 'p' && (callee.v === ')' || callee.v === ']'))) ? j : -1;
      }
    }
    j--;
  }
  return -1;
}

/** The argument list that opens at token `open`, as text offsets. */
function argumentList(tokens: Token[], match: Int32Array, open: number): TextRange | null {
  return open < 0 ? null : { start: tokens[open]!.s, end: tokens[match[open]!]!.e };
}

/** The dotted name written just before token `end` (`client.messages.create` before its `(`). */
function pathBefore(tokens: Token[], end: number): string {
  const parts: string[] = [];
  let j = end - 1;
  while (tokens[j]?.t === 'id') {
    parts.unshift(tokens[j]!.v);
    if (tokens[j - 1]?.t !== 'p' || tokens[j - 1]!.v !== '.') break;
    j -= 2;
  }
  return parts.join('.');
}

/** The name a construction is assigned to (`client = Anthropic()`, `const client = new Anthropic()`, `self.llm = ...`), if it is. */
function assignedName(tokens: Token[], offset: number): string {
  let j = firstFrom(tokens, offset, (t) => t.s) - 1;
  while (tokens[j]?.t === 'id' && (tokens[j]!.v === 'new' || tokens[j]!.v === 'await')) j--;
  const eq = tokens[j];
  return eq?.t === 'p' && eq.v === '=' ? pathBefore(tokens, j) : '';
}
