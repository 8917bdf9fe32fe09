// The engine's results as plain data (JSON) and back, for a host that keeps them between runs
// (the CLI's --cache): an endpoint that a fallback or a finding names is written as its
// position in the list it is in, and is the same object again when read back (llmc005
// follows fallback chains by identity, the formats key findings' endpoints by it).

import type { FileResult } from './engine';
import type { Endpoint, Finding, ScanNote } from './model';

/** A file's result as JSON holds it: a fallback's endpoint, one of the file's own, is its position in `endpoints`. */
export type StoredResult = Omit<FileResult, 'endpoints'> & { endpoints: StoredEndpoint[] };

/** An endpoint as JSON holds it: each fallback's endpoint is its position in the list the endpoint is in. */
type StoredEndpoint = Omit<Endpoint, 'fallbacks'> & { fallbacks?: { endpoint: number; via: string }[] };
/** A finding as JSON holds it: its endpoint and readers are positions in the results' endpoints. */
type StoredFinding = Omit<Finding, 'endpoint' | 'readers'> & { endpoint?: number; readers?: number[] };

/** Endpoints with their fallbacks as positions; undefined when one points outside the list. (Spread, so that keys keep their order: the output lists them in it.) */
function storedEndpoints(endpoints: Endpoint[], at: Map<Endpoint, number>): StoredEndpoint[] | undefined {
  if (!endpoints.every((e) => (e.fallbacks ?? []).every((f) => at.has(f.endpoint)))) return undefined;
  return endpoints.map((e) => (e.fallbacks ? { ...e, fallbacks: e.fallbacks.map((f) => ({ ...f, endpoint: at.get(f.endpoint)! })) } : e as StoredEndpoint));
}

/**
 * Endpoints from their plain data (parsed for this run, and changed in place): each fallback
 * is the list's own endpoint object again, as llmc005 follows chains by identity. A host
 * checks each position before giving it back (cache.ts).
 */
function restoredEndpoints(stored: StoredEndpoint[]): Endpoint[] {
  const endpoints = stored as unknown as Endpoint[];
  for (const e of stored) {
    for (const f of (e.fallbacks ?? []) as { endpoint: number | Endpoint }[]) if (typeof f.endpoint === 'number') f.endpoint = endpoints[f.endpoint]!;
  }
  return endpoints;
}

/** A file's result as plain data; undefined when a fallback points outside the file's endpoints. */
export function storedResult(result: FileResult): StoredResult | undefined {
  const endpoints = storedEndpoints(result.endpoints, new Map(result.endpoints.map((e, i) => [e, i])));
  return endpoints && { ...result, endpoints };
}

export function restoredResult(stored: StoredResult): FileResult {
  return { ...stored, endpoints: restoredEndpoints(stored.endpoints) };
}

/** A whole workspace's results (WorkspaceResults, in workspace.ts, which imports this module). */
interface Results {
  endpoints: Endpoint[];
  findings: Finding[];
  notes: ScanNote[];
  texts: Map<string, string>;
}

/** A whole workspace's results as plain data, for a host that replays them while nothing they depend on changed. */
export interface StoredResults {
  endpoints: StoredEndpoint[];
  findings: StoredFinding[];
  notes: ScanNote[];
  texts: [string, string][];
}

/** The results as plain data; undefined when a finding or fallback names an endpoint the results do not list. */
export function storeResults(results: Results): StoredResults | undefined {
  const at = new Map(results.endpoints.map((e, i) => [e, i]));
  const endpoints = storedEndpoints(results.endpoints, at);
  if (!endpoints || !results.findings.every((f) => (f.endpoint === undefined || at.has(f.endpoint)) && (f.readers ?? []).every((e) => at.has(e)))) return undefined;
  const findings = results.findings.map((f): StoredFinding => (f.endpoint === undefined && f.readers === undefined ? f as StoredFinding
    : { ...f, ...(f.endpoint !== undefined ? { endpoint: at.get(f.endpoint)! } : {}), ...(f.readers ? { readers: f.readers.map((e) => at.get(e)!) } : {}) } as StoredFinding));
  return { endpoints, findings, notes: results.notes, texts: [...results.texts] };
}

/** Results from storeResults' data (parsed for this run, and changed in place), each reference the same endpoint object again. */
export function restoreResults(stored: StoredResults): Results {
  const endpoints = restoredEndpoints(stored.endpoints);
  for (const f of stored.findings as { endpoint?: number | Endpoint; readers?: (number | Endpoint)[] }[]) {
    if (typeof f.endpoint === 'number') f.endpoint = endpoints[f.endpoint]!;
    if (f.readers) f.readers = f.readers.map((e) => (typeof e === 'number' ? endpoints[e]! : e));
  }
  return { endpoints, findings: stored.findings as unknown as Finding[], notes: stored.notes, texts: new Map(stored.texts) };
}
