// "Did you mean": the close match for a mistyped id, and no guess when none is close or two tie.
import * as assert from 'node:assert/strict';
import { closestMatch, editDistance } from '../../src/core/suggest';
import { REQUIREMENTS } from '../../src/core/policy/policy';
import { PROVIDER_IDS } from '../../src/core/catalog/types';

describe('closestMatch', () => {
  it('counts a swap of two letters as one edit', () => {
    assert.equal(editDistance('hipaa', 'hipaa'), 0);
    assert.equal(editDistance('hipa', 'hipaa'), 1);
    assert.equal(editDistance('hiapa', 'hipaa'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('finds the id a typo, a case slip or a part of the name meant', () => {
    assert.equal(closestMatch('hipa', REQUIREMENTS), 'hipaa');
    assert.equal(closestMatch('HIPAA', REQUIREMENTS), 'hipaa');
    assert.equal(closestMatch('eu-residence', REQUIREMENTS), 'eu-residency');
    assert.equal(closestMatch('iso2701', REQUIREMENTS), 'iso27001');
    assert.equal(closestMatch('bedrock', PROVIDER_IDS), 'aws-bedrock');
    assert.equal(closestMatch('antropic', PROVIDER_IDS), 'anthropic');
    assert.equal(closestMatch('bedrok', PROVIDER_IDS), 'aws-bedrock');
    assert.equal(closestMatch('vertx-ai', PROVIDER_IDS), 'google-vertex-ai');
    assert.equal(closestMatch('residency', REQUIREMENTS), 'eu-residency');
  });

  it('makes no guess when nothing is close, when two candidates tie, or for an exact id', () => {
    assert.equal(closestMatch('gdpr', REQUIREMENTS), undefined);
    assert.equal(closestMatch('LLMC009', ['LLMC001', 'LLMC008']), undefined);
    assert.equal(closestMatch('iso', REQUIREMENTS), undefined);
    assert.equal(closestMatch('hipaa', REQUIREMENTS), undefined);
    assert.equal(closestMatch('', REQUIREMENTS), undefined);
    // A long way off in edits even though short: "xy" is not "xai".
    assert.equal(closestMatch('zz', PROVIDER_IDS), undefined);
  });
});
