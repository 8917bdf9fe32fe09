import type { Provider } from '../../types';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, gh, src } from '../common';
import { SPRING_AI_OLLAMA_API } from '../spring-ai';

const OLLAMA_FAQ = src('https://docs.ollama.com/faq.md', CHECKED_TODAY);
const OLLAMA_FAQ_RAW = src('https://raw.githubusercontent.com/ollama/ollama/main/docs/faq.mdx', CHECKED_TODAY);
const LITELLM_OLLAMA = src('https://docs.litellm.ai/docs/providers/ollama', RESEARCH_SNAPSHOT);
const LITELLM_VLLM = src('https://docs.litellm.ai/docs/providers/vllm', RESEARCH_SNAPSHOT);
const SK_LMSTUDIO = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'dotnet/samples/Concepts/ChatCompletion/LMStudio_ChatCompletion.cs',
  '2026-08-20',
);
const LANGCHAIN_OLLAMA = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/ollama/langchain_ollama/chat_models.py',
  RESEARCH_SNAPSHOT,
);
const LANGCHAINGO_OLLAMA = gh('tmc/langchaingo', '8fea3de6', 'llms/ollama/internal/ollamaclient/ollamaclient.go', '2026-12-03');
const LANGCHAINGO_OLLAMA_OPTIONS = gh('tmc/langchaingo', '8fea3de6', 'llms/ollama/options.go', '2026-12-03');
const LANGCHAIN_COMMUNITY_OLLAMA = gh('langchain-ai/langchain', '4de46e8b', 'libs/community/langchain_community/llms/ollama.py', '2026-12-03');
const OLLAMA_PY = gh('ollama/ollama-python', '1088e5a645d310d88e21566f0576a4cb658b9715', 'ollama/_client.py', CHECKED_TODAY);

const NA_NOTE = 'Your own infrastructure: a third-party certification does not apply; your own controls and hosting provider decide.';
const LOCAL_SOURCES = [OLLAMA_FAQ, SK_LMSTUDIO];

