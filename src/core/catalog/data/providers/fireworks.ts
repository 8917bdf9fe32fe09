import type { Provider } from '../../types';
import { CHECKED_TODAY, gh, src } from '../common';

const DATA_HANDLING = src('https://docs.fireworks.ai/guides/security_compliance/data_handling', CHECKED_TODAY);
const DATA_SECURITY = src('https://docs.fireworks.ai/guides/security_compliance/data_security.md', CHECKED_TODAY);
const ZDR_POLICY = src('https://docs.fireworks.ai/accounts/zero-data-retention', CHECKED_TODAY);
const RESPONSES = src('https://docs.fireworks.ai/guides/response-api', CHECKED_TODAY);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/fireworks/src/fireworks-provider.ts', '2026-08-22');

export const provider: Provider = {
  id: 'fireworks',
  name: 'Fireworks AI',
  kind: 'host',
  operator: 'Fireworks AI',
  vendorDomains: ['fireworks.ai', 'github.com/fw-ai'],
  hosts: [
    {
      pattern: 'api.fireworks.ai',
      location: 'global',
      note: 'OpenAI-compatible base https://api.fireworks.ai/inference/v1.',
      sources: [RESPONSES, VERCEL],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Fireworks AI (processing location not pinned)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'No documented EU-pinned endpoint.',
      sources: [DATA_SECURITY],
    },
  ],
  posture: {
    baa: {
      value: null,
      note: 'UNCERTAIN: BAA availability not confirmed from primary text; documents sit behind trust.fireworks.ai.',
      sources: [DATA_SECURITY],
    },
    soc2Type2: {
      value: null,
      note: 'Audit reports are referenced on trust.fireworks.ai, but the SOC 2 type was not confirmed from primary text (UNCERTAIN).',
      sources: [DATA_SECURITY],
    },
    iso27001: { value: null, note: 'Not confirmed in the research.', sources: [DATA_SECURITY] },
    iso42001: { value: null, note: 'Not confirmed in the research.', sources: [DATA_SECURITY] },
    euAiActGpai: {
      value: null,
      note: 'Fireworks hosts other developers\' open models and is not the GPAI model developer: the status follows the model\'s developer.',
      sources: [DATA_HANDLING],
    },
    euResidency: {
      value: null,
      note: 'UNCERTAIN: no EU pinning option found in primary text.',
      sources: [DATA_SECURITY],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'No prompt or generation data is logged or stored for open models without explicit opt-in; no training without opt-in.',
      vendorStatement: 'Prompts and generations for open models are not logged or stored without explicit opt-in, and are not used for training.',
      sources: [DATA_HANDLING, DATA_SECURITY],
    },
    retentionDefault: {
      value: 'Zero data retention by default for open models (volatile memory only; prompt-cache KV for minutes). Responses API with store=True (the default) keeps conversations 30 days; set store=False. Enterprise ZDR policy blocks all persisting features.',
      sources: [DATA_HANDLING, ZDR_POLICY, RESPONSES],
    },
  },
  clients: [
    {
      id: 'vercel-ai-fireworks',
      languages: ['js'],
      callees: ['createFireworks', 'fireworks'],
      packages: ['@ai-sdk/fireworks'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.fireworks.ai' },
      note: 'Most code reaches Fireworks through the OpenAI SDK with base_url https://api.fireworks.ai/inference/v1: the host decides.',
      sources: [VERCEL, RESPONSES],
    },
  ],
  env: [],
  notes: ['Flag Responses API calls to api.fireworks.ai without store=False: stored conversations are kept 30 days.'],
};
