/**
 * Citations of one policy: every 《title》 that names a document and every 文号, paired (a 文号 in
 * brackets right after 》 belongs to that title), with the issuers the text states (inside the
 * title or just before it), the document type, the governing verb's intent, and the citing task.
 */
import type { Evidence } from '../../model';
import type { CitationMention, InstitutionRef, Span, TaskDraft } from '../types';
import { titleKey } from '../normalize';
import { findBracketedTitles, type TitleMention } from './titles';
import { findDocNumbers, type DocNumberMention } from './docnumbers';
import { parseCitedTitle, looksLikeIssuerPhrase } from './cited-title';
import { classifyIntent } from './intent';
import { splitIssuers, type InstitutionContext } from '../resolve/institutions';
import { clauseBefore, clauseAfter } from './sentence';
import { evidenceAt, type DocText } from '../evidence';
import { SpanIndex, coveringIndex } from '../span-index';
import { BoundedCache } from '../memo';

export interface PolicyContext extends InstitutionContext {
  /** Title keys of the policy itself (its title, and the notice that issues it): not citations. */
  selfKeys: Set<string>;
  /** The policy's own 文号, not a citation. */
  ownDocNumber?: string;
}

export interface CitationScan {
  citations: CitationMention[];
  /** Spans that were bracketed but name no document (noise, publications), with the reason. */
  rejected: Array<{ text: string; reason: string; evidence: Evidence }>;
  selfReferences: Span[];
}

// What may separate two adjacent brackets of one list (《A》《B》, 《A》、《B》, 《A》(文号)和《B》).
const LIST_GAP = /^(?:\s*[(（][^()（）《》]{0,30}[)）])?\s*(?:[、，,]|和|及|以及|与|、以及)?\s*$/u;
const DIRECT_GAP = /^\s*、?\s*$/u;
const VERB_TAIL = /(?:贯彻落实|学习宣传贯彻|贯彻执行|贯彻实施|贯彻|落实好|落实|实施|执行|按照|依据|依照|根据|遵照|对照|围绕|参照|用好|依托|学习|出台|制定|印发|编制|修订|完善)(?!的)/gu;
const PARTICIPLE = /(?:印发|制定|发布|出台|颁布|下发|修订)的?$|的$/u;
const DEPARTMENTS = /等\s*\d*\s*[个]?(?:部门|部委|单位)$/u;

/** The issuer phrase written right before a bracket: '国务院办公厅印发的《' → 国务院办公厅. */
function issuerPhraseBefore(before: string): string | undefined {
  let w = before.replace(/\s+/g, '');
  w = w.replace(PARTICIPLE, '').replace(DEPARTMENTS, '');
  let cut = 0;
  for (const m of w.matchAll(VERB_TAIL)) cut = m.index + m[0].length;
  w = w.slice(cut);
  const punct = Math.max(w.lastIndexOf('“'), w.lastIndexOf('”'), w.lastIndexOf('"'));
  if (punct >= 0) w = w.slice(punct + 1);
  return looksLikeIssuerPhrase(w) ? w : undefined;
}

/** The titles no other title encloses; titles sorted by start (one sweep, not a pairwise test). */
function outermost(titles: TitleMention[]): TitleMention[] {
  const out: TitleMention[] = [];
  let maxEnd = -1; // largest end among titles starting strictly earlier
  for (let i = 0; i < titles.length; ) {
    let j = i;
    while (j < titles.length && titles[j].start === titles[i].start) j++;
    for (let k = i; k < j; k++) if (!(maxEnd > titles[k].end)) out.push(titles[k]);
    for (let k = i; k < j; k++) maxEnd = Math.max(maxEnd, titles[k].end);
    i = j;
  }
  return out;
}

