/**
 * The canonical spelling of a 文号 (中发〔2019〕26号): the key the extractor resolves documents by
 * and the form search matches queries in, so one function serves both.
 */

// Opening and closing brackets met around the year (after NFKC, which folds ［］（）﹝﹞).
const YEAR_IN_BRACKETS = /[[(【〔〖](\d{4})[\])】〕〗]/g;
const ORDINAL = /〕第(\d+)号/g;
const LEADING_ZEROS = /〕0+(\d)/g;
const SPACES = /\s+/g;

/**
 * NFKC (full-width digits and brackets to ordinary ones), no whitespace, the year in 〔〕 whatever
 * brackets it was written with, 第N号 written N号, no leading zeros in N. Idempotent.
 * normaliseDocNumber('中发 [2019] 第26号') === '中发〔2019〕26号'
 */
export function normaliseDocNumber(s: string): string {
  return s
    .normalize('NFKC')
    .replace(SPACES, '')
    .replace(YEAR_IN_BRACKETS, '〔$1〕')
    .replace(ORDINAL, '〕$1号')
    .replace(LEADING_ZEROS, '〕$1');
}
