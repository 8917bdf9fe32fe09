import type { Provider } from '../../types';
import { CHECKED_TODAY, GPAI_BACKFIELD, gh, src } from '../common';

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
      value: 'not-available',
      uncertain: true,
      note: 'No BAA offer found; treat as not available.',
      sources: [PRC_STORAGE_3P],
    },
    soc2Type2: { value: null, note: 'None found in the research.', sources: [PRC_STORAGE_3P] },
    iso27001: { value: null, note: 'None found in the research.', sources: [PRC_STORAGE_3P] },
    iso42001: { value: null, note: 'None found in the research.', sources: [PRC_STORAGE_3P] },
    euAiActGpai: {
      value: 'not-signed',
      uncertain: true,
      note: 'No Chinese AI company (Alibaba, Baidu, DeepSeek) had signed the GPAI Code of Practice per third-party reports of the Commission list.',
      sources: [GPAI_BACKFIELD],
    },
    euResidency: {
      value: false,
      uncertain: true,
      note: 'Data stored in the PRC; no EU option. EU regulators acted against the DeepSeek app (Italian Garante block 2025-01-30; Berlin DPA report to Apple/Google under the DSA in 2025).',
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
      note: 'No API-specific retention period found.',
      sources: [PRC_STORAGE_3P],
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
