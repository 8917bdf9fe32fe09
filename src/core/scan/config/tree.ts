// YAML, JSON/JSONC and TOML parsed by real parsers into one small tree with source
// offsets, so that one resolver serves all three formats. Every input is read in linear
// time and without deep recursion: what cannot be read so (nesting deeper than
// MAX_NESTING, an alias bomb) is a parse problem, never a silent drop.

import * as jsonc from 'jsonc-parser';
import { Composer, CST, isAlias, isMap, isNode, isScalar, isSeq, Lexer, Parser, Scalar, type Alias, type YAMLMap, type YAMLSeq } from 'yaml';
import { parse as parseTomlDocument, TomlError } from 'smol-toml';
import { LineIndex } from '../../text';

/**
 * Deeper nesting than any real config file has. Deeper input is a parse problem: it is
 * measured by plain loops before the recursive parsers (yaml's composer, jsonc-parser)
 * see it, whose stack it would exhaust at about 1,200 levels, and it keeps our own walks
 * over the tree shallow.
 */
export const MAX_NESTING = 200;

/** A YAML file stops being read after this many syntax errors (the rest is not YAML either). */
export const MAX_PARSE_PROBLEMS = 20;

/** YAML aliases may add at most this many nodes to a document in all; more is an alias bomb ("billion laughs"). */
export const MAX_ALIAS_EXPANSION = 100_000;

/** The problem of input nested deeper than MAX_NESTING, at the offset where it gets too deep. */
export function tooDeep(offset: number): ParseProblem {
  return { message: `nested deeper than ${MAX_NESTING} levels`, offset };
}

export type CNode =
  | { k: 'map'; entries: CEntry[]; s: number; e: number; tag?: string }
  | { k: 'seq'; items: CNode[]; s: number; e: number; tag?: string }
  | {
      k: 'scalar';
      v: string | number | boolean | null;
      s: number;
      e: number;
      /** Offsets of the content inside quotes, and whether the source spells the value exactly. */
      cs: number;
      ce: number;
      verbatim: boolean;
      /** An explicit YAML tag (`!!binary`, `!Ref`), when the source gives one. */
      tag?: string;
    };

export interface CEntry {
  key: string;
  keyS: number;
  value: CNode;
  /** Set when a YAML key is not a plain string (`1:`, `true:`, `!!str x:`): what it is instead. `key` is then its text. */
  notPlainKey?: string;
}

export interface ParseProblem {
  message: string;
  offset: number;
}

export interface ConfigTree {
  /** One root per document (YAML files may hold several). None when there are problems. */
  roots: CNode[];
  problems: ParseProblem[];
}

function scalar(text: string, v: string | number | boolean | null, s: number, e: number, quoted: boolean): Extract<CNode, { k: 'scalar' }> {
  const cs = quoted ? s + 1 : s;
  const ce = quoted ? Math.max(cs, e - 1) : e;
  return { k: 'scalar', v, s, e, cs, ce, verbatim: typeof v === 'string' && text.slice(cs, ce) === v };
}

// ---- YAML -----------------------------------------------------------------------------

export function parseYaml(text: string): ConfigTree {
  const problems: ParseProblem[] = [];
  // Each document's syntax tree is checked before the composer sees it: the parser
  // recurses nowhere, the composer once per level of nesting.
  function* checked(): Generator<CST.Token> {
    for (const token of shallowTokens(text, problems)) {
      const deep = tooDeepYaml(token);
      if (deep >= 0) {
        problems.push(tooDeep(deep));
        return;
      }
      // The parser's own errors already say the text is not YAML: composing would only repeat them,
      // and reading on past a few of them would only find more (a broken file can hold one per character).
      if (token.type === 'error') {
        if (problems.length === MAX_PARSE_PROBLEMS) {
          problems.push({ message: `stopped reading after ${MAX_PARSE_PROBLEMS} problems`, offset: token.offset });
          return;
        }
        problems.push({ message: `${token.message}: ${JSON.stringify(token.source.slice(0, 40))}`, offset: token.offset });
      } else if (!problems.length) yield token;
    }
  }
  const composer = new Composer({ uniqueKeys: false, strict: false });
  const docs = withoutStackTraces(() => Array.from(composer.compose(checked())));
  if (problems.length) return { roots: [], problems };
  // Errors are kept as the library words them (no pretty errors: those quote the whole
  // line per error, quadratic on a long broken line); the caller gives the line.
  for (const err of docs.length ? docs.flatMap((d) => d.errors) : composer.streamInfo().errors) problems.push({ message: err.message.split('\n')[0]!, offset: err.pos[0] });
  if (problems.length) return { roots: [], problems };
  const roots = docs.flatMap((doc) => (doc.contents ? [new YamlTreeBuilder(text, problems).root(doc.contents)] : []));
  return problems.length ? { roots: [], problems } : { roots, problems };
}

