// The fail-closed invariant: no fault injected anywhere in a scan (reading, decoding,
// scanning, waiver comments, workspace facts, judging, waivers, the report) can make a
// failing project's exit code smaller, and a fault the scan survives is reported as an
// LLMC008 error, never swallowed. Faults are thrown from the engine's checkpoints, one
// at a time, at every checkpoint a clean run passes through.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalog } from '../../src/core/catalog/data';
import { Engine, formatOf, type ScanPass } from '../../src/core/engine';
import { parsePolicy } from '../../src/core/policy/policy';
import { WorkspaceIndex } from '../../src/core/workspace';
import { SEVERITY_RANK } from '../../src/core/model';
import { main } from '../../src/cli/main';
import { EXAMPLES, ROOT } from '../support/cli';

const DATE = '2026-11-27';
const PROJECTS = [EXAMPLES, ...['envs', 'gateway', 'iac', 'routing', 'waivers'].map((w) => path.join(ROOT, 'test/fixtures/workspaces', w))];

interface Json { findings: { ruleId: string; severity: string; message: string; suppressed?: unknown }[] }

/** Runs the CLI in this process with an engine whose checkpoints call `fault`; the exit code as the bin gives it. */
async function scanWith(dir: string, fault?: (pass: ScanPass, file?: string) => void): Promise<{ code: number; json?: Json }> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-fault-')), 'out.json');
  const engine = new Engine(catalog, fault ? { fault } : {});
  let code: number;
  try {
    code = await main(['scan', dir, '--format', 'json', '--date', DATE, '--output', out], { engine });
  } catch {
    code = 2; // what the bin does with an error main does not handle
  }
  return { code, ...(fs.existsSync(out) ? { json: JSON.parse(fs.readFileSync(out, 'utf8')) as Json } : {}) };
}

class InjectedFault extends Error {}

describe('fail closed: injected faults never lower the exit code', function () {
  this.timeout(240000);

  for (const dir of PROJECTS) {
    const name = path.relative(ROOT, dir);
    it(`${name}: a fault at any single checkpoint gives exit >= the clean run's, and is reported`, async () => {
      const calls: [ScanPass, string | undefined][] = [];
      const clean = await scanWith(dir, (pass, file) => void calls.push([pass, file]));
      assert.equal(clean.code, 1, `${name} is a failing project`);
      const passes = new Set(calls.map(([p]) => p));
      for (const p of ['read', 'decode', 'scan', 'inline-waivers', 'workspace-facts', 'evaluate', 'waivers', 'report'] as ScanPass[]) {
        assert.ok(passes.has(p), `the scan passes the ${p} checkpoint`);
      }
      for (let k = 0; k < calls.length; k++) {
        let seen = 0;
        const faulted = await scanWith(dir, () => {
          if (seen++ === k) throw new InjectedFault(`injected at checkpoint ${k}`);
        });
        const where = `fault at checkpoint ${k} (${calls[k]![0]} ${calls[k]![1] ?? ''})`;
        assert.ok(faulted.code >= clean.code, `${where}: exit ${faulted.code} < ${clean.code}`);
        // A survived fault is an LLMC008 error that names itself, unless a later pass redid the
        // work (the CLI analyses a file again once the workspace's env values are known) and
        // the report is exactly the clean one. Other faults end the run with 2.
        if (faulted.code === 1) {
          const reported = faulted.json!.findings.some((f) => f.ruleId === 'LLMC008' && f.severity === 'error' && /internal error.*injected at checkpoint/.test(f.message) && !f.suppressed);
          if (!reported) assert.deepEqual(faulted.json, clean.json, `${where}: the fault is reported as an LLMC008 error, or the report is complete`);
        }
      }
    });
  }

  it('a fault on every checkpoint of one file keeps the other files\' findings', async () => {
    const clean = await scanWith(EXAMPLES);
    const failing = (j: Json, file: string): string[] => j.findings.filter((f) => !f.suppressed && f.ruleId !== 'LLMC008' && (f as { file?: string }).file !== file).map((f) => `${(f as { file?: string }).file} ${f.ruleId}`).sort();
    const file = 'examples/api/app/triage.py';
    const faulted = await scanWith(EXAMPLES, (_pass, f) => {
      if (f === file) throw new InjectedFault('injected for one file');
    });
    assert.equal(faulted.code, 1);
    assert.deepEqual(failing(faulted.json!, file), failing(clean.json!, file));
  });

  it('the editor\'s index fails closed too: a fault at any checkpoint leaves a failing folder failing', () => {
    const policyText = fs.readFileSync(path.join(EXAMPLES, '.llm-compliance.yaml'), 'utf8');
    const policy = parsePolicy('.llm-compliance.yaml', policyText);
    const files: [string, Uint8Array][] = [];
    const walk = (dir: string, rel: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
        else if (formatOf(`${rel}${e.name}`)) files.push([`${rel}${e.name}`, fs.readFileSync(path.join(dir, e.name))]);
      }
    };
    walk(EXAMPLES, '');
    const failingOf = (fault?: (pass: ScanPass) => void): boolean => {
      const index = new WorkspaceIndex(new Engine(catalog, fault ? { fault } : {}), policy, { today: () => DATE });
      for (const [rel, bytes] of files) index.set(rel, bytes);
      const threshold = SEVERITY_RANK[policy.failOn];
      return index.results().findings.some((f) => !f.suppression && SEVERITY_RANK[f.severity] >= threshold);
    };
    let calls = 0;
    assert.equal(failingOf(() => void calls++), true);
    for (let k = 0; k < calls; k++) {
      let seen = 0;
      const failing = (() => {
        try {
          return failingOf(() => {
            if (seen++ === k) throw new InjectedFault(`injected at checkpoint ${k}`);
          });
        } catch {
          return true; // an error the index does not survive reaches the host, which shows it
        }
      })();
      assert.equal(failing, true, `fault at checkpoint ${k}`);
    }
  });
});
