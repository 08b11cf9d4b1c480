/**
 * Edge chunks as columns (src/store/edge-columns): every edge of the seeds' graph comes back as the
 * row it was, with its evidence inline or packed, including edges whose endpoints are no node,
 * repeated node ids and rules; and nothing of the contract's edge fields is left out.
 */
import { describe, expect, it } from 'vitest';
import { EVIDENCED_EDGE_TYPES, GraphEdgeSchema, edgeRow, evidenceOf, type GraphEdge, type StoredEdge } from '../../../src/model';
import { EDGE_COLUMN_FIELDS, decodeEdges, encodeEdges, nodePositions } from '../../../src/store/edge-columns';
import { seedGraph } from '../../support/seeds';

describe('edge columns', () => {
  it('hold every field of the contract’s edge rows', () => {
    expect([...EDGE_COLUMN_FIELDS].sort()).toEqual(Object.keys(GraphEdgeSchema.shape).sort());
  });

  it('give back the seeds’ edges as they were, in order, inline or packed', async () => {
    const { graph } = await seedGraph();
    expect(graph.edges.some((e) => e.rule)).toBe(true);
    expect(graph.edges.some((e) => e.intent)).toBe(true);
    const positions = nodePositions(graph.nodes);
    for (const size of [1, 7, graph.edges.length]) {
      const inline: StoredEdge[] = [];
      const packed: StoredEdge[] = [];
      for (let i = 0; i < graph.edges.length; i += size) {
        const cols = encodeEdges(graph.edges.slice(i, i + size), positions);
        decodeEdges(cols, graph.nodes, 'inline', inline);
        decodeEdges(cols, graph.nodes, 'packed', packed);
      }
      // Strict: an edge without an intent or rule has no such key (not one set to undefined).
      expect(inline).toStrictEqual(graph.edges);
      // Packed: no evidence on the edge itself, the same evidence through evidenceOf, and as a row.
      expect(packed.every((e) => e.evidence === undefined && e.evidenceChunk !== undefined)).toBe(true);
      expect(packed.map(evidenceOf)).toEqual(graph.edges.map((e) => e.evidence));
      expect(packed.map(edgeRow)).toStrictEqual(graph.edges);
      expect(packed.filter((e) => 'intent' in e).length).toBe(graph.edges.filter((e) => 'intent' in e).length);
      // Endpoints are the node rows' own id strings, not copies.
      const idOf = new Map(graph.nodes.map((n) => [n.id, n.id]));
      expect(packed.every((e) => e.source === idOf.get(e.source) && e.target === idOf.get(e.target))).toBe(true);
    }
    const evidenced = graph.edges.filter((e) => EVIDENCED_EDGE_TYPES.includes(e.type));
    expect(evidenced.length).toBeGreaterThan(50);
  });

  it('keep endpoints that are no node and resolve a repeated node id to its first row', async () => {
    const { graph } = await seedGraph();
    const [a, b] = graph.nodes;
    const nodes = [...graph.nodes, { ...a, label: 'a repeat' }];
    const edges: GraphEdge[] = [
      { id: 'x1', type: 'cites', source: a.id, target: 'doc:nowhere', intent: 'uses', evidence: [] },
      { id: 'x2', type: 'mentions', source: 'task:gone', target: b.id, evidence: [{ sourceId: 's', start: 1, end: 3, quote: '“双减”', quoteStart: 0, pin: '第三条' }] },
      { id: 'x3', type: 'contains', source: a.id, target: b.id, evidence: [] },
    ];
    const cols = encodeEdges(edges, nodePositions(nodes));
    expect(cols.sources[2]).toBe(0);
    expect(Object.keys(cols.ends ?? {})).toEqual(['0', '1']);
    const out: StoredEdge[] = [];
    decodeEdges(cols, nodes, 'inline', out);
    expect(out).toEqual(edges);
  });

  it('refuse a type or intent outside the contract, naming the edge', () => {
    const bad = { id: 'e1', type: 'likes', source: 'a', target: 'b', evidence: [] } as unknown as GraphEdge;
    expect(() => encodeEdges([bad], new Map())).toThrow(/e1.*likes/);
    const badIntent = { id: 'e2', type: 'cites', source: 'a', target: 'b', intent: 'hopes', evidence: [] } as unknown as GraphEdge;
    expect(() => encodeEdges([badIntent], new Map())).toThrow(/e2.*hopes/);
  });
});
