/**
 * Document shapes beyond the seeds: a law with a table of contents and articles, and a State
 * Council notice whose subsections are numbered across sections.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../../src/extract';
import { ROOT } from '../../support/seeds';
import type { GraphFile, PolicyNode, TaskNode } from '../../../src/model';

let graph: GraphFile;
beforeAll(async () => {
  const folder = join(ROOT, 'test/fixtures/variants');
  const files = readdirSync(folder).sort().map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(folder, f))) }));
  graph = (await buildGraph(files)).graph;
});

const policy = (title: string) => graph.nodes.find((n): n is PolicyNode => n.type === 'policy' && n.title === title)!;
const tasksOf = (p: PolicyNode) => graph.nodes.filter((n): n is TaskNode => n.type === 'task' && n.policyId === p.id);

describe('a law with a table of contents', () => {
  it('reads its articles under the real chapters, not under the contents', () => {
    const law = policy('中华人民共和国学前教育法');
    expect(law.level).toBe('national');
    expect(law.year).toBe(2024);
    const paths = tasksOf(law).map((t) => t.path.join('/')).sort();
    expect(paths).toEqual(['一/1', '一/2', '一/3', '三/6', '二/4', '二/5', '四/7'].sort());
  });

  it('cites other laws with their articles, and the 中华人民共和国 prefix does not split a law', () => {
    const cites = graph.edges.filter((e) => e.type === 'cites');
    const protection = cites.find((e) => e.target.includes('未成年人保护法'));
    expect(protection?.evidence[0].pin).toBe('第一百二十九条');
    expect(protection?.intent).toBe('implements');
    expect(graph.nodes.filter((n) => n.type === 'document' && /教育法$/.test(n.title ?? '')).length).toBe(1);
  });
});

describe('a State Council notice issuing a plan', () => {
  it('is one policy with the plan’s title, the notice’s 文号, issuer and date', () => {
    const plan = policy('国家职业教育改革实施方案');
    expect(plan.docNumber).toBe('国发〔2019〕4号');
    expect(plan.issuers).toEqual(['国务院']);
    expect(plan.dateWritten).toBe('2019-01-24');
    expect(plan.level).toBe('national');
  });

  it('keeps subsections numbered across sections: 二、(三)(四)', () => {
    const paths = tasksOf(policy('国家职业教育改革实施方案')).map((t) => t.path.join('/')).sort();
    expect(paths).toEqual(['一/(一)', '一/(二)', '二/(三)', '二/(四)']);
  });

  it('does not cite itself through 现将《…》印发给你们', () => {
    const plan = policy('国家职业教育改革实施方案');
    expect(graph.edges.filter((e) => e.type === 'cites' && e.source.startsWith(plan.id))).toEqual([]);
  });
});
