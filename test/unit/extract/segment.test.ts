/** Segmentation on real snippets of the seeds and on realistic variants (laws, inline items). */
import { describe, it, expect } from 'vitest';
import { segmentPolicies } from '../../../src/extract/segment';
import { scanMarkers } from '../../../src/extract/segment/markers';
import { acceptMarkers, tasksFromMarkers } from '../../../src/extract/segment/structure';
import { findTocs } from '../../../src/extract/segment/toc';
import { splitLines, looksLikeTitle } from '../../../src/extract/segment/lines';
import { cleanText } from '../../../src/extract/clean';
import { seedNames, seedText, goldFor } from '../../support/seeds';

function tasksOf(text: string) {
  return segmentPolicies(text).flatMap((p) => p.tasks.map((t) => ({ path: t.path.join('/'), title: t.title })));
}

describe('numbered tasks', () => {
  it('reads many tasks inline in one paragraph, with financial-numeral sections (seed 000 style)', () => {
    const text =
      '2018年,全市教育工作的总体要求是:办好人民满意的教育。 一、全方位从严治党,加强党的领导 1.贯彻落实系列重大决策部署。更深学习贯彻。 2.强化党组 织政治重心作用。开展活动。 贰、深化教育改革,激发活力 3.统筹推进教育(综 合)改革。加快编制。 叁、强化素养教育 4.加强德育。做好工作。';
    expect(tasksOf(text)).toEqual([
      { path: '一/1', title: '贯彻落实系列重大决策部署' },
      { path: '一/2', title: '强化党组织政治重心作用' },
      { path: '二/3', title: '统筹推进教育(综合)改革' },
      { path: '三/4', title: '加强德育' },
    ]);
  });

  it('accepts a number missing its dot only where the numbering expects it ("27构建")', () => {
    const text = '一、任务\n26.推进建设。内容。\n27构建优质均衡基本公共教育服务体系。实施行动。\n2024年8月底前竣工。\n28.提高质量。内容。';
    expect(tasksOf(text).map((t) => t.path)).toEqual(['一/26', '一/27', '一/28']);
    expect(tasksOf(text)[1].title).toBe('构建优质均衡基本公共教育服务体系');
  });

  it('does not read quantities and decimals as item numbers', () => {
    const text = '一、目标\n1.提升质量。学前三年毛入园率达到94.5%以上,新增学位1.5万个,落实2.0行动计划。\n2.加强保障。内容。';
    expect(tasksOf(text).map((t) => t.path)).toEqual(['一/1', '一/2']);
  });

  it('makes a subsection without numbered items a task, but not framing subsections', () => {
    const text = [
      '一、总体要求', '(一)指导思想', '以习近平新时代中国特色社会主义思想为指导。', '(二)总体目标', '到2022年,建成体系。',
      '二、重点任务', '(一)实施立德树人工程', '1.武装头脑。内容。', '2.构建体系。内容。',
      '(二)大力发展职业教育', '贯彻落实《国家职业教育改革实施方案》。',
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      { path: '二/(一)/1', title: '武装头脑' },
      { path: '二/(一)/2', title: '构建体系' },
      { path: '二/(二)', title: '大力发展职业教育' },
    ]);
  });

  it('reads articles of a law or regulation as its items', () => {
    const text = ['第一章 总则', '第一条 为了规范管理,制定本条例。', '第二条 本条例适用于本市。', '（一）学校；（二）机构。', '第二章 管理', '第三条 教育行政部门负责管理。'].join('\n');
    expect(tasksOf(text).map((t) => t.path)).toEqual(['一/1', '一/2', '二/3']);
  });
});

