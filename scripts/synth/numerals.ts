/** 1..99 in ordinary Chinese numerals (一, 十二, 二十): section markers 一、 and (一). */
const STD = '〇一二三四五六七八九';
export function toChineseNumeral(n: number): string {
  if (n < 10) return STD[n];
  if (n < 20) return '十' + (n % 10 ? STD[n % 10] : '');
  return STD[Math.floor(n / 10)] + '十' + (n % 10 ? STD[n % 10] : '');
}
