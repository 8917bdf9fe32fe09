// Issue 11, items 3 and 4: each Azure OpenAI deployment declared in Terraform or Bicep is
// its own endpoint, at its SKU, judged by its deployment type (Global* anywhere, DataZone*
// the data zone of the account's region, Standard the region), with a fix that changes only
// the SKU; and regions passed into modules (Terraform module inputs, Bicep module
// parameters, azd main.parameters.json) reach the account. A Global* deployment's region
// is `global` (where its data may go); the account's region is in its location's name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../src/core/engine';
import type { Endpoint, Finding } from '../../src/core/model';
import { emptyPolicy } from '../../src/core/policy/policy';
import { parseBicep } from '../../src/core/scan/config/bicep';
import { WorkspaceIndex } from '../../src/core/workspace';
import { scan } from '../../src/cli/scan';
import { tempWorkspace } from '../support/cli';
import { initParsers, syntaxErrors } from '../support/parse-check';
import { WORKSPACES } from '../support/corpus';
import { applyFix } from './fixes.test';

const engine = new Engine();
const policy = { ...emptyPolicy(), require: ['eu-residency' as const], source: '.llm-compliance.yaml' };

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;
const lineWith = (text: string, needle: string): number => lineOf(text, text.indexOf(needle));

function judge(file: string, text: string): { endpoints: Endpoint[]; findings: Finding[] } {
  const { endpoints } = engine.analyze(file, text, { force: true });
  return { endpoints, findings: engine.evaluate(endpoints, policy) };
}

/** Applies the finding's one fix, and checks that it changed only the SKU, left the file parseable, and cleared exactly that finding. */
function roundTrip(file: string, text: string, finding: Finding, expectedSku: string): string {
  assert.equal(finding.fixes.length, 1, `one fix for ${finding.message}`);
  const fix = finding.fixes[0]!;
  assert.equal(fix.edits.length, 1);
  const edit = fix.edits[0]!;
  assert.match(text.slice(edit.start, edit.end), /^Global\w+$/, 'the edit replaces the SKU name only');
  assert.equal(edit.newText, expectedSku);
  const fixed = applyFix(text, fix);
  if (file.endsWith('.bicep')) assert.equal(parseBicep(fixed).brackets, undefined, 'the Bicep file still parses');
  else assert.deepEqual(syntaxErrors(file, fixed), [], `${file} still parses`);
  const before = judge(file, text).findings;
  const after = judge(file, fixed).findings;
  assert.equal(after.length, before.length - 1, 'the fix clears exactly one finding');
  assert.ok(!after.some((f) => lineOf(fixed, f.range.start) === lineOf(text, finding.range.start)), 'no finding is left on the SKU line');
  return fixed;
}

const TF_ACCOUNT = (name: string, location: string): string => `resource "azurerm_cognitive_account" "${name}" {
  name                  = "contoso-${name}"
  location              = "${location}"
  resource_group_name   = "rg"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "contoso-${name}"
}
`;
const TF_DEPLOYMENT = (name: string, account: string, sku: string, block = 'sku', key = 'name'): string => `
resource "azurerm_cognitive_deployment" "${name}" {
  name                 = "${name}"
  cognitive_account_id = azurerm_cognitive_account.${account}.id
  model {
    format = "OpenAI"
    name   = "gpt-4o"
  }
  ${block} {
    ${key} = "${sku}"
  }
}
`;

