/// <reference lib="webworker" />
/**
 * Runs fcose on a headless Cytoscape instance off the main thread and sends back positions, so
 * laying out a few thousand elements never freezes the interface.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FCOSE_OPTIONS, type LayoutRequest, type LayoutResponse } from './layout-protocol';

cytoscape.use(fcose);

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const t0 = performance.now();
  const { id, nodes, edges } = ev.data;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size } })),
        ...edges.map((e) => ({ group: 'edges' as const, data: e })),
      ],
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    });
    cy.layout({ ...FCOSE_OPTIONS } as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    cy.destroy();
    const res: LayoutResponse = { id, positions, ms: performance.now() - t0 };
    (self as unknown as Worker).postMessage(res);
  } catch (e) {
    const res: LayoutResponse = { id, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
    (self as unknown as Worker).postMessage(res);
  }
};
