import { describe, expect, it } from 'vitest';
import { diffusionTimeline, yearFromDocNumber } from '../../../src/graph/diffusion';
import { adoptionMatrix } from '../../../src/graph/adoption';
import { addDoc, addEdge, addPolicy, addProgram, addRegion, addTask, cites, makeGraph, type G } from './build';

/**
 * A national document (2019) taken up by: a province in 2019 (two tasks), a city in 2021 through
 * an `adapts` edge, and a county whose year is unknown and whose region comes from located_in.
 */
function corpus(docYear?: number): G {
  const g = makeGraph();
  addDoc(g, 'doc:中发〔2019〕26号', { docNumber: '中发〔2019〕26号', ...(docYear ? { year: docYear } : {}) });
  addPolicy(g, 'p:prov', { year: 2019, region: '湖北省', level: 'provincial' });
  addTask(g, 'p:prov/1', 'p:prov');
  addTask(g, 'p:prov/2', 'p:prov');
  addPolicy(g, 'p:city', { year: 2021, region: '大连市', level: 'municipal' });
  addPolicy(g, 'p:county');
  addTask(g, 'p:county/1', 'p:county');
  addRegion(g, 'region:某县', '某县', 'county');
  addEdge(g, 'located_in', 'p:county', 'region:某县');
  cites(g, 'p:prov/1', 'doc:中发〔2019〕26号');
  cites(g, 'p:prov/2', 'doc:中发〔2019〕26号', 'uses');
  addEdge(g, 'adapts', 'p:city', 'doc:中发〔2019〕26号');
  cites(g, 'p:county/1', 'doc:中发〔2019〕26号');
  addProgram(g, 'program:双减');
  addProgram(g, 'program:县管校聘');
  addEdge(g, 'mentions', 'p:prov/1', 'program:双减');
  addEdge(g, 'mentions', 'p:prov/2', 'program:双减');
  addEdge(g, 'mentions', 'p:county/1', 'program:双减');
  addEdge(g, 'mentions', 'p:county/1', 'program:县管校聘');
  return g;
}

describe('yearFromDocNumber', () => {
  it('reads the bracketed year of a 文号 in any bracket style', () => {
    expect(yearFromDocNumber('中发〔2019〕26号')).toBe(2019);
    expect(yearFromDocNumber('教基[2020]3号')).toBe(2020);
    expect(yearFromDocNumber('鄂政办发(2018)12号')).toBe(2018);
    expect(yearFromDocNumber('第2019号')).toBeNull();
    expect(yearFromDocNumber(undefined)).toBeNull();
  });
});

describe('diffusionTimeline', () => {
  it('lists citing policies with region, level, year and lag, in time order', () => {
    const t = diffusionTimeline(corpus(2019), 'doc:中发〔2019〕26号');
    expect(t.documentYear).toBe(2019);
    expect(t.yearSource).toBe('attribute');
    expect(t.entries.map((e) => [e.policyId, e.region, e.level, e.year, e.lag])).toEqual([
      ['p:prov', '湖北省', 'provincial', 2019, 0],
      ['p:city', '大连市', 'municipal', 2021, 2],
      ['p:county', '某县', 'county', null, null],
    ]);
    expect(t.entries[0].citations.map((c) => [c.citingId, c.intent])).toEqual([
      ['p:prov/1', 'implements'],
      ['p:prov/2', 'uses'],
    ]);
    expect(t.entries[1].citations[0].edgeType).toBe('adapts');
    expect(t.byYear).toEqual([
      { year: 2019, lag: 0, regions: ['湖北省'], policies: 1 },
      { year: 2021, lag: 2, regions: ['大连市'], policies: 1 },
      { year: null, lag: null, regions: ['某县'], policies: 1 },
    ]);
    expect(t.byRegion.map((r) => [r.region, r.firstYear, r.lag])).toEqual([
      ['湖北省', 2019, 0],
      ['大连市', 2021, 2],
      ['某县', null, null],
    ]);
  });

  it('falls back to the 文号 year, and an analyst override wins over both', () => {
    const fromNumber = diffusionTimeline(corpus(), 'doc:中发〔2019〕26号');
    expect([fromNumber.documentYear, fromNumber.yearSource]).toEqual([2019, 'docNumber']);
    const overridden = diffusionTimeline(corpus(2019), 'doc:中发〔2019〕26号', { overrideYear: 2017 });
    expect(overridden.yearSource).toBe('override');
    expect(overridden.entries.map((e) => e.lag)).toEqual([2, 4, null]);
  });

  it('has null lags when the document year is unknown, and can leave adaptations out', () => {
    const g = makeGraph();
    addDoc(g, 'doc:x');
    addPolicy(g, 'p', { year: 2020 });
    cites(g, 'p', 'doc:x');
    const t = diffusionTimeline(g, 'doc:x');
    expect([t.documentYear, t.yearSource, t.entries[0].lag]).toEqual([null, 'unknown', null]);
    const citesOnly = diffusionTimeline(corpus(2019), 'doc:中发〔2019〕26号', { edgeTypes: ['cites'] });
    expect(citesOnly.entries.map((e) => e.policyId)).toEqual(['p:prov', 'p:county']);
  });
});

