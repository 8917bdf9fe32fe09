// Library modules fail closed: a Terraform or Bicep module whose deployments its callers pass
// stays quiet only when every call of it in the workspace reports them, the deployment's SKU
// is the one each caller passes and its account sits where the callers' location puts it.
// Otherwise the module reports its own deployment (unknown where it cannot read it). Also:
// a long flat Bicep operator chain is read without a stack overflow or a false depth note.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/model';
import { parseBicep } from '../../src/core/scan/config/bicep';
import { initParsers } from '../support/parse-check';
import { lineOf, lineWith, placed, scanFiles, type Files } from '../support/workspace-scan';

const run = (files: Files) => scanFiles(files, 'require: [hipaa, eu-residency]\nbaa: [azure-openai]\n');
/** Each endpoint as [file, line, region, euResident], in a stable order. */
const placedInOrder = (r: Parameters<typeof placed>[0], files: Files) => placed(r, files).sort((x, y) => `${x[0]}:${x[1]}`.localeCompare(`${y[0]}:${y[1]}`));
const findings = (r: { findings: Finding[] }): [string, string][] => r.findings.map((f): [string, string] => [f.file, f.ruleId]).sort();

// An OpenAI account module: its location is an input with a default, its deployments a map the callers pass.
const tfModule = (opts: { sku?: string; location?: string } = {}): Files => ({
  'modules/ai/variables.tf': 'variable "location" {\n  type    = string\n  default = "eastus"\n}\n\nvariable "models" {\n  type = map(any)\n}\n',
  'modules/ai/main.tf': `resource "azurerm_cognitive_account" "acct" {
  name                = "contoso-ai"
  location            = ${opts.location ?? 'var.location'}
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
    name = ${opts.sku ?? 'each.value.sku_name'}
  }
}
`,
});

/** A stack calling the module; `location: null` leaves the module's default. */
const tfStack = (sku: string, location: string | null, extra = ''): string => `module "ai" {
  source   = "../../modules/ai"
${location === null ? '' : `  location = "${location}"\n`}${extra}  models = {
    notes = {
      model_format = "OpenAI"
      model_name   = "gpt-4o-mini"
      sku_name     = "${sku}"
    }
  }
}
`;

describe('Terraform library modules fail closed', () => {
  before(initParsers);

  it('every call reports its deployments: the module stays quiet and each caller reports its own', async () => {
    const files: Files = { ...tfModule(), 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral'), 'stacks/fr/main.tf': tfStack('GlobalStandard', 'francecentral') };
    const r = await run(files);
    assert.deepEqual(placedInOrder(r, files), [
      ['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf']!, '"DataZoneStandard"'), 'swedencentral', true],
      ['stacks/fr/main.tf', lineWith(files['stacks/fr/main.tf']!, '"GlobalStandard"'), 'global', false],
    ]);
    assert.deepEqual(findings(r), [['stacks/fr/main.tf', 'LLMC002']]);
  });

  it('a second call that does not report (no location: the module default applies) keeps the module\'s deployment reported, unknown', async () => {
    const files: Files = { ...tfModule(), 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral'), 'stacks/us/main.tf': tfStack('GlobalStandard', null) };
    const r = await run(files);
    const module = files['modules/ai/main.tf']!;
    assert.deepEqual(placedInOrder(r, files), [
      ['modules/ai/main.tf', lineWith(module, 'each.value.sku_name'), null, null],
      ['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf']!, '"DataZoneStandard"'), 'swedencentral', true],
    ]);
    // The location differs by call (swedencentral passed, eastus by default): unknown, not the one caller's value.
    const own = r.endpoints.find((e) => e.file === 'modules/ai/main.tf')!;
    assert.match(own.via, /var\.location is swedencentral from the module call in stacks\/eu\/main\.tf:\d+, but module "ai" in stacks\/us\/main\.tf leaves it at its default "eastus"/);
    assert.deepEqual(findings(r), [['modules/ai/main.tf', 'LLMC003']]);
  });

  it('a call whose kind is not readable here does not report either: the module does', async () => {
    const files: Files = {
      ...tfModule(),
      'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral'),
      'stacks/kind/main.tf': 'variable "kind" {}\n' + tfStack('GlobalStandard', 'swedencentral', '  kind     = var.kind\n'),
    };
    const r = await run(files);
    assert.ok(r.endpoints.some((e) => e.file === 'modules/ai/main.tf' && e.euResident === null), JSON.stringify(placedInOrder(r, files)));
    assert.ok(findings(r).some(([file, rule]) => file === 'modules/ai/main.tf' && rule === 'LLMC003'));
  });

  it('a module that writes its own SKU reports it, whatever SKU the callers pass (they cannot change it)', async () => {
    const files: Files = { ...tfModule({ sku: '"GlobalStandard"' }), 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral') };
    const r = await run(files);
    const module = files['modules/ai/main.tf']!;
    const own = r.endpoints.find((e) => e.file === 'modules/ai/main.tf');
    assert.deepEqual(own && [lineOf(module, own.range.start), own.region, own.euResident], [lineWith(module, '"GlobalStandard"'), 'global', false]);
    assert.ok(findings(r).some(([file, rule]) => file === 'modules/ai/main.tf' && rule === 'LLMC002'));
  });

  it('a module whose account location is not the callers\' location input reports its deployment', async () => {
    const files: Files = { ...tfModule({ location: '"westeurope"' }), 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral') };
    const r = await run(files);
    const module = files['modules/ai/main.tf']!;
    const own = r.endpoints.find((e) => e.file === 'modules/ai/main.tf');
    assert.deepEqual(own && [lineOf(module, own.range.start), own.euResident], [lineWith(module, 'each.value.sku_name'), null]);
    assert.ok(findings(r).some(([file, rule]) => file === 'modules/ai/main.tf' && rule === 'LLMC003'));
  });

  it('an account at a local that is coalesce(var.location, ...) in another file of the module is at the callers\' location: quiet; a local with its own value is not', async () => {
    const module = tfModule({ location: 'local.location' });
    const files: Files = { ...module, 'modules/ai/data.tf': 'locals {\n  location = coalesce(var.location, data.azurerm_resource_group.rg.location)\n}\n', 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral') };
    const r = await run(files);
    assert.deepEqual(placedInOrder(r, files), [['stacks/eu/main.tf', lineWith(files['stacks/eu/main.tf']!, '"DataZoneStandard"'), 'swedencentral', true]]);
    const own: Files = { ...files, 'modules/ai/data.tf': 'locals {\n  location = "westus"\n}\n' };
    const r2 = await run(own);
    assert.ok(r2.endpoints.some((e) => e.file === 'modules/ai/main.tf'), JSON.stringify(placedInOrder(r2, own)));
  });

  it('a module\'s own SKU in a region one call passes and another leaves at a non-EU default is not judged by the one call', async () => {
    const files: Files = { ...tfModule({ sku: '"DataZoneStandard"' }), 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'swedencentral'), 'stacks/us/main.tf': tfStack('DataZoneStandard', null) };
    const r = await run(files);
    const own = r.endpoints.find((e) => e.file === 'modules/ai/main.tf');
    assert.equal(own?.euResident, null, JSON.stringify(placedInOrder(r, files)));
    // Both calls pass the same value as the default: one value, as before.
    const same: Files = { ...files, 'stacks/eu/main.tf': tfStack('DataZoneStandard', 'eastus') };
    const r2 = await run(same);
    assert.deepEqual(r2.endpoints.filter((e) => e.file === 'modules/ai/main.tf').map((e) => [e.region, e.euResident]), [['eastus', false]]);
  });
});

