import type { Provider } from '../../types';
import { CHECKED_TODAY, GPAI_BACKFIELD, gh, src } from '../common';

// Vercel docs (stored copies; last_updated dates as given by the research).
const REGIONAL_HOSTING = src('https://vercel.com/docs/ai-gateway/security-and-compliance/regional-hosting', CHECKED_TODAY);
const REGIONAL_INFERENCE = src('https://vercel.com/docs/ai-gateway/security-and-compliance/regional-inference', CHECKED_TODAY);
const ZDR_DOC = src('https://vercel.com/docs/ai-gateway/security-and-compliance/zdr', CHECKED_TODAY);
const ZDR_PLANS = src('https://vercel.com/docs/ai-gateway/zero-data-retention', CHECKED_TODAY);
const ZDR_CHANGELOG = src('https://vercel.com/changelog/zero-data-retention-no-prompt-training-on-ai-gateway', CHECKED_TODAY);
const OPENAI_COMPAT = src('https://vercel.com/docs/ai-gateway/sdks-and-apis/openai-chat-completions', CHECKED_TODAY);
const PROVIDER_OPTIONS = src('https://vercel.com/docs/ai-gateway/models-and-providers/provider-options.md', CHECKED_TODAY);
const AI_POLICY = src('https://v0.app/policy', CHECKED_TODAY);
const DPA = src('https://vercel.com/legal/dpa', CHECKED_TODAY);
// A Vercel community thread: a user quoting the AI Product Terms and a Vercel staff reply.
// A community-forum thread: a Vercel staff reply there is not Vercel's published word.
const COMMUNITY_BYOK = src('https://community.vercel.com/t/clarify-byok-usage-in-ai-gateway-terms/20863', CHECKED_TODAY, true);

// The hipaaCompliant routing option: added, then removed as never finished on the service side.
const HIPAA_PR = src('https://github.com/vercel/ai/pull/13614', CHECKED_TODAY);
const HIPAA_REMOVAL = src('https://github.com/vercel/ai/commit/1fec2e5819', CHECKED_TODAY);

// Third parties.
const HIPAA_BLOG_3P = src('https://gautamkhorana.com/blog/hipaa-compliant-supabase-vercel-2026/', CHECKED_TODAY, true);
const TRUST_PROBE_3P = src(
  'https://raw.githubusercontent.com/api-evangelist/vercel/refs/heads/main/security/vercel-trust-center.yml',
  CHECKED_TODAY,
  true,
);
const APIO_3P = src('https://apio.sh/api/data/apis/vercel-ai-gateway', CHECKED_TODAY, true);
const INFERCHECK_3P = src('https://infercheck.eu/en/provider/vercel-ai-gateway', CHECKED_TODAY, true);

// vercel/ai snapshot ed857f50 (2026-08-22): @ai-sdk/gateway 4.0.62, ai 7.0.77.
const SNAPSHOT = '2026-08-22';
const SDK_GATEWAY = gh('vercel/ai', 'ed857f50', 'packages/gateway/src/gateway-provider.ts', SNAPSHOT);
const SDK_GATEWAY_OPTIONS = gh('vercel/ai', 'ed857f50', 'packages/gateway/src/gateway-provider-options.ts', SNAPSHOT);
const SDK_DOC = gh('vercel/ai', 'ed857f50', 'content/providers/01-ai-sdk-providers/00-ai-gateway.mdx', SNAPSHOT);
const SDK_RESOLVE_MODEL = gh('vercel/ai', 'ed857f50', 'packages/ai/src/model/resolve-model.ts', SNAPSHOT);
const SDK_RESOLVE_MODEL_V5 = gh('vercel/ai', 'ai@5.0.0', 'packages/ai/src/prompt/resolve-language-model.ts', CHECKED_TODAY);
const HARNESS_CODEX = gh('vercel/ai', 'ed857f50', 'packages/harness-codex/src/codex-auth.ts', SNAPSHOT);
const HARNESS_ACP = gh('vercel/ai', 'ed857f50', 'packages/harness-acp/src/acp-auth.ts', SNAPSHOT);

const UPSTREAM_NOTE =
  'Router: requests go to the upstream provider of the model requested (openai/... -> OpenAI, anthropic/... -> Anthropic or a cloud that serves it), whose own terms govern retention and training unless restricted with providerOptions.gateway (zeroDataRetention, disallowPromptTraining, only/order).';

