/**
 * Programme finder: named initiatives such as “双减”, “县管校聘”, 国培计划, 农村牧区教育教学质量提升工程.
 *
 * Two sources of candidates:
 *  1. quoted spans (“…”, 「…」, "…"), kept when the quoted words end in a programme noun, when the
 *     word after the closing quote is a programme context (改革, 工作, 建设, 活动 …), or when the quote
 *     ends a clause right after a programme verb (实施, 推进, 落实 …). A quoted code that is no name by
 *     itself is joined with the noun after it (“12991”工作思路 → 12991工作思路, “三名”工程 → 三名工程);
 *  2. unquoted names: a programme verb, then a modifier run ending in 工程/计划/行动/项目 … .
 *
 * All regexes are linear: bounded character classes with no nested quantifiers.
 */
import type { NameMention } from '../types';
import {
  COUNT_ONLY_NAME_RE,
  COUNTED_PROGRAM_AFTER_RE,
  ENUMERATION_CONTEXT_AFTER,
  HEAD_CONTINUATIONS,
  NON_PROGRAM_SUFFIXES,
  PROGRAM_HEADS,
  PROGRAM_NAME_PREFIXES_TO_DROP,
  PROGRAM_VERBS,
  QUOTE_CONTEXT_AFTER,
  QUOTE_CONTEXT_NEGATIVE,
  QUOTE_VERBS_BEFORE,
  SLOGAN_VERBS_BEFORE,
  VERB_ONLY_SUFFIXES,
} from './lexicon/programs';
import { dedupeMentions, insideRanges, isBoundaryChar, maxLength, stripSpaces, titleRanges, wordStartingAt } from './lexicon/text';

interface Quote {
  open: number; // offset of the opening quote mark
  close: number; // offset just after the closing quote mark
  content: string; // text between the marks, as written
}

const QUOTE_RE = /[“「『"]([^“”「」『』"\n]{1,40})[”」』"]/g;
/** Text allowed between two quotes of one list: “A”“B”, “A”、“B”, “A”和“B”. */
const LIST_GAP_RE = /^(?:|、|和|及|与|以及)$/;
/** A parenthesised insertion right after a quote, skipped when reading the context word: “X”(工作)部署. */
const PAREN_INSERT_RE = /^[(（][^()（）\n]{1,6}[)）]/;
/** A code that names nothing by itself: digits, Latin letters and +. */
const CODE_RE = /^[0-9A-Za-z+.]+$/;
/** Modifier characters of an unquoted name: CJK, digits, Latin, and a few joiners. */
const NAME_CHAR = '[\\u4e00-\\u9fff0-9A-Za-z.·—\\- ]';

const HEADS_ALT = PROGRAM_HEADS.join('|');
const VERBS_ALT = [...PROGRAM_VERBS].sort((a, b) => b.length - a.length).join('|');
/** Verb, then a lazily bounded modifier run, then a head noun. */
const UNQUOTED_RE = new RegExp(`(?:${VERBS_ALT})(${NAME_CHAR}{2,30}?(?:${HEADS_ALT}))`, 'g');
/** After a quote: a short modifier run and a head noun, for joining a code with its noun. */
const MERGE_TAIL_RE = new RegExp(`^[\\u4e00-\\u9fff0-9A-Za-z.]{0,12}?(?:${HEADS_ALT})`);

const CONTEXT_MAX = maxLength(QUOTE_CONTEXT_AFTER);
const SLOGAN_WORDS = new Set([...SLOGAN_VERBS_BEFORE]);
const VERB_MAX = Math.max(maxLength(QUOTE_VERBS_BEFORE), maxLength(SLOGAN_WORDS));

export function findPrograms(text: string, from = 0, to = text.length): NameMention[] {
  const titles = titleRanges(text, from, to);
  const found: NameMention[] = [];
  const quotes = collectQuotes(text, from, to);
  for (const chain of chainQuotes(text, quotes)) {
    found.push(...programsFromChain(text, chain));
  }
  const quoted = quotes.map((q): [number, number] => [q.open, q.close]);
  found.push(...unquotedPrograms(text, from, to, titles, quoted));
  return dedupeMentions(found);
}

function collectQuotes(text: string, from: number, to: number): Quote[] {
  const out: Quote[] = [];
  // The module's global regex, reset on entry and exit (no copy per call; nothing re-enters here).
  const re = QUOTE_RE;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index + m[0].length > to) break;
    out.push({ open: m.index, close: m.index + m[0].length, content: m[1]! });
  }
  re.lastIndex = 0;
  return out;
}

