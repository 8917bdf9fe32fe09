// The same extension-host suite in desktop VS Code (Electron), for machines that can
// download it: @vscode/test-electron fetches VS Code and runs out/test/integration as
// extensionTestsPath on a copy of examples/. (These build machines cannot download it;
// they run the suite in code-server with run.mjs.)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(import.meta.dirname, '../..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'llmc-examples-'));
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error('extension-host suite failed:', err);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
