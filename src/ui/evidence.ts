/**
 * Splitting an evidence quote (or a whole source text) around the mention, as plain strings the
 * components render as text nodes — never as HTML, since document text is untrusted.
 */
import type { Evidence } from '../model';

export interface Highlighted {
  before: string;
  mention: string;
  after: string;
}

/** The quote split at the mention; when offsets do not fit the quote, the whole quote is `before`. */
export function splitQuote(ev: Evidence): Highlighted {
  const s = ev.start - ev.quoteStart;
  const e = ev.end - ev.quoteStart;
  if (s < 0 || e > ev.quote.length || e < s) return { before: ev.quote, mention: '', after: '' };
  return { before: ev.quote.slice(0, s), mention: ev.quote.slice(s, e), after: ev.quote.slice(e) };
}

/** The full text split at [start, end), offsets clamped to the text. */
export function splitText(text: string, start: number, end: number): Highlighted {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { before: text.slice(0, s), mention: text.slice(s, e), after: text.slice(e) };
}
