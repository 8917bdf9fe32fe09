// Cloud region sets: every region id as written in code/config, where it is, and
// whether it counts as EU-resident. EU-resident here means "inside an EU/EEA member
// state" (research legend). Traps: the `eu-`/`europe-` prefix does not mean EU
// (AWS eu-west-2 London, eu-central-2 Zurich; GCP europe-west2 London, europe-west6
// Zurich; IBM eu-gb London). Unlisted ids are classified by `patterns`; an unlisted
// European-looking id is always `euResident: null`, never a guess.
import type { Location, RegionPattern, RegionSet, Source } from '../types';

const CHECKED_TODAY = '2026-11-27';
const RESEARCH_SNAPSHOT = '2026-08-31';

// ---------------------------------------------------------------- sources
const AWS_REGIONS: Source = {
  url: 'https://docs.aws.amazon.com/zh_tw/solutions/latest/automated-security-response-on-aws/supported-aws-regions.html',
  checked: CHECKED_TODAY,
};
const AWS_BEDROCK_ENDPOINTS: Source = {
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/endpoints.html',
  checked: RESEARCH_SNAPSHOT,
};
const AWS_NEWER_REGIONS: Source = {
  url: 'https://github.com/openshift/openshift-docs/pull/100183.diff',
  checked: CHECKED_TODAY,
  thirdParty: true,
};
const AWS_CDK_PROFILES: Source = {
  url: 'https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_bedrock_alpha/CrossRegionInferenceProfileRegion.html',
  checked: CHECKED_TODAY,
};
const GCP_REGIONS: Source = {
  url: 'https://cloud.google.com/anthos/clusters/docs/bare-metal/1.16/reference/supported-regions-on-prem-api',
  checked: CHECKED_TODAY,
};
const GCP_NEWER_REGIONS: Source = {
  url: 'https://docs.velt.dev/security/supported-regions',
  checked: CHECKED_TODAY,
  thirdParty: true,
};
const VERTEX_RESIDENCY: Source = {
  url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency',
  checked: CHECKED_TODAY,
};
const VERTEX_RESIDENCY_GLOBAL: Source = {
  url: 'https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency?isVariant=b',
  checked: CHECKED_TODAY,
};
const VERTEX_LOCATIONS: Source = {
  url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations-genai',
  checked: CHECKED_TODAY,
};
const GCP_EU_MULTIREGION: Source = {
  url: 'https://docs.cloud.google.com/gemini-enterprise-cx/cx-agent-studio/reference/region.md.txt',
  checked: CHECKED_TODAY,
};
const AZURE_REGIONS: Source = {
  url: 'https://learn.microsoft.com/azure/reliability/regions-list',
  checked: CHECKED_TODAY,
};
const AZURE_DEPLOYMENT_TYPES: Source = {
  url: 'https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/deployment-types',
  checked: CHECKED_TODAY,
};
const IBM_SDK_REGIONS: Source = {
  url: 'https://ibm.github.io/watsonx-ai-python-sdk/setup_cloud.html',
  checked: CHECKED_TODAY,
};
const RESEARCH_EU_TABLE: Source = {
  // Research §0.2 "Looks European but is not EU" table, built from the vendor pages above.
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
  checked: RESEARCH_SNAPSHOT,
};

function loc(
  id: string,
  name: string,
  jurisdiction: string,
  euResident: boolean | null,
  sources: Source[],
  note?: string,
): Location {
  return note === undefined
    ? { id, name, jurisdiction, euResident, sources }
    : { id, name, jurisdiction, euResident, note, sources };
}

function pat(
  pattern: string,
  jurisdiction: string,
  euResident: boolean | null,
  sources: Source[],
  note?: string,
): RegionPattern {
  return note === undefined
    ? { pattern, jurisdiction, euResident, sources }
    : { pattern, jurisdiction, euResident, note, sources };
}

// ---------------------------------------------------------------- AWS
const AWS_SRC = [AWS_REGIONS];
const AWS_EU_SRC = [AWS_REGIONS, AWS_BEDROCK_ENDPOINTS, AWS_CDK_PROFILES];

