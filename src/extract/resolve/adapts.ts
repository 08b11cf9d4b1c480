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
    const list = byKey.get(k);
    if (list) list.push(n);
    else byKey.set(k, [n]);
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

  // Title minus region: each local title's original is the preferred one among the titles with the
  // same core at a higher level (in the same province below national). Thousands of plans share a
  // core (every city's 教育工作要点 of a year), so the preferred original is found per bucket of
  // (level, province), not by filtering the whole group for every local title.
  const byCore = new Map<string, CoreGroup>();
  const locals: Array<{ entry: CoreEntry; rank: number; group: CoreGroup }> = [];
  nodes.forEach((n, index) => {
    const c = titleCore(n.title);
    if (c.core.length < 6) return;
    let group = byCore.get(c.core);
    if (!group) byCore.set(c.core, (group = new CoreGroup()));
    const entry: CoreEntry = {
      id: n.id,
      index,
      province: c.province,
      // The rank a candidate is admitted by (its title's place, else its own level) …
      admitRank: LEVEL_RANK[c.level ?? n.level ?? 'national'],
      // … and the rank it is preferred by (its title's place only, national when none).
      preferRank: LEVEL_RANK[c.level ?? 'national'],
    };
    group.add(entry);
    if (c.level !== undefined && c.level !== 'national') locals.push({ entry, rank: LEVEL_RANK[c.level], group });
  });
  // Every group is complete before any original is chosen from it.
  for (const { entry, rank, group } of locals) {
    const best = group.preferredOriginal(rank, entry.province);
    if (best) add(entry.id, best.id, 'title-minus-region');
  }
  return links.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

interface CoreEntry {
  id: string;
  /** Position among the titled nodes: the last tie-break, as a stable sort keeps input order. */
  index: number;
  province?: string;
  admitRank: number;
  preferRank: number;
}

/** Preferred first: the nearest level (highest preferRank), then id in locale order, then input order. */
function prefer(a: CoreEntry | undefined, b: CoreEntry | undefined): CoreEntry | undefined {
  if (!a) return b;
  if (!b) return a;
  const order = b.preferRank - a.preferRank || a.id.localeCompare(b.id) || a.index - b.index;
  return order <= 0 ? a : b;
}

/** The titles sharing one core, with the preferred entry of each bucket an original can be chosen from. */
class CoreGroup {
  /** Per admitRank: the preferred entry overall, among those without a province, and per province. */
  private all: Array<CoreEntry | undefined> = [];
  private noProvince: Array<CoreEntry | undefined> = [];
  private byProvince: Array<Map<string, CoreEntry>> = [];

  add(e: CoreEntry): void {
    const r = e.admitRank;
    this.all[r] = prefer(this.all[r], e);
    if (!e.province) this.noProvince[r] = prefer(this.noProvince[r], e);
    else {
      const m = (this.byProvince[r] ??= new Map());
      m.set(e.province, prefer(m.get(e.province), e)!);
    }
  }

  /**
   * The original of a local title of `localRank` in `province`: admitted when of a higher level
   * (admitRank below localRank), and national or without a province or in the same province.
   */
  preferredOriginal(localRank: number, province: string | undefined): CoreEntry | undefined {
    let best: CoreEntry | undefined;
    for (let r = 0; r < localRank; r++) {
      if (r === 0 || !province) best = prefer(best, this.all[r]);
      else {
        best = prefer(best, this.noProvince[r]);
        best = prefer(best, this.byProvince[r]?.get(province));
      }
    }
    return best;
  }
}
