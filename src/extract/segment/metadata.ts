/**
 * A policy's metadata from its header (the lines before its body) and its text: title, own 文号,
 * issuers, 成文日期 and 发布日期, year, region and province, level.
 */
import type { Level } from '../../model';
import type { PolicyDraft, Span } from '../types';
import { parseChineseNumeral, titleKey } from '../normalize';
import { findDocNumbers, isNationalPrefix } from '../find/docnumbers';
import { looksLikeIssuerPhrase } from '../find/cited-title';
import { findRegions, lookupRegion } from '../find/regions';
import { canonicalInstitution } from '../resolve/institutions';
import { levelOfTitle } from '../resolve/level';
import { KIND_WORDS, lastLines, looksLikeTitle, splitLines, type Line } from './lines';

/** What the header and text tell about a policy: the metadata fields of a PolicyDraft, and more. */
export interface PolicyMetadata
  extends Pick<
    PolicyDraft,
    'title' | 'titleConstructed' | 'docNumber' | 'issuers' | 'dateWritten' | 'datePublished' | 'year' | 'region' | 'province' | 'level'
  > {
  /** Offsets of the title as written (absent when constructed). */
  titleSpan?: Span;
  /** Title keys that name this policy (its title, the notice that issues it): not citations. */
  selfKeys: Set<string>;
  /** Problems worth telling the analyst (an impossible date, no title). */
  notes: string[];
}

// Web-page metadata glued to a title line: '…2018年工作要点时间:2018-03-23 文章内容'.
const TITLE_TAIL = /\s*(?:(?:发布|更新|成文)?(?:时间|日期)[:：].*|(?:来源|作者|字号|浏览次数|点击数|文章内容|信息来源)[:：]?.*)$/u;
const KIND_ONLY = new RegExp(`^(?:${KIND_WORDS.join('|')})(?:[(（][^()（）]{0,16}[)）])?$`, 'u');
const NOTICE_OF = /^(.*?)(?:关于)?印发[《〈](.+)[》〉](?:的)?通知$/u;
const DATE_CN = /((?:19|20)\d{2}|[一二三四五六七八九〇零]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/u;
const DATE_ISO = /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/u;
const PUBLISHED = /(?:发布时间|发布日期|发文日期|时间)\s*[:：]?\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2})/u;
const WRITTEN = /成文日期\s*[:：]?\s*(\S+)/u;

function cnYear(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return Number([...s].map((c) => String(parseChineseNumeral(c === '〇' ? '零' : c))).join(''));
}

function toNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/** An ISO date from a Chinese or ISO date string, or an error message for an impossible one. */
export function parseDate(s: string): { iso?: string; error?: string } {
  const m = DATE_CN.exec(s) ?? DATE_ISO.exec(s);
  if (!m) return {};
  const y = cnYear(m[1]);
  const mo = toNumber(m[2]);
  const d = toNumber(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!(mo >= 1 && mo <= 12 && d >= 1 && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d)) {
    return { error: `impossible date ${m[0]}` };
  }
  return { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/**
 * Header lines longer than this are never a title or a notice line; the title regexes are not run on
 * them (their backtracking is quadratic in the line: a 0.5 MB line of 印发《》 took 37 s).
 */
const MAX_TITLE_LINE = 1000;

function stripTail(s: string): string {
  return s.length > MAX_TITLE_LINE ? s : s.replace(TITLE_TAIL, '').trim();
}

/** 关于印发《X》的通知 → its parts (NOTICE_OF), for lines short enough to be a title. */
function noticeOf(compacted: string): RegExpExecArray | null {
  return compacted.length <= MAX_TITLE_LINE && compacted.endsWith('通知') ? NOTICE_OF.exec(compacted) : null;
}

/** The title of a policy: the last title-like line of its header (joining a title broken over two lines). */
function findTitle(text: string, header: Line[]): { title: string; span: Span; notice?: string } | undefined {
  const lines = header.filter((l) => l.trimmed);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    const t = stripTail(l.trimmed);
    if (!looksLikeTitle(t) || /[《〈].*[》〉].*[，,]/.test(t)) continue;
    const prev = lines[i - 1];
    // '加快推进鄂尔多斯教育现代化' / '工作方案(2019—2022年)': a type word alone continues the line above.
    if (KIND_ONLY.test(t.replace(/\s+/g, '')) && prev && prev.trimmed.length <= 40 && !/[。，,:：；;]/.test(prev.trimmed)) {
      const joined = prev.trimmed + t;
      return { title: tidyTitle(joined), span: { start: prev.start + indent(text, prev), end: l.start + indent(text, l) + t.length } };
    }
    const start = l.start + indent(text, l);
    const notice = noticeOf(t.replace(/\s+/g, ''));
    if (notice) return { title: notice[2], span: { start, end: start + t.length }, notice: t };
    return { title: tidyTitle(t), span: { start, end: start + t.length } };
  }
  return undefined;
}

/** A title line with its whitespace runs made single spaces (a space between issuer names is meaningful). */
function tidyTitle(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Where a line's text begins (after its indentation). */
function indent(text: string, l: Line): number {
  return Math.max(0, text.slice(l.start, l.end).search(/\S/));
}

/** Issuer names as written: the signature lines above the 成文日期, else the title's prefix. */
function writtenIssuers(header: Line[], dateLineIndex: number, title: string | undefined, tail: Line[]): string[] {
  const fromSignature = (lines: Line[], dateIdx: number) => {
    const names: string[] = [];
    for (let i = dateIdx - 1; i >= 0 && names.length < 4; i--) {
      const l = lines[i];
      if (!l.trimmed) {
        if (names.length) break;
        continue;
      }
      const parts = l.trimmed.split(/\s{2,}|\u2002|\u3000/).map((p) => p.trim()).filter(Boolean);
      if (!parts.every((p) => looksLikeIssuerPhrase(p.replace(/\s+/g, '')) && p.length <= 30)) break;
      names.unshift(...parts.map((p) => p.replace(/\s+/g, '')));
    }
    return names;
  };
  if (dateLineIndex >= 0) {
    const names = fromSignature(header, dateLineIndex);
    if (names.length) return names;
  }
  const tailDate = tail.findIndex((l) => l.trimmed && DATE_CN.test(l.trimmed) && l.trimmed.length <= 16);
  if (tailDate >= 0) {
    const names = fromSignature(tail, tailDate);
    if (names.length) return names;
  }
  if (title) {
    const prefix = /^(.*?)(?:关于|\d{4}\s*年|[一二三四五六七八九〇零]{4}年)/u.exec(title)?.[1]?.trim();
    if (prefix) {
      const parts = prefix.split(/\s+|、/).map((p) => p.trim()).filter(Boolean);
      if (parts.length && parts.every((p) => looksLikeIssuerPhrase(p))) return parts;
    }
  }
  for (const l of header) {
    const m = /^(?:发文单位|发文机关|发布机构)\s*[:：]?\s*(.+?)(?:\s{2,}|$)/u.exec(l.trimmed);
    if (m) return m[1].split(/\s+|、/).filter((p) => looksLikeIssuerPhrase(p));
  }
  return [];
}

function mostFrequent<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, { n: number; item: T }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { n: 1, item: it });
  }
  let best: { n: number; item: T } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.item;
}

const LEVEL_OF_REGION: Record<string, Level> = { provincial: 'provincial', municipal: 'municipal', county: 'county' };
const NATIONAL_BODY = /^(?:中共中央|国务院|全国人民代表大会|全国人大|中华人民共和国|中央|党中央|教育部|[\u4e00-\u9fff]{1,8}部$|国家[\u4e00-\u9fff]{1,10}(?:局|委员会|署)$)/u;

export interface MetadataInput {
  text: string;
  span: Span;
  /** Where the body (first section, item or preamble after the title) begins. */
  bodyStart: number;
  /** A title already known (from a compilation's table of contents). */
  knownTitle?: string;
  /** The file is anonymised (XX stands for a place name). */
  anonymised: boolean;
}

