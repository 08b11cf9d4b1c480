import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capView } from '../../../src/graph/view';
import { applyFilters } from '../../../src/graph/filters';
import { addRows } from '../../../src/graph/load';
import { buildGraph } from '../../../src/graph/load';
import type { GraphEdge, GraphNode } from '../../../src/model';
import { IDS, smallGraphFile } from './fixture';

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

  it('never exceeds the cap, most cited first, and accounts for what it hides', () => {
    const g = star(100, 50);
    const v = capView(g, g.nodes(), g.edges(), 41);
    expect(v.nodes.length + v.edges.length).toBe(41);
    expect(v.nodes).toContain('d');
    // d then 20 tasks each with its edge; isolated programmes (degree 0) come last.
    expect(v.nodes.filter((id) => id.startsWith('p'))).toEqual([]);
    expect(v.edges).toHaveLength(20);
    for (const e of v.edges) expect(v.nodes).toContain(g.source(e));
    expect(v.hidden).toEqual({ nodes: 151 - 21, edges: 80 });
    expect(v.overview!.byType.program).toEqual({ shown: 0, hidden: 50 });
    expect(v.overview!.byType.task).toEqual({ shown: 20, hidden: 80 });
    expect(v.overview!.byRegion['A市'].shown + v.overview!.byRegion['A市'].hidden).toBe(50);
    expect(v.overview!.byRegion[''].hidden).toBe(50);
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

  it('matches a plain full-sort reference on random graphs', () => {
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
          const keep = keepIdx.filter((i) => i < n).map((i) => `d${i}`);
          const r = applyFilters(g, {});
          const got = capView(g, r.nodes, r.edges, cap, { keep });
          // Reference: rank every node, add each with its edges to nodes already in, until the budget is spent.
          const a = (id: string) => g.getNodeAttributes(id);
          const ranked = [...r.nodes].sort(
            (x, y) =>
              Number(keep.includes(y)) - Number(keep.includes(x)) ||
              a(y).citedBy - a(x).citedBy ||
              a(y).degree - a(x).degree ||
              r.nodes.indexOf(x) - r.nodes.indexOf(y),
          );
          const inNodes = new Set<string>();
          const inEdges = new Set<string>();
          let budget = cap;
          for (const id of ranked) {
            if (budget <= 0) break;
            inNodes.add(id);
            budget--;
            for (const e of r.edges) {
              if (budget <= 0) break;
              if (inEdges.has(e) || !inNodes.has(g.source(e)) || !inNodes.has(g.target(e))) continue;
              if (g.source(e) !== id && g.target(e) !== id) continue;
              inEdges.add(e);
              budget--;
            }
          }
          expect(new Set(got.nodes)).toEqual(inNodes);
          expect(new Set(got.edges)).toEqual(inEdges);
        },
      ),
      { numRuns: 300 },
    );
  });
});
