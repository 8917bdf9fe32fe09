// Cloud region sets: every region id as written in code/config, where it is, and the
// countries it processes data in (ISO 3166-1 alpha-2). `euResident` follows from the
// countries: inside the 27 EU member states. Which wider zone (EEA, EU adequacy) a policy
// accepts is decided at evaluation (../zones.ts). Traps: the `eu-`/`europe-` prefix does not
// mean EU (AWS eu-west-2 London, eu-central-2 Zurich; GCP europe-west2 London, europe-west6
// Zurich; IBM eu-gb London), and Norway is in the EEA, not the EU. Unlisted ids are
// classified by `patterns`; an unlisted European-looking id has unknown countries
// (`null`), never a guess.
import type { Location, RegionPattern, RegionSet, Source } from '../types';
import { EU_MEMBER_STATES, euResidentFor, type Countries } from '../zones';

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
  // Research section 0.2 "Looks European but is not EU" table, built from the vendor pages above.
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
  checked: RESEARCH_SNAPSHOT,
};

function loc(
  id: string,
  name: string,
  jurisdiction: string,
  countries: Countries,
  sources: Source[],
  note?: string,
): Location {
  const euResident = euResidentFor(countries);
  return note === undefined
    ? { id, name, jurisdiction, countries, euResident, sources }
    : { id, name, jurisdiction, countries, euResident, note, sources };
}

/** `countries`: an unlisted region of the scheme is in one of them (not known which). */
function pat(
  pattern: string,
  jurisdiction: string,
  countries: readonly string[] | null,
  sources: Source[],
  note?: string,
): RegionPattern {
  const euResident = euResidentFor(countries, true);
  return note === undefined
    ? { pattern, jurisdiction, countries, euResident, sources }
    : { pattern, jurisdiction, countries, euResident, note, sources };
}

// Where an unlisted region of a multi-country naming scheme may be. Each list holds every
// country of the area whose standing differs (EU, EEA, an EU adequacy decision, none), so the
// verdict for any zone is the same whichever country of the area the region turns out to be in.
const SOUTH_AMERICA = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'PE', 'PY', 'UY', 'VE'];
const ASIA_PACIFIC = ['AU', 'CN', 'HK', 'ID', 'IN', 'JP', 'KR', 'MY', 'NZ', 'PH', 'SG', 'TH', 'TW', 'VN'];
const MIDDLE_EAST = ['AE', 'BH', 'IL', 'JO', 'KW', 'OM', 'QA', 'SA'];
const AFRICA = ['EG', 'KE', 'MA', 'NG', 'ZA'];

// ---------------------------------------------------------------- AWS
const AWS_SRC = [AWS_REGIONS];
const AWS_EU_SRC = [AWS_REGIONS, AWS_BEDROCK_ENDPOINTS, AWS_CDK_PROFILES];

