// A base-URL variable set to a value nobody can read here says whose API it is only when the
// SDK has no public default to override: AZURE_OPENAI_ENDPOINT names an Azure account, while
// OPENAI_BASE_URL exists to send the OpenAI SDK to any server that speaks its protocol, so the
// provider and its BAA are unknown, never OpenAI's by the variable's name.
import * as assert from 'node:assert/strict';
import { lineOf, lineWith, scanFiles } from '../support/workspace-scan';

const APP = [
  'import os',
  'from openai import OpenAI, AzureOpenAI',
  '',
  'implicit = OpenAI()',
  'explicit = OpenAI(base_url=os.environ["OPENAI_BASE_URL"])',
  'azure = AzureOpenAI(azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"], api_version="2024-10-21")',
  '',
].join('\n');

/** The compose service passes both variables through from the machine that starts it: values unknown here. */
const COMPOSE = [
  'services:',
  '  app:',
  '    build: .',
  '    environment:',
  '      - OPENAI_BASE_URL=${OPENAI_BASE_URL}',
  '      - AZURE_OPENAI_ENDPOINT=${AZURE_OPENAI_ENDPOINT}',
  '',
].join('\n');

describe('a base-URL variable set to an unknown value', () => {
  it('leaves provider and BAA unknown where it overrides a public default, and keeps the account provider where there is none', async () => {
    const files = { 'app.py': APP, 'docker-compose.yml': COMPOSE };
    const { endpoints, findings } = await scanFiles(files, 'require: [hipaa]\n');
    const lineOfRange = (start: number) => lineOf(APP, start);
    const at = (needle: string) => endpoints.find((e) => e.file === 'app.py' && lineOfRange(e.range.start) === lineWith(APP, needle));
    for (const needle of ['implicit = OpenAI()', 'explicit = OpenAI(']) {
      const e = at(needle);
      assert.ok(e, needle);
      assert.deepEqual([e.provider, e.host, e.baaAvailable], [null, null, null], needle);
      assert.match(e.unknown ?? '', /OPENAI_BASE_URL, which docker-compose\.yml:5 sets to a value not known here/);
    }
    const azure = at('azure = AzureOpenAI(');
    assert.ok(azure);
    assert.deepEqual([azure.provider, azure.host], ['azure-openai', null]);
    // The OpenAI clients are reported as unknown against HIPAA, not as covered or not covered.
    const rulesAt = (needle: string) => findings.filter((f) => f.file === 'app.py' && lineOfRange(f.range.start) === lineWith(APP, needle)).map((f) => f.ruleId);
    assert.deepEqual(rulesAt('implicit = OpenAI()'), ['LLMC003']);
    assert.deepEqual(rulesAt('explicit = OpenAI('), ['LLMC003']);
  });

  it('keeps the SDK default where nothing sets the variable', async () => {
    const { endpoints } = await scanFiles({ 'app.py': APP }, 'require: [hipaa]\n');
    const implicit = endpoints.find((e) => e.file === 'app.py' && e.via.startsWith('OpenAI(): no endpoint set'));
    assert.equal(implicit?.host, 'api.openai.com');
    assert.equal(implicit?.baaAvailable, true);
  });

  it('is judged the same in a Bicep app setting set at deploy time', async () => {
    const bicep = [
      'param gatewayUrl string',
      "resource app 'Microsoft.App/containerApps@2024-03-01' = {",
      "  name: 'api'",
      "  location: 'westeurope'",
      '  properties: {',
      '    template: {',
      "      containers: [ { name: 'api', image: 'x', env: [",
      "        { name: 'OPENAI_BASE_URL', value: gatewayUrl }",
      "        { name: 'AZURE_OPENAI_ENDPOINT', value: gatewayUrl }",
      '      ] } ]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const { endpoints } = await scanFiles({ 'infra/main.bicep': bicep }, 'require: [hipaa]\n');
    const setting = (name: string) => endpoints.find((e) => e.file === 'infra/main.bicep' && e.via.startsWith(`${name} =`));
    assert.deepEqual([setting('OPENAI_BASE_URL')?.provider, setting('OPENAI_BASE_URL')?.baaAvailable], [null, null]);
    assert.equal(setting('AZURE_OPENAI_ENDPOINT')?.provider, 'azure-openai');
  });
});
