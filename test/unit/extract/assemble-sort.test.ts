/** assembleGraph sorts ids group by group (by the prefix up to the first ':'); the oracle is the plain sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIds } from '../../../src/extract/assemble';

describe('sortIds', () => {
  it('orders any ids as the built-in sort does', () => {
    const piece = fc.constantFrom('cites', 'cite', 'contains', 'policy', 'doc', 'inst', ':', '->', '-', '(', ')', '/', '#2', '中', '教育部', 'a', 'A', '0', '9', '\u3000', '\ud800');
    const id = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        expect(sortIds([...ids])).toEqual([...ids].sort());
      }),
      { numRuns: 3000 },
    );
  });

  it('orders the seeds graph ids as the built-in sort does', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { buildGraph } = await import('../../../src/extract');
    const dir = join(__dirname, '../../../seeds');
    const { graph } = await buildGraph(readdirSync(dir).map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(dir, f))) })));
    for (const ids of [graph.nodes.map((n) => n.id), graph.edges.map((e) => e.id)]) {
      const shuffled = [...ids].reverse();
      expect(sortIds(shuffled)).toEqual(ids);
    }
  });
});
