// Terraform (HCL) files: blocks with labels, attributes with their expressions.

import type { Value } from '../ir';
import { lex } from '../lexer';
import { CodeParser } from '../parse';
import type { Token } from '../tokens';

export interface TfAttribute {
  name: string;
  value: Value;
}

export interface TfBlock {
  type: string;
  labels: string[];
  attributes: Map<string, TfAttribute>;
  blocks: TfBlock[];
  s: number;
  e: number;
}

export interface HclFile {
  body: TfBlock;
  parser: CodeParser;
  problems: { message: string; offset: number }[];
}

export function parseHcl(text: string): HclFile {
  const { tokens } = lex(text, 'hcl');
  const parser = new CodeParser(text, tokens, 'hcl', () => false);
  const problems: { message: string; offset: number }[] = [];
  const match = matchBraces(tokens, problems);
  const body: TfBlock = { type: '', labels: [], attributes: new Map(), blocks: [], s: 0, e: text.length };
  readBody(tokens, 0, tokens.length, body, parser, match);
  return { body, parser, problems };
}

function readBody(tokens: Token[], a: number, b: number, into: TfBlock, parser: CodeParser, match: Int32Array): void {
  let i = a;
  while (i < b) {
    const t = tokens[i]!;
    if (t.t !== 'id') {
      i = t.t === 'p' && (t.v === '{' || t.v === '(' || t.v === '[') && match[i]! > i ? match[i]! + 1 : i + 1;
      continue;
    }
    const next = tokens[i + 1];
    if (next?.t === 'p' && (next.v === '=' || next.v === ':')) {
      const end = statementEnd(tokens, i + 2, b, match);
      into.attributes.set(t.v, { name: t.v, value: parser.parseRange(i + 2, end) });
      i = end;
      continue;
    }
    // A block: type, labels, then `{`.
    const labels: string[] = [];
    let j = i + 1;
    while (j < b && (tokens[j]!.t === 'str' || tokens[j]!.t === 'id')) labels.push(tokens[j++]!.v);
    const open = tokens[j];
    if (open?.t === 'p' && open.v === '{' && match[j]! > j) {
      const close = match[j]!;
      const block: TfBlock = { type: t.v, labels, attributes: new Map(), blocks: [], s: t.s, e: tokens[close]!.e };
      readBody(tokens, j + 1, close, block, parser, match);
      into.blocks.push(block);
      i = close + 1;
      continue;
    }
    i = j + 1;
  }
}

function statementEnd(tokens: Token[], i: number, b: number, match: Int32Array): number {
  while (i < b) {
    const t = tokens[i]!;
    if (t.t === 'nl') return i;
    if (t.t === 'p' && (t.v === '{' || t.v === '(' || t.v === '[') && match[i]! > i) {
      i = match[i]! + 1;
      continue;
    }
    if (t.t === 'p' && t.v === '}') return i;
    i++;
  }
  return b;
}

function matchBraces(tokens: Token[], problems: { message: string; offset: number }[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t !== 'p') continue;
    if (t.v === '{' || t.v === '(' || t.v === '[') stack.push(i);
    else if (t.v === '}' || t.v === ')' || t.v === ']') {
      const open = stack.pop();
      if (open === undefined) {
        problems.push({ message: `unexpected "${t.v}"`, offset: t.s });
        continue;
      }
      match[open] = i;
      match[i] = open;
    }
  }
  for (const open of stack) problems.push({ message: `"${tokens[open]!.v}" is never closed`, offset: tokens[open]!.s });
  return match;
}
