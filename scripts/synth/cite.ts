/**
 * How a document is cited in running text, in the variants real documents use: bracket shapes and
 * widths of the 文号 (〔〕 [] （） ［］), dashes in a title's period (— – - －), an issuer before the
 * title (教育部《…》), the notice form with nested 〈〉, the 中共中央 国务院 spacing, and a 文号
 * alone. Every citation is returned with the record the ground truth keeps.
 */
import type { CatalogDoc } from './world';
import type { Rng } from './rng';

export interface PlantedCitation {
  /** Normalised 文号 (〔〕 brackets) when the text gives one. */
  docNumber?: string;
  /** Titles the citation may resolve to (the bare title, and the written notice/issuer form). */
  titles: string[];
  form: 'title' | 'title+number' | 'issuer+title' | 'notice' | 'number-only' | 'promise';
  /** Bracket style of the 文号's year as written. */
  bracket?: string;
  dash?: string;
}

const YEAR_BRACKETS: [string, string][] = [['〔', '〕'], ['〔', '〕'], ['〔', '〕'], ['[', ']'], ['（', '）'], ['［', '］'], ['(', ')']];
const DASHES = ['—', '—', '—', '–', '-', '－'];

/** The 文号 written with another bracket shape for the year: 国发[2019]4号. */
export function writeDocNumber(r: Rng, docNumber: string): { text: string; bracket: string } {
  const [open, close] = r.pick(YEAR_BRACKETS);
  return { text: docNumber.replace('〔', open).replace('〕', close), bracket: open + close };
}

function withDash(r: Rng, title: string): { text: string; dash?: string } {
  if (!title.includes('—')) return { text: title };
  const dash = r.pick(DASHES);
  return { text: title.replace('—', dash), dash };
}

/** Parentheses around a 文号 after a title: full width or ASCII. */
function paren(r: Rng, s: string): string {
  return r.chance(0.7) ? `（${s}）` : `(${s})`;
}

export function cite(r: Rng, d: CatalogDoc): { text: string; planted: PlantedCitation } {
  const titled = withDash(r, d.title);
  const num = writeDocNumber(r, d.docNumber);
  const base = { docNumber: d.docNumber, dash: titled.dash };
  const x = r.next();
  if (x < 0.05) {
    return { text: `${num.text}文件`, planted: { ...base, titles: [d.title], form: 'number-only', bracket: num.bracket } };
  }
  if (d.notice && x < 0.3) {
    const full = `${d.issuer}关于印发〈${titled.text}〉的通知`;
    return {
      text: `《${full}》${paren(r, num.text)}`,
      planted: { ...base, titles: [d.title, full.replace(titled.text, d.title)], form: 'notice', bracket: num.bracket },
    };
  }
  if (!d.notice && x < 0.3) {
    const issuer = d.spacedIssuer && r.chance(0.5) ? d.spacedIssuer : d.issuer;
    const full = `${issuer}${d.title}`;
    return {
      text: `《${full}》${paren(r, num.text)}`,
      planted: { ...base, titles: [d.title, `${d.issuer}${d.title}`], form: 'notice', bracket: num.bracket },
    };
  }
  if (x < 0.45) {
    const issuer = d.issuer.includes('、') ? d.issuer.split('、')[0] : d.issuer;
    return {
      text: `${issuer}${r.chance(0.3) ? '印发的' : ''}《${titled.text}》`,
      planted: { titles: [d.title], form: 'issuer+title', dash: titled.dash },
    };
  }
  if (x < 0.8) {
    return { text: `《${titled.text}》${paren(r, num.text)}`, planted: { ...base, titles: [d.title], form: 'title+number', bracket: num.bracket } };
  }
  return { text: `《${titled.text}》`, planted: { titles: [d.title], form: 'title', dash: titled.dash } };
}
