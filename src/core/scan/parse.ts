// Builds the structure the resolver needs from a token stream: the calls worth a look
// (with their arguments, chained methods and initializers), the assignments of the
// file, and the string literals used as values. Brackets are matched once up front, so
// that anything unexpected inside a bracket stays inside it.

import { collectImports, ImportMap } from './imports';
import type { Arg, Assignment, Call, Entry, Value } from './ir';
import { firstFrom, type LexLanguage, type Token } from './tokens';

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const PATH_SEPARATORS = new Set(['.', '::', '?.', '->']);
const FALLBACK_OPS = new Set(['??', '||', 'or', '?:']);
const CONTINUATION_OPS = new Set(['.', '?.', '+', '??', '||', '&&', '::']);
const DEFINITION_KEYWORDS = new Set(['def', 'function', 'func', 'fn', 'fun', 'class', 'interface', 'struct', 'enum', 'trait', 'impl', 'type']);
const CONTROL_KEYWORDS = new Set([
  'if', 'while', 'for', 'switch', 'match', 'catch', 'return', 'in', 'of', 'and', 'or', 'not', 'elif', 'await', 'yield',
  'else', 'case', 'when', 'using', 'lock', 'foreach', 'with', 'assert', 'throw', 'new', 'go', 'defer',
]);
const UNARY_SKIP = new Set(['&', '*', '-', '+', '...', '**', 'await', 'yield', 'typeof', 'ref', 'out', 'mut', 'move', 'in']);
const NULL_WORDS = new Set(['None', 'null', 'nil', 'undefined']);
const TRUE_WORDS = new Set(['true', 'True']);
const FALSE_WORDS = new Set(['false', 'False']);
/** A line ending in one of these continues on the next line. */
const CONTINUES_NEXT_LINE = new Set(['=', '+', '??', '||', '&&', ',', '?', ':', '=>', ':=', '.', '(', '[']);
/**
 * How deep expressions may nest (brackets, calls, unary operators, interpolations) before
 * the rest is skipped: real code stays far below, and each level costs the JS stack about
 * 1 KB (about 1,000 levels overflowed it).
 */
export const MAX_NESTING = 100;
/** How deep try statements may nest and still have their fallbacks linked (real code nests a few). */
export const MAX_TRY_NESTING = 16;
/** Operators that compare a value with another, rather than use it. */
const COMPARISONS = new Set(['==', '===', '!=', '!==', '<>']);
/**
 * Methods and functions that test or search text (JS, Python, Go `strings.`, Java, C#,
 * Rust, PHP): a URL handed to them is looked for, not connected to.
 */
const CHECK_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'test', 'search', 'localeCompare',
  'startswith', 'endswith', 'find', 'rfind', 'index', 'rindex', 'count', 'fullmatch', 'fnmatch',
  'Contains', 'ContainsAny', 'HasPrefix', 'HasSuffix', 'EqualFold', 'Index', 'LastIndex', 'Compare', 'MatchString',
  'contains', 'equals', 'equalsIgnoreCase', 'matches', 'regionMatches', 'containsKey', 'has',
  'StartsWith', 'EndsWith', 'Equals', 'IndexOf', 'IsMatch',
  'starts_with', 'ends_with', 'str_contains', 'str_starts_with', 'str_ends_with', 'strpos', 'stripos', 'preg_match',
]);
const PASS_THROUGH_METHODS = new Set([
  'to_string', 'to_owned', 'into', 'as_str', 'clone', 'trim', 'strip', 'rstrip', 'lstrip', 'toString', 'ToString', 'Trim', 'TrimEnd',
  'trimEnd', 'trimStart', 'intern',
]);

export interface TryStatement {
  body: { s: number; e: number };
  handlers: { s: number; e: number }[];
}

interface GoFunc {
  name: string;
  params: string[];
  bodyS: number;
  bodyE: number;
}

export interface CodeStructure {
  calls: Call[];
  /**
   * Names bound other than by a plain assignment somewhere in the file: parameters, loop
   * and `as` targets, `global`/`nonlocal`, destructuring and tuple targets. Their value
   * depends on the caller or the run, so they are never resolved to a constant.
   */
  unstable: Set<string>;
  /** The name a string token is given to (`base_url=`, `apiBase:`, `URL =`), if any. */
  keyOf: (tok: Token) => string | undefined;
  /** String and template tokens that are values (not docstrings or bare expression statements). */
  strings: Token[];
  /** Whether a string token is compared with or searched for in another value (`url.includes("...")`, `x == "..."`). */
  isChecked: (tok: Token) => boolean;
  assignments: Map<string, Assignment[]>;
  /**
   * Uses of an UPPER_CASE imported name, which may be a constant of the project's own modules (`OPENAI_BASE_URL`,
   * `constants.OPENAI_BASE_URL`), outside import statements: `keyOf` and `isChecked` answer
   * for their first token as for a string.
   */
  importedUses: { tok: Token; path: string; s: number; e: number }[];
}

export class CodeParser {
  /** Index of the matching bracket for every opening (and closing) bracket token. */
  private readonly match: Int32Array;
  private readonly calls: Call[] = [];
  private readonly tupleTargets: string[][] = [];
  private pyBlocks: { s: number; e: number }[] | undefined;
  /** See statementBlock. */
  private defStarts?: Map<number, { s: number; e: number }>;
  private withStarts?: Map<number, { s: number; e: number }>;
  private readonly callStarts = new Set<number>();
  /** See firstMark. */
  private readonly lhs = { start: -1, to: -1, mark: -1, tupleTo: -1 };
  /** Whether the file has a `lambda` at all (computed on first use). */
  private hasLambda?: boolean;
  private comprehensionTargets?: Map<string, { s: number; e: number }[]>;
  private attributeWrites?: { count: Map<string, number>; opaque: boolean };
  private andIfs?: { operands: string[]; body: { s: number; e: number } }[];
  private passedCache?: Map<string, Value[] | undefined>;
  /** Python `for` statements: the token index of `for` and the end of its block, in order (read once). */
  private forStatements?: { j: number; s: number; e: number }[];
  private continuation?: Set<number>;
  private bindingIndex?: Map<string, { globalAt: number; bindings: number[] }>;
  private bindingCache?: Map<string, { sorted: Assignment[]; starts: number[]; globalAt: number; bindings: number[] }>;
  /** See statementEnd. */
  private statementEnds?: Int32Array;
  /** damage[i]: how many tokens before index i the lexer repaired (a missing closer, a string never closed); see makeCall. */
  private damage?: Int32Array;
  private readonly visited: number[] = [];
  /** `)` tokens of method chains already parsed from their root (see chainLink). */
  private readonly chainsDone = new Set<number>();
  /** See goFuncs. */
  private funcs?: GoFunc[];
  /** Parsed assignment values (see valueOf). */
  private readonly values = new Map<Assignment, Value>();
  /** The assignments parseFile found. */
  private readonly fileAssignments: Assignment[] = [];
  /** How deep the expression being parsed is nested (an interpolation's parser starts at its string's depth). */
  private depth = 0;
  /** Start offsets of expressions skipped for nesting deeper than MAX_NESTING (shared with the interpolations' parsers). */
  private skipped = new Set<number>();

  constructor(
    readonly text: string,
    /** Balanced brackets, as the lexer makes them (matchBrackets copes when they are not). */
    readonly tokens: Token[],
    readonly lang: LexLanguage,
    private readonly interesting: (calleePath: string) => boolean,
    /** Local names bound by imports; only the file's main parser computes them. */
    readonly imports: ImportMap = new ImportMap(),
  ) {
    this.match = matchBrackets(tokens);
  }

  /** The index of the token closing the bracket opened at `open`; `open` itself when nothing closes it. */
  closeOf(open: number): number {
    return closerOf(this.match, open);
  }

  /** The index of the token opening the bracket closed at `close`; `close` itself when nothing opens it. */
  openOf(close: number): number {
    const m = this.match[close] ?? -1;
    return m >= 0 && m < close ? m : close;
  }

  /** Parses a whole file's tokens, with its imports. */
  static forFile(text: string, tokens: Token[], lang: LexLanguage, interesting: (calleePath: string) => boolean): CodeParser {
    return new CodeParser(text, tokens, lang, interesting, collectImports(tokens, lang, text));
  }

