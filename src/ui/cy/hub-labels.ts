/**
 * Keeps the labels of the view's most cited nodes (class `hub`, see cy/elements.ts) readable when
 * a large view is zoomed out: Cytoscape scales text with the zoom, so at the fit zoom of a few
 * hundred nodes an 11 px label is 2 px high. Only a dozen nodes carry the class, so per-node style
 * bypasses stay cheap.
 */
import type { Core } from 'cytoscape';

/** The on-screen size a hub label keeps, in CSS pixels. */
const SCREEN_FONT_PX = 11;

export function keepHubLabelsReadable(cy: Core): void {
  const z = cy.zoom();
  // Zoomed in past 1, the stylesheet's own size is already readable.
  const size = z >= 1 ? null : SCREEN_FONT_PX / z;
  cy.batch(() => {
    const hubs = cy.nodes('.hub');
    if (size === null) hubs.removeStyle('font-size text-max-width');
    else hubs.style({ 'font-size': size, 'text-max-width': `${Math.round(160 / z)}px` });
  });
}
