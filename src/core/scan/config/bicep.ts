// Bicep files: parameters with their defaults, variables, and resources with their
// object bodies, read from the tokens of the JavaScript lexer (Bicep shares its strings
// in single quotes and its comments). Only what the resolver needs: values that are
// literals, references, objects and arrays; any other expression is `other`.

import { lex, type LexResult } from '../lexer';
import { closerOf, matchBrackets, MAX_NESTING } from '../parse';
import type { Token } from '../tokens';

export type BicepValue =
  | { k: 'str'; v: string; s: number; e: number; cs: number; ce: number; verbatim: boolean }
  | { k: 'lit'; v: number | boolean; s: number; e: number }
  /** A reference: `location`, `openAi.name`, `resourceGroup().location`. */
  | {
    k: 'ref'; path: string; s: number; e: number;
    /** A call's arguments, as `other`'s parts. */
    parts?: BicepValue[];
    /** `format('https://{0}.openai.azure.com/', name)`: every argument in order, the format string first (a URL may be built so). */
    args?: BicepValue[];
  }
  | { k: 'obj'; entries: { key: string; value: BicepValue }[]; s: number; e: number }
  | { k: 'arr'; items: BicepValue[]; s: number; e: number }
  /** An interpolated string ('${openAi.name}/gpt-4o'), as written. */
  | { k: 'tmpl'; raw: string; s: number; e: number }
  /** A computed value; `parts`: the references, objects and lists written inside it (`cond ? [a] : b`, `union(x, [{...}])`). */
  | { k: 'other'; s: number; e: number; parts?: BicepValue[] };

export interface BicepResource {
  symbol: string;
  /** `Microsoft.CognitiveServices/accounts@2023-05-01` */
  type: string;
  /** The body; for a `[for ...: {...}]` loop, the loop's object (`loop` is set). */
  body: BicepValue;
  loop: boolean;
  /** A loop's item variable and what it iterates over (`[for d in deployments: ...]`). */
  loopVar?: string;
  loopOver?: BicepValue;
  /** The resource it is declared inside, for a nested `resource` (its type is then made full). */
  parent?: string;
  /** `resource x '...' existing = {...}`: made elsewhere; this file only names it. */
  existing?: true;
}

export interface BicepFile {
  params: Map<string, BicepValue | undefined>;
  vars: Map<string, BicepValue>;
  resources: BicepResource[];
  /** `module SYMBOL 'PATH' = {...}` calls: `type` is the module's path, `body.params` its parameters. */
  modules: BicepResource[];
  /** Start offsets of values not read because they nest deeper than MAX_NESTING. */
  tooDeep: number[];
  /** The file's text, for the few expressions read as written. */
  text?: string;
  /** Unbalanced brackets the lexer repaired (such a file does not build, but it is not clean either). */
  brackets?: LexResult['brackets'];
}

export function parseBicep(text: string): BicepFile {
  // Bicep's brackets, strings and comments lex as JavaScript's.
  const { tokens, brackets } = lex(text, 'js');
  const file: BicepFile = { params: new Map(), vars: new Map(), resources: [], modules: [], tooDeep: [], text, ...(brackets ? { brackets } : {}) };
  const reader = new Reader(tokens, text, file.tooDeep);
  reader.nested = file.resources;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // Statements start a line: `param`, `var`, `resource`; decorators and the rest are skipped.
    const atLineStart = i === 0 || tokens[i - 1]!.t === 'nl';
    if (t.t === 'id' && atLineStart && tokens[i + 1]?.t === 'id') {
      if (t.v === 'param') {
        const name = tokens[i + 1]!.v;
        let j = i + 2;
        while (j < tokens.length && tokens[j]!.t !== 'nl' && tokens[j]!.v !== '=') j++;
        if (tokens[j]?.v === '=') {
          const { value, next } = reader.value(j + 1);
          file.params.set(name, value);
          i = next;
        } else {
          file.params.set(name, undefined);
          i = j;
        }
        continue;
      }
      if (t.v === 'var' && tokens[i + 2]?.v === '=') {
        const { value, next } = reader.value(i + 3);
        file.vars.set(tokens[i + 1]!.v, value);
        i = next;
        continue;
      }
      if ((t.v === 'resource' || t.v === 'module') && tokens[i + 2]?.t === 'str') {
        const next = reader.resource(i, t.v === 'module' ? file.modules : file.resources);
        if (next > i) {
          i = next;
          continue;
        }
      }
    }
    i = t.t === 'p' && (t.v === '{' || t.v === '[' || t.v === '(') ? reader.close(i) + 1 : i + 1;
  }
  return file;
}

