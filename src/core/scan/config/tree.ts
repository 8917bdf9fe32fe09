// YAML, JSON/JSONC and TOML parsed by real parsers into one small tree with source
// offsets, so that one resolver serves all three formats.

import * as jsonc from 'jsonc-parser';
import { LineCounter, parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, Scalar } from 'yaml';
import { parse as parseTomlDocument, TomlError } from 'smol-toml';
import { LineIndex } from '../../text';

export type CNode =
  | { k: 'map'; entries: CEntry[]; s: number; e: number }
  | { k: 'seq'; items: CNode[]; s: number; e: number }
  | {
      k: 'scalar';
      v: string | number | boolean | null;
      s: number;
      e: number;
      /** Offsets of the content inside quotes, and whether the source spells the value exactly. */
      cs: number;
      ce: number;
      verbatim: boolean;
    };

export interface CEntry {
  key: string;
  keyS: number;
  value: CNode;
}

export interface ParseProblem {
  message: string;
  offset: number;
}

export interface ConfigTree {
  /** One root per document (YAML files may hold several). */
  roots: CNode[];
  problems: ParseProblem[];
}

function scalar(text: string, v: string | number | boolean | null, s: number, e: number, quoted: boolean): CNode {
  const cs = quoted ? s + 1 : s;
  const ce = quoted ? Math.max(cs, e - 1) : e;
  return { k: 'scalar', v, s, e, cs, ce, verbatim: typeof v === 'string' && text.slice(cs, ce) === v };
}

// ---- YAML -----------------------------------------------------------------------------

export function parseYaml(text: string): ConfigTree {
  const problems: ParseProblem[] = [];
  const roots: CNode[] = [];
  const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: false, strict: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    // The library appends " at line L, column C:"; the caller reports the line itself.
    for (const err of doc.errors) problems.push({ message: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), offset: err.pos[0] });
    if (doc.contents) roots.push(fromYaml(text, doc.contents));
  }
  return { roots, problems };
}

function fromYaml(text: string, node: YamlNode): CNode {
  const [s, e] = node.range ?? [0, 0];
  if (isMap(node)) {
    const entries: CEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key;
      const [ks, ke] = key.range ?? [0, 0];
      const value = pair.value && !isAlias(pair.value) ? fromYaml(text, pair.value as YamlNode) : scalar(text, null, ke, ke, false);
      entries.push({ key: String(key.value), keyS: ks, value });
    }
    return { k: 'map', entries, s, e };
  }
  if (isSeq(node)) {
    const items: CNode[] = [];
    for (const item of node.items) if (item && !isAlias(item)) items.push(fromYaml(text, item as YamlNode));
    return { k: 'seq', items, s, e };
  }
  if (isScalar(node)) {
    const v = node.value;
    // Dates, binary and other tagged scalars keep their source text.
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : text.slice(s, node.range?.[1] ?? e);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    return scalar(text, value, s, node.range?.[1] ?? e, quoted);
  }
  return scalar(text, null, s, e, false);
}

// ---- JSON / JSONC ----------------------------------------------------------------------

export function parseJson(text: string): ConfigTree {
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems = errors.map((err) => ({ message: jsonc.printParseErrorCode(err.error), offset: err.offset }));
  return { roots: root ? [fromJson(text, root)] : [], problems };
}

export function fromJson(text: string, node: jsonc.Node): CNode {
  const s = node.offset;
  const e = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const entries: CEntry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        entries.push({ key: String(k.value), keyS: k.offset, value: fromJson(text, v) });
      }
      return { k: 'map', entries, s, e };
    }
    case 'array':
      return { k: 'seq', items: (node.children ?? []).map((c) => fromJson(text, c)), s, e };
    case 'string':
      return scalar(text, node.value as string, s, e, true);
    default:
      return scalar(text, (node.value as number | boolean | null) ?? null, s, e, false);
  }
}

// ---- TOML ------------------------------------------------------------------------------

