/**
 * The compiled filter index against an oracle: the compile as it was before it was made faster
 * (a string-keyed Map lookup per edge endpoint, `regionScope` per anchor, `indexOf` per type),
 * copied here verbatim but for its yields (`regionScope` itself is the exported one, which the
 * compile's memoised scopes must agree with). The index must be the same, array for array and in
 * the same order (region codes numbered in first-seen order), on the seeds, on the benchmark's
 * synthetic graph and on random graphs with the awkward cases (tasks without region or without
 * a policy, region parents missing, not regions or in a cycle, policies with a province).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilters, compileFilterIndexSliced, filterIndexToken, regionScope } from '../../../src/graph/filters';
import { buildGraph, type NodeAttributes, type PolicyGraph } from '../../../src/graph/load';
import { EDGE_TYPES, INTENTS, LEVELS, NODE_TYPES, type GraphEdge, type GraphNode } from '../../../src/model';
import { seedGraph } from '../../support/seeds';
import { smallGraphFile } from './fixture';
import { synthGraph } from './synth-graph';

// ---- oracle: the previous compile ----

/** One anchor's scope the straightforward way: the exported `regionScope`, per node, no memo. */
const oracleRegionScope = regionScope;

function oracleCompile(g: PolicyGraph) {
  const n = g.order;
  const m = g.size;
  const nodeIds: string[] = new Array(n);
  const nodeIndex = new Map<string, number>();
  const type = new Uint8Array(n);
  const year = new Uint16Array(n);
  const level = new Int8Array(n).fill(-1);
  const citedBy = new Uint32Array(n);
  const degree = new Uint32Array(n);
  const policyOf = new Int32Array(n).fill(-1);
  const policies: number[] = [];
  const institutions: number[] = [];
  let i = 0;
  for (const { node: id, attributes: a } of g.nodeEntries()) {
    nodeIds[i] = id;
    nodeIndex.set(id, i);
    type[i] = NODE_TYPES.indexOf(a.type);
    citedBy[i] = a.citedBy;
    degree[i] = a.degree;
    if (a.type === 'policy') policies.push(i);
    else if (a.type === 'institution') institutions.push(i);
    i++;
  }
  const regionCode = new Map<string, number>();
  const scopeStart = new Int32Array(n + 1);
  const scope: number[] = [];
  for (let k = 0; k < n; k++) {
    scopeStart[k] = scope.length;
    const a = g.getNodeAttributes(nodeIds[k]);
    if (a.type === 'policy' || a.type === 'task' || a.type === 'document') {
      let y = a.year;
      let l = a.level;
      if (a.type === 'task') {
        const p = nodeIndex.get(a.policyId);
        if (p !== undefined) {
          policyOf[k] = p;
          const pa = g.getNodeAttributes(a.policyId);
          if (pa.type === 'policy') {
            y ??= pa.year;
            l ??= pa.level;
          }
        }
      } else if (a.type === 'policy') policyOf[k] = k;
      if (y) year[k] = y;
      if (l) level[k] = LEVELS.indexOf(l);
    }
    if (a.type === 'policy' || a.type === 'task') {
      for (const name of oracleRegionScope(g, a)) {
        let c = regionCode.get(name);
        if (c === undefined) regionCode.set(name, (c = regionCode.size));
        scope.push(c);
      }
    }
  }
  scopeStart[n] = scope.length;
  const edgeIds: string[] = new Array(m);
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeType = new Uint8Array(m);
  const edgeIntent = new Int8Array(m).fill(-1);
  let j = 0;
  for (const { edge: id, attributes: a, source: s, target: t } of g.edgeEntries()) {
    edgeIds[j] = id;
    edgeSource[j] = nodeIndex.get(s)!;
    edgeTarget[j] = nodeIndex.get(t)!;
    edgeType[j] = EDGE_TYPES.indexOf(a.type);
    if (a.intent) edgeIntent[j] = INTENTS.indexOf(a.intent);
    j++;
  }
  return {
    nodeIds,
    nodeIndex: [...nodeIndex],
    type,
    year,
    level,
    citedBy,
    degree,
    policyOf,
    scopeStart,
    scopeCodes: Int32Array.from(scope),
    regionCode: [...regionCode],
    policies: Int32Array.from(policies),
    institutions: Int32Array.from(institutions),
    edgeIds,
    edgeSource,
    edgeTarget,
    edgeType,
    edgeIntent,
  };
}

// ---- the index as compiled now ----

type Compiled = ReturnType<typeof oracleCompile>;

