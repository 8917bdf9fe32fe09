import type { Provider } from '../../types';
import { EU_MEMBER_STATES } from '../../zones';
import {
  CHECKED_FRAMEWORKS,
  CHECKED_TODAY,
  GPAI_AICV,
  GPAI_BACKFIELD,
  GPAI_CASRAI,
  GPAI_DIGINTO,
  GPAI_EC_INVITE,
  RESEARCH_SNAPSHOT,
  gh,
  src,
} from '../common';
import { SPRING_AI_AZURE_DOCS } from '../spring-ai';

const LC4J_AZURE = src('https://github.com/langchain4j/langchain4j/blob/main/langchain4j-azure-open-ai/src/main/java/dev/langchain4j/model/azure/AzureOpenAiChatModel.java', CHECKED_TODAY);
const DEPLOYMENT_TYPES = src('https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/deployment-types', CHECKED_TODAY);
const DEPLOYMENT_TYPES_ZH = src('https://learn.microsoft.com/zh-hk/azure/ai-services/openai/how-to/deployment-types', CHECKED_TODAY);
const FOUNDRY_DEPLOYMENT_TYPES = src('https://learn.microsoft.com/zh-cn/azure/ai-services/openai/how-to/deployment-types', CHECKED_TODAY);
const DATA_PRIVACY = src('https://learn.microsoft.com/en-us/legal/cognitive-services/openai/data-privacy', CHECKED_TODAY);
const API_LIFECYCLE = src('https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle', RESEARCH_SNAPSHOT);
const CLAUDE_HOSTING = src(
  'https://learn.microsoft.com/azure/foundry/foundry-models/concepts/claude-models-hosting-comparison',
  RESEARCH_SNAPSHOT,
);
const CLAUDE_FOUNDRY = src('https://platform.claude.com/docs/en/build-with-claude/claude-in-microsoft-foundry', RESEARCH_SNAPSHOT);
const QA_BAA_2025 = src('https://learn.microsoft.com/en-in/answers/questions/2265200/azure-ai-baa-hipaa-compliance', CHECKED_TODAY, true);
const QA_BAA_2024 = src('https://learn.microsoft.com/en-us/answers/a/1864789', CHECKED_TODAY, true);
const QA_BAA_DPA = src('https://learn.microsoft.com/en-us/answers/a/12516606', CHECKED_TODAY, true);
const AOAI_ESSENTIALS = src('https://fliphtml5.com/zroi/kpmw/Azure_OpenAI_Essentials/241/', CHECKED_TODAY, true);
const APT = src('https://aiprovidertrust.com/offerings/azure-openai/', CHECKED_TODAY, true);
const ISO42001_NEWS = src(
  'https://windowsforum.com/threads/microsoft-achieves-iso-iec-42001-2023-certification-for-responsible-ai-governance.373890/latest',
  CHECKED_TODAY,
  true,
);
const RETENTION_3P = src('https://raw.githubusercontent.com/cuihuan/awesome-ai-gateway/main/data/data_retention.json', CHECKED_TODAY, true);

const PY_AZURE = gh('openai/openai-python', 'e43b4224', 'src/openai/lib/azure.py', '2026-08-21');
const NODE_AZURE = gh('openai/openai-node', '7b7d6ca7', 'src/azure.ts', '2026-08-21');
const VERCEL_AZURE = gh('vercel/ai', 'ed857f50', 'packages/azure/src/azure-openai-provider.ts', '2026-08-22');
const SK_AZURE_AI_INFERENCE = gh('microsoft/semantic-kernel', 'b39d95a34435f4c1d55dd00c86120ce118d847e1', 'python/semantic_kernel/connectors/ai/azure_ai_inference/azure_ai_inference_settings.py', CHECKED_FRAMEWORKS);
const SK_CS = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'dotnet/samples/Concepts/ChatCompletion/OpenAI_StructuredOutputs.cs',
  '2026-08-20',
);
const SK_CS_CLIENT = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'dotnet/samples/Concepts/ChatCompletion/HybridCompletion_Fallback.cs',
  '2026-08-20',
);
const SK_PY = gh(
  'microsoft/semantic-kernel',
  'b39d95a3',
  'python/semantic_kernel/connectors/ai/open_ai/services/azure_config_base.py',
  '2026-08-20',
);
const RUST = gh('64bit/async-openai', 'ca74607', 'examples/azure-openai-service/src/main.rs', '2026-07-31');
const LANGCHAIN = src(
  'https://github.com/langchain-ai/langchain/blob/master/libs/partners/openai/langchain_openai/chat_models/azure.py',
  RESEARCH_SNAPSHOT,
);

