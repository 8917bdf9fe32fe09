// The English messages of the extension's `vscode.l10n.t(...)` calls, read with the TypeScript
// parser (scripts/generate.ts writes them to l10n/bundle.l10n.json; test/unit/l10n.test.ts checks them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * The messages of every `vscode.l10n.t(...)` call under a folder, keyed by themselves (the
 * English default), read with the TypeScript parser so that format arguments and templates
 * are told apart: the message must be a literal, or translators could not be given it.
 */
export function l10nBundle(dir: string): Record<string, string> {
  const messages = new Map<string, string>();
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  for (const rel of files) {
    const file = path.join(dir, rel);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isL10nT(node.expression)) {
        const [message] = node.arguments;
        if (!message || !(ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          throw new Error(`${file}:${line + 1}: vscode.l10n.t needs a literal message (values go in as {0}, {1} arguments)`);
        }
        messages.set(message.text, message.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries([...messages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `vscode.l10n.t` (or `l10n.t` where l10n is imported from vscode). */
export function isL10nT(e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 't') return false;
  const target = e.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n' && ts.isIdentifier(target.expression) && target.expression.text === 'vscode');
}

const SHOW = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);

/** `window.show…Message` calls under a folder whose message is not a vscode.l10n.t call (file:line). */
export function unlocalizedNotifications(dir: string): string[] {
  const out: string[] = [];
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort()) {
    const file = path.join(dir, rel);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SHOW.has(node.expression.name.text)) {
        const [message] = node.arguments;
        if (!message || !ts.isCallExpression(message) || !isL10nT(message.expression)) out.push(`${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
