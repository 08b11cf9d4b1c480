/**
 * The world a synthetic corpus describes, fixed by (seed, size) before any text is written:
 * national and provincial documents (the citable catalog), which of them have their own file,
 * the regions and years of the local plans, and the promises (出台《…》) that a later document of
 * the same region fulfils. Small: one descriptor per file; the text is rendered one file at a time.
 */
import { loadGazetteer, type City, type County, type Province } from './gazetteer';
import {
  LOCAL_TOPICS, NATIONAL_ISSUERS, OPINION_KINDS, PLAN_KINDS, PLAN_TOPICS, TOPICS,
} from './lexicon';
import { rng, type Rng } from './rng';

export const FIRST_YEAR = 2012;
export const LAST_YEAR = 2024;

export interface CatalogDoc {
  key: string;
  level: 'national' | 'provincial';
  /** The document's own title (without issuer): 关于…的意见, 加快推进…实施方案(2018—2022年). */
  title: string;
  /** Full issuer name(s): 中共中央、国务院, 湖北省人民政府办公厅. */
  issuer: string;
  /** How the issuer pair is written in a cited title when not with 、 (中共中央 国务院). */
  spacedIssuer?: string;
  /** Display form with 〔〕. */
  docNumber: string;
  year: number;
  /** Issued as 关于印发〈title〉的通知. */
  notice: boolean;
  /** Provincial: the province, and the national document it localises (if it is an adaptation). */
  province?: Province;
  adapts?: CatalogDoc;
  /** Has its own file in the corpus. */
  inCorpus: boolean;
}

export type DocKind = 'national' | 'provincial' | 'workplan' | 'local-plan' | 'fulfilment';

export interface DocSpec {
  index: number;
  kind: DocKind;
  year: number;
  province: Province;
  city?: City;
  county?: County;
  /** national / provincial files: the catalog entry the file is. */
  doc?: CatalogDoc;
  /** workplan that promises to issue this title. */
  promise?: string;
  /** fulfilment: the promised title this document carries. */
  fulfils?: string;
  format: 'txt' | 'md' | 'html';
  path: string;
}

export interface World {
  seed: number;
  national: CatalogDoc[];
  provincial: CatalogDoc[];
  provinces: Province[];
  specs: DocSpec[];
}

function period(r: Rng, year: number): string {
  const span = r.pick([2, 3, 4]);
  return `(${year}—${year + span}年)`;
}

function uniqueNumber(used: Set<string>, r: Rng, prefix: string, year: number): string {
  for (;;) {
    const n = r.int(1, 60);
    const s = `${prefix}〔${year}〕${n}号`;
    if (!used.has(s)) {
      used.add(s);
      return s;
    }
  }
}

function nationalCatalog(r: Rng, count: number, used: Set<string>): CatalogDoc[] {
  const out: CatalogDoc[] = [];
  const titles = new Set<string>();
  const weighted = NATIONAL_ISSUERS.flatMap((i) => Array.from({ length: i.weight }, () => i));
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const issuer = r.pick(weighted);
    const year = r.int(FIRST_YEAR - 2, LAST_YEAR - 1);
    const plan = r.chance(0.35);
    const title = plan
      ? `${r.pick(PLAN_TOPICS)}${r.pick(PLAN_KINDS)}${period(r, year)}`
      : `关于${r.pick(TOPICS)}的${r.pick(OPINION_KINDS.slice(0, 3))}`;
    const bare = title.replace(/\(.*\)$/, '');
    if (titles.has(bare)) continue;
    titles.add(bare);
    out.push({
      key: `n${out.length}`,
      level: 'national',
      title,
      issuer: issuer.name,
      spacedIssuer: 'spaced' in issuer ? issuer.spaced : undefined,
      docNumber: uniqueNumber(used, r, issuer.prefix, year),
      year,
      notice: plan,
      inCorpus: false,
    });
  }
  return out;
}

/** 加快推进教育现代化实施方案 → 加快推进湖北教育现代化实施方案; other plans take the province's name in front. */
export function localiseTitle(title: string, regionShort: string, regionFull: string): string {
  const verb = /^(加快推进|深入推进|全面推进)/.exec(title);
  if (verb) return `${verb[1]}${regionShort}${title.slice(verb[1].length)}`;
  return `${regionFull}${title}`;
}

