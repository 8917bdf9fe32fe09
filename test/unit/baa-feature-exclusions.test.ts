// A vendor's BAA may cover its API except named features: the catalog lists them (with the
// vendor's page) and the code that shows a request uses one. A request made with such a feature
// is not covered (baaAvailable false); a feature used elsewhere in the file leaves coverage open
// (null); a file without one keeps the provider's BAA.
import * as assert from 'node:assert/strict';
import { catalog } from '../../src/core/catalog/data';
import { isVendorSource } from '../../src/core/catalog/sources';
import type { Catalog, Provider } from '../../src/core/catalog/types';
import { Engine } from '../../src/core/engine';
import type { Endpoint, Finding } from '../../src/core/model';
import { parsePolicy } from '../../src/core/policy/policy';
import { runCli, tempWorkspace } from '../support/cli';

const engine = new Engine();
const HIPAA = parsePolicy('.llm-compliance.yaml', 'require: [hipaa]\nbaa: [anthropic, openai]\n');

function endpoints(file: string, text: string, e: Engine = engine): Endpoint[] {
  return e.analyze(file, text).endpoints;
}
function judge(file: string, text: string, e: Engine = engine): Finding[] {
  return e.evaluate(endpoints(file, text, e), HIPAA);
}
function only(file: string, text: string, e: Engine = engine): Endpoint {
  const found = endpoints(file, text, e);
  assert.equal(found.length, 1, `one endpoint in ${file}: ${JSON.stringify(found.map((x) => x.via))}`);
  return found[0]!;
}

const anthropic = catalog.providers.find((p) => p.id === 'anthropic')!;
const RETENTION_PAGE = /^https:\/\/platform\.claude\.com\/docs\/en\/manage-claude\/api-and-data-retention/;

// Vercel AI SDK: the model and the tool sit in the same generateText call.
const VERCEL_CODE_EXECUTION = `import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';

export async function tabulateVisits(notes: string) {
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    tools: {
      sandbox: anthropic.tools.codeExecution_20250825(),
    },
    prompt: 'Count the visits per clinic in these notes: ' + notes,
  });
  return text;
}
`;

// The same shape with web search, which the vendor lists as HIPAA eligible.
const VERCEL_WEB_SEARCH = VERCEL_CODE_EXECUTION.replace('sandbox: anthropic.tools.codeExecution_20250825()', 'lookup: anthropic.tools.webSearch_20250305({ maxUses: 2 })');

// A model built on its own line, and a web fetch tool used in a call the engine cannot tie to it.
const VERCEL_SPLIT = `import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';

const drafting = anthropic('claude-haiku-4-5');

export async function draftLetter(model: Parameters<typeof generateText>[0]['model'], url: string) {
  return generateText({
    model,
    tools: { reader: anthropic.tools.webFetch_20250910() },
    prompt: 'Summarise the page at ' + url,
  });
}

export const defaultModel = drafting;
`;

// Anthropic Python SDK: requests through the client that carry the web fetch tool.
const PY_WEB_FETCH = `import anthropic

client = anthropic.Anthropic()


def answer(question: str) -> str:
    reply = client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=600,
        tools=[{"type": "web_fetch_20250910", "name": "web_fetch", "max_uses": 3}],
        messages=[{"role": "user", "content": question}],
    )
    return reply.content[0].text
`;

// The tool list is a module constant: which requests use it is not written at the call.
const PY_TOOLS_CONSTANT = `import anthropic

SANDBOX_TOOLS = [{"type": "code_execution_20250825", "name": "code_execution"}]

client = anthropic.Anthropic()


def run(question, tools):
    return client.messages.create(model="claude-sonnet-4-5", max_tokens=400, tools=tools, messages=[{"role": "user", "content": question}])
`;

const PY_PLAIN = `import anthropic

client = anthropic.Anthropic()

# Code execution (code_execution_20250825) is not used here: only plain messages.
SCORE_KEY = "code_execution_check"  # a name that only starts like a tool type


def summarise(note: str) -> str:
    reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": note}])
    return reply.content[0].text
`;

const PY_BATCHES = `from anthropic import Anthropic

client = Anthropic()

def submit(requests):
    return client.messages.batches.create(requests=requests)
`;

const PY_BETA = `from anthropic import Anthropic

client = Anthropic()

def ask(question):
    return client.beta.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=300,
        betas=["interleaved-thinking-2025-05-14"],
        messages=[{"role": "user", "content": question}],
    )
`;

// Java: a type imported from the Files API package is no request that uses it.
const JAVA_IMPORT_ONLY = `package clinic.notes;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.beta.files.FileMetadata;

public class NoteWriter {
    private final AnthropicClient client = AnthropicOkHttpClient.fromEnv();

    public String describe(FileMetadata metadata) {
        return metadata.filename();
    }
}
`;

