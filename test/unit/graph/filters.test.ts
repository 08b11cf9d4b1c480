import { describe, expect, it } from 'vitest';
import { applyFilters, compileFilterIndexSliced, regionScope } from '../../../src/graph/filters';
import { synthGraph } from './synth-graph';
import { addRows, buildGraph } from '../../../src/graph/load';
import { IDS, smallGraphFile } from './fixture';

const graph = () => {
  const f = smallGraphFile();
  return buildGraph(f.nodes, f.edges);
};
const sorted = (a: string[]) => [...a].sort();

describe('applyFilters', () => {
  it('shows everything with no filter', () => {
    const g = graph();
    const r = applyFilters(g, {});
    expect(r.nodes).toEqual(g.nodes());
    expect(r.edges).toEqual(g.edges());
  });

  it('keeps only the chosen node types and the edges among them', () => {
    const g = graph();
    const r = applyFilters(g, { nodeTypes: ['policy', 'task'] });
    expect(r.nodes.every((id) => ['policy', 'task'].includes(g.getNodeAttribute(id, 'type')))).toBe(true);
    expect(r.nodes).toHaveLength(8);
    expect(sorted(r.edges.map((e) => g.getEdgeAttribute(e, 'type')))).toEqual(Array(5).fill('contains'));
  });

  it('selects tasks by year and keeps the documents they cite, not the others', () => {
    const g = graph();
    const r = applyFilters(g, { yearRange: { from: 2023, to: 2023 } });
    expect(r.nodes).toContain(IDS.suizhou);
    expect(r.nodes).toContain(`${IDS.suizhou}/1`);
    // The undated task takes its policy's year.
    expect(r.nodes).toContain(`${IDS.suizhou}/2`);
    expect(r.nodes).toContain(IDS.supervision);
    // Issuer of a cited document follows it.
    expect(r.nodes).toContain(IDS.centre);
    expect(r.nodes).not.toContain(IDS.ordos);
    expect(r.nodes).not.toContain(IDS.compulsory);
    expect(r.nodes).not.toContain(IDS.program);
    for (const e of r.edges) {
      expect(r.nodes).toContain(g.source(e));
      expect(r.nodes).toContain(g.target(e));
    }
  });

  it('level county still shows the national documents the county rests on', () => {
    const g = graph();
    const r = applyFilters(g, { levels: ['county'] });
    expect(sorted(r.nodes)).toEqual(sorted([IDS.county, `${IDS.county}/1`, IDS.supervision, IDS.centre]));
  });

  it('a province includes its cities and counties', () => {
    const g = graph();
    expect(regionScope(g, g.getNodeAttributes(`${IDS.county}/1`))).toEqual(['某县', '石家庄市', '河北省']);
    const hebei = applyFilters(g, { regions: ['region:河北省'], nodeTypes: ['policy', 'task'] });
    expect(sorted(hebei.nodes)).toEqual(sorted([IDS.county, `${IDS.county}/1`]));
    const nm = applyFilters(g, { regions: ['内蒙古自治区'], nodeTypes: ['policy'] });
    expect(nm.nodes).toEqual([IDS.ordos]);
    expect(applyFilters(g, { regions: ['火星'] }).nodes).toEqual([]);
  });

  it('filters by issuer name, alias or institution id', () => {
    const g = graph();
    for (const issuer of ['鄂尔多斯市人民政府办公室', '市政府办公室', IDS.ordosGov]) {
      const r = applyFilters(g, { issuers: [issuer], nodeTypes: ['policy', 'task'] });
      expect(sorted(r.nodes)).toEqual(sorted([IDS.ordos, `${IDS.ordos}/1`, `${IDS.ordos}/2`]));
    }
  });

  it('shows a document cited fewer times than minCitedBy no more', () => {
    const g = graph();
    const r = applyFilters(g, { minCitedBy: 2, nodeTypes: ['document'] });
    expect(r.nodes).toEqual([IDS.supervision]);
  });

  it('filters cites by intent, and with it the documents only reached that way', () => {
    const g = graph();
    const r = applyFilters(g, { citeIntents: ['uses'] });
    const cites = r.edges.filter((e) => g.getEdgeAttribute(e, 'type') === 'cites');
    expect(cites.map((e) => g.source(e))).toEqual([`${IDS.county}/1`]);
    expect(r.nodes).toContain(IDS.supervision);
    expect(r.nodes).not.toContain(IDS.compulsory);
  });

  it('keeps the k-hop neighbourhood of the selection', () => {
    const g = graph();
    const one = applyFilters(g, { ego: { ids: [IDS.supervision], hops: 1 } });
    expect(sorted(one.nodes)).toEqual(sorted([IDS.supervision, `${IDS.suizhou}/1`, `${IDS.county}/1`, IDS.centre]));
    const two = applyFilters(g, { ego: { ids: [IDS.supervision], hops: 2 } });
    expect(two.nodes).toContain(IDS.suizhou);
    expect(two.nodes).toContain(IDS.compulsory); // through 中共中央
    expect(two.nodes).not.toContain(IDS.ordos);
    const zero = applyFilters(g, { ego: { ids: [IDS.supervision], hops: 0 } });
    expect(zero).toEqual({ nodes: [IDS.supervision], edges: [] });
  });

  it('hides isolated nodes on request', () => {
    const g = graph();
    const r = applyFilters(g, { nodeTypes: ['document', 'institution'], hideIsolated: true });
    // The two plans keep each other through their adapts edge.
    expect(sorted(r.nodes)).toEqual(sorted([IDS.compulsory, IDS.supervision, IDS.centre, IDS.regionalPlan, IDS.nationalPlan]));
  });

  it('sees graph changes made after a first call', () => {
    const g = graph();
    expect(applyFilters(g, { nodeTypes: ['program'] }).nodes).toEqual([IDS.program]);
    addRows(g, [{ id: 'program:双减', type: 'program', label: '双减', name: '双减', aliases: [] }], []);
    expect(applyFilters(g, { nodeTypes: ['program'] }).nodes).toEqual([IDS.program, 'program:双减']);
    g.updateNodeAttributes(`${IDS.county}/1`, (a) => ({ ...a, year: 2030 }) as typeof a);
    expect(applyFilters(g, { yearRange: { from: 2030 } }).nodes).toContain(`${IDS.county}/1`);
  });

  it('an index compiled ahead in time slices answers as the one compiled on first use, and a change during it is not missed', async () => {
    const filters = [{}, { nodeTypes: ['task' as const] }, { yearRange: { from: 2020, to: 2022 } }, { regions: ['广东省'] }, { levels: ['municipal' as const], minCitedBy: 1 }];
    const plain = await synthGraph(3000);
    const ahead = await synthGraph(3000);
    // Tiny slices: the compile yields many times between its steps.
    await compileFilterIndexSliced(ahead, { sliceMs: 0 });
    for (const f of filters) expect(applyFilters(ahead, f)).toEqual(applyFilters(plain, f));

    const g = await synthGraph(3000);
    const compiling = compileFilterIndexSliced(g, { sliceMs: 0 });
    // A node added while the compile runs: the result compiled without it must not be kept.
    addRows(g, [{ id: 'program:双减', type: 'program', label: '双减', name: '双减', aliases: [] }], []);
    await compiling;
    expect(applyFilters(g, { nodeTypes: ['program'] }).nodes).toContain('program:双减');
  });
});
