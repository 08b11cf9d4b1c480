/** "Export view": what the canvas draws, or — while the overview draws groups — the filtered subgraph it summarises. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/load';
import { viewScope } from '../../../src/ui/export/formats';
import { seedGraph } from '../../support/seeds';

describe('viewScope', () => {
  it('takes the summarised view in the overview, keeping only ids the graph has', async () => {
    const { graph: file } = await seedGraph();
    const g = buildGraph(file.nodes, file.edges);
    const nodes = file.nodes.filter((n) => n.type === 'task' || n.type === 'document').map((n) => n.id);
    const edges = file.edges.filter((e) => e.type === 'cites').map((e) => e.id);
    const s = viewScope(g, null, { nodes: [...nodes, 'group:task|province:河北省'], edges: [...edges, 'g:a->b'] });
    expect(s.nodeIds).toEqual(nodes);
    expect(s.edgeIds).toEqual(edges);
    expect(nodes.length).toBeGreaterThan(50);
  });

  it('is empty with no canvas and no overview', async () => {
    const { graph: file } = await seedGraph();
    expect(viewScope(buildGraph(file.nodes, file.edges), null)).toEqual({ nodeIds: [], edgeIds: [] });
  });
});
