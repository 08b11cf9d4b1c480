import { describe, expect, it } from 'vitest';
import { citingPolicyOf, mostCited, pageRank } from '../../../src/graph/metrics';
import { communities } from '../../../src/graph/communities';
import { shortestPath } from '../../../src/graph/paths';
import { coCitation } from '../../../src/graph/cocitation';
import { addDoc, addEdge, addPolicy, addProgram, addTask, cites, makeGraph, type G } from './build';

/** Two policies (P1 with tasks t1, t2; P2 with task u1) citing documents D1..D3. */
function corpus(): G {
  const g = makeGraph();
  addPolicy(g, 'P1');
  addTask(g, 'P1/t1', 'P1');
  addTask(g, 'P1/t2', 'P1');
  addPolicy(g, 'P2');
  addTask(g, 'P2/u1', 'P2');
  for (const d of ['D1', 'D2', 'D3']) addDoc(g, d);
  cites(g, 'P1/t1', 'D1');
  cites(g, 'P1/t1', 'D2');
  cites(g, 'P1/t2', 'D1', 'will_issue');
  cites(g, 'P2/u1', 'D1');
  cites(g, 'P2/u1', 'D2');
  cites(g, 'P2', 'D3'); // a preamble citation
  return g;
}

describe('mostCited', () => {
  it('counts cites in-degree, citing nodes and citing policies', () => {
    const top = mostCited(corpus());
    expect(top.map((t) => [t.id, t.citations, t.citingNodes, t.citingPolicies])).toEqual([
      ['D1', 3, 3, 2],
      ['D2', 2, 2, 2],
      ['D3', 1, 1, 1],
    ]);
  });
  it('filters by intent and limits', () => {
    expect(mostCited(corpus(), { intents: ['will_issue'] }).map((t) => t.id)).toEqual(['D1']);
    expect(mostCited(corpus(), { limit: 1 }).map((t) => t.id)).toEqual(['D1']);
  });
  it('finds a task’s policy through policyId', () => {
    expect(citingPolicyOf(corpus(), 'P1/t2')).toBe('P1');
    expect(citingPolicyOf(corpus(), 'D1')).toBeUndefined();
  });
});

describe('pageRank', () => {
  it('ranks a document cited by a cited policy above one cited once by an uncited policy', () => {
    // A → B → C (A cites B, B cites C) and X → Y. C receives B's rank, which received A's.
    const g = makeGraph();
    for (const id of ['A', 'B', 'X']) addPolicy(g, id);
    for (const id of ['C', 'Y']) addDoc(g, id);
    cites(g, 'A', 'B');
    cites(g, 'B', 'C');
    cites(g, 'X', 'Y');
    const ranks = pageRank(g);
    const score = Object.fromEntries(ranks.map((r) => [r.id, r.score]));
    expect(ranks[0].id).toBe('C');
    expect(score.C).toBeGreaterThan(score.Y);
    expect(score.Y).toBeGreaterThan(score.X);
    expect(score.A).toBeCloseTo(score.X, 10); // both cite and are never cited
    expect(ranks.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 6);
  });
  it('collapses tasks into their policies', () => {
    const ids = pageRank(corpus()).map((r) => r.id).sort();
    expect(ids).toEqual(['D1', 'D2', 'D3', 'P1', 'P2']);
  });
});

describe('communities', () => {
  it('separates two cliques joined by one bridge, with stable numbering', () => {
    const g = makeGraph();
    const left = ['a1', 'a2', 'a3', 'a4'];
    const right = ['b1', 'b2', 'b3'];
    for (const id of [...left, ...right]) addProgram(g, id);
    for (const side of [left, right])
      for (let i = 0; i < side.length; i++) for (let j = i + 1; j < side.length; j++) addEdge(g, 'mentions', side[i], side[j]);
    addEdge(g, 'mentions', 'a1', 'b1');
    const c = communities(g);
    expect(c.count).toBe(2);
    expect(c.sizes).toEqual([4, 3]);
    for (const id of left) expect(c.community[id]).toBe(0);
    for (const id of right) expect(c.community[id]).toBe(1);
    expect(c.modularity).toBeGreaterThan(0.3);
    expect(communities(g)).toEqual(c);
  });
  it('gives each node of an edgeless graph its own community', () => {
    const g = makeGraph();
    addProgram(g, 'x');
    addProgram(g, 'y');
    const c = communities(g);
    expect(c.count).toBe(2);
    expect(new Set(Object.values(c.community)).size).toBe(2);
  });
});

describe('shortestPath', () => {
  it('connects two citing tasks through the document they share, against edge direction', () => {
    const g = corpus();
    const p = shortestPath(g, 'P1/t2', 'P2/u1')!;
    expect(p.nodes).toEqual(['P1/t2', 'D1', 'P2/u1']);
    expect(p.edges.map((e) => g.extremities(e))).toEqual([['P1/t2', 'D1'], ['P2/u1', 'D1']]);
  });
  it('follows direction when asked, and reports no path', () => {
    expect(shortestPath(corpus(), 'P1/t2', 'P2/u1', { directed: true })).toBeNull();
    expect(shortestPath(corpus(), 'P1', 'D1', { directed: true })!.nodes).toEqual(['P1', 'P1/t1', 'D1']);
    expect(shortestPath(corpus(), 'P1', 'D1', { edgeTypes: ['cites'] })).toBeNull();
    expect(shortestPath(corpus(), 'P1', 'nope')).toBeNull();
    expect(shortestPath(corpus(), 'P1', 'P1')).toEqual({ nodes: ['P1'], edges: [] });
  });
});

describe('coCitation', () => {
  it('counts pairs cited together by the same policy', () => {
    // P1 cites {D1, D2}; P2 cites {D1, D2, D3}.
    const pairs = coCitation(corpus());
    expect(pairs.map((p) => [p.a, p.b, p.count])).toEqual([
      ['D1', 'D2', 2],
      ['D1', 'D3', 1],
      ['D2', 'D3', 1],
    ]);
    expect(pairs[0].units).toEqual(['P1', 'P2']);
  });
  it('counts pairs cited together by the same task', () => {
    // t1 {D1, D2}, t2 {D1}, u1 {D1, D2}, P2 {D3}.
    const pairs = coCitation(corpus(), { by: 'task' });
    expect(pairs.map((p) => [p.a, p.b, p.count, p.units])).toEqual([['D1', 'D2', 2, ['P1/t1', 'P2/u1']]]);
    expect(coCitation(corpus(), { minCount: 2 }).length).toBe(1);
  });
});
