/**
 * The full-text search results as a spreadsheet: one row per match with the sentence it is in
 * and where it comes from. Same CSV rules as the graph exports (src/graph/export/csv.ts): UTF-8
 * with BOM, English column names, formula-like cells neutralised.
 */
import Papa from 'papaparse';
import { neutraliseCell, withBom } from '../../graph/export/csv';
import type { TaskMatch } from '../../graph/fulltext';
import type { PolicyGraph } from '../../graph/load';

export const FULLTEXT_COLUMNS = ['phrase', 'sentence', 'region', 'year', 'policy_title', 'task', 'task_id', 'policy_id', 'source_id', 'text_offset'] as const;

const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence of `text` around [start, end): from after the previous 。！？；or line break to the next one (included). */
export function sentenceAt(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

export type FulltextRecord = Record<(typeof FULLTEXT_COLUMNS)[number], string | number | undefined>;

export function fulltextRecords(g: PolicyGraph, phrase: string, matches: readonly TaskMatch[]): FulltextRecord[] {
  return matches.map((m) => {
    const task = g.hasNode(m.taskId) ? g.getNodeAttributes(m.taskId) : undefined;
    const text = task?.type === 'task' ? task.text : '';
    const length = m.matchEnd - m.matchStart;
    return {
      phrase,
      sentence: sentenceAt(text, m.textOffset, m.textOffset + length),
      region: m.region,
      year: m.year,
      policy_title: g.hasNode(m.policyId) ? g.getNodeAttribute(m.policyId, 'label') : undefined,
      task: task?.type === 'task' ? `${task.path.join(' ')} ${task.title}`.trim() : undefined,
      task_id: m.taskId,
      policy_id: m.policyId,
      source_id: m.sourceId,
      text_offset: m.textOffset,
    };
  });
}

/** CSV bytes (UTF-8 with BOM) of the records. */
export function fulltextCsv(records: readonly FulltextRecord[]): Uint8Array {
  const data = records.map((r) => FULLTEXT_COLUMNS.map((c) => {
    const v = r[c];
    return v === undefined ? '' : typeof v === 'string' ? neutraliseCell(v) : String(v);
  }));
  return withBom(Papa.unparse({ fields: [...FULLTEXT_COLUMNS], data }, { newline: '\r\n', quotes: false }));
}
