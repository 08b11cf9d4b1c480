/**
 * The in-browser half of `npm run bench`: measures the app's own modules on a served graph file —
 * IndexedDB import (src/store), IndexedDB → graphology and the search index (src/graph), filters,
 * search, lineage, the capped view and a Cytoscape render of it. Driven by scripts/bench/browser.ts
 * through window.__bench.
 */
import cytoscape from 'cytoscape';
import { applyFilters, buildGraph, capView, createSearchIndexAsync, downstream, search, upstream, type FilterState, type PolicyGraph } from '../../../src/graph';
import { importGraph, loadGraphRows, openDb, storeMissingTexts } from '../../../src/store';
import { toElements } from '../../../src/ui/cy/elements';
import { LARGE_VIEW_FROM, stylesheet } from '../../../src/ui/cy/style';
import { aggregateView, mergeSmallGroups } from '../../../src/graph/aggregate';
import { initialPositions, replaceElements } from '../../../src/ui/cy/draw';
import { layoutBeforeDrawing, layoutForce, registerLayouts } from '../../../src/ui/cy/layout';
import { DRAWN_PER_TYPE, overviewElements } from '../../../src/ui/cy/overview';
import { rendererFor, rendererOptions, webglSupport, type RendererKind } from '../../../src/ui/cy/renderer';

interface Stats {
  median: number;
  p95: number;
  max: number;
  n: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN, n: s.length };
}

function timeIt(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));

/** Filter states an analyst would set, built from the graph's own values. */
function filterStates(g: PolicyGraph, docIds: string[]): FilterState[] {
  const years = new Set<number>();
  const regions = new Set<string>();
  const provinces = new Set<string>();
  g.forEachNode((_, a) => {
    if (a.type === 'policy') {
      if (a.year) years.add(a.year);
      if (a.region) regions.add(a.region);
      if (a.province) provinces.add(a.province);
    }
  });
  const ys = [...years].sort();
  const mid = ys[Math.floor(ys.length / 2)] ?? 2020;
  const rs = [...regions];
  const ps = [...provinces];
  return [
    {},
    { yearRange: { from: mid, to: mid } },
    { yearRange: { from: mid - 2, to: mid + 2 } },
    { regions: rs.slice(0, 1) },
    { regions: ps.slice(0, 1) },
    { regions: ps.slice(1, 4), yearRange: { from: mid - 1 } },
    { levels: ['municipal'] },
    { levels: ['county'] },
    { nodeTypes: ['policy', 'document'] },
    { nodeTypes: ['document', 'program'], minCitedBy: 5 },
    { minCitedBy: 20 },
    { edgeTypes: ['cites'], citeIntents: ['will_issue'] },
    { documentLevels: ['national'], yearRange: { from: mid } },
    { ego: { ids: docIds.slice(0, 1), hops: 1 } },
    { ego: { ids: docIds.slice(1, 2), hops: 2 } },
    { hideIsolated: true, regions: rs.slice(1, 3) },
  ];
}

function queries(g: PolicyGraph, docIds: string[]): string[] {
  const q: string[] = ['教育', '双减', '义务教育', '教师队伍建设', '课后服务', '校', '现代化', '集团化办学', '不存在的词语组合'];
  for (const id of docIds.slice(0, 6)) {
    const a = g.getNodeAttributes(id);
    if (a.type === 'document') {
      if (a.docNumber) q.push(a.docNumber.replace('〔', '[').replace('〕', ']'));
      if (a.title) q.push(a.title.slice(2, 10));
    }
  }
  let k = 0;
  g.forEachNode((_, a) => {
    if (k < 6 && a.type === 'policy' && a.region) {
      q.push(a.region);
      k++;
    }
  });
  return q;
}

export interface PageResult {
  nodes: number;
  edges: number;
  jsonBytes: number;
  fetchParseMs: number;
  importMs: number;
  importRows: number;
  /** Time spent in each import phase (validate, texts, write), and the longest task during the import. */
  importPhasesMs: Record<string, number>;
  importLongestTaskMs: number;
  /** The texts fetched and stored after the graph (deferTexts), and how long that took. */
  textsMs: number;
  textsStored: number;
  /** IndexedDB → plain rows (the packed chunks read back), part of loadMs. */
  readRowsMs: number;
  loadMs: number;
  indexMs: number;
  indexSlices: number;
  indexLongestSliceMs: number;
  filter: Stats;
  filterSizes: number[];
  search: Stats;
  lineage: Stats;
  lineageDown: Stats;
  lineageUp: Stats;
  capMs: number;
  capped: { nodes: number; edges: number };
  renderMs: number;
  /** The capped view drawn as the canvas draws it (renderer, chunks, layout worker), and the overview. */
  draw: DrawResult;
  longestTaskMs: number;
}

let keep: unknown[] = [];

