// Hover on an endpoint, short: first a one-line verdict per requirement of the policy
// ("✗ EU · ✗ BAA · ✓ SOC 2", ? when unknown), then what the endpoint is, then each finding's
// facts (never its message: the diagnostic above the hover already says it) with what would
// pass and commands (apply the fix, waive, open the rule's page, show the provider), then the
// catalog's posture in one line with its sources and check dates. All of it comes from the
// engine and the catalog.

import * as vscode from 'vscode';
import { catalog, checksNothing, clearFix, type Endpoint, type Fact, type Finding, type Policy, type Provider, ruleMeta, shownValue, type Source } from '../core';
import { commentFor } from './actions';
import { commandId } from './contributions';
import type { PlacedFinding } from './folder-scan';
import type { Inventory } from './inventory';
import { escapeMarkdown as esc } from './markdown';

/** The commands a hover's links may run. */
const HOVER_COMMANDS = [commandId('applyEndpointFix'), commandId('addWaiver'), commandId('focusProvider'), commandId('openRule')];

/** Details and sources a finding shows in the hover; all of them are in the CLI's JSON (and the catalog's on the provider page). */
const MAX_DETAILS = 3;
const MAX_SOURCES = 2;

/** The policy's requirements as the verdict line names them, and the rule that judges each. */
const VERDICT_LABELS: Record<string, { label: string; rule: string }> = {
  'eu-residency': { label: 'EU', rule: 'LLMC002' },
  hipaa: { label: 'BAA', rule: 'LLMC001' },
  'soc2-type2': { label: 'SOC 2', rule: 'LLMC004' },
  iso27001: { label: 'ISO 27001', rule: 'LLMC004' },
  iso42001: { label: 'ISO 42001', rule: 'LLMC004' },
  'eu-ai-act-gpai': { label: 'GPAI code', rule: 'LLMC004' },
  gateway: { label: 'gateway', rule: 'LLMC006' },
};

export class HoverProvider implements vscode.HoverProvider {
  private readonly providers = new Map(catalog.providers.map((p) => [p.id, p]));

