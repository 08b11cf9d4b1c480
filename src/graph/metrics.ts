/**
 * Citation metrics on the graph: most-cited documents and PageRank of the citation network.
 * A citation is read at the level analysts count it: a task cites on behalf of its policy.
 */
import { DirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeType, GraphNode, Intent, StoredEdge } from '../model';

export type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

/**
 * The policy a citing node speaks for: a policy itself, a task's `policyId` (or, if that node is
 * absent, the policy that `contains` the task). Undefined for anything else.
 */
export function citingPolicyOf(graph: RowGraph, nodeId: string): string | undefined {
  if (!graph.hasNode(nodeId)) return undefined;
  const attrs = graph.getNodeAttributes(nodeId);
  if (attrs.type === 'policy') return nodeId;
  if (attrs.type !== 'task') return undefined;
  if (attrs.policyId && graph.hasNode(attrs.policyId)) return attrs.policyId;
  let found: string | undefined;
  graph.forEachInEdge(nodeId, (_e, edge, source) => {
    if (!found && edge.type === 'contains') found = source;
  });
  return found;
}

export interface CitedCount {
  id: string;
  label: string;
  type: GraphNode['type'];
  /** Number of `cites` edges into the node (one per citing task or policy and intent). */
  citations: number;
  /** Distinct citing nodes (tasks or policies). */
  citingNodes: number;
  /** Distinct policies citing it, directly or through their tasks. */
  citingPolicies: number;
}

export interface MostCitedOptions {
  /** Keep the top N (default: all). */
  limit?: number;
  /** Count only these intents (default: all). */
  intents?: readonly Intent[];
}

/**
 * Documents and policies ranked by how often they are cited (in-degree over `cites` edges).
 * Ties are broken by distinct citing policies, then by id, so the order is stable.
 */
export function mostCited(graph: RowGraph, opts: MostCitedOptions = {}): CitedCount[] {
  const intents = opts.intents ? new Set<string>(opts.intents) : undefined;
  const tally = new Map<string, { citations: number; citing: Set<string>; policies: Set<string> }>();
  const policyCache = new Map<string, string | undefined>();
  // One pass over the edges: most nodes are never cited, so visiting nodes would waste time.
  graph.forEachEdge((_e, edge, source, target) => {
    if (edge.type !== 'cites') return;
    if (intents && !intents.has(edge.intent ?? 'other')) return;
    let t = tally.get(target);
    if (!t) tally.set(target, (t = { citations: 0, citing: new Set(), policies: new Set() }));
    t.citations++;
    t.citing.add(source);
    if (!policyCache.has(source)) policyCache.set(source, citingPolicyOf(graph, source));
    const p = policyCache.get(source);
    if (p) t.policies.add(p);
  });
  const out: CitedCount[] = [];
  for (const [id, t] of tally) {
    const attrs = graph.getNodeAttributes(id);
    out.push({ id, label: attrs.label, type: attrs.type, citations: t.citations, citingNodes: t.citing.size, citingPolicies: t.policies.size });
  }
  out.sort((a, b) => b.citations - a.citations || b.citingPolicies - a.citingPolicies || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return opts.limit === undefined ? out : out.slice(0, opts.limit);
}

export interface CitationNetworkOptions {
  /** Edge types that count as "X draws on Y" (default: cites and adapts). */
  edgeTypes?: readonly EdgeType[];
  /** Replace a citing task by its policy (default true): documents, not tasks, are the units. */
  collapseTasks?: boolean;
}

/**
 * The citation network as a simple weighted directed graph, citing → cited, weight = number of
 * parallel edges. Self-loops made by collapsing (a policy's task citing that policy) are dropped.
 */
export function citationNetwork(graph: RowGraph, opts: CitationNetworkOptions = {}): DirectedGraph<{ label: string }, { weight: number; edges: string[] }> {
  const types = new Set<string>(opts.edgeTypes ?? ['cites', 'adapts']);
  const collapse = opts.collapseTasks ?? true;
  const net = new DirectedGraph<{ label: string }, { weight: number; edges: string[] }>();
  const unit = (id: string) => (collapse && graph.getNodeAttribute(id, 'type') === 'task' ? citingPolicyOf(graph, id) ?? id : id);
  graph.forEachEdge((edgeId, edge, source, target) => {
    if (!types.has(edge.type)) return;
    const from = unit(source);
    const to = unit(target);
    if (from === to) return;
    for (const n of [from, to]) if (!net.hasNode(n)) net.addNode(n, { label: graph.getNodeAttribute(n, 'label') });
    const existing = net.edge(from, to);
    if (existing) {
      net.updateEdgeAttributes(existing, (a) => ({ weight: a.weight + 1, edges: [...a.edges, edgeId] }));
    } else {
      net.addEdge(from, to, { weight: 1, edges: [edgeId] });
    }
  });
  return net;
}

export interface RankedNode {
  id: string;
  label: string;
  score: number;
}

/**
 * PageRank over the citation network (see `citationNetwork`): a document ranks high when it is
 * cited by documents that are themselves cited. Scores sum to 1 over the network's nodes; nodes
 * outside the citation network are not listed. Sorted by score, then id.
 */
export function pageRank(graph: RowGraph, opts: CitationNetworkOptions & { alpha?: number } = {}): RankedNode[] {
  const net = citationNetwork(graph, opts);
  if (net.order === 0) return [];
  const scores = pagerank(net, { getEdgeWeight: 'weight', alpha: opts.alpha ?? 0.85, maxIterations: 200, tolerance: 1e-10 });
  return net
    .mapNodes((id, a) => ({ id, label: a.label, score: scores[id] }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
