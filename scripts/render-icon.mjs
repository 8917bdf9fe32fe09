// Renders media/icon.svg to media/icon.png (128x128, transparent corners), the Marketplace icon.
// Run once after changing the SVG and commit the PNG: the build never renders it.
// Uses Debian's chromium through playwright-core from the real-VS-Code harness (npm run test:setup).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const HARNESS = process.env.LLMC_VSCODE_TEST_DIR ?? path.join(ROOT, '.vscode-test');
const { chromium } = createRequire(path.join(HARNESS, 'package.json'))('playwright-core');
const svg = fs.readFileSync(path.join(ROOT, 'media/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROME ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(ROOT, 'media/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png');
