// Python parameters that take their value from calls in other modules of the workspace
// (resolve/calls.ts): a class's `__init__` default when every call passes nothing, the value
// every call passes, one endpoint per value when calls pass different ones, and unknown
// (with the reason) when a call passes something not known here, spreads its arguments, or
// the class is used other than by calling it. A function nobody calls stays unknown. The
// callers often have no LLM signal of their own; the CLI and the editor's index agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scan } from '../../src/cli/scan';
import { walk } from '../../src/cli/walk';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { WorkspaceIndex } from '../../src/core/workspace';
import { tempWorkspace } from '../support/cli';
import { indexFolder, folderPolicy } from '../support/workspace-scan';

const TODAY = '2026-12-01';
const engine = new Engine();
const made: string[] = [];

function workspace(files: Record<string, string>): string {
  const dir = tempWorkspace(files);
  made.push(dir);
  return dir;
}

function indexOf(dir: string): WorkspaceIndex {
  return indexFolder(dir, engine, TODAY);
}

/** `line provider region <- cited lines` (or `? why`), for the endpoints in `file`, from the CLI; checks the index agrees. */
async function found(dir: string, file: string): Promise<string[]> {
  const cli = (await scan(['.'], { cwd: dir, today: TODAY })).endpoints;
  const index = indexOf(dir).results().endpoints;
  const summary = (list: Endpoint[]): string[] => list.map((e) => `${e.file} ${e.range.start} ${e.region} ${e.unknown ?? ''} ${JSON.stringify(e.env ?? [])}`).sort();
  assert.deepEqual(summary(index), summary(cli), 'the editor index gives the CLI answers');
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return cli
    .filter((e) => e.file === file)
    .map((e) => {
      const line = text.slice(0, e.range.start).split('\n').length;
      const cited = (e.env ?? []).map((x) => `${x.file}:${x.line}`).join(', ');
      return `${line} ${e.provider} ${e.region ?? `? ${e.unknown ?? ''}`}${cited ? ` <- ${cited}` : ''}`;
    })
    .sort();
}

after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A service class whose Bedrock client's region is a constructor parameter with a default. */
const SERVICE = [
  'import boto3',
  '',
  'class ChatService:',
  '    def __init__(self, model: str, region: str = "us-west-2"):',
  '        self.model = model',
  '        self.client = boto3.client("bedrock-runtime", region_name=region)',
  '',
].join('\n');

/** The same, with the region kept on the instance and read by another method. */
const SERVICE_LATER = [
  'import boto3',
  '',
  'class ChatService:',
  '    def __init__(self, region="us-west-2"):',
  '        self.region = region',
  '',
  '    def client(self):',
  '        return boto3.client("bedrock-runtime", region_name=self.region)',
  '',
].join('\n');

/** A caller module with no LLM signal of its own. */
function container(body: string[]): string {
  return [
    'from typing import Optional',
    'from app.services.chat import ChatService',
    '',
    'class Container:',
    '    def __init__(self):',
    '        self._chat: Optional[ChatService] = None',
    '',
    '    def chat(self) -> ChatService:',
    ...body.map((l) => `        ${l}`),
    '        return self._chat',
    '',
  ].join('\n');
}

