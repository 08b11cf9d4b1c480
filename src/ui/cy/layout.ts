/**
 * Laying out the canvas: a force layout for the graph view in a worker — fcose for small views,
 * ForceAtlas2 for large ones; on the main thread only fcose for a small view when workers are
 * unavailable (a large view then keeps its starting positions) — and dagre top-down for lineage
 * trees (small by construction).
 */
import cytoscape, { type Core, type ElementDefinition, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import { FA2_FROM, FCOSE_OPTIONS, type LayoutRequest, type LayoutResponse } from './layout-protocol';
import { fitTo } from './draw';

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

/** Positions from the worker, or null when there is no worker. */
function requestLayout(req: Omit<LayoutRequest, 'id'>): Promise<LayoutResponse | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  const full: LayoutRequest = { ...req, id: nextId++ };
  return new Promise((resolve) => {
    pending.set(full.id, resolve);
    w.postMessage(full);
  });
}

/** The force layout for a view of `els`, by size (ForceAtlas2 from FA2_FROM elements). */
function forceAlgorithm(elements: number): 'fcose' | 'fa2' {
  return elements >= FA2_FROM ? 'fa2' : 'fcose';
}

/** Positions from the worker for the drawn nodes of `cy`, or null (then the caller lays out on the main thread). */
function layoutInWorker(cy: Core, algorithm: 'fcose' | 'fa2'): Promise<LayoutResponse | null> {
  return requestLayout({
    algorithm,
    nodes: cy.nodes().map((n) => {
      const p = n.position();
      return { id: n.id(), size: Number(n.data('size')) || 20, x: p.x, y: p.y };
    }),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  });
}

/**
 * Lays out an element list before it is drawn, in the worker, from starting positions `start`,
 * and returns the list with every node placed: the canvas then adds each element at its final
 * place, so no frame moves thousands of drawn elements at once (0.25–0.37 s on a software canvas
 * for a 2,500-element view) and nothing jumps. Null without a worker or when the worker failed:
 * then draw first and call layoutForce.
 */
export async function layoutBeforeDrawing(
  els: readonly ElementDefinition[],
  start: ReadonlyMap<string, Position>,
): Promise<{ placed: ElementDefinition[]; outcome: LayoutOutcome } | null> {
  const t0 = performance.now();
  const algorithm = forceAlgorithm(els.length);
  const nodes: LayoutRequest['nodes'] = [];
  const edges: LayoutRequest['edges'] = [];
  for (const e of els) {
    const id = String(e.data.id);
    if (e.group === 'nodes') {
      const p = start.get(id);
      nodes.push({ id, size: Number(e.data.size) || 20, ...(p ? { x: p.x, y: p.y } : {}) });
    } else edges.push({ id, source: String(e.data.source), target: String(e.data.target) });
  }
  if (!nodes.length) return null;
  const res = await requestLayout({ algorithm, nodes, edges });
  const positions = res?.positions;
  if (!positions) return null;
  const placed = els.map((e) => {
    if (e.group !== 'nodes') return e;
    const id = String(e.data.id);
    return { ...e, position: positions[id] ?? start.get(id) };
  });
  return { placed, outcome: { where: 'worker', ms: performance.now() - t0, algorithm } };
}

export interface LayoutOutcome {
  where: 'worker' | 'main' | 'none';
  ms: number;
  algorithm?: 'fcose' | 'fa2';
}

/**
 * Lays out every element of `cy` with a force layout; resolves when positions are applied.
 * `stale()` turning true while the worker runs (a newer render) leaves the canvas untouched.
 */
export async function layoutForce(cy: Core, stale: () => boolean = () => false): Promise<LayoutOutcome> {
  const t0 = performance.now();
  if (cy.nodes().length === 0) return { where: 'main', ms: 0 };
  const algorithm = forceAlgorithm(cy.elements().length);
  const res = await layoutInWorker(cy, algorithm);
  if (cy.destroyed() || stale()) return { where: 'worker', ms: 0, algorithm };
  if (res?.positions) {
    const pos = res.positions;
    // Positions set in one batch and the viewport fitted to the node centres: a preset layout
    // with fit measured every element's bounds, labels included (with the redraw, one 0.2–0.56 s
    // task for 3,000 elements right after a 100k-node load).
    const centres: { x: number; y: number }[] = [];
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = pos[n.id()];
        if (p) n.position({ x: p.x, y: p.y });
        centres.push(n.position());
      });
    });
    fitTo(cy, centres);
    return { where: 'worker', ms: performance.now() - t0, algorithm };
  }
  // No worker: fcose on the main thread blocks for seconds on a large view, which keeps its start.
  if (algorithm === 'fa2') {
    cy.fit(undefined, 30);
    return { where: 'none', ms: performance.now() - t0, algorithm };
  }
  cy.layout({ ...FCOSE_OPTIONS, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
  return { where: 'main', ms: performance.now() - t0, algorithm };
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
