/**
 * A graph file of a given size generated directly (no text extraction), shaped like an extracted
 * one: 4% policies, ~80% tasks, documents cited with a heavy-tailed popularity, programmes,
 * institutions, a region tree from the real gazetteer; about four edges a node, evidence on every
 * edge that needs it. Written as JSON chunk by chunk, so 100k nodes / 400k edges never sit in
 * memory as one string.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { GraphEdge, GraphNode, Source } from '../../src/model';
import { loadGazetteer } from '../synth/gazetteer';
import { PROGRAMMES, TASK_OBJECTS, TASK_VERBS, TOPICS } from '../synth/lexicon';
import { rng } from '../synth/rng';

export interface SynthGraphStats {
  nodes: number;
  edges: number;
  sources: number;
  bytes: number;
}

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);

export async function writeSynthGraph(file: string, targetNodes: number, seed = 1): Promise<SynthGraphStats> {
  const r = rng(seed * 7919 + targetNodes);
  const provinces = loadGazetteer();
  const nPolicies = Math.max(5, Math.round(targetNodes * 0.04));
  const nDocs = Math.max(10, Math.round(targetNodes * 0.08));
  const nInst = Math.max(5, Math.round(targetNodes * 0.035));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const sources: Source[] = [];

  // Regions: provinces and cities (enough of them for the size).
  const regions: { id: string; name: string; province: string; level: 'provincial' | 'municipal' }[] = [];
  const maxCities = Math.max(2, Math.round(targetNodes * 0.003));
  for (const p of provinces) {
    const pid = `region:${p.name}`;
    nodes.push({ id: pid, type: 'region', label: p.name, name: p.name, level: 'provincial' });
    regions.push({ id: pid, name: p.name, province: p.name, level: 'provincial' });
    for (const c of p.cities.slice(0, maxCities)) {
      const cid = `region:${c.name}@${p.short}`;
      nodes.push({ id: cid, type: 'region', label: c.name, name: c.name, parentId: pid, level: 'municipal' });
      edges.push({ id: `located_in:${cid}->${pid}`, type: 'located_in', source: cid, target: pid, evidence: [] });
      regions.push({ id: cid, name: c.name, province: p.name, level: 'municipal' });
    }
  }
  const cities = regions.filter((x) => x.level === 'municipal');

  const insts: string[] = [];
  for (let i = 0; i < nInst; i++) {
    const reg = r.pick(cities);
    const name = i < 4 ? ['教育部', '国务院', '国务院办公厅', '中共中央'][i] : `${reg.name}${r.pick(['教育局', '人民政府', '财政局', '第一中学', '实验小学'])}${i}`;
    const id = `inst:${name}`;
    insts.push(id);
    nodes.push({ id, type: 'institution', label: name, name, aliases: [], ...(i < 4 ? { level: 'national' as const } : { region: reg.name, level: 'municipal' as const }) });
  }
  const programs = PROGRAMMES.map((p) => `program:${p.name}`);
  for (const p of PROGRAMMES) nodes.push({ id: `program:${p.name}`, type: 'program', label: p.name, name: p.name, aliases: [] });

  const docs: string[] = [];
  for (let i = 0; i < nDocs; i++) {
    const year = r.int(2010, 2024);
    const num = `${r.pick(['国发', '国办发', '中发', '教基', '教师'])}〔${year}〕${i}号`;
    const title = `关于${r.pick(TOPICS)}的意见${i}`;
    const id = `doc:${num}`;
    docs.push(id);
    nodes.push({ id, type: 'document', label: title, title, docNumber: num, issuers: ['教育部'], aliases: [title], year, level: 'national' });
    edges.push({ id: `issued_by:${id}->inst:教育部`, type: 'issued_by', source: id, target: 'inst:教育部', evidence: [] });
  }
  // Zipf-like popularity: a few documents are cited by thousands of tasks.
  const popular = () => docs[Math.min(docs.length - 1, Math.floor(docs.length * Math.pow(r.next(), 3)))];

  const ev = (sourceId: string, k: number) => [{ sourceId, start: k * 40, end: k * 40 + 20, quote: '认真贯彻落实文件精神，健全工作机制，压实各方责任，形成工作合力。', quoteStart: k * 40 - 4 < 0 ? 0 : k * 40 - 4 }];

  let taskBudget = targetNodes - nodes.length - nPolicies;
  const tasksPer = Math.max(1, Math.floor(taskBudget / nPolicies));
  for (let p = 0; p < nPolicies; p++) {
    const reg = r.pick(cities);
    const year = r.int(2014, 2024);
    const sourceId = hex(p * 2654435761 + seed, 16);
    sources.push({ id: sourceId, path: `${reg.province}/${year}/${p}.txt`, sha256: hex(p, 8).repeat(8), bytes: 2000, encoding: 'utf-8', origin: 'corpus' });
    const pid = `policy:${sourceId}:0`;
    const issuer = insts[4 + (p % (insts.length - 4))] ?? insts[0];
    nodes.push({
      id: pid, type: 'policy', label: `${reg.name}教育局${year}年工作要点`, title: `${reg.name}教育局${year}年工作要点`, titleConstructed: false,
      issuers: [issuer.slice(5)], sourceId, year, region: reg.name, province: reg.province, level: 'municipal',
    });
    edges.push({ id: `issued_by:${pid}->${issuer}`, type: 'issued_by', source: pid, target: issuer, evidence: [] });
    edges.push({ id: `located_in:${pid}->${reg.id}`, type: 'located_in', source: pid, target: reg.id, evidence: [] });
    const count = Math.min(tasksPer, taskBudget);
    taskBudget -= count;
    for (let t = 1; t <= count; t++) {
      const tid = `${pid}/${t}`;
      const title = `${r.pick(TASK_VERBS)}${r.pick(TASK_OBJECTS)}`;
      nodes.push({ id: tid, type: 'task', label: title, policyId: pid, path: [String(t)], title, text: `${title}。健全工作机制，压实各方责任。`, fromOutline: false, sourceId, start: t * 100, end: t * 100 + 80, year, region: reg.name, level: 'municipal' });
      edges.push({ id: `contains:${pid}->${tid}`, type: 'contains', source: pid, target: tid, evidence: [] });
      const cited = new Set<string>();
      const nCites = r.int(1, 4);
      for (let c = 0; c < nCites; c++) cited.add(popular());
      for (const d of cited) edges.push({ id: `cites:${tid}->${d}`, type: 'cites', source: tid, target: d, evidence: ev(sourceId, t), intent: r.pick(['implements', 'implements', 'uses', 'will_issue'] as const) });
      if (r.chance(0.45)) { const pg = r.pick(programs); edges.push({ id: `mentions:${tid}->${pg}`, type: 'mentions', source: tid, target: pg, evidence: ev(sourceId, t) }); }
      if (r.chance(0.5)) { const ins = r.pick(insts); edges.push({ id: `involves:${tid}->${ins}`, type: 'involves', source: tid, target: ins, evidence: ev(sourceId, t) }); }
    }
  }

  const out = createWriteStream(file, 'utf8');
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  const list = async (name: string, rows: unknown[], last = false) => {
    await write(`"${name}":[\n`);
    for (let i = 0; i < rows.length; i += 1000) {
      await write(rows.slice(i, i + 1000).map((x) => JSON.stringify(x)).join(',\n') + (i + 1000 < rows.length ? ',\n' : '\n'));
    }
    await write(last ? ']' : '],\n');
  };
  await write('{"schemaVersion":1,\n');
  await list('sources', sources);
  await list('nodes', nodes);
  await list('edges', edges);
  await write('"diagnostics":[]}\n');
  out.end();
  await once(out, 'finish');
  return { nodes: nodes.length, edges: edges.length, sources: sources.length, bytes };
}
