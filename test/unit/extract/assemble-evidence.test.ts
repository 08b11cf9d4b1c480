/**
 * assembleGraph keeps one evidence record per (source, start) on an edge, by a scan up to 8 records
 * and by per-source start sets beyond: mentions read twice add nothing, many distinct ones all stay.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGraph, buildGraph } from '../../../src/extract';
import type { FileExtraction } from '../../../src/extract';

const dir = join(__dirname, '../../../seeds');
const files = readdirSync(dir).sort().map((f) => ({ path: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));

describe('edge evidence', () => {
  it('citations and mentions read twice give the same graph', async () => {
    const { graph, extractions } = await buildGraph(files);
    const doubled: FileExtraction[] = structuredClone(extractions).map((x) => ({
      ...x,
      policies: x.policies.map((p) => ({ ...p, citations: [...p.citations, ...p.citations], programs: [...p.programs, ...p.programs], institutions: [...p.institutions, ...p.institutions] })),
    }));
    const again = assembleGraph(graph.sources, doubled, graph.diagnostics);
    expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
  });

  it('an edge gathering many distinct spans keeps each once, in order, across sources', async () => {
    const { graph, extractions } = await buildGraph(files);
    const x = structuredClone(extractions);
    const p = x[0].policies.find((q) => q.citations.length)!;
    const c = p.citations[0];
    // 40 mentions at distinct starts, each written twice, in two sources' evidence.
    const copies = Array.from({ length: 40 }, (_, k) => ({ ...c, evidence: { ...c.evidence, start: 100000 + k, sourceId: k % 2 ? 'other' : c.evidence.sourceId } }));
    p.citations = [c, ...copies, ...copies];
    const g = assembleGraph(graph.sources, x, graph.diagnostics);
    const citer = g.edges.find((e) => e.type === 'cites' && e.evidence.some((ev) => ev.start === 100000));
    expect(citer).toBeDefined();
    const starts = citer!.evidence.map((ev) => `${ev.sourceId}:${ev.start}`);
    expect(new Set(starts).size).toBe(starts.length);
    for (let k = 0; k < 40; k++) expect(starts).toContain(`${k % 2 ? 'other' : c.evidence.sourceId}:${100000 + k}`);
  });
});
