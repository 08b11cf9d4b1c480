/**
 * canonicalInstitution and splitIssuers cache their results per (name, region, province); the
 * uncached resolvers are the oracle. Random call sequences that revisit names in other contexts must
 * answer as a fresh resolution would, and every answer is the caller's own object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalInstitution,
  resolveInstitution,
  resolveIssuers,
  splitIssuers,
  type InstitutionContext,
} from '../../../src/extract/resolve/institutions';

const NAMES = [
  '市委', '市教育局', '省教育厅', '教育厅', '区政府', '县人民政府', '市委教育工委', '省委', '省政府办公厅', 'XX市委',
  '鄂尔多斯市委', '成都市教育局', '中办', '国办', '教育部', '中央', '市人大常委会', '市政协', '市实验小学', '湖北大学',
  '某学会', '金堂县委办公室', '自治区教育厅', '州教育局',
];
const PHRASES = ['中共中央、国务院', '鄂尔多斯市委、市人民政府', '中办国办', '教育部等13部门', '市委办公室、市政府办公室', '省委 省政府', '某研究会和某协会', '教育厅关于'];
const CONTEXTS: InstitutionContext[] = [
  {},
  { region: '成都市', province: '四川省' },
  { region: 'XX市' },
  { province: '湖北省' },
  { region: '金堂县', province: '四川省' },
  { region: '鄂尔多斯市', province: '内蒙古自治区' },
  { region: '成都市' },
];

describe('institution resolution cache', () => {
  it('canonicalInstitution answers as the uncached resolver, in any call order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...CONTEXTS)), { maxLength: 30 }), (calls) => {
        for (const [name, ctx] of calls) {
          const got = canonicalInstitution(name, ctx);
          expect(got).toEqual(resolveInstitution(name, ctx));
          got.name = 'changed by the caller';
          expect(canonicalInstitution(name, ctx)).toEqual(resolveInstitution(name, ctx));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splitIssuers answers as the uncached splitter, in any call order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...CONTEXTS)), { maxLength: 20 }), (calls) => {
        for (const [phrase, ctx] of calls) {
          const got = splitIssuers(phrase, ctx);
          expect(got).toEqual(resolveIssuers(phrase, ctx));
          got.push({ name: 'x', written: 'x' });
          if (got[0]) got[0].name = 'changed by the caller';
          expect(splitIssuers(phrase, ctx)).toEqual(resolveIssuers(phrase, ctx));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the context decides: 市委 in two cities is two bodies', () => {
    expect(canonicalInstitution('市委', { region: '成都市', province: '四川省' }).name).toBe('中共成都市委');
    expect(canonicalInstitution('市委', { region: '大连市', province: '辽宁省' }).name).toBe('中共大连市委');
    expect(canonicalInstitution('市委', {}).name).toBe('市委');
  });
});
