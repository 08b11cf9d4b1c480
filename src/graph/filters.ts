/**
 * The explorer's filters: which nodes and edges of the graph are in the current view.
 *
 * How the filters combine (the decisions a reader of the canvas needs to know):
 *
 * - Policies and tasks are the *anchors*: they carry year, region and level (tasks denormalised
 *   from their policy; a task missing one takes its policy's) and an issuer (a task's is its
 *   policy's). `yearRange`, `regions`, `levels` and `issuers` select anchors by those attributes.
 *   While such a filter is active, an anchor that lacks the attribute is hidden (unknown is not
 *   "in range").
 * - Documents, programmes, institutions and regions are *entities*: they are what the selected
 *   work cites, mentions, involves, is issued by or located in. While any anchor or edge filter
 *   is active, an entity is visible only when a selected anchor links to it through an edge that
 *   passes the edge filters, or when such a supported entity links on to it through `issued_by`,
 *   `located_in` or `adapts` (a cited document's issuer, the national plan a cited local plan
 *   adapts). So a county's plan still shows the national documents it rests on when the level
 *   filter says `county`. A policy of the corpus that selected work cites or adapts is shown
 *   the same way. With no anchor or edge filter, every entity is visible.
 * - Entities are then filtered by their own attributes only through the filters meant for them:
 *   `minCitedBy`, `documentLevels` and `documentYearRange` apply to documents.
 * - `nodeTypes` hides types from the view after the above, so hiding tasks does not hide the
 *   documents those tasks cite.
 * - Edges are visible when both endpoints are, and their type (`edgeTypes`) and, for `cites`,
 *   intent (`citeIntents`) pass.
 * - `ego` keeps the nodes within `hops` visible edges of the given ids; those ids themselves are
 *   always kept (they are the analyst's explicit selection).
 * - `hideIsolated` finally drops nodes left without a visible edge.
 *
 * Speed: the graph is compiled once into typed arrays (cached per graph and dropped on any
 * graph change), so a call is a few linear passes over those arrays plus the output arrays.
 */
import type { EdgeType, Intent, Level, NodeType } from '../model';
import { EDGE_TYPES, INTENTS, LEVELS, NODE_TYPES } from '../model';
import type { EdgeAttributes, NodeAttributes, PolicyGraph } from './load';
import { graphologyRecords, type EdgeRecord, type NodeRecord } from './records';
import { runSteps, runStepsSliced, type Steps } from '../util/schedule';

export interface YearRange {
  /** Inclusive; omitted means unbounded. */
  from?: number;
  to?: number;
}

export interface FilterState {
  /** Node types shown; omitted or empty means all. */
  nodeTypes?: readonly NodeType[];
  /** Years of policies and tasks. */
  yearRange?: YearRange;
  /** Region names (or `region:` ids) of policies and tasks; a province or city includes what lies in it. */
  regions?: readonly string[];
  /** Levels of policies and tasks. */
  levels?: readonly Level[];
  /** Issuers of policies (and so of their tasks): institution names, aliases or `inst:` ids; any of them. */
  issuers?: readonly string[];
  /** Documents cited fewer times than this are hidden. */
  minCitedBy?: number;
  /** Levels of documents (e.g. only national documents). */
  documentLevels?: readonly Level[];
  /** Years of documents. */
  documentYearRange?: YearRange;
  /** Edge types shown; omitted or empty means all. */
  edgeTypes?: readonly EdgeType[];
  /** Intents of `cites` edges shown; omitted or empty means all. */
  citeIntents?: readonly Intent[];
  /** Keep only the neighbourhood of these nodes (k hops over visible edges, either direction). */
  ego?: { ids: readonly string[]; hops: number };
  /** Drop nodes without any visible edge. */
  hideIsolated?: boolean;
}

export interface FilterResult {
  nodes: string[];
  edges: string[];
}

const T_POLICY = NODE_TYPES.indexOf('policy');
const T_TASK = NODE_TYPES.indexOf('task');
const T_DOCUMENT = NODE_TYPES.indexOf('document');
const E_CITES = EDGE_TYPES.indexOf('cites');
const E_ISSUED_BY = EDGE_TYPES.indexOf('issued_by');
const E_LOCATED_IN = EDGE_TYPES.indexOf('located_in');
const E_ADAPTS = EDGE_TYPES.indexOf('adapts');