  /**
   * `try` statements with the text ranges of their body and of their handlers
   * (`except` / `catch` blocks): a handler that calls another LLM is a fallback. Those
   * inside more than MAX_TRY_NESTING others are left out (`tooDeep` has their starts):
   * each level links every endpoint inside it again, and a Python block's end is found
   * by reading its lines, so deep nesting would be quadratic.
   */
  tryStatements(): { statements: TryStatement[]; tooDeep: number[] } {
    const { tokens, text } = this;
    const statements: TryStatement[] = [];
    const tooDeep: number[] = [];
    const enclosing: number[] = []; // ends of the statements around the current one
    const add = (at: number, compute: () => TryStatement | undefined): void => {
      while (enclosing.length && enclosing[enclosing.length - 1]! <= at) enclosing.pop();
      if (enclosing.length >= MAX_TRY_NESTING) {
        tooDeep.push(at);
        return;
      }
      const statement = compute();
      if (!statement) return;
      statements.push(statement);
      enclosing.push(statement.handlers[statement.handlers.length - 1]!.e);
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t !== 'id' || t.v !== 'try') continue;
      if (this.lang === 'python') {
        if (tokens[i + 1]?.v !== ':') continue;
        add(t.s, () => {
          const indent = indentAt(text, t.s);
          const body = indentedBlock(text, t.s, indent);
          const handlers: { s: number; e: number }[] = [];
          let at = body.e + 1;
          for (;;) {
            const m = /^[ \t]*except\b[^\n]*:/.exec(text.slice(at));
            if (!m || indentAt(text, at + m[0].search(/\S/)) !== indent) break;
            const handler = indentedBlock(text, at + m[0].search(/\S/), indent);
            handlers.push(handler);
            at = handler.e + 1;
          }
          return handlers.length ? { body, handlers } : undefined;
        });
      } else {
        // Brace languages; a brace may sit on its own line (C#, Java styles).
        const skip = (j: number): number => {
          while (tokens[j]?.t === 'nl') j++;
          return j;
        };
        const open = skip(i + 1);
        if (tokens[open]?.v !== '{') continue;
        const close = this.closeOf(open);
        if (close <= open) continue;
        add(t.s, () => {
          const handlers: { s: number; e: number }[] = [];
          let j = skip(close + 1);
          while (tokens[j]?.t === 'id' && (tokens[j]!.v === 'catch' || tokens[j]!.v === 'except')) {
            j = skip(j + 1);
            if (tokens[j]?.v === '(') j = skip(this.closeOf(j) + 1);
            if (tokens[j]?.v !== '{') break;
            const end = this.closeOf(j);
            if (end <= j) break;
            handlers.push({ s: tokens[j]!.s, e: tokens[end]!.e });
            j = skip(end + 1);
          }
          return handlers.length ? { body: { s: tokens[open]!.s, e: tokens[close]!.e }, handlers } : undefined;
        });
      }
    }
    return { statements, tooDeep };
  }

  /** The path with its first name replaced by what an import binds it to. */
  qualify(path: string): string {
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const target = this.imports.get(head);
    return target ? target + (dot < 0 ? '' : path.slice(dot)) : path;
  }

  private isInteresting(path: string): boolean {
    return this.interesting(path) || (this.imports.size > 0 && this.interesting(this.qualify(path)));
  }

  parseFile(): CodeStructure {
    const { tokens } = this;
    const strings: Token[] = [];
    const stringIndex = new Map<number, number>();
    const checked = new Set<number>();
    const assignments = new Map<string, Assignment[]>();
    const depthStack: string[] = [];
    const openers: number[] = [];
    const importedUses: CodeStructure['importedUses'] = [];
    let importEnd = -1;
    let stmtStart = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      if (tok.t === 'nl') {
        const prev = tokens[i - 1];
        const continues = prev?.t === 'p' && CONTINUES_NEXT_LINE.has(prev.v) && this.lang !== 'python';
        if (!continues && (depthStack.length === 0 || depthStack[depthStack.length - 1] === '{')) stmtStart = i + 1;
        continue;
      }
      if (tok.t === 'p') {
        const v = tok.v;
        if (v === '(' || v === '[' || v === '{') {
          depthStack.push(v === '(' && this.isGoGroup(i) ? '{' : v);
          openers.push(i);
        } else if (v === ')' || v === ']' || v === '}') {
          depthStack.pop();
          openers.pop();
        }
        const atBlockLevel = depthStack.length === 0 || depthStack[depthStack.length - 1] === '{';
        if (v === ';' || ((v === '{' || v === '}') && atBlockLevel && this.lang !== 'python')) {
          stmtStart = i + 1;
          continue;
        }
        if ((v === '=' || v === ':=' || v.length === 2 && v[1] === '=' && '+-*/%|&^'.includes(v[0]!)) && atBlockLevel) {
          const top = openers[openers.length - 1];
          const emptyTest = v === '=' && top !== undefined && tokens[top]!.v === '{' ? this.emptyTested(top) : undefined;
          this.recordAssignment(assignments, stmtStart, i, v !== '=' && v !== ':=', this.blockAround(openers), emptyTest);
        }
        continue;
      }
      if (tok.t === 'str' || tok.t === 'tmpl') {
        if (!tok.bad && !this.isBareStatement(i, stmtStart)) {
          strings.push(tok);
          stringIndex.set(tok.s, i);
          if (this.isCheckOperand(i, openers)) checked.add(tok.s);
        }
        continue;
      }
      if (tok.t === 'id') {
        if (i > importEnd && (this.imports.size || this.imports.stars.length)) {
          importEnd = this.importStatementEnd(i);
          const use = importEnd < i ? this.importedUse(i) : undefined;
          if (use) {
            importedUses.push(use);
            stringIndex.set(tok.s, i);
            if (this.isCheckOperand(i + use.path.split('.').length * 2 - 2, openers)) checked.add(tok.s);
          }
        }
        this.maybeCall(i);
      }
    }
    for (const list of assignments.values()) for (const a of list) this.fileAssignments.push(a);
    return {
      calls: this.calls, strings, assignments, unstable: this.otherBindings(), importedUses,
      keyOf: (tok: Token) => this.keyOf(stringIndex.get(tok.s) ?? -1),
      isChecked: (tok: Token) => checked.has(tok.s),
    };
  }

  /**
   * The last token of the import (or re-export) statement starting at `i`, or -1 when none
   * starts there: the names it binds are not uses.
   */
  private importStatementEnd(i: number): number {
    const { tokens } = this;
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev && prev.t !== 'nl' && !(prev.t === 'p' && (prev.v === ';' || prev.v === '}'))) return -1;
    if (this.lang === 'python' && (t.v === 'from' || t.v === 'import')) {
      let j = i + 1;
      for (; j < tokens.length && tokens[j]!.t !== 'nl'; j++) if (tokens[j]!.v === '(') j = this.closeOf(j);
      return j;
    }
    const next = tokens[i + 1];
    if (this.lang === 'js' && (t.v === 'const' || t.v === 'let' || t.v === 'var')) {
      // `const { X } = require("m")`, `const m = require("m")`.
      if (this.requireTarget(i + 1)) return this.closeOf(i + 1) + 4;
      return next?.t === 'id' && tokens[i + 2]?.v === '=' && tokens[i + 3]?.v === 'require' && tokens[i + 4]?.v === '(' && tokens[i + 5]?.t === 'str' ? i + 5 : -1;
    }
    if (this.lang !== 'js' || !(t.v === 'import' || (t.v === 'export' && (next?.v === '{' || next?.v === '*')))) return -1;
    if (next?.v === '(' || next?.v === '.') return -1; // import("m"), import.meta
    let j = i + 1;
    if (t.v === 'export' && next?.v === '{') {
      j = this.closeOf(i + 1);
      if (tokens[j + 1]?.v !== 'from') return j;
    }
    for (let k = j; k < tokens.length && k < i + 1000; k++) if (tokens[k]!.t === 'str' || tokens[k]!.v === ';') return k;
    return j;
  }

  /** The UPPER_CASE imported name (or `module.NAME`) used at `i`, which may be another module's constant. */
  private importedUse(i: number): CodeStructure['importedUses'][number] | undefined {
    const { tokens } = this;
    const tok = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev?.v === '.' || prev?.v === '?.' || prev?.v === 'as') return undefined;
    // Any module: a tsconfig path alias (`@shared/hosts`) looks like a package until the workspace is known.
    // A Python `from m import *` may bind any name the file does not (the resolver asks).
    const starred = !this.imports.has(tok.v);
    if (starred && !(this.imports.stars.length && this.lang === 'python')) return undefined;
    const member = !starred && tokens[i + 1]?.v === '.' && tokens[i + 2]?.t === 'id' ? tokens[i + 2]! : undefined;
    if (starred && tokens[i + 1]?.v === '.') return undefined;
    const last = member ?? tok;
    // A constant renamed where it is imported (`BASE_URL as B`) keeps its module's name.
    const qualified = member || starred || this.imports.defaults.has(tok.v) ? undefined : this.imports.get(tok.v);
    const constant = (name: string): boolean => /^[A-Z][A-Z0-9_]*[A-Z][A-Z0-9_]*$/.test(name);
    if (!constant(last.v) && !(qualified && constant(qualified.slice(qualified.lastIndexOf('.') + 1)))) return undefined;
    // Assigned to (`X = ...`) or declared (`X: str`) here: not a read of the imported value.
    const after = tokens[i + (member ? 3 : 1)];
    if (after?.t === 'p' && (after.v === '=' || after.v === ':=')) return undefined;
    if (!member && after?.t === 'p') {
      // Called (`url()`, a method of that name): no constant. Before `:` a key or field, not a read: JS
      // `{ url: ...}`, `url?: string`, `readonly url!: string` (a read only after `?` or `case`), Python `X: str` (at a statement's start).
      if (after.v === '(') return undefined;
      const next = ['?', '!'].includes(after.v) ? tokens[i + 2] : after;
      const declared = this.lang === 'js' ? !(prev?.v === '?' || prev?.v === 'case') : !prev || prev.t === 'nl';
      if ((next?.v === ':' || next?.v === '?:' || (after.v === '?' && next?.v === '(')) && declared) return undefined;
    }
    return { tok, path: member ? `${tok.v}.${member.v}` : tok.v, s: tok.s, e: last.e };
  }

  /**
   * Whether the string at `i` is an operand of a comparison or a text test: `x === "..."`,
   * `case "...":`, `"..." in url`, `url.includes("...")`, `strings.HasPrefix(u, "...")`,
   * `"...".equals(host)`, also as an item of a list tested at once
   * (`url.endswith(("a", "b"))`, `["a", "b"].includes(host)`, `host in ("a", "b")`).
   * `openers` are the brackets open around it, innermost last.
   */
  private isCheckOperand(i: number, openers: number[]): boolean {
    const { tokens } = this;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && ((prev.t === 'p' && COMPARISONS.has(prev.v)) || (prev.t === 'id' && prev.v === 'case'))) return true;
    if (next?.t === 'p' && COMPARISONS.has(next.v)) return true;
    if (this.lang === 'python' && next?.t === 'id' && (next.v === 'in' || (next.v === 'not' && tokens[i + 2]?.v === 'in'))) return true;
    const isCheckCall = (dot: number): boolean => {
      const name = tokens[dot + 1];
      return (tokens[dot]?.v === '.' || tokens[dot]?.v === '?.') && name?.t === 'id' && CHECK_METHODS.has(name.v) && tokens[dot + 2]?.v === '(';
    };
    if (isCheckCall(i + 1)) return true;
    // Up through at most one list or tuple to the call whose argument it is.
    for (let k = openers.length - 1; k >= 0 && k >= openers.length - 2; k--) {
      const open = openers[k]!;
      const before = tokens[open - 1];
      const isMethod = before?.t === 'id' && (PATH_SEPARATORS.has(tokens[open - 2]?.v ?? '') || !CONTROL_KEYWORDS.has(before.v));
      if (tokens[open]!.v === '(' && isMethod) return CHECK_METHODS.has(before.v);
      if (before?.t === 'id' && before.v === 'in' && this.lang === 'python') return !this.isLoopIn(open - 1);
      if (isCheckCall(this.closeOf(open) + 1)) return true;
    }
    return false;
  }

  /** Whether the Python `in` at `i` belongs to a loop (`for a, b in ...`), which goes through the items rather than testing one. */
  private isLoopIn(i: number): boolean {
    const { tokens } = this;
    let j = i - 1;
    while (j >= 0 && j > i - 12 && (tokens[j]!.t === 'id' || [',', '(', ')', '[', ']'].includes(tokens[j]!.v)) && tokens[j]!.v !== 'for') j--;
    return tokens[j]?.v === 'for';
  }

  /** See CodeStructure.unstable. Over-approximates: a type name in a parameter list is included too. */
  private otherBindings(): Set<string> {
    const { tokens } = this;
    const out = new Set<string>();
    const idsIn = (a: number, b: number): void => {
      for (let j = a; j < b; j++) if (tokens[j]!.t === 'id') out.add(tokens[j]!.v);
    };
    // The last token of the import statement the scan is in: `import { X as Y }` and Python's
    // `from m import X as Y` bind Y to what the import names (the import map), not at run time.
    let importEnd = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t === 'id') {
        const next = tokens[i + 1];
        if (i > importEnd && (t.v === 'import' || t.v === 'from' || t.v === 'export')) importEnd = Math.max(importEnd, this.importStatementEnd(i));
        if (t.v === 'as' && i < importEnd) continue;
        if (t.v === 'for' || t.v === 'foreach') {
          // Loop targets: up to `in`, `of`, `:=`, `:` or `;`.
          let j = i + 1;
          if (tokens[j]?.v === '(') j++;
          const start = j;
          while (j < tokens.length && j < i + 16 && !/^(?:in|of|:=|:|;|range)$/.test(tokens[j]!.v) && tokens[j]!.t !== 'nl') j++;
          idsIn(start, j);
        } else if ((t.v === 'as' || t.v === 'global' || t.v === 'nonlocal') && next?.t === 'id') {
          idsIn(i + 1, i + 2);
          for (let j = i + 2; tokens[j]?.v === ',' && tokens[j + 1]?.t === 'id'; j += 2) idsIn(j + 1, j + 2);
        } else if (t.v === 'lambda') {
          let j = i + 1;
          while (j < tokens.length && j < i + 64 && tokens[j]!.v !== ':' && tokens[j]!.t !== 'nl') j++;
          idsIn(i + 1, j);
        } else if ((t.v === 'const' || t.v === 'let' || t.v === 'var' || t.v === 'val') && (next?.v === '{' || next?.v === '[' || next?.v === '(') && !this.isGoGroup(i + 1)) {
          // Destructuring (Go's `const (` is a group of plain constants); `const { X } = require("m")` binds X as an import does.
          if (!this.requireTarget(i + 1)) idsIn(i + 2, this.closeOf(i + 1));
        } else if (next?.t === 'p' && next.v === '=>' ) {
          out.add(t.v); // x => ...
        }
        continue;
      }
      if (t.t !== 'p') continue;
      if (t.v === '(' && this.closeOf(i) > i) {
        const close = this.closeOf(i);
        const before = tokens[i - 1];
        const beforeName = tokens[i - 2];
        const after = tokens[close + 1];
        const isDef =
          (beforeName?.t === 'id' && DEFINITION_KEYWORDS.has(beforeName.v)) ||
          (before?.t === 'id' && DEFINITION_KEYWORDS.has(before.v)) || // function(...) / func(...)
          (after?.t === 'p' && (after.v === '=>' || (after.v === '{' && this.lang !== 'python'))) ||
          (after?.t === 'p' && after.v === ':' && this.lang !== 'python' && this.isDefinition(i - 1 >= 0 ? i - 1 : 0, i));
        if (isDef) idsIn(i + 1, close);
      } else if (t.v === '|' && this.lang === 'rust') {
        // Closure parameters |a, b|.
        let j = i + 1;
        while (j < tokens.length && j < i + 16 && tokens[j]!.v !== '|') j++;
        if (tokens[j]?.v === '|') idsIn(i + 1, j);
      } else if (t.v === '{' && this.closeOf(i) > i && tokens[this.closeOf(i) + 1]?.v === '=' && !this.requireTarget(i)) {
        idsIn(i + 1, this.closeOf(i)); // { a, b } = obj
      }
    }
    // Tuple targets: `a, b = ...` and Go `a, b := ...`.
    for (const list of this.tupleTargets) for (const name of list) out.add(name);
    return out;
  }

  /** JS: whether the braces opened at `open` are the target of `{ A, B: C } = require("m")`, which binds names as an import does (imports.ts). */
  private requireTarget(open: number): boolean {
    const { tokens } = this;
    const close = this.closeOf(open);
    return this.lang === 'js' && tokens[open]?.v === '{' && close > open && tokens[close + 1]?.v === '=' && tokens[close + 2]?.v === 'require'
      && tokens[close + 3]?.v === '(' && tokens[close + 4]?.t === 'str' && tokens[close + 5]?.v === ')';
  }

  /** Go's `const (` and `var (` open a group of statements, not an expression. */
  private isGoGroup(i: number): boolean {
    const prev = this.tokens[i - 1];
    return this.lang === 'go' && prev?.t === 'id' && (prev.v === 'const' || prev.v === 'var');
  }

  /** Parses the expression assigned by `a` (once: a name is looked up at each of its uses). */
  valueOf(a: Assignment): Value {
    let value = this.values.get(a);
    if (!value) this.values.set(a, (value = this.parseRange(a.from, a.to)));
    return value;
  }

  /**
   * Go: the function whose parameter `name` is at `at`, and the parameter's position, when
   * the innermost function around `at` declares it (`func run(host string) { ... }`).
   */
  goParameter(name: string, at: number): { fn: string; index: number } | undefined {
    let inner: GoFunc | undefined;
    for (const f of this.goFuncs()) if (f.bodyS <= at && at <= f.bodyE && (!inner || f.bodyE - f.bodyS < inner.bodyE - inner.bodyS)) inner = f;
    const index = inner ? inner.params.indexOf(name) : -1;
    return inner && index >= 0 ? { fn: inner.name, index } : undefined;
  }

  /** Go: the argument at `index` of every plain call of the function `fn` in the file. */
  goCallArguments(fn: string, index: number): Value[] {
    const { tokens } = this;
    const out: Value[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t !== 'id' || t.v !== fn || tokens[i + 1]?.v !== '(' || tokens[i - 1]?.v === 'func' || PATH_SEPARATORS.has(tokens[i - 1]?.v ?? '')) continue;
      const arg = this.topLevelItems(i + 1)[index];
      if (arg) out.push(this.parseRange(arg.from, arg.to));
    }
    return out;
  }

  /**
   * Python: the value every call in the file passes for the parameter `name` of the def around
   * `at` (a call that leaves it out: its default), for a top-level function or a class's
   * `__init__` (called as the class). Undefined when that is not all there is to know: no call,
   * a `*args`/`**kwargs` call, a parameter with neither argument nor default, or the function
   * or class named anywhere but in a call (passed on, subclassed). Only meaningful where the
   * file's own calls are all the calls (a notebook, which nothing imports).
   */
  pythonPassedValues(name: string, at: number): Value[] | undefined {
    if (this.lang !== 'python' || name.includes('.')) return undefined;
    const def = this.innermostPythonBlock((b) => b.s < at && at < b.e);
    const header = def && this.pythonHeader(def.s);
    if (!def || header?.kind !== 'def' || header.open < 0) return undefined;
    // Once per parameter: a def's body may use it many times.
    const key = `${def.s}:${name}`;
    this.passedCache ??= new Map();
    if (this.passedCache.has(key)) return this.passedCache.get(key);
    const values = this.scanPassedValues(name, def, header);
    this.passedCache.set(key, values);
    return values;
  }

  private scanPassedValues(name: string, def: { s: number; e: number }, header: { name: string; open: number }): Value[] | undefined {
    const parameter = this.parameterOf(name, def, header);
    if (!parameter) return undefined;
    const { callee, index, fallback } = parameter;
    const { tokens } = this;
    const out: Value[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t !== 'id' || t.v !== callee || PATH_SEPARATORS.has(tokens[i - 1]?.v ?? '')) continue;
      const before = tokens[i - 1]?.v;
      if (before === 'def' || before === 'class') continue;
      if (tokens[i + 1]?.v !== '(') return undefined; // passed on or subclassed: other calls may exist
      const args = this.topLevelItems(i + 1);
      if (args.some((a) => tokens[a.from]?.v === '*' || tokens[a.from]?.v === '**')) return undefined;
      const keyword = args.find((a) => tokens[a.from]?.v === name && tokens[a.from + 1]?.v === '=');
      const positional = args.filter((a) => !(tokens[a.from]?.t === 'id' && tokens[a.from + 1]?.v === '='))[index];
      const arg = keyword ? { from: keyword.from + 2, to: keyword.to } : positional;
      if (arg) out.push(this.parseRange(arg.from, arg.to));
      else if (fallback) out.push(fallback);
      else return undefined;
    }
    return out.length ? out : undefined;
  }

  /** Python argparse: whether a `set_defaults(...)` call of the file names `dest`. */
  private setsDefault(dest: string): boolean {
    const { tokens } = this;
    return tokens.some((t, i) => t.v === 'set_defaults' && tokens[i + 1]?.v === '(' &&
      this.topLevelItems(i + 1).some((item) => tokens[item.from]!.v === dest && tokens[item.from + 1]?.v === '='));
  }

  /**
   * Python argparse: the one `add_argument(...)` of this file whose destination is `dest`
   * (`dest=`, else the first long flag, else the first short one, dashes as underscores), with
   * its flag as written and its `default=`. Undefined when none or several define it.
   */
  pythonCommandLineOption(dest: string): { flag: string; fallback?: Value } | undefined {
    if (this.lang !== 'python') return undefined;
    const { tokens } = this;
    let found: { flag: string; fallback?: Value } | undefined;
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i]!.v !== 'add_argument' || tokens[i - 1]!.v !== '.' || tokens[i + 1]?.v !== '(') continue;
      const flags: string[] = [];
      let named: string | undefined;
      let fallback: Value | undefined;
      let required = false;
      for (const item of this.topLevelItems(i + 1)) {
        const first = tokens[item.from]!;
        const keyword = first.t === 'id' && tokens[item.from + 1]?.v === '=' ? first.v : undefined;
        if (keyword === 'dest' && tokens[item.from + 2]?.t === 'str') named = tokens[item.from + 2]!.v;
        else if (keyword === 'default') fallback = this.parseRange(item.from + 2, item.to);
        else if (keyword === 'required' && tokens[item.from + 2]?.v === 'True') required = true;
        else if (!keyword && first.t === 'str' && item.to === item.from + 1) flags.push(first.v);
      }
      const flag = flags.find((f) => f.startsWith('--')) ?? flags[0];
      if (!flag) continue;
      if ((named ?? flag.replace(/^-+/, '').replace(/-/g, '_')) !== dest) continue;
      if (found) return undefined;
      // A required option has no default that applies; one set_defaults() names may be changed there.
      found = { flag, ...(fallback && !required && !this.setsDefault(dest) ? { fallback } : {}) };
    }
    return found;
  }

  /**
   * Python: the parameter `name` of the def around `at`, when that def is a top-level function
   * or the `__init__` of a top-level class (whose calls are the class's): the name callers
   * call, its position among the arguments a call passes, and its default. Undefined for
   * any other def, or a parameter after `*`/`**` (its position is not fixed).
   */
  pythonParameter(name: string, at: number): { callee: string; index: number; fallback?: Value; body: { s: number; e: number } } | undefined {
    if (this.lang !== 'python' || name.includes('.')) return undefined;
    const def = this.innermostPythonBlock((b) => b.s < at && at < b.e);
    const header = def && this.pythonHeader(def.s);
    if (!def || header?.kind !== 'def' || header.open < 0) return undefined;
    const p = this.parameterOf(name, def, header);
    // The body: after the parameter list's `)`.
    return p && { ...p, body: { s: this.tokens[this.closeOf(header.open)]?.e ?? def.s, e: def.e } };
  }

  /**
   * Python: what the top-level function `name` returns, when that is one expression whatever
   * the call: the def takes no parameters and its body has a single `return` and no `yield`
   * (`def llm_config(): cfg = {...}; return cfg`). `at` is the `return`, where names in the
   * expression are read. Undefined for anything else.
   */
  pythonReturnOf(name: string): { value: Value; at: number } | undefined {
    if (this.lang !== 'python' || name.includes('.')) return undefined;
    this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
    const defs = this.pyBlocks.filter((b) => indentAt(this.text, b.s) === 0 && this.pythonHeader(b.s)?.name === name);
    const header = defs.length === 1 ? this.pythonHeader(defs[0]!.s) : undefined;
    if (!header || header.kind !== 'def' || header.open < 0 || this.topLevelItems(header.open).length > 0) return undefined;
    const { tokens } = this;
    let ret = -1;
    for (let i = this.closeOf(header.open) + 1; i < tokens.length && tokens[i]!.s < defs[0]!.e; i++) {
      const v = tokens[i]!;
      if (v.t !== 'id' || (v.v !== 'return' && v.v !== 'yield')) continue;
      if (v.v === 'yield' || ret >= 0) return undefined;
      ret = i;
    }
    if (ret < 0) return undefined;
    let end = ret + 1;
    while (end < tokens.length && tokens[end]!.t !== 'nl' && tokens[end]!.v !== ';') end++;
    return end > ret + 1 ? { value: this.parseRange(ret + 1, end), at: tokens[ret]!.s } : undefined;
  }

  /**
   * Python: whether `name` is bound in [s, e) other than by a plain read: assigned (also in
   * place), a `for`/`with`/`except` target, imported, deleted, or declared `global`.
   */
  pythonBindsWithin(name: string, s: number, e: number, assignments: readonly Assignment[]): boolean {
    if (assignments.some((a) => a.s >= s && a.s < e)) return true;
    this.bindingIndex ??= this.pythonBindingIndex();
    const b = this.bindingIndex.get(name);
    return !!b && ((b.globalAt >= s && b.globalAt < e) || b.bindings.some((x) => x >= s && x < e));
  }

  private parameterOf(name: string, def: { s: number; e: number }, header: { name: string; open: number }): { callee: string; index: number; fallback?: Value } | undefined {
    let callee = header.name;
    let params = this.topLevelItems(header.open);
    if (indentAt(this.text, def.s) > 0) {
      // A method: only `__init__`, whose calls are the class's, directly in a top-level class.
      const cls = this.innermostPythonBlock((b) => b.s < def.s && def.e <= b.e);
      const owner = cls && this.pythonHeader(cls.s);
      if (header.name !== '__init__' || owner?.kind !== 'class' || indentAt(this.text, cls!.s) > 0) return undefined;
      callee = owner.name;
      params = params.slice(1);
    }
    const { tokens } = this;
    const paramName = (p: { from: number; to: number }): string | undefined => (tokens[p.from]?.t === 'id' ? tokens[p.from]!.v : undefined);
    const index = params.findIndex((p) => paramName(p) === name);
    if (index < 0 || params.slice(0, index).some((p) => tokens[p.from]?.v === '*' || tokens[p.from]?.v === '**')) return undefined;
    const param = params[index]!;
    let eq = param.from;
    while (eq < param.to && tokens[eq]!.v !== '=') eq++;
    return { callee, index, ...(eq < param.to ? { fallback: this.parseRange(eq + 1, param.to) } : {}) };
  }

  /** Python: the name of the top-level class whose `__init__` makes the assignment `a`, if any. */
  pythonInitClassOf(a: Assignment): string | undefined {
    if (this.lang !== 'python') return undefined;
    const block = this.blockOf(a);
    if (this.pythonHeader(block.s)?.name !== '__init__') return undefined;
    const cls = this.innermostPythonBlock((b) => b.s < block.s && block.e <= b.e);
    const header = cls && this.pythonHeader(cls.s);
    return header?.kind === 'class' && indentAt(this.text, cls!.s) === 0 ? header.name : undefined;
  }

  /** The comma-separated items of the bracket opened at token `open`, as token ranges (for readers outside the parser). */
  itemsOf(open: number): { from: number; to: number }[] {
    return this.topLevelItems(open);
  }

  /**
   * Python: whether an assignment (`self.location = location`) is in the `__init__` of the
   * class whose body holds `at`: set once when the object is made, so every method sees it.
   */
  setInInitOfClassAround(a: Assignment, at: number): boolean {
    if (this.lang !== 'python') return false;
    const block = this.blockOf(a);
    if (this.pythonHeader(block.s)?.name !== '__init__') return false;
    const cls = this.innermostPythonBlock((b) => b.s < block.s && block.e <= b.e);
    if (cls === undefined || this.pythonHeader(cls.s)?.kind !== 'class' || at <= cls.s || at >= cls.e) return false;
    // Nothing else writes it (`obj.attr = ...`, `obj.attr, x = ...`, `for obj.attr in`, setattr, `__dict__`).
    const attr = a.name.slice(a.name.lastIndexOf('.') + 1);
    this.attributeWrites ??= this.pythonAttributeWrites();
    return !this.attributeWrites.opaque && (this.attributeWrites.count.get(attr) ?? 0) <= 1;
  }

  /**
   * Python, once per file: how often each attribute name is written (`x.attr` before `=`, an
   * augmented `=`, `,` or `:` at statement level, or after `for`), and whether the file writes
   * attributes in ways not read here (setattr, `__setattr__`, `__dict__`, `vars()`).
   */
  private pythonAttributeWrites(): { count: Map<string, number>; opaque: boolean } {
    const { tokens } = this;
    const count = new Map<string, number>();
    let opaque = false;
    for (let j = 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.t !== 'id') continue;
      if (['setattr', '__setattr__', '__dict__', 'vars'].includes(t.v)) opaque = true;
      if (tokens[j - 1]!.v !== '.') continue;
      const next = tokens[j + 1]?.v ?? '';
      // `for a.attr in ...`: walk back over the target's path to its `for`.
      let k = j - 1;
      while (k >= 1 && tokens[k]!.v === '.' && tokens[k - 1]!.t === 'id') k -= 2;
      // `,` and `:` write only where the path starts the statement (a tuple target, an annotation), not inside a call or a condition.
      const startsStatement = k < 0 || tokens[k]!.t === 'nl' || tokens[k]!.v === ';';
      const written = /^(?:[-+*/%&|^@]|\/\/|\*\*|<<|>>)?=$|^:=$/.test(next) || (startsStatement && /^[,:]$/.test(next)) || tokens[k]?.v === 'for';
      if (written) count.set(t.v, (count.get(t.v) ?? 0) + 1);
    }
    return { count, opaque };
  }

  /** Python: the innermost def or class block (the one starting last) that passes the test. */
  private innermostPythonBlock(test: (b: { s: number; e: number }) => boolean): { s: number; e: number } | undefined {
    this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
    let found: { s: number; e: number } | undefined;
    for (const b of this.pyBlocks) if (test(b) && (!found || b.s > found.s)) found = b;
    return found;
  }

  /** Python: what a def or class header at `lineStart` declares, and where its `(` is (-1: none). */
  private pythonHeader(lineStart: number): { kind: 'def' | 'class'; name: string; open: number } | undefined {
    const { tokens } = this;
    let i = firstFrom(tokens, lineStart, (t) => t.s);
    if (tokens[i]?.v === 'async') i++;
    const kind = tokens[i]?.v;
    const name = tokens[i + 1];
    if ((kind !== 'def' && kind !== 'class') || name?.t !== 'id') return undefined;
    return { kind, name: name.v, open: tokens[i + 2]?.v === '(' ? i + 2 : -1 };
  }

  /** Go functions with a name and a body (methods and literals included): their parameter names. */
  private goFuncs(): GoFunc[] {
    if (this.funcs) return this.funcs;
    const { tokens } = this;
    const funcs: GoFunc[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.v !== 'func' || tokens[i]!.t !== 'id') continue;
      let j = i + 1;
      if (tokens[j]?.v === '(' && tokens[this.closeOf(j) + 1]?.t === 'id') j = this.closeOf(j) + 1; // receiver
      const name = tokens[j]?.t === 'id' ? tokens[j++]!.v : '';
      if (tokens[j]?.v !== '(') continue;
      const params = this.topLevelItems(j).map((p) => (tokens[p.from]?.t === 'id' ? tokens[p.from]!.v : ''));
      // The body is the first `{` after the results that is not a type's (`interface{}`, `struct{...}`).
      let k = this.closeOf(j) + 1;
      for (; k < tokens.length && tokens[k]!.t !== 'nl'; k++) {
        const v = tokens[k]!.v;
        if (v === '(' || v === '[') k = this.closeOf(k);
        else if (v === '{' && (tokens[k - 1]?.v === 'interface' || tokens[k - 1]?.v === 'struct')) k = this.closeOf(k);
        else if (v === '{') break;
      }
      if (tokens[k]?.v !== '{' || this.closeOf(k) <= k) continue;
      funcs.push({ name, params, bodyS: tokens[k]!.s, bodyE: tokens[this.closeOf(k)]!.e });
    }
    return (this.funcs = funcs);
  }

  /** The comma-separated items inside the bracket opened at `open`, as token ranges. */
  private topLevelItems(open: number): { from: number; to: number }[] {
    const { tokens } = this;
    const close = this.closeOf(open);
    const items: { from: number; to: number }[] = [];
    let from = open + 1;
    for (let j = open + 1; j <= close && close > open; j++) {
      const v = tokens[j]!.v;
      if (j === close || (v === ',' && tokens[j]!.t === 'p')) {
        while (from < j && tokens[from]!.t === 'nl') from++;
        if (from < j) items.push({ from, to: j });
        from = j + 1;
      } else if (tokens[j]!.t === 'p' && (v === '(' || v === '[' || v === '{')) {
        j = this.closeOf(j);
      }
    }
    return items;
  }

  /** Parses an interpolation hole's tokens (they live outside the main stream). */
  static parseHole(parent: CodeParser, tokens: Token[]): Value {
    const sub = new CodeParser(parent.text, tokens, parent.lang, parent.interesting, parent.imports);
    sub.depth = parent.depth;
    sub.skipped = parent.skipped;
    return sub.parseRange(0, tokens.length);
  }

  /** Start offsets of the expressions not analysed because they nest deeper than MAX_NESTING, so far. */
  tooDeep(): number[] {
    return [...this.skipped].sort((a, b) => a - b);
  }

  // ---- statements -------------------------------------------------------------------

  /** The block an assignment belongs to: the innermost enclosing `{...}`, or the whole file. */
  private blockAround(openers: number[]): { s: number; e: number } {
    const { tokens } = this;
    for (let k = openers.length - 1; k >= 0; k--) {
      const open = openers[k]!;
      // Go's `const (`/`var (` group declares its names in the enclosing block, not its own.
      if (tokens[open]!.v === '{') {
        const close = this.closeOf(open);
        return { s: tokens[open]!.s, e: close > open ? tokens[close]!.e : this.text.length };
      }
    }
    // Python blocks come from indentation; they are worked out only when needed (blockOf).
    return this.lang === 'python' ? { s: -1, e: -1 } : { s: 0, e: this.text.length };
  }

  /** Start offsets of lines that begin inside brackets (a signature's parameters, a call's arguments): their indentation means nothing. */
  private continuationLines(): Set<number> {
    if (this.continuation) return this.continuation;
    const out = (this.continuation = new Set<number>());
    const { text } = this;
    let depth = 0;
    // Tokens come in text order: walk the line starts alongside them (one pass over both).
    let lineStart = 0;
    let nextBreak = text.indexOf('\n');
    let lastLine = -1;
    for (const t of this.tokens) {
      while (nextBreak >= 0 && nextBreak < t.s) {
        lineStart = nextBreak + 1;
        nextBreak = text.indexOf('\n', lineStart);
      }
      if (lineStart !== lastLine) {
        // The first token on its line: the line continues a bracket when one is open.
        if (depth > 0) out.add(lineStart);
        lastLine = lineStart;
      }
      if (t.t !== 'p') continue;
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if ((t.v === ')' || t.v === ']' || t.v === '}') && depth > 0) depth--;
    }
    return out;
  }

  /**
   * The conditions of the `if` statements whose body holds `offset` (Python, JS/TS), each as
   * the source texts of its top-level `and` / `&&` operands (whitespace collapsed); a condition
   * that is no plain `and` chain (an `or`, a conditional or assignment expression at its top
   * level) gives none. Code in that body runs only where every operand is truthy.
   */
  andConditionsAround(offset: number): string[][] {
    // The file's plain `and` conditions with their bodies, worked out once: a file may hold thousands of ifs and calls.
    this.andIfs ??= this.plainAndIfs();
    return this.andIfs.filter((x) => x.body.s < offset && offset < x.body.e).map((x) => x.operands);
  }

  /** Every `if`/`elif` (Python) or `if (...) {` (JS) whose condition is a plain `and`/`&&` chain: its operands and its body. */
  private plainAndIfs(): { operands: string[]; body: { s: number; e: number } }[] {
    const { tokens, text } = this;
    const python = this.lang === 'python';
    if (!python && this.lang !== 'js') return [];
    const out: { operands: string[]; body: { s: number; e: number } }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.t !== 'id' || !(t.v === 'if' || (python && t.v === 'elif'))) continue;
      let from = i + 1;
      let to: number;
      let body: { s: number; e: number };
      if (python) {
        // The statement's own `if` (not a conditional expression): first on its logical line.
        if (i > 0 && tokens[i - 1]!.t !== 'nl') continue;
        let colon = from;
        while (colon < tokens.length && tokens[colon]!.v !== ':' && tokens[colon]!.t !== 'nl') colon = isOpener(tokens[colon]!) ? this.closeOf(colon) + 1 : colon + 1;
        if (tokens[colon]?.v !== ':') continue;
        to = colon;
        body = indentedBlock(text, tokens[colon]!.s, indentAt(text, t.s));
        body = { s: tokens[colon]!.e, e: body.e };
      } else {
        if (tokens[from]?.v !== '(') continue;
        const close = this.closeOf(from);
        if (tokens[close + 1]?.v !== '{') continue;
        [from, to] = [from + 1, close];
        body = { s: tokens[close + 1]!.s, e: tokens[this.closeOf(close + 1)]!.e };
      }
      // `if (a and b):` reads as `if a and b:`.
      if (tokens[from]?.v === '(' && this.closeOf(from) === to - 1) [from, to] = [from + 1, to - 1];
      const operands: string[] = [];
      let start = from;
      let plain = true;
      for (let j = from; j < to && plain; j++) {
        const v = tokens[j]!.v;
        if (isOpener(tokens[j]!)) {
          j = this.closeOf(j);
          continue;
        }
        if (python ? ['or', 'if', 'else', 'lambda', ':='].includes(v) : ['||', '??', '?', '=', ','].includes(v)) plain = false;
        else if (v === (python ? 'and' : '&&')) {
          operands.push(text.slice(tokens[start]!.s, tokens[j - 1]!.e));
          start = j + 1;
        }
      }
      if (!plain || start >= to) continue;
      operands.push(text.slice(tokens[start]!.s, tokens[to - 1]!.e));
      out.push({ operands: operands.map((o) => o.replace(/\s+/g, ' ').trim()), body });
    }
    return out;
  }

  /**
   * Python: the assignment to `name` that a use at the file's top level sees when the file runs
   * from top to bottom (a script, a notebook's cells in order): the last one written at the
   * start of a line at the top level before the use, when nothing between the two can bind
   * the name again (a loop, `with ... as`, an import, an unparsed assignment) and no function
   * declares it `global` before the use (it may have been called). Undefined otherwise, and
   * the usual rules decide (`if`/`try` bodies are indented, so never chosen here).
   */
  lastTopLevelAssignment(name: string, list: Assignment[], useAt: number): Assignment | undefined {
    if (this.lang !== 'python' || list.length === 0 || this.insideDefinition(useAt) || this.insideLambda(useAt)) return undefined;
    // The use's statement starts at column 0: not in a loop, `if`, `with` or `try` body, which may run twice or not at all.
    const continuation = this.continuationLines();
    let line = this.text.lastIndexOf('\n', useAt - 1) + 1;
    while (line > 0 && continuation.has(line)) line = this.text.lastIndexOf('\n', line - 2) + 1;
    if (this.text[line] === ' ' || this.text[line] === '\t') return undefined;
    // A one-line compound statement (`for x in xs: use(REGION); REGION = ...`) may run its body twice or not at all.
    if (/^(?:for|while|async|if|elif|else|try|except|finally|with|match|case)\b/.test(this.text.slice(line, line + 8))) return undefined;
    const facts = this.bindingFacts(name, list);
    if (facts.globalAt < useAt) return undefined;
    const k = firstFrom(facts.starts, useAt, (x) => x) - 1;
    let last = k >= 0 ? facts.sorted[k]! : undefined;
    // `X = "a"` then `if not X:` / `if X is None:` with `X = <default>` under it: one value with a default (`X or default`).
    const filling = last && k >= 1 && this.fillsIfEmpty(last, name) ? last : undefined;
    if (filling) last = facts.sorted[k - 1]!;
    const atLineStart = (a: Assignment): boolean => this.text.lastIndexOf('\n', a.s - 1) + 1 === a.s;
    if (!last || last.compound || !this.atTopLevel(last) || !atLineStart(last)) return undefined;
    // Another binding between the assignment and the use (a loop target, an import, `as`, an unparsed assignment).
    for (let n = firstFrom(facts.bindings, last.s + 1, (x) => x); n < facts.bindings.length && facts.bindings[n]! < useAt; n++) {
      if (facts.bindings[n] !== filling?.s) return undefined;
    }
    return filling ? { ...last, defaults: [filling] } : last;
  }

  /** Python: whether an assignment to `name` is the only statement of a top-level `if not name:` (`is None`, `== ""`) block. */
  private fillsIfEmpty(a: Assignment, name: string): boolean {
    const lineStart = this.text.lastIndexOf('\n', a.s - 1) + 1;
    if (!/^[ \t]+$/.test(this.text.slice(lineStart, a.s))) return false;
    const before = this.text.slice(0, lineStart).replace(/\s+$/, '');
    const header = before.slice(before.lastIndexOf('\n') + 1);
    const n = name.replace(/[.$]/g, '\\$&');
    if (!new RegExp(`^if\\s+(?:not\\s+${n}|${n}\\s+is\\s+None|${n}\\s*==\\s*(?:""|''|None))\\s*:\\s*(?:#.*)?$`).test(header)) return false;
    // Nothing else in the block: the next line with code is back at column 0.
    const after = this.text.indexOf('\n', a.s);
    const rest = after < 0 ? '' : this.text.slice(after + 1);
    const nextCode = /^(?:[ \t]*(?:#.*)?\r?\n)*([ \t]*)\S/.exec(rest);
    return !nextCode || nextCode[1] === '';
  }

  /**
   * For lastTopLevelAssignment, once per name: its assignments in file order, where the first
   * `global`/`nonlocal` declaration of it is, and where it stands as anything but a plain read.
   */
  private bindingFacts(name: string, list: Assignment[]): { sorted: Assignment[]; starts: number[]; globalAt: number; bindings: number[] } {
    this.bindingCache ??= new Map();
    let facts = this.bindingCache.get(name);
    if (facts) return facts;
    this.bindingIndex ??= this.pythonBindingIndex();
    const sorted = [...list].sort((x, y) => x.s - y.s);
    const index = this.bindingIndex.get(name);
    facts = { sorted, starts: sorted.map((a) => a.s), globalAt: index?.globalAt ?? Infinity, bindings: index?.bindings ?? [] };
    this.bindingCache.set(name, facts);
    return facts;
  }

  /**
   * Python, for every name at once (one pass over the tokens): where it is first declared
   * `global`/`nonlocal`, and where it stands as anything but a plain read (before `=`, `:=`
   * or `,`; after `for`, `as`, `import`, `del`).
   */
  private pythonBindingIndex(): Map<string, { globalAt: number; bindings: number[] }> {
    const { tokens } = this;
    const BINDS = new Set(['for', 'as', 'import', 'del']);
    const index = new Map<string, { globalAt: number; bindings: number[] }>();
    const entry = (name: string): { globalAt: number; bindings: number[] } => {
      let e = index.get(name);
      if (!e) index.set(name, (e = { globalAt: Infinity, bindings: [] }));
      return e;
    };
    // The brackets around each token: inside a call's parentheses `name=` is a keyword argument
    // and `name,` an argument, not bindings, unless the brackets are themselves a target
    // (`(a, b) = ...`, `for (a, b) in ...`).
    const open: number[] = [];
    // Inside a statement's target list every name is bound: `for i, (a, b) in`, `with f() as (a, b):`,
    // `from m import (A,\n B)`; the list ends at its stop token (or the line) at the depth it began.
    let targets: { kind: 'for' | 'as' | 'import'; depth: number } | undefined;
    const STOPS = { for: ['in'], as: [':', ',', ')'], import: [';'] };
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (isOpener(t)) open.push(j);
      else if (t.t === 'p' && (t.v === ')' || t.v === ']' || t.v === '}')) open.pop();
      if (targets && open.length <= targets.depth && (t.t === 'nl' || STOPS[targets.kind].includes(t.v))) targets = undefined;
      // An attribute (`self.region = ...`) binds no bare name.
      if (t.t !== 'id' || tokens[j - 1]?.v === '.') continue;
      if (t.v === 'for' || t.v === 'import' || (t.v === 'as' && targets?.kind !== 'import')) {
        targets = { kind: t.v, depth: open.length };
        continue;
      }
      if (targets) {
        entry(t.v).bindings.push(t.s);
        continue;
      }
      if (t.v === 'global' || t.v === 'nonlocal') {
        for (let k = j + 1; tokens[k]?.t === 'id'; k += 2) {
          const e = entry(tokens[k]!.v);
          e.globalAt = Math.min(e.globalAt, t.s);
          if (tokens[k + 1]?.v !== ',') break;
        }
      }
      const after = tokens[j + 1]?.v;
      const inner = open.at(-1);
      const target = inner === undefined || tokens[this.closeOf(inner) + 1]?.v === '=' || this.inForTarget(inner);
      if (after === ':=' || BINDS.has(tokens[j - 1]?.v ?? '') || ((after === '=' || after === ',') && target)) entry(t.v).bindings.push(t.s);
    }
    return index;
  }

  /** Python: whether the bracket opened at token `open` is part of a `for` target (`for i, (a, b) in ...`). */
  private inForTarget(open: number): boolean {
    // Back over the target's tokens, at most a few dozen, to its `for`.
    for (let k = open - 1; k >= 0 && k > open - 40; k--) {
      const v = this.tokens[k]!;
      if (v.v === 'for') return true;
      if (v.t === 'nl' || v.v === 'in' || v.v === '=' || v.v === ':' || (v.t === 'id' && v.v !== 'async' && this.tokens[k + 1]?.v === '(')) return false;
    }
    return false;
  }

  /**
   * Python: whether `name` is bound somewhere other than by the assignments the parser read
   * (`with f() as (name, m):`, `from m import (name, ...)`, a tuple target): its value is then
   * not only theirs.
   */
  pythonBoundOtherwise(name: string, assignments: readonly Assignment[]): boolean {
    if (this.lang !== 'python') return false;
    this.bindingIndex ??= this.pythonBindingIndex();
    const b = this.bindingIndex.get(name);
    if (!b) return false;
    const read = new Set(assignments.map((a) => a.s));
    return b.bindings.some((x) => !read.has(x));
  }

  /** Whether an offset is inside a Python def or class body: code that runs when it is called, not where it is written. */
  insideDefinition(offset: number): boolean {
    if (this.lang !== 'python') return false;
    this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
    return this.pyBlocks.some((b) => b.s < offset && offset < b.e);
  }

  /**
   * Whether an offset is in the body of a Python lambda: code that runs whenever the lambda is
   * called, which the file's order does not tell. Walks back through the statement: a `lambda`
   * at the offset's bracket level (or an enclosing one) whose `:` comes before it holds it; a
   * `,` before any `:` ends a lambda body at that level.
   */
  insideLambda(offset: number): boolean {
    // Most files hold no lambda: then no walk back per use (which made it quadratic).
    this.hasLambda ??= this.tokens.some((t) => t.t === 'id' && t.v === 'lambda');
    if (this.lang !== 'python' || !this.hasLambda) return false;
    const { tokens } = this;
    let colon = false;
    for (let j = firstFrom(tokens, offset, (t) => t.s) - 1; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.t === 'nl' || t.v === ';') return false;
      if (t.t === 'id' && t.v === 'lambda' && colon) return true;
      if (t.t !== 'p') continue;
      if (t.v === ')' || t.v === ']' || t.v === '}') j = this.openOf(j);
      else if (t.v === '(' || t.v === '[' || t.v === '{') colon = false;
      else if (t.v === ':') colon = true;
      else if (t.v === ',' && !colon) j = this.enclosingOpen(j) + 1; // the loop steps onto that bracket next
    }
    return false;
  }

  /**
   * Python: whether a comprehension around `offset` binds `name` itself (`[f(REGION) for
   * REGION in regions]`): there the name is the loop variable, not the module's constant.
   */
  boundByComprehension(name: string, offset: number): boolean {
    if (this.lang !== 'python') return false;
    // The brackets of the comprehensions that bind each name, worked out once per file.
    this.comprehensionTargets ??= this.pythonComprehensionTargets();
    return this.comprehensionTargets.get(name)?.some((b) => b.s < offset && offset < b.e) ?? false;
  }

  /**
   * Python: the `for` statement whose body holds `offset` and that binds `name` (`for model, key in
   * models:`): the iterable it loops over and the name's place among the targets (0 for a lone name).
   */
  pythonLoopOver(name: string, offset: number): { iterable: Value; index: number; at: number } | undefined {
    if (this.lang !== 'python') return undefined;
    const { tokens } = this;
    this.forStatements ??= tokens.flatMap((t, j) => (t.t === 'id' && t.v === 'for' && (j === 0 || tokens[j - 1]!.t === 'nl' || tokens[j - 1]!.v === 'async')
      ? [{ j, s: t.s, e: indentedBlock(this.text, t.s, indentAt(this.text, t.s)).e }] : []));
    // The loops that start before the offset, nearest first (a binary search finds where to start).
    let lo = 0;
    for (let hi = this.forStatements.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.forStatements[mid]!.s < offset) lo = mid + 1;
      else hi = mid;
    }
    for (let n = lo - 1; n >= 0; n--) {
      const { j, e: end } = this.forStatements[n]!;
      if (offset > end) continue;
      const t = tokens[j]!;
      const targets: string[] = [];
      let k = j + 1;
      for (; k < tokens.length && tokens[k]!.v !== 'in' && tokens[k]!.t !== 'nl'; k++) if (tokens[k]!.t === 'id') targets.push(tokens[k]!.v);
      // The nearest enclosing loop that binds another name leaves this one to an outer loop or an assignment.
      if (!targets.includes(name)) continue;
      let colon = k + 1;
      while (colon < tokens.length && !(tokens[colon]!.t === 'p' && tokens[colon]!.v === ':') && tokens[colon]!.t !== 'nl') colon++;
      if (tokens[colon]?.v !== ':' || colon === k + 1) return undefined;
      return { iterable: this.parseRange(k + 1, colon), index: targets.indexOf(name), at: t.s };
    }
    return undefined;
  }

  /** Python: the items of a parenthesised tuple value (`("openai:gpt-4o", "OPENAI_API_KEY")`), which parse as their first item's value. */
  pythonTupleItems(value: Value): Value[] | undefined {
    if (this.lang !== 'python') return undefined;
    const { tokens } = this;
    const open = firstFrom(tokens, value.s, (t) => t.s);
    if (tokens[open]?.s !== value.s || tokens[open].v !== '(') return undefined;
    const close = this.closeOf(open);
    if (close <= open || tokens[close]!.e !== value.e) return undefined;
    return this.split(open + 1, close).map(([x, y]) => this.parseRange(x, y));
  }

  /** Python, once per file: for each name a comprehension's `for` binds, the brackets of those comprehensions. */
  private pythonComprehensionTargets(): Map<string, { s: number; e: number }[]> {
    const { tokens } = this;
    const out = new Map<string, { s: number; e: number }[]>();
    // The open brackets around the current token, innermost last.
    const open: number[] = [];
    for (let j = 0; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{')) open.push(j);
      else if (t.t === 'p' && (t.v === ')' || t.v === ']' || t.v === '}')) open.pop();
      else if (t.t === 'id' && t.v === 'for' && open.length) {
        const o = open.at(-1)!;
        const span = { s: tokens[o]!.s, e: tokens[this.closeOf(o)]?.e ?? this.text.length };
        for (let k = j + 1; k < tokens.length && tokens[k]!.v !== 'in' && tokens[k]!.t !== 'nl'; k++) {
          if (tokens[k]!.t !== 'id') continue;
          const list = out.get(tokens[k]!.v);
          if (list) list.push(span);
          else out.set(tokens[k]!.v, [span]);
        }
      }
    }
    return out;
  }

  /** The bracket open around token i (-1 at the top level). */
  private enclosingOpen(i: number): number {
    const { tokens } = this;
    for (let j = i - 1; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.t !== 'p') continue;
      if (t.v === ')' || t.v === ']' || t.v === '}') j = this.openOf(j);
      else if (t.v === '(' || t.v === '[' || t.v === '{') return j;
    }
    return -1;
  }

  /** The block an assignment belongs to (for Python the innermost enclosing def/class, worked out on first use). */
  blockOf(a: Assignment): { s: number; e: number } {
    if (a.blockS < 0) {
      this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
      // Every assignment of the file at once: one sweep, not one pass over the blocks per assignment.
      placeInBlocks(this.fileAssignments.filter((x) => x.blockS < 0), this.pyBlocks, this.text.length);
      if (a.blockS < 0) placeInBlocks([a], this.pyBlocks, this.text.length);
    }
    return { s: a.blockS, e: a.blockE };
  }

  /** Whether an assignment is at the file's top level (not in a function, class or block). */
  atTopLevel(a: Assignment): boolean {
    const block = this.blockOf(a);
    return block.s === 0 && block.e === this.text.length;
  }

  /** Python: for each of the ascending offsets, the innermost def or class body holding it (or the whole file). */
  definitionsAround(offsets: number[]): { s: number; e: number }[] {
    this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
    return innermostBlocks(offsets, this.pyBlocks, this.text.length);
  }

  /**
   * Python: the def or class (`def`), or `with` statement (`with`), whose first line starts at
   * `lineStart`: from there to the end of its body.
   */
  statementBlock(kind: 'def' | 'with', lineStart: number): { s: number; e: number } | undefined {
    if (kind === 'def') {
      this.pyBlocks ??= pythonBlocks(this.text, this.continuationLines());
      this.defStarts ??= new Map(this.pyBlocks.map((b) => [b.s, b]));
      return this.defStarts.get(lineStart);
    }
    this.withStarts ??= new Map(pythonBlocks(this.text, this.continuationLines(), /^(?:async\s+with|with)\b/).map((b) => [b.s, b]));
    return this.withStarts.get(lineStart);
  }

  /** The name a value is given to: `key=`, `key:`, `"key":`, `name =` before it in the same element. */
  private keyOf(i: number): string | undefined {
    const { tokens } = this;
    if (i < 0) return undefined;
    for (let j = i - 1, steps = 0; j >= 0 && steps < 24; j--, steps++) {
      const t = tokens[j]!;
      if (t.t === 'nl') return undefined;
      if (t.t !== 'p') continue;
      if (t.v === ')' || t.v === ']' || t.v === '}') {
        j = this.openOf(j);
        continue;
      }
      if (t.v === ':' || t.v === '=' || t.v === ':=') {
        // `base_url: str = "..."`: the name is before the annotation.
        const annotated = t.v === '=' && tokens[j - 2]?.v === ':' && tokens[j - 3]?.t === 'id';
        const k = annotated ? tokens[j - 3] : tokens[j - 1];
        return k && (k.t === 'id' || k.t === 'str') ? k.v : undefined;
      }
      // A JSX attribute's expression (`placeholder={BASE_URL}`) is given to the attribute.
      if (t.v === '{' && this.lang === 'js' && j === i - 1 && tokens[j - 1]?.v === '=' && tokens[j - 2]?.t === 'id' && tokens[i + 1]?.v === '}') return tokens[j - 2]!.v;
      if (t.v === ',' || t.v === '(' || t.v === '[' || t.v === '{' || t.v === ';') return undefined;
    }
    return undefined;
  }

  /**
   * The name an `if` whose block opens at `open` tests for emptiness: `if x == "" {`
   * (Go), `if (!x) {`, `if (x == null) {`. An assignment to that name in the block only
   * fills in a default.
   */
  private emptyTested(open: number): string | undefined {
    const { tokens } = this;
    let from = open - 1;
    let to = open; // condition tokens [from + 1, to)
    if (tokens[open - 1]?.v === ')') {
      to = open - 1;
      from = this.openOf(open - 1);
    } else {
      while (from > 0 && open - from < 8 && tokens[from]!.v !== 'if' && tokens[from]!.t !== 'nl') from--;
    }
    if (tokens[from - (tokens[from]?.v === '(' ? 1 : 0)]?.v !== 'if') return undefined;
    const cond = tokens.slice(from + 1, to);
    const isPath = (ts: Token[]): boolean => ts.length % 2 === 1 && ts.every((t, k) => (k % 2 === 0 ? t.t === 'id' : PATH_SEPARATORS.has(t.v)));
    const isEmpty = (t: Token | undefined): boolean => !!t && ((t.t === 'str' && t.v === '') || (t.t === 'id' && /^(?:null|nil|None|undefined)$/.test(t.v)));
    const path = (ts: Token[]): string | undefined => (isPath(ts) ? pathText(ts, 0, ts.length) : undefined);
    if (cond[0]?.v === '!' && cond.length > 1) return path(cond.slice(1));
    const op = cond.findIndex((t) => t.v === '==' || t.v === '===');
    if (op < 0) return undefined;
    if (op === cond.length - 2 && isEmpty(cond[op + 1])) return path(cond.slice(0, op));
    if (op === 1 && isEmpty(cond[0])) return path(cond.slice(2));
    return undefined;
  }

  private recordAssignment(out: Map<string, Assignment[]>, stmtStart: number, eq: number, compound: boolean, block: { s: number; e: number }, emptyTest?: string): void {
    const { tokens } = this;
    let nameEnd = eq; // exclusive
    const j = this.firstMark(stmtStart, eq);
    if (j >= 0) {
      const t = tokens[j]!;
      // Tuple unpacking, index targets and calls on the left are not simple names.
      if (t.v === ',') {
        // (`a = 1, b = 2, ...` has many `=`: each adds only the names after the one before.)
        const from = Math.max(stmtStart, this.lhs.tupleTo);
        this.tupleTargets.push(tokens.slice(from, eq).filter((x) => x.t === 'id').map((x) => x.v));
        this.lhs.tupleTo = eq;
        return;
      }
      if (t.v === '[' && j + 3 === eq && tokens[j + 1]!.t === 'str' && tokens[j + 2]!.v === ']' && tokens[j - 1]?.t === 'id') {
        // `os.environ["X"] = ...` is recorded as `os.environ.X`, like `process.env.X = ...`.
        this.recordIndexAssignment(out, stmtStart, j, eq, compound, block);
        return;
      }
      if (t.v === '[' || t.v === '(') return;
      // `X: str = ...`, `const X: &str = ...`, `let x: string = ...`: the name precedes the first ':'.
      nameEnd = j;
    }
    const last = tokens[nameEnd - 1];
    if (!last || last.t !== 'id') return;
    let first = nameEnd - 1;
    while (first - 2 >= stmtStart && tokens[first - 1]!.t === 'p' && PATH_SEPARATORS.has(tokens[first - 1]!.v) && tokens[first - 2]!.t === 'id') first -= 2;
    const name = pathText(tokens, first, nameEnd);
    const to = this.statementEnd(eq + 1);
    const list = out.get(name) ?? [];
    // `const x =`, `String x =`, `x :=` declare; a bare `x =` assigns an existing variable.
    const declares = this.lang === 'python' || tokens[eq]!.v === ':=' || (first > stmtStart && tokens[first - 1]!.t === 'id');
    const assignment: Assignment = { name, from: eq + 1, to, compound, declares, s: tokens[first]!.s, blockS: block.s, blockE: block.e };
    // `x := os.Getenv("X"); if x == "" { x = "d" }` is one value with a default, as `x ?? "d"` is.
    const filled = emptyTest === name && !declares ? [...list].reverse().find((a) => a.blockS <= block.s && block.e <= a.blockE && a.s < assignment.s && !a.compound) : undefined;
    if (filled) (filled.defaults ??= []).push(assignment);
    else list.push(assignment);
    out.set(name, list);
  }

  private recordIndexAssignment(out: Map<string, Assignment[]>, stmtStart: number, open: number, eq: number, compound: boolean, block: { s: number; e: number }): void {
    const { tokens } = this;
    let first = open - 1;
    while (first - 2 >= stmtStart && tokens[first - 1]!.t === 'p' && PATH_SEPARATORS.has(tokens[first - 1]!.v) && tokens[first - 2]!.t === 'id') first -= 2;
    if (first !== stmtStart) return;
    const name = `${pathText(tokens, first, open)}.${tokens[open + 1]!.v}`;
    const list = out.get(name) ?? [];
    list.push({ name, from: eq + 1, to: this.statementEnd(eq + 1), compound, declares: true, s: tokens[first]!.s, blockS: block.s, blockE: block.e });
    out.set(name, list);
  }

  /**
   * The first `,` `[` `(` or `:` in tokens [start, end), or -1: what decides how an
   * assignment's left side reads. A statement with many `=` (`a = b = c`, `var a=1,b=2`)
   * is scanned once, however many there are.
   */
  private firstMark(start: number, end: number): number {
    const c = this.lhs;
    if (c.start !== start) Object.assign(c, { start, to: start, mark: -1, tupleTo: start });
    if (c.mark >= 0) return c.mark;
    for (; c.to < end; c.to++) {
      const t = this.tokens[c.to]!;
      if (t.t === 'p' && (t.v === ',' || t.v === '[' || t.v === '(' || t.v === ':')) return (c.mark = c.to);
    }
    return -1;
  }

  /**
   * The token index where the statement that continues at `i` ends. Where a statement
   * ends depends only on where the scan is, so each position's answer is kept: a long
   * statement with many `=` is scanned once.
   */
  private statementEnd(i: number): number {
    const { tokens } = this;
    const n = tokens.length;
    const known = (this.statementEnds ??= new Int32Array(n + 1).fill(-1));
    const visited = this.visited;
    visited.length = 0;
    let end = n;
    while (i < n) {
      if (known[i]! >= 0) {
        end = known[i]!;
        break;
      }
      visited.push(i);
      const t = tokens[i]!;
      if (t.t === 'p') {
        if (t.v === '(' || t.v === '[' || t.v === '{') {
          i = this.closeOf(i) + 1;
          continue;
        }
        if (t.v === ';' || t.v === ')' || t.v === ']' || t.v === '}' || (t.v === ',' && this.lang === 'go')) {
          end = i;
          break;
        }
      }
      if (t.t === 'nl') {
        const prev = tokens[i - 1];
        const next = tokens[i + 1];
        const continues = this.lang !== 'python' && (
          (next?.t === 'p' && CONTINUATION_OPS.has(next.v)) ||
          // C# puts an object initializer's `{` on its own line.
          (this.lang === 'csharp' && next?.t === 'p' && next.v === '{') ||
          (prev?.t === 'p' && (prev.v === '=' || prev.v === '+' || prev.v === '??' || prev.v === '||' || prev.v === ':=')));
        if (!continues) {
          end = i;
          break;
        }
      }
      i++;
    }
    for (const v of visited) known[v] = end;
    return end;
  }

  /** A string that is a statement on its own (docstring, 'use strict') is documentation. */
  private isBareStatement(i: number, stmtStart: number): boolean {
    if (i !== stmtStart) return false;
    const next = this.tokens[i + 1];
    return next === undefined || next.t === 'nl' || (next.t === 'p' && (next.v === ';' || next.v === '}'));
  }

  // ---- calls ------------------------------------------------------------------------

  private maybeCall(i: number): void {
    const { tokens } = this;
    const prev = tokens[i - 1];
    if (prev && prev.t === 'p' && PATH_SEPARATORS.has(prev.v)) {
      // A method chained on a call result: `Kernel.CreateBuilder().AddX(...)`, `Session().client(...)`.
      let k = i - 2;
      while (tokens[k]?.t === 'nl') k--;
      if (tokens[k]?.v === ')' && tokens[i + 1]?.v === '(' && this.isInteresting(tokens[i]!.v)) this.chainLink(k);
      return; // otherwise the middle of a path
    }
    const start = i;
    let isNew = false;
    if (tokens[i]!.v === 'new' && (this.lang === 'js' || this.lang === 'java' || this.lang === 'csharp')) {
      isNew = true;
      i++;
      if (this.lang === 'csharp' && tokens[i]?.t === 'p' && tokens[i]!.v === '(') {
        // Target-typed `Type name = new(...)`: the type is declared before the name.
        this.targetTypedNew(start);
        return;
      }
      if (tokens[i]?.t !== 'id') return;
    } else if (prev?.t === 'id' && prev.v === 'new') {
      return; // handled from `new`
    }
    const pathEnd = this.pathEnd(i);
    let open = pathEnd;
    if (tokens[open]?.t === 'p' && tokens[open]!.v === '!' && this.lang === 'rust') open++;
    if (tokens[open]?.t === 'p' && tokens[open]!.v === '<') open = this.skipGenerics(open);
    // Python's parameterised class: `Agent[Deps, Output](...)`.
    if (this.lang === 'python' && tokens[open]?.t === 'p' && tokens[open]!.v === '[' && /^[A-Z][a-z]/.test(tokens[pathEnd - 1]!.v) && tokens[this.closeOf(open) + 1]?.v === '(') open = this.closeOf(open) + 1;
    const opener = tokens[open];
    const callLike = opener?.t === 'p' && (opener.v === '(' || (opener.v === '{' && isNew));
    // Only calls cost a path string and a catalog lookup.
    if (!callLike || !this.isInteresting(pathText(tokens, i, pathEnd))) return;
    if (this.isDefinition(start, open)) return;
    if (this.callStarts.has(tokens[start]!.s)) return;
    const end = this.expressionEnd(open);
    this.parseRange(start, end);
  }

  /**
   * Parses the whole chain a link belongs to, from its root call (`close` is the `)` before
   * the link). Each `)` walked is remembered, so the links of one long chain walk it once.
   */
  private chainLink(close: number): void {
    const { tokens } = this;
    let start = -1;
    for (let c = close; tokens[c]?.v === ')' && this.openOf(c) < c; ) {
      if (this.chainsDone.has(c)) return; // parsed from its root already
      this.chainsDone.add(c);
      const open = this.openOf(c);
      let s = open - 1;
      while (s - 2 >= 0 && tokens[s - 1]!.t === 'p' && PATH_SEPARATORS.has(tokens[s - 1]!.v) && tokens[s - 2]!.t === 'id') s -= 2;
      if (tokens[s]?.t !== 'id') break;
      start = tokens[s - 1]?.v === 'new' ? s - 1 : s;
      // Keep walking left while this call is itself chained on another call.
      let k = s - 1;
      if (!(tokens[k]?.t === 'p' && PATH_SEPARATORS.has(tokens[k]!.v))) break;
      k--;
      while (tokens[k]?.t === 'nl') k--;
      c = k;
    }
    if (start < 0 || this.callStarts.has(tokens[start]!.s)) return;
    let open = this.pathEnd(start);
    if (tokens[start]!.v === 'new') open = this.pathEnd(start + 1);
    if (tokens[open]?.v !== '(') return;
    this.parseRange(start, this.expressionEnd(open));
  }

  private targetTypedNew(newIndex: number): void {
    const { tokens } = this;
    const eq = tokens[newIndex - 1];
    const type = tokens[newIndex - 3];
    if (eq?.v !== '=' || tokens[newIndex - 2]?.t !== 'id' || type?.t !== 'id' || !this.isInteresting(type.v)) return;
    const open = newIndex + 1;
    const close = this.closeOf(open);
    const call = this.makeCall(type.v, true, tokens[newIndex]!.s, tokens[newIndex]!.e, open, close);
    call.s = tokens[newIndex]!.s;
    this.record(call);
  }

  private isDefinition(start: number, open: number): boolean {
    const { tokens } = this;
    const before = tokens[start - 1];
    if (before?.t === 'id' && DEFINITION_KEYWORDS.has(before.v)) return true;
    if (tokens[open]!.v !== '(') return false;
    const close = this.closeOf(open);
    const after = tokens[close + 1];
    // `Type Name(params) {` (Java/C#/JS methods and constructors) and `name(params): T {`.
    const opensBody = after?.t === 'p' && (after.v === '{' || (after.v === ':' && this.lang === 'js') || after.v === '=>');
    if (!opensBody) return false;
    if (!before) return true;
    if (before.t === 'id') return !CONTROL_KEYWORDS.has(before.v);
    return before.t === 'nl' || (before.t === 'p' && (before.v === ';' || before.v === '{' || before.v === '}'));
  }

  private pathEnd(i: number): number {
    const { tokens } = this;
    let j = i + 1;
    while (j + 1 < tokens.length && tokens[j]!.t === 'p' && PATH_SEPARATORS.has(tokens[j]!.v) && tokens[j + 1]!.t === 'id') j += 2;
    return j;
  }

  private skipGenerics(i: number): number {
    const { tokens } = this;
    let depth = 0;
    for (let j = i; j < tokens.length && j < i + 64; j++) {
      const t = tokens[j]!;
      if (t.t !== 'p' && t.t !== 'id') return i;
      if (t.v === '<') depth++;
      else if (t.v === '>') depth--;
      else if (t.v === '>>') depth -= 2;
      if (depth <= 0) return j + 1;
    }
    return i;
  }

  /** End (exclusive) of the postfix expression whose argument list opens at `open`. */
  private expressionEnd(open: number): number {
    const { tokens } = this;
    let j = this.closeOf(open) + 1;
    for (;;) {
      let k = j;
      while (tokens[k]?.t === 'nl') k++;
      const t = tokens[k];
      if (!t || t.t !== 'p') return j;
      if ((t.v === '.' || t.v === '?.' || t.v === '::' || t.v === '->') && tokens[k + 1]?.t === 'id') {
        j = k + 2;
        let next = tokens[j];
        if (next?.t === 'p' && next.v === '<') {
          j = this.skipGenerics(j);
          next = tokens[j];
        }
        if (next?.t === 'p' && next.v === '(') j = this.closeOf(j) + 1;
        continue;
      }
      if (k === j && (t.v === '{' && this.lang !== 'python' && this.lang !== 'js')) {
        j = this.closeOf(k) + 1; // C# initializer after `new T(...)`
        continue;
      }
      if (k === j && (t.v === '?' || t.v === '!') && this.lang !== 'python') {
        j = k + 1;
        continue;
      }
      return j;
    }
  }

  // ---- expressions ------------------------------------------------------------------

  /** Parses tokens [a, b) as one expression; anything not understood becomes `other`. */
  parseRange(a: number, b: number): Value {
    while (a < b && this.tokens[a]!.t === 'nl') a++;
    while (b > a && this.tokens[b - 1]!.t === 'nl') b--;
    if (a >= b) return { k: 'other', s: this.tokens[a]?.s ?? 0, e: this.tokens[a]?.s ?? 0 };
    const [value, next] = this.binary(a, b);
    if (next < b) return { k: 'other', s: this.tokens[a]!.s, e: this.tokens[b - 1]!.e };
    return value;
  }

  private binary(a: number, b: number): [Value, number] {
    const { tokens } = this;
    let [left, i] = this.postfix(a, b);
    // Whether `left` is a template or alternative built by this loop, to extend in place.
    let built = false;
    for (;;) {
      let j = i;
      while (j < b && tokens[j]!.t === 'nl') j++;
      const op = tokens[j];
      const typeAssertion = op?.t === 'id' && (op.v === 'as' || op.v === 'satisfies') && this.lang === 'js';
      if (j >= b || !op || !(op.t === 'p' || typeAssertion || (op.t === 'id' && (op.v === 'or' || op.v === 'and' || op.v === 'if' || op.v === 'else')))) return [left, i];
      if (op.t === 'p' && (op.v === ',' || op.v === ';' || op.v === ')' || op.v === ']' || op.v === '}')) return [left, i];
      if (op.v === ':' || op.v === '=' || op.v === '=>' || op.v === ':=') return [left, i];
      if (typeAssertion) {
        // `"eu-central-1" as const`: a type assertion leaves the value as it is.
        i = skipType(tokens, j + 1, b);
        continue;
      }
      const [right, k] = this.postfix(j + 1, b);
      if (k === j + 1) return [left, i];
      if (op.v === '+') left = concat(left, right, built);
      else if (FALLBACK_OPS.has(op.v)) left = alt(left, right, built);
      else left = { k: 'other', s: left.s, e: right.e };
      built = left.k === 'tmpl' || left.k === 'alt';
      i = k;
    }
  }

  /**
   * Every recursion of the expression parser (operands, brackets, arguments, unary
   * operators, interpolations) goes through here, so this is where its depth is bounded:
   * beyond MAX_NESTING the rest of the range is one unknown value, and its start is kept
   * for the note that says so.
   */
  private postfix(a: number, b: number): [Value, number] {
    const { tokens } = this;
    const t = tokens[a];
    if (this.depth >= MAX_NESTING && t && a < b) {
      this.skipped.add(t.s);
      const end = Math.min(b, tokens.length);
      return [{ k: 'other', s: t.s, e: tokens[end - 1]!.e }, end];
    }
    this.depth++;
    try {
      return this.postfixAt(a, b);
    } finally {
      this.depth--;
    }
  }

  private postfixAt(a: number, b: number): [Value, number] {
    const { tokens } = this;
    let [value, i] = this.primary(a, b);
    if (i === a) return [value, i];
    for (;;) {
      let j = i;
      while (j < b && tokens[j]!.t === 'nl' && this.lang !== 'python') j++;
      const t = tokens[j];
      if (j >= b || !t) return [value, i];
      const step = t.t === 'p' && PATH_SEPARATORS.has(t.v) && tokens[j + 1]?.t === 'id' && j + 1 < b
        ? this.memberAccess(value, i, j, b)
        // A newline only continues a `.` chain.
        : j === i && t.t === 'p' ? this.postfixOperator(value, t, j, b) : undefined;
      if (!step) return [value, i];
      [value, i] = step;
    }
  }

  /** `.name` (or `::name`) at token `j` after `value`: the value it extends to and where it ends, or undefined where the expression stops. */
  private memberAccess(value: Value, i: number, j: number, b: number): [Value, number] | undefined {
    const { tokens } = this;
    const name = tokens[j + 1]!;
    if (value.k === 'ref' && j === i) return [{ k: 'ref', path: `${value.path}.${name.v}`, s: value.s, e: name.e }, j + 2];
    let k = j + 2;
    if (tokens[k]?.t === 'p' && tokens[k]!.v === '<') k = this.skipGenerics(k);
    if (value.k === 'call' && tokens[k]?.t === 'p' && tokens[k]!.v === '(' && k < b) {
      const close = this.closeOf(k);
      const method = this.makeCall(name.v, false, name.s, name.e, k, close);
      value.call.chain.push(method);
      this.recordLink(value.call, method);
      value.call.e = tokens[close]!.e;
      return [{ ...value, e: tokens[close]!.e }, close + 1];
    }
    if ((value.k === 'str' || value.k === 'tmpl') && PASS_THROUGH_METHODS.has(name.v)) {
      // `"https://...".to_string()`, `.strip()`, `.into()` keep the text.
      return [value, tokens[k]?.t === 'p' && tokens[k]!.v === '(' && k < b ? this.closeOf(k) + 1 : j + 2];
    }
    if (value.k === 'ref' || j > i) return undefined;
    // Property of a computed value.
    return [{ k: 'other', s: value.s, e: name.e }, j + 2];
  }

  /** A call, index, composite literal or non-null/optional mark at token `j` after `value`; undefined where the expression stops. */
  private postfixOperator(value: Value, t: Token, j: number, b: number): [Value, number] | undefined {
    const { tokens } = this;
    if (t.v === '(' && value.k === 'ref') {
      const close = this.closeOf(j);
      const call = this.makeCall(value.path, false, value.s, value.e, j, close);
      this.record(call);
      return [{ k: 'call', call, s: value.s, e: tokens[close]!.e }, close + 1];
    }
    if (t.v === '!' && value.k === 'ref' && this.lang === 'rust' && tokens[j + 1]?.v === '(') {
      const close = this.closeOf(j + 1);
      const call = this.makeCall(`${value.path}!`, false, value.s, value.e, j + 1, close);
      return [{ k: 'call', call, s: value.s, e: tokens[close]!.e }, close + 1];
    }
    if (t.v === '(') {
      const close = this.closeOf(j);
      return [{ k: 'other', s: value.s, e: tokens[close]!.e }, close + 1];
    }
    if (t.v === '[') {
      const close = this.closeOf(j);
      // Python's parameterised class (`Agent[Deps, Output](...)`) is a call of the class itself.
      if (this.lang === 'python' && value.k === 'ref' && /^[A-Z][a-z]/.test(value.path.slice(value.path.lastIndexOf('.') + 1)) && tokens[close + 1]?.v === '(' && tokens[close + 1]!.t === 'p') {
        const end = this.closeOf(close + 1);
        const call = this.makeCall(value.path, false, value.s, value.e, close + 1, end);
        this.record(call);
        return [{ k: 'call', call, s: value.s, e: tokens[end]!.e }, end + 1];
      }
      const index = this.parseRange(j + 1, close);
      return [{ k: 'index', target: value, index, s: value.s, e: tokens[close]!.e }, close + 1];
    }
    if (t.v === '{' && this.compositeAllowed(value)) {
      const close = this.closeOf(j);
      const init = this.object(j, close);
      if (value.k === 'call') {
        value.call.init = init;
        return [{ ...value, e: init.e }, close + 1];
      }
      if (value.k === 'ref') {
        const call: Call = {
          callee: value.path, isNew: false, args: [], chain: [], init, s: value.s, e: init.e,
          calleeS: value.s, calleeE: value.e, open: -1, close: -1,
        };
        this.record(call);
        return [{ k: 'call', call, s: value.s, e: init.e }, close + 1];
      }
      return [value, close + 1];
    }
    if ((t.v === '?' || t.v === '!') && this.lang !== 'python') {
      const n = tokens[j + 1];
      if (!n || j + 1 >= b || n.t === 'nl' || (n.t === 'p' && /^(?:\.|\?\.|;|\)|,|\]|\})$/.test(n.v))) return [value, j + 1];
    }
    return undefined;
  }

  private compositeAllowed(value: Value): boolean {
    if (this.lang === 'go' || this.lang === 'rust') {
      if (value.k !== 'ref') return false;
      const last = value.path.slice(value.path.lastIndexOf('.') + 1);
      return /^[A-Z]/.test(last);
    }
    return this.lang === 'csharp' && value.k === 'call' && value.call.isNew;
  }

  private primary(a: number, b: number): [Value, number] {
    const { tokens } = this;
    const t = tokens[a];
    if (!t || a >= b) return [{ k: 'other', s: t?.s ?? 0, e: t?.s ?? 0 }, a];
    switch (t.t) {
      case 'str':
      case 'tmpl': {
        let value = this.stringValue(t);
        let i = a + 1;
        // Adjacent literals concatenate (Python, C#-free).
        while (this.lang === 'python' && i < b && (tokens[i]!.t === 'str' || tokens[i]!.t === 'tmpl')) {
          value = concat(value, this.stringValue(tokens[i]!), i > a + 1);
          i++;
        }
        return [value, i];
      }
      case 'num': {
        const n = Number(t.v.replace(/_/g, ''));
        return [Number.isNaN(n) ? { k: 'other', s: t.s, e: t.e } : { k: 'lit', v: n, s: t.s, e: t.e }, a + 1];
      }
      case 'nl':
        return [{ k: 'other', s: t.s, e: t.e }, a];
      case 'id': {
        if (TRUE_WORDS.has(t.v)) return [{ k: 'lit', v: true, s: t.s, e: t.e }, a + 1];
        if (FALSE_WORDS.has(t.v)) return [{ k: 'lit', v: false, s: t.s, e: t.e }, a + 1];
        if (NULL_WORDS.has(t.v)) return [{ k: 'lit', v: null, s: t.s, e: t.e }, a + 1];
        if (t.v === 'new' && tokens[a + 1]?.t === 'id') return this.newExpression(a, b);
        if (UNARY_SKIP.has(t.v) && tokens[a + 1] && a + 1 < b && tokens[a + 1]!.t !== 'p') return this.postfix(a + 1, b);
        return [{ k: 'ref', path: t.v, s: t.s, e: t.e }, a + 1];
      }
      case 'p': {
        const close = OPENERS[t.v] ? this.closeOf(a) : a;
        if (t.v === '(' && close > a) {
          const inner = this.parseRange(a + 1, close);
          return [{ ...inner, s: t.s, e: tokens[close]!.e }, close + 1];
        }
        if (t.v === '{' && close > a) return [this.object(a, close), close + 1];
        if (t.v === '[' && close > a) {
          const items = this.split(a + 1, close).map(([x, y]) => this.parseRange(x, y));
          return [{ k: 'arr', items, s: t.s, e: tokens[close]!.e }, close + 1];
        }
        if (UNARY_SKIP.has(t.v) || t.v === '@') {
          const [inner, next] = this.postfix(a + 1, b);
          if (next === a + 1) return [inner, a];
          return t.v === '-' || t.v === '+' ? [{ k: 'other', s: t.s, e: inner.e }, next] : [inner, next];
        }
        if ((t.v === '|' || t.v === '||') && this.lang === 'rust') {
          // A closure `|_| "default".to_string()` stands for the value its body returns.
          let j = a + 1;
          if (t.v === '|') while (j < b && !(tokens[j]!.t === 'p' && tokens[j]!.v === '|')) j++;
          return j + 1 < b ? this.binary(j + 1, b) : [{ k: 'other', s: t.s, e: t.e }, a];
        }
        if (t.v === '!' || t.v === '~' || t.v === 'not') {
          const [inner, next] = this.postfix(a + 1, b);
          return [{ k: 'other', s: t.s, e: inner.e }, next];
        }
        return [{ k: 'other', s: t.s, e: t.e }, a];
      }
    }
  }

  private newExpression(a: number, b: number): [Value, number] {
    const { tokens } = this;
    const start = a + 1;
    const pathEnd = this.pathEnd(start);
    const path = pathText(tokens, start, pathEnd);
    let open = pathEnd;
    if (tokens[open]?.t === 'p' && tokens[open]!.v === '<') open = this.skipGenerics(open);
    if (this.lang === 'csharp') while (open < b && tokens[open]?.t === 'nl' && tokens[open + 1]?.v === '{') open++;
    const t = tokens[open];
    if (open < b && t?.t === 'p' && t.v === '(') {
      const close = this.closeOf(open);
      const call = this.makeCall(path, true, tokens[start]!.s, tokens[pathEnd - 1]!.e, open, close);
      call.s = tokens[a]!.s;
      this.record(call);
      return this.postfixFrom({ k: 'call', call, s: tokens[a]!.s, e: tokens[close]!.e }, close + 1, b);
    }
    if (open < b && t?.t === 'p' && t.v === '{' && this.lang === 'csharp') {
      const close = this.closeOf(open);
      const init = this.object(open, close);
      const call: Call = {
        callee: path, isNew: true, args: [], chain: [], init, s: tokens[a]!.s, e: init.e,
        calleeS: tokens[start]!.s, calleeE: tokens[pathEnd - 1]!.e, open: -1, close: -1,
      };
      this.record(call);
      return [{ k: 'call', call, s: call.s, e: call.e }, close + 1];
    }
    return [{ k: 'other', s: tokens[a]!.s, e: tokens[pathEnd - 1]!.e }, pathEnd];
  }

  /** Continues postfix parsing after a value built elsewhere. */
  private postfixFrom(value: Value, i: number, b: number): [Value, number] {
    const { tokens } = this;
    // Re-enter the postfix loop through a synthetic primary: simplest is to parse chained
    // members by hand, as only method chains and initializers follow `new X(...)`.
    for (;;) {
      let j = i;
      while (j < b && tokens[j]!.t === 'nl' && this.lang !== 'python') j++;
      const t = tokens[j];
      if (!t || j >= b || t.t !== 'p') return [value, i];
      if (PATH_SEPARATORS.has(t.v) && tokens[j + 1]?.t === 'id' && tokens[j + 2]?.v === '(' && value.k === 'call') {
        const name = tokens[j + 1]!;
        const close = this.closeOf(j + 2);
        const method = this.makeCall(name.v, false, name.s, name.e, j + 2, close);
        value.call.chain.push(method);
        this.recordLink(value.call, method);
        value = { ...value, e: tokens[close]!.e };
        i = close + 1;
        continue;
      }
      if (t.v === '{' && value.k === 'call' && this.lang === 'csharp') {
        const close = this.closeOf(j);
        value.call.init = this.object(j, close);
        value = { ...value, e: tokens[close]!.e };
        i = close + 1;
        continue;
      }
      return [value, i];
    }
  }

  private makeCall(callee: string, isNew: boolean, calleeS: number, calleeE: number, open: number, close: number): Call {
    const { tokens } = this;
    const args: Arg[] = [];
    for (const [x, y] of this.split(open + 1, close)) args.push(this.argument(x, y));
    return {
      callee, isNew, args, chain: [], s: calleeS, e: tokens[close]!.e, calleeS, calleeE,
      open: tokens[open]!.s, close: tokens[close]!.s, ...(this.repairedBetween(open, close) ? { repaired: true as const } : {}),
    };
  }

  /** Whether the lexer repaired a token from index `a` to `b` (both included). */
  private repairedBetween(a: number, b: number): boolean {
    const { tokens } = this;
    if (!this.damage) {
      this.damage = new Int32Array(tokens.length + 1);
      for (let i = 0; i < tokens.length; i++) this.damage[i + 1] = this.damage[i]! + (tokens[i]!.missing || tokens[i]!.bad ? 1 : 0);
    }
    return this.damage[b + 1]! > this.damage[a]!;
  }

  private argument(a: number, b: number): Arg {
    const { tokens } = this;
    const t = tokens[a]!;
    const n = tokens[a + 1];
    const endOffset = tokens[b - 1]!.e;
    if (t.t === 'id' && n?.t === 'p' && a + 1 < b) {
      const named = (n.v === '=' && this.lang === 'python') || (n.v === ':' && this.lang === 'csharp');
      if (named) return { name: t.v, value: this.parseRange(a + 2, b), s: t.s, e: endOffset };
    }
    if (t.t === 'p' && (t.v === '**' || t.v === '...' || (t.v === '*' && this.lang === 'python'))) {
      return { name: t.v, value: this.parseRange(a + 1, b), s: t.s, e: endOffset };
    }
    return { value: this.parseRange(a, b), s: t.s, e: endOffset };
  }

  /** An object, dict, initializer or composite literal between `{` at a and `}` at close. */
  private object(a: number, close: number): Value {
    const { tokens } = this;
    const entries: Entry[] = [];
    for (const [x, y] of this.split(a + 1, close)) {
      const k = tokens[x]!;
      const sep = tokens[x + 1];
      if ((k.t === 'id' || k.t === 'str' || k.t === 'num') && sep?.t === 'p' && (sep.v === ':' || sep.v === '=') && x + 1 < y) {
        entries.push({ key: k.v, value: this.parseRange(x + 2, y), s: k.s, e: tokens[y - 1]!.e });
      } else if (k.t === 'id' && y === x + 1 && this.lang === 'js') {
        entries.push({ key: k.v, value: { k: 'ref', path: k.v, s: k.s, e: k.e }, s: k.s, e: k.e });
      } else if (k.t === 'p' && (k.v === '...' || k.v === '**')) {
        entries.push({ key: k.v, value: this.parseRange(x + 1, y), s: k.s, e: tokens[y - 1]!.e });
      }
    }
    return { k: 'obj', entries, s: tokens[a]!.s, e: tokens[close]!.e };
  }

  /** Splits tokens [a, b) at top-level commas (and newlines/semicolons, for object bodies). */
  private split(a: number, b: number): [number, number][] {
    const { tokens } = this;
    const out: [number, number][] = [];
    let start = a;
    for (let i = a; i < b; i++) {
      const t = tokens[i]!;
      if (t.t === 'p' && OPENERS[t.v]) {
        i = this.closeOf(i);
        continue;
      }
      // HCL separates object attributes by newlines; elsewhere a newline is just space.
      const isSep = t.t === 'p' ? t.v === ',' || t.v === ';' : t.t === 'nl' && this.lang === 'hcl';
      if (isSep) {
        if (hasToken(tokens, start, i)) out.push(trim(tokens, start, i));
        start = i + 1;
      }
    }
    if (hasToken(tokens, start, b)) out.push(trim(tokens, start, b));
    return out;
  }

  private stringValue(t: Token): Value {
    if (t.t === 'str') return { k: 'str', v: t.v, s: t.s, e: t.e, cs: t.cs ?? t.s, ce: t.ce ?? t.e };
    const parts: Value[] = [];
    for (const part of t.parts ?? []) {
      if ('lit' in part) parts.push({ k: 'str', v: part.lit, s: part.s, e: part.e, cs: part.s, ce: part.e });
      else parts.push(part.expr.length > 0 ? CodeParser.parseHole(this, part.expr) : { k: 'other', s: part.s, e: part.e });
    }
    return { k: 'tmpl', parts, s: t.s, e: t.e };
  }

  private record(call: Call): void {
    if (this.callStarts.has(call.s)) return;
    if (!this.isInteresting(call.callee)) return;
    this.callStarts.add(call.s);
    this.calls.push(call);
  }

  /** A method chained on `receiver` is a call of its own when it constructs a client (`Session(...).client(...)`). */
  private recordLink(receiver: Call, link: Call): void {
    if (this.callStarts.has(link.calleeS) || !this.isInteresting(link.callee)) return;
    this.callStarts.add(link.calleeS);
    this.calls.push({ ...link, callee: `${receiver.callee}.${link.callee}`, receiver });
  }
}

