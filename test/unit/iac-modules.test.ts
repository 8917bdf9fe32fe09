// Issue 11 on real IaC: values that cross files and modules. A resource's location in another
// .tf file of the folder reaches a module call; a module whose deployments its callers pass is
// a library, reported at the callers; a Bicep deployment list computed from variables is read
// at the module call; an azd parameters file that makes a deployment Global is a setting of
// its own; and an app's environment that sets AZURE_OPENAI_ENDPOINT from a value known only at
// deploy time is an Azure OpenAI endpoint with an unknown host.
import * as assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { emptyPolicy } from '../../src/core/policy/policy';
import { WorkspaceIndex } from '../../src/core/workspace';
import { parseBicep, type BicepValue } from '../../src/core/scan/config/bicep';
import { initParsers, syntaxErrors } from '../support/parse-check';
import { lineOf, lineWith, placed, scanFiles, type Files } from '../support/workspace-scan';
import { applyFix } from './fixes.test';

const run = (files: Files) => scanFiles(files, 'require: [eu-residency]\n');


// A reusable Terraform module: the account's location is a required input, and its deployments
// are a map its callers pass (the shape the public Azure OpenAI modules take).
const TF_LIBRARY: Files = {
  'modules/llm/variables.tf': 'variable "location" {\n  type = string\n}\n\nvariable "models" {\n  type = map(any)\n}\n',
  'modules/llm/main.tf': `resource "azurerm_cognitive_account" "acct" {
  name                = "fabrikam-llm"
  location            = var.location
  resource_group_name = "rg"
  kind                = "OpenAI"
  sku_name            = "S0"
}

resource "azurerm_cognitive_deployment" "each" {
  for_each             = var.models
  name                 = each.key
  cognitive_account_id = azurerm_cognitive_account.acct.id
  model {
    format = "OpenAI"
    name   = each.value.model_name
  }
  sku {
    name = each.value.sku_name
  }
}
`,
};

const tfCaller = (location: string, sku: string): string => `module "llm" {
  source   = "../../modules/llm"
  location = ${location}
  models = {
    summarise = {
      model_format = "OpenAI"
      model_name   = "gpt-4o-mini"
      sku_name     = "${sku}"
    }
  }
}
`;

describe('IaC across files: Terraform resource attributes and library modules', () => {
  before(initParsers);

  it('a module call\'s location from a resource group in another .tf file of the folder reaches the caller\'s deployment', async () => {
    const files = {
      ...TF_LIBRARY,
      'stacks/eu/groups.tf': 'resource "azurerm_resource_group" "shared" {\n  name     = "rg-eu"\n  location = "francecentral"\n}\n',
      'stacks/eu/main.tf': tfCaller('azurerm_resource_group.shared.location', 'DataZoneStandard'),
    };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf'], '"DataZoneStandard"'), 'francecentral', true]]);
    assert.match(r.endpoints[0]!.via, /azurerm_resource_group\.shared\.location is set in stacks\/eu\/groups\.tf:3/);
    assert.deepEqual(r.findings, []);
  });

  it('the resource group\'s location may itself be a variable whose default is in a third file', async () => {
    const files = {
      ...TF_LIBRARY,
      'stacks/eu/variables.tf': 'variable "region" {\n  default = "polandcentral"\n}\n',
      'stacks/eu/groups.tf': 'resource "azurerm_resource_group" "shared" {\n  name     = "rg-eu"\n  location = var.region\n}\n',
      'stacks/eu/main.tf': tfCaller('azurerm_resource_group.shared.location', 'DataZoneStandard'),
    };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf'], '"DataZoneStandard"'), 'polandcentral', true]]);
  });

  it('a resource group in another folder is not this folder\'s: the location stays unknown', async () => {
    const files = {
      ...TF_LIBRARY,
      'stacks/other/groups.tf': 'resource "azurerm_resource_group" "shared" {\n  name     = "rg-eu"\n  location = "francecentral"\n}\n',
      'stacks/eu/main.tf': tfCaller('azurerm_resource_group.shared.location', 'DataZoneStandard'),
    };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf'], '"DataZoneStandard"'), null, null]]);
  });

  it('a module whose deployments its callers pass reports nothing itself; a Global deployment at the caller gets a fix that changes only its SKU', async () => {
    const files = {
      ...TF_LIBRARY,
      'stacks/eu/groups.tf': 'resource "azurerm_resource_group" "shared" {\n  name     = "rg-eu"\n  location = "swedencentral"\n}\n',
      'stacks/eu/main.tf': tfCaller('azurerm_resource_group.shared.location', 'GlobalStandard'),
    };
    const r = await run(files);
    const caller = files['stacks/eu/main.tf'];
    assert.deepEqual(placed(r, files), [['stacks/eu/main.tf', lineWith(caller, '"GlobalStandard"'), 'global', false]]);
    assert.deepEqual(r.findings.map((f) => [f.file, f.ruleId, f.fixes.length]), [['stacks/eu/main.tf', 'LLMC002', 1]]);
    const fix = r.findings[0]!.fixes[0]!;
    assert.equal(caller.slice(fix.edits[0]!.start, fix.edits[0]!.end), 'GlobalStandard');
    const fixed = applyFix(caller, fix);
    assert.deepEqual(syntaxErrors('main.tf', fixed), []);
    const after = await run({ ...files, 'stacks/eu/main.tf': fixed });
    assert.deepEqual(placed(after, { ...files, 'stacks/eu/main.tf': fixed }), [['stacks/eu/main.tf', lineWith(fixed, '"DataZoneStandard"'), 'swedencentral', true]]);
    assert.deepEqual(after.findings, []);
  });

  it('the same module with no caller in the workspace still reports its deployment, unknown (fail closed)', async () => {
    const r = await run(TF_LIBRARY);
    assert.deepEqual(placed(r, TF_LIBRARY), [['modules/llm/main.tf', lineWith(TF_LIBRARY['modules/llm/main.tf']!, 'each.value.sku_name'), null, null]]);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['LLMC003']);
  });
});

