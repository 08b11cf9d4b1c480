/** Applies the analysis overlay (see overlay.svelte.ts) to a Cytoscape instance. */
import type { Core } from 'cytoscape';
import { canvasOverlay, type CanvasHighlight } from './overlay.svelte';

const focused = new WeakMap<Core, number>();

/** Fits the highlighted elements into the part of the canvas right of `leftInset`. */
function fitHighlight(cy: Core, leftInset: number): boolean {
  const eles = cy.elements('.hl');
  if (eles.empty()) return false;
  const bb = eles.boundingBox();
  const pad = 50;
  const w = Math.max(120, cy.width() - leftInset - 2 * pad);
  const h = Math.max(120, cy.height() - 2 * pad);
  const zoom = Math.min(1.6, w / Math.max(1, bb.w), h / Math.max(1, bb.h));
  cy.stop(true, false);
  cy.animate({
    zoom,
    pan: { x: leftInset + pad + w / 2 - zoom * (bb.x1 + bb.w / 2), y: pad + h / 2 - zoom * (bb.y1 + bb.h / 2) },
  }, { duration: 250 });
  return true;
}

export function applyOverlay(cy: Core, highlight: CanvasHighlight | null, colours: ReadonlyMap<string, string> | null): void {
  cy.batch(() => {
    cy.elements('.hl').removeClass('hl');
    cy.nodes('[commColor]').removeData('commColor');
    if (colours) {
      cy.nodes().forEach((n) => {
        const c = colours.get(n.id());
        if (c) n.data('commColor', c);
      });
    }
    if (highlight) {
      for (const id of highlight.nodes) cy.$id(id).addClass('hl');
      for (const id of highlight.edges) cy.$id(id).addClass('hl');
    }
  });
  // Once every highlighted node is drawn, bring them into view (once per request).
  const focus = canvasOverlay.focus;
  if (highlight && focus && focused.get(cy) !== focus.token && highlight.nodes.every((id) => cy.$id(id).nonempty())) {
    if (fitHighlight(cy, focus.leftInset)) focused.set(cy, focus.token);
  }
  // What is actually drawn highlighted / coloured, for the browser tests (nothing depends on it).
  const el = cy.container();
  if (el) {
    el.dataset.hlNodes = String(cy.nodes('.hl').length);
    el.dataset.hlEdges = String(cy.edges('.hl').length);
    el.dataset.coloured = String(cy.nodes('[commColor]').length);
  }
}
