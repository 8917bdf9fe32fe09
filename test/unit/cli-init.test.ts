// `llm-compliance init`: the policy file from flags (scripts, CI) or from answers on a
// terminal, parsed back with the same parser a scan uses; never over an existing policy.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runInit } from '../../src/cli/init';
import { providersOfferingBaa, providersWithUnconfirmedBaa } from '../../src/core/policy/template';
import { parsePolicy, type Policy } from '../../src/core';
import { CLI, runCli, tempWorkspace } from '../support/cli';

const POLICY = '.llm-compliance.yaml';

function written(dir: string): Policy {
  return parsePolicy(POLICY, fs.readFileSync(path.join(dir, POLICY), 'utf8'));
}

/** Runs init in-process with the answers typed one line at a time; returns the exit code and what was shown. */
async function answer(dir: string, lines: string[], end = true): Promise<{ code: number; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  const done = runInit({}, { input, output, interactive: true, cwd: dir });
  // Typed one by one, after each question shows (not all at once).
  for (const line of lines) {
    await new Promise((r) => setTimeout(r, 5));
    input.write(`${line}\n`);
  }
  if (end) input.end();
  const code = await done;
  return { code, shown };
}

describe('llm-compliance init', function () {
  // Each case runs the CLI a few times; the machine may be busy.
  this.timeout(120_000);
  describe('with flags (never asks)', () => {
    it('writes the policy the flags describe, which a scan reads', () => {
      const dir = tempWorkspace({ 'app.py': 'from openai import OpenAI\nc = OpenAI()\n' });
      const r = runCli(['init', '--require', 'hipaa,eu-residency', '--baa', 'aws-bedrock,azure-openai', '--gateway', 'llm-gw.example.com', '--residency', 'eea'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Wrote \.llm-compliance\.yaml \(requires hipaa, eu-residency; gateway llm-gw\.example\.com\)/);
      const p = written(dir);
      assert.deepEqual([p.require, p.baa, p.residency, p.gateway?.hosts], [['hipaa', 'eu-residency'], ['aws-bedrock', 'azure-openai'], 'eea', ['llm-gw.example.com']]);
      // The scan finds and applies it.
      const scan = runCli(['scan', '.', '--format', 'json'], dir);
      assert.equal(scan.status, 1);
      assert.equal(JSON.parse(scan.stdout).summary.policy, POLICY);
    });

    it('--yes alone writes a policy that requires nothing yet; "none" is an empty list', () => {
      const dir = tempWorkspace({});
      assert.equal(runCli(['init', '--yes'], dir).status, 0);
      assert.deepEqual(written(dir).require, []);
      const other = tempWorkspace({});
      assert.equal(runCli(['init', '--require', 'none'], other).status, 0);
      assert.deepEqual(written(other).require, []);
    });

    it('refuses unknown ids with "did you mean" and writes nothing', () => {
      const dir = tempWorkspace({});
      for (const [args, reason] of [
        [['--require', 'hipa'], 'unknown requirement "hipa" in --require; did you mean hipaa? (known: hipaa, eu-residency, soc2-type2, iso27001, iso42001, eu-ai-act-gpai)'],
        [['--require', 'hipaa', '--baa', 'bedrock'], 'unknown provider "bedrock" in --baa; did you mean aws-bedrock?'],
        [['--require', 'eu-residency', '--residency', 'europe'], 'unknown residency zone "europe" in --residency'],
        [['--require', 'hipaa', '--residency', 'eea'], '--residency says what eu-residency accepts: add eu-residency to --require'],
        [['--baa', 'aws-bedrock'], 'say what to require: --require LIST'],
        // A URL would never match a call's host: every call would fail LLMC006.
        [['--require', 'hipaa', '--gateway', 'http://gw.internal/'], 'gateway "http://gw.internal/" is not a host name'],
      ] as const) {
        const r = runCli(['init', ...args], dir);
        assert.equal(r.status, 2, args.join(' '));
        assert.ok(r.stderr.startsWith(`llm-compliance: ${reason}`), r.stderr);
        assert.ok(!fs.existsSync(path.join(dir, POLICY)));
      }
    });

    it('never overwrites a policy that is there (.yaml, .yml or .json), and exits 2', () => {
      for (const name of ['.llm-compliance.yaml', '.llm-compliance.yml', '.llm-compliance.json']) {
        const dir = tempWorkspace({ [name]: 'require: [soc2-type2]\n' });
        const r = runCli(['init', '--require', 'hipaa', '--yes'], dir);
        assert.equal(r.status, 2);
        assert.equal(r.stderr.split('\n')[0], `llm-compliance: ${name} already exists here; edit it (or delete it to start again): init never overwrites a policy`);
        assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), 'require: [soc2-type2]\n');
        assert.equal(fs.readdirSync(dir).length, 1);
      }
    });

    it('says when a policy above the folder applied until now', () => {
      const repo = tempWorkspace({ '.git/HEAD': '', '.llm-compliance.yaml': 'require: [hipaa]\n', 'services/api/app.py': '' });
      const r = runCli(['init', '--require', 'eu-residency'], path.join(repo, 'services', 'api'));
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Note: \.\.\/\.\.\/\.llm-compliance\.yaml applied to this folder until now; the new file takes its place here\.\n/);
      // Not past the repository root.
      const outer = tempWorkspace({ '.llm-compliance.yaml': 'require: [hipaa]\n', 'repo/.git/HEAD': '' });
      assert.doesNotMatch(runCli(['init', '--yes'], path.join(outer, 'repo')).stdout, /Note:/);
    });

    it('without a terminal and without answers, says what to pass and exits 2', () => {
      const dir = tempWorkspace({});
      const r = runCli(['init'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^llm-compliance: init asks its questions only on a terminal; in a script give the answers, e\.g\. "llm-compliance init --require hipaa,eu-residency --baa aws-bedrock", or --yes/);
      assert.ok(!fs.existsSync(path.join(dir, POLICY)));
    });
  });

  describe('on a terminal (asks)', () => {
    it('asks the questions and writes the policy the answers describe', async () => {
      const dir = tempWorkspace({});
      // PHI? yes; BAAs (one mistyped first: asked again); EU data? yes; zone; certifications; gateway.
      const { code, shown } = await answer(dir, ['y', 'bedrok', 'aws-bedrock, google-vertex-ai', 'yes', 'eu-adequacy', 'soc2-type2', 'gw.internal']);
      assert.equal(code, 0, shown);
      assert.match(shown, /protected health information/);
      assert.match(shown, new RegExp(`Providers that offer a BAA: ${providersOfferingBaa().join(', ')}\n`));
      // Unknown stays unknown: a BAA the catalog names but does not confirm is listed apart.
      for (const id of providersWithUnconfirmedBaa()) assert.ok(!providersOfferingBaa().includes(id));
      assert.match(shown, /coverage not confirmed: .*aws-bedrock/);
      assert.match(shown, /unknown provider "bedrok" in the answer; did you mean aws-bedrock\?.*try again/);
      const p = written(dir);
      assert.deepEqual([p.require, p.baa, p.residency, p.gateway?.hosts], [['hipaa', 'eu-residency', 'soc2-type2'], ['aws-bedrock', 'google-vertex-ai'], 'eu-adequacy', ['gw.internal']]);
    });

    it('takes the defaults on Enter: no PHI, no EU data, nothing more', async () => {
      const dir = tempWorkspace({});
      const { code, shown } = await answer(dir, ['', '', '', '']);
      assert.equal(code, 0, shown);
      assert.doesNotMatch(shown, /BAAs has your organisation signed/);
      const p = written(dir);
      assert.deepEqual([p.require, p.baa, p.gateway], [[], [], undefined]);
    });

    it('writes nothing when the input ends before the last answer (Ctrl+D)', async () => {
      const dir = tempWorkspace({});
      const { code, shown } = await answer(dir, ['y']);
      assert.equal(code, 2);
      assert.match(shown, /Cancelled: no policy written/);
      assert.ok(!fs.existsSync(path.join(dir, POLICY)));
    });

    it('runs in a real pseudo-terminal', function () {
      // util-linux script(1) gives the CLI a terminal on stdin and stdout.
      if (spawnSync('script', ['--version']).status !== 0) this.skip();
      const dir = tempWorkspace({});
      const typed = ['n', 'y', '', 'iso27001', ''].join('\r') + '\r';
      const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} init`, '/dev/null'], {
        cwd: dir, input: typed, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000,
      });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /Wrote \.llm-compliance\.yaml \(requires eu-residency, iso27001\)/);
      const p = written(dir);
      assert.deepEqual([p.require, p.residency], [['eu-residency', 'iso27001'], 'eu']);
    });
  });
});
