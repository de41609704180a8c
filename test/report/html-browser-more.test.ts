import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { CHROMIUM_SKIP, launchChromium, openDrawn, watchedPage } from './chromium.js';


interface Drawn { done?: boolean; points: number; rows: number }

test('eval --format html and scan\'s fixes render in Chromium: a result row per point and precision, carets, the fix with its code, no console errors, nothing fetched', {
  skip: CHROMIUM_SKIP, timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-html-more-'));
  const file = join(dir, 'eval.html');
  const r = runCli(['eval', 'log(1 + exp(x))', '--at', 'x=-100', '--at', 'x=100', '--at', 'x=0.5', '--backend', 'emulated', '--format', 'html', '-o', file]);
  assert.equal(r.code, 0, r.stderr);
  const browser = await launchChromium();
  try {
    const { page, errors, requests } = await watchedPage(browser);
    const drawn = await openDrawn<Drawn>(page, file);
    assert.deepEqual(drawn, { points: 3, rows: 6, done: true });
    assert.equal(await page.locator('section.point').count(), 3);
    assert.match(await page.locator('section.point').nth(1).innerText(), /overflow[\s\S]*\^~~~~~/);

    // scan's HTML: the fix under the findings, its verification table and its code, visible
    const scan = join(dir, 'scan.html');
    assert.equal(runCli(['scan', 'log(1 + exp(x))', '-n', '256', '--backend', 'emulated', '--format', 'html', '-o', scan]).code, 0);
    await openDrawn(page, scan);
    const fix = page.locator('div.fix');
    assert.equal(await fix.isVisible(), true);
    assert.match(await fix.innerText(), /Fix: proved[\s\S]*made by: softplus[\s\S]*float32\s+grad:x[\s\S]*tf\.math\.softplus\(x\)/);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
