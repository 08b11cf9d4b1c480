/**
 * The explorer in a real Chromium on the seeds' graph (public/data/graph.json, built by
 * `npm run build:graph` before `vite build`). One persistent profile for the whole file: the first
 * test is the first visit, later ones reload from IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphFile } from '../../src/model';
import { ROOT, instrument, launch, shot, startPreview, statusCounts, waitForApp, waitForCanvas, type Browser, type Preview } from './harness';

const graph: GraphFile = JSON.parse(readFileSync(join(ROOT, 'dist/data/graph.json'), 'utf8'));
const node = (id: string) => graph.nodes.find((n) => n.id === id)!;

let preview: Preview;
let browser: Browser;
let page: Page;
let seen: Awaited<ReturnType<typeof instrument>>;
const timings: Record<string, number> = {};

async function renders(p: Page): Promise<number> {
  return Number(await p.getByTestId('canvas').getAttribute('data-renders'));
}
/** Runs `act` and waits for the canvas to finish the render it causes. */
async function afterRender(p: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await renders(p);
  await act();
  await p.waitForFunction((n) => {
    const c = document.querySelector('[data-testid=canvas]');
    return !!c && Number(c.getAttribute('data-renders')) > n && c.getAttribute('data-busy') === 'false';
  }, before, { timeout: 30_000 });
}

async function searchAndPick(p: Page, query: string, pick: (label: string, id: string) => boolean) {
  await p.keyboard.press('Escape');
  await p.locator('body').press('/');
  await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  await p.keyboard.press('Control+A');
  await p.keyboard.type(query);
  const items = p.getByTestId('search-results').locator('li[data-id]');
  await items.first().waitFor();
  const ids = await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-id')!, e.querySelector('.label')?.textContent ?? '']));
  const index = ids.findIndex(([id, label]) => pick(label, id));
  expect(index, `no search result for ${query} among ${JSON.stringify(ids.slice(0, 8))}`).toBeGreaterThanOrEqual(0);
  // Arrow keys move through the results; Enter selects.
  for (let i = 0; i < index; i++) await p.keyboard.press('ArrowDown');
  await p.keyboard.press('Enter');
  return ids[index][0];
}

beforeAll(async () => {
  preview = await startPreview();
  browser = await launch();
  seen = await instrument(browser.context);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  console.log(`[e2e measurements on the seeds] ${JSON.stringify(timings)}`);
  await browser?.close();
  await preview?.stop();
});

