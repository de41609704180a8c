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

test('eval --format html and scan\'s fixes render in Chromium: a result row per point and precision, carets, the fix with its code, no console errors, nothing fetched', {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium)`, timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-html-more-'));
  const file = join(dir, 'eval.html');
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

    // scan's HTML: the fix under the findings, its verification table and its code, visible
    const scan = join(dir, 'scan.html');
    assert.equal(runCli(['scan', 'log(1 + exp(x))', '-n', '256', '--backend', 'emulated', '--format', 'html', '-o', scan]).code, 0);
    await page.goto(pathToFileURL(scan).href);
    await page.waitForFunction(() => (window as unknown as { __fdiagnose?: { done?: boolean } }).__fdiagnose?.done === true, undefined, { timeout: 10_000 });
    const fix = page.locator('div.fix');
    assert.equal(await fix.isVisible(), true);
    assert.match(await fix.innerText(), /Fix: proved[\s\S]*made by: softplus[\s\S]*float32\s+grad:x[\s\S]*tf\.math\.softplus\(x\)/);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
