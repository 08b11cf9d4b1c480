import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addToIndex, applyIndexChanges, createSearchIndex, createSearchIndexAsync, indexChanges, indexTerms, queryTerms, removeFromIndex, search } from '../../../src/graph/search';
import { fold, queryWords, segmentWords } from '../../../src/graph/search/terms';
import { addRows, buildGraph } from '../../../src/graph/load';
import type { GraphNode, NodeType } from '../../../src/model';
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

  it('segments many names in one call into the words each gets alone', () => {
    const f = smallGraphFile();
    // Over one batch (128 texts), with names that end and start mid-word across the newlines.
    const names = f.nodes.map((n) => fold(n.label));
    const texts = Array.from({ length: 300 }, (_, i) => names[i % names.length] + (i % 3 ? '' : names[(i * 7) % names.length].slice(0, 3)));
    const batched = segmentWords(texts);
    expect(batched).toEqual(texts.map((t) => queryWords(t)));
    expect(batched.some((w) => w.length > 0)).toBe(true);
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

  it('takes a number as typed only at the end of the query: 中发[2019]2 finds 26号, 中发[2019]2号 does not', () => {
    const { index } = setup();
    expect(search(index, '中发[2019]2').map((h) => h.id)).toContain(IDS.compulsory);
    expect(search(index, '中发[2019]2号').map((h) => h.id)).not.toContain(IDS.compulsory);
    expect(search(index, '中发[2019]').map((h) => h.id)).toContain(IDS.compulsory);
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
  it('yields to the event loop once a slice has run its time, and gives the same answers', async () => {
    const g = manyNamesGraph(Array.from({ length: 300 }, (_, i) => `教育督导第${i}项`));
    const progress: number[] = [];
    // sliceMs 0: every slice ends at the first clock check (every 64 nodes).
    const index = await createSearchIndexAsync(g, { sliceMs: 0, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([64, 128, 192, 256, 300]);
    expect(search(index, '督导', { limit: 400 })).toEqual(search(createSearchIndex(g), '督导', { limit: 400 }));
  });

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

/** A graph of programmes, institutions and tasks named by `names` (types in turn). */
function manyNamesGraph(names: readonly string[]) {
  const types: NodeType[] = ['program', 'institution', 'task'];
  const nodes: GraphNode[] = names.map((name, i): GraphNode => {
    const type = types[i % types.length];
    const id = `${type}:${i}`;
    if (type === 'task') {
      return { id, type, label: name, policyId: 'p', path: [String(i)], title: name, text: name, fromOutline: false, sourceId: 's', start: 0, end: 1 };
    }
    return type === 'program' ? { id, type: 'program', label: name, name, aliases: [] } : { id, type: 'institution', label: name, name, aliases: [] };
  });
  return buildGraph(nodes, []);
}

/** What must match: every bigram of the query in one name (a single character: that character). */
function bruteForceMatches(names: readonly string[], query: string): Set<number> {
  const grams = query.length === 1 ? [query] : Array.from({ length: query.length - 1 }, (_, i) => query.slice(i, i + 2));
  return new Set(names.flatMap((n, i) => (grams.every((gr) => n.includes(gr)) ? [i] : [])));
}

describe('search over many similar names', () => {
  const alphabet = ['教', '育', '督', '导', '校', '学', '县', '管'];
  const name = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));

  it('finds exactly the names holding every bigram (or the character), and the best k are the first k of all', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 250 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 4 }), (names, pick, from, len) => {
        // The query is a piece of one of the names (so something matches).
        const source = names[pick % names.length];
        const start = from % source.length;
        const query = source.slice(start, start + len);
        const g = manyNamesGraph(names);
        const index = createSearchIndex(g);
        const all = search(index, query, { limit: 10_000 });
        expect(new Set(all.map((h) => Number(h.id.split(':')[1])))).toEqual(bruteForceMatches(names, query));
        for (let i = 1; i < all.length; i++) expect(all[i - 1].score).toBeGreaterThanOrEqual(all[i].score);
        for (const k of [1, 3, 20]) expect(search(index, query, { limit: k })).toEqual(all.slice(0, k));
      }),
      { numRuns: 80 },
    );
  });

  it('ranks a name equal to the query first even among hundreds of higher-scoring partial matches', () => {
    // Hundreds of short programme names share 教育; the one task named exactly 教育 starts
    // lower (tasks weigh less) and must still win on the phrase bonus, past the pruning.
    const names = [...Array.from({ length: 401 }, (_, i) => `教育${'督导校学'[i % 4]}`), '教育'];
    const g = manyNamesGraph(names);
    expect(g.getNodeAttribute('task:401', 'label')).toBe('教育');
    const index = createSearchIndex(g);
    const hits = search(index, '教育', { limit: 5 });
    expect(hits[0]).toMatchObject({ id: 'task:401', label: '教育' });
    // Without its phrase bonus it would not be among the first five.
    expect(search(index, '教育', { limit: 500 }).filter((h) => h.score > hits[0].score / 6).length).toBeGreaterThan(5);
  });

  it('orders equal scores by id', () => {
    // Programmes 3, 6 and 12 bear the same name: equal scores; as strings program:12 < program:3 < program:6.
    const names = Array.from({ length: 13 }, (_, i) => ([3, 6, 12].includes(i) ? '县管校聘' : '督导'));
    const hits = search(createSearchIndex(manyNamesGraph(names)), '县管校聘');
    expect(hits.map((h) => h.id)).toEqual(['program:12', 'program:3', 'program:6']);
    expect(new Set(hits.map((h) => h.score)).size).toBe(1);
  });

  it('scores after removals as if the removed nodes had never been indexed', () => {
    const names = ['教育督导', '督导评估', '县管校聘', '教育督导评估', '学校督导', '督学'];
    const g = manyNamesGraph(names);
    const pruned = createSearchIndex(g);
    removeFromIndex(pruned, ['program:0', 'institution:4']);
    const g2 = manyNamesGraph(names);
    g2.dropNode('program:0');
    g2.dropNode('institution:4');
    const fresh = createSearchIndex(g2);
    for (const q of ['督导', '督', '教育督导评估', '县管校聘']) {
      expect(search(pruned, q)).toEqual(search(fresh, q));
    }
  });
});

