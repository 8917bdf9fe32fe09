// LLM inference APIs of vendors that are not catalog providers. A use of one is reported
// by host with `provider: null` and the vendor's name, so a call to it never passes a
// policy unseen. Where requests are processed is recorded only where the vendor's own page
// says so (test/unit/unlisted-llm-hosts.test.ts enforces it); otherwise it stays null, with
// what others claim in the note. A host name or top-level domain alone proves nothing.
import type { ClientSignal, Fact, ProcessingPlace, Source, UnlistedLlmApi } from '../types';
import { gh, src } from './common';

const CHECKED = '2026-12-03';

/** Nothing on the vendor's own pages (in the stored corpus) says where requests are processed. */
function unstated(note: string, sources: Source[]): Fact<ProcessingPlace> {
  return { value: null, note, sources };
}

// Alibaba Cloud Model Studio: the base-URL page maps each DashScope host to a region; the
// regions pages say the region stores request data and which deployment scope (where
// inference runs) each region has.
const DASHSCOPE_BASE_URL = src('https://www.alibabacloud.com/help/en/model-studio/base-url', CHECKED);
const DASHSCOPE_REGIONS = src('https://www.alibabacloud.com/help/en/model-studio/regions', CHECKED);
const DASHSCOPE_SCOPES = src('https://help.aliyun.com/en/model-studio/regions/', CHECKED);
const DASHSCOPE_BEIJING = src('https://www.alibabacloud.com/help/zh/model-studio/beijing-access-information', CHECKED);
const DASHSCOPE_HONG_KONG = src('https://www.alibabacloud.com/help/en/model-studio/hong-kong-china-global', CHECKED);

const VOLCENGINE_REGIONS = src('https://volcengine.com/docs/82379/1302013', CHECKED);

const HUNYUAN_ENDPOINTS = src('https://www.tencentcloud.com/document/api/1284/75533', CHECKED);

const QIANFAN_BASE_URL = src('https://cloud.baidu.com/doc/qianfan-docs/s/1m9l6eex1', CHECKED);
const QIANFAN_DOMAIN = src('https://ai.baidu.com/ai-doc/WENXINWORKSHOP/Xm4tslsbi', CHECKED);
const QIANFAN_WENXINWORKSHOP = src('https://cloud.baidu.com/theme/K/3273507-67', CHECKED);
const BAIDU_CLOUD_PRIVACY = src('https://intl.cloud.baidu.com/doc/Agreements/s/ek77inppz-en', CHECKED);

const MOONSHOT_ENDPOINTS = src('https://docs.jambonz.org/guides/features/bring-your-own-llm/moonshot-kimi', CHECKED, true);

const SPARK_HTTP = src('https://docs.iflyaicloud.com/doc/237', CHECKED, true);
const SPARK_MAAS = src('https://xfyun.cn/doc/spark/%E6%98%9F%E7%81%AB%E5%BE%AE%E8%B0%83%E6%9C%8D%E5%8A%A1Web%E6%96%87%E6%A1%A3.html', CHECKED);

const BIGMODEL_SDK = src('https://pypi.org/project/zhipuai/2.1.5.20250726/', CHECKED, true);
const BIGMODEL_SITE = src('https://developers.llamaindex.ai/python/framework-api-reference/llms/zhipuai', CHECKED, true);
const BIGMODEL_LITELLM = src('https://docs.litellm.ai/docs/providers/bigmodel.md', CHECKED, true);
const BIGMODEL_PRIVACY_REPORT = src('https://infercheck.eu/en/provider/zhipu-ai-coding-plan', CHECKED, true);

const SILICONFLOW_PRIVACY = src('https://docs.siliconflow.cn/en/legals/privacy-policy', CHECKED);
const SILICONFLOW_DOCS = src('https://docs.siliconflow.com/llms-full.txt', CHECKED);

const AI302_DOCS = src('https://s.apifox.cn/apidoc/docs-site/4012774/245115582e0', CHECKED, true);

const NVIDIA_CATALOG = src('https://docs.langchain.com/oss/python/integrations/providers/nvidia', CHECKED, true);
const NVIDIA_BASE_URL = src('https://docsearch.algolia.com/mcp/docs/website/build.nvidia.com', CHECKED, true);

