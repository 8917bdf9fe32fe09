import type { Provider } from '../../types';
import { CHECKED_FRAMEWORKS, CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, src } from '../common';

const YOUR_DATA = src('https://console.groq.com/docs/your-data', CHECKED_TODAY);
const BAA = src('https://console.groq.com/docs/legal/customer-business-associate-addendum', CHECKED_TODAY);
const PY_SDK = gh('groq/groq-python', '9620fde', 'src/groq/_client.py', '2026-08-18');
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/groq/src/groq-provider.ts', '2026-08-22');
const LANGCHAIN_GROQ = gh('langchain-ai/langchain', 'cb160aa7c1fa58350b6e8fd9ce3b9cc6f5ce93cf', 'libs/partners/groq/langchain_groq/chat_models.py', CHECKED_FRAMEWORKS);
const LANGCHAIN = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/groq/langchain_groq/chat_models.py',
  RESEARCH_SNAPSHOT,
);

export const provider: Provider = {
  id: 'groq',
  name: 'GroqCloud',
  kind: 'host',
  operator: 'Groq',
  vendorDomains: ['groq.com', 'github.com/groq'],
  hosts: [
    {
      pattern: 'api.groq.com',
      location: 'global',
      note: 'OpenAI-compatible base https://api.groq.com/openai/v1. No documented EU-pinned endpoint; third-party hostnames such as api.eu.groq.com are unverified.',
      sources: [PY_SDK, YOUR_DATA],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'GroqCloud (processing location not pinned)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Groq runs data centers in the US, Canada, Europe (Helsinki, opened July 2025 per a CNBC report cited in the research) and the Middle East; no documented way to pin API processing to the EU.',
      sources: [YOUR_DATA],
    },
  ],
  posture: {
    baa: {
      value: 'available',
      tier: 'Business Associate Addendum for GroqCloud Services (click-to-accept, effective 2025-10-15)',
      conditions: [
        'Requires an existing Groq Services Agreement.',
        'Covers only the "Covered Cloud Services" listed in the addendum (list not retrieved).',
      ],
      sources: [BAA],
    },
    soc2Type2: {
      value: null,
      note: 'SOC 2 was not verified from a primary source in the research (UNCERTAIN).',
      sources: [YOUR_DATA],
    },
    iso27001: { value: null, note: 'Not found in the research.', sources: [YOUR_DATA] },
    iso42001: { value: null, note: 'Not found in the research.', sources: [YOUR_DATA] },
    euAiActGpai: {
      value: null,
      note: 'Groq hosts other developers\' open models and is not itself the GPAI model developer: the status follows the model\'s developer (e.g. Meta Llama: not signed; OpenAI gpt-oss: OpenAI signed).',
      sources: [YOUR_DATA],
    },
    euResidency: {
      value: null,
      note: 'UNCERTAIN: Groq opened a Helsinki data center (July 2025) and documents a "Data Location" section, but no EU-pinned API endpoint was found; third-party EU hostnames are unverified.',
      sources: [YOUR_DATA],
    },
    trainingOnDataByDefault: {
      value: null,
      note: 'Not stated in the primary text retrieved; third-party summaries say Groq does not train on API data.',
      sources: [YOUR_DATA],
    },
    retentionDefault: {
      value: 'Inference inputs/outputs not retained by default; may be kept (up to 30 days) for reliability or abuse investigation, controllable in Data Controls. Zero data retention is self-serve. Batch files 30 days; fine-tuning data until deleted.',
      sources: [YOUR_DATA],
    },
  },
  clients: [
    {
      id: 'groq-sdk',
      languages: ['python', 'js'],
      callees: ['Groq', 'AsyncGroq'],
      packages: ['groq', 'groq-sdk'],
      options: { url: ['base_url', 'baseURL'] },
      env: { url: ['GROQ_BASE_URL'] },
      defaults: { host: 'api.groq.com' },
      sources: [PY_SDK],
    },
    {
      id: 'vercel-ai-groq',
      languages: ['js'],
      callees: ['createGroq', 'groq'],
      packages: ['@ai-sdk/groq'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.groq.com' },
      sources: [VERCEL],
    },
    {
      id: 'langchain-groq',
      languages: ['python'],
      callees: ['ChatGroq'],
      packages: ['langchain-groq'],
      options: { url: ['base_url', 'groq_api_base'], model: ['model', 'model_name'] },
      // GROQ_API_BASE is LangChain's own; without it the groq client reads GROQ_BASE_URL.
      env: { url: ['GROQ_API_BASE', 'GROQ_BASE_URL'] },
      defaults: { host: 'api.groq.com' },
      sources: [LANGCHAIN, LANGCHAIN_GROQ, PY_SDK],
    },
  ],
  env: [
    { name: 'GROQ_BASE_URL', kind: 'url', specific: true, sources: [PY_SDK] },
    { name: 'GROQ_API_BASE', kind: 'url', specific: true, sources: [LANGCHAIN_GROQ] },
  ],
};