const aws: RegionSet = {
  id: 'aws',
  name: 'Amazon Web Services regions',
  locations: [
    loc('us-east-1', 'US East (N. Virginia)', 'US', false, AWS_SRC),
    loc('us-east-2', 'US East (Ohio)', 'US', false, AWS_SRC),
    loc('us-west-1', 'US West (N. California)', 'US', false, AWS_SRC),
    loc('us-west-2', 'US West (Oregon)', 'US', false, AWS_SRC),
    loc('us-gov-east-1', 'AWS GovCloud (US-East)', 'US', false, AWS_SRC),
    loc('us-gov-west-1', 'AWS GovCloud (US-West)', 'US', false, AWS_SRC),
    loc('ca-central-1', 'Canada (Central)', 'CA', false, AWS_SRC),
    loc('ca-west-1', 'Canada West (Calgary)', 'CA', false, [AWS_NEWER_REGIONS]),
    loc('mx-central-1', 'Mexico (Central)', 'MX', false, [AWS_NEWER_REGIONS]),
    loc('sa-east-1', 'South America (São Paulo)', 'BR', false, AWS_SRC),
    loc('af-south-1', 'Africa (Cape Town)', 'ZA', false, AWS_SRC),
    loc('ap-east-1', 'Asia Pacific (Hong Kong)', 'HK', false, AWS_SRC),
    loc('ap-south-1', 'Asia Pacific (Mumbai)', 'IN', false, AWS_SRC),
    loc('ap-south-2', 'Asia Pacific (Hyderabad)', 'IN', false, AWS_SRC),
    loc('ap-southeast-1', 'Asia Pacific (Singapore)', 'SG', false, AWS_SRC),
    loc('ap-southeast-2', 'Asia Pacific (Sydney)', 'AU', false, AWS_SRC),
    loc('ap-southeast-3', 'Asia Pacific (Jakarta)', 'ID', false, AWS_SRC),
    loc('ap-southeast-4', 'Asia Pacific (Melbourne)', 'AU', false, AWS_SRC),
    loc('ap-southeast-5', 'Asia Pacific (Malaysia)', 'MY', false, [AWS_NEWER_REGIONS]),
    loc('ap-southeast-7', 'Asia Pacific (Thailand)', 'TH', false, [AWS_NEWER_REGIONS]),
    loc('ap-northeast-1', 'Asia Pacific (Tokyo)', 'JP', false, AWS_SRC),
    loc('ap-northeast-2', 'Asia Pacific (Seoul)', 'KR', false, AWS_SRC),
    loc('ap-northeast-3', 'Asia Pacific (Osaka)', 'JP', false, AWS_SRC),
    loc('me-south-1', 'Middle East (Bahrain)', 'BH', false, AWS_SRC),
    loc('me-central-1', 'Middle East (UAE)', 'AE', false, AWS_SRC),
    loc('il-central-1', 'Israel (Tel Aviv)', 'IL', false, [AWS_NEWER_REGIONS]),
    loc('cn-north-1', 'China (Beijing)', 'CN', false, AWS_SRC, 'Separate AWS China partition (amazonaws.com.cn).'),
    loc('cn-northwest-1', 'China (Ningxia)', 'CN', false, AWS_SRC, 'Separate AWS China partition (amazonaws.com.cn).'),
    loc('eu-central-1', 'Europe (Frankfurt), Germany', 'EU', true, AWS_EU_SRC),
    loc('eu-west-1', 'Europe (Ireland)', 'EU', true, AWS_EU_SRC),
    loc('eu-west-3', 'Europe (Paris), France', 'EU', true, AWS_EU_SRC),
    loc('eu-north-1', 'Europe (Stockholm), Sweden', 'EU', true, AWS_EU_SRC),
    loc('eu-south-1', 'Europe (Milan), Italy', 'EU', true, AWS_EU_SRC),
    loc('eu-south-2', 'Europe (Spain)', 'EU', true, AWS_EU_SRC),
    loc(
      'eu-west-2',
      'Europe (London), United Kingdom',
      'UK',
      false,
      [AWS_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: London is in the UK, outside the EU/EEA. Not part of the Bedrock EU cross-region profile destinations.',
    ),
    loc(
      'eu-central-2',
      'Europe (Zurich), Switzerland',
      'CH',
      false,
      [AWS_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: Zurich is in Switzerland, outside the EU/EEA.',
    ),
  ],
  patterns: [
    pat('^us-gov-[a-z]+-\\d+$', 'US', false, AWS_SRC, 'AWS GovCloud (US).'),
    pat('^us-[a-z]+-\\d+$', 'US', false, AWS_SRC),
    pat('^ca-[a-z]+-\\d+$', 'CA', false, AWS_SRC),
    pat('^mx-[a-z]+-\\d+$', 'MX', false, [AWS_NEWER_REGIONS]),
    pat('^sa-[a-z]+-\\d+$', 'South America', false, AWS_SRC),
    pat('^ap-[a-z]+-\\d+$', 'APAC', false, AWS_SRC, 'Asia Pacific region; the country depends on the id.'),
    pat('^me-[a-z]+-\\d+$', 'Middle East', false, AWS_SRC),
    pat('^af-[a-z]+-\\d+$', 'Africa', false, AWS_SRC),
    pat('^il-[a-z]+-\\d+$', 'IL', false, [AWS_NEWER_REGIONS]),
    pat('^cn-[a-z]+-\\d+$', 'CN', false, AWS_SRC, 'AWS China partition.'),
    pat(
      '^eu-[a-z]+-\\d+$',
      'Europe (unknown country)',
      null,
      AWS_SRC,
      'Region id not in the catalog. The eu- prefix does not mean EU (eu-west-2 is London, eu-central-2 is Zurich): check which country the region is in before treating it as EU-resident.',
    ),
    pat(
      '^eusc-[a-z]+-[a-z]+-\\d+$',
      'Europe (AWS European Sovereign Cloud)',
      null,
      AWS_SRC,
      'AWS European Sovereign Cloud partition; not covered by the research. Verify the region, its country and Bedrock availability before treating it as EU-resident.',
    ),
  ],
};

// ---------------------------------------------------------------- GCP
const GCP_SRC = [GCP_REGIONS];
const GCP_EU_GENAI = [GCP_REGIONS, VERTEX_RESIDENCY, RESEARCH_EU_TABLE];
const GCP_EU_NOTE =
  'EU member state. ML processing stays in this region only for the models listed in the Vertex AI data-residency table; data at rest stays in the selected location.';
const GCP_EU_UNLISTED_NOTE =
  'Located in an EU member state, but not among the EU generative-AI regions named in the research (europe-west1/3/4/8/9, europe-north1, europe-central2, europe-southwest1). Vertex AI gives no ML-processing location guarantee for regional endpoints not listed in its data-residency table: verify the model before treating this as EU-resident.';

const gcp: RegionSet = {
  id: 'gcp',
  name: 'Google Cloud locations (Vertex AI)',
  locations: [
    loc(
      'global',
      'Global endpoint',
      'global',
      false,
      [VERTEX_RESIDENCY_GLOBAL, VERTEX_LOCATIONS],
      'Requests to the global endpoint may be processed in any Google Cloud location: no data-residency guarantee. google-genai (vertexai=True / enterprise=True) defaults to this location when none is set.',
    ),
    loc(
      'eu',
      'EU multi-region (aiplatform.eu.rep.googleapis.com)',
      'EU-zone',
      true,
      [VERTEX_RESIDENCY, VERTEX_RESIDENCY_GLOBAL, GCP_EU_MULTIREGION],
      'Jurisdictional multi-region: ML processing stays in the EU for the models listed in the data-residency table. Google documents that EU multi-region data is not stored in europe-west2 (London) or europe-west6 (Zurich).',
    ),
    loc(
      'us',
      'US multi-region (aiplatform.us.rep.googleapis.com)',
      'US',
      false,
      [VERTEX_RESIDENCY, VERTEX_RESIDENCY_GLOBAL],
    ),
    loc('us-central1', 'Iowa, USA', 'US', false, GCP_SRC),
    loc('us-east1', 'South Carolina, USA', 'US', false, GCP_SRC),
    loc('us-east4', 'Northern Virginia, USA', 'US', false, GCP_SRC),
    loc('us-east5', 'Columbus, Ohio, USA', 'US', false, GCP_SRC),
    loc('us-south1', 'Dallas, Texas, USA', 'US', false, GCP_SRC),
    loc('us-west1', 'Oregon, USA', 'US', false, GCP_SRC),
    loc('us-west2', 'Los Angeles, USA', 'US', false, GCP_SRC),
    loc('us-west3', 'Salt Lake City, USA', 'US', false, GCP_SRC),
    loc('us-west4', 'Las Vegas, USA', 'US', false, GCP_SRC),
    loc('northamerica-northeast1', 'Montréal, Canada', 'CA', false, GCP_SRC),
    loc('northamerica-northeast2', 'Toronto, Canada', 'CA', false, GCP_SRC),
    loc('northamerica-south1', 'Querétaro, Mexico', 'MX', false, [GCP_NEWER_REGIONS]),
    loc('southamerica-east1', 'São Paulo, Brazil', 'BR', false, GCP_SRC),
    loc('southamerica-west1', 'Santiago, Chile', 'CL', false, GCP_SRC),
    loc('europe-west1', 'St. Ghislain, Belgium', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west3', 'Frankfurt, Germany', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west4', 'Eemshaven, Netherlands', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west8', 'Milan, Italy', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west9', 'Paris, France', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-north1', 'Hamina, Finland', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-central2', 'Warsaw, Poland', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-southwest1', 'Madrid, Spain', 'EU', true, GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west10', 'Berlin, Germany', 'EU', null, GCP_SRC, GCP_EU_UNLISTED_NOTE),
    loc('europe-west12', 'Turin, Italy', 'EU', null, GCP_SRC, GCP_EU_UNLISTED_NOTE),
    loc('europe-north2', 'Stockholm, Sweden', 'EU', null, [GCP_NEWER_REGIONS], GCP_EU_UNLISTED_NOTE),
    loc(
      'europe-west2',
      'London, United Kingdom',
      'UK',
      false,
      [GCP_REGIONS, RESEARCH_EU_TABLE],
      'The europe- prefix does not mean EU: London is in the UK, outside the EU/EEA.',
    ),
    loc(
      'europe-west6',
      'Zurich, Switzerland',
      'CH',
      false,
      [GCP_REGIONS, RESEARCH_EU_TABLE],
      'The europe- prefix does not mean EU: Zurich is in Switzerland, outside the EU/EEA.',
    ),
    loc('asia-east1', 'Changhua County, Taiwan', 'TW', false, GCP_SRC),
    loc('asia-east2', 'Hong Kong', 'HK', false, GCP_SRC),
    loc('asia-northeast1', 'Tokyo, Japan', 'JP', false, GCP_SRC),
    loc('asia-northeast2', 'Osaka, Japan', 'JP', false, GCP_SRC),
    loc('asia-northeast3', 'Seoul, South Korea', 'KR', false, GCP_SRC),
    loc('asia-south1', 'Mumbai, India', 'IN', false, GCP_SRC),
    loc('asia-south2', 'Delhi, India', 'IN', false, GCP_SRC),
    loc('asia-southeast1', 'Jurong West, Singapore', 'SG', false, GCP_SRC),
    loc('asia-southeast2', 'Jakarta, Indonesia', 'ID', false, GCP_SRC),
    loc('australia-southeast1', 'Sydney, Australia', 'AU', false, GCP_SRC),
    loc('australia-southeast2', 'Melbourne, Australia', 'AU', false, GCP_SRC),
    loc('me-central1', 'Doha, Qatar', 'QA', false, [GCP_NEWER_REGIONS], 'Vertex AI gives no ML-processing location guarantee for Middle East endpoints not listed in its data-residency table.'),
    loc('me-central2', 'Dammam, Saudi Arabia', 'SA', false, [GCP_NEWER_REGIONS]),
    loc('me-west1', 'Tel Aviv, Israel', 'IL', false, [GCP_NEWER_REGIONS]),
  ],
  patterns: [
    pat('^us-[a-z]+\\d+$', 'US', false, GCP_SRC),
    pat('^northamerica-[a-z]+\\d+$', 'North America (CA/MX)', false, GCP_SRC),
    pat('^southamerica-[a-z]+\\d+$', 'South America', false, GCP_SRC),
    pat('^asia-[a-z]+\\d+$', 'APAC', false, GCP_SRC),
    pat('^australia-[a-z]+\\d+$', 'AU', false, GCP_SRC),
    pat('^me-[a-z]+\\d+$', 'Middle East', false, GCP_SRC),
    pat('^africa-[a-z]+\\d+$', 'Africa', false, GCP_SRC),
    pat(
      '^europe-[a-z]+\\d+$',
      'Europe (unknown country)',
      null,
      GCP_SRC,
      'Location id not in the catalog. The europe- prefix does not mean EU (europe-west2 is London, europe-west6 is Zurich), and Vertex AI ML-processing guarantees are per region and model: verify before treating it as EU-resident.',
    ),
  ],
};

// ---------------------------------------------------------------- Azure
const AZ_SRC = [AZURE_REGIONS];
const AZ_EU_SRC = [AZURE_REGIONS, AZURE_DEPLOYMENT_TYPES, RESEARCH_EU_TABLE];
const AZ_EU_NOTE =
  'EU member state. Residency also depends on the deployment type: Global* deployments may process anywhere; DataZone* keeps processing in EU member nations; Standard keeps it in the resource geography. Per-model availability varies.';
const AZ_RESTRICTED = 'Restricted-access region (for specific customer scenarios such as in-country disaster recovery).';

const azure: RegionSet = {
  id: 'azure',
  name: 'Microsoft Azure regions',
  locations: [
    loc('westeurope', 'West Europe (Netherlands)', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('northeurope', 'North Europe (Ireland)', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('swedencentral', 'Sweden Central', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('francecentral', 'France Central', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('francesouth', 'France South', 'EU', true, AZ_SRC, `${AZ_RESTRICTED} ${AZ_EU_NOTE}`),
    loc('germanywestcentral', 'Germany West Central', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('germanynorth', 'Germany North', 'EU', true, AZ_SRC, `${AZ_RESTRICTED} ${AZ_EU_NOTE}`),
    loc('italynorth', 'Italy North', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('polandcentral', 'Poland Central', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('spaincentral', 'Spain Central', 'EU', true, AZ_EU_SRC, AZ_EU_NOTE),
    loc('austriaeast', 'Austria East', 'EU', true, AZ_SRC, AZ_EU_NOTE),
    loc('belgiumcentral', 'Belgium Central', 'EU', true, AZ_SRC, AZ_EU_NOTE),
    loc('uksouth', 'UK South', 'UK', false, [AZURE_REGIONS, RESEARCH_EU_TABLE], 'United Kingdom: outside the EU/EEA.'),
    loc('ukwest', 'UK West', 'UK', false, [AZURE_REGIONS, RESEARCH_EU_TABLE], 'United Kingdom: outside the EU/EEA.'),
    loc('switzerlandnorth', 'Switzerland North', 'CH', false, [AZURE_REGIONS, RESEARCH_EU_TABLE], 'Switzerland: outside the EU/EEA.'),
    loc('switzerlandwest', 'Switzerland West', 'CH', false, [AZURE_REGIONS, RESEARCH_EU_TABLE], 'Switzerland: outside the EU/EEA.'),
    loc(
      'norwayeast',
      'Norway East',
      'EEA',
      true,
      [AZURE_REGIONS, RESEARCH_EU_TABLE],
      'Norway is an EEA member but not an EU member state. It meets the catalog definition of EU-resident ("inside EU/EEA member states") but fails an EU-member-states-only policy, and Azure EU Data Zones are defined as EU member nations. Check jurisdiction "EEA" when the policy is strictly EU.',
    ),
    loc(
      'norwaywest',
      'Norway West',
      'EEA',
      true,
      [AZURE_REGIONS, RESEARCH_EU_TABLE],
      `${AZ_RESTRICTED} Norway is an EEA member but not an EU member state; it fails an EU-member-states-only policy.`,
    ),
    loc('eastus', 'East US (Virginia)', 'US', false, AZ_SRC),
    loc('eastus2', 'East US 2 (Virginia)', 'US', false, AZ_SRC),
    loc('centralus', 'Central US (Iowa)', 'US', false, AZ_SRC),
    loc('northcentralus', 'North Central US (Illinois)', 'US', false, AZ_SRC),
    loc('southcentralus', 'South Central US (Texas)', 'US', false, AZ_SRC),
    loc('westcentralus', 'West Central US (Wyoming)', 'US', false, AZ_SRC),
    loc('westus', 'West US (California)', 'US', false, AZ_SRC),
    loc('westus2', 'West US 2 (Washington)', 'US', false, AZ_SRC),
    loc('westus3', 'West US 3 (Arizona)', 'US', false, AZ_SRC),
    loc('canadacentral', 'Canada Central (Toronto)', 'CA', false, AZ_SRC),
    loc('canadaeast', 'Canada East (Québec)', 'CA', false, AZ_SRC),
    loc('brazilsouth', 'Brazil South', 'BR', false, AZ_SRC),
    loc('mexicocentral', 'Mexico Central', 'MX', false, AZ_SRC),
    loc('chilecentral', 'Chile Central', 'CL', false, AZ_SRC),
    loc('japaneast', 'Japan East', 'JP', false, AZ_SRC),
    loc('japanwest', 'Japan West', 'JP', false, AZ_SRC),
    loc('koreacentral', 'Korea Central', 'KR', false, AZ_SRC),
    loc('koreasouth', 'Korea South', 'KR', false, AZ_SRC),
    loc('australiaeast', 'Australia East', 'AU', false, AZ_SRC),
    loc('australiasoutheast', 'Australia Southeast', 'AU', false, AZ_SRC),
    loc('australiacentral', 'Australia Central', 'AU', false, AZ_SRC),
    loc('southeastasia', 'Southeast Asia (Singapore)', 'SG', false, AZ_SRC),
    loc('eastasia', 'East Asia (Hong Kong)', 'HK', false, AZ_SRC),
    loc('centralindia', 'Central India', 'IN', false, AZ_SRC),
    loc('southindia', 'South India', 'IN', false, AZ_SRC),
    loc('uaenorth', 'UAE North', 'AE', false, AZ_SRC),
    loc('qatarcentral', 'Qatar Central', 'QA', false, AZ_SRC),
    loc('israelcentral', 'Israel Central', 'IL', false, AZ_SRC),
    loc('southafricanorth', 'South Africa North', 'ZA', false, AZ_SRC),
    loc('newzealandnorth', 'New Zealand North', 'NZ', false, AZ_SRC),
    loc('indonesiacentral', 'Indonesia Central', 'ID', false, AZ_SRC),
    loc('malaysiawest', 'Malaysia West', 'MY', false, AZ_SRC),
  ],
  patterns: [
    pat('^usgov[a-z]*$', 'US', false, AZ_SRC, 'Azure Government.'),
    pat('^(east|west|central|northcentral|southcentral|westcentral)us\\d*$', 'US', false, AZ_SRC),
    pat('^canada[a-z]+$', 'CA', false, AZ_SRC),
    pat('^(brazil|mexico|chile)[a-z]+$', 'Latin America', false, AZ_SRC),
    pat('^(japan|korea|australia|newzealand|indonesia|malaysia|taiwan)[a-z]+\\d*$', 'APAC', false, AZ_SRC),
    pat('^((central|south|west)india|jioindia[a-z]+)$', 'IN', false, AZ_SRC),
    pat('^(uae|qatar|israel|saudiarabia)[a-z]+$', 'Middle East', false, AZ_SRC),
    pat('^southafrica[a-z]+$', 'ZA', false, AZ_SRC),
    pat('^uk[a-z]+$', 'UK', false, AZ_SRC, 'United Kingdom: outside the EU/EEA.'),
    pat('^switzerland[a-z]+$', 'CH', false, AZ_SRC, 'Switzerland: outside the EU/EEA.'),
    pat(
      '^norway[a-z]+$',
      'EEA',
      null,
      AZ_SRC,
      'Unlisted Norway region: EEA, not an EU member state. Verify before treating it as EU-resident.',
    ),
    pat(
      '^(france|germany|sweden|italy|poland|spain|austria|belgium|denmark|finland|greece|ireland|netherlands)[a-z]+\\d*$',
      'Europe (unknown region)',
      null,
      AZ_SRC,
      'Region id not in the catalog. It is named after an EU member state, but verify that it exists, where it is and which models and deployment types it offers before treating it as EU-resident.',
    ),
  ],
};

// ---------------------------------------------------------------- IBM Cloud
const IBM_SRC = [IBM_SDK_REGIONS];
const ibm: RegionSet = {
  id: 'ibm',
  name: 'IBM Cloud regions (watsonx.ai)',
  locations: [
    loc('us-south', 'Dallas, USA', 'US', false, IBM_SRC, 'The only region where IBM documents HIPAA readiness for specific Watson Studio / watsonx.ai Runtime plans.'),
    loc('eu-de', 'Frankfurt, Germany', 'EU', true, IBM_SRC),
    loc(
      'eu-gb',
      'London, United Kingdom',
      'UK',
      false,
      [IBM_SDK_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: London is in the UK, outside the EU/EEA.',
    ),
    loc('jp-tok', 'Tokyo, Japan', 'JP', false, IBM_SRC),
    loc('au-syd', 'Sydney, Australia', 'AU', false, IBM_SRC),
    loc('ca-tor', 'Toronto, Canada', 'CA', false, IBM_SRC),
  ],
  patterns: [
    pat('^us-[a-z]+$', 'US', false, IBM_SRC),
    pat('^jp-[a-z]+$', 'JP', false, IBM_SRC),
    pat('^au-[a-z]+$', 'AU', false, IBM_SRC),
    pat('^ca-[a-z]+$', 'CA', false, IBM_SRC),
    pat('^br-[a-z]+$', 'BR', false, IBM_SRC),
    pat(
      '^eu-[a-z]+$',
      'Europe (unknown country)',
      null,
      IBM_SRC,
      'Region id not in the catalog. The eu- prefix does not mean EU (eu-gb is London): verify the country and watsonx.ai availability.',
    ),
  ],
};

export const regionSets: RegionSet[] = [aws, gcp, azure, ibm];
