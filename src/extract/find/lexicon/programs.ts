/**
 * Word lists that decide whether a span names a programme or initiative. Kept apart from the
 * finder so the lists can grow (other regions, other years) without touching the scanning code.
 */

/** Nouns a programme's name ends in (longest first where one is a prefix of another). */
export const PROGRAM_HEADS = ['行动计划', '工作思路', '学徒制', '工程', '计划', '行动', '项目'] as const;

/**
 * Verbs that open a programme phrase ("实施X工程", "推进X行动"). The unquoted finder needs one of
 * them right before the name, which is what keeps "X工程" in ordinary prose from matching.
 */
export const PROGRAM_VERBS = [
  '深入实施', '继续实施', '持续实施', '统筹实施', '组织实施', '启动实施', '全面实施', '联合开展',
  '实施', '推进', '开展', '启动', '落实', '深化', '依托', '做好', '推广',
] as const;

/**
 * Words that, right after a closing quote, show the quoted words name a programme: “双减”工作,
 * “县管校聘”改革, “两学一做”学习教育, “微党校”建设, “1+X”证书制度 …
 */
export const QUOTE_CONTEXT_AFTER = new Set([
  '改革', '工作', '建设', '活动', '创建', '试点', '学习教育', '主题教育', '教育行动', '专项', '专题',
  '政策', '培养', '培育', '巡讲', '培训', '大讲堂', '分离', '管理改革', '管理体制改革', '教学组织模式',
  '服务模式', '证书制度', '学科教研', '课程', '督查', '走深走实', '就业指引', '创新创业', '留学生',
  '沿线', '高校', '标准体系', '体系', '三年建设', '线上', '经验', '攻坚', '等', '部署', '实施方案',
  '教育任务', '为主题', '落实', '行动', '工程', '计划', '项目', '行动计划', '志愿服务',
]);

/** Context words after a quote that override QUOTE_CONTEXT_AFTER: “微腐败”专项治理 is a target, not a programme. */
export const QUOTE_CONTEXT_NEGATIVE = ['专项治理', '治理', '防控'];

/** After a list of quotes, a counted programme noun: “A”“B”“C”“D”四项计划, “X”等六大行动计划. */
export const COUNTED_PROGRAM_AFTER_RE =
  /^等?[一二两三四五六七八九十百陆柒叁贰捌玖肆伍拾\d]{1,3}[项大个类]?(?:行动计划|工程|计划|行动|项目|活动)/;

/** A name that is only a count of programmes (九项工程, 八大工程, 柒大教育行动计划) names none of them. */
export const COUNT_ONLY_NAME_RE = /^[一二两三四五六七八九十百陆柒叁贰捌玖肆伍拾\d]{1,3}[项大个类]/;

/**
 * Verbs before an opening quote that make a bare quoted name (followed by punctuation or 和) a
 * programme: 加快建设“优教成都”, 推进“全方位改薄”和…, 落实“十万学子进XX”.
 */
export const QUOTE_VERBS_BEFORE = new Set([
  '实施', '推进', '开展', '启动', '落实', '深化', '推广', '建设', '办好', '组织', '举办', '完成', '实现', '推动', '实行',
]);

/** Verbs before a quote that mark a slogan, a concept or a principle rather than a programme. */
export const SLOGAN_VERBS_BEFORE = new Set([
  '增强', '坚定', '做到', '纠治', '坚持', '聚焦', '确保', '倡导', '杜绝', '消除', '领悟', '治理', '围绕',
  '践行', '树立', '运用', '监督执纪', '健全', '推行', '优化', '巩固', '争创', '创建', '探索', '落实好',
]);

/** Endings of quoted words that name a studio, a class, a type or a stance, not a programme. */
export const NON_PROGRAM_SUFFIXES = [
  '工作室', '室', '工作站', '型', '意识', '自信', '示范区', '示范校', '示范县', '好少年', '精神', '制',
];

/** Endings (班: 订单班, 选课走班) that name a programme only when a programme verb governs the quote. */
export const VERB_ONLY_SUFFIXES = ['班'];

/** Context words that make a list of comma-joined slogans (“不忘初心、牢记使命”) a programme. */
export const ENUMERATION_CONTEXT_AFTER = ['主题教育', '活动', '学习教育'];

/** Leading words that are not part of a programme's name (全市特殊教育第二期提升计划 → 特殊教育第二期提升计划). */
export const PROGRAM_NAME_PREFIXES_TO_DROP = ['一批', '全市', '全省', '全区', '全县', '全国', '我市', '我省', '我区', '我县', '各地'];

/** Characters after a head noun that show the head is part of a longer word (工程师, 计划生育, 计划单列市). */
export const HEAD_CONTINUATIONS = new Set(['师', '生', '单', '内', '外', '经', '性', '化']);
