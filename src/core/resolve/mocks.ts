// Test code that replaces part of an SDK with a mock: a client call there never reaches the
// network, so it is not an endpoint use. Only what the test file itself says counts: a
// `with patch("sdk...")` block or `@patch("sdk...")` decorated function (unittest.mock),
// `mocker.patch("sdk...")` for the rest of its function (pytest-mock), `jest.mock("sdk")` /
// `vi.mock("sdk")` for the whole file, and a client handed a mock as the object that does its
// I/O (`transport=mock_transport`). And only a patch of what sends the request: the client
// class or function itself, its transport or HTTP layer, or a method the test calls. A patch
// of something else (`patch.dict(os.environ, ...)`, another package, a retry policy of the
// SDK) leaves the client real: a real client built in a test is still a use.

import type { CodeLanguage } from '../catalog/types';
import type { CodeParser } from '../scan/parse';
import type { Token } from '../scan/tokens';

/** Where the code runs with part of a package mocked. */
export interface MockedRegion {
  s: number;
  e: number;
  /** What is patched, as imported: a whole module (`openai`), a class, function or method (`openai.OpenAI`, `claude_agent_sdk._internal.client.Transport`). */
  target: string;
}

/** The package a dotted or slashed module path starts with: `claude_agent_sdk`, `openai`, `@anthropic-ai/sdk`. */
function packageOf(path: string): string {
  if (path.startsWith('@')) return path.split('/').slice(0, 2).join('/').split('.')[0]!;
  const parts = path.split(/[./]/);
  // Namespace packages: google.genai and google.auth, azure.ai.inference and azure.identity are different distributions.
  return NAMESPACE_ROOTS.has(parts[0]!) && parts.length > 1 ? `${parts[0]}.${parts[1]}` : parts[0]!;
}
const NAMESPACE_ROOTS = new Set(['google', 'azure']);

/** unittest.mock's patchers that replace a target (not `patch.dict`, which only sets a mapping's items). */
const PATCHER = /^(?:(?:unittest\.)?mock\.)?patch(?:\.object|\.multiple)?$/;
/** pytest-mock's fixture, whose patch lasts until the test function returns. */
const MOCKER_PATCHER = /^mocker\.patch(?:\.object|\.multiple)?$/;
/** Jest's and Vitest's module mocks, which replace the module for the whole test file. */
const MODULE_MOCK = /^(?:jest|vi)\.(?:mock|doMock)$/;
/** Parts of an SDK that send its requests: a transport, an HTTP client, a request or send method. */
const TRANSPORT = /(?:transport|https?_?client|session)$/i;
/** Methods a test may call that send nothing, so patching them says nothing about the network. */
const QUIET_METHOD = /^(?:close|aclose|__enter__|__exit__|__aenter__|__aexit__|__del__|__repr__)$/;
const SEND_METHOD = /^_?(?:request|send|send_request|post|make_request)$/;

/** The mocked regions of a test file. */
export function mockedRegions(parser: CodeParser, lang: CodeLanguage): MockedRegion[] {
  const { text, tokens } = parser;
  const qualify = (path: string): string => parser.qualify(path);
  const out: MockedRegion[] = [];
  // mocker.patch lasts to the end of the function it is in: their ends are found in one sweep.
  const untilFunctionEnd: { s: number; target: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const path = dottedPath(tokens, i);
    if (!path || tokens[path.end]?.v !== '(') continue;
    const target = patchTarget(tokens, path.end + 1, qualify);
    if (lang === 'js') {
      // A factory that keeps the real module (`...jest.requireActual("openai")`) mocks only part of it.
      if (MODULE_MOCK.test(path.text) && target && !keepsActual(tokens, path.end)) out.push({ s: 0, e: text.length, target });
      continue;
    }
    if (lang !== 'python' || !target) continue;
    if (MOCKER_PATCHER.test(path.text)) untilFunctionEnd.push({ s: tokens[i]!.s, target });
    else if (PATCHER.test(path.text)) {
      // The block of the `with` whose header holds the patch, or of the def it decorates.
      const header = withStatement(tokens, i) ?? decoratedDefinition(tokens, i);
      const block = header && parser.statementBlock(header.kind, text.lastIndexOf('\n', tokens[header.at]!.s - 1) + 1);
      if (block) out.push({ s: tokens[i]!.s, e: block.e, target });
    }
    i = path.end;
  }
  if (untilFunctionEnd.length) {
    const around = parser.definitionsAround(untilFunctionEnd.map((p) => p.s));
    untilFunctionEnd.forEach((p, k) => out.push({ s: p.s, e: around[k]!.e, target: p.target }));
  }
  return out;
}

