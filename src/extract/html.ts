/**
 * HTML → plain text, the way a .txt copy of the page reads: the <title> first, then the visible text
 * with block elements on their own lines and table cells separated by tabs. Nothing is executed and no
 * attribute value (onerror, href="javascript:…", src) ever reaches the output; only text nodes do.
 */
import { Parser } from 'htmlparser2';

const EXTENSION = /\.(?:html?|xhtml|shtml)$/i;

/** True for .htm(l) files, and for other files whose content starts like an HTML document. */
export function looksLikeHtml(path: string, text: string): boolean {
  if (EXTENSION.test(path)) return true;
  const head = text.slice(0, 2048).replace(/^(?:\s|\uFEFF|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '');
  return /^<(?:!doctype\s+html|html[\s>])/i.test(head);
}

/** Elements whose content is never page text (code, chrome, forms, navigation). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'svg', 'math', 'object', 'embed',
  'canvas', 'audio', 'video', 'nav', 'footer', 'aside', 'form', 'select', 'button', 'textarea', 'head',
]);

/** Class or id words that mark navigation and share widgets on div-based government sites. */
const CHROME_CLASS = /(?:^|[\s_-])(?:breadcrumbs?|crumbs?|bdshare|share|sharebox|navbar|nav|menu|topbar|toolbar|footer)(?:$|[\s_-])/i;

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr',
  'ul',
]);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let title = '';
  let inTitle = 0;
  let titleDone = false; // only the document's first <title> (an <svg><title> is not the page title)
  let skipDepth = 0;
  let preDepth = 0;
  /** Open-element stack entries: whether each element started a skipped region. */
  const skipStack: boolean[] = [];
  let contentDepth = 0; // inside <article> or <main>, where <header> holds the document's own heading
  let lineHasText = false;
  let pendingBreaks = 0;
  let pendingSpace = false;
  let pendingCell = false;

  const breakLine = (n = 1) => {
    if (out.length > 0) pendingBreaks = Math.min(2, Math.max(pendingBreaks, n));
    pendingSpace = false;
    pendingCell = false;
  };
  const emit = (s: string) => {
    if (pendingBreaks > 0) {
      out.push('\n'.repeat(pendingBreaks));
      lineHasText = false;
    } else if (pendingCell && lineHasText) out.push('\t');
    else if (pendingSpace && lineHasText) out.push(' ');
    pendingBreaks = 0;
    pendingSpace = false;
    pendingCell = false;
    out.push(s);
    lineHasText = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const hidden =
          'hidden' in attribs ||
          /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '') ||
          CHROME_CLASS.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`);
        const skip = SKIPPED.has(name) || (name === 'header' && contentDepth === 0) || hidden;
        skipStack.push(skip);
        if (skip) skipDepth++;
        if (name === 'title' && !titleDone) inTitle++;
        if (name === 'article' || name === 'main') contentDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (name === 'br') {
          if (pendingBreaks === 0 && out.length > 0) out.push('\n');
          else if (pendingBreaks > 0) pendingBreaks = Math.min(2, pendingBreaks + 1);
          lineHasText = false;
          pendingSpace = false;
        } else if (name === 'td' || name === 'th') pendingCell = true;
        else if (BLOCK.has(name)) breakLine(name === 'p' || /^h\d$/.test(name) ? 2 : 1);
      },
      onclosetag(name) {
        const skip = skipStack.pop();
        if (name === 'title' && inTitle > 0) {
          inTitle--;
          titleDone = true;
        }
        if (name === 'article' || name === 'main') contentDepth = Math.max(0, contentDepth - 1);
        if (skip) {
          skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'td' || name === 'th') pendingCell = true;
        else if (BLOCK.has(name)) breakLine(name === 'p' || /^h\d$/.test(name) ? 2 : 1);
      },
      ontext(data) {
        if (inTitle > 0) {
          title += data;
          return;
        }
        if (skipDepth > 0) return;
        if (preDepth > 0) {
          if (data) emit(data);
          return;
        }
        // Collapse HTML whitespace; U+3000 and NBSP are content (indentation) and stay.
        const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
        if (collapsed === ' ' || collapsed === '') {
          if (collapsed === ' ') pendingSpace = true;
          return;
        }
        if (collapsed.startsWith(' ')) pendingSpace = true;
        const trimmedEnd = collapsed.endsWith(' ');
        emit(collapsed.trim() === '' ? collapsed : collapsed.replace(/^ | $/g, ''));
        if (trimmedEnd) pendingSpace = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const body = out.join('').replace(/[ \t]+$/gm, '');
  const heading = title.replace(/\s+/g, ' ').trim();
  return heading ? `${heading}\n${body.replace(/^\n+/, '')}` : body.replace(/^\n+/, '');
}
