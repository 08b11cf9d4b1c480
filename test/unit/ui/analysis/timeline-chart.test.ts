import { beforeAll, describe, expect, it } from 'vitest';
import { diffusionTimeline } from '../../../../src/graph/diffusion';
import type { PolicyGraph } from '../../../../src/graph/load';
import { fulfilmentsOf } from '../../../../src/ui/analysis/intents';
import { layoutTimeline, markKind, tickYears, yearScale } from '../../../../src/ui/analysis/timeline-chart';
import { promises, seeds } from './corpus';

const DUDAO = 'doc:关于深化新时代教育督导体制机制改革的意见';
let seedGraph: PolicyGraph;
let promiseGraph: PolicyGraph;
const fulfilment = (g: PolicyGraph) => (id: string) => fulfilmentsOf(g, id).map((f) => ({ policyId: f.policyId, label: f.policyLabel, year: f.year }));

beforeAll(async () => {
  [seedGraph, promiseGraph] = await Promise.all([seeds(), promises()]);
});

describe('scales', () => {
  it('maps years in order inside the plot, half a year of room at each end', () => {
    const x = yearScale(2018, 2023, 100, 700);
    expect(x(2018)).toBeGreaterThan(100);
    expect(x(2023)).toBeLessThan(700);
    for (let y = 2018; y < 2023; y++) expect(x(y + 1) - x(y)).toBeCloseTo(100);
    // One year only: its mark sits in the middle.
    expect(yearScale(2020, 2020, 0, 200)(2020)).toBe(100);
  });

  it('thins ticks to a round step when the span is long', () => {
    expect(tickYears(2018, 2023, 10)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    const long = tickYears(1985, 2024, 8);
    expect(long.length).toBeLessThanOrEqual(8);
    expect(new Set(long.slice(1).map((y, i) => y - long[i])).size).toBe(1);
    expect(long.every((y) => y >= 1985 && y <= 2024)).toBe(true);
  });

  it('reads implements and will_issue as their own kinds, everything else as other', () => {
    expect(markKind('implements')).toBe('implements');
    expect(markKind('will_issue')).toBe('will_issue');
    expect(markKind('uses')).toBe('other');
    expect(markKind(null)).toBe('other');
  });
});

describe('the timeline of the 督导 意见 on the seeds', () => {
  it('places 大连 2020 before 随州 2023 on the municipal row; lags unknown until a year is set', () => {
    const tl = diffusionTimeline(seedGraph, DUDAO);
    const layout = layoutTimeline(tl, fulfilment(seedGraph), { width: 600 });
    const dalian = layout.marks.find((m) => m.region === '大连市')!;
    const suizhou = layout.marks.find((m) => m.region === '随州市')!;
    expect([dalian.year, suizhou.year]).toEqual([2020, 2023]);
    expect(dalian.x).toBeLessThan(suizhou.x);
    const municipal = layout.rows.find((r) => r.level === 'municipal')!;
    expect(dalian.y).toBe(municipal.y);
    expect(suizhou.y).toBe(municipal.y);
    expect(layout.rows.map((r) => r.level).slice(0, 4)).toEqual(['national', 'provincial', 'municipal', 'county']);
    expect(layout.documentX).toBeNull();
    expect(dalian.lag).toBeNull();
    expect(layout.ticks.map((t) => t.year)).toEqual([2020, 2021, 2022, 2023]);
  });

  it('with the analyst year 2019 shows lags 1 and 4 and the document year to the left', () => {
    const tl = diffusionTimeline(seedGraph, DUDAO, { overrideYear: 2019 });
    const layout = layoutTimeline(tl, fulfilment(seedGraph), { width: 600 });
    expect(layout.marks.map((m) => [m.region, m.lag])).toEqual(expect.arrayContaining([['大连市', 1], ['随州市', 4]]));
    expect(layout.documentX).not.toBeNull();
    for (const m of layout.marks) expect(layout.documentX!).toBeLessThan(m.x);
    for (const m of layout.marks) expect(m.x).toBeGreaterThanOrEqual(layout.plot.left);
    for (const m of layout.marks) expect(m.x).toBeLessThanOrEqual(layout.plot.right);
  });
});

describe('crowded cells and promises', () => {
  it('spreads marks of one year and level apart, within the year', () => {
    // Every document of the seeds: no two marks of one chart drawn on the same spot.
    const cited = new Set<string>();
    seedGraph.forEachEdge((_e, a, _s, t) => void (a.type === 'cites' && cited.add(t)));
    let crowded = 0;
    for (const id of cited) {
      const layout = layoutTimeline(diffusionTimeline(seedGraph, id), fulfilment(seedGraph), { width: 560 });
      const spots = new Set(layout.marks.map((m) => `${Math.round(m.x)}|${m.y}`));
      expect(spots.size).toBe(layout.marks.length);
      if (layout.marks.length > 1) crowded++;
    }
    expect(crowded).toBeGreaterThan(0);
  });

  it('draws the 2019 promise of the 杭州 plan hollow and links it to the 2020 policy that kept it', () => {
    let promised: string | undefined;
    promiseGraph.forEachEdge((_e, a, _s, t) => void (a.type === 'cites' && a.intent === 'will_issue' && promiseGraph.getNodeAttribute(t, 'type') === 'policy' && (promised = t)));
    expect(promised).toBeDefined();
    const layout = layoutTimeline(diffusionTimeline(promiseGraph, promised!), fulfilment(promiseGraph), { width: 600 });
    const promise = layout.marks.find((m) => m.kind === 'will_issue')!;
    expect(promise.year).toBe(2019);
    expect(promise.kept.map((k) => [k.policyId, k.year])).toEqual([[promised, 2020]]);
    expect(promise.kept[0].x).toBeGreaterThan(promise.x);
  });
});
