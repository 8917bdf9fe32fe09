import type { Provider } from '../../types';
import { CHECKED_TODAY, CHECKED_VENDOR_REVIEW, GPAI_BACKFIELD, GPAI_EC_INVITE, gh, src } from '../common';

const PRC_STORAGE_3P = src(
  'https://tnsafety.com/deepseeks-chinese-data-storage-policy-raises-global-privacy-concerns',
  CHECKED_TODAY,
  true,
);
const PRC_STORAGE_3P_B = src(
  'https://hacksignal.com/news/privacy-concerns-mount-as-deepseek-ai-stores-all-user-data-on-chinese-servers',
  CHECKED_TODAY,
  true,
);
// Third-party pages that state what the catalog records as unknown (no DeepSeek page was found).
const NO_BAA_3P = src('https://phiguard.app/resources/guides/is-deepseek-hipaa-compliant', CHECKED_VENDOR_REVIEW, true);
const MODEL_RADAR_3P = src('https://aigovernance.com/model-radar/deepseek-v3', CHECKED_VENDOR_REVIEW, true);
const NO_AUDIT_3P = src('https://www.swanum.com/category/ai-developer-apis-llms/deepseek/', CHECKED_VENDOR_REVIEW, true);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/deepseek/src/deepseek-provider.ts', '2026-08-22');
const SK_PY = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'python/samples/concepts/setup/chat_completion_services.py',
  '2026-08-20',
);

export const provider: Provider = {
  id: 'deepseek',
  name: 'DeepSeek API (first party)',
  kind: 'model-developer',
  operator: 'DeepSeek (Hangzhou DeepSeek Artificial Intelligence)',
  vendorDomains: ['deepseek.com', 'github.com/deepseek-ai'],
  hosts: [
    {
      pattern: 'api.deepseek.com',
      location: 'cn',
      note: 'OpenAI-compatible (also an Anthropic-compatible path); usually called with the OpenAI SDK and base_url="https://api.deepseek.com". Open-weight DeepSeek models served by Bedrock, Azure, Together etc. do not send data to DeepSeek: decide by host, not model name.',
      sources: [VERCEL, SK_PY],
    },
  ],
  locations: [
    {
      id: 'cn',
      name: "People's Republic of China",
      jurisdiction: 'CN',
      countries: ['CN'],
      euResident: false,
      note: 'DeepSeek\'s privacy policy states that collected information is stored on servers in the PRC, under PRC law.',
      sources: [PRC_STORAGE_3P, PRC_STORAGE_3P_B],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN, and no sign of one: no DeepSeek page offers a HIPAA BAA; third parties say DeepSeek offers none. Absence of an offer is not a refusal, so this stays unknown; do not send PHI.',
      sources: [NO_BAA_3P, MODEL_RADAR_3P],
    },
    soc2Type2: { value: null, note: 'None found: third parties report no independent audit report on file for DeepSeek.', sources: [NO_AUDIT_3P] },
    iso27001: { value: null, note: 'None found: third parties report no independent audit report or certificate on file for DeepSeek.', sources: [NO_AUDIT_3P] },
    iso42001: { value: null, note: 'None found: third parties report no independent audit report or certificate on file for DeepSeek.', sources: [NO_AUDIT_3P] },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN until the Commission\'s signatory list is read: third-party reports of the list say no Chinese AI company (Alibaba, Baidu, DeepSeek) had signed the GPAI Code of Practice.',
      sources: [GPAI_EC_INVITE, GPAI_BACKFIELD],
    },
    euResidency: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from DeepSeek\'s own pages as read here, but no EU option is known: third parties quote DeepSeek\'s privacy policy as storing the information it collects on servers in the People\'s Republic of China (the policy itself was not in the stored corpus). EU regulators acted against the DeepSeek app (Italian Garante block 2025-01-30; Berlin DPA report to Apple/Google under the DSA in 2025).',
      sources: [PRC_STORAGE_3P, PRC_STORAGE_3P_B],
    },
    trainingOnDataByDefault: {
      value: null,
      note: 'CONFLICTING: one source reads the privacy policy (updated 2026-02-10) as allowing training with only a policy-level opt-out and no API carve-out; another says API usage is excluded. Treat as may-train until confirmed.',
      uncertain: true,
      sources: [PRC_STORAGE_3P],
    },
    retentionDefault: {
      value: null,
      note: 'No API-specific retention period found; a third party reports no zero-retention option for the DeepSeek API.',
      sources: [MODEL_RADAR_3P],
    },
  },
  clients: [
    {
      id: 'vercel-ai-deepseek',
      languages: ['js'],
      callees: ['createDeepSeek', 'deepseek'],
      packages: ['@ai-sdk/deepseek'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.deepseek.com' },
      note: 'Most code uses the OpenAI SDK with base_url https://api.deepseek.com: the host decides.',
      sources: [VERCEL],
    },
  ],
  env: [],
  euSwap: {
    advice:
      'DeepSeek\'s own API stores data in China: run the open-weight DeepSeek models in an EU region of a cloud (e.g. Amazon Bedrock or Azure in an EU region) or self-host them.',
    sources: [PRC_STORAGE_3P],
  },
};
