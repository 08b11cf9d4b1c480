/**
 * Laying out the canvas: fcose for the graph view (in a worker; on the main thread only when
 * workers are unavailable), dagre top-down for lineage trees (small by construction).
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { FCOSE_OPTIONS, type LayoutRequest, type LayoutResponse } from './layout-protocol';

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (r: LayoutResponse) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<LayoutResponse>) => {
      pending.get(ev.data.id)?.(ev.data);
      pending.delete(ev.data.id);
    };
    worker.onerror = () => {
      for (const [, resolve] of pending) resolve({ id: 0, error: 'worker failed', ms: 0 });
      pending.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Positions from the worker, or null (then the caller lays out on the main thread). */
function layoutInWorker(cy: Core): Promise<LayoutResponse | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  const req: LayoutRequest = {
    id: nextId++,
    nodes: cy.nodes().map((n) => ({ id: n.id(), size: Number(n.data('size')) || 20 })),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  };
  return new Promise((resolve) => {
    pending.set(req.id, resolve);
    w.postMessage(req);
  });
}

export interface LayoutOutcome {
  where: 'worker' | 'main';
  ms: number;
}

/** Lays out every element of `cy` with fcose; resolves when positions are applied. */
export async function layoutForce(cy: Core): Promise<LayoutOutcome> {
  const t0 = performance.now();
  if (cy.nodes().length === 0) return { where: 'main', ms: 0 };
  const res = await layoutInWorker(cy);
  if (cy.destroyed()) return { where: 'worker', ms: 0 };
  if (res?.positions) {
    const pos = res.positions;
    cy.layout({ name: 'preset', positions: (n: cytoscape.NodeSingular) => pos[n.id()] ?? { x: 0, y: 0 }, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
    return { where: 'worker', ms: performance.now() - t0 };
  }
  cy.layout({ ...FCOSE_OPTIONS, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
  return { where: 'main', ms: performance.now() - t0 };
}

/**
 * Top-down tree: each node's rank comes from its `rank` data (0 = the root's level, then
 * national → provincial → municipal → county → tasks), enforced through edge minimum lengths.
 */
export function layoutTree(cy: Core): void {
  cy.layout({
    name: 'dagre',
    rankDir: 'TB',
    nodeSep: 24,
    nodeDimensionsIncludeLabels: true,
    rankSep: 70,
    edgeSep: 6,
    minLen: (e: cytoscape.EdgeSingular) => Math.max(1, Number(e.target().data('rank') ?? 1) - Number(e.source().data('rank') ?? 0)),
    fit: true,
    padding: 30,
    animate: false,
  } as unknown as cytoscape.LayoutOptions).run();
}
