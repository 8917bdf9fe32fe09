// The catalog is the product's evidence: it must validate against its schema, and
// every fact must carry a source and the date it was checked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { catalog } from '../../src/core/catalog/data';
import { PROVIDER_IDS, type Source } from '../../src/core/catalog/types';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/catalog.schema.json'), 'utf8'));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every object in the catalog that has a `sources` array, with its path. */
function factsWithSources(node: unknown, at: string, out: { at: string; node: Record<string, unknown> }[] = []): typeof out {
  if (Array.isArray(node)) node.forEach((x, i) => factsWithSources(x, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if ('sources' in obj) out.push({ at, node: obj });
    for (const [k, v] of Object.entries(obj)) if (k !== 'sources') factsWithSources(v, `${at}.${k}`, out);
  }
  return out;
}

describe('provider catalog', () => {
  it('validates against schemas/catalog.schema.json', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const ok = validate(JSON.parse(JSON.stringify(catalog)));
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  });

  it('has exactly the contract provider ids, in order', () => {
    assert.deepEqual(catalog.providers.map((p) => p.id), [...PROVIDER_IDS]);
    assert.deepEqual(schema.definitions.providerId.enum, [...PROVIDER_IDS]);
    const policySchema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/policy.schema.json'), 'utf8'));
    assert.deepEqual(policySchema.definitions.providerId.enum, [...PROVIDER_IDS]);
  });

  it('gives every fact at least one source with a URL and a check date no later than the catalog version', () => {
    const facts = factsWithSources(catalog, 'catalog');
    assert.ok(facts.length > 300, `only ${facts.length} facts with sources`);
    for (const { at, node } of facts) {
      const sources = node.sources as Source[];
      assert.ok(Array.isArray(sources) && sources.length > 0, `${at} has no source`);
      for (const s of sources) {
        assert.match(s.url, /^https:\/\/\S+$/, `${at}: bad source URL ${s.url}`);
        assert.match(s.checked, DATE, `${at}: source ${s.url} has no check date`);
        assert.ok(s.checked <= catalog.version, `${at}: ${s.url} checked ${s.checked}, after the catalog version ${catalog.version}`);
      }
    }
  });

  it('says why wherever a fact is unknown', () => {
    for (const { at, node } of factsWithSources(catalog, 'catalog')) {
      const unknown = ('value' in node && node.value === null) || ('euResident' in node && node.euResident === null);
      if (unknown) assert.ok(typeof node.note === 'string' && node.note.length > 10, `${at} is unknown without a note`);
    }
  });

  it('keeps the research traps: London and Zurich are not EU', () => {
    const region = (set: string, id: string) => catalog.regionSets.find((s) => s.id === set)!.locations.find((l) => l.id === id);
    for (const [set, id] of [['aws', 'eu-west-2'], ['aws', 'eu-central-2'], ['gcp', 'europe-west2'], ['gcp', 'europe-west6'], ['azure', 'uksouth'], ['azure', 'switzerlandnorth'], ['ibm', 'eu-gb']] as const) {
      assert.equal(region(set, id)?.euResident, false, `${set} ${id}`);
    }
    for (const [set, id] of [['aws', 'eu-central-1'], ['gcp', 'europe-west4'], ['azure', 'swedencentral'], ['ibm', 'eu-de']] as const) {
      assert.equal(region(set, id)?.euResident, true, `${set} ${id}`);
    }
    assert.equal(region('gcp', 'global')?.euResident, false);
  });

  it('has host locations and region patterns that resolve', () => {
    for (const set of catalog.regionSets) for (const p of set.patterns) assert.doesNotThrow(() => new RegExp(p.pattern), `${set.id} ${p.pattern}`);
    for (const p of catalog.providers) {
      for (const h of p.hosts) {
        if (!h.location) continue;
        const inProvider = p.locations?.some((l) => l.id === h.location);
        const inSet = catalog.regionSets.find((s) => s.id === h.regionSet)?.locations.some((l) => l.id === h.location);
        assert.ok(inProvider || inSet, `${p.id} host ${h.pattern}: location ${h.location} is defined nowhere`);
      }
    }
  });
});