describe('Python parameters passed by calls in other modules', () => {
  it('takes the default of a constructor parameter that every call in the workspace leaves out', async () => {
    const dir = workspace({ 'app/services/chat.py': SERVICE, 'app/services/container.py': container(['self._chat = ChatService(model="m")']) });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['6 aws-bedrock us-west-2 <- app/services/container.py:9']);
  });

  it('takes the literal every call passes, citing the call', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService("m", region="eu-central-1")']),
      'app/jobs/batch.py': 'from app.services.chat import ChatService\n\ndef run():\n    return ChatService(model="x", region="eu-central-1")\n',
    });
    const got = await found(dir, 'app/services/chat.py');
    assert.equal(got.length, 1);
    assert.match(got[0]!, /^6 aws-bedrock eu-central-1 <- app\/(jobs\/batch\.py:4|services\/container\.py:9)$/);
  });

  it('reports one endpoint per value when calls pass different values', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService("m", "eu-central-1")']),
      'app/jobs/batch.py': 'from app.services.chat import ChatService\n\ndef run():\n    return ChatService(model="x")\n',
    });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), [
      '6 aws-bedrock eu-central-1 <- app/services/container.py:9',
      '6 aws-bedrock us-west-2 <- app/jobs/batch.py:4',
    ]);
  });

  it('reads a value kept on the instance in `__init__` and used by another method', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE_LATER,
      'app/services/container.py': container(['self._chat = ChatService(region="eu-west-3")']),
    });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['8 aws-bedrock eu-west-3 <- app/services/container.py:9']);
  });

  it('reads an env read passed by the caller where the code runs, with its default', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['import os', 'self._chat = ChatService("m", region=os.getenv("CHAT_REGION", "eu-north-1"))']),
    });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['6 aws-bedrock eu-north-1 <- app/services/container.py:10']);
    fs.writeFileSync(path.join(dir, 'app/.env'), 'CHAT_REGION=eu-south-1\n');
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['6 aws-bedrock eu-south-1 <- app/services/container.py:10, app/.env:1']);
  });

  it('follows a top-level function called with a positional argument', async () => {
    const dir = workspace({
      'pkg/clients.py': 'import boto3\n\ndef bedrock(region, retries=3):\n    return boto3.client("bedrock-runtime", region_name=region)\n',
      'pkg/main.py': 'from pkg.clients import bedrock\n\nclient = bedrock("eu-west-1")\n',
    });
    assert.deepEqual(await found(dir, 'pkg/clients.py'), ['4 aws-bedrock eu-west-1 <- pkg/main.py:3']);
  });

  it('follows a parameter passed on by the caller\'s own constructor to that class\'s callers', async () => {
    const handler = 'from app.services.chat import ChatService\n\nclass Handler:\n    def __init__(self, region="eu-west-1"):\n        self.chat = ChatService("m", region=region)\n';
    const dir = workspace({ 'app/services/chat.py': SERVICE, 'app/handler.py': handler, 'app/main.py': 'from app.handler import Handler\n\nHANDLER = Handler()\n' });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['6 aws-bedrock eu-west-1 <- app/main.py:3']);
    // Nobody makes a Handler: what it passes on is not known.
    fs.rmSync(path.join(dir, 'app/main.py'));
    assert.match((await found(dir, 'app/services/chat.py'))[0]!, /^6 aws-bedrock \? .*`region` of Handler, which no other module of the workspace calls/);
  });

  it('reads a default that names a module constant set from an env variable', async () => {
    const dir = workspace({
      'app/clients.py': 'import os\nimport boto3\n\nREGION = os.environ.get("LLM_REGION", "eu-central-1")\n\ndef runtime(region=REGION):\n    return boto3.client("bedrock-runtime", region_name=region)\n',
      'app/chat.py': 'from app.clients import runtime\n\nCLIENT = runtime()\n',
    });
    assert.deepEqual(await found(dir, 'app/clients.py'), ['7 aws-bedrock eu-central-1 <- app/chat.py:3']);
  });

  it('leaves the parameter unknown, saying why, when a call passes a value not known here', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService("m", region=self.settings.region)']),
    });
    const got = await found(dir, 'app/services/chat.py');
    assert.equal(got.length, 1);
    assert.match(got[0]!, /^6 aws-bedrock \? .*region.*app\/services\/container\.py:9/);
  });

  it('leaves it unknown when a call spreads its arguments', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService("m", **self.options)']),
    });
    assert.match((await found(dir, 'app/services/chat.py'))[0]!, /^6 aws-bedrock \? .*\*\*kwargs/);
  });

  it('leaves it unknown when a module passes the class on instead of calling it', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService(model="m")']),
      'app/registry.py': 'from app.services.chat import ChatService\n\nFACTORIES = {"chat": ChatService}\n',
    });
    assert.match((await found(dir, 'app/services/chat.py'))[0]!, /^6 aws-bedrock \? .*which app\/registry\.py:3 uses other than by calling it/);
  });

  it('leaves the calls and mocks of test files out of the application code\'s readings', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService(model="m")']),
      'tests/test_chat.py': 'from unittest.mock import Mock\nfrom app.services.chat import ChatService\n\nFAKE = Mock(spec=ChatService)\n\ndef test_eu():\n    ChatService("m", region="eu-west-1")\n',
    });
    assert.deepEqual(await found(dir, 'app/services/chat.py'), ['6 aws-bedrock us-west-2 <- app/services/container.py:9']);
  });

  it('says so when a caller\'s calls could not be read, in the CLI and the index', async () => {
    const dir = workspace({
      'app/services/chat.py': SERVICE,
      'app/services/container.py': container(['self._chat = ChatService(model="m")']),
      'app/jobs/batch.py': 'from app.services.chat import ChatService\n\ndef run():\n    return ChatService(model="x", region="eu-central-1")\n',
    });
    const failing = new Engine(undefined, { fault: (pass, file) => { if (pass === 'scan' && file === 'app/jobs/batch.py') throw new Error('injected'); } });
    const cli = await scan(['.'], { cwd: dir, today: TODAY, engine: failing });
    assert.ok(cli.notes.some((n) => n.kind === 'internal-error' && n.file === 'app/jobs/batch.py'));
    const policy = folderPolicy(dir);
    const index = new WorkspaceIndex(failing, policy, { today: () => TODAY });
    for (const f of walk(dir, undefined, [])) index.set(path.relative(dir, f).split(path.sep).join('/'), fs.readFileSync(f));
    assert.ok(index.results().notes.some((n) => n.kind === 'internal-error' && n.file === 'app/jobs/batch.py'));
  });

  it('reads the calls a notebook makes too, citing its line in the notebook file', async () => {
    const cell = (source: string[]): unknown => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source });
    const notebook = JSON.stringify({
      cells: [cell(['from app.services.chat import ChatService\n']), cell(['%pip install boto3\n', 'svc = ChatService("m", region="eu-west-1")\n'])],
      metadata: { language_info: { name: 'python' } }, nbformat: 4, nbformat_minor: 5,
    }, null, 1);
    const dir = workspace({ 'app/services/chat.py': SERVICE, 'app/services/container.py': container(['self._chat = ChatService(model="m")']), 'app/explore.ipynb': notebook });
    const line = notebook.split('\n').findIndex((l) => l.includes('region=')) + 1;
    assert.deepEqual(await found(dir, 'app/services/chat.py'), [
      `6 aws-bedrock eu-west-1 <- app/explore.ipynb:${line}`,
      '6 aws-bedrock us-west-2 <- app/services/container.py:9',
    ]);
  });

  it('re-reads the defining file in the index when a caller changes what it passes', () => {
    const dir = workspace({ 'app/services/chat.py': SERVICE, 'app/services/container.py': container(['self._chat = ChatService(model="m")']) });
    const index = indexOf(dir);
    const regions = (): (string | null)[] => index.results().endpoints.filter((e) => e.file === 'app/services/chat.py').map((e) => e.region);
    assert.deepEqual(regions(), ['us-west-2']);
    index.set('app/services/container.py', container(['self._chat = ChatService(model="m", region="eu-west-1")']));
    assert.deepEqual(regions(), ['eu-west-1']);
    index.delete('app/services/container.py');
    assert.deepEqual(regions(), [null]);
  });

  it('keeps a parameter unknown when no module of the workspace calls it (a library entry point)', async () => {
    const dir = workspace({ 'app/services/chat.py': SERVICE, 'app/services/other.py': 'from app.services.chat import helper\n\nhelper("eu-west-1")\n' });
    assert.match((await found(dir, 'app/services/chat.py'))[0]!, /^6 aws-bedrock \? .*parameter/);
  });

  describe('calls it cannot all see leave the parameter unknown (the second review)', () => {
    const CALLER = 'from app.services.chat import ChatService\n\nchat = ChatService(model="m", region="eu-west-1")\n';
    const unknownBecause = async (files: Record<string, string>, why: RegExp): Promise<void> => {
      const got = await found(workspace({ 'app/services/chat.py': SERVICE, 'app/main.py': CALLER, ...files }), 'app/services/chat.py');
      assert.equal(got.length, 1, got.join('\n'));
      assert.match(got[0]!, why);
    };

    it('a parameter its own function rebinds', async () => {
      const rebinding = SERVICE.replace('        self.model = model', '        if region.startswith("eu"):\n            region = "us-east-1"\n        self.model = model');
      const got = await found(workspace({ 'app/services/chat.py': rebinding, 'app/main.py': CALLER }), 'app/services/chat.py');
      assert.deepEqual(got.map((g) => g.split(' ')[2]), ['?']);
    });

    it('a call through a package that re-exports the class, or through `import *`', async () => {
      const reexport = { 'app/services/__init__.py': 'from .chat import ChatService\n', 'app/worker.py': 'from app.services import ChatService\n\nw = ChatService(model="m", region="us-east-1")\n' };
      await unknownBecause(reexport, /\? .*app\/worker\.py:3 may call through an import not matched to its module/);
      await unknownBecause({ 'app/worker.py': 'from app.services.chat import *\n\nw = ChatService(model="m", region="us-east-1")\n' }, /\? .*app\/worker\.py:3 may call through an import not matched/);
    });

    it('a field of the instance set by the caller after its __init__', async () => {
      const later = SERVICE_LATER;
      const caller = 'from app.services.chat import ChatService\n\nchat = ChatService()\nchat.region = "us-east-1"\n';
      const got = await found(workspace({ 'app/services/chat.py': later, 'app/main.py': caller }), 'app/services/chat.py');
      assert.ok(got.every((g) => g.split(' ')[2] === '?'), got.join('\n'));
    });

    it('reads a caller that imports the module whole, with no `from` line', async () => {
      const whole = { 'app/worker.py': 'import app.services.chat as chat_mod\n\nw = chat_mod.ChatService(model="m", region="us-east-1")\n' };
      const got = await found(workspace({ 'app/services/chat.py': SERVICE, 'app/main.py': CALLER, ...whole }), 'app/services/chat.py');
      assert.deepEqual(got.map((g) => g.split(' ')[2]).sort(), ['eu-west-1', 'us-east-1']);
    });
  });
});
