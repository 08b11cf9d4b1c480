/** Lays a rendered document out as a file: plain text (seed style), Markdown, or a government web page. */
import type { Block, RenderedDoc } from './render';
import type { Rng } from './rng';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function layout(doc: RenderedDoc, format: 'txt' | 'md' | 'html', r: Rng): string {
  if (format === 'md') return doc.blocks.map(md).join('\n\n') + '\n';
  if (format === 'html') {
    const body = doc.blocks.map(html).join('\n');
    return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>` +
      `<script>var _hmt = _hmt || [];</script></head>\n<body><div class="nav"><a href="/">首页</a> &gt; 政务公开</div>\n` +
      `<div class="article">\n${body}\n</div><div class="footer">主办单位：${escapeHtml(doc.region)}教育局</div></body></html>\n`;
  }
  // Plain text: some sites indent paragraphs with ideographic spaces, some leave blank lines.
  const indent = r.chance(0.4) ? '\u3000\u3000' : '';
  const gap = r.chance(0.5) ? '\n\n' : '\n';
  return doc.blocks.map((b) => (b.kind === 'para' ? indent + b.text : b.text)).join(gap) + '\n';
}

function md(b: Block): string {
  if (b.kind === 'title') return `# ${b.text}`;
  if (b.kind === 'heading') return `${b.level === 1 ? '##' : '###'} ${b.text}`;
  if (b.kind === 'signature') return b.text.split('\n').join('  \n');
  return b.text;
}

function html(b: Block): string {
  if (b.kind === 'title') return `<h1>${escapeHtml(b.text)}</h1>`;
  if (b.kind === 'heading') return `<p style="text-indent:2em"><strong>${escapeHtml(b.text)}</strong></p>`;
  if (b.kind === 'signature') return `<p style="text-align:right">${b.text.split('\n').map(escapeHtml).join('<br>')}</p>`;
  return `<p>${escapeHtml(b.text)}</p>`;
}
