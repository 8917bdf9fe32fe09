// Constants imported from another module of the workspace: a module that exports an LLM URL
// as a constant serves the code that imports it (relative paths, tsconfig/jsconfig `paths`
// with `extends`, `@/` by convention, re-exports, Python packages). The use is an endpoint
// where the importing code uses it, citing the line that sets the constant. What is not in
// the workspace stays unknown, a non-LLM constant stays quiet, and cycles end. The CLI and
// the editor's index agree, and the index re-reads importers when the constant changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import type { WorkspaceIndex } from '../../src/core/workspace';
import { tempWorkspace } from '../support/cli';
import { indexFolder } from '../support/workspace-scan';

const TODAY = '2026-12-01';
const engine = new Engine();
const made: string[] = [];

/** A folder holding `files` (path -> text), removed after the tests. */
function workspace(files: Record<string, string>): string {
  const dir = tempWorkspace(files);
  made.push(dir);
  return dir;
}

function indexOf(dir: string): WorkspaceIndex {
  return indexFolder(dir, engine, TODAY);
}

/** `file:line provider host <- where the values come from`, for the endpoints in `file`. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
function uses(dir: string, endpoints: Endpoint[], file: string): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return endpoints
    .filter((e) => e.file === file)
    .map((e) => `${lineOf(text, e.range.start)} ${e.provider} ${e.host} <- ${(e.env ?? []).map((x) => `${x.file}:${x.line}`).join(', ')}`)
    .sort();
}

async function both(dir: string): Promise<{ cli: Endpoint[]; index: Endpoint[] }> {
  const cli = await scan(['.'], { cwd: dir, today: TODAY });
  return { cli: cli.endpoints, index: indexOf(dir).results().endpoints };
}

const summary = (endpoints: Endpoint[]): string[] =>
  endpoints.map((e) => `${e.file} ${e.range.start} ${e.provider} ${e.host} ${e.via} ${JSON.stringify(e.env ?? [])}`).sort();

after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('constants imported from another module', () => {
  const TS_PROJECT = {
    'tsconfig.base.json': '{\n  // shared settings\n  "compilerOptions": { "baseUrl": ".", "paths": { "@shared/*": ["src/shared/*"] } },\n}\n',
    'tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }\n',
    'src/shared/hosts.ts': [
      '// Where each upstream lives.',
      'export const MISTRAL_API = "https://api.mistral.ai";',
      'export const HELP_PAGE = "https://help.example.org/llm";',
      '',
    ].join('\n'),
    // No LLM SDK, host or variable of its own: only the imported constant says where requests go.
    'src/routes/relay.ts': [
      'import { MISTRAL_API, HELP_PAGE } from "@shared/hosts";',
      'import { settings } from "../settings-loader";',
      '',
      'export async function relay(body: string) {',
      '  const upstream = settings.upstream || MISTRAL_API;',
      '  console.log("see", HELP_PAGE);',
      '  return fetch(`${upstream}/v1/chat/completions`, { method: "POST", body });',
      '}',
      '',
    ].join('\n'),
  };

  it('follows a tsconfig path alias (through `extends`) to the exported constant, and cites where it is set', async () => {
    const dir = workspace(TS_PROJECT);
    const { cli, index } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'src/routes/relay.ts'), ['5 mistral api.mistral.ai <- src/shared/hosts.ts:2']);
    const relay = cli.find((e) => e.file === 'src/routes/relay.ts')!;
    assert.match(relay.via, /MISTRAL_API imported from src\/shared\/hosts\.ts:2/);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('keeps a constant that is not an LLM API quiet where it is imported', async () => {
    const dir = workspace(TS_PROJECT);
    const { cli } = await both(dir);
    // HELP_PAGE is used on line 6: nothing is reported there, nor in the module that sets it;
    // the LLM constant imported beside it is (line 5).
    assert.deepEqual(cli.filter((e) => /help\.example/.test(e.host ?? '') || /HELP_PAGE/.test(e.via)), []);
    assert.deepEqual(uses(dir, cli, 'src/routes/relay.ts'), ['5 mistral api.mistral.ai <- src/shared/hosts.ts:2']);
  });

  it('keeps an imported LLM URL shown to a person quiet (a form field placeholder)', async () => {
    const dir = workspace({
      ...TS_PROJECT,
      'src/ui/form.tsx': 'import { MISTRAL_API } from "@shared/hosts";\nexport const Field = () => <input type="url" placeholder={MISTRAL_API} />;\n',
    });
    const { cli } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'src/ui/form.tsx'), []);
    assert.deepEqual(uses(dir, cli, 'src/routes/relay.ts'), ['5 mistral api.mistral.ai <- src/shared/hosts.ts:2']);
  });

  it('follows a relative import into an SDK option, with the env fallback the engine already reads', async () => {
    const dir = workspace({
      'app/settings.ts': 'export const GATEWAY_URL = "https://eu.api.openai.com/v1";\n',
      'app/llm/client.ts': [
        'import OpenAI from "openai";',
        'import { GATEWAY_URL } from "../settings";',
        'export const client = new OpenAI({ baseURL: process.env.LLM_GATEWAY ?? GATEWAY_URL });',
        '',
      ].join('\n'),
    });
    const { cli, index } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'app/llm/client.ts'), ['3 openai eu.api.openai.com <- app/settings.ts:1']);
    const client = cli.find((e) => e.file === 'app/llm/client.ts')!;
    assert.match(client.via, /LLM_GATEWAY, which no env file in the workspace sets, so its default GATEWAY_URL="https:\/\/eu\.api\.openai\.com\/v1" \(imported from app\/settings\.ts:1\)/);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('takes the env value over the imported default when the workspace sets it', async () => {
    const dir = workspace({
      'app/settings.ts': 'export const GATEWAY_URL = "https://eu.api.openai.com/v1";\n',
      'app/.env': 'LLM_GATEWAY=https://api.groq.com/openai/v1\n',
      'app/client.ts': 'import OpenAI from "openai";\nimport { GATEWAY_URL } from "./settings";\nconst c = new OpenAI({ baseURL: process.env.LLM_GATEWAY ?? GATEWAY_URL });\n',
    });
    const { cli } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'app/client.ts'), ['3 groq api.groq.com <- app/.env:1']);
  });

  it('leaves an import whose module is not in the workspace unknown, as before', async () => {
    const client = 'import OpenAI from "openai";\nimport { GATEWAY_URL } from "./gone";\nconst c = new OpenAI({ baseURL: GATEWAY_URL });\n';
    const dir = workspace({ 'src/client.ts': client });
    const { cli, index } = await both(dir);
    const shape = (list: Endpoint[]): unknown[] => list.map((e) => [e.provider, e.host, e.unknown]);
    // The file checked alone, as the engine always read it: the workspace adds nothing.
    assert.deepEqual(shape(cli), shape(engine.analyze('src/client.ts', client).endpoints));
    assert.deepEqual(cli.map((e) => [e.host, e.unknown]), [[null, 'the base URL comes from `GATEWAY_URL`, which is not defined in this file']]);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('reads `@/` as the project root when no tsconfig says otherwise, and re-exports one module through another', async () => {
    const dir = workspace({
      'web/lib/endpoints.ts': 'export const CLAUDE_HOST = "https://api.anthropic.com";\n',
      'web/lib/index.ts': 'export * from "./endpoints";\nexport { CLAUDE_HOST as PRIMARY_HOST } from "./endpoints";\n',
      'web/api/a.ts': 'import { PRIMARY_HOST } from "@/lib";\nexport const target = PRIMARY_HOST + "/v1/messages";\n',
      'web/api/b.ts': 'import * as hosts from "../lib";\nexport const target = hosts.CLAUDE_HOST;\n',
    });
    const { cli, index } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'web/api/a.ts'), ['2 anthropic api.anthropic.com <- web/lib/endpoints.ts:1']);
    assert.deepEqual(uses(dir, cli, 'web/api/b.ts'), ['2 anthropic api.anthropic.com <- web/lib/endpoints.ts:1']);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('ends when modules re-export each other in a cycle', async () => {
    const dir = workspace({
      'm/a.ts': 'export { LOOP_URL } from "./b";\nexport const OTHER = "https://api.openai.com";\n',
      'm/b.ts': 'export * from "./a";\n',
      'm/use.ts': 'import OpenAI from "openai";\nimport { LOOP_URL, OTHER } from "./b";\nconst c = new OpenAI({ baseURL: LOOP_URL });\nconst d = new OpenAI({ baseURL: OTHER });\n',
    });
    const started = Date.now();
    const { cli, index } = await both(dir);
    assert.ok(Date.now() - started < 10_000);
    // LOOP_URL goes round b -> a -> b and is never set; OTHER is found through the same cycle.
    assert.deepEqual(cli.filter((e) => e.file === 'm/use.ts').map((e) => [e.host, e.unknown ?? null]), [
      [null, 'the base URL comes from `LOOP_URL`, which is not defined in this file'],
      ['api.openai.com', null],
    ]);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('re-reads the importing file in the index when the constant changes', () => {
    const dir = workspace(TS_PROJECT);
    const index = indexOf(dir);
    assert.deepEqual(uses(dir, index.results().endpoints, 'src/routes/relay.ts'), ['5 mistral api.mistral.ai <- src/shared/hosts.ts:2']);
    index.set('src/shared/hosts.ts', '\nexport const MISTRAL_API = "https://api.deepseek.com";\n');
    assert.deepEqual(uses(dir, index.results().endpoints, 'src/routes/relay.ts'), ['5 deepseek api.deepseek.com <- src/shared/hosts.ts:2']);
    index.delete('src/shared/hosts.ts');
    assert.deepEqual(uses(dir, index.results().endpoints, 'src/routes/relay.ts'), []);
  });

  it('follows a Python import of a module-level constant of the workspace', async () => {
    const dir = workspace({
      'service/config/urls.py': 'BEDROCK_URL = "https://bedrock-runtime.eu-central-1.amazonaws.com"\nTIMEOUT = 30\n',
      'service/worker.py': 'from config.urls import BEDROCK_URL\nimport httpx\n\ndef call(body):\n    return httpx.post(BEDROCK_URL + "/model/x/invoke", json=body)\n',
    });
    const { cli, index } = await both(dir);
    assert.deepEqual(uses(dir, cli, 'service/worker.py'), ['5 aws-bedrock bedrock-runtime.eu-central-1.amazonaws.com <- service/config/urls.py:1']);
    assert.deepEqual(summary(index), summary(cli));
  });

  it('leaves a Python import unknown when two candidate modules export the name, or the module ends in `import *`', async () => {
    const worker = 'from settings import BEDROCK_URL\nimport httpx\n\ndef call(body):\n    return httpx.post(BEDROCK_URL + "/model/x/invoke", json=body)\n';
    const two = workspace({
      'settings.py': 'BEDROCK_URL = "https://bedrock-runtime.us-east-1.amazonaws.com"\n',
      'app/settings.py': 'BEDROCK_URL = "https://bedrock-runtime.eu-central-1.amazonaws.com"\n',
      'app/worker.py': worker,
    });
    assert.deepEqual(uses(two, (await both(two)).cli, 'app/worker.py'), []);
    const star = workspace({
      'app/settings.py': 'BEDROCK_URL = "https://bedrock-runtime.eu-central-1.amazonaws.com"\ntry:\n    from local_settings import *\nexcept ImportError:\n    pass\n',
      'app/worker.py': worker,
    });
    assert.deepEqual(uses(star, (await both(star)).cli, 'app/worker.py'), []);
  });
});
