// One file analysed by the engine, its endpoints placed on lines: the shape most engine
// tests compare, and the notebooks they write.
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();

export interface Found {
  line: number;
  provider: string | null;
  region: string | null;
}

/** The endpoints of one file, with the workspace setting these env variables (in `.env`). */
export function found(file: string, text: string, env: Record<string, string> = {}): (Found & { via: string; unknown?: string })[] {
  const defs = Object.entries(env).map(([name, value], i) => ({ name, value, file: '.env', line: i + 1 }));
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  return engine.analyze(file, text, { env: workspaceEnv(defs) }).endpoints.map((e) => ({
    line: lineAt(e.range.start), provider: e.provider, region: e.region, via: e.via, ...(e.unknown ? { unknown: e.unknown } : {}),
  }));
}

export const brief = (list: Found[]): Found[] => list.map(({ line, provider, region }) => ({ line, provider, region }));
export const bedrock = (line: number, region: string | null): Found => ({ line, provider: 'aws-bedrock', region });
export const vertex = (line: number, region: string | null): Found => ({ line, provider: 'google-vertex-ai', region });

/** A Python notebook with these code cells (each a list of lines), as Jupyter writes it: one source string per line. */
export function notebook(cells: string[][]): string {
  const json = {
    cells: cells.map((lines) => ({ cell_type: 'code', metadata: {}, outputs: [], source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)) })),
    metadata: { kernelspec: { language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(json, null, 1);
}

/** The 1-based line of the text that holds `needle`, which must be there. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  return text.slice(0, at).split('\n').length;
}

/** Where an endpoint goes, without its line. */
export interface Placed {
  provider: string | null;
  host: string | null;
  region: string | null;
}

/** The endpoints of a file written as these lines, with the workspace setting these env variables. */
export function targets(file: string, lines: string[], env: Record<string, string> = {}): Placed[] {
  const defs = Object.entries(env).map(([name, value], i) => ({ name, value, file: '.env', line: i + 1 }));
  return engine.analyze(file, lines.join('\n') + '\n', { env: workspaceEnv(defs) }).endpoints.map((e) => ({ provider: e.provider, host: e.host, region: e.region }));
}
