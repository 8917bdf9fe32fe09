// The layering the architecture notes promise, checked on the source: the engine has no
// import cycle (type imports included), and hosts reach it only through its public entry.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The project modules a file imports or re-exports (TypeScript's own pre-parser: type imports count). */
function importsOf(file: string): { specifier: string; target?: string }[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName: specifier }) => {
    if (!specifier.startsWith('.')) return { specifier };
    const base = path.resolve(path.dirname(file), specifier);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    return { specifier, ...(target ? { target } : {}) };
  });
}

/** Every cycle's members (strongly connected components of more than one module, or a module importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component);
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  it('src/core has no import cycle, counting type imports', () => {
    const graph = new Map(sourceFiles(path.join(SRC, 'core')).map((f) => [f, importsOf(f).flatMap((i) => (i.target ? [i.target] : []))]));
    const shown = cycles(graph).map((c) => c.map((f) => path.relative(SRC, f)).sort().join(' -> '));
    assert.deepEqual(shown, []);
  });

  it('finds a cycle where there is one (the check can fail)', () => {
    assert.equal(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])).length, 1);
    assert.equal(cycles(new Map([['a', ['a']]])).length, 1);
    assert.equal(cycles(new Map([['a', ['b']], ['b', []]])).length, 0);
  });

  // The CLI's start (dist/cli.js) answers a repeated scan without the engine: through index.ts its
  // bundle would carry all of it (13 KB became 1.6 MB). The build caps that bundle's size too.
  const START_TAKES = new Map([['cli/last-run.ts', ['core/day.ts', 'core/text.ts']]]);

  it('the CLI and the extension import the engine only through src/core/index.ts (the CLI\'s start: two small modules)', () => {
    const entry = path.join(SRC, 'core', 'index.ts');
    const leaks = ['cli', 'extension'].flatMap((host) => sourceFiles(path.join(SRC, host)).flatMap((file) =>
      importsOf(file).filter((i) => i.target?.startsWith(path.join(SRC, 'core') + path.sep) && i.target !== entry
        && !START_TAKES.get(path.relative(SRC, file))?.includes(path.relative(SRC, i.target))).map((i) => `${path.relative(SRC, file)}: ${i.specifier}`)));
    assert.deepEqual(leaks, []);
  });

  it('the modules the CLI\'s start takes from the core import nothing more than one table of token types', () => {
    const taken = [...START_TAKES.values()].flat().map((rel) => path.join(SRC, rel));
    const pulled = taken.flatMap((file) => importsOf(file).flatMap((i) => (i.target ? [path.relative(SRC, i.target)] : [])));
    assert.deepEqual(pulled, ['core/scan/tokens.ts']);
    assert.deepEqual(importsOf(path.join(SRC, 'core/scan/tokens.ts')), []);
  });

  it('the matrix webview (a browser page) takes from the core only types and the requirement labels, never the engine', () => {
    // Through index.ts the page's bundle would carry the whole engine (10 KB became 600 KB).
    const labels = path.join(SRC, 'core', 'policy', 'requirement-labels.ts');
    const leaks = sourceFiles(path.join(SRC, 'webview')).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      return source.statements.filter(ts.isImportDeclaration).flatMap((node) => {
        const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
        const target = importsOf(file).find((i) => i.specifier === specifier)?.target;
        if (!target?.startsWith(path.join(SRC, 'core') + path.sep) || node.importClause?.isTypeOnly || target === labels) return [];
        return [`${path.relative(SRC, file)}: ${specifier}`];
      });
    });
    assert.deepEqual(leaks, []);
  });

  it('the requirement labels the webview imports import nothing but types (else the page bundles what they pull in)', () => {
    const labels = path.join(SRC, 'core', 'policy', 'requirement-labels.ts');
    const source = ts.createSourceFile(labels, fs.readFileSync(labels, 'utf8'), ts.ScriptTarget.Latest);
    const runtime = source.statements.filter((s) => (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) || (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier));
    assert.deepEqual(runtime.map((s) => s.getText(source)), []);
  });
});
