/**
 * The analyst's text selection in the source-text viewer as offsets into the source's decoded
 * text (UTF-16 code units, as evidence offsets are), and the evidence built from it.
 */
import type { Evidence } from '../../model';

/**
 * Offsets of the current DOM selection inside `container`, whose text content is `text`.
 * Null when nothing is selected there, or when the container's text is not the source's.
 */
export function selectionOffsets(container: Element, text: string): { start: number; end: number } | null {
  const sel = container.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = container.ownerDocument.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const selected = range.toString();
  const end = start + selected.length;
  if (!selected.trim() || text.slice(start, end) !== selected) return null;
  return { start, end };
}

const SENTENCE_END = /[。！？；!?;\n]/;

/** Evidence for [start, end): the quote is the sentence (or sentences) around the selection. */
export function evidenceFromSelection(sourceId: string, text: string, start: number, end: number): Evidence {
  let qs = start;
  while (qs > 0 && !SENTENCE_END.test(text[qs - 1]) && start - qs < 300) qs--;
  let qe = end;
  while (qe < text.length && !SENTENCE_END.test(text[qe - 1] ?? '') && qe - end < 300) qe++;
  // Leading blanks are not part of the sentence.
  while (qs < start && /\s/.test(text[qs])) qs++;
  return { sourceId, start, end, quote: text.slice(qs, qe), quoteStart: qs };
}
