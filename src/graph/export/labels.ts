/**
 * English values for the enumerations and Chinese document-type words that exports write beside
 * the original text, so analysts who write in English can filter a spreadsheet or a Gephi table
 * without reading Chinese. The Chinese value is always kept too; these are translations, not keys.
 */
import type { EdgeType, Intent, Level, NodeType } from '../../model';

export const NODE_TYPE_EN: Record<NodeType, string> = {
  policy: 'policy',
  task: 'task',
  document: 'cited document',
  program: 'programme',
  institution: 'institution',
  region: 'region',
};

export const EDGE_TYPE_EN: Record<EdgeType, string> = {
  contains: 'contains',
  cites: 'cites',
  mentions: 'mentions',
  involves: 'involves',
  issued_by: 'issued by',
  located_in: 'located in',
  adapts: 'adapts',
  fulfils: 'fulfils',
};

export const LEVEL_EN: Record<Level, string> = {
  national: 'national',
  provincial: 'provincial',
  municipal: 'municipal',
  county: 'county',
};

export const INTENT_EN: Record<Intent, string> = {
  implements: 'implements',
  will_issue: 'will issue',
  revises: 'revises',
  uses: 'uses',
  completes: 'completes',
  other: 'other',
};

/**
 * The document-type word a title ends in (the `kind` of /work/shared/gold/README.md) and the
 * English term policy scholars use for it. 规划 is a multi-year plan (a programme document, as in
 * 十四五规划), distinct from 方案 (an implementation plan) and 计划 (an action/work plan).
 */
export const KIND_EN: Readonly<Record<string, string>> = {
  法: 'law',
  条例: 'regulations',
  意见: 'opinion',
  方案: 'plan',
  通知: 'notice',
  规划: 'plan (programme)',
  计划: 'plan (action)',
  纲要: 'outline',
  指南: 'guidelines',
  办法: 'measures',
  细则: 'detailed rules',
  规定: 'provisions',
  标准: 'standard',
  准则: 'code of conduct',
  规程: 'rules of procedure',
  清单: 'list',
  规范: 'norms',
  决定: 'decision',
  决议: 'resolution',
  通告: 'circular',
  公告: 'announcement',
  报告: 'report',
  要点: 'key points',
  工作要点: 'work priorities',
  章程: 'charter',
  制度: 'system (rules)',
  机制: 'mechanism',
  指引: 'guidance',
  批复: 'official reply',
  函: 'letter',
};

/** English for a kind word; unknown kinds fall back to '' so a column never claims a wrong term. */
export function kindEn(kind: string | undefined): string {
  if (!kind) return '';
  return KIND_EN[kind] ?? '';
}

export function levelEn(level: string | undefined): string {
  return level && level in LEVEL_EN ? LEVEL_EN[level as Level] : '';
}

export function intentEn(intent: string | undefined): string {
  return intent && intent in INTENT_EN ? INTENT_EN[intent as Intent] : '';
}

export function nodeTypeEn(type: string): string {
  return type in NODE_TYPE_EN ? NODE_TYPE_EN[type as NodeType] : type;
}

export function edgeTypeEn(type: string): string {
  return type in EDGE_TYPE_EN ? EDGE_TYPE_EN[type as EdgeType] : type;
}
