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

const MISTRAL = 'mistral api.mistral.ai';
/** An endpoint left unknown because the name its base URL comes from is bound nowhere the engine can follow. */
const notHere = (name: string): string => `null null (the base URL comes from \`${name}\`, which is not defined in this file)`;
/** `provider host` of the endpoints in `file`, with the unknown reason when there is one. */
const found = (endpoints: Endpoint[], file: string): string[] =>
  endpoints.filter((e) => e.file === file).map((e) => `${e.provider} ${e.host}${e.unknown ? ` (${e.unknown})` : ''}`).sort();
/** Scans `files` through the CLI's passes and the editor's index: `expected` endpoints per file in the CLI's, and the same summary from both. */
async function check(files: Record<string, string>, expected: Record<string, string[]>): Promise<void> {
  const dir = workspace(files);
  const { cli, index } = await both(dir);
  for (const [file, want] of Object.entries(expected)) assert.deepEqual(found(cli, file), want, file);
  assert.deepEqual(summary(index), summary(cli));
}

// Import forms other than the plain named import, each through the CLI's passes (which keep
// no bytes: code with no LLM signal of its own is read again only when its bytes name an
// exported constant, or the module of a default export) and the editor's index.
describe('constants imported under another name, by `import *`, `require` or as a default export', () => {

  it('follows a Python import renamed with `as`, and leaves one from outside the workspace unknown for that reason', async () => {
    await check({
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'app.py': 'from openai import OpenAI\nfrom config import BASE_URL as B\n\nclient = OpenAI(base_url=B)\n',
      // No LLM signal of its own: read again because its bytes name BASE_URL.
      'relay.py': 'import requests\nfrom config import BASE_URL as UPSTREAM\n\ndef send(body):\n    return requests.post(UPSTREAM, json=body)\n',
      'other.py': 'from openai import OpenAI\nfrom vendor.settings import BASE_URL as B\n\nclient = OpenAI(base_url=B)\n',
    }, {
      'app.py': [MISTRAL],
      'relay.py': [MISTRAL],
      'other.py': [notHere('B')],
    });
  });

  it('follows a Python `from m import *`, as `__all__` and private names allow', async () => {
    const client = (name: string): string => `from openai import OpenAI\nfrom config import *\n\nclient = OpenAI(base_url=${name})\n`;
    await check({
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n_HIDDEN_URL = "https://api.mistral.ai/v1"\n',
      'app.py': client('BASE_URL'),
      'private.py': client('_HIDDEN_URL'),
      'relay.py': 'import requests\nfrom config import *\n\nrequests.post(BASE_URL)\n',
      // A later `import *` may bind the name again, from a module the scan cannot see into.
      'later.py': 'from openai import OpenAI\nfrom config import *\nfrom vendor_defaults import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
    }, {
      'app.py': [MISTRAL],
      'relay.py': [MISTRAL],
      'private.py': [notHere('_HIDDEN_URL')],
      'later.py': [notHere('BASE_URL')],
    });
    const listed = 'from openai import OpenAI\nfrom settings import *\n\nclient = OpenAI(base_url=BASE_URL)\n';
    await check({ 'settings.py': '__all__ = ["BASE_URL"]\nBASE_URL = "https://api.mistral.ai/v1"\n', 'app.py': listed }, { 'app.py': [MISTRAL] });
    await check({ 'settings.py': '__all__ = ["TIMEOUT"]\nBASE_URL = "https://api.mistral.ai/v1"\nTIMEOUT = 30\n', 'app.py': listed }, {
      'app.py': [notHere('BASE_URL')],
    });
    // An `__all__` the scan does not read as a list of names: which names `*` binds is not known.
    await check({ 'settings.py': 'from other import names\n__all__ = names()\nBASE_URL = "https://api.mistral.ai/v1"\n', 'app.py': listed }, {
      'app.py': [notHere('BASE_URL')],
    });
  });

  it('follows a JS/TS import renamed with `as`', async () => {
    await check({
      'src/config.js': 'export const BASE_URL = "https://api.mistral.ai/v1";\n',
      'src/app.ts': 'import OpenAI from "openai";\nimport { BASE_URL as B } from "./config";\n\nconst client = new OpenAI({ baseURL: B });\n',
      'src/relay.ts': 'import { BASE_URL as upstream } from "./config";\nexport const send = (body: string) => fetch(upstream, { method: "POST", body });\n',
      'src/other.ts': 'import OpenAI from "openai";\nimport { BASE_URL as B } from "./gone";\n\nconst client = new OpenAI({ baseURL: B });\n',
    }, {
      'src/app.ts': [MISTRAL],
      'src/relay.ts': [MISTRAL],
      'src/other.ts': [notHere('B')],
    });
  });

  it('follows CommonJS exports to `require`, destructured or whole', async () => {
    const clients = 'const OpenAI = require("openai");\nconst { BASE_URL } = require("./cjs");\nconst cfg = require("./cjs");\n\nconst a = new OpenAI({ baseURL: BASE_URL });\nconst b = new OpenAI({ baseURL: cfg.BASE_URL });\n';
    for (const exporting of [
      'module.exports = { BASE_URL: "https://api.mistral.ai/v1" };\n',
      'const BASE_URL = "https://api.mistral.ai/v1";\nmodule.exports = { BASE_URL, timeout: 30 };\n',
      'exports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'module.exports.BASE_URL = "https://api.mistral.ai/v1";\n',
    ]) {
      await check({
        'lib/cjs.js': exporting,
        'lib/app.js': clients,
        'lib/relay.js': 'const cfg = require("./cjs");\nmodule.exports.send = (body) => fetch(cfg.BASE_URL, { method: "POST", body });\n',
      }, { 'lib/app.js': [MISTRAL, MISTRAL], 'lib/relay.js': [MISTRAL] });
    }
    // `exports.X` no longer reaches what `require` returns once `module.exports` is replaced.
    await check({
      'lib/cjs.js': 'module.exports = { timeout: 30 };\nexports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/app.js': 'const OpenAI = require("openai");\nconst { BASE_URL } = require("./cjs");\nconst a = new OpenAI({ baseURL: BASE_URL });\n',
    }, { 'lib/app.js': [notHere('BASE_URL')] });
    // `require("m").part` is one of the module's exports, not the module.
    await check({
      'lib/cjs.js': 'exports.BASE_URL = "https://api.mistral.ai/v1";\nexports.part = {};\n',
      'lib/app.js': 'const OpenAI = require("openai");\nconst part = require("./cjs").part;\nconst a = new OpenAI({ baseURL: part.BASE_URL });\n',
    }, { 'lib/app.js': [notHere('part.BASE_URL')] });
  });

  it('follows a default export to a default import, whatever the importing code calls it', async () => {
    for (const exporting of ['export default "https://api.mistral.ai/v1";\n', 'const BASE_URL = "https://api.mistral.ai/v1";\nexport default BASE_URL;\n']) {
      await check({
        'web/def.js': exporting,
        'web/app.ts': 'import OpenAI from "openai";\nimport url from "./def";\n\nconst client = new OpenAI({ baseURL: url });\n',
        // No LLM signal and no exported name in its bytes: the module's name says it may import the default.
        'web/relay.ts': 'import UPSTREAM_URL from "./def";\nexport const send = (body: string) => fetch(UPSTREAM_URL, { method: "POST", body });\n',
      }, { 'web/app.ts': [MISTRAL], 'web/relay.ts': [MISTRAL] });
    }
    // A default import is not the module's named export of the same name.
    await check({
      'web/config.js': 'export const BASE_URL = "https://api.mistral.ai/v1";\n',
      'web/app.ts': 'import OpenAI from "openai";\nimport BASE_URL from "./config";\n\nconst client = new OpenAI({ baseURL: BASE_URL });\n',
    }, { 'web/app.ts': [notHere('BASE_URL')] });
  });

  it('keeps `import * as`, Python `import m as c` and plain named imports working', async () => {
    await check({
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'a.py': 'from openai import OpenAI\nimport config as cfg\n\nclient = OpenAI(base_url=cfg.BASE_URL)\n',
      'b.py': 'from openai import OpenAI\nfrom config import BASE_URL\n\nclient = OpenAI(base_url=BASE_URL)\n',
      'web/config.ts': 'export const BASE_URL = "https://api.mistral.ai/v1";\n',
      'web/a.ts': 'import OpenAI from "openai";\nimport * as cfg from "./config";\nconst client = new OpenAI({ baseURL: cfg.BASE_URL });\n',
      'web/b.ts': 'import OpenAI from "openai";\nimport { BASE_URL } from "./config";\nconst client = new OpenAI({ baseURL: BASE_URL });\n',
    }, { 'a.py': [MISTRAL], 'b.py': [MISTRAL], 'web/a.ts': [MISTRAL], 'web/b.ts': [MISTRAL] });
  });
});

