/**
 * Document text is untrusted: a graph whose texts, quotes and labels hold <script> and
 * <img onerror> must render them as text. Serves the hand-written fixture graph
 * (test/fixtures/ui) in place of the seeds' graph by routing the two data URLs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, instrument, launch, shot, startPreview, waitForApp, type Browser, type Preview } from './harness';

const FIXTURE = join(ROOT, 'test/fixtures/ui');
let preview: Preview;
let browser: Browser;
let page: Page;
let seen: Awaited<ReturnType<typeof instrument>>;

beforeAll(async () => {
  preview = await startPreview();
  browser = await launch();
  seen = await instrument(browser.context);
  await browser.context.route('**/data/graph.json', (r) => r.fulfill({ body: readFileSync(join(FIXTURE, 'graph.json')), contentType: 'application/json' }));
  await browser.context.route('**/data/texts/*.txt', (r) => {
    const name = decodeURIComponent(new URL(r.request().url()).pathname.split('/').pop()!);
    r.fulfill({ body: readFileSync(join(FIXTURE, 'texts', name)), contentType: 'text/plain; charset=utf-8' });
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

it('renders <script> and <img onerror> from documents as inert text', async () => {
  await page.goto(preview.url);
  await waitForApp(page);
  await page.locator('body').press('/');
  await page.keyboard.type('安全防护');
  await page.getByTestId('search-results').locator('li[data-id]').first().waitFor();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('detail');
  const quote = detail.getByTestId('evidence-quote').first();
  await expect.poll(() => quote.innerText()).toContain('<img src=x onerror=');
  await detail.getByTestId('show-in-text').first().click();
  const source = page.getByTestId('source-text');
  await expect.poll(() => source.innerText()).toContain('<script>window.__pwned=1</script>');
  // Present as text, absent as elements; nothing ran.
  expect(await page.locator('[data-testid=detail] img, [data-testid=detail] script, [data-testid=source-text] script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // A node label with markup is drawn as text too (search result and title).
  await page.locator('body').press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('安全防护');
  expect(await page.getByTestId('search-results').locator('li[data-id] b').count()).toBe(0);
  await shot(page, '08-untrusted-text');
  const csp = await page.evaluate(() => (window as unknown as { __seen: { csp: string[] } }).__seen.csp);
  expect(csp).toEqual([]);
  expect(seen.problems).toEqual([]);
});
