/**
 * The gazetteer's false-friend table is built from each word's substrings; its contract is the
 * pairwise test it replaced (every key against every false-friend word, first occurrence).
 */
import { describe, expect, it } from 'vitest';
import { falseFriendIndex, findRegions } from '../../../src/extract/find/regions';

describe('region gazetteer: false friends', () => {
  it('per key, exactly the words holding it, in word order, at the first occurrence', () => {
    const { keys, words, byKey } = falseFriendIndex();
    expect(keys.length).toBeGreaterThan(3000);
    let withFriends = 0;
    for (const key of keys) {
      const expected = words.filter((w) => w.includes(key)).map((word) => ({ word, offset: word.indexOf(key) }));
      expect(byKey.get(key) ?? [], key).toEqual(expected);
      if (expected.length) withFriends++;
    }
    expect(withFriends).toBeGreaterThan(10);
    for (const k of byKey.keys()) expect(keys).toContain(k);
  });

  it('a false friend hides the region name inside it, the name alone is found', () => {
    expect(findRegions('维护社会长治久安').map((m) => m.name)).toEqual([]);
    expect(findRegions('长治市教育局').map((m) => m.name)).toEqual(['长治市']);
    expect(findRegions('把学校建成都市里的花园').map((m) => m.name)).toEqual([]);
  });
});
