/**
 * Citation intent, read from the verb phrase that governs a citation (or a list of adjacent
 * citations) in its clause: implements, will_issue, revises, uses, completes, other. The verb
 * classes follow ../shared/gold/README.md.
 */
import type { Intent } from '../../model';

export const VERBS: Array<[string, Intent]> = [
  ['制定和实施', 'will_issue'], ['制定和落实', 'will_issue'], ['制定并实施', 'will_issue'], ['制定并落实', 'will_issue'],
  ['研究制定', 'will_issue'], ['推动出台', 'will_issue'], ['推进出台', 'will_issue'], ['加快出台', 'will_issue'],
  ['出台', 'will_issue'], ['制定', 'will_issue'], ['制订', 'will_issue'], ['编制', 'will_issue'], ['印发', 'will_issue'],
  ['编写', 'will_issue'], ['起草', 'will_issue'], ['研制', 'will_issue'], ['颁布', 'will_issue'],
  ['修订', 'revises'], ['修改', 'revises'], ['修编', 'revises'], ['完善', 'revises'], ['完整', 'revises'],
  ['完成', 'completes'],
  ['用好', 'uses'], ['参照', 'uses'], ['依托', 'uses'], ['学习', 'uses'], ['利用', 'uses'], ['运用', 'uses'], ['借鉴', 'uses'],
  ['学习宣传贯彻', 'implements'], ['学习贯彻', 'implements'], ['贯彻落实', 'implements'], ['贯彻执行', 'implements'],
  ['贯彻实施', 'implements'], ['贯彻', 'implements'], ['落实好', 'implements'], ['落实', 'implements'],
  ['实施', 'implements'], ['执行', 'implements'], ['按照', 'implements'], ['依据', 'implements'], ['根据', 'implements'],
  ['遵照', 'implements'], ['依照', 'implements'], ['遵守', 'implements'], ['参考', 'uses'], ['对照', 'implements'], ['围绕', 'implements'], ['遵循', 'implements'], ['执行好', 'implements'],
];

export interface VerbHit {
  end: number;
  length: number;
  intent: Intent;
  verb: string;
}

/** VERBS by their last code unit, longest first. */
const VERBS_BY_LAST_UNIT = new Map<number, Array<[string, Intent]>>();
for (const [verb, intent] of VERBS) {
  const last = verb.charCodeAt(verb.length - 1);
  const list = VERBS_BY_LAST_UNIT.get(last);
  if (list) list.push([verb, intent]);
  else VERBS_BY_LAST_UNIT.set(last, [[verb, intent]]);
}
for (const list of VERBS_BY_LAST_UNIT.values()) list.sort((a, b) => b[0].length - a[0].length);

const DE = 0x7684; // 的

/**
 * The governing verb before a citation list: the verb ending closest to the list (longest on ties).
 * Read from the end of the clause, one position at a time, instead of searching the clause once per verb.
 */
export function governingVerb(before: string): VerbHit | undefined {
  for (let end = before.length; end > 0; end--) {
    // 制定的 / 印发的 are participles inside an issuer phrase (教育部制定的《…》), not the governing verb.
    if (end < before.length && before.charCodeAt(end) === DE) continue;
    const verbs = VERBS_BY_LAST_UNIT.get(before.charCodeAt(end - 1));
    if (!verbs) continue;
    for (const [verb, intent] of verbs) {
      if (verb.length <= end && before.startsWith(verb, end - verb.length)) return { end, length: verb.length, intent, verb };
    }
  }
  return undefined;
}

/**
 * @param before the clause text before the citation list (nearest character last)
 * @param after  the clause text after the citation list (nearest character first)
 */
export function classifyIntent(before: string, after: string): Intent {
  const a = after.replace(/[(（][^()（）]{0,12}[)）]/g, '');
  const verb = governingVerb(before);
  // Phrases after the list are specific and win over a generic verb before it.
  if (/^[^，,。；;]{0,4}立法调研/.test(a)) return 'other';
  if (/^[^，,。；;]{0,16}(?:落地落实|落实落地|落地见效)/.test(a)) return 'implements';
  if (/^[^，,。；;]{0,4}(?:修编|修订|修改)/.test(a)) return 'revises';
  if (/^[^，,。；;]{0,4}收官/.test(a)) return 'completes';
  if (verb?.verb === '完成' && /^[^，,。；;]{0,6}任务/.test(a)) return 'completes';
  if (/(?:^|[^\u4e00-\u9fff])对[^，,。；;]{0,12}$/.test(before) || /对[^，,。；;]{0,12}$/.test(before)) {
    if (/^[^，,。；;]{0,8}(?:检查|督查|评估)/.test(a)) return 'uses';
  }
  if (/开展$/.test(before.trim()) && /^[^，,。；;]{0,6}(?:评估|检查|督导)/.test(a)) return 'uses';
  if (verb) return verb.intent;
  return 'other';
}
