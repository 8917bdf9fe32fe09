// Mutators. Each takes a file's bytes (as a latin1 "binary" string, one char per byte, so
// invalid UTF-8 survives every step) and returns them changed, with a short description
// for the reproducer. Positions favour the places parsers and resolvers care about: right
// after quotes, inside URLs, at line starts.

import type { Rng } from './rng';

export interface MutationContext {
  rng: Rng;
  /** The seed file's format label (python, js, yaml, dotenv, policy, ...). */
  format: string;
  /** Another seed of the same format, for splices. */
  donor: () => string;
}

export interface Mutator {
  name: string;
  weight: (format: string) => number;
  /** The new bytes and a description, or null when the mutator does not apply. */
  apply: (data: string, ctx: MutationContext) => { data: string; what: string } | null;
}

/** Largest input a mutation may grow to: the default size limit is 1 MB, a little over it exercises the skip. */
export const MAX_INPUT = 1_200_000;

/** UTF-8 bytes of a string, as a binary string. */
export function utf8(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

export function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function fromBinary(data: string): Uint8Array {
  return new Uint8Array(Buffer.from(data, 'latin1'));
}

const CONFIG_FORMATS = new Set(['yaml', 'json', 'toml', 'policy', 'notebook']);
const CODE_FORMATS = new Set(['python', 'js', 'go', 'java', 'csharp', 'rust']);

/** A position in the data: uniform, or at a place that matters to the scanners. */
function position(rng: Rng, data: string): number {
  if (!data.length || rng.chance(0.4)) return rng.int(data.length + 1);
  const kind = rng.int(4);
  const needle = kind === 0 ? '://' : kind === 1 ? '"' : kind === 2 ? '\n' : '(';
  const hits: number[] = [];
  for (let i = data.indexOf(needle); i >= 0 && hits.length < 200; i = data.indexOf(needle, i + 1)) hits.push(i + (kind === 0 ? rng.range(0, 20) : 1));
  return hits.length ? Math.min(data.length, rng.pick(hits)) : rng.int(data.length + 1);
}

function insert(data: string, at: number, piece: string): string {
  return data.slice(0, at) + piece + data.slice(at);
}

/** A short printable form of a piece of input, for descriptions. */
export function show(s: string, max = 24): string {
  const printable = s.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return JSON.stringify(printable.length > max ? `${printable.slice(0, max)}…` : printable);
}

const SPECIAL_BYTES = [
  '\x00', '\xff', '\xfe', '\xef\xbb\xbf', '\r', '\x1b', '\x7f', '\xc0\x80', '\xed\xa0\x80', '\x80', '\xf4\x90\x80\x80', '\xe2\x80', '\t', '\x0b', '\x0c',
  utf8('\u2028'), utf8('\u0085'), utf8('\ufffd'),
];

const TOKENS = ['(', '[', '{', ')', ']', '}', '"', "'", '`', '"""', "'''", '/*', '*/', '#', '//', '${', '<!--', '\\', ':', ',', ';', '=', '\n', '- ', '@', '%', '!', '&'];

const REPEATED_TOKENS = ['} ', ']', ')', '[', '(', '{', '"', "'", '#', '\\', '- ', 'a: ', '${', '/*', '*/', '<', '`', ',', '[[', ': ', '\t', ' '];

/** Characters that make a host or value look like another, hide text, or drive the terminal. */
const HOSTILE = [
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u061c', '\u200e',
  '\u001b[2J', '\u001b]0;pwned\u0007', '\u001b[8m', '\u001b[31m', '\u0007', '\u0008', '\r', '\u009b', '\u0085', '\u009d',
  '\uff0e', '\u3002', '\uff61', '\uff41', '\u0430', '\u0131', '\u1d00', '\u2024', '\u2215', '\uff0f', 'ﬀ', 'Ａ',
];

const HOST_TRICKS = [
  (h: string) => `${h}\\@eu.api.openai.com`, (h: string) => `eu.api.openai.com@${h}`, (h: string) => `${h}%2e`, (h: string) => `${h}.`,
  (h: string) => h.toUpperCase(), (h: string) => `${h}:99999`, (h: string) => `user:pa@ss@${h}`, () => '[::1]',
  (h: string) => `xn--${h}`, (h: string) => h.replace(/\./g, '%2E'), (h: string) => `${h}\\.evil.example`, (h: string) => `${h}#@eu.api.openai.com`,
  (h: string) => `${h}?.eu.api.openai.com`, (h: string) => `${h}\t`, () => '0x7f.1', (h: string) => h.replace('.', '..'),
];

const YAML_PIECES = [
  '&a ', '*a', '<<: *a\n', '!!str ', '!!binary ', '!custom ', '!!python/object:os.system ', '? [a, b]\n: c\n', '? {a: 1}\n: b\n', '? [require]\n: [hipaa]\n',
  '%YAML 1.1\n---\n', '---\n', '...\n', '__proto__: 5\n', 'constructor: {}\n', 'x: .inf\n', 'x: -.Inf\n', 'x: .nan\n', 'x: 1e999\n', 'x: 0x7fffffffffffffffff\n',
  'x: 999999999999999999999999999\n', 'x: |-\n  block\n', 'x: >+2\n   folded\n', '{ a: [ b, { c: d } ] }', '\t', '  ', 'x: !!int "12"\n', '&anchor [1, 2]', '*undefined_alias',
  '"\\ud800"', "'it''s'", 'x: ~\n', 'x: null\n', 'x: 2027-02-30\n', 'x: yes\n', '- *a\n', '? \n',
];
/** Policy keys written in ways the schema alone does not catch. */
const POLICY_PIECES = [
  'maxFileSizeKb: .inf\n', 'maxFileSizeKb: 1e999\n', 'severity:\n  __proto__:\n    LLMC002: off\n', 'severity: {__proto__: {LLMC001: off, LLMC002: off}}\n',
  '__proto__:\n  require: [hipaa]\n', '? [require]\n: [hipaa, eu-residency]\n', 'require: !!set {hipaa}\n', 'failOn: !!str error\n', 'waivers:\n  - rule: LLMC002\n    paths: [*a]\n    reason: r\n',
  '"__proto__": {"require": ["hipaa"]},', '"maxFileSizeKb": 1e400,',
];
const JSON_PIECES = [
  '"__proto__": {"a": 1},', '"constructor": {"prototype": 1},', '1e400', '-0', '"\\ud800"', '"\\u0000"', '// comment\n', '/* block */', ',', ',]', ',}',
  '99999999999999999999999', 'NaN', 'Infinity', '"\\u001b[2J"', '{"a":', '[', '"a": "b"', '\ufeff',
];
const TOML_PIECES = [
  '__proto__ = 1\n', 'a.b.c = 1\n', 'x = inf\n', 'x = -inf\n', 'x = nan\n', '[[a]]\n', '[a.__proto__]\n', 'x = "\\u0000"\n', 'x = 1979-05-27T07:32:00Z\n',
  'x = 99999999999999999999\n', "x = '''\nmulti\n'''\n", 'x = """\n', '[table\n', 'x = { a = { b = 1 } }\n', 'x = [1, [2, [3]]]\n', '"key with space" = 1\n',
];

const WAIVER_RULES = ['LLMC002', 'LLMC001,LLMC002', 'LLMC00X', 'LLMC999', 'ABC123', '', 'LLMC002 , LLMC003', 'llmc002', 'LLMC006'];
const WAIVER_REASONS = ['pilot', '', '  ', 'reason with \u001b[2J escape', '\u202e)evil(', 'x'.repeat(5000), 'owner=me', 'a -- b -- c', 'expires=2027-01-01', '"quoted"', '*/ end'];
const WAIVER_TAILS = ['', '; expires=2027-02-30', '; expires=9999-99-99', '; expires=', '; owner=', '; until 2020-01-01', '; expiry=2027-01-01', '; owner=\u001b]0;x\u0007', '; expires=2099-12-31; owner=a; owner=b'];

function commentMarkers(format: string): string[] {
  if (format === 'python' || format === 'yaml' || format === 'toml' || format === 'dotenv' || format === 'terraform' || format === 'tfvars' || format === 'policy') return ['#', '# ', '#', '//'];
  if (format === 'notebook') return ['# ', '// '];
  return ['//', '/*', ' * ', '//', '#'];
}

/** The openers and closers of a nesting, by format. */
function nestings(format: string): [string, string][] {
  const generic: [string, string][] = [['(', ')'], ['[', ']'], ['{', '}']];
  switch (format) {
    case 'python': return [...generic, ['f(', ')'], ['[[', ']]'], ['lambda: (', ')'], ['{"a": ', '}']];
    case 'js': return [...generic, ['f(', ')'], ['{a: ', '}'], ['`${', '}`'], ['(() => ', ')']];
    case 'go': case 'java': case 'csharp': case 'rust': return [...generic, ['f(', ')'], ['{ ', ' }']];
    case 'json': case 'notebook': return [['[', ']'], ['{"a":', '}'], ['{"a":[', ']}']];
    case 'yaml': case 'policy': return [['[', ']'], ['{a: ', '}'], ['- ', '']];
    case 'toml': return [['[', ']'], ['{a = ', '}']];
    case 'terraform': case 'tfvars': return [...generic, ['{ a = ', ' }'], ['a { ', ' }']];
    case 'bicep': return [['[', ']'], ['{\n', '\n}'], ['(', ')']];
    default: return generic;
  }
}

const CALLS: Record<string, string> = {
  python: 'OpenAI(base_url="https://api.openai.com/v1")',
  js: 'new OpenAI({ baseURL: "https://api.openai.com/v1" })',
  go: 'option.WithBaseURL("https://api.openai.com/v1")',
  java: 'OpenAIOkHttpClient.builder().baseUrl("https://api.openai.com/v1").build()',
  csharp: 'new OpenAIClient(new ApiKeyCredential(k), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") })',
  rust: 'OpenAIConfig::new().with_api_base("https://api.openai.com/v1")',
};

export const MUTATORS: Mutator[] = [
  {
    name: 'flip',
    weight: () => 6,
    apply: (data, { rng }) => {
      if (!data.length) return null;
      const chars = data.split('');
      const n = rng.range(1, 8);
      for (let i = 0; i < n; i++) {
        const at = rng.int(chars.length);
        chars[at] = String.fromCharCode(rng.chance(0.5) ? chars[at]!.charCodeAt(0) ^ (1 << rng.int(8)) : rng.int(256));
      }
      return { data: chars.join(''), what: `flip ${n} bytes` };
    },
  },
  {
    name: 'byte',
    weight: () => 8,
    apply: (data, { rng }) => {
      const piece = rng.pick(SPECIAL_BYTES);
      const at = rng.chance(0.15) ? 0 : position(rng, data);
      return { data: insert(data, at, piece), what: `insert ${show(piece)} at ${at}` };
    },
  },
  {
    name: 'delete',
    weight: () => 6,
    apply: (data, { rng }) => {
      if (!data.length) return null;
      const at = rng.int(data.length);
      const len = rng.chance(0.7) ? rng.range(1, 16) : rng.range(1, Math.max(1, data.length >> 2));
      return { data: data.slice(0, at) + data.slice(at + len), what: `delete ${len} at ${at}` };
    },
  },
  {
    name: 'duplicate',
    weight: () => 5,
    apply: (data, { rng }) => {
      if (!data.length) return null;
      const a = rng.int(data.length);
      const piece = data.slice(a, a + rng.range(1, 200));
      const times = rng.chance(0.8) ? 1 : rng.logRange(2, 50);
      const at = position(rng, data);
      return { data: insert(data, at, piece.repeat(times)), what: `duplicate ${piece.length} bytes x${times} at ${at}` };
    },
  },
  {
    name: 'splice',
    weight: () => 5,
    apply: (data, { rng, donor }) => {
      const other = donor();
      if (!other.length) return null;
      const a = rng.int(other.length);
      const piece = other.slice(a, a + rng.range(1, 400));
      const at = position(rng, data);
      const cut = rng.chance(0.5) ? rng.range(0, 100) : 0;
      return { data: data.slice(0, at) + piece + data.slice(at + cut), what: `splice ${piece.length} bytes at ${at} over ${cut}` };
    },
  },
  {
    name: 'truncate',
    weight: () => 3,
    apply: (data, { rng }) => {
      if (!data.length) return null;
      const at = rng.int(data.length);
      return { data: data.slice(0, at), what: `truncate at ${at}` };
    },
  },
  {
    name: 'token',
    weight: () => 10,
    apply: (data, { rng }) => {
      const n = rng.range(1, 5);
      const done: string[] = [];
      for (let i = 0; i < n; i++) {
        const token = rng.pick(TOKENS);
        data = insert(data, position(rng, data), token);
        done.push(token);
      }
      return { data, what: `tokens ${show(done.join(' '), 40)}` };
    },
  },
  {
    name: 'repeat-token',
    weight: () => 1.5,
    apply: (data, { rng }) => {
      const token = rng.pick(REPEATED_TOKENS);
      const times = rng.logRange(10, Math.floor(MAX_INPUT / 2 / token.length));
      const at = position(rng, data);
      return { data: insert(data, at, token.repeat(times)), what: `${show(token)} x${times} at ${at}` };
    },
  },
  {
    name: 'nest',
    weight: () => 1.5,
    apply: (data, { rng, format }) => {
      const [open, close] = rng.pick(nestings(format));
      const indented = open === '- ';
      const depth = rng.logRange(indented ? 100 : 1000, indented ? 1000 : Math.min(100_000, Math.floor(MAX_INPUT / (open.length + close.length))));
      const inner = CALLS[format] ?? '"https://api.openai.com/v1"';
      const balanced = rng.chance(0.7);
      let piece: string;
      if (indented) {
        const lines: string[] = [];
        for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i * 2)}- `);
        piece = lines.join('\n') + inner + '\n';
      } else {
        piece = open.repeat(depth) + inner + (balanced ? close.repeat(depth) : '');
      }
      const at = position(rng, data);
      return { data: insert(data, at, piece), what: `nest ${show(open)} x${depth}${balanced ? '' : ' unclosed'} at ${at}` };
    },
  },
  {
    name: 'long-line',
    weight: () => 1.5,
    apply: (data, { rng }) => {
      const n = rng.logRange(10_000, 500_000);
      const kind = rng.int(5);
      const piece = kind === 0 ? 'a'.repeat(n)
        : kind === 1 ? `"https://api.openai.com/${'a'.repeat(n)}"`
        : kind === 2 ? ' '.repeat(n) + 'x'
        : kind === 3 ? '\\'.repeat(n)
        : `"${'x'.repeat(n)}`;
      const at = position(rng, data);
      return { data: insert(data, at, piece), what: `long line (${['letters', 'URL', 'spaces', 'backslashes', 'open string'][kind]}) of ${n} at ${at}` };
    },
  },
  {
    name: 'repeat-line',
    weight: () => 2.5,
    apply: (data, { rng }) => {
      const lines = data.split('\n');
      const interesting = lines.filter((l) => /:\/\/|\(|=|:/.test(l) && l.length < 2000);
      const line = interesting.length ? rng.pick(interesting) : rng.pick(lines);
      if (!line.trim()) return null;
      const oneLine = rng.chance(0.5);
      const sep = oneLine ? rng.pick(['; ', ' ', ', ', '']) : '\n';
      const times = Math.min(rng.logRange(10, 10_000), Math.floor(MAX_INPUT / (line.length + sep.length)));
      const at = data.indexOf(line);
      const piece = Array.from({ length: times }, () => line.trim()).join(sep);
      return { data: data.slice(0, at) + piece + data.slice(at + line.length), what: `line ${show(line.trim(), 40)} x${times}${oneLine ? ` on one line (${show(sep)})` : ''}` };
    },
  },
  {
    name: 'hostile-char',
    weight: () => 8,
    apply: (data, { rng }) => {
      const piece = utf8(rng.pick(HOSTILE));
      // Inside a URL's host, or inside a value (after = or : ), or anywhere.
      const urls = [...data.matchAll(/[a-z]{1,10}:\/\/[^\s"'/]+/g)];
      const values = [...data.matchAll(/[=:][ \t]*["']?[^\s"']{2,}/g)];
      let at: number;
      if (urls.length && rng.chance(0.6)) {
        const m = rng.pick(urls);
        at = m.index + m[0].indexOf('://') + 3 + rng.int(m[0].length - m[0].indexOf('://') - 2);
      } else if (values.length && rng.chance(0.6)) {
        const m = rng.pick(values);
        at = m.index + 1 + rng.int(m[0].length);
      } else at = position(rng, data);
      return { data: insert(data, at, piece), what: `insert ${show(piece)} at ${at}` };
    },
  },
  {
    name: 'host-trick',
    weight: () => 4,
    apply: (data, { rng }) => {
      const urls = [...data.matchAll(/(https?:\/\/)([a-z0-9.-]+)/gi)];
      if (!urls.length) return null;
      const m = rng.pick(urls);
      const trick = rng.int(HOST_TRICKS.length);
      const host = utf8(HOST_TRICKS[trick]!(m[2]!));
      const at = m.index + m[1]!.length;
      return { data: data.slice(0, at) + host + data.slice(at + m[2]!.length), what: `host ${show(m[2]!)} -> ${show(host, 60)}` };
    },
  },
  {
    name: 'newlines',
    weight: () => 4,
    apply: (data, { rng }) => {
      const kind = rng.int(5);
      const out = kind === 0 ? data.replace(/\r?\n/g, '\r\n')
        : kind === 1 ? data.replace(/\n/g, () => (rng.chance(0.5) ? '\r\n' : '\n'))
        : kind === 2 ? data.replace(/\n/g, () => (rng.chance(0.3) ? '\r' : '\n'))
        : kind === 3 ? data.replace(/\r?\n$/, '')
        : `${data}\r`;
      return { data: out, what: ['all CRLF', 'CRLF/LF mix', 'some lone CR', 'no final newline', 'trailing CR'][kind]! };
    },
  },
  {
    name: 'format-piece',
    weight: (format) => (CONFIG_FORMATS.has(format) ? 8 : 2),
    apply: (data, { rng, format }) => {
      const pieces = format === 'json' || format === 'notebook' ? JSON_PIECES : format === 'toml' ? TOML_PIECES : format === 'policy' ? [...YAML_PIECES, ...POLICY_PIECES] : YAML_PIECES;
      const piece = utf8(rng.pick(pieces));
      // Mostly at a line start, where keys and documents begin.
      const starts = [0];
      for (let i = data.indexOf('\n'); i >= 0 && starts.length < 500; i = data.indexOf('\n', i + 1)) starts.push(i + 1);
      const at = rng.chance(0.6) ? rng.pick(starts) : position(rng, data);
      return { data: insert(data, at, piece), what: `insert ${show(piece, 40)} at ${at}` };
    },
  },
  {
    name: 'anchor-alias',
    weight: (format) => (format === 'yaml' || format === 'policy' ? 5 : 0),
    apply: (data, { rng }) => {
      // Anchor a value, then use it as an alias somewhere else.
      const values = [...data.matchAll(/^([ \t-]{0,40}[\w$.-]{1,80}:[ \t]+)(?=\S)/gm)];
      if (values.length < 2) return null;
      const a = rng.pick(values);
      const b = rng.pick(values);
      const name = `a${rng.int(10)}`;
      let out = insert(data, a.index + a[0].length, `&${name} `);
      const shift = b.index > a.index ? name.length + 2 : 0;
      const bEnd = out.indexOf('\n', b.index + shift);
      out = out.slice(0, b.index + shift + b[0].length) + `*${name}` + (bEnd < 0 ? '' : out.slice(bEnd));
      return { data: out, what: `anchor &${name} at ${a.index}, alias at ${b.index}` };
    },
  },
  {
    name: 'waiver',
    weight: () => 4,
    apply: (data, { rng, format }) => {
      const marker = rng.pick(commentMarkers(format));
      const text = `${marker} llm-compliance-ignore ${rng.pick(WAIVER_RULES)}${rng.chance(0.8) ? ' -- ' : ' '}${rng.pick(WAIVER_REASONS)}${rng.pick(WAIVER_TAILS)}${marker === '/*' ? ' */' : ''}`;
      const kind = rng.int(3);
      let piece = utf8(text);
      if (kind === 1) piece = `"${piece.replace(/"/g, '\\"')}"`; // inside a string literal
      const starts = [0];
      for (let i = data.indexOf('\n'); i >= 0 && starts.length < 500; i = data.indexOf('\n', i + 1)) starts.push(i + 1);
      const at = kind === 2 ? position(rng, data) : rng.pick(starts);
      return { data: insert(data, at, kind === 2 ? ` ${piece}` : `${piece}\n`), what: `waiver ${show(piece, 60)} ${['on its own line', 'in a string', 'trailing'][kind]} at ${at}` };
    },
  },
  {
    name: 'proto-key',
    weight: () => 2,
    apply: (data, { rng }) => {
      const words = [...data.matchAll(/[A-Za-z_][A-Za-z0-9_]{2,}/g)];
      if (!words.length) return null;
      const m = rng.pick(words);
      const key = rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf']);
      return { data: data.slice(0, m.index) + key + data.slice(m.index + m[0].length), what: `${show(m[0])} -> ${key}` };
    },
  },
  {
    name: 'number',
    weight: () => 2,
    apply: (data, { rng }) => {
      const numbers = [...data.matchAll(/\d+/g)];
      if (!numbers.length) return null;
      const m = rng.pick(numbers);
      const value = rng.pick(['99999999999999999999999999999', '1e999', '-1e999', '.inf', 'NaN', '-0', '0x', '00', '1_000', '4294967296', '-1', '0']);
      return { data: data.slice(0, m.index) + value + data.slice(m.index + m[0].length), what: `${m[0]} -> ${value}` };
    },
  },
];

/** A mutated copy of `data`: one to a few mutators in a chain. */
export function mutate(data: string, ctx: MutationContext): { data: string; chain: string[] } {
  const { rng, format } = ctx;
  const length = rng.weighted([[1, 50], [2, 30], [3, 15], [rng.range(4, 6), 5]] as const);
  const weights = MUTATORS.map((m) => [m, m.weight(format)] as const).filter(([, w]) => w > 0);
  const chain: string[] = [];
  for (let tries = 0; chain.length < length && tries < length * 4; tries++) {
    const mutator = rng.weighted(weights);
    const out = mutator.apply(data, ctx);
    if (!out || out.data.length > MAX_INPUT) continue;
    data = out.data;
    chain.push(`${mutator.name}: ${out.what}`);
  }
  return { data, chain };
}

export const isCodeFormat = (format: string): boolean => CODE_FORMATS.has(format);
