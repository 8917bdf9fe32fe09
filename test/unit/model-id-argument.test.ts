// A Vercel AI SDK provider function takes the model id first: a constant holding that id is
// not an options object the engine cannot read (sixth full-folder sample, #49).
import * as assert from 'node:assert/strict';
import { found } from '../support/found';

describe('a model id passed as a constant', () => {
  it('leaves the provider\'s default endpoint known', () => {
    const text = "import { groq } from '@ai-sdk/groq';\nconst MODEL = 'openai/gpt-oss-120b';\nexport const model = groq(MODEL);\n";
    assert.deepEqual(found('caching.ts', text).map((e) => [e.line, e.provider, e.region, e.unknown ?? null]), [[3, 'groq', 'global', null]]);
  });

  it('while an options object the file does not define stays unknown', () => {
    const text = "import { createGroq } from '@ai-sdk/groq';\nimport { settings } from './settings';\nexport const provider = createGroq(settings);\n";
    const [e] = found('provider.ts', text);
    assert.equal(e!.provider, 'groq');
    assert.match(e!.unknown ?? '', /settings/);
  });
});
