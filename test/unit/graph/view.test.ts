import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capView } from '../../../src/graph/view';
import { applyFilters } from '../../../src/graph/filters';
import { addRows } from '../../../src/graph/load';
import { buildGraph, type PolicyGraph } from '../../../src/graph/load';
import type { GraphEdge, GraphNode } from '../../../src/model';
import { IDS, smallGraphFile } from './fixture';
import { synthGraph } from './synth-graph';

/** A star: document d cited by n tasks, plus k isolated programmes. */
function star(n: number, k: number) {
  const nodes: GraphNode[] = [{ id: 'd', type: 'document', label: 'd', issuers: [], aliases: [] }];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `t${i}`, type: 'task', label: `t${i}`, policyId: 'p', path: [], title: '', text: '', fromOutline: false, sourceId: 's', start: 0, end: 0, region: i % 2 ? 'A市' : 'B市' });
    edges.push({ id: `c${i}`, type: 'cites', source: `t${i}`, target: 'd', intent: 'uses', evidence: [{ sourceId: 's', start: 0, end: 0, quote: '', quoteStart: 0 }] });
  }
  for (let i = 0; i < k; i++) nodes.push({ id: `p${i}`, type: 'program', label: `p${i}`, name: `p${i}`, aliases: [] });
  return buildGraph(nodes, edges);
}

