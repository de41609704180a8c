/** Debian's headless Chromium for the HTML tests, driven by playwright-core; a test skips with the reason when it is missing. */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_SKIP = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium)`;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A page that records its console errors and every request that is not for a local file (nothing may be fetched). */
export async function watchedPage(browser: Browser): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (q) => { if (!q.url().startsWith('file:')) requests.push(q.url()); });
  return { page, errors, requests };
}

/** Opens a report page and waits until its script says it has drawn; returns what it drew (window.__fdiagnose). */
export async function openDrawn<T>(page: Page, file: string): Promise<T> {
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => (window as unknown as { __fdiagnose?: { done?: boolean } }).__fdiagnose?.done === true, undefined, { timeout: 10_000 });
  return page.evaluate(() => (window as unknown as { __fdiagnose: T }).__fdiagnose);
}
