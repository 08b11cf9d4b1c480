import { describe, expect, it } from 'vitest';
import { findInstitutions } from '../../../src/extract/find/institutions';
import { findPrograms } from '../../../src/extract/find/programs';
import { loadGoldSeeds } from './gold';

const programNames = (t: string) => findPrograms(t).map((m) => m.name);
const institutionNames = (t: string) => findInstitutions(t).map((m) => m.name);

describe('findPrograms', () => {
  it('reads quoted initiatives by the word after the quote', () => {
    expect(programNames('扎实推进“双减”工作。深化“县管校聘”改革。')).toEqual(['双减', '县管校聘']);
    expect(programNames('推进“两学一做”学习教育常态化制度化。')).toEqual(['两学一做']);
  });

  it('joins a quoted code with its noun', () => {
    expect(programNames('紧紧围绕“12991”工作思路,继续实施“三名”工程。')).toEqual(['12991工作思路', '三名工程']);
    expect(programNames('实施“山海”教育远程互助工程。')).toEqual(['山海教育远程互助工程']);
  });

  it('finds unquoted named programmes after a verb, including lists', () => {
    expect(programNames('统筹实施国培计划和省级培训。')).toEqual(['国培计划']);
    expect(programNames('启动实施农村牧区教育教学质量提升工程。')).toEqual(['农村牧区教育教学质量提升工程']);
    expect(programNames('全面推进现代学徒制、企业新型学徒制和订单培养。')).toEqual(['现代学徒制', '企业新型学徒制']);
    expect(programNames('实施全市特殊教育第二期提升计划,')).toEqual(['特殊教育第二期提升计划']);
  });

  it('does not turn political slogans into programmes', () => {
    const t = '增强“四个意识”、坚定“四个自信”、做到“两个维护”。落实中央“五位一体”总体布局。持续深化纠治“四风”。重点加强对“一把手”的监督。';
    expect(programNames(t)).toEqual([]);
  });

  it('reports spans as written and names without spaces, sorted and non-overlapping', () => {
    const t = '开展“学习新思想 做好接班人”主题教育活动。实施教育系统党建 质量提升工程。';
    const ms = findPrograms(t);
    expect(ms.map((m) => m.name)).toEqual(['学习新思想做好接班人', '教育系统党建质量提升工程']);
    for (const m of ms) expect(t.slice(m.start, m.end).replace(/\s/g, '')).toBe(m.name);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
  });

  it('respects from/to', () => {
    const t = '推进“双减”工作。深化“县管校聘”改革。';
    expect(findPrograms(t, t.indexOf('深化')).map((m) => m.name)).toEqual(['县管校聘']);
    expect(findPrograms(t, 0, t.indexOf('深化')).map((m) => m.name)).toEqual(['双减']);
  });
});

describe('findInstitutions', () => {
  it('finds central and regional bodies', () => {
    const t = '认真贯彻中央、省委、市委关于教育的决策部署,做好市人大常委会执法检查,配合杭州市委组织部和浙江省教育厅。';
    expect(institutionNames(t)).toEqual(['中央', '省委', '市委', '市人大常委会', '杭州市委组织部', '浙江省教育厅']);
  });

  it('finds named universities and schools but not generic ones', () => {
    const t = '支持湖北大学和武汉科技大学建设,确保城东文帝学校建成投用,推进市实验小学新建教学楼,完善特殊教育学校布局,办好义务教育学校。';
    expect(institutionNames(t)).toEqual(['湖北大学', '武汉科技大学', '城东文帝学校', '市实验小学']);
  });

  it('excludes generic departments and lists of levels', () => {
    const t = '推动教育部门与司法部门联动,加强高校党委建设,支持市属高校发展,各县(市、区)教体局要落实,市、区教育局负责。';
    expect(institutionNames(t)).toEqual([]);
  });

  it('cites a university for its faculty and keeps a place qualifier', () => {
    const t = '推动香港中文大学(XX)音乐学院建成招生,加快南方科技大学卓越工程师学院发展。';
    expect(institutionNames(t)).toEqual(['香港中文大学(XX)', '南方科技大学']);
  });

  it('does not read 文号 prefixes as bodies', () => {
    expect(institutionNames('(中办发〔2018〕67号)(国办发〔2017〕95号)')).toEqual([]);
  });
});

describe('performance', () => {
  it('scans a 2 MB single line (time printed)', () => {
    const seedText = loadGoldSeeds()
      .map((s) => s.text)
      .join('')
      .replace(/\n/g, ' ');
    let big = '';
    while (big.length < 2_000_000) big += seedText;
    const t0 = performance.now();
    const p = findPrograms(big);
    const t1 = performance.now();
    const i = findInstitutions(big);
    const t2 = performance.now();
    console.log(`2 MB line: programs ${(t1 - t0).toFixed(0)} ms (${p.length}), institutions ${(t2 - t1).toFixed(0)} ms (${i.length})`);
    expect(p.length).toBeGreaterThan(100);
    expect(i.length).toBeGreaterThan(100);
  });

  it('finishes on adversarial runs of name characters and quotes (time printed)', () => {
    const adversarial = '实施'.repeat(100_000) + '“'.repeat(100_000) + '大学'.repeat(100_000) + '市委'.repeat(100_000);
    const t0 = performance.now();
    findPrograms(adversarial);
    findInstitutions(adversarial);
    console.log(`took ${(performance.now() - t0).toFixed(0)} ms (timing is printed, never asserted: machines are noisy)`);
  });
});