/** The graph compiled into arrays indexed by node / edge position. */
interface FilterIndex {
  nodeIds: string[];
  /** Position by node id; made on first read (ego queries), since the compile itself needs few. */
  readonly nodeIndex: Map<string, number>;
  type: Uint8Array;
  /** 0 = unknown. */
  year: Uint16Array;
  /** LEVELS index, -1 = unknown. */
  level: Int8Array;
  citedBy: Uint32Array;
  degree: Uint32Array;
  /** For tasks the index of their policy, for policies themselves, else -1. */
  policyOf: Int32Array;
  /** Region scope of anchors (own region, its ancestors, province) as codes, CSR layout. */
  scopeStart: Int32Array;
  scopeCodes: Int32Array;
  regionCode: Map<string, number>;
  /** Indices of policy nodes. */
  policies: Int32Array;
  /** Indices of institution nodes. */
  institutions: Int32Array;
  edgeIds: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeType: Uint8Array;
  /** INTENTS index, -1 = none. */
  edgeIntent: Int8Array;
  /** Incident edges per node (CSR), built on first ego query. */
  adjacency?: { start: Int32Array; edges: Int32Array };
  /** Scratch buffers reused across calls. */
  nodeMark: Uint8Array;
  edgeMark: Uint8Array;
}

const cache = new WeakMap<PolicyGraph, FilterIndex>();
const watched = new WeakSet<PolicyGraph>();

const CHANGE_EVENTS = [
  'nodeAdded',
  'edgeAdded',
  'nodeDropped',
  'edgeDropped',
  'cleared',
  'edgesCleared',
  'nodeAttributesUpdated',
  'edgeAttributesUpdated',
] as const;

/** Forgets the compiled form of a graph; needed only after editing attributes in place without events. */
export function invalidateFilterIndex(g: PolicyGraph): void {
  cache.delete(g);
}

/** The region names a region name lies in (itself first), following region nodes' `parentId`. */
export function regionAncestry(g: PolicyGraph, name: string): string[] {
  const out = [name];
  let id: string | undefined = `region:${name}`;
  while (id && g.hasNode(id)) {
    const a = g.getNodeAttributes(id);
    if (a.type !== 'region' || !a.parentId || !g.hasNode(a.parentId)) break;
    const parent = g.getNodeAttributes(a.parentId);
    if (parent.type !== 'region' || out.includes(parent.name)) break;
    out.push(parent.name);
    id = a.parentId;
  }
  return out;
}

/** The region names an anchor (policy or task) belongs to: its region, that region's ancestors, its province. */
export function regionScope(g: PolicyGraph, attrs: NodeAttributes): string[] {
  let region: string | undefined;
  let province: string | undefined;
  if (attrs.type === 'policy') {
    region = attrs.region;
    province = attrs.province;
  } else if (attrs.type === 'task') {
    const p = g.hasNode(attrs.policyId) ? g.getNodeAttributes(attrs.policyId) : undefined;
    region = attrs.region ?? (p?.type === 'policy' ? p.region : undefined);
    province = p?.type === 'policy' ? p.province : undefined;
  }
  const out = region ? regionAncestry(g, region) : [];
  if (province && !out.includes(province)) out.push(province);
  return out;
}

/** `region:X` and `X` name the same region. */
export function regionName(s: string): string {
  return s.startsWith('region:') ? s.slice('region:'.length) : s;
}

/** Items between two yields of `compileSteps`: a few ms of work. */
const STEP = 4096;

/** Position of each value in a constant list (as `indexOf` gives, -1 when absent), without scanning it. */
function codesOf(list: readonly string[]): Map<string | undefined, number> {
  return new Map(list.map((v, k) => [v, k]));
}
const NODE_TYPE_CODE = codesOf(NODE_TYPES);
const LEVEL_CODE = codesOf(LEVELS);
const EDGE_TYPE_CODE = codesOf(EDGE_TYPES);
const INTENT_CODE = codesOf(INTENTS);

/**
 * The graph's nodes and edges as records, in graph order: graphology's own or, where those are
 * not there, records made from the public iterators.
 */
