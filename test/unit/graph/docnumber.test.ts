import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDocNumbers, normaliseDocNumber } from '../../../src/graph/docnumber';

describe('normaliseDocNumber', () => {
  it.each([
    ['中发〔2019〕26号'],
    ['中发[2019]26号'],
    ['中发［2019］26号'],
    ['中发(2019)26号'],
    ['中发（2019）26号'],
    ['中发【2019】26号'],
    ['中发﹝2019﹞26号'],
    ['中发〔2019〕第26号'],
    ['中发 〔 2019 〕 26 号'],
    ['中发〔２０１９〕２６号'],
  ])('%s → 中发〔2019〕26号', (s) => {
    expect(normaliseDocNumber(s)).toBe('中发〔2019〕26号');
  });

  it('keeps distinct numbers distinct', () => {
    expect(normaliseDocNumber('国发〔2019〕4号')).not.toBe(normaliseDocNumber('国发〔2019〕14号'));
    expect(normaliseDocNumber('鄂党办发〔2019〕12号')).toBe('鄂党办发〔2019〕12号');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normaliseDocNumber(normaliseDocNumber(s)) === normaliseDocNumber(s)),
    );
  });
});

describe('findDocNumbers', () => {
  it('finds every 文号 of a query with offsets into the query', () => {
    const q = '中发[2019]26号 和 国办发（２０１８）第3号';
    const found = findDocNumbers(q);
    expect(found.map((f) => f.normalised)).toEqual(['中发〔2019〕26号', '国办发〔2018〕3号']);
    for (const f of found) expect(q.slice(f.start, f.end)).toBe(f.raw);
  });

  it('finds nothing in text without a 文号', () => {
    expect(findDocNumbers('关于深化新时代教育督导体制机制改革的意见')).toEqual([]);
    expect(findDocNumbers('2019年26号文件')).toEqual([]);
  });
});
