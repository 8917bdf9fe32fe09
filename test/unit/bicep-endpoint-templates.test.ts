// Bicep templates that build the URL of an LLM API by interpolation or format() and hand it
// to an app: the URL is a use where it is built, its provider known from the catalog's host
// patterns and its host only when every interpolated part resolves (parameter defaults,
// module calls, azd parameters files); the app setting that carries it, in the same file or
// in a module the URL is passed to, is a use too, citing where the URL is built. Whatever is
// not known (a deploy-time parameter, an existing resource's name, a module output) stays
// unknown and the endpoint says why.
import * as assert from 'node:assert/strict';
import type { Endpoint } from '../../src/core/model';
import { parseBicep, type BicepValue } from '../../src/core/scan/config/bicep';
import { lineOf, lineWith, scanFiles, type Files } from '../support/workspace-scan';

const run = (files: Files) => scanFiles(files, 'require: [hipaa, eu-residency]\nbaa: [azure-openai]\n');
const rows = (r: { endpoints: Endpoint[] }, files: Files): [string, number, string | null, string | null, string | null][] =>
  r.endpoints.map((e): [string, number, string | null, string | null, string | null] => [e.file, lineOf(files[e.file]!, e.range.start), e.provider, e.host, e.region])
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);

// A web app that reads its model endpoint from an app setting the template fills in.
const webApp = (settingValue: string): string => `param appName string = 'orders-web'
param location string = 'westeurope'
param hubAccount string = 'orders-hub'

var modelUrl = 'https://\${hubAccount}.openai.azure.com/'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'ORDERS_MODEL_URL'
          value: ${settingValue}
        }
        {
          name: 'ORDERS_LOG_LEVEL'
          value: 'debug'
        }
      ]
    }
  }
}
`;