export const provider: Provider = {
  id: 'self-hosted',
  name: 'Self-hosted open-weight models (Ollama, vLLM, llama.cpp, LM Studio, TGI)',
  kind: 'self-hosted',
  operator: 'You (the deploying organisation)',
  // No vendor: the posture follows from running the model yourself.
  vendorDomains: [],
  hosts: [
    { pattern: 'localhost', location: 'self', note: 'Ollama :11434, vLLM :8000, llama.cpp :8080, LM Studio :1234 are common defaults.', sources: LOCAL_SOURCES },
    { pattern: '127.0.0.1', location: 'self', note: 'Ollama binds 127.0.0.1:11434 by default.', sources: [OLLAMA_FAQ, OLLAMA_FAQ_RAW] },
    { pattern: '::1', location: 'self', sources: LOCAL_SOURCES },
    {
      pattern: '0.0.0.0',
      location: 'self',
      note: 'A listen address (e.g. OLLAMA_HOST=0.0.0.0): the server is exposed on every interface. Check that it is not reachable from the internet.',
      sources: [OLLAMA_FAQ],
    },
    { pattern: 'host.docker.internal', location: 'self', note: 'Docker host from inside a container.', sources: LOCAL_SOURCES },
    { pattern: '*.svc.cluster.local', location: 'self', note: 'Kubernetes in-cluster service.', sources: LOCAL_SOURCES },
    { pattern: '*.internal', location: 'self', note: 'Private DNS zone.', sources: LOCAL_SOURCES },
    { pattern: '*.local', location: 'self', note: 'mDNS / local network name.', sources: LOCAL_SOURCES },
  ],
  locations: [
    {
      id: 'self',
      name: 'Your own infrastructure',
      jurisdiction: 'self',
      countries: 'self',
      euResident: true,
      note: 'Served from your own infrastructure; residency follows where you run it; no third-party processor. The same runtimes on a public IP or hostname are not "self" in this sense: flag exposed servers.',
      sources: LOCAL_SOURCES,
    },
  ],
  posture: {
    baa: {
      value: 'not-applicable',
      note: 'No third-party processor receives the data, so there is no model vendor to sign a BAA; your own HIPAA safeguards (and your hosting provider\'s BAA, if any) still apply.',
      sources: LOCAL_SOURCES,
    },
    soc2Type2: { value: null, note: NA_NOTE, sources: LOCAL_SOURCES },
    iso27001: { value: null, note: NA_NOTE, sources: LOCAL_SOURCES },
    iso42001: { value: null, note: NA_NOTE, sources: LOCAL_SOURCES },
    euAiActGpai: {
      value: 'not-applicable',
      note: 'GPAI provider duties rest with the model\'s developer; as a deployer you may have your own AI Act duties. Model licences (e.g. Llama) are separate.',
      sources: LOCAL_SOURCES,
    },
    euResidency: {
      value: true,
      options: ['Run the server in an EU location'],
      note: 'Residency is wherever you run the server.',
      sources: LOCAL_SOURCES,
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'No third party receives prompts; local runtimes do not train on them.',
      sources: LOCAL_SOURCES,
    },
    retentionDefault: {
      value: 'Whatever your own deployment logs and keeps; no third-party retention.',
      sources: LOCAL_SOURCES,
    },
  },
  clients: [
    {
      id: 'ollama-python',
      languages: ['python'],
      callees: ['ollama.Client', 'ollama.AsyncClient'],
      packages: ['ollama'],
      options: { url: ['host'] },
      env: { url: ['OLLAMA_HOST'] },
      defaults: { host: '127.0.0.1' },
      note: 'Default http://127.0.0.1:11434.',
      sources: [OLLAMA_PY, OLLAMA_FAQ],
    },
    {
      id: 'ollama-js-llamaindex',
      languages: ['js', 'python'],
      callees: ['Ollama'],
      packages: ['ollama', 'llama-index-llms-ollama'],
      options: { url: ['host', 'base_url'] },
      env: { url: ['OLLAMA_HOST'] },
      defaults: { host: '127.0.0.1' },
      note: 'new Ollama({ host }) in ollama-js; Ollama(base_url=...) in LlamaIndex.',
      sources: [OLLAMA_FAQ],
    },
    {
      id: 'langchain-ollama',
      languages: ['python', 'js'],
      callees: ['ChatOllama', 'OllamaLLM', 'OllamaEmbeddings'],
      packages: ['langchain-ollama', '@langchain/ollama'],
      options: { url: ['base_url', 'baseUrl'], model: ['model'] },
      defaults: { host: 'localhost' },
      note: 'Default http://localhost:11434.',
      sources: [LANGCHAIN_OLLAMA],
    },
    {
      id: 'spring-ai-ollama',
      languages: ['java'],
      callees: ['OllamaApi.builder', 'OllamaApi'],
      packages: ['org.springframework.ai:spring-ai-ollama', 'org.springframework.ai.ollama'],
      options: { url: ['baseUrl', '$0'] },
      defaults: { host: 'localhost', baseUrl: 'http://localhost:11434' },
      note: 'Spring AI: OllamaApi.builder().baseUrl(...) (or new OllamaApi(baseUrl)); default http://localhost:11434.',
      sources: [SPRING_AI_OLLAMA_API],
    },
    {
      id: 'langchain-community-ollama',
      languages: ['python'],
      // Qualified by the import, so that the ollama package's own Client/Ollama keep their 127.0.0.1 default.
      callees: [
        'langchain_community.llms.Ollama',
        'langchain_community.llms.ollama.Ollama',
        'langchain_community.chat_models.ChatOllama',
        'langchain_community.chat_models.ollama.ChatOllama',
        'langchain_community.embeddings.OllamaEmbeddings',
        'langchain.llms.Ollama',
        'langchain.chat_models.ChatOllama',
        'langchain.embeddings.OllamaEmbeddings',
      ],
      packages: ['langchain-community', 'langchain'],
      options: { url: ['base_url'], model: ['model'] },
      defaults: { host: 'localhost' },
      note: 'LangChain\'s community Ollama classes default to base_url http://localhost:11434 and do not read OLLAMA_HOST.',
      sources: [LANGCHAIN_COMMUNITY_OLLAMA],
    },
    {
      id: 'langchaingo-ollama',
      languages: ['go'],
      callees: ['ollama.New'],
      packages: ['github.com/tmc/langchaingo/llms/ollama'],
      options: { url: ['WithServerURL'], model: ['WithModel'] },
      env: { url: ['OLLAMA_HOST'] },
      defaults: { host: '127.0.0.1' },
      note: 'langchaingo: WithServerURL, else OLLAMA_HOST, else http://127.0.0.1:11434.',
      sources: [LANGCHAINGO_OLLAMA, LANGCHAINGO_OLLAMA_OPTIONS],
    },
  ],
  env: [
    { name: 'OLLAMA_HOST', kind: 'url', specific: true, sources: [OLLAMA_FAQ] },
    { name: 'OLLAMA_API_BASE', kind: 'url', specific: true, sources: [LITELLM_OLLAMA] },
    { name: 'HOSTED_VLLM_API_BASE', kind: 'url', specific: true, sources: [LITELLM_VLLM] },
  ],
  notes: [
    'The engine treats RFC1918 addresses as self-hosted itself. Flag the same ports (11434, 8000, 8080, 1234) on public IPs or hostnames: an exposed Ollama is not private.',
    'Usually reached with the OpenAI SDK and base_url http://localhost:11434/v1 (Ollama), :8000/v1 (vLLM), :8080/v1 (llama.cpp), :1234/v1 (LM Studio, default not re-verified).',
  ],
};
