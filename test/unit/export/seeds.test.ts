/**
 * Round trip of the real seed graph through every export format, read back by independent
 * readers. The graph is built from seeds/ with the extractor, exactly as `npm run build:graph` does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import Papa from 'papaparse';
import { parse as parseGraphML } from 'graphology-graphml';
import { parse as parseGEXF } from 'graphology-gexf';
import { buildGraph as extractGraph } from '../../../src/extract';
import { buildGraph } from '../../../src/graph/load';
import { GraphFileSchema, type GraphFile } from '../../../src/model';
import { toCSV, toGEXF, toGraphJson, toGraphML, toNeo4jCsv } from '../../../src/graph/export';
import { mainPathAnalysis } from '../../../src/graph/mainpath';
import { mostCited } from '../../../src/graph/metrics';
import { diffusionTimeline } from '../../../src/graph/diffusion';
import { readWithNetworkx, writeTemp, xmllint } from './external';

const SEEDS = join(__dirname, '../../../seeds');
let file: GraphFile;
let g: ReturnType<typeof buildGraph>;
let nodeIds: string[];
let edgeIds: string[];

beforeAll(async () => {
  const inputs = readdirSync(SEEDS)
    .filter((n) => /\.(txt|md|html?)$/i.test(n))
    .sort()
    .map((n) => ({ path: n, bytes: new Uint8Array(readFileSync(join(SEEDS, n))) }));
  file = (await extractGraph(inputs)).graph;
  g = buildGraph(file.nodes, file.edges);
  nodeIds = g.nodes();
  edgeIds = g.edges();
}, 120_000);

describe('seed graph exports', () => {
  it('the seed graph is not trivial', () => {
    expect(file.nodes.length).toBeGreaterThan(100);
    expect(file.edges.filter((e) => e.type === 'cites').length).toBeGreaterThan(50);
  });

  it('JSON re-parses with GraphFileSchema to the same nodes, edges and sources', () => {
    const back = GraphFileSchema.parse(JSON.parse(toGraphJson(g, nodeIds, edgeIds, { sources: file.sources, diagnostics: file.diagnostics })));
    expect(back.nodes).toEqual(file.nodes);
    expect(back.edges).toEqual(file.edges);
    expect(back.sources).toEqual(file.sources);
  });

  it('GraphML passes xmllint and reads back in graphology and networkx', () => {
    const xml = toGraphML(g, nodeIds, edgeIds);
    const path = writeTemp('seeds.graphml', xml);
    xmllint(path);
    const back = parseGraphML(Graph, xml);
    expect([back.order, back.size]).toEqual([file.nodes.length, file.edges.length]);
    const nx = readWithNetworkx('graphml', path);
    expect([Object.keys(nx.nodes).length, nx.edges.length]).toEqual([file.nodes.length, file.edges.length]);
    const doc = file.nodes.find((n) => n.type === 'document' && n.docNumber)!;
    expect(nx.nodes[doc.id].docNumber).toBe('docNumber' in doc ? doc.docNumber : undefined);
  });

  it('GEXF passes xmllint and reads back in graphology and networkx', () => {
    const xml = toGEXF(g, nodeIds, edgeIds);
    const path = writeTemp('seeds.gexf', xml);
    xmllint(path);
    const back = parseGEXF(Graph, xml);
    expect([back.order, back.size]).toEqual([file.nodes.length, file.edges.length]);
    const nx = readWithNetworkx('gexf', path);
    expect([Object.keys(nx.nodes).length, nx.edges.length]).toEqual([file.nodes.length, file.edges.length]);
  });

  it('CSV rows match the graph and no cell is a live formula', () => {
    const { nodes, edges } = toCSV(g, nodeIds, edgeIds);
    const parse = (b: Uint8Array) => Papa.parse<Record<string, string>>(new TextDecoder().decode(b), { header: true, skipEmptyLines: true });
    const n = parse(nodes);
    const e = parse(edges);
    expect(n.errors).toEqual([]);
    expect(n.data.length).toBe(file.nodes.length);
    expect(e.data.length).toBe(file.edges.length);
    for (const r of [...n.data, ...e.data]) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    const policy = n.data.find((r) => r.type === 'policy')!;
    expect(policy.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('Neo4j files hold every node once and every relationship', () => {
    const out = toNeo4jCsv(g, nodeIds, edgeIds);
    const rows = (name: string) => Papa.parse<string[]>(out.files.find((f) => f.name === name)!.content, { skipEmptyLines: true }).data.slice(1);
    const ids = out.files.filter((f) => f.name.startsWith('nodes_')).flatMap((f) => rows(f.name).map((r) => r[0]));
    expect(ids.sort()).toEqual([...nodeIds].sort());
    expect(rows('relationships.csv').length).toBe(file.edges.length);
  });
});

describe('seed graph analytics', () => {
  it('the most cited document is cited from more than one task, and main-path analysis runs on a DAG', () => {
    const top = mostCited(g, { limit: 5 });
    expect(top[0].citations).toBeGreaterThan(1);
    const mp = mainPathAnalysis(g);
    expect(mp.arcs.length).toBeGreaterThan(10);
    expect(mp.global.nodes.length).toBeGreaterThanOrEqual(2);
    // SPC of every arc is at most the number of source-to-sink paths.
    for (const a of mp.arcs) expect(a.spc).toBeLessThanOrEqual(mp.totalPaths);
    const tl = diffusionTimeline(g, top[0].id);
    expect(tl.entries.length).toBeGreaterThan(0);
  });
});
