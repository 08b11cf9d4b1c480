/**
 * 文号 (document numbers such as 中发〔2019〕26号) in one canonical spelling, so that a query typed
 * with any bracket shape finds the number as the extractor stored it.
 */

import { normaliseDocNumber } from '../model/docnumber';

export { normaliseDocNumber };

export interface DocNumberMatch {
  /** As written in the text. */
  raw: string;
  /** normaliseDocNumber(raw). */
  normalised: string;
  /** UTF-16 offsets of `raw` in the text. */
  start: number;
  end: number;
}

// Matches on the NFKC form would shift offsets, so the pattern accepts the unnormalised shapes:
// full-width digits, every bracket shape, spaces inside. The prefix is 1–10 CJK characters
// (中发, 国办发, 鄂党办发, 教基, 内政办发 …).
const DIGIT = '[0-9０-９]';
const DOC_NUMBER = new RegExp(
  `[\\u4e00-\\u9fff]{1,10}\\s*[\\[［(（【〔〖﹝]\\s*${DIGIT}{4}\\s*[\\]］)）】〕〗﹞]\\s*第?\\s*${DIGIT}{1,5}\\s*号`,
  'g',
);

/**
 * The 文号 written in a string (a search query, a line of text), in order. Meant for queries and
 * short strings: the prefix is taken as the run of CJK characters before the bracket (up to 10),
 * so in running prose a preceding verb may be swallowed (依据中发〔2019〕26号) — the extractor, not
 * this function, is what reads 文号 in documents.
 */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER)) {
    const start = m.index ?? 0;
    out.push({ raw: m[0], normalised: normaliseDocNumber(m[0]), start, end: start + m[0].length });
  }
  return out;
}