async function run(url: string, dbName: string, textsBase: string): Promise<PageResult> {
  keep = [];
  const t0 = performance.now();
  const res = await fetch(url, { cache: 'no-store' });
  const buf = await res.arrayBuffer();
  const raw = JSON.parse(new TextDecoder().decode(buf));
  const fetchParseMs = performance.now() - t0;
  const nodesN = raw.nodes.length;
  const edgesN = raw.edges.length;

  const db = await openDb({ name: dbName });
  const t1 = performance.now();
  const importPhasesMs: Record<string, number> = {};
  let phase = '';
  let phaseStart = t1;
  windowLongest = 0;
  const fetchText = async (id: string) => {
    const r = await fetch(`${textsBase}/${encodeURIComponent(id)}.txt`);
    return r.ok ? r.text() : null;
  };
  // As the app imports a big corpus: the graph first, the texts (one request each) after it.
  const imported = await importGraph(db, raw, {
    contentHash: 'bench',
    deferTexts: true,
    onProgress: (p) => {
      if (p.phase === phase) return;
      const now = performance.now();
      if (phase) importPhasesMs[phase] = now - phaseStart;
      phase = p.phase;
      phaseStart = now;
    },
    fetchText,
  });
  const importMs = performance.now() - t1;
  await frame(); // the last long task, if any, is reported
  const importLongestTaskMs = windowLongest;
  const t1t = performance.now();
  const textsStored = (await storeMissingTexts(db, fetchText)).stored;
  const textsMs = performance.now() - t1t;
  const importRows = imported.nodes + imported.edges + imported.sources;

  const t2 = performance.now();
  // As the app loads them: the edges' evidence left packed until asked for.
  const rows = await loadGraphRows(db, { evidence: 'packed' });
  const readRowsMs = performance.now() - t2;
  const g = buildGraph(rows.nodes, rows.edges);
  const loadMs = performance.now() - t2;
  // The search index as the app builds it: in time slices after the first canvas. indexMs is the
  // time to ready; a slice is at most the gap between two progress calls (slice + yield).
  const t3 = performance.now();
  let lastProgress = t3;
  let indexLongestSliceMs = 0;
  let indexSlices = 0;
  const index = await createSearchIndexAsync(g, {
    onProgress: () => {
      const now = performance.now();
      indexLongestSliceMs = Math.max(indexLongestSliceMs, now - lastProgress);
      lastProgress = now;
      indexSlices++;
    },
  });
  const indexMs = performance.now() - t3;
  keep = [g, index, db];

  const docIds = g.filterNodes((_, a) => a.type === 'document').sort((a, b) => g.getNodeAttribute(b, 'citedBy') - g.getNodeAttribute(a, 'citedBy'));
  // Filters (the first call compiles the graph: measured as part of the first sample).
  const ft: number[] = [];
  const filterSizes: number[] = [];
  let lastView = applyFilters(g, {});
  for (const f of filterStates(g, docIds)) {
    for (let rep = 0; rep < 5; rep++) {
      const t = performance.now();
      lastView = applyFilters(g, f);
      ft.push(performance.now() - t);
    }
    filterSizes.push(lastView.nodes.length);
  }
  const st: number[] = [];
  for (const q of queries(g, docIds)) for (let rep = 0; rep < 3; rep++) st.push(timeIt(() => search(index, q, { limit: 50 })));

  const down: number[] = [];
  const up: number[] = [];
  for (const id of docIds.slice(0, 10)) down.push(timeIt(() => downstream(g, id)));
  const policies = g.filterNodes((_, a) => a.type === 'policy');
  for (let i = 0; i < Math.min(10, policies.length); i++) up.push(timeIt(() => upstream(g, policies[Math.floor((i * policies.length) / 10)])));

  const all = applyFilters(g, {});
  let capped = capView(g, all.nodes, all.edges);
  const capMs = timeIt(() => (capped = capView(g, all.nodes, all.edges)));

  const draw = await measureDraw(g, capped, all);
  const renderMs = draw.firstCanvasMs;

  return {
    nodes: nodesN, edges: edgesN, jsonBytes: buf.byteLength, fetchParseMs, importMs, importRows, importPhasesMs, importLongestTaskMs, textsMs, textsStored, readRowsMs, loadMs, indexMs, indexSlices, indexLongestSliceMs,
    filter: stats(ft), filterSizes, search: stats(st), lineage: stats([...down, ...up]), lineageDown: stats(down), lineageUp: stats(up),
    capMs, capped: { nodes: capped.nodes.length, edges: capped.edges.length }, renderMs, draw, longestTaskMs: longest,
  };
}

export interface DrawResult {
  renderer: RendererKind;
  elements: number;
  /** Start → laid out, every element on the canvas at its place and two frames drawn. */
  firstCanvasMs: number;
  /** Start → done (the same as firstCanvasMs unless the layout ran after drawing, without a worker). */
  layoutDoneMs: number;
  layout: string;
  /** Longest main-thread task from start to layout drawn (PerformanceObserver 'longtask'). */
  longestTaskMs: number;
  /** The step that longest task started in (layout, add, layout after, destroy). */
  longestTaskStep: string;
  /** The same on the other renderer (WebGL where the app chose the 2D canvas, and the reverse), for comparison. */
  other: { renderer: RendererKind; firstCanvasMs: number; longestTaskMs: number } | null;
  overview: { aggregateMs: number; groups: number; edges: number; firstCanvasMs: number; longestTaskMs: number };
}

