/**
 * cleanText folds widths by char code and runs its line rules only on lines holding a character the
 * rule needs (one combined chrome-line regex, per-widget character sets); its contract is the
 * regex-per-rule cleaner it replaced, kept here as the oracle. Random lines over the characters the
 * rules look at, random Unicode, HTML-page chrome and the seeds must clean identically.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isBoilerplateLine, isJsSpace } from '../../../src/extract/clean';
import { decodeBytes } from '../../../src/extract/decode';
import { htmlToText, looksLikeHtml } from '../../../src/extract/html';

// ---- the oracle: the cleaner before the rewrite, verbatim ----
const FOLDABLE = /[\uFF01-\uFF5E\u00A0\u1680\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF\u00AD\u180E]/g;
const oldFold = (text: string) =>
  text.replace(FOLDABLE, (ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ' ';
  });
const METADATA_LINE =
  /(?:时间|日期)\s*:?\s*\d{4}\s*[-年./]|^(?:发文单位|发文机关|发布机构|发布单位|成文日期|印发日期|信息来源|来源|文号|发文字号|索引号|索引ID)/;
const WIDGET_ONLY_LINE = new RegExp(
  '^(?:' +
    [
      '打印本页', '打印此页', '打印文章', '打印', '关闭本页', '关闭窗口', '关闭', '收藏本页', '加入收藏', '收藏',
      '返回顶部', '返回首页', '返回列表', '返回', '保存本页', '保存', '分享到', '分享', '我要纠错', '纠错', '字号',
      '字体', '默认', '大', '中', '小', '黑色', '红色', '灰色', '蓝色', '绿色', '背景色', '视力保护色', '护眼', '微信',
      '微博', 'QQ空间', 'QQ', '扫一扫', '繁体', '简体', '无障碍浏览', '无障碍', '长者模式', '关怀版', '手机版', '朗读',
      '网站地图', '联系我们', '设为首页', '登录', '注册', 'English',
      '[【】\\[\\]()|:/·•>\\s-]',
    ].join('|') +
    ')+$',
);
const CHROME_LINES: RegExp[] = [
  /^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前所在位置|所在位置|现在的位置)\s*:/,
  /^(?:网站首页|首页|主页)\s*(?:>|»|›|→|\/)/,
  /^分享到/,
  /^(?:扫一扫|微信扫一扫|手机扫一扫|扫描二维码|用手机扫描|打开微信)/,
  /^(?:转载声明|版权声明|免责声明|版权所有|Copyright|©)/i,
  /ICP备|ICP证|网站标识码|公网安备/,
  /^(?:上一篇|下一篇|上一条|下一条)/,
  /^(?:责任编辑|编辑|审核|校对|审校|终审|初审|浏览次数|访问次数|点击数|阅读次数)\s*:.{0,40}$/,
  /^(?:相关链接|相关文章|相关阅读|相关新闻|推荐阅读|热点推荐|相关稿件)\s*:?$/,
  /^(?!关于)[\u4e00-\u9fffA-Za-z0-9]{2,30}(?:官方微信|官方微博|微信公众号|官方公众号|政务微信|政务微博|微信公众平台|政务新媒体|门户网站|官方网站|客户端)$/,
  /^\|+$/,
];
const INLINE_WIDGETS: RegExp[] = [
  /[【[]\s*[】\]]/g,
  /【?[ \t]*(?:黑色|红色|灰色|蓝色|绿色|默认|护眼)(?:[ \t]+(?:黑色|红色|灰色|蓝色|绿色|默认|护眼)){1,5}[ \t]*】?/g,
  /【?(?:字号|字体)\s*:\s*(?:[[【(]?[ \t]*[大中小]?[ \t]*[\]】)]?[ \t]*){0,3}】?/g,
  /[【[]\s*(?:打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|收藏本页|加入收藏|收藏|返回顶部|返回|保存|分享|我要纠错|纠错|大|中|小|默认)\s*[】\]]/g,
  /扫一扫在手机上查看当前页面|打印本页|关闭窗口|返回顶部|加入收藏|我要纠错/g,
  /(?:浏览次数|访问次数|阅读次数|点击数|点击量|浏览量|阅读量|访问量)\s*:\s*\d*\s*次?/g,
  /^[ \t]*\|(?=[ \t])|(?<=[ \t])\|[ \t]*$/g,
];
const ATTACHMENT_LABEL = /^附件\s*:?$/;
function oldIsChrome(folded: string): boolean {
  const line = folded.trim();
  if (line === '' || line.length > 200) return false;
  if (METADATA_LINE.test(line)) return false;
  return WIDGET_ONLY_LINE.test(line) || CHROME_LINES.some((re) => re.test(line));
}
function oldCleanText(text: string): string {
  const folded = oldFold(text);
  const blank: Array<[number, number]> = [];
  const lines: Array<{ start: number; end: number; chrome: boolean; attachment: boolean }> = [];
  for (let start = 0; start <= folded.length; ) {
    let end = folded.indexOf('\n', start);
    if (end < 0) end = folded.length;
    const line = folded.slice(start, end);
    const chrome = oldIsChrome(line);
    lines.push({ start, end, chrome, attachment: !chrome && ATTACHMENT_LABEL.test(line.trim()) });
    if (chrome) blank.push([start, end]);
    else
      for (const re of INLINE_WIDGETS) {
        re.lastIndex = 0;
        for (let m = re.exec(line); m; m = re.exec(line)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          blank.push([start + m.index, start + m.index + m[0].length]);
        }
      }
    start = end + 1;
  }
  const frontMatter = /^---[ \t]*\r?\n[\s\S]*?\n---[ \t]*(?=\r?\n|$)/.exec(folded);
  if (frontMatter) blank.push([0, frontMatter[0].length]);
  for (const l of lines) {
    const marker = /^[ \t]*(?:#{1,6}|>)[ \t]+/.exec(folded.slice(l.start, Math.min(l.end, l.start + 12)));
    if (marker) blank.push([l.start, l.start + marker[0].length]);
  }
  let onlyChromeAfter = true;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.attachment && onlyChromeAfter) blank.push([l.start, l.end]);
    else if (!l.chrome && folded.slice(l.start, l.end).trim() !== '') onlyChromeAfter = false;
  }
  if (blank.length === 0) return folded;
  blank.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of blank) {
    const from = Math.max(s, pos);
    if (e <= from) continue;
    parts.push(folded.slice(pos, from), folded.slice(from, e).replace(/[^\r\n]/g, ' '));
    pos = e;
  }
  parts.push(folded.slice(pos));
  return parts.join('');
}
// ---- end of the oracle ----

/** Words and characters the rules look at, so random lines often (partly) match them. */
const PIECES = [
  ...'打印本页关闭窗口收藏返回顶部保存分享到我要纠错字号体默认大中小黑色红绿蓝灰护眼微信博QQ空间扫一繁简无障碍长者模式关怀版手机朗读网站地图联系们设为首登录注册English',
  ...'【】[]()|:/·•>-#附件次数浏览访问阅读点击量关于官方公众号平台政务新媒体门户客户端当前位置您的现在所首页主页»›→责任编辑审核校对ICP备证标识码公安上下一篇条相链接推荐热点稿件©Copyrightcopyright',
  ...'发布时间日期2020年-./来源文号索引ID发文单位',
  ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2002', '\u200b', '\ufeff', '\u00ad', '\u2028', '\uff01', '\uff1a', '\uff08', '\uff09', '\uff5e', '\uff5f', '\ud800', '\udc00',
  '打印本页', '关闭窗口', '字号:', '【大 中 小】', '黑色 红色', '扫一扫在手机上查看当前页面', '浏览次数:12次', '当前位置:', '首页>', '版权所有', 'COPYRIGHT', 'copyright 2020', 'CopyRight',
  '鄂尔多斯市人民政府官方微信', '关于印发', '---\n', '## ', '> ', '附件:', '| ', ' |', '|||', '2019年12月', '发布时间:2020-03-03',
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));

