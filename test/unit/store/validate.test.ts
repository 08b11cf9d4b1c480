/**
 * The sliced validator accepts and rejects exactly what the contract's GraphFileSchema does, with
 * the same message, on a real graph (the seeds built by the extractor) and broken copies of it;
 * and it gives the event loop turns while it works.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExtractionsFileSchema, GraphFileSchema, SCHEMA_VERSION, describeZodError, type GraphFile } from '../../../src/model';
import { GraphValidationError, validateExtractionsFileSliced, validateGraphFileSliced } from '../../../src/store';
import { seedGraph } from '../../support/seeds';

async function seeds(): Promise<GraphFile> {
  return structuredClone((await seedGraph()).graph);
}

type Outcome = { ok: true; data: unknown } | { ok: false; message: string };

function byContract(raw: unknown): Outcome {
  const r = GraphFileSchema.safeParse(raw);
  return r.success ? { ok: true, data: r.data } : { ok: false, message: describeZodError(r.error) };
}

async function bySlices(raw: unknown): Promise<Outcome> {
  try {
    return { ok: true, data: await validateGraphFileSliced(raw, { sliceMs: 0 }) };
  } catch (e) {
    expect(e).toBeInstanceOf(GraphValidationError);
    return { ok: false, message: (e as Error).message };
  }
}

/** Ways a graph file goes wrong, each applied to a fresh copy of the seeds' graph. */
const BREAKAGES: Record<string, (g: Record<string, unknown> & GraphFile) => unknown> = {
  valid: (g) => g,
  'unknown keys (stripped)': (g) => {
    (g.nodes[3] as Record<string, unknown>).extra = 1;
    (g.edges[5] as Record<string, unknown>).extra = 'x';
    g.extra = true;
    return g;
  },
  'node attribute of the wrong type': (g) => {
    const i = g.nodes.findIndex((n) => n.type === 'task');
    (g.nodes[i] as Record<string, unknown>).path = '一';
    return g;
  },
  'unknown node type': (g) => {
    (g.nodes[g.nodes.length - 1] as Record<string, unknown>).type = 'person';
    return g;
  },
  'cites edge without intent': (g) => {
    const e = g.edges.find((x) => x.type === 'cites')!;
    delete e.intent;
    return g;
  },
  'evidenced edge without evidence': (g) => {
    g.edges.find((x) => x.type === 'mentions' || x.type === 'involves')!.evidence = [];
    return g;
  },
  'negative evidence offset': (g) => {
    g.edges.find((x) => x.evidence.length)!.evidence[0].start = -1;
    return g;
  },
  'duplicate node id': (g) => {
    g.nodes.push({ ...g.nodes[0] });
    return g;
  },
  'duplicate edge id': (g) => {
    g.edges.push({ ...g.edges[1] });
    return g;
  },
  'edge to a missing node': (g) => {
    g.edges[2].target = 'doc:no-such-node';
    g.edges[4].source = 'policy:nowhere';
    return g;
  },
  'wrong schema version': (g) => ({ ...g, schemaVersion: 2 }),
  'sources not an array': (g) => ({ ...g, sources: {} }),
  'bad diagnostic and bad node together': (g) => {
    (g.diagnostics as unknown[]).push({ level: 'fatal', message: 1 });
    (g.nodes[1] as Record<string, unknown>).label = null;
    return g;
  },
  'nodes missing': (g) => ({ ...g, nodes: undefined }),
  'edges not an array': (g) => ({ ...g, edges: 'none' }),
  'not an object': () => 'graph',
  null: () => null,
};

