import { describe, expect, it } from 'vitest';
import { SharedValues, shareNodeValues } from '../../../src/store/shared-values';
import { seedGraph } from '../../support/seeds';

describe('shareNodeValues', () => {
  it('keeps every row of the seeds as it was and collects only the repeated fields’ values', async () => {
    const { graph } = await seedGraph();
    const rows = structuredClone(graph.nodes);
    const shared = new SharedValues();
    for (const r of rows) shareNodeValues(r, shared);
    expect(rows).toStrictEqual(graph.nodes);
    // Types, levels, outline numbers and policy ids are shared; ids, labels and texts are not.
    for (const v of ['task', 'policy', 'municipal', '1']) expect(shared.strings.get(v)).toBe(v);
    const task = graph.nodes.find((n) => n.type === 'task')!;
    expect(shared.strings.has(task.policyId)).toBe(true);
    expect(shared.strings.has(task.id)).toBe(false);
    expect(shared.strings.has(task.text)).toBe(false);
    // The point: far fewer strings than the values they stand for.
    const values = graph.nodes.reduce((k, n) => k + ['type', 'level', 'region', 'policyId', 'sourceId'].filter((f) => f in n).length + ('path' in n ? n.path.length : 0), 0);
    expect(shared.strings.size).toBeLessThan(values / 10);
  });

  it('gives tasks with the same outline path one frozen list', async () => {
    const { graph } = await seedGraph();
    const rows = structuredClone(graph.nodes).filter((n) => n.type === 'task');
    const shared = new SharedValues();
    for (const r of rows) shareNodeValues(r, shared);
    const count = new Map<string, number>();
    for (const t of rows) if (t.type === 'task') count.set(t.path.join('/'), (count.get(t.path.join('/')) ?? 0) + 1);
    const [common] = [...count].sort((a, b) => b[1] - a[1])[0];
    const ones = rows.filter((t) => t.type === 'task' && t.path.join('/') === common);
    expect(ones.length).toBeGreaterThan(1);
    expect(new Set(ones.map((t) => t.type === 'task' && t.path)).size).toBe(1);
    expect(Object.isFrozen(ones[0].type === 'task' && ones[0].path)).toBe(true);
    expect(shared.paths.size).toBe(count.size);
  });
});
