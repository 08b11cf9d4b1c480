/**
 * Institution finder: central bodies (教育部, 国务院办公厅, 中办), regional party committees,
 * governments, legislatures and departments (鄂尔多斯市委, 市委教育工委, 市人民政府, 省教育厅, 市招办),
 * and named schools, universities, centres and foundations (湖北大学, 市二十九中, 城东文帝学校).
 *
 * Regional bodies are read as [中共][region]level + body word + [office]; the region comes from the
 * GB/T 2260 table (full or short name) or is anonymised (XX). Named institutions are read from
 * their head noun leftwards until a verb, a function word or punctuation, then kept only when the
 * words before the head are more than a generic description (特殊教育学校, 市属高校 are not names).
 * Every regex is a plain alternation or a bounded class: linear in the text length.
 */
import type { NameMention } from '../types';
import {
  DEPARTMENT_WORDS,
  FACULTY_WORDS,
  GENERIC_NAME_WORDS,
  GOVERNMENT_SUFFIXES,
  GOVERNMENT_WORDS,
  HEAD_BLOCKERS,
  LEVEL_WORDS,
  NAME_LEFT_STOPS,
  NAMED_HEADS,
  NATIONAL_BODIES,
  NOUN_BEFORE_LEVEL,
  PARTY_SUFFIXES,
  PARTY_WORDS,
  PASS_THROUGH_HEADS,
  PLACE_ONLY_HEADS,
  PLACE_PREFIXES,
  PLURAL_NAME_WORDS,
} from './lexicon/institutions';
import { regionNameEndingAt, regionNamePrefix } from './lexicon/region-names';
import { dedupeMentions, isBoundaryChar, maxLength, stripSpaces, wordEndingAt } from './lexicon/text';

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

/** level + (party word + office | government word + office | department). */
const REGIONAL_BODY_RE = new RegExp(
  `(?:${alt(LEVEL_WORDS)})(?:(?:${alt(PARTY_WORDS)})(?:${alt(PARTY_SUFFIXES)})?|(?:${alt(GOVERNMENT_WORDS)})(?:${alt(GOVERNMENT_SUFFIXES)})?|(?:${alt(DEPARTMENT_WORDS)}))`,
  'g',
);
/** A provincial department written without its level: 教育厅 (of the policy's province). */
const BARE_PROVINCIAL_DEPT_RE = /教育厅/g;
const NATIONAL_RE = new RegExp(alt([...NATIONAL_BODIES.keys()]), 'g');
const NAMED_HEAD_RE = new RegExp(alt(NAMED_HEADS), 'g');
/** 市二十九中, 市一中, 县第三中: a numbered school written with 中 alone. */
const NUMBERED_SCHOOL_RE = /(?:市|县|区|旗)第?[一二三四五六七八九十]{1,4}中(?!学(?!生)|[心央华国等小职专考招])/g;
/** A parenthesised place after a name: 香港中文大学(XX), …创新中心(中国XX). */
const PLACE_PAREN_RE = /^\((?:中国)?(?:[XＸ×]{2,3}|[\u4e00-\u9fff]{2,6})\)/;

const STOP_MAX = maxLength(NAME_LEFT_STOPS);
const GENERIC_MAX = maxLength(GENERIC_NAME_WORDS);
const HEAD_SET = new Set<string>(NAMED_HEADS);
const HEAD_MAX = maxLength(NAMED_HEADS);

export function findInstitutions(text: string, from = 0, to = text.length): NameMention[] {
  const found: NameMention[] = [
    ...nationalBodies(text, from, to),
    ...regionalBodies(text, from, to),
    ...namedInstitutions(text, from, to),
  ];
  return dedupeMentions(found);
}

/**
 * The matches of a global regex from `from` that end by `to`, collected at once so the shared
 * regex's lastIndex is free again on return (no copy of the regex per call).
 */
function matches(re: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index + m[0].length > to) break;
    out.push(m);
  }
  re.lastIndex = 0;
  return out;
}

function nationalBodies(text: string, from: number, to: number): NameMention[] {
  const out: NameMention[] = [];
  for (const m of matches(NATIONAL_RE, text, from, to)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    const next = text[end] ?? '';
    // 教育部门 is any education department; 中办发/国办发 are 文号 prefixes.
    if (word.endsWith('部') && next === '门') continue;
    if ((word === '中办' || word === '国办') && next === '发') continue;
    if (word === '中央' && !isCentralCommittee(text, start, end)) continue;
    out.push({ name: word, start, end });
  }
  return out;
}

