/**
 * A small hand-built policy graph with known answers, shaped like the seeds: a national plan
 * localised by a region and a city, a city plan whose tasks cite national documents, two other
 * localities citing the same 督导 意见, programmes, issuers and a region hierarchy.
 */
import type { Evidence, GraphEdge, GraphFile, GraphNode, Intent, Level } from '../../../src/model';

const ev = (sourceId = 'src-a'): Evidence[] => [{ sourceId, start: 0, end: 1, quote: '…', quoteStart: 0 }];

function policy(
  id: string,
  title: string,
  o: { year?: number; region?: string; province?: string; level?: Level; issuers?: string[]; docNumber?: string },
): GraphNode {
  return { id, type: 'policy', label: title, title, titleConstructed: false, issuers: o.issuers ?? [], sourceId: id, ...o };
}

function task(policyId: string, n: string, title: string, text: string, o: { year?: number; region?: string; level?: Level } = {}): GraphNode {
  return {
    id: `${policyId}/${n}`,
    type: 'task',
    label: `${n}. ${title}`,
    policyId,
    path: [n],
    title,
    text,
    fromOutline: false,
    sourceId: policyId,
    start: 0,
    end: text.length,
    ...o,
  };
}

function doc(id: string, title: string, o: { docNumber?: string; level?: Level; year?: number; issuers?: string[]; aliases?: string[] }): GraphNode {
  return { id, type: 'document', label: title, title, issuers: o.issuers ?? [], aliases: o.aliases ?? [], ...o };
}

let edgeNo = 0;
function edge(type: GraphEdge['type'], source: string, target: string, intent?: Intent): GraphEdge {
  const evidenced = type === 'cites' || type === 'mentions' || type === 'involves' || type === 'adapts';
  return {
    id: `e${++edgeNo}:${type}:${source}->${target}`,
    type,
    source,
    target,
    evidence: evidenced ? ev() : [],
    ...(type === 'cites' ? { intent: intent ?? 'other' } : {}),
  };
}

export const IDS = {
  compulsory: 'doc:中发〔2019〕26号',
  supervision: 'doc:关于深化新时代教育督导体制机制改革的意见',
  nationalPlan: 'doc:加快推进教育现代化实施方案(2018—2022年)',
  regionalPlan: 'doc:加快推进内蒙古教育现代化实施方案(2018—2022年)',
  ordos: 'policy:ordos:0',
  suizhou: 'policy:suizhou:0',
  county: 'policy:county:0',
  program: 'program:县管校聘',
  moe: 'inst:教育部',
  centre: 'inst:中共中央',
  ordosGov: 'inst:鄂尔多斯市人民政府办公室',
} as const;

