import { describe, expect, it } from 'vitest';
import { canonicalInstitution, splitIssuers } from '../../../src/extract/resolve/institutions';

const chengdu = { region: '成都市', province: '四川省' };

describe('canonicalInstitution', () => {
  it('expands central abbreviations', () => {
    expect(canonicalInstitution('中办', {})).toMatchObject({ name: '中共中央办公厅', written: '中办', level: 'national' });
    expect(canonicalInstitution('国办', {})).toMatchObject({ name: '国务院办公厅', level: 'national' });
    expect(canonicalInstitution('党中央', {}).name).toBe('中共中央');
    expect(canonicalInstitution('中央', {}).name).toBe('中共中央');
    expect(canonicalInstitution('教育部', chengdu)).toMatchObject({ name: '教育部', level: 'national' });
  });

  it('resolves relative names in the policy region and keeps the written spelling', () => {
    expect(canonicalInstitution('市委', chengdu)).toEqual({ name: '中共成都市委', written: '市委', level: 'municipal', region: '成都市' });
    expect(canonicalInstitution('市教育局', chengdu)).toMatchObject({ name: '成都市教育局', written: '市教育局' });
    expect(canonicalInstitution('市委教育工委', chengdu).name).toBe('中共成都市委教育工作委员会');
    expect(canonicalInstitution('成都市委教育工作委员会', chengdu).name).toBe('中共成都市委教育工作委员会');
    expect(canonicalInstitution('市政府', chengdu).name).toBe('成都市人民政府');
    expect(canonicalInstitution('市人民政府', chengdu).name).toBe('成都市人民政府');
    expect(canonicalInstitution('省委', chengdu)).toMatchObject({ name: '中共四川省委员会', level: 'provincial', region: '四川省' });
    expect(canonicalInstitution('省政府', chengdu).name).toBe('四川省人民政府');
  });

  it('gives one canonical name to the spellings of one body', () => {
    const a = canonicalInstitution('中共鄂尔多斯市委员会办公室', {});
    const b = canonicalInstitution('鄂尔多斯市委办公室', {});
    expect(a.name).toBe(b.name);
    expect(a.written).not.toBe(b.written);
    expect(canonicalInstitution('鄂尔多斯市委', {})).toMatchObject({ name: '中共鄂尔多斯市委', level: 'municipal', region: '鄂尔多斯市' });
  });

  it('resolves other regions from the names themselves', () => {
    expect(canonicalInstitution('杭州市委', {})).toMatchObject({ name: '中共杭州市委', level: 'municipal', region: '杭州市' });
    expect(canonicalInstitution('浙江省教育厅', {})).toMatchObject({ name: '浙江省教育厅', level: 'provincial', region: '浙江省' });
    expect(canonicalInstitution('县委', { region: '金堂县', province: '四川省' })).toMatchObject({ name: '中共金堂县委', level: 'county' });
    expect(canonicalInstitution('区教育局', { region: '海淀区', province: '北京市' })).toMatchObject({ name: '海淀区教育局', level: 'county' });
    expect(canonicalInstitution('教育厅', { region: '杭州市', province: '浙江省' }).name).toBe('浙江省教育厅');
  });

  it('keeps anonymised names anonymised and unresolvable names as written', () => {
    expect(canonicalInstitution('市教育局', { region: 'XX市' }).name).toBe('XX市教育局');
    expect(canonicalInstitution('XX市教育局', {}).name).toBe('XX市教育局');
    expect(canonicalInstitution('市二十九中', { region: 'XX市' }).name).toBe('XX市二十九中');
    // 县委 in a city's policy: the county is not known.
    expect(canonicalInstitution('县委', chengdu)).toMatchObject({ name: '县委', level: 'county' });
    expect(canonicalInstitution('市委', {})).toMatchObject({ name: '市委', written: '市委' });
    expect(canonicalInstitution('湖北大学', chengdu)).toEqual({ name: '湖北大学', written: '湖北大学' });
  });
});

describe('splitIssuers', () => {
  const names = (p: string, ctx = {}) => splitIssuers(p, ctx).map((r) => r.name);

  it('splits central issuer phrases', () => {
    expect(names('中共中央办公厅、国务院办公厅')).toEqual(['中共中央办公厅', '国务院办公厅']);
    expect(names('中共中央、国务院')).toEqual(['中共中央', '国务院']);
    expect(names('中办国办')).toEqual(['中共中央办公厅', '国务院办公厅']);
    expect(names('国务院办公厅')).toEqual(['国务院办公厅']);
    expect(names('教育部等13部门')).toEqual(['教育部']);
  });

  it('lets a relative item inherit the region of the item before it', () => {
    expect(names('鄂尔多斯市委、市人民政府')).toEqual(['中共鄂尔多斯市委', '鄂尔多斯市人民政府']);
    expect(names('内蒙古自治区党委办公厅、自治区人民政府办公厅')).toEqual([
      '中共内蒙古自治区委员会办公厅',
      '内蒙古自治区人民政府办公厅',
    ]);
    expect(names('鄂尔多斯市委办公室市人民政府办公室关于印发《X》的通知')).toEqual([
      '中共鄂尔多斯市委办公室',
      '鄂尔多斯市人民政府办公室',
    ]);
    expect(names('杭州市委 杭州市人民政府')).toEqual(['中共杭州市委', '杭州市人民政府']);
  });

  it('resolves relative issuers in the policy region', () => {
    expect(names('市委教育工委 市教育局', { region: '随州市', province: '湖北省' })).toEqual([
      '中共随州市委教育工作委员会',
      '随州市教育局',
    ]);
  });
});
