/**
 * regionNameEndingAt / regionNamePrefix skip positions whose last (first) character ends (begins)
 * no region name; they must answer exactly as the plain longest-match scan at every position.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANONYMISED_RE,
  REGION_BY_FULL_NAME,
  REGION_BY_SHORT_NAME,
  REGION_NAME_MAX,
  regionNameEndingAt,
  regionNamePrefix,
} from '../../../src/extract/find/lexicon/region-names';

const isName = (w: string) => REGION_BY_FULL_NAME.has(w) || REGION_BY_SHORT_NAME.has(w) || ANONYMISED_RE.test(w);
function endingAt(text: string, end: number): number {
  for (let len = Math.min(REGION_NAME_MAX, end); len >= 2; len--) if (isName(text.slice(end - len, end))) return len;
  return 0;
}
function prefix(s: string): number {
  for (let len = Math.min(REGION_NAME_MAX, s.length); len >= 2; len--) if (isName(s.slice(0, len))) return len;
  return 0;
}

const seedDir = join(__dirname, '../../../seeds');
const seedTexts = readdirSync(seedDir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => readFileSync(join(seedDir, f), 'utf8'));

describe('region names in text', () => {
  it('match the plain scan at every position of the seeds', () => {
    let found = 0;
    for (const text of seedTexts) {
      for (let end = 0; end <= text.length; end++) {
        const want = endingAt(text, end);
        if (want) found++;
        expect(regionNameEndingAt(text, end)).toBe(want);
        expect(regionNamePrefix(text.slice(end, end + 20))).toBe(prefix(text.slice(end, end + 20)));
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('match the plain scan on strings made of region names, anonymised places and other words', () => {
    const pieces = ['成都', '成都市', '金堂县', '内蒙古自治区', '内蒙古', '鄂尔多斯市', 'XX', 'XXX市', '××', '某某', 'Ｘ', '市委', '教育局', '大学', '、', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        for (let end = 0; end <= s.length; end++) {
          expect(regionNameEndingAt(s, end)).toBe(endingAt(s, end));
          expect(regionNamePrefix(s.slice(end))).toBe(prefix(s.slice(end)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
