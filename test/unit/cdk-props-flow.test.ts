// AWS CDK construct props as the source of a Lambda environment value: `props.key` in a
// construct is what every construction of it in the app passes (`new Backend(this, "B",
// { key: value })`), followed from construct to stack to the app, up to a literal or the
// cdk.json context. Constructions that disagree, leave the prop out, or pass props not
// written out leave it unknown, and the answer says which line is why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { scan } from '../../src/cli/scan';
import { Engine } from '../../src/core/engine';
import type { Endpoint } from '../../src/core/model';
import { tempWorkspace } from '../support/cli';
import { indexFolder } from '../support/workspace-scan';

const TODAY = '2026-12-01';

/** The service code every fixture deploys: a module constant from the env with a default, used as a factory's parameter default. */
const SERVICE = {
  'service/app/llm.py': [
    'import os',
    'import boto3',
    '',
    'MODEL_REGION = os.environ.get("MODEL_REGION", "us-west-2")',
    '',
    '',
    'def runtime_client(region=MODEL_REGION):',
    '    return boto3.client("bedrock-runtime", region_name=region)',
    '',
  ].join('\n'),
  'service/app/chat.py': 'from app.llm import runtime_client\n\nclient = runtime_client()\n',
};

/** The construct that deploys the service, reading the region from its props. */
const BACKEND = [
  'import * as path from "path";',
  'import { Construct } from "constructs";',
  'import { Runtime } from "aws-cdk-lib/aws-lambda";',
  'import { PythonFunction } from "@aws-cdk/aws-lambda-python-alpha";',
  '',
  'export interface BackendProps {',
  '  readonly modelRegion: string;',
  '  readonly tableName?: string;',
  '}',
  '',
  'export class Backend extends Construct {',
  '  constructor(scope: Construct, id: string, props: BackendProps) {',
  '    super(scope, id);',
  '    new PythonFunction(this, "Handler", {',
  '      entry: path.join(__dirname, "../../../service"),',
  '      runtime: Runtime.PYTHON_3_12,',
  '      environment: {',
  '        MODEL_REGION: props.modelRegion,',
  '      },',
  '    });',
  '  }',
  '}',
  '',
].join('\n');

