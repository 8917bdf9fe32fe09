import type { Provider } from '../../types';
import {
  CHECKED_TODAY,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_LEGISLOGIQ,
  RESEARCH_SNAPSHOT,
  gh,
  src,
} from '../common';

const DATA_USAGE = src('https://cohere.com/data-usage-policy', CHECKED_TODAY);
const APT = src('https://aiprovidertrust.com/offerings/cohere-api/', CHECKED_TODAY, true);
const CREATE_CLIENT = src('https://docs.cohere.com/docs/create-client', RESEARCH_SNAPSHOT);
const PY_ENV = gh('cohere-ai/cohere-python', 'bc495daa', 'src/cohere/environment.py', '2026-08-19');
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/cohere/src/cohere-provider.ts', '2026-08-22');

export const provider: Provider = {
  id: 'cohere',
  name: 'Cohere API (SaaS platform)',
  kind: 'model-developer',
  operator: 'Cohere',
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
      value: 'not-available',
      uncertain: true,
      note: 'Not for the hosted SaaS API: a third party reports that Cohere\'s BAA only covers custom model development. Private deployments and cloud partners (Bedrock, Azure, OCI, SageMaker) run under those platforms\' terms.',
      sources: [APT],
    },
    soc2Type2: {
      value: true,
      uncertain: true,
      note: 'Annual SOC 2 Type II audit per Cohere\'s trust center (trustcenter.cohere.com) and cohere.com/security as reported by a third party; report under mutual NDA.',
      sources: [APT],
    },
    iso27001: {
      value: true,
      uncertain: true,
      note: 'ISO/IEC 27001 listed on the trust center per a third party.',
      sources: [APT],
    },
    iso42001: {
      value: true,
      uncertain: true,
      note: 'ISO/IEC 42001 listed on the trust center per a third party.',
      sources: [APT],
    },
    euAiActGpai: {
      value: 'signatory',
      uncertain: true,
      note: 'Listed as a full signatory by several third parties (backfield.net, aicompliancevendors.com, legislogiq); one third-party table (casrai) omits Cohere. Commission list not re-read.',
      sources: [GPAI_BACKFIELD, GPAI_AICV, GPAI_LEGISLOGIQ],
    },
    euResidency: {
      value: false,
      uncertain: true,
      note: 'No EU option on the hosted SaaS API. EU pinning only with private deployments or via cloud partners, where Cohere receives no customer inputs or outputs.',
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
  ],
  env: [{ name: 'CO_API_URL', kind: 'url', specific: true, sources: [PY_ENV] }],
  euSwap: {
    advice:
      'The Cohere SaaS API has no EU option: use Cohere models on a cloud partner in an EU region (e.g. Amazon Bedrock eu-central-1, Azure in an EU region) or a private deployment.',
    sources: [DATA_USAGE],
  },
};
