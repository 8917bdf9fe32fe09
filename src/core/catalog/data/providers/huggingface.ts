import type { Provider } from '../../types';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, ghTree, src } from '../common';

const ENDPOINTS_SECURITY = src('https://huggingface.co/docs/inference-endpoints/security', CHECKED_TODAY);
const ENDPOINTS_SECURITY_GUIDE = src('https://huggingface.co/docs/inference-endpoints/guides/security', CHECKED_TODAY);
const PROVIDERS_SECURITY = src('https://huggingface.co/docs/inference-providers/security.md', CHECKED_TODAY);
const HUB_SECURITY = src('https://www.huggingface.co/docs/hub/security', CHECKED_TODAY);
const ENDPOINTS_FAQ = src('https://huggingface.co/docs/inference-endpoints/support/faq', RESEARCH_SNAPSHOT);
const HF_HUB = ghTree('huggingface/huggingface_hub', 'ee0a4510f', '2026-08-20');
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'llms/huggingface/huggingfacellm.go', '2026-12-03');
const VERCEL = gh('vercel/ai', '0e9e035e46fb91c9c137855206370fb65653f6ad', 'packages/huggingface/src/huggingface-provider.ts', CHECKED_TODAY);

const ROUTER_BAA = {
  value: 'not-available' as const,
  uncertain: true,
  note: 'Hugging Face scopes its BAA offer to dedicated Inference Endpoints; no BAA is offered for Inference Providers (the router), which forwards requests to third-party providers under their own policies.',
  vendorStatement: 'The BAA (or GDPR DPA) is offered through the Inference Endpoints enterprise plan; the Inference Providers security page names no BAA and says requests go to third-party providers.',
  sources: [PROVIDERS_SECURITY, ENDPOINTS_SECURITY],
};

