/**
 * Reading a bracketed title: the issuer stated inside it (中共中央、国务院关于…), the document a
 * notice issues (关于印发〈X〉的通知 cites X), and the document type word it ends in.
 */
import { KIND_WORDS } from '../segment/lines';
import { memoizeString } from '../memo';

export interface CitedTitle {
  /** The title with a leading issuer removed; for 关于印发〈X〉的通知, X. */
  title: string;
  /** The issuer phrase written inside the title, if any (中共中央办公厅、国务院办公厅). */
  issuerPhrase?: string;
  /** True when the bracket was a notice issuing the cited document. */
  viaNotice: boolean;
  kind?: string;
}

// The body that issued a document ends in one of these words (教育部, 国务院办公厅, 市委, 人民政府…).
const ISSUER_END = /(?:中央|国务院|党中央|部|厅|委|办|局|政府|办公室|委员会|院|会|署|中心|党委|常委会|法院|检察院|国办|中办|工委)$/u;
const NOT_ISSUER = /[的在和为对与把将从]|^(?:关于|进一步|全面|加快|深化)/u;

const NOTICE = /^(.*?)(?:关于)?(?:印发|转发|颁布|发布)[〈《](.+)[〉》](?:的)?(?:通知|决定|通告)$/u;
const ABOUT = /^(.{2,40}?)(关于.+)$/u;

export function looksLikeIssuerPhrase(s: string): boolean {
  return s.length >= 2 && ISSUER_END.test(s) && !NOT_ISSUER.test(s);
}

/**
 * The reading of a bracketed title. Memoized: a corpus cites the same documents in file after file,
 * and each citation is read twice (its type while short forms are collected, then in full); the
 * result is shared, so callers must not change it.
 */
export const parseCitedTitle: (inner: string) => Readonly<CitedTitle> = memoizeString(readCitedTitle);

function readCitedTitle(inner: string): CitedTitle {
  const notice = NOTICE.exec(inner);
  if (notice) {
    const phrase = notice[1].replace(/关于$/, '');
    return {
      title: notice[2],
      issuerPhrase: looksLikeIssuerPhrase(phrase) ? phrase : undefined,
      viaNotice: true,
      kind: kindOf(notice[2]),
    };
  }
  const about = ABOUT.exec(inner);
  if (about && looksLikeIssuerPhrase(about[1])) {
    return { title: about[2], issuerPhrase: about[1], viaNotice: false, kind: kindOf(about[2]) };
  }
  return { title: inner, viaNotice: false, kind: kindOf(inner) };
}

const TRAILING_NOTE = /(?:[(（][^()（）]{0,20}[)）])+$/u;
const KIND_RE = new RegExp(`(${KIND_WORDS.join('|')})$`, 'u');
const BASE_KIND: Record<string, string> = {
  工作要点: '要点', 实施方案: '方案', 行动方案: '方案', 工作方案: '方案', 实施意见: '意见', 指导意见: '意见',
  若干意见: '意见', 行动计划: '计划', 实施办法: '办法', 管理办法: '办法', 实施细则: '细则',
};

/** The base document-type word a title ends in (实施方案 → 方案), ignoring (试行) or (2018—2022年). */
export function kindOf(title: string): string | undefined {
  const bare = title.replace(TRAILING_NOTE, '').replace(/[”"’]+$/, '');
  const m = KIND_RE.exec(bare);
  if (!m) return undefined;
  return BASE_KIND[m[1]] ?? m[1];
}
