// The provider compliance matrix: one row per catalogued provider, one cell per posture
// fact, each cell yes / no / conditional / unknown with its condition, sources and check
// date. Read from the catalog only (never from a printed table), so it cannot drift; the
// sidebar, its Markdown export and the requirement filter all use this one model.

import type { BaaFact, Catalog, Fact, Location, Provider, ProviderId, Source } from './catalog/types';
import { describeCountries, inZone, judgeZone, RESIDENCY_ZONES, type ResidencyZone } from './catalog/zones';
import type { Policy, Requirement } from './policy/policy';

export type CellStatus = 'yes' | 'no' | 'conditional' | 'unknown';

export const MATRIX_COLUMNS = [
  { id: 'baa', title: 'HIPAA BAA', requirement: 'hipaa' },
  { id: 'soc2', title: 'SOC 2 Type II', requirement: 'soc2-type2' },
  { id: 'iso27001', title: 'ISO 27001', requirement: 'iso27001' },
  { id: 'iso42001', title: 'ISO 42001', requirement: 'iso42001' },
  { id: 'eu', title: 'EU residency', requirement: 'eu-residency' },
  { id: 'gpai', title: 'EU AI Act GPAI', requirement: 'eu-ai-act-gpai' },
  { id: 'training', title: 'Trains on data by default', requirement: undefined },
  { id: 'retention', title: 'Retention default', requirement: undefined },
] as const satisfies readonly { id: string; title: string; requirement: Requirement | undefined }[];

export type ColumnId = (typeof MATRIX_COLUMNS)[number]['id'];

export interface MatrixCell {
  status: CellStatus;
  /** What the cell says, in a few words ("available", "signatory", "30 days ..."). */
  label: string;
  /** Whether the value is good for a regulated team (false: it counts against the provider); null when neutral or unknown. */
  good: boolean | null;
  /** Conditions, tiers and notes that qualify the value. */
  details: string[];
  /** EU residency: the endpoints or regions that keep data in the EU. */
  endpoints?: string[];
  sources: Source[];
  /** The oldest check date of the sources, YYYY-MM-DD; null without sources. */
  checked: string | null;
  /** Checked longer ago than the catalog's review window. */
  stale: boolean;
  /** Sources conflict, or only third parties state it. */
  uncertain: boolean;
}

export interface MatrixRow {
  provider: ProviderId;
  name: string;
  operator: string;
  kind: Provider['kind'];
  cells: Record<ColumnId, MatrixCell>;
  /** The policy's requirements this provider cannot meet, or cannot be shown to meet. */
  fails: Requirement[];
  /**
   * Every requirement this provider cannot meet (or cannot be shown to meet), judged as `fails`
   * is, under the same policy, with why: the filter, the verdict line and the row markers all
   * read this one judgement, so they cannot contradict each other.
   */
  unmet: Partial<Record<Requirement, Unmet>>;
  /** What the engine's rules need beyond the cells (evaluate.ts judges endpoint by endpoint). */
  can: {
    /** Some endpoint's BAA is not ruled out (the engine passes a listed provider unless its BAA is not available). */
    signBaa: boolean;
    /** Some endpoint is offered a BAA (available or case by case). */
    offeredBaa: boolean;
    /** Per residency zone: some location keeps data inside it (every country it may use is in the zone). */
    residency: Record<ResidencyZone, boolean>;
  };
}

export interface Unmet {
  /** A few words for a cell or a card ("not signed", "no EU option"). */
  short: string;
  /** One sentence for a tooltip. */
  text: string;
}

export type MatrixPolicy = Pick<Policy, 'require' | 'baa'> & { residency?: ResidencyZone };

export interface MatrixOptions {
  /** YYYY-MM-DD, to mark stale facts. */
  today: string;
  policy?: MatrixPolicy;
}

