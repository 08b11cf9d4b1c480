/** Small helpers of the segmenter against the code they replaced (char-code scans, the last lines only). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNonSpace } from '../../../src/extract/segment/structure';
import { lastLines, splitLines } from '../../../src/extract/segment/lines';

describe('hasNonSpace', () => {
  it('is /\\S/ on the slice with its whitespace removed, for any range', () => {
    const unit = fc.constantFrom(...'中a1。', ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2003', '\u200b', '\ufeff', '\u2028', '\u0085');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.nat(33), fc.nat(33), (a, from, to) => {
        const text = a.join('');
        expect(hasNonSpace(text, from, to)).toBe(/\S/.test(text.slice(from, to).replace(/[\s\u3000]/g, '')));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('lastLines', () => {
  it('is splitLines(...).slice(-count) for any text, range and count', () => {
    const unit = fc.constantFrom('中', 'a', ' ', '\n', '\r', '\r\n', '\n\n', '\u3000');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.nat(35), fc.nat(35), fc.integer({ min: 0, max: 10 }), (a, x, y, count) => {
        const text = a.join('');
        const from = Math.min(x, text.length);
        const to = Math.min(y, text.length);
        expect(lastLines(text, from, to, count)).toEqual(count > 0 ? splitLines(text, from, to).slice(-count) : []);
      }),
      { numRuns: 5000 },
    );
  });
});
