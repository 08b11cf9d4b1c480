import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateView, computeGraphGroupsSliced, mergeSmallGroups } from '../../../src/graph/aggregate';
import { applyFilters, compileFilterIndexSliced } from '../../../src/graph/filters';
import { addRows, buildGraph, type PolicyGraph } from '../../../src/graph/load';
import { capView } from '../../../src/graph/view';
import { IDS, smallGraphFile } from './fixture';
import { synthGraph } from './synth-graph';

describe('aggregateView on the hand-built fixture', () => {
  const f = smallGraphFile();
  const g = buildGraph(f.nodes, f.edges);

  it('groups by type and province (a task by its policy, a county region up its parent chain), else level', () => {
    const v = aggregateView(g, g.nodes(), g.edges());
    const groupOf = (id: string) => {
      const a = g.getNodeAttributes(id);
      return v.groups.filter((gr) => gr.type === a.type);
    };
    expect(v.groups.reduce((s, gr) => s + gr.count, 0)).toBe(g.order);
    // The Ordos task's policy is in 内蒙古自治区.
    const ordosTasks = g.filterNodes((_, a) => a.type === 'task' && a.policyId === IDS.ordos).length;
    const inner = v.groups.find((gr) => gr.id === 'agg:task:province:内蒙古自治区');
    expect(inner?.count).toBeGreaterThanOrEqual(ordosTasks);
    expect(v.groups.find((gr) => gr.id === 'agg:region:province:河北省')?.count).toBe(3); // 河北省, 石家庄市, 某县
    // National documents have no province: grouped by level.
    expect(groupOf(IDS.supervision).some((gr) => gr.place.kind === 'level' && gr.place.level === 'national')).toBe(true);
    for (const gr of v.groups) expect(gr.id.startsWith('agg:')).toBe(true);
    expect(v.groups.every((gr) => !g.hasNode(gr.id))).toBe(true);
  });

  it('accounts for every edge: between groups (weights), inside groups, or omitted', () => {
    const v = aggregateView(g, g.nodes(), g.edges());
    const between = v.edges.reduce((s, e) => s + e.weight, 0);
    const inside = v.groups.reduce((s, gr) => s + gr.internalEdges, 0);
    expect(between + inside + v.omitted.edges).toBe(g.size);
    const ids = new Set(v.groups.map((gr) => gr.id));
    for (const e of v.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.source).not.toBe(e.target);
    }
    const few = aggregateView(g, g.nodes(), g.edges(), { maxEdges: 2 });
    expect(few.edges).toEqual(v.edges.slice(0, 2));
    expect(few.omitted.groupEdges).toBe(v.edges.length - 2);
    expect(few.edges.reduce((s, e) => s + e.weight, 0) + inside + few.omitted.edges).toBe(g.size);
  });

  it('ignores edges whose ends are not in the view and counts drawn nodes', () => {
    const pair: string[] = [IDS.supervision, IDS.moe];
    const v = aggregateView(g, pair, g.edges(), { drawn: new Set([IDS.moe]) });
    expect(v.groups.reduce((s, gr) => s + gr.count, 0)).toBe(2);
    expect(v.groups.reduce((s, gr) => s + gr.shown, 0)).toBe(1);
    const expected = g.edges().filter((e) => pair.includes(g.source(e)) && pair.includes(g.target(e))).length;
    expect(v.edges.reduce((s, e) => s + e.weight, 0) + v.groups.reduce((s, gr) => s + gr.internalEdges, 0)).toBe(expected);
  });
});

