// CycloneDX 1.6 JSON: an AI bill of materials of the scan. Each distinct LLM endpoint
// (provider, host, region) is a `service` with its uses (file:line), the data that flows to it
// and back, and the policy's verdict; each model named in code is a `machine-learning-model`
// component. What the scan does not know is written "unknown", never guessed.
//
// Reproducible: the same scan gives the same bytes. The serial number is a UUID (version 5)
// derived from the BOM's own content, and `metadata.timestamp` is written only when
// SOURCE_DATE_EPOCH is set (the reproducible-builds convention): a clock reading would make
// every run differ.

import { createHash } from 'node:crypto';
import { catalog, type Endpoint, endpointCountries, type Finding, type Policy, SEVERITY_RANK } from '../../core';
import type { PackageInfo } from '../package-info';
import { Positions, type ScanReport } from '../report';

/** Property names are namespaced, as CycloneDX's property taxonomy asks of unregistered names. */
const NS = 'llm-compliance';
const UNKNOWN = 'unknown';

export interface CycloneDxOptions {
  info: PackageInfo;
  /** The scanned project's name (the first scanned folder's name). */
  projectName: string;
  /** SOURCE_DATE_EPOCH: seconds since 1970, or undefined for no timestamp. */
  sourceDateEpoch?: string | undefined;
}

interface Property {
  name: string;
  value: string;
}

/** The uses of one service: its endpoints in report order, and the findings about them. */
interface ServiceGroup {
  ref: string;
  endpoints: Endpoint[];
  /** In report order (a Set: a minified line can hold thousands). */
  findings: Set<Finding>;
}

export function toCycloneDx(report: ScanReport, options: CycloneDxOptions): Record<string, unknown> {
  const pos = new Positions(report.texts);
  const at = (e: { file: string; range: { start: number; end: number } }): string => `${e.file}:${pos.region(e.file, e.range).line}`;
  const groups = serviceGroups(report);
  const models = modelGroups(report.endpoints, groups);
  const projectRef = 'project';
  const timestamp = timestampOf(options.sourceDateEpoch);
  const bom: Record<string, unknown> = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      ...(timestamp ? { timestamp } : {}),
      tools: {
        components: [
          {
            type: 'application',
            'bom-ref': 'tool:llm-compliance',
            name: 'llm-compliance',
            version: options.info.version,
            externalReferences: [
              { type: 'website', url: options.info.homepage },
              { type: 'vcs', url: options.info.repository },
            ],
          },
        ],
      },
      component: { type: 'application', 'bom-ref': projectRef, name: options.projectName || UNKNOWN },
      properties: scanProperties(report),
    },
    components: [...models.values()].map((m) => ({
      type: 'machine-learning-model',
      'bom-ref': m.ref,
      name: m.model,
      properties: [
        { name: `${NS}:provider`, value: m.provider ?? UNKNOWN },
        ...m.uses.map((e) => ({ name: `${NS}:use`, value: at(e) })),
      ],
    })),
    services: [...groups.values()].map((g) => service(g, report.policy, at)),
    dependencies: [
      { ref: projectRef, dependsOn: [...[...groups.values()].map((g) => g.ref), ...[...models.values()].map((m) => m.ref)] },
      ...[...models.values()].map((m) => ({ ref: m.ref, dependsOn: [...m.services].sort() })),
    ],
  };
  // Content-derived: no serial number is ever reused for a different BOM, and a re-run of the same scan repeats it.
  return { $schema: bom.$schema, bomFormat: bom.bomFormat, specVersion: bom.specVersion, serialNumber: `urn:uuid:${uuidV5(JSON.stringify(bom))}`, ...bom };
}

/** The service key: one service per distinct provider, host and region. */
function serviceKey(e: Pick<Endpoint, 'provider' | 'host' | 'region'>): string {
  return `service:${e.provider ?? UNKNOWN}/${e.host ?? UNKNOWN}/${e.region ?? UNKNOWN}`;
}

