/**
 * Word banks in the register of Chinese education-policy documents: topics of national
 * documents, section headings, task verbs and objects, programmes, filler clauses. Nothing here
 * contains 《》 or a 文号: those are planted by the generator, which records them.
 */

/** Topics of national documents: read as 关于{topic}的意见 or {topic}实施方案. */
export const TOPICS = [
  '深化教育教学改革全面提高义务教育质量', '学前教育深化改革规范发展', '全面深化新时代教师队伍建设改革',
  '进一步减轻义务教育阶段学生作业负担和校外培训负担', '深化新时代教育评价改革', '全面加强和改进新时代学校体育工作',
  '全面加强和改进新时代学校美育工作', '全面加强新时代大中小学劳动教育', '新时代推进普通高中育人方式改革',
  '推进义务教育均衡发展', '统筹推进县域内城乡义务教育一体化改革发展', '加强中小学幼儿园教师队伍建设',
  '深化新时代职业教育改革', '推动现代职业教育高质量发展', '加强和改进新时代师德师风建设', '规范校外培训机构发展',
  '加强义务教育阶段学校作业管理', '加强家庭教育指导服务', '健全学校家庭社会协同育人机制', '加强中小学生手机管理',
  '深化体教融合促进青少年健康发展', '加强学校安全风险防控体系建设', '加快推进教育信息化', '推进教育新型基础设施建设',
  '加强新时代中小学科学教育', '深化基础教育课程教学改革', '加强县域普通高中建设', '推进特殊教育发展提升',
  '加强乡村教师队伍建设', '完善中小学教师编制管理', '深化考试招生制度改革', '推进高中阶段学校考试招生制度改革',
  '加强中小学校党的建设', '建立中小学校党组织领导的校长负责制', '加强新时代教育督导体制机制改革',
  '加强民办义务教育规范管理', '推动学前教育普及普惠发展', '加强儿童青少年近视防控', '加强学生心理健康工作',
  '推进学校食堂和营养改善工作', '深化产教融合', '加快发展现代职业教育', '推进教育对外开放',
  '加强语言文字工作', '推进新时代大中小学思政课一体化建设', '深化新时代学校思想政治理论课改革创新',
] as const;

/** Plans with a period: {topic}实施方案(2018—2022年), {topic}行动计划(2021—2025年). */
export const PLAN_TOPICS = [
  '加快推进教育现代化', '教师教育振兴', '乡村教师支持', '学前教育发展提升', '义务教育薄弱环节改善与能力提升',
  '县域普通高中发展提升', '特殊教育发展提升', '职业教育提质培优', '教育信息化', '中小学校长培训',
  '基础教育课程教学改革深化', '强师', '校园足球发展', '儿童青少年近视综合防控', '学生体质健康提升',
] as const;

export const PLAN_KINDS = ['实施方案', '行动计划', '行动方案', '工作方案', '规划'] as const;

export const OPINION_KINDS = ['意见', '若干意见', '指导意见', '实施意见'] as const;

/** National issuers with their 文号 prefixes. */
export const NATIONAL_ISSUERS = [
  { name: '中共中央、国务院', spaced: '中共中央 国务院', prefix: '中发', weight: 2 },
  { name: '国务院', prefix: '国发', weight: 3 },
  { name: '国务院办公厅', prefix: '国办发', weight: 4 },
  { name: '中共中央办公厅、国务院办公厅', spaced: '中共中央办公厅 国务院办公厅', prefix: '中办发', weight: 2 },
  { name: '教育部', prefix: '教基', weight: 4 },
  { name: '教育部', prefix: '教师', weight: 2 },
  { name: '教育部', prefix: '教发', weight: 2 },
  { name: '教育部', prefix: '教职成', weight: 1 },
  { name: '教育部等九部门', prefix: '教基', weight: 1 },
  { name: '教育部办公厅', prefix: '教基厅', weight: 1 },
] as const;

export const SECTION_HEADINGS = [
  '坚持和加强党对教育工作的全面领导', '全面落实立德树人根本任务', '推动学前教育普及普惠发展',
  '推进义务教育优质均衡发展', '促进普通高中多样化特色发展', '深化职业教育产教融合', '建设高素质专业化教师队伍',
  '深化教育综合改革', '加快推进教育数字化', '提升教育治理能力', '着力办好人民满意的教育', '维护校园安全稳定',
  '深化新时代教育评价改革', '促进学生全面发展', '强化教育发展保障', '加快推进教育现代化', '巩固“双减”工作成果',
] as const;

export const SUBSECTION_HEADINGS = [
  '指导思想', '总体目标', '基本原则', '重点任务', '保障措施', '实施新时代立德树人工程', '实施教育质量提升工程',
  '实施教师队伍素质提升工程', '实施教育数字化赋能工程', '实施教育治理创新工程', '实施校园安全建设工程',
] as const;

export const TASK_VERBS = [
  '深入推进', '全面落实', '持续深化', '加快建设', '稳步推进', '着力提升', '不断完善', '切实加强', '大力发展',
  '统筹推进', '积极探索', '健全完善', '扎实开展', '巩固拓展', '有序推进',
] as const;

