// Test code that replaces part of an SDK with a mock: a client call there never reaches the
// network, so it is not an endpoint use. Only what the test file itself says counts: a
// `with patch("sdk...")` block or `@patch("sdk...")` decorated function (unittest.mock),
// `mocker.patch("sdk...")` for the rest of its function (pytest-mock), `jest.mock("sdk")` /
// `vi.mock("sdk")` for the whole file, and a client handed a mock as the object that does its
// I/O (`transport=mock_transport`). A patch of something else (`patch.dict(os.environ, ...)`,
// another package) leaves the client real: a real client built in a test is still a use.

import type { CodeLanguage } from '../catalog/types';
import type { Token } from '../scan/tokens';

/** Where the code runs with a package (or part of it) mocked. */
export interface MockedRegion {
  s: number;
  e: number;
  /** The mocked package, as `packageOf` gives it. */
  pkg: string;
}

/** The package a dotted or slashed module path starts with: `claude_agent_sdk`, `openai`, `@anthropic-ai/sdk`. */
export function packageOf(path: string): string {
  if (path.startsWith('@')) return path.split('/').slice(0, 2).join('/').split('.')[0]!;
  return path.split(/[./]/)[0]!;
}

/** unittest.mock's patchers that replace a target (not `patch.dict`, which only sets a mapping's items). */
const PATCHER = /^(?:(?:unittest\.)?mock\.)?patch(?:\.object|\.multiple)?$/;
/** pytest-mock's fixture, whose patch lasts until the test function returns. */
const MOCKER_PATCHER = /^mocker\.patch(?:\.object|\.multiple)?$/;
/** Jest's and Vitest's module mocks, which replace the module for the whole test file. */
const MODULE_MOCK = /^(?:jest|vi)\.(?:mock|doMock)$/;

/** The mocked regions of a test file. */
export function mockedRegions(text: string, tokens: Token[], lang: CodeLanguage, qualify: (path: string) => string): MockedRegion[] {
  const out: MockedRegion[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const path = dottedPath(tokens, i);
    if (!path || tokens[path.end]?.v !== '(') continue;
    const target = patchTarget(tokens, path.end + 1, qualify);
    if (lang === 'js') {
      if (MODULE_MOCK.test(path.text) && target) out.push({ s: 0, e: text.length, pkg: packageOf(target) });
      continue;
    }
    if (lang !== 'python' || !target) continue;
    if (MOCKER_PATCHER.test(path.text)) {
      // From the statement on, to the end of the block it is in.
      out.push({ s: tokens[i]!.s, e: blockEnd(text, tokens, i, column(text, tokens[lineStart(tokens, i)]!.s)), pkg: packageOf(target) });
    } else if (PATCHER.test(path.text)) {
      const header = withHeader(tokens, i) ?? decoratedDef(tokens, i);
      // The block is the lines indented deeper than the `with` or `def`.
      if (header !== undefined) out.push({ s: tokens[i]!.s, e: blockEnd(text, tokens, header.end, column(text, tokens[header.start]!.s) + 1), pkg: packageOf(target) });
    }
    i = path.end;
  }
  return out;
}

/** The name path starting at token i (`mock.patch`), if token i starts one. */
function dottedPath(tokens: Token[], i: number): { text: string; end: number } | undefined {
  if (tokens[i]?.t !== 'id' || tokens[i - 1]?.v === '.') return undefined;
  let text = tokens[i].v;
  let j = i + 1;
  while (tokens[j]?.v === '.' && tokens[j + 1]?.t === 'id') {
    text += `.${tokens[j + 1]!.v}`;
    j += 2;
  }
  return { text, end: j };
}

/** What a patcher's first argument names: a `"module.attr"` string, or an object (`patch.object(Client, ...)`) as imported. */
function patchTarget(tokens: Token[], i: number, qualify: (path: string) => string): string | undefined {
  const first = tokens[i];
  if (first?.t === 'str') return first.v || undefined;
  const path = dottedPath(tokens, i);
  return path && (tokens[path.end]?.v === ',' || tokens[path.end]?.v === ')') ? qualify(path.text) : undefined;
}

/** For a patcher call at token i inside a `with` statement's header: the header's first token and the `:` that ends it. */
function withHeader(tokens: Token[], i: number): { start: number; end: number } | undefined {
  let start = i - 1;
  while (start >= 0 && tokens[start]!.t !== 'nl' && tokens[start]!.v !== 'with') start--;
  if (start < 0 || tokens[start]!.v !== 'with') return undefined;
  if (tokens[start - 1]?.v === 'async') start--;
  let depth = 0;
  for (let j = start; j < tokens.length && tokens[j]!.t !== 'nl'; j++) {
    const v = tokens[j]!.t === 'p' ? tokens[j]!.v : '';
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') depth--;
    else if (v === ':' && depth === 0) return { start, end: j };
  }
  return undefined;
}

/** For a patcher used as a decorator (`@patch(...)` at token i): the decorated `def` line's first token and its `:`. */
function decoratedDef(tokens: Token[], i: number): { start: number; end: number } | undefined {
  if (tokens[i - 1]?.v !== '@') return undefined;
  // Further decorators may follow before the def.
  let j = i;
  while (j < tokens.length && tokens[j]!.v !== 'def') {
    if (tokens[j]!.t === 'nl' && tokens[j + 1] && tokens[j + 1]!.v !== '@' && tokens[j + 1]!.v !== 'def' && tokens[j + 1]!.v !== 'async') return undefined;
    j++;
  }
  const start = tokens[j - 1]?.v === 'async' ? j - 1 : j;
  let depth = 0;
  for (let k = j; k < tokens.length; k++) {
    const v = tokens[k]!.t === 'p' ? tokens[k]!.v : '';
    if (v === '(' || v === '[') depth++;
    else if (v === ')' || v === ']') depth--;
    else if (v === ':' && depth === 0) return { start, end: k };
  }
  return undefined;
}

/** The first token of the logical line token i is on. */
function lineStart(tokens: Token[], i: number): number {
  let j = i;
  while (j > 0 && tokens[j - 1]!.t !== 'nl') j--;
  return j;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Where the indented code after token `from` ends: at the first logical line indented less
 * than `indent`, or at the end of the file.
 */
function blockEnd(text: string, tokens: Token[], from: number, indent: number): number {
  for (let j = from + 1; j < tokens.length; j++) {
    if (tokens[j - 1]!.t === 'nl' && tokens[j]!.t !== 'nl' && column(text, tokens[j]!.s) < indent) return tokens[j]!.s;
  }
  return text.length;
}

/** Options through which a client does its I/O: handed a mock there, it sends nothing. */
const IO_OPTION = /^(?:transport|http_?client|fetch|session|connection)$/i;
/** Names and calls that say a value is a test double. */
const DOUBLE_WORD = /(?:^|[^a-z])(?:mock|fake|stub|dummy)|(?:Mock|Fake|Stub|Dummy)/;
const DOUBLE_MAKER = /(?:^|\.)(?:Mock|AsyncMock|MagicMock|NonCallableMock|create_autospec|fn)$/;

/** Whether an option hands the client a test double for its I/O (`transport=mock_transport`, `fetch: vi.fn()`). */
export function isMockedIo(name: string, value: { k: string; path?: string; callee?: string }): boolean {
  if (!IO_OPTION.test(name)) return false;
  if (value.k === 'ref') return DOUBLE_WORD.test(value.path ?? '');
  if (value.k === 'call') return DOUBLE_MAKER.test(value.callee ?? '');
  return false;
}
