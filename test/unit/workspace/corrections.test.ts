/** Corrections applied to the seeds' graph: merge, split, drop, add, set year and level; stale ones are kept. */
import { describe, it, expect } from 'vitest';
import { applyCorrections } from '../../../src/graph/corrections';
import { CorrectionSchema, GraphFileSchema, WorkspaceFileSchema, edgeRow, evidenceOf, type Correction, type StoredEdge } from '../../../src/model';
import { decodeEdges, encodeEdges, nodePositions } from '../../../src/store/edge-columns';
import { seedGraph } from '../../support/seeds';

const at = (n: number) => ({ id: `c${n}`, createdAt: n });

describe('corrections on the seed graph', () => {
  it('merges two documents into one: edges re-pointed, names kept as aliases, graph still valid', async () => {
    const { graph } = await seedGraph();
    const a = graph.nodes.find((n) => n.type === 'document' && n.title === '中小学心理健康指导纲要')!;
    const b = graph.nodes.find((n) => n.type === 'document' && n.title === '心理健康教育工作评估标准')!;
    const citing = graph.edges.filter((e) => e.target === b.id).length;
    const r = applyCorrections(graph.nodes, graph.edges, [{ ...at(1), kind: 'merge', keep: a.id, others: [b.id] }]);
    expect(r.nodes.some((n) => n.id === b.id)).toBe(false);
    const kept = r.nodes.find((n) => n.id === a.id)!;
    expect('aliases' in kept && kept.aliases).toContain('心理健康教育工作评估标准');
    expect(r.edges.some((e) => e.source === b.id || e.target === b.id)).toBe(false);
    expect(r.edges.filter((e) => e.target === a.id).length).toBeGreaterThanOrEqual(citing);
    expect(r.corrected.get(a.id)).toEqual(['c1']);
    expect(r.outcomes[0].status).toBe('applied');
    expect(() => GraphFileSchema.parse({ ...graph, nodes: r.nodes, edges: r.edges })).not.toThrow();
  });

  it('splits a node: the chosen edges move to a new node with its own label', async () => {
    const { graph } = await seedGraph();
    const doc = graph.nodes.find((n) => n.type === 'document' && n.title === '中小学德育工作指南')!;
    const incoming = graph.edges.filter((e) => e.type === 'cites' && e.target === doc.id);
    expect(incoming.length).toBe(2);
    const r = applyCorrections(graph.nodes, graph.edges, [{ ...at(1), kind: 'split', nodeId: doc.id, newLabel: '中小学德育工作指南(修订版)', edgeIds: [incoming[0].id] }]);
    const added = r.nodes.find((n) => n.label === '中小学德育工作指南(修订版)')!;
    expect(added).toBeDefined();
    expect(r.edges.filter((e) => e.target === added.id)).toHaveLength(1);
    expect(r.edges.filter((e) => e.type === 'cites' && e.target === doc.id)).toHaveLength(1);
  });

  it('drops a false citation, adds a missing one with evidence, sets a year and a level', async () => {
    const { graph } = await seedGraph();
    const cite = graph.edges.find((e) => e.type === 'cites')!;
    const task = graph.nodes.find((n) => n.type === 'task')!;
    const doc = graph.nodes.find((n) => n.type === 'document' && n.title === '家庭教育促进法')!;
    const evidence = { sourceId: graph.sources[0].id, start: 0, end: 4, quote: 'abcd', quoteStart: 0 };
    const corrections: Correction[] = [
      { ...at(1), kind: 'drop-edge', edgeId: cite.id },
      { ...at(2), kind: 'add-citation', source: task.id, target: doc.id, intent: 'uses', evidence },
      { ...at(3), kind: 'set-year', nodeId: doc.id, year: 2021 },
      { ...at(4), kind: 'set-level', nodeId: doc.id, level: 'national' },
    ];
    const r = applyCorrections(graph.nodes, graph.edges, corrections);
    expect(r.edges.some((e) => e.id === cite.id)).toBe(false);
    const added = r.edges.find((e) => e.id === `cites:${task.id}->${doc.id}`)!;
    expect(added.intent).toBe('uses');
    expect(added.evidence).toEqual([evidence]);
    const d = r.nodes.find((n) => n.id === doc.id)!;
    expect(d.type === 'document' && d.year).toBe(2021);
    expect(d.type === 'document' && d.level).toBe('national');
    expect(r.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // The input rows are untouched: corrections live apart from the extracted graph.
    expect(graph.edges.some((e) => e.id === cite.id)).toBe(true);
  });

  it('gives the same rows when the edges come with their evidence packed (as the explorer loads them)', async () => {
    const { graph } = await seedGraph();
    const a = graph.nodes.find((n) => n.type === 'document' && n.title === '中小学心理健康指导纲要')!;
    const b = graph.nodes.find((n) => n.type === 'document' && n.title === '心理健康教育工作评估标准')!;
    const cite = graph.edges.find((e) => e.type === 'cites' && e.evidence.length > 0)!;
    const evidence = { sourceId: graph.sources[0].id, start: 0, end: 4, quote: 'abcd', quoteStart: 0 };
    const corrections: Correction[] = [
      { ...at(1), kind: 'merge', keep: a.id, others: [b.id] },
      // Onto an existing citation: its packed evidence is unpacked and the new one merged in.
      { ...at(2), kind: 'add-citation', source: cite.source, target: cite.target, intent: 'revises', evidence },
    ];
    const positions = nodePositions(graph.nodes);
    const packed: StoredEdge[] = [];
    decodeEdges(encodeEdges(graph.edges, positions), graph.nodes, 'packed', packed);
    const fromPacked = applyCorrections(graph.nodes, packed, corrections);
    const fromRows = applyCorrections(graph.nodes, graph.edges, corrections);
    expect(fromPacked.edges.map(edgeRow)).toEqual(fromRows.edges);
    expect(fromPacked.nodes).toEqual(fromRows.nodes);
    expect(evidenceOf(fromPacked.edges.find((e) => e.id === cite.id)!)).toEqual([...cite.evidence, evidence]);
  });

  it('never mutates the rows it is given (copy on write) and passes them through when there is nothing to apply', async () => {
    const { graph } = await seedGraph();
    const before = JSON.stringify({ nodes: graph.nodes, edges: graph.edges });
    const doc = graph.nodes.find((n) => n.type === 'document' && n.title === '中小学德育工作指南')!;
    const other = graph.nodes.find((n) => n.type === 'document' && n.title === '家庭教育促进法')!;
    const incoming = graph.edges.filter((e) => e.type === 'cites' && e.target === doc.id);
    const task = graph.nodes.find((n) => n.type === 'task')!;
    const evidence = { sourceId: graph.sources[0].id, start: 0, end: 4, quote: 'abcd', quoteStart: 0 };
    const r = applyCorrections(graph.nodes, graph.edges, [
      { ...at(1), kind: 'add-citation', source: incoming[0].source, target: doc.id, intent: 'uses', evidence },
      { ...at(2), kind: 'set-year', nodeId: doc.id, year: 1999 },
      { ...at(3), kind: 'split', nodeId: doc.id, newLabel: '拆分', edgeIds: [incoming[1].id] },
      { ...at(4), kind: 'merge', keep: doc.id, others: [other.id] },
      { ...at(5), kind: 'add-citation', source: task.id, target: doc.id, intent: 'uses', evidence },
    ]);
    expect(r.outcomes.every((o) => o.status === 'applied')).toBe(true);
    expect(r.nodes.find((n) => n.id === doc.id)).toMatchObject({ year: 1999 });
    expect(JSON.stringify({ nodes: graph.nodes, edges: graph.edges })).toBe(before);
    const none = applyCorrections(graph.nodes, graph.edges, []);
    expect(none.nodes).toBe(graph.nodes);
    expect(none.edges).toBe(graph.edges);
  });

  it('reports corrections whose nodes vanished as stale and keeps going', async () => {
    const { graph } = await seedGraph();
    const r = applyCorrections(graph.nodes, graph.edges, [
      { ...at(1), kind: 'set-year', nodeId: 'doc:no-such-document', year: 2000 },
      { ...at(2), kind: 'drop-edge', edgeId: 'cites:nope->nope' },
    ]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['stale', 'stale']);
    expect(r.nodes).toHaveLength(graph.nodes.length);
  });
});

describe('workspace file', () => {
  it('refuses a bad file with the zod path of the problem', () => {
    const bad = { format: 'policy-lineage-workspace', version: 1, notes: [{ nodeId: '', text: 'x', updatedAt: 1 }], views: [], corrections: [] };
    const r = WorkspaceFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['notes', 0, 'nodeId']);
    expect(CorrectionSchema.safeParse({ id: 'x', createdAt: 1, kind: 'set-level', nodeId: 'a', level: 'galactic' }).success).toBe(false);
  });
});