/**
 * TOML validated by smol-toml (a full parser), then mapped to a tree with offsets by a
 * small reader of the same grammar: tables, arrays of tables, dotted keys, strings,
 * arrays and inline tables.
 */
export function parseToml(text: string): ConfigTree {
  try {
    parseTomlDocument(text);
  } catch (err) {
    const offset = err instanceof TomlError ? new LineIndex(text).offset(err.line, Math.max(1, err.column)) : 0;
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { roots: [], problems: [{ message, offset }] };
  }
  return { roots: [new TomlReader(text).read()], problems: [] };
}

type MutableMap = Extract<CNode, { k: 'map' }>;

class TomlReader {
  private pos = 0;
  private readonly root: MutableMap;

  constructor(private readonly text: string) {
    this.root = { k: 'map', entries: [], s: 0, e: text.length };
  }

  read(): CNode {
    let table = this.root;
    const { text } = this;
    while (this.pos < text.length) {
      this.skipSpaceAndComments(true);
      if (this.pos >= text.length) break;
      if (text[this.pos] === '[') {
        const isArray = text[this.pos + 1] === '[';
        this.pos += isArray ? 2 : 1;
        const keys = this.keyPath();
        this.pos = text.indexOf(']', this.pos) + (isArray ? 2 : 1);
        table = this.tableAt(keys, isArray);
        continue;
      }
      const keys = this.keyPath();
      this.skipInlineSpace();
      if (text[this.pos] !== '=') {
        this.skipLine();
        continue;
      }
      this.pos++;
      this.skipInlineSpace();
      const value = this.value();
      this.put(table, keys, value);
      this.skipLine();
    }
    return this.root;
  }

  private tableAt(keys: { key: string; s: number; e: number }[], isArray: boolean): MutableMap {
    let map = this.root;
    keys.forEach((k, i) => {
      let entry = map.entries.find((x) => x.key === k.key);
      const last = i === keys.length - 1;
      if (!entry) {
        const child: CNode = last && isArray ? { k: 'seq', items: [], s: k.s, e: k.e } : { k: 'map', entries: [], s: k.s, e: k.e };
        entry = { key: k.key, keyS: k.s, value: child };
        map.entries.push(entry);
      }
      let node = entry.value;
      if (node.k === 'seq') {
        if (last && isArray) {
          const item: MutableMap = { k: 'map', entries: [], s: k.s, e: k.e };
          node.items.push(item);
          map = item;
          return;
        }
        const lastItem = node.items[node.items.length - 1];
        node = lastItem ?? node;
      }
      if (node.k === 'map') map = node;
    });
    return map;
  }

  private put(table: MutableMap, keys: { key: string; s: number; e: number }[], value: CNode): void {
    let map = table;
    keys.forEach((k, i) => {
      if (i === keys.length - 1) {
        map.entries.push({ key: k.key, keyS: k.s, value });
        return;
      }
      let entry = map.entries.find((x) => x.key === k.key);
      if (!entry || entry.value.k !== 'map') {
        entry = { key: k.key, keyS: k.s, value: { k: 'map', entries: [], s: k.s, e: k.e } };
        map.entries.push(entry);
      }
      map = entry.value as MutableMap;
    });
  }

  private keyPath(): { key: string; s: number; e: number }[] {
    const keys: { key: string; s: number; e: number }[] = [];
    const { text } = this;
    for (;;) {
      this.skipInlineSpace();
      const s = this.pos;
      const c = text[this.pos];
      let key: string;
      if (c === '"' || c === "'") {
        const node = this.string();
        key = node.k === 'scalar' ? String(node.v) : '';
      } else {
        while (this.pos < text.length && /[A-Za-z0-9_-]/.test(text[this.pos]!)) this.pos++;
        key = text.slice(s, this.pos);
      }
      keys.push({ key, s, e: this.pos });
      this.skipInlineSpace();
      if (text[this.pos] !== '.') return keys;
      this.pos++;
    }
  }

