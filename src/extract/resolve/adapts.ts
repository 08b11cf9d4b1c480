/**
 * `adapts`: a local document that localises a national or provincial one. Two inferences:
 * - embedded-title: the local title names the original inside it (XX市落实〈X〉工作清单 → X);
 * - title-minus-region: removing the place name from the local title (and the plan-type variant:
 *   实施方案 / 工作方案 / 总体方案 → 方案, the year range) gives the original's title
 *   (加快推进内蒙古教育现代化实施方案 → 加快推进教育现代化实施方案). The original must sit at a
 *   higher level; the nearest one in the same province wins.
 */
import type { Level } from '../../model';
import { findRegions } from '../find/regions';
import { documentTitleKey } from './documents';

export interface TitledNode {
  id: string;
  title: string;
  level?: Level;
  province?: string;
}

export interface AdaptsLink {
  from: string;
  to: string;
  rule: 'embedded-title' | 'title-minus-region';
}

const LEVEL_RANK: Record<Level, number> = { national: 0, provincial: 1, municipal: 2, county: 3 };
const NATIONAL_WORD = /^(?:国家|全国|中国)/u;
const ANONYMISED = /XX[省市县区州旗]?/gu;

/** The title's core: place names, year ranges and plan-type variants removed. */
export function titleCore(title: string): { core: string; level?: Level; province?: string } {
  let t = title;
  let level: Level | undefined;
  let province: string | undefined;
  const regions = findRegions(t);
  for (const r of [...regions].sort((a, b) => b.start - a.start)) {
    t = t.slice(0, r.start) + t.slice(r.end);
    const l = r.level as Level;
    if (level === undefined || LEVEL_RANK[l] > LEVEL_RANK[level]) level = l;
    province = r.province;
  }
  if (t.includes('XX')) {
    t = t.replace(ANONYMISED, '');
    level = level ?? 'municipal';
  }
  if (NATIONAL_WORD.test(t)) {
    t = t.replace(NATIONAL_WORD, '');
    level = level ?? 'national';
  }
  const core = documentTitleKey(t)
    .replace(/[(（][^()（）]*(?:\d{4}|试行|修订|草案)[^()（）]*[)）]/gu, '')
    .replace(/(?:实施|工作|总体|行动|推进)?(方案|意见|计划|规划|办法|细则)$/u, '$1')
    .replace(/的/gu, '');
  return { core, level, province };
}

export function inferAdapts(nodes: TitledNode[]): AdaptsLink[] {
  const links: AdaptsLink[] = [];
  const byKey = new Map<string, TitledNode[]>();
  for (const n of nodes) {
    const k = documentTitleKey(n.title);
    byKey.set(k, [...(byKey.get(k) ?? []), n]);
  }
  const seen = new Set<string>();
  const add = (from: string, to: string, rule: AdaptsLink['rule']) => {
    const key = `${from}->${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    links.push({ from, to, rule });
  };

  // Embedded titles: 〈X〉 or 《X》 inside a title.
  for (const n of nodes) {
    for (const m of n.title.matchAll(/[〈《]([^〈〉《》]{4,})[〉》]/gu)) {
      for (const target of byKey.get(documentTitleKey(m[1])) ?? []) add(n.id, target.id, 'embedded-title');
    }
  }

  // Title minus region.
  const cores = nodes.map((n) => ({ n, ...titleCore(n.title) }));
  const byCore = new Map<string, typeof cores>();
  for (const c of cores) {
    if (c.core.length < 6) continue;
    byCore.set(c.core, [...(byCore.get(c.core) ?? []), c]);
  }
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
