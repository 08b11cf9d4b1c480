import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ANALYSIS_TABS, decodeHash, defaultState, encodeHash, type UiState } from '../../../src/ui/state/urlstate';
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
  analysis: fc.option(
    fc.record(
      {
        tab: fc.constantFrom(...ANALYSIS_TABS),
        doc: id,
        year: fc.integer({ min: 1949, max: 2100 }),
        a: id,
        b: id,
        communities: fc.constant(true),
        phrase: fc.string({ minLength: 1, maxLength: 12 }),
      },
      { requiredKeys: ['tab'] },
    ),
    { nil: undefined },
  ),
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

  it('keeps the open analysis panel: its tab, document, year, path ends, communities and phrase', () => {
    const s = decodeHash('#an=timeline&and=doc%3A%E4%B8%AD%E5%8F%91%E3%80%942019%E3%80%9526%E5%8F%B7&any=2020&anc=1&anq=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98');
    expect(s.analysis).toEqual({ tab: 'timeline', doc: 'doc:中发〔2019〕26号', year: 2020, communities: true, phrase: '县管校聘' });
    // A closed panel is no key at all; an unknown tab opens nothing.
    expect(encodeHash({ ...defaultState(), analysis: undefined })).toBe('');
    expect(decodeHash('#an=bogus&and=x').analysis).toBeUndefined();
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