export const provider: Provider = {
  id: 'huggingface',
  name: 'Hugging Face (Inference Providers router and Inference Endpoints)',
  kind: 'host',
  operator: 'Hugging Face',
  vendorDomains: ['huggingface.co', 'github.com/huggingface'],
  hosts: [
    {
      pattern: 'router.huggingface.co',
      location: 'global',
      baa: ROUTER_BAA,
      note: 'Inference Providers router (OpenAI-compatible /v1 and /{provider}/...): requests are forwarded to third-party inference providers whose policies govern.',
      sources: [PROVIDERS_SECURITY, HF_HUB],
    },
    {
      pattern: 'api-inference.huggingface.co',
      location: 'global',
      baa: ROUTER_BAA,
      note: 'Legacy serverless Inference API.',
      sources: [HF_HUB],
    },
    {
      pattern: '{resource}.{region}.aws.endpoints.huggingface.cloud',
      regionSet: 'aws',
      note: 'Dedicated Inference Endpoint on AWS; the region is in the hostname (e.g. xyz.eu-west-1.aws.endpoints.huggingface.cloud).',
      sources: [ENDPOINTS_FAQ, ENDPOINTS_SECURITY],
    },
    {
      pattern: '{resource}.{region}.azure.endpoints.huggingface.cloud',
      regionSet: 'azure',
      note: 'Dedicated Inference Endpoint on Azure; the region is in the hostname.',
      sources: [ENDPOINTS_FAQ],
    },
    {
      pattern: '{resource}.{region}.gcp.endpoints.huggingface.cloud',
      regionSet: 'gcp',
      note: 'Dedicated Inference Endpoint on Google Cloud; the region is in the hostname.',
      sources: [ENDPOINTS_FAQ],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Hugging Face router (upstream provider decides)',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'The router picks third-party providers; no EU guarantee.',
      sources: [PROVIDERS_SECURITY],
    },
  ],
  posture: {
    baa: {
      value: 'available',
      tier: 'Inference Endpoints enterprise plan (dedicated endpoints only)',
      conditions: [
        'Only dedicated Inference Endpoints under the enterprise plan; not the Inference Providers router (router.huggingface.co) or the legacy serverless API.',
      ],
      sources: [ENDPOINTS_SECURITY, HUB_SECURITY],
    },
    soc2Type2: {
      value: true,
      note: 'The Hugging Face Hub, including Inference Endpoints and Inference Providers, is SOC 2 Type 2 certified; external providers behind the router have their own.',
      sources: [ENDPOINTS_SECURITY_GUIDE, PROVIDERS_SECURITY, HUB_SECURITY],
    },
    iso27001: { value: null, note: 'Not covered by the research.', sources: [HUB_SECURITY] },
    iso42001: { value: null, note: 'Not covered by the research.', sources: [HUB_SECURITY] },
    euAiActGpai: {
      value: null,
      note: 'Hugging Face hosts and routes other developers\' models: the GPAI status follows the model\'s developer.',
      sources: [PROVIDERS_SECURITY],
    },
    euResidency: {
      value: true,
      uncertain: true,
      options: ['Dedicated Inference Endpoint in an EU region (e.g. AWS eu-west-1), region visible in the hostname'],
      note: 'Only dedicated Inference Endpoints; the router has no EU option. The older FAQ lists AWS us-east-1 and eu-west-1, Azure eastus and GCP us-east4; the current region list is UNCERTAIN.',
      sources: [ENDPOINTS_FAQ, ENDPOINTS_SECURITY],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Hugging Face does not store user data for training; downstream router providers follow their own policies.',
      vendorStatement: 'Hugging Face does not store request data to train models; payloads to Inference Endpoints are not stored.',
      sources: [PROVIDERS_SECURITY, ENDPOINTS_SECURITY],
    },
    retentionDefault: {
      value: 'Router: request and response bodies not stored; logs kept up to 30 days without user data or tokens (downstream provider policies apply). Inference Endpoints: payloads not stored; logs kept 30 days.',
      sources: [PROVIDERS_SECURITY, ENDPOINTS_SECURITY],
    },
  },
  clients: [
    {
      id: 'huggingface-hub-inference-client',
      languages: ['python', 'js'],
      callees: ['InferenceClient', 'AsyncInferenceClient', 'HfInference'],
      packages: ['huggingface_hub', '@huggingface/inference'],
      options: { url: ['base_url', 'endpointUrl'], model: ['model'] },
      env: { url: ['HF_INFERENCE_ENDPOINT'] },
      defaults: { host: 'router.huggingface.co' },
      note: 'model= may itself be a dedicated endpoint URL (https://....endpoints.huggingface.cloud); provider= picks the router\'s third-party provider.',
      sources: [HF_HUB],
    },
    {
      id: 'vercel-ai-huggingface',
      languages: ['js'],
      callees: ['createHuggingFace', 'huggingface'],
      packages: ['@ai-sdk/huggingface'],
      options: { url: ['baseURL'] },
      defaults: { host: 'router.huggingface.co' },
      note: 'Default base URL https://router.huggingface.co/v1 (HUGGINGFACE_API_KEY).',
      sources: [VERCEL],
    },
    {
      id: 'langchaingo-huggingface',
      languages: ['go'],
      callees: ['huggingface.New'],
      packages: ['github.com/tmc/langchaingo/llms/huggingface'],
      options: { url: ['WithURL'], model: ['WithModel'] },
      defaults: { host: 'api-inference.huggingface.co', baseUrl: 'https://api-inference.huggingface.co' },
      note: 'langchaingo: the default URL is the serverless Inference API; WithInferenceProvider switches to https://router.huggingface.co (same BAA and location facts).',
      sources: [LANGCHAINGO],
    },
  ],
  env: [{ name: 'HF_INFERENCE_ENDPOINT', kind: 'url', specific: true, sources: [HF_HUB] }],
  euSwap: {
    advice:
      'Replace the router with a dedicated Inference Endpoint in an EU region (e.g. AWS eu-west-1) under the enterprise plan; the router forwards to third-party providers anywhere.',
    sources: [ENDPOINTS_SECURITY, ENDPOINTS_FAQ],
  },
};
