// Dockerfiles: `ENV` instructions set variables for the code of the image, scoped to the
// Dockerfile's folder (its usual build context), as a .env there would be.
import * as assert from 'node:assert/strict';
import { formatOf } from '../../src/core/engine';
import { parseDockerfileEnv } from '../../src/core/scan/config/dockerfile';
import { lineWith, scanFiles } from '../support/workspace-scan';

describe('Dockerfile ENV', () => {
  it('is read from Dockerfile, Containerfile, Dockerfile.<name> and <name>.dockerfile', () => {
    for (const name of ['Dockerfile', 'app/Containerfile', 'Dockerfile.prod', 'api.dockerfile']) assert.equal(formatOf(name)?.kind, 'dockerfile', name);
    assert.equal(formatOf('docker/README.md'), null);
  });

  it('parses both forms, quotes, continuations and substitutions', () => {
    const text = [
      'FROM python:3.12-slim',
      'ENV GOOGLE_GENAI_USE_VERTEXAI=true \\',
      '    GOOGLE_CLOUD_LOCATION="europe-west4"',
      'ENV AWS_REGION eu-central-1',
      'ENV OPENAI_BASE_URL=${GATEWAY}/v1 MODEL=gpt-4o VERTEX_AI_LOCATION=$LOCATION',
      'RUN echo "ENV NOT_A_VARIABLE=1"',
    ].join('\n');
    const got = parseDockerfileEnv(text).map((a) => [a.name, a.value, text.slice(a.s, a.e)]);
    assert.deepEqual(got, [
      ['GOOGLE_GENAI_USE_VERTEXAI', 'true', 'true'],
      ['GOOGLE_CLOUD_LOCATION', 'europe-west4', 'europe-west4'],
      ['AWS_REGION', 'eu-central-1', 'eu-central-1'],
      ['OPENAI_BASE_URL', '${GATEWAY}/v1', '${GATEWAY}/v1'],
      ['MODEL', 'gpt-4o', 'gpt-4o'],
      ['VERTEX_AI_LOCATION', '${LOCATION}', '$LOCATION'],
    ]);
  });

  it('reaches the code of its folder: an ADK agent there runs on Vertex AI in the image\'s location', async () => {
    const files = {
      'svc/Dockerfile': 'FROM python:3.12-slim\nENV GOOGLE_GENAI_USE_VERTEXAI=true GOOGLE_CLOUD_LOCATION=europe-west4\nCOPY . /app\n',
      'svc/app/agent.py': 'from google.adk.agents import Agent\nroot = Agent(model="gemini-2.0-flash-001", name="root")\n',
      'other/agent.py': 'from google.adk.agents import Agent\nroot = Agent(model="gemini-2.0-flash-001", name="root")\n',
    };
    const r = await scanFiles(files, 'require: [eu-residency]\n');
    const got = r.endpoints.map((e) => [e.file, e.provider, e.region]).sort();
    assert.deepEqual(got, [
      ['other/agent.py', 'google-gemini-api', 'global'],
      ['svc/Dockerfile', 'google-vertex-ai', 'europe-west4'],
      ['svc/app/agent.py', 'google-vertex-ai', 'europe-west4'],
    ]);
    const setting = r.endpoints.find((e) => e.file === 'svc/Dockerfile')!;
    assert.equal(files['svc/Dockerfile'].slice(0, setting.range.start).split('\n').length, lineWith(files['svc/Dockerfile'], 'GOOGLE_CLOUD_LOCATION'));
  });
});

describe('Dockerfile ENV values filled in at build time', () => {
  it('are never a region or a URL themselves', async () => {
    for (const [file, text] of [['svc/Dockerfile', 'FROM node:20\nENV VERTEX_AI_LOCATION=$LOCATION OPENAI_BASE_URL=${GATEWAY}/v1\n'], ['svc/.env', 'VERTEX_AI_LOCATION=${LOCATION}\n']]) {
      const r = await scanFiles({ [file!]: text! }, 'require: [eu-residency]\n');
      const vertex = r.endpoints.find((e) => e.provider === 'google-vertex-ai');
      assert.equal(vertex?.region, null, file);
      assert.match(vertex?.unknown ?? '', /filled in where it runs/, file);
    }
  });
});

describe('Dockerfile ENV as Docker reads it', () => {
  const env = (text: string): string[][] => parseDockerfileEnv(text).map((a) => [a.name, a.value]);

  it('takes only the final stage, and the stages it is built from', () => {
    const text = ['FROM python:3.12 AS build', 'ENV AWS_REGION=us-east-1', 'FROM python:3.12 AS base', 'ENV OPENAI_BASE_URL=https://api.openai.com/v1', 'FROM base', 'ENV MODEL=gpt-4o'].join('\n');
    assert.deepEqual(env(text), [['OPENAI_BASE_URL', 'https://api.openai.com/v1'], ['MODEL', 'gpt-4o']]);
  });

  it('skips heredoc bodies and comment lines, and reads escapes and quotes', () => {
    const text = [
      'FROM node:20',
      'RUN <<EOF', 'ENV AWS_REGION=us-east-1', 'EOF',
      'ENV A="eu-\\"x" B=2 \\',
      '# a comment inside the instruction',
      '    C=eu\\ central',
      'ENV AWS_DEFAULT_REGION "eu-west-1"',
      'ENV LEGACY \\',
      '    eu-north-1',
    ].join('\n');
    assert.deepEqual(env(text), [['A', 'eu-"x'], ['B', '2'], ['C', 'eu central'], ['AWS_DEFAULT_REGION', 'eu-west-1'], ['LEGACY', 'eu-north-1']]);
  });

  it('follows the escape directive', () => {
    const text = ['# escape=`', 'FROM mcr.microsoft.com/windows/servercore', 'ENV AWS_REGION=eu-west-1 `', '    MODEL=gpt-4o'].join('\r\n');
    assert.deepEqual(env(text), [['AWS_REGION', 'eu-west-1'], ['MODEL', 'gpt-4o']]);
  });
});