/** Runs `work` and returns its duration and the longest main-thread task within it. */
async function watched(work: () => Promise<void>): Promise<{ ms: number; longestTaskMs: number; longestTaskAt: number }> {
  let longestTask = 0;
  let longestTaskAt = 0;
  let obs: PerformanceObserver | null = null;
  // A turn of the event loop first, so the task that called us (the benchmark's own loops) ends here.
  await new Promise((ok) => setTimeout(ok, 0));
  const started = performance.now();
  try {
    obs = new PerformanceObserver((l) => {
      // Only tasks that began with the work: the one that called us (the benchmark's own loops) is not the draw's.
      for (const e of l.getEntries()) {
        if (e.startTime >= started && e.duration > longestTask) [longestTask, longestTaskAt] = [e.duration, e.startTime];
      }
    });
    obs.observe({ type: 'longtask' });
  } catch {
    // longtask not supported
  }
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  await new Promise((ok) => setTimeout(ok, 50)); // let the observer report the last task
  obs?.disconnect();
  return { ms, longestTaskMs: longestTask, longestTaskAt };
}

/** Draws the capped view as Canvas.svelte does, then on the other renderer, then the overview. */
async function measureDraw(g: PolicyGraph, capped: { nodes: string[]; edges: string[] }, all: { nodes: string[]; edges: string[] }): Promise<DrawResult> {
  registerLayouts();
  const container = document.getElementById('cy')!;
  const els = toElements(g, capped.nodes, capped.edges);
  const style = stylesheet({ large: els.length >= LARGE_VIEW_FROM }) as unknown as cytoscape.StylesheetJson;
  const kind = rendererFor(els.length);
  let firstCanvasMs = 0;
  let layout = '';
  // When each step began, to name the step of the longest task.
  const steps: [string, number][] = [];
  const main = await watched(async () => {
    const t = performance.now();
    // As Canvas.svelte: laid out in the worker first, then added at the final positions.
    steps.push(['layout', t]);
    const cy = cytoscape({ container, style, ...rendererOptions(kind) });
    const start = initialPositions(els, new Map());
    const done = await layoutBeforeDrawing(els, start);
    const placed = done?.placed ?? els;
    steps.push(['add', performance.now()]);
    await replaceElements(cy, placed, { fit: true });
    await frame();
    await frame();
    firstCanvasMs = performance.now() - t;
    if (done) layout = `${done.outcome.algorithm ?? ''} in ${done.outcome.where} ${done.outcome.ms.toFixed(0)} ms`;
    else {
      steps.push(['layout after', performance.now()]);
      const out = await layoutForce(cy);
      layout = `${out.algorithm ?? ''} in ${out.where} ${out.ms.toFixed(0)} ms`;
      await frame();
      await frame();
    }
    steps.push(['destroy', performance.now()]);
    cy.destroy();
  });
  const longestTaskStep = [...steps].reverse().find(([, at]) => at <= main.longestTaskAt)?.[0] ?? '?';
  const otherKind: RendererKind = kind === 'webgl' ? 'canvas' : 'webgl';
  const c2 = otherKind === 'webgl' && !webglSupport().supported ? null : await watched(async () => {
    const cy = cytoscape({ container, style, ...rendererOptions(otherKind) });
    await replaceElements(cy, els, { fit: true });
    await frame();
    await frame();
    cy.destroy();
  });
  let aggregateMs = 0;
  let agg = aggregateView(g, all.nodes, all.edges, { maxEdges: 250 });
  const ov = await watched(async () => {
    const t = performance.now();
    // As GraphView: every group, then the drawn ones (the largest per type, the rest merged).
    agg = mergeSmallGroups(aggregateView(g, all.nodes, all.edges, { drawn: new Set(capped.nodes), maxEdges: Infinity }), DRAWN_PER_TYPE, 250);
    aggregateMs = performance.now() - t;
    const oels = overviewElements(agg, 'zh');
    const cy = cytoscape({ container, style: stylesheet() as unknown as cytoscape.StylesheetJson, ...rendererOptions(rendererFor(oels.length)) });
    await replaceElements(cy, oels, { fit: true });
    await frame();
    await frame();
    cy.destroy();
  });
  return {
    renderer: kind, elements: els.length, firstCanvasMs, layoutDoneMs: main.ms, layout, longestTaskMs: main.longestTaskMs, longestTaskStep,
    other: c2 && { renderer: otherKind, firstCanvasMs: c2.ms, longestTaskMs: c2.longestTaskMs },
    overview: { aggregateMs, groups: agg.groups.length, edges: agg.edges.length, firstCanvasMs: ov.ms, longestTaskMs: ov.longestTaskMs },
  };
}

// Long main-thread tasks while the page works (the design allows none over 200 ms during interaction).
let longest = 0;
/** The longest task since it was last reset (to time one stretch of work). */
let windowLongest = 0;
try {
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      longest = Math.max(longest, e.duration);
      windowLongest = Math.max(windowLongest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // longtask not supported
}

function release(): void {
  keep = [];
}

(window as unknown as { __bench: unknown }).__bench = { run, release, ready: true };
