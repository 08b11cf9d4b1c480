/**
 * Time slicing for work that would otherwise be one long main-thread task (validating and building
 * a 100k-node graph, a search index): do a slice, give the event loop a turn (input, rendering),
 * go on. Shared by src/store and src/graph, so it depends on nothing.
 */

/**
 * Resolves on a later turn of the event loop. scheduler.yield (Chromium), setImmediate (Node) and a
 * MessageChannel message resume without the 4 ms clamp browsers put on nested setTimeout(0), which
 * over hundreds of slices adds up; setTimeout is the last resort.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> }; setImmediate?: (cb: () => void) => unknown };
  if (typeof g.scheduler?.yield === 'function') return g.scheduler.yield();
  if (typeof g.setImmediate === 'function') return new Promise((ok) => g.setImmediate!(ok));
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((ok) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        ok();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((ok) => setTimeout(ok, 0));
}

export interface SliceOptions {
  /** Work per slice before yielding, in ms (default 40: well under the 200 ms of a "long task"). */
  sliceMs?: number;
  /** Called after each slice with the items done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Calls `step(i)` for i in [0, total), yielding to the event loop whenever a slice has run
 * `sliceMs`. The clock is read every 256 items, so a cheap step costs no clock call.
 */
export async function runSliced(total: number, step: (i: number) => void, opts: SliceOptions = {}): Promise<void> {
  const sliceMs = opts.sliceMs ?? 40;
  let i = 0;
  while (i < total) {
    const until = performance.now() + sliceMs;
    do {
      const end = Math.min(total, i + 256);
      for (; i < end; i++) step(i);
    } while (i < total && performance.now() < until);
    opts.onProgress?.(i, total);
    if (i < total) await yieldToEventLoop();
  }
}

/**
 * Work written as a generator that yields (nothing) between small steps, so that the same code
 * runs either through at once (`runSteps`) or spread over time slices (`runStepsSliced`).
 */
export type Steps<T> = Generator<void, T>;

/** Runs `steps` to their end at once and returns their value. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs `steps` in time slices of `sliceMs`, yielding to the event loop between slices. Resolves
 * with their value, or with undefined when `abandon()` turned true at a yield (the work went stale).
 */
export async function runStepsSliced<T>(steps: Steps<T>, opts: { sliceMs?: number; abandon?: () => boolean } = {}): Promise<T | undefined> {
  const sliceMs = opts.sliceMs ?? 40;
  let until = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return opts.abandon?.() ? undefined : r.value;
    if (performance.now() >= until) {
      await yieldToEventLoop();
      if (opts.abandon?.()) return undefined;
      until = performance.now() + sliceMs;
    }
  }
}