function provincialCatalog(r: Rng, count: number, national: CatalogDoc[], provinces: Province[], used: Set<string>): CatalogDoc[] {
  const out: CatalogDoc[] = [];
  const titles = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const p = provinces[out.length % provinces.length];
    const src = r.pick(national);
    const year = Math.min(LAST_YEAR - 1, src.year + r.int(0, 1));
    let title: string;
    let issuer: string;
    let prefix: string;
    if (src.notice) {
      // Provincial adaptation of a national plan, with the province's own period.
      const base = src.title.replace(/\(.*\)$/, '');
      title = `${localiseTitle(base, p.short, p.name)}${period(r, year)}`;
      issuer = r.chance(0.5) ? `${p.name}人民政府办公厅` : `中共${p.name}委办公厅、${p.name}人民政府办公厅`;
      prefix = issuer.startsWith('中共') ? `${p.abbr}党办发` : `${p.abbr}政办发`;
    } else {
      title = src.title.replace(/的(意见|若干意见|指导意见)$/, '的实施意见');
      issuer = r.chance(0.6) ? `${p.name}人民政府` : `${p.name}教育厅`;
      prefix = issuer.endsWith('教育厅') ? `${p.abbr}教基` : `${p.abbr}政发`;
    }
    const k = `${p.code}:${title}`;
    if (titles.has(k)) continue;
    titles.add(k);
    out.push({
      key: `p${out.length}`,
      level: 'provincial',
      title,
      issuer,
      docNumber: uniqueNumber(used, r, prefix, year),
      year,
      notice: src.notice,
      province: p,
      adapts: src.notice ? src : undefined,
      inCorpus: false,
    });
  }
  return out;
}

function pickRegion(r: Rng, provinces: Province[]): { province: Province; city: City; county?: County } {
  const province = r.pick(provinces);
  const city = r.pick(province.cities);
  const county = city.counties.length && r.chance(0.3) ? r.pick(city.counties) : undefined;
  return { province, city, county };
}

function formatOf(r: Rng): DocSpec['format'] {
  const x = r.next();
  return x < 0.8 ? 'txt' : x < 0.97 ? 'md' : 'html';
}

/** Lays out a corpus of `docs` files. */
export function buildWorld(docs: number, seed: number): World {
  const r = rng(seed);
  const provinces = loadGazetteer();
  const used = new Set<string>();
  const national = nationalCatalog(r, Math.max(24, Math.min(600, Math.round(docs * 0.03))), used);
  const provincial = provincialCatalog(r, Math.max(31, Math.min(2000, Math.round(docs * 0.06))), national, provinces, used);

  const specs: Omit<DocSpec, 'index' | 'path'>[] = [];
  const nationalFiles = Math.min(national.length, Math.floor(docs * 0.015));
  const provincialFiles = Math.min(provincial.length, Math.floor(docs * 0.04));
  for (const d of r.sample(national, nationalFiles)) {
    d.inCorpus = true;
    specs.push({ kind: 'national', year: d.year, province: provinces[0], doc: d, format: formatOf(r) });
  }
  for (const d of r.sample(provincial, provincialFiles)) {
    d.inCorpus = true;
    specs.push({ kind: 'provincial', year: d.year, province: d.province!, doc: d, format: formatOf(r) });
  }
  const promises = Math.floor(docs * 0.02);
  const promisedTitles = new Set<string>();
  for (let k = 0; k < promises && specs.length + 2 <= docs; k++) {
    const { province, city } = pickRegion(r, provinces);
    const year = r.int(FIRST_YEAR + 1, LAST_YEAR - 1);
    const title = `关于${r.pick(LOCAL_TOPICS)}的${r.pick(['实施意见', '若干措施', '实施办法', '指导意见'])}`;
    const key = `${city.name}:${title}`;
    if (promisedTitles.has(key)) continue;
    promisedTitles.add(key);
    specs.push({ kind: 'workplan', year, province, city, promise: title, format: formatOf(r) });
    specs.push({ kind: 'fulfilment', year: year + 1, province, city, fulfils: title, format: formatOf(r) });
  }
  while (specs.length < docs) {
    const { province, city, county } = pickRegion(r, provinces);
    const kind = r.chance(0.75) ? 'workplan' : 'local-plan';
    specs.push({ kind, year: r.int(FIRST_YEAR, LAST_YEAR), province, city, county, format: formatOf(r) });
  }
  // Interleave kinds, as files of a real crawl would be.
  for (let i = specs.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  const laid = specs.slice(0, docs).map((s, index) => {
    const dir = s.kind === 'national' ? 'national' : s.province.code;
    return { ...s, index, path: `${dir}/${s.year}/${String(index).padStart(6, '0')}.${s.format}` };
  });
  return { seed, national, provincial, provinces, specs: laid };
}
