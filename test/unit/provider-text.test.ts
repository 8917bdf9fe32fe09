// The provider details page, rendered for every catalog provider: catalog text joined as
// sentences, never "account.; Do not" or "scopes..".
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { complianceMatrix } from '../../src/core/matrix';
import { providerBody, sentences } from '../../src/extension/sidebar/provider-text';

const TODAY = '2026-12-03';

/**
 * The page's text as a reader sees it (tags become breaks, entities are decoded), with what
 * legitimately has stops inside masked: ellipses in quotations ("..."), "e.g.", "i.e.", and
 * Bedrock's model-id prefixes listed as "(us., eu., apac.)".
 */
function text(html: string): string[] {
  return html.split(/<[^>]+>/)
    .map((t) => t.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).trim())
    .map((t) => t.replace(/\.\.\./g, '…').replace(/\b(e\.g|i\.e|etc)\./g, 'x').replace(/\b[a-z]{2,6}\.(?=[,)])/g, 'x'))
    .filter(Boolean);
}

/** Joins that read as glitches: two stops, a stop before a semicolon or comma, a space before a stop. */
const GLITCHES: [RegExp, string][] = [
  [/(?<!\.)\.\.(?!\.)/, '".."'],
  [/[.!?]\s*[;,:]/, 'a stop before ; , or :'],
  [/[;,:]\s*\./, '; , or : before a stop'],
  [/\s[.;,]/, 'a space before punctuation'],
  [/…\s*[;,]/, 'an ellipsis before ; or ,'],
  [/;\s*;/, 'two semicolons'],
];

describe('provider details text', () => {
  it('joins parts as sentences, one stop each', () => {
    assert.equal(sentences(['BAA available', 'Enterprise account.', 'Do not send PHI to preview models.']), 'BAA available. Enterprise account. Do not send PHI to preview models.');
    assert.equal(sentences(['scopes.', undefined, '', ' needs an approval; ']), 'scopes. needs an approval.');
    assert.equal(sentences(['(see the terms.)', 'Yes?']), '(see the terms.) Yes?');
  });

  for (const policy of [undefined, { require: ['hipaa' as const, 'eu-residency' as const, 'soc2-type2' as const], baa: ['aws-bedrock' as const], source: '.llm-compliance.yaml' }]) {
    it(`renders every catalog provider without joining glitches (${policy ? 'with' : 'without'} a policy)`, () => {
      const rows = complianceMatrix(catalog, { today: TODAY, ...(policy ? { policy } : {}) });
      const found: string[] = [];
      for (const p of catalog.providers) {
        const html = providerBody(p, rows.find((r) => r.provider === p.id)!, { uses: ['api.example.com (global)'], ...(policy ? { policy } : {}) });
        for (const t of text(html)) for (const [re, what] of GLITCHES) if (re.test(t)) found.push(`${p.id}: ${what}: …${t.slice(Math.max(0, t.search(re) - 30), t.search(re) + 30)}…`);
      }
      assert.deepEqual(found, []);
    });
  }
});
