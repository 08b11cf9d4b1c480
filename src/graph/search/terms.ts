/**
 * Search terms of Chinese names.
 *
 * Chinese has no spaces, and word segmenters disagree (Node's ICU splits 督导 into 督|导, Chromium's
 * keeps it), so every CJK run is indexed as overlapping character bigrams plus its last
 * character, and a query must contain all of its bigrams: recall does not depend on the
 * segmenter. Intl.Segmenter words are indexed as well and help ranking where both sides agree.
 * Other runs (Latin words, numbers) are terms whole.
 */

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
export const IS_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Folds width and case so that ＡＢ, AB and ab are one term. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Folded, without whitespace: what phrase comparison uses. */
export function compact(s: string): string {
  return fold(s).replace(/\s+/g, '');
}

/**
 * Index-side terms of a field value (distinct): bigrams and last character of CJK runs, other
 * words whole, and with `words` the segmenter's words.
 */
export function textTerms(text: string, words: boolean): string[] {
  const s = fold(text);
  return foldedTerms(s, words ? segmentWords([s])[0] : []);
}

/** The terms of a string already folded, plus the given words. */
export function foldedTerms(s: string, words: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const m of s.matchAll(CJK_RUN)) {
    const run = m[0];
    if (!IS_CJK.test(run)) {
      terms.add(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
    terms.add(run[run.length - 1]);
  }
  for (const w of words) terms.add(w);
  return [...terms];
}

/**
 * The segmenter's CJK words longer than a bigram in each of `texts` (folded), segmenting them
 * joined by newlines in one call: Intl.Segmenter costs ~14 µs a call in Chromium, several
 * times what the words of a short title cost when many titles share a call. A newline is a
 * word boundary, so every text gets the words it would get alone.
 */
export function segmentWords(texts: readonly string[]): string[][] {
  const out: string[][] = texts.map(() => []);
  const seg = getSegmenter();
  if (!seg) return out;
  // Bounded: segmenting one very long string grows faster than its length (measured in Node's ICU).
  for (let from = 0; from < texts.length; from += SEGMENT_BATCH) {
    const to = Math.min(texts.length, from + SEGMENT_BATCH);
    let t = from;
    let end = texts[t].length;
    for (const w of seg.segment(texts.slice(from, to).join('\n'))) {
      while (w.index >= end && t < to - 1) {
        t++;
        end += 1 + texts[t].length;
      }
      if (w.isWordLike && w.segment.length > 2 && IS_CJK.test(w.segment) && !out[t].includes(w.segment)) out[t].push(w.segment);
    }
  }
  return out;
}

/** Texts segmented in one call. */
const SEGMENT_BATCH = 128;

/** Segmenter words of a query longer than a bigram: matched (optionally) against the indexed words, for ranking. */
export function queryWords(query: string): string[] {
  const seg = getSegmenter();
  if (!seg) return [];
  const words = new Set<string>();
  for (const w of seg.segment(fold(query))) {
    if (w.isWordLike && w.segment.length > 2 && IS_CJK.test(w.segment)) words.add(w.segment);
  }
  return [...words];
}

/** Query-side terms: the bigrams of each CJK run (a 1-character run as itself), other words whole. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of fold(query).matchAll(CJK_RUN)) {
    const run = m[0];
    if (!IS_CJK.test(run) || run.length === 1) terms.push(run);
    else for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  }
  return [...new Set(terms)];
}

/**
 * The query terms that also match longer index terms starting with them: a single CJK character
 * (every character of the index starts a bigram or ends a run), and the last term when it is not
 * CJK (a number or word still being typed). Earlier numbers are whole: 2 in 中发[2017]2号 is 2,
 * not 26 or 2088, and expanding it would visit every number of the index.
 */
export function prefixTerms(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  terms.forEach((t, i) => {
    if (IS_CJK.test(t) ? t.length === 1 : i === terms.length - 1) out.add(t);
  });
  return out;
}
