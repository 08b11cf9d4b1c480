/**
 * Exports in Chromium, read back by independent readers: a view filtered to 2020 (with one
 * analyst correction whose label is a spreadsheet formula) is exported in every format through the
 * menu, each download is captured and read by graphology's parsers, Debian's networkx, xmllint,
 * papaparse, fflate and zod; counts must equal what the canvas draws.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { unzipSync, strFromU8 } from 'fflate';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { parse as parseGEXF } from 'graphology-gexf';
import { GraphFileSchema, WORKSPACE_FORMAT, type GraphFile } from '../../src/model';
import { importGraph, loadGraphRows, openDb } from '../../src/store';
import { ROOT, launch, shot, startPreview, waitForApp, waitForCanvas, type Browser, type Preview } from './harness';

const graph: GraphFile = JSON.parse(readFileSync(join(ROOT, 'dist/data/graph.json'), 'utf8'));
const byId = new Map(graph.nodes.map((n) => [n.id, n]));
const PY = '/usr/bin/python3';
const FORMULA = '=HYPERLINK("http://example.invalid","x")';

let preview: Preview;
let browser: Browser;
let page: Page;
let dir: string;
/** What the canvas draws after the filter and the correction. */
let view: { nodes: number; edges: number };
/** The 2020 policy (the year filter's anchor) and the document split by the correction. */
let policy2020: GraphFile['nodes'][number];
let splitDoc: string;
let splitEdge: string;

async function canvasCounts(p: Page) {
  const c = p.getByTestId('canvas');
  return { nodes: Number(await c.getAttribute('data-nodes')), edges: Number(await c.getAttribute('data-edges')) };
}

/** Clicks an export in the menu and saves every download it causes; returns their paths. */
async function exportAs(format: string, files = 1): Promise<string[]> {
  const list = page.getByTestId('export-list');
  if (!(await list.isVisible().catch(() => false))) await page.getByTestId('export-menu').click();
  const downloads: Promise<import('playwright-core').Download>[] = [];
  let n = 0;
  const all = new Promise<import('playwright-core').Download[]>((res) => {
    const got: import('playwright-core').Download[] = [];
    const on = (d: import('playwright-core').Download) => {
      got.push(d);
      if (++n === files) {
        page.off('download', on);
        res(got);
      }
    };
    page.on('download', on);
  });
  void downloads;
  await page.getByTestId(`export-${format}`).click();
  const got = await all;
  const paths: string[] = [];
  for (const d of got) {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    paths.push(path);
  }
  await expect.poll(() => page.getByTestId('export-status').innerText()).toContain(String(view.nodes));
  return paths.sort();
}

