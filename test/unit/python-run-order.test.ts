// Python scripts and notebooks run from top to bottom: a name assigned more than once at the
// top level has, at a top-level use, the value of the last assignment before it; the env a
// file sets from a computed value is that value (or unknown), never the workspace's default.
import * as assert from 'node:assert/strict';
import { brief, bedrock, found, lineOf, notebook, vertex } from '../support/found';

const bedrockClient = (before: string[], after: string[] = []): string =>
  ['import boto3', ...before, 'c = boto3.client("bedrock-runtime", region_name=REGION)', ...after].join('\n');
const useLine = (before: string[]): number => before.length + 2;

describe('Python run order: the last top-level assignment before a top-level use', () => {
  it('takes the last assignment written before the use, not one after it', () => {
    const before = ['REGION = "us-east-1"', 'REGION = "eu-central-1"'];
    assert.deepEqual(brief(found('job.py', bedrockClient(before, ['REGION = "us-west-2"']))), [bedrock(3, 'eu-central-1')]);
  });

  it('ignores a function defined after the use that rebinds the name with `global` (a notebook\'s later cell)', () => {
    const before = ['REGION = "eu-west-1"'];
    const text = bedrockClient(before, ['def pick():', '    global REGION', '    REGION = "us-east-1"']);
    assert.deepEqual(brief(found('nb.py', text)), [bedrock(2, 'eu-west-1')]);
  });

  it('is not undone by a keyword argument of the same name, nor by a later function\'s parameter of that name (sample 7 #4)', () => {
    const text = ['from google import genai', 'location = "us-central1"', 'client = genai.Client(vertexai=True, project="p", location=location)', '',
      'def temperature(location: str) -> dict:', '    return {"where": location}'].join('\n');
    assert.deepEqual(brief(found('nb.py', text)).map((e) => e.region), ['us-central1']);
    // A rebinding before the use still counts: a `for` target in brackets.
    const rebound = bedrockClient(['REGION = "eu-central-1"', 'for (REGION, OTHER) in pairs(): pass']);
    assert.deepEqual(brief(found('nb.py', rebound)).map((e) => e.region), [null]);
  });

  it('takes every target of a for, with or import list as a rebinding, not only the first (second review)', () => {
    for (const rebinding of [
      ['for i, REGION in enumerate(regions):', '    pass'],
      ['for i, (REGION, m) in enumerate(pairs):', '    pass'],
      ['with pick() as (REGION, m):', '    pass'],
      ['from settings import (', '    MODEL,', '    REGION,', ')'],
      ['from settings import (MODEL, REGION)'],
      ['from settings import MODEL, REGION'],
    ]) {
      const text = bedrockClient(['REGION = "eu-central-1"', ...rebinding]);
      assert.deepEqual(brief(found('nb.py', text)).map((e) => e.region), [null], rebinding.join(' / '));
    }
  });

  it('reads `if not X:` with one assignment under it as a default that applies only when X is empty', () => {
    const before = ['import os', 'REGION = "eu-central-1"  # @param', 'if not REGION:', '    REGION = os.environ.get("AWS_REGION")'];
    assert.deepEqual(brief(found('nb.py', bedrockClient(before))), [bedrock(3, 'eu-central-1')]);
    const more = ['REGION = "eu-central-1"', 'if not REGION:', '    REGION = "us-east-1"', '    print("defaulted")'];
    assert.deepEqual(brief(found('nb.py', bedrockClient(more))), [bedrock(useLine(more), null)]);
  });

  it('leaves the value unknown where the order does not decide it', () => {
    const cases: string[][] = [
      ['REGION = "us-east-1"', 'if flag:', '    REGION = "eu-central-1"'], // a conditional assignment
      ['def pick():', '    global REGION', '    REGION = "eu-central-1"', 'REGION = "us-east-1"', 'pick()'], // a function that may have run
      ['REGION = "us-east-1"', 'for REGION in ["eu-central-1"]:', '    pass'], // a loop target
    ];
    for (const before of cases) assert.deepEqual(brief(found('job.py', bedrockClient(before))), [bedrock(useLine(before), null)], before.join(' / '));
  });

  it('does not apply inside a top-level loop, whose second pass sees a later assignment', () => {
    for (const loop of ['for attempt in range(3):', 'while True:']) {
      const text = ['import boto3', 'REGION = "eu-central-1"', loop, '    c = boto3.client("bedrock-runtime", region_name=REGION)', '    REGION = "us-east-1"'].join('\n');
      assert.deepEqual(brief(found('job.py', text)), [bedrock(4, null)], loop);
    }
    const oneLine = ['import boto3', 'REGION = "eu-central-1"', 'for i in range(3): c = boto3.client("bedrock-runtime", region_name=REGION); REGION = "us-east-1"'].join('\n');
    assert.deepEqual(brief(found('job.py', oneLine)), [bedrock(3, null)]);
  });

  it('a comprehension\'s own loop variable is not the constant of the same name', () => {
    const text = ['import boto3', 'REGION = "eu-central-1"', 'clients = [boto3.client("bedrock-runtime", region_name=REGION) for REGION in ["us-west-2"]]'].join('\n');
    assert.deepEqual(brief(found('job.py', text)), [bedrock(3, null)]);
    const other = ['import boto3', 'REGION = "eu-central-1"', 'clients = [boto3.client("bedrock-runtime", region_name=REGION) for attempt in range(2)]'].join('\n');
    assert.deepEqual(brief(found('job.py', other)), [bedrock(2, 'eu-central-1')]);
  });

  it('does not apply inside a function, which may run after any of the assignments', () => {
    const text = ['import boto3', 'REGION = "us-east-1"', 'def make():', '    return boto3.client("bedrock-runtime", region_name=REGION)', 'REGION = "eu-central-1"'].join('\n');
    assert.deepEqual(brief(found('job.py', text)), [bedrock(4, null)]);
  });
});

