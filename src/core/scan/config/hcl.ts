// Terraform (HCL) files: blocks with labels, attributes with their expressions.

import type { Value } from '../ir';
import { lex } from '../lexer';
import { CodeParser } from '../parse';
import type { BracketProblem } from '../tokens';

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
  /** Unbalanced brackets (the first) or a string never closed: the file is not valid HCL. */
  problems: BracketProblem[];
}

export function parseHcl(text: string): HclFile {
  const { tokens, brackets, unterminated } = lex(text, 'hcl');
  const problems = brackets ? [brackets.first] : [];
  if (unterminated) {
    problems.push({ message: 'a string is never closed', offset: unterminated.offset });
    problems.sort((x, y) => x.offset - y.offset);
  }
  const parser = new CodeParser(text, tokens, 'hcl', () => false);
  const body: TfBlock = { type: '', labels: [], attributes: new Map(), blocks: [], s: 0, e: text.length };
  readBody(parser, body);
  return { body, parser, problems };
}

/** Reads the file's blocks and attributes; nested blocks are read from a work list, not by recursion, so no nesting is too deep. */
function readBody(parser: CodeParser, file: TfBlock): void {
  const { tokens } = parser;
  const work: { into: TfBlock; i: number; b: number }[] = [{ into: file, i: 0, b: tokens.length }];
  for (let item = work.pop(); item; item = work.pop()) {
    const { into, b } = item;
    let i = item.i;
    while (i < b) {
      const t = tokens[i]!;
      if (t.t !== 'id') {
        i = t.t === 'p' && (t.v === '{' || t.v === '(' || t.v === '[') ? parser.closeOf(i) + 1 : i + 1;
        continue;
      }
      const next = tokens[i + 1];
      if (next?.t === 'p' && (next.v === '=' || next.v === ':')) {
        const end = statementEnd(parser, i + 2, b);
        into.attributes.set(t.v, { name: t.v, value: parser.parseRange(i + 2, end) });
        i = end;
        continue;
      }
      // A block: type, labels, then `{`.
      const labels: string[] = [];
      let j = i + 1;
      while (j < b && (tokens[j]!.t === 'str' || tokens[j]!.t === 'id')) labels.push(tokens[j++]!.v);
      const open = tokens[j];
      if (open?.t === 'p' && open.v === '{' && parser.closeOf(j) > j) {
        const close = parser.closeOf(j);
        const block: TfBlock = { type: t.v, labels, attributes: new Map(), blocks: [], s: t.s, e: tokens[close]!.e };
        into.blocks.push(block);
        // The rest of this body after the block, then the block (so bodies are read in file order).
        work.push({ into, i: close + 1, b }, { into: block, i: j + 1, b: close });
        break;
      }
      i = j + 1;
    }
  }
}

function statementEnd(parser: CodeParser, i: number, b: number): number {
  const { tokens } = parser;
  while (i < b) {
    const t = tokens[i]!;
    if (t.t === 'nl') return i;
    if (t.t === 'p' && (t.v === '{' || t.v === '(' || t.v === '[')) {
      i = parser.closeOf(i) + 1;
      continue;
    }
    if (t.t === 'p' && t.v === '}') return i;
    i++;
  }
  return b;
}
