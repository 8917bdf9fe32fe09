// Prompty files: the model configuration in a .prompty file's front matter is an endpoint,
// read as the Prompty runtime builds its client from it.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { Engine, formatOf } from '../../src/core/engine';
import { CatalogIndex } from '../../src/core/resolve/catalog-index';
import { found } from '../support/found';
import { lineWith, scanFiles } from '../support/workspace-scan';

const prompt = (configuration: string[], body = 'system:\nYou answer questions about hiking gear.\n\nuser:\n{{question}}\n'): string =>
  ['---', 'name: Gear helper', 'model:', '  api: chat', ...configuration, '  parameters:', '    max_tokens: 200', '---', body].join('\n');

describe('Prompty files', () => {
  it('are scanned as their own format', () => {
    assert.deepEqual(formatOf('src/chat/answer.prompty'), { kind: 'prompty' });
  });

  it('reads an Azure OpenAI endpoint written in the configuration, region from the workspace left to IaC', () => {
    const text = prompt(['  configuration:', '    type: azure_openai', '    azure_deployment: gpt-4o-mini', '    azure_endpoint: https://contoso-eu.openai.azure.com/', '    api_version: 2024-08-01-preview']);
    const [e, ...rest] = found('answer.prompty', text);
    assert.equal(rest.length, 0);
    assert.equal(e!.provider, 'azure-openai');
    assert.equal(e!.line, lineWith(text, 'azure_endpoint'));
  });

  it('reads ${env:NAME} from the workspace, and says why when nothing sets it', () => {
    const text = prompt(['  configuration:', '    type: azure_openai', '    azure_deployment: gpt-4o-mini', '    azure_endpoint: ${ENV:AZURE_OPENAI_ENDPOINT}']);
    const unset = found('answer.prompty', text);
    assert.equal(unset.length, 1);
    assert.equal(unset[0]!.provider, 'azure-openai');
    assert.equal(unset[0]!.region, null);
    assert.match(unset[0]!.unknown ?? '', /AZURE_OPENAI_ENDPOINT/);
    const set = found('answer.prompty', text, { AZURE_OPENAI_ENDPOINT: 'https://api.openai.com/v1' });
    assert.deepEqual(set.map((e) => e.provider), ['openai']);
  });

  it('takes the default of ${env:NAME:default} when the workspace does not set it', () => {
    const text = prompt(['  configuration:', '    type: openai', '    base_url: ${env:LLM_BASE_URL:https://api.mistral.ai/v1}']);
    assert.deepEqual(found('answer.prompty', text).map((e) => e.provider), ['mistral']);
  });

  it('reads the Prompty 0.2 `connection` key as the configuration', () => {
    const text = prompt(['  connection:', '    type: serverless', '    endpoint: https://api.mistral.ai/v1', '    model: mistral-small']);
    assert.deepEqual(found('answer.prompty', text).map((e) => e.provider), ['mistral']);
  });

  it('takes the OpenAI client\'s env variable, then its default, when no base URL is written', () => {
    const text = prompt(['  configuration:', '    type: openai', '    name: gpt-4o']);
    const [byDefault] = found('answer.prompty', text);
    assert.equal(byDefault!.provider, 'openai');
    assert.equal(byDefault!.line, lineWith(text, 'type: openai'));
    assert.match(byDefault!.via, /OPENAI_BASE_URL/);
    assert.deepEqual(found('answer.prompty', text, { OPENAI_BASE_URL: 'https://api.groq.com/openai/v1' }).map((e) => e.provider), ['groq']);
  });

  it('reports an Azure configuration with no endpoint as Azure OpenAI at an unknown resource', () => {
    const text = prompt(['  configuration:', '    type: azure', '    azure_deployment: gpt-4o']);
    const [e] = found('answer.prompty', text);
    assert.equal(e!.provider, 'azure-openai');
    assert.match(e!.unknown ?? '', /AZURE_OPENAI_ENDPOINT/);
  });

  it('reports a file with no model configuration as a model call to a place not known, never as nothing', () => {
    const [e, ...rest] = found('answer.prompty', ['---', 'name: Gear helper', 'model:', '  api: chat', '---', 'system:', 'Be brief.'].join('\n'));
    assert.equal(rest.length, 0);
    assert.equal(e!.provider, null);
    assert.match(e!.unknown ?? '', /prompty\.json/);
    for (const configuration of [['  configuration: {}'], ['  configuration:', '    name: gpt-4o'], ['  configuration:', '    type: ']]) {
      assert.deepEqual(found('answer.prompty', prompt(configuration)).map((x) => x.provider), [null], configuration.join(' '));
    }
  });

  it('reports an executor the catalog does not know as unknown, never as nothing', () => {
    const text = prompt(['  configuration:', '    type: snowflake_cortex', '    account: acme']);
    const [e] = found('answer.prompty', text);
    assert.equal(e!.provider, null);
    assert.match(e!.unknown ?? '', /snowflake_cortex/);
  });

  it('does not read the prompt template after the front matter as YAML or as endpoints', () => {
    const body = 'system:\nCompare with https://api.openai.com/v1 answers: [unbalanced {\n\nuser:\n{{question}}\n';
    const text = prompt(['  configuration:', '    type: azure_openai', '    azure_endpoint: https://contoso.openai.azure.com/'], body);
    const result = new Engine().analyze('answer.prompty', text);
    assert.deepEqual(result.notes, []);
    assert.deepEqual(result.endpoints.map((e) => e.provider), ['azure-openai']);
  });

  it('says a front matter that never closes could not be read (fail closed)', () => {
    const result = new Engine().analyze('answer.prompty', '---\nmodel:\n  configuration:\n    type: openai\n');
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0]!.message, /closing ---/);
  });

  it('honours a waiver written as a comment in the front matter only', async () => {
    const policy = 'require: [eu-residency]\n';
    const waived = prompt(['  configuration:', '    type: openai  # llm-compliance-ignore LLMC002 -- reviewed: test prompts only']);
    const inBody = prompt(['  configuration:', '    type: openai'], 'system:\n# llm-compliance-ignore LLMC002 -- reviewed\n');
    const a = await scanFiles({ 'a.prompty': waived }, policy);
    const b = await scanFiles({ 'b.prompty': inBody }, policy);
    assert.ok(a.findings.some((f) => f.ruleId === 'LLMC002' && f.suppression !== undefined));
    assert.ok(b.findings.some((f) => f.ruleId === 'LLMC002' && f.suppression === undefined));
  });

  it('names only executors whose client is in the catalog', () => {
    const index = new CatalogIndex(catalog);
    for (const x of catalog.prompty) assert.ok(x.client === undefined ? x.url?.length : index.clientById(x.client), x.types.join());
  });
});