function recordsOf(g: PolicyGraph): { nodes: Iterator<NodeRecord>; edges: Iterator<EdgeRecord> } {
  const own = graphologyRecords(g);
  if (own) return { nodes: own.nodes.values(), edges: own.edges.values() };
  const byKey = new Map<string, NodeRecord>();
  function* nodes(): Generator<NodeRecord> {
    for (const { node: key, attributes } of g.nodeEntries()) {
      const r = { key, attributes };
      byKey.set(key, r);
      yield r;
    }
  }
  // Read after the nodes.
  function* edges(): Generator<EdgeRecord> {
    for (const { edge: key, attributes, source, target } of g.edgeEntries()) yield { key, attributes, source: byKey.get(source)!, target: byKey.get(target)! };
  }
  return { nodes: nodes(), edges: edges() };
}

/**
 * Compiles the graph into the filter index, yielding every STEP nodes or edges: run through on
 * first use (`indexOf`), or ahead in time slices (`compileFilterIndexSliced`). The per-item work
 * is in the builder's methods rather than in this generator: plain functions are optimised by
 * V8 while they run, a generator resumed a hundred times hardly is.
 */
function* compileSteps(g: PolicyGraph): Steps<FilterIndex> {
  const n = g.order;
  const m = g.size;
  const records = recordsOf(g);
  const b = new IndexBuilder(g, n, m);
  for (let k = 0; k < n; k += STEP) {
    b.addNodes(records.nodes, k, Math.min(n, k + STEP));
    yield;
  }
  for (let k = 0; k < n; k += STEP) {
    b.addAnchors(k, Math.min(n, k + STEP));
    yield;
  }
  for (let j = 0; j < m; j += STEP) {
    b.addEdges(records.edges, j, Math.min(m, j + STEP));
    yield;
  }
  return b.finish();
}

function positionsById(ids: readonly string[]): Map<string, number> {
  const byId = new Map<string, number>();
  for (let k = 0; k < ids.length; k++) byId.set(ids[k], k);
  return byId;
}

/** The filter index filled range by range: nodes, then anchors' attributes and scopes, then edges. */
class IndexBuilder {
  /** Node records by position. */
  private readonly nodes: NodeRecord[];
  private readonly nodeIds: string[];
  private byId: Map<string, number> | undefined;
  /** Node positions by record, for the edges' endpoints. */
  private readonly recordIndex = new Map<NodeRecord, number>();
  /** Positions of policies by id: a small map for the tasks' lookups of their policy. */
  private readonly policyIndex = new Map<string, number>();
  private readonly type: Uint8Array;
  private readonly year: Uint16Array;
  private readonly level: Int8Array;
  private readonly citedBy: Uint32Array;
  private readonly degree: Uint32Array;
  private readonly policyOf: Int32Array;
  private readonly policies: number[] = [];
  private readonly institutions: number[] = [];
  private readonly scopes: AnchorScopes;
  private readonly scopeStart: Int32Array;
  private readonly scope: number[] = [];
  private readonly edgeIds: string[];
  private readonly edgeSource: Int32Array;
  private readonly edgeTarget: Int32Array;
  private readonly edgeType: Uint8Array;
  private readonly edgeIntent: Int8Array;

  constructor(
    private readonly g: PolicyGraph,
    private readonly n: number,
    private readonly m: number,
  ) {
    this.nodes = new Array(n);
    this.nodeIds = new Array(n);
    this.type = new Uint8Array(n);
    this.year = new Uint16Array(n);
    this.level = new Int8Array(n).fill(-1);
    this.citedBy = new Uint32Array(n);
    this.degree = new Uint32Array(n);
    this.policyOf = new Int32Array(n).fill(-1);
    this.scopes = new AnchorScopes(g);
    this.scopeStart = new Int32Array(n + 1);
    this.edgeIds = new Array(m);
    this.edgeSource = new Int32Array(m);
    this.edgeTarget = new Int32Array(m);
    this.edgeType = new Uint8Array(m);
    this.edgeIntent = new Int8Array(m).fill(-1);
  }

