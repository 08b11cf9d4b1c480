import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/load';
import { downstream, upstream } from '../../../src/graph/lineage';
import { GraphFileSchema } from '../../../src/model';
import { lineageElements } from '../../../src/ui/lineage-tree';
import { splitQuote, splitText } from '../../../src/ui/evidence';
import { toElements, shortLabel } from '../../../src/ui/cy/elements';

const dir = join(__dirname, '../../fixtures/ui');
const file = GraphFileSchema.parse(JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')));
const g = buildGraph(file.nodes, file.edges);
const DOC = 'doc:关于深化新时代教育督导体制机制改革的意见';

describe('lineage tree elements', () => {
  it('downstream: every edge points down the layers, the root on top, tasks at the bottom', () => {
    const lin = downstream(g, DOC)!;
    const els = lineageElements(g, lin);
    const rank = new Map(els.filter((e) => e.group === 'nodes').map((e) => [e.data.id as string, e.data.rank as number]));
    const edges = els.filter((e) => e.group === 'edges');
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) expect(rank.get(e.data.source as string)!).toBeLessThanOrEqual(rank.get(e.data.target as string)!);
    expect(rank.get(DOC)).toBe(Math.min(...rank.values()));
    expect(els.find((e) => e.data.id === DOC)?.classes).toBe('root');
    // both citing policies (municipal and county) are there, the county one lower
    expect(rank.get('policy:src-a:0')!).toBeLessThan(rank.get('policy:src-b:0')!);
  });

  it('upstream from a task: the cited document sits above the task', () => {
    const lin = upstream(g, 'policy:src-b:0/一/1')!;
    const els = lineageElements(g, lin);
    const edge = els.find((e) => e.group === 'edges' && e.data.source === DOC);
    expect(edge?.data.target).toBe('policy:src-b:0/一/1');
  });
});

describe('evidence highlighting', () => {
  it('splits every fixture quote exactly at the mention its offsets name', () => {
    const texts = new Map(file.sources.map((s) => [s.id, readFileSync(join(dir, 'texts', `${s.id}.txt`), 'utf8')]));
    let n = 0;
    for (const e of file.edges)
      for (const ev of e.evidence) {
        const text = texts.get(ev.sourceId)!;
        const parts = splitQuote(ev);
        expect(parts.mention).toBe(text.slice(ev.start, ev.end));
        expect(parts.before + parts.mention + parts.after).toBe(ev.quote);
        const whole = splitText(text, ev.start, ev.end);
        expect(whole.mention).toBe(parts.mention);
        n++;
      }
    expect(n).toBeGreaterThan(3);
  });

  it('offsets outside the quote leave the quote whole and unmarked', () => {
    const parts = splitQuote({ sourceId: 's', start: 50, end: 60, quote: 'abc', quoteStart: 0 });
    expect(parts).toEqual({ before: 'abc', mention: '', after: '' });
    expect(splitText('abc', 2, 99)).toEqual({ before: 'ab', mention: 'c', after: '' });
  });
});

describe('canvas elements', () => {
  it('one element per id, labels clipped, sizes growing with citations', () => {
    const els = toElements(g, g.nodes(), g.edges());
    expect(els).toHaveLength(g.order + g.size);
    for (const e of els.filter((x) => x.group === 'nodes')) expect((e.data.short as string).length).toBeLessThanOrEqual(16);
    const size = (id: string) => els.find((e) => e.data.id === id)!.data.size as number;
    expect(size(DOC)).toBeGreaterThan(size('doc:中发〔2019〕26号')); // cited twice vs once
    expect(shortLabel(g.getNodeAttributes('doc:中发〔2019〕26号'))).toBe('中发〔2019〕26号');
  });

  it('marks the most cited nodes of the view as hubs, whose labels show at any zoom', () => {
    const els = toElements(g, g.nodes(), g.edges());
    const hubs = els.filter((e) => e.classes === 'hub').map((e) => e.data.id as string);
    const cited = g.nodes().filter((id) => g.getNodeAttribute(id, 'citedBy') > 0);
    expect(hubs.length).toBe(Math.min(12, cited.length));
    const least = Math.min(...hubs.map((id) => g.getNodeAttribute(id, 'citedBy')));
    for (const id of g.nodes()) if (!hubs.includes(id)) expect(g.getNodeAttribute(id, 'citedBy')).toBeLessThanOrEqual(least);
    expect(hubs).toContain(DOC);
    // Chosen among the drawn nodes: in a view without DOC the next most cited take its place.
    const subset = g.nodes().filter((id) => id !== DOC);
    const subHubs = toElements(g, subset, []).filter((e) => e.classes === 'hub');
    expect(subHubs.length).toBe(Math.min(12, cited.length - 1));
    expect(subHubs.every((e) => e.data.id !== DOC)).toBe(true);
  });
});