describe('validateGraphFileSliced', () => {
  for (const [name, breakIt] of Object.entries(BREAKAGES)) {
    it(`agrees with GraphFileSchema: ${name}`, async () => {
      const raw = breakIt((await seeds()) as Record<string, unknown> & GraphFile);
      const expected = byContract(raw);
      const got = await bySlices(raw);
      expect(got).toEqual(expected);
      if (name === 'valid') expect(got.ok).toBe(true);
      if (name !== 'valid' && name !== 'unknown keys (stripped)') expect(got.ok).toBe(false);
    });
  }

  it('agrees with GraphFileSchema when random rows are replaced by random JSON', async () => {
    const base = await seeds();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 4 }),
        async (changes) => {
          const g = structuredClone(base) as unknown as { nodes: unknown[]; edges: unknown[] };
          for (const [onNodes, at, value] of changes) {
            const rows = onNodes ? g.nodes : g.edges;
            rows[at % rows.length] = value;
          }
          expect(await bySlices(g)).toEqual(byContract(g));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the input rows themselves when nothing is stripped, a clean copy when a nested unknown key is', async () => {
    // A JSON copy: the extractor shares evidence objects between edges, a structured clone keeps that.
    const g = JSON.parse(JSON.stringify(await seeds())) as GraphFile;
    const withEvidence = g.edges.findIndex((e) => e.evidence.length > 0);
    (g.edges[withEvidence].evidence[0] as Record<string, unknown>).extra = 'x';
    const out = await validateGraphFileSliced(g);
    expect(out.nodes.every((n, i) => n === g.nodes[i])).toBe(true);
    expect(out.edges.filter((e, i) => e !== g.edges[i]).map((e) => e.id)).toEqual([g.edges[withEvidence].id]);
    expect(out.edges[withEvidence].evidence[0]).not.toHaveProperty('extra');
  });

  it('yields to the event loop between slices and reports progress up to every row', async () => {
    const g = await seeds();
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    const progress: number[] = [];
    try {
      await validateGraphFileSliced(g, { sliceMs: 0, onProgress: (done) => progress.push(done) });
    } finally {
      clearInterval(tick);
    }
    const total = g.nodes.length + g.edges.length;
    expect(total).toBeGreaterThan(512);
    expect(turns).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(total);
  });
});

describe('validateExtractionsFileSliced', () => {
  const file = async () => JSON.parse(JSON.stringify({ schemaVersion: SCHEMA_VERSION, extractions: ((await seedGraph()) as unknown as { extractions: unknown[] }).extractions })) as { schemaVersion: unknown; extractions: unknown[] };
  const byContract = (raw: unknown): Outcome => {
    const r = ExtractionsFileSchema.safeParse(raw);
    return r.success ? { ok: true, data: r.data } : { ok: false, message: `extractions.json: ${describeZodError(r.error)}` };
  };
  const bySlices = async (raw: unknown): Promise<Outcome> => {
    try {
      return { ok: true, data: await validateExtractionsFileSliced(raw, { sliceMs: 0 }) };
    } catch (e) {
      expect(e).toBeInstanceOf(GraphValidationError);
      return { ok: false, message: (e as Error).message };
    }
  };

  it('agrees with ExtractionsFileSchema on the seeds and broken copies', async () => {
    const valid = await file();
    expect(valid.extractions.length).toBeGreaterThan(1);
    const broken: unknown[] = [
      valid,
      { ...valid, schemaVersion: 9 },
      { ...valid, extractions: {} },
      { ...valid, extractions: [...valid.extractions.slice(1), { sourceId: 1 }] },
      { ...valid, schemaVersion: 0, extractions: [null, ...valid.extractions] },
      'not a file',
    ];
    for (const raw of broken) expect(await bySlices(raw)).toEqual(byContract(raw));
    expect((await bySlices(valid)).ok).toBe(true);
  });

  it('agrees with ExtractionsFileSchema when a record is replaced by random JSON', async () => {
    const valid = await file();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.jsonValue({ maxDepth: 2 }), async (at, value) => {
        const raw = { ...valid, extractions: valid.extractions.map((x, i) => (i === at % valid.extractions.length ? value : x)) };
        expect(await bySlices(raw)).toEqual(byContract(raw));
      }),
      { numRuns: 20 },
    );
  });
});
