/**
 * Offset-preserving clean-up of decoded text. Every change replaces one UTF-16 unit by one, so an
 * offset into the cleaned text is the same offset into the decoded text that is stored and shown:
 * - width folding: full-width ASCII (！…～) → ASCII, exotic spaces → ' ', zero-width characters → ' ';
 *   〔〕【】《》〈〉“” and the em dash are kept, they carry meaning for 文号 and titles;
 * - web-page chrome blanked to spaces (newlines kept): breadcrumbs, share/print/font-size/colour
 *   widgets, QR-code prompts, reprint notices, site footers, official-account banners.
 * Metadata lines that carry a date or an issuer (发布时间:…, 发文单位 …) are kept; only widgets inside
 * them are blanked.
 */

/**
 * One-unit replacements: full-width ASCII (U+FF01–U+FF5E → ASCII), spaces of every width and
 * invisible characters (U+00A0, U+1680, U+2000–U+200D, U+202F, U+205F, U+2060, U+3000, U+FEFF,
 * U+00AD, U+180E → ' '). Read by char code: Chinese text is full of （），：; and a replace callback
 * made one string per such character.
 */
function foldCode(c: number): number {
  if (c < 0xa0) return c;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xfeff || c === 0xa0 || c === 0xad || c === 0x1680 || c === 0x180e) return 0x20;
  if (c >= 0x2000 && (c <= 0x200d || c === 0x202f || c === 0x205f || c === 0x2060)) return 0x20;
  return c;
}

/** Code units per String.fromCharCode call (well under any engine's argument limit). */
const FOLD_CHUNK = 4096;
/** Decodes a Uint16Array of code units in the platform's byte order. */
const utf16 = new TextDecoder(new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be');

function fold(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (foldCode(c) !== c) break;
    i++;
  }
  if (i === n) return text;
  const codes = new Uint16Array(n - i);
  let surrogate = false;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) surrogate = true;
    codes[k - i] = foldCode(c);
  }
  // The native UTF-16 decoder is the fast way back to a string, but it would replace a lone
  // surrogate: text holding any surrogate is rebuilt unit by unit instead.
  if (!surrogate) return text.slice(0, i) + utf16.decode(codes);
  let out = text.slice(0, i);
  for (let k = 0; k < codes.length; k += FOLD_CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(k, k + FOLD_CHUNK) as unknown as number[]);
  }
  return out;
}

/** Lines longer than this are prose, never page chrome; whole-line rules skip them. */
const MAX_CHROME_LINE = 200;

/** Lines that carry the document's date or issuer: the segmenter reads them. */
const METADATA_LINE =
  /(?:时间|日期)\s*:?\s*\d{4}\s*[-年./]|^(?:发文单位|发文机关|发布机构|发布单位|成文日期|印发日期|信息来源|来源|文号|发文字号|索引号|索引ID)/;

const WIDGET_WORDS = [
  '打印本页', '打印此页', '打印文章', '打印', '关闭本页', '关闭窗口', '关闭', '收藏本页', '加入收藏', '收藏',
  '返回顶部', '返回首页', '返回列表', '返回', '保存本页', '保存', '分享到', '分享', '我要纠错', '纠错', '字号',
  '字体', '默认', '大', '中', '小', '黑色', '红色', '灰色', '蓝色', '绿色', '背景色', '视力保护色', '护眼', '微信',
  '微博', 'QQ空间', 'QQ', '扫一扫', '繁体', '简体', '无障碍浏览', '无障碍', '长者模式', '关怀版', '手机版', '朗读',
  '网站地图', '联系我们', '设为首页', '登录', '注册', 'English',
];
const WIDGET_SEPARATORS = '【】[]()|:/·•>-';

/** A line made only of widget words and separators: 打印, 【关闭窗口】, 字号:[大 中 小], 【黑色 红色 灰色】… */
const WIDGET_ONLY_LINE = new RegExp('^(?:' + [...WIDGET_WORDS, '[【】\\[\\]()|:/·•>\\s-]'].join('|') + ')+$');

/**
 * Lines that are always chrome (the whole line goes), as one alternation: one regex run per line
 * instead of one per rule. (Copyright is spelled case-insensitively by hand: the rules share no flag.)
 */