export function complianceMatrix(catalog: Catalog, options: MatrixOptions): MatrixRow[] {
  const staleBefore = addDays(options.today, -catalog.reviewWindowDays);
  return catalog.providers.map((p) => {
    const cell = (fact: Fact<unknown>, status: CellStatus, label: string, good: boolean | null, details: (string | undefined)[] = []): MatrixCell => {
      const checked = fact.sources.map((s) => s.checked).sort()[0] ?? null;
      return {
        status, label, good, details: [...details, fact.note].filter((d): d is string => !!d), sources: fact.sources,
        checked, stale: checked !== null && checked < staleBefore, uncertain: fact.uncertain === true,
      };
    };
    const yesNo = (fact: Fact<boolean>, goodWhenTrue = true): MatrixCell =>
      fact.value === null ? cell(fact, 'unknown', 'unknown', null)
        : cell(fact, fact.value ? 'yes' : 'no', fact.value ? 'yes' : 'no', fact.value === goodWhenTrue);
    const x = p.posture;
    const baa = x.baa;
    // Hosts whose BAA differs from the provider's (a router that no BAA covers, a dedicated endpoint that one does).
    const hostBaa = p.hosts.filter((h): h is typeof h & { baa: BaaFact } => !!h.baa && h.baa.value !== baa.value);
    const baaFacts = [baa, ...hostBaa.map((h) => h.baa)];
    const baaStatus: Record<NonNullable<typeof baa.value>, CellStatus> = { available: 'yes', 'case-by-case': 'conditional', 'not-available': 'no', 'not-applicable': 'conditional' };
    const gpai = x.euAiActGpai;
    const gpaiStatus: Record<NonNullable<typeof gpai.value>, CellStatus> = { signatory: 'yes', partial: 'conditional', 'not-signed': 'no', 'not-applicable': 'conditional' };
    const eu = x.euResidency;
    const places = locationsOf(p, catalog);
    // A European zone that is not EU-only (EEA + Switzerland, EU/EFTA, + UK) is no EU residency.
    const euOnly = places.some((l) => l.euResident === true);
    const european = (l: Location): boolean => typeof l.countries === 'object' && l.countries !== null && l.countries.some((c) => inZone(c, 'eu'));
    const wider = eu.value === true && !euOnly ? places.filter((l) => european(l) && judgeZone(l.countries, 'eu-adequacy').inside === true) : [];
    const cells: Record<ColumnId, MatrixCell> = {
      baa: baa.value === null ? cell(baa, 'unknown', 'unknown', null, hostBaa.map((h) => `${h.pattern}: ${h.baa.value ?? 'unknown'}`))
        : cell(baa, hostBaa.length && baaStatus[baa.value] === 'yes' ? 'conditional' : baaStatus[baa.value], baa.value.replace(/-/g, ' '),
          baa.value === 'available' ? true : baa.value === 'not-available' ? false : null,
          [baa.tier && `Tier: ${baa.tier}`, ...(baa.conditions ?? []), ...hostBaa.map((h) => `${h.pattern}: BAA ${h.baa.value?.replace(/-/g, ' ') ?? 'unknown'}${h.baa.note ? `. ${h.baa.note}` : ''}`)]),
      soc2: yesNo(x.soc2Type2),
      iso27001: yesNo(x.iso27001),
      iso42001: yesNo(x.iso42001),
      eu: wider.length ? {
        ...cell(eu, 'conditional', `not EU-only: ${wider.map((l) => l.jurisdiction).join(', ')}`, null,
          wider.map((l) => `${l.name} may process data in ${describeCountries(outsideEu(l), 'eu')}.`)),
        endpoints: wider.map((l) => l.id),
      } : {
        ...(eu.value === null ? cell(eu, 'unknown', 'unknown', null)
          : cell(eu, eu.value ? 'yes' : 'no', eu.value ? (eu.options?.length ? `yes: ${eu.options.length} option${eu.options.length > 1 ? 's' : ''}` : 'yes') : 'no', eu.value)),
        ...(eu.value === true && eu.options?.length ? { endpoints: eu.options } : {}),
      },
      gpai: gpai.value === null ? cell(gpai, 'unknown', 'unknown', null)
        : cell(gpai, gpaiStatus[gpai.value], gpai.value.replace(/-/g, ' '), gpai.value === 'signatory' ? true : gpai.value === 'not-signed' ? false : null),
      training: yesNo(x.trainingOnDataByDefault, false),
      retention: x.retentionDefault.value === null ? cell(x.retentionDefault, 'unknown', 'unknown', null)
        : cell(x.retentionDefault, 'conditional', x.retentionDefault.value, null),
    };
    const can = {
      signBaa: p.kind === 'self-hosted' || baaFacts.some((f) => f.value !== 'not-available'),
      offeredBaa: p.kind === 'self-hosted' || baaFacts.some((f) => f.value === 'available' || f.value === 'case-by-case'),
      residency: Object.fromEntries(RESIDENCY_ZONES.map((z) => [z, eu.value === true && places.some((l) => judgeZone(l.countries, z).inside === true)])) as Record<ResidencyZone, boolean>,
    };
    const row: MatrixRow = { provider: p.id, name: p.name, operator: p.operator, kind: p.kind, cells, fails: [], unmet: {}, can };
    for (const r of REQUIREMENT_ORDER) if (!meets(row, r, options.policy)) row.unmet[r] = whyNot(row, r, options.policy);
    row.fails = (options.policy?.require ?? []).filter((r) => row.unmet[r]);
    return row;
  });
}

