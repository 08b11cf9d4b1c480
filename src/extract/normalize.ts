/**
 * String normalisation used to compare names across documents. Display strings keep the text as
 * written; only keys and comparisons go through these functions.
 */

import { normaliseDocNumber } from '../model/docnumber';
import { memoizeString } from './memo';
import { isSpaceCode } from './find/sentence';

const DASHES = /[—–－‐‑‒―~～]/g;
const QUOTES = /[“”"'‘’「」『』]/g;
const WS = /\s+/g;

/**
 * Removes whitespace that sits between two CJK characters or CJK punctuation (typesetting noise),
 * turns every other run of whitespace into one space, and trims. One pass by code unit: it is run
 * on the text of every task (the regex version was the costliest single line of the extraction).
 * Its oracle in the tests is that regex version:
 *   s.replace(/([CJK])\s+(?=[CJK])/g, '$1').replace(/\s+/g, ' ').trim()
 * A whitespace run goes when the characters on both sides of it are CJK (a match starting inside
 * a run, at U+3000, which is both CJK and whitespace, leaves some whitespace before it: one space
 * either way).
 */
export function squeezeCjkSpaces(s: string): string {
  const n = s.length;
  let parts: string[] | undefined;
  let from = 0; // start of the text not copied yet
  for (let i = 0; i < n; i++) {
    if (!isSpaceCode(s.charCodeAt(i))) continue;
    const a = i;
    while (i + 1 < n && isSpaceCode(s.charCodeAt(i + 1))) i++;
    const b = i + 1; // the run is [a, b)
    parts ??= [];
    parts.push(s.slice(from, a));
    const between = a > 0 && b < n;
    if (between && !(isCjkSide(s.charCodeAt(a - 1)) && isCjkSide(s.charCodeAt(b)))) parts.push(' ');
    from = b;
  }
  if (!parts) return s;
  parts.push(s.slice(from));
  return parts.join('');
}

/** The characters squeezeCjkSpaces joins across whitespace: CJK punctuation and ideographs, full-width forms, ( ) , */
function isCjkSide(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || c === 0x28 || c === 0x29 || c === 0x2c;
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