export const provider: Provider = {
  id: 'vercel-ai-gateway',
  name: 'Vercel AI Gateway',
  kind: 'router',
  operator: 'Vercel',
  vendorDomains: ['vercel.com', 'vercel.sh', 'v0.app', 'github.com/vercel'],
  hosts: [
    {
      pattern: 'ai-gateway.vercel.sh',
      location: 'global',
      note: `AI SDK protocol at /v1/ai, /v3/ai or /v4/ai (by @ai-sdk/gateway major), and an OpenAI-compatible API at /v1. The Vercel data center nearest the caller receives the request. ${UPSTREAM_NOTE}`,
      sources: [REGIONAL_HOSTING, OPENAI_COMPAT, SDK_GATEWAY, PROVIDER_OPTIONS],
    },
    {
      pattern: 'eu.ai-gateway.vercel.sh',
      location: 'eu',
      note: 'Regional hosting (beta): the request is received and decrypted in the EU. Where the upstream provider processes it is not pinned by this host: that needs providerOptions.gateway.inferenceRegion.',
      sources: [REGIONAL_HOSTING, REGIONAL_INFERENCE],
    },
    {
      pattern: 'us.ai-gateway.vercel.sh',
      location: 'us',
      note: 'Regional hosting (beta): the request is received and decrypted in the United States.',
      sources: [REGIONAL_HOSTING],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Vercel AI Gateway (nearest Vercel data center, then any upstream provider)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'The nearest Vercel data center receives the request; the upstream provider and its region depend on routing.',
      sources: [REGIONAL_HOSTING, REGIONAL_INFERENCE],
    },
    {
      id: 'eu',
      name: 'Vercel AI Gateway EU regional hosting (beta)',
      jurisdiction: 'EU',
      countries: null,
      euResident: null,
      note: 'UNCERTAIN: eu.ai-gateway.vercel.sh (beta) only keeps ingress and decryption in the EU. Upstream inference stays in a chosen region only with providerOptions.gateway.inferenceRegion, where the provider supports it; the accepted region values were not verified. Vercel\'s DPA says its backups are globally replicated.',
      sources: [REGIONAL_HOSTING, REGIONAL_INFERENCE, DPA],
    },
    {
      id: 'us',
      name: 'Vercel AI Gateway US regional hosting (beta)',
      jurisdiction: 'US',
      countries: ['US'],
      euResident: false,
      sources: [REGIONAL_HOSTING],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN whether a Vercel BAA covers AI Gateway. @ai-sdk/gateway added a hipaaCompliant routing option on 2026-04-03 ("requires Vercel HIPAA BAA add on") and removed it on 2026-07-20 because "the feature was never finished on the Gateway service side"; no live HIPAA routing control was found. Vercel offers a platform HIPAA BAA, but sources disagree on the plans (Enterprise, or a Pro add-on per a third-party blog). Upstream providers would need their own BAA coverage.',
      sources: [HIPAA_REMOVAL, HIPAA_PR, HIPAA_BLOG_3P, TRUST_PROBE_3P],
    },
    soc2Type2: {
      value: null,
      uncertain: true,
      note: 'Third parties report that Vercel (the platform) holds a SOC 2 Type 2 attestation, and one API catalog says AI Gateway does; Vercel\'s compliance page was not read, and whether AI Gateway is in the audit scope is unknown.',
      sources: [TRUST_PROBE_3P, APIO_3P],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'Third parties report ISO 27001 (2022) for Vercel (the platform), and one API catalog says AI Gateway holds it; Vercel\'s compliance page was not read, and whether AI Gateway is in the certificate scope is unknown.',
      sources: [TRUST_PROBE_3P, APIO_3P],
    },
    iso42001: {
      value: null,
      note: 'No source found for ISO/IEC 42001 for Vercel or AI Gateway.',
      sources: [TRUST_PROBE_3P],
    },
    euAiActGpai: {
      value: null,
      note: 'Vercel AI Gateway is a router, not a model developer: the GPAI status follows the developer of the model requested (e.g. Anthropic signed; Meta refused for Llama). No Vercel statement on the Code of Practice was found.',
      sources: [INFERCHECK_3P, SDK_DOC, GPAI_BACKFIELD],
    },
    euResidency: {
      value: null,
      uncertain: true,
      options: [
        'eu.ai-gateway.vercel.sh (regional hosting, beta): ingress and decryption in the EU',
        'providerOptions.gateway.inferenceRegion (per request, where the provider supports it; the request fails rather than run elsewhere)',
      ],
      note: 'UNCERTAIN: the EU host only pins ingress and is beta; the inferenceRegion values (and whether an EU value exists for a given model, or is honoured for BYOK) were not verified; Vercel\'s backups are globally replicated. An older Vercel listing said AI Gateway had no region-specific residency controls for provider inference; the regional-inference doc (2026-07-24) supersedes it.',
      sources: [REGIONAL_HOSTING, REGIONAL_INFERENCE, DPA],
    },
    trainingOnDataByDefault: {
      value: null,
      uncertain: true,
      note: 'Vercel itself: a Vercel staff reply says Vercel does not train on AI Gateway data for any tier (not contractual); the AI Product Terms, as quoted by a user, promise it only for Enterprise AI Gateway subscriptions. Upstream providers: their own terms apply unless the request sets providerOptions.gateway.disallowPromptTraining (free, all users) or zeroDataRetention. Treat as may-train until restricted.',
      sources: [COMMUNITY_BYOK, AI_POLICY, SDK_GATEWAY_OPTIONS, ZDR_CHANGELOG],
    },
    retentionDefault: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN: no page found stating how long Vercel keeps AI Gateway request logs or bodies (AI Gateway has a Request Logs feature). Upstream retention follows each provider unless zero data retention is on: per request with providerOptions.gateway.zeroDataRetention=true, or team-wide (paid per 1,000 requests), on Pro and Enterprise teams and teams that bought AI Gateway credits. With ZDR, BYOK credentials are skipped unless marked ZDR, and the request fails if no ZDR-eligible credentials exist (one third-party remark says ZDR fails open for excluded models; not confirmed).',
      sources: [ZDR_DOC, ZDR_PLANS, ZDR_CHANGELOG, SDK_GATEWAY_OPTIONS],
    },
  },
  clients: [
    {
      id: 'vercel-ai-gateway-factory',
      languages: ['js'],
      callees: ['createGateway', 'createGatewayProvider'],
      packages: ['@ai-sdk/gateway', 'ai'],
      options: { url: ['baseURL'] },
      defaults: { host: 'ai-gateway.vercel.sh' },
      note: 'createGateway({ baseURL }) (createGatewayProvider in older code; also re-exported by ai >= 5.0.36). The default base URL depends on the @ai-sdk/gateway major: https://ai-gateway.vercel.sh/v1/ai (1.x, 2.x), /v3/ai (3.x, whose JSDoc still says /v1/ai), /v4/ai (4.x); so no single default is recorded. The SDK reads no base-URL env variable (AI_GATEWAY_BASE_URL is only a convention); it authenticates with AI_GATEWAY_API_KEY or a Vercel OIDC token.',
      sources: [SDK_GATEWAY, SDK_DOC],
    },
    {
      id: 'vercel-ai-gateway-default',
      languages: ['js'],
      callees: ['gateway', 'gateway.languageModel', 'gateway.textEmbeddingModel'],
      packages: ['@ai-sdk/gateway'],
      options: {},
      defaults: { host: 'ai-gateway.vercel.sh' },
      // Not 'ai' here: with dotted callees the packages become prefilter anchors, and "ai" matches nearly every file.
      note: 'The default gateway instance (also importable from ai >= 5.0.36: import { gateway } from "ai"); it always uses the default base URL.',
      sources: [SDK_GATEWAY, SDK_DOC],
    },
    {
      id: 'vercel-ai-sdk-string-model',
      languages: ['js'],
      callees: ['generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany'],
      requireOption: { name: 'model', oneOf: [], pattern: '^[a-z0-9-]+/[A-Za-z0-9._:-]+$' },
      packages: ['ai'],
      options: {},
      defaults: { host: 'ai-gateway.vercel.sh' },
      note: 'In AI SDK 5+ a plain string model id in creator/model form (model: "openai/gpt-4o") is resolved as (globalThis.AI_SDK_DEFAULT_PROVIDER ?? gateway).languageModel(model), so it goes to Vercel AI Gateway unless globalThis.AI_SDK_DEFAULT_PROVIDER is set to another provider somewhere in the app.',
      sources: [SDK_RESOLVE_MODEL, SDK_RESOLVE_MODEL_V5, SDK_DOC],
    },
  ],
  env: [{ name: 'AI_GATEWAY_BASE_URL', kind: 'url', specific: true, sources: [HARNESS_CODEX, HARNESS_ACP] }],
  euSwap: {
    advice:
      'For EU ingress call https://eu.ai-gateway.vercel.sh (regional hosting, beta) and pin upstream inference with providerOptions.gateway.inferenceRegion where the model\'s provider supports it (unverified values; requests then fail rather than run elsewhere), or call an EU endpoint of the model provider directly.',
    sources: [REGIONAL_HOSTING, REGIONAL_INFERENCE],
  },
  notes: [
    'Compliance depends on the request\'s providerOptions.gateway fields: flag gateway calls without zeroDataRetention: true / disallowPromptTraining: true / only: [...] when the policy requires it.',
  ],
};