// A reusable Bicep module that loops over the deployments its callers pass (written here in the shape azd templates use).
const BICEP_LIBRARY = `param name string
param location string
param deployments array = []

resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource models 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for d in deployments: {
  parent: acct
  name: d.name
  properties: { model: d.model }
  sku: d.?sku ?? { name: 'Standard' }
}]
`;

const bicepMain = (deployments: string, extra = ''): string => `param aiRegion string
param summarySku string
param draftSku string = 'DataZoneStandard'
param withDrafts bool = false
${extra}
var summary = {
  name: 'summary'
  model: { format: 'OpenAI', name: 'gpt-4o-mini' }
  sku: {
    name: summarySku
  }
}

var drafts = [
  {
    name: 'drafts'
    model: { format: 'OpenAI', name: 'gpt-4o' }
    sku: {
      name: draftSku
    }
  }
]

module llm 'modules/llm.bicep' = {
  name: 'llm'
  params: {
    name: 'fabrikam-ai'
    location: aiRegion
    deployments: ${deployments}
  }
}
`;

const parameters = (values: Record<string, string>): string =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) }, null, 2);

describe('IaC across files: Bicep deployment lists and azd parameters', () => {
  it('a deployment list computed from variables (a condition, union) is read at the module call: each deployment at its SKU; the module reports nothing', async () => {
    const main = bicepMain('withDrafts ? union([summary], drafts) : [summary]');
    const params = parameters({ aiRegion: 'swedencentral', summarySku: 'DataZoneStandard' });
    const files = {
      'infra/main.bicep': main,
      'infra/modules/llm.bicep': BICEP_LIBRARY,
      'infra/main.parameters.json': params,
    };
    const r = await run(files);
    // The drafts SKU is the parameter's default: its endpoint is where that literal is written.
    // The parameters file's SKU value is a setting of its own (like a .env line), placed by the account's region it also sets.
    assert.deepEqual(placed(r, files), [
      ['infra/main.bicep', lineWith(main, "param draftSku string = 'DataZoneStandard'"), 'swedencentral', true],
      ['infra/main.bicep', lineWith(main, 'name: summarySku'), 'swedencentral', true],
      ['infra/main.parameters.json', lineWith(params, '"DataZoneStandard"'), 'swedencentral', true],
    ]);
    assert.deepEqual(r.findings, []);
  });

  it('a deployment list the caller cannot read is one unread deployment at the call (unknown), never the module\'s default SKU', async () => {
    // Without items to show the model format, the module's path says it makes an OpenAI account.
    const main = bicepMain('loadJsonContent(\'models.json\')').replace('modules/llm.bicep', 'modules/openai.bicep');
    const files = { 'infra/main.bicep': main, 'infra/modules/openai.bicep': BICEP_LIBRARY };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [['infra/main.bicep', lineWith(main, 'loadJsonContent'), null, null]]);
    assert.match(r.endpoints[0]!.unknown ?? '', /deployments passed to module llm are computed/);
  });

  it('an azd parameters value that makes a deployment GlobalStandard is a setting of its own, and the deployment is flagged too, each with its provenance and no fix', async () => {
    const main = bicepMain('[summary]');
    const params = parameters({ aiRegion: 'swedencentral', summarySku: '${SUMMARY_SKU=GlobalStandard}' });
    const files = { 'infra/main.bicep': main, 'infra/modules/llm.bicep': BICEP_LIBRARY, 'infra/main.parameters.json': params };
    const r = await run(files);
    const skuLine = lineWith(params, 'SUMMARY_SKU');
    assert.deepEqual(placed(r, files), [
      ['infra/main.bicep', lineWith(main, 'name: summarySku'), 'global', false],
      ['infra/main.parameters.json', skuLine, 'global', false],
    ]);
    const [deployment, setting] = r.endpoints;
    assert.match(deployment!.via, new RegExp(`GlobalStandard deployment \\(param summarySku is .* in infra/main\\.parameters\\.json:${skuLine}: SUMMARY_SKU is not set`));
    assert.match(setting!.via, new RegExp(`it is the SKU of deployments\\[0\\] .*of module llm \\(infra/main\\.bicep:${lineWith(main, 'name: summarySku')}\\)`));
    // The parameters file cannot see the account's region, and the template's SKU is a parameter: no safe edit point.
    assert.deepEqual(r.findings.map((f) => [f.file, f.ruleId, f.fixes.length]), [['infra/main.bicep', 'LLMC002', 0], ['infra/main.parameters.json', 'LLMC002', 0]]);
  });

  it('the azd environment decides over the default; a data-zone value is a setting judged in the account\'s region, a Global value for a parameter that is no SKU is none', async () => {
    const main = bicepMain('[summary]', "param tier string\nvar unused = tier\n");
    const params = parameters({ aiRegion: 'swedencentral', summarySku: '${SUMMARY_SKU=GlobalStandard}', tier: 'GlobalStandard' });
    const files = {
      'infra/main.bicep': main,
      'infra/modules/llm.bicep': BICEP_LIBRARY,
      'infra/main.parameters.json': params,
      '.azure/dev/.env': 'SUMMARY_SKU=DataZoneStandard\n',
    };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [
      ['infra/main.bicep', lineWith(main, 'name: summarySku'), 'swedencentral', true],
      ['infra/main.parameters.json', lineWith(params, 'SUMMARY_SKU'), 'swedencentral', true],
    ]);
  });

  it('a parameter that a looped deployment takes from a list item is a SKU parameter too', async () => {
    const main = `param region string = 'swedencentral'
param fastSku string
var models = [
  {
    name: 'fast'
    sku: { name: fastSku }
  }
]
resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'fabrikam-loop'
  location: region
  kind: 'OpenAI'
}
resource each 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for m in models: {
  parent: acct
  name: m.name
  sku: m.sku
}]
`;
    const params = parameters({ fastSku: 'GlobalStandard' });
    const files = { 'infra/main.bicep': main, 'infra/main.parameters.json': params };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [
      ['infra/main.bicep', lineWith(main, 'name: fastSku'), 'global', false],
      ['infra/main.parameters.json', lineWith(params, 'GlobalStandard'), 'global', false],
    ]);
  });

  it('a .bicepparam literal that makes a deployment Global is reported on its line', async () => {
    const main = bicepMain('[summary]');
    const bicepparam = "using './main.bicep'\n\nparam aiRegion = 'italynorth'\nparam summarySku = 'GlobalStandard'\n";
    const files = { 'infra/main.bicep': main, 'infra/modules/llm.bicep': BICEP_LIBRARY, 'infra/main.bicepparam': bicepparam };
    const r = await run(files);
    assert.deepEqual(placed(r, files), [
      ['infra/main.bicep', lineWith(main, 'name: summarySku'), 'global', false],
      ['infra/main.bicepparam', lineWith(bicepparam, 'GlobalStandard'), 'global', false],
    ]);
  });

  it('a deployment SKU from the template\'s own parameter default lands on the default: a fix edits it when only that deployment uses it, none when another use shares it', async () => {
    const main = bicepMain('[summary]').replace('param summarySku string', "param summarySku string = 'GlobalStandard'");
    const files = { 'infra/main.bicep': main, 'infra/modules/llm.bicep': BICEP_LIBRARY, 'infra/main.parameters.json': parameters({ aiRegion: 'swedencentral' }) };
    const r = await run(files);
    const defaultLine = lineWith(main, "param summarySku string = 'GlobalStandard'");
    assert.deepEqual(placed(r, files), [['infra/main.bicep', defaultLine, 'global', false]]);
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.fixes.length]), [['LLMC002', 1]]);
    const fix = r.findings[0]!.fixes[0]!;
    assert.deepEqual(fix.edits.map((e) => [main.slice(e.start, e.end), e.newText]), [['GlobalStandard', 'DataZoneStandard']]);
    const fixed = applyFix(main, fix);
    assert.equal(parseBicep(fixed).brackets, undefined, 'the Bicep file still parses');
    const after = await run({ ...files, 'infra/main.bicep': fixed });
    assert.deepEqual(placed(after, { ...files, 'infra/main.bicep': fixed }), [['infra/main.bicep', defaultLine, 'swedencentral', true]]);
    assert.deepEqual(after.findings, []);

    // A second use of the parameter (an output) would change too: no edit point is safe.
    const shared = main + 'output summarySkuUsed string = summarySku\n';
    const r2 = await run({ ...files, 'infra/main.bicep': shared });
    assert.deepEqual(r2.findings.map((f) => [f.ruleId, f.fixes.length]), [['LLMC002', 0]]);
  });
});

