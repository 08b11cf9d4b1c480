/** Evidence records: where a link was read, with its sentence quoted from the decoded text. */
import type { Evidence } from '../model';
import type { Span } from './types';
import { sentenceAround } from './find/sentence';

/** A document being extracted: its decoded text (as written) and the cleaned work text (same length). */
export interface DocText {
  sourceId: string;
  /** The decoded text: what evidence offsets and quotes refer to. */
  text: string;
  /** The cleaned text the finders scan: same length, boilerplate blanked, widths folded. */
  work: string;
}

export function evidenceAt(doc: DocText, start: number, end: number, within: Span, pin?: string): Evidence {
  const q = sentenceAround(doc.work, start, end, within);
  const ev: Evidence = { sourceId: doc.sourceId, start, end, quote: doc.text.slice(q.start, q.end), quoteStart: q.start };
  if (pin) ev.pin = pin;
  return ev;
}
