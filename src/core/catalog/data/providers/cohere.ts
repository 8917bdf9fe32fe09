import type { Provider } from '../../types';
import {
  CHECKED_TODAY,
  CHECKED_VENDOR_REVIEW,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_EC_INVITE,
  GPAI_LEGISLOGIQ,
  RESEARCH_SNAPSHOT,
  gh,
  src,
} from '../common';

const DATA_USAGE = src('https://cohere.com/data-usage-policy', CHECKED_TODAY);
const APT = src('https://aiprovidertrust.com/offerings/cohere-api/', CHECKED_TODAY, true);
// Cohere's trust centre (hosted by Secureframe): lists SOC 2 Type II, GDPR and CCPA.
const TRUST_CENTER = src('https://cohere-inc.secureframetrust.com/subprocessors', CHECKED_VENDOR_REVIEW);
const CREATE_CLIENT = src('https://docs.cohere.com/docs/create-client', RESEARCH_SNAPSHOT);
const PY_ENV = gh('cohere-ai/cohere-python', 'bc495daa', 'src/cohere/environment.py', '2026-08-19');
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/cohere/src/cohere-provider.ts', '2026-08-22');
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/cohere/coherellm_option.go', '2026-12-03');
const LANGCHAINGO_CLIENT = gh('tmc/langchaingo', '8fea3de6', 'llms/cohere/internal/cohereclient/cohereclient.go', '2026-12-03');

export const provider: Provider = {
  id: 'cohere',
  name: 'Cohere API (SaaS platform)',
  kind: 'model-developer',
  operator: 'Cohere',
  // cohere-inc.secureframetrust.com is Cohere's trust centre, hosted by Secureframe.
  vendorDomains: ['cohere.com', 'cohere.ai', 'cohere-inc.secureframetrust.com', 'github.com/cohere-ai'],
  hosts: [
    {
      pattern: 'api.cohere.com',
      location: 'global',
      note: 'Hosted SaaS API (v2 at /v2). Region pinning only via private deployments or cloud partners.',
      sources: [PY_ENV, DATA_USAGE],
    },
    { pattern: 'api.cohere.ai', location: 'global', note: 'Legacy hostname of the SaaS API.', sources: [PY_ENV] },
  ],
  locations: [
    {
      id: 'global',
      name: 'Cohere SaaS platform',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Hosted on Google Cloud in the US according to a third party; no EU option on the SaaS API.',
      sources: [APT],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Cohere\'s own pages: a third party reports that Cohere\'s BAA only covers custom model development, not the hosted SaaS API; Cohere\'s trust centre lists no HIPAA item (re-searched 2026-12-03). Private deployments and cloud partners (Bedrock, Azure, OCI, SageMaker) run under those platforms\' terms.',
      sources: [TRUST_CENTER, APT],
    },
    soc2Type2: {
      value: true,
      note: 'Cohere\'s trust centre states an annual SOC 2 Type II audit; the report is shared under a mutual NDA.',
      sources: [TRUST_CENTER, APT],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Cohere\'s own pages: a third party reports ISO/IEC 27001 on the trust centre, but the trust-centre page read (2026-12-03) lists SOC 2 Type II, GDPR and CCPA only.',
      sources: [TRUST_CENTER, APT],
    },
    iso42001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Cohere\'s own pages: a third party reports ISO/IEC 42001 on the trust centre, but the trust-centre page read (2026-12-03) lists SOC 2 Type II, GDPR and CCPA only.',
      sources: [TRUST_CENTER, APT],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN until the Commission\'s signatory list is read: several third parties (backfield.net, aicompliancevendors.com, legislogiq) list Cohere as a full signatory; one third-party table (casrai) omits it.',
      sources: [GPAI_EC_INVITE, GPAI_BACKFIELD, GPAI_AICV, GPAI_LEGISLOGIQ],
    },
    euResidency: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN, and none found: no EU option for the hosted SaaS API was found (a third party reports it is hosted in the US). EU pinning is possible with private deployments or via cloud partners, where, per Cohere\'s data usage policy, Cohere receives no customer inputs or outputs.',
      sources: [DATA_USAGE, APT],
    },
    trainingOnDataByDefault: {
      value: true,
      note: 'SaaS prompts and generations may be used for training unless the customer opts out in dashboard Data Controls.',
      sources: [DATA_USAGE],
    },
    retentionDefault: {
      value: 'Logged prompts and generations deleted after 30 days unless required by law or contract or flagged for misuse; zero data retention is enterprise/sales-gated.',
      sources: [DATA_USAGE, APT],
    },
  },
  clients: [
    {
      id: 'cohere-python',
      languages: ['python'],
      callees: ['cohere.ClientV2', 'cohere.Client', 'cohere.AsyncClientV2', 'cohere.AsyncClient', 'ClientV2', 'AsyncClientV2'],
      packages: ['cohere'],
      options: { url: ['base_url'] },
      env: { url: ['CO_API_URL'] },
      defaults: { host: 'api.cohere.com' },
      note: 'BedrockClientV2, SagemakerClient and OciClient in the same package go to the cloud partner, not Cohere.',
      sources: [PY_ENV, CREATE_CLIENT],
    },
    {
      id: 'cohere-js',
      languages: ['js'],
      callees: ['CohereClientV2', 'CohereClient'],
      packages: ['cohere-ai'],
      options: { url: ['environment', 'baseUrl'] },
      defaults: { host: 'api.cohere.com' },
      sources: [CREATE_CLIENT],
    },
    {
      id: 'vercel-ai-cohere',
      languages: ['js'],
      callees: ['createCohere', 'cohere'],
      packages: ['@ai-sdk/cohere'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.cohere.com' },
      sources: [VERCEL],
    },
    {
      id: 'langchaingo-cohere',
      languages: ['go'],
      callees: ['cohere.New'],
      packages: ['github.com/tmc/langchaingo/llms/cohere'],
      options: { url: ['WithBaseURL'], model: ['WithModel'] },
      env: { url: ['COHERE_BASE_URL'] },
      defaults: { host: 'api.cohere.ai', baseUrl: 'https://api.cohere.ai' },
      note: 'langchaingo: WithBaseURL, else COHERE_BASE_URL, else https://api.cohere.ai (the legacy hostname).',
      sources: [LANGCHAINGO, LANGCHAINGO_CLIENT],
    },
  ],
  env: [
    { name: 'CO_API_URL', kind: 'url', specific: true, sources: [PY_ENV] },
    { name: 'COHERE_BASE_URL', kind: 'url', specific: true, sources: [LANGCHAINGO] },
  ],
  euSwap: {
    advice:
      'The Cohere SaaS API has no EU option: use Cohere models on a cloud partner in an EU region (e.g. Amazon Bedrock eu-central-1, Azure in an EU region) or a private deployment.',
    sources: [DATA_USAGE],
  },
};
