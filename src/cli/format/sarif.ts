// SARIF 2.1.0: every rule declared (so code scanning can close fixed alerts), results
// with locations, help text and fixes, and scan notes as tool notifications.
//
// Checked against GitHub's "SARIF support for code scanning" page
// (https://docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support-for-code-scanning),
// which lists what code scanning reads: tool.driver name/semanticVersion/rules; per rule id, name,
// shortDescription, fullDescription (at most 1000 characters), defaultConfiguration.level, help
// text and markdown, properties.tags, properties.precision and properties.security-severity (read
// only for rules tagged `security`); per result ruleId, ruleIndex, level, message, one location,
// partialFingerprints and relatedLocations. `helpUri` and `informationUri` are not on that list:
// they are standard SARIF that other viewers (VS Code's SARIF Viewer) link to.

import { type Finding, RULES, type Severity } from '../../core';
import { PACKAGE_INFO, type PackageInfo, ruleHelpUri } from '../package-info';
import { Positions, relatedLine, type ScanReport } from '../report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

/** Lines longer than this (minified code) enter a fingerprint by their hash, not their text. */
const LONGEST_FINGERPRINT_LINE = 1024;

/**
 * The result fingerprint's key. Its value is a hash of the rule, file, provider, host, region and
 * the finding's line text with its white space collapsed (no line number: it survives lines moving
 * above it), then `:N` for the N-th finding (N >= 2) with the same hash in report order, so two
 * findings on one line stay two alerts. GitHub's code scanning itself matches alerts on
 * `primaryLocationLineHash` only, which github/codeql-action's upload-sarif computes from the
 * checked-out file when a result lacks it: it is left to the action, not imitated here.
 */
export const FINGERPRINT_KEY = 'llmCompliance/v1';

export function toSarif(report: ScanReport, toolVersion: string, rootUri: string, info: PackageInfo = PACKAGE_INFO): unknown {
  const pos = new Positions(report.texts);
  // Each line is normalised once, however many findings it holds (a minified line can hold thousands).
  const lineParts = new Map<string, string>();
  const linePart = (file: string, line: number): string => {
    const key = `${line}:${file}`;
    let part = lineParts.get(key);
    if (part === undefined) {
      const text = pos.lineText(file, line).trim().replace(/\s+/g, ' ');
      part = text.length > LONGEST_FINGERPRINT_LINE ? `#${fingerprint(text)}` : text;
      lineParts.set(key, part);
    }
    return part;
  };
  const occurrences = new Map<string, number>();
  const uri = (file: string): string => file.split('/').map(encodeURIComponent).join('/');
  const regionOf = (file: string, start: number, end: number): unknown => {
    const r = pos.region(file, { start, end });
    return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
  };
  const location = (f: Finding): unknown => ({
    physicalLocation: {
      artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
      region: regionOf(f.file, f.range.start, f.range.end),
    },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'llm-compliance',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: info.homepage,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.title },
              fullDescription: { text: r.summary },
              helpUri: ruleHelpUri(r.id, info),
              help: { text: `${r.summary}\n\n${r.description.replace(/\*\*|`/g, '')}`, markdown: `${r.summary}\n\n${r.description}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              // `security` first: code scanning reads security-severity only for rules with that tag.
              properties: { tags: [...new Set(['security', 'compliance', 'llm', ...r.requirements])], precision: r.precision, 'security-severity': r.securitySeverity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => {
          const r = pos.region(f.file, f.range);
          const hash = fingerprint(`${f.ruleId}|${f.file}|${f.provider}|${f.endpoint?.host}|${f.endpoint?.region}|${linePart(f.file, r.line)}`);
          const seen = (occurrences.get(hash) ?? 0) + 1;
          occurrences.set(hash, seen);
          return {
            ruleId: f.ruleId,
            ruleIndex: RULES.findIndex((x) => x.id === f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(f)],
            partialFingerprints: { [FINGERPRINT_KEY]: seen === 1 ? hash : `${hash}:${seen}` },
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((rel, id) => ({
                    id,
                    message: { text: rel.message },
                    physicalLocation: { artifactLocation: { uri: uri(rel.file), uriBaseId: '%SRCROOT%' }, region: { startLine: relatedLine(pos, rel) } },
                  })),
                }
              : {}),
            ...(f.suppression
              ? {
                  // SARIF's own record of an accepted risk: code scanning shows it as dismissed, with the reason.
                  suppressions: [
                    {
                      kind: f.suppression.kind === 'inline' ? 'inSource' : 'external',
                      status: 'accepted',
                      justification: f.suppression.reason,
                      location: { physicalLocation: { artifactLocation: { uri: uri(f.suppression.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.suppression.line } } },
                      properties: { ...(f.suppression.owner ? { owner: f.suppression.owner } : {}), ...(f.suppression.expires ? { expires: f.suppression.expires } : {}) },
                    },
                  ],
                }
              : {}),
            ...(f.fixes.length
              ? {
                  fixes: f.fixes.map((fix) => ({
                    description: { text: fix.title },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: uri(f.file), uriBaseId: '%SRCROOT%' },
                        replacements: fix.edits.map((e) => ({
                          // An insertion is an empty region (endColumn = startColumn).
                          deletedRegion: regionOf(f.file, e.start, e.end),
                          insertedContent: { text: e.newText },
                        })),
                      },
                    ],
                  })),
                }
              : {}),
            properties: {
              provider: f.provider,
              host: f.endpoint?.host ?? null,
              region: f.endpoint?.region ?? null,
              requirement: f.requirement,
              // The long form the short message leaves out.
              remedy: f.remedy,
              details: f.details,
              sources: [...new Set(f.sources.map((s) => s.url))],
            },
          };
        }),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notes.map((n) => ({
              level: 'warning',
              message: { text: n.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: uri(n.file), uriBaseId: '%SRCROOT%' },
                    ...(n.line ? { region: { startLine: n.line } } : {}),
                  },
                },
              ],
            })),
          },
        ],
      },
    ],
  };
}

/** FNV-1a, 64 bits as hex: stable across runs and machines. */
function fingerprint(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
