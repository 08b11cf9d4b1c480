/**
 * Short forms (以下简称《意见》, 该意见, 上述意见, 《条例》第十二条), pin cites and promised
 * documents, on fixtures written from realistic texts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../../src/extract';
import { ROOT, seedGraph } from '../../support/seeds';
import { isBareShortForm } from '../../../src/extract/find/titles';
import type { GraphFile } from '../../../src/model';

async function build(dir: string): Promise<{ graph: GraphFile; texts: Map<string, string> }> {
  const folder = join(ROOT, 'test/fixtures', dir);
  const files = readdirSync(folder).sort().map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(folder, f))) }));
  return buildGraph(files);
}

function citesOf(graph: GraphFile, titleOrNumber: string) {
  const target = graph.nodes.find((n) => (n.type === 'document' || n.type === 'policy') && ('title' in n && n.title === titleOrNumber));
  if (!target) throw new Error(`no node titled ${titleOrNumber}`);
  return { target, edges: graph.edges.filter((e) => e.type === 'cites' && e.target === target.id) };
}

const BARE = /^(?:该|本|此|上述)?(?:意见|方案|计划|规划|办法|细则|规定|条例|纲要|指南|决定|通知|标准|法)$/u;

describe('short forms', () => {
  it('resolves 《意见》, 该意见 and 上述意见 to the document defined with 以下简称《意见》', async () => {
    const { graph, texts } = await build('shortforms');
    const { target, edges } = citesOf(graph, '关于深化新时代教育督导体制机制改革的意见');
    const evidence = edges.flatMap((e) => e.evidence.map((ev) => texts.get(ev.sourceId)!.slice(ev.start, ev.end)));
    // The full citation in the title line and preamble, and every later short citation.
    const shorts = evidence.filter((m) => m === '《意见》' || m === '该意见' || m === '上述意见');
    expect(shorts.length).toBeGreaterThanOrEqual(5);
    expect(evidence.some((m) => m === '上述意见')).toBe(true);
    expect(evidence.some((m) => m === '该意见')).toBe(true);
    // The tasks that cite only by short form are linked.
    const citers = new Set(edges.map((e) => e.source));
    for (const path of ['一/1', '一/2', '二/3', '二/4']) {
      expect([...citers].some((id) => id.endsWith(`/${path}`))).toBe(true);
    }
    expect(target.type).toBe('document');
  });

  it('keeps the article of a pin cite on the evidence', async () => {
    const { graph } = await build('shortforms');
    const pins = graph.edges.flatMap((e) => e.evidence.map((ev) => ev.pin)).filter(Boolean);
    expect(pins).toEqual(expect.arrayContaining(['第十二条', '第十五条第二款', '第三十条']));
    const { edges } = citesOf(graph, '浙江省学校安全条例');
    expect(edges.length).toBeGreaterThanOrEqual(3);
  });

  it('never makes a document node of a bare short form (fixtures and seeds)', async () => {
    for (const { graph } of [await build('shortforms'), await seedGraph()]) {
      const bare = graph.nodes.filter((n) => n.type === 'document' && BARE.test((n.title ?? '').replace(/\s+/g, '')));
      expect(bare.map((n) => n.label)).toEqual([]);
    }
    expect(isBareShortForm('条例')).toBe(true);
    expect(isBareShortForm('本办法')).toBe(true);
    expect(isBareShortForm('浙江省学校安全条例')).toBe(false);
  });
});

describe('promises and their fulfilment', () => {
  it('links a later policy with the promised title to the task that promised it (fulfils)', async () => {
    const { graph } = await build('promises');
    const promised = graph.nodes.find((n) => n.type === 'policy' && n.title === '杭州市中小学课后服务管理办法');
    expect(promised).toBeDefined();
    const cites = graph.edges.filter((e) => e.type === 'cites' && e.target === promised!.id);
    expect(cites).toHaveLength(1);
    expect(cites[0].intent).toBe('will_issue');
    const fulfils = graph.edges.filter((e) => e.type === 'fulfils');
    expect(fulfils.map((e) => [e.source, e.target])).toEqual([[promised!.id, cites[0].source]]);
    // A promise with no document in the corpus stays a promise.
    const exam = graph.nodes.find((n) => n.type === 'document' && n.title === '杭州市初中学业水平考试实施方案');
    expect(graph.edges.filter((e) => e.type === 'cites' && e.target === exam!.id).map((e) => e.intent)).toEqual(['will_issue']);
  });
});
