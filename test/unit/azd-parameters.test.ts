// azd templates: what a Bicep template's account and deployments get from outside the file.
// A YAML or JSON file the template loads (`loadYamlContent`) holds deployments: each is its own
// endpoint there, at its SKU. An azd parameters file (`main.parameters.json`) that sets a
// deployment's SKU or an account's location is a setting, like a .env line; `${VAR}` with no
// value in the workspace is unknown and reported as such, never dropped. And a client whose
// host is derived at run time is a use at the client's construction, not where it is derived.
import * as assert from 'node:assert/strict';
import type { Endpoint } from '../../src/core/model';
import { lineOf, lineWith, placed, scanFiles, type Files } from '../support/workspace-scan';

const run = (files: Files) => scanFiles(files, 'require: [hipaa, eu-residency]\nbaa: [azure-openai]\n');
const sorted = (r: { endpoints: Endpoint[] }, files: Files) => placed(r, files).sort((x, y) => `${x[0]}:${String(x[1]).padStart(4, '0')}`.localeCompare(`${y[0]}:${String(y[1]).padStart(4, '0')}`));

/** A template that loads its model list from a file and hands it to a module this workspace does not hold. */
const LOADING = `targetScope = 'subscription'

@metadata({ azd: { type: 'location' } })
param location string

var models = loadYamlContent('./models.yaml')

module platform 'modules/platform.bicep' = {
  name: 'platform'
  params: {
    location: location
    accountName: 'fabrikam-ai'
    modelDeployments: array(contains(models, 'deployments') ? models.deployments : [])
  }
}
`;

const MODELS = `deployments:
  - name: chat
    model:
      format: OpenAI
      name: gpt-4o
    sku:
      name: GlobalStandard
      capacity: 10
  - name: embeddings
    model:
      format: OpenAI
      name: text-embedding-3-large
    sku:
      name: "Standard"
      capacity: 20
`;

const PARAMS = (location: string, extra: Record<string, string> = {}): string => JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
  contentVersion: '1.0.0.0',
  parameters: { environmentName: { value: '${AZURE_ENV_NAME}' }, location: { value: location }, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { value: v }])) },
}, null, 2);