const py = (script: string, path: string) => JSON.parse(execFileSync(PY, ['-c', script, path], { encoding: 'utf8' }));
const xmllint = (path: string) => execFileSync('xmllint', ['--noout', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ple-exports-'));
  preview = await startPreview();
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  policy2020 = graph.nodes.find((n) => n.type === 'policy' && n.year === 2020)!;
  expect(policy2020, 'the seeds hold a 2020 policy').toBeDefined();
  // A document cited by a task of the 2020 policy: its citation moves to a node whose label is a formula.
  const cite = graph.edges.find((e) => e.type === 'cites' && byId.get(e.source)?.type === 'task' && (byId.get(e.source) as { policyId: string }).policyId === policy2020.id && byId.get(e.target)?.type === 'document')!;
  splitDoc = cite.target;
  splitEdge = cite.id;
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('exports of a filtered view (year 2020)', () => {
  it('the filter and the correction shaped the view', async () => {
  await page.goto(`${preview.url}#y=2020-2020`);
  await waitForApp(page);
  const ws = {
    format: WORKSPACE_FORMAT,
    version: 1,
    notes: [],
    views: [],
    corrections: [{ id: 'c-formula', createdAt: 1, kind: 'split', nodeId: splitDoc, newLabel: FORMULA, edgeIds: [splitEdge] }],
  };
  const before = Number(await page.getByTestId('canvas').getAttribute('data-renders'));
  await page.getByTestId('workspace-toggle').click();
  await page.getByTestId('workspace-import').setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ws)) });
  await expect.poll(() => page.getByTestId('workspace-message').innerText()).toMatch(/1/);
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=canvas]')?.getAttribute('data-renders')) > n, before);
  await waitForCanvas(page);
  view = await canvasCounts(page);
    expect(view.nodes).toBeGreaterThan(5);
    expect(view.nodes).toBeLessThan(graph.nodes.length);
    await shot(page, 'exports-01-view-2020');
  });

  it('graph JSON validates, holds the view, keeps the rows, and re-imports to the same graph', async () => {
    const [path] = await exportAs('json');
    const file = GraphFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(file.nodes.length).toBe(view.nodes);
    expect(file.edges.length).toBe(view.edges);
    // Rows no correction touched are the served rows, attribute for attribute.
    const p = file.nodes.find((n) => n.id === policy2020.id);
    expect(p).toEqual(policy2020);
    const split = file.nodes.find((n) => n.label === FORMULA);
    expect(split?.id).toBe(`${splitDoc}#split:c-formula`);
    // Sources: those the rows refer to, as served.
    const used = new Set(file.nodes.flatMap((n) => ('sourceId' in n ? [n.sourceId] : [])));
    expect(file.sources.map((s) => s.id).sort()).toEqual(graph.sources.filter((s) => used.has(s.id) || file.edges.some((e) => e.evidence.some((ev) => ev.sourceId === s.id))).map((s) => s.id).sort());
    // Diagnostics: the served ones about the written sources (or about no source).
    const written = new Set(file.sources.map((s) => s.id));
    expect(file.diagnostics).toEqual(graph.diagnostics.filter((d) => !d.sourceId || written.has(d.sourceId)));
    expect(file.diagnostics.length).toBeGreaterThan(0);

    const db = await openDb({ name: `reimport-${process.pid}` });
    await importGraph(db, file);
    const rows = await loadGraphRows(db);
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sort(rows.nodes)).toEqual(sort(file.nodes));
    expect(sort(rows.edges)).toEqual(sort(file.edges));
    db.close();
  });

  it('GraphML: xmllint, networkx and graphology-graphml read the same counts and attributes', async () => {
    const [path] = await exportAs('graphml');
    xmllint(path);
    const nx = py(
      `import json,sys,networkx as nx
g=nx.read_graphml(sys.argv[1])
print(json.dumps({"n":g.number_of_nodes(),"e":g.number_of_edges(),"p":g.nodes[${JSON.stringify(policy2020.id)}]}, ensure_ascii=False))`,
      path,
    );
    expect([nx.n, nx.e]).toEqual([view.nodes, view.edges]);
    expect(nx.p).toMatchObject({ label: policy2020.label, type: 'policy', year: 2020 });
    const g = parseGraphML(MultiDirectedGraph, readFileSync(path, 'utf8'));
    expect([g.order, g.size]).toEqual([view.nodes, view.edges]);
    expect(g.getNodeAttribute(policy2020.id, 'label')).toBe(policy2020.label);
  });

  it('GEXF: xmllint, networkx and graphology-gexf read the same counts and attributes', async () => {
    const [path] = await exportAs('gexf');
    xmllint(path);
    const nx = py(
      `import json,sys,networkx as nx
g=nx.read_gexf(sys.argv[1])
d=g.nodes[${JSON.stringify(policy2020.id)}]
print(json.dumps({"n":g.number_of_nodes(),"e":g.number_of_edges(),"label":d.get("label"),"year":d.get("year")}, ensure_ascii=False))`,
      path,
    );
    expect([nx.n, nx.e]).toEqual([view.nodes, view.edges]);
    expect(nx.label).toBe(policy2020.label);
    expect(Number(nx.year)).toBe(2020);
    const g = parseGEXF(MultiDirectedGraph, readFileSync(path, 'utf8'));
    expect([g.order, g.size]).toEqual([view.nodes, view.edges]);
    expect(g.getNodeAttribute(policy2020.id, 'label')).toBe(policy2020.label);
  });

  it('CSV: BOM, one row per node and edge, English columns, and formulas made inert', async () => {
    const [edgesPath, nodesPath] = await exportAs('csv', 2);
    expect(nodesPath).toMatch(/nodes\.csv$/);
    const read = (p: string) => {
      const buf = readFileSync(p);
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return Papa.parse<Record<string, string>>(buf.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true });
    };
    const nodes = read(nodesPath);
    const edges = read(edgesPath);
    expect(nodes.errors).toEqual([]);
    expect(nodes.data.length).toBe(view.nodes);
    expect(edges.data.length).toBe(view.edges);
    const p = nodes.data.find((r) => r.id === policy2020.id)!;
    expect(p).toMatchObject({ type: 'policy', type_en: 'policy', label: policy2020.label, year: '2020' });
    const split = nodes.data.find((r) => r.id === `${splitDoc}#split:c-formula`)!;
    expect(split.label).toBe(`'${FORMULA}`);
    for (const row of [...nodes.data, ...edges.data]) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('Neo4j: a zip of bulk-import CSVs with the documented headers and every row', async () => {
    const [path] = await exportAs('neo4j');
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const names = Object.keys(files);
    expect(names).toContain('README.md');
    let nodeRows = 0;
    let relRows = 0;
    for (const name of names.filter((n) => n.endsWith('.csv'))) {
      const parsed = Papa.parse<string[]>(strFromU8(files[name]), { skipEmptyLines: true });
      const [header, ...rows] = parsed.data;
      if (header.includes(':START_ID')) {
        expect(header).toEqual(expect.arrayContaining([':START_ID', ':END_ID', ':TYPE']));
        relRows += rows.length;
      } else {
        expect(header[0]).toMatch(/:ID$/);
        expect(header).toContain(':LABEL');
        nodeRows += rows.length;
      }
    }
    expect(nodeRows).toBe(view.nodes);
    expect(relRows).toBe(view.edges);
  });

  it('PNG is an image of the canvas', async () => {
    const [path] = await exportAs('png');
    const buf = readFileSync(path);
    expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16..24.
    expect(buf.readUInt32BE(16)).toBeGreaterThan(200);
    expect(buf.readUInt32BE(20)).toBeGreaterThan(100);
    expect(buf.length).toBeGreaterThan(10_000);
  });

  it('SVG parses and draws one shape per node of the canvas, with its labels', async () => {
    const [path] = await exportAs('svg');
    xmllint(path);
    const svg = readFileSync(path, 'utf8');
    const shapes = svg.match(/<(ellipse|rect|polygon) [^>]*data-id="/g) ?? [];
    expect(shapes.length).toBe(view.nodes);
    expect((svg.match(/<line /g) ?? []).length).toBe(view.edges);
    // The formula label is text in the SVG, escaped.
    expect(svg).toContain('=HYPERLINK(&quot;');
    await page.getByTestId('export-menu').click(); // close the menu
    await shot(page, 'exports-02-after');
  });

  it('the selection scope exports the selected nodes and the edges between them', async () => {
    // The 2020 policy and its tasks: the edges between them are its `contains` edges.
    const tasks = graph.nodes.filter((n) => n.type === 'task' && n.policyId === policy2020.id).slice(0, 3);
    const ids = [policy2020.id, ...tasks.map((t) => t.id)];
    await page.evaluate((h) => (location.hash = h), `#y=2020-2020&sel=${ids.map(encodeURIComponent).join('|')}`);
    await expect.poll(() => page.getByTestId('detail-title').innerText()).not.toBe('');
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-scope-selection').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const path = join(dir, 'selection.json');
    await d.saveAs(path);
    const file = GraphFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(file.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    const inside = new Set(ids);
    expect(file.edges.map((e) => e.id).sort()).toEqual(graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.id).sort());
    expect(file.edges.length).toBe(tasks.length);
    await page.keyboard.press('Escape');
  });

  it('the menu is keyboard-usable: arrows move, Escape closes and returns focus', async () => {
    await page.getByTestId('export-menu').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('export-list').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(focused).toMatch(/^export-/);
    await shot(page, 'exports-03-menu');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('export-list').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-menu');
  });
});
