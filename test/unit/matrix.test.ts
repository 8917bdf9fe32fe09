// The compliance matrix model, the webview's message validation, and writing the filter
// into a policy file.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import type { BaaStatus, Catalog, GpaiStatus, ProviderId } from '../../src/core/catalog/types';
import { complianceMatrix, filterMatrix, matrixMarkdown } from '../../src/core/matrix';
import { parsePolicy } from '../../src/core/policy/policy';
import { withRequirements } from '../../src/extension/sidebar/policy-edit-text';
import { parseViewRequest } from '../../src/webview/protocol';

const TODAY = '2026-11-27';

/** The catalog with one provider's BAA or GPAI value replaced, to test how the matrix judges a value no provider has today. */
function withPosture(id: ProviderId, change: { baa?: BaaStatus; gpai?: GpaiStatus }): Catalog {
  return {
    ...catalog,
    providers: catalog.providers.map((p) => p.id !== id ? p : {
      ...p,
      posture: {
        ...p.posture,
        ...(change.baa ? { baa: { ...p.posture.baa, value: change.baa } } : {}),
        ...(change.gpai ? { euAiActGpai: { ...p.posture.euAiActGpai, value: change.gpai } } : {}),
      },
    }),
  };
}

describe('compliance matrix', () => {
  it('has one row per provider, statuses from the catalog, and never shows an unknown as met', () => {
    const rows = complianceMatrix(catalog, { today: TODAY });
    assert.deepEqual(rows.map((r) => r.provider), catalog.providers.map((p) => p.id));
    const together = rows.find((r) => r.provider === 'together')!;
    assert.equal(together.cells.baa.status, 'unknown');
    assert.ok(!filterMatrix(rows, ['hipaa']).some((r) => r.provider === 'together'));
    const xai = rows.find((r) => r.provider === 'xai')!;
    assert.equal(xai.cells.baa.status, 'conditional');
    assert.equal(rows.find((r) => r.provider === 'google-gemini-api')!.cells.training.good, false);
  });

  it('judges requirements as the engine does: a partial GPAI signature fails, EU residency needs an option inside the zone, host-level BAAs show', () => {
    const rows = complianceMatrix(catalog, { today: TODAY });
    const row = (id: string) => rows.find((r) => r.provider === id)!;
    // Only third parties report xAI's partial signature: unknown, and never shown as met.
    assert.equal(row('xai').cells.gpai.status, 'unknown');
    assert.ok(!filterMatrix(rows, ['eu-ai-act-gpai']).some((r) => r.provider === 'xai'));
    const partial = complianceMatrix(withPosture('xai', { gpai: 'partial' }), { today: TODAY });
    assert.equal(partial.find((r) => r.provider === 'xai')!.cells.gpai.status, 'conditional');
    assert.ok(!filterMatrix(partial, ['eu-ai-act-gpai']).some((r) => r.provider === 'xai'));
    const strict = { require: ['eu-residency' as const], baa: [] };
    const strictRows = complianceMatrix(catalog, { today: TODAY, policy: strict });
    const fails = (id: string) => strictRows.find((r) => r.provider === id)!.fails;
    assert.deepEqual(fails('openai'), ['eu-residency'], 'OpenAI\'s EU zone also uses Switzerland');
    assert.deepEqual(fails('aws-bedrock'), [], 'Bedrock has EU regions');
    assert.equal(row('huggingface').cells.baa.status, 'conditional');
    assert.ok(row('huggingface').cells.baa.details.some((d) => d.includes('router.huggingface.co')));
    assert.equal(row('vercel-ai-gateway').cells.eu.endpoints, undefined, 'no EU endpoints listed under an unknown');
    // A BAA the team lists as signed passes unless the catalog says none is offered (as LLMC001 does).
    // Mistral's BAA is unknown (no Mistral page offers or refuses one), so listing it passes.
    const policy = { require: ['hipaa' as const], baa: ['together' as const, 'mistral' as const] };
    const listed = complianceMatrix(catalog, { today: TODAY, policy });
    assert.deepEqual(listed.find((r) => r.provider === 'together')!.fails, []);
    assert.deepEqual(listed.find((r) => r.provider === 'mistral')!.fails, []);
    const refused = complianceMatrix(withPosture('mistral', { baa: 'not-available' }), { today: TODAY, policy });
    assert.deepEqual(refused.find((r) => r.provider === 'mistral')!.fails, ['hipaa']);
  });

  it('marks facts checked before the review window as stale', () => {
    const fresh = complianceMatrix(catalog, { today: TODAY });
    const later = complianceMatrix(catalog, { today: '2028-01-01' });
    const stale = (rows: typeof fresh) => rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.stale).length;
    assert.equal(stale(fresh), 0);
    assert.ok(stale(later) > 0);
  });

  it('under a policy, marks what each provider cannot meet, HIPAA only with a signed BAA', () => {
    const rows = complianceMatrix(catalog, { today: TODAY, policy: { require: ['hipaa', 'eu-residency'], baa: ['aws-bedrock'] } });
    const fails = Object.fromEntries(rows.map((r) => [r.provider, r.fails]));
    assert.deepEqual(fails['aws-bedrock'], []);
    // OpenAI's only European zone also uses Iceland, Liechtenstein, Norway and Switzerland: not the default EU-27 zone.
    assert.deepEqual(fails['openai'], ['hipaa', 'eu-residency']);
    assert.deepEqual(fails['anthropic'], ['hipaa', 'eu-residency']);
  });

  it('the filter and the row markers read one judgement: a provider the filter keeps never fails what was ticked', () => {
    // The issue: "11 providers can meet HIPAA" (BAA offered) beside OpenAI's "Cannot meet: HIPAA" (BAA not signed).
    const policy = { require: ['hipaa' as const, 'eu-residency' as const, 'soc2-type2' as const], baa: ['aws-bedrock' as const, 'google-vertex-ai' as const, 'azure-openai' as const] };
    const rows = complianceMatrix(catalog, { today: TODAY, policy });
    for (const r of policy.require) {
      const kept = new Set(filterMatrix(rows, [r]).map((x) => x.provider));
      for (const row of rows) assert.equal(kept.has(row.provider), !row.fails.includes(r), `${row.provider} / ${r}`);
    }
    const openai = rows.find((r) => r.provider === 'openai')!;
    assert.equal(openai.cells.baa.status, 'yes', 'OpenAI offers a BAA');
    assert.equal(openai.unmet.hipaa?.short, 'not signed', 'but the policy has not signed it');
    assert.ok(!filterMatrix(rows, ['hipaa']).some((r) => r.provider === 'openai'));
    // Without a policy, an offered BAA is what HIPAA can mean.
    assert.ok(filterMatrix(complianceMatrix(catalog, { today: TODAY }), ['hipaa']).some((r) => r.provider === 'openai'));
  });

  it('exports Markdown with every provider and a linked, dated source per value', () => {
    const md = matrixMarkdown(complianceMatrix(catalog, { today: TODAY }), { catalogVersion: catalog.version, today: TODAY });
    const lines = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Provider'));
    assert.equal(lines.length, catalog.providers.length);
    assert.match(md, /\[available\]\(https:\/\/[^)]+\) 20\d\d-\d\d-\d\d/);
  });
});

