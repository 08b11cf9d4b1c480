import { describe, expect, it } from 'vitest';
import { addToIndex, createSearchIndex, createSearchIndexAsync, indexTerms, queryTerms, removeFromIndex, search } from '../../../src/graph/search';
import { addRows, buildGraph } from '../../../src/graph/load';
import { IDS, smallGraphFile } from './fixture';

const setup = () => {
  const f = smallGraphFile();
  const g = buildGraph(f.nodes, f.edges);
  return { g, index: createSearchIndex(g) };
};

describe('tokenizer', () => {
  it('covers every CJK character by a bigram start or the run end, whatever the segmenter does', () => {
    const terms = new Set(indexTerms('教育督导'));
    for (const t of ['教育', '育督', '督导', '导']) expect(terms.has(t)).toBe(true);
    expect(queryTerms('督导')).toEqual(['督导']);
    expect(queryTerms('县管校聘')).toEqual(['县管', '管校', '校聘']);
    expect(queryTerms('湖')).toEqual(['湖']);
  });

  it('folds width and case', () => {
    expect(indexTerms('ＳＴＥＭ教育')).toContain('stem');
    expect(queryTerms('Stem')).toEqual(['stem']);
  });
});

describe('search', () => {
  it('督导 finds the 督导 意见 and the tasks about it', () => {
    const { index } = setup();
    const hits = search(index, '督导');
    expect(hits[0].id).toBe(IDS.supervision);
    expect(hits.map((h) => h.id)).toContain(`${IDS.suizhou}/1`);
    expect(hits.map((h) => h.id)).not.toContain(IDS.compulsory);
  });

  it('县管校聘 finds the programme first', () => {
    const { index } = setup();
    const hits = search(index, '县管校聘');
    expect(hits[0]).toMatchObject({ id: IDS.program, type: 'program', label: '县管校聘' });
  });

  it('随州 finds the policy', () => {
    const { index } = setup();
    const hits = search(index, '随州', { types: ['policy'] });
    expect(hits.map((h) => h.id)).toEqual([IDS.suizhou]);
  });

  it('requires all bigrams, so unrelated names sharing one do not match', () => {
    const { index } = setup();
    // 教育 is everywhere, 督导 only in some; both together only there.
    const ids = search(index, '教育督导').map((h) => h.id);
    expect(ids).toContain(IDS.supervision);
    expect(ids).not.toContain(IDS.nationalPlan);
  });

  it('matches a 文号 in any bracket shape exactly and ranks it first', () => {
    const { index } = setup();
    for (const q of ['中发[2019]26号', '中发（2019）第26号', '中发〔２０１９〕26号']) {
      const hits = search(index, q);
      expect(hits[0].id).toBe(IDS.compulsory);
      expect(hits[0].score).toBeGreaterThan(hits[1]?.score ?? 0);
    }
    expect(search(index, '中发〔2019〕27号').map((h) => h.id)).not.toContain(IDS.compulsory);
  });

  it('finds by alias and by a single character', () => {
    const { index } = setup();
    expect(search(index, '县管校聘管理改革')[0].id).toBe(IDS.program);
    expect(search(index, '央', { types: ['institution'] }).map((h) => h.id)).toEqual([IDS.centre]);
  });

  it('can be built over some node types only', () => {
    const f = smallGraphFile();
    const g = buildGraph(f.nodes, f.edges);
    const index = createSearchIndex(g, { types: ['program', 'document'] });
    expect(search(index, '督导').map((h) => h.id)).toEqual([IDS.supervision]);
    expect(search(index, '县管校聘')[0].id).toBe(IDS.program);
  });

  it('filters by type and limits', () => {
    const { index } = setup();
    const hits = search(index, '教育', { types: ['task'], limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits.every((h) => h.type === 'task')).toBe(true);
    expect(search(index, '   ')).toEqual([]);
  });

  it('adds and removes nodes incrementally', () => {
    const { g, index } = setup();
    addRows(g, [{ id: 'program:双减', type: 'program', label: '双减', name: '双减', aliases: ['双减政策'] }], []);
    expect(search(index, '双减')).toEqual([]);
    addToIndex(index, g, ['program:双减']);
    expect(search(index, '双减')[0].id).toBe('program:双减');
    removeFromIndex(index, ['program:双减', IDS.compulsory]);
    expect(search(index, '双减')).toEqual([]);
    expect(search(index, '中发[2019]26号').map((h) => h.id)).not.toContain(IDS.compulsory);
    // Re-adding replaces rather than duplicates.
    addToIndex(index, g, [IDS.program, IDS.program]);
    expect(search(index, '县管校聘').filter((h) => h.id === IDS.program)).toHaveLength(1);
  });
});

describe('createSearchIndexAsync', () => {
  it('builds the same index in chunks, reporting progress, and can be aborted', async () => {
    const f = smallGraphFile();
    const g = buildGraph(f.nodes, f.edges);
    const progress: number[] = [];
    const index = await createSearchIndexAsync(g, { chunkSize: 5, onProgress: (done) => progress.push(done) });
    expect(progress.at(-1)).toBe(g.order);
    expect(progress.length).toBe(Math.ceil(g.order / 5));
    for (const q of ['督导', '县管校聘', '中发[2019]26号', '随州']) {
      expect(search(index, q)).toEqual(search(createSearchIndex(g), q));
    }
    const ctl = new AbortController();
    const pending = createSearchIndexAsync(g, { chunkSize: 2, signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(pending).rejects.toThrow();
  });
});
