// An independent check that a file still parses after a fix: tree-sitter grammars (the
// ones VS Code ships) for code, the real parsers for config formats.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import * as jsonc from 'jsonc-parser';
import { formatOf } from '../../src/core/engine';
import { parseHcl } from '../../src/core/scan/config/hcl';
import type * as TreeSitterModule from '@vscode/tree-sitter-wasm';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TreeSitter = require('@vscode/tree-sitter-wasm') as typeof TreeSitterModule;
const WASM_DIR = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
type Language = InstanceType<typeof TreeSitter.Language>;
type SyntaxNode = InstanceType<typeof TreeSitter.Node>;
const languages = new Map<string, Language>();
let ready: Promise<void> | undefined;

const GRAMMAR_BY_EXT: Record<string, string> = {
  py: 'python', ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  go: 'go', java: 'java', cs: 'c-sharp', rs: 'rust',
};

export async function initParsers(): Promise<void> {
  ready ??= (async () => {
    await TreeSitter.Parser.init({ locateFile: (f: string) => path.join(WASM_DIR, f) });
    for (const grammar of new Set(Object.values(GRAMMAR_BY_EXT))) {
      languages.set(grammar, await TreeSitter.Language.load(fs.readFileSync(path.join(WASM_DIR, `tree-sitter-${grammar}.wasm`))));
    }
  })();
  return ready;
}

/** tree-sitter's error recovery can take seconds on a deeply nested broken file: past this it gives up. */
const PARSE_BUDGET_MS = 2_000;

/** The first syntax error (or that tree-sitter gave up): one is all callers need, and a broken tree can hold thousands. */
function codeErrors(grammar: string, text: string): string[] {
  const parser = new TreeSitter.Parser();
  parser.setLanguage(languages.get(grammar)!);
  const deadline = performance.now() + PARSE_BUDGET_MS;
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  parser.delete();
  if (!tree) return [`${grammar}: tree-sitter gave up after ${PARSE_BUDGET_MS} ms`];
  const errors: string[] = [];
  // Depth first, without recursion (a nesting of thousands would overflow the stack).
  const stack: SyntaxNode[] = tree.rootNode.hasError ? [tree.rootNode] : [];
  while (stack.length && !errors.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) errors.push(`${grammar} syntax error at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
    else if (n.hasError) for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  tree.delete();
  return errors;
}

/** Syntax errors in `text` for the format of `file` (empty when it parses). Call initParsers() first. */
export function syntaxErrors(file: string, text: string): string[] {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const grammar = GRAMMAR_BY_EXT[ext];
  if (grammar) return codeErrors(grammar, text);
  const format = formatOf(file);
  switch (format?.kind) {
    case 'yaml':
      return parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : []));
    case 'json': {
      const errors: jsonc.ParseError[] = [];
      jsonc.parse(text, errors, { allowTrailingComma: true });
      return errors.map((e) => jsonc.printParseErrorCode(e.error));
    }
    case 'toml':
      try {
        parseToml(text);
        return [];
      } catch (err) {
        return [String(err)];
      }
    case 'terraform':
      return parseHcl(text).problems.map((p) => p.message);
    case 'notebook': {
      const nb = JSON.parse(text) as { cells: { cell_type: string; source: string[] | string }[] };
      return nb.cells.filter((c) => c.cell_type === 'code').flatMap((c) => codeErrors('python', (Array.isArray(c.source) ? c.source.join('') : c.source).replace(/^[ \t]*[!%].*$/gm, '')));
    }
    default:
      return [];
  }
}
