// Facts from the vendors themselves: a yes/no in the catalog rests on the vendor's own page
// (for the GPAI code, the European Commission's list), a "no" says what that page states,
// and third-party claims stay in the note of an unknown (null) fact.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { isFirstParty, isVendorSource, onDomain } from '../../src/core/catalog/sources';
import type { Fact, Posture, Provider, Source } from '../../src/core/catalog/types';

/** Values that say nothing about the vendor: unknown, or the question does not apply. */
const NOT_A_CLAIM = new Set<unknown>([null, 'not-applicable']);
/** Values that say "no": they need the vendor's own statement, never silence. */
const NEGATIVE = new Set<unknown>([false, 'not-available', 'not-signed']);

interface PostureFact { provider: Provider; key: keyof Posture; at: string; fact: Fact<unknown> }

/** Every posture fact, and every host-level BAA fact, of every provider. */
function postureFacts(): PostureFact[] {
  const out: PostureFact[] = [];
  for (const provider of catalog.providers) {
    for (const [key, fact] of Object.entries(provider.posture) as [keyof Posture, Fact<unknown>][]) {
      out.push({ provider, key, at: `${provider.id}.posture.${key}`, fact });
    }
    for (const host of provider.hosts) if (host.baa) out.push({ provider, key: 'baa', at: `${provider.id} host ${host.pattern} baa`, fact: host.baa });
  }
  return out;
}

/** Every source of a provider, wherever it is cited (posture, hosts, clients, env, locations...). */
function providerSources(node: unknown, at: string, out: { at: string; source: Source }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((x, i) => providerSources(x, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'sources') for (const s of v as Source[]) out.push({ at, source: s });
      else providerSources(v, `${at}.${k}`, out);
    }
  }
  return out;
}