describe('incremental update', () => {
  it('finds exactly the nodes that changed, were added or removed, and re-indexing them answers as a fresh index', async () => {
    const f = smallGraphFile();
    const index = createSearchIndex(buildGraph(f.nodes, f.edges));
    // The rows again, as a correction or an added document would leave them.
    const next = smallGraphFile();
    const relabelled = next.nodes.find((n) => n.id === IDS.supervision)!;
    relabelled.label = '教育督导问责办法';
    (relabelled as { title?: string }).title = '教育督导问责办法';
    const gone = IDS.nationalPlan;
    next.nodes = next.nodes.filter((n) => n.id !== gone);
    next.edges = next.edges.filter((e) => e.source !== gone && e.target !== gone);
    next.nodes.push({ id: 'program:县域教联体', type: 'program', label: '县域教联体', name: '县域教联体', aliases: ['紧密型教联体'] });
    const g = buildGraph(next.nodes, next.edges);

    const changes = await indexChanges(index, g, { sliceMs: 0 });
    expect(changes).toBeDefined();
    expect(changes!.changed.sort()).toEqual([IDS.supervision, 'program:县域教联体'].sort());
    expect(changes!.removed).toEqual([gone]);

    applyIndexChanges(index, g, changes!);
    const fresh = createSearchIndex(g);
    for (const q of ['督导', '问责', '县管校聘', '教联体', '紧密型', '教育现代化', '中发〔2019〕26号', '义务教育', '教育']) {
      const got = search(index, q);
      const want = search(fresh, q);
      expect(got.map((h) => h.id), q).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(h.score, q).toBeCloseTo(want[i].score, 6));
    }
    // Nothing changed since: nothing to do.
    expect(await indexChanges(index, g)).toEqual({ changed: [], removed: [] });
  });
});
