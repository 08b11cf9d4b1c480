/** The citation finders on real sentences from the seeds and realistic variants. */
import { describe, it, expect } from 'vitest';
import { findDocNumbers } from '../../../src/extract/find/docnumbers';
import { findBracketedTitles, rejectReason } from '../../../src/extract/find/titles';
import { parseCitedTitle, kindOf } from '../../../src/extract/find/cited-title';
import { classifyIntent } from '../../../src/extract/find/intent';
import { DocumentKeys, documentTitleKey } from '../../../src/extract/resolve/documents';
import { docNumberKey } from '../../../src/extract/normalize';

describe('文号', () => {
  it('finds every real bracket shape and prefix', () => {
    const text =
      '贯彻落实《意见》(中发〔2019〕26号)和国办发[2019]15号、教基(2022)7号、鄂党办发〔2019〕第12号、法释［2020］5号,以及内党办发【2019】15号。';
    const found = findDocNumbers(text).map((n) => n.value);
    expect(found).toEqual(['中发〔2019〕26号', '国办发〔2019〕15号', '教基〔2022〕7号', '鄂党办发〔2019〕12号', '法释〔2020〕5号', '内党办发〔2019〕15号']);
  });

  it('does not take the governing verb into the prefix', () => {
    expect(findDocNumbers('对照国发〔2012〕54号要求,落实教基〔2020〕3号,执行鄂党办发〔2019〕12号').map((n) => n.value)).toEqual([
      '国发〔2012〕54号',
      '教基〔2020〕3号',
      '鄂党办发〔2019〕12号',
    ]);
  });

  it('keeps the offsets of the 文号 as written', () => {
    const text = '  鄂党办发〔2019〕12号\n';
    const [n] = findDocNumbers(text);
    expect(text.slice(n.start, n.end)).toBe('鄂党办发〔2019〕12号');
    expect(n.prefix).toBe('鄂党办发');
  });

  it('normalises widths so variants compare equal', () => {
    expect(docNumberKey('中发[2019]26号')).toBe(docNumberKey('中发〔2019〕第26号'));
    expect(docNumberKey('国办发（２０１９）１５号')).toBe('国办发〔2019〕15号');
  });
});

describe('bracketed titles', () => {
  it('keeps nested 〈〉 and joins titles broken across lines', () => {
    const text = '落实《内蒙古自治区党委办公厅、自治区人民政府办公厅关于印发〈加快推进内蒙古教育\n现代化实施方案(2018—2022年)〉的通知》。';
    const [t] = findBracketedTitles(text);
    expect(t.inner).toBe('内蒙古自治区党委办公厅、自治区人民政府办公厅关于印发〈加快推进内蒙古教育现代化实施方案(2018—2022年)〉的通知');
  });

  it('skips an unbalanced 《 without losing the titles after it', () => {
    const text = '开展《未闭合的标题。\n\n后来落实《中小学德育工作指南》。';
    expect(findBracketedTitles(text).map((t) => t.inner)).toEqual(['中小学德育工作指南']);
  });

  it('rejects obfuscation noise and publications, keeps short real titles', () => {
    expect(rejectReason('政府')).toBeDefined();
    expect(rejectReason('岗位')).toBeDefined();
    expect(rejectReason('理论')).toBeDefined();
    expect(rejectReason('天府文化校园读本')).toMatch(/publication/);
    expect(rejectReason('习近平总书记教育重要论述讲义')).toMatch(/publication/);
    expect(rejectReason('成都市教师违规违纪案例汇编')).toMatch(/publication/);
    expect(rejectReason('家庭教育促进法')).toBeUndefined();
    expect(rejectReason('成都教育现代化2035')).toBeUndefined();
  });
});

