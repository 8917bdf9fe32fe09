// Import statements, as a map from the local name to the qualified path it stands for,
// so that `Credentials(...)` after `from ibm_watsonx_ai import Credentials` is known as
// `ibm_watsonx_ai.Credentials`. Python, Rust (`use`), Java, and JS/TS (`import`,
// `require`): a name as common as `query` counts only when it comes from the SDK
// (`@anthropic-ai/claude-agent-sdk`), and a name bound to the project's own module
// (`./Anthropic.js`) is a class of the project, not the SDK's. Go calls are already
// qualified by their package.

import type { LexLanguage, Token } from './tokens';

/**
 * Local names to the qualified paths they stand for, and the bindings that are not one
 * module's named export (`import url from "m"` and `const cfg = require("m")` keep the
 * `m.url` and `m.cfg` that SDK classes are matched by).
 */
export class ImportMap extends Map<string, string> {
  /** JS/TS `import url from "m"`: the local name, to the module whose default export it is. */
  readonly defaults = new Map<string, string>();
  /** JS `const cfg = require("m")`: the local name, to the module whose exports object it is. */
  readonly required = new Map<string, string>();
  /** Python `from m import *`: the modules, in the file's order. */
  readonly stars: string[] = [];
  /** Python: the indices in `stars` of the `import *` that may not run (indented: under `if`, `try`, `if TYPE_CHECKING:`). */
  readonly conditionalStars = new Set<number>();
  /** Python: where each `import *` starts (offsets, in the file's order). */
  readonly starAt: number[] = [];
  /** Python: the local names a relative import binds (`from .config import X`), to its number of leading dots. */
  readonly relative = new Map<string, number>();
  /** Python: how many `import *` came before each local name's import (a later one may bind the name again). */
  readonly starsBefore = new Map<string, number>();

  /** A Python import binds `local`, after the `import *` seen so far. */
  bindPython(local: string, qualified: string): void {
    this.set(local, qualified);
    this.starsBefore.set(local, this.stars.length);
    this.relative.delete(local);
  }
}

export function collectImports(tokens: Token[], lang: LexLanguage, text = ''): ImportMap {
  const aliases = new ImportMap();
  if (lang !== 'python' && lang !== 'rust' && lang !== 'java' && lang !== 'js') return aliases;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'id') continue;
    const prev = tokens[i - 1];
    const atStatementStart = !prev || prev.t === 'nl' || (prev.t === 'p' && (prev.v === ';' || prev.v === '}'));
    if (!atStatementStart && !(lang === 'rust' && prev?.t === 'id' && prev.v === 'pub')) continue;
    if (lang === 'python' && t.v === 'from') i = pythonFrom(tokens, i, aliases, text);
    else if (lang === 'python' && t.v === 'import') i = pythonImport(tokens, i, aliases);
    else if (lang === 'rust' && t.v === 'use') i = rustUse(tokens, i + 1, aliases);
    else if (lang === 'java' && t.v === 'import') i = javaImport(tokens, i, aliases);
    else if (lang === 'js' && t.v === 'import') i = jsImport(tokens, i, aliases);
    else if (lang === 'js' && (t.v === 'const' || t.v === 'let' || t.v === 'var')) i = jsRequire(tokens, i, aliases);
  }
  return aliases;
}

/**
 * Whether a JS/TS import binds the project's own module rather than a package: a relative
 * path, or a path alias of the project (`@/lib`, `~/lib`, Node's `#internal`).
 */
