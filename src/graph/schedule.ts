/**
 * Time slicing for work that would otherwise be one long main-thread task (building a 100k-node
 * graph, a search index): do a slice, give the event loop a turn (input, rendering), go on.
 */

/**
 * Resolves on the next macrotask. A MessageChannel message, unlike setTimeout(0), is not clamped
 * to 4 ms after a few nested calls, so a loop of short slices does not idle a quarter of its time.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
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