const CEREBRAS_DOCS = src('https://inference-docs.cerebras.ai', CHECKED);

const MINIMAX_CN = src('https://platform.minimaxi.com/docs/api-reference/responses-create', CHECKED);
const MINIMAX_GLOBAL = src('https://docs.rs/rig-core/latest/rig/providers/minimax/constant.GLOBAL_API_BASE_URL.html', CHECKED, true);
const MINIMAX_CHAT = src('https://trtc.io/document/79678', CHECKED, true);

const GIGACHAT_API_REFERENCE = src('https://developers.sber.ru/docs/en/gigachat/api/reference', CHECKED);
const GIGACHAT_RESELLER = src('https://polza.ai/providers/gigachat.md', CHECKED, true);
const NOMIC_CLIENT = gh('nomic-ai/nomic', 'b963f429ea40a40071257465253737db42ef6222', 'nomic/dataset.py', CHECKED);
const NETMIND_CHAT = src('https://netmind-power.gitbook.io/netmind-power-documentation/api/inference/chat', CHECKED);
const NETMIND_OPENAI_API = src('https://netmind-power.gitbook.io/inference-api-documentation/openai-api', CHECKED);

// The libraries' own source, where each class reads its base URL and falls back to its default.
const LC_NVIDIA = gh('langchain-ai/langchain-nvidia', '47a96a45a21b7d162dcaf72ae92ebb2b64287278', 'libs/ai-endpoints/langchain_nvidia_ai_endpoints/_common.py', CHECKED);
const LI_NVIDIA = gh('run-llama/llama_index', '8c6a87efd10c6fc0c29e70fd0c48ec5f4ce76f89', 'llama-index-integrations/llms/llama-index-llms-nvidia/llama_index/llms/nvidia/base.py', CHECKED);
const SK_NVIDIA = (path: string) => gh('microsoft/semantic-kernel', 'b39d95a34435f4c1d55dd00c86120ce118d847e1', `python/semantic_kernel/connectors/ai/nvidia/${path}`, CHECKED);
const LC_COMMUNITY = (path: string) => gh('langchain-ai/langchain-community', 'bc87773064735e649cfd798185502e156d5e948a', `libs/community/langchain_community/${path}`, CHECKED);
const DASHSCOPE_SDK_ENV = gh('dashscope/dashscope-sdk-python', 'c0d7a0b7174c1b24033be61cdb00dab45da93036', 'dashscope/common/env.py', CHECKED);
const GIGACHAT_SDK_SETTINGS = gh('ai-forever/gigachat', 'bc53e75b5928a572393657d06e410e48ef8d6519', 'src/gigachat/settings.py', CHECKED);
const LC_GIGACHAT = gh('ai-forever/langchain-gigachat', '49027a36f9091255dd39e7c0ff508c47afe38885', 'libs/gigachat/langchain_gigachat/_client.py', CHECKED);
const LC_NOMIC = gh('langchain-ai/langchain', '0048bc83930f296a8256d2e78b9c86cc8c73b51e', 'libs/partners/nomic/langchain_nomic/embeddings.py', CHECKED);
const LC_NETMIND = src('https://github.com/protagolabs/langchain-netmind', CHECKED);

/** Python callees of classes by the modules that export them: `{ langchain_nomic: ['NomicEmbeddings'] }`. */
const pyClasses = (modules: Record<string, string[]>): string[] =>
  Object.entries(modules).flatMap(([module, classes]) => classes.map((c) => `${module}.${c}`));

/** A Python class of a vendor's library: its import paths, the option and env variable that set its base URL, and its default. */
function pyClient(id: string, signal: Omit<ClientSignal, 'id' | 'languages'>): ClientSignal {
  return { id, languages: ['python'], ...signal };
}

/** What Baidu AI Cloud's privacy policy says, which is about personal information, not where API requests are processed. */
const BAIDU_PRIVACY_NOTE = 'Baidu AI Cloud\'s privacy policy stores personal information collected and generated in China in China; it does not say where API requests are processed, so the location stays unknown.';

