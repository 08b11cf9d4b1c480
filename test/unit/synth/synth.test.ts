/**
 * The synthetic corpus: deterministic, shaped as specified, and the extractor finds what was
 * planted in it (recall ≥ 0.95 on planted citations for 200 documents; noise never becomes a
 * document).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/extract';
import { buildGraph as toGraphology } from '../../../src/graph/load';
import { mainPathAnalysis } from '../../../src/graph/mainpath';
import type { GraphFile } from '../../../src/model';
import { generateCorpus, type GroundTruth } from '../../../scripts/synth/generate';
import { NOISE } from '../../../scripts/synth/lexicon';
import { parsePlanted, scoreRecall, type RecallReport } from '../../../scripts/synth/recall';

const root = mkdtempSync(join(tmpdir(), 'synth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md|html)$/.test(e)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe('synth-corpus (200 documents)', () => {
  const dir = join(root, 'a');
  let truth: GroundTruth;
  let graph: GraphFile;
  let recall: RecallReport;

  beforeAll(async () => {
    truth = await generateCorpus({ docs: 200, out: dir, seed: 7 });
    const files = corpusFiles(dir).map((p) => ({ path: relative(dir, p).split(sep).join('/'), bytes: new Uint8Array(readFileSync(p)), origin: 'corpus' as const }));
    graph = (await buildGraph(files, { keepTexts: false })).graph;
    recall = scoreRecall(graph, parsePlanted(readFileSync(join(dir, 'planted.jsonl'), 'utf8')), NOISE);
  }, 120_000);

  it('writes the number of files asked for, in txt, md and html, with a ground truth', () => {
    const files = corpusFiles(dir);
    expect(files).toHaveLength(200);
    expect(truth.docs).toBe(200);
    expect(truth.files.txt + truth.files.md + truth.files.html).toBe(200);
    expect(truth.files.md).toBeGreaterThan(0);
    expect(truth.files.html).toBeGreaterThan(0);
    expect(truth.bytes).toBe(files.reduce((s, f) => s + statSync(f).size, 0));
    const lines = parsePlanted(readFileSync(join(dir, 'planted.jsonl'), 'utf8'));
    expect(lines).toHaveLength(200);
    expect(lines.reduce((s, l) => s + l.citations.length, 0)).toBe(truth.citations.total);
  });

  it('plants the real variants: bracket shapes, dashes, issuer prefixes, nested 〈〉, promises, noise', () => {
    expect(Object.keys(truth.citations.byBracket).sort()).toEqual(expect.arrayContaining(['〔〕', '[]', '（）']));
    expect(Object.keys(truth.citations.byDash)).toEqual(expect.arrayContaining(['—', '–', '-']));
    for (const form of ['title', 'title+number', 'issuer+title', 'notice', 'number-only', 'promise']) {
      expect(truth.citations.byForm[form] ?? 0, form).toBeGreaterThan(0);
    }
    expect(truth.promises).toBe(truth.fulfilments);
    expect(truth.noise).toBeGreaterThan(0);
    const all = corpusFiles(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all).toMatch(/关于印发〈[^〉]+〉的通知》/);
    expect(all).toMatch(/教育部(印发的)?《/);
    expect(all).toMatch(/《(政府|理论|岗位)》/);
    expect(all).toMatch(/^[一二三四五六七]、/m);
    expect(all).toMatch(/^(\u3000\u3000)?1[.、．]/m);
  });

  it('the extractor finds at least 95% of the planted citations', () => {
    expect(recall.missingFiles).toBe(0);
    expect(recall.planted).toBe(truth.citations.total);
    expect(recall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('has a citation backbone that main-path analysis finds (national → provincial → local)', () => {
    const mp = mainPathAnalysis(toGraphology(graph.nodes, graph.edges), { keyRoutes: 3 });
    const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
    const levelOf = (id: string) => (graph.nodes.find((n) => n.id === id) as { level?: string } | undefined)?.level ?? '?';
    console.log(
      `main path on 200 synthetic documents: ${mp.arcs.length} arcs, ${mp.totalPaths} source–sink paths\n  global: ` +
        mp.global.nodes.map((id) => `${label(id)} [${levelOf(id)}]`).join('\n       → '),
    );
    expect(mp.global.nodes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mp.global.nodes.map(levelOf)).size).toBeGreaterThanOrEqual(2);
    expect(mp.global.arcs.every((a) => a.spc > 0)).toBe(true);
    expect(mp.keyRoute.nodes.length).toBeGreaterThanOrEqual(mp.global.nodes.length);
  });

  it('noise spans (《政府》, …读本) never become documents', () => {
    expect(recall.noiseDocuments).toEqual([]);
  });

  it('is deterministic: the same seed gives the same bytes, another seed another corpus', async () => {
    const again = join(root, 'b');
    const other = join(root, 'c');
    await generateCorpus({ docs: 30, out: again, seed: 7 });
    const t2 = await generateCorpus({ docs: 30, out: join(root, 'b2'), seed: 7 });
    const t3 = await generateCorpus({ docs: 30, out: other, seed: 8 });
    const read = (d: string) => corpusFiles(d).map((f) => relative(d, f) + '\n' + readFileSync(f, 'utf8'));
    expect(read(again)).toEqual(read(join(root, 'b2')));
    expect(read(other)).not.toEqual(read(again));
    expect(t2.bytes).not.toBe(t3.bytes);
  });
});