export const TASK_OBJECTS = [
  '学校思想政治工作', '基层党组织建设', '课后服务质量', '作业管理', '校外培训治理', '学前教育资源供给',
  '义务教育学校标准化建设', '县域普通高中建设', '职业教育产教融合', '教师培养培训', '师德师风建设',
  '校长职级制改革', '教育评价改革', '集团化办学', '教育督导', '依法治教', '校园安全管理', '学生体质健康',
  '学校美育工作', '劳动教育', '心理健康教育', '近视防控', '家校社协同育人', '教育信息化', '智慧教育平台应用',
  '特殊教育融合发展', '民办教育规范管理', '语言文字工作', '教育对外交流合作', '教育经费保障', '学位供给',
  '招生入学管理', '课堂教学改革', '教研体系建设', '科学教育', '乡村教育振兴', '教育系统作风建设',
] as const;

/** Clauses that pad a task into realistic length; no brackets, no 文号. */
export const FILLER = [
  '健全工作机制，压实各方责任，形成工作合力',
  '加强统筹协调和督促检查，确保各项任务落到实处',
  '坚持问题导向和目标导向，着力破解制约发展的突出问题',
  '完善考核评价办法，将落实情况纳入年度目标考核',
  '加大经费投入力度，优化资源配置结构',
  '建立健全长效机制，推动工作常态化制度化',
  '总结推广典型经验，发挥示范引领作用',
  '开展专项督导检查，及时通报工作进展',
  '强化宣传引导，营造全社会关心支持教育的良好氛围',
  '推动优质教育资源共建共享，缩小城乡校际差距',
  '组织开展专题培训和交流研讨活动，提升干部教师能力水平',
  '加强部门协同，形成齐抓共管的工作格局',
  '全面提升教育教学质量和办学水平',
  '到年底前，完成各项目标任务',
  '切实减轻学生过重学业负担，促进学生健康成长',
  '积极稳妥推进各项改革试点，及时总结经验',
  '落实属地管理责任，加强日常监管',
  '深化校地合作，拓展实践育人平台',
] as const;

export const INTRO = [
  '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，加快建设高质量教育体系，努力办好人民满意的教育',
  '坚持稳中求进工作总基调，坚持以人民为中心发展教育，深化教育领域综合改革，促进教育公平，提高教育质量',
  '聚焦教育发展的战略性、紧迫性问题和人民群众关心的问题，着力深化改革、激发活力，补齐短板、优化结构',
] as const;

/** Named programmes and the year each began; quoted ones are written with “”. */
export const PROGRAMMES = [
  { name: '双减', quoted: true, since: 2021, phrase: (n: string) => `巩固“${n}”工作成果` },
  { name: '县管校聘', quoted: true, since: 2015, phrase: (n: string) => `深化“${n}”管理改革` },
  { name: '三名工程', quoted: true, since: 2016, phrase: (n: string) => `实施“${n}”` },
  { name: '强基计划', quoted: false, since: 2020, phrase: (n: string) => `做好${n}招生相关工作` },
  { name: '银龄讲学计划', quoted: false, since: 2018, phrase: (n: string) => `实施${n}` },
  { name: '特岗计划', quoted: false, since: 2012, phrase: (n: string) => `继续实施${n}` },
  { name: '国培计划', quoted: false, since: 2010, phrase: (n: string) => `组织实施${n}` },
  { name: '营养改善计划', quoted: false, since: 2011, phrase: (n: string) => `落实农村义务教育学生${n}` },
  { name: '优质均衡', quoted: true, since: 2017, phrase: (n: string) => `推进义务教育“${n}”创建` },
  { name: '五育并举', quoted: true, since: 2019, phrase: (n: string) => `坚持“${n}”` },
  { name: '一校一案', quoted: true, since: 2020, phrase: (n: string) => `落实“${n}”要求` },
  { name: '强校工程', quoted: false, since: 2019, phrase: (n: string) => `深入实施乡村${n}` },
  { name: '青蓝工程', quoted: true, since: 2014, phrase: (n: string) => `开展“${n}”师徒结对` },
  { name: '智慧校园', quoted: true, since: 2018, phrase: (n: string) => `推进“${n}”建设` },
] as const;

/** Spans in 《》 that name no document: obfuscation noise and publications. */
export const NOISE = ['政府', '理论', '岗位', '习近平新时代中国特色社会主义思想学生读本', '习近平总书记教育重要论述讲义', '中小学生安全教育读本', '教育政策法规汇编'] as const;

/** Verb phrases before a cited document (the intent classes of the gold annotations). */
export const CITE_VERBS = {
  implements: ['贯彻落实', '认真落实', '深入贯彻', '全面落实', '深入实施', '认真贯彻执行', '落实'],
  uses: ['依据', '根据', '按照', '对照'],
  revises: ['修订', '修订完善'],
} as const;

/** Topics of local documents a region promises to issue (出台《关于…的实施意见》). */
export const LOCAL_TOPICS = [
  '加强中小学校长队伍建设', '深化集团化办学改革', '推进中小学课后服务提质增效', '加强教育系统廉政风险防控',
  '深化教育体制机制改革', '推进城乡义务教育一体化发展', '加强中小学教研工作', '规范中小学办学行为',
  '加强学校体育和美育工作', '推进教育家型教师培养', '加快发展普惠性学前教育', '加强中小学心理健康教育',
  '推进智慧教育示范区建设', '深化中小学教师职称制度改革', '加强校园周边环境综合治理',
] as const;
