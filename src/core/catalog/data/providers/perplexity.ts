import type { Provider } from '../../types';
import { CHECKED_TODAY, gh, src } from '../common';

const PRIVACY_SECURITY = src('https://docs.perplexity.ai/docs/resources/privacy-security.md', CHECKED_TODAY);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/perplexity/src/perplexity-provider.ts', '2026-08-22');

export const provider: Provider = {
  id: 'perplexity',
  name: 'Perplexity Sonar API',
  kind: 'host',
  operator: 'Perplexity AI',
  vendorDomains: ['perplexity.ai', 'github.com/ppl-ai'],
  hosts: [
    {
      pattern: 'api.perplexity.ai',
      location: 'global',
      note: 'OpenAI-compatible. Queries trigger live web searches, so query content reaches third-party search infrastructure.',
      sources: [PRIVACY_SECURITY, VERCEL],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Perplexity API (processing location not pinned)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'No EU option found.',
      sources: [PRIVACY_SECURITY],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN: no BAA offer found. Perplexity\'s privacy and security page lists a "2025 HIPAA Gap Assessment", which is an assessment, not a BAA commitment, and says nothing about signing a BAA.',
      sources: [PRIVACY_SECURITY],
    },
    soc2Type2: {
      value: true,
      note: 'SOC 2 Type II report listed on trust.perplexity.ai.',
      sources: [PRIVACY_SECURITY],
    },
    iso27001: { value: null, note: 'Not listed among Perplexity\'s current certifications in the page reviewed.', sources: [PRIVACY_SECURITY] },
    iso42001: { value: null, note: 'Not listed among Perplexity\'s current certifications in the page reviewed.', sources: [PRIVACY_SECURITY] },
    euAiActGpai: {
      value: null,
      note: 'Sonar models are built on other developers\' open models; the GPAI status follows the underlying model\'s developer. Perplexity\'s own signatory status was not researched.',
      sources: [PRIVACY_SECURITY],
    },
    euResidency: {
      value: null,
      note: 'No EU residency option found; the global endpoint gives no EU guarantee.',
      sources: [PRIVACY_SECURITY],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Sonar API data is not used to train models.',
      vendorStatement: 'Data sent to the Sonar API is not used for model training (zero data retention policy).',
      sources: [PRIVACY_SECURITY],
    },
    retentionDefault: {
      value: 'Zero data retention for the Sonar API: only billing metadata (token counts, model, timestamps, API key id) is kept.',
      sources: [PRIVACY_SECURITY],
    },
  },
  clients: [
    {
      id: 'vercel-ai-perplexity',
      languages: ['js'],
      callees: ['createPerplexity', 'perplexity'],
      packages: ['@ai-sdk/perplexity'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.perplexity.ai' },
      note: 'Also commonly reached through the OpenAI SDK with base_url https://api.perplexity.ai.',
      sources: [VERCEL],
    },
  ],
  env: [],
};
