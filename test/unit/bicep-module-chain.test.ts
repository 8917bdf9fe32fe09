// Azure OpenAI deployments declared in a Bicep caller and passed on through more than one
// module (azd's main.bicep -> a host module -> an account module): each deployment is its
// own endpoint at its SKU in the caller that writes it, with the location that caller passes,
// when every call of every module on the way reports them. Otherwise (a caller that passes no
// list, a module that does not pass the location on) the account module still reports its
// own deployments, unknown: fail closed.
import * as assert from 'node:assert/strict';
import type { Endpoint, Finding } from '../../src/core/model';
import { lineOf, lineWith, placed, scanFiles, type Files } from '../support/workspace-scan';

const run = (files: Files) => scanFiles(files, 'require: [hipaa, eu-residency]\nbaa: [azure-openai]\n');
const sorted = (r: { endpoints: Endpoint[] }, files: Files) => placed(r, files).sort((x, y) => `${x[0]}:${x[1]}`.localeCompare(`${y[0]}:${y[1]}`));
const rules = (r: { findings: Finding[] }, files: Files): [string, number, string][] => r.findings.map((f): [string, number, string] => [f.file, lineOf(files[f.file]!, f.range.start), f.ruleId]).sort();

// The account module: its deployments loop over the list its caller gives, with the item's own SKU when it has one.
const ACCOUNT = `param serviceName string
param location string = resourceGroup().location
param deployments array = []

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: serviceName
  location: location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: { customSubDomainName: serviceName }
}

resource models 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for item in deployments: {
  parent: account
  name: item.name
  properties: { model: item.model }
  sku: contains(item, 'sku') ? item.sku : {
    name: 'Standard'
    capacity: 10
  }
}]
`;

/** A module between: it gives its own list parameter and location on to the next module (`next`, relative to it). */
const between = (next: string, list = 'modelDeployments', location = 'location'): string => `param location string
param serviceName string
@description('The model deployments to create.')
param ${list} array = []

module inner '${next}' = {
  name: 'inner'
  params: {
    location: ${location}
    serviceName: serviceName
    ${next.endsWith('account.bicep') ? 'deployments' : 'modelDeployments'}: ${list}
  }
}
`;

/** The top-level caller: a chat and an embedding deployment in two variables, joined with concat(). */
const main = (opts: { module: string; list?: string; location?: string; chatSku?: string; embedSku?: string; skuParam?: string }): string => `param location string = '${opts.location ?? 'swedencentral'}'
${opts.skuParam ?? `param chatSku string = '${opts.chatSku ?? 'GlobalStandard'}'`}
param embedSku string = '${opts.embedSku ?? 'DataZoneStandard'}'

var chatModels = [
  {
    name: 'chat'
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-08-06' }
    sku: {
      name: chatSku
      capacity: 10
    }
  }
]
var embeddingModels = [
  {
    name: 'embed'
    model: { format: 'OpenAI', name: 'text-embedding-3-small', version: '1' }
    sku: {
      name: embedSku
      capacity: 10
    }
  }
]
var allModels = concat(chatModels, embeddingModels)

module platform '${opts.module}' = {
  name: 'platform'
  params: {
    location: location
    serviceName: 'contoso-ai'
    ${opts.list ?? 'modelDeployments'}: allModels
  }
}
`;

const twoLevels = (opts: Omit<Parameters<typeof main>[0], 'module'> = {}): Files => ({
  'infra/main.bicep': main({ module: 'core/host/platform.bicep', ...opts }),
  'infra/core/host/platform.bicep': between('../ai/account.bicep'),
  'infra/core/ai/account.bicep': ACCOUNT,
});