/** A stack that makes the construct, passing `backend` as its props (written into the stack's body). */
function stack(backend: string): string {
  return [
    'import { Stack, StackProps } from "aws-cdk-lib";',
    'import { Construct } from "constructs";',
    'import { Backend } from "./constructs/backend";',
    '',
    'export interface ChatStackProps extends StackProps {',
    '  readonly region: string;',
    '}',
    '',
    'export class ChatStack extends Stack {',
    '  constructor(scope: Construct, id: string, private readonly props: ChatStackProps) {',
    '    super(scope, id, props);',
    `    ${backend}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The app: one line per construction of the stack. */
function app(...constructions: string[]): string {
  return ['import * as cdk from "aws-cdk-lib";', 'import { ChatStack } from "../lib/chat-stack";', '', 'const app = new cdk.App();', ...constructions, ''].join('\n');
}

const CDK_JSON = '{\n  "app": "npx ts-node bin/app.ts",\n  "context": {\n    "modelRegion": "eu-central-1"\n  }\n}\n';

function workspace(files: Record<string, string>): Record<string, string> {
  return { ...SERVICE, 'infra/cdk.json': CDK_JSON, 'infra/lib/constructs/backend.ts': BACKEND, ...files };
}

async function endpointsOf(files: Record<string, string>): Promise<Endpoint[]> {
  const dir = tempWorkspace(files);
  try {
    return (await scan(['.'], { cwd: dir, today: TODAY })).endpoints;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The Bedrock client of the service. */
async function client(files: Record<string, string>): Promise<Endpoint> {
  const found = (await endpointsOf(files)).filter((e) => e.file === 'service/app/llm.py');
  assert.equal(found.length, 1, JSON.stringify(found.map((e) => e.region)));
  return found[0]!;
}

function provenance(e: Endpoint): string[] {
  return (e.env ?? []).filter((x) => x.file.endsWith('.ts')).map((x) => `${x.file}:${x.line} ${x.through ?? ''}`);
}

describe('AWS CDK construct props', () => {
  it('follows a prop from the cdk.json context through the stack to the Lambda environment and the code it deploys', async () => {
    const all = await endpointsOf(workspace({
      'infra/bin/app.ts': app('new ChatStack(app, "Chat", { region: app.node.tryGetContext("modelRegion") });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    }));
    // The CDK lines are where the value comes from, not endpoints of their own (as a compose `environment:` line is).
    assert.deepEqual(all.map((x) => x.file), ['service/app/llm.py']);
    const e = all[0]!;
    assert.equal(e.region, 'eu-central-1');
    assert.equal(e.host, 'bedrock-runtime.eu-central-1.amazonaws.com');
    assert.equal(e.euResident, true);
    // Every step is cited, from the Lambda line to the context.
    assert.deepEqual(provenance(e), ['infra/lib/constructs/backend.ts:18 props.modelRegion of Backend from infra/lib/chat-stack.ts:12, '
      + 'props.region of ChatStack from infra/bin/app.ts:5, CDK context modelRegion in infra/cdk.json:4']);
  });

  it('takes a literal a construction passes, with the class made in the same file', async () => {
    const sameFile = BACKEND.replace('export class Backend', 'class Backend') + '\nexport class Api extends Construct {\n'
      + '  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new Backend(this, "Backend", { modelRegion: "us-east-2", tableName: "t" });\n  }\n}\n';
    const e = await client(workspace({ 'infra/lib/constructs/backend.ts': sameFile }));
    assert.equal(e.region, 'us-east-2');
    assert.equal(e.euResident, false);
  });

  it('is unknown when the constructions pass different values, and names them', async () => {
    const e = await client(workspace({
      'infra/bin/app.ts': app('new ChatStack(app, "ChatEu", { region: "eu-west-1" });', 'new ChatStack(app, "ChatUs", { region: "us-east-1" });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    }));
    assert.equal(e.region, null);
    assert.equal(e.euResident, null);
    assert.match(e.unknown ?? '', /props\.region of ChatStack \(not known: its constructions pass different values, at infra\/bin\/app\.ts:5, infra\/bin\/app\.ts:6\)/);
  });

  it('is unknown when a construction leaves the prop out, passes props not written out, or computes the value', async () => {
    const leftOut = await client(workspace({
      'infra/bin/app.ts': app('new ChatStack(app, "Chat", { region: "eu-west-1" });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region }); new Backend(this, "Other", { tableName: "x" });'),
    }));
    assert.equal(leftOut.region, null);
    assert.match(leftOut.unknown ?? '', /the construction at infra\/lib\/chat-stack\.ts:12 does not pass modelRegion/);
    const spread = await client(workspace({
      'infra/bin/app.ts': app('const shared = loadSettings();', 'new ChatStack(app, "Chat", { ...shared });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    }));
    assert.equal(spread.region, null);
    assert.match(spread.unknown ?? '', /props\.region of ChatStack \(not known: the construction at infra\/bin\/app\.ts:6 passes props not written out\)/);
    const computed = await client(workspace({
      'infra/bin/app.ts': app('const settings = loadSettings(app);', 'new ChatStack(app, "Chat", { region: settings.region });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    }));
    assert.equal(computed.region, null);
    assert.match(computed.unknown ?? '', /props\.region of ChatStack from infra\/bin\/app\.ts:6 \(not known: computed there\)/);
  });

  it('gives a construction that leaves the prop out the default written beside it', async () => {
    const withDefault = BACKEND.replace('MODEL_REGION: props.modelRegion,', 'MODEL_REGION: props.modelRegion ?? "eu-west-3",');
    const region = async (backend: string): Promise<Endpoint> => client(workspace({
      'infra/lib/constructs/backend.ts': withDefault,
      'infra/bin/app.ts': app('new ChatStack(app, "Chat", { region: "eu-west-3" });'),
      'infra/lib/chat-stack.ts': stack(backend),
    }));
    const leftOut = await region('new Backend(this, "Backend", { tableName: "t" });');
    assert.equal(leftOut.region, 'eu-west-3');
    assert.match(leftOut.via, /props\.modelRegion of Backend, which the construction at infra\/lib\/chat-stack\.ts:12 leaves out, so the default in code/);
    // One passes the default's value, one leaves it out: they agree.
    assert.equal((await region('new Backend(this, "A", { modelRegion: props.region }); new Backend(this, "B", {});')).region, 'eu-west-3');
    // One passes another value: which one runs depends on the construction.
    const mixed = await region('new Backend(this, "A", { modelRegion: "us-east-1" }); new Backend(this, "B", {});');
    assert.equal(mixed.region, null);
    assert.match(mixed.unknown ?? '', /its constructions pass different values, at infra\/lib\/chat-stack\.ts:12 and \(the default\) infra\/lib\/chat-stack\.ts:12/);
  });

  it('ends where a construct passes its own prop on to itself', async () => {
    const recursive = BACKEND.replace('    super(scope, id);', '    super(scope, id);\n    if (id !== "leaf") new Backend(this, "leaf", { modelRegion: props.modelRegion });');
    const e = await client(workspace({
      'infra/lib/constructs/backend.ts': recursive,
      'infra/bin/app.ts': app('new ChatStack(app, "Chat", { region: "eu-west-1" });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    }));
    // Its own construction is not followed again: that value is unknown, so the constructions disagree.
    assert.equal(e.region, null);
    assert.match(e.unknown ?? '', /its constructions pass different values/);
  });

  it('keeps the props of two CDK apps with a construct of the same name apart', async () => {
    const files: Record<string, string> = {};
    for (const [name, region] of [['one', 'eu-north-1'], ['two', 'ap-south-1']] as const) {
      for (const [file, text] of Object.entries(workspace({
        'infra/bin/app.ts': app(`new ChatStack(app, "Chat", { region: "${region}" });`),
        'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
        // Two packages named `app` would make the factory's callers ambiguous (calls.ts): the client is built at module level here.
        'service/app/llm.py': 'import os\nimport boto3\n\nclient = boto3.client("bedrock-runtime", region_name=os.environ["MODEL_REGION"])\n',
      }))) if (!file.endsWith('chat.py')) files[`${name}/${file}`] = text;
    }
    const found = (await endpointsOf(files)).filter((e) => e.file.endsWith('service/app/llm.py')).map((e) => `${e.file} ${e.region}`).sort();
    assert.deepEqual(found, ['one/service/app/llm.py eu-north-1', 'two/service/app/llm.py ap-south-1']);
  });

  it("follows the props in the editor's workspace index, and an edit of the app", () => {
    const files = workspace({
      'infra/bin/app.ts': app('new ChatStack(app, "Chat", { region: app.node.tryGetContext("modelRegion") });'),
      'infra/lib/chat-stack.ts': stack('new Backend(this, "Backend", { modelRegion: props.region });'),
    });
    const dir = tempWorkspace(files);
    try {
      const index = indexFolder(dir, new Engine(), TODAY);
      const region = (): (string | null | undefined)[] => index.results().endpoints.filter((e) => e.file === 'service/app/llm.py').map((e) => e.region);
      assert.deepEqual(region(), ['eu-central-1']);
      index.set('infra/bin/app.ts', app('new ChatStack(app, "Chat", { region: "eu-south-1" });'));
      assert.deepEqual(region(), ['eu-south-1']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
