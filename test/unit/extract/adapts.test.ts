/**
 * inferAdapts chooses each local title's original per bucket of (level, province) instead of
 * filtering every title sharing its core; the links must be exactly those of the pairwise rule
 * (kept here as the oracle), on random sets of titles built from real place names and plan titles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../src/model';
import { inferAdapts, titleCore, type AdaptsLink, type TitledNode } from '../../../src/extract/resolve/adapts';
import { documentTitleKey } from '../../../src/extract/resolve/documents';

const LEVEL_RANK: Record<Level, number> = { national: 0, provincial: 1, municipal: 2, county: 3 };

/** The pairwise rule inferAdapts replaced. */
function oracle(nodes: TitledNode[]): AdaptsLink[] {
  const links: AdaptsLink[] = [];
  const byKey = new Map<string, TitledNode[]>();
  for (const n of nodes) byKey.set(documentTitleKey(n.title), [...(byKey.get(documentTitleKey(n.title)) ?? []), n]);
  const seen = new Set<string>();
  const add = (from: string, to: string, rule: AdaptsLink['rule']) => {
    const key = `${from}->${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    links.push({ from, to, rule });
  };
  for (const n of nodes)
    for (const m of n.title.matchAll(/[〈《]([^〈〉《》]{4,})[〉》]/gu))
      for (const target of byKey.get(documentTitleKey(m[1])) ?? []) add(n.id, target.id, 'embedded-title');
  const cores = nodes.map((n) => ({ n, ...titleCore(n.title) }));
  const byCore = new Map<string, typeof cores>();
  for (const c of cores) if (c.core.length >= 6) byCore.set(c.core, [...(byCore.get(c.core) ?? []), c]);
  for (const c of cores) {
    if (c.level === undefined || c.level === 'national' || c.core.length < 6) continue;
    const localRank = LEVEL_RANK[c.level];
    const candidates = (byCore.get(c.core) ?? []).filter((o) => {
      if (o.n.id === c.n.id) return false;
      const rank = LEVEL_RANK[o.level ?? o.n.level ?? 'national'];
      if (rank >= localRank) return false;
      return rank === 0 || !o.province || !c.province || o.province === c.province;
    });
    if (!candidates.length) continue;
    candidates.sort((a, b) => LEVEL_RANK[b.level ?? 'national'] - LEVEL_RANK[a.level ?? 'national'] || a.n.id.localeCompare(b.n.id));
    add(c.n.id, candidates[0].n.id, 'title-minus-region');
  }
  return links.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

const PLACES = ['', '', '湖北省', '湖北', '武汉市', '内蒙古', '鄂尔多斯市', '准格尔旗', '河北省', '石家庄市', '成都市', '金堂县', 'XX市', '国家', '全国'];
const CORES = ['加快推进教育现代化实施方案', '加快推进教育现代化工作方案', '2019年教育工作要点', '关于深化教育教学改革全面提高义务教育质量的意见', '教育事业发展规划(2021—2025年)', '落实〈关于全面加强新时代大中小学劳动教育的意见〉工作清单'];
const LEVELS: Array<Level | undefined> = [undefined, 'national', 'provincial', 'municipal', 'county'];
const nodeArb = fc.record({
  place: fc.constantFrom(...PLACES),
  core: fc.constantFrom(...CORES),
  level: fc.constantFrom(...LEVELS),
  id: fc.constantFrom('doc:a', 'doc:A', 'doc:b', 'policy:1:0', 'policy:2:0', 'policy:10:0', 'doc:é', 'doc:e', 'x'),
});
const nodesArb = fc.array(nodeArb, { maxLength: 30 }).map((rows) => {
  // Ids are unique in a graph: suffix a counter.
  return rows.map((r, i): TitledNode => ({ id: `${r.id}#${i % 7}${i}`, title: r.place + r.core, ...(r.level ? { level: r.level } : {}) }));
});

describe('inferAdapts', () => {
  it('links exactly what the pairwise rule links', () => {
    fc.assert(
      fc.property(nodesArb, (nodes) => {
        expect(inferAdapts(nodes)).toEqual(oracle(nodes));
      }),
      { numRuns: 1500 },
    );
  });

  it('links a province\'s and a city\'s plan to the national one, and a county\'s to its city', () => {
    const nodes: TitledNode[] = [
      { id: 'n', title: '加快推进教育现代化实施方案', level: 'national' },
      { id: 'p', title: '加快推进湖北教育现代化实施方案', level: 'provincial' },
      { id: 'c', title: '加快推进鄂尔多斯教育现代化工作方案', level: 'municipal' },
      { id: 'k', title: '加快推进准格尔旗教育现代化工作方案', level: 'county' },
    ];
    const links = inferAdapts(nodes).map((l) => `${l.from}->${l.to}`);
    expect(links).toContain('p->n');
    expect(links).toContain('c->n');
    // 准格尔旗 lies in 鄂尔多斯 (内蒙古): the nearest original is the city's plan.
    expect(links).toContain('k->c');
    expect(links).not.toContain('n->p');
  });

  it('links each of thousands of plans sharing one core to the national one', () => {
    // 3000 cities' plans of one year: pairwise filtering would compare 9 million pairs.
    const nodes: TitledNode[] = Array.from({ length: 3000 }, (_, i) => ({ id: `policy:${i}:0`, title: `XX市2019年教育工作要点`, level: 'municipal' as Level }));
    nodes.push({ id: 'national', title: '2019年教育工作要点', level: 'national' });
    const links = inferAdapts(nodes);
    expect(links).toHaveLength(3000);
    expect(links.every((l) => l.to === 'national')).toBe(true);
  });
});