/**
 * The yaml package builds an Error, stack trace included, per problem; broken input can
 * hold one problem per character, and the traces cost most of the time.
 */
function withoutStackTraces<T>(run: () => T): T {
  const errorClass = Error as { stackTraceLimit?: number };
  const limit = errorClass.stackTraceLimit;
  errorClass.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    errorClass.stackTraceLimit = limit;
  }
}

/**
 * The parser's tokens, fed to it lexeme by lexeme so that the cheap ways to nest deep,
 * flow brackets (`[[[[`) and indicators on one line (`- - - -`), stop the parse as soon
 * as they pass MAX_NESTING: the parser is several times slower than the lexer, and would
 * otherwise read all of them before the depth of its tree could be measured. The count
 * never exceeds the tree's depth; deeper indentation is left to tooDeepYaml.
 */
function* shallowTokens(text: string, problems: ParseProblem[]): Generator<CST.Token> {
  const parser = new Parser();
  let flow = 0;
  let onLine = 0;
  // In a flow collection, each `:` or `?` since the last `,` nests a pair in the parser
  // (`[a: a: a: ...`), over line breaks too: counted per open bracket, innermost last.
  let pairs = [0];
  let pairSum = 0;
  let scalarNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    // A scalar's source follows the lexer's scalar marker: "[" there is text.
    if (!scalarNext) {
      if (lexeme === '[' || lexeme === '{') {
        flow++;
        pairs.push(0);
      } else if (lexeme === ']' || lexeme === '}') {
        flow = Math.max(0, flow - 1);
        if (pairs.length > 1) pairSum -= pairs.pop()!;
      } else if (lexeme === CST.FLOW_END) {
        flow = pairSum = 0;
        pairs = [0];
      } else if (lexeme === ',') {
        pairSum -= pairs[pairs.length - 1]!;
        pairs[pairs.length - 1] = 0;
      } else if (lexeme === '' || lexeme === '\n' || lexeme === '\r\n') onLine = 0;
      else if (lexeme === '-' || lexeme === '?' || lexeme === ':') {
        if (flow === 0) onLine++;
        else if (lexeme !== '-') {
          pairs[pairs.length - 1]!++;
          pairSum++;
        }
      }
      if (flow + onLine + pairSum > MAX_NESTING) {
        problems.push(tooDeep(parser.offset));
        return;
      }
    }
    scalarNext = lexeme === CST.SCALAR;
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}

