/// <reference lib="webworker" />
/**
 * Lays out off the main thread and sends back positions, so laying out thousands of elements
 * never freezes the interface: fcose on a headless Cytoscape for small views, ForceAtlas2 for
 * large ones (layout-fa2.ts).
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FCOSE_OPTIONS, type LayoutRequest, type LayoutResponse } from './layout-protocol';
import { layoutFa2 } from './layout-fa2';

cytoscape.use(fcose);

function layoutFcose(req: LayoutRequest): Record<string, { x: number; y: number }> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size } })),
      ...req.edges.map((e) => ({ group: 'edges' as const, data: e })),
    ],
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
  });
  cy.layout({ ...FCOSE_OPTIONS } as cytoscape.LayoutOptions).run();
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return positions;
}

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const t0 = performance.now();
  const req = ev.data;
  try {
    const positions = req.algorithm === 'fa2' ? layoutFa2(req) : layoutFcose(req);
    const res: LayoutResponse = { id: req.id, positions, ms: performance.now() - t0 };
    (self as unknown as Worker).postMessage(res);
  } catch (e) {
    const res: LayoutResponse = { id: req.id, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
    (self as unknown as Worker).postMessage(res);
  }
};