const CHROME_LINE = new RegExp(
  [
    // breadcrumbs
    /^(?:当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前所在位置|所在位置|现在的位置)\s*:/,
    /^(?:网站首页|首页|主页)\s*(?:>|»|›|→|\/)/,
    // share, QR code, reprint, footer
    /^分享到/,
    /^(?:扫一扫|微信扫一扫|手机扫一扫|扫描二维码|用手机扫描|打开微信)/,
    /^(?:转载声明|版权声明|免责声明|版权所有|[Cc][Oo][Pp][Yy][Rr][Ii][Gg][Hh][Tt]|©)/,
    /ICP备|ICP证|网站标识码|公网安备/,
    /^(?:上一篇|下一篇|上一条|下一条)/,
    /^(?:责任编辑|编辑|审核|校对|审校|终审|初审|浏览次数|访问次数|点击数|阅读次数)\s*:.{0,40}$/,
    /^(?:相关链接|相关文章|相关阅读|相关新闻|推荐阅读|热点推荐|相关稿件)\s*:?$/,
    // a site's or official account's name standing alone: 鄂尔多斯市人民政府官方微信
    /^(?!关于)[\u4e00-\u9fffA-Za-z0-9]{2,30}(?:官方微信|官方微博|微信公众号|官方公众号|政务微信|政务微博|微信公众平台|政务新媒体|门户网站|官方网站|客户端)$/,
    // separator lines left from HTML tables: |
    /^\|+$/,
  ]
    .map((re) => `(?:${re.source})`)
    .join('|'),
);

/**
 * Widgets inside a line that also holds content (a metadata line, a title line), each with the
 * characters one of which any match contains: a line holding none of them is not searched.
 */
const INLINE_WIDGETS: Array<{ re: RegExp; needs: string }> = [
  { re: /[【[]\s*[】\]]/g, needs: '【[' }, // empty font-size brackets 【  】 [ ]
  { re: /【?[ \t]*(?:黑色|红色|灰色|蓝色|绿色|默认|护眼)(?:[ \t]+(?:黑色|红色|灰色|蓝色|绿色|默认|护眼)){1,5}[ \t]*】?/g, needs: '黑红灰蓝绿默护' },
  { re: /【?(?:字号|字体)\s*:\s*(?:[[【(]?[ \t]*[大中小]?[ \t]*[\]】)]?[ \t]*){0,3}】?/g, needs: '字' },
  {
    re: /[【[]\s*(?:打印本页|打印此页|打印|关闭本页|关闭窗口|关闭|收藏本页|加入收藏|收藏|返回顶部|返回|保存|分享|我要纠错|纠错|大|中|小|默认)\s*[】\]]/g,
    needs: '【[',
  },
  { re: /扫一扫在手机上查看当前页面|打印本页|关闭窗口|返回顶部|加入收藏|我要纠错/g, needs: '扫打关返加我' },
  { re: /(?:浏览次数|访问次数|阅读次数|点击数|点击量|浏览量|阅读量|访问量)\s*:\s*\d*\s*次?/g, needs: '浏访阅点' },
  { re: /^[ \t]*\|(?=[ \t])|(?<=[ \t])\|[ \t]*$/g, needs: '|' }, // stray table pipes at the edges of a line
];

const ATTACHMENT_LABEL = /^附件\s*:?$/;

/** The code units /\s/ matches (and String.prototype.trim removes). */
export function isJsSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// Per code unit, what a line holding it may be: bit 0 a character of WIDGET_ONLY_LINE (a line of
// others only is no widget line), bit 1 + k a character INLINE_WIDGETS[k] needs, the last bit 附.
const WIDGET_CHAR = 1;
const ATTACHMENT_CHAR = 1 << (INLINE_WIDGETS.length + 1);
const CHAR_FLAGS = new Uint16Array(0x10000);
for (const ch of WIDGET_WORDS.join('') + WIDGET_SEPARATORS) CHAR_FLAGS[ch.charCodeAt(0)] |= WIDGET_CHAR;
for (let c = 0; c < 0x10000; c++) if (isJsSpace(c)) CHAR_FLAGS[c] |= WIDGET_CHAR;
INLINE_WIDGETS.forEach((w, k) => {
  for (const ch of w.needs) CHAR_FLAGS[ch.charCodeAt(0)] |= 2 << k;
});
CHAR_FLAGS['附'.charCodeAt(0)] |= ATTACHMENT_CHAR;

