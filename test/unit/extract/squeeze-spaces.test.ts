/** squeezeCjkSpaces (one pass by code unit) against the regex pipeline it replaced, as an oracle. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { squeezeCjkSpaces } from '../../../src/extract/normalize';

const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef（）(),，、]';
function oracle(s: string): string {
  return s
    .replace(new RegExp(`(${CJK})\\s+(?=${CJK})`, 'g'), '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('squeezeCjkSpaces', () => {
  it('equals the regex version on strings of CJK, ASCII, every kind of whitespace and the class edges', () => {
    // U+3000 is both whitespace and CJK punctuation; U+2FFF, U+3040, U+33FF, U+A000, U+FEFF, U+FFF0 sit just outside the CJK ranges.
    const units = ['中', '文', '，', '、', '（', '）', '(', ')', ',', '.', 'a', '1', '\u3000', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\u2029', '\u202f', '\ufeff', '\u1680', '\u200a', '\u200b', '\u2fff', '\u3040', '\u33ff', '\u3400', '\u9fff', '\ua000', '\uff00', '\uffef', '\ufff0', '\ud800'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 24 }), (chars) => {
        const s = chars.join('');
        expect(squeezeCjkSpaces(s)).toBe(oracle(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('equals the regex version on every line and paragraph of the seeds', () => {
    const dir = join(__dirname, '../../../seeds');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const piece of [...text.split('\n'), ...text.split(/\n\s*\n/)]) expect(squeezeCjkSpaces(piece)).toBe(oracle(piece));
    }
  });
});
