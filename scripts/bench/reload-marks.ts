/**
 * Reading a reload from the app's own performance marks (src/ui/state/canvas-drawn marks each view
 * the canvas puts on screen, src/ui/state/graph-rows measures the graph build), from the page's
 * clock, so a busy main thread does not delay the reading. Both functions run in the page: each is
 * self-contained (Playwright sends its source).
 */

/** Whether the canvas has drawn a view since the graph was built (the graph's own view). */
export function graphViewDrawn(): boolean {
  const built = performance.getEntriesByName('ple:build-graph')[0];
  return !!built && performance.getEntriesByName('ple:canvas-drawn').some((m) => m.startTime >= built.startTime + built.duration);
}

/** When the graph build ended (null before) and when each view was drawn, in page milliseconds. */
export function reloadMarks(): { builtEnd: number | null; drawn: number[] } {
  const built = performance.getEntriesByName('ple:build-graph')[0];
  return { builtEnd: built ? built.startTime + built.duration : null, drawn: performance.getEntriesByName('ple:canvas-drawn').map((m) => m.startTime) };
}
