/**
 * Time slicing (src/util/schedule): sliced work gives the event loop turns and ends with the same
 * result as work run through; stale work is abandoned at a yield.
 */
import { describe, expect, it } from 'vitest';
import { runSliced, runSteps, runStepsSliced, type Steps } from '../../../src/util/schedule';

function* sumSteps(n: number, seen: number[]): Steps<number> {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += i;
    seen.push(i);
    yield;
  }
  return total;
}

/** Whether a callback queued on the event loop as `work` starts runs before `work` ends. */
async function loopTurnsDuring(start: () => Promise<unknown>): Promise<boolean> {
  let done = false;
  let ranBetween = false;
  setImmediate(() => (ranBetween = !done));
  await start();
  done = true;
  return ranBetween;
}

describe('steps', () => {
  it('run through at once or in slices give the same value; slices let timers run', async () => {
    expect(runSteps(sumSteps(1000, []))).toBe(499500);
    let value: number | undefined;
    expect(await loopTurnsDuring(async () => (value = await runStepsSliced(sumSteps(1000, []), { sliceMs: 0 })))).toBe(true);
    expect(value).toBe(499500);
    // Run through at once, nothing else runs meanwhile.
    expect(await loopTurnsDuring(async () => runSteps(sumSteps(1000, [])))).toBe(false);
  });

  it('abandoned at a yield resolve undefined and stop stepping', async () => {
    const seen: number[] = [];
    let stale = false;
    const work = runStepsSliced(sumSteps(1000, seen), { sliceMs: 0, abandon: () => stale });
    stale = true;
    expect(await work).toBeUndefined();
    expect(seen.length).toBeLessThan(1000);
  });
});

describe('runSliced', () => {
  it('calls every step once, in order, reporting progress up to the total', async () => {
    const order: number[] = [];
    const progress: number[] = [];
    await runSliced(3000, (i) => order.push(i), { sliceMs: 0, onProgress: (d) => progress.push(d) });
    expect(order).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(progress.at(-1)).toBe(3000);
    expect(progress.length).toBeGreaterThan(1);
  });
});
