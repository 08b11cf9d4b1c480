/**
 * Tables of contents of compilations: numbered lines 1..K whose entries are document titles,
 * possibly followed by a page number ('2.市教育局2024年工作要点19', '1.' / '市教育局2024年工作要点 2').
 */
import { looksLikeTitle, type Line } from './lines';

export interface TocEntry {
  n: number;
  /** The title (page number removed), or null when the entry is blank. */
  title: string | null;
}

export interface Toc {
  entries: TocEntry[];
  /** Indices of the lines the table of contents occupies. */
  lineIndices: number[];
}

const ENTRY = /^(\d{1,2})\s*[.、．]\s*(.*)$/u;

/** ENTRY.exec(line), skipping the regex for a line that does not start with a digit (most lines). */
function entryOf(line: string): RegExpExecArray | null {
  const c = line.charCodeAt(0);
  return c >= 0x30 && c <= 0x39 ? ENTRY.exec(line) : null;
}

/** Splits a trailing page number off a title-like entry: '…工作要点19' → '…工作要点'. */
function entryTitle(rest: string): string | null {
  const t = rest.trim();
  if (!t) return null;
  const m = /^(.*?)[\s.…·]*(\d{1,4})$/u.exec(t);
  const candidate = m && looksLikeTitle(m[1]) ? m[1] : t;
  return looksLikeTitle(candidate) ? candidate.trim() : null;
}

export function findTocs(lines: Line[]): Toc[] {
  const tocs: Toc[] = [];
  const nonEmpty = lines.filter((l) => l.trimmed);
  let i = 0;
  while (i < nonEmpty.length) {
    const entries: TocEntry[] = [];
    const used: number[] = [];
    let j = i;
    while (j < nonEmpty.length) {
      const m = entryOf(nonEmpty[j].trimmed);
      if (!m || Number(m[1]) !== entries.length + 1) break;
      let title = entryTitle(m[2]);
      used.push(nonEmpty[j].index);
      // An entry whose title sits on the next line: '1.' / '市教育局2024年工作要点 2'.
      if (!m[2].trim() && j + 1 < nonEmpty.length && !entryOf(nonEmpty[j + 1].trimmed)) {
        const next = entryTitle(nonEmpty[j + 1].trimmed);
        if (next) {
          title = next;
          used.push(nonEmpty[j + 1].index);
          j++;
        }
      } else if (m[2].trim() && !title) {
        break; // a numbered line that is not a title: not a table of contents
      }
      entries.push({ n: entries.length + 1, title });
      j++;
    }
    const titled = entries.filter((e) => e.title).length;
    if (entries.length >= 2 && titled >= 2) {
      tocs.push({ entries, lineIndices: used.slice(0, used.length) });
      i = j;
    } else {
      i++;
    }
  }
  return tocs;
}

/** Merges several tables of contents of one compilation: each entry takes the first title given. */
export function mergeTocs(tocs: Toc[]): TocEntry[] {
  const k = Math.max(...tocs.map((t) => t.entries.length));
  const out: TocEntry[] = [];
  for (let n = 1; n <= k; n++) {
    const title = tocs.map((t) => t.entries[n - 1]?.title).find((x) => x) ?? null;
    out.push({ n, title });
  }
  return out;
}
