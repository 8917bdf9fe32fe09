// One finding per problem: a setting read by code is reported once, at the setting, and the
// reading code's endpoint is still judged by it (never counted as compliant).
import * as assert from 'node:assert/strict';
import { toText } from '../../src/cli/format/text';
import { Engine } from '../../src/core/engine';
import { endpointsJudgedBy } from '../../src/core/rules/one-per-problem';
import { parsePolicy } from '../../src/core/policy/policy';
import { WorkspaceIndex } from '../../src/core/workspace';

const engine = new Engine();

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex(engine, parsePolicy('.llm-compliance.yaml', 'require: [eu-residency]\n'), { today: () => '2026-11-27' });
  for (const [file, text] of Object.entries(files)) index.set(file, text);
  return index;
}

describe('one finding per problem', () => {
  const files = {
    '.env': 'OPENAI_BASE_URL=https://api.openai.com/v1\n',
    'app.py': 'import openai\nclient = openai.OpenAI()\n',
    'worker.py': 'import openai\nother = openai.OpenAI()\n',
  };

  it('reports a failing setting once, at the setting, and lists every reading endpoint as judged by it', () => {
    const r = indexOf(files).results();
    assert.deepEqual(r.findings.map((f) => `${f.file} ${f.ruleId}`), ['.env LLMC002']);
    const judged = endpointsJudgedBy(r.findings[0]!).map((e) => e.file).sort();
    assert.deepEqual(judged, ['.env', 'app.py', 'worker.py']);
    assert.deepEqual(r.findings[0]!.related?.map((x) => x.file).sort(), ['app.py', 'worker.py']);
  });

  it('never counts a reading endpoint as compliant in the text summary', () => {
    const r = indexOf(files).results();
    const text = toText({ endpoints: r.endpoints, findings: r.findings, notes: [], filesScanned: 3, policy: { source: '.llm-compliance.yaml', require: ['eu-residency'] }, texts: new Map(Object.entries(files)) } as never, { color: false });
    assert.match(text, /3 endpoints \(0 compliant\)/);
  });

  it('keeps the code\'s finding when the setting is a different problem', () => {
    // The setting goes to the EU endpoint; the code overrides it with a US one.
    const r = indexOf({ '.env': 'OPENAI_BASE_URL=https://eu.api.openai.com/v1\n', 'app.py': 'import openai\nclient = openai.OpenAI(base_url="https://api.openai.com/v1")\n' }).results();
    assert.ok(r.findings.some((f) => f.file === 'app.py' && f.ruleId === 'LLMC002'));
  });
});