/** The index of the token closing the bracket opened at `open` (see matchBrackets); `open` itself when nothing closes it. */
export function closerOf(match: Int32Array, open: number): number {
  const m = match[open] ?? -1;
  return m > open ? m : open;
}

/**
 * The partner of every bracket token (-1 for other tokens). The lexer balances brackets;
 * should tokens come that are not balanced, a closer pairs with the innermost open
 * bracket, and one with none open, or an opener never closed, has no partner (which
 * closeOf and openOf turn into the token itself, so no index ever leaves the array).
 */
export function matchBrackets(tokens: Token[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'p') continue;
    if (t.v === '(' || t.v === '[' || t.v === '{') stack.push(i);
    else if ((t.v === ')' || t.v === ']' || t.v === '}') && stack.length) {
      const open = stack.pop()!;
      match[open] = i;
      match[i] = open;
    }
  }
  return match;
}

function pathText(tokens: Token[], a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    out += t.t === 'p' ? '.' : t.v;
  }
  return out;
}

function hasToken(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (tokens[i]!.t !== 'nl') return true;
  return false;
}

function trim(tokens: Token[], a: number, b: number): [number, number] {
  while (a < b && tokens[a]!.t === 'nl') a++;
  while (b > a && tokens[b - 1]!.t === 'nl') b--;
  return [a, b];
}

