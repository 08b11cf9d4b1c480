/** Applies the analysis overlay (see overlay.svelte.ts) to a Cytoscape instance. */
import type { Core } from 'cytoscape';
import type { CanvasHighlight } from './overlay.svelte';

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
  // What is actually drawn highlighted / coloured, for the browser tests (nothing depends on it).
  const el = cy.container();
  if (el) {
    el.dataset.hlNodes = String(cy.nodes('.hl').length);
    el.dataset.hlEdges = String(cy.edges('.hl').length);
    el.dataset.coloured = String(cy.nodes('[commColor]').length);
  }
}