describe('Bicep URL templates of LLM APIs', () => {
  it('an interpolated Azure OpenAI URL whose parts resolve is a use with its host; the setting that carries it is one too', async () => {
    const files = { 'deploy/site.bicep': webApp('modelUrl') };
    const r = await run(files);
    const text = files['deploy/site.bicep'];
    assert.deepEqual(rows(r, files), [
      ['deploy/site.bicep', lineWith(text, "var modelUrl"), 'azure-openai', 'orders-hub.openai.azure.com', null],
      ['deploy/site.bicep', lineWith(text, 'value: modelUrl'), 'azure-openai', 'orders-hub.openai.azure.com', null],
    ]);
    const setting = r.endpoints.find((e) => lineOf(text, e.range.start) === lineWith(text, 'value: modelUrl'))!;
    assert.match(setting.via, /ORDERS_MODEL_URL = `modelUrl` in the app's environment: https:\/\/\$\{hubAccount\}\.openai\.azure\.com\/ \(deploy\/site\.bicep:5\)/);
    assert.deepEqual(setting.env?.map((s) => [s.file, s.line]), [['deploy/site.bicep', 5]]);
  });

  it('the account the URL names, defined in the workspace, gives both uses its region', async () => {
    const files = {
      'deploy/site.bicep': webApp('modelUrl'),
      'deploy/hub.bicep': "resource hub 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'orders-hub'\n  location: 'swedencentral'\n  kind: 'OpenAI'\n  sku: { name: 'S0' }\n  properties: { customSubDomainName: 'orders-hub' }\n}\n",
    };
    const r = await run(files);
    const site = r.endpoints.filter((e) => e.file === 'deploy/site.bicep');
    assert.deepEqual(site.map((e) => [e.host, e.region, e.euResident]), [
      ['orders-hub.openai.azure.com', 'swedencentral', true],
      ['orders-hub.openai.azure.com', 'swedencentral', true],
    ]);
  });

  it('format() of a Foundry project URL from a deploy-time resource id: provider known, host unknown, and it says which part and why', async () => {
    const text = `param projectResourceId string

var projectUrl = format('https://{0}.services.ai.azure.com/api/projects/{1}', split(projectResourceId, '/')[8], split(projectResourceId, '/')[10])
`;
    const files = { 'infra/project.bicep': text };
    const r = await run(files);
    assert.deepEqual(rows(r, files), [['infra/project.bicep', lineWith(text, 'var projectUrl'), 'azure-openai', null, null]]);
    const e = r.endpoints[0]!;
    assert.equal(e.euResident, null);
    // Only the host's part is named: {1} is the path.
    assert.match(e.unknown ?? '', /^the host is not known here: \{0\} is `split\(projectResourceId, '\/'\)\[8\]`, computed at deploy time$/);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['LLMC003']);
  });

  it('a URL named after an existing resource whose name is a deploy-time parameter: unknown, and the endpoint says it is an existing resource', async () => {
    const text = `param sharedAccountName string

resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: sharedAccountName
}

var chatUrl = 'https://\${shared.name}.cognitiveservices.azure.com/'
`;
    const files = { 'infra/shared.bicep': text };
    const r = await run(files);
    assert.deepEqual(rows(r, files), [['infra/shared.bicep', lineWith(text, 'var chatUrl'), 'azure-openai', null, null]]);
    assert.match(r.endpoints[0]!.unknown ?? '', /shared is an existing resource \(made outside this template\), and its name is unknown \(param sharedAccountName has no default/);
  });

  it('a URL built in main.bicep and passed to a module that puts it in a container app\'s env: a use at the template and at the env setting, which cites the template', async () => {
    const main = `param location string = 'swedencentral'
param existingProjectId string = ''

module brain 'modules/brain.bicep' = if (empty(existingProjectId)) {
  name: 'brain'
  params: {
    location: location
  }
}

var existingProjectUrl = !empty(existingProjectId) ? format('https://{0}.services.ai.azure.com/api/projects/{1}', split(existingProjectId, '/')[8], split(existingProjectId, '/')[10]) : ''

var projectUrl = !empty(existingProjectId)
  ? existingProjectUrl
  : brain!.outputs.projectUrl

module worker 'modules/worker.bicep' = {
  name: 'worker'
  params: {
    location: location
    projectUrl: projectUrl
  }
}
`;
    const worker = `param location string
param projectUrl string

resource job 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ticket-worker'
  location: location
  properties: {
    template: {
      containers: [
        {
          name: 'worker'
          image: 'example.azurecr.io/worker:1'
          env: [
            {
              name: 'TICKETS_PROJECT_URL'
              value: projectUrl
            }
          ]
        }
      ]
    }
  }
}
`;
    const files = { 'infra/main.bicep': main, 'infra/modules/worker.bicep': worker, 'infra/modules/brain.bicep': 'param location string\noutput projectUrl string = \'\'\n' };
    const r = await run(files);
    assert.deepEqual(rows(r, files), [
      ['infra/main.bicep', lineWith(main, 'var existingProjectUrl'), 'azure-openai', null, null],
      ['infra/modules/worker.bicep', lineWith(worker, 'value: projectUrl'), 'azure-openai', null, null],
    ]);
    const setting = r.endpoints.find((e) => e.file === 'infra/modules/worker.bicep')!;
    const built = lineWith(main, 'var existingProjectUrl');
    assert.match(setting.via, new RegExp(`TICKETS_PROJECT_URL = \`projectUrl\` in the app's environment: https://\\{0\\}\\.services\\.ai\\.azure\\.com/api/projects/\\{1\\} \\(infra/main\\.bicep:${built}\\); otherwise it is \`brain\\.outputs\\.projectUrl \\(an output of module brain\\)\`, not read here`));
    assert.match(setting.unknown ?? '', new RegExp(`^TICKETS_PROJECT_URL is the URL built in infra/main\\.bicep:${built}, whose host is not known there \\(\\{0\\} is .*\\), or a value not read here$`));
    assert.deepEqual(setting.env?.map((s) => [s.name, s.file, s.line]), [['TICKETS_PROJECT_URL', 'infra/main.bicep', built]]);
    // The lines that only pass the value on are quiet.
    assert.ok(!r.endpoints.some((e) => e.file === 'infra/main.bicep' && lineOf(main, e.range.start) !== built));
  });

  it('a setting whose every value is the same resolved URL keeps its host; two different hosts leave it unknown', async () => {
    const both = webApp("useWest ? 'https://orders-west.openai.azure.com/' : modelUrl").replace("param appName string = 'orders-web'", "param appName string = 'orders-web'\nparam useWest bool = false");
    const files = { 'deploy/site.bicep': both };
    const r = await run(files);
    const line = lineWith(both, 'value: useWest');
    // On the setting's line: the literal branch, a URL written there, and the setting, which may hold either host.
    assert.deepEqual(r.endpoints.filter((e) => lineOf(both, e.range.start) === line).map((e) => [e.provider, e.host]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))), [
      ['azure-openai', null],
      ['azure-openai', 'orders-west.openai.azure.com'],
    ]);
    const setting = r.endpoints.find((e) => lineOf(both, e.range.start) === line && e.host === null)!;
    assert.match(setting.unknown ?? '', /one of 2 hosts/);
  });

  it('stays quiet on templates that are no LLM API URL, settings that carry none, and keys that are no app setting', async () => {
    const text = `param prefix string = 'orders'
var searchUrl = 'https://\${prefix}-search.search.windows.net/'
var storageName = '\${prefix}store'
var modelUrl = 'https://\${prefix}.openai.azure.com/'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: '\${prefix}-web'
  location: 'westeurope'
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'SEARCH_URL'
          value: searchUrl
        }
      ]
    }
    diagnostics: {
      endpoint: modelUrl
    }
  }
}
`;
    const files = { 'infra/quiet.bicep': text };
    const r = await run(files);
    // Only the template itself: the search URL is no LLM API, `endpoint:` is no app setting.
    assert.deepEqual(rows(r, files), [['infra/quiet.bicep', lineWith(text, 'var modelUrl'), 'azure-openai', 'orders.openai.azure.com', null]]);
  });
});