describe('BAA-excluded features', () => {
  describe('catalog', () => {
    it('lists Anthropic\'s excluded features with the vendor\'s own page, and web search is not among them', () => {
      const features = anthropic.baaExcludedFeatures ?? [];
      assert.ok(features.length > 0);
      for (const f of features) {
        assert.ok(f.sources.some((s) => isVendorSource(s, anthropic)), `${f.id} rests on a page of Anthropic's`);
        assert.ok(f.sources.some((s) => RETENTION_PAGE.test(s.url)), `${f.id} cites the feature eligibility table`);
      }
      assert.ok(!features.some((f) => f.marks.includes('web_search_20250305') || f.marks.includes('webSearch_*')), 'basic web search is HIPAA eligible');
    });
  });

  describe('Vercel AI SDK (TypeScript)', () => {
    it('a generateText call that holds the model and the code execution tool is not covered, naming the feature and the source', () => {
      const e = only('src/visits.ts', VERCEL_CODE_EXECUTION);
      assert.equal(e.provider, 'anthropic');
      assert.equal(e.baaAvailable, false);
      assert.equal(e.baaExclusion?.feature, 'Code execution tool');
      assert.match(e.baaExclusion.reason, /this request uses Code execution tool \(codeExecution_20250825 at src\/visits\.ts:8\), which Anthropic's BAA does not cover/);
      assert.ok(e.baaExclusion.sources.some((s) => RETENTION_PAGE.test(s.url)));
      const findings = judge('src/visits.ts', VERCEL_CODE_EXECUTION);
      assert.deepEqual(findings.map((f) => f.ruleId), ['LLMC001']);
      assert.equal(findings[0]!.message, 'api.anthropic.com: Anthropic\'s BAA does not cover Code execution tool — keep it out of requests with PHI');
      assert.match(findings[0]!.details[0]!, /this request uses Code execution tool \(codeExecution_20250825 at src\/visits\.ts:8\)/);
      assert.match(findings[0]!.remedy, /Leave Code execution tool out of requests that carry PHI/);
      assert.ok(findings[0]!.sources.some((s) => RETENTION_PAGE.test(s.url)));
    });

    it('web search (listed as HIPAA eligible) keeps the BAA', () => {
      const e = only('src/visits.ts', VERCEL_WEB_SEARCH);
      assert.equal(e.baaAvailable, true);
      assert.equal(e.baaExclusion, undefined);
      assert.deepEqual(judge('src/visits.ts', VERCEL_WEB_SEARCH), []);
    });

    it('the AI SDK\'s own names count: contextManagement in providerOptions, the beta computer use tool', () => {
      const editing = VERCEL_CODE_EXECUTION.replace(
        'tools: {\n      sandbox: anthropic.tools.codeExecution_20250825(),\n    },',
        "providerOptions: { anthropic: { contextManagement: { edits: [{ type: 'clear_tool_uses_20250919' }] } } },",
      );
      assert.notEqual(editing, VERCEL_CODE_EXECUTION);
      const edited = only('src/visits.ts', editing);
      assert.deepEqual([edited.baaAvailable, edited.baaExclusion?.feature], [false, 'Context editing and compaction']);
      const computer = only('src/visits.ts', VERCEL_CODE_EXECUTION.replace('sandbox: anthropic.tools.codeExecution_20250825()', 'screen: anthropic.tools.computer_20250124({ displayWidthPx: 1024, displayHeightPx: 768 })'));
      assert.deepEqual([computer.baaAvailable, computer.baaExclusion?.feature], [null, 'Computer use tool (beta)']);
      // The GA computer toolset is no beta: not this mark.
      const toolset = only('src/visits.ts', VERCEL_CODE_EXECUTION.replace('codeExecution_20250825()', 'computer_toolset_20260801()'));
      assert.equal(toolset.baaAvailable, true);
    });

    it('a feature used in a call the engine cannot tie to the endpoint leaves the BAA unknown, and says why', () => {
      const e = only('src/letters.ts', VERCEL_SPLIT);
      assert.equal(e.baaAvailable, null);
      assert.match(e.baaExclusion!.reason, /^coverage depends on a feature this file uses: Web fetch tool \(webFetch_20250910 at src\/letters\.ts:9\)/);
      const findings = judge('src/letters.ts', VERCEL_SPLIT);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.requirement]), [['LLMC003', 'hipaa']]);
      assert.equal(findings[0]!.message, 'api.anthropic.com: BAA coverage unknown — the file uses Web fetch tool, which Anthropic\'s BAA leaves out');
      assert.match(findings[0]!.details[0]!, /whether Anthropic's BAA covers its requests cannot be determined statically: coverage depends on a feature this file uses/i);
    });
  });

  describe('Anthropic Python SDK', () => {
    it('requests through the client that carry the web fetch tool are not covered', () => {
      const e = only('triage.py', PY_WEB_FETCH);
      assert.equal(e.baaAvailable, false);
      assert.match(e.baaExclusion!.reason, /^requests made through client use Web fetch tool \(web_fetch_20250910 at triage\.py:10\), which Anthropic's BAA does not cover/);
      assert.deepEqual(judge('triage.py', PY_WEB_FETCH).map((f) => f.ruleId), ['LLMC001']);
    });

    it('a tool list kept in a constant leaves coverage unknown (LLMC003 for hipaa)', () => {
      const e = only('sandbox.py', PY_TOOLS_CONSTANT);
      assert.equal(e.baaAvailable, null);
      assert.match(e.baaExclusion!.reason, /Code execution tool \(code_execution_20250825 at sandbox\.py:3\)/);
      assert.deepEqual(judge('sandbox.py', PY_TOOLS_CONSTANT).map((f) => f.ruleId), ['LLMC003']);
    });

    it('the Batches API through the client is not covered', () => {
      const e = only('batch.py', PY_BATCHES);
      assert.equal(e.baaAvailable, false);
      assert.equal(e.baaExclusion?.feature, 'Message Batches API');
    });

    it('beta requests may not be covered: the BAA is unknown, not false', () => {
      const e = only('beta.py', PY_BETA);
      assert.equal(e.baaAvailable, null);
      assert.equal(e.baaExclusion?.feature, 'Beta features');
      assert.match(e.baaExclusion.reason, /which Anthropic's BAA does not always cover/);
    });

    it('a file without an excluded feature keeps the BAA (a mention in a comment, or a name that only starts like a tool type, does not count)', () => {
      const e = only('summary.py', PY_PLAIN);
      assert.equal(e.baaAvailable, true);
      assert.equal(e.baaExclusion, undefined);
      assert.deepEqual(judge('summary.py', PY_PLAIN), []);
    });
  });

  describe('imports', () => {
    it('a type imported from an excluded feature\'s package is not a use of it', () => {
      const e = only('src/main/java/clinic/notes/NoteWriter.java', JAVA_IMPORT_ONLY);
      assert.equal(e.provider, 'anthropic');
      assert.equal(e.baaAvailable, true);
    });
  });

  describe('generic: any provider can list exclusions', () => {
    it('an OpenAI request using a feature listed for OpenAI is not covered, with no code of its own', () => {
      const withExclusion: Catalog = {
        ...catalog,
        providers: catalog.providers.map((p): Provider => (p.id !== 'openai' ? p : {
          ...p,
          baaExcludedFeatures: [{
            id: 'made-up-tool', name: 'Made-up tool', covered: false, marks: ['made_up_tool_*'],
            vendorStatement: 'Invented for this test.', sources: [{ url: 'https://help.openai.com/en/articles/test', checked: catalog.version }],
          }],
        })),
      };
      const code = 'from openai import OpenAI\nclient = OpenAI()\nclient.responses.create(model="gpt-5", tools=[{"type": "made_up_tool_1"}], input="hi")\n';
      assert.equal(only('app.py', code).baaAvailable, true, 'the shipped catalog lists nothing for OpenAI');
      const custom = new Engine(withExclusion);
      const e = only('app.py', code, custom);
      assert.equal(e.baaAvailable, false);
      assert.match(e.baaExclusion!.reason, /Made-up tool \(made_up_tool_1 at app\.py:3\), which OpenAI's BAA does not cover/);
    });
  });

  describe('CLI', () => {
    it('prints the reason beside baaAvailable in JSON', () => {
      const dir = tempWorkspace({ 'src/visits.ts': VERCEL_CODE_EXECUTION, 'summary.py': PY_PLAIN });
      const r = runCli(['scan', '.', '--format', 'json'], dir);
      const out = JSON.parse(r.stdout) as { endpoints: { file: string; baaAvailable: boolean | null; baaReason?: string }[] };
      const visits = out.endpoints.find((x) => x.file === 'src/visits.ts')!;
      assert.equal(visits.baaAvailable, false);
      assert.match(visits.baaReason!, /Code execution tool/);
      const summary = out.endpoints.find((x) => x.file === 'summary.py')!;
      assert.equal(summary.baaAvailable, true);
      assert.equal(summary.baaReason, undefined);
    });
  });
});
