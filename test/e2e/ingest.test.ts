/**
 * Bringing one's own documents, in a real Chromium: the app is served WITHOUT a graph (graph.json
 * and extractions.json answer 404), the five seeds are dropped onto the drop zone, and the graph
 * the browser builds (read back from IndexedDB) is compared with the CLI's public/data/graph.json.
 * Then a GBK copy of a seed, a removal, and a cancel midway. Long main-thread tasks are recorded
 * with a PerformanceObserver ('longtask') and the longest during ingestion is printed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphEdge, GraphFile, GraphNode, StoredEdge } from '../../src/model';
import { decodeEdges, type EdgeColumns } from '../../src/store/edge-columns';
import { encodeGb18030 } from '../fixtures/decode/gb18030-encode';
import { ROOT, instrument, launch, shot, startPreview, waitForCanvas, type Browser, type Preview } from './harness';

const SEEDS_DIR = join(ROOT, 'seeds');
const cliGraph: GraphFile = JSON.parse(readFileSync(join(ROOT, 'dist/data/graph.json'), 'utf8'));
const seedNames = cliGraph.sources.map((s) => s.path).sort();
const seedBytes = (name: string) => readFileSync(join(SEEDS_DIR, name));

let preview: Preview;
let browser: Browser;
let page: Page;
let seen: Awaited<ReturnType<typeof instrument>>;
const measured: Record<string, number | string> = {};

interface Rows {
  nodes: GraphNode[];
  edges: GraphEdge[];
  sources: { id: string; path: string; origin?: string }[];
  texts: string[];
  extractions: string[];
}

/** Every row of the app's database, read with the raw IndexedDB API in the page. */
async function readDb(p: Page): Promise<Rows> {
  return p.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('policy-lineage');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string, keys = false) =>
      new Promise<unknown[]>((res, rej) => {
        const s = db.transaction(store).objectStore(store);
        const r = keys ? s.getAllKeys() : s.getAll();
        r.onsuccess = () => res(r.result as unknown[]);
        r.onerror = () => rej(r.error);
      });
    // Graph rows are stored packed (src/store/chunks): chunks in key order, node rows, edge
    // columns (typed arrays sent as plain arrays, decoded below).
    const chunks = (await all('graphChunks')) as Record<string, unknown>[];
    const plain = (c: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(c).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]));
    const out = {
      nodes: chunks.filter((c) => c.kind === 'nodes').flatMap((c) => c.rows as unknown[]),
      edgeChunks: chunks.filter((c) => c.kind === 'edges').map(plain),
      sources: await all('sources'),
      texts: (await all('texts', true)).map(String),
      extractions: (await all('extractions', true)).map(String),
    };
    db.close();
    return out;
  }).then(({ edgeChunks, ...rest }) => {
    const rows = rest as unknown as Rows;
    const edges: StoredEdge[] = [];
    for (const c of edgeChunks as unknown as EdgeColumns[]) {
      const cols = { ...c, types: Uint8Array.from(c.types), sources: Int32Array.from(c.sources), targets: Int32Array.from(c.targets), intents: Int8Array.from(c.intents) };
      decodeEdges(cols, rows.nodes, 'inline', edges);
    }
    return { ...rows, edges: edges as GraphEdge[] };
  });
}

/** Row counts and a checksum of every id, per table. */
async function fingerprint(p: Page) {
  const rows = await readDb(p);
  const sum = async (ids: string[]) => {
    const bytes = new TextEncoder().encode([...ids].sort().join('\n'));
    const d = await crypto.subtle.digest('SHA-256', bytes);
    return Buffer.from(d).toString('hex').slice(0, 16);
  };
  return {
    nodes: [rows.nodes.length, await sum(rows.nodes.map((n) => n.id))],
    edges: [rows.edges.length, await sum(rows.edges.map((e) => e.id))],
    sources: [rows.sources.length, await sum(rows.sources.map((s) => s.id))],
    texts: [rows.texts.length, await sum(rows.texts)],
    extractions: [rows.extractions.length, await sum(rows.extractions)],
  };
}

const dataset = (p: Page, key: string) => p.evaluate((k) => document.documentElement.dataset[k] ?? null, key);

async function waitIngest(p: Page, status: string, timeout = 60_000) {
  await p.waitForFunction((s) => document.documentElement.dataset.ingestStatus === s, status, { timeout });
}