function serviceGroups(report: ScanReport): Map<string, ServiceGroup> {
  const groups = new Map<string, ServiceGroup>();
  for (const e of report.endpoints) {
    const ref = serviceKey(e);
    let g = groups.get(ref);
    if (!g) groups.set(ref, (g = { ref, endpoints: [], findings: new Set() }));
    g.endpoints.push(e);
  }
  for (const f of report.findings) {
    // A finding folded for several readers (one per problem) counts for each reader's service too.
    for (const e of [f.endpoint, ...(f.readers ?? [])]) {
      const g = e && groups.get(serviceKey(e));
      g?.findings.add(f);
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface ModelGroup {
  ref: string;
  model: string;
  provider: string | null;
  uses: Endpoint[];
  services: Set<string>;
}

/** Models named in code, one component per provider and model id. */
function modelGroups(endpoints: Endpoint[], groups: Map<string, ServiceGroup>): Map<string, ModelGroup> {
  const models = new Map<string, ModelGroup>();
  for (const e of endpoints) {
    if (!e.model) continue;
    const ref = `model:${e.provider ?? UNKNOWN}/${e.model}`;
    let m = models.get(ref);
    if (!m) models.set(ref, (m = { ref, model: e.model, provider: e.provider, uses: [], services: new Set() }));
    m.uses.push(e);
    if (groups.has(serviceKey(e))) m.services.add(serviceKey(e));
  }
  return new Map([...models].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function service(g: ServiceGroup, policy: Policy | null, at: (e: Endpoint) => string): Record<string, unknown> {
  const first = g.endpoints[0]!;
  const provider = first.provider ? catalog.providers.find((p) => p.id === first.provider) : undefined;
  const endpoint = endpointIri(first);
  const selfHosted = first.provider === 'self-hosted';
  const classification = dataClassification(policy);
  return {
    'bom-ref': g.ref,
    ...(provider && !selfHosted ? { provider: { name: provider.operator } } : {}),
    ...(first.provider ? { group: first.provider } : {}),
    name: first.host ?? (provider?.name ?? first.vendor ?? 'LLM endpoint (host unknown)'),
    ...(endpoint ? { endpoints: [endpoint] } : {}),
    // A provider's cloud is another organisation's: using it crosses a trust boundary. Self-hosted or
    // unknown: the scan cannot tell, so the field is left out.
    ...(first.provider && !selfHosted ? { 'x-trust-boundary': true, trustZone: `${first.provider}${first.region ? ` ${first.region}` : ''}` } : {}),
    ...(selfHosted ? { trustZone: 'self-hosted' } : {}),
    data: [
      { name: 'prompts', description: 'Prompts and the context sent with them', flow: 'inbound', classification },
      { name: 'completions', description: 'Model output returned to the caller', flow: 'outbound', classification },
    ],
    properties: serviceProperties(g, policy, at),
  };
}

/**
 * What the data is, as the policy declares it (it names the obligations the team's data carries):
 * the scan cannot see what a prompt holds. Without a policy it is unknown.
 */
function dataClassification(policy: Policy | null): string {
  if (!policy) return UNKNOWN;
  const kinds = [
    ...(policy.require.includes('hipaa') ? ['PHI (HIPAA)'] : []),
    ...(policy.require.includes('eu-residency') ? ['EU personal data (GDPR)'] : []),
  ];
  return kinds.length ? kinds.join(', ') : 'unclassified by the policy';
}

/** The endpoint as an IRI: https for a catalogued cloud API (they serve only TLS); only the host (`//host`) when the scheme is not known. */
function endpointIri(e: Endpoint): string | undefined {
  // Anything but a plain host name, IPv4/IPv6 address and port is left out (it stays in the properties).
  if (!e.host || !/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(e.host)) return undefined;
  return e.provider && e.provider !== 'self-hosted' ? `https://${e.host}` : `//${e.host}`;
}

function serviceProperties(g: ServiceGroup, policy: Policy | null, at: (e: Endpoint) => string): Property[] {
  const first = g.endpoints[0]!;
  const findings = [...g.findings];
  const active = findings.filter((f) => !f.suppression);
  const waived = findings.filter((f) => f.suppression);
  const threshold = SEVERITY_RANK[policy?.failOn ?? 'error'];
  const failing = active.filter((f) => SEVERITY_RANK[f.severity] >= threshold);
  const below = active.filter((f) => SEVERITY_RANK[f.severity] < threshold);
  const ids = (fs: Finding[]): string => [...new Set(fs.map((f) => f.ruleId))].sort().join(',');
  const countries = agreed(g.endpoints.map((e) => {
    const c = endpointCountries(e);
    return c === null ? null : Array.isArray(c) ? c.join(',') : String(c);
  }));
  return [
    { name: `${NS}:provider`, value: first.provider ?? UNKNOWN },
    ...(first.vendor ? [{ name: `${NS}:vendor`, value: first.vendor }] : []),
    { name: `${NS}:host`, value: first.host ?? UNKNOWN },
    { name: `${NS}:region`, value: first.region ?? UNKNOWN },
    { name: `${NS}:countries`, value: countries },
    { name: `${NS}:euResident`, value: agreed(g.endpoints.map((e) => e.euResident)) },
    { name: `${NS}:baaAvailable`, value: agreed(g.endpoints.map((e) => e.baaAvailable)) },
    // Judged as the exit code is: an unwaived finding at or above the policy's failOn severity fails.
    { name: `${NS}:verdict`, value: !policy ? 'not-checked' : failing.length ? 'fail' : 'pass' },
    ...(failing.length ? [{ name: `${NS}:failingRules`, value: ids(failing) }] : []),
    ...(below.length ? [{ name: `${NS}:otherFindings`, value: ids(below) }] : []),
    { name: `${NS}:waived`, value: String(waived.length > 0) },
    ...[...new Set(waived.map((f) => `${f.ruleId}: ${f.suppression!.reason}`))].map((value) => ({ name: `${NS}:waiverReason`, value })),
    ...g.endpoints.map((e) => ({ name: `${NS}:use`, value: at(e) })),
    ...[...new Set(g.endpoints.map((e) => e.unknown).filter((u): u is string => !!u))].map((value) => ({ name: `${NS}:unknownBecause`, value })),
  ];
}

/** One value for all uses: the value when they agree, `varies` when they do not, `unknown` for null. */
function agreed(values: (boolean | string | null)[]): string {
  const distinct = [...new Set(values.map((v) => (v === null ? UNKNOWN : String(v))))];
  return distinct.length === 1 ? distinct[0]! : 'varies';
}

function scanProperties(report: ScanReport): Property[] {
  const notAnalysed = [...new Set(report.notes.map((n) => n.file))];
  return [
    { name: `${NS}:policy`, value: report.policy?.source ?? 'none' },
    ...(report.policy ? [{ name: `${NS}:requires`, value: report.policy.require.join(',') || 'nothing' }] : []),
    { name: `${NS}:filesScanned`, value: String(report.filesScanned) },
    { name: `${NS}:endpointUses`, value: String(report.endpoints.length) },
    ...notAnalysed.map((file) => ({ name: `${NS}:notFullyAnalysed`, value: file })),
  ];
}

/** An RFC 3339 time from SOURCE_DATE_EPOCH, or undefined when it is unset or not a whole number of seconds. */
function timestampOf(epoch: string | undefined): string | undefined {
  if (epoch === undefined || !/^\d{1,12}$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch.trim()) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

/** RFC 4122 version 5 UUID of `name` in the URL namespace. */
function uuidV5(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