describe('matrix view messages', () => {
  it('accept only well-formed requests', () => {
    assert.deepEqual(parseViewRequest({ type: 'filter', requirements: ['hipaa', 'hipaa'] }), { type: 'filter', requirements: ['hipaa'] });
    assert.equal(parseViewRequest({ type: 'filter', requirements: ['gdpr'] }), undefined);
    assert.equal(parseViewRequest({ type: 'openProvider', provider: '../../etc' }), undefined);
    assert.equal(parseViewRequest({ type: 'run', command: 'rm' }), undefined);
    assert.equal(parseViewRequest('ready'), undefined);
    assert.deepEqual(parseViewRequest({ type: 'ready', extra: 1 }), { type: 'ready' });
  });
});

describe('writing the filter into a policy', () => {
  it('changes only require:, keeping comments, in YAML and JSON', () => {
    const yaml = '# Clinic policy\nrequire: [hipaa]  # what we need\nbaa: [aws-bedrock]\n';
    const out = withRequirements('.llm-compliance.yaml', yaml, ['hipaa', 'eu-residency']);
    assert.equal(out, '# Clinic policy\nrequire: [hipaa, eu-residency]  # what we need\nbaa: [aws-bedrock]\n');
    const block = withRequirements('.llm-compliance.yaml', 'require:\n  - hipaa\nbaa: []\n', ['eu-residency']);
    assert.deepEqual(parsePolicy('.llm-compliance.yaml', block).require, ['eu-residency']);
    assert.equal(withRequirements('.llm-compliance.yaml', '# only comments\nbaa: []\n', ['hipaa']), '# only comments\nrequire: [hipaa]\nbaa: []\n');
    assert.equal(withRequirements('.llm-compliance.yaml', '---\n# c\nbaa: []\n', ['hipaa']), '---\n# c\nrequire: [hipaa]\nbaa: []\n');
    assert.equal(withRequirements('.llm-compliance.yaml', 'require:\n  - hipaa\nbaa: []\n', ['hipaa', 'eu-residency']), 'require:\n  - hipaa\n  - eu-residency\nbaa: []\n');
    assert.equal(withRequirements('.llm-compliance.yaml', '# head\r\nbaa: []\r\n', ['hipaa']), '# head\r\nrequire: [hipaa]\r\nbaa: []\r\n');
    assert.match(withRequirements('.llm-compliance.json', '{\n\t"baa": []\n}\n', ['hipaa']), /\n\t"require": \[\n\t\t"hipaa"/);
    const json = '{\n  "baa": ["aws-bedrock"]\n}\n';
    assert.deepEqual(parsePolicy('.llm-compliance.json', withRequirements('.llm-compliance.json', json, ['eu-residency'])).require, ['eu-residency']);
  });
});