const DEEPINFRA_OPENAI = src('https://deepinfra.com/docs/advanced/openai_api', CHECKED);
const SAMBANOVA_URLS = src('https://docs.sambanova.ai/docs/ja/get-started/api-keys-urls.md', CHECKED);
const NEBIUS_TOKEN_FACTORY = src('https://strandsagents.com/docs/community/model-providers/nebius-token-factory/', CHECKED, true);
const NEBIUS_STUDIO = src('https://www.lava.so/docs/reference/providers/nebius', CHECKED, true);
const NEBIUS_REGIONS = src('https://www.bolna.ai/docs/custom-llm-inference/nebius', CHECKED, true);

const NOVITA_QUICK_START = src('https://raw.githubusercontent.com/novitalabs/novita-skills/main/skills/novita-ai/references/quick-start.md', CHECKED);
const NOVITA_LLM_API = src('https://novita.ai/docs/guides/llm-api.md', CHECKED);
const HYPERBOLIC_RIG = src('https://docs.rs/rig-core/0.30.0/src/rig/providers/hyperbolic.rs.html', CHECKED, true);

const LLMHUB_API_ENDPOINTS = src('https://docs.llmhub.t-systems.net/reference/api-endpoints', CHECKED);
const LLMHUB_ENTERPRISE_TRUST = src('https://docs.llmhub.t-systems.net/reference/enterprise-trust/', CHECKED);

const TENCENT_CN_REGIONS: [string, string][] = [
  ['ap-guangzhou', 'South China (Guangzhou)'],
  ['ap-shanghai', 'East China (Shanghai)'],
  ['ap-nanjing', 'East China (Nanjing)'],
  ['ap-beijing', 'North China (Beijing)'],
  ['ap-chengdu', 'Southwest China (Chengdu)'],
  ['ap-chongqing', 'Southwest China (Chongqing)'],
];

