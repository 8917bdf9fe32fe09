// Jupyter notebooks: the code cells' source, with a map from each character of the
// cell text back to the notebook's JSON text. Markdown cells and outputs are ignored.

import * as jsonc from 'jsonc-parser';
import { tooDeep, tooDeepJson } from './tree';

export interface NotebookCell {
  text: string;
  /** rawOffset[i] is the JSON offset of cell character i; one extra entry for the end. */
  rawOffset: number[];
}

export interface Notebook {
  language: string;
  cells: NotebookCell[];
  problems: { message: string; offset: number }[];
}

export function parseNotebook(text: string): Notebook {
  // jsonc-parser recurses per level: deeper input is a problem, never a stack overflow.
  const deep = tooDeepJson(text);
  if (deep >= 0) return { language: 'python', cells: [], problems: [tooDeep(deep)] };
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true });
  const problems = errors.map((e) => ({ message: jsonc.printParseErrorCode(e.error), offset: e.offset }));
  const cells: NotebookCell[] = [];
  if (!root) return { language: 'python', cells, problems };
  const lang: unknown = jsonc.findNodeAtLocation(root, ['metadata', 'kernelspec', 'language'])?.value
    ?? jsonc.findNodeAtLocation(root, ['metadata', 'language_info', 'name'])?.value;
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
  return { language: typeof lang === 'string' ? lang.toLowerCase() : 'python', cells, problems };
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
