/**
 * Bracketed titles 《…》: nested 〈〉 (and nested 《》) inside, titles broken across lines, and
 * the spans that name no document (obfuscation noise such as 《政府》, publications such as
 * …读本 / …讲义 / …汇编).
 */
import type { Span } from '../types';
import { KIND_WORDS } from '../segment/lines';

export interface TitleMention extends Span {
  /** The bracketed text without the outer 《》, whitespace removed, inner brackets as written. */
  inner: string;
  /** Why this span names no document, if it does not. */
  rejected?: string;
  /** A bare short form (《意见》, 《条例》): a reference to a document named earlier, never a document itself. */
  shortForm?: boolean;
}

const MAX_TITLE = 160;

/** Every balanced 《…》 span; an unbalanced 《 is skipped after MAX_TITLE characters or a blank line. */
export function findBracketedTitles(text: string, from = 0, to = text.length): TitleMention[] {
  const out: TitleMention[] = [];
  let i = from;
  while (i < to) {
    const open = text.indexOf('《', i);
    if (open < 0 || open >= to) break;
    let depth = 0;
    let close = -1;
    const limit = Math.min(to, open + MAX_TITLE);
    for (let j = open; j < limit; j++) {
      const c = text[j];
      if (c === '《') depth++;
      else if (c === '》') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === '\n' && j + 1 < limit && /^\s*\n/.test(text.slice(j + 1, j + 4))) {
        break; // a blank line ends any title
      }
    }
    if (close < 0) {
      i = open + 1;
      continue;
    }
    const inner = text.slice(open + 1, close).replace(/\s+/g, '');
    const mention: TitleMention = { start: open, end: close + 1, inner };
    if (isBareShortForm(inner)) mention.shortForm = true;
    else {
      const why = rejectReason(inner);
      if (why) mention.rejected = why;
    }
    out.push(mention);
    i = close + 1;
  }
  return out;
}

const BARE_KIND = new RegExp(`^(?:该|本|此|上述)?(?:${KIND_WORDS.join('|')})$`, 'u');

/** 《意见》, 《条例》, 《本办法》: a type word alone names no document by itself. */
export function isBareShortForm(inner: string): boolean {
  return BARE_KIND.test(inner.replace(/\s+/g, ''));
}

const PUBLICATION = /(读本|讲义|汇编|选编|文选|文集|丛书|画册|教材|课本|报告集|案例集|杂志|日报|晚报|周刊|学报)$/u;
const KIND_AT_END = new RegExp(`(?:${KIND_WORDS.join('|')})(?:[(（][^()（）]{0,20}[)）])?$`, 'u');

/**
 * Why a bracketed span is not a document reference: too short to be a title without a document
 * type word (《政府》, 《岗位》, 《理论》), or the title of a publication.
 */
export function rejectReason(inner: string): string | undefined {
  const bare = inner.replace(/[〈〉《》“”"]/g, '');
  if (!bare) return 'empty brackets';
  if (PUBLICATION.test(bare)) return 'publication, not a policy document';
  if (!KIND_AT_END.test(bare) && bare.length < 6) return 'too short to name a document';
  return undefined;
}
