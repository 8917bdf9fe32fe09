// @ai-sdk/google-vertex in express mode: createGoogleVertex({ apiKey }) sends requests to the
// global host aiplatform.googleapis.com whatever the location (the provider's EXPRESS_MODE_BASE_URL).
import * as assert from 'node:assert/strict';
import { targets } from '../support/found';

describe('Vertex AI express mode in the AI SDK', () => {
  it('an API key selects the global host; a location without one keeps its region; neither stays unknown', () => {
    const lines = [
      "import { createGoogleVertex } from '@ai-sdk/google-vertex';",
      'const express = createGoogleVertex({ apiKey: process.env.GOOGLE_VERTEX_API_KEY });',
      "const regional = createGoogleVertex({ location: 'europe-west4', project: 'clinic' });",
      'const unset = createGoogleVertex();',
    ];
    assert.deepEqual(targets('src/models.ts', lines), [
      { provider: 'google-vertex-ai', host: 'aiplatform.googleapis.com', region: 'global' },
      { provider: 'google-vertex-ai', host: 'europe-west4-aiplatform.googleapis.com', region: 'europe-west4' },
      { provider: 'google-vertex-ai', host: null, region: null },
    ]);
  });
});