describe('reading a cited title', () => {
  it('takes the issuer out of the title', () => {
    const r = parseCitedTitle('中共中央、国务院关于深化教育教学改革全面提高义务教育质量的意见');
    expect(r.issuerPhrase).toBe('中共中央、国务院');
    expect(r.title).toBe('关于深化教育教学改革全面提高义务教育质量的意见');
    expect(r.kind).toBe('意见');
  });

  it('cites the document a notice issues', () => {
    const r = parseCitedTitle('中共中央办公厅、国务院办公厅关于印发〈加快推进教育现代化实施方案(2018—2022年)〉的通知');
    expect(r.title).toBe('加快推进教育现代化实施方案(2018—2022年)');
    expect(r.issuerPhrase).toBe('中共中央办公厅、国务院办公厅');
    expect(r.kind).toBe('方案');
    expect(r.viaNotice).toBe(true);
  });

  it('leaves titles that begin with 关于 and name no issuer alone', () => {
    const r = parseCitedTitle('关于面向中小学生的全省性竞赛活动管理办法(试行)');
    expect(r.title).toBe('关于面向中小学生的全省性竞赛活动管理办法(试行)');
    expect(r.issuerPhrase).toBeUndefined();
    expect(r.kind).toBe('办法');
    expect(parseCitedTitle('湖北省“大思政课——新时代共同成长工程”实施方案').issuerPhrase).toBeUndefined();
  });

  it('names the kind by the base type word', () => {
    expect(kindOf('成都市乡村教师支持计划实施细则(2015-2020年)')).toBe('细则');
    expect(kindOf('湖北省县域普通高中发展提升行动计划(2022—2025年)')).toBe('计划');
    expect(kindOf('成都教育现代化2035')).toBeUndefined();
    expect(kindOf('随州市校园安全风险责任清单')).toBe('清单');
  });
});

describe('intent', () => {
  const cases: Array<[string, string, string]> = [
    ['为全面贯彻落实', '(中办发〔2018〕67号)和', 'implements'],
    ['推动出台', '健全学校廉政风险防控机制', 'will_issue'],
    ['制定和实施', '', 'will_issue'],
    ['严格按照教育部制定的', '要求', 'implements'],
    ['贯彻落实国务院办公厅印发的', '(国办发〔2019〕15号)', 'implements'],
    ['开展', '立法调研', 'other'],
    ['开展', '中期评估', 'uses'],
    ['进一步统筹', '修编(工作)', 'revises'],
    ['完成', '任务', 'completes'],
    ['完成', '收官任务', 'completes'],
    ['用好', '', 'uses'],
    ['加强对学校', '检查', 'uses'],
    ['做好市人大常委会对我市实施', '情况执法检查工作', 'uses'],
    ['推动', '落地落实', 'implements'],
    ['学习宣传贯彻', '', 'implements'],
    ['围绕', '目标及措施要求', 'implements'],
    ['修订', '', 'revises'],
    ['依托', '开展研究', 'uses'],
  ];
  for (const [before, after, want] of cases) {
    it(`${before}《…》${after} → ${want}`, () => expect(classifyIntent(before, after)).toBe(want));
  }
});

describe('document identity', () => {
  it('pairs a title with its 文号 wherever one mention gives both', () => {
    const keys = new DocumentKeys();
    keys.add('关于深化教育教学改革全面提高义务教育质量的意见', '中发〔2019〕26号');
    keys.add('关于深化教育教学改革全面提高义务教育质量的意见');
    keys.add(undefined, '中发[2019]第26号');
    const ids = new Set([
      keys.idOf('关于深化教育教学改革全面提高义务教育质量的意见'),
      keys.idOf(undefined, '中发〔2019〕26号'),
      keys.idOf('关于深化教育教学改革全面提高义务教育质量的意见', '中发〔2019〕26号'),
    ]);
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBe('doc:中发〔2019〕26号');
  });

  it('never merges two different 文号 through a shared title', () => {
    const keys = new DocumentKeys();
    keys.add('学校安全条例', '某发〔2010〕1号');
    keys.add('学校安全条例', '某发〔2020〕2号');
    expect(keys.idOf(undefined, '某发〔2010〕1号')).not.toBe(keys.idOf(undefined, '某发〔2020〕2号'));
  });

  it('treats dash, bracket width and a law’s 中华人民共和国 prefix as the same title', () => {
    expect(documentTitleKey('加快推进教育现代化实施方案（2018－2022年）')).toBe(documentTitleKey('加快推进教育现代化实施方案(2018—2022年)'));
    expect(documentTitleKey('中华人民共和国家庭教育促进法')).toBe(documentTitleKey('家庭教育促进法'));
  });
});
