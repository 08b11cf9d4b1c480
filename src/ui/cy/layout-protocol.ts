/** Messages between the canvas and the layout worker. */
export interface LayoutRequest {
  id: number;
  /**
   * fcose (good shapes, seconds beyond a few thousand elements) for small views; ForceAtlas2
   * (graphology, Barnes–Hut: near-linear per iteration) for large ones. Default fcose.
   */
  algorithm?: 'fcose' | 'fa2';
  /** Starting positions (ForceAtlas2 starts from them; fcose randomises). */
  nodes: { id: string; size: number; x?: number; y?: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface LayoutResponse {
  id: number;
  positions?: Record<string, { x: number; y: number }>;
  error?: string;
  ms: number;
}

/** fcose settings shared by the worker and the main-thread fallback. */
export const FCOSE_OPTIONS = {
  name: 'fcose',
  quality: 'default',
  randomize: true,
  animate: false,
  fit: false,
  nodeSeparation: 60,
  idealEdgeLength: 70,
  nodeRepulsion: 6000,
  packComponents: true,
  numIter: 2500,
} as const;

/** Elements (nodes + edges) from which the force layout is ForceAtlas2 rather than fcose. */
export const FA2_FROM = 1500;