/** 中央 alone names the Central Committee only where it stands as a body, not in 中央财政, 中央厨房 … */
function isCentralCommittee(text: string, start: number, end: number): boolean {
  const prev = text[start - 1] ?? '';
  if (/[党共团]/.test(prev)) return false;
  const after = text.slice(end, end + 4);
  return isBoundaryChar(after[0]) || /^(?:和|及|与|关于|决策|部署|要求|精神|重大|八项规定|捌项规定|统一|印发|办公厅)/.test(after);
}

function regionalBodies(text: string, from: number, to: number): NameMention[] {
  const out: NameMention[] = [];
  for (const m of matches(REGIONAL_BODY_RE, text, from, to)) {
    const levelStart = m.index;
    const end = levelStart + m[0].length;
    let start = levelStart;
    const regionLen = regionBefore(text, levelStart, m[0]);
    if (regionLen > 0) start -= regionLen;
    else if (!bareLevelAllowed(text, levelStart)) continue;
    if (text.slice(start - 2, start) === '中共') start -= 2;
    out.push({ name: stripSpaces(text.slice(start, end)), start, end });
  }
  for (const m of matches(BARE_PROVINCIAL_DEPT_RE, text, from, to)) {
    const start = m.index;
    if (!isBoundaryChar(text[start - 1]) && !NAME_LEFT_STOPS.has(text[start - 1] ?? '') && regionNameEndingAt(text, start) === 0) continue;
    out.push({ name: m[0], start, end: start + m[0].length });
  }
  return out;
}

/**
 * Length of the region name written before a level word: a short name before the level
 * (鄂尔多斯|市委), or a full name that already ends in the level (金堂县|委 is matched as 县委).
 */
function regionBefore(text: string, levelStart: number, body: string): number {
  const level = LEVEL_WORDS.find((l) => body.startsWith(l))!;
  const full = regionNameEndingAt(text, levelStart + level.length);
  if (full > level.length) return full - level.length;
  return regionNameEndingAt(text, levelStart);
}

/** A level word with no region (市委, 省政府) is a relative name unless it ends another word (社区, 各县). */
function bareLevelAllowed(text: string, levelStart: number): boolean {
  const prev = text[levelStart - 1];
  if (prev === undefined || isBoundaryChar(prev)) {
    // 市、区教育局: a list of levels describes every such body, not one.
    return !(prev === '、' && LEVEL_WORDS.some((l) => text.slice(levelStart - 1 - l.length, levelStart - 1) === l));
  }
  return !NOUN_BEFORE_LEVEL.has(prev);
}

function namedInstitutions(text: string, from: number, to: number): NameMention[] {
  const out: NameMention[] = [];
  for (const m of matches(NAMED_HEAD_RE, text, from, to)) {
    const head = m[0];
    const headStart = m.index;
    let end = headStart + head.length;
    const after = text.slice(end, end + 6);
    if (HEAD_BLOCKERS[head]?.test(after)) continue;
    // 中小学, 大中小学: a school type, not a school.
    if (head === '小学' && text[headStart - 1] === '中') continue;
    if (head === '大学' && text[headStart - 1] === '扩') continue; // 扩大学位
    // The name goes on (中心学校, 大学附属中学): the later head decides.
    if (startsWithHead(after)) continue;
    const paren = PLACE_PAREN_RE.exec(after);
    if (paren) end += paren[0].length;
    const start = extendLeft(text, headStart, from);
    if (start === headStart) continue;
    const mention = namedMention(text, start, headStart, head, end);
    if (mention) out.push(mention);
  }
  for (const m of matches(NUMBERED_SCHOOL_RE, text, from, to)) {
    let start = m.index;
    const regionLen = regionNameEndingAt(text, start);
    if (regionLen > 0) start -= regionLen;
    else if (!bareLevelAllowed(text, start)) continue;
    out.push({ name: stripSpaces(text.slice(start, m.index + m[0].length)), start, end: m.index + m[0].length });
  }
  return out;
}

function startsWithHead(s: string): boolean {
  for (let len = Math.min(HEAD_MAX, s.length); len >= 2; len--) if (HEAD_SET.has(s.slice(0, len))) return true;
  return false;
}

