/**
 * The browser benchmark: headless Chromium (playwright-core), synthetic graph files of growing
 * size. Two pages: the bench page (scripts/bench/page: the app's store and graph modules measured
 * one by one) and the built app itself, for reload to interactive (IndexedDB → graphology →
 * first canvas) on a warm database.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { writeSynthGraph } from './graph-synth';
import { startServer } from './server';
import { graphViewDrawn, reloadMarks } from './reload-marks';
import type { GraphManifest } from '../../src/model';
import type { DrawResult } from './page/entry';

export interface Stats {
  median: number;
  p95: number;
  max: number;
  n: number;
}

export interface BrowserRow {
  nodes: number;
  edges: number;
  jsonBytes: number;
  fetchParseMs: number;
  importMs: number;
  rowsPerS: number;
  loadMs: number;
  indexMs: number;
  /** Reload until the canvas shows a view: the stored one (drawn before the graph is built) or the graph's. */
  reloadMs?: number;
  /** Reload until the graph is built and its own view is on the canvas (filters, search, lineage usable). */
  reloadGraphMs?: number;
  appBootMs?: number;
  /** Reload until the first force layout of the view has been applied. */
  layoutDoneMs?: number;
  firstVisitMs?: number;
  /** Longest main-thread task from the first visit's start to its first canvas. */
  firstVisitLongestTaskMs?: number;
  filter: Stats;
  search: Stats;
  lineage: Stats;
  capMs: number;
  renderMs: number;
  /** The bench page's JS heap after its own run (the graph it measured released by then: not the app's). */
  heapBytes: number;
  /** The app's JS heap after its interactions (a forced full collection first). */
  appHeapBytes?: number;
  longestTaskMs: number;
  notes: string[];
}

async function writeManifest(graphFile: string, out: string, g: { nodes: number; edges: number; sources: number }): Promise<string> {
  const hash = createHash('sha256');
  for await (const part of createReadStream(graphFile)) hash.update(part as Buffer);
  const manifest: GraphManifest = { manifestVersion: 1, graph: 'graph.json', sha256: hash.digest('hex'), bytes: (await stat(graphFile)).size, nodes: g.nodes, edges: g.edges, sources: g.sources };
  await writeFile(out, JSON.stringify(manifest));
  return out;
}

/** What the bench page reports of drawing the capped view and the overview. */
type DrawNote = DrawResult;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

async function launch(dir: string): Promise<BrowserContext> {
  await rm(dir, { recursive: true, force: true });
  return chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1400, height: 900 } });
}

/** Times the app's interactions are repeated (each round: a filter off and on, detail, overview). */
const INTERACTION_ROUNDS = 3;

/**
 * Acts on the app as an analyst would (a type filter off and on, the detail view), each until the
 * canvas has drawn and laid out its new view, and reports how long it took and the longest
 * main-thread task meanwhile (the window.__longTasks the init script records).
 */
async function interactions(app: Page): Promise<string> {
  const renders = () => app.getByTestId('canvas').evaluate((c) => Number(c.getAttribute('data-renders')));
  const act = async (label: string, action: () => Promise<unknown>): Promise<string> => {
    const n = await renders();
    const t0 = await app.evaluate(() => performance.now());
    await action();
    await app.waitForFunction((k) => {
      const c = document.querySelector('[data-testid=canvas]');
      return !!c && Number(c.getAttribute('data-renders')) > k && c.getAttribute('data-busy') === 'false';
    }, n, { polling: 50 });
    const t1 = await app.evaluate(() => performance.now());
    await app.waitForTimeout(300);
    const longest = await app.evaluate((from) => Math.max(0, ...(window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([t]) => t >= from).map(([, d]) => d)), t0);
    return `${label} ${(t1 - t0).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`;
  };
  // Three rounds: one round's longest task is a draw of the garbage collector's timing, not a measure.
  const overview = (await app.getByTestId('mode-detail').count()) > 0;
  const rounds: string[] = [];
  for (let round = 1; round <= INTERACTION_ROUNDS; round++) {
    const done = [
      await act('tasks hidden', () => app.getByTestId('type-task').click()),
      await act('tasks shown again', () => app.getByTestId('type-task').click()),
    ];
    if (overview) {
      done.push(await act('overview → detail view', () => app.getByTestId('mode-detail').click()));
      done.push(await act('detail → overview', () => app.getByTestId('mode-overview').click()));
    }
    rounds.push(`round ${round}: ${done.join('; ')}`);
  }
  return rounds.join('; ');
}

