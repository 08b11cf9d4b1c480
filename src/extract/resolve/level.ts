/** The level (national, provincial, municipal, county) a document's title itself tells. */
import type { Level } from '../../model';
import { findRegions } from '../find/regions';
import { memoizeString } from '../memo';

const LEVEL_OF_REGION: Record<string, Level> = { provincial: 'provincial', municipal: 'municipal', county: 'county' };

/** Memoised: assembly asks it for every citation, and a corpus cites the same titles again and again. */
export const levelOfTitle: (title: string) => Level | undefined = memoizeString(computeLevelOfTitle);

function computeLevelOfTitle(title: string): Level | undefined {
  const r = findRegions(title).find((x) => x.start === 0);
  if (r) return LEVEL_OF_REGION[r.level];
  if (/^XX[市州盟]/u.test(title)) return 'municipal';
  if (/^XX[县区旗]/u.test(title)) return 'county';
  if (/^(?:国家|全国|中国共产党|中华人民共和国)/u.test(title)) return 'national';
  // Only the national legislature makes a 法 (local bodies make 条例, 办法, 规定).
  if (/法$/u.test(title.replace(/[(（][^()（）]*[)）]$/u, ''))) return 'national';
  return undefined;
}
