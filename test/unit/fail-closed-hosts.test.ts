// Hosts as the SDK reads them (issue 10, row 7): every URL's host is the one the WHATWG URL
// parser (Node's and the browsers' `URL`, which the SDKs use) yields; a host that normalises
// to a catalogued one is that provider; a host that only looks like one fails closed.
import * as assert from 'node:assert/strict';
import { domainToUnicode } from 'node:url';
import { Engine } from '../../src/core/engine';
import type { Finding, Fix } from '../../src/core/model';
import { emptyPolicy, parsePolicy, type Policy } from '../../src/core/policy/policy';
import * as hosts from '../../src/core/resolve/hosts';
import { labelToUnicode } from '../../src/core/resolve/punycode';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
// OpenAI's European zone (EEA + Switzerland), the clean target of these tests, passes the eu-adequacy zone.
const eu: Policy = { ...emptyPolicy(), require: ['eu-residency'], residency: 'eu-adequacy' };
const hipaa: Policy = { ...emptyPolicy(), require: ['hipaa'], baa: ['openai'] };

const analyze = (file: string, text: string) => engine.analyze(file, text).endpoints;
const judge = (file: string, text: string, policy: Policy = eu): Finding[] => engine.evaluate(analyze(file, text), policy);
const summary = (file: string, text: string, policy: Policy = eu) =>
  judge(file, text, policy).map((f) => `${f.ruleId} ${f.severity} ${f.endpoint?.host ?? '-'}`);

function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

// One base URL written in each place the engine reads, as a file name and its text.
const js = (url: string): [string, string] => ['app.js', `import OpenAI from "openai";\nexport const client = new OpenAI({ baseURL: "${url.replace(/\\/g, '\\\\')}" });\n`];
const py = (url: string): [string, string] => ['app.py', `from openai import OpenAI\nclient = OpenAI(base_url="${url.replace(/\\/g, '\\\\')}")\n`];
const yaml = (url: string): [string, string] => ['config.yaml', `llm:\n  base_url: ${url}\n`];
const env = (url: string): [string, string] => ['.env', `OPENAI_BASE_URL=${url}\n`];
const PLACES = { js, py, yaml, env };

