/**
 * Segmentation: a file's text → its policies (a compilation holds several), each with its span,
 * where its body begins and its tasks. Outlines give tasks only where the full text lacks them.
 */
import type { Span, TaskDraft } from '../types';
import { titleKey } from '../normalize';
import { splitLines, type Line } from './lines';
import { scanMarkers } from './markers';
import { acceptMarkers, tasksFromMarkers } from './structure';
import { findOutlineRuns, outlineTasks, splitOutlineRun, type LineRun } from './outline';
import { findTocs, mergeTocs } from './toc';

export interface PolicySegment {
  span: Span;
  bodyStart: number;
  /** The title given by a compilation's table of contents. */
  knownTitle?: string;
  tasks: TaskDraft[];
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Tasks of a full-text body, ignoring markers that lie in outline runs. */
function bodyTasks(text: string, span: Span, skip: Span[]): { tasks: TaskDraft[]; firstMarker?: number } {
  const markers = scanMarkers(text, span.start, span.end).filter((m) => !skip.some((s) => m.start >= s.start && m.start < s.end));
  const accepted = acceptMarkers(markers, span.end, text);
  return { tasks: tasksFromMarkers(text, accepted, false), firstMarker: accepted[0]?.start };
}

/** Full-text tasks first; outline tasks the full text lacks are added when the two agree. */
function mergeWithOutline(full: TaskDraft[], outline: TaskDraft[]): TaskDraft[] {
  if (!outline.length) return full;
  if (!full.length) return outline;
  const key = (t: TaskDraft) => titleKey(t.title).slice(0, 8);
  const fullKeys = new Set(full.map(key));
  const matched = outline.filter((t) => fullKeys.has(key(t))).length;
  if (matched < Math.ceil(Math.min(full.length, outline.length) / 2)) return full;
  return [...full, ...outline.filter((t) => !fullKeys.has(key(t)))];
}

function runSpan(lines: Line[], run: LineRun): Span {
  return { start: lines[run.first].start, end: lines[run.last].end };
}

export function segmentPolicies(text: string): PolicySegment[] {
  const lines = splitLines(text);
  const tocs = findTocs(lines);
  if (tocs.length) {
    const compiled = segmentCompilation(text, lines, tocs);
    if (compiled.length) return compiled;
  }
  const runs = findOutlineRuns(lines, new Set());
  const skip = runs.map((r) => runSpan(lines, r));
  const span = { start: 0, end: text.length };
  const full = bodyTasks(text, span, skip);
  const outline = runs.length ? splitOutlineRun(text, lines, runs[0]).flatMap((b) => outlineTasks(text, b)) : [];
  return [{ span, bodyStart: full.firstMarker ?? skip[0]?.start ?? text.length, tasks: mergeWithOutline(full.tasks, outline) }];
}

function segmentCompilation(text: string, lines: Line[], tocs: ReturnType<typeof findTocs>): PolicySegment[] {
  const entries = mergeTocs(tocs);
  const tocLines = new Set(tocs.flatMap((t) => t.lineIndices));
  const afterToc = Math.max(...tocLines);

  // Each titled entry's heading line, searched in order after the last table of contents.
  const headings: Array<{ entry: number; line: Line } | undefined> = [];
  let cursor = afterToc + 1;
  for (const e of entries) {
    if (!e.title) {
      headings.push(undefined);
      continue;
    }
    const want = compact(e.title);
    const hit = lines.slice(cursor).find((l) => compact(l.trimmed) === want);
    if (hit) {
      headings.push({ entry: e.n, line: hit });
      cursor = hit.index + 1;
    } else headings.push(undefined);
  }
  const found = headings.filter((h): h is { entry: number; line: Line } => !!h);
  const fullSpans = new Map<number, Span>();
  found.forEach((h, k) => {
    const end = k + 1 < found.length ? found[k + 1].line.start : text.length;
    fullSpans.set(h.entry, { start: h.line.start, end });
  });

  // Outline runs outside the full texts, split into per-document outlines, assigned in order.
  const inFull = (l: Line) => [...fullSpans.values()].some((s) => l.start >= s.start && l.start < s.end);
  const excluded = new Set([...tocLines, ...lines.filter(inFull).map((l) => l.index)]);
  const runs = findOutlineRuns(lines, excluded);
  const blocks = runs.flatMap((r) => splitOutlineRun(text, lines, r));

  const out: PolicySegment[] = [];
  entries.forEach((e, i) => {
    const block = blocks[i];
    const outline = block ? outlineTasks(text, block) : [];
    const fullSpan = fullSpans.get(e.n);
    let full: TaskDraft[] = [];
    let bodyStart: number | undefined;
    if (fullSpan) {
      const headingEnd = text.indexOf('\n', fullSpan.start);
      const bodySpan = { start: headingEnd < 0 ? fullSpan.end : headingEnd, end: fullSpan.end };
      const r = bodyTasks(text, bodySpan, []);
      full = r.tasks;
      bodyStart = bodySpan.start;
    }
    const tasks = mergeWithOutline(full, outline);
    if (!fullSpan && !tasks.length) return;
    const span = fullSpan ?? (block ? { start: block[0].start, end: tasks[tasks.length - 1]?.end ?? block[0].start } : { start: 0, end: 0 });
    out.push({ span, bodyStart: bodyStart ?? span.start, knownTitle: e.title ?? undefined, tasks });
  });
  return out;
}
