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
