// The requirements' names, on their own: the matrix webview (a browser page) shows them, and
// importing them from template.ts would bundle the whole provider catalog into that page.

import type { Requirement } from './policy';

export const REQUIREMENT_LABELS: Record<Requirement, { label: string; detail: string }> = {
  hipaa: { label: 'HIPAA', detail: 'Every endpoint is covered by a BAA your organisation has signed (LLMC001).' },
  'eu-residency': { label: 'EU data residency', detail: 'Prompts and outputs stay in the EU (LLMC002).' },
  'soc2-type2': { label: 'SOC 2 Type II', detail: 'The provider has a SOC 2 Type II report (LLMC004).' },
  iso27001: { label: 'ISO/IEC 27001', detail: 'The provider is ISO/IEC 27001 certified (LLMC004).' },
  iso42001: { label: 'ISO/IEC 42001', detail: 'The provider is ISO/IEC 42001 certified (LLMC004).' },
  'eu-ai-act-gpai': { label: 'EU AI Act GPAI Code of Practice', detail: 'The provider signed the GPAI Code of Practice (LLMC004).' },
};
