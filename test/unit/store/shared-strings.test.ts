import { describe, expect, it } from 'vitest';
import { shareNodeStrings } from '../../../src/store/shared-strings';
import { seedGraph } from '../../support/seeds';

describe('shareNodeStrings', () => {
  it('keeps every row of the seeds as it was and collects only the repeated fields’ values', async () => {
    const { graph } = await seedGraph();
    const rows = structuredClone(graph.nodes);
    const table = new Map<string, string>();
    for (const r of rows) shareNodeStrings(r, table);
    expect(rows).toStrictEqual(graph.nodes);
    // Types, levels, outline numbers and policy ids are shared; ids, labels and texts are not.
    for (const v of ['task', 'policy', 'municipal', '1']) expect(table.get(v)).toBe(v);
    const task = graph.nodes.find((n) => n.type === 'task')!;
    expect(table.has(task.policyId)).toBe(true);
    expect(table.has(task.id)).toBe(false);
    expect(table.has(task.text)).toBe(false);
    // The point: far fewer strings than the values they stand for.
    const values = graph.nodes.reduce((k, n) => k + ['type', 'level', 'region', 'policyId', 'sourceId'].filter((f) => f in n).length + ('path' in n ? n.path.length : 0), 0);
    expect(table.size).toBeLessThan(values / 10);
  });
});