/** Walks left from a head over name characters until punctuation, a stop word or another name's head. */
function extendLeft(text: string, headStart: number, from: number): number {
  const limit = Math.max(from, headStart - 24);
  let pos = headStart;
  while (pos > limit) {
    const ch = text[pos - 1]!;
    if (ch === ')' || ch === '）') {
      const open = text.lastIndexOf('(', pos - 1);
      if (open >= 0 && pos - open <= 10 && PLACE_PAREN_RE.test(text.slice(open, pos))) {
        pos = open;
        continue;
      }
      break;
    }
    if (isBoundaryChar(ch) || /[0-9]/.test(ch)) break;
    if (ch === '年' && /[0-9〇零一二三四五六七八九]/.test(text[pos - 2] ?? '')) break; // 2023年…
    const stop = wordEndingAt(text, pos, NAME_LEFT_STOPS, STOP_MAX);
    // 高等/中等 are words inside names (高等教育创新中心), not the list word 等.
    if (stop && !(stop === '等' && /[高中初]/.test(text[pos - 2] ?? ''))) {
      // 在 glues to the word after it (在线, 在蓉, 在校): a name right after it must start with a place.
      if (stop === '在' && regionNamePrefix(text.slice(pos, headStart)) === 0) return headStart;
      break;
    }
    const prevHead = wordEndingAt(text, pos, HEAD_SET, HEAD_MAX);
    if (prevHead && !PASS_THROUGH_HEADS.has(prevHead)) {
      // Cut off by the head of a word before it (中小学|生心理辅导中心): a short remainder is a
      // broken word, not a name of its own; a long one (研究生院|省部共建…国家重点实验室) is a name.
      if (regionNamePrefix(text.slice(pos, headStart)) === 0 && headStart - pos < 8) return headStart;
      break;
    }
    pos--;
  }
  return pos;
}

function namedMention(text: string, start: number, headStart: number, head: string, end: number): NameMention | undefined {
  start = trimToRegion(text, start, headStart);
  const core = stripSpaces(text.slice(start, headStart));
  // 南方科技大学卓越工程师学院 is cited as 南方科技大学; a faculty alone (公共政策学院) is no body.
  const faculty = head === '学院' ? lastFacultyWord(core) : '';
  if (faculty) {
    const parent = core.slice(0, core.length - faculty.length);
    if (parent === '') return undefined;
    if (/(?:大学|学院)(?:\([^()]*\))?$/.test(parent)) {
      const parentEnd = start + text.slice(start, headStart).lastIndexOf(faculty);
      return { name: stripSpaces(text.slice(start, parentEnd)), start, end: parentEnd };
    }
  }
  if (core.length === 0) return undefined;
  // 区、校两级…中心, 市县三级…: a kind of body at several levels, not one body.
  if (/[两三四五]级/.test(core)) return undefined;
  // “微党校”: a quoted campaign name, not a body.
  if (text[start - 1] === '“' && text[end] === '”') return undefined;
  const regionLen = regionNamePrefix(core);
  const rest = core.slice(regionLen);
  if (regionLen > 0) {
    if (PLURAL_NAME_WORDS.some((w) => rest.includes(w))) return undefined;
  } else if (/^[市县区旗](?:级|域|场|内|直|属)/.test(core)) {
    return undefined; // 市级…中心, 区域内学校, 市直学校
  } else if (/^[市县区旗]/.test(core) && PLACE_ONLY_HEADS.has(head)) {
    // 市实验小学, 市荀子中学: the city's own school, resolved later in the policy's region.
    if (!bareLevelAllowed(text, start) || PLURAL_NAME_WORDS.some((w) => core.includes(w)) || /^[市县区旗]级/.test(core)) return undefined;
  } else if (PLACE_ONLY_HEADS.has(head) && !PLACE_PREFIXES.some((p) => core.startsWith(p))) {
    return undefined; // 义务教育学校, 城镇小区配套幼儿园: a kind of school, not one school
  } else if (isGeneric(core)) {
    return undefined;
  }
  return { name: stripSpaces(text.slice(start, end)), start, end };
}

/**
 * A verb the stop list does not know may open the span (增强XX市教育发展基金会): when a region name
 * follows within three characters, the name starts at the region.
 */
function trimToRegion(text: string, start: number, headStart: number): number {
  if (regionNamePrefix(text.slice(start, headStart)) > 0) return start;
  for (let i = start + 1; i <= Math.min(start + 3, headStart - 1); i++) {
    if (wordEndingAt(text, i, HEAD_SET, HEAD_MAX)) return start;
    if (regionNamePrefix(text.slice(i, headStart)) > 0) return i;
  }
  return start;
}

function lastFacultyWord(core: string): string {
  for (let len = Math.min(5, core.length); len >= 1; len--) {
    const w = core.slice(core.length - len);
    if (FACULTY_WORDS.has(w)) return w;
  }
  return '';
}

/** True when `s` is made only of generic description words (greedy longest match). */
function isGeneric(s: string): boolean {
  let i = 0;
  while (i < s.length) {
    let len = Math.min(GENERIC_MAX, s.length - i);
    while (len > 0 && !GENERIC_NAME_WORDS.has(s.slice(i, i + len))) len--;
    if (len === 0) return false;
    i += len;
  }
  return true;
}