/** Long tasks (≥ 50 ms) the page recorded between two performance.now() times. */
async function longTasks(p: Page, from: number, to: number): Promise<{ at: number; ms: number }[]> {
  return p.evaluate(
    ([a, b]) =>
      (window as unknown as { __long: { start: number; duration: number }[] }).__long
        .filter((t) => t.start + t.duration >= a && t.start <= b)
        .map((t) => ({ at: Math.round(t.start - a), ms: Math.round(t.duration) })),
    [from, to] as const,
  );
}
const longest = (ts: { ms: number }[]) => Math.max(0, ...ts.map((t) => t.ms));

/** Drops files on the drop zone: a DataTransfer carrying File objects, as a real drop does. */
async function dropFiles(p: Page, files: { name: string; base64: string }[]) {
  await p.getByTestId('ingest-dropzone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

beforeAll(async () => {
  preview = await startPreview();
  browser = await launch();
  seen = await instrument(browser.context);
  // No served graph: the database starts empty, everything in it comes from ingestion.
  await browser.context.route('**/data/graph.json', (r) => r.fulfill({ status: 404, body: '' }));
  await browser.context.route('**/data/extractions.json', (r) => r.fulfill({ status: 404, body: '' }));
  await browser.context.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  console.log(`[e2e ingestion measurements] ${JSON.stringify(measured)}`);
  await browser?.close();
  await preview?.stop();
});

describe('ingesting documents in the browser', () => {
  it('the five seeds dropped into an empty database give the CLI graph', async () => {
    await page.goto(preview.url);
    await page.waitForFunction(() => document.documentElement.dataset.bootStatus !== undefined, undefined, { timeout: 60_000 });
    expect(await dataset(page, 'bootStatus')).toBe('unavailable');
    await page.getByTestId('ingest-empty').waitFor();
    await shot(page, 'ingest-empty');
    expect((await readDb(page)).nodes).toHaveLength(0);

    await page.getByTestId('ingest-open').click();
    await page.getByTestId('ingest-dialog').waitFor();
    await shot(page, 'ingest-dialog-empty');
    const files = seedNames.map((name) => ({ name, base64: seedBytes(name).toString('base64') }));
    await dropFiles(page, files);
    await waitIngest(page, 'done');

    const started = Number(await dataset(page, 'ingestStartedAt'));
    const written = Number(await dataset(page, 'ingestWrittenAt'));
    const during = await longTasks(page, started, written);
    const ended = await page.evaluate(() => performance.now());
    const withReload = await longTasks(page, started, ended);
    measured.seedsIngestMs = Number(await dataset(page, 'ingestMs'));
    measured.seedsWorkerMs = Number(await dataset(page, 'ingestWorkerMs'));
    measured.longestTaskDuringIngestMs = longest(during);
    // [ms after the start of ingestion, duration] of each long task until the rows were written.
    measured.longTasksDuringIngest = JSON.stringify(during.map((t) => [t.at, t.ms]));
    measured.longestTaskIncludingGraphReloadMs = longest(withReload);

    const rows = await readDb(page);
    // Ids are content-derived (source id = SHA-256 of the bytes), so they match exactly.
    expect(rows.nodes.map((n) => n.id).sort()).toEqual(cliGraph.nodes.map((n) => n.id).sort());
    expect(rows.edges.map((e) => e.id).sort()).toEqual(cliGraph.edges.map((e) => e.id).sort());
    const evidence = (es: GraphEdge[]) => Object.fromEntries(es.map((e) => [e.id, e.evidence]));
    expect(evidence(rows.edges)).toEqual(evidence(cliGraph.edges));
    // And every attribute too.
    expect(byId(rows.nodes)).toEqual(byId(cliGraph.nodes));
    expect(byId(rows.edges)).toEqual(byId(cliGraph.edges));
    expect(rows.sources.map((s) => s.origin)).toEqual(seedNames.map(() => 'user'));
    expect(rows.texts.sort()).toEqual(cliGraph.sources.map((s) => s.id).sort());

    // The view shows it: the source list marks them as the analyst's, the canvas has the graph.
    const list = page.getByTestId('ingest-sources').getByTestId('source-row');
    await expect.poll(() => list.count()).toBe(seedNames.length);
    expect(await list.evaluateAll((els) => els.map((e) => e.getAttribute('data-origin')))).toEqual(seedNames.map(() => 'user'));
    const reports = page.getByTestId('ingest-reports').locator('li');
    expect(await reports.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(seedNames.map(() => 'added'));
    await shot(page, 'ingest-dialog-done');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('ingest-dialog').isVisible()).toBe(false);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=canvas]')?.getAttribute('data-nodes')) === n, cliGraph.nodes.length, { timeout: 30_000 });
    await waitForCanvas(page);
    expect(await page.getByTestId('banner-unavailable').count()).toBe(0);
    await shot(page, 'ingest-graph');
  });

  it('a GBK-encoded copy of a seed gives the same policy as the UTF-8 file', async () => {
    const candidates = seedNames.flatMap((name) => {
      try {
        return [{ name, bytes: encodeGb18030(seedBytes(name).toString('utf8'), true) }];
      } catch {
        return []; // holds a character only GB18030 has (e.g. U+00A0)
      }
    });
    expect(candidates.length).toBeGreaterThan(0);
    const { name, bytes } = candidates[0];
    const gbkName = name.replace(/\.txt$/, '.gbk.txt');
    await page.getByTestId('ingest-open').click();
    await page.getByTestId('ingest-file-input').setInputFiles([{ name: gbkName, mimeType: 'text/plain', buffer: Buffer.from(bytes) }]);
    await waitIngest(page, 'done');
    const rows = await readDb(page);
    const gbkSource = rows.sources.find((s) => s.path === gbkName)!;
    expect(gbkSource).toBeDefined();
    const utf8Id = cliGraph.sources.find((s) => s.path === name)!.id;
    const policiesOf = (nodes: GraphNode[], sourceId: string) =>
      nodes.flatMap((n) => (n.type === 'policy' && n.sourceId === sourceId ? [{ ...n, id: '', sourceId: '', aliases: undefined }] : []));
    const fromGbk = policiesOf(rows.nodes, gbkSource.id);
    expect(fromGbk.length).toBeGreaterThan(0);
    expect(fromGbk).toEqual(policiesOf(cliGraph.nodes, utf8Id));
    const tasksOf = (nodes: GraphNode[], sourceId: string) => nodes.filter((n) => n.type === 'task' && n.sourceId === sourceId).map((n) => (n.type === 'task' ? [n.path.join('/'), n.title, n.start, n.end] : []));
    expect(tasksOf(rows.nodes, gbkSource.id)).toEqual(tasksOf(cliGraph.nodes, utf8Id));
    const report = page.getByTestId('ingest-reports').locator(`li[data-path="${gbkName}"]`);
    expect(await report.getAttribute('data-status')).toBe('added');
    expect(await report.innerText()).toContain('gb18030');
  });

  it('removing an added source takes its nodes away and keeps the shared ones', async () => {
    const before = await readDb(page);
    const gbk = before.sources.find((s) => s.path.endsWith('.gbk.txt'))!;
    const own = new Set(before.nodes.filter((n) => (n.type === 'policy' || n.type === 'task') && n.sourceId === gbk.id).map((n) => n.id));
    // Entities its policies and tasks point at that the original file points at too.
    const reached = new Set(before.edges.filter((e) => own.has(e.source)).map((e) => e.target));
    const shared = [...reached].filter((id) => !own.has(id));
    expect(shared.length).toBeGreaterThan(0);

    const row = page.getByTestId('ingest-sources').locator(`[data-id="${gbk.id}"]`);
    await row.getByTestId('source-remove').click();
    await row.getByTestId('source-remove').click(); // second click confirms
    await expect.poll(async () => (await readDb(page)).sources.some((s) => s.id === gbk.id), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => row.count()).toBe(0);

    const after = await readDb(page);
    const ids = new Set(after.nodes.map((n) => n.id));
    expect([...own].filter((id) => ids.has(id))).toEqual([]);
    expect(shared.filter((id) => !ids.has(id))).toEqual([]);
    expect(after.texts).not.toContain(gbk.id);
    expect(after.extractions).not.toContain(gbk.id);
    // Back to exactly the seeds' graph.
    expect(after.nodes.map((n) => n.id).sort()).toEqual(cliGraph.nodes.map((n) => n.id).sort());
    expect(after.edges.map((e) => e.id).sort()).toEqual(cliGraph.edges.map((e) => e.id).sort());
  });

  it('a folder with bad files: each is listed with the reason, the rest goes in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ple-folder-'));
    const folder = join(dir, 'plans');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'a-copy.txt'), Buffer.concat([seedBytes(seedNames[0]), Buffer.from('\n(补充说明)\n')]));
    writeFileSync(join(folder, 'sub', 'dup.txt'), seedBytes(seedNames[1]));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'scan.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(folder, 'report.pdf'), '%PDF-1.4 not a text file');
    try {
      await page.getByTestId('ingest-folder-input').setInputFiles(folder);
      await waitIngest(page, 'done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const items = page.getByTestId('ingest-reports').locator('li');
    const reports = Object.fromEntries(
      await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-path')!, [e.getAttribute('data-status')!, e.querySelector('.reason')?.textContent ?? '']])),
    );
    expect(reports['plans/a-copy.txt'][0]).toBe('added');
    expect(reports['plans/sub/dup.txt']).toEqual(['duplicate', `与 ${seedNames[1]} 内容相同`]);
    expect(reports['plans/empty.txt']).toEqual(['rejected', 'plans/empty.txt: empty file']);
    expect(reports['plans/scan.html'][0]).toBe('rejected');
    expect(reports['plans/scan.html'][1]).toMatch(/^plans\/scan\.html: binary file/);
    expect(reports['plans/report.pdf']).toEqual(['skipped', '不是 .txt、.md 或 .html 文件']);
    await shot(page, 'ingest-bad-files');
    const rows = await readDb(page);
    const added = rows.sources.find((s) => s.path === 'plans/a-copy.txt');
    expect(added?.origin).toBe('user');
    expect(rows.sources.filter((s) => s.path.startsWith('plans/'))).toHaveLength(1);
    expect(rows.nodes.some((n) => n.type === 'policy' && n.sourceId === added!.id)).toBe(true);
  });

  it('pasted text goes in as a document of its own', async () => {
    await page.getByText(/粘贴文本|Paste text/).first().click();
    await page.getByTestId('ingest-paste-name').fill('粘贴的通知');
    const text = seedBytes(seedNames[2]).toString('utf8') + '\n(粘贴)\n';
    await page.getByTestId('ingest-paste-text').fill(text);
    await page.getByTestId('ingest-paste-add').click();
    await waitIngest(page, 'done');
    const rows = await readDb(page);
    const pasted = rows.sources.find((s) => s.path === '粘贴的通知.txt');
    expect(pasted?.origin).toBe('user');
    const policies = (id: string) => rows.nodes.filter((n) => n.type === 'policy' && n.sourceId === id).map((n) => n.label);
    expect(policies(pasted!.id)).toEqual(policies(cliGraph.sources.find((s) => s.path === seedNames[2])!.id));
  });

  it('cancelled midway, the database is exactly as before', async () => {
    const before = await fingerprint(page);
    // 200 distinct files: copies of the seeds, each with a small edit (so each has its own id).
    const files = Array.from({ length: 200 }, (_, i) => {
      const name = seedNames[i % seedNames.length];
      return { name: `copy-${String(i).padStart(3, '0')}-${name}`, mimeType: 'text/plain', buffer: Buffer.concat([seedBytes(name), Buffer.from(`\n(副本 ${i})\n`)]) };
    });
    await page.getByTestId('ingest-file-input').setInputFiles(files);
    await page.waitForFunction(() => Number(document.documentElement.dataset.ingestFiles) >= 1, undefined, { timeout: 30_000 });
    await page.getByTestId('ingest-progress').waitFor();
    await shot(page, 'ingest-progress');
    await page.getByTestId('ingest-cancel').click();
    await waitIngest(page, 'cancelled');
    const done = Number(await dataset(page, 'ingestFiles'));
    measured.cancelledAfterFiles = done;
    expect(done).toBeLessThan(200);
    expect(await fingerprint(page)).toEqual(before);
    expect(await page.getByTestId('ingest-result').innerText()).toMatch(/取消|Cancelled/);
  });

  it('no uncaught errors and no CSP violations', async () => {
    const csp = await page.evaluate(() => (window as unknown as { __seen: { csp: string[] } }).__seen.csp);
    expect(csp).toEqual([]);
    // The 404s of graph.json/extractions.json are this test's doing.
    expect(seen.problems.filter((p) => !/404|Failed to load resource/.test(p))).toEqual([]);
  });
});
