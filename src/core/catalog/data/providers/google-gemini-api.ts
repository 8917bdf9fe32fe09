import type { Provider } from '../../types';
import {
  CHECKED_TODAY,
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

const SK_GOOGLE_AI = src('https://github.com/microsoft/semantic-kernel/blob/0e2e6bd7774a5b82ddb8460fbaf93eda365a6d3b/dotnet/src/Connectors/Connectors.Google/Extensions/GoogleAIKernelBuilderExtensions.cs', CHECKED_TODAY);
const LC4J_GEMINI = src('https://docs.langchain4j.dev/integrations/language-models/google-ai-gemini', CHECKED_TODAY);
const LANGCHAINGO_GOOGLEAI = src('https://github.com/tmc/langchaingo/blob/09cea0e8d54eb8fa4152f5e0e27fc9d0e03be192/llms/googleai/new.go', CHECKED_TODAY);
const GENERATIVE_AI_JS = gh('google-gemini/generative-ai-js', 'da7ed0ea', 'src/requests/request.ts', '2026-12-03');
const JAVA_GENAI = src('https://github.com/googleapis/java-genai/blob/main/README.md', CHECKED_TODAY);
const TERMS = src('https://ai.google.dev/gemini-api/terms', CHECKED_TODAY);
const USAGE_POLICIES = src('https://ai.google.dev/gemini-api/docs/usage-policies', CHECKED_TODAY);
const ZDR = src('https://ai.google.dev/gemini-api/docs/zdr', CHECKED_TODAY);
const FIREBASE_LOCATIONS = src('https://firebase.google.com/docs/ai-logic/locations', RESEARCH_SNAPSHOT);
const GCP_HIPAA = src('https://cloud.google.com/security/compliance/hipaa/', CHECKED_TODAY);
const ACCOUNTABLE_GCP = src(
  'https://www.accountablehq.com/post/is-google-cloud-hipaa-compliant-baa-eligible-services-and-best-practices',
  CHECKED_TODAY,
  true,
);

const PY_GENAI = gh('googleapis/python-genai', '66807187', 'google/genai/_api_client.py', '2026-08-21');
const JS_GENAI = gh('googleapis/js-genai', '0017dab019d9b670d516fc13cce71d01afa9f11d', 'src/_api_client.ts', CHECKED_TODAY);
const GO_GENAI = gh('googleapis/go-genai', '01d25b90cadb76bc10650adf344500f1a9a9a74e', 'client.go', CHECKED_TODAY);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/google/src/google-provider.ts', '2026-08-22');
const LANGCHAIN = ghTree('langchain-ai/langchain-google', '014c400e755ff3256a28385e41c40448ec8ce36c', CHECKED_TODAY);

export const provider: Provider = {
  id: 'google-gemini-api',
  name: 'Google Gemini Developer API (AI Studio)',
  kind: 'model-developer',
  operator: 'Google',
  vendorDomains: ['google.dev', 'google.com', 'github.com/googleapis', 'github.com/google-gemini'],
  hosts: [
    {
      pattern: 'generativelanguage.googleapis.com',
      location: 'global',
      note: 'No location parameter: requests are served from a global pool. Google points to Vertex AI for data residency.',
      sources: [PY_GENAI, FIREBASE_LOCATIONS],
    },
  ],
  locations: [
    {
      id: 'global',
      name: 'Gemini API global pool',
      jurisdiction: 'global',
      countries: 'worldwide',
      euResident: false,
      note: 'Paid-services data "may be stored transiently or cached in any country".',
      sources: [TERMS, FIREBASE_LOCATIONS],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN, and no sign of coverage: no BAA path was found for the Gemini Developer API / AI Studio. Google\'s BAA covers listed Google Cloud "Covered Services" (Vertex AI) and Workspace, the Gemini API terms restrict clinical-practice / medical-advice use, and third parties say AI Studio cannot be used for PHI; but no Google page says the Gemini API is excluded. Use Vertex AI for PHI.',
      sources: [TERMS, GCP_HIPAA, ACCOUNTABLE_GCP],
    },
    soc2Type2: {
      value: null,
      note: 'Not found for the Gemini Developer API in the research; Vertex AI audit scope does not automatically extend to it.',
      sources: [TERMS],
    },
    iso27001: {
      value: null,
      note: 'Not found for the Gemini Developer API in the research.',
      sources: [TERMS],
    },
    iso42001: {
      value: null,
      note: 'Not found for the Gemini Developer API in the research.',
      sources: [TERMS],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: `${GPAI_SIGNATORY_NOTE} Google signed with public reservations (late July 2025), per the same reports.`,
      sources: [GPAI_EC_INVITE, GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_AICV],
    },
    euResidency: {
      value: false,
      note: 'No EU option on the Gemini Developer API; use Vertex AI with an EU region or the eu multi-region.',
      vendorStatement: 'The Gemini Developer API has no location setting: requests are served from a global pool, and Google points to Vertex AI for data residency.',
      sources: [FIREBASE_LOCATIONS, TERMS],
    },
    trainingOnDataByDefault: {
      value: true,
      note: 'True for Unpaid Services (free AI Studio and free API quota): content is used to improve Google products and human reviewers may read it. Once a Cloud Billing account is active (Paid Services) prompts and responses are not used to improve products. Apps serving users in the EEA, Switzerland or the UK may only use Paid Services.',
      sources: [TERMS, ZDR],
    },
    retentionDefault: {
      value: 'Prompts, context and outputs kept 55 days for abuse monitoring; Grounding with Google Search / Maps stores prompts and output 30 days. Project-level ZDR on approval (sanitized logs).',
      sources: [USAGE_POLICIES, ZDR],
    },
  },
  clients: [
    {
      id: 'google-genai-python-gemini',
      languages: ['python'],
      callees: ['genai.Client'],
      packages: ['google-genai'],
      options: { url: ['base_url'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Without vertexai=True / enterprise=True the client calls the Gemini Developer API. The environment variables GOOGLE_GENAI_USE_VERTEXAI / GOOGLE_GENAI_USE_ENTERPRISE=true switch it to Vertex AI. A custom base URL sits in http_options.',
      sources: [PY_GENAI],
    },
    {
      id: 'google-genai-js-gemini',
      languages: ['js'],
      callees: ['GoogleGenAI'],
      packages: ['@google/genai'],
      options: { url: ['baseUrl'] },
      env: { url: ['GOOGLE_GEMINI_BASE_URL'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Gemini API unless vertexai: true. A custom base URL sits in httpOptions.baseUrl.',
      sources: [JS_GENAI],
    },
    {
      id: 'google-generative-ai-js',
      languages: ['js'],
      callees: ['GoogleGenerativeAI'],
      packages: ['@google/generative-ai'],
      options: {},
      defaults: { host: 'generativelanguage.googleapis.com', baseUrl: 'https://generativelanguage.googleapis.com' },
      note: 'The older JS SDK: the constructor takes only the API key; a custom baseUrl goes in the request options of getGenerativeModel.',
      sources: [GENERATIVE_AI_JS],
    },
    {
      id: 'google-genai-java-gemini',
      languages: ['java'],
      callees: ['com.google.genai.Client.builder', 'com.google.genai.Client'],
      packages: ['com.google.genai:google-genai', 'com.google.genai'],
      options: {},
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Client.builder().apiKey(...) or new Client() uses the Gemini API unless .vertexAI(true) or GOOGLE_GENAI_USE_VERTEXAI=true.',
      sources: [JAVA_GENAI],
    },
    {
      id: 'langchain4j-google-ai-gemini',
      languages: ['java'],
      callees: ['GoogleAiGeminiChatModel.builder', 'GoogleAiGeminiStreamingChatModel.builder'],
      packages: ['dev.langchain4j:langchain4j-google-ai-gemini', 'dev.langchain4j.model.googleai'],
      options: {},
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'LangChain4j client for the Gemini API (API key from Google AI Studio).',
      sources: [LC4J_GEMINI],
    },
    {
      id: 'semantic-kernel-google-ai',
      languages: ['csharp'],
      callees: ['AddGoogleAIGeminiChatCompletion', 'AddGoogleAIEmbeddingGenerator', 'AddGoogleAIEmbeddingGeneration'],
      packages: ['Microsoft.SemanticKernel.Connectors.Google'],
      options: {},
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Semantic Kernel\'s Google AI connector calls the Gemini API with an API key; the Vertex AI variant is AddVertexAIGeminiChatCompletion.',
      sources: [SK_GOOGLE_AI],
    },
    {
      id: 'langchaingo-googleai',
      languages: ['go'],
      callees: ['googleai.New'],
      packages: ['github.com/tmc/langchaingo/llms/googleai'],
      options: {},
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'langchaingo googleai.New builds a github.com/google/generative-ai-go client (the Gemini API); the Vertex AI variant is vertex.New.',
      sources: [LANGCHAINGO_GOOGLEAI],
    },
    {
      id: 'google-genai-go-gemini',
      languages: ['go'],
      callees: ['genai.NewClient'],
      packages: ['google.golang.org/genai'],
      options: {},
      env: { url: ['GOOGLE_GEMINI_BASE_URL'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'Gemini API unless ClientConfig.Backend is BackendVertexAI/BackendEnterprise or GOOGLE_GENAI_USE_VERTEXAI / GOOGLE_GENAI_USE_ENTERPRISE is true. The deprecated cloud.google.com/go/vertexai/genai package has a NewClient(ctx, project, location) with the same callee: that one is Vertex AI.',
      sources: [GO_GENAI],
    },
    {
      id: 'vercel-ai-google',
      languages: ['js'],
      callees: ['createGoogleGenerativeAI', 'google'],
      packages: ['@ai-sdk/google'],
      options: { url: ['baseURL'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      note: 'google(...) is the default provider instance (GOOGLE_GENERATIVE_AI_API_KEY).',
      sources: [VERCEL],
    },
    {
      id: 'langchain-google-genai',
      languages: ['python', 'js'],
      callees: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAIEmbeddings'],
      packages: ['langchain-google-genai', '@langchain/google-genai'],
      options: { model: ['model'] },
      defaults: { host: 'generativelanguage.googleapis.com' },
      sources: [LANGCHAIN],
    },
  ],
  env: [{ name: 'GOOGLE_GEMINI_BASE_URL', kind: 'url', specific: true, sources: [GO_GENAI] }],
  euSwap: {
    advice:
      'The Gemini Developer API has no EU option: call the same Gemini models on Vertex AI with location="eu" (aiplatform.eu.rep.googleapis.com) or an EU region such as europe-west4, for models listed in the Vertex data-residency table.',
    sources: [FIREBASE_LOCATIONS, src('https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency', CHECKED_TODAY)],
  },
};
