import { beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../../../src/model';
import type { PolicyGraph } from '../../../../src/graph/load';
import { citationsByIntent, fulfilmentsOf, intentEdgeStyles, promisesAbout } from '../../../../src/ui/analysis/intents';
import { promises, seeds } from './corpus';

let seedGraph: PolicyGraph;
let promiseGraph: PolicyGraph;
beforeAll(async () => {
  [seedGraph, promiseGraph] = await Promise.all([seeds(), promises()]);
});

describe('citations grouped by intent', () => {
  it('puts every cites edge of a node in exactly one group, in the fixed intent order', () => {
    seedGraph.forEachNode((id, a) => {
      if (a.type !== 'document' && a.type !== 'policy') return;
      const groups = citationsByIntent(seedGraph, id, 'in');
      const edges = seedGraph.filterInEdges(id, (_e, x) => x.type === 'cites');
      expect(groups.flatMap((g) => g.citations.map((c) => c.edgeId)).sort()).toEqual([...edges].sort());
      const order = groups.map((g) => INTENTS.indexOf(g.intent));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      for (const g of groups) for (const c of g.citations) expect(seedGraph.getEdgeAttribute(c.edgeId, 'intent') ?? 'other').toBe(g.intent);
    });
  });

  it('a policy cites through its tasks', () => {
    let policy: string | undefined;
    seedGraph.forEachNode((id, a) => void (a.type === 'policy' && !policy && (policy = id)));
    const groups = citationsByIntent(seedGraph, policy!, 'out');
    let viaTasks = 0;
    seedGraph.forEachOutEdge(policy!, (_e, a, _s, t) => {
      if (a.type === 'contains') viaTasks += seedGraph.filterOutEdges(t, (_x, b) => b.type === 'cites').length;
    });
    viaTasks += seedGraph.filterOutEdges(policy!, (_x, b) => b.type === 'cites').length;
    expect(groups.reduce((s, g) => s + g.citations.length, 0)).toBe(viaTasks);
    expect(viaTasks).toBeGreaterThan(0);
  });

  it('styles every intent on the canvas', () => {
    const selectors = intentEdgeStyles().map((s) => s.selector);
    for (const i of INTENTS) expect(selectors).toContain(`edge[type = "cites"][intent = "${i}"]`);
  });
});

describe('promises and their fulfilment (test/fixtures/promises)', () => {
  it('the 2020 policy keeps the 2019 promise; the other promise of the plan stays open', () => {
    const fulfils = promiseGraph.filterEdges((_e, a) => a.type === 'fulfils');
    expect(fulfils.length).toBe(1);
    const keeper = promiseGraph.source(fulfils[0]);
    const task = promiseGraph.target(fulfils[0]);
    expect(fulfilmentsOf(promiseGraph, task).map((f) => [f.policyId, f.year])).toEqual([[keeper, 2020]]);

    const kept = promisesAbout(promiseGraph, keeper);
    expect(kept.length).toBe(1);
    expect(kept[0]).toMatchObject({ taskId: task, year: 2019, documentId: keeper });
    expect(kept[0].keptBy.map((k) => k.policyId)).toEqual([keeper]);

    // The plan itself lists both of its promises: one kept, one not.
    const plan = promiseGraph.getNodeAttribute(task, 'type') === 'task' ? (promiseGraph.getNodeAttributes(task) as { policyId: string }).policyId : task;
    const all = promisesAbout(promiseGraph, plan);
    expect(all.length).toBe(promiseGraph.filterEdges((_e, a) => a.type === 'cites' && a.intent === 'will_issue').length);
    expect(all.filter((p) => p.keptBy.length).map((p) => p.documentId)).toEqual([keeper]);
    expect(all.some((p) => p.keptBy.length === 0)).toBe(true);
  });

  it('on the seeds, no promise is reported kept without a fulfils edge', () => {
    seedGraph.forEachNode((id) => {
      for (const p of promisesAbout(seedGraph, id)) {
        for (const k of p.keptBy) expect(seedGraph.someOutEdge(k.policyId, (_e, a, _s, t) => a.type === 'fulfils' && t === p.taskId)).toBe(true);
      }
    });
  });
});
