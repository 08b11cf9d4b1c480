/**
 * From marker candidates to a policy's structure: keeps the markers whose numbering is
 * consistent (each section, subsection and item follows its predecessor, items may restart under
 * a new heading) and turns them into tasks with normalised paths and titles.
 */
import type { TaskDraft } from '../types';
import { squeezeCjkSpaces, toChineseNumeral } from '../normalize';
import type { Marker } from './markers';
import { isSpaceCode } from '../find/sentence';

/** Subsections that frame a plan rather than assign work (总体要求's 指导思想, 总体目标 …). */
const FRAMING = /^(指导思想|总体目标|基本原则|主要目标|工作目标|发展目标|总体要求|总体思路|工作思路|工作原则|基本要求|目标任务|发展思路|重要意义|适用范围|编制依据|发展基础|面临形势|现实基础)/u;

export interface AcceptedMarker extends Marker {
  /** End of this marker's scope: the next accepted marker (or the body end). */
  end: number;
}

/** Keeps the markers whose numbering is consistent; `lenient` allows small gaps at line starts. */
export function acceptMarkers(markers: Marker[], bodyEnd: number, text?: string): AcceptedMarker[] {
  const legalItems = markers.filter((m) => m.legal && m.kind === 'item').length;
  const pool = legalItems >= 3 ? markers.filter((m) => m.legal) : markers.filter((m) => !m.legal);
  let sec = 0;
  let sub = 0;
  // Many national documents number subsections across sections: 一、(一)(二) 二、(三)(四).
  let lastSub = 0;
  let item = 0;
  let headingSinceItem = true;
  let kept: Marker[] = [];
  // Headings kept so far are only a table of contents (short lines, no sentence between them).
  const onlyTableOfContents = (upTo: number): boolean =>
    text !== undefined &&
    kept.length > 0 &&
    kept.every((k) => k.kind !== 'item') &&
    kept.every((k, j) => {
      const next = j + 1 < kept.length ? kept[j + 1].start : upTo;
      const between = text.slice(k.contentStart, next);
      return between.length <= 60 && !/[。；;]/.test(between);
    });
  // A gap in the numbering is accepted only when the expected number does not come soon after
  // (an outline that skips an item), so a stray '5.' between '2.' and '3.' is dropped.
  const expectedSoon = (i: number, kind: Marker['kind'], want: number): boolean => {
    for (let j = i + 1; j < Math.min(pool.length, i + 12); j++) {
      const o = pool[j];
      if (o.kind === kind && o.ordinal === want) return true;
      if (o.kind !== 'item' && o.kind !== kind) return false;
    }
    return false;
  };
  pool.forEach((m, i) => {
    const gapOk = (last: number) => m.lineStart && m.ordinal > last + 1 && m.ordinal <= last + 3 && !expectedSoon(i, m.kind, last + 1);
    if (m.kind === 'section') {
      // The real headings begin again after a table of contents (目录 第一章 … 第四章, then 第一章).
      if (m.ordinal === 1 && sec > 0 && m.lineStart && onlyTableOfContents(m.start)) {
        kept = [];
        sec = 0;
        sub = 0;
        lastSub = 0;
      }
      const ok = m.ordinal === sec + 1 || (sec === 0 && m.lineStart) || (sec > 0 && gapOk(sec));
      if (!ok) return;
      sec = m.ordinal;
      sub = 0;
      headingSinceItem = true;
    } else if (m.kind === 'subsection') {
      const continued = sub === 0 && lastSub > 0 && m.ordinal === lastSub + 1;
      const ok = m.ordinal === sub + 1 || continued || (sub > 0 && gapOk(sub));
      if (!ok) return;
      sub = m.ordinal;
      lastSub = m.ordinal;
      headingSinceItem = true;
    } else {
      if (m.bare && !(m.lineStart && m.ordinal === item + 1)) return;
      const next = m.ordinal === item + 1;
      const restart = m.ordinal === 1 && headingSinceItem;
      // A text that starts mid-numbering (an excerpt, a truncated page) starts where it starts.
      const firstOfText = item === 0 && m.lineStart && !m.bare && !expectedSoon(i, 'item', 1);
      if (!(next || restart || firstOfText || (item > 0 && gapOk(item)))) return;
      item = m.ordinal;
      headingSinceItem = false;
    }
    kept.push(m);
  });
  // Written out rather than spread ({ ...m, end }): a spread copy per marker was a tenth of segmentation.
  return kept.map((m, i) => ({
    kind: m.kind,
    ordinal: m.ordinal,
    start: m.start,
    contentStart: m.contentStart,
    lineStart: m.lineStart,
    bare: m.bare,
    legal: m.legal,
    end: i + 1 < kept.length ? kept[i + 1].start : bodyEnd,
  }));
}

export function sectionLabel(m: Marker): string {
  if (m.kind === 'section') return toChineseNumeral(m.ordinal);
  if (m.kind === 'subsection') return `(${toChineseNumeral(m.ordinal)})`;
  return String(m.ordinal);
}

/** The heading text after a marker: up to the end of its line, its first 。, or its scope's end. */
export function headingText(text: string, m: AcceptedMarker): string {
  let end = m.end;
  for (let i = m.contentStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x3002) {
      end = i;
      break;
    }
  }
  return squeezeCjkSpaces(text.slice(m.contentStart, end));
}

export function isFramingHeading(title: string): boolean {
  return FRAMING.test(title.replace(/\s+/g, ''));
}

/**
 * Tasks of a body: every accepted item, plus every subsection (or section without subsections)
 * that has no items under it, carries text of its own and is not a framing heading.
 */
export function tasksFromMarkers(text: string, accepted: AcceptedMarker[], fromOutline: boolean): TaskDraft[] {
  const tasks: TaskDraft[] = [];
  // The labels of the current section and subsection, remade only when one of them changes.
  let path: string[] = [];
  let sectionLabelNow: string | null = null;
  for (let i = 0; i < accepted.length; i++) {
    const m = accepted[i];
    if (m.kind === 'section') {
      sectionLabelNow = sectionLabel(m);
      path = [sectionLabelNow];
    } else if (m.kind === 'subsection') {
      path = sectionLabelNow === null ? [sectionLabel(m)] : [sectionLabelNow, sectionLabel(m)];
    }
    if (m.kind === 'item') {
      tasks.push({ path: [...path, sectionLabel(m)], title: headingText(text, m), start: m.start, end: m.end, fromOutline });
      continue;
    }
    // A heading is a leaf task when nothing nested follows it before the next sibling or parent.
    const next = accepted[i + 1];
    const hasChildren = next !== undefined && depth(next) > depth(m);
    if (hasChildren) continue;
    const title = headingText(text, m);
    if (!title || isFramingHeading(title)) continue;
    const hasBody = fromOutline || hasNonSpace(text, m.contentStart + title.length, m.end);
    if (!hasBody) continue;
    tasks.push({ path: [...path], title, start: m.start, end: m.end, fromOutline });
  }
  return tasks;
}

/** Whether text[from, to) holds a character /\S/ matches (what removing whitespace and testing /\S/ did, without the copy). */
export function hasNonSpace(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to && i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

function depth(m: Marker): number {
  return m.kind === 'section' ? 0 : m.kind === 'subsection' ? 1 : 2;
}