  constructor(private readonly inventory: Inventory) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = <T extends { uri: vscode.Uri; range: vscode.Range }>(list: T[]): T[] =>
      list.filter((p) => p.uri.toString() === document.uri.toString() && p.range.contains(position));
    const scan = this.inventory.scanOf(document.uri);
    if (!scan) return undefined;
    const endpoints = here(scan.endpoints);
    const findings = here(scan.findings);
    if (!endpoints.length && !findings.length) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.supportHtml = false;
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    const shown = new Set<Endpoint>();
    for (const { endpoint } of endpoints) {
      if (shown.has(endpoint)) continue;
      shown.add(endpoint);
      // Open findings first, then the waived ones.
      // Its findings, and those reported at a setting it reads (one finding per problem), which lie elsewhere.
      const own = [...findings.filter((f) => f.finding.endpoint === endpoint), ...scan.findings.filter((f) => f.finding.readers?.includes(endpoint))].sort((a, b) => Number(!!a.finding.suppression) - Number(!!b.finding.suppression));
      this.describe(md, endpoint, own, scan.policy, document);
    }
    for (const placed of findings.filter((f) => !endpoints.some((e) => f.finding.endpoint === e.endpoint))) md.appendMarkdown(this.findingBlock(placed, document));
    const range = (endpoints[0] ?? findings[0])!.range;
    return new vscode.Hover(md, range);
  }

  private describe(md: vscode.MarkdownString, e: Endpoint, placed: PlacedFinding[], policy: Policy, document: vscode.TextDocument): void {
    const provider = e.provider ? this.providers.get(e.provider) : undefined;
    const findings = placed.map((p) => p.finding);
    const verdict = verdictLine(e, findings, policy);
    const who = provider ? esc(provider.name) : e.vendor ? vscode.l10n.t('{0} (not a catalog provider)', esc(e.vendor)) : vscode.l10n.t('Unknown provider');
    const page = provider ? ` · ${link(vscode.l10n.t('provider page'), commandId('focusProvider'), [provider.id])}` : '';
    md.appendMarkdown(verdict ? `**${verdict}**  \n` : '');
    md.appendMarkdown(`${who}${e.assumedProvider ? ` ${vscode.l10n.t('(assumed from the SDK)')}` : ''} · ${e.host ? code(e.host) : vscode.l10n.t('host unknown')} · ${placeOf(e)}${e.model ? ` · ${vscode.l10n.t('model {0}', code(e.model))}` : ''}${page}  \n`);
    md.appendMarkdown(`${vscode.l10n.t('Found: {0}', esc(e.via))}${e.unknown ? `. ${esc(e.unknown)}` : ''}\n\n`);
    for (const x of e.env ?? []) md.appendMarkdown(`- ${code(`${x.name}=${shownValue(x.value)}`)} ${vscode.l10n.t('set in {0}', `${esc(x.file)}:${x.line}`)}${x.unscoped ? ` ${vscode.l10n.t('(unscoped: tied to no code folder)')}` : ''}\n`);
    // Conditions a finding already lists as its details are not repeated.
    const listed = new Set(findings.flatMap((f) => f.details));
    for (const c of e.conditions.filter((c) => !listed.has(c))) md.appendMarkdown(`- ${esc(c)}\n`);
    md.appendMarkdown('\n');
    if (placed.length) for (const p of placed) md.appendMarkdown(this.findingBlock(p, document));
    else if (checksNothing(policy)) md.appendMarkdown(`${policy.source ? vscode.l10n.t('The policy requires nothing: this endpoint is not checked. Run **LLM Compliance: Create Policy File…** to set requirements.') : vscode.l10n.t('No policy file: this endpoint is not checked. Run **LLM Compliance: Create Policy File…** to set requirements.')}\n\n`);
    if (provider) md.appendMarkdown(postureLine(provider, e));
  }

  /** A finding's facts, what would pass, and its commands; never its message, which the diagnostic shows. */
  private findingBlock(placed: PlacedFinding, document: vscode.TextDocument): string {
    const f = placed.finding;
    const meta = ruleMeta(f.ruleId);
    const icon = f.suppression ? '$(circle-slash)' : f.severity === 'error' ? '$(error)' : f.severity === 'warning' ? '$(warning)' : '$(info)';
    let out = `${icon} **${f.ruleId}** ${esc(meta.title)}`;
    // Reported once, at the setting this code reads: say where.
    if (placed.uri.toString() !== document.uri.toString()) out += ` ${vscode.l10n.t('(reported at {0}, the setting)', `${esc(vscode.workspace.asRelativePath(placed.uri))}:${placed.range.start.line + 1}`)}`;
    if (f.suppression) {
      const s = f.suppression;
      return `${out}, ${vscode.l10n.t('waived ({0})', `${s.kind}, ${esc(s.file)}:${s.line}`)}: ${esc(s.reason)}${s.expires ? ` · ${vscode.l10n.t('until {0}', s.expires)}` : ''}${s.owner ? ` · ${esc(s.owner)}` : ''}\n\n`;
    }
    out += '\n\n';
    for (const d of f.details.slice(0, MAX_DETAILS)) out += `- ${esc(d)}\n`;
    if (f.details.length > MAX_DETAILS) out += `- ${vscode.l10n.t('and {0} more (provider page; `details` in the CLI\'s JSON)', f.details.length - MAX_DETAILS)}\n`;
    if (f.details.length) out += '\n';
    if (f.remedy) out += `${vscode.l10n.t('To pass: {0}', esc(f.remedy))}\n\n`;
    const at = { uri: placed.uri.toString(), line: placed.range.start.line, character: placed.range.start.character };
    const actions: string[] = [];
    const fix = clearFix(f);
    if (fix) actions.push(link(`$(lightbulb-autofix) ${esc(fix.title)}`, commandId('applyEndpointFix'), [{ ...at, ruleId: f.ruleId }]));
    if (commentFor(document, placed)) actions.push(link(vscode.l10n.t('Waive…'), commandId('addWaiver'), [{ ...at, ruleId: f.ruleId }]));
    // Rendered, not opened for editing (rule-docs.ts).
    actions.push(link(vscode.l10n.t('Rule {0}', f.ruleId), commandId('openRule'), [f.ruleId]));
    out += `${actions.join(' · ')}\n\n`;
    if (f.sources.length) out += `${vscode.l10n.t('Sources: {0}', sourceLinks(f.sources))}\n\n`;
    return out;
  }
}

/**
 * "✗ EU · ✗ BAA · ✓ SOC 2": one mark per requirement of the policy, from this endpoint's findings.
 * ? when it cannot be told (LLMC003), – when the policy turns the rule off. Undefined without a policy.
 */