/** The fields of the cached index of `g`, Maps as entry lists so that their order counts. */
function compiledFields(g: PolicyGraph): Compiled {
  const idx = filterIndexToken(g) as Record<string, unknown> | null;
  if (!idx) throw new Error('no compiled index');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(oracleCompile(buildGraph([], [])))) {
    const v = idx[key];
    out[key] = v instanceof Map ? [...v] : v;
  }
  return out as Compiled;
}

async function compiledSliced(g: PolicyGraph): Promise<Compiled> {
  await compileFilterIndexSliced(g, { sliceMs: 0 });
  return compiledFields(g);
}

/**
 * The same graph seen without graphology's internal record maps, counting calls of the public
 * edge iterator (which the compile uses only where the records are not there).
 */
function observed(g: PolicyGraph, hideRecords: boolean): { graph: PolicyGraph; edgeEntriesCalls: () => number } {
  let calls = 0;
  const graph = new Proxy(g, {
    get(target, p) {
      if (hideRecords && (p === '_nodes' || p === '_edges')) return undefined;
      if (p === 'edgeEntries') calls++;
      const v = Reflect.get(target, p, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { graph, edgeEntriesCalls: () => calls };
}

// ---- random graphs with the awkward cases ----

const NAMES = ['甲省', '乙市', '丙县', '丁市', '戊区'];
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const yearArb = opt(fc.integer({ min: 2000, max: 2030 }));
const levelArb = opt(fc.constantFrom(...LEVELS));

interface RandomGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const randomGraph: fc.Arbitrary<RandomGraph> = fc
  .record({
    // Region nodes: id `region:<name>` or a suffixed one (not found by name), a parent that is a
    // region, a missing node, a policy or nothing; cycles happen.
    regions: fc.array(
      fc.record({ name: fc.constantFrom(...NAMES), suffixed: fc.boolean(), parent: opt(fc.oneof(fc.constantFrom(...NAMES).map((x) => `region:${x}`), fc.constant('region:无'), fc.constant('p0'))) }),
      { maxLength: 6 },
    ),
    policies: fc.array(fc.record({ region: opt(fc.constantFrom(...NAMES, '无名县')), province: opt(fc.constantFrom(...NAMES, '某省')), year: yearArb, level: levelArb }), { minLength: 1, maxLength: 5 }),
    tasks: fc.array(
      fc.record({ policy: fc.oneof(fc.nat(6).map((k) => `p${k}`), fc.constant('region:甲省'), fc.constant('missing')), region: opt(fc.constantFrom(...NAMES)), year: yearArb, level: levelArb }),
      { maxLength: 12 },
    ),
    documents: fc.array(fc.record({ year: yearArb, level: levelArb }), { maxLength: 4 }),
    institutions: fc.nat(3),
    edges: fc.array(fc.record({ s: fc.nat(40), t: fc.nat(40), type: fc.constantFrom(...EDGE_TYPES), intent: opt(fc.constantFrom(...INTENTS)) }), { maxLength: 40 }),
    order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map((r) => {
    const nodes: GraphNode[] = [];
    r.regions.forEach((x, k) => {
      const id = x.suffixed ? `region:${x.name}@${k}` : `region:${x.name}`;
      nodes.push({ id, type: 'region', label: x.name, name: x.name, ...(x.parent ? { parentId: x.parent } : {}) } as GraphNode);
    });
    r.policies.forEach((x, k) =>
      nodes.push({ id: `p${k}`, type: 'policy', label: `p${k}`, title: `p${k}`, titleConstructed: false, issuers: [], sourceId: 's', ...defined(x) } as GraphNode),
    );
    r.tasks.forEach((x, k) =>
      nodes.push({
        id: `t${k}`,
        type: 'task',
        label: `t${k}`,
        policyId: x.policy,
        path: [String(k)],
        title: 't',
        text: 't',
        fromOutline: false,
        ...defined({ region: x.region, year: x.year, level: x.level }),
      } as GraphNode),
    );
    r.documents.forEach((x, k) => nodes.push({ id: `d${k}`, type: 'document', label: `d${k}`, issuers: [], aliases: [], ...defined(x) } as GraphNode));
    for (let k = 0; k < r.institutions; k++) nodes.push({ id: `i${k}`, type: 'institution', label: `i${k}`, name: `i${k}`, aliases: [] } as GraphNode);
    nodes.push({ id: 'prog', type: 'program', label: 'prog', name: 'prog', aliases: [] } as GraphNode);
    // Any order: tasks before their policies, regions after their children.
    const shuffled = nodes.map((node, k) => ({ node, key: r.order[k % r.order.length] * 64 + k })).sort((a, b) => a.key - b.key).map((x) => x.node);
    // Endpoints past the nodes are missing: those edges are dropped by the build.
    const endpoint = (k: number) => (k < shuffled.length ? shuffled[k].id : `missing${k}`);
    const edges = r.edges.map(
      (e, k) => ({ id: `e${k}`, type: e.type, source: endpoint(e.s), target: endpoint(e.t), evidence: [], ...(e.intent ? { intent: e.intent } : {}) }) as GraphEdge,
    );
    return { nodes: shuffled, edges };
  });

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---- tests ----

/** How many of the cases the region scopes depend on a graph has. */
function awkwardCases(g: PolicyGraph) {
  const count = (test: (a: NodeAttributes) => boolean) => g.filterNodes((_, a) => test(a)).length;
  return {
    tasksWithoutRegion: count((a) => a.type === 'task' && a.region === undefined),
    regionsWithParent: count((a) => a.type === 'region' && a.parentId !== undefined),
    policiesWithProvince: count((a) => a.type === 'policy' && a.province !== undefined),
  };
}

describe('filter index compile', () => {
  it('gives the oracle index on the seeds graph', async () => {
    const { graph: file } = await seedGraph();
    const g = buildGraph(file.nodes, file.edges);
    const want = oracleCompile(g);
    expect(awkwardCases(g).regionsWithParent * awkwardCases(g).policiesWithProvince).toBeGreaterThan(0);
    expect(await compiledSliced(g)).toEqual(want);
  });

  it('gives the oracle index on the benchmark synthetic graph, compiled on first use and in slices', async () => {
    const g = await synthGraph(3000);
    const want = oracleCompile(g);
    expect(awkwardCases(g).regionsWithParent * awkwardCases(g).policiesWithProvince).toBeGreaterThan(0);
    expect(await compiledSliced(g)).toEqual(want);
    const onFirstUse = await synthGraph(3000);
    applyFilters(onFirstUse, {});
    expect(compiledFields(onFirstUse)).toEqual(want);
  });

  it('gives the oracle index on the hand-built graph after rows are added and edited', async () => {
    const f = smallGraphFile();
    const g = buildGraph(f.nodes, f.edges);
    expect(await compiledSliced(g)).toEqual(oracleCompile(g));
    g.addNode('region:石家庄市@2', { id: 'region:石家庄市@2', type: 'region', label: '石家庄市', name: '石家庄市', citedBy: 0, degree: 0 });
    const [first, second] = f.nodes.filter((n) => n.type === 'task');
    g.updateNodeAttributes(first.id, (a) => ({ ...a, region: '石家庄市', year: 2031 }) as typeof a);
    // A task without a region of its own takes its policy's.
    g.updateNodeAttributes(second.id, (a) => ({ ...a, region: undefined }) as typeof a);
    expect(awkwardCases(g).tasksWithoutRegion).toBeGreaterThan(0);
    expect(await compiledSliced(g)).toEqual(oracleCompile(g));
  });

  it('gives the oracle index on random graphs (regions with parents, tasks without region or policy)', async () => {
    // The random graphs do hold the cases (summed over a sample).
    const sample = fc.sample(randomGraph, { numRuns: 50, seed: 1 }).map((r) => awkwardCases(buildGraph(r.nodes, r.edges)));
    for (const key of ['tasksWithoutRegion', 'regionsWithParent', 'policiesWithProvince'] as const) {
      expect(sample.reduce((sum, c) => sum + c[key], 0)).toBeGreaterThan(0);
    }
    await fc.assert(
      fc.asyncProperty(randomGraph, async ({ nodes, edges }) => {
        const g = buildGraph(nodes, edges);
        expect(await compiledSliced(g)).toEqual(oracleCompile(g));
      }),
      { numRuns: 300 },
    );
  });

  it('reads graphology records when they are there, and gives the same index from the public iterators when not', async () => {
    const f = smallGraphFile();
    const plain = observed(buildGraph(f.nodes, f.edges), false);
    const want = await compiledSliced(plain.graph);
    expect(plain.edgeEntriesCalls()).toBe(0);
    const hidden = observed(buildGraph(f.nodes, f.edges), true);
    expect(await compiledSliced(hidden.graph)).toEqual(want);
    expect(hidden.edgeEntriesCalls()).toBe(1);

    const { graph: seeds } = await seedGraph();
    const seedsHidden = observed(buildGraph(seeds.nodes, seeds.edges), true);
    expect(await compiledSliced(seedsHidden.graph)).toEqual(oracleCompile(buildGraph(seeds.nodes, seeds.edges)));
  });
});
