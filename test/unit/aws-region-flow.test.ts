// How the AWS Bedrock region reaches a client in Python: through a boto3 Session kept in a
// variable, a parameter default, or an attribute set in __init__ (issue 11, holdout sets).
import * as assert from 'node:assert/strict';
import { bedrock, brief, found, lineOf } from '../support/found';

describe('AWS region flow: a Session built in another statement', () => {
  it('reports a region constant read by the session at the client call, not at the constant', () => {
    const text = [
      'import boto3',
      'HOME_REGION = "eu-west-1"',
      'PROFILE = "dev"',
      '',
      'def make_client():',
      '    s = boto3.Session(profile_name=PROFILE, region_name=HOME_REGION)',
      '    return s.client("bedrock-runtime")',
      '',
      'print(HOME_REGION)',
    ].join('\n');
    assert.deepEqual(brief(found('app.py', text)), [bedrock(lineOf(text, 's.client('), 'eu-west-1')]);
  });

  it('keeps a literal written in the session call on that line', () => {
    const text = ['import boto3', 'sess = boto3.Session(region_name="eu-north-1")', 'rt = sess.client("bedrock-runtime")'].join('\n');
    assert.deepEqual(brief(found('app.py', text)), [bedrock(2, 'eu-north-1')]);
  });
});

describe('AWS region flow: the Bedrock control plane', () => {
  const client = (calls: string[]): string =>
    ['import boto3', 'mgmt = boto3.client(service_name="bedrock", region_name="us-east-1")', ...calls].join('\n');

  it('keeps boto3.client("bedrock") quiet when it only manages models, guardrails or profiles', () => {
    assert.deepEqual(found('admin.py', client(['mgmt.list_foundation_models()', 'mgmt.create_guardrail(name="g")'])), []);
    assert.deepEqual(found('admin.py', 'import boto3\nb = boto3.client("bedrock")\nb.get_inference_profile(inferenceProfileIdentifier=x)\n'), []);
  });

  it('reports it where the file starts a batch inference job, which runs the model over its data in that region', () => {
    const text = client(['mgmt.create_model_invocation_job(jobName="nightly", modelId=MODEL)']);
    assert.deepEqual(brief(found('batch.py', text)), [bedrock(2, 'us-east-1')]);
  });

  it('reports a control-plane client whose file shows no management call: a factory\'s client may start a job elsewhere', () => {
    const factory = ['import boto3', '', 'def bedrock_client():', '    return boto3.client("bedrock", region_name="us-east-1")'].join('\n');
    assert.deepEqual(brief(found('clients.py', factory)), [bedrock(4, 'us-east-1')]);
    // An unrelated method of another client does not say what this one is for.
    assert.deepEqual(brief(found('clients.py', `${factory}\ns3 = boto3.client("s3")\ns3.list_buckets()\n`)), [bedrock(4, 'us-east-1')]);
  });

  it('still reports the runtime client beside a control-plane one', () => {
    const text = client(['rt = boto3.client("bedrock-runtime", region_name="eu-central-1")', 'mgmt.list_guardrails()']);
    assert.deepEqual(brief(found('both.py', text)), [bedrock(3, 'eu-central-1')]);
  });
});
