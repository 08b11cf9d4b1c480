/** Sentence and clause windows around a mention, for evidence quotes and verb reading. */
import type { Span } from '../types';

// Character tests by code unit: text[i] on CJK text allocates a one-character string per step,
// and these loops run around every mention.

/** 。！？!? and the line break. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
}

/** A sentence end, or ；;，,：: */
function isClauseEnd(c: number): boolean {
  return isSentenceEnd(c) || c === 0xff1b || c === 0x3b || c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a;
}

/** What /\s/ matches. */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The sentence containing [start, end), clipped to `within` and to `max` characters each side. */
export function sentenceAround(text: string, start: number, end: number, within: Span, max = 120): Span {
  let s = start;
  const lo = Math.max(within.start, start - max);
  while (s > lo && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = end;
  const hi = Math.min(within.end, end + max);
  while (e < hi && !isSentenceEnd(text.charCodeAt(e))) e++;
  if (e < hi && text.charCodeAt(e) !== 0x0a) e++; // keep the sentence's own 。
  while (s < start && isSpaceCode(text.charCodeAt(s))) s++;
  return { start: s, end: e };
}

/** The clause before `pos` (back to the previous clause punctuation), at most `max` characters. */
export function clauseBefore(text: string, pos: number, max: number): string {
  let s = pos;
  const lo = Math.max(0, pos - max);
  while (s > lo && !isClauseEnd(text.charCodeAt(s - 1))) s--;
  return text.slice(s, pos);
}

/** The clause after `pos` (up to the next clause punctuation), at most `max` characters. */
export function clauseAfter(text: string, pos: number, max: number): string {
  let e = pos;
  const hi = Math.min(text.length, pos + max);
  while (e < hi && !isClauseEnd(text.charCodeAt(e))) e++;
  return text.slice(pos, e);
}
