import type { Provider } from '../../types';
import { CHECKED_FRAMEWORKS as D, gh, src } from '../common';

// Voyage AI (a MongoDB company) serves embedding and reranking models. No page of the
// vendor's own that was read states a BAA, a certification or a processing location, so
// those facts stay unknown until one does.
const API_KEY_AND_CLIENT = src('https://docs.voyageai.com/docs/api-key-and-installation', D);
const FAQ = src('https://docs.voyageai.com/docs/faq', D);
const INTRO = src('https://docs.voyageai.com/', D);
const MONGODB_CLIENTS = src('https://www.mongodb.com/docs/voyageai/api-and-clients', D);
const MONGODB_API = src('https://www.mongodb.com/zh-cn/docs/api/doc/atlas-embedding-and-reranking-api', D);
const LITELLM_VOYAGE = src('https://docs.litellm.ai/docs/providers/voyage', D, true);
const TRAINING_3P = src('https://reddit.jaspervandalum.nl/r/Rag/search?before=t3_1mmgijg&q=flair_name%3A%22Discussion%22&restrict_sr=on', D, true);
const LANGCHAIN = src('https://docs.langchain.com/oss/python/integrations/providers/voyageai.md', D);
const LLAMAINDEX = gh('run-llama/llama_index', '1d8353ec721fcfb20c5a680228ddb30f5926e68f', 'llama-index-integrations/embeddings/llama-index-embeddings-voyageai/llama_index/embeddings/voyageai/__init__.py', D);

const UNSTATED = 'Not stated on the Voyage AI or MongoDB pages read (API docs, FAQ); unknown until a vendor page says so.';

export const provider: Provider = {
  id: 'voyage-ai',
  name: 'Voyage AI embeddings and reranking API',
  kind: 'model-developer',
  operator: 'Voyage AI Innovations (MongoDB)',
  vendorDomains: ['voyageai.com', 'mongodb.com'],
  hosts: [
    {
      pattern: 'api.voyageai.com',
      location: 'unknown',
      note: 'Voyage AI\'s own API, used with keys from the Voyage dashboard (pa-...).',
      sources: [API_KEY_AND_CLIENT, LITELLM_VOYAGE],
    },
    {
      pattern: 'ai.mongodb.com',
      location: 'unknown',
      note: 'The same models through MongoDB Atlas (the Embedding and Reranking API), used with Atlas model API keys (al-...); the Python client picks this host from the key.',
      sources: [MONGODB_API, MONGODB_CLIENTS, LITELLM_VOYAGE],
    },
  ],
  locations: [
    {
      id: 'unknown',
      name: 'Voyage AI API (processing location not documented)',
      jurisdiction: 'unknown',
      countries: null,
      euResident: null,
      note: 'The pages read name no processing region and no EU option.',
      sources: [INTRO, MONGODB_API],
    },
  ],
  posture: {
    baa: { value: null, note: UNSTATED, sources: [FAQ, MONGODB_CLIENTS] },
    soc2Type2: { value: null, note: UNSTATED, sources: [FAQ, MONGODB_CLIENTS] },
    iso27001: { value: null, note: UNSTATED, sources: [FAQ, MONGODB_CLIENTS] },
    iso42001: { value: null, note: UNSTATED, sources: [FAQ, MONGODB_CLIENTS] },
    euAiActGpai: {
      value: null,
      note: 'Voyage AI builds embedding and reranking models; whether the GPAI Code applies to them, and whether Voyage AI or MongoDB signed it, was not found on a vendor page.',
      sources: [INTRO],
    },
    euResidency: { value: null, note: 'No EU processing option found on the pages read.', sources: [INTRO, MONGODB_API] },
    trainingOnDataByDefault: {
      value: null,
      uncertain: true,
      note: 'A third party reports that Voyage AI\'s terms allow training on data from accounts without a payment method unless they opt out; the vendor\'s terms were not read.',
      sources: [TRAINING_3P],
    },
    retentionDefault: { value: null, note: UNSTATED, sources: [FAQ] },
  },
  clients: [
    {
      id: 'voyageai-python',
      languages: ['python'],
      callees: ['voyageai.Client', 'voyageai.AsyncClient'],
      packages: ['voyageai'],
      options: {},
      defaults: { host: 'api.voyageai.com', baseUrl: 'https://api.voyageai.com/v1' },
      note: 'The client sends Voyage keys (pa-...) to api.voyageai.com and MongoDB Atlas model keys (al-...) to ai.mongodb.com; the key is not in the code, so the default host is the Voyage one (both have the same facts).',
      sources: [API_KEY_AND_CLIENT, MONGODB_CLIENTS],
    },
    {
      id: 'voyage-frameworks',
      languages: ['python', 'js'],
      callees: ['VoyageAIEmbeddings', 'VoyageAIRerank', 'VoyageEmbeddings', 'VoyageEmbedding'],
      packages: ['langchain-voyageai', '@langchain/community', 'llama-index-embeddings-voyageai'],
      options: { model: ['model', 'model_name'] },
      defaults: { host: 'api.voyageai.com', baseUrl: 'https://api.voyageai.com/v1' },
      note: 'LangChain VoyageAIEmbeddings / VoyageAIRerank (Python), VoyageEmbeddings (JS), LlamaIndex VoyageEmbedding: all call the Voyage API through its client.',
      sources: [LANGCHAIN, LLAMAINDEX],
    },
  ],
  env: [],
};
