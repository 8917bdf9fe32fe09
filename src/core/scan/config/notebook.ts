// Jupyter notebooks: the code cells' source, with a map from each character of the
// cell text back to the notebook's JSON text. Markdown cells and outputs are ignored.

import * as jsonc from 'jsonc-parser';
import type { CodeLanguage } from '../../catalog/types';
import { tooDeep, tooDeepJson } from './tree';

export interface NotebookCell {
  text: string;
  /** rawOffset[i] is the JSON offset of cell character i; one extra entry for the end. */
  rawOffset: number[];
}

export interface Notebook {
  /** What the metadata calls the kernel's language (kernelspec, language_info), lower case; '' when it names none. */
  language: string;
  cells: NotebookCell[];
  problems: { message: string; offset: number }[];
}

export function parseNotebook(text: string): Notebook {
  // jsonc-parser recurses per level: deeper input is a problem, never a stack overflow.
  const deep = tooDeepJson(text);
  if (deep >= 0) return { language: '', cells: [], problems: [tooDeep(deep)] };
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true });
  const problems = errors.map((e) => ({ message: jsonc.printParseErrorCode(e.error), offset: e.offset }));
  const cells: NotebookCell[] = [];
  if (!root) return { language: '', cells, problems };
  // The first of these that is filled in: a field left empty says nothing.
  const lang = [['kernelspec', 'language'], ['language_info', 'name'], ['kernelspec', 'name'], ['language_info', 'file_extension']]
    .map((path) => jsonc.findNodeAtLocation(root, ['metadata', ...path])?.value as unknown)
    .find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const cellList = jsonc.findNodeAtLocation(root, ['cells']);
  (cellList?.children ?? []).forEach((cell) => {
    if (jsonc.findNodeAtLocation(cell, ['cell_type'])?.value !== 'code') return;
    const source = jsonc.findNodeAtLocation(cell, ['source']);
    if (!source) return;
    const strings = source.type === 'array' ? (source.children ?? []) : [source];
    let cellText = '';
    const rawOffset: number[] = [];
    for (const s of strings) {
      if (s.type !== 'string') continue;
      const decoded = decodeJsonString(text, s.offset, s.offset + s.length);
      cellText += decoded.text;
      // A loop, not push(...): a spread of a large cell's offsets overflows the call stack.
      for (const o of decoded.offsets) rawOffset.push(o);
    }
    const last = strings[strings.length - 1];
    rawOffset.push(last ? last.offset + last.length - 1 : 0);
    cells.push({ text: cellText, rawOffset });
  });
  return { language: lang?.trim().toLowerCase() ?? '', cells, problems };
}

/** Kernel languages (and kernel names, file extensions) of the languages the engine reads. */
const KERNEL_LANGUAGES: [RegExp, CodeLanguage][] = [
  [/^(?:i?python|pyspark|\.py$|synapse_pyspark)/, 'python'],
  [/^(?:javascript|typescript|node|deno|tslab|\.[cm]?[jt]sx?$)/, 'js'],
  [/^(?:java|\.java$|\.jsh$)/, 'java'],
  [/^(?:c#|csharp|\.net-csharp|\.cs$)/, 'csharp'],
  [/^(?:go|gophernotes|\.go$)$/, 'go'],
  [/^(?:rust|evcxr|\.rs$)/, 'rust'],
];

/**
 * The language a notebook's code cells are read as. The metadata decides when it names a
 * language the engine reads; when it names none, or another, cells that look like Python
 * are Python (Jupyter's default, and what notebooks without metadata mostly hold).
 * `assumed` says the language was taken from the cells; null: not one the engine reads.
 */
export function notebookLanguage(nb: Notebook): { lang: CodeLanguage; assumed: boolean } | null {
  const named = KERNEL_LANGUAGES.find(([pattern]) => pattern.test(nb.language));
  if (named) return { lang: named[1], assumed: false };
  return nb.cells.some((c) => looksLikePython(c.text)) ? { lang: 'python', assumed: true } : null;
}

/** Statements only Python writes this way: imports without `from '...'`, `def`, `class X:`. */
const PYTHON_LINE = /^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]|import[ \t]+[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*(?:,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*)*(?:#.*)?$|(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(.*\)[^:]*:[ \t]*(?:#.*)?$|class[ \t]+\w+[ \t]*(?:\(.*\))?[ \t]*:[ \t]*(?:#.*)?$)/m;

export function looksLikePython(code: string): boolean {
  return PYTHON_LINE.test(code);
}

/** Decodes the JSON string literal in text[s, e) (quotes included), keeping each char's raw offset. */
function decodeJsonString(text: string, s: number, e: number): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let p = s + 1;
  // Without its closing quote (broken JSON), the string's last character is text.
  const end = e - 1 > s && text[e - 1] === '"' ? e - 1 : e;
  while (p < end) {
    const c = text[p]!;
    if (c === '\\') {
      const n = text[p + 1];
      let ch: string;
      let len = 2;
      switch (n) {
        case 'n': ch = '\n'; break;
        case 't': ch = '\t'; break;
        case 'r': ch = '\r'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'u': ch = String.fromCharCode(parseInt(text.slice(p + 2, p + 6), 16)); len = 6; break;
        default: ch = n ?? '';
      }
      out += ch;
      offsets.push(p);
      p += len;
      continue;
    }
    out += c;
    offsets.push(p);
    p++;
  }
  return { text: out, offsets };
}

/** JSON-escapes text for insertion inside a notebook source string. */
export function escapeForJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
