/**
 * extractFile may give its host's event loop turns between stages (the extraction pool's main
 * thread does, so worker results are taken meanwhile). Pausing changes when the work runs, never
 * what it finds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, extractFile } from '../../../src/extract';
import type { InputFile } from '../../../src/extract/types';
import { yieldToEventLoop } from '../../../src/util/schedule';

const dir = join(__dirname, '../../../seeds');
const seeds: InputFile[] = readdirSync(dir)
  .sort()
  .map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));

describe('extraction with pauses', () => {
  it('finds the same in every seed, and pauses where a stage took long enough', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return new Promise<void>((ok) => setTimeout(ok, 0));
    };
    for (const f of seeds) {
      const plain = await extractFile(f);
      const paused = await extractFile(f, { pause });
      expect(paused).toEqual(plain);
    }
    expect(pauses).toBeGreaterThan(0);
  });

  it('buildGraph with a host extract that pauses builds what its default (no pauses) builds', async () => {
    const { graph } = await buildGraph(seeds);
    const viaPaused = await buildGraph(seeds, { extract: (f) => extractFile(f, { pause: yieldToEventLoop }) });
    expect(JSON.stringify(graph)).toBe(JSON.stringify(viaPaused.graph));
  });
});