/**
 * `left + right` as one template. A template the caller built itself (`owned`) is
 * extended in place, so a chain of n `+` costs n, not n squared.
 */
function concat(left: Value, right: Value, owned: boolean): Value {
  const out: Extract<Value, { k: 'tmpl' }> = owned && left.k === 'tmpl' ? left : { k: 'tmpl', parts: left.k === 'tmpl' ? left.parts.slice() : [left], s: left.s, e: left.e };
  if (right.k === 'tmpl') for (const part of right.parts) out.parts.push(part);
  else out.parts.push(right);
  out.e = right.e;
  return out;
}

/** `left ?? right` as one alternative, extended in place when the caller built it (see concat). */
function alt(left: Value, right: Value, owned: boolean): Value {
  const out: Extract<Value, { k: 'alt' }> = owned && left.k === 'alt' ? left : { k: 'alt', options: left.k === 'alt' ? left.options.slice() : [left], s: left.s, e: left.e };
  out.options.push(right);
  out.e = right.e;
  return out;
}

/**
 * Sets each assignment's block to the innermost of `blocks` holding it (or the whole file).
 */
function placeInBlocks(list: Assignment[], blocks: { s: number; e: number }[], textLength: number): void {
  const sorted = [...list].sort((x, y) => x.s - y.s);
  innermostBlocks(sorted.map((a) => a.s), blocks, textLength).forEach((best, k) => {
    sorted[k]!.blockS = best.s;
    sorted[k]!.blockE = best.e;
  });
}