// A Bicep account module looping over the deployments its callers pass.
const bicepModule = (sku = "d.?sku ?? { name: 'Standard' }"): string => `param name string
param location string = resourceGroup().location
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
  sku: ${sku}
}]
`;

const bicepCaller = (sku: string, location: string, deployments = true): string => `module ai '../modules/ai.bicep' = {
  name: 'ai'
  params: {
    name: 'contoso-ai'
    location: '${location}'
${deployments ? `    deployments: [
      {
        name: 'notes'
        model: { format: 'OpenAI', name: 'gpt-4o-mini' }
        sku: { name: '${sku}' }
      }
    ]
` : ''}  }
}
`;

describe('Bicep library modules fail closed', () => {
  it('two callers with the same module symbol both report: the module stays quiet', async () => {
    const files: Files = { 'infra/modules/ai.bicep': bicepModule(), 'infra/eu/main.bicep': bicepCaller('DataZoneStandard', 'swedencentral'), 'infra/fr/main.bicep': bicepCaller('DataZoneStandard', 'francecentral') };
    const r = await run(files);
    assert.deepEqual(placedInOrder(r, files).map(([file, , region, eu]) => [file, region, eu]), [['infra/eu/main.bicep', 'swedencentral', true], ['infra/fr/main.bicep', 'francecentral', true]]);
    assert.deepEqual(r.findings, []);
  });

  it('a second call that passes no deployments keeps the module\'s deployments reported, unknown', async () => {
    const files: Files = { 'infra/modules/ai.bicep': bicepModule(), 'infra/eu/main.bicep': bicepCaller('DataZoneStandard', 'swedencentral'), 'infra/us/main.bicep': bicepCaller('', 'eastus', false) };
    const r = await run(files);
    const own = r.endpoints.filter((e) => e.file === 'infra/modules/ai.bicep');
    assert.deepEqual(own.map((e) => e.euResident), [null], JSON.stringify(placedInOrder(r, files)));
    assert.ok(findings(r).some(([file, rule]) => file === 'infra/modules/ai.bicep' && rule === 'LLMC003'));
  });

  it('a module that writes its own SKU reports its deployments, whatever the callers pass', async () => {
    const files: Files = { 'infra/modules/ai.bicep': bicepModule("{ name: 'GlobalStandard' }"), 'infra/eu/main.bicep': bicepCaller('DataZoneStandard', 'swedencentral') };
    const r = await run(files);
    assert.ok(r.endpoints.some((e) => e.file === 'infra/modules/ai.bicep' && e.euResident !== true), JSON.stringify(placedInOrder(r, files)));
    assert.ok(findings(r).some(([file]) => file === 'infra/modules/ai.bicep'));
  });
});

describe('Bicep operator chains', () => {
  const account = "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'contoso-chain'\n  location: 'swedencentral'\n  kind: 'OpenAI'\n}\n";
  const chain = (terms: number): string => `param a string = 'x'\nvar joined = ${Array.from({ length: terms }, () => 'a').join(' + ')}\n${account}`;

  it('a flat chain of 150 operators is not "nested more than 100 levels"; real nesting still is', () => {
    assert.deepEqual(parseBicep(chain(150)).tooDeep, []);
    const nested = `var deep = ${'f('.repeat(120)}a${')'.repeat(120)}\n`;
    assert.ok(parseBicep(nested).tooDeep.length > 0);
  });

  it('a 200,000-term chain is read without a stack overflow: the account is still an endpoint', async () => {
    const files: Files = { 'infra/main.bicep': chain(200_000) };
    const r = await run(files);
    assert.deepEqual(findings(r), []);
    assert.deepEqual(r.endpoints.map((e) => [e.file, e.region, e.euResident]), [['infra/main.bicep', 'swedencentral', true]]);
  });
});
