import type { Provider } from '../../types';
import { EEA } from '../../zones';
import {
  CHECKED_TODAY,
  CHECKED_VENDOR_REVIEW,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_CASRAI,
  GPAI_DIGINTO,
  GPAI_EC_INVITE,
  GPAI_SIGNATORY_NOTE,
  RESEARCH_SNAPSHOT,
  gh,
  ghTree,
  src,
} from '../common';
import { SPRING_AI_MISTRAL_API } from '../spring-ai';
import { langchainJsSource } from '../partners';

const CODESTRAL_CONTINUE = src('https://docs.continue.dev/guides/set-up-codestral', CHECKED_TODAY, true);
const CODESTRAL_ROO = src('https://docs.roocode.com/providers/mistral', CHECKED_TODAY, true);
const REGIONAL = src('https://docs.mistral.ai/studio-api/regional-inference', CHECKED_TODAY);
const REGIONAL_MD = src('https://docs.mistral.ai/inference/regional-inference.md', CHECKED_TODAY);
const ZDR = src('https://docs.mistral.ai/admin/monitor-comply/zero-data-retention', CHECKED_TODAY);
const OTA = src('https://unlock-my-data.com/list-app/mistral', RESEARCH_SNAPSHOT, true);
const TRUST = src('https://trust.mistral.ai/', RESEARCH_SNAPSHOT);
// Mistral's help-centre collection: it lists the article "Do you have SOC2 or ISO27001 Certification?"
// (the article's text was not in the stored corpus).
const HELP_TRUST = src('https://help.mistral.ai/fr/collections/789666-trust-security-compliance', CHECKED_VENDOR_REVIEW);
const APT = src('https://aiprovidertrust.com/offerings/mistral-la-plateforme/', CHECKED_TODAY, true);

const PY_SDK = ghTree('mistralai/client-python', '05629d23', '2026-06-30');
const PY_SDK_LATER = gh(
  'mistralai/client-python',
  '07c3f6a6e56686b9a3e650b19fe9373ff9a474b6',
  'src/mistralai/client/sdkconfiguration.py',
  CHECKED_TODAY,
);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/mistral/src/mistral-provider.ts', '2026-08-22');
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/mistral/client_options.go', '2026-12-03');
const LANGCHAIN = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/mistralai/langchain_mistralai/chat_models.py',
  RESEARCH_SNAPSHOT,
);

