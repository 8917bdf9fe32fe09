import type { Provider } from '../../types';
import { CHECKED_TODAY, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_DIGINTO, RESEARCH_SNAPSHOT, src } from '../common';

const SDK_SETUP = src('https://ibm.github.io/watsonx-ai-python-sdk/setup_cloud.html', CHECKED_TODAY);
const SECURITY = src(
  'https://dataplatform.cloud.ibm.com/docs/content/wsj/getting-started/security.html',
  RESEARCH_SNAPSHOT,
);
const LANGCHAIN_IBM = src(
  'https://reference.langchain.com/python/langchain-ibm/utils/resolve_watsonx_credentials',
  CHECKED_TODAY,
);
const LITELLM_WATSONX = src('https://docs.litellm.ai/docs/providers/watsonx', RESEARCH_SNAPSHOT);

export const provider: Provider = {
  id: 'ibm-watsonx',
  name: 'IBM watsonx.ai',
  kind: 'cloud',
  operator: 'IBM',
  vendorDomains: ['ibm.com', 'ibm.github.io', 'github.com/IBM'],
  hosts: [
    {
      pattern: '{region}.ml.cloud.ibm.com',
      regionSet: 'ibm',
      note: 'us-south (Dallas), eu-de (Frankfurt), eu-gb (London, not EU), jp-tok, au-syd, ca-tor.',
      sources: [SDK_SETUP],
    },
    {
      pattern: '{region}.aws.wxai.ibm.com',
      regionSet: 'aws',
      note: 'watsonx.ai on AWS (e.g. ap-south-1 Mumbai).',
      sources: [SDK_SETUP],
    },
  ],
  posture: {
    baa: {
      value: null,
      note: 'UNCERTAIN: IBM documents "HIPAA readiness" for Watson Studio Enterprise, the Watson Machine Learning Professional plan (now watsonx.ai Runtime) and WKC in Dallas (us-south) only; whether foundation-model inference is covered was not confirmed.',
      sources: [SECURITY],
    },
    soc2Type2: { value: null, note: 'Not covered by the research.', sources: [SECURITY] },
    iso27001: { value: null, note: 'Not covered by the research.', sources: [SECURITY] },
    iso42001: { value: null, note: 'Not covered by the research.', sources: [SECURITY] },
    euAiActGpai: {
      value: null,
      note: 'IBM is a full signatory for its own (Granite) models per third-party reports of the Commission list; watsonx.ai also serves third-party models (e.g. Llama: Meta refused, Mistral: signed), whose status follows their developer.',
      sources: [GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI],
    },
    euResidency: {
      value: true,
      options: ['eu-de (Frankfurt): https://eu-de.ml.cloud.ibm.com'],
      note: 'eu-gb is London (UK), not EU.',
      sources: [SDK_SETUP],
    },
    trainingOnDataByDefault: { value: null, note: 'Not covered by the research.', sources: [SECURITY] },
    retentionDefault: { value: null, note: 'Not covered by the research.', sources: [SECURITY] },
  },
  clients: [
    {
      id: 'ibm-watsonx-ai-credentials',
      languages: ['python'],
      callees: ['ibm_watsonx_ai.Credentials', 'watsonx_ai.Credentials'],
      packages: ['ibm-watsonx-ai'],
      options: { url: ['url'] },
      defaults: { region: null },
      note: 'Credentials(url="https://eu-de.ml.cloud.ibm.com", api_key=...). A bare Credentials(...) callee is too generic to match safely; ModelInference/APIClient receive the credentials object.',
      sources: [SDK_SETUP],
    },
    {
      id: 'ibm-watsonx-ai-model-inference',
      languages: ['python'],
      callees: ['ModelInference'],
      packages: ['ibm-watsonx-ai'],
      options: { model: ['model_id'] },
      defaults: { region: null },
      note: 'Identifies watsonx.ai use; the URL sits in the credentials passed in.',
      sources: [SDK_SETUP],
    },
    {
      id: 'langchain-ibm',
      languages: ['python'],
      callees: ['ChatWatsonx', 'WatsonxLLM', 'WatsonxEmbeddings'],
      packages: ['langchain-ibm'],
      options: { url: ['url'], model: ['model_id'] },
      env: { url: ['WATSONX_URL'] },
      defaults: { region: null },
      sources: [LANGCHAIN_IBM, LITELLM_WATSONX],
    },
  ],
  env: [{ name: 'WATSONX_URL', kind: 'url', specific: true, sources: [LITELLM_WATSONX] }],
  euSwap: {
    region: 'eu-de',
    advice: 'Provision watsonx.ai in Frankfurt and use https://eu-de.ml.cloud.ibm.com; eu-gb (London) is not in the EU.',
    sources: [SDK_SETUP],
  },
};
