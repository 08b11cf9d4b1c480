import { describe, expect, it } from 'vitest';
import { downstream, formatLineage, upstream, type LineageTree } from '../../../src/graph/lineage';
import { buildGraph } from '../../../src/graph/load';
import { IDS, smallGraphFile } from './fixture';

const graph = () => {
  const f = smallGraphFile();
  return buildGraph(f.nodes, f.edges);
};
const shape = (t: LineageTree): unknown => [t.relation, t.id, ...t.children.map(shape)];

describe('downstream', () => {
  it('follows adapts down the levels, with the citing policy under the plan it adapts', () => {
    const g = graph();
    const l = downstream(g, IDS.nationalPlan)!;
    expect(shape(l.tree)).toEqual([
      'root',
      IDS.nationalPlan,
      ['adapted_by', IDS.regionalPlan, ['adapted_by', IDS.ordos]],
    ]);
    expect(l.levels).toEqual({ [IDS.nationalPlan]: 0, [IDS.regionalPlan]: 1, [IDS.ordos]: 2 });
    // The ordos policy both adapts the regional plan and cites it in its preamble: both edges are used.
    const ordosNode = l.tree.children[0].children[0];
    expect(ordosNode.edges.map((e) => g.getEdgeAttribute(e, 'type')).sort()).toEqual(['adapts', 'cites']);
    expect(l.edges).toHaveLength(3);
  });

  it('groups citing tasks under their policies, ordered by level', () => {
    const g = graph();
    const l = downstream(g, IDS.supervision)!;
    expect(shape(l.tree)).toEqual([
      'root',
      IDS.supervision,
      ['cited_by', IDS.suizhou, ['cited_by', `${IDS.suizhou}/1`]],
      ['cited_by', IDS.county, ['cited_by', `${IDS.county}/1`]],
    ]);
    expect(l.levels[IDS.county]).toBe(3);
    expect(l.levels[`${IDS.county}/1`]).toBe(4);
    const types = l.edges.map((e) => g.getEdgeAttribute(e, 'type')).sort();
    expect(types).toEqual(['cites', 'cites', 'contains', 'contains']);
    for (const e of l.edges) {
      expect(l.nodes).toContain(g.source(e));
      expect(l.nodes).toContain(g.target(e));
    }
  });

  it('stops on cycles and returns null for unknown ids', () => {
    const f = smallGraphFile();
    f.edges.push({ ...f.edges.find((e) => e.type === 'adapts')!, id: 'loop', source: IDS.nationalPlan, target: IDS.regionalPlan });
    const g = buildGraph(f.nodes, f.edges);
    const l = downstream(g, IDS.nationalPlan)!;
    expect(new Set(l.nodes).size).toBe(l.nodes.length);
    expect(downstream(g, 'doc:nothing')).toBeNull();
  });
});

describe('upstream', () => {
  it('a policy rests on what it adapts and what its tasks cite, with their issuers', () => {
    const g = graph();
    const l = upstream(g, IDS.ordos)!;
    expect(shape(l.tree)).toEqual([
      'root',
      IDS.ordos,
      ['adapts', IDS.regionalPlan, ['adapts', IDS.nationalPlan]],
      ['contains', `${IDS.ordos}/1`, ['cites', IDS.compulsory, ['issued_by', IDS.centre]]],
    ]);
    expect(l.levels[IDS.nationalPlan]).toBe(0);
    expect(l.levels[IDS.centre]).toBe(0);
    expect(l.nodes).not.toContain(`${IDS.ordos}/2`); // cites nothing
  });

  it('a task rests on the documents it cites', () => {
    const g = graph();
    const l = upstream(g, `${IDS.county}/1`)!;
    expect(shape(l.tree)).toEqual(['root', `${IDS.county}/1`, ['cites', IDS.supervision, ['issued_by', IDS.centre]]]);
    expect(formatLineage(l.tree).split('\n')).toEqual([
      `1. 用好督导结果 [${IDS.county}/1]`,
      `  cites: 关于深化新时代教育督导体制机制改革的意见 [${IDS.supervision}]`,
      `    issued by: 中共中央 [${IDS.centre}]`,
    ]);
  });
});