/** `widgetChars`: every character of the line may belong to a widget-only line (else that rule cannot match). */
function isChrome(folded: string, widgetChars: boolean): boolean {
  const line = folded.trim();
  if (line === '' || line.length > MAX_CHROME_LINE) return false;
  if (METADATA_LINE.test(line)) return false;
  return (widgetChars && WIDGET_ONLY_LINE.test(line)) || CHROME_LINE.test(line);
}

function onlyWidgetChars(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!(CHAR_FLAGS[line.charCodeAt(i)] & WIDGET_CHAR)) return false;
  return true;
}

/** True when the whole line is web-page chrome (never for metadata lines carrying a date or issuer). */
export function isBoilerplateLine(line: string): boolean {
  const folded = fold(line);
  return isChrome(folded, onlyWidgetChars(folded));
}

/** Where a markdown heading / quote marker may begin: after spaces and tabs, within the line's first 12 units. */
function startsWithMarkdownMarker(text: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + 12);
  let i = start;
  while (i < limit && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  const c = i < limit ? text.charCodeAt(i) : -1;
  return c === 0x23 /* # */ || c === 0x3e /* > */;
}

/** Folds widths and blanks page chrome; the result has exactly the length of `text`. */
export function cleanText(text: string): string {
  const folded = fold(text);
  const blank: Array<[number, number]> = [];
  const lines: Array<{ start: number; end: number; chrome: boolean; attachment: boolean; blank: boolean }> = [];
  for (let start = 0; start <= folded.length; ) {
    let end = folded.indexOf('\n', start);
    if (end < 0) end = folded.length;
    let mask = 0;
    let widgetChars = true;
    for (let k = start; k < end; k++) {
      const f = CHAR_FLAGS[folded.charCodeAt(k)];
      mask |= f;
      if (!(f & WIDGET_CHAR)) widgetChars = false;
    }
    // The line trimmed, as offsets: no copy of a line too long to be chrome (most prose).
    let ts = start;
    let te = end;
    while (ts < te && isJsSpace(folded.charCodeAt(ts))) ts++;
    while (te > ts && isJsSpace(folded.charCodeAt(te - 1))) te--;
    const trimmed = te - ts > 0 && te - ts <= MAX_CHROME_LINE ? folded.slice(ts, te) : undefined;
    const chrome = trimmed !== undefined && isChrome(trimmed, widgetChars);
    const attachment = !chrome && (mask & ATTACHMENT_CHAR) !== 0 && ATTACHMENT_LABEL.test(trimmed ?? folded.slice(ts, te));
    lines.push({ start, end, chrome, attachment, blank: ts === te });
    if (chrome) blank.push([start, end]);
    else if (mask >> 1 !== 0) {
      const line = folded.slice(start, end);
      for (let w = 0; w < INLINE_WIDGETS.length; w++) {
        if (!(mask & (2 << w))) continue;
        const re = INLINE_WIDGETS[w].re;
        re.lastIndex = 0;
        for (let m = re.exec(line); m; m = re.exec(line)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          blank.push([start + m.index, start + m.index + m[0].length]);
        }
      }
    }
    start = end + 1;
  }
  // Markdown: YAML front matter at the top, and heading / quote / list markers, are not document text.
  const frontMatter = /^---[ \t]*\r?\n[\s\S]*?\n---[ \t]*(?=\r?\n|$)/.exec(folded);
  if (frontMatter) blank.push([0, frontMatter[0].length]);
  for (const l of lines) {
    if (!startsWithMarkdownMarker(folded, l.start, l.end)) continue;
    const marker = /^[ \t]*(?:#{1,6}|>)[ \t]+/.exec(folded.slice(l.start, Math.min(l.end, l.start + 12)));
    if (marker) blank.push([l.start, l.start + marker[0].length]);
  }
  // An empty 附件: label with nothing but chrome after it is the page's attachment widget.
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.attachment) blank.push([l.start, l.end]);
    else if (!l.chrome && !l.blank) break; // text after it: no later 附件 label can be the widget
  }
  return blankRanges(folded, blank);
}
/** Replaces every character in the ranges with a space, keeping line breaks. */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    const from = Math.max(s, pos);
    if (e <= from) continue;
    parts.push(text.slice(pos, from), text.slice(from, e).replace(/[^\r\n]/g, ' '));
    pos = e;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