/**
 * For each of the ascending `offsets`, the innermost of `blocks` holding it (or the whole
 * file). The blocks nest, so one sweep with a stack of the open ones finds them all.
 */
function innermostBlocks(offsets: number[], blocks: { s: number; e: number }[], textLength: number): { s: number; e: number }[] {
  const sorted = [...blocks].sort((x, y) => x.s - y.s || y.e - x.e);
  const open: { s: number; e: number }[] = [];
  let next = 0;
  return offsets.map((at) => {
    while (next < sorted.length && sorted[next]!.s < at) open.push(sorted[next++]!);
    while (open.length && open[open.length - 1]!.e <= at) open.pop();
    return open[open.length - 1] ?? { s: 0, e: textLength };
  });
}

/**
 * The `def`/`class` bodies of a Python file (or the statements `opener` starts, such as
 * `with`), from their first line to the end of their body, found once by indentation. Lines inside
 * brackets or strings can confuse it, which only ever makes a name look assigned in
 * more places (so unknown), never wrongly known.
 */
function pythonBlocks(text: string, continuation: Set<number>, opener = /^(?:async\s+def|def|class)\b/): { s: number; e: number }[] {
  const blocks: { s: number; e: number }[] = [];
  const open: { s: number; indent: number }[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = text.length;
    let indent = 0;
    while (text[lineStart + indent] === ' ' || text[lineStart + indent] === '\t') indent++;
    const first = text[lineStart + indent];
    if (first !== undefined && first !== '\n' && first !== '\r' && first !== '#' && lineStart + indent < nl && !continuation.has(lineStart)) {
      while (open.length && open[open.length - 1]!.indent >= indent) blocks.push({ s: open.pop()!.s, e: lineStart });
      if (opener.test(text.slice(lineStart + indent, lineStart + indent + 10))) open.push({ s: lineStart, indent });
    }
    lineStart = nl + 1;
  }
  while (open.length) blocks.push({ s: open.pop()!.s, e: text.length });
  return blocks;
}