export function smallGraphFile(): GraphFile {
  edgeNo = 0;
  const nodes: GraphNode[] = [
    doc(IDS.compulsory, '关于深化教育教学改革全面提高义务教育质量的意见', {
      docNumber: '中发〔2019〕26号',
      level: 'national',
      year: 2019,
      issuers: ['中共中央', '国务院'],
    }),
    doc(IDS.supervision, '关于深化新时代教育督导体制机制改革的意见', { level: 'national', year: 2020, issuers: ['中共中央'] }),
    doc(IDS.nationalPlan, '加快推进教育现代化实施方案(2018—2022年)', { level: 'national', year: 2018, docNumber: '中办发〔2018〕67号' }),
    doc(IDS.regionalPlan, '加快推进内蒙古教育现代化实施方案(2018—2022年)', { level: 'provincial', year: 2018 }),
    policy(IDS.ordos, '加快推进鄂尔多斯教育现代化工作方案(2019—2022年)', {
      year: 2019,
      region: '鄂尔多斯市',
      province: '内蒙古自治区',
      level: 'municipal',
      issuers: ['鄂尔多斯市人民政府办公室'],
      docNumber: '鄂党办发〔2019〕12号',
    }),
    task(IDS.ordos, '1', '全面提高义务教育质量', '贯彻落实《关于深化教育教学改革全面提高义务教育质量的意见》,深化县管校聘管理改革。', {
      year: 2019,
      region: '鄂尔多斯市',
      level: 'municipal',
    }),
    task(IDS.ordos, '2', '加强教师队伍建设', '配合教育部开展教师培训。深入推进县管校聘。', { year: 2019, region: '鄂尔多斯市', level: 'municipal' }),
    policy(IDS.suizhou, '中共随州市委教育工委 随州市教育局2023年工作要点', {
      year: 2023,
      region: '随州市',
      province: '湖北省',
      level: 'municipal',
    }),
    task(IDS.suizhou, '1', '健全教育督导体制', '落实《关于深化新时代教育督导体制机制改革的意见》,提高督导工作质量。', {
      year: 2023,
      region: '随州市',
      level: 'municipal',
    }),
    // A task without denormalised attributes: it takes its policy's.
    task(IDS.suizhou, '2', '编制教育发展规划', '研究制定随州教育现代化实施方案。'),
    policy(IDS.county, '某县教育局2024年工作要点', { year: 2024, region: '某县', province: '河北省', level: 'county' }),
    task(IDS.county, '1', '用好督导结果', '参照《关于深化新时代教育督导体制机制改革的意见》开展督导评估。', {
      year: 2024,
      region: '某县',
      level: 'county',
    }),
    { id: IDS.program, type: 'program', label: '县管校聘', name: '县管校聘', aliases: ['县管校聘管理改革'] },
    { id: IDS.moe, type: 'institution', label: '教育部', name: '教育部', aliases: [], level: 'national' },
    { id: IDS.centre, type: 'institution', label: '中共中央', name: '中共中央', aliases: ['中央'], level: 'national' },
    {
      id: IDS.ordosGov,
      type: 'institution',
      label: '鄂尔多斯市人民政府办公室',
      name: '鄂尔多斯市人民政府办公室',
      aliases: ['市政府办公室'],
      level: 'municipal',
      region: '鄂尔多斯市',
    },
    { id: 'region:内蒙古自治区', type: 'region', label: '内蒙古自治区', name: '内蒙古自治区', level: 'provincial' },
    { id: 'region:鄂尔多斯市', type: 'region', label: '鄂尔多斯市', name: '鄂尔多斯市', parentId: 'region:内蒙古自治区', level: 'municipal' },
    { id: 'region:河北省', type: 'region', label: '河北省', name: '河北省', level: 'provincial' },
    { id: 'region:石家庄市', type: 'region', label: '石家庄市', name: '石家庄市', parentId: 'region:河北省', level: 'municipal' },
    { id: 'region:某县', type: 'region', label: '某县', name: '某县', parentId: 'region:石家庄市', level: 'county' },
  ];
  const t = (p: string, n: string) => `${p}/${n}`;
  const edges: GraphEdge[] = [
    edge('contains', IDS.ordos, t(IDS.ordos, '1')),
    edge('contains', IDS.ordos, t(IDS.ordos, '2')),
    edge('contains', IDS.suizhou, t(IDS.suizhou, '1')),
    edge('contains', IDS.suizhou, t(IDS.suizhou, '2')),
    edge('contains', IDS.county, t(IDS.county, '1')),
    edge('cites', IDS.ordos, IDS.regionalPlan, 'implements'),
    edge('cites', t(IDS.ordos, '1'), IDS.compulsory, 'implements'),
    edge('mentions', t(IDS.ordos, '1'), IDS.program),
    edge('mentions', t(IDS.ordos, '2'), IDS.program),
    edge('involves', t(IDS.ordos, '2'), IDS.moe),
    edge('cites', t(IDS.suizhou, '1'), IDS.supervision, 'implements'),
    edge('cites', t(IDS.county, '1'), IDS.supervision, 'uses'),
    edge('adapts', IDS.regionalPlan, IDS.nationalPlan),
    edge('adapts', IDS.ordos, IDS.regionalPlan),
    edge('issued_by', IDS.ordos, IDS.ordosGov),
    edge('issued_by', IDS.compulsory, IDS.centre),
    edge('issued_by', IDS.supervision, IDS.centre),
    edge('located_in', IDS.ordos, 'region:鄂尔多斯市'),
    edge('located_in', 'region:鄂尔多斯市', 'region:内蒙古自治区'),
    edge('located_in', 'region:某县', 'region:石家庄市'),
    edge('located_in', 'region:石家庄市', 'region:河北省'),
    edge('located_in', IDS.ordosGov, 'region:鄂尔多斯市'),
  ];
  return { schemaVersion: 1, sources: [], nodes, edges, diagnostics: [] };
}
