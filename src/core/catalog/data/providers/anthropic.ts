import type { Provider } from '../../types';
import {
  CHECKED_TODAY,
  CHECKED_VENDOR_REVIEW,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_CASRAI,
  GPAI_EC_INVITE,
  GPAI_LEGISLOGIQ,
  GPAI_SIGNATORY_NOTE,
  RESEARCH_SNAPSHOT,
  gh,
  ghTree,
  src,
} from '../common';
import { SPRING_AI_ANTHROPIC_API } from '../spring-ai';
import { langchainJsSource } from '../partners';

const LC4J_ANTHROPIC = src('https://docs.langchain4j.dev/integrations/language-models/anthropic', CHECKED_TODAY);
const JAVA_README = src('https://github.com/anthropics/anthropic-sdk-java/blob/main/README.md', CHECKED_TODAY);
const DATA_RESIDENCY = src('https://platform.claude.com/docs/en/manage-claude/data-residency', CHECKED_TODAY);
const API_RETENTION = src('https://platform.claude.com/docs/en/manage-claude/api-and-data-retention.md', CHECKED_TODAY);
// The HIPAA readiness section and its feature eligibility table ("HIPAA eligible" column),
// read 2026-12-03 in a stored copy of the page's Markdown.
const HIPAA_FEATURES = src('https://platform.claude.com/docs/en/manage-claude/api-and-data-retention#feature-eligibility', CHECKED_VENDOR_REVIEW);
// The Files API's beta header (anthropic-beta: files-api-2025-04-14).
const FILES_API_BETA = src('https://docs.anthropic.com/en/api/files-create', CHECKED_VENDOR_REVIEW);
// The computer use tool is a beta (anthropic-beta: computer-use-...); the AI SDK's helpers are computer_20241022, computer_20250124, ...
const COMPUTER_USE_TOOL = src('https://platform.claude.com/docs/en/agents-and-tools/tool-use/computer-use-tool', CHECKED_VENDOR_REVIEW);
const WEB_SEARCH_TOOL = src('https://platform.claude.com/docs/en/agents-and-tools/tool-use/web-search-tool', CHECKED_VENDOR_REVIEW);
// The AI SDK's Anthropic tool helpers (codeExecution_20250825, webFetch_20250910, webSearch_20260209, toolSearchRegex_20251119, ...).
const VERCEL_TOOLS = src('https://app.unpkg.com/@ai-sdk/anthropic@3.0.58/files/dist/index.mjs.map', CHECKED_VENDOR_REVIEW);
const PRIVACY_RETENTION = src(
  'https://privacy.anthropic.com/en/articles/7996866-how-long-do-you-store-personal-data',
  CHECKED_TODAY,
);
const PRIVACY_TRAINING = src(
  'https://privacy.claude.com/en/articles/7996875-can-you-delete-data-that-i-sent-via-api',
  CHECKED_TODAY,
);
const COVERED_MODELS = src('https://support.claude.com/en/articles/15455031', RESEARCH_SNAPSHOT);
const HIPAA_SETUP = src('https://code.claude.com/docs/en/hipaa-setup', RESEARCH_SNAPSHOT);
const CLAUDE_CODE_LEGAL = src('https://code.claude.com/docs/en/legal-and-compliance', CHECKED_TODAY);
const AWS_CLAUDE_PLATFORM = src(
  'https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency',
  RESEARCH_SNAPSHOT,
);
// Anthropic's own Privacy Center article on its certifications. It is the vendor's page, but it
// was never read here (not in the stored corpus, re-searched 2026-12-03): only third parties relay it.
const CERTS_PAGE_UNREAD = src('https://privacy.claude.com/en/articles/10015870', RESEARCH_SNAPSHOT);
const CERTS_3P = src('https://baeseokjae.github.io/posts/project-glasswing-guide-2026/', CHECKED_TODAY, true);
const CERTS_3P_B = src('https://www.swanum.com/vendor-brief/claude/', CHECKED_TODAY, true);
const CERTS_3P_EFROS = src('https://efros.com/research/us-ai-vendor-governance-index/anthropic-claude/', CHECKED_VENDOR_REVIEW, true);
const RETENTION_7D_3P = src(
  'https://dangerousrobot.org/research/sources/2025/claude-data-retention-policies-storage-rules-and-compliance-overview',
  CHECKED_TODAY,
  true,
);