/** The end of a TypeScript type after `as` / `satisfies`: up to the first `,` `;` `)` `]` `}` `=` or line end outside brackets. */
function skipType(tokens: Token[], from: number, end: number): number {
  let depth = 0;
  let k = from;
  for (; k < end; k++) {
    const t = tokens[k]!;
    if (t.t === 'nl' && depth === 0) break;
    if (t.t !== 'p') continue;
    if (t.v === '(' || t.v === '[' || t.v === '{' || t.v === '<') depth++;
    else if (t.v === ')' || t.v === ']' || t.v === '}' || t.v === '>' || t.v === '>>') {
      if (depth === 0) break;
      depth = Math.max(0, depth - t.v.length); // `>>` closes two generics
    } else if (depth === 0 && (t.v === ',' || t.v === ';' || t.v === '=' || t.v === '?' || t.v === ':')) break;
  }
  return k;
}

/** The indentation (in characters) of the line holding `offset`. */
function indentAt(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset + 1))![0].length;
}

/** A Python block: from the line holding `offset` to the last line below it indented deeper than `indent`. */
function indentedBlock(text: string, offset: number, indent: number): { s: number; e: number } {
  let end = text.indexOf('\n', offset);
  if (end < 0) return { s: offset, e: text.length };
  for (let next = end + 1; next < text.length; ) {
    const lineEnd = text.indexOf('\n', next) < 0 ? text.length : text.indexOf('\n', next);
    const line = text.slice(next, lineEnd);
    if (line.trim() !== '' && !line.trimStart().startsWith('#') && /^[ \t]*/.exec(line)![0].length <= indent) break;
    end = lineEnd;
    next = lineEnd + 1;
  }
  return { s: offset, e: end };
}

function isOpener(t: Token): boolean {
  return t.t === 'p' && (t.v === '(' || t.v === '[' || t.v === '{');
}
