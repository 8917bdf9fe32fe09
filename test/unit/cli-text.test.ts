// The text output people read: errors first, waived findings on request, wrapped at a width
// with a hanging indent (counting terminal columns, never splitting an escape), and a scan
// without a policy that never looks clean.
import * as assert from 'node:assert/strict';
import { textLines, toText, MESSAGE_COLUMN } from '../../src/cli/format/text';
import { displayWidth, wrapText } from '../../src/cli/format/wrap';
import type { ScanReport } from '../../src/cli/report';
import { scan } from '../../src/cli/scan';
import { EXAMPLES, runCli, tempWorkspace } from '../support/cli';

const TODAY = '2026-11-27';
const SEVERITY = /^ {2}\d+:\d+ +(error|warning|note|waived) /;

describe('text output', function () {
  // Scans and CLI runs; the machine may be busy.
  this.timeout(120_000);
  let examples: ScanReport;
  before(async function () {
    this.timeout(60_000);
    examples = await scan(['.'], { cwd: EXAMPLES, today: TODAY });
  });

  it('lists errors, then warnings, then notes in each file, and files with errors first', () => {
    const lines = toText(examples, { color: false }).split('\n');
    const fileRanks: number[] = [];
    let ranks: number[] = [];
    const rank = { error: 0, warning: 1, note: 2, waived: 3 } as const;
    for (const line of [...lines, '']) {
      const m = SEVERITY.exec(line);
      if (m) ranks.push(rank[m[1] as keyof typeof rank]);
      else if (line === '' && ranks.length) {
        assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'severity order inside a file');
        fileRanks.push(Math.min(...ranks));
        ranks = [];
      }
    }
    assert.ok(fileRanks.length > 5);
    assert.deepEqual(fileRanks, [...fileRanks].sort((a, b) => a - b), 'files with errors first');
    // The examples have a file whose worst finding is a warning: the order is tested, not assumed.
    assert.ok(fileRanks.includes(0) && fileRanks.some((r) => r > 0), fileRanks.join());
  });

  it('hides waived findings unless asked, and says how many and how to see them', () => {
    const hidden = toText(examples, { color: false });
    const waived = examples.findings.filter((f) => f.suppression).length;
    assert.ok(waived > 0);
    assert.ok(!/^ {2}\d+:\d+ +waived /m.test(hidden));
    assert.match(hidden.trimEnd().split('\n').at(-1)!, new RegExp(`  ·  ${waived} waived \\(--show-waived\\)  ·  `));
    const shown = toText(examples, { color: false, showWaived: true });
    assert.equal(shown.match(/^ {2}\d+:\d+ +waived /gm)?.length, waived);
    assert.match(shown, new RegExp(`  ·  ${waived} waived  ·  `));
  });

  it('wraps at the width with a hanging indent under the message column, keeping related lines and fixes', () => {
    for (const width of [80, 120]) {
      const lines = [...textLines(examples, { color: false, width, showWaived: true })];
      // Only the summary line (its parts are not wrapped) may be longer.
      const long = lines.slice(0, -1).filter((l) => displayWidth(l) > width);
      assert.deepEqual(long, [], `width ${width}`);
      const continued = lines.filter((l) => /^ {30}\S/.test(l));
      assert.ok(continued.length > 20, 'messages continue under the message column');
      assert.ok(lines.some((l) => /^ {21}related {2}\S/.test(l)), 'related lines are kept');
      assert.ok(lines.some((l) => /^ {21}fix {6}\S/.test(l)), 'fixes are kept');
    }
    // Unwrapped: one line per message, as long as it is.
    const flat = [...textLines(examples, { color: false })];
    assert.ok(flat.some((l) => displayWidth(l) > 200));
    assert.equal(MESSAGE_COLUMN, 30);
  });

  it('counts wide characters as two columns and never cuts an escape of workspace text', async () => {
    const ESC = '\u001b';
    const dir = tempWorkspace({
      '.llm-compliance.yaml': `require: [eu-residency]\nwaivers:\n  - rule: LLMC002\n    reason: "承認済みの例外です。データは公開情報のみ ${'\\e[2J'.repeat(6)} 東京リージョンでの評価に限る"\n`,
      'app.py': 'from openai import OpenAI\nclient = OpenAI()\n',
    });
    const report = await scan(['.'], { cwd: dir, today: TODAY });
    const width = MESSAGE_COLUMN + 24;
    const lines = [...textLines(report, { color: false, width, showWaived: true })];
    const waived = lines.slice(lines.findIndex((l) => / waived /.test(l)));
    const body = waived.slice(0, waived.findIndex((l) => l === ''));
    assert.ok(body.length > 3, body.join('\n'));
    for (const l of body) assert.ok(displayWidth(l) <= width, `${displayWidth(l)}: ${l}`);
    assert.ok(!lines.join('\n').includes(ESC));
    // Each escape is whole on one line: \x1b never split into \x and 1b.
    assert.equal(body.join('').split('\\x1b[2J').length - 1, 6);
    for (const l of body.slice(1)) assert.match(l, /^ {30}\S/);
  });

  it('wrapText keeps words whole and cuts only words longer than a line', () => {
    assert.deepEqual(wrapText('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
    assert.deepEqual(wrapText('漢字漢字漢字', 4), ['漢字', '漢字', '漢字']);
    assert.deepEqual(wrapText('ab\\x1bcd', 3), ['ab', '\\x1b', 'cd']);
    assert.deepEqual(wrapText('e\u0301e\u0301e\u0301', 2), ['e\u0301e\u0301', 'e\u0301']);
    assert.deepEqual(wrapText('no wrap', 0), ['no wrap']);
    assert.equal(displayWidth('漢a\u0301'), 3);
  });

  describe('without a policy', () => {
    const files = { 'app.py': 'from openai import OpenAI\nc = OpenAI()\n', 'b.py': 'from openai import OpenAI\nd = OpenAI()\n' };

    it('ends the text with a warning that nothing was checked and how to create a policy; exit 0', () => {
      const r = runCli(['scan', '.'], tempWorkspace(files));
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trimEnd().split('\n').at(-1), 'Warning: no policy file, so no requirement was checked (2 endpoints found, none checked). Run "llm-compliance init" to create .llm-compliance.yaml.');
      assert.equal(r.stderr, '');
    });

    it('leaves JSON and SARIF on stdout as they were, with a one-line hint on stderr', () => {
      for (const format of ['json', 'sarif']) {
        const r = runCli(['scan', '.', '--format', format], tempWorkspace(files));
        assert.equal(r.status, 0);
        assert.doesNotThrow(() => JSON.parse(r.stdout));
        assert.ok(!r.stdout.includes('llm-compliance init'));
        assert.equal(r.stderr, 'llm-compliance: no policy file: 2 endpoints found, none checked; run "llm-compliance init" to create one\n');
      }
    });

    it('says nothing of the kind when a policy is there', () => {
      const r = runCli(['scan', '.', '--format', 'json'], tempWorkspace({ ...files, '.llm-compliance.yaml': 'require: [eu-residency]\n' }));
      assert.equal(r.stderr, '');
      assert.ok(!runCli(['scan', '.'], tempWorkspace({ ...files, '.llm-compliance.yaml': 'require: [eu-residency]\n' })).stdout.includes('init'));
    });
  });
});