describe('explorer on the seeds', () => {
  it('first visit builds the database with progress and shows the counts', async () => {
    const t0 = Date.now();
    await page.goto(preview.url);
    await waitForApp(page);
    timings.firstLoadMs = Date.now() - t0;
    timings.firstBootMs = Number(await page.evaluate(() => document.documentElement.dataset.bootMs));
    expect(await page.evaluate(() => document.documentElement.dataset.bootStatus)).toBe('imported');
    // The import ran in the sync worker, off the main thread (src/ui/state/sync.worker.ts).
    expect(await page.evaluate(() => document.documentElement.dataset.syncHost)).toBe('worker');
    const progress = await page.evaluate(() => (window as unknown as { __seen: { progress: number[] } }).__seen.progress);
    expect(progress.length).toBeGreaterThan(0);
    const counts = await statusCounts(page);
    expect(counts.visibleNodes).toBe(graph.nodes.length);
    expect(counts.visibleEdges).toBe(graph.edges.length);
    expect(counts.hiddenNodes).toBe(0);
    expect(Number(await page.getByTestId('canvas').getAttribute('data-nodes'))).toBe(graph.nodes.length);
    // What was written is what was served: count rows in IndexedDB itself.
    const stored = await page.evaluate(
      () =>
        new Promise<{ nodes: number; edges: number; texts: number }>((res, rej) => {
          const req = indexedDB.open('policy-lineage');
          req.onerror = () => rej(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['graphChunks', 'texts'], 'readonly');
            const out = { nodes: 0, edges: 0, texts: 0 };
            // Graph rows are stored packed (src/store/chunks): count the rows inside the chunks
            // (node chunks hold rows, edge chunks columns with one id per edge).
            const chunks = tx.objectStore('graphChunks').getAll();
            const texts = tx.objectStore('texts').count();
            tx.oncomplete = () => {
              for (const c of chunks.result as ({ kind: 'nodes'; rows: unknown[] } | { kind: 'edges'; ids: string[] })[]) out[c.kind] += c.kind === 'nodes' ? c.rows.length : c.ids.length;
              out.texts = texts.result;
              db.close();
              res(out);
            };
          };
        }),
    );
    expect(stored).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length, texts: graph.sources.length });
    await shot(page, '01-first-load');
  });

  it('search 中发〔2019〕26号 → the document → the citing task in 鄂尔多斯’s plan, with the evidence', async () => {
    const docId = await searchAndPick(page, '中发〔2019〕26号', (_l, id) => {
      const n = node(id);
      return n && 'docNumber' in n && n.docNumber === '中发〔2019〕26号';
    });
    await shot(page, '02-search');
    const detail = page.getByTestId('detail');
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(node(docId).label);
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain('中发〔2019〕26号');

    // The citing tasks: incoming cites edges of the document, from the graph file.
    const citing = graph.edges.filter((e) => e.type === 'cites' && e.target === docId).map((e) => node(e.source));
    const ordos = citing.find((t) => t.type === 'task' && node(t.policyId).label.includes('鄂尔多斯'));
    expect(ordos, 'a task of 鄂尔多斯’s plan cites 中发〔2019〕26号').toBeDefined();
    await detail.getByTestId('neighbours').locator(`button[data-id="${ordos!.id}"]`).click();
    await expect.poll(() => page.getByTestId('detail-title').innerText()).toBe(ordos!.type === 'task' ? ordos!.title || ordos!.label : '');
    await expect.poll(() => page.getByTestId('attributes').innerText()).toContain('鄂尔多斯');
    // The evidence sentence, with the mention highlighted.
    const quote = detail.getByTestId('evidence-quote').filter({ hasText: '中发〔2019〕26号' }).first();
    await expect.poll(() => quote.innerText()).toContain('中发〔2019〕26号');
    expect(await quote.locator('mark').innerText()).toMatch(/中发〔2019〕26号|深化教育教学改革全面提高义务教育质量的意见/);
    // The source text opens scrolled to it.
    await quote.locator('xpath=..').getByTestId('show-in-text').click();
    const source = page.getByTestId('source-text');
    await source.locator('mark').waitFor();
    expect(await source.locator('mark').innerText()).toMatch(/中发〔2019〕26号|深化教育教学改革全面提高义务教育质量的意见/);
    expect(await source.locator('mark').isVisible()).toBe(true);
    await waitForCanvas(page);
    await page.waitForTimeout(400); // the zoom to the selection is animated
    await shot(page, '03-detail-evidence');
  });

  it('filters by year and type change the canvas and the counts, and the deep link restores them', async () => {
    if (await page.getByTestId('reset-filters').count()) await afterRender(page, () => page.getByTestId('reset-filters').click());
    const all = await statusCounts(page);
    const year = 2020;
    await afterRender(page, async () => {
      await page.getByTestId('year-from').fill(String(year));
      await page.getByTestId('year-from').press('Tab');
    });
    await afterRender(page, async () => {
      await page.getByTestId('year-to').fill(String(year));
      await page.getByTestId('year-to').press('Tab');
    });
    const byYear = await statusCounts(page);
    expect(byYear.visibleNodes).toBeLessThan(all.visibleNodes);
    expect(byYear.hiddenNodes).toBe(graph.nodes.length - byYear.visibleNodes);
    expect(Number(await page.getByTestId('canvas').getAttribute('data-nodes'))).toBe(byYear.visibleNodes);
    // Every policy and task left has the year (tasks checked through their policy).
    const tasksOfYear = graph.nodes.filter((n) => n.type === 'task' && (n.year ?? (node(n.policyId) as { year?: number }).year) === year).length;
    expect(tasksOfYear).toBeGreaterThan(0);

    await afterRender(page, () => page.getByTestId('type-task').uncheck());
    const noTasks = await statusCounts(page);
    expect(noTasks.visibleNodes).toBe(byYear.visibleNodes - tasksOfYear);
    expect(Number(await page.getByTestId('canvas').getAttribute('data-nodes'))).toBe(noTasks.visibleNodes);
    await shot(page, '04-filters');

    // Deep link: the same URL in a new tab restores the filters and the same view.
    const url = page.url();
    expect(url).toContain('y=2020-2020');
    const other = await browser.context.newPage();
    await other.goto(url);
    await waitForApp(other);
    expect(await statusCounts(other)).toEqual(noTasks);
    expect(await other.getByTestId('type-task').isChecked()).toBe(false);
    expect(await other.getByTestId('year-from').inputValue()).toBe(String(year));
    await other.close();
    await afterRender(page, () => page.getByTestId('reset-filters').click());
    expect(await statusCounts(page)).toEqual(all);
  });

  it('the issuer is typed with suggestions: unknown text is flagged and filters nothing, a known issuer filters', async () => {
    if (await page.getByTestId('reset-filters').count()) await afterRender(page, () => page.getByTestId('reset-filters').click());
    const all = await statusCounts(page);
    const suggested = await page.locator('#issuer-options option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // Every issuer of the seeds' policies is suggested, the most frequent first.
    const uses = new Map<string, number>();
    for (const n of graph.nodes) if (n.type === 'policy') for (const i of n.issuers ?? []) uses.set(i, (uses.get(i) ?? 0) + 1);
    expect(new Set(suggested)).toEqual(new Set(uses.keys()));
    expect(uses.get(suggested[0])).toBe(Math.max(...uses.values()));

    const input = page.getByTestId('issuer');
    await input.fill('并无此机关');
    await input.press('Tab');
    await expect.poll(() => page.getByTestId('issuer-unknown').isVisible()).toBe(true);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await statusCounts(page)).toEqual(all);
    expect(page.url()).not.toContain('issuer=');

    const issuer = suggested[0];
    await afterRender(page, async () => {
      await input.fill(issuer);
      await input.press('Tab');
    });
    expect(await page.getByTestId('issuer-unknown').count()).toBe(0);
    const byIssuer = await statusCounts(page);
    expect(byIssuer.visibleNodes).toBeGreaterThan(0);
    expect(byIssuer.visibleNodes).toBeLessThan(all.visibleNodes);
    expect(decodeURIComponent(page.url())).toContain(`issuer=${issuer}`);
    await shot(page, '04b-issuer');
    await afterRender(page, () => page.getByTestId('reset-filters').click());
    expect(await input.inputValue()).toBe('');
    expect(await statusCounts(page)).toEqual(all);
  });

  it('a double-click pulls in a node\'s hidden neighbours, and the drawing stays in place around them', async () => {
    if (await page.getByTestId('reset-filters').count()) await afterRender(page, () => page.getByTestId('reset-filters').click());
    // Tasks hidden: the largest node (a much-cited document or a policy) has hidden neighbours, tasks.
    await afterRender(page, () => page.getByTestId('type-task').uncheck());
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    const canvas = page.getByTestId('canvas');
    const probe = async () => JSON.parse((await canvas.getAttribute('data-probe')) ?? '{}') as { id: string; x: number; y: number };
    const drawnNodes = async () => Number(await canvas.getAttribute('data-nodes'));
    const before = await probe();
    const nodesBefore = await drawnNodes();
    const layoutInfo = () => page.evaluate(() => /layout \d+ ms \(\w+\)/.exec(document.querySelector('[data-testid=status]')?.textContent ?? '')?.[0] ?? '');
    const layoutBefore = await layoutInfo();
    const box = (await canvas.boundingBox())!;
    await afterRender(page, () => page.mouse.dblclick(box.x + before.x, box.y + before.y));
    expect(decodeURIComponent(page.url())).toContain(`x=${before.id}`);
    const nodesAfter = await drawnNodes();
    // The node's hidden neighbours (its tasks: citing it, or its own) are drawn now.
    const other = (e: { source: string; target: string }) => (e.source === before.id ? e.target : e.source);
    const tasks = new Set(graph.edges.filter((e) => (e.source === before.id || e.target === before.id) && node(other(e))?.type === 'task').map(other));
    expect(tasks.size).toBeGreaterThan(0);
    expect(nodesAfter).toBe(nodesBefore + tasks.size);
    const after = await probe();
    const layoutAfter = await layoutInfo();
    // A few new nodes (under a tenth of the view): what was drawn stays where it was, and the
    // layout is still the last one's (src/ui/cy/draw.ts keepsLayout).
    expect(nodesAfter - nodesBefore).toBeLessThanOrEqual(0.1 * nodesAfter);
    expect(layoutBefore).toMatch(/^layout \d+ ms/);
    expect(layoutAfter).toBe(layoutBefore);
    expect(after.id).toBe(before.id);
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
    await shot(page, '04c-expanded');
    await afterRender(page, () => page.getByTestId('reset-filters').click());
  });

  it('lineage of 关于深化新时代教育督导体制机制改革的意见 shows both 随州 and 大连', async () => {
    const id = await searchAndPick(page, '督导', (label) => label === '关于深化新时代教育督导体制机制改革的意见');
    expect(node(id).type === 'document' || node(id).type === 'policy').toBe(true);
    await page.getByTestId('show-lineage').click();
    const outline = page.getByTestId('lineage-outline');
    await outline.waitFor();
    await waitForCanvas(page);
    const text = await outline.innerText();
    expect(text).toContain('随州');
    expect(text).toContain('大连');
    await shot(page, '05-lineage');

    // The lineage view is a deep link too (language included).
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const url = page.url();
    expect(url).toContain('v=lineage');
    const other = await browser.context.newPage();
    await other.goto(url);
    await other.getByTestId('lineage-outline').waitFor();
    const restored = await other.getByTestId('lineage-outline').innerText();
    expect(restored).toContain('随州');
    expect(restored).toContain('大连');
    expect(await other.getByTestId('detail-title').innerText()).toBe(node(id).label);
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(other, '06-lineage-deep-link-en');
    await other.close();
    await page.getByTestId('lang-toggle').click();
  });

  it('reload works from IndexedDB with the graph unreachable', async () => {
    await page.route('**/data/graph.json', (r) => r.abort('internetdisconnected'));
    await page.route('**/data/texts/**', (r) => r.abort('internetdisconnected'));
    await page.route('**/data/manifest.json', (r) => r.abort('internetdisconnected'));
    const t0 = Date.now();
    await page.goto(preview.url);
    await waitForApp(page);
    timings.offlineReloadMs = Date.now() - t0;
    expect(await page.evaluate(() => document.documentElement.dataset.bootStatus)).toBe('offline');
    await page.getByTestId('banner-offline').waitFor();
    expect((await statusCounts(page)).visibleNodes).toBe(graph.nodes.length);
    // Source texts come from IndexedDB too.
    await searchAndPick(page, '中发〔2019〕26号', (_l, id) => id.startsWith('doc:'));
    await page.getByTestId('show-in-text').first().click();
    await page.getByTestId('source-text').locator('mark').waitFor();
    await shot(page, '07-offline');
    await page.unroute('**/data/graph.json');
    await page.unroute('**/data/texts/**');
    await page.unroute('**/data/manifest.json');
  });

  it('an online reload with an unchanged graph does not re-import', async () => {
    const t0 = Date.now();
    await page.goto(preview.url);
    await waitForApp(page);
    timings.reloadMs = Date.now() - t0;
    timings.reloadBootMs = Number(await page.evaluate(() => document.documentElement.dataset.bootMs));
    expect(await page.evaluate(() => document.documentElement.dataset.bootStatus)).toBe('unchanged');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    timings.jsHeapUsedMB = Math.round((heap.usedSize / 1048576) * 10) / 10;
    timings.jsHeapTotalMB = Math.round((heap.totalSize / 1048576) * 10) / 10;
    expect(heap.usedSize).toBeGreaterThan(0);
  });

  it('makes no request to another origin, violates no CSP rule, throws nothing', async () => {
    const origin = new URL(preview.url).origin;
    const foreign = seen.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    const csp = await page.evaluate(() => (window as unknown as { __seen: { csp: string[] } }).__seen.csp);
    expect(csp).toEqual([]);
    // Aborted graph fetches in the offline test log console errors; nothing else may.
    expect(seen.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([]);
  });
});