const HOST_NOTE =
  'The hostname never reveals the region or the deployment type: both are properties of the Azure resource and deployment (IaC: azurerm_cognitive_account location, azurerm_cognitive_deployment sku/scale type). Resource names like "...-europe-..." prove nothing.';

export const provider: Provider = {
  id: 'azure-openai',
  name: 'Azure OpenAI / Microsoft Foundry (models sold by Azure)',
  kind: 'cloud',
  operator: 'Microsoft',
  vendorDomains: ['microsoft.com', 'azure.com', 'github.com/Azure', 'github.com/microsoft'],
  hosts: [
    { pattern: '{resource}.openai.azure.com', regionSet: 'azure', note: HOST_NOTE, sources: [PY_AZURE, API_LIFECYCLE] },
    {
      pattern: '{resource}.services.ai.azure.com',
      regionSet: 'azure',
      note: `${HOST_NOTE} The /anthropic/ path on this host is Claude in Microsoft Foundry, where Anthropic (not Microsoft) is the processor: no EU Data Zone, and Anthropic's BAA does not apply to third-party-cloud purchases.`,
      sources: [API_LIFECYCLE, CLAUDE_HOSTING, CLAUDE_FOUNDRY],
    },
    { pattern: '{resource}.cognitiveservices.azure.com', regionSet: 'azure', note: HOST_NOTE, sources: [API_LIFECYCLE] },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      tier: 'Microsoft HIPAA BAA in the Product Terms / Products and Services DPA (EA, MCA, CSP, pay-as-you-go)',
      conditions: [
        'The customer must be a covered entity or business associate; the BAA applies to in-scope services only.',
        'Text inputs are treated as in scope; coverage of image and realtime-audio inputs is not confirmed (process PHI as text only).',
        'Claude models in Foundry are sold and processed by Anthropic: Microsoft\'s BAA does not cover them and Anthropic\'s BAA does not apply to third-party-cloud purchases.',
      ],
      note: 'UNKNOWN from Microsoft\'s own pages: Microsoft Q&A volunteer-moderator answers and a Microsoft Press book say Azure OpenAI is in scope of the HIPAA BAA in the Product Terms / DPA, but the service-level scope list sits behind the Service Trust Portal and no Microsoft page naming Azure OpenAI was found (re-searched 2026-12-03). List azure-openai under baa: once your agreement confirms it.',
      sources: [QA_BAA_DPA, QA_BAA_2025, QA_BAA_2024, AOAI_ESSENTIALS],
    },
    soc2Type2: {
      value: null,
      uncertain: true,
      note: "UNKNOWN from Microsoft's own pages: third parties report Azure's (the platform's) SOC 2 Type 2 attestation; the report and its service scope are gated behind the Service Trust Portal.",
      sources: [APT, AOAI_ESSENTIALS],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Microsoft\'s own pages: a third party reports Azure\'s ISO/IEC 27001:2022 certificate (platform level); the in-scope service list is in the gated certificate scope statement.',
      sources: [APT],
    },
    iso42001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from Microsoft\'s own pages: third parties report that Microsoft announced ISO/IEC 42001:2023 for Azure AI Foundry Models (the service that hosts Azure OpenAI models); the announcement was not read.',
      sources: [APT, ISO42001_NEWS],
    },
    euAiActGpai: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN until the Commission\'s signatory list is read: third parties report both the model developer (OpenAI) and the platform operator (Microsoft) as full signatories. Other models sold by Azure (DeepSeek, Llama, Grok...) follow their own developer.',
      sources: [GPAI_EC_INVITE, GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI, GPAI_AICV],
    },
    euResidency: {
      value: true,
      options: [
        'DataZoneStandard / DataZoneProvisionedManaged deployment on a resource in an EU member state (processing stays in EU member nations)',
        'Standard / ProvisionedManaged (regional) deployment in an EU region',
      ],
      note: 'GlobalStandard, GlobalProvisionedManaged and GlobalBatch may process in any Azure location: not EU-resident even for a West Europe resource. Data at rest stays in the resource geography for all types. The Developer deployment type for fine-tuned models has no residency. Claude in Foundry has no EU Data Zone. Per-model availability of EU Data Zones varies.',
      sources: [DEPLOYMENT_TYPES, DEPLOYMENT_TYPES_ZH, FOUNDRY_DEPLOYMENT_TYPES, CLAUDE_HOSTING],
    },
    trainingOnDataByDefault: {
      value: false,
      note: 'Prompts, completions, embeddings and training data are not available to OpenAI and not used to train or improve foundation models; Microsoft hosts the models and the service does not call OpenAI-operated services.',
      vendorStatement: 'Your prompts, completions, embeddings and training data are not used to train, retrain or improve foundation models without your permission.',
      sources: [DATA_PRIVACY],
    },
    retentionDefault: {
      value: null,
      note: 'Prompts and completions may be stored for abuse monitoring; modified abuse monitoring / no storage needs Limited Access approval. Older pages said up to 30 days, current pages state no period [third-party observation]. Exact current period UNCERTAIN.',
      sources: [DATA_PRIVACY, RETENTION_3P],
    },
  },
  clients: [
    {
      id: 'openai-azure',
      languages: ['python', 'js'],
      callees: ['AzureOpenAI', 'AsyncAzureOpenAI'],
      packages: ['openai', 'llama-index-llms-azure-openai'],
      options: {
        url: ['azure_endpoint', 'base_url', 'endpoint', 'baseURL'],
        model: ['azure_deployment', 'deployment', 'deployment_name', 'engine'],
      },
      env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      note: 'Region and deployment type are not in code: read them from IaC (location, sku.name / scale_type). Python uses azure_endpoint, TS endpoint; LlamaIndex AzureOpenAI uses azure_endpoint and engine.',
      sources: [PY_AZURE, NODE_AZURE, SK_PY],
    },
    {
      id: 'azure-openai-dotnet',
      languages: ['csharp'],
      callees: ['AzureOpenAIClient'],
      packages: ['Azure.AI.OpenAI'],
      options: { url: ['$0', 'endpoint', 'Endpoint'] },
      defaults: { region: null },
      note: 'new AzureOpenAIClient(new Uri(endpoint), credential).',
      sources: [SK_CS_CLIENT],
    },
    {
      id: 'semantic-kernel-azure-dotnet',
      languages: ['csharp'],
      callees: ['AddAzureOpenAIChatCompletion', 'AddAzureOpenAITextEmbeddingGeneration', 'AddAzureOpenAIEmbeddingGenerator'],
      packages: ['Microsoft.SemanticKernel'],
      options: { url: ['endpoint', '$1'], model: ['deploymentName', '$0'] },
      defaults: { region: null },
      note: 'AddAzureOpenAIChatCompletion(deploymentName, endpoint, apiKey): the endpoint is the second positional argument or endpoint:. It is often read from appsettings.json ("AzureOpenAI": { "Endpoint": ... }).',
      sources: [SK_CS],
    },
    {
      id: 'semantic-kernel-azure-python',
      languages: ['python'],
      callees: ['AzureChatCompletion', 'AzureTextEmbedding'],
      packages: ['semantic-kernel'],
      options: { url: ['endpoint', 'base_url'], model: ['deployment_name'] },
      env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      note: 'Usually configured only through environment/.env settings classes.',
      sources: [SK_PY],
    },
    {
      id: 'langchain-azure-chat-openai',
      languages: ['python'],
      callees: ['AzureChatOpenAI', 'AzureOpenAIEmbeddings'],
      packages: ['langchain-openai'],
      options: { url: ['azure_endpoint'], model: ['azure_deployment', 'deployment_name'] },
      env: { url: ['AZURE_OPENAI_ENDPOINT'] },
      defaults: { region: null },
      sources: [LANGCHAIN],
    },
    {
      id: 'vercel-ai-azure',
      languages: ['js'],
      callees: ['createAzure', 'azure'],
      packages: ['@ai-sdk/azure'],
      options: { url: ['baseURL'], resource: ['resourceName'] },
      env: { resource: ['AZURE_RESOURCE_NAME'] },
      defaults: { region: null },
      note: 'createAzure({ resourceName }) builds https://{resourceName}.openai.azure.com/openai/v1{path}. azure(...) is the default instance.',
      sources: [VERCEL_AZURE],
    },
    {
      id: 'langchain4j-azure-openai',
      languages: ['java'],
      callees: ['AzureOpenAiChatModel.builder', 'AzureOpenAiStreamingChatModel.builder', 'AzureOpenAiEmbeddingModel.builder'],
      packages: ['dev.langchain4j:langchain4j-azure-open-ai', 'dev.langchain4j.model.azure'],
      options: { url: ['endpoint'], client: ['openAIClientBuilder'] },
      defaults: {},
      note: 'LangChain4j: .endpoint("https://NAME.openai.azure.com/") is required; the region is the resource\'s. Spring AI\'s AzureOpenAiChatModel.builder() takes the Azure SDK\'s OpenAIClientBuilder (.openAIClientBuilder(b)), reported where that is built.',
      sources: [LC4J_AZURE, SPRING_AI_AZURE_DOCS],
    },
    {
      id: 'azure-openai-java',
      languages: ['java'],
      callees: ['OpenAIClientBuilder'],
      packages: ['com.azure:azure-ai-openai', 'com.azure.ai.openai'],
      options: { url: ['endpoint'] },
      defaults: {},
      note: 'Azure SDK for Java (used by Spring AI): new OpenAIClientBuilder().endpoint("https://NAME.openai.azure.com/").credential(...); the region is the resource\'s.',
      sources: [SPRING_AI_AZURE_DOCS],
    },
    {
      id: 'async-openai-azure-rust',
      languages: ['rust'],
      callees: ['AzureConfig.new'],
      packages: ['async-openai'],
      options: { url: ['with_api_base'], model: ['with_deployment_id'] },
      defaults: { region: null },
      sources: [RUST],
    },
  ],
  env: [
    { name: 'AZURE_OPENAI_ENDPOINT', kind: 'url', specific: true, sources: [PY_AZURE, NODE_AZURE] },
    { name: 'AZURE_RESOURCE_NAME', kind: 'resource', specific: true, sources: [VERCEL_AZURE] },
    { name: 'AZURE_AI_INFERENCE_ENDPOINT', kind: 'url', specific: true, sources: [SK_AZURE_AI_INFERENCE] },
    { name: 'AZURE_API_BASE', kind: 'url', specific: true, sources: [src('https://docs.litellm.ai/docs/providers/azure', RESEARCH_SNAPSHOT)] },
  ],
  euSwap: {
    advice:
      'Deploy the model as DataZoneStandard (or regional Standard) on a resource in an EU member-state region such as swedencentral, francecentral or germanywestcentral; GlobalStandard deployments are not EU-resident.',
    sources: [DEPLOYMENT_TYPES, DEPLOYMENT_TYPES_ZH],
  },
  requestMarks: {
    paths: ['/openai/deployments/'],
    queryKeys: ['api-version'],
    headerKeys: ['api-key'],
    note: 'The OpenAI SDKs\' Azure clients build {endpoint}/openai/deployments/{deployment}, send api-version as a query parameter and the key in an api-key header; the plain OpenAI client set up the same way calls Azure OpenAI.',
    sources: [NODE_AZURE, PY_AZURE],
  },
  notes: [
    'Best residency signal is IaC: azurerm_cognitive_deployment sku.name / scale_type GlobalStandard|GlobalProvisionedManaged|GlobalBatch = not EU; DataZone* = EU only when the resource location is an EU member state; Standard = the resource geography.',
    'The v1 API (opt-in since Aug 2025) is reached with the plain OpenAI() client at https://{resource}.openai.azure.com/openai/v1/: the host, not the class, identifies Azure.',
  ],
  // Deployment-types page: "SKU name in code" per type, and where each processes prompts
  // (data at rest stays in the resource's geography for all of them).
  deploymentTypes: [
    { sku: 'GlobalStandard', scope: 'global', dataZoneAlternative: 'DataZoneStandard', regionalAlternative: 'Standard', note: 'Prompts and responses may be processed in any geography where the model is deployed.', sources: [DEPLOYMENT_TYPES, DATA_PRIVACY] },
    { sku: 'GlobalProvisionedManaged', scope: 'global', dataZoneAlternative: 'DataZoneProvisionedManaged', regionalAlternative: 'ProvisionedManaged', note: 'Prompts and responses may be processed in any geography where the model is deployed.', sources: [DEPLOYMENT_TYPES, DATA_PRIVACY] },
    { sku: 'GlobalBatch', scope: 'global', dataZoneAlternative: 'DataZoneBatch', note: 'Batch jobs may be processed in any geography where the model is deployed; there is no regional batch type.', sources: [DEPLOYMENT_TYPES] },
    { sku: 'DeveloperTier', scope: 'global', note: 'Developer (fine-tuned model evaluation) deployments come without data residency.', sources: [DEPLOYMENT_TYPES, FOUNDRY_DEPLOYMENT_TYPES] },
    { sku: 'DataZoneStandard', scope: 'data-zone', note: 'Prompts and responses may be processed anywhere within the Microsoft-defined data zone of the resource\'s region.', sources: [DEPLOYMENT_TYPES, DATA_PRIVACY] },
    { sku: 'DataZoneProvisionedManaged', scope: 'data-zone', note: 'Prompts and responses may be processed anywhere within the Microsoft-defined data zone of the resource\'s region.', sources: [DEPLOYMENT_TYPES, DATA_PRIVACY] },
    { sku: 'DataZoneBatch', scope: 'data-zone', note: 'Batch jobs may be processed anywhere within the Microsoft-defined data zone of the resource\'s region.', sources: [DEPLOYMENT_TYPES] },
    { sku: 'Standard', scope: 'regional', note: 'Processed in the resource\'s Azure region (its geography).', sources: [DEPLOYMENT_TYPES] },
    { sku: 'ProvisionedManaged', scope: 'regional', note: 'Processed in the resource\'s Azure region (its geography).', sources: [DEPLOYMENT_TYPES] },
  ],
  // Data-privacy page: a DataZone deployment of a resource in the United States may process
  // anywhere in the United States; of a resource in an EU member nation, in any EU member nation.
  dataZones: [
    { id: 'eu-data-zone', name: 'EU Data Zone (EU member nations)', jurisdictions: ['EU'], countries: EU_MEMBER_STATES, euResident: true, sources: [DATA_PRIVACY, DEPLOYMENT_TYPES] },
    { id: 'us-data-zone', name: 'US Data Zone (United States)', jurisdictions: ['US'], countries: ['US'], euResident: false, sources: [DATA_PRIVACY, DEPLOYMENT_TYPES] },
  ],
};