describe('IaC across files: the editor\'s workspace index', () => {
  it('finds what the CLI finds for library modules, resource locations and parameters files', async () => {
    const engine = new Engine();
    const policy = { ...emptyPolicy(), require: ['eu-residency' as const], source: '.llm-compliance.yaml' };
    const files: Files = {
      ...TF_LIBRARY,
      'stacks/eu/groups.tf': 'resource "azurerm_resource_group" "shared" {\n  name     = "rg-eu"\n  location = "swedencentral"\n}\n',
      'stacks/eu/main.tf': tfCaller('azurerm_resource_group.shared.location', 'GlobalStandard'),
      'infra/main.bicep': bicepMain('withDrafts ? union([summary], drafts) : [summary]'),
      'infra/modules/llm.bicep': BICEP_LIBRARY,
      'infra/main.parameters.json': parameters({ aiRegion: 'swedencentral', summarySku: '${SUMMARY_SKU=GlobalStandard}' }),
    };
    const index = new WorkspaceIndex(engine, policy);
    for (const [file, text] of Object.entries(files)) index.set(file, text);
    const key = (e: Endpoint): string => `${e.file} ${e.range.start} ${e.region} ${e.euResident}`;
    const mine = index.results().endpoints.map(key).sort();
    const cli = (await run(files)).endpoints.map(key).sort();
    assert.deepEqual(mine, cli);
    assert.equal(mine.length, 4);
  });
});