describe('cleanText against the regex-per-rule oracle', () => {
  it('random lines and texts over the characters the rules read', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (ls) => {
        const text = ls.join('\n');
        expect(cleanText(text)).toBe(oldCleanText(text));
        for (const l of ls) expect(isBoilerplateLine(l)).toBe(oldIsChrome(oldFold(l)));
      }),
      { numRuns: 3000 },
    );
  });

  it('random Unicode (full-width forms, spaces, surrogates)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 })), (s) => {
        expect(cleanText(s)).toBe(oldCleanText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('every code unit folds as before, and isJsSpace is /\\s/', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    expect(cleanText(all)).toBe(oldCleanText(all));
    for (let c = 0; c < 0x10000; c++) expect(isJsSpace(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('the seeds and the decode fixtures (saved web pages with their chrome)', () => {
    const dirs = [join(__dirname, '../../../seeds'), join(__dirname, '../../fixtures')];
    let n = 0;
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(txt|md|html?)$/i.test(e.name)) {
          let text: string;
          try {
            text = decodeBytes(new Uint8Array(readFileSync(p))).text;
          } catch {
            continue; // fixtures of unreadable files
          }
          if (looksLikeHtml(p, text)) text = htmlToText(text);
          expect(cleanText(text), p).toBe(oldCleanText(text));
          n++;
        }
      }
    };
    dirs.forEach(walk);
    expect(n).toBeGreaterThan(5);
  });
});
