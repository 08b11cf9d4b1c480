/**
 * Resolves institution names as written to one canonical name per body.
 *
 * - Central abbreviations expand: 中办 → 中共中央办公厅, 国办 → 国务院办公厅, 党中央/中央 → 中共中央.
 * - Relative names resolve in the policy's region: with region 成都市, 市委 → 中共成都市委,
 *   市教育局 → 成都市教育局, 市委教育工委 → 中共成都市委教育工作委员会; with province 四川省,
 *   省委 → 中共四川省委员会, 省政府 → 四川省人民政府.
 * - Canonical forms: party committees of a city or county are 中共<region>委<office>; of a province
 *   中共<province>委员会<office> (so 鄂尔多斯市委办公室 and 中共鄂尔多斯市委员会办公室 are one body);
 *   governments are <region>人民政府<office>. A name that cannot be resolved stays as written.
 * The written spelling is returned beside the canonical name so the caller keeps it as an alias.
 */
import type { Level } from '../../model';
import { findInstitutions } from '../find/institutions';
import {
  DEPARTMENT_WORDS,
  GOVERNMENT_SUFFIXES,
  LEVEL_WORDS,
  NATIONAL_BODIES,
  PARTY_SUFFIXES,
} from '../find/lexicon/institutions';
import { ANONYMISED_RE, lookupRegion } from '../find/lexicon/region-names';
import { stripSpaces } from '../find/lexicon/text';
import type { InstitutionRef } from '../types';
import { BoundedCache } from '../memo';

export interface InstitutionContext {
  /** The policy's own region, e.g. 成都市, XX市, 金堂县. */
  region?: string;
  /** The province of the policy's region, e.g. 四川省, 内蒙古自治区. */
  province?: string;
}

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const LEVEL_ALT = alt(LEVEL_WORDS);

const PARTY_RE = new RegExp(`^(中共)?(.*?)(${LEVEL_ALT})(?:委员会|党委|委)(${alt(PARTY_SUFFIXES)})?$`);
const GOVERNMENT_RE = new RegExp(`^(.*?)(${LEVEL_ALT})(人民政府|政府)(${alt(GOVERNMENT_SUFFIXES)})?$`);
const LEGISLATURE_RE = new RegExp(`^(.*?)(${LEVEL_ALT})(人民代表大会常务委员会|人大常委会|政协)$`);
const DEPARTMENT_RE = new RegExp(`^(.*?)(${LEVEL_ALT})?(${alt(DEPARTMENT_WORDS)})$`);
/** A school or other unit named after a bare level word: 市二十九中, 市实验小学, 县教育发展基金会. */
// 省部共建…实验室 and 市级… are not units of one place: 部 and 级 after the level word rule it out.
const LEVEL_PREFIXED_RE = new RegExp(`^(${LEVEL_ALT})(?![部级属直])(.{2,})$`);

/** Offices written short in the text, with the full form used in canonical names. */
const SUFFIX_CANONICAL: Record<string, string> = { 教育工委: '教育工作委员会' };

const PROVINCIAL_LEVELS = new Set(['省', '自治区']);
const MUNICIPAL_LEVELS = new Set(['市', '州', '自治州', '盟']);

/** The cache key of a name read in a context: the resolvers read only the context's region and province. */
function contextKey(name: string, ctx: InstitutionContext): string {
  return `${name}\u0001${ctx.region ?? '\u0002'}\u0001${ctx.province ?? '\u0002'}`;
}

const canonicalCache = new BoundedCache<InstitutionRef>();
const issuersCache = new BoundedCache<InstitutionRef[]>();

/**
 * The canonical institution of a name as written, in the policy's context. A corpus names the same
 * few hundred bodies in every file, so results are cached; each call gets its own copy.
 */
export function canonicalInstitution(written: string, ctx: InstitutionContext): InstitutionRef {
  const key = contextKey(written, ctx);
  let ref = canonicalCache.get(key);
  if (!ref) canonicalCache.set(key, (ref = resolveInstitution(written, ctx)));
  return { ...ref };
}

