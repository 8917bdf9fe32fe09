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
import { findingFingerprints } from './fingerprint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

/**
 * The result fingerprint's key; its value is findingFingerprints' (fingerprint.ts). GitHub's code
 * scanning itself matches alerts on `primaryLocationLineHash` only, which github/codeql-action's
 * upload-sarif computes from the checked-out file when a result lacks it: it is left to the
 * action, not imitated here.
 */
export const FINGERPRINT_KEY = 'llmCompliance/v1';

export function toSarif(report: ScanReport, toolVersion: string, rootUri: string, info: PackageInfo = PACKAGE_INFO): unknown {
  const pos = new Positions(report.texts);
  const fingerprintOf = findingFingerprints(pos);
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
          return {
            ruleId: f.ruleId,
            ruleIndex: RULES.findIndex((x) => x.id === f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(f)],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f) },
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