  /** Nodes `from` to `to`, read on from `records`. (A sliced compile stops at the first change of the graph.) */
  addNodes(records: Iterator<NodeRecord>, from: number, to: number): void {
    const { nodes, nodeIds, recordIndex, type, citedBy, degree } = this;
    for (let k = from; k < to; k++) {
      const r = records.next().value as NodeRecord;
      nodes[k] = r;
      const id = r.key;
      const a = r.attributes;
      nodeIds[k] = id;
      recordIndex.set(r, k);
      type[k] = NODE_TYPE_CODE.get(a.type) ?? -1;
      citedBy[k] = a.citedBy;
      degree[k] = a.degree;
      if (a.type === 'policy') {
        this.policies.push(k);
        this.policyIndex.set(id, k);
      } else if (a.type === 'institution') this.institutions.push(k);
    }
  }

  /** Year, level, policy and region scope of anchors, tasks falling back on their policy's; year and level of documents. */
  addAnchors(from: number, to: number): void {
    const { nodes, year, level, policyOf, scopeStart, scope, scopes } = this;
    for (let k = from; k < to; k++) {
      scopeStart[k] = scope.length;
      const a = nodes[k].attributes;
      if (a.type === 'policy') {
        policyOf[k] = k;
        if (a.year) year[k] = a.year;
        if (a.level) level[k] = LEVEL_CODE.get(a.level) ?? -1;
        scopes.push(scope, a.region, a.province);
      } else if (a.type === 'task') {
        let y = a.year;
        let l = a.level;
        let region = a.region;
        let province: string | undefined;
        // The position of any node of that id; its attributes count only when it is a policy.
        const p = this.policyIndex.get(a.policyId) ?? (this.g.hasNode(a.policyId) ? this.nodeIndex().get(a.policyId) : undefined);
        if (p !== undefined) {
          policyOf[k] = p;
          const pa = nodes[p].attributes;
          if (pa.type === 'policy') {
            y ??= pa.year;
            l ??= pa.level;
            region ??= pa.region;
            province = pa.province;
          }
        }
        if (y) year[k] = y;
        if (l) level[k] = LEVEL_CODE.get(l) ?? -1;
        scopes.push(scope, region, province);
      } else if (a.type === 'document') {
        if (a.year) year[k] = a.year;
        if (a.level) level[k] = LEVEL_CODE.get(a.level) ?? -1;
      }
    }
    if (to === this.n) scopeStart[to] = scope.length;
  }

  addEdges(records: Iterator<EdgeRecord>, from: number, to: number): void {
    const { edgeIds, edgeSource, edgeTarget, edgeType, edgeIntent, recordIndex } = this;
    for (let j = from; j < to; j++) {
      const e = records.next().value as EdgeRecord;
      const a = e.attributes;
      edgeIds[j] = e.key;
      edgeSource[j] = recordIndex.get(e.source)!;
      edgeTarget[j] = recordIndex.get(e.target)!;
      edgeType[j] = EDGE_TYPE_CODE.get(a.type) ?? -1;
      if (a.intent) edgeIntent[j] = INTENT_CODE.get(a.intent) ?? -1;
    }
  }

  /** Position by node id, made on first use (all nodes must be added). */
  private nodeIndex(): Map<string, number> {
    return (this.byId ??= positionsById(this.nodeIds));
  }

  finish(): FilterIndex {
    // The getter holds the ids only, not the builder's records and maps.
    const nodeIds = this.nodeIds;
    let byId = this.byId;
    return {
      nodeIds,
      get nodeIndex() {
        return (byId ??= positionsById(nodeIds));
      },
      type: this.type,
      year: this.year,
      level: this.level,
      citedBy: this.citedBy,
      degree: this.degree,
      policyOf: this.policyOf,
      scopeStart: this.scopeStart,
      scopeCodes: Int32Array.from(this.scope),
      regionCode: this.scopes.regionCode,
      policies: Int32Array.from(this.policies),
      institutions: Int32Array.from(this.institutions),
      edgeIds: this.edgeIds,
      edgeSource: this.edgeSource,
      edgeTarget: this.edgeTarget,
      edgeType: this.edgeType,
      edgeIntent: this.edgeIntent,
      nodeMark: new Uint8Array(this.n),
      edgeMark: new Uint8Array(this.m),
    };
  }
}

/**
 * Region codes of anchors during one compile: the names of `regionScope` as codes, numbered in
 * first-seen order. They depend only on the anchor's (region, province), which 84k tasks share
 * among a few hundred pairs, so each pair's codes are worked out once.
 */
