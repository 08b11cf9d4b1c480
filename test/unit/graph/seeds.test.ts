/**
 * The graph functions on the real seed corpus, built here with the extractor (public/data is a
 * build output, not committed). Expectations come from the gold annotations
 * (/work/shared/gold): which documents the seeds cite and where.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph as extract } from '../../../src/extract';
import {
  applyFilters,
  buildGraph,
  capView,
  createSearchIndex,
  downstream,
  findInTasks,
  search,
  upstream,
  type LineageTree,
  type PolicyGraph,
  type SearchIndex,
} from '../../../src/graph';

const SEEDS = join(__dirname, '../../../seeds');
const SUPERVISION = '关于深化新时代教育督导体制机制改革的意见';

let g: PolicyGraph;
let index: SearchIndex;
/** Seed number ('001') → source id. */
const sourceOf = new Map<string, string>();

beforeAll(async () => {
  const files = readdirSync(SEEDS).map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(SEEDS, path))) }));
  const { graph } = await extract(files);
  for (const s of graph.sources) sourceOf.set(s.path.slice(0, 3), s.id);
  g = buildGraph(graph.nodes, graph.edges);
  index = createSearchIndex(g);
});

const attrs = (id: string) => g.getNodeAttributes(id);
const titleOf = (id: string) => {
  const a = attrs(id);
  return 'title' in a ? a.title : undefined;
};
const policySourceOf = (id: string): string | undefined => {
  const a = attrs(id);
  if (a.type === 'policy') return a.sourceId;
  if (a.type === 'task') return a.sourceId;
  return undefined;
};
function supervisionId(): string {
  const hit = search(index, SUPERVISION, { types: ['document', 'policy'] }).find((h) => titleOf(h.id) === SUPERVISION);
  if (!hit) throw new Error('督导 意见 not found');
  return hit.id;
}
function checkFirstAppearanceExpanded(tree: LineageTree) {
  const seen = new Set<string>();
  const walk = (t: LineageTree) => {
    expect(!!t.repeated).toBe(seen.has(t.id));
    seen.add(t.id);
    t.children.forEach(walk);
  };
  walk(tree);
}

describe('search on the seeds', () => {
  it('督导 finds the 督导 意见 near the top', () => {
    const ids = search(index, '督导', { limit: 5 }).map((h) => h.id);
    expect(ids.map(titleOf)).toContain(SUPERVISION);
  });

  it('县管校聘 finds the programme first', () => {
    const [first] = search(index, '县管校聘');
    expect(first.type).toBe('program');
    expect(attrs(first.id)).toMatchObject({ name: '县管校聘' });
  });

  it('随州 finds the 随州 policy', () => {
    const hits = search(index, '随州', { limit: 10 });
    expect(hits.some((h) => h.type === 'policy' && attrs(h.id).type === 'policy' && policySourceOf(h.id) === sourceOf.get('002'))).toBe(true);
  });

  it('中发[2019]26号 finds 中发〔2019〕26号 first', () => {
    const [first] = search(index, '中发[2019]26号');
    const a = attrs(first.id);
    expect('docNumber' in a && a.docNumber).toBe('中发〔2019〕26号');
  });
});

describe('lineage on the seeds', () => {
  it('downstream of the 督导 意见 reaches the 随州 (002) and 大连 (004) policies through their tasks', () => {
    const l = downstream(g, supervisionId())!;
    const policySources = l.nodes.filter((id) => attrs(id).type === 'policy').map(policySourceOf);
    expect(policySources).toContain(sourceOf.get('002'));
    expect(policySources).toContain(sourceOf.get('004'));
    for (const child of l.tree.children.filter((c) => c.type === 'policy')) {
      expect(child.children.some((t) => t.type === 'task')).toBe(true);
    }
    for (const e of l.edges) expect(l.nodes).toContain(g.source(e));
    checkFirstAppearanceExpanded(l.tree);
  });

  it('中发〔2019〕26号 is cited by a task of the 鄂尔多斯 plan (001)', () => {
    const [doc] = search(index, '中发〔2019〕26号');
    const l = downstream(g, doc.id)!;
    const tasks = l.nodes.filter((id) => attrs(id).type === 'task');
    expect(tasks.map(policySourceOf)).toContain(sourceOf.get('001'));
    // And from the other side: the plan rests on it.
    const ordos = g.filterNodes((_, a) => a.type === 'policy' && a.sourceId === sourceOf.get('001'));
    expect(ordos).toHaveLength(1);
    const up = upstream(g, ordos[0])!;
    expect(up.nodes).toContain(doc.id);
    checkFirstAppearanceExpanded(up.tree);
  });

  it('every upstream and downstream tree is well formed', () => {
    for (const id of g.nodes()) {
      const a = attrs(id);
      const l = a.type === 'document' ? downstream(g, id) : a.type === 'policy' || a.type === 'task' ? upstream(g, id) : null;
      if (!l) continue;
      expect(new Set(l.nodes).size).toBe(l.nodes.length);
      expect(Object.keys(l.levels).sort()).toEqual([...l.nodes].sort());
      for (const e of l.edges) {
        expect(l.nodes).toContain(g.source(e));
        expect(l.nodes).toContain(g.target(e));
      }
      checkFirstAppearanceExpanded(l.tree);
    }
  });
});

describe('filters, views and phrase search on the seeds', () => {
  it('region 随州市 keeps 随州 work and the 督导 意见 it cites', () => {
    const r = applyFilters(g, { regions: ['随州市'] });
    const anchors = r.nodes.filter((id) => ['policy', 'task'].includes(attrs(id).type));
    expect(anchors.length).toBeGreaterThan(10);
    expect(anchors.every((id) => policySourceOf(id) === sourceOf.get('002'))).toBe(true);
    expect(r.nodes).toContain(supervisionId());
  });

  it('caps the whole seed graph under a small cap without losing the most cited documents', () => {
    const all = applyFilters(g, {});
    const v = capView(g, all.nodes, all.edges, 200);
    expect(v.nodes.length + v.edges.length).toBeLessThanOrEqual(200);
    expect(v.hidden.nodes).toBe(all.nodes.length - v.nodes.length);
    const top = [...all.nodes].sort((x, y) => attrs(y).citedBy - attrs(x).citedBy)[0];
    expect(v.nodes).toContain(top);
  });

  it('县管校聘 appears in the tasks of several localities, snippets showing it', () => {
    const hits = findInTasks(g, '县管校聘');
    expect(new Set(hits.map((h) => h.region)).size).toBeGreaterThanOrEqual(4);
    for (const h of hits) expect(h.snippet.slice(h.matchStart, h.matchEnd)).toBe('县管校聘');
    const suizhou = findInTasks(g, '县管校聘', { regions: ['随州市'] });
    expect(suizhou.length).toBeGreaterThan(0);
    expect(suizhou.every((h) => h.region === '随州市')).toBe(true);
  });
});
