/** The benchmark report: a markdown table per section, and the targets beside the numbers. */
import type { BrowserRow } from './browser';
import type { ExtractionRow } from './extraction';

export interface Report {
  date: string;
  machine: { cpus: number; node: string; platform: string };
  extraction: ExtractionRow[];
  browser: BrowserRow[];
  browserError?: string;
}

const f = (n: number | undefined, d = 1) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(d));
const mb = (n: number | undefined) => (n === undefined ? '–' : (n / 1e6).toFixed(0));

export function markdown(r: Report): string {
  const out: string[] = [];
  out.push(`# Benchmark report`, '', `${r.date} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · ${r.machine.platform}`, '');
  out.push('## Extraction (synthetic corpora)', '');
  out.push('Baseline (scan): one regex pass for 《…》 and 〔year〕N号 over the same files, each read synchronously as the extraction reads them (single-thread and pooled alike). Target: ratio to scan ≤ 5, growth ≈ 1.', '');
  out.push('Single-thread columns first (the honest comparison with a one-pass scan); pooled: the same corpus on this thread and worker threads together (`threads` in all), against its own baseline run.', '');
  out.push('| docs | MB | extract s | MB/s | of which assemble s | scan MB/s | ratio to scan | growth (ms/MB vs previous) | peak RSS MB | peak heap MB | nodes | edges | recall | pooled threads | pooled s | pooled MB/s | pooled ratio (to the scan) | pooled peak RSS MB |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of r.extraction) {
    out.push(
      `| ${x.docs} | ${f(x.bytes / 1e6)} | ${f(x.extractMs / 1000, 2)} | ${f(x.mbPerS, 2)} | ${f(x.assembleMs / 1000, 2)} | ${f(x.baselineMbPerS, 0)} | ${f(x.ratio, 1)}× | ${x.growth === undefined ? '–' : f(x.growth, 2)} | ${mb(x.peakRss)} | ${mb(x.peakHeap)} | ${x.nodes} | ${x.edges} | ${x.recall === undefined ? '–' : f(x.recall * 100, 1) + '%'} | ${x.pooled ? x.pooled.workers : '–'} | ${f(x.pooled && x.pooled.extractMs / 1000, 2)} | ${f(x.pooled?.mbPerS, 2)} | ${x.pooled ? f(x.pooled.ratio, 1) + '×' : '–'} | ${mb(x.pooled?.peakRss)} |`,
    );
  }
  out.push('');
  if (r.browser.length || r.browserError) {
    out.push('## Browser (headless Chromium)', '');
    out.push('Targets at 100k nodes / 400k edges: import ≤ 10 s, reload to interactive ≤ 3 s, filter and search p95 ≤ 100 ms, lineage ≤ 200 ms, JS heap ≤ 1 GB.', '');
    if (r.browserError) out.push(`Browser part failed: ${r.browserError}`, '');
    if (r.browser.length) {
      out.push('Reload → canvas: until the canvas shows a view, the one last drawn from the same rows (stored, drawn before the graph is built) or else the graph\'s; reload → graph ready: until the graph is built and its own view is on the canvas (filters, search, lineage usable).', '');
      out.push('| nodes | edges | graph.json MB | import s | rows/s | IDB→graphology s | search index s | reload → canvas s | reload → graph ready s | filter median / p95 ms | search median / p95 ms | lineage median / p95 ms | capped view ms | canvas render ms | app JS heap MB |');
      out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const b of r.browser) {
        out.push(
          `| ${b.nodes} | ${b.edges} | ${f(b.jsonBytes / 1e6)} | ${f(b.importMs / 1000, 2)} | ${f(b.rowsPerS, 0)} | ${f(b.loadMs / 1000, 2)} | ${f(b.indexMs / 1000, 2)} | ${b.reloadMs === undefined ? '–' : f(b.reloadMs / 1000, 2)} | ${b.reloadGraphMs === undefined ? '–' : f(b.reloadGraphMs / 1000, 2)} | ${f(b.filter.median)} / ${f(b.filter.p95)} | ${f(b.search.median)} / ${f(b.search.p95)} | ${f(b.lineage.median)} / ${f(b.lineage.p95)} | ${f(b.capMs)} | ${f(b.renderMs)} | ${b.appHeapBytes === undefined ? '–' : mb(b.appHeapBytes)} |`,
        );
      }
      out.push('');
      const notes = r.browser.flatMap((b) => b.notes.map((n) => `- ${b.nodes} nodes: ${n}`));
      if (notes.length) out.push(...notes, '');
    }
  }
  return out.join('\n');
}
