/**
 * governingVerb reads the clause from its end; its oracle is the reading it replaced: each verb's
 * last occurrence not followed by 的, the one ending closest to the citation (longest on ties).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VERBS, governingVerb, type VerbHit } from '../../../src/extract/find/intent';

function oracle(before: string): VerbHit | undefined {
  let best: VerbHit | undefined;
  for (const [verb, intent] of VERBS) {
    let idx = before.lastIndexOf(verb);
    while (idx >= 0) {
      const end = idx + verb.length;
      if (before[end] !== '的') {
        if (!best || end > best.end || (end === best.end && verb.length > best.length)) best = { end, length: verb.length, intent, verb };
        break;
      }
      idx = idx > 0 ? before.lastIndexOf(verb, idx - 1) : -1;
    }
  }
  return best;
}

describe('governingVerb', () => {
  it('finds what the per-verb search found, on clauses made of verbs, their pieces, 的 and other words', () => {
    const pieces = [...VERBS.map(([v]) => v), ...VERBS.map(([v]) => v.slice(1)), ...VERBS.map(([v]) => v.slice(0, -1)), '的', '和', '并', '教育部', '《', '，', ' ', '认真'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (words) => {
        const before = words.join('');
        expect(governingVerb(before)).toEqual(oracle(before));
      }),
      { numRuns: 20000 },
    );
  });

  it('finds what the per-verb search found before every 《 in the seeds', () => {
    const dir = join(__dirname, '../../../seeds');
    let clauses = 0;
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
        const before = text.slice(Math.max(0, i - 40), i);
        expect(governingVerb(before)).toEqual(oracle(before));
        clauses++;
      }
    }
    expect(clauses).toBeGreaterThan(100);
  });
});
