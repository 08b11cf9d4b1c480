/** Small text helpers shared by the name finders (pure, no DOM, no Node APIs). */

/** Removes every whitespace character (typesetting spaces inside words: '党组 织' → '党组织'). */
export function stripSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}

/** True for a character that ends a phrase: sentence and clause punctuation, brackets, line breaks. */
export function isBoundaryChar(ch: string | undefined): boolean {
  return ch === undefined || /[\s,，。;；:：!！?？、"“”‘’'《》〈〉<>()（）【】\[\]{}|/]/.test(ch);
}

/** Does `text` contain one of `words` ending exactly at `end` (exclusive)? Returns the longest such word. */
export function wordEndingAt(text: string, end: number, words: ReadonlySet<string>, maxLen: number): string | undefined {
  for (let len = Math.min(maxLen, end); len >= 1; len--) {
    const w = text.slice(end - len, end);
    if (words.has(w)) return w;
  }
  return undefined;
}

/** Does `text` contain one of `words` starting exactly at `start`? Returns the longest such word. */
export function wordStartingAt(text: string, start: number, words: ReadonlySet<string>, maxLen: number): string | undefined {
  for (let len = Math.min(maxLen, text.length - start); len >= 1; len--) {
    const w = text.slice(start, start + len);
    if (words.has(w)) return w;
  }
  return undefined;
}

export function maxLength(words: Iterable<string>): number {
  let m = 0;
  for (const w of words) m = Math.max(m, w.length);
  return m;
}

/** Ranges of 《…》 titles (and 〈…〉 inside them), so finders can skip names that are part of a cited title. */
export function titleRanges(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /《[^《》\n]{1,200}》/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Is [start, end) inside one of the sorted, non-overlapping `ranges`? Binary search. */
export function insideRanges(ranges: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid]!;
    if (e <= start) lo = mid + 1;
    else if (s >= end) hi = mid - 1;
    else return s <= start && end <= e;
  }
  return false;
}

/** Sorts mentions by start and drops overlapping ones, keeping the longest name of each overlap. */
export function dedupeMentions<T extends { start: number; end: number; name: string }>(items: T[]): T[] {
  const byLength = [...items].sort(
    (a, b) => b.name.length - a.name.length || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // `kept` stays sorted by start and non-overlapping, so one binary search tells whether a span is free.
  const kept: T[] = [];
  for (const m of byLength) {
    if (m.name.length === 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = kept[lo - 1];
    const next = kept[lo];
    if (prev && prev.end > m.start) continue;
    if (next && next.start < m.end) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}
