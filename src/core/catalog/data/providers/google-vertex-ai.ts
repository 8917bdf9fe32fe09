import type { Provider } from '../../types';
import {
  CHECKED_TODAY,
  GPAI_BACKFIELD,
  GPAI_CASRAI,
  GPAI_DIGINTO,
  RESEARCH_SNAPSHOT,
  gh,
  ghTree,
  src,
} from '../common';
import { SPRING_AI_VERTEX_DOCS } from '../spring-ai';

const SK_VERTEX = src('https://github.com/microsoft/semantic-kernel/blob/0e2e6bd7774a5b82ddb8460fbaf93eda365a6d3b/dotnet/src/Connectors/Connectors.Google/Extensions/VertexAIKernelBuilderExtensions.cs', CHECKED_TODAY);
const LC4J_VERTEX = src('https://docs.langchain4j.dev/integrations/language-models/google-vertex-ai-gemini', CHECKED_TODAY);
const JAVA_GENAI = src('https://github.com/googleapis/java-genai/blob/main/README.md', CHECKED_TODAY);
const NODE_VERTEXAI = src('https://github.com/googleapis/nodejs-vertexai/blob/main/README.md', CHECKED_TODAY);
const RESIDENCY = src('https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency', CHECKED_TODAY);
const RESIDENCY_B = src(
  'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency?isVariant=b',
  CHECKED_TODAY,
);
const LOCATIONS = src('https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations-genai', CHECKED_TODAY);
const ZDR = src(
  'https://docs.cloud.google.com/gemini-enterprise-agent-platform/resources/zero-data-retention.md.txt',
  CHECKED_TODAY,
);
const GCP_HIPAA = src('https://cloud.google.com/security/compliance/hipaa/', CHECKED_TODAY);
const VAIS_COMPLIANCE = src(
  'https://cloud.google.com/generative-ai-app-builder/docs/compliance-security-controls?hl=pt',
  CHECKED_TODAY,
);
const BAA_3P = src('https://zyfolks.com/blog/google-cloud-baa-healthcare-ai/', CHECKED_TODAY, true);
const APT = src('https://aiprovidertrust.com/offerings/gemini-vertex/', CHECKED_TODAY, true);
const RETENTION_3P = src(
  'https://raw.githubusercontent.com/cuihuan/awesome-ai-gateway/main/data/data_retention.json',
  CHECKED_TODAY,
  true,
);

const PY_GENAI = gh('googleapis/python-genai', '66807187', 'google/genai/_api_client.py', '2026-08-21');
const JS_GENAI = gh('googleapis/js-genai', '0017dab019d9b670d516fc13cce71d01afa9f11d', 'src/_api_client.ts', CHECKED_TODAY);
const GO_GENAI = gh('googleapis/go-genai', '01d25b90cadb76bc10650adf344500f1a9a9a74e', 'client.go', CHECKED_TODAY);
const AIPLATFORM_INIT = gh(
  'googleapis/python-aiplatform',
  'd4cae46c1a99474e7e2984968004fa16c099bd5c',
  'google/cloud/aiplatform/initializer.py',
  CHECKED_TODAY,
);
const AIPLATFORM_GENERATIVE = gh('googleapis/python-aiplatform', 'd4cae46c1a99474e7e2984968004fa16c099bd5c', 'vertexai/generative_models/_generative_models.py', CHECKED_TODAY);
const AIPLATFORM_CONST = gh(
  'googleapis/python-aiplatform',
  '01118613a07b3bee1c0f68ced93142ec3b64f4d4',
  'google/cloud/aiplatform/constants/base.py',
  CHECKED_TODAY,
);
// Since langchain-google PR #683 (2025-01-13) the Vertex AI classes take vertexai.init()'s location when given none.
const LC_VERTEX_INIT = gh('langchain-ai/langchain-google', '75f75815e0fdb8b719a1cb576184cc4833a68a16', 'libs/vertexai/langchain_google_vertexai/_base.py', CHECKED_TODAY);
const ANTHROPIC_VERTEX_PY = gh(
  'anthropics/anthropic-sdk-python',
  '0d1f1a663a7bd43f1f524ddaad1d6e18d6d68a61',
  'src/anthropic/lib/vertex/_client.py',
  CHECKED_TODAY,
);
const ANTHROPIC_PY_RESEARCH = ghTree('anthropics/anthropic-sdk-python', '009b0353', '2026-08-07');
const ANTHROPIC_TS = ghTree('anthropics/anthropic-sdk-typescript', 'bfa9197f', '2026-08-19');
const VERCEL_VERTEX = gh('vercel/ai', 'ed857f50', 'packages/google-vertex/src/google-vertex-provider-base.ts', '2026-08-22');
const LANGCHAINGO = gh(
  'tmc/langchaingo',
  '8fea3de6',
  'examples/vertex-completion-example/vertex-completion-example.go',
  '2026-01-11',
);
const FIREBASE_LOCATIONS = src('https://firebase.google.com/docs/ai-logic/locations', RESEARCH_SNAPSHOT);
const FIREBASE_LOCATIONS_VERTEX = src('https://firebase.google.com/docs/ai-logic/locations?api=vertex', CHECKED_TODAY);
const GCP_SAMPLES = ghTree('GoogleCloudPlatform/generative-ai', '23b75dab', '2026-08-21');