describe('IaC: one endpoint per Azure OpenAI deployment', () => {
  before(initParsers);

  it('Terraform: a GlobalStandard and a DataZoneStandard deployment of an EU account are two endpoints; only the global one is flagged, on its SKU, with a fix to DataZoneStandard', () => {
    const text = TF_ACCOUNT('eu', 'swedencentral') + TF_DEPLOYMENT('chat', 'eu', 'GlobalStandard') + TF_DEPLOYMENT('embed', 'eu', 'DataZoneStandard');
    const { endpoints, findings } = judge('main.tf', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.host, e.region, e.euResident]), [
      [lineWith(text, '"GlobalStandard"'), 'contoso-eu.openai.azure.com', 'global', false],
      [lineWith(text, '"DataZoneStandard"'), 'contoso-eu.openai.azure.com', 'swedencentral', true],
    ]);
    assert.ok(!endpoints.some((e) => lineOf(text, e.range.start) === lineWith(text, 'location')), 'the account location line is not an endpoint of its own');
    assert.equal(endpoints[1]!.location?.id, 'eu-data-zone');
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${lineOf(text, f.range.start)}`), [`LLMC002 ${lineWith(text, '"GlobalStandard"')}`]);
    const fixed = roundTrip('main.tf', text, findings[0]!, 'DataZoneStandard');
    assert.deepEqual(judge('main.tf', fixed).findings, []);
  });

  it('Terraform: the older scale { type } block is read too; GlobalProvisionedManaged gets DataZoneProvisionedManaged', () => {
    const text = TF_ACCOUNT('eu', 'germanywestcentral') + TF_DEPLOYMENT('ptu', 'eu', 'GlobalProvisionedManaged', 'scale', 'type');
    const { endpoints, findings } = judge('main.tf', text);
    assert.equal(endpoints.length, 1);
    assert.equal(lineOf(text, endpoints[0]!.range.start), lineWith(text, 'GlobalProvisionedManaged'));
    roundTrip('main.tf', text, findings[0]!, 'DataZoneProvisionedManaged');
  });

  it('Terraform: outside the EU no SKU keeps data in the EU, so there is no SKU fix; a US DataZone deployment is in the US data zone', () => {
    const text = TF_ACCOUNT('us', 'eastus2') + TF_DEPLOYMENT('chat', 'us', 'GlobalStandard') + TF_DEPLOYMENT('embed', 'us', 'DataZoneStandard') + TF_DEPLOYMENT('mini', 'us', 'Standard');
    const { endpoints, findings } = judge('main.tf', text);
    assert.deepEqual(endpoints.map((e) => [e.location?.id, e.euResident]), [['global', false], ['us-data-zone', false], ['eastus2', false]]);
    assert.equal(findings.length, 3);
    assert.ok(findings.every((f) => f.fixes.every((x) => !x.edits.some((e) => /DataZone|Standard/.test(e.newText)))), 'no SKU fix where it would not help');
  });

  it('Terraform: an account without deployments stays one endpoint on its location line; a storage account is none', () => {
    const text = `${TF_ACCOUNT('solo', 'francecentral')}
resource "azurerm_storage_account" "files" {
  name                     = "contosofiles"
  location                 = "eastus"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
`;
    const { endpoints } = judge('main.tf', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.region]), [[lineWith(text, 'francecentral'), 'francecentral']]);
  });

  it('Terraform: an unreadable SKU is unknown, never clean; a deployment of an account this file does not name is its own endpoint', () => {
    const unread = TF_ACCOUNT('eu', 'swedencentral') + TF_DEPLOYMENT('chat', 'eu', 'x').replace('"x"', 'local.sku');
    const r = judge('main.tf', unread);
    assert.equal(r.endpoints[0]!.euResident, null);
    assert.match(r.endpoints[0]!.unknown ?? '', /Global deployment would process data outside swedencentral/);
    const orphan = TF_DEPLOYMENT('chat', 'x', 'GlobalStandard').replace('azurerm_cognitive_account.x.id', 'var.account_id');
    const o = judge('deployments.tf', orphan);
    assert.deepEqual(o.endpoints.map((e) => [e.provider, e.region, e.euResident]), [['azure-openai', 'global', false]]);
  });

  it('Terraform: a module call that makes an OpenAI account (kind = "OpenAI" as the Azure Verified Module takes, or deployments of OpenAI-format models) is the account: its deployments at their SKUs, or its location line without any', () => {
    const text = `variable "location" {
  default = "West Europe"
}
module "openai" {
  source   = "Azure/avm-res-cognitiveservices-account/azurerm"
  kind     = "OpenAI"
  location = var.location
  name     = "contoso-avm"
  cognitive_deployments = {
    "chat" = {
      name  = "chat"
      model = { format = "OpenAI", name = "gpt-4o", version = "2024-11-20" }
      scale = { type = "GlobalStandard" }
    }
    "mini" = {
      name  = "mini"
      model = { format = "OpenAI", name = "gpt-4o-mini", version = "2024-07-18" }
      scale = { type = "Standard" }
    }
  }
}
module "search" {
  source   = "Azure/avm-res-cognitiveservices-account/azurerm"
  kind     = "AIServices"
  location = "eastus"
  name     = "contoso-search"
}
module "legacy" {
  source   = "./modules/openai"
  location = "francecentral"
  deployment = {
    "chat" = {
      model_format = "OpenAI"
      model_name   = "gpt-4o"
      scale_type   = "DataZoneStandard"
    }
  }
}
module "storage" {
  source   = "Azure/avm-res-storage-storageaccount/azurerm"
  location = "eastus"
  name     = "contosostore"
}
`;
    const { endpoints, findings } = judge('main.tf', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.host, e.region, e.euResident]), [
      [lineWith(text, '"GlobalStandard"'), 'contoso-avm.openai.azure.com', 'global', false],
      [lineWith(text, 'type = "Standard"'), 'contoso-avm.openai.azure.com', 'westeurope', true],
      [lineWith(text, '"eastus"'), 'contoso-search.openai.azure.com', 'eastus', false],
      [lineWith(text, '"DataZoneStandard"'), null, 'francecentral', true],
    ]);
    roundTrip('main.tf', text, findings.find((f) => lineOf(text, f.range.start) === lineWith(text, '"GlobalStandard"'))!, 'DataZoneStandard');
  });

  it('Bicep: nested, parent: and looped deployments (a list of objects in a parameter) are one endpoint each; the fix edits the list item\'s SKU', () => {
    const file = path.join(WORKSPACES, 'deployments/bicep/inline.bicep');
    const text = fs.readFileSync(file, 'utf8');
    const { endpoints, findings } = judge('inline.bicep', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.location?.id, e.euResident]), [
      [lineWith(text, "'GlobalStandard' } }"), 'global', false],
      [lineWith(text, "'DataZoneBatch'"), 'eu-data-zone', true],
      [lineWith(text, "name: 'Standard'"), 'westeurope', true],
      [lineWith(text, "'GlobalStandard', capacity"), 'global', false],
    ]);
    assert.equal(findings.length, 2);
    let fixed = text;
    for (const f of judge('inline.bicep', fixed).findings.slice(0, 1)) fixed = roundTrip('inline.bicep', fixed, f, 'DataZoneStandard');
    for (const f of judge('inline.bicep', fixed).findings.slice(0, 1)) fixed = roundTrip('inline.bicep', fixed, f, 'DataZoneStandard');
    assert.deepEqual(judge('inline.bicep', fixed).findings, []);
  });

  it('Bicep: a deployment list given at deploy time (empty default) is unknown, and a deployment of an `existing` account is its own endpoint', () => {
    const text = `resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'contoso-x'
  location: 'swedencentral'
  kind: 'OpenAI'
}
param deployments array = []
resource deps 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for d in deployments: {
  parent: acct
  name: d.name
  sku: d.sku
}]
resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'contoso-shared'
}
resource extra 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: shared
  name: 'extra'
  sku: { name: 'DataZoneStandard' }
}
`;
    const { endpoints, findings } = judge('main.bicep', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.euResident]), [[lineWith(text, 'sku: d.sku'), null], [lineWith(text, "'DataZoneStandard'"), null]]);
    assert.deepEqual(findings.map((f) => f.ruleId), ['LLMC003', 'LLMC003']);
  });

  it('ARM: deployments in a template are endpoints at their sku.name', () => {
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      resources: [
        { type: 'Microsoft.CognitiveServices/accounts', name: 'contoso-arm', location: 'francecentral', kind: 'OpenAI', properties: { customSubDomainName: 'contoso-arm' } },
        { type: 'Microsoft.CognitiveServices/accounts/deployments', name: 'contoso-arm/chat', sku: { name: 'GlobalStandard' } },
      ],
    }, null, 2);
    const { endpoints, findings } = judge('azuredeploy.json', text);
    assert.deepEqual(endpoints.map((e) => [lineOf(text, e.range.start), e.region, e.euResident]), [[lineWith(text, '"GlobalStandard"'), 'global', false]]);
    roundTrip('azuredeploy.json', text, findings[0]!, 'DataZoneStandard');
  });
});

describe('IaC: regions passed into modules', () => {
  const run = async (files: Record<string, string>) => {
    const dir = tempWorkspace({ '.llm-compliance.yaml': 'require: [eu-residency]\n', ...files });
    try {
      return await scan(['.'], { cwd: dir, today: '2026-11-27' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const MODULE = {
    'infra/modules/openai/variables.tf': 'variable "location" {\n  default = "eastus2"\n}\n',
    'infra/modules/openai/main.tf': `resource "azurerm_cognitive_account" "this" {
  name                  = "contoso-mod"
  location              = var.location
  resource_group_name   = "rg"
  kind                  = "OpenAI"
  custom_subdomain_name = "contoso-mod"
}
${TF_DEPLOYMENT('chat', 'this', 'DataZoneStandard')}`,
  };

  it('Terraform: a module input beats the module\'s default', async () => {
    const r = await run({ ...MODULE, 'infra/main.tf': 'module "openai" {\n  source   = "./modules/openai"\n  location = "swedencentral"\n}\n' });
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['infra/modules/openai/main.tf', 'swedencentral', true]]);
    assert.match(r.endpoints[0]!.via, /passed by the module call in infra\/main\.tf:3/);
  });

  it('Terraform: a module input from the root module\'s terraform.tfvars (or auto.tfvars) reaches the module', async () => {
    for (const tfvars of ['terraform.tfvars', 'prod.auto.tfvars']) {
      const r = await run({ ...MODULE, 'infra/main.tf': 'variable "region" {\n  default = "eastus"\n}\nmodule "openai" {\n  source   = "./modules/openai"\n  location = var.region\n}\n', [`infra/${tfvars}`]: 'region = "polandcentral"\n' });
      assert.deepEqual(r.endpoints.map((e) => [e.region, e.euResident]), [['polandcentral', true]], tfvars);
      assert.match(r.endpoints[0]!.via, new RegExp(`var\\.region of the calling module is set in infra/${tfvars.replace('.', '\\.')}:1`));
    }
  });

  it('Terraform: an input the caller cannot read stays unknown (the module default does not stand in)', async () => {
    const r = await run({ ...MODULE, 'infra/main.tf': 'variable "region" {}\nmodule "openai" {\n  source   = "./modules/openai"\n  location = var.region\n}\n' });
    assert.deepEqual(r.endpoints.map((e) => [e.region, e.euResident]), [[null, null]]);
    assert.match(r.endpoints[0]!.unknown ?? '', /passed by the module call in infra\/main\.tf:4/);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['LLMC003']);
  });

  it('Terraform: a deployment in another file of the module (deployments.tf) is the endpoint, with the account\'s region; the account\'s location line is not', async () => {
    const deployments = TF_DEPLOYMENT('chat', 'acct', 'GlobalStandard');
    const r = await run({
      'ai/main.tf': TF_ACCOUNT('acct', 'X').replace('"X"', 'var.location'),
      'ai/variables.tf': 'variable "location" {\n  default = "swedencentral"\n}\n',
      'ai/deployments.tf': deployments,
    });
    assert.deepEqual(r.endpoints.map((e) => [e.file, lineOf(deployments, e.range.start), e.host, e.region, e.euResident]), [
      ['ai/deployments.tf', lineWith(deployments, 'GlobalStandard'), 'contoso-acct.openai.azure.com', 'global', false],
    ]);
    assert.deepEqual(r.findings.map((f) => [f.file, f.ruleId, f.fixes.map((x) => x.edits[0]!.newText)]), [['ai/deployments.tf', 'LLMC002', ['DataZoneStandard']]]);
  });

  it('Terraform: terraform.tfvars sets a variable without default', async () => {
    const r = await run({
      'main.tf': TF_ACCOUNT('acct', 'X').replace('"X"', 'var.location') + TF_DEPLOYMENT('chat', 'acct', 'DataZoneStandard') + 'variable "location" {}\n',
      'terraform.tfvars': 'location = "italynorth"\n',
    });
    assert.deepEqual(r.endpoints.map((e) => [e.region, e.euResident]), [['italynorth', true]]);
  });

  const BICEP_MAIN = (location: string): string => `param location string