describe('diffusionTimeline across provinces', () => {
  it('keeps apart the places of one name in different provinces, and only those', () => {
    const g = makeGraph();
    addDoc(g, 'doc:中发〔2019〕26号', { docNumber: '中发〔2019〕26号' });
    const citing = (id: string, o: { region: string; province?: string; year: number }) => {
      addPolicy(g, id, { ...o, level: 'municipal' });
      addTask(g, `${id}/1`, id);
      cites(g, `${id}/1`, 'doc:中发〔2019〕26号');
    };
    citing('p:hebei', { region: 'XX市', province: '河北省', year: 2020 });
    citing('p:guangdong', { region: 'XX市', province: '广东省', year: 2021 });
    citing('p:dalian', { region: '大连市', province: '辽宁省', year: 2022 });
    citing('p:dalian2', { region: '大连市', year: 2023 });
    const t = diffusionTimeline(g, 'doc:中发〔2019〕26号');
    expect(t.byRegion.map((r) => [r.region, r.policies])).toEqual([
      ['XX市（河北省）', 1],
      ['XX市（广东省）', 1],
      ['大连市', 2],
    ]);
  });
});

describe('adoptionMatrix', () => {
  it('lists, per programme and region, the tasks that mention it', () => {
    const m = adoptionMatrix(corpus());
    expect(m.programs.map((p) => [p.id, p.regions, p.tasks])).toEqual([
      ['program:双减', 2, 3],
      ['program:县管校聘', 1, 1],
    ]);
    expect(m.regions).toEqual(['湖北省', '某县']);
    expect(m.years).toEqual([2019]);
    expect(m.cells.map((c) => [c.programId, c.region, c.tasks.map((t) => t.taskId), c.firstYear])).toEqual([
      ['program:双减', '湖北省', ['p:prov/1', 'p:prov/2'], 2019],
      ['program:双减', '某县', ['p:county/1'], null],
      ['program:县管校聘', '某县', ['p:county/1'], null],
    ]);
    expect(m.cells[0].tasks[0].policyId).toBe('p:prov');
  });

  it('keeps apart places of one name in different provinces (anonymised XX市), and only those', () => {
    const g = makeGraph();
    addProgram(g, 'program:双减');
    const mention = (id: string, o: { region: string; province?: string; year: number }) => {
      addPolicy(g, id, { ...o, level: 'municipal' });
      addTask(g, `${id}/1`, id);
      addEdge(g, 'mentions', `${id}/1`, 'program:双减');
    };
    mention('p:hebei', { region: 'XX市', province: '河北省', year: 2020 });
    mention('p:guangdong', { region: 'XX市', province: '广东省', year: 2021 });
    mention('p:dalian', { region: '大连市', province: '辽宁省', year: 2022 });
    mention('p:dalian2', { region: '大连市', year: 2023 }); // same city, province not given
    const m = adoptionMatrix(g);
    expect(m.regions).toEqual(['XX市（河北省）', 'XX市（广东省）', '大连市']);
    expect(m.cells.map((c) => [c.region, c.tasks.map((t) => t.taskId)])).toEqual([
      ['XX市（河北省）', ['p:hebei/1']],
      ['XX市（广东省）', ['p:guangdong/1']],
      ['大连市', ['p:dalian/1', 'p:dalian2/1']],
    ]);
    expect(m.programs[0]).toMatchObject({ regions: 3, tasks: 4 });
  });

  it('restricts to chosen programmes', () => {
    const m = adoptionMatrix(corpus(), { programIds: ['program:县管校聘'] });
    expect(m.cells.map((c) => c.programId)).toEqual(['program:县管校聘']);
  });
});
