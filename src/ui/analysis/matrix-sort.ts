/**
 * The adoption matrix as the table shows it: rows (programmes) and columns (regions, or years)
 * in the order the analyst chose, and the cell for each pair. Pure; sorting is stable and
 * deterministic (ties by label).
 */
import type { AdoptionMatrix, AdoptionTask } from '../../graph/adoption';

export type MatrixColumns = 'regions' | 'years';
export type RowSort = 'spread' | 'tasks' | 'label' | 'first';
export type ColumnSort = 'first' | 'label' | 'count';

export interface MatrixCell {
  tasks: AdoptionTask[];
  firstYear: number | null;
  years: number[];
}

export interface MatrixColumn {
  /** A region name, a year as a string, or null for unknown. */
  key: string | null;
  /** Programmes adopted in this column. */
  count: number;
  firstYear: number | null;
}

export interface MatrixRow {
  id: string;
  label: string;
  /** Columns with at least one task. */
  spread: number;
  tasks: number;
  firstYear: number | null;
}

export interface MatrixTable {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  cell(rowId: string, column: string | null): MatrixCell | undefined;
}

const byLabel = (a: string | null, b: string | null) => (a ?? '\uffff').localeCompare(b ?? '\uffff', 'zh');
const byYear = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);

export function matrixTable(m: AdoptionMatrix, columns: MatrixColumns, rowSort: RowSort, columnSort: ColumnSort, descending = false): MatrixTable {
  const cells = new Map<string, MatrixCell>();
  const key = (row: string, col: string | null) => `${row}\u0000${col ?? ''}`;
  for (const c of m.cells) {
    if (columns === 'regions') {
      cells.set(key(c.programId, c.region), { tasks: c.tasks, firstYear: c.firstYear, years: c.years });
    } else {
      for (const t of c.tasks) {
        const k = key(c.programId, t.year == null ? null : String(t.year));
        const cell = cells.get(k) ?? { tasks: [], firstYear: t.year, years: t.year == null ? [] : [t.year] };
        cell.tasks.push(t);
        cells.set(k, cell);
      }
    }
  }
  const colKeys: (string | null)[] = columns === 'regions' ? [...m.regions] : [...m.years.map(String), ...(m.cells.some((c) => c.tasks.some((t) => t.year == null)) ? [null] : [])];
  const cols: MatrixColumn[] = colKeys.map((k) => {
    let count = 0;
    let first: number | null = null;
    for (const p of m.programs) {
      const c = cells.get(key(p.id, k));
      if (!c) continue;
      count++;
      if (c.firstYear != null && (first == null || c.firstYear < first)) first = c.firstYear;
    }
    return { key: k, count, firstYear: first };
  });
  const rows: MatrixRow[] = m.programs.map((p) => {
    let spread = 0;
    let tasks = 0;
    let first: number | null = null;
    for (const k of colKeys) {
      const c = cells.get(key(p.id, k));
      if (!c) continue;
      spread++;
      tasks += c.tasks.length;
      if (c.firstYear != null && (first == null || c.firstYear < first)) first = c.firstYear;
    }
    return { id: p.id, label: p.label, spread, tasks, firstYear: first };
  });
  const sign = descending ? -1 : 1;
  const rowCmp: Record<RowSort, (a: MatrixRow, b: MatrixRow) => number> = {
    // Most widely adopted first by default (descending flips it).
    spread: (a, b) => b.spread - a.spread || b.tasks - a.tasks,
    tasks: (a, b) => b.tasks - a.tasks || b.spread - a.spread,
    label: (a, b) => byLabel(a.label, b.label),
    first: (a, b) => byYear(a.firstYear, b.firstYear),
  };
  rows.sort((a, b) => sign * rowCmp[rowSort](a, b) || byLabel(a.label, b.label));
  const colCmp: Record<ColumnSort, (a: MatrixColumn, b: MatrixColumn) => number> = {
    first: (a, b) => (columns === 'years' ? byYear(a.key == null ? null : Number(a.key), b.key == null ? null : Number(b.key)) : byYear(a.firstYear, b.firstYear)),
    label: (a, b) => byLabel(a.key, b.key),
    count: (a, b) => b.count - a.count,
  };
  // Unknown stays last whatever the order.
  cols.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || sign * colCmp[columnSort](a, b) || byLabel(a.key, b.key));
  return { rows, columns: cols, cell: (row, col) => cells.get(key(row, col)) };
}
