import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
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

describe('dictionary adjacency', () => {
  // buildGraph swaps graphology's node data for one with hash-table adjacency objects (a speed-up
  // at 100k nodes); every neighbourhood query must answer as on graphology's own graph.
  it('answers every neighbourhood query on the seeds as a plain graphology graph does', async () => {
    const { graph: file } = await seedGraph();
    const g = buildGraph(file.nodes, file.edges);
    const plain = new MultiDirectedGraph({ allowSelfLoops: true });
    for (const n of file.nodes) if (!plain.hasNode(n.id)) plain.addNode(n.id);
    for (const e of file.edges) if (!plain.hasEdge(e.id)) plain.addDirectedEdgeWithKey(e.id, e.source, e.target);
    expect(Object.getPrototypeOf((g as unknown as { NodeDataClass: { prototype: object } }).NodeDataClass.prototype)).not.toBe(Object.prototype);
    for (const id of plain.nodes()) {
      expect(g.outNeighbors(id)).toEqual(plain.outNeighbors(id));
      expect(g.inNeighbors(id)).toEqual(plain.inNeighbors(id));
      expect(g.outEdges(id)).toEqual(plain.outEdges(id));
      expect(g.inEdges(id)).toEqual(plain.inEdges(id));
      expect(g.degree(id)).toBe(plain.degree(id));
    }
    for (const e of file.edges.slice(0, 50)) {
      expect(g.hasDirectedEdge(e.source, e.target)).toBe(true);
      expect(g.areNeighbors(e.source, e.target)).toBe(true);
      expect(g.edges(e.source, e.target)).toEqual(plain.edges(e.source, e.target));
    }
    const victim = file.edges[0];
    g.dropNode(victim.target);
    plain.dropNode(victim.target);
    expect(g.edges().sort()).toEqual(plain.edges().sort());
    g.clearEdges();
    expect(g.size).toBe(0);
    expect(g.hasDirectedEdge(victim.source, file.edges[1].target)).toBe(false);
    g.addDirectedEdgeWithKey('again', victim.source, file.edges[1].target, file.edges[1]);
    expect(g.outNeighbors(victim.source)).toEqual([file.edges[1].target]);
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

  it('with adoptNodeRows, makes the node rows the attributes themselves and builds the same graph', async () => {
    const { graph: file } = await seedGraph();
    const copy = structuredClone(file);
    const adopted = await buildGraphSliced(copy.nodes, copy.edges, { adoptNodeRows: true });
    expect(adopted.export()).toEqual(buildGraph(file.nodes, file.edges).export());
    expect(adopted.getNodeAttributes(copy.nodes[0].id)).toBe(copy.nodes[0]);
    // Without the option the caller's rows stay untouched.
    const kept = structuredClone(file);
    const built = await buildGraphSliced(kept.nodes, kept.edges);
    expect(built.getNodeAttributes(kept.nodes[0].id)).not.toBe(kept.nodes[0]);
    expect(kept.nodes).toEqual(file.nodes);
  });
});
