// Entry point VS Code loads as `extensionTestsPath`: runs the suites with mocha inside the
// real extension host, and writes the results to $LLMC_TEST_RESULTS for the driver.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The browser driver forwards log lines unformatted: format the reporter's `%s` lines here.
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const results = { passes: [] as string[], failures: [] as { title: string; error: string }[] };
    const runner = mocha.run((failures) => {
      if (process.env.LLMC_TEST_RESULTS) fs.writeFileSync(process.env.LLMC_TEST_RESULTS, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.passes.push(t.fullTitle()));
    runner.on('fail', (t, err: unknown) => results.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.stack ?? err.message : String(err) }));
  });
}
