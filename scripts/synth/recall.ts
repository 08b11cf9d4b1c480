/**
 * Scores an extracted graph against the ground truth of a synthetic corpus: which planted
 * citations became a `cites` edge from the citing file's policy or tasks to a node bearing the
 * planted 文号 or one of the planted titles; whether noise spans became documents; how many
 * promises were linked by `fulfils`.
 */
import type { GraphFile } from '../../src/model';
import type { PlantedLine } from './generate';

/** Comparison key of a title: width, whitespace, dashes, quotes and inner brackets folded. */
export function foldTitle(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–－‐‑‒―-]/g, '-')
    .replace(/[“”"'‘’〈〉《》]/g, '');
}

/** 文号 key: NFKC, no whitespace, year in 〔〕, no 第, no leading zeros. */
export function foldDocNumber(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[[［(（〔【]\s*(\d{4})\s*[\]］)）〕】]/, '〔$1〕')
    .replace(/〕第(\d+)号/, '〕$1号')
    .replace(/〕0+(\d)/, '〕$1');
}

export interface RecallReport {
  planted: number;
  found: number;
  recall: number;
  byForm: Record<string, { planted: number; found: number }>;
  /** Files whose source the graph does not have (not extracted at all). */
  missingFiles: number;
  /** Noise spans (《政府》, …读本) that became document nodes. */
  noiseDocuments: string[];
  promises: number;
  fulfilled: number;
  /** A few misses, for debugging the extractor. */
  examples: { path: string; form: string; titles: string[]; docNumber?: string }[];
}

export function scoreRecall(graph: GraphFile, planted: Iterable<PlantedLine>, noise: readonly string[] = []): RecallReport {
  const sourceOfPath = new Map(graph.sources.map((s) => [s.path, s.id]));
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const sourceOfNode = (id: string): string | undefined => {
    const n = nodes.get(id);
    return n && (n.type === 'policy' || n.type === 'task') ? n.sourceId : undefined;
  };
  // Per source: the keys (titles, aliases, 文号) of everything it cites.
  const cited = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (e.type !== 'cites') continue;
    const src = sourceOfNode(e.source);
    const t = nodes.get(e.target);
    if (!src || !t) continue;
    let keys = cited.get(src);
    if (!keys) cited.set(src, (keys = new Set()));
    if ('docNumber' in t && t.docNumber) keys.add('#' + foldDocNumber(t.docNumber));
    if ('title' in t && typeof t.title === 'string') keys.add(foldTitle(t.title));
    if ('aliases' in t && Array.isArray(t.aliases)) for (const a of t.aliases) keys.add(foldTitle(a));
    keys.add(foldTitle(t.label));
  }
  const fulfilledSources = new Set<string>();
  for (const e of graph.edges) if (e.type === 'fulfils') {
    const promiser = sourceOfNode(e.target);
    if (promiser) fulfilledSources.add(promiser);
  }

  const report: RecallReport = {
    planted: 0, found: 0, recall: 0, byForm: {}, missingFiles: 0, noiseDocuments: [], promises: 0, fulfilled: 0, examples: [],
  };
  for (const line of planted) {
    const sid = sourceOfPath.get(line.path);
    if (!sid) report.missingFiles++;
    const keys = (sid && cited.get(sid)) || new Set<string>();
    for (const c of line.citations) {
      const form = (report.byForm[c.form] ??= { planted: 0, found: 0 });
      report.planted++;
      form.planted++;
      const hit = (c.docNumber && keys.has('#' + foldDocNumber(c.docNumber))) || c.titles.some((t) => keys.has(foldTitle(t)));
      if (hit) {
        report.found++;
        form.found++;
      } else if (report.examples.length < 10) {
        report.examples.push({ path: line.path, form: c.form, titles: c.titles, docNumber: c.docNumber });
      }
    }
    if (line.promise) {
      report.promises++;
      if (sid && fulfilledSources.has(sid)) report.fulfilled++;
    }
  }
  report.recall = report.planted ? report.found / report.planted : 1;
  const noiseKeys = new Set(noise.map(foldTitle));
  for (const n of graph.nodes) {
    if (n.type === 'document' && n.title && noiseKeys.has(foldTitle(n.title))) report.noiseDocuments.push(n.title);
  }
  return report;
}

/** Parses planted.jsonl text. */
export function parsePlanted(text: string): PlantedLine[] {
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as PlantedLine);
}
