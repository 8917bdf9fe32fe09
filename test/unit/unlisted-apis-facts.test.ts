// Facts about LLM APIs that are not catalog providers (catalog `unlistedApis`), issue 11:
// T-Systems' LLM Hub (AI Foundation Services) is reported by host, and where its requests
// are processed stays unknown because its own page says that depends on the model named.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../src/core/catalog/data';
import { onDomain } from '../../src/core/catalog/sources';
import { Engine } from '../../src/core/engine';
import type { Endpoint, Finding } from '../../src/core/model';
import { parsePolicy, type Policy } from '../../src/core/policy/policy';
import { CLI, runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const euPolicy: Policy = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\n');

function endpoints(file: string, text: string): Endpoint[] {
  const r = engine.analyze(file, text);
  return engine.withWorkspaceFacts(r.endpoints, r.azureResources, euPolicy, []);
}
function judge(file: string, text: string): Finding[] {
  return engine.evaluate(endpoints(file, text), euPolicy);
}
const lineOf = (text: string, e: Endpoint): number => text.slice(0, e.range.start).split('\n').length;

const HUB = 'llm-server.llmhub.t-systems.net';
const VENDOR = 'T-Systems AI Foundation Services (LLM Hub)';

// Fixtures written for this test: a CLI helper that lists the hub's models, a .env, a Python client.
const MODELS_TS = [
  'import got from "got";',
  '',
  'export const HUB_BASE =',
  '  "https://llm-server.llmhub.t-systems.net/v2";',
  '',
  'export async function listHubModels(key: string): Promise<string[]> {',
  '  const res = await got(`${HUB_BASE}/models`, { headers: { Authorization: `Bearer ${key}` } }).json<{ data: { id: string }[] }>();',
  '  return res.data.map((m) => m.id);',
  '}',
  '',
].join('\n');

describe('unlisted LLM APIs: facts from the vendors themselves', () => {
  describe('T-Systems LLM Hub (AI Foundation Services)', () => {
    it('a URL constant of the hub in TypeScript is reported on its literal, provider null, naming the vendor', () => {
      const found = endpoints('src/hub/models.ts', MODELS_TS).filter((e) => e.host === HUB);
      assert.equal(found.length, 1, 'one use: the literal the calls go to');
      const [e] = found;
      assert.equal(e!.provider, null);
      assert.equal(e!.vendor, VENDOR);
      assert.equal(lineOf(MODELS_TS, e!), 4);
      assert.match(e!.via, /T-Systems AI Foundation Services \(LLM Hub\) \(not a catalog provider\)/);
    });

    it('a .env setting and an OpenAI client pointed at the hub are reported alike', () => {
      const [env] = endpoints('.env', 'LLM_BASE_URL=https://llm-server.llmhub.t-systems.net/v2\n');
      assert.equal(env?.host, HUB);
      assert.equal(env?.vendor, VENDOR);
      const py = 'from openai import OpenAI\n\nclient = OpenAI(base_url="https://llm-server.llmhub.t-systems.net/v2", api_key=key)\n';
      const [client] = endpoints('app/hub.py', py);
      assert.equal(client?.host, HUB);
      assert.equal(client?.provider, null, 'the OpenAI SDK pointed at the hub is not OpenAI');
      assert.equal(client?.vendor, VENDOR);
    });

    it('its place stays unknown (LLMC003, never a pass and never LLMC002): the vendor says it depends on the model', () => {
      const [e] = endpoints('src/hub/models.ts', MODELS_TS).filter((x) => x.host === HUB);
      assert.equal(e?.euResident, null, 'a German company\'s gateway is not vouched for by its name');
      assert.equal(e?.region, null);
      const findings = judge('src/hub/models.ts', MODELS_TS);
      assert.deepEqual(findings.map((f) => f.ruleId), ['LLMC003']);
      assert.match(findings[0]!.message, /^llm-server\.llmhub\.t-systems\.net: EU residency cannot be checked — the host is T-Systems AI Foundation Services \(LLM Hub\)'s API, which is not a catalog provider/);
    });

    it('the catalog cites the vendor\'s own pages for the host and for why its place is unknown', () => {
      const api = (catalog.unlistedApis ?? []).find((a) => a.vendor === VENDOR);
      assert.ok(api, 'the hub is listed');
      const host = api.hosts.find((h) => h.pattern === HUB);
      assert.ok(host);
      const own = (url: string): boolean => api.vendorDomains.some((d) => onDomain(url, d));
      assert.ok(host.sources.length > 0 && host.sources.every((s) => own(s.url) && !s.thirdParty));
      assert.equal(host.processing.value, null);
      assert.ok(host.processing.sources.some((s) => own(s.url) && !s.thirdParty), 'the unknown rests on the vendor\'s own trust page');
      assert.match(host.processing.note ?? '', /depends on the model/);
    });

    it('the CLI reports the hub where another module uses the imported constant as a value (as a generator writing .env does)', function () {
      this.timeout(60_000);
      if (!fs.existsSync(CLI)) this.skip();
      const dir = tempWorkspace({
        'src/hub/models.ts': MODELS_TS,
        'src/setup/env-file.ts': [
          'import { HUB_BASE } from "../hub/models";',
          '',
          'export const hubVars = [',
          '  { name: "HUB_BASE_URL", value: HUB_BASE },',
          '];',
          '',
        ].join('\n'),
      });
      const r = runCli(['scan', dir, '--format', 'json']);
      const out = JSON.parse(r.stdout) as { endpoints: { file: string; line: number; host: string | null; vendor?: string; provider: string | null }[] };
      const hub = out.endpoints.filter((e) => e.host === HUB).map((e) => `${path.basename(e.file)}:${e.line}`).sort();
      assert.deepEqual(hub, ['env-file.ts:4', 'models.ts:4'], r.stdout);
    });
  });

  // Options read from a dict a function of the same file builds and returns: the settings
  // modules of app templates build their client's keyword arguments this way.
  describe('options from a dict a function of the file returns', () => {
    const SETTINGS_PY = [
      'import os',
      'from llama_index.llms.openai_like import OpenAILike',
      '',
      'def hub_options():',
      '    base = os.getenv("HUB_BASE_URL")',
      '    opts = {',
      '        "model": os.getenv("MODEL", "small"),',
      '        "api_base": base,',
      '    }',
      '    return opts',
      '',
      'def fixed_options():',
      '    return {"model": "small", "api_base": "https://llm-server.llmhub.t-systems.net/v2"}',
      '',
      'def setup():',
      '    from_env = hub_options()',
      '    llm = OpenAILike(**from_env, is_chat_model=True)',
      '    fixed = fixed_options()',
      '    hub = OpenAILike(**fixed)',
      '',
    ].join('\n');
    const found = (): Endpoint[] => endpoints('app/settings.py', SETTINGS_PY).sort((a, b) => a.range.start - b.range.start);

    it('reads the base URL the returned dict sets: from an env variable nobody sets, so provider and host unknown (not OpenAI)', () => {
      const e = found().find((x) => lineOf(SETTINGS_PY, x) === 17);
      assert.ok(e, 'the client is reported');
      assert.equal(e.provider, null);
      assert.equal(e.host, null);
      assert.match(e.via, /api_base from HUB_BASE_URL/);
    });

    it('and a literal base URL in the returned dict is the client\'s host, reported once on the literal', () => {
      const clients = found().filter((x) => x.via.startsWith('OpenAILike()')).map((x) => [lineOf(SETTINGS_PY, x), x.provider, x.host]);
      assert.deepEqual(clients, [[13, null, HUB], [17, null, null]]);
      assert.equal(found().filter((x) => x.host === HUB).length, 1, 'the literal is not reported a second time on its own');
    });

    it('stays opaque where the function takes parameters or may return something else', () => {
      for (const def of [
        'def hub_options(name):\n    return {"api_base": name}\n',
        'def hub_options():\n    if os.getenv("X"):\n        return {"api_base": "http://localhost:8000/v1"}\n    return {}\n',
      ]) {
        const text = `import os\nfrom llama_index.llms.openai_like import OpenAILike\n\n${def}\nopts = hub_options()\nllm = OpenAILike(**opts)\n`;
        const client = endpoints('app/settings.py', text).filter((e) => e.via.startsWith('OpenAILike()'));
        assert.deepEqual(client.map((e) => e.via), ['OpenAILike(): options from opts'], def);
      }
    });
  });
});