export function verdictLine(e: Endpoint, findings: Finding[], policy: Policy): string | undefined {
  const wanted: string[] = [...policy.require, ...(policy.gateway ? ['gateway'] : [])];
  if (!wanted.length) return undefined;
  if (policy.gateway && e.host && policy.gateway.hosts.includes(e.host)) return '✓ through the gateway (its routes are judged in its configuration)';
  const marks = wanted.map((r) => {
    const { label, rule } = VERDICT_LABELS[r] ?? { label: r, rule: '' };
    const about = findings.filter((f) => f.requirement.split(',').includes(r) && f.ruleId !== 'LLMC005');
    const failed = about.filter((f) => f.ruleId !== 'LLMC003');
    if (failed.length) return `✗ ${label}${failed.every((f) => f.suppression) ? ' (waived)' : ''}`;
    if (about.length) return `? ${label}`;
    return policy.severity[rule as keyof Policy['severity']] === 'off' ? `– ${label} (rule off)` : `✓ ${label}`;
  });
  if (findings.some((f) => f.ruleId === 'LLMC005' && !f.suppression)) marks.push('✗ fallback');
  return marks.join(' · ');
}

/** Where it processes data, in words: "US East (N. Virginia) (`us-east-1`, US)", "any region worldwide (`global`)". */
function placeOf(e: Endpoint): string {
  const loc = e.location;
  if (!loc) return e.region ? `region ${code(e.region)}` : 'region unknown';
  const where = loc.jurisdiction === 'global' ? 'any region worldwide' : loc.jurisdiction === 'unknown' ? 'place unknown' : loc.jurisdiction;
  const name = loc.name.includes(loc.id) ? esc(loc.name) : `${esc(loc.name)} (${code(loc.id)})`;
  return loc.name.toLowerCase().includes(where.toLowerCase()) ? name : `${name}, ${esc(where)}`;
}

/** The provider's posture in one line, each fact with its first source and check date. */
function postureLine(p: Provider, e: Endpoint): string {
  const baa = p.posture.baa;
  const tier = baa.tier ? ` (${esc(baa.tier.length > 40 ? `${baa.tier.slice(0, 39)}…` : baa.tier)})` : '';
  const eu = e.euResident === null ? 'unknown' : e.euResident ? 'yes' : 'no';
  const rows: [string, string, Source[]][] = [
    ['HIPAA BAA', `${words(baa)}${tier}`, baa.sources],
    ['SOC 2 Type II', words(p.posture.soc2Type2), p.posture.soc2Type2.sources],
    ['ISO 27001', words(p.posture.iso27001), p.posture.iso27001.sources],
    ['EU residency here', eu, e.location?.sources ?? p.posture.euResidency.sources],
    ['GPAI code', words(p.posture.euAiActGpai), p.posture.euAiActGpai.sources],
  ];
  // Each value links its first source; the check date shows on the link's tooltip.
  return `Catalog: ${rows.map(([k, v, s]) => `${k} **${v}**${s[0] ? ` [↗](${s[0].url} "checked ${s[0].checked}${s[0].thirdParty ? ', third party' : ''}")` : ''}`).join(' · ')}\n\n`;
}

/** A fact's value in words: "available", "not available", "case by case", "yes", "unknown", "signed". */
function words(f: Fact<unknown>): string {
  const v = f.value;
  const text = v === null ? 'unknown' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v === 'signatory' ? 'signed' : v === 'partial' ? 'partly signed' : typeof v === 'string' ? v.replace(/-/g, ' ') : JSON.stringify(v);
  return `${esc(text)}${f.uncertain ? ' (uncertain)' : ''}`;
}

/** The first sources with their check dates, and how many more the provider page lists. */
function sourceLinks(sources: Source[]): string {
  const unique = [...new Map(sources.map((s) => [s.url, s])).values()];
  const shown = unique.slice(0, MAX_SOURCES).map((s) => `[${esc(shortUrl(s.url))}](${s.url}) (${s.checked}${s.thirdParty ? ', third party' : ''})`);
  return `${shown.join(' · ')}${unique.length > MAX_SOURCES ? ` · +${unique.length - MAX_SOURCES} more` : ''}`;
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').slice(0, 40);
}

/** A command link (`title` is Markdown, escaped by the caller); the arguments travel JSON-encoded in the URI. */
function link(title: string, command: string, args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${title}](command:${command}?${query})`;
}

/** A code span that text from the file cannot break out of: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
