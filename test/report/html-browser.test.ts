import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { CHROMIUM_SKIP, launchChromium, openDrawn, watchedPage } from './chromium.js';


interface Drawn { done?: boolean; plots: Array<{ title: string; points: number; series: number }>; heatmaps: Array<{ title: string; cells: number }> }

test('scan --format html: one self-contained file that renders in Chromium with plots that have data, no console errors', {
  skip: CHROMIUM_SKIP, timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-html-'));
  const file = join(dir, 'report.html');
  // one variable (plots) and two (heatmap); x*y overflows in float32 for |x y| > 3.4e38
  const one = runCli(['scan', 'log(1 + exp(x))', '-n', '256', '--backend', 'emulated', '--format', 'html', '-o', file]);
  assert.equal(one.code, 0, one.stderr);
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/[^"'\s]*\.(js|css)/, 'nothing may be fetched');
  const two = join(dir, 'two.html');
  assert.equal(runCli(['scan', 'x*y', '-n', '128', '--backend', 'emulated', '--format', 'html', '-o', two]).code, 0);
  // check --html: the CI artifact, beside the text summary (naive fails: NaN in the float32 gradient below -88.72)
  const config = { checks: [{ name: 'naive', expr: '1/(1-exp(-x)) - 1/x', vars: { x: [-100, 100] } }] };
  writeFileSync(join(dir, 'f-diagnose.config.json'), JSON.stringify(config));
  const checked = runCli(['check', '--samples', '128', '--html', 'check.html'], { cwd: dir });
  assert.equal(checked.code, 1, checked.stdout + checked.stderr);
  assert.match(checked.stdout, /^FAIL naive/m);

  const browser = await launchChromium();
  try {
    const { page, errors, requests } = await watchedPage(browser);
    const drawn = await openDrawn<Drawn>(page, file);
    // value, gradient and bits of error, each with float32 and float64 (bits: 4 series)
    assert.equal(drawn.plots.length, 3, JSON.stringify(drawn));
    for (const p of drawn.plots) assert.ok(p.points > 100, `${p.title}: ${p.points} points`);
    assert.equal(await page.locator('canvas').count() >= 3, true);
    assert.match(await page.locator('h2').first().innerText(), /Summary/);

    const heat = await openDrawn<Drawn>(page, two);
    assert.equal(heat.heatmaps.length, 1);
    assert.ok(heat.heatmaps[0]!.cells > 10, JSON.stringify(heat.heatmaps));

    const checkPlots = await openDrawn<Drawn>(page, join(dir, 'check.html'));
    assert.equal(checkPlots.plots.length, 3);
    assert.match(await page.locator('pre.summary').innerText(), /^FAIL UNSTABLE +naive:/);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});
