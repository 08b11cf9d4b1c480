import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isBoilerplateLine } from '../../../src/extract/clean';
import { seed, seeds } from './seeds';

/** The lines of `text` that cleanText blanked entirely (non-blank before, blank after). */
function blankedLines(text: string): string[] {
  const cleaned = cleanText(text).split('\n');
  return text.split('\n').filter((line, i) => line.trim() !== '' && cleaned[i].trim() === '');
}

describe('cleanText keeps offsets', () => {
  it.each(seeds.map((s) => [s.name, s] as const))('seed %s: same length, same line breaks', (_, s) => {
    const cleaned = cleanText(s.text);
    expect(cleaned.length).toBe(s.text.length);
    expect([...cleaned.matchAll(/\n/g)].map((m) => m.index)).toEqual([...s.text.matchAll(/\n/g)].map((m) => m.index));
  });

  it('any string: same length, same \\r and \\n positions, idempotent', () => {
    const chars = fc.constantFrom(
      ...'首页>打印分享到:【】[] 字号黑色红色灰色\n\r\t|中大小发布时间2020-03-03附件扫一扫ＡＢ（）：\u3000\u00a0\u200b\uFEFF〔〕《》“”—a1',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        const c = cleanText(s);
        expect(c.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) if (s[i] === '\n' || s[i] === '\r') expect(c[i]).toBe(s[i]);
        expect(cleanText(c)).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it('changes a character only by folding it or blanking it', () => {
    for (const s of seeds) {
      const c = cleanText(s.text);
      for (let i = 0; i < c.length; i++)
        if (c[i] !== s.text[i]) expect(c[i] === ' ' || s.text.charCodeAt(i) - c.charCodeAt(i) === 0xfee0).toBe(true);
    }
  });

  it('cleans a 2 MB single line fast', () => {
    const line = '推进“双减”工作【 】,ＡＢＣ\u3000'.repeat(130_000);
    expect(line.length).toBeGreaterThan(2_000_000);
    const t0 = performance.now();
    const c = cleanText(line);
    console.log(`took ${(performance.now() - t0).toFixed(0)} ms (timing is printed, never asserted: machines are noisy)`);
    expect(c.length).toBe(line.length);
    expect(c.startsWith('推进“双减”工作   ,ABC 推进')).toBe(true);
  });
});

describe('cleanText folds widths 1:1', () => {
  it('folds full-width ASCII, exotic spaces and zero-width characters', () => {
    expect(cleanText('（一）ＡＢＣ１２３：，；！？％＋')).toBe('(一)ABC123:,;!?%+');
    expect(cleanText('a\u3000b\u00a0c\u2002d\u200ae\u202ff')).toBe('a b c d e f');
    expect(cleanText('教\u200b育\u200d局\uFEFF')).toBe('教 育 局 ');
  });
  it('keeps brackets, quotes and dashes that carry meaning', () => {
    const s = '鄂党办发〔2019〕12号《加快推进〈教育现代化〉方案(2019—2022年)》“双减”【注】';
    expect(cleanText(s)).toBe(s);
  });
});

describe('cleanText on the seeds', () => {
  it('seed 001: blanks the page chrome the gold annotation lists, keeps the document', () => {
    const s = seed('001');
    const c = cleanText(s.text);
    expect(blankedLines(s.text).map((l) => l.trim())).toEqual(
      expect.arrayContaining(['鄂尔多斯市人民政府官方微信', '分享到:', '打印', '转载声明:转载请注明出处并做回链']),
    );
    for (const chrome of ['官方微信', '首页>公开', '分享到', '黑色 红色 灰色', '【  】', '打印', '转载声明']) expect(c).not.toContain(chrome);
    // The web metadata line keeps its date; the document keeps its title line, 文号 and signature.
    for (const kept of ['发布时间:2020-03-03 15:00:00', '鄂党办发〔2019〕12号', '中共鄂尔多斯市委员会办公室', '2019年12月13日'])
      expect(c.indexOf(kept)).toBe(s.text.indexOf(kept));
    expect(c).toContain('鄂尔多斯市委办公室市人民政府办公室关于印发《加快推进鄂尔多斯教育现代化工作方案(2019—2022年)》的通知');
  });

  it('seed 002: blanks breadcrumb, 字号 widget, trailing 附件 and QR prompt, keeps metadata', () => {
    const s = seed('002');
    const c = cleanText(s.text);
    for (const chrome of ['当前位置', '字号', '扫一扫', '附件']) expect(c).not.toContain(chrome);
    for (const kept of ['发文单位 市委教育工委 市教育局', '发布日期 2023-03-06 14:55', '市委教育工委 市教育局关于印发2023年工作要点的通知', '2023年3月5日'])
      expect(c.indexOf(kept)).toBe(s.text.indexOf(kept));
  });

  it('seed 000: blanks the lone "|" line and trailing pipe, keeps the title line', () => {
    const s = seed('000');
    const c = cleanText(s.text);
    expect(c.split('\n')[0].trim()).toBe('');
    expect(c.trimEnd().endsWith('|')).toBe(false);
    expect(c.split('\n')[1]).toBe(s.text.split('\n')[1]);
  });

  it('seeds 003 and 004 (no web chrome) lose no line', () => {
    for (const s of [seed('003'), seed('004')]) expect(blankedLines(s.text)).toEqual([]);
  });
});

describe('boilerplate lines from other government site layouts', () => {
  const chrome = [
    '您现在的位置：首页 > 政务公开 > 通知公告',
    '当前位置: 首页 » 教育动态',
    '首页 > 信息公开 > 规划计划',
    '【字体：大 中 小】【打印本页】【关闭窗口】',
    '字号：大 中 小 | 打印 | 关闭',
    '【大】【中】【小】',
    '［打印］［关闭］',
    '上一篇：关于做好2023年义务教育招生入学工作的通知',
    '下一篇：无',
    '责任编辑：王某某',
    '版权所有：随州市教育局  技术支持：某某网络公司',
    '主办单位：鄂尔多斯市人民政府办公室 网站标识码：1506000001 蒙ICP备05002811号',
    '随州市教育局门户网站',
    '成都市教育局官方微博',
    '微信扫一扫，分享到朋友圈',
    '扫一扫在手机打开当前页',
    '相关链接',
    '网站地图 | 联系我们 | 设为首页',
    '分享到：微信 微博 QQ空间',
    '视力保护色：默认 护眼',
    '｜',
  ];
  it.each(chrome)('blanks %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
    expect(cleanText(`正文。\n${line}\n正文。`)).toBe(`正文。\n${' '.repeat(line.length)}\n正文。`);
  });

  const content = [
    '关于开通随州市教育局官方微信的通知',
    '鄂尔多斯市人民政府关于印发《鄂尔多斯市教育事业发展“十四五”规划》的通知',
    '大中小学思政课一体化建设',
    '传承红色基因,用好红色资源',
    '发布时间：2021-05-06  来源：市教育局',
    '发布日期 2023-03-06 14:55 信息来源 市委教育工委 市教育局',
    '发文单位 市委教育工委 市教育局',
    '成文日期：2022年12月30日',
    '编辑出版《天府文化校园读本》。',
    '首页设计要简洁,方便家长查询。',
    '1.加强打印复印设备管理。',
    '附件:1.随州市2023年教育工作要点',
  ];
  it.each(content)('keeps %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
    expect(cleanText(line).replace(/\s+/g, '')).toBe(
      line.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, ''),
    );
  });

  it('blanks widgets inside a metadata line and keeps its date and source', () => {
    const line = '发布时间：2021-05-06 09:30  来源：市教育局  浏览次数：1234  【字号：大 中 小】【打印】【关闭】';
    const c = cleanText(line);
    expect(c.trimEnd()).toBe('发布时间:2021-05-06 09:30  来源:市教育局');
  });

  it('keeps an attachment label followed by attachments, blanks an empty one at the end', () => {
    expect(cleanText('正文。\n附件：\n1.实施方案\n')).toBe('正文。\n附件:\n1.实施方案\n');
    expect(cleanText('正文。\n附件：   \n\n扫一扫在手机上查看当前页面\n')).toMatch(/^正文。\n\s+\n\n\s+\n$/);
  });

  it('blanks a breadcrumb written with CRLF line ends and keeps the CR', () => {
    const crumb = '当前位置：首页 > 通知';
    expect(cleanText(`${crumb}\r\n正文\r\n`)).toBe(`${' '.repeat(crumb.length)}\r\n正文\r\n`);
  });
});
