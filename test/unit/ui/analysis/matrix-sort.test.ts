import { beforeAll, describe, expect, it } from 'vitest';
import { adoptionMatrix, type AdoptionMatrix } from '../../../../src/graph/adoption';
import { matrixTable } from '../../../../src/ui/analysis/matrix-sort';
import { seeds } from './corpus';

let m: AdoptionMatrix;
beforeAll(async () => {
  m = adoptionMatrix(await seeds());
});

const cellTasks = (t: ReturnType<typeof matrixTable>) =>
  t.rows.reduce((sum, r) => sum + t.columns.reduce((s, c) => s + (t.cell(r.id, c.key)?.tasks.length ?? 0), 0), 0);

describe('adoption matrix table', () => {
  it('holds every cell of the matrix, by region and by year alike', () => {
    const total = m.cells.reduce((s, c) => s + c.tasks.length, 0);
    const byRegion = matrixTable(m, 'regions', 'spread', 'first');
    const byYear = matrixTable(m, 'years', 'spread', 'first');
    expect(cellTasks(byRegion)).toBe(total);
    expect(cellTasks(byYear)).toBe(total);
    expect(byRegion.rows.length).toBe(m.programs.length);
    const row = byRegion.rows.find((r) => r.label === '县管校聘')!;
    expect(row.spread).toBeGreaterThanOrEqual(3);
  });

  it('sorts programmes by spread (widest first), by name, and reverses on request', () => {
    const spread = matrixTable(m, 'regions', 'spread', 'first').rows;
    for (let i = 1; i < spread.length; i++) expect(spread[i - 1].spread).toBeGreaterThanOrEqual(spread[i].spread);
    const names = matrixTable(m, 'regions', 'label', 'first').rows.map((r) => r.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh')));
    const reversed = matrixTable(m, 'regions', 'label', 'first', true).rows.map((r) => r.label);
    expect(reversed).toEqual([...names].reverse());
    const first = matrixTable(m, 'regions', 'first', 'first').rows.map((r) => r.firstYear ?? Infinity);
    for (let i = 1; i < first.length; i++) expect(first[i - 1]).toBeLessThanOrEqual(first[i]);
  });

  it('orders year columns chronologically and region columns by first adoption, unknown last', () => {
    const years = matrixTable(m, 'years', 'spread', 'first').columns.map((c) => c.key);
    const known = years.filter((k): k is string => k !== null).map(Number);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    if (years.includes(null)) expect(years.at(-1)).toBeNull();
    const regions = matrixTable(m, 'regions', 'spread', 'first').columns;
    const firsts = regions.filter((c) => c.key !== null).map((c) => c.firstYear ?? Infinity);
    for (let i = 1; i < firsts.length; i++) expect(firsts[i - 1]).toBeLessThanOrEqual(firsts[i]);
    const byCount = matrixTable(m, 'regions', 'spread', 'count', false).columns.filter((c) => c.key !== null).map((c) => c.count);
    for (let i = 1; i < byCount.length; i++) expect(byCount[i - 1]).toBeGreaterThanOrEqual(byCount[i]);
  });
});