export function isProjectModule(qualified: string | undefined): boolean {
  return qualified !== undefined && /^(?:\.|\/|[@~]\/|#)/.test(qualified);
}

/**
 * Whether a class comes from the project's own module named after it (`Anthropic` from
 * `./llms/Anthropic.js`): the project's own class, not the SDK's. A module named otherwise
 * (`@/lib/llm`) may just re-export the SDK's class, so it is not taken for the project's.
 */
export function isProjectClass(qualified: string | undefined, className: string): boolean {
  if (!isProjectModule(qualified)) return false;
  const module = qualified!.endsWith(`.${className}`) ? qualified!.slice(0, -className.length - 1) : qualified!;
  const base = module.slice(module.lastIndexOf('/') + 1).replace(/\.[cm]?[jt]sx?$/, '');
  return base.toLowerCase() === className.toLowerCase();
}

/** Local names bound by `{ a, b as c }` (import) or `{ a, b: c }` (destructuring), from the `{` at `open`; returns the index after `}`. */
function jsBraces(tokens: Token[], open: number, rename: string, bound: [string, string][]): number {
  let j = open + 1;
  // Bounded, so that many `import {` never closed cannot make the file's reading quadratic.
  const end = Math.min(tokens.length, open + 1000);
  while (j < end && tokens[j]!.v !== '}') {
    const t = tokens[j]!;
    if ((t.t === 'id' || t.t === 'str') && t.v !== 'type') {
      const renamed = tokens[j + 1]?.v === rename && tokens[j + 2]?.t === 'id';
      bound.push([renamed ? tokens[j + 2]!.v : t.v, t.v]);
      if (renamed) j += 2;
    }
    j++;
  }
  return j + 1;
}

/** `import X from "m"`, `import { A, B as C } from "m"`, `import * as ns from "m"`, `import X, { Y } from "m"`. */
function jsImport(tokens: Token[], i: number, aliases: ImportMap): number {
  let j = i + 1;
  if (tokens[j]?.v === '(' || tokens[j]?.v === '.') return j; // import("m"), import.meta
  const bound: [string, string][] = [];
  // The names outside braces and `* as`: the module's default export.
  const defaults: string[] = [];
  while (j < tokens.length && tokens[j]!.t !== 'str') {
    const t = tokens[j]!;
    if (t.v === 'from') {
      j++;
      break;
    }
    if (t.t === 'nl' || t.v === ';') return j;
    if (t.v === '{') {
      j = jsBraces(tokens, j, 'as', bound);
      continue;
    }
    if (t.v === '*' && tokens[j + 1]?.v === 'as' && tokens[j + 2]?.t === 'id') {
      bound.push([tokens[j + 2]!.v, '']); // a namespace stands for the module itself
      j += 3;
      continue;
    }
    if (t.t === 'id' && t.v !== 'type') {
      bound.push([t.v, t.v]);
      defaults.push(t.v);
    }
    j++;
  }
  const module = tokens[j];
  if (module?.t !== 'str') return j;
  for (const [local, imported] of bound) aliases.set(local, imported ? `${module.v}.${imported}` : module.v);
  for (const local of defaults) aliases.defaults.set(local, module.v);
  return j;
}

/** `const X = require("m")`, `const { A, B: C } = require("m")`. */
function jsRequire(tokens: Token[], i: number, aliases: ImportMap): number {
  const bound: [string, string][] = [];
  let j = i + 1;
  const whole = tokens[j]?.t === 'id' ? tokens[j]!.v : undefined;
  if (whole !== undefined) {
    bound.push([whole, whole]);
    j++;
  } else if (tokens[j]?.v === '{') {
    j = jsBraces(tokens, j, ':', bound);
  } else return j;
  if (tokens[j]?.v !== '=' || tokens[j + 1]?.v !== 'require' || tokens[j + 2]?.v !== '(' || tokens[j + 3]?.t !== 'str') return i;
  const module = tokens[j + 3]!.v;
  for (const [local, imported] of bound) aliases.set(local, `${module}.${imported}`);
  // (`require("m").config` is one export, not the module's.)
  if (whole !== undefined && tokens[j + 4]?.v === ')' && !['.', '?.', '(', '['].includes(tokens[j + 5]?.v ?? '')) aliases.required.set(whole, module);
  return j + 3;
}

/** A dotted name: names alternating with separators (leading dots for Python relative imports). */
function dotted(tokens: Token[], i: number, sep: string[]): [string, number] {
  let path = '';
  let expectName = true;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (expectName && t.t === 'id') {
      path += t.v;
      expectName = false;
    } else if (!expectName && t.t === 'p' && sep.includes(t.v) && tokens[i + 1]?.t === 'id') {
      path += '.';
      expectName = true;
    } else if (expectName && t.t === 'p' && (t.v === '.' || t.v === '..' || t.v === '...') && !path.replace(/\./g, '')) {
      path += t.v;
    } else break;
    i++;
  }
  return [path, i];
}

