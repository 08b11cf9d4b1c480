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

/** Counts event-loop turns taken while `work` runs. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  void work.then(() => (done = true));
  while (!done) {
    await new Promise((ok) => setTimeout(ok, 0));
    turns++;
  }
  return turns;
}

describe('steps', () => {
  it('run through at once or in slices give the same value; slices let timers run', async () => {
    expect(runSteps(sumSteps(1000, []))).toBe(499500);
    const sliced = runStepsSliced(sumSteps(1000, []), { sliceMs: 0 });
    expect(await turnsDuring(sliced)).toBeGreaterThan(1);
    expect(await sliced).toBe(499500);
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
