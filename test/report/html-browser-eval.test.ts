import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Drawn { done?: boolean; points: number; rows: number }

test('eval --format html renders in Chromium: a result row per point and precision, carets, no console errors, nothing fetched', {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium)`, timeout: 60_000,
}, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'f-diagnose-eval-browser-')), 'eval.html');
  const r = runCli(['eval', 'log(1 + exp(x))', '--at', 'x=-100', '--at', 'x=100', '--at', 'x=0.5', '--backend', 'emulated', '--format', 'html', '-o', file]);
  assert.equal(r.code, 0, r.stderr);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (q) => { if (!q.url().startsWith('file:')) requests.push(q.url()); });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (window as unknown as { __fdiagnose?: Drawn }).__fdiagnose?.done === true, undefined, { timeout: 10_000 });
    const drawn = await page.evaluate(() => (window as unknown as { __fdiagnose: Drawn }).__fdiagnose);
    assert.deepEqual(drawn, { points: 3, rows: 6, done: true });
    assert.equal(await page.locator('section.point').count(), 3);
    assert.match(await page.locator('section.point').nth(1).innerText(), /overflow[\s\S]*\^~~~~~/);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