class AnchorScopes {
  readonly regionCode = new Map<string, number>();
  private readonly byPair = new Map<string | undefined, Map<string | undefined, readonly number[]>>();

  constructor(private readonly g: PolicyGraph) {}

  /** Appends to `out` the codes of the scope of an anchor in `region` of `province`. */
  push(out: number[], region: string | undefined, province: string | undefined): void {
    let byProvince = this.byPair.get(region);
    if (!byProvince) this.byPair.set(region, (byProvince = new Map()));
    let codes = byProvince.get(province);
    if (!codes) byProvince.set(province, (codes = this.codes(region, province)));
    for (const c of codes) out.push(c);
  }

  /** As in regionScope: the region, its ancestors, then the province when not among them. */
  private codes(region: string | undefined, province: string | undefined): number[] {
    const names = region ? regionAncestry(this.g, region) : [];
    if (province && !names.includes(province)) names.push(province);
    return names.map((name) => {
      let c = this.regionCode.get(name);
      if (c === undefined) this.regionCode.set(name, (c = this.regionCode.size));
      return c;
    });
  }
}

/** Keeps `idx` as the index of `g` until `g` changes. */
function remember(g: PolicyGraph, idx: FilterIndex): FilterIndex {
  if (!watched.has(g)) {
    watched.add(g);
    const drop = () => cache.delete(g);
    for (const ev of CHANGE_EVENTS) g.on(ev, drop);
  }
  cache.set(g, idx);
  return idx;
}

function indexOf(g: PolicyGraph): FilterIndex {
  return cache.get(g) ?? remember(g, runSteps(compileSteps(g)));
}

/**
 * Compiles the filter index of `g` ahead of the first filter, in time slices (at 100k nodes the
 * compile is ~0.2–0.35 s in Node, which as part of the first view's computation made it one long task).
 * A change of `g` while it runs makes the result stale: it is then not kept.
 */
export async function compileFilterIndexSliced(g: PolicyGraph, opts: { sliceMs?: number } = {}): Promise<void> {
  if (cache.has(g)) return;
  let changed = false;
  const mark = () => void (changed = true);
  for (const ev of CHANGE_EVENTS) g.on(ev, mark);
  try {
    const idx = await runStepsSliced(compileSteps(g), { sliceMs: opts.sliceMs, abandon: () => changed });
    if (idx && !cache.has(g)) remember(g, idx);
  } finally {
    for (const ev of CHANGE_EVENTS) g.off(ev, mark);
  }
}

function adjacencyOf(idx: FilterIndex): { start: Int32Array; edges: Int32Array } {
  if (idx.adjacency) return idx.adjacency;
  const n = idx.nodeIds.length;
  const m = idx.edgeIds.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    start[idx.edgeSource[e] + 1]++;
    start[idx.edgeTarget[e] + 1]++;
  }
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const edges = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    edges[fill[idx.edgeSource[e]]++] = e;
    edges[fill[idx.edgeTarget[e]]++] = e;
  }
  return (idx.adjacency = { start, edges });
}

/** A set over small code ranges as a byte mask; null when the filter is off. */
function maskOf<T>(values: readonly T[] | undefined, universe: readonly T[]): Uint8Array | null {
  if (!values || values.length === 0) return null;
  const mask = new Uint8Array(universe.length);
  for (const v of values) {
    const k = universe.indexOf(v);
    if (k >= 0) mask[k] = 1;
  }
  return mask;
}

function inRange(y: number, r: YearRange): boolean {
  return y !== 0 && (r.from === undefined || y >= r.from) && (r.to === undefined || y <= r.to);
}

function rangeActive(r: YearRange | undefined): r is YearRange {
  return !!r && (r.from !== undefined || r.to !== undefined);
}

/**
 * Institution names an issuer filter stands for: each value, and for an institution whose id,
 * name or alias it is, that institution's name and aliases. (An alias shared by several
 * institutions, such as 市委, stands for all of them.)
 */
function issuerNames(g: PolicyGraph, idx: FilterIndex, values: readonly string[]): Set<string> {
  const wanted = new Set(values);
  const names = new Set(values);
  for (const k of idx.institutions) {
    const id = idx.nodeIds[k];
    const a = g.getNodeAttributes(id);
    if (a.type !== 'institution') continue;
    if (wanted.has(id) || wanted.has(a.name) || a.aliases.some((x) => wanted.has(x))) {
      names.add(a.name);
      for (const alias of a.aliases) names.add(alias);
    }
  }
  return names;
}