/** The 文号 written in brackets right after a title: 《…》(中发〔2019〕26号). */
function pairedNumber(text: string, t: TitleMention, numbers: DocNumberMention[]): DocNumberMention | undefined {
  const after = text.slice(t.end, t.end + 4);
  const open = /^\s*[(（]/.exec(after);
  if (!open) return undefined;
  const from = t.end + open[0].length;
  // numbers are sorted by start: binary search for the first at or after `from`.
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (numbers[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const n = numbers[lo];
  return n && n.start <= from + 2 ? n : undefined;
}

// A short form defined right after a citation: （以下简称《意见》） （以下简称“意见”） （简称意见）.
const SHORT_DEFINITION = /^\s*(?:[(（][^()（）《》]{0,30}[)）])?\s*[(（]\s*(?:以下|下文)?\s*(?:简称|称)\s*[《“"]?([^()（）《》“”"]{1,16}?)[》”"]?\s*[)）]/u;
const KIND_TAIL = /(?:意见|方案|计划|规划|办法|细则|规定|条例|纲要|指南|决定|标准|准则|规程|清单|规范|措施|通知|法|要点)$/u;

interface Accepted {
  t: TitleMention;
  num?: DocNumberMention;
  end: number;
  /** For a short-form reference: the index of the full citation it stands for. */
  ref?: number;
}

/**
 * The full citation a short form stands for: a defined short form, else the latest citation of that
 * type (latestOfKind: document type → index of the latest full citation of it read so far).
 */
function resolveShortForm(inner: string, shortForms: Map<string, number>, latestOfKind: Map<string, number>): number | undefined {
  const bare = inner.replace(/^(?:该|此|上述|前述)/u, '');
  const defined = shortForms.get(titleKey(bare));
  if (defined !== undefined) return defined;
  const kind = KIND_TAIL.exec(bare)?.[0];
  return kind ? latestOfKind.get(kind) : undefined;
}

export function findCitations(
  doc: DocText,
  span: Span,
  tasks: TaskDraft[],
  ctx: PolicyContext,
): CitationScan {
  const text = doc.work;
  const titles = findBracketedTitles(text, span.start, span.end);
  const numbers = findDocNumbers(text, span.start, span.end);
  const usedNumbers = new Set<DocNumberMention>();
  const titleIndex = new SpanIndex(titles);
  const taskIndex = new SpanIndex(tasks, (t) => !t.fromOutline);
  const taskIndexAt = (pos: number): number | null => {
    const i = taskIndex.indexAt(pos);
    return i < 0 ? null : i;
  };
  const out: CitationScan = { citations: [], rejected: [], selfReferences: [] };

  // Titles nested inside another title are read as part of it (〈〉 or inner 《》).
  const topLevel = outermost(titles);
  const accepted: Accepted[] = [];
  const kinds: Array<string | undefined> = [];
  const latestOfKind = new Map<string, number>();
  const shortForms = new Map<string, number>();
  // Definitions follow their citations, so these spans are sorted by start and do not overlap.
  const definitionSpans: Span[] = [];
  for (const t of topLevel) {
    const d = coveringIndex(definitionSpans, t.start);
    if (d >= 0 && t.end <= definitionSpans[d].end) continue;
    if (t.rejected) {
      out.rejected.push({ text: doc.text.slice(t.start, t.end), reason: t.rejected, evidence: evidenceAt(doc, t.start, t.end, span) });
      continue;
    }
    const defined = shortForms.size > 0 && shortForms.has(titleKey(t.inner));
    if (t.shortForm || defined) {
      if (/^本/.test(t.inner)) continue; // 《本办法》: the policy itself
      const ref = resolveShortForm(t.inner, shortForms, latestOfKind);
      if (ref === undefined) {
        out.rejected.push({ text: doc.text.slice(t.start, t.end), reason: 'short form with no document it stands for', evidence: evidenceAt(doc, t.start, t.end, span) });
        continue;
      }
      accepted.push({ t, end: t.end, ref });
      kinds.push(kinds[ref]);
      continue;
    }
    const num = pairedNumber(text, t, numbers);
    if (num) usedNumbers.add(num);
    const end = num ? num.end + (/[)）]/.test(text[num.end] ?? '') ? 1 : 0) : t.end;
    accepted.push({ t, num, end });
    const kind = parseCitedTitle(t.inner).kind;
    kinds.push(kind);
    if (kind) latestOfKind.set(kind, accepted.length - 1);
    const def = SHORT_DEFINITION.exec(text.slice(end, end + 60));
    if (def) {
      shortForms.set(titleKey(def[1]), accepted.length - 1);
      definitionSpans.push({ start: end, end: end + def[0].length });
    }
  }

  // Lists of adjacent citations share their governing verb; directly adjacent ones share an issuer.
  const listStart: number[] = [];
  const listEnd: number[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const prev = accepted[i - 1];
    const gap = prev ? text.slice(prev.end, accepted[i].t.start) : '';
    const joined = prev && (LIST_GAP.test(gap) || SHORT_DEFINITION.test(gap));
    listStart[i] = joined ? listStart[i - 1] : i;
  }
  for (let i = accepted.length - 1; i >= 0; i--) {
    const next = accepted[i + 1];
    listEnd[i] = next && listStart[i + 1] === listStart[i] ? listEnd[i + 1] : i;
  }

  let prevIssuers: InstitutionRef[] = [];
  const byAccepted: Array<CitationMention | undefined> = [];
  for (let i = 0; i < accepted.length; i++) {
    const { t, num, end, ref } = accepted[i];
    const first = accepted[listStart[i]];
    const last = accepted[listEnd[i]];
    const intent = classifyIntent(clauseBefore(text, first.t.start, 40), clauseAfter(text, last.end, 24));
    const pin = pinCite(text, end);
    if (ref !== undefined) {
      const full = byAccepted[ref];
      if (!full) continue; // the full form was a self-reference
      const mention: CitationMention = {
        ...full,
        task: taskIndexAt(t.start),
        intent,
        evidence: evidenceAt(doc, t.start, end, span, pin),
      };
      if (pin) mention.pin = pin;
      else delete mention.pin;
      out.citations.push(mention);
      continue;
    }
    const written = doc.text.slice(t.start + 1, t.end - 1).replace(/\s+/g, '');
    const parsed = parseCitedTitle(written);
    const key = titleKey(parsed.title);
    if (ctx.selfKeys.has(key) || ctx.selfKeys.has(titleKey(t.inner))) {
      out.selfReferences.push({ start: t.start, end: t.end });
      continue;
    }
    let issuers: InstitutionRef[] = parsed.issuerPhrase ? splitIssuers(parsed.issuerPhrase, ctx) : [];
    const prev = accepted[i - 1];
    // 教育部制定的《A》《B》《C》: brackets directly after one another share the issuer before the first.
    const direct = prev !== undefined && prev.ref === undefined && DIRECT_GAP.test(text.slice(prev.end, t.start));
    if (!issuers.length && direct) issuers = prevIssuers;
    else if (!issuers.length) {
      const phrase = issuerPhraseBefore(clauseBefore(text, t.start, 30));
      if (phrase) issuers = splitIssuers(phrase, ctx);
    }
    prevIssuers = issuers;

    const mention: CitationMention = {
      task: taskIndexAt(t.start),
      title: parsed.title,
      rawTitle: written,
      docNumber: num?.value,
      issuers,
      kind: parsed.kind,
      year: num?.year ?? yearInTitle(parsed.title),
      intent,
      evidence: evidenceAt(doc, t.start, end, span, pin),
    };
    if (pin) mention.pin = pin;
    byAccepted[i] = mention;
    out.citations.push(mention);
  }

  // Unbracketed back-references to a document named earlier: 该意见, 上述方案, “意见”.
  const shortKeys = [...shortForms.keys()].filter((k) => k.length >= 2);
  if (accepted.length) {
    const backRef = backReferencePattern(shortKeys);
    const slice = text.slice(span.start, span.end);
    // Matches come in text order: the citations before each one are a growing prefix of accepted.
    const priorLatest = new Map<string, number>();
    let prior = 0;
    for (const m of slice.matchAll(backRef)) {
      const start = span.start + m.index;
      const endPos = start + m[0].length;
      if (titleIndex.holds(start) || coveringIndex(definitionSpans, start) >= 0) continue;
      for (; prior < accepted.length && accepted[prior].t.start < start; prior++) {
        const kind = kinds[prior];
        if (accepted[prior].ref === undefined && kind) priorLatest.set(kind, prior);
      }
      const word = m[1] ?? m[2];
      const ref = resolveShortForm(word, shortForms, priorLatest);
      // Without a definition, 该意见 means the 意见 cited just before, not one pages earlier.
      const near = ref !== undefined && (shortForms.has(titleKey(word)) || start - accepted[ref].t.start <= 300);
      const full = ref === undefined || !near ? undefined : byAccepted[ref];
      if (!full) continue;
      const pin = pinCite(text, endPos);
      const mention: CitationMention = {
        ...full,
        task: taskIndexAt(start),
        intent: classifyIntent(clauseBefore(text, start, 40), clauseAfter(text, endPos, 24)),
        evidence: evidenceAt(doc, start, endPos, span, pin),
      };
      if (pin) mention.pin = pin;
      else delete mention.pin;
      out.citations.push(mention);
    }
  }

  // 文号 cited without a title.
  for (const n of numbers) {
    if (usedNumbers.has(n)) continue;
    if (ctx.ownDocNumber && n.value === ctx.ownDocNumber) continue;
    const inTitle = titleIndex.indexAt(n.start);
    if (inTitle >= 0 && n.end <= titles[inTitle].end) continue;
    out.citations.push({
      task: taskIndexAt(n.start),
      docNumber: n.value,
      issuers: [],
      year: n.year,
      intent: classifyIntent(clauseBefore(text, n.start, 40), clauseAfter(text, n.end, 24)),
      evidence: evidenceAt(doc, n.start, n.end, span, pinCite(text, n.end)),
    });
  }
  out.citations.sort((a, b) => a.evidence.start - b.evidence.start);
  return out;
}

const BACK_REF_KINDS = ['意见', '方案', '计划', '规划', '办法', '细则', '规定', '条例', '纲要', '指南', '决定', '通知'];
/** Back-reference patterns by their short forms: most policies define none and share one pattern. */
const backRefPatterns = new BoundedCache<RegExp>(1000);

/** 该/上述/前述 + a type word or a defined short form, or a defined short form in quotes. */
function backReferencePattern(shortKeys: string[]): RegExp {
  const cacheKey = JSON.stringify(shortKeys);
  let re = backRefPatterns.get(cacheKey);
  if (!re) {
    const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const alternatives = [...new Set([...shortKeys, ...BACK_REF_KINDS])]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
    re = new RegExp(`(?:该|上述|前述)(${alternatives})|[“"](${shortKeys.length ? shortKeys.map(escape).join('|') : '(?!)'})[”"]`, 'gu');
    backRefPatterns.set(cacheKey, re);
  }
  return re;
}

/** A year written inside a title's range or edition note: (2018—2022年) → 2018. */
function yearInTitle(title: string): number | undefined {
  const m = /[(（]((?:19|20)\d{2})\s*[—–\-－~～至]/u.exec(title);
  return m ? Number(m[1]) : undefined;
}

/** The article a citation points at: 《X》第十二条, 第十二条第二款. */
function pinCite(text: string, end: number): string | undefined {
  const m = /^\s*(第[一二三四五六七八九十百零〇\d]{1,6}条(?:第[一二三四五六七八九十\d]{1,4}款)?(?:第[一二三四五六七八九十\d]{1,4}项)?)/u.exec(
    text.slice(end, end + 24),
  );
  return m?.[1];
}