class Reader {
  /** The resources being read, innermost last, for nested declarations. */
  private readonly enclosing: BicepResource[] = [];
  /** Where nested resources go: the file's resources (set by parseBicep). */
  nested: BicepResource[] = [];
  private readonly match: Int32Array;
  /** How deep the value being read nests. */
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly tooDeep: number[],
  ) {
    this.match = matchBrackets(tokens);
  }

  /** `resource SYMBOL 'TYPE' [existing] = ...` (or `module SYMBOL 'PATH' = ...`) at token `i`, added to `into`; returns the token after it (or `i` when it is not one). */
  resource(i: number, into: BicepResource[]): number {
    const { tokens } = this;
    const symbol = tokens[i + 1]!.v;
    const parent = this.enclosing.at(-1);
    // A nested resource's type is relative to its parent's ('deployments@...').
    const written = tokens[i + 2]!.v;
    const type = parent && !written.includes('/') ? `${parent.type.split('@')[0]}/${written}` : written;
    let j = i + 3;
    const existing = tokens[j]?.v === 'existing';
    if (existing) j++;
    if (tokens[j]?.v !== '=') return i;
    j++;
    let loop = false;
    let loopVar: string | undefined;
    let loopOver: BicepValue | undefined;
    // `= if (cond) {...}` and `= [for x in list: {...}]` (also `for (x, i) in list`).
    if (tokens[j]?.v === 'if' && tokens[j + 1]?.v === '(') j = this.close(j + 1) + 1;
    if (tokens[j]?.v === '[' && tokens[j + 1]?.v === 'for') {
      loop = true;
      let k = j + 2;
      const item = tokens[k]?.v === '(' ? tokens[k + 1] : tokens[k];
      if (item?.t === 'id') loopVar = item.v;
      while (k < tokens.length && tokens[k]!.v !== 'in' && tokens[k]!.v !== ':' && tokens[k]!.v !== ']') k = tokens[k]!.v === '(' ? this.close(k) + 1 : k + 1;
      if (tokens[k]?.v === 'in') {
        const over = this.value(k + 1);
        loopOver = over.value;
        k = Math.max(over.next, k + 1);
      }
      while (k < tokens.length && tokens[k]!.v !== ':' && tokens[k]!.v !== ']') k++;
      j = k + 1;
    }
    const resource: BicepResource = {
      symbol, type, body: { k: 'other', s: tokens[i]!.s, e: tokens[i]!.e }, loop,
      ...(loopVar ? { loopVar } : {}), ...(loopOver ? { loopOver } : {}), ...(parent ? { parent: parent.symbol } : {}),
      ...(existing ? { existing: true as const } : {}),
    };
    into.push(resource);
    this.enclosing.push(resource);
    const { value, next } = this.value(j);
    this.enclosing.pop();
    resource.body = value;
    return loop && tokens[next]?.v === ']' ? next + 1 : next;
  }

  /** The index of the bracket closing the one at `open`. */
  close(open: number): number {
    return closerOf(this.match, open);
  }

  /**
   * A value starting at token `i`; `next` is the first token after the whole expression.
   * `operand`: only the value itself, for the operands of an operator chain its first value
   * has already taken in (a flat list, not one nesting level per operator).
   */
  value(i: number, operand = false): { value: BicepValue; next: number } {
    const t = this.tokens[i];
    if (!t) return { value: { k: 'other', s: this.text.length, e: this.text.length }, next: i };
    if (this.depth >= MAX_NESTING) {
      // Deeper than any template needs: one unknown value, and a note says so.
      this.tooDeep.push(t.s);
      const end = t.t === 'p' && '{[('.includes(t.v) ? this.close(i) : i;
      return { value: { k: 'other', s: t.s, e: this.tokens[end]!.e }, next: end + 1 };
    }
    this.depth++;
    try {
      return this.valueAt(i, t, operand);
    } finally {
      this.depth--;
    }
  }

  private valueAt(i: number, t: Token, operand: boolean): { value: BicepValue; next: number } {
    const { value, next } = this.termAt(i, t);
    return operand ? { value, next } : this.continued(value, next);
  }

  /** The value that starts at token `i`, before any operator that continues it. */
  private termAt(i: number, t: Token): { value: BicepValue; next: number } {
    const { tokens } = this;
    if (t.t === 'str') {
      const cs = t.cs ?? t.s + 1;
      const ce = t.ce ?? t.e - 1;
      // An interpolated Bicep string ('${name}-oai') is not a literal.
      const value: BicepValue = t.v.includes('${') ? { k: 'tmpl', raw: t.v, s: t.s, e: t.e } : { k: 'str', v: t.v, s: t.s, e: t.e, cs, ce, verbatim: this.text.slice(cs, ce) === t.v };
      return { value, next: i + 1 };
    }
    if (t.t === 'num') return { value: { k: 'lit', v: Number(t.v), s: t.s, e: t.e }, next: i + 1 };
    if (t.t === 'id' && (t.v === 'true' || t.v === 'false')) return { value: { k: 'lit', v: t.v === 'true', s: t.s, e: t.e }, next: i + 1 };
    if (t.t === 'id') return this.referenceAt(i, t);
    if (t.t === 'p' && t.v === '{') return this.objectAt(i, t);
    if (t.t === 'p' && t.v === '[') return this.arrayAt(i, t);
    if (t.t === 'p' && t.v === '(') {
      // A parenthesised expression is computed; what it holds is read for its parts.
      const end = this.close(i);
      const parts = this.written(i + 1, end);
      return { value: { k: 'other', s: t.s, e: tokens[end]!.e, ...(parts.length ? { parts } : {}) }, next: end + 1 };
    }
    if (t.t === 'p' && (t.v === '!' || t.v === '-') && tokens[i + 1]) {
      // A unary operator: the operand (with all that continues it) belongs to this value.
      const r = this.value(i + 1);
      const parts = r.value.k === 'other' ? r.value.parts ?? [] : r.value.k === 'str' || r.value.k === 'lit' || r.value.k === 'tmpl' ? [] : [r.value];
      return { value: { k: 'other', s: t.s, e: r.value.e, ...(parts.length ? { parts } : {}) }, next: Math.max(r.next, i + 1) };
    }
    return { value: { k: 'other', s: t.s, e: t.e }, next: i + 1 };
  }

  /** A name with what follows it: property accesses, calls (their arguments read for their parts). */
  private referenceAt(i: number, t: Token): { value: BicepValue; next: number } {
    const { tokens } = this;
    let path = t.v;
    let j = i + 1;
    const parts: BicepValue[] = [];
    let args: BicepValue[] | undefined;
    for (;;) {
      if (tokens[j]?.v === '(') {
        if (path === 'format' && !parts.length) {
          // Read once, as arguments; its parts are the arguments that are not literals.
          args = this.args(j + 1, this.close(j));
          for (const a of args) if (a.k !== 'str' && a.k !== 'lit' && a.k !== 'tmpl') parts.push(a);
        } else for (const part of this.written(j + 1, this.close(j))) parts.push(part);
        j = this.close(j) + 1;
        path += '()';
      } else if ((tokens[j]?.v === '.' || tokens[j]?.v === '.?') && tokens[j + 1]?.t === 'id') {
        path += `.${tokens[j + 1]!.v}`;
        j += 2;
      } else if (tokens[j]?.v === '!' && tokens[j + 1]?.v === '.' && tokens[j + 2]?.t === 'id') {
        // `ai!.outputs.x`: the non-null assertion on a conditional module or resource.
        path += `.${tokens[j + 2]!.v}`;
        j += 3;
      } else break;
    }
    return { value: { k: 'ref', path, s: t.s, e: tokens[j - 1]!.e, ...(parts.length ? { parts } : {}), ...(args ? { args } : {}) }, next: j };
  }

  /** An object: its `key: value` entries (and the resources nested in a resource's body). */
  private objectAt(i: number, t: Token): { value: BicepValue; next: number } {
    const { tokens } = this;
    const end = this.close(i);
    const entries: { key: string; value: BicepValue }[] = [];
    let j = i + 1;
    while (j < end) {
      const key = tokens[j]!;
      if ((key.t === 'id' || key.t === 'str') && tokens[j + 1]?.v === ':') {
        const r = this.value(j + 2);
        entries.push({ key: key.v, value: r.value });
        j = Math.max(r.next, j + 2);
      } else if (key.t === 'id' && key.v === 'resource' && tokens[j + 1]?.t === 'id' && tokens[j + 2]?.t === 'str' && this.enclosing.length) {
        j = Math.max(this.resource(j, this.nested), j + 1);
      } else j = tokens[j]!.t === 'p' && '{[('.includes(tokens[j]!.v) ? this.close(j) + 1 : j + 1;
    }
    return { value: { k: 'obj', entries, s: t.s, e: tokens[end]!.e }, next: end + 1 };
  }

  private arrayAt(i: number, t: Token): { value: BicepValue; next: number } {
    const { tokens } = this;
    const end = this.close(i);
    const items: BicepValue[] = [];
    let j = i + 1;
    while (j < end) {
      if (tokens[j]!.t === 'nl' || tokens[j]!.v === ',') {
        j++;
        continue;
      }
      const r = this.value(j);
      items.push(r.value);
      j = Math.max(r.next, j + 1);
    }
    return { value: { k: 'arr', items, s: t.s, e: tokens[end]!.e }, next: end + 1 };
  }

  /** Anything that continues the expression (`?? x`, `? a : b`, `+ '-x'`) makes it computed. */
  private continued(value: BicepValue, next: number): { value: BicepValue; next: number } {
    const { tokens } = this;
    const after = tokens[next];
    // The lexer keeps no newlines inside brackets: an object or array on a new line is the next item of a list, not more of this value.
    const nextItem = after !== undefined && (after.v === '{' || after.v === '[') && this.text.slice(value.e, after.s).includes('\n');
    if (!after || !((after.t === 'p' && !['}', ']', ')', ',', ':'].includes(after.v) && !nextItem) || this.continuedAt(next) > 0)) return { value, next };
    let j = next;
    // It ends at the bracket that encloses it, a comma, or the end of its last line.
    for (;;) {
      const t = tokens[j];
      if (!t || ['}', ']', ')', ','].includes(t.v)) break;
      if (t.t === 'nl') {
        const k = this.continuedAt(j);
        if (k < 0) break;
        j = k;
      } else j = '{[('.includes(t.v) && t.t === 'p' ? this.close(j) + 1 : j + 1;
    }
    const parts = [value, ...this.written(next, j, true)].filter((v) => v.k !== 'str' && v.k !== 'lit' && v.k !== 'tmpl');
    return { value: { k: 'other', s: value.s, e: tokens[j - 1]!.e, ...(parts.length ? { parts } : {}) }, next: j };
  }

  /**
   * Where a statement goes on after the line break at token `j`: a next line that starts with
   * `?`, `:` or a logical operator continues a multi-line condition (the lexer leaves line
   * breaks only outside brackets, where a line cannot start so otherwise). -1 when it does not.
   */
  private continuedAt(j: number): number {
    let k = j;
    while (this.tokens[k]?.t === 'nl') k++;
    const t = this.tokens[k];
    return k > j && t?.t === 'p' && ['?', ':', '??', '&&', '||'].includes(t.v) ? k : -1;
  }

  /** A call's arguments between tokens `from` and `to`, each one value. */
  private args(from: number, to: number): BicepValue[] {
    const out: BicepValue[] = [];
    for (let j = from; j < to;) {
      const t = this.tokens[j]!;
      if (t.t === 'nl' || t.v === ',') {
        j++;
        continue;
      }
      const r = this.value(j);
      out.push(r.value);
      j = Math.max(Math.min(r.next, to), j + 1);
    }
    return out;
  }

  /** The references, objects and lists written between tokens `from` and `to` (the branches of `? :`, a call's arguments); `operands`: see `value`. */
  private written(from: number, to: number, operands = false): BicepValue[] {
    const out: BicepValue[] = [];
    for (let j = from; j < to;) {
      const t = this.tokens[j]!;
      // An operand in parentheses is one value (its own nesting level).
      if (!(t.t === 'id' || (t.t === 'p' && (t.v === '{' || t.v === '[' || (operands && t.v === '('))))) {
        j++;
        continue;
      }
      const r = this.value(j, operands);
      if (r.value.k !== 'lit') out.push(r.value);
      j = Math.max(Math.min(r.next, to), j + 1);
    }
    return out;
  }
}