/** Groups quotes written as one list (“三区支教”“银龄讲学”…四项计划), which share one context. */
function chainQuotes(text: string, quotes: Quote[]): Quote[][] {
  const chains: Quote[][] = [];
  for (const q of quotes) {
    const last = chains[chains.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && q.open - prev.close <= 2 && LIST_GAP_RE.test(text.slice(prev.close, q.open))) last.push(q);
    else chains.push([q]);
  }
  return chains;
}

function programsFromChain(text: string, chain: Quote[]): NameMention[] {
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  const afterChain = contextAfter(text, last.close);
  const verb = verbBefore(text, first.open);
  const out: NameMention[] = [];
  chain.forEach((q, i) => {
    const name = stripSpaces(q.content);
    if (name.length < 2 || /[。;；《》]/.test(name)) return;
    // Only the last quote of a list is directly followed by its noun, so only it can join one.
    if (i === chain.length - 1) {
      const merged = mergeWithNoun(text, q, name);
      if (merged) {
        out.push(merged);
        return;
      }
    }
    if (isQuotedProgram(name, afterChain, verb)) {
      out.push({ name, start: q.open + 1, end: q.close - 1 });
    }
  });
  return out;
}

/** The words after a closing quote, past a short parenthesised insertion. */
function contextAfter(text: string, pos: number): string {
  const ahead = text.slice(pos, pos + 20);
  const paren = PAREN_INSERT_RE.exec(ahead);
  return stripSpaces(paren ? ahead.slice(paren[0].length) : ahead);
}

/** The nearest programme or slogan verb before an opening quote, within the same clause. */
function verbBefore(text: string, open: number): { kind: 'program' | 'slogan'; word: string } | undefined {
  const lo = Math.max(0, open - 10);
  for (let end = open; end > lo; end--) {
    if (end < open && isBoundaryChar(text[end])) break;
    for (let len = Math.min(VERB_MAX, end - lo); len >= 2; len--) {
      const w = text.slice(end - len, end);
      if (SLOGAN_WORDS.has(w)) return { kind: 'slogan', word: w };
      if (QUOTE_VERBS_BEFORE.has(w)) return { kind: 'program', word: w };
    }
  }
  return undefined;
}

function isQuotedProgram(name: string, after: string, verb: ReturnType<typeof verbBefore>): boolean {
  if (CODE_RE.test(name) && !name.includes('+')) return false; // a bare number (“1147”) is no name
  const bare = name.replace(/\([^()]*\)/g, ''); // obfuscation noise: 名师名校长(工作)室
  if (NON_PROGRAM_SUFFIXES.some((s) => bare.endsWith(s))) return false;
  if (VERB_ONLY_SUFFIXES.some((s) => bare.endsWith(s))) {
    // “选课走班”教学组织模式 and 实施“选课走班” are programmes; “订单班”等人才培养模式 is a class type.
    return verb?.kind === 'program' || (!after.startsWith('等') && wordStartingAt(after, 0, QUOTE_CONTEXT_AFTER, CONTEXT_MAX) !== undefined);
  }
  // Comma-joined slogans (“教会、勤练、常赛”) are programmes only as a campaign's name.
  if (/[、,，]/.test(name)) return ENUMERATION_CONTEXT_AFTER.some((w) => after.startsWith(w));
  if (PROGRAM_HEADS.some((h) => name.endsWith(h) && name.length > h.length)) {
    return !COUNT_ONLY_NAME_RE.test(name) || name.length > 4; // “八大工程” counts; “四大资助工程” names
  }
  if (COUNTED_PROGRAM_AFTER_RE.test(after)) return true;
  if (QUOTE_CONTEXT_NEGATIVE.some((w) => after.startsWith(w))) return false;
  const context = wordStartingAt(after, 0, QUOTE_CONTEXT_AFTER, CONTEXT_MAX);
  // Numbered slogans (“四个意识”, “两个维护”) are programmes only when a programme noun follows.
  if (/^[一二两三四五六七八九十百千万双]个/.test(name)) {
    return context !== undefined && /^(?:工程|行动|计划|项目|活动|攻坚)/.test(after);
  }
  if (context !== undefined) return true;
  // A quote that ends the clause: a programme when a programme verb governs it.
  if (after === '' || isBoundaryChar(after[0]) || /^(?:和|及|与)/.test(after)) return verb?.kind === 'program';
  return false;
}

