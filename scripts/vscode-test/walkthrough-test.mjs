// Browser-level test of the no-policy state and the walkthrough (run by run.mjs --ui, after the
// sidebar test, in the same code-server): a folder with LLM endpoints and no policy opens with a
// warning-coloured "LLM: no policy" status item and a notice; the notice opens the walkthrough;
// each step's button asks its question and the answers are given with the keyboard; the last
// step writes .llm-compliance.yaml, and the status bar turns into a count of findings.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * @param page   the playwright page of the workbench
 * @param o.root the repository, o.run this run's folder, o.log the driver's log,
 *               o.open(folder) the workbench URL (with the extension) for another folder
 */
export async function walkthroughTest(page, o) {
  try {
    return await walk(page, o);
  } catch (err) {
    // What the browser showed when it failed, beside the run's logs (kept on failure).
    await page.screenshot({ path: path.join(o.run, 'walkthrough-failure.png') }).catch(() => {});
    throw err;
  }
}

async function walk(page, { root, run, log, open }) {
  const check = (ok, what) => {
    if (!ok) throw new Error(`walkthrough test: ${what}`);
    log('ok:', what);
  };
  const folder = path.join(run, 'walkthrough');
  fs.cpSync(path.join(root, 'examples/api'), folder, { recursive: true });
  const policyFile = path.join(folder, '.llm-compliance.yaml');
  check(!fs.existsSync(policyFile), 'the folder has no policy');
  await page.goto(open(folder));

  const status = page.locator('.statusbar-item[id$="llmCompliance.status"]');
  await status.filter({ hasText: 'LLM: no policy' }).waitFor({ timeout: 90_000 });
  check(/\bwarning-kind\b/.test(await status.getAttribute('class')), 'the status bar says "LLM: no policy", warning-coloured');

  // The one-time notice (the extension-host tests keep it quiet; here it is a user's first run).
  const notice = page.locator('.notifications-toasts .notification-toast', { hasText: 'has no policy file' });
  await notice.waitFor({ timeout: 60_000 });
  await notice.locator('.monaco-button', { hasText: 'Open Walkthrough' }).click();
  const steps = page.locator('button.getting-started-step');
  await steps.first().waitFor({ timeout: 30_000 });
  check(await steps.count() === 5, 'the notice opens the walkthrough: five steps');

  const quickInput = page.locator('.quick-input-widget');
  let unfocused = 0;
  const question = async (title) => {
    await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(300);
    // A question opened right after another can be left without the focus (the walkthrough takes it back): said, then given.
    const input = quickInput.locator('.quick-input-box input');
    if (!await input.evaluate((e) => e === document.activeElement)) {
      unfocused++;
      log(`"${title}" opened without the keyboard focus; focusing its input`);
      await input.focus();
    }
  };
  const type = async (text) => {
    await page.keyboard.type(text, { delay: 20 });
    await page.waitForTimeout(400);
  };
  /** Waits for a question, types the answer and accepts it. */
  const answer = async (title, text) => {
    await question(title);
    await type(text);
    await page.keyboard.press('Enter');
  };
  /**
   * Filters a multi-select list and ticks the first match with the keyboard: Down moves focus into
   * the list, Space ticks, Up from the first item goes back to the filter box, Enter accepts.
   */
  const tick = async (title, text) => {
    await type(text);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    const closed = await quickInput.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false);
    check(closed, `"${title}": ${text} ticked and accepted with the keyboard`);
  };

  const step = async (id, button) => {
    const s = page.locator(`button.getting-started-step[data-step-id$="${id}"]`);
    if (await s.getAttribute('aria-expanded') !== 'true') await s.click();
    await s.locator('.monaco-button, a', { hasText: new RegExp(`^${button}$`) }).first().click();
  };

  await step('phi', 'Answer');
  await answer('protected health information', 'Yes');
  await question('BAAs has your organisation signed');
  await tick('BAAs has your organisation signed', 'Anthropic');

  await step('eu', 'Answer');
  await answer('personal data of people in the EU', 'Yes');
  await answer('Where may the data be processed', 'EEA');

  await step('certifications', 'Answer');
  await question('Which certifications');
  await tick('Which certifications', 'SOC 2');

  await step('gateway', 'Answer');
  await answer('gateway', 'llm-gateway.example.com');

  // Each question's step is checked off once answered (the last step opens the policy over the walkthrough).
  await page.waitForTimeout(500);
  const done = await page.locator('button.getting-started-step .codicon-getting-started-step-checked').count();
  check(done === 4, `the four answered steps are checked off (${done})`);
  await step('write', 'Create Policy');
  for (let i = 0; i < 60 && !fs.existsSync(policyFile); i++) await page.waitForTimeout(250);
  check(fs.existsSync(policyFile), 'the last step writes .llm-compliance.yaml');
  const yaml = createRequire(path.join(root, 'package.json'))('yaml');
  const policy = yaml.parse(fs.readFileSync(policyFile, 'utf8'));
  const got = JSON.stringify([policy.require, policy.baa, policy.residency, policy.gateway?.hosts]);
  check(got === JSON.stringify([['hipaa', 'eu-residency', 'soc2-type2'], ['anthropic'], 'eea', ['llm-gateway.example.com']]), `the policy holds the answers: ${got}`);

  // The policy takes effect: a plain count of findings, no longer the warning.
  await page.waitForFunction(() => {
    const item = document.querySelector('.statusbar-item[id$="llmCompliance.status"]');
    return item && /^\s*[1-9]\d*\s*$/.test(item.textContent ?? '') && !item.classList.contains('warning-kind');
  }, null, { timeout: 60_000 });
  check(true, `the status bar turns into a count of findings: ${(await status.textContent()).trim()}`);
  log(`${unfocused} question(s) opened without the keyboard focus`);
  return 0;
}
