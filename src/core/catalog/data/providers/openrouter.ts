import type { Provider } from '../../types';
import { EEA } from '../../zones';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, src } from '../common';

const IRR = src('https://www.openrouter.ai/docs/guides/features/in-region-routing.md', CHECKED_TODAY);
const BUSINESS_EU = src('https://openrouter.ai/ja/business/eu', CHECKED_TODAY);
const ZDR = src('https://openrouter.ai/docs/guides/privacy/zdr', CHECKED_TODAY);
const ZDR_TIERS = src('https://openrouter.ai/docs/guides/privacy/zero-data-retention', CHECKED_TODAY);
const LOGGING = src('https://www.openrouter.ai/docs/guides/privacy/provider-logging.md', CHECKED_TODAY);
const SOVEREIGN = src('https://openrouter.ai/docs/guides/features/sovereign-ai.md', RESEARCH_SNAPSHOT);
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/openai/openrouter_httprr_test.go', '2026-01-11');

export const provider: Provider = {
  id: 'openrouter',
  name: 'OpenRouter',
  kind: 'router',
  operator: 'OpenRouter',
  vendorDomains: ['openrouter.ai', 'github.com/OpenRouterTeam'],
  hosts: [
    {
      pattern: 'openrouter.ai',
      location: 'global',
      note: 'Router (https://openrouter.ai/api/v1): requests go to upstream providers whose own policies govern retention and training.',
      sources: [IRR, ZDR],
    },
    {
      pattern: 'eu.openrouter.ai',
      location: 'eu',
      note: 'In-region routing (Business/Enterprise plans): prompts and completions are decrypted in the EU and routed only to European shared provider endpoints (EU/EEA, UK, Switzerland); requests fail rather than leave the region. Account and billing metadata are not regional; BYOK requests go to your own deployment\'s region.',
      sources: [IRR, BUSINESS_EU],
    },
    {
      pattern: 'us.openrouter.ai',
      location: 'us',
      note: 'US in-region routing (Business/Enterprise).',
      sources: [IRR],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'OpenRouter global routing',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Upstream provider and region depend on routing.',
      sources: [IRR],
    },
    {
      id: 'eu',
      name: 'Europe in-region routing (EU/EEA, UK, Switzerland)',
      jurisdiction: 'EEA+UK+CH',
      countries: [...EEA, 'GB', 'CH'],
      euResident: false,
      note: 'Not EU-only: requests go to provider endpoints in the EU/EEA, the UK and Switzerland, so the zone passes `residency: eu-adequacy`, not `eu` or `eea`. Business/Enterprise plans only.',
      sources: [IRR, BUSINESS_EU],
    },
    { id: 'us', name: 'United States in-region routing', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [IRR] },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN: no BAA offer found. OpenRouter\'s data-policy pages (zero data retention, provider logging) do not mention a BAA or HIPAA; absence of an offer is not a refusal. The upstream provider determines the actual exposure.',
      sources: [ZDR, LOGGING],
    },
    soc2Type2: { value: null, note: 'Not covered by the research.', sources: [ZDR] },
    iso27001: { value: null, note: 'Not covered by the research.', sources: [ZDR] },
    iso42001: { value: null, note: 'Not covered by the research.', sources: [ZDR] },
    euAiActGpai: {
      value: null,
      note: 'OpenRouter is a router, not a model developer: the GPAI status follows the developer of the model requested (e.g. anthropic/... -> Anthropic signed; meta-llama/... -> Meta refused).',
      sources: [ZDR],
    },
    euResidency: {
      value: true,
      options: ['eu.openrouter.ai (Business/Enterprise plans)'],
      note: 'The European zone includes the UK and Switzerland, not only EU/EEA; account and billing metadata stay non-regional.',
      sources: [IRR, BUSINESS_EU, SOVEREIGN],
    },
    trainingOnDataByDefault: {
      value: null,
      note: 'Depends on the upstream endpoint: some endpoints may train on prompts; endpoints with an unknown policy are assumed to retain and train. Restrict with provider.data_collection="deny" / zdr=true or account privacy settings.',
      sources: [ZDR, LOGGING],
    },
    retentionDefault: {
      value: null,
      note: 'Depends on the upstream endpoint (ZDR, Safety Retention or retaining endpoints); ZDR does not cover plugins/tools such as web search; from 2026-10-27 all traffic, including ZDR, is screened in flight for CSAM and flagged content may be retained.',
      sources: [ZDR, ZDR_TIERS, LOGGING],
    },
  },
  clients: [
    {
      id: 'openrouter-sdk',
      languages: ['js'],
      callees: ['OpenRouter'],
      packages: ['@openrouter/sdk'],
      options: { url: ['serverURL'] },
      defaults: { host: 'openrouter.ai', baseUrl: 'https://openrouter.ai/api/v1' },
      note: 'Most code uses the OpenAI SDK with base_url https://openrouter.ai/api/v1: the host decides.',
      sources: [IRR, LANGCHAINGO],
    },
  ],
  env: [],
  euSwap: {
    hosts: { 'openrouter.ai': 'eu.openrouter.ai' },
    advice:
      'Send EU workloads to https://eu.openrouter.ai/api/v1 (Business/Enterprise plans); the zone also includes UK and Swiss endpoints, and requests fail rather than leave it.',
    sources: [IRR, BUSINESS_EU],
  },
  notes: [
    'Compliance depends on the provider routing fields: flag requests without provider.zdr=true / data_collection="deny" / only=[...] when the policy requires it.',
  ],
};
