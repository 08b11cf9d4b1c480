/**
 * Gives the event loop a turn between slices of long work (validation of a big file), so input
 * and rendering are not held up. setTimeout(0) is the last resort: browsers clamp nested timers
 * to 4 ms, which over hundreds of slices adds up.
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