describe('aggregateView on a synthetic corpus graph', () => {
  let g: PolicyGraph;
  beforeAll(async () => {
    g = await synthGraph(20000);
  }, 60_000);

  it('summarises the whole view in a drawable number of groups, with what the cap draws counted', () => {
    const r = applyFilters(g, {});
    const capped = capView(g, r.nodes, r.edges, 2500);
    const v = aggregateView(g, r.nodes, r.edges, { drawn: new Set(capped.nodes) });
    expect(v.groups.length).toBeLessThan(400);
    expect(v.groups.reduce((s, gr) => s + gr.count, 0)).toBe(r.nodes.length);
    expect(v.groups.reduce((s, gr) => s + gr.shown, 0)).toBe(capped.nodes.length);
    const between = v.edges.reduce((s, e) => s + e.weight, 0);
    expect(between + v.groups.reduce((s, gr) => s + gr.internalEdges, 0) + v.omitted.edges).toBe(r.edges.length);
    // Each task group's count equals the tasks whose policy is in that province.
    const perProvince = new Map<string, number>();
    g.forEachNode((_, a) => {
      if (a.type !== 'task') return;
      const p = g.getNodeAttributes(a.policyId);
      if (p.type === 'policy' && p.province) perProvince.set(p.province, (perProvince.get(p.province) ?? 0) + 1);
    });
    for (const [prov, n] of perProvince) expect(v.groups.find((gr) => gr.id === `agg:task:province:${prov}`)?.count).toBe(n);
    // Same answer from plain copies (slow path).
    expect(aggregateView(g, [...r.nodes], [...r.edges], { drawn: new Set(capped.nodes) })).toEqual(v);
    // Heaviest first.
    for (let i = 1; i < v.edges.length; i++) expect(v.edges[i - 1].weight).toBeGreaterThanOrEqual(v.edges[i].weight);
  });

  it('filtered views: the groups read by graph position (computed ahead in slices or on first use) equal those computed from attributes', async () => {
    const views = [{ nodeTypes: ['task' as const, 'policy' as const] }, { yearRange: { from: 2020 } }, { minCitedBy: 2 }, { levels: ['provincial' as const] }];
    const ahead = await synthGraph(5000);
    await compileFilterIndexSliced(ahead, { sliceMs: 0 });
    await computeGraphGroupsSliced(ahead, { sliceMs: 0 });
    for (const f of views) {
      const r = applyFilters(g, f);
      const v = aggregateView(g, r.nodes, r.edges, { maxEdges: Infinity });
      expect(aggregateView(g, [...r.nodes], [...r.edges], { maxEdges: Infinity })).toEqual(v);
      const ra = applyFilters(ahead, f);
      expect(aggregateView(ahead, ra.nodes, ra.edges, { maxEdges: Infinity })).toEqual(aggregateView(ahead, [...ra.nodes], [...ra.edges], { maxEdges: Infinity }));
    }
    // A node added after the groups were computed is grouped too.
    addRows(ahead, [{ id: 'policy:新', type: 'policy', label: '新', title: '新', province: '新疆维吾尔自治区', sourceId: 's', level: 'provincial' } as never], []);
    const r = applyFilters(ahead, { nodeTypes: ['policy'] });
    expect(aggregateView(ahead, r.nodes, r.edges).groups.find((gr) => gr.id === 'agg:policy:province:新疆维吾尔自治区')?.count).toBeGreaterThanOrEqual(1);
    expect(aggregateView(ahead, r.nodes, r.edges)).toEqual(aggregateView(ahead, [...r.nodes], [...r.edges]));
  });

  it('merges the small groups of each type into one for drawing, keeping every count and edge', () => {
    const r = applyFilters(g, {});
    const full = aggregateView(g, r.nodes, r.edges, { maxEdges: Infinity });
    const m = mergeSmallGroups(full, 6, Infinity);
    const types = new Set(full.groups.map((gr) => gr.type));
    for (const t of types) {
      const before = full.groups.filter((gr) => gr.type === t);
      const after = m.groups.filter((gr) => gr.type === t);
      expect(after.length).toBe(Math.min(before.length, 6));
      expect(after.reduce((s, gr) => s + gr.count, 0)).toBe(before.reduce((s, gr) => s + gr.count, 0));
      const rest = after.find((gr) => gr.place.kind === 'rest');
      if (before.length > 6) {
        // The five largest stay as they are; the rest lists the places it merged.
        expect(after.filter((gr) => gr.place.kind !== 'rest').map((gr) => gr.id)).toEqual(before.slice(0, 5).map((gr) => gr.id));
        expect(rest && rest.place.kind === 'rest' && rest.place.places.length).toBe(before.length - 5);
      } else expect(rest).toBeUndefined();
    }
    const total = (v: typeof full) => v.edges.reduce((s, e) => s + e.weight, 0) + v.groups.reduce((s, gr) => s + gr.internalEdges, 0) + v.omitted.edges;
    expect(total(m)).toBe(r.edges.length);
    const ids = new Set(m.groups.map((gr) => gr.id));
    for (const e of m.edges) expect(ids.has(e.source) && ids.has(e.target) && e.source !== e.target).toBe(true);
    const capped = mergeSmallGroups(full, 6, 20);
    expect(capped.edges).toHaveLength(20);
    expect(total(capped)).toBe(r.edges.length);
  });
});