/** Every object with sources under `node`, with the date its oldest source was checked (as the matrix shows it). */
function checkedFacts(node: unknown, at: string, out: { at: string; oldest: string }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((x, i) => checkedFacts(x, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (Array.isArray(obj.sources)) out.push({ at, oldest: (obj.sources as Source[]).map((s) => s.checked).sort()[0]! });
    for (const [k, v] of Object.entries(obj)) if (k !== 'sources') checkedFacts(v, `${at}.${k}`, out);
  }
  return out;
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

// Self-hosted has no vendor: its posture says what follows from running the model yourself.
const vendors = catalog.providers.filter((p) => p.kind !== 'self-hosted');

describe('catalog sources: facts from the vendors themselves', () => {
  describe('vendor domains', () => {
    it('match a host, its subdomains and path prefixes by whole label and segment', () => {
      assert.ok(onDomain('https://help.openai.com/en/articles/1', 'openai.com'));
      assert.ok(onDomain('https://openai.com/policies', 'openai.com'));
      assert.ok(!onDomain('https://notopenai.com/x', 'openai.com'));
      assert.ok(!onDomain('https://openai.com.evil.example/x', 'openai.com'));
      assert.ok(onDomain('https://github.com/Portkey-AI/docs-core/blob/x/a.mdx', 'github.com/portkey-ai'));
      assert.ok(!onDomain('https://github.com/portkey-ai-fork/docs', 'github.com/portkey-ai'));
      assert.ok(!onDomain('https://github.com/other/repo', 'github.com/portkey-ai'));
    });

    it('treat community answers on a vendor site as third party', () => {
      const azure = catalog.providers.find((p) => p.id === 'azure-openai')!;
      assert.ok(isVendorSource({ url: 'https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/deployment-types', checked: catalog.version }, azure));
      assert.ok(!isVendorSource({ url: 'https://learn.microsoft.com/en-us/answers/a/1864789', checked: catalog.version }, azure));
    });

    it('accept the Commission only for the GPAI Code of Practice', () => {
      const openai = catalog.providers.find((p) => p.id === 'openai')!;
      const ec = { url: 'https://digital-strategy.ec.europa.eu/en/policies/contents-code-gpai', checked: catalog.version };
      assert.ok(isFirstParty(ec, openai, 'euAiActGpai'));
      assert.ok(!isFirstParty(ec, openai, 'soc2Type2'));
    });

    it('are listed for every provider that has a vendor', () => {
      for (const p of vendors) assert.ok(p.vendorDomains.length > 0, `${p.id} lists no vendor domains`);
    });
  });

  it('gives every yes/no posture fact at least one first-party source', () => {
    const missing: string[] = [];
    for (const { provider, key, at, fact } of postureFacts()) {
      if (provider.kind === 'self-hosted' || NOT_A_CLAIM.has(fact.value)) continue;
      if (!fact.sources.some((s) => isFirstParty(s, provider, key))) {
        missing.push(`${at} = ${JSON.stringify(fact.value)} rests only on ${fact.sources.map((s) => s.url).join(', ')}`);
      }
    }
    assert.deepEqual(missing, [], 'set these to null and keep the third-party claim in the note, or cite the vendor page');
  });

  it('backs every "no" with a first-party source and what that page states', () => {
    const silent: string[] = [];
    for (const { provider, key, at, fact } of postureFacts()) {
      if (provider.kind === 'self-hosted' || !NEGATIVE.has(fact.value)) continue;
      const firstParty = fact.sources.some((s) => isFirstParty(s, provider, key));
      if (!firstParty || !fact.vendorStatement || fact.vendorStatement.length < 10) silent.push(`${at} = ${JSON.stringify(fact.value)}`);
    }
    assert.deepEqual(silent, [], 'absence of evidence is null, never no: cite the vendor page and say in vendorStatement what it states');
  });

  it('flags a posture source as third party exactly when it is not the vendor\'s (or, for the GPAI code, the Commission\'s) page', () => {
    const wrong: string[] = [];
    for (const { provider, key, at, fact } of postureFacts()) {
      if (provider.kind === 'self-hosted') continue;
      for (const s of fact.sources) {
        const firstParty = isFirstParty(s, provider, key);
        if (firstParty === (s.thirdParty === true)) wrong.push(`${at}: ${s.url} is ${firstParty ? 'first party but flagged thirdParty' : 'third party but not flagged'}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('never flags a source on the provider\'s own domain as third party, wherever it is cited', () => {
    const wrong: string[] = [];
    for (const p of catalog.providers) {
      for (const { at, source } of providerSources(p, p.id)) if (source.thirdParty && isVendorSource(source, p)) wrong.push(`${at}: ${source.url}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('marks a fact resting only on third parties as uncertain or unknown, never as settled', () => {
    for (const { at, fact } of postureFacts()) {
      if (fact.value !== null && fact.sources.every((s) => s.thirdParty)) assert.ok(fact.uncertain, `${at} rests only on third parties`);
    }
  });

  // Reports facts due for review. The matrix marks a fact stale when its oldest source was
  // checked more than reviewWindowDays before today; this prints every such fact. It fails
  // only when a posture fact (what policies are judged on) was already stale on the day of
  // the catalog's own review (catalog.version): bumping the version means re-checking them.
  it(`reports facts older than the review window (${catalog.reviewWindowDays} days) and fails on posture facts stale at the catalog version`, () => {
    const today = new Date().toISOString().slice(0, 10);
    const roots: [string, unknown][] = [
      ...catalog.providers.map((p): [string, unknown] => [p.id, p]),
      ['regionSets', catalog.regionSets], ['litellm', catalog.litellm], ['portkey', catalog.portkey], ['unlistedApis', catalog.unlistedApis ?? []],
    ];
    const all = roots.flatMap(([name, node]) => checkedFacts(node, name));
    const staleToday = all.filter((f) => f.oldest < daysBefore(today, catalog.reviewWindowDays));
    if (staleToday.length) {
      console.log(`      ${staleToday.length} of ${all.length} facts were last checked more than ${catalog.reviewWindowDays} days before ${today}:`);
      for (const f of staleToday) console.log(`        ${f.oldest}  ${f.at}`);
    } else {
      console.log(`      all ${all.length} facts were checked within ${catalog.reviewWindowDays} days of ${today}`);
    }
    const reviewCutoff = daysBefore(catalog.version, catalog.reviewWindowDays);
    const stalePosture = all.filter((f) => /\.posture\.|\.baa$/.test(f.at) && f.oldest < reviewCutoff);
    assert.deepEqual(stalePosture.map((f) => `${f.oldest} ${f.at}`), [], `posture facts checked before ${reviewCutoff} (catalog version ${catalog.version} minus ${catalog.reviewWindowDays} days)`);
  });
});
