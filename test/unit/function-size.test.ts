// Issue 12's "no function in src/core over 80 lines", checked on the source with TypeScript's
// own parser: every function-like node with a body (declarations, methods, arrows, function
// expressions, accessors, constructors), measured from its first line to its last.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const CORE = path.resolve(__dirname, '../../src/core');
const MAX_LINES = 80;

/** The catalog's data files are tables of provider facts, not logic: exempt as data. */
const DATA_DIR = path.join(CORE, 'catalog', 'data');


interface LongFunction { file: string; line: number; name: string; lines: number }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** A function's name, or that of the variable or property it is assigned to. */
function nameOf(node: ts.SignatureDeclaration): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const named = node.name ?? (ts.isVariableDeclaration(node.parent) || ts.isPropertyDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) ? node.parent.name : undefined);
  return named && ts.isIdentifier(named) ? named.text : '(anonymous)';
}

/** Every function in the file longer than the limit. */
function longFunctions(file: string): LongFunction[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1;
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const length = lineOf(node.getEnd()) - first + 1;
      const name = nameOf(node);
      if (length > MAX_LINES) found.push({ file: path.relative(CORE, file).split(path.sep).join('/'), line: first, name, lines: length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function size', () => {
  it(`no function in src/core is longer than ${MAX_LINES} lines`, () => {
    const files = sourceFiles(CORE).filter((f) => !f.startsWith(DATA_DIR + path.sep));
    const tooLong = files.flatMap(longFunctions);
    assert.deepEqual(tooLong.map((f) => `src/core/${f.file}:${f.line} ${f.name} (${f.lines} lines)`), []);
  });

  it('finds a long function (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-size-'));
    const file = path.join(dir, 'long.ts');
    const body = (lines: number): string => '  void 0;\n'.repeat(lines - 2);
    // At the limit (not reported), then one line over it: an arrow, a method, a getter, a constructor, a function expression.
    fs.writeFileSync(file, [
      `export const short = () => {\n${body(MAX_LINES)}};`,
      `export const long = () => {\n${body(MAX_LINES + 1)}};`,
      `class C {\n  m() {\n${body(MAX_LINES + 1)}}\n  get g() {\n${body(MAX_LINES + 1)}}\n  constructor() {\n${body(MAX_LINES + 1)}}\n}`,
      `export const e = [function () {\n${body(MAX_LINES + 1)}}];\n`,
    ].join('\n'));
    try {
      assert.deepEqual(longFunctions(file).map(({ name, lines }) => `${name} ${lines}`), ['long', 'm', 'g', 'constructor', '(anonymous)'].map((name) => `${name} ${MAX_LINES + 1}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
