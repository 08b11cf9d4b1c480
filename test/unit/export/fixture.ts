/** A small hand-built graph with hostile strings in every kind of field. */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, GraphFile, GraphNode, Source } from '../../../src/model';

export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","点我")',
  plus: '+1+2',
  minus: '-2+3',
  at: '@SUM(A1:A2)',
  tab: '\tindented',
  script: '<script>alert("x")</script> & \'quotes\'',
  control: 'bell\u0007 and nul\u0000 and esc\u001b end',
  emoji: '教育👩‍🏫现代化 🎓',
  brackets: '中发〔2019〕26号',
  pipe: 'A|B',
  newline: '第一行\n第二行\r\n第三行',
};

const sha = 'a'.repeat(64);
export const SOURCES: Source[] = [
  { id: 'src1', path: '001 & <x>.txt', sha256: sha, bytes: 100, encoding: 'utf-8' },
  { id: 'src2', path: '002.txt', sha256: 'b'.repeat(64), bytes: 200, encoding: 'gb18030' },
  { id: 'unused', path: 'unused.txt', sha256: 'c'.repeat(64), bytes: 1, encoding: 'utf-8' },
];

export const NODES: GraphNode[] = [
  {
    id: 'policy:src1:0', type: 'policy', label: HOSTILE.formula, title: HOSTILE.script, titleConstructed: false,
    docNumber: '鄂党办发〔2019〕12号', issuers: ['中共鄂尔多斯市委员会办公室', HOSTILE.pipe], year: 2019,
    region: '鄂尔多斯市', province: '内蒙古自治区', level: 'municipal', kind: '方案', sourceId: 'src1',
  },
  {
    id: 'policy:src1:0/二/(一)/1', type: 'task', label: HOSTILE.plus, policyId: 'policy:src1:0', path: ['二', '(一)', '1'],
    title: HOSTILE.control, text: HOSTILE.newline, fromOutline: false, year: 2019, level: 'municipal', sourceId: 'src1',
    start: 10, end: 40,
  },
  {
    id: `doc:${HOSTILE.brackets}`, type: 'document', label: HOSTILE.emoji, title: '关于深化教育教学改革全面提高义务教育质量的意见',
    docNumber: HOSTILE.brackets, issuers: ['中共中央', '国务院'], kind: '意见', year: 2019, level: 'national',
    aliases: [HOSTILE.at, HOSTILE.tab],
  },
  { id: 'program:县管校聘', type: 'program', label: HOSTILE.minus, name: '县管校聘', aliases: [] },
  { id: 'inst:教育部', type: 'institution', label: '教育部', name: '教育部', aliases: ['部'], level: 'national' },
  { id: 'region:鄂尔多斯市', type: 'region', label: '鄂尔多斯市', name: '鄂尔多斯市', level: 'municipal' },
  { id: 'policy:src2:0', type: 'policy', label: '大连 "2020" 要点', title: '大连市2020年教育工作要点', titleConstructed: true,
    issuers: [], year: 2020, region: '大连市', level: 'municipal', sourceId: 'src2' },
];

const ev = (sourceId: string, quote: string, pin?: string) => ({ sourceId, start: 1, end: 5, quote, quoteStart: 0, ...(pin ? { pin } : {}) });

export const EDGES: GraphEdge[] = [
  { id: 'e:contains:1', type: 'contains', source: 'policy:src1:0', target: 'policy:src1:0/二/(一)/1', evidence: [] },
  { id: 'e:cites:1', type: 'cites', source: 'policy:src1:0/二/(一)/1', target: `doc:${HOSTILE.brackets}`, intent: 'implements',
    evidence: [ev('src1', HOSTILE.formula, '第十二条'), ev('src1', HOSTILE.control, '第十二条')] },
  { id: 'e:cites:2', type: 'cites', source: 'policy:src1:0/二/(一)/1', target: `doc:${HOSTILE.brackets}`, intent: 'will_issue',
    evidence: [ev('src2', HOSTILE.script)] },
  { id: 'e:mentions:1', type: 'mentions', source: 'policy:src1:0/二/(一)/1', target: 'program:县管校聘', evidence: [ev('src1', HOSTILE.emoji)] },
  { id: 'e:issued_by:1', type: 'issued_by', source: `doc:${HOSTILE.brackets}`, target: 'inst:教育部', evidence: [] },
  { id: 'e:located_in:1', type: 'located_in', source: 'policy:src1:0', target: 'region:鄂尔多斯市', evidence: [] },
  { id: 'e:cites:3', type: 'cites', source: 'policy:src2:0', target: 'policy:src1:0', intent: 'uses', evidence: [ev('src2', HOSTILE.newline)] },
];

export function buildFixtureGraph(nodes: GraphNode[] = NODES, edges: GraphEdge[] = EDGES) {
  const g = new MultiDirectedGraph<GraphNode, GraphEdge>();
  for (const n of nodes) g.addNode(n.id, n);
  for (const e of edges) g.addEdgeWithKey(e.id, e.source, e.target, e);
  return g;
}

export function fixtureFile(): GraphFile {
  return { schemaVersion: 1, sources: SOURCES, nodes: NODES, edges: EDGES, diagnostics: [] };
}
