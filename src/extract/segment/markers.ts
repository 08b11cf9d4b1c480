/**
 * Candidate structure markers in a policy text: section headings (一、 贰、 第一章), subsections
 * ((一)), numbered items (1. 1、 1． "27构建") and articles (第十二条). Candidates are only
 * positions that look like markers; `structure.ts` keeps those whose numbering is consistent.
 */
import { parseChineseNumeral } from '../normalize';

export type MarkerKind = 'section' | 'subsection' | 'item';

export interface Marker {
  kind: MarkerKind;
  ordinal: number;
  /** Offset of the marker's first character. */
  start: number;
  /** Offset just after the marker (where the heading or item text begins). */
  contentStart: number;
  /** The marker stands at the start of a line (after indentation). */
  lineStart: boolean;
  /** A numbered item written without its dot ("27构建"): accepted only where the numbering expects it. */
  bare: boolean;
  /** 第一章 / 第一条 style (laws and regulations). */
  legal: boolean;
}

const CN = '零〇一二三四五六七八九十百两壹贰貳叁參肆伍陆陸柒捌玖拾佰';
// A marker begins a line or follows whitespace or the end of a sentence or clause.
const BEFORE = '(?<=^|[\\s。；;：:！!？?])';
const SECTION_RE = new RegExp(`${BEFORE}([${CN}]{1,3})、`, 'gmu');
const SUBSECTION_RE = new RegExp(`${BEFORE}[(（]([${CN}]{1,3})[)）]`, 'gmu');
const ITEM_RE = new RegExp(`${BEFORE}(\\d{1,3})(?:\\s*[.．、](?![\\d.．])|(?=[\\u4e00-\\u9fff“]))`, 'gmu');
const CHAPTER_RE = new RegExp(`(?<=^[ \\t\\u3000]*)第([${CN}]{1,4})(?:章|部分)`, 'gmu');
const ARTICLE_RE = new RegExp(`(?<=^[ \\t\\u3000]*)第([${CN}]{1,4})条`, 'gmu');

// Words a bare number is often followed by that make it a quantity, not an item number.
const QUANTITY_AFTER = /^[年月日号个所名万亿元岁项次人届期批家类级倍周天分秒点条款章]/u;

function isLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
  }
  return true;
}

/** All marker candidates in text[from, to), in text order. */
export function scanMarkers(text: string, from = 0, to = text.length): Marker[] {
  const slice = text.slice(from, to);
  const out: Marker[] = [];
  const push = (m: RegExpExecArray, kind: MarkerKind, legal: boolean, bare = false) => {
    const ordinal = kind === 'item' && !legal ? Number(m[1]) : parseChineseNumeral(m[1]);
    if (!Number.isFinite(ordinal) || ordinal <= 0) return;
    const start = from + m.index;
    out.push({
      kind,
      ordinal,
      start,
      contentStart: start + m[0].length,
      lineStart: isLineStart(text, start),
      bare,
      legal,
    });
  };
  for (const m of slice.matchAll(SECTION_RE)) push(m, 'section', false);
  for (const m of slice.matchAll(SUBSECTION_RE)) push(m, 'subsection', false);
  for (const m of slice.matchAll(ITEM_RE)) {
    const bare = !/[.．、]/.test(m[0]);
    if (bare) {
      const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 1);
      if (QUANTITY_AFTER.test(after)) continue;
    }
    push(m, 'item', false, bare);
  }
  for (const m of slice.matchAll(CHAPTER_RE)) push(m, 'section', true);
  for (const m of slice.matchAll(ARTICLE_RE)) push(m, 'item', true);
  out.sort((a, b) => a.start - b.start || rank(a) - rank(b));
  return out;
}

function rank(m: Marker): number {
  return m.kind === 'section' ? 0 : m.kind === 'subsection' ? 1 : 2;
}