describe('Bicep parser: what a URL template needs', () => {
  const code = (text: string, v: BicepValue | undefined): string => (v ? text.slice(v.s, v.e) : '');

  it('format() keeps its arguments in order, the format string first', () => {
    const text = "var u = format('https://{0}.openai.azure.com/', toLower(name), 'x')\n";
    const u = parseBicep(text).vars.get('u');
    assert.equal(u?.k, 'ref');
    assert.deepEqual(u?.k === 'ref' ? u.args?.map((a) => code(text, a)) : [], ["'https://{0}.openai.azure.com/'", 'toLower(name)', "'x'"]);
  });

  it('a condition written over several lines is one value, and an argument ends at the call\'s closing parenthesis', () => {
    const text = "var v = !empty(id)\n  ? fromId\n  : hub!.outputs.url\nvar next = 'x'\nvar w = format('{0}', split(id, '/')[8]) == 'x'\n";
    const file = parseBicep(text);
    const v = file.vars.get('v');
    assert.equal(code(text, v), '!empty(id)\n  ? fromId\n  : hub!.outputs.url');
    // The non-null assertion (`hub!.outputs.url`) is one reference.
    assert.ok(v?.k === 'other' && v.parts?.some((p) => p.k === 'ref' && p.path === 'hub.outputs.url'));
    assert.equal(file.vars.get('next')?.k, 'str');
    const w = file.vars.get('w');
    assert.deepEqual(w?.k === 'other' && w.parts?.[0]?.k === 'ref' ? w.parts[0].args?.map((a) => code(text, a)) : [], ["'{0}'", "split(id, '/')[8]"]);
  });

  it('an existing resource is marked', () => {
    const file = parseBicep("resource a 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {\n  name: n\n}\nresource b 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: n\n}\n");
    assert.deepEqual(file.resources.map((r) => [r.symbol, r.existing ?? false]), [['a', true], ['b', false]]);
  });
});

describe('Bicep: an account module reached only through a module no file in the workspace calls', () => {
  it('reports its looped deployment, unknown, and says the location is the uncalled module\'s parameter defaulting to the resource group\'s', async () => {
    // The account module's deployments come from a module between that nothing here calls (its caller is not in the workspace): fail closed.
    const account = `param name string
param location string = resourceGroup().location
param deployments array = []

resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  kind: 'AIServices'
  properties: { customSubDomainName: name }
}

resource models 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for d in deployments: {
  parent: acct
  name: d.name
  properties: { model: d.model }
  sku: contains(d, 'sku') ? d.sku : { name: 'Standard', capacity: 5 }
}]
`;
    const between = `param location string = resourceGroup().location
param accountName string
param modelList array = []

module ai 'account.bicep' = {
  name: 'ai'
  params: {
    location: location
    name: accountName
    deployments: modelList
  }
}
`;
    const files = { 'infra/ai/account.bicep': account, 'infra/ai/platform.bicep': between };
    const r = await run(files);
    assert.deepEqual(rows(r, files), [['infra/ai/account.bicep', lineWith(account, 'sku: contains'), 'azure-openai', null, null]]);
    assert.match(r.endpoints[0]!.via, /param location is passed by infra\/ai\/platform\.bicep:\d+, where param location defaults to the resource group's location, chosen at deploy time/);
  });
});
