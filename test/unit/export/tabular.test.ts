import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { GraphFileSchema } from '../../../src/model';
import { toCSV, neutraliseCell, NODE_COLUMNS, EDGE_COLUMNS } from '../../../src/graph/export/csv';
import { toGraphJson } from '../../../src/graph/export/json';
import { toNeo4jCsv, ARRAY_DELIMITER } from '../../../src/graph/export/neo4j';
import { KIND_EN } from '../../../src/graph/export/labels';
import { buildFixtureGraph, EDGES, HOSTILE, NODES, SOURCES } from './fixture';
import { readFileSync } from 'node:fs';

const g = buildFixtureGraph();
const allNodes = g.nodes();
const allEdges = g.edges();

function decodeCsv(bytes: Uint8Array): Record<string, string>[] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV export', () => {
  const { nodes, edges } = toCSV(g, allNodes, allEdges);

  it('starts with a UTF-8 BOM and keeps Chinese and emoji', () => {
    expect([...nodes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...edges.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = decodeCsv(nodes);
    const doc = rows.find((r) => r.type === 'document')!;
    expect(doc.doc_number).toBe(HOSTILE.brackets);
    expect(doc.label).toBe(HOSTILE.emoji);
    expect(doc.issuers).toBe('中共中央|国务院');
  });

  it('has English column names and English values beside the Chinese', () => {
    const rows = decodeCsv(nodes);
    expect(Object.keys(rows[0])).toEqual([...NODE_COLUMNS]);
    const doc = rows.find((r) => r.type === 'document')!;
    expect(doc.kind).toBe('意见');
    expect(doc.kind_en).toBe('opinion');
    expect(doc.level_en).toBe('national');
    expect(doc.type_en).toBe('cited document');
    const policy = rows.find((r) => r.id === 'policy:src1:0')!;
    expect(policy.kind_en).toBe('plan');
    const e = decodeCsv(edges);
    expect(Object.keys(e[0])).toEqual([...EDGE_COLUMNS]);
    const cites2 = e.find((r) => r.id === 'e:cites:2')!;
    expect(cites2.intent_en).toBe('will issue');
    expect(cites2.source_label).toBe(`'${HOSTILE.plus}`);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const rows = decodeCsv(nodes);
    const policy = rows.find((r) => r.id === 'policy:src1:0')!;
    expect(policy.label).toBe(`'${HOSTILE.formula}`);
    expect(policy.title).toBe(HOSTILE.script); // starts with '<': not a formula, left as is
    const task = rows.find((r) => r.type === 'task')!;
    expect(task.label).toBe(`'${HOSTILE.plus}`);
    expect(task.task_text).toBe(HOSTILE.newline); // quoted multi-line cell survives
    const program = rows.find((r) => r.type === 'program')!;
    expect(program.label).toBe(`'${HOSTILE.minus}`);
    const doc = rows.find((r) => r.type === 'document')!;
    expect(doc.aliases).toBe(`'${HOSTILE.at}|${HOSTILE.tab}`);
    const cites1 = decodeCsv(edges).find((r) => r.id === 'e:cites:1')!;
    expect(cites1.first_quote).toBe(`'${HOSTILE.formula}`);
    expect(cites1.pins).toBe('第十二条');
    expect(cites1.evidence_count).toBe('2');
    // No cell of either file begins with a formula character.
    for (const r of [...rows, ...decodeCsv(edges)]) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutraliseCell covers = + - @ tab CR and leaves ordinary text', () => {
    for (const s of ['=1', '+1', '-1', '@A', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('中发〔2019〕26号')).toBe('中发〔2019〕26号');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('English kind table', () => {
  it('covers every kind word used in the gold annotations', () => {
    const goldDir = '/work/shared/gold';
    const files = ['000_a2abd5fe3db74a2e', '001_dedfefe172f11ac1', '002_a5826705db411543', '003_f29dea3288537dee', '004_3cb0529346446471'];
    const kinds = new Set<string>();
    for (const f of files) {
      const gold = JSON.parse(readFileSync(`${goldDir}/${f}.json`, 'utf8')) as { citations: { kind: string | null }[] };
      for (const c of gold.citations) if (c.kind) kinds.add(c.kind);
    }
    expect(kinds.size).toBeGreaterThan(5);
    for (const k of kinds) expect(KIND_EN[k], k).toBeTruthy();
    expect(KIND_EN['通知']).toBe('notice');
    expect(KIND_EN['规划']).toBe('plan (programme)');
  });
});

describe('graph JSON export', () => {
  it('re-parses with GraphFileSchema to the same nodes and edges, with only referenced sources', () => {
    const json = toGraphJson(g, allNodes, allEdges, { sources: SOURCES });
    const back = GraphFileSchema.parse(JSON.parse(json));
    expect(back.nodes).toEqual(NODES);
    expect(back.edges).toEqual(EDGES);
    expect(back.sources.map((s) => s.id).sort()).toEqual(['src1', 'src2']);
  });

  it('a selection carries only its rows and its sources, and no UI decorations', () => {
    const decorated = buildFixtureGraph();
    decorated.setNodeAttribute('inst:教育部', 'x' as never, 12 as never);
    const json = toGraphJson(decorated, ['inst:教育部', `doc:${HOSTILE.brackets}`], ['e:issued_by:1', 'e:cites:1'], { sources: SOURCES });
    const back = GraphFileSchema.parse(JSON.parse(json));
    expect(back.nodes.map((n) => n.id)).toEqual([`doc:${HOSTILE.brackets}`, 'inst:教育部']);
    expect(back.edges.map((e) => e.id)).toEqual(['e:issued_by:1']);
    expect(back.sources).toEqual([]);
    expect(JSON.parse(json).nodes[1]).not.toHaveProperty('x');
  });
});

describe('Neo4j bulk-import CSV', () => {
  const out = toNeo4jCsv(g, allNodes, allEdges);
  const file = (name: string) => out.files.find((f) => f.name === name)!;
  const parse = (name: string) => Papa.parse<string[]>(file(name).content, { skipEmptyLines: true }).data;

  it('writes one typed node file per type and a relationship file', () => {
    expect(out.files.map((f) => f.name)).toEqual([
      'nodes_policy.csv', 'nodes_task.csv', 'nodes_document.csv', 'nodes_program.csv', 'nodes_institution.csv', 'nodes_region.csv',
      'relationships.csv',
    ]);
    const [header, ...rows] = parse('nodes_policy.csv');
    expect(header.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    expect(header).toContain('year:int');
    expect(header).toContain('issuers:string[]');
    expect(header).toContain('titleConstructed:boolean');
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r[1] === 'Policy')).toBe(true);
    const issuers = rows[0][header.indexOf('issuers:string[]')];
    expect(issuers.split(ARRAY_DELIMITER)).toEqual(['中共鄂尔多斯市委员会办公室', 'A｜B']);
    expect(rows[0][header.indexOf('label')]).toBe(HOSTILE.formula); // raw: Neo4j is not a spreadsheet
  });

  it('relationships reference node ids and carry their type', () => {
    const [header, ...rows] = parse('relationships.csv');
    expect(header.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(rows.length).toBe(EDGES.length);
    const ids = new Set(NODES.map((n) => n.id));
    for (const r of rows) {
      expect(ids.has(r[0])).toBe(true);
      expect(ids.has(r[1])).toBe(true);
    }
    expect(rows.map((r) => r[2])).toContain('ISSUED_BY');
    const nodeFiles = out.files.filter((f) => f.name.startsWith('nodes_'));
    const written = nodeFiles.flatMap((f) => Papa.parse<string[]>(f.content, { skipEmptyLines: true }).data.slice(1).map((r) => r[0]));
    expect(written.sort()).toEqual([...ids].sort());
  });

  it('has no line breaks inside values, so no --multiline-fields is needed', () => {
    const [header, ...rows] = parse('nodes_task.csv');
    expect(rows[0][header.indexOf('text')]).toBe('第一行 第二行 第三行');
  });

  it('gives the exact import command in its README', () => {
    expect(out.command).toMatch(/^bin\/neo4j-admin database import full neo4j /);
    for (const f of out.files.filter((x) => x.name.startsWith('nodes_'))) expect(out.command).toContain(`--nodes=import/${f.name}`);
    expect(out.command).toContain('--relationships=import/relationships.csv');
    expect(out.command).toContain(`--array-delimiter="${ARRAY_DELIMITER}"`);
    expect(out.readme).toContain(out.command);
  });
});