// Review of the import forms above: what they must not find, and what they must not take for known.
describe('imported constants: names that are not reads, and bindings that are not the import', () => {

  it('does not take a key, a declared field or a method named like an imported constant for a use of it', async () => {
    await check({
      'web/config.ts': 'export const OPENAI_BASE_URL = "https://api.mistral.ai/v1";\n',
      // `url` is the import only where it is read (relay.ts, and after `?` in pick.ts); here it names a key, a field or a method.
      'web/app.ts': [
        'import { OPENAI_BASE_URL as url } from "./config";',
        'interface Opts {',
        '  url: string;',
        '  readonly url: string;',
        '  url?: string;',
        '}',
        'export class Client {',
        '  url(): string { return "/x"; }',
        '}',
        'const opts = {\n  url: "/local",\n};',
        'export const o = { method: "GET", url: "/x", opts };',
        '',
      ].join('\n'),
      'web/relay.ts': 'import { OPENAI_BASE_URL as url } from "./config";\nexport const send = (body: string) => fetch(url, { method: "POST", body });\n',
      'web/pick.ts': 'import { OPENAI_BASE_URL as url } from "./config";\nexport const send = (body: string, local: boolean) => fetch(local ? "/x" : url, { method: "POST", body });\n',
      'cfg.py': 'OPENAI_BASE_URL = "https://api.mistral.ai/v1"\n',
      // A settings class declares a field of the name: no read of the constant `import *` brings.
      'settings.py': 'from cfg import *\nfrom pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    OPENAI_BASE_URL: str\n',
      'relay.py': 'import requests\nfrom cfg import *\n\nrequests.post(OPENAI_BASE_URL)\n',
    }, { 'web/app.ts': [], 'web/relay.ts': [MISTRAL], 'web/pick.ts': [MISTRAL], 'settings.py': [], 'relay.py': [MISTRAL] });
  });

  it('does not follow a module binding that a parameter shadows or code assigns again', async () => {
    const unknown = (why: string): string => `null null (the base URL comes from \`cfg.BASE_URL\`, whose \`cfg\` is ${why})`;
    await check({
      'lib/a.js': 'exports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/b.js': 'exports.BASE_URL = "https://api.openai.com/v1";\n',
      // `cfg` may be ./b's exports when the client is made.
      'lib/again.js': 'const OpenAI = require("openai");\nlet cfg = require("./a");\nif (process.env.PROD) {\n  cfg = require("./b");\n}\nconst c = new OpenAI({ baseURL: cfg.BASE_URL });\n',
      // `cfg` in the function is what its callers pass.
      'lib/param.js': 'const OpenAI = require("openai");\nconst cfg = require("./a");\nfunction make(cfg) {\n  return new OpenAI({ baseURL: cfg.BASE_URL });\n}\nmodule.exports = { make };\n',
      'lib/whole.js': 'const OpenAI = require("openai");\nconst cfg = require("./a");\nconst c = new OpenAI({ baseURL: cfg.BASE_URL });\n',
      'a2.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'param.py': 'from openai import OpenAI\nimport a2 as cfg\n\n\ndef make(cfg):\n    return OpenAI(base_url=cfg.BASE_URL)\n',
    }, {
      'lib/again.js': [unknown('assigned more than once')],
      'lib/param.js': [unknown('a parameter, loop variable or other run-time binding')],
      'lib/whole.js': [MISTRAL],
      'param.py': [unknown('a parameter, loop variable or other run-time binding')],
    });
  });
  it('does not publish a `module.exports` key a later spread may replace', async () => {
    await check({
      'lib/b.js': 'exports.BASE_URL = "https://api.openai.com/v1";\n',
      'lib/spread.js': 'const base = require("./b");\nmodule.exports = { BASE_URL: "https://api.mistral.ai/v1", ...base, MODEL_URL: "https://api.mistral.ai/v1/models" };\n',
      'lib/app.js': 'const OpenAI = require("openai");\nconst { BASE_URL, MODEL_URL } = require("./spread");\nconst a = new OpenAI({ baseURL: BASE_URL });\nconst b = new OpenAI({ baseURL: MODEL_URL });\n',
    }, { 'lib/app.js': ['mistral api.mistral.ai', notHere('BASE_URL')] });
  });

  it('lets a later Python `import *` bind a name imported by name before it', async () => {
    await check({
      'config.py': 'BASE_URL = "https://api.openai.com/v1"\n',
      'local_settings.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'app.py': 'from openai import OpenAI\nfrom config import BASE_URL\nfrom local_settings import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
      // Rebound from a module the scan cannot see into, or not: not known.
      'vendor.py': 'from openai import OpenAI\nfrom config import BASE_URL\nfrom vendor_defaults import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
      // Imported by name after the `import *`: the name's own import decides.
      'after.py': 'from openai import OpenAI\nfrom local_settings import *\nfrom config import BASE_URL\n\nclient = OpenAI(base_url=BASE_URL)\n',
    }, {
      'app.py': [MISTRAL],
      'vendor.py': [notHere('BASE_URL')],
      'after.py': ['openai api.openai.com'],
    });
  });

  it('follows `import *` to a private name the module lists in `__all__`', async () => {
    await check({
      'priv.py': '__all__ = ["_INTERNAL_URL"]\n_INTERNAL_URL = "https://api.mistral.ai/v1"\n',
      'app.py': 'from openai import OpenAI\nfrom priv import *\n\nclient = OpenAI(base_url=_INTERNAL_URL)\n',
    }, { 'app.py': [MISTRAL] });
  });
  it('publishes at most as many CommonJS exports of one module as ES exports', () => {
    const n = 1500;
    const lines = (f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');
    const published = (file: string, text: string): number => engine.analyze(file, text).env.filter((d) => d.name.startsWith('export:')).length;
    const es = published('es.js', lines((i) => `export const U${i} = "https://api.mistral.ai/${i}";\n`));
    assert.ok(es < n);
    assert.equal(published('a.js', lines((i) => `exports.U${i} = "https://api.mistral.ai/${i}";\n`)), es);
    assert.equal(published('b.js', `module.exports = {\n${lines((i) => `  U${i}: "https://api.mistral.ai/${i}",\n`)}};\n`), es);
  });
  it('reads a long `__all__` once, not at each use of a name `import *` may bind', async () => {
    const names = Array.from({ length: 12000 }, (_, i) => `N${i}`);
    const started = Date.now();
    await check({
      'config.py': `__all__ = [${names.map((n) => `"${n}"`).join(', ')}, "BASE_URL"]\nBASE_URL = "https://api.mistral.ai/v1"\n`,
      'app.py': `import requests\nfrom config import *\n${'requests.post(BASE_URL)\n'.repeat(8000)}`,
    }, {});
    // About 20 s when each use parsed the list; about 2 s read once.
    assert.ok(Date.now() - started < 12000, `${Date.now() - started} ms`);
    // Two candidate modules, each with its own `__all__`, asked in turn at each use (250 s with one list remembered).
    const again = Date.now();
    const all = (extra: string): string => `__all__ = [${names.map((n) => `"${n}${extra}"`).join(', ')}, "BASE_URL"]\nBASE_URL = "https://api.mistral.ai/v1"\n`;
    await check({ 'config.py': all(''), 'pkg/config.py': all('x'), 'pkg/app.py': `import requests\nfrom config import *\n${'requests.post(BASE_URL)\n'.repeat(8000)}` }, {});
    assert.ok(Date.now() - again < 12000, `${Date.now() - again} ms`);
  });
  it('re-reads importers of a default export, a CommonJS export and an `import *` in the index when the module changes', () => {
    const dir = workspace({
      'web/def.js': 'export default "https://api.mistral.ai/v1";\n',
      'web/relay.ts': 'import UPSTREAM_URL from "./def";\nexport const send = (body: string) => fetch(UPSTREAM_URL, { method: "POST", body });\n',
      'lib/cjs.js': 'exports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/relay.js': 'const cfg = require("./cjs");\nmodule.exports.send = (body) => fetch(cfg.BASE_URL, { method: "POST", body });\n',
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'relay.py': 'import requests\nfrom config import *\n\nrequests.post(BASE_URL)\n',
    });
    const index = indexOf(dir);
    const hosts = (): string[] => ['web/relay.ts', 'lib/relay.js', 'relay.py'].map((f) => found(index.results().endpoints, f).join());
    assert.deepEqual(hosts(), [MISTRAL, MISTRAL, MISTRAL]);
    index.set('web/def.js', 'export default "https://api.deepseek.com";\n');
    index.set('lib/cjs.js', 'module.exports = { BASE_URL: "https://api.deepseek.com" };\n');
    index.set('config.py', 'BASE_URL = "https://api.deepseek.com"\n');
    assert.deepEqual(hosts(), ['deepseek api.deepseek.com', 'deepseek api.deepseek.com', 'deepseek api.deepseek.com']);
    // No longer exported: `__all__` leaves it out, a default export of another value, `exports.X` after `module.exports` is replaced.
    index.set('web/def.js', 'export default 30;\n');
    index.set('lib/cjs.js', 'module.exports = {};\nexports.BASE_URL = "https://api.deepseek.com";\n');
    index.set('config.py', '__all__ = ["TIMEOUT"]\nTIMEOUT = 3\nBASE_URL = "https://api.deepseek.com"\n');
    assert.deepEqual(hosts(), ['', '', '']);
  });
  it('re-reads code with no signal of its own that imports a default export through an exact tsconfig alias', async () => {
    await check({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@upstream": ["src/lib/default-host.ts"] } } }\n',
      'src/lib/default-host.ts': 'export default "https://api.mistral.ai/v1";\n',
      // Its bytes name neither the module nor an exported name: only the alias.
      'src/api/relay.ts': 'import UPSTREAM from "@upstream";\nexport const send = (body: string) => fetch(UPSTREAM, { method: "POST", body });\n',
    }, { 'src/api/relay.ts': [MISTRAL] });
  });
  it('does not take a member of a default import for the module\'s export of that name', async () => {
    await check({
      'web/settings.ts': 'export const BASE_URL = "https://api.openai.com/v1";\nexport default { BASE_URL: "https://api.mistral.ai/v1" };\n',
      // `ts` is the default export (the object), whatever the local name spells with the module's.
      'web/app.ts': 'import OpenAI from "openai";\nimport ts from "./settings";\nconst c = new OpenAI({ baseURL: ts.BASE_URL });\n',
    }, { 'web/app.ts': [notHere('ts.BASE_URL')] });
  });
  it('reports a constant the file computes from a name `import *` brings once, where it is set', async () => {
    const dir = workspace({
      'config.py': 'BASE_URL = "https://api.mistral.ai"\n',
      'star.py': 'import requests\nfrom config import *\n\nCHAT_URL = BASE_URL + "/v1/chat/completions"\n\n\ndef send(body):\n    return requests.post(CHAT_URL, json=body)\n',
    });
    const { cli, index } = await both(dir);
    // CHAT_URL is the file's own: no second endpoint saying it is imported.
    assert.deepEqual(cli.filter((e) => e.file === 'star.py').map((e) => e.via), ['URL of an LLM API in CHAT_URL, BASE_URL imported from config.py:1']);
    assert.deepEqual(summary(index), summary(cli));
  });
  it('does not find a default export through `export * from`, which leaves it out', async () => {
    await check({
      'web/def.js': 'export default "https://api.mistral.ai/v1";\n',
      'web/all.js': 'export * from "./def";\n',
      'web/app.ts': 'import OpenAI from "openai";\nimport url from "./all";\n\nconst client = new OpenAI({ baseURL: url });\n',
    }, { 'web/app.ts': [notHere('url')] });
  });
  it('does not publish `module.exports.X` set before `module.exports` is replaced', async () => {
    await check({
      'lib/cjs.js': 'module.exports.BASE_URL = "https://api.mistral.ai/v1";\nmodule.exports = { timeout: 30 };\n',
      'lib/after.js': 'module.exports = { timeout: 30 };\nmodule.exports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/app.js': 'const OpenAI = require("openai");\nconst { BASE_URL } = require("./cjs");\nconst b = new OpenAI({ baseURL: BASE_URL });\n',
      'lib/app2.js': 'const OpenAI = require("openai");\nconst { BASE_URL } = require("./after");\nconst b = new OpenAI({ baseURL: BASE_URL });\n',
    }, {
      'lib/app.js': [notHere('BASE_URL')],
      'lib/app2.js': [MISTRAL],
    });
  });
  it('asks code that names a default export\'s module to be read again, not all code that writes `default`', () => {
    const def = engine.analyze('web/def.js', 'export default "https://api.mistral.ai/v1";\n').env;
    const again = engine.analyze('web/again.js', 'export { default as UPSTREAM } from "./def";\n').env;
    // `export default function App()` is in most component files: naming `default` made each one an importer.
    assert.deepEqual(engine.importableNames([...def, ...again]), ['UPSTREAM', 'def']);
  });
});

// Second review: values a module exports that the importing code does not get at run time.
describe('imported constants: exports that are not the value at run time', () => {

  it('does not publish a value exported before the `var` it reads is set (hoisted, still undefined then)', async () => {
    await check({
      'web/hoist.js': 'export default BASE_URL;\nvar BASE_URL = "https://api.mistral.ai/v1";\n',
      'web/app.ts': 'import OpenAI from "openai";\nimport u from "./hoist";\nconst c = new OpenAI({ baseURL: u });\n',
      'lib/obj.js': 'module.exports = { BASE_URL };\nvar BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/one.js': 'exports.BASE_URL = BASE_URL;\nvar BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/app.js': 'const OpenAI = require("openai");\nconst { BASE_URL } = require("./obj");\nconst cfg = require("./one");\nconst a = new OpenAI({ baseURL: BASE_URL });\nconst b = new OpenAI({ baseURL: cfg.BASE_URL });\n',
    }, { 'web/app.ts': [notHere('u')], 'lib/app.js': [notHere('BASE_URL'), notHere('cfg.BASE_URL')] });
  });

  it('does not publish a CommonJS export that code changes after (in a function, by Object.assign)', async () => {
    await check({
      'lib/fn.js': 'module.exports = { BASE_URL: "https://api.openai.com/v1" };\nfunction setup() {\n  module.exports.BASE_URL = "https://api.mistral.ai/v1";\n}\nsetup();\n',
      'lib/assign.js': 'module.exports = { BASE_URL: "https://api.openai.com/v1" };\nObject.assign(module.exports, { BASE_URL: "https://api.mistral.ai/v1" });\n',
      'lib/assign2.js': 'exports.BASE_URL = "https://api.openai.com/v1";\nObject.assign(exports, require("./local"));\n',
      'lib/app.js': [
        'const OpenAI = require("openai");',
        'const { BASE_URL } = require("./fn");',
        'const b = require("./assign");',
        'const c = require("./assign2");',
        'new OpenAI({ baseURL: BASE_URL });',
        'new OpenAI({ baseURL: b.BASE_URL });',
        'new OpenAI({ baseURL: c.BASE_URL });',
        '',
      ].join('\n'),
    }, { 'lib/app.js': [notHere('BASE_URL'), notHere('b.BASE_URL'), notHere('c.BASE_URL')] });
  });
  it('does not take a name from an `import *` that may not run (under `if`, `try` or `if TYPE_CHECKING:`)', async () => {
    await check({
      'dev.py': 'BASE_URL = "http://localhost:11434/v1"\n',
      'prod.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'app.py': 'import os\nfrom openai import OpenAI\n\nif os.environ.get("DEBUG"):\n    from dev import *\nelse:\n    from prod import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
      'typed.py': 'from typing import TYPE_CHECKING\nfrom openai import OpenAI\n\nif TYPE_CHECKING:\n    from prod import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
      // A name imported by name, then perhaps bound again by a star import in `try`.
      'local.py': 'from openai import OpenAI\nfrom dev import BASE_URL\ntry:\n    from prod import *\nexcept ImportError:\n    pass\n\nclient = OpenAI(base_url=BASE_URL)\n',
      // At the top level, after a comment line: still the module's.
      'top.py': 'from openai import OpenAI\n# settings\nfrom prod import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
    }, {
      'app.py': [notHere('BASE_URL')],
      'typed.py': [notHere('BASE_URL')],
      'local.py': [notHere('BASE_URL')],
      'top.py': ['mistral api.mistral.ai'],
    });
  });
  it('takes a relative Python import from its own package, not a same-named module further up', async () => {
    await check({
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'pkg/__init__.py': '',
      // The package's own config reads the URL from the env: no constant to follow.
      'pkg/config.py': 'import os\nBASE_URL = os.environ["LLM_URL"]\n',
      'pkg/named.py': 'from openai import OpenAI\nfrom .config import BASE_URL\nclient = OpenAI(base_url=BASE_URL)\n',
      'pkg/renamed.py': 'from openai import OpenAI\nfrom .config import BASE_URL as B\nclient = OpenAI(base_url=B)\n',
      'pkg/star.py': 'from openai import OpenAI\nfrom .config import *\nclient = OpenAI(base_url=BASE_URL)\n',
      'pkg/sub/__init__.py': '',
      // Two dots: the parent package's module.
      'pkg/sub/up.py': 'from openai import OpenAI\nfrom ..config import BASE_URL\nclient = OpenAI(base_url=BASE_URL)\n',
      'pkg/sub/config.py': 'BASE_URL = "https://api.openai.com/v1"\n',
      'pkg/sub/here.py': 'from openai import OpenAI\nfrom .config import BASE_URL\nclient = OpenAI(base_url=BASE_URL)\n',
    }, {
      'pkg/named.py': [notHere('BASE_URL')],
      'pkg/renamed.py': [notHere('B')],
      'pkg/star.py': [notHere('BASE_URL')],
      'pkg/sub/up.py': [notHere('BASE_URL')],
      'pkg/sub/here.py': ['openai api.openai.com'],
    });
  });
  it('does not read `__all__` as a list of names when code changes it after (`.remove`, `del`)', async () => {
    const app = 'from openai import OpenAI\nfrom s import *\nclient = OpenAI(base_url=BASE_URL)\n';
    for (const change of ['__all__.remove("BASE_URL")', 'del __all__[0]']) {
      await check({ 's.py': `__all__ = ["BASE_URL"]\n${change}\nBASE_URL = "https://api.mistral.ai/v1"\n`, 'app.py': app }, { 'app.py': [notHere('BASE_URL')] });
    }
  });
  it('does not take an imported value the file itself replaces in code that may run first', async () => {
    const setElsewhere = (name: string): string => `null null (the base URL comes from \`${name}\`, which this file also sets elsewhere)`;
    await check({
      'lib/cjs.js': 'exports.BASE_URL = "https://api.mistral.ai/v1";\n',
      'lib/member.js': 'const OpenAI = require("openai");\nconst cfg = require("./cjs");\nfunction setup() {\n  cfg.BASE_URL = "https://api.openai.com/v1";\n}\nsetup();\nconst c = new OpenAI({ baseURL: cfg.BASE_URL });\n',
      'lib/name.js': 'const OpenAI = require("openai");\nlet { BASE_URL } = require("./cjs");\nfunction setup() {\n  BASE_URL = "https://api.openai.com/v1";\n}\nsetup();\nconst c = new OpenAI({ baseURL: BASE_URL });\n',
      'cfg.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'member.py': 'from openai import OpenAI\nimport cfg\n\n\ndef setup():\n    cfg.BASE_URL = "https://api.openai.com/v1"\n\n\nsetup()\nclient = OpenAI(base_url=cfg.BASE_URL)\n',
    }, {
      'lib/member.js': [setElsewhere('cfg.BASE_URL'), 'openai api.openai.com'],
      'lib/name.js': [setElsewhere('BASE_URL'), 'openai api.openai.com'],
      'member.py': [setElsewhere('cfg.BASE_URL'), 'openai api.openai.com'],
    });
  });
  it('does not take a CommonJS `default` key for the default export (an import gets the whole exports object)', async () => {
    await check({
      'web/cjs.js': 'exports.default = "https://api.mistral.ai/v1";\n',
      'web/obj.js': 'module.exports = { default: "https://api.mistral.ai/v1" };\n',
      'web/app.ts': 'import OpenAI from "openai";\nimport url from "./cjs";\nimport u2 from "./obj";\nconst c = new OpenAI({ baseURL: url });\nconst d = new OpenAI({ baseURL: u2 });\n',
    }, { 'web/app.ts': [notHere('u2'), notHere('url')] });
  });
  it('does not take a Python name the file sets for its own when an `import *` after it may set it again', async () => {
    await check({
      'config.py': 'BASE_URL = "https://api.mistral.ai/v1"\n',
      'app.py': 'from openai import OpenAI\nBASE_URL = "https://api.openai.com/v1"\nfrom config import *\n\nclient = OpenAI(base_url=BASE_URL)\n',
      'later.py': 'from openai import OpenAI\nBASE_URL = "https://api.openai.com/v1"\n\n\ndef make():\n    return OpenAI(base_url=BASE_URL)\n\n\nfrom config import *\n',
      // Set after the `import *`: the file's own.
      'own.py': 'from openai import OpenAI\nfrom config import *\nBASE_URL = "https://api.openai.com/v1"\nclient = OpenAI(base_url=BASE_URL)\n',
    }, {
      // (The literal stays an endpoint where it is written.)
      'app.py': ['null null (the base URL comes from `BASE_URL`, which an `import *` after it may set again)', 'openai api.openai.com'],
      'later.py': ['null null (the base URL comes from `BASE_URL`, which an `import *` after it may set again)', 'openai api.openai.com'],
      'own.py': ['openai api.openai.com'],
    });
  });
});
