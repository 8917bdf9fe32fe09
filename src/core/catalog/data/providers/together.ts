import type { Provider } from '../../types';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, ghTree, src } from '../common';

const PRIVACY_SECURITY = src('https://docs.together.ai/docs/privacy-and-security', CHECKED_TODAY);
const ZDR = src('https://docs.together.ai/docs/zero-data-retention', CHECKED_TODAY);
const PRIVACY_POLICY = src('https://www.together.ai/privacy', RESEARCH_SNAPSHOT);
const PY_SDK = ghTree('togethercomputer/together-python', 'eba5e5f', '2025-12-23');
const DOMAIN_PROBE = src(
  'https://raw.githubusercontent.com/api-evangelist/together-ai/refs/heads/main/security/together-ai-domain-security.yml',
  CHECKED_TODAY,
  true,
);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/togetherai/src/togetherai-provider.ts', '2026-08-22');

export const provider: Provider = {
  id: 'together',
  name: 'Together AI',
  kind: 'host',
  operator: 'Together AI',
  vendorDomains: ['together.ai', 'together.xyz', 'github.com/togethercomputer'],
  hosts: [
    { pattern: 'api.together.xyz', location: 'global', note: 'SDK default base https://api.together.xyz/v1.', sources: [PY_SDK] },
    { pattern: 'api.together.ai', location: 'global', note: 'Alternate API hostname (resolves with TLS per a third-party probe).', sources: [DOMAIN_PROBE] },
  ],
  locations: [
    {
      id: 'global',
      name: 'Together AI serverless API (processing location not pinned)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Third-party-authored models are hosted in Together\'s own data centers (e.g. "North America" for DeepSeek models); no self-serve EU option.',
      sources: [PRIVACY_SECURITY],
    },
  ],
  posture: {
    baa: {
      value: null,
      note: 'UNCERTAIN: no primary evidence of a HIPAA BAA was found (only AI-generated tutorial claims).',
      sources: [PRIVACY_SECURITY],
    },
    soc2Type2: { value: null, note: 'Not covered by the research.', sources: [PRIVACY_SECURITY] },
    iso27001: { value: null, note: 'Not covered by the research.', sources: [PRIVACY_SECURITY] },
    iso42001: { value: null, note: 'Not covered by the research.', sources: [PRIVACY_SECURITY] },
    euAiActGpai: {
      value: null,
      note: 'Together hosts other developers\' models and is not itself the GPAI model developer: the status follows the model\'s developer. Passthrough models forward data to third-party providers under their own policies.',
      sources: [PRIVACY_SECURITY, ZDR],
    },
    euResidency: {
      value: false,
      note: 'No self-serve EU option on the serverless API; data-residency needs are handled with private networking / VPC deployments on request (contact sales).',
      vendorStatement: 'Data-residency requirements are met with private networking / VPC-based deployments arranged with sales, not on the serverless API.',
      sources: [PRIVACY_SECURITY],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Use of data for training is a separate opt-in, off by default (both Together pages agree).',
      vendorStatement: 'Customer data is used for training only if the organization opts in; the setting is off by default.',
      sources: [PRIVACY_SECURITY, ZDR],
    },
    retentionDefault: {
      value: null,
      note: 'CONFLICTING official pages (both re-read 2026-11-27): "Together does not store inputs or outputs by default" (privacy-and-security) vs "Unless your organization enables ZDR, Together stores the prompts ... and may use them for product improvements" (zero-data-retention). ZDR is self-serve (Store prompts and model responses = No), which also disables passthrough models.',
      uncertain: true,
      sources: [PRIVACY_SECURITY, ZDR, PRIVACY_POLICY],
    },
  },
  clients: [
    {
      id: 'together-sdk',
      languages: ['python', 'js'],
      callees: ['Together', 'AsyncTogether'],
      packages: ['together', 'together-ai'],
      options: { url: ['base_url', 'baseURL'] },
      env: { url: ['TOGETHER_BASE_URL'] },
      defaults: { host: 'api.together.xyz' },
      sources: [PY_SDK],
    },
    {
      id: 'vercel-ai-togetherai',
      languages: ['js'],
      callees: ['createTogetherAI', 'togetherai'],
      packages: ['@ai-sdk/togetherai'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.together.xyz' },
      sources: [VERCEL],
    },
  ],
  env: [{ name: 'TOGETHER_BASE_URL', kind: 'url', specific: true, sources: [PY_SDK] }],
};