/** The offset of the first YAML node nested deeper than MAX_NESTING in a document's syntax tree (-1 if none). */
function tooDeepYaml(token: CST.Token): number {
  const stack: [CST.Token, number][] = [[token, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [t, depth] = next;
    if (depth > MAX_NESTING) return t.offset;
    if (t.type === 'document' && t.value) stack.push([t.value, depth + 1]);
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return -1;
}

/**
 * Marks an anchored node, once an alias uses it, as no longer spelt where it is read: a
 * fix that edited the anchor's text would change every place that uses it, the anchor's
 * own included. (Recursive: the tree is at most MAX_NESTING deep.)
 */
function markNotVerbatim(node: CNode): void {
  if (node.k === 'scalar') node.verbatim = false;
  else if (node.k === 'seq') node.items.forEach(markNotVerbatim);
  else node.entries.forEach((e) => markNotVerbatim(e.value));
}

/** A node of the tree with its height (1 for a scalar) and its number of nodes, aliases expanded. */
interface Built {
  node: CNode;
  height: number;
  size: number;
}

/**
 * The composed YAML document as a tree. An alias is the node its anchor names (shared,
 * not copied), within a budget of depth and expanded size; merge keys (`<<: *base`) add
 * the entries the mapping does not set itself.
 */
class YamlTreeBuilder {
  /** The latest anchor of each name, filled in once its node is built (an alias inside it would loop). */
  private readonly anchors = new Map<string, { built?: Built; aliased?: boolean }>();
  private expanded = 0;

  constructor(private readonly text: string, private readonly problems: ParseProblem[]) {}

  root(node: unknown): CNode {
    return this.build(node, 1, 0).node;
  }

  private build(node: unknown, depth: number, at: number): Built {
    if (isAlias(node)) return this.alias(node, depth);
    if (!isNode(node)) return { node: scalar(this.text, null, at, at, false), height: 1, size: 1 };
    const start = node.range?.[0] ?? at;
    if (depth > MAX_NESTING) return this.refuse(tooDeep(start));
    const slot: { built?: Built } = {};
    if (node.anchor) this.anchors.set(node.anchor, slot);
    const built = isMap(node) ? this.map(node, depth) : isSeq(node) ? this.seq(node, depth) : this.scalar(node as Scalar);
    if (node.tag) built.node.tag = shortTag(node.tag);
    slot.built = built;
    return built;
  }

  private alias(alias: Alias, depth: number): Built {
    const at = alias.range?.[0] ?? 0;
    const slot = this.anchors.get(alias.source);
    if (!slot) return this.refuse({ message: `alias *${alias.source} has no anchor &${alias.source} before it`, offset: at });
    if (!slot.built) return this.refuse({ message: `alias *${alias.source} is inside the node it names`, offset: at });
    const { built } = slot;
    if (depth + built.height - 1 > MAX_NESTING) return this.refuse(tooDeep(at));
    this.expanded += built.size;
    if (this.expanded > MAX_ALIAS_EXPANSION) return this.refuse({ message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`, offset: at });
    if (!slot.aliased) {
      markNotVerbatim(built.node);
      slot.aliased = true;
    }
    return built;
  }

  private map(node: YAMLMap, depth: number): Built {
    const [s, e] = node.range ?? [0, 0];
    const entries: CEntry[] = [];
    const merges: Extract<CNode, { k: 'map' }>[] = [];
    let height = 1;
    let size = 1;
    for (const pair of node.items) {
      const key = pair.key;
      if (key !== null && !isScalar(key)) {
        this.refuse({ message: 'a mapping key must be a single value, not a list or mapping', offset: isNode(key) ? (key.range?.[0] ?? s) : s });
        continue;
      }
      const ks = key?.range?.[0] ?? s;
      const ke = key?.range?.[1] ?? ks;
      const value = this.build(pair.value, depth + 1, ke);
      height = Math.max(height, value.height + 1);
      size += value.size;
      const sources = key && isMergeKey(key) ? mergeSources(value.node) : undefined;
      if (sources) {
        for (const source of sources) merges.push(source);
        continue;
      }
      const v: unknown = key?.value ?? null;
      const notPlainKey = key?.tag ? `tagged ${shortTag(key.tag)}` : typeof v === 'string' ? undefined : v === null ? 'null' : `a ${typeof v}`;
      entries.push({ key: String(v), keyS: ks, value: value.node, ...(notPlainKey ? { notPlainKey } : {}) });
    }
    if (merges.length) {
      // Keys the mapping sets itself win over merged ones, and an earlier merged mapping over a later one.
      const taken = new Set(entries.map((x) => x.key));
      for (const entry of merges.flatMap((m) => m.entries)) {
        if (taken.has(entry.key)) continue;
        taken.add(entry.key);
        entries.push(entry);
      }
    }
    return { node: { k: 'map', entries, s, e }, height, size };
  }

  private seq(node: YAMLSeq, depth: number): Built {
    const [s, e] = node.range ?? [0, 0];
    const items: CNode[] = [];
    let height = 1;
    let size = 1;
    for (const item of node.items) {
      const built = this.build(item, depth + 1, s);
      items.push(built.node);
      height = Math.max(height, built.height + 1);
      size += built.size;
    }
    return { node: { k: 'seq', items, s, e }, height, size };
  }

  private scalar(node: Scalar): Built {
    const [s, e] = node.range ?? [0, 0];
    const v = node.value;
    // Dates, binary and other tagged scalars keep their source text.
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : this.text.slice(s, e);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    return { node: scalar(this.text, value, s, e, quoted), height: 1, size: 1 };
  }

  /** A problem; the node becomes a null (the tree is not used when there are problems). */
  private refuse(problem: ParseProblem): Built {
    this.problems.push(problem);
    return { node: scalar(this.text, null, problem.offset, problem.offset, false), height: 1, size: 1 };
  }
}

/** A tag as written: `!!binary` for the library's `tag:yaml.org,2002:binary`. */
function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

/** `<<` written plain: YAML 1.1's merge key, which compose files use for shared environment blocks. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== Scalar.PLAIN) || key.tag) return false;
  return key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<');
}

/** The mappings a merge key's value names (one mapping or a list of them); undefined when it is anything else. */
function mergeSources(value: CNode): Extract<CNode, { k: 'map' }>[] | undefined {
  if (value.k === 'map') return [value];
  if (value.k === 'seq' && value.items.length && value.items.every((i) => i.k === 'map')) return value.items;
  return undefined;
}

// ---- JSON / JSONC ----------------------------------------------------------------------

export function parseJson(text: string): ConfigTree {
  const deep = tooDeepJson(text);
  if (deep >= 0) return { roots: [], problems: [tooDeep(deep)] };
  // A byte-order mark is not JSON, but editors write one: read it as a space (offsets stay).
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const problems = errors.map((err) => ({ message: jsonc.printParseErrorCode(err.error), offset: err.offset }));
  return { roots: root && !problems.length ? [fromJson(text, root)] : [], problems };
}

/**
 * The offset of the first bracket nested deeper than MAX_NESTING in JSON or JSONC text
 * (-1 if none), strings and comments skipped as jsonc-parser reads them: a string ends
 * at its closing quote or at a line break.
 */
export function tooDeepJson(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

/** A jsonc-parser tree as ours; the caller has checked its depth (tooDeepJson). */
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
    parseTomlDocument(text, { maxDepth: MAX_NESTING });
  } catch (err) {
    const offset = err instanceof TomlError ? new LineIndex(text).offset(err.line, Math.max(1, err.column)) : 0;
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { roots: [], problems: [{ message, offset }] };
  }
  // Dotted keys and table headers nest too (`[a.b.c]`), beyond what maxDepth counts.
  const root = new TomlReader(text).read();
  const deep = tooDeepTree(root);
  return deep >= 0 ? { roots: [], problems: [tooDeep(deep)] } : { roots: [root], problems: [] };
}

/** The start of the first node deeper than MAX_NESTING in a tree without aliases (-1 if none). */
function tooDeepTree(root: CNode): number {
  const stack: [CNode, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > MAX_NESTING) return node.s;
    if (node.k === 'map') for (const e of node.entries) stack.push([e.value, depth + 1]);
    if (node.k === 'seq') for (const item of node.items) stack.push([item, depth + 1]);
  }
  return -1;
}

type MutableMap = Extract<CNode, { k: 'map' }>;

class TomlReader {
  private pos = 0;
  private readonly root: MutableMap;
  /** Each table's entries by key: a file may hold many thousands of tables. */
  private readonly index = new Map<MutableMap, Map<string, CEntry>>();

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
      let entry = this.entry(map, k.key);
      const last = i === keys.length - 1;
      if (!entry) {
        const child: CNode = last && isArray ? { k: 'seq', items: [], s: k.s, e: k.e } : { k: 'map', entries: [], s: k.s, e: k.e };
        entry = this.add(map, { key: k.key, keyS: k.s, value: child });
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
        this.add(map, { key: k.key, keyS: k.s, value });
        return;
      }
      let entry = this.entry(map, k.key);
      if (!entry || entry.value.k !== 'map') entry = this.add(map, { key: k.key, keyS: k.s, value: { k: 'map', entries: [], s: k.s, e: k.e } });
      map = entry.value as MutableMap;
    });
  }

  /** The first entry of a key in a table. */
  private entry(map: MutableMap, key: string): CEntry | undefined {
    return this.index.get(map)?.get(key);
  }

  private add(map: MutableMap, entry: CEntry): CEntry {
    map.entries.push(entry);
    let keys = this.index.get(map);
    if (!keys) this.index.set(map, (keys = new Map<string, CEntry>()));
    if (!keys.has(entry.key)) keys.set(entry.key, entry);
    return entry;
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

/** The value of a map's entry; undefined for a key it lacks, or a node that is no map. */
export function entryOf(node: CNode | undefined, key: string): CNode | undefined {
  return node?.k === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
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
