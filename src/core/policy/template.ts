// A new policy file from a few answers (HIPAA? EU residency? which BAAs are signed?),
// written as commented YAML that parsePolicy accepts.

import { catalog } from '../catalog/data';
import type { ProviderId } from '../catalog/types';
import type { ResidencyZone } from '../catalog/zones';
import type { Requirement } from './policy';

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