describe('capView', () => {
  it('returns everything under the cap', () => {
    const f = smallGraphFile();
    const g = buildGraph(f.nodes, f.edges);
    const v = capView(g, g.nodes(), g.edges());
    expect(v).toEqual({ nodes: g.nodes(), edges: g.edges(), hidden: { nodes: 0, edges: 0 } });
  });

  it('never exceeds the cap, keeps the most cited node with who cites it, and accounts for what it hides', () => {
    const g = star(100, 50);
    const v = capView(g, g.nodes(), g.edges(), 41, { tally: true });
    expect(v.nodes.length + v.edges.length).toBe(41);
    expect(v.nodes).toContain('d');
    // d then 20 tasks each with its edge; isolated programmes come last.
    expect(v.nodes.filter((id) => id.startsWith('p'))).toEqual([]);
    expect(v.edges).toHaveLength(20);
    for (const e of v.edges) expect(v.nodes).toContain(g.source(e));
    expect(v.hidden).toEqual({ nodes: 151 - 21, edges: 80 });
    expect(v.overview!.byType.program).toEqual({ shown: 0, hidden: 50 });
    expect(v.overview!.byType.task).toEqual({ shown: 20, hidden: 80 });
    expect(v.overview!.byRegion['A市'].shown + v.overview!.byRegion['A市'].hidden).toBe(50);
    expect(v.overview!.byRegion[''].hidden).toBe(50);
    // Tallies only when asked for; the cut is the same.
    const plain = capView(g, g.nodes(), g.edges(), 41);
    expect(plain.overview).toBeUndefined();
    expect(plain.nodes).toEqual(v.nodes);
  });

  it('draws kept ids whatever their rank', () => {
    const g = star(100, 50);
    const v = capView(g, g.nodes(), g.edges(), 10, { keep: ['p49'] });
    expect(v.nodes).toContain('p49');
    expect(v.nodes).toContain('d');
  });

  it('drops edges whose endpoints are not in the view', () => {
    const f = smallGraphFile();
    const g = buildGraph(f.nodes, f.edges);
    const v = capView(g, [IDS.supervision], g.edges());
    expect(v.edges).toEqual([]);
    expect(v.hidden.edges).toBe(0);
  });

  it('gives the same view from applyFilters arrays (fast path) as from plain copies', () => {
    const g = star(100, 50);
    for (const cap of [5, 41, 150, 1000]) {
      const r = applyFilters(g, { nodeTypes: ['task', 'document', 'program'] });
      expect(capView(g, r.nodes, r.edges, cap)).toEqual(capView(g, [...r.nodes], [...r.edges], cap));
    }
    // After the graph changes, stale filter output is still read correctly (from ids).
    const r = applyFilters(g, {});
    addRows(g, [], [{ id: 'x', type: 'cites', source: 'p0', target: 'd', intent: 'uses', evidence: [{ sourceId: 's', start: 0, end: 0, quote: '', quoteStart: 0 }] }]);
    expect(capView(g, r.nodes, r.edges, 41).nodes).toEqual(capView(g, [...r.nodes], [...r.edges], 41).nodes);
  });

  it('holds its invariants on random graphs: budget, closed edges, kept ids, nodes with edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39)), { maxLength: 120 }),
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.nat(39), { maxLength: 3 }),
        (n, pairs, cap, keepIdx) => {
          const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, type: 'document', label: `d${i}`, issuers: [], aliases: [] }));
          const edges: GraphEdge[] = pairs
            .filter(([a, b]) => a < n && b < n)
            .map(([a, b], j) => ({ id: `c${j}`, type: 'cites', source: `d${a}`, target: `d${b}`, intent: 'uses', evidence: [{ sourceId: 's', start: 0, end: 0, quote: '', quoteStart: 0 }] }));
          const g = buildGraph(nodes, edges);
          const keep = [...new Set(keepIdx.filter((i) => i < n).map((i) => `d${i}`))];
          const r = applyFilters(g, {});
          const got = capView(g, r.nodes, r.edges, cap, { keep });
          const total = r.nodes.length + r.edges.length;
          expect(got.nodes.length + got.edges.length).toBe(Math.min(cap, total));
          const inNodes = new Set(got.nodes);
          for (const e of got.edges) {
            expect(inNodes.has(g.source(e))).toBe(true);
            expect(inNodes.has(g.target(e))).toBe(true);
          }
          // Kept ids are drawn whenever they fit (when they do not, which of them is up to rank).
          if (keep.length <= cap) for (const id of keep) expect(inNodes.has(id)).toBe(true);
          else expect(got.nodes.every((id) => keep.includes(id))).toBe(true);
          // Same result from plain copies of the arrays (the slow path).
          expect(capView(g, [...r.nodes], [...r.edges], cap, { keep })).toEqual(got);
          // An edge left out while both its endpoints are drawn means the budget was spent.
          const edgesIn = new Set(got.edges);
          const missed = r.edges.some((e) => !edgesIn.has(e) && inNodes.has(g.source(e)) && inNodes.has(g.target(e)));
          if (missed) expect(got.nodes.length + got.edges.length).toBe(cap);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('capView on a synthetic corpus graph (the benchmark generator)', () => {
  let g: PolicyGraph;
  beforeAll(async () => {
    g = await synthGraph(20000);
  }, 60_000);

  it('spends the budget on a connected picture: most drawn nodes have an edge, hubs are the most cited', () => {
    const r = applyFilters(g, {});
    const cap = 2500;
    const v = capView(g, r.nodes, r.edges, cap, { tally: true });
    expect(v.nodes.length + v.edges.length).toBe(cap);
    expect(v.edges.length).toBeGreaterThan(v.nodes.length * 0.8);
    const inNodes = new Set(v.nodes);
    const touched = new Set<string>();
    for (const e of v.edges) {
      expect(inNodes.has(g.source(e))).toBe(true);
      expect(inNodes.has(g.target(e))).toBe(true);
      touched.add(g.source(e));
      touched.add(g.target(e));
    }
    expect(touched.size / v.nodes.length).toBeGreaterThan(0.95);
    // The ten most cited nodes of the view are drawn, each with some of the tasks citing it.
    const top = [...r.nodes].sort((a, b) => g.getNodeAttribute(b, 'citedBy') - g.getNodeAttribute(a, 'citedBy')).slice(0, 10);
    for (const id of top) {
      expect(inNodes.has(id)).toBe(true);
      const citers = v.edges.filter((e) => g.target(e) === id && g.getEdgeAttribute(e, 'type') === 'cites');
      expect(citers.length).toBeGreaterThanOrEqual(3);
    }
    // Both kinds are on the canvas: cited documents and the tasks that cite them.
    expect(v.overview!.byType.document!.shown).toBeGreaterThan(0);
    expect(v.overview!.byType.task!.shown).toBeGreaterThan(v.overview!.byType.document!.shown);
    expect(v.hidden.nodes).toBe(r.nodes.length - v.nodes.length);
  });

  it('keeps the selection drawn with its neighbours, within the budget', () => {
    const r = applyFilters(g, {});
    // A task of no particular rank, and a programme.
    const task = r.nodes.find((id) => g.getNodeAttribute(id, 'type') === 'task' && g.getNodeAttribute(id, 'citedBy') === 0)!;
    const prog = r.nodes.find((id) => g.getNodeAttribute(id, 'type') === 'program')!;
    const v = capView(g, r.nodes, r.edges, 1000, { keep: [task, prog] });
    expect(v.nodes.length + v.edges.length).toBeLessThanOrEqual(1000);
    expect(v.nodes).toContain(task);
    expect(v.nodes).toContain(prog);
    const inNodes = new Set(v.nodes);
    expect(v.edges.some((e) => g.source(e) === task || g.target(e) === task)).toBe(true);
    for (const e of v.edges) expect(inNodes.has(g.source(e)) && inNodes.has(g.target(e))).toBe(true);
  });

  it('works on a filtered view whose nodes cite nothing among themselves (policies and tasks only)', () => {
    const r = applyFilters(g, { nodeTypes: ['policy', 'task'] });
    const v = capView(g, r.nodes, r.edges, 600, { tally: true });
    expect(v.nodes.length + v.edges.length).toBe(600);
    // Policies are the hubs here (most contained tasks), drawn with their tasks.
    expect(v.overview!.byType.policy!.shown).toBeGreaterThan(0);
    expect(v.edges.length).toBeGreaterThan(v.nodes.length * 0.8);
  });
});
