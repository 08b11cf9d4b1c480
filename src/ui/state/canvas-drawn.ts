/**
 * A signal from the canvas that a view's elements are on screen. Work that can wait (the search
 * index, the texts download) waits for it rather than for the next frame: at 100k nodes the
 * index's time slices otherwise interleave with the canvas's chunks and delay the first canvas
 * by a second.
 */
let waiters: (() => void)[] = [];

/** Called by the canvas each time it has put a new element list on screen. */
export function canvasDrawn(): void {
  // For the benchmark: when each view reached the screen (src/ui/state/graph-rows measures the rest).
  performance.mark('ple:canvas-drawn');
  const w = waiters;
  waiters = [];
  for (const resolve of w) resolve();
}

/** Longest wait for the canvas before work that waits for it goes ahead anyway. */
export const CANVAS_WAIT_MS = 5000;

/**
 * Resolves at the next `canvasDrawn()`, or after `maxWaitMs` (no canvas: a lineage of nothing,
 * a hidden tab, an empty graph), whichever comes first.
 */
export function whenCanvasDrawn(maxWaitMs = CANVAS_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, maxWaitMs);
    function done() {
      clearTimeout(timer);
      waiters = waiters.filter((w) => w !== done);
      resolve();
    }
    waiters.push(done);
  });
}