// Node marks in the scratch buffer.
const HIDDEN = 0;
const SHOWN = 1;
const SUPPORTED = 2; // entity linked from a shown anchor
const FORCED = 3; // ego seed

/**
 * The ids of the nodes and edges that pass the filters, in graph order. See the module comment
 * for how the filters combine.
 */
export function applyFilters(g: PolicyGraph, f: FilterState): FilterResult {
  const idx = indexOf(g);
  const n = idx.nodeIds.length;
  const m = idx.edgeIds.length;
  const { type, year, level, policyOf, edgeSource, edgeTarget, edgeType, edgeIntent } = idx;
  const mark = idx.nodeMark;
  const emark = idx.edgeMark;
  mark.fill(HIDDEN);
  emark.fill(0);

  const typeMask = maskOf(f.nodeTypes, NODE_TYPES);
  const levelMask = maskOf(f.levels, LEVELS);
  const docLevelMask = maskOf(f.documentLevels, LEVELS);
  const edgeTypeMask = maskOf(f.edgeTypes, EDGE_TYPES);
  const intentMask = maskOf(f.citeIntents, INTENTS);
  const years = rangeActive(f.yearRange) ? f.yearRange : null;
  const docYears = rangeActive(f.documentYearRange) ? f.documentYearRange : null;
  const minCitedBy = f.minCitedBy ?? 0;

  let regionMask: Uint8Array | null = null;
  if (f.regions && f.regions.length) {
    regionMask = new Uint8Array(idx.regionCode.size);
    for (const r of f.regions) {
      const c = idx.regionCode.get(regionName(r));
      if (c !== undefined) regionMask[c] = 1;
    }
  }
  // Policies whose issuers match, as a mask over node indices (only policy slots are read).
  let issuerPolicies: Uint8Array | null = null;
  if (f.issuers && f.issuers.length) {
    issuerPolicies = new Uint8Array(n);
    const names = issuerNames(g, idx, f.issuers);
    for (const p of idx.policies) {
      const a = g.getNodeAttributes(idx.nodeIds[p]);
      if (a.type === 'policy' && a.issuers.some((s) => names.has(s))) issuerPolicies[p] = 1;
    }
    // Also through issued_by edges to a named institution node.
    for (let e = 0; e < m; e++) {
      if (edgeType[e] !== E_ISSUED_BY || type[edgeSource[e]] !== T_POLICY) continue;
      const inst = g.getNodeAttributes(idx.nodeIds[edgeTarget[e]]);
      if (inst.type === 'institution' && names.has(inst.name)) issuerPolicies[edgeSource[e]] = 1;
    }
  }

  const anchorFilter = !!(years || regionMask || levelMask || issuerPolicies);
  const selection = anchorFilter || !!edgeTypeMask || !!intentMask;

  const edgeAllowed = (e: number): boolean => {
    const t = edgeType[e];
    if (edgeTypeMask && !edgeTypeMask[t]) return false;
    if (intentMask && t === E_CITES && (edgeIntent[e] < 0 || !intentMask[edgeIntent[e]])) return false;
    return true;
  };

  // 1. Anchors by their attributes; entities provisionally by "no selection at all".
  const { scopeStart, scopeCodes } = idx;
  for (let k = 0; k < n; k++) {
    const t = type[k];
    if (t !== T_POLICY && t !== T_TASK) {
      mark[k] = selection ? HIDDEN : SHOWN;
      continue;
    }
    if (years && !inRange(year[k], years)) continue;
    if (levelMask && (level[k] < 0 || !levelMask[level[k]])) continue;
    if (issuerPolicies && (policyOf[k] < 0 || !issuerPolicies[policyOf[k]])) continue;
    if (regionMask) {
      let hit = false;
      for (let s = scopeStart[k]; s < scopeStart[k + 1] && !hit; s++) hit = regionMask[scopeCodes[s]] === 1;
      if (!hit) continue;
    }
    mark[k] = SHOWN;
  }

  // 2. Entities linked from shown anchors, then one step on through issued_by / located_in / adapts.
  if (selection) {
    const isAnchor = (k: number) => type[k] === T_POLICY || type[k] === T_TASK;
    for (let e = 0; e < m; e++) {
      if (!edgeAllowed(e)) continue;
      const s = edgeSource[e];
      const t = edgeTarget[e];
      if (mark[s] === SHOWN && isAnchor(s)) {
        // A policy of the corpus cited or adapted by selected work is shown like a document.
        const et = edgeType[e];
        if (!isAnchor(t) || ((et === E_CITES || et === E_ADAPTS) && mark[t] === HIDDEN)) mark[t] = SUPPORTED;
      } else if (mark[t] === SHOWN && isAnchor(t) && !isAnchor(s)) mark[s] = SUPPORTED;
    }
    for (let e = 0; e < m; e++) {
      const et = edgeType[e];
      if ((et !== E_ISSUED_BY && et !== E_LOCATED_IN && et !== E_ADAPTS) || !edgeAllowed(e)) continue;
      const s = edgeSource[e];
      const t = edgeTarget[e];
      if (mark[s] === SUPPORTED && !isAnchor(t) && mark[t] === HIDDEN) mark[t] = SHOWN;
    }
    for (let k = 0; k < n; k++) if (mark[k] === SUPPORTED) mark[k] = SHOWN;
  }

  // 3. Entities' own filters, then node types.
  for (let k = 0; k < n; k++) {
    if (mark[k] === HIDDEN) continue;
    const t = type[k];
    if (t === T_DOCUMENT) {
      if (idx.citedBy[k] < minCitedBy) mark[k] = HIDDEN;
      else if (docLevelMask && (level[k] < 0 || !docLevelMask[level[k]])) mark[k] = HIDDEN;
      else if (docYears && !inRange(year[k], docYears)) mark[k] = HIDDEN;
    }
    if (typeMask && !typeMask[t]) mark[k] = HIDDEN;
  }

  // 4. Ego network: breadth-first over visible edges from the seeds.
  if (f.ego && f.ego.ids.length) {
    const seeds: number[] = [];
    for (const id of f.ego.ids) {
      const k = idx.nodeIndex.get(id);
      if (k !== undefined) seeds.push(k);
    }
    egoRestrict(idx, seeds, Math.max(0, Math.floor(f.ego.hops)), edgeAllowed);
  }

  // 5. Edges between visible nodes.
  for (let e = 0; e < m; e++) {
    if (mark[edgeSource[e]] !== HIDDEN && mark[edgeTarget[e]] !== HIDDEN && edgeAllowed(e)) emark[e] = 1;
  }

  // 6. Isolated nodes: mark 1 = visible without edges so far, 2 = has a visible edge.
  if (f.hideIsolated) {
    for (let k = 0; k < n; k++) if (mark[k] !== HIDDEN) mark[k] = SHOWN;
    for (let e = 0; e < m; e++) {
      if (!emark[e]) continue;
      mark[edgeSource[e]] = SUPPORTED;
      mark[edgeTarget[e]] = SUPPORTED;
    }
    for (let k = 0; k < n; k++) if (mark[k] === SHOWN) mark[k] = HIDDEN;
  }

  let nn = 0;
  for (let k = 0; k < n; k++) if (mark[k] !== HIDDEN) nn++;
  let ne = 0;
  for (let e = 0; e < m; e++) if (emark[e]) ne++;
  const nodes: string[] = new Array(nn);
  const nodeIdx = new Int32Array(nn);
  for (let k = 0, i = 0; k < n; k++) {
    if (mark[k] === HIDDEN) continue;
    nodes[i] = idx.nodeIds[k];
    nodeIdx[i++] = k;
  }
  const edges: string[] = new Array(ne);
  const edgeIdx = new Int32Array(ne);
  for (let e = 0, j = 0; e < m; e++) {
    if (!emark[e]) continue;
    edges[j] = idx.edgeIds[e];
    edgeIdx[j++] = e;
  }
  const compiled: CompiledView = {
    g,
    index: idx,
    nodeIdx,
    edgeIdx,
  };
  Object.defineProperty(nodes, COMPILED, { value: compiled });
  Object.defineProperty(edges, COMPILED, { value: compiled });
  return { nodes, edges };
}

