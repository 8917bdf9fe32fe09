// Guards the fourth review of issue 11 asked for: each case was answered with a definite
// (and compliant-looking) endpoint where the code does not decide it.
import * as assert from 'node:assert/strict';
import type { Endpoint } from '../../src/core/model';
import { lineOf, scanFiles, type Files } from '../support/workspace-scan';

const POLICY = 'require: [hipaa, eu-residency]\nbaa: [openai, anthropic, aws-bedrock]\n';

async function at(files: Files, file: string, needle: string): Promise<Endpoint | undefined> {
  const { endpoints } = await scanFiles(files, POLICY);
  const text = files[file]!;
  const line = lineOf(text, text.indexOf(needle));
  return endpoints.find((e) => e.file === file && lineOf(text, e.range.start) === line);
}

describe('review guards: values the code does not decide stay unknown', () => {
  it('a dict a function returns after writing a key into it is not read as its literal', async () => {
    const app = [
      'import os',
      'from openai import OpenAI',
      '',
      'def llm_config():',
      '    c = {"model": "gpt-4o"}',
      '    c["base_url"] = os.environ["GATEWAY_URL"]',
      '    return c',
      '',
      'client = OpenAI(**llm_config())',
      'cfg = llm_config()',
      'other = OpenAI(**cfg)',
      '',
    ].join('\n');
    const e = await at({ 'app.py': app }, 'app.py', 'other = OpenAI(');
    assert.ok(e);
    assert.deepEqual([e.host, e.baaAvailable], [null, null]);
  });

  it('an argparse default does not apply when parse_args is given a list, set_defaults names the option, or it is required', async () => {
    const script = (parse: string, extra = '', option = 'default="eu-central-1"') => [
      'import argparse',
      'import boto3',
      '',
      'def main(region):',
      '    return boto3.client("bedrock-runtime", region_name=region)',
      '',
      'if __name__ == "__main__":',
      '    p = argparse.ArgumentParser()',
      `    p.add_argument("--region", ${option})`,
      extra,
      `    args = ${parse}`,
      '    main(args.region)',
      '',
    ].join('\n');
    const region = async (text: string) => (await at({ 'run.py': text }, 'run.py', 'boto3.client('))?.region;
    assert.equal(await region(script('p.parse_args()')), 'eu-central-1');
    assert.equal(await region(script('p.parse_args(["--region", "us-east-1"])')), null);
    assert.equal(await region(script('p.parse_args()', '    p.set_defaults(region="us-east-1")')), null);
    assert.equal(await region(script('p.parse_args()', '', 'default="eu-central-1", required=True')), null);
  });

  it('a "provider:model" setting is not the default host where a base URL for that client is set beside it or where it runs', async () => {
    const env = await at({ '.env': 'FAST_LLM=openai:gpt-4o\nOPENAI_BASE_URL=https://api.deepseek.com/v1\n' }, '.env', 'FAST_LLM');
    assert.deepEqual([env?.provider, env?.host, env?.baaAvailable], [null, null, null]);
    assert.match(env?.unknown ?? '', /OPENAI_BASE_URL is set beside it/);
    // Only what is set counts: a commented line, an empty value, or a key of another mapping does not.
    const commented = await at({ '.env': 'FAST_LLM=openai:gpt-4o\n# OPENAI_BASE_URL=https://my-proxy/v1\nOPENAI_API_BASE=\n' }, '.env', 'FAST_LLM');
    assert.equal(commented?.host, 'api.openai.com');
    const elsewhere = await at({ 'b.yaml': 'llm:\n  model: openai:gpt-4o\ndocs:\n  base_url: https://docs.example.com\n' }, 'b.yaml', 'openai:gpt-4o');
    assert.equal(elsewhere?.host, 'api.openai.com');
    const json = await at({ 'cfg.json': '{ "llm": "openai:gpt-4o", "base_url": "http://localhost:8000/v1" }\n' }, 'cfg.json', '"llm"');
    assert.deepEqual([json?.provider, json?.host], [null, null]);
    const py = await at({ 'settings.py': 'DEFAULTS = {"FAST_LLM": "openai:gpt-4o"}\n', '.env': 'OPENAI_BASE_URL=https://gateway.example.com/v1\n' }, 'settings.py', 'FAST_LLM');
    assert.deepEqual([py?.provider, py?.host], [null, null]);
    // Nothing beside it: the provider's default.
    const plain = await at({ '.env': 'FAST_LLM=openai:gpt-4o\n' }, '.env', 'FAST_LLM');
    assert.equal(plain?.host, 'api.openai.com');
  });

  it('a settings file under a folder named run/ is a setting, not a run record', async () => {
    const e = await at({ 'deploy/run/.env': 'FAST_LLM=openai:gpt-4o\n' }, 'deploy/run/.env', 'FAST_LLM');
    assert.equal(e?.host, 'api.openai.com');
  });

  it('a factory branch that uses a feature its BAA leaves out carries that to the call that chooses it', async () => {
    const factory = [
      'from anthropic import Anthropic',
      '',
      'def make(kind):',
      '    if kind == "sandbox":',
      '        client = Anthropic()',
      '        client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[], tools=[{"type": "code_execution_20250825", "name": "code_execution"}])',
      '        return client',
      '',
    ].join('\n');
    const caller = 'from llm.factory import make\n\nbox = make("sandbox")\n';
    const e = await at({ 'llm/__init__.py': '', 'llm/factory.py': factory, 'app.py': caller }, 'app.py', 'make("sandbox")');
    assert.ok(e, 'the call is reported');
    assert.equal(e.baaAvailable, false);
    // The reason names the factory's file: its line is not the caller's.
    assert.match(e.baaExclusion?.reason ?? '', /Code execution tool \(code_execution_20250825 at llm\/factory\.py:6\)/);
  });

  it('an init call any module makes, under an alias or in a notebook, keeps a client elsewhere from taking the SDK default', async () => {
    const model = 'from vertexai.generative_models import GenerativeModel\n\nmodel = GenerativeModel("gemini-2.0-flash")\n';
    const aliased = 'from google.cloud import aiplatform as aip\n\naip.init(project="p", location="us-central1")\n';
    const byAlias = await at({ 'app/model.py': model, 'app/setup.py': aliased, '.env': 'GOOGLE_CLOUD_REGION=europe-west4\n' }, 'app/model.py', 'GenerativeModel(');
    assert.equal(byAlias?.region, null);
    const cells = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['import vertexai\n', 'vertexai.init(location="us-central1")\n', 'from app.model import model'] }], metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 });
    const byNotebook = await at({ 'app/model.py': model, 'notebooks/explore.ipynb': cells }, 'app/model.py', 'GenerativeModel(');
    assert.equal(byNotebook?.region, null);
  });
});
