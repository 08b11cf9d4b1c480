/**
 * scanMarkers is a hand-written one-pass scanner; its contract is the five regular expressions it
 * replaced (kept here as the oracle). Random texts over the characters that matter, and the seeds,
 * must give exactly the same candidates, for whole texts and for sub-ranges.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMarkers, type Marker, type MarkerKind } from '../../../src/extract/segment/markers';
import { parseChineseNumeral } from '../../../src/extract/normalize';
import { cleanText } from '../../../src/extract/clean';
import { decodeBytes } from '../../../src/extract/decode';

const CN = '零〇一二三四五六七八九十百两壹贰貳叁參肆伍陆陸柒捌玖拾佰';
const BEFORE = '(?<=^|[\\s。；;：:！!？?])';
const SECTION_RE = new RegExp(`${BEFORE}([${CN}]{1,3})、`, 'gmu');
const SUBSECTION_RE = new RegExp(`${BEFORE}[(（]([${CN}]{1,3})[)）]`, 'gmu');
const ITEM_RE = new RegExp(`${BEFORE}(\\d{1,3})(?:\\s*[.．、](?![\\d.．])|(?=[\\u4e00-\\u9fff“]))`, 'gmu');
const CHAPTER_RE = new RegExp(`(?<=^[ \\t\\u3000]*)第([${CN}]{1,4})(?:章|部分)`, 'gmu');
const ARTICLE_RE = new RegExp(`(?<=^[ \\t\\u3000]*)第([${CN}]{1,4})条`, 'gmu');
const QUANTITY_AFTER = /^[年月日号个所名万亿元岁项次人届期批家类级倍周天分秒点条款章]/u;

function isLineStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u3000') return false;
  }
  return true;
}

/** The regular-expression scanner scanMarkers replaced: regexes on the slice text[from, to). */
function oracle(text: string, from = 0, to = text.length): Marker[] {
  const slice = text.slice(from, to);
  const out: Marker[] = [];
  const push = (m: RegExpExecArray, kind: MarkerKind, legal: boolean, bare = false) => {
    const ordinal = kind === 'item' && !legal ? Number(m[1]) : parseChineseNumeral(m[1]);
    if (!Number.isFinite(ordinal) || ordinal <= 0) return;
    const start = from + m.index;
    out.push({ kind, ordinal, start, contentStart: start + m[0].length, lineStart: isLineStart(text, start), bare, legal });
  };
  for (const m of slice.matchAll(SECTION_RE)) push(m, 'section', false);
  for (const m of slice.matchAll(SUBSECTION_RE)) push(m, 'subsection', false);
  for (const m of slice.matchAll(ITEM_RE)) {
    const bare = !/[.．、]/.test(m[0]);
    if (bare && QUANTITY_AFTER.test(slice.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    push(m, 'item', false, bare);
  }
  for (const m of slice.matchAll(CHAPTER_RE)) push(m, 'section', true);
  for (const m of slice.matchAll(ARTICLE_RE)) push(m, 'item', true);
  const rank = (m: Marker) => (m.kind === 'section' ? 0 : m.kind === 'subsection' ? 1 : 2);
  out.sort((a, b) => a.start - b.start || rank(a) - rank(b));
  return out;
}

// Texts made of marker-like pieces: [a boundary or not] [(/（/第 or not] [a run of numerals or digits,
// of every length around the 1–3 (1–4) limits] [what may close a marker, or plain text].
const pick = (chars: string) => fc.constantFrom(...chars);
const run = (chars: string) =>
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(pick(chars), { minLength: 5, maxLength: 5 })).map(([n, a]) => a.slice(0, n).join(''));
const piece = fc
  .tuple(
    fc.oneof(pick(' \t\u3000\n\r\u2028\u2029\u00a0。；;：:！!？?，'), pick('构a'), fc.constant('')),
    fc.oneof(pick('(（第'), fc.constant(''), fc.constant('')),
    fc.oneof(run('一二三十百两贰拾〇零'), run('0123456789')),
    fc.oneof(pick('、)）.．章条'), fc.constantFrom('部分', ' .', '\n．', '.5', '..', '.．', '年', '构', '“', '项', 'Z', '')),
  )
  .map((p) => p.join(''));
const textArb = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));

describe('scanMarkers', () => {
  it('finds exactly the regex candidates in random texts and sub-ranges', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length ? a % (text.length + 1) : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        expect(scanMarkers(text)).toEqual(oracle(text));
        expect(scanMarkers(text, from, to)).toEqual(oracle(text, from, to));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds exactly the regex candidates in the seed documents', () => {
    const dir = join(__dirname, '../../../seeds');
    const files = readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = cleanText(decodeBytes(new Uint8Array(readFileSync(join(dir, f)))).text);
      const found = scanMarkers(text);
      expect(found.length).toBeGreaterThan(10);
      expect(found).toEqual(oracle(text));
      const mid = Math.floor(text.length / 2);
      expect(scanMarkers(text, mid, text.length)).toEqual(oracle(text, mid, text.length));
    }
  });

  it('reads the marker shapes of policy texts', () => {
    const text = '一、总体要求\n(一)指导思想\n1. 推进改革\n27构建体系。3年内完成\n第二章 总则\n  第十二条 规定';
    const got = scanMarkers(text).map((m) => [m.kind, m.ordinal, text.slice(m.start, m.contentStart), m.bare, m.legal]);
    expect(got).toEqual([
      ['section', 1, '一、', false, false],
      ['subsection', 1, '(一)', false, false],
      ['item', 1, '1.', false, false],
      ['item', 27, '27', true, false],
      ['section', 2, '第二章', false, true],
      ['item', 12, '第十二条', false, true],
    ]);
  });
});
