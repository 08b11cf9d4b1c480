/** isOutlineLine counts the title's units in place; its oracle is the copy-and-test version it replaced. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isOutlineLine } from '../../../src/extract/segment/outline';
import { splitLines } from '../../../src/extract/segment/lines';

const MARKER_LINE = /^(?:[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.．、]?)\s*(\S.*)$/u;
function oracle(trimmed: string): boolean {
  const m = MARKER_LINE.exec(trimmed);
  if (!m) return false;
  const rest = m[1].replace(/\s+/g, '');
  return rest.length >= 2 && rest.length <= 40 && !/[。；;！!？?]/.test(rest);
}

describe('isOutlineLine', () => {
  it('agrees with the regex version on every line of the seeds', () => {
    const dir = join(__dirname, '../../../seeds');
    let outlineLines = 0;
    for (const f of readdirSync(dir)) {
      for (const line of splitLines(readFileSync(join(dir, f), 'utf8'))) {
        expect(isOutlineLine(line)).toBe(oracle(line.trimmed));
        if (oracle(line.trimmed)) outlineLines++;
      }
    }
    expect(outlineLines).toBeGreaterThan(10);
  });

  it('agrees with the regex version on generated marker lines (spaces, punctuation, lengths around 40)', () => {
    const marker = fc.constantFrom('一、', '十二、', '(三)', '（四）', '1.', '12、', '3', '27', '第一章', '', 'a');
    const unit = fc.constantFrom('教', '育', ' ', '\u3000', '\t', '。', '；', '!', '?', ',', 'x', '1', '\r');
    fc.assert(
      fc.property(marker, fc.array(unit, { maxLength: 50 }), (m, units) => {
        const trimmed = (m + units.join('')).trim();
        const line = { index: 0, start: 0, end: trimmed.length, trimmed };
        expect(isOutlineLine(line)).toBe(oracle(trimmed));
      }),
      { numRuns: 20000 },
    );
  });
});