describe('fail closed: hosts as the SDK reads them', () => {
  describe('the authority is split as the URL parser splits it', () => {
    // `\` ends the authority of an http(s) URL, so what follows it is the path, not the host.
    const backslash = 'https://api.openai.com\\@eu.api.openai.com/v1';

    for (const [place, write] of Object.entries(PLACES)) {
      it(`a backslash before @ is never the EU host: the SDK's parser reads api.openai.com (${place})`, () => {
        assert.equal(new URL(backslash).hostname, 'api.openai.com');
        const [file, text] = write(backslash);
        const hosts = analyze(file, text).map((e) => e.host);
        assert.deepEqual(hosts, ['api.openai.com']);
        // An RFC 3986 parser (Python's httpx) reads eu.api.openai.com: parsers disagree, so the host cannot be trusted.
        assert.deepEqual(summary(file, text), ['LLMC003 error api.openai.com']);
      });
    }

    it('the last @ of the authority ends the user info', () => {
      for (const [url, host] of [
        ['https://a@b@eu.api.openai.com/v1', 'eu.api.openai.com'],
        ['https://eu.api.openai.com@x@api.openai.com/v1', 'api.openai.com'],
        ['https://user:pa@ss@api.openai.com/v1', 'api.openai.com'],
        ['https://eu.api.openai.com:443@api.openai.com/v1', 'api.openai.com'],
        ['https://api.openai.com#@eu.api.openai.com/v1', 'api.openai.com'],
        ['https://api.openai.com?@eu.api.openai.com/v1', 'api.openai.com'],
      ] as [string, string][]) {
        assert.equal(new URL(url).hostname, host, url);
        assert.equal(hosts.parseUrl(url)?.host, host, url);
        assert.deepEqual(analyze(...py(url)).map((e) => e.host), [host], url);
      }
      assert.deepEqual(summary(...js('https://eu.api.openai.com@x@api.openai.com/v1')), ['LLMC002 error api.openai.com']);
    });

    it('percent-escapes in the host are decoded; in the user info they split nothing', () => {
      for (const [url, host] of [
        ['https://%61pi.openai.com/v1', 'api.openai.com'],
        ['https://eu%2Eapi.openai.com/v1', 'eu.api.openai.com'],
        ['https://eu.api.openai.com%2F@api.openai.com/v1', 'api.openai.com'],
      ] as [string, string][]) {
        assert.equal(hosts.parseUrl(url)?.host, host, url);
        assert.deepEqual(analyze(...env(url)).map((e) => e.host), [host], url);
      }
      assert.deepEqual(summary(...js('https://%61pi.openai.com/v1')), ['LLMC002 error api.openai.com']);
      // A host the parser refuses is not an endpoint: the SDK could not send to it.
      assert.equal(hosts.parseUrl('https://eu.api.openai.com%40api.openai.com/v1'), null);
    });

    it('ports and IPv6 literals', () => {
      assert.deepEqual(hosts.parseUrl('https://eu.api.openai.com:443/v1'), { host: 'eu.api.openai.com', port: '443', path: '/v1', hostStart: 8, hostEnd: 25 });
      assert.equal(hosts.parseUrl('https://eu.api.openai.com:99999/v1'), null, 'a port the parser refuses');
      assert.equal(hosts.parseUrl('https://eu.api.openai.com:44x/v1'), null);
      assert.equal(hosts.parseUrl('localhost:11434')?.port, '11434');
      const v6 = hosts.parseUrl('http://[0:0:0:0:0:0:0:1]:11434/v1');
      assert.deepEqual(v6 && { host: v6.host, port: v6.port }, { host: '[::1]', port: '11434' });
      assert.equal(hosts.parseUrl('http://[::1]@api.openai.com/v1')?.host, 'api.openai.com');
      assert.deepEqual(analyze('a.py', 'import requests\nOLLAMA = "http://[::1]:11434/api/generate"\n').map((e) => e.provider), ['self-hosted']);
      assert.deepEqual(summary(...py('https://api.openai.com:443/v1')), ['LLMC002 error api.openai.com']);
    });

    it('a base URL the parser refuses is judged as no host at all, not as the host taken by hand', () => {
      for (const url of ['https://eu.api.openai.com:99999/v1', 'https://eu.api.openai.com<x>/v1', 'https://xn--a.eu.api.openai.com/v1']) {
        assert.throws(() => new URL(url), TypeError, url);
        for (const write of [py, env]) {
          const [file, text] = write(url);
          const endpoints = analyze(file, text);
          assert.deepEqual(endpoints.map((e) => e.host), [null], `${file}: ${url}`);
          assert.match(endpoints[0]!.unknown ?? '', /the URL parser refuses/);
          assert.deepEqual(summary(file, text), ['LLMC003 warning -'], `${file}: ${url}`);
        }
      }
    });

    it('wss and grpc URLs and bare hosts keep working', () => {
      assert.equal(hosts.parseUrl('wss://api.openai.com/v1/realtime')?.host, 'api.openai.com');
      assert.equal(hosts.parseUrl('grpcs://bedrock-runtime.us-east-1.amazonaws.com:443')?.host, 'bedrock-runtime.us-east-1.amazonaws.com');
      assert.equal(hosts.parseUrl('api.openai.com/v1')?.host, 'api.openai.com');
      assert.equal(hosts.parseUrl('ａｐｉ.openai.com')?.host, 'api.openai.com');
      assert.equal(hosts.parseUrl('bob@api.openai.com'), null, 'an e-mail address is not a bare host');
      assert.equal(hosts.parseUrl('see https://api.openai.com/v1'), null, 'a sentence is not a URL');
      assert.equal(hosts.parseUrl('3.14'), null);
    });

    it('gives the host the URL parser gives, on thousands of generated URLs', () => {
      const parts = ['a', 'api', '.', 'openai', 'com', '/', '\\', '@', ':', '[', ']', '?', '#', '%', '%2e', '%40', '1', '443', '\t', 'ａ', '。', '．', '｡', '\u200B', '\u00AD', 'А', 'а', 'xn--pi-6kc', '::1', '-', ' ', 'ß', 'EU.', '0x7f', '%2F', '\uFF20', '\uFF0F'];
      let seed = 10;
      const random = (n: number): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return Math.floor((seed / 2147483648) * n);
      };
      let parsed = 0;
      for (let i = 0; i < 20000; i++) {
        let body = '';
        for (let n = 1 + random(8); n > 0; n--) body += parts[random(parts.length)];
        for (const scheme of ['https://', 'http:\\\\', 'wss://', 'HTTPS:/']) {
          // Callers trim; the URL parser strips leading and trailing C0 controls and spaces.
          const text = (scheme + body).replace(/\s+$/, '');
          let expected: string | null;
          try {
            expected = new URL(text).hostname.replace(/\.$/, '') || null;
          } catch {
            expected = null;
          }
          const url = hosts.parseUrl(text);
          assert.equal(url?.host ?? null, expected, JSON.stringify(text));
          if (!url) continue;
          parsed++;
          // The offsets hold the host as written: replacing them replaces the host.
          const swapped = text.slice(0, url.hostStart) + 'eu.api.openai.com' + text.slice(url.hostEnd);
          assert.equal(new URL(swapped).hostname, 'eu.api.openai.com', JSON.stringify(text));
        }
      }
      assert.ok(parsed > 10000, `only ${parsed} of the generated URLs parsed`);
    });
  });

  describe('a host that normalises to a catalogued one is that provider', () => {
    const variants: [string, string][] = [
      ['fullwidth letters', 'ａｐｉ.openai.com'],
      ['ideographic full stops (U+3002)', 'api\u3002openai\u3002com'],
      ['fullwidth full stops (U+FF0E)', 'api\uFF0Eopenai\uFF0Ecom'],
      ['halfwidth ideographic full stops (U+FF61)', 'api\uFF61openai\uFF61com'],
      ['a zero-width space (U+200B)', 'api.open\u200Bai.com'],
      ['a soft hyphen (U+00AD)', 'api.open\u00ADai.com'],
      ['upper case', 'API.OpenAI.COM'],
      ['a trailing dot', 'api.openai.com.'],
    ];
    for (const [what, host] of variants) {
      it(`${what}: LLMC002 error, and the EU fix leaves it clean`, () => {
        for (const write of [js, env]) {
          const [file, text] = write(`https://${host}/v1`);
          assert.deepEqual(analyze(file, text).map((e) => [e.provider, e.host]), [['openai', 'api.openai.com']], `${file}: ${host}`);
          const findings = judge(file, text);
          assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['LLMC002 error'], `${file}: ${host}`);
          const fix = findings[0]!.fixes[0];
          assert.ok(fix, `${file}: no EU fix for ${host}`);
          const fixed = applyFix(text, fix);
          assert.ok(fixed.includes('https://eu.api.openai.com/v1'), fixed);
          assert.deepEqual(judge(file, fixed), [], `${file} after the fix:\n${fixed}`);
          assert.deepEqual(analyze(file, fixed).map((e) => e.host), ['eu.api.openai.com']);
        }
      });
    }

    it('a normalised EU host is EU', () => {
      assert.deepEqual(judge(...js('https://ｅｕ.api.openai.com/v1')), []);
      assert.deepEqual(analyze(...js('https://ｅｕ.api.openai.com/v1')).map((e) => e.host), ['eu.api.openai.com']);
    });
  });

  describe('a host that only looks like a catalogued one', () => {
    const lookalikes: [string, string, string][] = [
      ['Cyrillic а (U+0430)', 'https://\u0430pi.openai.com/v1', 'api.openai.com'],
      ['Cyrillic о (U+043E)', 'https://api.\u043Epenai.com/v1', 'api.openai.com'],
      ['Cyrillic е (U+0435)', 'https://api.op\u0435nai.com/v1', 'api.openai.com'],
      ['Cyrillic р (U+0440)', 'https://api.anthro\u0440ic.com/v1', 'api.anthropic.com'],
      ['Cyrillic с (U+0441)', 'https://api.openai.\u0441om/v1', 'api.openai.com'],
      ['Greek ο (U+03BF)', 'https://api.c\u03BFhere.com/v1', 'api.cohere.com'],
      ['Punycode of a Cyrillic а', 'https://xn--pi-6kc.openai.com/v1', 'api.openai.com'],
      ['a letter with an accent', 'https://\u00E1pi.openai.com/v1', 'api.openai.com'],
      ['a Cyrillic о in a regional host', 'https://bedrock-runtime.eu-central-1.amazonaws.c\u043Em', 'bedrock-runtime.eu-central-1.amazonaws.com'],
    ];
    for (const [what, url, imitated] of lookalikes) {
      it(`${what}: LLMC003 error naming ${imitated}`, () => {
        const [file, text] = js(url);
        const [endpoint, ...rest] = analyze(file, text);
        assert.equal(rest.length, 0);
        assert.equal(endpoint?.provider, null);
        assert.equal(endpoint?.lookalikeOf, imitated);
        assert.match(endpoint?.host ?? '', /xn--/, 'the host is shown as the parser gives it, not as the look-alike text');
        for (const policy of [eu, hipaa]) {
          const findings = engine.evaluate([endpoint], policy);
          assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['LLMC003 error'], `${url} under ${policy.require.join()}`);
          assert.ok(findings[0]!.message.includes(`is not ${imitated}, it only looks like it`), findings[0]!.message);
          assert.deepEqual(findings[0]!.fixes, []);
        }
      });
    }

    it('names the characters that imitate', () => {
      const [endpoint] = analyze(...py('https://\u0430pi.\u03BFpenai.com/v1'));
      assert.match(endpoint?.unknown ?? '', /Cyrillic U\+0430 for a, Greek U\+03BF for o/);
    });

    it('is found in config, env files and plain strings too', () => {
      for (const [file, text] of [env('https://\u0430pi.openai.com/v1'), yaml('https://\u0430pi.openai.com/v1'), ['urls.py', 'API = "https://\u0430pi.openai.com/v1"\n'] as [string, string]]) {
        assert.deepEqual(summary(file, text), ['LLMC003 error xn--pi-6kc.openai.com'], file);
      }
    });

    it('stays an error whatever severity the policy gives LLMC003, unless it turns it off', () => {
      const [file, text] = env('https://\u0430pi.openai.com/v1');
      assert.deepEqual(summary(file, text, parsePolicy('p.yaml', 'require: [eu-residency]\nseverity:\n  LLMC003: note\n')), ['LLMC003 error xn--pi-6kc.openai.com']);
      assert.deepEqual(summary(file, text, parsePolicy('p.yaml', 'require: [eu-residency]\nseverity:\n  LLMC003: off\n')), []);
      // Without a residency or BAA requirement it is an ordinary unknown location.
      assert.deepEqual(summary(file, text, parsePolicy('p.yaml', 'require: [soc2-type2]\n')), ['LLMC003 warning xn--pi-6kc.openai.com']);
    });

    it('with an unresolved part of the host, names the catalog pattern it imitates', () => {
      const text = 'import os\nfrom openai import OpenAI\nLOC = os.environ["LOC"]\nclient = OpenAI(base_url=f"https://{LOC}-\u0430iplatform.googleapis.com/v1")\n';
      const [endpoint] = analyze('a.py', text);
      assert.equal(endpoint?.lookalikeOf, '{region}-aiplatform.googleapis.com');
      assert.equal(endpoint?.host, null);
      assert.deepEqual(engine.evaluate([endpoint], eu).map((f) => `${f.ruleId} ${f.severity}`), ['LLMC003 error']);
    });

    it('leaves other hosts alone: real IDN hosts, catalogued patterns and self-hosted names', () => {
      // Not a look-alike of anything: an uncatalogued host, a warning as before.
      assert.deepEqual(summary(...js('https://例え.jp/v1')), ['LLMC003 warning xn--r8jz45g.jp']);
      // A non-ASCII resource name is still on Azure's own domain.
      assert.deepEqual(analyze(...js('https://m\u0443res.openai.azure.com/openai')).map((e) => e.provider), ['azure-openai']);
      // An imitation of a name on your own network borrows no provider's facts.
      assert.equal(engine.index.hosts.lookalike('l\u043Ecalhost'), null);
      assert.equal(engine.index.hosts.lookalike('api.openai.com'), null);
      assert.equal(engine.index.hosts.lookalike('api.openal.com'), null, 'ASCII typos are not Unicode look-alikes');
    });

    it('its confusables table only holds characters a host keeps', () => {
      const table = engine.index.hosts;
      for (const [c, ascii] of [['\u0430', 'a'], ['\u03BF', 'o'], ['\u0585', 'o'], ['\u2010', '-']] as [string, string][]) {
        const written = `q${c}q.com`;
        const host = new URL(`https://${written}`).hostname;
        assert.equal(domainToUnicode(host), written, `the URL parser keeps U+${c.codePointAt(0)!.toString(16)}`);
        assert.ok(table.lookalike(host) === null, 'q?q.com imitates no catalogued host');
        assert.equal(`q${ascii}q.com`.length, written.length);
      }
    });

    it('decodes Punycode labels as the URL parser does', () => {
      for (const host of ['аpi.openai.com', 'ßa', 'пример.рф', 'bücher.de', 'a‐b.com', '例え.jp', 'ａｐｉ-ü', 'xn--ls8h']) {
        const ascii = new URL(`https://${host}`).hostname;
        assert.equal(ascii.split('.').map((l) => labelToUnicode(l)).join('.'), domainToUnicode(ascii), host);
      }
      // Generated labels of several scripts, as the parser encodes them.
      const letters = [...'abcxyz019-аоеросοαρσßüéñ例え日本語пример'];
      for (let i = 0; i < 500; i++) {
        const label = Array.from({ length: 1 + (i % 9) }, (_, j) => letters[(i * 7 + j * 13 + j * j) % letters.length]).join('');
        let ascii: string;
        try {
          ascii = new URL(`https://${label}.com`).hostname.split('.')[0]!;
        } catch {
          continue;
        }
        assert.equal(labelToUnicode(ascii), domainToUnicode(`${ascii}.com`).slice(0, -4), label);
      }
      for (const malformed of ['xn--é', 'xn--ab$', 'xn---', 'xn--99999999999', 'xn--zzzzzzzzzzzzzzzzzz']) assert.equal(labelToUnicode(malformed), null, malformed);
    });
  });

  describe('unresolved parts of a host (HOLE)', () => {
    it('f"https://{LOC}-aiplatform.googleapis.com" is Vertex AI with an unknown region', () => {
      const text = 'import os\nfrom google.cloud import aiplatform\nLOC = os.environ["LOC"]\nurl = f"https://{LOC}-aiplatform.googleapis.com/v1/projects/p/locations/{LOC}"\n';
      const endpoints = analyze('a.py', text);
      assert.equal(endpoints.length, 1);
      for (const e of endpoints) {
        assert.equal(e.provider, 'google-vertex-ai');
        assert.equal(e.host, null);
        assert.equal(e.region, null);
        assert.equal(e.lookalikeOf, undefined);
      }
      assert.ok(judge('a.py', text).every((f) => f.ruleId === 'LLMC003' && f.severity === 'warning'));
    });

    it('keeps HOLE where the URL parser would refuse it: in the host, the port and whole', () => {
      const HOLE = hosts.HOLE;
      assert.equal(hosts.parseUrl(`https://${HOLE}-aiplatform.googleapis.com/v1`)?.host, `${HOLE}-aiplatform.googleapis.com`);
      assert.equal(hosts.parseUrl(`https://${HOLE}/v1`)?.host, HOLE);
      assert.equal(hosts.parseUrl(`https://EU.api.openai.com:${HOLE}/v1`)?.port, HOLE);
      assert.equal(hosts.parseUrl(`https://EU.api.openai.com:${HOLE}/v1`)?.host, 'eu.api.openai.com');
      assert.equal(hosts.parseUrl(`${HOLE}.openai.azure.com`)?.host, `${HOLE}.openai.azure.com`);
      const text = 'import os\nfrom openai import OpenAI\nPORT = os.environ["PORT"]\nclient = OpenAI(base_url=f"https://ｅｕ.api.openai.com:{PORT}/v1")\n';
      assert.deepEqual(analyze('a.py', text).map((e) => e.host), ['eu.api.openai.com']);
    });
  });

  describe("the policy's gateway hosts", () => {
    it('are normalised as the URL parser reads them', () => {
      const policy = parsePolicy('.llm-compliance.yaml', 'gateway:\n  hosts: ["llm-gw.corp.example.", "https://ＧＷ2.corp.example/v1"]\n');
      assert.deepEqual(policy.gateway?.hosts, ['llm-gw.corp.example', 'gw2.corp.example']);
      const text = 'from openai import OpenAI\na = OpenAI(base_url="https://llm-gw.corp.example/v1")\nb = OpenAI(base_url="https://gw2.corp.example/v1")\n';
      assert.deepEqual(judge('a.py', text, policy), []);
      assert.equal(hosts.normalizeHost('https://LLM-GW.corp.example:4000/v1'), 'llm-gw.corp.example');
      assert.equal(hosts.normalizeHost('ｌｌｍ-gw。corp.example.'), 'llm-gw.corp.example');
    });
  });

  describe('the CLI', () => {
    const policy = 'require: [eu-residency]\nresidency: eu-adequacy\nfailOn: error\n';
    for (const [what, url] of [
      ['a backslash before @', 'https://api.openai.com\\@eu.api.openai.com/v1'],
      ['a fullwidth host', 'https://ａｐｉ.openai.com/v1'],
      ['ideographic full stops', 'https://api\u3002openai\u3002com/v1'],
      ['a zero-width space', 'https://api.open\u200Bai.com/v1'],
      ['a Cyrillic look-alike', 'https://\u0430pi.openai.com/v1'],
    ]) {
      it(`exits 1 under failOn: error for ${what}`, () => {
        const [file, text] = js(url!);
        const dir = tempWorkspace({ '.llm-compliance.yaml': policy, [file]: text });
        const r = runCli(['scan', '.', '--format', 'json'], dir);
        assert.equal(r.status, 1, r.stdout + r.stderr);
        const out = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] };
        assert.ok(out.findings.some((f) => f.severity === 'error'), r.stdout);
      });
    }

    it('exits 0 for the genuine EU host, however it is written', () => {
      const dir = tempWorkspace({ '.llm-compliance.yaml': policy, 'app.js': js('https://ｅｕ.api.openai.com/v1')[1], '.env': 'OPENAI_BASE_URL=https://EU.API.OPENAI.COM./v1\n' });
      const r = runCli(['scan', '.', '--format', 'json'], dir);
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });
  });
});

