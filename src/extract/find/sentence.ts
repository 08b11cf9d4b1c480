/** Sentence and clause windows around a mention, for evidence quotes and verb reading. */
import type { Span } from '../types';

const SENTENCE_END = /[。！？!?\n]/u;
const CLAUSE_END = /[。！？!?；;，,：:\n]/u;

/** The sentence containing [start, end), clipped to `within` and to `max` characters each side. */
export function sentenceAround(text: string, start: number, end: number, within: Span, max = 120): Span {
  let s = start;
  const lo = Math.max(within.start, start - max);
  while (s > lo && !SENTENCE_END.test(text[s - 1])) s--;
  let e = end;
  const hi = Math.min(within.end, end + max);
  while (e < hi && !SENTENCE_END.test(text[e])) e++;
  if (e < hi && text[e] !== '\n') e++; // keep the sentence's own 。
  while (s < start && /\s/.test(text[s])) s++;
  return { start: s, end: e };
}

/** The clause before `pos` (back to the previous clause punctuation), at most `max` characters. */
export function clauseBefore(text: string, pos: number, max: number): string {
  let s = pos;
  const lo = Math.max(0, pos - max);
  while (s > lo && !CLAUSE_END.test(text[s - 1])) s--;
  return text.slice(s, pos);
}

/** The clause after `pos` (up to the next clause punctuation), at most `max` characters. */
export function clauseAfter(text: string, pos: number, max: number): string {
  let e = pos;
  const hi = Math.min(text.length, pos + max);
  while (e < hi && !CLAUSE_END.test(text[e])) e++;
  return text.slice(pos, e);
}