export function readMetadata(input: MetadataInput): PolicyMetadata {
  const { text, span, bodyStart } = input;
  const notes: string[] = [];
  const header = splitLines(text, span.start, Math.max(span.start, bodyStart));
  const tail = lastLines(text, span.start, span.end, 8);

  const found = input.knownTitle ? undefined : findTitle(text, header);
  const title = input.knownTitle ?? found?.title;
  const selfKeys = new Set<string>();
  if (title) selfKeys.add(titleKey(title));
  if (found?.notice) selfKeys.add(titleKey(found.notice));
  for (const l of header) {
    const n = noticeOf(stripTail(l.trimmed).replace(/\s+/g, ''));
    if (n) selfKeys.add(titleKey(n[2]));
  }

  // Own 文号: alone on its line in the header.
  let docNumber: string | undefined;
  let docPrefix: string | undefined;
  for (const l of header) {
    const nums = findDocNumbers(text, l.start, l.end);
    if (nums.length === 1 && nums[0].written === l.trimmed.replace(/\s+/g, '').replace(/^(?:文号|发文字号)[:：]/, '')) {
      docNumber = nums[0].value;
      docPrefix = nums[0].prefix;
      break;
    }
  }

  // Dates.
  let dateWritten: string | undefined;
  let dateLineIndex = -1;
  let datePublished: string | undefined;
  header.forEach((l, i) => {
    const w = WRITTEN.exec(l.trimmed);
    const p = PUBLISHED.exec(l.trimmed);
    if (p && !datePublished) {
      const d = parseDate(p[1].replace(/[年月]/g, '-'));
      if (d.iso) datePublished = d.iso;
      else if (d.error) notes.push(d.error);
    }
    const alone = l.trimmed.length <= 16 && DATE_CN.test(l.trimmed) && !PUBLISHED.test(l.trimmed);
    if ((alone || w) && !dateWritten) {
      const d = parseDate(w ? w[1] : l.trimmed);
      if (d.iso) {
        dateWritten = d.iso;
        dateLineIndex = i;
      } else if (d.error) notes.push(d.error);
    }
  });
  if (!dateWritten) {
    const last = tail.filter((l) => l.trimmed).slice(-3);
    for (const l of last) {
      if (l.trimmed.length <= 16 && DATE_CN.test(l.trimmed)) {
        const d = parseDate(l.trimmed);
        if (d.iso) dateWritten = d.iso;
        else if (d.error) notes.push(d.error);
      }
    }
  }

  const issuerNames = writtenIssuers(header, dateLineIndex, title ?? found?.notice, tail);

  // Region: named by an issuer or the title, else the place the text names most often.
  let region: string | undefined;
  let province: string | undefined;
  let level: Level | undefined;
  const named = [...issuerNames, title ?? ''].flatMap((s) => findRegions(s));
  const spotted = named.sort((a, b) => rankLevel(b.level) - rankLevel(a.level))[0];
  if (spotted) {
    region = spotted.name;
    province = spotted.province;
    level = LEVEL_OF_REGION[spotted.level];
  } else if (input.anonymised && /^(?:中共)?XX?[市县区]|^[市县区](?:委|教育|人民政府|政府)/u.test((issuerNames[0] ?? title ?? '').trim())) {
    const kind = /^(?:中共)?(?:XX)?([市县区])/u.exec((issuerNames[0] ?? title ?? '').trim())?.[1] ?? '市';
    region = `XX${kind}`;
    level = kind === '市' ? 'municipal' : 'county';
  } else {
    const inText = findRegions(text, span.start, span.end).filter((r) => r.level !== 'provincial');
    const top = mostFrequent(inText, (r) => r.name);
    if (top && inText.filter((r) => r.name === top.name).length >= 2) {
      region = top.name;
      province = top.province;
      level = LEVEL_OF_REGION[top.level];
    }
  }
  if (region && !province) {
    // An anonymised city's province: the province the text names in full most often (河北省 over
    // a passing 香港 in 香港中文大学), else by any spelling.
    const provinces = findRegions(text, span.start, span.end).filter((r) => r.level === 'provincial');
    const full = provinces.filter((r) => r.written === r.name);
    province = mostFrequent(full.length ? full : provinces, (r) => r.name)?.name ?? lookupRegion(region)?.province;
  }

  const ctx = { region, province };
  const issuers = issuerNames.map((w) => canonicalInstitution(w, ctx));
  if (issuers.length && issuers.every((i) => NATIONAL_BODY.test(i.name))) level = 'national';
  if (!level && docPrefix && isNationalPrefix(docPrefix)) level = 'national';
  if (!level && title) level = levelOfTitle(title);

  // Year: 成文日期, else the title's year (not a plan's range), else the preamble's first year.
  const titleYear = title ? /(?<![(（\d—–-])((?:19|20)\d{2})\s*年(?![^(（]*[)）])/u.exec(title)?.[1] : undefined;
  const preambleYear = /((?:19|20)\d{2})\s*年/u.exec(text.slice(span.start, Math.min(span.end, bodyStart + 400)))?.[1];
  const year =
    (dateWritten ? Number(dateWritten.slice(0, 4)) : undefined) ??
    (titleYear ? Number(titleYear) : undefined) ??
    (preambleYear ? Number(preambleYear) : undefined) ??
    (datePublished ? Number(datePublished.slice(0, 4)) : undefined);

  let finalTitle = title;
  let titleConstructed = false;
  if (!finalTitle) {
    finalTitle = `${region ?? ''}${year ?? ''}${year ? '年' : ''}教育工作要点`;
    titleConstructed = true;
    notes.push('no title line: title constructed from region and year');
  }
  return {
    title: finalTitle,
    titleConstructed,
    titleSpan: found?.span,
    selfKeys,
    docNumber,
    issuers,
    dateWritten,
    datePublished,
    year,
    region,
    province,
    level,
    notes,
  };
}

function rankLevel(l: string): number {
  return l === 'county' ? 3 : l === 'municipal' ? 2 : 1;
}
