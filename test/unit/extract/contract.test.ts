/**
 * The graph file contract on the seeds: deterministic output, evidence that really is the text at
 * its offsets, and extractions that re-assemble into the very same graph (the browser's path).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleGraph, buildGraph, validateGraph } from '../../../src/extract';
import { ExtractionsFileSchema, FileExtractionSchema, EVIDENCED_EDGE_TYPES } from '../../../src/model';
import { seedGraph, seedNames, SEEDS_DIR } from '../../support/seeds';

function seedFiles() {
  return seedNames().map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) }));
}

describe('graph contract on the seeds', () => {
  it('validates against the schema', async () => {
    const { graph } = await seedGraph();
    expect(() => validateGraph(graph)).not.toThrow();
  });

  it('is deterministic: the same input gives byte-identical output, whatever the file order', async () => {
    const a = await buildGraph(seedFiles());
    const b = await buildGraph(seedFiles().reverse());
    expect(JSON.stringify(b.graph)).toBe(JSON.stringify(a.graph));
  });

  it('puts evidence on every cites, mentions, involves and adapts edge, and it is the text at its offsets', async () => {
    const { graph, texts } = await seedGraph();
    let checked = 0;
    for (const e of graph.edges) {
      if (EVIDENCED_EDGE_TYPES.includes(e.type)) expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        const text = texts.get(ev.sourceId)!;
        expect(text).toBeDefined();
        expect(ev.start).toBeLessThanOrEqual(ev.end);
        expect(ev.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(ev.quoteStart, ev.quoteStart + ev.quote.length)).toBe(ev.quote);
        expect(ev.start).toBeGreaterThanOrEqual(ev.quoteStart);
        expect(ev.end).toBeLessThanOrEqual(ev.quoteStart + ev.quote.length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('cites evidence spans a 《title》 or a 文号 as written in the file', async () => {
    const { graph, texts } = await seedGraph();
    for (const e of graph.edges.filter((x) => x.type === 'cites')) {
      for (const ev of e.evidence) {
        const mention = texts.get(ev.sourceId)!.slice(ev.start, ev.end);
        expect(mention).toMatch(/^《[\s\S]+》|〕|[\])）]\s*\d+\s*号|^(?:该|上述|前述)|^[“"]/u);
      }
    }
  });

  it('stores extractions that re-assemble into the same graph', async () => {
    const { graph, extractions } = await buildGraph(seedFiles());
    const stored = ExtractionsFileSchema.parse(JSON.parse(JSON.stringify({ schemaVersion: 1, extractions })));
    for (const x of stored.extractions) expect(() => FileExtractionSchema.parse(x)).not.toThrow();
    const again = assembleGraph(graph.sources, stored.extractions, graph.diagnostics);
    expect(JSON.stringify(again)).toBe(JSON.stringify(graph));
  });
});