describe('compilations', () => {
  it('finds a table of contents with page numbers glued to titles and blank entries', () => {
    const lines = splitLines('1.\n2.市教育局2024年工作要点19\n3.市教育局2024年全市教育工作要点29\n一、坚持目标');
    const tocs = findTocs(lines);
    expect(tocs).toHaveLength(1);
    expect(tocs[0].entries.map((e) => e.title)).toEqual([null, '市教育局2024年工作要点', '市教育局2024年全市教育工作要点']);
  });

  it('splits seed 003 into its five policies and takes outline-only tasks from the outline', () => {
    const text = cleanText(seedText('003_f29dea3288537dee.txt'));
    const policies = segmentPolicies(text);
    expect(policies.map((p) => p.knownTitle)).toEqual([
      '市教育局2024年工作要点', '市教育局2024年工作要点', '市教育局2024年全市教育工作要点', '县教育局2024年工作要点', '县教育局2024年教育工作要点',
    ]);
    // Documents 4 and 5 exist only as outlines; document 1's full text is not duplicated by its outline.
    expect(policies[3].tasks.every((t) => t.fromOutline)).toBe(true);
    expect(policies[0].tasks.filter((t) => t.fromOutline)).toHaveLength(0);
    const doc1Paths = policies[0].tasks.map((t) => t.path.join('/'));
    expect(new Set(doc1Paths).size).toBe(doc1Paths.length);
  });
});

describe('every seed against its gold tasks', () => {
  for (const name of seedNames()) {
    it(`${name}: task paths and titles`, () => {
      const gold = goldFor(name);
      if (!gold) throw new Error(`no gold for ${name}`);
      const policies = segmentPolicies(cleanText(seedText(name)));
      expect(policies).toHaveLength(gold.policies.length);
      const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
      policies.forEach((p, i) => {
        const got = p.tasks.map((t) => `${t.path.join('/')} ${norm(t.title)}`);
        const want = gold.policies[i].tasks.map((t) => `${t.path.join('/')} ${norm(t.title)}`);
        expect(got.sort()).toEqual(want.sort());
      });
    });
  }
});

describe('title lines', () => {
  it('recognises policy titles and rejects sentences and section headings', () => {
    expect(looksLikeTitle('加快推进鄂尔多斯教育现代化工作方案(2019—2022年)')).toBe(true);
    expect(looksLikeTitle('中共随州市委教育工委 随州市教育局2023年工作要点')).toBe(true);
    expect(looksLikeTitle('一、总体要求')).toBe(false);
    expect(looksLikeTitle('现将《方案》印发给你们,请认真贯彻执行。')).toBe(false);
  });
});

describe('markers', () => {
  it('finds sections only at line starts or after a sentence end', () => {
    const ms = scanMarkers('坚持一、二线城市联动。一、总体要求');
    expect(ms.filter((m) => m.kind === 'section').map((m) => m.ordinal)).toEqual([1]);
  });

  it('keeps consistent numbering and drops stray numbers', () => {
    const text = '一、甲\n1.做事。\n2.做事。\n5.跳号的数字。\n3.做事。';
    const accepted = acceptMarkers(scanMarkers(text), text.length);
    const tasks = tasksFromMarkers(text, accepted, false);
    expect(tasks.map((t) => t.path.join('/'))).toEqual(['一/1', '一/2', '一/3']);
  });
});

describe('markdown files', () => {
  it('drops YAML front matter and heading markers, keeping offsets', async () => {
    const { extractFile } = await import('../../../src/extract');
    const md = '---\ntitle: "x"\ntags: [教育]\n---\n\n# 湖北省教育厅关于推进义务教育优质均衡发展的实施意见\n\n一、总体要求\n\n(一)推进学校标准化建设。按照要求改善办学条件。\n';
    const r = await extractFile({ path: 'a.md', bytes: new TextEncoder().encode(md) });
    const p = r.extraction!.policies[0];
    expect(p.title).toBe('湖北省教育厅关于推进义务教育优质均衡发展的实施意见');
    expect(p.tasks.map((t) => t.path.join('/'))).toEqual(['一/(一)']);
    expect(r.text).toBe(md);
  });

  it('makes no policy of a page that is only chrome', async () => {
    const { extractFile } = await import('../../../src/extract');
    const r = await extractFile({ path: 'chrome.txt', bytes: new TextEncoder().encode('首页 > 新闻中心 > 通知公告\n分享到:\n打印本页\n扫一扫在手机上查看当前页面\n') });
    expect(r.extraction!.policies).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toContain('no policy found in the text');
  });
});
