/**
 * A full disk is reported, not swallowed: IndexedDB writes are made to fail with
 * QuotaExceededError (as Chromium does when the origin's quota is spent) and the app must say
 * so, with advice, and leave the database without a half-written graph.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instrument, launch, shot, startPreview, type Browser, type Preview } from './harness';

let preview: Preview;
let browser: Browser;

beforeAll(async () => {
  preview = await startPreview();
  browser = await launch();
  await instrument(browser.context);
  // Writes to the graph tables fail after the first few, the way a quota runs out mid-import.
  const failGraphWrites = () => {
    let writes = 0;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        // Graph rows are packed (src/store/chunks): the seeds' nodes fill the first chunk written.
        if (this.name === 'graphChunks' && ++writes > 1) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      } as IDBObjectStore['put'];
    }
  };
  await browser.context.addInitScript(failGraphWrites);
  // Init scripts do not run in workers, and the import runs in the sync worker: worker scripts get
  // the same patch in front.
  await browser.context.route('**/assets/*.worker-*.js', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `(${failGraphWrites.toString()})();\n${await res.text()}` });
  });
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

it('a QuotaExceededError during import is shown with advice and nothing is half-written', async () => {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(preview.url);
  const banner = page.getByTestId('banner-error');
  await banner.waitFor({ timeout: 60_000 });
  expect(await banner.getAttribute('data-kind')).toBe('quota');
  expect(await banner.innerText()).toContain('存储空间不足');
  // The failing write was the sync worker's: its error crossed to the page as data, still a quota error.
  expect(await page.evaluate(() => document.documentElement.dataset.syncHost)).toBe('worker');
  await shot(page, '09-quota-error');
  // The transaction was rolled back: no nodes stored even though they were written before the edges.
  const nodes = await page.evaluate(
    () =>
      new Promise<number>((res, rej) => {
        const req = indexedDB.open('policy-lineage');
        req.onerror = () => rej(req.error);
        req.onsuccess = () => {
          const c = req.result.transaction('graphChunks', 'readonly').objectStore('graphChunks').count();
          c.onsuccess = () => res(c.result);
        };
      }),
  );
  expect(nodes).toBe(0);
});