export const provider: Provider = {
  id: 'google-vertex-ai',
  name: 'Google Vertex AI (Gemini Enterprise Agent Platform)',
  kind: 'cloud',
  operator: 'Google Cloud',
  vendorDomains: ['google.com', 'google.dev', 'github.com/googleapis', 'github.com/GoogleCloudPlatform'],
  hosts: [
    {
      pattern: '{region}-aiplatform.googleapis.com',
      regionSet: 'gcp',
      note: 'Regional endpoint: ML processing stays in the region only for models listed in the data-residency table.',
      sources: [RESIDENCY, PY_GENAI],
    },
    {
      pattern: 'aiplatform.googleapis.com',
      location: 'global',
      regionSet: 'gcp',
      note: 'Global endpoint (location "global", also Vertex express mode with an API key): may be processed in any Google Cloud location, no residency guarantee.',
      sources: [RESIDENCY_B, LOCATIONS, JS_GENAI],
    },
    {
      pattern: 'aiplatform.eu.rep.googleapis.com',
      location: 'eu',
      regionSet: 'gcp',
      note: 'EU jurisdictional multi-region endpoint.',
      sources: [RESIDENCY_B, JS_GENAI],
    },
    {
      pattern: 'aiplatform.us.rep.googleapis.com',
      location: 'us',
      regionSet: 'gcp',
      note: 'US jurisdictional multi-region endpoint.',
      sources: [RESIDENCY_B, JS_GENAI],
    },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      tier: 'Google Cloud BAA (covered services)',
      conditions: [
        'The Google Cloud BAA must be executed; only services and generally available features listed as covered services may receive PHI (preview features excluded).',
        'Partner and open models on Vertex follow the Google Cloud terms for Model-as-a-Service; check per-model coverage.',
      ],
      note: 'UNKNOWN from Google\'s own pages as read here, though widely reported: the Google Cloud HIPAA guide says Google signs BAAs for covered products and the Vertex AI Search compliance page shows HIPAA for Vertex AI Search and the RAG APIs, but no Google page read names Generative AI on Vertex AI as a covered product (the covered-products list was not in the stored copy, re-searched 2026-12-03); third-party guides say it is covered. List google-vertex-ai under baa: once your Google Cloud BAA confirms it.',
      sources: [GCP_HIPAA, VAIS_COMPLIANCE, BAA_3P],
    },
    soc2Type2: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Google\'s own pages: a third party citing Google\'s services-in-scope list reports "Vertex AI Platform" and "Generative AI on Vertex AI" in scope for SOC 1/2/3; the list was not read.',
      sources: [APT],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Google\'s own pages: a third party citing Google\'s services-in-scope list reports Vertex AI in scope for ISO 27001/27017/27018; the list was not read.',
      sources: [APT],
    },
    iso42001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Google\'s own pages: a third party reports Google Cloud Platform ISO/IEC 42001:2023 certified with "Generative AI on Gemini Enterprise Agent Platform" (Vertex AI) in the products-in-scope list; the certificate was not read.',
      sources: [APT],
    },
    euAiActGpai: {
      value: null,
      note: 'Depends on the model\'s developer. Per third-party reports of the Commission list: Google (Gemini), Anthropic and Mistral signed; Meta (Llama) refused; DeepSeek and other Chinese developers have not signed.',
      sources: [GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI],
    },
    euResidency: {
      value: true,
      options: [
        'eu multi-region (aiplatform.eu.rep.googleapis.com)',
        'europe-west1',
        'europe-west3',
        'europe-west4',
        'europe-west8',
        'europe-west9',
        'europe-north1',
        'europe-central2',
        'europe-southwest1',
      ],
      note: 'ML processing stays in the region/multi-region of the request only for models listed in the data-residency table; data at rest stays in the selected location. The global endpoint gives no guarantee, and some new models are global-only. Avoid europe-west2 (London) and europe-west6 (Zurich) for EU-only policies.',
      sources: [RESIDENCY, RESIDENCY_B, LOCATIONS],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Training restriction (Service Specific Terms): Google will not use customer data to train or fine-tune any AI/ML model without prior permission; applies to all managed models.',
      vendorStatement: 'Google will not use customer data to train or fine-tune any AI/ML model without the customer\'s prior permission or instruction.',
      sources: [ZDR],
    },
    retentionDefault: {
      value: 'Prompt logging for abuse monitoring applies under the Google Cloud Terms of Service (customers on the Cloud Master Agreement are exempt by default); in-memory caching with a 24 h TTL is on by default and can be disabled; Grounding with Google Search stores data 30 days. Zero data retention requires specific customer actions.',
      uncertain: true,
      note: 'The ToS-versus-Master-Agreement scope and an "Advanced AI Safety Addendum" (up to 30-day logging for designated models regardless of ZDR) come from a third-party aggregator only.',
      sources: [ZDR, RETENTION_3P],
    },
  },
  clients: [
    {
      id: 'google-genai-python-vertex',
      languages: ['python'],
      callees: ['genai.Client'],
      requireOption: { name: 'vertexai', oneOf: [true], env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['google-genai'],
      options: { region: ['location'], url: ['base_url'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'No location (and no API key / base URL) means location "global" -> aiplatform.googleapis.com, no residency. "us"/"eu" use the .rep. multi-region hosts.',
      sources: [PY_GENAI, GCP_SAMPLES],
    },
    {
      id: 'google-genai-python-enterprise',
      languages: ['python'],
      callees: ['genai.Client'],
      requireOption: { name: 'enterprise', oneOf: [true], env: ['GOOGLE_GENAI_USE_ENTERPRISE'] },
      packages: ['google-genai'],
      options: { region: ['location'], url: ['base_url'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: 'global' },
      note: 'enterprise=True (or GOOGLE_GENAI_USE_ENTERPRISE) is the newer spelling of vertexai=True and behaves the same: default location "global".',
      sources: [PY_GENAI, GCP_SAMPLES],
    },
    {
      id: 'google-genai-js-vertex',
      languages: ['js'],
      callees: ['GoogleGenAI'],
      requireOption: { name: 'vertexai', oneOf: [true], env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['@google/genai'],
      options: { region: ['location'], url: ['baseUrl'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'], url: ['GOOGLE_VERTEX_BASE_URL'] },
      defaults: { region: 'global' },
      note: 'With vertexai: true and no location, API key or base URL, the client uses location "global".',
      sources: [JS_GENAI],
    },
    {
      id: 'google-genai-go-vertex',
      languages: ['go'],
      callees: ['genai.NewClient'],
      requireOption: {
        name: 'Backend',
        oneOf: ['genai.BackendVertexAI', 'BackendVertexAI', 'genai.BackendEnterprise', 'BackendEnterprise'],
        env: ['GOOGLE_GENAI_USE_VERTEXAI', 'GOOGLE_GENAI_USE_ENTERPRISE'],
      },
      packages: ['google.golang.org/genai'],
      options: { region: ['Location'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION', 'GOOGLE_CLOUD_REGION'], url: ['GOOGLE_VERTEX_BASE_URL'] },
      defaults: { region: 'global' },
      note: 'ClientConfig{Backend: genai.BackendVertexAI, Location: ...}; without a location, API key or base URL the client uses "global".',
      sources: [GO_GENAI],
    },
    {
      id: 'google-genai-java-vertex',
      languages: ['java'],
      callees: ['com.google.genai.Client.builder'],
      requireOption: { name: 'vertexAI', oneOf: [true], env: ['GOOGLE_GENAI_USE_VERTEXAI'] },
      packages: ['com.google.genai:google-genai', 'com.google.genai'],
      options: { region: ['location'] },
      env: { region: ['GOOGLE_CLOUD_LOCATION'] },
      defaults: { region: null },
      note: 'Client.builder().project(...).location(...).vertexAI(true).build(). The default location without .location() or GOOGLE_CLOUD_LOCATION was not verified, so it stays unknown.',
      sources: [JAVA_GENAI],
    },
    {
      id: 'vertexai-node',
      languages: ['js'],
      callees: ['VertexAI'],
      packages: ['@google-cloud/vertexai'],
      options: { region: ['location'] },
      defaults: { region: null },
      note: 'new VertexAI({project, location}) from the older Vertex AI Node.js SDK; the location is passed explicitly.',
      sources: [NODE_VERTEXAI],
    },
    {
      id: 'semantic-kernel-vertex-gemini',
      languages: ['csharp'],
      callees: ['AddVertexAIGeminiChatCompletion', 'AddVertexAIEmbeddingGenerator', 'AddVertexAIEmbeddingGeneration'],
      packages: ['Microsoft.SemanticKernel.Connectors.Google'],
      options: { region: ['location', '$2'] },
      defaults: { region: null },
      note: 'AddVertexAIGeminiChatCompletion(modelId, bearerKey, location, projectId): the location is a required argument.',
      sources: [SK_VERTEX],
    },
    {
      id: 'vertexai-init',
      languages: ['python'],
      callees: ['vertexai.init', 'aiplatform.init'],
      packages: ['google-cloud-aiplatform'],
      options: { region: ['location'], url: ['api_endpoint'] },
      env: { region: ['GOOGLE_CLOUD_REGION', 'CLOUD_ML_REGION'] },
      defaults: { region: 'us-central1' },
      note: 'Sets the default location for later GenerativeModel(...) calls (the vertexai.generative_models module is deprecated).',
      sources: [AIPLATFORM_INIT, AIPLATFORM_CONST],
    },
    {
      id: 'vertexai-generative-model',
      languages: ['python'],
      callees: [
        'vertexai.generative_models.GenerativeModel', 'vertexai.preview.generative_models.GenerativeModel',
        'vertexai.generative_models.GenerativeModel.from_cached_content', 'vertexai.preview.generative_models.GenerativeModel.from_cached_content',
      ],
      packages: ['google-cloud-aiplatform'],
      configuredBy: ['vertexai.init', 'aiplatform.init'],
      options: { region: ['location'], model: ['model_name', '$0'] },
      env: { region: ['GOOGLE_CLOUD_REGION', 'CLOUD_ML_REGION'] },
      defaults: { region: 'us-central1' },
      note: 'GenerativeModel(...) sends requests to the location vertexai.init() set for the process (else GOOGLE_CLOUD_REGION, CLOUD_ML_REGION, then us-central1). An init in another module is not followed, so without one in the same file the location is unknown.',
      sources: [AIPLATFORM_INIT, AIPLATFORM_GENERATIVE],
    },
    {
      id: 'langchain-vertexai',
      languages: ['python'],
      callees: ['ChatVertexAI', 'VertexAI', 'VertexAIEmbeddings'],
      packages: ['langchain-google-vertexai'],
      configuredBy: ['vertexai.init', 'aiplatform.init'],
      options: { region: ['location'], url: ['base_url', 'api_endpoint'], model: ['model', 'model_name'] },
      defaults: { region: 'us-central1' },
      note: 'Without location=, the class takes the location vertexai.init() set for the process (initializer.global_config: else GOOGLE_CLOUD_REGION, CLOUD_ML_REGION, then us-central1), as langchain-google-vertexai does since January 2025.',
      sources: [LC_VERTEX_INIT, AIPLATFORM_INIT],
    },
    {
      id: 'anthropic-vertex',
      languages: ['python', 'js'],
      callees: ['AnthropicVertex', 'AsyncAnthropicVertex'],
      packages: ['anthropic', '@anthropic-ai/vertex-sdk'],
      options: { region: ['region'], url: ['base_url', 'baseURL'] },
      env: { region: ['CLOUD_ML_REGION'], url: ['ANTHROPIC_VERTEX_BASE_URL'] },
      defaults: { region: null },
      note: 'Claude on Vertex AI: Google is the processor. Without region or CLOUD_ML_REGION the client raises. region "global" -> aiplatform.googleapis.com, "eu" -> aiplatform.eu.rep.googleapis.com, "us" -> aiplatform.us.rep.googleapis.com, else {region}-aiplatform.googleapis.com.',
      sources: [ANTHROPIC_VERTEX_PY, ANTHROPIC_PY_RESEARCH, ANTHROPIC_TS],
    },
    {
      id: 'vercel-ai-google-vertex',
      languages: ['js'],
      callees: ['createGoogleVertex', 'vertex', 'createVertexAnthropic', 'vertexAnthropic'],
      packages: ['@ai-sdk/google-vertex'],
      options: { region: ['location'], url: ['baseURL'] },
      env: { region: ['GOOGLE_VERTEX_LOCATION'] },
      defaults: { region: null },
      note: 'Location comes from the option or GOOGLE_VERTEX_LOCATION (no built-in default); "global", "eu" and "us" are handled. The factory is createGoogleVertex, not createVertex.',
      sources: [VERCEL_VERTEX],
    },
    {
      // Express mode: given an API key, the provider sends requests to the global host, whatever the location.
      id: 'vercel-ai-google-vertex-express',
      languages: ['js'],
      callees: ['createGoogleVertex'],
      packages: ['@ai-sdk/google-vertex'],
      requireOption: { name: 'apiKey', oneOf: [], anyValue: true },
      options: { url: ['baseURL'] },
      defaults: { region: 'global' },
      note: 'createGoogleVertex({ apiKey }) is Vertex AI express mode: requests go to https://aiplatform.googleapis.com/v1/publishers/google (the global endpoint), and the location is not used.',
      sources: [VERCEL_VERTEX],
    },
    {
      id: 'firebase-ai-logic-vertex',
      languages: ['js'],
      callees: ['VertexAIBackend'],
      packages: ['firebase'],
      options: { region: ['$0'] },
      defaults: { region: 'us-central1' },
      note: 'Firebase AI Logic: new VertexAIBackend(location) selects the Vertex AI Gemini API; default us-central1.',
      sources: [FIREBASE_LOCATIONS],
    },
    {
      id: 'langchain4j-vertex-gemini',
      languages: ['java'],
      callees: ['VertexAiGeminiChatModel.builder', 'VertexAiGeminiStreamingChatModel.builder'],
      packages: ['dev.langchain4j:langchain4j-vertex-ai-gemini', 'dev.langchain4j.model.vertexai'],
      options: { region: ['location'], client: ['vertexAI'] },
      defaults: { region: null },
      note: 'LangChain4j: .project(...).location(...) are required builder settings. Spring AI\'s VertexAiGeminiChatModel.builder() takes a VertexAI (.vertexAI(v)), reported where that is built.',
      sources: [LC4J_VERTEX, SPRING_AI_VERTEX_DOCS],
    },
    {
      id: 'vertexai-java',
      languages: ['java'],
      callees: ['VertexAI', 'VertexAI.Builder'],
      packages: ['com.google.cloud:google-cloud-vertexai', 'com.google.cloud.vertexai'],
      options: { region: ['$1', 'setLocation'] },
      defaults: { region: null },
      note: 'Vertex AI SDK for Java (used by Spring AI): new VertexAI(projectId, location) or new VertexAI.Builder().setLocation(...).',
      sources: [SPRING_AI_VERTEX_DOCS],
    },
    {
      id: 'langchaingo-vertex',
      languages: ['go'],
      callees: ['vertex.New'],
      packages: ['github.com/tmc/langchaingo/llms/googleai/vertex'],
      options: { region: ['WithCloudLocation'] },
      defaults: {},
      note: 'Default location when WithCloudLocation is absent was not verified.',
      sources: [LANGCHAINGO],
    },
  ],
  env: [
    { name: 'VERTEXAI_LOCATION', kind: 'region', specific: true, sources: [src('https://docs.litellm.ai/docs/providers/vertex', RESEARCH_SNAPSHOT)] },
    { name: 'VERTEX_AI_LOCATION', kind: 'region', specific: true, sources: [GCP_SAMPLES] },
    { name: 'VERTEX_LOCATION', kind: 'region', specific: true, sources: [LANGCHAINGO] },
    { name: 'GOOGLE_VERTEX_LOCATION', kind: 'region', specific: true, sources: [VERCEL_VERTEX] },
    { name: 'CLOUD_ML_REGION', kind: 'region', specific: true, sources: [ANTHROPIC_VERTEX_PY, AIPLATFORM_INIT] },
    { name: 'GOOGLE_CLOUD_LOCATION', kind: 'region', specific: false, sources: [PY_GENAI, GO_GENAI] },
    { name: 'GOOGLE_CLOUD_REGION', kind: 'region', specific: false, sources: [GO_GENAI, AIPLATFORM_INIT] },
    { name: 'GOOGLE_VERTEX_BASE_URL', kind: 'url', specific: true, sources: [GO_GENAI] },
    { name: 'ANTHROPIC_VERTEX_BASE_URL', kind: 'url', specific: true, sources: [ANTHROPIC_VERTEX_PY] },
    { name: 'GOOGLE_GENAI_USE_VERTEXAI', kind: 'flag', specific: true, sources: [GO_GENAI, GCP_SAMPLES] },
    { name: 'GOOGLE_GENAI_USE_ENTERPRISE', kind: 'flag', specific: true, sources: [GO_GENAI, PY_GENAI] },
  ],
  euSwap: {
    region: 'europe-west4',
    advice:
      'Set an EU location explicitly (e.g. location="europe-west4", or "eu" for the EU multi-region) and use a model listed in the Vertex data-residency table; never rely on the default, which is "global" for google-genai.',
    sources: [RESIDENCY, PY_GENAI],
  },
  globalOnlyModels: {
    // Gemini preview models (not the Live API ones).
    pattern: '^(?:google/)?gemini-(?!.*live)[a-z0-9.-]*-preview(?:-[a-z0-9.-]+)?$',
    note: 'Google: Gemini preview models require the location global (except Live API previews); in another location the request fails with 404, and the working setting, global, may process data in any region.',
    sources: [FIREBASE_LOCATIONS_VERTEX, LOCATIONS],
  },
  notes: [
    'LiteLLM vertex_ai/ defaults to us-central1 but switches global-only models to the global endpoint.',
    'The OpenAI SDK pointed at https://{location}-aiplatform.googleapis.com/.../endpoints/openapi is Vertex AI: the host decides.',
  ],
};