function pythonFrom(tokens: Token[], i: number, aliases: ImportMap, text: string): number {
  const [module, next] = dotted(tokens, i + 1, ['.']);
  let j = next;
  if (tokens[j]?.v !== 'import') return j;
  j++;
  if (tokens[j]?.v === '*') {
    aliases.starAt.push(tokens[i]!.s);
    const spec = module.replace(/^\.+/, '');
    if (spec) {
      // Not at the line's start: in a block that may not run (or, text unknown, may).
      if (!text || text.lastIndexOf('\n', tokens[i]!.s - 1) + 1 !== tokens[i]!.s) aliases.conditionalStars.add(aliases.stars.length);
      // (A relative module keeps its dots: it is that package's, not any found further up.)
      aliases.stars.push(module);
    }
    return j;
  }
  const paren = tokens[j]?.v === '(';
  if (paren) j++;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.t === 'nl' && !paren) break;
    if (t.t === 'p' && t.v === ')') break;
    if (t.t === 'id' && t.v !== 'as') {
      let local = t.v;
      if (tokens[j + 1]?.v === 'as' && tokens[j + 2]?.t === 'id') {
        local = tokens[j + 2]!.v;
        j += 2;
      }
      aliases.bindPython(local, `${module.replace(/^\.+/, '')}.${t.v}`);
      if (module.startsWith('.')) aliases.relative.set(local, /^\.+/.exec(module)![0].length);
    }
    j++;
  }
  return j;
}

function pythonImport(tokens: Token[], i: number, aliases: ImportMap): number {
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.t !== 'nl') {
    const [module, next] = dotted(tokens, j, ['.']);
    j = next;
    if (tokens[j]?.v === 'as' && tokens[j + 1]?.t === 'id') {
      aliases.bindPython(tokens[j + 1]!.v, module);
      j += 2;
    } else {
      // `import openai.types` binds `openai`: recorded so a module is told from a local variable.
      const top = module.split('.')[0];
      if (top && !aliases.has(top)) aliases.bindPython(top, top);
    }
    if (tokens[j]?.v === ',') j++;
    else break;
  }
  return j;
}

/** `use a::b::C;`, `use a::{b::C, D as E};`: groups nest as a stack of their paths, not by recursion, so no nesting is too deep. */
function rustUse(tokens: Token[], i: number, aliases: Map<string, string>): number {
  const groups: string[] = [];
  let j = i;
  for (;;) {
    // One path, under the innermost group's.
    const base = groups[groups.length - 1] ?? '';
    const start = j;
    let path = base;
    for (let t = tokens[j]; t && ((t.t === 'id' && t.v !== 'as') || (t.t === 'p' && t.v === '::')); t = tokens[++j]) {
      if (t.t === 'id') path = path ? `${path}.${t.v}` : t.v;
    }
    if (tokens[j]?.t === 'p' && tokens[j]!.v === '{') {
      groups.push(path);
      j++;
    } else {
      const last = path.slice(path.lastIndexOf('.') + 1);
      if (tokens[j]?.v === 'as' && tokens[j + 1]?.t === 'id') {
        aliases.set(tokens[j + 1]!.v, path);
        j += 2;
      } else if (last && last !== 'self' && path !== base) aliases.set(last, path);
      if (!groups.length) return j;
      if (j === start) j++; // `*` and other tokens bind nothing
      if (tokens[j]?.v === ',') j++;
    }
    // The groups that end here.
    while (groups.length && (j >= tokens.length || tokens[j]!.v === '}')) {
      groups.pop();
      j++;
      if (!groups.length) return j;
      if (tokens[j]?.v === ',') j++;
    }
  }
}

function javaImport(tokens: Token[], i: number, aliases: Map<string, string>): number {
  let j = i + 1;
  if (tokens[j]?.v === 'static') j++;
  const [path, next] = dotted(tokens, j, ['.']);
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (last && tokens[next]?.v !== '*') aliases.set(last, path);
  return next;
}
