// A new policy file from a few answers (HIPAA? EU residency? which BAAs are signed?),
// written as commented YAML that parsePolicy accepts.

import { catalog } from '../catalog/data';
import type { ProviderId } from '../catalog/types';
import type { ResidencyZone } from '../catalog/zones';
import type { Requirement } from './policy';

export const REQUIREMENT_LABELS: Record<Requirement, { label: string; detail: string }> = {
  hipaa: { label: 'HIPAA', detail: 'Every endpoint is covered by a BAA your organisation has signed (LLMC001).' },
  'eu-residency': { label: 'EU data residency', detail: 'Prompts and outputs stay in the EU (LLMC002).' },
  'soc2-type2': { label: 'SOC 2 Type II', detail: 'The provider has a SOC 2 Type II report (LLMC004).' },
  iso27001: { label: 'ISO/IEC 27001', detail: 'The provider is ISO/IEC 27001 certified (LLMC004).' },
  iso42001: { label: 'ISO/IEC 42001', detail: 'The provider is ISO/IEC 42001 certified (LLMC004).' },
  'eu-ai-act-gpai': { label: 'EU AI Act GPAI Code of Practice', detail: 'The provider signed the GPAI Code of Practice (LLMC004).' },
};

export interface PolicyChoices {
  require: Requirement[];
  /** Providers whose BAA the organisation has signed. */
  baa: ProviderId[];
  /** Hosts of the team's LLM gateway, when every call must go through one (LLMC006). */
  gateway?: string[];
  /** What eu-residency accepts; the policy's default (eu) when not given. */
  residency?: ResidencyZone;
}

export function policyTemplate(choices: PolicyChoices): string {
  const list = (items: string[]): string => `[${items.join(', ')}]`;
  const lines = [
    '# LLM Compliance policy: what every LLM endpoint in this repository must meet.',
    '# The CLI (`llm-compliance scan`) fails CI on findings at or above failOn; the editor shows them as you type.',
    `require: ${list(choices.require)}`,
  ];
  if (choices.require.includes('hipaa') || choices.baa.length) {
    lines.push('# Providers whose BAA your organisation has signed: a BAA the vendor offers is not enough until it is signed.');
    lines.push(`baa: ${list(choices.baa)}`);
  }
  if (choices.require.includes('eu-residency')) {
    lines.push('# Where eu-residency lets data be processed: eu (the 27 member states), eea (+ Iceland, Liechtenstein, Norway),');
    lines.push('# or eu-adequacy (the EEA + countries with a general EU adequacy decision, such as Switzerland and the UK).');
    lines.push(`residency: ${choices.residency ?? 'eu'}`);
  }
  if (choices.gateway?.length) {
    lines.push('# The team\'s LLM gateway: every LLM call must go through one of these hosts (LLMC006).');
    // JSON strings are YAML scalars: whatever was typed cannot break the file.
    lines.push('gateway:', `  hosts: [${choices.gateway.map((h) => JSON.stringify(h)).join(', ')}]`);
  }
  lines.push(
    'failOn: error',
    '# Per-rule severity (error | warning | note | off), for example:',
    '# severity:',
    '#   LLMC003: warning',
    '# Paths not to scan (.gitignore syntax, relative to this file):',
    '# ignore: ["tests/fixtures/**"]',
    '',
  );
  return lines.join('\n');
}

/** Providers the catalog says offer a BAA (always, or case by case): what the BAA question (init, the walkthrough) lists first. */
export function providersOfferingBaa(): ProviderId[] {
  return catalog.providers.filter((p) => p.posture.baa.value === 'available' || p.posture.baa.value === 'case-by-case').map((p) => p.id);
}

/** Providers whose BAA the catalog names (a tier) without confirming that it covers the LLM service: listed apart, never as offering one. */
export function providersWithUnconfirmedBaa(): ProviderId[] {
  return catalog.providers.filter((p) => p.posture.baa.value === null && p.posture.baa.tier).map((p) => p.id);
}
