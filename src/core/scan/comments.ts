// Where a file's comments are, by its own format's rules. A waiver counts only when it is
// written in a comment: the same words inside a string are data, not an accepted risk.

import * as jsonc from 'jsonc-parser';
import { CST, Lexer as YamlLexer } from 'yaml';
import type { FileFormat } from '../formats';
import { notebookLanguage, parseNotebook } from './config/notebook';
import { lex } from './lexer';
import { promptyFrontMatterEnd } from './config/prompty';

export interface Span {
  s: number;
  e: number;
}

/** The comments of a file, in order. Text a reader cannot place (a broken file) has none, so nothing in it waives. */
export function commentSpans(text: string, format: FileFormat): Span[] {
  switch (format.kind) {
    case 'code':
      return lex(text, format.lang).comments;
    case 'terraform':
      return lex(text, 'hcl').comments;
    case 'bicep':
    case 'bicepparam':
      // Bicep is read with the JavaScript lexer (its strings are single-quoted, its comments C-like).
      return lex(text, 'js').comments;
    case 'yaml':
      return yamlComments(text);
    case 'prompty': {
      // Only the front matter is YAML; the prompt after it is text the model reads.
      const end = promptyFrontMatterEnd(text);
      return end < 0 ? [] : yamlComments(text.slice(0, end));
    }
    case 'json':
      return jsonComments(text);
    case 'toml':
    case 'dotenv':
    case 'dockerfile':
    case 'properties':
      return hashComments(text);
    case 'notebook':
      return notebookComments(text);
    case 'build':
      // A pom.xml's comments are XML's, a Gradle file's the JS lexer's, a go.mod's Go's. No waiver is read in any.
      return [];
  }
}

/** Whether `offset` lies inside one of the spans (in order, not overlapping): a binary search. */
export function inSpans(spans: Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.s) hi = mid - 1;
    else if (offset >= span.e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The `yaml` package's own lexer; its tokens are the source, apart from one-character control markers. */
function yamlComments(text: string): Span[] {
  const out: Span[] = [];
  let offset = 0;
  for (const token of new YamlLexer().lex(text)) {
    const type = CST.tokenType(token);
    if (token.length === 1 && (type === 'doc-mode' || type === 'flow-error-end' || type === 'scalar')) continue;
    if (type === 'comment') out.push({ s: offset, e: offset + token.length });
    offset += token.length;
  }
  // The tokens must account for every character, or no offset can be trusted.
  return offset === text.length ? out : [];
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

function jsonComments(text: string): Span[] {
  const out: Span[] = [];
  const scanner = jsonc.createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === LINE_COMMENT || kind === BLOCK_COMMENT) {
      out.push({ s: scanner.getTokenOffset(), e: scanner.getTokenOffset() + scanner.getTokenLength() });
    }
  }
  return out;
}

/**
 * `#` comments of TOML and .env files: a `#` outside quotes ('...', "..." with escapes,
 * and the triple-quoted forms, which span lines) runs to the end of its line.
 */
function hashComments(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const nl = text.indexOf('\n', i);
      const e = nl < 0 ? text.length : nl;
      out.push({ s: i, e });
      i = e;
    } else if (c === '"' || c === "'" || c === '`') {
      const close = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j)) {
        // A one-line string ends at the line's end even when unclosed.
        if (close.length === 1 && text[j] === '\n') break;
        j += c === '"' && text[j] === '\\' ? 2 : 1;
      }
      i = Math.min(text.length, j + close.length);
    } else i++;
  }
  return out;
}

/** A notebook's comments are its code cells' comments, at their places in the notebook's JSON. */
function notebookComments(text: string): Span[] {
  const nb = parseNotebook(text);
  const lang = notebookLanguage(nb)?.lang;
  if (!lang) return [];
  const out: Span[] = [];
  for (const cell of nb.cells) {
    for (const c of lex(cell.text, lang).comments) {
      out.push({ s: cell.rawOffset[c.s]!, e: c.e < cell.text.length ? cell.rawOffset[c.e]! : cell.rawOffset[cell.text.length]! + 1 });
    }
  }
  return out;
}
