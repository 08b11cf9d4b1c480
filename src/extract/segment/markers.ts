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
const CN_CODES = new Set([...CN].map((c) => c.charCodeAt(0)));

// Words a bare number is often followed by that make it a quantity, not an item number.
const QUANTITY_AFTER = new Set([...'年月日号个所名万亿元岁项次人届期批家类级倍周天分秒点条款章'].map((c) => c.charCodeAt(0)));

const NL = 0x0a;
const CR = 0x0d;
const DUN = 0x3001; // 、
const DI = 0x7b2c; // 第

function isLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) return false;
  }
  return true;
}

/** What /\s/ matches. */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * A marker may begin at `pos`: the start of the scanned range, or after whitespace or the end of a
 * sentence or clause (。；;：:！!？?).
 */
function markerBoundary(text: string, pos: number, from: number): boolean {
  if (pos === from) return true;
  const c = text.charCodeAt(pos - 1);
  return isSpace(c) || c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f;
}

/** `pos` is at the start of a line of the range once spaces, tabs and ideographic spaces are skipped. */
function atIndentedLineStart(text: string, pos: number, from: number): boolean {
  let k = pos;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000) break;
    k--;
  }
  if (k === from) return true;
  const c = text.charCodeAt(k - 1);
  return c === NL || c === CR || c === 0x2028 || c === 0x2029;
}

/** Length of the run of Chinese numerals starting at `pos` (stops at `to` and after `max + 1`). */
function numeralRunAfter(text: string, pos: number, to: number, max: number): number {
  let e = pos;
  while (e < to && e - pos <= max && CN_CODES.has(text.charCodeAt(e))) e++;
  return e - pos;
}

/**
 * All marker candidates in text[from, to), in text order. One pass over the range, testing only at
 * the characters that can end or begin a marker (、 ( （ digits 第); the candidates are exactly
 * those of the patterns (with ^ and the lookbehind read within the range, as on a slice):
 *   section     (?<=^|[\s。；;：:！!？?])([CN]{1,3})、
 *   subsection  (?<=^|[\s。；;：:！!？?])[(（]([CN]{1,3})[)）]
 *   item        (?<=^|[\s。；;：:！!？?])(\d{1,3})(?:\s*[.．、](?![\d.．])|(?=[\u4e00-\u9fff“]))
 *   chapter     (?<=^[ \t\u3000]*)第([CN]{1,4})(?:章|部分)
 *   article     (?<=^[ \t\u3000]*)第([CN]{1,4})条
 * (test/unit/extract/markers.test.ts checks this against those regular expressions). The regexes
 * cost a lookbehind at every character of every document.
 */
export function scanMarkers(text: string, from = 0, to = text.length): Marker[] {
  const out: Marker[] = [];
  const push = (kind: MarkerKind, ordinal: number, start: number, contentStart: number, legal: boolean, bare = false) => {
    if (!Number.isFinite(ordinal) || ordinal <= 0) return;
    out.push({ kind, ordinal, start, contentStart, lineStart: isLineStart(text, start), bare, legal });
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === DUN) {
      // section: a run of 1–3 numerals right before 、, beginning at a boundary
      let p = i;
      while (p > from && i - p <= 3 && CN_CODES.has(text.charCodeAt(p - 1))) p--;
      const n = i - p;
      if (n >= 1 && n <= 3 && markerBoundary(text, p, from)) push('section', parseChineseNumeral(text.slice(p, i)), p, i + 1, false);
    } else if (c === 0x28 || c === 0xff08) {
      // subsection: ( or （, 1–3 numerals, ) or ）
      if (!markerBoundary(text, i, from)) continue;
      const n = numeralRunAfter(text, i + 1, to, 3);
      const close = i + 1 + n;
      if (n >= 1 && n <= 3 && close < to) {
        const cc = text.charCodeAt(close);
        if (cc === 0x29 || cc === 0xff09) push('subsection', parseChineseNumeral(text.slice(i + 1, close)), i, close + 1, false);
      }
    } else if (isDigit(c)) {
      if (!markerBoundary(text, i, from)) continue;
      let e = i;
      while (e < to && e - i <= 3 && isDigit(text.charCodeAt(e))) e++;
      const n = e - i;
      // A longer run of digits is no item number; skip past it (no marker begins inside it).
      if (n > 3) {
        while (e < to && isDigit(text.charCodeAt(e))) e++;
        i = e - 1;
        continue;
      }
      // 1. 1、 1． (spaces allowed before the dot; not followed by a digit or another dot) …
      let k = e;
      while (k < to && isSpace(text.charCodeAt(k))) k++;
      const sep = k < to ? text.charCodeAt(k) : -1;
      if (sep === 0x2e || sep === 0xff0e || sep === DUN) {
        const after = k + 1 < to ? text.charCodeAt(k + 1) : -1;
        if (!(isDigit(after) || after === 0x2e || after === 0xff0e)) {
          push('item', Number(text.slice(i, e)), i, k + 1, false);
          i = k; // the regex went on after its match; nothing begins at the spaces or the dot
          continue;
        }
      }
      // … or bare "27构建": a number directly followed by a CJK character or “, unless a quantity word
      const next = e < to ? text.charCodeAt(e) : -1;
      if ((next >= 0x4e00 && next <= 0x9fff) || next === 0x201c) {
        if (!QUANTITY_AFTER.has(next)) push('item', Number(text.slice(i, e)), i, e, false, true);
      }
      i = e - 1;
    } else if (c === DI) {
      if (!atIndentedLineStart(text, i, from)) continue;
      const n = numeralRunAfter(text, i + 1, to, 4);
      if (n < 1 || n > 4) continue;
      const w = i + 1 + n;
      const ordinal = parseChineseNumeral(text.slice(i + 1, w));
      const wc = w < to ? text.charCodeAt(w) : -1;
      if (wc === 0x7ae0) push('section', ordinal, i, w + 1, true); // 章
      else if (wc === 0x90e8 && w + 1 < to && text.charCodeAt(w + 1) === 0x5206) push('section', ordinal, i, w + 2, true); // 部分
      else if (wc === 0x6761) push('item', ordinal, i, w + 1, true); // 条
    }
  }
  out.sort((a, b) => a.start - b.start || rank(a) - rank(b));
  return out;
}

function rank(m: Marker): number {
  return m.kind === 'section' ? 0 : m.kind === 'subsection' ? 1 : 2;
}
