/**
 * What the workspace needs from the canvas, kept out of Canvas.svelte: corrected elements get a
 * class (styled in cy/style), and a saved view's node positions replace the layout once.
 */
import type { Core } from 'cytoscape';
import type { Explorer } from '../state/explorer.svelte';

export function markCorrected(cy: Core, corrected: ReadonlyMap<string, string[]>): void {
  cy.batch(() => {
    cy.elements('.corrected').removeClass('corrected');
    for (const id of corrected.keys()) cy.$id(id).addClass('corrected');
  });
}

/**
 * Places the nodes at the positions a saved view brought (once). Returns true when every node
 * drawn had a saved position, so no layout is needed.
 */
export function usePendingPositions(ex: Explorer, cy: Core): boolean {
  const saved = ex.pendingPositions;
  if (!saved) return false;
  ex.pendingPositions = null;
  let all = true;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = saved[n.id()];
      if (p) n.position({ x: p.x, y: p.y });
      else all = false;
    });
  });
  return all && cy.nodes().length > 0;
}

/** The drawn nodes' positions, rounded (what a saved view stores). */
export function currentPositions(cy: Core): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  return out;
}