/**
 * Whether a provider can meet a requirement, as the engine's rules judge it (evaluate.ts):
 * certifications and the GPAI Code only when the fact is yes (a partial signature fails);
 * EU residency when an option lies inside the policy's residency zone (the EU-27 by
 * default); HIPAA when a BAA is offered, or under a policy when the provider is in `baa:`
 * and its BAA is not ruled out. Self-hosted servers are yours to place and cover. Unknown
 * never meets a requirement.
 */
export function meets(row: MatrixRow, requirement: Requirement, policy?: MatrixPolicy): boolean {
  if (row.kind === 'self-hosted') return true;
  switch (requirement) {
    case 'hipaa':
      return policy ? policy.baa.includes(row.provider) && row.can.signBaa : row.can.offeredBaa;
    case 'eu-residency':
      return row.can.residency[policy?.residency ?? 'eu'];
    default: {
      const column = MATRIX_COLUMNS.find((c) => c.requirement === requirement)!;
      return row.cells[column.id].status === 'yes';
    }
  }
}

const REQUIREMENT_ORDER: Requirement[] = ['hipaa', 'eu-residency', 'soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'];

/** Why a row does not meet a requirement, in the words the cells use. */
function whyNot(row: MatrixRow, requirement: Requirement, policy?: MatrixPolicy): Unmet {
  const baa = row.cells.baa.label;
  switch (requirement) {
    case 'hipaa':
      if (policy && !policy.baa.includes(row.provider)) {
        return row.can.offeredBaa
          ? { short: 'not signed', text: `A BAA is offered (${baa}), but the policy does not list ${row.provider} under baa: as signed.` }
          : { short: 'not signed', text: `The policy does not list ${row.provider} under baa: as signed, and the BAA is ${baa}.` };
      }
      return { short: row.cells.baa.status === 'unknown' ? 'BAA unknown' : `BAA ${baa}`, text: `HIPAA BAA: ${baa}.` };
    case 'eu-residency': {
      const zone = policy?.residency ?? 'eu';
      const cell = row.cells.eu;
      return cell.status === 'unknown' ? { short: 'unknown', text: 'Whether data can stay in the EU is unknown.' }
        : { short: `no ${zone.toUpperCase()} option`, text: `No endpoint keeps data inside the ${zone} zone (${cell.label}).` };
    }
    default: {
      const cell = row.cells[MATRIX_COLUMNS.find((c) => c.requirement === requirement)!.id];
      return { short: cell.label, text: `${MATRIX_COLUMNS.find((c) => c.requirement === requirement)!.title}: ${cell.label}.` };
    }
  }
}

/** The rows that meet every requirement (the requirement filter), judged as each row's `fails` is. */
export function filterMatrix(rows: MatrixRow[], requirements: Requirement[]): MatrixRow[] {
  return rows.filter((row) => requirements.every((r) => !row.unmet[r]));
}

/** The matrix as a Markdown table, for a procurement document; every value links its first source. */
export function matrixMarkdown(rows: MatrixRow[], options: { catalogVersion: string; today: string; requirements?: Requirement[] }): string {
  const head = `| Provider | ${MATRIX_COLUMNS.map((c) => c.title).join(' | ')} |`;
  const rule = `|---|${MATRIX_COLUMNS.map(() => '---').join('|')}|`;
  const text = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const body = rows.map((r) => `| ${text(r.name)} (\`${r.provider}\`) | ${MATRIX_COLUMNS.map((c) => {
    const cell = r.cells[c.id];
    const value = `${text(cell.label)}${cell.uncertain ? ' (uncertain)' : ''}${cell.stale ? ' (stale)' : ''}`;
    return cell.sources[0] ? `[${value}](${cell.sources[0].url}) ${cell.sources[0].checked}` : value;
  }).join(' | ')} |`);
  const filter = options.requirements?.length ? ` Providers shown: those that can meet ${options.requirements.join(', ')}.` : '';
  return [
    `# LLM provider compliance matrix`,
    '',
    `From the LLM Compliance catalog ${options.catalogVersion}, exported ${options.today}.${filter} Each value links`,
    'its first source, followed by the date that source was checked; "unknown" means the catalog could not confirm it.',
    '',
    head, rule, ...body, '',
  ].join('\n');
}

function outsideEu(l: Location): readonly string[] {
  const verdict = judgeZone(l.countries, 'eu');
  return verdict.outside === 'worldwide' ? [] : verdict.outside;
}

/** The places a provider's endpoints reach: its own locations and those of the region sets its hosts use. */
function locationsOf(p: Provider, catalog: Catalog): Location[] {
  const sets = new Set(p.hosts.map((h) => h.regionSet).filter((x): x is string => !!x));
  return [...(p.locations ?? []), ...catalog.regionSets.filter((r) => sets.has(r.id)).flatMap((r) => r.locations)];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
