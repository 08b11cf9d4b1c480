import { describe, expect, it } from 'vitest';
import { findInTasks } from '../../../src/graph/fulltext';
import { buildGraph } from '../../../src/graph/load';
import { IDS, smallGraphFile } from './fixture';

const graph = () => {
  const f = smallGraphFile();
  return buildGraph(f.nodes, f.edges);
};

describe('findInTasks', () => {
  it('finds every occurrence with its task, policy, place and year', () => {
    const g = graph();
    const hits = findInTasks(g, '县管校聘');
    expect(hits.map((h) => h.taskId)).toEqual([`${IDS.ordos}/1`, `${IDS.ordos}/2`]);
    for (const h of hits) {
      expect(h).toMatchObject({ policyId: IDS.ordos, region: '鄂尔多斯市', year: 2019, sourceId: IDS.ordos });
      expect(h.snippet.slice(h.matchStart, h.matchEnd)).toBe('县管校聘');
      expect((g.getNodeAttributes(h.taskId) as { text: string }).text.slice(h.textOffset, h.textOffset + 4)).toBe('县管校聘');
    }
  });

  it('counts two occurrences in one task twice', () => {
    const hits = findInTasks(graph(), '督导', { regions: ['某县'] });
    expect(hits).toHaveLength(2);
    expect(hits[0].textOffset).toBeLessThan(hits[1].textOffset);
  });

  it('filters by region (a province includes its counties) and by year (inherited from the policy)', () => {
    const g = graph();
    expect(findInTasks(g, '督导', { regions: ['region:河北省'] }).map((h) => h.taskId)).toEqual([
      `${IDS.county}/1`,
      `${IDS.county}/1`,
    ]);
    expect(findInTasks(g, '督导', { years: [2023] }).every((h) => h.taskId === `${IDS.suizhou}/1`)).toBe(true);
    const undated = findInTasks(g, '实施方案', { years: [2023] });
    expect(undated.map((h) => h.taskId)).toEqual([`${IDS.suizhou}/2`]);
    expect(undated[0].year).toBe(2023);
    expect(findInTasks(g, '督导', { years: [1999] })).toEqual([]);
  });

  it('cuts snippets with ellipses and tolerates whitespace inside the phrase', () => {
    const f = smallGraphFile();
    const t = f.nodes.find((n) => n.id === `${IDS.county}/1`)!;
    if (t.type !== 'task') throw new Error('fixture');
    t.text = `${'前'.repeat(50)}教育\n督导${'后'.repeat(50)}`;
    const g = buildGraph(f.nodes, f.edges);
    const [h] = findInTasks(g, '教育督导', { regions: ['某县'], context: 5 });
    expect(h.snippet).toBe('…前前前前前教育 督导后后后后后…');
    expect(h.snippet.slice(h.matchStart, h.matchEnd)).toBe('教育 督导');
  });

  it('treats regex characters literally and ignores empty phrases', () => {
    const g = graph();
    expect(findInTasks(g, '.*')).toEqual([]);
    expect(findInTasks(g, '  ')).toEqual([]);
    expect(findInTasks(g, '《关于深化新时代教育督导体制机制改革的意见》')).toHaveLength(2);
  });
});
