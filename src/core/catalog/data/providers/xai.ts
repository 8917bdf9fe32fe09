import type { Provider } from '../../types';
import { CHECKED_TODAY, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_DIGINTO, GPAI_EC_INVITE, gh, src } from '../common';

const REGIONS_OLD = src('https://docs.x.ai/developers/regions.md', CHECKED_TODAY);
const REGIONS_NEW = src('https://docs.x.ai/developers/advanced-api-usage/regions.md', CHECKED_TODAY);
const ENTERPRISE_FAQ = src('https://x.ai/legal/enterprise/faq', CHECKED_TODAY);
const SECURITY_FAQ = src('https://docs.x.ai/docs/resources/faq-api/security', CHECKED_TODAY);
const SECURITY_FAQ_NEW = src('https://docs.x.ai/developers/faq/security', CHECKED_TODAY);
const DPA = src('https://x.ai/legal/data-processing-addendum', CHECKED_TODAY);
const APT = src('https://aiprovidertrust.com/offerings/xai-api/', CHECKED_TODAY, true);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/xai/src/xai-provider.ts', '2026-08-22');

export const provider: Provider = {
  id: 'xai',
  name: 'xAI Grok API',
  kind: 'model-developer',
  operator: 'xAI',
  vendorDomains: ['x.ai', 'github.com/xai-org'],
  hosts: [
    {
      pattern: 'api.x.ai',
      location: 'global',
      note: 'Global endpoint: requests may be routed between regions; processing location not guaranteed.',
      sources: [REGIONS_NEW, REGIONS_OLD],
    },
    {
      pattern: 'us.api.x.ai',
      location: 'us',
      note: 'US regional endpoint: request handling, inference, moderation and retained request data in the US; not Files, Collections or server-side tools. Limited model set, +10% price.',
      sources: [REGIONS_NEW],
    },
    {
      pattern: 'us-east-1.api.x.ai',
      location: 'us',
      note: 'Regional endpoint form <region>.api.x.ai from the older regions doc (fails rather than leave the region).',
      sources: [REGIONS_OLD],
    },
    {
      pattern: 'eu-west-1.api.x.ai',
      location: 'eu-west-1',
      note: 'Described in the older regions doc; absent from the newest doc, which documents only the US endpoint.',
      sources: [REGIONS_OLD, REGIONS_NEW],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'xAI global routing',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'The DPA allows transfers to the US and other countries.',
      sources: [REGIONS_NEW, DPA],
    },
    { id: 'us', name: 'United States', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [REGIONS_NEW, REGIONS_OLD] },
    {
      id: 'eu-west-1',
      name: 'eu-west-1 (Ireland) regional endpoint',
      jurisdiction: 'EU',
      countries: null,
      euResident: null,
      note: 'UNCERTAIN: the older doc says requests to eu-west-1.api.x.ai are processed in eu-west-1 or fail; the newest doc lists only a US endpoint and says at-rest residency needs a sales agreement. Current availability unconfirmed.',
      sources: [REGIONS_OLD, REGIONS_NEW],
    },
  ],
  posture: {
    baa: {
      value: 'case-by-case',
      note: '"Under some circumstances we can support HIPAA workloads; some custom work may be required." A BAA questionnaire is the entry point.',
      uncertain: true,
      sources: [ENTERPRISE_FAQ, SECURITY_FAQ],
    },
    soc2Type2: {
      value: true,
      note: 'xAI states "We are SOC 2 Type 2 compliant"; the report is available under NDA via trust.x.ai.',
      sources: [SECURITY_FAQ, APT],
    },
    iso27001: {
      value: null,
      note: 'No public ISO/IEC 27001 evidence (third-party check 2026-07-05); may exist behind the NDA-gated trust center.',
      sources: [APT],
    },
    iso42001: {
      value: null,
      note: 'No public ISO/IEC 42001 evidence (third-party check 2026-07-05).',
      sources: [APT],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN until the Commission\'s signatory list is read: third-party reports of the list say xAI signed only the Safety and Security chapter and must show Transparency and Copyright compliance by other means.',
      sources: [GPAI_EC_INVITE, GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI],
    },
    euResidency: {
      value: null,
      note: 'UNCERTAIN: an EU regional endpoint (eu-west-1.api.x.ai) appears in an older doc but not in the newest, US-only regional doc.',
      sources: [REGIONS_OLD, REGIONS_NEW],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'xAI does not use business inputs or outputs to train models (free credits may be offered in exchange for training permission).',
      vendorStatement: 'xAI does not train its models on business customers\' inputs or outputs without permission.',
      sources: [ENTERPRISE_FAQ, SECURITY_FAQ_NEW],
    },
    retentionDefault: {
      value: 'API requests and responses stored 30 days for abuse audits, then deleted (unless legally required or flagged). Zero data retention is an enterprise feature.',
      sources: [ENTERPRISE_FAQ, SECURITY_FAQ_NEW],
    },
  },
  clients: [
    {
      id: 'xai-sdk',
      languages: ['python'],
      callees: ['xai_sdk.Client'],
      packages: ['xai-sdk'],
      options: { url: ['api_host'] },
      defaults: { host: 'api.x.ai' },
      note: 'api_host takes a bare host without scheme (e.g. "us.api.x.ai").',
      sources: [REGIONS_NEW, REGIONS_OLD],
    },
    {
      id: 'vercel-ai-xai',
      languages: ['js'],
      callees: ['createXai', 'xai'],
      packages: ['@ai-sdk/xai'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.x.ai' },
      sources: [VERCEL, REGIONS_NEW],
    },
  ],
  env: [],
  euSwap: {
    advice:
      'xAI documents no current EU-pinned endpoint (only us.api.x.ai); for EU-only workloads use a model with an EU option, or confirm eu-west-1.api.x.ai availability and at-rest residency with xAI sales.',
    sources: [REGIONS_NEW, REGIONS_OLD],
  },
};