describe('Python run order: env the file sets from a computed value', () => {
  const agent = (lines: string[]): string => ['import os', 'from google.adk.agents import Agent', ...lines, 'root = Agent(model="gemini-2.0-flash-001", name="root")'].join('\n');

  it('reads the value of a constant the file assigns to the variable', () => {
    const text = agent(['REGION = "europe-west4"', 'os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = "1"', 'os.environ["GOOGLE_CLOUD_LOCATION"] = REGION']);
    assert.deepEqual(brief(found('nb.py', text)), [vertex(6, 'europe-west4')]);
  });

  it('leaves a value it cannot read unknown instead of taking the SDK default', () => {
    const text = agent(['os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = "1"', 'os.environ["GOOGLE_CLOUD_LOCATION"] = where_to_run()']);
    assert.deepEqual(brief(found('nb.py', text)), [vertex(5, null)]);
  });

  it('leaves the backend unknown when the file sets the switch to a value it cannot read', () => {
    const [e, ...rest] = found('nb.py', agent(['os.environ["GOOGLE_GENAI_USE_VERTEXAI"] = use_vertex()']));
    assert.equal(rest.length, 0);
    assert.equal(e!.provider, null);
    assert.match(e!.unknown ?? '', /GOOGLE_GENAI_USE_VERTEXAI is set by this file at run time/);
  });
});

describe('Administration API calls', () => {
  it('are no endpoint use: an OpenAI-style /organization/ call manages the account and sends no prompt', () => {
    const call = (path: string): string => ['import os, requests', 'base_url = os.environ["OPENAI_BASE_URL"]', `requests.post(f"{base_url}${path}", json={})`].join('\n');
    const env = { OPENAI_BASE_URL: 'https://api.openai.com/v1' };
    assert.deepEqual(found('admin.py', call('/organization/projects'), env), []);
    assert.deepEqual(found('chat.py', call('/chat/completions'), env).map((e) => [e.line, e.provider]), [[3, 'openai']]);
  });
});

describe('Python run order: values a notebook passes into its own functions and classes', () => {
  const wrapper = (construct: string): string[][] => [
    ['import vertexai', 'REGION = "europe-west4"'],
    ['class AgentWrapper:', '    def __init__(self, project, location="us-central1"):', '        self.project = project', '        self.location = location',
      '    def set_up(self):', '        vertexai.init(project=self.project, location=self.location)'],
    [construct, 'agent.set_up()'],
  ];
  const regions = (text: string, file = 'agents.ipynb'): (string | null)[] => found(file, text).map((e) => e.region);

  it('an attribute set in __init__ from a parameter has the value the notebook\'s constructions pass', () => {
    assert.deepEqual(regions(notebook(wrapper('agent = AgentWrapper("p", location=REGION)'))), ['europe-west4']);
    assert.deepEqual(regions(notebook(wrapper('agent = AgentWrapper("p", REGION)'))), ['europe-west4']);
    // Reported where the attribute is used, not in __init__.
    const text = notebook(wrapper('agent = AgentWrapper("p", location=REGION)'));
    assert.deepEqual(found('agents.ipynb', text).map((e) => e.line), [lineOf(text, 'vertexai.init(')]);
  });

  it('a construction that leaves the parameter out passes its default', () => {
    assert.deepEqual(regions(notebook(wrapper('agent = AgentWrapper("p")'))), ['us-central1']);
  });

  it('a function\'s parameter has the value every call passes, and stays unknown when calls differ or the function is passed on', () => {
    const cells = (calls: string[]): string[][] => [
      ['from google import genai', 'def make(location):', '    return genai.Client(vertexai=True, project="p", location=location)'], calls,
    ];
    assert.deepEqual(regions(notebook(cells(['a = make("europe-west1")', 'b = make("europe-west1")']))), ['europe-west1']);
    assert.deepEqual(regions(notebook(cells(['a = make("europe-west1")', 'b = make("us-east1")']))), [null]);
    assert.deepEqual(regions(notebook(cells(['clients = list(map(make, ["europe-west1"]))']))), [null]);
  });

  it('does not take an attribute set elsewhere too (obj.attr = ..., setattr)', () => {
    const cells = (after: string): string[][] => [
      ['import boto3'],
      ['class Client:', '    def __init__(self):', '        self.region = "eu-central-1"', '    def make(self):', '        return boto3.client("bedrock-runtime", region_name=self.region)'],
      ['c = Client()', after, 'c.make()'],
    ];
    assert.deepEqual(regions(notebook(cells('print("ready")'))), ['eu-central-1']);
    assert.deepEqual(regions(notebook(cells('c.region = "us-east-1"'))), [null]);
    assert.deepEqual(regions(notebook(cells('setattr(c, "region", "us-east-1")'))), [null]);
    assert.deepEqual(regions(notebook(cells('c.region, other = "us-east-1", 2'))), [null]);
    assert.deepEqual(regions(notebook(cells('c.region: str = "us-east-1"'))), [null]);
    assert.deepEqual(regions(notebook(cells('print(c.region, "ok")'))), ['eu-central-1']);
    assert.deepEqual(regions(cells('print("ready")').flat().join('\n'), 'client.py'), [null]);
  });

  it('is not assumed in a module, which other modules may import and call with other values', () => {
    const text = wrapper('agent = AgentWrapper("p", location=REGION)').flat().join('\n');
    assert.deepEqual(regions(text, 'agents.py'), [null]);
  });
});
