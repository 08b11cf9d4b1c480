import { describe, expect, it } from 'vitest';
import { GraphFileSchema } from '../../../src/model';
import { addRows, buildGraph, buildGraphSliced, removeRows } from '../../../src/graph/load';
import { seedGraph } from '../../support/seeds';
import { IDS, smallGraphFile } from './fixture';

describe('buildGraph', () => {
  it('keys nodes and edges by id with the rows as attributes', () => {
    const file = smallGraphFile();
    expect(GraphFileSchema.safeParse(file).success).toBe(true);
    const g = buildGraph(file.nodes, file.edges);
    expect(g.order).toBe(file.nodes.length);
    expect(g.size).toBe(file.edges.length);
    expect(g.type).toBe('directed');
    expect(g.multi).toBe(true);
    const e = file.edges[0];
    expect(g.source(e.id)).toBe(e.source);
    expect(g.getEdgeAttributes(e.id)).toEqual(e);
    expect((g.getNodeAttributes(IDS.ordos) as { title?: string }).title).toBe('加快推进鄂尔多斯教育现代化工作方案(2019—2022年)');
  });

  it('derives citedBy from incoming cites and degree from all incident edges', () => {
    const file = smallGraphFile();
    const g = buildGraph(file.nodes, file.edges);
    expect(g.getNodeAttribute(IDS.supervision, 'citedBy')).toBe(2);
    expect(g.getNodeAttribute(IDS.regionalPlan, 'citedBy')).toBe(1); // adapts does not count as a citation
    expect(g.getNodeAttribute(IDS.program, 'citedBy')).toBe(0);
    for (const id of g.nodes()) expect(g.getNodeAttribute(id, 'degree')).toBe(g.degree(id));
  });

  it('does not alias the input rows', () => {
    const file = smallGraphFile();
    const g = buildGraph(file.nodes, file.edges);
    expect('citedBy' in file.nodes[0]).toBe(false);
    g.setNodeAttribute(IDS.ordos, 'label', 'changed');
    expect(file.nodes.find((n) => n.id === IDS.ordos)!.label).not.toBe('changed');
  });

  it('skips edges with a missing endpoint and counts them', () => {
    const file = smallGraphFile();
    const bad = { ...file.edges[0], id: 'dangling', target: 'doc:nowhere' };
    const g = buildGraph(file.nodes, [...file.edges, bad]);
    expect(g.hasEdge('dangling')).toBe(false);
    expect(g.getAttribute('droppedEdges')).toBe(1);
  });

  it('keeps derived counts exact through addRows and removeRows', () => {
    const file = smallGraphFile();
    const g = buildGraph(file.nodes, []);
    const added = addRows(g, [], file.edges);
    expect(added.edges).toHaveLength(file.edges.length);
    expect(g.getNodeAttribute(IDS.supervision, 'citedBy')).toBe(2);
    removeRows(g, [`${IDS.county}/1`]);
    expect(g.getNodeAttribute(IDS.supervision, 'citedBy')).toBe(1);
    for (const id of g.nodes()) expect(g.getNodeAttribute(id, 'degree')).toBe(g.degree(id));
    expect(addRows(g, file.nodes, []).nodes).toEqual([`${IDS.county}/1`]);
  });
});

describe('buildGraphSliced', () => {
  it('builds the same graph as buildGraph on the seeds, yielding between slices and reporting progress', async () => {
    const { graph: file } = await seedGraph();
    const bad = { ...file.edges[0], id: 'dangling', target: 'doc:nowhere' };
    const nodes = [...file.nodes, file.nodes[0]];
    const edges = [...file.edges, bad];
    const whole = buildGraph(nodes, edges);
    const seen: number[] = [];
    let yielded = 0;
    const ticker = setInterval(() => yielded++, 0);
    // A zero slice yields after every 256 rows: many slices even on the seeds.
    const sliced = await buildGraphSliced(nodes, edges, { sliceMs: 0, onProgress: (done) => seen.push(done) });
    clearInterval(ticker);
    expect(sliced.export()).toEqual(whole.export());
    expect(sliced.getAttribute('droppedEdges')).toBe(1);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(nodes.length + edges.length);
    expect(yielded).toBeGreaterThan(0);
  });
});