export const provider: Provider = {
  id: 'mistral',
  name: 'Mistral AI API (La Plateforme / Mistral Studio)',
  kind: 'model-developer',
  operator: 'Mistral AI',
  vendorDomains: ['mistral.ai', 'github.com/mistralai'],
  hosts: [
    {
      pattern: 'api.mistral.ai',
      location: 'global',
      note: 'Global endpoint: no geography guarantee. Mistral added US infrastructure locations to its DPA on 2025-02-10; do not assume api.mistral.ai means EU.',
      sources: [REGIONAL, OTA],
    },
    {
      pattern: 'codestral.mistral.ai',
      location: 'global',
      note: 'Dedicated Codestral endpoint with its own API key, used by IDE plugins; not a regional endpoint.',
      sources: [CODESTRAL_CONTINUE, CODESTRAL_ROO],
    },
    {
      pattern: 'api.eu.mistral.ai',
      location: 'eu',
      note: 'EU regional inference (multiple data centers in EU/EFTA countries), 1.1x price. Control-plane data (keys, billing, analytics) is not regional.',
      sources: [REGIONAL, REGIONAL_MD],
    },
    {
      pattern: 'api.us.mistral.ai',
      location: 'us',
      note: 'US regional inference (listed as "coming soon" in one doc version).',
      sources: [REGIONAL, REGIONAL_MD],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Mistral global endpoint',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'No geography guarantee; the DPA lists US infrastructure since 2025-02-10.',
      sources: [REGIONAL, OTA],
    },
    {
      id: 'eu',
      name: 'EU/EFTA regional inference',
      jurisdiction: 'EU/EFTA',
      countries: [...EEA, 'CH'],
      euResident: false,
      note: 'Not EU-only: inference inputs and outputs are processed in data centers in EU/EFTA countries (EFTA: Iceland, Liechtenstein, Norway, Switzerland; Mistral does not say which), so the zone passes `residency: eu-adequacy`, not `eu` or `eea`. Account, billing and usage metadata are not regional.',
      sources: [REGIONAL, REGIONAL_MD],
    },
    { id: 'us', name: 'United States regional inference', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [REGIONAL] },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN: no Mistral page offers or refuses a HIPAA BAA for its own API (none found in its help centre\'s trust collection; re-searched 2026-12-03), and third parties report "no public evidence" of one. Absence of an offer is not a refusal. Mistral models are also served by Amazon Bedrock, Azure and Vertex AI under those clouds\' terms.',
      sources: [HELP_TRUST, APT],
    },
    soc2Type2: {
      value: true,
      note: 'Mistral\'s trust centre (read for the research) and help center state SOC 2 Type II; the report is gated behind trust.mistral.ai.',
      sources: [TRUST, HELP_TRUST, APT],
    },
    iso27001: {
      value: true,
      note: 'ISO 27001 and 27701 per Mistral\'s trust centre (read for the research) and help center; certificate gated behind trust.mistral.ai.',
      sources: [TRUST, HELP_TRUST, APT],
    },
    iso42001: {
      value: null,
      note: 'No ISO/IEC 42001 claim found on help.mistral.ai, trust.mistral.ai or mistral.ai (third-party check, 2026-07-05); absence of evidence, not a confirmed "no".',
      sources: [APT],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: GPAI_SIGNATORY_NOTE,
      sources: [GPAI_EC_INVITE, GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_AICV],
    },
    euResidency: {
      value: true,
      options: ['api.eu.mistral.ai (server_url="https://api.eu.mistral.ai")'],
      note: 'EU/EFTA regional inference at 1.1x price; control-plane data not regional. In mistralai SDK 2.5.1 server="eu" maps to the global host api.mistral.ai; later SDK versions map it to api.eu.mistral.ai: use server_url or check the SDK version.',
      sources: [REGIONAL, REGIONAL_MD, PY_SDK, PY_SDK_LATER],
    },
    trainingOnDataByDefault: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Mistral\'s own pages as read here: third parties report that paid API usage is not used for training while free-tier API usage is opted into training by default. Mistral\'s help centre has articles on training opt-out (not read). Treat as may-train on the free tier.',
      sources: [HELP_TRUST, APT],
    },
    retentionDefault: {
      value: '30 days for abuse monitoring (since 2024-05-22); Zero Data Retention on paid plans for supported stateless endpoints (chat/fim completions, embeddings, moderations, classifications, OCR, audio), not for stateful products.',
      uncertain: true,
      note: 'The 30-day figure comes from the Open Terms Archive record of Mistral\'s terms; the ZDR scope from Mistral\'s docs.',
      sources: [ZDR, OTA],
    },
  },
  clients: [
    {
      id: 'mistralai-sdk',
      languages: ['python', 'js'],
      callees: ['Mistral'],
      packages: ['mistralai', '@mistralai/mistralai'],
      options: { url: ['server_url', 'serverURL'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      note: 'server="eu" is version-dependent, so it is not listed as a region option: in mistralai 2.5.1 SERVERS maps "eu" to the global https://api.mistral.ai, while a later stored SDK version maps "eu" to https://api.eu.mistral.ai (and "us" to api.us.mistral.ai). Check the installed SDK version; server_url decides unambiguously. Default server is global.',
      sources: [PY_SDK, PY_SDK_LATER, REGIONAL],
    },
    {
      id: 'vercel-ai-mistral',
      languages: ['js'],
      callees: ['createMistral', 'mistral'],
      packages: ['@ai-sdk/mistral'],
      options: { url: ['baseURL'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai/v1' },
      note: 'Default base URL https://api.mistral.ai/v1; mistral(...) is the default instance.',
      sources: [VERCEL],
    },
    {
      id: 'langchain-mistralai',
      languages: ['python', 'js'],
      callees: ['ChatMistralAI', 'MistralAIEmbeddings'],
      packages: ['langchain-mistralai', '@langchain/mistralai'],
      options: { url: ['endpoint', 'base_url', 'serverURL'], model: ['model'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai/v1' },
      sources: [LANGCHAIN, langchainJsSource('langchain-mistralai/src/chat_models.ts')],
    },
    {
      id: 'spring-ai-mistral',
      languages: ['java'],
      callees: ['MistralAiApi.builder', 'MistralAiApi'],
      packages: ['org.springframework.ai:spring-ai-mistral-ai', 'org.springframework.ai.mistralai'],
      options: { url: ['baseUrl', '$0'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      note: 'Spring AI: MistralAiApi.builder().baseUrl(...) (or new MistralAiApi(baseUrl, apiKey)); without a base URL, https://api.mistral.ai.',
      sources: [SPRING_AI_MISTRAL_API],
    },
    {
      id: 'langchaingo-mistral',
      languages: ['go'],
      callees: ['mistral.New'],
      packages: ['github.com/tmc/langchaingo/llms/mistral'],
      options: { url: ['WithEndpoint'], model: ['WithModel'] },
      defaults: { host: 'api.mistral.ai', baseUrl: 'https://api.mistral.ai' },
      note: 'langchaingo: WithEndpoint sets the API endpoint; the default is the mistral-go client\'s https://api.mistral.ai (global, not the EU host).',
      sources: [LANGCHAINGO],
    },
  ],
  env: [],
  euSwap: {
    hosts: { 'api.mistral.ai': 'api.eu.mistral.ai' },
    advice:
      'Set server_url="https://api.eu.mistral.ai" (EU/EFTA regional inference, 1.1x price); server="eu" points at the global host on older SDKs such as 2.5.1.',
    sources: [REGIONAL, PY_SDK, PY_SDK_LATER],
  },
};