const PY_CLIENT = gh('anthropics/anthropic-sdk-python', '009b0353', 'src/anthropic/_client.py', '2026-08-07');
const PY_LIB = ghTree('anthropics/anthropic-sdk-python', '009b0353', '2026-08-07');
const TS = ghTree('anthropics/anthropic-sdk-typescript', 'bfa9197f', '2026-08-19');
const GO = ghTree('anthropics/anthropic-sdk-go', 'b43f0d7', '2026-07-23');
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/anthropic/src/anthropic-provider.ts', '2026-08-22');
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/anthropic/internal/anthropicclient/anthropicclient.go', '2026-12-03');
const LANGCHAIN = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/anthropic/langchain_anthropic/chat_models.py',
  RESEARCH_SNAPSHOT,
);

export const provider: Provider = {
  id: 'anthropic',
  name: 'Anthropic Claude API',
  kind: 'model-developer',
  operator: 'Anthropic',
  vendorDomains: ['anthropic.com', 'claude.com', 'claude.ai', 'github.com/anthropics'],
  hosts: [
    {
      pattern: 'api.anthropic.com',
      location: 'global',
      note: 'First-party API. inference_geo "global" (default) or "us" only; there is no EU inference geography.',
      sources: [DATA_RESIDENCY, PY_CLIENT],
    },
    {
      pattern: 'aws-external-anthropic.*.api.aws',
      location: 'global',
      note: 'Claude Platform on AWS: Anthropic, not AWS, is the processor. The AWS region in the hostname is only the access point; inference geos are global or US only. Anthropic BAA scope for this surface is UNCERTAIN.',
      sources: [AWS_CLAUDE_PLATFORM, PY_LIB],
    },
    {
      pattern: 'claude.googleapis.com',
      location: 'global',
      note: 'Claude Models on Google Cloud (Anthropic-managed): Anthropic is the processor. The location sits in the URL path (default global); residency per location is UNCERTAIN.',
      sources: [PY_LIB],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Anthropic global inference',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'inference_geo "global" may run in any available geography; the only pinned alternative is "us".',
      sources: [DATA_RESIDENCY],
    },
  ],
  posture: {
    baa: {
      value: 'available',
      tier: 'HIPAA-ready first-party Claude API (sales-assisted) or HIPAA-ready Claude Enterprise',
      conditions: [
        'BAA signed with Anthropic; only HIPAA-ready configurations and the features the API and data retention page lists as HIPAA eligible are covered (not code execution, web fetch, the Files API, batches, ...: see baaExcludedFeatures); beta features generally are not.',
        'Does not apply to Claude bought through third-party clouds (Bedrock, Vertex AI, Microsoft Foundry): use that cloud\'s BAA.',
        '"Covered Models" (Mythos-class) require 30-day retention and cannot be used with ZDR.',
        'Claude Code is covered only with an executed BAA and Zero Data Retention enabled per organization; IDE extensions are not covered.',
      ],
      sources: [API_RETENTION, CLAUDE_CODE_LEGAL, COVERED_MODELS, HIPAA_SETUP],
    },
    soc2Type2: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Anthropic\'s own pages as read here: third parties relay Privacy Center article 10015870 and trust.anthropic.com as listing SOC 2 Type I and II (report under NDA); the article itself was not read.',
      sources: [CERTS_PAGE_UNREAD, CERTS_3P, CERTS_3P_B, CERTS_3P_EFROS],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Anthropic\'s own pages as read here: third parties relay ISO/IEC 27001:2022 from the Privacy Center / trust portal; the article itself was not read.',
      sources: [CERTS_PAGE_UNREAD, CERTS_3P, CERTS_3P_B, CERTS_3P_EFROS],
    },
    iso42001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN and CONFLICTING: third parties relay ISO/IEC 42001:2023 (certified by Schellman) from Privacy Center article 10015870, while EFROS reported no ISO/IEC 42001 attestation on the trust centre as of May 2026; the article itself was not read.',
      sources: [CERTS_PAGE_UNREAD, CERTS_3P, CERTS_3P_EFROS],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: `${GPAI_SIGNATORY_NOTE} Anthropic announced its intent to sign on 2025-07-21 (anthropic.com/news/eu-code-practice, as quoted by third parties).`,
      sources: [GPAI_EC_INVITE, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_AICV, GPAI_LEGISLOGIQ],
    },
    euResidency: {
      value: false,
      note: 'No first-party EU option: inference_geo is "global" or "us" (Opus/Sonnet 4.6 and later only), and workspace geo controls storage. For EU-only Claude use Amazon Bedrock eu. profiles in an EU region or Vertex AI in an EU region / the eu multi-region.',
      vendorStatement: 'The data-residency page lists the inference geos: "global" (the default) and "us"; no EU geo.',
      sources: [DATA_RESIDENCY],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'API data is not used for training unless the customer agrees otherwise.',
      vendorStatement: 'Inputs and outputs of the commercial API are not used to train models unless the customer agrees otherwise.',
      sources: [PRIVACY_TRAINING, API_RETENTION],
    },
    retentionDefault: {
      value: null,
      note: 'CONFLICTING: the Privacy Center (re-read 2026-11-27) says API inputs/outputs are deleted within 30 days; several secondary sources report a cut to 7 days from 2025-09-14/15. Policy-flagged content up to 2 years, classifier scores up to 7 years. ZDR is approval-gated.',
      uncertain: true,
      sources: [PRIVACY_RETENTION, RETENTION_7D_3P, API_RETENTION],
    },
  },
  clients: [
    {
      id: 'anthropic-sdk',
      languages: ['python', 'js'],
      callees: ['Anthropic', 'AsyncAnthropic'],
      packages: ['anthropic', '@anthropic-ai/sdk'],
      options: { url: ['base_url', 'baseURL'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      note: 'Precedence (Python): base_url > ANTHROPIC_BASE_URL > ANTHROPIC_PROFILE profile config (outside the repo) > api.anthropic.com. inference_geo is a per-request parameter, not a client option.',
      sources: [PY_CLIENT, TS],
    },
    {
      id: 'anthropic-java',
      languages: ['java'],
      callees: ['AnthropicOkHttpClient.fromEnv', 'AnthropicOkHttpClient.builder', 'AnthropicOkHttpClientAsync.fromEnv', 'AnthropicOkHttpClientAsync.builder'],
      packages: ['com.anthropic:anthropic-java', 'com.anthropic.client'],
      options: { url: ['baseUrl'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      note: 'fromEnv() reads ANTHROPIC_BASE_URL (or the anthropic.baseUrl system property); the builder takes .baseUrl(...).',
      sources: [JAVA_README],
    },
    {
      id: 'langchain4j-anthropic',
      languages: ['java'],
      callees: ['AnthropicChatModel.builder', 'AnthropicStreamingChatModel.builder', 'AnthropicChatModel.withApiKey'],
      packages: ['dev.langchain4j:langchain4j-anthropic', 'dev.langchain4j.model.anthropic'],
      options: { url: ['baseUrl'], client: ['anthropicApi'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com/v1/' },
      note: 'LangChain4j: .baseUrl(...) overrides the default Anthropic API URL. Spring AI\'s AnthropicChatModel.builder() takes an AnthropicApi (.anthropicApi(api)), reported where that is built.',
      sources: [LC4J_ANTHROPIC, SPRING_AI_ANTHROPIC_API],
    },
    {
      id: 'spring-ai-anthropic',
      languages: ['java'],
      callees: ['AnthropicApi.builder', 'AnthropicApi'],
      packages: ['org.springframework.ai:spring-ai-anthropic', 'org.springframework.ai.anthropic'],
      options: { url: ['baseUrl', '$0'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com' },
      note: 'Spring AI: AnthropicApi.builder().baseUrl(...) (or new AnthropicApi(baseUrl, apiKey)); without a base URL, https://api.anthropic.com.',
      sources: [SPRING_AI_ANTHROPIC_API],
    },
    {
      id: 'anthropic-go',
      languages: ['go'],
      callees: ['anthropic.NewClient'],
      packages: ['github.com/anthropics/anthropic-sdk-go'],
      options: { url: ['WithBaseURL'] },
      defaults: { host: 'api.anthropic.com' },
      sources: [GO],
    },
    {
      id: 'langchaingo-anthropic',
      languages: ['go'],
      callees: ['anthropic.New'],
      packages: ['github.com/tmc/langchaingo/llms/anthropic'],
      options: { url: ['WithBaseURL'], model: ['WithModel'] },
      defaults: { host: 'api.anthropic.com', baseUrl: 'https://api.anthropic.com/v1' },
      note: 'langchaingo: New starts from anthropicclient.DefaultBaseURL; only WithBaseURL changes it (no env variable is read for the URL).',
      sources: [LANGCHAINGO],
    },
    {
      id: 'anthropic-aws-platform',
      languages: ['python'],
      callees: ['AnthropicAWS', 'AsyncAnthropicAWS'],
      packages: ['anthropic'],
      options: { url: ['base_url'] },
      env: { url: ['ANTHROPIC_AWS_BASE_URL'] },
      defaults: {},
      note: 'Claude Platform on AWS (https://aws-external-anthropic.{region}.api.aws, SigV4). Anthropic is the processor, not AWS; the aws_region argument chooses the access point, not the inference location (global or US only).',
      sources: [PY_LIB, AWS_CLAUDE_PLATFORM],
    },
    {
      id: 'anthropic-google-cloud',
      languages: ['python'],
      callees: ['AnthropicGoogleCloud', 'AsyncAnthropicGoogleCloud'],
      packages: ['anthropic'],
      options: { url: ['base_url'] },
      env: { url: ['ANTHROPIC_GOOGLE_CLOUD_BASE_URL'] },
      defaults: { host: 'claude.googleapis.com' },
      note: 'Claude Models on Google Cloud (Anthropic-managed), default location global (ANTHROPIC_GOOGLE_CLOUD_LOCATION). Not the same as AnthropicVertex, where Google is the processor.',
      sources: [PY_LIB],
    },
    {
      id: 'langchain-chat-anthropic',
      languages: ['python', 'js'],
      callees: ['ChatAnthropic'],
      packages: ['langchain-anthropic', '@langchain/anthropic'],
      options: { url: ['base_url', 'anthropic_api_url', 'anthropicApiUrl', 'clientOptions.baseURL'], model: ['model', 'model_name'] },
      defaults: { host: 'api.anthropic.com' },
      sources: [LANGCHAIN, langchainJsSource('langchain-anthropic/src/chat_models.ts')],
    },
    {
      id: 'vercel-ai-anthropic',
      languages: ['js'],
      callees: ['createAnthropic', 'anthropic'],
      packages: ['@ai-sdk/anthropic'],
      options: { url: ['baseURL'] },
      env: { url: ['ANTHROPIC_BASE_URL'] },
      defaults: { host: 'api.anthropic.com' },
      note: 'anthropic(...) is the default provider instance.',
      sources: [VERCEL],
    },
  ],
  env: [
    { name: 'ANTHROPIC_BASE_URL', kind: 'url', specific: true, sources: [PY_CLIENT, VERCEL] },
    { name: 'ANTHROPIC_AWS_BASE_URL', kind: 'url', specific: true, sources: [PY_LIB] },
    { name: 'ANTHROPIC_GOOGLE_CLOUD_BASE_URL', kind: 'url', specific: true, sources: [PY_LIB] },
  ],
  // Anthropic's feature eligibility table marks these "No" under HIPAA readiness (the API
  // answers a HIPAA-enabled organisation's request that uses one with a 400). Web search
  // itself is eligible; only its dynamic filtering is not.
  baaExcludedFeatures: [
    {
      id: 'code-execution',
      name: 'Code execution tool',
      covered: false,
      marks: ['code_execution_*', 'codeExecution_*'],
      vendorStatement: 'Feature eligibility: Code execution and Programmatic tool calling (/v1/messages with the code_execution tool) are not HIPAA eligible; container data is retained up to 30 days.',
      sources: [HIPAA_FEATURES, VERCEL_TOOLS],
    },
    {
      id: 'web-fetch',
      name: 'Web fetch tool',
      covered: false,
      marks: ['web_fetch_*', 'webFetch_*'],
      vendorStatement: 'Feature eligibility: Web fetch (/v1/messages with the web_fetch tool) is not HIPAA eligible.',
      sources: [HIPAA_FEATURES, VERCEL_TOOLS],
    },
    {
      id: 'tool-search',
      name: 'Tool search tool',
      covered: false,
      marks: ['tool_search_tool_regex_*', 'tool_search_tool_bm25_*', 'toolSearchRegex_*', 'toolSearchBm25_*'],
      vendorStatement: 'Feature eligibility: Tool search (/v1/messages with the tool_search tool) is not HIPAA eligible.',
      sources: [HIPAA_FEATURES, VERCEL_TOOLS],
    },
    {
      id: 'web-search-dynamic-filtering',
      name: 'Web search with dynamic filtering',
      covered: null,
      marks: ['web_search_20260209', 'web_search_20260318', 'webSearch_20260209'],
      vendorStatement: 'Web search is HIPAA eligible, but its dynamic filtering (added by web_search_20260209 and later versions, where Claude runs code to filter results) is not eligible for ZDR or HIPAA.',
      sources: [HIPAA_FEATURES, WEB_SEARCH_TOOL, VERCEL_TOOLS],
    },
    {
      id: 'context-management',
      name: 'Context editing and compaction',
      covered: false,
      marks: [],
      // The Messages API's key, and the AI SDK's provider option that sends it.
      keys: ['context_management', 'contextManagement'],
      vendorStatement: 'Feature eligibility: Context editing and Context management (compaction) (/v1/messages with context_management) are not HIPAA eligible.',
      sources: [HIPAA_FEATURES],
    },
    {
      id: 'files-api',
      name: 'Files API',
      covered: false,
      marks: ['beta.files', 'files-api-*'],
      vendorStatement: 'Feature eligibility: the Files API (/v1/files) is not HIPAA eligible; PDFs are eligible only when sent inline through the Messages API.',
      sources: [HIPAA_FEATURES, FILES_API_BETA],
    },
    {
      id: 'batch-processing',
      name: 'Message Batches API',
      covered: false,
      marks: ['messages.batches'],
      vendorStatement: 'Feature eligibility: Batch processing (/v1/messages/batches) is not HIPAA eligible (29-day retention).',
      sources: [HIPAA_FEATURES],
    },
    {
      id: 'agent-skills',
      name: 'Agent skills',
      covered: false,
      marks: ['beta.skills'],
      vendorStatement: 'Feature eligibility: Agent skills (/v1/messages with skills, /v1/skills) are not HIPAA eligible.',
      sources: [HIPAA_FEATURES],
    },
    {
      id: 'computer-use',
      name: 'Computer use tool (beta)',
      covered: null,
      marks: ['computer_*'],
      vendorStatement: 'The computer use tool is a beta feature, enabled with an anthropic-beta computer-use header; HIPAA readiness does not cover beta features, generally, unless the feature eligibility table lists them as eligible.',
      sources: [HIPAA_FEATURES, COMPUTER_USE_TOOL],
    },
    {
      id: 'beta-features',
      name: 'Beta features',
      covered: null,
      // The SDK's beta namespace only: a leftover beta header on the regular client often names
      // a beta that is now generally available (tools-2024-04-04), and the betas that matter
      // here are matched by their own features' marks (files-api-*).
      marks: ['beta.messages'],
      vendorStatement: 'HIPAA readiness does not cover features in beta, generally, unless the feature eligibility table lists them as eligible.',
      sources: [HIPAA_FEATURES],
    },
  ],
  euSwap: {
    advice:
      'The Claude API has no EU option: for EU residency use Claude on Amazon Bedrock with an eu. inference profile from eu-central-1 (or another EU region), or on Vertex AI in an EU region or the eu multi-region (AnthropicVertex(region="eu")), under that cloud\'s terms and BAA.',
    sources: [DATA_RESIDENCY],
  },
  notes: [
    'AnthropicBedrock / AnthropicBedrockMantle belong to aws-bedrock and AnthropicVertex to google-vertex-ai: the cloud, not Anthropic, processes the data there.',
    'Claude in Microsoft Foundry (AnthropicFoundry, {resource}.services.ai.azure.com/anthropic/) is processed by Anthropic; hosts alone cannot tell it from Azure OpenAI.',
  ],
};
