/**
 * Keeps the labels of the view's most cited nodes (class `hub`, see cy/elements.ts) readable when
 * a large view is zoomed out: Cytoscape scales text with the zoom, so at the fit zoom of a few
 * hundred nodes an 11 px label is 2 px high. Only a dozen nodes carry the class, so per-node style
 * bypasses stay cheap.
 */
import type { Core } from 'cytoscape';

/** The on-screen size a hub label keeps, in CSS pixels. */
const SCREEN_FONT_PX = 11;

/** The zoom each canvas's hub labels were last sized for: panning (same zoom) restyles nothing. */
const sizedFor = new WeakMap<Core, number>();

/** `elementsChanged`: new elements were drawn, so size their hubs even at the same zoom. */
export function keepHubLabelsReadable(cy: Core, elementsChanged = false): void {
  const z = cy.zoom();
  if (!elementsChanged && sizedFor.get(cy) === z) return;
  sizedFor.set(cy, z);
  // Zoomed in past 1, the stylesheet's own size is already readable.
  const size = z >= 1 ? null : SCREEN_FONT_PX / z;
  cy.batch(() => {
    const hubs = cy.nodes('.hub');
    if (size === null) hubs.removeStyle('font-size text-max-width');
    else hubs.style({ 'font-size': size, 'text-max-width': `${Math.round(160 / z)}px` });
  });
}
