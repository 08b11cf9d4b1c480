/**
 * What the analysis screens draw over the canvas: a highlighted path (shortest path, main path)
 * and node colours (communities). Kept apart from the Explorer state so the canvas can show it
 * in any view without the analysis panel being open.
 */
export interface CanvasHighlight {
  nodes: readonly string[];
  edges: readonly string[];
}

class CanvasOverlay {
  highlight = $state.raw<CanvasHighlight | null>(null);
  /** node id → CSS colour; nodes not listed keep their type colour. */
  colours = $state.raw<ReadonlyMap<string, string> | null>(null);
}

export const canvasOverlay = new CanvasOverlay();
