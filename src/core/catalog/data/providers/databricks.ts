import type { Provider } from '../../types';
import { CHECKED_TODAY, RESEARCH_SNAPSHOT, src } from '../common';

const FMAPI_COMPLIANCE = src('https://docs.databricks.com/aws/machine-learning/foundation-model-apis/compliance', CHECKED_TODAY);
const FMAPI_COMPLIANCE_AZURE = src(
  'https://learn.microsoft.com/en-us/Azure/Databricks/machine-learning/foundation-model-apis/compliance',
  CHECKED_TODAY,
);
const DESIGNATED = src('https://docs.databricks.com/aws/en/resources/designated-services', CHECKED_TODAY);
const DESIGNATED_AZURE = src('https://learn.microsoft.com/azure/databricks/resources/designated-services', CHECKED_TODAY);
const GEOS_AZURE = src('https://docs.azure.cn/en-us/databricks/resources/databricks-geos', CHECKED_TODAY);
const TRUST_HIPAA = src('https://databricks.com/trust/hipaa', CHECKED_TODAY);
const FMAPI = src('https://docs.databricks.com/machine-learning/foundation-model-apis', CHECKED_TODAY);
const LLAMAINDEX = src('https://developers.llamaindex.ai/python/examples/llm/databricks', CHECKED_TODAY);
const LITELLM = src('https://docs.litellm.ai/docs/providers/databricks', RESEARCH_SNAPSHOT);
const DATABRICKS_OPENAI = src('https://docs.databricks.com/gcp/en/generative-ai/agent-framework/query-agent', CHECKED_TODAY);

const HOST_NOTE =
  'Workspace host (OpenAI-compatible base /serving-endpoints). The region/Geo is a workspace property, not in the hostname; cross-Geo processing is an account setting.';

export const provider: Provider = {
  id: 'databricks',
  name: 'Databricks Model Serving / Foundation Model APIs',
  kind: 'host',
  operator: 'Databricks',
  // Azure Databricks is documented by Microsoft (learn.microsoft.com, docs.azure.cn for Azure China).
  vendorDomains: ['databricks.com', 'azuredatabricks.net', 'learn.microsoft.com', 'docs.azure.cn', 'github.com/databricks'],
  hosts: [
    { pattern: '{resource}.cloud.databricks.com', regionSet: 'aws', note: `Databricks on AWS. ${HOST_NOTE}`, sources: [FMAPI, DESIGNATED] },
    { pattern: 'adb-*.azuredatabricks.net', regionSet: 'azure', note: `Azure Databricks. ${HOST_NOTE}`, sources: [FMAPI_COMPLIANCE_AZURE, DESIGNATED_AZURE] },
    { pattern: '{resource}.gcp.databricks.com', regionSet: 'gcp', note: `Databricks on Google Cloud. ${HOST_NOTE}`, sources: [DESIGNATED] },
  ],
  posture: {
    baa: {
      value: 'available',
      tier: 'Databricks HIPAA compliance option (Compliance Security Profile with the HIPAA standard)',
      conditions: [
        'Pay-per-token Foundation Model APIs: HIPAA compliant; with the Compliance Security Profile only when the compliance standard is HIPAA or None.',
        'Provisioned throughput: HIPAA in all regions (plus PCI-DSS, FedRAMP, IRAP, CCCS, UK Cyber Essentials Plus where supported).',
        'External models (routing to OpenAI, Anthropic, etc.) follow the upstream provider.',
      ],
      sources: [FMAPI_COMPLIANCE, FMAPI_COMPLIANCE_AZURE, TRUST_HIPAA],
    },
    soc2Type2: {
      value: true,
      note: 'A "SOC 2 Type II + HIPAA report" is available from the Databricks account team.',
      sources: [TRUST_HIPAA],
    },
    iso27001: { value: null, note: 'Not covered by the research.', sources: [TRUST_HIPAA] },
    iso42001: { value: null, note: 'Not covered by the research.', sources: [TRUST_HIPAA] },
    euAiActGpai: {
      value: null,
      note: 'Databricks serves other developers\' models (and external models): the GPAI status follows the model\'s developer.',
      sources: [FMAPI],
    },
    euResidency: {
      value: true,
      options: [
        'Workspace in an EU Geo with cross-Geo processing disabled',
        'Azure Databricks workspace in the EU Data Boundary',
      ],
      note: 'Designated Services (Foundation Model APIs, AI Functions, Agent Bricks, Genie) process content in the workspace Geo unless an account admin enables cross-Geo processing (data is still not stored outside the Geo). Cross-Geo is on by default for workspaces outside the US and EU without the Compliance Security Profile.',
      sources: [DESIGNATED, DESIGNATED_AZURE, GEOS_AZURE],
    },
    trainingOnDataByDefault: { value: null, note: 'Not covered by the research.', sources: [FMAPI] },
    retentionDefault: { value: null, note: 'Not covered by the research.', sources: [FMAPI] },
  },
  clients: [
    {
      id: 'databricks-openai',
      languages: ['python'],
      callees: ['DatabricksOpenAI', 'AsyncDatabricksOpenAI'],
      packages: ['databricks-openai'],
      options: {},
      env: { url: ['DATABRICKS_HOST'] },
      defaults: { region: null },
      note: 'Built from a databricks.sdk WorkspaceClient, whose host comes from the Databricks SDK config (DATABRICKS_HOST or a profile).',
      sources: [DATABRICKS_OPENAI],
    },
    {
      id: 'llamaindex-databricks',
      languages: ['python'],
      callees: ['Databricks'],
      packages: ['llama-index-llms-databricks'],
      options: { url: ['api_base'], model: ['model'] },
      env: { url: ['DATABRICKS_SERVING_ENDPOINT'] },
      defaults: { region: null },
      sources: [LLAMAINDEX],
    },
  ],
  env: [
    { name: 'DATABRICKS_HOST', kind: 'url', specific: true, sources: [DATABRICKS_OPENAI] },
    { name: 'DATABRICKS_SERVING_ENDPOINT', kind: 'url', specific: true, sources: [LLAMAINDEX] },
    { name: 'DATABRICKS_API_BASE', kind: 'url', specific: true, sources: [LITELLM] },
  ],
  euSwap: {
    advice:
      'Use a workspace in an EU Geo (Azure: EU Data Boundary) and keep "Enforce data processing within workspace Geography for Designated Services" enabled (cross-Geo processing off).',
    sources: [DESIGNATED, GEOS_AZURE],
  },
  notes: ['Flag workspaces with cross-Geo processing enabled: that is an account setting, not visible in code.'],
};