/**
 * The positions behind a filter result, so that capView can work on integers instead of ids.
 * Carried invisibly by the arrays applyFilters returns; absent on any other array.
 */
interface CompiledView {
  g: PolicyGraph;
  index: FilterIndex;
  /** Graph positions of the result's nodes / edges, in the result's order. */
  nodeIdx: Int32Array;
  edgeIdx: Int32Array;
}
const COMPILED = Symbol('compiledView');

/**
 * For the node and edge arrays of one applyFilters result on a graph unchanged since: per node
 * of `nodes` its citedBy, degree and graph position (`nodeIdx`, in iteration order; `index` is
 * the compiled index it refers to), and per edge of `edges` the positions in `nodes` of its
 * endpoints and its type (`edgeTypeAt(j)`). Null for any other arrays (the caller then works from ids).
 */
export function compiledView(
  g: PolicyGraph,
  nodes: readonly string[],
  edges: readonly string[],
): { citedBy: Uint32Array; degree: Uint32Array; edgeEnds: Int32Array; nodeIdx: Int32Array; index: object; edgeTypeAt: (j: number) => EdgeType } | null {
  const c = (nodes as unknown as Record<symbol, CompiledView | undefined>)[COMPILED];
  if (!c || c.g !== g || (edges as unknown as Record<symbol, CompiledView | undefined>)[COMPILED] !== c) return null;
  if (nodes.length !== c.nodeIdx.length || edges.length !== c.edgeIdx.length) return null; // edited since
  if (cache.get(g) !== c.index) return null; // the graph changed since
  const idx = c.index;
  const at = new Int32Array(idx.nodeIds.length);
  const citedBy = new Uint32Array(c.nodeIdx.length);
  const degree = new Uint32Array(c.nodeIdx.length);
  for (let i = 0; i < c.nodeIdx.length; i++) {
    const k = c.nodeIdx[i];
    at[k] = i;
    citedBy[i] = idx.citedBy[k];
    degree[i] = idx.degree[k];
  }
  const edgeEnds = new Int32Array(2 * c.edgeIdx.length);
  for (let j = 0; j < c.edgeIdx.length; j++) {
    const e = c.edgeIdx[j];
    edgeEnds[2 * j] = at[idx.edgeSource[e]];
    edgeEnds[2 * j + 1] = at[idx.edgeTarget[e]];
  }
  const edgeIdx = c.edgeIdx;
  return { citedBy, degree, edgeEnds, nodeIdx: c.nodeIdx, index: idx, edgeTypeAt: (j) => EDGE_TYPES[idx.edgeType[edgeIdx[j]]] };
}

