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
  /**
   * Bring the highlight into view once it is drawn: `leftInset` pixels of the canvas are covered
   * (by the analysis panel) and left out of the fit. A new token asks again.
   */
  focus = $state.raw<{ token: number; leftInset: number } | null>(null);
  #tokens = 0;

  requestFocus(leftInset: number): void {
    this.focus = { token: ++this.#tokens, leftInset };
  }
}

export const canvasOverlay = new CanvasOverlay();
