// A provider chosen by name. Settings whose value is LangChain's "provider:model" string
// (`"FAST_LLM": "openai:gpt-4o"`) in Python, JSON, YAML and .env files choose that provider
// (resolve/model-settings.ts), and only when both the key and the prefix say so.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { tempWorkspace } from '../support/cli';
import { indexFolder, lineOf, type Files } from '../support/workspace-scan';

const TODAY = '2026-12-03';
const engine = new Engine();

/** `file:line provider host` for every endpoint, from the CLI; checks the editor's index gives the same. */
async function found(files: Files): Promise<string[]> {
  const dir = tempWorkspace(files);
  try {
    const cli = (await scan(['.'], { cwd: dir, today: TODAY })).endpoints;
    const index = indexFolder(dir, engine, TODAY).results().endpoints;
    const shown = (list: Endpoint[]): string[] => list.map((e) => `${e.file}:${lineOf(fs.readFileSync(path.join(dir, e.file), 'utf8'), e.range.start)} ${e.provider} ${e.host}`).sort();
    assert.deepEqual(shown(index), shown(cli), 'the editor index gives the CLI answers');
    return shown(cli);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('model settings written as "provider:model"', () => {
  it('a Python settings dict and assignments choose the provider their prefix names', async () => {
    const files = {
      'app/defaults.py': [
        'DEFAULTS = {',
        '    "RETRIEVER": "web",',
        '    "FAST_LLM": "openai:gpt-4o-mini",',
        '    "EMBEDDING": "mistralai:mistral-embed",',
        '    "TEMPERATURE": 0.4,',
        '}',
        'chat_model = "anthropic:claude-sonnet-4-5"',
        'SUMMARY_MODEL: str = "groq:llama-3.3-70b-versatile"',
        '',
      ].join('\n'),
    };
    assert.deepEqual(await found(files), [
      'app/defaults.py:3 openai api.openai.com',
      'app/defaults.py:4 mistral api.mistral.ai',
      'app/defaults.py:7 anthropic api.anthropic.com',
      'app/defaults.py:8 groq api.groq.com',
    ]);
  });

  it('JSON, YAML and .env settings do too', async () => {
    const files = {
      'svc/config.json': '{\n  "service": "reports",\n  "llm": "google_genai:gemini-2.0-flash"\n}\n',
      'svc/agents.yaml': 'agents:\n  planner:\n    model: cohere:command-r-plus\n',
      'svc/.env': 'PORT=8080\nSMART_LLM=openai:gpt-4o\nEMBEDDING=together:BAAI/bge-base-en\n',
      'svc/main.py': 'import os\nprint(os.environ.get("PORT"))\n',
    };
    assert.deepEqual(await found(files), [
      'svc/.env:2 openai api.openai.com',
      'svc/.env:3 together api.together.xyz',
      'svc/agents.yaml:3 cohere api.cohere.com',
      'svc/config.json:3 google-gemini-api generativelanguage.googleapis.com',
    ]);
  });

  it('a client that takes its place from where it runs is a setting with the place unknown', async () => {
    const files = { 'cfg.py': 'SETTINGS = {"llm": "bedrock:anthropic.claude-3-haiku", "embedder": "ollama:nomic-embed-text"}\n' };
    assert.deepEqual(await found(files), ['cfg.py:1 aws-bedrock null', 'cfg.py:1 self-hosted localhost']);
  });

  it('stays quiet where the key is no model setting, the prefix no LangChain provider key, or the value no "key:model"', async () => {
    const files = {
      'app/settings.py': [
        'CONFIG = {',
        '    "CACHE": "redis:6379",',
        '    "RETRIEVER": "openai:web",',
        '    "FAST_LLM": "nebius:Qwen/Qwen3-32B",',
        '    "SMART_LLM": "gpt-4o",',
        '    "MODEL_PROVIDER": "openai",',
        '    "LLM": "openai: the default model",',
        '    "CHAT_URL": "http://localhost:8000/chat",',
        '}',
        'print("model openai:gpt-4o is used")',
        '',
      ].join('\n'),
      'app/.env': 'DATABASE=postgres:main\nLLM_LABEL=openai\n',
      'app/tests/test_settings.py': 'EXPECTED = {"FAST_LLM": "openai:gpt-4o"}\n',
      // What a run did, recorded: the model it used chose nothing.
      'bench/benchmark_results/run_1.json': '{\n  "model": "openai:gpt-4o",\n  "score": 0.8\n}\n',
      'evals/example_output.json': '{"researcher_model": "openai:gpt-4.1"}\n',
    };
    assert.deepEqual(await found(files), []);
  });
});

describe('a call that picks a branch of a factory by a literal name', () => {
  const FACTORY = [
    'import os',
    'from langchain_openai import ChatOpenAI',
    'from langchain_anthropic import ChatAnthropic',
    '',
    'def make_llm(provider, **kwargs):',
    '    if provider == "anthropic":',
    '        return ChatAnthropic(model="claude-sonnet-4-5")',
    '    elif provider == "acme":',
    '        return ChatOpenAI(base_url=os.getenv("ACME_BASE_URL", "https://api.mistral.ai/v1"), **kwargs)',
    '    raise ValueError(provider)',
    '',
    'class Provider:',
    '    @classmethod',
    '    def build(cls, name: str, verbose: bool = True):',
    '        if name == "deepseek":',
    '            return ChatOpenAI(base_url="https://api.deepseek.com")',
    '        raise ValueError(name)',
    '',
    'class Embedder:',
    '    def __init__(self, kind, model):',
    '        match kind:',
    '            case "groq":',
    '                self.client = ChatOpenAI(base_url="https://api.groq.com/openai/v1", model=model)',
    '            case _:',
    '                raise ValueError(kind)',
    '',
  ].join('\n');

  it('reports the chosen branch at the call in another module, for functions, classmethods and constructors', async () => {
    const files = {
      'app/llms.py': FACTORY,
      'app/main.py': [
        'from app.llms import make_llm, Provider, Embedder',
        '',
        'def run(choice):',
        '    writer = make_llm("acme", model="m")',
        '    name = "anthropic"',
        '    critic = make_llm(name)',
        '    coder = Provider.build("deepseek")',
        '    embed = Embedder("groq", "e")',
        '    other = make_llm(choice)',
        '    none = make_llm("nobody")',
        '',
      ].join('\n'),
    };
    const all = await found(files);
    assert.deepEqual(all.filter((x) => x.startsWith('app/main.py')), [
      'app/main.py:4 mistral api.mistral.ai',
      'app/main.py:6 anthropic api.anthropic.com',
      'app/main.py:7 deepseek api.deepseek.com',
      'app/main.py:8 groq api.groq.com',
    ]);
    // The factory still reports each branch where it builds the client.
    assert.equal(all.filter((x) => x.startsWith('app/llms.py')).length, 4);
  });

  it('a branch that reads a variable the workspace sets is unknown at the call, not its unset answer', async () => {
    const files = {
      'app/llms.py': FACTORY,
      'app/.env': 'ACME_BASE_URL=https://eu.example-llm.com/v1\n',
      'app/main.py': 'from app.llms import make_llm\n\nwriter = make_llm("acme")\n',
    };
    assert.deepEqual((await found(files)).filter((x) => x.startsWith('app/main.py')), ['app/main.py:3 mistral null']);
  });

  it('a test that sets the variable itself, or expects the call to raise, is not given the branch\'s answer', async () => {
    const files = {
      'app/llms.py': FACTORY,
      'tests/test_llms.py': [
        'import os',
        'import unittest',
        'from app.llms import make_llm',
        '',
        'class T(unittest.TestCase):',
        '    def test_default(self):',
        '        make_llm("acme")',
        '',
        '    def test_override(self):',
        '        os.environ["ACME_BASE_URL"] = "https://other.example.com/v1"',
        '        make_llm("acme")',
        '',
        '    def test_raises(self):',
        '        with self.assertRaises(KeyError):',
        '            make_llm("acme")',
        '',
      ].join('\n'),
    };
    assert.deepEqual((await found(files)).filter((x) => x.startsWith('tests/')), [
      'tests/test_llms.py:11 mistral null',
      'tests/test_llms.py:7 mistral api.mistral.ai',
    ]);
  });

  it('reads a case header with many literals and stray spaces in linear time (review: the old pattern backtracked exponentially)', () => {
    const header = `    case ${Array(40).fill('"a"    ').join('')} x:`;
    const text = ['from openai import OpenAI', '', 'def make(kind):', '    match kind:', header, '        return OpenAI()', ''].join('\n');
    // With the old pattern this line alone ran for hours; the suite's timeout fails it.
    assert.equal(new Engine().analyze('app/factory.py', text).endpoints.length, 1);
  });
});