/**
 * The compiled index of `g` as an opaque token (a new one whenever `g` changed), or null when it is
 * not compiled. Positions `compiledView` gives (`nodeIdx`) are positions in `g.forEachNode` order
 * of the graph as it was when this token was made.
 */
export function filterIndexToken(g: PolicyGraph): object | null {
  return cache.get(g) ?? null;
}

/** Keeps visible only the nodes within `hops` of the seeds over allowed edges between visible nodes. */
function egoRestrict(idx: FilterIndex, seeds: number[], hops: number, edgeAllowed: (e: number) => boolean): void {
  const mark = idx.nodeMark;
  const { start, edges } = adjacencyOf(idx);
  // Distances in a scratch array sized to the graph; -1 = not reached.
  const dist = new Int32Array(idx.nodeIds.length).fill(-1);
  const queue = new Int32Array(idx.nodeIds.length);
  let head = 0;
  let tail = 0;
  for (const s of seeds) {
    if (dist[s] >= 0) continue;
    dist[s] = 0;
    mark[s] = FORCED;
    queue[tail++] = s;
  }
  while (head < tail) {
    const k = queue[head++];
    if (dist[k] >= hops) continue;
    for (let a = start[k]; a < start[k + 1]; a++) {
      const e = edges[a];
      if (!edgeAllowed(e)) continue;
      const other = idx.edgeSource[e] === k ? idx.edgeTarget[e] : idx.edgeSource[e];
      if (dist[other] >= 0 || mark[other] === HIDDEN) continue;
      dist[other] = dist[k] + 1;
      queue[tail++] = other;
    }
  }
  for (let k = 0; k < mark.length; k++) if (dist[k] < 0) mark[k] = HIDDEN;
}
