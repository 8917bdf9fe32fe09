// LLM APIs of vendors that are not catalog providers (catalog `unlistedApis`): a use is
// reported by host with `provider: null` and the vendor's name; it fails a residency zone
// only where the vendor's own page places it outside, and never passes one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog } from '../../src/core/catalog/data';
import { onDomain } from '../../src/core/catalog/sources';
import type { Catalog, UnlistedLlmApi } from '../../src/core/catalog/types';
import { Engine } from '../../src/core/engine';
import type { Endpoint, Finding } from '../../src/core/model';
import { parsePolicy, type Policy } from '../../src/core/policy/policy';
import { HostMatcher } from '../../src/core/resolve/hosts';
import { CLI, runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const policy = (extra = ''): Policy => parsePolicy('.llm-compliance.yaml', `require: [eu-residency]\n${extra}`);

function endpoints(file: string, text: string, p: Policy = policy(), e: Engine = engine): Endpoint[] {
  const r = e.analyze(file, text);
  return e.withWorkspaceFacts(r.endpoints, r.azureResources, p, []);
}
function judge(file: string, text: string, p: Policy = policy(), e: Engine = engine): Finding[] {
  return e.evaluate(endpoints(file, text, p, e), p);
}
const rules = (findings: Finding[]): string[] => findings.map((f) => f.ruleId).sort();

// Fixtures written for this test: a TS constants module, a Python client, a .env file.
const TS_CONSTANTS = [
  'export const QWEN_API = "https://dashscope.aliyuncs.com/compatible-mode/v1";',
  'export const KIMI_API = "https://api.moonshot.ai/v1";',
  'export function isQwen(url: string): boolean {',
  '  return url.includes("dashscope.aliyuncs.com");',
  '}',
  '',
].join('\n');
const PY_CLIENT = [
  'from openai import OpenAI',
  '',
  'glm = OpenAI(base_url="https://open.bigmodel.cn/api/paas/v4", api_key=key)',
  'DOUBAO_URL = "https://ark.cn-beijing.volces.com/api/v3"',
  'if "dashscope.aliyuncs.com" in configured_url:',
  '    print("qwen")',
  '',
].join('\n');

describe('LLM APIs of vendors that are not catalog providers', () => {
  describe('reported by host, naming the vendor', () => {
    it('a base URL literal in TypeScript: provider null, the host, its region and the EU verdict its vendor\'s page gives', () => {
      const found = endpoints('src/llm.ts', TS_CONSTANTS);
      const qwen = found.find((e) => e.host === 'dashscope.aliyuncs.com');
      assert.ok(qwen, 'the DashScope URL is reported');
      assert.equal(qwen.provider, null);
      assert.equal(qwen.vendor, 'Alibaba DashScope');
      assert.equal(qwen.region, 'cn-beijing');
      assert.equal(qwen.euResident, false);
      assert.equal(qwen.baaAvailable, null);
      assert.match(qwen.via, /QWEN_API: Alibaba DashScope \(not a catalog provider\)/);
      assert.equal(TS_CONSTANTS.slice(qwen.range.start, qwen.range.end), '"https://dashscope.aliyuncs.com/compatible-mode/v1"');
    });

    it('a base URL in Python, given to an OpenAI client and assigned to a constant', () => {
      const found = endpoints('app/llm.py', PY_CLIENT);
      const glm = found.find((e) => e.host === 'open.bigmodel.cn');
      assert.ok(glm);
      assert.equal(glm.provider, null, 'the OpenAI SDK pointed at BigModel is not OpenAI');
      assert.equal(glm.vendor, 'Zhipu BigModel');
      assert.match(glm.via, /Zhipu BigModel \(not a catalog provider\)/);
      const ark = found.find((e) => e.host === 'ark.cn-beijing.volces.com');
      assert.equal(ark?.region, 'cn-beijing');
      assert.equal(ark?.euResident, false);
    });

    it('a .env setting, whatever the variable is called', () => {
      const [e, ...rest] = endpoints('.env', 'QWEN_ENDPOINT=https://dashscope-intl.aliyuncs.com/compatible-mode/v1\n');
      assert.deepEqual(rest, []);
      assert.equal(e?.provider, null);
      assert.equal(e?.host, 'dashscope-intl.aliyuncs.com');
      assert.equal(e?.vendor, 'Alibaba DashScope');
      assert.equal(e?.euResident, false);
    });

    it('a URL in a YAML config value', () => {
      const [e] = endpoints('config/models.yaml', 'models:\n  glm:\n    endpoint: https://open.bigmodel.cn/api/paas/v4\n');
      assert.equal(e?.host, 'open.bigmodel.cn');
      assert.equal(e?.vendor, 'Zhipu BigModel');
    });

    it('stays quiet where the host is only compared or searched for', () => {
      assert.deepEqual(endpoints('src/llm.ts', TS_CONSTANTS).filter((e) => TS_CONSTANTS.slice(e.range.start, e.range.end).includes('"dashscope.aliyuncs.com"')), []);
      const py = endpoints('app/llm.py', PY_CLIENT);
      const line = (e: Endpoint): number => PY_CLIENT.slice(0, e.range.start).split('\n').length;
      assert.deepEqual(py.map(line).sort(), [3, 4], 'the `in` check on line 5 is not a use');
    });

    it('on a host that is also the vendor\'s website, a page link stays quiet while the API path and the bare host count', () => {
      const text = [
        'export const KEYS_PAGE = "https://open.bigmodel.cn/usercenter/apikeys";',
        'export const GLM_API = "https://open.bigmodel.cn/api/paas/v4";',
        'export const GLM_BASE = "https://open.bigmodel.cn";',
        '',
      ].join('\n');
      const found = endpoints('src/zhipu.ts', text).map((e) => text.slice(e.range.start, e.range.end));
      assert.deepEqual(found, ['"https://open.bigmodel.cn/api/paas/v4"', '"https://open.bigmodel.cn"']);
    });

    it('stays quiet for a host that merely shares the vendor\'s domain', () => {
      assert.deepEqual(endpoints('src/x.ts', 'export const OSS = "https://my-bucket.oss-cn-beijing.aliyuncs.com/file";\n'), []);
    });
  });

  describe('verdicts', () => {
    it('fails EU residency (LLMC002) where the vendor\'s own page places the host outside the EU, naming the countries', () => {
      const findings = judge('src/llm.ts', 'export const QWEN_API = "https://dashscope.aliyuncs.com/compatible-mode/v1";\n');
      assert.deepEqual(rules(findings), ['LLMC002']);
      assert.equal(findings[0]!.message, 'dashscope.aliyuncs.com may process data outside the EU — move it to an endpoint inside the EU');
      assert.match(findings[0]!.details[0]!, /^It may process data in China/);
      assert.equal(findings[0]!.endpoint?.vendor, 'Alibaba DashScope');
      assert.ok(findings[0]!.sources.some((s) => onDomain(s.url, 'alibabacloud.com') || onDomain(s.url, 'aliyun.com')), 'the finding cites the vendor\'s page');
    });

    it('leaves the location unknown (LLMC003) where the vendor does not say, never guessing from the domain', () => {
      const [kimi] = endpoints('src/llm.ts', 'export const KIMI_API = "https://api.moonshot.cn/v1";\n');
      assert.equal(kimi?.euResident, null, 'a .cn name alone proves nothing');
      assert.equal(kimi?.region, null);
      const findings = judge('src/llm.ts', 'export const KIMI_API = "https://api.moonshot.cn/v1";\n');
      assert.deepEqual(rules(findings), ['LLMC003']);
      assert.match(findings[0]!.message, /^api\.moonshot\.cn: EU residency cannot be checked — the host is Moonshot AI's API, which is not a catalog provider/);
      assert.match(findings[0]!.details[0]!, /own pages do not say where it processes data/);
    });

    it('leaves BAA and certifications unknown (LLMC003), even where the location is known', () => {
      const p = parsePolicy('.llm-compliance.yaml', 'require: [hipaa, soc2-type2]\n');
      const findings = judge('src/llm.ts', 'export const QWEN_API = "https://dashscope.aliyuncs.com/compatible-mode/v1";\n', p);
      assert.deepEqual(rules(findings), ['LLMC003']);
      assert.match(findings[0]!.message, /: HIPAA and SOC 2 cannot be checked — /);
      assert.match(findings[0]!.details[1]!, /hipaa, soc2-type2 requirements depend on it/);
    });
  });

  describe('residency zones', () => {
    const QWEN = 'export const QWEN_API = "https://dashscope.aliyuncs.com/compatible-mode/v1";\n';
    // A vendor invented for this test, so the zone rules are tried on places the real list does not hold.
    const zoneCatalog = (countries: string[]): Catalog => ({
      ...catalog,
      unlistedApis: [{
        vendor: 'Example Vendor', vendorDomains: ['example-llm.test'],
        hosts: [{
          pattern: 'api.example-llm.test', sources: [{ url: 'https://example-llm.test/docs', checked: '2026-12-03' }],
          processing: { value: { id: 'x1', name: 'Example region', jurisdiction: countries[0]!, countries }, sources: [{ url: 'https://example-llm.test/regions', checked: '2026-12-03' }] },
        }],
      }],
    });
    const EXAMPLE = 'export const BASE = "https://api.example-llm.test/v1";\n';

    it('a place outside every zone fails eu, eea and eu-adequacy alike', () => {
      for (const residency of ['', 'residency: eea\n', 'residency: eu-adequacy\n']) {
        assert.deepEqual(rules(judge('src/llm.ts', QWEN, policy(residency))), ['LLMC002'], residency);
      }
    });

    it('a place with an EU adequacy decision fails eu and eea, and is unknown (not a pass) under eu-adequacy', () => {
      const e = new Engine(zoneCatalog(['JP']));
      const [endpoint] = endpoints('src/llm.ts', EXAMPLE, policy(), e);
      assert.equal(endpoint?.euResident, false);
      assert.deepEqual(rules(judge('src/llm.ts', EXAMPLE, policy(), e)), ['LLMC002']);
      const eea = judge('src/llm.ts', EXAMPLE, policy('residency: eea\n'), e);
      assert.deepEqual(rules(eea), ['LLMC002']);
      assert.match(eea[0]!.message, /data outside the EEA — /);
      assert.match(eea[0]!.details[0]!, /Japan \(outside the EEA\)/);
      assert.deepEqual(rules(judge('src/llm.ts', EXAMPLE, policy('residency: eu-adequacy\n'), e)), ['LLMC003']);
    });

    it('a place inside the EU is not vouched for: euResident null, never a pass', () => {
      const e = new Engine(zoneCatalog(['DE']));
      const [endpoint] = endpoints('src/llm.ts', EXAMPLE, policy(), e);
      assert.equal(endpoint?.euResident, null);
      assert.deepEqual(rules(judge('src/llm.ts', EXAMPLE, policy(), e)), ['LLMC003']);
    });
  });

  describe('the catalog list', () => {
    const apis: UnlistedLlmApi[] = catalog.unlistedApis ?? [];
    const hosts = apis.flatMap((api) => api.hosts.map((host) => ({ api, host })));

    it('holds at least the vendors seen unreported in real code', () => {
      const listed = new Set(hosts.map((h) => h.host.pattern));
      for (const h of ['aip.baidubce.com', 'ark.cn-beijing.volces.com', 'dashscope.aliyuncs.com', 'hunyuan.tencentcloudapi.com', 'api.moonshot.ai',
        'spark-api-open.xf-yun.com', 'open.bigmodel.cn', 'api.siliconflow.cn', 'api.302.ai', 'integrate.api.nvidia.com']) {
        assert.ok(listed.has(h), `${h} is listed`);
      }
    });

    it('places a host only on the vendor\'s own page (never a third party\'s, never the domain name)', () => {
      const wrong: string[] = [];
      for (const { api, host } of hosts) {
        if (host.processing.value === null) {
          if (!host.processing.note) wrong.push(`${host.pattern}: unknown without a note saying why`);
          continue;
        }
        const own = host.processing.sources.filter((s) => !s.thirdParty && api.vendorDomains.some((d) => onDomain(s.url, d)));
        if (own.length === 0) wrong.push(`${host.pattern}: placed on ${host.processing.sources.map((s) => s.url).join(', ')}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('flags a source as third party exactly when it is not on the vendor\'s domains', () => {
      const wrong: string[] = [];
      for (const { api, host } of hosts) {
        for (const s of [...host.sources, ...host.processing.sources]) {
          const own = api.vendorDomains.some((d) => onDomain(s.url, d));
          if (own === (s.thirdParty === true)) wrong.push(`${host.pattern}: ${s.url}`);
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('lists no host a catalog provider already has, and each host once', () => {
      const providers = new HostMatcher(catalog);
      assert.deepEqual(hosts.filter((h) => providers.match(h.host.pattern.replace(/^\*\./, 'x.'))).map((h) => h.host.pattern), []);
      const patterns = hosts.map((h) => h.host.pattern);
      assert.equal(new Set(patterns).size, patterns.length);
    });
  });

  describe('the CLI', function () {
    this.timeout(60_000);
    it('reports the vendor in JSON output (a file whose only signal is the host is not filtered out)', function () {
      if (!fs.existsSync(CLI)) this.skip();
      const dir = tempWorkspace({ 'src/qwen.js': 'const base = "https://dashscope.aliyuncs.com/compatible-mode/v1";\nmodule.exports = { base };\n' });
      const r = runCli(['scan', dir, '--format', 'json']);
      const out = JSON.parse(r.stdout) as { endpoints: { file: string; provider: string | null; host: string; vendor?: string; euResident: boolean | null }[] };
      const e = out.endpoints.find((x) => x.host === 'dashscope.aliyuncs.com');
      assert.ok(e, r.stdout);
      assert.equal(e.provider, null);
      assert.equal(e.vendor, 'Alibaba DashScope');
      assert.equal(e.euResident, false);
      assert.equal(path.basename(e.file), 'qwen.js');
    });
  });
});