export const unlistedApis: UnlistedLlmApi[] = [
  {
    vendor: 'Alibaba DashScope',
    clients: [
      pyClient('langchain-dashscope', {
        callees: [
          ...pyClasses({
            'langchain_community.embeddings': ['DashScopeEmbeddings'],
            'langchain_community.embeddings.dashscope': ['DashScopeEmbeddings'],
            'langchain_community.chat_models': ['ChatTongyi'],
            'langchain_community.chat_models.tongyi': ['ChatTongyi'],
            'langchain_community.llms': ['Tongyi'],
            'langchain_community.llms.tongyi': ['Tongyi'],
          }),
          // The same classes as re-exported by the langchain package before 0.2.
          ...pyClasses({ 'langchain.embeddings': ['DashScopeEmbeddings'], 'langchain.chat_models': ['ChatTongyi'], 'langchain.llms': ['Tongyi'] }),
        ],
        packages: ['langchain-community', 'dashscope'],
        options: { model: ['model', 'model_name'] },
        env: { url: ['DASHSCOPE_HTTP_BASE_URL'] },
        defaults: { host: 'dashscope.aliyuncs.com', baseUrl: 'https://dashscope.aliyuncs.com/api/v1' },
        note: 'The classes take no base URL: the dashscope SDK they call uses DASHSCOPE_HTTP_BASE_URL, else the China (Beijing) host. A module attribute set in code (dashscope.base_http_api_url = ...) is not read.',
        sources: [LC_COMMUNITY('chat_models/tongyi.py'), LC_COMMUNITY('embeddings/dashscope.py'), DASHSCOPE_SDK_ENV],
      }),
    ],
    vendorDomains: ['alibabacloud.com', 'aliyun.com'],
    hosts: [
      {
        pattern: 'dashscope.aliyuncs.com',
        sources: [DASHSCOPE_BASE_URL],
        processing: {
          value: { id: 'cn-beijing', name: 'China (Beijing)', jurisdiction: 'CN', countries: ['CN', 'HK', 'SG'] },
          note: 'The DashScope host of the China (Beijing) region, which stores request data in Beijing. Its models infer in the Chinese mainland, or (models launched there from 2026-10-13) in the "China elastic zone": the mainland and other Model Studio regions except the US, EU member states, Japan and South Korea (China (Hong Kong), Singapore).',
          sources: [DASHSCOPE_BASE_URL, DASHSCOPE_SCOPES, DASHSCOPE_BEIJING],
        },
      },
      {
        pattern: 'dashscope-intl.aliyuncs.com',
        sources: [DASHSCOPE_BASE_URL],
        processing: {
          value: { id: 'ap-southeast-1', name: 'Singapore (International deployment)', jurisdiction: 'SG', countries: 'worldwide' },
          note: 'Request data is stored in Singapore; inference runs on any node outside the Chinese mainland.',
          sources: [DASHSCOPE_BASE_URL, DASHSCOPE_REGIONS],
        },
      },
      {
        pattern: 'dashscope-us.aliyuncs.com',
        sources: [DASHSCOPE_BASE_URL],
        processing: {
          value: { id: 'us-east-1', name: 'US (Virginia)', jurisdiction: 'US', countries: 'worldwide' },
          note: 'Request data is stored in US (Virginia); inference runs in the US or, in the Global deployment mode, on any node worldwide.',
          sources: [DASHSCOPE_BASE_URL, DASHSCOPE_REGIONS],
        },
      },
      {
        pattern: 'cn-hongkong.dashscope.aliyuncs.com',
        sources: [DASHSCOPE_BASE_URL],
        processing: {
          value: { id: 'cn-hongkong', name: 'China (Hong Kong), Global deployment', jurisdiction: 'HK', countries: 'worldwide' },
          note: 'Request data is stored in Hong Kong; inference runs on any available node, the Chinese mainland included.',
          sources: [DASHSCOPE_BASE_URL, DASHSCOPE_HONG_KONG],
        },
      },
    ],
  },
  {
    vendor: 'ByteDance Volcengine Ark',
    vendorDomains: ['volcengine.com'],
    hosts: [
      {
        pattern: 'ark.cn-beijing.volces.com',
        sources: [VOLCENGINE_REGIONS],
        processing: {
          value: { id: 'cn-beijing', name: 'North China 2 (Beijing)', jurisdiction: 'CN', countries: ['CN'] },
          note: 'Ark\'s region page: a region is where the physical data centre is; model calls of cn-beijing (Beijing) go to this host.',
          sources: [VOLCENGINE_REGIONS],
        },
      },
    ],
  },
  {
    vendor: 'Tencent Hunyuan',
    vendorDomains: ['tencentcloud.com', 'tencent.com'],
    hosts: [
      ...['hunyuan.tencentcloudapi.com', 'hunyuan.intl.tencentcloudapi.com'].map((pattern) => ({
        pattern,
        sources: [HUNYUAN_ENDPOINTS],
        processing: unstated('This name resolves to the Tencent Cloud region nearest to where the request is sent from (Tencent\'s request-structure page); which region, and so which country, is not fixed by the code.', [HUNYUAN_ENDPOINTS]),
      })),
      ...TENCENT_CN_REGIONS.map(([id, name]) => ({
        pattern: `hunyuan.${id}.tencentcloudapi.com`,
        sources: [HUNYUAN_ENDPOINTS],
        processing: { value: { id, name, jurisdiction: 'CN', countries: ['CN'] }, note: `Tencent's request-structure page lists this host for the ${name} region.`, sources: [HUNYUAN_ENDPOINTS] },
      })),
      {
        pattern: 'hunyuan.ap-hongkong.tencentcloudapi.com',
        sources: [HUNYUAN_ENDPOINTS],
        processing: { value: { id: 'ap-hongkong', name: 'Hong Kong, China', jurisdiction: 'HK', countries: ['HK'] }, note: 'Tencent\'s request-structure page lists this host for the Hong Kong region.', sources: [HUNYUAN_ENDPOINTS] },
      },
    ],
  },
  {
    vendor: 'Baidu Qianfan',
    vendorDomains: ['baidu.com', 'baidubce.com'],
    hosts: [
      {
        pattern: 'qianfan.baidubce.com',
        sources: [QIANFAN_BASE_URL],
        processing: unstated(`Baidu's service-domain page gives this host's region only as "全局" (global). ${BAIDU_PRIVACY_NOTE}`, [QIANFAN_DOMAIN, BAIDU_CLOUD_PRIVACY]),
      },
      {
        pattern: 'aip.baidubce.com',
        sources: [QIANFAN_WENXINWORKSHOP],
        processing: unstated(`The older Wenxin Workshop (ERNIE) chat API. ${BAIDU_PRIVACY_NOTE}`, [QIANFAN_WENXINWORKSHOP, BAIDU_CLOUD_PRIVACY]),
      },
    ],
  },
  {
    vendor: 'Moonshot AI',
    vendorDomains: ['moonshot.ai', 'moonshot.cn', 'kimi.ai', 'kimi.com'],
    hosts: ['api.moonshot.ai', 'api.moonshot.cn'].map((pattern) => ({
      pattern,
      sources: [MOONSHOT_ENDPOINTS],
      processing: unstated('Third parties call api.moonshot.ai the global and api.moonshot.cn the China endpoint; no Moonshot page in the stored corpus says where either processes requests.', [MOONSHOT_ENDPOINTS]),
    })),
  },
  {
    vendor: 'iFlytek Spark',
    vendorDomains: ['xfyun.cn', 'iflytek.com'],
    hosts: [
      ...['spark-api-open.xf-yun.com', 'spark-api.xf-yun.com'].map((pattern) => ({
        pattern,
        sources: [SPARK_HTTP],
        processing: unstated('No iFlytek page in the stored corpus says where Spark API requests are processed.', [SPARK_HTTP]),
      })),
      {
        pattern: 'maas-api.cn-huabei-1.xf-yun.com',
        sources: [SPARK_MAAS],
        processing: unstated('The host names a "cn-huabei-1" (North China) region, but no iFlytek page in the stored corpus says where its requests are processed.', [SPARK_MAAS]),
      },
    ],
  },
  {
    vendor: 'Zhipu BigModel',
    vendorDomains: ['bigmodel.cn', 'zhipuai.cn', 'z.ai'],
    hosts: [
      {
        pattern: 'open.bigmodel.cn',
        sources: [BIGMODEL_SDK, BIGMODEL_LITELLM, BIGMODEL_SITE],
        // Also Zhipu's platform website ("visit https://open.bigmodel.cn"); the API is under /api (/api/paas/v4).
        apiPaths: ['/api'],
        processing: unstated('A third party reports that Zhipu\'s privacy policy (docs.bigmodel.cn/cn/terms/privacy-policy) stores personal information collected in China in China; the policy itself is not in the stored corpus, and it speaks of personal information, not where API requests are processed.', [BIGMODEL_PRIVACY_REPORT]),
      },
      {
        pattern: 'api.z.ai',
        sources: [BIGMODEL_LITELLM],
        processing: unstated('Zhipu\'s international platform; no Zhipu page in the stored corpus says where it processes requests.', [BIGMODEL_LITELLM]),
      },
    ],
  },
  {
    vendor: 'SiliconFlow',
    vendorDomains: ['siliconflow.cn', 'siliconflow.com'],
    hosts: ['api.siliconflow.cn', 'api.siliconflow.com'].map((pattern) => ({
      pattern,
      sources: [SILICONFLOW_DOCS],
      processing: unstated('SiliconFlow\'s privacy policy names Beijing Silicon Flow Technology as the operator; the stored copy does not show where requests are processed.', [SILICONFLOW_PRIVACY]),
    })),
  },
  {
    vendor: '302.AI',
    vendorDomains: ['302.ai'],
    note: 'An aggregator: it forwards requests to other vendors\' models.',
    hosts: [
      {
        pattern: 'api.302.ai',
        sources: [AI302_DOCS],
        processing: unstated('An aggregator that forwards requests to many vendors; no 302.AI page in the stored corpus says where requests are processed.', [AI302_DOCS]),
      },
    ],
  },
  {
    vendor: 'NVIDIA API Catalog',
    clients: [
      pyClient('langchain-nvidia-ai-endpoints', {
        callees: ['langchain_nvidia_ai_endpoints', 'langchain_nvidia'].flatMap((module) => pyClasses({
          [module]: ['ChatNVIDIA', 'NVIDIAEmbeddings', 'NVIDIA', 'NVIDIARerank'],
          [`${module}.chat_models`]: ['ChatNVIDIA'],
          [`${module}.embeddings`]: ['NVIDIAEmbeddings'],
          [`${module}.llm`]: ['NVIDIA'],
          [`${module}.reranking`]: ['NVIDIARerank'],
        })),
        packages: ['langchain-nvidia-ai-endpoints'],
        options: { url: ['base_url', 'nvidia_base_url'], model: ['model'] },
        env: { url: ['NVIDIA_BASE_URL'] },
        defaults: { host: 'integrate.api.nvidia.com', baseUrl: 'https://integrate.api.nvidia.com/v1' },
        note: 'base_url= (or nvidia_base_url=) points the class at a NIM of its own (self-hosted); without it NVIDIA_BASE_URL, else NVIDIA\'s hosted API.',
        sources: [LC_NVIDIA],
      }),
      pyClient('llamaindex-nvidia', {
        callees: pyClasses({ 'llama_index.llms.nvidia': ['NVIDIA'], 'llama_index.llms.nvidia.base': ['NVIDIA'] }),
        packages: ['llama-index-llms-nvidia'],
        options: { url: ['base_url', 'api_base'], model: ['model'] },
        defaults: { host: 'integrate.api.nvidia.com', baseUrl: 'https://integrate.api.nvidia.com/v1' },
        note: 'An OpenAILike client on base_url=, which defaults to NVIDIA\'s hosted API.',
        sources: [LI_NVIDIA],
      }),
      pyClient('semantic-kernel-nvidia-python', {
        callees: pyClasses({
          'semantic_kernel.connectors.ai.nvidia': ['NvidiaChatCompletion', 'NvidiaTextEmbedding'],
          'semantic_kernel.connectors.ai.nvidia.services.nvidia_chat_completion': ['NvidiaChatCompletion'],
          'semantic_kernel.connectors.ai.nvidia.services.nvidia_text_embedding': ['NvidiaTextEmbedding'],
        }),
        packages: ['semantic-kernel'],
        options: { url: ['base_url'], client: ['client'], model: ['ai_model_id'] },
        env: { url: ['NVIDIA_BASE_URL'] },
        defaults: { host: 'integrate.api.nvidia.com', baseUrl: 'https://integrate.api.nvidia.com/v1' },
        note: 'Builds an AsyncOpenAI client on base_url=, else NVIDIA_BASE_URL, else the NvidiaSettings default; a client passed as client=AsyncOpenAI(...) is reported where it is built.',
        sources: [SK_NVIDIA('settings/nvidia_settings.py'), SK_NVIDIA('services/nvidia_chat_completion.py')],
      }),
    ],
    vendorDomains: ['nvidia.com'],
    hosts: [
      {
        pattern: 'integrate.api.nvidia.com',
        sources: [NVIDIA_BASE_URL, NVIDIA_CATALOG],
        processing: unstated('Described as served from "a DGX-hosted cloud compute environment"; no NVIDIA page in the stored corpus says in which countries.', [NVIDIA_CATALOG]),
      },
    ],
  },
  {
    vendor: 'Cerebras',
    vendorDomains: ['cerebras.ai'],
    hosts: [
      {
        pattern: 'api.cerebras.ai',
        sources: [CEREBRAS_DOCS],
        processing: unstated('No Cerebras page in the stored corpus says where inference requests are processed.', [CEREBRAS_DOCS]),
      },
    ],
  },
  {
    vendor: 'DeepInfra',
    vendorDomains: ['deepinfra.com'],
    hosts: [
      {
        pattern: 'api.deepinfra.com',
        sources: [DEEPINFRA_OPENAI],
        processing: unstated('No DeepInfra page in the stored corpus says where inference requests are processed.', [DEEPINFRA_OPENAI]),
      },
    ],
  },
  {
    vendor: 'SambaNova Cloud',
    vendorDomains: ['sambanova.ai'],
    hosts: [
      {
        pattern: 'api.sambanova.ai',
        sources: [SAMBANOVA_URLS],
        processing: unstated('No SambaNova page in the stored corpus says where SambaCloud requests are processed.', [SAMBANOVA_URLS]),
      },
    ],
  },
  {
    vendor: 'Nebius Token Factory',
    vendorDomains: ['nebius.com', 'nebius.ai'],
    hosts: ['api.tokenfactory.nebius.com', 'api.studio.nebius.com', 'api.studio.nebius.ai'].map((pattern) => ({
      pattern,
      sources: pattern === 'api.studio.nebius.ai' ? [NEBIUS_STUDIO] : [NEBIUS_TOKEN_FACTORY],
      processing: unstated('A third party reports that the shared (serverless) endpoints run in a region that changes with capacity, and only dedicated endpoints have a fixed one (eu-north1, eu-west1 or us-central1); no Nebius page in the stored corpus says so.', [NEBIUS_REGIONS]),
    })),
  },
  {
    vendor: 'Novita AI',
    vendorDomains: ['novita.ai', 'raw.githubusercontent.com/novitalabs'],
    hosts: [
      {
        pattern: 'api.novita.ai',
        sources: [NOVITA_QUICK_START, NOVITA_LLM_API],
        // The same host serves Novita's image and video APIs; its LLM API is the OpenAI-compatible one.
        apiPaths: ['/openai', '/v3/openai'],
        processing: unstated('No Novita page in the stored corpus says where LLM requests are processed.', [NOVITA_LLM_API]),
      },
    ],
  },
  {
    vendor: 'Hyperbolic',
    vendorDomains: ['hyperbolic.xyz', 'hyperbolic.ai'],
    hosts: [
      {
        pattern: 'api.hyperbolic.xyz',
        sources: [HYPERBOLIC_RIG],
        processing: unstated('No Hyperbolic page in the stored corpus says where inference requests are processed.', [HYPERBOLIC_RIG]),
      },
    ],
  },
  {
    vendor: 'MiniMax',
    vendorDomains: ['minimax.io', 'minimaxi.com'],
    hosts: [
      { pattern: 'api.minimaxi.com', sources: [MINIMAX_CN] },
      { pattern: 'api.minimax.io', sources: [MINIMAX_GLOBAL] },
      { pattern: 'api.minimax.chat', sources: [MINIMAX_CHAT] },
    ].map((h) => ({
      ...h,
      processing: unstated('No MiniMax page in the stored corpus says where API requests are processed.', h.sources),
    })),
  },
  {
    vendor: 'Sber GigaChat',
    vendorDomains: ['sber.ru', 'sberbank.ru'],
    hosts: [
      {
        pattern: 'gigachat.devices.sberbank.ru',
        sources: [GIGACHAT_API_REFERENCE],
        processing: unstated('Sber\'s API reference names this domain for GigaChat requests; no Sber page in the stored corpus says in which country they are processed. A reseller (Polza.ai) says the provider keeps the data in Russia; that is not Sber\'s own word.', [GIGACHAT_API_REFERENCE, GIGACHAT_RESELLER]),
      },
    ],
    clients: [
      pyClient('gigachat', {
        callees: pyClasses({
          gigachat: ['GigaChat'],
          langchain_gigachat: ['GigaChat', 'GigaChatEmbeddings'],
          'langchain_gigachat.chat_models': ['GigaChat'],
          'langchain_gigachat.chat_models.gigachat': ['GigaChat'],
          'langchain_gigachat.embeddings': ['GigaChatEmbeddings'],
          'langchain_gigachat.embeddings.gigachat': ['GigaChatEmbeddings'],
          'langchain_community.chat_models': ['GigaChat'],
          'langchain_community.chat_models.gigachat': ['GigaChat'],
          'langchain_community.llms': ['GigaChat'],
          'langchain_community.llms.gigachat': ['GigaChat'],
          'langchain_community.embeddings': ['GigaChatEmbeddings'],
          'langchain_community.embeddings.gigachat': ['GigaChatEmbeddings'],
        }),
        packages: ['gigachat', 'langchain-gigachat', 'langchain-community'],
        options: { url: ['base_url'], model: ['model'] },
        env: { url: ['GIGACHAT_BASE_URL'] },
        defaults: { host: 'gigachat.devices.sberbank.ru', baseUrl: 'https://gigachat.devices.sberbank.ru/api/v1' },
        note: 'The LangChain classes pass base_url= to the gigachat SDK, whose settings read GIGACHAT_BASE_URL, else Sber\'s API.',
        sources: [GIGACHAT_SDK_SETTINGS, LC_GIGACHAT, LC_COMMUNITY('llms/gigachat.py'), LC_COMMUNITY('embeddings/gigachat.py')],
      }),
    ],
  },
  {
    vendor: 'Nomic Atlas',
    vendorDomains: ['nomic.ai', 'github.com/nomic-ai'],
    hosts: [
      {
        pattern: 'api-atlas.nomic.ai',
        sources: [NOMIC_CLIENT],
        processing: unstated('No Nomic page in the stored corpus says where embedding requests are processed.', [NOMIC_CLIENT]),
      },
    ],
    clients: [
      pyClient('langchain-nomic', {
        callees: pyClasses({ langchain_nomic: ['NomicEmbeddings'], 'langchain_nomic.embeddings': ['NomicEmbeddings'] }),
        // inference_mode="local" embeds on this machine (Embed4All): no request leaves it.
        unless: { name: 'inference_mode', oneOf: ['local'] },
        packages: ['langchain-nomic', 'nomic'],
        options: { model: ['model'] },
        defaults: { host: 'api-atlas.nomic.ai' },
        note: 'Calls the nomic client, which sends requests to the production Atlas API unless `nomic login` chose an enterprise tenant (stored outside the repository). inference_mode="dynamic" may embed locally or remotely.',
        sources: [LC_NOMIC, NOMIC_CLIENT],
      }),
    ],
  },
  {
    vendor: 'NetMind AI',
    vendorDomains: ['netmind.ai', 'netmind-power.gitbook.io'],
    hosts: [
      { pattern: 'api.netmind.ai', sources: [NETMIND_CHAT] },
      { pattern: 'inference-api.netmind.ai', sources: [NETMIND_OPENAI_API] },
    ].map((h) => ({
      ...h,
      processing: unstated('No NetMind page in the stored corpus says where inference requests are processed.', h.sources),
    })),
    clients: [
      pyClient('langchain-netmind', {
        callees: pyClasses({
          langchain_netmind: ['ChatNetmind', 'NetmindEmbeddings'],
          'langchain_netmind.chat_models': ['ChatNetmind'],
          'langchain_netmind.embeddings': ['NetmindEmbeddings'],
        }),
        packages: ['langchain-netmind'],
        options: { url: ['base_url', 'netmind_api_base'], model: ['model', 'model_name'] },
        env: { url: ['NETMIND_API_BASE'] },
        defaults: { host: 'api.netmind.ai', baseUrl: 'https://api.netmind.ai/inference-api/openai/v1' },
        note: 'An OpenAI client on base_url= (netmind_api_base), else NETMIND_API_BASE, else NetMind\'s API.',
        sources: [LC_NETMIND, NETMIND_CHAT],
      }),
    ],
  },
  {
    vendor: 'T-Systems AI Foundation Services (LLM Hub)',
    vendorDomains: ['t-systems.net', 't-systems.com'],
    note: 'A gateway: some models run on Telekom\'s own cloud, others are forwarded to third-party vendors.',
    hosts: [
      {
        pattern: 'llm-server.llmhub.t-systems.net',
        sources: [LLMHUB_API_ENDPOINTS],
        processing: unstated('T-Systems\' Enterprise Trust page: where a request is processed depends on the model it names. Models Telekom runs on T-Cloud Public are processed in the EU/EEA or a country with an EU adequacy decision; models forwarded to third-party vendors (OpenAI, Anthropic, Google, Mistral Medium) may be processed worldwide by their sub-processors.', [LLMHUB_ENTERPRISE_TRUST]),
      },
    ],
  },
];