async function heapUsed(ctx: BrowserContext, page: Page): Promise<number> {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return h.usedSize;
}

/** Builds the bench page and the app (into bench-out, leaving dist/ alone). */
export async function buildPages(outRoot: string, log: (s: string) => void): Promise<{ page: string; app: string }> {
  const page = join(outRoot, 'page');
  const app = join(outRoot, 'app');
  log('  building the bench page and the app (vite)');
  await build({ configFile: false, root: resolve('scripts/bench/page'), base: './', logLevel: 'warn', build: { outDir: page, emptyOutDir: true, target: 'es2022' } });
  await build({ configFile: false, root: resolve('.'), base: './', logLevel: 'warn', plugins: [svelte()], worker: { format: 'es' }, publicDir: false, build: { outDir: app, emptyOutDir: true, target: 'es2022' } });
  return { page, app };
}

export async function benchBrowser(sizes: number[], opts: { outRoot: string; reload: boolean; log: (s: string) => void }): Promise<BrowserRow[]> {
  const { log } = opts;
  const pages = await buildPages(opts.outRoot, log);
  const graphs = join(opts.outRoot, 'graphs');
  await mkdir(graphs, { recursive: true });
  const files: Record<string, string> = {};
  const { server, base } = await startServer({ dirs: { '/page/': pages.page, '/app/': pages.app, '/graphs/': graphs }, files });
  const rows: BrowserRow[] = [];
  try {
    for (const n of sizes) {
      const file = join(graphs, `graph-${n}.json`);
      log(`  graph file of ~${n} nodes`);
      const g = await writeSynthGraph(file, n);
      const notes: string[] = [];

      const ctx = await launch(join(opts.outRoot, 'profile-page'));
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      page.setDefaultTimeout(20 * 60_000);
      await page.goto(`${base}/page/`);
      await page.waitForFunction(() => (window as unknown as { __bench?: { ready: boolean } }).__bench?.ready);
      log(`  bench page: import, load, filters, search, lineage, render (${g.nodes} nodes, ${g.edges} edges)`);
      const r = await page.evaluate(
        ([url, db]) => (window as unknown as { __bench: { run(u: string, d: string, t: string): Promise<Record<string, unknown>> } }).__bench.run(url, db, '/graphs/texts'),
        [`/graphs/graph-${n}.json`, `bench-${n}`],
      ) as unknown as Omit<BrowserRow, 'rowsPerS' | 'heapBytes' | 'notes'> & { importRows: number; indexSlices: number; indexLongestSliceMs: number; filterSizes: number[]; capped: { nodes: number; edges: number }; lineageDown: Stats; lineageUp: Stats; importPhasesMs: Record<string, number>; importLongestTaskMs: number; textsMs: number; textsStored: number; readRowsMs: number };
      const heapBytes = await heapUsed(ctx, page);
      await ctx.close();
      notes.push(`capped view ${r.capped.nodes} nodes / ${r.capped.edges} edges; filter results ${Math.min(...r.filterSizes)}–${Math.max(...r.filterSizes)} nodes; lineage down p95 ${r.lineageDown.p95.toFixed(1)} ms, up p95 ${r.lineageUp.p95.toFixed(1)} ms; max filter ${r.filter.max.toFixed(1)} ms (first call compiles the index); fetch+parse ${(r.fetchParseMs / 1000).toFixed(2)} s; import phases ${Object.entries(r.importPhasesMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}, longest task during import ${r.importLongestTaskMs.toFixed(0)} ms; then ${r.textsStored} texts in ${(r.textsMs / 1000).toFixed(2)} s (after the graph, deferTexts); IDB→rows ${(r.readRowsMs / 1000).toFixed(2)} s; search index ready in ${(r.indexMs / 1000).toFixed(2)} s over ${r.indexSlices} slices, longest ≤ ${r.indexLongestSliceMs.toFixed(0)} ms; longest main-thread task of the bench page ${r.longestTaskMs.toFixed(0)} ms (its own measuring loops included: the app's tasks are in the app lines below)`);
      const d = (r as unknown as { draw?: DrawNote }).draw;
      if (d) {
        notes.push(
          `capped view drawn as the app draws it: ${d.elements} elements on ${d.renderer}, first canvas ${d.firstCanvasMs.toFixed(0)} ms, layout ${d.layout}, done at ${d.layoutDoneMs.toFixed(0)} ms, longest task ${d.longestTaskMs.toFixed(0)} ms (in step ${d.longestTaskStep})` +
            (d.other ? ` (on ${d.other.renderer}: first canvas ${d.other.firstCanvasMs.toFixed(0)} ms, longest task ${d.other.longestTaskMs.toFixed(0)} ms);` : ';') +
            ` overview ${d.overview.groups} groups / ${d.overview.edges} group edges: aggregate ${d.overview.aggregateMs.toFixed(0)} ms, drawn in ${d.overview.firstCanvasMs.toFixed(0)} ms, longest task ${d.overview.longestTaskMs.toFixed(0)} ms`,
        );
      }
      const row: BrowserRow = { ...r, rowsPerS: r.importRows / (r.importMs / 1000), heapBytes, notes };

      if (opts.reload) {
        files['/app/data/graph.json'] = file;
        // The manifest build-graph writes beside graph.json, so a reload skips the graph download.
        files['/app/data/manifest.json'] = await writeManifest(file, join(graphs, `manifest-${n}.json`), g);
        const actx = await launch(join(opts.outRoot, 'profile-app'));
        const app = actx.pages()[0] ?? (await actx.newPage());
        app.setDefaultTimeout(20 * 60_000);
        // Interactive: the boot marker is set and the canvas holds the (capped) view's elements;
        // the force layout may still be running in its worker, timed separately (data-renders).
        const booted = () => {
          const c = document.querySelector<HTMLElement>('[data-testid="canvas"]');
          return document.documentElement.dataset.bootStatus !== undefined && !!c && Number(c.dataset.nodes) > 0 && c.querySelector('canvas') !== null;
        };
        const laidOut = () => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.renders ?? 0) > 0;
        // Main-thread tasks of the first visit, overall and while the sync ran (src/ui/state/sync-client SYNC_MEASURE).
        await actx.addInitScript(() => {
          const w = window as unknown as { __longTasks: [number, number][] };
          w.__longTasks = [];
          try {
            new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
          } catch {
            /* longtask not supported */
          }
        });
        await app.goto(`${base}/app/`);
        await app.waitForFunction(booted, null, { polling: 100 });
        row.firstVisitMs = await app.evaluate(() => performance.now());
        const firstStatus = await app.evaluate(() => document.documentElement.dataset.bootStatus);
        const firstTasks = await app.evaluate(() => {
          const tasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
          const sync = performance.getEntriesByName('policy-lineage:sync')[0];
          const during = sync ? tasks.filter(([t, d]) => t < sync.startTime + sync.duration && t + d > sync.startTime) : [];
          return { host: document.documentElement.dataset.syncHost ?? '?', syncMs: sync?.duration ?? 0, longest: Math.max(0, ...tasks.map(([, d]) => d)), longestInSync: Math.max(0, ...during.map(([, d]) => d)) };
        });
        row.firstVisitLongestTaskMs = firstTasks.longest;
        notes.push(`app first visit: sync in the ${firstTasks.host} thread took ${(firstTasks.syncMs / 1000).toFixed(2)} s, longest main-thread task during it ${firstTasks.longestInSync.toFixed(0)} ms; longest main-thread task of the whole first visit ${firstTasks.longest.toFixed(0)} ms`);
        // The view the first visit drew is stored a moment after it was laid out (src/ui/state/stored-view).
        const kept = await app.waitForFunction(() => performance.getEntriesByName('ple:view-kept').length > 0, null, { polling: 100, timeout: 15_000 }).then(() => true, () => false);
        await app.reload({ waitUntil: 'commit' });
        await app.waitForFunction(booted, null, { polling: 'raf' });
        // The graph's own view is the first view drawn after the graph build.
        await app.waitForFunction(graphViewDrawn, null, { polling: 100 });
        const { builtEnd, drawn } = await app.evaluate(reloadMarks);
        const end = builtEnd!;
        const marks = { first: drawn[0], graph: drawn.find((t) => t >= end)!, stored: drawn.some((t) => t < end) };
        // While the analyst can act on the drawn canvas: main-thread tasks from the first canvas to a second after the graph view.
        await app.waitForTimeout(1000);
        const longAfter = await app.evaluate((from) => (window as unknown as { __longTasks: [number, number][] }).__longTasks.filter(([t]) => t >= from).map(([t, d]) => [Math.round(t), Math.round(d)]), marks.first);
        notes.push(`app reload: main-thread tasks over 50 ms from the first canvas to 1 s after the graph view: ${longAfter.length ? longAfter.map(([t, d]) => `${d} ms at ${(t / 1000).toFixed(2)} s`).join(', ') : 'none'}`);
        row.reloadMs = marks.first;
        row.reloadGraphMs = marks.graph;
        notes.push(`app reload: ${marks.stored ? `stored view drawn at ${(marks.first / 1000).toFixed(2)} s, ` : `no stored view (${kept ? 'kept but not matched' : 'not kept before the reload'}), `}graph built and its view on the canvas at ${(marks.graph / 1000).toFixed(2)} s`);
        // The app's own phase measures (src/ui/state/graph-rows.ts): where the reload's time goes.
        const phases = await app.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('ple:')).map((m) => `${m.name.slice(4)} ${(m.duration / 1000).toFixed(2)} s`));
        notes.push(`app reload phases: ${phases.join(', ') || 'none'}`);
        await app.waitForFunction(laidOut, null, { polling: 100 });
        row.layoutDoneMs = await app.evaluate(() => performance.now());
        const [status, bootMs] = await app.evaluate(() => [document.documentElement.dataset.bootStatus, Number(document.documentElement.dataset.bootMs)] as const);
        row.appBootMs = bootMs;
        // The heap is read after the interactions: reading it forces a full collection, which sets
        // V8's next collection limit at the live heap, so the first interactions after it met a
        // major collection that no analyst's session would have put there (first detail view's
        // longest task 214–617 ms measured that way, 112–157 ms in traced runs without it).
        notes.push(`app interactions (each until its view is drawn and laid out): ${await interactions(app)}`);
        row.appHeapBytes = await heapUsed(actx, app);
        notes.push(`app: first visit ${firstStatus} in ${((row.firstVisitMs ?? 0) / 1000).toFixed(2)} s; reload ${status}, app boot (rows read, graph built) ${(bootMs / 1000).toFixed(2)} s, layout applied at ${((row.layoutDoneMs ?? 0) / 1000).toFixed(2)} s; app heap after the interactions ${(row.appHeapBytes / 1e6).toFixed(0)} MB`);
        await actx.close();
      }
      rows.push(row);
      log(`  → ${row.nodes} nodes: import ${(row.importMs / 1000).toFixed(2)} s, load ${(row.loadMs / 1000).toFixed(2)} s, index ${(row.indexMs / 1000).toFixed(2)} s, reload ${row.reloadMs === undefined ? '–' : (row.reloadMs / 1000).toFixed(2) + ' s'} (graph ${row.reloadGraphMs === undefined ? '–' : (row.reloadGraphMs / 1000).toFixed(2) + ' s'}), filter p95 ${row.filter.p95.toFixed(1)} ms, search p95 ${row.search.p95.toFixed(1)} ms, lineage p95 ${row.lineage.p95.toFixed(1)} ms, app heap ${row.appHeapBytes === undefined ? '–' : (row.appHeapBytes / 1e6).toFixed(0) + ' MB'}`);
    }
  } finally {
    server.close();
  }
  return rows;
}