/** canonicalInstitution without the cache (its oracle in the tests). */
export function resolveInstitution(written: string, ctx: InstitutionContext): InstitutionRef {
  const w = stripSpaces(written.normalize('NFKC'));
  const national = NATIONAL_BODIES.get(w);
  if (national) return { name: national, written: w, level: 'national' };

  let m = PARTY_RE.exec(w);
  if (m) {
    const region = resolveRegion(m[2]!, m[3]!, ctx);
    if (!region) return withLevelOnly(w, m[3]!);
    const office = m[4] ? (SUFFIX_CANONICAL[m[4]] ?? m[4]) : '';
    const committee = region.level === 'provincial' ? '委员会' : '委';
    return { name: `中共${region.name}${committee}${office}`, written: w, level: region.level, region: region.name };
  }
  m = GOVERNMENT_RE.exec(w);
  if (m) {
    const region = resolveRegion(m[1]!, m[2]!, ctx);
    if (!region) return withLevelOnly(w, m[2]!);
    return { name: `${region.name}人民政府${m[4] ?? ''}`, written: w, level: region.level, region: region.name };
  }
  m = LEGISLATURE_RE.exec(w);
  if (m) {
    const region = resolveRegion(m[1]!, m[2]!, ctx);
    if (!region) return withLevelOnly(w, m[2]!);
    const body = m[3] === '政协' ? '政协' : '人大常委会';
    return { name: `${region.name}${body}`, written: w, level: region.level, region: region.name };
  }
  m = DEPARTMENT_RE.exec(w);
  if (m && (m[1] || m[2] || m[3] === '教育厅')) {
    // 教育厅 alone is the provincial department of the policy's province.
    const level = m[2] ?? (m[3]!.endsWith('厅') ? '省' : '');
    const region =
      !m[1] && !m[2] && ctx.province
        ? { name: ctx.province, level: 'provincial' as Level }
        : level
          ? resolveRegion(m[1]!, level, ctx)
          : undefined;
    if (!region) return level ? withLevelOnly(w, level) : { name: w, written: w };
    return { name: `${region.name}${m[3]}`, written: w, level: region.level, region: region.name };
  }
  m = LEVEL_PREFIXED_RE.exec(w);
  if (m) {
    const region = resolveRegion('', m[1]!, ctx);
    if (region) return { name: `${region.name}${m[2]}`, written: w, region: region.name };
  }
  return { name: w, written: w };
}

/**
 * Splits an issuer phrase (中共中央办公厅、国务院办公厅 / 中办国办 / 鄂尔多斯市委、市人民政府 /
 * 教育部等13部门) into resolved institutions. A relative name inherits the region of the item
 * before it: in 鄂尔多斯市委、市人民政府 the government is 鄂尔多斯's.
 */
export function splitIssuers(phrase: string, ctx: InstitutionContext): InstitutionRef[] {
  const key = contextKey(phrase, ctx);
  let refs = issuersCache.get(key);
  if (!refs) issuersCache.set(key, (refs = resolveIssuers(phrase, ctx)));
  return refs.map((r) => ({ ...r }));
}

/** splitIssuers without the cache (its oracle in the tests). */
export function resolveIssuers(phrase: string, ctx: InstitutionContext): InstitutionRef[] {
  const text = phrase.normalize('NFKC').replace(/[《〈].*$/, '').replace(/关于.*$/, '');
  const mentions = findInstitutions(text);
  const written = mentions.length > 0 ? mentions.map((m) => m.name) : fallbackPieces(text);
  const out: InstitutionRef[] = [];
  let local: InstitutionContext = { ...ctx };
  for (const name of written) {
    const ref = resolveInstitution(name, local);
    if (out.some((r) => r.name === ref.name)) continue;
    out.push(ref);
    if (ref.region && ref.level === 'provincial') local = { ...local, province: ref.region };
    else if (ref.region && ref.level !== 'national') {
      local = { ...local, region: ref.region, province: lookupRegion(ref.region)?.province ?? local.province };
    }
  }
  return out;
}

/** Issuer pieces the finder does not know (a society, an unusual office): split on separators. */
function fallbackPieces(text: string): string[] {
  return text
    .split(/[、,，;；\s]+|(?:和|及|与)(?=\S{2,})/)
    .map((p) => stripSpaces(p).replace(/等\d*[个家]?部门.*$/, ''))
    .filter((p) => /(?:部|委|厅|局|办|院|会|室|组|府|中心|政府)$/.test(p));
}

interface ResolvedRegion {
  name: string;
  level: Level;
}

/**
 * The region a name's prefix and level word denote: written (鄂尔多斯 + 市), anonymised (XX + 市),
 * or, for a bare level word, the policy's own region or province when its level matches.
 */
function resolveRegion(prefix: string, level: string, ctx: InstitutionContext): ResolvedRegion | undefined {
  const stripped = prefix.replace(/^中共/, '');
  if (stripped) {
    const full = stripped.endsWith(level) ? stripped : stripped + level;
    if (ANONYMISED_RE.test(stripped)) return { name: full, level: levelOfWord(level) };
    const known = lookupRegion(full) ?? lookupRegion(stripped);
    if (known) return { name: known.full, level: known.level };
    return { name: full, level: levelOfWord(level) };
  }
  if (PROVINCIAL_LEVELS.has(level)) {
    if (ctx.province && ctx.province.endsWith(level)) return { name: ctx.province, level: 'provincial' };
    return undefined;
  }
  if (ctx.region && ctx.region.endsWith(level)) {
    const known = lookupRegion(ctx.region);
    return { name: ctx.region, level: known?.level ?? levelOfWord(level) };
  }
  return undefined;
}

function levelOfWord(level: string): Level {
  if (PROVINCIAL_LEVELS.has(level)) return 'provincial';
  if (MUNICIPAL_LEVELS.has(level)) return 'municipal';
  return 'county';
}

/** An unresolved relative name keeps its spelling; its level still follows from the level word. */
function withLevelOnly(written: string, level: string): InstitutionRef {
  return { name: written, written, level: levelOfWord(level) };
}