describe('IaC: an app\'s environment set from a created account', () => {
  const app = (value: string): string => `param endpoint string
resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'fabrikam-ai'
}
var settings = union([
  {
    name: 'LOG_LEVEL'
    value: 'info'
  }
], [
  {
    name: 'AZURE_OPENAI_ENDPOINT'
    value: ${value}
  }
])
`;

  it('AZURE_OPENAI_ENDPOINT set from an account\'s output, a condition or a parameter is an Azure OpenAI endpoint with its host unknown', async () => {
    for (const value of ['acct.properties.endpoint', '!empty(endpoint) ? endpoint : acct.properties.endpoint', 'endpoint']) {
      const files = { 'infra/app.bicep': app(value) };
      const r = await run(files);
      assert.deepEqual(r.endpoints.map((e) => [e.file, lineOf(files['infra/app.bicep'], e.range.start), e.provider, e.host, e.region, e.euResident]),
        [['infra/app.bicep', lineWith(files['infra/app.bicep'], 'value: ' + value.slice(0, 6)), 'azure-openai', null, null, null]], value);
      assert.match(r.endpoints[0]!.unknown ?? '', /known only at deploy time/);
    }
  });

  it('an empty value, or a variable no provider\'s SDK reads, is none', async () => {
    assert.deepEqual((await run({ 'infra/app.bicep': app("''") })).endpoints, []);
    assert.deepEqual((await run({ 'infra/app.bicep': app('acct.properties.endpoint').replace("'AZURE_OPENAI_ENDPOINT'", "'SEARCH_ENDPOINT'") })).endpoints, []);
  });
});

describe('Bicep parser: computed values', () => {
  const parts = (v: BicepValue | undefined): string[] => ((v?.k === 'other' || v?.k === 'ref') ? (v.parts ?? []).map((p) => p.k === 'ref' ? p.path : p.k) : []);

  it('a value that starts with `!` or a parenthesis is one value: what follows is never read as more keys of the object', () => {
    const file = parseBicep("var env = {\n  name: 'X'\n  value: !empty(a) ? a : (b ? c.outputs.endpoint : '')\n}\nvar other = (flag ? [x] : y)\n");
    const env = file.vars.get('env');
    assert.deepEqual(env?.k === 'obj' ? env.entries.map((e) => e.key) : [], ['name', 'value']);
    assert.deepEqual(parts(env?.k === 'obj' ? env.entries[1]!.value : undefined), ['empty()', 'a', 'other']);
    const other = file.vars.get('other');
    assert.deepEqual(parts(other), ['other']);
    assert.deepEqual(parts(other?.k === 'other' ? other.parts?.[0] : undefined), ['flag', 'arr', 'y']);
  });

  it('a call keeps its arguments as parts', () => {
    const file = parseBicep("var all = union(first, [ { name: 'n' } ])\n");
    assert.deepEqual(parts(file.vars.get('all')), ['first', 'arr']);
  });
});
