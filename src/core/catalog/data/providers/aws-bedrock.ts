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
import { SPRING_AI_BEDROCK_PROXY } from '../spring-ai';

const ENDPOINTS = src('https://docs.aws.amazon.com/bedrock/latest/userguide/endpoints.html', RESEARCH_SNAPSHOT);
const GEO_CRIS = src(
  'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
  RESEARCH_SNAPSHOT,
);
const BDA_CRIS = src('https://docs.aws.amazon.com/bedrock/latest/userguide/bda-cris.html', CHECKED_TODAY);
const CDK_PROFILES = src(
  'https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-bedrock-alpha.CrossRegionInferenceProfileRegion.md',
  CHECKED_TODAY,
);
const CDK_PROFILES_EU = src(
  'https://awslabs.github.io/generative-ai-cdk-constructs/apidocs/namespaces/bedrock/enumerations/CrossRegionInferenceProfileRegion.html',
  CHECKED_TODAY,
);
const CDK_BEDROCK_ALPHA = src('https://docs.aws.amazon.com/cdk/api/v2/docs/@aws-cdk_aws-bedrock-alpha.AgentProps.html', CHECKED_TODAY);
const GENAI_CDK_AGENTS = gh('awslabs/generative-ai-cdk-constructs', '9d49b9d3261598abaffec56914062ab3fa99214a', 'src/cdk-lib/bedrock/agents/README.md', CHECKED_TODAY);
const GENAI_CDK_KNOWLEDGE_BASES = gh('awslabs/generative-ai-cdk-constructs', '9d49b9d3261598abaffec56914062ab3fa99214a', 'src/cdk-lib/bedrock/knowledge-bases/README.md', CHECKED_TODAY);
const CFN_AGENT = src('https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_bedrock-readme.md', CHECKED_TODAY);
const RETENTION = src('https://docs.aws.amazon.com/bedrock/latest/userguide/data-retention.html', CHECKED_TODAY);
const RETENTION_3P = src('https://www.developersdigest.tech/models/data-retention/bedrock', CHECKED_TODAY, true);
const HIPAA_3P = src('https://elliotdrel.com/aws-bedrock-hipaa', CHECKED_TODAY, true);
const HIPAA_3P_B = src('https://www.fraktional.ai/blog/aws-bedrock-hipaa-deployment', CHECKED_TODAY, true);
const APT_BEDROCK = src('https://aiprovidertrust.com/offerings/llama-bedrock/', CHECKED_TODAY, true);

const BOTO_SAMPLES = ghTree('aws-samples/amazon-bedrock-samples', '85fba9d9', '2026-08-21');
const ANTHROPIC_BEDROCK_PY = gh(
  'anthropics/anthropic-sdk-python',
  '002af394521781b430ecdcf3c5fbdea53614f533',
  'src/anthropic/lib/bedrock/_client.py',
  CHECKED_TODAY,
);
const ANTHROPIC_PY_RESEARCH = ghTree('anthropics/anthropic-sdk-python', '009b0353', '2026-08-07');
const ANTHROPIC_TS = ghTree('anthropics/anthropic-sdk-typescript', 'bfa9197f', '2026-08-19');
const OPENAI_NODE_BEDROCK = gh(
  'openai/openai-node',
  '02bac236eff178b613aad84921b128f79f1b5b89',
  'src/bedrock.ts',
  CHECKED_TODAY,
);
const VERCEL = gh('vercel/ai', 'ed857f50', 'packages/amazon-bedrock/src/bedrock-provider.ts', '2026-08-22');
const CONTINUE_JS = gh('continuedev/continue', 'd0a3c0b6', 'core/llm/llms/Bedrock.ts', '2026-06-18');
const JAVA_SAMPLE = BOTO_SAMPLES;
const LANGCHAINGO = gh('tmc/langchaingo', '8fea3de6', 'examples/bedrock-provider-example/main.go', '2026-01-11');
const LLAMAINDEX = src('https://developers.llamaindex.ai/python/examples/llm/bedrock_converse/', RESEARCH_SNAPSHOT);
const LANGCHAIN_AWS = src('https://docs.langchain.com/oss/javascript/integrations/chat/bedrock', CHECKED_TODAY);