param openAiLocation string = 'eastus2'
module openAi 'core/ai/cognitiveservices.bicep' = {
  name: 'openai'
  params: {
    name: 'contoso-azd'
    location: ${location}
    deployments: [
      {
        name: 'chat'
        model: { format: 'OpenAI', name: 'gpt-4o' }
        sku: { name: 'DataZoneStandard' }
      }
    ]
  }
}
resource files 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'contosofiles'
  location: location
  kind: 'StorageV2'
}
`;
  const BICEP_MODULE = fs.readFileSync(path.join(WORKSPACES, 'deployments/bicep/core/ai/cognitiveservices.bicep'), 'utf8');
  const params = (values: Record<string, string>): string => JSON.stringify({ parameters: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) }, null, 2);

  it('Bicep + azd: main.parameters.json values, plain, from the workspace env, or azd defaults, beat parameter defaults', async () => {
    for (const [value, env, region] of [
      ['swedencentral', undefined, 'swedencentral'],
      ['${AZURE_OPENAI_LOCATION}', 'AZURE_OPENAI_LOCATION=polandcentral\n', 'polandcentral'],
      ['${AZURE_OPENAI_LOCATION=spaincentral}', undefined, 'spaincentral'],
    ] as const) {
      const r = await run({
        'infra/main.bicep': BICEP_MAIN('openAiLocation'),
        'infra/core/ai/cognitiveservices.bicep': BICEP_MODULE,
        'infra/main.parameters.json': params({ location: '${AZURE_LOCATION}', openAiLocation: value }),
        ...(env ? { '.azure/dev/.env': env } : {}),
      });
      assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['infra/main.bicep', region, true]], value);
    }
  });

  it('Bicep: a .bicepparam file beside the template sets its parameters, never leaving the default to stand in', async () => {
    const judged = async (param: string): Promise<[string | null, boolean | null][]> => {
      const r = await run({
        'infra/main.bicep': BICEP_MAIN('openAiLocation'),
        'infra/core/ai/cognitiveservices.bicep': BICEP_MODULE,
        'infra/main.bicepparam': `using './main.bicep'\n\nparam location = 'westeurope'\n${param}\n`,
      });
      return r.endpoints.map((e) => [e.region, e.euResident]);
    };
    // The template's default is eastus2 (US); the parameters file decides.
    assert.deepEqual(await judged("param openAiLocation = 'swedencentral'"), [['swedencentral', true]]);
    assert.deepEqual(await judged("param openAiLocation = readEnvironmentVariable('AZURE_OPENAI_LOCATION', 'italynorth')"), [['italynorth', true]]);
    assert.deepEqual(await judged('param openAiLocation = az.deployer().location'), [[null, null]]);
  });

  it('Bicep + azd: a parameter from an env var the workspace does not set is unknown; the storage account is no endpoint', async () => {
    const r = await run({
      'infra/main.bicep': BICEP_MAIN('location'),
      'infra/core/ai/cognitiveservices.bicep': BICEP_MODULE,
      'infra/main.parameters.json': params({ location: '${AZURE_LOCATION}' }),
    });
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['infra/main.bicep', null, null]]);
    assert.match(r.endpoints[0]!.unknown ?? '', /AZURE_LOCATION is not set in the workspace/);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['LLMC003']);
  });

  it('Bicep + azd: a conditional module whose deployment SKU comes from main.parameters.json is judged by that SKU, at the SKU line', async () => {
    const main = BICEP_MAIN('openAiLocation')
      .replace("module openAi 'core/ai/cognitiveservices.bicep' = {", "param createOpenAi bool = true\nparam chatSku string\nmodule openAi 'core/ai/cognitiveservices.bicep' = if (createOpenAi) {")
      .replace("sku: { name: 'DataZoneStandard' }", 'sku: { name: chatSku }');
    const r = await run({
      'infra/main.bicep': main,
      'infra/core/ai/cognitiveservices.bicep': BICEP_MODULE,
      'infra/main.parameters.json': params({ openAiLocation: 'swedencentral', chatSku: '${AZURE_OPENAI_CHAT_SKU=GlobalStandard}' }),
    });
    // The parameters line that makes it Global is a setting of its own (issue 11: one setting + one use; see iac-modules.test.ts).
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.file === 'infra/main.bicep' ? lineOf(main, e.range.start) : 0, e.region, e.location?.id, e.euResident]), [
      ['infra/main.bicep', lineWith(main, 'name: chatSku'), 'global', 'global', false],
      ['infra/main.parameters.json', 0, 'global', 'global', false],
    ]);
    // The SKU is written in the parameters file, inside an azd expression: no edit here would change it.
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.fixes.length]), [['LLMC002', 0], ['LLMC002', 0]]);
  });

  it('Bicep + azd: a module parameter passed from the caller\'s parameter reaches the module with the value main.parameters.json gives', async () => {
    const r = await run({
      'infra/main.bicep': "param aiLocation string = 'eastus'\nmodule ai 'modules/account.bicep' = {\n  name: 'ai'\n  params: {\n    location: aiLocation\n  }\n}\n",
      'infra/main.parameters.json': params({ aiLocation: '${AZURE_AI_LOCATION=belgiumcentral}' }),
      'infra/modules/account.bicep': "param location string\nresource a 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'contoso-m'\n  location: location\n  kind: 'OpenAI'\n}\nresource d 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {\n  parent: a\n  name: 'chat'\n  sku: { name: 'DataZoneStandard' }\n}\n",
    });
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['infra/modules/account.bicep', 'belgiumcentral', true]]);
  });

  it('Bicep: a module parameter passed as a literal reaches the module\'s account', async () => {
    const r = await run({
      'main.bicep': "module ai 'modules/account.bicep' = {\n  name: 'ai'\n  params: {\n    location: 'northeurope'\n  }\n}\n",
      'modules/account.bicep': "param location string = 'eastus'\nresource a 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'contoso-m'\n  location: location\n  kind: 'OpenAI'\n}\nresource d 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {\n  parent: a\n  name: 'chat'\n  sku: { name: 'Standard' }\n}\n",
    });
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['modules/account.bicep', 'northeurope', true]]);
  });

  it('the editor\'s workspace index finds the same endpoints as the CLI on the deployments fixture', async () => {
    const root = path.join(WORKSPACES, 'deployments');
    const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.yaml'))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    const index = new WorkspaceIndex(engine, policy);
    for (const f of files) index.set(f, fs.readFileSync(path.join(root, f)));
    const mine = index.results().endpoints.map((e) => `${e.file} ${e.range.start} ${e.region} ${e.euResident}`).sort();
    const cli = (await scan(['.'], { cwd: root, today: '2026-11-27' })).endpoints.map((e) => `${e.file} ${e.range.start} ${e.region} ${e.euResident}`).sort();
    assert.deepEqual(mine, cli);
    assert.equal(mine.length, 10);
  });
});

describe('IaC: code that names an account judges its deployments as the deployments do', () => {
  it('a DataZone deployment in a region with no documented data zone leaves the code endpoint unknown, not its region\'s verdict', async () => {
    const run = async (region: string, residency: string) => {
      const dir = tempWorkspace({
        '.llm-compliance.yaml': `require: [eu-residency]\nresidency: ${residency}\n`,
        'main.tf': TF_ACCOUNT('no', region) + TF_DEPLOYMENT('chat', 'no', 'DataZoneStandard'),
        'app/main.py': 'from openai import AzureOpenAI\nclient = AzureOpenAI(azure_endpoint="https://contoso-no.openai.azure.com/", api_version="2024-10-21")\n',
      });
      try {
        const report = await scan(['.'], { cwd: dir, today: '2026-11-27' });
        return report.findings.filter((f) => f.file === 'app/main.py').map((f) => f.ruleId);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    // Norway: EEA, but Microsoft documents data zones only for the US and the EU.
    assert.deepEqual(await run('norwayeast', 'eea'), ['LLMC003']);
    // Sweden: the EU data zone, inside the EU.
    assert.deepEqual(await run('swedencentral', 'eu'), []);
  });
});
