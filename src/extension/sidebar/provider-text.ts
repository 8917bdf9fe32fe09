// The provider details page as HTML, from the catalog and the matrix row alone (no `vscode`,
// so unit tests render it for every provider). Catalog text is joined here, and only here,
// as sentences: each part keeps or gains one full stop, so conditions that are sentences
// themselves never read "account.; Do not" or "scopes..".

import { catalog, type Fact, MATRIX_COLUMNS, type MatrixCell, type MatrixRow, type Provider, type Requirement, REQUIREMENT_LABELS, type Source } from '../../core';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const h = escapeHtml;

/** Parts as sentences: trimmed, empty ones dropped, each ending in one stop, joined by spaces. */
export function sentences(parts: readonly (string | null | undefined | false)[]): string {
  return parts
    .map((p) => (typeof p === 'string' ? p.trim().replace(/[\s;,:]+$/, '') : ''))
    .filter((p) => p.length > 0)
    .map((p) => (/[.!?]["')\]]?$/.test(p) ? p : `${p}.`))
    .join(' ');
}

export interface BuyerQuestion {
  question: string;
  /** What the catalog knows, or null: ask the vendor. */
  answer: string | null;
  sources: Source[];
}

const factText = (f: Fact<unknown>, show: (v: never) => string): string | null =>
  f.value === null ? (f.note ? sentences(['Unknown', f.note]) : null) : sentences([show(f.value as never), f.note, f.uncertain && '(Uncertain.)']);

/** The procurement questions, answered from the catalog where it can. */
export function buyerQuestions(p: Provider): BuyerQuestion[] {
  const x = p.posture;
  const subprocessorNotes = [...(p.locations ?? []).map((l) => l.note), ...(p.notes ?? [])].filter((n): n is string => !!n && /sub-?processor/i.test(n));
  return [
    { question: 'Which plan or tier does the BAA need, and what does it exclude?', answer: factText(x.baa, (v: string) => sentences([`BAA ${v.replace(/-/g, ' ')}`, x.baa.tier && `Tier: ${x.baa.tier}`, ...(x.baa.conditions ?? [])])), sources: x.baa.sources },
    { question: 'Can we read the SOC 2 Type II report, and which services and criteria does it cover?', answer: factText(x.soc2Type2, (v: boolean) => (v ? 'A SOC 2 Type II report exists' : 'No SOC 2 Type II report')), sources: x.soc2Type2.sources },
    { question: 'Is our data used to train models by default, and how do we opt out?', answer: factText(x.trainingOnDataByDefault, (v: boolean) => (v ? 'Yes, by default' : 'No, not by default')), sources: x.trainingOnDataByDefault.sources },
    { question: 'Where are prompts and outputs processed and stored; can we keep them in the EU?', answer: factText(x.euResidency, (v: boolean) => (v ? `EU options: ${(x.euResidency.options ?? []).join('; ') || 'yes'}` : 'No EU-resident option')), sources: x.euResidency.sources },
    { question: 'Which sub-processors see our data?', answer: subprocessorNotes.length ? sentences(subprocessorNotes) : null, sources: [] },
    { question: 'How long are prompts, outputs and logs retained by default, and can retention be set to zero?', answer: factText(x.retentionDefault, (v: string) => v), sources: x.retentionDefault.sources },
    { question: 'How quickly are security incidents and breaches notified to customers?', answer: null, sources: [] },
  ];
}

export interface ProviderPageContext {
  /** The active folder's policy, if it has one. */
  policy?: { require: readonly Requirement[]; baa: readonly string[]; source: string | null };
  /** This workspace's uses: "host (region)" each. */
  uses: string[];
}

/** The page's body: endpoints, posture with conditions and sources, uses, and the buyer's questions. */
export function providerBody(p: Provider, row: MatrixRow, ctx: ProviderPageContext): string {
  const sets = new Map(catalog.regionSets.map((r) => [r.id, r]));
  const hosts = p.hosts.map((host) => {
    const places = [...(p.locations ?? []), ...(host.regionSet ? sets.get(host.regionSet)?.locations ?? [] : [])];
    const loc = host.location ? places.find((l) => l.id === host.location) : undefined;
    const regional = !loc && host.pattern.includes('{region}') && host.regionSet;
    const eu = loc ? (loc.euResident === null ? 'unknown' : loc.euResident ? 'yes' : 'no')
      : regional ? (places.some((l) => l.euResident === true) ? 'by region: EU regions exist' : 'by region: no EU region') : 'unknown';
    return `<tr><td><code>${h(host.pattern)}</code></td><td>${loc ? `${h(loc.name)} (${h(loc.jurisdiction)})` : h(host.location ?? 'not stated')}</td><td class="v-${eu === 'yes' || eu === 'no' || eu === 'unknown' ? eu : 'by-region'}">${h(eu)}</td><td>${h(host.note ?? '')}</td></tr>`;
  }).join('');
  const posture = MATRIX_COLUMNS.map((c) => cellRow(c.title, row.cells[c.id], c.requirement !== undefined && row.fails.includes(c.requirement))).join('');
  const questions = buyerQuestions(p).map((q) => `<li><strong>${h(q.question)}</strong><br>${q.answer === null ? '<span class="unknown">Not in the catalog: ask the vendor.</span>' : h(q.answer)}${q.sources.length ? ` ${sources(q.sources)}` : ''}</li>`).join('');
  const uses = ctx.uses.length ? `${ctx.uses.length} use${ctx.uses.length === 1 ? '' : 's'}: ${[...new Set(ctx.uses)].map(h).join(', ')}.` : 'Not used in this workspace.';
  return `<main>
<h1>${h(p.name)} <span class="id">${h(p.id)}</span></h1>
<p class="meta">Operated by ${h(p.operator)} · ${h(p.kind)} · catalog ${h(catalog.version)}</p>
${policyLine(p, row, ctx.policy)}
<h2>In this workspace</h2>
<p>${uses}</p>
<h2>Endpoints</h2>
<table><thead><tr><th>Host</th><th>Location</th><th>EU</th><th>Note</th></tr></thead><tbody>${hosts}</tbody></table>
<p class="meta">HIPAA BAA for this provider: ${h(row.cells.baa.label)}${p.posture.baa.tier ? ` (${h(p.posture.baa.tier)})` : ''}; it covers an endpoint only when signed.</p>
<h2>Posture</h2>
<table><thead><tr><th>Fact</th><th>Value</th><th>Conditions and notes</th><th>Sources (checked)</th></tr></thead><tbody>${posture}</tbody></table>
<h2>Questions to ask before buying</h2>
<ol class="questions">${questions}</ol>
</main>`;
}

/** What the policy asks of this provider, and what it fails, with the matrix's own reasons. */
function policyLine(p: Provider, row: MatrixRow, policy: ProviderPageContext['policy']): string {
  if (!policy) return '<p>No policy file in this workspace.</p>';
  const required = policy.require.map((r) => REQUIREMENT_LABELS[r].label).join(', ') || 'nothing';
  const signed = policy.require.includes('hipaa')
    ? ` The BAA with ${h(p.name)} is ${policy.baa.includes(p.id) ? '<strong>listed as signed</strong>' : '<strong>not listed as signed</strong> (baa:)'}.` : '';
  const fails = row.fails.map((r) => `<li>${h(REQUIREMENT_LABELS[r].label)}: ${h(row.unmet[r]?.text ?? 'not met')}</li>`).join('');
  return `<p>${h(policy.source ?? 'The policy')} requires ${h(required)}.${signed}</p>${fails ? `<p class="fails">Fails the policy:</p><ul class="fails">${fails}</ul>` : ''}`;
}

function cellRow(title: string, c: MatrixCell, fails: boolean): string {
  const flags = [c.uncertain ? 'uncertain' : '', c.stale ? 'stale' : ''].filter(Boolean).join(', ');
  return `<tr class="${fails ? 'fails' : ''}"><th>${h(title)}</th><td class="v-${c.status}">${h(c.label)}${flags ? ` <span class="flag">(${flags})</span>` : ''}</td><td>${[...c.details, ...(c.endpoints ?? []).map((e) => `EU: ${e}`)].map((d) => `<div>${h(d)}</div>`).join('')}</td><td>${sources(c.sources)}</td></tr>`;
}

function sources(list: Source[]): string {
  return [...new Map(list.map((s) => [s.url, s])).values()]
    .map((s) => `<a href="${h(s.url)}" title="${h(s.url)}">${h(hostOf(s.url))}</a> <span class="checked">(${h(s.checked)}${s.thirdParty ? ', third party' : ''})</span>`)
    .join(' · ');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
