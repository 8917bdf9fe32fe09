// Issue 11, items 2 and 3 (part): regions set outside the Bedrock call (boto3 sessions and
// botocore Config objects), Spring AI (Java builders and Spring Boot properties), and
// notebooks (kernels, languages, and size measured on the code, not the outputs).
import * as assert from 'node:assert/strict';
import { Engine, workspaceEnv } from '../../src/core/engine';

const engine = new Engine();
const found = (file: string, text: string, env = workspaceEnv([])) =>
  engine.analyze(file, text, { env }).endpoints.map((e) => ({ provider: e.provider, host: e.host, region: e.region }));
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

describe('boto3: the region set on a session or a Config object', () => {
  it('reads region_name from a Session kept in a variable', () => {
    const text = [
      'import boto3',
      'session = boto3.Session(region_name="eu-west-3")',
      'bedrock = session.client("bedrock-runtime")',
    ].join('\n');
    const result = engine.analyze('a.py', text, { env: workspaceEnv([]) });
    assert.deepEqual(result.endpoints.map((e) => [e.region, e.host]), [['eu-west-3', 'bedrock-runtime.eu-west-3.amazonaws.com']]);
    // The line that decides is the session's region, not the client call.
    assert.equal(lineOf(text, result.endpoints[0]!.range.start), 2);
  });

  it('finds the client whatever the session variable is called', () => {
    const text = [
      'import boto3',
      'aws = boto3.session.Session(profile_name="dev", region_name="us-west-2")',
      'llm = aws.client(service_name="bedrock-runtime")',
    ].join('\n');
    assert.deepEqual(found('a.py', text), [{ provider: 'aws-bedrock', host: 'bedrock-runtime.us-west-2.amazonaws.com', region: 'us-west-2' }]);
  });

  it('still reads a Session chained in place', () => {
    const text = 'import boto3\nc = boto3.Session(region_name="eu-west-1").client("bedrock-runtime")\n';
    assert.deepEqual(found('a.py', text).map((e) => e.region), ['eu-west-1']);
  });

  it('reads region_name from a botocore Config kept in a variable', () => {
    const text = [
      'import boto3',
      'from botocore.config import Config',
      'cfg = Config(region_name="eu-central-1", retries={"max_attempts": 3})',
      'client = boto3.client("bedrock-runtime", config=cfg)',
    ].join('\n');
    assert.deepEqual(found('a.py', text).map((e) => e.region), ['eu-central-1']);
    const dotted = text.replace('from botocore.config import Config', 'import botocore.config').replace('cfg = Config(', 'cfg = botocore.config.Config(');
    assert.deepEqual(found('a.py', dotted).map((e) => e.region), ['eu-central-1']);
  });

  it('lets the Config beat the session, and the call beat both, as botocore does', () => {
    const text = [
      'import boto3',
      'from botocore.config import Config',
      'cfg = Config(region_name="eu-north-1")',
      'session = boto3.Session(region_name="us-east-1")',
      'a = session.client("bedrock-runtime", config=cfg)',
      'b = session.client("bedrock-runtime", region_name="eu-south-1", config=cfg)',
    ].join('\n');
    assert.deepEqual(found('a.py', text).map((e) => e.region).sort(), ['eu-north-1', 'eu-south-1']);
  });

  it('stays quiet for a session that makes an S3 client', () => {
    const text = [
      'import boto3',
      'session = boto3.Session(region_name="us-east-1")',
      's3 = session.client("s3")',
      'other = boto3.Session(region_name="us-east-1").client("s3")',
    ].join('\n');
    assert.deepEqual(found('a.py', text), []);
  });

  it('does not take an HTTP client held in a variable for the client settings', () => {
    // Only settings objects passed by name count; an httpx client's base_url is its own.
    const text = [
      'import boto3, httpx',
      'http = httpx.Client(base_url="https://example.org", region_name="us-east-1")',
      'bedrock = boto3.client("bedrock-runtime", http_client=http)',
    ].join('\n');
    const [endpoint] = engine.analyze('a.py', text, { env: workspaceEnv([]) }).endpoints;
    assert.equal(endpoint?.region, null);
  });
});
