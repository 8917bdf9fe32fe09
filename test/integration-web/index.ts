// Entry point VS Code loads as `extensionTestsPath` in the web worker extension host
// (scripts/vscode-test/run.mjs --web): the suites run with mocha's browser build. There is no
// file system here: the results go to the driver as one console line, LLMC_WEB_RESULTS {json}.
import 'mocha/mocha';

/** The reporter's `%s`/`%d` lines, formatted here: the driver gets log lines unformatted. */
function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  return typeof first === 'string' ? first.replace(/%[sd]/g, () => (rest.length ? String(rest.shift()) : '')) + rest.map((a) => ` ${String(a)}`).join('') : args.map(String).join(' ');
}

export function run(): Promise<void> {
  (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.log(format(...args));
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  return import('./web.test').then(() => new Promise((resolve, reject) => {
    const results = { passes: [] as string[], failures: [] as { title: string; error: string }[] };
    // Mocha.prototype.run, not the browser build's mocha.run, which reads the page's `location` (a worker here has none).
    const runner = Mocha.prototype.run.call(mocha, (failures) => {
      console.log(`LLMC_WEB_RESULTS ${JSON.stringify(results)}`);
      if (failures > 0) reject(new Error(`${failures} web extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.passes.push(t.fullTitle()));
    runner.on('fail', (t, err: unknown) => results.failures.push({ title: t.fullTitle(), error: err instanceof Error ? err.stack ?? err.message : String(err) }));
  }));
}