describe('look-alike hosts are read even when the file names nothing in the catalog', () => {
  const policy = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\nresidency: eu-adequacy\n');
  for (const [file, text] of [
    ['config.yaml', 'upstream:\n  url: https://api.anthrоpic.com/v1\n'],
    ['app.py', 'URL = "https://api.оpenai.com/v1"\n'],
    ['app.ts', 'const u = "https://xn--pi-6kc.openai.com/v1";\n'],
  ] as const) {
    it(`${file}: ${JSON.stringify(text.trim().split('\n').at(-1))}`, () => {
      const engine = new Engine();
      for (const content of [text, new TextEncoder().encode(text)]) {
        const r = engine.analyze(file, content);
        const findings = engine.evaluate(r.endpoints, policy);
        assert.ok(findings.some((f) => f.ruleId === 'LLMC003' && f.severity === 'error'), JSON.stringify(findings.map((f) => f.message)));
      }
    });
  }
});

describe('a URL whose host depends on the parser is no provider\'s', () => {
  const policy = parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\nresidency: eu-adequacy\n');
  // JavaScript SDKs (WHATWG) stop the authority at `\`; Python's httpx (RFC 3986) does not.
  for (const [file, text] of [
    ['app.py', 'from openai import OpenAI\nc = OpenAI(base_url="https://eu.api.openai.com\\\\@api.openai.com/v1")\n'],
    ['app.ts', 'import OpenAI from "openai";\nconst c = new OpenAI({ baseURL: "https://eu.api.openai.com\\\\@api.openai.com/v1" });\n'],
    ['.env', 'OPENAI_BASE_URL=https://eu.api.openai.com\\@api.openai.com/v1\n'],
    ['config.yaml', 'model_list:\n  - litellm_params:\n      api_base: "https://eu.api.openai.com\\\\@api.openai.com/v1"\n'],
  ] as const) {
    it(`${file}: an LLMC003 error naming both readings`, () => {
      const engine = new Engine();
      const r = engine.analyze(file, text);
      const findings = engine.evaluate(r.endpoints, policy);
      assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity}`), ['LLMC003 error'], JSON.stringify(r.endpoints));
      assert.match(findings[0]!.message, /eu\.api\.openai\.com.*api\.openai\.com/);
    });
  }
  it('a backslash that both parsers read the same way changes nothing', () => {
    const engine = new Engine();
    const r = engine.analyze('app.py', 'from openai import OpenAI\nc = OpenAI(base_url="https://eu.api.openai.com\\\\v1")\n');
    assert.equal(r.endpoints[0]?.host, 'eu.api.openai.com');
    assert.deepEqual(engine.evaluate(r.endpoints, policy), []);
  });
});