/**
 * A short quoted code followed by its noun forms one name: “12991”工作思路, “三名”工程,
 * “山海”教育远程互助工程, “候鸟型”人才引进计划. Longer quoted names keep their own span
 * (“双带头人”培育工程 → 双带头人), as analysts cite them.
 */
function mergeWithNoun(text: string, q: Quote, name: string): NameMention | undefined {
  const isCode = CODE_RE.test(name) && !name.includes('+');
  const isShort = /^[\u4e00-\u9fff]{2}$/.test(name);
  const isModifier = /[型式]$/.test(name);
  if (!isCode && !isShort && !isModifier) return undefined;
  const tail = MERGE_TAIL_RE.exec(text.slice(q.close, q.close + 20));
  if (!tail || tail[0].includes('等')) return undefined;
  // 双优”计划 is cited as 双优: a bare head right after a two-character name joins only as 工程/工作思路.
  if (isShort && tail[0].length <= 2 && !/^(?:工程)$/.test(tail[0])) return undefined;
  const end = q.close + tail[0].length;
  if (HEAD_CONTINUATIONS.has(text[end] ?? '')) return undefined;
  return { name: name + tail[0], start: q.open + 1, end };
}

function unquotedPrograms(
  text: string,
  from: number,
  to: number,
  titles: Array<[number, number]>,
  quoted: Array<[number, number]>,
): NameMention[] {
  const out: NameMention[] = [];
  const re = UNQUOTED_RE; // global; reset on entry and exit, nothing called in the loop uses it
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1]!.length;
    let end = m.index + m[0].length;
    if (end > to) break;
    // Let a later verb start the next search inside this run (推进…实施X工程).
    re.lastIndex = start;
    if (insideRanges(titles, start, end) || insideRanges(quoted, start, end)) continue;
    const first = unquotedName(text, start, end);
    if (first) out.push(first);
    // One verb may govern a list: 推进现代学徒制、企业新型学徒制和…
    let next: RegExpExecArray | null;
    while (end < to && (next = LIST_TAIL_RE.exec(text.slice(end, end + 40))) !== null) {
      const s = end + 1;
      end = end + next[0].length;
      const item = unquotedName(text, s, end);
      if (item) out.push(item);
    }
  }
  re.lastIndex = 0;
  return out;
}

/** A list member after a programme name: 、 or 和 then another modifier run and head. */
const LIST_TAIL_RE = new RegExp(`^[、和及](?:${NAME_CHAR.replace(' ', '')}){2,30}?(?:${HEADS_ALT})`);

/** Cleans one candidate span into a programme name, or rejects it. */
function unquotedName(text: string, start: number, end: number): NameMention | undefined {
  if (HEAD_CONTINUATIONS.has(text[end] ?? '')) return undefined;
  let raw = text.slice(start, end);
  // A verb inside a compound (规划实施与学位建设计划) leaves a run starting with a conjunction.
  if (/^[与和及的]/.test(raw)) return undefined;
  // A run joined by 及/和 names its last member: 学生资助及农村义务教育学生营养改善计划.
  const join = Math.max(raw.lastIndexOf('及'), raw.lastIndexOf('和'));
  if (join >= 0) {
    start += join + 1;
    raw = raw.slice(join + 1);
  }
  for (const p of PROGRAM_NAME_PREFIXES_TO_DROP) {
    if (raw.startsWith(p)) {
      start += p.length;
      raw = raw.slice(p.length);
      break;
    }
  }
  const year = /^\d{4}年度?/.exec(raw);
  if (year) {
    start += year[0].length;
    raw = raw.slice(year[0].length);
  }
  while (raw.startsWith(' ')) {
    start++;
    raw = raw.slice(1);
  }
  const name = stripSpaces(raw);
  const head = PROGRAM_HEADS.find((h) => name.endsWith(h))!;
  const modifier = name.slice(0, name.length - head.length);
  if (modifier.length < 2 || modifier.includes('等') || COUNT_ONLY_NAME_RE.test(name)) return undefined;
  // 项目 is also an ordinary word (建设项目, 特色项目): only a long, specific modifier makes it a name.
  if (head === '项目' && modifier.length < 7) return undefined;
  return { name, start, end };
}