describe('azd templates: deployments loaded from YAML, parameters files', () => {
  it('loadYamlContent: each deployment in the loaded file is an endpoint at its SKU; the account location from an unset azd variable stays unknown', async () => {
    const files: Files = { 'infra/main.bicep': LOADING, 'infra/models.yaml': MODELS, 'infra/main.parameters.json': PARAMS('${AZURE_LOCATION}') };
    const r = await run(files);
    const yaml = files['infra/models.yaml']!;
    // The template and its parameters file are quiet: the deployments are in view, so the location is part of their answers.
    assert.deepEqual(sorted(r, files), [
      ['infra/models.yaml', lineWith(yaml, 'GlobalStandard'), 'global', false],
      ['infra/models.yaml', lineWith(yaml, '"Standard"'), null, null],
    ]);
    const standard = r.endpoints.find((e) => e.region === null)!;
    assert.equal(standard.provider, 'azure-openai');
    assert.match(standard.unknown ?? '', /AZURE_LOCATION is not set in the workspace/);
    assert.match(standard.via, /passed as modelDeployments by module platform in infra\/main\.bicep/);
  });

  it('loadYamlContent: a location the parameters file gives reaches the loaded deployments, and the global one gets its fix in the loaded file', async () => {
    const files: Files = { 'infra/main.bicep': LOADING, 'infra/models.yaml': MODELS, 'infra/main.parameters.json': PARAMS('${AZURE_LOCATION=swedencentral}') };
    const r = await run(files);
    const yaml = files['infra/models.yaml']!;
    assert.deepEqual(sorted(r, files), [
      ['infra/models.yaml', lineWith(yaml, 'GlobalStandard'), 'global', false],
      ['infra/models.yaml', lineWith(yaml, '"Standard"'), 'swedencentral', true],
    ]);
    const fix = r.endpoints.find((e) => e.region === 'global')?.euFix?.edits[0];
    assert.equal(fix?.newText, 'DataZoneStandard');
    assert.equal(yaml.slice(fix.start, fix.end), 'GlobalStandard');
  });

  it('loadJsonContent works alike, from a folder below the template', async () => {
    const json = JSON.stringify({ deployments: [{ name: 'chat', model: { format: 'OpenAI', name: 'gpt-4o' }, sku: { name: 'DataZoneStandard' } }] }, null, 2);
    const template = LOADING.replace("loadYamlContent('./models.yaml')", "loadJsonContent('config/models.json')");
    const files: Files = { 'infra/main.bicep': template, 'infra/config/models.json': json, 'infra/main.parameters.json': PARAMS('francecentral') };
    const r = await run(files);
    // A data-zone deployment of a French account processes in the EU data zone.
    assert.deepEqual(sorted(r, files), [['infra/config/models.json', lineWith(json, 'DataZoneStandard'), 'francecentral', true]]);

  });

  it('code that names an account whose deployments are loaded from a file keeps an unknown verdict: one of them may be Global', async () => {
    const template = `module openAi 'core/ai/cognitiveservices.bicep' = {
  name: 'openai'
  params: {
    name: 'fabrikam-openai'
    kind: 'OpenAI'
    location: 'swedencentral'
    deployments: models.deployments
  }
}

var models = loadYamlContent('models.yaml')
`;
    const code = `from openai import AzureOpenAI\n\nclient = AzureOpenAI(azure_endpoint="https://fabrikam-openai.openai.azure.com", api_version="2024-10-21")\n`;
    const files: Files = { 'infra/main.bicep': template, 'infra/models.yaml': MODELS.replace('GlobalStandard', 'DataZoneStandard'), 'app.py': code };
    const r = await run(files);
    const client = r.endpoints.find((e) => e.file === 'app.py')!;
    assert.equal(client.region, 'swedencentral');
    assert.equal(client.euResident, null);
    assert.match(client.unknown ?? '', /its deployments are read from infra\/models\.yaml \(reported there\)/);
    // The loaded deployments themselves are judged where they are written.
    assert.deepEqual(sorted(r, files).filter(([file]) => file === 'infra/models.yaml').map(([, , region, eu]) => [region, eu]), [['swedencentral', true], ['swedencentral', true]]);
  });

  it('a loaded file the workspace does not show as a model list (missing, or not read) leaves one unread deployment at the call: fail closed', async () => {
    const params = PARAMS('francecentral');
    for (const files of [
      { 'infra/main.bicep': LOADING, 'infra/main.parameters.json': params },
      { 'infra/main.bicep': LOADING, 'infra/main.parameters.json': params, 'infra/models.yaml': 'settings:\n  tier: basic\n' },
    ] as Files[]) {
      const r = await run(files);
      assert.deepEqual(sorted(r, files), [['infra/main.bicep', lineWith(LOADING, 'modelDeployments:'), 'francecentral', null]]);
      assert.match(r.endpoints[0]!.unknown ?? '', /read from deployments in infra\/models\.yaml, which the workspace does not show/);
    }
  });

  it('OpenAI-format deployments written inline and passed to a module the workspace does not hold are reported at their SKUs, never dropped', async () => {
    const template = `param location string = 'westeurope'

module platform 'modules/platform.bicep' = {
  name: 'platform'
  params: {
    location: location
    aiModels: [
      {
        name: 'chat'
        model: { format: 'OpenAI', name: 'gpt-4o-mini' }
        sku: { name: 'GlobalStandard', capacity: 10 }
      }
    ]
  }
}
`;
    const files: Files = { 'infra/main.bicep': template };
    const r = await run(files);
    assert.deepEqual(sorted(r, files), [['infra/main.bicep', lineWith(template, "'GlobalStandard'"), 'global', false]]);
    // With the module in the workspace, its own reading decides (here it makes no account: quiet).
    const withModule = { ...files, 'infra/modules/platform.bicep': 'param location string\nparam aiModels array = []\n' };
    assert.deepEqual((await run(withModule)).endpoints, []);
  });

  it('an account with no deployment in view: its location line and the parameters file line that sets it are both uses, unknown when the azd variable is unset', async () => {
    // `!empty(p) ? p : location` with a required p: azd asks for p, so p decides (the fallback line stays quiet).
    const main = `param location string
param openAiLocation string

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'fabrikam-openai'
  location: !empty(openAiLocation) ? openAiLocation : location
  kind: 'OpenAI'
  sku: { name: 'S0' }
}
`;
    const params = PARAMS('${AZURE_LOCATION}', { openAiLocation: '${AZURE_OPENAI_LOCATION}' });
    const files: Files = { 'infra/main.bicep': main, 'infra/main.parameters.json': params };
    const r = await run(files);
    assert.deepEqual(sorted(r, files), [
      ['infra/main.bicep', lineWith(main, '!empty(openAiLocation)'), null, null],
      ['infra/main.parameters.json', lineWith(params, '${AZURE_OPENAI_LOCATION}'), null, null],
    ]);
    const setting = r.endpoints.find((e) => e.file === 'infra/main.parameters.json')!;
    assert.equal(setting.provider, 'azure-openai');
    assert.match(setting.unknown ?? '', /AZURE_OPENAI_LOCATION is not set in the workspace/);
    assert.ok(r.findings.some((f) => f.file === 'infra/main.parameters.json' && f.ruleId === 'LLMC003'));

    // Given a value, the parameter decides both: the account and the setting are in Sweden.
    const given = PARAMS('${AZURE_LOCATION}', { openAiLocation: 'swedencentral' });
    const r2 = await run({ 'infra/main.bicep': main, 'infra/main.parameters.json': given });
    assert.deepEqual(sorted(r2, { 'infra/main.bicep': main, 'infra/main.parameters.json': given }).map(([file, , region, eu]) => [file, region, eu]), [
      ['infra/main.bicep', 'swedencentral', true],
      ['infra/main.parameters.json', 'swedencentral', true],
    ]);
  });

  it('a parameters file that sets a regional SKU is a setting placed by the account: unknown where the location is, known where the same file sets it', async () => {
    const main = `param location string
param embedSku string = 'Standard'

module openAi 'core/ai/cognitiveservices.bicep' = {
  name: 'openai'
  params: {
    name: 'fabrikam-openai'
    location: location
    deployments: [
      {
        name: 'embed'
        model: { format: 'OpenAI', name: 'text-embedding-3-small' }
        sku: { name: embedSku, capacity: 10 }
      }
    ]
  }
}
`;
    const unset = PARAMS('${AZURE_LOCATION}', { embedSku: '${AZURE_EMBED_SKU=Standard}' });
    const files: Files = { 'infra/main.bicep': main, 'infra/main.parameters.json': unset };
    const r = await run(files);
    assert.deepEqual(sorted(r, files), [
      ['infra/main.bicep', lineWith(main, 'name: embedSku'), null, null],
      ['infra/main.parameters.json', lineWith(unset, '${AZURE_EMBED_SKU=Standard}'), null, null],
    ]);
    const set = PARAMS('francecentral', { embedSku: '${AZURE_EMBED_SKU=Standard}' });
    const r2 = await run({ 'infra/main.bicep': main, 'infra/main.parameters.json': set });
    assert.deepEqual(sorted(r2, { 'infra/main.bicep': main, 'infra/main.parameters.json': set }).map(([file, , region, eu]) => [file, region, eu]), [
      ['infra/main.bicep', 'francecentral', true],
      ['infra/main.parameters.json', 'francecentral', true],
    ]);
  });

  it('a client whose host is derived at run time from an env read is a use at its construction, one per client', async () => {
    const code = `import os
from urllib.parse import urlparse
from azure.ai.inference import ChatCompletionsClient, EmbeddingsClient
from azure.identity import DefaultAzureCredential

project = os.environ["PROJECT_ENDPOINT"]
models_url = f"https://{urlparse(project).netloc}/models"

chat = ChatCompletionsClient(
    endpoint=models_url,
    credential=DefaultAzureCredential(),
)
embed = EmbeddingsClient(
    endpoint=models_url,
    credential=DefaultAzureCredential(),
)
`;
    const files: Files = { 'app/main.py': code };
    const r = await run(files);
    assert.deepEqual(r.endpoints.map((e) => [lineOf(code, e.range.start), e.region, e.euResident]).sort((a, b) => Number(a[0]) - Number(b[0])), [
      [lineWith(code, 'ChatCompletionsClient('), null, null],
      [lineWith(code, 'EmbeddingsClient('), null, null],
    ]);
  });
});
