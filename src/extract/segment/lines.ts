/** Lines of a text with their offsets, and the line-level predicates segmentation uses. */

export interface Line {
  /** Index of the line in the text. */
  index: number;
  start: number;
  /** Offset of the line end (the newline itself is excluded). */
  end: number;
  /** The line with surrounding whitespace trimmed. */
  trimmed: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  if (from > to) return lines;
  let start = from;
  let index = 0;
  for (;;) {
    let i = text.indexOf('\n', start);
    if (i < 0 || i >= to) i = to;
    let end = i;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    lines.push({ index: index++, start, end, trimmed: text.slice(start, end).trim() });
    if (i >= to) break;
    start = i + 1;
  }
  return lines;
}

/** splitLines(text, from, to).slice(-count), without splitting the lines before them. */
export function lastLines(text: string, from: number, to: number, count: number): Line[] {
  if (from > to || count <= 0) return [];
  const bounds: Array<[number, number]> = [];
  let end = to;
  for (;;) {
    const nl = end > from ? text.lastIndexOf('\n', end - 1) : -1;
    const start = nl >= from ? nl + 1 : from;
    bounds.push([start, end]);
    if (nl < from || bounds.length === count) break;
    end = nl;
  }
  // Line indices count from `from`: the lines before these are only counted.
  let first = 0;
  const firstStart = bounds[bounds.length - 1][0];
  for (let i = text.indexOf('\n', from); i >= 0 && i < firstStart; i = text.indexOf('\n', i + 1)) first++;
  return bounds.reverse().map(([start, lineEnd], k) => {
    let e = lineEnd;
    if (e > start && text.charCodeAt(e - 1) === 0x0d) e--;
    return { index: first + k, start, end: e, trimmed: text.slice(start, e).trim() };
  });
}

/** Document-type words a policy or document title ends in, longest first. */
export const KIND_WORDS = [
  '工作要点', '要点', '实施方案', '行动方案', '工作方案', '方案', '实施意见', '指导意见', '若干意见', '意见',
  '通知', '规划', '行动计划', '计划', '纲要', '指南', '实施办法', '管理办法', '办法', '实施细则', '细则',
  '规定', '条例', '决定', '标准', '准则', '规程', '清单', '规范', '措施', '法', '公告', '通告', '批复',
  '决议', '章程', '守则', '制度', '报告',
] as const;

const TITLE_END = new RegExp(
  `(?:${KIND_WORDS.join('|')})(?:[(（][^()（）]{0,16}[)）])?$`,
  'u',
);

/** A line that reads like a policy title: short, no sentence end, ends in a document-type word. */
export function looksLikeTitle(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  if (t.length < 6 || t.length > 90) return false;
  if (/[。；;！!？?]/.test(t)) return false;
  if (/^[(（]?[一二三四五六七八九十\d]+[、.．)）]/.test(t)) return false;
  return TITLE_END.test(t);
}
