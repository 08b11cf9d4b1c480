/**
 * Outlines: runs of lines that hold only section headings and short numbered titles (a
 * compilation's per-document table of contents). They must not duplicate a full text's tasks, yet
 * a policy that exists only as an outline takes its tasks from it.
 */
import type { TaskDraft } from '../types';
import type { Line } from './lines';
import { scanMarkers, type Marker } from './markers';
import { acceptMarkers, tasksFromMarkers } from './structure';
import { isSpaceCode } from '../find/sentence';

const MARKER_LINE = /^(?:[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,3}[.．、]?)\s*(\S.*)$/u;

/** Units MARKER_LINE can start with: a line starting otherwise (most prose) is not matched at all. */
const MARKER_FIRST_UNITS = new Set([...'一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾(（0123456789'].map((c) => c.charCodeAt(0)));

/** A line that is only a marker and a short title (no sentence punctuation). */
export function isOutlineLine(line: Line): boolean {
  if (!MARKER_FIRST_UNITS.has(line.trimmed.charCodeAt(0))) return false;
  const m = MARKER_LINE.exec(line.trimmed);
  if (!m) return false;
  // The title without whitespace has 2 to 40 units and no sentence punctuation (counted, not copied:
  // the marker of a long paragraph's first line is followed by the whole paragraph).
  const rest = m[1];
  let units = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (isSpaceCode(c)) continue;
    if (++units > 40 || SENTENCE_PUNCTUATION.has(c)) return false;
  }
  return units >= 2;
}

const SENTENCE_PUNCTUATION = new Set([...'。；;！!？?'].map((c) => c.charCodeAt(0)));

export interface LineRun {
  first: number;
  last: number;
}

/** Runs of ≥ 4 outline lines (blank lines allowed inside) with at least 2 numbered items. */
export function findOutlineRuns(lines: Line[], excluded: Set<number>): LineRun[] {
  const runs: LineRun[] = [];
  let first = -1;
  let last = -1;
  let count = 0;
  let items = 0;
  const close = () => {
    if (first >= 0 && count >= 4 && items >= 2) runs.push({ first, last });
    first = -1;
    count = 0;
    items = 0;
  };
  for (const line of lines) {
    if (!line.trimmed) continue;
    if (!excluded.has(line.index) && isOutlineLine(line)) {
      if (first < 0) first = line.index;
      last = line.index;
      count++;
      if (/^\d/.test(line.trimmed)) items++;
    } else {
      close();
    }
  }
  close();
  return runs;
}

/**
 * Splits an outline run into the outlines of consecutive documents: a new document starts where
 * item numbering falls back to 1 with no heading of a later ordinal in between (a restart under a
 * new 二、 or (二) belongs to the same document).
 */
export function splitOutlineRun(text: string, lines: Line[], run: LineRun): Marker[][] {
  const from = lines[run.first].start;
  const to = lines[run.last].end;
  const markers = scanMarkers(text, from, to).filter((m) => m.lineStart && !m.legal);
  const blocks: Marker[][] = [];
  let current: Marker[] = [];
  let pendingHeadings: Marker[] = [];
  let lastItem = 0;
  for (const m of markers) {
    if (m.kind !== 'item') {
      pendingHeadings.push(m);
      continue;
    }
    const restart = m.ordinal === 1 && lastItem > 1 && pendingHeadings.every((h) => h.ordinal === 1);
    if (restart && current.length) {
      blocks.push(current);
      current = [];
    }
    current.push(...pendingHeadings, m);
    pendingHeadings = [];
    lastItem = m.ordinal;
  }
  current.push(...pendingHeadings);
  if (current.length) blocks.push(current);
  return blocks;
}

/** Tasks of one outline block (marked fromOutline). */
export function outlineTasks(text: string, block: Marker[]): TaskDraft[] {
  if (!block.length) return [];
  const end = lineEndAfter(text, block[block.length - 1].start);
  return tasksFromMarkers(text, acceptMarkers(block, end), true);
}

function lineEndAfter(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}
