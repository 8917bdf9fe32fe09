// Hover on an endpoint: where it goes (provider, host, region), the posture facts that
// decide the verdict with their sources and check dates, each finding with what would
// pass, and any waiver that accepts it. All of it comes from the engine and the catalog.

import * as vscode from 'vscode';
import { catalog, type Endpoint, type Fact, type Finding, type Provider, ruleMeta, shownValue, type Source } from '../core';
import type { Inventory } from './inventory';
import { escapeMarkdown as esc } from './markdown';

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
    const shown = new Set<Endpoint>();
    for (const { endpoint } of endpoints) {
      if (shown.has(endpoint)) continue;
      shown.add(endpoint);
      // Open findings first, then the waived ones.
      const own = findings.filter((f) => f.finding.endpoint === endpoint).map((f) => f.finding)
        .sort((a, b) => Number(!!a.suppression) - Number(!!b.suppression));
      this.describe(md, endpoint, own, scan.policy.require.length > 0);
    }
    for (const { finding } of findings.filter((f) => !endpoints.some((e) => f.finding.endpoint === e.endpoint))) {
      md.appendMarkdown(findingLine(finding));
    }
    const range = (endpoints[0] ?? findings[0])!.range;
    return new vscode.Hover(md, range);
  }

  private describe(md: vscode.MarkdownString, e: Endpoint, findings: Finding[], hasPolicy: boolean): void {
    const provider = e.provider ? this.providers.get(e.provider) : undefined;
    const region = e.location ? `${esc(e.location.name)} (${code(e.location.id)}, ${esc(e.location.jurisdiction)})` : e.region ? code(e.region) : 'region unknown';
    md.appendMarkdown(`**${provider ? esc(provider.name) : e.vendor ? `${esc(e.vendor)} (not a catalog provider)` : 'Unknown provider'}**${provider ? ` (${code(provider.id)})` : ''}${e.assumedProvider ? ' (assumed from the SDK)' : ''}`);
    md.appendMarkdown(` · ${e.host ? code(e.host) : 'host unknown'} · ${region}${e.model ? ` · model ${code(e.model)}` : ''}  \n`);
    md.appendMarkdown(`Found: ${esc(e.via)}${e.unknown ? `. ${esc(e.unknown)}` : ''}\n\n`);
    for (const x of e.env ?? []) md.appendMarkdown(`- ${code(`${x.name}=${shownValue(x.value)}`)} set in ${esc(x.file)}:${x.line}${x.unscoped ? ' (unscoped: tied to no code folder)' : ''}\n`);
    for (const c of e.conditions) md.appendMarkdown(`- ${esc(c)}\n`);
    md.appendMarkdown('\n');
    if (findings.length) for (const f of findings) md.appendMarkdown(findingLine(f));
    else md.appendMarkdown(hasPolicy ? '$(pass) Meets the workspace policy.\n\n' : 'No policy file: nothing is required. Run **LLM Compliance: Create Policy File…** to set requirements.\n\n');
    if (provider) md.appendMarkdown(postureList(provider, e));
  }
}

function findingLine(f: Finding): string {
  const icon = f.suppression ? '$(circle-slash)' : f.severity === 'error' ? '$(error)' : f.severity === 'warning' ? '$(warning)' : '$(info)';
  // The diagnostic above the hover already says what is wrong; this says why, what would pass, and on what evidence.
  let out = `${icon} **${f.ruleId}** ${esc(ruleMeta(f.ruleId).title)}`;
  if (f.suppression) {
    const s = f.suppression;
    out += `, waived (${s.kind}, ${esc(s.file)}:${s.line}): ${esc(s.reason)}${s.expires ? ` · until ${s.expires}` : ''}${s.owner ? ` · ${esc(s.owner)}` : ''}\n\n`;
    return out;
  }
  out += '\n\n';
  for (const d of f.details) out += `- ${esc(d)}\n`;
  if (f.details.length) out += '\n';
  if (f.remedy) out += `What would pass: ${esc(f.remedy)}\n\n`;
  if (f.sources.length) out += `Sources: ${sourceLinks(f.sources)}\n\n`;
  return out;
}

/** The provider's posture facts, each with its first sources and their check dates. */
function postureList(p: Provider, e: Endpoint): string {
  const value = (f: Fact<unknown>): string => (f.value === null ? '**unknown**' : typeof f.value === 'boolean' ? (f.value ? 'yes' : 'no') : esc(typeof f.value === 'string' ? f.value : JSON.stringify(f.value))) + (f.uncertain ? ' (uncertain)' : '');
  const baa = p.posture.baa;
  const rows: [string, string, Source[]][] = [
    ['HIPAA BAA', `${value(baa)}${baa.tier ? ` (${esc(baa.tier)})` : ''}`, baa.sources],
    ['SOC 2 Type II', value(p.posture.soc2Type2), p.posture.soc2Type2.sources],
    ['ISO/IEC 27001', value(p.posture.iso27001), p.posture.iso27001.sources],
    ['EU residency of this endpoint', e.euResident === null ? '**unknown**' : e.euResident ? 'yes' : 'no', e.location?.sources ?? p.posture.euResidency.sources],
    ['EU AI Act GPAI code', value(p.posture.euAiActGpai), p.posture.euAiActGpai.sources],
  ];
  return `**Posture** (from the catalog)\n\n${rows.map(([k, v, s]) => `- ${k}: ${v}${s.length ? ` · ${sourceLinks(s.slice(0, 1))}` : ''}\n`).join('')}`;
}

function sourceLinks(sources: Source[]): string {
  const unique = [...new Map(sources.map((s) => [s.url, s])).values()];
  return unique.map((s) => `[${esc(shortUrl(s.url))}](${s.url}) (${s.checked}${s.thirdParty ? ', third party' : ''})`).join(' · ');
}

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').slice(0, 60);
}

/** A code span that text from the file cannot break out of: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
