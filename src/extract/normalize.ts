/**
 * String normalisation used to compare names across documents. Display strings keep the text as
 * written; only keys and comparisons go through these functions.
 */

import { normaliseDocNumber } from '../model/docnumber';
import { memoizeString } from './memo';

const DASHES = /[—–－‐‑‒―~～]/g;
const QUOTES = /[“”"'‘’「」『』]/g;
const WS = /\s+/g;

/** Removes whitespace that sits between two CJK characters or CJK punctuation (typesetting noise). */
export function squeezeCjkSpaces(s: string): string {
  return s
    .replace(/([\u3000-\u303f\u3400-\u9fff\uff00-\uffef（）(),，、])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef（）(),，、])/g, '$1')
    .replace(WS, ' ')
    .trim();
}

/** The comparison key of a document title: width, dashes, quotes, brackets and spaces normalised. */
export const titleKey: (title: string) => string = memoizeString(computeTitleKey);

function computeTitleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(WS, '')
    .replace(DASHES, '-')
    .replace(QUOTES, '')
    .replace(/[〈《]/g, '《')
    .replace(/[〉》]/g, '》')
    .replace(/^《+|》+$/g, '');
}

/** The comparison key of a 文号 (the contract's canonical spelling). */
export const docNumberKey: (docNumber: string) => string = memoizeString(normaliseDocNumber);

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100 };
const STD = '〇一二三四五六七八九';

/** Parses a Chinese numeral (ordinary or financial, up to the hundreds); NaN if it is not one. */
export function parseChineseNumeral(s: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      total += (digit < 0 ? 1 : digit) * CN_UNITS[ch];
      digit = -1;
    } else {
      return NaN;
    }
  }
  if (digit >= 0) total += digit;
  return s.length ? total : NaN;
}

/** Writes n (1..199) in ordinary Chinese numerals: 12 → 十二, 20 → 二十. */
export function toChineseNumeral(n: number): string {
  if (n < 10) return STD[n];
  if (n < 20) return '十' + (n % 10 ? STD[n % 10] : '');
  if (n < 100) return STD[Math.floor(n / 10)] + '十' + (n % 10 ? STD[n % 10] : '');
  const rest = n % 100;
  return STD[Math.floor(n / 100)] + '百' + (rest ? (rest < 10 ? '零' + STD[rest] : toChineseNumeral(rest).replace(/^十/, '一十')) : '');
}