/**
 * Whether a region's patch keeps a client call (`callee` as imported) off the network: a
 * mock of its whole module, of the client class or function itself (or an object on its
 * path), of the SDK's transport or HTTP layer, of a method the test calls in the region
 * (`calls(name)`), or of the method that carries out a function called
 * (`InternalClient.process_query` for `query()`). Not any attribute of the package (a retry
 * policy, a helper).
 */
export function mocksCall(region: MockedRegion, callee: string, calls: (method: string) => boolean): boolean {
  const pkg = packageOf(callee);
  const { target } = region;
  if (packageOf(target) !== pkg) return false;
  if (target === pkg || target === callee || callee.startsWith(`${target}.`)) return true;
  const parts = target.slice(pkg.length).split(/[./]/).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const called = callee.slice(callee.lastIndexOf('.') + 1).toLowerCase();
  if (QUIET_METHOD.test(last)) return false;
  return TRANSPORT.test(last) || SEND_METHOD.test(last) || calls(last) || last.toLowerCase().split('_').includes(called);
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

/**
 * What a patcher's first argument names: a `"module.attr"` string, or an object as imported
 * with the attribute patched on it (`patch.object(Client, "send")` -> `sdk.Client.send`).
 */
function patchTarget(tokens: Token[], i: number, qualify: (path: string) => string): string | undefined {
  const first = tokens[i];
  if (first?.t === 'str') return first.v || undefined;
  const path = dottedPath(tokens, i);
  if (!path || (tokens[path.end]?.v !== ',' && tokens[path.end]?.v !== ')')) return undefined;
  const attribute = tokens[path.end]?.v === ',' && tokens[path.end + 1]?.t === 'str' ? tokens[path.end + 1]!.v : '';
  return attribute ? `${qualify(path.text)}.${attribute}` : qualify(path.text);
}

/** For a patcher call at token i in a `with` statement's header: the `with` token. */
function withStatement(tokens: Token[], i: number): { kind: 'with'; at: number } | undefined {
  let at = i - 1;
  while (at >= 0 && tokens[at]!.t !== 'nl' && tokens[at]!.v !== 'with') at--;
  if (at < 0 || tokens[at]!.v !== 'with') return undefined;
  return { kind: 'with', at: tokens[at - 1]?.v === 'async' ? at - 1 : at };
}

/** For a patcher used as a decorator (`@patch(...)` at token i): the decorated `def` or `class` token. */
function decoratedDefinition(tokens: Token[], i: number): { kind: 'def'; at: number } | undefined {
  if (tokens[i - 1]?.v !== '@') return undefined;
  // Further decorators may follow before the definition.
  for (let j = i; j < tokens.length; j++) {
    if (tokens[j - 1]?.t !== 'nl') continue;
    const v = tokens[j]!.v;
    if (v === 'def' || v === 'class' || v === 'async') return { kind: 'def', at: j };
    if (v !== '@' && tokens[j]!.t !== 'nl') return undefined;
  }
  return undefined;
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

/** Whether the call whose `(` is at token `open` hands back the real module (`requireActual`, `importOriginal`, `importActual`). */
function keepsActual(tokens: Token[], open: number): boolean {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const v = tokens[j]!.v;
    if (v === '(' || v === '[' || v === '{') depth++;
    else if (v === ')' || v === ']' || v === '}') {
      if (--depth === 0) return false;
    } else if (tokens[j]!.t === 'id' && /^(?:requireActual|importOriginal|importActual)$/.test(v)) return true;
  }
  return false;
}
