import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeHash, defaultState, encodeHash, type UiState } from '../../../src/ui/state/urlstate';
import { DICTIONARIES } from '../../../src/ui/i18n';
import { INTENTS, LEVELS, NODE_TYPES } from '../../../src/model';

const id = fc.string({ minLength: 1, maxLength: 30, unit: fc.constantFrom('a', '中', '〔', '〕', '|', '%', '/', ':', '&', '=', '#', ' ', '2', 'ü') });
const state: fc.Arbitrary<UiState> = fc.record({
  view: fc.constantFrom('graph' as const, 'lineage' as const),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  selection: fc.array(id, { maxLength: 4 }),
  expanded: fc.array(id, { maxLength: 4 }),
  root: fc.option(id, { nil: undefined }),
  query: fc.string({ maxLength: 20 }),
  filters: fc.record({
    nodeTypes: fc.subarray([...NODE_TYPES]),
    yearFrom: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
    yearTo: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
    regions: fc.array(id, { maxLength: 3 }),
    levels: fc.subarray([...LEVELS]),
    issuers: fc.array(id, { maxLength: 3 }),
    minCitedBy: fc.integer({ min: 0, max: 50 }),
    hideIsolated: fc.boolean(),
    egoHops: fc.integer({ min: 0, max: 3 }),
    citeIntents: fc.option(fc.subarray([...INTENTS], { minLength: 1 }), { nil: undefined }),
  }),
});

describe('deep link hash', () => {
  it('round-trips any state, ids with | % & # included', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeHash(encodeHash(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('the default state is the empty hash', () => {
    expect(encodeHash(defaultState())).toBe('');
    expect(decodeHash('')).toEqual(defaultState());
  });

  it('ignores malformed and unknown values', () => {
    const s = decodeHash('#v=nope&types=policy,bogus&level=county,x&minc=-3&ego=99&y=20x-2021&lang=fr&zzz=1');
    expect(s.view).toBe('graph');
    expect(s.filters.nodeTypes).toEqual(['policy']);
    expect(s.filters.levels).toEqual(['county']);
    expect(s.filters.minCitedBy).toBe(0);
    expect(s.filters.egoHops).toBe(0);
    expect(s.filters.yearFrom).toBeUndefined();
    expect(s.lang).toBe('zh');
  });

  it('keeps an open year range', () => {
    const s = decodeHash('#y=2020-');
    expect([s.filters.yearFrom, s.filters.yearTo]).toEqual([2020, undefined]);
  });
});

describe('i18n', () => {
  it('both dictionaries have the same keys and no empty string', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.zh).sort());
    for (const d of Object.values(DICTIONARIES)) for (const v of Object.values(d)) expect(v.trim()).not.toBe('');
  });
});