describe('Bicep deployments passed through several module levels', () => {
  it('two levels, concat() of two variables: each deployment is an endpoint at its SKU in the caller; the modules on the way are quiet', async () => {
    const files = twoLevels();
    const r = await run(files);
    const text = files['infra/main.bicep']!;
    assert.deepEqual(sorted(r, files), [
      ['infra/main.bicep', lineWith(text, "'GlobalStandard'"), 'global', false],
      ['infra/main.bicep', lineWith(text, "'DataZoneStandard'"), 'swedencentral', true],
    ]);
    // Only the global one breaks EU residency, with the existing fix: the SKU default to DataZoneStandard.
    assert.deepEqual(rules(r, files), [['infra/main.bicep', lineWith(text, "'GlobalStandard'"), 'LLMC002']]);
    const chat = r.endpoints.find((e) => e.region === 'global')!;
    const edit = chat.euFix?.edits[0];
    assert.equal(edit?.newText, 'DataZoneStandard');
    assert.equal(text.slice(edit.start, edit.end), 'GlobalStandard');
    assert.match(chat.via, /modelDeployments\[0\] \(chat\) of module platform/);
  });

  it('three levels: the caller two modules above the account module reports, the two modules between are quiet', async () => {
    const files: Files = {
      'infra/main.bicep': main({ module: 'core/stack.bicep', list: 'models' }),
      'infra/core/stack.bicep': between('host/platform.bicep', 'models'),
      'infra/core/host/platform.bicep': between('../ai/account.bicep'),
      'infra/core/ai/account.bicep': ACCOUNT,
    };
    const r = await run(files);
    assert.deepEqual(sorted(r, files).map(([file, , region, eu]) => [file, region, eu]), [
      ['infra/main.bicep', 'global', false],
      ['infra/main.bicep', 'swedencentral', true],
    ]);
  });

  it('a SKU parameter default that main.parameters.json overrides: judged by the parameters file value, at the SKU line', async () => {
    const params = JSON.stringify({ parameters: { chatSku: { value: 'DataZoneStandard' } } }, null, 2);
    const files: Files = { ...twoLevels(), 'infra/main.parameters.json': params };
    const r = await run(files);
    const text = files['infra/main.bicep']!;
    // The parameters file's value is a setting too (azd-parameters.test.ts), in the region the template's default gives the account.
    assert.deepEqual(sorted(r, files), [
      ['infra/main.bicep', lineWith(text, 'name: chatSku'), 'swedencentral', true],
      ['infra/main.bicep', lineWith(text, "'DataZoneStandard'"), 'swedencentral', true],
      ['infra/main.parameters.json', lineWith(params, 'DataZoneStandard'), 'swedencentral', true],
    ]);
    assert.deepEqual(r.findings, []);
  });

  it('a caller whose SKU is not a literal (a parameter without default): that deployment is unknown, still at the caller', async () => {
    const files = twoLevels({ skuParam: 'param chatSku string' });
    const r = await run(files);
    const text = files['infra/main.bicep']!;
    assert.deepEqual(sorted(r, files), [
      ['infra/main.bicep', lineWith(text, 'name: chatSku'), 'swedencentral', null],
      ['infra/main.bicep', lineWith(text, "'DataZoneStandard'"), 'swedencentral', true],
    ]);
    assert.deepEqual(rules(r, files).map(([file, , rule]) => [file, rule]), [['infra/main.bicep', 'LLMC003']]);
  });

  it('a module called by two callers with different SKUs and locations: each caller reports its own', async () => {
    const files: Files = {
      'infra/eu/main.bicep': main({ module: '../core/host/platform.bicep', location: 'francecentral', chatSku: 'DataZoneStandard', embedSku: 'Standard' }),
      'infra/us/main.bicep': main({ module: '../core/host/platform.bicep', location: 'eastus', chatSku: 'GlobalStandard', embedSku: 'Standard' }),
      'infra/core/host/platform.bicep': between('../ai/account.bicep'),
      'infra/core/ai/account.bicep': ACCOUNT,
    };
    const r = await run(files);
    assert.deepEqual(sorted(r, files).map(([file, , region, eu]) => [file, region, eu]), [
      ['infra/eu/main.bicep', 'francecentral', true],
      ['infra/eu/main.bicep', 'francecentral', true],
      ['infra/us/main.bicep', 'global', false],
      ['infra/us/main.bicep', 'eastus', false],
    ]);
  });

  it('fails closed: a second call of the module between that passes no deployments keeps the account module\'s own deployments reported, unknown', async () => {
    const files: Files = {
      ...twoLevels(),
      'infra/other.bicep': "module bare 'core/host/platform.bicep' = {\n  name: 'bare'\n  params: {\n    location: 'eastus'\n    serviceName: 'contoso-bare'\n  }\n}\n",
    };
    const r = await run(files);
    const own = r.endpoints.filter((e) => e.file === 'infra/core/ai/account.bicep');
    assert.deepEqual(own.map((e) => e.euResident), [null], JSON.stringify(sorted(r, files)));
    // The caller that writes its deployments still reports them.
    assert.equal(r.endpoints.filter((e) => e.file === 'infra/main.bicep').length, 2);
  });

  it('fails closed: a module between that sets the location itself does not pair the caller\'s SKUs with a location; the account module reports', async () => {
    const files: Files = { ...twoLevels(), 'infra/core/host/platform.bicep': between('../ai/account.bicep', 'modelDeployments', "'westeurope'") };
    const r = await run(files);
    assert.deepEqual(r.endpoints.filter((e) => e.file === 'infra/main.bicep'), []);
    assert.ok(r.endpoints.some((e) => e.file === 'infra/core/ai/account.bicep' && e.euResident === null), JSON.stringify(sorted(r, files)));
  });

  it('two modules that pass a list to each other (a cycle) end the search: nothing is reported at the caller, and no internal error', async () => {
    const files: Files = {
      'infra/main.bicep': main({ module: 'a.bicep' }),
      'infra/a.bicep': between('b.bicep'),
      'infra/b.bicep': between('a.bicep'),
    };
    const r = await run(files);
    assert.deepEqual(r.endpoints.filter((e) => e.file === 'infra/main.bicep'), []);
    // No internal error (a stack overflow would be an LLMC008 note on main.bicep).
    assert.deepEqual(r.findings, []);
  });
});
