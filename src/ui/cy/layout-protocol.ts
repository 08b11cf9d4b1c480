/** Messages between the canvas and the layout worker. */
export interface LayoutRequest {
  id: number;
  nodes: { id: string; size: number }[];
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