  private value(): CNode {
    const { text } = this;
    const c = text[this.pos];
    const s = this.pos;
    if (c === '"' || c === "'") return this.string();
    if (c === '[') {
      this.pos++;
      const items: CNode[] = [];
      for (;;) {
        this.skipSpaceAndComments(true);
        if (text[this.pos] === ']' || this.pos >= text.length) break;
        items.push(this.value());
        this.skipSpaceAndComments(true);
        if (text[this.pos] === ',') this.pos++;
      }
      this.pos++;
      return { k: 'seq', items, s, e: this.pos };
    }
    if (c === '{') {
      this.pos++;
      const map: MutableMap = { k: 'map', entries: [], s, e: s };
      for (;;) {
        this.skipInlineSpace();
        if (text[this.pos] === '}' || this.pos >= text.length) break;
        const keys = this.keyPath();
        this.skipInlineSpace();
        if (text[this.pos] === '=') this.pos++;
        this.skipInlineSpace();
        this.put(map, keys, this.value());
        this.skipInlineSpace();
        if (text[this.pos] === ',') this.pos++;
      }
      this.pos++;
      map.e = this.pos;
      return map;
    }
    while (this.pos < text.length && !/[,\]}\r\n#]/.test(text[this.pos]!)) this.pos++;
    const raw = text.slice(s, this.pos).trim();
    const e = s + raw.length;
    const v = raw === 'true' ? true : raw === 'false' ? false : /^[+-]?\d[\d_]*(?:\.\d+)?$/.test(raw) ? Number(raw.replace(/_/g, '')) : raw;
    return scalar(text, v, s, e, false);
  }

  private string(): CNode {
    const { text } = this;
    const s = this.pos;
    const q = text[s]!;
    const triple = text.startsWith(q.repeat(3), s);
    const open = triple ? 3 : 1;
    const close = q.repeat(open);
    let p = s + open;
    let v = '';
    if (triple && text[p] === '\n') p++;
    else if (triple && text.startsWith('\r\n', p)) p += 2;
    const cs = p;
    while (p < text.length && !text.startsWith(close, p)) {
      if (q === '"' && text[p] === '\\') {
        const n = text[p + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };
        if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          v += String.fromCodePoint(parseInt(text.slice(p + 2, p + 2 + len), 16));
          p += 2 + len;
          continue;
        }
        if (n === '\n' || n === '\r') {
          p++;
          while (/\s/.test(text[p] ?? '')) p++;
          continue;
        }
        v += map[n ?? ''] ?? n ?? '';
        p += 2;
        continue;
      }
      v += text[p];
      p++;
    }
    const ce = p;
    this.pos = Math.min(text.length, p + open);
    return { k: 'scalar', v, s, e: this.pos, cs, ce, verbatim: text.slice(cs, ce) === v };
  }

  private skipInlineSpace(): void {
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
  }

  private skipSpaceAndComments(newlines: boolean): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) this.pos++;
      else if (c === '#') while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
      else break;
    }
  }

  private skipLine(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl + 1;
  }
}

/** A scalar value with where it sits in the file. */
export interface Located {
  text: string;
  s: number;
  e: number;
  /** Content offsets (inside quotes) and whether the source spells the text exactly. */
  cs: number;
  ce: number;
  verbatim: boolean;
}

/** A scalar value of a map entry. */
export function scalarEntry(entries: CEntry[], key: string): Extract<CNode, { k: 'scalar' }> | undefined {
  const e = entries.find((x) => x.key === key);
  return e?.value.k === 'scalar' ? e.value : undefined;
}

/** A scalar node as a value with its offsets. */
export function located(node: Extract<CNode, { k: 'scalar' }>): Located {
  return { text: String(node.v ?? ''), s: node.s, e: node.e, cs: node.cs, ce: node.ce, verbatim: node.verbatim };
}