const aws: RegionSet = {
  id: 'aws',
  name: 'Amazon Web Services regions',
  locations: [
    loc('us-east-1', 'US East (N. Virginia)', 'US', ['US'], AWS_SRC),
    loc('us-east-2', 'US East (Ohio)', 'US', ['US'], AWS_SRC),
    loc('us-west-1', 'US West (N. California)', 'US', ['US'], AWS_SRC),
    loc('us-west-2', 'US West (Oregon)', 'US', ['US'], AWS_SRC),
    loc('us-gov-east-1', 'AWS GovCloud (US-East)', 'US', ['US'], AWS_SRC),
    loc('us-gov-west-1', 'AWS GovCloud (US-West)', 'US', ['US'], AWS_SRC),
    loc('ca-central-1', 'Canada (Central)', 'CA', ['CA'], AWS_SRC),
    loc('ca-west-1', 'Canada West (Calgary)', 'CA', ['CA'], [AWS_NEWER_REGIONS]),
    loc('mx-central-1', 'Mexico (Central)', 'MX', ['MX'], [AWS_NEWER_REGIONS]),
    loc('sa-east-1', 'South America (São Paulo)', 'BR', ['BR'], AWS_SRC),
    loc('af-south-1', 'Africa (Cape Town)', 'ZA', ['ZA'], AWS_SRC),
    loc('ap-east-1', 'Asia Pacific (Hong Kong)', 'HK', ['HK'], AWS_SRC),
    loc('ap-south-1', 'Asia Pacific (Mumbai)', 'IN', ['IN'], AWS_SRC),
    loc('ap-south-2', 'Asia Pacific (Hyderabad)', 'IN', ['IN'], AWS_SRC),
    loc('ap-southeast-1', 'Asia Pacific (Singapore)', 'SG', ['SG'], AWS_SRC),
    loc('ap-southeast-2', 'Asia Pacific (Sydney)', 'AU', ['AU'], AWS_SRC),
    loc('ap-southeast-3', 'Asia Pacific (Jakarta)', 'ID', ['ID'], AWS_SRC),
    loc('ap-southeast-4', 'Asia Pacific (Melbourne)', 'AU', ['AU'], AWS_SRC),
    loc('ap-southeast-5', 'Asia Pacific (Malaysia)', 'MY', ['MY'], [AWS_NEWER_REGIONS]),
    loc('ap-southeast-7', 'Asia Pacific (Thailand)', 'TH', ['TH'], [AWS_NEWER_REGIONS]),
    loc('ap-northeast-1', 'Asia Pacific (Tokyo)', 'JP', ['JP'], AWS_SRC),
    loc('ap-northeast-2', 'Asia Pacific (Seoul)', 'KR', ['KR'], AWS_SRC),
    loc('ap-northeast-3', 'Asia Pacific (Osaka)', 'JP', ['JP'], AWS_SRC),
    loc('me-south-1', 'Middle East (Bahrain)', 'BH', ['BH'], AWS_SRC),
    loc('me-central-1', 'Middle East (UAE)', 'AE', ['AE'], AWS_SRC),
    loc('il-central-1', 'Israel (Tel Aviv)', 'IL', ['IL'], [AWS_NEWER_REGIONS]),
    loc('cn-north-1', 'China (Beijing)', 'CN', ['CN'], AWS_SRC, 'Separate AWS China partition (amazonaws.com.cn).'),
    loc('cn-northwest-1', 'China (Ningxia)', 'CN', ['CN'], AWS_SRC, 'Separate AWS China partition (amazonaws.com.cn).'),
    loc('eu-central-1', 'Europe (Frankfurt), Germany', 'EU', ['DE'], AWS_EU_SRC),
    loc('eu-west-1', 'Europe (Ireland)', 'EU', ['IE'], AWS_EU_SRC),
    loc('eu-west-3', 'Europe (Paris), France', 'EU', ['FR'], AWS_EU_SRC),
    loc('eu-north-1', 'Europe (Stockholm), Sweden', 'EU', ['SE'], AWS_EU_SRC),
    loc('eu-south-1', 'Europe (Milan), Italy', 'EU', ['IT'], AWS_EU_SRC),
    loc('eu-south-2', 'Europe (Spain)', 'EU', ['ES'], AWS_EU_SRC),
    loc(
      'eu-west-2',
      'Europe (London), United Kingdom',
      'UK',
      ['GB'],
      [AWS_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: London is in the UK, outside the EU/EEA. Not part of the Bedrock EU cross-region profile destinations.',
    ),
    loc(
      'eu-central-2',
      'Europe (Zurich), Switzerland',
      'CH',
      ['CH'],
      [AWS_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: Zurich is in Switzerland, outside the EU/EEA.',
    ),
  ],
  patterns: [
    pat('^us-gov-[a-z]+-\\d+$', 'US', ['US'], AWS_SRC, 'AWS GovCloud (US).'),
    pat('^us-[a-z]+-\\d+$', 'US', ['US'], AWS_SRC),
    pat('^ca-[a-z]+-\\d+$', 'CA', ['CA'], AWS_SRC),
    pat('^mx-[a-z]+-\\d+$', 'MX', ['MX'], [AWS_NEWER_REGIONS]),
    pat('^sa-[a-z]+-\\d+$', 'South America', SOUTH_AMERICA, AWS_SRC),
    pat('^ap-[a-z]+-\\d+$', 'APAC', ASIA_PACIFIC, AWS_SRC, 'Asia Pacific region; the country depends on the id.'),
    pat('^me-[a-z]+-\\d+$', 'Middle East', MIDDLE_EAST, AWS_SRC),
    pat('^af-[a-z]+-\\d+$', 'Africa', AFRICA, AWS_SRC),
    pat('^il-[a-z]+-\\d+$', 'IL', ['IL'], [AWS_NEWER_REGIONS]),
    pat('^cn-[a-z]+-\\d+$', 'CN', ['CN'], AWS_SRC, 'AWS China partition.'),
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
      'worldwide',
      [VERTEX_RESIDENCY_GLOBAL, VERTEX_LOCATIONS],
      'Requests to the global endpoint may be processed in any Google Cloud location: no data-residency guarantee. google-genai (vertexai=True / enterprise=True) defaults to this location when none is set.',
    ),
    loc(
      'eu',
      'EU multi-region (aiplatform.eu.rep.googleapis.com)',
      'EU-zone',
      EU_MEMBER_STATES,
      [VERTEX_RESIDENCY, VERTEX_RESIDENCY_GLOBAL, GCP_EU_MULTIREGION],
      'Jurisdictional multi-region: ML processing stays in the EU for the models listed in the data-residency table. Google documents that EU multi-region data is not stored in europe-west2 (London) or europe-west6 (Zurich).',
    ),
    loc(
      'us',
      'US multi-region (aiplatform.us.rep.googleapis.com)',
      'US',
      ['US'],
      [VERTEX_RESIDENCY, VERTEX_RESIDENCY_GLOBAL],
    ),
    loc('us-central1', 'Iowa, USA', 'US', ['US'], GCP_SRC),
    loc('us-east1', 'South Carolina, USA', 'US', ['US'], GCP_SRC),
    loc('us-east4', 'Northern Virginia, USA', 'US', ['US'], GCP_SRC),
    loc('us-east5', 'Columbus, Ohio, USA', 'US', ['US'], GCP_SRC),
    loc('us-south1', 'Dallas, Texas, USA', 'US', ['US'], GCP_SRC),
    loc('us-west1', 'Oregon, USA', 'US', ['US'], GCP_SRC),
    loc('us-west2', 'Los Angeles, USA', 'US', ['US'], GCP_SRC),
    loc('us-west3', 'Salt Lake City, USA', 'US', ['US'], GCP_SRC),
    loc('us-west4', 'Las Vegas, USA', 'US', ['US'], GCP_SRC),
    loc('northamerica-northeast1', 'Montréal, Canada', 'CA', ['CA'], GCP_SRC),
    loc('northamerica-northeast2', 'Toronto, Canada', 'CA', ['CA'], GCP_SRC),
    loc('northamerica-south1', 'Querétaro, Mexico', 'MX', ['MX'], [GCP_NEWER_REGIONS]),
    loc('southamerica-east1', 'São Paulo, Brazil', 'BR', ['BR'], GCP_SRC),
    loc('southamerica-west1', 'Santiago, Chile', 'CL', ['CL'], GCP_SRC),
    loc('europe-west1', 'St. Ghislain, Belgium', 'EU', ['BE'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west3', 'Frankfurt, Germany', 'EU', ['DE'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west4', 'Eemshaven, Netherlands', 'EU', ['NL'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west8', 'Milan, Italy', 'EU', ['IT'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west9', 'Paris, France', 'EU', ['FR'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-north1', 'Hamina, Finland', 'EU', ['FI'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-central2', 'Warsaw, Poland', 'EU', ['PL'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-southwest1', 'Madrid, Spain', 'EU', ['ES'], GCP_EU_GENAI, GCP_EU_NOTE),
    loc('europe-west10', 'Berlin, Germany', 'EU', null, GCP_SRC, GCP_EU_UNLISTED_NOTE),
    loc('europe-west12', 'Turin, Italy', 'EU', null, GCP_SRC, GCP_EU_UNLISTED_NOTE),
    loc('europe-north2', 'Stockholm, Sweden', 'EU', null, [GCP_NEWER_REGIONS], GCP_EU_UNLISTED_NOTE),
    loc(
      'europe-west2',
      'London, United Kingdom',
      'UK',
      ['GB'],
      [GCP_REGIONS, RESEARCH_EU_TABLE],
      'The europe- prefix does not mean EU: London is in the UK, outside the EU/EEA.',
    ),
    loc(
      'europe-west6',
      'Zurich, Switzerland',
      'CH',
      ['CH'],
      [GCP_REGIONS, RESEARCH_EU_TABLE],
      'The europe- prefix does not mean EU: Zurich is in Switzerland, outside the EU/EEA.',
    ),
    loc('asia-east1', 'Changhua County, Taiwan', 'TW', ['TW'], GCP_SRC),
    loc('asia-east2', 'Hong Kong', 'HK', ['HK'], GCP_SRC),
    loc('asia-northeast1', 'Tokyo, Japan', 'JP', ['JP'], GCP_SRC),
    loc('asia-northeast2', 'Osaka, Japan', 'JP', ['JP'], GCP_SRC),
    loc('asia-northeast3', 'Seoul, South Korea', 'KR', ['KR'], GCP_SRC),
    loc('asia-south1', 'Mumbai, India', 'IN', ['IN'], GCP_SRC),
    loc('asia-south2', 'Delhi, India', 'IN', ['IN'], GCP_SRC),
    loc('asia-southeast1', 'Jurong West, Singapore', 'SG', ['SG'], GCP_SRC),
    loc('asia-southeast2', 'Jakarta, Indonesia', 'ID', ['ID'], GCP_SRC),
    loc('australia-southeast1', 'Sydney, Australia', 'AU', ['AU'], GCP_SRC),
    loc('australia-southeast2', 'Melbourne, Australia', 'AU', ['AU'], GCP_SRC),
    loc('me-central1', 'Doha, Qatar', 'QA', ['QA'], [GCP_NEWER_REGIONS], 'Vertex AI gives no ML-processing location guarantee for Middle East endpoints not listed in its data-residency table.'),
    loc('me-central2', 'Dammam, Saudi Arabia', 'SA', ['SA'], [GCP_NEWER_REGIONS]),
    loc('me-west1', 'Tel Aviv, Israel', 'IL', ['IL'], [GCP_NEWER_REGIONS]),
  ],
  patterns: [
    pat('^us-[a-z]+\\d+$', 'US', ['US'], GCP_SRC),
    pat('^northamerica-[a-z]+\\d+$', 'North America (CA/MX)', ['CA', 'MX'], GCP_SRC),
    pat('^southamerica-[a-z]+\\d+$', 'South America', SOUTH_AMERICA, GCP_SRC),
    pat('^asia-[a-z]+\\d+$', 'APAC', ASIA_PACIFIC, GCP_SRC),
    pat('^australia-[a-z]+\\d+$', 'AU', ['AU'], GCP_SRC),
    pat('^me-[a-z]+\\d+$', 'Middle East', MIDDLE_EAST, GCP_SRC),
    pat('^africa-[a-z]+\\d+$', 'Africa', AFRICA, GCP_SRC),
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
    loc('westeurope', 'West Europe (Netherlands)', 'EU', ['NL'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('northeurope', 'North Europe (Ireland)', 'EU', ['IE'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('swedencentral', 'Sweden Central', 'EU', ['SE'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('francecentral', 'France Central', 'EU', ['FR'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('francesouth', 'France South', 'EU', ['FR'], AZ_SRC, `${AZ_RESTRICTED} ${AZ_EU_NOTE}`),
    loc('germanywestcentral', 'Germany West Central', 'EU', ['DE'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('germanynorth', 'Germany North', 'EU', ['DE'], AZ_SRC, `${AZ_RESTRICTED} ${AZ_EU_NOTE}`),
    loc('italynorth', 'Italy North', 'EU', ['IT'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('polandcentral', 'Poland Central', 'EU', ['PL'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('spaincentral', 'Spain Central', 'EU', ['ES'], AZ_EU_SRC, AZ_EU_NOTE),
    loc('austriaeast', 'Austria East', 'EU', ['AT'], AZ_SRC, AZ_EU_NOTE),
    loc('belgiumcentral', 'Belgium Central', 'EU', ['BE'], AZ_SRC, AZ_EU_NOTE),
    loc('uksouth', 'UK South', 'UK', ['GB'], [AZURE_REGIONS, RESEARCH_EU_TABLE], 'United Kingdom: outside the EU/EEA.'),
    loc('ukwest', 'UK West', 'UK', ['GB'], [AZURE_REGIONS, RESEARCH_EU_TABLE], 'United Kingdom: outside the EU/EEA.'),
    loc('switzerlandnorth', 'Switzerland North', 'CH', ['CH'], [AZURE_REGIONS, RESEARCH_EU_TABLE], 'Switzerland: outside the EU/EEA.'),
    loc('switzerlandwest', 'Switzerland West', 'CH', ['CH'], [AZURE_REGIONS, RESEARCH_EU_TABLE], 'Switzerland: outside the EU/EEA.'),
    loc(
      'norwayeast',
      'Norway East',
      'EEA',
      ['NO'],
      [AZURE_REGIONS, RESEARCH_EU_TABLE],
      'Norway is in the EEA but is not an EU member state: it passes `residency: eea` or `eu-adequacy`, not the default `eu`. Azure EU Data Zones are defined as EU member nations.',
    ),
    loc(
      'norwaywest',
      'Norway West',
      'EEA',
      ['NO'],
      [AZURE_REGIONS, RESEARCH_EU_TABLE],
      `${AZ_RESTRICTED} Norway is in the EEA but is not an EU member state: it passes \`residency: eea\` or \`eu-adequacy\`, not the default \`eu\`.`,
    ),
    loc('eastus', 'East US (Virginia)', 'US', ['US'], AZ_SRC),
    loc('eastus2', 'East US 2 (Virginia)', 'US', ['US'], AZ_SRC),
    loc('centralus', 'Central US (Iowa)', 'US', ['US'], AZ_SRC),
    loc('northcentralus', 'North Central US (Illinois)', 'US', ['US'], AZ_SRC),
    loc('southcentralus', 'South Central US (Texas)', 'US', ['US'], AZ_SRC),
    loc('westcentralus', 'West Central US (Wyoming)', 'US', ['US'], AZ_SRC),
    loc('westus', 'West US (California)', 'US', ['US'], AZ_SRC),
    loc('westus2', 'West US 2 (Washington)', 'US', ['US'], AZ_SRC),
    loc('westus3', 'West US 3 (Arizona)', 'US', ['US'], AZ_SRC),
    loc('canadacentral', 'Canada Central (Toronto)', 'CA', ['CA'], AZ_SRC),
    loc('canadaeast', 'Canada East (Québec)', 'CA', ['CA'], AZ_SRC),
    loc('brazilsouth', 'Brazil South', 'BR', ['BR'], AZ_SRC),
    loc('mexicocentral', 'Mexico Central', 'MX', ['MX'], AZ_SRC),
    loc('chilecentral', 'Chile Central', 'CL', ['CL'], AZ_SRC),
    loc('japaneast', 'Japan East', 'JP', ['JP'], AZ_SRC),
    loc('japanwest', 'Japan West', 'JP', ['JP'], AZ_SRC),
    loc('koreacentral', 'Korea Central', 'KR', ['KR'], AZ_SRC),
    loc('koreasouth', 'Korea South', 'KR', ['KR'], AZ_SRC),
    loc('australiaeast', 'Australia East', 'AU', ['AU'], AZ_SRC),
    loc('australiasoutheast', 'Australia Southeast', 'AU', ['AU'], AZ_SRC),
    loc('australiacentral', 'Australia Central', 'AU', ['AU'], AZ_SRC),
    loc('southeastasia', 'Southeast Asia (Singapore)', 'SG', ['SG'], AZ_SRC),
    loc('eastasia', 'East Asia (Hong Kong)', 'HK', ['HK'], AZ_SRC),
    loc('centralindia', 'Central India', 'IN', ['IN'], AZ_SRC),
    loc('southindia', 'South India', 'IN', ['IN'], AZ_SRC),
    loc('uaenorth', 'UAE North', 'AE', ['AE'], AZ_SRC),
    loc('qatarcentral', 'Qatar Central', 'QA', ['QA'], AZ_SRC),
    loc('israelcentral', 'Israel Central', 'IL', ['IL'], AZ_SRC),
    loc('southafricanorth', 'South Africa North', 'ZA', ['ZA'], AZ_SRC),
    loc('newzealandnorth', 'New Zealand North', 'NZ', ['NZ'], AZ_SRC),
    loc('indonesiacentral', 'Indonesia Central', 'ID', ['ID'], AZ_SRC),
    loc('malaysiawest', 'Malaysia West', 'MY', ['MY'], AZ_SRC),
  ],
  patterns: [
    pat('^usgov[a-z]*$', 'US', ['US'], AZ_SRC, 'Azure Government.'),
    pat('^(east|west|central|northcentral|southcentral|westcentral)us\\d*$', 'US', ['US'], AZ_SRC),
    pat('^canada[a-z]+$', 'CA', ['CA'], AZ_SRC),
    pat('^(brazil|mexico|chile)[a-z]+$', 'Latin America', ['BR', 'MX', 'CL'], AZ_SRC),
    pat('^(japan|korea|australia|newzealand|indonesia|malaysia|taiwan)[a-z]+\\d*$', 'APAC', ['JP', 'KR', 'AU', 'NZ', 'ID', 'MY', 'TW'], AZ_SRC),
    pat('^((central|south|west)india|jioindia[a-z]+)$', 'IN', ['IN'], AZ_SRC),
    pat('^(uae|qatar|israel|saudiarabia)[a-z]+$', 'Middle East', ['AE', 'QA', 'IL', 'SA'], AZ_SRC),
    pat('^southafrica[a-z]+$', 'ZA', ['ZA'], AZ_SRC),
    pat('^uk[a-z]+$', 'UK', ['GB'], AZ_SRC, 'United Kingdom: outside the EU/EEA.'),
    pat('^switzerland[a-z]+$', 'CH', ['CH'], AZ_SRC, 'Switzerland: outside the EU/EEA.'),
    pat(
      '^norway[a-z]+$',
      'EEA',
      ['NO'],
      AZ_SRC,
      'Unlisted Norway region: in the EEA, not an EU member state. Verify that it exists and offers the model.',
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
    loc('us-south', 'Dallas, USA', 'US', ['US'], IBM_SRC, 'The only region where IBM documents HIPAA readiness for specific Watson Studio / watsonx.ai Runtime plans.'),
    loc('eu-de', 'Frankfurt, Germany', 'EU', ['DE'], IBM_SRC),
    loc(
      'eu-gb',
      'London, United Kingdom',
      'UK',
      ['GB'],
      [IBM_SDK_REGIONS, RESEARCH_EU_TABLE],
      'The eu- prefix does not mean EU: London is in the UK, outside the EU/EEA.',
    ),
    loc('jp-tok', 'Tokyo, Japan', 'JP', ['JP'], IBM_SRC),
    loc('au-syd', 'Sydney, Australia', 'AU', ['AU'], IBM_SRC),
    loc('ca-tor', 'Toronto, Canada', 'CA', ['CA'], IBM_SRC),
  ],
  patterns: [
    pat('^us-[a-z]+$', 'US', ['US'], IBM_SRC),
    pat('^jp-[a-z]+$', 'JP', ['JP'], IBM_SRC),
    pat('^au-[a-z]+$', 'AU', ['AU'], IBM_SRC),
    pat('^ca-[a-z]+$', 'CA', ['CA'], IBM_SRC),
    pat('^br-[a-z]+$', 'BR', ['BR'], IBM_SRC),
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