export const provider: Provider = {
  id: 'aws-bedrock',
  name: 'Amazon Bedrock',
  kind: 'cloud',
  operator: 'Amazon Web Services',
  vendorDomains: ['amazon.com', 'amazonaws.com', 'api.aws', 'awslabs.github.io', 'github.com/aws', 'github.com/awslabs'],
  hosts: [
    {
      pattern: 'bedrock-runtime.{region}.amazonaws.com',
      regionSet: 'aws',
      note: 'Inference (InvokeModel, Converse, Chat Completions). With a geographic inference profile (us., eu., apac., jp., au.) prompts may be processed in other regions of the same geography; with a global. profile in any commercial region.',
      sources: [ENDPOINTS, GEO_CRIS],
    },
    { pattern: 'bedrock-runtime-fips.{region}.amazonaws.com', regionSet: 'aws', note: 'FIPS inference endpoint.', sources: [ENDPOINTS] },
    {
      pattern: 'bedrock-mantle.{region}.api.aws',
      regionSet: 'aws',
      note: 'OpenAI-compatible Responses / Chat Completions endpoint (subset of regions; in Europe: eu-central-1, eu-north-1, eu-south-1, eu-west-1, eu-west-2).',
      sources: [ENDPOINTS, OPENAI_NODE_BEDROCK],
    },
    { pattern: 'bedrock-agent-runtime.{region}.amazonaws.com', regionSet: 'aws', note: 'Agents / knowledge-base runtime.', sources: [ENDPOINTS] },
    { pattern: 'bedrock.{region}.amazonaws.com', regionSet: 'aws', note: 'Control plane (model management, not inference).', sources: [ENDPOINTS] },
  ],
  posture: {
    baa: {
      value: null,
      uncertain: true,
      tier: 'Standard AWS BAA (accepted in AWS Artifact)',
      conditions: [
        'Check that the AWS HIPAA Eligible Services Reference lists Amazon Bedrock (third parties report it does, with Bedrock AgentCore); PHI only after the AWS BAA is executed on the account.',
        'Do not send PHI to models that require data retention / provider data sharing (provider_data_share, Claude Fable 5 / Mythos-class retention) unless a Zero Data Retention arrangement is in place.',
        'Bedrock Marketplace models are outside several AWS compliance scopes.',
      ],
      note: 'UNKNOWN from AWS\'s own pages as read here, though widely reported: third-party guides cite the AWS HIPAA Eligible Services Reference (aws.amazon.com/compliance/hipaa-eligible-services-reference/) as listing Amazon Bedrock, but that page was not in the stored corpus (re-searched 2026-12-03). A claim that Bedrock was only added on 2026-02-10 is unconfirmed. List aws-bedrock under baa: once your AWS BAA and the reference confirm it.',
      sources: [HIPAA_3P, HIPAA_3P_B],
    },
    soc2Type2: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from AWS\'s own pages: a third party reports Amazon Bedrock on the AWS SOC services-in-scope page (SOC 1/2/3, excluding Bedrock Marketplace; reports via AWS Artifact); the page was not read.',
      sources: [APT_BEDROCK],
    },
    iso27001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from AWS\'s own pages: a third party reports Amazon Bedrock on the AWS ISO/IEC 27001:2022 certified-services list (also 27017/27018/27701), excluding Bedrock Marketplace; the list was not read.',
      sources: [APT_BEDROCK],
    },
    iso42001: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN: reported with medium confidence by a third party only.',
      sources: [APT_BEDROCK],
    },
    euAiActGpai: {
      value: null,
      note: 'Depends on the model\'s developer. Per third-party reports of the Commission list: Amazon (Nova), Anthropic, Mistral and Cohere signed; Meta (Llama) refused; DeepSeek has not signed; OpenAI gpt-oss follows OpenAI.',
      sources: [GPAI_DIGINTO, GPAI_BACKFIELD, GPAI_CASRAI, APT_BEDROCK],
    },
    euResidency: {
      value: true,
      options: ['eu-central-1', 'eu-west-1', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu. geographic cross-region inference profiles'],
      note: 'In-region invocation in an EU region, or an eu. inference profile (EU destinations: eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3). Data is stored only in the source region. global. profiles route to any commercial region (not EU); eu-west-2 (London) and eu-central-2 (Zurich) are not EU. Current Llama models on Bedrock are US-only [third party].',
      sources: [GEO_CRIS, BDA_CRIS, CDK_PROFILES, CDK_PROFILES_EU, APT_BEDROCK],
    },
    trainingOnDataByDefault: {
      value: null,
      uncertain: true,
      note: 'UNKNOWN from AWS\'s own pages as read here: the data-retention page states the model provider does not receive retained data, but the statement that prompts and completions are not used to train models was seen only in third-party summaries.',
      sources: [RETENTION, RETENTION_3P],
    },
    retentionDefault: {
      value: 'Per-Region data_retention_mode (default | none | aws_review | provider_data_share (legacy) | inherit). Under default the model\'s own policy applies: no change for Claude models released before Claude Fable 5; OpenAI models other than gpt-oss keep classifier-flagged traffic up to 30 days; Claude Fable 5 / Mythos-class keep traffic up to 30 days. Mode none blocks models that require retention.',
      sources: [RETENTION, RETENTION_3P],
    },
  },
  clients: [
    {
      id: 'boto3-bedrock',
      languages: ['python'],
      callees: ['boto3.client', 'session.client', 'Session.client'],
      requireArg: {
        index: 0,
        oneOf: ['bedrock-runtime', 'bedrock-agent-runtime', 'bedrock'],
        // "bedrock" is the control plane (models, guardrails, profiles); its jobs that run a model over your data count,
        // and so does a client whose file shows no management call (a factory: what it is used for is elsewhere).
        controlPlane: {
          values: ['bedrock'],
          methods: ['create_model_invocation_job', 'create_model_customization_job', 'create_evaluation_job'],
          managementPrefixes: [
            'list_foundation_model', 'get_foundation_model', 'list_custom_models', 'get_custom_model',
            'create_guardrail', 'get_guardrail', 'list_guardrails', 'update_guardrail', 'delete_guardrail',
            'create_inference_profile', 'get_inference_profile', 'list_inference_profiles', 'delete_inference_profile',
            'list_automated_reasoning', 'get_automated_reasoning', 'create_automated_reasoning', 'update_automated_reasoning', 'delete_automated_reasoning',
            'list_provisioned_model_throughputs', 'get_provisioned_model_throughput', 'create_provisioned_model_throughput', 'update_provisioned_model_throughput', 'delete_provisioned_model_throughput',
            'put_use_case_for_model_access', 'get_use_case_for_model_access', 'create_foundation_model_agreement', 'delete_foundation_model_agreement',
            'get_model_invocation_logging_configuration', 'put_model_invocation_logging_configuration',
          ],
        },
      },
      packages: ['boto3'],
      options: { region: ['region_name'], url: ['endpoint_url'] },
      env: { region: ['AWS_DEFAULT_REGION', 'AWS_REGION'] },
      defaults: { region: null },
      note: 'Without region_name the region comes from outside the code (AWS_DEFAULT_REGION/AWS_REGION, ~/.aws/config, a Session(region_name=...) or botocore Config(region_name=...)). The geography may also be in the model id: eu./us./apac./global. inference-profile prefixes. boto3.client("bedrock") is the control plane (model lists, guardrails, inference profiles): it counts where the file starts a batch inference, customization or evaluation job on it, which run a model over your data in its region, or shows no management call at all (a client a factory returns may be used for such a job elsewhere).',
      sources: [BOTO_SAMPLES],
    },
    {
      id: 'aws-sdk-js-bedrock',
      languages: ['js'],
      callees: ['BedrockRuntimeClient', 'BedrockAgentRuntimeClient'],
      packages: ['@aws-sdk/client-bedrock-runtime', '@aws-sdk/client-bedrock-agent-runtime'],
      options: { region: ['region'], url: ['endpoint'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: null },
      sources: [CONTINUE_JS],
    },
    {
      id: 'aws-sdk-java-bedrock',
      languages: ['java'],
      callees: ['BedrockRuntimeClient.builder', 'BedrockRuntimeAsyncClient.builder'],
      packages: ['software.amazon.awssdk:bedrockruntime'],
      options: { region: ['region'], url: ['endpointOverride'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: null },
      note: 'region(Region.EU_CENTRAL_1): the constant maps to eu-central-1.',
      sources: [JAVA_SAMPLE],
    },
    {
      id: 'spring-ai-bedrock-converse',
      languages: ['java'],
      callees: ['BedrockProxyChatModel.builder'],
      packages: ['org.springframework.ai:spring-ai-bedrock-converse', 'org.springframework.ai.bedrock'],
      options: { region: ['region'], client: ['bedrockRuntimeClient'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: 'us-east-1' },
      note: 'Spring AI: BedrockProxyChatModel.builder().region(Region.EU_CENTRAL_1); without .region(...) the AWS default region chain (aws.region, AWS_REGION, the profile), else us-east-1.',
      sources: [SPRING_AI_BEDROCK_PROXY],
    },
    {
      id: 'aws-sdk-go-bedrock',
      languages: ['go'],
      callees: ['bedrockruntime.NewFromConfig', 'bedrockruntime.New'],
      packages: ['github.com/aws/aws-sdk-go-v2/service/bedrockruntime'],
      options: { region: ['Region'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: null },
      note: 'The region comes from the aws.Config (config.LoadDefaultConfig(ctx, config.WithRegion(...))), i.e. outside this call, unless a functional option sets Options.Region (func(o *bedrockruntime.Options) { o.Region = "..." }).',
      sources: [gh('aws/aws-sdk-go-v2', '6397a6448e500f7386d005ad2fc3a822f3eaf380', 'service/bedrockruntime/api_client.go', CHECKED_TODAY)],
    },
    {
      id: 'aws-sdk-dotnet-bedrock',
      languages: ['csharp'],
      callees: ['AmazonBedrockRuntimeClient'],
      packages: ['AWSSDK.BedrockRuntime'],
      options: { region: ['$0', 'RegionEndpoint'] },
      defaults: { region: null },
      note: 'new AmazonBedrockRuntimeClient(RegionEndpoint.EUCentral1): the RegionEndpoint constant maps to eu-central-1.',
      sources: [gh('awsdocs/aws-doc-sdk-examples', '28e483afe14629628b384d60593b4ea8ff29053e', 'dotnetv3/Bedrock-runtime/Models/AnthropicClaude/Converse/Converse.cs', CHECKED_TODAY)],
    },
    {
      id: 'aws-sdk-rust-bedrock',
      languages: ['rust'],
      callees: ['aws_sdk_bedrockruntime.Client.new', 'aws_sdk_bedrockruntime.Client.from_conf'],
      packages: ['aws-sdk-bedrockruntime'],
      options: {},
      env: { region: ['AWS_REGION'] },
      defaults: { region: null },
      note: 'Region comes from the shared config loaded with aws_config::load_from_env / defaults.',
      sources: [gh('awslabs/aws-sdk-rust', '12b5f6c4442e9dc939627e36ae3246fded9a7e51', 'sdk/bedrockruntime/src/client.rs', CHECKED_TODAY)],
    },
    {
      id: 'anthropic-bedrock',
      languages: ['python', 'js'],
      callees: ['AnthropicBedrock', 'AsyncAnthropicBedrock'],
      packages: ['anthropic', '@anthropic-ai/bedrock-sdk'],
      options: { region: ['aws_region', 'awsRegion'], url: ['base_url', 'baseURL'] },
      env: { region: ['AWS_REGION'], url: ['ANTHROPIC_BEDROCK_BASE_URL'] },
      defaults: { region: 'us-east-1' },
      note: 'Claude on Bedrock: AWS is the processor. Python: aws_region > AWS_REGION > boto3 session region > us-east-1 (with a warning).',
      sources: [ANTHROPIC_BEDROCK_PY, ANTHROPIC_PY_RESEARCH, ANTHROPIC_TS],
    },
    {
      id: 'anthropic-bedrock-mantle',
      languages: ['python'],
      callees: ['AnthropicBedrockMantle', 'AsyncAnthropicBedrockMantle'],
      packages: ['anthropic'],
      options: { region: ['aws_region'], url: ['base_url'] },
      env: { url: ['ANTHROPIC_BEDROCK_MANTLE_BASE_URL'] },
      defaults: {},
      note: 'Targets bedrock-mantle.{region}.api.aws; the default region was not verified.',
      sources: [ANTHROPIC_PY_RESEARCH],
    },
    {
      id: 'openai-bedrock',
      languages: ['js'],
      callees: ['BedrockOpenAI'],
      packages: ['openai'],
      options: { region: ['awsRegion'], url: ['baseURL'] },
      env: { url: ['AWS_BEDROCK_BASE_URL'], region: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
      defaults: { region: null },
      note: 'Derives https://bedrock-mantle.{region}.api.aws/openai/v1; throws when neither a base URL nor a region is available.',
      sources: [OPENAI_NODE_BEDROCK],
    },
    {
      id: 'vercel-ai-amazon-bedrock',
      languages: ['js'],
      callees: ['createAmazonBedrock', 'bedrock'],
      packages: ['@ai-sdk/amazon-bedrock'],
      options: { region: ['region'], url: ['baseURL'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: 'us-east-1' },
      note: 'Falls back to bedrock-runtime.us-east-1 when no region is set. bedrock(...) is the default instance.',
      sources: [VERCEL],
    },
    {
      id: 'langchain-bedrock',
      languages: ['python', 'js'],
      callees: ['ChatBedrockConverse', 'ChatBedrock', 'BedrockLLM', 'BedrockEmbeddings', 'BedrockChat'],
      packages: ['langchain-aws', '@langchain/aws', '@langchain/community'],
      options: { region: ['region_name', 'region'], url: ['endpoint_url'], model: ['model', 'model_id'] },
      env: { region: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
      defaults: { region: null },
      note: 'Often built from a boto3 client (client=...), in which case the region is on that client (a client held in a variable is reported where it is built and at this class, whose model id may name an inference profile). Without region_name: AWS_REGION, AWS_DEFAULT_REGION, then ~/.aws/config.',
      sources: [BOTO_SAMPLES, LANGCHAIN_AWS, src('https://github.com/langchain-ai/langchain-aws/blob/main/libs/aws/langchain_aws/chat_models/bedrock_converse.py', '2026-12-03')],
    },
    {
      id: 'llamaindex-bedrock',
      languages: ['python', 'js'],
      callees: ['BedrockConverse', 'Bedrock'],
      packages: ['llama-index-llms-bedrock-converse', '@llamaindex/aws'],
      options: { region: ['region_name', 'region'] },
      env: { region: ['AWS_REGION'] },
      defaults: { region: null },
      sources: [LLAMAINDEX],
    },
    {
      // Infrastructure, not a client: Bedrock runs the agent's model (or the knowledge base's
      // embeddings model) in the stack's region, which is the CDK app's `env` at deploy time.
      id: 'cdk-bedrock-agent',
      languages: ['python', 'js'],
      callees: [
        '@cdklabs/generative-ai-cdk-constructs.bedrock.Agent', 'cdklabs.generative_ai_cdk_constructs.bedrock.Agent',
        '@aws-cdk/aws-bedrock-alpha.Agent', 'aws_cdk.aws_bedrock_alpha.Agent',
        '@cdklabs/generative-ai-cdk-constructs.bedrock.VectorKnowledgeBase', 'cdklabs.generative_ai_cdk_constructs.bedrock.VectorKnowledgeBase',
        '@cdklabs/generative-ai-cdk-constructs.bedrock.KnowledgeBase', 'cdklabs.generative_ai_cdk_constructs.bedrock.KnowledgeBase',
        '@cdklabs/generative-ai-cdk-constructs.bedrock.GraphKnowledgeBase', 'cdklabs.generative_ai_cdk_constructs.bedrock.GraphKnowledgeBase',
        'aws-cdk-lib/aws-bedrock.CfnAgent', 'aws-cdk-lib.aws_bedrock.CfnAgent', 'aws_cdk.aws_bedrock.CfnAgent',
        'aws-cdk-lib/aws-bedrock.CfnKnowledgeBase', 'aws-cdk-lib.aws_bedrock.CfnKnowledgeBase', 'aws_cdk.aws_bedrock.CfnKnowledgeBase',
      ],
      packages: ['@cdklabs/generative-ai-cdk-constructs', 'cdklabs.generative-ai-cdk-constructs', '@aws-cdk/aws-bedrock-alpha', 'aws-cdk.aws-bedrock-alpha', 'aws-cdk-lib/aws-bedrock'],
      options: { model: ['foundationModel', 'foundation_model', 'embeddingsModel', 'embeddings_model', 'embeddingModel', 'embedding_model'] },
      // CDK_DEFAULT_REGION is the deploying account's configured region, outside the repository.
      defaults: { region: null },
      note: 'An agent (foundationModel) or knowledge base (embeddingsModel) is served by Bedrock in the region its stack is deployed to; a cross-region inference profile as the model routes within its geography.',
      sources: [CDK_BEDROCK_ALPHA, GENAI_CDK_AGENTS, GENAI_CDK_KNOWLEDGE_BASES, CFN_AGENT],
    },
    {
      // `CrossRegionInferenceProfile.fromConfig({ geoRegion, model })`: the profile's geography
      // decides where its prompts are processed (the engine reads `geoRegion` itself).
      id: 'cdk-bedrock-inference-profile',
      languages: ['python', 'js'],
      callees: [
        '@cdklabs/generative-ai-cdk-constructs.bedrock.CrossRegionInferenceProfile.fromConfig', 'cdklabs.generative_ai_cdk_constructs.bedrock.CrossRegionInferenceProfile.from_config',
        '@aws-cdk/aws-bedrock-alpha.CrossRegionInferenceProfile.fromConfig', 'aws_cdk.aws_bedrock_alpha.CrossRegionInferenceProfile.from_config',
      ],
      packages: ['@cdklabs/generative-ai-cdk-constructs', 'cdklabs.generative-ai-cdk-constructs', '@aws-cdk/aws-bedrock-alpha', 'aws-cdk.aws-bedrock-alpha'],
      options: {},
      defaults: { region: null },
      note: 'geoRegion GLOBAL routes to any commercial region, EU within the EU geography, US/APAC/JP/AU within theirs; the enum value is the model id prefix (global., eu., us., ...).',
      sources: [CDK_PROFILES, CDK_PROFILES_EU, GEO_CRIS],
    },
    {
      id: 'langchaingo-bedrock',
      languages: ['go'],
      callees: ['bedrock.New'],
      packages: ['github.com/tmc/langchaingo/llms/bedrock'],
      options: {},
      defaults: { region: null },
      note: 'Region from the AWS config / client passed in.',
      sources: [LANGCHAINGO],
    },
  ],
  env: [
    { name: 'AWS_REGION', kind: 'region', specific: false, sources: [ANTHROPIC_BEDROCK_PY, OPENAI_NODE_BEDROCK] },
    { name: 'AWS_DEFAULT_REGION', kind: 'region', specific: false, sources: [OPENAI_NODE_BEDROCK] },
    { name: 'AWS_REGION_NAME', kind: 'region', specific: false, sources: [src('https://docs.litellm.ai/docs/providers/bedrock', RESEARCH_SNAPSHOT)] },
    { name: 'AWS_BEDROCK_BASE_URL', kind: 'url', specific: true, sources: [OPENAI_NODE_BEDROCK] },
    { name: 'ANTHROPIC_BEDROCK_BASE_URL', kind: 'url', specific: true, sources: [ANTHROPIC_BEDROCK_PY] },
    { name: 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL', kind: 'url', specific: true, sources: [ANTHROPIC_PY_RESEARCH] },
  ],
  // Cross-region inference profiles: the model id's prefix (eu., us., global., ...) picks
  // the geography the request may be processed in, whatever the region it is sent to.
  locations: [
    {
      id: 'profile:eu',
      name: 'EU cross-region inference profile (eu-central-1, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-3)',
      jurisdiction: 'EU-zone',
      countries: ['DE', 'SE', 'IT', 'ES', 'IE', 'FR'],
      euResident: true,
      note: 'Processing stays in the EU geography; data is stored only in the source region, which must itself be an EU region.',
      sources: [GEO_CRIS, BDA_CRIS],
    },
    { id: 'profile:global', name: 'global cross-region inference profile (any commercial AWS region)', jurisdiction: 'global', countries: 'worldwide', euResident: false, sources: [GEO_CRIS, CDK_PROFILES] },
    { id: 'profile:us', name: 'US cross-region inference profile', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [GEO_CRIS, CDK_PROFILES] },
    { id: 'profile:us-gov', name: 'US GovCloud cross-region inference profile', jurisdiction: 'US', countries: ['US'], euResident: false, sources: [CDK_PROFILES] },
    { id: 'profile:apac', name: 'Asia Pacific cross-region inference profile', jurisdiction: 'APAC', countries: ['JP', 'KR', 'IN', 'SG', 'AU', 'ID', 'MY', 'TH', 'TW', 'AE'], euResident: false, sources: [GEO_CRIS, CDK_PROFILES] },
    { id: 'profile:jp', name: 'Japan cross-region inference profile', jurisdiction: 'JP', countries: ['JP'], euResident: false, sources: [CDK_PROFILES] },
    { id: 'profile:au', name: 'Australia cross-region inference profile', jurisdiction: 'AU', countries: ['AU'], euResident: false, sources: [CDK_PROFILES] },
  ],
  euSwap: {
    region: 'eu-central-1',
    profilePrefix: 'eu.',
    advice:
      'Invoke from an EU region such as eu-central-1 and use an eu. inference profile (e.g. eu.anthropic.claude-...) instead of us./global. profiles; avoid eu-west-2 (London) and eu-central-2 (Zurich) for EU-only policies.',
    sources: [GEO_CRIS, CDK_PROFILES_EU],
  },
  notes: [
    'Model-id prefixes carry geography: global. = any commercial region (not EU); us., apac., jp., au., us-gov. = outside the EU; eu. = EU destinations (check that the source region is not eu-west-2).',
    'Application-inference-profile ARNs (arn:aws:bedrock:{region}:...:application-inference-profile/...) hide the routing: resolve the profile in IaC.',
  ],
};
